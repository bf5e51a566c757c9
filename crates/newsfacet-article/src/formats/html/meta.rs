//! Page metadata: JSON-LD, Open Graph and other `<meta>` tags, `<link rel=canonical>`,
//! `<title>`/`<h1>` and dates in the markup. [`super::parse_page`] decides which one wins.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::extract::{selector, ARTICLE};
use crate::date::parse_date;
use crate::id::is_article_url;
use crate::one_line::clean_title;

/// JSON-LD types that are an article, most specific (news) first; see [`article_rank`].
const NEWS_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
];
const OTHER_ARTICLE_TYPES: &[&str] = &[
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "SatiricalArticle",
    "Report",
    "SocialMediaPosting",
];

static SCRIPTS: LazyLock<Selector> = LazyLock::new(|| selector("script"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static ITEMPROP_DATE: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=datePublished], [itemprop=dateCreated]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));

/// All JSON-LD nodes of a page, flattened, and the best article node among them.
pub(super) struct JsonLd {
    nodes: Vec<Value>,
    article: Option<usize>,
}

impl JsonLd {
    pub(super) fn from_document(doc: &Html) -> JsonLd {
        let mut nodes = Vec::new();
        for script in doc.select(&SCRIPTS) {
            let is_ld = script
                .value()
                .attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
            if !is_ld {
                continue;
            }
            let text: String = script.text().collect();
            match parse_json_ld(&text) {
                Some(value) => flatten(value, &mut nodes),
                None => tracing::debug!("ignoring a JSON-LD block that is not valid JSON"),
            }
        }
        let article = nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| article_rank(n).map(|rank| (rank, i)))
            .min()
            .map(|(_, i)| i);
        JsonLd { nodes, article }
    }

    fn article(&self) -> Option<&Value> {
        self.article.and_then(|i| self.nodes.get(i))
    }

    /// A `{"@id": "..."}` reference resolved to the node it names, or the value itself.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        let Some(id) = value.get("@id").and_then(Value::as_str) else {
            return value;
        };
        if value.as_object().is_some_and(|o| o.len() > 1) {
            return value;
        }
        self.nodes
            .iter()
            .find(|n| {
                n.get("@id").and_then(Value::as_str) == Some(id)
                    && n.as_object().is_some_and(|o| o.len() > 1)
            })
            .unwrap_or(value)
    }

    pub(super) fn text(&self, keys: &[&str]) -> Option<String> {
        let article = self.article()?;
        keys.iter().find_map(|k| {
            let v = article.get(*k)?;
            let s = match v {
                Value::String(s) => s.as_str(),
                Value::Array(items) => items.iter().find_map(Value::as_str)?,
                _ => return None,
            };
            (!s.trim().is_empty()).then(|| s.to_string())
        })
    }

    pub(super) fn date(&self, keys: &[&str]) -> Option<NaiveDate> {
        let article = self.article()?;
        keys.iter()
            .find_map(|k| article.get(*k).and_then(Value::as_str).and_then(parse_date))
    }

    pub(super) fn publisher(&self) -> Option<String> {
        let article = self.article()?;
        ["publisher", "sourceOrganization"].iter().find_map(|k| {
            let v = article.get(*k)?;
            let v = match v {
                Value::Array(items) => items.first()?,
                other => other,
            };
            self.name_of(v)
        })
    }

    /// The `WebSite` node's name: the site name when the article node names no publisher.
    pub(super) fn website_name(&self) -> Option<String> {
        self.nodes
            .iter()
            .filter(|n| has_type(n, |t| t == "WebSite"))
            .find_map(|n| self.name_of(n))
    }

    pub(super) fn url(&self) -> Option<String> {
        let article = self.article()?;
        let candidates = [
            article.get("url"),
            article.get("mainEntityOfPage"),
            article.get("@id"),
        ];
        candidates.into_iter().flatten().find_map(|v| {
            let s = match v {
                Value::String(s) => s.as_str(),
                Value::Object(o) => o
                    .get("@id")
                    .or_else(|| o.get("url"))
                    .and_then(Value::as_str)?,
                _ => return None,
            };
            // `@id`s are often `https://site/page#article`: the fragment is not part of it.
            let s = s.split('#').next().unwrap_or(s).trim();
            is_article_url(s).then(|| s.to_string())
        })
    }

    pub(super) fn authors(&self) -> Vec<String> {
        let Some(author) = self.article().and_then(|a| a.get("author")) else {
            return Vec::new();
        };
        match author {
            Value::Array(items) => items.iter().filter_map(|v| self.name_of(v)).collect(),
            other => self.name_of(other).into_iter().collect(),
        }
    }

    /// A name given as a string, or as a (possibly referenced) node with a `name`.
    fn name_of(&self, v: &Value) -> Option<String> {
        let name = match self.resolve(v) {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("name").and_then(Value::as_str)?,
            _ => return None,
        };
        let name = clean_title(name);
        (!name.is_empty() && !looks_like_url(&name)).then_some(name)
    }
}

