//! Alias hygiene shared by every source: trimming, the global drop rules, case-insensitive
//! de-duplication that keeps the original casing, and stable ordering.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::Entry;

use crate::report::{BuildReport, SharedName};
use crate::table::Table;

/// Trims and collapses runs of whitespace to one space.
pub fn clean_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a name has no letters at all (only digits, punctuation and spaces), e.g. "1992".
pub fn is_numeric(s: &str) -> bool {
    !s.chars().any(char::is_alphabetic)
}

/// Whether `alias` passes the global rules: not empty, at least two characters once folded,
/// not purely numeric.
pub fn acceptable(alias: &str) -> bool {
    let key = fold(alias);
    key.chars().count() >= 2 && !is_numeric(&key)
}

/// Removes a trailing or embedded parenthetical: "Holy See (Vatican City State)" → "Holy See".
pub fn strip_parenthetical(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    clean_text(&out)
}

/// Cleans a list of names: drops empty, too-short and numeric ones and any whose folded form is
/// in `exclude`, de-duplicates by folded form keeping the first spelling seen, and sorts.
fn clean_list(items: &[String], exclude: &HashSet<String>) -> Vec<String> {
    let mut by_key: BTreeMap<String, String> = BTreeMap::new();
    for item in items {
        let item = clean_text(item);
        if !acceptable(&item) {
            continue;
        }
        let key = fold(&item);
        if exclude.contains(&key) {
            continue;
        }
        by_key.entry(key).or_insert(item);
    }
    // Sorted by folded key, so the order does not depend on which spelling won.
    by_key.into_values().collect()
}

/// Brings an entry into its final, deterministic shape: canonical name trimmed; aliases and
/// demonyms cleaned, de-duplicated and sorted (an alias equal to the name is dropped, a demonym
/// equal to a name or alias is dropped); domains lowercased and sorted; roles de-duplicated in
/// their original order.
pub fn finalize(entry: &mut Entry) {
    entry.name = clean_text(&entry.name);
    let mut exclude = HashSet::from([fold(&entry.name)]);
    entry.aliases = clean_list(&entry.aliases, &exclude);
    exclude.extend(entry.aliases.iter().map(|a| fold(a)));
    entry.demonyms = clean_list(&entry.demonyms, &exclude);
    let domains: BTreeSet<String> = entry
        .domains
        .iter()
        .map(|d| {
            d.trim()
                .to_ascii_lowercase()
                .trim_start_matches("www.")
                .to_string()
        })
        .filter(|d| !d.is_empty())
        .collect();
    entry.domains = domains.into_iter().collect();
    let mut seen = HashSet::new();
    entry.roles = entry
        .roles
        .iter()
        .map(|r| clean_text(r))
        .filter(|r| !r.is_empty() && seen.insert(fold(r)))
        .collect();
    if let Some(country) = &entry.country {
        entry.country = Some(country.trim().to_ascii_uppercase());
    }
}

/// File of the British and American spelling pairs.
pub const SPELLING_VARIANTS_FILE: &str = "spelling-variants.tsv";

/// Reads `spelling-variants.tsv`: `(british, american)` substring pairs such as
/// `("isation", "ization")`, in file order, because the press writes organization names both
/// ways and each spelling should find the entry.
pub fn spelling_pairs(dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let table = Table::read(dir, SPELLING_VARIANTS_FILE)?;
    let mut pairs = Vec::new();
    for row in table.rows(2, 2)? {
        let pair = (row.cell(0).to_string(), row.cell(1).to_string());
        if pair.1.is_empty() || pair.0 == pair.1 {
            return Err(row.error("expected two different spellings"));
        }
        if pairs.contains(&pair) {
            return Err(row.error(format!("{:?} is listed twice", pair.0)));
        }
        pairs.push(pair);
    }
    Ok(pairs)
}

/// British and American spellings of an organization's name, both of which the press uses
/// ("Organisation"/"Organization", "Defence"/"Defense"), from the `pairs` of
/// [`spelling_pairs`]. Returns the other spellings of `name`, if any.
pub fn spelling_variants(name: &str, pairs: &[(String, String)]) -> Vec<String> {
    let mut variants = Vec::new();
    for (british, american) in pairs {
        for (from, to) in [(british, american), (american, british)] {
            let known: Vec<String> = std::iter::once(name.to_string())
                .chain(variants.iter().cloned())
                .collect();
            for spelling in known {
                if spelling.contains(from.as_str()) {
                    let variant = spelling.replace(from.as_str(), to);
                    if variant != name && !variants.contains(&variant) {
                        variants.push(variant);
                    }
                }
            }
        }
    }
    variants
}

