//! The bodies of the cargo-fuzz targets in `fuzz/` (issue 13), one `pub fn <target>(&[u8])`
//! each.
//!
//! Each function feeds arbitrary bytes through a public entry point of the crate it covers and
//! checks, besides "no panic", the cheap invariants that hold for every input. The fuzz binaries
//! in `fuzz/fuzz_targets/` are one-line calls of these functions, and `tests/replay.rs` runs
//! every file of `fuzz/corpus/<target>/` and `fuzz/regressions/<target>/` through them in plain
//! `cargo test`, so a crash once found stays fixed without a nightly toolchain.
//!
//! Bytes that must be text are read as UTF-8 with invalid sequences replaced (what a reader
//! that decodes a page does), so the fuzzer's byte mutations still reach the text code.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use newsfacet_article::{Article, Origin, ReadError};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::NewsIndex;
use newsfacet_query::{Operator, SearchRequest, TextOptions};
use newsfacet_tag::{tagged_text, Tagger};

/// The name of every target, as `fuzz/fuzz_targets/<name>.rs` and `fuzz/corpus/<name>/`.
pub const TARGETS: &[&str] = &[
    "clean_text",
    "read_html",
    "match_gazetteer",
    "attribute_quotes",
    "parse_date",
    "parse_query",
];

/// Runs the target called `name` on `data`; `false` when there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    let target: fn(&[u8]) = match name {
        "clean_text" => clean_text,
        "read_html" => read_html,
        "match_gazetteer" => match_gazetteer,
        "attribute_quotes" => attribute_quotes,
        "parse_date" => parse_date,
        "parse_query" => parse_query,
        _ => return false,
    };
    target(data);
    true
}

/// `newsfacet_article::clean_text`: re-flowing, entities, boilerplate, repeated paragraphs.
///
/// Invariants: the output is trimmed, holds no carriage return and no control character other
/// than newline and tab, has no blank line of its own (paragraphs are split by exactly one empty
/// line), and cleaning it again does not panic.
pub fn clean_text(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let cleaned = newsfacet_article::clean_text(&raw);
    assert_eq!(cleaned.trim(), cleaned, "the cleaned text is trimmed");
    assert!(
        !cleaned
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "no control characters but newline and tab survive: {cleaned:?}"
    );
    assert!(
        !cleaned.contains("\n\n\n"),
        "paragraphs are separated by one blank line: {cleaned:?}"
    );
    newsfacet_article::clean_text(&cleaned);
}

/// The HTML reader: the bytes as an `.html` file read through `newsfacet_article::read_file`
/// (decoding, JSON-LD and `<meta>` metadata, main-text extraction, cleaning, dates, id).
///
/// Invariants: exactly one record, and an article satisfies [`check_article`].
pub fn read_html(data: &[u8]) {
    let records = read_bytes("page.html", data);
    assert_eq!(records.len(), 1, "a page is one record");
    for record in records {
        match record {
            Ok(article) => check_article(&article),
            Err(error) => check_error(&error),
        }
    }
}

/// The tagger's gazetteer matcher (`Matcher::find` over the bundled gazetteer), plus the
/// gazetteer's own name lookups on the same text.
///
/// Invariants: mentions are sorted, non-overlapping, non-empty spans on character boundaries
/// of the text, at word boundaries, and each matched surface is an alias of some entry.
pub fn match_gazetteer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let tagger = tagger();
    let matcher = tagger.matcher();
    let mentions = matcher.find(&text);
    let mut covered = 0;
    for mention in &mentions {
        assert!(
            mention.start >= covered && mention.start < mention.end && mention.end <= text.len(),
            "mention {mention:?} out of order or out of bounds (covered up to {covered})"
        );
        covered = mention.end;
        let surface = text
            .get(mention.start..mention.end)
            .unwrap_or_else(|| panic!("mention {mention:?} is not on character boundaries"));
        assert!(
            !text[..mention.start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
            "mention {mention:?} ({surface:?}) starts inside a word"
        );
        assert!(
            !matcher.candidates(surface).is_empty(),
            "the surface {surface:?} of {mention:?} is no alias"
        );
        tagger.gazetteer().entry(mention.entry);
    }
    let gazetteer = tagger.gazetteer();
    gazetteer.lookup(&text);
    gazetteer.resolve_country(&text);
    gazetteer.resolve_publisher(&text);
    gazetteer.publisher_for_domain(&text);
    let _ = newsfacet_gazetteer::parse_tsv_line(&text);
}

