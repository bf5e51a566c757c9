//! Reading news articles from disk and cleaning their text.
//!
//! The one entry point for callers is [`read_inputs`] (or [`discover()`] + [`read_file`]): every
//! record yields either an [`Article`] or a [`ReadError`] that names the file and, where it has
//! one, the line. A bad record never aborts the rest of the file and never panics.
//!
//! # Formats
//!
//! * `.txt` / `.md`: one article per file. The first non-empty line that is not boilerplate
//!   (an error page's "404", a timestamp byline) is the title, the rest the body. An optional
//!   `Key: value` header block (Source, Date, Published, URL, Author, Title, ID) followed by a
//!   blank line may precede it; it is only taken as a header when *every* line of the block is
//!   such a key, so a first line like `Moscow: talks resume` stays the title.
//! * `.json`: one article object, an array of them, or a NewsAPI `{"articles": [...]}` wrapper.
//! * `.jsonl` / `.ndjson`: one article object per line, streamed, so files may be huge. Field
//!   names of news-please, trafilatura, newspaper3k, NewsAPI, JSON-LD and WordPress REST output
//!   are understood (see `fields.rs`); bodies holding HTML are converted to text.
//! * `.html` / `.htm`: one page. Title, date, canonical URL, site name (as the source) and
//!   authors come from JSON-LD `NewsArticle`/`Article` data first (`@graph` and `@id`
//!   references included), then Open Graph and `<meta>` tags, then `<title>`/`<h1>`. The body is
//!   JSON-LD `articleBody` when complete, else the main container's text (`articleBody`
//!   microdata, `<article>`, or the densest block of paragraphs) without navigation, headers,
//!   footers, asides, forms, figures, scripts and page furniture named in `data/html-skip.txt`.
//! * Any of these compressed with gzip: `feed.jsonl.gz`, `page.html.gz`, `story.txt.gz`
//!   (multi-member files too). Discovery picks them up like the uncompressed ones.
//!
//! # Encodings
//!
//! A byte-order mark (UTF-8, UTF-16) decides first; then valid UTF-8 is taken as such; then an
//! HTML page's declared `charset`; otherwise the encoding is detected with `chardetng`, so
//! Windows-1252, Latin-1, Windows-1251 or Shift_JIS text keeps its letters ("café" stays
//! searchable). Bytes that no encoding can decode become U+FFFD only with a `tracing` warning
//! naming the file, and input that already contains U+FFFD is reported the same way.
//!
//! # Cleaning
//!
//! [`clean_text`] re-flows lines into paragraphs, decodes entities and removes boilerplate by
//! whole-line rules kept as data in `data/boilerplate.txt` (error-page text, advertisement
//! markers, share/subscribe/follow/feedback lines, cookie notices, comment policies, reader
//! comment sections and legal disclaimers to the end, "Read more"/"Also read"/"Click here",
//! syndication notes, timestamp bylines), then drops exact and near-exact repeated paragraphs.
//! Datelines such as `MOSCOW, Feb 1 (Reuters) -` are story text and stay.
//!
//! What removed lines said is not lost: when the metadata names no publisher, one named by a
//! removed syndication note ("... not been edited by Devdiscourse staff ...", which wins) or
//! timestamp byline (`Reuters | Updated: ...`) becomes [`Article::source`], as written;
//! canonicalising it is the tagger's job. Names in a removed `By ...` line fill an empty
//! [`Article::authors`].
//!
//! # Publication dates
//!
//! From the metadata when it has one ([`parse_date`] reads the many shapes it comes in); else
//! from a date in the URL's path (`/2026/02/01/`); else from the top of the raw body only
//! (labelled dates such as `Created: 02-02-2026 12:45 IST`, byline lines such as
//! `Sunday, February 1, 2026`, or a dateline `MOSCOW, Feb 1 (Reuters)` whose year comes from
//! another date in the article, a year in the file path or URL, or a metadata date such as
//! last-modified). Dates in the running story are events, never the publication date.
//!
//! # Stable ids
//!
//! Re-indexing the same input must give the same [`Article::id`], otherwise a second run would
//! duplicate every document instead of replacing it. So the id is, in order of preference:
//!
//! 1. the record's own id (`id`, `_id`, `uuid`, ..., or a text header `ID:`), trimmed;
//! 2. its URL, normalised (lowercase scheme and host, no `#fragment`, no trailing `/`, no
//!    `utm_*`/`fbclid`/`gclid`-style tracking parameters), so the same story shared through
//!    different links still collapses to one document;
//! 3. `h:` + 16 hex digits of xxh3-64 over the file *name* (not its directory), the cleaned
//!    title and the cleaned body. The directory is left out so that `./corpus` and `corpus`, or
//!    a corpus moved elsewhere, give the same ids. Two records with identical name, title and
//!    body are the same document as far as the index is concerned.

