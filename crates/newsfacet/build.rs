//! Facts about the build that `newsfacet stats` reports: the version of the bundled
//! gazetteer, defined as the xxh3 hash of the files of `index-data/gazetteers/` (by name, then
//! content), the very files the gazetteer crate compiles into the binary. Two binaries report
//! the same gazetteer version exactly when they bundle the same data.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match gazetteer_hash() {
        Ok(hash) => {
            println!("cargo::rustc-env=NEWSFACET_GAZETTEER_HASH={hash:016x}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn gazetteer_hash() -> Result<u64, String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    let dir = PathBuf::from(manifest).join("../../index-data/gazetteers");
    // A directory here makes cargo rerun the script when any file in it changes.
    println!("cargo::rerun-if-changed={}", dir.display());
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    // Name and length before each content, so that moving bytes between files changes it.
    let mut bytes = Vec::new();
    for path in files {
        let content = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        bytes.extend_from_slice(name.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&(content.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&content);
    }
    Ok(xxhash_rust::xxh3::xxh3_64(&bytes))
}
