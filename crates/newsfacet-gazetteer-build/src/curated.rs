//! The curated, hand-edited TSV lists in this crate's `data/` folder (format: see
//! [`newsfacet_gazetteer::parse_tsv_line`]).

use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use newsfacet_gazetteer::parse_tsv_line;
use newsfacet_gazetteer::{EntityType, Entry};

use crate::report::BuildReport;

/// The entity type every line of a curated file must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// `people.tsv`: a line of another type would put an organisation among the speakers.
    Person,
    /// `organizations.tsv` and `sources.tsv`: only organisations can be merged or publish.
    Organization,
    /// `regions.tsv`: only places can be merged into GeoNames subdivisions.
    Place,
}

impl Expect {
    fn entity_type(self) -> EntityType {
        match self {
            Expect::Person => EntityType::Person,
            Expect::Organization => EntityType::Organization,
            Expect::Place => EntityType::Place,
        }
    }
}

/// Reads a curated TSV file. A missing file counts as empty (with a warning in `report`); a bad
/// line is an error naming `file:line`.
pub fn read_tsv(
    path: &Path,
    expect: Expect,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    if !path.exists() {
        report.warn(format!("{}: not found; treated as empty", path.display()));
        return Ok(Vec::new());
    }
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_tsv(path, &text, expect)
}

/// Parses curated TSV text; `path` only names the file in errors.
pub fn parse_tsv(path: &Path, text: &str, expect: Expect) -> anyhow::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        match parse_tsv_line(line) {
            Ok(Some(entry)) => {
                if entry.entity_type != expect.entity_type() {
                    bail!(
                        "{}:{line_no}: {} has type {}, expected {} in this file",
                        path.display(),
                        entry.name,
                        entry.entity_type,
                        expect.entity_type()
                    );
                }
                entries.push(entry);
            }
            Ok(None) => {}
            Err(message) => bail!("{}:{line_no}: {message}", path.display()),
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_file_and_line() {
        let path = Path::new("data/people.tsv");
        let ok = parse_tsv(
            path,
            "# people\nSergei Shoigu\tperson\tofficial\tRU\tShoigu\tgender=m\n",
            Expect::Person,
        )
        .unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].id, "person:sergei-shoigu");
        let err = parse_tsv(path, "\nBad\n", Expect::Person)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("data/people.tsv:2: expected 4 to 6"),
            "{err}"
        );
        let err = parse_tsv(
            path,
            "Reuters\torganization\tnews_agency\tGB\n",
            Expect::Person,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("data/people.tsv:1:") && err.contains("expected person"),
            "{err}"
        );
    }

    #[test]
    fn missing_file_is_empty_with_a_warning() {
        let mut report = BuildReport::default();
        let entries = read_tsv(
            Path::new("/nonexistent/regions.tsv"),
            Expect::Place,
            &mut report,
        )
        .unwrap();
        assert!(entries.is_empty());
        assert!(report.warnings[0].contains("regions.tsv: not found"));
    }
}
