//! Speaker phrases: finding the noun phrase next to a cue and deciding what it names.
//!
//! The parser walks tokens, not characters: backwards from a verb over fillers ("also", "on
//! Monday", "has"), appositions (", secretary of Russia's Security Council,") and relative
//! clauses to the subject noun phrase; or forwards after an inverted cue (`said Wang Yi, …`).
//! [`classify`] then reads the phrase's head: a gazetteer mention, a capitalised name after its
//! titles, an organization ("Taiwan's foreign ministry"), a role description ("the minister"),
//! an unnamed source ("officials"), a pronoun or a news outlet reporting.

use crate::matcher::MentionVia;
use newsfacet_gazetteer::{kind, EntityType, EntryId, Gazetteer};

use super::cues::CueForm;
use super::doc::{Doc, Kind};
use super::lexicon::{self as lex, ministry_domain};

/// A personal pronoun subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
    /// "we", "I", "you": speakers the text does not name.
    Other,
}

/// A definite description that refers back to someone named earlier ("the foreign minister").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Description {
    /// Lowercase head noun ("minister", "ministry").
    pub head: String,
    /// Lowercase modifiers between the determiner and the head ("foreign").
    pub mods: Vec<String>,
    /// ISO code of a country named in the phrase ("Taiwan's president").
    pub country: Option<String>,
    /// The phrase as written.
    pub phrase: String,
    /// Refers to an organization ("the ministry") rather than a person.
    pub org: bool,
}

/// What a speaker phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A gazetteer person or (non-publisher) organization.
    Entry(EntryId),
    /// A name not in the gazetteer, as written, or a composed body ("Taiwan Ministry of
    /// Foreign Affairs").
    Written {
        name: String,
        ty: EntityType,
    },
    /// One capitalised name word ("Morita") to expand from the article's full names.
    Surname(String),
    Pronoun(Pronoun),
    Description(Description),
    /// An unnamed source, as written ("a spokesperson", "officials familiar with the talks").
    Unnamed(String),
    /// A place speaking by metonymy ("Beijing said"): never a named speaker.
    Place(String),
    /// A news outlet reporting ("TASS reported", "according to Xinhua"): its own statement,
    /// unless it relays someone else's words (see `attribution::drop_relays`).
    Outlet(EntryId),
}

/// A subject and its token span.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub subject: Subject,
    pub start: usize,
    pub end: usize,
}

/// Whitespace-normalised text with a possessive `'s` removed.
pub(crate) fn normalise(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = joined.trim_end_matches([',', ';', ':']);
    trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
        // The plural possessive: "Sanders’" → "Sanders".
        .or_else(|| {
            trimmed
                .strip_suffix("s'")
                .map(|_| &trimmed[..trimmed.len() - 1])
        })
        .or_else(|| {
            trimmed
                .strip_suffix("s’")
                .map(|_| &trimmed[..trimmed.len() - 3])
        })
        .unwrap_or(trimmed)
        .to_string()
}

/// Whether word `i` can be part of a personal name: capitalised, not a function word, title,
/// time word or organization head, not possessive, not in capitals only, not a place.
pub(crate) fn is_name_token(doc: &Doc, gaz: &Gazetteer, i: usize) -> bool {
    if !doc.is_capitalised(i) || doc.is_possessive(i) {
        return false;
    }
    if MONTH_NAMES.contains(&doc.word(i)) {
        // A given name only when a surname follows ("Jan Egeland", not "Jan. 13", "May 2").
        return plain_name(doc, i + 1);
    }
    if doc.has(
        i,
        lex::STOP | lex::TITLE | lex::MOD | lex::ORGHEAD | lex::TIME | lex::DET | lex::PRONOUN,
    ) {
        return false;
    }
    let word = doc.word(i);
    if word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // "MOSCOW", "UN": capitals only, unless an initial ("F.", "J.D.").
    if doc.is_all_caps(i) && !word.ends_with('.') {
        return false;
    }
    if let Some(m) = doc.mention(i) {
        let entry = gaz.entry(m.entry);
        if m.via == MentionVia::Demonym {
            // "Dane Smith": a demonym that is also a given name, before a plain surname.
            return i + 1 < doc.tokens.len() && plain_name(doc, i + 1);
        }
        // A town's name is often also a personal name ("Lai", "David"); so is a one-word place
        // right after a first name ("Chuck Jordan") or, short of a country, right before a
        // surname ("Michael Flynn", where "Michael" is also a region).
        let one_word = m.start >= doc.tokens[i].start && m.end <= doc.tokens[i].end;
        // A country as a surname needs a title before the given name ("Chief Chuck Jordan"),
        // or "Ford Canada" would be a person.
        let after_first_name = one_word
            && i > 0
            && plain_name(doc, i - 1)
            && (!entry.is_country() || i > 1 && doc.has(i - 2, lex::TITLE | lex::ROLE));
        let before_surname = one_word && !entry.is_country() && plain_name(doc, i + 1);
        let weak_place = entry.entity_type == EntityType::Place
            && (entry.kind == kind::CITY || after_first_name || before_surname);
        if entry.entity_type != EntityType::Person && !weak_place {
            return false;
        }
    }
    true
}

