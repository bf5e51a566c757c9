//! `newsfacet stats`: what an index holds (articles, quotes, stories, dates, top facet
//! values), what it weighs on disk, and the versions of the data it depends on.
//!
//! Versions: `schema` is the index crate's layout version ([`SCHEMA_VERSION`], raised whenever
//! an index written before would be read wrongly; an index of another version is refused when
//! opened, so the index and the binary agree on it); `written_by` is the newsfacet version
//! recorded by the index's last commit; `gazetteer` is the xxh3 hash of the bundled gazetteer
//! files, taken at build time (`build.rs`): a content hash, which nobody has to remember to
//! bump, and which two binaries share exactly when they bundle the same gazetteer;
//! `index_gazetteer` is the version the index's last commit was tagged with (with `+` and a
//! hash when user files were added), so a difference says re-indexing would re-tag.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{
    columns, date_of, DocKind, FacetField, IndexPayload, NewsIndex, StoryColumn, StoryCounts,
    SCHEMA_VERSION,
};
use newsfacet_query::{FacetCount, NaiveDate, SearchRequest};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::cli::StatsArgs;
use crate::render;

/// Everything `stats --json` prints; fields are only ever added.
#[derive(Debug, Serialize)]
struct Stats {
    articles: u64,
    quotes: u64,
    stories: StoryCounts,
    index: IndexFiles,
    published: Published,
    facets: TopValues,
    versions: Versions,
}

/// The index directory and what its files weigh.
#[derive(Debug, Serialize)]
struct IndexFiles {
    dir: String,
    bytes: u64,
    files: u64,
}

/// The publication dates of the articles: first and last day (`null` when no article is
/// dated) and how many articles have no date.
#[derive(Debug, Default, Serialize)]
struct Published {
    first: Option<String>,
    last: Option<String>,
    undated: u64,
}

/// The top values of each facet dimension with the summed count of the rest, in dimension
/// order (a map written in order, which a derived struct of a map could not promise).
#[derive(Debug)]
struct TopValues(Vec<(FacetField, Vec<FacetCount>, u64)>);

impl Serialize for TopValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Dimension<'a> {
            values: &'a [FacetCount],
            other: u64,
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, values, other) in &self.0 {
            map.serialize_entry(
                field.as_str(),
                &Dimension {
                    values,
                    other: *other,
                },
            )?;
        }
        map.end()
    }
}

/// The versions of this binary and of what the index was written with.
#[derive(Debug, Serialize)]
struct Versions {
    /// This binary's version.
    newsfacet: &'static str,
    /// The index layout version, the index's and this binary's alike.
    schema: u32,
    /// The newsfacet version that made the index's last commit; `None` when the commit
    /// recorded none.
    written_by: Option<String>,
    /// The hash of the gazetteer bundled in this binary.
    gazetteer: &'static str,
    /// The gazetteer version the index's last commit recorded; `None` when it recorded none.
    index_gazetteer: Option<String>,
}

/// Prints what the index holds, as text or one JSON object.
pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let index = NewsIndex::open(&args.index)?;
    // Facet listing resolves filter values through the gazetteer; with no filter it only
    // needs one, so the bundled one without user files.
    let gazetteer = Gazetteer::bundled().context("loading the bundled gazetteers")?;
    let mut top = Vec::new();
    for field in FacetField::ALL {
        let list = newsfacet_query::facet_values(
            &index,
            &gazetteer,
            &SearchRequest::default(),
            field,
            args.top.max(1),
            None,
        )
        .map_err(super::usage_or_failure)?;
        top.push((field, list.values, list.other));
    }
    let payload = last_payload(&index)?;
    let stats = Stats {
        articles: index.count(DocKind::Article)?,
        quotes: index.count(DocKind::Quote)?,
        stories: index.story_counts()?,
        index: index_files(index.dir())?,
        published: published(&index)?,
        facets: TopValues(top),
        versions: Versions {
            newsfacet: env!("CARGO_PKG_VERSION"),
            schema: SCHEMA_VERSION,
            written_by: payload.as_ref().map(|p| p.newsfacet.clone()),
            gazetteer: crate::gazetteers::BUNDLED_VERSION,
            index_gazetteer: payload.and_then(|p| p.gazetteer),
        },
    };
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        print(&mut anstream::stdout().lock(), &stats)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The bytes and number of files in the index directory (tantivy keeps it flat).
fn index_files(dir: &Path) -> anyhow::Result<IndexFiles> {
    let mut files = IndexFiles {
        dir: dir.display().to_string(),
        bytes: 0,
        files: 0,
    };
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        let metadata = entry
            .metadata()
            .with_context(|| format!("reading {}", entry.path().display()))?;
        if metadata.is_file() {
            files.bytes += metadata.len();
            files.files += 1;
        }
    }
    Ok(files)
}

/// First and last publication day of the live articles, and the number without a date, from
/// the date column. Only articles have a story, which tells them from quotes (whose dates
/// repeat their article's).
fn published(index: &NewsIndex) -> anyhow::Result<Published> {
    let searcher = index.searcher()?;
    let mut published = Published::default();
    let (mut first, mut last): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for segment in searcher.segment_readers() {
        let stories = StoryColumn::open(segment).map_err(|e| index.error(e))?;
        let dates = columns::published(segment).map_err(|e| index.error(e))?;
        for doc in segment.doc_ids_alive() {
            if stories.ord(doc).is_none() {
                continue;
            }
            match dates.as_ref().and_then(|c| c.first(doc)).and_then(date_of) {
                Some(day) => {
                    first = Some(first.map_or(day, |f| f.min(day)));
                    last = Some(last.map_or(day, |l| l.max(day)));
                }
                None => published.undated += 1,
            }
        }
    }
    published.first = first.map(|day| day.to_string());
    published.last = last.map(|day| day.to_string());
    Ok(published)
}

/// What the index's last commit recorded about how it was built (tantivy's commit payload).
fn last_payload(index: &NewsIndex) -> anyhow::Result<Option<IndexPayload>> {
    let metas = index.index().load_metas().map_err(|e| index.error(e))?;
    Ok(metas.payload.as_deref().and_then(IndexPayload::read))
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

fn print(out: &mut impl Write, stats: &Stats) -> std::io::Result<()> {
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
                    Some(version) if version == stats.versions.gazetteer => String::new(),
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
