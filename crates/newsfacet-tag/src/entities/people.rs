//! Whether a gazetteer person fits a mention: the given names must agree and the article's
//! date must fit the person's life and offices. Otherwise the name stays as written instead of
//! becoming a famous namesake.
//!
//! It runs on the matcher's output, before entity resolution, and decides once per article:
//!
//! * a surname after a given name that is none of the entry's names is another person
//!   ("Gerhard Stoltenberg" is not Jens Stoltenberg): the match is dropped;
//! * a surname alone (or after a title) refers to the person the article names in full, so
//!   when it names someone else with that surname, the gazetteer's namesake is out; a title
//!   the entry holds names it all the same ("President Obama" next to "Michelle Obama") unless
//!   the namesake carries that title too, and an honorific of the other gender never does
//!   ("Mrs. Obama" is not Barack Obama);
//! * a person born after the article was written is never meant; one not yet active then
//!   (under [`ADULT_AGE`], or well before the first office) is not meant by a surname alone.
//!   Another entry of the same alias that fits is taken instead, if there is one.
//!
//! Attribution looks names up in the gazetteer by their text too, so the speakers it finds are
//! renamed afterwards with [`PeopleFit::rename_speakers`].

use std::collections::{BTreeSet, HashMap};

use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, Entry, EntryId, Gazetteer};

use super::lexicon::NameLexicon;
use crate::matcher::{Matcher, Mention, MentionVia};
use crate::text::lexicon as lex;
use crate::text::words::{self as text_words, Word};
use crate::Quote;

/// Below this age a person is not yet the public figure the gazetteer knows.
pub(crate) const ADULT_AGE: i32 = 20;

/// People are in the news a few years before their first office (campaigns, nominations,
/// junior posts the data does not list).
pub(crate) const YEARS_BEFORE_OFFICE: i32 = 3;

/// How many name words before a surname make up a written full name ("Gerhard M.").
const MAX_GIVEN_WORDS: usize = 3;

/// Gazetteer people ruled out for one article, with the name their speakers take instead.
#[derive(Debug, Default)]
pub(crate) struct PeopleFit {
    /// Canonical name of a ruled-out entry → the name that replaces it.
    renamed: HashMap<String, String>,
}

impl PeopleFit {
    /// Attribution resolves written names through the gazetteer as well: a speaker that is a
    /// ruled-out person becomes the person the article means, or the name as written.
    pub(crate) fn rename_speakers(&self, quotes: &mut [Quote]) {
        if self.renamed.is_empty() {
            return;
        }
        for quote in quotes {
            let replacement = quote
                .speaker
                .as_ref()
                .and_then(|speaker| self.renamed.get(speaker));
            if let Some(name) = replacement {
                quote.speaker = Some(name.clone());
            }
        }
    }
}

/// How a person match names its entry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Form {
    /// The full name, or a surname after a given name the entry has.
    Full,
    /// A surname alone, or after title words (folded: "finance", "minister"), which name the
    /// entry when one of its roles has them all ("President Obama").
    Alone(Vec<String>),
    /// A surname after a given name the entry does not have: someone else, written so, with
    /// the title words before the given name.
    Other(String, Vec<String>),
}

/// Whether `entry` can be meant by an article written in `year`: born by then.
pub(crate) fn born_by(entry: &Entry, year: i32) -> bool {
    entry.born.is_none_or(|born| i32::from(born) <= year)
}

/// Whether `entry` was a public figure in `year`: born by then, an adult, and not long before
/// the first office when office years are known.
pub(crate) fn active_in(entry: &Entry, year: i32) -> bool {
    born_by(entry, year)
        && entry
            .born
            .is_none_or(|born| year - i32::from(born) >= ADULT_AGE)
        && entry
            .first_office()
            .is_none_or(|first| year >= i32::from(first) - YEARS_BEFORE_OFFICE)
}

