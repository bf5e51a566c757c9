//! Browser tests of the `newsfacet serve` page: a real headless Chromium (Debian's `chromium`
//! and `chromedriver`) driven through WebDriver by fantoccini, against a server started over
//! the sample corpus (`tests/support/server.rs`). The expected hits and counts are worked out
//! from `tests/fixtures/corpus-truth.json`, as `tests/cli.rs` does.
//!
//! Without /usr/bin/chromium or chromedriver the tests are skipped with a message on stderr,
//! unless `NEWSFACET_REQUIRE_BROWSER=1` (as `.ci/run` sets), when they fail. The run writes
//! screenshots of the main views to `docs/screenshots/` (search.png, quotes.png,
//! article.png) for the README.

#[path = "support/server.rs"]
mod server;
#[path = "support/truth.rs"]
mod truth;
use truth::TruthArticle;

use std::collections::{BTreeMap, BTreeSet};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
/// How long a page may take to show what a test waits for.
const WAIT: Duration = Duration::from_secs(20);

/// One browser at a time: each test starts its own chromedriver, Chromium and server, and
/// several Chromiums at once would only slow a small machine down.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

// ------------------------------------------------------------------------ the corpus truth

fn titles<'a>(articles: impl IntoIterator<Item = &'a TruthArticle>) -> BTreeSet<String> {
    articles.into_iter().map(|a| a.title.clone()).collect()
}

/// How many of `articles` have each value, as the facet sidebar counts them.
fn counts<'a>(
    articles: impl IntoIterator<Item = &'a TruthArticle>,
    values: impl Fn(&TruthArticle) -> &Vec<String>,
) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for a in articles {
        for v in values(a) {
            *counts.entry(v.clone()).or_insert(0) += 1;
        }
    }
    counts
}

// ------------------------------------------------------------------------ the browser

fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Whether the browser tests can run; `false` (after saying why) when they are skipped.
fn browser_available() -> bool {
    let missing: Vec<&str> = [
        (!Path::new(CHROMIUM).exists()).then_some(CHROMIUM),
        chromedriver().is_none().then_some("chromedriver"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!(
        "browser tests need Debian's chromium and chromium-driver (apt-get install chromium \
         chromium-driver); missing: {}",
        missing.join(", ")
    );
    if std::env::var("NEWSFACET_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{message} (NEWSFACET_REQUIRE_BROWSER=1)");
    }
    eprintln!("skipped: {message}");
    false
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// A chromedriver child process, a Chromium session on it, and the server the page is
/// served by; all are stopped when dropped (the session by [`Browser::close`]).
struct Browser {
    client: Client,
    server: server::Server,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    async fn start() -> Browser {
        let server = server::Server::sample();
        let port = free_port();
        let driver = Command::new(chromedriver().expect("chromedriver"))
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not listen on {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = tempfile::tempdir().expect("a Chromium profile directory");
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-quic".to_string(),
            "--no-first-run".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-component-update".to_string(),
            "--disable-sync".to_string(),
            "--disable-dev-shm-usage".to_string(),
            "--window-size=1366,900".to_string(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": CHROMIUM, "args": args }),
        );
        let client = ClientBuilder::rustls()
            .expect("rustls connector")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session through chromedriver");
        Browser {
            client,
            server,
            driver,
            _profile: profile,
        }
    }

    async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Opens a page URL (`/?…`) of the server and waits until it has loaded its data.
    async fn open(&self, path_and_query: &str) {
        self.client
            .goto(&self.server.url(path_and_query))
            .await
            .expect("the page loads");
        self.settle().await;
    }

    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until the page has answered every request of its current state.
    async fn settle(&self) {
        self.wait_for(
            "the page to finish loading",
            "return document.body.dataset.ready === 'true' && !document.body.classList.contains('loading')",
            |v| v == &json!(true),
        )
        .await;
    }

    /// Polls `script` until `done` accepts its value; panics with the last value after
    /// [`WAIT`].
    async fn wait_for(&self, what: &str, script: &str, done: impl Fn(&Value) -> bool) -> Value {
        let started = Instant::now();
        loop {
            let value = self.js(script).await;
            if done(&value) {
                return value;
            }
            if started.elapsed() > WAIT {
                let error = self
                    .js("return document.getElementById('error').textContent")
                    .await;
                panic!("timed out waiting for {what}; last value: {value}; page error: {error}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `script` gives `expected`, then returns it.
    async fn wait_eq(&self, what: &str, script: &str, expected: Value) {
        let value = self.wait_for(what, script, |v| v == &expected).await;
        assert_eq!(value, expected, "{what}");
    }

    async fn total(&self) -> u64 {
        self.js("return Number(document.getElementById('summary').dataset.total)")
            .await
            .as_u64()
            .expect("a total")
    }

    async fn hit_titles(&self) -> Vec<String> {
        let v = self
            .js("return Array.from(document.querySelectorAll('#hits .hit .title a')).map(a => a.textContent)")
            .await;
        serde_json::from_value(v).expect("titles")
    }

    async fn url_params(&self) -> Vec<(String, String)> {
        let url = self.client.current_url().await.expect("url");
        url.query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    /// The count shown beside a facet value in the sidebar (`None` when not listed).
    async fn facet_count(&self, field: &str, value: &str) -> Option<u64> {
        let script = format!(
            "const i = document.querySelector('#fv-{field} input[data-value=\"' + CSS.escape({}) + '\"]');
             return i ? Number(i.closest('li').querySelector('.c').dataset.count) : null;",
            json!(value)
        );
        self.js(&script).await.as_u64()
    }

    async fn facet_input(
        &self,
        field: &str,
        value: &str,
        act: &str,
    ) -> fantoccini::elements::Element {
        let selector = format!(
            "#fv-{field} [data-act=\"{act}\"][data-value=\"{}\"]",
            value.replace('"', "\\\"")
        );
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&selector))
            .await
            .unwrap_or_else(|e| panic!("no {act} control for {field} {value}: {e}"))
    }

    async fn screenshot(&self, name: &str) {
        // The pointer out of the way, so that no hover style shows.
        let away = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x: 1.0,
            y: 1.0,
        });
        self.client
            .perform_actions(away)
            .await
            .expect("pointer moved");
        let png = self.client.screenshot().await.expect("a screenshot");
        assert!(png.starts_with(b"\x89PNG"), "screenshots are PNG");
        let dir = server::repo_root().join("docs/screenshots");
        std::fs::create_dir_all(&dir).expect("docs/screenshots");
        std::fs::write(dir.join(name), png).expect("screenshot written");
    }
}

/// Runs one browser test: skipped without a browser, one at a time, the session closed
/// even when the test fails.
macro_rules! browser_test {
    ($name:ident, $body:ident) => {
        #[test]
        fn $name() {
            if !browser_available() {
                return;
            }
            let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async {
                let browser = Browser::start().await;
                let outcome = futures_util_free::catch($body(&browser)).await;
                browser.close().await;
                if let Err(panic) = outcome {
                    std::panic::resume_unwind(panic);
                }
            });
        }
    };
}

/// `catch_unwind` for a future, without a futures dependency.
mod futures_util_free {
    use std::future::Future;
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::pin::Pin;
    use std::task::{Context, Poll};

    pub struct Catch<F>(Pin<Box<F>>);

    impl<F: Future> Future for Catch<F> {
        type Output = std::thread::Result<F::Output>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            match catch_unwind(AssertUnwindSafe(|| self.0.as_mut().poll(cx))) {
                Ok(Poll::Pending) => Poll::Pending,
                Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
                Err(panic) => Poll::Ready(Err(panic)),
            }
        }
    }

    pub fn catch<F: Future>(future: F) -> Catch<F> {
        Catch(Box::pin(future))
    }
}

// ------------------------------------------------------------------------ the tests

browser_test!(
    search_box_finds_the_expected_hits,
    search_box_finds_the_expected_hits_body
);
async fn search_box_finds_the_expected_hits_body(b: &Browser) {
    let truth = truth::articles();
    let expected: Vec<&TruthArticle> = truth.iter().filter(|a| a.multipolar).collect();
    assert_eq!(
        expected.len(),
        4,
        "the truth file has four 'multipolar world' articles"
    );

    b.open("/").await;
    assert_eq!(
        b.total().await,
        truth.len() as u64,
        "the empty box lists every article"
    );
    // `/` focuses the search box; the query goes in and Enter searches.
    b.client
        .perform_actions(
            KeyActions::new("keys".into())
                .then(KeyAction::Down { value: '/' })
                .then(KeyAction::Up { value: '/' }),
        )
        .await
        .expect("key actions");
    let focused = b.js("return document.activeElement.id").await;
    assert_eq!(focused, json!("q"), "/ focuses the search box");
    b.client
        .active_element()
        .await
        .expect("the focused box")
        .send_keys("\"multipolar world\"\u{e007}")
        .await
        .expect("typing");
    b.wait_eq(
        "the phrase search total",
        "return document.getElementById('summary').dataset.total",
        json!(expected.len().to_string()),
    )
    .await;
    b.settle().await;
    let params = b.url_params().await;
    assert_eq!(
        params,
        vec![("q".to_string(), "\"multipolar world\"".to_string())]
    );
    let shown: BTreeSet<String> = b.hit_titles().await.into_iter().collect();
    assert_eq!(shown, titles(expected.iter().copied()));
    // Every snippet marks the phrase, escaped text around it.
    let marks = b
            .js("return Array.from(document.querySelectorAll('#hits .snippet')).map(s => Array.from(s.querySelectorAll('mark')).map(m => m.textContent.toLowerCase()).join(' '))")
            .await;
    for m in marks.as_array().expect("snippets") {
        let m = m.as_str().unwrap_or("");
        assert!(
            m.contains("multipolar") && m.contains("world"),
            "snippet marks: {m:?}"
        );
    }
    // The country facet counts those four articles (Russia 3, Brazil 2, …): all ten
    // countries once "Show more" is pressed.
    b.client
        .find(Locator::Id("fm-country"))
        .await
        .expect("show more")
        .click()
        .await
        .expect("show more");
    b.wait_eq(
        "every country listed",
        "return document.querySelectorAll('#fv-country li.fv').length",
        json!(counts(expected.iter().copied(), |a| &a.countries).len()),
    )
    .await;
    let countries = counts(expected.iter().copied(), |a| &a.countries);
    for (country, count) in &countries {
        assert_eq!(
            b.facet_count("country", country).await,
            Some(*count),
            "country {country}"
        );
    }
    // Speakers are shown as the index spells them (the truth file has its own canonical
    // spellings), so the counts are compared as a list: one per speaker of those articles.
    // (Seven speakers fit in the list without "Show more".)
    let mut want: Vec<u64> = counts(expected.iter().copied(), |a| &a.speakers)
        .into_values()
        .collect();
    want.sort_unstable();
    b.wait_eq(
        "every speaker listed",
        "return document.querySelectorAll('#fv-speaker li.fv').length",
        json!(want.len()),
    )
    .await;
    let shown = b
        .js("return Array.from(document.querySelectorAll('#fv-speaker li.fv .c')).map(c => Number(c.dataset.count))")
        .await;
    let mut shown: Vec<u64> = serde_json::from_value(shown).expect("counts");
    shown.sort_unstable();
    assert_eq!(shown, want, "speaker counts of the phrase's articles");
}

browser_test!(
    ticking_facet_values_changes_hits_and_counts,
    ticking_facet_values_changes_hits_and_counts_body
);
async fn ticking_facet_values_changes_hits_and_counts_body(b: &Browser) {
    let truth = truth::articles();
    let all_countries = counts(&truth, |a| &a.countries);
    b.open("/").await;
    assert_eq!(
        b.facet_count("country", "Japan").await,
        all_countries.get("Japan").copied()
    );

    // The filter box narrows a long list to the values with a word starting so; Escape
    // empties it.
    let listed = "return Array.from(document.querySelectorAll('#fv-country li.fv .v')).map(v => v.textContent)";
    let filter_box = b
        .client
        .find(Locator::Id("ff-country"))
        .await
        .expect("filter box");
    filter_box.send_keys("ja").await.expect("typing");
    b.wait_eq("countries starting with ja", listed, json!(["Japan"]))
        .await;
    filter_box.send_keys("\u{e00c}").await.expect("Escape");
    b.wait_for("every country again", listed, |v| {
        v.as_array().is_some_and(|a| a.len() > 1)
    })
    .await;

    // Tick Japan: the hits are the Japan articles; speakers are counted among them, while
    // the country counts stay those of every country (multi-select).
    let japan: Vec<&TruthArticle> = truth
        .iter()
        .filter(|a| a.countries.iter().any(|c| c == "Japan"))
        .collect();
    b.facet_input("country", "Japan", "include")
        .await
        .click()
        .await
        .expect("tick");
    b.wait_eq(
        "the total under country=Japan",
        "return document.getElementById('summary').dataset.total",
        json!(japan.len().to_string()),
    )
    .await;
    b.settle().await;
    assert_eq!(
        b.url_params().await,
        vec![("country".into(), "Japan".into())]
    );
    assert_eq!(
        b.js("return document.querySelector('#fv-country input[data-value=\"Japan\"]').checked")
            .await,
        json!(true)
    );
    let shown: BTreeSet<String> = b.hit_titles().await.into_iter().collect();
    assert_eq!(shown, titles(japan.iter().copied()));
    for (speaker, count) in counts(japan.iter().copied(), |a| &a.speakers) {
        assert_eq!(
            b.facet_count("speaker", &speaker).await,
            Some(count),
            "speaker {speaker} under Japan"
        );
    }
    assert_eq!(
        b.facet_count("country", "Russia").await,
        all_countries.get("Russia").copied(),
        "the country counts ignore the country filter"
    );

    // Tick Russia too: values of one facet add up.
    let japan_or_russia: Vec<&TruthArticle> = truth
        .iter()
        .filter(|a| a.countries.iter().any(|c| c == "Japan" || c == "Russia"))
        .collect();
    b.facet_input("country", "Russia", "include")
        .await
        .click()
        .await
        .expect("tick");
    b.wait_eq(
        "the total under Japan or Russia",
        "return document.getElementById('summary').dataset.total",
        json!(japan_or_russia.len().to_string()),
    )
    .await;
    b.settle().await;

    // Leave out Sergei Shoigu.
    let without_shoigu: Vec<&TruthArticle> = japan_or_russia
        .iter()
        .copied()
        .filter(|a| !a.speakers.iter().any(|s| s == "Sergei Shoigu"))
        .collect();
    assert!(without_shoigu.len() < japan_or_russia.len());
    b.facet_input("speaker", "Sergei Shoigu", "exclude")
        .await
        .click()
        .await
        .expect("exclude");
    b.wait_eq(
        "the total without Shoigu",
        "return document.getElementById('summary').dataset.total",
        json!(without_shoigu.len().to_string()),
    )
    .await;
    b.settle().await;
    let shown: BTreeSet<String> = b.hit_titles().await.into_iter().take(20).collect();
    assert!(shown.is_subset(&titles(without_shoigu.iter().copied())));
    assert_eq!(
            b.js("return document.querySelector('#fv-speaker [data-act=\"exclude\"][data-value=\"Sergei Shoigu\"]').getAttribute('aria-pressed')").await,
            json!("true")
        );
    let params = b.url_params().await;
    assert!(
        params.contains(&("not-speaker".into(), "Sergei Shoigu".into())),
        "{params:?}"
    );
    assert_eq!(
        params.iter().filter(|(k, _)| k == "country").count(),
        2,
        "{params:?}"
    );

    // Back to Japan only: the history restores the state and its hits.
    b.client.back().await.expect("back");
    b.client.back().await.expect("back");
    b.wait_eq(
        "the total after going back",
        "return document.getElementById('summary').dataset.total",
        json!(japan.len().to_string()),
    )
    .await;
    b.settle().await;
    assert_eq!(
        b.url_params().await,
        vec![("country".into(), "Japan".into())]
    );
    b.screenshot("search.png").await;
}

browser_test!(
    brushing_the_histogram_sets_a_date_range,
    brushing_the_histogram_sets_a_date_range_body
);
async fn brushing_the_histogram_sets_a_date_range_body(b: &Browser) {
    let truth = truth::articles();
    b.open("/").await;
    assert_eq!(b.total().await, truth.len() as u64);
    let svg = b
        .client
        .find(Locator::Id("histogram"))
        .await
        .expect("the histogram");
    let (_, _, width, _) = svg.rectangle().await.expect("its size");
    assert!(width > 300.0, "the chart is {width}px wide");
    // Drag from a quarter to three quarters of the chart (offsets from its centre).
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: svg.clone(),
            duration: None,
            x: -width / 4.0,
            y: -10.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(150)),
            x: width / 4.0,
            y: 0.0,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(150)),
            x: width / 4.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client.perform_actions(actions).await.expect("drag");
    b.wait_for(
        "since and until in the URL",
        "return location.search",
        |v| {
            v.as_str()
                .is_some_and(|s| s.contains("since=") && s.contains("until="))
        },
    )
    .await;
    b.settle().await;
    let params = b.url_params().await;
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .expect(k)
    };
    let (since, until) = (get("since"), get("until"));
    assert!(since < until, "{since} .. {until}");
    let inside: Vec<&TruthArticle> = truth
        .iter()
        .filter(|a| {
            a.published
                .as_deref()
                .is_some_and(|d| d >= since.as_str() && d <= until.as_str())
        })
        .collect();
    assert!(
        !inside.is_empty() && inside.len() < truth.len(),
        "{since}..{until}: {}",
        inside.len()
    );
    assert_eq!(
        b.total().await,
        inside.len() as u64,
        "hits from {since} to {until}"
    );
    assert_eq!(
        b.js("return document.getElementById('since').value").await,
        json!(since)
    );
    assert_eq!(
        b.js("return document.getElementById('until').value").await,
        json!(until)
    );

    // By keyboard: End selects the last bucket, Enter applies it, Escape clears the dates.
    b.js("document.getElementById('histogram').focus(); return null")
        .await;
    let keys = |k: char| {
        KeyActions::new("keys".into())
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k })
    };
    b.client
        .perform_actions(keys('\u{e010}'))
        .await
        .expect("End");
    b.client
        .perform_actions(keys('\u{e007}'))
        .await
        .expect("Enter");
    b.wait_for("the last bucket's dates", "return location.search", |v| {
        v.as_str()
            .is_some_and(|s| !s.contains(&format!("since={since}")) && s.contains("since="))
    })
    .await;
    b.settle().await;
    let params = b.url_params().await;
    let until_last = params
        .iter()
        .find(|(n, _)| n == "until")
        .map(|(_, v)| v.clone())
        .expect("until");
    let last = truth
        .iter()
        .filter_map(|a| a.published.clone())
        .max()
        .expect("a dated article");
    assert!(
        until_last >= last,
        "the last bucket ends at {until_last}, after {last}"
    );
    b.js("document.getElementById('histogram').focus(); return null")
        .await;
    b.client
        .perform_actions(keys('\u{e00c}'))
        .await
        .expect("Escape");
    b.wait_eq(
        "every article again",
        "return document.getElementById('summary').dataset.total",
        json!(truth.len().to_string()),
    )
    .await;
    assert!(b.url_params().await.is_empty());
}

