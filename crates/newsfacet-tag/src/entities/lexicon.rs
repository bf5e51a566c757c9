//! What a proper-noun chunk's words say about the kind of name: given names, surname-first
//! family names, and the head words that end names of places and organizations.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::attribution::lexicon as lex;
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, Gazetteer};

/// Family names that come first in Chinese, Korean and Vietnamese names as the English-language
/// press writes them ("Wang Yi", "Kim Jong Un", "Nguyen Xuan Phuc"). Followed by one or two
/// capitalised words they make a person's name.
#[rustfmt::skip]
const SURNAMES_FIRST: &[&str] = &[
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "zhu", "hu",
    "guo", "lin", "gao", "luo", "zheng", "liang", "xie", "tang", "han", "feng", "deng", "cao", "peng",
    "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "du", "ye", "cheng", "wei", "su", "lu",
    "ding", "ren", "shen", "yao", "jin", "qian", "fu", "fang", "bai", "cui", "mao", "qiu", "qin", "jia",
    "xue", "hou", "lei", "duan", "hao", "kong", "shao", "shi", "meng", "wan", "gu", "lai", "wen", "xi",
    "kim", "lee", "choi", "jung", "cho", "yoon", "jang", "lim", "moon", "ahn", "shin", "kwon", "hwang",
    "nguyen", "tran", "pham", "hoang", "phan", "vu", "dang", "bui", "ngo", "duong",
];

/// Head words that end the name of a place or facility ("Tiananmen Square", "Grace Road").
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "square", "street", "road", "avenue", "boulevard", "lane", "park", "stadium", "arena",
    "airport", "river", "lake", "mountain", "mountains", "mount", "island", "islands", "valley", "bay",
    "province", "county", "district", "region", "prefecture", "oblast", "governorate", "canton",
    "camp", "bridge", "prison", "palace", "castle", "field", "hill", "hills", "desert", "peninsula",
    "strait", "straits", "sea", "ocean", "gulf", "coast", "basin", "plain", "plains", "plateau", "forest",
    "canal", "harbour", "harbor", "port", "beach", "cape", "heights", "gardens", "circus", "crossing",
    "checkpoint", "dam", "base", "refinery", "mine", "oval", "ground", "course",
];

/// Head words of organization names beyond the attribution lexicon's ("Israel Radio").
#[rustfmt::skip]
const ORG_TAILS: &[&str] = &[
    "radio", "television", "tv", "news", "times", "post", "herald", "journal", "tribune", "gazette",
    "newsroom", "desk", "press", "telegraph", "daily", "weekly", "magazine", "broadcasting", "agency", "motors",
    "bancorp", "financial", "capital", "insurance", "telecom", "telecommunications", "airline", "railways",
    "railway", "shipping", "steel", "oil", "gas", "chemicals", "electric", "electronics", "foods",
    "stores", "pharma", "communications", "entertainment", "studios", "pictures", "records", "united",
    "rovers", "wanderers", "athletic", "albion", "hotspur", "sporting",
];

/// Numbers that follow a place name without making it a team: units of measure and money.
#[rustfmt::skip]
pub(crate) const UNIT_WORDS: &[&str] = &[
    "percent", "pct", "per", "million", "billion", "trillion", "km", "kms", "kilometres", "kilometers",
    "miles", "mile", "people", "dead", "killed", "injured", "troops", "soldiers", "years", "year", "days",
    "hours", "dollars", "tonnes", "tons", "barrels", "metres", "meters", "feet", "degrees", "times",
    "votes", "electoral", "seats", "delegates", "%", "cents",
];

/// Titles that only people hold: a name after one is a person's ("President Clinton", "Mr
/// Lebed"). Titles that are also ordinary adjectives ("Major", "General", "Chief") split chunks
/// but are no evidence.
#[rustfmt::skip]
const PERSONAL_TITLES: &[&str] = &[
    "president", "minister", "secretary", "chancellor", "premier", "senator", "sen", "sen.", "rep", "rep.",
    "gov", "gov.", "governor", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "chairwoman", "king", "queen", "prince", "princess", "emir", "sheikh", "pope", "cardinal",
    "archbishop", "bishop", "rev", "rev.", "reverend", "dr", "dr.", "prof", "prof.", "professor", "mr",
    "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "judge", "coach", "colonel", "col", "col.", "gen",
    "gen.", "lt", "lt.", "sgt", "sgt.", "adm", "adm.", "admiral", "commissioner", "congressman",
    "congresswoman", "lawmaker", "rabbi", "imam", "ayatollah", "president-elect", "premier-elect",
    "secretary-general", "director-general", "vice-president", "capt", "capt.", "maj.", "ceo",
];

/// Given names and ordinary lowercase English words, folded.
#[derive(Debug, Default)]
pub(crate) struct NameLexicon {
    given: HashSet<String>,
    ordinary: HashSet<&'static str>,
}

impl NameLexicon {
    /// The bundled given names, one a line (`#` comments), plus the first word of every
    /// gazetteer person whose name is written given name first.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        given_names: &str,
        ordinary_words: &'static str,
    ) -> Self {
        let ordinary = ordinary_words
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mut given: HashSet<String> = given_names
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect();
        for (_, entry) in gazetteer.of_type(EntityType::Person) {
            let words: Vec<&str> = entry.name.split_whitespace().collect();
            let Some(first) = words.first() else {
                continue;
            };
            let first = fold(first);
            let usable = words.len() >= 2
                && first.chars().count() >= 3
                && !first.contains('.')
                && !is_surname_first(&first)
                && gazetteer.lookup(&first).is_empty();
            if usable {
                given.insert(first);
            }
        }
        NameLexicon { given, ordinary }
    }

    /// Whether `word` is an ordinary English word and not also a given name.
    pub(crate) fn is_ordinary_word(&self, word: &str) -> bool {
        // The English list is ASCII: other words are never ordinary.
        let mut buf = [0u8; 32];
        lex::ascii_lower(word, &mut buf)
            .is_some_and(|lower| self.ordinary.contains(lower) && !self.given.contains(lower))
    }

    /// Whether `word` is a known given name.
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        self.given.contains(folded_word(word, &mut buf).as_ref())
    }
}

/// The folded form of one word ([`fold`]), without allocating for plain ASCII words, which are
/// almost all of them: every chunk word is looked up.
pub(crate) fn folded_word<'b>(word: &str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    if !word.contains('`') {
        if let Some(lower) = lex::ascii_lower(word, buf) {
            return Cow::Borrowed(lower);
        }
    }
    Cow::Owned(fold(word))
}

/// Whether `folded` is a family name written first ("wang", "kim").
pub(crate) fn is_surname_first(folded: &str) -> bool {
    SURNAMES_FIRST.contains(&folded)
}

/// Whether the lowercase `word` ends place names.
pub(crate) fn is_place_head(word: &str) -> bool {
    PLACE_HEADS.contains(&word)
}

/// Place head words that are also common surnames: after a given name they end a person's
/// name ("Anthony Hill", "Ji-sung Park").
pub(crate) fn is_surname_like_head(word: &str) -> bool {
    matches!(
        word,
        "hill" | "hills" | "park" | "field" | "lane" | "ford" | "bay"
    )
}

/// Whether the lowercase `word` ends organization names, beyond the attribution lexicon.
pub(crate) fn is_org_tail(word: &str) -> bool {
    ORG_TAILS.contains(&word)
}

/// Whether `word` (any case) is a title only people hold.
pub(crate) fn is_personal_title(word: &str) -> bool {
    PERSONAL_TITLES.contains(&word.to_lowercase().as_str())
}
