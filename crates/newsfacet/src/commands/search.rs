//! `newsfacet search`: ranked hits with snippets, plus facet counts.

use std::process::ExitCode;

use crate::cli::SearchArgs;
use crate::render;

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let (gazetteer, index, mut request) = super::open_request(Some(args.query), &args.options)?;
    request.collapse = args.collapse;
    request.count_by = args.count_by.into();
    request.story = args.story;
    let results =
        newsfacet_query::search(&index, &gazetteer, &request).map_err(super::usage_or_failure)?;
    super::warn_unmatched(&results.unmatched_filters);
    if args.options.json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        render::search_results(&results, &request);
    }
    Ok(ExitCode::SUCCESS)
}
