//! Human-readable output: aligned hits, highlighted query terms, facet counts with bars.
//!
//! Everything here writes ANSI styles unconditionally into an [`anstream`] stream, which
//! passes them through or strips them by the colour choice made once in `main` (`--color`,
//! `NO_COLOR`, `CLICOLOR_FORCE`, whether stdout is a terminal). So no function here asks
//! whether colour is on, and the layout is the same with and without it.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use newsfacet_article::Article;
use newsfacet_query::show::ShownArticle;
use newsfacet_query::snippet::unescape_html;
use newsfacet_query::{CountBy, FacetCount, FacetList, QuoteResults, SearchRequest, SearchResults};
use newsfacet_tag::Tags;
use unicode_width::UnicodeWidthStr;

/// Hit titles and named speakers.
const STRONG: Style = Style::new().bold();
/// Query terms in snippets.
const HIGHLIGHT: Style = AnsiColor::Yellow.on_default().bold();
/// Source, date and location lines; labels; notes.
const DIM: Style = Style::new().dimmed();
/// Facet bars.
const BAR: Style = AnsiColor::Cyan.on_default();

/// Cells of the longest bar: long enough to tell 1 from 2 in 10, short enough to stay compact.
const BAR_CELLS: usize = 12;
/// Values of each facet listed under search results; `facets --field F` lists them all.
const SUMMARY_VALUES: usize = 5;
/// Facet values longer than this are cut in summaries so one long name does not push every
/// bar off the screen.
const NAME_WIDTH_MAX: usize = 36;

/// "1 article", "2 articles": the count with the noun in the number it needs.
pub fn count_of(count: u64, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// A bar of `count` against `max`, in eighths of a cell; any non-zero count shows at least
/// one eighth so that it is not mistaken for none.
fn bar(count: u64, max: u64) -> String {
    if max == 0 || count == 0 {
        return String::new();
    }
    const PARTS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = ((count.min(max) as u128 * BAR_CELLS as u128 * 8 + max as u128 / 2) / max as u128)
        .max(1) as usize;
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push(PARTS[eighths % 8 - 1]);
    }
    bar
}

/// `text` padded with spaces to `width` terminal columns (never cut).
fn pad(text: &str, width: usize) -> String {
    let shown = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
}

