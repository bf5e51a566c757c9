//! Which story band values each committed segment may hold, so that the writer looks a new
//! article's band values up only in the segments that may have them.
//!
//! A new article has [`newsfacet_tag::story::BANDS`] band values, and most articles are no
//! one's copy: almost none of their values is indexed. Looking each up in the term dictionary
//! of every segment costs a random access into a large FST per value and segment; at 300k
//! articles that was two thirds of the writer's time, and it grows with the number of segments
//! as well as the articles. A Bloom filter per segment answers "certainly not in this
//! segment" from memory, so a value is looked up about once where it is indexed, and in 1 % of
//! the other segments.
//!
//! Segments are immutable, so a filter is built once, when first needed, by streaming the
//! segment's dictionary, and kept while the segment lives; a merge makes a new segment and so a
//! new filter. The filters take about 10 bits per indexed band value (48 MiB at 1M articles).

use std::collections::HashMap;

use fastbloom::BloomFilter;
use tantivy::index::SegmentId;
use tantivy::schema::Field;
use tantivy::{Searcher, SegmentReader};

/// The share of absent values a segment's filter lets through.
const FALSE_POSITIVES: f64 = 0.01;

/// The band-value filters of the segments of one searcher, by segment ordinal. A segment's
/// filter is built when it is first asked for, so that a run that writes nothing new (input
/// unchanged) never reads the dictionaries.
#[derive(Default)]
pub(crate) struct BandFilters {
    /// Each segment's id and its filter, `None` until first asked for.
    segments: Vec<(SegmentId, Option<Filter>)>,
}

/// The filter of one segment; `None` for a segment without band values (one of quotes only).
type Filter = Option<BloomFilter>;

impl BandFilters {
    /// The filters of the segments of `searcher`, keeping those of `self` for the segments it
    /// already had.
    pub(crate) fn refreshed(self, searcher: &Searcher) -> Self {
        let mut known: HashMap<SegmentId, Option<Filter>> = self.segments.into_iter().collect();
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let id = segment.segment_id();
                (id, known.remove(&id).flatten())
            })
            .collect();
        BandFilters { segments }
    }

    /// Whether `segment`, the segment with ordinal `ord` of the searcher, may hold the band
    /// value of `probe` in `field`; `false` means it certainly does not.
    pub(crate) fn may_contain(
        &mut self,
        ord: usize,
        segment: &SegmentReader,
        field: Field,
        probe: Probe,
    ) -> tantivy::Result<bool> {
        let Some((_, filter)) = self.segments.get_mut(ord) else {
            return Ok(false);
        };
        let filter = match filter {
            Some(filter) => filter,
            None => filter.insert(filter_of(segment, field)?),
        };
        Ok(filter
            .as_ref()
            .is_some_and(|filter| filter.contains_hash(probe.0)))
    }
}

/// A band value hashed once for the filters of every segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Probe(u64);

impl Probe {
    /// The probe of a band value ([`crate::schema::story_band_value`]).
    pub(crate) fn of(value: u64) -> Probe {
        // Band values are 32-bit hashes; the filter wants 64 well-mixed bits (splitmix64's
        // finalizer).
        let mut x = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Probe(x ^ (x >> 31))
    }
}

/// The filter of every band value in the term dictionary of `field` in `segment`.
fn filter_of(segment: &SegmentReader, field: Field) -> tantivy::Result<Option<BloomFilter>> {
    let inverted = segment.inverted_index(field)?;
    let dictionary = inverted.terms();
    let values = dictionary.num_terms();
    if values == 0 {
        return Ok(None);
    }
    let mut filter = BloomFilter::with_false_pos(FALSE_POSITIVES).expected_items(values);
    let mut terms = dictionary.stream()?;
    while terms.advance() {
        // u64 terms are their value's 8 big-endian bytes.
        if let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) {
            filter.insert_hash(Probe::of(u64::from_be_bytes(bytes)).0);
        }
    }
    Ok(Some(filter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, INDEXED};
    use tantivy::{doc, Index};

    fn values(range: std::ops::Range<u64>) -> impl Iterator<Item = u64> {
        range.map(|i| i.wrapping_mul(0x9E37_79B9) & 0xFFFF_FFFF)
    }

    #[test]
    fn each_segment_filter_holds_its_own_values_and_few_others() {
        let mut builder = Schema::builder();
        let bands = builder.add_u64_field("bands", INDEXED);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Two commits, two segments: values 0..1000 in the first, 1000..2000 in the second.
        for segment in 0..2u64 {
            for value in values(segment * 1000..(segment + 1) * 1000) {
                writer.add_document(doc!(bands => value)).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        let mut filters = BandFilters::default().refreshed(&searcher);
        let mut may_contain = |ord: usize, value: u64| {
            let segment = &searcher.segment_readers()[ord.min(1)];
            filters
                .may_contain(ord, segment, bands, Probe::of(value))
                .unwrap()
        };
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let inverted = segment.inverted_index(bands).unwrap();
            let mut held = 0;
            for value in values(0..2000) {
                let term = tantivy::Term::from_field_u64(bands, value);
                if inverted.get_term_info(&term).unwrap().is_some() {
                    held += 1;
                    assert!(may_contain(ord, value));
                }
            }
            assert_eq!(held, 1000);
            let false_positives = values(2000..12000)
                .filter(|&value| may_contain(ord, value))
                .count();
            assert!(
                false_positives < 300,
                "{false_positives} of 10000 absent values pass"
            );
        }
        // A segment ordinal the searcher does not have holds nothing.
        assert!(!may_contain(2, 0));
    }
}
