//! What a proper-noun chunk's words say about the kind of name: given names, surname-first
//! family names, and the head words that end names of places and organizations.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::text::lexicon as lex;
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::words::{self, BuildWordHasher, SortedWordList, WordSet};
use newsfacet_gazetteer::{EntityType, Entry, Gazetteer};

/// Family names that come first in Chinese, Korean and Vietnamese names, folded.
static SURNAMES_FIRST: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::SURNAMES_FIRST));

/// Head words that end the name of a place or facility ("Tiananmen Square").
static PLACE_HEADS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::PLACE_HEADS));

/// Head words of organization names beyond the attribution lexicon's ("Israel Radio").
static ORG_TAILS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::ORG_TAILS));

/// Numbers that follow a place name without making it a team: units of measure and money.
pub(crate) static UNIT_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::UNIT_WORDS));

/// Titles that only people hold: a name after one is a person's ("President Clinton", "Mr
/// Lebed"). Titles that are also ordinary adjectives ("Major", "General", "Chief") split chunks
/// but are no evidence.
static PERSONAL_TITLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::for_reader(words::PERSONAL_TITLES, "entities"));

/// Country names that are also given names ("chad", "jordan"), folded.
static COUNTRY_GIVEN_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(words::COUNTRY_GIVEN_NAMES));

/// Country names that also name rivers or regions of other countries ("niger"), folded.
static COUNTRY_PLACE_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(words::COUNTRY_PLACE_WORDS));

/// Prepositions that put a name in the place reading ("in", "from").
static PLACE_PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(words::PLACE_PREPOSITIONS));

/// Single-word place names that are ordinary words and not prominent ("reading", "liberal"),
/// folded: the gazetteer build's list, which the matcher matches only capitalised mid-sentence.
static COMMON_WORD_PLACES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::COMMON_WORDS));

/// Legal forms that end a company's name ("corp", "ltd"), lowercase and without the period.
static LEGAL_FORMS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::LEGAL_FORMS));

/// Given names and ordinary lowercase English words, folded.
#[derive(Debug, Default)]
pub(crate) struct NameLexicon {
    given: HashSet<String, BuildWordHasher>,
    ordinary: SortedWordList,
}

impl NameLexicon {
    /// The bundled given names, one a line (`#` comments), plus the first word of every
    /// gazetteer person whose name is written given name first.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        given_names: &str,
        ordinary_words: &'static str,
    ) -> Self {
        let ordinary = SortedWordList::new(ordinary_words);
        let mut given: HashSet<String, BuildWordHasher> = given_names
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect();
        for (_, entry) in gazetteer.of_type(EntityType::Person) {
            let words: Vec<&str> = entry.name.split_whitespace().collect();
            let Some(first) = words.first() else {
                continue;
            };
            let first = fold(first);
            let usable = words.len() >= 2
                && first.chars().count() >= 3
                && !first.contains('.')
                && !is_surname_first(&first)
                && gazetteer.lookup(&first).is_empty();
            if usable {
                given.insert(first);
            }
        }
        NameLexicon { given, ordinary }
    }

    /// Whether `word` is an ordinary English word and not also a given name.
    pub(crate) fn is_ordinary_word(&self, word: &str) -> bool {
        // The English list is ASCII: other words are never ordinary.
        let mut buf = [0u8; 32];
        lex::ascii_lower(word, &mut buf)
            .is_some_and(|lower| self.ordinary.contains(lower) && !self.given.contains(lower))
    }

    /// Whether `word` is a known given name.
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        self.given.contains(folded_word(word, &mut buf).as_ref())
    }
}

