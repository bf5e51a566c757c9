//! CoNLL-2003 evaluation at document level.
//!
//! Each `-DOCSTART-` document is detokenised into text and tagged. The predicted surface forms
//! of each type are compared, as sets, with the gold PER/ORG/LOC strings of the same document.
//! A predicted surface that is gold MISC counts neither way (it is often a demonym or event).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Context;
use newsfacet_article::{Article, Origin};
use newsfacet_gazetteer::EntityType;
use newsfacet_tag::Tagger;
use rayon::prelude::*;
use serde::Serialize;

use crate::score::{Counts, Report};

/// One document: its text and its gold entity strings by CoNLL type.
#[derive(Debug, Default)]
pub struct Document {
    pub text: String,
    pub gold: BTreeMap<String, BTreeSet<String>>,
}

/// Parses an IOB1/IOB2 CoNLL file (token in the first column, NER tag in the last).
pub fn parse(text: &str) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::new();
    let mut current = Document::default();
    let mut sentence: Vec<&str> = Vec::new();
    let mut entity: Option<(String, Vec<&str>)> = None;

    fn close_entity(entity: &mut Option<(String, Vec<&str>)>, document: &mut Document) {
        if let Some((kind, tokens)) = entity.take() {
            document
                .gold
                .entry(kind)
                .or_default()
                .insert(detokenize(&tokens));
        }
    }
    fn close_sentence(sentence: &mut Vec<&str>, document: &mut Document) {
        if !sentence.is_empty() {
            document.text.push_str(&detokenize(sentence));
            document.text.push('\n');
            sentence.clear();
        }
    }

    for line in text.lines() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        if columns.first() == Some(&"-DOCSTART-") {
            close_entity(&mut entity, &mut current);
            close_sentence(&mut sentence, &mut current);
            if !current.text.is_empty() {
                documents.push(std::mem::take(&mut current));
            }
            continue;
        }
        let (Some(&token), Some(&tag)) = (columns.first(), columns.last()) else {
            close_entity(&mut entity, &mut current);
            close_sentence(&mut sentence, &mut current);
            continue;
        };
        sentence.push(token);
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = matches!(&entity, Some((open, _)) if open == kind) && prefix == "I";
        if continues {
            if let Some((_, tokens)) = entity.as_mut() {
                tokens.push(token);
            }
        } else {
            close_entity(&mut entity, &mut current);
            if prefix != "O" {
                entity = Some((kind.to_string(), vec![token]));
            }
        }
    }
    close_entity(&mut entity, &mut current);
    close_sentence(&mut sentence, &mut current);
    if !current.text.is_empty() {
        documents.push(current);
    }
    documents
}

/// Joins tokens with spaces, except before closing punctuation and possessive clitics, so that
/// the tagger sees "China's" and "U.S.," as a newspaper would print them.
pub fn detokenize(tokens: &[&str]) -> String {
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        let attach = matches!(
            *token,
            "," | "." | ":" | ";" | "!" | "?" | ")" | "'s" | "'" | "n't" | "%"
        ) || (i > 0 && tokens[i - 1] == "(");
        if i > 0 && !attach {
            out.push(' ');
        }
        out.push_str(token);
    }
    out
}

fn conll_type(entity_type: EntityType) -> &'static str {
    match entity_type {
        EntityType::Person => "PER",
        EntityType::Organization => "ORG",
        EntityType::Place => "LOC",
    }
}

#[derive(Debug, Default)]
struct DocumentScore {
    counts: BTreeMap<&'static str, Counts>,
    false_positives: Vec<(&'static str, String)>,
    misses: Vec<(&'static str, String)>,
    /// (type, why) for every false positive; see [`fp_reason`].
    fp_reasons: Vec<(&'static str, &'static str)>,
    /// (type, why) for every miss; see [`miss_reason`].
    miss_reasons: Vec<(&'static str, &'static str)>,
}

/// Why a predicted surface is wrong: the gold calls it another type, it is only part of a
/// longer gold name, or the gold does not mark it at all.
fn fp_reason(document: &Document, kind: &str, surface: &str) -> &'static str {
    let golds = |k: &str| document.gold.get(k).into_iter().flatten();
    if ["PER", "ORG", "LOC"]
        .iter()
        .any(|k| *k != kind && golds(k).any(|g| g == surface))
    {
        return "gold has another type";
    }
    let inside = |g: &String| g != surface && contains_words(g, surface);
    if ["PER", "ORG", "LOC", "MISC"]
        .iter()
        .any(|k| golds(k).any(inside))
    {
        return "part of a longer gold name";
    }
    if ["PER", "ORG", "LOC", "MISC"]
        .iter()
        .any(|k| golds(k).any(|g| g != surface && contains_words(surface, g)))
    {
        return "longer than the gold name";
    }
    "not a gold name"
}

/// Why a gold name was missed: found under another type, found only as a part, or not found.
fn miss_reason(
    predicted: &BTreeMap<&'static str, BTreeSet<String>>,
    kind: &str,
    gold: &str,
) -> &'static str {
    let all = || {
        predicted
            .iter()
            .flat_map(|(k, set)| set.iter().map(move |s| (*k, s)))
    };
    if all().any(|(k, s)| k != kind && s == gold) {
        "tagged as another type"
    } else if all().any(|(_, s)| contains_words(gold, s) || contains_words(s, gold)) {
        "tagged with other bounds"
    } else {
        "not tagged"
    }
}

