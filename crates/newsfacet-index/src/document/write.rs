//! The write side of the document layout: one tagged article becomes an article document
//! and one document per quote.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use newsfacet_article::Article;
use newsfacet_gazetteer::EntityType;
use newsfacet_tag::story::Signature;
use newsfacet_tag::{Quote, QuoteKind, Tags};
use tantivy::TantivyDocument;

use crate::schema::{
    date_value, is_storable_date, story_band_value, DocKind, FacetField, NewsSchema,
};

/// Bumped whenever the mapping from article to document changes without a schema change, so
/// that re-indexing rewrites every document once.
pub(crate) const DOCUMENT_VERSION: u32 = 2;

/// Everything stored for one article and its quotes, in the form that is written.
pub(crate) struct PreparedArticle<'a> {
    id: &'a str,
    title: &'a str,
    body: &'a str,
    source: Option<&'a str>,
    origin: Option<&'a str>,
    published: Option<NaiveDate>,
    url: Option<&'a str>,
    path: String,
    speakers: Vec<&'a str>,
    countries: Vec<&'a str>,
    /// Sorted and deduplicated so that tagger output order does not count as a change.
    facets: BTreeSet<(FacetField, String)>,
    quotes: Vec<PreparedQuote<'a>>,
}

/// One quote of a [`PreparedArticle`].
struct PreparedQuote<'a> {
    text: &'a str,
    /// The named speaker as a facet value; `None` for unnamed speakers.
    speaker: Option<String>,
    unnamed: Option<&'a str>,
    kind: QuoteKind,
    cue: Option<&'a str>,
    position: usize,
}

impl<'a> PreparedQuote<'a> {
    /// `None` for a quote without text, which nobody could find or read.
    fn new(quote: &'a Quote) -> Option<Self> {
        let text = quote.text.trim();
        (!text.is_empty()).then(|| PreparedQuote {
            text,
            speaker: quote.speaker.as_deref().and_then(facet_value),
            unnamed: non_blank(quote.unnamed.as_deref()),
            kind: quote.kind,
            cue: non_blank(quote.cue.as_deref()),
            position: quote.start,
        })
    }
}

impl<'a> PreparedArticle<'a> {
    pub(crate) fn new(article: &'a Article, tags: &'a Tags) -> Self {
        let path = article.origin.to_string();
        let mut facets = BTreeSet::new();
        let mut add = |field: FacetField, name: &str| {
            if let Some(value) = facet_value(name) {
                facets.insert((field, value));
            }
        };
        for speaker in &tags.speakers {
            add(FacetField::Speaker, &speaker.name);
        }
        for country in &tags.countries {
            add(FacetField::Country, &country.name);
        }
        if let Some(source) = &tags.source {
            add(FacetField::Source, source);
        }
        if let Some(origin) = &tags.origin {
            add(FacetField::Origin, origin);
        }
        for entity in &tags.entities {
            let field = match entity.entity_type {
                EntityType::Person => FacetField::Person,
                EntityType::Organization => FacetField::Org,
                EntityType::Place => FacetField::Place,
            };
            add(field, &entity.name);
        }
        PreparedArticle {
            id: &article.id,
            title: &article.title,
            body: &article.body,
            source: non_blank(tags.source.as_deref()),
            origin: non_blank(tags.origin.as_deref()),
            // A date the index cannot hold (before 1677 or after 2262) is no publication
            // date of news; the article is indexed undated rather than at a wrong date.
            published: article.published.filter(|&date| is_storable_date(date)),
            url: non_blank(article.url.as_deref()),
            path,
            speakers: tags.speakers.iter().map(|s| s.name.as_str()).collect(),
            countries: tags.countries.iter().map(|c| c.name.as_str()).collect(),
            facets,
            quotes: tags.quotes.iter().filter_map(PreparedQuote::new).collect(),
        }
    }

    /// The fields article and quote documents share: kind, article id, date, source and
    /// origin.
    fn common(&self, schema: &NewsSchema, kind: DocKind) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(schema.doc_kind, kind.as_str());
        doc.add_text(schema.id, self.id);
        if let Some(date) = self.published {
            doc.add_date(schema.published, date_value(date));
        }
        if let Some(source) = self.source {
            doc.add_text(schema.source, source);
        }
        if let Some(origin) = self.origin {
            doc.add_text(schema.origin, origin);
        }
        doc
    }

    pub(crate) fn article_document(
        &self,
        schema: &NewsSchema,
        content_hash: u64,
        story: &str,
        signature: Option<&Signature>,
    ) -> TantivyDocument {
        let mut doc = self.common(schema, DocKind::Article);
        doc.add_text(schema.story, story);
        if let Some(signature) = signature {
            for key in signature.band_keys() {
                doc.add_u64(schema.story_bands, story_band_value(key));
            }
            let digest = signature.digest();
            for word in digest.packed_minhash() {
                doc.add_u64(schema.story_minhash, word);
            }
            for &number in digest.numbers() {
                doc.add_u64(schema.story_numbers, u64::from(number));
            }
        }
        doc.add_text(schema.title, self.title);
        doc.add_text(schema.body, self.body);
        doc.add_text(schema.title_exact, self.title);
        doc.add_text(schema.body_exact, self.body);
        if let Some(url) = self.url {
            doc.add_text(schema.url, url);
        }
        doc.add_text(schema.path, &self.path);
        for speaker in &self.speakers {
            doc.add_text(schema.speakers, speaker);
        }
        for country in &self.countries {
            doc.add_text(schema.countries, country);
        }
        for (field, value) in &self.facets {
            doc.add_facet(schema.facet(*field), field.facet(value));
        }
        doc.add_u64(schema.content_hash, content_hash);
        doc
    }

    /// One document per quote, in text order.
    pub(crate) fn quote_documents<'s>(
        &'s self,
        schema: &'s NewsSchema,
    ) -> impl Iterator<Item = TantivyDocument> + 's {
        self.quotes.iter().map(move |quote| {
            let mut doc = self.common(schema, DocKind::Quote);
            doc.add_text(schema.quote, quote.text);
            doc.add_text(schema.quote_exact, quote.text);
            doc.add_text(schema.article_title, self.title);
            // Only the quote's own speaker: a speaker filter on quotes selects what that
            // speaker said, and the article's facets are read from the article's block.
            if let Some(speaker) = &quote.speaker {
                doc.add_text(schema.speakers, speaker);
                doc.add_facet(
                    schema.facet(FacetField::Speaker),
                    FacetField::Speaker.facet(speaker),
                );
            }
            if let Some(unnamed) = quote.unnamed {
                doc.add_text(schema.unnamed, unnamed);
            }
            doc.add_text(schema.quote_kind, quote_kind_str(quote.kind));
            if let Some(cue) = quote.cue {
                doc.add_text(schema.cue, cue);
            }
            doc.add_u64(schema.position, quote.position as u64);
            doc
        })
    }
}

/// The stored form of a quote kind, the same word as in `analyze --json`.
fn quote_kind_str(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
    }
}

/// Trimmed text, `None` when blank.
fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|s| !s.is_empty())
}

/// A name as it may appear in a facet path: trimmed, with NUL removed (tantivy uses it as the
/// path separator), `None` when nothing is left.
fn facet_value(name: &str) -> Option<String> {
    let value: String = name.trim().chars().filter(|&c| c != '\0').collect();
    (!value.is_empty()).then_some(value)
}
