//! The article's source (publisher): from metadata, the URL's domain, or publisher marks in
//! the text. A news agency that is merely cited ("TASS reported") is never the source.

use newsfacet_article::Article;

use crate::Gazetteer;

/// The canonical publisher of `article`, or `None` when nothing reliable names it.
pub fn detect_source(article: &Article, gazetteer: &Gazetteer) -> Option<String> {
    let _ = (article, gazetteer);
    None
}
