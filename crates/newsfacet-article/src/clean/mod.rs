//! Text cleaning: turning a raw body into paragraphs of plain text that are the story.
//!
//! Re-flowing hard-wrapped lines, entities, control characters, the Reuters-21578 sign-off,
//! site boilerplate (rules in `data/boilerplate.txt`, see [`crate::boilerplate`]) and repeated
//! paragraphs.

mod reflow;
mod repeats;
#[cfg(test)]
mod tests;

use crate::boilerplate::{self, Credits, Verdict, CUT_AFTER};
use crate::one_line::decode_entities;
use reflow::{ends_sentence, paragraphs, MIN_WRAP_WIDTH};
use repeats::drop_repeats;

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
