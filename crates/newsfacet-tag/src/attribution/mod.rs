//! Speaker attribution: who is quoted or paraphrased, and what they said.

use crate::{Gazetteer, Mention, Quote};

/// Finds every attributed statement in `text` (the tagged text: title, blank line, body).
///
/// `mentions` are the gazetteer matches in `text`, sorted by start; they let attribution
/// canonicalise speakers ("Shoygu" → Sergei Shoigu) and resolve pronouns to the last named
/// person. Speakers not in the gazetteer are kept under the name as written.
pub fn attribute(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> Vec<Quote> {
    let _ = (text, mentions, gazetteer);
    Vec::new()
}
