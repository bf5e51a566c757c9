//! Finding the input files under the paths the user named.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::ReadError;
use crate::formats::Format;

/// Files under `paths` that have a supported extension, recursively, sorted and de-duplicated.
///
/// Each path may be a file or a directory. Directories are walked recursively, skipping hidden
/// entries (names starting with `.`, e.g. `.git`) and silently ignoring files of other types,
/// since a corpus directory routinely holds READMEs, licences and the like. A path the user
/// named explicitly is held to a stricter standard: if it does not exist that is
/// [`ReadError::Io`], and a file with an unsupported extension is [`ReadError::Unsupported`],
/// because silently indexing nothing would hide the typo.
///
/// Paths keep the spelling the user gave (`./corpus/a.txt` stays so), but the same file reached
/// twice (`corpus` and `corpus/a.txt`) is listed once.
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
    let mut walker = Walker::default();
    for path in paths {
        match fs::metadata(path) {
            Err(source) => walker.errors.push(ReadError::Io {
                path: path.clone(),
                source,
            }),
            Ok(meta) if meta.is_dir() => walker.walk(path),
            Ok(_) => {
                if Format::of(path).is_some() {
                    walker.files.push(path.clone());
                } else {
                    walker
                        .errors
                        .push(ReadError::Unsupported { path: path.clone() });
                }
            }
        }
    }
    let mut files = walker.files;
    files.sort();
    files.dedup();
    // Different spellings of one file: keep the first in sorted order.
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    (files, walker.errors)
}

#[derive(Default)]
struct Walker {
    files: Vec<PathBuf>,
    errors: Vec<ReadError>,
    /// Canonical directories already walked, so symlink loops terminate.
    visited: HashSet<PathBuf>,
}

impl Walker {
    fn walk(&mut self, dir: &Path) {
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited.insert(canonical) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                self.errors.push(ReadError::Io {
                    path: dir.to_path_buf(),
                    source,
                });
                return;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => children.push(entry),
                Err(source) => self.errors.push(ReadError::Io {
                    path: dir.to_path_buf(),
                    source,
                }),
            }
        }
        children.sort_by_key(|e| e.file_name());
        for entry in children {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // fs::metadata follows symlinks, so a linked directory is walked like a real one.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.walk(&path),
                Ok(meta) if meta.is_file() && Format::of(&path).is_some() => {
                    self.files.push(path);
                }
                Ok(_) => {}
                // Typically a dangling symlink: not worth failing a whole corpus over.
                Err(error) => tracing::warn!("skipping {}: {error}", path.display()),
            }
        }
    }
}
