//! `organizations.jsonl`: international organisations from supraverden `general_list.yaml`,
//! merged with the curated `organizations.tsv`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::slug;
use newsfacet_gazetteer::{EntityType, Entry};
use serde_yaml_ng::{Mapping, Value};

use crate::clean::{absorb, clean_text, drop_shared_aliases, finalize, sort_by_id};
use crate::report::BuildReport;

/// Kind of every organisation from the supraverden list.
pub const KIND_INTERNATIONAL: &str = "international";

/// One organisation from the list, with the names curated entries may match on.
#[derive(Debug, Clone)]
pub struct International {
    /// The compiled entry; merges keep its `io:` id so that ids stay stable across curations.
    pub entry: Entry,
    /// Every full name (English or not) and the English abbreviations, folded.
    pub match_keys: Vec<String>,
}

/// Reads the list, merges the curated entries and returns the sorted organisation entries.
pub fn build(
    path: &Path,
    curated: Vec<Entry>,
    spelling_pairs: &[(String, String)],
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let internationals = parse(&text, report).with_context(|| format!("in {}", path.display()))?;
    let mut entries = merge_curated(internationals, curated, report);
    for entry in &mut entries {
        let names: Vec<String> = entry.names().map(str::to_string).collect();
        for name in names {
            entry
                .aliases
                .extend(crate::clean::spelling_variants(&name, spelling_pairs));
        }
    }
    drop_shared_aliases(&mut entries, report);
    for entry in &mut entries {
        finalize(entry);
    }
    sort_by_id(&mut entries);
    Ok(entries)
}

/// What a field of a record holds.
enum Field {
    EnglishName,
    OtherEnglishName,
    EnglishAbbreviation,
    ForeignName,
    Other,
}

/// Classifies a field key (see the list's `data_dictionary.yaml`): `Name_en`,
/// `Name_other[_N]_en`, `Name_former[_N]_en`, `Abbreviation[_other|_former][_N]_en`, `Name_<lang>`.
fn classify(key: &str) -> Field {
    if key == "Name_en" {
        return Field::EnglishName;
    }
    let strip_index = |rest: &str| -> bool {
        // rest is "" or "_N" before the language suffix.
        rest.is_empty()
            || rest
                .strip_prefix('_')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    if let Some(rest) = key.strip_suffix("_en") {
        for prefix in ["Name_other", "Name_former"] {
            if rest.strip_prefix(prefix).is_some_and(strip_index) {
                return Field::OtherEnglishName;
            }
        }
        for prefix in ["Abbreviation_other", "Abbreviation_former", "Abbreviation"] {
            if rest.strip_prefix(prefix).is_some_and(strip_index) {
                return Field::EnglishAbbreviation;
            }
        }
        return Field::Other;
    }
    if let Some(language) = key.strip_prefix("Name_") {
        if (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_lowercase()) {
            return Field::ForeignName;
        }
    }
    Field::Other
}

/// Parses `general_list.yaml`: a mapping of record name → fields.
pub fn parse(yaml: &str, report: &mut BuildReport) -> anyhow::Result<Vec<International>> {
    let root: Mapping = serde_yaml_ng::from_str(yaml).context("parsing YAML")?;
    let mut used_ids = HashSet::new();
    let mut out = Vec::with_capacity(root.len());
    for (record_key, record) in &root {
        let record_name = record_key.as_str().unwrap_or("?");
        let Some(fields) = record.as_mapping() else {
            bail!("record {record_name:?} is not a mapping");
        };
        let text = |key: &str| {
            fields
                .get(key)
                .and_then(Value::as_str)
                .map(clean_text)
                .filter(|s| !s.is_empty())
        };
        let Some(name) = text("Name_en") else {
            bail!("record {record_name:?} has no Name_en");
        };
        let wikidata = text("Wikidata_code").filter(|q| {
            q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit())
        });
        let mut id = match &wikidata {
            Some(q) => format!("io:{q}"),
            None => format!("io:{}", slug(&name)),
        };
        if used_ids.contains(&id) {
            let fallback = format!("io:{}", slug(&name));
            report.warn(format!(
                "general_list.yaml: {record_name:?} repeats id {id} of an earlier record; using {fallback}"
            ));
            id = fallback;
        }
        if !used_ids.insert(id.clone()) {
            bail!("record {record_name:?}: id {id} is not unique");
        }
        let mut entry = Entry::new(
            id,
            EntityType::Organization,
            KIND_INTERNATIONAL,
            name.clone(),
        );
        let mut match_keys = vec![fold(&name)];
        let mut abbreviations = Vec::new();
        let mut other_names = Vec::new();
        for (key, value) in fields {
            let (Some(key), Some(value)) = (key.as_str(), value.as_str()) else {
                continue;
            };
            let value = clean_text(value);
            if value.is_empty() {
                continue;
            }
            match classify(key) {
                Field::EnglishAbbreviation => {
                    match_keys.push(fold(&value));
                    abbreviations.push(value);
                }
                Field::OtherEnglishName => {
                    match_keys.push(fold(&value));
                    other_names.push(value);
                }
                Field::ForeignName => {
                    match_keys.push(fold(&value));
                    other_names.push(value);
                }
                Field::EnglishName | Field::Other => {}
            }
        }
        // Abbreviations first: their casing wins over a same-key spelling elsewhere.
        entry.aliases = abbreviations.into_iter().chain(other_names).collect();
        out.push(International { entry, match_keys });
    }
    Ok(out)
}

