//! Paragraphs, the reader-comments cut-off, and direct-quote spans.
//!
//! Quote marks are paired in one left-to-right pass per paragraph. Double marks (straight,
//! curly, guillemets) pair with the next closing mark of their family; a paragraph that ends
//! inside a quote continues it when the next paragraph opens with a mark of the same family
//! (the wire convention for quotes running over paragraphs). Single marks are only taken as
//! quote marks when they open after a space or punctuation and a matching close follows in the
//! same paragraph, so apostrophes ("don't", "Russia's", "'90s") never open a quote.

use std::sync::LazyLock;

use newsfacet_gazetteer::words::{self, WordSet};

/// One paragraph: a byte range of the text without its surrounding blank lines.
pub(crate) type Para = (usize, usize);

/// Splits `text[..limit]` into paragraphs at blank lines (a line break, optional spaces, and
/// another line break).
pub(crate) fn paragraphs(text: &str, limit: usize) -> Vec<Para> {
    let bytes = text.as_bytes();
    let mut paras = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < limit {
        if bytes[i] == b'\n' {
            // Look for a second newline after optional horizontal whitespace.
            let mut j = i + 1;
            while j < limit && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < limit && bytes[j] == b'\n' {
                push_trimmed(text, start, i, &mut paras);
                // Swallow the whole run of blank lines.
                let mut k = j;
                while k < limit && matches!(bytes[k], b' ' | b'\t' | b'\r' | b'\n') {
                    k += 1;
                }
                start = k;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, limit, &mut paras);
    paras
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Para>) {
    if start >= end {
        return;
    }
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// Byte offset where reader comments begin (a paragraph such as "5 Comments", "Comments",
/// "Leave a comment", "Reader comments"), or the text length when there is none. Nothing after
/// it is the article's own reporting, so nothing after it is attributed.
pub(crate) fn comments_start(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if is_comments_marker(line.trim()) {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

fn is_comments_marker(line: &str) -> bool {
    if line.is_empty() || line.len() > 40 {
        return false;
    }
    let lower = line.trim_end_matches([':', '.']).to_lowercase();
    let rest = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',')
        .trim();
    let counted = rest.len() < lower.len();
    matches!(
        rest,
        "comments"
            | "comment"
            | "reader comments"
            | "readers' comments"
            | "leave a comment"
            | "leave a reply"
            | "post a comment"
            | "add a comment"
            | "show comments"
            | "view comments"
            | "join the conversation"
            | "join the discussion"
    ) && (counted || rest != "comment")
}

/// Which kind of mark opened a quote; closing marks must be of the same family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
}

/// One direct-quote span found by its marks.
#[derive(Debug, Clone)]
pub(crate) struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (the paragraph end when unterminated).
    pub close: usize,
    /// Content byte ranges without marks, one per paragraph the quote runs over.
    pub segments: Vec<(usize, usize)>,
}

impl QuoteSpan {
    /// The quoted text: segments trimmed, joined by a space, trailing comma dropped (it belongs
    /// to the attribution: `"…," he said`).
    pub fn text(&self, text: &str) -> String {
        let parts: Vec<&str> = self
            .segments
            .iter()
            .map(|&(s, e)| text[s..e].trim())
            .filter(|p| !p.is_empty())
            .collect();
        let joined = parts.join(" ");
        joined.trim_end_matches([',', ' ']).to_string()
    }

    /// Byte offset of the first non-space content character: in the first segment that has
    /// any, since a quote may open with an empty line.
    pub fn content_start(&self, text: &str) -> usize {
        self.segments
            .iter()
            .find_map(|&(s, e)| {
                let slice = &text[s..e];
                let lead = slice.len() - slice.trim_start().len();
                (lead < slice.len()).then_some(s + lead)
            })
            .unwrap_or(self.open)
    }

    /// Number of whitespace-separated words of content.
    pub fn word_count(&self, text: &str) -> usize {
        self.segments
            .iter()
            .map(|&(s, e)| text[s..e].split_whitespace().count())
            .sum()
    }

    /// The last non-space content character.
    pub fn last_char(&self, text: &str) -> Option<char> {
        self.segments
            .last()
            .and_then(|&(s, e)| text[s..e].trim_end().chars().next_back())
    }
}

/// The opening double mark at `at`, with its length: straight, curly, low-9, guillemet, and
/// the doubled apostrophes and backticks of some archives (''…'', ``…'').
fn opening_mark(text: &str, at: usize) -> Option<(Family, usize)> {
    let rest = &text[at..];
    if rest.starts_with("''") || rest.starts_with("``") {
        return Some((Family::Double, 2));
    }
    match rest.chars().next()? {
        c @ ('"' | '“' | '„') => Some((Family::Double, c.len_utf8())),
        // `”Thanks!” wrote …`: a right mark typed for the left one, after a space or at the
        // paragraph start (invisible direction marks count as nothing), before a word.
        c @ '”' => {
            let after_space = text[..at]
                .chars()
                .rev()
                .find(|p| !is_invisible(*p))
                .is_none_or(char::is_whitespace);
            let before_word = rest[c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            (after_space && before_word).then_some((Family::Double, c.len_utf8()))
        }
        c @ '«' => Some((Family::Guillemet, c.len_utf8())),
        _ => None,
    }
}

/// Characters that can begin an opening or closing quote mark.
fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '`'
    )
}

/// Zero-width and bidirectional marks that some sites put before a paragraph.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The length of a mark at `at` that closes a quote of `family`.
fn closing_mark(family: Family, text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    match family {
        // "''… the word 'old-school,'''": a nested single close comes first.
        Family::Double if rest.starts_with("'''") => None,
        Family::Double if rest.starts_with("''") => Some(2),
        Family::Double => {
            let c = rest.chars().next()?;
            // A mistyped close: `“It's unusual,“ said …`, an opening curly mark right after
            // the quote's final punctuation and before a space.
            let mistyped_close = c == '“'
                && text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|p| matches!(p, ',' | '.' | '!' | '?'))
                && rest[c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace);
            (matches!(c, '"' | '”') || mistyped_close).then(|| c.len_utf8())
        }
        Family::Guillemet => rest
            .chars()
            .next()
            .filter(|&c| c == '»')
            .map(char::len_utf8),
    }
}

