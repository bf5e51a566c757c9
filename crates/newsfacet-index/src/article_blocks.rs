//! Article blocks: in every segment, an article document is followed directly by its quote
//! documents, and [`QuotesOfArticles`] selects quotes by what their article matches.
//!
//! The writer adds an article and its quotes in one `IndexWriter::run`, which tantivy gives
//! contiguous opstamps and writes into one segment in that order; merges concatenate
//! segments and keep the order of the documents they keep; an article is deleted together
//! with its quotes (they carry its id). So the quotes of the article at doc `a` are exactly
//! the documents after `a` up to the next article document, deleted ones included: a
//! block join, as Lucene's nested documents, with the parent first.
//!
//! This is why a quote document need not carry what can be read from its article: only its
//! own speaker facet is on it (see [`DocKind::facet_carrier`]).

use std::fmt;

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

use crate::schema::{DocKind, NewsSchema};

/// The quote documents whose article matches a query on articles; constant score.
pub struct QuotesOfArticles {
    article_term: Term,
    articles: Box<dyn Query>,
}

impl QuotesOfArticles {
    /// The quotes of the article documents matching `articles` (documents of the other kind
    /// that it matches are ignored).
    pub fn new(schema: &NewsSchema, articles: Box<dyn Query>) -> Self {
        QuotesOfArticles {
            article_term: schema.kind_term(DocKind::Article),
            articles,
        }
    }
}

impl Clone for QuotesOfArticles {
    fn clone(&self) -> Self {
        QuotesOfArticles {
            article_term: self.article_term.clone(),
            articles: self.articles.box_clone(),
        }
    }
}

impl fmt::Debug for QuotesOfArticles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QuotesOfArticles")
            .field("articles", &self.articles)
            .finish()
    }
}

impl Query for QuotesOfArticles {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // Which articles match is all that matters: their scores are not used.
        let disabled = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        Ok(Box::new(QuotesOfArticlesWeight {
            article_term: self.article_term.clone(),
            articles: self.articles.weight(disabled)?,
        }))
    }
}

struct QuotesOfArticlesWeight {
    article_term: Term,
    articles: Box<dyn Weight>,
}

impl QuotesOfArticlesWeight {
    /// The quote documents of `reader`'s segment whose article matches.
    fn quotes(&self, reader: &SegmentReader) -> tantivy::Result<BitSet> {
        let mut quotes = BitSet::with_max_value(reader.max_doc());
        let mut matching = self.articles.scorer(reader, 1.0)?;
        if matching.doc() == TERMINATED {
            return Ok(quotes);
        }
        let inverted = reader.inverted_index(self.article_term.field())?;
        let Some(mut articles) =
            inverted.read_postings(&self.article_term, IndexRecordOption::Basic)?
        else {
            return Ok(quotes);
        };
        let mut article = matching.doc();
        while article != TERMINATED {
            // Only article documents head a block; the query may match quotes too.
            if articles.seek(article) == article {
                let next = match articles.advance() {
                    TERMINATED => reader.max_doc(),
                    next => next,
                };
                for quote in article + 1..next {
                    quotes.insert(quote);
                }
                article = matching.seek(next);
            } else {
                article = matching.advance();
            }
        }
        Ok(quotes)
    }
}

impl Weight for QuotesOfArticlesWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let quotes = self.quotes(reader)?;
        Ok(Box::new(ConstScorer::new(
            BitSetDocSet::from(quotes),
            boost,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.quotes(reader)?.contains(doc) {
            Ok(Explanation::new("quote of a matching article", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} is not a quote of a matching article"
            )))
        }
    }
}
