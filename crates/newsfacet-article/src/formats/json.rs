//! JSON documents (`.json`) and JSON Lines (`.jsonl`, `.ndjson`).

use std::io::{BufRead, Read};
use std::iter;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::record::{build_article, Position};
use super::{decode, input};
use crate::article::Article;
use crate::error::ReadError;
use crate::fields;
use crate::progress::BytesRead;
use crate::web_address::parse_web_address;

/// Streams a JSON Lines file (gzip-compressed or not). Only one line is in memory at a time, so
/// multi-gigabyte dumps are fine.
pub(super) fn read_lines(
    path: &Path,
    max_bytes: u64,
    bytes_read: &BytesRead,
) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    let opened = input::open(path, bytes_read).and_then(|mut reader| {
        let head = reader.fill_buf()?;
        Ok((super::binary_kind(head), reader))
    });
    match opened {
        Ok((Some(kind), _)) => Box::new(iter::once(Err(ReadError::Binary {
            path: path.to_path_buf(),
            kind,
        }))),
        Ok((None, reader)) => Box::new(JsonLines {
            path: path.to_path_buf(),
            reader,
            buf: Vec::new(),
            line: 0,
            max_bytes,
            seen_record: false,
            legacy: None,
            done: false,
        }),
        Err(source) => Box::new(iter::once(Err(ReadError::Io {
            path: path.to_path_buf(),
            source,
        }))),
    }
}

struct JsonLines {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    buf: Vec<u8>,
    /// 1-based number of the line in `buf`.
    line: usize,
    /// The longest line read: a longer record is skipped, not buffered whole.
    max_bytes: u64,
    /// Whether any non-blank line was seen, to report a file of nothing as [`ReadError::Empty`].
    seen_record: bool,
    /// The legacy encoding detected on the first line that was not valid UTF-8. One file has
    /// one encoding, and a whole line is a better sample than each short line on its own.
    legacy: Option<&'static encoding_rs::Encoding>,
    done: bool,
}

impl Iterator for JsonLines {
    type Item = Result<Article, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let limited = (&mut self.reader)
                .take(self.max_bytes.saturating_add(1))
                .read_until(b'\n', &mut self.buf);
            if limited.is_ok() && self.buf.len() as u64 > self.max_bytes {
                self.line += 1;
                self.seen_record = true;
                let rest = skip_line(&mut self.reader);
                if let Err(source) = rest {
                    self.done = true;
                    return Some(Err(ReadError::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
                return Some(Err(ReadError::TooLarge {
                    path: self.path.clone(),
                    line: Some(self.line),
                    limit: self.max_bytes,
                }));
            }
            match limited {
                Err(source) => {
                    // The reader's position is unknown after an I/O error; stop rather than
                    // report garbage for every following "line".
                    self.done = true;
                    return Some(Err(ReadError::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
                Ok(0) => {
                    self.done = true;
                    if !self.seen_record {
                        return Some(Err(ReadError::Empty {
                            path: self.path.clone(),
                        }));
                    }
                }
                Ok(_) => {
                    self.line += 1;
                    let mut bytes = self.buf.as_slice();
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    let text = match std::str::from_utf8(bytes) {
                        Ok(text) => std::borrow::Cow::Borrowed(text),
                        Err(_) => {
                            let encoding = *self.legacy.get_or_insert_with(|| {
                                let encoding = decode::detect(bytes);
                                tracing::debug!(
                                    "{}:{}: not valid UTF-8, decoding as {}",
                                    self.path.display(),
                                    self.line,
                                    encoding.name()
                                );
                                encoding
                            });
                            let at = format!("{}:{}", self.path.display(), self.line);
                            decode::decode_with(encoding, bytes, &at)
                        }
                    };
                    if text.trim().is_empty() {
                        continue;
                    }
                    self.seen_record = true;
                    return Some(parse_line(&self.path, self.line, &text));
                }
            }
        }
        None
    }
}

/// Reads and drops the rest of the current line, without buffering it.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = chunk.len();
                reader.consume(all);
            }
        }
    }
}

