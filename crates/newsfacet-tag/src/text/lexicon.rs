//! Closed word classes: titles, roles, unnamed-source nouns, organization heads, particles,
//! determiners, fillers, read by attribution and entity resolution alike. The lists are data
//! files of the gazetteer crate ([`newsfacet_gazetteer::words`]). Every word token is looked up
//! once (one hash probe on its ASCII lowercase form) and carries the resulting bit set, so
//! later pattern checks are bit tests.

use std::collections::HashMap;
use std::sync::LazyLock;

use newsfacet_gazetteer::words::{self, entries, entries_for, BuildWordHasher, WordSet};

/// A map keyed by lexicon words (lowercase ASCII), as bytes: a token's lowercase form is
/// looked up as the bytes [`ascii_lower_bytes`] writes, without checking them as UTF-8 again.
pub(crate) type WordMap<V> = HashMap<&'static [u8], V, BuildWordHasher>;

/// Determiners and quantifiers that open a noun phrase ("the", "a", "his", "two").
pub(crate) const DET: u32 = 1;
/// Personal pronouns that can be the subject of a cue ("he", "she", "they", "it").
pub(crate) const PRONOUN: u32 = 1 << 1;
/// Office and honorific words written before a name ("President", "Minister", "Dr.").
pub(crate) const TITLE: u32 = 1 << 2;
/// Domain adjectives of offices and ministries ("foreign", "defence", "senior").
pub(crate) const MOD: u32 = 1 << 3;
/// Singular role nouns that a description can refer back with ("the minister").
pub(crate) const ROLE: u32 = 1 << 4;
/// Nouns naming an unnamed source ("officials", "a spokesperson", "analysts").
pub(crate) const UNNAMED: u32 = 1 << 5;
/// Heads of organization names ("Ministry", "Council", "Agency").
pub(crate) const ORGHEAD: u32 = 1 << 6;
/// Prepositions that start a post-modifier ("officials *at* the conference").
pub(crate) const PREP: u32 = 1 << 7;
/// Time words ("Monday", "week", "earlier").
pub(crate) const TIME: u32 = 1 << 8;
/// Adverbs allowed between a subject and its verb ("also", "separately").
pub(crate) const ADV: u32 = 1 << 9;
/// Auxiliaries and negation ("has", "was", "did", "not", "to").
pub(crate) const AUX: u32 = 1 << 10;
/// Lowercase name particles and generational suffixes ("bin", "da", "van", "Jr.").
pub(crate) const PARTICLE: u32 = 1 << 11;
/// Capitalised words that never start or form a name ("The", "However", "Monday").
pub(crate) const STOP: u32 = 1 << 12;
/// Plural nouns (of the role and unnamed classes).
pub(crate) const PLURAL: u32 = 1 << 13;
/// Masculine role words ("spokesman", "Mr.").
pub(crate) const MASC: u32 = 1 << 14;
/// Feminine role words ("spokeswoman", "Mrs.").
pub(crate) const FEM: u32 = 1 << 15;
/// Words that start a clause after a cue's object ("that").
pub(crate) const THAT: u32 = 1 << 16;
/// Coordinators and subordinators that can start an independent clause ("while", "but").
pub(crate) const CONJ: u32 = 1 << 17;
/// Nouns that report speech after a possessive ("Xi's remarks").
pub(crate) const NOUN_CUE: u32 = 1 << 18;
/// Modal verbs and "to": a base-form verb after them is not a finite cue.
pub(crate) const MODAL: u32 = 1 << 19;
/// Relative pronouns ("who", "whose").
pub(crate) const RELATIVE: u32 = 1 << 20;
/// "people", "person": a source only with "familiar with" / "close to".
pub(crate) const PEOPLE: u32 = 1 << 21;
/// Abbreviations whose period is part of the word ("Mr.", "U.S.", "Jan.").
pub(crate) const ABBREV: u32 = 1 << 22;
/// Function-word classes: never part of a name.
pub(crate) const FUNCTION: u32 = DET | PRONOUN | PREP | CONJ | THAT | RELATIVE | AUX | MODAL | TIME;
/// Titles that mark a lone surname as a person ("Mr. Obama", "President Xi", "Sen. Kaine").
pub(crate) const HONORIFIC: u32 = 1 << 23;

fn add(map: &mut WordMap<u32>, words: impl IntoIterator<Item = &'static str>, flag: u32) {
    for word in words {
        *map.entry(word.as_bytes()).or_insert(0) |= flag;
    }
}