/// Drops or re-points the person matches of `mentions` that do not fit the article (see the
/// module comment); `year` is the article's, when known. Undated articles are judged by names
/// alone.
pub(crate) fn fit_people(
    text: &str,
    mentions: &mut Vec<Mention>,
    matcher: &Matcher,
    gazetteer: &Gazetteer,
    names: &NameLexicon,
    year: Option<i32>,
) -> PeopleFit {
    let mut fit = PeopleFit::default();
    let is_person = |m: &Mention| {
        m.via == MentionVia::Name && gazetteer.entry(m.entry).entity_type == EntityType::Person
    };
    if !mentions.iter().any(is_person) {
        return fit;
    }
    let words = text_words::words(text);
    let forms: Vec<Option<Form>> = mentions
        .iter()
        .map(|m| is_person(m).then(|| form(text, &words, m, gazetteer.entry(m.entry), names)))
        .collect();

    // Who the article names in full: entries, and written names by their folded surname.
    let mut full_entries: BTreeSet<EntryId> = BTreeSet::new();
    let mut full_by_surname: HashMap<String, BTreeSet<String>> = HashMap::new();
    // Title words given to those other people ("Finance Minister Gerhard Stoltenberg").
    let mut other_titles: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (m, form) in mentions.iter().zip(&forms) {
        let surface = &text[m.start..m.end];
        match form {
            Some(Form::Full) => {
                full_entries.insert(m.entry);
                if let Some(surname) = surface.split_whitespace().last() {
                    full_by_surname
                        .entry(fold(surname))
                        .or_default()
                        .insert(gazetteer.entry(m.entry).name.clone());
                }
            }
            Some(Form::Other(name, titles)) => {
                full_by_surname
                    .entry(fold(surface))
                    .or_default()
                    .insert(name.clone());
                other_titles
                    .entry(fold(surface))
                    .or_default()
                    .extend(titles.iter().cloned());
            }
            _ => {}
        }
    }

    // "President Obama" names the gazetteer's president even when "Michelle Obama" is named in
    // full, unless the namesake carries one of those title words too.
    for (m, form) in mentions.iter().zip(&forms) {
        let Some(Form::Alone(titles)) = form else {
            continue;
        };
        let entry = gazetteer.entry(m.entry);
        let shared = other_titles
            .get(&fold(&text[m.start..m.end]))
            .is_some_and(|others| titles.iter().any(|t| others.contains(t)));
        if !shared && holds_title(entry, titles) && year.is_none_or(|y| active_in(entry, y)) {
            full_entries.insert(m.entry);
        }
    }
    let mut keep = vec![true; mentions.len()];
    // Ruled-out entries: the names their references stand for instead, and the alias written.
    let mut ruled_out: HashMap<EntryId, (BTreeSet<String>, String)> = HashMap::new();
    for (index, form) in forms.iter().enumerate() {
        let Some(form) = form else {
            continue;
        };
        let mention = mentions[index];
        let entry = gazetteer.entry(mention.entry);
        let surface = &text[mention.start..mention.end];
        let fits = |entry: &Entry| match (form, year) {
            (_, None) => true,
            (Form::Full, Some(year)) => born_by(entry, year),
            (_, Some(year)) => active_in(entry, year),
        };
        let verdict = match form {
            Form::Other(name, _) => Verdict::Someone(name.clone()),
            Form::Full if fits(entry) => Verdict::Keep,
            Form::Full => Verdict::Unfit,
            // "Mrs. Obama" is not Barack Obama, whoever else the article names.
            Form::Alone(titles)
                if entry.gender.is_some()
                    && honorific_gender(titles)
                        .is_some_and(|g| Some(g) != entry.gender.as_deref()) =>
            {
                match full_by_surname
                    .get(&fold(surface))
                    .map(|names| {
                        names
                            .iter()
                            .filter(|name| **name != entry.name)
                            .collect::<Vec<_>>()
                    })
                    .as_deref()
                {
                    Some([one]) => Verdict::Someone((*one).clone()),
                    _ => Verdict::Someone(surface.to_string()),
                }
            }
            Form::Alone(_) if full_entries.contains(&mention.entry) && fits_birth(entry, year) => {
                Verdict::Keep
            }
            Form::Alone(_) => {
                let others: Vec<&String> = full_by_surname
                    .get(&fold(surface))
                    .into_iter()
                    .flatten()
                    .filter(|name| **name != entry.name)
                    .collect();
                match others.as_slice() {
                    [] if fits(entry) => Verdict::Keep,
                    [] => Verdict::Unfit,
                    [one] => Verdict::Someone((*one).clone()),
                    // Several people of the name: the surname alone cannot say which.
                    _ => Verdict::Someone(surface.to_string()),
                }
            }
        };
        let replacement = match verdict {
            Verdict::Keep => continue,
            Verdict::Someone(name) => name,
            Verdict::Unfit => {
                // Another entry of the same alias may fit where this one does not.
                let other = matcher.candidates(surface).iter().find(|&&(id, via)| {
                    id != mention.entry
                        && via == MentionVia::Name
                        && gazetteer.entry(id).entity_type == EntityType::Person
                        && fits(gazetteer.entry(id))
                });
                match other {
                    Some(&(id, _)) => {
                        mentions[index].entry = id;
                        gazetteer.entry(id).name.clone()
                    }
                    None => surface.to_string(),
                }
            }
        };
        // Kept only when it now points to another entry.
        keep[index] = mentions[index].entry != mention.entry;
        ruled_out
            .entry(mention.entry)
            .or_insert_with(|| (BTreeSet::new(), surface.to_string()))
            .0
            .insert(replacement);
    }
    let mut flags = keep.into_iter();
    mentions.retain(|_| flags.next().unwrap_or(true));
    for (id, (names, surface)) in ruled_out {
        // An entry still named somewhere in the article is not renamed anywhere.
        if mentions.iter().any(|m| m.entry == id) {
            continue;
        }
        let name = match names.len() {
            1 => names.into_iter().next().unwrap_or(surface),
            _ => surface,
        };
        fit.renamed.insert(gazetteer.entry(id).name.clone(), name);
    }
    fit
}

