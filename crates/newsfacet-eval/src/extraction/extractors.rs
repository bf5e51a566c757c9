//! The extractors compared: newsfacet's own HTML reader and two candidate crates. Each takes the
//! page's raw bytes, so decoding is part of what is timed for every one of them.

use std::borrow::Cow;
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use clap::ValueEnum;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
pub enum Extractor {
    /// `newsfacet_article::read_file` on the page saved as `page.html`.
    #[value(name = "newsfacet")]
    #[serde(rename = "newsfacet")]
    Newsfacet,
    /// `rs_trafilatura::extract_with_options` with default options (tables included, no
    /// comments, like trafilatura's evaluation).
    #[value(name = "rs-trafilatura", alias = "trafilatura")]
    #[serde(rename = "rs-trafilatura")]
    RsTrafilatura,
    /// `dom_smoothie::Readability` (a readability.js port), formatted text mode.
    #[value(name = "dom_smoothie", alias = "dom-smoothie", alias = "readability")]
    #[serde(rename = "dom_smoothie")]
    DomSmoothie,
}

impl Extractor {
    pub const ALL: [Extractor; 3] = [
        Extractor::Newsfacet,
        Extractor::RsTrafilatura,
        Extractor::DomSmoothie,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Extractor::Newsfacet => "newsfacet",
            Extractor::RsTrafilatura => "rs-trafilatura",
            Extractor::DomSmoothie => "dom_smoothie",
        }
    }
}

/// What an extractor found on a page.
#[derive(Debug, Default)]
pub struct Extracted {
    pub title: String,
    pub body: String,
}

/// One extractor plus whatever it needs between pages.
pub struct Runner {
    extractor: Extractor,
    /// newsfacet reads files, so each page is written here (untimed) before it is read.
    scratch: Option<(tempfile::TempDir, PathBuf)>,
}

impl Runner {
    pub fn new(extractor: Extractor) -> anyhow::Result<Runner> {
        let scratch = match extractor {
            Extractor::Newsfacet => {
                newsfacet_article::prepare();
                let dir = tempfile::tempdir().context("creating a scratch folder")?;
                let path = dir.path().join("page.html");
                Some((dir, path))
            }
            _ => None,
        };
        Ok(Runner { extractor, scratch })
    }

    /// Untimed work that must happen before [`Runner::extract`] sees `html`.
    pub fn stage(&self, html: &[u8]) -> anyhow::Result<()> {
        if let Some((_, path)) = &self.scratch {
            std::fs::write(path, html).with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    }

    /// Extracts the main text of `html` (already passed to [`Runner::stage`]).
    pub fn extract(&self, html: &[u8]) -> anyhow::Result<Extracted> {
        match self.extractor {
            Extractor::Newsfacet => {
                let (_, path) = self.scratch.as_ref().expect("newsfacet has a scratch file");
                let article = newsfacet_article::read_file(path)
                    .next()
                    .ok_or_else(|| anyhow!("no article read"))??;
                Ok(Extracted {
                    title: article.title,
                    body: article.body,
                })
            }
            Extractor::RsTrafilatura => {
                let html = decode_html(html);
                let result = rs_trafilatura::extract_with_options(
                    &html,
                    &rs_trafilatura::Options::default(),
                )
                .map_err(|e| anyhow!("{e}"))?;
                Ok(Extracted {
                    title: result.metadata.title.unwrap_or_default(),
                    body: result.content_text,
                })
            }
            Extractor::DomSmoothie => {
                let html = decode_html(html);
                let config = dom_smoothie::Config {
                    text_mode: dom_smoothie::TextMode::Formatted,
                    ..dom_smoothie::Config::default()
                };
                let article = dom_smoothie::Readability::new(html.as_ref(), None, Some(config))
                    .map_err(|e| anyhow!("{e}"))?
                    .parse()
                    .map_err(|e| anyhow!("{e}"))?;
                Ok(Extracted {
                    title: article.title,
                    body: article.text_content.to_string(),
                })
            }
        }
    }
}

/// Decodes an HTML page exactly as newsfacet's reader does, so that every extractor sees the
/// same text.
fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
    newsfacet_article::decode_html(bytes, std::path::Path::new("page.html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_latin1() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><body>Caf\xE9</body></html>";
        assert!(decode_html(page).contains("Caf\u{e9}"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">\xB9";
        assert!(decode_html(page).ends_with('\u{105}'));
    }
}
