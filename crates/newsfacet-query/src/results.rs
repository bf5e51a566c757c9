//! What a search answers: hits of articles and quotes, facet counts and facet lists.

use newsfacet_index::FacetField;
use serde::Serialize;

use crate::request::CountBy;

/// One value of a facet dimension and the number of matching articles (or stories, see
/// [`CountBy`]) that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The facet value (a canonical name).
    pub value: String,
    /// Matching articles (or stories) with this value.
    pub count: u64,
}

/// How one typed filter value was read: the index values it selects. A value may select
/// several ("baker" → "James Baker", "Howard Baker"); all of them apply, as alternatives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolvedFilter {
    /// The dimension.
    pub field: FacetField,
    /// The value as typed.
    pub input: String,
    /// Whether the value is excluded (`--not-…`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub excluded: bool,
    /// The values it selects, as shown in facet counts; `["none"]`-style inputs select the
    /// documents without a value and list nothing here.
    pub values: Vec<String>,
    /// For an input that selects nothing: index values spelled like it, most likely first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub did_you_mean: Vec<String>,
}

/// Another matching copy of a collapsed hit's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryCopy {
    /// Stable article id.
    pub id: String,
    /// Canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the story came from, if known.
    pub origin: Option<String>,
    /// Title.
    pub title: String,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Stable article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the story came from (e.g. "Reuters" for a republished Reuters
    /// story), if known.
    pub origin: Option<String>,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Relevance score; 0 when there is no query text (hits are then ordered by date).
    pub score: f32,
    /// HTML snippet of the body: escaped text with query terms in `<b>…</b>`.
    pub snippet: String,
    /// Speaker names.
    pub speakers: Vec<String>,
    /// Country names.
    pub countries: Vec<String>,
    /// The article's URL, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the article was read from (`file:line`); only given when there is no URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The article's story: the id of the first indexed article that this one is a near-copy
    /// of, or its own id. Copies of one wire story share it.
    pub story: String,
    /// With `collapse`: the number of matching articles of the story, this one included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<u64>,
    /// With `collapse`: the story's other matching articles, in result order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<Vec<StoryCopy>>,
}

/// One matching quote, with the article it is from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    /// The quote's full text.
    pub text: String,
    /// The named speaker; `None` (JSON `null`) when the speaker is unnamed.
    pub speaker: Option<String>,
    /// How an unnamed speaker is described ("a spokesperson"); only for unnamed speakers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unnamed: Option<String>,
    /// `direct` (in quote marks) or `indirect` (reported speech).
    pub kind: String,
    /// The cue verb or phrase ("said", "according to"), when there is one.
    pub cue: Option<String>,
    /// The article's stable id.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// The article's canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the article's story came from, if known.
    pub origin: Option<String>,
    /// The article's publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Relevance score; 0 when there is no query text (hits are then ordered by date).
    pub score: f32,
    /// HTML snippet of the quote: escaped text with query terms in `<b>…</b>`.
    pub snippet: String,
    /// Byte offset of the quote in the article's tagged text (title, blank line, body).
    pub position: u64,
    /// The article's URL, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the article was read from (`file:line`); only given when there is no URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The answer to a [`SearchRequest`](crate::SearchRequest) over quotes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteResults {
    /// Number of matching quotes (all pages).
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<QuoteHit>,
    /// `(dimension, value)` filters that matched no value in the index (and so no quote).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched_filters: Vec<(String, String)>,
    /// How each filter value was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<ResolvedFilter>,
}

/// Top facet counts of the dimensions shown with search results, over all matching articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResultFacets {
    /// Top speakers.
    pub speaker: Vec<FacetCount>,
    /// Top countries.
    pub country: Vec<FacetCount>,
    /// Top sources.
    pub source: Vec<FacetCount>,
    /// Top origins (the wires stories came from).
    pub origin: Vec<FacetCount>,
}

impl ResultFacets {
    /// The dimensions listed in search results, in output order.
    pub const FIELDS: [FacetField; 4] = [
        FacetField::Speaker,
        FacetField::Country,
        FacetField::Source,
        FacetField::Origin,
    ];

    /// The counts of one listed dimension; `None` for dimensions not listed.
    pub fn get(&self, field: FacetField) -> Option<&[FacetCount]> {
        match field {
            FacetField::Speaker => Some(&self.speaker),
            FacetField::Country => Some(&self.country),
            FacetField::Source => Some(&self.source),
            FacetField::Origin => Some(&self.origin),
            _ => None,
        }
    }

    /// `(dimension name, counts)` pairs in output order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Vec<FacetCount>)> {
        self.into_iter()
    }
}

impl<'a> IntoIterator for &'a ResultFacets {
    type Item = (&'static str, &'a Vec<FacetCount>);
    type IntoIter = std::array::IntoIter<(&'static str, &'a Vec<FacetCount>), 4>;

    fn into_iter(self) -> Self::IntoIter {
        [
            ("speaker", &self.speaker),
            ("country", &self.country),
            ("source", &self.source),
            ("origin", &self.origin),
        ]
        .into_iter()
    }
}

/// The answer to a [`SearchRequest`](crate::SearchRequest).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of matching articles (all pages).
    pub total: u64,
    /// Number of distinct stories among the matching articles; given with `collapse` (hits
    /// then page over stories) or `count_by: story`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stories: Option<u64>,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matching articles (or stories, see
    /// [`SearchRequest::count_by`](crate::SearchRequest::count_by)).
    pub facets: ResultFacets,
    /// `(dimension, value)` filters that matched no value in the index (and so no article).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched_filters: Vec<(String, String)>,
    /// How each filter value was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<ResolvedFilter>,
}

/// The values of one facet dimension among matching articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetList {
    /// The dimension.
    pub field: FacetField,
    /// What the counts count; only given when it is `story`.
    #[serde(skip_serializing_if = "CountBy::is_article")]
    pub count_by: CountBy,
    /// Matching articles, whether or not they have a value of the dimension.
    pub total: u64,
    /// The top values, by count descending then value ascending.
    pub values: Vec<FacetCount>,
    /// Sum of the counts of values beyond the top ones.
    pub other: u64,
    /// `(dimension, value)` filters that matched no value in the index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched_filters: Vec<(String, String)>,
    /// How each filter value was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<ResolvedFilter>,
}
