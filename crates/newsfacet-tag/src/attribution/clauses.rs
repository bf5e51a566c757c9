//! The cue verb and its clause: whether a speech verb is finite here and what it needs next
//! ("called for", "described … as"), where the reported clause starts and ends, and the
//! fillers and adjuncts between them.

use super::*;

impl<'d, 'a> Run<'d, 'a> {
    /// Whether sentence `s` is in the first block and that block reads like a headline.
    pub(super) fn in_title(&self, s: &Sentence) -> bool {
        s.para == 0 && self.title_like
    }

    // ----- cue checks -------------------------------------------------------------------

    /// The previous word before `t`, skipping lowercase adverbs, not before `lo`.
    pub(super) fn prev_word(&self, t: usize, lo: usize) -> Option<usize> {
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
    pub(super) fn finite_cue(&self, t: usize, s: &Sentence) -> Option<&'static CueVerb> {
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
    pub(super) fn calls_names(&self, t: usize, verb: &CueVerb, s: &Sentence) -> bool {
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
    pub(super) fn cue_text(&self, t: usize, verb: &CueVerb) -> String {
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
    pub(super) fn has_particle(&self, t: usize, verb: &CueVerb) -> bool {
        match verb.req {
            Req::Particle(words) => words.iter().any(|w| self.doc.is(t + 1, w)),
            _ => false,
        }
    }

    /// Skips adverbs and time expressions forward from `k` ("on Tuesday", "earlier this week").
    pub(super) fn skip_forward_fillers(&self, mut k: usize, end: usize) -> usize {
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
    pub(super) fn that_after(&self, k: usize, end: usize) -> Option<usize> {
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
    pub(super) fn is_adjunct_start(&self, k: usize) -> bool {
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
    pub(super) fn indirect_ok(&self, t: usize, verb: &CueVerb, s: &Sentence) -> bool {
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
    pub(super) fn content_after(
        &self,
        c: usize,
        verb: &CueVerb,
        s: &Sentence,
    ) -> Option<(usize, usize)> {
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
    pub(super) fn clause_after_object(&self, k: usize, end: usize) -> Option<usize> {
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
    pub(super) fn clause_end(&self, k: usize, end: usize) -> usize {
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
}
