//! `countries.jsonl` from mledoze/countries `countries.json`, with the names, aliases and
//! demonyms the press uses.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::{EntityType, Entry};
use serde::Deserialize;

use crate::clean::{
    clean_text, drop_shared_aliases, finalize, is_country_code, sort_by_id, strip_parenthetical,
};
use crate::report::{BuildReport, SharedName};
use crate::table::Table;

#[derive(Debug, Deserialize)]
struct RawCountry {
    name: RawName,
    cca2: String,
    #[serde(default, rename = "altSpellings")]
    alt_spellings: Vec<String>,
    #[serde(default)]
    translations: BTreeMap<String, NamePair>,
    #[serde(default)]
    demonyms: BTreeMap<String, Demonym>,
    #[serde(default)]
    independent: Option<bool>,
}

#[derive(Debug, Deserialize)]
struct RawName {
    common: String,
    official: String,
    #[serde(default)]
    native: BTreeMap<String, NamePair>,
}

#[derive(Debug, Default, Deserialize)]
struct NamePair {
    #[serde(default)]
    official: String,
    #[serde(default)]
    common: String,
}

#[derive(Debug, Deserialize)]
struct Demonym {
    #[serde(default)]
    f: String,
    #[serde(default)]
    m: String,
}

/// Press-usual corrections for one country (one row of `country-press.tsv`).
#[derive(Debug, Clone, Default)]
struct Press {
    /// Canonical name, when the source's common name is not the one the press uses.
    name: Option<String>,
    /// Extra aliases, added first so that their casing wins.
    aliases: Vec<String>,
    /// Source aliases that are wrong or misleading for this country.
    remove: Vec<String>,
    /// Extra demonyms and adjectives.
    demonyms: Vec<String>,
}

/// A state that no longer exists (one row of `former-states.tsv`): a country of the facet with
/// its own withdrawn code, so that archives of its time are about it and not its successors.
#[derive(Debug, Clone)]
struct FormerState {
    code: String,
    name: String,
    aliases: Vec<String>,
    demonyms: Vec<String>,
}

/// The country fix tables of `data/`: the source is right about codes but not about the names
/// the press uses, so these facts are applied on top of it.
#[derive(Debug, Clone, Default)]
pub struct Fixes {
    /// `country-press.tsv`, by ISO code.
    press: HashMap<String, Press>,
    /// `invariant-demonyms.txt`: demonyms whose plural is not formed by adding "s".
    invariant_demonyms: Vec<String>,
    /// `translation-languages.txt`: translations kept as multilingual aliases.
    translation_languages: Vec<String>,
    /// `former-states.tsv`: states that no longer exist, compiled as countries.
    former_states: Vec<FormerState>,
}

/// File of the press names, aliases, removals and demonyms of countries.
pub const PRESS_FILE: &str = "country-press.tsv";
/// File of the demonyms that take no plural "s".
pub const INVARIANT_DEMONYMS_FILE: &str = "invariant-demonyms.txt";
/// File of the languages whose translated names become aliases.
pub const TRANSLATION_LANGUAGES_FILE: &str = "translation-languages.txt";
/// File of the former states (Soviet Union, Yugoslavia …) compiled as countries.
pub const FORMER_STATES_FILE: &str = "former-states.tsv";

impl Fixes {
    /// Reads the country fix tables from the curated data folder.
    pub fn load(dir: &Path) -> anyhow::Result<Fixes> {
        Fixes::parse(
            &Table::read(dir, PRESS_FILE)?,
            &Table::read(dir, INVARIANT_DEMONYMS_FILE)?,
            &Table::read(dir, TRANSLATION_LANGUAGES_FILE)?,
            &Table::read(dir, FORMER_STATES_FILE)?,
        )
    }

