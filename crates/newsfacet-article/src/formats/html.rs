//! HTML pages (`.html`, `.htm`): metadata and the main article text.
//!
//! Metadata is taken from the most deliberate source a page has, in order:
//!
//! 1. JSON-LD (`<script type="application/ld+json">`): the `NewsArticle`/`Article`/
//!    `ReportageNewsArticle`/`BlogPosting`... node, also inside `@graph` arrays and `mainEntity`,
//!    with `@id` references resolved (`"publisher": {"@id": "#org"}`). Publishers write these
//!    for search engines, so they are usually complete and exact.
//! 2. Open Graph and other `<meta>` tags (`og:title`, `og:site_name`,
//!    `article:published_time`, `og:url`, `name=author`, `name=date`/`pubdate`, Dublin Core,
//!    Parse.ly), `<link rel=canonical>`, `itemprop=datePublished`, `<time datetime>`.
//! 3. The page itself: `<title>` (without a trailing ` | Site Name`) or the first `<h1>`.
//!
//! The site name (`og:site_name`, JSON-LD `publisher.name`, or the `WebSite` node's name) is
//! the publisher and goes into [`Article::source`](crate::Article::source).
//!
//! The body is JSON-LD `articleBody` when the page has a complete one; otherwise the text of the
//! main container: `[itemprop=articleBody]`, else `<article>`, else the element whose `<p>`
//! children hold the most text. Inside it, scripts, navigation, headers, footers, asides, forms,
//! figures and elements whose class or id names page furniture (`data/html-skip.txt`) are
//! dropped, and paragraphs, headings, list items and block quotes each become one paragraph.
//! The text then goes through the same cleaning as every other format.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::RawRecord;
use crate::clean::clean_title;
use crate::date::parse_date;
use crate::id::is_article_url;

/// Class and id names of page furniture, one per line (`#` comments).
const SKIP_DATA: &str = include_str!("../../data/html-skip.txt");

static SKIP_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    SKIP_DATA
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "figure", "iframe", "svg", "canvas", "button", "select", "textarea", "input", "label",
    "object", "embed", "video", "audio", "map", "dialog", "menu", "head", "title", "meta", "link",
];

/// Elements that end a paragraph before and after them.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "hr",
    "address",
    "center",
    "details",
    "summary",
    "body",
    "html",
    "caption",
    "fieldset",
];

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

/// A JSON-LD `articleBody` shorter than this fraction of the page's own text is a teaser, not
/// the story (some sites truncate it for paywalled articles).
const TRUNCATED_BODY: f64 = 0.5;

fn selector(css: &str) -> Selector {
    // The selectors below are constants; a typo is caught by the tests, which parse them all.
    Selector::parse(css).unwrap_or_else(|e| panic!("invalid built-in selector {css:?}: {e}"))
}

static SCRIPTS: LazyLock<Selector> = LazyLock::new(|| selector("script"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static ITEMPROP_BODY: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=articleBody], [itemprop=articlebody]"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static ITEMPROP_DATE: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=datePublished], [itemprop=dateCreated]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));

/// Extracts metadata and main text from a whole page.
pub(crate) fn parse_page(text: &str) -> RawRecord {
    let doc = Html::parse_document(text);
    let ld = JsonLd::from_document(&doc);
    let meta = Meta::from_document(&doc);

    let source = ld
        .publisher()
        .or_else(|| meta.first_name(&["og:site_name", "publisher", "dc.publisher"]))
        .or_else(|| ld.website_name())
        .or_else(|| meta.first_name(&["application-name"]));

    let og_title = meta.first(&["og:title", "twitter:title", "dc.title", "parsely-title"]);
    let title = match (ld.text(&["headline", "name"]), og_title) {
        (Some(ld_title), Some(og)) if is_truncation_of(&ld_title, &og) => Some(og),
        (Some(ld_title), _) => Some(ld_title),
        (None, og) => og,
    }
    .map(|t| strip_site_suffix(&t, source.as_deref()))
    .or_else(|| page_title(&doc, source.as_deref()));

    let mut published = ld.date(&["datePublished", "dateCreated"]).or_else(|| {
        meta.first_date(&[
            "article:published_time",
            "og:article:published_time",
            "og:published_time",
            "published_time",
            "article.published",
            "datepublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "dcterms.date",
            "sailthru.date",
            "parsely-pub-date",
            "datecreated",
        ])
    });
    if published.is_none() {
        published = page_date(&doc);
    }
    let context_date = ld.date(&["dateModified"]).or_else(|| {
        meta.first_date(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "last-modified",
            "dcterms.modified",
        ])
    });

    let url = ld.url().or_else(|| canonical(&doc)).or_else(|| {
        meta.first(&["og:url", "twitter:url"])
            .filter(|u| is_article_url(u))
    });

    let mut authors = ld.authors();
    if authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "parsely-author",
            "dc.creator",
            "sailthru.author",
            "byl",
        ] {
            authors.extend(meta.all(key).into_iter().filter(|a| !looks_like_url(a)));
            if !authors.is_empty() {
                break;
            }
        }
    }
    let authors = authors
        .iter()
        .map(|a| crate::fields::strip_by(a).to_string())
        .filter(|a| !a.is_empty())
        .collect();

    let dom_body = main_text(&doc);
    let body = match ld.text(&["articleBody"]).map(|b| article_body_text(&b)) {
        Some(ld_body) if prefer_ld_body(&ld_body, &dom_body) => ld_body,
        _ => dom_body,
    };
    let mut body = drop_leading_title(&body, title.as_deref());
    if body.trim().is_empty() {
        // A page rendered by scripts has no text in its markup; its summary is better than
        // nothing, as with the `description` field of JSON records.
        body = meta
            .first(&["og:description", "description", "twitter:description"])
            .unwrap_or_default();
    }

    RawRecord {
        id: None,
        url,
        title,
        body: Some(body),
        source,
        published,
        authors,
        context_date,
    }
}

