use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use newsfacet_article::{Article, Origin};
use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::{EntityType, Entry, Gazetteer};
use newsfacet_index::{DocKind, FacetField, NewsIndex};
use newsfacet_tag::{CountryRef, EntityCount, Quote, QuoteKind, Speaker, Tags};

use super::*;

struct Doc {
    id: &'static str,
    title: &'static str,
    body: &'static str,
    date: Option<(i32, u32, u32)>,
    source: Option<&'static str>,
    /// The wire or outlet the story came from.
    origin: Option<&'static str>,
    speakers: &'static [&'static str],
    countries: &'static [&'static str],
    url: Option<&'static str>,
    /// `(text, speaker)`; a quote without a speaker is by "an official".
    quotes: &'static [(&'static str, Option<&'static str>)],
}

const DOCS: &[Doc] = &[
    Doc {
        id: "a1",
        title: "Shoigu holds talks in Ankara",
        body: "Sergei Shoigu talked with Turkish officials about grain exports on Friday.",
        date: Some((2024, 3, 1)),
        source: Some("Reuters"),
        origin: None,
        speakers: &["Sergei Shoigu"],
        countries: &["Russia", "Turkey"],
        url: None,
        quotes: &[
            (
                "Grain corridors must stay open for everyone.",
                Some("Sergei Shoigu"),
            ),
            ("The talks were difficult and long.", None),
        ],
    },
    Doc {
        id: "a2",
        title: "Petrova warns on sanctions",
        body: "Analyst Anya Petrova said sanctions on Russia would bite. The state of the union is strong.",
        date: Some((2024, 3, 3)),
        source: Some("TASS"),
        origin: None,
        speakers: &["Anya Petrova"],
        countries: &["Russia"],
        url: None,
        quotes: &[(
            "Sanctions hurt ordinary families first.",
            Some("Anya Petrova"),
        )],
    },
    Doc {
        id: "a3",
        title: "Turkey grain deal",
        body: "A grain deal was signed in Istanbul after one long talk & <many> hours.",
        date: Some((2024, 2, 20)),
        source: Some("Reuters"),
        origin: None,
        speakers: &["Recep Tayyip Erdoğan"],
        countries: &["Turkey"],
        url: Some("https://example.com/a3"),
        quotes: &[],
    },
    Doc {
        id: "a4",
        title: "Weather report",
        body: "Rain is expected across the region.",
        date: None,
        source: None,
        origin: None,
        speakers: &[],
        countries: &[],
        url: None,
        quotes: &[],
    },
    Doc {
        id: "a5",
        title: "Markets",
        body: "Stocks rose while grain prices fell, Sergei Shoigu and Anya Petrova noted.",
        date: Some((2024, 3, 2)),
        source: Some("Xinhua"),
        origin: None,
        speakers: &["Anya Petrova", "Sergei Shoigu"],
        countries: &["China"],
        url: None,
        quotes: &[
            ("Prices of grain will recover by summer.", Some("Anya Petrova")),
            ("We are watching the markets closely.", Some("Sergei Shoigu")),
        ],
    },
];

pub(crate) fn gazetteer() -> Gazetteer {
    let mut gazetteer = Gazetteer::default();
    let mut shoigu = Entry::new(
        "person:sergei-shoigu",
        EntityType::Person,
        "official",
        "Sergei Shoigu",
    );
    shoigu.aliases = vec!["Shoygu".into()];
    gazetteer.insert(shoigu);
    let mut turkey = Entry::new("country:TR", EntityType::Place, kind::COUNTRY, "Turkey");
    turkey.country = Some("TR".into());
    turkey.aliases = vec!["Türkiye".into()];
    gazetteer.insert(turkey);
    let mut reuters = Entry::new(
        "org:reuters",
        EntityType::Organization,
        "news_agency",
        "Reuters",
    );
    reuters.domains = vec!["reuters.com".into()];
    gazetteer.insert(reuters);
    gazetteer
}

fn build() -> (tempfile::TempDir, NewsIndex) {
    build_with_quotes(true)
}

/// The test index of [`DOCS`], with or without their quotes.
fn build_with_quotes(with_quotes: bool) -> (tempfile::TempDir, NewsIndex) {
    build_docs(DOCS, with_quotes)
}

/// An index of `docs`, in order, with or without their quotes.
fn build_docs(docs: &[Doc], with_quotes: bool) -> (tempfile::TempDir, NewsIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(20_000_000).unwrap();
    for (line, doc) in docs.iter().enumerate() {
        let (article, tags) = article_and_tags(line, doc, with_quotes);
        writer.upsert(&article, &tags).unwrap();
    }
    writer.commit().unwrap();
    (dir, index)
}

