//! The article's source (publisher) and origin (the outlet that wrote a story another one
//! republished): from metadata, the URL's domain, or publisher marks in the text. A news agency
//! that is merely cited ("TASS reported", "according to Xinhua") is neither, and an unknown
//! source stays unknown rather than guessed.

use newsfacet_article::{url_host, Article};

use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::Gazetteer;

/// How far into the body a dateline mark such as `MOSCOW, March 2 (Reuters) -` may sit.
const DATELINE_WINDOW: usize = 120;

/// The canonical publisher of `article`, or `None` when nothing reliable names it.
///
/// Order of evidence: the metadata field; the URL's domain; a syndication credit naming the
/// republishing outlet ("… has not been edited by Devdiscourse staff and is auto-generated from
/// a syndicated feed"); a dateline or tag mark at the start of the body (`(Reuters)`, `(AP)`,
/// `(MENAFN)`). Marks anywhere else are citations, not sources.
pub fn detect_source(article: &Article, gazetteer: &Gazetteer) -> Option<String> {
    if let Some(source) = article
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Some(canonical_metadata_source(source, gazetteer));
    }
    if let Some(publisher) = article
        .url
        .as_deref()
        .and_then(url_host)
        .and_then(|host| gazetteer.publisher_for_domain(&host))
    {
        return Some(publisher.name.clone());
    }
    syndication_credit(&article.body, gazetteer).or_else(|| dateline_mark(&article.body, gazetteer))
}

/// A metadata source canonicalised through the publisher gazetteer (name, alias or domain),
/// else kept as written: the metadata is evidence even for outlets we do not know.
fn canonical_metadata_source(source: &str, gazetteer: &Gazetteer) -> String {
    let host = url_host(source);
    gazetteer
        .resolve_publisher(source)
        .or_else(|| gazetteer.publisher_for_domain(host.as_deref().unwrap_or(source)))
        .map_or_else(|| source.to_string(), |p| p.name.clone())
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
        if (opens_body || before_dash) && !inside.is_empty() && inside.len() <= 40 {
            if let Some(publisher) = gazetteer.resolve_publisher(inside) {
                return Some(publisher.name.clone());
            }
        }
        search_from = close + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacet_article::Origin;
    use newsfacet_gazetteer::{EntityType, Entry};

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
