//! Finding input files.

use std::fs;
use std::path::{Path, PathBuf};

use newsfacet_article::{discover, ReadError};
use tempfile::TempDir;

fn touch(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "x").unwrap();
    path
}

#[test]
fn walks_directories_keeping_supported_files_sorted() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let b = touch(root, "b.TXT");
    let a = touch(root, "a.md");
    let j = touch(root, "sub/deeper/c.json");
    let l = touch(root, "sub/d.jsonl");
    let n = touch(root, "sub/e.NDJSON");
    touch(root, "README");
    touch(root, "sub/notes.pdf");
    touch(root, ".hidden.txt");
    touch(root, ".git/objects/x.json");
    touch(root, "sub/.cache/y.txt");

    let found = discover(&[root.to_path_buf()]).unwrap();
    // Sorted by path components, so `sub/d.jsonl` comes before `sub/deeper/`.
    assert_eq!(found, vec![a, b, l, j, n]);
}

#[test]
fn explicit_files_and_dedup() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let a = touch(root, "c/a.txt");
    let b = touch(root, "c/b.json");
    // Explicitly named hidden files are read: the user asked for them.
    let hidden = touch(root, ".h.jsonl");
    let found = discover(&[
        b.clone(),
        root.join("c"),
        a.clone(),
        hidden.clone(),
        root.join("c/./a.txt"),
    ])
    .unwrap();
    // In the order given; `c/` adds only `a`, and the second spelling of `a` is dropped.
    assert_eq!(found, vec![b, a, hidden]);
}

#[test]
fn missing_path_is_an_io_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no/such/corpus");
    let e = discover(std::slice::from_ref(&missing)).unwrap_err();
    assert!(matches!(e, ReadError::Io { .. }));
    assert_eq!(e.path(), missing);
    assert!(e
        .to_string()
        .starts_with(&format!("{}: ", missing.display())));
}

#[test]
fn explicit_unsupported_file_is_an_error() {
    let dir = TempDir::new().unwrap();
    let pdf = touch(dir.path(), "paper.pdf");
    let e = discover(std::slice::from_ref(&pdf)).unwrap_err();
    assert!(matches!(e, ReadError::Unsupported { .. }));
    assert_eq!(e.path(), pdf);
    assert_eq!(e.reason(), "unsupported file type");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: unsupported file type (expected .txt, .md, .json, .jsonl, .ndjson, .html or \
             .htm, optionally .gz-compressed)",
            pdf.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_terminate() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let a = touch(root, "a.txt");
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
    let found = discover(&[root.to_path_buf()]).unwrap();
    assert_eq!(found, vec![a]);
}

#[cfg(unix)]
#[test]
fn a_linked_directory_is_walked_once_under_the_first_name_reached() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    touch(root, "z/a.txt");
    // `0link` sorts before `z`, so the files are listed through the link, as before walkdir.
    std::os::unix::fs::symlink(root.join("z"), root.join("0link")).unwrap();
    let found = discover(&[root.to_path_buf(), root.join("z")]).unwrap();
    assert_eq!(found, vec![root.join("0link/a.txt")]);
}