/// The article and tags of `doc`, the `line`-th of its corpus, with or without its quotes.
fn article_and_tags(line: usize, doc: &Doc, with_quotes: bool) -> (Article, Tags) {
    {
        let article = Article {
            id: doc.id.to_string(),
            title: doc.title.to_string(),
            body: doc.body.to_string(),
            source: None,
            published: doc
                .date
                .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            authors: Vec::new(),
            url: doc.url.map(str::to_string),
            origin: Origin {
                path: PathBuf::from("corpus/test.jsonl"),
                line: Some(line + 1),
            },
        };
        let tags = Tags {
            source: doc.source.map(str::to_string),
            origin: doc.origin.map(str::to_string),
            speakers: doc
                .speakers
                .iter()
                .map(|name| Speaker {
                    name: name.to_string(),
                    entity_type: EntityType::Person,
                })
                .collect(),
            countries: doc
                .countries
                .iter()
                .map(|name| CountryRef {
                    name: name.to_string(),
                    code: String::new(),
                })
                .collect(),
            entities: doc
                .speakers
                .iter()
                .map(|name| EntityCount {
                    name: name.to_string(),
                    entity_type: EntityType::Person,
                    id: String::new(),
                    count: 1,
                    surface: vec![name.to_string()],
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .filter(|_| with_quotes)
                .enumerate()
                .map(|(n, &(text, speaker))| Quote {
                    text: text.to_string(),
                    speaker: speaker.map(str::to_string),
                    speaker_type: speaker.map(|_| EntityType::Person),
                    unnamed: speaker.is_none().then(|| "an official".to_string()),
                    kind: QuoteKind::Direct,
                    cue: speaker.map(|_| "said".to_string()),
                    start: 100 * (n + 1),
                })
                .collect(),
            story_signature: None,
        };
        (article, tags)
    }
}

fn request(query: &str, filters: &[(FacetField, &str)]) -> SearchRequest {
    let mut request = SearchRequest {
        query: Some(query.to_string()),
        limit: 10,
        ..SearchRequest::default()
    };
    for (field, value) in filters {
        request.filters.add(*field, *value);
    }
    request
}

fn ids(index: &NewsIndex, query: &str, filters: &[(FacetField, &str)]) -> Vec<String> {
    let results = search(index, &gazetteer(), &request(query, filters)).unwrap();
    assert_eq!(
        results.total as usize,
        results.hits.len(),
        "all hits fit on one page"
    );
    let mut ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

#[test]
fn text_queries_hit_and_miss() {
    let (_dir, index) = build();
    assert_eq!(ids(&index, "grain", &[]), ["a1", "a3", "a5"]);
    assert!(ids(&index, "volcano", &[]).is_empty());
    // Stemming: "talks" finds "talk" and "talked".
    assert_eq!(ids(&index, "talks", &[]), ["a1", "a3"]);
    // Conjunction by default; OR on request.
    assert_eq!(ids(&index, "grain istanbul", &[]), ["a3"]);
    assert_eq!(ids(&index, "istanbul OR rain", &[]), ["a3", "a4"]);
    // Phrases keep stop words in position.
    assert_eq!(ids(&index, "\"state of the union\"", &[]), ["a2"]);
    assert!(ids(&index, "\"union of the state\"", &[]).is_empty());
    // Field prefixes.
    assert_eq!(ids(&index, "title:grain", &[]), ["a3"]);
    assert_eq!(ids(&index, "grain -title:grain", &[]), ["a1", "a5"]);
}

#[test]
fn title_matches_rank_first() {
    let (_dir, index) = build();
    let results = search(&index, &gazetteer(), &request("grain", &[])).unwrap();
    assert_eq!(results.hits[0].id, "a3");
    assert!(results.hits[0].score > results.hits[1].score);
}

#[test]
fn facet_filters_or_within_and_across() {
    let (_dir, index) = build();
    let shoigu = (FacetField::Speaker, "Sergei Shoigu");
    let petrova = (FacetField::Speaker, "Anya Petrova");
    assert_eq!(ids(&index, "", &[shoigu]), ["a1", "a5"]);
    assert_eq!(ids(&index, "", &[shoigu, petrova]), ["a1", "a2", "a5"]);
    assert_eq!(
        ids(
            &index,
            "",
            &[shoigu, petrova, (FacetField::Country, "russia")]
        ),
        ["a1", "a2"]
    );
    assert_eq!(
        ids(
            &index,
            "grain",
            &[shoigu, petrova, (FacetField::Country, "russia")]
        ),
        ["a1"]
    );
    assert_eq!(
        ids(&index, "", &[(FacetField::Person, "anya petrova")]),
        ["a2", "a5"]
    );
}

#[test]
fn filter_values_resolve_through_aliases_and_word_runs() {
    let (_dir, index) = build();
    assert_eq!(
        ids(&index, "", &[(FacetField::Speaker, "shoygu")]),
        ["a1", "a5"]
    );
    assert_eq!(
        ids(&index, "", &[(FacetField::Country, "Türkiye")]),
        ["a1", "a3"]
    );
    assert_eq!(
        ids(&index, "", &[(FacetField::Country, "TURKIYE")]),
        ["a1", "a3"]
    );
    assert_eq!(
        ids(&index, "", &[(FacetField::Source, "reuters.com")]),
        ["a1", "a3"]
    );
    assert_eq!(
        ids(&index, "", &[(FacetField::Speaker, "petrova")]),
        ["a2", "a5"]
    );
    assert_eq!(ids(&index, "", &[(FacetField::Speaker, "erdogan")]), ["a3"]);
}

#[test]
fn unknown_filter_values_match_nothing_and_are_reported() {
    let (_dir, index) = build();
    let results = search(
        &index,
        &gazetteer(),
        &request("", &[(FacetField::Speaker, "Nobody Atall")]),
    )
    .unwrap();
    assert_eq!(results.total, 0);
    assert!(results.hits.is_empty());
    assert_eq!(
        results.unmatched_filters,
        vec![("speaker".to_string(), "Nobody Atall".to_string())]
    );
    // Multi-select: the speaker counts ignore the speaker filter, so they show the values
    // that exist.
    assert_eq!(
        pairs(&results.facets.speaker),
        [
            ("Anya Petrova", 2),
            ("Sergei Shoigu", 2),
            ("Recep Tayyip Erdoğan", 1)
        ]
    );
    assert!(results.facets.country.is_empty());
    assert!(results.filters[0].values.is_empty());
    assert!(results.filters[0].did_you_mean.is_empty());
    let quotes = search_quotes(
        &index,
        &gazetteer(),
        &request("", &[(FacetField::Speaker, "Nobody Atall")]),
    )
    .unwrap();
    assert_eq!(
        (quotes.total, quotes.unmatched_filters),
        (0, results.unmatched_filters)
    );

    // An unmatched alternative is reported but the other alternative still applies.
    let results = search(
        &index,
        &gazetteer(),
        &request(
            "",
            &[
                (FacetField::Speaker, "Nobody"),
                (FacetField::Speaker, "petrova"),
            ],
        ),
    )
    .unwrap();
    assert_eq!(results.total, 2);
    assert_eq!(
        results.unmatched_filters,
        vec![("speaker".to_string(), "Nobody".to_string())]
    );
}

#[test]
fn a_value_left_only_in_replaced_versions_is_no_filter_value() {
    let (_dir, index) = build();
    let (line, doc) = DOCS
        .iter()
        .enumerate()
        .find(|(_, doc)| doc.speakers.contains(&"Recep Tayyip Erdoğan"))
        .unwrap();
    // The only article quoting him is rewritten without him: his name stays in the index's
    // dictionaries (with the deleted version) but in no live article.
    let (mut article, mut tags) = article_and_tags(line, doc, true);
    article.body.push_str(" Updated without the quote.");
    tags.speakers.clear();
    tags.entities.clear();
    tags.quotes.clear();
    let mut writer = index.writer(20_000_000).unwrap();
    writer.upsert(&article, &tags).unwrap();
    writer.commit().unwrap();

    let results = search(
        &index,
        &gazetteer(),
        &request("", &[(FacetField::Speaker, "Erdoğan")]),
    )
    .unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(
        results.unmatched_filters,
        vec![("speaker".to_string(), "Erdoğan".to_string())]
    );
    // The other speakers still resolve.
    assert_eq!(
        ids(&index, "", &[(FacetField::Speaker, "Petrova")]).len(),
        2
    );
}

#[test]
fn facet_counts_cover_all_matches() {
    let (_dir, index) = build();
    let mut req = request("", &[]);
    req.limit = 1;
    let results = search(&index, &gazetteer(), &req).unwrap();
    assert_eq!(results.total, 5);
    assert_eq!(results.hits.len(), 1);
    let speaker = pairs(&results.facets.speaker);
    assert_eq!(
        speaker,
        [
            ("Anya Petrova", 2),
            ("Sergei Shoigu", 2),
            ("Recep Tayyip Erdoğan", 1)
        ]
    );
    let source = pairs(&results.facets.source);
    assert_eq!(source, [("Reuters", 2), ("TASS", 1), ("Xinhua", 1)]);

    let list = facet_values(
        &index,
        &gazetteer(),
        &SearchRequest::default(),
        FacetField::Country,
        2,
        None,
    )
    .unwrap();
    let values = pairs(&list.values);
    assert_eq!(values, [("Russia", 2), ("Turkey", 2)]);
    assert_eq!(list.other, 1);
    assert_eq!(
        serde_json::to_value(&list).unwrap(),
        serde_json::json!({"field": "country", "total": 5, "values": [{"value": "Russia", "count": 2}, {"value": "Turkey", "count": 2}], "other": 1})
    );

    let list = facet_values(
        &index,
        &gazetteer(),
        &request("sanctions", &[(FacetField::Speaker, "petrova")]),
        FacetField::Person,
        10,
        None,
    )
    .unwrap();
    assert_eq!(
        list.values,
        [FacetCount {
            value: "Anya Petrova".into(),
            count: 1
        }]
    );
    assert_eq!(list.other, 0);
}

#[test]
fn empty_query_pages_by_date() {
    let (_dir, index) = build();
    let page = |offset, limit| {
        let mut req = request("  ", &[]);
        req.offset = offset;
        req.limit = limit;
        let results = search(&index, &gazetteer(), &req).unwrap();
        assert_eq!(results.total, 5);
        results.hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
    };
    assert_eq!(page(0, 2), ["a2", "a5"]);
    assert_eq!(page(2, 2), ["a1", "a3"]);
    assert_eq!(page(4, 2), ["a4"]);
    assert!(page(9, 2).is_empty());
    assert!(page(0, 0).is_empty());

    let mut req = request("grain", &[]);
    req.limit = 2;
    let first = search(&index, &gazetteer(), &req).unwrap();
    req.offset = 2;
    let second = search(&index, &gazetteer(), &req).unwrap();
    assert_eq!(
        (first.total, first.hits.len(), second.hits.len()),
        (3, 2, 1)
    );
    assert!(!first.hits.iter().any(|h| h.id == second.hits[0].id));
}

#[test]
fn malformed_queries_are_usage_errors() {
    let (_dir, index) = build();
    let err = search(&index, &gazetteer(), &request("title:(", &[])).unwrap_err();
    assert!(err.is_usage_error(), "{err}");
    assert!(matches!(&err, QueryError::Syntax { query, .. } if query == "title:("));

    let err = search(&index, &gazetteer(), &request("grain AND (talks", &[])).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("at character"), "{message}");
    assert!(message.contains("\n  grain AND (talks\n"), "{message}");

    let err = search(&index, &gazetteer(), &request("talks colour:red", &[])).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("unknown field `colour:`"), "{message}");
    assert!(message.contains("at character 7"), "{message}");

    let err = search(
        &index,
        &gazetteer(),
        &request("date:[2024-13-01 TO *]", &[]),
    )
    .unwrap_err();
    assert!(err.is_usage_error(), "{err}");
}

#[test]
fn snippets_highlight_or_fall_back_to_the_opening() {
    let (_dir, index) = build();
    let results = search(&index, &gazetteer(), &request("istanbul", &[])).unwrap();
    let snippet = &results.hits[0].snippet;
    assert!(snippet.contains("<b>Istanbul</b>"), "{snippet}");
    assert!(snippet.contains("&amp; &lt;many&gt;"), "{snippet}");

    let results = search(&index, &gazetteer(), &request("sanctions", &[])).unwrap();
    assert_eq!(
        results.hits[0].snippet,
        "Analyst Anya Petrova said <b>sanctions</b> on Russia would bite. The state of the union is strong."
    );

    // Title-only match: nothing in the body highlights, so the body opening is shown.
    let results = search(&index, &gazetteer(), &request("title:markets", &[])).unwrap();
    assert_eq!(results.hits[0].snippet, DOCS[4].body);
}

/// `(value, count)` pairs of facet counts, in their order.
fn pairs(counts: &[FacetCount]) -> Vec<(&str, u64)> {
    counts.iter().map(|c| (c.value.as_str(), c.count)).collect()
}

/// The keys of a JSON object, sorted.
fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn results_serialize_to_the_documented_shape() {
    let (_dir, index) = build();
    let results = search(&index, &gazetteer(), &request("istanbul OR rain", &[])).unwrap();
    let json = serde_json::to_value(&results).unwrap();
    assert_eq!(keys(&json), ["facets", "hits", "total"]);
    assert_eq!(
        keys(&json["facets"]),
        ["country", "origin", "source", "speaker"]
    );
    let a3 = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "a3")
        .unwrap();
    assert_eq!(
        keys(a3),
        [
            "countries",
            "id",
            "origin",
            "published",
            "score",
            "snippet",
            "source",
            "speakers",
            "story",
            "title",
            "url"
        ]
    );
    assert_eq!(
        a3["story"], "a3",
        "an article without copies is its own story"
    );
    assert_eq!(a3["published"], "2024-02-20");
    assert_eq!(a3["url"], "https://example.com/a3");
    let a4 = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "a4")
        .unwrap();
    assert_eq!(a4["source"], serde_json::Value::Null);
    assert_eq!(a4["published"], serde_json::Value::Null);
    assert_eq!(a4["path"], "corpus/test.jsonl:4");
    assert!(a4.get("url").is_none());
    // Facet dimensions serialize in a fixed order.
    let text = serde_json::to_string(&results.facets).unwrap();
    assert!(
        text.starts_with("{\"speaker\":") && text.find("\"country\"") < text.find("\"source\""),
        "{text}"
    );
}