/// The length of the mark opening a paragraph that continues a quote of `family`.
fn continuation_mark(family: Family, text: &str, at: usize) -> Option<usize> {
    match (family, opening_mark(text, at)) {
        (Family::Double, Some((Family::Double, len))) => Some(len),
        (Family::Guillemet, Some((Family::Guillemet, len))) => Some(len),
        (Family::Guillemet, None) => text[at..].starts_with('»').then_some('»'.len_utf8()),
        _ => None,
    }
}

/// Characters after which a single mark may open a quote.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | ':' | ',' | ';' | '—' | '–' | '-' | '"' | '“')
        }
    }
}

/// Characters before which a single mark may close a quote.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '—' | '–' | '-' | '"' | '”'
                )
        }
    }
}

/// Words that follow an elision apostrophe rather than an opening quote ('em, 'n', 'tis).
static ELISIONS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::ELISIONS));

/// Longest single-quoted span accepted, in bytes: single marks are a headline and nesting
/// convention, and a long "quote" is usually two unrelated apostrophes.
const MAX_SINGLE: usize = 600;

/// Looks for the close of a single quote opened at `open` (the mark's byte offset) inside the
/// paragraph ending at `end`. Returns the byte offset of the closing mark.
fn single_close(
    text: &str,
    open: usize,
    mark_len: usize,
    end: usize,
    no_close_before: &mut usize,
) -> Option<usize> {
    let content_start = open + mark_len;
    if content_start < *no_close_before {
        // An earlier opener already found no closing mark up to there; only scan beyond it.
        return single_close_from(
            text,
            content_start,
            (*no_close_before).max(content_start),
            end,
            no_close_before,
        );
    }
    single_close_from(text, content_start, content_start, end, no_close_before)
}

