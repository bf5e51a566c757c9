//! Compiles the bundled gazetteers (`index-data/gazetteers/*.jsonl` and `common-words.txt`)
//! from the public sources in `../shared/data/gazetteer-sources` and the curated TSV lists and
//! fix tables (read by [`table`]) in this crate's `data/` folder.
//!
//! | output | from |
//! |---|---|
//! | `countries.jsonl` | mledoze `countries.json`, with press-usual names, aliases and demonyms (`country-press.tsv`, `invariant-demonyms.txt`, `translation-languages.txt`) |
//! | `cities.jsonl` | GeoNames `cities15000.txt` + `countryInfo.txt` (capitals), press names (`city-press.tsv`, `city-name-suffixes.tsv`) |
//! | `regions.jsonl` | GeoNames `admin1CodesASCII.txt` (minus `generic-region-names.txt`) + curated `regions.tsv` |
//! | `organizations.jsonl` | supraverden `general_list.yaml` + curated `organizations.tsv` + `spelling-variants.tsv` |
//! | `sources.jsonl` | curated `sources.tsv` (publishers with their web domains) |
//! | `people.jsonl` | `legislators-current.yaml` + `executive.yaml` + curated `people.tsv` + `us-states.tsv` |
//! | `common-words.txt` | single-word names of non-country entries found in the ordinary English words (`newsfacet_gazetteer::words::ORDINARY_WORDS`) |
//!
//! The output is deterministic: stable ids, entries sorted by id (cities by GeoNames id),
//! aliases de-duplicated and sorted, no timestamps. Building twice gives identical bytes.

#![warn(missing_docs)]

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::Entry;

pub mod cities;
pub mod clean;
pub mod countries;
pub mod curated;
pub mod organizations;
pub mod people;
pub mod regions;
pub mod report;
pub mod table;

pub use report::{BuildReport, DomainCoverage, SharedName, WrittenFile};

/// Where to read and write.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The public sources folder, normally `../shared/data/gazetteer-sources`.
    pub sources_dir: PathBuf,
    /// The curated lists, normally `crates/newsfacet-gazetteer-build/data`.
    pub curated_dir: PathBuf,
    /// Where the compiled gazetteers go, normally `index-data/gazetteers`.
    pub out_dir: PathBuf,
}

impl BuildOptions {
    /// The default layout relative to a workspace root (the folder holding `index-data/`).
    pub fn for_workspace(root: &Path) -> Self {
        BuildOptions {
            sources_dir: root.join("../shared/data/gazetteer-sources"),
            curated_dir: root.join("crates/newsfacet-gazetteer-build/data"),
            out_dir: root.join("index-data/gazetteers"),
        }
    }
}

/// The output file names, in the order the runtime loads them.
pub const OUTPUT_FILES: [&str; 6] = [
    "countries.jsonl",
    "cities.jsonl",
    "regions.jsonl",
    "organizations.jsonl",
    "sources.jsonl",
    "people.jsonl",
];

/// The common-words output file name.
pub const COMMON_WORDS_FILE: &str = "common-words.txt";

/// Every compiled gazetteer, before writing.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// `countries.jsonl`, sorted by id; other places may not take these names.
    pub countries: Vec<Entry>,
    /// `cities.jsonl`, sorted by GeoNames id (the `city:` ids sort numerically there).
    pub cities: Vec<Entry>,
    /// `regions.jsonl`: GeoNames subdivisions merged with the curated regions, sorted by id.
    pub regions: Vec<Entry>,
    /// `organizations.jsonl`: the public list merged with the curated organisations.
    pub organizations: Vec<Entry>,
    /// `sources.jsonl`: curated publishers, kept apart so domains resolve to a source facet.
    pub sources: Vec<Entry>,
    /// `people.jsonl`: US legislators and executives merged with the curated people.
    pub people: Vec<Entry>,
    /// Lowercase folded words for `common-words.txt`, sorted.
    pub common_words: Vec<String>,
}

