//! The main text of a page or an HTML fragment: which element holds the story, and its text
//! with one paragraph per block element, without page furniture.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

/// Class and id names of page furniture, one per line (`#` comments); the names after the
/// `[comments]` line name reader-comment threads.
const SKIP_DATA: &str = include_str!("../../../data/html-skip.txt");

/// The furniture names and, separately, the comment-thread names (which are furniture too).
static NAMES: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let mut furniture = Vec::new();
    let mut comments = Vec::new();
    let mut in_comments = false;
    for line in SKIP_DATA.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[comments]" {
            in_comments = true;
            continue;
        }
        furniture.push(line);
        if in_comments {
            comments.push(line);
        }
    }
    (furniture, comments)
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
/// `itemprop` is a list of names (Blogger writes `itemprop="description articleBody"`).
static ITEMPROP_BODY: LazyLock<Selector> =
    LazyLock::new(|| selector("[itemprop~=articleBody], [itemprop~=articlebody]"));
/// What marks an element as holding the story itself: the headline or the marked body.
static STORY_MARKS: LazyLock<Selector> =
    LazyLock::new(|| selector("h1, [itemprop~=articleBody], [itemprop~=articlebody]"));
static LINK: LazyLock<Selector> = LazyLock::new(|| selector("a"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));

/// Plain text of an HTML fragment (a JSON field holding `<p>...</p>` markup), with one paragraph
/// per block element.
pub(crate) fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let root = doc.root_element();
    let page = Page::of(root, Forms::Widgets);
    let mut out = String::new();
    render(root, None, &page, &mut out);
    tidy(&out)
}

/// The element the text is taken from, and how much story text it holds.
#[derive(Clone, Copy)]
struct Container<'a> {
    element: ElementRef<'a>,
    story_len: usize,
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

/// Removes the page's reader-comment threads (see [`Page`]) from its tree, so that no reading
/// of the page, ours or Readability's, can take a reader's comment for the story. Returns
/// whether anything was removed.
pub(super) fn remove_comment_threads(doc: &mut Html) -> bool {
    let ids: Vec<_> = comment_threads(doc.root_element())
        .iter()
        .map(|el| el.id())
        .collect();
    for id in &ids {
        if let Some(mut node) = doc.tree.get_mut(*id) {
            node.detach();
        }
    }
    !ids.is_empty()
}

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
    let page = Page::of(doc.root_element(), Forms::MayBeLayout);
    let (containers, basis) = main_containers(doc, &page);
    let mut out = String::new();
    for container in containers {
        let context = Container {
            element: container,
            story_len: page.story_len(container),
        };
        render(container, Some(context), &page, &mut out);
        out.push_str("\n\n");
    }
    (tidy(&out), basis)
}

/// Whether a `<form>` may be a layout container.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Forms {
    /// In a whole page, a form holding at least half of its story text is its layout.
    MayBeLayout,
    /// In a fragment (a JSON field, Readability's pick) a form is always a widget: a fragment
    /// that is all form is a newsletter or cookie box that Readability took for the story.
    Widgets,
}

/// What reading a page (or a fragment) needs to know beyond the element at hand.
///
/// * Forms that are the page's layout: ASP.NET and similar frameworks wrap the whole page in
///   one `<form>`, so in a whole page a form holding at least half of the story text is a
///   container, not a widget (search boxes, log-ins, comment and newsletter forms hold little
///   text next to a story).
/// * Reader-comment threads (`[comments]` names in `data/html-skip.txt`), which are never the
///   story however long they run.
pub(super) struct Page<'a> {
    layout_forms: Vec<ElementRef<'a>>,
    comment_threads: Vec<ElementRef<'a>>,
}

