//! Replays every committed fuzz input on stable: each file of `fuzz/corpus/<target>/` and
//! `fuzz/regressions/<target>/` through `newsfacet_fuzz::<target>`. A regression input that
//! panics again fails this test, naming the file.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// The `fuzz/` directory at the repository root.
fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files directly in `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .filter(|path| {
            // Notes next to the inputs are not inputs.
            !path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".md"))
        })
        .collect();
    files.sort();
    files
}

/// Runs every input of `target`; the failures, one line each.
fn replay(target: &str) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for kind in ["corpus", "regressions"] {
        for file in inputs(&fuzz_dir().join(kind).join(target)) {
            let data = std::fs::read(&file).expect("reading a fuzz input");
            count += 1;
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                assert!(newsfacet_fuzz::run(target, &data), "no target {target}");
            }));
            if let Err(payload) = outcome {
                let message = payload
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| payload.downcast_ref::<&str>().copied())
                    .unwrap_or("(no message)");
                failures.push(format!("{}: {message}", file.display()));
            }
        }
    }
    (count, failures)
}

fn check(target: &str) {
    let (count, failures) = replay(target);
    assert!(
        count > 0,
        "no inputs for {target} under {}",
        fuzz_dir().display()
    );
    assert!(
        failures.is_empty(),
        "{} of {count} {target} inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn clean_text() {
    check("clean_text");
}

#[test]
fn read_html() {
    check("read_html");
}

#[test]
fn match_gazetteer() {
    check("match_gazetteer");
}

#[test]
fn attribute_quotes() {
    check("attribute_quotes");
}

#[test]
fn parse_date() {
    check("parse_date");
}

#[test]
fn parse_query() {
    check("parse_query");
}

#[test]
fn every_target_is_replayed() {
    for target in newsfacet_fuzz::TARGETS {
        let name = format!("{target}.rs");
        assert!(
            fuzz_dir().join("fuzz_targets").join(&name).is_file(),
            "fuzz/fuzz_targets/{name} is missing"
        );
    }
}
