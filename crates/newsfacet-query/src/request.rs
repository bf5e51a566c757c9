//! What a search asks for: query text, facet filters, date bounds, story, order, paging.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use newsfacet_index::FacetField;
use serde::Serialize;

/// The filter value that stands for "no value": `--source none` selects articles whose source
/// is unknown, `--not-source none` those whose source is known.
pub const NO_VALUE: &str = "none";

/// Facet filters, with Elasticsearch's `post_filter` semantics: values of one dimension are
/// alternatives (OR), dimensions all apply (AND), excluded values never match, and the counts
/// of a filtered dimension are computed under the other dimensions' filters only, so the
/// alternatives to a chosen value stay visible.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// The user-typed values for each dimension, as given (resolved at search time).
    pub by_field: BTreeMap<FacetField, Vec<String>>,
    /// The user-typed values each dimension must not have.
    pub excluded: BTreeMap<FacetField, Vec<String>>,
}

impl Filters {
    /// Adds one alternative value for a dimension ([`NO_VALUE`] for "unknown").
    pub fn add(&mut self, field: FacetField, value: impl Into<String>) {
        self.by_field.entry(field).or_default().push(value.into());
    }

    /// Adds a value that a dimension must not have ([`NO_VALUE`]: the value must be known).
    pub fn exclude(&mut self, field: FacetField, value: impl Into<String>) {
        self.excluded.entry(field).or_default().push(value.into());
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.by_field
            .values()
            .chain(self.excluded.values())
            .all(Vec::is_empty)
    }

    /// The dimensions with at least one filter value, included or excluded, in order.
    pub fn fields(&self) -> Vec<FacetField> {
        let mut fields: Vec<FacetField> = self
            .by_field
            .iter()
            .chain(&self.excluded)
            .filter(|(_, values)| !values.is_empty())
            .map(|(&field, _)| field)
            .collect();
        fields.sort();
        fields.dedup();
        fields
    }

    /// The included values of one dimension.
    pub fn included(&self, field: FacetField) -> &[String] {
        self.by_field.get(&field).map_or(&[], Vec::as_slice)
    }

    /// The excluded values of one dimension.
    pub fn excluded_values(&self, field: FacetField) -> &[String] {
        self.excluded.get(&field).map_or(&[], Vec::as_slice)
    }
}

/// Whether a filter value is [`NO_VALUE`].
pub(crate) fn is_no_value(input: &str) -> bool {
    input.trim().eq_ignore_ascii_case(NO_VALUE)
}

/// Inclusive bounds on the publication date. Once either bound is set, undated documents no
/// longer match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day included.
    pub since: Option<NaiveDate>,
    /// The last day included.
    pub until: Option<NaiveDate>,
}

impl DateRange {
    /// Whether neither bound is set.
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }
}

/// A date as the command line and the date bounds take it: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; expected YYYY-MM-DD, e.g. 2026-02-01"))
}

/// How query terms without an operator combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Operator {
    /// Every term is required, as in a web search engine.
    #[default]
    And,
    /// Any term may match; more matching terms rank higher.
    Or,
}

/// How the words of a query are matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Match every word as written, never stemmed (as if each were `=word`).
    pub exact: bool,
    /// Also match words of 5 or more letters within one edit (two from 8 letters).
    pub fuzzy: bool,
    /// Search names only as typed, without the other spellings the gazetteer knows.
    pub no_variants: bool,
    /// Whether terms without an operator are all required or alternatives.
    pub operator: Operator,
}

/// The order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// By relevance score; without query text, by date as there is no score.
    #[default]
    Relevance,
    /// By publication date, newest first, undated last; then by score.
    Date,
}

/// What a facet count counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountBy {
    /// Each matching article once.
    #[default]
    Article,
    /// Each story (an article and its syndicated copies) once: a value counts the distinct
    /// stories among the matching articles that have it.
    Story,
}

impl CountBy {
    /// Whether this is the default, [`CountBy::Article`].
    pub fn is_article(&self) -> bool {
        *self == CountBy::Article
    }
}

/// One search, of articles ([`search`](crate::search())) or of quotes
/// ([`search_quotes`](crate::search_quotes)), or the selection of articles whose facet values
/// [`facet_values`](crate::facet_values) counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text (see the query language in the crate docs); `None`, blank or `*` matches
    /// every document, newest first.
    pub query: Option<String>,
    /// How the words of the query text are matched.
    pub text: TextOptions,
    /// Facet filters.
    pub filters: Filters,
    /// Publication date bounds.
    pub dates: DateRange,
    /// Only the articles of this story (articles only: quotes have no story).
    pub story: Option<String>,
    /// Order of the hits.
    pub sort: SortOrder,
    /// Articles only: one hit per story, the best copy under `sort`, with the other matching
    /// copies listed in [`Hit::also`](crate::Hit::also); `limit` and `offset` then count
    /// stories.
    pub collapse: bool,
    /// What facet counts count (articles only).
    pub count_by: CountBy,
    /// Page size; 0 returns counts without hits.
    pub limit: usize,
    /// Number of hits to skip.
    pub offset: usize,
}