    /// Parses the four tables; errors name `file:line`.
    pub fn parse(
        press: &Table,
        invariant_demonyms: &Table,
        translation_languages: &Table,
        former_states: &Table,
    ) -> anyhow::Result<Fixes> {
        let mut fixes = Fixes {
            invariant_demonyms: invariant_demonyms.items()?,
            translation_languages: translation_languages.items()?,
            ..Fixes::default()
        };
        for row in press.rows(1, 5)? {
            let code = row.cell(0);
            if !is_country_code(code) {
                return Err(row.error(format!("{code:?} is not two uppercase letters")));
            }
            let name = Some(row.cell(1)).filter(|n| !n.is_empty());
            let fix = Press {
                name: name.map(str::to_string),
                aliases: row.list(2),
                remove: row.list(3),
                demonyms: row.list(4),
            };
            if fixes.press.insert(code.to_string(), fix).is_some() {
                return Err(row.error(format!("country {code} is listed twice")));
            }
        }
        for row in former_states.rows(7, 7)? {
            let code = row.cell(0);
            if !is_country_code(code) {
                return Err(row.error(format!("{code:?} is not two uppercase letters")));
            }
            if fixes.press.contains_key(code) || fixes.former_states.iter().any(|f| f.code == code)
            {
                return Err(row.error(format!("country {code} is listed twice")));
            }
            let year = |index: usize| {
                let cell = row.cell(index);
                cell.parse::<u16>()
                    .ok()
                    .filter(|_| cell.len() == 4)
                    .ok_or_else(|| row.error(format!("{cell:?} is not a year")))
            };
            if year(4)? > year(5)? {
                return Err(row.error("the state ends before it begins"));
            }
            let successors = row.list(6);
            if successors.is_empty() || !successors.iter().all(|c| is_country_code(c)) {
                return Err(row.error("successors must be country codes"));
            }
            fixes.former_states.push(FormerState {
                code: code.to_string(),
                name: row.cell(1).to_string(),
                aliases: row.list(2),
                demonyms: row.list(3),
            });
        }
        Ok(fixes)
    }

    /// The plural of a demonym by adding "s", or `None` when it does not take one (ends in s,
    /// sh, ch, ese, x, z, or is invariant: "Chinese", "Swiss", "British", "Dutch").
    pub fn plural(&self, demonym: &str) -> Option<String> {
        let lower = demonym.to_lowercase();
        let last = lower.chars().next_back()?;
        if !last.is_alphabetic()
            || self
                .invariant_demonyms
                .iter()
                .any(|d| d.eq_ignore_ascii_case(demonym))
            || ["s", "sh", "ch", "ese", "x", "z"]
                .iter()
                .any(|end| lower.ends_with(end))
        {
            return None;
        }
        Some(format!("{demonym}s"))
    }
}

/// Reads `countries.json` and compiles the country entries.
pub fn from_file(
    path: &Path,
    fixes: &Fixes,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse(&text, fixes, report).with_context(|| format!("in {}", path.display()))
}

/// Compiles country entries from the text of `countries.json`.
pub fn parse(json: &str, fixes: &Fixes, report: &mut BuildReport) -> anyhow::Result<Vec<Entry>> {
    let raw: Vec<RawCountry> = serde_json::from_str(json).context("parsing countries JSON")?;
    let mut entries = Vec::with_capacity(raw.len());
    let mut independent = Vec::with_capacity(raw.len());
    let mut codes = HashSet::new();
    for (index, country) in raw.iter().enumerate() {
        if !is_country_code(&country.cca2) {
            bail!(
                "country #{index} ({}) has cca2 {:?}, not two uppercase letters",
                country.name.common,
                country.cca2
            );
        }
        if !codes.insert(country.cca2.clone()) {
            bail!("country code {} appears twice", country.cca2);
        }
        let no_fix = Press::default();
        let press = fixes.press.get(&country.cca2).unwrap_or(&no_fix);
        entries.push(entry_for(country, press, fixes));
        independent.push(country.independent.unwrap_or(false));
    }
    for state in &fixes.former_states {
        // A withdrawn code that the source still uses would make two countries of one code.
        if !codes.insert(state.code.clone()) {
            bail!(
                "former state {} has code {}, which a current country has",
                state.name,
                state.code
            );
        }
        entries.push(former_entry(state, fixes));
        independent.push(true);
    }
    drop_shared(&mut entries, &independent, report);
    for entry in &mut entries {
        finalize(entry);
    }
    sort_by_id(&mut entries);
    Ok(entries)
}

