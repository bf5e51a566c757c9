//! Text cleaning: turning a raw body into paragraphs of plain text that are the story.
//!
//! Re-flowing hard-wrapped lines, entities, control characters, the Reuters-21578 sign-off,
//! site boilerplate (rules in `data/boilerplate.txt`, see [`crate::boilerplate`]) and repeated
//! paragraphs.

use std::borrow::Cow;
use std::cell::OnceCell;

use xxhash_rust::xxh3::xxh3_64;

use crate::boilerplate::{self, Credits, Verdict, CUT_AFTER};

/// Relative indentation (in columns, a tab counting 4) that starts a new paragraph.
/// Reuters-21578 indents paragraphs by 4; a single stray space is not a paragraph.
const PARAGRAPH_INDENT: usize = 2;
/// Hard-wrapped text is wrapped at 60–80 columns; when the typical line is longer than this,
/// lines are not wrapped at all and every line break is a paragraph break.
const MAX_WRAP_WIDTH: usize = 120;
/// Below this typical width lines are too short (lists, verse) to judge where paragraphs end.
const MIN_WRAP_WIDTH: usize = 40;
/// A line ending a sentence counts as a paragraph's last line when it is at most this fraction
/// of the typical width. Lines in wrapped text fall short of the width by at most one long
/// word, so three quarters is well clear of ordinary wrapping.
const SHORT_LINE_FRACTION: f64 = 0.75;
/// Paragraphs shorter than this (in words) are only dropped as repeats when they directly
/// follow themselves: short lines like "Yes." or "Q:" legitimately recur in interviews.
const MIN_REPEAT_WORDS: usize = 6;
/// A paragraph that is a prefix of another (a broken scraper's truncated copy) must have at
/// least this many words to count as a repeat, so that a short lead sentence is not mistaken
/// for one.
const MIN_PREFIX_WORDS: usize = 8;
/// Word-pair (2-shingle) Jaccard similarity at or above which two paragraphs are the same
/// paragraph give or take a word.
const NEAR_REPEAT: f64 = 0.9;
/// Shingles are coarse for mid-length paragraphs (one changed word breaks two of twenty
/// pairs), so paragraphs of at least this many words also count as repeats when they are one
/// word edit apart per this many words. Shorter ones are left alone: templated sentences in
/// market reports ("Shares of X rose 2 percent...") differ in one word and are not repeats.
const EDIT_REPEAT_WORDS: usize = 15;

/// A cleaned body and what the removed boilerplate said about the article.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    pub text: String,
    /// Publisher and authors named by removed credit lines (see `data/boilerplate.txt`).
    pub credits: Credits,
}

/// Cleans an article body into paragraphs separated by `"\n\n"`.
///
/// * Line endings are normalised and hard-wrapped lines re-flowed: a paragraph ends at a blank
///   line, or before an indented line (Reuters-21578 marks paragraphs with a newline and four
///   spaces). Text with neither is split where a short line ends a sentence and the next line
///   starts one, and text whose lines are far longer than any wrap width is taken to have one
///   paragraph per line.
/// * Within a paragraph, lines are joined and every run of whitespace becomes one space.
/// * HTML entities `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&nbsp;` `&#NNN;` `&#xHH;` are
///   decoded (Reuters-21578 escapes `<` in its bodies); control characters other than newline
///   and tab are dropped.
/// * The Reuters-21578 sign-off (`Reuter` / `REUTER` on its own at the very end) is dropped.
/// * Boilerplate is removed, line by line before re-flowing and paragraph by paragraph after:
///   error-page text, advertisement markers, share/subscribe/follow/feedback lines, cookie
///   notices, comment policies, "Read more"/"Also read"/"Click here" links, syndication notes
///   and timestamp bylines; a reader-comment section or a legal disclaimer is removed with
///   everything after it. The rules are whole-line patterns in `data/boilerplate.txt`.
///   Datelines such as `MOSCOW, Feb 1 (Reuters) -` are story text and stay.
/// * Repeated paragraphs are dropped, keeping the first occurrence: exact repeats anywhere,
///   and near-exact ones (same words up to case, spacing and punctuation; a word or two
///   different; or a truncated copy of a longer paragraph, whose full text then takes the
///   first one's place). Short paragraphs are only dropped when they repeat the one before.
///
/// Everything else, including quotes and punctuation, is kept as written.
pub fn clean_text(raw: &str) -> String {
    clean_body(raw).text
}