/// Merges curated organisations into the list: a curated entry whose name or alias matches
/// (folded) an organisation's name (in any language) or English abbreviation is merged into
/// it (the curated name becomes canonical, the list's name an alias, the id stays); the others
/// are added as they are.
pub fn merge_curated(
    internationals: Vec<International>,
    curated: Vec<Entry>,
    report: &mut BuildReport,
) -> Vec<Entry> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, international) in internationals.iter().enumerate() {
        for key in &international.match_keys {
            let ids = index.entry(key.clone()).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    }
    let mut entries: Vec<Entry> = internationals.into_iter().map(|i| i.entry).collect();
    let mut renamed = vec![false; entries.len()];
    for entry in curated {
        let target = entry.names().find_map(|name| match index.get(&fold(name)) {
            Some(ids) if ids.len() == 1 => Some(ids[0]),
            _ => None,
        });
        let Some(target) = target else {
            entries.push(entry);
            continue;
        };
        let io = &mut entries[target];
        report.merges.push(format!(
            "organizations.tsv: {} ({}) merged into {} ({})",
            entry.name, entry.id, io.id, io.name
        ));
        if !renamed[target] {
            renamed[target] = true;
            let list_name = std::mem::replace(&mut io.name, entry.name.clone());
            io.aliases.push(list_name);
            if !entry.kind.is_empty() {
                io.kind.clone_from(&entry.kind);
            }
            if entry.country.is_some() {
                io.country.clone_from(&entry.country);
            }
        }
        absorb(io, &entry);
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_gazetteer::parse_tsv_line;

    const FIXTURE: &str = r#"
European Union:
  SPRVD_id: SPRVD0688028
  Wikidata_code: Q458
  Country: EU
  Name_en: European Union
  Abbreviation_en: EU
  Abbreviation_fr: UE
  Name_fr: Union européenne
  Name_ru: Европейский союз
  Name_zh: 歐洲聯盟
North Atlantic Treaty Organisation:
  Wikidata_code: Q7184
  Country: ZZ
  Name_en: North Atlantic Treaty Organisation
  Abbreviation_en: NATO
  Name_other_en: North Atlantic Alliance
  Name_fr: Organisation du traité de l'Atlantique nord
Economic Commission for Africa:
  Wikidata_code: Q1129883
  Name_en: Economic Commission for Africa
  Abbreviation_en: ECA
  Abbreviation_other_2_en: UNECA
European Court of Auditors:
  Wikidata_code: Q8908
  Name_en: European Court of Auditors
  Abbreviation_en: ECA
Nameless Body:
  Wikidata_code: '[No code found.]'
  Name_en: Nameless Body
  Abbreviation_en: null
Copy Paste Body:
  Wikidata_code: Q458
  Name_en: Copy Paste Body
"#;

    #[test]
    fn parses_the_list_with_abbreviations_and_languages() {
        let mut report = BuildReport::default();
        let list = parse(FIXTURE, &mut report).unwrap();
        assert_eq!(list.len(), 6);
        let eu = &list[0].entry;
        assert_eq!(eu.id, "io:Q458");
        assert_eq!(eu.kind, KIND_INTERNATIONAL);
        assert_eq!(eu.country, None);
        assert_eq!(
            eu.aliases,
            vec!["EU", "Union européenne", "Европейский союз", "歐洲聯盟"]
        );
        assert_eq!(list[4].entry.id, "io:nameless-body");
        assert_eq!(list[5].entry.id, "io:copy-paste-body");
        assert!(report.warnings[0].contains("repeats id io:Q458"));
    }

    #[test]
    fn merges_curated_entries_and_drops_shared_abbreviations() {
        let mut report = BuildReport::default();
        let list = parse(FIXTURE, &mut report).unwrap();
        let curated = vec![
            parse_tsv_line("NATO\torganization\talliance\t\tNorth Atlantic Treaty Organization")
                .unwrap()
                .unwrap(),
            parse_tsv_line("Hamas\torganization\tmilitant\tPS\tHAMAS|Islamic Resistance Movement")
                .unwrap()
                .unwrap(),
        ];
        let mut entries = merge_curated(list, curated, &mut report);
        drop_shared_aliases(&mut entries, &mut report);
        for entry in &mut entries {
            finalize(entry);
        }
        sort_by_id(&mut entries);
        let nato = entries.iter().find(|e| e.id == "io:Q7184").unwrap();
        assert_eq!(nato.name, "NATO");
        assert_eq!(nato.kind, "alliance");
        assert!(nato
            .aliases
            .contains(&"North Atlantic Treaty Organisation".to_string()));
        assert!(nato
            .aliases
            .contains(&"North Atlantic Treaty Organization".to_string()));
        assert!(!nato.aliases.iter().any(|a| a == "NATO"));
        assert!(entries.iter().any(|e| e.id == "org:hamas"));
        assert_eq!(report.merges.len(), 1);
        let eca = report
            .dropped_shared_aliases
            .iter()
            .find(|s| s.name == "ECA")
            .unwrap();
        assert_eq!(eca.entries, vec!["io:Q1129883", "io:Q8908"]);
        assert!(entries
            .iter()
            .all(|e| !e.aliases.iter().any(|a| a == "ECA")));
    }
}
