//! Searching a newsfacet index: text queries, facet filters, facet counts and snippets.
//!
//! [`search`] answers a [`SearchRequest`] with ranked, paginated [`Hit`]s plus facet counts
//! over every matching article; [`search_quotes`] answers the same request over the text of
//! quotes, with [`QuoteHit`]s; [`facet_values`] lists one facet dimension's values with
//! counts. A request can bound the publication date ([`DateRange`]), order by date
//! ([`SortOrder`]), collapse syndicated copies into one hit per story and count facet values
//! once per story ([`CountBy`]); stories are detected at indexing time (see
//! `newsfacet_tag::story`). Filter values are resolved against the values actually in the
//! index, through case and diacritic folding and gazetteer aliases (see
//! [`resolve::resolve_values`]).
//!
//! Every query selects one [`DocKind`] of the index: articles for `search` and `facet_values`,
//! quotes for `search_quotes`. Scores use BM25 statistics of that kind only
//! ([`KindStatistics`]), so quote documents do not change how articles rank and vice versa.

#![warn(missing_docs)]

pub mod resolve;
pub mod snippet;
mod stories;

use std::collections::BTreeMap;
use std::ops::Bound;

pub use chrono::NaiveDate;
use newsfacet_index::{
    columns, ArticleDoc, DocKind, FacetField, IndexError, NewsIndex, NewsSchema, QuoteDoc,
    StoredDocument,
};
use newsfacet_tag::Gazetteer;
use serde::Serialize;
use tantivy::collector::sort_key::SortBySimilarityScore;
use tantivy::collector::{Collector, Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    Bm25StatisticsProvider, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyError, Term};

use crate::stories::{Rank, StoryFacetCollector, StoryFacetCounts, StoryGroups};

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

/// Inclusive bounds on the publication date. Once either bound is set, undated documents no
/// longer match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day included.
    pub since: Option<NaiveDate>,
    /// The last day included.
    pub until: Option<NaiveDate>,
}

impl DateRange {
    /// Whether neither bound is set.
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }
}

/// A date as the command line and the date bounds take it: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; expected YYYY-MM-DD, e.g. 2026-02-01"))
}

/// The order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// By relevance score; without query text, by date as there is no score.
    #[default]
    Relevance,
    /// By publication date, newest first, undated last; then by score.
    Date,
}

/// What a facet count counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountBy {
    /// Each matching article once.
    #[default]
    Article,
    /// Each story (an article and its syndicated copies) once: a value counts the distinct
    /// stories among the matching articles that have it.
    Story,
}

impl CountBy {
    /// Whether this is the default, [`CountBy::Article`].
    pub fn is_article(&self) -> bool {
        *self == CountBy::Article
    }
}

/// One search, of articles ([`search`]) or of quotes ([`search_quotes`]), or the selection
/// of articles whose facet values [`facet_values`] counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text in tantivy syntax; `None`, blank or `*` matches every document, newest first.
    pub query: Option<String>,
    /// Facet filters.
    pub filters: Filters,
    /// Publication date bounds.
    pub dates: DateRange,
    /// Only the articles of this story (articles only: quotes have no story).
    pub story: Option<String>,
    /// Order of the hits.
    pub sort: SortOrder,
    /// Articles only: one hit per story, the best copy under `sort`, with the other matching
    /// copies listed in [`Hit::also`]; `limit` and `offset` then count stories.
    pub collapse: bool,
    /// What facet counts count (articles only).
    pub count_by: CountBy,
    /// Page size; 0 returns counts without hits.
    pub limit: usize,
    /// Number of hits to skip.
    pub offset: usize,
}

/// One value of a facet dimension and the number of matching articles (or stories, see
/// [`CountBy`]) that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The facet value (a canonical name).
    pub value: String,
    /// Matching articles (or stories) with this value.
    pub count: u64,
}