/// Parses a JSON-LD block, tolerating what CMSs wrap around it (HTML comments, CDATA markers, a
/// trailing semicolon).
fn parse_json_ld(text: &str) -> Option<Value> {
    let trimmed = text.trim();
    if let Ok(v) = serde_json::from_str(trimmed) {
        return Some(v);
    }
    let mut s = trimmed;
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim();
    }
    for suffix in ["-->", "//]]>", "]]>", ";"] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim();
    }
    serde_json::from_str(s).ok()
}

/// Collects every node: top-level arrays, `@graph` members and `mainEntity` objects.
fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            if let Some(main) = map
                .get("mainEntity")
                .filter(|m| m.is_object() || m.is_array())
            {
                flatten(main.clone(), out);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// `Some(0)` for news article types, `Some(1)` for other article types, `None` otherwise.
fn article_rank(node: &Value) -> Option<u8> {
    if has_type(node, |t| {
        NEWS_TYPES.contains(&t) || t.ends_with("NewsArticle")
    }) {
        Some(0)
    } else if has_type(node, |t| OTHER_ARTICLE_TYPES.contains(&t)) {
        Some(1)
    } else {
        None
    }
}

/// Whether the node's `@type` (a string or an array) has a type `pred` accepts; `schema:` and
/// `https://schema.org/` prefixes are ignored.
fn has_type(node: &Value, pred: impl Fn(&str) -> bool) -> bool {
    let strip = |t: &str| t.rsplit(['/', ':']).next().unwrap_or(t).trim().to_string();
    match node.get("@type") {
        Some(Value::String(t)) => pred(&strip(t)),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .any(|t| pred(&strip(t))),
        _ => false,
    }
}

/// `<meta>` contents by lowercased `property`, `name` or `itemprop`, in page order.
pub(super) struct Meta {
    values: HashMap<String, Vec<String>>,
}

impl Meta {
    pub(super) fn from_document(doc: &Html) -> Meta {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for meta in doc.select(&META) {
            let el = meta.value();
            let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            for attr in ["property", "name", "itemprop"] {
                if let Some(key) = el.attr(attr) {
                    values
                        .entry(key.trim().to_ascii_lowercase())
                        .or_default()
                        .push(content.to_string());
                }
            }
        }
        Meta { values }
    }

    pub(super) fn all(&self, key: &str) -> Vec<String> {
        self.values
            .get(key)
            .map(|v| {
                v.iter()
                    .map(|s| clean_title(s))
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(super) fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.all(k).into_iter().next())
    }

    /// Like [`first`](Self::first), skipping values that are URLs (`article:publisher` and
    /// `article:author` are often profile links, not names).
    pub(super) fn first_name(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.all(k).into_iter().find(|v| !looks_like_url(v)))
    }

    pub(super) fn first_date(&self, keys: &[&str]) -> Option<NaiveDate> {
        keys.iter()
            .find_map(|k| self.all(k).iter().find_map(|v| parse_date(v)))
    }
}

/// `<link rel="canonical" href="...">`, if it is an absolute article URL.
pub(super) fn canonical(doc: &Html) -> Option<String> {
    doc.select(&CANONICAL).find_map(|link| {
        let el = link.value();
        let rel = el.attr("rel")?;
        if !rel
            .split_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            return None;
        }
        let href = el.attr("href")?.trim();
        is_article_url(href).then(|| href.to_string())
    })
}

/// `<title>` without its site-name suffix, or the first `<h1>`; when the `<title>` starts
/// with the `<h1>` text, the `<h1>` is the clean headline.
pub(super) fn page_title(doc: &Html, site_names: &[&str]) -> Option<String> {
    let h1 = doc
        .select(&H1)
        .map(|h| clean_title(&h.text().collect::<String>()))
        .find(|t| !t.is_empty());
    let title = doc
        .select(&TITLE)
        .map(|t| clean_title(&t.text().collect::<String>()))
        .find(|t| !t.is_empty());
    match (title, h1) {
        (Some(title), Some(h1)) if title.starts_with(&h1) => Some(h1),
        (Some(title), _) => Some(strip_site_suffix(&title, site_names)),
        (None, h1) => h1,
    }
}

