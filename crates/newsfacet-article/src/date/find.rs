//! Finding the publication date where metadata has none: in the URL's path, a file path, or
//! the header lines at the top of an article's text.

use std::path::Path;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use url::{Position, Url};

use super::parse::{month_number, parse_date, MONTH_RE, WEEKDAY_RE};
use crate::web_address::parse_web_address;

/// How far into a body a date may be and still be the article's own: the header and byline
/// lines and the first paragraphs, never deep in the story, where dates are events.
const HEADER_CHARS: usize = 1500;
/// The header region ends after this many story-length paragraphs.
const HEADER_PARAGRAPHS: usize = 2;
/// A paragraph at least this long (bytes) is story text, not a header or byline line.
const STORY_PARAGRAPH: usize = 150;

/// Full dates in running text: ISO, numeric day/month/year, and month names either way round,
/// optionally after a weekday. Candidates only; [`parse_date`] validates them.
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[t ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:z|[+-]\d{{2}}:?\d{{2}})?)?|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}|(?:{w}\s+)?{m}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|(?:{w}\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{m},?\s+\d{{4}})\b",
        w = WEEKDAY_RE,
        m = MONTH_RE
    );
    compile(&pattern)
});

/// A label that says which date follows: `Published:`, `Updated on`, `Posted`, `Date:`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(first\s+published|published|posted|created|last\s+updated|updated|modified|date)\s*(?:on|at)?\s*:?\s*$",
    )
});

/// A dateline opening a paragraph: `MOSCOW, Feb 1 (Reuters) -`, `NEW DELHI, February 1 -`,
/// `LONDON, 1 February (AFP) -`; the place is in capitals, as wire services write it.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)^(?-i:[A-Z][A-Z.'’ -]{{1,40}}?)(?:,\s*[A-Za-z.' ]{{2,30}}?)?,\s*(?:(?P<m1>{m})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{m}))(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\s*(?:\(|-|–|—|/)",
        m = MONTH_RE
    );
    compile(&pattern)
});

/// A year in a file path or URL path segment: `2026/02/...`, `reuters-2026-02-01.txt`.
static PATH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:^|[/\\_.\-])((?:19|20)\d{2})(?:[/\\_.\-]|$)"));

/// A date in a URL path: `/2026/02/01/`, `/2026-02-01/`, `/2026/feb/01/`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)/((?:19|20)\d{{2}})[/-](\d{{1,2}}|{m})[/-](\d{{1,2}})(?:/|-|\.|$)",
        m = MONTH_RE
    );
    compile(&pattern)
});

fn compile(pattern: &str) -> Regex {
    // Built-in patterns; the tests compile every one of them.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern: {e}"))
}

/// The publication date a body states near its top, when the metadata gave none.
///
/// Only the header region is read: the lines before and the first [`HEADER_PARAGRAPHS`]
/// story paragraphs, at most [`HEADER_CHARS`]. In order of trust:
///
/// 1. a labelled date: `Published: February 1, 2026`, `Created: 02-02-2026 12:45 IST`,
///    `Posted on ...`; a publication label beats `Updated`;
/// 2. a byline or timestamp line that is only a date plus names and labels:
///    `Sunday, February 1, 2026`, `Reuters | 02-02-2026 12:50 IST`. A sentence that contains a
///    date ("The vote is set for February 10, 2026.") is not one: it names an event;
/// 3. a dateline opening a paragraph, `MOSCOW, Feb 1 (Reuters) -`. It has no year, which is
///    taken from a full date elsewhere in the article (one in the same month preferred), else
///    from `fallback_year` (the caller's: a year in the file path or URL, or of a metadata date
///    such as last-modified). Without a year the dateline is not used;
/// 4. the day a lede reports, when written with its weekday ([`lede_weekday_date`]).
///
/// Numeric dates follow [`parse_date`]: a first field above 12 is the day; when both are 12
/// or less, dashes and dots are day-month-year (as Indian and European outlets write
/// `02-02-2026 12:50 IST`) and slashes month/day/year (US).
pub(crate) fn date_from_text(body: &str, fallback_year: Option<i32>) -> Option<NaiveDate> {
    let region = header_region(body);
    let mut labelled_update = None;
    let mut byline = None;
    for line in region.lines() {
        let line = line.trim();
        for m in TEXT_DATE.find_iter(line) {
            let Some(date) = parse_date(m.as_str()) else {
                continue;
            };
            match LABEL.captures(&line[..m.start()]) {
                Some(label) => {
                    let label = label[1].to_ascii_lowercase();
                    if label.contains("updated") || label == "modified" {
                        labelled_update.get_or_insert(date);
                    } else {
                        return Some(date);
                    }
                }
                None if byline.is_none() && is_date_line(line) => byline = Some(date),
                None => {}
            }
        }
    }
    if let Some(date) = labelled_update.or(byline) {
        return Some(date);
    }
    region
        .split("\n\n")
        .find_map(|paragraph| dateline_date(paragraph.trim_start(), body, fallback_year))
        .or_else(|| lede_weekday_date(&region))
}

