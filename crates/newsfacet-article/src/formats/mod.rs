//! Per-format readers and what they share: format detection, decoding, building an [`Article`].

mod decode;
pub(crate) mod html;
mod input;
mod json;
pub(crate) mod record;
mod sniff;
mod text;

use std::iter;
use std::path::Path;

use crate::article::Article;
use crate::error::ReadError;
use crate::progress::BytesRead;
use crate::ReadLimits;
use record::{build_article, Position};
pub(crate) use sniff::binary_kind;

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
    limits: ReadLimits,
    bytes_read: &BytesRead,
) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    let Some(format) = Format::of(path) else {
        return Box::new(iter::once(Err(ReadError::Unsupported {
            path: path.to_path_buf(),
        })));
    };
    match format {
        Format::JsonLines => json::read_lines(path, limits.max_bytes, bytes_read),
        Format::Html => Box::new(iter::once(read_html(path, limits.max_bytes, bytes_read))),
        Format::Text | Format::Markdown | Format::Json => {
            let read = input::read_all(path, limits.max_bytes, bytes_read);
            let text = match read.and_then(|bytes| text_only(path, bytes)) {
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

/// The bytes of a file that should be text, or [`ReadError::Binary`] when they are not.
pub(crate) fn text_only(path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    match sniff::binary_kind(&bytes) {
        Some(kind) => Err(ReadError::Binary {
            path: path.to_path_buf(),
            kind,
        }),
        None => Ok(bytes),
    }
}

/// An HTML page's bytes as text: a byte-order mark, then valid UTF-8, then the charset the page
/// declares, then a detected legacy encoding (see [`decode::decode`]). `path` names the page in
/// warnings.
pub(crate) fn decode_page<'a>(bytes: &'a [u8], path: &Path) -> std::borrow::Cow<'a, str> {
    let declared = decode::declared_charset(bytes, path);
    decode::decode(bytes, &path.display(), declared)
}

/// Reads one HTML page: the bytes are decoded with the page's declared charset when they are
/// not UTF-8, then metadata and main text are extracted (see [`html`]).
fn read_html(path: &Path, max_bytes: u64, bytes_read: &BytesRead) -> Result<Article, ReadError> {
    let bytes = text_only(path, input::read_all(path, max_bytes, bytes_read)?)?;
    let text = decode_page(&bytes, path);
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    build_article(path, Position::default(), html::parse_page(&text))
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
