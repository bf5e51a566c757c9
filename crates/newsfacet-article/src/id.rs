//! Stable article ids: see "Stable ids" in the crate docs for why they are built this way.

use xxhash_rust::xxh3::xxh3_64;

/// Query parameters that only track where a click came from; the same article shared from
/// Facebook and from a newsletter must get the same id.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
];

/// The id of one article: its own id, else its normalised URL, else a content hash.
///
/// `file_name` is the file's name without its directory, so that the same corpus read through
/// a different path (`./corpus` vs `corpus`, or after moving it) keeps its ids. `title` and
/// `body` are the cleaned texts, so that cosmetic differences the cleaner removes (line endings,
/// re-wrapping) do not change the id either.
pub(crate) fn article_id(
    explicit: Option<&str>,
    url: Option<&str>,
    file_name: &str,
    title: &str,
    body: &str,
) -> String {
    if let Some(id) = explicit.map(str::trim).filter(|id| !id.is_empty()) {
        return id.to_string();
    }
    if let Some(url) = url.map(normalize_url).filter(|u| !u.is_empty()) {
        return url;
    }
    let hash = xxh3_64(format!("{file_name}\n{title}\n{body}").as_bytes());
    format!("h:{hash:016x}")
}

/// Normalises a URL for use as an id: lowercase scheme and host, no fragment, no trailing `/`,
/// no tracking parameters (`utm_*`, `fbclid`, `gclid`, ...); everything else kept as written,
/// since path and query case can matter to the server.
pub(crate) fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split_once('#').map_or(url, |(before, _)| before);
    let (path_part, query) = match url.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (url, None),
    };

    let mut out = String::with_capacity(url.len());
    match split_scheme(path_part) {
        Some((scheme, rest)) => {
            let (authority, path) = match rest.find('/') {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            // Lowercase the host but not a `user:password@` part in front of it.
            let (userinfo, host) = match authority.rfind('@') {
                Some(i) => authority.split_at(i + 1),
                None => ("", authority),
            };
            out.push_str(&scheme.to_ascii_lowercase());
            out.push_str("://");
            out.push_str(userinfo);
            out.push_str(&host.to_ascii_lowercase());
            out.push_str(path.trim_end_matches('/'));
        }
        None => out.push_str(path_part.trim_end_matches('/')),
    }

    if let Some(query) = query {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|param| !param.is_empty() && !is_tracking(param))
            .collect();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
    }
    out
}

/// `(scheme, rest)` for `scheme://rest`, if the part before `://` is a valid scheme.
fn split_scheme(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

fn is_tracking(param: &str) -> bool {
    let name = param.split_once('=').map_or(param, |(name, _)| name);
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_") || TRACKING_PARAMS.contains(&name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_normalisation() {
        assert_eq!(
            normalize_url("HTTPS://WWW.Example.COM/News/Story-1/?utm_source=x&id=7&fbclid=abc#top"),
            "https://www.example.com/News/Story-1?id=7"
        );
        assert_eq!(normalize_url("https://example.com/"), "https://example.com");
        assert_eq!(
            normalize_url("http://example.com/a?utm_medium=email&UTM_campaign=b&gclid=1"),
            "http://example.com/a"
        );
        assert_eq!(
            normalize_url(" https://User:Pw@Example.com:8080/x?a=1&&b=2 "),
            "https://User:Pw@example.com:8080/x?a=1&b=2"
        );
        // No scheme: still drop fragment, slash and tracking, but do not guess at a host.
        assert_eq!(
            normalize_url("www.Example.com/a/?utm_x=1#f"),
            "www.Example.com/a"
        );
    }

    /// Ids are stored in users' indexes: the normalised form of these URLs must never change,
    /// whichever parser produces it. The second half are the forms the `url` crate would rewrite
    /// (default port, percent-encoding, IDN host, dot segments, backslash, empty user-info).
    #[test]
    fn normalised_urls_are_pinned() {
        let pinned = [
            ("HTTP://Ex.com/p/#c", "http://ex.com/p"),
            ("https://A.b/c/", "https://a.b/c"),
            ("https://Example.com/a/", "https://example.com/a"),
            ("https://example.com", "https://example.com"),
            (
                "https://www.bbc.co.uk/news/1?utm_source=rss",
                "https://www.bbc.co.uk/news/1",
            ),
            (
                "https://www.example.com/world/2026/02/01/talks-resume/",
                "https://www.example.com/world/2026/02/01/talks-resume",
            ),
            (
                "https://www.theguardian.com/world/2026/feb/01/talks?CMP=share&igshid=9",
                "https://www.theguardian.com/world/2026/feb/01/talks?CMP=share",
            ),
            ("https://u/", "https://u"),
            ("https://ap.org/2?x=1#frag", "https://ap.org/2?x=1"),
            ("https://example.com/a//", "https://example.com/a"),
            (
                "https://example.com?b=2&utm_term=x",
                "https://example.com?b=2",
            ),
            ("file:///Corpus/A.html", "file:///Corpus/A.html"),
            ("mailto:Desk@Example.com", "mailto:Desk@Example.com"),
            ("https://Example.com:443/a", "https://example.com:443/a"),
            (
                "https://example.com/a b/ü?q=ä ö",
                "https://example.com/a b/ü?q=ä ö",
            ),
            ("https://Bücher.Example/x", "https://bücher.example/x"),
            (
                "https://example.com/a/../b/./c",
                "https://example.com/a/../b/./c",
            ),
            ("https://Example.com\\a\\b", "https://example.com\\a\\b"),
            ("https://@Example.com/a", "https://@example.com/a"),
            ("HTTPS://Exa Mple.com/a", "https://exa mple.com/a"),
            ("Foo://Host.Example/X", "foo://host.example/X"),
            ("https:/Example.com/a", "https:/Example.com/a"),
            ("https://Example.com:99999/a", "https://example.com:99999/a"),
        ];
        for (url, id) in pinned {
            assert_eq!(normalize_url(url), id, "{url}");
        }
    }

    #[test]
    fn id_preference_order() {
        assert_eq!(
            article_id(Some(" 42 "), Some("https://a.b/c"), "f.txt", "t", "b"),
            "42"
        );
        assert_eq!(
            article_id(Some("  "), Some("https://A.b/c/"), "f.txt", "t", "b"),
            "https://a.b/c"
        );
        let hashed = article_id(None, None, "f.txt", "t", "b");
        assert!(hashed.starts_with("h:"));
        assert_eq!(hashed.len(), 18);
        assert!(hashed[2..].chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(hashed, article_id(None, Some(""), "f.txt", "t", "b"));
        assert_ne!(hashed, article_id(None, None, "g.txt", "t", "b"));
        assert_ne!(hashed, article_id(None, None, "f.txt", "t", "b2"));
        // Pinned, so that an accidental change of the hashed input is caught: it would
        // re-id every article of an existing index.
        assert_eq!(hashed, "h:5667ea2ee909ef95");
    }
}
