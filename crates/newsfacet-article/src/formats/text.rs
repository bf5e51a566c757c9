//! Plain text and Markdown articles: optional header block, title line, body.

use std::path::Path;

use super::record::{build_article, Position, RawRecord};
use crate::article::Article;
use crate::boilerplate::{self, Credits, Verdict};
use crate::date::parse_date;
use crate::error::ReadError;
use crate::one_line::clean_title;
use crate::status_line::status_line;

/// Header keys we recognise. Anything else in the top block means it is not a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Source,
    Date,
    Url,
    Author,
    Title,
    Id,
}

/// Parses one text or Markdown article; `text` is already decoded and known to be non-blank.
pub(super) fn parse(path: &Path, text: &str, markdown: bool) -> Result<Article, ReadError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());

    let mut raw = RawRecord::default();
    let mut rest = &lines[start..];
    if let Some(header) = parse_header(rest) {
        rest = &rest[header.len() + 1..];
        for (key, value) in header {
            apply_header(&mut raw, key, value, path);
        }
    }

    match raw.title.as_deref().map(clean_title) {
        Some(header_title) if !header_title.is_empty() => {
            // A file with a `Title:` header often repeats the headline as its first line;
            // keeping it would index the title twice and start the body with a heading.
            if let Some(i) = first_non_blank(rest) {
                if clean_title(&title_line(rest[i], markdown)) == header_title {
                    rest = skip_underline(&rest[i + 1..], markdown);
                }
            }
        }
        _ => {
            if let Some(i) = first_title_line(rest, markdown) {
                raw.title = Some(title_line(rest[i], markdown));
                // A crawler's status line above the headline is no text of the page, but its
                // fetch date is the best date when the page states none.
                let mut above = Vec::new();
                for line in &rest[..i] {
                    match status_line(line) {
                        Some(status) => raw.fetched = raw.fetched.or(status.date),
                        None => above.push(*line),
                    }
                }
                // Other boilerplate above the headline (an error page's text, a timestamp
                // byline) stays in the body, where the cleaner removes it and keeps what it
                // says.
                let above = above.join("\n");
                let below = skip_underline(&rest[i + 1..], markdown).join("\n");
                raw.body = Some(format!("{above}\n\n{below}"));
                return build_article(path, Position::default(), raw);
            }
        }
    }
    raw.body = Some(rest.join("\n"));
    build_article(path, Position::default(), raw)
}

/// The header block at the top of `lines`, if it is one: every line up to the first blank
/// line must be a recognised `Key: value`, and that blank line must exist. Being strict here is
/// what keeps a headline like `Moscow: talks resume` from being eaten as metadata.
fn parse_header<'a>(lines: &[&'a str]) -> Option<Vec<(Key, &'a str)>> {
    let end = lines.iter().position(|l| l.trim().is_empty())?;
    if end == 0 {
        return None;
    }
    lines[..end].iter().map(|l| header_line(l)).collect()
}

fn header_line(line: &str) -> Option<(Key, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = match key.trim_end().to_ascii_lowercase().as_str() {
        "source" => Key::Source,
        "date" | "published" => Key::Date,
        "url" => Key::Url,
        "author" => Key::Author,
        "title" => Key::Title,
        "id" => Key::Id,
        _ => return None,
    };
    Some((key, value.trim()))
}

fn apply_header(raw: &mut RawRecord, key: Key, value: &str, path: &Path) {
    if value.is_empty() {
        return;
    }
    // The first occurrence of a key wins, like the first alias in JSON; authors accumulate.
    match key {
        Key::Source => {
            raw.source.get_or_insert_with(|| clean_title(value));
        }
        Key::Url => {
            raw.url.get_or_insert_with(|| value.to_string());
        }
        Key::Title => {
            raw.title.get_or_insert_with(|| value.to_string());
        }
        Key::Id => {
            raw.id.get_or_insert_with(|| value.to_string());
        }
        Key::Author => raw.authors.push(clean_title(value)),
        Key::Date => {
            if raw.published.is_none() {
                raw.published = parse_date(value);
                if raw.published.is_none() {
                    tracing::debug!("{}: unrecognised date {value:?}", path.display());
                }
            }
        }
    }
}

/// The headline's line: the first non-blank line that is neither boilerplate nor a crawler's
/// status line.
fn first_title_line(lines: &[&str], markdown: bool) -> Option<usize> {
    let mut credits = Credits::default();
    lines.iter().position(|l| {
        !l.trim().is_empty()
            && status_line(l).is_none()
            && boilerplate::judge(&title_line(l, markdown), &mut credits) == Verdict::Keep
    })
}

fn first_non_blank(lines: &[&str]) -> Option<usize> {
    lines.iter().position(|l| !l.trim().is_empty())
}

/// The title as written on its line; for Markdown without the `#` marker and emphasis.
fn title_line(line: &str, markdown: bool) -> String {
    let mut t = line.trim();
    if !markdown {
        return t.to_string();
    }
    if t.starts_with('#') {
        t = t.trim_start_matches('#').trim();
        // ATX headings may be closed: `# Title #`.
        t = t.trim_end_matches('#').trim_end();
    }
    'strip: loop {
        for marker in ["**", "__", "*", "_"] {
            if t.len() > 2 * marker.len() && t.starts_with(marker) && t.ends_with(marker) {
                t = t[marker.len()..t.len() - marker.len()].trim();
                continue 'strip;
            }
        }
        break;
    }
    t.to_string()
}

/// Skips a Markdown setext underline (`=====` or `-----`) right after the title line.
fn skip_underline<'a, 'b>(rest: &'a [&'b str], markdown: bool) -> &'a [&'b str] {
    match rest.first() {
        Some(line) if markdown && is_setext_underline(line) => &rest[1..],
        _ => rest,
    }
}

fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_title_markers_are_stripped() {
        assert_eq!(title_line("# Hello world", true), "Hello world");
        assert_eq!(title_line("### Hello ###", true), "Hello");
        assert_eq!(title_line("**Bold title**", true), "Bold title");
        assert_eq!(title_line("## _Both_ ", true), "Both");
        assert_eq!(title_line("# *Snake_case_name*", true), "Snake_case_name");
        // Plain text titles keep their characters.
        assert_eq!(title_line("# not markdown", false), "# not markdown");
    }

    #[test]
    fn header_needs_every_line_to_be_a_known_key() {
        let ok = ["Source: Reuters", "Date: 2026-02-02", "", "Title line"];
        let header = parse_header(&ok).expect("a header");
        assert_eq!(
            header,
            vec![(Key::Source, "Reuters"), (Key::Date, "2026-02-02")]
        );

        let mixed = ["Source: Reuters", "Moscow: talks resume", "", "Body"];
        assert!(parse_header(&mixed).is_none());
        let headline = ["Moscow: talks resume", "", "Body"];
        assert!(parse_header(&headline).is_none());
        // No blank line after the block: not a header.
        let no_blank = ["Source: Reuters", "Title: x"];
        assert!(parse_header(&no_blank).is_none());
    }
}