/// Whether `code` is an ISO 3166-1 alpha-2 code as written in entries: two uppercase letters.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Merges `other` into `target`: union of aliases (plus `other`'s name when it differs),
/// demonyms, domains and roles; missing scalar fields are filled from `other`.
pub fn absorb(target: &mut Entry, other: &Entry) {
    if fold(&other.name) != fold(&target.name) {
        target.aliases.push(other.name.clone());
    }
    target.aliases.extend(other.aliases.iter().cloned());
    target.demonyms.extend(other.demonyms.iter().cloned());
    target.domains.extend(other.domains.iter().cloned());
    target.roles.extend(other.roles.iter().cloned());
    if target.country.is_none() {
        target.country.clone_from(&other.country);
    }
    if target.gender.is_none() {
        target.gender.clone_from(&other.gender);
    }
    if target.population.is_none() {
        target.population = other.population;
    }
    target.capital |= other.capital;
}

/// Removes every alias that more than one entry carries (as its name or an alias), reporting
/// each. An entry whose canonical name it is keeps it when there is exactly one such entry.
pub fn drop_shared_aliases(entries: &mut [Entry], report: &mut BuildReport) {
    let mut holders: BTreeMap<String, (String, BTreeSet<usize>)> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate() {
        for name in entry.names() {
            let name = clean_text(name);
            holders
                .entry(fold(&name))
                .or_insert_with(|| (name.clone(), BTreeSet::new()))
                .1
                .insert(index);
        }
    }
    for (key, (spelling, holders)) in holders {
        if holders.len() < 2 || key.is_empty() {
            continue;
        }
        let owners: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&i| fold(&entries[i].name) == key)
            .collect();
        let kept_on = (owners.len() == 1).then(|| owners[0]);
        for &i in &holders {
            if Some(i) != kept_on {
                entries[i].aliases.retain(|a| fold(a) != key);
            }
        }
        let mut ids: Vec<String> = holders.iter().map(|&i| entries[i].id.clone()).collect();
        ids.sort();
        report.dropped_shared_aliases.push(SharedName {
            name: spelling,
            entries: ids,
            kept_on: kept_on.map(|i| entries[i].id.clone()),
        });
    }
}

/// Sorts entries by id.
pub fn sort_by_id(entries: &mut [Entry]) {
    entries.sort_by(|a, b| a.id.cmp(&b.id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_gazetteer::kind;
    use newsfacet_gazetteer::EntityType;

    #[test]
    fn finalize_dedupes_by_fold_keeps_casing_and_sorts() {
        let mut e = Entry::new(
            "country:US",
            EntityType::Place,
            kind::COUNTRY,
            " United  States ",
        );
        e.aliases = [
            "US",
            "U.S.",
            "united states",
            "",
            "X",
            "1992",
            "USA",
            "Us",
            "America",
        ]
        .map(String::from)
        .to_vec();
        e.demonyms = vec!["American".into(), "America".into(), "Americans".into()];
        e.domains = vec!["WWW.Example.com".into(), "example.com".into()];
        finalize(&mut e);
        assert_eq!(e.name, "United States");
        assert_eq!(e.aliases, vec!["America", "U.S.", "US", "USA"]);
        assert_eq!(e.demonyms, vec!["American", "Americans"]);
        assert_eq!(e.domains, vec!["example.com"]);
    }

    #[test]
    fn strips_parentheticals() {
        assert_eq!(
            strip_parenthetical("Holy See (Vatican City State)"),
            "Holy See"
        );
        assert_eq!(
            strip_parenthetical("Cocos (Keeling) Islands"),
            "Cocos Islands"
        );
    }

    #[test]
    fn spelling_variants_cover_british_and_american_forms() {
        let pairs = spelling_pairs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
        assert_eq!(
            spelling_variants(
                "Organization for Security and Co-operation in Europe",
                &pairs
            ),
            vec![
                "Organisation for Security and Co-operation in Europe",
                "Organization for Security and Cooperation in Europe",
                "Organisation for Security and Cooperation in Europe",
            ]
        );
        assert!(spelling_variants("United Nations", &pairs).is_empty());
    }
}
