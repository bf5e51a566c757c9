//! Publication dates in the many shapes news metadata writes them, and in article text.
//!
//! [`parse`] reads one date string; [`find`] looks for the date in a URL, a path or the text.

mod find;
mod parse;

pub(crate) use find::{date_from_text, date_from_url, year_from_path, year_from_url};
pub use parse::parse_date;
pub(crate) use parse::{date_from_number, MONTH_RE, WEEKDAY_RE};
