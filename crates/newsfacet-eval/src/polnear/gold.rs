//! Reading the PolNeAR gold data: each article's text paired with its brat attribution file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// One annotated span, kept with its byte offsets so that scoring can look at the text
/// around it (quote marks, sentence starts).
#[derive(Debug, Clone)]
pub(super) struct Span {
    pub(super) text: String,
    /// Byte offset into the article text (the `.ann` file counts characters).
    pub(super) start: usize,
    pub(super) end: usize,
}

/// One attribution relation's parts.
#[derive(Debug, Default, Clone)]
pub(super) struct Attribution {
    pub(super) sources: Vec<Span>,
    pub(super) cues: Vec<Span>,
    pub(super) contents: Vec<Span>,
}

/// A parsed article: its text, every Source span, and its attributions.
#[derive(Debug, Default)]
pub struct AnnotatedArticle {
    /// The file name without its hash, so that errors can point at the article.
    pub name: String,
    /// The full text, which the tagger reads and the spans' offsets point into.
    pub text: String,
    /// Every Source span's text, attributed or not: a predicted speaker matching any of them
    /// is correct.
    pub(super) sources: Vec<String>,
    pub(super) attributions: Vec<Attribution>,
}

/// Parses a brat `.ann` file against its text (offsets are in characters).
pub fn parse(name: &str, text: &str, ann: &str) -> anyhow::Result<AnnotatedArticle> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |char_offset: usize| chars.get(char_offset).map_or(text.len(), |&(b, _)| b);
    let mut spans: HashMap<String, Span> = HashMap::new();
    let mut article = AnnotatedArticle {
        name: name.to_string(),
        text: text.to_string(),
        ..Default::default()
    };
    for (line_number, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(id) = fields.first() else { continue };
        if id.starts_with('T') && fields.len() >= 2 {
            let mut parts = fields[1].split_whitespace();
            let label = parts.next().unwrap_or_default().to_string();
            // Discontinuous spans ("0 5;9 12") keep their outer bounds.
            let numbers: Vec<usize> = parts
                .flat_map(|p| p.split(';'))
                .filter_map(|n| n.parse().ok())
                .collect();
            let (Some(&start), Some(&end)) = (numbers.first(), numbers.last()) else {
                anyhow::bail!("{name}.ann:{}: span without offsets", line_number + 1);
            };
            let (start, end) = (byte_at(start), byte_at(end));
            let span_text = text.get(start..end).unwrap_or_default().to_string();
            if label == "Source" {
                article.sources.push(span_text.clone());
            }
            spans.insert(
                id.to_string(),
                Span {
                    text: span_text,
                    start,
                    end,
                },
            );
        } else if id.starts_with('E') && fields.len() >= 2 {
            let mut attribution = Attribution::default();
            for argument in fields[1].split_whitespace() {
                let Some((role, target)) = argument.split_once(':') else {
                    continue;
                };
                let Some(span) = spans.get(target) else {
                    continue;
                };
                let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
                match role {
                    "Source" => attribution.sources.push(span.clone()),
                    "Cue" => attribution.cues.push(span.clone()),
                    "Content" => attribution.contents.push(span.clone()),
                    _ => {}
                }
            }
            article.attributions.push(attribution);
        }
    }
    Ok(article)
}

/// Pairs `text/NAME.txt` with `attributions/NAME_<hash>.ann`.
pub(super) fn load_split(dir: &Path) -> anyhow::Result<Vec<AnnotatedArticle>> {
    let attributions = dir.join("attributions");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&attributions)
        .with_context(|| format!("reading {}", attributions.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    entries.sort();
    let mut articles = Vec::new();
    for ann_path in entries {
        let stem = ann_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let name = stem.rsplit_once('_').map_or(stem, |(name, _)| name);
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("reading {}", text_path.display()))?;
        let ann = std::fs::read_to_string(&ann_path)
            .with_context(|| format!("reading {}", ann_path.display()))?;
        articles.push(parse(name, &text, &ann)?);
    }
    Ok(articles)
}
