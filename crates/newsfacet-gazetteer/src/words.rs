//! Word lists compiled into the binary, each kept once as a data file of this crate (or, for
//! the generated list, of `index-data/gazetteers/`).
//!
//! Every list is plain text in `data/words/`: one word or phrase a line, `#` starting a comment
//! line, and a header saying what the list is for and who reads it. A line may carry further
//! columns after `|` (a reader tag, or the columns of [`SPEECH_VERBS`]). [`entries`],
//! [`entries_for`] and [`rows`] read a list; [`WordSet`] is a list parsed once into a hash set
//! for the hot path, and [`SortedWordList`] a long sorted list searched without hashing.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Lowercase English words, one per line: single-word place names that are also common words
/// ("Nice", "Reading", "Split") only match when capitalised mid-sentence. Generated with the
/// gazetteers by `newsfacet gazetteer build`.
pub const COMMON_WORDS: &str = include_str!("../../../index-data/gazetteers/common-words.txt");

/// Given names, one a line, for recognising people the gazetteer does not know. Curated by
/// hand; `#` starts a comment line.
pub const GIVEN_NAMES: &str = include_str!("../data/words/given-names.txt");

/// Ordinary lowercase English words (SCOWL via Debian `wamerican`), one a line: a capitalised
/// sentence-initial word from this list is not a name.
pub const ORDINARY_WORDS: &str = include_str!("../data/words/english-words.txt");

/// Abbreviations whose period belongs to the word ("Mr.", "U.S."), without the period.
pub const ABBREVIATIONS: &str = include_str!("../data/words/abbreviations.txt");

/// Adverbs allowed between a speaker and its verb ("also", "separately").
pub const ADVERBS: &str = include_str!("../data/words/adverbs.txt");

/// Auxiliaries and negation ("has", "was", "not").
pub const AUXILIARIES: &str = include_str!("../data/words/auxiliaries.txt");

/// Coordinators and subordinators that can start a clause ("while", "but").
pub const CONJUNCTIONS: &str = include_str!("../data/words/conjunctions.txt");

/// Determiners and quantifiers that open a noun phrase ("the", "his", "two").
pub const DETERMINERS: &str = include_str!("../data/words/determiners.txt");

/// Feminine role words and pronouns ("spokeswoman", "Mrs.", "she").
pub const FEMININE_WORDS: &str = include_str!("../data/words/feminine-words.txt");

/// Masculine role words and pronouns ("spokesman", "Mr.", "he").
pub const MASCULINE_WORDS: &str = include_str!("../data/words/masculine-words.txt");

/// Modal verbs, negation and "to": a base-form verb after one is not a finite cue.
pub const MODALS: &str = include_str!("../data/words/modals.txt");

/// Lowercase name particles and generational suffixes ("bin", "van", "Jr.").
pub const NAME_PARTICLES: &str = include_str!("../data/words/name-particles.txt");

/// Particles joined to a name by a hyphen ("al-Assad", "el-Sisi").
pub const NAME_PARTICLE_PREFIXES: &str = include_str!("../data/words/name-particle-prefixes.txt");

/// Lowercase "-ly" words that are not adverbs ("reply", "family").
pub const NOT_ADVERBS: &str = include_str!("../data/words/not-adverbs.txt");

/// Nouns that report what their possessor said ("remarks", "statement").
pub const NOUN_CUES: &str = include_str!("../data/words/noun-cues.txt");

/// Head words of organization names ("Ministry", "Council", "Corp.").
pub const ORG_HEADS: &str = include_str!("../data/words/org-heads.txt");

/// More head words of organization names, read by entity resolution only ("Radio", "Rovers").
pub const ORG_TAILS: &str = include_str!("../data/words/org-tails.txt");

/// "people", "person" and the like: a source only with "familiar with" / "close to".
pub const PEOPLE_WORDS: &str = include_str!("../data/words/people-words.txt");

/// Titles only people hold ("President", "Mr."), each marked for the readers that use it
/// (see [`WordSet::for_reader`]).
pub const PERSONAL_TITLES: &str = include_str!("../data/words/personal-titles.txt");

