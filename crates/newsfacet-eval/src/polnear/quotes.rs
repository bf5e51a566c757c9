//! Gold direct quotes: Content spans inside quote marks, normalised to compare with the
//! tagger's.

use std::collections::BTreeSet;

use super::gold::AnnotatedArticle;

const OPENING_QUOTES: &[char] = &['"', '“', '«', '\''];
const CLOSING_QUOTES: &[char] = &['"', '”', '»', '\''];

/// Normalised text of gold Content spans that sit inside quote marks.
pub(super) fn gold_direct_quotes(article: &AnnotatedArticle) -> BTreeSet<String> {
    let mut quotes = BTreeSet::new();
    for content in article.attributions.iter().flat_map(|a| &a.contents) {
        let before = article.text[..content.start].trim_end().chars().next_back();
        let after = article.text[content.end..]
            .trim_start_matches([',', '.', '?', '!'])
            .chars()
            .next();
        let inside_marks = content.text.starts_with(OPENING_QUOTES)
            || before.is_some_and(|c| OPENING_QUOTES.contains(&c))
                && after.is_some_and(|c| CLOSING_QUOTES.contains(&c));
        if inside_marks {
            // An interrupted quote (`"A," he said. "B."`) is one Content span in the gold but
            // two quotations in the text: the parts inside the marks are the direct quotes.
            let parts = quoted_parts(&content.text);
            if parts.len() >= 2 {
                quotes.extend(parts.iter().map(|p| normalise_quote(p)));
            } else {
                quotes.insert(normalise_quote(&content.text));
            }
        }
    }
    quotes.remove("");
    quotes
}

/// The stretches of `text` between double quote marks (straight or curly).
pub(super) fn quoted_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"', None) | ('“', None) => open = Some(i + c.len_utf8()),
            ('"', Some(start)) | ('”', Some(start)) => {
                parts.push(&text[start..i]);
                open = None;
            }
            _ => {}
        }
    }
    parts
}

/// Quote text without its marks, edge punctuation and spacing differences, which the gold
/// and the tagger draw differently around the same quotation.
pub(super) fn normalise_quote(text: &str) -> String {
    let trimmed = text.trim().trim_matches(|c: char| {
        OPENING_QUOTES.contains(&c) || CLOSING_QUOTES.contains(&c) || c == ',' || c == '.'
    });
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}
