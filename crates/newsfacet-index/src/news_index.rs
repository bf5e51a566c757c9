//! Opening an index directory, checking its schema, and what a reader asks of a whole index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, ReloadPolicy, Searcher, TantivyDocument,
    TantivyError,
};

use crate::analyzer::{en_analyzer, exact_analyzer, EN_EXACT, EN_STEM};
use crate::columns::StoryColumn;
use crate::document::StoredDocument;
use crate::error::IndexError;
use crate::schema::{DocKind, NewsSchema};
use crate::writer::NewsWriter;

/// How the articles of an index group into stories (near-copies of one text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoryCounts {
    /// Distinct stories: every article belongs to exactly one.
    pub stories: u64,
    /// Stories with at least two articles (syndicated copies).
    pub with_copies: u64,
    /// Articles in the stories with at least two articles.
    pub articles_in_copies: u64,
}

/// An open newsfacet index directory.
pub struct NewsIndex {
    dir: PathBuf,
    index: Index,
    schema: NewsSchema,
    reader: IndexReader,
}

/// tantivy writes this file on creation and every commit; its presence marks an index.
const META_FILE: &str = "meta.json";

/// The version of what newsfacet writes into an index beyond tantivy's schema: the facet path
/// layout, the analyzers, how documents are split. Raised whenever an index written before
/// would be read wrongly; an index of another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 4;

/// How a new index stores documents. zstd rather than tantivy's default lz4: the stored
/// bodies are the largest part of an index, and zstd's level 3 keeps them in about a third
/// less space, while decompressing the block of one hit still takes microseconds.
///
/// Blocks of 64 KiB rather than tantivy's 16 KiB: a block then holds an article together with
/// the quote documents that repeat its sentences, and more syndicated copies, so zstd finds
/// the repeats. On 100k generated articles the store shrank from 90.9 to 78.9 MB (the index
/// from 313 to 301 MiB) while whole-process `search` and `quotes` took as long; 256 KiB saved
/// 7 MB more but made `search` 25 % slower.
fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    }
}

/// The size of the document store's compressed blocks (see [`index_settings`]).
const DOCSTORE_BLOCK_BYTES: usize = 64 * 1024;

/// What every commit records in the index's metadata (tantivy's commit payload), so that a
/// later run knows how the index was built.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexPayload {
    /// [`SCHEMA_VERSION`] of the writer.
    pub schema_version: u32,
    /// The newsfacet version that wrote the commit.
    pub newsfacet: String,
    /// The version of the gazetteer the commit's articles were tagged with, as the writer
    /// named it ([`NewsWriter::record_gazetteer`]); `None` when it did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer: Option<String>,
}

impl IndexPayload {
    /// The payload this build writes.
    pub fn current() -> IndexPayload {
        IndexPayload {
            schema_version: SCHEMA_VERSION,
            newsfacet: env!("CARGO_PKG_VERSION").to_string(),
            gazetteer: None,
        }
    }

    /// The payload of a commit; `None` when it is not one newsfacet wrote.
    pub fn read(payload: &str) -> Option<IndexPayload> {
        serde_json::from_str(payload).ok()
    }
}

impl IndexPayload {
    /// As JSON, the form tantivy stores.
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// How the searches of an opened index run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Searching {
    /// Over the segments on every core: for queries.
    Parallel,
    /// On the calling thread: for an index about to be written, whose unchanged-article
    /// lookups run on rayon's tagging threads. A rayon worker that waits on another pool (the
    /// executor's) runs other tagging jobs meanwhile, nested on its own stack: re-indexing
    /// overflowed the stack that way (SIGSEGV or abort, in the debug build of the
    /// kill-and-resume test).
    OneThread,
}

impl NewsIndex {
    /// Opens the index in `dir`, creating the directory and an empty index when there is none.
    pub fn create_or_open(dir: &Path) -> Result<Self, IndexError> {
        let io_error = |source| IndexError::Io {
            dir: dir.to_path_buf(),
            source,
        };
        if dir.join(META_FILE).exists() {
            return Self::open_existing(dir, Searching::OneThread);
        }
        std::fs::create_dir_all(dir).map_err(io_error)?;
        if std::fs::read_dir(dir).map_err(io_error)?.next().is_some() {
            return Err(IndexError::NotAnIndex {
                dir: dir.to_path_buf(),
            });
        }
        let (schema, fields) = NewsSchema::build();
        let index = Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_dir(dir)
            .map_err(|source| IndexError::Tantivy {
                dir: dir.to_path_buf(),
                source,
            })?;
        tracing::debug!(dir = %dir.display(), "created index");
        Self::from_index(dir, index, fields)
    }

