//! The baseline: plain tantivy indexing the same titles and bodies as newsfacet, with what a
//! search engine needs and nothing else (English stemming through the same analyzer, positions,
//! stored text, tantivy's default writer threads), and its queries (`TopDocs` + `Count`).

use std::io::BufRead;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index, IndexReader, Searcher};

/// Name of the English analyzer registered on the plain index.
const ANALYZER: &str = "en_stem";

/// The two fields a generated article has that plain tantivy indexes.
#[derive(Debug, Deserialize)]
struct TitleBody {
    title: String,
    body: String,
}

/// Builds a plain index of `corpus` (JSON Lines with `title` and `body`) in `dir`, with
/// `heap_bytes` of indexing memory; returns the number of documents.
pub fn build(corpus: &Path, dir: &Path, heap_bytes: usize) -> anyhow::Result<u64> {
    let mut schema = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let title = schema.add_text_field("title", text.clone());
    let body = schema.add_text_field("body", text);
    let index = Index::create_in_dir(dir, schema.build())
        .with_context(|| format!("creating {}", dir.display()))?;
    index
        .tokenizers()
        .register(ANALYZER, newsfacet_index::en_analyzer());
    let mut writer = index.writer::<tantivy::TantivyDocument>(heap_bytes)?;
    let file =
        std::fs::File::open(corpus).with_context(|| format!("opening {}", corpus.display()))?;
    let mut documents = 0;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", corpus.display(), n + 1))?;
        let record: TitleBody = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}", corpus.display(), n + 1))?;
        writer.add_document(doc!(title => record.title, body => record.body))?;
        documents += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(documents)
}

/// A plain index opened for queries.
pub struct PlainSearcher {
    reader: IndexReader,
    parser: QueryParser,
}

impl PlainSearcher {
    /// Opens the plain index in `dir`, searched by `threads` threads (segments in parallel,
    /// as newsfacet searches).
    pub fn open(dir: &Path, threads: usize) -> anyhow::Result<Self> {
        let mut index =
            Index::open_in_dir(dir).with_context(|| format!("opening {}", dir.display()))?;
        if threads > 1 {
            index.set_multithread_executor(threads)?;
        }
        index
            .tokenizers()
            .register(ANALYZER, newsfacet_index::en_analyzer());
        let schema = index.schema();
        let fields = vec![schema.get_field("title")?, schema.get_field("body")?];
        let mut parser = QueryParser::for_index(&index, fields);
        parser.set_conjunction_by_default();
        Ok(PlainSearcher {
            reader: index.reader()?,
            parser,
        })
    }

    /// The top 10 and the count of matches of `query`, as a search page needs.
    pub fn top_and_count(&self, query: &str) -> anyhow::Result<usize> {
        let searcher: Searcher = self.reader.searcher();
        let query = self.parser.parse_query(query)?;
        let (top, count) =
            searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        Ok(count.max(top.len()))
    }
}
