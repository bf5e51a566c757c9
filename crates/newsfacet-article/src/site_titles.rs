//! Site names learned from the titles of a site's pages.
//!
//! A page's own markup usually says what the site calls itself (`og:site_name`, the JSON-LD
//! publisher, the web address), and the HTML reader strips a title suffix that names it. Many
//! sites write something else there: a slogan, a section, an old brand ("… | Front Page",
//! "… - The Voice of the Valley"). What gives such a suffix away is repetition: the same tail
//! after a separator on several different headlines of one site. This module learns those tails
//! over a stream of articles and strips them.
//!
//! Reading is a stream, so the learner looks [`LOOKAHEAD`] articles ahead: an article leaves
//! the queue only after the articles that follow it have been seen, and the order of the
//! stream is kept. A site whose pages are further apart than that keeps its suffixes on the
//! first pages; memory stays bounded at a million articles.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::web_address::{registrable_domain, url_host};
use crate::{Article, ReadError};

/// How many articles the learner reads ahead of the one it releases.
pub const LOOKAHEAD: usize = 512;
/// A tail is the site's own when this many different headlines of the site carry it.
const MIN_HEADLINES: usize = 3;
/// The longest tail that can be a site name or section (bytes); longer tails are headline.
const MAX_TAIL_BYTES: usize = 60;
/// A site's distinct tails tracked at most; a site name shows up among the first.
const MAX_TAILS_PER_SITE: usize = 256;

/// Separators that set a site name off a headline, ending a title (`Headline | Site`).
const TAIL_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
/// Separators that set a site name off a headline, opening a title (`Site | Headline`); a dash
/// there more often joins two parts of a headline.
const HEAD_SEPARATORS: [&str; 2] = [" | ", " :: "];

/// Which end of a title a repeated part was seen at.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum End {
    Head,
    Tail,
}

/// Wraps a stream of read results so that every article's title loses the parts its site
/// repeats across pages (see the module docs). Errors pass through in their place.
pub fn strip_repeated_site_names<I>(records: I) -> SiteTitles<I>
where
    I: Iterator<Item = Result<Article, ReadError>>,
{
    SiteTitles {
        records,
        queue: VecDeque::with_capacity(LOOKAHEAD + 1),
        seen: HashMap::new(),
        exhausted: false,
    }
}

/// The iterator of [`strip_repeated_site_names`].
pub struct SiteTitles<I> {
    records: I,
    queue: VecDeque<Result<Article, ReadError>>,
    /// Per site, per (end, folded part): the different headlines it was seen with.
    seen: HashMap<String, HashMap<(End, String), HashSet<String>>>,
    exhausted: bool,
}

impl<I> Iterator for SiteTitles<I>
where
    I: Iterator<Item = Result<Article, ReadError>>,
{
    type Item = Result<Article, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.exhausted && self.queue.len() <= LOOKAHEAD {
            match self.records.next() {
                Some(record) => {
                    if let Ok(article) = &record {
                        self.observe(article);
                    }
                    self.queue.push_back(record);
                }
                None => self.exhausted = true,
            }
        }
        let mut record = self.queue.pop_front()?;
        if let Ok(article) = &mut record {
            self.strip(article);
        }
        Some(record)
    }
}

impl<I> SiteTitles<I> {
    fn observe(&mut self, article: &Article) {
        let Some(site) = site_of(article) else {
            return;
        };
        let tails = self.seen.entry(site).or_default();
        for (end, part, headline) in candidate_parts(&article.title) {
            let key = (end, fold(part));
            let tracked = tails.len();
            if let Some(headlines) = tails.get_mut(&key) {
                if headlines.len() < MIN_HEADLINES {
                    headlines.insert(fold(headline));
                }
            } else if tracked < MAX_TAILS_PER_SITE {
                tails.insert(key, HashSet::from([fold(headline)]));
            }
        }
    }

    fn strip(&self, article: &mut Article) {
        let Some(tails) = site_of(article).and_then(|site| self.seen.get(&site)) else {
            return;
        };
        let repeated = candidate_parts(&article.title).find(|(end, part, _)| {
            tails
                .get(&(*end, fold(part)))
                .is_some_and(|headlines| headlines.len() >= MIN_HEADLINES)
        });
        if let Some((_, _, headline)) = repeated {
            article.title = headline.to_string();
        }
    }
}

/// The site an article belongs to: the registrable domain of its address, else its source as
/// written (a host outside the Public Suffix List is its own site). Articles with neither are left alone.
fn site_of(article: &Article) -> Option<String> {
    article
        .url
        .as_deref()
        .and_then(url_host)
        .map(|host| registrable_domain(&host).unwrap_or(host))
        .or_else(|| article.source.as_deref().map(fold))
        .filter(|site| !site.is_empty())
}

