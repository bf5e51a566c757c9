//! Finding the speaker phrase next to a cue: backwards from a verb over fillers ("also", "on
//! Monday", "has"), appositions (", secretary of Russia's Security Council,") and relative
//! clauses to the subject noun phrase ([`subject_before`]); or forwards after an inverted cue
//! (`said Wang Yi, …`, [`subject_after`]). The phrase found is read by [`classify`].

use newsfacet_gazetteer::{EntityType, Gazetteer};

use super::classify::classify;
use super::names::*;
use crate::text::cues::CueForm;
use crate::text::doc::{Doc, Kind};
use crate::text::lexicon as lex;
use crate::text::particles;

/// The comma that opens an apposition closed by the comma at `comma` (", secretary of Russia's
/// Security Council,"), provided a name stands before it. Returns that comma's index. An
/// apposition may hold commas itself (", of Springfield, Va.,", ", the attorney general of
/// Oklahoma, one of the states suing,"): earlier commas are tried too, preferring one after a
/// person's name.
fn apposition_open(doc: &Doc, gaz: &Gazetteer, lo: usize, comma: usize) -> Option<usize> {
    let floor = comma.saturating_sub(40).max(lo);
    let mut fallback = None;
    let mut surname = None;
    let mut candidates = 0;
    let mut j = comma;
    while j > floor && candidates < 3 {
        j -= 1;
        match doc.tokens[j].kind {
            Kind::Quote(_) | Kind::Punct('.' | ';' | ':' | '!' | '?') => break,
            Kind::Punct(',') => {}
            _ => continue,
        }
        candidates += 1;
        if j <= lo || j + 1 >= comma {
            continue;
        }
        let first = j + 1;
        let opens = doc.has(
            first,
            lex::DET | lex::RELATIVE | lex::TITLE | lex::MOD | lex::ROLE | lex::ADV,
        ) || doc.is_possessive(first)
            || doc.is_word(first) && !doc.is_capitalised(first)
            || doc.is_all_caps(first)
            || is_party_label(doc, first)
            // "Jim Eglinski, Yellowhead MP, said": a constituency or place before a title.
            || comma - first <= 4
                && comma - first >= 2
                && doc.has(comma - 1, lex::TITLE | lex::ROLE)
                && (first..comma - 1).all(|t| doc.is_word(t) && doc.is_capitalised(t))
            // "Yin May, 60, a doctor, said": an age.
            || doc.is_word(first) && doc.word(first).bytes().all(|b| b.is_ascii_digit());
        // The apposition itself must not report speech ("…, Lavrov said, …").
        // Only clear speech verbs count: "states" or "claims" inside an apposition are nouns.
        let reports = (first..comma).any(|t| {
            doc.tokens[t].cue.is_some_and(|(v, form)| {
                matches!(form, CueForm::Past | CueForm::Third)
                    && matches!(
                        crate::text::cues::verb_of(v).lemma,
                        "say" | "tell" | "add" | "write"
                    )
            }) && !doc.is_capitalised(t)
        });
        if !opens || reports && !doc.has(first, lex::RELATIVE) {
            continue;
        }
        // "Rep. Zoe Lofgren (D-Calif.), who …": the name ends before a party label.
        let mut name_end = j;
        if doc.is_punct(j - 1, ')') {
            let open = (j.saturating_sub(8).max(lo)..j - 1)
                .rev()
                .find(|&t| doc.is_punct(t, '('));
            match open {
                Some(open) if open > lo => name_end = open,
                _ => continue,
            }
        }
        let before = name_end - 1;
        // "Charlie King, a former director, …": a title word after a given name is a surname.
        let surname_title = doc.is_capitalised(before)
            && doc.has(before, lex::TITLE)
            && before > lo
            && is_name_token(doc, gaz, before - 1);
        let named = doc.mention(before).is_some()
            || is_name_token(doc, gaz, before)
            || surname_title
            || doc
                .tokens
                .get(before)
                .is_some_and(|t| particles::is_listed(t.flags));
        if !named {
            continue;
        }
        let j = name_end;
        let s = np_start(doc, lo, j);
        match classify(doc, gaz, s, j) {
            Some(
                Subject::Entry(_)
                | Subject::Written {
                    ty: EntityType::Person,
                    ..
                },
            ) => return Some(j),
            // "…, the attorney general of Oklahoma, one of the states …": a lone capitalised
            // word may be a place ending the apposition; a full name further left wins.
            Some(Subject::Surname(_)) => {
                surname.get_or_insert(j);
            }
            _ => {
                fallback.get_or_insert(j);
            }
        }
    }
    surname.or(fallback)
}