impl<'a> Page<'a> {
    fn of(root: ElementRef<'a>, forms: Forms) -> Page<'a> {
        let forms: Vec<ElementRef<'a>> = match forms {
            Forms::MayBeLayout => root
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|el| el.value().name() == "form")
                .collect(),
            Forms::Widgets => Vec::new(),
        };
        let comment_threads = comment_threads(root);
        if forms.is_empty() {
            return Page {
                layout_forms: forms,
                comment_threads,
            };
        }
        // Measured with every form open: a form's share of the page's text decides its kind.
        let open = Page {
            layout_forms: forms,
            comment_threads,
        };
        let total = open.story_len(root);
        let layout_forms = open
            .layout_forms
            .iter()
            .copied()
            .filter(|form| {
                let len = open.story_len(*form);
                len > 0 && len * 2 >= total
            })
            .collect();
        Page {
            layout_forms,
            comment_threads: open.comment_threads,
        }
    }

    /// Whether `el` and everything in it is never story text: scripts, navigation, widget
    /// forms and the like (`SKIP_TAGS`), hidden elements and comment threads.
    fn is_skipped(&self, el: ElementRef<'a>) -> bool {
        let name = el.value().name();
        if name == "form" {
            return !self.layout_forms.contains(&el);
        }
        SKIP_TAGS.contains(&name) || is_hidden(el) || self.comment_threads.contains(&el)
    }

    fn inside_skipped(&self, el: ElementRef<'a>) -> bool {
        el.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| self.is_skipped(a))
    }

    /// Bytes of story text under `el` (see [`Page::story_units`]).
    fn story_len(&self, el: ElementRef<'a>) -> usize {
        let mut total = 0;
        self.story_units(el, el, &mut |_, len| total += len);
        total
    }

    /// Calls `unit(holder, len)` for each paragraph of story text under `el`, outside skipped
    /// elements. A paragraph is a `<p>`, held by its parent, or bare text outside any `<p>`
    /// (the stories some sites and blogs write as text split by `<br>`s or one `<div>` per
    /// paragraph): a block of text lines split by `<br>` holds its lines, and a block of one
    /// run of text is a paragraph itself, held by its parent, like a `<p>`. Text of links and
    /// headings is no paragraph (menus, headline lists, titles). `holder` holds the bare text
    /// directly in `el`.
    fn story_units(
        &self,
        el: ElementRef<'a>,
        holder: ElementRef<'a>,
        unit: &mut impl FnMut(ElementRef<'a>, usize),
    ) {
        for node in el.children() {
            if let Node::Text(text) = node.value() {
                let len = text.trim().len();
                if len > 0 {
                    unit(holder, len);
                }
                continue;
            }
            let Some(child) = ElementRef::wrap(node) else {
                continue;
            };
            if self.is_skipped(child) {
                continue;
            }
            let name = child.value().name();
            match name {
                "p" => {
                    let len = text_len(child);
                    if len > 0 {
                        unit(el, len);
                    }
                }
                "a" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "br" => {}
                _ if is_block(name) => {
                    let inner = if is_one_paragraph(child) { el } else { child };
                    self.story_units(child, inner, unit);
                }
                _ => self.story_units(child, holder, unit),
            }
        }
    }
}

/// Elements that hold paragraphs of bare text: the block elements and table cells.
fn is_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name) || matches!(name, "td" | "th" | "form")
}

/// Whether a block is one paragraph of bare text: no blocks inside, and no `<br>` with text
/// after it (a trailing `<br>` only ends the line).
fn is_one_paragraph(el: ElementRef<'_>) -> bool {
    let mut after_br = false;
    for node in el.children() {
        match node.value() {
            Node::Text(text) if after_br && !text.trim().is_empty() => return false,
            Node::Element(e) if e.name() == "br" => after_br = true,
            Node::Element(e) if is_block(e.name()) => return false,
            Node::Element(_) if after_br => return false,
            _ => {}
        }
    }
    true
}

/// The reader-comment threads under `root`: elements whose class or id is a `[comments]` name
/// of `data/html-skip.txt`, outermost only. An element holding the page's headline or its
/// marked story body is the story's container whatever it is called (a theme may name its
/// post wrapper `comments-open`), as are `<body>` and `<main>`.
fn comment_threads(root: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut threads: Vec<ElementRef<'_>> = Vec::new();
    for el in root.descendants().filter_map(ElementRef::wrap) {
        if !names_match(el, &NAMES.1) || matches!(el.value().name(), "body" | "html" | "main") {
            continue;
        }
        if el.select(&STORY_MARKS).next().is_some() {
            continue;
        }
        if threads
            .iter()
            .any(|t| el.ancestors().any(|a| a.id() == t.id()))
        {
            continue;
        }
        threads.push(el);
    }
    threads
}

