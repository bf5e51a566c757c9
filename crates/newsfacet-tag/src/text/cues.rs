//! The cue lexicon: speech verbs in all their inflections, as data (`speech-verbs.txt` of the
//! gazetteer crate's word lists).
//!
//! Each verb says what it needs to count as a speech cue. "Said" always reports speech; "added"
//! only with a reported clause ("added that…", "…," he added) because "the EU added several
//! vessels" is not speech; "called" only as "called for/on/it"; "described" only with "as".

use std::sync::LazyLock;

use newsfacet_gazetteer::words::{self, rows};

use super::lexicon::{ascii_lower_bytes, WordMap};

/// Which inflection of a verb a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueForm {
    /// "say": a plural present in body text, or any present in headlines.
    Base,
    /// "says".
    Third,
    /// "said" (also the participle when identical).
    Past,
    /// "written": only after has/have/had.
    Participle,
    /// "saying": a participial clause ("…, saying the move risked…").
    Gerund,
}

/// What must follow a verb for it to report speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Req {
    /// Any complement.
    Any,
    /// A reported clause: "that", a colon, a comma or a quote next, or an attribution after a quote.
    Clause,
    /// One of these words next ("called for", "pointed out", "according to").
    Particle(&'static [&'static str]),
    /// "as" later in the clause ("described the talks as constructive").
    As,
    /// "X as saying": the quoted person follows ("RIA quoted Shoigu as saying").
    QuotedAs,
}

/// One speech verb.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueVerb {
    /// Dictionary form.
    pub lemma: &'static str,
    /// Base, third person singular, past, past participle, gerund.
    pub forms: [&'static str; 5],
    /// What must follow the verb for it to report speech.
    pub req: Req,
    /// Takes an object before its clause ("told reporters that…", "urged donors to…").
    pub object: bool,
    /// The base form is accepted as a plural present in body text ("analysts say").
    pub plural: bool,
}

/// Every speech verb attribution knows, in the order of `speech-verbs.txt`.
pub(crate) static CUE_VERBS: LazyLock<Vec<CueVerb>> = LazyLock::new(|| {
    rows(words::SPEECH_VERBS)
        .map(|row| parse_verb(&row))
        .collect()
});

/// One row of `speech-verbs.txt`: five forms | requirement | flags.
fn parse_verb(row: &[&'static str]) -> CueVerb {
    let mut forms = [""; 5];
    for (slot, form) in forms.iter_mut().zip(row[0].split_whitespace()) {
        *slot = form;
    }
    let req = match row.get(1).copied().unwrap_or("any") {
        "any" => Req::Any,
        "clause" => Req::Clause,
        "as" => Req::As,
        "quoted-as" => Req::QuotedAs,
        then => {
            let words: Vec<&'static str> = then
                .strip_prefix("then ")
                .unwrap_or_else(|| panic!("speech-verbs.txt: unknown requirement {then:?}"))
                .split_whitespace()
                .collect();
            // Leaked once per verb when the table is built: the table lives for the process.
            Req::Particle(Box::leak(words.into_boxed_slice()))
        }
    };
    let flags = row.get(2).copied().unwrap_or("");
    CueVerb {
        lemma: forms[0],
        forms,
        req,
        object: flags.split_whitespace().any(|f| f == "object"),
        plural: flags.split_whitespace().any(|f| f == "plural"),
    }
}

static FORMS: LazyLock<WordMap<(u16, CueForm)>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    for (index, verb) in CUE_VERBS.iter().enumerate() {
        let [base, third, past, participle, gerund] = verb.forms;
        let index = index as u16;
        // Insertion order matters where forms coincide: the past wins over the participle.
        map.entry(gerund.as_bytes())
            .or_insert((index, CueForm::Gerund));
        map.entry(participle.as_bytes())
            .or_insert((index, CueForm::Participle));
        map.insert(past.as_bytes(), (index, CueForm::Past));
        map.entry(third.as_bytes())
            .or_insert((index, CueForm::Third));
        map.entry(base.as_bytes()).or_insert((index, CueForm::Base));
    }
    map
});

/// The speech verb and inflection `word` is, if any (case-insensitive).
pub(crate) fn lookup(word: &str) -> Option<(u16, CueForm)> {
    let mut buf = [0u8; 32];
    let lower = ascii_lower_bytes(word, &mut buf)?;
    FORMS.get(lower).copied()
}

/// The verb behind a lookup result.
pub(crate) fn verb_of(index: u16) -> &'static CueVerb {
    &CUE_VERBS[index as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_every_inflection() {
        assert_eq!(
            lookup("Said").map(|(v, f)| (verb_of(v).lemma, f)),
            Some(("say", CueForm::Past))
        );
        assert_eq!(lookup("says").map(|(_, f)| f), Some(CueForm::Third));
        assert_eq!(
            lookup("written").map(|(v, f)| (verb_of(v).lemma, f)),
            Some(("write", CueForm::Participle))
        );
        assert_eq!(
            lookup("criticised").map(|(v, _)| verb_of(v).lemma),
            Some("criticise")
        );
        assert_eq!(
            lookup("according").map(|(v, _)| verb_of(v).req),
            Some(Req::Particle(&["to"]))
        );
        assert!(lookup("signed").is_none());
    }

    #[test]
    fn every_verb_has_five_distinct_slots() {
        for verb in CUE_VERBS.iter() {
            assert!(
                verb.forms
                    .iter()
                    .all(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase())),
                "{}",
                verb.lemma
            );
        }
    }
}
