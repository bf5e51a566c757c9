//! The harness: one run measures plain tantivy and newsfacet on the same generated corpus and
//! writes a Markdown report (to stdout, and appended to BENCHMARKS.md when asked).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use serde::Deserialize;

use crate::child::{self, Measured};
use crate::{corpus, index_size, queries, startup};

/// Whole-process runs per command.
const PROCESS_RUNS: usize = 11;

/// What `run` was asked to do.
pub struct Settings {
    pub articles: usize,
    pub seed: u64,
    pub work: PathBuf,
    pub reuters: PathBuf,
    pub query_runs: usize,
    pub append: Option<PathBuf>,
    pub label: String,
}

/// The part of `newsfacet index --json` the report uses.
#[derive(Debug, Deserialize)]
struct IndexSummary {
    indexed: usize,
    unchanged: usize,
    seconds: f64,
    #[serde(default)]
    stages: Stages,
    stories: StoryStats,
}

#[derive(Debug, Default, Deserialize)]
struct Stages {
    read: f64,
    tag: f64,
    write: f64,
    commit: f64,
}

#[derive(Debug, Deserialize)]
struct StoryStats {
    seconds: f64,
    copies: usize,
    new_stories: usize,
    #[serde(default)]
    lookups: usize,
    #[serde(default)]
    confirmed: usize,
    #[serde(default)]
    unindexed: usize,
}

/// Runs every measurement and reports.
pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let newsfacet = startup::sibling_binary()?;
    let me = std::env::current_exe().context("locating newsfacet-bench")?;
    let work = settings
        .work
        .join(format!("{}-seed{}", settings.articles, settings.seed));
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let corpus_path = work.join("corpus.jsonl");
    if !corpus_path.is_file() {
        eprintln!("generating {} articles …", settings.articles);
        let stats = corpus::generate(
            &settings.reuters,
            settings.articles,
            settings.seed,
            &corpus_path,
        )?;
        eprintln!("{stats:?}");
    }
    let corpus_bytes = std::fs::metadata(&corpus_path)?.len();
    let corpus_mb = corpus_bytes as f64 / 1e6;
    let corpus_arg = path_arg(&corpus_path);

    let plain_dir = work.join("plain-index");
    let news_dir = work.join("newsfacet-index");
    for dir in [&plain_dir, &news_dir] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
        }
    }
    eprintln!("plain tantivy …");
    let plain = child::run(&me, &["plain-index", &corpus_arg, &path_arg(&plain_dir)])?;
    eprintln!("newsfacet index …");
    let index_args = [
        "index",
        corpus_arg.as_str(),
        "--index",
        &path_arg(&news_dir),
        "--json",
        "-q",
    ];
    let first = child::run(&newsfacet, &index_args)?;
    let first_summary: IndexSummary = serde_json::from_str(&first.stdout)
        .context("reading the summary of newsfacet index --json")?;
    eprintln!("newsfacet index, unchanged input …");
    let again = child::run(&newsfacet, &index_args)?;
    let again_summary: IndexSummary = serde_json::from_str(&again.stdout)
        .context("reading the summary of the second newsfacet index --json")?;
    if again_summary.unchanged != first_summary.indexed {
        bail!(
            "re-indexing unchanged input rewrote articles: {} unchanged of {}",
            again_summary.unchanged,
            first_summary.indexed
        );
    }

    let plain_size = index_size::measure(&plain_dir)?;
    let news_size = index_size::measure(&news_dir)?;
    eprintln!("queries …");
    let latencies = queries::measure(&news_dir, &plain_dir, settings.query_runs)?;
    eprintln!("whole-process commands …");
    let processes = whole_process(&newsfacet, &news_dir, &corpus_path, &work)?;

    let report = report(&Report {
        settings,
        corpus_mb,
        plain: &plain,
        first: &first,
        first_summary: &first_summary,
        again: &again,
        again_summary: &again_summary,
        plain_size: &plain_size,
        news_size: &news_size,
        latencies: &latencies,
        processes: &processes,
    })?;
    print!("{report}");
    if let Some(path) = &settings.append {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("opening {}", path.display()))?;
        file.write_all(report.as_bytes())?;
        eprintln!("appended to {}", path.display());
    }
    Ok(())
}

