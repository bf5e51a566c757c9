//! Closed word classes that attribution needs: titles, roles, unnamed-source nouns, organization
//! heads, determiners, fillers. Every word token is looked up once (one hash probe on its ASCII
//! lowercase form) and carries the resulting bit set, so later pattern checks are bit tests.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: the lexicon keys are short ASCII words looked up once per token, where SipHash's
/// flood resistance buys nothing and costs a fifth of the lookup time.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A map keyed by lexicon words.
pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// Determiners and quantifiers that open a noun phrase ("the", "a", "his", "two").
pub(crate) const DET: u32 = 1;
/// Personal pronouns that can be the subject of a cue ("he", "she", "they", "it").
pub(crate) const PRONOUN: u32 = 1 << 1;
/// Office and honorific words written before a name ("President", "Minister", "Dr.").
pub(crate) const TITLE: u32 = 1 << 2;
/// Domain adjectives of offices and ministries ("foreign", "defence", "senior").
pub(crate) const MOD: u32 = 1 << 3;
/// Singular role nouns that a description can refer back with ("the minister").
pub(crate) const ROLE: u32 = 1 << 4;
/// Nouns naming an unnamed source ("officials", "a spokesperson", "analysts").
pub(crate) const UNNAMED: u32 = 1 << 5;
/// Heads of organization names ("Ministry", "Council", "Agency").
pub(crate) const ORGHEAD: u32 = 1 << 6;
/// Prepositions that start a post-modifier ("officials *at* the conference").
pub(crate) const PREP: u32 = 1 << 7;
/// Time words ("Monday", "week", "earlier").
pub(crate) const TIME: u32 = 1 << 8;
/// Adverbs allowed between a subject and its verb ("also", "separately").
pub(crate) const ADV: u32 = 1 << 9;
/// Auxiliaries and negation ("has", "was", "did", "not", "to").
pub(crate) const AUX: u32 = 1 << 10;
/// Lowercase name particles and generational suffixes ("bin", "da", "van", "Jr.").
pub(crate) const PARTICLE: u32 = 1 << 11;
/// Capitalised words that never start or form a name ("The", "However", "Monday").
pub(crate) const STOP: u32 = 1 << 12;
/// Plural nouns (of the role and unnamed classes).
pub(crate) const PLURAL: u32 = 1 << 13;
/// Masculine role words ("spokesman", "Mr.").
pub(crate) const MASC: u32 = 1 << 14;
/// Feminine role words ("spokeswoman", "Mrs.").
pub(crate) const FEM: u32 = 1 << 15;
/// Words that start a clause after a cue's object ("that").
pub(crate) const THAT: u32 = 1 << 16;
/// Coordinators and subordinators that can start an independent clause ("while", "but").
pub(crate) const CONJ: u32 = 1 << 17;
/// Nouns that report speech after a possessive ("Xi's remarks").
pub(crate) const NOUN_CUE: u32 = 1 << 18;
/// Modal verbs and "to": a base-form verb after them is not a finite cue.
pub(crate) const MODAL: u32 = 1 << 19;
/// Relative pronouns ("who", "whose").
pub(crate) const RELATIVE: u32 = 1 << 20;
/// "people", "person": a source only with "familiar with" / "close to".
pub(crate) const PEOPLE: u32 = 1 << 21;
/// Abbreviations whose period is part of the word ("Mr.", "U.S.", "Jan.").
pub(crate) const ABBREV: u32 = 1 << 22;
/// Function-word classes: never part of a name.
pub(crate) const FUNCTION: u32 = DET | PRONOUN | PREP | CONJ | THAT | RELATIVE | AUX | MODAL | TIME;
/// Titles that mark a lone surname as a person ("Mr. Obama", "President Xi", "Sen. Kaine").
pub(crate) const HONORIFIC: u32 = 1 << 23;

#[rustfmt::skip]
const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "two", "three", "four",
    "five", "several", "some", "many", "other", "another", "both", "one", "most", "all", "various", "few",
];

