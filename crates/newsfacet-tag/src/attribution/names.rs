//! Speaker phrases, the parts shared by finding them and reading them: what a phrase can name
//! ([`Subject`]), the name words and particles of a personal name, and the noun-phrase walk.
//!
//! The parser walks tokens, not characters. `subjects` finds the phrase next to a cue;
//! `classify` decides what it names.

use crate::matcher::MentionVia;
use crate::text::particles;
use newsfacet_gazetteer::words::{self, WordSet};
use newsfacet_gazetteer::{kind, EntityType, EntryId, Gazetteer};
use std::sync::LazyLock;

use crate::text::doc::{Doc, Kind};
use crate::text::lexicon as lex;

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
    /// What the phrase names.
    pub subject: Subject,
    /// Token range of the phrase: `tokens[start..end]`.
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

/// Titles of several words, each as its lowercase words (`title-phrases.txt` of the gazetteer
/// crate), longest first so that the longest title ending at a word wins.
static TITLE_PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut phrases: Vec<Vec<&'static str>> = words::entries(words::TITLE_PHRASES)
        .map(|p| p.split_whitespace().collect())
        .collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
});

/// The last words of [`TITLE_PHRASES`]: the cheap test before matching a phrase.
static TITLE_PHRASE_ENDS: LazyLock<lex::WordMap<()>> = LazyLock::new(|| {
    TITLE_PHRASES
        .iter()
        .filter_map(|p| Some((p.last()?.as_bytes(), ())))
        .collect()
});

/// The first words of [`TITLE_PHRASES`]: the cheap test before matching a phrase forwards.
static TITLE_PHRASE_STARTS: LazyLock<lex::WordMap<()>> = LazyLock::new(|| {
    TITLE_PHRASES
        .iter()
        .filter_map(|p| Some((p.first()?.as_bytes(), ())))
        .collect()
});

/// The end (exclusive) of a title of several words that starts at word `i` and ends before
/// `hi` (`said Chancellor of the Exchequer Nigel Lawson`).
pub(crate) fn title_phrase_starting_at(doc: &Doc, i: usize, hi: usize) -> Option<usize> {
    if !doc.is_word(i) {
        return None;
    }
    let mut buf = [0u8; 32];
    let first = lex::ascii_lower_bytes(doc.word(i), &mut buf)?;
    if !TITLE_PHRASE_STARTS.contains_key(first) {
        return None;
    }
    TITLE_PHRASES.iter().find_map(|phrase| {
        let end = i + phrase.len();
        let matches = end <= hi
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| doc.is_word(i + k) && doc.word(i + k).eq_ignore_ascii_case(w));
        matches.then_some(end)
    })
}

/// The first token of a title of several words that ends at word `i` ("Chancellor of the
/// Exchequer", "Secretary of State"), not before `lo`. Such a title is one unit: its last
/// word is never the first word of the name after it.
pub(crate) fn title_phrase_ending_at(doc: &Doc, lo: usize, i: usize) -> Option<usize> {
    // Every phrase has two words at least.
    if i == 0 || !doc.is_word(i) || !doc.is_word(i - 1) {
        return None;
    }
    let mut buf = [0u8; 32];
    let last = lex::ascii_lower_bytes(doc.word(i), &mut buf)?;
    if !TITLE_PHRASE_ENDS.contains_key(last) {
        return None;
    }
    TITLE_PHRASES.iter().find_map(|phrase| {
        let start = (i + 1).checked_sub(phrase.len())?;
        let matches = start >= lo
            && phrase.iter().enumerate().all(|(k, w)| {
                doc.is_word(start + k) && doc.word(start + k).eq_ignore_ascii_case(w)
            });
        matches.then_some(start)
    })
}

