//! Where a word ends: word characters, and joiners followed by a word character ("O'Neill",
//! "Chester-le-Street", "AT&T", "U.S"). Both tokenizers call [`word_end`]; what follows a word
//! (a possessive, an abbreviation's period) is each tokenizer's own business.

use unicode_normalization::char::is_combining_mark;

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
    let mut end = start;
    let mut chars = text[start..limit].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if charset.is_word_char(c) {
            end = start + offset + c.len_utf8();
        } else if charset.is_joiner(c)
            && chars
                .peek()
                .is_some_and(|&(_, next)| charset.is_word_char(next))
        {
            continue;
        } else {
            break;
        }
    }
    end
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
}
