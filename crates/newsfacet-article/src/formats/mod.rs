//! Per-format readers and what they share: format detection, decoding, building an [`Article`].

mod json;
mod text;

use std::borrow::Cow;
use std::fs;
use std::iter;
use std::path::Path;

use chrono::NaiveDate;

use crate::clean::{clean_text, clean_title};
use crate::{id, Article, Origin, ReadError};

/// The input formats, decided by file extension alone: sniffing content would make the same
/// file read differently depending on its first bytes, which is harder to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
}

impl Format {
    /// The format of `path` by its extension (case-insensitive), or `None` if unsupported.
    pub(crate) fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
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
        Format::Text | Format::Markdown | Format::Json => {
            let text = match fs::read(path) {
                Ok(bytes) => decode(&bytes, path).into_owned(),
                Err(source) => {
                    return Box::new(iter::once(Err(ReadError::Io {
                        path: path.to_path_buf(),
                        source,
                    })))
                }
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

/// Bytes to text: UTF-8 (BOM stripped), UTF-16 if it has a BOM, otherwise Windows-1252.
///
/// Old corpora (Reuters-21578 among them) are Latin-1/Windows-1252, and a lossy UTF-8 decode
/// would turn every accented letter into U+FFFD and make it unsearchable. Windows-1252 maps every
/// byte to some character, so the fallback never fails.
pub(crate) fn decode<'a>(bytes: &'a [u8], path: &Path) -> Cow<'a, str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            return decode_utf8_or_1252(&bytes[bom_len..], path);
        }
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text;
    }
    decode_utf8_or_1252(bytes, path)
}

fn decode_utf8_or_1252<'a>(bytes: &'a [u8], path: &Path) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            tracing::debug!(
                "{}: not valid UTF-8, decoding as Windows-1252",
                path.display()
            );
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text
        }
    }
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
    let body = raw.body.as_deref().map(clean_text).unwrap_or_default();
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
    let mut authors: Vec<String> = Vec::with_capacity(raw.authors.len());
    for author in raw.authors {
        if !author.is_empty() && !authors.contains(&author) {
            authors.push(author);
        }
    }
    Ok(Article {
        id,
        title,
        body,
        source: raw.source,
        published: raw.published,
        authors,
        url: raw.url,
        origin: Origin {
            path: path.to_path_buf(),
            line: pos.line,
        },
    })
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
    fn decodes_utf8_bom_utf16_and_windows_1252() {
        let p = Path::new("x.txt");
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9", p), "café");
        assert_eq!(decode(b"caf\xe9", p), "café");
        // 0x93/0x94 are curly quotes in Windows-1252, not C1 controls.
        assert_eq!(decode(b"\x93hi\x94 \x80", p), "\u{201C}hi\u{201D} \u{20AC}");
        assert_eq!(decode(b"\xFF\xFEh\x00i\x00", p), "hi");
    }
}
