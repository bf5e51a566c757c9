//! Finds every gazetteer alias in a text: one walk of the gazetteer's finite-state alias table
//! from each word start of the case- and diacritic-folded text, with case, word-boundary and
//! common-word rules checked against the original text.

use newsfacet_gazetteer::fold::{fold, FoldedText};
use newsfacet_gazetteer::{Alias, AliasTable, CaseRule, EntryId, Gazetteer, GazetteerError};

// The tagger's modules and users name the mention kind through the matcher.
pub use newsfacet_gazetteer::MentionVia;

/// A gazetteer match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte in the original text (possessive `'s` excluded).
    pub end: usize,
    /// The chosen entry when the alias is ambiguous.
    pub entry: EntryId,
    /// Whether the text names the entry or uses its demonym.
    pub via: MentionVia,
}

/// The multi-pattern matcher over the gazetteer's [`AliasTable`]. Build it once per process
/// and share it.
#[derive(Debug)]
pub struct Matcher {
    aliases: AliasTable,
}

/// Why a matcher could not be built.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the gazetteer matcher: {0}")]
pub struct MatcherError(#[from] GazetteerError);

impl Matcher {
    /// The matcher for every name, alias and demonym of `gazetteer`, with the bundled list of
    /// names that are also common English words. For the bundled gazetteer the table is
    /// compiled in, so this costs next to nothing.
    pub fn new(gazetteer: &Gazetteer) -> Result<Self, MatcherError> {
        Ok(Matcher {
            aliases: gazetteer.alias_table()?,
        })
    }

    /// Like [`Matcher::new`], with the common-word list given as text, one folded word a line.
    pub fn with_common_words(
        gazetteer: &Gazetteer,
        common_words: &str,
    ) -> Result<Self, MatcherError> {
        Ok(Matcher {
            aliases: gazetteer.alias_table_with(common_words),
        })
    }

    /// Every entry that the alias written as `surface` may name, best first by the static
    /// ranking; empty when `surface` is no alias.
    pub fn candidates(&self, surface: &str) -> &[(EntryId, MentionVia)] {
        self.aliases
            .find(&fold(surface))
            .map_or(&[], |number| self.aliases.alias(number).candidates)
    }

    /// Number of distinct folded aliases compiled.
    pub fn pattern_count(&self) -> usize {
        self.aliases.len()
    }

    /// All mentions in `text`, leftmost-longest and non-overlapping, sorted by start.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let folded = FoldedText::new(text);
        let bytes = folded.text.as_bytes();
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (folded_start, _) in folded.text.char_indices() {
            // A character may fold to several ("Æ" → "ae", "ß" → "ss"): an alias must cover
            // whole characters of the text, so it neither starts nor ends inside one's folding
            // ("Ewing" is not in "Æwing", "Gros" not in "Groß").
            if !starts_character(&folded, folded_start) {
                continue;
            }
            // Every alias found must start a word; testing that first skips the walks that
            // would begin inside one.
            let start = folded.origin[folded_start];
            if follows_alphanumeric(text, start) {
                continue;
            }
            self.aliases
                .for_each_prefix(&bytes[folded_start..], |length, number| {
                    if !starts_character(&folded, folded_start + length) {
                        return;
                    }
                    let (start, end) = folded.original_span(folded_start, folded_start + length);
                    let alias = self.aliases.alias(number);
                    let yields =
                        alias.yields_to_following_name && followed_by_capitalised_word(text, end);
                    if !yields
                        && is_word_boundary(text, start, end)
                        && case_allows(&alias, text, start, end)
                    {
                        candidates.push((start, end, number));
                    }
                });
        }
        candidates.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut mentions = Vec::new();
        let mut covered_until = 0;
        for (start, end, number) in candidates {
            if start < covered_until {
                continue;
            }
            let (entry, via) = self.aliases.alias(number).candidates[0];
            mentions.push(Mention {
                start,
                end,
                entry,
                via,
            });
            covered_until = end;
        }
        mentions
    }
}

