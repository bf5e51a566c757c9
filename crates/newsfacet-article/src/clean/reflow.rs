//! Re-flowing hard-wrapped lines into paragraphs: where a paragraph ends when the text marks
//! it with a blank line or an indent, and where it must be guessed from line widths.

/// Relative indentation (in columns, a tab counting 4) that starts a new paragraph.
/// Reuters-21578 indents paragraphs by 4; a single stray space is not a paragraph.
const PARAGRAPH_INDENT: usize = 2;
/// Hard-wrapped text is wrapped at 60–80 columns; when the typical line is longer than this,
/// lines are not wrapped at all and every line break is a paragraph break.
const MAX_WRAP_WIDTH: usize = 120;
/// Below this typical width lines are too short (lists, verse) to judge where paragraphs end.
pub(super) const MIN_WRAP_WIDTH: usize = 40;
/// A line ending a sentence counts as a paragraph's last line when it is at most this fraction
/// of the typical width. Lines in wrapped text fall short of the width by at most one long
/// word, so three quarters is well clear of ordinary wrapping.
const SHORT_LINE_FRACTION: f64 = 0.75;

/// Splits text (line endings normalised) into cleaned, non-empty paragraphs.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
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

pub(super) fn ends_sentence(line: &str) -> bool {
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
