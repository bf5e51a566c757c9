//! Turning a request's filters into query clauses: the facet filters, the date bounds, the story
//! and the kind of document (the query text is `syntax`'s).

use std::ops::Bound;

use chrono::NaiveDate;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{columns, DocKind, FacetField, NewsIndex, NewsSchema, QuotesOfArticles};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery,
    TermSetQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::error::QueryError;
use crate::indexed_values::IndexedValues;
use crate::request::{is_no_value, DateRange, Filters};
use crate::resolve;
use crate::results::ResolvedFilter;

/// The clause of the date bounds, `None` without bounds; an empty range is a usage error.
pub(crate) fn date_clause(
    schema: &NewsSchema,
    dates: DateRange,
) -> Result<Option<Box<dyn Query>>, QueryError> {
    if let (Some(since), Some(until)) = (dates.since, dates.until) {
        if since > until {
            return Err(QueryError::EmptyDateRange { since, until });
        }
    }
    if dates.is_empty() {
        return Ok(None);
    }
    // Dates are stored as midnight UTC of the day, so inclusive midnight bounds are exact.
    let bound = |day: Option<NaiveDate>| match day {
        Some(day) => Bound::Included(schema.published_term(day)),
        None => Bound::Unbounded,
    };
    let range = RangeQuery::new(bound(dates.since), bound(dates.until));
    Ok(Some(Box::new(ConstScoreQuery::new(Box::new(range), 0.0))))
}

/// The clause selecting the articles of one story, scoring 0.
pub(crate) fn story_clause(schema: &NewsSchema, story: &str) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(
            schema.story_term(story),
            IndexRecordOption::Basic,
        )),
        0.0,
    ))
}

/// Facet filters translated into query clauses.
pub(crate) struct ResolvedFilters {
    /// One required clause per filtered dimension.
    pub clauses: Vec<(FacetField, Box<dyn Query>)>,
    /// `(dimension, value)` inputs that matched no indexed value.
    pub unmatched: Vec<(String, String)>,
    /// How each input was read, with suggestions for those that matched nothing.
    pub resolved: Vec<ResolvedFilter>,
}

impl ResolvedFilters {
    /// The clauses of every dimension but `skip` (all of them for `None`): a multi-select
    /// facet is counted under the other dimensions' filters only.
    pub fn clauses_except(&self, skip: Option<FacetField>) -> Vec<Box<dyn Query>> {
        self.clauses
            .iter()
            .filter(|(field, _)| Some(*field) != skip)
            .map(|(_, clause)| clause.box_clone())
            .collect()
    }

    /// Whether `field` has a filter clause.
    pub fn filters(&self, field: FacetField) -> bool {
        self.clauses.iter().any(|(f, _)| *f == field)
    }
}

