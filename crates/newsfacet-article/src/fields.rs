//! Mapping the field names different crawlers use onto [`RawRecord`].
//!
//! Every field has a list of aliases tried in order; the first one that is present *and* holds a
//! usable, non-empty value wins, so `{"text": "", "body": "..."}` still gets its body. Keys are
//! matched exactly first and then ignoring ASCII case, because dumps spell the same field
//! `url`, `URL` and `Url`. Unknown fields are ignored.
//!
//! Crawler outputs covered (besides NewsAPI, JSON-LD-shaped records and plain dumps):
//!
//! * news-please: `title`, `title_page`, `title_rss`, `maintext`, `description`,
//!   `date_publish`, `date_modify`, `date_download`, `authors`, `url`, `source_domain`;
//! * trafilatura: `title`, `text`, `raw_text`, `excerpt`, `date`, `filedate`, `author`
//!   (`"A; B"`), `sitename`, `hostname`, `source` (the page URL, not a publisher),
//!   `source-hostname`; its `comments` field is reader comments and is never read;
//! * newspaper3k: `title`, `text`, `publish_date`, `authors`, `url`, `meta_site_name`,
//!   `meta_data.og.site_name`, `source_url` (the site's home page, so never the article URL);
//! * WordPress REST: `{"rendered": "<p>...</p>"}` title and content objects.
//!
//! Bodies that are HTML markup are converted to paragraphs of text.

use serde_json::{Map, Value};

use chrono::NaiveDate;

use crate::date::{date_from_number, parse_date};
use crate::formats::html;
use crate::formats::record::RawRecord;
use crate::id::is_article_url;
use crate::one_line::{clean_title, strip_by};

const ID: &[&str] = &["id", "_id", "uuid", "guid", "newid", "doc_id"];
const URL: &[&str] = &["url", "link", "canonical_url"];
/// Only used when they hold an article URL (with a path): newspaper3k's `source_url` is the
/// site's home page and trafilatura's `source` is the page URL.
const URL_IF_ARTICLE: &[&str] = &["source_url", "source"];
/// `title_page`/`title_rss` are news-please's alternative titles.
const TITLE: &[&str] = &["title", "headline", "name", "title_page", "title_rss"];
/// `maintext` is news-please; `description` is a summary, used only when there is nothing else.
const BODY: &[&str] = &[
    "text",
    "body",
    "content",
    "articleBody",
    "article_body",
    "maintext",
    "raw_text",
    "description",
    "excerpt",
    "summary",
];
/// `source_domain` is news-please; `sitename`, `source-hostname` and `hostname` trafilatura;
/// `meta_site_name` newspaper3k. A value that is a URL is not a name and is skipped.
const SOURCE: &[&str] = &[
    "source",
    "publisher",
    "site_name",
    "meta_site_name",
    "outlet",
    "source_domain",
    "sitename",
    "source-hostname",
    "hostname",
    "domain",
    "feed",
];
/// `date_publish` is news-please, `publishedAt` NewsAPI, `datePublished` JSON-LD.
const DATE: &[&str] = &[
    "date",
    "published",
    "publish_date",
    "published_at",
    "publishedAt",
    "date_publish",
    "datePublished",
    "pubDate",
    "time",
    "timestamp",
];
const AUTHORS: &[&str] = &["author", "authors", "byline", "creator"];
/// Dates that are not the publication date but give the year for a year-less dateline:
/// last modified (news-please `date_modify`, JSON-LD `dateModified`) and crawled
/// (news-please `date_download`, trafilatura `filedate`).
const CONTEXT_DATE: &[&str] = &[
    "dateModified",
    "date_modify",
    "date_modified",
    "modified",
    "updated",
    "updated_at",
    "date_download",
    "filedate",
    "crawled_at",
];

/// Extracts the known fields of one JSON record. The second value is a date that was present
/// but matched no known format, for the caller to log with the record's location.
pub(crate) fn extract(map: &Map<String, Value>) -> (RawRecord, Option<String>) {
    let mut unparsed_date = None;
    let published = first(map, DATE, |v| {
        if !matches!(v, Value::Number(_)) && non_empty_str(v).is_none() {
            return None;
        }
        let date = date_value(v);
        if date.is_none() && unparsed_date.is_none() {
            unparsed_date = Some(v.to_string());
        }
        date
    });
    // A later alias with a good date beats an earlier garbled one; only report when none parsed.
    let unparsed_date = if published.is_some() {
        None
    } else {
        unparsed_date
    };
    let raw = RawRecord {
        id: first(map, ID, id_value),
        url: first(map, URL, |v| non_empty_str(v).map(str::to_string)).or_else(|| {
            first(map, URL_IF_ARTICLE, |v| {
                non_empty_str(v)
                    .filter(|u| is_article_url(u))
                    .map(str::to_string)
            })
        }),
        title: first(map, TITLE, title_value),
        body: first(map, BODY, body_value),
        source: first(map, SOURCE, name_value).or_else(|| og_site_name(map)),
        published,
        authors: first(map, AUTHORS, authors_value).unwrap_or_default(),
        context_date: first(map, CONTEXT_DATE, date_value),
        fetched: None,
    };
    (raw, unparsed_date)
}

