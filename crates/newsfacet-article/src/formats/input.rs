//! Opening input files, decompressing `.gz` on the fly.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use crate::error::ReadError;
use crate::progress::{BytesRead, Counted};

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether `path` names a gzip-compressed file (`.gz`, any case).
pub(crate) fn is_gzip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Opens `path` for buffered reading, transparently decompressing gzip.
///
/// Multi-member gzip files (what `cat a.gz b.gz` or parallel compressors produce) are read to
/// the end, not just their first member. A `.gz` file that is not gzip data at all is read as
/// it is, with a warning: corpora do get decompressed in place without being renamed, and
/// refusing them would help nobody.
pub(crate) fn open(path: &Path, bytes_read: &BytesRead) -> io::Result<Box<dyn BufRead + Send>> {
    let file = Counted::new(File::open(path)?, bytes_read);
    let mut reader = BufReader::new(file);
    if !is_gzip(path) {
        return Ok(Box::new(reader));
    }
    let head = reader.fill_buf()?;
    if head.starts_with(&GZIP_MAGIC) {
        return Ok(Box::new(BufReader::new(GzReader(MultiGzDecoder::new(
            reader,
        )))));
    }
    if !head.is_empty() {
        tracing::warn!(
            "{}: named .gz but not gzip-compressed; reading it uncompressed",
            path.display()
        );
    }
    Ok(Box::new(reader))
}

/// Reads the whole (decompressed) file, or [`ReadError::TooLarge`] past `max_bytes`: the
/// limit applies to what decompression yields, so a small `.gz` cannot expand without bound.
pub(crate) fn read_all(
    path: &Path,
    max_bytes: u64,
    bytes_read: &BytesRead,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    open(path, bytes_read)
        .and_then(|r| r.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            line: None,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// A gzip decoder whose errors say that decompression failed: flate2's own messages
/// ("corrupt deflate stream") do not tell a user which layer broke.
struct GzReader<R>(MultiGzDecoder<R>);

impl<R: BufRead> Read for GzReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| io::Error::new(e.kind(), format!("gzip decompression failed: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gz_extension_any_case() {
        assert!(is_gzip(Path::new("a.jsonl.gz")));
        assert!(is_gzip(Path::new("A.TXT.GZ")));
        assert!(!is_gzip(Path::new("a.jsonl")));
        assert!(!is_gzip(Path::new("gz")));
    }
}
