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
//! separately) against the tagger's direct quotes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsfacet_article::{Article, Origin};
use newsfacet_gazetteer::words;
use newsfacet_tag::{QuoteKind, Tagger};
use rayon::prelude::*;
use serde::Serialize;

use crate::score::{Counts, Report};

/// The words a gold cue is matched against: the lemmas of the tagger's speech verbs
/// (`speech-verbs.txt` of the gazetteer crate) without those marked `eval-off`, and the past
/// forms marked `eval-past` ("told", "said"). See that file's header for why.
static SPEECH_VERBS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut cues = Vec::new();
    for row in words::rows(words::SPEECH_VERBS) {
        let forms: Vec<&'static str> = row[0].split_whitespace().collect();
        let flags = row.get(2).copied().unwrap_or("");
        let has = |flag: &str| flags.split_whitespace().any(|f| f == flag);
        if has("eval-off") {
            continue;
        }
        cues.push(forms[0]);
        if has("eval-past") {
            cues.push(forms[2]);
        }
    }
    cues
});

/// Words that start with a capital in a Source span without naming anyone.
const NOT_NAME_TOKENS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "It",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "President",
    "Senator",
    "Governor",
    "Secretary",
    "Speaker",
    "Former",
    "Vice",
    "Democratic",
    "Republican",
    "Both",
    "Some",
    "Many",
    "Most",
    "One",
    "Two",
    "Others",
    "Other",
    "Another",
    "Officials",
    "Aides",
    "Sources",
    "Critics",
    "Supporters",
    "Experts",
    "Analysts",
    "Advisers",
    "Voters",
    "Polls",
    "Poll",
];

/// Whether a gold cue reports speech: one of its words is a cue word of [`SPEECH_VERBS`], or
/// starts with its stem (a final "e" dropped) and is at most three letters longer.
fn is_speech_cue(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|word| {
            let word = word.to_lowercase();
            SPEECH_VERBS.iter().any(|lemma| {
                let stem = lemma.trim_end_matches('e');
                word == *lemma || (word.starts_with(stem) && word.len() <= lemma.len() + 3)
            })
        })
}

/// Capitalised tokens of a name phrase, without possessives and title words, folded so that
/// spellings compare equal ("Erdoğan"/"Erdogan", "O’Neill"/"O'Neill").
pub fn name_tokens(phrase: &str) -> BTreeSet<String> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|t| {
            t.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(['\'', '’', '-'])
        })
        .filter(|t| t.chars().count() >= 2 && t.chars().next().is_some_and(char::is_uppercase))
        .filter(|t| !NOT_NAME_TOKENS.contains(t))
        .map(newsfacet_gazetteer::fold::fold)
        .collect()
}

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

/// One annotated span: its label and its text.
#[derive(Debug, Clone)]
struct Span {
    text: String,
    start: usize,
    end: usize,
}

/// One attribution relation's parts.
#[derive(Debug, Default, Clone)]
struct Attribution {
    sources: Vec<Span>,
    cues: Vec<Span>,
    contents: Vec<Span>,
}

/// A parsed article: its text, every Source span, and its attributions.
#[derive(Debug, Default)]
pub struct AnnotatedArticle {
    pub name: String,
    pub text: String,
    sources: Vec<String>,
    attributions: Vec<Attribution>,
}

/// Parses a brat `.ann` file against its text (offsets are in characters).
pub fn parse(name: &str, text: &str, ann: &str) -> anyhow::Result<AnnotatedArticle> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |char_offset: usize| chars.get(char_offset).map_or(text.len(), |&(b, _)| b);
    let mut spans: HashMap<String, Span> = HashMap::new();
    let mut article = AnnotatedArticle {
        name: name.to_string(),
        text: text.to_string(),
        ..Default::default()
    };
    for (line_number, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(id) = fields.first() else { continue };
        if id.starts_with('T') && fields.len() >= 2 {
            let mut parts = fields[1].split_whitespace();
            let label = parts.next().unwrap_or_default().to_string();
            // Discontinuous spans ("0 5;9 12") keep their outer bounds.
            let numbers: Vec<usize> = parts
                .flat_map(|p| p.split(';'))
                .filter_map(|n| n.parse().ok())
                .collect();
            let (Some(&start), Some(&end)) = (numbers.first(), numbers.last()) else {
                anyhow::bail!("{name}.ann:{}: span without offsets", line_number + 1);
            };
            let (start, end) = (byte_at(start), byte_at(end));
            let span_text = text.get(start..end).unwrap_or_default().to_string();
            if label == "Source" {
                article.sources.push(span_text.clone());
            }
            spans.insert(
                id.to_string(),
                Span {
                    text: span_text,
                    start,
                    end,
                },
            );
        } else if id.starts_with('E') && fields.len() >= 2 {
            let mut attribution = Attribution::default();
            for argument in fields[1].split_whitespace() {
                let Some((role, target)) = argument.split_once(':') else {
                    continue;
                };
                let Some(span) = spans.get(target) else {
                    continue;
                };
                let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
                match role {
                    "Source" => attribution.sources.push(span.clone()),
                    "Cue" => attribution.cues.push(span.clone()),
                    "Content" => attribution.contents.push(span.clone()),
                    _ => {}
                }
            }
            article.attributions.push(attribution);
        }
    }
    Ok(article)
}

