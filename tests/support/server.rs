//! A `newsfacet serve` child process for integration tests (the API tests in
//! `tests/serve_api.rs` and the browser tests in `tests/browser.rs`).
//!
//! Include it with `#[path = "support/server.rs"] mod server;` in a test of the `newsfacet`
//! package (it needs `CARGO_BIN_EXE_newsfacet` and the `tempfile` dev-dependency).
//!
//! - [`sample_index`] builds an index of `index-data/corpus` once per test binary (with
//!   `newsfacet index … --json`, run from the repository root, as `tests/cli.rs` does) and
//!   gives its directory; it is removed when the test binary exits.
//! - [`Server::start`] runs `newsfacet serve --index DIR --port 0` (any extra arguments after
//!   those), waits for its `newsfacet: serving http://HOST:PORT/` line on stderr and gives a
//!   [`Server`] whose `base_url` (`http://127.0.0.1:PORT`, no trailing slash) is ready to use.
//!   [`Server::sample`] is the same over [`sample_index`]. Each test may start its own server:
//!   start-up only opens the index.
//! - Dropping the [`Server`] kills the child and waits for it, so no server outlives its test
//!   (unless the test binary itself is killed).
//!
//! ```ignore
//! #[path = "support/server.rs"]
//! mod server;
//!
//! let server = server::Server::sample();
//! let url = server.url("/api/search?q=*&country=Japan");
//! ```
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// How long a server may take to print its listening line before the test fails.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The repository root (where `index-data/` and `tests/` live).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The path of the `newsfacet` binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_newsfacet")
}

/// Runs `newsfacet` with `args` from the repository root and returns its output.
pub fn newsfacet(args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("the newsfacet binary runs")
}

/// Builds an index of `corpus` (a path relative to the repository root, or absolute) at
/// `index`, panicking with newsfacet's stderr if indexing fails.
pub fn build_index(corpus: &str, index: &Path) {
    let index = index.display().to_string();
    let output = newsfacet(&["index", corpus, "--index", &index, "--json"]);
    assert!(
        output.status.success(),
        "newsfacet index {corpus} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The index of the sample corpus (`index-data/corpus`), built once per test binary; its
/// directory. Read-only: a test that writes must build its own with [`build_index`].
pub fn sample_index() -> &'static Path {
    static INDEX: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index");
        build_index("index-data/corpus", &path);
        (dir, path)
    });
    path
}

/// A running `newsfacet serve`; killed when dropped.
pub struct Server {
    /// `http://HOST:PORT` without a trailing slash.
    pub base_url: String,
    /// The index it serves.
    pub index: PathBuf,
    child: Child,
    /// Everything the server wrote to stderr so far (after the listening line).
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// A server over the shared sample index ([`sample_index`]).
    pub fn sample() -> Server {
        Server::start(sample_index(), &[])
    }

    /// Starts `newsfacet serve --index INDEX --port 0 EXTRA…` and waits until it listens.
    /// Panics (failing the test) if it exits or stays silent for a minute.
    pub fn start(index: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(binary())
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--port", "0"])
            .args(extra)
            .current_dir(repo_root())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsfacet serve starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (found, listening) = mpsc::channel::<String>();
        {
            let log = Arc::clone(&log);
            // Reads stderr to its end, so the server never blocks on a full pipe.
            std::thread::spawn(move || {
                let mut found = Some(found);
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(url) = line.strip_prefix("newsfacet: serving ") {
                        if let Some(found) = found.take() {
                            let _ = found.send(url.trim().trim_end_matches('/').to_string());
                            continue;
                        }
                    }
                    if let Ok(mut log) = log.lock() {
                        log.push_str(&line);
                        log.push('\n');
                    }
                }
            });
        }
        match listening.recv_timeout(START_TIMEOUT) {
            Ok(base_url) => Server {
                base_url,
                index: index.to_path_buf(),
                child,
                stderr: log,
            },
            Err(_) => {
                let _ = child.kill();
                let status = child.wait();
                // Give the reader a moment to collect the last lines.
                std::thread::sleep(Duration::from_millis(100));
                let log = log.lock().map(|l| l.clone()).unwrap_or_default();
                panic!("newsfacet serve did not start ({status:?}): {log}");
            }
        }
    }

    /// `base_url` followed by `path_and_query` (which starts with `/`).
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{}", self.base_url, path_and_query)
    }

    /// What the server has written to stderr since it started listening.
    pub fn stderr(&self) -> String {
        self.stderr.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
