//! Facet counts per article (tantivy's facet collector) or per story (ours), behind one type.

use std::collections::BTreeMap;

use newsfacet_index::{columns, FacetField, NewsIndex};
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::Searcher;

use crate::error::QueryError;
use crate::request::CountBy;
use crate::results::FacetCount;
use crate::stories::{StoryFacetCollector, StoryFacetCounts};

/// Facet counts of the requested dimensions, each sorted by count descending then value
/// ascending, per article or per story. The dimensions may come from different passes: a
/// filtered dimension is counted without its own filter (multi-select).
#[derive(Default)]
pub(crate) struct Tally {
    by_field: BTreeMap<FacetField, Vec<FacetCount>>,
    /// Distinct stories among the matches, when counting by story.
    stories: Option<u64>,
}

impl Tally {
    /// All values of one dimension, by count descending then value ascending.
    pub fn sorted(&self, field: FacetField) -> Vec<FacetCount> {
        self.by_field.get(&field).cloned().unwrap_or_default()
    }

    /// Distinct stories among the matches of the pass that counted them by story.
    pub fn stories(&self) -> Option<u64> {
        self.stories
    }

    /// Adds the dimensions of another pass; the story count stays this pass's.
    pub fn merge(&mut self, other: Tally) {
        self.by_field.extend(other.by_field);
    }
}

/// All values of one dimension in per-article `counts`, by count descending then value
/// ascending.
pub(crate) fn article_counts(counts: &FacetCounts, field: FacetField) -> Vec<FacetCount> {
    by_count(
        counts
            .get(field.root())
            .filter_map(|(facet, count)| {
                FacetField::split(facet).map(|(_, value)| FacetCount { value, count })
            })
            .collect(),
    )
}

/// `counts` (of group keys, as tallied) with each value replaced by the name to show for its
/// group: the written form most documents use. Called on the values a result lists, after
/// cutting to the top ones, so the cost follows what is shown.
pub(crate) fn shown(
    index: &NewsIndex,
    searcher: &Searcher,
    field: FacetField,
    mut counts: Vec<FacetCount>,
) -> Result<Vec<FacetCount>, QueryError> {
    let keys: Vec<String> = counts.iter().map(|c| c.value.clone()).collect();
    let mut names = columns::facet_display_names(searcher, field, &keys)
        .map_err(|e| QueryError::Index(index.error(e)))?;
    for count in &mut counts {
        if let Some(name) = names.remove(&count.value) {
            count.value = name;
        }
    }
    Ok(counts)
}

/// Sorts facet values by count descending then value ascending.
fn by_count(mut values: Vec<FacetCount>) -> Vec<FacetCount> {
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values
}

/// The collectors of facet counts for `fields` (none when empty), per article or per story.
pub(crate) type TallyCollector = (Option<FacetCollector>, Option<StoryFacetCollector>);
/// What a [`TallyCollector`] collects.
pub(crate) type TallyFruit = (Option<FacetCounts>, Option<StoryFacetCounts>);

pub(crate) fn tally_collector(fields: &[FacetField], count_by: CountBy) -> TallyCollector {
    match count_by {
        CountBy::Article if fields.is_empty() => (None, None),
        CountBy::Article => (Some(columns::facet_counter(fields)), None),
        // Counting by story also counts the stories, which a search reports even when every
        // listed dimension is counted in a pass of its own.
        CountBy::Story => (
            None,
            Some(StoryFacetCollector {
                fields: fields.to_vec(),
            }),
        ),
    }
}

/// The counts of `fields` in what a [`TallyCollector`] collected.
pub(crate) fn tally(fruit: TallyFruit, fields: &[FacetField]) -> Tally {
    let by_field = |sorted: &dyn Fn(FacetField) -> Vec<FacetCount>| {
        fields.iter().map(|&field| (field, sorted(field))).collect()
    };
    match fruit {
        (Some(counts), _) => Tally {
            by_field: by_field(&|field| article_counts(&counts, field)),
            stories: None,
        },
        (None, Some(counts)) => Tally {
            by_field: by_field(&|field| by_count(counts.counts(field))),
            stories: Some(counts.stories()),
        },
        (None, None) => Tally::default(),
    }
}
