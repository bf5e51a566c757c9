//! A scaled corpus of realistic articles, generated deterministically from a seed out of the
//! Reuters-21578 corpus: its headlines, datelines and paragraphs, published by varied outlets
//! on varied dates, with syndicated copies whose header and footer were edited, and no exact
//! duplicates. The same seed and size always give the same bytes, so runs compare.

use std::collections::HashSet;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

/// Outlets that publish the generated articles, with their web domains.
const OUTLETS: &[(&str, &str)] = &[
    ("Reuters", "reuters.com"),
    ("Associated Press", "apnews.com"),
    ("Agence France-Presse", "afp.com"),
    ("BBC", "bbc.co.uk"),
    ("The Guardian", "theguardian.com"),
    ("The New York Times", "nytimes.com"),
    ("The Washington Post", "washingtonpost.com"),
    ("Financial Times", "ft.com"),
    ("The Globe and Mail", "theglobeandmail.com"),
    ("The Japan Times", "japantimes.co.jp"),
    ("The Times of India", "timesofindia.indiatimes.com"),
    ("Deutsche Welle", "dw.com"),
    ("Al Jazeera", "aljazeera.com"),
    ("Kyodo News", "english.kyodonews.net"),
    ("Xinhua", "news.cn"),
    ("TASS", "tass.com"),
    ("Anadolu Agency", "aa.com.tr"),
    ("The Straits Times", "straitstimes.com"),
    ("ABC News", "abc.net.au"),
    ("Devdiscourse", "devdiscourse.com"),
    ("Yahoo News", "news.yahoo.com"),
    ("MarketScreener", "marketscreener.com"),
    ("example-news.com", "example-news.com"),
    ("regional-daily.net", "regional-daily.net"),
];

/// Lines an outlet puts after a syndicated story.
const FOOTERS: &[&str] = &[
    "Reporting by staff; Editing by the desk.",
    "(Additional reporting by our correspondents.)",
    "This story has not been edited by our staff and is published from a syndicated feed.",
    "Copyright 2026. All rights reserved.",
    "Follow us on Twitter",
    "Read more business news on our website.",
];

/// Share of articles that are syndicated copies of an earlier one, in thousandths.
const COPY_PER_MILLE: u32 = 120;
/// How far back a copy's original may be, in generated articles.
const COPY_WINDOW: usize = 4096;

/// One Reuters record, as `../shared/data/corpus/reuters21578.jsonl` holds it.
#[derive(Debug, Deserialize)]
struct ReutersRecord {
    title: Option<String>,
    dateline: Option<String>,
    body: Option<String>,
}

/// The pieces articles are made of.
struct Pieces {
    /// Each Reuters story: its headline, dateline and paragraphs.
    stories: Vec<(String, String, Vec<String>)>,
    /// Every paragraph of every story, for the extra paragraphs that make articles unique.
    paragraphs: Vec<String>,
}

/// One generated article, in a field layout newsfacet reads.
#[derive(Debug, Serialize)]
struct Generated {
    id: String,
    title: String,
    body: String,
    source: &'static str,
    url: String,
    date: String,
}

/// What was written.
#[derive(Debug, Serialize)]
pub struct CorpusStats {
    pub articles: usize,
    pub copies: usize,
    pub bytes: u64,
}