fn quote_request(query: &str, filters: &[(FacetField, &str)]) -> SearchRequest {
    let mut request = request(query, filters);
    request.limit = 100;
    request
}

/// `(article id, quote text)` of every matching quote, in result order.
fn quotes(index: &NewsIndex, query: &str, filters: &[(FacetField, &str)]) -> Vec<(String, String)> {
    let results = search_quotes(index, &gazetteer(), &quote_request(query, filters)).unwrap();
    assert_eq!(results.total as usize, results.hits.len());
    results.hits.into_iter().map(|h| (h.id, h.text)).collect()
}

fn quote_ids(index: &NewsIndex, query: &str, filters: &[(FacetField, &str)]) -> Vec<String> {
    let mut ids: Vec<String> = quotes(index, query, filters)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn quote_search_matches_quote_text_only() {
    let (_dir, index) = build();
    // "grain" is in the bodies of a1, a3, a5 and in quotes of a1 and a5.
    let found = quotes(&index, "grain", &[]);
    let mut ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["a1", "a5"]);
    assert!(found
        .iter()
        .all(|(_, text)| text.to_lowercase().contains("grain")));
    // Narrative only: the article matches, no quote does.
    assert_eq!(ids_of_articles(&index, "istanbul"), ["a3"]);
    assert!(quotes(&index, "istanbul", &[]).is_empty());
    // Quote only: no article matches, the quote does (stemmed: "corridor" finds "corridors").
    assert!(ids_of_articles(&index, "corridor").is_empty());
    assert_eq!(quote_ids(&index, "corridor", &[]), ["a1"]);
    // Quote documents never show up in article results or counts.
    let all = search(&index, &gazetteer(), &request("", &[])).unwrap();
    assert_eq!(all.total, 5);
}

