//! Speaker attribution: who is quoted or paraphrased, and what they said.
//!
//! It reads the text layer's [`Doc`](crate::text::doc::Doc): quote spans, tokens (each quote
//! one opaque token), paragraph blocks, sentences and datelines, each word with its word-class
//! bits and speech-verb form. The steps, one module each:
//! - `clauses`: whether a verb is a finite cue here and where its reported clause runs.
//! - `subjects`, `classify`, `names`: the speaker phrase next to a cue (`subjects`) and what
//!   it names (`classify`: titles stripped, appositions skipped, organizations composed,
//!   unnamed sources, relaying agencies); `names` holds what both share.
//! - `direct`: the attribution of a direct quote, before, after or around it.
//! - `indirect`: indirect speech and the constructions around it (inverted cues, "according
//!   to", "quoted as saying", participles, interviewers, noun cues).
//! - `coref`: the article's cast; pronouns, descriptions and surnames resolved against it.
//!
//! This module reads sentences in order. For each direct quote it looks for an attribution
//! right after it (`"…," NAME said`, `"…," said NAME`), right before it (`NAME said: "…"`,
//! `NAME, TITLE: "…"`), then in its sentence (a long partial quote inside reported speech),
//! then continues the previous speaker (`"…," he said. "…"` and quote-only paragraphs). Cues
//! not used by a direct quote give indirect speech: `NAME said (that) …`, `…, NAME said.`,
//! `according to NAME`, `X quoted NAME as saying …`, `remarks by NAME`, `As NAME noted, …`,
//! `NAME called the plan "a disaster"`, `with NAME saying …`, `asked by NAME whether …`.
//!
//! A speaker the gazetteer lacks is kept under the name written, down to a lone surname the
//! article never spells out ("McLenney said"), when the word reads as a proper name; a body
//! named after its principal ("the Obama administration") speaks as an organization.

mod classify;
mod clauses;
mod coref;
mod direct;
mod indirect;
mod names;
mod subjects;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use crate::{Mention, Quote, QuoteKind};
use newsfacet_gazetteer::words::{self, WordSet};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_gazetteer::{kind, EntityType};

use crate::text::cues::{self, CueForm, CueVerb, Req};
use crate::text::doc::{Doc, Kind, Sentence};
use crate::text::lexicon as lex;
use coref::{Registry, Who};
use names::{Found, Subject};

/// Finds every attributed statement in `text` (the tagged text: title, blank line, body).
///
/// `mentions` are the gazetteer matches in `text`, sorted by start; they let attribution
/// canonicalise speakers ("Shoygu" → Sergei Shoigu) and resolve pronouns to the last named
/// person. Speakers not in the gazetteer are kept under the name as written. Quotes come back in
/// text order; `speaker` is set only for named people and organizations, `unnamed` for sources
/// described without a name.
pub fn attribute(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> Vec<Quote> {
    let doc = Doc::new(text, mentions);
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let registry = Registry::build(&doc, gazetteer);
    let mut run = Run::new(&doc, gazetteer, registry);
    for index in 0..doc.sentences.len() {
        run.sentence(index);
    }
    let mut quotes = drop_relays(text, run.out, gazetteer);
    quotes.sort_by_key(|q| q.start);
    quotes
}

/// Words by which an outlet names whose words it passes on ("TASS reported, citing …").
static CITING_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::RELAY_CITING_WORDS));

/// Words in an outlet's report that make it a report of someone's speech ("His comments came
/// during a visit …, TASS reported").
static SPEECH_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::RELAY_SPEECH_WORDS));

/// A news outlet's report is its own statement ("Xinhua said the talks were fruitful") unless
/// it relays someone else's: another attributed statement inside its content ("Shoigu warned
/// Japan, TASS reported"), or words of speech in its sentence ("citing", "his comments").
/// Relays are dropped: the outlet is the messenger, not the speaker.
fn drop_relays(text: &str, quotes: Vec<Quote>, gazetteer: &Gazetteer) -> Vec<Quote> {
    let is_outlet = |q: &Quote| {
        q.speaker_type == Some(EntityType::Organization)
            && q.speaker.as_deref().is_some_and(|name| {
                gazetteer
                    .resolve(name, EntityType::Organization)
                    .is_some_and(|e| e.is_publisher())
                    || publication_short_form(gazetteer, name)
            })
    };
    let span = |q: &Quote| (q.start, q.start + q.text.len());
    let relays: Vec<bool> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if !is_outlet(q) {
                return false;
            }
            let (start, end) = span(q);
            let overlaps = quotes.iter().enumerate().any(|(j, other)| {
                let (other_start, other_end) = span(other);
                j != i && other_start < end && start < other_end
            });
            let sentence_start = text[..start.min(text.len())]
                .rfind(['.', '\n'])
                .map_or(0, |i| i + 1);
            let sentence = text.get(sentence_start..end).unwrap_or_default();
            let has = |text: &str, words: &WordSet| {
                text.split(|c: char| !c.is_alphabetic())
                    .any(|w| words.contains(w))
            };
            overlaps || has(sentence, &CITING_WORDS) || has(&q.text, &SPEECH_WORDS)
        })
        .collect();
    quotes
        .into_iter()
        .zip(relays)
        .filter_map(|(q, relay)| (!relay).then_some(q))
        .collect()
}

