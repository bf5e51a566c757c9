//! Crawler status lines that scrapes put in front of a page's text, such as
//! `2024-03-05 10:22:01 200 OK` or `[2024-03-05T10:22:01Z] HTTP/1.1 404 Not Found https://…`:
//! a fetch time and an HTTP status, and nothing of the story. Recognised by their shape (every
//! token is a date, a time, a URL, a status code or a word of `data/status-line-words.txt`), not
//! by one crawler's format.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::date::parse_date;

const WORDS: &str = include_str!("../data/status-line-words.txt");

static STATUS_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// What a status line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatusLine {
    /// The fetch date, when the line has one that parses.
    pub(crate) date: Option<NaiveDate>,
}

/// `line` read as a crawler status line: it needs an HTTP status code (`100`–`599`) and a
/// fetch date, time or HTTP version, and every other token must be a URL or a status word.
pub(crate) fn status_line(line: &str) -> Option<StatusLine> {
    let mut has_status = false;
    let mut has_fetch_mark = false;
    let mut date = None;
    let separators = |c: char| c.is_whitespace() || "|[](),;=".contains(c);
    for token in line.split(separators).filter(|t| !t.is_empty()) {
        let token = token.trim_matches(|c: char| c == ':' || c == '-' || c == '"');
        if token.is_empty() || is_url(token) {
            continue;
        }
        if is_status_code(token) {
            has_status = true;
        } else if let Some(day) = date_token(token) {
            has_fetch_mark = true;
            date = date.or(Some(day));
        } else if is_time(token) || is_http_version(token) {
            has_fetch_mark = true;
        } else if !STATUS_WORDS.contains(token.to_ascii_lowercase().as_str()) {
            return None;
        }
    }
    (has_status && has_fetch_mark).then_some(StatusLine { date })
}

fn is_url(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

fn is_status_code(token: &str) -> bool {
    token.len() == 3
        && token.bytes().all(|b| b.is_ascii_digit())
        && (b'1'..=b'5').contains(&token.as_bytes()[0])
}

fn is_http_version(token: &str) -> bool {
    token
        .to_ascii_lowercase()
        .strip_prefix("http/")
        .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// A machine-written date, possibly with its time: `2024-03-05`, `2024/03/05`,
/// `2024-03-05T10:22:01Z`.
fn date_token(token: &str) -> Option<NaiveDate> {
    let day = token.get(..10)?;
    let shaped = day.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-' || b == b'/',
        _ => b.is_ascii_digit(),
    });
    if !shaped {
        return None;
    }
    let rest = &token[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with('t')) {
        return None;
    }
    parse_date(&day.replace('/', "-"))
}

/// `10:22`, `10:22:01`, `10:22:01.123`, `10:22:01Z`, `10:22:01+02:00`.
fn is_time(token: &str) -> bool {
    let clock = token.trim_end_matches(['Z', 'z']);
    let clock = clock.split(['+']).next().unwrap_or(clock);
    let mut parts = clock.split(':');
    let (Some(hours), Some(minutes)) = (parts.next(), parts.next()) else {
        return false;
    };
    let two_digits =
        |p: &str| p.len() <= 2 && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let seconds_ok = parts.next().is_none_or(|s| {
        let whole = s.split('.').next().unwrap_or(s);
        two_digits(whole)
    });
    two_digits(hours) && two_digits(minutes) && seconds_ok && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn crawler_status_lines_of_several_shapes() {
        for (line, date) in [
            ("2024-03-05 10:22:01 200 OK", day(2024, 3, 5)),
            (
                "[2024-03-05T10:22:01Z] HTTP/1.1 404 Not Found https://example.com/a",
                day(2024, 3, 5),
            ),
            (
                "Fetched: 2023/11/30 | status=200 | https://example.com",
                day(2023, 11, 30),
            ),
            ("HTTP/2 503 Service Unavailable", None),
        ] {
            assert_eq!(status_line(line), Some(StatusLine { date }), "{line}");
        }
    }

    #[test]
    fn story_lines_with_dates_and_numbers_are_not_status_lines() {
        for line in [
            "2024-03-05 200 people were evacuated",
            "On 2024-03-05, 404 families lost their homes",
            "Updated 2024-03-05 10:22",
            "404 Not Found",
            "The 200 OK Corral",
        ] {
            assert_eq!(status_line(line), None, "{line}");
        }
    }
}
