//! End-to-end tests: run the built `newsfacet` binary on the bundled sample corpus and check
//! its answers against `tests/fixtures/corpus-truth.json`, worked out by hand for the sample.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

#[path = "support/truth.rs"]
mod truth;
use truth::TruthArticle;

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
    assert_eq!(
        first["skipped"], 0,
        "a repeated article is no skipped input"
    );
    assert_eq!(first["duplicates"], 1);
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
    for article in truth::articles() {
        if let Some(source) = article.source {
            *expected.entry(source).or_default() += 1;
        }
    }
    assert_eq!(facet_counts("source", &[]), expected);
}

#[test]
fn country_filters_match_the_hand_worked_answers() {
    let countries: BTreeSet<String> = truth::articles()
        .into_iter()
        .flat_map(|a| a.countries)
        .collect();
    for country in &countries {
        let expected = truth::titles(|a| a.countries.contains(country));
        assert_eq!(
            titles(&["--country", country]),
            expected,
            "--country {country}"
        );
    }
}

#[test]
fn speaker_filters_match_the_hand_worked_answers() {
    let speakers: BTreeSet<String> = truth::articles()
        .into_iter()
        .flat_map(|a| a.speakers)
        .collect();
    for speaker in &speakers {
        let expected = truth::titles(|a| a.speakers.contains(speaker));
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
    for article in truth::articles() {
        for name in &article.not_speakers {
            assert!(!speakers.contains_key(name), "{name} must not be a speaker");
        }
    }
}

#[test]
fn a_repeated_flag_ors_and_different_flags_and() {
    let reuters_or_tass =
        truth::titles(|a| matches!(a.source.as_deref(), Some("Reuters" | "TASS")));
    assert!(
        reuters_or_tass.len() > truth::titles(|a| a.source.as_deref() == Some("Reuters")).len()
    );
    assert_eq!(
        titles(&["--source", "Reuters", "--source", "TASS"]),
        reuters_or_tass
    );

    let shoigu_on_japan = truth::titles(|a| {
        a.speakers.iter().any(|s| s == "Sergei Shoigu") && a.countries.iter().any(|c| c == "Japan")
    });
    assert!(!shoigu_on_japan.is_empty());
    assert_eq!(
        titles(&["--speaker", "Sergei Shoigu", "--country", "Japan"]),
        shoigu_on_japan
    );

    let reuters_in_japan = truth::titles(|a| {
        a.source.as_deref() == Some("Reuters") && a.countries.iter().any(|c| c == "Japan")
    });
    assert_eq!(
        titles(&["--source", "Reuters", "--country", "Japan"]),
        reuters_in_japan
    );
}

#[test]
fn filter_values_match_case_insensitively_and_through_aliases() {
    let shoigu = truth::titles(|a| a.speakers.iter().any(|s| s == "Sergei Shoigu"));
    assert_eq!(shoigu.len(), 3);
    assert_eq!(titles(&["--speaker", "shoygu"]), shoigu);
    assert_eq!(titles(&["--speaker", "SERGEY SHOIGU"]), shoigu);

    let turkey = truth::titles(|a| a.countries.iter().any(|c| c == "Turkey"));
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
    for (command, query, caret) in [
        ("search", "title:(", "  title:(\n         ^"),
        ("quotes", "\"unbalanced", "  \"unbalanced\n"),
        ("search", "talks colour:red", "unknown field `colour:`"),
    ] {
        let output = newsfacet(&[command, query, "--index", sample_index()]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("error"), "{stderr}");
        assert!(stderr.contains("at character"), "{stderr}");
        assert!(stderr.contains(caret), "{stderr}");
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
    let output = newsfacet(&["index", &corpus, "--index", &index, "--json"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a skipped input makes exit status 2"
    );
    let summary: Value = serde_json::from_slice(&output.stdout).expect("the summary is JSON");
    assert_eq!(summary["indexed"], 2, "the good records are committed");
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
    let speakers: BTreeSet<String> = truth::articles()
        .into_iter()
        .flat_map(|a| a.speakers)
        .collect();
    for speaker in &speakers {
        let hits = quote_hits(&["--speaker", speaker]);
        // Every article naming the speaker has at least one of their quotes, and no other
        // article has any.
        assert_eq!(
            hit_titles(&hits),
            truth::titles(|a| a.speakers.contains(speaker)),
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
        let expected = truth::titles(keep);
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
    let story = truth::articles()
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
        truth::titles(|a| {
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

// ---------------------------------------------------------------------------------------------
// Output (issue 12): colour, JSON snippets, streaming formats, show, stats, completions, man.
// Expected values come from the corpus files and `corpus-truth.json`, read by hand.

/// `newsfacet` with environment variables set (`Some`) or removed (`None`) on top of the
/// test's environment, which is cleared of the colour variables first so that a developer's
/// or CI's own `NO_COLOR`/`CLICOLOR_FORCE` cannot decide a test.
fn newsfacet_env(args: &[&str], env: &[(&str, Option<&str>)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsfacet"));
    command.args(args).current_dir(repo_root());
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        command.env_remove(name);
    }
    for (name, value) in env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    command.output().expect("the newsfacet binary runs")
}

fn stdout_of(output: &Output) -> String {
    assert!(
        output.status.success(),
        "newsfacet failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Whether the text holds an ANSI escape sequence.
fn styled(text: &str) -> bool {
    text.contains("\x1b[")
}

/// The id of the one article with this title.
fn id_of(title: &str) -> String {
    let hits = all_hits("search", &["*"]);
    let ids: Vec<&str> = hits
        .iter()
        .filter(|h| h["title"] == title)
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 1, "one article titled {title:?}");
    ids[0].to_string()
}

const TASS_SHOIGU: &str =
    "Shoigu says Japan's military buildup threatens stability in the Asia-Pacific";
const TASS_LAVROV: &str = "Lavrov says Ukraine settlement must address root causes of the conflict";

#[test]
fn colour_follows_the_flag_then_no_color_then_the_terminal() {
    let args = [
        "search",
        "japan",
        "--speaker",
        "shoigu",
        "--index",
        sample_index(),
    ];
    let with = |extra: &[&str], env: &[(&str, Option<&str>)]| {
        let mut all = args.to_vec();
        all.extend_from_slice(extra);
        stdout_of(&newsfacet_env(&all, env))
    };
    // Piped (as here), `auto` writes no escape sequences.
    assert!(!styled(&with(&[], &[])));
    // CLICOLOR_FORCE stands in for a terminal; NO_COLOR (non-empty) beats it, an empty
    // NO_COLOR does not count (no-color.org).
    assert!(styled(&with(&[], &[("CLICOLOR_FORCE", Some("1"))])));
    assert!(!styled(&with(
        &[],
        &[("CLICOLOR_FORCE", Some("1")), ("NO_COLOR", Some("1"))]
    )));
    assert!(styled(&with(
        &[],
        &[("CLICOLOR_FORCE", Some("1")), ("NO_COLOR", Some(""))]
    )));
    // The flag beats the environment both ways.
    let always = with(&["--color", "always"], &[("NO_COLOR", Some("1"))]);
    assert!(styled(&always));
    assert!(!styled(&with(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", Some("1"))]
    )));
    // Query terms are highlighted (bold yellow), titles bold.
    assert!(
        always.contains("\x1b[1m\x1b[33mJapan\x1b[0m's plans"),
        "{always}"
    );
    assert!(
        always.contains(&format!("\x1b[1m{TASS_SHOIGU}\x1b[0m")),
        "{always}"
    );
    // Global flag: accepted after the subcommand and before it.
    let before = stdout_of(&newsfacet_env(
        &[
            "--color",
            "always",
            "facets",
            "--field",
            "source",
            "--index",
            sample_index(),
        ],
        &[],
    ));
    assert!(styled(&before));
    let bad = newsfacet(&["--color", "sometimes", "stats", "--index", sample_index()]);
    assert_eq!(bad.status.code(), Some(2));
}

/// On a real terminal (through `script`, where installed): coloured, unless NO_COLOR is set.
#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    // util-linux `script` (the options below are its own).
    let util_linux = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("util-linux"));
    if !util_linux {
        eprintln!("skipped: no util-linux `script` to give the binary a terminal");
        return;
    }
    let command = format!(
        "{} search japan --speaker shoigu --index {}",
        env!("CARGO_BIN_EXE_newsfacet"),
        sample_index()
    );
    let on_terminal = |no_color: Option<&str>| {
        let mut script = Command::new("script");
        script
            .args(["-qec", &command, "/dev/null"])
            .current_dir(repo_root())
            .env("TERM", "xterm-256color");
        for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "CI"] {
            script.env_remove(name);
        }
        if let Some(value) = no_color {
            script.env("NO_COLOR", value);
        }
        stdout_of(&script.output().expect("script runs"))
    };
    let coloured = on_terminal(None);
    assert!(coloured.contains("3 matching articles"), "{coloured}");
    assert!(styled(&coloured), "{coloured}");
    assert!(!styled(&on_terminal(Some("1"))));
}

#[test]
fn json_snippets_mark_matches_without_html_escaping() {
    let results = json_of(&newsfacet(&[
        "search",
        "japan",
        "--speaker",
        "shoigu",
        "--index",
        sample_index(),
        "--json",
    ]));
    assert_eq!(results["total"], 3);
    let snippet = |title_start: &str| -> String {
        results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["title"].as_str().unwrap().starts_with(title_start))
            .and_then(|h| h["snippet"].as_str())
            .expect("hit")
            .to_string()
    };
    // The opening sentences of the TASS file and of the Kyodo record (wires.jsonl:3).
    assert!(
        snippet("Shoigu says").starts_with(
            "Sergei Shoigu, secretary of Russia's Security Council, on Monday criticized \
             <b>Japan</b>'s plans"
        ),
        "{}",
        snippet("Shoigu says")
    );
    assert!(
        snippet("Japanese government").contains("<b>Japan</b>'s defense buildup as \"unfounded,\""),
        "{}",
        snippet("Japanese government")
    );
    for hit in all_hits("search", &["japan"])
        .iter()
        .chain(&all_hits("quotes", &["*"]))
    {
        let snippet = hit["snippet"].as_str().unwrap();
        for entity in ["&amp;", "&lt;", "&gt;", "&quot;", "&#x27;"] {
            assert!(!snippet.contains(entity), "{snippet}");
        }
    }
}

#[test]
fn quote_hits_carry_their_articles_url_or_path() {
    let wang = quote_hits(&["multilateralism", "--speaker", "wang yi"]);
    assert_eq!(wang.len(), 1);
    // The URL: line of txt/2026-07-02-wang-yi-governance-forum-reuters.txt.
    assert_eq!(
        wang[0]["url"],
        "https://www.reuters.com/world/china/wang-yi-hosts-global-governance-forum-2026-07-02/"
    );
    assert!(wang[0].get("path").is_none(), "path only without url");
    // wires.jsonl line 12 (TASS on Lavrov) has no URL.
    let lavrov = quote_hits(&["\"root causes\"", "--speaker", "lavrov"]);
    assert!(!lavrov.is_empty());
    for hit in &lavrov {
        assert_eq!(hit["title"], TASS_LAVROV);
        assert_eq!(hit["path"], "index-data/corpus/wires.jsonl:12");
        assert!(hit.get("url").is_none());
    }
    for hit in all_hits("quotes", &["*"]) {
        assert!(
            hit.get("url").is_some() != hit.get("path").is_some(),
            "exactly one of url and path: {hit}"
        );
    }
    let text = stdout_of(&newsfacet(&[
        "quotes",
        "multilateralism",
        "--speaker",
        "wang yi",
        "--index",
        sample_index(),
    ]));
    assert!(text.contains(
        "\n   https://www.reuters.com/world/china/wang-yi-hosts-global-governance-forum-2026-07-02/\n"
    ));
}

#[test]
fn format_csv_streams_every_hit_in_the_order_of_the_pages() {
    let paged: Vec<String> = all_hits("search", &["*"])
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paged.len(), 30, "31 records, one a duplicate");
    // Page size 7: five queries (7, 7, 7, 7, 2 hits); every hit once, in order.
    for (page_size, pages) in [("7", 5), ("1000", 1)] {
        let output = newsfacet_env(
            &[
                "-vv",
                "search",
                "*",
                "--index",
                sample_index(),
                "--format",
                "csv",
                "--page-size",
                page_size,
            ],
            &[("RUST_LOG", None)],
        );
        let text = stdout_of(&output);
        let log = String::from_utf8_lossy(&output.stderr);
        assert_eq!(log.matches("streamed a page").count(), pages, "{log}");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header,
            ["id", "published", "source", "title", "url", "path"]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        let ids: Vec<String> = rows.iter().map(|r| r[0].to_string()).collect();
        assert_eq!(ids, paged, "page size {page_size}");
        let tass = rows
            .iter()
            .find(|r| &r[3] == TASS_SHOIGU)
            .expect("TASS row");
        assert_eq!(&tass[1], "2026-03-02");
        assert_eq!(&tass[2], "TASS");
        assert_eq!(
            &tass[4],
            "https://tass.com/politics/2026-03-02-shoigu-japan-defense"
        );
        assert_eq!(&tass[5], "", "no path when there is a url");
    }
    // Chosen columns, lists joined with "; ".
    let text = stdout_of(&newsfacet(&[
        "search",
        "*",
        "--index",
        sample_index(),
        "--format",
        "csv",
        "--fields",
        "title,countries",
    ]));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["title", "countries"]);
    let tass = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == TASS_SHOIGU)
        .unwrap();
    let countries: BTreeSet<&str> = tass[1].split("; ").collect();
    assert_eq!(
        countries,
        BTreeSet::from(["Japan", "Russia", "United States"])
    );
}

#[test]
fn format_ndjson_streams_every_quote_with_the_chosen_keys_in_order() {
    let total = all_hits("quotes", &["*"]).len();
    assert!(total > 100, "the sample has well over 100 quotes");
    let text = stdout_of(&newsfacet(&[
        "quotes",
        "--index",
        sample_index(),
        "--format",
        "ndjson",
        "--fields",
        "speaker,url,path",
        "--page-size",
        "50",
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), total, "every quote, not a page of --limit");
    for line in &lines {
        assert!(line.starts_with("{\"speaker\":"), "{line}");
        let hit: Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&String> = hit.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 3, "{line}");
        assert!(hit["url"].is_null() != hit["path"].is_null(), "{line}");
    }
    let wang = stdout_of(&newsfacet(&[
        "quotes",
        "multilateralism",
        "--speaker",
        "wang yi",
        "--index",
        sample_index(),
        "--format",
        "ndjson",
    ]));
    let hit: Value = serde_json::from_str(wang.trim()).unwrap();
    let keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json sorts keys of a parsed object; the default columns are these.
    let mut expected = vec![
        "id",
        "published",
        "speaker",
        "kind",
        "cue",
        "text",
        "url",
        "path",
    ];
    expected.sort();
    assert_eq!(keys, expected);
    assert!(wang.starts_with("{\"id\":"), "{wang}");
    assert_eq!(hit["speaker"], "Wang Yi");
    assert_eq!(hit["published"], "2026-07-02");
}

#[test]
fn format_flags_are_checked() {
    for (args, message) in [
        (
            vec!["--format", "csv", "--limit", "5"],
            "cannot be used with",
        ),
        (vec!["--format", "csv", "--json"], "cannot be used with"),
        (
            vec!["--format", "csv", "--fields", "title,nope"],
            "known fields: id, title",
        ),
        (vec!["--fields", "title"], "--format"),
        (vec!["--format", "xml"], "invalid value"),
    ] {
        let mut all = vec!["search", "*", "--index", sample_index()];
        all.extend(args);
        let output = newsfacet(&all);
        assert_eq!(output.status.code(), Some(2), "{all:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{all:?}: {stderr}");
    }
}

#[test]
fn the_default_format_pages_and_counts_as_before() {
    let text = stdout_of(&newsfacet(&[
        "search",
        "*",
        "--limit",
        "2",
        "--offset",
        "8",
        "--color",
        "never",
        "--index",
        sample_index(),
    ]));
    assert!(
        text.starts_with(" 9. "),
        "ranks align on the widest, 10: {text}"
    );
    assert!(text.contains("\n10. "), "{text}");
    assert!(!text.contains("\n11. "), "{text}");
    assert!(
        text.contains("\n30 matching articles (2 shown)\n"),
        "{text}"
    );
}

#[test]
fn counts_take_the_singular_for_one() {
    let one = stdout_of(&newsfacet(&[
        "search",
        "\"multipolar world\"",
        "--country",
        "india",
        "--collapse",
        "--index",
        sample_index(),
    ]));
    assert!(
        one.contains("\n1 matching article in 1 story (1 shown)\n"),
        "{one}"
    );
    let quote = stdout_of(&newsfacet(&[
        "quotes",
        "multilateralism",
        "--speaker",
        "wang yi",
        "--index",
        sample_index(),
    ]));
    assert!(quote.ends_with("\n1 matching quote (1 shown)\n"), "{quote}");
    let none = stdout_of(&newsfacet(&[
        "search",
        "zzzzqqq",
        "--index",
        sample_index(),
    ]));
    assert!(
        none.starts_with("0 matching articles (0 shown)\n"),
        "{none}"
    );
}

#[test]
fn facet_counts_show_bars_in_aligned_columns() {
    // From corpus-truth.json: Russia is about 14 articles, China 11.
    let truth_count = |country: &str| {
        truth::articles()
            .iter()
            .filter(|a| a.countries.iter().any(|c| c == country))
            .count()
    };
    assert_eq!((truth_count("Russia"), truth_count("China")), (14, 11));
    let text = stdout_of(&newsfacet(&[
        "facets",
        "--field",
        "country",
        "--top",
        "5",
        "--index",
        sample_index(),
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "five values and the rest: {text}");
    // 12 cells for the largest; 11/14 of 96 eighths is 75.4, so 9 cells and 3 eighths.
    assert_eq!(lines[0], "14  ████████████  Russia");
    assert_eq!(lines[1], "11  █████████▍    China");
    assert!(lines[5].ends_with("  (other values)"), "{text}");
    let column = |line: &str| {
        line.chars()
            .take_while(|c| !c.is_alphabetic() && *c != '(')
            .count()
    };
    for line in &lines[1..] {
        assert_eq!(column(line), column(lines[0]), "{text}");
    }
    // The summary under search results: every count ends in the same column.
    let text = stdout_of(&newsfacet(&["search", "japan", "--index", sample_index()]));
    let summary: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.contains("matching articles"))
        .skip(1)
        .filter(|line| line.contains('█') || line.contains('▏'))
        .collect();
    assert!(summary.len() >= 4, "{text}");
    let count_end = |line: &str| {
        line.chars()
            .position(|c| c == '█' || ('▏'..='▉').contains(&c))
    };
    for line in &summary {
        assert_eq!(count_end(line), count_end(summary[0]), "{text}");
    }
}

#[test]
fn show_prints_one_article_with_facets_quotes_and_body() {
    let id = id_of(TASS_SHOIGU);
    let article = json_of(&newsfacet(&[
        "show",
        &id,
        "--index",
        sample_index(),
        "--json",
    ]));
    // From txt/2026-03-02-shoigu-japan-tass.txt and its truth entry.
    assert_eq!(article["id"], id.as_str());
    assert_eq!(article["title"], TASS_SHOIGU);
    assert_eq!(article["source"], "TASS");
    assert_eq!(article["published"], "2026-03-02");
    assert_eq!(
        article["url"],
        "https://tass.com/politics/2026-03-02-shoigu-japan-defense"
    );
    assert_eq!(
        article["facets"]["speaker"],
        serde_json::json!(["Sergei Shoigu"])
    );
    let countries: BTreeSet<&str> = article["facets"]["country"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        countries,
        BTreeSet::from(["Japan", "Russia", "United States"])
    );
    assert!(article["body"].as_str().unwrap().starts_with(
        "Sergei Shoigu, secretary of Russia's Security Council, on Monday criticized Japan's plans"
    ));
    // Its quotes are the quote hits of this article, in text order.
    let quotes = article["quotes"].as_array().unwrap();
    let from_search = all_hits("quotes", &["*"])
        .into_iter()
        .filter(|q| q["id"] == id.as_str())
        .count();
    assert!(!quotes.is_empty());
    assert_eq!(quotes.len(), from_search);
    let positions: Vec<u64> = quotes
        .iter()
        .map(|q| q["position"].as_u64().unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");

    let text = stdout_of(&newsfacet(&["show", &id, "--index", sample_index()]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], TASS_SHOIGU);
    for row in [
        "  source     TASS",
        "  published  2026-03-02",
        "  url        https://tass.com/politics/2026-03-02-shoigu-japan-defense",
        "  speaker    Sergei Shoigu",
    ] {
        assert!(lines.contains(&row), "{row:?} in\n{text}");
    }
    let quotes_line = format!("{} quotes", quotes.len());
    assert!(lines.contains(&quotes_line.as_str()), "{text}");
    assert!(text.contains("\nSergei Shoigu, secretary of Russia's Security Council,"));

    // An article without a URL shows its path: wires.jsonl line 12.
    let lavrov = stdout_of(&newsfacet(&[
        "show",
        &id_of(TASS_LAVROV),
        "--index",
        sample_index(),
    ]));
    assert!(
        lavrov.contains("\n  path       index-data/corpus/wires.jsonl:12\n"),
        "{lavrov}"
    );

    let missing = newsfacet(&["show", "no-such-id", "--index", sample_index()]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article with id \"no-such-id\""));
}

#[test]
fn stats_count_what_the_index_holds() {
    let stats = json_of(&newsfacet(&["stats", "--index", sample_index(), "--json"]));
    assert_eq!(stats["articles"], 30, "31 records, one a duplicate");
    assert_eq!(
        stats["quotes"].as_u64(),
        Some(all_hits("quotes", &["*"]).len() as u64)
    );
    assert_eq!(
        stats["stories"]["stories"], 30,
        "the sample has no syndicated copies"
    );
    // corpus-truth.json: the first and last dates, and 6 articles without one.
    assert_eq!(stats["published"]["first"], "2026-01-01");
    assert_eq!(stats["published"]["last"], "2026-07-02");
    let undated = truth::articles()
        .iter()
        .filter(|a| a.published.is_none())
        .count();
    assert_eq!(undated, 6);
    assert_eq!(stats["published"]["undated"], 6);
    let bytes: u64 = std::fs::read_dir(sample_index())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    assert_eq!(stats["index"]["bytes"].as_u64(), Some(bytes));
    // Top values: Reuters published 5 of the articles (truth); each list is what `facets`
    // gives for the dimension.
    let reuters = truth::articles()
        .iter()
        .filter(|a| a.source.as_deref() == Some("Reuters"))
        .count();
    assert_eq!(stats["facets"]["source"]["values"][0]["value"], "Reuters");
    assert_eq!(
        stats["facets"]["source"]["values"][0]["count"],
        reuters as u64
    );
    for field in [
        "speaker", "country", "source", "origin", "person", "org", "place",
    ] {
        let list = json_of(&newsfacet(&[
            "facets",
            "--field",
            field,
            "--top",
            "5",
            "--index",
            sample_index(),
            "--json",
        ]));
        assert_eq!(stats["facets"][field]["values"], list["values"], "{field}");
        assert_eq!(stats["facets"][field]["other"], list["other"], "{field}");
    }
    // The layout version of the index crate, recorded by the commit that wrote the index.
    assert_eq!(stats["versions"]["schema"], newsfacet_index::SCHEMA_VERSION);
    assert_eq!(stats["versions"]["written_by"], env!("CARGO_PKG_VERSION"));
    assert_eq!(stats["versions"]["newsfacet"], env!("CARGO_PKG_VERSION"));
    let gazetteer = stats["versions"]["gazetteer"].as_str().unwrap();
    assert_eq!(gazetteer.len(), 16, "{gazetteer}");
    assert!(
        gazetteer.chars().all(|c| c.is_ascii_hexdigit()),
        "{gazetteer}"
    );
    // The index was tagged with the bundled gazetteer, and says so.
    assert_eq!(stats["versions"]["index_gazetteer"], gazetteer);
    // Another index read by the same binary reports the same versions.
    let other = json_of(&newsfacet(&["stats", "--index", story_index(), "--json"]));
    assert_eq!(other["versions"], stats["versions"]);

    let text = stdout_of(&newsfacet(&["stats", "--index", sample_index()]));
    assert!(
        text.contains("\n  articles  30; published 2026-01-01 to 2026-07-02, 6 undated\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  stories   30, 0 with copies (0 articles)\n"),
        "{text}"
    );
}

#[test]
fn completions_and_man_pages_come_from_the_cli_definition() {
    let bash = stdout_of(&newsfacet(&["completions", "bash"]));
    for word in [
        "newsfacet",
        "search",
        "show",
        "stats",
        "--color",
        "--format",
        "--fields",
    ] {
        assert!(bash.contains(word), "{word} in the bash completions");
    }
    assert!(stdout_of(&newsfacet(&["completions", "zsh"])).starts_with("#compdef newsfacet"));
    assert!(stdout_of(&newsfacet(&["completions", "fish"])).contains("complete -c newsfacet"));
    assert_eq!(newsfacet(&["completions", "tcsh"]).status.code(), Some(2));

    let man = stdout_of(&newsfacet(&["man"]));
    assert!(man.contains(".TH newsfacet 1"), "{man}");
    assert!(man.contains("\\-\\-color"), "{man}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    stdout_of(&newsfacet(&["man", "--dir", out.to_str().unwrap()]));
    for page in [
        "newsfacet.1",
        "newsfacet-search.1",
        "newsfacet-show.1",
        "newsfacet-stats.1",
    ] {
        let text = std::fs::read_to_string(out.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page}");
    }
}

// Search like an analyst (issue 12): multi-select facets, exclusion, unknown values, the query
// language, prefixes and histograms, worked out from tests/fixtures/corpus-truth.json.

#[test]
fn a_facet_filter_leaves_its_own_counts_open_and_narrows_the_others() {
    let japan = truth::titles(|a| a.countries.iter().any(|c| c == "Japan"));
    assert_eq!(titles(&["--country", "japan"]), japan);
    // The country counts under --country japan are those of every article: the user still
    // sees what every other country would give.
    assert_eq!(
        facet_counts("country", &["--country", "japan"]),
        facet_counts("country", &[])
    );
    // Other dimensions are counted over the Japan articles only.
    let mut speakers: BTreeMap<String, u64> = BTreeMap::new();
    for hit in all_hits("search", &["*", "--country", "japan"]) {
        for speaker in hit["speakers"].as_array().expect("speakers") {
            *speakers
                .entry(speaker.as_str().expect("name").to_string())
                .or_default() += 1;
        }
    }
    assert_eq!(facet_counts("speaker", &["--country", "japan"]), speakers);
}

#[test]
fn excluded_values_and_unknown_sources_select_the_rest() {
    let all = truth::titles(|_| true);
    let not_reuters = truth::titles(|a| a.source.as_deref() != Some("Reuters"));
    assert_eq!(titles(&["--not-source", "reuters"]), not_reuters);
    let unknown = truth::titles(|a| a.source.is_none());
    assert!(
        !unknown.is_empty(),
        "the sample has articles of unknown source"
    );
    assert_eq!(titles(&["--source", "none"]), unknown);
    let known: BTreeSet<String> = all.difference(&unknown).cloned().collect();
    assert_eq!(titles(&["--not-source", "none"]), known);
}

#[test]
fn an_unknown_value_suggests_indexed_values() {
    let output = newsfacet(&[
        "search",
        "*",
        "--speaker",
        "shoigo",
        "--index",
        sample_index(),
        "--limit",
        "0",
    ]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean Sergei Shoigu?"), "{stderr}");
}

#[test]
fn names_in_the_query_find_their_spellings_and_exact_forms_do_not() {
    let shoigu = truth::titles(|a| a.speakers.iter().any(|s| s == "Sergei Shoigu"));
    let found = hit_titles(&all_hits("search", &["shoigu"]));
    assert!(shoigu.is_subset(&found), "{shoigu:?} ⊄ {found:?}");
    assert_eq!(hit_titles(&all_hits("search", &["shoygu"])), found);
    assert_eq!(
        hit_titles(&all_hits("search", &["\"sergey shoigu\""])),
        found
    );
    // As written, one spelling only: fewer articles.
    let exact = hit_titles(&all_hits("search", &["=shoygu"]));
    assert!(!exact.is_empty() && exact.len() < found.len(), "{exact:?}");
}

#[test]
fn facet_fields_and_dates_in_the_query_text() {
    let in_text = hit_titles(&all_hits("search", &["speaker:shoigu AND country:japan"]));
    let by_flags = titles(&["--speaker", "shoigu", "--country", "japan"]);
    assert_eq!(in_text, by_flags);
    let march = truth::titles(|a| {
        a.published
            .as_deref()
            .is_some_and(|d| ("2026-03-01".."2026-04-01").contains(&d))
    });
    assert_eq!(
        hit_titles(&all_hits("search", &["date:[2026-03-01 TO 2026-03-31]"])),
        march
    );
    let output = newsfacet(&["search", "colour:red", "--index", sample_index()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown field `colour:`"), "{stderr}");
    assert!(stderr.contains("at character 1"), "{stderr}");
}

#[test]
fn facet_values_by_prefix_and_date_histograms() {
    let list = json_of(&newsfacet(&[
        "facets",
        "--field",
        "speaker",
        "--prefix",
        "WA",
        "--index",
        sample_index(),
        "--json",
    ]));
    let values: Vec<&str> = list["values"]
        .as_array()
        .expect("values")
        .iter()
        .filter_map(|v| v["value"].as_str())
        .collect();
    assert!(values.contains(&"Wang Yi"), "{values:?}");
    assert!(values.iter().all(|v| v
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with("wa"))));
    assert_eq!(list["total"].as_u64(), Some(truth::articles().len() as u64));

    let histogram = json_of(&newsfacet(&[
        "facets",
        "--field",
        "date",
        "--interval",
        "month",
        "--index",
        sample_index(),
        "--json",
    ]));
    let mut per_month: BTreeMap<String, u64> = BTreeMap::new();
    let mut undated = 0;
    for article in truth::articles() {
        match article.published {
            Some(date) => *per_month.entry(format!("{}-01", &date[..7])).or_default() += 1,
            None => undated += 1,
        }
    }
    let got: BTreeMap<String, u64> = histogram["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .filter(|b| b["count"].as_u64() != Some(0))
        .map(|b| {
            (
                b["start"].as_str().expect("start").to_string(),
                b["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(got, per_month);
    assert_eq!(histogram["undated"].as_u64(), Some(undated));
}

#[test]
fn the_index_summary_counts_in_the_singular_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("oil.txt");
    std::fs::write(
        &file,
        "Oil edges higher\n\nOil prices edged higher on Monday in thin trading.\n",
    )
    .unwrap();
    let index = dir.path().join("index").display().to_string();
    let text = stdout_of(&newsfacet(&[
        "index",
        file.to_str().unwrap(),
        "--index",
        &index,
    ]));
    assert!(
        text.contains("\n  documents in index: 1 article, 0 quotes\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n  stories: 1 in index, 0 with copies (0 articles); this run 0 copies, 1 new ("
        ),
        "{text}"
    );
}

/// A feed of `n` articles written for the kill test: distinct stories, and every seventh
/// article a syndicated copy of the one before it under another id and title.
fn write_feed(path: &Path, n: usize) {
    const WORDS: [&str; 16] = [
        "grain", "talks", "harbour", "ministry", "tariff", "railway", "election", "drought",
        "pipeline", "summit", "court", "budget", "vaccine", "strike", "border", "reactor",
    ];
    let mut lines = String::new();
    let mut previous_body = String::new();
    for i in 0..n {
        let body = if i % 7 == 6 {
            previous_body.clone()
        } else {
            let words: Vec<&str> = (0..40)
                .map(|k| WORDS[(i * 31 + k * 7 + k * k * i) % 16])
                .collect();
            format!(
                "Officials said on Monday that the {} plan number {i} would go ahead. {}.",
                WORDS[i % 16],
                words.join(" ")
            )
        };
        let record = serde_json::json!({
            "id": format!("kill-test-{i:05}"),
            "title": format!("Report {i} on the {}", WORDS[(i / 3) % 16]),
            "text": body,
            "date": "2026-03-01",
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
        previous_body = body;
    }
    std::fs::write(path, lines).unwrap();
}

/// `id → story` of every article in an index.
fn stories_of(index: &str) -> BTreeMap<String, String> {
    let results = json_of(&newsfacet(&[
        "search", "*", "--index", index, "--limit", "100000", "--json",
    ]));
    results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["id"].as_str().expect("id").to_string(),
                h["story"].as_str().expect("story").to_string(),
            )
        })
        .collect()
}

#[test]
fn killed_runs_resume_to_the_index_an_uninterrupted_run_builds() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    write_feed(&feed, 1500);
    let feed = feed.display().to_string();
    let whole = dir.path().join("whole").display().to_string();
    json_of(&newsfacet(&["index", &feed, "--index", &whole, "--json"]));
    let expected = stories_of(&whole);
    assert_eq!(expected.len(), 1500);
    assert!(
        expected.iter().filter(|(id, story)| id != story).count() >= 150,
        "the copies share stories"
    );

    let resumed = dir.path().join("resumed").display().to_string();
    let committed = |index: &str| -> Option<u64> {
        let output = newsfacet(&["search", "*", "--index", index, "--limit", "0", "--json"]);
        output
            .status
            .success()
            .then(|| json_of(&output)["total"].as_u64())
            .flatten()
    };
    // Three runs, each killed once it has committed some new articles of its own.
    let mut killed_mid_run = 0;
    let mut before = 0;
    for _ in 0..3 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacet"))
            .args([
                "index",
                &feed,
                "--index",
                &resumed,
                "--commit-every",
                "1",
                "-q",
            ])
            .current_dir(repo_root())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("indexing starts");
        loop {
            std::thread::sleep(std::time::Duration::from_millis(100));
            if child.try_wait().ok().flatten().is_some() {
                break;
            }
            if committed(&resumed).is_some_and(|total| total >= before + 200) {
                break;
            }
        }
        // SIGKILL on Unix: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        // Whatever was committed opens and answers, each article at most once.
        let total = committed(&resumed).expect("the index opens after a kill");
        assert!(total <= 1500, "{total}");
        if total < 1500 {
            killed_mid_run += 1;
        }
        before = total;
    }
    assert!(
        killed_mid_run >= 1,
        "at least one run was killed while indexing"
    );
    json_of(&newsfacet(&["index", &feed, "--index", &resumed, "--json"]));
    assert_eq!(
        stories_of(&resumed),
        expected,
        "every article once, stories as uninterrupted"
    );
}

#[test]
fn an_index_records_the_gazetteer_that_tagged_it() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("people.tsv");
    std::fs::write(
        &user,
        "Anya Petrova\tperson\tanalyst\tRU\tA. Petrova|Petrova\t\n",
    )
    .unwrap();
    let index = dir.path().join("index").display().to_string();
    let corpus = repo_root().join("index-data/corpus/txt");
    let corpus = corpus.display().to_string();
    let user = user.display().to_string();
    json_of(&newsfacet(&[
        "index",
        &corpus,
        "--index",
        &index,
        "--gazetteer",
        &user,
        "--json",
    ]));
    let stats = json_of(&newsfacet(&["stats", "--index", &index, "--json"]));
    let bundled = stats["versions"]["gazetteer"].as_str().unwrap();
    let tagged_with = stats["versions"]["index_gazetteer"].as_str().unwrap();
    let (base, user_part) = tagged_with.split_once('+').expect("a user part");
    assert_eq!(base, bundled);
    assert_eq!(user_part.len(), 16, "{tagged_with}");
    let text = stdout_of(&newsfacet(&["stats", "--index", &index]));
    assert!(
        text.contains(&format!(
            "(index tagged with {tagged_with}: re-index to re-tag)"
        )),
        "{text}"
    );
    // Without the user's file the gazetteer differs: every article is tagged again. Then,
    // with nothing changed, none is.
    let retagged = json_of(&newsfacet(&["index", &corpus, "--index", &index, "--json"]));
    let articles = stats["articles"].as_u64().unwrap();
    assert_eq!(retagged["unchanged"], 0, "{retagged}");
    assert_eq!(
        retagged["updated"].as_u64().unwrap() + retagged["indexed"].as_u64().unwrap(),
        articles
    );
    let again = json_of(&newsfacet(&["index", &corpus, "--index", &index, "--json"]));
    assert_eq!(again["unchanged"].as_u64(), Some(articles), "{again}");
    assert_eq!(again["top_speakers"], retagged["top_speakers"]);
}
