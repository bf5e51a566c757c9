//! Direct quotes: the attribution right after a quote (`"…," NAME said`), right before it
//! (`NAME said: "…"`, `NAME, TITLE: "…"`), in its sentence, and the previous speaker continued
//! (`"…," he said. "…"`).

use super::*;

impl<'d, 'a> Run<'d, 'a> {
    /// The subject of the sentence: the noun phrase it opens with, after an introductory phrase
    /// ("Speaking in Kyiv, Zelenskyy …", "During the visit, Putin …").
    pub(super) fn sentence_subject(&self, s: &Sentence) -> Option<Found> {
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
        let subject = classify::classify(doc, self.gaz, a, e)?;
        Some(Found {
            subject,
            start: a,
            end: e,
        })
    }

    // ----- direct quotes ----------------------------------------------------------------

    /// `"…," NAME said`, `"…," said NAME, TITLE`, `"…," NAME, TITLE, said`, `"…" according to X`.
    pub(super) fn after_quote(&self, q: usize, s: &Sentence) -> Option<Attr> {
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
            let found = subjects::subject_after(doc, self.gaz, n, s.end)?;
            return Some(Attr {
                found,
                cue: Some(k),
                cue_text: Some(self.cue_text(k, verb)),
            });
        }
        if doc.is(k, "according") && doc.is(k + 1, "to") {
            let found = subjects::subject_after(doc, self.gaz, k + 2, s.end)?;
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
                let Some(found) = subjects::subject_before(doc, self.gaz, k, c) else {
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
    pub(super) fn descriptor_before(&self, k: usize, found: &Found) -> bool {
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
    pub(super) fn before_quote(&self, q: usize, s: &Sentence) -> Option<Attr> {
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
        // "Trump attacked Clinton, saying, "…"": the participle's speaker is the clause's,
        // unless it has its own ("…, with the minister adding: "…"").
        if comma || colon {
            if let Some((_, CueForm::Gerund)) = doc.tokens[j].cue {
                let verb = cues::verb_of(doc.tokens[j].cue.map_or(0, |c| c.0));
                if matches!(verb.req, Req::Any | Req::Clause) && j > s.start {
                    // "…, with the minister adding: "…"": a subject of its own comes first.
                    let found = match (self.participle_subject(j, s), &self.clause_subject) {
                        (Some(own), _) => Some(own),
                        (None, Some((_, found))) => Some(found.clone()),
                        (None, None) => self.sentence_subject(s),
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
    pub(super) fn verb_subject(&self, c: usize, s: &Sentence) -> Option<Found> {
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
            Some(aux) => subjects::subject_before(doc, self.gaz, s.start, aux),
            None => subjects::subject_before(doc, self.gaz, s.start, c),
        }
    }

    /// `NAME, TITLE: "…"`, `NAME: "…"` and `NAME, TITLE, 'PUBLICATION' (CITY): "…"`
    /// (interview and analysis blocks).
    pub(super) fn colon_block(&self, q: usize, s: &Sentence) -> Option<Attr> {
        let doc = self.doc;
        if q <= s.start || !doc.is_punct(q - 1, ':') {
            return None;
        }
        let a = s.start;
        let e = names::np_end(doc, a, q - 1);
        if e == a {
            return None;
        }
        // `Jane Roe, chief economist, 'The Daily Courier' (London): "…"`: titles, a short
        // quoted publication name and a place in brackets may stand between name and colon.
        let publication = |t: usize| {
            doc.quote(t).is_some_and(|span| {
                span.word_count(doc.text) <= 6
                    && span
                        .text(doc.text)
                        .chars()
                        .find(|c| c.is_alphanumeric())
                        .is_some_and(char::is_uppercase)
            })
        };
        let rest_ok = e == q - 1
            || (doc.is_punct(e, ',') || doc.is_punct(e, '('))
                && (e..q - 1).all(|t| {
                    let quote_ok = !matches!(doc.tokens[t].kind, Kind::Quote(_)) || publication(t);
                    quote_ok && doc.tokens[t].cue.is_none()
                });
        if !rest_ok {
            return None;
        }
        let subject = classify::classify(doc, self.gaz, a, e)?;
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

    /// `Jane Roe said:` ending a paragraph, the quote opening the next one: the nearest cue
    /// introduces it, whoever spoke before.
    pub(super) fn introduced(&self, q: usize) -> Option<Attr> {
        let doc = self.doc;
        if q == 0 || !doc.starts_para(q) || !doc.is_punct(q - 1, ':') {
            return None;
        }
        let at = doc.sentences.partition_point(|p| p.end < q);
        let prev = *doc.sentences.get(at)?;
        if prev.end != q || prev.dateline || prev.start >= q - 1 {
            return None;
        }
        self.before_quote(q, &prev)
            .or_else(|| self.colon_block(q, &prev))
    }

    /// A long partial quote inside a sentence with a cue belongs to that cue's speaker.
    pub(super) fn sentence_cue(&self, q: usize, s: &Sentence) -> Option<Attr> {
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
    pub(super) fn direct(&mut self, q: usize, s: &Sentence) -> Option<usize> {
        let doc = self.doc;
        let span = doc.quote(q)?;
        let words = span.word_count(doc.text);
        if words == 0 {
            return None;
        }
        let adjacent = self
            .after_quote(q, s)
            .or_else(|| self.before_quote(q, s))
            .or_else(|| self.colon_block(q, s))
            .or_else(|| self.introduced(q));
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
    /// quote-only paragraph right after it that names nobody else.
    pub(super) fn continuation(&self, q: usize, s: &Sentence) -> Option<Who> {
        let (para, who) = self.last.as_ref()?;
        if *para == s.para {
            return Some(who.clone());
        }
        // A quote-only paragraph continues the one before, unless it names someone else: a
        // quote is never given to another paragraph's speaker when its own names someone.
        let fresh_para = self.doc.starts_para(q)
            && !self.para_has_cue.get(s.para).copied().unwrap_or(true)
            && !self.reg.names_other_in_para(s.para, who.ent);
        (*para + 1 == s.para && fresh_para).then(|| who.clone())
    }
}
