//! Column-wise access to the fields that collectors read for every matching document, by the
//! field names only this crate knows.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use tantivy::collector::sort_key::SortByStaticFastValue;
use tantivy::columnar::{Column, StrColumn};
use tantivy::fastfield::FacetReader;

use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DateTime, DocId, Searcher, SegmentReader};

use newsfacet_tag::story::Digest;

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

/// The facet values of one dimension of `segment`'s documents, as facet ordinals per
/// document.
pub fn facets(segment: &SegmentReader, field: FacetField) -> tantivy::Result<FacetReader> {
    segment.facet_reader(names::facet(field))
}

/// The groups (keys from [`FacetField::group_key`]) of one facet dimension in one segment:
/// counting groups per matching document is then a lookup per facet ordinal.
///
/// The facet paths of a dimension (`/dimension/key/form`) are the ordinals of its own facet
/// field, and the written forms of a group are adjacent among them. Built once
/// per segment, dimension and process by streaming the field's facet dictionary
/// ([`FacetGroups::of_segment`]); segments never change, so the passes of one search and the
/// searches of a long-running process share it.
#[derive(Debug)]
pub struct FacetGroups {
    /// The group of each facet ordinal.
    ord_group: Vec<u32>,
    /// The key of each group, in ordinal order.
    keys: Vec<String>,
}

/// [`FacetGroups`] of the segments and dimensions seen by this process.
type GroupCache = HashMap<(SegmentId, FacetField), Arc<FacetGroups>>;
static FACET_GROUPS: LazyLock<Mutex<GroupCache>> = LazyLock::new(|| Mutex::new(HashMap::new()));

impl FacetGroups {
    /// The groups of `field` in `segment`.
    pub fn of_segment(segment: &SegmentReader, field: FacetField) -> tantivy::Result<Arc<Self>> {
        let id = (segment.segment_id(), field);
        if let Some(groups) = FACET_GROUPS.lock().ok().and_then(|c| c.get(&id).cloned()) {
            return Ok(groups);
        }
        let groups = Arc::new(FacetGroups::build(&facets(segment, field)?)?);
        if let Ok(mut cache) = FACET_GROUPS.lock() {
            cache.insert(id, Arc::clone(&groups));
        }
        Ok(groups)
    }

    fn build(reader: &FacetReader) -> tantivy::Result<FacetGroups> {
        let mut stream = reader.facet_dict().stream()?;
        let mut groups = FacetGroups {
            ord_group: Vec::new(),
            keys: Vec::new(),
        };
        while stream.advance() {
            let key = Facet::from_encoded(stream.key().to_vec())
                .ok()
                .and_then(|facet| FacetField::split(&facet))
                .map(|(_, key)| key)
                .unwrap_or_default();
            if groups.keys.last() != Some(&key) {
                groups.keys.push(key);
            }
            groups.ord_group.push((groups.keys.len() - 1) as u32);
        }
        Ok(groups)
    }

    /// The group of a facet ordinal of the segment's field of the dimension.
    pub fn group(&self, ord: u64) -> Option<u32> {
        self.ord_group.get(usize::try_from(ord).ok()?).copied()
    }

    /// The key of every group, indexed by group.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }
}

/// The story columns of one segment that confirm a candidate copy: its story and its body's
/// digest, read without the document store.
pub(crate) struct StoryDigests {
    story: StoryColumn,
    minhash: Column<u64>,
    numbers: Column<u64>,
}

impl StoryDigests {
    /// The story columns of `segment`.
    pub(crate) fn open(segment: &SegmentReader) -> tantivy::Result<StoryDigests> {
        let fast = segment.fast_fields();
        Ok(StoryDigests {
            story: StoryColumn::open(segment)?,
            minhash: fast.u64(names::STORY_MINHASH)?,
            numbers: fast.u64(names::STORY_NUMBERS)?,
        })
    }

    /// The digest of a document with the segment-local ordinal of its story; `None` for one
    /// without (a quote, or an article too short to have a signature). The story's id is only
    /// read ([`StoryDigests::story`]) for the candidate that wins: looking it up in the
    /// column's dictionary costs more than comparing the digests.
    pub(crate) fn digest(&self, doc: DocId) -> Option<(u64, Digest)> {
        let ord = self.story.ord(doc)?;
        let digest = Digest::from_parts(
            self.minhash.values_for_doc(doc),
            self.numbers.values_for_doc(doc).map(|n| n as u32),
        )?;
        Some((ord, digest))
    }

    /// The story id of an ordinal given by [`StoryDigests::digest`].
    pub(crate) fn story(&self, ord: u64) -> std::io::Result<Option<String>> {
        self.story.story(ord)
    }
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
    let facets = searcher.schema().get_field(names::facet(field))?;
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