/// `text` cut to at most `width` terminal columns, ending in "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A `<b>`-marked, HTML-escaped snippet as terminal text: marked terms highlighted, entities
/// decoded, whitespace runs collapsed. The markers are found before decoding, where a `<`
/// of the article's own text is still `&lt;`, so only real highlights are styled.
pub fn styled_snippet(snippet: &str) -> String {
    let mut out = String::new();
    for (i, piece) in snippet.split("<b>").enumerate() {
        let (marked, rest) = match piece.split_once("</b>") {
            Some((marked, rest)) if i > 0 => (marked, rest),
            _ => ("", piece),
        };
        if !marked.is_empty() {
            out.push_str(&format!(
                "{HIGHLIGHT}{}{HIGHLIGHT:#}",
                unescape_html(marked)
            ));
        }
        out.push_str(&unescape_html(rest));
    }
    collapse_whitespace(&out)
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The publisher, with the wire it republished when that is another outlet.
fn with_origin(source: Option<&str>, origin: Option<&str>) -> String {
    let source_name = source.unwrap_or("unknown source");
    match origin {
        Some(origin) if Some(origin) != source => format!("{source_name} (from {origin})"),
        _ => source_name.to_string(),
    }
}

/// The rank column of a page: ranks right-aligned to the widest on the page, and the indent
/// that lines up the lines under each title.
struct Ranks {
    first: usize,
    width: usize,
}

impl Ranks {
    fn new(offset: usize, shown: usize) -> Self {
        let last = offset + shown.max(1);
        Ranks {
            first: offset + 1,
            width: last.to_string().len(),
        }
    }

    fn label(&self, index: usize) -> String {
        format!("{:>width$}.", self.first + index, width = self.width)
    }

    fn indent(&self) -> String {
        " ".repeat(self.width + 2)
    }
}

/// Ranked hits, then the number of matches and facet counts over all of them (or all
/// stories). A collapsed hit lists the other outlets that ran its story.
pub fn search_results(
    out: &mut impl Write,
    results: &SearchResults,
    request: &SearchRequest,
) -> io::Result<()> {
    let ranks = Ranks::new(request.offset, results.hits.len());
    let indent = ranks.indent();
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(out, "{} {STRONG}{}{STRONG:#}", ranks.label(i), hit.title)?;
        let source = with_origin(hit.source.as_deref(), hit.origin.as_deref());
        let date = hit.published.as_deref().unwrap_or("undated");
        let location = hit.url.as_deref().or(hit.path.as_deref()).unwrap_or("");
        writeln!(out, "{indent}{DIM}{source} · {date} · {location}{DIM:#}")?;
        writeln!(out, "{indent}{}", styled_snippet(&hit.snippet))?;
        if !hit.speakers.is_empty() {
            writeln!(
                out,
                "{indent}{DIM}speakers:{DIM:#} {}",
                hit.speakers.join(", ")
            )?;
        }
        if !hit.countries.is_empty() {
            writeln!(
                out,
                "{indent}{DIM}countries:{DIM:#} {}",
                hit.countries.join(", ")
            )?;
        }
        if let (Some(copies), Some(also)) = (hit.copies, &hit.also) {
            if !also.is_empty() {
                let outlets: Vec<&str> = also
                    .iter()
                    .map(|copy| copy.source.as_deref().unwrap_or("unknown source"))
                    .collect();
                writeln!(
                    out,
                    "{indent}{}; also: {}",
                    count_of(copies, "copy", "copies"),
                    outlets.join(", ")
                )?;
            }
        }
        writeln!(out)?;
    }
    let shown = results.hits.len();
    let matching = count_of(results.total, "matching article", "matching articles");
    match results.stories {
        Some(stories) => writeln!(
            out,
            "{matching} in {} ({shown} shown)",
            count_of(stories, "story", "stories")
        )?,
        None => writeln!(out, "{matching} ({shown} shown)")?,
    }
    let per = match request.count_by {
        CountBy::Article => "",
        CountBy::Story => " (stories)",
    };
    let facets: Vec<(String, &[FacetCount])> = results
        .facets
        .iter()
        .map(|(field, counts)| (format!("{field}{per}"), counts.as_slice()))
        .collect();
    facet_summary(out, &facets, SUMMARY_VALUES)
}

/// Facet counts of several dimensions in aligned columns, dimension name, value, count and a
/// bar relative to the dimension's largest count; `limit` values per dimension, then how many
/// more there are.
pub fn facet_summary(
    out: &mut impl Write,
    facets: &[(String, &[FacetCount])],
    limit: usize,
) -> io::Result<()> {
    let label_width = facets.iter().map(|(label, _)| label.width()).max();
    let label_width = label_width.unwrap_or(0);
    let shown = |counts: &[FacetCount]| counts.len().min(limit);
    let name_width = facets
        .iter()
        .flat_map(|(_, counts)| &counts[..shown(counts)])
        .map(|c| fit(&c.value, NAME_WIDTH_MAX).width())
        .max()
        .unwrap_or(0);
    let count_width = facets
        .iter()
        .flat_map(|(_, counts)| &counts[..shown(counts)])
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    for (label, counts) in facets {
        let max = counts.iter().map(|c| c.count).max().unwrap_or(0);
        if counts.is_empty() {
            writeln!(
                out,
                "  {DIM}{}{DIM:#}  {DIM}none{DIM:#}",
                pad(label, label_width)
            )?;
            continue;
        }
        for (i, count) in counts[..shown(counts)].iter().enumerate() {
            let label = if i == 0 { label.as_str() } else { "" };
            writeln!(
                out,
                "  {DIM}{}{DIM:#}  {}  {:>count_width$} {BAR}{}{BAR:#}",
                pad(label, label_width),
                pad(&fit(&count.value, NAME_WIDTH_MAX), name_width),
                count.count,
                bar(count.count, max),
            )?;
        }
        let rest = counts.len() - shown(counts);
        if rest > 0 {
            writeln!(out, "  {}  {DIM}… {rest} more{DIM:#}", pad("", label_width))?;
        }
    }
    Ok(())
}