/// Whether `needle` occurs in `haystack` as whole words.
fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn score_document(tagger: &Tagger, document: &Document) -> DocumentScore {
    let article = Article {
        id: String::new(),
        title: String::new(),
        body: document.text.clone(),
        source: None,
        published: None,
        authors: Vec::new(),
        url: None,
        origin: Origin {
            path: "conll".into(),
            line: None,
        },
    };
    let tags = tagger.tag(&article);
    let empty = BTreeSet::new();
    let misc = document.gold.get("MISC").unwrap_or(&empty);
    let mut predicted: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    for entity in &tags.entities {
        for surface in &entity.surface {
            let surface = surface.trim_end_matches("'s").trim_end_matches('\'');
            // CoNLL tokenises the period of "Mich." apart: it is not part of the gold name.
            let without_period = surface.trim_end_matches('.');
            let gold_has = |s: &str| document.gold.values().any(|set| set.contains(s));
            let surface = if without_period != surface && gold_has(without_period) {
                without_period.to_string()
            } else {
                surface.to_string()
            };
            if !misc.contains(&surface) {
                predicted
                    .entry(conll_type(entity.entity_type))
                    .or_default()
                    .insert(surface);
            }
        }
    }
    let mut score = DocumentScore::default();
    for kind in ["PER", "ORG", "LOC"] {
        let gold = document.gold.get(kind).unwrap_or(&empty);
        let guessed = predicted.get(kind).unwrap_or(&empty);
        let hits = guessed.intersection(gold).count();
        score.counts.insert(
            kind,
            Counts {
                predicted: guessed.len(),
                predicted_correct: hits,
                gold: gold.len(),
                gold_found: hits,
            },
        );
        for surface in guessed.difference(gold) {
            let why = fp_reason(document, kind, surface);
            score
                .false_positives
                .push((kind, format!("{surface} [{why}]")));
            score.fp_reasons.push((kind, why));
        }
        for name in gold.difference(guessed) {
            let why = miss_reason(&predicted, kind, name);
            score.misses.push((kind, format!("{name} [{why}]")));
            score.miss_reasons.push((kind, why));
        }
    }
    score
}

#[derive(Debug, Serialize)]
struct Output {
    documents: usize,
    by_type: BTreeMap<&'static str, Report>,
}

pub fn run(path: &Path, json: bool, show_errors: usize) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let documents = parse(&text);
    let tagger = Tagger::new(newsfacet_gazetteer::Gazetteer::bundled()?)?;
    let scores: Vec<DocumentScore> = documents
        .par_iter()
        .map(|d| score_document(&tagger, d))
        .collect();
    let mut totals: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut false_positives: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut misses: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut reasons: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
    for score in scores {
        for (kind, why) in score.fp_reasons {
            *reasons.entry(("false positive", kind, why)).or_default() += 1;
        }
        for (kind, why) in score.miss_reasons {
            *reasons.entry(("miss", kind, why)).or_default() += 1;
        }
        for (kind, counts) in score.counts {
            totals.entry(kind).or_default().add(counts);
        }
        for item in score.false_positives {
            *false_positives.entry(item).or_default() += 1;
        }
        for item in score.misses {
            *misses.entry(item).or_default() += 1;
        }
    }
    let output = Output {
        documents: documents.len(),
        by_type: totals
            .into_iter()
            .map(|(k, c)| (k, Report::from(c)))
            .collect(),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&output)?);
    } else {
        println!(
            "CoNLL-2003 {} — {} documents (document-level surface forms, MISC ignored)",
            path.display(),
            output.documents
        );
        println!(
            "{:<5} {:>9} {:>9} {:>9} {:>9}",
            "type", "precision", "recall", "predicted", "gold"
        );
        for (kind, report) in &output.by_type {
            println!(
                "{:<5} {:>9.3} {:>9.3} {:>9} {:>9}",
                kind, report.precision, report.recall, report.counts.predicted, report.counts.gold
            );
        }
    }
    if show_errors > 0 {
        for ((label, kind, why), n) in &reasons {
            println!("{kind} {label}: {why}: {n}");
        }
        for (label, errors) in [("false positives", false_positives), ("misses", misses)] {
            for kind in ["PER", "ORG", "LOC"] {
                let mut listed: Vec<(&(&str, String), &usize)> =
                    errors.iter().filter(|((k, _), _)| *k == kind).collect();
                listed.sort_by_key(|item| std::cmp::Reverse(*item.1));
                let shown: Vec<String> = listed
                    .iter()
                    .take(show_errors)
                    .map(|((_, s), n)| format!("{s} ({n})"))
                    .collect();
                println!("{kind} {label}: {}", shown.join(", "));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nin IN O O\nBRUSSELS NNP I-NP I-LOC\n's POS O O\n\n-DOCSTART- -X- O O\n\nJapan NNP I-NP I-LOC\n";

    #[test]
    fn parses_documents_and_gold_entities() {
        let documents = parse(SAMPLE);
        assert_eq!(documents.len(), 2);
        assert_eq!(
            documents[0].text,
            "EU rejects German call.\nPeter Blackburn in BRUSSELS's\n"
        );
        let per: Vec<&String> = documents[0].gold["PER"].iter().collect();
        assert_eq!(per, vec!["Peter Blackburn"]);
        assert!(documents[0].gold["MISC"].contains("German"));
        assert!(documents[1].gold["LOC"].contains("Japan"));
    }

    #[test]
    fn consecutive_b_tags_split_entities() {
        let documents = parse("A NNP I-NP I-LOC\nB NNP I-NP B-LOC\n");
        assert_eq!(documents[0].gold["LOC"].len(), 2);
    }
}
