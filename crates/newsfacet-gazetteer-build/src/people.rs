//! `people.jsonl`: current US legislators, recent presidents and vice presidents
//! (unitedstates/congress-legislators), merged with the curated `people.tsv`.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, Entry, Tenure};
use serde::Deserialize;

use crate::clean::{absorb, clean_text, drop_shared_aliases, finalize, sort_by_id};
use crate::report::BuildReport;
use crate::table::Table;

/// Kind of a member of Congress.
pub const KIND_LEGISLATOR: &str = "legislator";
/// Kind of a president.
pub const KIND_HEAD_OF_STATE: &str = "head_of_state";
/// Kind of a vice president.
pub const KIND_OFFICIAL: &str = "official";

/// Executive office holders whose last term ended before this date are left out.
pub const EXECUTIVE_SINCE: &str = "1977-01-01";

/// One person of `legislators-current.yaml` or `executive.yaml`, reduced to the fields the
/// build uses so that upstream additions do not break parsing.
#[derive(Debug, Clone, Deserialize)]
pub struct Person {
    /// External ids: the entry id comes from them, and they match a president to a legislator.
    pub id: PersonIds,
    /// Name parts, from which the canonical name and full-name aliases are composed.
    pub name: PersonName,
    /// Biography: gender (pronoun resolution downstream) and the year of birth.
    #[serde(default)]
    pub bio: Bio,
    /// Terms of office, which give the roles, whether they are current or former, and the
    /// years in office.
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// A person's external ids, in the order of preference for the stable entry id.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonIds {
    /// Congressional Biographical Directory id, preferred because every legislator has one.
    pub bioguide: Option<String>,
    /// Wikidata item, used for executives without a bioguide id and to match across files.
    pub wikidata: Option<String>,
    /// GovTrack id, the last resort so that every person still gets a stable id.
    pub govtrack: Option<u64>,
}

/// Name parts as the source splits them; the press writes several combinations of them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonName {
    /// Given name ("Bernard"), the start of every full-name variant.
    #[serde(default)]
    pub first: String,
    /// Middle name or initial, giving "George W. Bush" style variants and disambiguation.
    #[serde(default)]
    pub middle: Option<String>,
    /// Surname, never used alone because bare surnames are too ambiguous.
    #[serde(default)]
    pub last: String,
    /// "Jr.", "III": kept only on the variant with the middle initial, as the press writes it.
    #[serde(default)]
    pub suffix: Option<String>,
    /// Usual first name ("Bernie"), which the press uses more than the given name.
    #[serde(default)]
    pub nickname: Option<String>,
    /// The name the person uses officially, preferred as the canonical name.
    #[serde(default)]
    pub official_full: Option<String>,
}

/// Biographical fields of a person.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Bio {
    /// "M" or "F" in the source, written as "m"/"f" so the tagger can resolve pronouns.
    pub gender: Option<String>,
    /// `YYYY-MM-DD`; its year keeps the person out of articles written before their time.
    #[serde(default)]
    pub birthday: Option<String>,
}

/// One term of office.
#[derive(Debug, Clone, Deserialize)]
pub struct Term {
    /// `sen`, `rep`, `prez` or `viceprez`: which office, hence which role and entry kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// Start date (`YYYY-MM-DD`); the latest start in the data stands for "today".
    #[serde(default)]
    pub start: String,
    /// End date (`YYYY-MM-DD`); a term ended by "today" makes the role "former".
    #[serde(default)]
    pub end: String,
    /// Two-letter state or territory code of a congressional term (see `us-states.tsv`).
    #[serde(default)]
    pub state: Option<String>,
}

/// A compiled person plus the keys used to merge it with other sources.
#[derive(Debug, Clone)]
struct Candidate {
    entry: Entry,
    bioguide: Option<String>,
    wikidata: Option<String>,
    person: Person,
}