browser_test!(
    quotes_view_and_article_with_marked_quotes,
    quotes_view_and_article_with_marked_quotes_body
);
async fn quotes_view_and_article_with_marked_quotes_body(b: &Browser) {
    let truth = truth::articles();
    let forum = truth
        .iter()
        .find(|a| a.title.starts_with("Wang Yi hosts global governance forum"))
        .expect("the quote-test article");
    // 'multilateralism' is said twice, by Wang Yi and by an unnamed European diplomat.
    b.open("/?view=quotes&q=multilateralism").await;
    assert_eq!(b.total().await, 2);
    assert_eq!(
        b.js("return document.getElementById('view-quotes').getAttribute('aria-current')")
            .await,
        json!("page")
    );
    let speakers = b
            .js("return Array.from(document.querySelectorAll('#hits .quote .speaker')).map(s => s.textContent)")
            .await;
    let speakers: Vec<String> = serde_json::from_value(speakers).expect("speakers");
    assert!(speakers.iter().any(|s| s == "Wang Yi"), "{speakers:?}");
    assert!(
        speakers.iter().any(|s| s.contains("(unnamed)")),
        "{speakers:?}"
    );
    b.screenshot("quotes.png").await;
    // A speaker filter from the sidebar: Wang Yi's quote only.
    b.facet_input("speaker", "Wang Yi", "include")
        .await
        .click()
        .await
        .expect("tick");
    b.wait_eq(
        "Wang Yi's quotes",
        "return document.getElementById('summary').dataset.total",
        json!("1"),
    )
    .await;
    b.settle().await;
    let params = b.url_params().await;
    assert!(
        params.contains(&("view".into(), "quotes".into()))
            && params.contains(&("speaker".into(), "Wang Yi".into())),
        "{params:?}"
    );

    // The article view from the quote's title link.
    let link = b
        .client
        .find(Locator::Css("#hits .quote a.atitle"))
        .await
        .expect("a title link");
    assert_eq!(link.text().await.expect("title"), forum.title);
    link.click().await.expect("open the article");
    b.wait_for("the article view", "return document.querySelector('#article-pane .atitle') && document.querySelector('#article-pane .atitle').textContent", |v| v.is_string()).await;
    b.settle().await;
    let params = b.url_params().await;
    assert!(
        params.contains(&("view".into(), "article".into())),
        "{params:?}"
    );
    // Every quote the API lists is marked in the text.
    let counted = b
            .js("const p = document.getElementById('article-pane'); return [Number(p.dataset.quotes), Number(p.dataset.quotesMarked)]")
            .await;
    let quotes = counted[0].as_u64().expect("quotes");
    assert!(quotes >= 2, "{counted}");
    assert_eq!(counted[0], counted[1], "quotes marked in the text");
    let marks = b
            .js("return Array.from(document.querySelectorAll('#article-body mark.quote')).map(m => [m.dataset.speaker, m.textContent])")
            .await;
    let marks: Vec<(String, String)> = serde_json::from_value(marks).expect("marks");
    let said = |who: &dyn Fn(&str) -> bool| {
        marks
            .iter()
            .any(|(s, t)| who(s) && t.to_lowercase().contains("multilateralism"))
    };
    assert!(
        said(&|s| s == "Wang Yi"),
        "Wang Yi's quote is marked: {marks:?}"
    );
    assert!(
        said(&|s| s.contains("(unnamed)")),
        "the diplomat's quote is marked: {marks:?}"
    );
    // 'lakeside' is in the narrative only: in the text, never in a mark.
    let body = b
        .js("return document.getElementById('article-body').textContent.toLowerCase()")
        .await;
    assert!(body.as_str().unwrap_or("").contains("lakeside"));
    assert!(
        !marks
            .iter()
            .any(|(_, t)| t.to_lowercase().contains("lakeside")),
        "{marks:?}"
    );
    b.screenshot("article.png").await;

    // Back to the quotes.
    b.client.back().await.expect("back");
    b.wait_eq(
        "the quotes again",
        "return document.getElementById('summary').dataset.total",
        json!("1"),
    )
    .await;
}

