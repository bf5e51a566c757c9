//! Searching a newsfacet index: text queries, facet filters, facet counts and snippets.
//!
//! [`search()`] answers a [`SearchRequest`] with ranked, paginated [`Hit`]s plus facet counts
//! over every matching article; [`search_quotes`] answers the same request over the text of
//! quotes, with [`QuoteHit`]s; [`facet_values`] lists one facet dimension's values with
//! counts. A request can bound the publication date ([`DateRange`]), order by date
//! ([`SortOrder`]), collapse syndicated copies into one hit per story and count facet values
//! once per story ([`CountBy`]); stories are detected at indexing time (see
//! `newsfacet_tag::story`). Filter values are resolved against the values actually in the
//! index, through case and diacritic folding and gazetteer aliases (see
//! [`resolve::resolve_values`]).
//!
//! Every query selects one [`DocKind`](newsfacet_index::DocKind) of the index: articles for
//! `search` and `facet_values`, quotes for `search_quotes`. Scores use BM25 statistics of
//! that kind only ([`KindStatistics`]), so quote documents do not change how articles rank
//! and vice versa.
//!
//! Stored documents are read only through the index crate's typed views
//! (`newsfacet_index::ArticleDoc`, `QuoteDoc`) and its column readers, so this crate does not
//! know how documents are laid out.

#![warn(missing_docs)]

mod clauses;
mod error;
mod find;
mod histogram;
mod hits;
mod indexed_values;
mod json;
mod options;
mod request;
pub mod resolve;
mod results;
mod search;
pub mod show;
pub mod snippet;
mod statistics;
mod stories;
pub mod summary;
mod syntax;
mod tally;

pub use chrono::NaiveDate;
pub use error::QueryError;
pub use histogram::{DateBucket, DateHistogram, Interval};
pub use options::{filter_param, FilterParam, Named, FILTER_PARAMS};
pub use request::{
    parse_date, CountBy, DateRange, Filters, Operator, SearchRequest, SortOrder, TextOptions,
    NO_VALUE,
};
pub use results::{
    FacetCount, FacetList, Hit, QuoteHit, QuoteResults, ResolvedFilter, ResultFacets,
    SearchResults, StoryCopy,
};
pub use search::{date_histogram, facet_values, search, search_quotes, SEARCH_FACET_TOP};
pub use statistics::KindStatistics;
pub use summary::{index_stats, IndexStats};

#[cfg(test)]
mod tests;
