//! End-to-end tests: run the built `newsfacet` binary on the bundled sample corpus and check
//! its answers against `tests/fixtures/corpus-truth.json`, worked out by hand for the sample.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn newsfacet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfacet"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("the newsfacet binary runs")
}

fn json_of(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "newsfacet failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON value")
}

/// One index of the sample corpus shared by the read-only tests, built once per test binary.
fn sample_index() -> &'static str {
    static INDEX: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    let (_, path) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index").display().to_string();
        json_of(&newsfacet(&[
            "index",
            "index-data/corpus",
            "--index",
            &path,
            "--json",
        ]));
        (dir, path)
    });
    path
}

struct TruthArticle {
    title: String,
    source: Option<String>,
    speakers: Vec<String>,
    not_speakers: Vec<String>,
    countries: Vec<String>,
}

fn truth() -> Vec<TruthArticle> {
    let text = std::fs::read_to_string(repo_root().join("tests/fixtures/corpus-truth.json"))
        .expect("truth file");
    let value: Value = serde_json::from_str(&text).expect("truth is JSON");
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    value["articles"]
        .as_array()
        .expect("articles array")
        .iter()
        .map(|a| TruthArticle {
            title: a["title"].as_str().expect("title").to_string(),
            source: a["source"].as_str().map(String::from),
            speakers: strings(&a["speakers"]),
            not_speakers: strings(&a["not_speakers"]),
            countries: strings(&a["countries"]),
        })
        .collect()
}

/// Titles of every hit of `search` with these extra arguments.
fn titles(extra: &[&str]) -> BTreeSet<String> {
    let mut args = vec![
        "search",
        "*",
        "--index",
        sample_index(),
        "--limit",
        "1000",
        "--json",
    ];
    args.extend_from_slice(extra);
    let results = json_of(&newsfacet(&args));
    let hits = results["hits"].as_array().expect("hits");
    assert_eq!(
        results["total"].as_u64(),
        Some(hits.len() as u64),
        "total counts every hit"
    );
    hits.iter()
        .map(|h| h["title"].as_str().expect("title").to_string())
        .collect()
}

fn truth_titles(keep: impl Fn(&TruthArticle) -> bool) -> BTreeSet<String> {
    truth()
        .into_iter()
        .filter(|a| keep(a))
        .map(|a| a.title)
        .collect()
}