/// Head words that end names of places and facilities ("Square", "Road").
pub const PLACE_HEADS: &str = include_str!("../data/words/place-heads.txt");

/// Words that start a post-modifier of a speaker phrase ("at", "familiar").
pub const PREPOSITIONS: &str = include_str!("../data/words/prepositions.txt");

/// Personal pronouns that can be the subject of a speech cue.
pub const PRONOUNS: &str = include_str!("../data/words/pronouns.txt");

/// Relative pronouns ("who", "whose").
pub const RELATIVE_PRONOUNS: &str = include_str!("../data/words/relative-pronouns.txt");

/// Singular role nouns a description can use ("the minister").
pub const ROLES: &str = include_str!("../data/words/roles.txt");

/// Speech verbs: five inflections, what must follow, and flags, one verb a line (`|`
/// separates the columns; see the file's header).
pub const SPEECH_VERBS: &str = include_str!("../data/words/speech-verbs.txt");

/// Capitalised words that never start or form a name ("The", "However", "Monday").
pub const STOP_WORDS: &str = include_str!("../data/words/stop-words.txt");

/// Number words and time units that open a sentence and name nobody ("Eight said").
pub const NUMBER_WORDS: &str = include_str!("../data/words/number-words.txt");

/// Words by which an outlet names whose words it relays ("citing").
pub const RELAY_CITING_WORDS: &str = include_str!("../data/words/relay-citing-words.txt");

/// Words that make an outlet's report a report of someone's speech ("comments").
pub const RELAY_SPEECH_WORDS: &str = include_str!("../data/words/relay-speech-words.txt");

/// Words after an elision apostrophe rather than an opening quote ("'em", "'tis").
pub const ELISIONS: &str = include_str!("../data/words/elisions.txt");

/// Family names written first ("Wang", "Kim", "Nguyen"), folded.
pub const SURNAMES_FIRST: &str = include_str!("../data/words/surnames-first.txt");

/// Time words ("Monday", "Jan.", "earlier").
pub const TIME_WORDS: &str = include_str!("../data/words/time-words.txt");

/// Domain words and adjectives inside titles ("foreign", "senior").
pub const TITLE_MODIFIERS: &str = include_str!("../data/words/title-modifiers.txt");

/// Titles of several words stripped as one unit before a name ("chancellor of the
/// exchequer", "secretary of state"), lowercase.
pub const TITLE_PHRASES: &str = include_str!("../data/words/title-phrases.txt");

/// Office and honorific words and their qualifiers ("minister", "former", "acting").
pub const TITLE_WORDS: &str = include_str!("../data/words/title-words.txt");

/// Month names that are also given names ("Jan", "May"), capitalised as matched; each is a
/// month of [`TIME_WORDS`].
pub const GIVEN_NAME_MONTHS: &str = include_str!("../data/words/given-name-months.txt");

/// Legal forms that end a company's name ("corp", "gmbh"), without the period.
pub const LEGAL_FORMS: &str = include_str!("../data/words/legal-forms.txt");

/// Words before a named subject of its own participle ("with X saying", "shows X saying").
pub const PARTICIPLE_OPENERS: &str = include_str!("../data/words/participle-openers.txt");

/// Abbreviations that can end a sentence with their own period ("Inc.", "etc."), written
/// exactly as matched; each is in [`ABBREVIATIONS`].
pub const SENTENCE_END_ABBREVIATIONS: &str =
    include_str!("../data/words/sentence-end-abbreviations.txt");

/// Nations that field their own teams without being states ("England"), as the gazetteer
/// names them: they stay places in sports results.
pub const SPORTING_NATIONS: &str = include_str!("../data/words/sporting-nations.txt");

/// Capitalised words of a PolNeAR gold Source span that name nobody ("The", "Sen",
/// "Officials"), written as matched. Read by the evaluation only.
pub const NOT_NAME_TOKENS: &str = include_str!("../data/words/not-name-tokens.txt");

/// Party labels that describe rather than name a speaker ("republicans", "gop"), folded. Read
/// by the evaluation only.
pub const PARTY_LABELS: &str = include_str!("../data/words/party-labels.txt");

/// Units and counts after a number that keep a place from being a team ("percent").
pub const UNIT_WORDS: &str = include_str!("../data/words/unit-words.txt");