fn entry_for(raw: &RawCountry, press: &Press, fixes: &Fixes) -> Entry {
    let code = raw.cca2.as_str();
    let name = press
        .name
        .clone()
        .unwrap_or_else(|| clean_text(&raw.name.common));
    let mut entry = Entry::new(
        format!("country:{code}"),
        EntityType::Place,
        kind::COUNTRY,
        name,
    );
    entry.country = Some(code.to_string());

    let mut aliases: Vec<String> = press.aliases.clone();
    aliases.push(raw.name.common.clone());
    aliases.push(strip_parenthetical(&raw.name.official));
    for native in raw.name.native.values() {
        aliases.push(strip_parenthetical(&native.official));
        aliases.push(strip_parenthetical(&native.common));
    }
    for alt in &raw.alt_spellings {
        // Bare ISO codes are not names; inverted forms ("Korea, Republic of") never occur in text.
        if alt.trim() == code || alt.contains(',') {
            continue;
        }
        aliases.push(strip_parenthetical(alt));
    }
    for language in &fixes.translation_languages {
        if let Some(pair) = raw.translations.get(language) {
            aliases.push(strip_parenthetical(&pair.common));
        }
    }
    let removed: HashSet<String> = press.remove.iter().map(|r| fold(r)).collect();
    aliases.retain(|a| !removed.contains(&fold(a)));
    entry.aliases = aliases;

    let mut demonyms: Vec<String> = Vec::new();
    if let Some(eng) = raw.demonyms.get("eng") {
        for form in [&eng.m, &eng.f] {
            for part in form.split(',').flat_map(|p| p.split(" or ")) {
                let part = clean_text(part);
                if !part.is_empty() {
                    demonyms.push(part);
                }
            }
        }
    }
    demonyms.extend(press.demonyms.iter().cloned());
    let plurals: Vec<String> = demonyms.iter().filter_map(|d| fixes.plural(d)).collect();
    demonyms.extend(plurals);
    entry.demonyms = demonyms;
    entry
}

/// The country entry of a former state.
fn former_entry(state: &FormerState, fixes: &Fixes) -> Entry {
    let mut entry = Entry::new(
        format!("country:{}", state.code),
        EntityType::Place,
        kind::COUNTRY,
        state.name.clone(),
    );
    entry.country = Some(state.code.clone());
    entry.aliases = state.aliases.clone();
    let mut demonyms = state.demonyms.clone();
    let plurals: Vec<String> = demonyms.iter().filter_map(|d| fixes.plural(d)).collect();
    demonyms.extend(plurals);
    entry.demonyms = demonyms;
    entry
}

/// Drops aliases and demonyms that several countries carry, reporting each.
///
/// - An alias on two or more countries is removed from all of them; if it is one country's
///   canonical name, that country keeps it.
/// - A demonym on two or more countries stays only on the single independent country among them
///   ("French": France, not the French Southern Lands); otherwise it is dropped everywhere
///   ("Congolese", "Dominican").
fn drop_shared(entries: &mut [Entry], independent: &[bool], report: &mut BuildReport) {
    drop_shared_aliases(entries, report);

    let mut demonym_holders: BTreeMap<String, (String, BTreeSet<usize>)> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate() {
        for demonym in &entry.demonyms {
            let key = fold(demonym);
            demonym_holders
                .entry(key)
                .or_insert_with(|| (demonym.clone(), BTreeSet::new()))
                .1
                .insert(index);
        }
    }
    for (key, (spelling, holders)) in demonym_holders {
        if holders.len() < 2 {
            continue;
        }
        let sovereign: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&i| independent[i])
            .collect();
        let kept_on = (sovereign.len() == 1).then(|| sovereign[0]);
        for &i in &holders {
            if Some(i) != kept_on {
                entries[i].demonyms.retain(|d| fold(d) != key);
            }
        }
        let mut ids: Vec<String> = holders.iter().map(|&i| entries[i].id.clone()).collect();
        ids.sort();
        report.dropped_shared_demonyms.push(SharedName {
            name: spelling,
            entries: ids,
            kept_on: kept_on.map(|i| entries[i].id.clone()),
        });
    }
}

