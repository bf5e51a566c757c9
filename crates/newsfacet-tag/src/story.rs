//! Syndicated copies: MinHash signatures over word shingles, LSH banding, and the in-memory
//! table that groups near-duplicate articles into stories.
//!
//! A wire story republished by several outlets arrives with different headers, footers and
//! light edits. Two bodies are copies of one story when the estimated Jaccard similarity of
//! their sets of [`SHINGLE_WORDS`]-word shingles is at least [`SAME_STORY_SIMILARITY`]:
//!
//! 1. [`Signature::of_text`] folds the body (case, diacritics, punctuation) into words, hashes
//!    every run of [`SHINGLE_WORDS`] consecutive words, and keeps, for each of [`NUM_HASHES`]
//!    hash functions, the minimum over the shingles (MinHash). The fraction of positions where
//!    two signatures agree estimates the Jaccard similarity of the shingle sets
//!    ([`Signature::similarity`]; standard error about 0.05 near the threshold).
//! 2. [`Signature::band_keys`] cuts the signature into [`BANDS`] bands of [`ROWS`] values and
//!    hashes each band (locality-sensitive hashing). Two bodies become candidates when they
//!    share at least one band key: with similarity 0.5 that happens with probability
//!    1 − (1 − 0.5³)⁴⁰ ≈ 99.5 %, with 0.3 about 67 %, with 0.1 about 4 %. Finding candidates is
//!    a lookup per band, never a comparison with every other article.
//! 3. A candidate joins the story only if [`Digest::same_story`] confirms it: the
//!    estimated similarity reaches the threshold and the numbers the texts state agree
//!    ([`Signature::numbers_agree`]), which keeps templated items (daily market notes, one
//!    company's announcement after another's) apart.
//!
//! [`StoryTable`] keeps signatures and band keys in memory (`newsfacet analyze` uses it
//! alone); the index writer (`newsfacet-index`) keeps only what it has not committed yet
//! there, indexes each article's band keys and [`Digest`], and looks the keys up in the
//! committed index, so stories grow across runs. A text with enough close copies among the
//! members already there is not added to either ([`CopySearch::indexes_bands`]): later
//! copies find its story through those, and the members a copy meets stop growing with the
//! story. A story's id is the id of its first indexed article.
//!
//! This module only compares texts; it knows nothing about the index, so reading and tagging
//! can group copies without one.
//!
//! What counts as a copy: a text sharing at least about half of its shingles with another,
//! so a copy cut to less than half of the story, or rewritten rather than lightly edited, is
//! its own story. Different articles about the same event share names and perhaps a quote,
//! but few five-word runs, and stay apart. Bodies shorter than [`MIN_WORDS`] words are always
//! their own story.

use std::collections::{HashMap, HashSet};

use newsfacet_gazetteer::fold::fold_char_into;

/// Texts with fewer words have no signature and are always their own story. Brief notices
/// (dividends, rate changes, one-line tables) repeat one template with another company's
/// name, often only in the headline, so their bodies cannot tell a copy from another item.
pub const MIN_WORDS: usize = 40;
/// Words per shingle. Five words make shared phrases ("said in a statement on") rare between
/// different texts while one edited word only changes five shingles.
pub const SHINGLE_WORDS: usize = 5;
/// Number of MinHash values in a [`Signature`].
pub const NUM_HASHES: usize = BANDS * ROWS;
/// Number of LSH bands.
pub const BANDS: usize = 40;
/// Signature values per band. With [`BANDS`], the candidate probability crosses one half near
/// a similarity of 0.27, well below [`SAME_STORY_SIMILARITY`], so true copies are rarely missed.
pub const ROWS: usize = 3;
/// Minimum estimated Jaccard similarity of two bodies' shingle sets for them to be copies of
/// one story.
pub const SAME_STORY_SIMILARITY: f64 = 0.5;
/// A text with this many close copies (similarity at least [`CLOSE_COPY_SIMILARITY`]) among
/// the members whose band keys are indexed does not index its own (see
/// [`CopySearch::indexes_bands`]).
pub const ENOUGH_CLOSE_COPIES: usize = 3;
/// The similarity at which a copy counts towards [`ENOUGH_CLOSE_COPIES`].
pub const CLOSE_COPY_SIMILARITY: f64 = 0.9;
/// Minimum share of the numbers of the text stating fewer numbers that the other must state
/// too for two texts to be copies of one story (see [`Signature::numbers_agree`]).
pub const SAME_NUMBERS: f64 = 0.8;

