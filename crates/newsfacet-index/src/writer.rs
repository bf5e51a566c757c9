//! Turning tagged articles into tantivy documents, and the incremental writer.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use newsfacet_article::Article;
use newsfacet_tag::{EntityType, Quote, QuoteKind, Tags};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::indexer::UserOperation;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, IndexWriter, Searcher, TantivyDocument, Term};

use crate::schema::{names, DocKind, FacetField, NewsSchema};
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

/// Everything stored for one article and its quotes, in the canonical form that is both
/// hashed and written.
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
    quotes: Vec<PreparedQuote<'a>>,
}

/// One quote of a [`Prepared`] article.
#[derive(Serialize)]
struct PreparedQuote<'a> {
    text: &'a str,
    /// The named speaker as a facet value; `None` for unnamed speakers.
    speaker: Option<String>,
    unnamed: Option<&'a str>,
    kind: QuoteKind,
    cue: Option<&'a str>,
    position: usize,
}

impl<'a> PreparedQuote<'a> {
    /// `None` for a quote without text, which nobody could find or read.
    fn new(quote: &'a Quote) -> Option<Self> {
        let text = quote.text.trim();
        (!text.is_empty()).then(|| PreparedQuote {
            text,
            speaker: quote.speaker.as_deref().and_then(facet_value),
            unnamed: non_blank(quote.unnamed.as_deref()),
            kind: quote.kind,
            cue: non_blank(quote.cue.as_deref()),
            position: quote.start,
        })
    }
}

impl<'a> Prepared<'a> {
    fn new(article: &'a Article, tags: &'a Tags) -> Self {
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
        Prepared {
            version: DOCUMENT_VERSION,
            id: &article.id,
            title: &article.title,
            body: &article.body,
            source: non_blank(tags.source.as_deref()),
            published: article.published,
            url: non_blank(article.url.as_deref()),
            path,
            speakers: tags.speakers.iter().map(|s| s.name.as_str()).collect(),
            countries: tags.countries.iter().map(|c| c.name.as_str()).collect(),
            facets,
            quotes: tags.quotes.iter().filter_map(PreparedQuote::new).collect(),
        }
    }

    fn content_hash(&self) -> Result<u64, serde_json::Error> {
        Ok(xxhash_rust::xxh3::xxh3_64(&serde_json::to_vec(self)?))
    }

    /// The fields article and quote documents share: kind, article id, date and source.
    fn common(&self, schema: &NewsSchema, kind: DocKind) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(schema.doc_kind, kind.as_str());
        doc.add_text(schema.id, self.id);
        if let Some(date) = self.published {
            doc.add_date(schema.published, date_value(date));
        }
        if let Some(source) = self.source {
            doc.add_text(schema.source, source);
        }
        doc
    }

    fn article_document(&self, schema: &NewsSchema, content_hash: u64) -> TantivyDocument {
        let mut doc = self.common(schema, DocKind::Article);
        doc.add_text(schema.title, self.title);
        doc.add_text(schema.body, self.body);
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
        doc.add_u64(schema.content_hash, content_hash);
        doc
    }

    /// One document per quote, in text order.
    fn quote_documents<'s>(
        &'s self,
        schema: &'s NewsSchema,
    ) -> impl Iterator<Item = TantivyDocument> + 's {
        self.quotes.iter().map(move |quote| {
            let mut doc = self.common(schema, DocKind::Quote);
            doc.add_text(schema.quote, quote.text);
            doc.add_text(schema.article_title, self.title);
            // The article's speakers are not the quote's: a speaker filter on quotes must
            // select what that speaker said, not everything in articles where they spoke.
            for (field, value) in &self.facets {
                if *field != FacetField::Speaker {
                    doc.add_facet(schema.facets, field.facet(value));
                }
            }
            if let Some(speaker) = &quote.speaker {
                doc.add_text(schema.speakers, speaker);
                doc.add_facet(schema.facets, FacetField::Speaker.facet(speaker));
            }
            if let Some(unnamed) = quote.unnamed {
                doc.add_text(schema.unnamed, unnamed);
            }
            doc.add_text(schema.quote_kind, quote_kind_str(quote.kind));
            if let Some(cue) = quote.cue {
                doc.add_text(schema.cue, cue);
            }
            doc.add_u64(schema.position, quote.position as u64);
            doc
        })
    }
}

/// The stored form of a quote kind, the same word as in `analyze --json`.
fn quote_kind_str(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
    }
}

/// Trimmed text, `None` when blank.
fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|s| !s.is_empty())
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

    /// The content hash of the live article with this id in the committed index, if any.
    fn committed_hash(&self, id: &str) -> Result<Option<u64>, IndexError> {
        let term =
            |term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
        // Quote documents share the article's id but have no hash.
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(Term::from_field_text(self.schema.id, id))),
            (Occur::Must, term(self.schema.kind_term(DocKind::Article))),
        ]);
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

    /// Adds the article with one document per quote, replaces the indexed version of both, or
    /// does nothing when the indexed version has identical content.
    pub fn upsert(&mut self, article: &Article, tags: &Tags) -> Result<Upsert, IndexError> {
        let prepared = Prepared::new(article, tags);
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
        if outcome != Upsert::Unchanged {
            // One group of operations: tantivy gives it contiguous opstamps and puts its
            // documents in one segment, so an article's quotes stay next to it in text order.
            // The delete removes the old article and every old quote (they carry its id); it
            // only applies to documents added before it, so the new version survives.
            let delete = (outcome == Upsert::Updated)
                .then(|| UserOperation::Delete(Term::from_field_text(self.schema.id, &article.id)));
            let article_doc = prepared.article_document(&self.schema, hash);
            let operations: Vec<UserOperation> = delete
                .into_iter()
                .chain(
                    std::iter::once(article_doc)
                        .chain(prepared.quote_documents(&self.schema))
                        .map(UserOperation::Add),
                )
                .collect();
            self.writer
                .run(operations)
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