browser_test!(
    a_shared_url_restores_the_whole_state,
    a_shared_url_restores_the_whole_state_body
);
async fn a_shared_url_restores_the_whole_state_body(b: &Browser) {
    let truth = truth::articles();
    let (since, until) = ("2026-01-01", "2026-06-30");
    let mut expected: Vec<&TruthArticle> = truth
        .iter()
        .filter(|a| a.countries.iter().any(|c| c == "Japan"))
        .filter(|a| !a.speakers.iter().any(|s| s == "Sergei Shoigu"))
        .filter(|a| {
            a.published
                .as_deref()
                .is_some_and(|d| d >= since && d <= until)
        })
        .collect();
    expected.sort_by(|x, y| y.published.cmp(&x.published));
    assert!(expected.len() >= 2);
    b.open(&format!(
        "/?country=Japan&not-speaker=Sergei+Shoigu&since={since}&until={until}&sort=date"
    ))
    .await;
    assert_eq!(b.total().await, expected.len() as u64);
    let shown = b.hit_titles().await;
    let want: Vec<String> = expected.iter().map(|a| a.title.clone()).collect();
    assert_eq!(shown, want, "newest first");
    let controls = b
            .js("return [document.getElementById('q').value,
                         document.querySelector('#fv-country input[data-value=\"Japan\"]').checked,
                         document.querySelector('#fv-speaker [data-act=\"exclude\"][data-value=\"Sergei Shoigu\"]').getAttribute('aria-pressed'),
                         document.getElementById('sort').value,
                         document.getElementById('since').value,
                         document.getElementById('until').value,
                         document.querySelectorAll('#chips .chip').length]")
            .await;
    assert_eq!(controls, json!(["", true, "true", "date", since, until, 3]));

    // Paging is in the URL too: 30 articles are two pages of 20.
    b.open("/?sort=date").await;
    assert_eq!(b.hit_titles().await.len(), 20);
    b.client
        .find(Locator::Css("#pager a.next"))
        .await
        .expect("next")
        .click()
        .await
        .expect("next page");
    b.wait_for("the second page", "return location.search", |v| {
        v.as_str().is_some_and(|s| s.contains("offset=20"))
    })
    .await;
    b.settle().await;
    assert_eq!(b.hit_titles().await.len(), truth.len() - 20);
    // A malformed query shows the server's message.
    b.open("/?q=talks+colour%3Ared").await;
    let error = b.js("return document.getElementById('error').hidden ? '' : document.getElementById('error').textContent").await;
    assert!(
        error.as_str().unwrap_or("").contains("colour"),
        "error shown: {error}"
    );
}
