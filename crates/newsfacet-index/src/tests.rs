use std::path::PathBuf;

use chrono::NaiveDate;
use newsfacet_article::{Article, Origin};
use newsfacet_gazetteer::EntityType;
use newsfacet_tag::{CountryRef, EntityCount, Quote, QuoteKind, Speaker, Tags};
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{AllQuery, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::*;

const HEAP: usize = 20_000_000;

/// A wire story of about 230 words, written for the story tests of this crate and of
/// `newsfacet-index`, so that both check one story.
const WIRE: &str = include_str!("../../../tests/fixtures/story-texts/valdora-wire.txt");

/// The same event, written independently: same names, different sentences.
const SAME_EVENT: &str = include_str!("../../../tests/fixtures/story-texts/valdora-same-event.txt");

fn article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.to_string(),
        title: title.to_string(),
        body: body.to_string(),
        source: Some("reuters.com".to_string()),
        published: NaiveDate::from_ymd_opt(2024, 3, 1),
        authors: Vec::new(),
        url: None,
        origin: Origin {
            path: PathBuf::from("corpus/a.jsonl"),
            line: Some(3),
        },
    }
}

fn tags() -> Tags {
    Tags {
        source: Some("Reuters".to_string()),
        origin: None,
        speakers: vec![Speaker {
            name: "Sergei Shoigu".to_string(),
            entity_type: EntityType::Person,
        }],
        countries: vec![CountryRef {
            name: "Russia".to_string(),
            code: "RU".to_string(),
        }],
        entities: vec![
            EntityCount {
                name: "Sergei Shoigu".to_string(),
                entity_type: EntityType::Person,
                id: "person:sergei-shoigu".to_string(),
                count: 2,
                surface: vec!["Shoigu".to_string()],
            },
            EntityCount {
                name: "AC/DC".to_string(),
                entity_type: EntityType::Organization,
                id: "org:acdc".to_string(),
                count: 1,
                surface: vec!["AC/DC".to_string()],
            },
        ],
        quotes: Vec::new(),
        story_signature: None,
    }
}

fn articles() -> Vec<Article> {
    vec![
        article(
            "a",
            "Talks in Ankara",
            "Negotiators met for talks on grain exports.",
        ),
        article("b", "Markets rally", "Stocks rose sharply on Tuesday."),
        article("c", "Weather", "Heavy rain is expected in the north."),
    ]
}

fn hits(index: &NewsIndex, query: &str) -> usize {
    let parser = QueryParser::for_index(
        index.index(),
        vec![index.schema().title, index.schema().body],
    );
    let query = parser.parse_query(query).unwrap();
    index.searcher().unwrap().search(&query, &Count).unwrap()
}

/// A new index, and the same index opened again, stores documents in zstd blocks of 64 KiB,
/// so that an article and the quotes that repeat its sentences compress together.
#[test]
fn new_indexes_store_documents_in_large_zstd_blocks() {
    let dir = tempfile::tempdir().unwrap();
    drop(NewsIndex::create_or_open(dir.path()).unwrap());
    let index = NewsIndex::open(dir.path()).unwrap();
    let settings = index.index().settings();
    assert_eq!(settings.docstore_blocksize, 64 * 1024);
    assert!(matches!(
        settings.docstore_compression,
        tantivy::store::Compressor::Zstd(_)
    ));
}

#[test]
fn upserts_are_incremental() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = NewsIndex::create_or_open(&path).unwrap();
        let mut writer = index.writer(HEAP).unwrap();
        for article in articles() {
            assert_eq!(writer.upsert(&article, &tags()).unwrap(), Upsert::Added);
        }
        writer.commit().unwrap();
        assert_eq!(index.count(DocKind::Article).unwrap(), 3);
    }

    // Reopen and feed the same input: nothing changes.
    let index = NewsIndex::create_or_open(&path).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    for article in articles() {
        assert_eq!(writer.upsert(&article, &tags()).unwrap(), Upsert::Unchanged);
    }
    writer.commit().unwrap();
    assert_eq!(index.count(DocKind::Article).unwrap(), 3);

    // Change one body: replaced, not duplicated.
    let mut changed = articles();
    changed[2].body = "Snow is forecast in the mountains.".to_string();
    let mut writer = index.writer(HEAP).unwrap();
    let outcomes: Vec<Upsert> = changed
        .iter()
        .map(|a| writer.upsert(a, &tags()).unwrap())
        .collect();
    assert_eq!(
        outcomes,
        vec![Upsert::Unchanged, Upsert::Unchanged, Upsert::Updated]
    );
    writer.commit().unwrap();
    assert_eq!(index.count(DocKind::Article).unwrap(), 3);
    assert_eq!(hits(&index, "snow"), 1);
    assert_eq!(hits(&index, "rain"), 0);
    // Stemming applies at index and query time alike.
    assert_eq!(hits(&index, "talk"), 1);
    assert_eq!(hits(&index, "forecasting"), 1);
}

