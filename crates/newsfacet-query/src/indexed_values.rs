//! Which values of a facet dimension the documents of one kind have, for resolving filter
//! inputs, worked out only as far as a filter needs.
//!
//! Counting every value over every live document is a pass over the whole index (200 ms at
//! 1M articles, paid by every filtered search). A filter needs less: the values that could
//! match (every segment's group keys, cached per segment by [`FacetGroups`], a superset since
//! deleted documents and documents of the other kind count), then, for the few values an input
//! resolves to, whether a live document of the kind has them. Only an input that resolves to
//! nothing needs the counts of every value, to suggest the nearest ("did you mean").

use std::collections::BTreeSet;

use newsfacet_index::columns::FacetGroups;
use newsfacet_index::{DocKind, FacetField, NewsIndex};
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Searcher, TERMINATED};

use crate::clauses::kind_query;
use crate::results::FacetCount;
use crate::tally::{GroupCounter, GroupCounts};

/// The values of some dimensions among the live documents of one kind.
pub(crate) struct IndexedValues<'a> {
    index: &'a NewsIndex,
    searcher: &'a Searcher,
    kind: DocKind,
    /// The dimensions asked about, for the one pass per carrying kind that counts them.
    fields: Vec<FacetField>,
    /// The counts of `fields`, by the kind of document carrying them.
    counts: Vec<(DocKind, GroupCounts)>,
}

impl<'a> IndexedValues<'a> {
    /// The values of `fields` in the documents of `kind` in `searcher`.
    pub(crate) fn new(
        index: &'a NewsIndex,
        searcher: &'a Searcher,
        kind: DocKind,
        fields: &[FacetField],
    ) -> Self {
        IndexedValues {
            index,
            searcher,
            kind,
            fields: fields.to_vec(),
            counts: Vec::new(),
        }
    }

    /// Every group key of `field` in some segment, sorted: the values an input may resolve to.
    pub(crate) fn candidates(&self, field: FacetField) -> tantivy::Result<Vec<String>> {
        let mut keys = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let groups = FacetGroups::of_segment(segment, field)?;
            keys.extend(groups.keys().iter().cloned());
        }
        Ok(keys.into_iter().collect())
    }

    /// Of `keys` (values of `field`), those a live document carrying `field` for the kind has
    /// (see [`DocKind::facet_carrier`]), the most frequent first (by document frequency, then
    /// key).
    pub(crate) fn live(
        &self,
        field: FacetField,
        keys: Vec<String>,
    ) -> tantivy::Result<Vec<String>> {
        let schema = self.index.schema();
        let mut live = Vec::with_capacity(keys.len());
        for key in keys {
            let term = schema.facet_term(field, &key);
            let carrier = self.kind.facet_carrier(field);
            let query = BooleanQuery::new(vec![
                (Occur::Must, term_query(term.clone())),
                (Occur::Must, Box::new(kind_query(schema, carrier))),
            ]);
            if self.has_live_match(&query)? {
                live.push((self.searcher.doc_freq(&term)?, key));
            }
        }
        live.sort_by(|(a_freq, a_key), (b_freq, b_key)| b_freq.cmp(a_freq).then(a_key.cmp(b_key)));
        Ok(live.into_iter().map(|(_, key)| key).collect())
    }

    /// Every value of `field` with the number of live documents carrying it for the kind
    /// that have it, by count descending: one counting pass over the documents of each
    /// carrying kind, shared by its dimensions.
    pub(crate) fn counts(
        &mut self,
        field: FacetField,
    ) -> Result<Vec<FacetCount>, tantivy::TantivyError> {
        let carrier = self.kind.facet_carrier(field);
        if !self.counts.iter().any(|(kind, _)| *kind == carrier) {
            let fields: Vec<FacetField> = self
                .fields
                .iter()
                .copied()
                .filter(|&f| self.kind.facet_carrier(f) == carrier)
                .collect();
            let documents = kind_query(self.index.schema(), carrier);
            let counts = self
                .searcher
                .search(&documents, &GroupCounter::new(&fields))?;
            self.counts.push((carrier, counts));
        }
        Ok(self
            .counts
            .iter()
            .find(|(kind, _)| *kind == carrier)
            .map(|(_, counts)| counts.sorted(field))
            .unwrap_or_default())
    }

    /// Whether a live document matches `query`; stops at the first.
    fn has_live_match(&self, query: &dyn Query) -> tantivy::Result<bool> {
        let weight = query.weight(EnableScoring::disabled_from_searcher(self.searcher))?;
        for segment in self.searcher.segment_readers() {
            let mut scorer = weight.scorer(segment, 1.0)?;
            let alive = segment.alive_bitset();
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|alive| alive.is_alive(doc)) {
                    return Ok(true);
                }
                doc = scorer.advance();
            }
        }
        Ok(false)
    }
}

fn term_query(term: tantivy::Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}
