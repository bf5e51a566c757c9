//! From gazetteer matches to the entities of an article.
//!
//! The matcher finds every alias; this module decides what each match means in its sentence.
//! It reads the text as proper-noun chunks ([`tokens`]) and, per chunk:
//!
//! * a match that is the whole chunk stands ("Sergei Shoigu", "Beijing");
//! * a chunk shaped like a person's name is a person, whatever places or organizations match
//!   inside it ("Paul" and "Mitchell" are cities, "Dennis Mitchell" is a runner): a given name
//!   or initial first, a surname-first family name ("Wang Donghai"), or a title before it
//!   ("President Clinton");
//! * a chunk ending in an organization or place head word is an organization ("Israel Radio")
//!   or a place ("Tiananmen Square") as written;
//! * a match inside any other longer name is not an entity of its own ("Madrid" in "Real
//!   Madrid"), though a place there still tells which country the article is about.
//!
//! Then, over the whole article: a town that scores points in a results table is a team
//! ([`teams`]), and a surname alone refers to the person named in full elsewhere in the
//! article ("Lebed" after "Alexander Lebed", "Wang" after "Wang Yi").

mod context;
mod lexicon;
pub(crate) mod people;
mod state;
mod teams;
mod tokens;

#[cfg(test)]
mod tests;

use crate::matcher::{Mention, MentionVia};
use crate::text::lexicon as lex;
use newsfacet_gazetteer::Gazetteer;

use crate::text::words::{self as text_words, Word};
pub(crate) use context::{choose_by_context, place_in_state};
pub(crate) use lexicon::{is_personal_title, NameLexicon};
pub(crate) use state::Resolved;
use state::{surface, Key, Reference, Segment, State};
use tokens::Chunk;

/// Resolves `mentions` (the matcher's output over `text`) into entities.
pub(crate) fn resolve(
    text: &str,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    names: &NameLexicon,
) -> Resolved {
    let words = text_words::words(text);
    let owner = mention_owners(&words, mentions);
    let mut mention_words: Vec<Option<(usize, usize)>> = vec![None; mentions.len()];
    for (k, m) in owner.iter().enumerate() {
        if let Some(m) = *m {
            let span = mention_words[m].get_or_insert((k, k + 1));
            span.1 = k + 1;
        }
    }
    let mut state = State {
        text,
        words: &words,
        owner: &owner,
        mentions,
        gazetteer,
        names,
        keep: vec![true; mentions.len()],
        inner: vec![false; mentions.len()],
        references: Vec::new(),
    };
    for chunk in tokens::chunks(text, &words) {
        for segment in segments(text, names, mentions, &words, &owner, chunk) {
            state.classify(segment);
        }
    }
    state.require_place_evidence();
    for (index, mention) in mentions.iter().enumerate() {
        let Some((first, end)) = mention_words[index] else {
            continue;
        };
        if state.keep[index] && mention.via == MentionVia::Name {
            state.references.push(Reference {
                at: mention.start,
                first,
                end,
                key: Key::Entry(mention.entry),
                surface: surface(&text[mention.start..mention.end]),
            });
        }
    }
    teams::retype_teams(&mut state);
    state.resolve_surnames();
    state.finish()
}

/// For each word, the index of the match that covers it.
fn mention_owners(words: &[Word], mentions: &[Mention]) -> Vec<Option<usize>> {
    let mut owner = vec![None; words.len()];
    let mut m = 0;
    for (k, word) in words.iter().enumerate() {
        while m < mentions.len() && mentions[m].end <= word.start {
            m += 1;
        }
        if let Some(mention) = mentions.get(m) {
            // A match covering the word, or one inside it after a hyphen ("Sabah" in
            // "al-Sabah"), so that the name the word is part of decides what it means.
            let covers = mention.start <= word.start && word.end <= mention.end.max(word.start + 1);
            let within = word.start < mention.start && mention.end <= word.end;
            if covers || within {
                owner[k] = Some(m);
            }
        }
    }
    owner
}

