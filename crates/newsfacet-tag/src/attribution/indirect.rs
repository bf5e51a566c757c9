//! Indirect speech and the constructions around it: `NAME said (that) …`, `…, NAME said.`,
//! `…, said NAME, TITLE.`, `according to NAME`, `X quoted NAME as saying …`, participles
//! (`…, saying …`, `with NAME calling …`), named interviewers (`asked by NAME whether …`) and
//! noun cues (`remarks by NAME`). Each method emits statements into the [`Run`] it extends.

use super::*;

/// Words before a named subject of its own participle: "with X saying", "footage of X
/// saying", "the video shows X saying" (`participle-openers.txt` of the gazetteer crate).
static PARTICIPLE_OPENERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(words::PARTICIPLE_OPENERS));

/// Whether word `t` opens a participle's subject (any ASCII case).
fn is_participle_opener(doc: &Doc, t: usize) -> bool {
    doc.is_word(t) && PARTICIPLE_OPENERS.contains(&doc.word(t).to_ascii_lowercase())
}

impl<'d, 'a> Run<'d, 'a> {
    /// Records the clause `range` as indirect speech of `found`'s speaker.
    pub(super) fn emit_indirect(
        &mut self,
        found: &Found,
        range: (usize, usize),
        cue: String,
        s: &Sentence,
    ) -> Option<usize> {
        let text = self.clause_text(range.0, range.1);
        let start = self.doc.tokens.get(range.0)?.start;
        self.emit_text(found, text, start, cue, s)
    }

    /// Records `text` (at byte `start`) as indirect speech of `found`'s speaker.
    pub(super) fn emit_text(
        &mut self,
        found: &Found,
        text: String,
        start: usize,
        cue: String,
        s: &Sentence,
    ) -> Option<usize> {
        if text.is_empty() {
            return None;
        }
        let at = self.doc.tokens[found.start].start;
        let who = self.resolve(found, s.para)?;
        self.reg
            .subject(who.ent, at, s.para, blocks_pronouns(&found.subject));
        Some(self.push(text, start, &who, QuoteKind::Indirect, Some(cue), s.para))
    }

    /// The reported clause `tokens[a..b]` as text: the text as written (a quote's text is the
    /// text at its offset), without trailing punctuation, and never past a paragraph break (a
    /// quote mark left open runs on into the next paragraph).
    pub(super) fn clause_text(&self, a: usize, b: usize) -> String {
        let raw = self.doc.span_text(a, b);
        let raw = raw.find("\n\n").map_or(raw, |cut| &raw[..cut]);
        raw.trim_end_matches(|c: char| matches!(c, ',' | '.' | ';' | ':') || c.is_whitespace())
            .to_string()
    }

