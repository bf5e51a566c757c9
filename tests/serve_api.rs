//! API tests of `newsfacet serve`: a server on a free local port over the sample corpus
//! (`tests/support/server.rs`), its answers checked against `tests/fixtures/corpus-truth.json`,
//! worked out by hand for the sample, and against what the command line prints with `--json`
//! for the same request.

#[path = "support/server.rs"]
mod server;
#[path = "support/truth.rs"]
mod truth;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::Value;
use server::{newsfacet, sample_index, Server};

/// One HTTP answer.
struct Answer {
    status: u16,
    content_type: String,
    headers: ureq::http::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        assert!(
            self.content_type.starts_with("application/json"),
            "JSON, not {:?}: {}",
            self.content_type,
            self.body
        );
        serde_json::from_str(&self.body).expect("the body is one JSON value")
    }

    /// The body of a successful answer as JSON.
    fn ok(&self) -> Value {
        assert_eq!(self.status, 200, "{}", self.body);
        self.json()
    }

    /// The message of an error answer, checking its shape: `{"error": "…", "status": N}`.
    fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        let body = self.json();
        assert_eq!(body["status"], status, "{body}");
        assert_eq!(body.as_object().map(|o| o.len()), Some(2), "{body}");
        body["error"]
            .as_str()
            .expect("an error message")
            .to_string()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// `GET path` (with its query string) from `server`, with extra request headers.
