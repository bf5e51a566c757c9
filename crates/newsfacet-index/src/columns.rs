//! Column-wise access to the fields that collectors read for every matching document, by the
//! field names only this crate knows.

use tantivy::collector::sort_key::SortByStaticFastValue;
use tantivy::collector::FacetCollector;
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::{DateTime, DocId, SegmentReader};

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
