//! In-process query latency: a fixed mix of queries (terms, phrases, booleans), each run by
//! newsfacet with and without three facet filters and sorted by date, and by plain tantivy
//! as `TopDocs` + `Count` on the plain index, with percentiles over repeated runs.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{FacetField, NewsIndex};
use newsfacet_query::{SearchRequest, SortOrder};
use serde::Serialize;

use crate::plain::PlainSearcher;

/// The query texts, in newsfacet's syntax, which plain tantivy's parser reads the same way.
const MIX: &[(&str, &str)] = &[
    ("term", "oil"),
    ("term", "dollar"),
    ("terms", "oil prices"),
    ("terms", "interest rates bank"),
    ("phrase", "\"trade deficit\""),
    ("phrase", "\"central bank\""),
    ("boolean", "opec AND (saudi OR kuwait)"),
    ("boolean", "trade -japan"),
];

/// Latency percentiles of one kind of request, in milliseconds.
#[derive(Debug, Serialize)]
pub struct Latency {
    pub name: String,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

/// Runs the mix `runs` times per query and returns one row per kind of request.
pub fn measure(newsfacet: &Path, plain: &Path, runs: usize) -> anyhow::Result<Vec<Latency>> {
    let index =
        NewsIndex::open(newsfacet).with_context(|| format!("opening {}", newsfacet.display()))?;
    let gazetteer = Gazetteer::bundled()?;
    // newsfacet searches segments on every core; plain tantivy is measured both ways.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let plain_dir = plain;

    let request = |query: &str, filtered: bool, sort: SortOrder| {
        let mut request = SearchRequest {
            query: Some(query.to_string()),
            sort,
            limit: 10,
            ..SearchRequest::default()
        };
        if filtered {
            request.filters.add(FacetField::Country, "United States");
            request.filters.add(FacetField::Country, "Japan");
            request.filters.add(FacetField::Source, "Reuters");
            request.filters.add(FacetField::Source, "BBC");
            request.filters.exclude(FacetField::Country, "Canada");
        }
        request
    };
    let kinds: [(&str, bool, SortOrder); 3] = [
        ("newsfacet, counts of 4 facets", false, SortOrder::Relevance),
        (
            "newsfacet, 3 facet filters, counts",
            true,
            SortOrder::Relevance,
        ),
        ("newsfacet, sorted by date, counts", false, SortOrder::Date),
    ];
    let mut rows = Vec::new();
    for (name, filtered, sort) in kinds {
        let mut samples = Vec::new();
        for (_, query) in MIX {
            let request = request(query, filtered, sort);
            // One warm-up run: the first touches the files.
            newsfacet_query::search(&index, &gazetteer, &request)?;
            for _ in 0..runs {
                let started = Instant::now();
                let results = newsfacet_query::search(&index, &gazetteer, &request)?;
                samples.push(started.elapsed());
                std::hint::black_box(results);
            }
        }
        rows.push(latency(name, samples));
    }
    for (name, threads) in [
        ("plain tantivy, TopDocs + Count", 1),
        (
            "plain tantivy, TopDocs + Count, segments in parallel",
            threads,
        ),
    ] {
        let plain = PlainSearcher::open(plain_dir, threads)?;
        let mut samples = Vec::new();
        for (_, query) in MIX {
            plain.top_and_count(query)?;
            for _ in 0..runs {
                let started = Instant::now();
                std::hint::black_box(plain.top_and_count(query)?);
                samples.push(started.elapsed());
            }
        }
        rows.push(latency(name, samples));
    }
    Ok(rows)
}

/// Percentiles of `samples` (nearest rank).
fn latency(name: &str, mut samples: Vec<Duration>) -> Latency {
    samples.sort();
    let at = |q: f64| {
        let rank = ((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len().max(1));
        samples.get(rank - 1).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    Latency {
        name: name.to_string(),
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
    }
}
