//! `newsfacet serve`: an HTTP API and a web page over a newsfacet index, on axum and tokio.
//!
//! The API mirrors the command line and reuses its request and response types, so that the two
//! cannot drift: each endpoint's body is what the matching command prints with `--json` for
//! the same flags (see [`params`] for how parameters map onto flags).
//!
//! | endpoint | command |
//! |---|---|
//! | `GET /api/search?q=…` | `newsfacet search Q --json` |
//! | `GET /api/quotes?q=…` | `newsfacet quotes [Q] --json` |
//! | `GET /api/facets?field=…` | `newsfacet facets [Q] --field F --json` |
//! | `GET /api/articles/{id}` | `newsfacet show ID --json` |
//! | `GET /api/stats` | `newsfacet stats --json` |
//!
//! `GET /` is the page (`assets/index.html`), with `/assets/app.js` and `/assets/app.css`,
//! all embedded in the binary.
//!
//! Errors are JSON, `{"error": "…", "status": N}`: 400 for a malformed request (query
//! syntax, unknown parameter, bad value, over a [`limits`] bound), 404 for an unknown article
//! or route, 405 for a method other than GET, 503 when a request takes longer than the
//! timeout, 500 for anything else, a panicking handler included.
//!
//! The server is read-only and safe by default: it opens the index with
//! [`NewsIndex::open`], whose searcher reloads on every query, so commits of a running
//! `newsfacet index` are seen without a restart; the binary binds to 127.0.0.1 unless told
//! otherwise; no CORS header is sent unless origins are given; no parameter names a file.
//! Queries are synchronous and CPU-bound, so they run on tokio's blocking threads, at most
//! [`limits::max_concurrent_queries`] at a time; a request waiting longer than the timeout
//! for its turn or its answer gets a 503.

#![warn(missing_docs)]

mod assets;
mod error;
pub mod limits;
pub mod params;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::NewsIndex;
use serde::Serialize;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use error::ApiError;
use params::{Endpoint, FacetTarget, Params};

/// How the server is set up, besides the index and the gazetteer.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address to listen on (a name or an IP address).
    pub host: String,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Origins whose pages may call the API (`*` for any); none sends no CORS header.
    pub cors: Vec<String>,
    /// The longest a request may take before it is answered 503.
    pub timeout: Duration,
    /// The version of the gazetteer bundled in the binary, for `/api/stats`.
    pub bundled_gazetteer: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            host: "127.0.0.1".to_string(),
            port: 7700,
            cors: Vec::new(),
            timeout: limits::REQUEST_TIMEOUT,
            bundled_gazetteer: String::new(),
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// `host:port` as given.
        address: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A `--cors` origin is not a valid header value.
    #[error("invalid CORS origin {0:?}")]
    Origin(String),
    /// The runtime could not start or the server failed.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// What every handler reads: the index, the gazetteer and the settings.
pub struct AppState {
    index: NewsIndex,
    gazetteer: Gazetteer,
    bundled_gazetteer: String,
    timeout: Duration,
    queries: Arc<Semaphore>,
}

impl AppState {
    /// The state of a server over `index`, resolving filter values through `gazetteer`.
    pub fn new(index: NewsIndex, gazetteer: Gazetteer, options: &Options) -> AppState {
        AppState {
            index,
            gazetteer,
            bundled_gazetteer: options.bundled_gazetteer.clone(),
            timeout: options.timeout,
            queries: Arc::new(Semaphore::new(limits::max_concurrent_queries())),
        }
    }

    /// Runs `query` on a blocking thread once a query slot is free, within the timeout.
    async fn run<T, F>(self: &Arc<Self>, query: F) -> Result<Response, ApiError>
    where
        T: Serialize + Send + 'static,
        F: FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
    {
        let state = Arc::clone(self);
        let timeout = self.timeout;
        let answer = async move {
            // The slot goes with the query, so that a query still running after its request
            // timed out keeps it until it is done, and the limit holds under overload.
            let slot = Arc::clone(&state.queries)
                .acquire_owned()
                .await
                .map_err(|_| ApiError::internal("the server is shutting down"))?;
            tokio::task::spawn_blocking(move || {
                let answer = query(&state).and_then(|value| json(&value));
                drop(slot);
                answer
            })
            .await
            .map_err(|error| {
                tracing::error!(%error, "query task failed");
                ApiError::internal("the query failed unexpectedly")
            })?
        };
        tokio::time::timeout(timeout, answer).await.map_err(|_| {
            ApiError::timeout(format!(
                "the request took longer than {} ms",
                timeout.as_millis()
            ))
        })?
    }
}

/// `value` as a JSON response, newline-terminated like the command line's `--json`.
fn json<T: Serialize>(value: &T) -> Result<Response, ApiError> {
    let mut body = serde_json::to_vec(value)
        .map_err(|e| ApiError::internal(format!("cannot write the answer as JSON: {e}")))?;
    body.push(b'\n');
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response())
}

/// The routes, with the error handling and (when asked) CORS around them.
pub fn router(state: Arc<AppState>, options: &Options) -> Result<Router, ServeError> {
    let router = Router::new()
        .route("/", get(assets::index_html))
        .route("/assets/app.js", get(assets::app_js))
        .route("/assets/app.css", get(assets::app_css))
        .route("/api/search", get(search))
        .route("/api/quotes", get(quotes))
        .route("/api/facets", get(facets))
        .route("/api/articles/{id}", get(article))
        .route("/api/stats", get(stats))
        .with_state(state);
    let mut router = with_error_handling(router);
    if !options.cors.is_empty() {
        router = router.layer(cors(&options.cors)?);
    }
    Ok(router)
}

/// `router` with JSON errors for unknown routes (404) and methods (405), and a 500 for a
/// panicking handler.
fn with_error_handling(router: Router) -> Router {
    router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(CatchPanicLayer::custom(panicked))
}

