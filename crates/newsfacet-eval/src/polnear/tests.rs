use newsfacet_tag::Tagger;

use super::gold::{parse, AnnotatedArticle, Span};
use super::quotes::{gold_direct_quotes, quoted_parts};
use super::speakers::{
    capitalised_mid_sentence, gold_speakers, is_description, is_sentence_opener, is_speech_cue,
    name_tokens,
};

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
    let text = "The vote passed. Lawmakers said it was fair. Loretta Lynch agreed. Lynch said so.";
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

#[test]
fn quote_level_score_needs_the_right_speaker() {
    use super::attributed::{covers, gold_attributed_quotes, outcome, Outcome, PredictedQuote};
    let article = parse("x", TEXT, &ann()).unwrap();
    // "The poll shows" is no speech attribution; both Morris quotes are named.
    let gold = gold_attributed_quotes(&article, None);
    assert_eq!(gold.len(), 2);
    let morris: std::collections::BTreeSet<String> =
        ["haley", "morris"].iter().map(|s| s.to_string()).collect();
    let at = |needle: &str| {
        let start = TEXT.find(needle).unwrap();
        (start, start + needle.len())
    };
    let predicted =
        |span: (usize, usize), speaker: &std::collections::BTreeSet<String>| PredictedQuote {
            start: span.0,
            end: span.1,
            speaker: speaker.clone(),
        };
    let win = &gold[0];
    assert_eq!(&TEXT[win.start..win.end], "We will win");
    assert_eq!(
        outcome(win, &[predicted(at("We will win,"), &morris)]),
        Outcome::Right
    );
    let other = ["jane".to_string()].into_iter().collect();
    assert_eq!(
        outcome(win, &[predicted(at("We will win"), &other)]),
        Outcome::WrongSpeaker
    );
    assert_eq!(
        outcome(win, &[predicted(at("sources agree"), &morris)]),
        Outcome::Missed
    );
    assert!(covers((0, 10), (5, 30)));
    assert!(!covers((0, 10), (8, 30)));
    assert!(!covers((0, 0), (0, 5)));
}
