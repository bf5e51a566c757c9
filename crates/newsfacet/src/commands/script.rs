//! `--format ndjson|csv`: every hit of a search or quote search, streamed page by page, with
//! the columns the user picks.
//!
//! A column is a key of the `--json` hit, so the two outputs share one documented schema and
//! the names need no separate table. Pages are fetched one after the other, each written
//! before the next is read, so memory stays bounded by one page whatever the number of hits.

use std::io::{self, Write};

use newsfacet_query::snippet::unescape_html;
use newsfacet_query::{ResolvedFilter, SearchRequest};
use serde::Serialize;
use serde_json::Value;

use crate::cli::ScriptFormat;
use crate::UsageError;

/// The columns one command offers: every key its hits can have, and the default choice.
pub struct Columns {
    /// Every key, in the order of the `--json` hit.
    pub all: &'static [&'static str],
    /// The columns without `--fields`.
    pub default: &'static [&'static str],
}

/// The columns of `search`: a `--json` article hit's keys (`also`, a list of objects, only
/// exists in JSON).
pub const SEARCH: Columns = Columns {
    all: &[
        "id",
        "title",
        "source",
        "origin",
        "published",
        "score",
        "snippet",
        "speakers",
        "countries",
        "url",
        "path",
        "story",
        "copies",
    ],
    default: &["id", "published", "source", "title", "url", "path"],
};

/// The columns of `quotes`: a `--json` quote hit's keys.
pub const QUOTES: Columns = Columns {
    all: &[
        "text",
        "speaker",
        "unnamed",
        "kind",
        "cue",
        "id",
        "title",
        "source",
        "origin",
        "published",
        "score",
        "snippet",
        "position",
        "url",
        "path",
    ],
    default: &[
        "id",
        "published",
        "speaker",
        "kind",
        "cue",
        "text",
        "url",
        "path",
    ],
};

/// The columns asked for with `--fields`, checked against `columns`; the default ones when
/// none are given. An unknown name is a usage error that lists the known ones.
pub fn fields(asked: &[String], columns: Columns) -> anyhow::Result<Vec<String>> {
    if asked.is_empty() {
        return Ok(columns.default.iter().map(|s| s.to_string()).collect());
    }
    let mut fields = Vec::new();
    for name in asked {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        if !columns.all.contains(&name) {
            return Err(UsageError(format!(
                "unknown field {name:?} for --fields; known fields: {}",
                columns.all.join(", ")
            ))
            .into());
        }
        fields.push(name.to_string());
    }
    if fields.is_empty() {
        return Err(UsageError("--fields names no field".to_string()).into());
    }
    Ok(fields)
}

/// One page of a stream: its hits, and how the filter values were read (reported once).
pub struct Page<H> {
    /// The hits of the page, in order.
    pub hits: Vec<H>,
    /// `(dimension, value)` filters that matched nothing in the index.
    pub unmatched: Vec<(String, String)>,
    /// How each filter value was read.
    pub filters: Vec<ResolvedFilter>,
}

/// Runs `fetch` on successive pages of `request` (its `limit` and `offset` are set here) and
/// writes every hit to stdout in `format`, until a page comes back short. How the filter
/// values were read is reported once, on stderr, as without `--format`.
///
/// Pages of `page_size` hits (1000 by default: the query runs a few times for thousands of
/// hits, and a page is small enough to hold in memory). Each page is a new query of the
/// latest commit, so an `index` run committing mid-stream can shift the pages.
pub fn stream<H: Serialize>(
    format: ScriptFormat,
    fields: &[String],
    page_size: usize,
    request: &mut SearchRequest,
    mut fetch: impl FnMut(&SearchRequest) -> anyhow::Result<Page<H>>,
) -> anyhow::Result<()> {
    let mut sink = Sink::new(format, fields, io::stdout().lock())?;
    let page_size = page_size.max(1);
    request.limit = page_size;
    request.offset = 0;
    loop {
        let page = fetch(request)?;
        tracing::debug!(
            offset = request.offset,
            hits = page.hits.len(),
            "streamed a page"
        );
        if request.offset == 0 {
            super::report_filters(&page.unmatched, &page.filters);
        }
        for hit in &page.hits {
            sink.write(&serde_json::to_value(hit)?)?;
        }
        if page.hits.len() < page_size {
            break;
        }
        request.offset += page.hits.len();
    }
    sink.finish()
}

