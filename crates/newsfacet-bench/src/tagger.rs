//! Tagger benchmark: gazetteer load, matcher set-up, and single-thread throughput of the
//! matcher alone and of the whole tagging pipeline (matching, attribution, source, countries).

use std::path::Path;
use std::time::Instant;

use newsfacet_article::Article;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_tag::{attribution, tagged_text, Tagger};
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Output {
    articles: usize,
    megabytes: f64,
    gazetteer_entries: usize,
    patterns: usize,
    gazetteer_load_ms: f64,
    matcher_build_ms: f64,
    match_mb_per_s: f64,
    attribution_mb_per_s: f64,
    tag_mb_per_s: f64,
    mentions: usize,
    quotes: usize,
}

pub fn run(corpus: &Path, json: bool) -> anyhow::Result<()> {
    let articles: Vec<Article> = newsfacet_article::read_file(corpus)
        .filter_map(Result::ok)
        .collect();
    let texts: Vec<String> = articles
        .iter()
        .map(|a| tagged_text(&a.title, &a.body))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let megabytes = bytes as f64 / 1e6;

    let started = Instant::now();
    let gazetteer = Gazetteer::bundled()?;
    let gazetteer_load_ms = started.elapsed().as_secs_f64() * 1e3;
    let entries = gazetteer.len();
    let started = Instant::now();
    let tagger = Tagger::new(gazetteer)?;
    let matcher_build_ms = started.elapsed().as_secs_f64() * 1e3;

    let started = Instant::now();
    let all_mentions: Vec<_> = texts.iter().map(|t| tagger.matcher().find(t)).collect();
    let match_seconds = started.elapsed().as_secs_f64();
    let mentions = all_mentions.iter().map(Vec::len).sum();

    let started = Instant::now();
    let quotes: usize = texts
        .iter()
        .zip(&all_mentions)
        .map(|(text, mentions)| attribution::attribute(text, mentions, tagger.gazetteer()).len())
        .sum();
    let attribution_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    for article in &articles {
        std::hint::black_box(tagger.tag(article));
    }
    let tag_seconds = started.elapsed().as_secs_f64();

    let output = Output {
        articles: articles.len(),
        megabytes,
        gazetteer_entries: entries,
        patterns: tagger.matcher().pattern_count(),
        gazetteer_load_ms,
        matcher_build_ms,
        match_mb_per_s: megabytes / match_seconds,
        attribution_mb_per_s: megabytes / attribution_seconds,
        tag_mb_per_s: megabytes / tag_seconds,
        mentions,
        quotes,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&output)?);
    } else {
        println!(
            "{} articles, {:.1} MB, single thread",
            output.articles, output.megabytes
        );
        println!(
            "gazetteer: {} entries, {} aliases, load {:.0} ms, matcher set-up {:.0} ms",
            output.gazetteer_entries,
            output.patterns,
            output.gazetteer_load_ms,
            output.matcher_build_ms
        );
        println!(
            "matching    {:>7.1} MB/s  ({} mentions)",
            output.match_mb_per_s, output.mentions
        );
        println!(
            "attribution {:>7.1} MB/s  ({} quotes)",
            output.attribution_mb_per_s, output.quotes
        );
        println!("full tag    {:>7.1} MB/s", output.tag_mb_per_s);
    }
    Ok(())
}
