//! The alias table: every folded name, alias and demonym the matcher looks for, with how its
//! letter case must be written and the entries it may name, best first.
//!
//! It depends only on the gazetteer and the common-word list, so the bundled gazetteer's table
//! is built once by the build script; a gazetteer extended with user files builds its own.

use std::collections::{HashMap, HashSet};

use fst::raw::{CompiledAddr, Output};
use fst::Map;

use crate::entry::{kind, EntityType, Entry, EntryId};
use crate::fold::fold;
use crate::tables::fst_bytes;

/// How a mention refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionVia {
    /// The entry's name or one of its aliases.
    Name,
    /// A demonym or adjective ("Russian"): counts toward countries, not as a place mention.
    Demonym,
}

/// How strictly an alias's letter case must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Acronyms ("US", "UN", "WHO") match only exactly as written.
    Exact,
    /// Words capitalised in the alias must be capitalised in the text.
    Capitalised,
    /// A name that is also a common English word ("Nice", "Reading"): capitalised, not at the
    /// start of a sentence, not inside all-capitals text, not next to another capitalised word
    /// ("Far East", "March Madness") and not followed by a number ("March 2").
    CapitalisedMidSentence,
}

/// One alias of the table.
#[derive(Debug, Clone, Copy)]
pub struct Alias<'a> {
    /// The alias as written in the gazetteer, for its capitalisation.
    pub written: &'a str,
    /// How its case must match.
    pub rule: CaseRule,
    /// A one-word name of a minor city ("David", "Kent"): before another capitalised word it is
    /// far more often a first name or part of a team or company name than the place.
    pub yields_to_following_name: bool,
    /// The entries it may name, best first by the static ranking.
    pub candidates: &'a [(EntryId, MentionVia)],
}

/// The compiled alias table: a finite-state map from folded alias to alias number, and the
/// aliases in flat arrays.
#[derive(Debug, Clone, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct AliasData {
    /// `fst::Map` bytes: folded alias → alias number.
    keys: Vec<u8>,
    /// The written forms, concatenated; alias `n` ends at `written_ends[n]`.
    written: String,
    written_ends: Vec<u32>,
    /// Per alias: the [`CaseRule`] in the low two bits, bit 2 set when it yields to a
    /// following name.
    flags: Vec<u8>,
    /// Alias `n` owns `candidates[candidate_ends[n - 1]..candidate_ends[n]]`.
    candidate_ends: Vec<u32>,
    candidate_ids: Vec<EntryId>,
    /// Per candidate: 1 when via a demonym.
    candidate_demonym: Vec<u8>,
}

const YIELDS: u8 = 0b100;

/// The alias table ready for matching: see [`AliasTable::find`] and
/// [`AliasTable::for_each_prefix`].
#[derive(Debug, Clone)]
pub struct AliasTable {
    keys: Map<Vec<u8>>,
    /// The automaton's state after each first byte (node address and output so far), so that
    /// a walk, which starts at every word of every article, skips decoding the widest node.
    after_first_byte: Box<[Option<(CompiledAddr, u64)>; 256]>,
    written: String,
    written_ends: Vec<u32>,
    flags: Vec<u8>,
    candidate_ends: Vec<u32>,
    candidates: Vec<(EntryId, MentionVia)>,
}

/// Why an alias table could not be opened (only compiled-in bytes can be wrong).
#[derive(Debug, thiserror::Error)]
#[error("the alias table is damaged: {0}")]
pub struct AliasTableError(#[from] fst::Error);

impl AliasData {
    /// Compiles every name, alias and demonym of the `count` entries that `entry` returns by
    /// id. A name in `common_words` (lowercase, one a line) must be written as a clear name.
    pub(crate) fn build<'e>(
        count: usize,
        entry: impl Fn(EntryId) -> &'e Entry,
        common_words: &str,
    ) -> Self {
        let common_words: HashSet<&str> = common_words
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        struct Draft {
            written: String,
            rule: CaseRule,
            candidates: Vec<(EntryId, MentionVia)>,
        }
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut drafts: Vec<(String, Draft)> = Vec::new();
        for id in 0..count as EntryId {
            let e = entry(id);
            let names = e.names().map(|n| (n, MentionVia::Name));
            let demonyms = e.demonyms.iter().map(|d| (d.as_str(), MentionVia::Demonym));
            for (alias, via) in names.chain(demonyms) {
                let key = fold(alias);
                if key.chars().count() < 2 {
                    continue;
                }
                let rule = case_rule(alias, &key, e.is_country(), &common_words);
                let index = *by_key.entry(key.clone()).or_insert_with(|| {
                    drafts.push((
                        key,
                        Draft {
                            written: alias.to_string(),
                            rule,
                            candidates: Vec::new(),
                        },
                    ));
                    drafts.len() - 1
                });
                let draft = &mut drafts[index].1;
                if !draft.candidates.iter().any(|&(other, _)| other == id) {
                    draft.candidates.push((id, via));
                }
                // An acronym spelling wins over a lowercase spelling of the same key: "US" must
                // stay exact even if some entry also lists "Us".
                if rule == CaseRule::Exact {
                    draft.rule = CaseRule::Exact;
                    draft.written = alias.to_string();
                }
            }
        }
        drafts.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut data = AliasData {
            keys: fst_bytes(
                drafts
                    .iter()
                    .enumerate()
                    .map(|(number, (key, _))| (key.as_str(), number as u64)),
            ),
            ..AliasData::default()
        };
        for (_, mut draft) in drafts {
            draft
                .candidates
                .sort_by_key(|&(id, via)| std::cmp::Reverse(priority(entry(id), via)));
            let best = draft.candidates.first().map(|&(id, _)| entry(id));
            let yields = !draft.written.contains(' ')
                && best.is_some_and(|e| e.kind == kind::CITY && !e.capital);
            data.written.push_str(&draft.written);
            data.written_ends.push(data.written.len() as u32);
            data.flags
                .push(draft.rule as u8 | if yields { YIELDS } else { 0 });
            for (id, via) in draft.candidates {
                data.candidate_ids.push(id);
                data.candidate_demonym
                    .push(u8::from(via == MentionVia::Demonym));
            }
            data.candidate_ends.push(data.candidate_ids.len() as u32);
        }
        data
    }
}

