//! Hit snippets: highlighted passages of the body, or its opening when nothing highlights.

use tantivy::snippet::SnippetGenerator;

/// Target snippet length in characters.
pub const SNIPPET_CHARS: usize = 200;

/// The snippet for one body: the best highlighted fragment as HTML (terms in `<b>…</b>`,
/// text escaped), or the escaped opening of the body when there is no generator or no query
/// term occurs in it. Whitespace runs are collapsed to single spaces either way.
pub fn snippet(generator: Option<&SnippetGenerator>, body: &str) -> String {
    let text = body.trim();
    if let Some(generator) = generator {
        let snippet = generator.snippet(text);
        if !snippet.highlighted().is_empty() {
            let range = snippet.fragment_range();
            let (before, after) = (
                text.get(..range.start).unwrap_or(""),
                text.get(range.end..).unwrap_or(""),
            );
            // Fragments start and end on tokens; what lies outside is either cut text ("…")
            // or only punctuation such as a final full stop, which is kept.
            let mut html = edge(before);
            html.push_str(&snippet.to_html());
            html.push_str(&edge(after));
            return collapse_whitespace(&html);
        }
    }
    escape_html(&lead(&collapse_whitespace(text), SNIPPET_CHARS))
}

/// The text outside a snippet fragment as shown: "…" when it holds words, else itself.
fn edge(outside: &str) -> String {
    if outside.chars().any(char::is_alphanumeric) {
        "…".to_string()
    } else {
        escape_html(outside)
    }
}

/// The first `max_chars` characters of `text`, cut back to a word boundary and followed by
/// "…" when anything was cut.
pub fn lead(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let head = &text[..cut];
    // Cut at the last space unless that would throw away most of the snippet (one huge word).
    let head = match head.rfind(' ') {
        Some(space) if space >= cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for HTML the way tantivy's highlighted snippets are escaped.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

/// A snippet as marked text: the entities of [`escape_html`] (and of tantivy's highlighted
/// fragments, which escape the same five characters) decoded, the `<b>`…`</b>` markers kept.
///
/// For consumers that are not HTML (JSON for scripts, the terminal): they want the text as
/// written, "AT&T", not "AT&amp;T". Decoding is exact because every `&` of an escaped snippet
/// starts one of these entities; what is lost is only the difference between a marker and a
/// literal `<b>` written in the article, which news text does not contain in practice.
pub fn unescape_html(html: &str) -> String {
    const ENTITIES: [(&str, char); 6] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#x27;", '\''),
        ("&#39;", '\''),
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            // Not one of ours: kept as it is rather than guessed at.
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_cuts_at_a_word_boundary() {
        assert_eq!(lead("short text", 200), "short text");
        assert_eq!(lead("alpha beta gamma", 12), "alpha beta…");
        assert_eq!(lead("abcdefghijklmnop", 5), "abcde…");
    }

    #[test]
    fn long_bodies_are_cut_around_the_highlight() {
        let terms = [("grain".to_string(), 1.0)].into_iter().collect();
        let generator = SnippetGenerator::new(
            terms,
            newsfacet_index::en_analyzer(),
            tantivy::schema::Field::from_field_id(0),
            60,
        );
        let filler = "word ".repeat(60);
        let body = format!("{filler}The grain  harvest \"was\" good. {filler}");
        let html = snippet(Some(&generator), &body);
        assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
        assert!(
            html.contains("The <b>grain</b> harvest &quot;was&quot; good."),
            "{html}"
        );
        assert!(html.chars().count() < 80, "{html}");
    }

    #[test]
    fn fallback_is_escaped_and_collapsed() {
        assert_eq!(snippet(None, "  A <b>  & \n\n B "), "A &lt;b&gt; &amp; B");
    }

    #[test]
    fn unescaped_snippets_keep_the_markers_and_the_text_as_written() {
        let terms = [("grain".to_string(), 1.0)].into_iter().collect();
        let generator = SnippetGenerator::new(
            terms,
            newsfacet_index::en_analyzer(),
            tantivy::schema::Field::from_field_id(0),
            60,
        );
        let body = "AT&T's <grain> deal: \"the grain   harvest\" & more.";
        let marked = unescape_html(&snippet(Some(&generator), body));
        assert_eq!(
            marked,
            "AT&T's <<b>grain</b>> deal: \"the <b>grain</b> harvest\" & more."
        );
        assert_eq!(unescape_html(&escape_html("a'b\"c<d>&e")), "a'b\"c<d>&e");
        assert_eq!(unescape_html("&#39; &nbsp; & &amp;lt;"), "' &nbsp; & &lt;");
    }
}
