//! Name particles: the lowercase words that sit inside a personal name ("Jean-Claude van
//! Damme", "Osama bin Laden", "Ferdinand Marcos Jr.", "Bashar al-Assad").
//!
//! One list serves both readers: the `name-particles.txt` words (the lexicon's
//! [`PARTICLE`](lex::PARTICLE) class, looked up once per word) and the hyphenated forms of
//! `name-particle-prefixes.txt`. Where a particle may stand differs by reader, because their
//! words differ: entity resolution's chunks run between capitalised words, so only a lowercase
//! particle can join one ([`joins_chunk`]); attribution walks the tokens of a speaker phrase,
//! where "Jr." and "al-Assad" are particles too ([`in_speaker_name`]) and its callers place them.

use std::sync::LazyLock;

use newsfacet_gazetteer::words::{self, WordSet};

use super::lexicon as lex;

static HYPHEN_PREFIXES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(words::NAME_PARTICLE_PREFIXES));

/// Whether a word's lexicon class bits mark it as a listed particle ("bin", "da", "Jr.").
pub(crate) fn is_listed(flags: u32) -> bool {
    flags & lex::PARTICLE != 0
}

/// A particle joined to the name by a hyphen: "al-Assad", "el-Sisi", "bin-Salman".
pub(crate) fn is_hyphenated(word: &str) -> bool {
    // A byte search: asked of every word a chunk may join, mostly without a hyphen.
    let Some(hyphen) = word.bytes().position(|b| b == b'-') else {
        return false;
    };
    let (prefix, rest) = (&word[..hyphen], &word[hyphen + 1..]);
    HYPHEN_PREFIXES.contains(prefix) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Entity resolution's rule: `surface` joins a proper-noun chunk as a particle when it is
/// listed, written in lowercase and without a period, or hyphenated to a capitalised part
/// ("Ali al-Khalifa al-Sabah" is one name, and "Sabah" in it no place). Lowercase "st" is a
/// cricket scorecard's "stumped", not "St." of a saint's name.
pub(crate) fn joins_chunk(surface: &str, flags: u32, capitalised: bool) -> bool {
    is_listed(flags) && !capitalised && !surface.contains('.') && surface != "st"
        || is_hyphenated(surface)
}

/// Attribution's rule: `word` is a particle of a speaker's name when it is listed (in any case,
/// so "Jr." too) or hyphenated ("al-Assad"). Callers decide where one may stand.
pub(crate) fn in_speaker_name(word: &str, flags: u32) -> bool {
    is_listed(flags) || is_hyphenated(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::flags_of;

    #[test]
    fn particles_by_reader() {
        assert!(joins_chunk("van", flags_of("van"), false));
        assert!(!joins_chunk("st", flags_of("st"), false));
        assert!(!joins_chunk("Jr.", flags_of("Jr."), true));
        assert!(joins_chunk("al-Sabah", flags_of("al-Sabah"), false));
        assert!(!joins_chunk("well-known", flags_of("well-known"), false));
        assert!(in_speaker_name("Jr.", flags_of("Jr.")));
        assert!(in_speaker_name("al-Assad", flags_of("al-Assad")));
        assert!(!in_speaker_name("al-assad", flags_of("al-assad")));
        assert!(!in_speaker_name("well-known", flags_of("well-known")));
    }
}