/// The [`NUM_HASHES`] hash functions `h(x) = (a·x + b) >> 32` (multiply-shift over well-mixed
/// shingle hashes): `(a, b)` with `a` odd, fixed so that signatures stored in an index stay
/// comparable with new ones. One multiplication per function keeps signatures cheap: they are
/// computed for every article of every run.
const HASHES: [(u64, u64); NUM_HASHES] = hash_functions();

const fn hash_functions() -> [(u64, u64); NUM_HASHES] {
    let mut functions = [(0u64, 0u64); NUM_HASHES];
    let mut state: u64 = 0x6e65_7773_6661_6365; // "newsface"
    let mut i = 0;
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let a = mix(state) | 1;
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        functions[i] = (a, mix(state));
        i += 1;
    }
    functions
}

/// The multipliers `a` of [`HASHES`], apart so that the loop of [`min_hashes`] reads them as
/// vectors.
static MULTIPLIERS: [u64; NUM_HASHES] = column(0);
/// The offsets `b` of [`HASHES`].
static OFFSETS: [u64; NUM_HASHES] = column(1);

const fn column(index: usize) -> [u64; NUM_HASHES] {
    let mut column = [0u64; NUM_HASHES];
    let mut i = 0;
    while i < NUM_HASHES {
        column[i] = if index == 0 { HASHES[i].0 } else { HASHES[i].1 };
        i += 1;
    }
    column
}

/// Lowers each of `values` to the minimum of its hash function over `shingles` (MinHash).
///
/// This loop is most of a signature's cost (every shingle of every article times
/// [`NUM_HASHES`] functions), so on x86-64 CPUs with AVX2 it runs as AVX2 code, four 64-bit
/// lanes wide with a native unsigned minimum, chosen at run time; the result is the same.
fn min_hashes(values: &mut [u32; NUM_HASHES], shingles: &[u64]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, as just checked.
        unsafe { min_hashes_avx2(values, shingles) };
        return;
    }
    min_hashes_generic(values, shingles);
}

/// [`min_hashes_generic`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn min_hashes_avx2(values: &mut [u32; NUM_HASHES], shingles: &[u64]) {
    min_hashes_generic(values, shingles);
}

/// The loop of [`min_hashes`], inlined into each instruction-set variant.
#[inline(always)]
fn min_hashes_generic(values: &mut [u32; NUM_HASHES], shingles: &[u64]) {
    for &shingle in shingles {
        for ((value, &a), &b) in values.iter_mut().zip(&MULTIPLIERS).zip(&OFFSETS) {
            // The high half: multiply-shift hashing's good bits.
            let hashed = (a.wrapping_mul(shingle).wrapping_add(b) >> 32) as u32;
            *value = (*value).min(hashed);
        }
    }
}

/// The splitmix64 finalizer: a bijection of u64 whose output bits all depend on every input
/// bit.
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The MinHash signature of one text: its LSH band keys, which find candidate copies, and its
/// [`Digest`], which confirms them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    band_keys: [u64; BANDS],
    digest: Digest,
}

/// What decides whether two texts are copies of one story: the low byte of each MinHash value
/// (b-bit MinHash) and the hashes of the numbers the text states.
///
/// One byte per value rather than four: two different values share a low byte with
/// probability 1/256, a bias too small to matter ([`Digest::similarity`]), and a digest is small enough
/// to keep for every indexed article in a column, so confirming a candidate reads neither the
/// document store nor the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    minhash: [u8; NUM_HASHES],
    /// Hashes of the text's number tokens ("1.5", "6-3/16", "2,400"), sorted, deduplicated.
    numbers: Vec<u32>,
}

/// MinHash bytes per packed word of [`Digest::packed_minhash`]; the eighth byte is the word's
/// index, so that the words can be read back in any order.
const BYTES_PER_WORD: usize = 7;

/// Number of words [`Digest::packed_minhash`] gives.
pub const PACKED_WORDS: usize = NUM_HASHES.div_ceil(BYTES_PER_WORD);

