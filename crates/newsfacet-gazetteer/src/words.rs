//! Word lists compiled into the binary, each kept once as a data file of this crate (or, for
//! the generated list, of `index-data/gazetteers/`).

/// Lowercase English words, one per line: single-word place names that are also common words
/// ("Nice", "Reading", "Split") only match when capitalised mid-sentence. Generated with the
/// gazetteers by `newsfacet gazetteer build`.
pub const COMMON_WORDS: &str = include_str!("../../../index-data/gazetteers/common-words.txt");

/// Given names, one a line, for recognising people the gazetteer does not know. Curated by
/// hand; `#` starts a comment line.
pub const GIVEN_NAMES: &str = include_str!("../data/words/given-names.txt");

/// Ordinary lowercase English words (SCOWL via Debian `wamerican`), one a line: a capitalised
/// sentence-initial word from this list is not a name.
pub const ORDINARY_WORDS: &str = include_str!("../data/words/english-words.txt");
