//! The incremental writer: upserts by id, skips unchanged articles, and gives each written
//! article its story.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsfacet_article::Article;
use newsfacet_tag::story::{is_close_copy, CopySearch, Signature, StoryMatch, StoryTable};
use newsfacet_tag::Tags;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::directory::error::LockError;
use tantivy::index::InvertedIndexReader;
use tantivy::indexer::UserOperation;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, TantivyError, Term, TERMINATED};
use tantivy::{IndexReader, IndexWriter, Searcher, TantivyDocument};

use crate::band_filter::{BandFilters, Probe};
use crate::columns::{self, StoryDigests};
use crate::document::PreparedArticle;
use crate::error::IndexError;
use crate::news_index::IndexPayload;
use crate::schema::{story_band_value, DocKind, NewsSchema};

/// The file in the index directory where a writer records its process id, for the message
/// a second writer gets.
const WRITER_PID_FILE: &str = "newsfacet-writer.pid";

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
    /// An earlier record of this same run had the id and the same title and text (one article
    /// read from two input files): the first record is kept and this one is not written, so
    /// re-runs stay stable.
    Duplicate,
    /// An earlier record of this same run had the id with another title or text: two
    /// different articles claim one id. The first is kept; this one is not written, and the
    /// caller reports it rather than let it silently replace the first.
    Conflict,
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
    /// Reloaded at each checkpoint, so that `searcher` sees this run's committed articles.
    reader: IndexReader,
    /// The committed index as of the writer's creation or its last checkpoint.
    searcher: Searcher,
    /// The story columns of each segment of `searcher`, by segment ordinal.
    story_digests: Vec<StoryDigests>,
    /// Which band values each segment of `searcher` may hold.
    band_filters: BandFilters,
    /// Input hashes of the committed articles, and how this run hashes its own.
    committed: UnchangedCheck,
    /// The version of the tagging code, when the caller named it (see
    /// [`NewsWriter::record_tagging_code`]).
    tagging_code: Option<String>,
    /// Ids upserted in this run, with the hash of their title and text: a later record with
    /// the same id is a duplicate within the input (same text) or a conflict (other text),
    /// never a new version.
    seen: HashMap<String, u64>,
    /// Signatures and stories of the articles written since the last checkpoint: they are
    /// not searchable in `searcher` until it. Emptied at each checkpoint, so that the memory
    /// of a long run does not grow with the corpus.
    stories: StoryTable,
    /// What story detection did in this run.
    story_stats: StoryStats,
    /// What each commit records about how the index was built.
    payload: IndexPayload,
}

/// The story columns of every segment of `searcher`, by segment ordinal.
fn story_digests(searcher: &Searcher) -> tantivy::Result<Vec<StoryDigests>> {
    searcher
        .segment_readers()
        .iter()
        .map(StoryDigests::open)
        .collect()
}

