//! Query parameters → requests of the query crate.
//!
//! Parameters are named as the command line's long flags (`not-speaker` for
//! `--not-speaker`), with `q` for the query text; filters repeat (`speaker=a&speaker=b`), every
//! other parameter is given at most once. Booleans take an empty value, `true` or `1` for
//! true and `false` or `0` for false. Each endpoint takes only the parameters of its command
//! (see [`Endpoint::params`]), so an unknown or misspelt one is an error rather than ignored.
//! Flags that only make sense locally (`--index`, `--gazetteer`, `--json`, `--format`, …) are
//! no parameters: the API never reads a file outside the index it serves.

use newsfacet_index::FacetField;
use newsfacet_query::{
    filter_param, parse_date, CountBy, DateRange, Filters, Interval, Named, Operator,
    SearchRequest, SortOrder, TextOptions, FILTER_PARAMS,
};

use crate::error::ApiError;
use crate::limits;

/// The endpoints that take parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `/api/search` (`newsfacet search`).
    Search,
    /// `/api/quotes` (`newsfacet quotes`).
    Quotes,
    /// `/api/facets` (`newsfacet facets`).
    Facets,
    /// `/api/stats` (`newsfacet stats`).
    Stats,
}

/// How words match: `exact`, `fuzzy`, `no-variants`, `operator`.
const TEXT: [&str; 4] = ["exact", "fuzzy", "no-variants", "operator"];
/// Date bounds.
const DATES: [&str; 2] = ["since", "until"];
/// What `search` and `quotes` share besides filters, text options and dates.
const QUERY: [&str; 4] = ["q", "sort", "limit", "offset"];
/// What only `search` takes.
const SEARCH: [&str; 3] = ["collapse", "count-by", "story"];
/// What `facets` takes besides filters, text options and dates.
const FACETS: [&str; 6] = ["q", "field", "prefix", "interval", "top", "count-by"];

impl Endpoint {
    /// The path of the endpoint.
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Search => "/api/search",
            Endpoint::Quotes => "/api/quotes",
            Endpoint::Facets => "/api/facets",
            Endpoint::Stats => "/api/stats",
        }
    }

    /// Every parameter the endpoint takes.
    pub fn params(self) -> Vec<&'static str> {
        let filters = FILTER_PARAMS.iter().map(|p| p.name);
        match self {
            Endpoint::Search => QUERY
                .into_iter()
                .chain(SEARCH)
                .chain(TEXT)
                .chain(DATES)
                .chain(filters)
                .collect(),
            Endpoint::Quotes => QUERY
                .into_iter()
                .chain(TEXT)
                .chain(DATES)
                .chain(filters)
                .collect(),
            Endpoint::Facets => FACETS
                .into_iter()
                .chain(TEXT)
                .chain(DATES)
                .chain(filters)
                .collect(),
            Endpoint::Stats => vec!["top"],
        }
    }
}