/// Ranked quotes: the highlighted quote, who said it, and the article it is from with its URL
/// or path.
///
/// An unnamed speaker is shown by its description from the text, marked "(unnamed)".
pub fn quote_results(
    out: &mut impl Write,
    results: &QuoteResults,
    offset: usize,
) -> io::Result<()> {
    let ranks = Ranks::new(offset, results.hits.len());
    let indent = ranks.indent();
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(out, "{} “{}”", ranks.label(i), styled_snippet(&hit.snippet))?;
        let speaker = match (&hit.speaker, &hit.unnamed) {
            (Some(name), _) => format!("{STRONG}{name}{STRONG:#}"),
            (None, Some(description)) => format!("{description} (unnamed)"),
            (None, None) => "unknown speaker".to_string(),
        };
        let how = match &hit.cue {
            Some(cue) => format!("{}, {cue}", hit.kind),
            None => hit.kind.clone(),
        };
        writeln!(out, "{indent}— {speaker} · {how}")?;
        let source = with_origin(hit.source.as_deref(), hit.origin.as_deref());
        let date = hit.published.as_deref().unwrap_or("undated");
        writeln!(out, "{indent}{} · {source} · {date}", hit.title)?;
        if let Some(location) = hit.url.as_deref().or(hit.path.as_deref()) {
            writeln!(out, "{indent}{DIM}{location}{DIM:#}")?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} ({} shown)",
        count_of(results.total, "matching quote", "matching quotes"),
        results.hits.len()
    )
}

/// One facet's values, one per line (see [`facet_rows`]).
pub fn facet_list(out: &mut impl Write, list: &FacetList) -> io::Result<()> {
    facet_rows(out, &list.values, list.other)
}

/// Facet values, one per line: the count right-aligned to the widest number listed (the
/// `other` sum included), a bar against the largest count, the value.
fn facet_rows(out: &mut impl Write, values: &[FacetCount], other: u64) -> io::Result<()> {
    let width = values
        .iter()
        .map(|v| v.count)
        .chain((other > 0).then_some(other))
        .map(|count| count.to_string().len())
        .max()
        .unwrap_or(1);
    let max = values.iter().map(|v| v.count).max().unwrap_or(0);
    for value in values {
        writeln!(
            out,
            "{:>width$}  {BAR}{}{BAR:#}  {}",
            value.count,
            pad(&bar(value.count, max), BAR_CELLS),
            value.value
        )?;
    }
    if other > 0 {
        writeln!(
            out,
            "{other:>width$}  {}  {DIM}(other values){DIM:#}",
            pad("", BAR_CELLS)
        )?;
    }
    Ok(())
}