/// Full tagging of an article (`Tagger::tag`: entities, countries, quotes and speakers, source).
/// The first line of the input is the title, the rest the body.
///
/// Invariants: every entity surface occurs in the tagged text; every quote starts on a
/// character boundary inside it and each of its words occurs in it; every speaker is the
/// speaker of a quote.
pub fn attribute_quotes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
    let article = Article {
        id: "fuzz".to_string(),
        title: title.trim().to_string(),
        body: body.to_string(),
        source: None,
        published: NaiveDate::from_ymd_opt(2026, 2, 1),
        authors: Vec::new(),
        url: None,
        origin: Origin {
            path: PathBuf::from("fuzz.txt"),
            line: None,
        },
    };
    let tags = tagger().tag(&article);
    let tagged = tagged_text(&article.title, &article.body);
    for entity in &tags.entities {
        assert!(entity.count > 0, "entity {entity:?} without mentions");
        for surface in &entity.surface {
            assert!(
                tagged.contains(surface.as_str()),
                "entity surface {surface:?} is not in the text"
            );
        }
    }
    for quote in &tags.quotes {
        assert!(
            tagged.is_char_boundary(quote.start) && quote.start <= tagged.len(),
            "quote {quote:?} starts outside the text or inside a character"
        );
        for word in quote.text.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            assert!(
                tagged.contains(word),
                "quote word {word:?} of {quote:?} is not in the text"
            );
        }
    }
    for speaker in &tags.speakers {
        assert!(
            tags.quotes
                .iter()
                .any(|q| q.speaker.as_deref() == Some(speaker.name.as_str())),
            "speaker {speaker:?} quoted nowhere"
        );
    }
}

/// Date parsing of the article crate: `parse_date` on the whole input, and the input as a text
/// file's `Date:` header, as its `URL:` header and as the top of its body (labelled dates,
/// bylines, datelines), read through `read_file`. Also the query crate's `parse_date`.
///
/// Invariants: a date that `parse_date` returns reads back from its ISO form; a date read from a
/// body is one the text could state (years 1..=9999).
pub fn parse_date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(date) = newsfacet_article::parse_date(&text) {
        if (1..=9999).contains(&date.year()) {
            let iso = date.format("%Y-%m-%d").to_string();
            assert_eq!(
                newsfacet_article::parse_date(&iso),
                Some(date),
                "{text:?} read as {iso}, which does not read back"
            );
            assert_eq!(newsfacet_query::parse_date(&iso), Ok(date));
        }
    }
    // The query crate's reader is chrono's `%Y-%m-%d`, which also takes years of fewer digits
    // ("202-02-2"); where it reads the canonical form, the article crate reads the same day.
    if let Ok(date) = newsfacet_query::parse_date(&text) {
        if text.trim() == date.format("%Y-%m-%d").to_string()
            && (1000..=9999).contains(&date.year())
        {
            assert_eq!(newsfacet_article::parse_date(&text), Some(date));
        }
    }
    // One line of header value; the text path reads headers line by line.
    let line = text.lines().next().unwrap_or_default();
    let files = [
        format!("Date: {line}\n\nTitle\n\nThe body of the story."),
        format!("URL: {line}\n\nTitle\n\nThe body of the story."),
        format!("Title\n\n{text}"),
    ];
    for file in files {
        for record in read_bytes("story.txt", file.as_bytes()) {
            match record {
                Ok(article) => {
                    check_article(&article);
                    if let Some(date) = article.published {
                        assert!(
                            (1..=9999).contains(&date.year()),
                            "implausible publication date {date} from {file:?}"
                        );
                    }
                }
                Err(error) => check_error(&error),
            }
        }
    }
}

/// The query language (`crates/newsfacet-query/src/syntax.rs`) through `newsfacet_query::search`
/// and `search_quotes` over a small index of tagged articles, with the default text options and
/// with exact, fuzzy, any-word matching.
///
/// Invariants: a query either runs or is a usage error (never an index failure), and a page
/// holds at most `limit` hits, no more than the total.
pub fn parse_query(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let (index, gazetteer) = query_index();
    let options = [
        TextOptions::default(),
        TextOptions {
            exact: true,
            fuzzy: true,
            no_variants: false,
            operator: Operator::Or,
        },
    ];
    for text in options {
        let request = SearchRequest {
            query: Some(query.to_string()),
            text,
            limit: 5,
            ..SearchRequest::default()
        };
        match newsfacet_query::search(index, gazetteer, &request) {
            Ok(results) => {
                assert!(results.hits.len() <= request.limit);
                assert!(results.hits.len() as u64 <= results.total);
            }
            Err(error) => assert!(error.is_usage_error(), "{query:?}: {error}"),
        }
        match newsfacet_query::search_quotes(index, gazetteer, &request) {
            Ok(results) => assert!(results.hits.len() <= request.limit),
            Err(error) => assert!(error.is_usage_error(), "{query:?}: {error}"),
        }
    }
}

