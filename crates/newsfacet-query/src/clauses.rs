//! Turning a request into query clauses: the text, the facet filters, the date bounds and the
//! kind of document.

use std::ops::Bound;

use chrono::NaiveDate;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{columns, DocKind, FacetField, NewsIndex, NewsSchema};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser, QueryParserError,
    RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::error::QueryError;
use crate::request::{DateRange, Filters};
use crate::resolve;
use crate::tally::article_counts;

/// Boost of title matches over body matches.
const TITLE_BOOST: f32 = 2.0;

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

/// The text fields a query of `kind` searches, with their boosts, and their names for
/// messages.
fn text_fields(index: &NewsIndex, kind: DocKind) -> (Vec<(Field, f32)>, String) {
    let text = index.schema().searched_text(kind);
    let fields: Vec<(Field, f32)> = text
        .title
        .map(|title| (title, TITLE_BOOST))
        .into_iter()
        .chain([(text.main, 1.0)])
        .collect();
    let schema = index.index().schema();
    let names: Vec<&str> = fields
        .iter()
        .map(|&(field, _)| schema.get_field_name(field))
        .collect();
    (fields, names.join(", "))
}

/// Parses query text for `kind`; `None` for absent or blank text or a lone `*` (match
/// everything, newest first).
pub(crate) fn parse_text(
    index: &NewsIndex,
    kind: DocKind,
    query: Option<&str>,
) -> Result<Option<Box<dyn Query>>, QueryError> {
    let Some(text) = query.map(str::trim).filter(|q| !q.is_empty() && *q != "*") else {
        return Ok(None);
    };
    let (fields, field_names) = text_fields(index, kind);
    let mut parser =
        QueryParser::for_index(index.index(), fields.iter().map(|&(f, _)| f).collect());
    // All terms required, like a web search engine; `OR` is still available explicitly.
    parser.set_conjunction_by_default();
    for (field, boost) in fields {
        parser.set_field_boost(field, boost);
    }
    parser
        .parse_query(text)
        .map(Some)
        .map_err(|error| QueryError::Syntax {
            query: text.to_string(),
            message: syntax_message(&error, &field_names),
        })
}

/// A message for a query parse error that says how to fix it; `fields` names the searchable
/// fields.
fn syntax_message(error: &QueryParserError, fields: &str) -> String {
    match error {
        QueryParserError::SyntaxError(_) => {
            format!(
                "cannot parse it; check that parentheses and quotes are balanced and that `field:` prefixes \
                 are followed by a term (searchable fields: {fields})"
            )
        }
        QueryParserError::FieldDoesNotExist(field) => {
            let hint = match field.parse::<FacetField>() {
                Ok(facet) => format!("; to filter by {facet}, use --{facet} instead"),
                Err(_) => "; put the text in quotes to search for it literally".to_string(),
            };
            format!("unknown field `{field}:` (searchable fields: {fields}){hint}")
        }
        QueryParserError::FieldNotIndexed(field) => {
            format!("field `{field}:` is not searchable (searchable fields: {fields})")
        }
        QueryParserError::AllButQueryForbidden => {
            "a query cannot consist only of excluded terms; add a term to search for".to_string()
        }
        other => other.to_string(),
    }
}

/// Facet filters translated into query clauses.
pub(crate) struct ResolvedFilters {
    /// One required clause per filtered dimension.
    pub clauses: Vec<Box<dyn Query>>,
    /// `(dimension, value)` inputs that matched no indexed value.
    pub unmatched: Vec<(String, String)>,
}

/// The facet filter clauses (one per dimension) and the filter values that matched nothing.
/// Values resolve against the facet values of the documents of `kind`.
pub(crate) fn filter_query(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    filters: &Filters,
) -> Result<ResolvedFilters, QueryError> {
    let fields: Vec<FacetField> = filters
        .by_field
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(&field, _)| field)
        .collect();
    if fields.is_empty() {
        return Ok(ResolvedFilters {
            clauses: Vec::new(),
            unmatched: Vec::new(),
        });
    }
    // The values of each filtered dimension present in live documents of this kind.
    let collector = columns::facet_counter(&fields);
    let indexed = searcher
        .search(&kind_query(index.schema(), kind), &collector)
        .map_err(|e| index.error(e))?;

    let schema = index.schema();
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut unmatched = Vec::new();
    for field in fields {
        let known: Vec<String> = article_counts(&indexed, field)
            .into_iter()
            .map(|c| c.value)
            .collect();
        let mut terms: Vec<Term> = Vec::new();
        for input in filters.by_field.get(&field).into_iter().flatten() {
            let values = resolve::resolve_values(field, input, &known, gazetteer);
            if values.is_empty() {
                unmatched.push((field.as_str().to_string(), input.clone()));
            }
            tracing::debug!(%field, input, ?values, "resolved filter");
            terms.extend(values.iter().map(|value| schema.facet_term(field, value)));
        }
        // Several inputs may resolve to the same value ("Türkiye", "turkey").
        terms.sort();
        terms.dedup();
        let clause: Box<dyn Query> = if terms.is_empty() {
            Box::new(EmptyQuery)
        } else {
            // Constant zero score: filters select, they do not change relevance.
            Box::new(ConstScoreQuery::new(
                Box::new(TermSetQuery::new(terms)),
                0.0,
            ))
        };
        clauses.push(clause);
    }
    Ok(ResolvedFilters { clauses, unmatched })
}

/// The query selecting every document of `kind`, scoring 0.
fn kind_query(schema: &NewsSchema, kind: DocKind) -> ConstScoreQuery {
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
