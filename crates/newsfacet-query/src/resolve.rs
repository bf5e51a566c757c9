//! Resolving user-typed facet filter values to the values actually in the index.

use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, Entry, Gazetteer};
use newsfacet_index::FacetField;

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
    fn fallback_only_applies_when_nothing_else_matched() {
        let indexed = values(&["Georgia", "Georgia Tech"]);
        let found = resolve_values(FacetField::Org, "georgia", &indexed, &Gazetteer::default());
        assert_eq!(found, vec!["Georgia"]);
    }
}