/// Another matching copy of a collapsed hit's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryCopy {
    /// Stable article id.
    pub id: String,
    /// Canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the story came from, if known.
    pub origin: Option<String>,
    /// Title.
    pub title: String,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
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
    /// The wire or outlet the story came from (e.g. "Reuters" for a republished Reuters
    /// story), if known.
    pub origin: Option<String>,
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
    /// The article's story: the id of the first indexed article that this one is a near-copy
    /// of, or its own id. Copies of one wire story share it.
    pub story: String,
    /// With `collapse`: the number of matching articles of the story, this one included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<u64>,
    /// With `collapse`: the story's other matching articles, in result order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<Vec<StoryCopy>>,
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
    /// The wire or outlet the article's story came from, if known.
    pub origin: Option<String>,
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
    /// Top origins (the wires stories came from).
    pub origin: Vec<FacetCount>,
}

impl ResultFacets {
    /// The dimensions listed in search results, in output order.
    pub const FIELDS: [FacetField; 4] = [
        FacetField::Speaker,
        FacetField::Country,
        FacetField::Source,
        FacetField::Origin,
    ];

    /// The counts of one listed dimension; `None` for dimensions not listed.
    pub fn get(&self, field: FacetField) -> Option<&[FacetCount]> {
        match field {
            FacetField::Speaker => Some(&self.speaker),
            FacetField::Country => Some(&self.country),
            FacetField::Source => Some(&self.source),
            FacetField::Origin => Some(&self.origin),
            _ => None,
        }
    }

    /// `(dimension name, counts)` pairs in output order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Vec<FacetCount>)> {
        self.into_iter()
    }
}

impl<'a> IntoIterator for &'a ResultFacets {
    type Item = (&'static str, &'a Vec<FacetCount>);
    type IntoIter = std::array::IntoIter<(&'static str, &'a Vec<FacetCount>), 4>;

    fn into_iter(self) -> Self::IntoIter {
        [
            ("speaker", &self.speaker),
            ("country", &self.country),
            ("source", &self.source),
            ("origin", &self.origin),
        ]
        .into_iter()
    }
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of matching articles (all pages).
    pub total: u64,
    /// Number of distinct stories among the matching articles; given with `collapse` (hits
    /// then page over stories) or `count_by: story`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stories: Option<u64>,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matching articles (or stories, see [`SearchRequest::count_by`]).
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
    /// What the counts count; only given when it is `story`.
    #[serde(skip_serializing_if = "CountBy::is_article")]
    pub count_by: CountBy,
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
    /// The date bounds exclude every day: the user's to fix.
    #[error("the date range is empty: --since {since} is after --until {until}")]
    EmptyDateRange {
        /// The first day asked for.
        since: NaiveDate,
        /// The last day asked for.
        until: NaiveDate,
    },
    /// The index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl QueryError {
    /// Whether the error is a usage error (bad query syntax or date range) rather than a
    /// failure.
    pub fn is_usage_error(&self) -> bool {
        matches!(
            self,
            QueryError::Syntax { .. } | QueryError::EmptyDateRange { .. }
        )
    }
}

