//! `newsfacet analyze`: the reading and tagging of `index`, without an index.
//!
//! Its JSON Lines output is a contract that evaluation scripts rely on: fields are only ever
//! added, never renamed or removed.

use std::io::Write;
use std::process::ExitCode;

use newsfacet_article::Article;
use newsfacet_tag::story::{Signature, StoryTable};
use newsfacet_tag::{CountryRef, EntityCount, Quote, Speaker, Tags};
use serde::Serialize;

use crate::cli::AnalyzeArgs;
use crate::{gazetteers, render};

/// One line of `analyze --json`.
#[derive(Debug, Serialize)]
struct AnalyzedArticle<'a> {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    /// The wire or outlet the story came from; null when unknown, like `source`.
    origin: Option<&'a str>,
    /// The story among the analyzed inputs: the id of the first earlier input this one is a
    /// near-copy of, else its own id. An index may give another id, from articles it held.
    story: String,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    body: &'a str,
    speakers: &'a [Speaker],
    countries: &'a [CountryRef],
    entities: &'a [EntityCount],
    quotes: &'a [Quote],
}

impl<'a> AnalyzedArticle<'a> {
    fn new(article: &'a Article, tags: &'a Tags, story: String) -> Self {
        AnalyzedArticle {
            path: article.origin.path.display().to_string(),
            line: article.origin.line,
            id: &article.id,
            title: &article.title,
            source: tags.source.as_deref(),
            origin: tags.origin.as_deref(),
            story,
            published: article.published.map(|d| d.format("%Y-%m-%d").to_string()),
            url: article.url.as_deref(),
            body: &article.body,
            speakers: &tags.speakers,
            countries: &tags.countries,
            entities: &tags.entities,
            quotes: &tags.quotes,
        }
    }
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    // The cleaning rules compile on the other core while the tagger loads.
    let (_, tagger) = rayon::join(newsfacet_article::prepare, || {
        gazetteers::tagger(&args.gazetteer)
    });
    let tagger = tagger?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    let mut stories = StoryTable::new();
    for record in newsfacet_article::read_inputs(&args.paths) {
        let article = match record {
            Ok(article) => article,
            Err(error) => {
                failures += 1;
                eprintln!("newsfacet: {error}");
                continue;
            }
        };
        let tags = tagger.tag(&article);
        if args.json {
            let story = stories.assign(&article.id, Signature::of_text(&article.body));
            serde_json::to_writer(&mut out, &AnalyzedArticle::new(&article, &tags, story))?;
            writeln!(out)?;
        } else {
            render::analyzed(&mut out, &article, &tags)?;
        }
    }
    out.flush()?;
    // Unreadable records are reported above and make the run fail, so scripts notice them.
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