#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you",
];

/// Offices and honorifics. Capitalised, they end a name's title ("Foreign Minister Wang Yi").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "investor", "financier", "billionaire", "businessman", "businesswoman", "entrepreneur", "banker",
    "president", "vice", "prime", "minister", "ministers", "secretary", "secretary-general", "undersecretary",
    "chancellor", "premier", "senator", "sen", "sen.", "sens", "sens.", "rep", "rep.", "reps", "reps.",
    "representative", "congressman", "congresswoman", "gov", "gov.", "governor", "mayor", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "chairperson", "chief",
    "ceo", "director", "director-general", "commissioner", "commander", "admiral", "adm", "adm.", "gen", "gen.",
    "general", "lt", "lt.", "col", "col.", "maj", "maj.", "capt", "capt.", "sgt", "sgt.", "colonel", "major",
    "captain", "lieutenant", "sergeant", "marshal", "judge", "justice", "king", "queen", "prince", "princess",
    "crown", "emir", "sheikh", "pope", "cardinal", "archbishop", "bishop", "rev", "rev.", "reverend", "father",
    "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame",
    "lord", "lady", "speaker", "leader", "head", "counselor", "counsellor", "adviser", "advisor", "attorney",
    "solicitor", "auditor", "inspector", "superintendent", "sheriff", "councillor", "councilman",
    "councilwoman", "lawmaker", "legislator", "mp", "mep", "analyst", "economist", "researcher", "fellow",
    "strategist", "officer", "executive", "manager", "founder", "co-founder", "deputy", "acting", "interim",
    "former", "incoming", "outgoing", "designate", "president-designate", "president-elect", "vice-president",
    "coach", "candidate", "nominee", "presidential", "counterpart", "diplomat", "governor-general",
    "comptroller", "treasurer", "registrar", "dean", "rector", "provost", "editor", "correspondent",
    "negotiator", "minister-president", "hon", "hon.", "democrat", "republican", "democratic", "gop",
    "activist", "lawyer", "attorney-general", "widow", "veteran", "resident",
];

/// Domain words of offices and ministries, and other adjectives found inside titles.
#[rustfmt::skip]
const MODS: &[&str] = &[
    "antitrust", "trade-policy", "monetary-policy",
    "foreign", "defence", "defense", "senior", "top", "junior", "government", "military", "security", "state",
    "federal", "regional", "local", "national", "transport", "transportation", "trade", "commerce", "finance",
    "financial", "interior", "energy", "economy", "economic", "health", "justice", "education", "policy",
    "press", "news", "external", "affairs", "environment", "environmental", "climate", "change", "industry",
    "agriculture", "culture", "communications", "information", "planning", "development", "labor", "labour",
    "home", "ruling", "opposition", "provincial", "municipal", "city", "county", "district", "party", "central",
    "natural", "resources", "science", "technology", "digital", "tourism", "fisheries", "immigration", "public",
    "chief", "deputy", "former", "acting", "interim", "white", "house", "cabinet", "presidential", "royal",
    "unnamed", "anonymous", "independent", "political", "oil", "market", "company", "ministry", "embassy",
    "army", "navy", "police", "intelligence", "treasury", "legal", "general", "staff", "joint", "emergency",
    "emergencies", "water", "housing", "infrastructure", "maritime", "coast", "guard", "border", "customs",
    "tax", "revenue", "budget", "social", "welfare", "family", "women", "youth", "sports", "mines", "mining",
    "petroleum", "aviation", "space", "research", "statistics", "monetary", "banking", "investment", "european",
    "eu", "un", "u.n.", "nato", "u.s.", "us", "uk", "british", "american", "western", "eastern", "northern",
    "southern", "veteran", "high-ranking", "ranking", "administration", "campaign", "union", "bloc", "alliance",
    "consultancy", "firm", "bank", "agency", "council", "committee", "commission", "department", "office",
    "court", "parliamentary", "congressional", "senate", "assembly", "relations", "international", "domestic",
    "strategic", "nuclear", "electoral", "election", "electricity", "grid", "utility", "rail", "railway",
];