/// [`clean_text`], also returning what removed credit lines said about the article.
pub(crate) fn clean_body(raw: &str) -> Cleaned {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let text = decode_entities(&text);
    let text: String = text
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect();
    let text = strip_reuter_signoff(&text);

    let mut credits = Credits::default();
    // Line pass: boilerplate sits on lines of its own, and judging lines before re-flowing
    // keeps a hard-wrapped text from gluing "Advertisement" into the story. A removed line
    // becomes a blank one, since it separated two paragraphs.
    let mut kept = Vec::new();
    let mut story_len = 0;
    let mut previous = "";
    for line in text.split('\n') {
        let verdict = if continues_paragraph(previous) {
            Verdict::Keep
        } else {
            boilerplate::judge(line, &mut credits)
        };
        match verdict {
            Verdict::Keep => {
                story_len += line.trim().len();
                kept.push(line);
                previous = line;
            }
            Verdict::Cut if story_len >= CUT_AFTER => break,
            Verdict::Drop | Verdict::Cut => {
                kept.push("");
                previous = "";
            }
        }
    }
    // Paragraph pass: the same rules on re-flowed paragraphs, for boilerplate that was wrapped
    // over several lines.
    let mut out = Vec::new();
    let mut story_len = 0;
    for paragraph in paragraphs(&kept.join("\n")) {
        match boilerplate::judge(&paragraph, &mut credits) {
            Verdict::Keep => {
                story_len += paragraph.len();
                out.push(paragraph);
            }
            Verdict::Cut if story_len >= CUT_AFTER => break,
            Verdict::Drop | Verdict::Cut => {}
        }
    }
    Cleaned {
        text: drop_repeats(out).join("\n\n"),
        credits,
    }
}

/// Whether the line after `previous` continues a hard-wrapped paragraph, so that it is a
/// fragment of a sentence and not a line of its own: `previous` is a long line (at least
/// [`MIN_WRAP_WIDTH`]) that does not end a sentence. Only lines of their own are judged as
/// boilerplate in the line pass; otherwise the last line of "...18 cts a\nshare." would be
/// taken for a share button.
fn continues_paragraph(previous: &str) -> bool {
    let previous = previous.trim();
    previous.chars().count() >= MIN_WRAP_WIDTH && !ends_sentence(previous)
}

/// One kept paragraph as the repeat detector sees it.
struct Seen {
    /// Lowercase words, punctuation dropped, single spaces.
    norm: String,
    /// Number of words with a letter: numbers alone (a table's header row, repeated above
    /// each section) do not make a paragraph long enough to be judged a repeat.
    words: usize,
    /// Number of tokens (words and numbers).
    tokens: usize,
    /// Hashes of consecutive word pairs, sorted and de-duplicated; computed on first use, since
    /// most pairs of paragraphs are told apart by size or figures alone.
    shingles: OnceCell<Vec<u64>>,
    /// The numbers in order: paragraphs stating different figures are different facts, however
    /// alike their words ("Avg shrs 68.9 mln vs 68.8 mln" and "Avg shrs 68.8 mln vs 68.9 mln").
    numbers: Vec<String>,
}

impl Seen {
    fn new(paragraph: &str) -> Seen {
        let norm = normalize_for_repeats(paragraph);
        let tokens: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let numbers = tokens
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| w.to_string())
            .collect();
        Seen {
            words: tokens
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count(),
            tokens: tokens.len(),
            shingles: OnceCell::new(),
            numbers,
            norm,
        }
    }

    fn shingles(&self) -> &[u64] {
        self.shingles.get_or_init(|| {
            let hashes: Vec<u64> = self
                .norm
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| xxh3_64(w.as_bytes()))
                .collect();
            let mut shingles: Vec<u64> = hashes
                .windows(2)
                .map(|pair| pair[0].rotate_left(17) ^ pair[1])
                .collect();
            shingles.sort_unstable();
            shingles.dedup();
            shingles
        })
    }

    /// Jaccard similarity of the shingle sets, by merging the two sorted lists.
    fn jaccard(&self, other: &Seen) -> f64 {
        let (a, b) = (self.shingles(), other.shingles());
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = a.len() + b.len() - shared;
        if union == 0 {
            return 0.0;
        }
        shared as f64 / union as f64
    }

    /// Whether the two could be near-exact repeats at all: the same figures, and lengths close
    /// enough for a Jaccard similarity of [`NEAR_REPEAT`] (which needs the smaller shingle set
    /// to be at least that fraction of the larger; a little slack for repeated pairs) or a few
    /// word edits.
    fn comparable(&self, other: &Seen) -> bool {
        let small = self.tokens.min(other.tokens);
        let large = self.tokens.max(other.tokens);
        self.numbers == other.numbers && (small as f64) >= large as f64 * (NEAR_REPEAT - 0.05)
    }
}

