//! `newsfacet quotes`: ranked quotes with highlighted snippets, their speakers and articles.

use std::process::ExitCode;

use crate::cli::QuotesArgs;
use crate::render;

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let (gazetteer, index, request) = super::open_request(args.query, &args.options)?;
    let results = newsfacet_query::search_quotes(&index, &gazetteer, &request)
        .map_err(super::usage_or_failure)?;
    super::warn_unmatched(&results.unmatched_filters);
    if args.options.json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        render::quote_results(&results, request.offset);
    }
    Ok(ExitCode::SUCCESS)
}
