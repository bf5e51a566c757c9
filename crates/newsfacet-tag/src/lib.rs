//! Entity tagging for news articles.
//!
//! [`Tagger::tag`] turns an [`Article`] into [`Tags`]: the gazetteer entities it mentions, the
//! countries it is about, the speakers it quotes (with their quotes) and its source. Everything
//! is driven by one [`Gazetteer`](newsfacet_gazetteer::Gazetteer) and one [`Matcher`] over its
//! alias table, built once per process.

#![warn(missing_docs)]

pub mod attribution;
mod entities;
pub mod matcher;
pub mod source;
pub mod story;
mod tagger;
mod text;

pub use matcher::{Matcher, Mention, MentionVia};
pub use tagger::Tagger;

use newsfacet_gazetteer::EntityType;
use serde::Serialize;

/// A speaker named in an article: a person or an organization that is quoted or paraphrased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Speaker {
    /// Canonical gazetteer name when known, else the name as written.
    pub name: String,
    /// A person, or an organization speaking as one (a ministry, an outlet).
    #[serde(rename = "type")]
    pub entity_type: EntityType,
}

/// A country an article is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CountryRef {
    /// Canonical country name from the gazetteer.
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
}

/// One gazetteer entity found in an article, with how often and how it was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// Person, organization or place.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Stable gazetteer id.
    #[serde(skip)]
    pub id: String,
    /// Number of mentions.
    pub count: usize,
    /// Distinct surface forms as written in the text, in order of first appearance.
    pub surface: Vec<String>,
}

/// Direct speech in quote marks, or reported (indirect) speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words in quote marks.
    Direct,
    /// Reported speech or a paraphrase ("X said that …", "according to X").
    Indirect,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted or paraphrased content, without the quote marks.
    pub text: String,
    /// The named speaker (canonical name when in the gazetteer), if any.
    pub speaker: Option<String>,
    /// The named speaker's type, when there is one.
    #[serde(skip)]
    pub speaker_type: Option<EntityType>,
    /// An unnamed source as described ("a spokesperson", "officials"); never a facet value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unnamed: Option<String>,
    /// Direct or reported speech.
    pub kind: QuoteKind,
    /// The cue verb or phrase ("said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Byte offset of `text` in the tagged text (title, blank line, body).
    #[serde(skip)]
    pub start: usize,
}

/// Everything the tagger found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tags {
    /// Canonical publisher name, or `None` when it cannot be known.
    pub source: Option<String>,
    /// The outlet that wrote the story when the text or the source says so: the wire of a
    /// republished story, or the agency itself for its own story. `None` when unknown.
    pub origin: Option<String>,
    /// Named speakers, sorted and deduplicated.
    pub speakers: Vec<Speaker>,
    /// Countries, sorted by name.
    pub countries: Vec<CountryRef>,
    /// Entities in order of first mention.
    pub entities: Vec<EntityCount>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// The body's MinHash signature for story detection ([`story::Signature::of_text`]),
    /// computed with the rest of tagging so that it runs in parallel; `None` for a body too
    /// short to have one, and in tags built by hand, for which the index computes it.
    #[serde(skip)]
    pub story_signature: Option<story::Signature>,
}

/// The text the tagger reads: the title, a blank line, then the body. Offsets in [`Mention`]
/// and [`Quote`] refer to it.
pub fn tagged_text(title: &str, body: &str) -> String {
    if title.is_empty() {
        body.to_string()
    } else {
        format!("{title}\n\n{body}")
    }
}