#[test]
fn same_id_twice_in_one_run_keeps_the_first_record() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    let first = article("x", "One", "first version");
    let mut second = first.clone();
    second.body = "second version".to_string();
    let mut copy = first.clone();
    copy.origin.path = PathBuf::from("corpus/b.txt");
    copy.source = None;
    assert_eq!(writer.upsert(&first, &tags()).unwrap(), Upsert::Added);
    // The same article read from another file is a duplicate; another text under the same id
    // is a conflict. Neither replaces the first.
    assert_eq!(writer.upsert(&copy, &tags()).unwrap(), Upsert::Duplicate);
    assert_eq!(writer.upsert(&second, &tags()).unwrap(), Upsert::Conflict);
    writer.commit().unwrap();
    assert_eq!(index.count(DocKind::Article).unwrap(), 1);
    assert_eq!(hits(&index, "first"), 1);
    assert_eq!(hits(&index, "second"), 0);
    // A second run over the same input: the first record is unchanged, the others as before.
    let mut writer = index.writer(HEAP).unwrap();
    assert_eq!(writer.upsert(&first, &tags()).unwrap(), Upsert::Unchanged);
    assert_eq!(writer.upsert(&copy, &tags()).unwrap(), Upsert::Duplicate);
    assert_eq!(writer.upsert(&second, &tags()).unwrap(), Upsert::Conflict);
    writer.commit().unwrap();
    assert_eq!(index.count(DocKind::Article).unwrap(), 1);
}

#[test]
fn rollback_and_drop_leave_the_index_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    writer.upsert(&articles()[0], &tags()).unwrap();
    writer.rollback().unwrap();
    assert_eq!(index.count(DocKind::Article).unwrap(), 0);
    {
        let mut writer = index.writer(HEAP).unwrap();
        writer.upsert(&articles()[0], &tags()).unwrap();
    }
    assert_eq!(index.count(DocKind::Article).unwrap(), 0);
}

/// An index of the first of [`articles`] with these tags.
fn index_one(tags: &Tags) -> (tempfile::TempDir, NewsIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    writer.upsert(&articles()[0], tags).unwrap();
    writer.commit().unwrap();
    (dir, index)
}

/// `(facet, count)` over the documents of one kind, sorted. Facets are indexed, not stored,
/// so they are counted rather than read back.
fn facet_counts(index: &NewsIndex, kind: DocKind) -> Vec<(String, u64)> {
    let query = TermQuery::new(index.schema().kind_term(kind), IndexRecordOption::Basic);
    let searcher = index.searcher().unwrap();
    let mut facets: Vec<(String, u64)> = Vec::new();
    for field in FacetField::ALL {
        let mut collector = FacetCollector::for_field(names::facet(field));
        collector.add_facet(field.root());
        let counts = searcher.search(&query, &collector).unwrap();
        facets.extend(
            counts
                .get(field.root())
                .map(|(facet, count)| (facet.to_string(), count)),
        );
    }
    facets.sort();
    facets
}

fn owned(facets: &[(&str, u64)]) -> Vec<(String, u64)> {
    facets.iter().map(|&(f, c)| (f.to_string(), c)).collect()
}

#[test]
fn stores_fields_and_facets() {
    let (_dir, index) = index_one(&tags());
    let searcher = index.searcher().unwrap();
    let schema = index.schema();
    assert_eq!(
        facet_counts(&index, DocKind::Article),
        owned(&[
            ("/country/russia", 1),
            ("/org/ac\\/dc", 1),
            ("/person/sergei shoigu", 1),
            ("/source/reuters", 1),
            ("/speaker/sergei shoigu", 1),
        ])
    );

    let address = searcher
        .search(&AllQuery, &tantivy::collector::DocSetCollector)
        .unwrap();
    let address = *address.iter().next().unwrap();
    let doc: TantivyDocument = searcher.doc(address).unwrap();
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    assert_eq!(text(schema.id).as_deref(), Some("a"));
    assert_eq!(text(schema.source).as_deref(), Some("Reuters"));
    assert_eq!(text(schema.path).as_deref(), Some("corpus/a.jsonl:3"));
    assert_eq!(text(schema.url), None);
    let published = doc
        .get_first(schema.published)
        .and_then(|v| v.as_datetime())
        .unwrap();
    assert_eq!(date_of(published), NaiveDate::from_ymd_opt(2024, 3, 1));
    let speakers: Vec<&str> = doc
        .get_all(schema.speakers)
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(speakers, vec!["Sergei Shoigu"]);
    assert!(doc
        .get_first(schema.content_hash)
        .and_then(|v| v.as_u64())
        .is_some());
}