/// Singular role nouns a description can use ("the minister said").
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "minister", "secretary", "president", "premier", "chancellor", "spokesman", "spokeswoman", "spokesperson",
    "official", "senator", "governor", "mayor", "ambassador", "envoy", "chief", "leader", "general",
    "commander", "director", "chairman", "chairwoman", "chair", "head", "diplomat", "analyst", "economist",
    "fellow", "professor", "researcher", "prosecutor", "judge", "lawmaker", "congressman", "congresswoman",
    "representative", "candidate", "nominee", "king", "queen", "prince", "pope", "counterpart", "host",
    "secretary-general", "strategist", "expert", "source", "aide", "adviser", "advisor", "negotiator",
    "executive", "ceo", "founder", "officer", "commissioner", "monarch", "emir", "sheikh", "admiral",
    "legislator", "speaker", "resident", "witness", "observer", "insider", "critic", "manager", "mediator",
    "director-general", "designate", "president-designate", "president-elect", "vice-president",
];

/// Nouns that name an unnamed source.
#[rustfmt::skip]
const UNNAMEDS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "official", "source", "analyst", "critic", "expert", "diplomat",
    "resident", "witness", "observer", "insider", "aide", "adviser", "advisor", "economist", "trader", "dealer",
    "banker", "negotiator", "lawmaker", "legislator", "strategist", "government", "authorities", "police",
    "military", "army", "navy", "statement", "readout",
];

/// Plural forms: all unnamed when they are the subject of a cue.
#[rustfmt::skip]
const PLURALS: &[&str] = &[
    "officials", "spokespeople", "spokesmen", "spokespersons", "sources", "analysts", "critics", "experts",
    "diplomats", "residents", "witnesses", "observers", "insiders", "aides", "advisers", "advisors",
    "economists", "traders", "dealers", "bankers", "negotiators", "lawmakers", "legislators", "strategists",
    "authorities", "investigators", "prosecutors", "organisers", "organizers", "activists", "researchers",
    "scientists", "doctors", "medics", "rescuers", "campaigners", "protesters", "executives", "ministers",
    "leaders", "commanders", "envoys", "mediators", "delegates", "members", "supporters", "opponents",
    "participants", "investors", "forecasters", "planners", "regulators", "unions",
];

/// Organization heads: a capitalised run ending (or headed) with one names a body.
#[rustfmt::skip]
const ORGHEADS: &[&str] = &[
    "ministry", "council", "committee", "commission", "agency", "office", "department", "bank", "party",
    "union", "organization", "organisation", "army", "navy", "forces", "force", "police", "court", "parliament",
    "congress", "senate", "government", "administration", "institute", "center", "centre", "foundation",
    "association", "federation", "company", "corporation", "corp", "corp.", "inc", "inc.", "group", "authority",
    "service", "embassy", "secretariat", "assembly", "fund", "alliance", "coalition", "board", "bureau",
    "university", "college", "house", "ltd", "ltd.", "plc", "llc", "co", "co.", "guard", "command",
    "directorate", "cabinet", "mission", "consulate", "tribunal", "programme", "program", "network", "club",
    "society", "chamber", "exchange", "airlines", "airways", "holdings", "industries", "markets", "associates",
    "partners", "securities", "l.p.", "lp", "ag", "gmbh", "plc.", "limited", "trust", "investors", "management",
    "consultants", "bros.", "brothers", "systems", "technologies", "motors", "labs", "laboratories",
    "pharmaceuticals", "energy", "petroleum", "resources", "media",
];

#[rustfmt::skip]
const PREPS: &[&str] = &[
    "of", "for", "at", "in", "from", "with", "on", "by", "to", "near", "inside", "within", "familiar", "close",
    "under", "among", "across", "around", "outside", "about", "representing", "working", "based", "involved",
    "knowledgeable", "speaking", "who", "briefed", "aware",
];