fn parse_line(path: &Path, line: usize, text: &str) -> Result<Article, ReadError> {
    let pos = Position {
        line: Some(line),
        element: None,
    };
    match serde_json::from_str::<Value>(text) {
        Ok(value) => parse_value(path, pos, value),
        Err(e) => Err(ReadError::Json {
            path: path.to_path_buf(),
            line: Some(line),
            element: None,
            message: describe(&e),
        }),
    }
}

/// Reads a whole `.json` file: one article object, an array of them, or a `{"articles": [...]}`
/// wrapper as returned by NewsAPI-style services.
pub(super) fn read_document(
    path: &Path,
    text: &str,
) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(e) if is_json_lines(text, &e) => {
            // Many dumps named `.json` are really JSON Lines; read them as such rather than
            // rejecting the whole file over its name.
            tracing::debug!("{}: reading as JSON Lines", path.display());
            let results: Vec<_> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| parse_line(path, i + 1, l))
                .collect();
            return Box::new(results.into_iter());
        }
        Err(e) => {
            return Box::new(iter::once(Err(ReadError::Json {
                path: path.to_path_buf(),
                line: (e.line() > 0).then_some(e.line()),
                element: None,
                message: describe(&e),
            })))
        }
    };
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut map) if is_wrapper(&map) => match map.remove("articles") {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        other => return Box::new(iter::once(parse_value(path, Position::default(), other))),
    };
    let path = path.to_path_buf();
    Box::new(items.into_iter().enumerate().map(move |(i, value)| {
        let pos = Position {
            line: None,
            element: Some(i + 1),
        };
        parse_value(&path, pos, value)
    }))
}

/// `{"status": "ok", "articles": [...]}`: an object that carries articles but is not one.
fn is_wrapper(map: &serde_json::Map<String, Value>) -> bool {
    matches!(map.get("articles"), Some(Value::Array(_))) && !fields::has_text(map)
}

/// Whether a parse failure is "trailing characters" after a first line that is a complete
/// object, i.e. the file is JSON Lines under a `.json` name.
fn is_json_lines(text: &str, e: &serde_json::Error) -> bool {
    if !e.to_string().starts_with("trailing characters") {
        return false;
    }
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

fn parse_value(path: &Path, pos: Position, value: Value) -> Result<Article, ReadError> {
    let map = match value {
        Value::Object(map) => map,
        other => {
            return Err(ReadError::NotAnArticle {
                path: path.to_path_buf(),
                line: pos.line,
                element: pos.element,
                message: format!("expected a JSON object, found {}", kind(&other)),
            })
        }
    };
    let (raw, unparsed_date) = fields::extract(&map);
    // Values that cannot be read are said, never dropped in silence; the article still counts.
    let at = || {
        let mut at = path.display().to_string();
        if let Some(line) = pos.line {
            at.push_str(&format!(":{line}"));
        }
        if let Some(element) = pos.element {
            at.push_str(&format!(" (element {element})"));
        }
        at
    };
    if let Some(date) = unparsed_date {
        tracing::warn!(
            "{}: {date} is not a date; the article is indexed undated",
            at()
        );
    }
    if let Some(url) = raw.url.as_deref() {
        if parse_web_address(url).is_none() {
            tracing::warn!(
                "{}: {url:?} is not a web address; the article gets no source from it",
                at()
            );
        }
    }
    build_article(path, pos, raw)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line L column C" tail: the line goes into the error's
/// own `line` field (for JSON Lines it would always say "line 1"), the column stays.
fn describe(e: &serde_json::Error) -> String {
    let full = e.to_string();
    if e.line() == 0 {
        return full;
    }
    let tail = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&tail).unwrap_or(&full);
    format!("{message} at column {}", e.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_moves_line_out_of_the_message() {
        let e = serde_json::from_str::<Value>("{\"a\": }").expect_err("invalid");
        assert_eq!(describe(&e), "expected value at column 7");
    }
}