fn ids_of_articles(index: &NewsIndex, query: &str) -> Vec<String> {
    ids(index, query, &[])
}

#[test]
fn quote_speaker_filters_resolve_like_article_filters() {
    let (_dir, index) = build();
    let shoigu = [
        ("a5".to_string(), DOCS[4].quotes[1].0.to_string()),
        ("a1".to_string(), DOCS[0].quotes[0].0.to_string()),
    ];
    // Through a gazetteer alias, case-insensitively, and by a whole word of the name.
    for input in ["shoygu", "SERGEI SHOIGU", "shoigu"] {
        assert_eq!(
            quotes(&index, "", &[(FacetField::Speaker, input)]),
            shoigu,
            "--speaker {input}"
        );
    }
    // Only what the speaker said, not every quote of articles where they spoke.
    assert_eq!(
        quote_ids(&index, "", &[(FacetField::Speaker, "petrova")]),
        ["a2", "a5"]
    );
    assert_eq!(
        quote_ids(&index, "grain", &[(FacetField::Speaker, "petrova")]),
        ["a5"]
    );
    assert!(quotes(&index, "", &[(FacetField::Speaker, "Nobody Atall")]).is_empty());
}

#[test]
fn unnamed_quotes_are_found_but_never_under_a_speaker() {
    let (_dir, index) = build();
    let results = search_quotes(&index, &gazetteer(), &quote_request("talks", &[])).unwrap();
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!(
        (hit.speaker.as_deref(), hit.unnamed.as_deref()),
        (None, Some("an official"))
    );
    // a1's article speaker is Shoigu, but the unnamed quote is not his.
    assert!(quotes(&index, "talks", &[(FacetField::Speaker, "shoigu")]).is_empty());
}

#[test]
fn article_filters_restrict_quotes_to_matching_articles() {
    let (_dir, index) = build();
    let petrova = (FacetField::Speaker, "petrova");
    assert_eq!(
        quote_ids(&index, "", &[petrova, (FacetField::Country, "russia")]),
        ["a2"]
    );
    assert_eq!(
        quote_ids(&index, "", &[(FacetField::Source, "xinhua")]),
        ["a5", "a5"]
    );
    assert_eq!(
        quote_ids(
            &index,
            "",
            &[
                (FacetField::Country, "türkiye"),
                (FacetField::Country, "china")
            ]
        ),
        ["a1", "a1", "a5", "a5"]
    );
    assert_eq!(
        quote_ids(&index, "", &[(FacetField::Person, "anya petrova")]),
        ["a2", "a5", "a5"]
    );
}

#[test]
fn all_quotes_newest_first_in_text_order() {
    let (_dir, index) = build();
    for query in ["", "*", "  "] {
        let results = search_quotes(&index, &gazetteer(), &quote_request(query, &[])).unwrap();
        let order: Vec<(&str, u64)> = results
            .hits
            .iter()
            .map(|h| (h.id.as_str(), h.position))
            .collect();
        assert_eq!(
            order,
            [
                ("a2", 100),
                ("a5", 100),
                ("a5", 200),
                ("a1", 100),
                ("a1", 200)
            ],
            "query {query:?}"
        );
        assert!(results.hits.iter().all(|h| h.score == 0.0));
    }
    let mut page = quote_request("", &[]);
    page.offset = 3;
    page.limit = 1;
    let results = search_quotes(&index, &gazetteer(), &page).unwrap();
    assert_eq!((results.total, results.hits.len()), (5, 1));
    assert_eq!(results.hits[0].id, "a1");
}

#[test]
fn quote_results_serialize_to_the_documented_shape() {
    let (_dir, index) = build();
    let results =
        search_quotes(&index, &gazetteer(), &quote_request("grain OR talks", &[])).unwrap();
    let json = serde_json::to_value(&results).unwrap();
    assert_eq!(keys(&json), ["hits", "total"]);
    let hits = json["hits"].as_array().unwrap();
    let named = hits.iter().find(|h| h["id"] == "a5").unwrap();
    assert_eq!(
        keys(named),
        [
            "cue",
            "id",
            "kind",
            "origin",
            "path",
            "position",
            "published",
            "score",
            "snippet",
            "source",
            "speaker",
            "text",
            "title"
        ]
    );
    assert_eq!(named["speaker"], "Anya Petrova");
    assert_eq!(named["kind"], "direct");
    assert_eq!(named["cue"], "said");
    assert_eq!(named["title"], "Markets");
    assert_eq!(named["source"], "Xinhua");
    assert_eq!(named["published"], "2024-03-02");
    assert_eq!(named["text"], DOCS[4].quotes[0].0);
    assert_eq!(
        named["snippet"],
        "Prices of <b>grain</b> will recover by summer."
    );
    let unnamed = hits.iter().find(|h| h["speaker"].is_null()).unwrap();
    assert_eq!(unnamed["unnamed"], "an official");
    assert_eq!(
        unnamed["cue"],
        serde_json::Value::Null,
        "cue is always present"
    );
    assert_eq!(unnamed["title"], DOCS[0].title);
}

#[test]
fn quote_documents_do_not_change_article_scores() {
    let (_with, with_quotes) = build_with_quotes(true);
    let (_without, without_quotes) = build_with_quotes(false);
    assert_eq!(with_quotes.count(DocKind::Quote).unwrap(), 5);
    assert_eq!(without_quotes.count(DocKind::Quote).unwrap(), 0);
    for query in ["grain", "talks", "grain OR sanctions", "title:grain"] {
        let scores = |index: &NewsIndex| {
            search(index, &gazetteer(), &request(query, &[]))
                .unwrap()
                .hits
                .into_iter()
                .map(|h| (h.id, h.score))
                .collect::<Vec<_>>()
        };
        assert_eq!(scores(&with_quotes), scores(&without_quotes), "{query}");
    }
}

#[test]
fn malformed_quote_queries_are_usage_errors() {
    let (_dir, index) = build();
    let err = search_quotes(&index, &gazetteer(), &quote_request("\"(", &[])).unwrap_err();
    assert!(err.is_usage_error(), "{err}");
    let err = search_quotes(&index, &gazetteer(), &quote_request("colour:red", &[])).unwrap_err();
    assert!(err.to_string().contains("(fields: quote"), "{err}");
    // A field of articles is accepted and simply matches no quote.
    assert!(quotes(&index, "body:grain", &[]).is_empty());
}

/// A wire story written for these tests, about 120 words.
const MINE_WIRE: &str = "Workers at the Korvanger copper mine walked out on Monday after talks \
    on a new wage agreement broke down, halting production at one of the largest pits in the \
    region. The union said the company had refused to match inflation and had ignored safety \
    complaints about the deepest shafts. \"Our members will not go back underground until the \
    ventilation is fixed,\" union leader Marta Linde told a rally outside the main gate. The \
    company said it regretted the strike and remained open to mediation, but warned that a \
    long stoppage would put contracts with smelters abroad at risk. Copper prices rose on the \
    news. The mine employs about 2,400 people and produced a tenth of the country's copper \
    last year, according to the industry ministry.";