#[test]
fn open_errors_name_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let err = NewsIndex::open(&missing).err().unwrap().to_string();
    assert_eq!(
        err,
        format!(
            "no index at {} — run `newsfacet index` first",
            missing.display()
        )
    );

    let occupied = dir.path().join("occupied");
    std::fs::create_dir_all(&occupied).unwrap();
    std::fs::write(occupied.join("notes.txt"), "hello").unwrap();
    assert!(matches!(
        NewsIndex::create_or_open(&occupied),
        Err(IndexError::NotAnIndex { .. })
    ));
}

#[test]
fn schema_mismatch_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("title", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
    let err = NewsIndex::create_or_open(dir.path()).err().unwrap();
    assert!(matches!(err, IndexError::SchemaMismatch { .. }));
    assert!(err.to_string().contains("delete the directory"), "{err}");
}

fn quote(text: &str, speaker: Option<&str>, unnamed: Option<&str>, start: usize) -> Quote {
    Quote {
        text: text.to_string(),
        speaker: speaker.map(str::to_string),
        speaker_type: speaker.map(|_| EntityType::Person),
        unnamed: unnamed.map(str::to_string),
        kind: QuoteKind::Direct,
        cue: Some("said".to_string()),
        start,
    }
}

/// [`tags`] with two named quotes, one unnamed quote and one blank quote (not indexed).
fn quoted_tags() -> Tags {
    Tags {
        quotes: vec![
            quote(
                "We will respond to any threat.",
                Some("Sergei Shoigu"),
                None,
                10,
            ),
            quote("Moscow wants talks.", Some("Sergei Shoigu"), None, 80),
            quote("  ", Some("Sergei Shoigu"), None, 120),
            quote("The talks may fail.", None, Some("a diplomat"), 150),
        ],
        ..tags()
    }
}

/// Stored documents of one kind.
fn documents(index: &NewsIndex, kind: DocKind) -> Vec<TantivyDocument> {
    let searcher = index.searcher().unwrap();
    let query = TermQuery::new(index.schema().kind_term(kind), IndexRecordOption::Basic);
    let addresses = searcher
        .search(&query, &tantivy::collector::DocSetCollector)
        .unwrap();
    let mut addresses: Vec<_> = addresses.into_iter().collect();
    addresses.sort();
    addresses
        .into_iter()
        .map(|address| searcher.doc(address).unwrap())
        .collect()
}

/// Upserts one article in a run of its own and commits it.
fn upsert_alone(index: &NewsIndex, article: &Article, tags: &Tags) -> Upsert {
    let mut writer = index.writer(HEAP).unwrap();
    let outcome = writer.upsert(article, tags).unwrap();
    writer.commit().unwrap();
    outcome
}

#[test]
fn quotes_are_documents_rewritten_with_their_article() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let [first, second, _] = <[Article; 3]>::try_from(articles()).unwrap();
    let counts = |index: &NewsIndex| {
        (
            index.count(DocKind::Article).unwrap(),
            index.count(DocKind::Quote).unwrap(),
        )
    };
    assert_eq!(upsert_alone(&index, &first, &quoted_tags()), Upsert::Added);
    assert_eq!(upsert_alone(&index, &second, &quoted_tags()), Upsert::Added);
    assert_eq!(counts(&index), (2, 6), "blank quotes are not indexed");

    // Same input: nothing rewritten, nothing duplicated.
    assert_eq!(
        upsert_alone(&index, &first, &quoted_tags()),
        Upsert::Unchanged
    );
    assert_eq!(counts(&index), (2, 6));

    // A changed body rewrites the article and its quotes once.
    let mut changed = first.clone();
    changed.body.push_str(" More negotiations are planned.");
    assert_eq!(
        upsert_alone(&index, &changed, &quoted_tags()),
        Upsert::Updated
    );
    assert_eq!(counts(&index), (2, 6));

    // New tagging code re-tags the same input; a quote it no longer finds disappears.
    let mut fewer = quoted_tags();
    fewer.quotes.remove(0);
    let mut writer = index.writer(HEAP).unwrap();
    writer.record_tagging_code("next");
    assert!(!writer.unchanged_check().is_unchanged(&changed));
    assert_eq!(writer.upsert(&changed, &fewer).unwrap(), Upsert::Updated);
    writer.commit().unwrap();
    assert_eq!(counts(&index), (2, 5));
    // The same code again: unchanged, known before tagging.
    let mut writer = index.writer(HEAP).unwrap();
    writer.record_tagging_code("next");
    assert!(writer.unchanged_check().is_unchanged(&changed));
    assert_eq!(writer.skip_unchanged(&changed), Upsert::Unchanged);
    assert_eq!(writer.skip_unchanged(&changed), Upsert::Duplicate);
    assert_eq!(writer.skip_unchanged(&first), Upsert::Conflict);
    // Another gazetteer re-tags too.
    writer.record_gazetteer("another");
    assert!(!writer.unchanged_check().is_unchanged(&changed));
}

