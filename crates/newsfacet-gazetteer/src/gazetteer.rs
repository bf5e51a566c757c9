//! The gazetteer: every known person, organization and place, with its aliases.
//!
//! Two on-disk formats share one data model ([`Entry`]):
//! - **JSON Lines** (`.jsonl`): one serialized [`Entry`] per line. The bundled, compiled
//!   gazetteers under `index-data/gazetteers/` use it.
//! - **TSV** (`.tsv`): the hand-editable format for curated and user gazetteers, six columns
//!   `name, type, kind, country, aliases, attributes` (see [`parse_tsv_line`]).
//!
//! Loading never panics on bad input: a malformed line is an error naming `file:line`.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::alias::{AliasData, AliasTable};
use crate::builder::Builder;
use crate::compiled::ArchivedCompiled;
use crate::entry::{ArchivedEntityType, EntityType, Entry, EntryId};
use crate::fold::fold;
use crate::tables::{Lookups, Tables};
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
    /// The compiled-in gazetteer is damaged (a build problem, never the user's input).
    #[error("the compiled gazetteer cannot be read: {0}")]
    Compiled(String),
    /// The file extension names no known gazetteer format.
    #[error("{}: unknown gazetteer format (expected .jsonl or .tsv)", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}

/// All entries, plus lookups by id, folded alias, country code and domain.
///
/// The bundled gazetteer is the compiled form embedded in the binary: nothing is parsed at
/// start-up and each entry is decoded on first use. Adding entries (user files, tests) turns it
/// into an owned gazetteer whose lookup tables are frozen again on the next lookup; both answer
/// every lookup through the same tables.
#[derive(Clone)]
pub struct Gazetteer {
    state: State,
    /// The folded words of [`Gazetteer::is_publisher_short_form`], collected on first use:
    /// attribution asks for every organization it credits, and answering by a walk over all
    /// entries each time was about 6 % of tagging.
    publisher_short_forms: OnceLock<HashSet<String>>,
}

#[derive(Clone)]
enum State {
    Bundled {
        archive: &'static ArchivedCompiled,
        /// Each entry decoded on first use; boxed so that the cache of the ~32,000 entries a
        /// command mostly never touches stays small.
        entries: Box<[OnceLock<Box<Entry>>]>,
        lookups: Lookups,
    },
    Owned {
        builder: Builder,
        lookups: OnceLock<Lookups>,
    },
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer {
            state: State::Owned {
                builder: Builder::default(),
                lookups: OnceLock::new(),
            },
            publisher_short_forms: OnceLock::new(),
        }
    }
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.len())
            .field("bundled", &matches!(self.state, State::Bundled { .. }))
            .finish()
    }
}

/// The compiled bundled gazetteer (see `build.rs`), aligned as `rkyv` requires.
static COMPILED: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.rkyv")));

#[repr(C, align(16))]
struct Aligned<T: ?Sized>(T);

/// The compiled archive. Release builds trust the bytes that this crate's own build script
/// wrote from the same type definitions in the same build: validating all 32,000 entries
/// would be most of a search's start-up. Debug builds, and so every test run, validate them.
fn compiled_archive() -> Result<&'static ArchivedCompiled, GazetteerError> {
    if cfg!(debug_assertions) {
        return rkyv::access::<ArchivedCompiled, rkyv::rancor::Error>(&COMPILED.0)
            .map_err(|e| GazetteerError::Compiled(e.to_string()));
    }
    // SAFETY: `COMPILED` is the output of `build.rs`, which serialized a `Compiled` with rkyv
    // from these very modules (it reruns whenever they change), and it is aligned as rkyv
    // requires; debug builds check it with `rkyv::access`.
    Ok(unsafe { rkyv::access_unchecked::<ArchivedCompiled>(&COMPILED.0) })
}

impl Gazetteer {
    /// The gazetteers compiled into the binary from `index-data/gazetteers/`.
    pub fn bundled() -> Result<Self, GazetteerError> {
        let archive = compiled_archive()?;
        let tables = rkyv::deserialize::<Tables, rkyv::rancor::Error>(&archive.tables)
            .map_err(|e| GazetteerError::Compiled(e.to_string()))?;
        let lookups = Lookups::open(tables).map_err(|e| GazetteerError::Compiled(e.to_string()))?;
        let entries = (0..archive.entries.len())
            .map(|_| OnceLock::new())
            .collect();
        Ok(Gazetteer {
            state: State::Bundled {
                archive,
                entries,
                lookups,
            },
            publisher_short_forms: OnceLock::new(),
        })
    }

    /// The alias table the matcher walks, with the bundled list of names that are also common
    /// English words: compiled in for the bundled gazetteer, built here for any other.
    pub fn alias_table(&self) -> Result<AliasTable, GazetteerError> {
        let data = match &self.state {
            State::Bundled { archive, .. } => {
                rkyv::deserialize::<AliasData, rkyv::rancor::Error>(&archive.aliases)
                    .map_err(|e| GazetteerError::Compiled(e.to_string()))?
            }
            State::Owned { .. } => {
                return Ok(self.alias_table_with(crate::words::COMMON_WORDS));
            }
        };
        AliasTable::open(data).map_err(|e| GazetteerError::Compiled(e.to_string()))
    }

