//! The main text of a page or an HTML fragment: which element holds the story, and its text
//! with one paragraph per block element, without page furniture.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

/// Class and id names of page furniture, one per line (`#` comments).
const SKIP_DATA: &str = include_str!("../../../data/html-skip.txt");

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

pub(super) fn selector(css: &str) -> Selector {
    // The selectors below are constants; a typo is caught by the tests, which parse them all.
    Selector::parse(css).unwrap_or_else(|e| panic!("invalid built-in selector {css:?}: {e}"))
}

pub(super) static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static ITEMPROP_BODY: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop=articleBody], [itemprop=articlebody]"));
static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));

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

/// The main text of the page, one paragraph per block element.
/// What the main text was found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Basis {
    /// The page marks its story with `[itemprop=articleBody]`.
    DeclaredBody,
    /// The `<article>` element with the most paragraph text.
    Article,
    /// The densest paragraph block, or the whole `<body>`.
    Density,
}

/// The page's main text by our own reading of its markup, and what it was found by.
pub(super) fn main_text(doc: &Html) -> (String, Basis) {
    let (containers, basis) = main_containers(doc);
    let mut out = String::new();
    for container in containers {
        let context = Container {
            element: container,
            paragraph_len: paragraph_text_len(container),
        };
        render(container, Some(context), &mut out);
        out.push_str("\n\n");
    }
    (tidy(&out), basis)
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
fn main_containers(doc: &Html) -> (Vec<ElementRef<'_>>, Basis) {
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
        return (bodies, Basis::DeclaredBody);
    }
    let article = doc
        .select(&ARTICLE)
        .map(|el| (el, paragraph_text_len(el)))
        .max_by_key(|(_, len)| *len)
        .filter(|(_, len)| enough(*len));
    if let Some((el, _)) = article {
        return (vec![el], Basis::Article);
    }
    let block = densest
        .map(|(el, _)| el)
        .or_else(|| doc.select(&BODY).next())
        .unwrap_or_else(|| doc.root_element());
    (vec![block], Basis::Density)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_text_selectors_parse() {
        for sel in [&ITEMPROP_BODY, &ARTICLE, &PARAGRAPH, &BODY] {
            LazyLock::force(sel);
        }
        assert!(SKIP_NAMES.contains(&"share"));
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
}
