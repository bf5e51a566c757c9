//! The tagging pipeline for one article: match, aggregate entities, derive countries, resolve
//! the source, attribute quotes.

use std::collections::BTreeSet;

use chrono::Datelike;
use newsfacet_article::Article;

use crate::entities::{self, NameLexicon};
use crate::matcher::MatcherError;
use crate::{attribution, source, tagged_text, CountryRef, Matcher, Mention, Speaker, Tags};
use newsfacet_gazetteer::{EntityType, Entry, Gazetteer};

/// Organization kinds that stand for their country; publishers and companies do not.
const NATIONAL_BODY_KINDS: &[&str] = &["government", "military"];

/// Tags articles with one shared gazetteer and automaton. Cheap to share across threads.
#[derive(Debug)]
pub struct Tagger {
    gazetteer: Gazetteer,
    matcher: Matcher,
    names: NameLexicon,
}

impl Tagger {
    /// Compiles the matcher for `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, MatcherError> {
        let matcher = Matcher::new(&gazetteer)?;
        let names = NameLexicon::new(
            &gazetteer,
            newsfacet_gazetteer::words::GIVEN_NAMES,
            newsfacet_gazetteer::words::ORDINARY_WORDS,
        );
        Ok(Tagger {
            gazetteer,
            matcher,
            names,
        })
    }

    /// The gazetteer behind this tagger.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The compiled matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Tags one article.
    pub fn tag(&self, article: &Article) -> Tags {
        let text = tagged_text(&article.title, &article.body);
        let mut found = self.matcher.find(&text);
        entities::choose_by_context(&text, &mut found, &self.matcher, &self.gazetteer);
        entities::place_in_state(&text, &mut found, &self.matcher, &self.gazetteer);
        let year = article.published.map(|date| date.year());
        let people = entities::people::fit_people(
            &text,
            &mut found,
            &self.matcher,
            &self.gazetteer,
            &self.names,
            year,
        );
        let resolved = entities::resolve(&text, &found, &self.gazetteer, &self.names);
        let mut quotes = attribution::attribute(&text, &resolved.mentions, &self.gazetteer);
        people.rename_speakers(&mut quotes);
        let speakers: BTreeSet<Speaker> = quotes
            .iter()
            .filter_map(|q| {
                let name = q.speaker.clone()?;
                Some(Speaker {
                    name,
                    entity_type: q.speaker_type.unwrap_or(EntityType::Person),
                })
            })
            .collect();
        let source = source::detect_source(article, &self.gazetteer);
        let origin = source::detect_origin(article, &self.gazetteer, source.as_deref());
        Tags {
            source,
            origin,
            speakers: speakers.into_iter().collect(),
            countries: self.countries(resolved.mentions.iter().chain(&resolved.inner_places)),
            entities: resolved.entities,
            quotes,
            story_signature: crate::story::Signature::of_text(&article.body),
        }
    }

    /// Countries named directly, through a demonym, through a place whose country is known, or
    /// through a national body ("the Chinese coast guard", "the Kremlin").
    fn countries<'m>(&self, mentions: impl Iterator<Item = &'m Mention>) -> Vec<CountryRef> {
        let codes: BTreeSet<&str> = mentions
            .filter_map(|m| {
                let entry = self.gazetteer.entry(m.entry);
                let counts = entry.entity_type == EntityType::Place
                    || (entry.entity_type == EntityType::Organization
                        && NATIONAL_BODY_KINDS.contains(&entry.kind.as_str()));
                counts.then_some(entry.country.as_deref()).flatten()
            })
            .collect();
        let mut countries: Vec<CountryRef> = codes
            .into_iter()
            .filter_map(|code| self.gazetteer.country(code))
            .filter_map(country_ref)
            .collect();
        countries.sort();
        countries
    }
}

fn country_ref(entry: &Entry) -> Option<CountryRef> {
    Some(CountryRef {
        name: entry.name.clone(),
        code: entry.country.clone()?,
    })
}