/// The parts of a title that could be a site's: the text after its last tail separator and
/// before its first head separator, each with the headline that remains. A part must be short
/// and leave a headline of at least two words.
fn candidate_parts(title: &str) -> impl Iterator<Item = (End, &str, &str)> {
    let tail = TAIL_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|&(at, _)| at)
        .map(|(at, len)| (End::Tail, &title[at + len..], &title[..at]));
    let head = HEAD_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|at| (at, sep.len())))
        .min_by_key(|&(at, _)| at)
        .map(|(at, len)| (End::Head, &title[..at], &title[at + len..]));
    tail.into_iter()
        .chain(head)
        .filter_map(|(end, part, headline)| {
            let (part, headline) = (part.trim(), headline.trim());
            let plausible = !part.is_empty()
                && part.len() <= MAX_TAIL_BYTES
                && headline.split_whitespace().nth(1).is_some();
            plausible.then_some((end, part, headline))
        })
}

/// Case- and space-insensitive form of a title part.
fn fold(part: &str) -> String {
    part.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Origin;
    use std::path::PathBuf;

    fn page(n: usize, site: &str, title: &str) -> Result<Article, ReadError> {
        Ok(Article {
            id: format!("{site}-{n}"),
            title: title.to_string(),
            body: String::new(),
            source: None,
            published: None,
            authors: Vec::new(),
            url: Some(format!("https://www.{site}/news/{n}")),
            origin: Origin {
                path: PathBuf::from(format!("{n}.html")),
                line: None,
            },
        })
    }

    fn titles(records: Vec<Result<Article, ReadError>>) -> Vec<String> {
        strip_repeated_site_names(records.into_iter())
            .map(|r| r.map_or_else(|e| e.to_string(), |a| a.title))
            .collect()
    }

    #[test]
    fn a_tail_repeated_across_a_sites_headlines_is_stripped_from_all_of_them() {
        let out = titles(vec![
            page(
                1,
                "valley-news.com",
                "Council approves budget | Voice of the Valley",
            ),
            page(
                2,
                "other-news.co.uk",
                "Floods close roads | Voice of the Valley",
            ),
            page(
                3,
                "valley-news.com",
                "Mill to close in May | Voice of the Valley",
            ),
            page(
                4,
                "valley-news.com",
                "School opens new wing | Voice of the Valley",
            ),
        ]);
        assert_eq!(
            out,
            [
                "Council approves budget",
                // Another site: seen once there, so kept.
                "Floods close roads | Voice of the Valley",
                "Mill to close in May",
                "School opens new wing",
            ]
        );
    }

    #[test]
    fn leading_site_parts_and_order_are_kept_right() {
        let out = titles(vec![
            page(1, "a-news.com", "Front Page :: Council approves budget"),
            page(2, "a-news.com", "Front Page :: Mill to close in May"),
            page(3, "a-news.com", "Front Page :: School opens new wing"),
            page(4, "a-news.com", "Ceasefire - for now"),
        ]);
        assert_eq!(
            out,
            [
                "Council approves budget",
                "Mill to close in May",
                "School opens new wing",
                "Ceasefire - for now",
            ]
        );
    }

    #[test]
    fn parts_of_headlines_are_not_site_names() {
        // The same tail on copies of one headline is one headline, not a site name.
        let copies = (1..=4)
            .map(|n| page(n, "a-news.com", "Talks resume - live"))
            .collect();
        assert!(titles(copies).iter().all(|t| t == "Talks resume - live"));
        // Different tails on one site: each is headline text.
        let out = titles(vec![
            page(1, "a-news.com", "Oil rises - analysts wary"),
            page(2, "a-news.com", "Gold falls - traders cautious"),
            page(3, "a-news.com", "Wheat steady - harvest ahead"),
        ]);
        assert_eq!(out[0], "Oil rises - analysts wary");
        // Stripping never leaves a one-word headline.
        let out = titles(vec![
            page(1, "a-news.com", "Sport | Daily"),
            page(2, "a-news.com", "News | Daily"),
            page(3, "a-news.com", "Weather | Daily"),
        ]);
        assert_eq!(out, ["Sport | Daily", "News | Daily", "Weather | Daily"]);
    }

    #[test]
    fn errors_pass_through_in_place_and_lookahead_is_bounded() {
        let error = ReadError::Empty {
            path: PathBuf::from("empty.txt"),
        };
        let mut records = vec![page(0, "a-news.com", "First story here | The Site")];
        records.push(Err(error));
        for n in 1..LOOKAHEAD + 10 {
            records.push(page(
                n,
                "a-news.com",
                &format!("Story number {n} | The Site"),
            ));
        }
        let out = titles(records);
        assert_eq!(out.len(), LOOKAHEAD + 11);
        assert_eq!(out[0], "First story here");
        assert!(out[1].contains("empty.txt"), "{}", out[1]);
        assert_eq!(
            out[LOOKAHEAD + 10],
            format!("Story number {} ", LOOKAHEAD + 9).trim()
        );
    }
}