/// Whether `el` is still in the document: `Html::select` also finds the elements of subtrees
/// detached by [`remove_comment_threads`].
fn is_attached(el: ElementRef<'_>) -> bool {
    el.ancestors().any(|a| a.value().is_document())
}

/// Picks the element(s) holding the story. Semantic markup wins unless it holds far less
/// story text than the densest block on the page, which happens when `<article>` is used for
/// teaser cards:
///
/// * `[itemprop=articleBody]`: all of them, in page order, since some sites split the body
///   into several such blocks around ads (nested ones are taken once, by the outer);
/// * else the `<article>` with the most story text (several `<article>`s are usually
///   several stories);
/// * else the densest block, else `<body>`.
///
/// Story text is counted in `<p>`s and in bare text (see [`Page::story_units`]), so that a
/// story written without `<p>` still outweighs a newsletter box that has them.
fn main_containers<'d>(doc: &'d Html, page: &Page<'d>) -> (Vec<ElementRef<'d>>, Basis) {
    let densest = densest_block(doc, page);
    let densest_score = densest.map_or(0, |(_, score)| score);
    let enough = |len: usize| len > 0 && len * 2 >= densest_score;

    let bodies: Vec<ElementRef<'_>> = doc
        .select(&ITEMPROP_BODY)
        .filter(|el| {
            !el.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| ITEMPROP_BODY.matches(&a))
                && is_attached(*el)
                && !page.inside_skipped(*el)
        })
        .collect();
    if enough(bodies.iter().map(|el| page.story_len(*el)).sum()) {
        return (bodies, Basis::DeclaredBody);
    }
    let article = doc
        .select(&ARTICLE)
        .filter(|el| is_attached(*el) && !page.inside_skipped(*el) && !page.is_skipped(*el))
        .map(|el| (el, page.story_len(el)))
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

/// The element holding the most story text: each paragraph counts fully for its holder and
/// half for the holder's parent (see [`Page::story_units`]), so that a story split into
/// several `<div>`s of paragraphs (around ads) is found as a whole, while a single dense block
/// still beats the page around it.
fn densest_block<'d>(doc: &'d Html, page: &Page<'d>) -> Option<(ElementRef<'d>, usize)> {
    let root = doc.root_element();
    let mut scores = HashMap::new();
    page.story_units(root, root, &mut |holder, len| {
        scores.entry(holder.id()).or_insert((holder, 0)).1 += len * 2;
        if let Some(parent) = holder.parent().and_then(ElementRef::wrap) {
            scores.entry(parent.id()).or_insert((parent, 0)).1 += len;
        }
    });
    scores
        .into_values()
        .filter(|(el, _)| el.value().name() != "html")
        .max_by_key(|(el, score)| (*score, std::cmp::Reverse(el.id())))
        .map(|(el, score)| (el, score / 2))
}

fn text_len(el: ElementRef<'_>) -> usize {
    el.text().map(|t| t.trim().len()).sum()
}

/// Appends the text under `el` to `out`: text nodes with whitespace collapsed, `\n\n` around
/// block elements, `\n` for `<br>`. `container` is where the walk started (none for a
/// fragment); page furniture is only recognised by class below it.
fn render<'a>(
    el: ElementRef<'a>,
    container: Option<Container<'a>>,
    page: &Page<'a>,
    out: &mut String,
) {
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
        if page.is_skipped(child) || is_furniture(child, container, page) || is_link_list(child) {
            continue;
        }
        if name == "br" {
            out.push('\n');
            continue;
        }
        let block = is_block(name) && !matches!(name, "td" | "th");
        if block {
            out.push_str("\n\n");
        } else if matches!(name, "td" | "th") {
            out.push(' ');
        }
        render(child, container, page, out);
        if block {
            out.push_str("\n\n");
        }
    }
}