/// Median wall time of each command, run as a user runs it.
fn whole_process(
    newsfacet: &Path,
    index: &Path,
    corpus: &Path,
    work: &Path,
) -> anyhow::Result<Vec<(String, Duration)>> {
    // One article of the corpus, as a file for `analyze`.
    let first_line = std::fs::read_to_string(corpus)?
        .lines()
        .next()
        .map(str::to_string)
        .context("an empty corpus")?;
    let article = work.join("one-article.jsonl");
    std::fs::write(&article, format!("{first_line}\n"))?;
    let index = path_arg(index);
    let article = path_arg(&article);
    let commands: Vec<(&str, Vec<&str>)> = vec![
        ("search \"oil prices\"", vec!["search", "oil prices"]),
        (
            "search \"oil prices\" --country \"United States\" --source Reuters",
            vec![
                "search",
                "oil prices",
                "--country",
                "United States",
                "--source",
                "Reuters",
            ],
        ),
        (
            "facets --field speaker",
            vec!["facets", "--field", "speaker"],
        ),
        ("quotes oil", vec!["quotes", "oil"]),
    ];
    let mut out = Vec::new();
    for (name, mut args) in commands {
        args.extend(["--index", index.as_str()]);
        out.push((name.to_string(), median_run(newsfacet, &args)?));
    }
    out.push((
        "analyze (one article)".to_string(),
        median_run(newsfacet, &["analyze", &article])?,
    ));
    Ok(out)
}

fn median_run(program: &Path, args: &[&str]) -> anyhow::Result<Duration> {
    child::run(program, args)?;
    let mut samples = Vec::with_capacity(PROCESS_RUNS);
    for _ in 0..PROCESS_RUNS {
        samples.push(child::run(program, args)?.elapsed);
    }
    samples.sort();
    Ok(samples[samples.len() / 2])
}

struct Report<'a> {
    settings: &'a Settings,
    corpus_mb: f64,
    plain: &'a Measured,
    first: &'a Measured,
    first_summary: &'a IndexSummary,
    again: &'a Measured,
    again_summary: &'a IndexSummary,
    plain_size: &'a index_size::IndexSize,
    news_size: &'a index_size::IndexSize,
    latencies: &'a [queries::Latency],
    processes: &'a [(String, Duration)],
}