#![warn(missing_docs)]

mod article;
mod boilerplate;
mod clean;
mod date;
mod discover;
mod error;
mod fields;
mod formats;
mod id;
mod one_line;
mod progress;
mod site_titles;
mod status_line;
mod web_address;

use std::path::{Path, PathBuf};

pub use article::{Article, Origin};
pub use clean::clean_text;
pub use date::parse_date;
pub use discover::discover;
pub use error::ReadError;
pub use progress::BytesRead;
pub use site_titles::{strip_repeated_site_names, SiteTitles, LOOKAHEAD as SITE_TITLE_LOOKAHEAD};
pub use web_address::{is_public_suffix, registrable_domain, site_name, url_host};

/// Compiles the cleaning rules now instead of on the first article read. Reading needs them
/// for every article and compiling them is the largest start-up cost of reading, so a command
/// can run this on another thread while it loads the tagger.
pub fn prepare() {
    boilerplate::prepare();
}

/// An HTML page's bytes as the reader decodes them: a byte-order mark, then valid UTF-8, then
/// the charset the page declares, then a detected legacy encoding. `path` names the page in
/// warnings. For tools that hand the same text to other extractors.
pub fn decode_html<'a>(bytes: &'a [u8], path: &Path) -> std::borrow::Cow<'a, str> {
    formats::decode_page(bytes, path)
}

/// Reads every article in one file, lazily.
///
/// The format follows the extension, looking through a `.gz` suffix (see the crate docs). JSON
/// Lines files are streamed line by line; a bad line yields an `Err` naming `file:line` and reading continues with the next one.
/// A file that cannot be opened yields a single [`ReadError::Io`]. The iterator owns everything
/// it needs, so it can be moved to another thread.
pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    read_file_with(path, ReadLimits::default())
}

/// [`read_file`] with other [`ReadLimits`].
pub fn read_file_with(
    path: &Path,
    limits: ReadLimits,
) -> Box<dyn Iterator<Item = Result<Article, ReadError>> + Send> {
    formats::read_file(path, limits, &BytesRead::new())
}

/// What one file may cost to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The largest file read, after decompression, and the longest JSON Lines record; larger
    /// ones are [`ReadError::TooLarge`]. No article is that long, and reading a huge file
    /// whole could exhaust memory.
    pub max_bytes: u64,
}

impl ReadLimits {
    /// The default [`ReadLimits::max_bytes`]: 64 MB.
    pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

/// [`read_file_with`] each of `files` in order, as one stream whose titles lose the parts their
/// site repeats across pages ([`strip_repeated_site_names`]). This is how a command reads a
/// corpus: a single article read alone keeps such parts.
///
/// `bytes_read` counts the bytes read from the files, for progress against their total size.
pub fn read_files(
    files: Vec<PathBuf>,
    limits: ReadLimits,
    bytes_read: &BytesRead,
) -> SiteTitles<impl Iterator<Item = Result<Article, ReadError>> + Send> {
    let bytes_read = bytes_read.clone();
    strip_repeated_site_names(
        files
            .into_iter()
            .flat_map(move |file| formats::read_file(&file, limits, &bytes_read)),
    )
}

/// [`discover()`] the inputs, then [`read_files`] them in order.
///
/// Problems finding inputs (a missing path, an unsupported file named explicitly) are yielded as
/// items ahead of the articles, and the remaining inputs are still read, so a caller that logs
/// and skips errors sees every problem at once.
pub fn read_inputs(
    paths: &[PathBuf],
) -> impl Iterator<Item = Result<Article, ReadError>> + Send + 'static {
    let (files, errors) = discover::discover_all(paths);
    errors
        .into_iter()
        .map(Err)
        .chain(read_files(files, ReadLimits::default(), &BytesRead::new()))
}