impl Signature {
    /// The signature of a text; `None` when it has fewer than [`MIN_WORDS`] words.
    pub fn of_text(text: &str) -> Option<Signature> {
        let (words, numbers) = tokens(text);
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut shingles: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|window| {
                window
                    .iter()
                    .fold(0u64, |acc, &word| mix(acc.rotate_left(17) ^ word))
            })
            .collect();
        // Set semantics: a repeated phrase counts once, as in the Jaccard similarity.
        shingles.sort_unstable();
        shingles.dedup();
        let mut values = [u32::MAX; NUM_HASHES];
        min_hashes(&mut values, &shingles);
        Some(Signature {
            band_keys: band_keys(&values),
            digest: Digest {
                // Shingles are well mixed, so the low byte of a minimum is as uniform as the
                // minimum itself.
                minhash: values.map(|value| value as u8),
                numbers,
            },
        })
    }

    /// One key per LSH band; texts sharing any key are candidate copies.
    pub fn band_keys(&self) -> [u64; BANDS] {
        self.band_keys
    }

    /// What confirms a candidate copy.
    pub fn digest(&self) -> &Digest {
        &self.digest
    }
}

/// One key per LSH band of the full MinHash values. The band number is part of each key, so
/// equal values in different bands do not collide.
fn band_keys(values: &[u32; NUM_HASHES]) -> [u64; BANDS] {
    let mut keys = [0u64; BANDS];
    for (band, (key, rows)) in keys.iter_mut().zip(values.chunks(ROWS)).enumerate() {
        *key = rows.iter().fold(mix(band as u64 + 1), |acc, &value| {
            mix(acc ^ u64::from(value))
        });
    }
    keys
}

impl Digest {
    /// The estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1: the share
    /// of equal MinHash bytes.
    ///
    /// Unequal values share their byte with probability 1/256, so the estimate runs high by
    /// (1 − s)/256, under 0.002 near [`SAME_STORY_SIMILARITY`] and well within the
    /// estimate's own error of about 0.05. It is not corrected: subtracting it would move the
    /// threshold from 60 equal values of 120 to 61, which full 32-bit values never needed.
    pub fn similarity(&self, other: &Digest) -> f64 {
        let equal = self
            .minhash
            .iter()
            .zip(&other.minhash)
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / NUM_HASHES as f64
    }

    /// Whether the two texts are copies of one story: similarity at least
    /// [`SAME_STORY_SIMILARITY`], and their numbers agree ([`Digest::numbers_agree`]).
    pub fn same_story(&self, other: &Digest) -> bool {
        self.copy_similarity(other).is_some()
    }

    /// The similarity with `other` when the two texts are copies of one story
    /// ([`Digest::same_story`]), so that confirming a candidate and ranking it compare the
    /// digests once.
    pub fn copy_similarity(&self, other: &Digest) -> Option<f64> {
        let similarity = self.similarity(other);
        (similarity >= SAME_STORY_SIMILARITY && self.numbers_agree(other)).then_some(similarity)
    }

    /// Whether at least [`SAME_NUMBERS`] of the numbers of the text stating fewer numbers are
    /// also in the other (always, when either states none).
    ///
    /// Templated items (the daily "Fed adds reserves" note, one company's stock split after
    /// another's) share almost all their words and differ in the amounts, dates and prices;
    /// copies of one story keep those, even when cut short.
    pub fn numbers_agree(&self, other: &Digest) -> bool {
        let (fewer, more) = if self.numbers.len() <= other.numbers.len() {
            (&self.numbers, &other.numbers)
        } else {
            (&other.numbers, &self.numbers)
        };
        if fewer.is_empty() {
            return true;
        }
        let shared = fewer
            .iter()
            .filter(|n| more.binary_search(n).is_ok())
            .count();
        shared as f64 >= SAME_NUMBERS * fewer.len() as f64
    }

    /// The MinHash bytes as [`PACKED_WORDS`] words for a numeric column, each holding its
    /// index in the top byte, so that the order of the words does not matter.
    pub fn packed_minhash(&self) -> [u64; PACKED_WORDS] {
        let mut words = [0u64; PACKED_WORDS];
        for (index, (word, bytes)) in words
            .iter_mut()
            .zip(self.minhash.chunks(BYTES_PER_WORD))
            .enumerate()
        {
            let mut le = [0u8; 8];
            le[..bytes.len()].copy_from_slice(bytes);
            le[7] = index as u8;
            *word = u64::from_le_bytes(le);
        }
        words
    }

    /// The hashes of the numbers the text states, sorted.
    pub fn numbers(&self) -> &[u32] {
        &self.numbers
    }

