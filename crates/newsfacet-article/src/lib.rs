//! Reading news articles from disk and cleaning their text.
//!
//! The one entry point for callers is [`read_inputs`] (or [`discover`] + [`read_file`]): every
//! record yields either an [`Article`] or a [`ReadError`] that names the file and, where it has
//! one, the line. A bad record never aborts the rest of the file and never panics.
//!
//! # Formats
//!
//! * `.txt` / `.md`: one article per file. The first non-empty line is the title, the rest the
//!   body. An optional `Key: value` header block (Source, Date, Published, URL, Author, Title,
//!   ID) followed by a blank line may precede it; it is only taken as a header when *every* line
//!   of the block is such a key, so a first line like `Moscow: talks resume` stays the title.
//! * `.json`: one article object or an array of them.
//! * `.jsonl` / `.ndjson`: one article object per line, streamed, so files may be huge.
//!
//! Bytes are UTF-8 (a BOM is stripped); anything that is not valid UTF-8 is decoded as
//! Windows-1252, which maps every byte, so the text never silently gains U+FFFD.
//!
//! # Stable ids
//!
//! Re-indexing the same input must give the same [`Article::id`], otherwise a second run would
//! duplicate every document instead of replacing it. So the id is, in order of preference:
//!
//! 1. the record's own id (`id`, `_id`, `uuid`, ..., or a text header `ID:`), trimmed;
//! 2. its URL, normalised (lowercase scheme and host, no `#fragment`, no trailing `/`, no
//!    `utm_*`/`fbclid`/`gclid`-style tracking parameters), so the same story shared through
//!    different links still collapses to one document;
//! 3. `h:` + 16 hex digits of xxh3-64 over the file *name* (not its directory), the cleaned
//!    title and the cleaned body. The directory is left out so that `./corpus` and `corpus`, or
//!    a corpus moved elsewhere, give the same ids. Two records with identical name, title and
//!    body are the same document as far as the index is concerned.

mod boilerplate;
mod clean;
mod date;
mod discover;
mod error;
mod fields;
mod formats;
mod id;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use clean::clean_text;
pub use date::parse_date;
pub use discover::discover;
pub use error::ReadError;

/// Where an article came from: the file, and the 1-based line for line-oriented formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it (or as found while walking a directory).
    pub path: PathBuf,
    /// 1-based line number for JSON Lines records; `None` for whole-file formats.
    pub line: Option<usize>,
}

/// `path:line` for line-oriented records, `path` otherwise: the form errors, summaries and the
/// index's stored `path` field all use.
impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// One news article, with text cleaned and metadata normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable document id: the record's `id`, else its normalised URL, else a hash of the file
    /// name and content. Re-reading the same input yields the same id.
    pub id: String,
    /// Headline, whitespace collapsed; may be empty when the record only has a body.
    pub title: String,
    /// Cleaned body text; paragraphs are separated by a blank line.
    pub body: String,
    /// Publisher named by the metadata, as written there (not canonicalised).
    pub source: Option<String>,
    /// Publication date as written in the record (the publisher's local calendar date).
    pub published: Option<NaiveDate>,
    /// Authors in the order given, without duplicates.
    pub authors: Vec<String>,
    /// URL as written in the record (trimmed, not normalised).
    pub url: Option<String>,
    pub origin: Origin,
}

/// Reads every article in one file, lazily.
///
/// The format follows the extension (see the crate docs). JSON Lines files are streamed line by
/// line; a bad line yields an `Err` naming `file:line` and reading continues with the next one.
/// A file that cannot be opened yields a single [`ReadError::Io`]. The iterator owns everything
/// it needs, so it can be moved to another thread.
pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    formats::read_file(path)
}

/// [`discover`] the inputs, then [`read_file`] each one in order.
///
/// Problems finding inputs (a missing path, an unsupported file named explicitly) are yielded as
/// items ahead of the articles, and the remaining inputs are still read, so a caller that logs
/// and skips errors sees every problem at once.
pub fn read_inputs(
    paths: &[PathBuf],
) -> impl Iterator<Item = Result<Article, ReadError>> + Send + 'static {
    let (files, errors) = discover::discover_all(paths);
    errors
        .into_iter()
        .map(Err)
        .chain(files.into_iter().flat_map(|file| read_file(&file)))
}

#[cfg(test)]
mod origin_tests {
    use super::Origin;

    #[test]
    fn origin_displays_path_and_line() {
        let record = Origin {
            path: "corpus/feed.jsonl".into(),
            line: Some(7),
        };
        assert_eq!(record.to_string(), "corpus/feed.jsonl:7");
        let file = Origin {
            path: "corpus/a.txt".into(),
            line: None,
        };
        assert_eq!(file.to_string(), "corpus/a.txt");
    }
}
