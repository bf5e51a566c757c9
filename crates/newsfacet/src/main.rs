//! `newsfacet`: build a faceted news index from a corpus and query it.
//!
//! The binary only parses arguments, wires the library crates together and renders output;
//! reading, tagging, indexing and querying live in their own crates.

mod cli;
mod commands;
mod gazetteers;
mod render;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, GazetteerCommand};

/// An error that is the user's to fix in the command line (exit status 2), as opposed to a
/// failure while running (exit status 1).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose, cli.quiet);
    let result = match cli.command {
        Command::Index(args) => commands::index::run(args),
        Command::Search(args) => commands::search::run(args),
        Command::Quotes(args) => commands::quotes::run(args),
        Command::Facets(args) => commands::facets::run(args),
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Gazetteer { command } => match command {
            GazetteerCommand::Build(args) => commands::gazetteer::build(args),
            GazetteerCommand::Stats(args) => commands::gazetteer::stats(args),
        },
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("newsfacet: error: {error:#}");
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Logs go to stderr. `RUST_LOG` wins when set; otherwise `-v` raises the level from warnings
/// to info, `-vv` to debug, `-vvv` to trace.
fn init_logging(verbose: u8, quiet: bool) {
    use tracing_subscriber::EnvFilter;
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}
