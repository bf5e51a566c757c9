//! Precision/recall bookkeeping shared by the evaluations.
//!
//! Precision and recall are counted separately because a prediction may match a gold item
//! loosely (PolNeAR matches speakers by a shared name token): "predictions that were right" and
//! "gold items that were found" need not be the same number.

use serde::Serialize;

/// Counts behind one precision/recall pair.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Counts {
    pub predicted: usize,
    pub predicted_correct: usize,
    pub gold: usize,
    pub gold_found: usize,
}

impl Counts {
    /// Fraction of predictions that were right; 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_correct, self.predicted)
    }

    /// Fraction of gold items found; 1.0 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: Counts) {
        self.predicted += other.predicted;
        self.predicted_correct += other.predicted_correct;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
    }
}

/// Precision, recall and their counts, for JSON output.
#[derive(Debug, Serialize)]
pub struct Report {
    pub precision: f64,
    pub recall: f64,
    #[serde(flatten)]
    pub counts: Counts,
}

impl From<Counts> for Report {
    fn from(counts: Counts) -> Self {
        Report {
            precision: counts.precision(),
            recall: counts.recall(),
            counts,
        }
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_and_recall_use_their_own_counts() {
        let mut counts = Counts {
            predicted: 4,
            predicted_correct: 3,
            gold: 10,
            gold_found: 2,
        };
        counts.add(Counts {
            predicted: 0,
            predicted_correct: 0,
            gold: 0,
            gold_found: 0,
        });
        assert!((counts.precision() - 0.75).abs() < 1e-9);
        assert!((counts.recall() - 0.2).abs() < 1e-9);
        assert_eq!(Counts::default().precision(), 1.0);
    }
}