/// Folded names, aliases and demonyms of every country: other places must not take them.
pub fn name_keys(countries: &[Entry]) -> HashSet<String> {
    countries
        .iter()
        .flat_map(|e| e.names().chain(e.demonyms.iter().map(String::as_str)))
        .map(fold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = r#"[
      {"name": {"common": "Türkiye", "official": "Republic of Türkiye",
                "native": {"tur": {"official": "Türkiye Cumhuriyeti", "common": "Türkiye"}}},
       "cca2": "TR", "independent": true,
       "altSpellings": ["TR", "Turkiye", "Republic of Turkey"],
       "translations": {"rus": {"official": "Республика Турции", "common": "Турция"},
                        "zho": {"official": "土耳其共和国", "common": "土耳其"},
                        "fra": {"official": "République de Turquie", "common": "Turquie"}},
       "demonyms": {"eng": {"f": "Turkish", "m": "Turkish"}}},
      {"name": {"common": "DR Congo", "official": "Democratic Republic of the Congo"},
       "cca2": "CD", "independent": true, "altSpellings": ["CD", "DRC", "Congo, the Democratic Republic of the"],
       "demonyms": {"eng": {"f": "Congolese", "m": "Congolese"}}},
      {"name": {"common": "Congo", "official": "Republic of the Congo"},
       "cca2": "CG", "independent": true, "altSpellings": ["CG", "Congo", "Congo-Brazzaville"],
       "demonyms": {"eng": {"f": "Congolese", "m": "Congolese"}}},
      {"name": {"common": "France", "official": "French Republic"}, "cca2": "FR", "independent": true,
       "demonyms": {"eng": {"f": "French", "m": "French"}}},
      {"name": {"common": "French Southern and Antarctic Lands", "official": "Territory of the French Southern and Antarctic Lands"},
       "cca2": "TF", "independent": false, "demonyms": {"eng": {"f": "French", "m": "French"}}},
      {"name": {"common": "United States", "official": "United States of America"}, "cca2": "US", "independent": true,
       "altSpellings": ["US", "USA"], "demonyms": {"eng": {"f": "American", "m": "American"}}}
    ]"#;

    /// The real fix tables of this crate's `data/` folder.
    fn fixes() -> Fixes {
        Fixes::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap()
    }

    fn by_code<'a>(entries: &'a [Entry], code: &str) -> &'a Entry {
        entries
            .iter()
            .find(|e| e.country.as_deref() == Some(code))
            .unwrap()
    }

    #[test]
    fn press_names_aliases_and_demonyms() {
        let mut report = BuildReport::default();
        let entries = parse(FIXTURE, &fixes(), &mut report).unwrap();
        assert_eq!(entries.len(), 6 + fixes().former_states.len());
        let tr = by_code(&entries, "TR");
        assert_eq!(tr.id, "country:TR");
        assert_eq!(tr.name, "Turkey");
        for alias in [
            "Türkiye",
            "Republic of Türkiye",
            "Türkiye Cumhuriyeti",
            "Турция",
            "土耳其",
            "Republic of Turkey",
        ] {
            assert!(
                tr.aliases.iter().any(|a| a == alias),
                "{alias} missing from {:?}",
                tr.aliases
            );
        }
        assert!(!tr.aliases.iter().any(|a| a == "Turquie" || a == "TR"));
        assert!(
            tr.demonyms.contains(&"Turkish".to_string())
                && tr.demonyms.contains(&"Turks".to_string())
        );

        let us = by_code(&entries, "US");
        assert!(us.aliases.iter().any(|a| a == "U.S.") && us.aliases.iter().any(|a| a == "US"));
        assert_eq!(us.demonyms, vec!["American", "Americans"]);

        let cd = by_code(&entries, "CD");
        assert_eq!(cd.name, "Democratic Republic of the Congo");
        assert!(
            cd.aliases.contains(&"DR Congo".to_string()) && cd.aliases.contains(&"DRC".to_string())
        );
        let cg = by_code(&entries, "CG");
        assert_eq!(cg.name, "Republic of the Congo");
        assert!(!cd.aliases.iter().chain(&cg.aliases).any(|a| a == "Congo"));
        assert!(cd.demonyms.is_empty() && cg.demonyms.is_empty());
        assert!(report
            .dropped_shared_aliases
            .iter()
            .any(|s| s.name == "Congo" && s.kept_on.is_none()));
        assert!(report
            .dropped_shared_demonyms
            .iter()
            .any(|s| s.name == "Congolese" && s.kept_on.is_none()));

        // A territory's demonym yields to the sovereign country.
        assert_eq!(by_code(&entries, "FR").demonyms, vec!["French"]);
        assert!(by_code(&entries, "TF").demonyms.is_empty());
        let french = report
            .dropped_shared_demonyms
            .iter()
            .find(|s| s.name == "French")
            .unwrap();
        assert_eq!(french.kept_on.as_deref(), Some("country:FR"));
    }

    #[test]
    fn former_states_are_countries_with_their_own_codes() {
        let mut report = BuildReport::default();
        let entries = parse(FIXTURE, &fixes(), &mut report).unwrap();
        let su = by_code(&entries, "SU");
        assert_eq!(
            (su.id.as_str(), su.name.as_str()),
            ("country:SU", "Soviet Union")
        );
        assert!(su.is_country());
        assert!(su.aliases.iter().any(|a| a == "USSR"));
        assert!(su.demonyms.contains(&"Soviet".to_string()));
        assert!(su.demonyms.contains(&"Soviets".to_string()));
        assert_eq!(
            by_code(&entries, "DD").demonyms,
            vec!["East German", "East Germans"]
        );
        // A renamed state that continues is its successor, not a former state.
        assert!(!entries
            .iter()
            .any(|e| e.name == "Burma" || e.name == "West Germany"));
    }

    #[test]
    fn bad_former_state_rows_name_file_and_line() {
        let items = |text: &str| Table::from_text("x.txt", text.to_string());
        let parse_former = |text: &str| {
            Fixes::parse(
                &items("US\tUnited States\n"),
                &items(""),
                &items(""),
                &Table::from_text("data/former-states.tsv", text),
            )
            .unwrap_err()
            .to_string()
        };
        assert_eq!(
            parse_former("SU\tSoviet Union\t\tSoviet\t1991\t1922\tRU\n"),
            "data/former-states.tsv:1: the state ends before it begins"
        );
        assert_eq!(
            parse_former("US\tOld States\t\t\t1900\t1950\tUS\n"),
            "data/former-states.tsv:1: country US is listed twice"
        );
        assert_eq!(
            parse_former("SU\tSoviet Union\t\tSoviet\t1922\t1991\t\n"),
            "data/former-states.tsv:1: successors must be country codes"
        );
    }

    #[test]
    fn plurals() {
        let fixes = fixes();
        let plural = |d: &str| fixes.plural(d);
        assert_eq!(plural("Russian").as_deref(), Some("Russians"));
        assert_eq!(plural("Iraqi").as_deref(), Some("Iraqis"));
        assert_eq!(plural("Chinese"), None);
        assert_eq!(plural("Swiss"), None);
        assert_eq!(plural("British"), None);
        assert_eq!(plural("Dutch"), None);
        assert_eq!(plural("Manx"), None);
        assert_eq!(plural("Malagasy"), None);
    }

    #[test]
    fn bad_press_rows_name_file_and_line() {
        let items = |text: &str| Table::from_text("x.txt", text.to_string());
        let parse_press = |text: &str| {
            Fixes::parse(
                &Table::from_text("data/country-press.tsv", text),
                &items(""),
                &items(""),
                &items(""),
            )
            .unwrap_err()
            .to_string()
        };
        assert_eq!(
            parse_press("# c\nus\tUnited States\n"),
            "data/country-press.tsv:2: \"us\" is not two uppercase letters"
        );
        assert_eq!(
            parse_press("US\nUS\tUSA\n"),
            "data/country-press.tsv:2: country US is listed twice"
        );
    }
}
