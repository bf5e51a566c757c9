//! BM25 statistics per document kind, so that one kind's documents do not change how the
//! other kind ranks.

use newsfacet_index::{DocKind, NewsSchema};
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, TantivyError, Term};

/// BM25 statistics of one [`DocKind`]: as if the documents of that kind were alone in the
/// index.
///
/// The kinds share no text field, so token and term counts of a kind's fields are already
/// its own; only the document count must leave the other kind out. tantivy counts deleted
/// documents not yet merged away in both, and so does this.
pub struct KindStatistics<'s> {
    searcher: &'s Searcher,
    num_docs: u64,
}

impl<'s> KindStatistics<'s> {
    /// The statistics of `kind` in the searcher's view of the index.
    pub fn new(
        searcher: &'s Searcher,
        schema: &NewsSchema,
        kind: DocKind,
    ) -> Result<Self, TantivyError> {
        let num_docs = searcher.doc_freq(&schema.kind_term(kind))?;
        Ok(KindStatistics { searcher, num_docs })
    }
}

impl Bm25StatisticsProvider for KindStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        // At least one, so that an empty kind does not divide by zero.
        Ok(self.num_docs.max(1))
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        // A query may name a field of the other kind (`body:` in a quote search); tantivy's
        // idf requires doc_freq <= total_num_docs. Such a term matches nothing here anyway.
        Ok(self.searcher.doc_freq(term)?.min(self.total_num_docs()?))
    }
}
