//! Properties of search over generated corpora (issue 13): the hits, the hit total and the
//! facet counts of every dimension equal a brute-force count over the stored documents.
//!
//! The semantics are those of `multi_select_counts_match_a_brute_force_count_over_stored_documents`
//! in `src/tests.rs` (Elasticsearch's `post_filter`): the values of one dimension are
//! alternatives (OR), dimensions all apply (AND), an excluded value never matches, `none`
//! stands for "no value", and each dimension is counted under the other dimensions' filters
//! but not its own. Typed filter values are read with [`resolve::resolve_values`] against the
//! group keys of the stored values, as a search reads them against the indexed ones; counts
//! are compared by group key ([`FacetField::group_key`]), since which written form names a
//! group is a matter of display.
//!
//! The corpus generator is the index crate's (`newsfacet-index/tests/support/corpus.rs`):
//! fresh articles, syndicated copies, repeats and reused ids, tagged with the bundled
//! gazetteer and indexed as `newsfacet index` does.

#[path = "../../newsfacet-index/tests/support/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{ArticleDoc, FacetField, NewsIndex};
use newsfacet_query::{
    facet_values, resolve, search, CountBy, DateRange, Filters, SearchRequest, NO_VALUE,
    SEARCH_FACET_TOP,
};
use proptest::prelude::*;
use proptest::sample::Index;

use corpus::Loaded;

/// Query words: in the generated texts (some as other word forms), and one that never is.
const WORDS: &[&str] = &[
    "grain",
    "talks",
    "Lavrov",
    "china",
    "security",
    "tariffs",
    "said",
    "energy",
    "Moscow",
    "sanctions",
    "wheat",
    "minister",
    "trade",
    "exports",
    "volcano",
];

/// Typed filter values: canonical names, other cases and spellings, aliases, values of no
/// dimension, and `none`.
const VALUES: &[&str] = &[
    "Russia",
    "china",
    "TÜRKIYE",
    "Turkey",
    "Sergei Lavrov",
    "lavrov",
    "Wang Yi",
    "putin",
    "Angela Merkel",
    "Reuters",
    "tass",
    "Xinhua",
    "Associated Press",
    "Beijing",
    "European Union",
    "Atlantis",
    "Jacinda Ardern",
    "general motors corp",
    "Chang Chi-Cheng",
    "petrova",
    "none",
    "None",
];

/// One typed filter value.
#[derive(Debug, Clone)]
enum Value {
    /// A written form of the dimension found in the stored documents, lowercased or not.
    Stored(Index, bool),
    /// One of [`VALUES`].
    Typed(usize),
}

/// The filter values of one dimension: `(value, excluded)`.
#[derive(Debug, Clone)]
struct FilterSpec {
    field: usize,
    values: Vec<(Value, bool)>,
}

#[derive(Debug, Clone)]
struct RequestSpec {
    /// Indices into [`WORDS`]; none is a request without query text.
    words: Vec<usize>,
    filters: Vec<FilterSpec>,
    /// Day offsets from 2024-03-01 of the date bounds, in either order.
    dates: Option<(Option<u8>, Option<u8>)>,
    by_story: bool,
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (any::<Index>(), any::<bool>()).prop_map(|(i, lower)| Value::Stored(i, lower)),
        1 => (0..VALUES.len()).prop_map(Value::Typed),
    ]
}

fn filter() -> impl Strategy<Value = FilterSpec> {
    (
        0..FacetField::ALL.len(),
        prop_oneof![
            2 => prop::collection::vec((value(), prop::bool::weighted(0.3)), 1),
            1 => prop::collection::vec((value(), prop::bool::weighted(0.3)), 2),
        ],
    )
        .prop_map(|(field, values)| FilterSpec { field, values })
}

fn request() -> impl Strategy<Value = RequestSpec> {
    (
        prop_oneof![
            2 => Just(Vec::new()),
            2 => prop::collection::vec(0..WORDS.len(), 1),
            1 => prop::collection::vec(0..WORDS.len(), 2),
        ],
        prop_oneof![
            3 => prop::collection::vec(filter(), 1),
            2 => prop::collection::vec(filter(), 2),
            1 => prop::collection::vec(filter(), 3),
        ],
        prop::option::weighted(0.2, (prop::option::of(0u8..30), prop::option::of(0u8..30))),
        prop::bool::weighted(0.25),
    )
        .prop_map(|(words, filters, dates, by_story)| RequestSpec {
            words,
            filters,
            dates,
            by_story,
        })
}

fn day(offset: u8) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1)
        .and_then(|start| start.checked_add_days(Days::new(u64::from(offset))))
        .expect("a valid date")
}

/// The stored documents and what the brute force reads from them.
struct Stored {
    articles: Vec<Loaded<ArticleDoc>>,
    /// Per dimension, the group keys of every stored article's values, sorted.
    known: BTreeMap<FacetField, Vec<String>>,
    /// Per dimension, every written value, sorted.
    written: BTreeMap<FacetField, Vec<String>>,
}

