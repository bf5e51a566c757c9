//! What an index holds (articles, quotes, stories, dates, top facet values), what it weighs on
//! disk, and the versions of the data it depends on: the answer of `newsfacet stats` and of
//! the HTTP API's `/api/stats`, computed once here so that the two cannot drift.
//!
//! Versions: `schema` is the index crate's layout version ([`SCHEMA_VERSION`], raised whenever
//! an index written before would be read wrongly; an index of another version is refused when
//! opened, so the index and the binary agree on it); `written_by` is the newsfacet version
//! recorded by the index's last commit; `gazetteer` is the version of the gazetteer bundled in
//! the binary, which the caller passes in (the binary hashes the bundled files at build time);
//! `index_gazetteer` is the version the index's last commit was tagged with (with `+` and a
//! hash when user files were added), so a difference says re-indexing would re-tag.

use std::path::Path;

use chrono::NaiveDate;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{
    columns, date_of, DocKind, FacetField, IndexError, IndexPayload, NewsIndex, StoryColumn,
    StoryCounts, SCHEMA_VERSION,
};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::error::QueryError;
use crate::request::SearchRequest;
use crate::results::FacetCount;

/// Everything `stats --json` prints; fields are only ever added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexStats {
    /// Live articles.
    pub articles: u64,
    /// Live quotes.
    pub quotes: u64,
    /// How the articles group into stories.
    pub stories: StoryCounts,
    /// The index directory and its size.
    pub index: IndexFiles,
    /// The publication dates of the articles.
    pub published: Published,
    /// The top values of every facet dimension.
    pub facets: TopValues,
    /// The versions of the binary and of what the index was written with.
    pub versions: Versions,
}

/// The index directory and what its files weigh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexFiles {
    /// The directory, as the index was opened.
    pub dir: String,
    /// The bytes of its files.
    pub bytes: u64,
    /// The number of its files.
    pub files: u64,
}

/// The publication dates of the articles: first and last day (`null` when no article is
/// dated) and how many articles have no date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The first day, `YYYY-MM-DD`.
    pub first: Option<String>,
    /// The last day, `YYYY-MM-DD`.
    pub last: Option<String>,
    /// Articles without a date.
    pub undated: u64,
}

/// The top values of each facet dimension with the summed count of the rest, in dimension
/// order (a map written in order, which a derived struct of a map could not promise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopValues(pub Vec<(FacetField, Vec<FacetCount>, u64)>);

impl Serialize for TopValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Dimension<'a> {
            values: &'a [FacetCount],
            other: u64,
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, values, other) in &self.0 {
            map.serialize_entry(
                field.as_str(),
                &Dimension {
                    values,
                    other: *other,
                },
            )?;
        }
        map.end()
    }
}

/// The versions of this build and of what the index was written with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Versions {
    /// This build's newsfacet version.
    pub newsfacet: String,
    /// The index layout version, the index's and this build's alike.
    pub schema: u32,
    /// The newsfacet version that made the index's last commit; `None` when the commit
    /// recorded none.
    pub written_by: Option<String>,
    /// The version of the gazetteer bundled in this build.
    pub gazetteer: String,
    /// The gazetteer version the index's last commit recorded; `None` when it recorded none.
    pub index_gazetteer: Option<String>,
}

/// Summarises `index`: counts, size, dates, the `top` values of every facet (at least one)
/// and the versions, `bundled_gazetteer` being the version of the gazetteer bundled in the
/// caller's build. `gazetteer` only resolves filter values, and there are none here, so the
/// bundled one without user files will do.
pub fn index_stats(
    index: &NewsIndex,
    gazetteer: &Gazetteer,
    top: usize,
    bundled_gazetteer: &str,
) -> Result<IndexStats, QueryError> {
    let mut values = Vec::new();
    for field in FacetField::ALL {
        let list = crate::facet_values(
            index,
            gazetteer,
            &SearchRequest::default(),
            field,
            top.max(1),
            None,
        )?;
        values.push((field, list.values, list.other));
    }
    let payload = last_payload(index)?;
    Ok(IndexStats {
        articles: index.count(DocKind::Article)?,
        quotes: index.count(DocKind::Quote)?,
        stories: index.story_counts()?,
        index: index_files(index.dir())?,
        published: published(index)?,
        facets: TopValues(values),
        versions: Versions {
            newsfacet: env!("CARGO_PKG_VERSION").to_string(),
            schema: SCHEMA_VERSION,
            written_by: payload.as_ref().map(|p| p.newsfacet.clone()),
            gazetteer: bundled_gazetteer.to_string(),
            index_gazetteer: payload.and_then(|p| p.gazetteer),
        },
    })
}

/// The bytes and number of files in the index directory (tantivy keeps it flat).
fn index_files(dir: &Path) -> Result<IndexFiles, IndexError> {
    let io_error = |source| IndexError::Io {
        dir: dir.to_path_buf(),
        source,
    };
    let mut files = IndexFiles {
        dir: dir.display().to_string(),
        bytes: 0,
        files: 0,
    };
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let metadata = entry.and_then(|e| e.metadata()).map_err(io_error)?;
        if metadata.is_file() {
            files.bytes += metadata.len();
            files.files += 1;
        }
    }
    Ok(files)
}

/// First and last publication day of the live articles, and the number without a date, from
/// the date column. Only articles have a story, which tells them from quotes (whose dates
/// repeat their article's).
fn published(index: &NewsIndex) -> Result<Published, IndexError> {
    let searcher = index.searcher()?;
    let mut published = Published::default();
    let (mut first, mut last): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for segment in searcher.segment_readers() {
        let stories = StoryColumn::open(segment).map_err(|e| index.error(e))?;
        let dates = columns::published(segment).map_err(|e| index.error(e))?;
        for doc in segment.doc_ids_alive() {
            if stories.ord(doc).is_none() {
                continue;
            }
            match dates.as_ref().and_then(|c| c.first(doc)).and_then(date_of) {
                Some(day) => {
                    first = Some(first.map_or(day, |f| f.min(day)));
                    last = Some(last.map_or(day, |l| l.max(day)));
                }
                None => published.undated += 1,
            }
        }
    }
    published.first = first.map(|day| day.to_string());
    published.last = last.map(|day| day.to_string());
    Ok(published)
}

/// What the index's last commit recorded about how it was built (tantivy's commit payload).
fn last_payload(index: &NewsIndex) -> Result<Option<IndexPayload>, IndexError> {
    let metas = index.index().load_metas().map_err(|e| index.error(e))?;
    Ok(metas.payload.as_deref().and_then(IndexPayload::read))
}