/// A date given as a string or as a number (timestamp or `YYYYMMDD`).
fn date_value(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::String(s) if !s.trim().is_empty() => parse_date(s),
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .and_then(date_from_number),
        _ => None,
    }
}

/// newspaper3k keeps the page's Open Graph tags under `meta_data.og`.
fn og_site_name(map: &Map<String, Value>) -> Option<String> {
    let og = map.get("meta_data")?.get("og")?;
    name_value(og.get("site_name")?)
}

/// Whether the record has a title or body field with text, i.e. looks like an article.
pub(crate) fn has_text(map: &Map<String, Value>) -> bool {
    first(map, TITLE, title_value).is_some() || first(map, BODY, body_value).is_some()
}

/// The first alias, in alias order, whose value `get` accepts.
fn first<T>(
    map: &Map<String, Value>,
    aliases: &[&str],
    mut get: impl FnMut(&Value) -> Option<T>,
) -> Option<T> {
    for alias in aliases {
        if let Some(found) = map.get(*alias).and_then(&mut get) {
            return Some(found);
        }
        let other_case = map
            .iter()
            .filter(|(k, _)| k.as_str() != *alias && k.eq_ignore_ascii_case(alias))
            .find_map(|(_, v)| get(v));
        if other_case.is_some() {
            return other_case;
        }
    }
    None
}

fn non_empty_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim()),
        _ => None,
    }
}

/// Ids are strings or numbers (Reuters-21578 `newid`: 1); MongoDB exports wrap them as
/// `{"$oid": "..."}`.
fn id_value(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("$oid").and_then(non_empty_str).map(str::to_string),
        _ => non_empty_str(v).map(str::to_string),
    }
}

/// A title string, or WordPress's `{"rendered": "..."}`.
fn title_value(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o
            .get("rendered")
            .and_then(non_empty_str)
            .map(str::to_string),
        _ => non_empty_str(v).map(str::to_string),
    }
}

/// Bodies are strings, arrays of paragraph strings as some scrapers emit, or WordPress's
/// `{"rendered": "<p>...</p>"}`. HTML markup is turned into paragraphs of text. Not trimmed
/// here: leading indentation is paragraph structure that the cleaner reads.
fn body_value(v: &Value) -> Option<String> {
    let text = match v {
        Value::String(s) if !s.trim().is_empty() => s.clone(),
        Value::Array(parts) => {
            let paragraphs: Vec<&str> = parts.iter().filter_map(non_empty_str).collect();
            if paragraphs.is_empty() {
                return None;
            }
            paragraphs.join("\n\n")
        }
        Value::Object(o) => o.get("rendered").and_then(non_empty_str)?.to_string(),
        _ => return None,
    };
    if html::looks_like_html(&text) {
        let text = html::fragment_text(&text);
        return (!text.trim().is_empty()).then_some(text);
    }
    Some(text)
}

/// A name given as a string or as an object with a `name` (NewsAPI `{"id": null, "name":
/// "Reuters"}`, JSON-LD `{"@type": "Organization", "name": "BBC"}`).
fn name_value(v: &Value) -> Option<String> {
    let name = match v {
        Value::Object(o) => o.get("name").and_then(non_empty_str)?,
        _ => non_empty_str(v)?,
    };
    let name = clean_title(name);
    let lower = name.to_ascii_lowercase();
    // trafilatura's `source` is the page URL: not a name, try the next alias.
    let is_url = lower.starts_with("http://") || lower.starts_with("https://");
    (!name.is_empty() && !is_url).then_some(name)
}