/// What becomes of one person match.
enum Verdict {
    /// It names the entry.
    Keep,
    /// It names someone else: this name as written.
    Someone(String),
    /// The entry does not fit the article's date.
    Unfit,
}

/// Whether the article's year, if known, comes after the person's birth.
fn fits_birth(entry: &Entry, year: Option<i32>) -> bool {
    year.is_none_or(|year| born_by(entry, year))
}

/// Whether every title word is a word of one of the entry's roles ("President" of "former
/// President of the United States"); never for no title words.
fn holds_title(entry: &Entry, titles: &[String]) -> bool {
    !titles.is_empty()
        && entry.roles.iter().any(|role| {
            let words: BTreeSet<String> = role
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(fold)
                .collect();
            titles.iter().all(|t| words.contains(t))
        })
}

/// The gender an honorific among the title words gives ("Mr." `m`, "Mrs." `f`), as entries
/// write it.
fn honorific_gender(titles: &[String]) -> Option<&'static str> {
    titles.iter().find_map(|t| {
        let flags = lex::flags_of(t);
        if flags & lex::FEM != 0 {
            Some("f")
        } else if flags & lex::MASC != 0 {
            Some("m")
        } else {
            None
        }
    })
}

/// The title words written right before word `at` ("Finance Minister"), folded.
fn titles_before(text: &str, words: &[Word], at: usize) -> Vec<String> {
    let mut titles = Vec::new();
    let mut k = at;
    while k > 0 && at - k < MAX_GIVEN_WORDS {
        let before = &words[k - 1];
        if !before.joined_to_next || before.possessive || before.flags & lex::TITLE == 0 {
            break;
        }
        titles.push(fold(text[before.start..before.end].trim_end_matches('.')));
        k -= 1;
    }
    titles
}

