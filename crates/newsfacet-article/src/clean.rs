//! Text cleaning: turning a raw body into paragraphs of plain text.
//!
//! This is the first cut: re-flowing hard-wrapped lines, entities, control characters and the
//! Reuters-21578 sign-off. Removing site boilerplate (share buttons, cookie notices) belongs
//! here too but is a separate, later step.

use std::borrow::Cow;

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
/// * A paragraph that exactly repeats the one before it is dropped.
///
/// Everything else, including quotes and punctuation, is kept as written.
pub fn clean_text(raw: &str) -> String {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let text = decode_entities(&text);
    let text: String = text
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect();
    let text = strip_reuter_signoff(&text);

    let mut out: Vec<String> = Vec::new();
    for paragraph in paragraphs(text) {
        if out.last() != Some(&paragraph) {
            out.push(paragraph);
        }
    }
    out.join("\n\n")
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
        assert_eq!(clean_text(raw), "Breaking news.\n\nMore.\n\nBreaking news.");
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