    /// The digest of [`Digest::packed_minhash`] words (in any order) and [`Digest::numbers`]
    /// (in any order, repeats ignored); `None` unless every word is there exactly once.
    pub fn from_parts(
        words: impl IntoIterator<Item = u64>,
        numbers: impl IntoIterator<Item = u32>,
    ) -> Option<Digest> {
        let mut minhash = [0u8; NUM_HASHES];
        let mut filled = [false; PACKED_WORDS];
        for word in words {
            let le = word.to_le_bytes();
            let index = usize::from(le[7]);
            let seen = filled.get_mut(index)?;
            if *seen {
                return None;
            }
            *seen = true;
            let start = index * BYTES_PER_WORD;
            let end = (start + BYTES_PER_WORD).min(NUM_HASHES);
            minhash[start..end].copy_from_slice(&le[..end - start]);
        }
        if !filled.iter().all(|&seen| seen) {
            return None;
        }
        let mut numbers: Vec<u32> = numbers.into_iter().collect();
        numbers.sort_unstable();
        numbers.dedup();
        Some(Digest { minhash, numbers })
    }
}

/// A hash of each word of the folded text, in order, and the sorted, deduplicated hashes of its
/// number tokens. Words are runs of letters and digits after folding, so case, accents, quote
/// marks and punctuation do not make two copies differ. A number token is a run of digits and
/// the `.`, `/`, `-` and `:` inside numbers, with thousands separators removed ("2,400" and
/// "2400" are one number).
fn tokens(text: &str) -> (Vec<u64>, Vec<u32>) {
    let mut tokens = Tokens::default();
    let mut folded = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            // What folding does to ASCII, without its buffer: this loop sees every character
            // of every article.
            tokens.push(c.to_ascii_lowercase());
        } else {
            folded.clear();
            fold_char_into(c, &mut folded);
            folded.chars().for_each(|f| tokens.push(f));
        }
    }
    tokens.push(' ');
    tokens.numbers.sort_unstable();
    tokens.numbers.dedup();
    (tokens.words, tokens.numbers)
}

/// The state of [`tokens`]: the hashes so far and the word and number being read.
#[derive(Default)]
struct Tokens {
    words: Vec<u64>,
    numbers: Vec<u32>,
    word: String,
    number: String,
}

impl Tokens {
    /// Reads one folded character.
    #[inline]
    fn push(&mut self, f: char) {
        if f.is_alphanumeric() {
            self.word.push(f);
        } else if !self.word.is_empty() {
            self.words
                .push(xxhash_rust::xxh3::xxh3_64(self.word.as_bytes()));
            self.word.clear();
        }
        if f.is_ascii_digit() || (!self.number.is_empty() && matches!(f, '.' | '/' | '-' | ':')) {
            self.number.push(f);
        } else if f != ',' && !self.number.is_empty() {
            // A comma inside a number is skipped; anything else ends it.
            push_number(&mut self.number, &mut self.numbers);
        }
    }
}

/// Ends a number token: its hash joins `numbers`, without the separators it ended with ("14."
/// at the end of a sentence is 14).
fn push_number(number: &mut String, numbers: &mut Vec<u32>) {
    let trimmed = number.trim_end_matches(|c: char| !c.is_ascii_digit());
    if !trimmed.is_empty() {
        // The low half of a 64-bit hash: collisions among an article's numbers are negligible.
        numbers.push(xxhash_rust::xxh3::xxh3_64(trimmed.as_bytes()) as u32);
    }
    number.clear();
}

/// A candidate story for a text and how similar its closest member is.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMatch {
    /// The story id.
    pub story: String,
    /// The estimated Jaccard similarity with the closest member, at least
    /// [`SAME_STORY_SIMILARITY`].
    pub similarity: f64,
}

impl StoryMatch {
    /// Whether `self` is a better choice than `other`: more similar, then the smaller story id
    /// so that the choice does not depend on the order candidates were found in.
    pub fn better_than(&self, other: &StoryMatch) -> bool {
        self.similarity > other.similarity
            || (self.similarity == other.similarity && self.story < other.story)
    }

