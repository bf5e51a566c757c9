//! What a speaker phrase names: [`classify`] reads the phrase's head — a gazetteer mention, a
//! capitalised name after its titles, an organization ("Taiwan's foreign ministry"), a role
//! description ("the minister"), an unnamed source ("officials"), a pronoun or a news outlet
//! reporting — and [`possessor`] reads the owner of a possessive ("Xi's remarks").

use std::sync::LazyLock;

use crate::matcher::MentionVia;
use newsfacet_gazetteer::words::{self, WordSet};
use newsfacet_gazetteer::{EntityType, EntryId, Gazetteer};

use super::names::*;
use crate::text::doc::Doc;
use crate::text::lexicon::{self as lex, ministry_domain};

/// Decides what the phrase `[s, e)` names, reading its head (the last word).
pub(crate) fn classify(doc: &Doc, gaz: &Gazetteer, s: usize, e: usize) -> Option<Subject> {
    if s >= e || !doc.is_word(e - 1) {
        return None;
    }
    let last = e - 1;
    if doc.is_possessive(last) && !name_ends_in_s(doc, gaz, last) {
        return None;
    }
    let phrase = || normalise(doc.span_text(s, e));
    let weak_place = doc
        .mention(last)
        .is_some_and(|m| gaz.entry(m.entry).entity_type == EntityType::Place)
        && is_name_token(doc, gaz, last)
        && (last > s && !doc.has(s, lex::DET)
            || name_run_start(doc, gaz, s, last).is_some_and(|r| r < last));
    // "Ali al-Khalifa al-Sabah": a place inside a hyphenated particle ("Sabah") is a name's.
    let particle_tail =
        !doc.is_capitalised(last) && crate::text::particles::is_hyphenated(doc.word(last));
    if let Some(m) = doc.mention(last).filter(|_| !weak_place && !particle_tail) {
        let entry = gaz.entry(m.entry);
        if m.via == MentionVia::Demonym {
            // "David French", "Mark Cuban": a demonym after a given name is a surname.
            if last > s && doc.is_capitalised(last) && is_name_token(doc, gaz, last - 1) {
                if let Some(start) = name_run_start(doc, gaz, s, last - 1) {
                    let name = normalise(doc.span_text(start, e));
                    return Some(match resolve_entry(gaz, &name) {
                        Some(entry) => Subject::Entry(entry),
                        None => Subject::Written {
                            name,
                            ty: EntityType::Person,
                        },
                    });
                }
            }
            return Some(Subject::Unnamed(phrase()));
        }
        return Some(match entry.entity_type {
            EntityType::Person => Subject::Entry(m.entry),
            EntityType::Organization if entry.is_publisher() => Subject::Outlet(m.entry),
            // "Democrats said", "Republicans said": some members, not the party speaking.
            EntityType::Organization if members_of(doc, m, &entry.name) => {
                Subject::Unnamed(phrase())
            }
            EntityType::Organization => Subject::Entry(m.entry),
            EntityType::Place => {
                // A place speaking ("Beijing said"): keep the place itself, without "the".
                let first = if doc.has(s, lex::DET) { s + 1 } else { s };
                Subject::Place(normalise(doc.span_text(first.min(last), e)))
            }
        });
    }
    let flags = doc.tokens[last].flags;
    if flags & lex::PRONOUN != 0 && s == last {
        return Some(Subject::Pronoun(pronoun(doc.word(last))));
    }
    if let Some(body) = principal_body(doc, gaz, s, e) {
        return Some(body);
    }
    if let Some(org) = organization(doc, gaz, s, e) {
        return Some(org);
    }
    // "John Major", "Stephen King": a title word after a plain name word is a surname; an
    // acronym never is ("Yellowhead MP" is a constituency's member).
    let surname_title = doc.is_capitalised(last)
        && !doc.is_all_caps(last)
        && flags & (lex::TITLE | lex::ROLE) != 0
        && last > s
        && doc.tokens[last].flags & (lex::ORGHEAD | lex::UNNAMED | lex::PLURAL) == 0
        && is_name_token(doc, gaz, last - 1);
    if flags & (lex::UNNAMED | lex::ROLE | lex::TITLE | lex::PEOPLE) != 0 && !surname_title {
        return describe(doc, gaz, s, last, phrase());
    }
    // "the New York businessman", "the report": a described source the lexicon does not
    // know; never a named speaker.
    let determined = s < last && (doc.has(s, lex::DET) && doc.is_word(s) || doc.is_possessive(s));
    let common_noun = !doc.is_capitalised(last) && doc.word(last).chars().all(char::is_alphabetic);
    if determined && common_noun && flags & (lex::PRONOUN | lex::DET | lex::AUX) == 0 {
        return Some(Subject::Unnamed(phrase()));
    }
    let mut start = if surname_title {
        name_run_start(doc, gaz, s, last - 1)
    } else {
        name_run_start(doc, gaz, s, last)
    }?;
    // "Besides Demi": a word capitalised only because it opens the sentence is no part of
    // the name after it.
    if start < last && is_sentence_opener_word(doc, gaz, start) {
        start += 1;
        while start < last && is_particle(doc, start) && !doc.is_capitalised(start) {
            start += 1;
        }
    }
    // "General Signal said", "General Cinema said": a title that is also an adjective, before
    // ordinary words only, opens a company's name ("General Powell" is a person).
    if let Some(title) = start.checked_sub(1).filter(|&t| t >= s) {
        let opens = title == s || !doc.has(title - 1, lex::TITLE | lex::MOD);
        let adjective_title = doc.is_capitalised(title)
            && doc.has(title, lex::TITLE)
            && !crate::entities::is_personal_title(doc.word(title));
        if opens && adjective_title && (start..e).all(|i| is_ordinary_word(doc, i)) {
            return Some(Subject::Written {
                name: normalise(doc.span_text(title, e)),
                ty: EntityType::Organization,
            });
        }
    }
    let name = normalise(doc.span_text(start, e));
    if name_words(doc, gaz, start, e) + usize::from(surname_title) >= 2 {
        if let Some(entry) = resolve_entry(gaz, &name) {
            return Some(Subject::Entry(entry));
        }
        return Some(Subject::Written {
            name,
            ty: EntityType::Person,
        });
    }
    if let Some(entry) = resolve_entry(gaz, &name) {
        return Some(Subject::Entry(entry));
    }
    let members = gaz.lookup(&name).iter().any(|&id| {
        let entry = gaz.entry(id);
        entry.entity_type == EntityType::Organization && is_members_word(&name, &entry.name)
    });
    if members {
        return Some(Subject::Unnamed(phrase()));
    }
    // "the Kremlin", "the Pentagon", "the EU": a single capitalised word after "the" names a
    // body, unless it is a people ("the Russians").
    if start == s + 1 && doc.is_word(s) && doc.word(s).eq_ignore_ascii_case("the") {
        let singular = name.strip_suffix('s').unwrap_or(&name);
        let is_place = [name.as_str(), singular].iter().any(|n| {
            gaz.lookup(n)
                .iter()
                .any(|&id| gaz.entry(id).entity_type == EntityType::Place)
        });
        return Some(if is_place {
            Subject::Unnamed(phrase())
        } else {
            Subject::Written {
                name,
                ty: EntityType::Organization,
            }
        });
    }
    Some(Subject::Surname(name))
}