/// One article as `show` prints it: title, metadata, facets, quotes, body.
pub fn article(out: &mut impl Write, article: &ShownArticle) -> io::Result<()> {
    writeln!(out, "{STRONG}{}{STRONG:#}", article.title)?;
    let mut rows: Vec<(&str, String)> = vec![
        ("id", article.id.clone()),
        (
            "source",
            with_origin(article.source.as_deref(), article.origin.as_deref()),
        ),
        (
            "published",
            article.published.clone().unwrap_or("undated".to_string()),
        ),
    ];
    match (&article.url, &article.path) {
        (Some(url), _) => rows.push(("url", url.clone())),
        (None, Some(path)) => rows.push(("path", path.clone())),
        (None, None) => {}
    }
    let story = if article.story == article.id {
        format!("{} (its own)", article.story)
    } else {
        article.story.clone()
    };
    rows.push(("story", story));
    // Source and origin are in the metadata already; the other dimensions are listed here.
    for (field, values) in article.facets.iter() {
        if matches!(field, "source" | "origin") {
            continue;
        }
        let shown = if values.is_empty() {
            "none".to_string()
        } else {
            values.join(", ")
        };
        rows.push((field, shown));
    }
    let width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    for (label, value) in &rows {
        writeln!(out, "  {DIM}{label:<width$}{DIM:#}  {value}")?;
    }
    writeln!(out)?;
    let quotes = count_of(article.quotes.len() as u64, "quote", "quotes");
    writeln!(out, "{STRONG}{quotes}{STRONG:#}")?;
    let ranks = Ranks::new(0, article.quotes.len());
    let indent = ranks.indent();
    for (i, quote) in article.quotes.iter().enumerate() {
        writeln!(
            out,
            "  {} “{}”",
            ranks.label(i),
            collapse_whitespace(&quote.text)
        )?;
        let speaker = match (&quote.speaker, &quote.unnamed) {
            (Some(name), _) => format!("{STRONG}{name}{STRONG:#}"),
            (None, Some(description)) => format!("{description} (unnamed)"),
            (None, None) => "unknown speaker".to_string(),
        };
        let how = match &quote.cue {
            Some(cue) => format!("{}, {cue}", quote.kind),
            None => quote.kind.clone(),
        };
        writeln!(out, "  {indent}— {speaker} · {how}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", article.body.trim_end())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("UTF-8 output")
    }

    #[test]
    fn counts_take_the_number_of_their_noun() {
        assert_eq!(count_of(1, "story", "stories"), "1 story");
        assert_eq!(count_of(0, "story", "stories"), "0 stories");
        assert_eq!(count_of(2, "story", "stories"), "2 stories");
    }

    #[test]
    fn bars_scale_to_the_largest_count_in_eighths() {
        assert_eq!(bar(4, 4), "█".repeat(BAR_CELLS));
        assert_eq!(bar(2, 4), "█".repeat(BAR_CELLS / 2));
        // 1/3 of 12 cells is 4 cells exactly; 1/5 is 2.4 cells, 19.2 eighths → 2 cells + ▍.
        assert_eq!(bar(1, 3), "████");
        assert_eq!(bar(1, 5), "██▍");
        // A count far below the largest still shows.
        assert_eq!(bar(1, 1_000_000), "▏");
        assert_eq!(bar(0, 5), "");
    }

    #[test]
    fn long_names_are_cut_to_their_column() {
        assert_eq!(
            fit("Ukraine Ministry of Agriculture and Food", 20),
            "Ukraine Ministry of…"
        );
        assert_eq!(fit("Wang Yi", 20), "Wang Yi");
        // Wide characters count two columns.
        assert_eq!(fit("習近平主席", 7), "習近平…");
    }

    #[test]
    fn snippet_highlights_are_styled_and_the_text_unescaped() {
        let styled = styled_snippet("AT&amp;T &lt;b&gt; <b>grain</b>  deal&#x27;s");
        assert_eq!(
            styled,
            format!("AT&T <b> {HIGHLIGHT}grain{HIGHLIGHT:#} deal's")
        );
    }

    #[test]
    fn facet_columns_fit_five_and_six_digit_counts() {
        let values = vec![
            FacetCount {
                value: "Wang Yi".into(),
                count: 12_345,
            },
            FacetCount {
                value: "Sergei Lavrov".into(),
                count: 7,
            },
        ];
        let mut out = Vec::new();
        facet_rows(&mut out, &values, 123_456).unwrap();
        let plain = text(anstream::adapter::strip_bytes(&out).into_vec());
        let lines: Vec<&str> = plain.lines().collect();
        assert_eq!(lines.len(), 3, "{plain}");
        assert!(
            lines[0].starts_with(" 12345  ████████████  Wang Yi"),
            "{plain}"
        );
        assert!(lines[1].starts_with("     7  ▏"), "{plain}");
        assert!(lines[2].starts_with("123456  "), "{plain}");
        // Every value starts in the same column.
        let column = |line: &str, value: &str| line.find(value).map(|at| line[..at].width());
        assert_eq!(
            column(lines[0], "Wang Yi"),
            column(lines[1], "Sergei Lavrov")
        );
        assert_eq!(
            column(lines[0], "Wang Yi"),
            column(lines[2], "(other values)")
        );
    }

    #[test]
    fn summary_columns_line_up_across_dimensions() {
        let speakers = vec![
            FacetCount {
                value: "Wang Yi".into(),
                count: 10_000,
            },
            FacetCount {
                value: "Sergei Lavrov".into(),
                count: 5,
            },
        ];
        let countries = vec![FacetCount {
            value: "Türkiye".into(),
            count: 250,
        }];
        let facets = vec![
            ("speaker".to_string(), speakers.as_slice()),
            ("country".to_string(), countries.as_slice()),
            ("origin".to_string(), &[][..]),
        ];
        let mut out = Vec::new();
        facet_summary(&mut out, &facets, 5).unwrap();
        let plain = text(anstream::adapter::strip_bytes(&out).into_vec());
        assert_eq!(
            plain,
            "  speaker  Wang Yi        10000 ████████████\n\
             \x20          Sergei Lavrov      5 ▏\n\
             \x20 country  Türkiye          250 ████████████\n\
             \x20 origin   none\n",
        );
    }
}
