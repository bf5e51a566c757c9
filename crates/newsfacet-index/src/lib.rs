//! The newsfacet search index: schema, English analyzer and incremental writer, on tantivy.
//!
//! [`NewsIndex::create_or_open`] gives an index directory whose schema is [`NewsSchema`];
//! [`NewsIndex::writer`] returns a [`NewsWriter`] that upserts tagged articles by id and
//! commits them all at once. Facets of every dimension ([`FacetField`]) live in one tantivy
//! facet field as `/<dimension>/<value>` paths.
//!
//! The index holds two kinds of document ([`DocKind`]): one per article and one per quote of
//! an article. A quote document carries its article's id, so an article and its quotes are
//! deleted, rewritten and committed together, and follows its article in the segment, so that
//! quotes are selected by their article's facets without copies of them
//! ([`QuotesOfArticles`]).
//!
//! This crate alone knows how documents are laid out: the writer maps tagged articles to
//! documents, and readers get them back as [`ArticleDoc`] and [`QuoteDoc`] (through
//! [`NewsIndex::load`]), address fields through the term builders of [`NewsSchema`], and read
//! columns through [`columns`].
//!
//! Each article document also carries its `story`: near-copies of one text (a wire story
//! republished by several outlets) share it. [`newsfacet_tag::story`] compares texts; the
//! writer stores each body's signature and band keys so that later runs find copies among
//! committed articles.

#![warn(missing_docs)]

mod analyzer;
mod article_blocks;
mod band_filter;
pub mod columns;
mod document;
mod error;
mod news_index;
mod schema;
mod writer;

pub use analyzer::{
    en_analyzer, exact_analyzer, StemFilter, StemFilterTokenizer, StemTokenStream, EN_EXACT,
    EN_STEM,
};
pub use article_blocks::QuotesOfArticles;
pub use columns::StoryColumn;
pub use document::{ArticleDoc, QuoteDoc, StoredDocument};
pub use error::IndexError;
pub use news_index::{IndexPayload, NewsIndex, StoryCounts, SCHEMA_VERSION};
pub use schema::{
    date_of, date_value, is_storable_date, DocKind, FacetField, NewsSchema, SearchedText,
    UnknownFacetField,
};
pub use writer::{NewsWriter, StoryStats, UnchangedCheck, Upsert};

#[cfg(test)]
use schema::names;

#[cfg(test)]
mod tests;
