//! Generated news corpora for property tests, tagged with the bundled gazetteer and indexed
//! the way `newsfacet index` does (tag, upsert each record in input order, commit once).
//!
//! Shared by the property tests of `newsfacet-index` and `newsfacet-query` (the latter
//! includes this file by path). A corpus is a list of [`Record`]s: fresh articles built from
//! sentences that name people, countries and outlets the gazetteer knows, syndicated copies of
//! an earlier article under a new id with another header or footer, exact repeats of an
//! earlier record, and records that reuse an earlier id for another text.

// Each test target uses its own part of this module.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use newsfacet_article::{Article, Origin};
use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{
    columns, ArticleDoc, DocKind, FacetField, NewsIndex, StoredDocument, Upsert,
};
use newsfacet_tag::Tagger;
use proptest::prelude::*;
use proptest::sample::Index;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::DocAddress;

/// The tagger over the bundled gazetteer, built once per test binary.
pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let gazetteer = Gazetteer::bundled().expect("the bundled gazetteer loads");
        Tagger::new(gazetteer).expect("the matcher builds")
    })
}

/// Headlines.
pub const TITLES: &[&str] = &[
    "Lavrov meets Wang Yi in Beijing",
    "Merkel warns on car tariffs",
    "Erdogan visits Moscow for grain talks",
    "Putin and Xi discuss energy",
    "Japan and China hold security talks",
    "Macron calls for European unity",
    "Sanctions on Russia tighten",
    "Turkey brokers grain corridor deal",
    "Markets rise as trade tensions ease",
    "India welcomes the agreement",
];

/// Sentences of bodies: names the bundled gazetteer knows and some it does not, speech verbs,
/// direct and reported speech, numbers (which story detection compares).
pub const SENTENCES: &[&str] = &[
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday.",
    "\"We have agreed to expand trade in grain and energy,\" Lavrov said after the talks.",
    "Wang Yi said China and Russia would hold further talks on security in the region next month.",
    "Officials from Japan and Turkey were also present at the meeting, according to a statement.",
    "German Chancellor Angela Merkel warned on Monday that tariffs on cars would hurt exporters in Germany and France.",
    "Emmanuel Macron said Europe must stand together against the new tariffs.",
    "The European Union will respond in kind, a spokesperson said.",
    "Turkish President Recep Tayyip Erdogan arrived in Moscow for talks with Vladimir Putin.",
    "Putin said the two leaders discussed Syria and the grain corridor across the Black Sea.",
    "Xinhua reported that India welcomed the deal as a step towards lower food prices.",
    "Grain exports from Ukraine rose by 12 percent in March, the ministry said.",
    "\"Sanctions hurt ordinary families first,\" Merkel told reporters in Berlin.",
    "The United Nations said about 3 million tonnes of wheat had left the ports since the deal.",
    "Stocks in Tokyo rose 1.5 percent while oil prices fell for a third day.",
    "Japanese Prime Minister Fumio Kishida said Japan would keep close contact with South Korea.",
    "Analysts in London said the talks were unlikely to change the course of the conflict.",
    "Chinese President Xi Jinping told Putin that China valued the partnership with Russia.",
    "The White House declined to comment on the meeting, officials in Washington said.",
    "Iran and Saudi Arabia agreed to reopen their embassies within two months.",
    "Farmers in France protested against cheap imports from Brazil and Argentina.",
    "The talks will continue in Istanbul next week, the Turkish foreign ministry said.",
    "Lavrov accused the West of trying to isolate Moscow, TASS reported.",
    "The agreement covers 40 ships a week and inspections in Turkish waters.",
    "Rain is expected across the region for the rest of the week.",
    // Names the gazetteer does not know, in written forms of one group (case, legal form).
    "Analyst Anya Petrova said sanctions on Russia would bite within a year.",
    "Chang Chi-cheng, a trade official in Taipei, said exports would recover by summer.",
    "\"The talks went well,\" Chang Chi-Cheng told reporters on Friday.",
    "General Motors Corp said it would cut 2,000 jobs in Canada.",
    "General Motors said the cuts were part of a wider plan.",
];

/// What a syndicated copy puts above the story.
pub const HEADERS: &[&str] = &[
    "",
    "MOSCOW (Reuters) -",
    "BEIJING, March 3 (Xinhua) --",
    "This story was first published by TASS.",
    "Updated 10:42 GMT",
];

