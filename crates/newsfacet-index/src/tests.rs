use std::path::PathBuf;

use chrono::NaiveDate;
use newsfacet_article::{Article, Origin};
use newsfacet_tag::{CountryRef, EntityCount, EntityType, Speaker, Tags};
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{AllQuery, QueryParser};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::*;

const HEAP: usize = 20_000_000;

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
        assert_eq!(index.num_docs().unwrap(), 3);
    }

    // Reopen and feed the same input: nothing changes.
    let index = NewsIndex::create_or_open(&path).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    for article in articles() {
        assert_eq!(writer.upsert(&article, &tags()).unwrap(), Upsert::Unchanged);
    }
    writer.commit().unwrap();
    assert_eq!(index.num_docs().unwrap(), 3);

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
    assert_eq!(index.num_docs().unwrap(), 3);
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
    assert_eq!(writer.upsert(&first, &tags()).unwrap(), Upsert::Added);
    assert_eq!(writer.upsert(&second, &tags()).unwrap(), Upsert::Duplicate);
    writer.commit().unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
    assert_eq!(hits(&index, "first"), 1);
    assert_eq!(hits(&index, "second"), 0);
    // A second run over the same input: the first record is unchanged, the copy a duplicate.
    let mut writer = index.writer(HEAP).unwrap();
    assert_eq!(writer.upsert(&first, &tags()).unwrap(), Upsert::Unchanged);
    assert_eq!(writer.upsert(&second, &tags()).unwrap(), Upsert::Duplicate);
    writer.commit().unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
}

#[test]
fn rollback_and_drop_leave_the_index_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    writer.upsert(&articles()[0], &tags()).unwrap();
    writer.rollback().unwrap();
    assert_eq!(index.num_docs().unwrap(), 0);
    {
        let mut writer = index.writer(HEAP).unwrap();
        writer.upsert(&articles()[0], &tags()).unwrap();
    }
    assert_eq!(index.num_docs().unwrap(), 0);
}

#[test]
fn stores_fields_and_facets() {
    let dir = tempfile::tempdir().unwrap();
    let index = NewsIndex::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(HEAP).unwrap();
    writer.upsert(&articles()[0], &tags()).unwrap();
    writer.commit().unwrap();

    let searcher = index.searcher().unwrap();
    let schema = index.schema();
    let mut collector = FacetCollector::for_field(names::FACETS);
    for field in FacetField::ALL {
        collector.add_facet(field.root());
    }
    let counts = searcher.search(&AllQuery, &collector).unwrap();
    let mut facets: Vec<String> = Vec::new();
    for field in FacetField::ALL {
        for (facet, count) in counts.get(field.root()) {
            assert_eq!(count, 1);
            facets.push(facet.to_string());
        }
    }
    facets.sort();
    assert_eq!(
        facets,
        vec![
            "/country/Russia",
            "/org/AC\\/DC",
            "/person/Sergei Shoigu",
            "/source/Reuters",
            "/speaker/Sergei Shoigu",
        ]
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
    assert_eq!(text(schema.quotes).as_deref(), Some("[]"));
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
