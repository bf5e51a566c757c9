//! Searching a newsfacet index: text queries, facet filters, facet counts and snippets.
//!
//! [`search`] answers a [`SearchRequest`] with ranked, paginated [`Hit`]s plus facet counts
//! over every matching article; [`search_quotes`] answers the same request over the text of
//! quotes, with [`QuoteHit`]s; [`facet_values`] lists one facet dimension's values with
//! counts. Filter values are resolved against the values actually in the index, through case
//! and diacritic folding and gazetteer aliases (see [`resolve::resolve_values`]).
//!
//! Every query selects one [`DocKind`] of the index: articles for `search` and `facet_values`,
//! quotes for `search_quotes`. Scores use BM25 statistics of that kind only
//! ([`KindStatistics`]), so quote documents do not change how articles rank and vice versa.

#![warn(missing_docs)]

pub mod resolve;
pub mod snippet;

use std::collections::BTreeMap;

use newsfacet_index::{date_of, names, DocKind, FacetField, IndexError, NewsIndex, NewsSchema};
use newsfacet_tag::Gazetteer;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    Bm25StatisticsProvider, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser,
    QueryParserError, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, TantivyError, Term};

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

/// One search, of articles ([`search`]) or of quotes ([`search_quotes`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text in tantivy syntax; `None`, blank or `*` matches every document, newest first.
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

/// One matching quote, with the article it is from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    /// The quote's full text.
    pub text: String,
    /// The named speaker; `None` (JSON `null`) when the speaker is unnamed.
    pub speaker: Option<String>,
    /// How an unnamed speaker is described ("a spokesperson"); only for unnamed speakers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unnamed: Option<String>,
    /// `direct` (in quote marks) or `indirect` (reported speech).
    pub kind: String,
    /// The cue verb or phrase ("said", "according to"), when there is one.
    pub cue: Option<String>,
    /// The article's stable id.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// The article's canonical publisher, if known.
    pub source: Option<String>,
    /// The article's publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Relevance score; 0 when there is no query text (hits are then ordered by date).
    pub score: f32,
    /// HTML snippet of the quote: escaped text with query terms in `<b>…</b>`.
    pub snippet: String,
    /// Byte offset of the quote in the article's tagged text (title, blank line, body).
    pub position: u64,
}

/// The answer to a [`SearchRequest`] over quotes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteResults {
    /// Number of matching quotes (all pages).
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<QuoteHit>,
    /// `(dimension, value)` filters that matched no value in the index (and so no quote).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched_filters: Vec<(String, String)>,
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

/// Runs a search of articles: ranked hits (by score, or by date descending without query
/// text), the total number of matches and facet counts over all of them.
pub fn search(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
) -> Result<SearchResults, QueryError> {
    let searcher = index.searcher()?;
    let schema = index.schema();
    let mut facet_collector = FacetCollector::for_field(names::FACETS);
    for field in ResultFacets::FIELDS {
        facet_collector.add_facet(field.root());
    }
    let found = find(
        index,
        &searcher,
        gazetteer,
        DocKind::Article,
        request,
        Some(facet_collector),
    )?;
    let hits = load_hits(index, &searcher, &found, schema.body, hit)?;

    let counts = found.counts.unwrap_or_default();
    let top = |field: FacetField| {
        let mut counts = sorted_counts(&counts, field);
        counts.truncate(SEARCH_FACET_TOP);
        counts
    };
    Ok(SearchResults {
        total: found.total,
        hits,
        facets: ResultFacets {
            speaker: top(FacetField::Speaker),
            country: top(FacetField::Country),
            source: top(FacetField::Source),
        },
        unmatched_filters: found.unmatched,
    })
}