/// Splits a chunk at unmatched titles ("Moscow Mayor Yuri Luzhkov" → "Moscow", "Yuri
/// Luzhkov" after a title) and strips the function words, days and months at its ends.
fn segments(
    text: &str,
    names: &NameLexicon,
    mentions: &[Mention],
    words: &[Word],
    owner: &[Option<usize>],
    chunk: Chunk,
) -> Vec<Segment> {
    let free = |k: usize| owner[k].is_none();
    // A title word that is part of a name: a surname before a generational suffix ("Martin
    // Luther King Jr."), or an adjective opening a company's name before an ordinary word
    // ("General Motors", "General Signal", "Major League"; not "General Powell" or "Attorney
    // General Janet Reno").
    let title_in_name = |k: usize| {
        let next = k + 1;
        if next >= chunk.end {
            return false;
        }
        let word = &text[words[k].start..words[k].end];
        let suffix_only = (next..chunk.end)
            .all(|j| lexicon::is_generational_suffix(&text[words[j].start..words[j].end]));
        let opens = k == chunk.start || words[k - 1].flags & (lex::TITLE | lex::MOD) == 0;
        let next_word = &text[words[next].start..words[next].end];
        let company = opens
            && !lexicon::is_personal_title(word)
            && free(next)
            && words[next].flags & (lex::TITLE | lex::MOD | lex::HONORIFIC) == 0
            && names.is_ordinary_word(next_word);
        suffix_only || company
    };
    let is_title = |k: usize| {
        let word = &text[words[k].start..words[k].end];
        // "Lieutenant-Colonel", "Vice-Premier": every part a title.
        let hyphenated = word.contains('-')
            && word
                .split('-')
                .all(|part| lex::flags_of(part) & lex::TITLE != 0);
        free(k) && (words[k].flags & lex::TITLE != 0 || hyphenated) && !title_in_name(k)
    };
    // A possessive title owns what follows, it does not name it ("the Chancellor's Budget").
    let title_before = chunk.start > 0 && {
        let previous = &words[chunk.start - 1];
        previous.joined_to_next
            && !previous.possessive
            && lexicon::is_personal_title(&text[previous.start..previous.end])
    };
    let mut segments = Vec::new();
    let mut start = chunk.start;
    let mut after_title = title_before;
    let mut k = chunk.start;
    while k < chunk.end {
        if is_title(k) {
            // Office words before the title belong to it ("Press Secretary", "Foreign
            // Minister").
            let mut title_start = k;
            while title_start > start
                && free(title_start - 1)
                && words[title_start - 1].flags & (lex::MOD | lex::TITLE) != 0
            {
                title_start -= 1;
            }
            segments.push(Segment {
                start,
                end: title_start,
                after_title,
                unstripped: start,
            });
            while k < chunk.end
                && (is_title(k) || (free(k) && words[k].flags & (lex::MOD | lex::HONORIFIC) != 0))
            {
                k += 1;
            }
            start = k;
            after_title = lexicon::is_personal_title(&text[words[k - 1].start..words[k - 1].end]);
            continue;
        }
        k += 1;
    }
    segments.push(Segment {
        start,
        end: chunk.end,
        after_title,
        unstripped: start,
    });
    // A sentence opens with a capital whatever its first word is: an ordinary word there is
    // not part of a name ("Controversial Australian Anthony Hill").
    let stop = |k: usize| {
        let word = &text[words[k].start..words[k].end];
        free(k)
            && (words[k].flags & (lex::STOP | lex::TIME | lex::DET | lex::PRONOUN) != 0
                || (words[k].sentence_start
                    && (words[k].flags & lex::MOD != 0 || names.is_ordinary_word(word))))
    };
    segments
        .into_iter()
        .filter_map(|mut s| {
            while s.start < s.end && (stop(s.start) || demonym_at(mentions, words, owner, s.start))
            {
                s.start += 1;
            }
            // A generational suffix is no name of its own ("Jr." after a split title).
            while s.start < s.end
                && lexicon::is_generational_suffix(&text[words[s.start].start..words[s.start].end])
            {
                s.start += 1;
            }
            while s.end > s.start && stop(s.end - 1) {
                s.end -= 1;
            }
            (s.start < s.end).then_some(s)
        })
        .collect()
}

/// A demonym match at the start of a chunk only modifies it ("Chinese Foreign Ministry").
fn demonym_at(mentions: &[Mention], words: &[Word], owner: &[Option<usize>], k: usize) -> bool {
    owner[k].is_some_and(|m| {
        let mention = &mentions[m];
        mention.via == MentionVia::Demonym && mention.end <= words[k].end
    })
}
