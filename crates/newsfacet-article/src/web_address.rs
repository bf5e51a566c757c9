//! Web addresses as records write them: absolute URLs, and bare ones such as `www.cbc.ca/news`
//! that name a host without a scheme.

use url::{ParseError, Url};

/// `text` read as a web address with a host: an absolute URL, or a schemeless address
/// (`www.cbc.ca/news`, `example.com:8080/x`) read as if `http://` preceded it. `None` for
/// addresses without a host (`mailto:`, `urn:`), relative paths, and text that is no address.
pub(crate) fn parse_web_address(text: &str) -> Option<Url> {
    let text = text.trim();
    match Url::parse(text) {
        Ok(url) if url.has_host() => Some(url),
        // `example.com:8080/x` parses with `example.com` as its scheme; real schemes have no dot.
        Ok(url) if url.scheme().contains('.') => Url::parse(&format!("http://{text}")).ok(),
        Err(ParseError::RelativeUrlWithoutBase) if !text.starts_with('/') => {
            Url::parse(&format!("http://{text}")).ok()
        }
        Ok(_) | Err(_) => None,
    }
}

/// The host of a URL or of a bare domain (`www.cbc.ca`), lowercased, so that a publisher can
/// be looked up by domain; a `user:password@` before the host does not hide it. `None` for a
/// name without a dot (`CBC`) or text that is no address (`Kyiv Weekly`).
///
/// An internationalised host comes back in its ASCII (punycode) form, as the `url` crate
/// writes it.
pub fn url_host(text: &str) -> Option<String> {
    let address = parse_web_address(text)?;
    let host = address.host_str()?;
    host.contains('.').then(|| host.to_string())
}

/// A host's registrable domain by the Public Suffix List, lower case: `news.bbc.co.uk` →
/// `bbc.co.uk`, `www.Example-News.com` → `example-news.com`. `None` for an IP address, a bare
/// public suffix or a host under no listed suffix (`intranet.local`).
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let domain = psl::domain(host.as_bytes())?;
    if !domain.suffix().is_known() {
        return None;
    }
    std::str::from_utf8(domain.as_bytes())
        .ok()
        .map(str::to_string)
}

/// The site name of a registrable domain: the label before its public suffix
/// (`huffingtonpost.ca` → `huffingtonpost`, `bbc.co.uk` → `bbc`).
pub fn site_name(domain: &str) -> Option<&str> {
    let suffix = psl::suffix(domain.as_bytes())?;
    let name = domain.get(..domain.len().checked_sub(suffix.as_bytes().len() + 1)?)?;
    (!name.is_empty() && !name.contains('.')).then_some(name)
}

/// Whether `text` is exactly a public suffix listed in the Public Suffix List (`com`, `co.uk`).
pub fn is_public_suffix(text: &str) -> bool {
    psl::suffix(text.as_bytes()).is_some_and(|s| s.is_known() && s.as_bytes() == text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls_and_bare_domains() {
        assert_eq!(
            url_host("https://user:pw@www.theglobeandmail.com:8443/a").as_deref(),
            Some("www.theglobeandmail.com")
        );
        assert_eq!(url_host("www.cbc.ca").as_deref(), Some("www.cbc.ca"));
        assert_eq!(url_host("WWW.CBC.ca/news").as_deref(), Some("www.cbc.ca"));
        assert_eq!(
            url_host("example.com:8080/x").as_deref(),
            Some("example.com")
        );
        assert_eq!(url_host("Kyiv Weekly"), None);
        assert_eq!(url_host("CBC"), None);
        assert_eq!(url_host("mailto:desk@example.com"), None);
        assert_eq!(url_host("/2026/02/01/x"), None);
    }
}