/// The written values of one dimension of an article: its stored fields for the dimensions
/// it stores (speaker, country, source, origin), else the written forms of its facets.
fn written_values(article: &Loaded<ArticleDoc>, field: FacetField) -> Vec<String> {
    let doc = &article.doc;
    match field {
        FacetField::Speaker => doc.speakers.clone(),
        FacetField::Country => doc.countries.clone(),
        FacetField::Source => doc.source.iter().cloned().collect(),
        FacetField::Origin => doc.origin.iter().cloned().collect(),
        FacetField::Person | FacetField::Org | FacetField::Place => article
            .facets
            .iter()
            .filter_map(FacetField::split_value)
            .filter(|(dimension, _, _)| *dimension == field)
            .map(|(_, _, value)| value)
            .collect(),
    }
}

/// The groups of one dimension an article has.
fn groups(article: &Loaded<ArticleDoc>, field: FacetField) -> BTreeSet<String> {
    written_values(article, field)
        .iter()
        .map(|value| field.group_key(value))
        .collect()
}

impl Stored {
    fn load(index: &NewsIndex) -> Stored {
        let articles = corpus::load_articles(index);
        let mut known = BTreeMap::new();
        let mut written = BTreeMap::new();
        for field in FacetField::ALL {
            let mut keys = BTreeSet::new();
            let mut values = BTreeSet::new();
            for article in &articles {
                keys.extend(groups(article, field));
                values.extend(written_values(article, field));
            }
            known.insert(field, keys.into_iter().collect());
            written.insert(field, values.into_iter().collect());
        }
        Stored {
            articles,
            known,
            written,
        }
    }

    /// The typed text of a generated value for `field`.
    fn typed(&self, field: FacetField, value: &Value) -> String {
        match value {
            Value::Stored(index, lower) => {
                let values = &self.written[&field];
                if values.is_empty() {
                    return VALUES[index.index(VALUES.len())].to_string();
                }
                let value = &values[index.index(values.len())];
                if *lower {
                    value.to_lowercase()
                } else {
                    value.clone()
                }
            }
            Value::Typed(n) => VALUES[*n].to_string(),
        }
    }

    fn request(&self, spec: &RequestSpec) -> SearchRequest {
        let mut filters = Filters::default();
        for filter in &spec.filters {
            let field = FacetField::ALL[filter.field];
            for (value, excluded) in &filter.values {
                let typed = self.typed(field, value);
                if *excluded {
                    filters.exclude(field, typed);
                } else {
                    filters.add(field, typed);
                }
            }
        }
        let dates = spec.dates.map_or_else(DateRange::default, |(a, b)| {
            let (since, until) = match (a, b) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            DateRange {
                since: since.map(day),
                until: until.map(day),
            }
        });
        let words: Vec<&str> = spec.words.iter().map(|&w| WORDS[w]).collect();
        SearchRequest {
            query: (!words.is_empty()).then(|| words.join(" ")),
            filters,
            dates,
            count_by: if spec.by_story {
                CountBy::Story
            } else {
                CountBy::Article
            },
            limit: 1000,
            ..SearchRequest::default()
        }
    }

    /// Whether an article passes one dimension's filter: one of its included values (or, for
    /// `none`, no value at all) when any is given, and none of its excluded values (for
    /// `none`: some value).
    fn passes(
        &self,
        gazetteer: &Gazetteer,
        article: &Loaded<ArticleDoc>,
        field: FacetField,
        filters: &Filters,
    ) -> bool {
        let has = groups(article, field);
        let known = &self.known[&field];
        let has_input = |input: &String| {
            if input.trim().eq_ignore_ascii_case(NO_VALUE) {
                has.is_empty()
            } else {
                resolve::resolve_values(field, input, known, gazetteer)
                    .iter()
                    .any(|key| has.contains(key))
            }
        };
        let included = filters.included(field);
        (included.is_empty() || included.iter().any(has_input))
            && !filters.excluded_values(field).iter().any(has_input)
    }

    fn in_dates(article: &Loaded<ArticleDoc>, dates: DateRange) -> bool {
        if dates.is_empty() {
            return true;
        }
        article.doc.published.is_some_and(|published| {
            dates.since.is_none_or(|since| published >= since)
                && dates.until.is_none_or(|until| published <= until)
        })
    }
}

/// Ids of the articles matching the request's query text alone, by the search itself: what
/// text matches is the query language's business, checked below only for recall.
fn text_matches(index: &NewsIndex, gazetteer: &Gazetteer, req: &SearchRequest) -> BTreeSet<String> {
    let text_only = SearchRequest {
        query: req.query.clone(),
        limit: 1000,
        ..SearchRequest::default()
    };
    let results = search(index, gazetteer, &text_only).expect("the text search runs");
    results.hits.into_iter().map(|hit| hit.id).collect()
}