/// Country names that are also given names ("Chad", "Jordan"), folded: a mention needs evidence
/// of the place, and before a surname one opens a person's name.
pub const COUNTRY_GIVEN_NAMES: &str = include_str!("../data/words/country-given-names.txt");

/// Country names that also name rivers or regions of other countries ("Niger"), folded: a
/// mention needs evidence of the country.
pub const COUNTRY_PLACE_WORDS: &str = include_str!("../data/words/country-place-words.txt");

/// Prepositions that put a name in the place reading ("in", "from"), lowercase.
pub const PLACE_PREPOSITIONS: &str = include_str!("../data/words/place-prepositions.txt");

/// Plural nouns that are an unnamed source as a cue's subject ("officials").
pub const UNNAMED_SOURCES_PLURAL: &str = include_str!("../data/words/unnamed-sources-plural.txt");

/// Singular nouns that name an unnamed source ("spokesperson", "diplomat").
pub const UNNAMED_SOURCES: &str = include_str!("../data/words/unnamed-sources.txt");

/// The rows of a word list, in file order: each line that is neither blank nor a `#` comment,
/// split into its `|`-separated columns, each trimmed. The first column is the entry.
pub fn rows(list: &str) -> impl Iterator<Item = Vec<&str>> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('|').map(str::trim).collect())
}

/// The entries of a word list (the first column of every row), in file order.
pub fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('|').next().unwrap_or("").trim())
}

/// The entries of a list that `reader` uses: those without a tag, and those tagged `| reader`.
/// A list read by several parts of the tagger keeps each word once and marks the words only
/// one reader takes.
pub fn entries_for<'a, 'r>(
    list: &'a str,
    reader: &'r str,
) -> impl Iterator<Item = &'a str> + use<'a, 'r> {
    rows(list)
        .filter(move |row| row.len() < 2 || row[1] == reader)
        .map(|row| row[0])
}

/// A hasher for short words: the tagger looks up several words of every token, where SipHash's
/// flood resistance buys nothing (the keys are our own lists). It takes eight bytes a step
/// (multiply and rotate, as FxHash does), so most words hash in one or two steps.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The multiplication mixes the high bits best; hash tables pick buckets by the low ones.
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// Builds [`WordHasher`]s, for hash maps and sets keyed by words.
pub type BuildWordHasher = BuildHasherDefault<WordHasher>;

/// A word list parsed into a hash set: build it once (in a `LazyLock`), then look words up in
/// constant time. Lookups are exact: callers fold or lowercase the word as the list is written.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: HashSet<&'static str, BuildWordHasher>,
}

impl WordSet {
    /// Every entry of `list`.
    pub fn new(list: &'static str) -> Self {
        WordSet {
            words: entries(list).collect(),
        }
    }

    /// The entries of `list` that `reader` uses ([`entries_for`]).
    pub fn for_reader(list: &'static str, reader: &str) -> Self {
        WordSet {
            words: entries_for(list, reader).collect(),
        }
    }