/// Searches the text of quotes: ranked quote hits (by score, or by date descending without
/// query text) with their article's title, source and date, and the total number of matching
/// quotes.
///
/// The query text searches only the quotes themselves (stemmed like article bodies). A
/// `speaker` filter selects quotes by that named speaker, resolved exactly like the article
/// speaker filter, so quotes of unnamed speakers never match it; the other filters select
/// quotes of articles having those facets.
pub fn search_quotes(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
) -> Result<QuoteResults, QueryError> {
    let searcher = index.searcher()?;
    let schema = index.schema();
    let found = find(index, &searcher, gazetteer, DocKind::Quote, request, None)?;
    let hits = load_hits(index, &searcher, &found, schema.quote, quote_hit)?;
    Ok(QuoteResults {
        total: found.total,
        hits,
        unmatched_filters: found.unmatched,
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
    let mut collector = FacetCollector::for_field(names::FACETS);
    collector.add_facet(field.root());
    let request = SearchRequest {
        query: query.map(str::to_string),
        filters: filters.clone(),
        limit: 0,
        offset: 0,
    };
    let found = find(
        index,
        &searcher,
        gazetteer,
        DocKind::Article,
        &request,
        Some(collector),
    )?;
    let mut values = sorted_counts(&found.counts.unwrap_or_default(), field);
    let rest = if top == 0 || values.len() <= top {
        Vec::new()
    } else {
        values.split_off(top)
    };
    Ok(FacetList {
        field,
        values,
        other: rest.iter().map(|c| c.count).sum(),
        unmatched_filters: found.unmatched,
    })
}

/// BM25 statistics of one [`DocKind`]: as if the documents of that kind were alone in the
/// index.
///
/// The kinds share no text field, so token and term counts of a kind's fields are already
/// its own; only the document count must leave the other kind out. tantivy counts deleted
/// documents not yet merged away in both, and so does this.
pub struct KindStatistics<'s> {
    searcher: &'s Searcher,
    num_docs: u64,
}

impl<'s> KindStatistics<'s> {
    /// The statistics of `kind` in the searcher's view of the index.
    pub fn new(
        searcher: &'s Searcher,
        schema: &NewsSchema,
        kind: DocKind,
    ) -> Result<Self, TantivyError> {
        let num_docs = searcher.doc_freq(&schema.kind_term(kind))?;
        Ok(KindStatistics { searcher, num_docs })
    }
}

impl Bm25StatisticsProvider for KindStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        // At least one, so that an empty kind does not divide by zero.
        Ok(self.num_docs.max(1))
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        // A query may name a field of the other kind (`body:` in a quote search); tantivy's
        // idf requires doc_freq <= total_num_docs. Such a term matches nothing here anyway.
        Ok(self.searcher.doc_freq(term)?.min(self.total_num_docs()?))
    }
}

/// What [`find`] found: a ranked page, the total, and what presenting it needs.
struct Found {
    total: u64,
    /// `(score, address)` of the requested page; score 0 without query text.
    ranked: Vec<(f32, DocAddress)>,
    /// Facet counts over every match, when a facet collector was given.
    counts: Option<FacetCounts>,
    /// The parsed query text, for snippets.
    text: Option<Box<dyn Query>>,
    /// `(dimension, value)` filters that matched no indexed value.
    unmatched: Vec<(String, String)>,
}

/// The one search path of every command: parses the text for `kind`, resolves the filters,
/// and collects the count, the requested page (by score with text, else by date descending)
/// and optionally facet counts, in one pass over the documents of `kind`.
fn find(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    request: &SearchRequest,
    facets: Option<FacetCollector>,
) -> Result<Found, QueryError> {
    let text = parse_text(index, kind, request.query.as_deref())?;
    let ResolvedFilters {
        clauses: filter,
        unmatched,
    } = filter_query(index, searcher, gazetteer, kind, &request.filters)?;
    let query = combine(
        index.schema(),
        kind,
        text.as_ref().map(|q| q.box_clone()),
        filter,
    );
    let tantivy_error = |e| QueryError::Index(index.error(e));
    let statistics = KindStatistics::new(searcher, index.schema(), kind).map_err(tantivy_error)?;
    let page = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let (total, ranked, counts) = if request.limit == 0 {
        let (total, counts) = searcher
            .search_with_statistics_provider(&*query, &(Count, facets), &statistics)
            .map_err(tantivy_error)?;
        (total, Vec::new(), counts)
    } else if text.is_some() {
        let collectors = (Count, page.order_by_score(), facets);
        searcher
            .search_with_statistics_provider(&*query, &collectors, &statistics)
            .map_err(tantivy_error)?
    } else {
        let collectors = (
            Count,
            page.order_by_fast_field::<DateTime>(names::PUBLISHED, Order::Desc),
            facets,
        );
        let (total, top, counts) = searcher
            .search_with_statistics_provider(&*query, &collectors, &statistics)
            .map_err(tantivy_error)?;
        let ranked = top.into_iter().map(|(_, address)| (0.0, address)).collect();
        (total, ranked, counts)
    };
    Ok(Found {
        total: total as u64,
        ranked,
        counts,
        text,
        unmatched,
    })
}

/// The text fields a query of `kind` searches, with their boosts, and their names for
/// messages.
fn text_fields(schema: &NewsSchema, kind: DocKind) -> (Vec<(Field, f32)>, &'static str) {
    match kind {
        DocKind::Article => (
            vec![(schema.title, TITLE_BOOST), (schema.body, 1.0)],
            "title, body",
        ),
        DocKind::Quote => (vec![(schema.quote, 1.0)], "quote"),
    }
}

/// Parses query text for `kind`; `None` for absent or blank text or a lone `*` (match
/// everything, newest first).
fn parse_text(
    index: &NewsIndex,
    kind: DocKind,
    query: Option<&str>,
) -> Result<Option<Box<dyn Query>>, QueryError> {
    let Some(text) = query.map(str::trim).filter(|q| !q.is_empty() && *q != "*") else {
        return Ok(None);
    };
    let (fields, field_names) = text_fields(index.schema(), kind);
    let mut parser =
        QueryParser::for_index(index.index(), fields.iter().map(|&(f, _)| f).collect());
    // All terms required, like a web search engine; `OR` is still available explicitly.
    parser.set_conjunction_by_default();
    for (field, boost) in fields {
        parser.set_field_boost(field, boost);
    }
    parser
        .parse_query(text)
        .map(Some)
        .map_err(|error| QueryError::Syntax {
            query: text.to_string(),
            message: syntax_message(&error, field_names),
        })
}