/// Runs a search of articles: ranked hits (by score, or by date descending without query
/// text or with [`SortOrder::Date`]), the total number of matches and facet counts over all
/// of them. With [`SearchRequest::collapse`], one hit per story with its other copies.
pub fn search(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
) -> Result<SearchResults, QueryError> {
    let searcher = index.searcher()?;
    let found = find(
        index,
        &searcher,
        gazetteer,
        DocKind::Article,
        request,
        &ResultFacets::FIELDS,
    )?;
    let mut hits = load_hits(index, &searcher, &found, DocKind::Article, article_hit)?;
    for (hit, ranked) in hits.iter_mut().zip(&found.ranked) {
        if let Some(copies) = &ranked.copies {
            let also = copies
                .iter()
                .map(|&address| Ok(story_copy(index.load(&searcher, address)?)))
                .collect::<Result<Vec<_>, QueryError>>()?;
            hit.copies = Some(also.len() as u64 + 1);
            hit.also = Some(also);
        }
    }

    let top = |field: FacetField| {
        let mut counts = found
            .counts
            .as_ref()
            .map(|counts| counts.sorted(field))
            .unwrap_or_default();
        counts.truncate(SEARCH_FACET_TOP);
        counts
    };
    Ok(SearchResults {
        total: found.total,
        stories: found.stories,
        hits,
        facets: ResultFacets {
            speaker: top(FacetField::Speaker),
            country: top(FacetField::Country),
            source: top(FacetField::Source),
            origin: top(FacetField::Origin),
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
    let found = find(index, &searcher, gazetteer, DocKind::Quote, request, &[])?;
    let hits = load_hits(index, &searcher, &found, DocKind::Quote, quote_hit)?;
    Ok(QuoteResults {
        total: found.total,
        hits,
        unmatched_filters: found.unmatched,
    })
}

/// The `top` most frequent values of `field` among articles matching the request's query,
/// filters, dates and story (all of them when `top` is 0), counted per
/// [`SearchRequest::count_by`], and the summed count of the rest. Paging, order and collapsing
/// do not apply.
pub fn facet_values(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
    field: FacetField,
    top: usize,
) -> Result<FacetList, QueryError> {
    let searcher = index.searcher()?;
    let request = SearchRequest {
        limit: 0,
        offset: 0,
        collapse: false,
        ..request.clone()
    };
    let found = find(
        index,
        &searcher,
        gazetteer,
        DocKind::Article,
        &request,
        &[field],
    )?;
    let mut values = found
        .counts
        .map(|counts| counts.sorted(field))
        .unwrap_or_default();
    let rest = if top == 0 || values.len() <= top {
        Vec::new()
    } else {
        values.split_off(top)
    };
    Ok(FacetList {
        field,
        count_by: request.count_by,
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
    /// Distinct stories among the matches, when collapsing or counting by story.
    stories: Option<u64>,
    /// The requested page; score 0 without query text.
    ranked: Vec<Ranked>,
    /// Facet counts over every match, when facet dimensions were asked for.
    counts: Option<Tally>,
    /// The parsed query text, for snippets.
    text: Option<Box<dyn Query>>,
    /// `(dimension, value)` filters that matched no indexed value.
    unmatched: Vec<(String, String)>,
}

/// One hit of a found page.
struct Ranked {
    score: f32,
    address: DocAddress,
    /// When collapsing: the other matching documents of the hit's story, best first.
    copies: Option<Vec<DocAddress>>,
}

impl Ranked {
    fn single((score, address): (f32, DocAddress)) -> Self {
        Ranked {
            score,
            address,
            copies: None,
        }
    }
}

/// Facet counts per article or per story.
enum Tally {
    Articles(FacetCounts),
    Stories(StoryFacetCounts),
}

impl Tally {
    /// All values of one dimension, by count descending then value ascending.
    fn sorted(&self, field: FacetField) -> Vec<FacetCount> {
        match self {
            Tally::Articles(counts) => article_counts(counts, field),
            Tally::Stories(counts) => by_count(counts.counts(field)),
        }
    }
}

/// All values of one dimension in per-article `counts`, by count descending then value
/// ascending.
fn article_counts(counts: &FacetCounts, field: FacetField) -> Vec<FacetCount> {
    by_count(
        counts
            .get(field.root())
            .filter_map(|(facet, count)| {
                FacetField::split(facet).map(|(_, value)| FacetCount { value, count })
            })
            .collect(),
    )
}

/// Sorts facet values by count descending then value ascending.
fn by_count(mut values: Vec<FacetCount>) -> Vec<FacetCount> {
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values
}

/// The collectors of facet counts for `fields` (none when empty), per article or per story.
type TallyCollector = (Option<FacetCollector>, Option<StoryFacetCollector>);
/// What a [`TallyCollector`] collects.
type TallyFruit = (Option<FacetCounts>, Option<StoryFacetCounts>);

fn tally_collector(fields: &[FacetField], count_by: CountBy) -> TallyCollector {
    if fields.is_empty() {
        return (None, None);
    }
    match count_by {
        CountBy::Article => (Some(columns::facet_counter(fields)), None),
        CountBy::Story => (
            None,
            Some(StoryFacetCollector {
                fields: fields.to_vec(),
            }),
        ),
    }
}

fn tally(fruit: TallyFruit) -> Option<Tally> {
    match fruit {
        (Some(counts), _) => Some(Tally::Articles(counts)),
        (None, Some(counts)) => Some(Tally::Stories(counts)),
        (None, None) => None,
    }
}

/// The one search path of every command: parses the text for `kind`, resolves the filters,
/// and collects the count, the requested page and facet counts of `facets` in one pass over
/// the documents of `kind`.
///
/// The page is by score with query text and [`SortOrder::Relevance`], else by date
/// descending; with `collapse` (articles only) it is a page of stories, each hit the best
/// copy in that order.
fn find(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    request: &SearchRequest,
    facets: &[FacetField],
) -> Result<Found, QueryError> {
    let schema = index.schema();
    let text = parse_text(index, kind, request.query.as_deref())?;
    let ResolvedFilters {
        clauses: mut filter,
        unmatched,
    } = filter_query(index, searcher, gazetteer, kind, &request.filters)?;
    filter.extend(date_clause(schema, request.dates)?);
    filter.extend(
        request
            .story
            .as_deref()
            .map(|story| story_clause(schema, story)),
    );
    let query = combine(schema, kind, text.as_ref().map(|q| q.box_clone()), filter);
    let tantivy_error = |e| QueryError::Index(index.error(e));
    let statistics = KindStatistics::new(searcher, schema, kind).map_err(tantivy_error)?;
    let run = Run {
        searcher,
        query: &*query,
        statistics: &statistics,
        tally: tally_collector(facets, request.count_by),
    };
    let rank = if text.is_some() && request.sort == SortOrder::Relevance {
        Rank::Score
    } else {
        Rank::Date
    };
    let page = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
    let mut stories = None;
    let (total, ranked, counts) = if request.collapse && kind == DocKind::Article {
        let (total, groups, counts) = run.collect(StoryGroups { rank }).map_err(tantivy_error)?;
        stories = Some(groups.len() as u64);
        let ranked = groups
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .filter_map(|group| {
                let mut members = group.into_iter();
                let best = members.next()?;
                Some(Ranked {
                    score: best.score,
                    address: best.address,
                    copies: Some(members.map(|member| member.address).collect()),
                })
            })
            .collect();
        (total, ranked, counts)
    } else if request.limit == 0 {
        // Counts only: a second `Count` stands in for the page.
        let (total, _, counts) = run.collect(Count).map_err(tantivy_error)?;
        (total, Vec::new(), counts)
    } else if rank == Rank::Score {
        let (total, top, counts) = run.collect(page.order_by_score()).map_err(tantivy_error)?;
        (total, top.into_iter().map(Ranked::single).collect(), counts)
    } else {
        let by_date = (
            (columns::published_sort_key(), Order::Desc),
            (SortBySimilarityScore, Order::Desc),
        );
        let (total, top, counts) = run.collect(page.order_by(by_date)).map_err(tantivy_error)?;
        let ranked = top
            .into_iter()
            .map(|((_, score), address)| Ranked::single((score, address)))
            .collect();
        (total, ranked, counts)
    };
    let counts = tally(counts);
    if let Some(Tally::Stories(counts)) = &counts {
        stories = Some(counts.stories());
    }
    Ok(Found {
        total: total as u64,
        stories,
        ranked,
        counts,
        text,
        unmatched,
    })
}

/// One search of [`find`]: the query with its statistics and the facet collectors, run with
/// whichever page collector the request needs.
struct Run<'a> {
    searcher: &'a Searcher,
    query: &'a dyn Query,
    statistics: &'a KindStatistics<'a>,
    tally: TallyCollector,
}

impl Run<'_> {
    /// The match count, the page collector's fruit and the facet counts, in one pass.
    fn collect<C: Collector>(self, page: C) -> tantivy::Result<(usize, C::Fruit, TallyFruit)> {
        self.searcher.search_with_statistics_provider(
            self.query,
            &(Count, page, self.tally),
            self.statistics,
        )
    }
}

/// The clause of the date bounds, `None` without bounds; an empty range is a usage error.
fn date_clause(
    schema: &NewsSchema,
    dates: DateRange,
) -> Result<Option<Box<dyn Query>>, QueryError> {
    if let (Some(since), Some(until)) = (dates.since, dates.until) {
        if since > until {
            return Err(QueryError::EmptyDateRange { since, until });
        }
    }
    if dates.is_empty() {
        return Ok(None);
    }
    // Dates are stored as midnight UTC of the day, so inclusive midnight bounds are exact.
    let bound = |day: Option<NaiveDate>| match day {
        Some(day) => Bound::Included(schema.published_term(day)),
        None => Bound::Unbounded,
    };
    let range = RangeQuery::new(bound(dates.since), bound(dates.until));
    Ok(Some(Box::new(ConstScoreQuery::new(Box::new(range), 0.0))))
}

/// The clause selecting the articles of one story, scoring 0.
fn story_clause(schema: &NewsSchema, story: &str) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(
            schema.story_term(story),
            IndexRecordOption::Basic,
        )),
        0.0,
    ))
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

