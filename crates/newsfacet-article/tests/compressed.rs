//! Gzip-compressed inputs and legacy encodings, read from real files.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use newsfacet_article::{discover, read_file, Article, ReadError};
use tempfile::TempDir;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn articles(path: &Path) -> Vec<Article> {
    read_file(path).map(|r| r.unwrap()).collect()
}

#[test]
fn gzipped_jsonl_text_and_html_are_read() {
    let dir = TempDir::new().unwrap();
    let jsonl = write(
        dir.path(),
        "feed.jsonl.gz",
        &gzip(b"{\"title\": \"One\", \"text\": \"First.\"}\n{\"title\": \"Two\"}\n"),
    );
    let all = articles(&jsonl);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].body, "First.");
    assert_eq!(all[1].origin.line, Some(2));

    let txt = write(
        dir.path(),
        "story.TXT.GZ",
        &gzip(b"Headline\n\nCaf\xe9 owners met on Monday.\n"),
    );
    let a = &articles(&txt)[0];
    assert_eq!(a.title, "Headline");
    assert_eq!(a.body, "Café owners met on Monday.");

    let html = write(
        dir.path(),
        "page.html.gz",
        &gzip(b"<html><head><title>Page title</title></head><body><article><h1>Page title</h1><p>The council voted on Monday.</p></article></body></html>"),
    );
    let a = &articles(&html)[0];
    assert_eq!(a.title, "Page title");
    assert_eq!(a.body, "The council voted on Monday.");
}

#[test]
fn concatenated_gzip_members_are_all_read() {
    let dir = TempDir::new().unwrap();
    let mut bytes = gzip(b"{\"title\": \"a\"}\n");
    bytes.extend(gzip(b"{\"title\": \"b\"}\n"));
    let path = write(dir.path(), "two.jsonl.gz", &bytes);
    let titles: Vec<String> = articles(&path).into_iter().map(|a| a.title).collect();
    assert_eq!(titles, vec!["a", "b"]);
}

#[test]
fn corrupt_gzip_is_an_io_error_naming_the_file() {
    let dir = TempDir::new().unwrap();
    let mut bytes = gzip(&b"{\"title\": \"a long enough record to compress\"}\n".repeat(50));
    let half = bytes.len() / 2;
    bytes.truncate(half);
    for name in ["cut.jsonl.gz", "cut.json.gz", "cut.txt.gz"] {
        let path = write(dir.path(), name, &bytes);
        let results: Vec<_> = read_file(&path).collect();
        let e = results
            .iter()
            .find_map(|r| r.as_ref().err())
            .unwrap_or_else(|| panic!("{name}: expected an error"));
        assert!(matches!(e, ReadError::Io { .. }), "{e:?}");
        assert_eq!(e.path(), path);
        let message = e.to_string();
        assert!(
            message.starts_with(&format!("{}: gzip decompression failed", path.display())),
            "{message}"
        );
    }
}

#[test]
fn a_gz_name_on_plain_bytes_is_read_as_is() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "plain.jsonl.gz", b"{\"title\": \"plain\"}\n");
    assert_eq!(articles(&path)[0].title, "plain");
}

#[test]
fn discovery_picks_up_compressed_and_html_files() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let files: Vec<PathBuf> = [
        "a.jsonl.gz",
        "b.html",
        "c.HTM",
        "d.txt.gz",
        "e.tar.gz",
        "f.gz",
        "g.pdf.gz",
    ]
    .iter()
    .map(|n| write(root, n, b"x"))
    .collect();
    let found = discover(&[root.to_path_buf()]).unwrap();
    assert_eq!(found, files[..4].to_vec());
    let e = discover(std::slice::from_ref(&files[4])).unwrap_err();
    assert!(matches!(e, ReadError::Unsupported { .. }));
}

#[test]
fn windows_1252_fixture_keeps_its_accents() {
    // Committed as raw Windows-1252 bytes (see tests/fixtures/README.md).
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cafe-windows-1252.txt");
    let bytes = fs::read(&path).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must not be UTF-8"
    );
    let a = &articles(&path)[0];
    assert_eq!(a.title, "Café owners protest new rules");
    assert!(a.body.contains("crème brûlée"), "{}", a.body);
    assert!(
        a.body.contains("\u{201C}We will not close,\u{201D}"),
        "{}",
        a.body
    );
    assert!(a.body.contains("€4"), "{}", a.body);
    assert!(!a.body.contains('\u{FFFD}'));
}

#[test]
fn legacy_jsonl_lines_share_one_detected_encoding() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "latin.jsonl",
        b"{\"title\": \"Le caf\xe9 rouvre\", \"text\": \"Apr\xe8s des ann\xe9es de travaux, le caf\xe9 de la gare rouvre.\"}\n{\"title\": \"Cr\xe8me\"}\n",
    );
    let all = articles(&path);
    assert_eq!(all[0].title, "Le café rouvre");
    assert!(all[0].body.starts_with("Après des années"));
    assert_eq!(all[1].title, "Crème");
}
