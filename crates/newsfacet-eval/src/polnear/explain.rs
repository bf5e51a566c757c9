//! Evidence for `--show-errors`: each missed or false speaker shown in its context.

use std::collections::BTreeSet;

use newsfacet_tag::QuoteKind;

use super::gold::AnnotatedArticle;
use super::speakers::{name_tokens, speech_attributions};

/// One scoring error with the text that explains it, for `--show-errors`.
#[derive(Debug)]
pub(super) struct ErrorNote {
    /// "missed", "false", "quote-missed", "quote-false", "quote-speaker" or "quote-unfound".
    pub(super) kind: &'static str,
    pub(super) article: String,
    pub(super) speaker: String,
    /// The gold attribution in its sentence, or the statements the speaker was given.
    pub(super) evidence: Vec<String>,
}

/// Largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Text around `[start, end)` out to `margin` bytes each side, on one line, with the marked
/// spans bracketed (`marks` are (start, end, label), non-overlapping).
fn snippet(
    text: &str,
    start: usize,
    end: usize,
    margin: usize,
    marks: &[(usize, usize, &str)],
) -> String {
    let lo = floor_boundary(text, start.saturating_sub(margin));
    let hi = floor_boundary(text, end.saturating_add(margin));
    let mut marks: Vec<(usize, usize, &str)> = marks
        .iter()
        .copied()
        .filter(|&(a, b, _)| lo <= a && b <= hi && a <= b)
        .collect();
    marks.sort();
    let mut out = String::new();
    let mut at = lo;
    for (a, b, label) in marks {
        if a < at {
            continue;
        }
        out.push_str(&text[at..a]);
        out.push_str(&format!("[{label}:{}]", &text[a..b]));
        at = b;
    }
    out.push_str(&text[at..hi]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a gold speaker group was missed: each of its speech attributions in context, and what
/// the tagger produced there.
pub(super) fn explain_miss(
    article: &AnnotatedArticle,
    group: &BTreeSet<String>,
    quotes: &[newsfacet_tag::Quote],
) -> Vec<String> {
    let mut lines = Vec::new();
    for attribution in speech_attributions(article) {
        let Some(source) = attribution
            .sources
            .iter()
            .find(|s| !name_tokens(&s.text).is_disjoint(group))
        else {
            continue;
        };
        let mut marks = vec![(source.start, source.end, "S")];
        marks.extend(attribution.cues.iter().map(|c| (c.start, c.end, "C")));
        let lo = marks.iter().map(|m| m.0).min().unwrap_or(source.start);
        let hi = marks.iter().map(|m| m.1).max().unwrap_or(source.end);
        let mut line = snippet(&article.text, lo, hi, 160, &marks);
        // What the tagger said about this attribution's content: statements overlapping it.
        let overlaps = |q: &&newsfacet_tag::Quote| {
            let q_end = q.start + q.text.len();
            attribution
                .contents
                .iter()
                .any(|c| q.start < c.end && c.start < q_end)
        };
        let near: Vec<String> = quotes
            .iter()
            .filter(overlaps)
            .map(|q| {
                format!(
                    "{}/{}/{}",
                    q.speaker.as_deref().unwrap_or("-"),
                    q.unnamed.as_deref().unwrap_or("-"),
                    q.cue.as_deref().unwrap_or("-")
                )
            })
            .collect();
        if near.is_empty() {
            line.push_str("  ⟶ tagger on content: nothing");
        } else {
            line.push_str(&format!("  ⟶ tagger on content: {}", near.join("; ")));
        }
        lines.push(line);
        if lines.len() == 3 {
            break;
        }
    }
    lines
}

/// Why a speaker was predicted: the statements attributed to them.
pub(super) fn explain_false(
    article: &AnnotatedArticle,
    name: &str,
    quotes: &[newsfacet_tag::Quote],
) -> Vec<String> {
    quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some(name))
        .take(3)
        .map(|q| {
            let end = q.start + q.text.len();
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
            };
            format!(
                "{kind} cue={} :: {}",
                q.cue.as_deref().unwrap_or("-"),
                snippet(
                    &article.text,
                    q.start,
                    end.min(q.start + 200),
                    140,
                    &[(q.start, q.start, "Q")]
                )
            )
        })
        .collect()
}