    /// Indirect speech for the verb at `c`.
    pub(super) fn indirect(
        &mut self,
        c: usize,
        verb: &'static CueVerb,
        s: &Sentence,
        contents: &mut Vec<Content>,
    ) {
        let doc = self.doc;
        if self.as_noted(c, verb, s) {
            return;
        }
        if !self.indirect_ok(c, verb, s) {
            return;
        }
        let Some(found) = self.verb_subject(c, s) else {
            self.inverted_indirect(c, verb, s);
            return;
        };
        self.clause_subject = Some((c, found.clone()));
        // A verb inside an earlier reported clause is reported too ("he said China supports
        // Egypt and welcomes …"), unless it opens an independent clause ("…, while the
        // Pentagon called for calm").
        let sep = found.start.checked_sub(1);
        let independent = sep.is_some_and(|p| doc.has(p, lex::CONJ) || doc.is_punct(p, ';'));
        let nested = contents.iter().position(|ct| ct.start <= c && c < ct.end);
        if let Some(index) = nested {
            if !independent || found.start < contents[index].start {
                return;
            }
            // Cut the earlier clause before the separator (and its comma).
            let mut cut = found.start - 1;
            if cut > contents[index].start && doc.is_punct(cut - 1, ',') {
                cut -= 1;
            }
            let (start, out_index) = (contents[index].start, contents[index].out_index);
            contents[index].end = cut;
            self.out[out_index].text = self.clause_text(start, cut);
        }
        // "Acts of protest, Mr. Obama said, are acts of patriotism": the clause around a
        // parenthetical attribution.
        let after_fillers = self.skip_forward_fillers(c + 1, s.end);
        let parenthetical = found.start > s.start + 1
            && doc.is_punct(found.start - 1, ',')
            && doc.is_punct(after_fillers, ',')
            && after_fillers + 1 < s.end;
        if parenthetical {
            let head = self.clause_text(s.start, found.start - 1);
            let tail_end = self.clause_end(after_fillers + 1, s.end);
            let tail = self.clause_text(after_fillers + 1, tail_end);
            if !head.is_empty() && !tail.is_empty() {
                let cue = self.cue_text(c, verb);
                self.emit_text(
                    &found,
                    format!("{head} {tail}"),
                    doc.tokens[s.start].start,
                    cue,
                    s,
                );
                return;
            }
        }
        let range = match self.content_after(c, verb, s) {
            Some(range) => range,
            None => {
                // "…, officials said." — the clause before the attribution.
                if found.start <= s.start + 1 || !doc.is_punct(found.start - 1, ',') {
                    return;
                }
                let end = self.clause_end(s.start, found.start - 1);
                if end <= s.start
                    || (s.start..end)
                        .all(|t| matches!(doc.tokens[t].kind, Kind::Quote(_) | Kind::Punct(_)))
                {
                    return;
                }
                (s.start, end)
            }
        };
        let cue = self.cue_text(c, verb);
        if let Some(out_index) = self.emit_indirect(&found, range, cue.clone(), s) {
            contents.push(Content {
                start: range.0,
                end: range.1,
                out_index,
            });
        }
        // "Lavrov and his Chinese counterpart Wang Yi pledged …": both spoke.
        // Titles before the second name are not part of the first ("X and Senator Y said").
        let mut second = found.start;
        while second > s.start + 1 && doc.has(second - 1, lex::TITLE) && doc.is_word(second - 1) {
            second -= 1;
        }
        if second > s.start + 1 && doc.is(second - 1, "and") {
            if let Some(other) = subjects::subject_before(doc, self.gaz, s.start, second - 1) {
                if matches!(
                    other.subject,
                    Subject::Entry(_) | Subject::Written { .. } | Subject::Surname(_)
                ) {
                    self.emit_indirect(&other, range, cue, s);
                }
            }
        }
    }

    /// `As Jane Roe noted, the deal …`, `…, as Jane Roe reported.`: "as", a named subject, the
    /// cue, and the reported clause on the other side of the comma. Returns whether it
    /// attributed anything.
    fn as_noted(&mut self, c: usize, verb: &CueVerb, s: &Sentence) -> bool {
        let doc = self.doc;
        if matches!(verb.req, Req::QuotedAs | Req::As) || verb.lemma == "ask" {
            return false;
        }
        // Cheap test first: an "as" shortly before the verb.
        if !(c.saturating_sub(10).max(s.start)..c).any(|t| doc.is(t, "as")) {
            return false;
        }
        let Some(found) = subjects::subject_before(doc, self.gaz, s.start, c) else {
            return false;
        };
        let named = matches!(
            found.subject,
            Subject::Entry(_) | Subject::Written { .. } | Subject::Surname(_)
        );
        let after_as = found.start > s.start
            && doc.is_word(found.start - 1)
            && doc.word(found.start - 1).eq_ignore_ascii_case("as");
        if !named || !after_as {
            return false;
        }
        let after = self.skip_forward_fillers(c + 1, s.end);
        let as_at = found.start - 1;
        let opens_clause = as_at == s.start || doc.is_punct(as_at - 1, ',');
        if !opens_clause {
            return false;
        }
        let range = if doc.is_punct(after, ',') || doc.is_punct(after, ':') {
            // "As Jane Roe noted, the deal …", "Of course, as Jane Roe noted, the deal …"
            (after + 1, self.clause_end(after + 1, s.end))
        } else if as_at > s.start
            && (after >= s.end || matches!(doc.tokens[after].kind, Kind::Punct('.' | '!' | '?')))
        {
            // "The deal failed, as Jane Roe reported."
            (s.start, self.clause_end(s.start, as_at - 1))
        } else {
            return false;
        };
        range.0 < range.1
            && self
                .emit_indirect(&found, range, self.cue_text(c, verb), s)
                .is_some()
    }

