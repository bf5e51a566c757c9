//! The one error type of the crate.
//!
//! Every message starts with where the problem is (`file`, `file:line` or `file: element N`),
//! because callers print these per skipped record and the user has to find the record.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why one input file or record could not be turned into an [`Article`](crate::article::Article).
///
/// `line` is the 1-based line in the file (JSON Lines records, or where a JSON syntax error
/// is); `element` is the 1-based position in a top-level JSON array, counted like lines so that
/// "element 3" is the third one.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or directory could not be read (missing, permissions, I/O failure).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory that could not be read, as the user named or we found it.
        path: PathBuf,
        /// The operating system's reason, kept so callers can tell "not found" from "denied".
        source: std::io::Error,
    },
    /// A file named explicitly whose extension is not one we read.
    #[error(
        "{}: unsupported file type (expected .txt, .md, .json, .jsonl, .ndjson, .html or .htm, \
         optionally .gz-compressed)",
        path.display()
    )]
    Unsupported {
        /// The file the user named.
        path: PathBuf,
    },
    /// The file is not text: an image, an archive, other binary data (by content, whatever
    /// its name).
    #[error("{}: not text but {kind}", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// What it holds: a MIME type ("image/png") or "binary data (NUL bytes)".
        kind: String,
    },
    /// A file (or one JSON Lines record) larger than the reading limit: no article is that
    /// long, and reading it whole could exhaust memory.
    #[error(
        "{}: larger than the limit of {} MB (--max-file-size); skipped",
        Location { path, line: *line, element: None },
        limit / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The 1-based line of a JSON Lines record, for a record over the limit.
        line: Option<usize>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds no text at all (zero bytes, or only whitespace).
    #[error("{}: file is empty", path.display())]
    Empty {
        /// The empty file.
        path: PathBuf,
    },
    /// The text is not valid JSON.
    #[error("{}: invalid JSON: {message}", Location { path, line: *line, element: *element })]
    Json {
        /// The file the record is in.
        path: PathBuf,
        /// 1-based line of the record (JSON Lines) or of the syntax error, where known.
        line: Option<usize>,
        /// 1-based position in a top-level JSON array, where the record is one.
        element: Option<usize>,
        /// What is wrong with the record, without its location (the Display adds that).
        message: String,
    },
    /// Valid JSON that cannot be an article, e.g. a number where an object was expected.
    #[error("{}: not an article: {message}", Location { path, line: *line, element: *element })]
    NotAnArticle {
        /// The file the record is in.
        path: PathBuf,
        /// 1-based line of the record (JSON Lines) or of the syntax error, where known.
        line: Option<usize>,
        /// 1-based position in a top-level JSON array, where the record is one.
        element: Option<usize>,
        /// What is wrong with the record, without its location (the Display adds that).
        message: String,
    },
    /// A record with neither a title nor any body text: nothing to index.
    #[error("{}: no title and no body text", Location { path, line: *line, element: *element })]
    NoText {
        /// The file the record is in.
        path: PathBuf,
        /// 1-based line of the record (JSON Lines) or of the syntax error, where known.
        line: Option<usize>,
        /// 1-based position in a top-level JSON array, where the record is one.
        element: Option<usize>,
    },
}

impl ReadError {
    /// The file (or directory) the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::Unsupported { path }
            | ReadError::Empty { path }
            | ReadError::Binary { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::Json { path, .. }
            | ReadError::NotAnArticle { path, .. }
            | ReadError::NoText { path, .. } => path,
        }
    }

    /// The 1-based line in the file, where the error has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::Json { line, .. }
            | ReadError::NotAnArticle { line, .. }
            | ReadError::NoText { line, .. }
            | ReadError::TooLarge { line, .. } => *line,
            ReadError::Io { .. }
            | ReadError::Unsupported { .. }
            | ReadError::Empty { .. }
            | ReadError::Binary { .. } => None,
        }
    }

    /// The 1-based position in a top-level JSON array, where the error has one.
    pub fn element(&self) -> Option<usize> {
        match self {
            ReadError::Json { element, .. }
            | ReadError::NotAnArticle { element, .. }
            | ReadError::NoText { element, .. } => *element,
            ReadError::Io { .. }
            | ReadError::Unsupported { .. }
            | ReadError::Empty { .. }
            | ReadError::Binary { .. }
            | ReadError::TooLarge { .. } => None,
        }
    }

    /// A short fixed category, for grouping skipped records in summaries
    /// ("1203 skipped: 1200 invalid json, 3 no text").
    pub fn reason(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "io error",
            ReadError::Unsupported { .. } => "unsupported file type",
            ReadError::Empty { .. } => "empty file",
            ReadError::Binary { .. } => "binary file",
            ReadError::TooLarge { .. } => "too large",
            ReadError::Json { .. } => "invalid json",
            ReadError::NotAnArticle { .. } => "not an article",
            ReadError::NoText { .. } => "no text",
        }
    }
}

/// Where a record is, formatted as the prefix of an error message.
struct Location<'a> {
    path: &'a Path,
    line: Option<usize>,
    element: Option<usize>,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(element) = self.element {
            write!(f, ": element {element}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_line_and_element() {
        let e = ReadError::Json {
            path: "corpus/a.jsonl".into(),
            line: Some(17),
            element: None,
            message: "expected value at column 3".into(),
        };
        assert_eq!(
            e.to_string(),
            "corpus/a.jsonl:17: invalid JSON: expected value at column 3"
        );
        assert_eq!(e.line(), Some(17));
        assert_eq!(e.reason(), "invalid json");

        let e = ReadError::Empty {
            path: "notes.txt".into(),
        };
        assert_eq!(e.to_string(), "notes.txt: file is empty");
        assert_eq!(e.path(), Path::new("notes.txt"));
        assert_eq!(e.line(), None);

        let e = ReadError::NotAnArticle {
            path: "file.json".into(),
            line: None,
            element: Some(3),
            message: "expected an object, found a number".into(),
        };
        assert_eq!(
            e.to_string(),
            "file.json: element 3: not an article: expected an object, found a number"
        );
        assert_eq!(e.element(), Some(3));

        let e = ReadError::NoText {
            path: "a.jsonl".into(),
            line: Some(2),
            element: None,
        };
        assert_eq!(e.to_string(), "a.jsonl:2: no title and no body text");
        assert_eq!(e.reason(), "no text");
    }

    #[test]
    fn io_error_names_the_path() {
        let e = ReadError::Io {
            path: "missing/dir".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
        };
        assert_eq!(e.to_string(), "missing/dir: not found");
        assert_eq!(e.reason(), "io error");
    }
}
