//! The names of request options as the command line spells its flags and the HTTP API its
//! query parameters (`--not-speaker` and `not-speaker=`), kept here as data so that the two
//! front ends read them alike: the filter flags ([`FILTER_PARAMS`]) and the values of the
//! options that take a name ([`SortOrder::NAMES`] and the like).

use newsfacet_index::FacetField;

use crate::histogram::Interval;
use crate::request::{CountBy, Filters, Operator, SortOrder};

/// A facet filter flag: `--speaker S` adds `S` to the speaker values, `--not-speaker S`
/// excludes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterParam {
    /// The flag's long name without dashes, which is also the API parameter.
    pub name: &'static str,
    /// The dimension filtered.
    pub field: FacetField,
    /// Whether the values are excluded rather than required.
    pub excluded: bool,
}

impl FilterParam {
    const fn new(name: &'static str, field: FacetField, excluded: bool) -> FilterParam {
        FilterParam {
            name,
            field,
            excluded,
        }
    }
}

/// Every filter flag, in the order of the command line's help: the dimensions of
/// [`FacetField::ALL`], then their exclusions.
pub const FILTER_PARAMS: [FilterParam; 14] = [
    FilterParam::new("speaker", FacetField::Speaker, false),
    FilterParam::new("country", FacetField::Country, false),
    FilterParam::new("source", FacetField::Source, false),
    FilterParam::new("origin", FacetField::Origin, false),
    FilterParam::new("person", FacetField::Person, false),
    FilterParam::new("org", FacetField::Org, false),
    FilterParam::new("place", FacetField::Place, false),
    FilterParam::new("not-speaker", FacetField::Speaker, true),
    FilterParam::new("not-country", FacetField::Country, true),
    FilterParam::new("not-source", FacetField::Source, true),
    FilterParam::new("not-origin", FacetField::Origin, true),
    FilterParam::new("not-person", FacetField::Person, true),
    FilterParam::new("not-org", FacetField::Org, true),
    FilterParam::new("not-place", FacetField::Place, true),
];

/// The filter flag named `name` (without dashes), if it is one.
pub fn filter_param(name: &str) -> Option<FilterParam> {
    FILTER_PARAMS.iter().copied().find(|p| p.name == name)
}

impl Filters {
    /// Adds one value of a filter flag: a required alternative, or an exclusion.
    pub fn push(&mut self, param: FilterParam, value: impl Into<String>) {
        if param.excluded {
            self.exclude(param.field, value);
        } else {
            self.add(param.field, value);
        }
    }

    /// The filters of `(flag, value)` pairs, in order.
    pub fn from_params<V: Into<String>>(
        pairs: impl IntoIterator<Item = (FilterParam, V)>,
    ) -> Filters {
        let mut filters = Filters::default();
        for (param, value) in pairs {
            filters.push(param, value);
        }
        filters
    }
}

/// An option whose value is one of a few names (`--sort date`, `sort=date`).
pub trait Named: Sized + Copy + 'static {
    /// Every value with its name, the default first.
    const NAMES: &'static [(&'static str, Self)];

    /// The value called `name` (exactly, as the command line takes it).
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, value)| value)
    }

    /// The names, for messages: `relevance or date`.
    fn expected() -> String {
        let names: Vec<&str> = Self::NAMES.iter().map(|(n, _)| *n).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            Some((last, _)) => (*last).to_string(),
            None => String::new(),
        }
    }
}

impl Named for SortOrder {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("relevance", SortOrder::Relevance),
        ("date", SortOrder::Date),
    ];
}

impl Named for CountBy {
    const NAMES: &'static [(&'static str, Self)] =
        &[("article", CountBy::Article), ("story", CountBy::Story)];
}

impl Named for Operator {
    const NAMES: &'static [(&'static str, Self)] = &[("and", Operator::And), ("or", Operator::Or)];
}

impl Named for Interval {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("month", Interval::Month),
        ("day", Interval::Day),
        ("week", Interval::Week),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_has_a_filter_and_an_exclusion() {
        for field in FacetField::ALL {
            let included = filter_param(field.as_str()).map(|p| (p.field, p.excluded));
            assert_eq!(included, Some((field, false)));
            let excluded =
                filter_param(&format!("not-{}", field.as_str())).map(|p| (p.field, p.excluded));
            assert_eq!(excluded, Some((field, true)));
        }
        assert_eq!(filter_param("speakers"), None);
    }

    #[test]
    fn names_read_exactly_and_list_for_messages() {
        assert_eq!(SortOrder::from_name("date"), Some(SortOrder::Date));
        assert_eq!(SortOrder::from_name("Date"), None);
        assert_eq!(SortOrder::expected(), "relevance or date");
        assert_eq!(Interval::expected(), "month, day or week");
    }
}
