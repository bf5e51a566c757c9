//! The newsfacet search index: schema, English analyzer and incremental writer, on tantivy.
//!
//! [`NewsIndex::create_or_open`] gives an index directory whose schema is [`NewsSchema`];
//! [`NewsIndex::writer`] returns a [`NewsWriter`] that upserts tagged articles by id and
//! commits them all at once. Facets of every dimension ([`FacetField`]) live in one tantivy
//! facet field as `/<dimension>/<value>` paths.
//!
//! The index holds two kinds of document ([`DocKind`]): one per article and one per quote of
//! an article. A quote document carries its article's id, so an article and its quotes are
//! deleted, rewritten and committed together.
//!
//! Each article document also carries its `story`: near-copies of one text (a wire story
//! republished by several outlets) share it. [`newsfacet_tag::story`] compares texts; the
//! writer stores each body's signature and band keys so that later runs find copies among
//! committed articles.

#![warn(missing_docs)]

mod analyzer;
mod schema;
mod writer;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyError};

pub use analyzer::{en_analyzer, StemFilter, StemFilterTokenizer, StemTokenStream, EN_STEM};
pub use schema::{names, DocKind, FacetField, NewsSchema, UnknownFacetField};
pub use writer::{date_of, date_value, NewsWriter, StoryStats, Upsert};

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
    /// tantivy failed (corrupt files, lock held by another writer, out of memory…).
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

impl NewsIndex {
    /// Opens the index in `dir`, creating the directory and an empty index when there is none.
    pub fn create_or_open(dir: &Path) -> Result<Self, IndexError> {
        let io_error = |source| IndexError::Io {
            dir: dir.to_path_buf(),
            source,
        };
        if dir.join(META_FILE).exists() {
            return Self::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(io_error)?;
        if std::fs::read_dir(dir).map_err(io_error)?.next().is_some() {
            return Err(IndexError::NotAnIndex {
                dir: dir.to_path_buf(),
            });
        }
        let (schema, fields) = NewsSchema::build();
        let index = Index::create_in_dir(dir, schema).map_err(|source| IndexError::Tantivy {
            dir: dir.to_path_buf(),
            source,
        })?;
        tracing::debug!(dir = %dir.display(), "created index");
        Self::from_index(dir, index, fields)
    }

    /// Opens the existing index in `dir`.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        if !dir.join(META_FILE).exists() {
            return Err(IndexError::Missing {
                dir: dir.to_path_buf(),
            });
        }
        let index = Index::open_in_dir(dir).map_err(|source| IndexError::Tantivy {
            dir: dir.to_path_buf(),
            source,
        })?;
        let (schema, fields) = NewsSchema::build();
        if index.schema() != schema {
            return Err(IndexError::SchemaMismatch {
                dir: dir.to_path_buf(),
            });
        }
        Self::from_index(dir, index, fields)
    }

    fn from_index(dir: &Path, index: Index, schema: NewsSchema) -> Result<Self, IndexError> {
        // Tokenizers are not persisted with the index: register ours on every open.
        index.tokenizers().register(EN_STEM, en_analyzer());
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
        let searcher = self.searcher()?;
        NewsWriter::new(
            self.dir.clone(),
            self.schema,
            &self.index,
            searcher,
            heap_bytes,
        )
    }

    /// How articles group into stories in the latest commit (see [`newsfacet_tag::story`]).
    pub fn story_counts(&self) -> Result<StoryCounts, IndexError> {
        let searcher = self.searcher()?;
        let mut sizes: HashMap<String, u64> = HashMap::new();
        let mut story = String::new();
        for segment in searcher.segment_readers() {
            let Some(column) = segment
                .fast_fields()
                .str(names::STORY)
                .map_err(|e| self.error(e))?
            else {
                continue;
            };
            // Only article documents have a story.
            for doc in segment.doc_ids_alive() {
                for ord in column.term_ords(doc) {
                    story.clear();
                    if column
                        .ord_to_str(ord, &mut story)
                        .map_err(|source| IndexError::Io {
                            dir: self.dir.clone(),
                            source,
                        })?
                    {
                        *sizes.entry(story.clone()).or_default() += 1;
                    }
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

    /// Number of live documents of one kind (articles or quotes) in the latest commit.
    pub fn count(&self, kind: DocKind) -> Result<u64, IndexError> {
        let query = TermQuery::new(self.schema.kind_term(kind), IndexRecordOption::Basic);
        self.searcher()?
            .search(&query, &Count)
            .map(|count| count as u64)
            .map_err(|e| self.error(e))
    }
}

#[cfg(test)]
mod tests;
