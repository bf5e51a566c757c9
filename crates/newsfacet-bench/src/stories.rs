//! Story detection alone: the articles of a corpus, with their signatures computed beforehand
//! and nothing else tagged, upserted into a copy of a committed index. What it times is the
//! writer's search for copies among the committed articles and those of the run, which at a
//! million articles is most of an indexing run; in `run` it shares two cores with reading,
//! tagging and tantivy's threads, and so varies with them.

use std::path::Path;
use std::time::Instant;

use newsfacet_article::Article;
use newsfacet_index::NewsIndex;
use newsfacet_tag::story::Signature;
use newsfacet_tag::Tags;
use serde::Serialize;

/// What one measurement found.
#[derive(Debug, Serialize)]
struct Output {
    articles: usize,
    copies: usize,
    new_stories: usize,
    lookups: usize,
    confirmed: usize,
    /// Articles written without their band keys (see `StoryStats::unindexed`).
    unindexed: usize,
    /// Time in story detection (finding and confirming copies; signatures were computed
    /// before).
    story_seconds: f64,
    /// Time of all the upserts, story detection included.
    upsert_seconds: f64,
}

/// Copies `index` to a temporary folder, upserts the first `articles` articles of `corpus`
/// there, prints what story detection did and how long it took, and drops the copy.
pub fn run(index: &Path, corpus: &Path, articles: usize, json: bool) -> anyhow::Result<()> {
    let copy = tempfile::tempdir()?;
    for entry in std::fs::read_dir(index)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), copy.path().join(entry.file_name()))?;
        }
    }
    let prepared: Vec<(Article, Tags)> = newsfacet_article::read_file(corpus)
        .filter_map(Result::ok)
        .take(articles)
        .map(|article| {
            let tags = Tags {
                story_signature: Signature::of_text(&article.body),
                ..Tags::default()
            };
            (article, tags)
        })
        .collect();
    let index = NewsIndex::create_or_open(copy.path())?;
    let mut writer = index.writer(256 * 1024 * 1024)?;
    let started = Instant::now();
    for (article, tags) in &prepared {
        writer.upsert(article, tags)?;
    }
    let upsert_seconds = started.elapsed().as_secs_f64();
    let stats = writer.story_stats();
    writer.rollback()?;
    let output = Output {
        articles: prepared.len(),
        copies: stats.copies,
        new_stories: stats.new_stories,
        lookups: stats.lookups,
        confirmed: stats.confirmed,
        unindexed: stats.unindexed,
        story_seconds: stats.time.as_secs_f64(),
        upsert_seconds,
    };
    if json {
        println!("{}", serde_json::to_string(&output)?);
    } else {
        println!(
            "{} articles: {} copies, {} new stories; {} lookups, {} digests compared, \
             {} without indexed band keys; story detection {:.2} s, upserts {:.2} s",
            output.articles,
            output.copies,
            output.new_stories,
            output.lookups,
            output.confirmed,
            output.unindexed,
            output.story_seconds,
            output.upsert_seconds
        );
    }
    Ok(())
}
