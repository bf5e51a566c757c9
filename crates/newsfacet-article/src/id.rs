//! Stable article ids: see "Stable ids" in the crate docs for why they are built this way.

use url::{Position, Url};
use xxhash_rust::xxh3::xxh3_64;

/// Query parameters that only track where a click came from; the same article shared from
/// Facebook and from a newsletter must get the same id.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
];

/// A record id shorter than this is a feed's own numbering ("5", "a17"), not an id that
/// names the article anywhere else.
const MIN_GLOBAL_ID_CHARS: usize = 8;

/// The id of one article: its own id, else its normalised URL, else a content hash.
///
/// A record's own id that only numbers it within its feed (all digits, or shorter than
/// [`MIN_GLOBAL_ID_CHARS`]) is scoped by the record's `source`, else by `file_name`
/// (`reuters:5`, `feed-a.jsonl:5`), so that record 5 of two feeds are two articles.
///
/// `file_name` is the file's name without its directory, so that the same corpus read through
/// a different path (`./corpus` vs `corpus`, or after moving it) keeps its ids. `title` and
/// `body` are the cleaned texts, so that cosmetic differences the cleaner removes (line endings,
/// re-wrapping) do not change the id either.
pub(crate) fn article_id(
    explicit: Option<&str>,
    source: Option<&str>,
    url: Option<&str>,
    file_name: &str,
    title: &str,
    body: &str,
) -> String {
    if let Some(id) = explicit.map(str::trim).filter(|id| !id.is_empty()) {
        let local =
            id.chars().all(|c| c.is_ascii_digit()) || id.chars().count() < MIN_GLOBAL_ID_CHARS;
        if !local {
            return id.to_string();
        }
        let scope = source
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| file_name.to_string());
        return format!("{scope}:{id}");
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
///
/// Ids are stored in users' indexes, so this must give today's id for every URL. The `url`
/// crate reads the address; its parts make the id when it serialises the address exactly as
/// written (up to the case of scheme and host, and the `/` it gives an empty path). Where it
/// would rewrite the address (percent-encoding spaces and non-ASCII, punycode for IDN hosts,
/// dropping a default port or an empty user-info, resolving `.`/`..` segments, turning `\`
/// into `/`) or cannot read it at all, the id keeps the address as written instead: those ids
/// predate the crate and re-encoding them would re-id the articles.
pub(crate) fn normalize_url(url: &str) -> String {
    let written = url.trim();
    let written = written
        .split_once('#')
        .map_or(written, |(before, _)| before);
    let (mut id, query) = match Url::parse(written) {
        Ok(parsed) if parsed.has_authority() && reads_back_as_written(&parsed, written) => (
            address_from_parts(&parsed),
            parsed.query().map(str::to_string),
        ),
        _ => {
            let (address, query) = match written.split_once('?') {
                Some((address, query)) => (address, Some(query.to_string())),
                None => (written, None),
            };
            (address_as_written(address), query)
        }
    };
    if let Some(query) = query {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|param| !param.is_empty() && !is_tracking(param))
            .collect();
        if !kept.is_empty() {
            id.push('?');
            id.push_str(&kept.join("&"));
        }
    }
    id
}

/// Whether the `url` crate's serialisation of `written` is the written text itself, up to the
/// ASCII case it normalises (scheme and host) and the `/` it gives an empty path.
fn reads_back_as_written(parsed: &Url, written: &str) -> bool {
    let serialised = parsed.as_str();
    if serialised.eq_ignore_ascii_case(written) {
        return true;
    }
    let before_path = &parsed[..Position::BeforePath];
    let after_root = &parsed[Position::BeforePath..];
    let Some(after_root) = after_root.strip_prefix('/') else {
        return false;
    };
    parsed.path() == "/"
        && written.len() + 1 == serialised.len()
        && written
            .get(..before_path.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(before_path))
        && written
            .get(before_path.len()..)
            .is_some_and(|w| w.eq_ignore_ascii_case(after_root))
}

/// `scheme://[user[:password]@]host[:port]/path` from the parsed parts, lowercased where the
/// id lowercases and without the trailing `/`.
fn address_from_parts(parsed: &Url) -> String {
    let mut out = format!("{}://", parsed.scheme());
    if !parsed.username().is_empty() || parsed.password().is_some() {
        out.push_str(parsed.username());
        if let Some(password) = parsed.password() {
            out.push(':');
            out.push_str(password);
        }
        out.push('@');
    }
    // Hosts of special schemes arrive lowercased; other schemes keep the host's case, which
    // the id has always lowercased.
    out.push_str(&parsed.host_str().unwrap_or_default().to_ascii_lowercase());
    if let Some(port) = parsed.port() {
        out.push_str(&format!(":{port}"));
    }
    out.push_str(parsed.path().trim_end_matches('/'));
    out
}

