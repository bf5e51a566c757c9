//! Loading the bundled gazetteers plus the user's `--gazetteer` files.

use anyhow::Context;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_tag::Tagger;
use tracing::info;

use crate::cli::GazetteerArgs;

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
