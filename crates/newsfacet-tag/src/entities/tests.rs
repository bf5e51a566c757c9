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
        vec!["American Motors"]
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

/// A gazetteer of namesakes: countries and towns whose names are given names, surnames or
/// ordinary words.
fn namesakes() -> Gazetteer {
    let mut g = gazetteer();
    let country = |code: &str, name: &str, demonym: &str| {
        let mut e = Entry::new(
            format!("country:{code}"),
            EntityType::Place,
            kind::COUNTRY,
            name,
        );
        e.country = Some(code.into());
        e.demonyms = vec![demonym.into()];
        e
    };
    let mut jordan = country("JO", "Jordan", "Jordanian");
    jordan.aliases = vec!["Hashemite Kingdom of Jordan".into()];
    g.insert(jordan);
    g.insert(country("TD", "Chad", "Chadian"));
    g.insert(country("CA", "Canada", "Canadian"));
    g.insert(country("CR", "Costa Rica", "Costa Rican"));
    let mut es = country("ES", "Spain", "Spanish");
    es.aliases = vec!["España".into()];
    g.insert(es);
    let place = |id: &str, kind_: &str, name: &str, code: &str, population: u64| {
        let mut e = Entry::new(id, EntityType::Place, kind_, name);
        e.country = Some(code.into());
        e.population = Some(population);
        e
    };
    // A country whose name also names a river, its delta and a region of its neighbour.
    g.insert(country("NE", "Niger", "Nigerien"));
    g.insert(country("NG", "Nigeria", "Nigerian"));
    let mut niamey = place("city:niamey", kind::CITY, "Niamey", "NE", 1_000_000);
    niamey.capital = true;
    g.insert(niamey);
    let mut amman = place("city:amman", kind::CITY, "Amman", "JO", 4_000_000);
    amman.capital = true;
    g.insert(amman);
    for (id, kind_, name, code, population) in [
        ("admin1:IM.michael", kind::REGION, "Michael", "IM", 0),
        ("city:wilson", kind::CITY, "Wilson", "US", 49_000),
        ("city:mendes", kind::CITY, "Mendes", "BR", 17_000),
        ("city:beaufort", kind::CITY, "Beaufort", "MY", 15_000),
        ("city:mary", kind::CITY, "Mary", "TM", 114_000),
        ("city:san-jose", kind::CITY, "San Jose", "CR", 340_000),
        ("city:liberal", kind::CITY, "Liberal", "US", 20_000),
        ("city:paris", kind::CITY, "Paris", "FR", 2_100_000),
        ("city:paris-tx", kind::CITY, "Paris", "US", 25_000),
        ("city:beijing", kind::CITY, "Beijing", "CN", 18_000_000),
        ("city:japan", kind::COUNTRY, "Japan", "JP", 0),
        ("admin1:US.NC", kind::REGION, "North Carolina", "US", 0),
        ("admin1:US.TX", kind::REGION, "Texas", "US", 0),
    ] {
        g.insert(place(id, kind_, name, code, population));
    }
    g
}

/// The entities of `text` and the country codes its places give, as the tagger reads them.
fn read_namesakes(text: &str) -> (Vec<(EntityType, String)>, Vec<String>) {
    let g = namesakes();
    let matcher = Matcher::with_common_words(&g, "liberal\n").expect("matcher");
    let names = NameLexicon::new(
        &g,
        "Michael\nMary\nPaul\nJohn\nMartin\nNigel\nDominic\nColin\nJanet\n",
        // Sorted, as the bundled list is.
        "assembly\nbudget\ncents\ncinema\ndelta\ndollar\nliberal\nmotors\nsignal\n",
    );
    let mut mentions = matcher.find(text);
    choose_by_context(text, &mut mentions, &matcher, &g);
    place_in_state(text, &mut mentions, &matcher, &g);
    let resolved = resolve(text, &mentions, &g, &names);
    let mut codes: Vec<String> = resolved
        .mentions
        .iter()
        .chain(&resolved.inner_places)
        .map(|m| g.entry(m.entry))
        .filter(|e| e.entity_type == EntityType::Place)
        .filter_map(|e| e.country.clone())
        .collect();
    codes.sort();
    codes.dedup();
    let found = resolved
        .entities
        .into_iter()
        .map(|e| (e.entity_type, e.name))
        .collect();
    (found, codes)
}

fn codes_of(text: &str) -> Vec<String> {
    read_namesakes(text).1
}

