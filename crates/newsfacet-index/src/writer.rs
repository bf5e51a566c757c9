//! Turning tagged articles into tantivy documents, and the incremental writer.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use newsfacet_article::Article;
use newsfacet_tag::{EntityType, Tags};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, IndexWriter, Searcher, TantivyDocument, Term};

use crate::schema::{names, FacetField, NewsSchema};
use crate::IndexError;

/// Bumped whenever the mapping from article to document changes without a schema change, so
/// that re-indexing rewrites every document once.
const DOCUMENT_VERSION: u32 = 1;

/// tantivy refuses writers with less than 15 MB of arena per thread.
const MIN_HEAP_BYTES: usize = 15_000_000;

/// What [`NewsWriter::upsert`] did with one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Upsert {
    /// The id was not in the index: the article was added.
    Added,
    /// The id was in the index with different content: the old document was replaced.
    Updated,
    /// The id was in the index with identical content: nothing was written.
    Unchanged,
    /// An earlier record of this same run had the id (one story in two input files): the
    /// first record is kept and this one is not written, so re-runs stay stable.
    Duplicate,
}

/// Everything stored for one article, in the canonical form that is both hashed and written.
#[derive(Serialize)]
struct Prepared<'a> {
    version: u32,
    id: &'a str,
    title: &'a str,
    body: &'a str,
    source: Option<&'a str>,
    published: Option<NaiveDate>,
    url: Option<&'a str>,
    path: String,
    speakers: Vec<&'a str>,
    countries: Vec<&'a str>,
    /// Sorted and deduplicated so that tagger output order does not count as a change.
    facets: BTreeSet<(FacetField, String)>,
    quotes: String,
}

impl<'a> Prepared<'a> {
    fn new(article: &'a Article, tags: &'a Tags) -> Result<Self, serde_json::Error> {
        let path = article.origin.to_string();
        let mut facets = BTreeSet::new();
        let mut add = |field: FacetField, name: &str| {
            if let Some(value) = facet_value(name) {
                facets.insert((field, value));
            }
        };
        for speaker in &tags.speakers {
            add(FacetField::Speaker, &speaker.name);
        }
        for country in &tags.countries {
            add(FacetField::Country, &country.name);
        }
        if let Some(source) = &tags.source {
            add(FacetField::Source, source);
        }
        for entity in &tags.entities {
            let field = match entity.entity_type {
                EntityType::Person => FacetField::Person,
                EntityType::Organization => FacetField::Org,
                EntityType::Place => FacetField::Place,
            };
            add(field, &entity.name);
        }
        Ok(Prepared {
            version: DOCUMENT_VERSION,
            id: &article.id,
            title: &article.title,
            body: &article.body,
            source: tags
                .source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
            published: article.published,
            url: article
                .url
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
            path,
            speakers: tags.speakers.iter().map(|s| s.name.as_str()).collect(),
            countries: tags.countries.iter().map(|c| c.name.as_str()).collect(),
            facets,
            quotes: serde_json::to_string(&tags.quotes)?,
        })
    }

    fn content_hash(&self) -> Result<u64, serde_json::Error> {
        Ok(xxhash_rust::xxh3::xxh3_64(&serde_json::to_vec(self)?))
    }

    fn document(&self, schema: &NewsSchema, content_hash: u64) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(schema.id, self.id);
        doc.add_text(schema.title, self.title);
        doc.add_text(schema.body, self.body);
        if let Some(date) = self.published {
            doc.add_date(schema.published, date_value(date));
        }
        if let Some(source) = self.source {
            doc.add_text(schema.source, source);
        }
        if let Some(url) = self.url {
            doc.add_text(schema.url, url);
        }
        doc.add_text(schema.path, &self.path);
        for speaker in &self.speakers {
            doc.add_text(schema.speakers, speaker);
        }
        for country in &self.countries {
            doc.add_text(schema.countries, country);
        }
        for (field, value) in &self.facets {
            doc.add_facet(schema.facets, field.facet(value));
        }
        doc.add_text(schema.quotes, &self.quotes);
        doc.add_u64(schema.content_hash, content_hash);
        doc
    }
}

/// A name as it may appear in a facet path: trimmed, with NUL removed (tantivy uses it as the
/// path separator), `None` when nothing is left.
fn facet_value(name: &str) -> Option<String> {
    let value: String = name.trim().chars().filter(|&c| c != '\0').collect();
    (!value.is_empty()).then_some(value)
}