#[rustfmt::skip]
const TIMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "jan.", "feb", "feb.", "mar.", "apr", "apr.", "jun.", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
    "oct", "oct.", "nov", "nov.", "dec", "dec.", "today", "yesterday", "tonight", "week", "weekend", "month",
    "year", "morning", "afternoon", "evening", "night", "last", "this", "next", "earlier", "later", "late",
    "early", "day", "days", "weeks", "months", "years", "ago", "hours", "recently", "previously",
];

#[rustfmt::skip]
const ADVS: &[&str] = &[
    "also", "again", "later", "earlier", "separately", "then", "previously", "further", "recently",
    "repeatedly", "reportedly", "publicly", "privately", "once", "still", "now", "already", "even", "just",
    "similarly", "likewise", "firmly", "strongly", "sharply", "openly", "bluntly", "flatly", "categorically",
    "quickly", "immediately", "himself", "herself", "themselves", "itself", "subsequently", "initially",
    "first", "angrily", "simply", "clearly", "explicitly", "formally", "officially", "today", "yesterday",
    "only", "last", "this", "week", "often", "frequently", "always", "however", "too",
];

#[rustfmt::skip]
const AUXS: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "should",
    "may", "might", "must", "can", "did", "does", "do", "not", "n't", "never", "to", "cannot", "shall",
];

#[rustfmt::skip]
const MODALS: &[&str] = &[
    "will", "would", "could", "should", "may", "might", "must", "can", "did", "does", "do", "not", "n't",
    "never", "to", "cannot", "shall", "didn't", "doesn't", "won't", "wouldn't", "couldn't", "shouldn't",
];

#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le",
    "van", "von", "der", "den", "ter", "ten", "y", "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "st", "st.",
    "abu", "bou", "ben", "mac", "dei", "degli", "zu", "af", "e",
];

/// Capitalised words that never start a name (sentence-initial function words, days, months).
#[rustfmt::skip]
const STOPS: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "nor", "however", "meanwhile", "he", "she", "it", "they", "we", "i",
    "you", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "there", "here",
    "in", "on", "at", "for", "with", "from", "by", "as", "after", "before", "during", "while", "when", "if",
    "although", "though", "since", "until", "because", "so", "yet", "also", "still", "then", "now", "today",
    "yesterday", "many", "some", "most", "both", "all", "several", "other", "others", "another", "each",
    "every", "one", "two", "three", "four", "five", "such", "not", "no", "yes", "what", "who", "why", "how",
    "where", "which", "whose", "whom", "speaking", "asked", "according", "despite", "under", "over", "amid",
    "among", "against", "following", "ahead", "without", "within", "through", "across", "last", "next", "first",
    "second", "third", "earlier", "later", "instead", "indeed", "thus", "therefore", "moreover", "furthermore",
    "only", "even", "just", "like", "unlike", "to", "of", "into", "onto", "upon", "about", "around", "near",
    "beyond", "addressing", "thanks", "citing", "quoting", "dear", "hello", "oh", "well", "okay", "please",
    "sorry", "thank", "let", "would", "could", "should", "will", "can", "may", "might", "must", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "jan", "jan.", "feb", "feb.", "aug", "aug.",
    "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.", "officials", "analysts", "critics", "experts",
    "sources", "diplomats", "residents", "witnesses", "observers", "people", "police", "authorities",
    "government", "reporters", "journalists", "everyone", "nobody", "somebody", "someone", "anyone", "nothing",
    "something", "everything", "again", "whether", "once", "neither", "either", "any", "none", "much", "more",
    "less", "few", "own", "same", "very", "too", "already", "always", "never", "often", "perhaps", "maybe",
    "overall", "whatever", "whoever", "altogether", "finally", "recently", "currently", "separately",
    "additionally", "elsewhere", "otherwise", "regardless", "nonetheless", "nevertheless", "rather", "together",
    "tomorrow", "tonight", "update", "updated", "watch", "read", "related", "photo", "video", "advertisement",
    "breaking", "exclusive", "analysis", "opinion", "editorial", "comment", "comments", "reporting", "editing",
    "writing", "additional", "source", "copyright", "share", "click", "subscribe", "sign", "follow", "see",
    "look", "note", "notes", "q", "a.", "q.", "mr", "mrs", "ms", "dr", "north", "south", "east", "west", "new",
    "old", "big", "great", "good", "bad", "high", "low", "top", "key", "major", "minor", "full", "half", "part",
    "year", "years", "day", "days", "week", "month", "time", "times", "world", "news", "state", "city",
    "country", "region", "area", "national", "global", "international", "local", "foreign", "domestic",
    "public", "private", "official", "says", "said",
];

