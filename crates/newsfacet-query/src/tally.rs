//! Facet counts per article (tantivy's facet collector) or per story (ours), behind one type.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use newsfacet_gazetteer::words::BuildWordHasher;
use newsfacet_index::columns::{self, FacetGroups};
use newsfacet_index::{FacetField, NewsIndex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

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
    values.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values
}

/// The collectors of facet counts for `fields` (none when empty), per article or per story.
pub(crate) type TallyCollector = (Option<GroupCounter>, Option<StoryFacetCollector>);
/// What a [`TallyCollector`] collects.
pub(crate) type TallyFruit = (Option<GroupCounts>, Option<StoryFacetCounts>);

pub(crate) fn tally_collector(fields: &[FacetField], count_by: CountBy) -> TallyCollector {
    match count_by {
        CountBy::Article if fields.is_empty() => (None, None),
        CountBy::Article => (Some(GroupCounter::new(fields)), None),
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
    match fruit {
        (Some(mut counts), _) => Tally {
            by_field: counts_by_field(fields, |field| counts.take(field)),
            stories: None,
        },
        (None, Some(counts)) => Tally {
            by_field: counts_by_field(fields, |field| by_count(counts.counts(field))),
            stories: Some(counts.stories()),
        },
        (None, None) => Tally::default(),
    }
}

/// Each of `fields` with its counts, asked of `counts_of` once per dimension however often
/// `fields` names it.
fn counts_by_field(
    fields: &[FacetField],
    mut counts_of: impl FnMut(FacetField) -> Vec<FacetCount>,
) -> BTreeMap<FacetField, Vec<FacetCount>> {
    let mut by_field = BTreeMap::new();
    for &field in fields {
        by_field.entry(field).or_insert_with(|| counts_of(field));
    }
    by_field
}

/// Counts, for each group of some facet dimensions, the matching documents that have it
/// (once per document, however many written forms of the group it carries), through each
/// segment's [`FacetGroups`].
pub(crate) struct GroupCounter {
    fields: Vec<FacetField>,
}

impl GroupCounter {
    /// A counter of the groups of `fields`.
    pub(crate) fn new(fields: &[FacetField]) -> Self {
        GroupCounter {
            fields: fields.to_vec(),
        }
    }
}

/// Per-document counts of facet groups: for each dimension, its groups with their counts, by
/// count descending then key.
#[derive(Debug, Default)]
pub(crate) struct GroupCounts(BTreeMap<FacetField, Vec<FacetCount>>);

impl GroupCounts {
    /// The groups of one dimension with their counts, by count descending then key.
    pub(crate) fn sorted(&self, field: FacetField) -> Vec<FacetCount> {
        self.0.get(&field).cloned().unwrap_or_default()
    }

    /// The groups of one dimension with their counts, by count descending then key, taken out
    /// of the counts (no copy).
    fn take(&mut self, field: FacetField) -> Vec<FacetCount> {
        self.0.remove(&field).unwrap_or_default()
    }
}

/// What a [`GroupSegmentCounter`] counted in one segment: for each dimension, the count of
/// each of the segment's groups, beside the groups that name them. Keys are only looked at
/// when the segments are merged, once per group that has a count.
pub(crate) struct SegmentGroupCounts(Vec<(FacetField, Arc<FacetGroups>, Vec<u64>)>);

/// The groups of some facet dimensions in one segment: which group each facet ordinal of a
/// document belongs to, dimension by dimension. Shared by the counters per article and per
/// story.
pub(crate) struct SegmentFacetGroups {
    /// Each counted dimension with its facet column and groups. Only these columns are read,
    /// so a count of sources does not read the many mentions of persons and places.
    dimensions: Vec<(FacetField, FacetReader, Arc<FacetGroups>)>,
}

impl SegmentFacetGroups {
    /// The groups of `fields` in `reader`'s segment.
    pub(crate) fn open(reader: &SegmentReader, fields: &[FacetField]) -> tantivy::Result<Self> {
        let mut dimensions = Vec::with_capacity(fields.len());
        for &field in fields {
            dimensions.push((
                field,
                columns::facets(reader, field)?,
                FacetGroups::of_segment(reader, field)?,
            ));
        }
        Ok(SegmentFacetGroups { dimensions })
    }

    /// The `(dimension index, group)` pairs of `doc`, each once, into `out`.
    pub(crate) fn of_doc(&self, doc: DocId, out: &mut Vec<(usize, u32)>) {
        out.clear();
        let mut ascending = true;
        for (index, (_, facets, groups)) in self.dimensions.iter().enumerate() {
            // tantivy keeps a document's facet ordinals in ascending order, and the written
            // forms of one group are adjacent ordinals, so a group's repeats come one after
            // another. Were they ever out of order, the pairs are sorted before removing
            // repeats.
            let mut previous = None;
            for ord in facets.facet_ords(doc) {
                let Some(group) = groups.group(ord) else {
                    continue;
                };
                match previous {
                    Some(last) if last == group => continue,
                    Some(last) if last > group => ascending = false,
                    _ => {}
                }
                previous = Some(group);
                out.push((index, group));
            }
        }
        if !ascending {
            out.sort_unstable();
            out.dedup();
        }
    }

    /// The number of groups of the dimension at `index`.
    fn len(&self, index: usize) -> usize {
        self.dimensions
            .get(index)
            .map_or(0, |(_, _, groups)| groups.keys().len())
    }

    /// The dimension and group key of a pair given by [`SegmentFacetGroups::of_doc`].
    pub(crate) fn describe(&self, index: usize, group: u32) -> Option<(FacetField, &str)> {
        let (field, _, groups) = self.dimensions.get(index)?;
        Some((*field, groups.keys().get(group as usize)?.as_str()))
    }
}

/// A [`GroupCounter`] over one segment.
pub(crate) struct GroupSegmentCounter {
    groups: SegmentFacetGroups,
    /// For each counted dimension, the count of each of its groups.
    counts: Vec<Vec<u64>>,
    /// The (dimension, group) pairs of the document being collected (kept to reuse its
    /// allocation).
    seen: Vec<(usize, u32)>,
}

impl Collector for GroupCounter {
    type Fruit = GroupCounts;
    type Child = GroupSegmentCounter;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<GroupSegmentCounter> {
        let groups = SegmentFacetGroups::open(reader, &self.fields)?;
        let counts = (0..self.fields.len())
            .map(|index| vec![0; groups.len(index)])
            .collect();
        Ok(GroupSegmentCounter {
            groups,
            counts,
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentGroupCounts>) -> tantivy::Result<GroupCounts> {
        // Summed by key while borrowing the segments' keys; a key is copied once, at the end.
        let mut merged: BTreeMap<FacetField, HashMap<&str, u64, BuildWordHasher>> = BTreeMap::new();
        for segment in &segments {
            for (field, groups, counts) in &segment.0 {
                let sums = merged.entry(*field).or_default();
                for (key, &count) in groups.keys().iter().zip(counts) {
                    if count > 0 {
                        *sums.entry(key.as_str()).or_default() += count;
                    }
                }
            }
        }
        Ok(GroupCounts(
            merged
                .into_iter()
                .map(|(field, sums)| {
                    // Sorted while the keys are borrowed, so that each is copied only once.
                    let mut sums: Vec<(&str, u64)> = sums.into_iter().collect();
                    sums.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                    let counts = sums
                        .into_iter()
                        .map(|(key, count)| FacetCount {
                            value: key.to_string(),
                            count,
                        })
                        .collect();
                    (field, counts)
                })
                .collect(),
        ))
    }
}

impl SegmentCollector for GroupSegmentCounter {
    type Fruit = SegmentGroupCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        // A group counts once per document, however many of its written forms it carries.
        self.groups.of_doc(doc, &mut self.seen);
        for &(index, group) in &self.seen {
            if let Some(count) = self.counts[index].get_mut(group as usize) {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> SegmentGroupCounts {
        SegmentGroupCounts(
            self.groups
                .dimensions
                .into_iter()
                .zip(self.counts)
                .map(|((field, _, groups), counts)| (field, groups, counts))
                .collect(),
        )
    }
}
