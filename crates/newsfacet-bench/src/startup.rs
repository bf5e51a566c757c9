//! Whole-process start-up benchmark: runs the `newsfacet` binary as a user would, several
//! times per command, and reports the median wall time. Targets (issue 9): `search` and
//! `facets` on the sample index ≤ 20 ms, `analyze` of one short article ≤ 100 ms.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use serde::Serialize;

/// The sample corpus and the short article `analyze` reads, relative to the workspace root.
const SAMPLE_CORPUS: &str = "index-data/corpus";
const SHORT_ARTICLE: &str = "index-data/corpus/txt/2026-03-02-shoigu-japan-tass.txt";

#[derive(Debug, Serialize)]
struct Timing {
    command: String,
    runs: usize,
    median_ms: f64,
    min_ms: f64,
    max_ms: f64,
    target_ms: f64,
    met: bool,
}

/// Times each command `runs` times with `binary`, after building a fresh sample index.
pub fn run(binary: &Path, root: &Path, runs: usize, json: bool) -> anyhow::Result<()> {
    if runs == 0 {
        bail!("--runs must be at least 1");
    }
    let index = tempfile::tempdir().context("creating a temporary index folder")?;
    let index_dir = index.path().join("index");
    let index_arg = index_dir.to_string_lossy().into_owned();
    let corpus = root.join(SAMPLE_CORPUS).to_string_lossy().into_owned();
    let article = root.join(SHORT_ARTICLE).to_string_lossy().into_owned();
    run_once(binary, &["index", &corpus, "--index", &index_arg])?;

    let commands: [(&str, Vec<&str>, f64); 4] = [
        (
            "search",
            vec!["search", "japan", "--index", &index_arg],
            20.0,
        ),
        (
            "search with a filter",
            vec![
                "search",
                "japan",
                "--speaker",
                "shoygu",
                "--index",
                &index_arg,
            ],
            20.0,
        ),
        (
            "facets",
            vec!["facets", "--field", "speaker", "--index", &index_arg],
            20.0,
        ),
        (
            "analyze one short article",
            vec!["analyze", &article],
            100.0,
        ),
    ];
    let mut timings = Vec::new();
    for (name, args, target_ms) in commands {
        // One untimed run warms the page cache, as for a user who runs commands in a row.
        run_once(binary, &args)?;
        let mut samples: Vec<Duration> = Vec::with_capacity(runs);
        for _ in 0..runs {
            samples.push(run_once(binary, &args)?);
        }
        samples.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let median_ms = ms(samples[samples.len() / 2]);
        timings.push(Timing {
            command: name.to_string(),
            runs,
            median_ms,
            min_ms: ms(samples[0]),
            max_ms: ms(samples[samples.len() - 1]),
            target_ms,
            met: median_ms <= target_ms,
        });
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&timings)?);
    } else {
        println!("start-up, median of {runs} runs of {}", binary.display());
        for t in &timings {
            println!(
                "{:<28} {:>7.1} ms  (min {:.1}, max {:.1})  target ≤ {:.0} ms  {}",
                t.command,
                t.median_ms,
                t.min_ms,
                t.max_ms,
                t.target_ms,
                if t.met { "met" } else { "NOT MET" }
            );
        }
    }
    Ok(())
}

fn run_once(binary: &Path, args: &[&str]) -> anyhow::Result<Duration> {
    Ok(crate::child::run(binary, args)?.elapsed)
}

/// The release binary next to this one (`target/release/newsfacet`).
pub fn sibling_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("locating newsfacet-bench")?;
    let binary = me.with_file_name(format!("newsfacet{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!(
            "{} not found: build it first with `cargo build --release`",
            binary.display()
        );
    }
    Ok(binary)
}
