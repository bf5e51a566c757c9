//! First-level subdivisions from GeoNames `admin1CodesASCII.txt` for `regions.jsonl` (the
//! curated `regions.tsv` is appended by [`crate::compile`]).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::{EntityType, Entry};

use crate::clean::is_country_code;
use crate::report::{BuildReport, SharedName};
use crate::table::Table;

/// File of the subdivision names that are generic words.
pub const GENERIC_NAMES_FILE: &str = "generic-region-names.txt";

/// Reads `generic-region-names.txt`, folded: subdivision names that are generic words
/// ("Central" is a region of six countries) would mostly match "Central Bank" or "Western
/// officials", so [`parse_admin1`] leaves them out.
pub fn generic_names(dir: &Path) -> anyhow::Result<HashSet<String>> {
    let names = Table::read(dir, GENERIC_NAMES_FILE)?.items()?;
    Ok(names.iter().map(|n| fold(n)).collect())
}

/// Reads `admin1CodesASCII.txt`.
pub fn admin1_from_file(
    path: &Path,
    countries: &[Entry],
    generic: &HashSet<String>,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_admin1(&text, countries, generic, report)
        .with_context(|| format!("in {}", path.display()))
}

/// Compiles region entries from `CC.code<TAB>name<TAB>ascii name<TAB>geonameid` lines, skipping
/// subdivisions named like their own country (city-states, single-region territories) and those
/// with a [generic name](generic_names) among the folded `generic` (listed in `report`).
pub fn parse_admin1(
    text: &str,
    countries: &[Entry],
    generic: &HashSet<String>,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let mut country_names: HashMap<&str, HashSet<String>> = HashMap::new();
    for country in countries {
        if let Some(code) = &country.country {
            country_names
                .entry(code.as_str())
                .or_default()
                .extend(country.names().map(fold));
        }
    }
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = index + 1;
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 3 {
            bail!(
                "line {line_no}: expected 4 tab-separated columns, found {}",
                columns.len()
            );
        }
        let code = columns[0].trim();
        let Some((country, _)) = code.split_once('.') else {
            bail!("line {line_no}: code {code:?} is not CC.code");
        };
        if !is_country_code(country) {
            bail!("line {line_no}: country {country:?} in {code:?} is not two uppercase letters");
        }
        let name = columns[1].trim();
        if name.is_empty() {
            bail!("line {line_no}: empty name for {code}");
        }
        if country_names
            .get(country)
            .is_some_and(|names| names.contains(&fold(name)))
        {
            continue;
        }
        if generic.contains(&fold(name)) {
            report
                .skipped_generic_regions
                .push(format!("admin1:{code} {name}"));
            continue;
        }
        let mut entry = Entry::new(
            format!("admin1:{code}"),
            EntityType::Place,
            kind::REGION,
            name,
        );
        entry.country = Some(country.to_string());
        entry.aliases = vec![columns[2].trim().to_string()];
        entries.push(entry);
    }
    Ok(entries)
}

/// Curated regions ("Gaza Strip" with alias "Gaza") name the places the press means: a city
/// alias equal to one of their names is dropped (the city keeps its canonical name).
pub fn curated_win_over_city_aliases(
    curated: &[Entry],
    cities: &mut [Entry],
    report: &mut BuildReport,
) {
    let mut owners: HashMap<String, &Entry> = HashMap::new();
    for region in curated {
        for name in region.names() {
            owners.entry(fold(name)).or_insert(region);
        }
    }
    for city in cities.iter_mut() {
        let mut dropped = Vec::new();
        city.aliases.retain(|alias| match owners.get(&fold(alias)) {
            Some(region) => {
                dropped.push((alias.clone(), region.id.clone()));
                false
            }
            None => true,
        });
        for (alias, region) in dropped {
            let mut entries = vec![city.id.clone(), region.clone()];
            entries.sort();
            report.dropped_shared_aliases.push(SharedName {
                name: alias,
                entries,
                kept_on: Some(region),
            });
        }
    }
}