fn facet_counts(field: &str, extra: &[&str]) -> BTreeMap<String, u64> {
    let mut args = vec![
        "facets",
        "--field",
        field,
        "--top",
        "1000",
        "--index",
        sample_index(),
        "--json",
    ];
    args.extend_from_slice(extra);
    let list = json_of(&newsfacet(&args));
    assert_eq!(list["field"], field);
    assert_eq!(list["other"], 0, "--top 1000 lists every value");
    list["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

#[test]
fn indexing_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index").display().to_string();
    let first = json_of(&newsfacet(&[
        "index",
        "index-data/corpus",
        "--index",
        &index,
        "--json",
    ]));
    assert_eq!(first["read"], 30, "18 text files and 12 JSON lines");
    assert_eq!(
        first["indexed"], 29,
        "one Reuters story is in both a .txt and wires.jsonl"
    );
    assert_eq!(first["skipped"], 1);
    assert_eq!(first["skip_reasons"]["duplicate id"], 1);
    assert_eq!(first["documents_in_index"], 29);
    let facets_before =
        newsfacet(&["facets", "--field", "country", "--index", &index, "--json"]).stdout;

    let second = json_of(&newsfacet(&[
        "index",
        "index-data/corpus",
        "--index",
        &index,
        "--json",
    ]));
    assert_eq!(second["indexed"], 0);
    assert_eq!(second["updated"], 0);
    assert_eq!(second["unchanged"], 29);
    assert_eq!(second["documents_in_index"], 29);
    let facets_after =
        newsfacet(&["facets", "--field", "country", "--index", &index, "--json"]).stdout;
    assert_eq!(facets_before, facets_after);
}

#[test]
fn source_counts_match_the_hand_worked_answers() {
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for article in truth() {
        if let Some(source) = article.source {
            *expected.entry(source).or_default() += 1;
        }
    }
    assert_eq!(facet_counts("source", &[]), expected);
}

#[test]
fn country_filters_match_the_hand_worked_answers() {
    let countries: BTreeSet<String> = truth().into_iter().flat_map(|a| a.countries).collect();
    for country in &countries {
        let expected = truth_titles(|a| a.countries.contains(country));
        assert_eq!(
            titles(&["--country", country]),
            expected,
            "--country {country}"
        );
    }
}

#[test]
fn speaker_filters_match_the_hand_worked_answers() {
    let speakers: BTreeSet<String> = truth().into_iter().flat_map(|a| a.speakers).collect();
    for speaker in &speakers {
        let expected = truth_titles(|a| a.speakers.contains(speaker));
        assert_eq!(
            titles(&["--speaker", speaker]),
            expected,
            "--speaker {speaker}"
        );
    }
}

#[test]
fn mentioned_people_and_cited_agencies_are_not_speakers() {
    let speakers = facet_counts("speaker", &[]);
    for article in truth() {
        for name in &article.not_speakers {
            assert!(!speakers.contains_key(name), "{name} must not be a speaker");
        }
    }
}

#[test]
fn a_repeated_flag_ors_and_different_flags_and() {
    let reuters_or_tass = truth_titles(|a| matches!(a.source.as_deref(), Some("Reuters" | "TASS")));
    assert!(reuters_or_tass.len() > truth_titles(|a| a.source.as_deref() == Some("Reuters")).len());
    assert_eq!(
        titles(&["--source", "Reuters", "--source", "TASS"]),
        reuters_or_tass
    );

    let shoigu_on_japan = truth_titles(|a| {
        a.speakers.iter().any(|s| s == "Sergei Shoigu") && a.countries.iter().any(|c| c == "Japan")
    });
    assert!(!shoigu_on_japan.is_empty());
    assert_eq!(
        titles(&["--speaker", "Sergei Shoigu", "--country", "Japan"]),
        shoigu_on_japan
    );

    let reuters_in_japan = truth_titles(|a| {
        a.source.as_deref() == Some("Reuters") && a.countries.iter().any(|c| c == "Japan")
    });
    assert_eq!(
        titles(&["--source", "Reuters", "--country", "Japan"]),
        reuters_in_japan
    );
}

#[test]
fn filter_values_match_case_insensitively_and_through_aliases() {
    let shoigu = truth_titles(|a| a.speakers.iter().any(|s| s == "Sergei Shoigu"));
    assert_eq!(shoigu.len(), 3);
    assert_eq!(titles(&["--speaker", "shoygu"]), shoigu);
    assert_eq!(titles(&["--speaker", "SERGEY SHOIGU"]), shoigu);

    let turkey = truth_titles(|a| a.countries.iter().any(|c| c == "Turkey"));
    assert!(!turkey.is_empty());
    assert_eq!(titles(&["--country", "türkiye"]), turkey);
    assert_eq!(titles(&["--country", "Turkey"]), turkey);
    assert_eq!(titles(&["--country", "turkiye"]), turkey);
}

#[test]
fn text_queries_combine_with_filters_and_highlight() {
    let multipolar = json_of(&newsfacet(&[
        "search",
        "\"multipolar world\"",
        "--index",
        sample_index(),
        "--json",
    ]));
    assert_eq!(multipolar["total"], 4);
    let hit = &multipolar["hits"][0];
    for key in [
        "id",
        "title",
        "source",
        "published",
        "score",
        "snippet",
        "speakers",
        "countries",
    ] {
        assert!(hit.get(key).is_some(), "hit has {key}");
    }
    assert!(hit.get("url").is_some() || hit.get("path").is_some());
    assert!(
        hit["snippet"].as_str().unwrap().contains("<b>"),
        "snippet highlights the phrase"
    );
    let countries = multipolar["facets"]["country"].as_array().unwrap();
    let russia = countries
        .iter()
        .find(|c| c["value"] == "Russia")
        .expect("Russia comes up");
    assert_eq!(russia["count"], 3);
    let with_filter = json_of(&newsfacet(&[
        "search",
        "\"multipolar world\"",
        "--country",
        "india",
        "--index",
        sample_index(),
        "--json",
    ]));
    assert_eq!(with_filter["total"], 1);
}

#[test]
fn a_malformed_query_exits_with_status_2() {
    let output = newsfacet(&["search", "title:(", "--index", sample_index()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn analyze_prints_the_json_contract() {
    let output = newsfacet(&[
        "analyze",
        "index-data/corpus/txt/2026-03-02-shoigu-japan-tass.txt",
        "--json",
    ]);
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(output.status.success());
    assert_eq!(text.lines().count(), 1, "one JSON object per article");
    let article: Value = serde_json::from_str(text.trim()).unwrap();
    assert!(article["path"]
        .as_str()
        .unwrap()
        .ends_with("2026-03-02-shoigu-japan-tass.txt"));
    assert_eq!(article["source"], "TASS");
    assert_eq!(article["published"], "2026-03-02");
    assert!(
        article["id"].is_string() && article["title"].is_string() && article["body"].is_string()
    );
    assert_eq!(article["speakers"][0]["name"], "Sergei Shoigu");
    assert_eq!(article["speakers"][0]["type"], "person");
    let countries: Vec<&str> = article["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(countries.contains(&"JP") && countries.contains(&"RU"));
    let entities = article["entities"].as_array().unwrap();
    let shoigu = entities
        .iter()
        .find(|e| e["name"] == "Sergei Shoigu")
        .expect("Shoigu is an entity");
    assert_eq!(shoigu["type"], "person");
    assert!(shoigu["count"].as_u64().unwrap() >= 3);
    assert!(shoigu["surface"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "Shoigu"));
    let quotes = article["quotes"].as_array().unwrap();
    assert!(quotes
        .iter()
        .any(|q| q["kind"] == "direct" && q["speaker"] == "Sergei Shoigu"));
    assert!(quotes.iter().all(|q| q["text"].is_string()));
}

#[test]
fn bad_records_are_reported_with_file_and_line_and_the_rest_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("feed.jsonl");
    std::fs::write(
        &corpus,
        "{\"title\": \"Good one\", \"text\": \"Lavrov said talks went well.\"}\n{\"title\": broken\n{\"title\": \"Good two\", \"text\": \"More text.\"}\n",
    )
    .unwrap();
    let corpus = corpus.display().to_string();
    let index = dir.path().join("index").display().to_string();
    let summary = json_of(&newsfacet(&["index", &corpus, "--index", &index, "--json"]));
    assert_eq!(summary["indexed"], 2);
    assert_eq!(summary["skipped"], 1);
    let listed = summary["skipped_records"][0].as_str().unwrap();
    assert!(listed.contains("feed.jsonl:2"), "{listed}");

    let analyzed = newsfacet(&["analyze", &corpus, "--json"]);
    assert_eq!(analyzed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&analyzed.stderr).contains("feed.jsonl:2"));
    assert_eq!(String::from_utf8_lossy(&analyzed.stdout).lines().count(), 2);
}

#[test]
fn searching_a_missing_index_is_a_clear_error() {
    let output = newsfacet(&["search", "talks", "--index", "/nonexistent/newsfacet-index"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("newsfacet index"));
}