/// The subject of the verb at `v`, searched backwards but not before `lo`.
pub(crate) fn subject_before(doc: &Doc, gaz: &Gazetteer, lo: usize, v: usize) -> Option<Found> {
    let mut e = skip_back_fillers(doc, lo, v);
    if e <= lo {
        return None;
    }
    // ", who has said": the relative pronoun stands for the phrase before it.
    if doc.is(e - 1, "who") {
        e -= 1;
        if e > lo && doc.is_punct(e - 1, ',') {
            e -= 1;
        }
        if e <= lo {
            return None;
        }
    }
    if doc.has(e - 1, lex::PRONOUN) && doc.is_word(e - 1) {
        return Some(Found {
            subject: Subject::Pronoun(pronoun(doc.word(e - 1))),
            start: e - 1,
            end: e,
        });
    }
    if doc.is_punct(e - 1, ',') {
        // "one of the family's attorneys, Justin Bamberg, said": the name between the commas.
        let inner = np_start(doc, lo, e - 1);
        if inner < e - 1 && inner > lo && doc.is_punct(inner - 1, ',') {
            if let Some(subject @ (Subject::Entry(_) | Subject::Written { .. })) =
                classify(doc, gaz, inner, e - 1)
            {
                return Some(Found {
                    subject,
                    start: inner,
                    end: e - 1,
                });
            }
        }
        e = apposition_open(doc, gaz, lo, e - 1)?;
    }
    let s = np_start(doc, lo, e);
    let in_pp = s > lo && doc.has(s - 1, lex::PREP) && !doc.is_capitalised(s - 1);
    if s == e || in_pp {
        return pp_tail(doc, lo, e)
            .or_else(|| name_of_place(doc, gaz, lo, s))
            .or_else(|| common_noun_phrase(doc, lo, e));
    }
    let subject = classify(doc, gaz, s, e)?;
    // "Darran Whiting of Liberty Baptist Church said": the person before "of" speaks, not the
    // body after it.
    let body = match &subject {
        Subject::Entry(id) => gaz.entry(*id).entity_type != EntityType::Person,
        Subject::Written { ty, .. } => *ty == EntityType::Organization,
        _ => false,
    };
    if body {
        if let Some(person) = name_of_place(doc, gaz, lo, s) {
            return Some(person);
        }
    }
    Some(Found {
        subject,
        start: s,
        end: e,
    })
}

/// `Robert Gordon of Northwestern University said`, `Darran Whiting of Liberty Baptist Church
/// in Marion said`: a person's name before up to three capitalised prepositional phrases
/// ("of", "from", "at", "in") that end at the verb. `s` starts the last phrase's object.
fn name_of_place(doc: &Doc, gaz: &Gazetteer, lo: usize, mut s: usize) -> Option<Found> {
    for _ in 0..3 {
        // "of the American Enterprise Institute": a determiner may open the object.
        let object = if doc.has(s, lex::DET) && doc.is_word(s) {
            s + 1
        } else {
            s
        };
        if s <= lo + 1 || !doc.is_capitalised(object) {
            return None;
        }
        let p = s - 1;
        if !(doc.is_word(p) && matches!(doc.word(p), "of" | "from" | "at" | "in")) {
            return None;
        }
        let a = np_start(doc, lo, p);
        if a < p {
            let named_person = match classify(doc, gaz, a, p) {
                Some(Subject::Entry(id)) => gaz.entry(id).entity_type == EntityType::Person,
                Some(Subject::Written { ty, .. }) => ty == EntityType::Person,
                _ => false,
            };
            if named_person {
                let subject = classify(doc, gaz, a, p)?;
                return Some(Found {
                    subject,
                    start: a,
                    end: p,
                });
            }
        }
        s = a;
    }
    None
}

