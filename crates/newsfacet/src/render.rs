//! Human-readable output. Highlights are bold on a terminal and plain when piped.

use std::io::{IsTerminal, Write};

use newsfacet_article::Article;
use newsfacet_query::{CountBy, FacetCount, FacetList, QuoteResults, SearchRequest, SearchResults};
use newsfacet_tag::Tags;

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Turns a `<b>`-highlighted, HTML-escaped snippet into terminal text.
fn snippet_text(snippet: &str, color: bool) -> String {
    let (open, close) = if color { (BOLD, RESET) } else { ("", "") };
    snippet
        .replace("<b>", open)
        .replace("</b>", close)
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The publisher, with the wire it republished when that is another outlet.
fn with_origin(source: Option<&str>, origin: Option<&str>) -> String {
    let source_name = source.unwrap_or("unknown source");
    match origin {
        Some(origin) if Some(origin) != source => format!("{source_name} (from {origin})"),
        _ => source_name.to_string(),
    }
}

fn counts_line(counts: &[FacetCount]) -> String {
    if counts.is_empty() {
        return "none".to_string();
    }
    counts
        .iter()
        .map(|c| format!("{} ({})", c.value, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Ranked hits, then facet counts over all matching articles (or stories). A collapsed hit
/// lists the other outlets that ran its story.
pub fn search_results(results: &SearchResults, request: &SearchRequest) {
    let offset = request.offset;
    let color = std::io::stdout().is_terminal();
    for (rank, hit) in results.hits.iter().enumerate() {
        let title = if color {
            format!("{BOLD}{}{RESET}", hit.title)
        } else {
            hit.title.clone()
        };
        println!("{}. {title}", offset + rank + 1);
        let source = with_origin(hit.source.as_deref(), hit.origin.as_deref());
        let date = hit.published.as_deref().unwrap_or("undated");
        let location = hit.url.as_deref().or(hit.path.as_deref()).unwrap_or("");
        println!("   {source} · {date} · {location}");
        println!("   {}", snippet_text(&hit.snippet, color));
        if !hit.speakers.is_empty() {
            println!("   speakers: {}", hit.speakers.join(", "));
        }
        if !hit.countries.is_empty() {
            println!("   countries: {}", hit.countries.join(", "));
        }
        if let (Some(copies), Some(also)) = (hit.copies, &hit.also) {
            if !also.is_empty() {
                let outlets: Vec<&str> = also
                    .iter()
                    .map(|copy| copy.source.as_deref().unwrap_or("unknown source"))
                    .collect();
                println!("   {copies} copies; also: {}", outlets.join(", "));
            }
        }
        println!();
    }
    let shown = results.hits.len();
    match results.stories {
        Some(stories) => println!(
            "{} matching articles in {stories} stories ({shown} shown)",
            results.total
        ),
        None => println!("{} matching articles ({shown} shown)", results.total),
    }
    let per = match request.count_by {
        CountBy::Article => "",
        CountBy::Story => " (stories)",
    };
    for (field, counts) in &results.facets {
        println!("  {field}{per}: {}", counts_line(counts));
    }
}

/// Ranked quotes: the highlighted quote, who said it, and the article it is from.
///
/// An unnamed speaker is shown by its description from the text, marked "(unnamed)".
pub fn quote_results(results: &QuoteResults, offset: usize) {
    let color = std::io::stdout().is_terminal();
    for (rank, hit) in results.hits.iter().enumerate() {
        println!(
            "{}. “{}”",
            offset + rank + 1,
            snippet_text(&hit.snippet, color)
        );
        let speaker = match (&hit.speaker, &hit.unnamed) {
            (Some(name), _) if color => format!("{BOLD}{name}{RESET}"),
            (Some(name), _) => name.clone(),
            (None, Some(description)) => format!("{description} (unnamed)"),
            (None, None) => "unknown speaker".to_string(),
        };
        let how = match &hit.cue {
            Some(cue) => format!("{}, {cue}", hit.kind),
            None => hit.kind.clone(),
        };
        println!("   — {speaker} · {how}");
        let source = with_origin(hit.source.as_deref(), hit.origin.as_deref());
        let date = hit.published.as_deref().unwrap_or("undated");
        println!("   {} · {source} · {date}", hit.title);
        println!();
    }
    let noun = if results.total == 1 {
        "quote"
    } else {
        "quotes"
    };
    println!(
        "{} matching {noun} ({} shown)",
        results.total,
        results.hits.len()
    );
}

/// One facet's values with counts, one per line.
pub fn facet_list(list: &FacetList) {
    let width = list
        .values
        .iter()
        .map(|v| v.count.to_string().len())
        .max()
        .unwrap_or(1);
    for value in &list.values {
        println!("{:>width$}  {}", value.count, value.value);
    }
    if list.other > 0 {
        println!("{:>width$}  (other values)", list.other);
    }
}

/// A readable account of what the tagger found in one article.
pub fn analyzed(out: &mut impl Write, article: &Article, tags: &Tags) -> std::io::Result<()> {
    writeln!(out, "{}: {}", article.origin, article.title)?;
    writeln!(out, "  id: {}", article.id)?;
    writeln!(
        out,
        "  source: {}",
        tags.source.as_deref().unwrap_or("unknown")
    )?;
    if let Some(origin) = &tags.origin {
        writeln!(out, "  origin: {origin}")?;
    }
    let published = article
        .published
        .map_or_else(|| "unknown".to_string(), |d| d.to_string());
    writeln!(out, "  published: {published}")?;
    let speakers: Vec<&str> = tags.speakers.iter().map(|s| s.name.as_str()).collect();
    writeln!(out, "  speakers: {}", speakers.join(", "))?;
    let countries: Vec<&str> = tags.countries.iter().map(|c| c.name.as_str()).collect();
    writeln!(out, "  countries: {}", countries.join(", "))?;
    for entity in &tags.entities {
        writeln!(
            out,
            "  {} {} ×{} as {}",
            entity.entity_type,
            entity.name,
            entity.count,
            entity.surface.join(" / ")
        )?;
    }
    for quote in &tags.quotes {
        let speaker = quote
            .speaker
            .as_deref()
            .or(quote.unnamed.as_deref())
            .unwrap_or("?");
        writeln!(out, "  {speaker}: {:?}", quote.text)?;
    }
    writeln!(out)
}
