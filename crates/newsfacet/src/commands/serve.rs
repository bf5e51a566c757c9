//! `newsfacet serve`: the HTTP API and the page over an index (see the `newsfacet_serve`
//! crate). Read-only: the index is opened, never written, and new commits are seen as they
//! land.

use std::process::ExitCode;
use std::time::Duration;

use newsfacet_index::NewsIndex;

use crate::cli::ServeArgs;
use crate::gazetteers;

/// Serves until interrupted; fails when the index cannot be opened or the address bound.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let options = newsfacet_serve::Options {
        host: args.host,
        port: args.port,
        cors: args.cors,
        timeout: Duration::from_millis(args.timeout_ms),
        bundled_gazetteer: gazetteers::BUNDLED_VERSION.to_string(),
    };
    newsfacet_serve::run(index, gazetteer, options)?;
    Ok(ExitCode::SUCCESS)
}
