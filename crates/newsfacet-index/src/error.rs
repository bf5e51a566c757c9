//! The one error type of the crate: every failure names the index directory.

use std::path::PathBuf;

use tantivy::TantivyError;

/// An error opening, reading or writing an index; always names the index directory.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// There is no index in the directory.
    #[error("no index at {} — run `newsfacet index` first", dir.display())]
    Missing {
        /// The directory that was expected to hold an index.
        dir: PathBuf,
    },
    /// The directory holds an index built with another schema (an older or newer newsfacet).
    #[error(
        "the index at {} was built with a different schema (another newsfacet version); \
         rebuild it: delete the directory and run `newsfacet index` again",
        dir.display()
    )]
    SchemaMismatch {
        /// The index directory.
        dir: PathBuf,
    },
    /// The directory is not empty and holds something other than an index, so creating an
    /// index there could mix it with unrelated files.
    #[error("{} is not empty and does not contain a newsfacet index; choose another --index directory", dir.display())]
    NotAnIndex {
        /// The directory.
        dir: PathBuf,
    },
    /// The directory could not be created or read.
    #[error("index directory {}: {source}", dir.display())]
    Io {
        /// The index directory.
        dir: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Another process is writing the index: one writer at a time.
    #[error(
        "index {} is locked by another writer{}; wait for it to finish",
        dir.display(),
        pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
    )]
    Locked {
        /// The index directory.
        dir: PathBuf,
        /// The process holding the lock, when it recorded itself.
        pid: Option<u32>,
    },
    /// tantivy failed (corrupt files, out of memory…).
    #[error("index at {}: {source}", dir.display())]
    Tantivy {
        /// The index directory.
        dir: PathBuf,
        /// The underlying error.
        #[source]
        source: TantivyError,
    },
    /// An article's stored form could not be serialized (should not happen for valid UTF-8).
    #[error("article {id}: cannot serialize for indexing: {source}")]
    Serialize {
        /// The article id.
        id: String,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
}
