//! `newsfacet-bench load`: a bounded load test of a running `newsfacet serve`.
//!
//! `clients` threads, each with its own blocking HTTP client and keep-alive connection, send
//! a fixed mix of API requests ([`MIX`]: searches with and without filters and per-story
//! counts, quotes, facet lists and a date histogram) one after another for `seconds`, each
//! starting at its own place in the mix. A request counts from sending it to reading its whole
//! body. A request fails when it gets no answer or a status other than 2xx; any failure makes
//! the command exit non-zero.
//!
//! The mix uses words and names common in news (and in the Reuters articles the benchmark
//! corpus is made from), so that the 100k index gives real hit lists; on an index without
//! them the requests still exercise the same paths.

use std::time::{Duration, Instant};

use anyhow::bail;
use serde::Serialize;

/// The requests each client cycles through (paths with query strings).
pub const MIX: [&str; 12] = [
    "/api/search?q=oil",
    "/api/search?q=*",
    "/api/search?q=trade+deficit&country=Japan",
    "/api/search?q=bank+rates&count-by=story&limit=20",
    "/api/search?q=*&collapse=1&country=United+States",
    "/api/search?q=oil+prices&sort=date&since=1987-01-01",
    "/api/search?q=talks&source=Reuters&not-country=China&offset=10",
    "/api/quotes?q=said",
    "/api/quotes",
    "/api/facets?field=country",
    "/api/facets?field=speaker&q=oil&top=50",
    "/api/facets?field=date&interval=month",
];

/// What to run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The server, e.g. `http://127.0.0.1:7700` (a trailing `/` is ignored).
    pub url: String,
    /// Concurrent clients.
    pub clients: usize,
    /// How long the clients send requests.
    pub seconds: f64,
}

/// What a run measured.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Concurrent clients.
    pub clients: usize,
    /// Wall time of the run, in seconds.
    pub seconds: f64,
    /// Requests answered or failed.
    pub requests: u64,
    /// Requests that got no answer or a status other than 2xx.
    pub failed: u64,
    /// Requests per second.
    pub requests_per_second: f64,
    /// Median latency in milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency in milliseconds.
    pub p99_ms: f64,
    /// The slowest request in milliseconds.
    pub max_ms: f64,
    /// The first few failures, for the report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<String>,
}

/// What one client measured.
#[derive(Default)]
struct ClientRun {
    latencies_ms: Vec<f64>,
    failed: u64,
    failures: Vec<String>,
}

/// Failures kept per client for the report.
const KEPT_FAILURES: usize = 5;

/// Runs the clients and reports; does not fail on failed requests (see [`run`]).
pub fn measure(settings: &Settings) -> anyhow::Result<Report> {
    if settings.clients == 0 {
        bail!("--clients must be at least 1");
    }
    if !(settings.seconds > 0.0 && settings.seconds.is_finite()) {
        bail!("--seconds must be a positive number");
    }
    let base = settings.url.trim_end_matches('/').to_string();
    let duration = Duration::from_secs_f64(settings.seconds);
    let started = Instant::now();
    let deadline = started + duration;
    let runs: Vec<ClientRun> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..settings.clients)
            .map(|client| {
                let base = &base;
                scope.spawn(move || run_client(base, client, deadline))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut latencies: Vec<f64> = runs
        .iter()
        .flat_map(|r| r.latencies_ms.iter().copied())
        .collect();
    latencies.sort_by(f64::total_cmp);
    let requests = latencies.len() as u64;
    Ok(Report {
        clients: settings.clients,
        seconds: elapsed,
        requests,
        failed: runs.iter().map(|r| r.failed).sum(),
        requests_per_second: requests as f64 / elapsed.max(f64::EPSILON),
        p50_ms: percentile(&latencies, 0.50),
        p99_ms: percentile(&latencies, 0.99),
        max_ms: latencies.last().copied().unwrap_or(0.0),
        failures: runs
            .into_iter()
            .flat_map(|r| r.failures)
            .take(KEPT_FAILURES)
            .collect(),
    })
}

/// One client: requests from the mix, in turn, until the deadline.
fn run_client(base: &str, client: usize, deadline: Instant) -> ClientRun {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut run = ClientRun::default();
    let mut turn = client;
    while Instant::now() < deadline {
        let path = MIX[turn % MIX.len()];
        turn += 1;
        let sent = Instant::now();
        let outcome = agent
            .get(format!("{base}{path}"))
            .call()
            .and_then(|mut response| {
                let status = response.status();
                response.body_mut().read_to_vec().map(|_| status)
            });
        run.latencies_ms.push(sent.elapsed().as_secs_f64() * 1000.0);
        let failure = match outcome {
            Ok(status) if status.is_success() => None,
            Ok(status) => Some(format!("{path}: HTTP {status}")),
            Err(error) => Some(format!("{path}: {error}")),
        };
        if let Some(failure) = failure {
            run.failed += 1;
            if run.failures.len() < KEPT_FAILURES {
                run.failures.push(failure);
            }
        }
    }
    run
}

/// The nearest-rank percentile `q` (0–1) of sorted values; 0 when there are none.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Runs the load test, prints the report (one JSON object with `json`), and fails when any
/// request failed.
pub fn run(settings: &Settings, json: bool) -> anyhow::Result<()> {
    let report = measure(settings)?;
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "{} clients, {:.1} s: {} requests, {:.1} requests/s, p50 {:.2} ms, p99 {:.2} ms, \
             max {:.2} ms, {} failed",
            report.clients,
            report.seconds,
            report.requests,
            report.requests_per_second,
            report.p50_ms,
            report.p99_ms,
            report.max_ms,
            report.failed
        );
        for failure in &report.failures {
            println!("  failed: {failure}");
        }
    }
    if report.failed > 0 {
        bail!("{} of {} requests failed", report.failed, report.requests);
    }
    if report.requests == 0 {
        bail!("no request was answered");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.50), 50.0);
        assert_eq!(percentile(&values, 0.99), 99.0);
        assert_eq!(percentile(&values, 1.0), 100.0);
        assert_eq!(percentile(&[3.0], 0.99), 3.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}
