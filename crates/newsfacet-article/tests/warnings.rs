//! Lossy decoding is never silent: it is reported through `tracing`, naming the file.

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

use newsfacet_article::read_file;
use tempfile::TempDir;

/// A `tracing` writer that collects everything logged into one shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads `path` with a subscriber installed and returns the articles' bodies and the log.
fn read_logged(path: &Path) -> (Vec<String>, String) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let bodies = tracing::subscriber::with_default(subscriber, || {
        read_file(path)
            .map(|r| r.map(|a| a.body).unwrap_or_else(|e| e.to_string()))
            .collect()
    });
    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    (bodies, log)
}

#[test]
fn undecodable_bytes_are_reported_with_the_file_name() {
    let dir = TempDir::new().unwrap();
    // UTF-16LE with a BOM and a lone high surrogate: U+FFFD cannot be avoided.
    let path = dir.path().join("broken.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Title\n\nBody ".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes.extend([0x00, 0xD8]);
    for unit in " end.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&path, &bytes).unwrap();
    let (bodies, log) = read_logged(&path);
    assert_eq!(bodies, vec!["Body \u{FFFD} end."]);
    assert!(log.contains("WARN"), "{log}");
    assert!(log.contains(&path.display().to_string()), "{log}");
    assert!(log.contains("replaced with U+FFFD"), "{log}");
}

#[test]
fn damage_already_in_the_input_is_reported() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("scraped.txt");
    std::fs::write(&path, "Title\n\nCaf\u{FFFD} owners met.\n").unwrap();
    let (_, log) = read_logged(&path);
    assert!(log.contains("already contains 1 U+FFFD"), "{log}");
    assert!(log.contains(&path.display().to_string()), "{log}");
}

#[test]
fn legacy_text_decodes_without_warnings() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("latin.txt");
    std::fs::write(
        &path,
        b"Title\n\nLe caf\xe9 a rouvert apr\xe8s des ann\xe9es.\n",
    )
    .unwrap();
    let (bodies, log) = read_logged(&path);
    assert_eq!(bodies, vec!["Le café a rouvert après des années."]);
    assert!(!log.contains("WARN"), "{log}");
}

#[test]
fn unreadable_dates_and_addresses_are_warnings_naming_file_and_line() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("feed.jsonl");
    std::fs::write(
        &path,
        "{\"title\": \"Good\", \"text\": \"Talks went on.\", \"date\": \"2026-02-01\"}\n\
{\"title\": \"Odd date\", \"text\": \"Talks resumed.\", \"date\": \"2020-13-45\"}\n\
{\"title\": \"Odd address\", \"text\": \"Talks ended.\", \"url\": \"not a url\"}\n",
    )
    .unwrap();
    let (bodies, log) = read_logged(&path);
    assert_eq!(bodies.len(), 3, "every article is still read: {bodies:?}");
    let file = path.display().to_string();
    assert!(
        log.contains(&format!("{file}:2: \"2020-13-45\" is not a date")),
        "{log}"
    );
    assert!(
        log.contains(&format!("{file}:3: \"not a url\" is not a web address")),
        "{log}"
    );
    assert!(!log.contains(&format!("{file}:1:")), "{log}");
}