/// Whether word `i` can be part of a personal name: capitalised, not a function word, title,
/// time word or organization head, not possessive, not in capitals only, not a place, not the
/// end of a title of several words.
pub(crate) fn is_name_token(doc: &Doc, gaz: &Gazetteer, i: usize) -> bool {
    if !doc.is_capitalised(i) || doc.is_possessive(i) {
        return false;
    }
    if MONTH_NAMES.contains(doc.word(i)) {
        // A given name when a surname follows ("Jan Egeland", not "Jan. 13", "May 2").
        return plain_name(doc, i + 1) || month_surname(doc, i);
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
    // "Chancellor of the Exchequer Nigel Lawson": the title's last word starts no name.
    title_phrase_ending_at(doc, 0, i).is_none()
}

/// Whether word `i`, a month name that is also a name ("May", "June"), is a surname here:
/// after an honorific or a given name ("Ms. May", "Theresa May"), and no day's number after
/// it ("Friday May 2" has no given name).
pub(crate) fn month_surname(doc: &Doc, i: usize) -> bool {
    let after_name = i > 0
        && (doc.has(i - 1, lex::HONORIFIC) && doc.is_capitalised(i - 1) || plain_name(doc, i - 1));
    let day_follows =
        doc.is_word(i + 1) && doc.word(i + 1).starts_with(|c: char| c.is_ascii_digit());
    after_name && !day_follows && doc.is_word(i) && MONTH_NAMES.contains(doc.word(i))
}

/// Ordinary lowercase English words (`english-words.txt` of the gazetteer crate).
static ORDINARY: LazyLock<words::SortedWordList> =
    LazyLock::new(|| words::SortedWordList::new(words::ORDINARY_WORDS));

/// Given names as written (`given-names.txt`; it leaves out those that are ordinary words).
static GIVEN: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::GIVEN_NAMES));

/// Whether word `i` is an ordinary English word ("Protestors", "Besides", "Globe") and not a
/// given name: capitalised, it names nobody unless the text shows it as a name.
pub(crate) fn is_ordinary_word(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    let word = normalise(doc.word(i));
    let lower = word.to_lowercase();
    ORDINARY.contains(&lower) && !GIVEN.contains(&word)
}

/// Whether word `i` is the plural of an ordinary noun capitalised only because it opens the
/// sentence ("Protestors said"): an ordinary word ending in "s" whose singular is one too, not
/// a given name, and never capitalised mid-sentence in the text (which makes "Sanders" or
/// "Sessions" a name wherever it stands).
pub(crate) fn is_plural_noun(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) || !opens_sentence(doc, i) || capitalised_mid_sentence(doc, doc.word(i)) {
        return false;
    }
    let lower = normalise(doc.word(i)).to_lowercase();
    let singular = lower
        .strip_suffix("es")
        .filter(|s| ORDINARY.contains(s))
        .or_else(|| lower.strip_suffix('s'));
    singular.is_some_and(|s| s.len() >= 3 && ORDINARY.contains(s)) && is_ordinary_word(doc, i)
}

/// Whether word `i` opens its sentence, where any word is capitalised: the first of its
/// paragraph, or after a sentence end, a colon, a dash or a quote.
pub(crate) fn opens_sentence(doc: &Doc, i: usize) -> bool {
    if i == 0 || doc.starts_para(i) {
        return true;
    }
    matches!(
        doc.tokens[i - 1].kind,
        Kind::Punct('.' | '!' | '?' | ':' | '—' | '–') | Kind::Quote(_)
    )
}

