//! The bounds on what one request may ask for, so that no request can tie up the server.
//! Going over one is a 400 naming the bound, except time: a request that takes longer than
//! [`REQUEST_TIMEOUT`] gets a 503.

use std::time::Duration;

/// The longest query text, filter value, prefix, story or article id, in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// The most filter values (`speaker`, `not-country`, …) in one request, all flags together.
pub const MAX_FILTER_VALUES: usize = 100;
/// The largest page (`limit`) of `/api/search` and `/api/quotes`.
pub const MAX_LIMIT: usize = 200;
/// The most hits skipped (`offset`).
pub const MAX_OFFSET: usize = 10_000;
/// The most values listed (`top`) by `/api/facets` and `/api/stats`.
pub const MAX_TOP: usize = 1_000;
/// The longest a request may take, by default.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// `limit` when not given, as `newsfacet search --limit`.
pub const DEFAULT_LIMIT: usize = 10;
/// `top` of `/api/facets` when not given, as `newsfacet facets --top`.
pub const DEFAULT_FACET_TOP: usize = 20;
/// `top` of `/api/stats` when not given, as `newsfacet stats --top`.
pub const DEFAULT_STATS_TOP: usize = 5;

/// The most queries run at once: two per core, so the cores stay busy while one query waits
/// on the disk, and requests beyond that queue (within their timeout) instead of piling
/// threads onto a loaded machine.
pub fn max_concurrent_queries() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get() * 2)
}