#[rustfmt::skip]
const MASCS: &[&str] = &[
    "mr", "mr.", "spokesman", "chairman", "congressman", "councilman", "king", "prince", "sir", "lord",
    "father", "emir", "sheikh", "pope", "he", "his", "him", "brother", "son", "husband", "businessman",
];

#[rustfmt::skip]
const FEMS: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "queen",
    "princess", "dame", "lady", "she", "her", "sister", "daughter", "wife", "businesswoman",
];

#[rustfmt::skip]
const CONJS: &[&str] = &[
    "and", "but", "while", "whereas", "as", "although", "though", "whilst",
];

/// Nouns that report what a possessor said ("Xi's remarks", "criticism by Shoygu").
#[rustfmt::skip]
const NOUN_CUES: &[&str] = &[
    "remarks", "remark", "comments", "comment", "statement", "statements", "speech", "words", "criticism",
    "warning", "warnings", "claims", "claim", "accusation", "accusations", "assertion", "assertions",
    "testimony", "tweet", "tweets",
];

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "president",
    "sen", "sen.", "sens", "sens.", "senator", "rep", "rep.", "reps", "reps.", "representative", "gov", "gov.",
    "governor", "secretary", "chancellor", "premier", "minister", "mayor", "judge", "justice", "gen", "gen.",
    "general", "adm", "adm.", "admiral", "col", "col.", "colonel", "lt", "lt.", "sgt", "sgt.", "capt", "capt.",
    "king", "queen", "pope", "prince", "princess", "sheikh", "emir", "speaker", "rev", "rev.", "ambassador",
    "commissioner", "chairman", "chairwoman", "congressman", "congresswoman", "councilman", "councilwoman",
    "sir", "dame", "lord", "lady", "spokesman", "spokeswoman", "spokesperson",
];

#[rustfmt::skip]
const RELATIVES: &[&str] = &[
    "who", "whose", "which", "whom",
];

#[rustfmt::skip]
const PEOPLES: &[&str] = &[
    "people", "person", "persons", "individuals", "sources", "source", "officials",
];

#[rustfmt::skip]
const ABBREVS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "rev", "hon", "st", "jr", "sr", "sens", "reps", "mt", "ft", "no", "vs", "etc", "inc", "corp", "co", "ltd",
    "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.u", "a.m", "p.m", "d.c", "n.y", "calif", "fla", "mass", "ariz", "wash", "ind", "pa", "ill",
    "mich", "minn", "ky", "tenn", "va", "ga", "la", "mo", "md", "conn", "okla", "ore", "wis", "ala", "miss",
    "colo", "nev", "neb", "kan", "ark", "del", "vt", "wyo", "approx", "dept", "govt", "est", "ave", "blvd",
];

