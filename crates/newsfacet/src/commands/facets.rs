//! `newsfacet facets`: the values of one facet with their counts, or a date histogram.

use std::io::Write;
use std::process::ExitCode;

use newsfacet_index::NewsIndex;
use newsfacet_query::{DateHistogram, SearchRequest};

use crate::cli::FacetsArgs;
use crate::{gazetteers, render};

/// The widest bar of a histogram, in characters.
const BAR_WIDTH: u64 = 40;

pub fn run(args: FacetsArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let request = SearchRequest {
        query: args.query,
        text: (&args.text).into(),
        filters: super::filters(&args.filters),
        dates: (&args.dates).into(),
        count_by: args.count_by.into(),
        ..SearchRequest::default()
    };
    let Some(field) = args.field.facet() else {
        let histogram =
            newsfacet_query::date_histogram(&index, &gazetteer, &request, args.interval.into())
                .map_err(super::usage_or_failure)?;
        let mut out = anstream::stdout().lock();
        if args.json {
            serde_json::to_writer(&mut out, &histogram)?;
            writeln!(out)?;
        } else {
            write_histogram(&mut out, &histogram)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let list = newsfacet_query::facet_values(
        &index,
        &gazetteer,
        &request,
        field,
        args.top,
        args.prefix.as_deref(),
    )
    .map_err(super::usage_or_failure)?;
    super::report_filters(&list.unmatched_filters, &list.filters);
    if args.json {
        println!("{}", serde_json::to_string(&list)?);
    } else {
        render::facet_list(&mut anstream::stdout().lock(), &list)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per bucket: its first day, a bar scaled to the largest bucket, the count.
fn write_histogram(out: &mut impl Write, histogram: &DateHistogram) -> std::io::Result<()> {
    let largest = histogram.buckets.iter().map(|b| b.count).max().unwrap_or(0);
    let digits = largest.to_string().len();
    for bucket in &histogram.buckets {
        let width = if largest == 0 {
            0
        } else {
            (bucket.count * BAR_WIDTH).div_ceil(largest)
        };
        let bar = "█".repeat(usize::try_from(width).unwrap_or(0));
        writeln!(out, "{}  {:>digits$}  {bar}", bucket.start, bucket.count)?;
    }
    if histogram.undated > 0 {
        writeln!(out, "undated     {:>digits$}", histogram.undated)?;
    }
    Ok(())
}
