//! One module per subcommand.

pub mod analyze;
pub mod facets;
pub mod gazetteer;
pub mod index;
pub mod quotes;
pub mod search;

use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{FacetField, NewsIndex};
use newsfacet_query::{CountBy, DateRange, Filters, QueryError, SearchRequest, SortOrder};

use crate::cli::{CountByName, DateArgs, FacetName, FilterArgs, QueryArgs, SortName};
use crate::{gazetteers, UsageError};

impl From<SortName> for SortOrder {
    fn from(name: SortName) -> Self {
        match name {
            SortName::Relevance => SortOrder::Relevance,
            SortName::Date => SortOrder::Date,
        }
    }
}

impl From<CountByName> for CountBy {
    fn from(name: CountByName) -> Self {
        match name {
            CountByName::Article => CountBy::Article,
            CountByName::Story => CountBy::Story,
        }
    }
}

impl From<&DateArgs> for DateRange {
    fn from(args: &DateArgs) -> Self {
        DateRange {
            since: args.since,
            until: args.until,
        }
    }
}

impl From<FacetName> for FacetField {
    fn from(name: FacetName) -> Self {
        match name {
            FacetName::Speaker => FacetField::Speaker,
            FacetName::Country => FacetField::Country,
            FacetName::Source => FacetField::Source,
            FacetName::Origin => FacetField::Origin,
            FacetName::Person => FacetField::Person,
            FacetName::Org => FacetField::Org,
            FacetName::Place => FacetField::Place,
        }
    }
}

/// The query crate's filters from the command-line flags.
pub fn filters(args: &FilterArgs) -> Filters {
    let mut filters = Filters::default();
    let groups = [
        (FacetField::Speaker, &args.speaker),
        (FacetField::Country, &args.country),
        (FacetField::Source, &args.source),
        (FacetField::Origin, &args.origin),
        (FacetField::Person, &args.person),
        (FacetField::Org, &args.org),
        (FacetField::Place, &args.place),
    ];
    for (field, values) in groups {
        for value in values {
            filters.add(field, value.clone());
        }
    }
    filters
}

/// Prints a warning for each filter value that matched nothing in the index.
pub fn warn_unmatched(unmatched: &[(String, String)]) {
    for (field, value) in unmatched {
        eprintln!("newsfacet: warning: no {field} matching {value:?} in the index");
    }
}

/// The gazetteer, the opened index and the request that `search` and `quotes` run.
pub fn open_request(
    query: Option<String>,
    args: &QueryArgs,
) -> anyhow::Result<(Gazetteer, NewsIndex, SearchRequest)> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let index = NewsIndex::open(&args.index)?;
    let request = SearchRequest {
        query,
        filters: filters(&args.filters),
        dates: (&args.dates).into(),
        sort: args.sort.into(),
        limit: args.limit,
        offset: args.offset,
        ..SearchRequest::default()
    };
    Ok((gazetteer, index, request))
}

/// Query syntax errors are the user's to fix: exit status 2.
pub fn usage_or_failure(error: QueryError) -> anyhow::Error {
    if error.is_usage_error() {
        UsageError(error.to_string()).into()
    } else {
        error.into()
    }
}
