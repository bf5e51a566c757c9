//! The answers worked out by hand for the sample corpus, `tests/fixtures/corpus-truth.json`,
//! for the end-to-end tests (`tests/cli.rs`, `tests/serve_api.rs`, `tests/browser.rs`).
//!
//! Include it with `#[path = "support/truth.rs"] mod truth;` and read [`articles`].
#![allow(dead_code)]

use std::collections::BTreeSet;

use serde_json::Value;

/// The truth file, from the `newsfacet` package's directory.
const TRUTH_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/corpus-truth.json"
);

/// What one article of the sample corpus is known to be.
#[derive(Debug, Clone)]
pub struct TruthArticle {
    /// Its file under `index-data/corpus` (the first, for a story read from several).
    pub file: String,
    pub title: String,
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Who it quotes or paraphrases.
    pub speakers: Vec<String>,
    /// People it names who must not be taken for its speakers.
    pub not_speakers: Vec<String>,
    pub countries: Vec<String>,
    /// Whether it contains the phrase "multipolar world".
    pub multipolar: bool,
}

/// Every article of the truth file, in its order.
pub fn articles() -> Vec<TruthArticle> {
    let text = std::fs::read_to_string(TRUTH_FILE).expect("truth file");
    let value: Value = serde_json::from_str(&text).expect("truth is JSON");
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    value["articles"]
        .as_array()
        .expect("articles array")
        .iter()
        .map(|a| TruthArticle {
            file: a["file"]
                .as_str()
                .or_else(|| a["file"][0].as_str())
                .expect("file")
                .to_string(),
            title: a["title"].as_str().expect("title").to_string(),
            source: a["source"].as_str().map(String::from),
            published: a["published"].as_str().map(String::from),
            speakers: strings(&a["speakers"]),
            not_speakers: strings(&a["not_speakers"]),
            countries: strings(&a["countries"]),
            multipolar: a["mentions_phrase_multipolar_world"].as_bool() == Some(true),
        })
        .collect()
}

/// The titles of the articles `keep` accepts.
pub fn titles(keep: impl Fn(&TruthArticle) -> bool) -> BTreeSet<String> {
    articles()
        .into_iter()
        .filter(|a| keep(a))
        .map(|a| a.title)
        .collect()
}