fn single_close_from(
    text: &str,
    content_start: usize,
    scan_from: usize,
    end: usize,
    no_close_before: &mut usize,
) -> Option<usize> {
    let mut limit = end.min(content_start + MAX_SINGLE);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    if scan_from >= limit {
        return None;
    }
    let mut fallback = None;
    let mut prev: Option<char> = text[..scan_from].chars().next_back();
    let base = scan_from;
    let mut iter = text[base..limit].char_indices().peekable();
    while let Some((rel, c)) = iter.next() {
        let offset = base + rel - content_start;
        let next = iter
            .peek()
            .map(|&(_, n)| n)
            .or_else(|| text[content_start + offset + c.len_utf8()..].chars().next());
        if matches!(c, '\'' | '’') && offset > 0 {
            let inside_word =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if !inside_word && !prev.is_some_and(char::is_whitespace) && closes_before(next) {
                let at = content_start + offset;
                // "the ministers' meeting": a plural possessive, unless nothing better follows.
                let possessive = prev == Some('s') && {
                    let after = &text[at + c.len_utf8()..limit];
                    after.starts_with(' ')
                        && after[1..].chars().next().is_some_and(char::is_lowercase)
                };
                if possessive {
                    fallback.get_or_insert(at);
                } else {
                    return Some(at);
                }
            }
        }
        prev = Some(c);
    }
    if fallback.is_none() {
        *no_close_before = (*no_close_before).max(limit);
    }
    fallback
}

