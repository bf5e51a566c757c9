//! Entity resolution on hand-written sentences.

use super::*;
use crate::matcher::Matcher;
use newsfacet_gazetteer::{kind, EntityType, Entry};

fn gazetteer() -> Gazetteer {
    let mut g = Gazetteer::default();
    let place = |id: &str, kind_: &str, name: &str, country: &str| {
        let mut e = Entry::new(id, EntityType::Place, kind_, name);
        e.country = Some(country.into());
        e
    };
    let mut us = place("country:US", kind::COUNTRY, "United States", "US");
    us.aliases = vec!["U.S.".into(), "US".into()];
    g.insert(us);
    let mut kr = place("country:KR", kind::COUNTRY, "South Korea", "KR");
    kr.aliases = vec!["Korea".into()];
    g.insert(kr);
    let mut au = place("country:AU", kind::COUNTRY, "Australia", "AU");
    au.demonyms = vec!["Australian".into()];
    g.insert(au);
    for (id, name, country) in [
        ("city:1", "Paul", "BR"),
        ("city:2", "Mitchell", "US"),
        ("city:3", "Madrid", "ES"),
        ("city:4", "Somerset", "GB"),
        ("city:5", "Taunton", "GB"),
        ("city:6", "Leicester", "GB"),
        ("city:7", "Clinton", "US"),
        ("city:8", "Essex", "GB"),
        ("city:9", "Moscow", "RU"),
        ("city:10", "March", "GB"),
    ] {
        g.insert(place(id, kind::CITY, name, country));
    }
    let mut wang = Entry::new("person:wang-yi", EntityType::Person, "official", "Wang Yi");
    wang.country = Some("CN".into());
    g.insert(wang);
    let mut ratcliffe = Entry::new(
        "person:john-ratcliffe",
        EntityType::Person,
        "official",
        "John Ratcliffe",
    );
    ratcliffe.aliases = vec!["Ratcliffe".into()];
    g.insert(ratcliffe);
    g
}

struct Fixture {
    gazetteer: Gazetteer,
    matcher: Matcher,
    names: NameLexicon,
}

fn fixture() -> Fixture {
    let gazetteer = gazetteer();
    let matcher = Matcher::with_common_words(&gazetteer, "march\n").expect("matcher");
    let names = NameLexicon::new(
        &gazetteer,
        "# test list\nAnthony\nDennis\nJohn\nPaul\nAlexander\nBill\n",
        "controversial\nyesterday\nmarch\nhill\nrangers\nam\nwent\n",
    );
    Fixture {
        gazetteer,
        matcher,
        names,
    }
}

/// `(type, name, surfaces)` of every entity in `text`.
fn entities(text: &str) -> Vec<(EntityType, String, Vec<String>)> {
    let f = fixture();
    let mentions = f.matcher.find(text);
    resolve(text, &mentions, &f.gazetteer, &f.names)
        .entities
        .into_iter()
        .map(|e| (e.entity_type, e.name, e.surface))
        .collect()
}

fn names_of(text: &str, ty: EntityType) -> Vec<String> {
    entities(text)
        .into_iter()
        .filter(|(t, _, _)| *t == ty)
        .map(|(_, name, _)| name)
        .collect()
}

#[test]
fn a_match_that_is_the_whole_name_stands() {
    assert_eq!(
        names_of("Talks in Moscow and Madrid ended.", EntityType::Place),
        vec!["Moscow", "Madrid"]
    );
}

#[test]
fn person_shaped_names_are_people_not_the_places_inside_them() {
    let text = "Dennis Mitchell and Paul Smith ran in Madrid.";
    assert_eq!(names_of(text, EntityType::Place), vec!["Madrid"]);
    assert_eq!(
        names_of(text, EntityType::Person),
        vec!["Dennis Mitchell", "Paul Smith"]
    );
    // An initial, or a surname-first family name, makes a name too.
    assert_eq!(
        names_of(
            "P. Simmons took four. Wang Donghai spoke. He saw A. Hollioake run.",
            EntityType::Person
        ),
        vec!["P. Simmons", "Wang Donghai", "A. Hollioake"]
    );
}

#[test]
fn initials_before_places_are_abbreviations() {
    let text = "Trade with S. Korea grew, U.S. Treasury data showed.";
    assert!(names_of(text, EntityType::Person).is_empty());
}

#[test]
fn a_title_makes_a_person_of_a_place_name() {
    assert_eq!(
        names_of("He met President Clinton in Moscow.", EntityType::Person),
        vec!["Clinton"]
    );
}

#[test]
fn a_known_person_is_kept_only_when_the_given_name_agrees() {
    assert_eq!(
        entities("J. Ratcliffe scored 63.")[0].1,
        "John Ratcliffe",
        "an initial agrees with the given name"
    );
    assert_eq!(
        entities("Dennis Ratcliffe scored 63.")[0].1,
        "Dennis Ratcliffe"
    );
}

#[test]
fn matches_inside_longer_names_are_not_entities() {
    let text = "Real Madrid won in Madrid.";
    let found = entities(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, vec!["Madrid"]);
}

#[test]
fn head_words_name_organizations_and_places() {
    let text = "Moscow Radio said the crowd filled Tiananmen Square.";
    assert_eq!(
        names_of(text, EntityType::Organization),
        vec!["Moscow Radio"]
    );
    assert_eq!(names_of(text, EntityType::Place), vec!["Tiananmen Square"]);
    // A given name before a surname-like head is a person.
    assert_eq!(
        names_of("Anthony Hill was dropped.", EntityType::Person),
        vec!["Anthony Hill"]
    );
}

