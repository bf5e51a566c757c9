//! Per-format readers and what they share: format detection, decoding, building an [`Article`].

mod decode;
pub(crate) mod html;
mod input;
mod json;
mod text;

use std::iter;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::clean::{clean_body, clean_title};
use crate::{date, id, Article, Origin, ReadError};

/// The input formats, decided by file extension alone: sniffing content would make the same
/// file read differently depending on its first bytes, which is harder to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
}

impl Format {
    /// The format of `path` by its extension (case-insensitive), or `None` if unsupported.
    /// A `.gz` suffix is looked through: `feed.jsonl.gz` is JSON Lines, compressed.
    pub(crate) fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = match name.strip_suffix(".gz") {
            Some(inner) => inner,
            None => &name,
        };
        let ext = Path::new(name).extension()?.to_str()?;
        match ext {
            "txt" => Some(Format::Text),
            "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

pub(crate) fn read_file(
    path: &Path,
) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    let Some(format) = Format::of(path) else {
        return Box::new(iter::once(Err(ReadError::Unsupported {
            path: path.to_path_buf(),
        })));
    };
    match format {
        Format::JsonLines => json::read_lines(path),
        Format::Html => Box::new(iter::once(read_html(path))),
        Format::Text | Format::Markdown | Format::Json => {
            let text = match input::read_all(path) {
                Ok(bytes) => decode::decode(&bytes, &path.display(), None).into_owned(),
                Err(e) => return Box::new(iter::once(Err(e))),
            };
            if text.trim().is_empty() {
                return Box::new(iter::once(Err(ReadError::Empty {
                    path: path.to_path_buf(),
                })));
            }
            match format {
                Format::Json => json::read_document(path, &text),
                _ => Box::new(iter::once(text::parse(
                    path,
                    &text,
                    format == Format::Markdown,
                ))),
            }
        }
    }
}

/// Reads one HTML page: the bytes are decoded with the page's declared charset when they are
/// not UTF-8, then metadata and main text are extracted (see [`html`]).
fn read_html(path: &Path) -> Result<Article, ReadError> {
    let bytes = input::read_all(path)?;
    let declared = decode::declared_charset(&bytes, path);
    let text = decode::decode(&bytes, &path.display(), declared);
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    build_article(path, Position::default(), html::parse_page(&text))
}

/// What a reader extracted from one record, before cleaning and id assignment.
#[derive(Debug, Default)]
pub(crate) struct RawRecord {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub authors: Vec<String>,
    /// A date that is not the publication date (last modified, crawled) but whose year helps
    /// read a year-less dateline such as `MOSCOW, Feb 1 (Reuters)`.
    pub context_date: Option<NaiveDate>,
}

/// Where a record sits, for both [`Origin`] and error messages.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Position {
    pub line: Option<usize>,
    pub element: Option<usize>,
}

/// Cleans a record and turns it into an [`Article`], or [`ReadError::NoText`] if nothing is left.
pub(crate) fn build_article(
    path: &Path,
    pos: Position,
    raw: RawRecord,
) -> Result<Article, ReadError> {
    let title = raw.title.as_deref().map(clean_title).unwrap_or_default();
    let published = raw.published.or_else(|| fallback_date(path, &raw));
    let cleaned = raw.body.as_deref().map(clean_body).unwrap_or_default();
    let body = cleaned.text;
    if title.is_empty() && body.is_empty() {
        return Err(ReadError::NoText {
            path: path.to_path_buf(),
            line: pos.line,
            element: pos.element,
        });
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let id = id::article_id(
        raw.id.as_deref(),
        raw.url.as_deref(),
        &file_name,
        &title,
        &body,
    );
    // Names from removed credit lines only fill gaps: metadata, where present, is the
    // publisher's own statement. The source stays raw; canonicalising it is the tagger's job.
    let source = raw
        .source
        .or_else(|| cleaned.credits.source().map(str::to_string));
    let raw_authors = if raw.authors.is_empty() {
        cleaned.credits.authors
    } else {
        raw.authors
    };
    let mut authors: Vec<String> = Vec::with_capacity(raw_authors.len());
    for author in raw_authors {
        if !author.is_empty() && !authors.contains(&author) {
            authors.push(author);
        }
    }
    Ok(Article {
        id,
        title,
        body,
        source,
        published,
        authors,
        url: raw.url,
        origin: Origin {
            path: path.to_path_buf(),
            line: pos.line,
        },
    })
}

/// The publication date when the metadata has none: from the URL's path, else from the top
/// of the raw body (before cleaning, which removes the timestamp bylines that state it). A
/// year-less dateline takes its year from the article, else from the file path, the URL or a
/// metadata date such as last-modified.
fn fallback_date(path: &Path, raw: &RawRecord) -> Option<NaiveDate> {
    let url = raw.url.as_deref();
    if let Some(date) = url.and_then(date::date_from_url) {
        return Some(date);
    }
    let body = raw.body.as_deref()?;
    let year = date::year_from_path(path)
        .or_else(|| url.and_then(date::year_from_url))
        .or_else(|| raw.context_date.map(|d| d.year()));
    date::date_from_text(body, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_case_insensitive() {
        assert_eq!(Format::of(Path::new("a/B.TXT")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("x.Md")), Some(Format::Markdown));
        assert_eq!(Format::of(Path::new("x.json")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("x.NDJSON")), Some(Format::JsonLines));
        assert_eq!(Format::of(Path::new("x.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::of(Path::new("x.pdf")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn gz_is_looked_through() {
        assert_eq!(
            Format::of(Path::new("feed.jsonl.gz")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::of(Path::new("a/B.TXT.GZ")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("x.json.gz")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("x.gz")), None);
        assert_eq!(Format::of(Path::new("x.tar.gz")), None);
        assert_eq!(Format::of(Path::new("x.pdf.gz")), None);
    }
}
