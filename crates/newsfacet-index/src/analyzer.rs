//! The English analyzer used for `title` and `body`, registered as [`EN_STEM`], and its
//! unstemmed twin for exact word forms, [`EN_EXACT`].
//!
//! tantivy 0.27 moved its own stemmer behind the `frostem` crate and feature; we keep the
//! Snowball stemmer from `rust-stemmers` as an explicit [`TokenFilter`] so the analysis chain is
//! ours and does not change under us when tantivy's defaults do.

use std::cell::RefCell;
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
        }
    }
}

/// Distinct words whose stems a thread remembers before it starts afresh. News vocabulary is
/// Zipfian, so a few tens of thousands of words cover nearly every token, while the cache
/// stays at a few MB for each thread.
const STEM_CACHE_WORDS: usize = 1 << 15;

/// Word → its stem, or `None` when the stem is the word itself.
type StemCache = HashMap<String, Option<Box<str>>, BuildWordHasher>;

thread_local! {
    /// The stems each thread has computed, per algorithm. Snowball stemming builds a fresh
    /// state and string for every token, which made it the largest single cost of analysis,
    /// while a hash lookup of a short word is cheap. The cache belongs to the thread, not to
    /// an analyzer: tantivy clones analyzers for every segment it writes and every snippet
    /// generator, and a cache per clone started empty each time (re-stemming every word of
    /// every hit's text for each search's snippets).
    static STEM_CACHES: RefCell<Vec<(Algorithm, StemCache)>> = const { RefCell::new(Vec::new()) };
}

/// The calling thread's cache for `algorithm`, taken out of it for one token stream (empty when
/// another stream of the thread holds it, or the thread is ending).
fn take_stem_cache(algorithm: Algorithm) -> StemCache {
    STEM_CACHES
        .try_with(|caches| {
            caches
                .borrow_mut()
                .iter_mut()
                .find(|(a, _)| *a == algorithm)
                .map(|(_, cache)| std::mem::take(cache))
        })
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Returns a cache taken by [`take_stem_cache`]; of two streams that overlapped, the larger
/// cache is kept.
fn return_stem_cache(algorithm: Algorithm, cache: StemCache) {
    let _ = STEM_CACHES.try_with(|caches| {
        let mut caches = caches.borrow_mut();
        match caches.iter_mut().find(|(a, _)| *a == algorithm) {
            Some((_, kept)) if kept.len() < cache.len() => *kept = cache,
            Some(_) => {}
            None => caches.push((algorithm, cache)),
        }
    });
}

/// The tokenizer produced by [`StemFilter`] wrapping another tokenizer.
#[derive(Clone)]
pub struct StemFilterTokenizer<T> {
    algorithm: Algorithm,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemFilterTokenizer<T> {
    type TokenStream<'a> = StemTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        // `Stemmer` is not `Clone`, so the tokenizer keeps the algorithm and builds the (cheap,
        // function-pointer) stemmer per stream.
        StemTokenStream {
            tail: self.inner.token_stream(text),
            algorithm: self.algorithm,
            stemmer: Stemmer::create(self.algorithm),
            stems: take_stem_cache(self.algorithm),
        }
    }
}

/// The token stream produced by [`StemFilterTokenizer`]. It holds its thread's stem cache
/// while it lives and gives it back when dropped.
pub struct StemTokenStream<S> {
    tail: S,
    algorithm: Algorithm,
    stemmer: Stemmer,
    stems: StemCache,
}

impl<S> Drop for StemTokenStream<S> {
    fn drop(&mut self) {
        return_stem_cache(self.algorithm, std::mem::take(&mut self.stems));
    }
}

impl<S: TokenStream> TokenStream for StemTokenStream<S> {
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

    /// Stems computed through one analyzer are remembered for every analyzer of the same
    /// thread (tantivy clones analyzers per segment and per snippet generator), and two
    /// streams alive at once on one thread both stem correctly.
    #[test]
    fn the_cache_belongs_to_the_thread_and_survives_overlapping_streams() {
        assert_eq!(take_stem_cache(Algorithm::English).len(), 0);
        assert_eq!(tokens("houses running"), vec!["hous", "run"]);
        let remembered = take_stem_cache(Algorithm::English);
        assert!(remembered.contains_key("houses") && remembered.contains_key("running"));
        return_stem_cache(Algorithm::English, remembered);

        let mut first = en_analyzer();
        let mut second = first.clone();
        let mut outer = first.token_stream("nations talks");
        assert!(outer.advance());
        // The outer stream holds the cache; the inner one works without it.
        let mut inner = second.token_stream("housing nations");
        let mut inner_tokens = Vec::new();
        while let Some(token) = inner.next() {
            inner_tokens.push(token.text.clone());
        }
        drop(inner);
        assert_eq!(inner_tokens, vec!["hous", "nation"]);
        assert_eq!(outer.token().text, "nation");
        assert!(outer.advance());
        assert_eq!(outer.token().text, "talk");
        drop(outer);
        let kept = take_stem_cache(Algorithm::English);
        for word in ["houses", "running", "nations", "talks"] {
            assert!(kept.contains_key(word), "{word} forgotten");
        }
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