/// The facet filter clauses (one per dimension), how each input was read, and the inputs that
/// matched nothing. Values resolve against the facet values of the documents that carry them
/// for `kind` (see [`DocKind::facet_carrier`]).
///
/// A dimension's clause is: any of its included values (or, for [`NO_VALUE`](crate::NO_VALUE),
/// no value at all), and none of its excluded values (or, for `none`, some value).
pub(crate) fn filter_query(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    filters: &Filters,
) -> Result<ResolvedFilters, QueryError> {
    let fields = filters.fields();
    let mut resolved_filters = ResolvedFilters {
        clauses: Vec::new(),
        unmatched: Vec::new(),
        resolved: Vec::new(),
    };
    if fields.is_empty() {
        return Ok(resolved_filters);
    }
    // The values of each filtered dimension present in live documents of this kind.
    let mut indexed = IndexedValues::new(index, searcher, kind, &fields);

    let schema = index.schema();
    let zero = |query: Box<dyn Query>| -> Box<dyn Query> {
        // Constant zero score: filters select, they do not change relevance.
        Box::new(ConstScoreQuery::new(query, 0.0))
    };
    for field in fields {
        let mut known = indexed.candidates(field).map_err(|e| index.error(e))?;
        let mut read = |input: &String, excluded: bool| -> Result<Vec<Term>, QueryError> {
            if is_no_value(input) {
                resolved_filters.resolved.push(ResolvedFilter {
                    field,
                    input: input.clone(),
                    excluded,
                    values: Vec::new(),
                    did_you_mean: Vec::new(),
                });
                return Ok(Vec::new());
            }
            let keys = loop {
                let matched = resolve::resolve_values(field, input, &known, gazetteer);
                if matched.is_empty() {
                    break matched;
                }
                let live = indexed
                    .live(field, matched.clone())
                    .map_err(|e| index.error(e))?;
                if !live.is_empty() {
                    break live;
                }
                // Values only in deleted documents or in documents of the other kind: without
                // them the input may still match live values by its words.
                known.retain(|key| !matched.contains(key));
            };
            tracing::debug!(%field, input, ?keys, excluded, "resolved filter");
            let did_you_mean = if keys.is_empty() {
                resolved_filters
                    .unmatched
                    .push((field.as_str().to_string(), input.clone()));
                let counts = indexed.counts(field).map_err(|e| index.error(e))?;
                resolve::suggestions(field, input, &counts)
            } else {
                Vec::new()
            };
            let shown_keys: Vec<String> = keys.iter().chain(&did_you_mean).cloned().collect();
            let mut names = columns::facet_display_names(searcher, field, &shown_keys)
                .map_err(|e| index.error(e))?;
            let mut shown = |key: &String| names.remove(key).unwrap_or_else(|| key.clone());
            resolved_filters.resolved.push(ResolvedFilter {
                field,
                input: input.clone(),
                excluded,
                values: keys.iter().map(&mut shown).collect(),
                did_you_mean: did_you_mean.iter().map(&mut shown).collect(),
            });
            Ok(keys
                .iter()
                .map(|key| schema.facet_term(field, key))
                .collect())
        };
        let mut included: Vec<Term> = Vec::new();
        let mut excluded: Vec<Term> = Vec::new();
        for input in filters.included(field) {
            included.extend(read(input, false)?);
        }
        for input in filters.excluded_values(field) {
            excluded.extend(read(input, true)?);
        }
        // Several inputs may resolve to the same value ("Türkiye", "turkey").
        for terms in [&mut included, &mut excluded] {
            terms.sort();
            terms.dedup();
        }
        let has_value = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                schema.facet_dimension_term(field),
                IndexRecordOption::Basic,
            ))
        };
        let wants_none = filters.included(field).iter().any(|v| is_no_value(v));
        let refuses_none = filters
            .excluded_values(field)
            .iter()
            .any(|v| is_no_value(v));
        let mut clause: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if filters.included(field).is_empty() {
            clause.push((Occur::Must, Box::new(AllQuery)));
        } else {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            if !included.is_empty() {
                alternatives.push((Occur::Should, Box::new(TermSetQuery::new(included))));
            }
            if wants_none {
                let without: Vec<(Occur, Box<dyn Query>)> = vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, has_value()),
                ];
                alternatives.push((Occur::Should, Box::new(BooleanQuery::new(without))));
            }
            let alternatives: Box<dyn Query> = if alternatives.is_empty() {
                Box::new(EmptyQuery)
            } else {
                Box::new(BooleanQuery::new(alternatives))
            };
            clause.push((Occur::Must, alternatives));
        }
        if !excluded.is_empty() {
            clause.push((Occur::MustNot, Box::new(TermSetQuery::new(excluded))));
        }
        if refuses_none {
            clause.push((Occur::Must, has_value()));
        }
        let clause = for_kind(schema, kind, field, Box::new(BooleanQuery::new(clause)));
        resolved_filters.clauses.push((field, zero(clause)));
    }
    Ok(resolved_filters)
}

/// `clause`, a condition on facets of `field`, as a condition on documents of `kind`: on their
/// own facets, or on those of their article (see [`DocKind::facet_carrier`]).
pub(crate) fn for_kind(
    schema: &NewsSchema,
    kind: DocKind,
    field: FacetField,
    clause: Box<dyn Query>,
) -> Box<dyn Query> {
    // A kind's facets are its own or, for a quote, its article's.
    if kind.facet_carrier(field) == kind {
        clause
    } else {
        Box::new(QuotesOfArticles::new(schema, clause))
    }
}

/// The query selecting every document of `kind`, scoring 0.
pub(crate) fn kind_query(schema: &NewsSchema, kind: DocKind) -> ConstScoreQuery {
    ConstScoreQuery::new(
        Box::new(TermQuery::new(
            schema.kind_term(kind),
            IndexRecordOption::Basic,
        )),
        0.0,
    )
}

/// The text query (or everything) restricted to documents of `kind` and by every filter
/// clause.
pub(crate) fn combine(
    schema: &NewsSchema,
    kind: DocKind,
    text: Option<Box<dyn Query>>,
    filters: Vec<Box<dyn Query>>,
) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(filters.len() + 2);
    clauses.push((Occur::Must, Box::new(kind_query(schema, kind))));
    if let Some(text) = text {
        clauses.push((Occur::Must, text));
    }
    clauses.extend(filters.into_iter().map(|clause| (Occur::Must, clause)));
    Box::new(BooleanQuery::new(clauses))
}