static FLAGS: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    add(&mut map, entries(words::DETERMINERS), DET);
    add(&mut map, entries(words::PRONOUNS), PRONOUN);
    add(&mut map, entries(words::TITLE_WORDS), TITLE);
    add(&mut map, entries(words::TITLE_MODIFIERS), MOD);
    add(&mut map, entries(words::ROLES), ROLE);
    add(&mut map, entries(words::UNNAMED_SOURCES), UNNAMED);
    add(
        &mut map,
        entries(words::UNNAMED_SOURCES_PLURAL),
        UNNAMED | PLURAL,
    );
    add(&mut map, entries(words::ORG_HEADS), ORGHEAD);
    add(&mut map, entries(words::PREPOSITIONS), PREP);
    add(&mut map, entries(words::TIME_WORDS), TIME);
    add(&mut map, entries(words::ADVERBS), ADV);
    add(&mut map, entries(words::AUXILIARIES), AUX);
    add(&mut map, entries(words::MODALS), MODAL);
    add(&mut map, entries(words::NAME_PARTICLES), PARTICLE);
    add(&mut map, entries(words::STOP_WORDS), STOP);
    add(&mut map, entries(words::MASCULINE_WORDS), MASC);
    add(&mut map, entries(words::FEMININE_WORDS), FEM);
    add(&mut map, ["that"], THAT);
    add(&mut map, entries(words::CONJUNCTIONS), CONJ);
    add(&mut map, entries(words::NOUN_CUES), NOUN_CUE);
    add(&mut map, entries(words::RELATIVE_PRONOUNS), RELATIVE);
    add(&mut map, entries(words::PEOPLE_WORDS), PEOPLE);
    add(&mut map, entries(words::ABBREVIATIONS), ABBREV);
    add(
        &mut map,
        entries_for(words::PERSONAL_TITLES, "attribution"),
        HONORIFIC,
    );
    map
});

/// ASCII-lowercases `word` into `buf` and returns it, or `None` when the word cannot be in any
/// lexicon (non-ASCII or too long), which spares an allocation per token.
pub(crate) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    std::str::from_utf8(ascii_lower_bytes(word, buf)?).ok()
}

/// [`ascii_lower`] as bytes, for the [`WordMap`] lookups made for every token.
pub(crate) fn ascii_lower_bytes<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// Normalises a typographic apostrophe to ASCII so "Russia’s" and "Russia's" look alike. Returns
/// the word unchanged when it has none.
pub(crate) fn plain_apostrophes(word: &str) -> std::borrow::Cow<'_, str> {
    // An ASCII word, nearly every one, cannot hold the typographic apostrophe.
    if !word.is_ascii() && word.contains('’') {
        std::borrow::Cow::Owned(word.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// The word-class bits of one word (case-insensitive; a possessive `'s` is ignored).
pub(crate) fn flags_of(word: &str) -> u32 {
    let word = plain_apostrophes(word);
    let base = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(&word);
    let mut buf = [0u8; 32];
    ascii_lower_bytes(base, &mut buf)
        .and_then(|lower| FLAGS.get(lower))
        .copied()
        .unwrap_or(0)
}

/// Whether the lowercase form of `word` (without a trailing period) is a known abbreviation, so
/// that its period belongs to the word rather than ending a sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 32];
    ascii_lower_bytes(word, &mut buf)
        .is_some_and(|lower| FLAGS.get(lower).is_some_and(|f| f & ABBREV != 0))
}

static NOT_ADVERBS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::NOT_ADVERBS));

/// Whether a lowercase word is an adverb by its "-ly" ending.
pub(crate) fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_ADVERBS.contains(word)
}

/// Maps a ministry's domain words to the canonical ministry name tail: "foreign" → "Foreign
/// Affairs", "defense" → "Defence".
pub(crate) fn ministry_domain(words: &[String]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let joined = lower.join(" ");
    let canonical = match joined.as_str() {
        "" => return None,
        "foreign" | "foreign affairs" | "external affairs" => "Foreign Affairs".to_string(),
        "defence" | "defense" | "national defense" | "national defence" => "Defence".to_string(),
        _ => words
            .iter()
            .map(|w| {
                let mut chars = w.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    Some(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_case_insensitive_and_ignore_possessives() {
        assert_ne!(flags_of("Minister") & TITLE, 0);
        assert_ne!(flags_of("minister’s") & ROLE, 0);
        assert_ne!(flags_of("Officials") & (UNNAMED | PLURAL), 0);
        assert_eq!(flags_of("Shoigu"), 0);
        assert_eq!(flags_of("Москва"), 0);
        assert!(is_abbreviation("U.S"));
        assert!(is_ly_adverb("repeatedly"));
        assert!(!is_ly_adverb("family"));
        assert_eq!(
            ministry_domain(&["foreign".into()]).as_deref(),
            Some("Foreign Affairs")
        );
        assert_eq!(
            ministry_domain(&["Commerce".into()]).as_deref(),
            Some("Commerce")
        );
    }
}