/// The address (no query, no fragment) as written, with only its scheme and host lowercased,
/// for the addresses the `url` crate would rewrite or cannot read (see [`normalize_url`]).
fn address_as_written(address: &str) -> String {
    let Some((scheme, rest)) = split_scheme(address) else {
        return address.trim_end_matches('/').to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    // Lowercase the host but not a `user:password@` part in front of it.
    let (userinfo, host) = authority.split_at(authority.rfind('@').map_or(0, |at| at + 1));
    format!(
        "{}://{userinfo}{}{}",
        scheme.to_ascii_lowercase(),
        host.to_ascii_lowercase(),
        path.trim_end_matches('/')
    )
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

/// An absolute http(s) URL with a path or a query: a bare homepage is never one article's
/// address, and using it as the id would merge every article of the site. A fragment does not
/// make a homepage an article (`https://site/#top` normalises to the homepage's id).
///
/// The `url` crate reads the address, but the written form must still start with `http://` or
/// `https://`: the crate also reads `https:/example.com/a` and `https:example.com/a` as
/// absolute, which were never taken as an article's address. Relative links are not joined
/// onto anything: a file on disk has no base address that would make them stable ids.
pub(crate) fn is_article_url(s: &str) -> bool {
    let s = s.trim();
    let Ok(parsed) = Url::parse(s) else {
        return false;
    };
    let written_scheme = s.get(..parsed.scheme().len() + 3);
    matches!(parsed.scheme(), "http" | "https")
        && written_scheme
            .is_some_and(|w| w.eq_ignore_ascii_case(&format!("{}://", parsed.scheme())))
        && parsed.host_str().is_some_and(|host| !host.is_empty())
        && (!parsed.path().trim_matches('/').is_empty()
            || parsed.query().is_some_and(|query| !query.is_empty()))
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
    fn article_urls_need_a_path() {
        assert!(is_article_url("https://example.com/news/1"));
        assert!(!is_article_url("https://example.com/"));
        assert!(!is_article_url("https://example.com"));
        assert!(!is_article_url("/news/1"));
        assert!(!is_article_url("mailto:x@example.com"));
        assert!(is_article_url("https://example.com/?p=123"));
        assert!(is_article_url("https://example.com?p=123"));
        assert!(!is_article_url("https://example.com/#top"));
        assert!(!is_article_url("https:/example.com/news/1"));
    }

    #[test]
    fn id_preference_order() {
        assert_eq!(
            article_id(
                Some(" story-0042 "),
                None,
                Some("https://a.b/c"),
                "f.txt",
                "t",
                "b"
            ),
            "story-0042"
        );
        assert_eq!(
            article_id(Some("  "), None, Some("https://A.b/c/"), "f.txt", "t", "b"),
            "https://a.b/c"
        );
        let hashed = article_id(None, None, None, "f.txt", "t", "b");
        assert!(hashed.starts_with("h:"));
        assert_eq!(hashed.len(), 18);
        assert!(hashed[2..].chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(hashed, article_id(None, None, Some(""), "f.txt", "t", "b"));
        assert_ne!(hashed, article_id(None, None, None, "g.txt", "t", "b"));
        assert_ne!(hashed, article_id(None, None, None, "f.txt", "t", "b2"));
        // Pinned, so that an accidental change of the hashed input is caught: it would
        // re-id every article of an existing index.
        assert_eq!(hashed, "h:5667ea2ee909ef95");
    }

    #[test]
    fn feed_local_ids_are_scoped_by_source_else_file() {
        let id = |explicit, source| article_id(Some(explicit), source, None, "a.jsonl", "t", "b");
        assert_eq!(id("5", Some("Reuters")), "reuters:5");
        assert_eq!(id("5", None), "a.jsonl:5");
        assert_ne!(id("5", Some("Reuters")), id("5", Some("TASS")));
        assert_eq!(id("a17", Some(" ")), "a.jsonl:a17");
        assert_eq!(id("12345678901", Some("AFP")), "afp:12345678901");
        // Ids that name the article anywhere stay as they are.
        assert_eq!(id("rtrs-20260408-lavrov", None), "rtrs-20260408-lavrov");
        assert_eq!(
            id("9b2f4c1e-7d3a-4f0e-8c55-2a1b3c4d5e6f", Some("AFP")),
            "9b2f4c1e-7d3a-4f0e-8c55-2a1b3c4d5e6f"
        );
    }
}
