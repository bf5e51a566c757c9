//! Words and proper-noun chunks.
//!
//! A chunk is a maximal run of capitalised words (with name particles such as "de" or "bin",
//! and "of" after an organization or place head word) that nothing but single spaces
//! separates. Whether a gazetteer match is a whole name, a part of a longer one or a different
//! kind of name is decided per chunk.

use crate::text::lexicon::{self as lex, flags_of};
use crate::text::particles;
use crate::text::words::{word_end, Charset};

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

/// A run of name words: `words[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chunk {
    /// Word range of the chunk: `words[start..end]`.
    pub start: usize,
    pub end: usize,
}

/// Whether `word` can be inside a name: capitalised, an initial, or a lowercase particle.
fn is_name_word(text: &str, word: &Word) -> bool {
    word.capitalised || word.initial || is_particle(text, word)
}

fn is_particle(text: &str, word: &Word) -> bool {
    particles::joins_chunk(&text[word.start..word.end], word.flags, word.capitalised)
}

/// Whether "of" may continue a chunk after `previous`: "Bank of England", "Gulf of Mexico".
fn of_continues(text: &str, previous: &Word, of: &Word) -> bool {
    let head = text[previous.start..previous.end]
        .trim_end_matches('.')
        .to_lowercase();
    // A legal form ends a company's name: "Kia Motors Corp of South Korea" is two names.
    let legal_form = matches!(
        head.as_str(),
        "corp" | "inc" | "ltd" | "co" | "plc" | "llc" | "ag" | "gmbh" | "sa" | "nv" | "bv"
    );
    &text[of.start..of.end] == "of"
        && previous.flags & lex::ORGHEAD != 0
        && previous.capitalised
        && !legal_form
}

/// Maximal runs of name words joined by spaces. Particles and "of" never start or end a chunk.
pub(crate) fn chunks(text: &str, words: &[Word]) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !(words[k].capitalised || words[k].initial) {
            k += 1;
            continue;
        }
        // Organization names join words with "and", "for", "of" ("Test and County Cricket
        // Board", "Centre for Baltic Energy Security"); other names do not ("Clinton and
        // Dole").
        let wide = chunk_end(text, words, k, Joins::Wide);
        let end = if ends_in_org_head(text, &words[wide - 1]) {
            wide
        } else {
            let headed = chunk_end(text, words, k, Joins::AfterHead);
            if has_headed_phrase(text, &words[k..headed]) {
                headed
            } else {
                chunk_end(text, words, k, Joins::Narrow)
            }
        };
        chunks.push(Chunk { start: k, end });
        k = end;
    }
    chunks
}

/// Which lowercase words may join the parts of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joins {
    /// Name particles, and "of" after an organization head ("Bank of England").
    Narrow,
    /// Also "for" and "on" after an organization head ("Centre for …").
    AfterHead,
    /// Also "and", "&", "in" between any capitalised words.
    Wide,
}

fn chunk_end(text: &str, words: &[Word], start: usize, joins: Joins) -> usize {
    let mut end = start + 1;
    while end < words.len() && words[end - 1].joined_to_next && !words[end - 1].possessive {
        let next = &words[end];
        let previous = &words[end - 1];
        let word = &text[next.start..next.end];
        let after_head = previous.capitalised && previous.flags & lex::ORGHEAD != 0;
        let connector = is_particle(text, next)
            || of_continues(text, previous, next)
            || (joins != Joins::Narrow && after_head && matches!(word, "for" | "on"))
            || (joins == Joins::Wide
                && matches!(word, "and" | "&" | "for" | "of" | "in" | "on")
                && (previous.capitalised || previous.initial));
        if !(is_name_word(text, next) || connector) {
            break;
        }
        end += 1;
    }
    // Connectors must be followed by a name word.
    while end > start + 1 && !(words[end - 1].capitalised || words[end - 1].initial) {
        end -= 1;
    }
    end
}

/// An organization head followed by "of", "for" or "on" ("Centre for Baltic Energy Security",
/// "Council on Foreign Relations").
pub(crate) fn has_headed_phrase(text: &str, words: &[Word]) -> bool {
    words.windows(2).any(|pair| {
        pair[0].capitalised
            && pair[0].flags & lex::ORGHEAD != 0
            && matches!(&text[pair[1].start..pair[1].end], "of" | "for" | "on")
    })
}

fn ends_in_org_head(text: &str, word: &Word) -> bool {
    let lower = text[word.start..word.end].to_lowercase();
    word.flags & lex::ORGHEAD != 0 || super::lexicon::is_org_tail(lower.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk_texts(text: &str) -> Vec<String> {
        let w = words(text);
        chunks(text, &w)
            .iter()
            .map(|c| text[w[c.start].start..w[c.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn chunks_are_runs_of_capitalised_words() {
        assert_eq!(
            chunk_texts("Yesterday P. Simmons of Leicestershire met Jean-Claude van Damme."),
            vec![
                "Yesterday P. Simmons",
                "Leicestershire",
                "Jean-Claude van Damme"
            ]
        );
        assert_eq!(
            chunk_texts("the Bank of England and Russia's Foreign Ministry, Sergei Shoigu"),
            vec![
                "Bank of England",
                "Russia",
                "Foreign Ministry",
                "Sergei Shoigu"
            ]
        );
        assert_eq!(chunk_texts("U.S. Treasury bonds"), vec!["U.S. Treasury"]);
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