#[test]
fn sentence_openers_and_demonyms_are_not_part_of_names() {
    let text = "Yesterday Moscow agreed. Controversial Australian Anthony Hill was dropped.";
    assert_eq!(names_of(text, EntityType::Place), vec!["Moscow"]);
    assert_eq!(names_of(text, EntityType::Person), vec!["Anthony Hill"]);
}

#[test]
fn surnames_alone_refer_to_the_person_named_in_full() {
    let text = "Alexander Mitchell went to Moscow. Mitchell said so. Later Wang Yi and Wang met.";
    let found = entities(text);
    let mitchell = found
        .iter()
        .find(|(_, name, _)| name == "Alexander Mitchell")
        .expect("the person");
    assert_eq!(mitchell.2, vec!["Alexander Mitchell", "Mitchell"]);
    assert!(!found
        .iter()
        .any(|(t, name, _)| *t == EntityType::Place && name == "Mitchell"));
    let wang = found
        .iter()
        .find(|(_, name, _)| name == "Wang Yi")
        .expect("Wang Yi");
    assert_eq!(wang.2, vec!["Wang Yi", "Wang"]);
}

#[test]
fn towns_with_scores_are_teams_except_as_venues() {
    let text = "Result at Leicester: Somerset 83 and 174, Essex 296.\nSomerset lost badly.";
    assert_eq!(
        names_of(text, EntityType::Organization),
        vec!["Somerset", "Essex"]
    );
    assert_eq!(names_of(text, EntityType::Place), vec!["Leicester"]);
    // One town with a number is no results table.
    assert_eq!(
        names_of("Somerset 83 people were hurt in Essex.", EntityType::Place),
        vec!["Somerset", "Essex"]
    );
}

#[test]
fn headlines_keep_matches_but_not_ordinary_words() {
    let text = "Somerset Police Chief Resigns In March Row\nThe body follows.";
    let places = names_of(text, EntityType::Place);
    assert!(!places.contains(&"March".to_string()), "{places:?}");
}

#[test]
fn countries_inside_names_still_locate_the_article() {
    let f = fixture();
    let text = "The Bank of Korea Governor said.";
    let mentions = f.matcher.find(text);
    let resolved = resolve(text, &mentions, &f.gazetteer, &f.names);
    assert_eq!(
        resolved
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Bank of Korea"]
    );
    assert_eq!(resolved.inner_places.len(), 1);
}

#[test]
fn ambiguous_names_follow_the_article() {
    let mut g = Gazetteer::default();
    let mut country = Entry::new("country:GE", EntityType::Place, kind::COUNTRY, "Georgia");
    country.country = Some("GE".into());
    g.insert(country);
    let mut state = Entry::new("admin1:US.GA", EntityType::Place, kind::REGION, "Georgia");
    state.country = Some("US".into());
    g.insert(state);
    for (id, name, code) in [("city:a", "Atlanta", "US"), ("city:t", "Tbilisi", "GE")] {
        let mut city = Entry::new(id, EntityType::Place, kind::CITY, name);
        city.country = Some(code.into());
        g.insert(city);
    }
    let matcher = Matcher::with_common_words(&g, "").expect("matcher");
    let chosen = |text: &str| {
        let mut mentions = matcher.find(text);
        choose_by_context(text, &mut mentions, &matcher, &g);
        g.entry(mentions[0].entry).id.clone()
    };
    assert_eq!(chosen("Georgia votes; Atlanta counts."), "admin1:US.GA");
    assert_eq!(chosen("Georgia votes; Tbilisi counts."), "country:GE");
    assert_eq!(
        chosen("Georgia votes."),
        "country:GE",
        "no context: the ranking decides"
    );
}

#[test]
fn organization_names_take_of_for_and_on_after_their_head() {
    let text = "said Anya Smith of the Tallinn-based Centre for Baltic Energy Security.";
    assert_eq!(
        names_of(text, EntityType::Organization),
        vec!["Centre for Baltic Energy Security"]
    );
    // Without a head word, "and" joins two names, not one.
    assert_eq!(
        names_of("Paul Smith and Dennis Mitchell met.", EntityType::Person),
        vec!["Paul Smith", "Dennis Mitchell"]
    );
}

#[test]
fn a_surname_after_a_possessive_is_still_alone() {
    let text = "Wang Yi spoke. Later Korea's Wang replied.";
    let found = entities(text);
    let wang = found
        .iter()
        .find(|(_, n, _)| n == "Wang Yi")
        .expect("Wang Yi");
    assert_eq!(wang.2, vec!["Wang Yi", "Wang"]);
}

#[test]
fn demonyms_open_company_names_and_initials_need_a_surname() {
    let text = "American Motors Corp rose while N.Z. Dlrs fell.";
    assert_eq!(
        names_of(text, EntityType::Organization),
        vec!["American Motors Corp"]
    );
    assert!(names_of(text, EntityType::Person).is_empty());
}

#[test]
fn scorecards_name_people_by_initial() {
    // Every word is capitalised: the line reads as a table, where only strict shapes count.
    let text = "Surrey 429-7 ( C. Lewis 80 , M. Butcher 70 , Kersey 63 )";
    assert_eq!(
        names_of(text, EntityType::Person),
        vec!["C. Lewis", "M. Butcher"]
    );
}
