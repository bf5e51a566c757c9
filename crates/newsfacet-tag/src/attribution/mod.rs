//! Speaker attribution: who is quoted or paraphrased, and what they said.
//!
//! The pipeline, one module per step:
//! - `quotes`: paragraphs, the reader-comments cut-off and direct-quote spans (double,
//!   curly, guillemet and context-checked single marks; quotes running over paragraphs).
//! - `doc`: tokens (each quote one opaque token), paragraph blocks, sentences, datelines.
//! - `cues`: the speech-verb lexicon and what each verb needs to report speech.
//! - `names`: the speaker phrase next to a cue and what it names (titles stripped,
//!   appositions skipped, organizations composed, unnamed sources, relaying agencies).
//! - `coref`: the article's cast; pronouns, descriptions and surnames resolved against it.
//! - `indirect`: indirect speech and the constructions around it (inverted cues, "according
//!   to", "quoted as saying", participles, interviewers, noun cues).
//!
//! This module reads sentences in order. For each direct quote it looks for an attribution
//! right after it (`"…," NAME said`, `"…," said NAME`), right before it (`NAME said: "…"`,
//! `NAME, TITLE: "…"`), then in its sentence (a long partial quote inside reported speech),
//! then continues the previous speaker (`"…," he said. "…"` and quote-only paragraphs). Cues
//! not used by a direct quote give indirect speech: `NAME said (that) …`, `…, NAME said.`,
//! `according to NAME`, `X quoted NAME as saying …`, `NAME's remarks`, `As NAME noted, …`,
//! `NAME called the plan "a disaster"`, `with NAME saying …`, `asked by NAME whether …`.
//!
//! A speaker the gazetteer lacks is kept under the name written, down to a lone surname the
//! article never spells out ("McLenney said"), when the word reads as a proper name; a body
//! named after its principal ("the Obama administration") speaks as an organization.

mod coref;
mod cues;
mod doc;
mod indirect;
pub(crate) mod lexicon;
mod names;
mod quotes;
#[cfg(test)]
mod tests;

use crate::{Mention, Quote, QuoteKind};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_gazetteer::{kind, EntityType};

use coref::{Registry, Who};
use cues::{CueForm, CueVerb, Req};
use doc::{Doc, Kind, Sentence};
use lexicon as lex;
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
const CITING_WORDS: &[&str] = &["citing", "quoting", "quoted"];