/// What story detection did in one run of a [`NewsWriter`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StoryStats {
    /// Articles written in this run that joined the story of an earlier article (of this run
    /// or of the index) as a copy.
    pub copies: usize,
    /// Articles written in this run that started a story of their own.
    pub new_stories: usize,
    /// Articles looked up among the committed articles (those with a signature and a band
    /// value that may be indexed).
    pub lookups: usize,
    /// Articles written in this run without their band keys and digest: too short for a
    /// signature, or with enough close copies indexed already
    /// ([`newsfacet_tag::story::CopySearch::indexes_bands`]).
    pub unindexed: usize,
    /// Committed articles whose digest was compared with a new article's: the work of
    /// confirming candidates. Per lookup it grows with the size of the largest stories.
    pub confirmed: usize,
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
        reader: IndexReader,
        heap_bytes: usize,
    ) -> Result<Self, IndexError> {
        let searcher = reader.searcher();
        let tantivy_error = |source| IndexError::Tantivy {
            dir: dir.clone(),
            source,
        };
        let writer = match index.writer(heap_bytes.max(MIN_HEAP_BYTES)) {
            Ok(writer) => writer,
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                let pid = std::fs::read_to_string(dir.join(WRITER_PID_FILE))
                    .ok()
                    .and_then(|text| text.trim().parse().ok());
                return Err(IndexError::Locked { dir, pid });
            }
            Err(source) => return Err(tantivy_error(source)),
        };
        // Who holds the lock, for the message another writer gets; only a hint, so a failure
        // to write it does not stop indexing.
        if let Err(error) =
            std::fs::write(dir.join(WRITER_PID_FILE), std::process::id().to_string())
        {
            tracing::debug!("{}: cannot record the writer's pid: {error}", dir.display());
        }
        let hash_columns = searcher
            .segment_readers()
            .iter()
            .map(columns::content_hashes)
            .collect::<Result<Vec<_>, _>>()
            .map_err(tantivy_error)?;
        let payload = IndexPayload::current();
        let committed = UnchangedCheck {
            schema,
            searcher: searcher.clone(),
            hash_columns,
            fingerprint: fingerprint(&payload, None),
        };
        let story_digests = story_digests(&searcher).map_err(tantivy_error)?;
        let band_filters = BandFilters::default().refreshed(&searcher);
        Ok(NewsWriter {
            dir,
            story_digests,
            band_filters,
            schema,
            writer,
            reader,
            searcher,
            committed,
            tagging_code: None,
            seen: HashMap::new(),
            stories: StoryTable::new(),
            story_stats: StoryStats::default(),
            payload,
        })
    }

    fn tantivy_error(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            dir: self.dir.clone(),
            source,
        }
    }

    /// The input hash of the live article with this id in the committed index, if any.
    fn committed_hash(&self, id: &str) -> Result<Option<u64>, IndexError> {
        self.committed
            .committed_hash(id)
            .map_err(|e| self.tantivy_error(e))
    }

    /// A check, for other threads, of whether an article is already committed exactly as this
    /// writer would write it, so that it need not be tagged (see [`UnchangedCheck`]). Take it
    /// after naming the gazetteer and the tagging code.
    pub fn unchanged_check(&self) -> UnchangedCheck {
        self.committed.clone()
    }

    /// Counts an article that [`UnchangedCheck::is_unchanged`] found committed as it is,
    /// instead of tagging and upserting it: [`Upsert::Unchanged`], or, when an earlier record
    /// of this run had its id, [`Upsert::Duplicate`] or [`Upsert::Conflict`] as
    /// [`NewsWriter::upsert`] would say.
    pub fn skip_unchanged(&mut self, article: &Article) -> Upsert {
        let text = text_hash(article);
        if let Some(&seen) = self.seen.get(&article.id) {
            return if seen == text {
                Upsert::Duplicate
            } else {
                Upsert::Conflict
            };
        }
        self.seen.insert(article.id.clone(), text);
        Upsert::Unchanged
    }

    /// The copies of `signature` among committed articles other than `replaced` (the
    /// committed version of the article being written, if there is one): candidates are the
    /// articles sharing an LSH band value, found segment by segment where the segment's filter
    /// says the value may be, each confirmed by its digest column.
    fn committed_copies(
        &mut self,
        replaced: Option<&str>,
        signature: &Signature,
    ) -> Result<CopySearch, IndexError> {
        let probes = signature
            .band_keys()
            .map(|key| (key, Probe::of(story_band_value(key))));
        // The most similar copies, as (segment, story ordinal); their story ids are read
        // only at the end, to break a tie as `StoryMatch::best` does.
        let mut best: Vec<(usize, u64)> = Vec::new();
        let mut best_similarity = 0.0;
        let mut close_copies = 0;
        let mut looked_up = false;
        let searcher = self.searcher.clone();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let mut present: Vec<u64> = Vec::new();
            for &(key, probe) in &probes {
                let may_contain = self
                    .band_filters
                    .may_contain(ord, segment, self.schema.story_bands, probe)
                    .map_err(|e| self.tantivy_error(e))?;
                if may_contain {
                    present.push(key);
                }
            }
            if present.is_empty() {
                continue;
            }
            looked_up = true;
            let candidates = self
                .segment_candidates(segment, &present, replaced)
                .map_err(|e| self.tantivy_error(e))?;
            let Some(columns) = self.story_digests.get(ord) else {
                continue;
            };
            self.story_stats.confirmed += candidates.len();
            for doc in candidates {
                let Some((story, digest)) = columns.digest(doc) else {
                    continue;
                };
                let Some(similarity) = signature.digest().copy_similarity(&digest) else {
                    continue;
                };
                if is_close_copy(similarity) {
                    close_copies += 1;
                }
                if similarity > best_similarity {
                    best_similarity = similarity;
                    best.clear();
                }
                if similarity == best_similarity {
                    best.push((ord, story));
                }
            }
        }
        if looked_up {
            self.story_stats.lookups += 1;
        }
        // Copies of one story in one segment share its ordinal.
        best.sort_unstable();
        best.dedup();
        let mut found: Option<StoryMatch> = None;
        for (ord, story) in best {
            let Some(columns) = self.story_digests.get(ord) else {
                continue;
            };
            let story = columns
                .story(story)
                .map_err(|e| self.tantivy_error(e.into()))?;
            if let Some(story) = story {
                let candidate = StoryMatch {
                    story,
                    similarity: best_similarity,
                };
                found = StoryMatch::best(found, Some(candidate));
            }
        }
        Ok(CopySearch {
            best: found,
            close_copies,
        })
    }

    /// The live documents of `segment` indexed with any of the band keys `keys`, except those
    /// of the article `replaced` (an earlier version of an article is not a copy of it), in
    /// doc order.
    fn segment_candidates(
        &self,
        segment: &SegmentReader,
        keys: &[u64],
        replaced: Option<&str>,
    ) -> tantivy::Result<Vec<DocId>> {
        let bands = segment.inverted_index(self.schema.story_bands)?;
        let mut docs = Vec::new();
        for &key in keys {
            docs.extend(postings(&bands, &self.schema.story_band_term(key))?);
        }
        if docs.is_empty() {
            return Ok(docs);
        }
        docs.sort_unstable();
        docs.dedup();
        if let Some(alive) = segment.alive_bitset() {
            docs.retain(|&doc| alive.is_alive(doc));
        }
        // A new article has no committed version, which spares a dictionary search per segment.
        if let Some(id) = replaced {
            let same_article = postings(
                &*segment.inverted_index(self.schema.id)?,
                &self.schema.id_term(id),
            )?;
            docs.retain(|doc| !same_article.contains(doc));
        }
        Ok(docs)
    }

    /// The story of an article about to be written, and its signature when its band keys are
    /// to be indexed ([`CopySearch::indexes_bands`]): the story of its best copy among
    /// committed articles and those written earlier in this run, else its own id.
    /// `replaces` says whether a version of the article is committed (it is no copy of itself).
    fn story_of(
        &mut self,
        article: &Article,
        tags: &Tags,
        replaces: bool,
    ) -> Result<(String, Option<Signature>), IndexError> {
        let started = Instant::now();
        // Tagging computes the signature in parallel; tags built by hand leave it to us.
        let signature = tags
            .story_signature
            .clone()
            .or_else(|| Signature::of_text(&article.body));
        let found = match &signature {
            None => CopySearch::default(),
            Some(signature) => self
                .committed_copies(replaces.then_some(article.id.as_str()), signature)?
                .merge(self.stories.copies(&article.id, signature)),
        };
        let indexes_bands = found.indexes_bands();
        let story = match found.best {
            Some(found) => {
                self.story_stats.copies += 1;
                found.story
            }
            None => {
                self.story_stats.new_stories += 1;
                article.id.clone()
            }
        };
        let signature = signature.filter(|_| indexes_bands);
        match &signature {
            Some(signature) => self.stories.insert(&article.id, &story, signature.clone()),
            None => self.story_stats.unindexed += 1,
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
    /// A written article gets its story (see [`newsfacet_tag::story`]): that of its most
    /// similar copy among committed articles and those written earlier in this run, else its
    /// own id. An unchanged article is not rewritten and so keeps its story.
    pub fn upsert(&mut self, article: &Article, tags: &Tags) -> Result<Upsert, IndexError> {
        let prepared = PreparedArticle::new(article, tags);
        let hash = self.committed.input_hash(article);
        let text = text_hash(article);
        if let Some(&seen) = self.seen.get(&article.id) {
            return Ok(if seen == text {
                Upsert::Duplicate
            } else {
                Upsert::Conflict
            });
        }
        let previous = self.committed_hash(&article.id)?;
        let outcome = match previous {
            Some(previous) if previous == hash => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::Added,
        };
        if outcome != Upsert::Unchanged {
            // One group of operations: tantivy gives it contiguous opstamps and puts its
            // documents in one segment, so an article's quotes follow it in text order: the
            // article block that `QuotesOfArticles` relies on.
            // The delete removes the old article and every old quote (they carry its id); it
            // only applies to documents added before it, so the new version survives.
            let replaces = outcome == Upsert::Updated;
            let delete = replaces.then(|| UserOperation::Delete(self.schema.id_term(&article.id)));
            let (story, signature) = self.story_of(article, tags, replaces)?;
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
        self.seen.insert(article.id.clone(), text);
        Ok(outcome)
    }

    /// Commits the upserts so far (readers see all of them or none) and goes on writing: a long
    /// run checkpoints so that a crash loses only the work since the last checkpoint. A re-run
    /// after a crash finds the committed articles unchanged and their copies by their stories,
    /// so it completes the job as an uninterrupted run would have.
    pub fn checkpoint(&mut self) -> Result<(), IndexError> {
        self.commit_with_payload()?;
        // The committed articles are found through the index from now on; the table only
        // holds what is not searchable yet.
        self.reader.reload().map_err(|e| self.tantivy_error(e))?;
        self.searcher = self.reader.searcher();
        self.story_digests = story_digests(&self.searcher).map_err(|e| self.tantivy_error(e))?;
        self.band_filters = std::mem::take(&mut self.band_filters).refreshed(&self.searcher);
        self.stories = StoryTable::new();
        Ok(())
    }

    /// Commits the upserts so far with the payload that records how the index was built.
    fn commit_with_payload(&mut self) -> Result<(), IndexError> {
        let payload = self.payload.to_json();
        self.writer
            .prepare_commit()
            .and_then(|mut commit| {
                commit.set_payload(&payload);
                commit.commit()
            })
            .map(|_| ())
            .map_err(|e| self.tantivy_error(e))
    }

    /// Names the gazetteer the articles are tagged with (a content hash, or several joined):
    /// every commit from now on records it, so that `stats` can tell which data tagged the
    /// index.
    pub fn record_gazetteer(&mut self, version: impl Into<String>) {
        self.payload.gazetteer = Some(version.into());
        self.committed.fingerprint = fingerprint(&self.payload, self.tagging_code.as_deref());
    }

    /// Names the version of the code that tags articles (a hash of its sources, say): with the
    /// newsfacet and gazetteer versions it decides whether an article read again is
    /// unchanged, so that new tagging code re-tags every article.
    pub fn record_tagging_code(&mut self, version: impl Into<String>) {
        self.tagging_code = Some(version.into());
        self.committed.fingerprint = fingerprint(&self.payload, self.tagging_code.as_deref());
    }

    /// Commits every upsert at once (readers see all of them or none), then waits for segment
    /// merges so the index is compact when the process exits.
    pub fn commit(mut self) -> Result<(), IndexError> {
        // Not a checkpoint: nothing is written after it, so nothing needs the reloaded index.
        self.commit_with_payload()?;
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

/// Whether an article is committed exactly as a run would write it: the same input (every
/// field of the [`Article`], where it was read from included) tagged by the same code and data
/// (the layout, newsfacet and gazetteer versions and the tagging code the writer was told
/// of). Cheap to clone; used from the threads that tag, before tagging.
#[derive(Clone)]
pub struct UnchangedCheck {
    schema: NewsSchema,
    searcher: Searcher,
    /// The `content_hash` fast-field column (input hashes) of each segment of `searcher`.
    hash_columns: Vec<Column<u64>>,
    fingerprint: String,
}

impl UnchangedCheck {
    /// Whether `article` is in the committed index as it would be written now. An index that
    /// cannot be read answers no, and the article is tagged and written as usual.
    pub fn is_unchanged(&self, article: &Article) -> bool {
        match self.committed_hash(&article.id) {
            Ok(Some(hash)) => hash == self.input_hash(article),
            Ok(None) => false,
            Err(error) => {
                tracing::debug!(id = %article.id, "cannot look up the committed article: {error}");
                false
            }
        }
    }

    /// The input hash of the live article with this id in the committed index, if any.
    fn committed_hash(&self, id: &str) -> Result<Option<u64>, TantivyError> {
        if self.searcher.num_docs() == 0 {
            return Ok(None);
        }
        let term =
            |term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
        // Quote documents share the article's id but have no hash.
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(self.schema.id_term(id))),
            (Occur::Must, term(self.schema.kind_term(DocKind::Article))),
        ]);
        let hits = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        Ok(hits.first().map(|(_, address)| {
            self.hash_columns
                .get(address.segment_ord as usize)
                .and_then(|column| column.first(address.doc_id))
                // A document without a hash cannot be compared; treat it as changed.
                .unwrap_or(0)
        }))
    }

    /// The hash of everything that decides how `article` is written.
    fn input_hash(&self, article: &Article) -> u64 {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let published = article.published.map(|d| d.to_string()).unwrap_or_default();
        let origin = article.origin.to_string();
        let fields = [
            self.fingerprint.as_str(),
            &article.id,
            &article.title,
            &article.body,
            article.source.as_deref().unwrap_or(""),
            &published,
            article.url.as_deref().unwrap_or(""),
            &origin,
        ];
        for field in fields
            .into_iter()
            .chain(article.authors.iter().map(String::as_str))
        {
            hasher.update(&(field.len() as u64).to_le_bytes());
            hasher.update(field.as_bytes());
        }
        hasher.digest()
    }
}

/// The documents indexed with `term` in one segment, in doc order, deleted ones included.
fn postings(inverted: &InvertedIndexReader, term: &Term) -> std::io::Result<Vec<DocId>> {
    let Some(info) = inverted.get_term_info(term)? else {
        return Ok(Vec::new());
    };
    let mut postings = inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
    let mut docs = Vec::with_capacity(info.doc_freq as usize);
    let mut doc = postings.doc();
    while doc != TERMINATED {
        docs.push(doc);
        doc = postings.advance();
    }
    Ok(docs)
}

/// What the tags of an article depend on besides the article.
fn fingerprint(payload: &IndexPayload, tagging_code: Option<&str>) -> String {
    format!(
        "{}.{}/{}/{}/{}",
        payload.schema_version,
        crate::document::DOCUMENT_VERSION,
        payload.newsfacet,
        payload.gazetteer.as_deref().unwrap_or(""),
        tagging_code.unwrap_or("")
    )
}

/// What makes two records one article: the same title and text (where they were read from,
/// and their metadata, may differ).
fn text_hash(article: &Article) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(article.title.as_bytes());
    hasher.update(&[0]);
    hasher.update(article.body.as_bytes());
    hasher.digest()
}