/// Gold speaker groups: named sources of speech attributions, merged by shared name tokens.
fn gold_speakers(article: &AnnotatedArticle, tagger: Option<&Tagger>) -> Vec<BTreeSet<String>> {
    let mut groups: Vec<BTreeSet<String>> = Vec::new();
    for attribution in speech_attributions(article) {
        for source in &attribution.sources {
            let tokens = name_tokens(&source.text);
            let unnamed = tagger.is_some_and(|t| {
                is_description(t, &source.text) || is_sentence_opener(t, article, source)
            });
            if tokens.is_empty() || unnamed {
                continue;
            }
            let (mut merged, rest): (Vec<_>, Vec<_>) =
                groups.into_iter().partition(|g| !g.is_disjoint(&tokens));
            let mut group = tokens;
            for other in merged.drain(..) {
                group.extend(other);
            }
            groups = rest;
            groups.push(group);
        }
    }
    groups
}

/// Party labels: capitalised, but they describe a speaker ("the GOP nominee") or an unnamed
/// group ("Republicans said") rather than name one.
const PARTY_LABELS: &[&str] = &[
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "gop",
    "dem",
    "dems",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "tory",
    "tories",
    "libertarian",
];

/// Places below this population are too small to be read as a description: a town called
/// "Clinton" or "Marshall" is far more often a surname.
const DESCRIPTIVE_PLACE_POPULATION: u64 = 1_000_000;

/// Whether a Source span describes rather than names its speaker: once its places, demonyms
/// and party labels are set aside, no capitalised word is left ("the Vermont senator", "The
/// New York businessman", "British officials", "Republicans", "Russia").
fn is_description(tagger: &Tagger, span: &str) -> bool {
    let gazetteer = tagger.gazetteer();
    let mut rest = span.to_string();
    for mention in tagger.matcher().find(span).iter().rev() {
        let entry = gazetteer.entry(mention.entry);
        let descriptive = entry.entity_type == newsfacet_gazetteer::EntityType::Place
            && (entry.kind != newsfacet_gazetteer::kind::CITY
                || entry.capital
                || entry.population.unwrap_or(0) >= DESCRIPTIVE_PLACE_POPULATION);
        if descriptive {
            rest.replace_range(mention.start..mention.end, " ");
        }
    }
    let left = name_tokens(&rest);
    !name_tokens(span).is_empty() && left.iter().all(|t| PARTY_LABELS.contains(&t.as_str()))
}

/// Ordinary lowercase English words (the list the tagger also uses).
static ENGLISH_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| newsfacet_gazetteer::words::ORDINARY_WORDS.lines().collect());

/// Whether a Source span's only capitalised word is an ordinary word capitalised because it
/// opens the sentence ("Police officials said", "Several cast members said", "Lawmakers
/// asked"). Names the gazetteer knows stay names ("Trump said").
fn is_sentence_opener(tagger: &Tagger, article: &AnnotatedArticle, span: &Span) -> bool {
    let tokens = name_tokens(&span.text);
    let [only] = tokens.iter().collect::<Vec<_>>()[..] else {
        return false;
    };
    let first_word = span
        .text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(newsfacet_gazetteer::fold::fold);
    let before = article.text[..span.start]
        .trim_end_matches([' ', '"', '“', '\'', '‘', '('])
        .chars()
        .next_back();
    let opens_sentence = before.is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':'));
    first_word.as_deref() == Some(only.as_str())
        && opens_sentence
        && ENGLISH_WORDS.contains(only.as_str())
        && tagger.gazetteer().lookup(only).is_empty()
        && !capitalised_mid_sentence(
            &article.text,
            span.text.split_whitespace().next().unwrap_or(""),
        )
}