/// "R-Ky.", "D-Calif": a party and state label after a US politician's name.
pub(crate) fn is_party_label(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && {
        let word = doc.word(i);
        let mut parts = word.splitn(2, '-');
        matches!(parts.next(), Some("R" | "D" | "I"))
            && parts
                .next()
                .is_some_and(|state| state.chars().next().is_some_and(char::is_uppercase))
    }
}

/// "Jr.", "Sr.", "II": a suffix that ends a name.
pub(crate) fn is_generational(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// Given names that are also month abbreviations or names ("Jan Egeland", "May Boeve").
const MONTH_NAMES: &[&str] = &["Jan", "May", "June", "April", "August"];

/// A capitalised word with no lexicon class and no gazetteer match: a plain given name.
fn plain_name(doc: &Doc, i: usize) -> bool {
    doc.is_capitalised(i)
        && doc.tokens[i].flags == 0
        && doc.tokens[i].mention.is_none()
        && !doc.is_possessive(i)
        && !doc.is_all_caps(i)
        && doc.tokens[i].cue.is_none()
}

/// A lowercase particle inside a name ("da", "bin", "al-Sisi", "Jr.").
fn is_particle(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    let word = doc.word(i);
    if doc.has(i, lex::PARTICLE) {
        return true;
    }
    // "al-Assad", "el-Sisi", "bin-Salman"
    let mut parts = word.splitn(2, '-');
    matches!((parts.next(), parts.next()), (Some(p), Some(rest)) if matches!(p, "al" | "el" | "bin" | "ad" | "as" | "ash") && rest.chars().next().is_some_and(char::is_uppercase))
}

/// First token of the personal name ending at token `last` (inclusive), within `lo`: up to
/// five name words with particles between them. `None` when `last` is not a name word.
pub(crate) fn name_run_start(doc: &Doc, gaz: &Gazetteer, lo: usize, last: usize) -> Option<usize> {
    let suffix = last > lo && is_generational(doc.word(last));
    let mut head = last;
    if suffix {
        // "Marcos Jr."
        head = last - 1;
    }
    if !is_name_token(doc, gaz, head) {
        return None;
    }
    let mut start = head;
    let mut names = 1;
    while start > lo && names < 4 {
        let prev = start - 1;
        if is_name_token(doc, gaz, prev) {
            start = prev;
            names += 1;
        } else if is_particle(doc, prev)
            && !doc.is_capitalised(prev)
            && prev > lo
            && is_name_token(doc, gaz, prev - 1)
        {
            start = prev - 1;
            names += 1;
        } else if is_particle(doc, prev) && doc.word(prev).contains('-') {
            start = prev;
        } else {
            break;
        }
    }
    Some(start)
}

/// Number of name words (not particles) in a run.
fn name_words(doc: &Doc, gaz: &Gazetteer, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| is_name_token(doc, gaz, i)).count()
}

