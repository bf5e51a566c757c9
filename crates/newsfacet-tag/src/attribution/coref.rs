//! The article's cast: every person and organization it names, with the roles and countries the
//! text gives them, and the order in which they appear and act. Pronouns ("he"), descriptions
//! ("the minister") and bare surnames ("Morita") resolve against it.
//!
//! Salience is kept as two lists: mentions (everyone named outside quotes, built before
//! attribution) and subjects (who spoke or acted, appended as sentences are read). A pronoun
//! prefers the latest compatible subject — "Erdogan told Zelensky …, "…," he said" is Erdogan —
//! and falls back to the latest compatible mention.

use std::collections::HashMap;

use crate::matcher::MentionVia;
use crate::text::particles;
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, EntryId, Gazetteer};

use super::names::{self, Description, Pronoun, Subject};
use crate::text::cues::CueForm;
use crate::text::doc::{Doc, Kind};
use crate::text::lexicon as lex;

/// How far back (in paragraph blocks) a pronoun may reach.
const PRONOUN_WINDOW: usize = 3;

/// How many salience events a pronoun looks at, at most: keeps a long paragraph linear.
const MAX_SCAN: usize = 200;

/// One person or organization of the article.
#[derive(Debug, Clone)]
pub(crate) struct Ent {
    /// Canonical (gazetteer) name, or the fullest name as written.
    pub name: String,
    /// Person or organization.
    pub ty: EntityType,
    /// 'm' or 'f' when known.
    pub gender: Option<char>,
    /// Lowercase words of titles, appositions and gazetteer roles ("foreign", "minister").
    pub roles: Vec<String>,
    /// Folded name words, for surname lookups.
    pub tokens: Vec<String>,
    /// ISO codes the text or gazetteer ties it to.
    pub countries: Vec<String>,
    /// Byte offsets where it is named or acts, outside quotes.
    pub positions: Vec<usize>,
    /// Seen only as a capitalised pair with no sign of being a person: a surname fallback.
    pub weak: bool,
}

/// A salience event: someone named or acting at a position.
#[derive(Debug, Clone, Copy)]
struct Event {
    pos: usize,
    para: usize,
    /// `None` for a subject that is no entity (an unnamed source).
    ent: Option<usize>,
    /// An unnamed single person ("a spokesperson", "the woman"): a later "he"/"she" is more
    /// likely them than anyone named before, so resolution stops here.
    blocks: bool,
    /// A mention that can be a clause's subject: not a possessive ("Tusk's letter") and not
    /// the object of a preposition ("a blow to Cameron").
    subject_like: bool,
}

/// The resolved speaker of one statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Who {
    /// The named speaker and its type, when the statement has one.
    pub speaker: Option<(String, EntityType)>,
    /// An unnamed source as described ("a spokesperson").
    pub unnamed: Option<String>,
    /// The speaker's index in [`Registry::ents`], when it is one of the cast.
    pub ent: Option<usize>,
}

/// The cast and its salience.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    /// Everyone of the article, in order of first mention.
    pub ents: Vec<Ent>,
    by_key: HashMap<String, usize>,
    /// Folded name word → entities carrying it.
    by_token: HashMap<String, Vec<usize>>,
    mentions: Vec<Event>,
    subjects: Vec<Event>,
}