    /// `…, said Jeffrey N. Trimble, a senior official.`: an inverted cue after the clause.
    pub(super) fn inverted_indirect(&mut self, c: usize, verb: &CueVerb, s: &Sentence) {
        let doc = self.doc;
        if c < s.start + 2 || !doc.is_punct(c - 1, ',') {
            return;
        }
        let Some(found) = subjects::subject_after(doc, self.gaz, c + 1, s.end) else {
            return;
        };
        if matches!(found.subject, Subject::Pronoun(_)) {
            return;
        }
        let end = self.clause_end(s.start, c - 1);
        if end <= s.start
            || (s.start..end).all(|t| matches!(doc.tokens[t].kind, Kind::Quote(_) | Kind::Punct(_)))
        {
            return;
        }
        let cue = self.cue_text(c, verb);
        self.emit_indirect(&found, (s.start, end), cue, s);
    }

    /// `according to NAME, …` / `…, according to NAME.`
    pub(super) fn according(&mut self, t: usize, s: &Sentence) {
        let doc = self.doc;
        let mut n = t + 2;
        // "according to a statement from the Kremlin"
        let via_document = (n..(n + 4).min(s.end)).find(|&k| {
            doc.is_word(k)
                && matches!(
                    doc.word(k),
                    "statement" | "readout" | "transcript" | "post" | "spokesperson"
                )
        });
        if let Some(k) = via_document {
            if doc.is(k + 1, "from") || doc.is(k + 1, "by") || doc.is(k + 1, "of") {
                n = k + 2;
            } else if doc.is(k + 1, "issued") && doc.is(k + 2, "by") {
                n = k + 3;
            }
        }
        let Some(found) = subjects::subject_after(doc, self.gaz, n, s.end) else {
            return;
        };
        if matches!(found.subject, Subject::Pronoun(_)) {
            return;
        }
        let range = if t == s.start || (s.start..t).all(|k| !doc.is_word(k)) {
            let mut a = found.end;
            while a < s.end && !doc.is_punct(a, ',') && a - found.end < 20 {
                a += 1;
            }
            (a + 1, self.clause_end(a + 1, s.end))
        } else {
            (s.start, self.clause_end(s.start, t))
        };
        if range.0 >= range.1 {
            return;
        }
        self.emit_indirect(&found, range, "according to".into(), s);
    }

    /// `RIA Novosti quoted Shoigu as saying …`, `Shoigu was quoted as saying …`.
    pub(super) fn quoted_as(&mut self, c: usize, s: &Sentence) -> Option<usize> {
        let doc = self.doc;
        let passive = self
            .prev_word(c, s.start)
            .is_some_and(|p| matches!(doc.word(p), "was" | "were" | "is" | "are" | "been"));
        let (found, mut k) = if passive {
            let aux = self.prev_word(c, s.start)?;
            let found = subjects::subject_before(doc, self.gaz, s.start, aux)?;
            let mut k = c + 1;
            if doc.is(k, "by") {
                k = names::np_end(doc, k + 1, s.end);
            }
            (found, k)
        } else {
            let found = subjects::subject_after(doc, self.gaz, c + 1, s.end)?;
            let k = found.end;
            (found, k)
        };
        if !doc.is(k, "as")
            || !matches!(
                doc.tokens.get(k + 1).and_then(|t| t.cue),
                Some((_, CueForm::Gerund))
            )
        {
            return None;
        }
        let gerund = k + 1;
        k += 2;
        if doc.is(k, "that") {
            k += 1;
        }
        let end = self.clause_end(k, s.end);
        if k >= end {
            return None;
        }
        let cue = format!(
            "{} as {}",
            doc.word(c).to_lowercase(),
            doc.word(gerund).to_lowercase()
        );
        self.emit_indirect(&found, (k, end), cue, s);
        Some(gerund)
    }