/// Whether the possessive-looking word `i` is a name that ends in "'s" ("Moody's",
/// "McDonald's"): the gazetteer's alias covers the whole word.
fn name_ends_in_s(doc: &Doc, gaz: &Gazetteer, i: usize) -> bool {
    doc.mention(i).is_some_and(|m| {
        let entry = gaz.entry(m.entry);
        m.via == MentionVia::Name
            && m.start <= doc.tokens[i].start
            && m.end >= doc.tokens[i].end
            && matches!(
                entry.entity_type,
                EntityType::Organization | EntityType::Person
            )
    })
}

/// Number words that open a sentence capitalised ("Eight said …") and name nobody.
static NUMBER_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::NUMBER_WORDS));

/// Whether the one-word phrase `[s, e)` reads as a proper name the article never spells out in
/// full: capitalised with lowercase letters, no digits, initials or contractions ("I'm"), no
/// "-ly" adverb or "-ing" form, no number word, and never written in lowercase elsewhere in the
/// article (which would make it a common word opening a sentence: "Questions", "Voters").
pub(crate) fn is_unknown_name(doc: &Doc, s: usize, e: usize) -> bool {
    // "Ms. Gao said": an honorific before the name marks a person outright.
    if e == s + 2 && doc.has(s, lex::HONORIFIC) {
        return doc.is_word(s + 1)
            && doc.is_capitalised(s + 1)
            && !doc.is_all_caps(s + 1)
            && doc.tokens[s + 1].flags == 0;
    }
    if e != s + 1 || !doc.is_word(s) || !doc.is_capitalised(s) || doc.is_all_caps(s) {
        return false;
    }
    let word = doc.word(s);
    let lower = word.to_lowercase();
    let shape_ok = word.chars().count() >= 3
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        // Contractions ("I'm", "I've", "We'll"), unlike "O'Neill", end in a short lowercase tail.
        && !word
            .rsplit_once(['\'', '’'])
            .is_some_and(|(_, tail)| tail.len() <= 2 && tail.chars().all(char::is_lowercase))
        && !lower.ends_with("ing")
        && (!lower.ends_with("ly") || lower.len() <= 4)
        && !NUMBER_WORDS.contains(&lower);
    if !shape_ok || doc.tokens[s].flags != 0 {
        return false;
    }
    // "Protestors said": the plural of an ordinary noun names a group, not a person.
    if is_plural_noun(doc, s) {
        return false;
    }
    // The tail of a longer name ("the Foundation for Middle East Peace, who …") is no name on
    // its own.
    let tail = s > 0
        && doc.is_word(s - 1)
        && (doc.is_capitalised(s - 1)
            || matches!(
                doc.word(s - 1),
                "of" | "for" | "and" | "de" | "the" | "von" | "van"
            ));
    // "Chastened by the analyses, …", "Preys on our fears": a verb or participle opening a
    // sentence takes a preposition; a name takes its verb.
    let before_preposition = doc.is_word(e) && !doc.is_capitalised(e) && doc.has(e, lex::PREP);
    if tail || before_preposition {
        return false;
    }
    // A lowercase use anywhere makes it a common word.
    let bytes = doc.text.as_bytes();
    let bounded = |at: usize| {
        let before = doc.text[..at].chars().next_back();
        let after = doc.text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let lowercase_use = doc
        .text
        .match_indices(lower.as_str())
        .any(|(at, _)| bytes.get(at).is_some() && bounded(at));
    !lowercase_use
}

/// Whether an organization mention is a plural word for its members ("Democrats" for the
/// Democratic Party) rather than the body's name.
fn members_of(doc: &Doc, m: &crate::matcher::Mention, name: &str) -> bool {
    is_members_word(&doc.text[m.start..m.end], name)
}

/// A person, or a non-publisher organization, the gazetteer knows under `name`.
fn resolve_entry(gaz: &Gazetteer, name: &str) -> Option<EntryId> {
    gaz.lookup(name).iter().copied().find(|&id| {
        let entry = gaz.entry(id);
        entry.entity_type == EntityType::Person
            || entry.entity_type == EntityType::Organization
                && !entry.is_publisher()
                && !is_members_word(name, &entry.name)
    })
}

/// "Democrats" for the Democratic Party: one plural word that is not part of the body's name.
fn is_members_word(surface: &str, name: &str) -> bool {
    !surface.contains(' ')
        && surface.ends_with('s')
        && !newsfacet_gazetteer::fold::fold(name)
            .contains(&newsfacet_gazetteer::fold::fold(surface))
}

/// A role or source phrase headed by word `h`: unnamed ("a spokesperson", "officials") or a
/// description to resolve ("the minister", "Taiwan's president").
fn describe(doc: &Doc, gaz: &Gazetteer, s: usize, h: usize, phrase: String) -> Option<Subject> {
    let subject = source_noun(doc, s, h, phrase, false)?;
    let Subject::Description(mut description) = subject else {
        return Some(subject);
    };
    for i in s..h {
        if let Some((_, code)) = country_at(doc, gaz, i) {
            description.country = Some(code);
            continue;
        }
        if doc.has(i, lex::DET) && !doc.is_capitalised(i)
            || is_capital_det(doc, i)
            || !doc.is_word(i)
        {
            continue;
        }
        description.mods.push(head_word(doc.word(i)));
    }
    Some(Subject::Description(description))
}

/// `the Obama administration`, `the Clinton campaign`, `O'Malley's campaign`: a body named
/// after the person it serves speaks as an organization under that name ("Obama
/// administration"). The words before the head must all be name words of one person.
fn principal_body(doc: &Doc, gaz: &Gazetteer, s: usize, e: usize) -> Option<Subject> {
    let head = e - 1;
    if !doc.is_word(head) || doc.is_capitalised(head) && head + 1 != e {
        return None;
    }
    let head_word = doc.word(head).to_ascii_lowercase();
    if !matches!(head_word.as_str(), "administration" | "campaign") {
        return None;
    }
    let first = if doc.has(s, lex::DET) && doc.is_word(s) && !doc.is_possessive(s) {
        s + 1
    } else {
        s
    };
    if first >= head || head - first > 3 {
        return None;
    }
    let possessive = doc.is_possessive(head - 1);
    // "the Obama administration" (no possessive) or "O'Malley's campaign" (no determiner).
    if possessive == (first > s) {
        return None;
    }
    let name_ok = (first..head).all(|i| {
        doc.is_capitalised(i)
            && !doc.is_all_caps(i)
            && (is_name_token(doc, gaz, i)
                || doc.is_possessive(i) && i == head - 1
                || doc
                    .mention(i)
                    .is_some_and(|m| gaz.entry(m.entry).entity_type == EntityType::Person))
    });
    if !name_ok {
        return None;
    }
    let name = normalise(doc.span_text(first, head));
    Some(Subject::Written {
        name: format!("{name} {head_word}"),
        ty: EntityType::Organization,
    })
}

/// An organization phrase: "the Kremlin" is a mention and never gets here; this reads
/// "Taiwan's foreign ministry", "China's Ministry of Foreign Affairs", "the State Department",
/// "the ministry".
fn organization(doc: &Doc, gaz: &Gazetteer, s: usize, e: usize) -> Option<Subject> {
    let last = e - 1;
    // The organization head: the last word, or a capitalised head followed only by a
    // capitalised tail ("Ministry of Foreign Affairs").
    let head = if doc.has(last, lex::ORGHEAD) {
        last
    } else if doc.is_capitalised(last) {
        let mut h = None;
        for i in (s..last).rev() {
            let tail_ok = doc.is_capitalised(i) && !doc.has(i, lex::TITLE)
                || doc.is_word(i) && matches!(doc.word(i), "of" | "for" | "and" | "&");
            if doc.has(i, lex::ORGHEAD) && doc.is_capitalised(i) {
                h = Some(i);
                break;
            }
            if !tail_ok {
                break;
            }
        }
        let h = h?;
        // "Defence Ministry spokesperson" is a person; a tail of titles is not an org tail.
        if (h + 1..e).any(|i| doc.has(i, lex::TITLE | lex::ROLE)) {
            return None;
        }
        h
    } else {
        return None;
    };
    // "a Fisheries Agency official" never gets here (the head is "official").
    let mut country: Option<EntryId> = None;
    let mut first = s;
    if doc.has(s, lex::DET) && doc.is_word(s) {
        first = s + 1;
    }
    let mut words_start = first;
    let lower_head = head_word(doc.word(head));
    for i in first..head {
        // "Taiwan's foreign ministry", "the Chinese foreign ministry"; but a demonym is part of
        // other names ("American Motors Corp", "British Airways").
        let possessive_or_ministry = doc.is_possessive(i) || lower_head == "ministry";
        if let Some((id, _)) = country_at(doc, gaz, i).filter(|_| possessive_or_ministry) {
            country = Some(id);
            words_start = i + 1;
        }
    }
    let phrase = normalise(doc.span_text(s, e));
    if lower_head == "ministry" {
        let mut domain: Vec<String> = (words_start..head)
            .filter(|&i| doc.is_word(i) && !doc.is_possessive(i))
            .map(|i| doc.word(i).to_string())
            .collect();
        if doc.is(head + 1, "of") {
            domain = (head + 2..e)
                .filter(|&i| doc.is_word(i))
                .map(|i| doc.word(i).to_string())
                .collect();
        }
        let domain_name = ministry_domain(&domain);
        return Some(match (country, domain_name) {
            (Some(country), Some(domain_name)) => {
                let name = format!("{} Ministry of {domain_name}", gaz.entry(country).name);
                match gaz.resolve(&name, EntityType::Organization) {
                    Some(entry) => Subject::Written {
                        name: entry.name.clone(),
                        ty: EntityType::Organization,
                    },
                    None => Subject::Written {
                        name,
                        ty: EntityType::Organization,
                    },
                }
            }
            _ => Subject::Description(Description {
                head: lower_head,
                mods: domain.iter().map(|w| head_word(w)).collect(),
                country: None,
                phrase,
                org: true,
            }),
        });
    }
    if doc.has(head, lex::UNNAMED) && !doc.is_capitalised(head) {
        // "the Japanese government said", "police said"
        return Some(Subject::Unnamed(phrase));
    }
    let org_words = (words_start..e).filter(|&i| doc.is_word(i)).count();
    if doc.is_capitalised(head) && org_words >= 2 && doc.is_capitalised(words_start) {
        let name = normalise(doc.span_text(words_start, e));
        return Some(match resolve_entry(gaz, &name) {
            Some(entry) => Subject::Entry(entry),
            None => Subject::Written {
                name,
                ty: EntityType::Organization,
            },
        });
    }
    Some(Subject::Description(Description {
        head: lower_head,
        mods: Vec::new(),
        country: None,
        phrase,
        org: true,
    }))
}

/// The possessor at word `p` ("Xi's", "Shoygu's") as a subject: a person or organization only.
pub(crate) fn possessor(doc: &Doc, gaz: &Gazetteer, lo: usize, p: usize) -> Option<Subject> {
    if let Some(m) = doc.mention(p) {
        let entry = gaz.entry(m.entry);
        return match entry.entity_type {
            EntityType::Person => Some(Subject::Entry(m.entry)),
            EntityType::Organization if !entry.is_publisher() => Some(Subject::Entry(m.entry)),
            _ => None,
        };
    }
    let word = normalise(doc.word(p));
    if !doc.is_capitalised(p)
        || doc.has(p, lex::STOP | lex::TITLE | lex::MOD | lex::TIME)
        || doc.is_all_caps(p)
    {
        return None;
    }
    let mut start = p;
    while start > lo && is_name_token(doc, gaz, start - 1) && p - start < 4 {
        start -= 1;
    }
    if start < p {
        let name = normalise(doc.span_text(start, p + 1));
        return Some(match resolve_entry(gaz, &name) {
            Some(entry) => Subject::Entry(entry),
            None => Subject::Written {
                name,
                ty: EntityType::Person,
            },
        });
    }
    Some(match resolve_entry(gaz, &word) {
        Some(entry) => Subject::Entry(entry),
        None => Subject::Surname(word),
    })
}
