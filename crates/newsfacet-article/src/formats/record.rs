//! What every reader produces: a [`RawRecord`] of the fields it found, and the one way such a
//! record becomes an [`Article`] (cleaning, fallback date, id).

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::article::{Article, Origin};
use crate::clean::clean_body;
use crate::error::ReadError;
use crate::one_line::clean_title;
use crate::{date, id};

/// What a reader extracted from one record, before cleaning and id assignment.
#[derive(Debug, Default)]
pub(crate) struct RawRecord {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub authors: Vec<String>,
    /// A date that is not the publication date (last modified, crawled) but whose year helps
    /// read a year-less dateline such as `MOSCOW, Feb 1 (Reuters)`.
    pub context_date: Option<NaiveDate>,
    /// When a crawler fetched the page (its status line): the publication date only when
    /// neither the metadata, the address nor the text gives one, and the year of a dateline.
    pub fetched: Option<NaiveDate>,
}

/// Where a record sits, for both [`Origin`] and error messages.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Position {
    pub line: Option<usize>,
    pub element: Option<usize>,
}

/// Cleans a record and turns it into an [`Article`], or [`ReadError::NoText`] if nothing is left.
pub(crate) fn build_article(
    path: &Path,
    pos: Position,
    raw: RawRecord,
) -> Result<Article, ReadError> {
    let title = raw.title.as_deref().map(clean_title).unwrap_or_default();
    let published = raw
        .published
        .or_else(|| fallback_date(path, &raw))
        .or(raw.fetched);
    let cleaned = raw.body.as_deref().map(clean_body).unwrap_or_default();
    let body = cleaned.text;
    if title.is_empty() && body.is_empty() {
        return Err(ReadError::NoText {
            path: path.to_path_buf(),
            line: pos.line,
            element: pos.element,
        });
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let id = id::article_id(
        raw.id.as_deref(),
        raw.source.as_deref(),
        raw.url.as_deref(),
        &file_name,
        &title,
        &body,
    );
    // Names from removed credit lines only fill gaps: metadata, where present, is the
    // publisher's own statement. The source stays raw; canonicalising it is the tagger's job.
    let source = raw
        .source
        .or_else(|| cleaned.credits.source().map(str::to_string));
    let raw_authors = if raw.authors.is_empty() {
        cleaned.credits.authors
    } else {
        raw.authors
    };
    let mut authors: Vec<String> = Vec::with_capacity(raw_authors.len());
    for author in raw_authors {
        if !author.is_empty() && !authors.contains(&author) {
            authors.push(author);
        }
    }
    Ok(Article {
        id,
        title,
        body,
        source,
        published,
        authors,
        url: raw.url,
        origin: Origin {
            path: path.to_path_buf(),
            line: pos.line,
        },
    })
}

/// The publication date when the metadata has none: from the URL's path, else from the top
/// of the raw body (before cleaning, which removes the timestamp bylines that state it). A
/// year-less dateline takes its year from the article, else from the file path, the URL or a
/// metadata date such as last-modified.
fn fallback_date(path: &Path, raw: &RawRecord) -> Option<NaiveDate> {
    let url = raw.url.as_deref();
    if let Some(date) = url.and_then(date::date_from_url) {
        return Some(date);
    }
    let body = raw.body.as_deref()?;
    let year = date::year_from_path(path)
        .or_else(|| url.and_then(date::year_from_url))
        .or_else(|| raw.context_date.or(raw.fetched).map(|d| d.year()));
    date::date_from_text(body, year)
}
