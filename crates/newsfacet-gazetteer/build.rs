//! Compiles the bundled gazetteers (`index-data/gazetteers/*.jsonl`) into the binary form that
//! `Gazetteer::bundled` loads without parsing: see `src/compiled.rs`. The modules included
//! below are the crate's own, so the build and the run time share one implementation.

#![allow(dead_code)]

#[path = "src/alias.rs"]
mod alias;
#[path = "src/builder.rs"]
mod builder;
#[path = "src/compiled.rs"]
mod compiled;
#[path = "src/entry.rs"]
mod entry;
#[path = "src/fold.rs"]
mod fold;
#[path = "src/tables.rs"]
mod tables;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    match compile() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn compile() -> Result<(), String> {
    let manifest_dir = PathBuf::from(env("CARGO_MANIFEST_DIR")?);
    let root = manifest_dir.join("../..");
    for module in ["alias", "builder", "compiled", "entry", "fold", "tables"] {
        println!("cargo::rerun-if-changed=src/{module}.rs");
    }
    let mut entries = Vec::new();
    let mut ids = HashSet::new();
    for file in compiled::BUNDLED_FILES {
        let path = root.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = read(&path)?;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry: entry::Entry =
                serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", index + 1))?;
            // Thawing the compiled gazetteer re-inserts its entries in order, which gives the
            // same lookups only when no bundled entry replaced another.
            if !ids.insert(entry.id.clone()) {
                return Err(format!("{file}:{}: duplicate id {}", index + 1, entry.id));
            }
            entries.push(entry);
        }
    }
    let common_words_path = root.join(compiled::COMMON_WORDS_FILE);
    println!("cargo::rerun-if-changed={}", common_words_path.display());
    let common_words = read(&common_words_path)?;

    let builder = builder::Builder::from_entries(entries);
    let tables = builder.freeze();
    let aliases = alias::AliasData::build(
        builder.entries.len(),
        |id| &builder.entries[id as usize],
        &common_words,
    );
    let compiled = compiled::Compiled {
        entries: builder.entries,
        tables,
        aliases,
    };
    let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(&compiled)
        .map_err(|e| format!("serializing the compiled gazetteer: {e}"))?;
    let out = PathBuf::from(env("OUT_DIR")?).join("gazetteer.rkyv");
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set (run through cargo)"))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}
