//! Loading the bundled gazetteers plus the user's `--gazetteer` files.

use anyhow::Context;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_tag::Tagger;
use tracing::info;

use crate::cli::GazetteerArgs;

/// The version of the gazetteer compiled into this binary: the xxh3 hash of the bundled files
/// (see `build.rs`).
pub const BUNDLED_VERSION: &str = env!("NEWSFACET_GAZETTEER_HASH");

/// The version of the gazetteers `args` load: the bundled version, followed, when the user
/// adds files, by `+` and the xxh3 hash of those files' contents in order, so that an index
/// records exactly which data tagged it.
pub fn version(args: &GazetteerArgs) -> anyhow::Result<String> {
    if args.files.is_empty() {
        return Ok(BUNDLED_VERSION.to_string());
    }
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for file in &args.files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(format!("{BUNDLED_VERSION}+{:016x}", hasher.digest()))
}

/// The bundled gazetteers merged with the user's files.
pub fn load(args: &GazetteerArgs) -> anyhow::Result<Gazetteer> {
    let started = std::time::Instant::now();
    let mut gazetteer = Gazetteer::bundled().context("loading the bundled gazetteers")?;
    for file in &args.files {
        gazetteer.add_file(file)?;
    }
    info!(
        entries = gazetteer.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "gazetteer loaded"
    );
    Ok(gazetteer)
}

/// A tagger over the bundled and user gazetteers.
pub fn tagger(args: &GazetteerArgs) -> anyhow::Result<Tagger> {
    let gazetteer = load(args)?;
    let started = std::time::Instant::now();
    let tagger = Tagger::new(gazetteer)?;
    info!(
        patterns = tagger.matcher().pattern_count(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "matcher built"
    );
    Ok(tagger)
}
