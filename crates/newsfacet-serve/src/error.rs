//! The errors of the API, as JSON with their HTTP status: `{"error": "…", "status": 400}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use newsfacet_query::QueryError;
use serde::Serialize;

/// An error answer: the status and a message saying what went wrong (and, for the client's
/// mistakes, how to fix it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status}: {message}")]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong.
    pub message: String,
}

/// The JSON body of an error.
#[derive(Debug, Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    status: u16,
}

impl ApiError {
    /// 400: the request is malformed (bad parameter, bad query syntax, over a limit).
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 404: no such article or route.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// 503: the request took longer than allowed.
    pub fn timeout(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }

    /// 500: a failure on our side (the index could not be read, a handler panicked).
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }

    /// The JSON body of this error, newline-terminated.
    pub fn body(&self) -> Vec<u8> {
        let body = ErrorBody {
            error: &self.message,
            status: self.status.as_u16(),
        };
        // Serialising two plain fields cannot fail; the fallback is for form's sake.
        let mut bytes = serde_json::to_vec(&body)
            .unwrap_or_else(|_| br#"{"error":"error","status":500}"#.to_vec());
        bytes.push(b'\n');
        bytes
    }
}

impl From<QueryError> for ApiError {
    /// Query syntax and date range errors are the client's (400); anything else is ours (500).
    fn from(error: QueryError) -> ApiError {
        if error.is_usage_error() {
            ApiError::bad_request(error.to_string())
        } else {
            tracing::error!(%error, "query failed");
            ApiError::internal(error.to_string())
        }
    }
}

impl From<newsfacet_index::IndexError> for ApiError {
    fn from(error: newsfacet_index::IndexError) -> ApiError {
        QueryError::from(error).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}
