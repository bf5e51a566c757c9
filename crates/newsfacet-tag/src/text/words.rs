//! Words. [`word_end`] is where a word ends for both readers: word characters, and joiners
//! followed by a word character ("O'Neill", "Chester-le-Street", "AT&T", "U.S"). What follows
//! a word (a possessive, an abbreviation's period) is each tokenizer's own business.
//!
//! [`words`] is entity resolution's view of the text: every word with its case, initial,
//! possessive, sentence-start and headline marks, from which `entities` cuts proper-noun
//! chunks. Attribution's view is [`Doc`](super::doc::Doc).

use unicode_normalization::char::is_combining_mark;

use super::lexicon::{self as lex, flags_of};

/// Which characters a reader counts as word characters and joiners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Charset {
    /// Letters and digits, joined by `'`, `’`, `-`, `&` and `.`. Entity resolution's words,
    /// which line up with the matcher's alias boundaries.
    Names,
    /// Also combining marks (a decomposed accent stays inside its word) and the Unicode hyphen
    /// U+2010 as a joiner. Attribution's words.
    Speech,
}

impl Charset {
    /// Whether `c` is part of a word.
    pub(crate) fn is_word_char(self, c: char) -> bool {
        match self {
            Charset::Names => c.is_alphanumeric(),
            Charset::Speech => {
                if c.is_ascii() {
                    c.is_ascii_alphanumeric()
                } else {
                    c.is_alphanumeric() || is_combining_mark(c)
                }
            }
        }
    }

    /// Whether `c` stays inside a word when a word character follows it.
    pub(crate) fn is_joiner(self, c: char) -> bool {
        matches!(c, '\'' | '’' | '-' | '.' | '&') || (self == Charset::Speech && c == '‐')
    }
}

/// Where a word starting at `start` ends, looking no further than `limit`: word characters,
/// and joiners followed by a word character.
pub(crate) fn word_end(text: &str, start: usize, limit: usize, charset: Charset) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut i = start;
    while i < limit {
        // ASCII letters and digits, most of every text, are word characters in both charsets:
        // they skip decoding a character.
        if bytes[i].is_ascii_alphanumeric() {
            i += 1;
            end = i;
            continue;
        }
        let Some(c) = text[i..limit].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if charset.is_word_char(c) {
            end = next;
        } else if !(charset.is_joiner(c)
            && text[next..limit]
                .chars()
                .next()
                .is_some_and(|after| charset.is_word_char(after)))
        {
            break;
        }
        i = next;
    }
    end
}

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Byte span of the word, without a possessive `'s`.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Starts with an uppercase letter.
    pub capitalised: bool,
    /// An initial such as "P." or "J.R.".
    pub initial: bool,
    /// Starts with a digit.
    pub number: bool,
    /// Followed by a possessive `'s` or `’s`.
    pub possessive: bool,
    /// Only spaces (no punctuation, no line break) separate it from the next word.
    pub joined_to_next: bool,
    /// The first word of a sentence or line.
    pub sentence_start: bool,
    /// On a line written in capitals or title case: capitalisation says nothing there.
    pub headline: bool,
    /// Lexicon class bits (titles, particles, stop words, organization heads).
    pub flags: u32,
}

