//! The gazetteer: every known person, organization and place with its aliases, the word lists
//! the tagger reads, and the folding that makes "Türkiye", "TURKIYE" and "turkiye" one key.
//!
//! - [`entry`]: the data model ([`Entry`], [`EntityType`], [`kind`]).
//! - [`Gazetteer`]: entries plus lookups by folded alias, id, country code and web domain;
//!   [`Gazetteer::bundled`] is the compiled-in data of `index-data/gazetteers/`, and user files
//!   (JSON Lines or TSV, see [`tsv`]) merge on top.
//! - [`fold`]: case, diacritic and apostrophe folding shared by every lookup.
//! - [`words`]: every word list the tagger and the evaluation read, each once, as a data file
//!   of `data/words/` (given names, ordinary English words, titles, roles, unnamed sources,
//!   speech verbs, head words, particles, …).
//! - [`AliasTable`]: every folded alias with its case rule and candidate entries, the table the
//!   tagger's matcher walks.
//!
//! The bundled data is compiled by `build.rs` into a binary form (finite-state maps and a
//! zero-copy archive) embedded in the binary, so that loading it costs next to nothing.

#![warn(missing_docs)]

pub mod alias;
mod builder;
mod compiled;
pub mod entry;
pub mod fold;
mod gazetteer;
mod tables;
pub mod tsv;
pub mod words;

pub use alias::{Alias, AliasTable, CaseRule, MentionVia};
pub use entry::{kind, EntityType, Entry, EntryId, Tenure};
pub use gazetteer::{Gazetteer, GazetteerError};
pub use tsv::{parse_tsv_line, slug};
