//! PolNeAR attribution evaluation, scored per article.
//!
//! Gold speakers are the *named* Source spans of attributions whose cue is a speech verb;
//! spans sharing a name token are merged ("Haley Morris" / "Morris"). A span is named when a
//! capitalised word is left once unnamed-group words ("Officials"), places, demonyms and party
//! labels are set aside, and that word is not an ordinary word capitalised only because it
//! opens the sentence: "the Vermont senator", "Republicans" and "Police officials" describe,
//! they do not name.
//! Recall is also printed for the literal reading where every capitalised span counts. A
//! predicted speaker is correct when it shares a name token (folded; of any of its gazetteer
//! names) with any annotated Source of the article. Direct quotes are also scored by exact
//! span: gold Content spans that sit inside quote marks (an interrupted quote's parts
//! separately) against the tagger's direct quotes. Quotes are scored one by one too
//! (`attributed`): the share of gold Content spans with a named Source that the tagger found
//! with the right speaker.

mod attributed;
mod explain;
mod gold;
mod quotes;
mod score;
mod speakers;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::Path;

use newsfacet_tag::Tagger;
use rayon::prelude::*;
use serde::Serialize;

use crate::score::{Counts, Report};
use explain::ErrorNote;
use gold::load_split;
use score::{score_article, ArticleScore};

/// The summary printed for the whole split.
#[derive(Debug, Serialize)]
struct Output {
    articles: usize,
    speakers: Report,
    /// Recall when descriptions ("the Vermont senator") count as named sources too.
    recall_every_capitalised_source: f64,
    direct_quotes_exact: Report,
    /// Share of gold quotes with a named speaker found with the right speaker.
    quotes_right_speaker: f64,
    /// Gold quotes with a named speaker.
    quotes_with_named_speaker: usize,
    /// Of those, found with the right speaker.
    quotes_found_right_speaker: usize,
    /// Of those, found (span covered) with another speaker or none.
    quotes_found_other_speaker: usize,
}

/// Scores the tagger on a PolNeAR split folder (`text/`, `attributions/`) and prints the
/// table or JSON, so that attribution changes can be measured against human annotation.
pub fn run(dir: &Path, json: bool, show_errors: usize) -> anyhow::Result<()> {
    let articles = load_split(dir)?;
    let tagger = Tagger::new(newsfacet_gazetteer::Gazetteer::bundled()?)?;
    let scores: Vec<ArticleScore> = articles
        .par_iter()
        .map(|a| score_article(&tagger, a, show_errors > 0))
        .collect();
    let (mut speakers, mut quotes) = (Counts::default(), Counts::default());
    let mut capitalised = Counts::default();
    let mut attributed = Counts::default();
    let mut notes: Vec<ErrorNote> = Vec::new();
    let mut bare_quotes = (0, 0);
    let mut false_speakers: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    for score in scores {
        speakers.add(score.speakers);
        capitalised.add(score.capitalised_sources);
        quotes.add(score.quotes);
        attributed.add(score.attributed);
        for s in score.false_speakers {
            *false_speakers.entry(s).or_default() += 1;
        }
        for s in score.missed_speakers {
            *missed.entry(s).or_default() += 1;
        }
        notes.extend(score.notes);
        bare_quotes.0 += score.bare_quotes.0;
        bare_quotes.1 += score.bare_quotes.1;
    }
    let output = Output {
        articles: articles.len(),
        speakers: speakers.into(),
        recall_every_capitalised_source: Report::from(capitalised).recall,
        direct_quotes_exact: quotes.into(),
        quotes_right_speaker: attributed.recall(),
        quotes_with_named_speaker: attributed.gold,
        quotes_found_right_speaker: attributed.gold_found,
        quotes_found_other_speaker: attributed.predicted,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&output)?);
    } else {
        println!("PolNeAR {} — {} articles", dir.display(), output.articles);
        for (label, report) in [
            ("speakers", &output.speakers),
            ("direct quotes (exact span)", &output.direct_quotes_exact),
        ] {
            println!(
                "{label:<28} precision {:.3} ({}/{})  recall {:.3} ({}/{})",
                report.precision,
                report.counts.predicted_correct,
                report.counts.predicted,
                report.recall,
                report.counts.gold_found,
                report.counts.gold
            );
        }
        println!(
            "{:<28} recall {:.3} (descriptions such as \"the Vermont senator\" counted as named)",
            "speakers, every capitalised", output.recall_every_capitalised_source
        );
        println!(
            "{:<28} {:.3} ({}/{}; {} more found with another speaker or none)",
            "quotes with right speaker",
            output.quotes_right_speaker,
            output.quotes_found_right_speaker,
            output.quotes_with_named_speaker,
            output.quotes_found_other_speaker
        );
    }
    if show_errors > 0 {
        for (label, errors) in [
            ("false speakers", false_speakers),
            ("missed speakers", missed),
        ] {
            let mut listed: Vec<(String, usize)> = errors.into_iter().collect();
            listed.sort_by_key(|item| std::cmp::Reverse(item.1));
            let shown: Vec<String> = listed
                .iter()
                .take(show_errors)
                .map(|(s, n)| format!("{s} ({n})"))
                .collect();
            println!("{label}: {}", shown.join(", "));
        }
        println!(
            "direct quotes without speaker, unnamed source or cue: {} predicted, {} exact gold hits",
            bare_quotes.0, bare_quotes.1
        );
        // Evidence, article by article: the first N of each kind.
        for kind in [
            "missed",
            "false",
            "quote-missed",
            "quote-false",
            "quote-speaker",
            "quote-unfound",
        ] {
            println!();
            for note in notes.iter().filter(|n| n.kind == kind).take(show_errors) {
                println!(
                    "{} {} in {}",
                    note.kind.to_uppercase(),
                    note.speaker,
                    note.article
                );
                for line in &note.evidence {
                    println!("    {line}");
                }
            }
        }
    }
    Ok(())
}