#[test]
fn quote_documents_carry_their_own_speaker_and_no_other_facet() {
    let (_dir, index) = index_one(&quoted_tags());
    let schema = index.schema();
    let quotes = documents(&index, DocKind::Quote);
    assert_eq!(quotes.len(), 3);
    let text = |doc: &TantivyDocument, field| {
        doc.get_first(field)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let named = &quotes[0];
    assert_eq!(
        text(named, schema.quote).as_deref(),
        Some("We will respond to any threat.")
    );
    assert_eq!(
        text(named, schema.id).as_deref(),
        Some("a"),
        "the article's id"
    );
    assert_eq!(
        text(named, schema.article_title).as_deref(),
        Some("Talks in Ankara")
    );
    assert_eq!(text(named, schema.source).as_deref(), Some("Reuters"));
    assert_eq!(
        text(named, schema.speakers).as_deref(),
        Some("Sergei Shoigu")
    );
    assert_eq!(text(named, schema.quote_kind).as_deref(), Some("direct"));
    assert_eq!(text(named, schema.cue).as_deref(), Some("said"));
    assert_eq!(
        named.get_first(schema.position).and_then(|v| v.as_u64()),
        Some(10)
    );
    assert!(named.get_first(schema.published).is_some());
    assert_eq!(
        text(named, schema.title),
        None,
        "article fields stay on the article"
    );
    let unnamed = &quotes[2];
    assert_eq!(text(unnamed, schema.unnamed).as_deref(), Some("a diplomat"));
    assert_eq!(text(unnamed, schema.speakers), None);

    // Only the two named quotes have a speaker; the article's facets stay on the article.
    assert_eq!(
        facet_counts(&index, DocKind::Quote),
        owned(&[("/speaker/sergei shoigu", 2)])
    );
    let article = &documents(&index, DocKind::Article)[0];
    assert_eq!(text(article, schema.quote), None);
}

#[test]
fn an_index_of_the_previous_schema_must_be_rebuilt() {
    // The schema before quote documents: the quotes were one stored JSON field on the article.
    use tantivy::schema::{
        DateOptions, DateTimePrecision, FacetOptions, NumericOptions, TextFieldIndexing,
        TextOptions, STORED, STRING,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    let english = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(EN_STEM)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    builder.add_text_field("id", STRING | STORED);
    builder.add_text_field("title", english.clone());
    builder.add_text_field("body", english);
    builder.add_date_field(
        "published",
        DateOptions::default()
            .set_indexed()
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    builder.add_text_field("source", STRING | STORED);
    for stored in ["url", "path", "speakers", "countries"] {
        builder.add_text_field(stored, STORED);
    }
    builder.add_facet_field("facets", FacetOptions::default());
    builder.add_text_field("quotes", STORED);
    builder.add_u64_field(
        "content_hash",
        NumericOptions::default().set_stored().set_fast(),
    );
    tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
    for opened in [
        NewsIndex::open(dir.path()),
        NewsIndex::create_or_open(dir.path()),
    ] {
        let err = opened.err().unwrap();
        assert!(matches!(err, IndexError::SchemaMismatch { .. }), "{err}");
        assert!(err.to_string().contains("rebuild"), "{err}");
    }
}

#[test]
fn an_index_without_stories_must_be_rebuilt() {
    // The schema before story detection: today's fields without the three story fields.
    let (current, _) = NewsSchema::build();
    let mut builder = tantivy::schema::Schema::builder();
    for (_, entry) in current.fields() {
        if !entry.name().starts_with("story") {
            builder.add_field(entry.clone());
        }
    }
    let dir = tempfile::tempdir().unwrap();
    tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
    let err = NewsIndex::open(dir.path()).err().unwrap();
    assert!(matches!(err, IndexError::SchemaMismatch { .. }), "{err}");
    assert!(err.to_string().contains("rebuild"), "{err}");
}

/// The story of every article, by id.
fn stories(index: &NewsIndex) -> std::collections::BTreeMap<String, String> {
    let query = TermQuery::new(
        index.schema().kind_term(DocKind::Article),
        IndexRecordOption::Basic,
    );
    stored_pairs(index, &query, index.schema().story)
        .into_iter()
        .collect()
}

/// `(article id, stored text of field)` of every document matching `query`, sorted.
fn stored_pairs(
    index: &NewsIndex,
    query: &dyn tantivy::query::Query,
    field: tantivy::schema::Field,
) -> Vec<(String, String)> {
    let searcher = index.searcher().unwrap();
    let docs = searcher
        .search(query, &tantivy::collector::DocSetCollector)
        .unwrap();
    let mut pairs: Vec<(String, String)> = docs
        .into_iter()
        .map(|address| {
            let doc: TantivyDocument = searcher.doc(address).unwrap();
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            };
            (text(index.schema().id), text(field))
        })
        .collect();
    pairs.sort();
    pairs
}

/// A republished copy of [`WIRE`]: the outlet's header and footer, lightly
/// edited.
fn wire_copy(outlet: &str) -> String {
    format!(
        "{outlet} | Updated: 05-03-2026 | Share this story\n\n{}\n\nRead more on {outlet}. \
         Sign up to the {outlet} morning briefing.",
        WIRE.replace("told reporters", "said")
    )
}

#[test]
fn wire_copies_share_a_story_and_other_articles_on_the_event_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    let inputs = [
        article("wire", "Valdora port traffic falls", WIRE),
        article("copy-1", "Port loses ships", &wire_copy("Daily Harbour")),
        article("feature", "Why ships avoid Valdora", SAME_EVENT),
        article("copy-2", "Valdora traffic down", &wire_copy("Coast Times")),
        article("other", "Weather", "Heavy rain is expected in the north."),
    ];
    for input in &inputs {
        writer.upsert(input, &tags()).unwrap();
    }
    let stats = writer.story_stats();
    assert_eq!((stats.copies, stats.new_stories), (2, 3));
    writer.commit().unwrap();
    let stories = stories(&index);
    assert_eq!(stories["wire"], "wire");
    assert_eq!(stories["copy-1"], "wire");
    assert_eq!(stories["copy-2"], "wire");
    assert_eq!(stories["feature"], "feature");
    assert_eq!(stories["other"], "other");
    assert_eq!(
        index.story_counts().unwrap(),
        StoryCounts {
            stories: 3,
            with_copies: 1,
            articles_in_copies: 3
        }
    );
}

#[test]
fn later_runs_find_copies_in_the_index_and_keep_stories_stable() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let first = [
        article("copy-1", "Port loses ships", &wire_copy("Daily Harbour")),
        article("feature", "Why ships avoid Valdora", SAME_EVENT),
    ];
    let mut writer = index.writer(HEAP).unwrap();
    for input in &first {
        writer.upsert(input, &tags()).unwrap();
    }
    writer.commit().unwrap();

    // A new run: the wire original arrives after a copy and joins the copy's story.
    let mut writer = index.writer(HEAP).unwrap();
    for input in &first {
        assert_eq!(writer.upsert(input, &tags()).unwrap(), Upsert::Unchanged);
    }
    let wire = article("wire", "Valdora port traffic falls", WIRE);
    assert_eq!(writer.upsert(&wire, &tags()).unwrap(), Upsert::Added);
    assert_eq!(writer.story_stats().copies, 1);
    writer.commit().unwrap();
    let after_second = stories(&index);
    assert_eq!(after_second["wire"], "copy-1");
    assert_eq!(after_second["feature"], "feature");

    // The same input again changes nothing; an edited copy keeps its story.
    let mut writer = index.writer(HEAP).unwrap();
    for input in first.iter().chain([&wire]) {
        assert_eq!(writer.upsert(input, &tags()).unwrap(), Upsert::Unchanged);
    }
    assert_eq!(
        writer.story_stats().copies + writer.story_stats().new_stories,
        0
    );
    writer.commit().unwrap();
    assert_eq!(stories(&index), after_second);
    let mut writer = index.writer(HEAP).unwrap();
    let mut edited = first[0].clone();
    edited.body.push_str(" Editing by the weekend desk.");
    assert_eq!(writer.upsert(&edited, &tags()).unwrap(), Upsert::Updated);
    writer.commit().unwrap();
    assert_eq!(stories(&index), after_second);
}