fn add(map: &mut WordMap<u32>, words: &[&'static str], flag: u32) {
    for word in words {
        *map.entry(word).or_insert(0) |= flag;
    }
}

static FLAGS: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    add(&mut map, DETS, DET);
    add(&mut map, PRONOUNS, PRONOUN);
    add(&mut map, TITLES, TITLE);
    add(&mut map, MODS, MOD);
    add(&mut map, ROLES, ROLE);
    add(&mut map, UNNAMEDS, UNNAMED);
    add(&mut map, PLURALS, UNNAMED | PLURAL);
    add(&mut map, ORGHEADS, ORGHEAD);
    add(&mut map, PREPS, PREP);
    add(&mut map, TIMES, TIME);
    add(&mut map, ADVS, ADV);
    add(&mut map, AUXS, AUX);
    add(&mut map, MODALS, MODAL);
    add(&mut map, PARTICLES, PARTICLE);
    add(&mut map, STOPS, STOP);
    add(&mut map, MASCS, MASC);
    add(&mut map, FEMS, FEM);
    add(&mut map, &["that"], THAT);
    add(&mut map, CONJS, CONJ);
    add(&mut map, NOUN_CUES, NOUN_CUE);
    add(&mut map, RELATIVES, RELATIVE);
    add(&mut map, PEOPLES, PEOPLE);
    add(&mut map, ABBREVS, ABBREV);
    add(&mut map, HONORIFICS, HONORIFIC);
    map
});

/// ASCII-lowercases `word` into `buf` and returns it, or `None` when the word cannot be in any
/// lexicon (non-ASCII or too long), which spares an allocation per token.
pub(crate) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// Normalises a typographic apostrophe to ASCII so "Russia’s" and "Russia's" look alike. Returns
/// the word unchanged when it has none.
pub(crate) fn plain_apostrophes(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('’') {
        std::borrow::Cow::Owned(word.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// The word-class bits of one word (case-insensitive; a possessive `'s` is ignored).
pub(crate) fn flags_of(word: &str) -> u32 {
    let word = plain_apostrophes(word);
    let base = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(&word);
    let mut buf = [0u8; 32];
    match ascii_lower(base, &mut buf) {
        Some(lower) => FLAGS.get(lower).copied().unwrap_or(0),
        None => 0,
    }
}

/// Whether the lowercase form of `word` (without a trailing period) is a known abbreviation, so
/// that its period belongs to the word rather than ending a sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 32];
    ascii_lower(word, &mut buf)
        .is_some_and(|lower| FLAGS.get(lower).is_some_and(|f| f & ABBREV != 0))
}

/// Lowercase "-ly" words that are not adverbs.
#[rustfmt::skip]
const NOT_ADVERBS: &[&str] = &[
    "reply", "supply", "family", "ally", "rally", "assembly", "italy", "july", "belly", "bully", "jelly", "fly",
    "apply", "comply", "imply", "multiply", "rely", "anomaly", "monopoly", "holy", "ugly", "early", "only",
];

/// Whether a lowercase word is an adverb by its "-ly" ending.
pub(crate) fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_ADVERBS.contains(&word)
}

/// Maps a ministry's domain words to the canonical ministry name tail: "foreign" → "Foreign
/// Affairs", "defense" → "Defence".
pub(crate) fn ministry_domain(words: &[String]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let joined = lower.join(" ");
    let canonical = match joined.as_str() {
        "" => return None,
        "foreign" | "foreign affairs" | "external affairs" => "Foreign Affairs".to_string(),
        "defence" | "defense" | "national defense" | "national defence" => "Defence".to_string(),
        _ => words
            .iter()
            .map(|w| {
                let mut chars = w.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    Some(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_case_insensitive_and_ignore_possessives() {
        assert_ne!(flags_of("Minister") & TITLE, 0);
        assert_ne!(flags_of("minister’s") & ROLE, 0);
        assert_ne!(flags_of("Officials") & (UNNAMED | PLURAL), 0);
        assert_eq!(flags_of("Shoigu"), 0);
        assert_eq!(flags_of("Москва"), 0);
        assert!(is_abbreviation("U.S"));
        assert!(is_ly_adverb("repeatedly"));
        assert!(!is_ly_adverb("family"));
        assert_eq!(
            ministry_domain(&["foreign".into()]).as_deref(),
            Some("Foreign Affairs")
        );
        assert_eq!(
            ministry_domain(&["Commerce".into()]).as_deref(),
            Some("Commerce")
        );
    }
}