/// The decoded `name=value` pairs of a query string, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes a query string (`None` when the URL has none), checking each name against
    /// what `endpoint` takes and every value against the length limit.
    pub fn parse(endpoint: Endpoint, query: Option<&str>) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect();
        let allowed = endpoint.params();
        let mut filter_values = 0;
        for (name, value) in &pairs {
            if !allowed.contains(&name.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {name:?} for {}; it takes {}",
                    endpoint.path(),
                    allowed.join(", ")
                )));
            }
            if value.chars().count() > limits::MAX_TEXT_CHARS {
                return Err(ApiError::bad_request(format!(
                    "parameter {name:?} is longer than {} characters",
                    limits::MAX_TEXT_CHARS
                )));
            }
            if filter_param(name).is_some() {
                filter_values += 1;
            } else if pairs.iter().filter(|(n, _)| n == name).count() > 1 {
                return Err(ApiError::bad_request(format!(
                    "parameter {name:?} is given more than once"
                )));
            }
        }
        if filter_values > limits::MAX_FILTER_VALUES {
            return Err(ApiError::bad_request(format!(
                "more than {} filter values",
                limits::MAX_FILTER_VALUES
            )));
        }
        Ok(Params { pairs })
    }

    /// The value of a single-valued parameter, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A boolean parameter: absent is false; empty, `true` or `1` true; `false` or `0` false.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name) {
            None => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some("false" | "0") => Ok(false),
            Some(other) => Err(ApiError::bad_request(format!(
                "parameter {name:?} is a boolean (true, 1, false or 0), not {other:?}"
            ))),
        }
    }

    /// A number parameter at most `max`, or `default` when absent.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(text) = self.get(name) else {
            return Ok(default);
        };
        let value: usize = text.trim().parse().map_err(|_| {
            ApiError::bad_request(format!(
                "parameter {name:?} is a number (0 to {max}), not {text:?}"
            ))
        })?;
        if value > max {
            return Err(ApiError::bad_request(format!(
                "parameter {name:?} is at most {max}, not {value}"
            )));
        }
        Ok(value)
    }

    /// A parameter naming one of a few values (`sort=date`), or the default when absent.
    pub fn named<T: Named + Default>(&self, name: &str) -> Result<T, ApiError> {
        match self.get(name) {
            None => Ok(T::default()),
            Some(text) => T::from_name(text).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "parameter {name:?} is {}, not {text:?}",
                    T::expected()
                ))
            }),
        }
    }

    /// A date parameter, `YYYY-MM-DD`.
    fn date(&self, name: &str) -> Result<Option<newsfacet_query::NaiveDate>, ApiError> {
        self.get(name)
            .map(|text| {
                parse_date(text).map_err(|message| {
                    ApiError::bad_request(format!("parameter {name:?}: {message}"))
                })
            })
            .transpose()
    }

    /// The filters of every filter parameter, in order.
    pub fn filters(&self) -> Filters {
        Filters::from_params(
            self.pairs
                .iter()
                .filter_map(|(name, value)| filter_param(name).map(|p| (p, value.as_str()))),
        )
    }

    /// `exact`, `fuzzy`, `no-variants` and `operator`.
    pub fn text(&self) -> Result<TextOptions, ApiError> {
        Ok(TextOptions {
            exact: self.flag("exact")?,
            fuzzy: self.flag("fuzzy")?,
            no_variants: self.flag("no-variants")?,
            operator: self.named::<Operator>("operator")?,
        })
    }

    /// `since` and `until`.
    pub fn dates(&self) -> Result<DateRange, ApiError> {
        Ok(DateRange {
            since: self.date("since")?,
            until: self.date("until")?,
        })
    }

    /// The query text `q`, if given.
    pub fn query(&self) -> Option<String> {
        self.get("q").map(str::to_string)
    }
}

/// The request of `/api/search` or `/api/quotes`: what `newsfacet search`/`quotes` build from
/// the same flags, with the command line's defaults (10 hits from the first).
pub fn search_request(endpoint: Endpoint, params: &Params) -> Result<SearchRequest, ApiError> {
    let mut request = SearchRequest {
        query: params.query(),
        filters: params.filters(),
        text: params.text()?,
        dates: params.dates()?,
        sort: params.named::<SortOrder>("sort")?,
        limit: params.number("limit", limits::DEFAULT_LIMIT, limits::MAX_LIMIT)?,
        offset: params.number("offset", 0, limits::MAX_OFFSET)?,
        ..SearchRequest::default()
    };
    if endpoint == Endpoint::Search {
        request.collapse = params.flag("collapse")?;
        request.count_by = params.named::<CountBy>("count-by")?;
        request.story = params.get("story").map(str::to_string);
    }
    Ok(request)
}

/// What `/api/facets` lists: a facet, or (`field=date`) a histogram of the matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetTarget {
    /// The values of one facet dimension.
    Facet(FacetField),
    /// Matches by publication date.
    Dates(Interval),
}

/// The request of `/api/facets`, as `newsfacet facets` builds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetsRequest {
    /// The matches counted.
    pub request: SearchRequest,
    /// What is listed.
    pub target: FacetTarget,
    /// Number of values listed.
    pub top: usize,
    /// Only values with a word starting with this.
    pub prefix: Option<String>,
}

