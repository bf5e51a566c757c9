//! The one search path of every command: one pass over the documents of a kind that counts
//! the matches, collects the page and tallies facet values.

use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{columns, DocKind, FacetField, NewsIndex, NewsSchema};
use tantivy::collector::sort_key::SortBySimilarityScore;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Searcher};

use crate::clauses::{combine, date_clause, filter_query, story_clause, ResolvedFilters};
use crate::error::QueryError;
use crate::request::{SearchRequest, SortOrder};
use crate::results::ResolvedFilter;
use crate::statistics::KindStatistics;
use crate::stories::{Rank, StoryGroups};
use crate::syntax;
use crate::tally::{tally, tally_collector, Tally, TallyCollector, TallyFruit};

/// What [`find`] found: a ranked page, the total, and what presenting it needs.
pub(crate) struct Found {
    pub total: u64,
    /// Distinct stories among the matches, when collapsing or counting by story.
    pub stories: Option<u64>,
    /// The requested page; score 0 without query text.
    pub ranked: Vec<Ranked>,
    /// Facet counts over every match, when facet dimensions were asked for.
    pub counts: Option<Tally>,
    /// The parsed query text, for snippets.
    pub text: Option<Box<dyn Query>>,
    /// `(dimension, value)` filters that matched no indexed value.
    pub unmatched: Vec<(String, String)>,
    /// How each filter value was read.
    pub resolved: Vec<ResolvedFilter>,
}

/// One hit of a found page.
pub(crate) struct Ranked {
    pub score: f32,
    pub address: DocAddress,
    /// When collapsing: the other matching documents of the hit's story, best first.
    pub copies: Option<Vec<DocAddress>>,
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

/// The one search path of every command: parses the text for `kind`, resolves the filters,
/// and collects the count, the requested page and facet counts of `facets` in one pass over
/// the documents of `kind`.
///
/// The page is by score with query text and [`SortOrder::Relevance`], else by date
/// descending; with `collapse` (articles only) it is a page of stories, each hit the best
/// copy in that order.
pub(crate) fn find(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    request: &SearchRequest,
    facets: &[FacetField],
) -> Result<Found, QueryError> {
    let schema = index.schema();
    let prepared = prepare(index, searcher, gazetteer, kind, request)?;
    let query_without = |skip: Option<FacetField>| prepared.query(skip);
    let text = prepared.text.as_ref().map(|q| q.box_clone());
    let filters = &prepared.filters;
    let query = query_without(None);
    let tantivy_error = |e| QueryError::Index(index.error(e));
    let statistics = KindStatistics::new(searcher, schema, kind).map_err(tantivy_error)?;
    // Dimensions without a filter of their own are counted in the main pass.
    let (own_pass, main_pass): (Vec<FacetField>, Vec<FacetField>) =
        facets.iter().partition(|&&field| filters.filters(field));
    let run = Run {
        searcher,
        query: &*query,
        statistics: &statistics,
        tally: tally_collector(&main_pass, request.count_by),
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
    let mut counts = tally(counts, &main_pass);
    if let Some(counted) = counts.stories() {
        stories = Some(counted);
    }
    // Multi-select: each filtered dimension counted under the other dimensions' filters.
    for field in own_pass {
        let query = query_without(Some(field));
        let run = Run {
            searcher,
            query: &*query,
            statistics: &statistics,
            tally: tally_collector(&[field], request.count_by),
        };
        let (_, _, fruit) = run.collect(Count).map_err(tantivy_error)?;
        counts.merge(tally(fruit, &[field]));
    }
    Ok(Found {
        total: total as u64,
        stories,
        ranked,
        counts: (!facets.is_empty()).then_some(counts),
        text,
        unmatched: prepared.filters.unmatched,
        resolved: prepared.filters.resolved,
    })
}

/// A request made into queries: the compiled text, the facet filters and the bounds, from
/// which the query of each pass is assembled.
pub(crate) struct Prepared<'a> {
    schema: &'a NewsSchema,
    kind: DocKind,
    /// The compiled query text; `None` matches everything.
    pub text: Option<Box<dyn Query>>,
    /// The facet filters, one clause per dimension.
    pub filters: ResolvedFilters,
    /// Date and story bounds, which apply to every pass.
    bounds: Vec<Box<dyn Query>>,
}

impl Prepared<'_> {
    /// The query of every filter but `skip`'s (all of them for `None`): facet filters apply to
    /// all passes but the one counting the dimension itself.
    pub fn query(&self, skip: Option<FacetField>) -> Box<dyn Query> {
        let mut clauses = self.filters.clauses_except(skip);
        clauses.extend(self.bounds.iter().map(|clause| clause.box_clone()));
        combine(
            self.schema,
            self.kind,
            self.text.as_ref().map(|q| q.box_clone()),
            clauses,
        )
    }
}

/// Compiles a request's text and resolves its filters and bounds for documents of `kind`.
pub(crate) fn prepare<'a>(
    index: &'a NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    request: &SearchRequest,
) -> Result<Prepared<'a>, QueryError> {
    let schema = index.schema();
    let compiled = syntax::compile(
        index,
        searcher,
        gazetteer,
        kind,
        request.query.as_deref(),
        request.text,
    )?;
    let mut filters = filter_query(index, searcher, gazetteer, kind, &request.filters)?;
    filters.unmatched.extend(compiled.unmatched);
    let mut bounds: Vec<Box<dyn Query>> = Vec::new();
    bounds.extend(date_clause(schema, request.dates)?);
    bounds.extend(
        request
            .story
            .as_deref()
            .map(|story| story_clause(schema, story)),
    );
    Ok(Prepared {
        schema,
        kind,
        text: compiled.query,
        filters,
        bounds,
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
