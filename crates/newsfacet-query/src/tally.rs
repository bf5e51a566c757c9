//! Facet counts per article (tantivy's facet collector) or per story (ours), behind one type.

use newsfacet_index::{columns, FacetField, NewsIndex};
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::Searcher;

use crate::error::QueryError;

use crate::request::CountBy;
use crate::results::FacetCount;
use crate::stories::{StoryFacetCollector, StoryFacetCounts};

/// Facet counts per article or per story.
pub(crate) enum Tally {
    Articles(FacetCounts),
    Stories(StoryFacetCounts),
}

impl Tally {
    /// All values of one dimension, by count descending then value ascending.
    pub fn sorted(&self, field: FacetField) -> Vec<FacetCount> {
        match self {
            Tally::Articles(counts) => article_counts(counts, field),
            Tally::Stories(counts) => by_count(counts.counts(field)),
        }
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
    if fields.is_empty() {
        return (None, None);
    }
    match count_by {
        CountBy::Article => (Some(columns::facet_counter(fields)), None),
        CountBy::Story => (
            None,
            Some(StoryFacetCollector {
                fields: fields.to_vec(),
            }),
        ),
    }
}

pub(crate) fn tally(fruit: TallyFruit) -> Option<Tally> {
    match fruit {
        (Some(counts), _) => Some(Tally::Articles(counts)),
        (None, Some(counts)) => Some(Tally::Stories(counts)),
        (None, None) => None,
    }
}
