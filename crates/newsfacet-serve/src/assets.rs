//! The page, embedded in the binary: `assets/index.html`, `app.js` and `app.css`.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// The page.
const INDEX_HTML: &str = include_str!("../assets/index.html");
/// Its script.
const APP_JS: &str = include_str!("../assets/app.js");
/// Its style sheet.
const APP_CSS: &str = include_str!("../assets/app.css");

/// `body` with its content type; `nosniff` so that browsers take the type as given, and
/// `no-cache` so that a new binary's page is fetched again (after a check, not every time).
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// `GET /`.
pub async fn index_html() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

/// `GET /assets/app.js`.
pub async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

/// `GET /assets/app.css`.
pub async fn app_css() -> Response {
    asset("text/css; charset=utf-8", APP_CSS)
}
