//! Which story band values may be in the index, so that the writer looks up only those.
//!
//! A new article has [`newsfacet_tag::story::BANDS`] band values, and most articles are no
//! one's copy: almost none of their values is indexed. Looking each up in the term dictionary
//! of every segment costs a random access into a large FST; on 100k articles that was most of
//! story detection. The filter answers "certainly not indexed" for nearly all of them from
//! memory, at a fixed 32 MiB.

use tantivy::schema::Field;
use tantivy::Searcher;

/// The filter's bits: one bit per value of the top 28 bits of a band value. With 4 million
/// band values (100k articles) 1.5 % of the bits are set; with 40 million (1M articles), 14 %.
const BITS: u64 = 1 << 28;

/// A one-hash Bloom filter over indexed band values ([`crate::schema::story_band_value`],
/// 32-bit): a value whose bit is clear is in no segment. Deleted articles leave their bits
/// set, which only costs a lookup.
pub(crate) struct BandFilter {
    words: Vec<u64>,
}

impl BandFilter {
    /// The filter of every band value in the term dictionaries of `field` in `searcher`.
    pub(crate) fn of_index(searcher: &Searcher, field: Field) -> tantivy::Result<BandFilter> {
        // Zeroed pages are only backed by memory once written, so a small index costs little.
        let mut filter = BandFilter {
            words: vec![0; (BITS / 64) as usize],
        };
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                // u64 terms are their value's 8 big-endian bytes.
                if let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) {
                    filter.insert(u64::from_be_bytes(bytes));
                }
            }
        }
        Ok(filter)
    }

    /// Records a band value about to be indexed.
    pub(crate) fn insert(&mut self, value: u64) {
        let bit = Self::bit(value);
        if let Some(word) = self.words.get_mut((bit / 64) as usize) {
            *word |= 1 << (bit % 64);
        }
    }

    /// Whether `value` may be indexed; `false` means it certainly is not.
    pub(crate) fn may_contain(&self, value: u64) -> bool {
        let bit = Self::bit(value);
        self.words
            .get((bit / 64) as usize)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    fn bit(value: u64) -> u64 {
        // Band values are hashes folded to 32 bits: their top bits are as good as any.
        (value >> 4) % BITS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_values_are_found_and_others_mostly_not() {
        let mut filter = BandFilter {
            words: vec![0; (BITS / 64) as usize],
        };
        let values: Vec<u64> = (0..1000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9) & 0xFFFF_FFFF)
            .collect();
        for &value in &values {
            filter.insert(value);
        }
        assert!(values.iter().all(|&value| filter.may_contain(value)));
        let others = (1000..11000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9) & 0xFFFF_FFFF)
            .filter(|&value| filter.may_contain(value))
            .count();
        assert!(others < 10, "{others} of 10000 absent values pass");
    }
}