/// Whether `name`, one word, is a publication's short form: the first or last word of a
/// publisher's name of two words or more, "The" aside ("Globe" of "The Boston Globe" and "The
/// Globe and Mail", "Post" of "The Washington Post"). It reports as an outlet does.
fn publication_short_form(gazetteer: &Gazetteer, name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && gazetteer.is_publisher_short_form(&newsfacet_gazetteer::fold::fold(name))
}

/// An attribution found for one statement.
struct Attr {
    found: Found,
    /// Cue token, when there is a verb (none for `NAME, TITLE: "…"`).
    cue: Option<usize>,
    /// The cue as it should be reported ("said", "called for", "according to").
    cue_text: Option<String>,
}

/// An indirect statement emitted for the current sentence, kept to truncate it when a later
/// independent clause starts inside it.
struct Content {
    start: usize,
    end: usize,
    out_index: usize,
}

/// State of one attribution pass over an article.
struct Run<'d, 'a> {
    doc: &'d Doc<'a>,
    gaz: &'d Gazetteer,
    reg: Registry,
    out: Vec<Quote>,
    /// The latest attributed statement: (paragraph block, speaker).
    last: Option<(usize, Who)>,
    /// Paragraph blocks that contain a speech verb.
    para_has_cue: Vec<bool>,
    /// Whether block 0 reads as a headline (no final period), where verbs take headline forms.
    title_like: bool,
    /// The latest verb of the current sentence and its subject, for coordinated verbs.
    clause_subject: Option<(usize, Found)>,
}

impl<'d, 'a> Run<'d, 'a> {
    fn new(doc: &'d Doc<'a>, gaz: &'d Gazetteer, reg: Registry) -> Self {
        let blocks = doc.para_starts.len();
        let mut para_has_cue = vec![false; blocks];
        for (i, token) in doc.tokens.iter().enumerate() {
            let finite = matches!(token.cue, Some((_, CueForm::Past | CueForm::Third)));
            let according = doc.is(i, "according") && doc.is(i + 1, "to");
            if (finite || according) && token.mention.is_none() {
                if let Some(flag) = para_has_cue.get_mut(token.para) {
                    *flag = true;
                }
            }
        }
        let title_end = doc.para_starts.get(1).copied().unwrap_or(doc.tokens.len());
        // Title case ("Clinton Urges Calm After Vote.") marks a headline even with a final
        // period: most longer words capitalised.
        let (long_words, capitalised) = (0..title_end)
            .filter(|&t| doc.is_word(t) && doc.word(t).chars().count() >= 4)
            .fold((0usize, 0usize), |(n, c), t| {
                (n + 1, c + usize::from(doc.is_capitalised(t)))
            });
        let title_case = long_words >= 3 && capitalised * 10 >= long_words * 8;
        let title_like = blocks > 1
            && title_end > 0
            && title_end < 60
            && (title_case || !matches!(doc.tokens[title_end - 1].kind, Kind::Punct('.')));
        Run {
            doc,
            gaz,
            reg,
            out: Vec::new(),
            last: None,
            para_has_cue,
            title_like,
            clause_subject: None,
        }
    }