/// CORS for the given origins (`*` for any), GET only.
fn cors(origins: &[String]) -> Result<CorsLayer, ServeError> {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let values = origins
            .iter()
            .map(|o| HeaderValue::from_str(o).map_err(|_| ServeError::Origin(o.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(values)
    };
    Ok(CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET]))
}

/// Serves `index` until Ctrl-C: binds, prints `newsfacet: serving http://HOST:PORT/` on
/// stderr once listening (with the real port when `options.port` is 0), and answers requests
/// on a multi-threaded tokio runtime. Blocks the calling thread.
pub fn run(index: NewsIndex, gazetteer: Gazetteer, options: Options) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let state = Arc::new(AppState::new(index, gazetteer, &options));
        let app = router(state, &options)?;
        let address = format!("{}:{}", options.host, options.port);
        let listener = tokio::net::TcpListener::bind((options.host.as_str(), options.port))
            .await
            .map_err(|source| ServeError::Bind {
                address: address.clone(),
                source,
            })?;
        let local: SocketAddr = listener.local_addr()?;
        eprintln!("newsfacet: serving http://{local}/");
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // Without a signal handler there is nothing to wait for but the kill.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await?;
        Ok(())
    })
}

/// `GET /api/search`: `newsfacet search Q --json`.
async fn search(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(Endpoint::Search, query.as_deref())?;
    let request = params::search_request(Endpoint::Search, &params)?;
    state
        .run(move |state| {
            let mut results = newsfacet_query::search(&state.index, &state.gazetteer, &request)?;
            results.unescape_snippets();
            Ok(results)
        })
        .await
}

/// `GET /api/quotes`: `newsfacet quotes [Q] --json`.
async fn quotes(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(Endpoint::Quotes, query.as_deref())?;
    let request = params::search_request(Endpoint::Quotes, &params)?;
    state
        .run(move |state| {
            let mut results =
                newsfacet_query::search_quotes(&state.index, &state.gazetteer, &request)?;
            results.unescape_snippets();
            Ok(results)
        })
        .await
}

/// What `/api/facets` answers: a facet list or a date histogram.
#[derive(Serialize)]
#[serde(untagged)]
enum FacetsAnswer {
    List(newsfacet_query::FacetList),
    Dates(newsfacet_query::DateHistogram),
}

/// `GET /api/facets`: `newsfacet facets [Q] --field F --json`.
async fn facets(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(Endpoint::Facets, query.as_deref())?;
    let facets = params::facets_request(&params)?;
    state
        .run(move |state| {
            Ok(match facets.target {
                FacetTarget::Dates(interval) => {
                    FacetsAnswer::Dates(newsfacet_query::date_histogram(
                        &state.index,
                        &state.gazetteer,
                        &facets.request,
                        interval,
                    )?)
                }
                FacetTarget::Facet(field) => FacetsAnswer::List(newsfacet_query::facet_values(
                    &state.index,
                    &state.gazetteer,
                    &facets.request,
                    field,
                    facets.top,
                    facets.prefix.as_deref(),
                )?),
            })
        })
        .await
}

/// `GET /api/articles/{id}`: `newsfacet show ID --json`; 404 when the index has no such
/// article.
async fn article(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    if let Some((name, _)) = query
        .as_deref()
        .and_then(|q| url::form_urlencoded::parse(q.as_bytes()).next())
    {
        return Err(ApiError::bad_request(format!(
            "unknown parameter {name:?} for /api/articles/{{id}}; it takes none"
        )));
    }
    if id.chars().count() > limits::MAX_TEXT_CHARS {
        return Err(ApiError::bad_request(format!(
            "the id is longer than {} characters",
            limits::MAX_TEXT_CHARS
        )));
    }
    state
        .run(move |state| {
            newsfacet_query::show::article_by_id(&state.index, &id)?
                .ok_or_else(|| ApiError::not_found(format!("no article with id {id:?}")))
        })
        .await
}

/// `GET /api/stats`: `newsfacet stats --json`.
async fn stats(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(Endpoint::Stats, query.as_deref())?;
    let top = params.number("top", limits::DEFAULT_STATS_TOP, limits::MAX_TOP)?;
    state
        .run(move |state| {
            Ok(newsfacet_query::index_stats(
                &state.index,
                &state.gazetteer,
                top,
                &state.bundled_gazetteer,
            )?)
        })
        .await
}

/// Any other path: 404.
async fn not_found() -> ApiError {
    ApiError::not_found("no such page or endpoint")
}

/// A known path with a method other than GET: 405.
async fn method_not_allowed() -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: "only GET is allowed".to_string(),
    }
}

/// A handler panicked: 500, with the panic's message in the log rather than the answer.
fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown");
    tracing::error!(panic = message, "a request handler panicked");
    ApiError::internal("internal error").into_response()
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    /// The answer of `router` to `GET path`: status and body.
    async fn answer(router: Router, method: Method, path: &str) -> (StatusCode, Vec<u8>) {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .expect("a request");
        let response = router.oneshot(request).await.expect("infallible");
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("a body");
        (status, body.to_vec())
    }

    #[tokio::test]
    async fn a_panicking_handler_is_a_json_500_and_unknown_routes_json_404s() {
        async fn boom() -> &'static str {
            panic!("boom")
        }
        let router = || with_error_handling(Router::new().route("/boom", get(boom)));
        let (status, body) = answer(router(), Method::GET, "/boom").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body, b"{\"error\":\"internal error\",\"status\":500}\n");
        let (status, body) = answer(router(), Method::GET, "/nothing").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(body.starts_with(br#"{"error":"#));
        let (status, _) = answer(router(), Method::POST, "/boom").await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
}