    /// The alias table with another common-word list (lowercase, one a line).
    pub fn alias_table_with(&self, common_words: &str) -> AliasTable {
        let data = AliasData::build(self.len(), |id| self.entry(id), common_words);
        // The bytes were built just now from valid keys.
        AliasTable::open(data).expect("a freshly built alias table opens")
    }

    /// The owned builder, decoding every bundled entry the first time the gazetteer changes.
    fn builder_mut(&mut self) -> &mut Builder {
        // The entries change: what was derived from them no longer holds.
        self.publisher_short_forms.take();
        if let State::Bundled { .. } = self.state {
            let entries: Vec<Entry> = self.iter().map(|(_, entry)| entry.clone()).collect();
            self.state = State::Owned {
                builder: Builder::from_entries(entries),
                lookups: OnceLock::new(),
            };
        }
        match &mut self.state {
            State::Owned { builder, lookups } => {
                // The tables no longer match the entries.
                lookups.take();
                builder
            }
            State::Bundled { .. } => unreachable!("thawed above"),
        }
    }

    fn lookups(&self) -> &Lookups {
        match &self.state {
            State::Bundled { lookups, .. } => lookups,
            State::Owned { builder, lookups } => lookups.get_or_init(|| {
                // Tables built from the builder's own keys are always a valid fst.
                Lookups::open(builder.freeze()).expect("freshly frozen tables open")
            }),
        }
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
        self.builder_mut().insert(entry);
    }

    /// Every entry with its [`EntryId`], in load order.
    pub fn iter(&self) -> impl Iterator<Item = (EntryId, &Entry)> {
        (0..self.len() as EntryId).map(|id| (id, self.entry(id)))
    }

    /// The entries of one type with their [`EntryId`]s, in load order.
    pub fn of_type(&self, entity_type: EntityType) -> impl Iterator<Item = (EntryId, &Entry)> {
        (0..self.len() as EntryId)
            .filter(move |&id| self.entity_type(id) == entity_type)
            .map(|id| (id, self.entry(id)))
    }

    /// The type of an entry, without decoding a compiled entry.
    fn entity_type(&self, id: EntryId) -> EntityType {
        match &self.state {
            State::Bundled { archive, .. } => match archive.entries[id as usize].entity_type {
                ArchivedEntityType::Person => EntityType::Person,
                ArchivedEntityType::Organization => EntityType::Organization,
                ArchivedEntityType::Place => EntityType::Place,
            },
            State::Owned { builder, .. } => builder.entries[id as usize].entity_type,
        }
    }