/// Reads both YAML files, merges them with the curated people and returns sorted entries.
pub fn build(
    legislators: &Path,
    executive: &Path,
    curated: Vec<Entry>,
    states: &UsStates,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let read = |path: &Path| -> anyhow::Result<Vec<Person>> {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        serde_yaml_ng::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    };
    let legislators = read(legislators)?;
    let executive = read(executive)?;
    compile(legislators, executive, curated, states, report)
}

/// The latest term start in the data: terms ending after it are still running. Using the data's
/// own date instead of the clock keeps the output reproducible.
fn reference_date(people: &[&Person]) -> String {
    people
        .iter()
        .flat_map(|p| p.terms.iter().map(|t| t.start.clone()))
        .max()
        .unwrap_or_default()
}

/// Compiles legislators, executive office holders and curated people into one list.
pub fn compile(
    legislators: Vec<Person>,
    executive: Vec<Person>,
    curated: Vec<Entry>,
    states: &UsStates,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let today = reference_date(&legislators.iter().chain(&executive).collect::<Vec<_>>());
    let mut candidates: Vec<Candidate> = Vec::new();
    for (index, person) in legislators.into_iter().enumerate() {
        let entry = legislator_entry(&person, &today, states)
            .with_context(|| format!("legislator #{}", index + 1))?;
        candidates.push(Candidate {
            entry,
            bioguide: person.id.bioguide.clone(),
            wikidata: person.id.wikidata.clone(),
            person,
        });
    }
    let legislator_count = candidates.len();
    for (index, person) in executive.into_iter().enumerate() {
        let Some(last) = person.terms.iter().map(|t| t.end.as_str()).max() else {
            continue;
        };
        if last < EXECUTIVE_SINCE {
            continue;
        }
        let entry = executive_entry(&person, &today)
            .with_context(|| format!("executive #{}", index + 1))?;
        let existing = candidates[..legislator_count].iter().position(|c| {
            (person.id.bioguide.is_some() && c.bioguide == person.id.bioguide)
                || (person.id.wikidata.is_some() && c.wikidata == person.id.wikidata)
                || (c.wikidata.is_none() || person.id.wikidata.is_none())
                    && fold(&c.entry.name) == fold(&entry.name)
        });
        match existing {
            Some(i) => {
                let target = &mut candidates[i].entry;
                // The office outranks the seat in Congress.
                target.kind.clone_from(&entry.kind);
                target.roles.splice(0..0, entry.roles.iter().cloned());
                target.aliases.extend(entry.aliases.iter().cloned());
                if fold(&entry.name) != fold(&target.name) {
                    target.aliases.push(entry.name.clone());
                }
                let offices = [target.offices.as_slice(), entry.offices.as_slice()].concat();
                target.offices = merge_tenures(offices);
                target.born = target.born.or(entry.born);
            }
            None => candidates.push(Candidate {
                entry,
                bioguide: person.id.bioguide.clone(),
                wikidata: person.id.wikidata.clone(),
                person,
            }),
        }
    }
    disambiguate_names(&mut candidates);

    let mut entries: Vec<Entry> = candidates.into_iter().map(|c| c.entry).collect();
    let source_count = entries.len();
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        for name in entry.names() {
            let ids = index.entry(fold(name)).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    }
    for curated_entry in curated {
        // By folded full name only: the curated name against the source names and full-name
        // variants. Curated aliases are not used: "John Kennedy" may be an alias of President
        // John F. Kennedy and the canonical name of a current senator.
        let mut matches: Vec<usize> = index
            .get(&fold(&curated_entry.name))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| i < source_count)
            .collect();
        matches.sort_unstable();
        matches.dedup();
        match matches.as_slice() {
            [] => entries.push(curated_entry),
            [i] => {
                let i = *i;
                let source = std::mem::replace(&mut entries[i], curated_entry);
                report.merges.push(format!(
                    "people.tsv: {} ({}) merged with {} ({})",
                    entries[i].name, entries[i].id, source.name, source.id
                ));
                let merged = &mut entries[i];
                if merged.kind.is_empty() {
                    merged.kind.clone_from(&source.kind);
                }
                absorb(merged, &source);
                merge_years(merged, &source);
            }
            many => {
                let ids: Vec<&str> = many.iter().map(|&i| entries[i].id.as_str()).collect();
                report.warn(format!(
                    "people.tsv: {} matches several people ({}); kept apart",
                    curated_entry.name,
                    ids.join(", ")
                ));
                entries.push(curated_entry);
            }
        }
    }
    drop_shared_aliases(&mut entries, report);
    for entry in &mut entries {
        finalize(entry);
        entry.offices.sort();
        entry.offices.dedup();
    }
    sort_by_id(&mut entries);
    Ok(entries)
}

