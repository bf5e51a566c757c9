//! One module per subcommand.

pub mod analyze;
pub mod facets;
pub mod gazetteer;
pub mod generate;
pub mod index;
pub mod quotes;
pub mod script;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;

use newsfacet_gazetteer::Gazetteer;
use newsfacet_index::{FacetField, NewsIndex};
use newsfacet_query::{
    CountBy, DateRange, Filters, Interval, Operator, QueryError, ResolvedFilter, SearchRequest,
    SortOrder, TextOptions, FILTER_PARAMS,
};

use crate::cli::{
    CountByName, DateArgs, FacetName, FilterArgs, IntervalName, OperatorName, QueryArgs, SortName,
    TextArgs,
};
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

impl FacetName {
    /// The facet this names; `None` for `date`, which is no facet but a histogram.
    pub fn facet(self) -> Option<FacetField> {
        Some(match self {
            FacetName::Speaker => FacetField::Speaker,
            FacetName::Country => FacetField::Country,
            FacetName::Source => FacetField::Source,
            FacetName::Origin => FacetField::Origin,
            FacetName::Person => FacetField::Person,
            FacetName::Org => FacetField::Org,
            FacetName::Place => FacetField::Place,
            FacetName::Date => return None,
        })
    }
}

impl From<IntervalName> for Interval {
    fn from(name: IntervalName) -> Self {
        match name {
            IntervalName::Day => Interval::Day,
            IntervalName::Week => Interval::Week,
            IntervalName::Month => Interval::Month,
        }
    }
}

impl From<&TextArgs> for TextOptions {
    fn from(args: &TextArgs) -> Self {
        TextOptions {
            exact: args.exact,
            fuzzy: args.fuzzy,
            no_variants: args.no_variants,
            operator: match args.operator {
                OperatorName::And => Operator::And,
                OperatorName::Or => Operator::Or,
            },
        }
    }
}

/// The query crate's filters from the command-line flags.
pub fn filters(args: &FilterArgs) -> Filters {
    Filters::from_params(
        FILTER_PARAMS
            .into_iter()
            .zip(args.values())
            .flat_map(|(param, values)| values.iter().map(move |value| (param, value.as_str()))),
    )
}

impl FilterArgs {
    /// The values of every filter flag, in the order of [`FILTER_PARAMS`] (which the test
    /// below checks against the flags clap defines).
    fn values(&self) -> [&Vec<String>; FILTER_PARAMS.len()] {
        [
            &self.speaker,
            &self.country,
            &self.source,
            &self.origin,
            &self.person,
            &self.org,
            &self.place,
            &self.not_speaker,
            &self.not_country,
            &self.not_source,
            &self.not_origin,
            &self.not_person,
            &self.not_org,
            &self.not_place,
        ]
    }
}

/// Says on stderr how the filter values were read: a warning for each value that matched
/// nothing (with the index values spelled like it), and a note for each value that selected
/// several values, which all apply as alternatives. Values named in the query text
/// (`speaker:…`) are only in `unmatched`.
pub fn report_filters(unmatched: &[(String, String)], filters: &[ResolvedFilter]) {
    for filter in filters {
        if filter.values.len() > 1 {
            eprintln!(
                "newsfacet: note: {} {:?} selects {} values: {}",
                filter.field,
                filter.input,
                filter.values.len(),
                filter.values.join(", ")
            );
        }
    }
    for (field, value) in unmatched {
        let suggestions = filters
            .iter()
            .find(|f| f.field.as_str() == field && &f.input == value)
            .map(|f| f.did_you_mean.as_slice())
            .unwrap_or_default();
        if suggestions.is_empty() {
            eprintln!("newsfacet: warning: no {field} matching {value:?} in the index");
        } else {
            eprintln!(
                "newsfacet: warning: no {field} matching {value:?} in the index; did you mean {}?",
                suggestions.join(", ")
            );
        }
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
        text: (&args.text).into(),
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

#[cfg(test)]
mod tests {
    use clap::{Args, Command};

    use super::*;

    /// The flags clap defines for [`FilterArgs`] are those of [`FILTER_PARAMS`], in the order
    /// [`FilterArgs::values`] lists them, so each flag's values go to its own filter.
    #[test]
    fn filter_flags_are_the_query_crates_filter_params_in_order() {
        let command = FilterArgs::augment_args(Command::new("filters"));
        let flags: Vec<&str> = command
            .get_arguments()
            .filter_map(|arg| arg.get_long())
            .collect();
        let params: Vec<&str> = FILTER_PARAMS.iter().map(|p| p.name).collect();
        assert_eq!(flags, params);
        let mut args = FilterArgs::default();
        args.not_org.push("x".into());
        args.country.push("y".into());
        let filters = filters(&args);
        assert_eq!(filters.excluded_values(FacetField::Org), ["x"]);
        assert_eq!(filters.included(FacetField::Country), ["y"]);
        assert!(filters.included(FacetField::Org).is_empty());
    }
}
