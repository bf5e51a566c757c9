//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsfacet_article::ReadLimits;
use newsfacet_query::{parse_date, NaiveDate};

/// Default corpus read by `newsfacet index` without paths.
pub const DEFAULT_CORPUS: &str = "index-data/corpus";
/// Default index directory.
pub const DEFAULT_INDEX: &str = "index-data/index";

/// Full-text search over news, with facets for speakers, countries, sources and entities.
#[derive(Debug, Parser)]
#[command(name = "newsfacet", version, about, propagate_version = true)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug). RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, global = true, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read, tag and index articles (files or directories, recursively).
    Index(IndexArgs),
    /// Search the index, with facet filters and counts.
    Search(SearchArgs),
    /// Search the text of quotes: who said what, with the article each quote is from.
    Quotes(QuotesArgs),
    /// List the values of one facet with their counts.
    Facets(FacetsArgs),
    /// Read and tag articles without an index; prints JSON Lines with --json.
    Analyze(AnalyzeArgs),
    /// Build or inspect the gazetteers.
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },
    /// Print one article by id: metadata, facets, quotes and body.
    Show(ShowArgs),
    /// Summarise the index: counts, size, date range, top facet values, versions.
    Stats(StatsArgs),
    /// Serve the index over HTTP: a JSON API and a web page for searching it (read-only).
    Serve(ServeArgs),
    /// Print a shell completion script for bash, zsh, fish, elvish or powershell.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a directory.
    Man(ManArgs),
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Regenerate index-data/gazetteers from the public sources and the curated lists.
    Build(GazetteerBuildArgs),
    /// Count gazetteer entries by type.
    Stats(GazetteerStatsArgs),
}

/// Extra gazetteer files merged with the bundled ones.
#[derive(Debug, Args, Clone, Default)]
pub struct GazetteerArgs {
    /// A user gazetteer (.tsv or .jsonl; see the README); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or directories to read [default: index-data/corpus]
    pub paths: Vec<PathBuf>,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Indexing memory budget in MB.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory: usize,
    /// Commit every N records read, so that a crash or kill loses at most that much work;
    /// re-running the same command completes the job.
    #[arg(long, default_value_t = 20_000, value_name = "N")]
    pub commit_every: usize,
    /// Skip files (and JSON Lines records) larger than this, after decompression.
    #[arg(long, default_value_t = ReadLimits::DEFAULT_MAX_BYTES / (1024 * 1024), value_name = "MB")]
    pub max_file_size: u64,
    /// Commit at least this often during a long run.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub commit_seconds: u64,
}

/// Facet filters shared by `search`, `quotes` and `facets`. Values match case-insensitively
/// and through gazetteer aliases; a repeated flag ORs, different flags AND. With `quotes`, the
/// other filters select quotes from matching articles.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only articles quoting this speaker (with `quotes`: only quotes by this speaker).
    #[arg(long, value_name = "S")]
    pub speaker: Vec<String>,
    /// Only articles about this country.
    #[arg(long, value_name = "C")]
    pub country: Vec<String>,
    /// Only articles from this source (publisher).
    #[arg(long, value_name = "SRC")]
    pub source: Vec<String>,
    /// Only articles whose story came from this wire or outlet (e.g. Reuters, also when
    /// republished by another publisher).
    #[arg(long, value_name = "WIRE")]
    pub origin: Vec<String>,
    /// Only articles mentioning this person.
    #[arg(long, value_name = "P")]
    pub person: Vec<String>,
    /// Only articles mentioning this organization.
    #[arg(long, value_name = "O")]
    pub org: Vec<String>,
    /// Only articles mentioning this place.
    #[arg(long, value_name = "L")]
    pub place: Vec<String>,
    /// Leave out articles quoting this speaker (`none`: articles quoting no named speaker).
    #[arg(long, value_name = "S")]
    pub not_speaker: Vec<String>,
    /// Leave out articles about this country.
    #[arg(long, value_name = "C")]
    pub not_country: Vec<String>,
    /// Leave out articles from this source (`none`: articles whose source is unknown).
    #[arg(long, value_name = "SRC")]
    pub not_source: Vec<String>,
    /// Leave out articles whose story came from this wire or outlet.
    #[arg(long, value_name = "WIRE")]
    pub not_origin: Vec<String>,
    /// Leave out articles mentioning this person.
    #[arg(long, value_name = "P")]
    pub not_person: Vec<String>,
    /// Leave out articles mentioning this organization.
    #[arg(long, value_name = "O")]
    pub not_org: Vec<String>,
    /// Leave out articles mentioning this place.
    #[arg(long, value_name = "L")]
    pub not_place: Vec<String>,
}

/// How the words of the query text match, shared by `search`, `quotes` and `facets`.
#[derive(Debug, Args, Clone, Default)]
pub struct TextArgs {
    /// Match every word as written, not stemmed (`=word` does it for one word).
    #[arg(long)]
    pub exact: bool,
    /// Also match words of 5 or more letters with a typo (one edit; two from 8 letters).
    #[arg(long)]
    pub fuzzy: bool,
    /// Search names only as typed, without the other spellings the gazetteer knows.
    #[arg(long)]
    pub no_variants: bool,
    /// How words without AND/OR combine: all required (and) or any (or).
    #[arg(long, value_enum, default_value_t = OperatorName::And, value_name = "OP")]
    pub operator: OperatorName,
}

/// The default operator between query words.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum OperatorName {
    /// Every word is required.
    #[default]
    And,
    /// Any word may match; more matching words rank higher.
    Or,
}

/// Publication date bounds shared by `search`, `quotes` and `facets`. Undated articles are
/// left out once a bound is given.
#[derive(Debug, Args, Clone, Default)]
pub struct DateArgs {
    /// Only articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
}