/// Writes `articles` articles generated from `reuters` with `seed` to `out` as JSON Lines.
pub fn generate(
    reuters: &Path,
    articles: usize,
    seed: u64,
    out: &Path,
) -> anyhow::Result<CorpusStats> {
    let pieces = pieces(reuters)?;
    let mut rng = fastrand::Rng::with_seed(seed);
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut writer = BufWriter::new(file);
    let mut recent: Vec<(String, Vec<String>)> = Vec::with_capacity(COPY_WINDOW);
    let mut seen: HashSet<u64> = HashSet::with_capacity(articles);
    let mut stats = CorpusStats {
        articles: 0,
        copies: 0,
        bytes: 0,
    };
    let mut attempts = 0usize;
    while stats.articles < articles {
        attempts += 1;
        if attempts > articles * 4 + 1000 {
            bail!(
                "could not generate {articles} distinct articles from {}",
                reuters.display()
            );
        }
        let (outlet, domain) = OUTLETS[rng.usize(..OUTLETS.len())];
        let copy = !recent.is_empty() && rng.u32(..1000) < COPY_PER_MILLE;
        let (title, paragraphs) = if copy {
            let (title, paragraphs) = &recent[rng.usize(..recent.len())];
            let mut paragraphs = paragraphs.clone();
            // An outlet's own header and footer around the wire text.
            if rng.bool() {
                paragraphs.insert(0, format!("By {outlet} staff"));
            }
            paragraphs.push(FOOTERS[rng.usize(..FOOTERS.len())].to_string());
            let title = if rng.bool() {
                format!("UPDATE {}-{title}", rng.u32(1..4))
            } else {
                title.clone()
            };
            (title, paragraphs)
        } else {
            let (title, dateline, story) = &pieces.stories[rng.usize(..pieces.stories.len())];
            let mut paragraphs = story.clone();
            if let Some(first) = paragraphs.first_mut() {
                if !dateline.is_empty() {
                    *first = format!("{dateline} {first}");
                }
            }
            for _ in 0..rng.usize(1..4) {
                let extra = &pieces.paragraphs[rng.usize(..pieces.paragraphs.len())];
                let at = rng.usize(1..=paragraphs.len());
                paragraphs.insert(at, extra.clone());
            }
            (title.clone(), paragraphs)
        };
        let body = paragraphs.join("\n\n");
        let key = xxhash_rust::xxh3::xxh3_64(format!("{title}\n{body}").as_bytes());
        if !seen.insert(key) {
            continue;
        }
        if !copy {
            if recent.len() == COPY_WINDOW {
                recent.swap_remove(rng.usize(..COPY_WINDOW));
            }
            recent.push((title.clone(), paragraphs));
        }
        let n = stats.articles;
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(rng.u64(..700))))
            .context("a date in range")?;
        let article = Generated {
            id: format!("bench-{seed}-{n}"),
            title,
            body,
            source: outlet,
            url: format!("https://www.{domain}/news/{day}/article-{seed}-{n}"),
            date: format!("{day}T{:02}:{:02}:00Z", rng.u32(..24), rng.u32(..60)),
        };
        let line = serde_json::to_string(&article)?;
        writer.write_all(line.as_bytes())?;
        writer.write_all(b"\n")?;
        stats.bytes += line.len() as u64 + 1;
        stats.articles += 1;
        stats.copies += usize::from(copy);
    }
    writer.flush()?;
    Ok(stats)
}

/// Headlines, datelines and paragraphs of every Reuters story with a body.
fn pieces(reuters: &Path) -> anyhow::Result<Pieces> {
    let file = std::fs::File::open(reuters).with_context(|| {
        format!(
            "{}: the Reuters corpus is needed to generate articles",
            reuters.display()
        )
    })?;
    let mut stories = Vec::new();
    let mut paragraphs = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", reuters.display(), n + 1))?;
        let record: ReutersRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a Reuters record", reuters.display(), n + 1))?;
        // Paragraphs start with an indented line; lines inside them are wrapped.
        let (Some(title), Some(body)) = (record.title, record.body) else {
            continue;
        };
        let story: Vec<String> = body
            .split("\n    ")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| p.len() > 40 && !p.starts_with("Reuter"))
            .collect();
        if story.is_empty() || title.trim().is_empty() {
            continue;
        }
        paragraphs.extend(story.iter().cloned());
        let dateline = record.dateline.unwrap_or_default();
        stories.push((title.trim().to_string(), dateline.trim().to_string(), story));
    }
    if stories.is_empty() {
        bail!("{}: no stories with a title and a body", reuters.display());
    }
    Ok(Pieces {
        stories,
        paragraphs,
    })
}
