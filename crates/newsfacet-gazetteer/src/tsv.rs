//! The hand-editable TSV format for curated and user gazetteers.

use crate::entry::{EntityType, Entry, Tenure};
use crate::fold::fold;

/// Parses one TSV gazetteer line into an entry; `Ok(None)` for blank and `#` comment lines.
///
/// Columns (tab-separated): `name`, `type` (person/organization/place), `kind`, `country`
/// (ISO alpha-2 or empty), `aliases` (`|`-separated), `attributes` (`;`-separated `key=value`:
/// `id`, `gender`, `role` (repeatable), `domains` (comma-separated), `demonyms` (`|`-separated),
/// `capital` (`true`), `population`, and for people `born` (a year) and `office` (repeatable:
/// `1993-1997`, or `2025-` while in office)). The last two columns may be omitted. Without an
/// `id` attribute the id is `<type>:<slug of name>`.
pub fn parse_tsv_line(line: &str) -> Result<Option<Entry>, String> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(None);
    }
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() < 4 || columns.len() > 6 {
        return Err(format!(
            "expected 4 to 6 tab-separated columns (name, type, kind, country, aliases, attributes), found {}",
            columns.len()
        ));
    }
    let name = columns[0].trim();
    if name.is_empty() {
        return Err("empty name".to_string());
    }
    let entity_type = EntityType::parse(columns[1]).ok_or_else(|| {
        format!(
            "unknown type {:?} (expected person, organization or place)",
            columns[1]
        )
    })?;
    let kind = columns[2].trim();
    let country = columns[3].trim();
    let is_code = country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic());
    if !country.is_empty() && !is_code {
        return Err(format!(
            "country {country:?} is not an ISO 3166-1 alpha-2 code"
        ));
    }
    let mut entry = Entry::new(
        format!("{}:{}", short_type(entity_type), slug(name)),
        entity_type,
        kind,
        name,
    );
    if !country.is_empty() {
        entry.country = Some(country.to_ascii_uppercase());
    }
    if let Some(aliases) = columns.get(4) {
        entry.aliases = split_list(aliases, '|');
    }
    if let Some(attributes) = columns.get(5) {
        for pair in attributes
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("attribute {pair:?} is not key=value"))?;
            let value = value.trim();
            match key.trim() {
                "id" => entry.id = value.to_string(),
                "gender" => entry.gender = Some(value.to_string()),
                "role" => entry.roles.push(value.to_string()),
                "domains" => entry.domains = split_list(value, ','),
                "demonyms" => entry.demonyms = split_list(value, '|'),
                "capital" => entry.capital = value == "true",
                "population" => {
                    entry.population = Some(
                        value
                            .parse()
                            .map_err(|_| format!("population {value:?} is not a number"))?,
                    )
                }
                "born" => {
                    entry.born = Some(
                        value
                            .parse()
                            .map_err(|_| format!("born {value:?} is not a year"))?,
                    )
                }
                "office" => entry.offices.push(Tenure::parse(value).ok_or_else(|| {
                    format!("office {value:?} is not years such as 1993-1997 or 2025-")
                })?),
                other => return Err(format!("unknown attribute {other:?}")),
            }
        }
    }
    Ok(Some(entry))
}

fn split_list(s: &str, separator: char) -> Vec<String> {
    s.split(separator)
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn short_type(entity_type: EntityType) -> &'static str {
    match entity_type {
        EntityType::Person => "person",
        EntityType::Organization => "org",
        EntityType::Place => "place",
    }
}

/// A lowercase ASCII slug for ids: "Recep Tayyip Erdoğan" → `recep-tayyip-erdogan`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        // Non-Latin names still need a stable id.
        out = format!(
            "{:x}",
            fold(name)
                .bytes()
                .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tsv_with_attributes() {
        let entry = parse_tsv_line(
            "Sergei Shoigu\tperson\tofficial\tRU\tShoygu|Sergey Shoigu\tgender=m;role=Secretary of the Security Council",
        )
        .unwrap()
        .unwrap();
        assert_eq!(entry.id, "person:sergei-shoigu");
        assert_eq!(entry.country.as_deref(), Some("RU"));
        assert_eq!(entry.aliases, vec!["Shoygu", "Sergey Shoigu"]);
        assert_eq!(entry.gender.as_deref(), Some("m"));
        assert_eq!(entry.roles.len(), 1);
        assert_eq!(entry.born, None);
        assert!(entry.offices.is_empty());
    }

    #[test]
    fn parses_birth_and_office_years() {
        let entry = parse_tsv_line(
            "Jens Stoltenberg\tperson\tminister\tNO\t\tgender=m;born=1959;office=2014-2024;office=2025-",
        )
        .unwrap()
        .unwrap();
        assert_eq!(entry.born, Some(1959));
        assert_eq!(
            entry.offices,
            vec![
                Tenure {
                    from: 2014,
                    to: Some(2024)
                },
                Tenure {
                    from: 2025,
                    to: None
                }
            ]
        );
        assert_eq!(entry.first_office(), Some(2014));
        assert_eq!(entry.offices[1].to_string(), "2025-");
        assert!(parse_tsv_line("A B\tperson\tx\t\t\tborn=fifty")
            .unwrap_err()
            .contains("not a year"));
        for bad in ["2024-2014", "x-", "20x4"] {
            assert!(
                parse_tsv_line(&format!("A B\tperson\tx\t\t\toffice={bad}")).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn rejects_bad_tsv_lines_with_reasons() {
        assert!(parse_tsv_line("# comment").unwrap().is_none());
        assert!(parse_tsv_line("Foo\tthing\tx\t")
            .unwrap_err()
            .contains("unknown type"));
        assert!(parse_tsv_line("Foo\tperson\tx\tRUS")
            .unwrap_err()
            .contains("alpha-2"));
        assert!(parse_tsv_line("Foo").unwrap_err().contains("columns"));
        assert!(parse_tsv_line("Foo\tperson\tx\t\t\tbogus")
            .unwrap_err()
            .contains("key=value"));
    }
}
