//! `newsfacet-eval`: quality and speed measurements that are too slow or too data-dependent
//! for unit tests. Quality targets are checked here, never in timed tests.

mod bench;
mod conll;
mod extraction;
mod index_size;
mod polnear;
mod score;
mod startup;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "newsfacet-eval", about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Entity tagging against CoNLL-2003 (document-level surface forms; MISC ignored).
    Conll {
        /// An IOB file such as ../shared/data/eval/conll2003/eng.testa
        file: PathBuf,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// List this many false positives and misses per type.
        #[arg(long, default_value_t = 0)]
        show_errors: usize,
    },
    /// Speaker attribution against PolNeAR (a split folder with text/ and attributions/).
    Polnear {
        /// e.g. ../shared/data/eval/polnear/data/dev
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 0)]
        show_errors: usize,
    },
    /// Matcher build time and tagging throughput over a JSON Lines corpus.
    BenchTagger {
        /// e.g. ../shared/data/corpus/reuters21578.jsonl
        corpus: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Whole-process start-up: median wall time of `search`, `facets` and `analyze` run as
    /// a user runs them (the binary next to this one unless `--binary` is given).
    BenchStartup {
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
    /// HTML main-text extraction on trafilatura's evaluation set, scored as trafilatura scores
    /// itself: newsfacet's reader against candidate extractor crates.
    Extraction {
        /// The folder with evaldata.json and pages/, e.g. ../shared/data/eval/trafilatura
        dir: PathBuf,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Run only this extractor (repeatable); all of them by default.
        #[arg(long = "extractor", value_enum, value_name = "NAME")]
        extractors: Vec<extraction::Extractor>,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Conll {
            file,
            json,
            show_errors,
        } => conll::run(&file, json, show_errors),
        Command::Polnear {
            dir,
            json,
            show_errors,
        } => polnear::run(&dir, json, show_errors),
        Command::BenchTagger { corpus, json } => bench::run(&corpus, json),
        Command::IndexSize { dir, json } => index_size::run(&dir, json),
        Command::Extraction {
            dir,
            json,
            extractors,
        } => extraction::run(&dir, json, &extractors),
        Command::BenchStartup {
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
    }
}
