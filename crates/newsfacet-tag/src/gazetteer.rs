//! The gazetteer: every known person, organization and place, with its aliases.
//!
//! Two on-disk formats share one data model ([`Entry`]):
//! - **JSON Lines** (`.jsonl`): one serialized [`Entry`] per line. The bundled, compiled
//!   gazetteers under `index-data/gazetteers/` use it.
//! - **TSV** (`.tsv`): the hand-editable format for curated and user gazetteers, six columns
//!   `name, type, kind, country, aliases, attributes` (see [`parse_tsv_line`]).
//!
//! Loading never panics on bad input: a malformed line is an error naming `file:line`.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fold::fold;

/// The three entity types that facets and the `analyze` contract know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
}

impl EntityType {
    /// The lowercase name used in files, JSON and facet paths.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
        }
    }

    /// Parses `person`, `organization` (or `org`) and `place`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" => Some(EntityType::Person),
            "organization" | "organisation" | "org" => Some(EntityType::Organization),
            "place" | "loc" | "location" => Some(EntityType::Place),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Place kinds with special meaning to the tagger; other kinds are free-form strings.
pub mod kind {
    /// A sovereign country or territory; its `country` is its own ISO code.
    pub const COUNTRY: &str = "country";
    /// A city or town; its `country` says where it lies.
    pub const CITY: &str = "city";
    /// A first-level subdivision or geopolitical region.
    pub const REGION: &str = "region";
    /// Seas, straits, rivers.
    pub const WATER: &str = "water";
    /// A wire service: its stories are republished by others.
    pub const NEWS_AGENCY: &str = "news_agency";
    /// A site that republishes other outlets' stories (MENAFN, Yahoo News).
    pub const AGGREGATOR: &str = "aggregator";
    /// Organization kinds that publish news: candidates for an article's source.
    pub const PUBLISHER_KINDS: &[&str] = &[NEWS_AGENCY, "publisher", "broadcaster", AGGREGATOR];
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable id, e.g. `country:RU`, `city:524901`, `person:sergei-shoigu`.
    pub id: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Finer kind: `country`, `city`, `region`, `water` for places; `news_agency`,
    /// `government`, `party`… for organizations; an office class for people.
    #[serde(default)]
    pub kind: String,
    /// Canonical display name; facets use it.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the entry's country, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other names it goes by (the canonical name need not be repeated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Adjectives and demonyms ("Russian"): they point to the entry for the country facet
    /// but are not mentions of the place itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    /// Web domains of a publisher (`reuters.com`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// `m` or `f` for people, when known; used to resolve pronouns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Offices or roles ("Secretary of the Security Council").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Whether a city is its country's capital.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capital: bool,
    /// Population of a place, for ranking ambiguous names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
}

impl Entry {
    /// A new entry with only the required fields set.
    pub fn new(
        id: impl Into<String>,
        entity_type: EntityType,
        kind: &str,
        name: impl Into<String>,
    ) -> Self {
        Entry {
            id: id.into(),
            entity_type,
            kind: kind.to_string(),
            name: name.into(),
            country: None,
            aliases: Vec::new(),
            demonyms: Vec::new(),
            domains: Vec::new(),
            gender: None,
            roles: Vec::new(),
            capital: false,
            population: None,
        }
    }

    /// The canonical name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether this entry is a country or territory.
    pub fn is_country(&self) -> bool {
        self.entity_type == EntityType::Place && self.kind == kind::COUNTRY
    }

    /// Whether this entry is a news publisher (a candidate article source).
    pub fn is_publisher(&self) -> bool {
        self.entity_type == EntityType::Organization
            && kind::PUBLISHER_KINDS.contains(&self.kind.as_str())
    }
}

/// Index of an entry inside one [`Gazetteer`].
pub type EntryId = u32;

/// An error loading a gazetteer file; always names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A line could not be parsed.
    #[error("{}:{line}: {message}", path.display())]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// The file extension names no known gazetteer format.
    #[error("{}: unknown gazetteer format (expected .jsonl or .tsv)", path.display())]
    UnknownFormat { path: PathBuf },
}

/// All entries, plus lookups by id, folded alias, country code and domain.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, EntryId>,
    /// Folded name, alias or demonym → entries carrying it.
    by_key: HashMap<String, Vec<EntryId>>,
    /// ISO alpha-2 code → the country entry.
    by_country_code: HashMap<String, EntryId>,
    /// Lowercase domain → publisher entry.
    by_domain: HashMap<String, EntryId>,
}