fn get_with(server: &Server, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = agent().get(server.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut response = request.call().expect("the server answers");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    Answer {
        status: response.status().as_u16(),
        content_type,
        headers: response.headers().clone(),
        body: response.body_mut().read_to_string().expect("a text body"),
    }
}

fn get(server: &Server, path: &str) -> Answer {
    get_with(server, path, &[])
}

/// Percent-encodes a query parameter value (everything but unreserved characters).
fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A query string of `(name, value)` pairs.
fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", enc(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The titles of every hit of `/api/search?q=*` with these filters, checking that `total`
/// counts them all.
fn titles(server: &Server, filters: &[(&str, &str)]) -> BTreeSet<String> {
    let mut pairs = vec![("q", "*"), ("limit", "200")];
    pairs.extend_from_slice(filters);
    let results = get(server, &format!("/api/search?{}", query(&pairs))).ok();
    let hits = results["hits"].as_array().expect("hits");
    assert_eq!(results["total"].as_u64(), Some(hits.len() as u64));
    hits.iter()
        .map(|h| h["title"].as_str().expect("title").to_string())
        .collect()
}

#[test]
fn the_server_listens_on_localhost_by_default() {
    let server = Server::sample();
    assert!(
        server.base_url.starts_with("http://127.0.0.1:"),
        "{}",
        server.base_url
    );
    let port = server.base_url.rsplit(':').next().unwrap_or_default();
    assert_ne!(port, "0", "the listening line names the real port");
}

#[test]
fn a_country_filter_returns_exactly_the_truths_articles() {
    let server = Server::sample();
    let japan = truth::titles(|a| a.countries.iter().any(|c| c == "Japan"));
    assert_eq!(
        japan.len(),
        6,
        "corpus-truth.json: six articles about Japan"
    );
    assert_eq!(titles(&server, &[("country", "Japan")]), japan);
    let countries: BTreeSet<String> = truth::articles()
        .into_iter()
        .flat_map(|a| a.countries)
        .collect();
    for country in &countries {
        let expected = truth::titles(|a| a.countries.contains(country));
        assert_eq!(
            titles(&server, &[("country", country)]),
            expected,
            "{country}"
        );
    }
}

#[test]
fn speaker_filters_return_exactly_the_truths_articles() {
    let server = Server::sample();
    let speakers: BTreeSet<String> = truth::articles()
        .into_iter()
        .flat_map(|a| a.speakers)
        .collect();
    assert!(speakers.len() > 10);
    for speaker in &speakers {
        let expected = truth::titles(|a| a.speakers.contains(speaker));
        assert_eq!(
            titles(&server, &[("speaker", speaker)]),
            expected,
            "{speaker}"
        );
    }
    // Aliases and case, as on the command line.
    let shoigu = truth::titles(|a| a.speakers.iter().any(|s| s == "Sergei Shoigu"));
    assert_eq!(shoigu.len(), 3);
    assert_eq!(titles(&server, &[("speaker", "shoygu")]), shoigu);
}

#[test]
fn a_repeated_parameter_ors_and_different_parameters_and() {
    let server = Server::sample();
    let reuters_or_tass =
        truth::titles(|a| matches!(a.source.as_deref(), Some("Reuters" | "TASS")));
    assert_eq!(reuters_or_tass.len(), 7, "5 Reuters and 2 TASS articles");
    assert_eq!(
        titles(&server, &[("source", "Reuters"), ("source", "TASS")]),
        reuters_or_tass
    );
    let shoigu_on_japan = truth::titles(|a| {
        a.speakers.iter().any(|s| s == "Sergei Shoigu") && a.countries.iter().any(|c| c == "Japan")
    });
    assert!(!shoigu_on_japan.is_empty());
    assert_eq!(
        titles(
            &server,
            &[("speaker", "Sergei Shoigu"), ("country", "Japan")]
        ),
        shoigu_on_japan
    );
    let not_japan = truth::titles(|a| !a.countries.iter().any(|c| c == "Japan"));
    assert_eq!(titles(&server, &[("not-country", "Japan")]), not_japan);
}

#[test]
fn source_facet_counts_match_the_truth() {
    let server = Server::sample();
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for article in truth::articles() {
        if let Some(source) = article.source {
            *expected.entry(source).or_default() += 1;
        }
    }
    assert_eq!(expected.get("Reuters"), Some(&5));
    let list = get(&server, "/api/facets?field=source&top=1000").ok();
    assert_eq!(list["field"], "source");
    assert_eq!(list["total"], 30, "30 articles");
    assert_eq!(list["other"], 0);
    let counts: BTreeMap<String, u64> = list["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(counts, expected);
    // Search results carry the same counts in their summary, and a source filter leaves its
    // own counts open (multi-select) while narrowing the others.
    let results = get(&server, "/api/search?q=*&source=Reuters&limit=0").ok();
    assert_eq!(results["total"], 5);
    assert_eq!(results["hits"], serde_json::json!([]));
    let sources = results["facets"]["source"]
        .as_array()
        .expect("source counts");
    assert!(sources
        .iter()
        .any(|v| v["value"] == "TASS" && v["count"] == 2));
}

#[test]
fn unknown_ids_and_routes_are_404s_with_a_json_body() {
    let server = Server::sample();
    let message = get(&server, "/api/articles/no-such-article").error(404);
    assert!(message.contains("no-such-article"), "{message}");
    get(&server, "/api/nothing").error(404);
    get(&server, "/etc/passwd").error(404);
    get(&server, "/assets/../Cargo.toml").error(404);
    let post = agent()
        .post(server.url("/api/search?q=oil"))
        .send_empty()
        .expect("the server answers");
    assert_eq!(post.status().as_u16(), 405);
}

#[test]
fn malformed_requests_are_400s_that_name_the_problem() {
    let server = Server::sample();
    let long_query = "a".repeat(1001);
    for (path, mentions) in [
        ("/api/search?q=title:(", "invalid query"),
        ("/api/quotes?q=%22unbalanced", "invalid query"),
        ("/api/search?q=talks%20colour:red", "colour"),
        ("/api/search?q=oil&index=/etc", "\"index\""),
        ("/api/search?q=oil&gazetteer=/etc/passwd", "\"gazetteer\""),
        ("/api/search?q=oil&json", "\"json\""),
        ("/api/search?q=oil&speakr=Putin", "\"speakr\""),
        ("/api/quotes?collapse=1", "\"collapse\""),
        ("/api/facets?field=source&limit=3", "\"limit\""),
        ("/api/stats?q=oil", "\"q\""),
        ("/api/search?q=oil&limit=201", "at most 200"),
        ("/api/search?q=oil&offset=10001", "at most 10000"),
        ("/api/facets?field=source&top=1001", "at most 1000"),
        ("/api/stats?top=1001", "at most 1000"),
        ("/api/search?q=oil&limit=ten", "\"limit\""),
        ("/api/search?q=oil&limit=1&limit=2", "more than once"),
        ("/api/search?q=oil&since=March", "\"since\""),
        (
            "/api/search?q=oil&since=2026-03-02&until=2026-03-01",
            "date range",
        ),
        ("/api/search?q=oil&sort=newest", "relevance or date"),
        ("/api/search?q=oil&exact=maybe", "\"exact\""),
        ("/api/search?q=oil&count-by=word", "article or story"),
        ("/api/facets?q=oil", "\"field\""),
        ("/api/facets?field=speakers", "\"field\""),
        ("/api/articles/x?full=1", "\"full\""),
        (&format!("/api/search?q={long_query}"), "1000 characters"),
    ] {
        let message = get(&server, path).error(400);
        assert!(message.contains(mentions), "{path}: {message}");
    }
}

#[test]
fn limits_are_inclusive() {
    let server = Server::sample();
    get(&server, "/api/search?q=*&limit=200&offset=10000").ok();
    get(&server, "/api/facets?field=place&top=1000").ok();
    get(&server, &format!("/api/search?q={}", "a".repeat(1000))).ok();
}

/// `newsfacet COMMAND ARGS… --index SAMPLE --json` as JSON.
fn cli_json(command: &str, args: &[&str]) -> Value {
    let index = sample_index().display().to_string();
    let mut all = vec![command];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--index", &index, "--json"]);
    let output = newsfacet(&all);
    assert!(
        output.status.success(),
        "newsfacet {all:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON value")
}

/// The API's answer to `path` equals the CLI's `--json` output for `args`, and is not empty.
fn assert_same(server: &Server, path: &str, command: &str, args: &[&str]) -> Value {
    let api = get(server, path).ok();
    let cli = cli_json(command, args);
    assert_eq!(api, cli, "{path} against newsfacet {command} {args:?}");
    api
}

#[test]
fn api_bodies_are_what_the_cli_prints_with_json() {
    let server = Server::sample();
    let search = assert_same(&server, "/api/search?q=Shoigu", "search", &["Shoigu"]);
    assert!(search["total"].as_u64() > Some(0));
    assert!(search["hits"][0]["snippet"]
        .as_str()
        .is_some_and(|s| s.contains("<b>")));
    assert_same(
        &server,
        "/api/search?q=talks&country=Russia&country=Japan&not-source=TASS&sort=date&limit=3&offset=1&operator=or&fuzzy=1&exact=false",
        "search",
        &[
            "talks", "--country", "Russia", "--country", "Japan", "--not-source", "TASS",
            "--sort", "date", "--limit", "3", "--offset", "1", "--operator", "or", "--fuzzy",
        ],
    );
    let collapsed = assert_same(
        &server,
        "/api/search?q=*&collapse&count-by=story&since=2026-01-01&until=2026-12-31&limit=50",
        "search",
        &[
            "*",
            "--collapse",
            "--count-by",
            "story",
            "--since",
            "2026-01-01",
            "--until",
            "2026-12-31",
            "--limit",
            "50",
        ],
    );
    assert!(collapsed["stories"].as_u64() > Some(0));
    assert_same(
        &server,
        "/api/search?q=Lavrov&no-variants=true&speaker=nobody-at-all",
        "search",
        &["Lavrov", "--no-variants", "--speaker", "nobody-at-all"],
    );
    // Snippets are the text as written with the markers kept, as `--json` gives them, not
    // HTML: "Japan's", not "Japan&#x27;s".
    let japan = assert_same(
        &server,
        "/api/search?q=japan&speaker=shoigu",
        "search",
        &["japan", "--speaker", "shoigu"],
    );
    assert_eq!(japan["total"], 3);
    assert!(
        japan["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .any(|h| h["snippet"]
                .as_str()
                .is_some_and(|s| s.contains("<b>Japan</b>'s"))),
        "{japan}"
    );
    let quotes = assert_same(&server, "/api/quotes", "quotes", &[]);
    assert!(quotes["total"].as_u64() > Some(0));
    assert_same(
        &server,
        "/api/quotes?q=multipolar&speaker=Lavrov&limit=5",
        "quotes",
        &["multipolar", "--speaker", "Lavrov", "--limit", "5"],
    );
    assert_same(
        &server,
        "/api/facets?field=country&q=talks&top=5&count-by=story&source=Reuters",
        "facets",
        &[
            "talks",
            "--field",
            "country",
            "--top",
            "5",
            "--count-by",
            "story",
            "--source",
            "Reuters",
        ],
    );
    assert_same(
        &server,
        "/api/facets?field=speaker&prefix=ser",
        "facets",
        &["--field", "speaker", "--prefix", "ser"],
    );
    let histogram = assert_same(
        &server,
        "/api/facets?field=date&interval=week&not-country=Japan",
        "facets",
        &[
            "--field",
            "date",
            "--interval",
            "week",
            "--not-country",
            "Japan",
        ],
    );
    assert!(!histogram["buckets"].as_array().expect("buckets").is_empty());
    let id = search["hits"][0]["id"].as_str().expect("an id").to_string();
    let article = assert_same(
        &server,
        &format!("/api/articles/{}", enc(&id)),
        "show",
        &[&id],
    );
    assert_eq!(article["id"], id.as_str());
    let stats = assert_same(&server, "/api/stats", "stats", &[]);
    assert_eq!(stats["articles"], 30);
    assert_same(&server, "/api/stats?top=2", "stats", &["--top", "2"]);
}

/// The `--flag` names in `newsfacet COMMAND --help`: the long names of the option lines
/// (`  -v, --verbose...`, `      --color <WHEN>`), not flags named in descriptions.
fn help_flags(command: &str) -> BTreeSet<String> {
    let output = newsfacet(&[command, "--help"]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    help.lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with('-'))
        .flat_map(|line| {
            line.split_whitespace()
                .take_while(|word| word.starts_with('-') || word.starts_with('<'))
                .filter_map(|word| word.strip_prefix("--"))
                .map(|flag| {
                    flag.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .filter(|flag| !flag.is_empty())
        .collect()
}

#[test]
fn every_query_flag_of_the_cli_is_an_api_parameter() {
    use newsfacet_serve::params::Endpoint;
    /// Flags that only make sense on this machine or in a terminal.
    const LOCAL: [&str; 11] = [
        "index",
        "json",
        "format",
        "fields",
        "page-size",
        "gazetteer",
        "color",
        "verbose",
        "quiet",
        "help",
        "version",
    ];
    let server = Server::sample();
    for (command, endpoint) in [
        ("search", Endpoint::Search),
        ("quotes", Endpoint::Quotes),
        ("facets", Endpoint::Facets),
        ("stats", Endpoint::Stats),
    ] {
        let flags = help_flags(command);
        assert!(flags.contains("limit") || command == "facets" || command == "stats");
        assert!(flags.contains("index"), "{command}: {flags:?}");
        let wanted: BTreeSet<String> = flags
            .into_iter()
            .filter(|f| !LOCAL.contains(&f.as_str()))
            .collect();
        let mut params: BTreeSet<String> =
            endpoint.params().into_iter().map(String::from).collect();
        // The positional query text.
        params.remove("q");
        assert_eq!(
            params, wanted,
            "{command}: API parameters against CLI flags"
        );
        // And the server takes each of them (it may refuse the value, not the name).
        for flag in &wanted {
            let answer = get(&server, &format!("{}?{flag}=1", endpoint.path()));
            if answer.status != 200 {
                let message = answer.error(400);
                assert!(!message.contains("unknown parameter"), "{flag}: {message}");
            }
        }
    }
}

#[test]
fn a_new_commit_is_seen_without_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    server::build_index("index-data/corpus", &index);
    let server = Server::start(&index, &[]);
    let before = get(&server, "/api/search?q=*&limit=0").ok();
    assert_eq!(before["total"], 30);
    get(&server, "/api/search?q=zanzibarite").ok()["total"]
        .as_u64()
        .filter(|&n| n == 0)
        .expect("no zanzibarite yet");

    let corpus = dir.path().join("more.jsonl");
    let records = [
        serde_json::json!({
            "id": "serve-test-1",
            "title": "Zanzibarite miners strike over pay",
            "text": "Miners of zanzibarite in the north walked out on Monday over unpaid wages, union officials said.",
            "date": "2026-05-04",
        }),
        serde_json::json!({
            "id": "serve-test-2",
            "title": "Harbour budget approved",
            "text": "The council approved the harbour budget on Tuesday after a long debate about dredging.",
            "date": "2026-05-05",
        }),
    ];
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&corpus, lines).expect("corpus written");
    server::build_index(&corpus.display().to_string(), &index);

    let after = get(&server, "/api/search?q=*&limit=0").ok();
    assert_eq!(
        after["total"], 32,
        "the two new articles, without a restart"
    );
    let found = get(&server, "/api/search?q=zanzibarite").ok();
    assert_eq!(found["total"], 1);
    assert_eq!(
        found["hits"][0]["title"],
        "Zanzibarite miners strike over pay"
    );
    assert_eq!(get(&server, "/api/stats").ok()["articles"], 32);
}

#[test]
fn a_request_over_the_time_limit_is_a_503() {
    let server = Server::start(sample_index(), &["--timeout-ms", "0"]);
    let message = get(&server, "/api/search?q=*").error(503);
    assert!(message.contains("longer than"), "{message}");
    // The page needs no query, so it is served within any limit.
    assert_eq!(get(&server, "/").status, 200);
}

#[test]
fn cors_headers_only_for_the_origins_given() {
    let origin = [("Origin", "http://example.org")];
    let closed = Server::sample();
    let answer = get_with(&closed, "/api/stats", &origin);
    assert_eq!(answer.status, 200);
    assert!(answer.headers.get("access-control-allow-origin").is_none());

    let open = Server::start(sample_index(), &["--cors", "http://example.org"]);
    let answer = get_with(&open, "/api/stats", &origin);
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer
            .headers
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("http://example.org")
    );
    let other = get_with(&open, "/api/stats", &[("Origin", "http://evil.example")]);
    assert!(other.headers.get("access-control-allow-origin").is_none());
}

#[test]
fn the_page_and_its_assets_come_with_their_types() {
    let server = Server::sample();
    for (path, content_type, needle) in [
        ("/", "text/html; charset=utf-8", "<"),
        ("/assets/app.js", "text/javascript; charset=utf-8", ""),
        ("/assets/app.css", "text/css; charset=utf-8", ""),
    ] {
        let answer = get(&server, path);
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.content_type, content_type, "{path}");
        assert!(answer.body.contains(needle), "{path}");
        assert_eq!(
            answer
                .headers
                .get("x-content-type-options")
                .and_then(|v| v.to_str().ok()),
            Some("nosniff")
        );
    }
    let html = get(&server, "/").body;
    assert!(html.contains("app.js"), "the page loads its script");
}

#[test]
fn concurrent_requests_all_succeed() {
    let server = Server::sample();
    let paths = [
        "/api/search?q=*&country=Japan",
        "/api/search?q=talks&count-by=story",
        "/api/quotes?q=said",
        "/api/facets?field=speaker",
        "/api/facets?field=date",
        "/api/stats",
    ];
    std::thread::scope(|scope| {
        for worker in 0..8 {
            let server = &server;
            scope.spawn(move || {
                for round in 0..10 {
                    let path = paths[(worker + round) % paths.len()];
                    assert_eq!(get(server, path).status, 200, "{path}");
                }
            });
        }
    });
}