/// "the woman", "a local farmer": a determiner and up to three lowercase words ending at `e`,
/// an unnamed source the lexicon does not know.
fn common_noun_phrase(doc: &Doc, lo: usize, e: usize) -> Option<Found> {
    let mut s = e;
    while s > lo && e - s < 4 {
        let t = s - 1;
        if doc.has(t, lex::DET) && doc.is_word(t) {
            if s == e || doc.has(t, lex::PRONOUN) {
                return None;
            }
            let phrase = normalise(doc.span_text(t, e));
            return Some(Found {
                subject: Subject::Unnamed(phrase),
                start: t,
                end: e,
            });
        }
        let plain = doc.is_word(t)
            && !doc.is_capitalised(t)
            && !doc.is_possessive(t)
            && doc.tokens[t].cue.is_none()
            && !doc.has(
                t,
                lex::PREP
                    | lex::AUX
                    | lex::MODAL
                    | lex::CONJ
                    | lex::THAT
                    | lex::RELATIVE
                    | lex::ADV,
            );
        if !plain {
            return None;
        }
        s = t;
    }
    None
}

/// "officials at the conference", "a spokesperson for the Iraqi transport ministry", "people
/// familiar with the agenda": a source noun followed by a prepositional phrase that ends at `e`.
fn pp_tail(doc: &Doc, lo: usize, e: usize) -> Option<Found> {
    let floor = e.saturating_sub(14).max(lo);
    let mut h = e;
    while h > floor {
        h -= 1;
        // A cue word after a determiner is a noun ("officials at the talks").
        let verb = doc.tokens[h].cue.is_some()
            && !doc.is_capitalised(h)
            && !(h > lo && doc.has(h - 1, lex::DET));
        if !doc.is_word(h) || verb {
            return None;
        }
        if doc.has(h, lex::UNNAMED | lex::ROLE | lex::PEOPLE)
            && doc.has(h + 1, lex::PREP)
            && h + 1 < e
        {
            let s = np_start(doc, lo, h + 1);
            let phrase = normalise(doc.span_text(s, e));
            let subject = source_noun(doc, s, h, phrase, true)?;
            return Some(Found {
                subject,
                start: s,
                end: e,
            });
        }
    }
    None
}

/// The subject after an inverted cue (`said Wang Yi, …`) or "according to", starting at `s`.
/// The phrase must end where a clause would: punctuation, a preposition, a time word or the
/// sentence end — so "according to Chinese customs data" names nobody.
pub(crate) fn subject_after(doc: &Doc, gaz: &Gazetteer, s: usize, hi: usize) -> Option<Found> {
    subject_after_at(doc, gaz, s, hi).or_else(|| descriptor_then_name(doc, gaz, s, hi))
}

/// `said 9/11 widow Terry Strada`, `said Texas delegate Beau Correll`, `said Judicial Watch
/// President Tom Fitton`: a descriptor before the name. The descriptor ends in a lowercase noun
/// or a title, holds no function word, verb or punctuation but hyphens and slashes, and the
/// name after it must be a full name, so a plain run of names is never cut.
fn descriptor_then_name(doc: &Doc, gaz: &Gazetteer, s: usize, hi: usize) -> Option<Found> {
    let mut k = s;
    while k < hi && k - s < 7 {
        match doc.tokens[k].kind {
            Kind::Word => {
                let capitalised = doc.is_capitalised(k);
                let function =
                    doc.has(k, lex::DET | lex::PRONOUN | lex::STOP | lex::FUNCTION) && !capitalised;
                if function || doc.tokens[k].cue.is_some() && !capitalised {
                    return None;
                }
                let prev_ends_descriptor = k > s
                    && doc.is_word(k - 1)
                    && (!doc.is_capitalised(k - 1) || doc.has(k - 1, lex::TITLE));
                if capitalised && prev_ends_descriptor {
                    if let Some(found) = subject_after_at(doc, gaz, k, hi) {
                        let full_name = match &found.subject {
                            Subject::Entry(_) => true,
                            Subject::Written { .. } => found.end - k >= 2,
                            _ => false,
                        };
                        if full_name {
                            return Some(Found { start: s, ..found });
                        }
                    }
                }
                k += 1;
            }
            Kind::Punct('/' | '-') => k += 1,
            _ => return None,
        }
    }
    None
}