    /// The better of two optional matches (see [`StoryMatch::better_than`]).
    pub fn best(a: Option<StoryMatch>, b: Option<StoryMatch>) -> Option<StoryMatch> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.better_than(&a) { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// What a search for the copies of a text found among the members whose band keys are
/// indexed: the best match, and how many of them are close copies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopySearch {
    /// The story of the most similar copy (see [`StoryMatch::best`]).
    pub best: Option<StoryMatch>,
    /// Copies found with similarity at least [`CLOSE_COPY_SIMILARITY`].
    pub close_copies: usize,
}

impl CopySearch {
    /// Counts a confirmed copy in the search.
    pub fn add(&mut self, copy: StoryMatch) {
        if is_close_copy(copy.similarity) {
            self.close_copies += 1;
        }
        self.best = StoryMatch::best(self.best.take(), Some(copy));
    }

    /// The search over the members of both `self` and `other` (disjoint sets of members).
    pub fn merge(self, other: CopySearch) -> CopySearch {
        CopySearch {
            best: StoryMatch::best(self.best, other.best),
            close_copies: self.close_copies + other.close_copies,
        }
    }

    /// Whether the text's band keys should be indexed, making it a member that later texts
    /// find their copies through.
    ///
    /// A wire story republished by hundreds of outlets would otherwise make each new copy find
    /// and compare every earlier one, so the cost of a copy would grow with its story. A text
    /// that already has [`ENOUGH_CLOSE_COPIES`] close copies among the indexed members adds
    /// little: a later copy of it shares most of its band keys, and is nearly as similar, with
    /// each of them. Leaving it out bounds the members a new copy meets by the looser copies
    /// of its story (which stay indexed) plus a few close ones.
    pub fn indexes_bands(&self) -> bool {
        self.close_copies < ENOUGH_CLOSE_COPIES
    }
}

/// Whether a confirmed copy of this similarity counts towards [`ENOUGH_CLOSE_COPIES`].
pub fn is_close_copy(similarity: f64) -> bool {
    similarity >= CLOSE_COPY_SIMILARITY
}

/// One text of a [`StoryTable`].
#[derive(Debug)]
struct Member {
    id: String,
    story: String,
    digest: Digest,
}

/// Stories of texts seen so far, with an LSH index over their signatures. Finding the story
/// of a new text costs one hash lookup per band plus a comparison with each candidate.
#[derive(Debug, Default)]
pub struct StoryTable {
    members: Vec<Member>,
    /// Band key → indices into `members`.
    by_band: HashMap<u64, Vec<usize>>,
}

impl StoryTable {
    /// An empty table.
    pub fn new() -> Self {
        StoryTable::default()
    }

    /// The copies of `signature` among the members (similarity at least
    /// [`SAME_STORY_SIMILARITY`]), ignoring members with id `id` (an earlier version of the
    /// same article).
    pub fn copies(&self, id: &str, signature: &Signature) -> CopySearch {
        let mut found = CopySearch::default();
        let mut seen: HashSet<usize> = HashSet::new();
        for key in signature.band_keys() {
            for &member in self.by_band.get(&key).into_iter().flatten() {
                if !seen.insert(member) {
                    continue;
                }
                let Some(candidate) = self.members.get(member) else {
                    continue;
                };
                if candidate.id == id {
                    continue;
                }
                if let Some(similarity) = signature.digest.copy_similarity(&candidate.digest) {
                    found.add(StoryMatch {
                        story: candidate.story.clone(),
                        similarity,
                    });
                }
            }
        }
        found
    }

    /// Adds a text with its story: later texts find their copies among it.
    pub fn insert(&mut self, id: &str, story: &str, signature: Signature) {
        let index = self.members.len();
        for key in signature.band_keys() {
            self.by_band.entry(key).or_default().push(index);
        }
        self.members.push(Member {
            id: id.to_string(),
            story: story.to_string(),
            digest: signature.digest,
        });
    }

    /// The story of a new text: that of its best match in the table, else a new story named
    /// `id`. The text joins the table's members unless it has enough close copies there
    /// ([`CopySearch::indexes_bands`]). A text without signature (too short) is always its own
    /// story.
    pub fn assign(&mut self, id: &str, signature: Option<Signature>) -> String {
        let Some(signature) = signature else {
            return id.to_string();
        };
        let found = self.copies(id, &signature);
        let indexes_bands = found.indexes_bands();
        let story = found.best.map_or_else(|| id.to_string(), |m| m.story);
        if indexes_bands {
            self.insert(id, &story, signature);
        }
        story
    }

    /// Number of texts in the table.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire story of about 230 words, written for the story tests of this crate and of
    /// `newsfacet-index`, so that both check one story.
    const WIRE: &str = include_str!("../../../tests/fixtures/story-texts/valdora-wire.txt");

