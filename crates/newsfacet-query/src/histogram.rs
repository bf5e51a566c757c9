//! Date histograms of the matches: how many articles per day, week or month.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use newsfacet_index::{columns, date_of};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

/// The width of a histogram bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// One calendar day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    #[default]
    Month,
}

impl Interval {
    /// The first day of the bucket holding `day`.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => day,
            Interval::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
            Interval::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// The first day of the bucket after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Day => start.checked_add_days(Days::new(1)),
            Interval::Week => start.checked_add_days(Days::new(7)),
            Interval::Month => start.checked_add_months(chrono::Months::new(1)),
        }
    }
}

/// One bucket of a [`DateHistogram`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateBucket {
    /// The bucket's first day, `YYYY-MM-DD`.
    pub start: String,
    /// Matching articles published in the bucket.
    pub count: u64,
}

/// Matching articles per day, week or month, from the first dated match to the last, with
/// empty buckets in between so that the series can be plotted as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateHistogram {
    /// The bucket width.
    pub interval: Interval,
    /// The buckets, oldest first.
    pub buckets: Vec<DateBucket>,
    /// Matching articles without a date, in no bucket.
    pub undated: u64,
}

/// Counts matches per day of publication; [`DateHistogram::from_days`] groups the days.
pub(crate) struct DayCounts;

/// One segment of [`DayCounts`].
pub(crate) struct DayCountsSegment {
    dates: Option<Column<DateTime>>,
    days: BTreeMap<i64, u64>,
    undated: u64,
}

/// Counts per day (seconds of midnight UTC) and of undated matches.
pub(crate) type DayTally = (BTreeMap<i64, u64>, u64);

impl Collector for DayCounts {
    type Fruit = DayTally;
    type Child = DayCountsSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DayCountsSegment> {
        Ok(DayCountsSegment {
            dates: columns::published(reader)?,
            days: BTreeMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<DayTally>) -> tantivy::Result<DayTally> {
        let mut days: BTreeMap<i64, u64> = BTreeMap::new();
        let mut undated = 0;
        for (segment_days, segment_undated) in segments {
            for (day, count) in segment_days {
                *days.entry(day).or_default() += count;
            }
            undated += segment_undated;
        }
        Ok((days, undated))
    }
}

impl SegmentCollector for DayCountsSegment {
    type Fruit = DayTally;

    fn collect(&mut self, doc: DocId, _: Score) {
        match self.dates.as_ref().and_then(|dates| dates.first(doc)) {
            Some(date) => *self.days.entry(date.into_timestamp_secs()).or_default() += 1,
            None => self.undated += 1,
        }
    }

    fn harvest(self) -> DayTally {
        (self.days, self.undated)
    }
}

impl DateHistogram {
    /// Groups per-day counts into buckets of `interval`, filling the gaps with zeros.
    pub(crate) fn from_days(interval: Interval, (days, undated): DayTally) -> DateHistogram {
        let mut by_bucket: BTreeMap<NaiveDate, u64> = BTreeMap::new();
        for (seconds, count) in days {
            if let Some(day) = date_of(DateTime::from_timestamp_secs(seconds)) {
                *by_bucket.entry(interval.start(day)).or_default() += count;
            }
        }
        let mut buckets = Vec::with_capacity(by_bucket.len());
        if let (Some((&first, _)), Some((&last, _))) =
            (by_bucket.first_key_value(), by_bucket.last_key_value())
        {
            let mut start = Some(first);
            while let Some(day) = start.filter(|day| *day <= last) {
                buckets.push(DateBucket {
                    start: day.format("%Y-%m-%d").to_string(),
                    count: by_bucket.get(&day).copied().unwrap_or(0),
                });
                start = interval.next(day);
            }
        }
        DateHistogram {
            interval,
            buckets,
            undated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn seconds(y: i32, m: u32, d: u32) -> i64 {
        day(y, m, d)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp()
    }

    #[test]
    fn buckets_start_on_their_first_day() {
        // 2026-03-05 is a Thursday.
        assert_eq!(Interval::Week.start(day(2026, 3, 5)), day(2026, 3, 2));
        assert_eq!(Interval::Month.start(day(2026, 3, 5)), day(2026, 3, 1));
        assert_eq!(Interval::Day.start(day(2026, 3, 5)), day(2026, 3, 5));
    }

    #[test]
    fn days_group_into_buckets_with_gaps_filled() {
        let days = BTreeMap::from([
            (seconds(2026, 1, 30), 2),
            (seconds(2026, 1, 31), 1),
            (seconds(2026, 3, 2), 4),
        ]);
        let histogram = DateHistogram::from_days(Interval::Month, (days.clone(), 5));
        let buckets: Vec<(&str, u64)> = histogram
            .buckets
            .iter()
            .map(|b| (b.start.as_str(), b.count))
            .collect();
        assert_eq!(
            buckets,
            [("2026-01-01", 3), ("2026-02-01", 0), ("2026-03-01", 4)]
        );
        assert_eq!(histogram.undated, 5);
        let weeks = DateHistogram::from_days(Interval::Week, (days, 0));
        assert_eq!(weeks.buckets.len(), 6);
        assert_eq!(weeks.buckets[0].start, "2026-01-26");
        assert_eq!(weeks.buckets[0].count, 3);
        let empty = DateHistogram::from_days(Interval::Day, (BTreeMap::new(), 0));
        assert!(empty.buckets.is_empty());
    }
}