/// Words in an outlet's report that make it a report of someone's speech ("His comments came
/// during a visit …, TASS reported").
const SPEECH_WORDS: &[&str] = &[
    "comments",
    "comment",
    "remarks",
    "remark",
    "statement",
    "statements",
    "said",
    "says",
    "told",
    "interview",
    "speech",
];

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
            let has = |text: &str, words: &[&str]| {
                text.split(|c: char| !c.is_alphabetic())
                    .any(|w| words.contains(&w))
            };
            overlaps || has(sentence, CITING_WORDS) || has(&q.text, SPEECH_WORDS)
        })
        .collect();
    quotes
        .into_iter()
        .zip(relays)
        .filter_map(|(q, relay)| (!relay).then_some(q))
        .collect()
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

    fn in_title(&self, s: &Sentence) -> bool {
        s.para == 0 && self.title_like
    }

    // ----- cue checks -------------------------------------------------------------------

    /// The previous word before `t`, skipping lowercase adverbs, not before `lo`.
    fn prev_word(&self, t: usize, lo: usize) -> Option<usize> {
        let doc = self.doc;
        let mut k = t;
        let floor = lo.max(t.saturating_sub(6));
        while k > floor {
            k -= 1;
            let adverb = doc.is_word(k)
                && !doc.is_capitalised(k)
                && (doc.has(k, lex::ADV) && !doc.has(k, lex::TIME)
                    || lex::is_ly_adverb(doc.word(k)));
            if !adverb {
                return Some(k);
            }
        }
        None
    }

    /// The speech verb at `t` when it works as a finite verb here (not a noun, not passive,
    /// not after a modal), with its particle when it needs one.
    fn finite_cue(&self, t: usize, s: &Sentence) -> Option<&'static CueVerb> {
        let doc = self.doc;
        let token = doc.tokens.get(t)?;
        let (v, form) = token.cue?;
        if token.mention.is_some() || t >= s.end {
            return None;
        }
        let title = self.in_title(s);
        // Mid-sentence capitals are names ("Edward Said"), except in title-case headlines.
        if doc.is_capitalised(t) && !title && t != s.start {
            return None;
        }
        let verb = cues::verb_of(v);
        if matches!(verb.req, Req::QuotedAs) || verb.lemma == "according" {
            return None;
        }
        if let Req::Particle(words) = verb.req {
            if !words.iter().any(|w| doc.is(t + 1, w)) && !self.calls_names(t, verb, s) {
                return None;
            }
        }
        let prev = self.prev_word(t, s.start);
        let prev_lower = prev
            .filter(|&p| doc.is_word(p))
            .map(|p| doc.word(p).to_ascii_lowercase());
        let passive = matches!(
            prev_lower.as_deref(),
            Some("was" | "were" | "is" | "are" | "be" | "been" | "being")
        );
        // "Questions and answers have been edited": a plural noun before its own verb.
        let noun_before_verb = form == CueForm::Third && doc.has(t + 1, lex::AUX | lex::MODAL);
        let ok = match form {
            CueForm::Past | CueForm::Third => !passive && !noun_before_verb,
            CueForm::Participle => matches!(prev_lower.as_deref(), Some("has" | "have" | "had")),
            CueForm::Base => {
                let blocked = prev.is_none_or(|p| {
                    doc.has(p, lex::MODAL | lex::DET | lex::AUX) || !doc.is_word(p)
                });
                !passive && !blocked && (title || verb.plural)
            }
            // "Sanders is pledging to …", "she was telling them …": the progressive.
            CueForm::Gerund => matches!(prev_lower.as_deref(), Some("is" | "are" | "was" | "were")),
        };
        ok.then_some(verb)
    }

    /// `X called the plan "a disaster"`, `X called Trump a fascist`: "call" naming its object
    /// with a quoted word or an indefinite noun phrase is a speech act. "X called Putin on
    /// Tuesday" (a phone call) and "called a news conference" are not: the object must be a
    /// name, a pronoun or a definite phrase, followed by a quote or "a"/"an".
    fn calls_names(&self, t: usize, verb: &CueVerb, s: &Sentence) -> bool {
        let doc = self.doc;
        if verb.lemma != "call" {
            return false;
        }
        let o = t + 1;
        // "… which Tim Cook called ''total political crap''": the object went before.
        if o < s.end && matches!(doc.tokens[o].kind, Kind::Quote(_)) {
            return true;
        }
        if o >= s.end || !doc.is_word(o) || doc.is(o, "a") || doc.is(o, "an") {
            return false;
        }
        // The object: a few words ("Trump", "the proposal", "half of Trump's supporters"),
        // no verb, no clause word, no punctuation.
        let mut e = o;
        while e < s.end && e - o < 7 && doc.is_word(e) && doc.tokens[e].cue.is_none() {
            let clause_word = doc.has(e, lex::FUNCTION)
                && !doc.has(e, lex::DET | lex::PRONOUN)
                && !doc.is(e, "of");
            if e > o && (clause_word || doc.is(e, "a") || doc.is(e, "an")) {
                break;
            }
            e += 1;
        }
        if e == o || e >= s.end {
            return false;
        }
        let indefinite = (doc.is(e, "a") || doc.is(e, "an"))
            && e - o <= 4
            && matches!(
                doc.tokens.get(e + 1).map(|t| t.kind),
                Some(Kind::Word | Kind::Quote(_))
            );
        matches!(doc.tokens[e].kind, Kind::Quote(_)) || indefinite
    }

    /// The cue as reported: the verb, with its particle ("called for", "pointed out").
    fn cue_text(&self, t: usize, verb: &CueVerb) -> String {
        let word = self.doc.word(t).to_lowercase();
        match verb.req {
            Req::Particle(_) if self.has_particle(t, verb) => {
                format!("{word} {}", self.doc.word(t + 1).to_lowercase())
            }
            _ => word,
        }
    }

    /// Whether the verb at `t` is followed by its particle ("called for"), rather than used
    /// without one ("called the plan "a disaster"").
    fn has_particle(&self, t: usize, verb: &CueVerb) -> bool {
        match verb.req {
            Req::Particle(words) => words.iter().any(|w| self.doc.is(t + 1, w)),
            _ => false,
        }
    }

    /// Skips adverbs and time expressions forward from `k` ("on Tuesday", "earlier this week").
    fn skip_forward_fillers(&self, mut k: usize, end: usize) -> usize {
        let doc = self.doc;
        let end = end.min(k + 12);
        while k < end {
            let adverb = doc.is_word(k)
                && !doc.is_capitalised(k)
                && (doc.has(k, lex::ADV) || lex::is_ly_adverb(doc.word(k)));
            if adverb || names::is_time_word(doc, k) && !doc.is(k, "this") && !doc.is(k, "that") {
                k += 1;
                continue;
            }
            if doc.is(k, "on") && names::is_time_word(doc, k + 1) {
                k += 2;
                continue;
            }
            if doc.is_punct(k, ',') && names::is_time_word(doc, k + 1) {
                k += 1;
                continue;
            }
            break;
        }
        k
    }

    /// The first "that" from `k` before the clause ends (a comma, quote or sentence punctuation).
    fn that_after(&self, k: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        for j in k..end.min(k + 16) {
            match doc.tokens[j].kind {
                Kind::Quote(_) | Kind::Punct('.' | ';' | ':' | '!' | '?' | ',') => return None,
                Kind::Word if doc.is(j, "that") => return Some(j),
                Kind::Word if doc.tokens[j].cue.is_some() => return None,
                _ => {}
            }
        }
        None
    }

    /// Whether word `k` opens an adverbial phrase rather than a reported clause.
    fn is_adjunct_start(&self, k: usize) -> bool {
        let doc = self.doc;
        // "said about 20 people applied", "said more than half": approximate numbers open the
        // reported clause.
        let approximate_number = doc.is_word(k)
            && matches!(doc.word(k), "about" | "around" | "over" | "nearly")
            && doc.is_word(k + 1)
            && doc.word(k + 1).starts_with(|c: char| c.is_ascii_digit());
        doc.is_word(k)
            && !doc.is_capitalised(k)
            && !doc.is(k, "to")
            && !approximate_number
            && (doc.has(k, lex::PREP)
                || matches!(
                    doc.word(k),
                    "before"
                        | "after"
                        | "during"
                        | "while"
                        | "when"
                        | "following"
                        | "as"
                        | "since"
                        | "until"
                        | "upon"
                        | "via"
                        | "through"
                        | "outside"
                ))
    }

    /// Whether the verb at `t` reports speech as indirect speech here.
    fn indirect_ok(&self, t: usize, verb: &CueVerb, s: &Sentence) -> bool {
        let doc = self.doc;
        match verb.req {
            Req::Any | Req::Particle(_) => true,
            Req::Clause => {
                let k = self.skip_forward_fillers(t + 1, s.end);
                // "…, the Journal reported.": the clause came first and the verb ends it.
                let ends_sentence = k >= s.end || doc.is_punct(k, '.');
                doc.is(k, "that")
                    || doc.is_punct(k, ':')
                    || ends_sentence
                    || self.is_adjunct_start(k) && self.that_after(k, s.end).is_some()
            }
            Req::As => (t + 1..(t + 16).min(s.end)).any(|k| doc.is(k, "as")),
            Req::QuotedAs => false,
        }
    }

    /// The reported clause after the verb at `c`: token range, or `None` when the verb has no
    /// clause after it ("said in a statement.").
    fn content_after(&self, c: usize, verb: &CueVerb, s: &Sentence) -> Option<(usize, usize)> {
        let doc = self.doc;
        let mut k = c + 1;
        let particle = self.has_particle(c, verb);
        if particle {
            k += 1;
        }
        k = self.skip_forward_fillers(k, s.end);
        if doc.is(k, "that") {
            k += 1;
        } else if verb.object {
            match self.that_after(k, s.end) {
                Some(that) => k = that + 1,
                None if verb.lemma == "tell" => match self.clause_after_object(k, s.end) {
                    // "told reporters he would run": the clause opens with its subject pronoun.
                    Some(clause) => k = clause,
                    None => return None,
                },
                None if verb.lemma == "ask" => return None,
                None => {}
            }
        } else if self.is_adjunct_start(k) && !particle {
            // "said in a statement that …", "said after the meeting" (no clause).
            k = self.that_after(k, s.end)? + 1;
        } else if doc.is_punct(k, ':') {
            k += 1;
        } else if doc.is_punct(k, ',') || doc.is_punct(k, '.') {
            return None;
        }
        let end = self.clause_end(k, s.end);
        (k < end).then_some((k, end))
    }

    /// After "told": the object ("reporters", "The Associated Press", "him") and then a clause
    /// opening with a subject pronoun ("he would run"). Returns the clause start.
    fn clause_after_object(&self, k: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        let object_end =
            if doc.is_word(k) && matches!(doc.word(k), "him" | "her" | "them" | "us" | "me") {
                k + 1
            } else {
                let e = names::np_end(doc, k, end);
                // "reporters", "the newspaper": a plain plural or a determiner and a noun.
                if doc.has(k, lex::DET) && e <= k + 1 && doc.is_word(k + 1) {
                    k + 2
                } else if e > k {
                    e
                } else if doc.is_word(k) && !doc.has(k, lex::FUNCTION) {
                    k + 1
                } else {
                    return None;
                }
            };
        let subject_pronoun = doc.is_word(object_end)
            && matches!(
                doc.word(object_end),
                "he" | "she" | "they" | "it" | "we" | "I" | "there"
            );
        (object_end - k <= 5 && subject_pronoun).then_some(object_end)
    }

    /// End of a reported clause starting at `k`: the sentence end, a semicolon, without
    /// trailing punctuation.
    fn clause_end(&self, k: usize, end: usize) -> usize {
        let doc = self.doc;
        let mut e = (k..end).find(|&j| doc.is_punct(j, ';')).unwrap_or(end);
        while e > k
            && matches!(
                doc.tokens[e - 1].kind,
                Kind::Punct('.' | ',' | ':' | '!' | '?' | '—' | '-')
            )
        {
            e -= 1;
        }
        e
    }

    /// The subject of the sentence: the noun phrase it opens with, after an introductory phrase
    /// ("Speaking in Kyiv, Zelenskyy …", "During the visit, Putin …").
    fn sentence_subject(&self, s: &Sentence) -> Option<Found> {
        let doc = self.doc;
        let mut a = s.start;
        let opener = doc.is_word(a)
            && (doc.has(a, lex::STOP) && !doc.has(a, lex::DET)
                || !doc.is_capitalised(a)
                || doc.word(a).ends_with("ing"));
        if opener {
            if let Some(comma) = (a..(a + 20).min(s.end)).find(|&j| doc.is_punct(j, ',')) {
                a = comma + 1;
            }
        }
        let e = names::np_end(doc, a, s.end);
        if e == a {
            return None;
        }
        let subject = names::classify(doc, self.gaz, a, e)?;
        Some(Found {
            subject,
            start: a,
            end: e,
        })
    }

    // ----- direct quotes ----------------------------------------------------------------

    /// `"…," NAME said`, `"…," said NAME, TITLE`, `"…," NAME, TITLE, said`, `"…" according to X`.
    fn after_quote(&self, q: usize, s: &Sentence) -> Option<Attr> {
        let doc = self.doc;
        let mut k = q + 1;
        if doc.is_punct(k, ',') {
            k += 1;
        }
        if k >= s.end || !doc.is_word(k) {
            return None;
        }
        if let Some(verb) = self.finite_cue(k, s) {
            let n = if self.has_particle(k, verb) {
                k + 2
            } else {
                k + 1
            };
            let found = names::subject_after(doc, self.gaz, n, s.end)?;
            return Some(Attr {
                found,
                cue: Some(k),
                cue_text: Some(self.cue_text(k, verb)),
            });
        }
        if doc.is(k, "according") && doc.is(k + 1, "to") {
            let found = names::subject_after(doc, self.gaz, k + 2, s.end)?;
            return Some(Attr {
                found,
                cue: Some(k),
                cue_text: Some("according to".into()),
            });
        }
        let mut depth = 0usize;
        for c in k + 1..(k + 30).min(s.end) {
            match doc.tokens[c].kind {
                // "Rep. Gwen Moore (D-Wis.) said": periods inside parentheses end nothing.
                Kind::Punct('(') => depth += 1,
                Kind::Punct(')') => depth = depth.saturating_sub(1),
                Kind::Quote(_) => return None,
                Kind::Punct('.' | '!' | '?' | ';' | ':') if depth == 0 => return None,
                _ => {}
            }
            if let Some(verb) = self.finite_cue(c, s) {
                // A cue-like word inside an apposition ("one of the states suing …") whose
                // subject is not the phrase after the quote: keep looking for the real verb.
                let Some(found) = names::subject_before(doc, self.gaz, k, c) else {
                    continue;
                };
                if found.start == k || self.descriptor_before(k, &found) {
                    return Some(Attr {
                        found,
                        cue: Some(c),
                        cue_text: Some(self.cue_text(c, verb)),
                    });
                }
            }
        }
        None
    }

    /// Whether `[k, found.start)` is a descriptor of the named subject after it: `"…,"
    /// political scientist Jane Roe told …`, `Senate minority leader Harry Reid said`. Only
    /// words (no verb, no determiner, no punctuation but hyphens), at most six, ending in a
    /// lowercase noun or a title, and the subject a full name.
    fn descriptor_before(&self, k: usize, found: &Found) -> bool {
        let doc = self.doc;
        let named = match &found.subject {
            Subject::Entry(_) => true,
            Subject::Written { ty, .. } => {
                *ty == EntityType::Person && found.end - found.start >= 2
            }
            _ => false,
        };
        if !named || found.start <= k || found.start - k > 6 {
            return false;
        }
        let last = found.start - 1;
        let ends_right = doc.is_word(last)
            && (!doc.is_capitalised(last) || doc.has(last, lex::TITLE | lex::ROLE));
        ends_right
            && (k..found.start).all(|t| match doc.tokens[t].kind {
                Kind::Word => {
                    doc.tokens[t].cue.is_none()
                        && (doc.is_capitalised(t) || !doc.has(t, lex::FUNCTION))
                }
                Kind::Punct('-' | '$') => true,
                _ => false,
            })
    }

    /// `NAME said: "…"`, `NAME said that "…"`, `NAME told X: "…"`.
    fn before_quote(&self, q: usize, s: &Sentence) -> Option<Attr> {
        let doc = self.doc;
        if q <= s.start {
            return None;
        }
        let mut j = q - 1;
        let colon = doc.is_punct(j, ':');
        let comma = doc.is_punct(j, ',');
        if (colon || comma) && j > s.start {
            j -= 1;
        }
        if doc.is(j, "that") && j > s.start {
            j -= 1;
        }
        // "Trump attacked Clinton, saying, "…"": the participle's speaker is the clause's.
        if comma || colon {
            if let Some((_, CueForm::Gerund)) = doc.tokens[j].cue {
                let verb = cues::verb_of(doc.tokens[j].cue.map_or(0, |c| c.0));
                if matches!(verb.req, Req::Any | Req::Clause) && j > s.start {
                    let found = match &self.clause_subject {
                        Some((_, found)) => Some(found.clone()),
                        None => self.sentence_subject(s),
                    }?;
                    return Some(Attr {
                        found,
                        cue: Some(j),
                        cue_text: Some(doc.word(j).to_lowercase()),
                    });
                }
            }
        }
        // With a colon or comma the cue may have an object or adjuncts ("told a news
        // conference in Moscow: "…""); without one only time words may stand between.
        let limit = if colon {
            16
        } else if comma {
            10
        } else {
            5
        };
        let colon = colon || comma;
        let floor = (j + 1).saturating_sub(limit).max(s.start);
        for c in (floor..=j).rev() {
            match doc.tokens[c].kind {
                Kind::Quote(_) | Kind::Punct('.' | '!' | '?' | ';') => return None,
                _ => {}
            }
            if !colon && c < j && self.skip_forward_fillers(c + 1, j + 1) <= j {
                // Something other than fillers between this word and the quote.
                if self.finite_cue(c, s).is_some() {
                    return None;
                }
                continue;
            }
            if let Some(verb) = self.finite_cue(c, s) {
                let found = self.verb_subject(c, s)?;
                return Some(Attr {
                    found,
                    cue: Some(c),
                    cue_text: Some(self.cue_text(c, verb)),
                });
            }
        }
        None
    }

    /// The subject of a finite verb at `c`: the phrase before it, or for a coordinated verb
    /// ("… and said") the sentence subject.
    fn verb_subject(&self, c: usize, s: &Sentence) -> Option<Found> {
        let doc = self.doc;
        let prev = self.prev_word(c, s.start);
        if prev.is_some_and(|p| doc.is(p, "and") || doc.is(p, "but")) {
            // "the Pentagon called for calm and said …": the previous verb's subject.
            if let Some((earlier, found)) = &self.clause_subject {
                if *earlier < c {
                    return Some(found.clone());
                }
            }
            return self.sentence_subject(s);
        }
        // "Sanders is pledging …": the subject stands before the auxiliary.
        let progressive = matches!(doc.tokens[c].cue, Some((_, CueForm::Gerund)))
            && prev.is_some_and(|p| ["is", "are", "was", "were"].iter().any(|w| doc.is(p, w)));
        match prev.filter(|_| progressive) {
            Some(aux) => names::subject_before(doc, self.gaz, s.start, aux),
            None => names::subject_before(doc, self.gaz, s.start, c),
        }
    }

    /// `NAME, TITLE: "…"` and `NAME: "…"` (interview and analysis blocks).
    fn colon_block(&self, q: usize, s: &Sentence) -> Option<Attr> {
        let doc = self.doc;
        if q <= s.start || !doc.is_punct(q - 1, ':') {
            return None;
        }
        let a = s.start;
        let e = names::np_end(doc, a, q - 1);
        if e == a {
            return None;
        }
        let rest_ok = e == q - 1
            || (doc.is_punct(e, ',') || doc.is_punct(e, '('))
                && (e..q - 1).all(|t| {
                    !matches!(doc.tokens[t].kind, Kind::Quote(_)) && doc.tokens[t].cue.is_none()
                });
        if !rest_ok {
            return None;
        }
        let subject = names::classify(doc, self.gaz, a, e)?;
        if matches!(subject, Subject::Pronoun(_)) {
            return None;
        }
        Some(Attr {
            found: Found {
                subject,
                start: a,
                end: e,
            },
            cue: None,
            cue_text: None,
        })
    }

    /// A long partial quote inside a sentence with a cue belongs to that cue's speaker.
    fn sentence_cue(&self, q: usize, s: &Sentence) -> Option<Attr> {
        let before = (s.start..q).rev();
        let after = q + 1..s.end;
        for c in before.chain(after) {
            if let Some(verb) = self.finite_cue(c, s) {
                if let Some(found) = self.verb_subject(c, s) {
                    return Some(Attr {
                        found,
                        cue: Some(c),
                        cue_text: Some(self.cue_text(c, verb)),
                    });
                }
            }
        }
        None
    }

    /// Attributes the direct quote at token `q`; returns the cue token it used.
    fn direct(&mut self, q: usize, s: &Sentence) -> Option<usize> {
        let doc = self.doc;
        let span = doc.quote(q)?;
        let words = span.word_count(doc.text);
        if words == 0 {
            return None;
        }
        let adjacent = self
            .after_quote(q, s)
            .or_else(|| self.before_quote(q, s))
            .or_else(|| self.colon_block(q, s));
        // A quote that is its own sentence: nothing but punctuation after it, or a full
        // quoted sentence.
        let only_punct_after = (q + 1..s.end).all(|t| matches!(doc.tokens[t].kind, Kind::Punct(_)));
        let full_sentence = span
            .last_char(doc.text)
            .is_some_and(|c| matches!(c, '.' | '!' | '?'));
        let whole_sentence = q == s.start && (only_punct_after || full_sentence);
        let starts_sentence = q == s.start || doc.is_punct(q - 1, ':');
        let is_adjacent = adjacent.is_some();
        let (attr, continued) = match adjacent {
            Some(attr) => (Some(attr), None),
            None => {
                let sentence_has_cue = (s.start..s.end).any(|t| self.finite_cue(t, s).is_some());
                if !starts_sentence {
                    // Partial quotes: long ones in reported speech are that speaker's; short
                    // ones and those without a cue are scare quotes or titles.
                    if words <= 4 || !sentence_has_cue {
                        return None;
                    }
                    (self.sentence_cue(q, s), None)
                } else if whole_sentence && !sentence_has_cue {
                    (None, self.continuation(q, s))
                } else {
                    (None, None)
                }
            }
        };
        if attr.is_none() && continued.is_none() && words <= 4 {
            return None;
        }
        let pos = doc.tokens[q].start;
        let who = match (&attr, continued) {
            (Some(attr), _) => {
                let at = doc.tokens[attr.found.start].start;
                let who = self.resolve(&attr.found, s.para).unwrap_or_default();
                self.reg.subject(
                    who.ent,
                    at.max(pos),
                    s.para,
                    blocks_pronouns(&attr.found.subject),
                );
                who
            }
            (None, Some(who)) => who,
            (None, None) => Who::default(),
        };
        let text = span.text(doc.text);
        let start = span.content_start(doc.text);
        self.push(
            text,
            start,
            &who,
            QuoteKind::Direct,
            attr.as_ref().and_then(|a| a.cue_text.clone()),
            s.para,
        );
        // Only a cue right next to the quote is used up by it; a sentence's cue still reports
        // the clause around a partial quote.
        attr.filter(|_| is_adjacent).and_then(|a| a.cue)
    }

    /// The previous statement's speaker, for a quote-only sentence in the same paragraph or a
    /// quote-only paragraph right after it.
    fn continuation(&self, q: usize, s: &Sentence) -> Option<Who> {
        let (para, who) = self.last.as_ref()?;
        if *para == s.para {
            return Some(who.clone());
        }
        let fresh_para =
            self.doc.starts_para(q) && !self.para_has_cue.get(s.para).copied().unwrap_or(true);
        (*para + 1 == s.para && fresh_para).then(|| who.clone())
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
            return self.reg.resolve(self.gaz, &found.subject, at, para);
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
        if !names::is_unknown_name(self.doc, found.start, found.end) {
            return None;
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
            && names::is_unknown_name(doc, found.start, found.end);
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
        let spoken: Vec<usize> = self.out[first_out..]
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .filter_map(|name| self.reg.ents.iter().position(|e| &e.name == name))
            .collect();
        let mut spoken = spoken;
        for t in s.start..s.end {
            if doc.has(t, lex::NOUN_CUE) && !consumed.contains(&t) && doc.is_word(t) {
                if let Some(ent) = self.noun_cue(t, &s, &spoken) {
                    spoken.push(ent);
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
            names::possessor(doc, self.gaz, a, e - 1)
        } else {
            names::classify(doc, self.gaz, a, e)
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
