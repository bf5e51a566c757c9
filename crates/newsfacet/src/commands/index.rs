//! `newsfacet index`: read, tag in parallel, upsert, commit at checkpoints and at the end,
//! summarise.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use newsfacet_article::{Article, BytesRead, ReadError, ReadLimits};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{
    DocKind, FacetField, IndexError, NewsIndex, StoryCounts, StoryStats, UnchangedCheck, Upsert,
};
use newsfacet_query::SearchRequest;
use newsfacet_tag::{Tagger, Tags};
use rayon::prelude::*;
use serde::Serialize;

use crate::cli::{IndexArgs, DEFAULT_CORPUS};
use crate::gazetteers;
use crate::render::count_of;
use crate::UsageError;

/// Articles tagged together; large enough to keep every core busy, small enough to bound memory.
const BATCH: usize = 512;
/// Batches waiting between two stages: enough to keep each stage busy while the next one works.
const IN_FLIGHT: usize = 2;
/// How many skipped records are listed individually in the summary.
const LISTED_SKIPS: usize = 20;
/// How many values of each facet the summary shows.
const SUMMARY_TOP: usize = 5;

/// What one indexing run did.
#[derive(Debug, Default, Serialize)]
struct Summary {
    files: usize,
    read: usize,
    indexed: usize,
    updated: usize,
    unchanged: usize,
    /// Records that repeat an article already read in this run (same id, title and text),
    /// such as one story in both a text file and a feed: indexed once.
    duplicates: usize,
    /// Intermediate commits: a crash loses at most the work since the last one.
    checkpoints: usize,
    /// Records not indexed, each with its reason; any makes the exit status 2.
    skipped: usize,
    skip_reasons: BTreeMap<String, usize>,
    skipped_records: Vec<String>,
    /// Articles in the index after the run.
    documents_in_index: u64,
    /// Quotes in the index after the run, one document each (see ARCHITECTURE.md).
    quotes_in_index: u64,
    /// Story detection in this run: articles written as copies of an earlier story, articles
    /// starting their own, and the time it took (signatures, candidates, verification).
    stories: StoryStats,
    /// Stories in the index after the run: distinct stories, stories with at least two
    /// articles, and the articles in those.
    stories_in_index: StoryCounts,
    seconds: f64,
    /// Where the time went: see [`Stages`].
    stages: Stages,
    /// The most frequent values of the index after the run, as `facets` counts them.
    top_speakers: Vec<(String, u64)>,
    top_countries: Vec<(String, u64)>,
    top_sources: Vec<(String, u64)>,
    /// The wires stories came from, among articles whose origin is known.
    top_origins: Vec<(String, u64)>,
}

impl Summary {
    fn skip(&mut self, error: &ReadError) {
        self.read += 1;
        self.skip_record(error.reason(), error.to_string());
    }

    /// Counts a record that was read but not indexed.
    fn skip_record(&mut self, reason: &str, message: String) {
        self.skipped += 1;
        *self.skip_reasons.entry(reason.to_string()).or_default() += 1;
        tracing::info!("skipped: {message}");
        if self.skipped_records.len() < LISTED_SKIPS {
            self.skipped_records.push(message);
        }
    }

    /// The top values of each summarised facet in the index after the run.
    fn top_values(&mut self, index: &NewsIndex, gazetteer: &Gazetteer) -> anyhow::Result<()> {
        let top = |field| -> anyhow::Result<Vec<(String, u64)>> {
            let list = newsfacet_query::facet_values(
                index,
                gazetteer,
                &SearchRequest::default(),
                field,
                SUMMARY_TOP,
                None,
            )?;
            Ok(list
                .values
                .into_iter()
                .map(|v| (v.value, v.count))
                .collect())
        };
        self.top_speakers = top(FacetField::Speaker)?;
        self.top_countries = top(FacetField::Country)?;
        self.top_sources = top(FacetField::Source)?;
        self.top_origins = top(FacetField::Origin)?;
        Ok(())
    }
}

