//! `newsfacet quotes`: ranked quotes with highlighted snippets, their speakers and articles.

use std::process::ExitCode;

use newsfacet_index::NewsIndex;
use newsfacet_query::SearchRequest;

use crate::cli::QuotesArgs;
use crate::{gazetteers, render};

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let request = SearchRequest {
        query: args.query.clone(),
        filters: super::filters(&args.filters),
        limit: args.limit,
        offset: args.offset,
    };
    let results = newsfacet_query::search_quotes(&index, &gazetteer, &request)
        .map_err(super::search::usage_or_failure)?;
    super::warn_unmatched(&results.unmatched_filters);
    if args.json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        render::quote_results(&results, args.offset);
    }
    Ok(ExitCode::SUCCESS)
}
