//! Reading one date string in the many shapes news metadata writes it.

use chrono::{DateTime, NaiveDate};

/// The calendar date in a date or date-time string, or `None` if it is not one we recognise.
///
/// Only the date is kept, *as written*: `2026-02-02T23:30:00-05:00` is 2 February even though
/// it is already 3 February in UTC, because the publisher's own date is what a reader means by
/// "published on". Accepted:
///
/// * ISO 8601 / RFC 3339, with or without time, fraction and zone: `2026-02-02`,
///   `2026-02-02T10:00:00Z`, `2026-02-02 10:00:00+03:00`, `2026-02-02T10:00:00.123`; also
///   `2026/02/02` and compact `20260202`.
/// * Numeric day/month/year: `02-02-2026`, `02/02/2026`, `02.02.2026`, optionally followed by
///   a time and zone word (`02-02-2026 12:50 IST`). When one of the first two fields is above 12
///   it must be the day. When both are 12 or less the order is ambiguous and we go by
///   separator: dashes and dots are read day-month-year (the European `DD-MM-YYYY`), slashes
///   month/day/year (the US `MM/DD/YYYY`).
/// * RFC 2822: `Mon, 02 Feb 2026 10:00:00 +0000`.
/// * Month names, full or abbreviated, optionally after a weekday: `February 1, 2026`,
///   `Feb. 1st, 2026`, `1 February 2026`, `Sunday, February 1, 2026`, and the Reuters-21578
///   form `26-FEB-1987 15:01:01.79`.
/// * Unix timestamps as digit strings: 9–10 digits are seconds, 12–13 milliseconds (UTC).
///
/// Two-digit years are rejected rather than guessed.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_all_digits(s);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    let s = strip_weekday(s);
    parse_numeric(s).or_else(|| parse_with_month_name(s))
}

/// The date of a JSON number: an eight-digit `YYYYMMDD`, else a Unix timestamp.
///
/// Small numbers (below 10^8, i.e. before March 1973 as seconds) are rejected: a bare `2026`
/// or `0` is far more likely a year or a placeholder than a 1970 publication date.
pub(crate) fn date_from_number(n: i64) -> Option<NaiveDate> {
    if (10_000_000..100_000_000).contains(&n) {
        return parse_all_digits(&n.to_string());
    }
    if n.unsigned_abs() < 100_000_000 {
        return None;
    }
    date_from_timestamp(n)
}

/// Seconds or milliseconds since the Unix epoch (told apart by size) as a UTC date.
///
/// Anything beyond ±10^11 is taken as milliseconds: as seconds that would be past the year
/// 5000, as milliseconds it is after 1973.
fn date_from_timestamp(ts: i64) -> Option<NaiveDate> {
    let secs = if ts.unsigned_abs() >= 100_000_000_000 {
        ts.div_euclid(1000)
    } else {
        ts
    };
    DateTime::from_timestamp(secs, 0).map(|dt| dt.date_naive())
}

fn parse_all_digits(s: &str) -> Option<NaiveDate> {
    match s.len() {
        8 => NaiveDate::parse_from_str(s, "%Y%m%d").ok(),
        9 | 10 | 12 | 13 => date_from_timestamp(s.parse().ok()?),
        _ => None,
    }
}

/// Drops a leading weekday name (`Sunday, `, `Mon `), which only repeats the date.
fn strip_weekday(s: &str) -> &str {
    let word_end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let word = s[..word_end].to_ascii_lowercase();
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let is_day = word.len() >= 3
        && DAYS
            .iter()
            .any(|d| *d == word || (d.starts_with(&word) && word.len() <= 5));
    if !is_day {
        return s;
    }
    s[word_end..].trim_start_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
}

/// `YYYY-MM-DD…`, `DD-MM-YYYY…`, `MM/DD/YYYY…` and friends: three digit groups with one
/// repeated separator, then nothing, or a time after `T`, a space or a comma.
fn parse_numeric(s: &str) -> Option<NaiveDate> {
    let end = s
        .find(|c: char| c.is_whitespace() || c == 'T' || c == 't' || c == ',')
        .unwrap_or(s.len());
    let date = &s[..end];
    let sep = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (year, month, day) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        let (x, y) = (num(a)?, num(b)?);
        if x > 12 || (y <= 12 && sep != '/') {
            (num(c)?, y, x)
        } else {
            (num(c)?, x, y)
        }
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `February 1, 2026`, `1 February 2026`, `26-FEB-1987 15:01:01.79`: the first three tokens
/// are a month name, a day and a four-digit year in either month-day or day-month order.
/// Whatever follows (a time, a zone) is ignored.
fn parse_with_month_name(s: &str) -> Option<NaiveDate> {
    let mut tokens = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|t| !t.is_empty());
    let (first, second, third) = (tokens.next()?, tokens.next()?, tokens.next()?);
    let (month, day) = match (month_number(first), month_number(second)) {
        (Some(m), None) => (m, day_number(second)?),
        (None, Some(m)) => (m, day_number(first)?),
        _ => return None,
    };
    if third.len() != 4 {
        return None;
    }
    let year = third.parse::<i32>().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `January`, `Jan`, `Jan.`, `Sept`, in any case.
pub(super) fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let t = token.trim_end_matches('.').to_ascii_lowercase();
    if t.len() < 3 {
        return None;
    }
    let i = MONTHS
        .iter()
        .position(|m| *m == t || (m.starts_with(&t) && t.len() <= 4))?;
    u32::try_from(i + 1).ok()
}