/// `text` as another outlet republished it: its own header and footer, one light edit.
fn republished(outlet: &'static str, text: &str) -> &'static str {
    let copy = format!(
        "{outlet} | Share | Follow us\n\n{}\n\nThis story was published by {outlet} from a \
         wire feed. Subscribe to our newsletter.",
        text.replace("told a rally", "said at a rally")
    );
    Box::leak(copy.into_boxed_str())
}

/// Three copies of one wire story, an independent article on the same strike, and an
/// unrelated article.
fn story_docs() -> Vec<Doc> {
    let doc = |id, title, body, day, source, countries: &'static [&'static str]| Doc {
        id,
        title,
        body,
        date: Some((2025, 5, day)),
        source: Some(source),
        // Each copy says where it came from; the feature is the magazine's own.
        origin: Some(if id == "feature" { source } else { "Reuters" }),
        speakers: &["Marta Linde"],
        countries,
        url: None,
        quotes: &[],
    };
    vec![
        doc(
            "wire",
            "Korvanger miners strike over pay",
            MINE_WIRE,
            5,
            "Reuters",
            &["Norway"],
        ),
        doc(
            "copy-harbour",
            "Strike halts Korvanger copper mine",
            republished("Daily Harbour", MINE_WIRE),
            6,
            "Daily Harbour",
            &["Norway"],
        ),
        doc(
            "feature",
            "Inside the Korvanger strike",
            "Marta Linde has led the Korvanger miners' union for six years, and she has \
             never seen the pits this angry. The ventilation in the deep shafts is the real \
             grievance, she says, more than the money. Managers at the company, speaking \
             privately, concede the pumps are old but say replacing them costs more than a \
             year of profit. Smelters in Sweden and Finland are watching nervously.",
            7,
            "Nordic Review",
            &["Norway", "Sweden", "Finland"],
        ),
        doc(
            "copy-coast",
            "Korvanger copper workers walk out",
            republished("Coast Times", MINE_WIRE),
            4,
            "Coast Times",
            &["Norway"],
        ),
        Doc {
            id: "other",
            title: "Ferry timetable changes",
            body: "The winter ferry timetable starts next week with fewer evening crossings.",
            date: None,
            source: Some("Coast Times"),
            origin: None,
            speakers: &[],
            countries: &["Norway"],
            url: None,
            quotes: &[],
        },
    ]
}

fn story_request(query: &str) -> SearchRequest {
    SearchRequest {
        collapse: true,
        ..request(query, &[])
    }
}

#[test]
fn collapse_gives_one_hit_per_story_with_the_other_copies() {
    let (_dir, index) = build_docs(&story_docs(), false);
    let results = search(&index, &gazetteer(), &story_request("korvanger")).unwrap();
    assert_eq!(results.total, 4, "total still counts articles");
    assert_eq!(results.stories, Some(2));
    assert_eq!(results.hits.len(), 2);
    let wire = results
        .hits
        .iter()
        .find(|h| h.story == "wire")
        .expect("the wire story");
    assert_eq!(wire.copies, Some(3));
    let also = wire.also.as_ref().unwrap();
    let mut sources: Vec<&str> = also.iter().filter_map(|c| c.source.as_deref()).collect();
    sources.sort();
    let mut all = sources.clone();
    all.extend(wire.source.as_deref());
    all.sort();
    assert_eq!(all, ["Coast Times", "Daily Harbour", "Reuters"]);
    assert!(also.iter().all(|c| c.id != wire.id));
    let feature = results.hits.iter().find(|h| h.id == "feature").unwrap();
    assert_eq!(
        (feature.story.as_str(), feature.copies),
        ("feature", Some(1))
    );
    assert_eq!(feature.also.as_deref(), Some(&[][..]));

    // The best-scoring copy represents the story: the one matching the query best.
    let results = search(&index, &gazetteer(), &story_request("newsletter")).unwrap();
    assert_eq!(results.stories, Some(1));
    assert_eq!(results.hits[0].copies, Some(2), "only the matching copies");

    // Without collapse, every copy is a hit and shares the story id.
    let results = search(&index, &gazetteer(), &request("korvanger", &[])).unwrap();
    assert_eq!(results.hits.len(), 4);
    assert_eq!(results.stories, None);
    assert!(results
        .hits
        .iter()
        .all(|h| h.copies.is_none() && h.also.is_none()));
    let copies: Vec<&str> = results
        .hits
        .iter()
        .filter(|h| h.story == "wire")
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(copies.len(), 3, "{copies:?}");
}

