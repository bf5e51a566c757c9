//! The document layout, in one place: which fields an article document and a quote document
//! carry, written from tagged articles ([`mod@write`]) and read back as typed views
//! ([`mod@read`]).
//!
//! Readers outside the crate see stored documents only as [`ArticleDoc`] and [`QuoteDoc`],
//! so a change of layout (a renamed field, a value stored differently) is a change of this
//! module and [`crate::schema`], never of the query crate.

mod read;
mod write;

pub use read::{ArticleDoc, QuoteDoc, StoredDocument};
pub(crate) use write::{PreparedArticle, DOCUMENT_VERSION};