/// Drops exact and near-exact repeats, keeping the first occurrence (see [`clean_text`]).
/// Quadratic in the number of paragraphs, which is small for one article.
fn drop_repeats(paragraphs: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut seen: Vec<Seen> = Vec::with_capacity(paragraphs.len());
    'next: for paragraph in paragraphs {
        let this = Seen::new(&paragraph);
        if let (Some(last), Some(last_seen)) = (out.last(), seen.last()) {
            let same = if this.norm.is_empty() {
                *last == paragraph
            } else {
                last_seen.norm == this.norm
            };
            if same {
                continue;
            }
        }
        if this.words >= MIN_REPEAT_WORDS {
            for (i, earlier) in seen.iter().enumerate() {
                if earlier.words < MIN_REPEAT_WORDS {
                    continue;
                }
                if earlier.norm == this.norm
                    || (earlier.comparable(&this)
                        && (earlier.jaccard(&this) >= NEAR_REPEAT
                            || few_word_edits(earlier, &this)))
                {
                    continue 'next;
                }
                if earlier.words >= MIN_PREFIX_WORDS && this.norm.starts_with(&earlier.norm) {
                    // The earlier one was the truncated copy: keep its place, take this text.
                    out[i] = paragraph;
                    seen[i] = this;
                    continue 'next;
                }
                if this.words >= MIN_PREFIX_WORDS && earlier.norm.starts_with(&this.norm) {
                    continue 'next;
                }
            }
        }
        out.push(paragraph);
        seen.push(this);
    }
    out
}

/// Whether two long paragraphs are at most one word edit per [`EDIT_REPEAT_WORDS`] words
/// apart (insertions, deletions, substitutions of whole words).
fn few_word_edits(a: &Seen, b: &Seen) -> bool {
    let shorter = a.words.min(b.words);
    if shorter < EDIT_REPEAT_WORDS {
        return false;
    }
    let budget = shorter / EDIT_REPEAT_WORDS;
    if a.words.abs_diff(b.words) > budget {
        return false;
    }
    let a: Vec<&str> = a.norm.split(' ').collect();
    let b: Vec<&str> = b.norm.split(' ').collect();
    // Levenshtein over words, one row at a time; stop once every cell is over budget.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, wa) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, wb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(wa != wb);
            row.push(substitute.min(prev[j + 1] + 1).min(row[j] + 1));
        }
        if row.iter().all(|&d| d > budget) {
            return false;
        }
        prev = row;
    }
    prev.last().is_some_and(|&d| d <= budget)
}

/// Lowercase alphanumeric words separated by single spaces. Apostrophes inside words are
/// dropped so that "don't" and "don’t" compare equal; a `.` or `,` between digits stays, so
/// that `68.9` is one number and not `68 9`.
fn normalize_for_repeats(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut pending_space = false;
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if matches!(c, '.' | ',')
            && !pending_space
            && out.ends_with(|p: char| p.is_ascii_digit())
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            out.push(c);
        } else if !matches!(c, '\'' | '\u{2019}') {
            pending_space = true;
        }
    }
    out
}

/// Cleans a one-line field (title, source, author): entities decoded, control characters and
/// line breaks turned into spaces, whitespace collapsed.
pub(crate) fn clean_title(raw: &str) -> String {
    let text = decode_entities(raw);
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits text (line endings normalised) into cleaned, non-empty paragraphs.
fn paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let base_indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);

    // First pass: the explicit markers, blank lines and indentation.
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut explicit_breaks = false;
    for line in lines {
        if line.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() && indent(line) >= base_indent + PARAGRAPH_INDENT {
            groups.push(std::mem::take(&mut current));
        }
        if !groups.is_empty() && current.is_empty() {
            explicit_breaks = true;
        }
        current.push(line);
    }
    if !current.is_empty() {
        groups.push(current);
    }

    // Second pass: guess breaks only where the text gave no markers at all.
    groups
        .into_iter()
        .flat_map(|group| split_group(group, !explicit_breaks))
        .map(|lines| collapse_whitespace(&lines.join(" ")))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Splits one run of consecutive lines into paragraphs: per line if the lines are not
