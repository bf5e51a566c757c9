//! The index schema and the facet namespace.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use tantivy::schema::Facet;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::{DateTime, Term};

use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::words::{self, WordSet};

use crate::analyzer::{EN_EXACT, EN_STEM};

/// One facet dimension. Each dimension has a tantivy facet field of its own (see
/// [`NewsSchema::facet`]), holding `/<dimension>/<group key>/<value>` paths (see
/// [`FacetField::facet`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetField {
    // Declared in the order of `ALL`: a dimension's position there indexes its field in
    // `NewsSchema`.
    /// A named speaker (person or organization) quoted or paraphrased in the article.
    Speaker,
    /// A country the article is about.
    Country,
    /// The article's canonical publisher.
    Source,
    /// The wire or outlet the story came from, when the publisher republished it (or the
    /// agency itself for its own story).
    Origin,
    /// A person mentioned in the article.
    Person,
    /// An organization mentioned in the article.
    Org,
    /// A place mentioned in the article.
    Place,
}

impl FacetField {
    /// Every facet dimension, in display order (which is also declaration order).
    pub const ALL: [FacetField; 7] = [
        FacetField::Speaker,
        FacetField::Country,
        FacetField::Source,
        FacetField::Origin,
        FacetField::Person,
        FacetField::Org,
        FacetField::Place,
    ];

    /// The dimension's name as used in facet paths, JSON and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FacetField::Speaker => "speaker",
            FacetField::Country => "country",
            FacetField::Source => "source",
            FacetField::Origin => "origin",
            FacetField::Person => "person",
            FacetField::Org => "org",
            FacetField::Place => "place",
        }
    }

    /// The facet path of the dimension itself, e.g. `"/speaker"`.
    pub fn root(self) -> &'static str {
        match self {
            FacetField::Speaker => "/speaker",
            FacetField::Country => "/country",
            FacetField::Source => "/source",
            FacetField::Origin => "/origin",
            FacetField::Person => "/person",
            FacetField::Org => "/org",
            FacetField::Place => "/place",
        }
    }

    /// The key that groups the written forms of one value: folded case and accents ("Chang
    /// Chi-Cheng" and "Chang Chi-cheng"), and for bodies that can be companies (organizations,
    /// speakers, publishers) without a trailing legal form ("General Motors Corp" and "General
    /// Motors"). Gazetteer names are one form already; this groups the names found only in
    /// text, which arrive as written.
    pub fn group_key(self, value: &str) -> String {
        let folded = fold(value);
        match self {
            FacetField::Org | FacetField::Speaker | FacetField::Source | FacetField::Origin => {
                without_legal_form(&folded).to_string()
            }
            FacetField::Country | FacetField::Person | FacetField::Place => folded,
        }
    }

    /// The facet of one written value of this dimension, `/<dimension>/<group key>/<value>`:
    /// counting the children of `/<dimension>` counts groups, and each group's children are
    /// its written forms, from which a display name is chosen
    /// ([`facet_display_names`](crate::columns::facet_display_names)).
    ///
    /// Built from path steps rather than parsed text so that a `/` inside the value stays part
    /// of the value instead of starting a new level.
    pub fn facet(self, value: &str) -> Facet {
        Facet::from_path([self.as_str(), &self.group_key(value), value])
    }

    /// The facet of one group of this dimension, `/<dimension>/<group key>`; it is a prefix of
    /// the facet of every written form in the group.
    pub fn group(self, key: &str) -> Facet {
        Facet::from_path([self.as_str(), key])
    }

    /// The dimension and group key of a facet built by [`FacetField::facet`] or
    /// [`FacetField::group`]; `None` for any other facet.
    pub fn split(facet: &Facet) -> Option<(FacetField, String)> {
        let path = facet.to_path();
        match path.as_slice() {
            [field, key] | [field, key, _] => Some((field.parse().ok()?, (*key).to_string())),
            _ => None,
        }
    }

    /// The dimension, group key and written value of a facet built by [`FacetField::facet`].
    pub fn split_value(facet: &Facet) -> Option<(FacetField, String, String)> {
        let path = facet.to_path();
        match path.as_slice() {
            [field, key, value] => Some((
                field.parse().ok()?,
                (*key).to_string(),
                (*value).to_string(),
            )),
            _ => None,
        }
    }
}

