//! `newsfacet search`: ranked hits with snippets, plus facet counts.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::SearchArgs;
use crate::render;

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let (gazetteer, index, mut request) = super::open_request(Some(args.query), &args.options)?;
    request.collapse = args.collapse;
    request.count_by = args.count_by.into();
    request.story = args.story;
    if let Some(format) = args.script.format {
        let fields = super::script::fields(&args.script.fields, super::script::SEARCH)?;
        let page_size = args.script.page_size;
        super::script::stream(format, &fields, page_size, &mut request, |request| {
            let results = newsfacet_query::search(&index, &gazetteer, request)
                .map_err(super::usage_or_failure)?;
            Ok(super::script::Page {
                hits: results.hits,
                unmatched: results.unmatched_filters,
                filters: results.filters,
            })
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut results =
        newsfacet_query::search(&index, &gazetteer, &request).map_err(super::usage_or_failure)?;
    super::report_filters(&results.unmatched_filters, &results.filters);
    if args.options.json {
        // Scripts get the text as written: markers kept, entities decoded (see the README).
        results.unescape_snippets();
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &results)?;
        writeln!(out)?;
    } else {
        render::search_results(&mut anstream::stdout().lock(), &results, &request)?;
    }
    Ok(ExitCode::SUCCESS)
}