/// Whether the capitalised `word` also stands capitalised in the middle of a sentence of the
/// text ("the Sanders camp", "said Sanders"): then it is a name wherever it stands.
pub(crate) fn capitalised_mid_sentence(doc: &Doc, word: &str) -> bool {
    let text = doc.text;
    text.match_indices(word).any(|(at, _)| {
        let after = text[at + word.len()..].chars().next();
        let before = text[..at].trim_end_matches(' ');
        let previous = before.chars().next_back();
        before.len() < at
            && !after.is_some_and(char::is_alphanumeric)
            && previous.is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// Whether the word `lower` (lowercase) stands in lowercase anywhere in the text, as a word.
pub(crate) fn used_in_lowercase(doc: &Doc, lower: &str) -> bool {
    let text = doc.text;
    text.match_indices(lower).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether word `i` is a word capitalised only because it opens the sentence, before a name:
/// a preposition, adverb or conjunction ("Besides Demi", "Meanwhile Smith"), or an ordinary
/// word (not a given name, not a person's or organization's name) that the text also writes
/// in lowercase ("Dodge Ram" where the text says "dodge").
pub(crate) fn is_sentence_opener_word(doc: &Doc, gaz: &Gazetteer, i: usize) -> bool {
    if !opens_sentence(doc, i) || !doc.is_word(i) {
        return false;
    }
    let word = doc.word(i);
    let lower = word.to_lowercase();
    if doc.has(i, lex::PREP | lex::ADV | lex::CONJ) {
        return true;
    }
    // "Carly" ends in "-ly" too: an adverb must be an ordinary word.
    if lex::is_ly_adverb(&lower) && is_ordinary_word(doc, i) {
        return true;
    }
    doc.mention(i)
        .is_none_or(|m| gaz.entry(m.entry).entity_type == EntityType::Place)
        && is_ordinary_word(doc, i)
        && used_in_lowercase(doc, &lower)
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

/// Given names that are also month abbreviations or names ("Jan Egeland", "May Boeve"), as
/// written (`given-name-months.txt` of the gazetteer crate).
static MONTH_NAMES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::GIVEN_NAME_MONTHS));

/// A capitalised word with no lexicon class and no gazetteer match: a plain given name.
pub(crate) fn plain_name(doc: &Doc, i: usize) -> bool {
    doc.is_capitalised(i)
        && doc.tokens[i].flags == 0
        && doc.tokens[i].mention.is_none()
        && !doc.is_possessive(i)
        && !doc.is_all_caps(i)
        && doc.tokens[i].cue.is_none()
}

/// A lowercase particle inside a name ("da", "bin", "al-Sisi", "Jr.").
pub(crate) fn is_particle(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    particles::in_speaker_name(doc.word(i), doc.tokens[i].flags)
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
    // "Bashar al-Assad", "Ali al-Khalifa al-Sabah": hyphenated particles end the name.
    while head > lo && particles::is_hyphenated(doc.word(head)) && !doc.is_capitalised(head) {
        head -= 1;
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

/// Number of name words in a run: not particles, but a hyphenated one carries a name of its
/// own ("al-Assad").
pub(crate) fn name_words(doc: &Doc, gaz: &Gazetteer, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| {
            is_name_token(doc, gaz, i) || doc.is_word(i) && particles::is_hyphenated(doc.word(i))
        })
        .count()
}

/// Whether word `t` belongs inside a subject noun phrase that ends before `e`.
pub(crate) fn is_np_word(doc: &Doc, t: usize, e: usize) -> bool {
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
    if capitalised && month_surname(doc, t) {
        // "Ms. May": a surname, though "May" is also a month and a modal.
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
        // "Ali al-Khalifa al-Sabah": a hyphenated particle carries a name of its own and may
        // end the phrase.
        _ => {
            is_particle(doc, t)
                && (next_cap
                    || particles::is_hyphenated(word)
                        && (prev_cap || t > 0 && is_particle(doc, t - 1)))
        }
    }
}

/// Start of the noun phrase that ends at `e` (exclusive), not before `lo`. A determiner closes
/// the phrase on the left.
pub(crate) fn np_start(doc: &Doc, lo: usize, e: usize) -> usize {
    let mut s = e;
    while s > lo && e - s < 16 {
        let t = s - 1;
        // "Chancellor of the Exchequer Nigel Lawson": a title of several words is one unit,
        // its "the" and "of" included.
        if let Some(start) = title_phrase_ending_at(doc, lo, t) {
            s = start;
            continue;
        }
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

/// Whether token `t` is a capitalised determiner opening a phrase ("The", "A").
pub(crate) fn is_capital_det(doc: &Doc, t: usize) -> bool {
    doc.is_word(t) && doc.is_capitalised(t) && doc.has(t, lex::DET)
}

/// End of the noun phrase that starts at `s`, not after `hi`.
pub(crate) fn np_end(doc: &Doc, s: usize, hi: usize) -> usize {
    let mut e = s;
    if e < hi && (doc.has(e, lex::DET) && doc.is_word(e)) {
        e += 1;
    }
    while e < hi && e - s < 16 {
        // "said Chancellor of the Exchequer Nigel Lawson": a title of several words is one
        // unit, its "of" and "the" included.
        if let Some(end) = title_phrase_starting_at(doc, e, hi) {
            e = end;
            continue;
        }
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
        if is_time_word(doc, t) && !month_surname(doc, t) {
            // "on Monday", "on Jan. 13", "earlier this week", "late on Tuesday"; not the
            // surname of "Ms. May said".
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

/// Classifies a phrase headed by a source or role noun at `h` (phrase start `s`).
pub(crate) fn source_noun(
    doc: &Doc,
    s: usize,
    h: usize,
    phrase: String,
    has_pp: bool,
) -> Option<Subject> {
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

/// The lowercase head noun of a description, normalised.
pub(crate) fn head_word(word: &str) -> String {
    normalise(word).to_lowercase()
}

/// Which personal pronoun a (pronoun) word is.
pub(crate) fn pronoun(word: &str) -> Pronoun {
    match word.to_ascii_lowercase().as_str() {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        _ => Pronoun::Other,
    }
}

/// The ISO code of the country a Place mention or demonym at word `i` points to.
pub(crate) fn country_at(doc: &Doc, gaz: &Gazetteer, i: usize) -> Option<(EntryId, String)> {
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
