//! Properties of tagging on generated news-like text: whatever the text, every quote is a span
//! of it, every entity's surface form occurs in it, and nothing panics.
//!
//! The text is built from pieces that exercise the tagger's paths: names the bundled gazetteer
//! knows, speech verbs, quote marks of several scripts, datelines, honorifics, punctuation
//! runs, non-Latin scripts and stray bytes of markup.

use std::sync::OnceLock;

use newsfacet_article::{Article, Origin};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_tag::{tagged_text, Tagger};
use proptest::prelude::*;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let gazetteer = Gazetteer::bundled().expect("the bundled gazetteer loads");
        Tagger::new(gazetteer).expect("the matcher builds")
    })
}

const PIECES: &[&str] = &[
    "Sergei Shoigu",
    "Wang Yi",
    "Lavrov",
    "Mr. Lavrov",
    "Ms. May",
    "Theresa May",
    "Reuters",
    "TASS",
    "the Kremlin",
    "Japan",
    "Japan's",
    "China",
    "Taiwan",
    "Chad",
    "Jordan",
    "Georgia",
    "Man",
    "Moscow",
    "Beijing",
    "MOSCOW, March 3 (Reuters) -",
    "TOKYO (AP) —",
    "said",
    "says",
    "told reporters",
    "according to",
    "added",
    "warned",
    "noting that",
    "with",
    "the minister",
    "a spokesperson",
    "officials",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "'",
    "‘",
    "’",
    ",",
    ".",
    ":",
    ";",
    "—",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "  ",
    "on Tuesday",
    "talks",
    "grain",
    "the",
    "of",
    "and",
    "Secretary of State",
    "Chancellor of the Exchequer",
    "President",
    "Sheikh",
    "al-Sabah",
    "Jr.",
    "E.F. Hutton",
    "N.Z. Dollar",
    "中国外交部",
    "Ελλάδα",
    "Türkiye",
    "Erdoğan",
    "é",
    "😀",
    "<b>",
    "&amp;",
    "\u{0}",
    "\u{FFFD}",
    "\t",
    "1987",
    "2026-03-02",
    "%",
    "$5 billion",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zA-Z]{1,12}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..120,
    )
    .prop_map(|pieces| pieces.join(" "))
}

fn article(title: String, body: String) -> Article {
    Article {
        id: "property".to_string(),
        title,
        body,
        source: None,
        published: None,
        authors: Vec::new(),
        url: None,
        origin: Origin {
            path: "generated.txt".into(),
            line: None,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn quotes_are_spans_of_the_text_and_surfaces_occur_in_it(
        title in news_text(),
        body in news_text(),
    ) {
        let article = article(title, body);
        let text = tagged_text(&article.title, &article.body);
        let tags = tagger().tag(&article);
        for quote in &tags.quotes {
            // A quote running over several paragraphs is their contents joined by a space, so
            // its words, not its bytes, follow one another in the text from its start.
            let rest = text.get(quote.start..);
            prop_assert!(rest.is_some(), "quote {:?} starts off a character boundary", quote.text);
            let mut rest = rest.unwrap_or_default();
            for (n, word) in quote.text.split_whitespace().enumerate() {
                let at = rest.find(word);
                prop_assert!(
                    at.is_some() && (n > 0 || at == Some(0)),
                    "quote {:?} is not the text at {}: {:?} not found in order",
                    quote.text,
                    quote.start,
                    word
                );
                rest = &rest[at.unwrap_or_default() + word.len()..];
            }
        }
        for entity in &tags.entities {
            for surface in &entity.surface {
                prop_assert!(
                    text.contains(surface.as_str()),
                    "surface {:?} of {:?} is not in the text",
                    surface,
                    entity.name
                );
            }
        }
        // Every speaker in the facet comes from a quote.
        for speaker in &tags.speakers {
            prop_assert!(
                tags.quotes.iter().any(|q| q.speaker.as_deref() == Some(speaker.name.as_str())),
                "speaker {:?} has no quote",
                speaker.name
            );
        }
    }
}
