//! Builds the gazetteers from the real public sources when they are present next to the
//! workspace (`../shared/data/gazetteer-sources`), and checks what the tagger relies on.
//!
//! `cargo test -p newsfacet-gazetteer-build -- --ignored regenerate` rewrites the bundled files
//! in `index-data/gazetteers/`.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use newsfacet_gazetteer::{Entry, Gazetteer};
use newsfacet_gazetteer_build::{build, BuildOptions, BuildReport};

fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The real-data options writing to `out_dir`, or `None` (after saying so) without the sources.
fn options(out_dir: PathBuf) -> Option<BuildOptions> {
    let mut options = BuildOptions::for_workspace(&workspace_root());
    if !options.sources_dir.is_dir() {
        eprintln!("skipping: {} not found", options.sources_dir.display());
        return None;
    }
    options.out_dir = out_dir;
    Some(options)
}

fn read(dir: &Path, file: &str) -> Vec<Entry> {
    let text = fs::read_to_string(dir.join(file)).unwrap();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn named<'a>(entries: &'a [Entry], name: &str) -> &'a Entry {
    entries
        .iter()
        .filter(|e| e.name == name)
        .max_by_key(|e| e.population)
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn has_alias(entry: &Entry, alias: &str) -> bool {
    entry.aliases.iter().any(|a| a == alias)
}

fn check(dir: &Path, report: &BuildReport) {
    let countries = read(dir, "countries.jsonl");
    // 250 current countries and territories, and 5 former states.
    assert_eq!(countries.len(), 255);
    let soviet = named(&countries, "Soviet Union");
    assert_eq!(soviet.country.as_deref(), Some("SU"));
    assert!(has_alias(soviet, "USSR") && soviet.demonyms.iter().any(|d| d == "Soviet"));
    let turkey = named(&countries, "Turkey");
    assert!(has_alias(turkey, "Türkiye"), "{:?}", turkey.aliases);
    assert!(has_alias(named(&countries, "Czechia"), "Czech Republic"));
    let us = named(&countries, "United States");
    assert!(
        has_alias(us, "U.S.") && has_alias(us, "US"),
        "{:?}",
        us.aliases
    );
    assert!(
        us.demonyms.iter().any(|d| d == "American"),
        "{:?}",
        us.demonyms
    );

    let cities = read(dir, "cities.jsonl");
    assert!(cities.len() >= 22_000, "{} cities", cities.len());
    let beijing = named(&cities, "Beijing");
    assert!(beijing.capital);
    assert_eq!(beijing.country.as_deref(), Some("CN"));
    assert!(
        has_alias(beijing, "Peking") && has_alias(beijing, "北京"),
        "{:?}",
        beijing.aliases
    );
    assert!(has_alias(named(&cities, "Moscow"), "Москва"));
    assert!(has_alias(named(&cities, "Kyiv"), "Kiev"));

    let organizations = read(dir, "organizations.jsonl");
    assert!(
        organizations.len() >= 616,
        "{} organizations",
        organizations.len()
    );
    for acronym in ["NATO", "UN", "EU"] {
        assert!(
            organizations
                .iter()
                .any(|o| o.name == acronym || has_alias(o, acronym)),
            "{acronym} missing"
        );
    }

    let people = read(dir, "people.jsonl");
    let us_people = people
        .iter()
        .filter(|p| p.country.as_deref() == Some("US"))
        .count();
    assert!(us_people >= 500, "{us_people} US people");

    let regions = read(dir, "regions.jsonl");
    assert!(regions.iter().any(|r| r.id == "admin1:US.VT"));

    let mut ids = HashSet::new();
    for entries in [
        &countries,
        &cities,
        &regions,
        &organizations,
        &read(dir, "sources.jsonl"),
        &people,
    ] {
        for entry in entries.iter() {
            assert!(ids.insert(entry.id.clone()), "duplicate id {}", entry.id);
        }
    }

    // The runtime loader accepts every file.
    let mut gazetteer = Gazetteer::default();
    for file in newsfacet_gazetteer_build::OUTPUT_FILES {
        gazetteer.add_file(&dir.join(file)).unwrap();
    }
    assert_eq!(
        gazetteer
            .resolve_country("Türkiye")
            .map(|e| e.name.as_str()),
        Some("Turkey")
    );
    let matcher = newsfacet_tag::Matcher::new(&gazetteer).unwrap();
    let text = "Officials in Peking and Ankara said Türkiye would not comment.";
    let found: Vec<&str> = matcher
        .find(text)
        .iter()
        .map(|m| gazetteer.entry(m.entry).name.as_str())
        .collect();
    assert!(
        found.contains(&"Beijing") && found.contains(&"Turkey"),
        "{found:?}"
    );

    let words = fs::read_to_string(dir.join("common-words.txt")).unwrap();
    assert!(
        words.lines().any(|w| w == "nice"),
        "\"nice\" (Nice, France) should be a common word"
    );
    assert_eq!(report.files.len(), 7);
}

#[test]
fn builds_from_real_sources() {
    let out = tempfile::tempdir().unwrap();
    let Some(options) = options(out.path().to_path_buf()) else {
        return;
    };
    let report = build(&options).unwrap();
    check(out.path(), &report);

    // Deterministic: a second build gives the same bytes.
    let again = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out_dir: again.path().to_path_buf(),
        ..options
    };
    build(&options).unwrap();
    for file in newsfacet_gazetteer_build::OUTPUT_FILES
        .iter()
        .chain(&["common-words.txt"])
    {
        assert_eq!(
            fs::read(out.path().join(file)).unwrap(),
            fs::read(again.path().join(file)).unwrap(),
            "{file} differs between builds"
        );
    }
}

/// Rewrites `index-data/gazetteers/` and prints the report.
#[test]
#[ignore = "writes the bundled gazetteers; run with --ignored regenerate"]
fn regenerate() {
    let out = workspace_root().join("index-data/gazetteers");
    let Some(options) = options(out.clone()) else {
        return;
    };
    let report = build(&options).unwrap();
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    check(&out, &report);
}
