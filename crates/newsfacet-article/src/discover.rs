//! Finding the input files under the paths the user named.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::ReadError;
use crate::formats::Format;

/// Files under `paths` that have a supported extension, recursively, in the order the paths
/// were given (a directory's files sorted by name, depth first), each file once.
///
/// Each path may be a file or a directory. Directories are walked recursively, skipping hidden
/// entries (names starting with `.`, e.g. `.git`) and silently ignoring files of other types,
/// since a corpus directory routinely holds READMEs, licences and the like. A path the user
/// named explicitly is held to a stricter standard: if it does not exist that is
/// [`ReadError::Io`], and a file with an unsupported extension is [`ReadError::Unsupported`],
/// because silently indexing nothing would hide the typo.
///
/// Paths keep the spelling the user gave (`./corpus/a.txt` stays so), but the same file reached
/// twice (`corpus` and `corpus/a.txt`) is listed once, where it was first reached. Keeping the
/// user's order is what lets `analyze a.json b.json` print `a` before `b`, as `cat` would.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    let (files, errors) = discover_all(paths);
    match errors.into_iter().next() {
        Some(error) => Err(error),
        None => Ok(files),
    }
}

/// Like [`discover`], but keeps going past problems and returns all of them, so that
/// [`read_inputs`](crate::read_inputs) can report every bad path and still read the good ones.
pub(crate) fn discover_all(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // Canonical directories already walked, shared by all roots: `corpus` named twice, or a
    // symlink to a directory walked before, is walked once.
    let mut visited = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Err(source) => errors.push(ReadError::Io {
                path: path.clone(),
                source,
            }),
            Ok(meta) if meta.is_dir() => walk(path, &mut visited, &mut files, &mut errors),
            Ok(_) => {
                if Format::of(path).is_some() {
                    files.push(path.clone());
                } else {
                    errors.push(ReadError::Unsupported { path: path.clone() });
                }
            }
        }
    }
    // The same file reached twice, under one spelling or two: keep the first.
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    (files, errors)
}

/// Walks one directory, following symlinks, so that a linked directory is walked like a real
/// one. Hidden entries below `root` are skipped, and so is a directory already walked (by its
/// canonical path), which also ends symlink loops before `walkdir` would report them.
fn walk(
    root: &Path,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<ReadError>,
) {
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if !entry.file_type().is_dir() {
                return true;
            }
            let dir = entry.path();
            visited.insert(fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()))
        });
    for entry in entries {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_file() && Format::of(entry.path()).is_some() {
                    files.push(entry.into_path());
                }
            }
            // A link back to a directory being walked: its files are listed already.
            Err(error) if error.loop_ancestor().is_some() => {}
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                if is_dangling_link(&path) {
                    // Not worth failing a whole corpus over.
                    tracing::warn!("skipping {}: {error}", path.display());
                } else if let Some(source) = error.into_io_error() {
                    errors.push(ReadError::Io { path, source });
                }
            }
        }
    }
}

/// A symlink whose target is missing (or unreachable).
fn is_dangling_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
        && fs::metadata(path).is_err()
}