/// Whether the character before byte `at` of `text` is a letter or digit. Asked at every
/// character of every text, so an ASCII neighbour is read without decoding.
fn follows_alphanumeric(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|before| text.as_bytes()[before]) {
        None => false,
        Some(byte) if byte.is_ascii() => byte.is_ascii_alphanumeric(),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether folded byte `at` begins the folding of a character of the original text (or is the
/// end of the folded text), rather than falling inside the several characters one folds to.
fn starts_character(folded: &FoldedText, at: usize) -> bool {
    at == 0 || at >= folded.text.len() || folded.origin[at] != folded.origin[at - 1]
}

/// Aliases of at most this many letters must keep their diacritics to match.
const SHORT_ALIAS_LETTERS: usize = 4;

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn case_allows(alias: &Alias, text: &str, start: usize, end: usize) -> bool {
    let surface = &text[start..end];
    // In a short word the diacritics are most of the spelling: "Pô" is not "Pø", and "ÀA" in
    // text decoded from binary data is no "AA". Plain letters still match an accented name
    // ("Po").
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= SHORT_ALIAS_LETTERS
        && !surface.is_ascii()
        && surface.to_lowercase() != alias.written.to_lowercase()
    {
        return false;
    }
    // A short word in capitals mid-sentence is an acronym ("ICO", "NAM"), not a name written
    // in lower case ("Icó", "Nam").
    if alias.rule != CaseRule::Exact
        && letters <= 3
        && surface.chars().all(|c| !c.is_lowercase())
        && !in_all_caps_context(text, start, end)
    {
        return false;
    }
    match alias.rule {
        CaseRule::Exact => surface == alias.written || fold_eq_uppercase(surface, alias.written),
        CaseRule::Capitalised => capitalisation_matches(alias.written, surface),
        CaseRule::CapitalisedMidSentence => {
            capitalisation_matches(alias.written, surface)
                && !is_sentence_start(text, start)
                && !in_all_caps_context(text, start, end)
                && !next_to_capitalised_word_or_number(text, start, end)
        }
    }
}

/// Acronyms written with diacritics in the gazetteer still match their plain capitals.
fn fold_eq_uppercase(surface: &str, alias: &str) -> bool {
    surface.chars().all(|c| !c.is_lowercase()) && fold(surface) == fold(alias)
}

/// Every word that starts with a capital in the alias starts with a capital in the surface.
fn capitalisation_matches(alias: &str, surface: &str) -> bool {
    let alias_words = alias.split_whitespace();
    let surface_words = surface.split_whitespace();
    alias_words.zip(surface_words).all(|(a, s)| {
        let a_first = a.chars().find(|c| c.is_alphabetic());
        let s_first = s.chars().find(|c| c.is_alphabetic());
        match (a_first, s_first) {
            (Some(a), Some(s)) if a.is_uppercase() => !s.is_lowercase(),
            _ => true,
        }
    })
}

fn is_sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“', '\'', '‘', '(']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | '\n' | ':' | '—' | '-') || before.ends_with("\n"),
    }
}