/// Legal forms that end company names, lowercase without periods (`data/words/legal-forms.txt`).
static LEGAL_FORMS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(words::LEGAL_FORMS));

/// Folded `name` without trailing legal forms ("moody's investors service inc." → "moody's
/// investors service"); a name that is nothing else keeps its last word.
fn without_legal_form(name: &str) -> &str {
    let mut kept = name.trim_end();
    while let Some((head, last)) = kept.rsplit_once(' ') {
        let last = last.trim_end_matches('.');
        if !LEGAL_FORMS.contains(last) {
            break;
        }
        kept = head.trim_end_matches([',', ' ']);
    }
    kept
}

impl fmt::Display for FacetField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A facet dimension name that is not one of [`FacetField::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown facet {0:?} (expected speaker, country, source, origin, person, org or place)")]
pub struct UnknownFacetField(pub String);

impl FromStr for FacetField {
    type Err = UnknownFacetField;

    /// Parses a dimension name, case-insensitively, accepting common plurals and spellings.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "speaker" | "speakers" => Ok(FacetField::Speaker),
            "country" | "countries" => Ok(FacetField::Country),
            "source" | "sources" => Ok(FacetField::Source),
            "origin" | "origins" => Ok(FacetField::Origin),
            "person" | "persons" | "people" => Ok(FacetField::Person),
            "org" | "orgs" | "organization" | "organizations" | "organisation"
            | "organisations" => Ok(FacetField::Org),
            "place" | "places" => Ok(FacetField::Place),
            _ => Err(UnknownFacetField(s.to_string())),
        }
    }
}

/// What a document of the index stands for. One index holds both kinds, told apart by the
/// [`NewsSchema::doc_kind`] field; every query selects one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// One article: title, body, every facet.
    Article,
    /// One attributed statement of an article: its text, its own speaker facet, and copies of
    /// the article's date, source and title so that sorting and showing work on quote
    /// documents directly. The article's other facets stay on the article, read through the
    /// article block (see [`crate::QuotesOfArticles`]).
    Quote,
}

impl DocKind {
    /// The value of the `doc_kind` field.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Article => "article",
            DocKind::Quote => "quote",
        }
    }

    /// The kind of document whose facets of `field` answer for documents of this kind: a
    /// quote has its own speaker, and every other facet of its article.
    pub fn facet_carrier(self, field: FacetField) -> DocKind {
        match (self, field) {
            (DocKind::Quote, FacetField::Speaker) => DocKind::Quote,
            _ => DocKind::Article,
        }
    }
}

/// The value an LSH band key is indexed as in `story_bands`: the key folded to 32 bits. The
/// term dictionary then shares the four zero bytes of every term, which makes the field much
/// smaller. A collision only adds a candidate, which the signature check rejects; among a
/// million articles a new one meets about 0.4 of them.
pub(crate) fn story_band_value(key: u64) -> u64 {
    (key ^ (key >> 32)) & u64::from(u32::MAX)
}

/// Handles to every field of the newsfacet schema.
///
/// Article documents use `title`, `body`, `url`, `path`, `speakers`, `countries`,
/// `content_hash` and the story fields (`story`, `story_bands`, `story_minhash`,
/// `story_numbers`); quote
/// documents use `quote`, `speakers` (their one named speaker), `unnamed`, `quote_kind`,
/// `cue`, `position` and `article_title`. Both have `doc_kind`, `id`, `published`, `source`,
/// `origin` and `facets`. Text fields are never shared between the kinds, so
/// each kind's BM25 statistics stay its own (see `newsfacet-query`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewsSchema {
    /// [`DocKind`] of the document (raw, exact-match).
    pub doc_kind: Field,
    /// Stable article id (raw, exact-match, stored): the key for updates. Quote documents
    /// carry their article's id, so one delete-by-id removes an article with its quotes.
    pub id: Field,
    /// Title, analyzed with `en_stem` with positions, stored.
    pub title: Field,
    /// Body, analyzed with `en_stem` with positions, stored.
    pub body: Field,
    /// Title again, analyzed with `en_exact` (no stemming) with positions, not stored: exact
    /// word forms and fuzzy matching.
    pub title_exact: Field,
    /// Body again, analyzed with `en_exact`, not stored.
    pub body_exact: Field,
    /// Publication date at day precision (midnight UTC): indexed, stored and fast for sorting.
    pub published: Field,
    /// Canonical publisher (raw, stored); absent when unknown.
    pub source: Field,
    /// Canonical name of the wire or outlet the story came from (raw, stored); absent when
    /// unknown.
    pub origin: Field,
    /// Article URL, stored only.
    pub url: Field,
    /// Where the article was read from, `file` or `file:line`; stored only.
    pub path: Field,
    /// Speaker names for display; stored only. An article has one value per named speaker, a
    /// quote at most one (none when its speaker is unnamed).
    pub speakers: Field,
    /// Country names for display; stored only, one value per country.
    pub countries: Field,
    /// The facet field of each dimension, in the order of [`FacetField::ALL`] (see
    /// [`NewsSchema::facet`]).
    facets: [Field; FacetField::ALL.len()],
    /// Text of a quote, analyzed with `en_stem` with positions, stored.
    pub quote: Field,
    /// Text of a quote again, analyzed with `en_exact`, not stored.
    pub quote_exact: Field,
    /// How an unnamed speaker of a quote is described ("a spokesperson"); stored only.
    pub unnamed: Field,
    /// `direct` or `indirect`; stored only.
    pub quote_kind: Field,
    /// The cue verb or phrase of a quote ("said", "according to"); stored only.
    pub cue: Field,
    /// Byte offset of a quote in its article's tagged text (title, blank line, body); stored.
    pub position: Field,
    /// The title of a quote's article, stored only: indexing it would count quote documents
    /// in the statistics of the article `title` field.
    pub article_title: Field,
    /// xxh3 of everything indexed for the article; unchanged articles are not rewritten.
    pub content_hash: Field,
    /// The article's story (raw, stored, fast): the id of the first indexed article that its
    /// body is a near-copy of, else its own id (see [`newsfacet_tag::story`]). Articles only.
    pub story: Field,
    /// The LSH band keys of the article's body signature, folded to 32 bits (indexed u64,
    /// not stored): a new article finds its candidate copies in the committed index with term
    /// queries.
    pub story_bands: Field,
    /// The body's MinHash digest ([`newsfacet_tag::story::Digest::packed_minhash`]; u64
    /// fast, several values): candidates are confirmed column-wise, without the store.
    pub story_minhash: Field,
    /// The hashes of the numbers the body states ([`newsfacet_tag::story::Digest::numbers`];
    /// u64 fast, several values), the rest of the digest.
    pub story_numbers: Field,
}

/// The fields holding the searchable text of one [`DocKind`]: queries of that kind search
/// them, and its hits show a snippet of the main one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchedText {
    /// The article title, which ranks matches apart from the body; `None` for quotes, whose
    /// article title is stored only so that quotes stay out of the title's statistics.
    pub title: Option<Field>,
    /// The body of an article or the text of a quote.
    pub main: Field,
    /// [`SearchedText::title`] analyzed without stemming.
    pub title_exact: Option<Field>,
    /// [`SearchedText::main`] analyzed without stemming.
    pub main_exact: Field,
}

/// Field names, shared by [`NewsSchema::build`] and the column readers of [`crate::columns`],
/// which address fields by name. Private to the crate: other crates go through
/// [`NewsSchema`]'s term builders, [`crate::columns`] and the document views.
pub(crate) mod names {
    /// See [`super::NewsSchema::doc_kind`].
    pub const DOC_KIND: &str = "doc_kind";
    /// See [`super::NewsSchema::id`].
    pub const ID: &str = "id";
    /// See [`super::NewsSchema::title`].
    pub const TITLE: &str = "title";
    /// See [`super::NewsSchema::body`].
    pub const BODY: &str = "body";
    /// See [`super::NewsSchema::title_exact`].
    pub const TITLE_EXACT: &str = "title_exact";
    /// See [`super::NewsSchema::body_exact`].
    pub const BODY_EXACT: &str = "body_exact";
    /// See [`super::NewsSchema::quote_exact`].
    pub const QUOTE_EXACT: &str = "quote_exact";
    /// See [`super::NewsSchema::published`].
    pub const PUBLISHED: &str = "published";
    /// See [`super::NewsSchema::source`].
    pub const SOURCE: &str = "source";
    /// See [`super::NewsSchema::origin`].
    pub const ORIGIN: &str = "origin";
    /// See [`super::NewsSchema::url`].
    pub const URL: &str = "url";
    /// See [`super::NewsSchema::path`].
    pub const PATH: &str = "path";
    /// See [`super::NewsSchema::speakers`].
    pub const SPEAKERS: &str = "speakers";
    /// See [`super::NewsSchema::countries`].
    pub const COUNTRIES: &str = "countries";
    /// The facet field of one dimension (see [`super::NewsSchema::facet`]). Indexes of
    /// earlier layouts have other names (`facet_groups` for all dimensions in one field), so
    /// opening one asks for a rebuild instead of reading the wrong field.
    pub fn facet(field: super::FacetField) -> &'static str {
        use super::FacetField;
        match field {
            FacetField::Speaker => "facet_speaker",
            FacetField::Country => "facet_country",
            FacetField::Source => "facet_source",
            FacetField::Origin => "facet_origin",
            FacetField::Person => "facet_person",
            FacetField::Org => "facet_org",
            FacetField::Place => "facet_place",
        }
    }
    /// See [`super::NewsSchema::quote`].
    pub const QUOTE: &str = "quote";
    /// See [`super::NewsSchema::unnamed`].
    pub const UNNAMED: &str = "unnamed";
    /// See [`super::NewsSchema::quote_kind`].
    pub const QUOTE_KIND: &str = "quote_kind";
    /// See [`super::NewsSchema::cue`].
    pub const CUE: &str = "cue";
    /// See [`super::NewsSchema::position`].
    pub const POSITION: &str = "position";
    /// See [`super::NewsSchema::article_title`].
    pub const ARTICLE_TITLE: &str = "article_title";
    /// See [`super::NewsSchema::content_hash`].
    pub const CONTENT_HASH: &str = "content_hash";
    /// See [`super::NewsSchema::story`].
    pub const STORY: &str = "story";
    /// See [`super::NewsSchema::story_bands`].
    pub const STORY_BANDS: &str = "story_bands";
    /// See [`super::NewsSchema::story_minhash`].
    pub const STORY_MINHASH: &str = "story_minhash";
    /// See [`super::NewsSchema::story_numbers`].
    pub const STORY_NUMBERS: &str = "story_numbers";
}

impl NewsSchema {
    /// Builds the tantivy schema and the field handles into it.
    pub fn build() -> (Schema, NewsSchema) {
        let mut builder = Schema::builder();
        let english = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(EN_STEM)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        // Not stored: the stemmed field beside it stores the text once.
        let exact = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(EN_EXACT)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let doc_kind = builder.add_text_field(names::DOC_KIND, STRING);
        let id = builder.add_text_field(names::ID, STRING | STORED);
        let title = builder.add_text_field(names::TITLE, english.clone());
        let body = builder.add_text_field(names::BODY, english.clone());
        let title_exact = builder.add_text_field(names::TITLE_EXACT, exact.clone());
        let body_exact = builder.add_text_field(names::BODY_EXACT, exact.clone());
        let published = builder.add_date_field(
            names::PUBLISHED,
            DateOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        );
        let source = builder.add_text_field(names::SOURCE, STRING | STORED);
        let origin = builder.add_text_field(names::ORIGIN, STRING | STORED);
        let url = builder.add_text_field(names::URL, STORED);
        let path = builder.add_text_field(names::PATH, STORED);
        let speakers = builder.add_text_field(names::SPEAKERS, STORED);
        let countries = builder.add_text_field(names::COUNTRIES, STORED);
        // One field per dimension: a count reads the column of each dimension it counts, not
        // the mentions of every other dimension as well.
        let facets = FacetField::ALL
            .map(|field| builder.add_facet_field(names::facet(field), FacetOptions::default()));
        // Fast as well as stored, so the writer can compare hashes without decompressing the
        // document store for every re-read article.
        let content_hash = builder.add_u64_field(
            names::CONTENT_HASH,
            NumericOptions::default().set_stored().set_fast(),
        );
        let quote = builder.add_text_field(names::QUOTE, english);
        let quote_exact = builder.add_text_field(names::QUOTE_EXACT, exact);
        let unnamed = builder.add_text_field(names::UNNAMED, STORED);
        let quote_kind = builder.add_text_field(names::QUOTE_KIND, STORED);
        let cue = builder.add_text_field(names::CUE, STORED);
        let position = builder.add_u64_field(names::POSITION, STORED);
        let article_title = builder.add_text_field(names::ARTICLE_TITLE, STORED);
        // Fast so that collapsing and per-story counts read it column-wise, without the store.
        let story = builder.add_text_field(names::STORY, STRING | STORED | FAST);
        let story_bands =
            builder.add_u64_field(names::STORY_BANDS, NumericOptions::default().set_indexed());
        let story_minhash =
            builder.add_u64_field(names::STORY_MINHASH, NumericOptions::default().set_fast());
        let story_numbers =
            builder.add_u64_field(names::STORY_NUMBERS, NumericOptions::default().set_fast());
        let fields = NewsSchema {
            doc_kind,
            id,
            title,
            body,
            title_exact,
            body_exact,
            published,
            source,
            origin,
            url,
            path,
            speakers,
            countries,
            facets,
            quote,
            quote_exact,
            unnamed,
            quote_kind,
            cue,
            position,
            article_title,
            content_hash,
            story,
            story_bands,
            story_minhash,
            story_numbers,
        };
        (builder.build(), fields)
    }

    /// The fields holding the searchable text of one kind of document.
    pub fn searched_text(&self, kind: DocKind) -> SearchedText {
        match kind {
            DocKind::Article => SearchedText {
                title: Some(self.title),
                main: self.body,
                title_exact: Some(self.title_exact),
                main_exact: self.body_exact,
            },
            DocKind::Quote => SearchedText {
                title: None,
                main: self.quote,
                title_exact: None,
                main_exact: self.quote_exact,
            },
        }
    }

    /// The term that selects every document of one kind.
    pub fn kind_term(&self, kind: DocKind) -> Term {
        Term::from_field_text(self.doc_kind, kind.as_str())
    }

    /// The term that selects an article and its quotes by the article's id.
    pub fn id_term(&self, id: &str) -> Term {
        Term::from_field_text(self.id, id)
    }

    /// The term that selects every article of one story.
    pub fn story_term(&self, story: &str) -> Term {
        Term::from_field_text(self.story, story)
    }

    /// The term of one LSH band key, which selects the articles sharing that band.
    pub(crate) fn story_band_term(&self, key: u64) -> Term {
        Term::from_field_u64(self.story_bands, story_band_value(key))
    }

    /// The term for documents published on `day`, for range bounds: the stored value is
    /// midnight UTC of the day, so inclusive bounds on it are exact.
    pub fn published_term(&self, day: NaiveDate) -> Term {
        Term::from_field_date_for_search(self.published, date_value(day))
    }

    /// The facet field of one dimension. An article has every facet of every dimension; a
    /// quote document only its own named speaker's (see [`DocKind::facet_carrier`]).
    pub fn facet(&self, field: FacetField) -> Field {
        self.facets[field as usize]
    }

    /// The term that selects documents having any value of a facet dimension.
    pub fn facet_dimension_term(&self, field: FacetField) -> Term {
        Term::from_facet(self.facet(field), &Facet::from(field.root()))
    }

    /// The term that selects documents having any written form of one group of a facet
    /// dimension (a key from [`FacetField::group_key`] or [`FacetField::split`]).
    pub fn facet_term(&self, field: FacetField, key: &str) -> Term {
        Term::from_facet(self.facet(field), &field.group(key))
    }
}

/// A calendar date as the tantivy date stored for it: midnight UTC. tantivy counts
/// nanoseconds in an `i64`, which reaches from 1677-09-21 to 2262-04-11; a date outside is
/// clamped to the nearest end, which keeps range bounds right ("since 3025" finds nothing,
/// "until 3025" everything). Stored dates are checked with [`is_storable_date`] first.
pub fn date_value(date: NaiveDate) -> DateTime {
    let seconds = date.and_time(NaiveTime::MIN).and_utc().timestamp();
    DateTime::from_timestamp_secs(seconds.clamp(-MAX_DATE_SECONDS, MAX_DATE_SECONDS))
}

/// The largest whole number of seconds, either side of 1970, that tantivy's nanosecond
/// dates hold.
const MAX_DATE_SECONDS: i64 = i64::MAX / 1_000_000_000;

/// Whether `date` can be stored as itself (see [`date_value`]).
pub fn is_storable_date(date: NaiveDate) -> bool {
    date.and_time(NaiveTime::MIN).and_utc().timestamp().abs() < MAX_DATE_SECONDS
}

/// The calendar date of a stored tantivy date (the inverse of [`date_value`]).
pub fn date_of(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_fields_round_trip() {
        for field in FacetField::ALL {
            assert_eq!(field.as_str().parse::<FacetField>(), Ok(field));
            assert_eq!(field.root(), format!("/{}", field.as_str()));
        }
        assert_eq!("Organisation".parse::<FacetField>(), Ok(FacetField::Org));
        assert!("topic"
            .parse::<FacetField>()
            .unwrap_err()
            .to_string()
            .contains("speaker"));
    }

    #[test]
    fn each_dimension_has_a_facet_field_of_its_own() {
        let (schema, fields) = NewsSchema::build();
        for (position, field) in FacetField::ALL.into_iter().enumerate() {
            assert_eq!(field as usize, position, "ALL is in declaration order");
            let facet = fields.facet(field);
            assert_eq!(schema.get_field_name(facet), names::facet(field));
            assert_eq!(fields.facet_term(field, "x").field(), facet);
            assert_eq!(fields.facet_dimension_term(field).field(), facet);
        }
        let distinct: std::collections::HashSet<Field> =
            FacetField::ALL.map(|field| fields.facet(field)).into();
        assert_eq!(distinct.len(), FacetField::ALL.len());
    }

    #[test]
    fn facet_values_keep_slashes() {
        let facet = FacetField::Org.facet("AC/DC");
        assert_eq!(facet.to_string(), "/org/ac\\/dc/AC\\/DC");
        assert_eq!(
            FacetField::split(&facet),
            Some((FacetField::Org, "ac/dc".to_string()))
        );
        assert_eq!(
            FacetField::split_value(&facet),
            Some((FacetField::Org, "ac/dc".to_string(), "AC/DC".to_string()))
        );
        assert!(Facet::from(FacetField::Org.root()).is_prefix_of(&facet));
        assert!(FacetField::Org.group("ac/dc").is_prefix_of(&facet));
    }

    #[test]
    fn written_forms_of_one_name_share_a_group() {
        let key = |field: FacetField, value: &str| field.group_key(value);
        assert_eq!(
            key(FacetField::Speaker, "Chang Chi-Cheng"),
            key(FacetField::Speaker, "Chang Chi-cheng")
        );
        assert_eq!(key(FacetField::Person, "José Núñez"), "jose nunez");
        assert_eq!(
            key(FacetField::Org, "General Motors Corp."),
            "general motors"
        );
        assert_eq!(
            key(FacetField::Org, "Moody's Investors Service Inc"),
            "moody's investors service"
        );
        assert_eq!(
            key(FacetField::Org, "Acme Holdings Co, Ltd"),
            "acme holdings"
        );
        // A legal form alone, or one inside a name, stays.
        assert_eq!(key(FacetField::Org, "Co"), "co");
        assert_eq!(
            key(FacetField::Org, "Co-operative Bank"),
            "co-operative bank"
        );
        // Persons and places are never companies.
        assert_eq!(key(FacetField::Place, "Sa"), "sa");
        assert_ne!(
            key(FacetField::Org, "Chang Chi-cheng"),
            key(FacetField::Org, "Chang Chi")
        );
    }
}
