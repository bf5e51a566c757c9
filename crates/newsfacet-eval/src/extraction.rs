//! HTML main-text extraction on trafilatura's evaluation set (issue 10): newsfacet's own reader
//! against candidate extractor crates, scored the way trafilatura scores itself (see
//! [`scoring`]). Each extractor runs over every page on its own, single-threaded, timed from
//! the page's bytes to its text; a panic on a page is caught and counts as a failed page.

mod extractors;
mod scoring;

use std::collections::BTreeMap;
use std::io::Read;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

pub use extractors::Extractor;
use extractors::Runner;
use scoring::{normalize, Counts};

/// One entry of `evaldata.json`.
#[derive(Debug, Deserialize)]
struct Entry {
    file: String,
    with: Vec<String>,
    without: Vec<String>,
}

/// A page ready to be extracted: its HTML and its normalised snippets.
struct Page {
    file: String,
    html: Vec<u8>,
    with: Vec<String>,
    without: Vec<String>,
}

/// Which text of an extraction is scored.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
enum View {
    /// The title, a newline, then the body.
    TitleBody,
    /// The body alone (trafilatura's own evaluation scores only the main text).
    Body,
}

impl View {
    fn label(self) -> &'static str {
        match self {
            View::TitleBody => "title+body",
            View::Body => "body",
        }
    }
}

#[derive(Debug, Serialize)]
struct Row {
    extractor: Extractor,
    text: View,
    precision: f64,
    recall: f64,
    f1: f64,
    accuracy: f64,
    #[serde(flatten)]
    counts: Counts,
    ms_mean: f64,
    ms_median: f64,
    /// Pages whose extraction returned an error or panicked (scored as extracting nothing).
    failed: usize,
    /// Of those, the panics.
    panicked: usize,
    /// Pages extracted without error but with an empty text.
    empty: usize,
}

#[derive(Debug, Serialize)]
struct Output {
    pages: usize,
    with_snippets: usize,
    without_snippets: usize,
    results: Vec<Row>,
}

pub fn run(dir: &Path, json: bool, extractors: &[Extractor]) -> anyhow::Result<()> {
    let pages = load(dir)?;
    let extractors = if extractors.is_empty() {
        &Extractor::ALL[..]
    } else {
        extractors
    };
    let mut results = Vec::new();
    for &extractor in extractors {
        if !json {
            eprintln!("{}: extracting {} pages ...", extractor.name(), pages.len());
        }
        results.extend(evaluate(extractor, &pages)?);
    }
    let output = Output {
        pages: pages.len(),
        with_snippets: pages.iter().map(|p| p.with.len()).sum(),
        without_snippets: pages.iter().map(|p| p.without.len()).sum(),
        results,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&output)?);
    } else {
        print_table(&output);
    }
    Ok(())
}

/// Reads `evaldata.json` and every page it names (`pages/<file>.gz`, gunzipped).
fn load(dir: &Path) -> anyhow::Result<Vec<Page>> {
    let index = dir.join("evaldata.json");
    if !index.is_file() {
        bail!(
            "trafilatura's evaluation set is not at {} (expected {} and {}/; see \
             ../shared/data/SOURCES.md, entry eval/trafilatura)",
            dir.display(),
            index.display(),
            dir.join("pages").display()
        );
    }
    let text =
        std::fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    let entries: BTreeMap<String, Entry> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", index.display()))?;
    let mut pages = Vec::with_capacity(entries.len());
    for (url, entry) in entries {
        let path: PathBuf = dir.join("pages").join(format!("{}.gz", entry.file));
        let html = gunzip(&path).with_context(|| format!("page of {url}"))?;
        pages.push(Page {
            file: entry.file,
            html,
            with: entry.with.iter().map(|s| normalize(s)).collect(),
            without: entry.without.iter().map(|s| normalize(s)).collect(),
        });
    }
    Ok(pages)
}

fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut html = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut html)
        .with_context(|| format!("gunzipping {}", path.display()))?;
    Ok(html)
}

/// Per-view counts and timings of one extractor over all pages.
struct Tally {
    title_body: Counts,
    body: Counts,
    millis: Vec<f64>,
    failed: usize,
    panicked: usize,
    empty_title_body: usize,
    empty_body: usize,
    first_error: Option<String>,
}

