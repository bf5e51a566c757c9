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

/// An index built once per test binary from `corpus`, kept in `cell`; its directory.
fn shared_index(
    cell: &'static OnceLock<(tempfile::TempDir, String)>,
    corpus: &str,
) -> &'static str {
    let (_, path) = cell.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index").display().to_string();
        json_of(&newsfacet(&["index", corpus, "--index", &path, "--json"]));
        (dir, path)
    });
    path
}

/// One index of the sample corpus shared by the read-only tests.
fn sample_index() -> &'static str {
    static INDEX: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    shared_index(&INDEX, "index-data/corpus")
}

struct TruthArticle {
    file: String,
    title: String,
    source: Option<String>,
    published: Option<String>,
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
            // The first file of a story read from several.
            file: a["file"]
                .as_str()
                .or_else(|| a["file"][0].as_str())
                .expect("file")
                .to_string(),
            title: a["title"].as_str().expect("title").to_string(),
            source: a["source"].as_str().map(String::from),
            published: a["published"].as_str().map(String::from),
            speakers: strings(&a["speakers"]),
            not_speakers: strings(&a["not_speakers"]),
            countries: strings(&a["countries"]),
        })
        .collect()
}

/// Every hit of `command` (`search` or `quotes`) with these extra arguments, checking that
/// `total` counts them all.
fn all_hits(command: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec![
        command,
        "--index",
        sample_index(),
        "--limit",
        "1000",
        "--json",
    ];
    args.extend_from_slice(extra);
    let results = json_of(&newsfacet(&args));
    let hits = results["hits"].as_array().expect("hits").clone();
    assert_eq!(
        results["total"].as_u64(),
        Some(hits.len() as u64),
        "total counts every hit"
    );
    hits
}

fn hit_titles(hits: &[Value]) -> BTreeSet<String> {
    hits.iter()
        .map(|h| h["title"].as_str().expect("title").to_string())
        .collect()
}

