//! Facts about the build: the version of the bundled gazetteer, defined as the xxh3 hash of
//! the files of `index-data/gazetteers/` (by name, then content), the very files the gazetteer
//! crate compiles into the binary, so two binaries report the same gazetteer version exactly
//! when they bundle the same data (`newsfacet stats`); and the version of the tagging code, the
//! same kind of hash over the sources and word lists of the tag and gazetteer crates, so that
//! `newsfacet index` re-tags what it indexed before whenever tagging may have changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let hashes = manifest_dir().and_then(|root| {
        let gazetteer = hash_files(&[root.join("../../index-data/gazetteers")])?;
        let tagging = hash_files(&[
            root.join("../newsfacet-tag/src"),
            root.join("../newsfacet-gazetteer/src"),
            root.join("../newsfacet-gazetteer/data"),
        ])?;
        Ok((gazetteer, tagging))
    });
    match hashes {
        Ok((gazetteer, tagging)) => {
            println!("cargo::rustc-env=NEWSFACET_GAZETTEER_HASH={gazetteer:016x}");
            println!("cargo::rustc-env=NEWSFACET_TAGGING_HASH={tagging:016x}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn manifest_dir() -> Result<PathBuf, String> {
    std::env::var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .map_err(|e| e.to_string())
}

/// Every file under `dirs`, recursively, sorted by path.
fn files_under(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            files_under(&path, files)?;
        } else if path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

fn hash_files(dirs: &[PathBuf]) -> Result<u64, String> {
    let mut files = Vec::new();
    for dir in dirs {
        // A directory here makes cargo rerun the script when any file under it changes.
        println!("cargo::rerun-if-changed={}", dir.display());
        files_under(dir, &mut files)?;
    }
    files.sort();
    // Name and length before each content, so that moving bytes between files changes it.
    let mut bytes = Vec::new();
    for path in files {
        let content = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // The path from this crate, so that the hash does not depend on where the checkout is.
        let root = manifest_dir()?;
        let name = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy();
        bytes.extend_from_slice(name.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&(content.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&content);
    }
    Ok(xxhash_rust::xxh3::xxh3_64(&bytes))
}
