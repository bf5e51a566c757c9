//! `newsfacet search`: ranked hits with snippets, plus facet counts.

use std::process::ExitCode;

use crate::cli::SearchArgs;
use crate::render;

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let (gazetteer, index, request) = super::open_request(Some(args.query), &args.options)?;
    let results =
        newsfacet_query::search(&index, &gazetteer, &request).map_err(super::usage_or_failure)?;
    super::warn_unmatched(&results.unmatched_filters);
    if args.options.json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        render::search_results(&results, request.offset);
    }
    Ok(ExitCode::SUCCESS)
}