/// A message for a query parse error that says how to fix it; `fields` names the searchable
/// fields.
fn syntax_message(error: &QueryParserError, fields: &str) -> String {
    match error {
        QueryParserError::SyntaxError(_) => {
            format!(
                "cannot parse it; check that parentheses and quotes are balanced and that `field:` prefixes \
                 are followed by a term (searchable fields: {fields})"
            )
        }
        QueryParserError::FieldDoesNotExist(field) => {
            let hint = match field.parse::<FacetField>() {
                Ok(facet) => format!("; to filter by {facet}, use --{facet} instead"),
                Err(_) => "; put the text in quotes to search for it literally".to_string(),
            };
            format!("unknown field `{field}:` (searchable fields: {fields}){hint}")
        }
        QueryParserError::FieldNotIndexed(field) => {
            format!("field `{field}:` is not searchable (searchable fields: {fields})")
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
/// Values resolve against the facet values of the documents of `kind`.
fn filter_query(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
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
    // The values of each filtered dimension present in live documents of this kind.
    let mut collector = FacetCollector::for_field(names::FACETS);
    for field in &fields {
        collector.add_facet(field.root());
    }
    let indexed = searcher
        .search(&kind_query(index.schema(), kind), &collector)
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

/// The query selecting every document of `kind`, scoring 0.
fn kind_query(schema: &NewsSchema, kind: DocKind) -> ConstScoreQuery {
    ConstScoreQuery::new(
        Box::new(TermQuery::new(
            schema.kind_term(kind),
            IndexRecordOption::Basic,
        )),
        0.0,
    )
}

/// The text query (or everything) restricted to documents of `kind` and by every filter
/// clause.
fn combine(
    schema: &NewsSchema,
    kind: DocKind,
    text: Option<Box<dyn Query>>,
    filters: Vec<Box<dyn Query>>,
) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(filters.len() + 2);
    clauses.push((Occur::Must, Box::new(kind_query(schema, kind))));
    if let Some(text) = text {
        clauses.push((Occur::Must, text));
    }
    clauses.extend(filters.into_iter().map(|clause| (Occur::Must, clause)));
    Box::new(BooleanQuery::new(clauses))
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

/// Loads the stored documents of the found page and builds a hit of each with `build`, with
/// snippets of `snippet_field`.
fn load_hits<T>(
    index: &NewsIndex,
    searcher: &Searcher,
    found: &Found,
    snippet_field: Field,
    build: fn(&NewsSchema, &TantivyDocument, f32, Option<&SnippetGenerator>) -> T,
) -> Result<Vec<T>, QueryError> {
    let generator = snippet_generator(index, searcher, found.text.as_deref(), snippet_field)?;
    found
        .ranked
        .iter()
        .map(|&(score, address)| {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| index.error(e))?;
            Ok(build(index.schema(), &doc, score, generator.as_ref()))
        })
        .collect()
}

/// The snippet generator for query text over `field`; `None` without query text.
fn snippet_generator(
    index: &NewsIndex,
    searcher: &Searcher,
    text: Option<&dyn Query>,
    field: Field,
) -> Result<Option<SnippetGenerator>, QueryError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let mut generator =
        SnippetGenerator::create(searcher, text, field).map_err(|e| index.error(e))?;
    generator.set_max_num_chars(snippet::SNIPPET_CHARS);
    Ok(Some(generator))
}

/// The first stored text value of a field.
fn stored_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The stored publication date as `YYYY-MM-DD`.
fn stored_date(doc: &TantivyDocument, schema: &NewsSchema) -> Option<String> {
    doc.get_first(schema.published)
        .and_then(|v| v.as_datetime())
        .and_then(date_of)
        .map(|date| date.to_string())
}

/// Builds an article hit from a stored article document.
fn hit(
    schema: &NewsSchema,
    doc: &TantivyDocument,
    score: f32,
    generator: Option<&SnippetGenerator>,
) -> Hit {
    let text = |field| stored_text(doc, field);
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
        published: stored_date(doc, schema),
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

/// Builds a quote hit from a stored quote document.
fn quote_hit(
    schema: &NewsSchema,
    doc: &TantivyDocument,
    score: f32,
    generator: Option<&SnippetGenerator>,
) -> QuoteHit {
    let text = |field| stored_text(doc, field);
    let quote = text(schema.quote).unwrap_or_default();
    QuoteHit {
        snippet: snippet::snippet(generator, &quote),
        text: quote,
        speaker: text(schema.speakers),
        unnamed: text(schema.unnamed),
        kind: text(schema.quote_kind).unwrap_or_default(),
        cue: text(schema.cue),
        id: text(schema.id).unwrap_or_default(),
        title: text(schema.article_title).unwrap_or_default(),
        source: text(schema.source),
        published: stored_date(doc, schema),
        score,
        position: doc
            .get_first(schema.position)
            .and_then(|v| v.as_u64())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