/// Whether word `t` belongs inside a subject noun phrase that ends before `e`.
fn is_np_word(doc: &Doc, t: usize, e: usize) -> bool {
    if !doc.is_word(t) {
        return false;
    }
    let flags = doc.tokens[t].flags;
    let word = doc.word(t);
    let capitalised = doc.is_capitalised(t);
    // One gazetteer name is one phrase ("Human Rights Watch", "Doctors Without Borders").
    let same_mention = t > 0
        && doc.tokens[t].mention.is_some()
        && doc.tokens[t].mention == doc.tokens[t - 1].mention;
    if same_mention {
        return true;
    }
    if capitalised {
        // "First Federal Savings and Loan Association", "New York Stock Exchange": words that
        // never start a person's name may start an organization's.
        // Reading forwards ("according to the World Bank"), the head is ahead in the run.
        // Only a stop word needs the check, so it runs only for them.
        let in_org_name = || {
            let org_head_ahead = || {
                (t + 1..e.min(t + 6))
                    .take_while(|&j| doc.is_capitalised(j) || doc.is(j, "of") || doc.is(j, "and"))
                    .any(|j| doc.is_capitalised(j) && doc.has(j, lex::ORGHEAD))
            };
            e > 0
                && flags & lex::FUNCTION == 0
                && (!doc.has(t, lex::ADV) || word == "First")
                && (doc.is_capitalised(e - 1) && doc.has(e - 1, lex::ORGHEAD) || org_head_ahead())
        };
        if flags & lex::STOP != 0
            && flags & (lex::TITLE | lex::MOD | lex::ORGHEAD | lex::UNNAMED) == 0
            && !in_org_name()
        {
            return false;
        }
        return doc.tokens[t].cue.is_none() || flags & (lex::TITLE | lex::MOD | lex::ORGHEAD) != 0;
    }
    if flags & (lex::ROLE | lex::UNNAMED | lex::ORGHEAD | lex::MOD | lex::TITLE) != 0
        && flags & lex::PREP == 0
    {
        return true;
    }
    let next_cap = t + 1 < e && doc.is_capitalised(t + 1);
    let prev_cap = t > 0 && doc.is_capitalised(t - 1);
    match word {
        // "Secretary of State", "Ministry of Foreign Affairs", "Minister for Planning"; not
        // "Elijah Cummings of Maryland".
        "of" | "for" => {
            next_cap && prev_cap && doc.has(t - 1, lex::TITLE | lex::ORGHEAD | lex::MOD)
        }
        // "Climate Change and Energy Minister": "and" between title words, not between names.
        // "Savings and Loan Association", "Standard and Poor's Corp": inside an organization
        // name when the phrase ends with an organization head.
        // "Donald Trump and Senator Bernie Sanders" are two people: a person's title after
        // "and" joins only title words ("President and CEO").
        "and" | "&" => {
            let title_joins = doc.has(t + 1, lex::MOD | lex::ORGHEAD)
                || doc.has(t + 1, lex::TITLE)
                    && t > 0
                    && doc.has(t - 1, lex::TITLE | lex::MOD | lex::ORGHEAD);
            prev_cap
                && t + 1 < e
                && (title_joins
                    || next_cap
                        && e > 0
                        && doc.has(e - 1, lex::ORGHEAD)
                        && doc.is_capitalised(e - 1))
        }
        _ => is_particle(doc, t) && next_cap,
    }
}

/// Start of the noun phrase that ends at `e` (exclusive), not before `lo`. A determiner closes
/// the phrase on the left.
pub(crate) fn np_start(doc: &Doc, lo: usize, e: usize) -> usize {
    let mut s = e;
    while s > lo && e - s < 16 {
        let t = s - 1;
        if doc.has(t, lex::DET) && doc.is_word(t) && !doc.is_capitalised(t)
            || is_capital_det(doc, t)
        {
            s = t;
            break;
        }
        if is_np_word(doc, t, e) {
            s = t;
        } else {
            break;
        }
    }
    s
}

fn is_capital_det(doc: &Doc, t: usize) -> bool {
    doc.is_word(t) && doc.is_capitalised(t) && doc.has(t, lex::DET)
}

/// End of the noun phrase that starts at `s`, not after `hi`.
pub(crate) fn np_end(doc: &Doc, s: usize, hi: usize) -> usize {
    let mut e = s;
    if e < hi && (doc.has(e, lex::DET) && doc.is_word(e)) {
        e += 1;
    }
    while e < hi && e - s < 16 {
        if doc.has(e, lex::DET) && !doc.is_capitalised(e) {
            break;
        }
        if is_np_word(doc, e, hi) {
            e += 1;
            // A possessive closes the phrase only when a name follows it ("Russia's Lavrov").
            continue;
        }
        break;
    }
    e
}