impl Gazetteer {
    /// The gazetteers compiled into the binary from `index-data/gazetteers/`.
    pub fn bundled() -> Result<Self, GazetteerError> {
        let mut gazetteer = Gazetteer::default();
        for (name, text) in crate::bundled::FILES {
            gazetteer.add_jsonl(Path::new(name), text)?;
        }
        Ok(gazetteer)
    }

    /// Reads a user gazetteer file (`.jsonl` or `.tsv`) and merges it in. An entry whose id is
    /// already present replaces the earlier one, so users can correct bundled entries.
    pub fn add_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl") | Some("ndjson") => self.add_jsonl(path, &text),
            Some("tsv") | Some("txt") => self.add_tsv(path, &text),
            _ => Err(GazetteerError::UnknownFormat {
                path: path.to_path_buf(),
            }),
        }
    }

    /// Parses JSON Lines text (one [`Entry`] per line) and merges it in.
    pub fn add_jsonl(&mut self, path: &Path, text: &str) -> Result<(), GazetteerError> {
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry: Entry = serde_json::from_str(line).map_err(|e| GazetteerError::Line {
                path: path.to_path_buf(),
                line: index + 1,
                message: e.to_string(),
            })?;
            self.insert(entry);
        }
        Ok(())
    }

    /// Parses TSV text (see [`parse_tsv_line`]) and merges it in.
    pub fn add_tsv(&mut self, path: &Path, text: &str) -> Result<(), GazetteerError> {
        for (index, line) in text.lines().enumerate() {
            match parse_tsv_line(line) {
                Ok(Some(entry)) => self.insert(entry),
                Ok(None) => {}
                Err(message) => {
                    return Err(GazetteerError::Line {
                        path: path.to_path_buf(),
                        line: index + 1,
                        message,
                    })
                }
            }
        }
        Ok(())
    }

    /// Adds one entry, replacing any entry with the same id.
    pub fn insert(&mut self, entry: Entry) {
        let id = match self.by_id.get(&entry.id) {
            Some(&existing) => {
                self.unindex(existing);
                self.entries[existing as usize] = entry;
                existing
            }
            None => {
                let id = self.entries.len() as EntryId;
                self.by_id.insert(entry.id.clone(), id);
                self.entries.push(entry);
                id
            }
        };
        self.index(id);
    }

    fn keys_of(entry: &Entry) -> Vec<String> {
        let mut keys: Vec<String> = entry
            .names()
            .chain(entry.demonyms.iter().map(String::as_str))
            .map(fold)
            .collect();
        keys.sort();
        keys.dedup();
        keys.retain(|k| !k.is_empty());
        keys
    }

    fn index(&mut self, id: EntryId) {
        let entry = &self.entries[id as usize];
        for key in Self::keys_of(entry) {
            self.by_key.entry(key).or_default().push(id);
        }
        if entry.is_country() {
            if let Some(code) = &entry.country {
                self.by_country_code.insert(code.to_ascii_uppercase(), id);
            }
        }
        for domain in &entry.domains {
            self.by_domain.insert(domain.to_ascii_lowercase(), id);
        }
    }

    fn unindex(&mut self, id: EntryId) {
        let entry = &self.entries[id as usize];
        for key in Self::keys_of(entry) {
            if let Some(ids) = self.by_key.get_mut(&key) {
                ids.retain(|&other| other != id);
            }
        }
        if entry.is_country() {
            if let Some(code) = &entry.country {
                self.by_country_code.remove(&code.to_ascii_uppercase());
            }
        }
        for domain in &entry.domains {
            self.by_domain.remove(&domain.to_ascii_lowercase());
        }
    }

    /// Every entry, indexable by [`EntryId`].
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this index.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this stable id.
    pub fn by_id(&self, id: &str) -> Option<EntryId> {
        self.by_id.get(id).copied()
    }

    /// Entries whose name, alias or demonym folds to the same key as `name`.
    pub fn lookup(&self, name: &str) -> &[EntryId] {
        self.by_key
            .get(&fold(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The best entry of a type for `name`: a country before other places, then the most
    /// populous, then the first loaded. Used to resolve user-typed filter values and speakers.
    pub fn resolve(&self, name: &str, entity_type: EntityType) -> Option<&Entry> {
        self.lookup(name)
            .iter()
            .map(|&id| self.entry(id))
            .filter(|e| e.entity_type == entity_type)
            .max_by_key(|e| (e.is_country(), e.population.unwrap_or(0)))
    }

    /// The country entry for an ISO alpha-2 code.
    pub fn country(&self, code: &str) -> Option<&Entry> {
        self.by_country_code
            .get(&code.to_ascii_uppercase())
            .map(|&id| self.entry(id))
    }

    /// The country entry a user-typed value names: a country name, alias, demonym or code.
    pub fn resolve_country(&self, value: &str) -> Option<&Entry> {
        let by_name = self
            .lookup(value)
            .iter()
            .map(|&id| self.entry(id))
            .find(|e| e.is_country());
        by_name.or_else(|| {
            if value.trim().len() == 2 {
                self.country(value.trim())
            } else {
                None
            }
        })
    }

    /// The publisher entry a name, alias or web domain refers to.
    pub fn resolve_publisher(&self, value: &str) -> Option<&Entry> {
        let by_name = self
            .lookup(value)
            .iter()
            .map(|&id| self.entry(id))
            .find(|e| e.is_publisher());
        by_name.or_else(|| self.publisher_for_domain(value))
    }

    /// The publisher whose domain is `host` or a parent of it (`uk.reuters.com` → Reuters).
    pub fn publisher_for_domain(&self, host: &str) -> Option<&Entry> {
        let mut host = host.trim().trim_start_matches("www.").to_ascii_lowercase();
        loop {
            if let Some(&id) = self.by_domain.get(&host) {
                return Some(self.entry(id));
            }
            match host.split_once('.') {
                Some((_, parent)) if parent.contains('.') => host = parent.to_string(),
                _ => return None,
            }
        }
    }
}

/// Parses one TSV gazetteer line into an entry; `Ok(None)` for blank and `#` comment lines.
///
/// Columns (tab-separated): `name`, `type` (person/organization/place), `kind`, `country`
/// (ISO alpha-2 or empty), `aliases` (`|`-separated), `attributes` (`;`-separated `key=value`:
/// `id`, `gender`, `role` (repeatable), `domains` (comma-separated), `demonyms` (`|`-separated),
/// `capital` (`true`), `population`). The last two columns may be omitted. Without an `id`
/// attribute the id is `<type>:<slug of name>`.
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

    #[test]
    fn user_file_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.tsv");
        std::fs::write(
            &path,
            "# people\nAnya Petrova\tperson\tanalyst\tRU\n\nBad line\n",
        )
        .unwrap();
        let mut gazetteer = Gazetteer::default();
        let err = gazetteer.add_file(&path).unwrap_err().to_string();
        assert!(err.ends_with("mine.tsv:4: expected 4 to 6 tab-separated columns (name, type, kind, country, aliases, attributes), found 1"), "{err}");
    }

    #[test]
    fn lookups_fold_and_replace_by_id() {
        let mut gazetteer = Gazetteer::default();
        let mut turkey = Entry::new("country:TR", EntityType::Place, kind::COUNTRY, "Turkey");
        turkey.country = Some("TR".into());
        turkey.aliases = vec!["Türkiye".into()];
        turkey.demonyms = vec!["Turkish".into()];
        gazetteer.insert(turkey.clone());
        assert_eq!(
            gazetteer
                .resolve_country("TURKIYE")
                .map(|e| e.name.as_str()),
            Some("Turkey")
        );
        assert_eq!(
            gazetteer.resolve_country("tr").map(|e| e.name.as_str()),
            Some("Turkey")
        );
        assert_eq!(
            gazetteer
                .resolve_country("turkish")
                .map(|e| e.name.as_str()),
            Some("Turkey")
        );
        turkey.name = "Türkiye".into();
        turkey.aliases = vec!["Turkey".into()];
        gazetteer.insert(turkey);
        assert_eq!(gazetteer.len(), 1);
        assert_eq!(
            gazetteer.resolve_country("turkey").map(|e| e.name.as_str()),
            Some("Türkiye")
        );
    }

    #[test]
    fn publishers_resolve_by_parent_domain() {
        let mut gazetteer = Gazetteer::default();
        let mut reuters = Entry::new(
            "org:reuters",
            EntityType::Organization,
            "news_agency",
            "Reuters",
        );
        reuters.domains = vec!["reuters.com".into()];
        gazetteer.insert(reuters);
        assert_eq!(
            gazetteer
                .publisher_for_domain("www.uk.reuters.com")
                .map(|e| e.id.as_str()),
            Some("org:reuters")
        );
        assert!(gazetteer.publisher_for_domain("example.com").is_none());
        assert_eq!(
            gazetteer
                .resolve_publisher("REUTERS")
                .map(|e| e.id.as_str()),
            Some("org:reuters")
        );
    }
}