/// The field whose text a hit of `kind` shows a snippet of: the body or the quote.
fn snippet_field(schema: &NewsSchema, kind: DocKind) -> Field {
    match kind {
        DocKind::Article => schema.body,
        DocKind::Quote => schema.quote,
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
    let collector = columns::facet_counter(&fields);
    let indexed = searcher
        .search(&kind_query(index.schema(), kind), &collector)
        .map_err(|e| index.error(e))?;

    let schema = index.schema();
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut unmatched = Vec::new();
    for field in fields {
        let known: Vec<String> = article_counts(&indexed, field)
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
            terms.extend(values.iter().map(|value| schema.facet_term(field, value)));
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

/// Loads the stored documents of the found page of `kind` as typed views and builds a hit of
/// each with `build`, with snippets of the kind's main text.
fn load_hits<D: StoredDocument, T>(
    index: &NewsIndex,
    searcher: &Searcher,
    found: &Found,
    kind: DocKind,
    build: fn(D, f32, Option<&SnippetGenerator>) -> T,
) -> Result<Vec<T>, QueryError> {
    let field = snippet_field(index.schema(), kind);
    let generator = snippet_generator(index, searcher, found.text.as_deref(), field)?;
    found
        .ranked
        .iter()
        .map(|ranked| {
            let doc = index.load::<D>(searcher, ranked.address)?;
            Ok(build(doc, ranked.score, generator.as_ref()))
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

/// Builds an article hit from a stored article. Its story defaults to its own id, and its
/// path is only shown when there is no URL to show instead.
fn article_hit(doc: ArticleDoc, score: f32, generator: Option<&SnippetGenerator>) -> Hit {
    let ArticleDoc {
        id,
        title,
        body,
        published,
        source,
        origin,
        url,
        path,
        speakers,
        countries,
        story,
    } = doc;
    Hit {
        story: story.unwrap_or_else(|| id.clone()),
        copies: None,
        also: None,
        id,
        title,
        source,
        origin,
        published: published.map(|date| date.to_string()),
        score,
        snippet: snippet::snippet(generator, &body),
        speakers,
        countries,
        path: if url.is_none() { path } else { None },
        url,
    }
}

/// The summary of another copy of a hit's story.
fn story_copy(doc: ArticleDoc) -> StoryCopy {
    StoryCopy {
        id: doc.id,
        source: doc.source,
        origin: doc.origin,
        title: doc.title,
        published: doc.published.map(|date| date.to_string()),
    }
}

/// Builds a quote hit from a stored quote, with its article's title, source and date.
fn quote_hit(doc: QuoteDoc, score: f32, generator: Option<&SnippetGenerator>) -> QuoteHit {
    QuoteHit {
        snippet: snippet::snippet(generator, &doc.text),
        text: doc.text,
        speaker: doc.speaker,
        unnamed: doc.unnamed,
        kind: doc.kind,
        cue: doc.cue,
        id: doc.article_id,
        title: doc.article_title,
        source: doc.source,
        origin: doc.origin,
        published: doc.published.map(|date| date.to_string()),
        score,
        position: doc.position,
    }
}

#[cfg(test)]
mod tests;