/// Skips, backwards from the verb at `v`, what may stand between a subject and its verb:
/// adverbs, perfect auxiliaries, time expressions and parentheses. Returns the new end.
pub(crate) fn skip_back_fillers(doc: &Doc, lo: usize, v: usize) -> usize {
    let mut k = v;
    let mut steps = 0;
    while k > lo && steps < 12 {
        steps += 1;
        let t = k - 1;
        if doc.is_punct(t, ')') {
            let open = (t.saturating_sub(8).max(lo)..t)
                .rev()
                .find(|&j| doc.is_punct(j, '('));
            match open {
                Some(o) => {
                    k = o;
                    continue;
                }
                None => break,
            }
        }
        if !doc.is_word(t) {
            break;
        }
        let word = doc.word(t);
        let lower_adverb =
            !doc.is_capitalised(t) && (doc.has(t, lex::ADV) || lex::is_ly_adverb(word));
        // "Trump and Sanders have both argued", "the leaders all said": a floating quantifier.
        let quantifier = matches!(word, "both" | "all" | "each");
        // "this past week", "last month": the determiners of a time expression just skipped.
        let time_det =
            matches!(word, "this" | "past" | "last" | "next") && k < v && is_time_word(doc, k);
        if lower_adverb || quantifier || time_det || matches!(word, "has" | "have" | "had") {
            k = t;
            continue;
        }
        if is_time_word(doc, t) {
            // "on Monday", "on Jan. 13", "earlier this week", "late on Tuesday"
            let mut j = t;
            while j > lo
                && (is_time_word(doc, j - 1) || doc.is_punct(j - 1, ',') && is_time_word(doc, j))
            {
                j -= 1;
            }
            if j > lo
                && doc.is_word(j - 1)
                && matches!(
                    doc.word(j - 1),
                    "on" | "late" | "early" | "earlier" | "later"
                )
            {
                j -= 1;
            }
            k = j;
            continue;
        }
        break;
    }
    k
}

