//! `newsfacet-bench`: speed, memory and size measurements, too slow and too machine-dependent
//! for tests. `run` is the harness of issue 14: the full pipeline against plain tantivy on one
//! generated corpus, in one run, so that ratios compare from run to run.

mod child;
mod corpus;
mod harness;
mod index_size;
mod load;
mod plain;
mod queries;
mod startup;
mod stories;
mod tagger;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Where the Reuters corpus is, from the workspace root.
const REUTERS: &str = "../shared/data/corpus/reuters21578.jsonl";

#[derive(Debug, Parser)]
#[command(name = "newsfacet-bench", about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The whole harness: generate (or reuse) a corpus, index it with plain tantivy and with
    /// newsfacet, re-index it unchanged, and measure throughput, stages, peak memory, index
    /// size per field, in-process query latency and whole-process command times.
    Run {
        /// Articles in the generated corpus.
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder for the corpus and the indexes (kept between runs; the corpus is reused).
        #[arg(long, default_value = "target/bench")]
        work: PathBuf,
        /// The Reuters corpus the articles are made from.
        #[arg(long, default_value = REUTERS)]
        reuters: PathBuf,
        /// Times each query is run for the latency percentiles.
        #[arg(long, default_value_t = 30)]
        query_runs: usize,
        /// Append the report to this Markdown file (e.g. BENCHMARKS.md) under this label.
        #[arg(long, value_name = "FILE")]
        append: Option<PathBuf>,
        /// What changed since the last recorded run, for the report's heading.
        #[arg(long, default_value = "run")]
        label: String,
    },
    /// Generate a corpus only.
    Generate {
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value = REUTERS)]
        reuters: PathBuf,
        /// The JSON Lines file to write.
        out: PathBuf,
    },
    /// Index a JSON Lines corpus with plain tantivy (run as a child of `run`, so that its
    /// memory is measured alone).
    PlainIndex {
        corpus: PathBuf,
        /// The index folder to create.
        index: PathBuf,
        /// Indexing memory in MB, as `newsfacet index --memory`.
        #[arg(long, default_value_t = 256)]
        memory: usize,
    },
    /// Only the in-process query latencies of `run`, on indexes it built (for profiling).
    Queries {
        /// The newsfacet index, e.g. target/bench/100000-seed1/newsfacet-index
        index: PathBuf,
        /// The plain index, e.g. target/bench/100000-seed1/plain-index
        plain: PathBuf,
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
    /// Story detection alone: upsert the articles of a corpus, with signatures and no other
    /// tags, into a copy of a committed index, and time the search for copies.
    Stories {
        /// A committed newsfacet index, e.g. target/bench/300000-seed1/newsfacet-index
        index: PathBuf,
        /// A JSON Lines corpus of articles to look up, e.g. one generated with another seed.
        corpus: PathBuf,
        /// Articles upserted.
        #[arg(long, default_value_t = 20_000)]
        articles: usize,
        #[arg(long)]
        json: bool,
    },
    /// Matcher build time and tagging throughput over a JSON Lines corpus.
    Tagger {
        /// e.g. ../shared/data/corpus/reuters21578.jsonl
        corpus: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Whole-process start-up: median wall time of `search`, `facets` and `analyze` on the
    /// sample corpus, run as a user runs them (the binary next to this one unless `--binary`).
    Startup {
        /// The newsfacet binary to time.
        #[arg(long)]
        binary: Option<PathBuf>,
        /// The workspace root, where `index-data/corpus` is.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Runs per command.
        #[arg(long, default_value_t = 21)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// The space each field of an index takes on disk (terms, postings, positions, norms,
    /// fast columns) and the document store.
    IndexSize {
        /// An index directory, e.g. index-data/index
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Concurrent HTTP clients against a running `newsfacet serve`: requests/s, p50/p99
    /// latency and failed requests (any failure exits non-zero).
    Load {
        /// The server, e.g. http://127.0.0.1:7700
        #[arg(long)]
        url: String,
        #[arg(long, default_value_t = 16)]
        clients: usize,
        #[arg(long, default_value_t = 30.0)]
        seconds: f64,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run {
            articles,
            seed,
            work,
            reuters,
            query_runs,
            append,
            label,
        } => harness::run(&harness::Settings {
            articles,
            seed,
            work,
            reuters,
            query_runs: query_runs.max(1),
            append,
            label,
        }),
        Command::Generate {
            articles,
            seed,
            reuters,
            out,
        } => {
            let stats = corpus::generate(&reuters, articles, seed, &out)?;
            println!("{}", serde_json::to_string(&stats)?);
            Ok(())
        }
        Command::PlainIndex {
            corpus,
            index,
            memory,
        } => {
            std::fs::create_dir_all(&index)?;
            let documents = plain::build(&corpus, &index, memory.max(16) * 1024 * 1024)?;
            println!("{documents}");
            Ok(())
        }
        Command::Queries { index, plain, runs } => {
            for latency in queries::measure(&index, &plain, runs.max(1))? {
                println!(
                    "{:<40} p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms",
                    latency.name, latency.p50, latency.p95, latency.p99
                );
            }
            Ok(())
        }
        Command::Stories {
            index,
            corpus,
            articles,
            json,
        } => stories::run(&index, &corpus, articles, json),
        Command::Tagger { corpus, json } => tagger::run(&corpus, json),
        Command::Startup {
            binary,
            root,
            runs,
            json,
        } => {
            let binary = match binary {
                Some(binary) => binary,
                None => startup::sibling_binary()?,
            };
            startup::run(&binary, &root, runs, json)
        }
        Command::IndexSize { dir, json } => index_size::run(&dir, json),
        Command::Load {
            url,
            clients,
            seconds,
            json,
        } => load::run(
            &load::Settings {
                url,
                clients,
                seconds,
            },
            json,
        ),
    }
}
