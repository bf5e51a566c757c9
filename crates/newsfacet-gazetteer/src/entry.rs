//! The data model shared by every gazetteer format: an [`Entry`] with its [`EntityType`] and
//! finer [`kind`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// The three entity types that facets and the `analyze` contract know.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, party, government body, outlet or other organization.
    Organization,
    /// A country, region, city, body of water or other place.
    Place,
}

impl EntityType {
    /// The lowercase name used in files, JSON and facet paths.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
        }
    }

    /// Parses `person`, `organization` (or `org`) and `place`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" => Some(EntityType::Person),
            "organization" | "organisation" | "org" => Some(EntityType::Organization),
            "place" | "loc" | "location" => Some(EntityType::Place),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Place kinds with special meaning to the tagger; other kinds are free-form strings.
pub mod kind {
    /// A sovereign country or territory; its `country` is its own ISO code.
    pub const COUNTRY: &str = "country";
    /// A city or town; its `country` says where it lies.
    pub const CITY: &str = "city";
    /// A first-level subdivision or geopolitical region.
    pub const REGION: &str = "region";
    /// Seas, straits, rivers.
    pub const WATER: &str = "water";
    /// A wire service: its stories are republished by others.
    pub const NEWS_AGENCY: &str = "news_agency";
    /// A site that republishes other outlets' stories (MENAFN, Yahoo News).
    pub const AGGREGATOR: &str = "aggregator";
    /// Organization kinds that publish news: candidates for an article's source.
    pub const PUBLISHER_KINDS: &[&str] = &[NEWS_AGENCY, "publisher", "broadcaster", AGGREGATOR];
}

/// One gazetteer entry.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Serialize,
    Deserialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub struct Entry {
    /// Stable id, e.g. `country:RU`, `city:524901`, `person:sergei-shoigu`.
    pub id: String,
    /// Person, organization or place.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Finer kind: `country`, `city`, `region`, `water` for places; `news_agency`,
    /// `government`, `party`… for organizations; an office class for people.
    #[serde(default)]
    pub kind: String,
    /// Canonical display name; facets use it.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the entry's country, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other names it goes by (the canonical name need not be repeated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Adjectives and demonyms ("Russian"): they point to the entry for the country facet
    /// but are not mentions of the place itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    /// Web domains of a publisher (`reuters.com`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// `m` or `f` for people, when known; used to resolve pronouns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Offices or roles ("Secretary of the Security Council").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Whether a city is its country's capital.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capital: bool,
    /// Population of a place, for ranking ambiguous names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// A person's year of birth, when known: an article written before it cannot name them,
    /// which keeps a famous namesake out of older news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<u16>,
    /// The years of a person's offices, earliest first, when known: before the first one a
    /// surname or a title alone is unlikely to mean them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Tenure>,
}

/// The years one office was held: from `from` to `to` inclusive, `to` unset while it lasts.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub struct Tenure {
    /// The year the office began.
    pub from: u16,
    /// The year it ended; `None` while it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u16>,
}

impl Tenure {
    /// Parses `1993-1997`, `2025-` (still in office) or `1993` (one year).
    pub fn parse(s: &str) -> Option<Tenure> {
        let year = |y: &str| y.trim().parse::<u16>().ok();
        match s.split_once('-') {
            Some((from, to)) if to.trim().is_empty() => Some(Tenure {
                from: year(from)?,
                to: None,
            }),
            Some((from, to)) => {
                let tenure = Tenure {
                    from: year(from)?,
                    to: Some(year(to)?),
                };
                (tenure.to >= Some(tenure.from)).then_some(tenure)
            }
            None => {
                let from = year(s)?;
                Some(Tenure {
                    from,
                    to: Some(from),
                })
            }
        }
    }
}

impl fmt::Display for Tenure {
    /// The form [`Tenure::parse`] reads: `1993-1997`, `2025-`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "{}-{to}", self.from),
            None => write!(f, "{}-", self.from),
        }
    }
}

impl Entry {
    /// A new entry with only the required fields set.
    pub fn new(
        id: impl Into<String>,
        entity_type: EntityType,
        kind: &str,
        name: impl Into<String>,
    ) -> Self {
        Entry {
            id: id.into(),
            entity_type,
            kind: kind.to_string(),
            name: name.into(),
            country: None,
            aliases: Vec::new(),
            demonyms: Vec::new(),
            domains: Vec::new(),
            gender: None,
            roles: Vec::new(),
            capital: false,
            population: None,
            born: None,
            offices: Vec::new(),
        }
    }

    /// The canonical name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether this entry is a country or territory.
    pub fn is_country(&self) -> bool {
        self.entity_type == EntityType::Place && self.kind == kind::COUNTRY
    }

    /// The year of the first office, when office years are known.
    pub fn first_office(&self) -> Option<u16> {
        self.offices.iter().map(|t| t.from).min()
    }

    /// Whether this entry is a news publisher (a candidate article source).
    pub fn is_publisher(&self) -> bool {
        self.entity_type == EntityType::Organization
            && kind::PUBLISHER_KINDS.contains(&self.kind.as_str())
    }
}

/// Index of an entry inside one [`Gazetteer`].
pub type EntryId = u32;
