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
use std::path::{Path, PathBuf};

use crate::entry::{EntityType, Entry, EntryId};
use crate::fold::fold;
use crate::tsv::parse_tsv_line;

/// An error loading a gazetteer file; always names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A line could not be parsed.
    #[error("{}:{line}: {message}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// The file extension names no known gazetteer format.
    #[error("{}: unknown gazetteer format (expected .jsonl or .tsv)", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
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

    /// Every entry with its [`EntryId`], in load order.
    pub fn iter(&self) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(id, entry)| (id as EntryId, entry))
    }

    /// The entries of one type with their [`EntryId`]s, in load order.
    pub fn of_type(&self, entity_type: EntityType) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.iter()
            .filter(move |(_, entry)| entry.entity_type == entity_type)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::kind;

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