fn subject_after_at(doc: &Doc, gaz: &Gazetteer, s: usize, hi: usize) -> Option<Found> {
    if s >= hi {
        return None;
    }
    if let Some(found) = adjective_organization(doc, gaz, s, hi) {
        return Some(found);
    }
    if doc.has(s, lex::PRONOUN) && doc.is_word(s) && !doc.is_capitalised(s) {
        return Some(Found {
            subject: Subject::Pronoun(pronoun(doc.word(s))),
            start: s,
            end: s + 1,
        });
    }
    let mut e = np_end(doc, s, hi);
    if e == s && doc.has(s, lex::PEOPLE) && !doc.is_capitalised(s) {
        // "people familiar with the agenda"
        e = s + 1;
    }
    if e == s {
        return None;
    }
    // A source noun may carry a prepositional phrase up to the next comma.
    let head = e - 1;
    if doc.has(head, lex::UNNAMED | lex::PEOPLE | lex::ROLE)
        && doc.has(e, lex::PREP)
        && !doc.is_capitalised(head)
    {
        let mut end = e;
        while end < hi && end - e < 12 && doc.is_word(end) && doc.tokens[end].cue.is_none() {
            end += 1;
        }
        let phrase = normalise(doc.span_text(s, end));
        if let Some(subject) = source_noun(doc, s, head, phrase, true) {
            return Some(Found {
                subject,
                start: s,
                end,
            });
        }
    }
    let ends_clean = e >= hi
        || !doc.is_word(e)
        || doc.has(
            e,
            lex::PREP | lex::TIME | lex::RELATIVE | lex::CONJ | lex::ADV,
        )
        || doc.is(e, "as")
        // "said Dan Golvach when asked about …": a subordinate clause after the name.
        || matches!(
            doc.word(e),
            "when" | "while" | "after" | "before" | "because" | "although" | "though" | "if" | "whether"
        )
        || doc.tokens[e].cue.is_some();
    if !ends_clean {
        return None;
    }
    let subject = classify(doc, gaz, s, e)?;
    Some(Found {
        subject,
        start: s,
        end: e,
    })
}

/// `according to the nonpartisan Congressional Budget Office`, `said the conservative Heritage
/// Foundation`: a determiner and up to two lowercase adjectives before an organization's name.
fn adjective_organization(doc: &Doc, gaz: &Gazetteer, s: usize, hi: usize) -> Option<Found> {
    if !(doc.has(s, lex::DET) && doc.is_word(s)) {
        return None;
    }
    let mut k = s + 1;
    while k < hi
        && k - s <= 2
        && doc.is_word(k)
        && !doc.is_capitalised(k)
        && !doc.has(k, lex::FUNCTION)
        && doc.tokens[k].cue.is_none()
    {
        k += 1;
    }
    if k == s + 1 || k >= hi || !doc.is_capitalised(k) {
        return None;
    }
    let found = subject_after_at(doc, gaz, k, hi)?;
    let organization = match &found.subject {
        Subject::Entry(id) => gaz.entry(*id).entity_type == EntityType::Organization,
        Subject::Written { ty, .. } => *ty == EntityType::Organization,
        _ => false,
    };
    organization.then_some(Found { start: s, ..found })
}