impl Compiled {
    /// `(file name, entries)` in output order.
    pub fn files(&self) -> [(&'static str, &[Entry]); 6] {
        [
            (OUTPUT_FILES[0], &self.countries),
            (OUTPUT_FILES[1], &self.cities),
            (OUTPUT_FILES[2], &self.regions),
            (OUTPUT_FILES[3], &self.organizations),
            (OUTPUT_FILES[4], &self.sources),
            (OUTPUT_FILES[5], &self.people),
        ]
    }
}

/// Reads every source and curated list and compiles the gazetteers in memory.
pub fn compile(options: &BuildOptions, report: &mut BuildReport) -> anyhow::Result<Compiled> {
    let src = &options.sources_dir;
    if !src.is_dir() {
        bail!(
            "sources folder {} not found (see ../shared/data/SOURCES.md)",
            src.display()
        );
    }
    let cur = &options.curated_dir;

    // The tagger's own list of ordinary English words, so both read one list.
    let english_words: HashSet<String> = newsfacet_gazetteer::words::ORDINARY_WORDS
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();

    // The fix tables first: a bad line there should stop the build before the slow parts.
    let country_fixes = countries::Fixes::load(cur)?;
    let city_fixes = cities::Fixes::load(cur)?;
    let generic_region_names = regions::generic_names(cur)?;
    let spelling_pairs = clean::spelling_pairs(cur)?;
    let us_states = people::UsStates::load(cur)?;

    let countries = countries::from_file(
        &src.join("mledoze-countries/countries.json"),
        &country_fixes,
        report,
    )?;
    let exclude = cities::Exclude {
        country_keys: countries::name_keys(&countries),
        english_words,
    };
    let mut cities = cities::from_files(
        &src.join("geonames/countryInfo.txt"),
        &src.join("geonames/cities15000.txt"),
        &exclude,
        &city_fixes,
        report,
    )?;

    let mut regions = regions::admin1_from_file(
        &src.join("geonames/admin1CodesASCII.txt"),
        &countries,
        &generic_region_names,
        report,
    )?;
    let curated_regions =
        curated::read_tsv(&cur.join("regions.tsv"), curated::Expect::Place, report)?;
    let (curated_regions, merged) =
        regions::merge_curated_into_admin1(&mut regions, curated_regions, report);
    regions.extend(curated_regions);
    let curated_or_merged: Vec<Entry> = merged
        .into_iter()
        .map(|i| regions[i].clone())
        .chain(
            regions
                .iter()
                .filter(|r| !r.id.starts_with("admin1:"))
                .cloned(),
        )
        .collect();
    regions::curated_win_over_city_aliases(&curated_or_merged, &mut cities, report);
    let curated_region_ids: HashSet<String> =
        curated_or_merged.iter().map(|r| r.id.clone()).collect();
    for entry in &mut regions {
        clean::finalize(entry);
    }
    clean::sort_by_id(&mut regions);

    let curated_orgs = curated::read_tsv(
        &cur.join("organizations.tsv"),
        curated::Expect::Organization,
        report,
    )?;
    let organizations = organizations::build(
        &src.join("international-organizations/general_list.yaml"),
        curated_orgs,
        &spelling_pairs,
        report,
    )?;

    let mut sources = curated::read_tsv(
        &cur.join("sources.tsv"),
        curated::Expect::Organization,
        report,
    )?;
    for entry in &mut sources {
        clean::finalize(entry);
    }
    clean::sort_by_id(&mut sources);
    report.us_news_domains = domain_coverage(
        &src.join("us-news-domains/us-news-domains-v2.0.0.csv"),
        &sources,
    )?;

    let curated_people =
        curated::read_tsv(&cur.join("people.tsv"), curated::Expect::Person, report)?;
    let people = people::build(
        &src.join("us-congress-legislators/legislators-current.yaml"),
        &src.join("us-congress-legislators/executive.yaml"),
        curated_people,
        &us_states,
        report,
    )?;

    let mut compiled = Compiled {
        countries,
        cities,
        regions,
        organizations,
        sources,
        people,
        common_words: Vec::new(),
    };
    validate(&compiled)?;
    compiled.common_words = common_words(&compiled, &exclude.english_words, &curated_region_ids);
    Ok(compiled)
}

/// Builds every gazetteer and writes it to `options.out_dir`.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    let mut report = BuildReport::default();
    let compiled = compile(options, &mut report)?;
    let out = &options.out_dir;
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for (file, entries) in compiled.files() {
        let text = to_jsonl(entries)?;
        let path = out.join(file);
        write_if_changed(&path, &text)?;
        report.files.push(WrittenFile {
            file: file.to_string(),
            entries: entries.len(),
            bytes: text.len() as u64,
        });
    }
    let mut words = compiled.common_words.join("\n");
    if !words.is_empty() {
        words.push('\n');
    }
    write_if_changed(&out.join(COMMON_WORDS_FILE), &words)?;
    report.files.push(WrittenFile {
        file: COMMON_WORDS_FILE.to_string(),
        entries: compiled.common_words.len(),
        bytes: words.len() as u64,
    });
    report.total_bytes = report.files.iter().map(|f| f.bytes).sum();
    Ok(report)
}

/// One `serde_json` line per entry, each ending in a newline.
pub fn to_jsonl(entries: &[Entry]) -> anyhow::Result<String> {
    let mut text = String::new();
    for entry in entries {
        text.push_str(
            &serde_json::to_string(entry).with_context(|| format!("serializing {}", entry.id))?,
        );
        text.push('\n');
    }
    Ok(text)
}

