//! Resolving user-typed facet filter values to the values actually in the index.

use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, Entry, Gazetteer};
use newsfacet_index::FacetField;

use crate::results::FacetCount;

/// Every value in `indexed` that the user-typed `input` designates for `field`.
///
/// Values are compared by their group keys ([`FacetField::group_key`]). A value matches when
/// it has the input's key ("turkiye" → "Türkiye", "general motors corp" → "General Motors"), or
/// when the gazetteer resolves the input to an entry whose name or one of whose aliases folds
/// to the value ("Shoygu" → "Sergei Shoigu"). Only when neither finds anything, a value also
/// matches when the folded input is a whole-word run inside it ("petrova" → "Anya Petrova"),
/// so that people and organizations missing from the gazetteer can still be named briefly.
pub fn resolve_values(
    field: FacetField,
    input: &str,
    indexed: &[String],
    gazetteer: &Gazetteer,
) -> Vec<String> {
    let wanted = field.group_key(input);
    if wanted.is_empty() {
        return Vec::new();
    }
    let entries = gazetteer_entries(gazetteer, field, input);
    let entry_names: Vec<String> = entries
        .iter()
        .flat_map(|e| e.names())
        .map(|name| field.group_key(name))
        .collect();
    let mut matched: Vec<String> = indexed
        .iter()
        .filter(|value| {
            let key = field.group_key(value);
            key == wanted || entry_names.contains(&key)
        })
        .cloned()
        .collect();
    if matched.is_empty() {
        let needle = words(&wanted);
        if !needle.is_empty() {
            matched = indexed
                .iter()
                .filter(|value| {
                    words(&fold(value))
                        .windows(needle.len())
                        .any(|window| window == needle.as_slice())
                })
                .cloned()
                .collect();
        }
    }
    matched
}

/// How many suggestions an unknown filter value gets at most.
const MAX_SUGGESTIONS: usize = 3;

/// Index values spelled like an input that matched nothing, for "did you mean": values (or
/// runs of their words, "shoigo" → "Sergei Shoigu") within a small edit distance of the
/// folded input (1 edit up to 4 letters, 2 up to 8, else 3), nearest first, then the most
/// frequent. `counts` are the dimension's indexed values (group keys) with their counts;
/// suggestions are keys from it.
pub fn suggestions(field: FacetField, input: &str, counts: &[FacetCount]) -> Vec<String> {
    let wanted = field.group_key(input);
    let letters = wanted.chars().count();
    if letters == 0 {
        return Vec::new();
    }
    let allowed = match letters {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let wanted_words = words(&wanted).len().max(1);
    let mut near: Vec<(usize, u64, &str)> = counts
        .iter()
        .filter_map(|count| {
            let key = count.value.as_str();
            let key_words = words(key);
            let runs = key_words
                .windows(wanted_words.min(key_words.len()).max(1))
                .map(|run| strsim::damerau_levenshtein(&wanted, &run.join(" ")));
            let distance = runs
                .chain([strsim::damerau_levenshtein(&wanted, key)])
                .min()?;
            (distance <= allowed).then_some((distance, count.count, key))
        })
        .collect();
    near.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    near.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, key)| key.to_string())
        .collect()
}

/// The gazetteer entries the input can name for this facet dimension.
fn gazetteer_entries<'g>(
    gazetteer: &'g Gazetteer,
    field: FacetField,
    input: &str,
) -> Vec<&'g Entry> {
    let found = match field {
        // A speaker is a person or, failing that, an organization (a ministry, a company).
        FacetField::Speaker => vec![
            gazetteer.resolve(input, EntityType::Person),
            gazetteer.resolve(input, EntityType::Organization),
        ],
        FacetField::Person => vec![gazetteer.resolve(input, EntityType::Person)],
        FacetField::Org => vec![gazetteer.resolve(input, EntityType::Organization)],
        FacetField::Place => vec![gazetteer.resolve(input, EntityType::Place)],
        FacetField::Country => vec![gazetteer.resolve_country(input)],
        // An origin is a publisher too: a wire or the outlet that wrote the story.
        FacetField::Source | FacetField::Origin => vec![gazetteer.resolve_publisher(input)],
    };
    found.into_iter().flatten().collect()
}

/// The words of folded text: runs of letters and digits.
fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query crate's shared test gazetteer (Shoigu/Shoygu, Turkey/Türkiye, Reuters).
    fn gazetteer() -> Gazetteer {
        crate::tests::gazetteer()
    }

    fn values(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        let indexed = values(&["Recep Tayyip Erdoğan", "Anya Petrova"]);
        let found = resolve_values(
            FacetField::Speaker,
            "recep tayyip erdogan",
            &indexed,
            &Gazetteer::default(),
        );
        assert_eq!(found, vec!["Recep Tayyip Erdoğan"]);
    }

    #[test]
    fn resolves_aliases_through_the_gazetteer() {
        let indexed = values(&["Sergei Shoigu", "Turkey", "Russia"]);
        let g = gazetteer();
        assert_eq!(
            resolve_values(FacetField::Speaker, "SHOYGU", &indexed, &g),
            vec!["Sergei Shoigu"]
        );
        assert_eq!(
            resolve_values(FacetField::Country, "türkiye", &indexed, &g),
            vec!["Turkey"]
        );
        assert_eq!(
            resolve_values(FacetField::Country, "tr", &indexed, &g),
            vec!["Turkey"]
        );
        // The wrong entity type does not resolve.
        assert!(resolve_values(FacetField::Place, "shoygu", &indexed, &g).is_empty());
    }

    #[test]
    fn falls_back_to_whole_word_runs() {
        let indexed = values(&["Anya Petrova", "Petrovanova Inc", "Sergei Shoigu"]);
        let g = Gazetteer::default();
        assert_eq!(
            resolve_values(FacetField::Speaker, "petrova", &indexed, &g),
            vec!["Anya Petrova"]
        );
        assert_eq!(
            resolve_values(FacetField::Speaker, "Shoigu", &indexed, &g),
            vec!["Sergei Shoigu"]
        );
        assert!(resolve_values(FacetField::Speaker, "shoigu sergei", &indexed, &g).is_empty());
        assert!(resolve_values(FacetField::Speaker, "  ", &indexed, &g).is_empty());
    }

    #[test]
    fn unknown_values_get_suggestions_spelled_like_them() {
        let counts: Vec<FacetCount> = [("sergei shoigu", 9), ("sergei lavrov", 5), ("shoigu", 1)]
            .iter()
            .map(|&(value, count)| FacetCount {
                value: value.to_string(),
                count,
            })
            .collect();
        assert_eq!(
            suggestions(FacetField::Speaker, "shoigo", &counts),
            ["sergei shoigu", "shoigu"]
        );
        assert_eq!(
            suggestions(FacetField::Speaker, "Sergei Lavrof", &counts),
            ["sergei lavrov"]
        );
        assert!(suggestions(FacetField::Speaker, "merkel", &counts).is_empty());
        assert!(suggestions(FacetField::Speaker, " ", &counts).is_empty());
    }

    #[test]
    fn fallback_only_applies_when_nothing_else_matched() {
        let indexed = values(&["Georgia", "Georgia Tech"]);
        let found = resolve_values(FacetField::Org, "georgia", &indexed, &Gazetteer::default());
        assert_eq!(found, vec!["Georgia"]);
    }
}