    /// Resolves a speaker phrase against the cast. A lone name nobody in the article carries
    /// in full ("McLenney said …") is still a speaker under the name written, when the word
    /// reads as a proper name: the attribution pattern is the evidence.
    fn resolve(&mut self, found: &Found, para: usize) -> Option<Who> {
        let at = self.doc.tokens[found.start].start;
        if para == 0 && self.title_like {
            // In a headline every word may be capitalised ("Massive Debate Demand"): only
            // names the gazetteer or the article's body knows are speakers there.
            let body = self
                .doc
                .para_starts
                .get(1)
                .and_then(|&t| self.doc.tokens.get(t))
                .map_or("", |t| &self.doc.text[t.start..]);
            let known = match &found.subject {
                Subject::Written { name, .. } => body.contains(name.as_str()),
                Subject::Surname(word) => body.contains(word.as_str()),
                _ => true,
            };
            if !known {
                return None;
            }
            // A headline quotes only someone it names: a country, a description or a pronoun
            // there speaks by metonymy or refers to nobody yet ("Russia reaffirms support for
            // …", "Minister says …").
            return self
                .reg
                .resolve(self.gaz, &found.subject, at, para)
                .filter(|who| who.speaker.is_some());
        }
        if let Some(word) = self.town_surname(found) {
            let subject = Subject::Surname(word.clone());
            if let Some(who) = self.reg.resolve(self.gaz, &subject, at, para) {
                return Some(who);
            }
            let ent = self.reg.intern_written(&word, EntityType::Person);
            let name = self.reg.ents[ent].name.clone();
            let subject = Subject::Written {
                name,
                ty: EntityType::Person,
            };
            return self.reg.resolve(self.gaz, &subject, at, para);
        }
        let who = self.reg.resolve(self.gaz, &found.subject, at, para);
        if who.is_some() {
            return who;
        }
        let Subject::Surname(word) = &found.subject else {
            return None;
        };
        if !classify::is_unknown_name(self.doc, found.start, found.end) {
            // "Protestors said": an ordinary word names a group, not a person.
            let group =
                found.end == found.start + 1 && names::is_plural_noun(self.doc, found.start);
            return group.then(|| Who {
                unnamed: Some(word.clone()),
                ..Who::default()
            });
        }
        let ent = self.reg.intern_written(word, EntityType::Person);
        self.reg.resolve(
            self.gaz,
            &Subject::Written {
                name: self.reg.ents[ent].name.clone(),
                ty: EntityType::Person,
            },
            at,
            para,
        )
    }

    /// "Murphy said", "Clinton tweeted": a one-word town that speaks is a person's surname;
    /// towns do not issue statements the way capitals and countries do by metonymy.
    /// Returns the surname ("Ms. Gao" → "Gao").
    fn town_surname(&self, found: &Found) -> Option<String> {
        let doc = self.doc;
        let name = found.end.checked_sub(1)?;
        let one_word =
            name == found.start || name == found.start + 1 && doc.has(found.start, lex::HONORIFIC);
        // A town after a preposition ("In nearby Decatur, …, said …") is the place it names.
        let located = (found.start.saturating_sub(2)..found.start).any(|p| {
            doc.is_word(p)
                && matches!(
                    doc.word(p).to_ascii_lowercase().as_str(),
                    "in" | "at" | "near" | "from" | "outside" | "of" | "to"
                )
        });
        let town = matches!(found.subject, Subject::Place(_))
            && one_word
            && !located
            && doc.mention(name).is_some_and(|m| {
                let entry = self.gaz.entry(m.entry);
                entry.kind == kind::CITY && !entry.capital
            })
            && classify::is_unknown_name(doc, found.start, found.end);
        town.then(|| names::normalise(doc.word(name)))
    }

    fn push(
        &mut self,
        text: String,
        start: usize,
        who: &Who,
        kind: QuoteKind,
        cue: Option<String>,
        para: usize,
    ) -> usize {
        let (speaker, speaker_type) = match &who.speaker {
            Some((name, ty)) => (Some(name.clone()), Some(*ty)),
            None => (None, None),
        };
        self.out.push(Quote {
            text,
            speaker,
            speaker_type,
            unnamed: who.unnamed.clone(),
            kind,
            cue,
            start,
        });
        // The latest statement, attributed or not: a following quote-only paragraph continues
        // it, and an unknown speaker must not let an older one continue instead.
        self.last = Some((para, who.clone()));
        self.out.len() - 1
    }

    // ----- one sentence -----------------------------------------------------------------

