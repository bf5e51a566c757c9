//! The text layer that entity resolution and attribution share: how text is split into words
//! and sentences, and what the words are.
//!
//! - [`words`]: where a word ends ([`words::word_end`], one core for both readers), and entity
//!   resolution's words with their case, initial, possessive and headline marks, from which
//!   `entities` cuts proper-noun chunks.
//! - [`quotes`] and [`doc`]: attribution's view: paragraphs, the reader-comments cut-off,
//!   direct-quote spans, tokens (each quote one token), paragraph blocks, sentences and
//!   datelines.
//! - [`lexicon`]: the word classes every word is looked up in once (titles, roles, particles,
//!   organization heads, …), and [`cues`]: the speech verbs in all their inflections.
//! - [`particles`]: the lowercase words that sit inside a personal name, and where each
//!   reader lets them stand.
//!
//! The two views differ only where their readers need it (see [`words::Charset`] and the
//! particle rules): a word splitter or sentence rule changed for one reader would change what
//! the other answers, so the differences are parameters here, not merged away. All word lists
//! are data files of the gazetteer crate ([`newsfacet_gazetteer::words`]).

pub(crate) mod cues;
pub(crate) mod doc;
pub(crate) mod lexicon;
pub(crate) mod particles;
pub(crate) mod quotes;
pub(crate) mod words;