/// Whether `el` is links and nothing else (other headlines, a menu, a row of section links):
/// a `<ul>` or `<ol>` of at least three items, each item's text wholly a link, or another
/// block (not a table) of at least three links with next to no text of its own. A story's own list or
/// paragraph has words of its own around its links.
fn is_link_list(el: ElementRef<'_>) -> bool {
    let name = el.value().name();
    if matches!(name, "ul" | "ol") {
        let mut items = 0;
        for item in el.children().filter_map(ElementRef::wrap) {
            if item.value().name() != "li" {
                continue;
            }
            let all = text_len(item);
            if all == 0 {
                continue;
            }
            if !mostly_links(item, all) {
                return false;
            }
            items += 1;
        }
        return items >= 3;
    }
    // Tables of links are data (a comparison, a schedule), and the page's frame is no block.
    if !is_block(name)
        || matches!(
            name,
            "body"
                | "html"
                | "article"
                | "main"
                | "form"
                | "table"
                | "thead"
                | "tbody"
                | "tfoot"
                | "tr"
                | "td"
                | "th"
                | "caption"
        )
    {
        return false;
    }
    el.select(&LINK).nth(2).is_some()
        && link_text(el, 0).is_some_and(|(linked, all)| linked * 10 >= all * 9)
}

/// Whether links hold nine tenths of the `all` bytes of text under `el`.
fn mostly_links(el: ElementRef<'_>, all: usize) -> bool {
    let linked: usize = el.select(&LINK).map(text_len).sum();
    linked * 10 >= all * 9
}

/// Most text outside links a block of links can have: a menu or a headline list has a few
/// separators and dates, a story's block has sentences. Walks stop there, so that asking this
/// of every block of a long page stays cheap.
const MAX_UNLINKED: usize = 300;

/// Bytes of link text and of all text under `el`, or `None` once the text outside links
/// exceeds [`MAX_UNLINKED`] (with `unlinked` bytes already counted before `el`).
fn link_text(el: ElementRef<'_>, unlinked: usize) -> Option<(usize, usize)> {
    let (mut linked, mut all) = (0, 0);
    for node in el.children() {
        match node.value() {
            Node::Text(text) => {
                let len = text.trim().len();
                all += len;
                if unlinked + all - linked > MAX_UNLINKED {
                    return None;
                }
            }
            Node::Element(e) if e.name() == "a" => {
                let len = ElementRef::wrap(node).map_or(0, text_len);
                linked += len;
                all += len;
            }
            Node::Element(_) => {
                let child = ElementRef::wrap(node)?;
                let (l, a) = link_text(child, unlinked + all - linked)?;
                linked += l;
                all += a;
            }
            _ => {}
        }
    }
    Some((linked, all))
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
/// story text: a class list is a guess, losing the story over it is not acceptable.
fn is_furniture<'a>(el: ElementRef<'a>, container: Option<Container<'a>>, page: &Page<'a>) -> bool {
    let Some(container) = container else {
        return false;
    };
    if el.id() == container.element.id() || matches!(el.value().name(), "article" | "main" | "body")
    {
        return false;
    }
    if !names_match(el, &NAMES.0) {
        return false;
    }
    let total = container.story_len;
    total == 0 || page.story_len(el) * 2 < total
}

/// Whether one of `el`'s class names or its id is one of `names` (lowercase), or starts with
/// one followed by `-` or `_`.
fn names_match(el: ElementRef<'_>, names: &[&str]) -> bool {
    let e = el.value();
    let own = e.classes().chain(e.attr("id"));
    own.into_iter().any(|name| {
        let name = name.to_ascii_lowercase();
        names.iter().any(|skip| {
            name == *skip
                || name
                    .strip_prefix(skip)
                    .is_some_and(|rest| rest.starts_with(['-', '_']))
        })
    })
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
        for sel in [&ITEMPROP_BODY, &ARTICLE, &STORY_MARKS, &LINK, &BODY] {
            LazyLock::force(sel);
        }
        assert!(NAMES.0.contains(&"share"));
        assert!(NAMES.0.contains(&"comments") && NAMES.1.contains(&"comments"));
        assert!(!NAMES.1.contains(&"share"));
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
