//! The three searches the commands run, each one pass of [`crate::find::find`] followed by
//! loading the hits of the page.

use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{DocKind, FacetField, NewsIndex};

use crate::error::QueryError;
use crate::find::{find, prepare};
use crate::histogram::{DateHistogram, DayCounts, Interval};
use crate::hits::{article_hit, load_hits, quote_hit, story_copy};
use crate::request::SearchRequest;
use crate::results::{FacetList, QuoteResults, ResultFacets, SearchResults};
use crate::tally::shown;

/// How many values of each dimension [`SearchResults::facets`] lists.
pub const SEARCH_FACET_TOP: usize = 10;

/// Runs a search of articles: ranked hits (by score, or by date descending without query
/// text or with [`SortOrder::Date`](crate::SortOrder::Date)), the total number of matches
/// and facet counts over all of them. With [`SearchRequest::collapse`], one hit per story
/// with its other copies.
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
        shown(index, &searcher, field, counts)
    };
    Ok(SearchResults {
        total: found.total,
        stories: found.stories,
        hits,
        facets: ResultFacets {
            speaker: top(FacetField::Speaker)?,
            country: top(FacetField::Country)?,
            source: top(FacetField::Source)?,
            origin: top(FacetField::Origin)?,
        },
        unmatched_filters: found.unmatched,
        filters: found.resolved,
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
        filters: found.resolved,
    })
}

/// The `top` most frequent values of `field` among articles matching the request's query,
/// filters, dates and story (all of them when `top` is 0), counted per
/// [`SearchRequest::count_by`], and the summed count of the rest. With `prefix`, only values
/// having a word that starts with it (folded: "wa" lists "Wang Yi" and "Lech Wałęsa"), for
/// finding a value among thousands. Paging, order and collapsing do not apply. A filter on
/// `field` itself does not narrow its own counts (multi-select).
pub fn facet_values(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
    field: FacetField,
    top: usize,
    prefix: Option<&str>,
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
    if let Some(prefix) = prefix.map(|p| field.group_key(p)).filter(|p| !p.is_empty()) {
        values.retain(|count| {
            count
                .value
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word.starts_with(&prefix))
                || count.value.starts_with(&prefix)
        });
    }
    let rest = if top == 0 || values.len() <= top {
        Vec::new()
    } else {
        values.split_off(top)
    };
    Ok(FacetList {
        field,
        count_by: request.count_by,
        total: found.total,
        values: shown(index, &searcher, field, values)?,
        other: rest.iter().map(|c| c.count).sum(),
        unmatched_filters: found.unmatched,
        filters: found.resolved,
    })
}

/// The matching articles per day, week or month of publication (see [`facet_values`] for
/// what matches).
pub fn date_histogram(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    request: &SearchRequest,
    interval: Interval,
) -> Result<DateHistogram, QueryError> {
    let searcher = index.searcher()?;
    let prepared = prepare(index, &searcher, gazetteer, DocKind::Article, request)?;
    let days = searcher
        .search(&*prepared.query(None), &DayCounts)
        .map_err(|e| QueryError::Index(index.error(e)))?;
    Ok(DateHistogram::from_days(interval, days))
}
