//! Reading the fix tables of this crate's `data/` folder (`country-press.tsv`,
//! `generic-region-names.txt`…): the facts the build applies live there so that correcting a
//! name is a data edit, while how each fix is applied stays in the module that uses it.
//!
//! Format: one row a line, tab-separated columns, `|`-separated lists inside a column, blank
//! lines and lines starting with `#` ignored, cells trimmed. A one-column file is simply one
//! item a line. Every error names `file:line`, so a bad edit is found at once.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};

/// One fix table's text with the path that names it in errors.
#[derive(Debug, Clone)]
pub struct Table {
    path: PathBuf,
    text: String,
}

/// One non-comment line of a [`Table`], split into trimmed columns.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    path: &'a Path,
    /// 1-based line number in the file, for error messages.
    pub line: usize,
    cells: Vec<&'a str>,
}

impl Table {
    /// Reads `dir/file`. A missing table is an error rather than an empty list: building without
    /// its fixes would silently change the gazetteers.
    pub fn read(dir: &Path, file: &str) -> anyhow::Result<Table> {
        let path = dir.join(file);
        let text = fs::read_to_string(&path)
            .with_context(|| format!("reading fix table {}", path.display()))?;
        Ok(Table { path, text })
    }

    /// A table from text already in memory (tests); `path` only names it in errors.
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Table {
        Table {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The path that names this table in errors.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rows, each with between `min` and `max` columns (missing trailing columns read as
    /// empty, since editors drop trailing tabs) and a non-empty first column.
    pub fn rows(&self, min: usize, max: usize) -> anyhow::Result<Vec<Row<'_>>> {
        let mut rows = Vec::new();
        for (index, line) in self.text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            let row = Row {
                path: &self.path,
                line: index + 1,
                cells,
            };
            if row.cells.len() < min || row.cells.len() > max {
                let expected = if min == max {
                    format!("{min}")
                } else {
                    format!("{min} to {max}")
                };
                return Err(row.error(format!(
                    "expected {expected} tab-separated columns, found {}",
                    row.cells.len()
                )));
            }
            if row.cell(0).is_empty() {
                return Err(row.error("empty first column"));
            }
            rows.push(row);
        }
        Ok(rows)
    }

    /// The items of a one-item-a-line table, in file order; an item listed twice is an error.
    pub fn items(&self) -> anyhow::Result<Vec<String>> {
        let mut items: Vec<String> = Vec::new();
        for row in self.rows(1, 1)? {
            let item = row.cell(0);
            if items.iter().any(|i| i == item) {
                return Err(row.error(format!("{item:?} is listed twice")));
            }
            items.push(item.to_string());
        }
        Ok(items)
    }
}

impl<'a> Row<'a> {
    /// Column `index` (0-based), empty when the line stops before it.
    pub fn cell(&self, index: usize) -> &'a str {
        self.cells.get(index).copied().unwrap_or("")
    }

    /// Column `index` as a `|`-separated list, empty items dropped, in written order (which
    /// matters: the first spelling of a name wins its casing).
    pub fn list(&self, index: usize) -> Vec<String> {
        self.cell(index)
            .split('|')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// An error for this line, as `file:line: message`.
    pub fn error(&self, message: impl std::fmt::Display) -> anyhow::Error {
        anyhow!("{}:{}: {message}", self.path.display(), self.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_name_file_and_line() {
        let table = Table::from_text(
            "data/x.tsv",
            "# header\n\nUS\tUnited States\tUS|U.S.| \nGB\n",
        );
        let rows = table.rows(1, 3).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].list(2), vec!["US", "U.S."]);
        assert_eq!(rows[1].cell(2), "");
        let err = table.rows(2, 3).unwrap_err().to_string();
        assert_eq!(
            err,
            "data/x.tsv:4: expected 2 to 3 tab-separated columns, found 1"
        );
        let err = Table::from_text("data/y.txt", "a\nb\na\n")
            .items()
            .unwrap_err()
            .to_string();
        assert_eq!(err, "data/y.txt:3: \"a\" is listed twice");
    }
}