/// The order of hits.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum SortName {
    /// Best match first (newest first when there is no query text).
    #[default]
    Relevance,
    /// Newest first, undated last.
    Date,
}

/// What facet counts count.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum CountByName {
    /// Each article once.
    #[default]
    Article,
    /// Each story once: syndicated copies of one text count as one.
    Story,
}

/// Where and how `search` and `quotes` look, and how they print.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub dates: DateArgs,
    /// Order of the hits.
    #[arg(long, value_enum, default_value_t = SortName::Relevance)]
    pub sort: SortName,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in tantivy syntax over title and body: words (all required), "phrases",
    /// OR / AND / NOT, -excluded, title:word; `*` for every article, newest first.
    pub query: String,
    #[command(flatten)]
    pub options: QueryArgs,
    #[command(flatten)]
    pub script: ScriptArgs,
    /// One hit per story: the best copy, with the other outlets that ran it.
    #[arg(long)]
    pub collapse: bool,
    /// Count the facet values in the summary per article or per story.
    #[arg(long, value_enum, default_value_t = CountByName::Article)]
    pub count_by: CountByName,
    /// Only the copies of this story (a story id from the JSON output).
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Query in tantivy syntax over the quote text (stemmed): words (all required),
    /// "phrases", OR / AND / NOT, -excluded. Omitted or `*`: every quote, newest first.
    pub query: Option<String>,
    #[command(flatten)]
    pub options: QueryArgs,
    #[command(flatten)]
    pub script: ScriptArgs,
}

/// The bucket width of a date histogram.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum IntervalName {
    Day,
    Week,
    #[default]
    Month,
}

/// What `facets --field` lists: a facet, or (`date`) the publication dates as a histogram.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FacetName {
    Speaker,
    Country,
    Source,
    Origin,
    Person,
    Org,
    Place,
    Date,
}

#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// Optional query restricting the articles counted.
    pub query: Option<String>,
    /// The facet to list; `date` for a histogram of the matches by publication date.
    #[arg(long, value_enum)]
    pub field: FacetName,
    /// Only values having a word that starts with this (case and accents ignored).
    #[arg(long, value_name = "TEXT")]
    pub prefix: Option<String>,
    /// The bucket width of `--field date`.
    #[arg(long, value_enum, default_value_t = IntervalName::Month)]
    pub interval: IntervalName,
    #[command(flatten)]
    pub text: TextArgs,
    /// Number of values to list.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Count articles, or stories (syndicated copies of one text count as one).
    #[arg(long, value_enum, default_value_t = CountByName::Article)]
    pub count_by: CountByName,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub dates: DateArgs,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Files or directories to analyze.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object per article (JSON Lines).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct GazetteerBuildArgs {
    /// Folder of public sources (see ../shared/data/SOURCES.md).
    #[arg(long, default_value = "../shared/data/gazetteer-sources")]
    pub sources: PathBuf,
    /// Folder of the curated lists kept in the repository.
    #[arg(long, default_value = "crates/newsfacet-gazetteer-build/data")]
    pub curated: PathBuf,
    /// Where to write the compiled gazetteers.
    #[arg(long, default_value = "index-data/gazetteers")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct GazetteerStatsArgs {
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

// Output (issue 12): colour, output for scripts, and the commands that only print. Kept apart
// from the query flags above so that changes to either merge without touching the other.

/// When to colour the output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value (`CLICOLOR_FORCE` forces
    /// colour when piped).
    #[default]
    Auto,
    /// Always, even when piped or with `NO_COLOR`.
    Always,
    /// Never.
    Never,
}

/// The formats of `--format`, which stream every hit for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScriptFormat {
    /// One JSON object per hit and line (JSON Lines), with the chosen fields as keys.
    Ndjson,
    /// CSV with a header row (RFC 4180 quoting); lists are joined with "; ".
    Csv,
}

/// Every hit for scripts, instead of the page that `--limit`/`--offset` select.
#[derive(Debug, Args, Clone, Default)]
pub struct ScriptArgs {
    /// Stream every hit (all pages) as JSON Lines or CSV instead of one page.
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        conflicts_with_all = ["json", "limit", "offset"]
    )]
    pub format: Option<ScriptFormat>,
    /// The columns of --format, comma-separated: keys of a --json hit (see the README for
    /// the defaults).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FIELD,...",
        requires = "format"
    )]
    pub fields: Vec<String>,
    /// Hits fetched per query while streaming. Hidden: only tests set it, to stream a small
    /// corpus over several pages.
    #[arg(long, hide = true, default_value_t = 1000, requires = "format")]
    pub page_size: usize,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id (the `id` of a search hit).
    pub id: String,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Number of values listed per facet.
    #[arg(long, default_value_t = 5)]
    pub top: usize,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// `newsfacet serve`: where to listen and what to serve.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Index directory (read-only; new commits are seen without a restart).
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// The address to listen on; the default only accepts connections from this machine.
    #[arg(long, default_value = "127.0.0.1", value_name = "HOST")]
    pub host: String,
    /// The port to listen on; 0 picks a free one (printed on stderr).
    #[arg(long, default_value_t = 7700)]
    pub port: u16,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Allow pages from this origin (e.g. https://example.org) to call the API from a
    /// browser; repeatable. None by default.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Vec<String>,
    /// The longest a request may take before it is answered 503, in milliseconds. Hidden:
    /// only tests change it.
    #[arg(long, hide = true, default_value_t = 10_000, value_name = "MS")]
    pub timeout_ms: u64,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write newsfacet.1 and one page per subcommand (newsfacet-search.1, …) into this
    /// directory instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}