impl Registry {
    /// Collects everyone the article names: gazetteer people and organizations, and names the
    /// gazetteer lacks that the text marks as people (a title before, an apposition after, a
    /// speech verb next to them).
    pub fn build(doc: &Doc, gaz: &Gazetteer) -> Self {
        let mut reg = Registry::default();
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            let token = doc.tokens[i];
            if token.kind != Kind::Word {
                i += 1;
                continue;
            }
            let speaker_mention = doc
                .mention(i)
                .filter(|m| gaz.entry(m.entry).entity_type != EntityType::Place);
            if let Some(m) = speaker_mention {
                // The mention's last token.
                let mut j = i;
                while j + 1 < n && doc.tokens[j + 1].mention == token.mention {
                    j += 1;
                }
                let entry = gaz.entry(m.entry);
                if m.via == MentionVia::Name && !entry.is_publisher() {
                    let ent = reg.intern_entry(gaz, m.entry);
                    reg.add_surface(ent, doc.span_text(i, j + 1));
                    reg.add_context(doc, gaz, ent, i, j + 1);
                    reg.mention(ent, m.start, token.para, subject_like(doc, i, j + 1));
                }
                i = j + 1;
                continue;
            }
            let continues_run = i > 0
                && doc.tokens[i - 1].para == token.para
                && names::is_name_token(doc, gaz, i - 1);
            let starts_run = names::is_name_token(doc, gaz, i) && !continues_run;
            if starts_run {
                let mut end = i;
                let same_para = |k: usize| doc.tokens[k].para == token.para;
                while end < n
                    && same_para(end)
                    && (names::is_name_token(doc, gaz, end) || is_inner_particle(doc, gaz, end))
                    && end - i < 6
                {
                    end += 1;
                }
                if end < n
                    && same_para(end)
                    && doc.is_word(end)
                    && names::is_generational(doc.word(end))
                {
                    // "Marcos Jr."
                    end += 1;
                }
                // "Besides Demi", "Dodge Ram": an ordinary word opening the sentence is no
                // part of the name after it.
                let mut first = i;
                if end - i >= 2 && names::is_sentence_opener_word(doc, gaz, i) {
                    first += 1;
                    while first < end && is_inner_particle(doc, gaz, first) {
                        first += 1;
                    }
                }
                let words = (first..end)
                    .filter(|&k| names::is_name_token(doc, gaz, k))
                    .count();
                // "Mr. Obama", "President Lai": a lone surname after an honorific is a person.
                let honoured = words == 1
                    && first > 0
                    && doc.is_capitalised(first - 1)
                    && doc.has(first - 1, lex::HONORIFIC);
                let evidence =
                    (2..=4).contains(&words) && person_evidence(doc, first, end) || honoured;
                // Without evidence a two- or three-word name is kept as a weak candidate: only
                // for its own surname ("Ava DuVernay directed it. … DuVernay explained").
                let weak = !evidence && (2..=3).contains(&words) && !doc.has(end, lex::ORGHEAD);
                if evidence || weak {
                    let name = names::normalise(doc.span_text(first, end));
                    // "Mr. Van Voorhis" after "Chandler Van Voorhis" is the same person.
                    let ent = match reg.fuller_name(&name, token.start) {
                        Some(ent) => ent,
                        None => reg.intern_written(&name, EntityType::Person),
                    };
                    if evidence {
                        reg.ents[ent].weak = false;
                    }
                    reg.add_context(doc, gaz, ent, first, end);
                    let at = doc.tokens[first].start;
                    reg.mention(ent, at, token.para, subject_like(doc, first, end));
                }
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        reg.mentions.sort_by_key(|e| e.pos);
        reg
    }

    fn mention(&mut self, ent: usize, pos: usize, para: usize, subject_like: bool) {
        self.add_position(ent, pos);
        self.mentions.push(Event {
            pos,
            para,
            ent: Some(ent),
            blocks: false,
            subject_like,
        });
    }

    /// Whether paragraph block `para` names a person or organization other than `ent`
    /// (outside quotes): then a quote there is not a previous paragraph's speaker's by
    /// default.
    pub fn names_other_in_para(&self, para: usize, ent: Option<usize>) -> bool {
        let from = self.mentions.partition_point(|e| e.para < para);
        self.mentions[from..]
            .iter()
            .take_while(|e| e.para == para)
            .any(|e| e.ent.is_some_and(|m| Some(m) != ent && !self.ents[m].weak))
    }

    /// The entity for a gazetteer entry, created on first use.
    pub fn intern_entry(&mut self, gaz: &Gazetteer, id: EntryId) -> usize {
        let key = format!("\u{1}{id}");
        if let Some(&ent) = self.by_key.get(&key) {
            return ent;
        }
        let entry = gaz.entry(id);
        let mut roles: Vec<String> = Vec::new();
        for role in entry.roles.iter().chain(std::iter::once(&entry.kind)) {
            push_words(&mut roles, role);
        }
        let ent = Ent {
            name: entry.name.clone(),
            ty: entry.entity_type,
            gender: entry
                .gender
                .as_deref()
                .and_then(|g| g.chars().next())
                .filter(|g| matches!(g, 'm' | 'f')),
            roles,
            tokens: name_tokens(entry.names().collect::<Vec<_>>().join(" ").as_str()),
            countries: entry.country.iter().cloned().collect(),
            positions: Vec::new(),
            weak: false,
        };
        self.ents.push(ent);
        let index = self.ents.len() - 1;
        self.index_tokens(index);
        self.by_key.insert(key, index);
        // A written name that folds to the canonical one is the same entity.
        self.by_key.entry(fold(&entry.name)).or_insert(index);
        index
    }

    /// The entity for a name as written, created on first use.
    pub fn intern_written(&mut self, name: &str, ty: EntityType) -> usize {
        let key = fold(name);
        if let Some(&ent) = self.by_key.get(&key) {
            return ent;
        }
        self.ents.push(Ent {
            name: name.to_string(),
            ty,
            gender: None,
            roles: Vec::new(),
            tokens: name_tokens(name),
            countries: Vec::new(),
            positions: Vec::new(),
            weak: true,
        });
        let index = self.ents.len() - 1;
        self.index_tokens(index);
        self.by_key.insert(key, index);
        index
    }

    fn index_tokens(&mut self, ent: usize) {
        for token in &self.ents[ent].tokens {
            let carriers = self.by_token.entry(token.clone()).or_default();
            if !carriers.contains(&ent) {
                carriers.push(ent);
            }
        }
    }

    fn add_surface(&mut self, ent: usize, surface: &str) {
        for token in name_tokens(surface) {
            if !self.ents[ent].tokens.contains(&token) {
                self.ents[ent].tokens.push(token);
            }
        }
        self.index_tokens(ent);
    }

    /// Records the titles before a name (`[a, b)`) and the apposition after it as roles, with
    /// the countries they name, and a gender the titles imply.
    fn add_context(&mut self, doc: &Doc, gaz: &Gazetteer, ent: usize, a: usize, b: usize) {
        let mut words: Vec<usize> = Vec::new();
        // Titles: back over title words, possessives, demonyms and modifiers.
        let mut t = a;
        while t > 0 && a - t < 10 {
            let prev = t - 1;
            let titled = doc.is_word(prev)
                && (!doc.has(prev, lex::STOP) || doc.has(prev, lex::TITLE | lex::MOD))
                && (doc.has(prev, lex::TITLE | lex::MOD | lex::ROLE | lex::ORGHEAD)
                    || doc.is_capitalised(prev) && !names::is_name_token(doc, gaz, prev)
                    || doc.is_word(prev) && matches!(doc.word(prev), "of" | "and"));
            if !titled || doc.has(prev, lex::DET) {
                break;
            }
            words.push(prev);
            t = prev;
        }
        // Apposition: ", the mayor of a small port town," / ", a senior fellow at …".
        if doc.is_punct(b, ',') {
            let mut k = b + 1;
            while k < doc.tokens.len()
                && k - b < 16
                && doc.is_word(k)
                && doc.tokens[k].cue.is_none()
            {
                words.push(k);
                k += 1;
            }
        } else if doc.is_punct(b, '(') {
            let mut k = b + 1;
            while k < doc.tokens.len() && k - b < 8 && doc.is_word(k) {
                words.push(k);
                k += 1;
            }
        }
        for k in words {
            if let Some(m) = doc.mention(k) {
                let entry = gaz.entry(m.entry);
                if entry.entity_type == EntityType::Place {
                    if let Some(code) = &entry.country {
                        if !self.ents[ent].countries.contains(code) {
                            self.ents[ent].countries.push(code.clone());
                        }
                    }
                }
            }
            let flags = doc.tokens[k].flags;
            if self.ents[ent].gender.is_none()
                && flags & (lex::MASC | lex::FEM) != 0
                && flags & lex::PRONOUN == 0
            {
                self.ents[ent].gender = Some(if flags & lex::MASC != 0 { 'm' } else { 'f' });
            }
            let word = names::normalise(doc.word(k));
            push_words(&mut self.ents[ent].roles, &word);
        }
    }

    /// Records that `ent` (or an unnamed source, `None`) spoke or acted at `pos`.
    pub fn subject(&mut self, ent: Option<usize>, pos: usize, para: usize, blocks: bool) {
        if let Some(ent) = ent {
            self.add_position(ent, pos);
        }
        self.subjects.push(Event {
            pos,
            para,
            ent,
            blocks: blocks && ent.is_none(),
            subject_like: true,
        });
    }

    /// Keeps an entity's positions sorted, for binary search.
    fn add_position(&mut self, ent: usize, pos: usize) {
        let positions = &mut self.ents[ent].positions;
        let at = positions.partition_point(|&p| p < pos);
        if positions.get(at) != Some(&pos) {
            positions.insert(at, pos);
        }
    }

    /// Resolves a subject to a speaker. `None` means the phrase is no source at all (a surname
    /// nobody in the article carries); an unresolved pronoun or description
    /// still marks speech, without a named speaker.
    pub fn resolve(
        &mut self,
        gaz: &Gazetteer,
        subject: &Subject,
        pos: usize,
        para: usize,
    ) -> Option<Who> {
        let named = |reg: &Registry, ent: usize| {
            let e = &reg.ents[ent];
            Some(Who {
                speaker: Some((e.name.clone(), e.ty)),
                unnamed: None,
                ent: Some(ent),
            })
        };
        match subject {
            Subject::Entry(id) => {
                let ent = self.intern_entry(gaz, *id);
                named(self, ent)
            }
            Subject::Written { name, ty } => {
                // "Mr. Van Voorhis" after "Chandler Van Voorhis": the fuller name seen before.
                let fuller = if *ty == EntityType::Person && !self.by_key.contains_key(&fold(name))
                {
                    self.fuller_name(name, pos)
                } else {
                    None
                };
                let ent = fuller.unwrap_or_else(|| self.intern_written(name, *ty));
                self.ents[ent].weak = false;
                named(self, ent)
            }
            Subject::Surname(word) => self
                .resolve_surname(word, pos)
                .and_then(|ent| named(self, ent)),
            Subject::Pronoun(p) => match self.resolve_pronoun(*p, pos, para) {
                Some(ent) => {
                    // "he" settles an unknown gender for the rest of the article.
                    let gender = match p {
                        Pronoun::He => Some('m'),
                        Pronoun::She => Some('f'),
                        _ => None,
                    };
                    if self.ents[ent].gender.is_none() {
                        self.ents[ent].gender = gender;
                    }
                    named(self, ent)
                }
                None => Some(Who::default()),
            },
            Subject::Description(d) => match self.resolve_description(d, pos, para) {
                Some(ent) => named(self, ent),
                None => Some(Who {
                    unnamed: Some(d.phrase.clone()),
                    ..Who::default()
                }),
            },
            Subject::Place(phrase) => match self.resolve_surname(phrase, pos) {
                // A town that is also the surname of someone in the story ("Lai said").
                Some(ent) if !phrase.contains(' ') => named(self, ent),
                _ => Some(Who {
                    unnamed: Some(phrase.clone()),
                    ..Who::default()
                }),
            },
            Subject::Unnamed(phrase) => Some(Who {
                unnamed: Some(phrase.clone()),
                ..Who::default()
            }),
            Subject::Outlet(id) => {
                let ent = self.intern_entry(gaz, *id);
                named(self, ent)
            }
        }
    }

    /// The existing entity a written name or surname refers to, without creating one.
    pub fn find(&self, subject: &Subject, pos: usize) -> Option<usize> {
        match subject {
            Subject::Written { name, .. } => self.by_key.get(&fold(name)).copied(),
            Subject::Surname(word) => self.resolve_surname(word, pos),
            _ => None,
        }
    }

    fn compatible(&self, ent: usize, p: Pronoun) -> bool {
        let e = &self.ents[ent];
        if e.weak {
            return false;
        }
        match p {
            Pronoun::He => e.ty == EntityType::Person && e.gender != Some('f'),
            Pronoun::She => e.ty == EntityType::Person && e.gender != Some('m'),
            Pronoun::They | Pronoun::It => e.ty == EntityType::Organization,
            Pronoun::Other => false,
        }
    }

    fn resolve_pronoun(&self, p: Pronoun, pos: usize, para: usize) -> Option<usize> {
        match p {
            Pronoun::Other => None,
            Pronoun::They | Pronoun::It => {
                // Only when the latest subject was an organization ("the Kremlin said … it said").
                let last = self.subjects.iter().rev().find(|e| e.pos < pos)?;
                if last.para + 1 < para {
                    return None;
                }
                last.ent.filter(|&ent| self.compatible(ent, p))
            }
            Pronoun::He | Pronoun::She => {
                let in_window = |e: &&Event| e.pos < pos && e.para + PRONOUN_WINDOW >= para;
                // Someone of unknown gender is only a candidate close by.
                let near = |e: &Event| {
                    e.ent.is_some_and(|ent| self.ents[ent].gender.is_some()) || e.para + 1 >= para
                };
                // Someone named as a subject in the pronoun's own paragraph, before it, of the
                // pronoun's gender, outranks anyone of an earlier paragraph: a quote stays
                // within its paragraph.
                let gender = if p == Pronoun::He { 'm' } else { 'f' };
                let own_para = || {
                    let before = self.mentions.partition_point(|e| e.pos < pos);
                    self.mentions[..before]
                        .iter()
                        .rev()
                        .take(MAX_SCAN)
                        .take_while(|e| e.para == para)
                        .filter(|e| e.subject_like)
                        .filter_map(|e| e.ent)
                        .find(|&ent| {
                            self.compatible(ent, p) && self.ents[ent].gender == Some(gender)
                        })
                };
                let mut own_para_checked = false;
                for e in self.subjects.iter().rev().take(MAX_SCAN) {
                    if e.pos >= pos {
                        continue;
                    }
                    if e.para < para && !own_para_checked {
                        own_para_checked = true;
                        if let Some(ent) = own_para() {
                            return Some(ent);
                        }
                    }
                    if !in_window(&e) {
                        break;
                    }
                    if e.blocks {
                        return None;
                    }
                    if let Some(ent) = e.ent.filter(|&ent| near(e) && self.compatible(ent, p)) {
                        return Some(ent);
                    }
                }
                {
                    let before = self.mentions.partition_point(|e| e.pos < pos);
                    self.mentions[..before]
                        .iter()
                        .rev()
                        .take(MAX_SCAN)
                        .take_while(|e| e.para + PRONOUN_WINDOW >= para)
                        .filter(|e| near(e))
                        .filter_map(|e| e.ent)
                        .find(|&ent| self.compatible(ent, p))
                }
            }
        }
    }

    /// The latest position of `ent` before `pos`, or, failing that, its first one after.
    fn nearest(&self, ent: usize, pos: usize) -> Option<(bool, usize)> {
        let positions = &self.ents[ent].positions;
        let at = positions.partition_point(|&p| p < pos);
        match at.checked_sub(1) {
            Some(before) => Some((true, positions[before])),
            None => positions.first().map(|&p| (false, p)),
        }
    }

    /// Picks among candidates: the most recent one before `pos`, else (cataphora, as in a
    /// headline naming "Shoigu" before the body's "Sergei Shoigu") the first one after.
    fn pick(
        &self,
        candidates: impl Iterator<Item = usize>,
        pos: usize,
        allow_after: bool,
    ) -> Option<usize> {
        let mut best: Option<(bool, usize, usize)> = None;
        for ent in candidates {
            let Some((before, p)) = self.nearest(ent, pos) else {
                continue;
            };
            if !before && !allow_after {
                continue;
            }
            let better = match best {
                None => true,
                Some((b_before, b_p, _)) => match (before, b_before) {
                    (true, false) => true,
                    (false, true) => false,
                    (true, true) => p > b_p,
                    (false, false) => p < b_p,
                },
            };
            if better {
                best = Some((before, p, ent));
            }
        }
        best.map(|(_, _, ent)| ent)
    }

    /// A person whose name contains every word of `name` and more.
    fn fuller_name(&self, name: &str, pos: usize) -> Option<usize> {
        let words = name_tokens(name);
        let last = words.last()?;
        let carriers: &[usize] = self.by_token.get(last).map_or(&[], Vec::as_slice);
        let candidates: Vec<usize> = carriers
            .iter()
            .copied()
            .filter(|&ent| {
                let e = &self.ents[ent];
                e.ty == EntityType::Person
                    && e.tokens.len() > words.len()
                    && words.iter().all(|w| e.tokens.contains(w))
            })
            .collect();
        self.pick(candidates.into_iter(), pos, true)
    }

    fn resolve_surname(&self, word: &str, pos: usize) -> Option<usize> {
        let key = fold(word);
        if key.chars().count() < 2 {
            return None;
        }
        let carriers: &[usize] = self.by_token.get(&key).map_or(&[], Vec::as_slice);
        let full = |weak: bool| -> Vec<usize> {
            carriers
                .iter()
                .copied()
                .filter(|&ent| {
                    let e = &self.ents[ent];
                    e.weak == weak && e.tokens.len() >= 2 && e.tokens.contains(&key)
                })
                .collect()
        };
        // A lone surname introduced with an honorific ("Mr. Obama") is the last fallback.
        let strong = full(false);
        let weak = full(true);
        self.pick(strong.into_iter(), pos, true)
            .or_else(|| self.pick(weak.into_iter(), pos, true))
            .or_else(|| {
                let single = carriers
                    .iter()
                    .copied()
                    .filter(|&ent| self.ents[ent].tokens == [key.clone()]);
                self.pick(single, pos, true)
            })
    }

    fn resolve_description(&self, d: &Description, pos: usize, para: usize) -> Option<usize> {
        let candidates = (0..self.ents.len()).filter(|&ent| {
            let e = &self.ents[ent];
            if d.org {
                let name = fold(&e.name);
                let mods_ok = d.mods.iter().all(|m| name.contains(m.as_str()));
                return e.ty == EntityType::Organization
                    && name.contains(d.head.as_str())
                    && mods_ok;
            }
            if e.ty != EntityType::Person || e.weak {
                return false;
            }
            let role_ok = e.roles.iter().any(|r| same_role(r, &d.head));
            let mods_ok = d
                .mods
                .iter()
                .all(|m| e.roles.contains(m) || e.tokens.contains(m));
            let country_ok = match &d.country {
                Some(code) => e.countries.is_empty() || e.countries.contains(code),
                None => true,
            };
            role_ok && mods_ok && country_ok
        });
        // A headline description ("Mali's foreign minister hails …") may name someone the body
        // introduces later.
        self.pick(candidates, pos, para == 0)
    }
}

/// Role words that refer to the same office.
fn same_role(role: &str, head: &str) -> bool {
    let spokes = |w: &str| matches!(w, "spokesman" | "spokeswoman" | "spokesperson");
    role == head || spokes(role) && spokes(head) || role.split('-').any(|part| part == head)
}

fn push_words(out: &mut Vec<String>, text: &str) {
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let word = fold(word);
        if !word.is_empty() && !out.contains(&word) {
            out.push(word);
        }
    }
}

