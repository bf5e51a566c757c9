//! The English analyzer used for `title` and `body`, registered as [`EN_STEM`], and its
//! unstemmed twin for exact word forms, [`EN_EXACT`].
//!
//! tantivy 0.27 moved its own stemmer behind the `frostem` crate and feature; we keep the
//! Snowball stemmer from `rust-stemmers` as an explicit [`TokenFilter`] so the analysis chain is
//! ours and does not change under us when tantivy's defaults do.

use std::collections::HashMap;

use newsfacet_gazetteer::words::BuildWordHasher;
use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};

/// Name under which [`en_analyzer`] is registered on every index and referenced by the schema.
pub const EN_STEM: &str = "en_stem";

/// Name under which [`exact_analyzer`] is registered and referenced by the schema.
pub const EN_EXACT: &str = "en_exact";

/// Tokens longer than this many bytes are dropped: they are nearly always URLs, base64 or
/// markup debris, and would only bloat the term dictionary.
const MAX_TOKEN_BYTES: usize = 40;

/// The English analyzer: simple tokenization, long-token removal, lowercasing, ASCII folding and
/// Snowball English stemming.
///
/// There is deliberately no stop-word filter: removing words would shift token positions and
/// make phrase queries such as `"state of the union"` miss.
pub fn en_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StemFilter::english())
        .build()
}

/// [`en_analyzer`] without stemming: the same tokens at the same positions, so that `=housing`
/// finds "housing" and not "house", and fuzzy matching compares the words as written.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// A [`TokenFilter`] that replaces each token by its Snowball stem (via `rust-stemmers`).
///
/// Tokens are expected to be lowercased already.
#[derive(Debug, Clone, Copy)]
pub struct StemFilter {
    algorithm: Algorithm,
}

impl StemFilter {
    /// A stem filter for the given Snowball algorithm.
    pub fn new(algorithm: Algorithm) -> Self {
        StemFilter { algorithm }
    }

    /// The English (Porter2) stem filter.
    pub fn english() -> Self {
        StemFilter::new(Algorithm::English)
    }
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemFilterTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemFilterTokenizer<T> {
        StemFilterTokenizer {
            algorithm: self.algorithm,
            inner: tokenizer,
            stems: HashMap::default(),
        }
    }
}

/// Distinct words whose stems a [`StemFilterTokenizer`] remembers before it starts afresh.
/// News vocabulary is Zipfian, so a few tens of thousands of words cover nearly every token,
/// while the cache stays at a few MB for each field and indexing thread.
const STEM_CACHE_WORDS: usize = 1 << 15;

/// The tokenizer produced by [`StemFilter`] wrapping another tokenizer.
///
/// It remembers the stems of the words it has seen: Snowball stemming builds a fresh state and
/// string for every token, which made it the largest single cost of analysis, while a hash
/// lookup of a short word is cheap and every indexing thread owns its own tokenizer.
pub struct StemFilterTokenizer<T> {
    algorithm: Algorithm,
    inner: T,
    /// Word → its stem, or `None` when the stem is the word itself.
    stems: HashMap<String, Option<Box<str>>, BuildWordHasher>,
}

impl<T: Clone> Clone for StemFilterTokenizer<T> {
    /// A clone starts with an empty cache: tantivy clones analyzers for each new segment and
    /// thread, and copying the cache would cost more than refilling it.
    fn clone(&self) -> Self {
        StemFilterTokenizer {
            algorithm: self.algorithm,
            inner: self.inner.clone(),
            stems: HashMap::default(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for StemFilterTokenizer<T> {
    type TokenStream<'a> = StemTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        // `Stemmer` is not `Clone`, so the tokenizer keeps the algorithm and builds the (cheap,
        // function-pointer) stemmer per stream.
        StemTokenStream {
            tail: self.inner.token_stream(text),
            stemmer: Stemmer::create(self.algorithm),
            stems: &mut self.stems,
        }
    }
}

/// The token stream produced by [`StemFilterTokenizer`].
pub struct StemTokenStream<'a, S> {
    tail: S,
    stemmer: Stemmer,
    stems: &'a mut HashMap<String, Option<Box<str>>, BuildWordHasher>,
}

impl<S: TokenStream> TokenStream for StemTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.stems.get(token.text.as_str()) {
            Some(Some(stem)) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            Some(None) => {}
            None => {
                let stemmed = self.stemmer.stem(&token.text);
                let stem = (stemmed != token.text.as_str()).then(|| Box::<str>::from(&*stemmed));
                if self.stems.len() >= STEM_CACHE_WORDS {
                    self.stems.clear();
                }
                self.stems.insert(token.text.clone(), stem.clone());
                if let Some(stem) = stem {
                    token.text.clear();
                    token.text.push_str(&stem);
                }
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut analyzer = en_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn stems_inflections_to_the_same_terms() {
        assert_eq!(tokens("running talks"), tokens("run talk"));
        assert_eq!(tokens("Running TALKS"), vec!["run", "talk"]);
    }

    #[test]
    fn folds_diacritics_and_keeps_stop_words() {
        assert_eq!(tokens("Café"), vec!["cafe"]);
        assert_eq!(
            tokens("state of the union"),
            vec!["state", "of", "the", "union"]
        );
    }

    #[test]
    fn drops_overlong_tokens() {
        let long = "x".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(tokens(&format!("a {long} b")), vec!["a", "b"]);
    }

    /// The cache must give exactly what the stemmer gives, on first sight of a word, on later
    /// sights, and after it has been emptied for being full.
    #[test]
    fn remembered_stems_equal_fresh_ones() {
        let stemmer = Stemmer::create(Algorithm::English);
        let words: Vec<String> = (0..STEM_CACHE_WORDS + 500)
            .map(|n| format!("{}{n}ing", ["talk", "hous", "running", "nation"][n % 4]))
            .chain(["houses", "housing", "nations", "running", "talks"].map(String::from))
            .collect();
        let text = words.join(" ");
        let mut analyzer = en_analyzer();
        for _ in 0..2 {
            let mut stream = analyzer.token_stream(&text);
            let mut seen = 0;
            while let Some(token) = stream.next() {
                assert_eq!(token.text, stemmer.stem(&words[seen].to_lowercase()));
                seen += 1;
            }
            assert_eq!(seen, words.len());
        }
    }
}
