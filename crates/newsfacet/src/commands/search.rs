//! `newsfacet search`: ranked hits with snippets, plus facet counts.

use std::process::ExitCode;

use newsfacet_index::NewsIndex;
use newsfacet_query::{QueryError, SearchRequest};

use crate::cli::SearchArgs;
use crate::{gazetteers, render, UsageError};

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let request = SearchRequest {
        query: Some(args.query.clone()),
        filters: super::filters(&args.filters),
        limit: args.limit,
        offset: args.offset,
    };
    let results =
        newsfacet_query::search(&index, &gazetteer, &request).map_err(usage_or_failure)?;
    super::warn_unmatched(&results.unmatched_filters);
    if args.json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        render::search_results(&results, args.offset);
    }
    Ok(ExitCode::SUCCESS)
}

/// Query syntax errors are the user's to fix: exit status 2.
pub fn usage_or_failure(error: QueryError) -> anyhow::Error {
    if error.is_usage_error() {
        UsageError(error.to_string()).into()
    } else {
        error.into()
    }
}
