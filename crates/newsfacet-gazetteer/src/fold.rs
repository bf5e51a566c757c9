//! Text folding shared by gazetteer keys, the matcher and facet-value lookup, so that
//! "Türkiye", "TURKIYE" and "turkiye" compare equal everywhere.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds one character into the lowercase, diacritic-free characters it compares as, pushing
/// them onto `out`. Typographic apostrophes fold to `'` and dashes to `-` so that "China’s" and
/// "China's" behave alike.
#[inline]
pub fn fold_char_into(c: char, out: &mut String) {
    // ASCII first, inlined: nearly every character of a text is, and only the backtick needs
    // more than lowercasing.
    if c.is_ascii() {
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
    } else {
        fold_non_ascii_into(c, out);
    }
}

/// [`fold_char_into`] for the characters beyond ASCII.
fn fold_non_ascii_into(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => out.push(' '),
        'ß' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        'ı' => out.push('i'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Folds a whole string: lowercase, diacritics removed, whitespace runs collapsed to one space,
/// trimmed. Used for gazetteer keys and user-supplied filter values.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            fold_char_into(c, &mut out);
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folded text plus, for each byte of it, the byte offset in the original text where the
/// character it came from starts. Lets the matcher search folded text and report original spans.
#[derive(Debug, Default)]
pub struct FoldedText {
    /// The folded text (same folding as [`fold`], but whitespace is kept one-for-one).
    pub text: String,
    /// `origin[i]` is the original byte offset of the char that produced folded byte `i`;
    /// one extra trailing entry holds the original text length.
    pub origin: Vec<usize>,
}

impl FoldedText {
    /// Folds `original`, keeping an offset map back to it.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len() + 16);
        let mut origin = Vec::with_capacity(original.len() + 17);
        for (offset, c) in original.char_indices() {
            let before = text.len();
            if c.is_whitespace() {
                text.push(' ');
            } else {
                fold_char_into(c, &mut text);
            }
            // Mostly one folded byte for one character.
            if text.len() == before + 1 {
                origin.push(offset);
            } else {
                origin.resize(text.len(), offset);
            }
        }
        origin.push(original.len());
        FoldedText { text, origin }
    }

    /// Maps a folded byte range back to the original byte range.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let orig_start = self.origin[start];
        // The end maps to where the char *after* the last folded byte starts.
        let orig_end = if end < self.origin.len() - 1 {
            let next = self.origin[end];
            if next == self.origin[end - 1] {
                // `end` falls inside a multi-byte expansion (e.g. "ß" → "ss"); widen to the char.
                self.origin[end..]
                    .iter()
                    .copied()
                    .find(|&o| o > next)
                    .unwrap_or(*self.origin.last().unwrap_or(&0))
            } else {
                next
            }
        } else {
            *self.origin.last().unwrap_or(&0)
        };
        (orig_start, orig_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("  Côte   d’Ivoire "), "cote d'ivoire");
        assert_eq!(fold("ERDOĞAN"), "erdogan");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Москва"), "москва");
    }

    #[test]
    fn maps_folded_spans_back_to_original() {
        let original = "In Türkiye’s capital";
        let folded = FoldedText::new(original);
        assert_eq!(folded.text, "in turkiye's capital");
        let start = folded.text.find("turkiye").unwrap();
        let (s, e) = folded.original_span(start, start + "turkiye".len());
        assert_eq!(&original[s..e], "Türkiye");
        let (s, e) = folded.original_span(start, start + "turkiye's".len());
        assert_eq!(&original[s..e], "Türkiye’s");
    }

    #[test]
    fn maps_expanded_chars_back_whole() {
        let original = "Straße X";
        let folded = FoldedText::new(original);
        assert_eq!(folded.text, "strasse x");
        let (s, e) = folded.original_span(0, "strasse".len());
        assert_eq!(&original[s..e], "Straße");
    }
}
