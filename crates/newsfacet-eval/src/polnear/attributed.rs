//! Quote-level score: of the gold quotes with a named speaker (Content spans of speech
//! attributions whose Source names someone), the share the tagger found with the right speaker.
//!
//! The article-level speaker score forgives a quote given to the wrong person as long as both
//! people speak somewhere in the article; this one does not. A gold quote is found when a
//! predicted statement (direct or indirect) covers at least half of the shorter of the two
//! spans, and found with the right speaker when that statement's speaker shares a name token
//! with the quote's Source.

use std::collections::BTreeSet;

use newsfacet_tag::Tagger;

use super::gold::AnnotatedArticle;
use super::speakers::{is_description, is_sentence_opener, name_tokens, speech_attributions};

/// One gold quote: its byte span and the name tokens of its named Source.
#[derive(Debug, Clone)]
pub(super) struct GoldQuote {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker: BTreeSet<String>,
}

/// One predicted statement: its byte span and its speaker's name tokens (empty when it has no
/// named speaker).
#[derive(Debug, Clone)]
pub(super) struct PredictedQuote {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker: BTreeSet<String>,
}

/// How one gold quote fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// No predicted statement covers it.
    Missed,
    /// Covered, but by no statement of its speaker.
    WrongSpeaker,
    /// Covered by a statement of its speaker.
    Right,
}

/// The gold quotes of an article whose Source is a name: descriptions ("the Vermont senator")
/// and sentence openers ("Lawmakers said") are left out, as they are for gold speakers.
pub(super) fn gold_attributed_quotes(
    article: &AnnotatedArticle,
    tagger: Option<&Tagger>,
) -> Vec<GoldQuote> {
    let mut quotes = Vec::new();
    for attribution in speech_attributions(article) {
        let mut speaker = BTreeSet::new();
        for source in &attribution.sources {
            let unnamed = tagger.is_some_and(|t| {
                is_description(t, &source.text) || is_sentence_opener(t, article, source)
            });
            if !unnamed {
                speaker.extend(name_tokens(&source.text));
            }
        }
        if speaker.is_empty() {
            continue;
        }
        for content in &attribution.contents {
            if content.end > content.start {
                quotes.push(GoldQuote {
                    start: content.start,
                    end: content.end,
                    speaker: speaker.clone(),
                });
            }
        }
    }
    quotes
}

/// Whether two byte spans share at least half of the shorter one: the gold and the tagger draw
/// the edges of one statement differently (quote marks, "that", a trailing clause).
pub(super) fn covers(a: (usize, usize), b: (usize, usize)) -> bool {
    let overlap = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    shorter > 0 && overlap * 2 >= shorter
}

/// How the predicted statements fare on one gold quote.
pub(super) fn outcome(gold: &GoldQuote, predicted: &[PredictedQuote]) -> Outcome {
    let mut covered = false;
    for p in predicted {
        if p.end <= p.start || !covers((gold.start, gold.end), (p.start, p.end)) {
            continue;
        }
        if !p.speaker.is_disjoint(&gold.speaker) {
            return Outcome::Right;
        }
        covered = true;
    }
    if covered {
        Outcome::WrongSpeaker
    } else {
        Outcome::Missed
    }
}
