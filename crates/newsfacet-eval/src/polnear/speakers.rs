//! Which gold Source spans count as named speakers: speech cues, name tokens, and the
//! descriptions and sentence openers that look like names but are not.

use std::collections::BTreeSet;

use newsfacet_gazetteer::words;
use newsfacet_tag::Tagger;

use super::gold::{AnnotatedArticle, Attribution, Span};

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

/// Words that start with a capital in a Source span without naming anyone ("The", "Sen",
/// "Officials"), as written (`not-name-tokens.txt` of the gazetteer crate).
static NOT_NAME_TOKENS: std::sync::LazyLock<words::WordSet> =
    std::sync::LazyLock::new(|| words::WordSet::new(words::NOT_NAME_TOKENS));

/// Whether a gold cue reports speech: one of its words is a cue word of [`SPEECH_VERBS`], or
/// starts with its stem (a final "e" dropped) and is at most three letters longer.
pub(super) fn is_speech_cue(cue: &str) -> bool {
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

/// Gold speaker groups: named sources of speech attributions, merged by shared name tokens.
pub(super) fn gold_speakers(
    article: &AnnotatedArticle,
    tagger: Option<&Tagger>,
) -> Vec<BTreeSet<String>> {
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
/// group ("Republicans said") rather than name one. Folded (`party-labels.txt` of the
/// gazetteer crate).
static PARTY_LABELS: std::sync::LazyLock<words::WordSet> =
    std::sync::LazyLock::new(|| words::WordSet::new(words::PARTY_LABELS));

/// Places below this population are too small to be read as a description: a town called
/// "Clinton" or "Marshall" is far more often a surname.
const DESCRIPTIVE_PLACE_POPULATION: u64 = 1_000_000;

/// Whether a Source span describes rather than names its speaker: once its places, demonyms
/// and party labels are set aside, no capitalised word is left ("the Vermont senator", "The
/// New York businessman", "British officials", "Republicans", "Russia").
pub(super) fn is_description(tagger: &Tagger, span: &str) -> bool {
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
    !name_tokens(span).is_empty() && left.iter().all(|t| PARTY_LABELS.contains(t))
}

/// Ordinary lowercase English words (the list the tagger also uses).
static ENGLISH_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| newsfacet_gazetteer::words::ORDINARY_WORDS.lines().collect());

/// Whether a Source span's only capitalised word is an ordinary word capitalised because it
/// opens the sentence ("Police officials said", "Several cast members said", "Lawmakers
/// asked"). Names the gazetteer knows stay names ("Trump said").
pub(super) fn is_sentence_opener(tagger: &Tagger, article: &AnnotatedArticle, span: &Span) -> bool {
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
pub(super) fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
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
pub(super) fn speech_attributions(
    article: &AnnotatedArticle,
) -> impl Iterator<Item = &Attribution> {
    article
        .attributions
        .iter()
        .filter(|a| a.cues.iter().any(|c| is_speech_cue(&c.text)))
}