/// Words and phrases that put a sentence's date in the future or in a plan ("will meet on
/// Sunday, February 8"), one per line in `data/future-markers.txt`.
static FUTURE_MARKERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/future-markers.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// A sentence boundary: end punctuation, space, and a capital or an opening quote.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| compile(r#"[.!?]["”’]?\s+["“‘A-Z]"#));

/// The date of the event a lede reports, when the story gives it with its weekday
/// ("… said on Sunday, February 1, 2026."). News style names the weekday only for days within
/// a week of publication, and writes background events with the date alone ("On February 1,
/// 2021, the military seized power"), so a weekday date is the story's own day to within days.
/// The weekday must agree with the calendar, and a sentence about plans or the future ("will
/// vote on Sunday, February 8") does not count.
fn lede_weekday_date(region: &str) -> Option<NaiveDate> {
    region
        .split("\n\n")
        .filter(|paragraph| paragraph.trim().len() >= STORY_PARAGRAPH)
        .take(HEADER_PARAGRAPHS)
        .find_map(|paragraph| {
            let paragraph = paragraph.replace('\n', " ");
            TEXT_DATE.find_iter(&paragraph).find_map(|m| {
                let date = parse_date(m.as_str())?;
                let named = named_weekday(m.as_str())?;
                let sentence = sentence_around(&paragraph, m.start(), m.end());
                (named == date.weekday() && !speaks_of_the_future(sentence)).then_some(date)
            })
        })
}

/// The weekday a date string opens with (`Sunday, February 1, 2026`), if any.
fn named_weekday(date: &str) -> Option<chrono::Weekday> {
    let lower = date.trim_start().get(..3)?.to_ascii_lowercase();
    lower.parse().ok()
}

/// The sentence of `text` that holds the byte range `start..end`.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let from = SENTENCE_END
        .find_iter(&text[..start])
        .last()
        // The boundary match ends on the next sentence's first character.
        .map_or(0, |b| b.end() - 1);
    let to = SENTENCE_END
        .find(&text[end..])
        .map_or(text.len(), |b| end + b.start() + 1);
    text.get(from..to).unwrap_or(text)
}

/// Whether a sentence speaks of a plan or the future (see [`FUTURE_MARKERS`]).
fn speaks_of_the_future(sentence: &str) -> bool {
    let lower = sentence.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    FUTURE_MARKERS.iter().any(|marker| {
        if marker.starts_with('\'') {
            return words.iter().any(|w| w.ends_with(marker));
        }
        let marker: Vec<&str> = marker.split_whitespace().collect();
        words
            .windows(marker.len())
            .any(|window| window == marker.as_slice())
    })
}

/// The top of a body: whole lines up to the end of the second story paragraph, at most
/// [`HEADER_CHARS`] bytes.
fn header_region(body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let mut region = String::new();
    let mut stories = 0;
    for paragraph in body.split("\n\n") {
        if paragraph.trim().is_empty() {
            continue;
        }
        for line in paragraph.lines() {
            if region.len() + line.len() > HEADER_CHARS && !region.is_empty() {
                return region;
            }
            region.push_str(line);
            region.push('\n');
        }
        region.push('\n');
        if paragraph.trim().len() >= STORY_PARAGRAPH {
            stories += 1;
            if stories >= HEADER_PARAGRAPHS {
                break;
            }
        }
    }
    region
}