    /// The same event, written independently: same names, different sentences.
    const SAME_EVENT: &str =
        include_str!("../../../tests/fixtures/story-texts/valdora-same-event.txt");

    fn digest(text: &str) -> Digest {
        signature(text).digest().clone()
    }

    fn signature(text: &str) -> Signature {
        Signature::of_text(text).expect("text has words")
    }

    #[test]
    fn identical_texts_are_one_story_regardless_of_case_and_punctuation() {
        let a = signature(WIRE);
        let b = signature(&WIRE.to_uppercase().replace(',', " ;"));
        assert_eq!(a.digest().similarity(b.digest()), 1.0);
        assert_eq!(a.band_keys(), b.band_keys());
    }

    #[test]
    fn digests_round_trip_through_packed_words_in_any_order() {
        let digest = digest(WIRE);
        assert!(!digest.numbers().is_empty(), "the wire text states numbers");
        let mut words = digest.packed_minhash().to_vec();
        words.reverse();
        let numbers = digest.numbers().iter().rev().copied();
        assert_eq!(
            Digest::from_parts(words.clone(), numbers.clone()),
            Some(digest.clone())
        );
        // A word missing or repeated is not a digest.
        assert_eq!(
            Digest::from_parts(words[1..].to_vec(), numbers.clone()),
            None
        );
        words[0] = words[1];
        assert_eq!(Digest::from_parts(words, numbers), None);
    }

    #[test]
    fn headers_footers_and_light_edits_stay_one_story() {
        let copy = format!(
            "VALDORA (Harbour Wire) - {} Reporting by the Harbour Wire desk; editing by the \
             night team. Follow us for more shipping news and sign up for our daily newsletter.",
            WIRE.replace("on Thursday", "on Thursday, March 5,")
                .replace("told reporters", "said")
                .replace("about 120 kilometres", "roughly 120 km")
        );
        let similarity = digest(WIRE).similarity(&digest(&copy));
        assert!(similarity >= SAME_STORY_SIMILARITY, "{similarity}");
        assert!(similarity < 1.0, "{similarity}");
    }

    #[test]
    fn different_articles_on_the_same_event_are_different_stories() {
        let similarity = digest(WIRE).similarity(&digest(SAME_EVENT));
        assert!(similarity < 0.1, "{similarity}");
        let mut table = StoryTable::new();
        assert_eq!(table.assign("wire", Signature::of_text(WIRE)), "wire");
        assert_eq!(
            table.assign("feature", Signature::of_text(SAME_EVENT)),
            "feature"
        );
    }

    #[test]
    fn a_copy_cut_to_less_than_half_is_its_own_story() {
        let half = &WIRE[..WIRE.len() * 2 / 5];
        assert!(!digest(WIRE).same_story(&digest(half)));
        let most = &WIRE[..WIRE.len() * 4 / 5];
        assert!(digest(WIRE).same_story(&digest(most)));
    }

    #[test]
    fn the_table_joins_copies_to_the_first_story_and_chains_through_members() {
        let mut table = StoryTable::new();
        assert_eq!(table.assign("a", Signature::of_text(WIRE)), "a");
        let edited = WIRE.replace("a fifth", "20 percent");
        assert_eq!(table.assign("b", Signature::of_text(&edited)), "a");
        assert_eq!(table.assign("c", Signature::of_text(SAME_EVENT)), "c");
        assert_eq!(table.assign("d", Signature::of_text("")), "d");
        assert_eq!(table.len(), 3, "texts without signature are not indexed");
        // The article itself (an earlier version with the same id) is not its own copy.
        assert_eq!(
            table.copies("a", &signature(WIRE)).best.map(|m| m.story),
            Some("a".into())
        );
        assert_eq!(
            table.copies("c", &signature(SAME_EVENT)).best,
            None,
            "only c itself is similar"
        );
    }