/// hard-wrapped; by the short-sentence-end heuristic if `guess` is set; else as one paragraph.
fn split_group(lines: Vec<&str>, guess: bool) -> Vec<Vec<&str>> {
    if lines.len() < 2 {
        return vec![lines];
    }
    let width = typical_width(&lines);
    if width > MAX_WRAP_WIDTH {
        return lines.into_iter().map(|l| vec![l]).collect();
    }
    if !guess || lines.len() < 3 || width < MIN_WRAP_WIDTH {
        return vec![lines];
    }
    let short = (width as f64 * SHORT_LINE_FRACTION) as usize;
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        if let Some(prev) = current.last() {
            let prev = prev.trim();
            if prev.chars().count() <= short && ends_sentence(prev) && starts_sentence(line.trim())
            {
                out.push(std::mem::take(&mut current));
            }
        }
        current.push(line);
    }
    out.push(current);
    out
}

/// The width most lines are wrapped at: the 90th percentile of line lengths, so that the
/// short last lines of paragraphs do not drag it down.
fn typical_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.trim().chars().count()).collect();
    lengths.sort_unstable();
    let i = (lengths.len() * 9 / 10).min(lengths.len() - 1);
    lengths[i]
}

fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']']);
    line.ends_with(['.', '!', '?'])
}

fn starts_sentence(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}'))
}

/// Leading whitespace in columns, a tab counting as 4.
fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops the Reuters-21578 sign-off: `Reuter` or `REUTER` as the last word, on its own line or
/// after a finished sentence, so that "... told Reuter" in running text survives.
fn strip_reuter_signoff(text: &str) -> &str {
    let trimmed = text.trim_end();
    for token in ["Reuter", "REUTER"] {
        let Some(before) = trimmed.strip_suffix(token) else {
            continue;
        };
        let head = before.trim_end_matches([' ', '\t']);
        if head.is_empty() || head.ends_with('\n') {
            return before;
        }
        if before.len() > head.len() && ends_sentence(head) {
            return before;
        }
    }
    text
}