/// `1`, `01`, `1st`, `22nd`, `3rd`, `4th`.
fn day_number(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let suffix = &token[digits.len()..]
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix.as_str())) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A month name or abbreviation, as a regex fragment (shared with the boilerplate rules).
pub(crate) const MONTH_RE: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
/// A weekday name or abbreviation with optional comma, as a regex fragment.
pub(crate) const WEEKDAY_RE: &str =
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?";

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn iso_8601_and_rfc_3339() {
        assert_eq!(parse_date("2026-02-02"), ymd(2026, 2, 2));
        assert_eq!(parse_date("2026-02-02T10:00:00Z"), ymd(2026, 2, 2));
        assert_eq!(parse_date("2026-02-02 10:00:00+03:00"), ymd(2026, 2, 2));
        assert_eq!(parse_date("2026-02-02T10:00:00.123"), ymd(2026, 2, 2));
        assert_eq!(parse_date(" 2026-02-03t23:59:59-05:00 "), ymd(2026, 2, 3));
        // The date as written, not converted to UTC.
        assert_eq!(parse_date("2026-02-02T23:30:00-05:00"), ymd(2026, 2, 2));
        assert_eq!(parse_date("2026/02/02"), ymd(2026, 2, 2));
        assert_eq!(parse_date("20260202"), ymd(2026, 2, 2));
    }

    #[test]
    fn numeric_day_month_order() {
        assert_eq!(parse_date("02-02-2026"), ymd(2026, 2, 2));
        assert_eq!(parse_date("02/02/2026"), ymd(2026, 2, 2));
        // Dashes: day-month-year when ambiguous.
        assert_eq!(parse_date("03-02-2026"), ymd(2026, 2, 3));
        // Slashes: month/day/year when ambiguous.
        assert_eq!(parse_date("03/02/2026"), ymd(2026, 3, 2));
        // A field above 12 settles it either way.
        assert_eq!(parse_date("25/12/2025"), ymd(2025, 12, 25));
        assert_eq!(parse_date("12/25/2025"), ymd(2025, 12, 25));
        assert_eq!(parse_date("12-25-2025"), ymd(2025, 12, 25));
        assert_eq!(parse_date("25.12.2025"), ymd(2025, 12, 25));
        assert_eq!(parse_date("02-02-2026 12:50 IST"), ymd(2026, 2, 2));
        assert_eq!(parse_date("1/7/2026, 9:05 AM EST"), ymd(2026, 1, 7));
        assert_eq!(parse_date("13/13/2026"), None);
        assert_eq!(parse_date("02/02/26"), None);
    }

    #[test]
    fn rfc_2822() {
        assert_eq!(
            parse_date("Mon, 02 Feb 2026 10:00:00 +0000"),
            ymd(2026, 2, 2)
        );
        assert_eq!(parse_date("Mon, 02 Feb 2026 10:00:00 GMT"), ymd(2026, 2, 2));
        // Wrong weekday: still the date that is written.
        assert_eq!(
            parse_date("Tue, 02 Feb 2026 10:00:00 +0000"),
            ymd(2026, 2, 2)
        );
    }

    #[test]
    fn month_names() {
        assert_eq!(parse_date("February 1, 2026"), ymd(2026, 2, 1));
        assert_eq!(parse_date("Feb 1, 2026"), ymd(2026, 2, 1));
        assert_eq!(parse_date("Feb. 1st, 2026"), ymd(2026, 2, 1));
        assert_eq!(parse_date("1 February 2026"), ymd(2026, 2, 1));
        assert_eq!(parse_date("Sunday, February 1, 2026"), ymd(2026, 2, 1));
        assert_eq!(parse_date("Sept 30, 2025 at 10:00"), ymd(2025, 9, 30));
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79"), ymd(1987, 2, 26));
        assert_eq!(parse_date(" 5-MAR-1987 09:12:00.00"), ymd(1987, 3, 5));
        assert_eq!(parse_date("February 30, 2026"), None);
        assert_eq!(parse_date("February 2026"), None);
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_date("1770026400"), ymd(2026, 2, 2));
        assert_eq!(parse_date("1770026400000"), ymd(2026, 2, 2));
        assert_eq!(date_from_timestamp(1_770_026_400), ymd(2026, 2, 2));
        assert_eq!(date_from_timestamp(1_770_026_400_123), ymd(2026, 2, 2));
        assert_eq!(date_from_timestamp(0), ymd(1970, 1, 1));
        assert_eq!(date_from_number(1_770_026_400), ymd(2026, 2, 2));
        assert_eq!(date_from_number(1_770_026_400_123), ymd(2026, 2, 2));
        assert_eq!(date_from_number(20_260_202), ymd(2026, 2, 2));
        assert_eq!(date_from_number(2026), None);
        assert_eq!(date_from_number(0), None);
        assert_eq!(date_from_number(99_999_999), None);
    }

    #[test]
    fn garbage_is_none() {
        for s in [
            "",
            "  ",
            "soon",
            "yesterday",
            "2026",
            "12:50",
            "Moscow 1, 2026",
            "2026-13-01",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }
}
