//! `countries.jsonl` from mledoze/countries `countries.json`, with the names, aliases and
//! demonyms the press uses.

use std::collections::{BTreeMap, BTreeSet, HashSet};
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
use crate::{BuildReport, SharedName};

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

/// Press-usual corrections for one country.
struct Press {
    code: &'static str,
    /// Canonical name, when the source's common name is not the one the press uses.
    name: Option<&'static str>,
    /// Extra aliases, added first so that their casing wins.
    aliases: &'static [&'static str],
    /// Source aliases that are wrong or misleading for this country.
    remove: &'static [&'static str],
    /// Extra demonyms and adjectives.
    demonyms: &'static [&'static str],
}

const NONE: Press = Press {
    code: "",
    name: None,
    aliases: &[],
    remove: &[],
    demonyms: &[],
};

/// Press corrections. "Congo" and "Korea" are listed on both countries they can mean so that
/// the shared-alias rule drops (and reports) them.
const PRESS: &[Press] = &[
    Press {
        code: "US",
        name: Some("United States"),
        aliases: &[
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "America",
            "United States of America",
        ],
        ..NONE
    },
    Press {
        code: "GB",
        name: Some("United Kingdom"),
        aliases: &["UK", "U.K.", "Britain", "Great Britain"],
        demonyms: &["Briton", "Britons"],
        ..NONE
    },
    Press {
        code: "RU",
        name: Some("Russia"),
        aliases: &["Russian Federation"],
        ..NONE
    },
    Press {
        code: "CN",
        name: Some("China"),
        aliases: &["PRC", "People's Republic of China", "mainland China"],
        ..NONE
    },
    Press {
        code: "TW",
        name: Some("Taiwan"),
        aliases: &["Republic of China", "ROC"],
        ..NONE
    },
    Press {
        code: "KR",
        name: Some("South Korea"),
        aliases: &["Republic of Korea", "ROK", "Korea"],
        ..NONE
    },
    Press {
        code: "KP",
        name: Some("North Korea"),
        aliases: &["DPRK", "Democratic People's Republic of Korea", "Korea"],
        ..NONE
    },
    Press {
        code: "IR",
        name: Some("Iran"),
        ..NONE
    },
    Press {
        code: "SY",
        name: Some("Syria"),
        ..NONE
    },
    Press {
        code: "VN",
        name: Some("Vietnam"),
        aliases: &["Viet Nam"],
        ..NONE
    },
    Press {
        code: "LA",
        name: Some("Laos"),
        ..NONE
    },
    Press {
        code: "TR",
        name: Some("Turkey"),
        aliases: &["Türkiye", "Turkiye", "Republic of Turkey"],
        demonyms: &["Turk", "Turks"],
        ..NONE
    },
    Press {
        code: "CZ",
        name: Some("Czechia"),
        aliases: &["Czech Republic"],
        demonyms: &["Czechs"],
        ..NONE
    },
    Press {
        code: "BA",
        name: Some("Bosnia and Herzegovina"),
        aliases: &["Bosnia", "Bosnia-Herzegovina"],
        ..NONE
    },
    Press {
        code: "MM",
        name: Some("Myanmar"),
        aliases: &["Burma"],
        ..NONE
    },
    Press {
        code: "CI",
        name: Some("Ivory Coast"),
        aliases: &["Côte d'Ivoire", "Cote d'Ivoire"],
        ..NONE
    },
    Press {
        code: "SZ",
        name: Some("Eswatini"),
        aliases: &["Swaziland"],
        ..NONE
    },
    Press {
        code: "MK",
        name: Some("North Macedonia"),
        aliases: &["Macedonia"],
        ..NONE
    },
    Press {
        code: "CV",
        name: Some("Cape Verde"),
        aliases: &["Cabo Verde"],
        demonyms: &["Cape Verdean"],
        ..NONE
    },
    Press {
        code: "PS",
        name: Some("Palestine"),
        aliases: &["Palestinian territories", "State of Palestine"],
        ..NONE
    },
    Press {
        code: "VA",
        name: Some("Vatican City"),
        aliases: &["Holy See", "Vatican"],
        ..NONE
    },
    Press {
        code: "CD",
        name: Some("Democratic Republic of the Congo"),
        aliases: &[
            "DR Congo",
            "DRC",
            "Democratic Republic of Congo",
            "Congo-Kinshasa",
            "Congo",
        ],
        ..NONE
    },
    Press {
        code: "CG",
        name: Some("Republic of the Congo"),
        aliases: &["Congo-Brazzaville", "Republic of Congo", "Congo"],
        ..NONE
    },
    Press {
        code: "FM",
        name: Some("Micronesia"),
        ..NONE
    },
    Press {
        code: "TL",
        name: Some("East Timor"),
        aliases: &["Timor-Leste"],
        remove: &["Timor"],
        ..NONE
    },
    Press {
        code: "AE",
        aliases: &["UAE", "U.A.E.", "Emirates"],
        demonyms: &["Emirati"],
        ..NONE
    },
    Press {
        code: "NL",
        aliases: &["Holland", "The Netherlands"],
        demonyms: &["Dutch"],
        ..NONE
    },
    Press {
        code: "SA",
        aliases: &["KSA"],
        remove: &["Saudi"],
        demonyms: &["Saudi", "Saudis"],
        ..NONE
    },
    Press {
        code: "ZA",
        aliases: &["RSA"],
        ..NONE
    },
    Press {
        code: "PH",
        demonyms: &["Filipina"],
        ..NONE
    },
    Press {
        code: "TH",
        remove: &["Thai", "Prathet"],
        ..NONE
    },
    Press {
        code: "TG",
        remove: &["Togolese"],
        ..NONE
    },
    Press {
        code: "IS",
        remove: &["Island"],
        ..NONE
    },
    Press {
        code: "IM",
        remove: &["Mann"],
        ..NONE
    },
    Press {
        code: "BN",
        remove: &["the Abode of Peace"],
        ..NONE
    },
    Press {
        code: "MX",
        remove: &["Mexicanos"],
        ..NONE
    },
    Press {
        code: "PT",
        remove: &["Portuguesa"],
        ..NONE
    },
    Press {
        code: "AO",
        remove: &["ʁɛpublika de an'ɡɔla"],
        ..NONE
    },
    Press {
        code: "KG",
        demonyms: &["Kyrgyz"],
        ..NONE
    },
    Press {
        code: "TJ",
        demonyms: &["Tajik"],
        ..NONE
    },
    Press {
        code: "UZ",
        demonyms: &["Uzbek"],
        ..NONE
    },
    Press {
        code: "KZ",
        demonyms: &["Kazakh"],
        ..NONE
    },
    Press {
        code: "MV",
        demonyms: &["Maldivian"],
        ..NONE
    },
    Press {
        code: "EC",
        demonyms: &["Ecuadorian"],
        ..NONE
    },
    Press {
        code: "SI",
        demonyms: &["Slovenian"],
        ..NONE
    },
    Press {
        code: "AZ",
        demonyms: &["Azeri"],
        ..NONE
    },
    Press {
        code: "DK",
        demonyms: &["Dane", "Danes"],
        ..NONE
    },
    Press {
        code: "SE",
        demonyms: &["Swede", "Swedes"],
        ..NONE
    },
    Press {
        code: "ES",
        demonyms: &["Spaniard"],
        ..NONE
    },
    Press {
        code: "HK",
        demonyms: &["Hongkonger"],
        ..NONE
    },
];