#[test]
fn collapse_pages_over_stories_newest_first_without_text() {
    let (_dir, index) = build_docs(&story_docs(), false);
    let page = |offset, limit| {
        let mut req = story_request("*");
        req.offset = offset;
        req.limit = limit;
        let results = search(&index, &gazetteer(), &req).unwrap();
        assert_eq!((results.total, results.stories), (5, Some(3)));
        results
            .hits
            .into_iter()
            .map(|h| (h.id, h.copies.unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    // Each story's newest copy stands for it; undated last.
    assert_eq!(
        page(0, 10),
        [
            ("feature".to_string(), 1),
            ("copy-harbour".to_string(), 3),
            ("other".to_string(), 1)
        ]
    );
    assert_eq!(page(1, 1), [("copy-harbour".to_string(), 3)]);
    assert!(page(3, 1).is_empty());
}

#[test]
fn facet_counts_by_story_count_each_story_once() {
    let (_dir, index) = build_docs(&story_docs(), false);
    let countries = |count_by| {
        let req = SearchRequest {
            count_by,
            ..SearchRequest::default()
        };
        facet_values(&index, &gazetteer(), &req, FacetField::Country, 0, None)
            .unwrap()
            .values
    };
    assert_eq!(
        pairs(&countries(CountBy::Article)),
        [("Norway", 5), ("Finland", 1), ("Sweden", 1)]
    );
    assert_eq!(
        pairs(&countries(CountBy::Story)),
        [("Norway", 3), ("Finland", 1), ("Sweden", 1)]
    );

    let req = SearchRequest {
        count_by: CountBy::Story,
        ..request("korvanger", &[])
    };
    let results = search(&index, &gazetteer(), &req).unwrap();
    assert_eq!((results.total, results.stories), (4, Some(2)));
    assert_eq!(
        results.facets.speaker,
        [FacetCount {
            value: "Marta Linde".into(),
            count: 2
        }]
    );
    // Sources are per story too: the wire story counts once for each of its publishers.
    let sources = pairs(&results.facets.source);
    assert_eq!(
        sources,
        [
            ("Coast Times", 1),
            ("Daily Harbour", 1),
            ("Nordic Review", 1),
            ("Reuters", 1)
        ]
    );
    let json = serde_json::to_value(
        facet_values(&index, &gazetteer(), &req, FacetField::Country, 1, None).unwrap(),
    )
    .unwrap();
    assert_eq!(json["count_by"], "story");
}

#[test]
fn the_story_filter_selects_every_copy() {
    let (_dir, index) = build_docs(&story_docs(), false);
    let req = SearchRequest {
        story: Some("wire".into()),
        ..request("*", &[])
    };
    let results = search(&index, &gazetteer(), &req).unwrap();
    let mut ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    assert_eq!(ids, ["copy-coast", "copy-harbour", "wire"]);
}

#[test]
fn collapsed_results_serialize_to_the_documented_shape() {
    let (_dir, index) = build_docs(&story_docs(), false);
    let json =
        serde_json::to_value(search(&index, &gazetteer(), &story_request("korvanger")).unwrap())
            .unwrap();
    assert_eq!(keys(&json), ["facets", "hits", "stories", "total"]);
    let hit = &json["hits"][0];
    for key in ["story", "copies", "also"] {
        assert!(hit.get(key).is_some(), "{key}: {hit}");
    }
    let wire = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["story"] == "wire")
        .unwrap();
    assert_eq!(
        keys(&wire["also"][0]),
        ["id", "origin", "published", "source", "title"]
    );
}

/// Ids of `search` (or of the articles of `search_quotes`) in result order.
fn ordered_ids(index: &NewsIndex, req: &SearchRequest) -> Vec<String> {
    search(index, &gazetteer(), req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn dated(query: &str, since: Option<&str>, until: Option<&str>) -> SearchRequest {
    let day = |d: Option<&str>| d.map(|d| parse_date(d).unwrap());
    SearchRequest {
        dates: DateRange {
            since: day(since),
            until: day(until),
        },
        sort: SortOrder::Date,
        ..request(query, &[])
    }
}

#[test]
fn date_bounds_are_inclusive_and_drop_undated_articles() {
    let (_dir, index) = build();
    let ids = |since, until| ordered_ids(&index, &dated("*", since, until));
    assert_eq!(ids(Some("2024-03-01"), Some("2024-03-02")), ["a5", "a1"]);
    assert_eq!(ids(Some("2024-03-01"), None), ["a2", "a5", "a1"]);
    assert_eq!(ids(None, Some("2024-02-20")), ["a3"]);
    assert_eq!(ids(Some("2024-03-02"), Some("2024-03-02")), ["a5"]);
    assert!(ids(Some("2025-01-01"), None).is_empty());
    assert_eq!(ids(None, None).len(), 5, "no bounds: undated a4 too");

    // The same bounds select quotes and facet values.
    let quotes = search_quotes(&index, &gazetteer(), &dated("*", Some("2024-03-02"), None))
        .unwrap()
        .hits;
    let mut quote_ids: Vec<&str> = quotes.iter().map(|q| q.id.as_str()).collect();
    quote_ids.dedup();
    assert_eq!(quote_ids, ["a2", "a5"]);
    let list = facet_values(
        &index,
        &gazetteer(),
        &dated("*", None, Some("2024-03-01")),
        FacetField::Country,
        0,
        None,
    )
    .unwrap();
    let values = pairs(&list.values);
    assert_eq!(values, [("Turkey", 2), ("Russia", 1)]);
}

#[test]
fn an_empty_date_range_and_bad_dates_are_usage_errors() {
    let (_dir, index) = build();
    let err = search(
        &index,
        &gazetteer(),
        &dated("*", Some("2024-03-02"), Some("2024-03-01")),
    )
    .unwrap_err();
    assert!(err.is_usage_error(), "{err}");
    assert!(err.to_string().contains("--since"), "{err}");
    assert!(parse_date("2024-13-01").is_err());
    assert!(parse_date("1 March 2024")
        .unwrap_err()
        .contains("YYYY-MM-DD"));
    assert_eq!(
        parse_date(" 2024-03-01 "),
        Ok(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap())
    );
}

#[test]
fn sort_by_date_orders_matches_newest_first_and_keeps_scores() {
    let (_dir, index) = build();
    // "grain" is in a1 (03-01), a3 (02-20) and a5 (03-02); the title match ranks a3 first.
    let by_relevance = ordered_ids(&index, &request("grain", &[]));
    assert_eq!(by_relevance[0], "a3");
    let req = dated("grain", None, None);
    let results = search(&index, &gazetteer(), &req).unwrap();
    let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a5", "a1", "a3"]);
    assert!(results.hits.iter().all(|h| h.score > 0.0));
    // Paging follows the date order.
    let second = SearchRequest {
        offset: 1,
        limit: 1,
        ..req
    };
    assert_eq!(ordered_ids(&index, &second), ["a1"]);
    // Undated articles come last.
    let all = ordered_ids(&index, &dated("*", None, None));
    assert_eq!(all, ["a2", "a5", "a1", "a3", "a4"]);
}

#[test]
fn origins_are_a_facet_a_filter_and_part_of_hits() {
    let (_dir, index) = build_docs(&story_docs(), true);
    let by_origin = request("*", &[(FacetField::Origin, "reuters.com")]);
    let results = search(&index, &gazetteer(), &by_origin).unwrap();
    let mut ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["copy-coast", "copy-harbour", "wire"]);
    let copy = results.hits.iter().find(|h| h.id == "copy-coast").unwrap();
    assert_eq!(
        (copy.source.as_deref(), copy.origin.as_deref()),
        (Some("Coast Times"), Some("Reuters"))
    );
    // Multi-select: under an origin filter the origin counts show every origin.
    assert_eq!(
        pairs(&results.facets.origin),
        [("Reuters", 3), ("Nordic Review", 1)]
    );
    let origins = facet_values(
        &index,
        &gazetteer(),
        &SearchRequest::default(),
        FacetField::Origin,
        0,
        None,
    )
    .unwrap();
    let values = pairs(&origins.values);
    assert_eq!(values, [("Reuters", 3), ("Nordic Review", 1)]);
    // Different flags AND: a Coast Times article that did not come from Reuters is left out.
    let mut both = by_origin.clone();
    both.filters.add(FacetField::Source, "Coast Times");
    assert_eq!(ordered_ids(&index, &both), ["copy-coast"]);
}

#[test]
fn written_forms_of_one_name_are_one_facet_value() {
    const CHANG: &[Doc] = &[
        Doc {
            id: "c1",
            title: "Tariffs",
            body: "Chang Chi-cheng spoke about tariffs.",
            date: Some((2024, 3, 1)),
            source: Some("Reuters"),
            origin: None,
            speakers: &["Chang Chi-cheng"],
            countries: &[],
            url: None,
            quotes: &[],
        },
        Doc {
            id: "c2",
            title: "Tariffs again",
            body: "Chang Chi-Cheng spoke about tariffs again.",
            date: Some((2024, 3, 2)),
            source: Some("REUTERS"),
            origin: None,
            speakers: &["Chang Chi-Cheng"],
            countries: &[],
            url: None,
            quotes: &[],
        },
        Doc {
            id: "c3",
            title: "Tariffs once more",
            body: "Chang Chi-cheng spoke about tariffs once more.",
            date: Some((2024, 3, 3)),
            source: Some("Reuters"),
            origin: None,
            speakers: &["Chang Chi-cheng"],
            countries: &[],
            url: None,
            quotes: &[],
        },
    ];
    let (_dir, index) = build_docs(CHANG, false);
    let results = search(&index, &gazetteer(), &request("", &[])).unwrap();
    assert_eq!(pairs(&results.facets.speaker), [("Chang Chi-cheng", 3)]);
    assert_eq!(pairs(&results.facets.source), [("Reuters", 3)]);
    let list = facet_values(
        &index,
        &gazetteer(),
        &SearchRequest::default(),
        FacetField::Person,
        0,
        None,
    )
    .unwrap();
    assert_eq!(pairs(&list.values), [("Chang Chi-cheng", 3)]);
    // Any written form selects the whole group.
    for form in ["CHANG CHI-CHENG", "Chang Chi-Cheng", "chang chi-cheng"] {
        let found = ids(&index, "", &[(FacetField::Speaker, form)]);
        assert_eq!(found.len(), 3, "{form}: {found:?}");
    }
}

/// The values of one dimension on a stored hit.
fn hit_values(hit: &Hit, field: FacetField) -> Vec<String> {
    match field {
        FacetField::Speaker => hit.speakers.clone(),
        FacetField::Country => hit.countries.clone(),
        FacetField::Source => hit.source.iter().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Whether a stored hit passes one dimension's filter, worked out from its stored values.
fn passes(hit: &Hit, field: FacetField, filters: &Filters) -> bool {
    let values = hit_values(hit, field);
    let has = |input: &String| {
        if input == NO_VALUE {
            values.is_empty()
        } else {
            values.contains(input)
        }
    };
    let included = filters.included(field);
    (included.is_empty() || included.iter().any(has))
        && !filters.excluded_values(field).iter().any(has)
}

#[test]
fn multi_select_counts_match_a_brute_force_count_over_stored_documents() {
    let (_dir, index) = build();
    let mut all = request("*", &[]);
    all.limit = 100;
    let stored = search(&index, &gazetteer(), &all).unwrap().hits;
    assert_eq!(stored.len(), 5);
    let dims = [FacetField::Speaker, FacetField::Country, FacetField::Source];
    let choices: Vec<Filters> = {
        let mut choices = Vec::new();
        let options: [&[(FacetField, &str, bool)]; 8] = [
            &[],
            &[(FacetField::Country, "Russia", false)],
            &[
                (FacetField::Country, "Russia", false),
                (FacetField::Country, "Turkey", false),
            ],
            &[
                (FacetField::Country, "Turkey", false),
                (FacetField::Speaker, "Sergei Shoigu", false),
            ],
            &[(FacetField::Source, "Xinhua", true)],
            &[(FacetField::Source, NO_VALUE, false)],
            &[
                (FacetField::Source, NO_VALUE, true),
                (FacetField::Speaker, "Anya Petrova", true),
            ],
            &[
                (FacetField::Country, "Russia", false),
                (FacetField::Source, "Reuters", false),
                (FacetField::Source, "TASS", false),
                (FacetField::Speaker, "Sergei Shoigu", true),
            ],
        ];
        for option in options {
            let mut filters = Filters::default();
            for &(field, value, excluded) in option {
                if excluded {
                    filters.exclude(field, value);
                } else {
                    filters.add(field, value);
                }
            }
            choices.push(filters);
        }
        choices
    };
    for filters in choices {
        let mut req = request("*", &[]);
        req.filters = filters.clone();
        req.limit = 100;
        let results = search(&index, &gazetteer(), &req).unwrap();
        let expected_total = stored
            .iter()
            .filter(|hit| dims.iter().all(|&d| passes(hit, d, &filters)))
            .count();
        assert_eq!(results.total as usize, expected_total, "{filters:?}");
        for &field in &dims {
            let mut expected: BTreeMap<String, u64> = BTreeMap::new();
            for hit in stored.iter().filter(|hit| {
                dims.iter()
                    .filter(|&&d| d != field)
                    .all(|&d| passes(hit, d, &filters))
            }) {
                for value in hit_values(hit, field) {
                    *expected.entry(value).or_default() += 1;
                }
            }
            let got: BTreeMap<String, u64> = results
                .facets
                .get(field)
                .unwrap_or_default()
                .iter()
                .map(|c| (c.value.clone(), c.count))
                .collect();
            assert_eq!(got, expected, "{field} under {filters:?}");
        }
    }
}

#[test]
fn exclusion_and_no_value_filters() {
    let (_dir, index) = build();
    let mut req = request("*", &[]);
    req.filters.exclude(FacetField::Source, "reuters");
    let mut found = ids(&index, "*", &[]);
    found.sort();
    assert_eq!(found, ["a1", "a2", "a3", "a4", "a5"]);
    let results = search(&index, &gazetteer(), &req).unwrap();
    let mut found: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    found.sort();
    assert_eq!(found, ["a2", "a4", "a5"]);
    assert!(results.filters[0].excluded);
    assert_eq!(results.filters[0].values, ["Reuters"]);

    let mut req = request("*", &[]);
    req.filters.add(FacetField::Source, "None");
    let results = search(&index, &gazetteer(), &req).unwrap();
    let found: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(found, ["a4"]);
    let mut req = request("*", &[]);
    req.filters.exclude(FacetField::Source, "none");
    assert_eq!(search(&index, &gazetteer(), &req).unwrap().total, 4);
    // "none" is an alternative like any other value.
    let mut req = request("*", &[]);
    req.filters.add(FacetField::Source, "none");
    req.filters.add(FacetField::Source, "TASS");
    let results = search(&index, &gazetteer(), &req).unwrap();
    let mut found: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    found.sort();
    assert_eq!(found, ["a2", "a4"]);
}

#[test]
fn unknown_filter_values_suggest_indexed_values() {
    let (_dir, index) = build();
    let results = search(
        &index,
        &gazetteer(),
        &request("", &[(FacetField::Speaker, "petrovva")]),
    )
    .unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(results.filters[0].did_you_mean, ["Anya Petrova"]);
}

/// Articles for the query language: stems, exact forms, spellings of one name.
const WORDING: &[Doc] = &[
    Doc {
        id: "w1",
        title: "Housing market cools",
        body: "The housing market cooled in Istanbul as rates rose.",
        date: Some((2024, 3, 1)),
        source: Some("Reuters"),
        origin: None,
        speakers: &[],
        countries: &["Turkey"],
        url: None,
        quotes: &[],
    },
    Doc {
        id: "w2",
        title: "White House statement",
        body: "The White House said talks would continue.",
        date: Some((2024, 3, 2)),
        source: Some("TASS"),
        origin: None,
        speakers: &["Anya Petrova"],
        countries: &["Russia"],
        url: None,
        quotes: &[],
    },
    Doc {
        id: "w3",
        title: "Shoygu visits troops",
        body: "Defence minister Sergei Shoygu visited troops near the border.",
        date: Some((2024, 3, 3)),
        source: None,
        origin: None,
        speakers: &["Sergei Shoigu"],
        countries: &["Russia"],
        url: None,
        quotes: &[],
    },
    Doc {
        id: "w4",
        title: "Shoigu in Ankara",
        body: "Shoigu met Turkish officials to discuss the houses of parliament.",
        date: Some((2024, 3, 4)),
        source: Some("Reuters"),
        origin: None,
        speakers: &[],
        countries: &["Turkey"],
        url: None,
        quotes: &[],
    },
];

fn wording_ids(index: &NewsIndex, query: &str, text: TextOptions) -> Vec<String> {
    let mut gazetteer = gazetteer();
    let mut shoigu = Entry::new(
        "person:sergei-shoigu",
        EntityType::Person,
        "official",
        "Sergei Shoigu",
    );
    shoigu.aliases = vec!["Shoygu".into(), "Shoigu".into(), "Sergey Shoygu".into()];
    gazetteer.insert(shoigu);
    let mut req = request(query, &[]);
    req.text = text;
    let results = search(index, &gazetteer, &req).unwrap();
    let mut ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

#[test]
fn words_are_stemmed_unless_asked_for_exactly() {
    let (_dir, index) = build_docs(WORDING, false);
    let plain = TextOptions::default();
    // "housing" and "house" share a stem.
    assert_eq!(wording_ids(&index, "housing", plain), ["w1", "w2", "w4"]);
    assert_eq!(wording_ids(&index, "=housing", plain), ["w1"]);
    assert_eq!(wording_ids(&index, "title:=housing", plain), ["w1"]);
    assert_eq!(wording_ids(&index, "=houses", plain), ["w4"]);
    assert_eq!(wording_ids(&index, "=\"white house\"", plain), ["w2"]);
    assert_eq!(wording_ids(&index, "exact:\"white house\"", plain), ["w2"]);
    let exact = TextOptions {
        exact: true,
        ..TextOptions::default()
    };
    assert_eq!(wording_ids(&index, "housing", exact), ["w1"]);
    assert_eq!(wording_ids(&index, "hous*", plain), ["w1", "w2", "w4"]);
}

#[test]
fn names_find_their_other_spellings() {
    let (_dir, index) = build_docs(WORDING, false);
    let plain = TextOptions::default();
    assert_eq!(wording_ids(&index, "shoigu", plain), ["w3", "w4"]);
    assert_eq!(wording_ids(&index, "\"sergey shoigu\"", plain), ["w3"]);
    // Asked for as written, only that spelling.
    assert_eq!(wording_ids(&index, "=shoigu", plain), ["w4"]);
    // Without variants the spelling is as typed, and stemming still applies.
    let as_typed = TextOptions {
        no_variants: true,
        ..TextOptions::default()
    };
    assert_eq!(wording_ids(&index, "shoigu", as_typed), ["w4"]);
    assert_eq!(wording_ids(&index, "shoygu", as_typed), ["w3"]);
}

#[test]
fn fuzzy_matching_forgives_typos_in_long_words_only() {
    let (_dir, index) = build_docs(WORDING, false);
    let fuzzy = TextOptions {
        fuzzy: true,
        ..TextOptions::default()
    };
    assert!(wording_ids(&index, "istanbol", TextOptions::default()).is_empty());
    assert_eq!(wording_ids(&index, "istanbol", fuzzy), ["w1"]);
    assert_eq!(wording_ids(&index, "parlaiment", fuzzy), ["w4"]);
    // Short words need to be right.
    assert!(wording_ids(&index, "whit", fuzzy).is_empty());
}

#[test]
fn facet_fields_dates_and_operators_in_the_query_text() {
    let (_dir, index) = build_docs(WORDING, false);
    let plain = TextOptions::default();
    assert_eq!(wording_ids(&index, "speaker:petrova", plain), ["w2"]);
    assert_eq!(wording_ids(&index, "source:none", plain), ["w3"]);
    assert_eq!(
        wording_ids(&index, "country:türkiye AND NOT source:reuters", plain),
        Vec::<String>::new()
    );
    assert_eq!(
        wording_ids(&index, "country:russia OR source:reuters", plain),
        ["w1", "w2", "w3", "w4"]
    );
    assert_eq!(
        wording_ids(&index, "date:[2024-03-02 TO 2024-03-03]", plain),
        ["w2", "w3"]
    );
    assert_eq!(wording_ids(&index, "date:>=2024-03-04", plain), ["w4"]);
    assert_eq!(wording_ids(&index, "date:2024-03-01", plain), ["w1"]);
    assert_eq!(wording_ids(&index, "-troops -market", plain), ["w2", "w4"]);
    let any = TextOptions {
        operator: Operator::Or,
        ..TextOptions::default()
    };
    assert!(wording_ids(&index, "istanbul troops", plain).is_empty());
    assert_eq!(wording_ids(&index, "istanbul troops", any), ["w1", "w3"]);
}

#[test]
fn facet_values_can_be_searched_by_a_word_prefix() {
    let (_dir, index) = build();
    let all = SearchRequest::default();
    let list = facet_values(
        &index,
        &gazetteer(),
        &all,
        FacetField::Speaker,
        0,
        Some("pe"),
    )
    .unwrap();
    assert_eq!(pairs(&list.values), [("Anya Petrova", 2)]);
    assert_eq!(list.total, 5);
    let list = facet_values(
        &index,
        &gazetteer(),
        &all,
        FacetField::Speaker,
        0,
        Some("ERDO"),
    )
    .unwrap();
    assert_eq!(pairs(&list.values), [("Recep Tayyip Erdoğan", 1)]);
    let list = facet_values(
        &index,
        &gazetteer(),
        &all,
        FacetField::Speaker,
        0,
        Some("x"),
    )
    .unwrap();
    assert!(list.values.is_empty());
}

#[test]
fn date_histograms_count_matches_per_bucket() {
    let (_dir, index) = build();
    let histogram =
        date_histogram(&index, &gazetteer(), &request("grain", &[]), Interval::Day).unwrap();
    let buckets: Vec<(&str, u64)> = histogram
        .buckets
        .iter()
        .map(|b| (b.start.as_str(), b.count))
        .collect();
    // Grain: a3 (2024-02-20), a1 (2024-03-01), a5 (2024-03-02).
    assert_eq!(buckets.first(), Some(&("2024-02-20", 1)));
    assert_eq!(buckets.last(), Some(&("2024-03-02", 1)));
    assert_eq!(buckets.len(), 12);
    assert_eq!(buckets.iter().map(|b| b.1).sum::<u64>(), 3);
    let months = date_histogram(&index, &gazetteer(), &request("*", &[]), Interval::Month).unwrap();
    let buckets: Vec<(&str, u64)> = months
        .buckets
        .iter()
        .map(|b| (b.start.as_str(), b.count))
        .collect();
    assert_eq!(buckets, [("2024-02-01", 1), ("2024-03-01", 3)]);
    assert_eq!(months.undated, 1);
}
