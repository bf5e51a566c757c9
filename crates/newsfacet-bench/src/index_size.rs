//! What each field of an index costs on disk: terms, postings, positions, norms and fast
//! columns per field, and the document store, from tantivy's own space accounting.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

/// Bytes of one field, by part.
#[derive(Debug, Default, Serialize)]
pub struct FieldBytes {
    pub terms: u64,
    pub postings: u64,
    pub positions: u64,
    pub norms: u64,
    pub fast: u64,
}

impl FieldBytes {
    /// Every part together.
    pub fn total(&self) -> u64 {
        self.terms + self.postings + self.positions + self.norms + self.fast
    }
}

/// The space of one index: documents, total bytes, the document store and each field.
#[derive(Debug, Serialize)]
pub struct IndexSize {
    pub documents: u64,
    pub total: u64,
    pub store: u64,
    pub fields: BTreeMap<String, FieldBytes>,
}

/// Prints the space each field of the index in `dir` takes, largest first.
pub fn run(dir: &Path, json: bool) -> anyhow::Result<()> {
    let report = measure(dir)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    let mb = |bytes: u64| bytes as f64 / 1_048_576.0;
    println!(
        "{}: {} documents, {:.1} MB ({:.1} MB document store)",
        dir.display(),
        report.documents,
        mb(report.total),
        mb(report.store)
    );
    println!(
        "{:<18} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "field", "total MB", "terms", "postings", "positions", "norms", "fast"
    );
    for (name, bytes) in report.largest_first() {
        println!(
            "{:<18} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            name,
            mb(bytes.total()),
            mb(bytes.terms),
            mb(bytes.postings),
            mb(bytes.positions),
            mb(bytes.norms),
            mb(bytes.fast)
        );
    }
    Ok(())
}

impl IndexSize {
    /// The fields, largest first.
    pub fn largest_first(&self) -> Vec<(&String, &FieldBytes)> {
        let mut rows: Vec<(&String, &FieldBytes)> = self.fields.iter().collect();
        rows.sort_by_key(|(_, bytes)| std::cmp::Reverse(bytes.total()));
        rows
    }
}

/// The space each field of the index in `dir` takes, from tantivy's own accounting.
pub fn measure(dir: &Path) -> anyhow::Result<IndexSize> {
    let index = tantivy::Index::open_in_dir(dir)
        .with_context(|| format!("{}: not a readable index", dir.display()))?;
    let searcher = index.reader()?.searcher();
    let usage = searcher.space_usage()?;
    let mut fields: BTreeMap<String, FieldBytes> = BTreeMap::new();
    let mut store = 0;
    for segment in usage.segments() {
        let parts = [
            (segment.termdict(), 0),
            (segment.postings(), 1),
            (segment.positions(), 2),
            (segment.fieldnorms(), 3),
            (segment.fast_fields(), 4),
        ];
        for (per_field, part) in parts {
            for field in per_field.fields() {
                let bytes = fields.entry(field.field_name().to_string()).or_default();
                let size = field.total().get_bytes();
                match part {
                    0 => bytes.terms += size,
                    1 => bytes.postings += size,
                    2 => bytes.positions += size,
                    3 => bytes.norms += size,
                    _ => bytes.fast += size,
                }
            }
        }
        store += segment.store().total().get_bytes();
    }
    Ok(IndexSize {
        documents: searcher.num_docs(),
        total: usage.total().get_bytes(),
        store,
        fields,
    })
}
