//! Searching a newsfacet index: text queries, facet filters, facet counts and snippets.
//!
//! [`search`] answers a [`SearchRequest`] with ranked, paginated [`Hit`]s plus facet counts
//! over every matching article; [`facet_values`] lists one facet dimension's values with
//! counts. Filter values are resolved against the values actually in the index, through case
//! and diacritic folding and gazetteer aliases (see [`resolve::resolve_values`]).

#![warn(missing_docs)]

pub mod resolve;
pub mod snippet;

use std::collections::BTreeMap;

use newsfacet_index::{date_of, names, FacetField, IndexError, NewsIndex, NewsSchema};
use newsfacet_tag::Gazetteer;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser,
    QueryParserError, TermSetQuery,
};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, Term};

/// How many values of each dimension [`SearchResults::facets`] lists.
pub const SEARCH_FACET_TOP: usize = 10;

/// Boost of title matches over body matches.
const TITLE_BOOST: f32 = 2.0;

/// Facet filters: values of one dimension are alternatives (OR); dimensions all apply (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// The user-typed values for each dimension, as given (resolved at search time).
    pub by_field: BTreeMap<FacetField, Vec<String>>,
}

impl Filters {
    /// Adds one alternative value for a dimension.
    pub fn add(&mut self, field: FacetField, value: impl Into<String>) {
        self.by_field.entry(field).or_default().push(value.into());
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.by_field.values().all(Vec::is_empty)
    }
}

/// One search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text in tantivy syntax; `None` or blank matches every article.
    pub query: Option<String>,
    /// Facet filters.
    pub filters: Filters,
    /// Page size; 0 returns counts without hits.
    pub limit: usize,
    /// Number of hits to skip.
    pub offset: usize,
}

/// One value of a facet dimension and the number of matching articles that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The facet value (a canonical name).
    pub value: String,
    /// Matching articles with this value.
    pub count: u64,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Stable article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Canonical publisher, if known.
    pub source: Option<String>,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Relevance score; 0 when there is no query text (hits are then ordered by date).
    pub score: f32,
    /// HTML snippet of the body: escaped text with query terms in `<b>…</b>`.
    pub snippet: String,
    /// Speaker names.
    pub speakers: Vec<String>,
    /// Country names.
    pub countries: Vec<String>,
    /// The article's URL, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the article was read from (`file:line`); only given when there is no URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// Top facet counts of the dimensions shown with search results, over all matching articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResultFacets {
    /// Top speakers.
    pub speaker: Vec<FacetCount>,
    /// Top countries.
    pub country: Vec<FacetCount>,
    /// Top sources.
    pub source: Vec<FacetCount>,
}

impl ResultFacets {
    /// The dimensions listed in search results, in output order.
    pub const FIELDS: [FacetField; 3] =
        [FacetField::Speaker, FacetField::Country, FacetField::Source];

    /// The counts of one listed dimension; `None` for dimensions not listed.
    pub fn get(&self, field: FacetField) -> Option<&[FacetCount]> {
        match field {
            FacetField::Speaker => Some(&self.speaker),
            FacetField::Country => Some(&self.country),
            FacetField::Source => Some(&self.source),
            _ => None,
        }
    }

    /// `(dimension name, counts)` pairs in output order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Vec<FacetCount>)> {
        [
            ("speaker", &self.speaker),
            ("country", &self.country),
            ("source", &self.source),
        ]
        .into_iter()
    }
}

impl<'a> IntoIterator for &'a ResultFacets {
    type Item = (&'static str, &'a Vec<FacetCount>);
    type IntoIter = std::array::IntoIter<(&'static str, &'a Vec<FacetCount>), 3>;

    fn into_iter(self) -> Self::IntoIter {
        [
            ("speaker", &self.speaker),
            ("country", &self.country),
            ("source", &self.source),
        ]
        .into_iter()
    }
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of matching articles (all pages).
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matching articles.
    pub facets: ResultFacets,
    /// `(dimension, value)` filters that matched no value in the index (and so no article).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched_filters: Vec<(String, String)>,
}

/// The values of one facet dimension among matching articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetList {
    /// The dimension.
    pub field: FacetField,
    /// The top values, by count descending then value ascending.
    pub values: Vec<FacetCount>,
    /// Sum of the counts of values beyond the top ones.
    pub other: u64,
    /// `(dimension, value)` filters that matched no value in the index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched_filters: Vec<(String, String)>,
}

/// An error answering a query.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query text cannot be parsed or names an unknown field: the user's to fix.
    #[error("invalid query {query:?}: {message}")]
    Syntax {
        /// The query as given.
        query: String,
        /// What is wrong, and how to fix it.
        message: String,
    },
    /// The index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl QueryError {
    /// Whether the error is a usage error (bad query syntax) rather than a failure.
    pub fn is_usage_error(&self) -> bool {
        matches!(self, QueryError::Syntax { .. })
    }
}

