//! The article's source (publisher) and origin (the outlet that wrote a story another one
//! republished): from metadata, the URL's domain, or publisher marks in the text. A news agency
//! that is merely cited ("TASS reported", "according to Xinhua") is neither. A site the
//! gazetteer does not know is its registrable domain (`example-news.com`): a fact read from the
//! URL, never a guessed publisher; with no URL either, the source stays unknown.

use std::sync::LazyLock;

use newsfacet_article::{is_public_suffix, registrable_domain, site_name, url_host, Article};

use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::words::{SortedWordList, ORDINARY_WORDS};
use newsfacet_gazetteer::{Entry, Gazetteer};

/// How far into the body a dateline mark such as `MOSCOW, March 2 (Reuters) -` may sit.
const DATELINE_WINDOW: usize = 120;
/// A dateline's place and date take at most this many words (`SAN JUAN, Puerto Rico, March 2`).
const MAX_DATELINE_WORDS: usize = 8;

/// Shortest site name (registrable domain without its public suffix) that may name a country
/// edition: `ap`, `aa`, `abc` or `dw` are too short to be one outlet's own (`abc.es` is not
/// `abc.net.au`).
const MIN_SITE_NAME: usize = 4;

/// The canonical publisher of `article`, or `None` when nothing reliable names it.
///
/// Order of evidence: the metadata field; the URL's host (a known domain or a parent of it, or
/// a country edition of one known publisher, see [`publisher_for_host`]); a syndication credit
/// naming the republishing outlet ("… has not been edited by Devdiscourse staff and is
/// auto-generated from a syndicated feed"); a dateline or tag mark at the start of the body
/// (`(Reuters)`, `(AP)`, `(MENAFN)`); last, the URL's registrable domain as written, so that
/// articles of an unknown site still group by site. Marks anywhere else are citations, not
/// sources.
pub fn detect_source(article: &Article, gazetteer: &Gazetteer) -> Option<String> {
    if let Some(source) = article
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Some(canonical_metadata_source(source, gazetteer));
    }
    let host = article.url.as_deref().and_then(url_host);
    if let Some(publisher) = host
        .as_deref()
        .and_then(|host| publisher_for_host(host, gazetteer))
    {
        return Some(publisher.name.clone());
    }
    syndication_credit(&article.body, gazetteer)
        .or_else(|| dateline_mark(&article.body, gazetteer))
        .or_else(|| host.as_deref().and_then(registrable_domain))
}

/// A metadata source canonicalised through the publisher gazetteer (name, alias, domain or
/// country edition), else kept as written: the metadata is evidence even for outlets we do not
/// know.
fn canonical_metadata_source(source: &str, gazetteer: &Gazetteer) -> String {
    let host = url_host(source);
    gazetteer
        .resolve_publisher(source)
        .or_else(|| publisher_for_host(host.as_deref().unwrap_or(source), gazetteer))
        .map_or_else(|| source.to_string(), |p| p.name.clone())
}

/// Ordinary English words, which as a site name say nothing about the outlet.
static ORDINARY: LazyLock<SortedWordList> = LazyLock::new(|| SortedWordList::new(ORDINARY_WORDS));

/// The publisher of a web host: the one whose domain is the host or a parent of it
/// (`bc.ctvnews.ca` → CTV News, `news.bbc.co.uk` → BBC); else, when the registrable domain is
/// unknown, the one publisher whose domain has the same site name under another public suffix
/// (`huffingtonpost.ca` → HuffPost from `huffingtonpost.com`). Site names shared by several
/// publishers, shorter than [`MIN_SITE_NAME`] or that are ordinary English words (`news.de`,
/// `independent.ie`) name no one: they say nothing about which outlet this is.
pub fn publisher_for_host<'g>(host: &str, gazetteer: &'g Gazetteer) -> Option<&'g Entry> {
    if let Some(publisher) = gazetteer.publisher_for_domain(host) {
        return Some(publisher);
    }
    let domain = registrable_domain(host)?;
    let name = site_name(&domain)?;
    if name.len() < MIN_SITE_NAME || ORDINARY.contains(name) {
        return None;
    }
    gazetteer.publisher_for_site_name(name, is_public_suffix)
}

