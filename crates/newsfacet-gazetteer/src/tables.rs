//! The frozen lookup tables of a gazetteer: finite-state maps (`fst`) from folded alias, id,
//! country code and web domain to entries. They are plain byte and integer arrays, so the
//! bundled gazetteer's tables are built once by the build script and loaded without parsing.

use std::collections::HashMap;

use fst::{IntoStreamer, Map, MapBuilder, Streamer};

use crate::entry::EntryId;

/// Lookup tables as stored: each map is the bytes of an `fst::Map`.
#[derive(Debug, Clone, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Tables {
    /// Folded name, alias or demonym → key number.
    keys: Vec<u8>,
    /// Key number `k` owns `postings[posting_ends[k - 1]..posting_ends[k]]`.
    posting_ends: Vec<u32>,
    /// The entries carrying each key, in the order they were indexed.
    postings: Vec<EntryId>,
    /// Stable id → entry.
    ids: Vec<u8>,
    /// Upper-case ISO alpha-2 code → the country entry.
    country_codes: Vec<u8>,
    /// Lower-case domain → publisher entry.
    domains: Vec<u8>,
}

impl Tables {
    /// Freezes the builder's hash maps.
    pub(crate) fn new<'a>(
        by_key: impl Iterator<Item = (&'a String, &'a Vec<EntryId>)>,
        by_id: &HashMap<String, EntryId>,
        by_country_code: &HashMap<String, EntryId>,
        by_domain: &HashMap<String, EntryId>,
    ) -> Self {
        let mut keys: Vec<(&String, &Vec<EntryId>)> = by_key.collect();
        keys.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut posting_ends = Vec::with_capacity(keys.len());
        let mut postings = Vec::new();
        for (_, ids) in &keys {
            postings.extend_from_slice(ids);
            posting_ends.push(postings.len() as u32);
        }
        let numbered = keys
            .iter()
            .enumerate()
            .map(|(number, (key, _))| (key.as_str(), number as u64));
        Tables {
            keys: fst_bytes(numbered),
            posting_ends,
            postings,
            ids: fst_bytes(sorted(by_id)),
            country_codes: fst_bytes(sorted(by_country_code)),
            domains: fst_bytes(sorted(by_domain)),
        }
    }
}

fn sorted(map: &HashMap<String, EntryId>) -> impl Iterator<Item = (&str, u64)> {
    let mut pairs: Vec<(&str, u64)> = map.iter().map(|(k, &v)| (k.as_str(), v as u64)).collect();
    pairs.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    pairs.into_iter()
}

/// The bytes of an `fst::Map` of `pairs`, which must be sorted by key without repeats.
pub(crate) fn fst_bytes<'a>(pairs: impl Iterator<Item = (&'a str, u64)>) -> Vec<u8> {
    let mut builder = MapBuilder::memory();
    for (key, value) in pairs {
        // Keys come from hash maps (unique) and are sorted above, so insertion cannot fail.
        builder
            .insert(key, value)
            .expect("fst keys are unique and sorted");
    }
    builder
        .into_inner()
        .expect("an in-memory fst cannot fail to write")
}

/// The tables ready for lookups.
#[derive(Debug, Clone)]
pub(crate) struct Lookups {
    keys: Map<Vec<u8>>,
    posting_ends: Vec<u32>,
    postings: Vec<EntryId>,
    ids: Map<Vec<u8>>,
    country_codes: Map<Vec<u8>>,
    domains: Map<Vec<u8>>,
}

impl Lookups {
    /// Opens the maps of `tables`; fails only on bytes that are not an fst.
    pub(crate) fn open(tables: Tables) -> Result<Self, fst::Error> {
        Ok(Lookups {
            keys: Map::new(tables.keys)?,
            posting_ends: tables.posting_ends,
            postings: tables.postings,
            ids: Map::new(tables.ids)?,
            country_codes: Map::new(tables.country_codes)?,
            domains: Map::new(tables.domains)?,
        })
    }

    /// The entries carrying the folded `key`, in the order they were indexed.
    pub(crate) fn by_key(&self, key: &str) -> &[EntryId] {
        let Some(number) = self.keys.get(key) else {
            return &[];
        };
        let number = number as usize;
        let start = number
            .checked_sub(1)
            .map_or(0, |previous| self.posting_ends[previous] as usize);
        &self.postings[start..self.posting_ends[number] as usize]
    }

    /// The entry with this stable id.
    pub(crate) fn by_id(&self, id: &str) -> Option<EntryId> {
        self.ids.get(id).map(|v| v as EntryId)
    }

    /// The country entry of an upper-case ISO alpha-2 code.
    pub(crate) fn by_country_code(&self, code: &str) -> Option<EntryId> {
        self.country_codes.get(code).map(|v| v as EntryId)
    }

    /// The publisher entry of a lower-case domain.
    pub(crate) fn by_domain(&self, domain: &str) -> Option<EntryId> {
        self.domains.get(domain).map(|v| v as EntryId)
    }

    /// Every domain that starts with `prefix`, with its publisher entry, in byte order: the
    /// keys of an fst are sorted, so they are one range of the map and no other index is needed.
    pub(crate) fn domains_starting_with(&self, prefix: &str) -> Vec<(String, EntryId)> {
        let mut stream = self.domains.range().ge(prefix).into_stream();
        let mut found = Vec::new();
        while let Some((key, value)) = stream.next() {
            if !key.starts_with(prefix.as_bytes()) {
                break;
            }
            found.push((String::from_utf8_lossy(key).into_owned(), value as EntryId));
        }
        found
    }
}