/// Runs a search: ranked hits (by score, or by date descending without query text), the total
/// number of matches and facet counts over all of them.
pub fn search(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
) -> Result<SearchResults, QueryError> {
    let searcher = index.searcher()?;
    let schema = index.schema();
    let text = parse_text(index, request.query.as_deref())?;
    let ResolvedFilters {
        clauses: filter,
        unmatched: unmatched_filters,
    } = filter_query(index, &searcher, gazetteer, &request.filters)?;
    let query = combine(text.as_ref().map(|q| q.box_clone()), filter);

    let mut facet_collector = FacetCollector::for_field(names::FACETS);
    for field in ResultFacets::FIELDS {
        facet_collector.add_facet(field.root());
    }
    let tantivy_error = |e| QueryError::Index(index.error(e));
    let page = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let (total, ranked, counts): (usize, Vec<(f32, DocAddress)>, FacetCounts) =
        if request.limit == 0 {
            let (total, counts) = searcher
                .search(&*query, &(Count, facet_collector))
                .map_err(tantivy_error)?;
            (total, Vec::new(), counts)
        } else if text.is_some() {
            let collectors = (Count, page.order_by_score(), facet_collector);
            searcher
                .search(&*query, &collectors)
                .map_err(tantivy_error)?
        } else {
            let collectors = (
                Count,
                page.order_by_fast_field::<DateTime>(names::PUBLISHED, Order::Desc),
                facet_collector,
            );
            let (total, top, counts) = searcher
                .search(&*query, &collectors)
                .map_err(tantivy_error)?;
            (
                total,
                top.into_iter().map(|(_, address)| (0.0, address)).collect(),
                counts,
            )
        };

    let generator = match &text {
        Some(text) => {
            let mut generator =
                SnippetGenerator::create(&searcher, &**text, schema.body).map_err(tantivy_error)?;
            generator.set_max_num_chars(snippet::SNIPPET_CHARS);
            Some(generator)
        }
        None => None,
    };
    let hits = ranked
        .into_iter()
        .map(|(score, address)| {
            let doc: TantivyDocument = searcher.doc(address).map_err(tantivy_error)?;
            Ok(hit(schema, &doc, score, generator.as_ref()))
        })
        .collect::<Result<Vec<_>, QueryError>>()?;

    let top = |field: FacetField| {
        let mut counts = sorted_counts(&counts, field);
        counts.truncate(SEARCH_FACET_TOP);
        counts
    };
    Ok(SearchResults {
        total: total as u64,
        hits,
        facets: ResultFacets {
            speaker: top(FacetField::Speaker),
            country: top(FacetField::Country),
            source: top(FacetField::Source),
        },
        unmatched_filters,
    })
}

/// The `top` most frequent values of `field` among articles matching the query and filters
/// (all of them when `top` is 0), and the summed count of the rest.
pub fn facet_values(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    query: Option<&str>,
    filters: &Filters,
    field: FacetField,
    top: usize,
) -> Result<FacetList, QueryError> {
    let searcher = index.searcher()?;
    let text = parse_text(index, query)?;
    let ResolvedFilters {
        clauses: filter,
        unmatched: unmatched_filters,
    } = filter_query(index, &searcher, gazetteer, filters)?;
    let query = combine(text, filter);
    let mut collector = FacetCollector::for_field(names::FACETS);
    collector.add_facet(field.root());
    let counts = searcher
        .search(&*query, &collector)
        .map_err(|e| index.error(e))?;
    let mut values = sorted_counts(&counts, field);
    let rest = if top == 0 || values.len() <= top {
        Vec::new()
    } else {
        values.split_off(top)
    };
    Ok(FacetList {
        field,
        values,
        other: rest.iter().map(|c| c.count).sum(),
        unmatched_filters,
    })
}

/// Parses query text; `None` for absent or blank text (match everything).
fn parse_text(
    index: &NewsIndex,
    query: Option<&str>,
) -> Result<Option<Box<dyn Query>>, QueryError> {
    let Some(text) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        return Ok(None);
    };
    let schema = index.schema();
    let mut parser = QueryParser::for_index(index.index(), vec![schema.title, schema.body]);
    // All terms required, like a web search engine; `OR` is still available explicitly.
    parser.set_conjunction_by_default();
    parser.set_field_boost(schema.title, TITLE_BOOST);
    parser
        .parse_query(text)
        .map(Some)
        .map_err(|error| QueryError::Syntax {
            query: text.to_string(),
            message: syntax_message(&error),
        })
}

