//! Turning tagged articles into tantivy documents, and the incremental writer.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};
use newsfacet_article::Article;
use newsfacet_tag::story::{Signature, StoryMatch, StoryTable};
use newsfacet_tag::{EntityType, Quote, QuoteKind, Tags};
use serde::Serialize;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::indexer::UserOperation;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
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
    origin: Option<&'a str>,
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
        if let Some(origin) = &tags.origin {
            add(FacetField::Origin, origin);
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
            origin: non_blank(tags.origin.as_deref()),
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

    /// The fields article and quote documents share: kind, article id, date, source and
    /// origin.
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
        if let Some(origin) = self.origin {
            doc.add_text(schema.origin, origin);
        }
        doc
    }

    fn article_document(
        &self,
        schema: &NewsSchema,
        content_hash: u64,
        story: &str,
        signature: Option<&Signature>,
    ) -> TantivyDocument {
        let mut doc = self.common(schema, DocKind::Article);
        doc.add_text(schema.story, story);
        if let Some(signature) = signature {
            for key in signature.band_keys() {
                doc.add_u64(schema.story_bands, key);
            }
            doc.add_bytes(schema.story_signature, &signature.to_bytes());
        }
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
    /// Signatures and stories of the articles written in this run: they are not searchable
    /// in `searcher` until the commit.
    stories: StoryTable,
    /// What story detection did in this run.
    story_stats: StoryStats,
}

/// What story detection did in one run of a [`NewsWriter`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StoryStats {
    /// Articles written in this run that joined the story of an earlier article (of this run
    /// or of the index) as a copy.
    pub copies: usize,
    /// Articles written in this run that started a story of their own.
    pub new_stories: usize,
    /// Time spent computing signatures and finding and verifying candidate copies; in JSON,
    /// `seconds`.
    #[serde(rename = "seconds", serialize_with = "seconds")]
    pub time: Duration,
}

fn seconds<S: serde::Serializer>(time: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(time.as_secs_f64())
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
            stories: StoryTable::new(),
            story_stats: StoryStats::default(),
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

    /// The best copy of `signature` among committed articles other than `id`: candidates are
    /// the articles sharing an LSH band key, each verified by its stored signature.
    fn committed_story_match(
        &self,
        id: &str,
        signature: &Signature,
    ) -> Result<Option<StoryMatch>, IndexError> {
        if self.searcher.num_docs() == 0 {
            return Ok(None);
        }
        // One term clause per band rather than a TermSetQuery, which builds an FST (and
        // allocates its registry) on every call: that cost more than the rest of story
        // detection on the Reuters corpus. Only article documents have band keys.
        let clauses: Vec<(Occur, Box<dyn Query>)> = signature
            .band_keys()
            .into_iter()
            .map(|key| {
                let term = Term::from_field_u64(self.schema.story_bands, key);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        let candidates = self
            .searcher
            .search(&BooleanQuery::new(clauses), &DocSetCollector)
            .map_err(|e| self.tantivy_error(e))?;
        let mut best = None;
        for address in candidates {
            let doc: TantivyDocument = self
                .searcher
                .doc(address)
                .map_err(|e| self.tantivy_error(e))?;
            let text = |field| doc.get_first(field).and_then(|v| v.as_str());
            if text(self.schema.id) == Some(id) {
                continue;
            }
            let Some(story) = text(self.schema.story) else {
                continue;
            };
            let Some(other) = doc
                .get_first(self.schema.story_signature)
                .and_then(|v| v.as_bytes())
                .and_then(Signature::from_bytes)
            else {
                continue;
            };
            let similarity = signature.similarity(&other);
            if signature.same_story(&other) {
                let found = StoryMatch {
                    story: story.to_string(),
                    similarity,
                };
                best = StoryMatch::best(best, Some(found));
            }
        }
        Ok(best)
    }

    /// The story of an article about to be written, and its signature: the story of its best
    /// copy among committed articles and those written earlier in this run, else its own id.
    fn story_of(&mut self, article: &Article) -> Result<(String, Option<Signature>), IndexError> {
        let started = Instant::now();
        let signature = Signature::of_text(&article.body);
        let story = match &signature {
            None => None,
            Some(signature) => StoryMatch::best(
                self.committed_story_match(&article.id, signature)?,
                self.stories.best_match(&article.id, signature),
            ),
        };
        let story = match story {
            Some(found) => {
                self.story_stats.copies += 1;
                found.story
            }
            None => {
                self.story_stats.new_stories += 1;
                article.id.clone()
            }
        };
        if let Some(signature) = &signature {
            self.stories.insert(&article.id, &story, signature.clone());
        }
        self.story_stats.time += started.elapsed();
        Ok((story, signature))
    }

    /// What story detection has done so far in this run.
    pub fn story_stats(&self) -> StoryStats {
        self.story_stats
    }

    /// Adds the article with one document per quote, replaces the indexed version of both, or
    /// does nothing when the indexed version has identical content.
    ///
    /// A written article gets its story (see [`newsfacet_tag::story`]): that of its most similar copy
    /// among committed articles and those written earlier in this run, else its own id. An
    /// unchanged article is not rewritten and so keeps its story.
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
            let (story, signature) = self.story_of(article)?;
            let article_doc =
                prepared.article_document(&self.schema, hash, &story, signature.as_ref());
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