/// Plain text of an HTML fragment (a JSON field holding `<p>...</p>` markup), with one paragraph
/// per block element.
pub(crate) fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::new();
    render(doc.root_element(), None, &mut out);
    tidy(&out)
}

/// The element the text is taken from, and how much paragraph text it holds.
#[derive(Clone, Copy)]
struct Container<'a> {
    element: ElementRef<'a>,
    paragraph_len: usize,
}

/// Whether a string holds HTML markup worth parsing rather than text with a stray `<`.
pub(crate) fn looks_like_html(s: &str) -> bool {
    const TAGS: &[&str] = &["<p>", "<p ", "<br", "<div", "</p>", "<li>", "<h2", "<span"];
    let lower_prefix: String = s
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    TAGS.iter().any(|t| lower_prefix.contains(t))
}

/// Whether `short` is `long` cut off (JSON-LD headlines are often truncated to the 110
/// characters search engines show, with or without an ellipsis).
fn is_truncation_of(short: &str, long: &str) -> bool {
    let stem = clean_title(short);
    let stem = stem.trim_end_matches(['…', '.']).trim_end();
    let long = clean_title(long);
    stem.len() >= 20 && long.len() > stem.len() + 1 && long.starts_with(stem)
}

/// JSON-LD `articleBody` is used when it is complete: not much shorter than the page text (a
/// teaser), and not a single run-on blob when the page has the same text in paragraphs (the
/// paragraphs matter to the cleaner, which works paragraph by paragraph).
fn prefer_ld_body(ld_body: &str, dom_body: &str) -> bool {
    let (ld_len, dom_len) = (ld_body.trim().len(), dom_body.trim().len());
    if ld_len == 0 {
        return false;
    }
    if (ld_len as f64) < dom_len as f64 * TRUNCATED_BODY {
        return false;
    }
    let ld_paragraphs = ld_body.contains('\n');
    let dom_paragraphs = dom_body.matches("\n\n").count();
    !(!ld_paragraphs && dom_paragraphs >= 2 && dom_len as f64 >= ld_len as f64 * 0.8)
}

/// `articleBody` sometimes carries markup; most often it is plain text.
fn article_body_text(body: &str) -> String {
    if looks_like_html(body) {
        fragment_text(body)
    } else {
        body.to_string()
    }
}