/// Whether a line is a byline/timestamp line rather than a sentence: besides its dates and
/// times, only capitalised words (names, places, zones), labels and separators.
fn is_date_line(line: &str) -> bool {
    const ALLOWED: &[&str] = &[
        "by",
        "on",
        "at",
        "and",
        "published",
        "posted",
        "created",
        "updated",
        "last",
        "first",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "|",
        "-",
        "–",
        "—",
        "/",
        "·",
        "•",
    ];
    let rest = TEXT_DATE.replace_all(line, " ");
    rest.split_whitespace().all(|word| {
        let word = word.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '(' | ')'));
        word.is_empty()
            || ALLOWED.contains(&word.to_ascii_lowercase().as_str())
            || word.chars().next().is_some_and(char::is_uppercase)
            || word
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+'))
    })
}

/// The date of a dateline opening `paragraph`, its year taken as described on
/// [`date_from_text`].
fn dateline_date(paragraph: &str, body: &str, fallback_year: Option<i32>) -> Option<NaiveDate> {
    let caps = DATELINE.captures(paragraph)?;
    let month = caps
        .name("m1")
        .or_else(|| caps.name("m2"))
        .and_then(|m| month_number(m.as_str()))?;
    let day: u32 = caps
        .name("d1")
        .or_else(|| caps.name("d2"))?
        .as_str()
        .parse()
        .ok()?;
    let year = match caps.name("y").and_then(|y| y.as_str().parse().ok()) {
        Some(year) => year,
        None => year_from_article(body, month).or(fallback_year)?,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The year of a full date anywhere in the article, preferring one in `month`; across a new
/// year (a December dateline, a January date) the year is adjusted.
fn year_from_article(body: &str, month: u32) -> Option<i32> {
    let dates: Vec<NaiveDate> = TEXT_DATE
        .find_iter(body)
        .filter_map(|m| parse_date(m.as_str()))
        .collect();
    if let Some(same) = dates.iter().find(|d| d.month() == month) {
        return Some(same.year());
    }
    let reference = dates.first()?;
    Some(match (month, reference.month()) {
        (12, 1) => reference.year() - 1,
        (1, 12) => reference.year() + 1,
        _ => reference.year(),
    })
}

/// A year named in a file path (`corpus/2026/02/a.txt`, `wires-2026-02-01.jsonl`): the
/// last one, the most specific directory or the file name.
pub(crate) fn year_from_path(path: &Path) -> Option<i32> {
    let text = path.to_string_lossy();
    plausible_year(PATH_YEAR.captures_iter(&text).last()?.get(1)?.as_str())
}

/// A date in a URL's path, as news sites write them (`/2026/02/01/`, `/2026/feb/01/`).
pub(crate) fn date_from_url(url: &str) -> Option<NaiveDate> {
    let path = url_path(url);
    let caps = URL_DATE.captures(&path)?;
    let year = plausible_year(&caps[1])?;
    let month = match caps[2].parse::<u32>() {
        Ok(m) => m,
        Err(_) => month_number(&caps[2])?,
    };
    NaiveDate::from_ymd_opt(year, month, caps[3].parse().ok()?)
}

/// A year alone in a URL's path (`/2026/`), for reading year-less datelines.
pub(crate) fn year_from_url(url: &str) -> Option<i32> {
    let path = url_path(url);
    plausible_year(PATH_YEAR.captures_iter(&path).next()?.get(1)?.as_str())
}

/// The part of a URL after its host (path, query and fragment, as the `url` crate writes
/// them), so that digits in a host name are not read as dates. A bare address
/// (`www.example.com/2026/02/01/x`) is read as the web address it names, and one starting with
/// `/` is all path; text that is no address has no path.
fn url_path(url: &str) -> String {
    let url = url.trim();
    let address = if url.starts_with('/') {
        Url::parse("http://placeholder.invalid")
            .and_then(|base| base.join(url))
            .ok()
    } else {
        parse_web_address(url)
    };
    address.map_or_else(String::new, |address| {
        address[Position::BeforePath..].to_string()
    })
}

fn plausible_year(s: &str) -> Option<i32> {
    s.parse().ok().filter(|y| (1900..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn built_in_patterns_compile() {
        for re in [&TEXT_DATE, &LABEL, &DATELINE, &PATH_YEAR, &URL_DATE] {
            LazyLock::force(re);
        }
    }

    #[test]
    fn labelled_and_byline_dates() {
        let body = "Reuters | Updated: 02-02-2026 12:50 IST | Created: 02-02-2026 12:45 IST\n\n\
MOSCOW, Feb 1 (Reuters) - Russia said on Sunday it would resume talks.";
        // `Created` is the publication; `Updated` only counts when nothing else does.
        assert_eq!(date_from_text(body, None), ymd(2026, 2, 2));
        let body = "Updated: 03-02-2026 09:00 IST\nPublished: 01-02-2026\n\nStory.";
        assert_eq!(date_from_text(body, None), ymd(2026, 2, 1));
        assert_eq!(
            date_from_text("Last updated on 3 February 2026\n\nStory.", None),
            ymd(2026, 2, 3)
        );
        assert_eq!(
            date_from_text("Sunday, February 1, 2026\n\nThe talks resumed.", None),
            ymd(2026, 2, 1)
        );
        assert_eq!(
            date_from_text(
                "By Jane Doe, Reuters\nFebruary 1, 2026 10:15 AM GMT\n\nText.",
                None
            ),
            ymd(2026, 2, 1)
        );
        assert_eq!(
            date_from_text("Posted on 2026-02-02 by admin\n\nText.", None),
            ymd(2026, 2, 2)
        );
        assert_eq!(
            date_from_text("1 February 2026\n\nText.", None),
            ymd(2026, 2, 1)
        );
        // Day-month when the first field is above 12, whatever the separator.
        assert_eq!(
            date_from_text("Created: 13/02/2026\n\nText.", None),
            ymd(2026, 2, 13)
        );
    }

    #[test]
    fn datelines_take_the_year_from_the_article_or_context() {
        let body = "MOSCOW, Feb 1 (Reuters) - Russia said on Sunday it would resume talks.\n\n\
The ministry said a first round would be held by February 20, 2026.";
        assert_eq!(date_from_text(body, None), ymd(2026, 2, 1));
        let body = "NEW DELHI, February 1 - The cabinet met on Sunday.";
        assert_eq!(date_from_text(body, Some(2025)), ymd(2025, 2, 1));
        assert_eq!(date_from_text(body, None), None, "no year anywhere");
        let body = "LONDON, 1 February (AFP) - Britain said on Sunday...";
        assert_eq!(date_from_text(body, Some(2026)), ymd(2026, 2, 1));
        let body =
            "WASHINGTON, Dec. 31 (Reuters) - The year ends. Markets open on January 2, 2026.";
        assert_eq!(date_from_text(body, None), ymd(2025, 12, 31));
        let body = "GENEVA, Feb 1, 2026 (Reuters) - Talks resumed.";
        assert_eq!(date_from_text(body, None), ymd(2026, 2, 1));
    }

    #[test]
    fn dates_in_story_text_are_not_the_publication_date() {
        // A sentence with a date names an event.
        let body = "The vote is set for February 10, 2026.\n\nMore text follows here.";
        assert_eq!(date_from_text(body, None), None);
        let body = "On February 1, 2021, the military seized power, and protests followed.";
        assert_eq!(date_from_text(body, None), None);
        // A date deep in the story is out of the header region.
        let para = "Officials spoke at length about the plans for the coming months, and the \
opposition said it would study the details carefully before any vote in parliament.";
        let body = format!("{para}\n\n{para}\n\n{para}\n\nPublished: February 1, 2025");
        assert_eq!(date_from_text(&body, None), None);
        // Lowercase place: a sentence, not a dateline.
        assert_eq!(
            date_from_text(
                "Last week, Feb 1 - the day of the vote - was calm.",
                Some(2026)
            ),
            None
        );
        assert_eq!(date_from_text("", Some(2026)), None);
    }

    #[test]
    fn a_lede_event_with_its_weekday_dates_the_story() {
        let lede = "The governing party won the most seats in the parliamentary election held \
on Sunday, February 1, 2026, according to preliminary results published by the commission.";
        assert_eq!(date_from_text(lede, None), ymd(2026, 2, 1));
        let body = format!("By Jane Doe\n\n{lede}");
        assert_eq!(date_from_text(&body, None), ymd(2026, 2, 1));
        // Abbreviated weekday and month, day before month.
        let lede = "Thousands of workers marched through the capital on Thu., 5 Feb. 2026 to \
protest against the proposed pension reform, the largest demonstration in a decade.";
        assert_eq!(date_from_text(lede, None), ymd(2026, 2, 5));
    }

    #[test]
    fn weekday_dates_of_plans_or_wrong_calendars_do_not_date_the_story() {
        // A plan names a day to come.
        let plan = "The two governments said the talks will resume in Geneva on Sunday, \
February 8, 2026, after the first round ended without agreement on the main points.";
        assert_eq!(date_from_text(plan, None), None);
        let plan = "Voters are expected to go to the polls on Sunday, February 8, 2026, in what \
analysts describe as the most closely fought election the country has seen in years.";
        assert_eq!(date_from_text(plan, None), None);
        // The weekday disagrees with the calendar: the text is not to be trusted.
        let wrong = "The governing party won the most seats in the parliamentary election held \
on Monday, February 1, 2026, according to preliminary results published by the commission.";
        assert_eq!(date_from_text(wrong, None), None);
        // Background without a weekday.
        let background = "On February 1, 2021, the military seized power in a coup, and months \
of protests followed across the country as the generals tightened their grip on the cities.";
        assert_eq!(date_from_text(background, None), None);
    }

    #[test]
    fn future_markers_and_sentences() {
        LazyLock::force(&SENTENCE_END);
        assert!(!FUTURE_MARKERS.is_empty());
        assert!(speaks_of_the_future("They'll vote on Sunday."));
        assert!(speaks_of_the_future("The vote is scheduled for Sunday."));
        assert!(!speaks_of_the_future("The willow fell on Sunday."));
        let text = "He left. The vote was held on Sunday, Feb. 1. Results came later.";
        let at = text.find("Sunday").unwrap_or(0);
        assert_eq!(
            sentence_around(text, at, at + 6),
            "The vote was held on Sunday, Feb. 1."
        );
    }

    #[test]
    fn url_dates_without_scheme_or_behind_user_info() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 1);
        assert_eq!(
            date_from_url("https://u:p@www.example.com/2026/02/01/a"),
            date
        );
        assert_eq!(date_from_url("www.example.com/2026/02/01/a"), date);
        assert_eq!(date_from_url("/world/2026/feb/01/talks"), date);
        assert_eq!(date_from_url("2026.example.com/a"), None);
        assert_eq!(year_from_url("example.com/news/2026/x?page=2"), Some(2026));
    }

    #[test]
    fn years_and_dates_from_paths_and_urls() {
        assert_eq!(
            year_from_path(Path::new("corpus/2026/02/a.txt")),
            Some(2026)
        );
        assert_eq!(
            year_from_path(Path::new("wires-2025-12-31.jsonl")),
            Some(2025)
        );
        assert_eq!(year_from_path(Path::new("corpus/story12026.txt")), None);
        assert_eq!(year_from_path(Path::new("corpus/a.txt")), None);
        assert_eq!(
            date_from_url("https://www.example.com/world/2026/02/01/talks-resume/"),
            ymd(2026, 2, 1)
        );
        assert_eq!(
            date_from_url("https://www.theguardian.com/world/2026/feb/01/talks"),
            ymd(2026, 2, 1)
        );
        assert_eq!(
            date_from_url("https://example.com/2026-02-01-talks"),
            ymd(2026, 2, 1)
        );
        assert_eq!(date_from_url("https://example.com/news/123456"), None);
        assert_eq!(date_from_url("https://2026.example.com/a"), None);
        assert_eq!(year_from_url("https://example.com/2026/talks"), Some(2026));
        assert_eq!(year_from_url("https://example2026.com/talks"), None);
    }
}