fn report(r: &Report) -> anyhow::Result<String> {
    let mut md = String::new();
    let mb = |bytes: u64| bytes as f64 / 1_048_576.0;
    let secs = |m: &Measured| m.elapsed.as_secs_f64();
    writeln!(
        md,
        "\n## {} articles, seed {}: {} ({})\n",
        r.settings.articles,
        r.settings.seed,
        r.settings.label,
        now_utc()
    )?;
    writeln!(md, "- machine: {}", machine())?;
    writeln!(md, "- commit: {}", git_commit())?;
    writeln!(
        md,
        "- command: `cargo run --release -p newsfacet-bench -- run --articles {} --seed {}`",
        r.settings.articles, r.settings.seed
    )?;
    writeln!(md, "- corpus: {:.1} MB of JSON Lines\n", r.corpus_mb)?;

    writeln!(
        md,
        "| indexing | seconds | MB/s | docs/s | peak memory | of it anonymous | index size |"
    )?;
    writeln!(md, "|---|---:|---:|---:|---:|---:|---:|")?;
    let row = |name: &str, m: &Measured, docs: usize, size: Option<u64>| {
        format!(
            "| {name} | {:.1} | {:.2} | {:.0} | {:.0} MiB | {:.0} MiB | {} |",
            secs(m),
            r.corpus_mb / secs(m),
            docs as f64 / secs(m),
            mb(m.peak_rss),
            mb(m.peak_anon),
            size.map_or("".to_string(), |b| format!("{:.1} MiB", mb(b)))
        )
    };
    let docs = r.settings.articles;
    writeln!(
        md,
        "{}",
        row("plain tantivy", r.plain, docs, Some(r.plain_size.total))
    )?;
    writeln!(
        md,
        "{}",
        row("newsfacet", r.first, docs, Some(r.news_size.total))
    )?;
    writeln!(
        md,
        "{}",
        row("newsfacet, input unchanged", r.again, docs, None)
    )?;
    writeln!(md)?;
    writeln!(
        md,
        "- throughput: **{:.2}×** plain (target ≥ 0.35×); unchanged re-index {:.1}× faster than the first run (target ≥ 5×)",
        secs(r.plain) / secs(r.first),
        secs(r.first) / secs(r.again)
    )?;
    writeln!(
        md,
        "- index size: **{:.2}×** plain (target ≤ 1.6×); peak resident memory {:.0} MiB, peak anonymous memory {:.0} MiB (plain {:.0} MiB, {:.0} MiB; resident memory also counts the index files mapped and read)",
        r.news_size.total as f64 / r.plain_size.total.max(1) as f64,
        mb(r.first.peak_rss),
        mb(r.first.peak_anon),
        mb(r.plain.peak_rss),
        mb(r.plain.peak_anon)
    )?;
    let s = &r.first_summary.stages;
    writeln!(
        md,
        "- stages of the first run (s): read and clean {:.1}, tag and attribute {:.1}, write {:.1} (story detection {:.1}), commit {:.1}; run {:.1}",
        s.read, s.tag, s.write, r.first_summary.stories.seconds, s.commit, r.first_summary.seconds
    )?;
    let stories = &r.first_summary.stories;
    writeln!(
        md,
        "- story detection: {} copies, {} new stories; {} lookups in the committed index, {:.1} digests compared per lookup; {} articles without indexed band keys",
        stories.copies,
        stories.new_stories,
        stories.lookups,
        stories.confirmed as f64 / stories.lookups.max(1) as f64,
        stories.unindexed
    )?;
    let s = &r.again_summary.stages;
    writeln!(
        md,
        "- stages, unchanged input (s): read {:.1}, tag {:.1}, write {:.1}, commit {:.1}\n",
        s.read, s.tag, s.write, s.commit
    )?;

    writeln!(md, "| newsfacet field | MiB | share |")?;
    writeln!(md, "|---|---:|---:|")?;
    writeln!(
        md,
        "| document store | {:.1} | {:.0} % |",
        mb(r.news_size.store),
        100.0 * r.news_size.store as f64 / r.news_size.total.max(1) as f64
    )?;
    for (name, bytes) in r.news_size.largest_first() {
        writeln!(
            md,
            "| {name} | {:.1} | {:.0} % |",
            mb(bytes.total()),
            100.0 * bytes.total() as f64 / r.news_size.total.max(1) as f64
        )?;
    }
    writeln!(md)?;

    writeln!(
        md,
        "| in-process query ({} runs of 8 queries) | p50 ms | p95 ms | p99 ms |",
        r.settings.query_runs
    )?;
    writeln!(md, "|---|---:|---:|---:|")?;
    for l in r.latencies {
        writeln!(
            md,
            "| {} | {:.2} | {:.2} | {:.2} |",
            l.name, l.p50, l.p95, l.p99
        )?;
    }
    writeln!(md)?;
    writeln!(md, "| whole process (median of {PROCESS_RUNS}) | ms |")?;
    writeln!(md, "|---|---:|")?;
    for (name, elapsed) in r.processes {
        writeln!(md, "| `{name}` | {:.1} |", elapsed.as_secs_f64() * 1e3)?;
    }
    Ok(md)
}

/// The time of the report, to the minute.
fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(seconds, 0)
        .map_or_else(String::new, |t| t.format("%Y-%m-%d %H:%M UTC").to_string())
}

/// Cores, CPU model and memory, from /proc.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpu
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".to_string());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok())
        .map_or("? GB".to_string(), |kb| {
            format!("{:.0} GB", kb / 1_048_576.0)
        });
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {model}, {memory} RAM")
}

fn git_commit() -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

fn path_arg(path: &Path) -> String {
    path.display().to_string()
}
