//! Dropping repeated paragraphs: exact repeats, near-exact ones (shingle similarity or a few
//! word edits apart) and truncated copies, keeping the first occurrence.

use std::cell::OnceCell;

use xxhash_rust::xxh3::xxh3_64;

/// Paragraphs shorter than this (in words) are only dropped as repeats when they directly
/// follow themselves: short lines like "Yes." or "Q:" legitimately recur in interviews.
const MIN_REPEAT_WORDS: usize = 6;
/// A paragraph that is a prefix of another (a broken scraper's truncated copy) must have at
/// least this many words to count as a repeat, so that a short lead sentence is not mistaken
/// for one.
const MIN_PREFIX_WORDS: usize = 8;
/// Word-pair (2-shingle) Jaccard similarity at or above which two paragraphs are the same
/// paragraph give or take a word.
const NEAR_REPEAT: f64 = 0.9;
/// Shingles are coarse for mid-length paragraphs (one changed word breaks two of twenty
/// pairs), so paragraphs of at least this many words also count as repeats when they are one
/// word edit apart per this many words. Shorter ones are left alone: templated sentences in
/// market reports ("Shares of X rose 2 percent...") differ in one word and are not repeats.
const EDIT_REPEAT_WORDS: usize = 15;

/// One kept paragraph as the repeat detector sees it.
struct Seen {
    /// Lowercase words, punctuation dropped, single spaces.
    norm: String,
    /// Number of words with a letter: numbers alone (a table's header row, repeated above
    /// each section) do not make a paragraph long enough to be judged a repeat.
    words: usize,
    /// Number of tokens (words and numbers).
    tokens: usize,
    /// Hashes of consecutive word pairs, sorted and de-duplicated; computed on first use, since
    /// most pairs of paragraphs are told apart by size or figures alone.
    shingles: OnceCell<Vec<u64>>,
    /// The numbers in order: paragraphs stating different figures are different facts, however
    /// alike their words ("Avg shrs 68.9 mln vs 68.8 mln" and "Avg shrs 68.8 mln vs 68.9 mln").
    numbers: Vec<String>,
}

impl Seen {
    fn new(paragraph: &str) -> Seen {
        let norm = normalize_for_repeats(paragraph);
        let tokens: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let numbers = tokens
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| w.to_string())
            .collect();
        Seen {
            words: tokens
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count(),
            tokens: tokens.len(),
            shingles: OnceCell::new(),
            numbers,
            norm,
        }
    }

    fn shingles(&self) -> &[u64] {
        self.shingles.get_or_init(|| {
            let hashes: Vec<u64> = self
                .norm
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| xxh3_64(w.as_bytes()))
                .collect();
            let mut shingles: Vec<u64> = hashes
                .windows(2)
                .map(|pair| pair[0].rotate_left(17) ^ pair[1])
                .collect();
            shingles.sort_unstable();
            shingles.dedup();
            shingles
        })
    }

    /// Jaccard similarity of the shingle sets, by merging the two sorted lists.
    fn jaccard(&self, other: &Seen) -> f64 {
        let (a, b) = (self.shingles(), other.shingles());
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = a.len() + b.len() - shared;
        if union == 0 {
            return 0.0;
        }
        shared as f64 / union as f64
    }

    /// Whether the two could be near-exact repeats at all: the same figures, and lengths close
    /// enough for a Jaccard similarity of [`NEAR_REPEAT`] (which needs the smaller shingle set
    /// to be at least that fraction of the larger; a little slack for repeated pairs) or a few
    /// word edits.
    fn comparable(&self, other: &Seen) -> bool {
        let small = self.tokens.min(other.tokens);
        let large = self.tokens.max(other.tokens);
        self.numbers == other.numbers && (small as f64) >= large as f64 * (NEAR_REPEAT - 0.05)
    }
}

/// Drops exact and near-exact repeats, keeping the first occurrence (see [`clean_text`]).
/// Quadratic in the number of paragraphs, which is small for one article.
pub(super) fn drop_repeats(paragraphs: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut seen: Vec<Seen> = Vec::with_capacity(paragraphs.len());
    'next: for paragraph in paragraphs {
        let this = Seen::new(&paragraph);
        if let (Some(last), Some(last_seen)) = (out.last(), seen.last()) {
            let same = if this.norm.is_empty() {
                *last == paragraph
            } else {
                last_seen.norm == this.norm
            };
            if same {
                continue;
            }
        }
        if this.words >= MIN_REPEAT_WORDS {
            for (i, earlier) in seen.iter().enumerate() {
                if earlier.words < MIN_REPEAT_WORDS {
                    continue;
                }
                if earlier.norm == this.norm
                    || (earlier.comparable(&this)
                        && (earlier.jaccard(&this) >= NEAR_REPEAT
                            || few_word_edits(earlier, &this)))
                {
                    continue 'next;
                }
                if earlier.words >= MIN_PREFIX_WORDS && this.norm.starts_with(&earlier.norm) {
                    // The earlier one was the truncated copy: keep its place, take this text.
                    out[i] = paragraph;
                    seen[i] = this;
                    continue 'next;
                }
                if this.words >= MIN_PREFIX_WORDS && earlier.norm.starts_with(&this.norm) {
                    continue 'next;
                }
            }
        }
        out.push(paragraph);
        seen.push(this);
    }
    out
}

/// Whether two long paragraphs are at most one word edit per [`EDIT_REPEAT_WORDS`] words
/// apart (insertions, deletions, substitutions of whole words).
fn few_word_edits(a: &Seen, b: &Seen) -> bool {
    let shorter = a.words.min(b.words);
    if shorter < EDIT_REPEAT_WORDS {
        return false;
    }
    let budget = shorter / EDIT_REPEAT_WORDS;
    if a.words.abs_diff(b.words) > budget {
        return false;
    }
    let a: Vec<&str> = a.norm.split(' ').collect();
    let b: Vec<&str> = b.norm.split(' ').collect();
    // Levenshtein over words, one row at a time; stop once every cell is over budget.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, wa) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, wb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(wa != wb);
            row.push(substitute.min(prev[j + 1] + 1).min(row[j] + 1));
        }
        if row.iter().all(|&d| d > budget) {
            return false;
        }
        prev = row;
    }
    prev.last().is_some_and(|&d| d <= budget)
}

/// Lowercase alphanumeric words separated by single spaces. Apostrophes inside words are
/// dropped so that "don't" and "don’t" compare equal; a `.` or `,` between digits stays, so
/// that `68.9` is one number and not `68 9`.
pub(super) fn normalize_for_repeats(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut pending_space = false;
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if matches!(c, '.' | ',')
            && !pending_space
            && out.ends_with(|p: char| p.is_ascii_digit())
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            out.push(c);
        } else if !matches!(c, '\'' | '\u{2019}') {
            pending_space = true;
        }
    }
    out
}
