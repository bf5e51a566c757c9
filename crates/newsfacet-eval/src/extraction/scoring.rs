//! trafilatura's snippet scoring (`tests/eval_common.py` in adbar/trafilatura): per page, each
//! `with` snippet found in the extracted text is a true positive and each one missing a false
//! negative; each `without` snippet present is a false positive and each absent one a true
//! negative. Text and snippets are whitespace-normalised first, as trafilatura's `norm` does
//! (`re.sub(r"\s+", " ", text).strip()`), then matched as plain substrings. A page whose
//! extraction failed scores as if nothing had been extracted.

use serde::Serialize;

/// Confusion counts over snippets, summed over pages.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub tn: usize,
}

impl Counts {
    /// Scores one page. `text` must already be [`normalize`]d, as must the snippets; `None` is a
    /// failed extraction.
    pub fn of_page(with: &[String], without: &[String], text: Option<&str>) -> Counts {
        let text = text.unwrap_or("");
        let found = |snippet: &&String| text.contains(snippet.as_str());
        let tp = with.iter().filter(found).count();
        let fp = without.iter().filter(found).count();
        Counts {
            tp,
            fp,
            fn_: with.len() - tp,
            tn: without.len() - fp,
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }

    /// TP / (TP + FP); 0 when nothing was found (trafilatura's convention).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall: 2TP / (2TP + FP + FN).
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// (TP + TN) / all snippets.
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Python's `\s` on `str`: Unicode White_Space plus the ASCII information separators
/// U+001C..U+001F, which `str.isspace()` also counts.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Collapses every run of whitespace to one space and trims both ends.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_python_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippets(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| normalize(s)).collect()
    }

    #[test]
    fn normalize_collapses_unicode_and_python_whitespace() {
        assert_eq!(
            normalize("  a\u{a0}\u{a0}b\n\tc\u{1f}d\u{2009} "),
            "a b c d"
        );
        assert_eq!(normalize(" \n "), "");
    }

    #[test]
    fn scores_one_page_like_trafilatura() {
        let with = snippets(&[
            "Die GEMA dreht  völlig am Zeiger!",
            "200 g Zucker",
            "absent",
        ]);
        let without = snippets(&["Impressum", "Twitter"]);
        let text =
            normalize("Titel\n\nDie GEMA dreht\nvöllig am Zeiger! 200\u{a0}g Zucker. Twitter");
        let counts = Counts::of_page(&with, &without, Some(&text));
        assert_eq!(
            counts,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 1,
                tn: 1
            }
        );
        assert!((counts.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((counts.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((counts.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert!((counts.accuracy() - 3.0 / 5.0).abs() < 1e-12);
    }

    #[test]
    fn failed_page_misses_everything_and_sums_up() {
        let with = snippets(&["a b", "c"]);
        let without = snippets(&["d"]);
        let mut total = Counts::of_page(&with, &without, None);
        assert_eq!(
            total,
            Counts {
                tp: 0,
                fp: 0,
                fn_: 2,
                tn: 1
            }
        );
        total.add(Counts::of_page(&with, &without, Some("a b c d")));
        assert_eq!((total.tp, total.fp, total.fn_, total.tn), (2, 1, 2, 1));
        assert!((total.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((total.recall() - 0.5).abs() < 1e-12);
        assert_eq!(Counts::default().precision(), 0.0);
    }
}