    #[test]
    fn a_story_indexes_its_looser_copies_and_only_enough_close_ones() {
        let mut table = StoryTable::new();
        // Copies under other headers (words, not numbers, which must agree): each is a close
        // copy of the others.
        let outlets = [
            "Alpha", "Bravo", "Delta", "Echo", "Kilo", "Lima", "Oscar", "Romeo",
        ];
        let close = |outlet: usize| format!("{} News reports. {WIRE}", outlets[outlet]);
        for outlet in 0..ENOUGH_CLOSE_COPIES + 5 {
            let text = close(outlet);
            let found = table.copies("x", &signature(&text));
            assert_eq!(found.close_copies, outlet.min(ENOUGH_CLOSE_COPIES));
            assert_eq!(
                table.assign(&format!("close-{outlet}"), Signature::of_text(&text)),
                "close-0"
            );
        }
        assert_eq!(table.len(), ENOUGH_CLOSE_COPIES);
        // A looser copy has no close copy, so it is indexed, and its own copies find it.
        let cut = &WIRE[..WIRE.len() * 7 / 10];
        let similarity = digest(WIRE).similarity(&digest(cut));
        assert!(
            (SAME_STORY_SIMILARITY..CLOSE_COPY_SIMILARITY).contains(&similarity),
            "{similarity}"
        );
        assert_eq!(table.assign("cut", Signature::of_text(cut)), "close-0");
        assert_eq!(table.len(), ENOUGH_CLOSE_COPIES + 1);
        let found = table.copies("x", &signature(&format!("Zulu News reports. {cut}")));
        assert!(found.close_copies >= 1, "the cut copy is found");
    }

    #[test]
    fn templated_items_with_other_numbers_are_different_stories() {
        // Two daily notes from one template: the same words, other amounts.
        let note = |amount: &str, rate: &str| {
            format!(
                "The central bank entered the money market to arrange {amount} billion dlrs of \
                 customer repurchase agreements, a spokesman said. Dealers said overnight \
                 funds were trading at {rate} pct when the bank began its temporary supply of \
                 reserves to the banking system."
            )
        };
        let monday = digest(&note("1.5", "6-3/16"));
        let tuesday = digest(&note("2.5", "6-1/4"));
        assert!(monday.similarity(&tuesday) >= SAME_STORY_SIMILARITY);
        assert!(!monday.numbers_agree(&tuesday));
        assert!(!monday.same_story(&tuesday));
        // Reformatted thousands and a copy that drops some numbers still agree.
        let staffed = format!("{WIRE} The port employs 2,400 people.");
        let copy = staffed.replace("2,400", "2400");
        assert!(digest(&staffed).numbers_agree(&digest(&copy)));
        let cut = &WIRE[..WIRE.len() * 4 / 5];
        assert!(digest(WIRE).numbers_agree(&digest(cut)));
        // A changed figure in a story with few numbers is another report.
        let changed = WIRE.replace("120 kilometres", "150 kilometres");
        assert!(!digest(WIRE).numbers_agree(&digest(&changed)));
    }

    #[test]
    fn number_tokens_keep_their_inner_separators() {
        let numbers = |text: &str| tokens(text).1.len();
        assert_eq!(numbers("Rates of 6-3/16 pct, then 6.25 in 1987."), 3);
        assert_eq!(numbers("2,400 people and 2400 people"), 1);
        assert_eq!(numbers("No figures, U.S. officials said."), 0);
    }

    #[test]
    fn short_texts_have_no_signature() {
        // A dividend notice: the same words for every company that pays one.
        let notice = "Qtly div 10 cts vs 10 cts prior. Pay April 30. Record April 21.";
        assert!(Signature::of_text(notice).is_none());
        assert!(Signature::of_text(" ,.- ").is_none());
        let mut table = StoryTable::new();
        assert_eq!(table.assign("a", Signature::of_text(notice)), "a");
        assert_eq!(table.assign("b", Signature::of_text(notice)), "b");
        let words: Vec<&str> = WIRE.split_whitespace().collect();
        assert!(Signature::of_text(&words[..MIN_WORDS - 1].join(" ")).is_none());
        assert!(Signature::of_text(&words[..MIN_WORDS].join(" ")).is_some());
    }

    #[test]
    fn the_best_match_prefers_similarity_then_the_smaller_id() {
        let high = StoryMatch {
            story: "z".into(),
            similarity: 0.9,
        };
        let low = StoryMatch {
            story: "a".into(),
            similarity: 0.6,
        };
        let tie = StoryMatch {
            story: "b".into(),
            similarity: 0.9,
        };
        assert_eq!(
            StoryMatch::best(Some(low.clone()), Some(high.clone())),
            Some(high.clone())
        );
        assert_eq!(StoryMatch::best(Some(high), Some(tie.clone())), Some(tie));
        assert_eq!(StoryMatch::best(None, Some(low.clone())), Some(low));
    }
}