/// Runs one extractor over all pages, on a thread with a large stack (deeply nested pages
/// recurse deeply in some extractors, and a stack overflow cannot be caught).
fn evaluate(extractor: Extractor, pages: &[Page]) -> anyhow::Result<Vec<Row>> {
    let tally = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name(extractor.name().to_owned())
            .stack_size(256 << 20)
            .spawn_scoped(scope, || tally(extractor, pages))
            .context("spawning the extraction thread")?
            .join()
            .map_err(|_| anyhow::anyhow!("{} crashed the evaluation", extractor.name()))?
    })?;
    if let Some(error) = &tally.first_error {
        eprintln!(
            "{}: {} of {} pages failed; first: {error}",
            extractor.name(),
            tally.failed,
            pages.len()
        );
    }
    let mut sorted = tally.millis.clone();
    sorted.sort_by(f64::total_cmp);
    let ms_mean = sorted.iter().sum::<f64>() / sorted.len().max(1) as f64;
    let ms_median = median(&sorted);
    let row = |text: View, counts: Counts, empty: usize| Row {
        extractor,
        text,
        precision: counts.precision(),
        recall: counts.recall(),
        f1: counts.f1(),
        accuracy: counts.accuracy(),
        counts,
        ms_mean,
        ms_median,
        failed: tally.failed,
        panicked: tally.panicked,
        empty,
    };
    Ok(vec![
        row(View::TitleBody, tally.title_body, tally.empty_title_body),
        row(View::Body, tally.body, tally.empty_body),
    ])
}

fn tally(extractor: Extractor, pages: &[Page]) -> anyhow::Result<Tally> {
    let runner = Runner::new(extractor)?;
    // Warm-up, untimed: lazily built rules, models and allocations.
    let warm_up = b"<html><head><title>t</title></head><body><p>text</p></body></html>";
    runner.stage(warm_up)?;
    let _ = panic::catch_unwind(AssertUnwindSafe(|| runner.extract(warm_up)));

    let mut tally = Tally {
        title_body: Counts::default(),
        body: Counts::default(),
        millis: Vec::with_capacity(pages.len()),
        failed: 0,
        panicked: 0,
        empty_title_body: 0,
        empty_body: 0,
        first_error: None,
    };
    // Panics are counted, not printed page by page.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    for page in pages {
        runner.stage(&page.html)?;
        let started = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| runner.extract(&page.html)));
        tally.millis.push(started.elapsed().as_secs_f64() * 1e3);
        let extracted = match result {
            Ok(Ok(extracted)) => Some(extracted),
            Ok(Err(error)) => {
                tally.failed += 1;
                tally
                    .first_error
                    .get_or_insert_with(|| format!("{}: {error:#}", page.file));
                None
            }
            Err(payload) => {
                tally.failed += 1;
                tally.panicked += 1;
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tally
                    .first_error
                    .get_or_insert_with(|| format!("{}: panic: {message}", page.file));
                None
            }
        };
        let (title_body, body) = match &extracted {
            Some(e) => (
                Some(normalize(&format!("{}\n{}", e.title, e.body))),
                Some(normalize(&e.body)),
            ),
            None => (None, None),
        };
        tally.empty_title_body += usize::from(title_body.as_deref() == Some(""));
        tally.empty_body += usize::from(body.as_deref() == Some(""));
        tally.title_body.add(Counts::of_page(
            &page.with,
            &page.without,
            title_body.as_deref(),
        ));
        tally
            .body
            .add(Counts::of_page(&page.with, &page.without, body.as_deref()));
    }
    panic::set_hook(hook);
    Ok(tally)
}

fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn print_table(output: &Output) {
    println!(
        "{} pages, {} `with` and {} `without` snippets (whitespace-normalised substring match, \
         as trafilatura's tests/eval_common.py)",
        output.pages, output.with_snippets, output.without_snippets
    );
    println!(
        "{:<15} {:<10} {:>6} {:>6} {:>6} {:>6} {:>8} {:>7} {:>7} {:>6}",
        "extractor", "text", "P", "R", "F1", "acc", "ms/page", "median", "failed", "empty"
    );
    for row in &output.results {
        let failed = if row.panicked > 0 {
            format!("{}({}p)", row.failed, row.panicked)
        } else {
            row.failed.to_string()
        };
        println!(
            "{:<15} {:<10} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>8.2} {:>7.2} {:>7} {:>6}",
            row.extractor.name(),
            row.text.label(),
            row.precision,
            row.recall,
            row.f1,
            row.accuracy,
            row.ms_mean,
            row.ms_median,
            failed,
            row.empty
        );
    }
    println!("ms/page: mean, single thread, from the page's bytes (decoding included); failed pages count as extracting nothing; (Np) = of which panics");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
    }

    #[test]
    fn missing_data_folder_names_it() {
        let error = load(Path::new("/nonexistent/trafilatura"))
            .err()
            .expect("missing folder is an error");
        assert!(error.to_string().contains("/nonexistent/trafilatura"));
    }
}