    /// Opens the existing index in `dir` for searching: its searches run over the segments on
    /// every core.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        Self::open_existing(dir, Searching::Parallel)
    }

    fn open_existing(dir: &Path, searching: Searching) -> Result<Self, IndexError> {
        if !dir.join(META_FILE).exists() {
            return Err(IndexError::Missing {
                dir: dir.to_path_buf(),
            });
        }
        let mut index = Index::open_in_dir(dir).map_err(|source| IndexError::Tantivy {
            dir: dir.to_path_buf(),
            source,
        })?;
        if searching == Searching::Parallel {
            // Counting facets over the matches is most of a query's time and splits by
            // segment (at 1M articles, p50 about 40 ms → 31 ms).
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            index
                .set_multithread_executor(threads)
                .map_err(|source| IndexError::Tantivy {
                    dir: dir.to_path_buf(),
                    source,
                })?;
        }
        let (schema, fields) = NewsSchema::build();
        let recorded = index
            .load_metas()
            .ok()
            .and_then(|metas| metas.payload)
            .map(|payload| IndexPayload::read(&payload));
        // An index that was never committed records nothing yet; any other must say it was
        // built with this layout.
        let layout_matches = recorded.is_none_or(|payload| {
            payload.is_some_and(|payload| payload.schema_version == SCHEMA_VERSION)
        });
        if index.schema() != schema || !layout_matches {
            return Err(IndexError::SchemaMismatch {
                dir: dir.to_path_buf(),
            });
        }
        Self::from_index(dir, index, fields)
    }

    fn from_index(dir: &Path, index: Index, schema: NewsSchema) -> Result<Self, IndexError> {
        // Tokenizers are not persisted with the index: register ours on every open.
        index.tokenizers().register(EN_STEM, en_analyzer());
        index.tokenizers().register(EN_EXACT, exact_analyzer());
        // Manual reloads: each `searcher()` call reloads, so there is no watcher thread and a
        // searcher taken after a commit always sees it.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| IndexError::Tantivy {
                dir: dir.to_path_buf(),
                source,
            })?;
        Ok(NewsIndex {
            dir: dir.to_path_buf(),
            index,
            schema,
            reader,
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The field handles.
    pub fn schema(&self) -> &NewsSchema {
        &self.schema
    }

    /// The underlying tantivy index (with the `en_stem` analyzer registered).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Wraps a tantivy error with this index's directory.
    pub fn error(&self, source: TantivyError) -> IndexError {
        IndexError::Tantivy {
            dir: self.dir.clone(),
            source,
        }
    }

    /// A searcher over the latest commit.
    pub fn searcher(&self) -> Result<Searcher, IndexError> {
        self.reader.reload().map_err(|e| self.error(e))?;
        Ok(self.reader.searcher())
    }

    /// A writer with about `heap_bytes` of indexing memory (at least 15 MB, tantivy's minimum).
    /// Only one writer can exist per index directory at a time, across processes.
    pub fn writer(&self, heap_bytes: usize) -> Result<NewsWriter, IndexError> {
        self.reader.reload().map_err(|e| self.error(e))?;
        NewsWriter::new(
            self.dir.clone(),
            self.schema,
            &self.index,
            self.reader.clone(),
            heap_bytes,
        )
    }

    /// How articles group into stories in the latest commit (see [`newsfacet_tag::story`]).
    pub fn story_counts(&self) -> Result<StoryCounts, IndexError> {
        let searcher = self.searcher()?;
        let mut sizes: HashMap<String, u64> = HashMap::new();
        for segment in searcher.segment_readers() {
            let column = StoryColumn::open(segment).map_err(|e| self.error(e))?;
            // Only article documents have a story.
            for doc in segment.doc_ids_alive() {
                let Some(ord) = column.ord(doc) else {
                    continue;
                };
                let story = column.story(ord).map_err(|source| IndexError::Io {
                    dir: self.dir.clone(),
                    source,
                })?;
                if let Some(story) = story {
                    *sizes.entry(story).or_default() += 1;
                }
            }
        }
        let copies = sizes.values().filter(|&&size| size > 1);
        Ok(StoryCounts {
            stories: sizes.len() as u64,
            with_copies: copies.clone().count() as u64,
            articles_in_copies: copies.sum(),
        })
    }

    /// The stored document at `address` as a typed view ([`crate::ArticleDoc`] or
    /// [`crate::QuoteDoc`]); `searcher` must be the one whose search gave the address.
    pub fn load<D: StoredDocument>(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<D, IndexError> {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.error(e))?;
        Ok(D::from_stored(&self.schema, &doc))
    }

    /// Number of live documents of one kind (articles or quotes) in the latest commit.
    pub fn count(&self, kind: DocKind) -> Result<u64, IndexError> {
        let query = TermQuery::new(self.schema.kind_term(kind), IndexRecordOption::Basic);
        self.searcher()?
            .search(&query, &Count)
            .map(|count| count as u64)
            .map_err(|e| self.error(e))
    }
}
