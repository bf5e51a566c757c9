//! The error of every search: a usage error to report as such, or a failure of the index.

use chrono::NaiveDate;
use newsfacet_index::IndexError;

/// An error answering a query.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query text cannot be parsed or names an unknown field: the user's to fix.
    #[error("invalid query {query:?}: {message}")]
    Syntax {
        /// The query as given.
        query: String,
        /// What is wrong, and how to fix it.
        message: String,
    },
    /// The date bounds exclude every day: the user's to fix.
    #[error("the date range is empty: --since {since} is after --until {until}")]
    EmptyDateRange {
        /// The first day asked for.
        since: NaiveDate,
        /// The last day asked for.
        until: NaiveDate,
    },
    /// The index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl QueryError {
    /// Whether the error is a usage error (bad query syntax or date range) rather than a
    /// failure.
    pub fn is_usage_error(&self) -> bool {
        matches!(
            self,
            QueryError::Syntax { .. } | QueryError::EmptyDateRange { .. }
        )
    }
}
