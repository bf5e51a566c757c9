//! The mutable form of a gazetteer: entries are inserted (an entry whose id is already present
//! replaces it) and indexed in hash maps, then frozen into [`Tables`] for lookups.
//!
//! Shared with the build script, which freezes the bundled gazetteers at compile time, so it
//! depends on nothing but the model, folding and the table format.

use std::collections::HashMap;

use crate::entry::{Entry, EntryId};
use crate::fold::fold;
use crate::tables::Tables;

/// Entries in load order, with the indexes that insertion keeps up to date.
#[derive(Debug, Default, Clone)]
pub(crate) struct Builder {
    /// Every entry, indexable by [`EntryId`].
    pub(crate) entries: Vec<Entry>,
    by_id: HashMap<String, EntryId>,
    /// Folded name, alias or demonym → entries carrying it, in the order they were indexed.
    by_key: HashMap<String, Vec<EntryId>>,
    /// ISO alpha-2 code → the country entry.
    by_country_code: HashMap<String, EntryId>,
    /// Lowercase domain → publisher entry.
    by_domain: HashMap<String, EntryId>,
}

impl Builder {
    /// A builder holding `entries`, inserted in order.
    pub(crate) fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Self {
        let mut builder = Builder::default();
        for entry in entries {
            builder.insert(entry);
        }
        builder
    }

    /// Adds one entry, replacing any entry with the same id (which keeps its [`EntryId`]).
    pub(crate) fn insert(&mut self, entry: Entry) {
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

    /// The lookup tables of the entries as they are now.
    pub(crate) fn freeze(&self) -> Tables {
        Tables::new(
            self.by_key.iter().filter(|(_, ids)| !ids.is_empty()),
            &self.by_id,
            &self.by_country_code,
            &self.by_domain,
        )
    }
}
