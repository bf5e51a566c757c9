//! `newsfacet facets`: the values of one facet with their counts.

use std::process::ExitCode;

use newsfacet_index::NewsIndex;
use newsfacet_query::SearchRequest;

use crate::cli::FacetsArgs;
use crate::{gazetteers, render};

pub fn run(args: FacetsArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let request = SearchRequest {
        query: args.query,
        filters: super::filters(&args.filters),
        dates: (&args.dates).into(),
        count_by: args.count_by.into(),
        ..SearchRequest::default()
    };
    let list =
        newsfacet_query::facet_values(
            &index,
            &gazetteer,
            &request,
            args.field.into(),
            args.top,
            None,
        )
            .map_err(super::usage_or_failure)?;
    super::warn_unmatched(&list.unmatched_filters);
    if args.json {
        println!("{}", serde_json::to_string(&list)?);
    } else {
        render::facet_list(&list);
    }
    Ok(ExitCode::SUCCESS)
}
