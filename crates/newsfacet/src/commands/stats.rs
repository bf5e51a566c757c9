//! `newsfacet stats`: what an index holds, what it weighs on disk, and the versions of the
//! data it depends on. The summary itself is [`newsfacet_query::index_stats`] (shared with
//! `newsfacet serve`); this module renders it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::NewsIndex;
use newsfacet_query::{FacetCount, IndexStats};

use crate::cli::StatsArgs;
use crate::render;

/// Prints what the index holds, as text or one JSON object.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let index = NewsIndex::open(&args.index)?;
    // Facet listing resolves filter values through the gazetteer; with no filter it only
    // needs one, so the bundled one without user files.
    let gazetteer = Gazetteer::bundled().context("loading the bundled gazetteers")?;
    let stats = newsfacet_query::index_stats(
        &index,
        &gazetteer,
        args.top,
        crate::gazetteers::BUNDLED_VERSION,
    )
    .map_err(super::usage_or_failure)?;
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        print(&mut anstream::stdout().lock(), &stats)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Binary units, one decimal below 10 of a unit: "224 KiB", "1.5 MiB".
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

fn print(out: &mut impl Write, stats: &IndexStats) -> std::io::Result<()> {
    let dim = anstyle::Style::new().dimmed();
    writeln!(
        out,
        "Index {} ({} in {})",
        stats.index.dir,
        human_bytes(stats.index.bytes),
        render::count_of(stats.index.files, "file", "files")
    )?;
    let dates = match (&stats.published.first, &stats.published.last) {
        (Some(first), Some(last)) => format!("published {first} to {last}"),
        _ => "none dated".to_string(),
    };
    let rows = [
        (
            "articles",
            format!(
                "{}; {dates}, {} undated",
                stats.articles, stats.published.undated
            ),
        ),
        ("quotes", stats.quotes.to_string()),
        (
            "stories",
            format!(
                "{}, {} with copies ({})",
                stats.stories.stories,
                stats.stories.with_copies,
                render::count_of(stats.stories.articles_in_copies, "article", "articles")
            ),
        ),
        (
            "versions",
            format!(
                "newsfacet {}{}, schema {}, gazetteer {}{}",
                stats.versions.newsfacet,
                match &stats.versions.written_by {
                    Some(version) => format!(" (index written by {version})"),
                    None => String::new(),
                },
                stats.versions.schema,
                stats.versions.gazetteer,
                match &stats.versions.index_gazetteer {
                    Some(version) if *version == stats.versions.gazetteer => String::new(),
                    Some(version) => format!(" (index tagged with {version}: re-index to re-tag)"),
                    None => String::new(),
                }
            ),
        ),
    ];
    for (label, value) in rows {
        writeln!(out, "  {dim}{label:<8}{dim:#}  {value}")?;
    }
    writeln!(out)?;
    writeln!(out, "Top values (articles)")?;
    let facets: Vec<(String, &[FacetCount])> = stats
        .facets
        .0
        .iter()
        .map(|(field, values, _)| (field.as_str().to_string(), values.as_slice()))
        .collect();
    render::facet_summary(out, &facets, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_binary_units() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(229_376), "224 KiB");
        assert_eq!(human_bytes(3 * 1024 * 1024 * 1024), "3.0 GiB");
    }
}
