//! How far reading has got through its input files, in bytes, for progress bars and ETAs.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A count of the bytes read from input files so far (as stored on disk, so compressed bytes
/// for `.gz`), shared between the reader and whoever shows progress. Clones share one count.
///
/// Against the total size of the inputs it gives progress that records cannot: a single
/// JSON Lines dump of a million articles is one file, and its number of lines is unknown until
/// it has been read.
#[derive(Debug, Clone, Default)]
pub struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    /// A new count at zero.
    pub fn new() -> Self {
        BytesRead::default()
    }

    /// The bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self, bytes: usize) {
        self.0.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

/// A reader that adds what it reads to a [`BytesRead`].
pub(crate) struct Counted<R> {
    inner: R,
    count: BytesRead,
}

impl<R> Counted<R> {
    pub(crate) fn new(inner: R, count: &BytesRead) -> Self {
        Counted {
            inner,
            count: count.clone(),
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count.add(read);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_count_of_what_was_read() {
        let count = BytesRead::new();
        let mut reader = Counted::new(&b"0123456789"[..], &count.clone());
        let mut buf = [0u8; 4];
        reader.read_exact(&mut buf).unwrap();
        assert_eq!(count.get(), 4);
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).unwrap();
        assert_eq!(count.get(), 10);
    }
}
