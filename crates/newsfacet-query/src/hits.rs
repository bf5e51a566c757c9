//! Turning the stored documents of a found page into hits, through the index's typed views.

use std::collections::HashMap;

use newsfacet_index::{ArticleDoc, DocKind, NewsIndex, QuoteDoc, StoredDocument};
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

use crate::error::QueryError;
use crate::find::Found;
use crate::results::{Hit, QuoteHit, StoryCopy};
use crate::show::{article_location, Location};
use crate::snippet;

/// Loads the stored documents of the found page of `kind` as typed views and builds a hit of
/// each with `build`, with snippets of the kind's main text.
pub(crate) fn load_hits<D: StoredDocument, T: Located>(
    index: &NewsIndex,
    searcher: &Searcher,
    found: &Found,
    kind: DocKind,
    build: fn(D, f32, Option<&SnippetGenerator>) -> T,
) -> Result<Vec<T>, QueryError> {
    let field = index.schema().searched_text(kind).main;
    let generator = snippet_generator(index, searcher, found.text.as_deref(), field)?;
    let mut locations = HashMap::new();
    found
        .ranked
        .iter()
        .map(|ranked| {
            let doc = index.load::<D>(searcher, ranked.address)?;
            let mut hit = build(doc, ranked.score, generator.as_ref());
            hit.locate(index, searcher, &mut locations)?;
            Ok(hit)
        })
        .collect()
}

/// A hit that shows where its article can be read (URL or path). Article hits have it from
/// their own document; quote documents do not store it, so quote hits look their article up.
pub(crate) trait Located {
    /// Fills in the article's location when the hit's own document lacks it.
    fn locate(
        &mut self,
        _index: &NewsIndex,
        _searcher: &Searcher,
        _cache: &mut HashMap<String, Location>,
    ) -> Result<(), QueryError> {
        Ok(())
    }
}

impl Located for Hit {}

impl Located for QuoteHit {
    fn locate(
        &mut self,
        index: &NewsIndex,
        searcher: &Searcher,
        cache: &mut HashMap<String, Location>,
    ) -> Result<(), QueryError> {
        let location = article_location(index, searcher, &self.id, cache)?;
        self.url = location.url;
        self.path = location.path;
        Ok(())
    }
}

/// The snippet generator for query text over `field`; `None` without query text.
fn snippet_generator(
    index: &NewsIndex,
    searcher: &Searcher,
    text: Option<&dyn Query>,
    field: Field,
) -> Result<Option<SnippetGenerator>, QueryError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let mut generator =
        SnippetGenerator::create(searcher, text, field).map_err(|e| index.error(e))?;
    generator.set_max_num_chars(snippet::SNIPPET_CHARS);
    Ok(Some(generator))
}

/// Builds an article hit from a stored article. Its story defaults to its own id, and its
/// path is only shown when there is no URL to show instead.
pub(crate) fn article_hit(
    doc: ArticleDoc,
    score: f32,
    generator: Option<&SnippetGenerator>,
) -> Hit {
    let ArticleDoc {
        id,
        title,
        body,
        published,
        source,
        origin,
        url,
        path,
        speakers,
        countries,
        story,
    } = doc;
    Hit {
        story: story.unwrap_or_else(|| id.clone()),
        copies: None,
        also: None,
        id,
        title,
        source,
        origin,
        published: published.map(|date| date.to_string()),
        score,
        snippet: snippet::snippet(generator, &body),
        speakers,
        countries,
        path: if url.is_none() { path } else { None },
        url,
    }
}

/// The summary of another copy of a hit's story.
pub(crate) fn story_copy(doc: ArticleDoc) -> StoryCopy {
    StoryCopy {
        id: doc.id,
        source: doc.source,
        origin: doc.origin,
        title: doc.title,
        published: doc.published.map(|date| date.to_string()),
    }
}

/// Builds a quote hit from a stored quote, with its article's title, source and date.
pub(crate) fn quote_hit(
    doc: QuoteDoc,
    score: f32,
    generator: Option<&SnippetGenerator>,
) -> QuoteHit {
    QuoteHit {
        snippet: snippet::snippet(generator, &doc.text),
        text: doc.text,
        speaker: doc.speaker,
        unnamed: doc.unnamed,
        kind: doc.kind,
        cue: doc.cue,
        id: doc.article_id,
        title: doc.article_title,
        source: doc.source,
        origin: doc.origin,
        published: doc.published.map(|date| date.to_string()),
        score,
        position: doc.position,
        // Filled in by `Located::locate`: the quote document does not store them.
        url: None,
        path: None,
    }
}
