//! The bundled gazetteers, compiled into the binary so that it runs from any directory.
//! Regenerate the files with `newsfacet gazetteer build` (see the README).

/// `(file name, JSON Lines text)` of every bundled gazetteer, in load order.
pub(crate) const FILES: &[(&str, &str)] = &[
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
