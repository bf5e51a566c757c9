//! Collectors that read the `story` column: grouping matches by story (`collapse`) and
//! counting facet values once per story (`count_by: story`).
//!
//! Both work on segment-local term ordinals of the fast `story` column while collecting, and
//! turn them into story ids once per segment, so the cost per matching document is a hash
//! insert.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use newsfacet_index::{columns, FacetField, StoryColumn};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::results::FacetCount;
use crate::tally::SegmentFacetGroups;

/// How the copies of a story, and the stories, are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rank {
    /// Score descending, then date descending.
    Score,
    /// Date descending (undated last), then score descending.
    Date,
}

impl Rank {
    /// Best first; ties end with the document address so that the order is total.
    fn compare(self, a: &Member, b: &Member) -> Ordering {
        let by_score = b.score.total_cmp(&a.score);
        // `None < Some`, so descending puts undated documents last.
        let by_date = b.date.cmp(&a.date);
        let primary = match self {
            Rank::Score => by_score.then(by_date),
            Rank::Date => by_date.then(by_score),
        };
        primary.then_with(|| a.address.cmp(&b.address))
    }
}

/// One matching document of a story group.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member {
    pub score: Score,
    /// Publication date in seconds since the epoch.
    pub date: Option<i64>,
    pub address: DocAddress,
}

/// Groups every matching document by story: the fruit is the list of groups, each with its
/// members best first, ordered by their best member. A document without a story (there are
/// none among articles) is a group of its own.
pub(crate) struct StoryGroups {
    pub rank: Rank,
}

pub(crate) struct StoryGroupsSegment {
    segment: SegmentOrdinal,
    stories: StoryColumn,
    dates: Option<Column<DateTime>>,
    by_story: HashMap<u64, Vec<Member>>,
    alone: Vec<Member>,
}

/// The groups of one segment, by story id.
pub(crate) struct SegmentGroups {
    by_story: HashMap<String, Vec<Member>>,
    alone: Vec<Member>,
}

impl Collector for StoryGroups {
    type Fruit = Vec<Vec<Member>>;
    type Child = StoryGroupsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<StoryGroupsSegment> {
        Ok(StoryGroupsSegment {
            segment,
            stories: StoryColumn::open(reader)?,
            dates: columns::published(reader)?,
            by_story: HashMap::new(),
            alone: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        // The best copy of a story is the best-scoring one, and hits show scores.
        true
    }

    fn merge_fruits(&self, segments: Vec<SegmentGroups>) -> tantivy::Result<Vec<Vec<Member>>> {
        let mut by_story: HashMap<String, Vec<Member>> = HashMap::new();
        let mut groups: Vec<Vec<Member>> = Vec::new();
        for segment in segments {
            for (story, members) in segment.by_story {
                by_story.entry(story).or_default().extend(members);
            }
            groups.extend(segment.alone.into_iter().map(|member| vec![member]));
        }
        groups.extend(by_story.into_values());
        for group in &mut groups {
            group.sort_by(|a, b| self.rank.compare(a, b));
        }
        // Every group has at least one member.
        groups.sort_by(|a, b| match (a.first(), b.first()) {
            (Some(a), Some(b)) => self.rank.compare(a, b),
            _ => b.len().cmp(&a.len()),
        });
        Ok(groups)
    }
}

impl SegmentCollector for StoryGroupsSegment {
    type Fruit = SegmentGroups;

    fn collect(&mut self, doc: DocId, score: Score) {
        let member = Member {
            score,
            date: self
                .dates
                .as_ref()
                .and_then(|dates| dates.first(doc))
                .map(DateTime::into_timestamp_secs),
            address: DocAddress::new(self.segment, doc),
        };
        match self.stories.ord(doc) {
            Some(ord) => self.by_story.entry(ord).or_default().push(member),
            None => self.alone.push(member),
        }
    }

    fn harvest(self) -> SegmentGroups {
        let mut by_story = HashMap::with_capacity(self.by_story.len());
        let mut alone = self.alone;
        for (ord, members) in self.by_story {
            match self.stories.story(ord).ok().flatten() {
                Some(story) => {
                    by_story.insert(story, members);
                }
                // An unreadable dictionary entry: keep the documents, ungrouped.
                None => alone.extend(members),
            }
        }
        SegmentGroups { by_story, alone }
    }
}

/// Counts, for each value of some facet dimensions, the distinct stories among matching
/// documents that have it; and the distinct stories overall.
pub(crate) struct StoryFacetCollector {
    pub fields: Vec<FacetField>,
}

/// The fruit of a [`StoryFacetCollector`].
#[derive(Debug, Default)]
pub(crate) struct StoryFacetCounts {
    by_value: HashMap<(FacetField, String), HashSet<String>>,
    stories: HashSet<String>,
}

impl StoryFacetCounts {
    /// The values of one dimension with their story counts, unsorted.
    pub fn counts(&self, field: FacetField) -> Vec<FacetCount> {
        self.by_value
            .iter()
            .filter(|((f, _), _)| *f == field)
            .map(|((_, value), stories)| FacetCount {
                value: value.clone(),
                count: stories.len() as u64,
            })
            .collect()
    }

    /// Distinct stories among the matching documents.
    pub fn stories(&self) -> u64 {
        self.stories.len() as u64
    }
}

pub(crate) struct StoryFacetSegment {
    groups: SegmentFacetGroups,
    stories: StoryColumn,
    /// `((dimension index, group), story ordinal)` pairs seen.
    pairs: HashSet<((usize, u32), u64)>,
    story_ords: HashSet<u64>,
    /// The groups of the document being collected (kept to reuse its allocation).
    seen: Vec<(usize, u32)>,
}

impl Collector for StoryFacetCollector {
    type Fruit = StoryFacetCounts;
    type Child = StoryFacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<StoryFacetSegment> {
        Ok(StoryFacetSegment {
            groups: SegmentFacetGroups::open(reader, &self.fields)?,
            stories: StoryColumn::open(reader)?,
            pairs: HashSet::new(),
            story_ords: HashSet::new(),
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<StoryFacetCounts>) -> tantivy::Result<StoryFacetCounts> {
        let mut merged = StoryFacetCounts::default();
        for segment in segments {
            for (value, stories) in segment.by_value {
                merged.by_value.entry(value).or_default().extend(stories);
            }
            merged.stories.extend(segment.stories);
        }
        Ok(merged)
    }
}

impl SegmentCollector for StoryFacetSegment {
    type Fruit = StoryFacetCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(story) = self.stories.ord(doc) else {
            return;
        };
        self.story_ords.insert(story);
        self.groups.of_doc(doc, &mut self.seen);
        for &group in &self.seen {
            self.pairs.insert((group, story));
        }
    }

    fn harvest(self) -> StoryFacetCounts {
        // An unreadable dictionary entry leaves its story out of the counts.
        let names: HashMap<u64, String> = self
            .story_ords
            .iter()
            .filter_map(|&ord| Some((ord, self.stories.story(ord).ok().flatten()?)))
            .collect();
        let mut counts = StoryFacetCounts {
            stories: names.values().cloned().collect(),
            ..StoryFacetCounts::default()
        };
        for ((index, group), story_ord) in self.pairs {
            let value = self.groups.describe(index, group);
            if let (Some((field, key)), Some(story)) = (value, names.get(&story_ord)) {
                counts
                    .by_value
                    .entry((field, key.to_string()))
                    .or_default()
                    .insert(story.clone());
            }
        }
        counts
    }
}