    /// The entry with this index.
    pub fn entry(&self, id: EntryId) -> &Entry {
        match &self.state {
            State::Bundled {
                archive, entries, ..
            } => entries[id as usize].get_or_init(|| {
                // Decoding a well-formed archived entry only allocates; it cannot fail.
                let entry =
                    rkyv::deserialize::<Entry, rkyv::rancor::Error>(&archive.entries[id as usize])
                        .expect("a compiled entry decodes");
                Box::new(entry)
            }),
            State::Owned { builder, .. } => &builder.entries[id as usize],
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        match &self.state {
            State::Bundled { entries, .. } => entries.len(),
            State::Owned { builder, .. } => builder.entries.len(),
        }
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry with this stable id.
    pub fn by_id(&self, id: &str) -> Option<EntryId> {
        self.lookups().by_id(id)
    }

    /// Entries whose name, alias or demonym folds to the same key as `name`.
    pub fn lookup(&self, name: &str) -> &[EntryId] {
        self.lookups().by_key(&fold(name))
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
        self.lookups()
            .by_country_code(&code.to_ascii_uppercase())
            .map(|id| self.entry(id))
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

    /// Whether `folded` (one word, folded as by [`fold`]) is a publisher's short form: the first
    /// or last word of one of its names of two words or more, "The" aside ("globe" of "The
    /// Boston Globe" and "The Globe and Mail", "post" of "The Washington Post").
    pub fn is_publisher_short_form(&self, folded: &str) -> bool {
        self.publisher_short_forms
            .get_or_init(|| {
                let mut forms = HashSet::new();
                for (_, entry) in self.of_type(EntityType::Organization) {
                    if !entry.is_publisher() {
                        continue;
                    }
                    for name in entry.names() {
                        let words: Vec<&str> = name
                            .split_whitespace()
                            .filter(|w| !w.eq_ignore_ascii_case("the"))
                            .collect();
                        if let [first, .., last] = words[..] {
                            forms.insert(fold(first));
                            forms.insert(fold(last));
                        }
                    }
                }
                forms
            })
            .contains(folded)
    }

    /// The publisher whose domain is `host` or a parent of it (`uk.reuters.com` → Reuters).
    pub fn publisher_for_domain(&self, host: &str) -> Option<&Entry> {
        let mut host = host.trim().trim_start_matches("www.").to_ascii_lowercase();
        loop {
            if let Some(id) = self.lookups().by_domain(&host) {
                return Some(self.entry(id));
            }
            match host.split_once('.') {
                Some((_, parent)) if parent.contains('.') => host = parent.to_string(),
                _ => return None,
            }
        }
    }

    /// The one publisher with a domain `{name}.{suffix}` for some public suffix: the publisher
    /// of a country edition whose own domain is unknown (`huffingtonpost.ca` is HuffPost's when
    /// `huffingtonpost.com` is known). `name` is the registrable domain without its public
    /// suffix (`huffingtonpost`); `is_public_suffix` says whether the rest of a known domain is
    /// one (`ca`, `co.uk`), so `uk.reuters.com` is not taken for a site named `uk`. When the
    /// domains of two or more publishers share the name, there is no answer: the name alone
    /// cannot tell them apart, and a wrong publisher is worse than none.
    ///
    /// Why a range query: the domain map is an fst, sorted by bytes, so every domain starting
    /// with `{name}.` is one contiguous range of it. Both the bundled and the owned gazetteer
    /// answer from the same map, with no second index to build, store or keep in step.
    pub fn publisher_for_site_name(
        &self,
        name: &str,
        is_public_suffix: impl Fn(&str) -> bool,
    ) -> Option<&Entry> {
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() || name.contains('.') {
            return None;
        }
        let prefix = format!("{name}.");
        let mut publisher = None;
        for (domain, id) in self.lookups().domains_starting_with(&prefix) {
            if !is_public_suffix(&domain[prefix.len()..]) {
                continue;
            }
            match publisher {
                None => publisher = Some(id),
                Some(seen) if seen != id => return None,
                Some(_) => {}
            }
        }
        publisher.map(|id| self.entry(id))
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
    fn compiled_archive_validates_and_thaws_into_the_same_lookups() {
        let archive = rkyv::access::<ArchivedCompiled, rkyv::rancor::Error>(&COMPILED.0);
        let archive = archive.expect("the compiled gazetteer validates");
        let bundled = Gazetteer::bundled().unwrap();
        assert_eq!(archive.entries.len(), bundled.len());
        assert!(bundled.len() > 30_000, "{}", bundled.len());
        assert_eq!(
            bundled.resolve_country("Türkiye").map(|e| e.id.as_str()),
            Some("country:TR")
        );

        let mut thawed = bundled.clone();
        thawed.insert(Entry::new(
            "person:anya-petrova",
            EntityType::Person,
            "analyst",
            "Anya Petrova",
        ));
        assert_eq!(thawed.len(), bundled.len() + 1);
        for key in [
            "georgia",
            "Shoigu",
            "Reuters",
            "Paris",
            "US",
            "russian",
            "anya petrova",
        ] {
            let expected: &[EntryId] = if key == "anya petrova" {
                &[bundled.len() as EntryId]
            } else {
                bundled.lookup(key)
            };
            assert_eq!(thawed.lookup(key), expected, "{key}");
        }
        assert_eq!(
            thawed.by_id("country:RU").map(|id| &thawed.entry(id).name),
            bundled
                .by_id("country:RU")
                .map(|id| &bundled.entry(id).name)
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

    #[test]
    fn site_names_resolve_to_one_publisher_only() {
        let mut gazetteer = Gazetteer::default();
        for (id, name, domains) in [
            (
                "org:huffpost",
                "HuffPost",
                vec!["huffingtonpost.com", "huffpost.com"],
            ),
            (
                "org:reuters",
                "Reuters",
                vec!["reuters.com", "uk.reuters.com"],
            ),
            ("org:star-a", "Star A", vec!["thestar.com"]),
            ("org:star-b", "Star B", vec!["thestar.com.my"]),
        ] {
            let mut entry = Entry::new(id, EntityType::Organization, "publisher", name);
            entry.domains = domains.into_iter().map(String::from).collect();
            gazetteer.insert(entry);
        }
        let suffix = |s: &str| ["com", "ca", "my", "com.my"].contains(&s);
        let site = |name: &str| {
            gazetteer
                .publisher_for_site_name(name, suffix)
                .map(|e| e.id.clone())
        };
        assert_eq!(site("huffingtonpost").as_deref(), Some("org:huffpost"));
        assert_eq!(site("HuffPost").as_deref(), Some("org:huffpost"));
        // Two publishers share the name: no answer.
        assert_eq!(site("thestar"), None);
        // `uk.reuters.com` is a sub-domain, not a site named `uk`.
        assert_eq!(site("uk"), None);
        assert_eq!(site("huffington"), None);
        assert_eq!(site(""), None);
    }
}