/// Credits by which aggregators mark a republished feed item as theirs.
fn syndication_credit(body: &str, gazetteer: &Gazetteer) -> Option<String> {
    const EDITED_BY: &str = "has not been edited by ";
    let lower = body.to_lowercase();
    let start = lower.rfind(EDITED_BY)? + EDITED_BY.len();
    let rest = body.get(start..)?;
    let name_end = rest.find(" staff").filter(|&end| end <= 60)?;
    gazetteer
        .resolve_publisher(rest[..name_end].trim())
        .map(|p| p.name.clone())
}

/// The outlet a story comes from: the agency or outlet named by the dateline mark that opens the
/// body (`MOSCOW, March 2 (Reuters) -` on a Yahoo page is Reuters' story), the outlet inside an
/// aggregator's tag (`(MENAFN- Trend News Agency)`), or, with no mark, the source itself when
/// that is a news agency (a Reuters story on reuters.com). `None` when nothing says.
pub fn detect_origin(
    article: &Article,
    gazetteer: &Gazetteer,
    source: Option<&str>,
) -> Option<String> {
    if let Some(inner) = aggregator_tag_origin(&article.body, gazetteer) {
        return Some(inner);
    }
    if let Some(mark) = dateline_mark(&article.body, gazetteer) {
        let is_aggregator = gazetteer
            .resolve_publisher(&mark)
            .is_some_and(|p| p.kind == kind::AGGREGATOR);
        if !is_aggregator {
            return Some(mark);
        }
    }
    let source = gazetteer.resolve_publisher(source?)?;
    (source.kind == kind::NEWS_AGENCY).then(|| source.name.clone())
}

/// The outlet named inside an aggregator's opening tag: `(MENAFN- Trend News Agency)`.
fn aggregator_tag_origin(body: &str, gazetteer: &Gazetteer) -> Option<String> {
    let lead = body.trim_start();
    let inside = lead.strip_prefix('(')?;
    let inside = &inside[..inside.find(')').filter(|&c| c <= 80)?];
    let (tag, outlet) = inside.split_once(['-', '\u{2013}', '\u{2014}'])?;
    let tag_is_aggregator = gazetteer
        .resolve_publisher(tag.trim())
        .is_some_and(|p| p.kind == kind::AGGREGATOR);
    if !tag_is_aggregator {
        return None;
    }
    let outlet = outlet.trim();
    Some(
        gazetteer
            .resolve_publisher(outlet)
            .map_or_else(|| outlet.to_string(), |p| p.name.clone()),
    )
    .filter(|o| !o.is_empty())
}

/// A publisher mark that opens the body: a dateline `MOSCOW, March 2 (Reuters) -`,
/// `TOKYO (AP) —`, or a leading tag `(MENAFN) …`. The mark must be followed by a dash (or open
/// the body) so that a parenthesised agency later in the lead is not taken for the publisher.
fn dateline_mark(body: &str, gazetteer: &Gazetteer) -> Option<String> {
    let lead = body.trim_start();
    let window_end = lead
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= DATELINE_WINDOW)
        .unwrap_or(lead.len());
    let window = &lead[..window_end];
    let window = &window[..window.find('\n').unwrap_or(window.len())];
    let mut search_from = 0;
    while let Some(open) = window[search_from..].find('(') {
        let open = search_from + open;
        let Some(close) = window[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = window[open + 1..close].trim();
        // "(MENAFN- Trend News Agency)": the aggregator's own tag.
        let inside = inside
            .split_once(['-', '\u{2013}', '\u{2014}'])
            .filter(|(tag, _)| gazetteer.resolve_publisher(tag.trim()).is_some())
            .map_or(inside, |(tag, _)| tag.trim());
        let after = window[close + 1..].trim_start();
        let opens_body = open == 0;
        let before_dash = after.starts_with(['-', '\u{2014}', '\u{2013}']);
        let after_dateline = opens_body || reads_as_dateline(&window[..open]);
        if (opens_body || before_dash) && after_dateline && !inside.is_empty() && inside.len() <= 40
        {
            if let Some(publisher) = gazetteer.resolve_publisher(inside) {
                return Some(publisher.name.clone());
            }
        }
        search_from = close + 1;
    }
    None
}