    /// `…, saying the move risked …` after a main verb that is no cue: the sentence subject spoke.
    /// A dash works like the comma: "… flipped his choice – saying he …".
    pub(super) fn participle(&mut self, g: usize, s: &Sentence) {
        let doc = self.doc;
        // "…, saying", "– saying", and "… before asking her", "while saying".
        let after_break = g > s.start
            && (matches!(doc.tokens[g - 1].kind, Kind::Punct(',' | '—' | '–' | '-'))
                || doc.is_word(g - 1) && matches!(doc.word(g - 1), "before" | "after" | "while"));
        if !after_break {
            return;
        }
        let Some(verb) = self.participle_verb(g, s) else {
            return;
        };
        if matches!(verb.req, Req::QuotedAs | Req::As) {
            return;
        }
        let Some(found) = self.sentence_subject(s) else {
            return;
        };
        if matches!(found.subject, Subject::Pronoun(_)) && found.start != s.start {
            return;
        }
        let mut k = g + 1;
        if doc.is(k, "that") {
            k += 1;
        }
        let end = self.clause_end(k, s.end);
        if k < end {
            self.emit_indirect(&found, (k, end), doc.word(g).to_lowercase(), s);
        }
    }

    /// The speech verb of the participle at `g`, when it reports speech here ("calling for
    /// …" and "calling Trump a fascist", not "calling at the port").
    pub(super) fn participle_verb(&self, g: usize, s: &Sentence) -> Option<&'static CueVerb> {
        let (v, form) = self.doc.tokens[g].cue?;
        let verb = cues::verb_of(v);
        let ok = form == CueForm::Gerund
            && match verb.req {
                Req::Particle(_) => self.has_particle(g, verb) || self.calls_names(g, verb, s),
                _ => true,
            };
        ok.then_some(verb)
    }

    /// The subject of its own before the participle at `g`, opened by one of the participle
    /// openers: `with Senator Ann Kerr calling …`, `with the minister adding: "…"`, `footage
    /// of Xi saying …`. Any phrase `classify` reads but a pronoun.
    pub(super) fn participle_subject(&self, g: usize, s: &Sentence) -> Option<Found> {
        let doc = self.doc;
        if g <= s.start + 1 {
            return None;
        }
        // Cheap test first: one of the opening words shortly before the participle.
        let opener_near =
            (g.saturating_sub(10).max(s.start)..g).any(|t| is_participle_opener(doc, t));
        if !opener_near {
            return None;
        }
        // The phrase between "with" and the participle (a prepositional object, which
        // `subject_before` rightly refuses as a clause subject).
        let a = names::np_start(doc, s.start, g);
        let opens = a > s.start && is_participle_opener(doc, a - 1);
        if a == g || !opens {
            return None;
        }
        let subject = classify::classify(doc, self.gaz, a, g)?;
        if matches!(subject, Subject::Pronoun(_)) {
            return None;
        }
        Some(Found {
            subject,
            start: a,
            end: g,
        })
    }

    /// `…, with Senator Ann Kerr calling the plan "a disaster"`: a named subject of its own
    /// before the participle, after "with". Returns whether it attributed anything.
    pub(super) fn absolute_participle(&mut self, g: usize, s: &Sentence) -> bool {
        let doc = self.doc;
        let Some(verb) = self.participle_verb(g, s) else {
            return false;
        };
        if matches!(verb.req, Req::QuotedAs | Req::As) {
            return false;
        }
        let Some(found) = self.participle_subject(g, s) else {
            return false;
        };
        if !matches!(
            found.subject,
            Subject::Entry(_) | Subject::Written { .. } | Subject::Surname(_)
        ) {
            return false;
        }
        let mut k = if self.has_particle(g, verb) {
            g + 2
        } else {
            g + 1
        };
        if doc.is(k, "that") {
            k += 1;
        }
        let end = self.clause_end(k, s.end);
        k < end
            && self
                .emit_indirect(&found, (k, end), self.cue_text(g, verb), s)
                .is_some()
    }

    /// `Asked by Stephanopoulos whether …`, `when asked by host Jane Roe about …`, `he was asked
    /// by NAME …`: the named interviewer asked a question, which is speech. Returns whether it
    /// attributed anything.
    pub(super) fn asked_by(&mut self, t: usize, s: &Sentence) -> bool {
        let doc = self.doc;
        let passive_ask = doc.is_word(t)
            && doc.word(t).eq_ignore_ascii_case("asked")
            && doc.is(t + 1, "by")
            && (t == s.start
                || self.prev_word(t, s.start).is_some_and(|p| {
                    matches!(
                        doc.word(p).to_ascii_lowercase().as_str(),
                        "was" | "were" | "is" | "are" | "being" | "been" | "when" | "after"
                    )
                }));
        if !passive_ask {
            return false;
        }
        let Some(found) = subjects::subject_after(doc, self.gaz, t + 2, s.end) else {
            return false;
        };
        if !matches!(
            found.subject,
            Subject::Entry(_) | Subject::Written { .. } | Subject::Surname(_)
        ) {
            return false;
        }
        // The question: from "whether"/"about"/"if" to the end of its clause.
        let mut k = found.end;
        while k < s.end && doc.is_punct(k, ',') {
            k += 1;
        }
        if !(doc.is(k, "whether") || doc.is(k, "about") || doc.is(k, "if") || doc.is(k, "how")) {
            return false;
        }
        let end = (k..s.end)
            .find(|&j| doc.is_punct(j, ',') || doc.is_punct(j, ';'))
            .unwrap_or(s.end);
        let end = self.clause_end(k, end);
        k < end
            && self
                .emit_indirect(&found, (k, end), "asked".into(), s)
                .is_some()
    }

    /// `criticism by Sergei Shoygu …`, `a statement by the Kremlin …`: a noun of speech with its
    /// speaker after "by"; named speakers only. The possessive (`Shoigu's remarks`) is no
    /// attribution: it names the topic of the sentence, which is usually someone else's reply
    /// ("Taiwan's foreign ministry said that Shoigu's remarks 'undermine …'").
    pub(super) fn noun_cue(&mut self, t: usize, s: &Sentence, spoken: &[usize]) -> Option<usize> {
        let doc = self.doc;
        if doc.is_capitalised(t) || !doc.is(t + 1, "by") {
            return None;
        }
        let subject = subjects::subject_after(doc, self.gaz, t + 2, s.end);
        let found = subject?;
        if !matches!(
            found.subject,
            Subject::Entry(_) | Subject::Written { .. } | Subject::Surname(_)
        ) {
            return None;
        }
        let at = doc.tokens[found.start].start;
        let who = self.resolve(&found, s.para)?;
        if who.speaker.is_none() || who.ent.is_some_and(|e| spoken.contains(&e)) {
            return None;
        }
        let text = self.clause_text(s.start, s.end);
        self.reg.subject(who.ent, at, s.para, false);
        let start = doc.tokens[s.start].start;
        self.push(
            text,
            start,
            &who,
            QuoteKind::Indirect,
            Some(doc.word(t).to_lowercase()),
            s.para,
        );
        who.ent
    }
}