fn is_single_opener(text: &str, at: usize, c: char, prev: Option<char>) -> bool {
    if !matches!(c, '\'' | '‘') || !opens_after(prev) {
        return false;
    }
    let rest = &text[at + c.len_utf8()..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if !(first.is_alphanumeric() || first == '“' || first == '"') {
        return false;
    }
    let word: String = rest.chars().take_while(|ch| ch.is_alphanumeric()).collect();
    if word.chars().all(|ch| ch.is_ascii_digit()) {
        // '90s, '24
        return false;
    }
    !ELISIONS.contains(&word.to_lowercase())
}

/// An open double quote: its family, opening mark offset, finished segments and the start of
/// the current segment.
type Open = (Family, usize, Vec<(usize, usize)>, usize);

/// Every direct-quote span in the paragraphs, in text order.
pub(crate) fn find_quotes(text: &str, paras: &[Para]) -> Vec<QuoteSpan> {
    let mut quotes = Vec::new();
    let mut open: Option<Open> = None;
    let mut no_close_before = 0usize;
    for (index, &(p_start, p_end)) in paras.iter().enumerate() {
        let mut skip_until = p_start;
        let mut prev: Option<char> = None;
        // A continued quote's opening mark starts the new segment.
        if let Some((family, _, _, seg)) = open.as_mut() {
            if let Some(len) = continuation_mark(*family, text, p_start) {
                *seg = p_start + len;
                skip_until = p_start + len;
            }
        }
        for (offset, c) in text[p_start..p_end].char_indices() {
            let at = p_start + offset;
            if at < skip_until {
                prev = Some(c);
                continue;
            }
            // Most characters are no mark at all: skip the mark checks for them.
            if !is_mark_char(c) {
                prev = Some(c);
                continue;
            }
            match open.take() {
                Some((family, mark, mut segments, seg)) => match closing_mark(family, text, at) {
                    Some(len) => {
                        segments.push((seg, at));
                        quotes.push(QuoteSpan {
                            open: mark,
                            close: at + len,
                            segments,
                        });
                        skip_until = at + len;
                    }
                    None => open = Some((family, mark, segments, seg)),
                },
                None => {
                    if let Some((family, len)) = opening_mark(text, at) {
                        open = Some((family, at, Vec::new(), at + len));
                        skip_until = at + len;
                    } else if is_single_opener(text, at, c, prev) {
                        if let Some(close) =
                            single_close(text, at, c.len_utf8(), p_end, &mut no_close_before)
                        {
                            let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
                            quotes.push(QuoteSpan {
                                open: at,
                                close: close + close_len,
                                segments: vec![(at + c.len_utf8(), close)],
                            });
                            skip_until = close + close_len;
                        }
                    }
                }
            }
            prev = Some(c);
        }
        // End of paragraph inside a quote: continue it or end it here.
        if let Some((family, mark, mut segments, seg)) = open.take() {
            segments.push((seg, p_end));
            let next_continues = paras
                .get(index + 1)
                .is_some_and(|&(s, _)| continuation_mark(family, text, s).is_some());
            if next_continues {
                open = Some((family, mark, segments, p_end));
            } else {
                quotes.push(QuoteSpan {
                    open: mark,
                    close: p_end,
                    segments,
                });
            }
        }
    }
    if let Some((_, mark, segments, _)) = open {
        let close = segments.last().map_or(mark, |&(_, e)| e);
        quotes.push(QuoteSpan {
            open: mark,
            close,
            segments,
        });
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let paras = paragraphs(text, text.len());
        find_quotes(text, &paras)
            .iter()
            .map(|q| q.text(text))
            .collect()
    }

    #[test]
    fn splits_paragraphs_at_blank_lines() {
        let text = "Title\n\nOne\nstill one\n \nTwo\n\n\n";
        let paras = paragraphs(text, text.len());
        let got: Vec<&str> = paras.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, vec!["Title", "One\nstill one", "Two"]);
    }

    #[test]
    fn pairs_double_curly_and_guillemet_marks() {
        assert_eq!(
            quoted("“One,” he said. \"Two.\" «Trois», dit-il. ''Four,'' he said."),
            vec!["One", "Two.", "Trois", "Four"]
        );
    }

    #[test]
    fn single_marks_need_quote_context() {
        assert_eq!(
            quoted("Xi says reunification is 'unstoppable' in address"),
            vec!["unstoppable"]
        );
        assert!(quoted("Don't forget Russia's role in the '90s.").is_empty());
        assert_eq!(
            quoted("He said: ‘We see that the ministers’ plans fail’."),
            vec!["We see that the ministers’ plans fail"]
        );
    }

    #[test]
    fn mistyped_closing_marks() {
        // An opening curly mark typed for the closing one, after the final comma.
        assert_eq!(
            quoted("“It is unusual,“ said Ann Lee. “It is rare.”"),
            vec!["It is unusual", "It is rare."]
        );
        // A right curly mark typed for the opening one at a paragraph start.
        assert_eq!(
            quoted("”Thanks for the help!” wrote Ann Lee."),
            vec!["Thanks for the help!"]
        );
        assert_eq!(
            quoted("Fans wrote.\n\n\u{202A}”Stay strong!” wrote Ann Lee."),
            vec!["Stay strong!"]
        );
        // A closing mark before a word stays a closing mark.
        assert_eq!(quoted("“One”two"), vec!["One"]);
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        assert_eq!(
            quoted("\"They call it 'peace', we call it war,\" she said."),
            vec!["They call it 'peace', we call it war"]
        );
    }

    #[test]
    fn quotes_run_over_paragraphs() {
        let text = "\"First part.\n\n\"Second part,\" he said.";
        let paras = paragraphs(text, text.len());
        let quotes = find_quotes(text, &paras);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text(text), "First part. Second part");
        assert_eq!(quotes[0].segments.len(), 2);
    }

    #[test]
    fn unterminated_quote_ends_with_its_paragraph() {
        let text = "\"Open only.\n\nNext paragraph.";
        assert_eq!(quoted(text), vec!["Open only."]);
    }

    #[test]
    fn finds_comment_sections() {
        let text = "Title\n\nBody.\n\n5 Comments\n\nGreat \"article,\" said Bob Smith.";
        assert_eq!(&text[..comments_start(text)], "Title\n\nBody.\n\n");
        assert_eq!(
            comments_start("A comment on policy."),
            "A comment on policy.".len()
        );
    }
}