/// What a syndicated copy puts below the story.
pub const FOOTERS: &[&str] = &[
    "",
    "Reporting by Anna Smith; Editing by Mark Jones",
    "(c) Xinhua 2024. All rights reserved.",
    "Follow us for more world news.",
    "Copyright 2024 The Associated Press. All rights reserved.",
];

/// Publishers named by a record's metadata, and whether the record has a URL on their site.
pub const SOURCES: &[(Option<&str>, Option<&str>)] = &[
    (None, None),
    (Some("Reuters"), Some("https://www.reuters.com/world/")),
    (Some("Reuters"), None),
    (Some("TASS"), None),
    (Some("Xinhua"), Some("http://www.xinhuanet.com/english/")),
    (Some("Associated Press"), None),
    (None, Some("https://www.example-news.org/story/")),
];

/// A record's metadata: an index into [`SOURCES`] and a day offset from 2024-03-01, if dated.
#[derive(Debug, Clone)]
pub struct Meta {
    pub source: usize,
    pub day: Option<u8>,
}

/// One input record of a generated corpus.
#[derive(Debug, Clone)]
pub enum Record {
    /// A new article with its own id.
    Fresh {
        title: usize,
        sentences: Vec<usize>,
        meta: Meta,
    },
    /// A syndicated copy of an earlier record's article under a new id: the same body with
    /// another header and footer, the same or another headline, other metadata.
    Copy {
        of: Index,
        header: usize,
        footer: usize,
        new_title: Option<usize>,
        meta: Meta,
    },
    /// An earlier record again, with its id, title and body (one article read from two
    /// inputs), with the same or other metadata.
    Repeat { of: Index, meta: Option<Meta> },
    /// Another text under an earlier record's id.
    SameId {
        of: Index,
        title: usize,
        sentences: Vec<usize>,
        meta: Meta,
    },
}

fn meta() -> impl Strategy<Value = Meta> {
    (0..SOURCES.len(), prop::option::of(0u8..30)).prop_map(|(source, day)| Meta { source, day })
}

fn sentences() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..SENTENCES.len(), 1..9)
}

fn fresh() -> impl Strategy<Value = Record> {
    (0..TITLES.len(), sentences(), meta()).prop_map(|(title, sentences, meta)| Record::Fresh {
        title,
        sentences,
        meta,
    })
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        5 => fresh(),
        3 => (
            any::<Index>(),
            0..HEADERS.len(),
            0..FOOTERS.len(),
            prop::option::of(0..TITLES.len()),
            meta(),
        )
            .prop_map(|(of, header, footer, new_title, meta)| Record::Copy {
                of,
                header,
                footer,
                new_title,
                meta,
            }),
        1 => (any::<Index>(), prop::option::of(meta()))
            .prop_map(|(of, meta)| Record::Repeat { of, meta }),
        1 => (any::<Index>(), 0..TITLES.len(), sentences(), meta()).prop_map(
            |(of, title, sentences, meta)| Record::SameId {
                of,
                title,
                sentences,
                meta,
            }
        ),
    ]
}

/// Corpora of 1 to `max` records; the first is always fresh, so every later record has
/// something to copy.
pub fn records(max: usize) -> impl Strategy<Value = Vec<Record>> {
    (fresh(), prop::collection::vec(record(), 0..max)).prop_map(|(first, rest)| {
        let mut records = vec![first];
        records.extend(rest);
        records
    })
}

/// The file every generated record claims to come from.
pub const CORPUS_FILE: &str = "corpus/generated.jsonl";

