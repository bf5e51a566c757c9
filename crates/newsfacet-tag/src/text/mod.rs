//! The text layer that entity resolution and attribution share: the word classes every word
//! is looked up in ([`lexicon`]), how words are split ([`words`]), and which lowercase words
//! may sit inside a personal name ([`particles`]).
//!
//! The two readers tokenise for different jobs over this one core. Entity resolution
//! (`entities::tokens`) needs every word with its case, possessive and headline marks to cut
//! proper-noun chunks; attribution (`attribution::doc`) needs words, punctuation, whole quote
//! spans as single tokens, paragraphs and sentences. Both find where a word ends with
//! [`words::word_end`]; they differ only where their readers need it (see [`words::Charset`]
//! and the particle rules), which keeps what each reader answers unchanged.

pub(crate) mod lexicon;
pub(crate) mod particles;
pub(crate) mod words;