/// Whether `word`, capitalised, also stands in the middle of a sentence of `text` ("Loretta
/// Lynch", "said Sanders"): then it is a name wherever it stands.
fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(i, _)| {
        let after = text[i + word.len()..].chars().next();
        let before = text[..i].trim_end_matches(' ');
        let previous = before.chars().next_back();
        i > 0
            && before.len() < i
            && !after.is_some_and(char::is_alphanumeric)
            && previous.is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// Attributions whose cue is a speech verb: the ones gold speakers come from.
fn speech_attributions(article: &AnnotatedArticle) -> impl Iterator<Item = &Attribution> {
    article
        .attributions
        .iter()
        .filter(|a| a.cues.iter().any(|c| is_speech_cue(&c.text)))
}

const OPENING_QUOTES: &[char] = &['"', '“', '«', '\''];
const CLOSING_QUOTES: &[char] = &['"', '”', '»', '\''];

/// Normalised text of gold Content spans that sit inside quote marks.
fn gold_direct_quotes(article: &AnnotatedArticle) -> BTreeSet<String> {
    let mut quotes = BTreeSet::new();
    for content in article.attributions.iter().flat_map(|a| &a.contents) {
        let before = article.text[..content.start].trim_end().chars().next_back();
        let after = article.text[content.end..]
            .trim_start_matches([',', '.', '?', '!'])
            .chars()
            .next();
        let inside_marks = content.text.starts_with(OPENING_QUOTES)
            || before.is_some_and(|c| OPENING_QUOTES.contains(&c))
                && after.is_some_and(|c| CLOSING_QUOTES.contains(&c));
        if inside_marks {
            // An interrupted quote (`"A," he said. "B."`) is one Content span in the gold but
            // two quotations in the text: the parts inside the marks are the direct quotes.
            let parts = quoted_parts(&content.text);
            if parts.len() >= 2 {
                quotes.extend(parts.iter().map(|p| normalise_quote(p)));
            } else {
                quotes.insert(normalise_quote(&content.text));
            }
        }
    }
    quotes.remove("");
    quotes
}

/// The stretches of `text` between double quote marks (straight or curly).
fn quoted_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"', None) | ('“', None) => open = Some(i + c.len_utf8()),
            ('"', Some(start)) | ('”', Some(start)) => {
                parts.push(&text[start..i]);
                open = None;
            }
            _ => {}
        }
    }
    parts
}

fn normalise_quote(text: &str) -> String {
    let trimmed = text.trim().trim_matches(|c: char| {
        OPENING_QUOTES.contains(&c) || CLOSING_QUOTES.contains(&c) || c == ',' || c == '.'
    });
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Default)]
struct ArticleScore {
    speakers: Counts,
    /// Recall against every capitalised Source span, descriptions included.
    capitalised_sources: Counts,
    quotes: Counts,
    false_speakers: Vec<String>,
    missed_speakers: Vec<String>,
    /// Evidence for each error, filled only for `--show-errors`.
    notes: Vec<ErrorNote>,
    /// Direct quotes without speaker, unnamed source or cue: (predicted, exact gold hits).
    bare_quotes: (usize, usize),
}

