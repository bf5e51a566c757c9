//! What a build did, for the `newsfacet gazetteer build` output: kept apart from the build
//! steps so that every step can record into it without depending on the crate root.

use serde::Serialize;

/// One written output file.
#[derive(Debug, Clone, Serialize)]
pub struct WrittenFile {
    /// File name inside the output folder.
    pub file: String,
    /// Entries (lines) written.
    pub entries: usize,
    /// Size in bytes.
    pub bytes: u64,
}

/// A name dropped because several entries carried it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SharedName {
    /// The name as first seen.
    pub name: String,
    /// Ids of every entry that carried it.
    pub entries: Vec<String>,
    /// The entry that keeps it, when one clearly owns it (its canonical name, or the one
    /// sovereign country among dependent territories).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_on: Option<String>,
}

/// How many domains of the `us-news-domains` hint list a curated publisher covers.
#[derive(Debug, Clone, Serialize)]
pub struct DomainCoverage {
    /// Domains in the hint list, the denominator of the coverage.
    pub listed: usize,
    /// Listed domains (or their parent domains) some curated source carries: a low share
    /// says `sources.tsv` is missing publishers.
    pub covered: usize,
}

/// What [`build`](crate::build) did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildReport {
    /// Every written file with its entry count.
    pub files: Vec<WrittenFile>,
    /// Sum of the file sizes.
    pub total_bytes: u64,
    /// Problems that did not stop the build (missing curated files, odd source rows).
    pub warnings: Vec<String>,
    /// Aliases removed because they named more than one entry of the same kind.
    pub dropped_shared_aliases: Vec<SharedName>,
    /// Country demonyms removed because more than one country carried them.
    pub dropped_shared_demonyms: Vec<SharedName>,
    /// Curated entries merged into source entries, as `curated name → id`.
    pub merges: Vec<String>,
    /// Latin-script GeoNames alternates dropped because two large cities shared them.
    pub dropped_shared_city_alternates: usize,
    /// GeoNames first-level subdivisions left out because their name is a generic word
    /// ("Central", "Western"), as `id name`.
    pub skipped_generic_regions: Vec<String>,
    /// Capitals taken from `countryInfo.txt` because no PPLC city matched.
    pub capitals_from_country_info: Vec<String>,
    /// Coverage of the `us-news-domains` hint list by curated publishers, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub us_news_domains: Option<DomainCoverage>,
}

impl BuildReport {
    pub(crate) fn warn(&mut self, message: impl Into<String>) {
        let message = message.into();
        tracing::warn!("{message}");
        self.warnings.push(message);
    }
}