impl AliasTable {
    /// Opens compiled alias data.
    pub(crate) fn open(data: AliasData) -> Result<Self, AliasTableError> {
        let candidates = data
            .candidate_ids
            .iter()
            .zip(&data.candidate_demonym)
            .map(|(&id, &demonym)| {
                let via = if demonym == 1 {
                    MentionVia::Demonym
                } else {
                    MentionVia::Name
                };
                (id, via)
            })
            .collect();
        let keys = Map::new(data.keys)?;
        let mut after_first_byte = Box::new([None; 256]);
        for transition in keys.as_fst().root().transitions() {
            after_first_byte[transition.inp as usize] =
                Some((transition.addr, transition.out.value()));
        }
        Ok(AliasTable {
            keys,
            after_first_byte,
            written: data.written,
            written_ends: data.written_ends,
            flags: data.flags,
            candidate_ends: data.candidate_ends,
            candidates,
        })
    }

    /// Number of distinct folded aliases.
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// Alias number `number` (as given by [`AliasTable::find`] or
    /// [`AliasTable::for_each_prefix`]).
    pub fn alias(&self, number: usize) -> Alias<'_> {
        let span = |ends: &[u32]| {
            let start = number.checked_sub(1).map_or(0, |p| ends[p] as usize);
            start..ends[number] as usize
        };
        let flags = self.flags[number];
        let rule = match flags & 0b11 {
            0 => CaseRule::Exact,
            1 => CaseRule::Capitalised,
            _ => CaseRule::CapitalisedMidSentence,
        };
        Alias {
            written: &self.written[span(&self.written_ends)],
            rule,
            yields_to_following_name: flags & YIELDS != 0,
            candidates: &self.candidates[span(&self.candidate_ends)],
        }
    }

    /// The number of the alias whose folded form is `folded`.
    pub fn find(&self, folded: &str) -> Option<usize> {
        self.keys.get(folded).map(|n| n as usize)
    }

    /// Calls `found(length in bytes, alias number)` for every alias that `folded` starts with,
    /// shortest first: one walk of the automaton from the start of `folded`.
    pub fn for_each_prefix(&self, folded: &[u8], mut found: impl FnMut(usize, usize)) {
        let Some(&Some((address, output))) = folded
            .first()
            .map(|&byte| &self.after_first_byte[byte as usize])
        else {
            return;
        };
        let fst = self.keys.as_fst();
        let mut node = fst.node(address);
        let mut output = Output::new(output);
        let mut length = 1;
        loop {
            if node.is_final() {
                found(length, output.cat(node.final_output()).value() as usize);
            }
            let Some(&byte) = folded.get(length) else {
                return;
            };
            let Some(index) = node.find_input(byte) else {
                return;
            };
            let transition = node.transition(index);
            output = output.cat(transition.out);
            node = fst.node(transition.addr);
            length += 1;
        }
    }
}

fn case_rule(alias: &str, key: &str, is_country: bool, common_words: &HashSet<&str>) -> CaseRule {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let is_acronym =
        letters.len() <= 6 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if is_acronym {
        CaseRule::Exact
    } else if !is_country && !key.contains(' ') && common_words.contains(key) {
        CaseRule::CapitalisedMidSentence
    } else {
        CaseRule::Capitalised
    }
}

/// Ranks the candidates of an ambiguous alias when the article gives no clue: countries, then
/// people and organizations, then capitals, then regions, then cities by population.
fn priority(entry: &Entry, via: MentionVia) -> (u8, u64) {
    let class: u8 = match (entry.entity_type, entry.kind.as_str()) {
        (EntityType::Place, kind::COUNTRY) => 6,
        (EntityType::Person, _) => 5,
        (EntityType::Organization, _) => 4,
        (EntityType::Place, kind::CITY) if entry.capital => 3,
        (EntityType::Place, kind::REGION) | (EntityType::Place, kind::WATER) => 2,
        _ => 1,
    };
    let class = if via == MentionVia::Name {
        class
    } else {
        class.saturating_sub(1)
    };
    (class, entry.population.unwrap_or(0))
}
