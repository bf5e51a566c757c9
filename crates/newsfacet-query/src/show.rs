//! One article by its id, with everything the index holds about it (`newsfacet show`), and
//! the article location that quote hits carry.
//!
//! An article is found by the term of its id ([`NewsSchema::id_term`]) restricted to one
//! [`DocKind`]: quote documents carry their article's id too, so the id alone would select the
//! article together with its quotes.
//!
//! [`NewsSchema::id_term`]: newsfacet_index::NewsSchema::id_term

use std::collections::HashMap;

use newsfacet_index::{columns, ArticleDoc, DocKind, FacetField, NewsIndex, QuoteDoc};
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocAddress, Searcher};

use crate::error::QueryError;

/// An article as `newsfacet show` prints it: metadata, every facet value, quotes and body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownArticle {
    /// Stable article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Canonical publisher, if known.
    pub source: Option<String>,
    /// The wire or outlet the story came from, if known.
    pub origin: Option<String>,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// The article's URL, when it has one.
    pub url: Option<String>,
    /// Where the article was read from (`file` or `file:line`).
    pub path: Option<String>,
    /// The article's story id (its own id when it has no copy).
    pub story: String,
    /// Speaker names, in the tagger's order.
    pub speakers: Vec<String>,
    /// Country names, in the tagger's order.
    pub countries: Vec<String>,
    /// Every facet value of the article, as written in it, by dimension.
    pub facets: ArticleFacets,
    /// The article's quotes in text order.
    pub quotes: Vec<ShownQuote>,
    /// The cleaned body.
    pub body: String,
}

/// The facet values of one article, one list per dimension, each sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleFacets {
    /// Named speakers.
    pub speaker: Vec<String>,
    /// Countries the article is about.
    pub country: Vec<String>,
    /// The publisher (at most one).
    pub source: Vec<String>,
    /// The wire the story came from (at most one).
    pub origin: Vec<String>,
    /// People mentioned.
    pub person: Vec<String>,
    /// Organizations mentioned.
    pub org: Vec<String>,
    /// Places mentioned.
    pub place: Vec<String>,
}

impl ArticleFacets {
    fn values_mut(&mut self, field: FacetField) -> &mut Vec<String> {
        match field {
            FacetField::Speaker => &mut self.speaker,
            FacetField::Country => &mut self.country,
            FacetField::Source => &mut self.source,
            FacetField::Origin => &mut self.origin,
            FacetField::Person => &mut self.person,
            FacetField::Org => &mut self.org,
            FacetField::Place => &mut self.place,
        }
    }

    /// `(dimension name, values)` pairs in the order of [`FacetField::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &[String])> {
        [
            ("speaker", self.speaker.as_slice()),
            ("country", self.country.as_slice()),
            ("source", self.source.as_slice()),
            ("origin", self.origin.as_slice()),
            ("person", self.person.as_slice()),
            ("org", self.org.as_slice()),
            ("place", self.place.as_slice()),
        ]
        .into_iter()
    }
}

/// One quote of a [`ShownArticle`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownQuote {
    /// The quote's text.
    pub text: String,
    /// The named speaker; `None` (JSON `null`) when the speaker is unnamed.
    pub speaker: Option<String>,
    /// How an unnamed speaker is described; only for unnamed speakers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unnamed: Option<String>,
    /// `direct` or `indirect`.
    pub kind: String,
    /// The cue verb or phrase, when there is one.
    pub cue: Option<String>,
    /// Byte offset of the quote in the article's tagged text (title, blank line, body).
    pub position: u64,
}

/// The article with this id, with its facets and quotes; `None` when the index has no
/// article of that id.
pub fn article_by_id(index: &NewsIndex, id: &str) -> Result<Option<ShownArticle>, QueryError> {
    let searcher = index.searcher()?;
    let Some(address) = documents(index, &searcher, id, DocKind::Article)?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let doc: ArticleDoc = index.load(&searcher, address)?;
    let facets = article_facets(index, &searcher, address)?;
    let mut quotes = Vec::new();
    for address in documents(index, &searcher, id, DocKind::Quote)? {
        let quote: QuoteDoc = index.load(&searcher, address)?;
        quotes.push(ShownQuote {
            text: quote.text,
            speaker: quote.speaker,
            unnamed: quote.unnamed,
            kind: quote.kind,
            cue: quote.cue,
            position: quote.position,
        });
    }
    quotes.sort_by_key(|quote| quote.position);
    Ok(Some(ShownArticle {
        story: doc.story.unwrap_or_else(|| doc.id.clone()),
        id: doc.id,
        title: doc.title,
        source: doc.source,
        origin: doc.origin,
        published: doc.published.map(|date| date.to_string()),
        url: doc.url,
        path: doc.path,
        speakers: doc.speakers,
        countries: doc.countries,
        facets,
        quotes,
        body: doc.body,
    }))
}

/// Where the article `id` can be found: its URL, else the path it was read from (as in
/// [`Hit`](crate::Hit)). Quote documents store neither, so quote hits ask their article; the
/// cache keeps one lookup per article when several quotes of a page share it.
pub(crate) fn article_location(
    index: &NewsIndex,
    searcher: &Searcher,
    id: &str,
    cache: &mut HashMap<String, Location>,
) -> Result<Location, QueryError> {
    if let Some(location) = cache.get(id) {
        return Ok(location.clone());
    }
    let location = match documents(index, searcher, id, DocKind::Article)?.first() {
        Some(&address) => {
            let doc: ArticleDoc = index.load(searcher, address)?;
            match doc.url {
                Some(url) => Location {
                    url: Some(url),
                    path: None,
                },
                None => Location {
                    url: None,
                    path: doc.path,
                },
            }
        }
        None => Location::default(),
    };
    cache.insert(id.to_string(), location.clone());
    Ok(location)
}

/// An article's URL, or the path it was read from when it has no URL.
#[derive(Debug, Clone, Default)]
pub(crate) struct Location {
    pub url: Option<String>,
    pub path: Option<String>,
}

/// The documents of `kind` carrying the article id `id`, in address order.
fn documents(
    index: &NewsIndex,
    searcher: &Searcher,
    id: &str,
    kind: DocKind,
) -> Result<Vec<DocAddress>, QueryError> {
    let schema = index.schema();
    let term =
        |term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
    let query = BooleanQuery::new(vec![
        (Occur::Must, term(schema.id_term(id))),
        (Occur::Must, term(schema.kind_term(kind))),
    ]);
    let found = searcher
        .search(&query, &DocSetCollector)
        .map_err(|e| index.error(e))?;
    let mut addresses: Vec<DocAddress> = found.into_iter().collect();
    addresses.sort();
    Ok(addresses)
}

/// The facet values of the document at `address`, read from the facet column: facets are
/// indexed, not stored, and the column has each document's own written forms.
fn article_facets(
    index: &NewsIndex,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<ArticleFacets, QueryError> {
    let segment = searcher.segment_reader(address.segment_ord);
    let mut facets = ArticleFacets::default();
    let mut facet = Facet::root();
    for field in FacetField::ALL {
        let reader = columns::facets(segment, field).map_err(|e| index.error(e))?;
        for ord in reader.facet_ords(address.doc_id) {
            reader
                .facet_from_ord(ord, &mut facet)
                .map_err(|e| index.error(e))?;
            if let Some((_, _, value)) = FacetField::split_value(&facet) {
                facets.values_mut(field).push(value);
            }
        }
    }
    for field in FacetField::ALL {
        let values = facets.values_mut(field);
        values.sort();
        values.dedup();
    }
    Ok(facets)
}