/// A message for a query parse error that says how to fix it.
fn syntax_message(error: &QueryParserError) -> String {
    match error {
        QueryParserError::SyntaxError(_) => {
            "cannot parse it; check that parentheses and quotes are balanced and that `field:` prefixes \
             are followed by a term (searchable fields: title, body)"
                .to_string()
        }
        QueryParserError::FieldDoesNotExist(field) => {
            let hint = match field.parse::<FacetField>() {
                Ok(facet) => format!("; to filter by {facet}, use --{facet} instead"),
                Err(_) => "; put the text in quotes to search for it literally".to_string(),
            };
            format!("unknown field `{field}:` (searchable fields: title, body){hint}")
        }
        QueryParserError::FieldNotIndexed(field) => {
            format!("field `{field}:` is not searchable (searchable fields: title, body)")
        }
        QueryParserError::AllButQueryForbidden => {
            "a query cannot consist only of excluded terms; add a term to search for".to_string()
        }
        other => other.to_string(),
    }
}

/// Facet filters translated into query clauses.
struct ResolvedFilters {
    /// One required clause per filtered dimension.
    clauses: Vec<Box<dyn Query>>,
    /// `(dimension, value)` inputs that matched no indexed value.
    unmatched: Vec<(String, String)>,
}

/// The facet filter clauses (one per dimension) and the filter values that matched nothing.
fn filter_query(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    filters: &Filters,
) -> Result<ResolvedFilters, QueryError> {
    let fields: Vec<FacetField> = filters
        .by_field
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(&field, _)| field)
        .collect();
    if fields.is_empty() {
        return Ok(ResolvedFilters {
            clauses: Vec::new(),
            unmatched: Vec::new(),
        });
    }
    // The values of each filtered dimension present in live documents.
    let mut collector = FacetCollector::for_field(names::FACETS);
    for field in &fields {
        collector.add_facet(field.root());
    }
    let indexed = searcher
        .search(&AllQuery, &collector)
        .map_err(|e| index.error(e))?;

    let facets_field = index.schema().facets;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut unmatched = Vec::new();
    for field in fields {
        let known: Vec<String> = sorted_counts(&indexed, field)
            .into_iter()
            .map(|c| c.value)
            .collect();
        let mut terms: Vec<Term> = Vec::new();
        for input in filters.by_field.get(&field).into_iter().flatten() {
            let values = resolve::resolve_values(field, input, &known, gazetteer);
            if values.is_empty() {
                unmatched.push((field.as_str().to_string(), input.clone()));
            }
            tracing::debug!(%field, input, ?values, "resolved filter");
            terms.extend(
                values
                    .iter()
                    .map(|value| Term::from_facet(facets_field, &field.facet(value))),
            );
        }
        // Several inputs may resolve to the same value ("Türkiye", "turkey").
        terms.sort();
        terms.dedup();
        let clause: Box<dyn Query> = if terms.is_empty() {
            Box::new(EmptyQuery)
        } else {
            // Constant zero score: filters select, they do not change relevance.
            Box::new(ConstScoreQuery::new(
                Box::new(TermSetQuery::new(terms)),
                0.0,
            ))
        };
        clauses.push(clause);
    }
    Ok(ResolvedFilters { clauses, unmatched })
}

/// The text query (or everything) restricted by every filter clause.
fn combine(text: Option<Box<dyn Query>>, filters: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match (text, filters.is_empty()) {
        (None, true) => Box::new(AllQuery),
        (Some(text), true) => text,
        (text, false) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(filters.len() + 1);
            if let Some(text) = text {
                clauses.push((Occur::Must, text));
            }
            clauses.extend(filters.into_iter().map(|clause| (Occur::Must, clause)));
            Box::new(BooleanQuery::new(clauses))
        }
    }
}

/// All values of one dimension in `counts`, by count descending then value ascending.
fn sorted_counts(counts: &FacetCounts, field: FacetField) -> Vec<FacetCount> {
    let mut values: Vec<FacetCount> = counts
        .get(field.root())
        .filter_map(|(facet, count)| {
            FacetField::split(facet).map(|(_, value)| FacetCount { value, count })
        })
        .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values
}

/// Builds a hit from a stored document.
fn hit(
    schema: &NewsSchema,
    doc: &TantivyDocument,
    score: f32,
    generator: Option<&SnippetGenerator>,
) -> Hit {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let all = |field| {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect::<Vec<_>>()
    };
    let url = text(schema.url);
    let body = text(schema.body).unwrap_or_default();
    Hit {
        id: text(schema.id).unwrap_or_default(),
        title: text(schema.title).unwrap_or_default(),
        source: text(schema.source),
        published: doc
            .get_first(schema.published)
            .and_then(|v| v.as_datetime())
            .and_then(date_of)
            .map(|date| date.to_string()),
        score,
        snippet: snippet::snippet(generator, &body),
        speakers: all(schema.speakers),
        countries: all(schema.countries),
        path: if url.is_none() {
            text(schema.path)
        } else {
            None
        },
        url,
    }
}

#[cfg(test)]
mod tests;
