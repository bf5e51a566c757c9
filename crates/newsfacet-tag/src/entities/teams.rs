//! Towns that play. In sports results a place followed by a score is a team ("Somerset 83 and
//! 174", "HOUSTON 72 63 .533", "Kent v Essex"); once an article shows that, its other mentions
//! of the same town are the team too, except where the town is the venue ("at Leicester").
//! Countries stay places: the press writes national teams as their countries.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lexicon::UNIT_WORDS;
use super::state::{display_name, Key, Reference, State};
use crate::text::lexicon as lex;
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::words::{self, WordSet};
use newsfacet_gazetteer::EntityType;

/// Nations that field their own teams without being states: like countries, they stay places
/// (`sporting-nations.txt` of the gazetteer crate, as the gazetteer names them).
static SPORTING_NATIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(words::SPORTING_NATIONS));

/// Fewer towns with scores than this is a coincidence ("Texas 5"), not a results table.
const MIN_TEAMS: usize = 2;

/// Retypes towns that score in results tables as sports teams (organizations).
pub(super) fn retype_teams(state: &mut State) {
    let is_town = |state: &State, r: &Reference| match &r.key {
        Key::Entry(id) => {
            let entry = state.gazetteer.entry(*id);
            entry.entity_type == EntityType::Place
                && !entry.is_country()
                && !SPORTING_NATIONS.contains(&entry.name)
        }
        Key::Written(ty, _) => *ty == EntityType::Place,
    };
    let mut teams: HashSet<String> = HashSet::new();
    for reference in &state.references {
        if !is_town(state, reference) {
            continue;
        }
        let last = reference.end - 1;
        let joined_after = state.words[last].joined_to_next;
        let joined_before = reference.first > 0 && state.words[reference.first - 1].joined_to_next;
        let scores = (joined_after && is_score(state, last + 1))
            || after_parenthesis(state, last).is_some_and(|k| is_score(state, k));
        let plays = (joined_after && is_versus(state, last + 1))
            || (joined_before && is_versus(state, reference.first - 1));
        if scores || plays {
            teams.insert(fold(&reference.surface));
        }
    }
    if teams.len() < MIN_TEAMS {
        return;
    }
    // A results article: its towns are teams wherever they are not where something happens
    // ("at Leicester") or the dateline ("LONDON 1996-08-30").
    let mut retyped = Vec::new();
    for (index, reference) in state.references.iter().enumerate() {
        if !is_town(state, reference) {
            continue;
        }
        let venue = reference.first > 0
            && matches!(
                state.lower(reference.first - 1).as_str(),
                "at" | "in" | "near" | "from" | "to" | "outside" | "around"
            );
        let dateline = state.words[reference.first].sentence_start
            && (reference.end >= state.words.len()
                || state.words[reference.end].number
                || !state.words[reference.end - 1].joined_to_next);
        let scored = teams.contains(&fold(&reference.surface));
        if !venue && (scored || !dateline) {
            retyped.push(index);
        }
    }
    let mut absorbed: Vec<usize> = Vec::new();
    for index in retyped {
        let (first, end) = team_name_span(state, &state.references[index]);
        for (other, reference) in state.references.iter().enumerate() {
            if other != index && reference.first >= first && reference.end <= end {
                absorbed.push(other);
            }
        }
        for k in first..end {
            if let Some(m) = state.owner[k] {
                state.keep[m] = false;
            }
        }
        let surface = state.text[state.words[first].start..state.words[end - 1].end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let reference = &mut state.references[index];
        reference.at = state.words[first].start;
        reference.first = first;
        reference.end = end;
        reference.key = Key::Written(EntityType::Organization, display_name(&surface));
        reference.surface = surface;
    }
    absorbed.sort_unstable();
    absorbed.dedup();
    for index in absorbed.into_iter().rev() {
        state.references.remove(index);
    }
}

/// A team's whole name around its town: the capitalised words joined to it ("NEC Nijmegen",
/// "Bayer Leverkusen", "Manchester City").
fn team_name_span(state: &State, reference: &Reference) -> (usize, usize) {
    let name_word = |k: usize| {
        let word = &state.words[k];
        word.capitalised && !word.number && word.flags & (lex::STOP | lex::TIME | lex::DET) == 0
    };
    let mut first = reference.first;
    while first > 0 && state.words[first - 1].joined_to_next && name_word(first - 1) {
        first -= 1;
    }
    let mut end = reference.end;
    while end < state.words.len() && state.words[end - 1].joined_to_next && name_word(end) {
        end += 1;
    }
    (first, end)
}

/// The word after a short parenthesis that follows word `k`: results tables put the
/// country there ("Alba ( Germany ) 75").
fn after_parenthesis(state: &State, k: usize) -> Option<usize> {
    let rest = &state.text[state.words[k].end..];
    let open = rest.len() - rest.trim_start_matches(' ').len();
    let inner = rest[open..].strip_prefix('(')?;
    let close = inner
        .find(')')
        .filter(|&c| c <= 40 && !inner[..c].contains('\n'))?;
    let after = state.words[k].end + open + 1 + close + 1;
    let gap = &state.text[after..];
    let next_start = after + (gap.len() - gap.trim_start_matches(' ').len());
    state
        .words
        .binary_search_by_key(&next_start, |w| w.start)
        .ok()
}

/// A score or a table figure: a number that is not a year or a date and is not followed by a
/// unit ("83", "108-3", "4-38"; not "1996", "1996-08-30", "5 percent").
fn is_score(state: &State, k: usize) -> bool {
    let Some(word) = state.words.get(k) else {
        return false;
    };
    if !word.number {
        return false;
    }
    let text = state.word(k);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let year_like = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    let unit = word.joined_to_next
        && k + 1 < state.words.len()
        && UNIT_WORDS.contains(&state.lower(k + 1));
    !year_like && !unit && !text.contains(',')
}

fn is_versus(state: &State, k: usize) -> bool {
    k < state.words.len() && matches!(state.lower(k).as_str(), "v" | "vs" | "v." | "vs." | "beat")
}