    /// Whether `word` is in the set, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the set has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A long word list kept sorted in its file (byte order, one word a line), looked up by binary
/// search over its lines: building it hashes nothing, which matters for a list of tens of
/// thousands of words read by every command that tags.
#[derive(Debug, Clone, Default)]
pub struct SortedWordList {
    words: Vec<&'static str>,
}

impl SortedWordList {
    /// The lines of `list`, which must be sorted and free of repeats (the tests check the
    /// bundled lists).
    pub fn new(list: &'static str) -> Self {
        SortedWordList {
            words: list
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    /// Whether `word` is in the list, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        self.words.binary_search(&word).is_ok()
    }

    /// Whether the list is strictly increasing, which [`SortedWordList::contains`] relies on.
    pub fn is_sorted(&self) -> bool {
        self.words.windows(2).all(|pair| pair[0] < pair[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_sorted_for_binary_search() {
        let list = SortedWordList::new(ORDINARY_WORDS);
        assert!(list.is_sorted());
        assert!(list.contains("aardvark") && list.contains("reading"));
        assert!(!list.contains("Reading") && !list.contains("shoigu"));
        assert!(!SortedWordList::new("b\na\n").is_sorted());
    }

    const LISTS: &[&str] = &[
        ABBREVIATIONS,
        ADVERBS,
        AUXILIARIES,
        CONJUNCTIONS,
        DETERMINERS,
        FEMININE_WORDS,
        MASCULINE_WORDS,
        MODALS,
        NAME_PARTICLES,
        NUMBER_WORDS,
        RELAY_CITING_WORDS,
        RELAY_SPEECH_WORDS,
        ELISIONS,
        NAME_PARTICLE_PREFIXES,
        NOT_ADVERBS,
        NOUN_CUES,
        ORG_HEADS,
        ORG_TAILS,
        PEOPLE_WORDS,
        PERSONAL_TITLES,
        PLACE_HEADS,
        PREPOSITIONS,
        PRONOUNS,
        RELATIVE_PRONOUNS,
        ROLES,
        SPEECH_VERBS,
        STOP_WORDS,
        SURNAMES_FIRST,
        TIME_WORDS,
        TITLE_MODIFIERS,
        TITLE_PHRASES,
        TITLE_WORDS,
        UNIT_WORDS,
        COUNTRY_GIVEN_NAMES,
        COUNTRY_PLACE_WORDS,
        PLACE_PREPOSITIONS,
        UNNAMED_SOURCES_PLURAL,
        UNNAMED_SOURCES,
        LEGAL_FORMS,
        PARTICIPLE_OPENERS,
        PARTY_LABELS,
    ];

    /// Lists written exactly as they are matched (case, periods), not lowercase.
    const AS_WRITTEN: &[&str] = &[
        GIVEN_NAME_MONTHS,
        SENTENCE_END_ABBREVIATIONS,
        SPORTING_NATIONS,
        NOT_NAME_TOKENS,
    ];

    #[test]
    fn as_written_lists_are_without_repeats() {
        for list in AS_WRITTEN {
            let mut seen = HashSet::new();
            for entry in entries(list) {
                assert!(!entry.is_empty() && entry == entry.trim());
                assert!(seen.insert(entry), "{entry} twice");
            }
        }
    }

    #[test]
    fn narrower_lists_only_mark_words_of_their_base_list() {
        let time = WordSet::new(TIME_WORDS);
        for month in entries(GIVEN_NAME_MONTHS) {
            assert!(time.contains(&month.to_lowercase()), "{month}");
        }
        let abbreviations = WordSet::new(ABBREVIATIONS);
        for abbreviation in entries(SENTENCE_END_ABBREVIATIONS) {
            let bare = abbreviation.strip_suffix('.').expect(abbreviation);
            assert!(
                abbreviations.contains(&bare.to_lowercase()),
                "{abbreviation}"
            );
        }
    }

    #[test]
    fn lists_are_lowercase_and_without_repeats() {
        for list in LISTS {
            let mut seen = HashSet::new();
            for entry in entries(list) {
                assert!(!entry.is_empty());
                assert_eq!(entry, entry.to_lowercase(), "{entry}");
                assert!(seen.insert(entry), "{entry} twice");
            }
        }
    }

    #[test]
    fn reader_tags_narrow_a_shared_list() {
        let people = WordSet::for_reader(PERSONAL_TITLES, "entities");
        let attribution = WordSet::for_reader(PERSONAL_TITLES, "attribution");
        assert!(people.contains("mr.") && attribution.contains("mr."));
        assert!(people.contains("rabbi") && !attribution.contains("rabbi"));
        assert!(!people.contains("general") && attribution.contains("general"));
        for row in rows(PERSONAL_TITLES) {
            assert!(row.len() == 1 || matches!(row[1], "entities" | "attribution"));
        }
        assert_eq!(
            WordSet::new(NAME_PARTICLES).len(),
            entries(NAME_PARTICLES).count()
        );
        for row in rows(SPEECH_VERBS) {
            assert_eq!(row[0].split(' ').count(), 5, "{row:?}");
            let flags = row.get(2).copied().unwrap_or("");
            assert!(flags
                .split_whitespace()
                .all(|f| matches!(f, "object" | "plural" | "eval-off" | "eval-past")));
        }
    }
}