#[test]
fn copies_are_found_in_earlier_segments_but_not_in_replaced_versions() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    // A checkpoint commits a segment of its own: the copy is found in the wire's segment,
    // which also holds an article that stays live (a segment with no live article is
    // dropped, and its deleted articles with it).
    writer
        .upsert(
            &article("wire", "Valdora port traffic falls", WIRE),
            &tags(),
        )
        .unwrap();
    writer
        .upsert(&article("other", "Weather", "Rain in the north."), &tags())
        .unwrap();
    writer.checkpoint().unwrap();
    let copy = article("copy-1", "Port loses ships", &wire_copy("Daily Harbour"));
    writer.upsert(&copy, &tags()).unwrap();
    assert_eq!(writer.story_stats().copies, 1);
    writer.commit().unwrap();

    // A later run rewrites both as other texts: their old versions are deleted but still in
    // their segments.
    let weather = "Heavy rain is expected across the northern provinces from Tuesday, the \
        national weather office said, with up to 80 millimetres falling in the hills and \
        rivers likely to rise quickly. Farmers were told to move livestock to higher ground \
        and schools in three districts will stay closed until the storm has passed.";
    let mut writer = index.writer(HEAP).unwrap();
    let rewritten = [
        article("wire", "Why ships avoid Valdora", SAME_EVENT),
        article("copy-1", "Rain in the north", weather),
    ];
    for input in &rewritten {
        assert_eq!(writer.upsert(input, &tags()).unwrap(), Upsert::Updated);
    }
    writer.commit().unwrap();

    // So a new copy of the wire text has nothing live to join and starts its own story.
    let mut writer = index.writer(HEAP).unwrap();
    let late = article("copy-2", "Valdora traffic down", &wire_copy("Coast Times"));
    writer.upsert(&late, &tags()).unwrap();
    assert_eq!(writer.story_stats().new_stories, 1);
    writer.commit().unwrap();
    assert_eq!(stories(&index)["copy-2"], "copy-2");
}