/// The year of a `YYYY-MM-DD` date.
fn year_of(date: &str) -> Option<u16> {
    date.trim().get(..4)?.parse().ok()
}

/// The year of birth and the years in office of `person`, from the terms of the kinds `counts`
/// accepts. A term that runs past the data's own "today" is still running: its end year is a
/// schedule, not a fact.
fn set_years(entry: &mut Entry, person: &Person, counts: impl Fn(&str) -> bool, today: &str) {
    entry.born = person.bio.birthday.as_deref().and_then(year_of);
    let tenures = person
        .terms
        .iter()
        .filter(|t| counts(&t.kind))
        .filter_map(|t| {
            let from = year_of(&t.start)?;
            let to = if t.end.as_str() > today {
                None
            } else {
                year_of(&t.end)
            };
            Some(Tenure { from, to })
        })
        .collect();
    entry.offices = merge_tenures(tenures);
}

/// Tenures sorted, with overlapping and back-to-back ones joined: successive terms of one
/// seat (each ends in January of the year the next begins) are one stretch in office.
fn merge_tenures(mut tenures: Vec<Tenure>) -> Vec<Tenure> {
    tenures.sort();
    let mut merged: Vec<Tenure> = Vec::new();
    for tenure in tenures {
        match merged.last_mut() {
            Some(last) if last.to.is_none_or(|to| tenure.from <= to.saturating_add(1)) => {
                last.to = match (last.to, tenure.to) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => merged.push(tenure),
        }
    }
    merged
}

/// A curated person merged with a source person: the curated birth year wins; the offices are
/// both lists, since each may know offices the other lacks (the source knows a president's
/// terms, the curated line the earlier career).
fn merge_years(merged: &mut Entry, source: &Entry) {
    merged.born = merged.born.or(source.born);
    merged.offices.extend(source.offices.iter().copied());
    merged.offices.sort();
    merged.offices.dedup();
}

fn person_id(person: &Person) -> anyhow::Result<String> {
    if let Some(bioguide) = &person.id.bioguide {
        Ok(format!("person:bioguide:{bioguide}"))
    } else if let Some(wikidata) = &person.id.wikidata {
        Ok(format!("person:wikidata:{wikidata}"))
    } else if let Some(govtrack) = person.id.govtrack {
        Ok(format!("person:govtrack:{govtrack}"))
    } else {
        bail!(
            "{} {} has no bioguide, wikidata or govtrack id",
            person.name.first,
            person.name.last
        )
    }
}

fn gender(person: &Person) -> Option<String> {
    match person.bio.gender.as_deref().map(str::trim) {
        Some("M") | Some("m") => Some("m".into()),
        Some("F") | Some("f") => Some("f".into()),
        _ => None,
    }
}

/// "Herbert Walker" → "H. W."; "J." stays "J.".
fn initials(middle: &str) -> String {
    middle
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "J.D. Vance" → "JD Vance": dotted initials written together.
fn undotted(name: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            let letters: Vec<&str> = w.split('.').filter(|p| !p.is_empty()).collect();
            if letters.len() >= 2
                && letters.iter().all(|p| p.chars().count() == 1)
                && w.ends_with('.')
            {
                changed = true;
                letters.concat()
            } else {
                w.to_string()
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Full-name variants of a person; never a bare surname.
fn name_variants(name: &PersonName) -> Vec<String> {
    let first = clean_text(&name.first);
    let last = clean_text(&name.last);
    let mut variants = Vec::new();
    if let Some(full) = &name.official_full {
        variants.push(clean_text(full));
    }
    if let Some(nick) = &name.nickname {
        variants.push(format!("{} {last}", clean_text(nick)));
    }
    variants.push(format!("{first} {last}"));
    if let Some(middle) = name
        .middle
        .as_deref()
        .map(clean_text)
        .filter(|m| !m.is_empty())
    {
        let mi = initials(&middle);
        variants.push(format!("{first} {mi} {last}"));
        if !middle.ends_with('.') {
            variants.push(format!("{first} {middle} {last}"));
        }
        if let Some(suffix) = &name.suffix {
            variants.push(format!("{first} {mi} {last} {}", clean_text(suffix)));
        }
    }
    let undotted: Vec<String> = variants.iter().filter_map(|v| undotted(v)).collect();
    variants.extend(undotted);
    variants.retain(|v| v.split_whitespace().count() >= 2);
    variants
}

/// File of the US states and territories that legislators' terms name.
pub const US_STATES_FILE: &str = "us-states.tsv";

/// What a House member of a state or territory is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HouseSeat {
    Representative,
    Delegate,
    ResidentCommissioner,
}

/// A state or territory of `us-states.tsv`.
#[derive(Debug, Clone)]
struct UsState {
    name: String,
    house: HouseSeat,
}

/// The US states and territories of `us-states.tsv`, by the legislators' two-letter code: the
/// source gives only codes, and roles read "U.S. Senator from Vermont".
#[derive(Debug, Clone, Default)]
pub struct UsStates(HashMap<String, UsState>);

impl UsStates {
    /// Reads `us-states.tsv` from the curated data folder.
    pub fn load(dir: &Path) -> anyhow::Result<UsStates> {
        UsStates::parse(&Table::read(dir, US_STATES_FILE)?)
    }

    /// Parses the table; errors name `file:line`.
    pub fn parse(table: &Table) -> anyhow::Result<UsStates> {
        let mut states = HashMap::new();
        for row in table.rows(3, 3)? {
            let house = match row.cell(2) {
                "representative" => HouseSeat::Representative,
                "delegate" => HouseSeat::Delegate,
                "resident_commissioner" => HouseSeat::ResidentCommissioner,
                other => {
                    return Err(row.error(format!(
                        "house {other:?} is not representative, delegate or resident_commissioner"
                    )))
                }
            };
            if row.cell(1).is_empty() {
                return Err(row.error("empty name"));
            }
            let state = UsState {
                name: row.cell(1).to_string(),
                house,
            };
            if states.insert(row.cell(0).to_string(), state).is_some() {
                return Err(row.error(format!("state {} is listed twice", row.cell(0))));
            }
        }
        Ok(UsStates(states))
    }
}

/// "U.S. Senator from Vermont", "U.S. Representative from California", "Delegate to the U.S.
/// House from Guam", "Resident Commissioner of Puerto Rico", with "former " once ended.
fn legislative_role(term: &Term, today: &str, states: &UsStates) -> anyhow::Result<String> {
    let code = term.state.as_deref().unwrap_or("");
    let state = states
        .0
        .get(code)
        .with_context(|| format!("unknown state {code:?} (add it to data/{US_STATES_FILE})"))?;
    let name = &state.name;
    let role = match (term.kind.as_str(), state.house) {
        ("sen", _) => format!("U.S. Senator from {name}"),
        ("rep", HouseSeat::ResidentCommissioner) => format!("Resident Commissioner of {name}"),
        ("rep", HouseSeat::Delegate) => format!("Delegate to the U.S. House from {name}"),
        ("rep", HouseSeat::Representative) => format!("U.S. Representative from {name}"),
        (other, _) => bail!("unknown term type {other:?}"),
    };
    Ok(if term.end.as_str() <= today {
        format!("former {role}")
    } else {
        role
    })
}

fn legislator_entry(person: &Person, today: &str, states: &UsStates) -> anyhow::Result<Entry> {
    let variants = name_variants(&person.name);
    let name = variants.first().cloned().context("no name")?;
    let mut entry = Entry::new(
        person_id(person)?,
        EntityType::Person,
        KIND_LEGISLATOR,
        name,
    );
    entry.country = Some("US".into());
    entry.gender = gender(person);
    entry.aliases = variants;
    let latest = person
        .terms
        .iter()
        .max_by(|a, b| a.start.cmp(&b.start))
        .context("no terms")?;
    entry.roles.push(legislative_role(latest, today, states)?);
    set_years(&mut entry, person, |_| true, today);
    Ok(entry)
}

fn executive_entry(person: &Person, today: &str) -> anyhow::Result<Entry> {
    let mut variants = name_variants(&person.name);
    // Presidents are known by nickname + surname when they have one ("Jimmy Carter").
    let name = match (&person.name.official_full, &person.name.nickname) {
        (Some(full), _) => clean_text(full),
        (None, Some(nick)) => format!("{} {}", clean_text(nick), clean_text(&person.name.last)),
        (None, None) => format!(
            "{} {}",
            clean_text(&person.name.first),
            clean_text(&person.name.last)
        ),
    };
    let mut roles = Vec::new();
    let mut kind = KIND_OFFICIAL;
    for (term_kind, office) in [
        ("prez", "President of the United States"),
        ("viceprez", "Vice President of the United States"),
    ] {
        let Some(last_end) = person
            .terms
            .iter()
            .filter(|t| t.kind == term_kind)
            .map(|t| t.end.as_str())
            .max()
        else {
            continue;
        };
        if term_kind == "prez" {
            kind = KIND_HEAD_OF_STATE;
        }
        roles.push(if last_end <= today {
            format!("former {office}")
        } else {
            office.to_string()
        });
    }
    let mut entry = Entry::new(person_id(person)?, EntityType::Person, kind, name);
    entry.country = Some("US".into());
    entry.gender = gender(person);
    variants.retain(|v| fold(v) != fold(&entry.name));
    entry.aliases = variants;
    entry.roles = roles;
    set_years(
        &mut entry,
        person,
        |kind| kind == "prez" || kind == "viceprez",
        today,
    );
    Ok(entry)
}

/// Two source people with the same canonical name (George Bush and George Bush) are renamed
/// with their middle initials ("George H. W. Bush", "George W. Bush"); the shared plain name is
/// then dropped as an ambiguous alias.
fn disambiguate_names(candidates: &mut [Candidate]) {
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_name.entry(fold(&c.entry.name)).or_default().push(i);
    }
    for ids in by_name.values().filter(|ids| ids.len() > 1) {
        for &i in ids {
            let name = &candidates[i].person.name;
            if let Some(middle) = name.middle.as_deref().filter(|m| !m.trim().is_empty()) {
                let old = std::mem::replace(
                    &mut candidates[i].entry.name,
                    format!(
                        "{} {} {}",
                        clean_text(&name.first),
                        initials(middle),
                        clean_text(&name.last)
                    ),
                );
                candidates[i].entry.aliases.push(old);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_gazetteer::parse_tsv_line;

    const LEGISLATORS: &str = r#"
- id: {bioguide: S000033, govtrack: 400357, wikidata: Q359442}
  name: {first: Bernard, last: Sanders, nickname: Bernie, official_full: Bernard Sanders}
  bio: {birthday: '1941-09-08', gender: M}
  terms:
  - {type: rep, start: '1991-01-03', end: '1993-01-03', state: VT, district: 0}
  - {type: sen, start: '2025-01-03', end: '2031-01-03', state: VT, class: 1}
- id: {bioguide: V000999, govtrack: 1}
  name: {first: Nydia, middle: M., last: Velázquez, official_full: Nydia M. Velázquez}
  bio: {gender: F}
  terms:
  - {type: rep, start: '2025-01-03', end: '2027-01-03', state: NY, district: 7}
"#;

    const EXECUTIVE: &str = r#"
- id: {bioguide: W000178, govtrack: 411351}
  name: {first: George, last: Washington}
  bio: {gender: M}
  terms:
  - {type: prez, start: '1789-04-30', end: '1797-03-04'}
- id: {bioguide: B001166, govtrack: 400052}
  name: {first: George, middle: Herbert Walker, last: Bush}
  bio: {gender: M}
  terms:
  - {type: viceprez, start: '1981-01-20', end: '1989-01-20'}
  - {type: prez, start: '1989-01-20', end: '1993-01-20'}
- id: {govtrack: 400053, wikidata: Q207}
  name: {first: George, middle: Walker, last: Bush}
  bio: {gender: M}
  terms:
  - {type: prez, start: '2001-01-20', end: '2009-01-20'}
- id: {govtrack: 412733, wikidata: Q22686}
  name: {first: Donald, middle: J., last: Trump}
  bio: {gender: M}
  terms:
  - {type: prez, start: '2017-01-20', end: '2021-01-20'}
  - {type: prez, start: '2025-01-20', end: '2029-01-20'}
- id: {bioguide: V000137, govtrack: 456790, wikidata: Q28935729}
  name: {first: James David, nickname: J.D., last: Vance, official_full: J.D. Vance}
  bio: {gender: M}
  terms:
  - {type: viceprez, start: '2025-01-20', end: '2029-01-20'}
"#;

    fn people(curated: &[&str]) -> (Vec<Entry>, BuildReport) {
        let legislators: Vec<Person> = serde_yaml_ng::from_str(LEGISLATORS).unwrap();
        let executive: Vec<Person> = serde_yaml_ng::from_str(EXECUTIVE).unwrap();
        let curated = curated
            .iter()
            .map(|l| parse_tsv_line(l).unwrap().unwrap())
            .collect();
        let mut report = BuildReport::default();
        let states = UsStates::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
        let entries = compile(legislators, executive, curated, &states, &mut report).unwrap();
        (entries, report)
    }

    fn find<'a>(entries: &'a [Entry], id: &str) -> &'a Entry {
        entries
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    }

    #[test]
    fn legislators_get_names_roles_and_no_bare_surnames() {
        let (entries, _) = people(&[]);
        let sanders = find(&entries, "person:bioguide:S000033");
        assert_eq!(sanders.name, "Bernard Sanders");
        assert_eq!(sanders.aliases, vec!["Bernie Sanders"]);
        assert_eq!(sanders.roles, vec!["U.S. Senator from Vermont"]);
        assert_eq!(sanders.gender.as_deref(), Some("m"));
        assert_eq!(sanders.country.as_deref(), Some("US"));
        assert_eq!(sanders.kind, KIND_LEGISLATOR);
        let velazquez = find(&entries, "person:bioguide:V000999");
        assert_eq!(velazquez.aliases, vec!["Nydia Velázquez"]);
        assert_eq!(velazquez.roles, vec!["U.S. Representative from New York"]);
        assert!(entries
            .iter()
            .all(|e| e.aliases.iter().all(|a| a.contains(' '))));
    }

    #[test]
    fn executives_since_1977_with_offices_and_disambiguated_names() {
        let (entries, report) = people(&[]);
        assert!(!entries.iter().any(|e| e.name.contains("Washington")));
        let bush41 = find(&entries, "person:bioguide:B001166");
        assert_eq!(bush41.name, "George H. W. Bush");
        assert_eq!(bush41.kind, KIND_HEAD_OF_STATE);
        assert_eq!(
            bush41.roles,
            vec![
                "former President of the United States",
                "former Vice President of the United States"
            ]
        );
        let bush43 = find(&entries, "person:wikidata:Q207");
        assert_eq!(bush43.name, "George W. Bush");
        assert!(!bush41
            .aliases
            .iter()
            .chain(&bush43.aliases)
            .any(|a| a == "George Bush"));
        assert!(report
            .dropped_shared_aliases
            .iter()
            .any(|s| s.name == "George Bush"));
        let trump = find(&entries, "person:wikidata:Q22686");
        assert_eq!(trump.name, "Donald Trump");
        assert_eq!(trump.roles, vec!["President of the United States"]);
        assert!(trump.aliases.contains(&"Donald J. Trump".to_string()));
        let vance = find(&entries, "person:bioguide:V000137");
        assert_eq!(vance.name, "J.D. Vance");
        assert_eq!(vance.kind, KIND_OFFICIAL);
        assert!(vance.aliases.contains(&"JD Vance".to_string()));
        assert_eq!(vance.roles, vec!["Vice President of the United States"]);
    }

    #[test]
    fn curated_people_merge_by_name_and_keep_their_name_and_id() {
        let (entries, report) = people(&[
            "Donald Trump\tperson\thead_of_state\tUS\tTrump|Donald J. Trump\tgender=m;role=President of the United States",
            "Sergei Shoigu\tperson\tofficial\tRU\tShoigu\tgender=m",
            "Bernie Sanders Sr.\tperson\tofficial\tUS\tBernard Sanders\t",
        ]);
        assert!(
            entries.iter().any(|e| e.id == "person:bernie-sanders-sr"),
            "aliases do not merge"
        );
        assert!(entries.iter().any(|e| e.id == "person:bioguide:S000033"));
        assert!(!entries.iter().any(|e| e.id == "person:wikidata:Q22686"));
        let trump = find(&entries, "person:donald-trump");
        assert_eq!(trump.name, "Donald Trump");
        assert_eq!(trump.aliases, vec!["Donald J. Trump", "Trump"]);
        assert_eq!(trump.roles, vec!["President of the United States"]);
        assert_eq!(
            find(&entries, "person:sergei-shoigu").aliases,
            vec!["Shoigu"]
        );
        assert_eq!(report.merges.len(), 1);
    }

    #[test]
    fn birth_and_office_years_come_from_the_sources() {
        let (entries, _) = people(&[
            "Donald Trump\tperson\thead_of_state\tUS\tTrump\tgender=m",
            "Sergei Shoigu\tperson\tofficial\tRU\tShoigu\tgender=m;born=1955;office=1991-",
        ]);
        let sanders = find(&entries, "person:bioguide:S000033");
        assert_eq!(sanders.born, Some(1941));
        // The House term ended in 1993; the Senate term runs past the data's "today".
        assert_eq!(
            sanders.offices,
            vec![
                Tenure {
                    from: 1991,
                    to: Some(1993)
                },
                Tenure {
                    from: 2025,
                    to: None
                }
            ]
        );
        // No birthday in the source: unknown, never guessed.
        assert_eq!(find(&entries, "person:bioguide:V000999").born, None);
        let bush41 = find(&entries, "person:bioguide:B001166");
        assert_eq!(
            bush41.offices,
            vec![Tenure {
                from: 1981,
                to: Some(1993)
            }]
        );
        let trump = find(&entries, "person:donald-trump");
        assert_eq!(trump.first_office(), Some(2017));
        let shoigu = find(&entries, "person:sergei-shoigu");
        assert_eq!(shoigu.born, Some(1955));
        assert_eq!(shoigu.first_office(), Some(1991));
    }

    #[test]
    fn name_helpers() {
        assert_eq!(initials("Herbert Walker"), "H. W.");
        assert_eq!(undotted("J.D. Vance").as_deref(), Some("JD Vance"));
        assert_eq!(undotted("Nydia M. Velázquez"), None);
    }
}