/// The folded form of one word ([`fold`]), without allocating for plain ASCII words, which are
/// almost all of them: every chunk word is looked up.
pub(crate) fn folded_word<'b>(word: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    if !word.contains('`') {
        if let Some(lower) = lex::ascii_lower(word, buf) {
            return Cow::Borrowed(lower);
        }
    }
    Cow::Owned(fold(word))
}

/// Whether `folded` is a family name written first ("wang", "kim").
pub(crate) fn is_surname_first(folded: &str) -> bool {
    SURNAMES_FIRST.contains(folded)
}

/// Whether the lowercase `word` ends place names.
pub(crate) fn is_place_head(word: &str) -> bool {
    PLACE_HEADS.contains(word)
}

/// Place head words that are also common surnames: after a given name they end a person's
/// name ("Anthony Hill", "Ji-sung Park").
pub(crate) fn is_surname_like_head(word: &str) -> bool {
    matches!(
        word,
        "hill" | "hills" | "park" | "field" | "lane" | "ford" | "bay"
    )
}

/// Whether the lowercase `word` ends organization names, beyond the attribution lexicon.
pub(crate) fn is_org_tail(word: &str) -> bool {
    ORG_TAILS.contains(word)
}

/// The lowercase form of `word` ([`str::to_lowercase`]), without allocating for plain ASCII
/// words: these checks run on every word of every proper-noun chunk.
pub(crate) fn lowercase<'b>(word: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    match lex::ascii_lower(word, buf) {
        Some(lower) => Cow::Borrowed(lower),
        None => Cow::Owned(word.to_lowercase()),
    }
}

/// Whether `word` (any case) is a title only people hold.
pub(crate) fn is_personal_title(word: &str) -> bool {
    PERSONAL_TITLES.contains(&lowercase(word, &mut [0u8; 32]))
}

/// Whether `word` is a generational suffix that ends a person's name ("Jr.", "Sr", "III").
pub(crate) fn is_generational_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV"
    )
}

/// Whether `word` (any case) is a country name that is also a given name ("Chad", "Jordan").
pub(crate) fn is_country_given_name(word: &str) -> bool {
    let mut buf = [0u8; 32];
    COUNTRY_GIVEN_NAMES.contains(folded_word(word, &mut buf).as_ref())
}

/// Whether `word` (any case) is a country name that also names a river or another country's
/// region ("Niger").
pub(crate) fn is_country_place_word(word: &str) -> bool {
    let mut buf = [0u8; 32];
    COUNTRY_PLACE_WORDS.contains(folded_word(word, &mut buf).as_ref())
}

/// Whether `word` (any case) is a preposition of place ("in", "from").
pub(crate) fn is_place_preposition(word: &str) -> bool {
    let mut buf = [0u8; 32];
    lex::ascii_lower(word, &mut buf).is_some_and(|lower| PLACE_PREPOSITIONS.contains(lower))
}

/// Whether `word` (any case, with or without its periods) is a company's legal form ("Corp.",
/// "N.V.", "PLC").
pub(crate) fn is_legal_form(word: &str) -> bool {
    // The list is ASCII: the word without its periods, lowercased into a buffer, since every
    // word before a connector in a chunk is asked.
    let mut buf = [0u8; 32];
    let mut len = 0;
    for b in word.bytes().filter(|&b| b != b'.') {
        if !b.is_ascii() || len == buf.len() {
            return false;
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).is_ok_and(|lower| LEGAL_FORMS.contains(lower))
}

/// Whether `word` (any case) is a unit of money or measure ("Dollar", "Cents", "Dlrs").
pub(crate) fn is_unit_word(word: &str) -> bool {
    let mut buf = [0u8; 32];
    lex::ascii_lower(word, &mut buf).is_some_and(|lower| UNIT_WORDS.contains(lower))
}

/// Whether `word` (any case) is a place name that is also a common word ("Reading").
pub(crate) fn is_common_word_place(word: &str) -> bool {
    let mut buf = [0u8; 32];
    COMMON_WORD_PLACES.contains(folded_word(word, &mut buf).as_ref())
}

/// A place the news names far more often than its namesakes: a capital of a hundred thousand or
/// a city of a million ("Wellington", "Paris"; not "Douglas" or "Paul").
pub(crate) fn is_prominent_place(entry: &Entry) -> bool {
    let population = entry.population.unwrap_or(0);
    (entry.capital && population >= 100_000) || population >= 1_000_000
}
