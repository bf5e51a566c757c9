//! Scoring one article: the tagger's speakers and direct quotes against the gold.

use std::collections::BTreeSet;
use std::path::PathBuf;

use newsfacet_article::{Article, Origin};
use newsfacet_tag::{QuoteKind, Tagger};

use super::attributed::{gold_attributed_quotes, outcome, Outcome, PredictedQuote};
use super::explain::{explain_false, explain_miss, ErrorNote};
use super::gold::AnnotatedArticle;
use super::quotes::{gold_direct_quotes, normalise_quote};
use super::speakers::{gold_speakers, name_tokens};
use crate::score::Counts;

/// The name tokens of a predicted speaker: of its canonical name and, for a gazetteer entity,
/// of its aliases (the speaker is the entity, whichever of its names the article used).
fn speaker_tokens(
    tagger: &Tagger,
    name: &str,
    entity_type: newsfacet_gazetteer::EntityType,
) -> BTreeSet<String> {
    let mut tokens = name_tokens(name);
    if let Some(entry) = tagger.gazetteer().resolve(name, entity_type) {
        for alias in &entry.aliases {
            tokens.extend(name_tokens(alias));
        }
    }
    tokens
}

/// One article's counts and errors, kept apart so that articles can be scored in parallel
/// and summed afterwards.
#[derive(Debug, Default)]
pub(super) struct ArticleScore {
    pub(super) speakers: Counts,
    /// Recall against every capitalised Source span, descriptions included.
    pub(super) capitalised_sources: Counts,
    pub(super) quotes: Counts,
    /// Gold quotes with a named speaker (`gold`) and those found with the right speaker
    /// (`gold_found`); `predicted` counts those found with another speaker or none.
    pub(super) attributed: Counts,
    pub(super) false_speakers: Vec<String>,
    pub(super) missed_speakers: Vec<String>,
    /// Evidence for each error, filled only for `--show-errors`.
    pub(super) notes: Vec<ErrorNote>,
    /// Direct quotes without speaker, unnamed source or cue: (predicted, exact gold hits).
    pub(super) bare_quotes: (usize, usize),
}