    fn sentence(&mut self, index: usize) {
        let s = self.doc.sentences[index];
        if s.dateline {
            return;
        }
        let doc = self.doc;
        self.clause_subject = None;
        let first_out = self.out.len();
        let mut consumed: Vec<usize> = Vec::new();
        for q in s.start..s.end {
            if matches!(doc.tokens[q].kind, Kind::Quote(_)) {
                if let Some(cue) = self.direct(q, &s) {
                    consumed.push(cue);
                }
            }
        }
        let mut contents: Vec<Content> = Vec::new();
        let mut gerunds_used: Vec<usize> = Vec::new();
        let mut finite_seen = false;
        for t in s.start..s.end {
            if !doc.is_word(t) || consumed.contains(&t) {
                if consumed.contains(&t) {
                    finite_seen = true;
                }
                continue;
            }
            if doc.is(t, "according") && doc.is(t + 1, "to") {
                self.according(t, &s);
                continue;
            }
            let Some((v, form)) = doc.tokens[t].cue else {
                continue;
            };
            let verb = cues::verb_of(v);
            if matches!(verb.req, Req::QuotedAs) {
                if let Some(g) = self.quoted_as(t, &s) {
                    gerunds_used.push(g);
                }
                continue;
            }
            // The progressive ("is pledging") is a finite verb; other participles are not.
            let progressive = form == CueForm::Gerund && self.finite_cue(t, &s).is_some();
            if form == CueForm::Gerund && !progressive {
                let inside = contents.iter().any(|ct| ct.start <= t && t < ct.end);
                if gerunds_used.contains(&t) || inside || self.absolute_participle(t, &s) {
                    continue;
                }
                if !finite_seen {
                    self.participle(t, &s);
                }
                continue;
            }
            if self.asked_by(t, &s) {
                continue;
            }
            if let Some(verb) = self.finite_cue(t, &s) {
                finite_seen = true;
                self.indirect(t, verb, &s, &mut contents);
            }
        }
        // A noun of speech in a sentence that already reports someone's speech is its topic
        // ("the spokesperson dismissed criticism by Shoygu as unfounded"), not a second
        // statement: the sentence is the spokesperson's words, never Shoygu's.
        if self.out.len() == first_out {
            let mut spoken: Vec<usize> = Vec::new();
            for t in s.start..s.end {
                if doc.has(t, lex::NOUN_CUE) && !consumed.contains(&t) && doc.is_word(t) {
                    if let Some(ent) = self.noun_cue(t, &s, &spoken) {
                        spoken.push(ent);
                    }
                }
            }
        }
        if self.out.len() == first_out {
            self.track_subject(&s);
        }
    }

    /// Keeps the sentence's subject salient for later pronouns even when it says nothing
    /// ("Putin toured the yard. … he said").
    fn track_subject(&mut self, s: &Sentence) {
        let doc = self.doc;
        let mut a = s.start;
        let opener = doc.is_word(a)
            && (doc.has(a, lex::STOP) && !doc.has(a, lex::DET) || doc.word(a).ends_with("ing"));
        if opener {
            if let Some(comma) = (a..(a + 20).min(s.end)).find(|&j| doc.is_punct(j, ',')) {
                a = comma + 1;
            }
        }
        let mut e = names::np_end(doc, a, s.end);
        if e == a {
            return;
        }
        if e == a + 1 && doc.has(a, lex::DET) && doc.is_word(a + 1) && !doc.is_capitalised(a + 1) {
            // "The woman's enthusiasm", "The farmer": a common noun after the determiner.
            e = a + 2;
        }
        let at = doc.tokens[a].start;
        let subject = if doc.is_possessive(e - 1) {
            // "The woman's enthusiasm …": someone unnamed is now the one "she" refers to.
            if !doc.is_capitalised(e - 1) && doc.has(a, lex::DET) && e - a <= 3 {
                self.reg.subject(None, at, s.para, true);
                return;
            }
            classify::possessor(doc, self.gaz, a, e - 1)
        } else {
            classify::classify(doc, self.gaz, a, e)
        };
        if subject.as_ref().is_some_and(blocks_pronouns) {
            self.reg.subject(None, at, s.para, true);
            return;
        }
        let ent = match subject {
            Some(Subject::Entry(id)) => Some(self.reg.intern_entry(self.gaz, id)),
            Some(subject @ (Subject::Written { .. } | Subject::Surname(_))) => {
                self.reg.find(&subject, at)
            }
            _ => None,
        };
        if let Some(ent) = ent {
            if matches!(
                self.reg.ents[ent].ty,
                EntityType::Person | EntityType::Organization
            ) {
                self.reg.subject(Some(ent), at, s.para, false);
            }
        }
    }
}

/// Whether a subject is one unnamed person ("a spokesperson", "the woman", "his lawyer"), who
/// then stands between a later "he"/"she" and the people named before.
fn blocks_pronouns(subject: &Subject) -> bool {
    let phrase = match subject {
        Subject::Unnamed(phrase) => phrase,
        Subject::Description(d) if !d.org => &d.phrase,
        _ => return false,
    };
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let head = words
        .iter()
        .find(|w| lex::flags_of(w) & (lex::UNNAMED | lex::ROLE | lex::PEOPLE | lex::TITLE) != 0)
        .or(words.last());
    head.is_some_and(|w| {
        let flags = lex::flags_of(w);
        let plural = flags & lex::PLURAL != 0
            || flags & lex::PEOPLE != 0 && !w.eq_ignore_ascii_case("person");
        !plural && !w.ends_with('s') && w.chars().next().is_some_and(char::is_lowercase)
    })
}