/// Whether the text before a publisher mark is a dateline: a place and perhaps a date, every
/// word capitalised or a number (`MOSCOW, March 2`, `NEW DELHI/ISLAMABAD`, `Paris, 2 March
/// 2026`). A mark after running text ("… talks with Thomson Reuters (Reuters) - …") is a
/// citation inside the story, not the story's own opening.
fn reads_as_dateline(before_mark: &str) -> bool {
    let words: Vec<&str> = before_mark
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '|'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= MAX_DATELINE_WORDS
        && words.iter().all(|word| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_article::Origin;
    use newsfacet_gazetteer::EntityType;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (id, kind, name, aliases, domains) in [
            (
                "org:reuters",
                "news_agency",
                "Reuters",
                vec![],
                vec!["reuters.com"],
            ),
            (
                "org:ap",
                "news_agency",
                "Associated Press",
                vec!["AP"],
                vec!["apnews.com"],
            ),
            ("org:tass", "news_agency", "TASS", vec![], vec!["tass.com"]),
            (
                "org:devdiscourse",
                "aggregator",
                "Devdiscourse",
                vec![],
                vec!["devdiscourse.com"],
            ),
            (
                "org:cbc",
                "broadcaster",
                "CBC News",
                vec!["CBC"],
                vec!["cbc.ca"],
            ),
            (
                "org:menafn",
                "aggregator",
                "MENAFN",
                vec![],
                vec!["menafn.com"],
            ),
            (
                "org:bbc",
                "broadcaster",
                "BBC",
                vec![],
                vec!["bbc.co.uk", "bbc.com"],
            ),
            (
                "org:ctv",
                "broadcaster",
                "CTV News",
                vec![],
                vec!["ctvnews.ca"],
            ),
            (
                "org:huffpost",
                "publisher",
                "HuffPost",
                vec![],
                vec!["huffingtonpost.com", "huffpost.com"],
            ),
            (
                "org:toronto-star",
                "publisher",
                "Toronto Star",
                vec![],
                vec!["thestar.com"],
            ),
            (
                "org:the-star-malaysia",
                "publisher",
                "The Star (Malaysia)",
                vec![],
                vec!["thestar.com.my"],
            ),
        ] {
            let mut e = Entry::new(id, EntityType::Organization, kind, name);
            e.aliases = aliases.into_iter().map(String::from).collect();
            e.domains = domains.into_iter().map(String::from).collect();
            g.insert(e);
        }
        g
    }

    fn article(source: Option<&str>, url: Option<&str>, body: &str) -> Article {
        Article {
            id: "x".into(),
            title: "t".into(),
            body: body.into(),
            source: source.map(String::from),
            published: None,
            authors: vec![],
            url: url.map(String::from),
            origin: Origin {
                path: "a.txt".into(),
                line: None,
            },
        }
    }

    #[test]
    fn metadata_is_canonicalised_or_kept() {
        let g = gazetteer();
        assert_eq!(
            detect_source(&article(Some("AP"), None, ""), &g).as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            detect_source(&article(Some("www.cbc.ca"), None, ""), &g).as_deref(),
            Some("CBC News")
        );
        assert_eq!(
            detect_source(&article(Some("Kyiv Weekly"), None, ""), &g).as_deref(),
            Some("Kyiv Weekly")
        );
    }

    #[test]
    fn url_domain_names_the_publisher() {
        let g = gazetteer();
        let a = article(
            None,
            Some("https://www.cbc.ca/news/world/story-1.234"),
            "Text.",
        );
        assert_eq!(detect_source(&a, &g).as_deref(), Some("CBC News"));
    }

    #[test]
    fn user_info_does_not_hide_the_host() {
        let mut g = gazetteer();
        let mut globe = Entry::new(
            "org:the-globe-and-mail",
            EntityType::Organization,
            "publisher",
            "The Globe and Mail",
        );
        globe.domains = vec!["theglobeandmail.com".into()];
        g.insert(globe);
        let a = article(
            None,
            Some("https://user:pw@www.theglobeandmail.com/world/article-talks-resume/"),
            "Text.",
        );
        assert_eq!(detect_source(&a, &g).as_deref(), Some("The Globe and Mail"));
        assert_eq!(
            detect_source(
                &article(Some("https://user:pw@www.cbc.ca/news"), None, "Text."),
                &g
            )
            .as_deref(),
            Some("CBC News")
        );
    }

    fn from_url(url: &str) -> Option<String> {
        detect_source(&article(None, Some(url), "Text."), &gazetteer())
    }

    #[test]
    fn sub_domains_name_their_publisher() {
        assert_eq!(
            from_url("https://bc.ctvnews.ca/x-1.2").as_deref(),
            Some("CTV News")
        );
        assert_eq!(
            from_url("https://uk.reuters.com/article/x").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            from_url("https://news.bbc.co.uk/2/hi/x.stm").as_deref(),
            Some("BBC")
        );
    }

    #[test]
    fn country_editions_name_their_one_publisher() {
        assert_eq!(
            from_url("https://www.huffingtonpost.ca/entry/x").as_deref(),
            Some("HuffPost")
        );
        assert_eq!(
            from_url("https://user:pw@www.huffingtonpost.co.uk/entry/x").as_deref(),
            Some("HuffPost")
        );
        // Metadata naming a country edition's domain is canonicalised the same way.
        assert_eq!(
            detect_source(&article(Some("huffingtonpost.de"), None, ""), &gazetteer()).as_deref(),
            Some("HuffPost")
        );
    }

    #[test]
    fn shared_or_generic_site_names_name_no_publisher() {
        // `thestar` is the Toronto Star's and The Star's (Malaysia): the site is only itself.
        assert_eq!(
            from_url("https://www.thestar.co.uk/news/x").as_deref(),
            Some("thestar.co.uk")
        );
        // `news` (Xinhua's news.cn) is an ordinary word, `bbc` too short to be one outlet's.
        let mut g = gazetteer();
        let mut xinhua = Entry::new(
            "org:xinhua",
            EntityType::Organization,
            "news_agency",
            "Xinhua",
        );
        xinhua.domains = vec!["news.cn".into()];
        g.insert(xinhua);
        let site = |url: &str| detect_source(&article(None, Some(url), "Text."), &g);
        assert_eq!(site("https://news.cn/x").as_deref(), Some("Xinhua"));
        assert_eq!(site("https://www.news.de/x").as_deref(), Some("news.de"));
        assert_eq!(site("https://www.bbc.de/x").as_deref(), Some("bbc.de"));
    }

    #[test]
    fn unknown_sites_are_their_registrable_domain() {
        assert_eq!(
            from_url("https://www.Example-News.com/2026/01/story").as_deref(),
            Some("example-news.com")
        );
        assert_eq!(
            from_url("https://user:pw@live.example-news.com/x").as_deref(),
            Some("example-news.com")
        );
        assert_eq!(
            from_url("https://www.example.co.uk/a").as_deref(),
            Some("example.co.uk")
        );
        // No registrable domain: no source.
        assert_eq!(from_url("http://192.168.1.10/story"), None);
        assert_eq!(from_url("http://news.intranet.local/story"), None);
        // Metadata still wins, and a dateline mark beats the bare site.
        let g = gazetteer();
        let site = Some("https://www.example-news.com/x");
        assert_eq!(
            detect_source(&article(Some("Kyiv Weekly"), site, "Text."), &g).as_deref(),
            Some("Kyiv Weekly")
        );
        let wire = article(None, site, "MOSCOW, March 2 (Reuters) - Russia said ...");
        assert_eq!(detect_source(&wire, &g).as_deref(), Some("Reuters"));
        assert_eq!(
            detect_origin(&wire, &g, Some("Reuters")).as_deref(),
            Some("Reuters")
        );
    }

    #[test]
    fn cited_agencies_on_unknown_sites_are_not_sources() {
        let g = gazetteer();
        let body = "Officials met on Monday, TASS reported, and the minister told TASS (TASS) that talks would continue.";
        let a = article(None, Some("https://www.example-news.com/x"), body);
        let source = detect_source(&a, &g);
        assert_eq!(source.as_deref(), Some("example-news.com"));
        assert_eq!(detect_origin(&a, &g, source.as_deref()), None);
    }

    #[test]
    fn dateline_and_credit_marks() {
        let g = gazetteer();
        let a = article(
            None,
            None,
            "MOSCOW, March 2 (Reuters) - Russia said on Monday ...",
        );
        assert_eq!(detect_source(&a, &g).as_deref(), Some("Reuters"));
        let tagged = article(None, None, "(MENAFN) Oil prices rose on Monday.");
        assert_eq!(detect_source(&tagged, &g).as_deref(), Some("MENAFN"));
        let credit = "TOKYO (AP) — Text.\n\n(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)";
        assert_eq!(
            detect_source(&article(None, None, credit), &g).as_deref(),
            Some("Devdiscourse")
        );
    }

    #[test]
    fn cited_agencies_are_not_sources() {
        let g = gazetteer();
        let body = "Officials met on Monday to discuss the plan in detail, and the talks went on for many hours without a break, the participants said afterwards. Later that day, according to the ministry, the two sides agreed on a joint text. TASS reported that the sides agreed (TASS) on more.";
        assert_eq!(detect_source(&article(None, None, body), &g), None);
        assert_eq!(
            detect_source(
                &article(None, None, "The minister told TASS that talks continue."),
                &g
            ),
            None
        );
    }

    #[test]
    fn a_mark_after_running_text_is_no_dateline() {
        let g = gazetteer();
        for body in [
            "Shares of the agency's owner rose after the report by Reuters (Reuters) - analysts said.",
            "In an interview with TASS (TASS) — the minister said talks would continue.",
        ] {
            assert_eq!(detect_source(&article(None, None, body), &g), None, "{body}");
        }
        for body in [
            "NEW DELHI/ISLAMABAD, March 2 (Reuters) - India said ...",
            "San Juan, Puerto Rico, 2 March 2026 (AP) — Officials said ...",
            "TOKYO (AP) — Officials said ...",
        ] {
            assert!(
                detect_source(&article(None, None, body), &g).is_some(),
                "{body}"
            );
        }
    }

    #[test]
    fn origin_is_the_wire_a_publisher_republished() {
        let g = gazetteer();
        let wire = "MOSCOW, March 2 (Reuters) - Russia said on Monday ...";
        let republished = article(Some("CBC"), None, wire);
        assert_eq!(detect_source(&republished, &g).as_deref(), Some("CBC News"));
        assert_eq!(
            detect_origin(&republished, &g, Some("CBC News")).as_deref(),
            Some("Reuters")
        );
        // A wire's own story originates with it; a plain outlet's story has no known origin.
        let own = article(None, Some("https://www.reuters.com/world/x"), "Text.");
        assert_eq!(
            detect_origin(&own, &g, Some("Reuters")).as_deref(),
            Some("Reuters")
        );
        let plain = article(Some("CBC"), None, "Officials met on Monday.");
        assert_eq!(detect_origin(&plain, &g, Some("CBC News")), None);
        // An aggregator names the outlet inside its tag.
        let tagged = article(None, None, "(MENAFN- Associated Press) Oil prices rose.");
        assert_eq!(detect_source(&tagged, &g).as_deref(), Some("MENAFN"));
        assert_eq!(
            detect_origin(&tagged, &g, Some("MENAFN")).as_deref(),
            Some("Associated Press")
        );
    }

    #[test]
    fn cited_agencies_are_not_origins() {
        let g = gazetteer();
        let body = "Officials met on Monday, TASS reported, according to Xinhua (Xinhua) - more.";
        assert_eq!(
            detect_origin(&article(Some("CBC"), None, body), &g, Some("CBC News")),
            None
        );
    }
}