/// The articles of `records`, in input order. Record `n` is line `n + 1` of [`CORPUS_FILE`];
/// a new id is `gen-<n>`.
pub fn articles(records: &[Record]) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::with_capacity(records.len());
    for (n, record) in records.iter().enumerate() {
        let new_id = format!("gen-{n}");
        let article = match record {
            Record::Fresh {
                title,
                sentences,
                meta,
            } => article(new_id, TITLES[*title].to_string(), body(sentences), meta, n),
            Record::Copy {
                of,
                header,
                footer,
                new_title,
                meta,
            } => {
                let original = &articles[of.index(articles.len())];
                let body = [HEADERS[*header], original.body.as_str(), FOOTERS[*footer]]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let title = new_title
                    .map_or_else(|| original.title.clone(), |title| TITLES[title].to_string());
                article(new_id, title, body, meta, n)
            }
            Record::Repeat { of, meta } => {
                let original = &articles[of.index(articles.len())];
                match meta {
                    None => Article {
                        origin: origin(n),
                        ..original.clone()
                    },
                    Some(meta) => article(
                        original.id.clone(),
                        original.title.clone(),
                        original.body.clone(),
                        meta,
                        n,
                    ),
                }
            }
            Record::SameId {
                of,
                title,
                sentences,
                meta,
            } => {
                let id = articles[of.index(articles.len())].id.clone();
                article(id, TITLES[*title].to_string(), body(sentences), meta, n)
            }
        };
        articles.push(article);
    }
    articles
}

/// Sentences two to a paragraph.
fn body(sentences: &[usize]) -> String {
    sentences
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|&s| SENTENCES[s])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn origin(n: usize) -> Origin {
    Origin {
        path: PathBuf::from(CORPUS_FILE),
        line: Some(n + 1),
    }
}

fn article(id: String, title: String, body: String, meta: &Meta, n: usize) -> Article {
    let (source, site) = SOURCES[meta.source];
    let start = NaiveDate::from_ymd_opt(2024, 3, 1).expect("a valid date");
    Article {
        url: site.map(|site| format!("{site}{id}")),
        id,
        title,
        body,
        source: source.map(str::to_string),
        published: meta
            .day
            .and_then(|day| start.checked_add_days(Days::new(u64::from(day)))),
        authors: Vec::new(),
        origin: origin(n),
    }
}

/// tantivy's minimum writer heap is 15 MB per indexing thread.
pub const WRITER_HEAP: usize = 15_000_000;

/// One `newsfacet index` run over `articles`: opens (or creates) the index in `dir`, tags and
/// upserts every record in order, commits once; with `checkpoint_before = Some(k)`, also
/// commits before record `k`, as a long run's checkpoint does. Returns what each upsert did.
pub fn index_run(
    dir: &Path,
    articles: &[Article],
    checkpoint_before: Option<usize>,
) -> Vec<Upsert> {
    let index = NewsIndex::create_or_open(dir).expect("the index opens");
    let mut writer = index.writer(WRITER_HEAP).expect("a writer");
    let mut outcomes = Vec::with_capacity(articles.len());
    for (n, article) in articles.iter().enumerate() {
        if checkpoint_before == Some(n) {
            writer.checkpoint().expect("the checkpoint commits");
        }
        let tags = tagger().tag(article);
        outcomes.push(writer.upsert(article, &tags).expect("the upsert"));
    }
    writer.commit().expect("the commit");
    outcomes
}

/// A stored document with the facet paths of its facet column (`/<dimension>/<group
/// key>/<written form>`), which are indexed but not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded<D> {
    pub doc: D,
    pub facets: BTreeSet<Facet>,
}

/// Every live document of one kind, read through the index crate's typed views, with its
/// facets.
pub fn load_all<D: StoredDocument>(index: &NewsIndex, kind: DocKind) -> Vec<Loaded<D>> {
    let searcher = index.searcher().expect("a searcher");
    let query = TermQuery::new(index.schema().kind_term(kind), IndexRecordOption::Basic);
    let mut found: Vec<DocAddress> = searcher
        .search(&query, &DocSetCollector)
        .expect("the kind query runs")
        .into_iter()
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|address| {
            let doc: D = index.load(&searcher, address).expect("the document loads");
            let segment = searcher.segment_reader(address.segment_ord);
            let mut facets = BTreeSet::new();
            for field in FacetField::ALL {
                let reader = columns::facets(segment, field).expect("the facet column opens");
                for ord in reader.facet_ords(address.doc_id) {
                    let mut facet = Facet::root();
                    reader
                        .facet_from_ord(ord, &mut facet)
                        .expect("the facet ordinal reads");
                    facets.insert(facet);
                }
            }
            Loaded { doc, facets }
        })
        .collect()
}

/// Every live article.
pub fn load_articles(index: &NewsIndex) -> Vec<Loaded<ArticleDoc>> {
    load_all(index, DocKind::Article)
}