fn people_of(text: &str) -> Vec<String> {
    read_namesakes(text)
        .0
        .into_iter()
        .filter(|(t, _)| *t == EntityType::Person)
        .map(|(_, n)| n)
        .collect()
}

#[test]
fn places_that_are_given_names_and_surnames_make_a_person_and_no_country() {
    let text = "Canadian Finance Minister Michael Wilson said the budget would balance.";
    assert_eq!(people_of(text), vec!["Michael Wilson"]);
    assert_eq!(codes_of(text), vec!["CA"]);
    // A country that is also a given name opens a person's name before a surname.
    let text = "Chad Mendes won the fight. Later Jordan Lafond scored twice.";
    assert_eq!(people_of(text), vec!["Chad Mendes", "Jordan Lafond"]);
    assert!(codes_of(text).is_empty(), "{:?}", codes_of(text));
}

#[test]
fn countries_that_are_given_names_need_the_place_reading() {
    // A preposition of place, a demonym, the capital or a plain name of the country.
    assert_eq!(codes_of("Talks in Chad ended on Monday."), vec!["TD"]);
    assert_eq!(
        codes_of("Jordan said Jordanian troops would stay."),
        vec!["JO"]
    );
    assert_eq!(
        codes_of("Jordan said so in a statement from Amman."),
        vec!["JO"]
    );
    assert_eq!(
        codes_of("The Hashemite Kingdom of Jordan said Jordan would pay."),
        vec!["JO"]
    );
    // With no one of that name in the article, the country is the only reading.
    assert_eq!(
        codes_of("Jordan bid 74 dlrs a tonne for wheat."),
        vec!["JO"]
    );
    // A person named so makes the lone name the person's.
    let text = "Jordan Lafond scored twice. Jordan said the team played well.";
    assert!(codes_of(text).is_empty(), "{:?}", codes_of(text));
}

#[test]
fn towns_named_like_people_or_words_need_the_place_reading() {
    assert!(codes_of("He said Mary would call.").is_empty());
    assert_eq!(
        codes_of("The plant is near Mary, in the desert."),
        vec!["TM"]
    );
    assert!(codes_of("He has always been a Liberal at heart.").is_empty());
    assert_eq!(
        codes_of("She grew up in Liberal and moved away."),
        vec!["US"]
    );
}

#[test]
fn places_opening_other_names_add_no_country() {
    let (found, codes) = read_namesakes("The San Jose Sharks won again.");
    assert!(codes.is_empty(), "{codes:?}");
    assert!(!found.iter().any(|(t, _)| *t == EntityType::Place));
    let (found, codes) = read_namesakes("Queen Mary University researchers said so.");
    assert_eq!(
        found,
        vec![(
            EntityType::Organization,
            "Queen Mary University".to_string()
        )]
    );
    assert!(codes.is_empty(), "{codes:?}");
    // After "of" a place says where the organization is; a country always does.
    assert_eq!(codes_of("The Savings Bank of Madrid said so."), vec!["ES"]);
    assert_eq!(codes_of("Spanish Airlines Group said so."), vec!["ES"]);
}

#[test]
fn a_place_before_its_state_is_that_state_s_place() {
    let (found, codes) = read_namesakes("The company is based in Beaufort, NC and grows.");
    assert_eq!(codes, vec!["US"]);
    assert_eq!(
        found,
        vec![(EntityType::Place, "North Carolina".to_string())]
    );
    assert_eq!(codes_of("He lives in Paris, Texas now."), vec!["US"]);
    // A prominent place before another country is a list, not an address.
    assert_eq!(
        codes_of("Ministers flew to Beijing, Japan and Canada."),
        vec!["CA", "CN", "JP"]
    );
}

#[test]
fn initials_before_money_and_possessive_titles_are_not_people() {
    let text = "The H.K. Cents fell while the N.Z. Dollar rose.";
    assert!(people_of(text).is_empty(), "{:?}", people_of(text));
    let text = "He said the Chancellor's Budget would cut taxes.";
    assert!(people_of(text).is_empty(), "{:?}", people_of(text));
    // A surname after initials is still a person.
    assert_eq!(
        people_of("Chairman A.W. Clausen said so."),
        vec!["A.W. Clausen"]
    );
}

