//! One-line fields (titles, sources, authors) and the HTML entities that leak into text, shared
//! by the readers, the cleaner and the boilerplate rules.

use std::borrow::Cow;

/// Cleans a one-line field (title, source, author): entities decoded, control characters and
/// line breaks turned into spaces, whitespace collapsed.
pub(crate) fn clean_title(raw: &str) -> String {
    let text = decode_entities(raw);
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes the few HTML entities that leak into plain-text corpora. Unknown or invalid
/// entities are left as written rather than guessed at.
///
/// Deliberately not `html-escape` or the HTML parser's decoder: those know all 2,000-odd
/// HTML5 names and decode `&copy;` or `&mdash;` in plain text too. The cleaned title and body
/// are hashed into the ids of records without an id or URL, so decoding more here would re-id
/// articles in existing indexes. HTML pages never reach this table undecoded: the parser has
/// decoded their text already.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The longest entity we decode, `&#x10FFFF;`, is 10 bytes.
        let decoded = rest
            .get(1..rest.len().min(11))
            .and_then(|window| window.find(';'))
            .and_then(|semi| entity_char(&rest[1..=semi]).map(|c| (c, semi + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity_char(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{A0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')
        }
    }
}

/// Bylines usually read "By Jane Doe"; the "By" is not part of the name.
pub(crate) fn strip_by(author: &str) -> &str {
    match author.get(..3) {
        Some(prefix) if prefix.eq_ignore_ascii_case("by ") => author[3..].trim_start(),
        _ => author,
    }
}
