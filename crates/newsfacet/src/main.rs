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

use crate::cli::{Cli, ColorWhen, Command, GazetteerCommand};

/// jemalloc rather than the system allocator: indexing frees large tantivy arenas and many
/// short-lived strings from several threads, and glibc keeps much of that memory (its mmap
/// threshold rises after the first large frees), so a long run's resident memory grew with the
/// corpus. jemalloc returns it and allocates faster too (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// An error that is the user's to fix in the command line (exit status 2), as opposed to a
/// failure while running (exit status 1).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    set_color(cli.color);
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
        Command::Show(args) => commands::show::run(args),
        Command::Stats(args) => commands::stats::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Completions(args) => commands::generate::completions(args),
        Command::Man(args) => commands::generate::man(args),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error of ours.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
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

/// Decides once whether styled output keeps its colours: every `anstream` stream then
/// passes styles through or strips them. `auto` leaves the decision to `anstream`, which
/// turns colour off when `NO_COLOR` is set to anything but the empty string, on when
/// `CLICOLOR_FORCE` is, and otherwise colours a terminal that supports it; `--color` overrides
/// both variables (no-color.org: a flag wins over the environment).
fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// Whether the command failed only because stdout was closed by its reader.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            // serde_json keeps the I/O error inside, not as its source.
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(BrokenPipe)
    })
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
    // Log lines follow the colour choice of stderr, so `--color never` and `NO_COLOR` hold
    // there too.
    let ansi = anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}