/// Whether every query word is a word of the article's title or body, ignoring case.
fn contains_words(doc: &ArticleDoc, query: Option<&str>) -> bool {
    let text = format!("{} {}", doc.title, doc.body).to_lowercase();
    let words: BTreeSet<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    query
        .unwrap_or_default()
        .split_whitespace()
        .all(|word| words.contains(word.to_lowercase().as_str()))
}

fn check(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    stored: &Stored,
    req: &SearchRequest,
) -> Result<(), TestCaseError> {
    let matched_text = text_matches(index, gazetteer, req);
    for article in &stored.articles {
        if contains_words(&article.doc, req.query.as_deref()) {
            prop_assert!(
                matched_text.contains(&article.doc.id),
                "{} has every word of {:?} but does not match it",
                article.doc.id,
                req.query
            );
        }
    }
    // Articles matching the text and dates, and which of the dimensions' filters each passes.
    let candidates: Vec<(&Loaded<ArticleDoc>, BTreeSet<FacetField>)> = stored
        .articles
        .iter()
        .filter(|a| matched_text.contains(&a.doc.id) && Stored::in_dates(a, req.dates))
        .map(|a| {
            let passed = FacetField::ALL
                .into_iter()
                .filter(|&field| stored.passes(gazetteer, a, field, &req.filters))
                .collect();
            (a, passed)
        })
        .collect();
    let passes_all = |passed: &BTreeSet<FacetField>| passed.len() == FacetField::ALL.len();
    let expected_ids: BTreeSet<String> = candidates
        .iter()
        .filter(|(_, passed)| passes_all(passed))
        .map(|(a, _)| a.doc.id.clone())
        .collect();
    let story_of = |a: &Loaded<ArticleDoc>| a.doc.story.clone().unwrap_or_default();
    let expected_stories: BTreeSet<String> = candidates
        .iter()
        .filter(|(_, passed)| passes_all(passed))
        .map(|(a, _)| story_of(a))
        .collect();

    // The counts of one dimension: articles (or stories) passing every other dimension's
    // filter, per group of the dimension.
    let expected_counts = |field: FacetField| -> BTreeMap<String, u64> {
        let mut counted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (article, passed) in &candidates {
            let others_pass = FacetField::ALL
                .iter()
                .all(|d| *d == field || passed.contains(d));
            if !others_pass {
                continue;
            }
            let unit = match req.count_by {
                CountBy::Article => article.doc.id.clone(),
                CountBy::Story => story_of(article),
            };
            for key in groups(article, field) {
                counted.entry(key).or_default().insert(unit.clone());
            }
        }
        counted
            .into_iter()
            .map(|(key, units)| (key, units.len() as u64))
            .collect()
    };

    let results = search(index, gazetteer, req).expect("the search runs");
    let got_ids: BTreeSet<String> = results.hits.iter().map(|hit| hit.id.clone()).collect();
    prop_assert_eq!(results.total as usize, expected_ids.len(), "total");
    prop_assert_eq!(&got_ids, &expected_ids, "hits");
    prop_assert_eq!(
        results.stories,
        (req.count_by == CountBy::Story).then_some(expected_stories.len() as u64),
        "stories"
    );
    for field in FacetField::ALL {
        let expected = expected_counts(field);
        let list = facet_values(index, gazetteer, req, field, 0, None).expect("facet values");
        prop_assert_eq!(list.total as usize, expected_ids.len(), "{} total", field);
        let got: BTreeMap<String, u64> = list
            .values
            .iter()
            .map(|count| (field.group_key(&count.value), count.count))
            .collect();
        prop_assert_eq!(
            list.values.len(),
            got.len(),
            "{} lists a group twice",
            field
        );
        prop_assert_eq!(&got, &expected, "{} counts", field);
        if let Some(shown) = results.facets.get(field) {
            // The search lists the top groups, by count descending then group key.
            let mut top: Vec<(String, u64)> = expected.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            top.truncate(SEARCH_FACET_TOP);
            let shown: Vec<(String, u64)> = shown
                .iter()
                .map(|count| (field.group_key(&count.value), count.count))
                .collect();
            prop_assert_eq!(shown, top, "{} counts of the search", field);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn hits_and_facet_counts_match_a_brute_force_count(
        records in corpus::records(25),
        requests in prop::collection::vec(request(), 1..=6),
    ) {
        let articles = corpus::articles(&records);
        let dir = tempfile::tempdir().expect("a temporary directory");
        corpus::index_run(dir.path(), &articles, None);
        let index = NewsIndex::open(dir.path()).expect("the index opens");
        let gazetteer = corpus::tagger().gazetteer();
        let stored = Stored::load(&index);
        for spec in &requests {
            let req = stored.request(spec);
            check(&index, gazetteer, &stored, &req).map_err(|error| {
                TestCaseError::fail(format!("{error}\nrequest: {req:#?}"))
            })?;
        }
    }
}