#[test]
fn close_copies_beyond_enough_leave_out_their_band_keys_and_still_join_the_story() {
    use newsfacet_tag::story::{Signature, ENOUGH_CLOSE_COPIES};
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    // One page syndicated under many ids; a checkpoint midway, so that copies are found both
    // among committed articles and among those of the run not committed yet.
    let body = wire_copy("Daily Harbour");
    let copies = ENOUGH_CLOSE_COPIES + 3;
    for n in 0..copies {
        let copy = article(&format!("copy-{n}"), "Port loses ships", &body);
        writer.upsert(&copy, &tags()).unwrap();
        if n == 1 {
            writer.checkpoint().unwrap();
        }
    }
    let stats = writer.story_stats();
    assert_eq!((stats.copies, stats.new_stories), (copies - 1, 1));
    assert_eq!(stats.unindexed, copies - ENOUGH_CLOSE_COPIES);
    writer.commit().unwrap();
    let assigned = stories(&index);
    assert!(
        assigned.values().all(|story| story == "copy-0"),
        "{assigned:?}"
    );
    // Only the first copies carry the page's band keys.
    let key = Signature::of_text(&body).unwrap().band_keys()[0];
    let schema = index.schema();
    let searcher = index.searcher().unwrap();
    let carriers: u32 = searcher
        .segment_readers()
        .iter()
        .map(|segment| {
            let bands = segment.inverted_index(schema.story_bands).unwrap();
            let info = bands.get_term_info(&schema.story_band_term(key)).unwrap();
            info.map_or(0, |info| info.doc_freq)
        })
        .sum();
    assert_eq!(carriers as usize, ENOUGH_CLOSE_COPIES);
    // A later run still finds the story through them.
    let mut writer = index.writer(HEAP).unwrap();
    let late = article("late", "Port loses ships", &body);
    writer.upsert(&late, &tags()).unwrap();
    assert_eq!(writer.story_stats().copies, 1);
    writer.commit().unwrap();
    assert_eq!(stories(&index)["late"], "copy-0");
}

