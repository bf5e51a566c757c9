//! Proper-noun chunks over the text layer's words ([`crate::text::words::words`]).
//!
//! A chunk is a maximal run of capitalised words (with name particles such as "de" or "bin",
//! and "of" after an organization or place head word) that nothing but single spaces
//! separates. Whether a gazetteer match is a whole name, a part of a longer one or a different
//! kind of name is decided per chunk.

use crate::text::lexicon as lex;
use crate::text::particles;
use crate::text::words::Word;

/// A run of name words: `words[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chunk {
    /// Word range of the chunk: `words[start..end]`.
    pub start: usize,
    pub end: usize,
}

/// Whether `word` can be inside a name: capitalised, an initial, or a lowercase particle.
fn is_name_word(text: &str, word: &Word) -> bool {
    word.capitalised || word.initial || is_particle(text, word)
}

fn is_particle(text: &str, word: &Word) -> bool {
    particles::joins_chunk(&text[word.start..word.end], word.flags, word.capitalised)
}

/// Whether "of" may continue a chunk after `previous`: "Bank of England", "Gulf of Mexico".
fn of_continues(text: &str, previous: &Word, of: &Word) -> bool {
    // A legal form ends a company's name: "Kia Motors Corp of South Korea" is two names.
    &text[of.start..of.end] == "of"
        && previous.flags & lex::ORGHEAD != 0
        && previous.capitalised
        && !super::lexicon::is_legal_form(&text[previous.start..previous.end])
}

/// Maximal runs of name words joined by spaces. Particles and "of" never start or end a chunk.
pub(crate) fn chunks(text: &str, words: &[Word]) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !(words[k].capitalised || words[k].initial) {
            k += 1;
            continue;
        }
        // Organization names join words with "and", "for", "of" ("Test and County Cricket
        // Board", "Centre for Baltic Energy Security"); other names do not ("Clinton and
        // Dole").
        let wide = chunk_end(text, words, k, Joins::Wide);
        let end = if ends_in_org_head(text, &words[wide - 1]) {
            wide
        } else {
            let headed = chunk_end(text, words, k, Joins::AfterHead);
            if has_headed_phrase(text, &words[k..headed]) {
                headed
            } else {
                chunk_end(text, words, k, Joins::Narrow)
            }
        };
        chunks.push(Chunk { start: k, end });
        k = end;
    }
    chunks
}

/// Which lowercase words may join the parts of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joins {
    /// Name particles, and "of" after an organization head ("Bank of England").
    Narrow,
    /// Also "for" and "on" after an organization head ("Centre for …").
    AfterHead,
    /// Also "and", "&", "in" between any capitalised words.
    Wide,
}

fn chunk_end(text: &str, words: &[Word], start: usize, joins: Joins) -> usize {
    let mut end = start + 1;
    while end < words.len() && words[end - 1].joined_to_next && !words[end - 1].possessive {
        let next = &words[end];
        let previous = &words[end - 1];
        let word = &text[next.start..next.end];
        let after_head = previous.capitalised && previous.flags & lex::ORGHEAD != 0;
        let connector = is_particle(text, next)
            || of_continues(text, previous, next)
            || (joins != Joins::Narrow && after_head && matches!(word, "for" | "on"))
            || (joins == Joins::Wide
                && matches!(word, "and" | "&" | "for" | "of" | "in" | "on")
                && (previous.capitalised || previous.initial)
                && !ends_company(text, previous, words.get(end + 1)));
        if !(is_name_word(text, next) || connector) {
            break;
        }
        end += 1;
    }
    // Connectors must be followed by a name word; a hyphenated particle ("al-Sabah") carries
    // its capitalised part and may end a name.
    let ends_name =
        |w: &Word| w.capitalised || w.initial || particles::is_hyphenated(&text[w.start..w.end]);
    while end > start + 1 && !ends_name(&words[end - 1]) {
        end -= 1;
    }
    end
}

/// A legal form ends a company's name: "General Motors Corp and General Signal Corp" are two
/// companies, while "Kidder Peabody and Co" is one (a legal form after the connector).
fn ends_company(text: &str, previous: &Word, after: Option<&Word>) -> bool {
    let is_legal_form = |w: &Word| super::lexicon::is_legal_form(&text[w.start..w.end]);
    is_legal_form(previous) && !after.is_some_and(is_legal_form)
}

/// An organization head followed by "of", "for" or "on" ("Centre for Baltic Energy Security",
/// "Council on Foreign Relations").
pub(crate) fn has_headed_phrase(text: &str, words: &[Word]) -> bool {
    words.windows(2).any(|pair| {
        pair[0].capitalised
            && pair[0].flags & lex::ORGHEAD != 0
            && matches!(&text[pair[1].start..pair[1].end], "of" | "for" | "on")
    })
}

fn ends_in_org_head(text: &str, word: &Word) -> bool {
    word.flags & lex::ORGHEAD != 0 || {
        let mut buf = [0u8; 32];
        let lower = super::lexicon::lowercase(&text[word.start..word.end], &mut buf);
        super::lexicon::is_org_tail(lower.trim_end_matches('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    fn chunk_texts(text: &str) -> Vec<String> {
        let w = words(text);
        chunks(text, &w)
            .iter()
            .map(|c| text[w[c.start].start..w[c.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn chunks_are_runs_of_capitalised_words() {
        assert_eq!(
            chunk_texts("Yesterday P. Simmons of Leicestershire met Jean-Claude van Damme."),
            vec![
                "Yesterday P. Simmons",
                "Leicestershire",
                "Jean-Claude van Damme"
            ]
        );
        assert_eq!(
            chunk_texts("the Bank of England and Russia's Foreign Ministry, Sergei Shoigu"),
            vec![
                "Bank of England",
                "Russia",
                "Foreign Ministry",
                "Sergei Shoigu"
            ]
        );
        assert_eq!(chunk_texts("U.S. Treasury bonds"), vec!["U.S. Treasury"]);
        assert_eq!(
            chunk_texts("Acme Widgets Corp and Globex Corp and Kidder Peabody and Co"),
            vec!["Acme Widgets Corp", "Globex Corp", "Kidder Peabody and Co"]
        );
    }
}
