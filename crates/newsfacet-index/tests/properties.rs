//! Properties of indexing generated corpora (issue 13): re-indexing the same input changes
//! nothing, and where the commits fall (a checkpoint inside a run, or a run cut short and run
//! again) does not change what the index ends up holding.
//!
//! A corpus mixes fresh articles, syndicated copies under new ids, exact repeats and records
//! that reuse another article's id (see `support/corpus.rs`); it is tagged with the bundled
//! gazetteer and upserted in input order as `newsfacet index` does.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::path::Path;

use newsfacet_article::Article;
use newsfacet_index::{ArticleDoc, DocKind, FacetField, NewsIndex, QuoteDoc, Upsert};
use proptest::prelude::*;
use proptest::sample::Index;

use support::corpus::{self, Loaded};

/// What an index holds after a run, as readers see it.
#[derive(Debug, PartialEq)]
struct Snapshot {
    /// `NewsIndex::count` of each kind.
    article_count: u64,
    quote_count: u64,
    /// Every live article by id, with its facets.
    articles: BTreeMap<String, Loaded<ArticleDoc>>,
    /// Article ids with more than one live article document.
    repeated_ids: Vec<String>,
    /// Every live quote with its facets, in a fixed order.
    quotes: Vec<Loaded<QuoteDoc>>,
}

fn snapshot(dir: &Path) -> Snapshot {
    let index = NewsIndex::open(dir).expect("the index opens");
    let mut articles = BTreeMap::new();
    let mut repeated_ids = Vec::new();
    for loaded in corpus::load_articles(&index) {
        let id = loaded.doc.id.clone();
        if articles.insert(id.clone(), loaded).is_some() {
            repeated_ids.push(id);
        }
    }
    let mut quotes: Vec<Loaded<QuoteDoc>> = corpus::load_all(&index, DocKind::Quote);
    quotes.sort_by_cached_key(|quote| format!("{quote:?}"));
    Snapshot {
        article_count: index.count(DocKind::Article).expect("articles count"),
        quote_count: index.count(DocKind::Quote).expect("quotes count"),
        articles,
        repeated_ids,
        quotes,
    }
}

/// The first difference between two snapshots, for a readable failure.
fn difference(expected: &Snapshot, got: &Snapshot) -> Option<String> {
    if expected == got {
        return None;
    }
    let counts = |s: &Snapshot| (s.article_count, s.quote_count, s.repeated_ids.clone());
    if counts(expected) != counts(got) {
        return Some(format!(
            "(articles, quotes, repeated ids): expected {:?}, got {:?}",
            counts(expected),
            counts(got)
        ));
    }
    let ids = |s: &Snapshot| s.articles.keys().cloned().collect::<Vec<_>>();
    if ids(expected) != ids(got) {
        return Some(format!(
            "article ids: expected {:?}, got {:?}",
            ids(expected),
            ids(got)
        ));
    }
    for (id, article) in &expected.articles {
        let other = &got.articles[id];
        if article != other {
            return Some(format!(
                "article {id}: expected\n{}\ngot\n{}",
                brief(article),
                brief(other)
            ));
        }
    }
    for (quote, other) in expected.quotes.iter().zip(&got.quotes) {
        if quote != other {
            return Some(format!("quote: expected\n{quote:#?}\ngot\n{other:#?}"));
        }
    }
    Some("snapshots differ".to_string())
}

/// An article without its body, which the generator's sentences make long.
fn brief(article: &Loaded<ArticleDoc>) -> String {
    let doc = ArticleDoc {
        body: format!("({} bytes)", article.doc.body.len()),
        ..article.doc.clone()
    };
    format!("{doc:#?}\nfacets: {:?}", facet_strings(&article.facets))
}

fn facet_strings(facets: &BTreeSet<tantivy::schema::Facet>) -> Vec<String> {
    facets.iter().map(ToString::to_string).collect()
}

/// The group keys of one dimension among a document's facets.
fn facet_groups(facets: &BTreeSet<tantivy::schema::Facet>, field: FacetField) -> BTreeSet<String> {
    facets
        .iter()
        .filter_map(FacetField::split)
        .filter(|(dimension, _)| *dimension == field)
        .map(|(_, key)| key)
        .collect()
}

/// The group keys of one dimension of an article's stored values.
fn stored_groups(doc: &ArticleDoc, field: FacetField) -> BTreeSet<String> {
    let values: Vec<&String> = match field {
        FacetField::Speaker => doc.speakers.iter().collect(),
        FacetField::Country => doc.countries.iter().collect(),
        FacetField::Source => doc.source.iter().collect(),
        FacetField::Origin => doc.origin.iter().collect(),
        _ => Vec::new(),
    };
    values.into_iter().map(|v| field.group_key(v)).collect()
}