#[test]
fn written_forms_of_a_name_count_as_one_value_shown_in_its_most_frequent_form() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    let forms = [
        ("a", "Chang Chi-cheng", "General Motors Corp"),
        ("b", "Chang Chi-Cheng", "General Motors"),
        ("c", "Chang Chi-cheng", "General Motors Corp."),
    ];
    for (id, speaker, org) in forms {
        let mut tags = tags();
        tags.speakers[0].name = speaker.to_string();
        tags.entities[1].name = org.to_string();
        writer
            .upsert(&article(id, "Talks", &format!("Story {id}.")), &tags)
            .unwrap();
    }
    writer.commit().unwrap();
    let counts = facet_counts(&index, DocKind::Article);
    assert!(
        counts.contains(&("/speaker/chang chi-cheng".to_string(), 3)),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("/org/general motors".to_string(), 3)),
        "{counts:?}"
    );

    let searcher = index.searcher().unwrap();
    let keys = vec!["chang chi-cheng".to_string(), "unknown".to_string()];
    let shown = columns::facet_display_names(&searcher, FacetField::Speaker, &keys).unwrap();
    assert_eq!(shown["chang chi-cheng"], "Chang Chi-cheng");
    assert_eq!(
        shown["unknown"], "unknown",
        "a key without forms is shown as it is"
    );
    let keys = vec!["general motors".to_string()];
    let shown = columns::facet_display_names(&searcher, FacetField::Org, &keys).unwrap();
    // "General Motors Corp" and "General Motors Corp." are two written forms of one document
    // each; the tie goes to the first in byte order.
    assert_eq!(shown["general motors"], "General Motors");

    // A filter on the group selects every written form.
    let query = TermQuery::new(
        index
            .schema()
            .facet_term(FacetField::Speaker, "chang chi-cheng"),
        IndexRecordOption::Basic,
    );
    assert_eq!(searcher.search(&query, &Count).unwrap(), 3);
}

#[test]
fn a_second_writer_is_refused_with_the_holders_pid() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let _first = index.writer(HEAP).unwrap();
    let Err(error) = index.writer(HEAP) else {
        panic!("a second writer must be refused");
    };
    assert!(
        matches!(error, IndexError::Locked { pid: Some(pid), .. } if pid == std::process::id()),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("is locked by another writer (pid "),
        "{message}"
    );
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
}

#[test]
fn checkpoints_survive_a_writer_that_never_commits() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    {
        let mut writer = index.writer(HEAP).unwrap();
        let articles = articles();
        writer.upsert(&articles[0], &tags()).unwrap();
        writer.checkpoint().unwrap();
        // Written after the checkpoint and never committed: lost, like work after a crash.
        writer.upsert(&articles[1], &tags()).unwrap();
    }
    assert_eq!(index.count(DocKind::Article).unwrap(), 1);
    // A re-run completes the job: the checkpointed article is unchanged, the lost one added.
    let mut writer = index.writer(HEAP).unwrap();
    let outcomes: Vec<Upsert> = articles()
        .iter()
        .map(|a| writer.upsert(a, &tags()).unwrap())
        .collect();
    assert_eq!(outcomes, [Upsert::Unchanged, Upsert::Added, Upsert::Added]);
    writer.commit().unwrap();
    assert_eq!(index.count(DocKind::Article).unwrap(), 3);
}