/// What holds for every article a reader yields.
fn check_article(article: &Article) {
    assert!(!article.id.is_empty(), "an article has an id");
    assert!(
        !article.title.is_empty() || !article.body.is_empty(),
        "an article has text"
    );
    assert!(
        !article.title.contains('\n'),
        "a title is one line: {:?}",
        article.title
    );
    assert_eq!(article.body.trim(), article.body, "the body is trimmed");
}

/// A read error names its file (formatting it must not panic either).
fn check_error(error: &ReadError) {
    let message = error.to_string();
    assert!(!message.is_empty());
}

/// Writes `data` to a file called `name` in this thread's scratch directory and reads it with
/// `newsfacet_article::read_file`, as the reader would find it on disk.
fn read_bytes(name: &str, data: &[u8]) -> Vec<Result<Article, ReadError>> {
    thread_local! {
        static SCRATCH: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
    }
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let dir = scratch.get_or_insert_with(|| {
            tempfile::Builder::new()
                .prefix("newsfacet-fuzz")
                .tempdir()
                .expect("a scratch directory")
        });
        let path = dir.path().join(name);
        std::fs::write(&path, data).expect("writing the scratch file");
        newsfacet_article::read_file(&path).collect()
    })
}

/// One tagger over the bundled gazetteer for the whole process.
fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let gazetteer = Gazetteer::bundled().expect("the bundled gazetteer");
        Tagger::new(gazetteer).expect("the bundled matcher")
    })
}

/// Articles of the query target's index: names, quotes, dates and sources for every facet.
const QUERY_ARTICLES: &[(&str, &str, &str)] = &[
    (
        "Shoigu holds grain talks in Ankara",
        "ANKARA, Feb 1 (Reuters) - Russian Defence Minister Sergei Shoigu met Turkish officials \
         on Friday. \"Grain corridors must stay open for everyone,\" Shoigu said.",
        "https://www.reuters.com/world/2026/02/01/shoigu-ankara/",
    ),
    (
        "Erdoğan says the deal is close",
        "Turkish President Recep Tayyip Erdoğan said on Saturday that a deal with Ukraine was \
         close. According to officials, talks in Istanbul will resume next week.",
        "https://www.aa.com.tr/en/2026/02/02/erdogan-deal",
    ),
    (
        "Markets rise in Tokyo",
        "Stocks in Tokyo rose while oil prices fell, the Bank of Japan said. \"We are watching \
         the markets closely,\" a spokesperson said.",
        "",
    ),
];

/// A small index of [`QUERY_ARTICLES`], tagged with the bundled gazetteer, built once.
fn query_index() -> (&'static NewsIndex, &'static Gazetteer) {
    static INDEX: OnceLock<(tempfile::TempDir, NewsIndex)> = OnceLock::new();
    let (_, index) = INDEX.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("newsfacet-fuzz-index")
            .tempdir()
            .expect("a scratch directory");
        let index = NewsIndex::create_or_open(dir.path()).expect("a new index");
        let mut writer = index.writer(20_000_000).expect("an index writer");
        for (n, &(title, body, url)) in QUERY_ARTICLES.iter().enumerate() {
            let article = Article {
                id: format!("q{n}"),
                title: title.to_string(),
                body: body.to_string(),
                source: None,
                published: NaiveDate::from_ymd_opt(2026, 2, 1 + n as u32),
                authors: Vec::new(),
                url: (!url.is_empty()).then(|| url.to_string()),
                origin: Origin {
                    path: Path::new("query.jsonl").to_path_buf(),
                    line: Some(n + 1),
                },
            };
            let tags = tagger().tag(&article);
            writer.upsert(&article, &tags).expect("indexing an article");
        }
        writer.commit().expect("committing the index");
        (dir, index)
    });
    (index, tagger().gazetteer())
}
