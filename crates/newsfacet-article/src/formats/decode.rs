//! Bytes to text: BOMs, UTF-8, declared charsets and detected legacy encodings.
//!
//! Scraped corpora mix UTF-8 with Windows-1252, Latin-1, Cyrillic and CJK legacy encodings.
//! A lossy UTF-8 decode would turn every accented letter into U+FFFD and make "café"
//! unsearchable, so anything that is not valid UTF-8 goes through a detector. Decoding can
//! still fail for bytes that are invalid in *every* candidate encoding; then the replacement
//! characters are reported with a `tracing` warning naming the file, never produced silently.

use std::borrow::Cow;
use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// How many leading bytes of an HTML file are searched for a `charset` declaration; the HTML
/// standard's prescan looks at 1024, but scraped pages often have long `<head>`s of scripts.
const CHARSET_PRESCAN: usize = 4096;

/// Decodes a whole file. In order of trust:
///
/// 1. a byte-order mark (UTF-8, UTF-16LE/BE);
/// 2. valid UTF-8: non-ASCII bytes that happen to form valid UTF-8 are almost never legacy
///    text, and re-saved pages often keep a stale `charset` declaration;
/// 3. `declared`, the encoding a page declares (`<meta charset>`), if any;
/// 4. the encoding `chardetng` guesses from the bytes (it is built for exactly this:
///    unlabelled legacy web content).
///
/// `where_` names the file (or `file:line`) in log messages.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    where_: &dyn std::fmt::Display,
    declared: Option<&'static Encoding>,
) -> Cow<'a, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            // A UTF-8 BOM in front of legacy bytes happens when tools prepend one blindly;
            // the bytes after it still decide.
            return decode(&bytes[bom_len..], where_, declared);
        }
        return decode_with(encoding, &bytes[bom_len..], where_);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        warn_if_damaged(text, where_);
        return Cow::Borrowed(text);
    }
    let encoding = declared
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or_else(|| detect(bytes));
    tracing::debug!("{where_}: not valid UTF-8, decoding as {}", encoding.name());
    decode_with(encoding, bytes, where_)
}

/// The legacy encoding `bytes` are most likely in (never UTF-8: the caller already knows they
/// are not valid UTF-8).
pub(crate) fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // No TLD hint: we rarely know it, and a wrong one skews the guess.
    detector.guess(None, Utf8Detection::Deny)
}

/// Decodes with a known encoding, warning if any byte could not be decoded.
pub(crate) fn decode_with<'a>(
    encoding: &'static Encoding,
    bytes: &'a [u8],
    where_: &dyn std::fmt::Display,
) -> Cow<'a, str> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let count = text.matches('\u{FFFD}').count();
        tracing::warn!(
            "{where_}: {count} byte sequence(s) are not valid {}; they were replaced with U+FFFD",
            encoding.name()
        );
    } else {
        warn_if_damaged(&text, where_);
    }
    text
}

/// Text that already contains U+FFFD was damaged before it reached us (typically a scraper's
/// own lossy decode); say so, since the affected words will not be found by search.
fn warn_if_damaged(text: &str, where_: &dyn std::fmt::Display) {
    let count = text.matches('\u{FFFD}').count();
    if count > 0 {
        tracing::warn!(
            "{where_}: the input already contains {count} U+FFFD replacement character(s); \
             those characters were lost before reading"
        );
    }
}

/// The encoding an HTML page declares in its first bytes: `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">` (also the XML
/// declaration's `encoding="..."`). Unknown labels are ignored.
pub(crate) fn declared_charset(bytes: &[u8], path: &Path) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset"[..], &b"encoding"[..]] {
        let mut from = 0;
        while let Some(i) = find(&lower[from..], key) {
            let start = from + i + key.len();
            from = start;
            let rest = &lower[start..];
            let rest = trim_start(rest);
            let Some(rest) = rest.strip_prefix(b"=") else {
                continue;
            };
            let rest = trim_start(rest);
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .unwrap_or(rest.len());
            if end == 0 {
                continue;
            }
            match Encoding::for_label(&rest[..end]) {
                Some(encoding) => return Some(encoding),
                None => tracing::debug!(
                    "{}: unknown charset {:?}",
                    path.display(),
                    String::from_utf8_lossy(&rest[..end])
                ),
            }
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(bytes: &[u8]) -> String {
        decode(bytes, &"x.txt", None).into_owned()
    }

    #[test]
    fn decodes_utf8_bom_utf16_and_windows_1252() {
        assert_eq!(d(b"\xEF\xBB\xBFcaf\xC3\xA9"), "café");
        assert_eq!(d(b"caf\xe9"), "café");
        // 0x93/0x94 are curly quotes in Windows-1252, not C1 controls.
        assert_eq!(d(b"\x93hi\x94 \x80"), "\u{201C}hi\u{201D} \u{20AC}");
        assert_eq!(d(b"\xFF\xFEh\x00i\x00"), "hi");
        assert_eq!(d(b"\xFE\xFF\x00h\x00i"), "hi");
    }

    #[test]
    fn detects_longer_legacy_text() {
        let latin = b"Le caf\xe9 de la gare a rouvert ses portes apr\xe8s des ann\xe9es de \
travaux, a d\xe9clar\xe9 le maire \xe0 la presse.";
        let text = d(latin);
        assert!(text.contains("café") && text.contains("après") && text.contains("déclaré"));
        // Windows-1251 Cyrillic: "Москва заявила о переговорах в понедельник".
        let (cyrillic, _, _) = encoding_rs::WINDOWS_1251
            .encode("Москва заявила о новых переговорах в понедельник, сообщили источники.");
        assert_eq!(
            d(&cyrillic),
            "Москва заявила о новых переговорах в понедельник, сообщили источники."
        );
    }

    #[test]
    fn declared_charset_is_used_for_non_utf8_only() {
        let p = Path::new("p.html");
        let page = b"<html><head><meta charset=\"iso-8859-15\"></head><body>\xa4 5</body></html>";
        let declared = declared_charset(page, p);
        assert_eq!(declared, Some(encoding_rs::ISO_8859_15));
        assert!(decode(page, &"p.html", declared).contains("\u{20AC} 5"));
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">";
        assert_eq!(
            declared_charset(http_equiv, p),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(declared_charset(b"<p>no charset here</p>", p), None);
        assert_eq!(declared_charset(b"<meta charset=bogus>", p), None);
        // Valid UTF-8 wins over a stale declaration.
        let utf8 = "<meta charset=\"windows-1252\"><p>café</p>".as_bytes();
        assert!(decode(utf8, &"p.html", declared_charset(utf8, p)).contains("café"));
    }
}