/// The request of `/api/facets`; `field` is required.
pub fn facets_request(params: &Params) -> Result<FacetsRequest, ApiError> {
    let field = params.get("field").ok_or_else(|| {
        ApiError::bad_request(format!(
            "parameter \"field\" is required: {} or date",
            FacetField::ALL.map(FacetField::as_str).join(", ")
        ))
    })?;
    let interval = params.named::<Interval>("interval")?;
    let target = if field == "date" {
        FacetTarget::Dates(interval)
    } else {
        let facet = FacetField::ALL
            .into_iter()
            .find(|f| f.as_str() == field)
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "parameter \"field\" is {} or date, not {field:?}",
                    FacetField::ALL.map(FacetField::as_str).join(", ")
                ))
            })?;
        FacetTarget::Facet(facet)
    };
    Ok(FacetsRequest {
        request: SearchRequest {
            query: params.query(),
            text: params.text()?,
            filters: params.filters(),
            dates: params.dates()?,
            count_by: params.named::<CountBy>("count-by")?,
            ..SearchRequest::default()
        },
        target,
        top: params.number("top", limits::DEFAULT_FACET_TOP, limits::MAX_TOP)?,
        prefix: params.get("prefix").map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(endpoint: Endpoint, query: &str) -> Result<Params, ApiError> {
        Params::parse(endpoint, Some(query))
    }

    #[test]
    fn filters_repeat_and_keep_their_order() {
        let p = params(
            Endpoint::Search,
            "q=oil&speaker=a&speaker=b&not-country=Japan",
        )
        .map_err(|e| e.message);
        let request = p.and_then(|p| search_request(Endpoint::Search, &p).map_err(|e| e.message));
        let request = request.unwrap_or_default();
        assert_eq!(request.query.as_deref(), Some("oil"));
        assert_eq!(request.filters.included(FacetField::Speaker), ["a", "b"]);
        assert_eq!(
            request.filters.excluded_values(FacetField::Country),
            ["Japan"]
        );
        assert_eq!(request.limit, 10);
    }

    #[test]
    fn unknown_repeated_and_oversized_parameters_are_refused() {
        let unknown = params(Endpoint::Search, "q=a&index=/etc").map(|_| ());
        assert!(matches!(unknown, Err(e) if e.message.contains("\"index\"")));
        let twice = params(Endpoint::Search, "limit=1&limit=2").map(|_| ());
        assert!(matches!(twice, Err(e) if e.message.contains("more than once")));
        let long = format!("q={}", "a".repeat(limits::MAX_TEXT_CHARS + 1));
        assert!(params(Endpoint::Search, &long).is_err());
        let over = params(Endpoint::Search, "limit=201")
            .and_then(|p| search_request(Endpoint::Search, &p).map(|_| ()));
        assert!(matches!(over, Err(e) if e.message.contains("at most 200")));
        // Only search collapses; facets take no paging.
        assert!(params(Endpoint::Quotes, "collapse=1").is_err());
        assert!(params(Endpoint::Facets, "limit=1").is_err());
    }

    #[test]
    fn booleans_and_names_read_as_documented() {
        for (value, expected) in [("", true), ("true", true), ("1", true), ("0", false)] {
            let p = params(Endpoint::Search, &format!("exact={value}"));
            assert_eq!(p.and_then(|p| p.flag("exact")).ok(), Some(expected));
        }
        let p = params(Endpoint::Search, "exact=yes&sort=newest");
        assert!(p
            .as_ref()
            .map(|p| p.flag("exact").is_err())
            .unwrap_or(false));
        assert!(p
            .map(|p| p.named::<SortOrder>("sort").is_err())
            .unwrap_or(false));
    }

    #[test]
    fn facets_need_a_known_field() {
        let read = |q: &str| params(Endpoint::Facets, q).and_then(|p| facets_request(&p));
        assert!(read("q=oil").is_err());
        assert!(read("field=speakers").is_err());
        assert_eq!(
            read("field=date&interval=week").map(|r| r.target),
            Ok(FacetTarget::Dates(Interval::Week))
        );
        assert_eq!(
            read("field=org&top=3").map(|r| (r.target, r.top)),
            Ok((FacetTarget::Facet(FacetField::Org), 3))
        );
    }
}