/// Folded name words of at least two letters, without particles.
fn name_tokens(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in name.split(|c: char| c.is_whitespace() || c == ',') {
        let word = names::normalise(word);
        let folded = fold(&word);
        if folded.chars().count() >= 2
            && !particles::is_listed(lex::flags_of(&word))
            && !out.contains(&folded)
        {
            out.push(folded);
        }
    }
    out
}

fn is_inner_particle(doc: &Doc, gaz: &Gazetteer, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| particles::is_listed(t.flags))
        && !doc.is_capitalised(i)
        && names::is_name_token(doc, gaz, i + 1)
}

/// Whether the name `[a, b)` stands where a clause's subject can: not a possessive and not
/// after a lowercase preposition.
fn subject_like(doc: &Doc, a: usize, b: usize) -> bool {
    let after_preposition =
        a > 0 && doc.has(a - 1, lex::PREP) && doc.is_word(a - 1) && !doc.is_capitalised(a - 1);
    b > a && !doc.is_possessive(b - 1) && !after_preposition
}

/// Whether the name `[a, b)` is marked as a person: a title or role before it, an apposition or
/// a colon after it, or a speech verb next to it.
fn person_evidence(doc: &Doc, a: usize, b: usize) -> bool {
    let titled = a > 0 && doc.has(a - 1, lex::TITLE | lex::ROLE) && !doc.has(a - 1, lex::DET);
    let apposition = doc.is_punct(b, ',')
        && (doc.has(
            b + 1,
            lex::DET | lex::RELATIVE | lex::TITLE | lex::ROLE | lex::MOD,
        ) || doc.is_possessive(b + 1)
            || names::is_party_label(doc, b + 1)
            || doc.is_word(b + 1) && !doc.is_capitalised(b + 1) && doc.tokens[b + 1].cue.is_none());
    let finite = |t: usize| {
        matches!(
            doc.tokens.get(t).and_then(|t| t.cue),
            Some((_, CueForm::Past | CueForm::Third))
        )
    };
    let mut after = b;
    while after < doc.tokens.len()
        && after - b < 3
        && (doc.has(after, lex::ADV) || doc.is(after, "has"))
    {
        after += 1;
    }
    let cue_after = finite(after);
    let cue_before =
        a >= 2 && finite(a - 1) && (doc.is_punct(a - 2, ',') || doc.quote(a - 2).is_some());
    let colon = doc.is_punct(b, ':');
    // "Gwen Moore (D-Wis.)": a party and state label.
    let label = doc.is_punct(b, '(') && doc.is_word(b + 1) && doc.word(b + 1).contains('-');
    titled || apposition || cue_after || cue_before || colon || label
}