/// A word of a time expression: day and month names, "week", "earlier", numbers.
pub(crate) fn is_time_word(doc: &Doc, t: usize) -> bool {
    doc.is_word(t) && (doc.has(t, lex::TIME) || doc.word(t).chars().all(|c| c.is_ascii_digit()))
}

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
            // "Yin May, 60, a doctor, said": an age.
            || doc.is_word(first) && doc.word(first).bytes().all(|b| b.is_ascii_digit());
        // The apposition itself must not report speech ("…, Lavrov said, …").
        // Only clear speech verbs count: "states" or "claims" inside an apposition are nouns.
        let reports = (first..comma).any(|t| {
            doc.tokens[t].cue.is_some_and(|(v, form)| {
                matches!(form, CueForm::Past | CueForm::Third)
                    && matches!(
                        super::cues::verb_of(v).lemma,
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
            || doc.has(before, lex::PARTICLE);
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

/// Classifies a phrase headed by a source or role noun at `h` (phrase start `s`).
fn source_noun(doc: &Doc, s: usize, h: usize, phrase: String, has_pp: bool) -> Option<Subject> {
    let flags = doc.tokens[h].flags;
    if flags & lex::PEOPLE != 0 && flags & lex::UNNAMED == 0 {
        // "people familiar with…" but never bare "people said".
        let qualifier = doc.is_word(h + 1)
            && matches!(
                doc.word(h + 1),
                "familiar" | "close" | "briefed" | "with" | "aware" | "knowledgeable"
            );
        return (has_pp && qualifier).then_some(Subject::Unnamed(phrase));
    }
    if flags & lex::PLURAL != 0 {
        return Some(Subject::Unnamed(phrase));
    }
    // "a spokesperson", and "his lawyer" (someone's, not a role-holder named before).
    let indefinite = s < h
        && doc.is_word(s)
        && matches!(
            doc.word(s).to_ascii_lowercase().as_str(),
            "a" | "an" | "another" | "one" | "his" | "her" | "its" | "their" | "our"
        );
    if indefinite || s == h && flags & lex::UNNAMED != 0 && !doc.is_capitalised(h) {
        return Some(Subject::Unnamed(phrase));
    }
    if flags & (lex::ROLE | lex::UNNAMED | lex::TITLE) == 0 {
        return None;
    }
    Some(Subject::Description(Description {
        head: head_word(doc.word(h)),
        mods: Vec::new(),
        country: None,
        phrase,
        org: false,
    }))
}

fn head_word(word: &str) -> String {
    normalise(word).to_lowercase()
}

fn pronoun(word: &str) -> Pronoun {
    match word.to_ascii_lowercase().as_str() {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        _ => Pronoun::Other,
    }
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

/// The ISO code of the country a Place mention or demonym at word `i` points to.
fn country_at(doc: &Doc, gaz: &Gazetteer, i: usize) -> Option<(EntryId, String)> {
    let m = doc.mention(i)?;
    let entry = gaz.entry(m.entry);
    if entry.entity_type != EntityType::Place {
        return None;
    }
    let code = entry.country.clone()?;
    let country = if entry.is_country() {
        Some(m.entry)
    } else {
        gaz.by_id(&format!("country:{code}"))
    };
    let country = country.or_else(|| {
        gaz.country(&code).and_then(|c| {
            gaz.lookup(&c.name)
                .iter()
                .copied()
                .find(|&id| gaz.entry(id).is_country())
        })
    })?;
    Some((country, code))
}

/// Decides what the phrase `[s, e)` names, reading its head (the last word).
pub(crate) fn classify(doc: &Doc, gaz: &Gazetteer, s: usize, e: usize) -> Option<Subject> {
    if s >= e || !doc.is_word(e - 1) {
        return None;
    }
    let last = e - 1;
    if doc.is_possessive(last) {
        return None;
    }
    let phrase = || normalise(doc.span_text(s, e));
    let weak_place = doc
        .mention(last)
        .is_some_and(|m| gaz.entry(m.entry).entity_type == EntityType::Place)
        && is_name_token(doc, gaz, last)
        && (last > s && !doc.has(s, lex::DET)
            || name_run_start(doc, gaz, s, last).is_some_and(|r| r < last));
    if let Some(m) = doc.mention(last).filter(|_| !weak_place) {
        let entry = gaz.entry(m.entry);
        if m.via == MentionVia::Demonym {
            // "David French", "Mark Cuban": a demonym after a given name is a surname.
            if last > s && doc.is_capitalised(last) && is_name_token(doc, gaz, last - 1) {
                if let Some(start) = name_run_start(doc, gaz, s, last - 1) {
                    let name = normalise(doc.span_text(start, e));
                    return Some(match resolve_entry(gaz, &name) {
                        Some(entry) => Subject::Entry(entry),
                        None => Subject::Written {
                            name,
                            ty: EntityType::Person,
                        },
                    });
                }
            }
            return Some(Subject::Unnamed(phrase()));
        }
        return Some(match entry.entity_type {
            EntityType::Person => Subject::Entry(m.entry),
            EntityType::Organization if entry.is_publisher() => Subject::Outlet(m.entry),
            // "Democrats said", "Republicans said": some members, not the party speaking.
            EntityType::Organization if members_of(doc, m, &entry.name) => {
                Subject::Unnamed(phrase())
            }
            EntityType::Organization => Subject::Entry(m.entry),
            EntityType::Place => {
                // A place speaking ("Beijing said"): keep the place itself, without "the".
                let first = if doc.has(s, lex::DET) { s + 1 } else { s };
                Subject::Place(normalise(doc.span_text(first.min(last), e)))
            }
        });
    }
    let flags = doc.tokens[last].flags;
    if flags & lex::PRONOUN != 0 && s == last {
        return Some(Subject::Pronoun(pronoun(doc.word(last))));
    }
    if let Some(body) = principal_body(doc, gaz, s, e) {
        return Some(body);
    }
    if let Some(org) = organization(doc, gaz, s, e) {
        return Some(org);
    }
    // "John Major", "Stephen King": a title word after a plain name word is a surname.
    let surname_title = doc.is_capitalised(last)
        && flags & (lex::TITLE | lex::ROLE) != 0
        && last > s
        && doc.tokens[last].flags & (lex::ORGHEAD | lex::UNNAMED | lex::PLURAL) == 0
        && is_name_token(doc, gaz, last - 1);
    if flags & (lex::UNNAMED | lex::ROLE | lex::TITLE | lex::PEOPLE) != 0 && !surname_title {
        return describe(doc, gaz, s, last, phrase());
    }
    // "the New York businessman", "the report": a described source the lexicon does not
    // know; never a named speaker.
    let determined = s < last && (doc.has(s, lex::DET) && doc.is_word(s) || doc.is_possessive(s));
    let common_noun = !doc.is_capitalised(last) && doc.word(last).chars().all(char::is_alphabetic);
    if determined && common_noun && flags & (lex::PRONOUN | lex::DET | lex::AUX) == 0 {
        return Some(Subject::Unnamed(phrase()));
    }
    let start = if surname_title {
        name_run_start(doc, gaz, s, last - 1)
    } else {
        name_run_start(doc, gaz, s, last)
    }?;
    let name = normalise(doc.span_text(start, e));
    if name_words(doc, gaz, start, e) + usize::from(surname_title) >= 2 {
        if let Some(entry) = resolve_entry(gaz, &name) {
            return Some(Subject::Entry(entry));
        }
        return Some(Subject::Written {
            name,
            ty: EntityType::Person,
        });
    }
    if let Some(entry) = resolve_entry(gaz, &name) {
        return Some(Subject::Entry(entry));
    }
    let members = gaz.lookup(&name).iter().any(|&id| {
        let entry = gaz.entry(id);
        entry.entity_type == EntityType::Organization && is_members_word(&name, &entry.name)
    });
    if members {
        return Some(Subject::Unnamed(phrase()));
    }
    // "the Kremlin", "the Pentagon", "the EU": a single capitalised word after "the" names a
    // body, unless it is a people ("the Russians").
    if start == s + 1 && doc.is_word(s) && doc.word(s).eq_ignore_ascii_case("the") {
        let singular = name.strip_suffix('s').unwrap_or(&name);
        let is_place = [name.as_str(), singular].iter().any(|n| {
            gaz.lookup(n)
                .iter()
                .any(|&id| gaz.entry(id).entity_type == EntityType::Place)
        });
        return Some(if is_place {
            Subject::Unnamed(phrase())
        } else {
            Subject::Written {
                name,
                ty: EntityType::Organization,
            }
        });
    }
    Some(Subject::Surname(name))
}

/// Number words that open a sentence capitalised ("Eight said …") and name nobody.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundreds",
    "thousands",
    "dozens",
    "millions",
    // Time units open sentences the same way ("Minutes later, she …").
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
];

/// Whether the one-word phrase `[s, e)` reads as a proper name the article never spells out in
/// full: capitalised with lowercase letters, no digits, initials or contractions ("I'm"), no
/// "-ly" adverb or "-ing" form, no number word, and never written in lowercase elsewhere in the
/// article (which would make it a common word opening a sentence: "Questions", "Voters").
pub(crate) fn is_unknown_name(doc: &Doc, s: usize, e: usize) -> bool {
    // "Ms. Gao said": an honorific before the name marks a person outright.
    if e == s + 2 && doc.has(s, lex::HONORIFIC) {
        return doc.is_word(s + 1)
            && doc.is_capitalised(s + 1)
            && !doc.is_all_caps(s + 1)
            && doc.tokens[s + 1].flags == 0;
    }
    if e != s + 1 || !doc.is_word(s) || !doc.is_capitalised(s) || doc.is_all_caps(s) {
        return false;
    }
    let word = doc.word(s);
    let lower = word.to_lowercase();
    let shape_ok = word.chars().count() >= 3
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        // Contractions ("I'm", "I've", "We'll"), unlike "O'Neill", end in a short lowercase tail.
        && !word
            .rsplit_once(['\'', '’'])
            .is_some_and(|(_, tail)| tail.len() <= 2 && tail.chars().all(char::is_lowercase))
        && !lower.ends_with("ing")
        && (!lower.ends_with("ly") || lower.len() <= 4)
        && !NUMBER_WORDS.contains(&lower.as_str());
    if !shape_ok || doc.tokens[s].flags != 0 {
        return false;
    }
    // The tail of a longer name ("the Foundation for Middle East Peace, who …") is no name on
    // its own.
    let tail = s > 0
        && doc.is_word(s - 1)
        && (doc.is_capitalised(s - 1)
            || matches!(
                doc.word(s - 1),
                "of" | "for" | "and" | "de" | "the" | "von" | "van"
            ));
    // "Chastened by the analyses, …", "Preys on our fears": a verb or participle opening a
    // sentence takes a preposition; a name takes its verb.
    let before_preposition = doc.is_word(e) && !doc.is_capitalised(e) && doc.has(e, lex::PREP);
    if tail || before_preposition {
        return false;
    }
    // A lowercase use anywhere makes it a common word.
    let bytes = doc.text.as_bytes();
    let bounded = |at: usize| {
        let before = doc.text[..at].chars().next_back();
        let after = doc.text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let lowercase_use = doc
        .text
        .match_indices(lower.as_str())
        .any(|(at, _)| bytes.get(at).is_some() && bounded(at));
    !lowercase_use
}

/// Whether an organization mention is a plural word for its members ("Democrats" for the
/// Democratic Party) rather than the body's name.
fn members_of(doc: &Doc, m: &crate::matcher::Mention, name: &str) -> bool {
    is_members_word(&doc.text[m.start..m.end], name)
}

/// A person, or a non-publisher organization, the gazetteer knows under `name`.
fn resolve_entry(gaz: &Gazetteer, name: &str) -> Option<EntryId> {
    gaz.lookup(name).iter().copied().find(|&id| {
        let entry = gaz.entry(id);
        entry.entity_type == EntityType::Person
            || entry.entity_type == EntityType::Organization
                && !entry.is_publisher()
                && !is_members_word(name, &entry.name)
    })
}

/// "Democrats" for the Democratic Party: one plural word that is not part of the body's name.
fn is_members_word(surface: &str, name: &str) -> bool {
    !surface.contains(' ')
        && surface.ends_with('s')
        && !newsfacet_gazetteer::fold::fold(name)
            .contains(&newsfacet_gazetteer::fold::fold(surface))
}

/// A role or source phrase headed by word `h`: unnamed ("a spokesperson", "officials") or a
/// description to resolve ("the minister", "Taiwan's president").
fn describe(doc: &Doc, gaz: &Gazetteer, s: usize, h: usize, phrase: String) -> Option<Subject> {
    let subject = source_noun(doc, s, h, phrase, false)?;
    let Subject::Description(mut description) = subject else {
        return Some(subject);
    };
    for i in s..h {
        if let Some((_, code)) = country_at(doc, gaz, i) {
            description.country = Some(code);
            continue;
        }
        if doc.has(i, lex::DET) && !doc.is_capitalised(i)
            || is_capital_det(doc, i)
            || !doc.is_word(i)
        {
            continue;
        }
        description.mods.push(head_word(doc.word(i)));
    }
    Some(Subject::Description(description))
}

/// `the Obama administration`, `the Clinton campaign`, `O'Malley's campaign`: a body named
/// after the person it serves speaks as an organization under that name ("Obama
/// administration"). The words before the head must all be name words of one person.
fn principal_body(doc: &Doc, gaz: &Gazetteer, s: usize, e: usize) -> Option<Subject> {
    let head = e - 1;
    if !doc.is_word(head) || doc.is_capitalised(head) && head + 1 != e {
        return None;
    }
    let head_word = doc.word(head).to_ascii_lowercase();
    if !matches!(head_word.as_str(), "administration" | "campaign") {
        return None;
    }
    let first = if doc.has(s, lex::DET) && doc.is_word(s) && !doc.is_possessive(s) {
        s + 1
    } else {
        s
    };
    if first >= head || head - first > 3 {
        return None;
    }
    let possessive = doc.is_possessive(head - 1);
    // "the Obama administration" (no possessive) or "O'Malley's campaign" (no determiner).
    if possessive == (first > s) {
        return None;
    }
    let name_ok = (first..head).all(|i| {
        doc.is_capitalised(i)
            && !doc.is_all_caps(i)
            && (is_name_token(doc, gaz, i)
                || doc.is_possessive(i) && i == head - 1
                || doc
                    .mention(i)
                    .is_some_and(|m| gaz.entry(m.entry).entity_type == EntityType::Person))
    });
    if !name_ok {
        return None;
    }
    let name = normalise(doc.span_text(first, head));
    Some(Subject::Written {
        name: format!("{name} {head_word}"),
        ty: EntityType::Organization,
    })
}

/// An organization phrase: "the Kremlin" is a mention and never gets here; this reads
/// "Taiwan's foreign ministry", "China's Ministry of Foreign Affairs", "the State Department",
/// "the ministry".
fn organization(doc: &Doc, gaz: &Gazetteer, s: usize, e: usize) -> Option<Subject> {
    let last = e - 1;
    // The organization head: the last word, or a capitalised head followed only by a
    // capitalised tail ("Ministry of Foreign Affairs").
    let head = if doc.has(last, lex::ORGHEAD) {
        last
    } else if doc.is_capitalised(last) {
        let mut h = None;
        for i in (s..last).rev() {
            let tail_ok = doc.is_capitalised(i) && !doc.has(i, lex::TITLE)
                || doc.is_word(i) && matches!(doc.word(i), "of" | "for" | "and" | "&");
            if doc.has(i, lex::ORGHEAD) && doc.is_capitalised(i) {
                h = Some(i);
                break;
            }
            if !tail_ok {
                break;
            }
        }
        let h = h?;
        // "Defence Ministry spokesperson" is a person; a tail of titles is not an org tail.
        if (h + 1..e).any(|i| doc.has(i, lex::TITLE | lex::ROLE)) {
            return None;
        }
        h
    } else {
        return None;
    };
    // "a Fisheries Agency official" never gets here (the head is "official").
    let mut country: Option<EntryId> = None;
    let mut first = s;
    if doc.has(s, lex::DET) && doc.is_word(s) {
        first = s + 1;
    }
    let mut words_start = first;
    let lower_head = head_word(doc.word(head));
    for i in first..head {
        // "Taiwan's foreign ministry", "the Chinese foreign ministry"; but a demonym is part of
        // other names ("American Motors Corp", "British Airways").
        let possessive_or_ministry = doc.is_possessive(i) || lower_head == "ministry";
        if let Some((id, _)) = country_at(doc, gaz, i).filter(|_| possessive_or_ministry) {
            country = Some(id);
            words_start = i + 1;
        }
    }
    let phrase = normalise(doc.span_text(s, e));
    if lower_head == "ministry" {
        let mut domain: Vec<String> = (words_start..head)
            .filter(|&i| doc.is_word(i) && !doc.is_possessive(i))
            .map(|i| doc.word(i).to_string())
            .collect();
        if doc.is(head + 1, "of") {
            domain = (head + 2..e)
                .filter(|&i| doc.is_word(i))
                .map(|i| doc.word(i).to_string())
                .collect();
        }
        let domain_name = ministry_domain(&domain);
        return Some(match (country, domain_name) {
            (Some(country), Some(domain_name)) => {
                let name = format!("{} Ministry of {domain_name}", gaz.entry(country).name);
                match gaz.resolve(&name, EntityType::Organization) {
                    Some(entry) => Subject::Written {
                        name: entry.name.clone(),
                        ty: EntityType::Organization,
                    },
                    None => Subject::Written {
                        name,
                        ty: EntityType::Organization,
                    },
                }
            }
            _ => Subject::Description(Description {
                head: lower_head,
                mods: domain.iter().map(|w| head_word(w)).collect(),
                country: None,
                phrase,
                org: true,
            }),
        });
    }
    if doc.has(head, lex::UNNAMED) && !doc.is_capitalised(head) {
        // "the Japanese government said", "police said"
        return Some(Subject::Unnamed(phrase));
    }
    let org_words = (words_start..e).filter(|&i| doc.is_word(i)).count();
    if doc.is_capitalised(head) && org_words >= 2 && doc.is_capitalised(words_start) {
        let name = normalise(doc.span_text(words_start, e));
        return Some(match resolve_entry(gaz, &name) {
            Some(entry) => Subject::Entry(entry),
            None => Subject::Written {
                name,
                ty: EntityType::Organization,
            },
        });
    }
    Some(Subject::Description(Description {
        head: lower_head,
        mods: Vec::new(),
        country: None,
        phrase,
        org: true,
    }))
}

/// The possessor at word `p` ("Xi's", "Shoygu's") as a subject: a person or organization only.
pub(crate) fn possessor(doc: &Doc, gaz: &Gazetteer, lo: usize, p: usize) -> Option<Subject> {
    if let Some(m) = doc.mention(p) {
        let entry = gaz.entry(m.entry);
        return match entry.entity_type {
            EntityType::Person => Some(Subject::Entry(m.entry)),
            EntityType::Organization if !entry.is_publisher() => Some(Subject::Entry(m.entry)),
            _ => None,
        };
    }
    let word = normalise(doc.word(p));
    if !doc.is_capitalised(p)
        || doc.has(p, lex::STOP | lex::TITLE | lex::MOD | lex::TIME)
        || doc.is_all_caps(p)
    {
        return None;
    }
    let mut start = p;
    while start > lo && is_name_token(doc, gaz, start - 1) && p - start < 4 {
        start -= 1;
    }
    if start < p {
        let name = normalise(doc.span_text(start, p + 1));
        return Some(match resolve_entry(gaz, &name) {
            Some(entry) => Subject::Entry(entry),
            None => Subject::Written {
                name,
                ty: EntityType::Person,
            },
        });
    }
    Some(match resolve_entry(gaz, &word) {
        Some(entry) => Subject::Entry(entry),
        None => Subject::Surname(word),
    })
}