/// Whether a capitalised word follows across a single space ("Paul Keating").
fn followed_by_capitalised_word(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether the word before or after (across one space) is capitalised, or the word after is
/// a number: then a common-word name is part of a longer name or a date.
fn next_to_capitalised_word_or_number(text: &str, start: usize, end: usize) -> bool {
    let previous = text[..start]
        .strip_suffix(' ')
        .and_then(|t| t.split(' ').next_back());
    let next = text[end..]
        .strip_prefix(' ')
        .and_then(|t| t.split(' ').next());
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    previous.is_some_and(capitalised)
        || next
            .is_some_and(|w| capitalised(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Headlines in capitals ("READING WARNS ON RATES") give no case evidence.
fn in_all_caps_context(text: &str, start: usize, end: usize) -> bool {
    let window_start = text[..start]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let window_end = text[end..]
        .char_indices()
        .nth(30)
        .map_or(text.len(), |(i, _)| end + i);
    let letters = text[window_start..window_end]
        .chars()
        .filter(|c| c.is_alphabetic());
    let (mut upper, mut total) = (0usize, 0usize);
    for c in letters {
        total += 1;
        upper += usize::from(c.is_uppercase());
    }
    total >= 10 && upper * 10 >= total * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_gazetteer::{kind, EntityType, Entry};

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        let mut cn = Entry::new("country:CN", EntityType::Place, kind::COUNTRY, "China");
        cn.country = Some("CN".into());
        cn.demonyms = vec!["Chinese".into()];
        g.insert(cn);
        let mut us = Entry::new(
            "country:US",
            EntityType::Place,
            kind::COUNTRY,
            "United States",
        );
        us.country = Some("US".into());
        us.aliases = vec![
            "US".into(),
            "U.S.".into(),
            "United States of America".into(),
        ];
        g.insert(us);
        let mut tr = Entry::new("country:TR", EntityType::Place, kind::COUNTRY, "Turkey");
        tr.country = Some("TR".into());
        tr.aliases = vec!["Türkiye".into()];
        g.insert(tr);
        let mut beijing = Entry::new("city:1816670", EntityType::Place, kind::CITY, "Beijing");
        beijing.country = Some("CN".into());
        beijing.capital = true;
        g.insert(beijing);
        let mut shoigu = Entry::new(
            "person:sergei-shoigu",
            EntityType::Person,
            "official",
            "Sergei Shoigu",
        );
        shoigu.aliases = vec!["Shoygu".into(), "Shoigu".into()];
        g.insert(shoigu);
        g
    }

    fn surfaces(text: &str) -> Vec<&str> {
        let mut g = gazetteer();
        for (id, name) in [
            ("city:2990440", "Nice"),
            ("city:2639577", "Reading"),
            ("city:2643097", "March"),
        ] {
            let mut city = Entry::new(id, EntityType::Place, kind::CITY, name);
            city.country = Some("FR".into());
            g.insert(city);
        }
        let m = Matcher::with_common_words(&g, "nice\nreading\nmarch\nchina\n").unwrap();
        m.find(text).iter().map(|x| &text[x.start..x.end]).collect()
    }

    #[test]
    fn matches_possessives_diacritics_and_longest() {
        assert_eq!(
            surfaces("China’s envoy met Turkiye and the United States of America in Beijing."),
            vec!["China", "Turkiye", "United States of America", "Beijing"]
        );
    }

    #[test]
    fn acronyms_need_capitals_and_names_need_a_capital() {
        assert_eq!(surfaces("Let us go. The US said"), vec!["US"]);
        assert_eq!(surfaces("fine china and Chinese tea"), vec!["Chinese"]);
    }

    #[test]
    fn common_words_match_only_as_clear_names() {
        assert_eq!(
            surfaces("Talks in Nice ended. Nice weather. It was nice."),
            vec!["Nice"]
        );
        assert_eq!(
            surfaces("He moved to Reading, then on March 2 to the Far March Hills."),
            vec!["Reading"]
        );
        assert!(surfaces("NICE TALKS IN READING END WELL").is_empty());
        // Country names are never held back as common words.
        assert_eq!(surfaces("China said so."), vec!["China"]);
    }

    #[test]
    fn aliases_cover_whole_characters_of_the_text() {
        let mut g = gazetteer();
        for (id, name) in [("city:ewing", "Ewing"), ("city:gros", "Gros")] {
            let mut entry = Entry::new(id, EntityType::Place, kind::CITY, name);
            entry.country = Some("FR".into());
            g.insert(entry);
        }
        let m = Matcher::with_common_words(&g, "").unwrap();
        // "Æ" folds to "ae" and "ß" to "ss": neither "ewing" in "aewing" nor "gros" in
        // "gross" is a match of a whole word as written.
        for text in ["Æwing said so.", "Ævar Ewing left.", "Groß and Gros."] {
            let found: Vec<&str> = m.find(text).iter().map(|x| &text[x.start..x.end]).collect();
            let expected: Vec<&str> = text
                .split([' ', '.'])
                .filter(|w| *w == "Ewing" || *w == "Gros")
                .collect();
            assert_eq!(found, expected, "in {text:?}");
        }
        // A folding that is matched whole still matches.
        let mut strasse = Entry::new("city:strasse", EntityType::Place, kind::CITY, "Strasse");
        strasse.country = Some("DE".into());
        g.insert(strasse);
        let m = Matcher::with_common_words(&g, "").unwrap();
        let text = "In Straße today.";
        let found: Vec<&str> = m.find(text).iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(found, vec!["Straße"]);
    }

    #[test]
    fn minor_one_word_cities_yield_to_a_following_name() {
        let mut g = gazetteer();
        let mut david = Entry::new("city:3711668", EntityType::Place, kind::CITY, "David");
        david.country = Some("PA".into());
        g.insert(david);
        let m = Matcher::with_common_words(&g, "").unwrap();
        let text = "David Campese flew to David, then Beijing Olympics.";
        let found: Vec<&str> = m.find(text).iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(found, vec!["David", "Beijing"]);
    }

    #[test]
    fn short_capitals_mid_sentence_are_acronyms_not_names() {
        let mut g = gazetteer();
        let mut ico = Entry::new("city:3398331", EntityType::Place, kind::CITY, "Icó");
        ico.country = Some("BR".into());
        g.insert(ico);
        let m = Matcher::with_common_words(&g, "").unwrap();
        let text = "The ICO said prices fell in Icó.";
        let found: Vec<&str> = m.find(text).iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(found, vec!["Icó"]);
    }

    #[test]
    fn short_aliases_keep_their_diacritics() {
        let mut g = gazetteer();
        let mut po = Entry::new("city:po", EntityType::Place, kind::CITY, "Pô");
        po.country = Some("BF".into());
        g.insert(po);
        let m = Matcher::with_common_words(&g, "").unwrap();
        // Text decoded from binary data spells short names with other diacritics.
        let text = "Pø and PÕ then Pô, and plainly Po.";
        let found: Vec<&str> = m.find(text).iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(found, vec!["Pô", "Po"]);
        // Longer names still match without or with other diacritics ("Turkiye").
        assert_eq!(surfaces("Türkiye and Turkiye"), vec!["Türkiye", "Turkiye"]);
    }

    #[test]
    fn respects_word_boundaries() {
        assert!(surfaces("Chinatown and Shoiguism").is_empty());
        assert_eq!(
            surfaces("Sergei Shoigu, then Shoygu"),
            vec!["Sergei Shoigu", "Shoygu"]
        );
    }

    #[test]
    fn demonyms_are_marked() {
        let g = gazetteer();
        let m = Matcher::new(&g).unwrap();
        let found = m.find("Chinese ships");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].via, MentionVia::Demonym);
        assert_eq!(g.entry(found[0].entry).name, "China");
    }
}
