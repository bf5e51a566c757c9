//! The [`Article`] every reader produces and the [`Origin`] it names, kept apart from the
//! crate root so that the modules that build articles do not import the root that imports them.

use std::path::PathBuf;

use chrono::NaiveDate;

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
    /// Publisher named by the metadata (for HTML the site name), as written there (not
    /// canonicalised); else one named by a removed syndication note or timestamp byline.
    pub source: Option<String>,
    /// Publication date as written in the record (the publisher's local calendar date), else
    /// as stated in the URL or at the top of the text (see the crate docs).
    pub published: Option<NaiveDate>,
    /// Authors in the order given, without duplicates.
    pub authors: Vec<String>,
    /// URL as written in the record (trimmed, not normalised).
    pub url: Option<String>,
    /// The file (and line) the article was read from.
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
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