/// One author or a list of them, each a string or an object with a `name`. A string may list
/// several, separated by `;` (trafilatura's `"author": "Ann Lee; Bo Chan"`).
fn authors_value(v: &Value) -> Option<Vec<String>> {
    let authors: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(name_value).collect(),
        _ => name_value(v).into_iter().collect(),
    };
    let authors: Vec<String> = authors
        .iter()
        .flat_map(|a| a.split(';'))
        .map(|a| a.trim().to_string())
        .collect();
    let authors: Vec<String> = authors
        .into_iter()
        .map(|a| strip_by(&a).to_string())
        .filter(|a| !a.is_empty())
        .collect();
    (!authors.is_empty()).then_some(authors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(v: Value) -> RawRecord {
        match v {
            Value::Object(map) => extract(&map).0,
            _ => panic!("test record must be an object"),
        }
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn id_aliases() {
        for key in ID {
            let r = raw(json!({ *key: " abc ", "title": "t" }));
            assert_eq!(r.id.as_deref(), Some("abc"), "{key}");
        }
        assert_eq!(raw(json!({"newid": 1})).id.as_deref(), Some("1"));
        assert_eq!(
            raw(json!({"_id": {"$oid": "65a1"}})).id.as_deref(),
            Some("65a1")
        );
        // Empty first alias falls through to the next.
        assert_eq!(
            raw(json!({"id": "", "uuid": "u-1"})).id.as_deref(),
            Some("u-1")
        );
        // Case-insensitive key match.
        assert_eq!(raw(json!({"ID": "X9"})).id.as_deref(), Some("X9"));
    }

    #[test]
    fn url_aliases() {
        for key in URL {
            let r = raw(json!({ *key: "https://example.com/a" }));
            assert_eq!(r.url.as_deref(), Some("https://example.com/a"), "{key}");
        }
        // An object-valued `url` is ignored in favour of the next alias.
        let r = raw(json!({"url": {"href": "x"}, "link": "https://l.example/b"}));
        assert_eq!(r.url.as_deref(), Some("https://l.example/b"));
        assert_eq!(
            raw(json!({"URL": "https://u/"})).url.as_deref(),
            Some("https://u/")
        );
    }

    #[test]
    fn title_aliases() {
        for key in TITLE {
            assert_eq!(
                raw(json!({ *key: "Hello" })).title.as_deref(),
                Some("Hello"),
                "{key}"
            );
        }
        // `name` only counts when it is a string.
        assert_eq!(raw(json!({"name": {"first": "x"}})).title, None);
        assert_eq!(
            raw(json!({"title": "", "headline": "Real headline"}))
                .title
                .as_deref(),
            Some("Real headline")
        );
    }

    #[test]
    fn body_aliases_in_order() {
        for key in BODY {
            assert_eq!(
                raw(json!({ *key: "Body." })).body.as_deref(),
                Some("Body."),
                "{key}"
            );
        }
        let r = raw(json!({"description": "Summary.", "maintext": "Full text."}));
        assert_eq!(r.body.as_deref(), Some("Full text."));
        let r = raw(json!({"content": ["One.", "", "Two."]}));
        assert_eq!(r.body.as_deref(), Some("One.\n\nTwo."));
        assert_eq!(
            raw(json!({"Text": "Cased."})).body.as_deref(),
            Some("Cased.")
        );
    }

    #[test]
    fn source_aliases_and_nested_objects() {
        for key in SOURCE {
            assert_eq!(
                raw(json!({ *key: " AP " })).source.as_deref(),
                Some("AP"),
                "{key}"
            );
        }
        let newsapi = raw(json!({"source": {"id": null, "name": "Reuters"}}));
        assert_eq!(newsapi.source.as_deref(), Some("Reuters"));
        let jsonld = raw(json!({"publisher": {"@type": "Organization", "name": "BBC"}}));
        assert_eq!(jsonld.source.as_deref(), Some("BBC"));
        // An object without a name falls through to the next alias.
        let r = raw(json!({"source": {"id": "x"}, "source_domain": "nytimes.com"}));
        assert_eq!(r.source.as_deref(), Some("nytimes.com"));
    }

    #[test]
    fn date_aliases_strings_and_timestamps() {
        for key in DATE {
            let r = raw(json!({ *key: "2026-02-02T10:00:00Z" }));
            assert_eq!(r.published, date(2026, 2, 2), "{key}");
        }
        assert_eq!(
            raw(json!({"timestamp": 1770026400})).published,
            date(2026, 2, 2)
        );
        assert_eq!(
            raw(json!({"time": 1770026400000_i64})).published,
            date(2026, 2, 2)
        );
        assert_eq!(
            raw(json!({"date": 1770026400.5})).published,
            date(2026, 2, 2)
        );
        // A garbled first alias does not hide a good later one.
        let r = raw(json!({"date": "soon", "publishedAt": "2026-02-01"}));
        assert_eq!(r.published, date(2026, 2, 1));
        let Value::Object(map) = json!({"date": "soon"}) else {
            unreachable!()
        };
        let (r, unparsed) = extract(&map);
        assert_eq!(r.published, None);
        assert_eq!(unparsed.as_deref(), Some("\"soon\""));
    }

    #[test]
    fn author_aliases_and_shapes() {
        for key in AUTHORS {
            assert_eq!(
                raw(json!({ *key: "Jane Doe" })).authors,
                vec!["Jane Doe"],
                "{key}"
            );
        }
        let r = raw(json!({"authors": ["A One", {"name": "B Two"}, "", 3]}));
        assert_eq!(r.authors, vec!["A One", "B Two"]);
        let r = raw(json!({"author": {"@type": "Person", "name": "C Three"}}));
        assert_eq!(r.authors, vec!["C Three"]);
        assert_eq!(
            raw(json!({"byline": "By  Jane   Doe"})).authors,
            vec!["Jane Doe"]
        );
        let r = raw(json!({"author": [], "creator": ["D Four"]}));
        assert_eq!(r.authors, vec!["D Four"]);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let r = raw(json!({"foo": "bar", "nested": {"title": "no"}}));
        assert_eq!(r.title, None);
        assert_eq!(r.body, None);
        assert!(r.authors.is_empty());
    }
}