/// Titles of every hit of `search` with these extra arguments.
fn titles(extra: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["*"];
    args.extend_from_slice(extra);
    hit_titles(&all_hits("search", &args))
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
    assert_eq!(first["read"], 31, "19 text files and 12 JSON lines");
    assert_eq!(
        first["indexed"], 30,
        "one Reuters story is in both a .txt and wires.jsonl"
    );
    assert_eq!(first["skipped"], 1);
    assert_eq!(first["skip_reasons"]["duplicate id"], 1);
    assert_eq!(first["documents_in_index"], 30);
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
    assert_eq!(second["unchanged"], 30);
    assert_eq!(second["documents_in_index"], 30);
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
    for (command, query, fields) in [
        ("search", "title:(", "title, body"),
        ("quotes", "\"unbalanced", "quote"),
    ] {
        let output = newsfacet(&[command, query, "--index", sample_index()]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("error"), "{stderr}");
        assert!(
            stderr.contains(&format!("searchable fields: {fields}")),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
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

/// Every hit of `quotes` with these arguments (query and flags), checking the JSON shape.
fn quote_hits(extra: &[&str]) -> Vec<Value> {
    let hits = all_hits("quotes", extra);
    for hit in &hits {
        for key in [
            "text",
            "speaker",
            "kind",
            "cue",
            "id",
            "title",
            "source",
            "published",
        ] {
            assert!(hit.get(key).is_some(), "quote hit has {key}: {hit}");
        }
        assert!(hit["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(
            hit["kind"] == "direct" || hit["kind"] == "indirect",
            "{hit}"
        );
        assert!(
            hit["speaker"].is_string() || hit["unnamed"].is_string(),
            "{hit}"
        );
    }
    hits
}

#[test]
fn quotes_by_speaker_match_the_hand_worked_speakers() {
    let speakers: BTreeSet<String> = truth().into_iter().flat_map(|a| a.speakers).collect();
    for speaker in &speakers {
        let hits = quote_hits(&["--speaker", speaker]);
        // Every article naming the speaker has at least one of their quotes, and no other
        // article has any.
        assert_eq!(
            hit_titles(&hits),
            truth_titles(|a| a.speakers.contains(speaker)),
            "quotes --speaker {speaker}"
        );
        // Each hit is the speaker's own quote: one canonical name, never an unnamed source.
        let names: BTreeSet<&str> = hits.iter().filter_map(|h| h["speaker"].as_str()).collect();
        assert_eq!(names.len(), 1, "--speaker {speaker}: {names:?}");
        assert!(hits.iter().all(|h| h.get("unnamed").is_none()), "{speaker}");
    }
}

#[test]
fn the_issue_example_finds_what_wang_yi_said_about_multilateralism() {
    let hits = quote_hits(&["multilateralism", "--speaker", "wang yi"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit["speaker"], "Wang Yi");
    assert_eq!(hit["kind"], "direct");
    assert_eq!(hit["cue"], "said");
    assert_eq!(hit["source"], "Reuters");
    assert_eq!(hit["published"], "2026-07-02");
    assert_eq!(
        hit["title"],
        "Wang Yi hosts global governance forum in Beijing, courts developing nations"
    );
    assert!(hit["text"]
        .as_str()
        .unwrap()
        .starts_with("Multilateralism is the right answer"));
    assert!(hit["snippet"]
        .as_str()
        .unwrap()
        .contains("<b>Multilateralism</b>"));
    // The id is the article's: the same as the article search gives.
    assert_eq!(all_hits("search", &["lakeside"])[0]["id"], hit["id"]);

    // Without the speaker filter the unnamed diplomat's quote comes too, with a null speaker.
    let all = quote_hits(&["multilateralism"]);
    assert_eq!(all.len(), 2);
    let unnamed = all
        .iter()
        .find(|h| h["speaker"].is_null())
        .expect("the unnamed quote");
    assert_eq!(
        unnamed["unnamed"],
        "A European diplomat who attended the opening session"
    );
}

#[test]
fn quote_queries_search_the_quotes_not_the_narrative() {
    // Narrative only: the article search finds it, the quote search finds nothing.
    assert_eq!(all_hits("search", &["lakeside"]).len(), 1);
    assert!(quote_hits(&["lakeside"]).is_empty());
    // Every quote hit has the (stemmed) words in its own text.
    let hits = quote_hits(&["sanctions"]);
    assert!(hits.len() >= 2, "{hits:?}");
    for hit in &hits {
        let text = hit["text"].as_str().unwrap().to_lowercase();
        assert!(text.contains("sanction"), "{text}");
    }
    let phrase = quote_hits(&["\"multipolar world\""]);
    assert!(!phrase.is_empty());
    assert!(phrase
        .iter()
        .all(|h| h["text"].as_str().unwrap().contains("multipolar world")));
}

#[test]
fn quote_filters_combine_like_search_filters() {
    let check = |args: &[&str], keep: &dyn Fn(&TruthArticle) -> bool| {
        let expected = truth_titles(keep);
        assert!(!expected.is_empty(), "{args:?}");
        assert_eq!(hit_titles(&quote_hits(args)), expected, "quotes {args:?}");
    };
    let speaks = |a: &TruthArticle, name: &str| a.speakers.iter().any(|s| s == name);
    let about = |a: &TruthArticle, name: &str| a.countries.iter().any(|c| c == name);
    check(&["--speaker", "lavrov", "--source", "TASS"], &|a| {
        speaks(a, "Sergey Lavrov") && a.source.as_deref() == Some("TASS")
    });
    check(&["--speaker", "shoygu", "--country", "japan"], &|a| {
        speaks(a, "Sergei Shoigu") && about(a, "Japan")
    });
    check(
        &[
            "--speaker",
            "wang yi",
            "--speaker",
            "lavrov",
            "--country",
            "taiwan",
        ],
        &|a| (speaks(a, "Wang Yi") || speaks(a, "Sergey Lavrov")) && about(a, "Taiwan"),
    );
    check(&["--source", "reuters", "--country", "türkiye"], &|a| {
        a.source.as_deref() == Some("Reuters") && about(a, "Turkey")
    });
    // Different flags AND: quotes by Lavrov in TASS articles exclude his Reuters quotes.
    let lavrov = quote_hits(&["--speaker", "lavrov"]);
    let in_tass = quote_hits(&["--speaker", "lavrov", "--source", "TASS"]);
    assert!(in_tass.len() < lavrov.len());
    assert!(in_tass.iter().all(|h| h["source"] == "TASS"));
}

#[test]
fn all_quotes_come_newest_first() {
    for query in [&[][..], &["*"][..]] {
        let hits = quote_hits(query);
        let dates: Vec<Option<&str>> = hits.iter().map(|h| h["published"].as_str()).collect();
        // Dated quotes by date descending, then the undated ones.
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| match (a, b) {
            (Some(a), Some(b)) => b.cmp(a),
            (a, b) => b.is_some().cmp(&a.is_some()),
        });
        assert_eq!(dates, sorted);
        assert!(
            hits.iter().any(|h| h["speaker"].is_null()),
            "unnamed quotes are listed"
        );
    }
    let output = newsfacet(&["quotes", "--index", sample_index(), "--limit", "2"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("1. “"), "{text}");
    assert!(text.contains("2 shown"), "{text}");
}

#[test]
fn reindexing_keeps_one_document_per_quote() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let story = truth()
        .into_iter()
        .find(|a| a.title.starts_with("Wang Yi hosts"))
        .expect("the forum story");
    let original = repo_root().join("index-data/corpus").join(&story.file);
    let copy = corpus.join("forum.txt");
    std::fs::copy(&original, &copy).unwrap();
    std::fs::copy(
        repo_root().join("index-data/corpus/txt/2026-03-02-shoigu-japan-tass.txt"),
        corpus.join("shoigu.txt"),
    )
    .unwrap();
    let corpus = corpus.display().to_string();
    let index = dir.path().join("index").display().to_string();
    let run = || json_of(&newsfacet(&["index", &corpus, "--index", &index, "--json"]));
    let quotes_by = |speaker: &str| {
        json_of(&newsfacet(&[
            "quotes",
            "--speaker",
            speaker,
            "--index",
            &index,
            "--json",
        ]))["total"]
            .as_u64()
            .unwrap()
    };

    let first = run();
    let quotes = first["quotes_in_index"].as_u64().unwrap();
    assert!(quotes >= 10, "{first}");
    let (wang, shoigu) = (quotes_by("wang yi"), quotes_by("shoigu"));
    assert_eq!(wang, 3);

    // Unchanged input: nothing is rewritten.
    let second = run();
    assert_eq!(second["unchanged"], 2);
    assert_eq!(second["quotes_in_index"], quotes);

    // A changed narrative rewrites the article: its quotes are replaced, not added again.
    let mut text = std::fs::read_to_string(&copy).unwrap();
    text.push_str("\nThe forum's closing statement was postponed to Saturday.\n");
    std::fs::write(&copy, text).unwrap();
    let third = run();
    assert_eq!(third["updated"], 1);
    assert_eq!(third["unchanged"], 1);
    assert_eq!(third["documents_in_index"], 2);
    assert_eq!(third["quotes_in_index"], quotes);
    assert_eq!((quotes_by("wang yi"), quotes_by("shoigu")), (wang, shoigu));
}

#[test]
fn date_bounds_match_the_hand_worked_dates() {
    let within = |since: &str, until: &str| {
        truth_titles(|a| {
            a.published
                .as_deref()
                .is_some_and(|d| since <= d && d <= until)
        })
    };
    let march = within("2026-03-01", "2026-03-31");
    assert!(march.len() >= 3, "{march:?}");
    assert_eq!(
        titles(&["--since", "2026-03-01", "--until", "2026-03-31"]),
        march
    );
    // Bounds are inclusive on both ends.
    assert_eq!(
        titles(&["--since", "2026-03-02", "--until", "2026-03-02"]),
        within("2026-03-02", "2026-03-02")
    );
    // One bound alone; undated articles are left out.
    assert_eq!(
        titles(&["--since", "2026-06-01"]),
        within("2026-06-01", "9999-12-31")
    );
    assert_eq!(
        titles(&["--until", "2026-01-31"]),
        within("0000-01-01", "2026-01-31")
    );
    // The same bounds apply to quotes and facet counts.
    let quote_titles = hit_titles(&quote_hits(&[
        "--since",
        "2026-03-01",
        "--until",
        "2026-03-31",
    ]));
    assert!(quote_titles.is_subset(&march) && !quote_titles.is_empty());
    let sources = facet_counts(
        "source",
        &["--since", "2026-03-01", "--until", "2026-03-31"],
    );
    assert_eq!(sources.values().sum::<u64>() as usize, march.len());
}

#[test]
fn sort_date_lists_matches_newest_first() {
    for query in ["*", "Lavrov OR Shoigu"] {
        let hits = all_hits("search", &[query, "--sort", "date"]);
        let dates: Vec<Option<&str>> = hits.iter().map(|h| h["published"].as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| match (a, b) {
            (Some(a), Some(b)) => b.cmp(a),
            (a, b) => b.is_some().cmp(&a.is_some()),
        });
        assert_eq!(dates, sorted, "{query}");
        assert!(dates.len() >= 3, "{query}: {dates:?}");
    }
    // Relevance stays the default, and can be named.
    let default = all_hits("search", &["Lavrov OR Shoigu"]);
    let relevance = all_hits("search", &["Lavrov OR Shoigu", "--sort", "relevance"]);
    let ids = |hits: &[Value]| hits.iter().map(|h| h["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&default), ids(&relevance));
    let scores: Vec<f64> = default
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn bad_dates_are_usage_errors() {
    for args in [
        &["search", "*", "--since", "2026-02-30"][..],
        &["search", "*", "--until", "March 1"][..],
        &["facets", "--field", "country", "--since", "20260301"][..],
        &[
            "search",
            "*",
            "--since",
            "2026-04-01",
            "--until",
            "2026-03-01",
        ][..],
    ] {
        let mut args = args.to_vec();
        args.extend(["--index", sample_index()]);
        let output = newsfacet(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("YYYY-MM-DD") || stderr.contains("--since"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// The syndication fixtures: one Reuters story as Reuters, Devdiscourse and Yahoo News ran it
/// (different headlines, headers, footers, a few edited words), and a BBC report on the same
/// strike written independently.
const STORY_FIXTURES: &str = "tests/fixtures/stories";
const BBC_TITLE: &str = "Odesa's grain traders count the cost of another night of drones";

/// An index of [`STORY_FIXTURES`], shared by the read-only story tests.
fn story_index() -> &'static str {
    static INDEX: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    shared_index(&INDEX, STORY_FIXTURES)
}

fn story_search(extra: &[&str]) -> Value {
    let mut args = vec!["search", "--index", story_index(), "--json"];
    args.extend_from_slice(extra);
    json_of(&newsfacet(&args))
}

/// `story id → sorted sources` of every article in the story fixtures index.
fn stories_by_source() -> BTreeMap<String, Vec<String>> {
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for hit in story_search(&["*"])["hits"].as_array().unwrap() {
        stories
            .entry(hit["story"].as_str().expect("story id").to_string())
            .or_default()
            .push(hit["source"].as_str().unwrap().to_string());
    }
    for sources in stories.values_mut() {
        sources.sort();
    }
    stories
}

#[test]
fn wire_copies_share_a_story_and_other_reports_on_the_event_do_not() {
    let stories: Vec<Vec<String>> = stories_by_source().into_values().collect();
    let mut stories = stories;
    stories.sort();
    assert_eq!(
        stories,
        [
            vec!["BBC".to_string()],
            vec![
                "Devdiscourse".to_string(),
                "Reuters".to_string(),
                "Yahoo News".to_string()
            ]
        ]
    );
    // The copies keep their own publisher and say where they came from.
    let hits = story_search(&["*", "--origin", "reuters"]);
    let sources: BTreeSet<&str> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            assert_eq!(h["origin"], "Reuters", "{h}");
            h["source"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        sources,
        BTreeSet::from(["Devdiscourse", "Reuters", "Yahoo News"])
    );
    let origins = json_of(&newsfacet(&[
        "facets",
        "--field",
        "origin",
        "--index",
        story_index(),
        "--json",
    ]));
    assert_eq!(origins["values"][0]["value"], "Reuters");
    assert_eq!(origins["values"][0]["count"], 3);
}

#[test]
fn collapse_shows_one_hit_per_story_with_the_other_outlets() {
    let results = story_search(&["grain terminal", "--collapse"]);
    assert_eq!(results["total"], 4, "total counts articles");
    assert_eq!(results["stories"], 2);
    let hits = results["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    let wire = hits
        .iter()
        .find(|h| h["copies"] == 3)
        .expect("the wire story, with three copies");
    let mut outlets: Vec<&str> = wire["also"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            for key in ["id", "source", "title", "published"] {
                assert!(c.get(key).is_some(), "{key} in {c}");
            }
            c["source"].as_str().unwrap()
        })
        .collect();
    outlets.push(wire["source"].as_str().unwrap());
    outlets.sort();
    assert_eq!(outlets, ["Devdiscourse", "Reuters", "Yahoo News"]);
    let bbc = hits.iter().find(|h| h["title"] == BBC_TITLE).unwrap();
    assert_eq!(bbc["copies"], 1);
    assert_eq!(bbc["also"], serde_json::json!([]));

    // A filter narrows the copies counted; --story lists a story's copies.
    let yahoo = story_search(&["grain terminal", "--collapse", "--source", "Yahoo News"]);
    assert_eq!(yahoo["hits"][0]["copies"], 1);
    let story = wire["story"].as_str().unwrap();
    let copies = story_search(&["*", "--story", story]);
    assert_eq!(copies["total"], 3);

    // Text output names the other outlets.
    let output = newsfacet(&[
        "search",
        "grain terminal",
        "--collapse",
        "--index",
        story_index(),
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("3 copies; also: "), "{text}");
    assert!(text.contains("4 matching articles in 2 stories"), "{text}");
}

#[test]
fn facet_counts_by_story_count_each_story_once() {
    let count = |field: &str, by: &[&str]| {
        let mut args = vec![
            "facets",
            "--field",
            field,
            "--index",
            story_index(),
            "--json",
        ];
        args.extend_from_slice(by);
        let list = json_of(&newsfacet(&args));
        list["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["value"].as_str().unwrap().to_string(),
                    v["count"].as_u64().unwrap(),
                )
            })
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(count("country", &[])["Ukraine"], 4);
    assert_eq!(count("country", &["--count-by", "article"])["Ukraine"], 4);
    assert_eq!(count("country", &["--count-by", "story"])["Ukraine"], 2);
    assert_eq!(
        count("speaker", &["--count-by", "story"])["Oleh Kravets"],
        1
    );
    assert_eq!(count("origin", &["--count-by", "story"])["Reuters"], 1);
    let results = story_search(&["*", "--count-by", "story"]);
    assert_eq!(
        (results["total"].as_u64(), results["stories"].as_u64()),
        (Some(4), Some(2))
    );
    let ukraine = results["facets"]["country"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "Ukraine")
        .unwrap();
    assert_eq!(ukraine["count"], 2);
}

#[test]
fn story_fixture_dates_filter_and_sort() {
    let dates_of = |results: &Value| -> Vec<String> {
        results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["published"].as_str().unwrap().to_string())
            .collect()
    };
    let newest_first = story_search(&["grain", "--sort", "date"]);
    assert_eq!(
        dates_of(&newest_first),
        ["2026-05-16", "2026-05-15", "2026-05-14", "2026-05-14"]
    );
    let window = story_search(&["grain", "--since", "2026-05-15", "--until", "2026-05-15"]);
    assert_eq!(window["total"], 1);
    assert_eq!(window["hits"][0]["source"], "Yahoo News");
}

#[test]
fn reindexing_keeps_story_ids_stable() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let fixtures = repo_root().join(STORY_FIXTURES);
    let copy = |name: &str| {
        std::fs::copy(fixtures.join(name), corpus.join(name)).unwrap();
    };
    let index = dir.path().join("index").display().to_string();
    let corpus_arg = corpus.display().to_string();
    let run = || {
        json_of(&newsfacet(&[
            "index",
            &corpus_arg,
            "--index",
            &index,
            "--json",
        ]))
    };
    let stories = || -> BTreeMap<String, String> {
        let results = json_of(&newsfacet(&[
            "search", "*", "--index", &index, "--json", "--limit", "100",
        ]));
        results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["source"].as_str().unwrap().to_string(),
                    h["story"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };

    // First run: the Yahoo News copy and the BBC report.
    copy("2026-05-15-odesa-grain-terminal-yahoo.txt");
    copy("2026-05-16-odesa-grain-terminal-bbc.txt");
    let first = run();
    assert_eq!(first["stories"]["copies"], 0);
    let before = stories();
    assert_ne!(before["Yahoo News"], before["BBC"]);

    // Second run adds the wire and another copy: both join the committed story.
    copy("2026-05-14-odesa-grain-terminal-reuters.txt");
    copy("2026-05-14-odesa-grain-terminal-devdiscourse.txt");
    let second = run();
    assert_eq!(
        (second["indexed"].as_u64(), second["unchanged"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(second["stories"]["copies"], 2);
    assert_eq!(second["stories_in_index"]["stories"], 2);
    assert_eq!(second["stories_in_index"]["with_copies"], 1);
    assert_eq!(second["stories_in_index"]["articles_in_copies"], 3);
    let after = stories();
    assert_eq!(after["Yahoo News"], before["Yahoo News"], "ids are stable");
    assert_eq!(after["Reuters"], before["Yahoo News"]);
    assert_eq!(after["Devdiscourse"], before["Yahoo News"]);
    assert_eq!(after["BBC"], before["BBC"]);

    // Third run over the same input: nothing is rewritten and no story changes.
    let third = run();
    assert_eq!(third["unchanged"], 4);
    assert_eq!(third["stories"]["copies"], 0);
    assert_eq!(third["stories"]["new_stories"], 0);
    assert_eq!(stories(), after);
}

#[test]
fn analyze_gives_origins_and_stories_among_its_inputs() {
    let output = newsfacet(&["analyze", STORY_FIXTURES, "--json"]);
    assert!(output.status.success());
    let articles: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(articles.len(), 4);
    let mut stories: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for article in &articles {
        stories
            .entry(article["story"].as_str().unwrap())
            .or_default()
            .push(article["source"].as_str().unwrap());
    }
    assert_eq!(stories.len(), 2, "{stories:?}");
    assert!(stories.values().any(|sources| sources.len() == 3));
    let yahoo = articles
        .iter()
        .find(|a| a["source"] == "Yahoo News")
        .unwrap();
    assert_eq!(yahoo["origin"], "Reuters");
    let bbc = articles.iter().find(|a| a["source"] == "BBC").unwrap();
    assert_eq!(bbc["origin"], Value::Null, "an unknown origin is null");
}