/// One scoring error with the text that explains it, for `--show-errors`.
#[derive(Debug)]
struct ErrorNote {
    /// "missed" or "false".
    kind: &'static str,
    article: String,
    speaker: String,
    /// The gold attribution in its sentence, or the statements the speaker was given.
    evidence: Vec<String>,
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
fn explain_miss(
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
fn explain_false(
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

fn score_article(tagger: &Tagger, article: &AnnotatedArticle, explain: bool) -> ArticleScore {
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
    score.quotes = Counts {
        predicted: predicted_quotes.len(),
        predicted_correct: hits,
        gold: gold_quotes.len(),
        gold_found: hits,
    };
    score
}

/// Pairs `text/NAME.txt` with `attributions/NAME_<hash>.ann`.
fn load_split(dir: &Path) -> anyhow::Result<Vec<AnnotatedArticle>> {
    let attributions = dir.join("attributions");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&attributions)
        .with_context(|| format!("reading {}", attributions.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    entries.sort();
    let mut articles = Vec::new();
    for ann_path in entries {
        let stem = ann_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let name = stem.rsplit_once('_').map_or(stem, |(name, _)| name);
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let ann = std::fs::read_to_string(&ann_path)
            .with_context(|| format!("reading {}", ann_path.display()))?;
        articles.push(parse(name, &text, &ann)?);
    }
    Ok(articles)
}

#[derive(Debug, Serialize)]
struct Output {
    articles: usize,
    speakers: Report,
    /// Recall when descriptions ("the Vermont senator") count as named sources too.
    recall_every_capitalised_source: f64,
    direct_quotes_exact: Report,
}

pub fn run(dir: &Path, json: bool, show_errors: usize) -> anyhow::Result<()> {
    let articles = load_split(dir)?;
    let tagger = Tagger::new(newsfacet_gazetteer::Gazetteer::bundled()?)?;
    let scores: Vec<ArticleScore> = articles
        .par_iter()
        .map(|a| score_article(&tagger, a, show_errors > 0))
        .collect();
    let (mut speakers, mut quotes) = (Counts::default(), Counts::default());
    let mut capitalised = Counts::default();
    let mut notes: Vec<ErrorNote> = Vec::new();
    let mut bare_quotes = (0, 0);
    let mut false_speakers: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    for score in scores {
        speakers.add(score.speakers);
        capitalised.add(score.capitalised_sources);
        quotes.add(score.quotes);
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
        for kind in ["missed", "false", "quote-missed", "quote-false"] {
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Title.\n\n“We will win,” said Haley Morris. Morris added that sources agree. The poll shows a lead.";

    fn ann() -> String {
        let offset = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
        let span = |id: &str, label: &str, needle: &str| {
            let start = offset(needle);
            format!(
                "{id}\t{label} {start} {}\t{needle}\n",
                start + needle.chars().count()
            )
        };
        [
            span("T1", "Source", "Haley Morris"),
            span("T2", "Cue", "said"),
            span("T3", "Content", "We will win"),
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n".to_string(),
            span("T4", "Source", "Morris"),
            span("T5", "Cue", "added"),
            span("T6", "Content", "sources agree"),
            "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n".to_string(),
            span("T7", "Source", "The poll"),
            span("T8", "Cue", "shows"),
            span("T9", "Content", "a lead"),
            "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9\n".to_string(),
        ]
        .concat()
    }

    #[test]
    fn merges_gold_speakers_by_name_token_and_needs_speech_cues() {
        let article = parse("x", TEXT, &ann()).unwrap();
        assert_eq!(article.sources.len(), 3);
        let gold = gold_speakers(&article, None);
        assert_eq!(gold.len(), 1);
        assert!(gold[0].contains("morris") && gold[0].contains("haley"));
    }

    #[test]
    fn descriptions_are_not_named_sources() {
        let tagger = Tagger::new(newsfacet_gazetteer::Gazetteer::bundled().unwrap()).unwrap();
        for description in [
            "the Vermont senator",
            "The New York businessman",
            "The GOP nominee",
            "Republicans",
            "British officials",
        ] {
            assert!(is_description(&tagger, description), "{description}");
        }
        for name in [
            "Sen. Bernie Sanders",
            "The New York Times",
            "Marshall",
            "the Republican National Committee",
        ] {
            assert!(!is_description(&tagger, name), "{name}");
        }
    }

    #[test]
    fn sentence_openers_are_not_names_unless_used_as_names() {
        assert!(capitalised_mid_sentence(
            "He met Loretta Lynch. Lynch said so.",
            "Lynch"
        ));
        assert!(!capitalised_mid_sentence(
            "Lawmakers met. Lawmakers said so.",
            "Lawmakers"
        ));
        let tagger = Tagger::new(newsfacet_gazetteer::Gazetteer::bundled().unwrap()).unwrap();
        let text =
            "The vote passed. Lawmakers said it was fair. Loretta Lynch agreed. Lynch said so.";
        let span = |needle: &str, nth: usize| {
            let start = text.match_indices(needle).nth(nth).unwrap().0;
            Span {
                text: needle.to_string(),
                start,
                end: start + needle.len(),
            }
        };
        let article = AnnotatedArticle {
            name: "x".into(),
            text: text.into(),
            sources: Vec::new(),
            attributions: Vec::new(),
        };
        assert!(is_sentence_opener(&tagger, &article, &span("Lawmakers", 0)));
        assert!(!is_sentence_opener(&tagger, &article, &span("Lynch", 1)));
    }

    #[test]
    fn finds_direct_quotes_inside_marks_only() {
        let article = parse("x", TEXT, &ann()).unwrap();
        let quotes = gold_direct_quotes(&article);
        assert_eq!(
            quotes.into_iter().collect::<Vec<_>>(),
            vec!["We will win".to_string()]
        );
    }

    #[test]
    fn speech_cues_and_name_tokens() {
        assert!(is_speech_cue("said"));
        assert!(is_speech_cue("told reporters"));
        assert!(is_speech_cue("according to"));
        assert!(!is_speech_cue("shows"));
        assert!(!is_speech_cue("believes"));
        assert_eq!(
            name_tokens("Sen. Bernie Sanders's"),
            ["bernie", "sanders"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        );
        assert_eq!(name_tokens("Erdoğan"), name_tokens("Erdogan"));
        assert_eq!(
            quoted_parts("“We will win,” he said. “We always do.”"),
            vec!["We will win,", "We always do."]
        );
        assert_eq!(name_tokens("O’Neill"), name_tokens("O'Neill"));
        assert!(name_tokens("a source").is_empty());
    }
}
