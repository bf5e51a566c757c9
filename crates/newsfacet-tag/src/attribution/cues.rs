//! The cue lexicon: speech verbs in all their inflections, as data.
//!
//! Each verb says what it needs to count as a speech cue. "Said" always reports speech; "added"
//! only with a reported clause ("added that…", "…," he added) because "the EU added several
//! vessels" is not speech; "called" only as "called for/on/it"; "described" only with "as".

use std::sync::LazyLock;

use super::lexicon::{ascii_lower, WordMap};

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
    pub req: Req,
    /// Takes an object before its clause ("told reporters that…", "urged donors to…").
    pub object: bool,
    /// The base form is accepted as a plural present in body text ("analysts say").
    pub plural: bool,
}

const fn verb(
    lemma: &'static str,
    forms: [&'static str; 5],
    req: Req,
    object: bool,
    plural: bool,
) -> CueVerb {
    CueVerb {
        lemma,
        forms,
        req,
        object,
        plural,
    }
}

use Req::{Any, Clause};

/// Every speech verb attribution knows.
#[rustfmt::skip]
pub(crate) const CUE_VERBS: &[CueVerb] = &[
    verb("say", ["say", "says", "said", "said", "saying"], Any, false, true),
    verb("tell", ["tell", "tells", "told", "told", "telling"], Any, true, true),
    verb("add", ["add", "adds", "added", "added", "adding"], Clause, false, false),
    verb("state", ["state", "states", "stated", "stated", "stating"], Clause, false, false),
    verb("note", ["note", "notes", "noted", "noted", "noting"], Clause, false, true),
    verb("warn", ["warn", "warns", "warned", "warned", "warning"], Any, true, true),
    verb("stress", ["stress", "stresses", "stressed", "stressed", "stressing"], Any, false, false),
    verb("emphasize", ["emphasize", "emphasizes", "emphasized", "emphasized", "emphasizing"], Any, false, false),
    verb("emphasise", ["emphasise", "emphasises", "emphasised", "emphasised", "emphasising"], Any, false, false),
    verb("affirm", ["affirm", "affirms", "affirmed", "affirmed", "affirming"], Any, false, false),
    verb("reaffirm", ["reaffirm", "reaffirms", "reaffirmed", "reaffirmed", "reaffirming"], Any, false, false),
    verb("accuse", ["accuse", "accuses", "accused", "accused", "accusing"], Any, true, true),
    verb("argue", ["argue", "argues", "argued", "argued", "arguing"], Any, false, true),
    verb("claim", ["claim", "claims", "claimed", "claimed", "claiming"], Any, false, true),
    verb("insist", ["insist", "insists", "insisted", "insisted", "insisting"], Any, false, true),
    verb("announce", ["announce", "announces", "announced", "announced", "announcing"], Any, false, false),
    verb("urge", ["urge", "urges", "urged", "urged", "urging"], Any, true, true),
    verb("deny", ["deny", "denies", "denied", "denied", "denying"], Any, false, true),
    verb("confirm", ["confirm", "confirms", "confirmed", "confirmed", "confirming"], Any, false, false),
    verb("reiterate", ["reiterate", "reiterates", "reiterated", "reiterated", "reiterating"], Any, false, false),
    verb("restate", ["restate", "restates", "restated", "restated", "restating"], Any, false, false),
    verb("suggest", ["suggest", "suggests", "suggested", "suggested", "suggesting"], Clause, false, true),
    verb("explain", ["explain", "explains", "explained", "explained", "explaining"], Any, false, false),
    verb("declare", ["declare", "declares", "declared", "declared", "declaring"], Any, false, false),
    verb("acknowledge", ["acknowledge", "acknowledges", "acknowledged", "acknowledged", "acknowledging"], Any, false, true),
    verb("admit", ["admit", "admits", "admitted", "admitted", "admitting"], Any, false, true),
    verb("vow", ["vow", "vows", "vowed", "vowed", "vowing"], Any, false, false),
    verb("pledge", ["pledge", "pledges", "pledged", "pledged", "pledging"], Any, false, false),
    // "promised to cut taxes" is a public promise, like "pledged to".
    verb("promise", ["promise", "promises", "promised", "promised", "promising"], Any, false, false),
    verb("dismiss", ["dismiss", "dismisses", "dismissed", "dismissed", "dismissing"], Any, false, false),
    verb("criticize", ["criticize", "criticizes", "criticized", "criticized", "criticizing"], Any, false, false),
    verb("criticise", ["criticise", "criticises", "criticised", "criticised", "criticising"], Any, false, false),
    verb("condemn", ["condemn", "condemns", "condemned", "condemned", "condemning"], Any, false, false),
    verb("welcome", ["welcome", "welcomes", "welcomed", "welcomed", "welcoming"], Any, false, false),
    verb("praise", ["praise", "praises", "praised", "praised", "praising"], Any, false, false),
    verb("hail", ["hail", "hails", "hailed", "hailed", "hailing"], Any, false, false),
    verb("express", ["express", "expresses", "expressed", "expressed", "expressing"], Any, false, false),
    verb("assert", ["assert", "asserts", "asserted", "asserted", "asserting"], Any, false, true),
    verb("maintain", ["maintain", "maintains", "maintained", "maintained", "maintaining"], Clause, false, true),
    verb("contend", ["contend", "contends", "contended", "contended", "contending"], Any, false, true),
    verb("predict", ["predict", "predicts", "predicted", "predicted", "predicting"], Clause, false, true),
    verb("reply", ["reply", "replies", "replied", "replied", "replying"], Any, false, false),
    verb("respond", ["respond", "responds", "responded", "responded", "responding"], Clause, false, false),
    verb("retort", ["retort", "retorts", "retorted", "retorted", "retorting"], Any, false, false),
    verb("counter", ["counter", "counters", "countered", "countered", "countering"], Clause, false, false),
    verb("comment", ["comment", "comments", "commented", "commented", "commenting"], Clause, false, false),
    verb("remark", ["remark", "remarks", "remarked", "remarked", "remarking"], Clause, false, false),
    verb("write", ["write", "writes", "wrote", "written", "writing"], Clause, false, false),
    verb("tweet", ["tweet", "tweets", "tweeted", "tweeted", "tweeting"], Any, false, false),
    verb("post", ["post", "posts", "posted", "posted", "posting"], Clause, false, false),
    verb("quip", ["quip", "quips", "quipped", "quipped", "quipping"], Any, false, false),
    verb("joke", ["joke", "jokes", "joked", "joked", "joking"], Clause, false, false),
    verb("caution", ["caution", "cautions", "cautioned", "cautioned", "cautioning"], Any, true, true),
    verb("concede", ["concede", "concedes", "conceded", "conceded", "conceding"], Any, false, true),
    verb("complain", ["complain", "complains", "complained", "complained", "complaining"], Any, false, true),
    verb("lament", ["lament", "laments", "lamented", "lamented", "lamenting"], Any, false, false),
    verb("recall", ["recall", "recalls", "recalled", "recalled", "recalling"], Clause, false, false),
    verb("describe", ["describe", "describes", "described", "described", "describing"], Req::As, false, true),
    verb("call", ["call", "calls", "called", "called", "calling"], Req::Particle(&["for", "on", "upon", "it"]), false, false),
    verb("point", ["point", "points", "pointed", "pointed", "pointing"], Req::Particle(&["out"]), false, true),
    verb("ask", ["ask", "asks", "asked", "asked", "asking"], Any, true, false),
    verb("answer", ["answer", "answers", "answered", "answered", "answering"], Any, false, false),
    verb("demand", ["demand", "demands", "demanded", "demanded", "demanding"], Any, false, false),
    verb("allege", ["allege", "alleges", "alleged", "alleged", "alleging"], Clause, false, true),
    // "reported that …" (a clause is needed: "reported a loss" is no speech). Publishers stay
    // relays through the speaker phrase, not through the verb.
    verb("report", ["report", "reports", "reported", "reported", "reporting"], Clause, false, false),
    verb("reveal", ["reveal", "reveals", "revealed", "revealed", "revealing"], Clause, false, false),
    verb("disclose", ["disclose", "discloses", "disclosed", "disclosed", "disclosing"], Clause, false, false),
    // "mentioned the plan in his speech": the speaker brought a topic up.
    verb("mention", ["mention", "mentions", "mentioned", "mentioned", "mentioning"], Any, false, false),
    verb("estimate", ["estimate", "estimates", "estimated", "estimated", "estimating"], Clause, false, true),
    verb("observe", ["observe", "observes", "observed", "observed", "observing"], Clause, false, false),
    verb("conclude", ["conclude", "concludes", "concluded", "concluded", "concluding"], Clause, false, false),
    verb("testify", ["testify", "testifies", "testified", "testified", "testifying"], Clause, false, false),
    verb("boast", ["boast", "boasts", "boasted", "boasted", "boasting"], Clause, false, false),
    verb("assure", ["assure", "assures", "assured", "assured", "assuring"], Any, true, false),
    verb("slam", ["slam", "slams", "slammed", "slammed", "slamming"], Any, false, false),
    verb("blast", ["blast", "blasts", "blasted", "blasted", "blasting"], Any, false, false),
    verb("reject", ["reject", "rejects", "rejected", "rejected", "rejecting"], Clause, false, false),
    // "talked about the economy", "spoke out against the plan", "speaks of a new era": the
    // speaker spoke on a topic; "spoke to reporters" alone reports nothing.
    verb("talk", ["talk", "talks", "talked", "talked", "talking"], Req::Particle(&["about", "of"]), false, false),
    verb("speak", ["speak", "speaks", "spoke", "spoken", "speaking"], Req::Particle(&["about", "of", "out"]), false, false),
    // Manner-of-speaking verbs ("whispered to him: "…"", "shouted", "exclaimed").
    verb("whisper", ["whisper", "whispers", "whispered", "whispered", "whispering"], Any, false, false),
    verb("shout", ["shout", "shouts", "shouted", "shouted", "shouting"], Any, false, false),
    verb("yell", ["yell", "yells", "yelled", "yelled", "yelling"], Any, false, false),
    verb("exclaim", ["exclaim", "exclaims", "exclaimed", "exclaimed", "exclaiming"], Any, false, false),
    verb("mutter", ["mutter", "mutters", "muttered", "muttered", "muttering"], Any, false, false),
    verb("interject", ["interject", "interjects", "interjected", "interjected", "interjecting"], Any, false, false),
    verb("opine", ["opine", "opines", "opined", "opined", "opining"], Any, false, false),
    // "charged that …" (never "was charged with"): a clause is needed.
    verb("charge", ["charge", "charges", "charged", "charged", "charging"], Clause, false, false),
    verb("recount", ["recount", "recounts", "recounted", "recounted", "recounting"], Clause, false, false),
    verb("confide", ["confide", "confides", "confided", "confided", "confiding"], Clause, false, false),
    verb("quote", ["quote", "quotes", "quoted", "quoted", "quoting"], Req::QuotedAs, false, false),
    verb("cite", ["cite", "cites", "cited", "cited", "citing"], Req::QuotedAs, false, false),
    verb("according", ["according", "according", "according", "according", "according"], Req::Particle(&["to"]), false, false),
];

static FORMS: LazyLock<WordMap<(u16, CueForm)>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    for (index, verb) in CUE_VERBS.iter().enumerate() {
        let [base, third, past, participle, gerund] = verb.forms;
        let index = index as u16;
        // Insertion order matters where forms coincide: the past wins over the participle.
        map.entry(gerund).or_insert((index, CueForm::Gerund));
        map.entry(participle)
            .or_insert((index, CueForm::Participle));
        map.insert(past, (index, CueForm::Past));
        map.entry(third).or_insert((index, CueForm::Third));
        map.entry(base).or_insert((index, CueForm::Base));
    }
    map
});

/// The speech verb and inflection `word` is, if any (case-insensitive).
pub(crate) fn lookup(word: &str) -> Option<(u16, CueForm)> {
    let mut buf = [0u8; 32];
    let lower = ascii_lower(word, &mut buf)?;
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
        for verb in CUE_VERBS {
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