#[test]
fn commits_record_the_layout_and_an_index_of_another_layout_must_be_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    writer.upsert(&articles()[0], &tags()).unwrap();
    writer.commit().unwrap();
    let payload = index.index().load_metas().unwrap().payload.unwrap();
    assert_eq!(IndexPayload::read(&payload), Some(IndexPayload::current()));
    // A writer that names its gazetteer records it with every commit.
    let mut writer = index.writer(HEAP).unwrap();
    writer.record_gazetteer("0123456789abcdef+fedcba9876543210");
    writer.upsert(&articles()[1], &tags()).unwrap();
    writer.checkpoint().unwrap();
    let payload = index.index().load_metas().unwrap().payload.unwrap();
    let recorded = IndexPayload::read(&payload).unwrap();
    assert_eq!(
        recorded.gazetteer.as_deref(),
        Some("0123456789abcdef+fedcba9876543210")
    );
    assert_eq!(recorded.schema_version, SCHEMA_VERSION);
    drop(writer);
    drop(index);

    // The same tantivy schema written by another layout version.
    let index = tantivy::Index::open_in_dir(dir.path()).unwrap();
    let mut writer: tantivy::IndexWriter<TantivyDocument> = index.writer(HEAP).unwrap();
    let mut commit = writer.prepare_commit().unwrap();
    commit.set_payload(r#"{"schema_version": 1, "newsfacet": "0.0.1"}"#);
    commit.commit().unwrap();
    drop(writer);
    let error = NewsIndex::open(dir.path()).err().unwrap();
    assert!(
        matches!(error, IndexError::SchemaMismatch { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("rebuild"), "{error}");
}

#[test]
fn dates_beyond_what_tantivy_holds_are_clamped_in_queries_and_not_stored() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Range bounds keep their meaning at the ends of tantivy's range.
    assert!(date_value(day(3025, 2, 28)) > date_value(day(2262, 1, 1)));
    assert!(date_value(day(1200, 1, 1)) < date_value(day(1700, 1, 1)));
    assert_eq!(date_of(date_value(day(2026, 3, 2))), Some(day(2026, 3, 2)));
    assert!(is_storable_date(day(2026, 3, 2)));
    assert!(!is_storable_date(day(4969, 2, 1)));
    assert!(!is_storable_date(day(1200, 1, 1)));

    // An article dated beyond the range is indexed undated.
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    let mut article = articles()[0].clone();
    article.published = Some(day(4969, 2, 1));
    writer.upsert(&article, &tags()).unwrap();
    writer.commit().unwrap();
    let stored = documents(&index, DocKind::Article);
    assert_eq!(stored.len(), 1);
    assert!(stored[0].get_first(index.schema().published).is_none());
}

/// The quotes whose article matches `articles`, as (article id, quote text).
fn quotes_of(index: &NewsIndex, articles: Box<dyn tantivy::query::Query>) -> Vec<(String, String)> {
    let query = QuotesOfArticles::new(index.schema(), articles);
    stored_pairs(index, &query, index.schema().quote)
}

#[test]
fn quotes_are_selected_by_their_articles_facets_across_segments_updates_and_merges() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let schema = *index.schema();
    let in_country = |name: &str| -> Box<dyn tantivy::query::Query> {
        Box::new(TermQuery::new(
            schema.facet_term(FacetField::Country, name),
            IndexRecordOption::Basic,
        ))
    };
    let about = |country: &str, code: &str, quotes: &[&str]| Tags {
        countries: vec![CountryRef {
            name: country.to_string(),
            code: code.to_string(),
        }],
        quotes: quotes
            .iter()
            .enumerate()
            .map(|(n, text)| quote(text, Some("Sergei Shoigu"), None, 10 + 40 * n))
            .collect(),
        ..tags()
    };
    let [a, b, c] = <[Article; 3]>::try_from(articles()).unwrap();
    // Three segments; b has no quotes, so a's block ends at b.
    upsert_alone(&index, &a, &about("Russia", "RU", &["a one.", "a two."]));
    upsert_alone(&index, &b, &about("Japan", "JP", &[]));
    upsert_alone(&index, &c, &about("Russia", "RU", &["c one."]));
    let pair = |id: &str, text: &str| (id.to_string(), text.to_string());
    assert_eq!(
        quotes_of(&index, in_country("russia")),
        vec![
            pair("a", "a one."),
            pair("a", "a two."),
            pair("c", "c one.")
        ]
    );
    assert_eq!(quotes_of(&index, in_country("japan")), Vec::new());

    // a moves to Japan: its old block is deleted, its new one is in a later segment.
    let mut moved = a.clone();
    moved.body.push_str(" Talks moved to Tokyo.");
    upsert_alone(&index, &moved, &about("Japan", "JP", &["a three."]));
    assert_eq!(
        quotes_of(&index, in_country("russia")),
        vec![pair("c", "c one.")]
    );
    assert_eq!(
        quotes_of(&index, in_country("japan")),
        vec![pair("a", "a three.")]
    );

    // Merged into one segment, the blocks keep their order and the answers stay the same.
    let ids = index
        .searcher()
        .unwrap()
        .segment_readers()
        .iter()
        .map(|s| s.segment_id())
        .collect::<Vec<_>>();
    let mut writer = index.index().writer::<TantivyDocument>(HEAP).unwrap();
    writer.merge(&ids).wait().unwrap();
    writer.wait_merging_threads().unwrap();
    let searcher = index.searcher().unwrap();
    assert_eq!(searcher.segment_readers().len(), 1);
    assert_eq!(
        quotes_of(&index, in_country("russia")),
        vec![pair("c", "c one.")]
    );
    assert_eq!(
        quotes_of(&index, in_country("japan")),
        vec![pair("a", "a three.")]
    );
    // A query that matches quotes itself selects nothing through them.
    let quotes = Box::new(TermQuery::new(
        schema.kind_term(DocKind::Quote),
        IndexRecordOption::Basic,
    ));
    assert_eq!(quotes_of(&index, quotes), Vec::new());
}