/// `Headline | Site` / `Headline - Site` → `Headline`, when the last part names the site, and
/// `Site | Headline` → `Headline`. `site_names` are what the page calls itself (`og:site_name`,
/// the JSON-LD publisher) and the name in its web address (`albawaba` of
/// `www.albawaba.com`): pages write their name in many ways ("TheHill", "SpaceNews.com",
/// "Al Bawaba"), and a headline part that names none of them is kept.
pub(super) fn strip_site_suffix(title: &str, site_names: &[&str]) -> String {
    let title = clean_title(title);
    let site_names: Vec<&str> = site_names
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if site_names.is_empty() {
        return title;
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if names_site(tail.trim(), &site_names) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    // A leading site name is set off only by the separators that never join headline parts.
    for sep in [" | ", " :: "] {
        if let Some((head, tail)) = title.split_once(sep) {
            if names_site(head.trim(), &site_names) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Whether a part of a title names the site: one of its names, a longer or shorter form of it
/// ("BBC News" for "BBC", "The Courier" for "The Courier Online"), or the same letters with
/// other spacing and punctuation or a domain ending ("TheHill", "SpaceNews.com").
fn names_site(part: &str, site_names: &[&str]) -> bool {
    let lower = part.to_lowercase();
    let squashed = squash(without_domain_ending(part));
    site_names.iter().any(|site| {
        let site = site.to_lowercase();
        lower == site
            || (site.len() >= 3 && lower.starts_with(&format!("{site} ")))
            || (lower.len() >= 3 && site.starts_with(&format!("{lower} ")))
            || (squashed.len() >= 3 && squashed == squash(without_domain_ending(&site)))
    })
}

/// `SpaceNews.com` → `SpaceNews`; text with spaces is no domain and stays whole.
fn without_domain_ending(name: &str) -> &str {
    match name.split_once('.') {
        Some((first, rest)) if !name.contains(' ') && !first.is_empty() && !rest.is_empty() => {
            first
        }
        _ => name,
    }
}

/// Lowercase letters and digits only: "The Hill" and "TheHill" compare equal.
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A publication date from the page's markup: `itemprop=datePublished` on any element, then
/// a `<time pubdate>`, then the first `<time datetime>` inside `<article>`.
pub(super) fn page_date(doc: &Html) -> Option<NaiveDate> {
    let from_attrs = |el: ElementRef| {
        ["content", "datetime"]
            .iter()
            .find_map(|a| el.value().attr(a).and_then(parse_date))
    };
    doc.select(&ITEMPROP_DATE)
        .find_map(from_attrs)
        .or_else(|| {
            doc.select(&TIME)
                .filter(|t| t.value().attr("pubdate").is_some())
                .find_map(from_attrs)
        })
        .or_else(|| {
            doc.select(&ARTICLE)
                .flat_map(|a| a.select(&TIME))
                .find_map(from_attrs)
        })
}

pub(super) fn looks_like_url(s: &str) -> bool {
    let s = s.trim_start().to_ascii_lowercase();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_meta_selectors_parse() {
        for sel in [
            &SCRIPTS,
            &META,
            &CANONICAL,
            &TITLE,
            &H1,
            &ITEMPROP_DATE,
            &TIME,
        ] {
            LazyLock::force(sel);
        }
    }

    #[test]
    fn site_suffix_only_when_it_is_the_site() {
        assert_eq!(
            strip_site_suffix("Talks resume | Daily Planet", &["Daily Planet"]),
            "Talks resume"
        );
        assert_eq!(
            strip_site_suffix("Talks resume - daily planet", &["Daily Planet"]),
            "Talks resume"
        );
        // A dash inside the headline stays.
        assert_eq!(
            strip_site_suffix("Ceasefire - for now", &["Daily Planet"]),
            "Ceasefire - for now"
        );
        assert_eq!(strip_site_suffix("A | B", &[]), "A | B");
    }

    #[test]
    fn site_names_written_other_ways_are_stripped() {
        let strip = strip_site_suffix;
        assert_eq!(
            strip("Senate passes bill | TheHill", &["The Hill"]),
            "Senate passes bill"
        );
        assert_eq!(
            strip("Rocket flies - SpaceNews.com", &["SpaceNews"]),
            "Rocket flies"
        );
        assert_eq!(
            strip("Rocket flies - SpaceNews.com", &["spacenews"]),
            "Rocket flies"
        );
        assert_eq!(
            strip("Jordan votes | Al Bawaba", &["albawaba"]),
            "Jordan votes"
        );
        assert_eq!(
            strip("Al Bawaba | Jordan votes", &["albawaba"]),
            "Jordan votes"
        );
        // A part that names another outlet, or only shares a few letters, stays.
        assert_eq!(
            strip("Biden meets Xi - Reuters", &["The Hill"]),
            "Biden meets Xi - Reuters"
        );
        assert_eq!(strip("Oil - gasworks", &["Gas"]), "Oil - gasworks");
        assert_eq!(strip("Hill - The view", &["The Hill"]), "Hill - The view");
    }

    #[test]
    fn json_ld_tolerates_wrappers() {
        assert!(parse_json_ld("<!-- {\"@type\": \"NewsArticle\"} -->").is_some());
        assert!(parse_json_ld("{\"a\": 1};").is_some());
        assert!(parse_json_ld("{broken").is_none());
    }
}