/// Demonyms whose plural is not formed by adding "s".
const INVARIANT_DEMONYMS: &[&str] = &[
    "Malagasy",
    "Motswana",
    "Mosotho",
    "Ni-Vanuatu",
    "I-Kiribati",
    "Vatican",
];

/// Translations kept as multilingual aliases (besides native names).
const TRANSLATION_LANGUAGES: &[&str] = &["rus", "zho"];

/// Reads `countries.json` and compiles the country entries.
pub fn from_file(path: &Path, report: &mut BuildReport) -> anyhow::Result<Vec<Entry>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse(&text, report).with_context(|| format!("in {}", path.display()))
}

/// Compiles country entries from the text of `countries.json`.
pub fn parse(json: &str, report: &mut BuildReport) -> anyhow::Result<Vec<Entry>> {
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
        let press = PRESS
            .iter()
            .find(|p| p.code == country.cca2)
            .unwrap_or(&NONE);
        entries.push(entry_for(country, press));
        independent.push(country.independent.unwrap_or(false));
    }
    drop_shared(&mut entries, &independent, report);
    for entry in &mut entries {
        finalize(entry);
    }
    sort_by_id(&mut entries);
    Ok(entries)
}

fn entry_for(raw: &RawCountry, press: &Press) -> Entry {
    let code = raw.cca2.as_str();
    let name = press
        .name
        .map(str::to_string)
        .unwrap_or_else(|| clean_text(&raw.name.common));
    let mut entry = Entry::new(
        format!("country:{code}"),
        EntityType::Place,
        kind::COUNTRY,
        name,
    );
    entry.country = Some(code.to_string());

    let mut aliases: Vec<String> = press.aliases.iter().map(|a| a.to_string()).collect();
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
    for language in TRANSLATION_LANGUAGES {
        if let Some(pair) = raw.translations.get(*language) {
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
    demonyms.extend(press.demonyms.iter().map(|d| d.to_string()));
    let plurals: Vec<String> = demonyms.iter().filter_map(|d| plural(d)).collect();
    demonyms.extend(plurals);
    entry.demonyms = demonyms;
    entry
}

/// The plural of a demonym by adding "s", or `None` when it does not take one (ends in s, sh,
/// ch, ese, ss, x, z, or is invariant: "Chinese", "Swiss", "British", "Dutch").
pub fn plural(demonym: &str) -> Option<String> {
    let lower = demonym.to_lowercase();
    let last = lower.chars().next_back()?;
    if !last.is_alphabetic()
        || INVARIANT_DEMONYMS
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

    fn by_code<'a>(entries: &'a [Entry], code: &str) -> &'a Entry {
        entries
            .iter()
            .find(|e| e.country.as_deref() == Some(code))
            .unwrap()
    }

    #[test]
    fn press_names_aliases_and_demonyms() {
        let mut report = BuildReport::default();
        let entries = parse(FIXTURE, &mut report).unwrap();
        assert_eq!(entries.len(), 6);
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
    fn plurals() {
        assert_eq!(plural("Russian").as_deref(), Some("Russians"));
        assert_eq!(plural("Iraqi").as_deref(), Some("Iraqis"));
        assert_eq!(plural("Chinese"), None);
        assert_eq!(plural("Swiss"), None);
        assert_eq!(plural("British"), None);
        assert_eq!(plural("Dutch"), None);
        assert_eq!(plural("Manx"), None);
        assert_eq!(plural("Malagasy"), None);
    }
}