#[test]
fn forms_of_one_organization_are_one_entity() {
    let (found, _) = read_namesakes(
        "Sales at Consolidated Freightways Inc fell, and Consolidated Freightways will cut jobs. \
         Lazard Freres and Co advised E.F. Hutton Group Inc, and E.F. Hutton agreed.",
    );
    let organizations: Vec<&str> = found
        .iter()
        .filter(|(t, _)| *t == EntityType::Organization)
        .map(|(_, n)| n.as_str())
        .collect();
    assert_eq!(
        organizations,
        vec![
            "Consolidated Freightways",
            "Lazard Freres",
            "E.F. Hutton Group"
        ]
    );
    assert!(
        !found.iter().any(|(t, _)| *t == EntityType::Person),
        "{found:?}"
    );
    // A short form that two long forms share stays as written.
    let (found, _) = read_namesakes(
        "Shares of Acme Group Holdings Inc rose. Shares of Acme Group Services Ltd fell. \
         Analysts at Acme Group said so.",
    );
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn countries_that_name_rivers_and_regions_need_the_place_reading() {
    // "Niger" alone is also the river and its delta: the country only with evidence.
    assert!(codes_of("Output in the Niger Delta fell, and boats on the Niger stopped.").is_empty());
    assert!(codes_of("Niger bid 80 dlrs a tonne for wheat.").is_empty());
    assert_eq!(codes_of("Troops from Niger arrived on Monday."), vec!["NE"]);
    assert_eq!(
        codes_of("Niger said Nigerien troops would stay."),
        vec!["NE"]
    );
    assert_eq!(
        codes_of("Niger said so in a statement from Niamey."),
        vec!["NE"]
    );
    // Nigeria named in the article is no evidence for Niger.
    assert_eq!(
        codes_of("Nigeria said the Niger was flooding its farms."),
        vec!["NG"]
    );
}

#[test]
fn title_words_inside_names() {
    // A title before a generational suffix is the surname, and the suffix names nobody.
    assert_eq!(
        people_of("Martin Luther King Jr. spoke in Washington."),
        vec!["Martin Luther King Jr."]
    );
    assert!(!people_of("They sang for King Jr. and friends.")
        .iter()
        .any(|p| p.starts_with("Jr")));
    // An adjective title before ordinary words opens a company's name.
    let (found, _) = read_namesakes(
        "General Motors Corp and General Signal Corp said sales rose. General Cinema said so. \
         The General Assembly met.",
    );
    assert!(
        !found.iter().any(|(t, _)| *t == EntityType::Person),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityType::Organization, "General Motors".to_string())),
        "{found:?}"
    );
    assert!(found.contains(&(EntityType::Organization, "General Signal".to_string())));
    // Before a name, or after another title word, it is a title.
    assert_eq!(
        people_of("General Colin Powell said so. Attorney General Janet Reno agreed."),
        vec!["Colin Powell", "Janet Reno"]
    );
}

#[test]
fn an_honorific_with_a_surname_is_the_person_named_in_full() {
    assert_eq!(
        people_of("Nigel Lawson spoke first. Later Mr. Lawson left for Paris."),
        vec!["Nigel Lawson"]
    );
    // Alone it stays as written; with two full names of that surname it is neither.
    assert_eq!(people_of("Mr. Lawson left for Paris."), vec!["Lawson"]);
    let text = "Nigel Lawson met Dominic Lawson. Later Mr. Lawson left for Paris.";
    assert_eq!(
        people_of(text),
        vec!["Nigel Lawson", "Dominic Lawson", "Lawson"]
    );
}

#[test]
fn hyphenated_particles_keep_a_family_name_whole_and_its_place_out() {
    let mut g = gazetteer();
    let mut sabah = Entry::new("admin1:MY.SA", EntityType::Place, kind::REGION, "Sabah");
    sabah.country = Some("MY".into());
    g.insert(sabah);
    let matcher = Matcher::with_common_words(&g, "").expect("matcher");
    let names = NameLexicon::new(&g, "Ali\n", "");
    let resolved_of = |text: &str| {
        let mentions = matcher.find(text);
        resolve(text, &mentions, &g, &names)
    };
    let text = "The oil minister, Sheikh Ali al-Khalifa al-Sabah, said output would stay.";
    let resolved = resolved_of(text);
    let people: Vec<&str> = resolved
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["Ali al-Khalifa al-Sabah"]);
    assert!(
        resolved.mentions.is_empty() && resolved.inner_places.is_empty(),
        "{resolved:?}"
    );
    // The region itself, named as such, is a place.
    let resolved = resolved_of("Floods hit Sabah on Monday.");
    assert_eq!(resolved.mentions.len(), 1);
}
