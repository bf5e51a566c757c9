//! Column-wise access to the fields that collectors read for every matching document, by the
//! field names only this crate knows.

use std::collections::HashMap;
use tantivy::collector::sort_key::SortByStaticFastValue;
use tantivy::collector::FacetCollector;
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;

use tantivy::schema::Facet;
use tantivy::{DateTime, DocId, Searcher, SegmentReader};

use crate::schema::{names, FacetField};

/// The `story` column of one segment: collectors group and count by story through it without
/// loading stored documents.
///
/// Story ids are read as segment-local term ordinals while collecting ([`StoryColumn::ord`])
/// and turned into ids once per ordinal ([`StoryColumn::story`]), so the cost per document
/// is a lookup of a number.
pub struct StoryColumn {
    /// `None` in a segment where no document has a story (only quotes).
    column: Option<StrColumn>,
}

impl StoryColumn {
    /// The story column of `segment`.
    pub fn open(segment: &SegmentReader) -> tantivy::Result<StoryColumn> {
        Ok(StoryColumn {
            column: segment.fast_fields().str(names::STORY)?,
        })
    }

    /// The segment-local ordinal of a document's story; `None` for a document without story
    /// (a quote).
    pub fn ord(&self, doc: DocId) -> Option<u64> {
        self.column.as_ref()?.term_ords(doc).next()
    }

    /// The story id of an ordinal given by [`StoryColumn::ord`]; `Ok(None)` for an ordinal
    /// this column does not hold.
    pub fn story(&self, ord: u64) -> std::io::Result<Option<String>> {
        let Some(column) = &self.column else {
            return Ok(None);
        };
        let mut story = String::new();
        Ok(column.ord_to_str(ord, &mut story)?.then_some(story))
    }
}

/// The publication date column of `segment`; `None` when no document of it has a date.
pub fn published(segment: &SegmentReader) -> tantivy::Result<Option<Column<DateTime>>> {
    segment
        .fast_fields()
        .column_opt::<DateTime>(names::PUBLISHED)
}

/// The sort key that orders documents by publication date (pair it with an [`tantivy::Order`]).
pub fn published_sort_key() -> SortByStaticFastValue<DateTime> {
    SortByStaticFastValue::<DateTime>::for_field(names::PUBLISHED)
}

/// The facet values of `segment`'s documents, as facet ordinals per document.
pub fn facets(segment: &SegmentReader) -> tantivy::Result<FacetReader> {
    segment.facet_reader(names::FACETS)
}

/// A collector counting, per document, the values of each of `fields`.
pub fn facet_counter(fields: &[FacetField]) -> FacetCollector {
    let mut collector = FacetCollector::for_field(names::FACETS);
    for field in fields {
        collector.add_facet(field.root());
    }
    collector
}

/// The `content_hash` column of `segment`, which the writer compares without decompressing
/// the document store.
pub(crate) fn content_hashes(segment: &SegmentReader) -> tantivy::Result<Column<u64>> {
    segment.fast_fields().u64(names::CONTENT_HASH)
}

/// The name to show for each group of `field` in `keys`: its written form found in the most
/// documents ("Chang Chi-cheng" when it outnumbers "Chang Chi-Cheng"), ties going to the
/// first in byte order. Read from the term dictionary of the facet field, whose document
/// frequencies count every written form at no cost per matching document. A key with no
/// written form in the index (an older index) is shown as it is.
pub fn facet_display_names(
    searcher: &Searcher,
    field: FacetField,
    keys: &[String],
) -> tantivy::Result<HashMap<String, String>> {
    let facets = searcher.schema().get_field(names::FACETS)?;
    let mut forms: HashMap<&str, HashMap<String, u64>> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(facets)?;
        let terms = inverted.terms();
        for key in keys {
            let group = field.group(key);
            let mut prefix = group.encoded_str().as_bytes().to_vec();
            // Facet steps are separated by a zero byte in the encoded form.
            prefix.push(0);
            let mut stream = terms.range().ge(&prefix).into_stream()?;
            while stream.advance() {
                if !stream.key().starts_with(&prefix) {
                    break;
                }
                let Ok(facet) = Facet::from_encoded(stream.key().to_vec()) else {
                    continue;
                };
                if let Some((_, _, value)) = FacetField::split_value(&facet) {
                    *forms.entry(key).or_default().entry(value).or_default() +=
                        u64::from(stream.value().doc_freq);
                }
            }
        }
    }
    Ok(keys
        .iter()
        .map(|key| {
            let shown = forms
                .get(key.as_str())
                .and_then(|counts| {
                    counts
                        .iter()
                        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                        .map(|(form, _)| form.clone())
                })
                .unwrap_or_else(|| key.clone());
            (key.clone(), shown)
        })
        .collect())
}
