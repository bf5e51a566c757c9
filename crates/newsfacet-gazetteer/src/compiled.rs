//! The compiled form of the bundled gazetteers, written by the build script from
//! `index-data/gazetteers/*.jsonl` and embedded in the binary: the entries as a zero-copy
//! `rkyv` archive (each decoded on first use), the frozen lookup [`Tables`] and the
//! [`AliasData`] the matcher walks. Loading it parses no JSON and builds no automaton.

use crate::alias::AliasData;
use crate::entry::Entry;
use crate::tables::Tables;

/// Everything the bundled gazetteer needs at run time.
// Constructed only by the build script; the library reads its archived form.
#[allow(dead_code)]
#[derive(rkyv::Archive, rkyv::Serialize)]
pub(crate) struct Compiled {
    /// Every entry, indexable by `EntryId`.
    pub(crate) entries: Vec<Entry>,
    /// Lookups by folded alias, id, country code and domain.
    pub(crate) tables: Tables,
    /// The alias table for matching.
    pub(crate) aliases: AliasData,
}

/// The JSON Lines files of the bundled gazetteers, in load order, relative to the workspace
/// root. Read by the build script.
#[allow(dead_code)]
pub(crate) const BUNDLED_FILES: &[&str] = &[
    "index-data/gazetteers/countries.jsonl",
    "index-data/gazetteers/cities.jsonl",
    "index-data/gazetteers/regions.jsonl",
    "index-data/gazetteers/organizations.jsonl",
    "index-data/gazetteers/sources.jsonl",
    "index-data/gazetteers/people.jsonl",
];

/// The list of common words the bundled alias table was compiled with, relative to the
/// workspace root. Read by the build script.
#[allow(dead_code)]
pub(crate) const COMMON_WORDS_FILE: &str = "index-data/gazetteers/common-words.txt";
