//! The read side of the document layout: stored documents as typed views.

use chrono::NaiveDate;
use tantivy::schema::{Field, Value};
use tantivy::TantivyDocument;

use crate::schema::{date_of, NewsSchema};

/// A typed view of one stored document kind, so that callers load documents without knowing
/// their fields (see [`crate::NewsIndex::load`]).
pub trait StoredDocument: Sized {
    /// Reads the view from a stored document. Fields the document lacks come back empty
    /// (`None`, `""`, no values) rather than failing: a document of the other kind or of an
    /// older mapping still shows what it has.
    fn from_stored(schema: &NewsSchema, doc: &TantivyDocument) -> Self;
}

/// An article as stored: what search results show of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleDoc {
    /// Stable article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Cleaned body text.
    pub body: String,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// Canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the story came from, if known.
    pub origin: Option<String>,
    /// The article's URL, when it has one.
    pub url: Option<String>,
    /// Where the article was read from, `file` or `file:line`.
    pub path: Option<String>,
    /// Speaker names, in the tagger's order.
    pub speakers: Vec<String>,
    /// Country names, in the tagger's order.
    pub countries: Vec<String>,
    /// The article's story id; `None` only for documents written without one.
    pub story: Option<String>,
}

impl StoredDocument for ArticleDoc {
    fn from_stored(schema: &NewsSchema, doc: &TantivyDocument) -> Self {
        let text = |field| stored_text(doc, field);
        ArticleDoc {
            id: text(schema.id).unwrap_or_default(),
            title: text(schema.title).unwrap_or_default(),
            body: text(schema.body).unwrap_or_default(),
            published: stored_date(doc, schema),
            source: text(schema.source),
            origin: text(schema.origin),
            url: text(schema.url),
            path: text(schema.path),
            speakers: stored_texts(doc, schema.speakers),
            countries: stored_texts(doc, schema.countries),
            story: text(schema.story),
        }
    }
}

/// A quote as stored, with the copies of its article's fields that it carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteDoc {
    /// The quote's text.
    pub text: String,
    /// The named speaker; `None` when the speaker is unnamed.
    pub speaker: Option<String>,
    /// How an unnamed speaker is described ("a spokesperson").
    pub unnamed: Option<String>,
    /// `direct` or `indirect`, the same word as in `analyze --json`.
    pub kind: String,
    /// The cue verb or phrase ("said", "according to"), when there is one.
    pub cue: Option<String>,
    /// Byte offset of the quote in its article's tagged text (title, blank line, body).
    pub position: u64,
    /// The article's stable id.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// The article's publication date, if known.
    pub published: Option<NaiveDate>,
    /// The article's canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the article's story came from, if known.
    pub origin: Option<String>,
}

impl StoredDocument for QuoteDoc {
    fn from_stored(schema: &NewsSchema, doc: &TantivyDocument) -> Self {
        let text = |field| stored_text(doc, field);
        QuoteDoc {
            text: text(schema.quote).unwrap_or_default(),
            speaker: text(schema.speakers),
            unnamed: text(schema.unnamed),
            kind: text(schema.quote_kind).unwrap_or_default(),
            cue: text(schema.cue),
            position: doc
                .get_first(schema.position)
                .and_then(|v| v.as_u64())
                .unwrap_or_default(),
            article_id: text(schema.id).unwrap_or_default(),
            article_title: text(schema.article_title).unwrap_or_default(),
            published: stored_date(doc, schema),
            source: text(schema.source),
            origin: text(schema.origin),
        }
    }
}

/// The first stored text value of a field.
fn stored_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Every stored text value of a field, in the order written.
fn stored_texts(doc: &TantivyDocument, field: Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The stored publication date.
fn stored_date(doc: &TantivyDocument, schema: &NewsSchema) -> Option<NaiveDate> {
    doc.get_first(schema.published)
        .and_then(|v| v.as_datetime())
        .and_then(date_of)
}