/// Decodes the few HTML entities that leak into plain-text corpora. Unknown or invalid
/// entities are left as written rather than guessed at.
fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The longest entity we decode, `&#x10FFFF;`, is 10 bytes.
        let decoded = rest
            .get(1..rest.len().min(11))
            .and_then(|window| window.find(';'))
            .and_then(|semi| entity_char(&rest[1..=semi]).map(|c| (c, semi + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity_char(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{A0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of Reuters-21578 article 1, as it appears in the SGML body.
    const BAHIA: &str = "Showers continued throughout the week in\n\
the Bahia cocoa zone, alleviating the drought since early\n\
January and improving prospects for the coming temporao,\n\
although normal humidity levels have not been restored,\n\
Comissaria Smith said in its weekly review.\n    \
The dry period means the temporao will be late this year.\n    \
Arrivals for the week ended February 22 were 155,221 bags\n\
of 60 kilos making a cumulative total for the season of 5.93\n\
mln against 5.81 at the same stage last year.\n \
Reuter\n\
&#3;";

    #[test]
    fn reuters_indented_paragraphs_and_signoff() {
        assert_eq!(
            clean_text(BAHIA),
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the \
drought since early January and improving prospects for the coming temporao, although normal \
humidity levels have not been restored, Comissaria Smith said in its weekly review.\n\n\
The dry period means the temporao will be late this year.\n\n\
Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative \
total for the season of 5.93 mln against 5.81 at the same stage last year."
        );
    }

    #[test]
    fn signoff_variants() {
        assert_eq!(clean_text("Prices rose.\n REUTER\n\u{3}"), "Prices rose.");
        assert_eq!(clean_text("Prices rose.  Reuter  \u{3} "), "Prices rose.");
        assert_eq!(clean_text("Prices rose. REUTER"), "Prices rose.");
        // Running text that happens to end with the word is kept.
        assert_eq!(clean_text("He spoke to Reuter"), "He spoke to Reuter");
        assert_eq!(clean_text("Reuter"), "");
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_lines_reflow() {
        let raw = "First line\nof one paragraph.\r\n\r\n\r\nSecond   paragraph\there.\n\n";
        assert_eq!(
            clean_text(raw),
            "First line of one paragraph.\n\nSecond paragraph here."
        );
        assert_eq!(clean_text("a\rb"), "a b");
    }

    #[test]
    fn uniformly_indented_text_is_one_paragraph() {
        assert_eq!(
            clean_text("    one line\n    two line\n    three line"),
            "one line two line three line"
        );
    }

    #[test]
    fn duplicate_consecutive_paragraphs_are_removed() {
        let raw = "Breaking news.\n\nBreaking news.\n\nMore.\n\nBreaking news.";
        // Short paragraphs only go when they repeat the one right before them.
        assert_eq!(clean_text(raw), "Breaking news.\n\nMore.\n\nBreaking news.");
        assert_eq!(clean_text("Yes.\n\nNo.\n\nYes."), "Yes.\n\nNo.\n\nYes.");
        assert_eq!(clean_text("***\n\n***\n\nEnd."), "***\n\nEnd.");
    }

    const LONG: &str = "The central bank raised its key interest rate by half a point on \
Tuesday, citing stubborn inflation.";
    const OTHER: &str = "Analysts had expected a smaller increase and markets fell after the \
announcement.";

    #[test]
    fn repeats_anywhere_are_removed_keeping_the_first() {
        let raw = format!("{LONG}\n\n{OTHER}\n\n{LONG}\n\nThe end of the story is here now.");
        assert_eq!(
            clean_text(&raw),
            format!("{LONG}\n\n{OTHER}\n\nThe end of the story is here now.")
        );
    }

    #[test]
    fn near_exact_repeats_are_removed() {
        // Case, spacing and punctuation differ.
        let shouting = LONG.to_uppercase().replace(',', "").replace(' ', "  ");
        assert_eq!(
            clean_text(&format!("{LONG}\n\n{OTHER}\n\n{shouting}")),
            format!("{LONG}\n\n{OTHER}")
        );
        // One word different in a long paragraph.
        let long = format!("{LONG} {OTHER} {LONG}");
        let changed = long.replacen("stubborn", "persistent", 1);
        assert_eq!(
            clean_text(&format!("{long}\n\n{changed}")),
            long,
            "near-exact repeat"
        );
        // A truncated copy after the full one.
        let truncated = &LONG[..60];
        assert_eq!(
            clean_text(&format!("{LONG}\n\n{OTHER}\n\n{truncated}…")),
            format!("{LONG}\n\n{OTHER}")
        );
        // A truncated copy before the full one: the full text takes the first place.
        assert_eq!(
            clean_text(&format!("{truncated}...\n\n{OTHER}\n\n{LONG}")),
            format!("{LONG}\n\n{OTHER}")
        );
    }

    #[test]
    fn wrapped_fragments_are_not_judged_as_boilerplate() {
        // The last line "share." ends a wrapped sentence; it is not a share button.
        let raw = "VF Corp said it increased its\nquarterly cash dividend to 21 cts per share, \
from 18 cts a\nshare.\n    The company said the dividend is payable in December.";
        assert_eq!(
            clean_text(raw),
            "VF Corp said it increased its quarterly cash dividend to 21 cts per share, from 18 \
cts a share.\n\nThe company said the dividend is payable in December."
        );
        // A line of its own after a finished sentence is judged.
        let raw = "The company said the dividend is payable in December as planned.\n\
Advertisement\nShares rose 2 pct in early trading on the news.";
        assert_eq!(
            clean_text(raw),
            "The company said the dividend is payable in December as planned.\n\n\
Shares rose 2 pct in early trading on the news."
        );
    }

    #[test]
    fn paragraphs_with_different_figures_are_kept() {
        let raw = "Avg shrs primary 68.8 mln vs 68.9 mln\n\nNine mths\n\n\
Avg shrs primary 68.9 mln vs 68.8 mln";
        assert_eq!(clean_text(raw).split("\n\n").count(), 3);
        let a = "The company said first quarter profit rose to 12.5 mln dlrs from 10.1 mln dlrs \
a year earlier on higher sales.";
        let b = a.replace("12.5", "12.6");
        let raw = format!("{a}\n\n{b}");
        assert_eq!(clean_text(&raw), raw);
        assert_eq!(
            normalize_for_repeats("Rose 1,200.5 pct, to 3."),
            "rose 1,200.5 pct to 3"
        );
    }

    #[test]
    fn repeated_number_rows_are_kept() {
        let raw = "Wheat exports:\n\n04/09/87 03/09/87 04/09/87 03/09/87\n\n12.1 11.9\n\n\
Maize exports:\n\n04/09/87 03/09/87 04/09/87 03/09/87\n\n8.2 8.0";
        assert_eq!(
            clean_text(raw)
                .matches("04/09/87 03/09/87 04/09/87 03/09/87")
                .count(),
            2
        );
    }

    #[test]
    fn one_word_changed_in_a_long_paragraph_is_a_repeat() {
        let a = "The regional government said it would release emergency funds on Monday for \
families whose homes were damaged.";
        let b = a.replace("homes", "houses");
        assert_eq!(
            clean_text(&format!("{a}\n\n{OTHER}\n\n{b}")),
            format!("{a}\n\n{OTHER}")
        );
        // Short templated sentences differing in one word are different facts.
        let x = "Shares of Alpha rose 2 percent on Monday in Tokyo trading.";
        let y = "Shares of Bravo rose 2 percent on Monday in Tokyo trading.";
        let raw = format!("{x}\n\n{y}");
        assert_eq!(clean_text(&raw), raw);
    }

    #[test]
    fn different_paragraphs_on_the_same_topic_are_kept() {
        let a = "The central bank raised its key interest rate by half a point on Tuesday.";
        let b = "The central bank kept its key interest rate unchanged on Wednesday, it said.";
        let raw = format!("{a}\n\n{b}");
        assert_eq!(clean_text(&raw), raw);
        // A short lead that starts a later, longer paragraph is not a truncated copy.
        let lead = "Talks resumed on Monday.";
        let longer = "Talks resumed on Monday after a pause of three weeks, officials said.";
        let raw = format!("{lead}\n\n{longer}");
        assert_eq!(clean_text(&raw), raw);
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            clean_text(
                "&lt;Bank of Boston Corp&gt; &amp; &quot;partners&quot; &#39;98 &#x41;&#233;"
            ),
            "<Bank of Boston Corp> & \"partners\" '98 Aé"
        );
        // `&amp;lt;` is a literal "&lt;", not "<".
        assert_eq!(clean_text("a &amp;lt; b"), "a &lt; b");
        // Unknown or broken entities stay.
        assert_eq!(
            clean_text("AT&T &bogus; &#xZZ; & &#0;"),
            "AT&T &bogus; &#xZZ; & &#0;"
        );
        assert_eq!(clean_text("a&nbsp;b"), "a b");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(clean_text("a\u{1}b\u{7f}c\u{85}d"), "abcd");
        assert_eq!(
            clean_text("curly \u{201C}quotes\u{201D} – kept"),
            "curly \u{201C}quotes\u{201D} – kept"
        );
    }

    #[test]
    fn unmarked_paragraphs_split_at_short_sentence_ends() {
        let raw = "The central bank raised its key rate by half a point on\n\
Tuesday, the third increase this year, citing inflation.\n\
It was expected.\n\
\"We will act again if needed,\" the governor told reporters\n\
after the meeting in the capital, adding that growth held up.";
        assert_eq!(
            clean_text(raw),
            "The central bank raised its key rate by half a point on Tuesday, the third increase \
this year, citing inflation. It was expected.\n\n\
\"We will act again if needed,\" the governor told reporters after the meeting in the \
capital, adding that growth held up."
        );
    }

    #[test]
    fn heuristic_does_not_split_full_lines() {
        // Every line ends a sentence and is followed by a capital, but all are full width.
        let raw = "The minister said the budget would be presented next week in parliament.\n\
Officials said the date was not yet fixed but would be soon and certainly.\n\
Analysts expect a deficit of around three percent of output this year.";
        assert_eq!(clean_text(raw).matches("\n\n").count(), 0);
    }

    #[test]
    fn long_unwrapped_lines_are_paragraphs() {
        let p1 = "A".repeat(10) + &" word".repeat(40);
        let p2 = "B".repeat(10) + &" more".repeat(40);
        let raw = format!("{p1}\n{p2}");
        assert_eq!(clean_text(&raw), format!("{p1}\n\n{p2}"));
    }

    #[test]
    fn titles_collapse_whitespace() {
        assert_eq!(
            clean_title("  BAHIA  COCOA\nREVIEW \t"),
            "BAHIA COCOA REVIEW"
        );
        assert_eq!(clean_title("&lt;ABC&gt; SAYS"), "<ABC> SAYS");
    }
}