/// How the person match `m` names `entry`: by the number of its words and the name words
/// written before it.
fn form(text: &str, words: &[Word], m: &Mention, entry: &Entry, names: &NameLexicon) -> Form {
    if text[m.start..m.end].split_whitespace().nth(1).is_some() {
        return Form::Full;
    }
    let Some(at) = words.iter().position(|w| w.start == m.start) else {
        return Form::Alone(Vec::new());
    };
    // The given names and initials written right before the surname, nearest last.
    let mut first = at;
    while first > 0 && at - first < MAX_GIVEN_WORDS {
        let before = &words[first - 1];
        let word = &text[before.start..before.end];
        let given = before.capitalised
            && before.joined_to_next
            && !before.possessive
            && before.flags & (lex::TITLE | lex::STOP) == 0
            // A capitalised word before a middle initial is a given name too ("Rudolph W.").
            && (before.initial || names.is_given_name(word) || words[first].initial);
        if !given {
            break;
        }
        first -= 1;
    }
    if first == at {
        return Form::Alone(titles_before(text, words, at));
    }
    let entry_words: BTreeSet<String> = entry
        .names()
        .flat_map(str::split_whitespace)
        .map(|w| fold(w.trim_end_matches('.')))
        .collect();
    // The first given name or initial must be one of the entry's: "Gerhard" is none of Jens
    // Stoltenberg's, "J." may be John Ratcliffe's. Later ones may be middle names the
    // gazetteer does not list ("George W. Bush").
    let opening = &words[first];
    let written = fold(text[opening.start..opening.end].trim_end_matches('.'));
    let agrees = entry_words.contains(&written)
        || (opening.initial
            && written
                .chars()
                .next()
                .is_some_and(|c| entry_words.iter().any(|name| name.starts_with(c))));
    if agrees {
        Form::Full
    } else {
        let name = &text[words[first].start..m.end];
        Form::Other(
            name.split_whitespace().collect::<Vec<_>>().join(" "),
            titles_before(text, words, first),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;
    use newsfacet_article::{Article, Origin};
    use newsfacet_gazetteer::Tenure;

    fn person(
        id: &str,
        name: &str,
        aliases: &[&str],
        born: Option<u16>,
        offices: &[(u16, Option<u16>)],
    ) -> Entry {
        let mut entry = Entry::new(id, EntityType::Person, "official", name);
        entry.aliases = aliases.iter().map(|a| a.to_string()).collect();
        entry.born = born;
        entry.offices = offices
            .iter()
            .map(|&(from, to)| Tenure { from, to })
            .collect();
        entry
    }

    fn tagger() -> Tagger {
        let mut g = Gazetteer::default();
        g.insert(person(
            "person:jens-stoltenberg",
            "Jens Stoltenberg",
            &["Stoltenberg"],
            Some(1959),
            &[
                (1993, Some(1997)),
                (2000, Some(2001)),
                (2005, Some(2024)),
                (2025, None),
            ],
        ));
        g.insert(person(
            "person:ada-kowalczyk",
            "Ada Kowalczyk",
            &["Kowalczyk"],
            Some(1990),
            &[],
        ));
        g.insert(person(
            "person:tomasz-kowalczyk",
            "Tomasz Kowalczyk",
            &["Kowalczyk"],
            Some(1931),
            &[],
        ));
        g.insert(person(
            "person:lena-brandvold",
            "Lena Brandvold",
            &["Brandvold"],
            None,
            &[],
        ));
        let mut obama = person(
            "person:barack-obama",
            "Barack Obama",
            &["Obama"],
            Some(1961),
            &[(2009, Some(2017))],
        );
        obama.roles = vec!["former President of the United States".into()];
        obama.gender = Some("m".into());
        g.insert(obama);
        let mut bonn = Entry::new("city:bonn", EntityType::Place, "city", "Bonn");
        bonn.country = Some("DE".into());
        g.insert(bonn);
        Tagger::new(g).unwrap()
    }

    fn article(body: &str, published: Option<&str>) -> Article {
        Article {
            id: "test".into(),
            title: String::new(),
            body: body.into(),
            source: None,
            published: published
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            authors: Vec::new(),
            url: None,
            origin: Origin {
                path: "test".into(),
                line: None,
            },
        }
    }

    /// The people of the article as `id=name` and its speakers.
    fn tag(body: &str, published: Option<&str>) -> (Vec<String>, Vec<String>) {
        let tags = tagger().tag(&article(body, published));
        let people = tags
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Person)
            .map(|e| format!("{}={}", e.id, e.name))
            .collect();
        let speakers = tags.speakers.iter().map(|s| s.name.clone()).collect();
        (people, speakers)
    }

    const JENS: &str = "person:jens-stoltenberg=Jens Stoltenberg";

    #[test]
    fn a_surname_alone_in_1987_is_not_the_one_born_in_1959() {
        let (people, speakers) = tag(
            "The finance minister met bankers in Oslo on Monday.\n\"We will not devalue,\" Stoltenberg told reporters.",
            Some("1987-03-03"),
        );
        assert!(!people.contains(&JENS.to_string()), "{people:?}");
        assert_eq!(speakers, vec!["Stoltenberg"]);
    }

    #[test]
    fn a_surname_alone_in_2020_is_still_jens() {
        let (people, speakers) = tag(
            "The alliance met in Brussels on Monday.\n\"We stand together,\" Stoltenberg told reporters.",
            Some("2020-06-16"),
        );
        assert_eq!(people, vec![JENS]);
        assert_eq!(speakers, vec!["Jens Stoltenberg"]);
    }

    #[test]
    fn a_full_name_with_another_given_name_is_one_other_person() {
        for published in [Some("1987-03-03"), None, Some("2020-06-16")] {
            let (people, speakers) = tag(
                "Stoltenberg says Bonn will not raise taxes\n\nBONN, March 3 - Finance Minister Gerhard Stoltenberg said on Tuesday that the government would not raise taxes.\n\"We see no need for a rise,\" Stoltenberg told reporters.",
                published,
            );
            assert_eq!(
                people,
                vec!["person:written:gerhard-stoltenberg=Gerhard Stoltenberg"],
                "{published:?}"
            );
            assert_eq!(speakers, vec!["Gerhard Stoltenberg"], "{published:?}");
        }
    }

    #[test]
    fn a_title_the_entry_holds_names_it_unless_the_namesake_holds_it_too() {
        let (people, speakers) = tag(
            "Michelle Obama hosted the party. President Obama arrived late.\n\"It was fun,\" Mr. Obama told reporters.",
            Some("2015-12-15"),
        );
        assert_eq!(
            people,
            vec![
                "person:written:michelle-obama=Michelle Obama",
                "person:barack-obama=Barack Obama"
            ]
        );
        assert_eq!(speakers, vec!["Barack Obama"]);
        // An honorific of the other gender is never the entry.
        let (people, speakers) = tag(
            "Michelle Obama visited a school.\n\"Read every day,\" Mrs. Obama told pupils.",
            Some("2015-12-15"),
        );
        assert!(
            !people.iter().any(|p| p.starts_with("person:barack-obama")),
            "{people:?}"
        );
        assert_eq!(speakers, vec!["Michelle Obama"]);
        // A middle initial is not the given name that must agree.
        let (people, _) = tag("Barack H. Obama spoke. Obama left.", Some("2015-12-15"));
        assert_eq!(people, vec!["person:barack-obama=Barack Obama"]);
        // Before his time the title does not make him.
        let (people, _) = tag(
            "Michelle Obama hosted the party. President Obama arrived late.",
            Some("1975-12-15"),
        );
        assert!(
            !people.iter().any(|p| p.starts_with("person:barack-obama")),
            "{people:?}"
        );
        // Both finance ministers: the title cannot tell, so it is not the gazetteer's.
        let (people, _) = tag(
            "Finance Minister Gerhard Stoltenberg arrived. Finance Minister Stoltenberg said taxes would not rise.",
            None,
        );
        assert!(!people.contains(&JENS.to_string()), "{people:?}");
    }

    #[test]
    fn the_entry_named_in_full_keeps_its_surname() {
        let (people, _) = tag(
            "Jens Stoltenberg arrived in Oslo. Stoltenberg said the talks went well.",
            Some("1999-05-01"),
        );
        assert_eq!(people, vec![JENS]);
        // Named in full next to a namesake: each keeps his own full name.
        let (people, _) = tag(
            "Jens Stoltenberg met Gerhard Stoltenberg in Oslo.",
            Some("1999-05-01"),
        );
        assert_eq!(
            people,
            vec![
                JENS,
                "person:written:gerhard-stoltenberg=Gerhard Stoltenberg"
            ]
        );
    }

    #[test]
    fn nobody_is_named_before_their_birth() {
        // A full name needs the person born, not yet active; otherwise it stays as written.
        let (people, _) = tag(
            "Ada Kowalczyk opened the exhibition in Warsaw.",
            Some("1985-01-10"),
        );
        assert_eq!(people, vec!["person:written:ada-kowalczyk=Ada Kowalczyk"]);
        let (people, _) = tag(
            "Ada Kowalczyk opened the exhibition in Warsaw.",
            Some("2005-01-10"),
        );
        assert_eq!(people, vec!["person:ada-kowalczyk=Ada Kowalczyk"]);
        // A surname alone needs an adult: at fifteen she is not the one meant, the other
        // Kowalczyk of the alias is.
        let (people, _) = tag(
            "The minister said Kowalczyk would not attend.",
            Some("2005-01-10"),
        );
        assert_eq!(people, vec!["person:tomasz-kowalczyk=Tomasz Kowalczyk"]);
    }

    #[test]
    fn undated_articles_and_unknown_years_keep_the_gazetteer_person() {
        let (people, _) = tag("\"We stand together,\" Stoltenberg told reporters.", None);
        assert_eq!(people, vec![JENS]);
        let (people, _) = tag(
            "\"We stand together,\" Brandvold told reporters.",
            Some("1950-01-01"),
        );
        assert_eq!(people, vec!["person:lena-brandvold=Lena Brandvold"]);
    }

    #[test]
    fn activity_follows_birth_and_offices() {
        let mut jens = person(
            "p",
            "Jens Stoltenberg",
            &[],
            Some(1959),
            &[(1993, Some(1997))],
        );
        jens.roles = vec!["former Secretary General of NATO".into()];
        assert!(holds_title(&jens, &["secretary".into(), "general".into()]));
        assert!(!holds_title(&jens, &["minister".into()]));
        assert!(!holds_title(&jens, &[]));
        assert_eq!(honorific_gender(&["mrs".into()]), Some("f"));
        assert_eq!(honorific_gender(&["mr".into()]), Some("m"));
        assert_eq!(honorific_gender(&["minister".into()]), None);
        assert!(!born_by(&jens, 1958));
        assert!(born_by(&jens, 1959));
        assert!(!active_in(&jens, 1987));
        assert!(active_in(&jens, 1990));
        let unknown = person("q", "Lena Brandvold", &[], None, &[]);
        assert!(active_in(&unknown, 1900));
        let young = person("r", "Ada Kowalczyk", &[], Some(1990), &[]);
        assert!(!active_in(&young, 2009));
        assert!(active_in(&young, 2010));
    }
}