/// Splits `text` into words. Apostrophes, hyphens, ampersands and inner periods stay inside a
/// word ("O'Neill", "Chester-le-Street", "AT&T", "U.S."); a final period stays only on
/// initials and known abbreviations.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut words: Vec<Word> = Vec::new();
    let mut sentence_start = true;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';') {
                sentence_start = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let end = word_end(text, start, text.len(), Charset::Names);
        let mut word_end = end;
        let mut possessive = false;
        if let Some(suffix) = ["'s", "’s"].into_iter().find(|suffix| {
            text[start..word_end].len() > suffix.len() && text[start..word_end].ends_with(suffix)
        }) {
            word_end -= suffix.len();
            possessive = true;
        }
        let surface = &text[start..word_end];
        // A final period belongs to initials and abbreviations ("P.", "U.S.", "St."), and
        // then does not end the sentence.
        let mut after = end;
        let mut initial = false;
        if bytes.get(end) == Some(&b'.') && !possessive {
            let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
            let is_initial = surface.chars().all(|c| c.is_uppercase() || c == '.') && letters <= 3;
            if is_initial || lex::is_abbreviation(surface) {
                initial = is_initial;
                after = end + 1;
                word_end = end + 1;
            }
        }
        let first = text[start..].chars().next().unwrap_or(' ');
        words.push(Word {
            start,
            end: word_end,
            capitalised: first.is_uppercase(),
            initial,
            number: first.is_ascii_digit(),
            possessive,
            joined_to_next: false,
            sentence_start,
            headline: false,
            // An initial is part of a name even where it spells a word ("A. Hollioake").
            flags: if initial {
                0
            } else {
                flags_of(&text[start..word_end])
            },
        });
        sentence_start = false;
        i = after;
    }
    for k in 0..words.len().saturating_sub(1) {
        let gap = &text[words[k].end..words[k + 1].start];
        let gap = gap
            .strip_prefix("'s")
            .or_else(|| gap.strip_prefix("’s"))
            .unwrap_or(gap);
        words[k].joined_to_next = !gap.is_empty() && gap.chars().all(|c| c == ' ');
    }
    mark_headlines(text, &mut words);
    words
}

/// Marks the words of lines where at least four words are written and nearly all of them
/// are capitalised: titles, headlines and tables, where capitals do not mark names.
fn mark_headlines(text: &str, words: &mut [Word]) {
    let mut line_start = 0;
    let mut k = 0;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let first = k;
        while k < words.len() && words[k].start < line_end {
            k += 1;
        }
        let line_words = &words[first..k];
        let lettered: Vec<&Word> = line_words.iter().filter(|w| !w.number).collect();
        let capitalised = lettered.iter().filter(|w| w.capitalised).count();
        let headline = lettered.len() >= 4 && capitalised * 10 >= lettered.len() * 8;
        let all_caps = lettered.len() >= 2
            && lettered
                .iter()
                .all(|w| !text[w.start..w.end].chars().any(char::is_lowercase));
        if headline || all_caps {
            for word in &mut words[first..k] {
                word.headline = true;
            }
        }
        line_start = line_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_stay_inside_words() {
        let text = "O'Neill AT&T U.S. Chester-le-Street e\u{301}te\u{301} a\u{2010}b x'";
        let ends: Vec<&str> = [0, 8, 13, 18]
            .iter()
            .map(|&s| &text[s..word_end(text, s, text.len(), Charset::Names)])
            .collect();
        assert_eq!(ends, vec!["O'Neill", "AT&T", "U.S", "Chester-le-Street"]);
        let accented = text.find("e\u{301}").unwrap();
        assert_eq!(
            word_end(text, accented, text.len(), Charset::Names),
            accented + 1
        );
        assert_eq!(
            &text[accented..word_end(text, accented, text.len(), Charset::Speech)],
            "e\u{301}te\u{301}"
        );
        let hyphen = text.find("a\u{2010}").unwrap();
        assert_eq!(
            &text[hyphen..word_end(text, hyphen, text.len(), Charset::Names)],
            "a"
        );
        assert_eq!(
            &text[hyphen..word_end(text, hyphen, text.len(), Charset::Speech)],
            "a\u{2010}b"
        );
        let quote = text.rfind("x'").unwrap();
        assert_eq!(
            word_end(text, quote, text.len(), Charset::Speech),
            quote + 1
        );
    }

    #[test]
    fn abbreviations_keep_their_period_and_sentences_end() {
        let text = "Talks ended. Then St. Louis won.";
        let w = words(text);
        let surfaces: Vec<&str> = w.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(
            surfaces,
            vec!["Talks", "ended", "Then", "St.", "Louis", "won"]
        );
        assert!(w[2].sentence_start && !w[3].sentence_start);
    }

    #[test]
    fn headline_lines_are_marked() {
        let text = "CRICKET - KENT BEAT ESSEX\nKent beat Essex by five wickets on the day.";
        let w = words(text);
        assert!(w[0].headline && w[3].headline);
        assert!(!w[4].headline);
    }
}