/// Merges each curated region that names a GeoNames subdivision (its name or an alias equals the
/// subdivision's name or ASCII name, folded) of the same country — or of any country when the
/// curated entry has none, as long as exactly one subdivision matches — into that subdivision:
/// the curated name becomes canonical, the `admin1:` id stays. Returns the curated regions that
/// matched nothing, and the indices of the subdivisions that absorbed one.
pub fn merge_curated_into_admin1(
    admin1: &mut [Entry],
    curated: Vec<Entry>,
    report: &mut BuildReport,
) -> (Vec<Entry>, Vec<usize>) {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, region) in admin1.iter().enumerate() {
        for name in region.names() {
            let ids = index.entry(fold(name)).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    }
    let mut renamed = vec![false; admin1.len()];
    let mut unmatched = Vec::new();
    for region in curated {
        let target = region.names().find_map(|name| {
            let candidates: Vec<usize> = index
                .get(&fold(name))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| region.country.is_none() || admin1[i].country == region.country)
                .collect();
            (candidates.len() == 1).then(|| candidates[0])
        });
        let Some(target) = target else {
            unmatched.push(region);
            continue;
        };
        let subdivision = &mut admin1[target];
        report.merges.push(format!(
            "regions.tsv: {} ({}) merged into {} ({})",
            region.name, region.id, subdivision.id, subdivision.name
        ));
        if !renamed[target] {
            renamed[target] = true;
            let old = std::mem::replace(&mut subdivision.name, region.name.clone());
            subdivision.aliases.push(old);
            if !region.kind.is_empty() {
                subdivision.kind.clone_from(&region.kind);
            }
        }
        crate::clean::absorb(subdivision, &region);
    }
    let merged = (0..admin1.len()).filter(|&i| renamed[i]).collect();
    (unmatched, merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_gazetteer::parse_tsv_line;

    #[test]
    fn parses_admin1_and_skips_country_named_regions() {
        let mut sg = Entry::new("country:SG", EntityType::Place, kind::COUNTRY, "Singapore");
        sg.country = Some("SG".into());
        let text = "US.VT\tVermont\tVermont\t5242283\nAE.05\tRaʼs al Khaymah\tImarat Ra's al Khaymah\t291075\nSG.01\tSingapore\tSingapore\t1\nGH.04\tCentral\tCentral\t2\n";
        let mut report = BuildReport::default();
        let generic = generic_names(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
        let regions = parse_admin1(text, &[sg], &generic, &mut report).unwrap();
        assert_eq!(report.skipped_generic_regions, vec!["admin1:GH.04 Central"]);
        assert_eq!(regions.len(), 2);
        assert_eq!(regions[0].id, "admin1:US.VT");
        assert_eq!(regions[0].country.as_deref(), Some("US"));
        assert_eq!(regions[0].kind, kind::REGION);
        assert_eq!(regions[1].aliases, vec!["Imarat Ra's al Khaymah"]);
        let mut gaza_city = Entry::new("city:281133", EntityType::Place, kind::CITY, "Gaza City");
        gaza_city.aliases = vec!["Gaza".into(), "Ghazzah".into()];
        let mut strip = Entry::new(
            "place:gaza-strip",
            EntityType::Place,
            kind::REGION,
            "Gaza Strip",
        );
        strip.aliases = vec!["Gaza".into()];
        let mut cities = vec![gaza_city];
        curated_win_over_city_aliases(&[strip], &mut cities, &mut report);
        assert_eq!(cities[0].aliases, vec!["Ghazzah"]);
        assert_eq!(
            report.dropped_shared_aliases[0].kept_on.as_deref(),
            Some("place:gaza-strip")
        );
        let crimea = vec![
            parse_tsv_line("Crimea\tplace\tregion\tUA\tCrimean Peninsula")
                .unwrap()
                .unwrap(),
            parse_tsv_line("Vermont\tplace\tregion\tCA")
                .unwrap()
                .unwrap(),
            parse_tsv_line("Middle East\tplace\tregion\t")
                .unwrap()
                .unwrap(),
        ];
        let mut admin1 = parse_admin1(
            "UA.11\tCrimea\tCrimea\t703883\nUS.VT\tVermont\tVermont\t1\n",
            &[],
            &generic,
            &mut report,
        )
        .unwrap();
        let (rest, merged) = merge_curated_into_admin1(&mut admin1, crimea, &mut report);
        assert_eq!(merged, vec![0]);
        assert_eq!(
            rest.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
            vec!["Vermont", "Middle East"]
        );
        assert_eq!(admin1[0].id, "admin1:UA.11");
        assert!(admin1[0].aliases.contains(&"Crimean Peninsula".to_string()));
        let err = parse_admin1("USVT\tVermont\tVermont\t1\n", &[], &generic, &mut report)
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1"), "{err}");
    }
}
