//! Ambiguous aliases read by their article. "Georgia" is the US state in an article that also
//! names Atlanta or Texas, and the country in one that names Tbilisi or Russia; "Washington
//! state" is the state. Each candidate scores the mentions of its country among the article's
//! unambiguous matches; the static ranking of the matcher breaks ties.
//!
//! A place followed by its state ("Beaufort, NC", "Paris, Texas", "Douglas, Ariz.") is that
//! state's place, whatever namesake abroad the ranking prefers.

use std::collections::HashMap;

use crate::matcher::{Matcher, Mention, MentionVia};
use newsfacet_gazetteer::{kind, EntityType, EntryId, Gazetteer};

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

/// The gazetteer id prefix of US states: GeoNames codes them by their postal abbreviations
/// ("admin1:US.NC"), which addresses write after a town ("Beaufort, NC").
const US_STATE_ID_PREFIX: &str = "admin1:US.";

/// Places followed by a comma and their state or country ("Beaufort, NC", "Paris, Texas",
/// "London, Ont."): the place is re-chosen among the alias's entries of that country, or, unless
/// prominent, dropped when the gazetteer knows none there (a namesake it does not list). A postal state
/// code that is no alias of its own becomes a mention of the state.
pub(crate) fn place_in_state(
    text: &str,
    mentions: &mut Vec<Mention>,
    matcher: &Matcher,
    gazetteer: &Gazetteer,
) {
    let mut dropped: Vec<usize> = Vec::new();
    let mut added: Vec<Mention> = Vec::new();
    for index in 0..mentions.len() {
        let mention = mentions[index];
        let entry = gazetteer.entry(mention.entry);
        if mention.via != MentionVia::Name
            || entry.entity_type != EntityType::Place
            || entry.is_country()
        {
            continue;
        }
        let Some(after) = text[mention.end..].strip_prefix(", ") else {
            continue;
        };
        let at = mention.end + 2;
        let mut postal = false;
        let state = match mentions.get(index + 1) {
            Some(next) if next.start == at => {
                let next_entry = gazetteer.entry(next.entry);
                let is_state = next_entry.entity_type == EntityType::Place
                    && (next_entry.kind == kind::REGION || next_entry.is_country());
                if !is_state {
                    continue;
                }
                next.entry
            }
            Some(next) if next.start < at + 2 => continue,
            _ => match postal_state(after, gazetteer) {
                Some(id) => {
                    postal = true;
                    id
                }
                None => continue,
            },
        };
        let Some(code) = gazetteer.entry(state).country.as_deref() else {
            continue;
        };
        if entry.country.as_deref() == Some(code) || mention.entry == state {
            continue;
        }
        let namesake = matcher
            .candidates(&text[mention.start..mention.end])
            .iter()
            .find(|&&(id, via)| {
                let candidate = gazetteer.entry(id);
                via == MentionVia::Name
                    && candidate.entity_type == EntityType::Place
                    && candidate.country.as_deref() == Some(code)
            });
        // A prominent place before another country is a list ("Beijing, Japan and Korea"), and
        // before a code another country's state ("Perth, WA"), not an address.
        let address = namesake.is_some() || !super::lexicon::is_prominent_place(entry);
        if !address {
            continue;
        }
        match namesake {
            Some(&(id, _)) => mentions[index].entry = id,
            None => dropped.push(index),
        }
        if postal {
            added.push(Mention {
                start: at,
                end: at + 2,
                entry: state,
                via: MentionVia::Name,
            });
        }
    }
    if dropped.is_empty() && added.is_empty() {
        return;
    }
    let mut index = 0;
    mentions.retain(|_| {
        index += 1;
        !dropped.contains(&(index - 1))
    });
    mentions.extend(added);
    mentions.sort_by_key(|m| m.start);
}

/// The US state whose postal code opens `after` ("NC" of "NC 28516"), when the code is a whole
/// word in capitals.
fn postal_state(after: &str, gazetteer: &Gazetteer) -> Option<EntryId> {
    let code = after.get(..2)?;
    let whole_word = after[2..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    if !whole_word || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    gazetteer.by_id(&format!("{US_STATE_ID_PREFIX}{code}"))
}