/// Busy time of each stage of a run, in seconds. Reading, tagging and writing run at the same
/// time on their own threads, so the stages add up to more than the run's time; tagging is
/// also parallel within a batch.
#[derive(Debug, Default, Serialize)]
struct Stages {
    /// Discovering, reading, decoding and cleaning files into articles.
    read: f64,
    /// Tagging: entities, attribution, source, countries, in parallel over a batch.
    tag: f64,
    /// Upserting into the index writer, story detection included (`stories.seconds`).
    write: f64,
    /// Checkpoints and the final commit, with the wait for merges.
    commit: f64,
}

pub fn run(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        args.paths.clone()
    };
    let files = newsfacet_article::discover(&paths)?;
    // The cleaning rules compile on the other core while the tagger loads.
    let (_, tagger) = rayon::join(newsfacet_article::prepare, || {
        gazetteers::tagger(&args.gazetteer)
    });
    let tagger = tagger?;
    let index = NewsIndex::create_or_open(&args.index)?;
    let mut writer = match index.writer(args.memory.max(16) * 1024 * 1024) {
        Err(error @ IndexError::Locked { .. }) => return Err(UsageError(error.to_string()).into()),
        other => other?,
    };
    writer.record_gazetteer(gazetteers::version(&args.gazetteer)?);
    writer.record_tagging_code(env!("NEWSFACET_TAGGING_HASH"));
    let mut checkpoints = Checkpoints::new(args.commit_every, args.commit_seconds);
    let progress = progress_bar(&files);
    let bytes_read = BytesRead::new();
    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };

    let limits = ReadLimits {
        max_bytes: args.max_file_size.saturating_mul(1024 * 1024),
    };
    // Three stages, each on its own thread, joined by bounded channels so that at most a few
    // batches are in flight: reading (one stream over every file, so that titles lose what
    // their site repeats across pages), tagging (parallel within a batch), and writing, which
    // keeps input order, here. A stage that stops drops its end of a channel, and the others
    // stop at their next send.
    let (read_tx, read_rx) = mpsc::sync_channel::<Vec<Record>>(IN_FLIGHT);
    let (tag_tx, tag_rx) = mpsc::sync_channel::<TaggedBatch>(IN_FLIGHT);
    // An article committed as this run would write it is not tagged again.
    let unchanged = writer.unchanged_check();
    let written = std::thread::scope(|scope| -> anyhow::Result<()> {
        let reader =
            scope.spawn(|| read_stage(files.clone(), limits, &bytes_read, &progress, read_tx));
        let tagging = scope.spawn(|| tag_stage(&tagger, &unchanged, read_rx, tag_tx));
        let mut outcome = Ok(());
        for batch in tag_rx.iter() {
            summary.stages.tag += batch.seconds;
            let writing = Instant::now();
            outcome = write_batch(&mut writer, batch.records, &mut summary);
            summary.stages.write += writing.elapsed().as_secs_f64();
            if outcome.is_err() {
                break;
            }
            progress.set_position(bytes_read.get());
            progress.set_prefix(format!("{} articles", summary.read));
            if checkpoints.due(summary.read) {
                progress.set_message("checkpoint");
                let committing = Instant::now();
                outcome = writer
                    .checkpoint()
                    .with_context(|| format!("committing {}", args.index.display()));
                summary.stages.commit += committing.elapsed().as_secs_f64();
                if outcome.is_err() {
                    break;
                }
                summary.checkpoints += 1;
            }
        }
        // Dropping the receiver stops the other stages if writing stopped early.
        drop(tag_rx);
        summary.stages.read = reader.join().unwrap_or(0.0);
        // A panic in tagging is a bug; it is reported as such, and nothing of its batch is
        // committed.
        if tagging.join().is_err() {
            anyhow::bail!("tagging failed unexpectedly; the articles written so far are kept");
        }
        outcome
    });
    written?;
    progress.set_position(bytes_read.get());
    progress.set_message("committing");
    summary.stories = writer.story_stats();
    let committing = Instant::now();
    writer
        .commit()
        .with_context(|| format!("committing {}", args.index.display()))?;
    summary.stages.commit += committing.elapsed().as_secs_f64();
    progress.finish_and_clear();
    summary.documents_in_index = index.count(DocKind::Article)?;
    summary.quotes_in_index = index.count(DocKind::Quote)?;
    summary.stories_in_index = index.story_counts()?;
    summary.top_values(&index, tagger.gazetteer())?;
    summary.seconds = started.elapsed().as_secs_f64();

    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary, &args.index)?;
    }
    // Everything good is committed either way; a skipped input is the user's to look at.
    Ok(if summary.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// When a long run commits what it has: every `every` records read or `interval` of time,
/// whichever comes first, so that a crash or a kill loses little work.
struct Checkpoints {
    every: usize,
    interval: Duration,
    last_read: usize,
    last_time: Instant,
}

impl Checkpoints {
    fn new(every: usize, seconds: u64) -> Self {
        Checkpoints {
            every: every.max(1),
            interval: Duration::from_secs(seconds),
            last_read: 0,
            last_time: Instant::now(),
        }
    }

    /// Whether to commit now, `read` records into the run; if so, the clock restarts.
    fn due(&mut self, read: usize) -> bool {
        let due = read - self.last_read >= self.every || self.last_time.elapsed() >= self.interval;
        if due {
            self.last_read = read;
            self.last_time = Instant::now();
        }
        due
    }
}

/// A record as read: an article, or why the input could not be read.
type Record = Result<Article, ReadError>;

/// A record after the tagging stage.
enum Tagged {
    /// An article with its tags, to be written.
    New(Article, Box<Tags>),
    /// An article committed as it would be written now: not tagged, not rewritten.
    Unchanged(Article),
    /// An input that could not be read.
    Unreadable(ReadError),
}

/// Records in input order, after tagging, and the time tagging took.
struct TaggedBatch {
    records: Vec<Tagged>,
    seconds: f64,
}

/// Reads every file into batches of records; returns the time spent reading.
fn read_stage(
    files: Vec<PathBuf>,
    limits: ReadLimits,
    bytes_read: &BytesRead,
    progress: &ProgressBar,
    out: mpsc::SyncSender<Vec<Record>>,
) -> f64 {
    let mut seconds = 0.0;
    let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
    let mut current_file: Option<PathBuf> = None;
    let mut records = newsfacet_article::read_files(files, limits, bytes_read);
    loop {
        let reading = Instant::now();
        let record = records.next();
        seconds += reading.elapsed().as_secs_f64();
        let Some(record) = record else { break };
        let path = match &record {
            Ok(article) => article.origin.path.as_path(),
            Err(error) => error.path(),
        };
        if current_file.as_deref() != Some(path) {
            progress.set_message(path.display().to_string());
            current_file = Some(path.to_path_buf());
        }
        batch.push(record);
        if batch.len() == BATCH && out.send(std::mem::take(&mut batch)).is_err() {
            return seconds;
        }
    }
    if !batch.is_empty() {
        let _ = out.send(batch);
    }
    seconds
}

/// Tags each batch, in parallel within it, keeping the order of its records.
fn tag_stage(
    tagger: &Tagger,
    unchanged: &UnchangedCheck,
    input: mpsc::Receiver<Vec<Record>>,
    out: mpsc::SyncSender<TaggedBatch>,
) {
    for batch in input {
        let tagging = Instant::now();
        let records = batch
            .into_par_iter()
            .map(|record| match record {
                Err(error) => Tagged::Unreadable(error),
                Ok(article) if unchanged.is_unchanged(&article) => Tagged::Unchanged(article),
                Ok(article) => {
                    let tags = tagger.tag(&article);
                    Tagged::New(article, Box::new(tags))
                }
            })
            .collect();
        let batch = TaggedBatch {
            records,
            seconds: tagging.elapsed().as_secs_f64(),
        };
        if out.send(batch).is_err() {
            return;
        }
    }
}

/// Upserts a tagged batch in order, counting what became of each article.
fn write_batch(
    writer: &mut newsfacet_index::NewsWriter,
    records: Vec<Tagged>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    for record in records {
        let (article, outcome) = match record {
            Tagged::Unreadable(error) => {
                summary.skip(&error);
                continue;
            }
            Tagged::Unchanged(article) => {
                let outcome = writer.skip_unchanged(&article);
                (article, outcome)
            }
            Tagged::New(article, tags) => {
                let outcome = writer.upsert(&article, &tags)?;
                (article, outcome)
            }
        };
        summary.read += 1;
        match outcome {
            Upsert::Added => summary.indexed += 1,
            Upsert::Updated => summary.updated += 1,
            Upsert::Unchanged => summary.unchanged += 1,
            Upsert::Duplicate => {
                // The same article read from another input: nothing is lost.
                summary.duplicates += 1;
                tracing::info!(
                    "{}: the same article as an earlier record with id {}",
                    article.origin,
                    article.id
                );
            }
            Upsert::Conflict => {
                summary.skip_record(
                    "id of another article",
                    format!(
                        "{}: id {} is already used by a different article earlier in this run; \
                         not indexed",
                        article.origin, article.id
                    ),
                );
            }
        }
    }
    Ok(())
}

/// A bar over the bytes of the input files on a terminal, with the rate and the time left;
/// hidden when stderr is piped or redirected. Bytes rather than files or records: one JSON
/// Lines dump of a million articles is a single file of lines not yet counted.
fn progress_bar(files: &[PathBuf]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // A file that cannot be read counts for nothing here; the reader reports it.
    let total = files
        .iter()
        .filter_map(|file| std::fs::metadata(file).ok())
        .map(|metadata| metadata.len())
        .sum();
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:30} {binary_bytes}/{binary_total_bytes} \
         {binary_bytes_per_sec} · {eta} left · {prefix} · {wide_msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The summary for people; written to a locked stdout so that a closed pipe is an error
/// `main` recognises rather than a panic.
fn print_summary(summary: &Summary, index_dir: &std::path::Path) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Indexed into {} in {:.2}s",
        index_dir.display(),
        summary.seconds
    )?;
    writeln!(
        out,
        "  files {}  read {}  indexed {}  updated {}  unchanged {}  repeated {}  skipped {}",
        summary.files,
        summary.read,
        summary.indexed,
        summary.updated,
        summary.unchanged,
        summary.duplicates,
        summary.skipped
    )?;
    writeln!(
        out,
        "  documents in index: {}, {}",
        count_of(summary.documents_in_index, "article", "articles"),
        count_of(summary.quotes_in_index, "quote", "quotes")
    )?;
    writeln!(
        out,
        "  stories: {} in index, {} with copies ({}); this run {}, {} new ({:.2}s)",
        summary.stories_in_index.stories,
        summary.stories_in_index.with_copies,
        count_of(
            summary.stories_in_index.articles_in_copies,
            "article",
            "articles"
        ),
        count_of(summary.stories.copies as u64, "copy", "copies"),
        summary.stories.new_stories,
        summary.stories.time.as_secs_f64()
    )?;
    for (reason, count) in &summary.skip_reasons {
        writeln!(out, "  skipped ({reason}): {count}")?;
    }
    for record in &summary.skipped_records {
        writeln!(out, "    {record}")?;
    }
    for (label, values) in [
        ("speakers", &summary.top_speakers),
        ("countries", &summary.top_countries),
        ("sources", &summary.top_sources),
        ("origins", &summary.top_origins),
    ] {
        let listed: Vec<String> = values.iter().map(|(v, c)| format!("{v} ({c})")).collect();
        writeln!(
            out,
            "  top {label}: {}",
            if listed.is_empty() {
                "none".to_string()
            } else {
                listed.join(", ")
            }
        )?;
    }
    Ok(())
}