fn write_if_changed(path: &Path, text: &str) -> anyhow::Result<()> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// Checks the invariants the runtime relies on: ids unique across every file, country codes of
/// two uppercase letters, non-empty names.
pub fn validate(compiled: &Compiled) -> anyhow::Result<()> {
    let mut seen: HashMap<&str, (&str, &str)> = HashMap::new();
    for (file, entries) in compiled.files() {
        for entry in entries {
            if entry.name.trim().is_empty() {
                bail!("{file}: entry {} has an empty name", entry.id);
            }
            if let Some(code) = &entry.country {
                if !clean::is_country_code(code) {
                    bail!(
                        "{file}: entry {} ({}) has country {code:?}, not two uppercase letters",
                        entry.id,
                        entry.name
                    );
                }
            }
            if let Some((other_file, other_name)) = seen.insert(&entry.id, (file, &entry.name)) {
                bail!(
                    "duplicate id {:?}: {} in {other_file} and {} in {file}",
                    entry.id,
                    other_name,
                    entry.name
                );
            }
        }
    }
    Ok(())
}

/// The folded single-word names and aliases of every non-country entry that are also ordinary
/// lowercase English words, sorted.
pub fn common_words(
    compiled: &Compiled,
    english: &HashSet<String>,
    curated_regions: &HashSet<String>,
) -> Vec<String> {
    let mut words = BTreeSet::new();
    for (_, entries) in compiled.files() {
        for entry in entries
            .iter()
            .filter(|e| !e.is_country() && !is_prominent(e, curated_regions))
        {
            for name in entry.names() {
                let key = fold(name);
                if !key.contains(' ') && english.contains(&key) {
                    words.insert(key);
                }
            }
        }
    }
    words.into_iter().collect()
}

/// Names the news uses far more often than the ordinary word they spell ("Wales", "Shanghai",
/// "Trump"): heads of state and government, capitals, cities of a million, and the regions
/// curated for the news. They match at the start of a sentence too.
fn is_prominent(entry: &Entry, curated_regions: &HashSet<String>) -> bool {
    const MILLION: u64 = 1_000_000;
    matches!(entry.kind.as_str(), "head_of_state" | "head_of_government")
        || entry.capital
        || (entry.kind == newsfacet_gazetteer::kind::CITY
            && entry.population.unwrap_or(0) >= MILLION)
        || curated_regions.contains(&entry.id)
}

/// Counts how many domains of the us-news-domains hint list a curated publisher covers (the
/// list itself is never copied into the gazetteers). `None` when the file is absent.
fn domain_coverage(path: &Path, sources: &[Entry]) -> anyhow::Result<Option<DomainCoverage>> {
    if !path.is_file() {
        return Ok(None);
    }
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let known: HashSet<&str> = sources
        .iter()
        .flat_map(|e| e.domains.iter().map(String::as_str))
        .collect();
    let mut listed = 0;
    let mut covered = 0;
    for line in text.lines().skip(1) {
        let domain = line
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if domain.is_empty() {
            continue;
        }
        listed += 1;
        let host = domain.split('/').next().unwrap_or("");
        let mut candidate = host;
        loop {
            if known.contains(candidate) {
                covered += 1;
                break;
            }
            match candidate.split_once('.') {
                Some((_, parent)) if parent.contains('.') => candidate = parent,
                _ => break,
            }
        }
    }
    Ok(Some(DomainCoverage { listed, covered }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_gazetteer::kind;
    use newsfacet_gazetteer::EntityType;

    #[test]
    fn validate_names_both_sides_of_an_id_collision() {
        let mut compiled = Compiled::default();
        compiled.regions.push(Entry::new(
            "place:x",
            EntityType::Place,
            kind::REGION,
            "Xland",
        ));
        compiled.people.push(Entry::new(
            "place:x",
            EntityType::Person,
            "official",
            "X Person",
        ));
        let err = validate(&compiled).unwrap_err().to_string();
        assert!(
            err.contains("Xland in regions.jsonl") && err.contains("X Person in people.jsonl"),
            "{err}"
        );
    }

    #[test]
    fn validate_rejects_bad_country_codes() {
        let mut compiled = Compiled::default();
        let mut e = Entry::new("city:1", EntityType::Place, kind::CITY, "Town");
        e.country = Some("us".into());
        compiled.cities.push(e);
        assert!(validate(&compiled)
            .unwrap_err()
            .to_string()
            .contains("two uppercase"));
    }

    #[test]
    fn common_words_skip_countries_and_multiword_names() {
        let mut compiled = Compiled::default();
        let mut nice = Entry::new("city:1", EntityType::Place, kind::CITY, "Nice");
        nice.aliases = vec!["Nizza".into(), "Côte Reading".into()];
        compiled.cities.push(nice);
        let mut chad = Entry::new("country:TD", EntityType::Place, kind::COUNTRY, "Chad");
        chad.country = Some("TD".into());
        compiled.countries.push(chad);
        compiled.regions.push(Entry::new(
            "admin1:GB.R",
            EntityType::Place,
            kind::REGION,
            "Reading",
        ));
        let english: HashSet<String> = ["nice", "reading", "chad", "nizza2"]
            .map(String::from)
            .into();
        let words = common_words(&compiled, &english, &HashSet::new());
        assert_eq!(words, vec!["nice", "reading"]);
    }
}