/// What a single run must leave, whatever else it does: each distinct id once, holding its
/// first record's text; stories naming indexed articles; quotes of indexed articles; facets
/// agreeing with the stored values they are built from.
fn check_contents(articles: &[Article], snapshot: &Snapshot) -> Result<(), TestCaseError> {
    let mut first: BTreeMap<&str, &Article> = BTreeMap::new();
    for article in articles {
        first.entry(article.id.as_str()).or_insert(article);
    }
    prop_assert!(
        snapshot.repeated_ids.is_empty(),
        "ids stored twice: {:?}",
        snapshot.repeated_ids
    );
    prop_assert_eq!(snapshot.article_count as usize, snapshot.articles.len());
    prop_assert_eq!(snapshot.quote_count as usize, snapshot.quotes.len());
    prop_assert_eq!(
        snapshot
            .articles
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        first.keys().copied().collect::<Vec<_>>()
    );
    for (id, stored) in &snapshot.articles {
        let article = first[id.as_str()];
        prop_assert_eq!(&stored.doc.title, &article.title, "title of {}", id);
        prop_assert_eq!(&stored.doc.body, &article.body, "body of {}", id);
        prop_assert_eq!(stored.doc.published, article.published, "date of {}", id);
        prop_assert_eq!(
            stored.doc.path.clone(),
            Some(article.origin.to_string()),
            "path of {}",
            id
        );
        let story = stored.doc.story.as_deref();
        prop_assert!(
            story.is_some_and(|story| snapshot.articles.contains_key(story)),
            "{} has story {:?}, which is no indexed article",
            id,
            story
        );
        for field in [
            FacetField::Speaker,
            FacetField::Country,
            FacetField::Source,
            FacetField::Origin,
        ] {
            prop_assert_eq!(
                facet_groups(&stored.facets, field),
                stored_groups(&stored.doc, field),
                "{} facets of {}",
                field,
                id
            );
        }
    }
    for quote in &snapshot.quotes {
        prop_assert!(
            snapshot.articles.contains_key(&quote.doc.article_id),
            "quote of a missing article: {:?}",
            quote.doc
        );
    }
    Ok(())
}

fn assert_same(expected: &Snapshot, got: &Snapshot, what: &str) -> Result<(), TestCaseError> {
    if let Some(difference) = difference(expected, got) {
        return Err(TestCaseError::fail(format!("{what}: {difference}")));
    }
    Ok(())
}

/// Whether `got` is what a re-run of the same input must do with a record that the first run
/// handled as `first`: a written article is now unchanged, a repeat or conflict stays one.
fn rerun_outcome(first: Upsert) -> Upsert {
    match first {
        Upsert::Added | Upsert::Updated | Upsert::Unchanged => Upsert::Unchanged,
        other => other,
    }
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn debug_records<T: Debug>(records: &[T]) -> String {
    records
        .iter()
        .enumerate()
        .map(|(n, r)| format!("{n}: {r:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn reindexing_is_idempotent_and_commits_do_not_change_the_result(
        records in corpus::records(25),
        cut in any::<Index>(),
    ) {
        let articles = corpus::articles(&records);
        let cut = cut.index(articles.len() + 1);

        // One run, then the same run again into the same index.
        let once = dir();
        let first = corpus::index_run(once.path(), &articles, None);
        let after_first = snapshot(once.path());
        check_contents(&articles, &after_first)?;
        let second = corpus::index_run(once.path(), &articles, None);
        let after_second = snapshot(once.path());
        assert_same(&after_first, &after_second, "after a second run of the same input")?;
        let expected: Vec<Upsert> = first.iter().copied().map(rerun_outcome).collect();
        prop_assert_eq!(
            &second,
            &expected,
            "what the second run did (first run: {:?})\n{}",
            first,
            debug_records(&records)
        );

        // One run with a checkpoint before record `cut`.
        let checkpointed = dir();
        corpus::index_run(checkpointed.path(), &articles, Some(cut));
        assert_same(
            &after_first,
            &snapshot(checkpointed.path()),
            &format!("with a checkpoint before record {cut}"),
        )?;

        // A run of the first `cut` records (one cut short), then a run of the whole input.
        let resumed = dir();
        corpus::index_run(resumed.path(), &articles[..cut], None);
        corpus::index_run(resumed.path(), &articles, None);
        assert_same(
            &after_first,
            &snapshot(resumed.path()),
            &format!("after a run of the first {cut} records, then of all"),
        )?;
    }
}