/// A calendar date as the tantivy date stored for it: midnight UTC.
pub fn date_value(date: NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(date.and_time(NaiveTime::MIN).and_utc().timestamp())
}

/// The calendar date of a stored tantivy date (the inverse of [`date_value`]).
pub fn date_of(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// Adds, replaces or skips articles by id; nothing is visible to readers until
/// [`NewsWriter::commit`].
///
/// Obtained from [`crate::NewsIndex::writer`]. tantivy indexes on its own threads, so callers
/// tag articles in parallel and call [`NewsWriter::upsert`] sequentially.
pub struct NewsWriter {
    dir: PathBuf,
    schema: NewsSchema,
    writer: IndexWriter<TantivyDocument>,
    /// The committed index as it was when the writer was created.
    searcher: Searcher,
    /// The `content_hash` fast-field column of each segment of `searcher`.
    hash_columns: Vec<Column<u64>>,
    /// Ids upserted in this run, with their content hash: a later record with the same id is
    /// a duplicate within the input, not a new version.
    seen: HashMap<String, u64>,
}

impl NewsWriter {
    pub(crate) fn new(
        dir: PathBuf,
        schema: NewsSchema,
        index: &tantivy::Index,
        searcher: Searcher,
        heap_bytes: usize,
    ) -> Result<Self, IndexError> {
        let tantivy_error = |source| IndexError::Tantivy {
            dir: dir.clone(),
            source,
        };
        let writer = index
            .writer(heap_bytes.max(MIN_HEAP_BYTES))
            .map_err(tantivy_error)?;
        let hash_columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64(names::CONTENT_HASH))
            .collect::<Result<Vec<_>, _>>()
            .map_err(tantivy_error)?;
        Ok(NewsWriter {
            dir,
            schema,
            writer,
            searcher,
            hash_columns,
            seen: HashMap::new(),
        })
    }

    fn tantivy_error(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            dir: self.dir.clone(),
            source,
        }
    }

    /// The content hash of the live document with this id in the committed index, if any.
    fn committed_hash(&self, id: &str) -> Result<Option<u64>, IndexError> {
        let query = TermQuery::new(
            Term::from_field_text(self.schema.id, id),
            IndexRecordOption::Basic,
        );
        let hits = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.tantivy_error(e))?;
        Ok(hits.first().map(|(_, address)| {
            self.hash_columns
                .get(address.segment_ord as usize)
                .and_then(|column| column.first(address.doc_id))
                // A document without a hash cannot be compared; treat it as changed.
                .unwrap_or(0)
        }))
    }

    /// Adds the article, replaces the indexed version of it, or does nothing when the indexed
    /// version has identical content.
    pub fn upsert(&mut self, article: &Article, tags: &Tags) -> Result<Upsert, IndexError> {
        let prepared = Prepared::new(article, tags).map_err(|source| IndexError::Serialize {
            id: article.id.clone(),
            source,
        })?;
        let hash = prepared
            .content_hash()
            .map_err(|source| IndexError::Serialize {
                id: article.id.clone(),
                source,
            })?;
        if self.seen.contains_key(&article.id) {
            return Ok(Upsert::Duplicate);
        }
        let previous = self.committed_hash(&article.id)?;
        let outcome = match previous {
            Some(previous) if previous == hash => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::Added,
        };
        if outcome == Upsert::Updated {
            // Deletes apply to documents added before this operation only, so the new version
            // added next survives.
            self.writer
                .delete_term(Term::from_field_text(self.schema.id, &article.id));
        }
        if outcome != Upsert::Unchanged {
            let doc = prepared.document(&self.schema, hash);
            self.writer
                .add_document(doc)
                .map_err(|e| self.tantivy_error(e))?;
        }
        tracing::trace!(id = %article.id, ?outcome, "upsert");
        self.seen.insert(article.id.clone(), hash);
        Ok(outcome)
    }

    /// Commits every upsert at once (readers see all of them or none), then waits for segment
    /// merges so the index is compact when the process exits.
    pub fn commit(mut self) -> Result<(), IndexError> {
        self.writer.commit().map_err(|e| self.tantivy_error(e))?;
        let dir = self.dir.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|source| IndexError::Tantivy { dir, source })
    }

    /// Discards every upsert since the writer was created; the index is left as it was.
    /// Dropping the writer without committing has the same effect.
    pub fn rollback(mut self) -> Result<(), IndexError> {
        self.writer
            .rollback()
            .map(|_| ())
            .map_err(|e| self.tantivy_error(e))
    }
}