/// Drops a first paragraph that only repeats the headline (the `<h1>` inside `<article>`).
fn drop_leading_title(body: &str, title: Option<&str>) -> String {
    let Some(title) = title.filter(|t| !t.is_empty()) else {
        return body.to_string();
    };
    let trimmed = body.trim_start();
    let (first, rest) = trimmed.split_once("\n\n").unwrap_or((trimmed, ""));
    if clean_title(first).eq_ignore_ascii_case(title) {
        rest.to_string()
    } else {
        body.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

/// All JSON-LD nodes of a page, flattened, and the best article node among them.
struct JsonLd {
    nodes: Vec<Value>,
    article: Option<usize>,
}

impl JsonLd {
    fn from_document(doc: &Html) -> JsonLd {
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

    fn text(&self, keys: &[&str]) -> Option<String> {
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

    fn date(&self, keys: &[&str]) -> Option<NaiveDate> {
        let article = self.article()?;
        keys.iter()
            .find_map(|k| article.get(*k).and_then(Value::as_str).and_then(parse_date))
    }

    fn publisher(&self) -> Option<String> {
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
    fn website_name(&self) -> Option<String> {
        self.nodes
            .iter()
            .filter(|n| has_type(n, |t| t == "WebSite"))
            .find_map(|n| self.name_of(n))
    }

    fn url(&self) -> Option<String> {
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

    fn authors(&self) -> Vec<String> {
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

// ---------------------------------------------------------------------------------------------
// <meta> tags

/// `<meta>` contents by lowercased `property`, `name` or `itemprop`, in page order.
struct Meta {
    values: HashMap<String, Vec<String>>,
}

impl Meta {
    fn from_document(doc: &Html) -> Meta {
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

    fn all(&self, key: &str) -> Vec<String> {
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

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.all(k).into_iter().next())
    }

    /// Like [`first`](Self::first), skipping values that are URLs (`article:publisher` and
    /// `article:author` are often profile links, not names).
    fn first_name(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.all(k).into_iter().find(|v| !looks_like_url(v)))
    }

    fn first_date(&self, keys: &[&str]) -> Option<NaiveDate> {
        keys.iter()
            .find_map(|k| self.all(k).iter().find_map(|v| parse_date(v)))
    }
}

// ---------------------------------------------------------------------------------------------
// Page structure

/// `<link rel="canonical" href="...">`, if it is an absolute article URL.
fn canonical(doc: &Html) -> Option<String> {
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
fn page_title(doc: &Html, site: Option<&str>) -> Option<String> {
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
        (Some(title), _) => Some(strip_site_suffix(&title, site)),
        (None, h1) => h1,
    }
}

/// `Headline | Site` / `Headline - Site` → `Headline`, when the last part is the site name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = clean_title(title);
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if names_site(tail.trim(), site) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title
}

/// Whether a title's last part names the site: the site name itself, or a longer or shorter
/// form of it ("BBC News" for "BBC", "The Courier" for "The Courier Online").
fn names_site(tail: &str, site: &str) -> bool {
    let (tail, site) = (tail.to_lowercase(), site.to_lowercase());
    tail == site
        || (site.len() >= 3 && tail.starts_with(&format!("{site} ")))
        || (tail.len() >= 3 && site.starts_with(&format!("{tail} ")))
}

/// A publication date from the page's markup: `itemprop=datePublished` on any element, then
/// a `<time pubdate>`, then the first `<time datetime>` inside `<article>`.
fn page_date(doc: &Html) -> Option<NaiveDate> {
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

/// The main text of the page, one paragraph per block element.
fn main_text(doc: &Html) -> String {
    let mut out = String::new();
    for container in main_containers(doc) {
        let context = Container {
            element: container,
            paragraph_len: paragraph_text_len(container),
        };
        render(container, Some(context), &mut out);
        out.push_str("\n\n");
    }
    tidy(&out)
}

/// Picks the element(s) holding the story. Semantic markup wins unless it holds far less
/// paragraph text than the densest paragraph block on the page, which happens when `<article>`
/// is used for teaser cards:
///
/// * `[itemprop=articleBody]`: all of them, in page order, since some sites split the body
///   into several such blocks around ads (nested ones are taken once, by the outer);
/// * else the `<article>` with the most paragraph text (several `<article>`s are usually
///   several stories);
/// * else the densest paragraph block, else `<body>`.
fn main_containers(doc: &Html) -> Vec<ElementRef<'_>> {
    let densest = densest_paragraph_block(doc);
    let densest_score = densest.map_or(0, |(_, score)| score);
    let enough = |len: usize| len > 0 && len * 2 >= densest_score;

    let bodies: Vec<ElementRef<'_>> = doc
        .select(&ITEMPROP_BODY)
        .filter(|el| {
            !el.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| ITEMPROP_BODY.matches(&a))
        })
        .collect();
    if enough(bodies.iter().map(|el| paragraph_text_len(*el)).sum()) {
        return bodies;
    }
    let article = doc
        .select(&ARTICLE)
        .map(|el| (el, paragraph_text_len(el)))
        .max_by_key(|(_, len)| *len)
        .filter(|(_, len)| enough(*len));
    if let Some((el, _)) = article {
        return vec![el];
    }
    densest
        .map(|(el, _)| el)
        .or_else(|| doc.select(&BODY).next())
        .map(|el| vec![el])
        .unwrap_or_else(|| vec![doc.root_element()])
}

/// The element holding the most paragraph text: each `<p>` counts fully for its parent and
/// half for its grandparent, so that a story split into several `<div>`s of paragraphs (around
/// ads) is found as a whole, while a single dense block still beats the page around it.
fn densest_paragraph_block(doc: &Html) -> Option<(ElementRef<'_>, usize)> {
    let mut scores = HashMap::new();
    for p in doc.select(&PARAGRAPH) {
        if inside_skipped(p) {
            continue;
        }
        let len = text_len(p);
        let mut ancestors = p.ancestors().filter_map(ElementRef::wrap);
        for share in [2, 1] {
            let Some(el) = ancestors.next() else {
                break;
            };
            scores.entry(el.id()).or_insert((el, 0)).1 += len * share;
        }
    }
    scores
        .into_values()
        .max_by_key(|(el, score)| (*score, std::cmp::Reverse(el.id())))
        .map(|(el, score)| (el, score / 2))
}

fn inside_skipped(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| SKIP_TAGS.contains(&a.value().name()))
}

/// Text length of the `<p>` elements under `el` that are not inside skipped elements.
fn paragraph_text_len(el: ElementRef<'_>) -> usize {
    el.select(&PARAGRAPH)
        .filter(|p| !inside_skipped(*p))
        .map(text_len)
        .sum()
}

fn text_len(el: ElementRef<'_>) -> usize {
    el.text().map(|t| t.trim().len()).sum()
}

/// Appends the text under `el` to `out`: text nodes with whitespace collapsed, `\n\n` around
/// block elements, `\n` for `<br>`. `container` is where the walk started (none for a
/// fragment); page furniture is only recognised by class below it.
fn render(el: ElementRef<'_>, container: Option<Container<'_>>, out: &mut String) {
    for node in el.children() {
        if let Node::Text(text) = node.value() {
            push_text(out, text);
            continue;
        }
        // Comments, doctypes and processing instructions carry no text.
        let Some(child) = ElementRef::wrap(node) else {
            continue;
        };
        let name = child.value().name();
        if SKIP_TAGS.contains(&name) || is_hidden(child) || is_furniture(child, container) {
            continue;
        }
        if name == "br" {
            out.push('\n');
            continue;
        }
        let block = BLOCK_TAGS.contains(&name);
        if block {
            out.push_str("\n\n");
        } else if matches!(name, "td" | "th") {
            out.push(' ');
        }
        render(child, container, out);
        if block {
            out.push_str("\n\n");
        }
    }
}

/// Appends a text node, collapsing its whitespace: in HTML a newline in the source is a space.
fn push_text(out: &mut String, text: &str) {
    let mut words = text.split_whitespace().peekable();
    if text.starts_with(char::is_whitespace) && !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    while let Some(word) = words.next() {
        out.push_str(word);
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        out.push(' ');
    }
}

fn is_hidden(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether `el` is page furniture by its class or id (`data/html-skip.txt`). Only elements
/// strictly inside the container are judged, and never one that holds most of the container's
/// paragraph text: a class list is a guess, losing the story over it is not acceptable.
fn is_furniture(el: ElementRef<'_>, container: Option<Container<'_>>) -> bool {
    let Some(container) = container else {
        return false;
    };
    if el.id() == container.element.id() || matches!(el.value().name(), "article" | "main" | "body")
    {
        return false;
    }
    let e = el.value();
    let names = e.classes().chain(e.attr("id"));
    let matched = names.into_iter().any(|name| {
        let name = name.to_ascii_lowercase();
        SKIP_NAMES.iter().any(|skip| {
            name == *skip
                || name
                    .strip_prefix(skip)
                    .is_some_and(|rest| rest.starts_with(['-', '_']))
        })
    });
    if !matched {
        return false;
    }
    let total = container.paragraph_len;
    total == 0 || paragraph_text_len(el) * 2 < total
}

/// Normalises rendered text: trims every line, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim_start().to_ascii_lowercase();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_selectors_parse() {
        for sel in [
            &SCRIPTS,
            &META,
            &CANONICAL,
            &TITLE,
            &H1,
            &ITEMPROP_BODY,
            &ARTICLE,
            &PARAGRAPH,
            &ITEMPROP_DATE,
            &TIME,
            &BODY,
        ] {
            LazyLock::force(sel);
        }
        assert!(SKIP_NAMES.contains(&"share"));
    }

    #[test]
    fn site_suffix_only_when_it_is_the_site() {
        assert_eq!(
            strip_site_suffix("Talks resume | Daily Planet", Some("Daily Planet")),
            "Talks resume"
        );
        assert_eq!(
            strip_site_suffix("Talks resume - daily planet", Some("Daily Planet")),
            "Talks resume"
        );
        // A dash inside the headline stays.
        assert_eq!(
            strip_site_suffix("Ceasefire - for now", Some("Daily Planet")),
            "Ceasefire - for now"
        );
        assert_eq!(strip_site_suffix("A | B", None), "A | B");
    }

    #[test]
    fn site_suffix_variants_and_truncated_headlines() {
        assert_eq!(
            strip_site_suffix("Talks resume - BBC News", Some("BBC")),
            "Talks resume"
        );
        assert_eq!(
            strip_site_suffix("Talks resume | The Courier", Some("The Courier Online")),
            "Talks resume"
        );
        assert_eq!(
            strip_site_suffix("Talks resume - BBCs rival", Some("BBC")),
            "Talks resume - BBCs rival"
        );
        let long =
            "Negotiators agree to reopen the grain corridor after a month of talks in Geneva";
        assert!(is_truncation_of(
            "Negotiators agree to reopen the grain corridor…",
            long
        ));
        assert!(is_truncation_of(
            "Negotiators agree to reopen the grain corridor after",
            long
        ));
        assert!(!is_truncation_of(long, long));
        assert!(!is_truncation_of("Grain deal", "Grain deal reached"));
    }

    #[test]
    fn story_split_around_ads_is_read_whole() {
        let page = "<html><body><div class=\"story\">\
<div><p>First part of the story, long enough to count as real paragraph text here.</p>\
<p>Second paragraph of the first part, which also carries some words.</p></div>\
<div class=\"ad\"><p>Advertisement</p></div>\
<div><p>Third paragraph after the advertisement block, continuing the story.</p>\
<p>Fourth paragraph, the end of the story, with a final quote from an official.</p></div>\
</div><div class=\"footer-links\"><p>About us</p></div></body></html>";
        let raw = parse_page(page);
        let body = raw.body.unwrap_or_default();
        assert!(body.starts_with("First part of the story"), "{body}");
        assert!(
            body.contains("Fourth paragraph, the end of the story"),
            "{body}"
        );
        assert!(!body.contains("About us"), "{body}");

        let split = "<html><body>\
<div itemprop=\"articleBody\"><p>Part one of the body text, which is long enough.</p></div>\
<div class=\"promo\"><p>Subscribe now for unlimited access to every story we publish.</p></div>\
<div itemprop=\"articleBody\"><p>Part two of the body text, after the promotion.</p></div>\
</body></html>";
        let body = parse_page(split).body.unwrap_or_default();
        assert_eq!(
            body,
            "Part one of the body text, which is long enough.\n\n\
Part two of the body text, after the promotion."
        );
    }

    #[test]
    fn script_rendered_page_falls_back_to_its_description() {
        let page = "<html><head><title>App</title>\
<meta property=\"og:description\" content=\"The council approved the budget.\">\
</head><body><div id=\"root\"></div><script>render()</script></body></html>";
        let raw = parse_page(page);
        assert_eq!(
            raw.body.as_deref(),
            Some("The council approved the budget.")
        );
    }

    #[test]
    fn fragments_keep_paragraphs_and_lists() {
        assert_eq!(
            fragment_text(
                "<p>One &amp; two.</p><p>Three\n  four.</p><ul><li>A</li><li>B</li></ul>"
            ),
            "One & two.\n\nThree four.\n\nA\n\nB"
        );
        assert_eq!(
            fragment_text("Line<br>next<br><br>Para <b>bold</b> end."),
            "Line\nnext\n\nPara bold end."
        );
        assert!(looks_like_html("<p>x</p>"));
        assert!(!looks_like_html("a < b and c > d"));
    }

    #[test]
    fn json_ld_tolerates_wrappers() {
        assert!(parse_json_ld("<!-- {\"@type\": \"NewsArticle\"} -->").is_some());
        assert!(parse_json_ld("{\"a\": 1};").is_some());
        assert!(parse_json_ld("{broken").is_none());
    }
}