/// Where rows go: JSON Lines written by hand (to keep the chosen key order), or CSV through
/// the `csv` crate (quoting, embedded newlines).
enum Sink<'a, W: Write> {
    Ndjson {
        out: io::BufWriter<W>,
        fields: &'a [String],
    },
    Csv {
        // Boxed: the writer carries its own buffer, and the variants stay the same size.
        out: Box<csv::Writer<W>>,
        fields: &'a [String],
    },
}

impl<'a, W: Write> Sink<'a, W> {
    /// A sink writing to `out`; CSV starts with its header row.
    fn new(format: ScriptFormat, fields: &'a [String], out: W) -> anyhow::Result<Self> {
        Ok(match format {
            ScriptFormat::Ndjson => Sink::Ndjson {
                out: io::BufWriter::new(out),
                fields,
            },
            ScriptFormat::Csv => {
                let mut out = csv::Writer::from_writer(out);
                out.write_record(fields).map_err(csv_error)?;
                Sink::Csv {
                    out: Box::new(out),
                    fields,
                }
            }
        })
    }

    /// Writes the chosen fields of one hit (its `--json` form); a key the hit lacks (`url`
    /// of an article without one) is `null`, or an empty CSV cell.
    fn write(&mut self, hit: &Value) -> anyhow::Result<()> {
        match self {
            Sink::Ndjson { out, fields } => {
                out.write_all(b"{")?;
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    serde_json::to_writer(&mut *out, field)?;
                    out.write_all(b":")?;
                    serde_json::to_writer(&mut *out, &value(hit, field))?;
                }
                out.write_all(b"}\n")?;
            }
            Sink::Csv { out, fields } => {
                let row = fields.iter().map(|field| cell(&value(hit, field)));
                out.write_record(row).map_err(csv_error)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Ndjson { mut out, .. } => out.flush()?,
            Sink::Csv { mut out, .. } => out.flush()?,
        }
        Ok(())
    }
}

/// One field of a hit as scripts get it: snippets as text with `<b>` markers, as in `--json`.
fn value(hit: &Value, field: &str) -> Value {
    match hit.get(field) {
        Some(Value::String(snippet)) if field == "snippet" => Value::String(unescape_html(snippet)),
        Some(value) => value.clone(),
        None => Value::Null,
    }
}

/// A JSON value as one CSV cell: text as is, lists joined with "; ", nothing for null.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

/// A CSV error as the I/O error it wraps when it is one, so that a closed pipe is recognised
/// as such by `main`.
fn csv_error(error: csv::Error) -> anyhow::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => anyhow::anyhow!("writing CSV: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells_flatten_lists_and_nulls() {
        assert_eq!(cell(&json!(null)), "");
        assert_eq!(cell(&json!(["Japan", "Russia"])), "Japan; Russia");
        assert_eq!(cell(&json!(3)), "3");
        assert_eq!(cell(&json!("a, \"b\"")), "a, \"b\"");
    }

    #[test]
    fn rows_keep_the_chosen_order_and_quote_csv() {
        let hit = json!({"id": "x", "title": "Oil, \"gas\"", "snippet": "AT&amp;T <b>oil</b>"});
        let fields = vec!["title".to_string(), "id".to_string(), "snippet".to_string()];
        let mut out = Vec::new();
        let mut sink = Sink::new(ScriptFormat::Ndjson, &fields, &mut out).unwrap();
        sink.write(&hit).unwrap();
        sink.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"title\":\"Oil, \\\"gas\\\"\",\"id\":\"x\",\"snippet\":\"AT&T <b>oil</b>\"}\n"
        );
        let mut out = Vec::new();
        let mut sink = Sink::new(ScriptFormat::Csv, &fields, &mut out).unwrap();
        sink.write(&hit).unwrap();
        sink.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "title,id,snippet\n\"Oil, \"\"gas\"\"\",x,AT&T <b>oil</b>\n"
        );
    }

    #[test]
    fn unknown_fields_are_usage_errors() {
        let error = fields(&["title".into(), "nope".into()], SEARCH).unwrap_err();
        assert!(error.downcast_ref::<UsageError>().is_some());
        assert!(
            error.to_string().contains("known fields: id, title"),
            "{error}"
        );
        assert_eq!(fields(&[], QUOTES).unwrap()[0], "id");
    }
}