/// Tags one article and scores it against its gold; `explain` also collects the evidence for
/// each error, which costs time only `--show-errors` needs.
pub(super) fn score_article(
    tagger: &Tagger,
    article: &AnnotatedArticle,
    explain: bool,
) -> ArticleScore {
    let input = Article {
        id: article.name.clone(),
        title: String::new(),
        body: article.text.clone(),
        source: None,
        published: None,
        authors: Vec::new(),
        url: None,
        origin: Origin {
            path: PathBuf::from(&article.name),
            line: None,
        },
    };
    let tags = tagger.tag(&input);
    let annotated: Vec<BTreeSet<String>> = article.sources.iter().map(|s| name_tokens(s)).collect();
    let gold = gold_speakers(article, Some(tagger));
    let mut score = ArticleScore::default();
    let predicted: Vec<(String, BTreeSet<String>)> = tags
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                speaker_tokens(tagger, &s.name, s.entity_type),
            )
        })
        .collect();
    for (name, tokens) in &predicted {
        score.speakers.predicted += 1;
        if annotated.iter().any(|a| !a.is_disjoint(tokens)) {
            score.speakers.predicted_correct += 1;
        } else {
            score.false_speakers.push(name.clone());
            if explain {
                score.notes.push(ErrorNote {
                    kind: "false",
                    article: article.name.clone(),
                    speaker: name.clone(),
                    evidence: explain_false(article, name, &tags.quotes),
                });
            }
        }
    }
    // The literal reading, where every capitalised Source span is a named speaker, for
    // comparison.
    let found = |group: &BTreeSet<String>| {
        predicted
            .iter()
            .any(|(_, tokens)| !tokens.is_disjoint(group))
    };
    for group in gold_speakers(article, None) {
        score.capitalised_sources.gold += 1;
        if found(&group) {
            score.capitalised_sources.gold_found += 1;
        }
    }
    for group in &gold {
        score.speakers.gold += 1;
        if found(group) {
            score.speakers.gold_found += 1;
        } else {
            let speaker = group.iter().cloned().collect::<Vec<_>>().join(" ");
            if explain {
                score.notes.push(ErrorNote {
                    kind: "missed",
                    article: article.name.clone(),
                    speaker: speaker.clone(),
                    evidence: explain_miss(article, group, &tags.quotes),
                });
            }
            score.missed_speakers.push(speaker);
        }
    }
    let gold_quotes = gold_direct_quotes(article);
    let predicted_quotes: BTreeSet<String> = tags
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| normalise_quote(&q.text))
        .filter(|q| !q.is_empty())
        .collect();
    let hits = predicted_quotes.intersection(&gold_quotes).count();
    if explain {
        // Direct quotes nobody is said to have spoken (no speaker, unnamed source or cue).
        let bare: BTreeSet<String> = tags
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .filter(|q| q.speaker.is_none() && q.unnamed.is_none() && q.cue.is_none())
            .map(|q| normalise_quote(&q.text))
            .collect();
        score.bare_quotes = (bare.len(), bare.intersection(&gold_quotes).count());
        // Quote errors: the text of each side, to compare spans by eye.
        for (kind, from, other) in [
            ("quote-missed", &gold_quotes, &predicted_quotes),
            ("quote-false", &predicted_quotes, &gold_quotes),
        ] {
            for quote in from.difference(other) {
                score.notes.push(ErrorNote {
                    kind,
                    article: article.name.clone(),
                    speaker: String::new(),
                    evidence: vec![quote.chars().take(300).collect()],
                });
            }
        }
    }
    let statements: Vec<PredictedQuote> = tags
        .quotes
        .iter()
        .map(|q| PredictedQuote {
            start: q.start,
            end: q.start + q.text.len(),
            speaker: match (&q.speaker, q.speaker_type) {
                (Some(name), Some(ty)) => speaker_tokens(tagger, name, ty),
                (Some(name), None) => name_tokens(name),
                _ => BTreeSet::new(),
            },
        })
        .collect();
    for gold in gold_attributed_quotes(article, Some(tagger)) {
        score.attributed.gold += 1;
        match outcome(&gold, &statements) {
            Outcome::Right => score.attributed.gold_found += 1,
            Outcome::WrongSpeaker => {
                score.attributed.predicted += 1;
                if explain {
                    let given: Vec<String> = tags
                        .quotes
                        .iter()
                        .filter(|q| {
                            let span = (q.start, q.start + q.text.len());
                            super::attributed::covers((gold.start, gold.end), span)
                        })
                        .map(|q| {
                            q.speaker
                                .clone()
                                .or_else(|| q.unnamed.clone())
                                .unwrap_or_default()
                        })
                        .collect();
                    let quote = article.text.get(gold.start..gold.end).unwrap_or_default();
                    score.notes.push(ErrorNote {
                        kind: "quote-speaker",
                        article: article.name.clone(),
                        speaker: gold.speaker.iter().cloned().collect::<Vec<_>>().join(" "),
                        evidence: vec![
                            format!("given to: {}", given.join(" / ")),
                            quote.chars().take(200).collect(),
                        ],
                    });
                }
            }
            Outcome::Missed if explain => {
                let quote = article.text.get(gold.start..gold.end).unwrap_or_default();
                score.notes.push(ErrorNote {
                    kind: "quote-unfound",
                    article: article.name.clone(),
                    speaker: gold.speaker.iter().cloned().collect::<Vec<_>>().join(" "),
                    evidence: vec![quote.chars().take(200).collect()],
                });
            }
            Outcome::Missed => {}
        }
    }
    score.quotes = Counts {
        predicted: predicted_quotes.len(),
        predicted_correct: hits,
        gold: gold_quotes.len(),
        gold_found: hits,
    };
    score
}
