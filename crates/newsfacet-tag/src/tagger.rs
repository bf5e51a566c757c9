//! The tagging pipeline for one article: match, aggregate entities, derive countries, resolve
//! the source, attribute quotes.

use std::collections::{BTreeSet, HashMap};

use newsfacet_article::Article;

use crate::gazetteer::{EntityType, Entry, EntryId};
use crate::matcher::MatcherError;
use crate::{
    attribution, source, tagged_text, CountryRef, EntityCount, Gazetteer, Matcher, Mention,
    MentionVia, Speaker, Tags,
};

/// Organization kinds that stand for their country; publishers and companies do not.
const NATIONAL_BODY_KINDS: &[&str] = &["government", "military"];

/// Tags articles with one shared gazetteer and automaton. Cheap to share across threads.
#[derive(Debug)]
pub struct Tagger {
    gazetteer: Gazetteer,
    matcher: Matcher,
}

impl Tagger {
    /// Compiles the matcher for `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, MatcherError> {
        let matcher = Matcher::new(&gazetteer)?;
        Ok(Tagger { gazetteer, matcher })
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
        let mentions = self.matcher.find(&text);
        let quotes = attribution::attribute(&text, &mentions, &self.gazetteer);
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
        Tags {
            source: source::detect_source(article, &self.gazetteer),
            speakers: speakers.into_iter().collect(),
            countries: self.countries(&mentions),
            entities: self.entities(&text, &mentions),
            quotes,
        }
    }

    /// Countries named directly, through a demonym, through a place whose country is known, or
    /// through a national body ("the Chinese coast guard", "the Kremlin").
    fn countries(&self, mentions: &[Mention]) -> Vec<CountryRef> {
        let codes: BTreeSet<&str> = mentions
            .iter()
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

    /// Entities mentioned by name (not through demonyms), in order of first mention.
    fn entities(&self, text: &str, mentions: &[Mention]) -> Vec<EntityCount> {
        let mut order: Vec<EntryId> = Vec::new();
        let mut counts: HashMap<EntryId, EntityCount> = HashMap::new();
        for mention in mentions.iter().filter(|m| m.via == MentionVia::Name) {
            let surface = text[mention.start..mention.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let count = counts.entry(mention.entry).or_insert_with(|| {
                order.push(mention.entry);
                let entry = self.gazetteer.entry(mention.entry);
                EntityCount {
                    name: entry.name.clone(),
                    entity_type: entry.entity_type,
                    id: entry.id.clone(),
                    count: 0,
                    surface: Vec::new(),
                }
            });
            count.count += 1;
            if !count.surface.contains(&surface) {
                count.surface.push(surface);
            }
        }
        order
            .into_iter()
            .filter_map(|id| counts.remove(&id))
            .collect()
    }
}

fn country_ref(entry: &Entry) -> Option<CountryRef> {
    Some(CountryRef {
        name: entry.name.clone(),
        code: entry.country.clone()?,
    })
}
