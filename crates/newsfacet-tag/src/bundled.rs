//! The bundled gazetteers, compiled into the binary so that it runs from any directory.
//! Regenerate the files with `newsfacet gazetteer build` (see the README).

/// `(file name, JSON Lines text)` of every bundled gazetteer, in load order.
pub const FILES: &[(&str, &str)] = &[
    (
        "index-data/gazetteers/countries.jsonl",
        include_str!("../../../index-data/gazetteers/countries.jsonl"),
    ),
    (
        "index-data/gazetteers/cities.jsonl",
        include_str!("../../../index-data/gazetteers/cities.jsonl"),
    ),
    (
        "index-data/gazetteers/regions.jsonl",
        include_str!("../../../index-data/gazetteers/regions.jsonl"),
    ),
    (
        "index-data/gazetteers/organizations.jsonl",
        include_str!("../../../index-data/gazetteers/organizations.jsonl"),
    ),
    (
        "index-data/gazetteers/sources.jsonl",
        include_str!("../../../index-data/gazetteers/sources.jsonl"),
    ),
    (
        "index-data/gazetteers/people.jsonl",
        include_str!("../../../index-data/gazetteers/people.jsonl"),
    ),
];

/// Lowercase English words, one per line: single-word place names that are also common words
/// ("Nice", "Reading", "Split") only match when capitalised mid-sentence.
pub const COMMON_WORDS: &str = include_str!("../../../index-data/gazetteers/common-words.txt");

/// Given names, one a line, for recognising people the gazetteer does not know. Curated by
/// hand like the other lists in the gazetteer builder's `data/` folder, and used as is.
pub const GIVEN_NAMES: &str = include_str!("../../newsfacet-gazetteer-build/data/given-names.txt");

/// Ordinary lowercase English words (SCOWL via Debian `wamerican`), one a line: a capitalised
/// sentence-initial word from this list is not a name.
pub const ORDINARY_WORDS: &str =
    include_str!("../../newsfacet-gazetteer-build/data/english-words.txt");
