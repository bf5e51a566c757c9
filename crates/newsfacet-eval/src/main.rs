//! `newsfacet-eval`: quality measurements that are too slow or too data-dependent for unit
//! tests. Quality targets are checked here, never in tests; speed is `newsfacet-bench`'s.

mod conll;
mod extraction;
mod polnear;
mod score;

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
        Command::Extraction {
            dir,
            json,
            extractors,
        } => extraction::run(&dir, json, &extractors),
    }
}
