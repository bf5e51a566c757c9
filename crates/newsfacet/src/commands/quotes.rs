//! `newsfacet quotes`: ranked quotes with highlighted snippets, their speakers and articles.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::QuotesArgs;
use crate::render;

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let (gazetteer, index, mut request) = super::open_request(args.query, &args.options)?;
    if let Some(format) = args.script.format {
        let fields = super::script::fields(&args.script.fields, super::script::QUOTES)?;
        let page_size = args.script.page_size;
        super::script::stream(format, &fields, page_size, &mut request, |request| {
            let results = newsfacet_query::search_quotes(&index, &gazetteer, request)
                .map_err(super::usage_or_failure)?;
            Ok(super::script::Page {
                hits: results.hits,
                unmatched: results.unmatched_filters,
                filters: results.filters,
            })
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut results = newsfacet_query::search_quotes(&index, &gazetteer, &request)
        .map_err(super::usage_or_failure)?;
    super::report_filters(&results.unmatched_filters, &results.filters);
    if args.options.json {
        // Scripts get the text as written: markers kept, entities decoded (see the README).
        results.unescape_snippets();
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &results)?;
        writeln!(out)?;
    } else {
        render::quote_results(&mut anstream::stdout().lock(), &results, request.offset)?;
    }
    Ok(ExitCode::SUCCESS)
}
