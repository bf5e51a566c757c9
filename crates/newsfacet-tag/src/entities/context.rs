//! Ambiguous aliases read by their article. "Georgia" is the US state in an article that also
//! names Atlanta or Texas, and the country in one that names Tbilisi or Russia; "Washington
//! state" is the state. Each candidate scores the mentions of its country among the article's
//! unambiguous matches; the static ranking of the matcher breaks ties.

use std::collections::HashMap;

use crate::matcher::{Matcher, Mention, MentionVia};
use newsfacet_gazetteer::{kind, EntityType, Gazetteer};

/// Re-chooses the entry of every ambiguous mention in `mentions` by the article's countries.
pub(crate) fn choose_by_context(
    text: &str,
    mentions: &mut [Mention],
    matcher: &Matcher,
    gazetteer: &Gazetteer,
) {
    let mut countries: HashMap<&str, usize> = HashMap::new();
    let mut ambiguous: Vec<usize> = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        let candidates = matcher.candidates(&text[mention.start..mention.end]);
        let mut codes = candidates
            .iter()
            .filter(|(_, via)| *via == mention.via)
            .map(|(id, _)| gazetteer.entry(*id).country.as_deref());
        let first = codes.next().flatten();
        if codes.all(|code| code == first) {
            if let Some(code) = gazetteer.entry(mention.entry).country.as_deref() {
                *countries.entry(code).or_default() += 1;
            }
        } else {
            ambiguous.push(index);
        }
    }
    for index in ambiguous {
        let mention = mentions[index];
        let surface = &text[mention.start..mention.end];
        let score = |id| {
            let entry = gazetteer.entry(id);
            let country = entry
                .country
                .as_deref()
                .and_then(|code| countries.get(code))
                .copied()
                .unwrap_or(0);
            // "Washington state", "Georgia State": the word after names the kind.
            let state_word = text[mention.end..]
                .trim_start()
                .split(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("state"));
            let kind_bonus = usize::from(
                state_word && entry.entity_type == EntityType::Place && entry.kind == kind::REGION,
            );
            country + kind_bonus * 1000
        };
        let candidates = matcher.candidates(surface);
        let default_score = score(mention.entry);
        let best = candidates
            .iter()
            .filter(|(_, via)| *via == mention.via && *via == MentionVia::Name)
            .map(|&(id, _)| (score(id), id))
            .fold(None, |best: Option<(usize, _)>, (s, id)| match best {
                Some((b, _)) if b >= s => best,
                _ => Some((s, id)),
            });
        if let Some((best_score, id)) = best {
            if best_score > default_score {
                mentions[index].entry = id;
            }
        }
    }
}
