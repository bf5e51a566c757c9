//! `newsfacet facets`: the values of one facet with their counts.

use std::process::ExitCode;

use newsfacet_index::NewsIndex;

use crate::cli::FacetsArgs;
use crate::{gazetteers, render};

pub fn run(args: FacetsArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let filters = super::filters(&args.filters);
    let list = newsfacet_query::facet_values(
        &index,
        &gazetteer,
        args.query.as_deref(),
        &filters,
        args.field.into(),
        args.top,
    )
    .map_err(super::usage_or_failure)?;
    if args.json {
        println!("{}", serde_json::to_string(&list)?);
    } else {
        render::facet_list(&list);
    }
    Ok(ExitCode::SUCCESS)
}
