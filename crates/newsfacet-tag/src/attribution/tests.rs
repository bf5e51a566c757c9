//! Attribution tests over a small in-test gazetteer: one test per pattern, negatives included.

use super::*;
use crate::Matcher;
use newsfacet_gazetteer::{kind, EntityType, Entry};

fn person(
    id: &str,
    name: &str,
    aliases: &[&str],
    gender: &str,
    country: &str,
    roles: &[&str],
) -> Entry {
    let mut e = Entry::new(format!("person:{id}"), EntityType::Person, "official", name);
    e.aliases = aliases.iter().map(|a| a.to_string()).collect();
    e.gender = Some(gender.to_string());
    e.country = Some(country.to_string());
    e.roles = roles.iter().map(|r| r.to_string()).collect();
    e
}

fn org(id: &str, name: &str, kind: &str, country: Option<&str>) -> Entry {
    let mut e = Entry::new(format!("org:{id}"), EntityType::Organization, kind, name);
    e.country = country.map(str::to_string);
    e
}

fn country(code: &str, name: &str, aliases: &[&str], demonyms: &[&str]) -> Entry {
    let mut e = Entry::new(
        format!("country:{code}"),
        EntityType::Place,
        kind::COUNTRY,
        name,
    );
    e.country = Some(code.to_string());
    e.aliases = aliases.iter().map(|a| a.to_string()).collect();
    e.demonyms = demonyms.iter().map(|a| a.to_string()).collect();
    e
}

fn gazetteer() -> Gazetteer {
    let mut g = Gazetteer::default();
    g.insert(person(
        "sergei-shoigu",
        "Sergei Shoigu",
        &["Shoygu", "Shoigu", "Sergei Shoygu"],
        "m",
        "RU",
        &["Secretary of the Security Council"],
    ));
    g.insert(person(
        "wang-yi",
        "Wang Yi",
        &[],
        "m",
        "CN",
        &["Minister of Foreign Affairs"],
    ));
    g.insert(person(
        "xi-jinping",
        "Xi Jinping",
        &["Xi"],
        "m",
        "CN",
        &["President of China"],
    ));
    g.insert(person(
        "kaja-kallas",
        "Kaja Kallas",
        &["Kallas"],
        "f",
        "EE",
        &["High Representative of the Union for Foreign Affairs"],
    ));
    g.insert(org("kremlin", "Kremlin", "government", Some("RU")));
    g.insert(org("pentagon", "Pentagon", "government", Some("US")));
    g.insert(org("tass", "TASS", "news_agency", Some("RU")));
    let mut democrats = org("democratic-party", "Democratic Party", "party", Some("US"));
    democrats.aliases = vec!["Democrats".into()];
    g.insert(democrats);
    g.insert(org("xinhua", "Xinhua", "news_agency", Some("CN")));
    // A publisher whose short form is an ordinary word ("the Globe").
    let mut globe = org("boston-globe", "The Boston Globe", "publisher", Some("US"));
    globe.aliases = vec!["Boston Globe".into()];
    g.insert(globe);
    // A company whose name ends in "'s".
    let mut moodys = org("moodys", "Moody's", "company", Some("US"));
    moodys.aliases = vec!["Moody's Investors Service".into()];
    g.insert(moodys);
    // A name holding a common word ("watch").
    g.insert(org("hrw", "Human Rights Watch", "ngo", None));
    g.insert(country(
        "RU",
        "Russia",
        &["Russian Federation"],
        &["Russian"],
    ));
    g.insert(country("CN", "China", &["PRC"], &["Chinese"]));
    g.insert(country("TW", "Taiwan", &[], &["Taiwanese"]));
    g.insert(country("JP", "Japan", &[], &["Japanese"]));
    // A demonym that is also a given name.
    g.insert(country("DK", "Denmark", &[], &["Danish", "Dane"]));
    g.insert(country(
        "US",
        "United States",
        &["U.S.", "US"],
        &["American"],
    ));
    let mut beijing = Entry::new("city:1816670", EntityType::Place, kind::CITY, "Beijing");
    beijing.country = Some("CN".into());
    beijing.capital = true;
    g.insert(beijing);
    // Places that are also given names.
    g.insert(Entry::new(
        "city:3711668",
        EntityType::Place,
        kind::CITY,
        "David",
    ));
    g.insert(Entry::new(
        "region:michael",
        EntityType::Place,
        kind::REGION,
        "Michael",
    ));
    // A town that is also a surname.
    g.insert(Entry::new(
        "city:murphy",
        EntityType::Place,
        kind::CITY,
        "Murphy",
    ));
    let mut moscow = Entry::new("city:524901", EntityType::Place, kind::CITY, "Moscow");
    moscow.country = Some("RU".into());
    moscow.capital = true;
    g.insert(moscow);
    g
}

/// Attributes `text` with the test gazetteer and checks every quote's offset.
fn run(text: &str) -> Vec<Quote> {
    let g = gazetteer();
    let matcher = Matcher::new(&g).expect("matcher");
    let quotes = attribute(text, &matcher.find(text), &g);
    for q in &quotes {
        assert!(
            text.is_char_boundary(q.start),
            "offset {} inside a char",
            q.start
        );
        let head: String = q.text.chars().take(12).collect();
        assert!(
            text[q.start..].starts_with(&head),
            "offset {} does not start {:?}",
            q.start,
            q.text
        );
        assert_eq!(q.speaker.is_some(), q.speaker_type.is_some());
    }
    quotes
}

/// (speaker, kind, text) of every quote.
fn said(text: &str) -> Vec<(Option<String>, QuoteKind, String)> {
    run(text)
        .into_iter()
        .map(|q| (q.speaker, q.kind, q.text))
        .collect()
}

/// Distinct named speakers, sorted.
fn speakers(text: &str) -> Vec<String> {
    let mut names: Vec<String> = run(text).into_iter().filter_map(|q| q.speaker).collect();
    names.sort();
    names.dedup();
    names
}

fn direct(speaker: &str, text: &str) -> (Option<String>, QuoteKind, String) {
    (
        Some(speaker.to_string()),
        QuoteKind::Direct,
        text.to_string(),
    )
}

fn indirect(speaker: &str, text: &str) -> (Option<String>, QuoteKind, String) {
    (
        Some(speaker.to_string()),
        QuoteKind::Indirect,
        text.to_string(),
    )
}

fn anonymous(kind: QuoteKind, text: &str) -> (Option<String>, QuoteKind, String) {
    (None, kind, text.to_string())
}

// ----- direct quotes: attribution after the quote --------------------------------------------

#[test]
fn quote_then_name_said() {
    assert_eq!(
        said("\"We will respond,\" Shoigu said."),
        vec![direct("Sergei Shoigu", "We will respond")]
    );
}

#[test]
fn quote_then_said_name_with_title() {
    let text = "\"Tokyo is dismantling its restraints,\" said Sergei Shoigu, secretary of Russia's Security Council.";
    assert_eq!(
        said(text),
        vec![direct(
            "Sergei Shoigu",
            "Tokyo is dismantling its restraints"
        )]
    );
}

#[test]
fn quote_then_name_apposition_said() {
    let text = "\"Tokyo is dismantling its restraints,\" Sergei Shoigu, secretary of Russia's Security Council, said.";
    assert_eq!(
        said(text),
        vec![direct(
            "Sergei Shoigu",
            "Tokyo is dismantling its restraints"
        )]
    );
}

#[test]
fn quote_then_pronoun() {
    let text = "Wang Yi met reporters in Beijing.\n\n\"We are ready to talk,\" he said.";
    assert_eq!(said(text), vec![direct("Wang Yi", "We are ready to talk")]);
}

#[test]
fn quote_then_role_description() {
    let text = "Chinese Foreign Minister Wang Yi arrived on Monday.\n\n\"We are ready to talk,\" the minister said.";
    assert_eq!(said(text), vec![direct("Wang Yi", "We are ready to talk")]);
}

#[test]
fn quote_then_told_reporters_and_added() {
    let text = "\"Sanctions will stay in place,\" Kallas told reporters. \"We will not relent,\" Shoigu added.";
    let quotes = run(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(
        (quotes[0].speaker.as_deref(), quotes[0].cue.as_deref()),
        (Some("Kaja Kallas"), Some("told"))
    );
    assert_eq!(
        (quotes[1].speaker.as_deref(), quotes[1].cue.as_deref()),
        (Some("Sergei Shoigu"), Some("added"))
    );
}

// ----- direct quotes: attribution before the quote -------------------------------------------

#[test]
fn name_said_colon_quote() {
    assert_eq!(
        said("Shoigu said: \"We will respond in kind.\""),
        vec![direct("Sergei Shoigu", "We will respond in kind.")]
    );
}

#[test]
fn name_said_that_quote() {
    let text = "Shoigu said that \"the era of one country writing the rules is over\".";
    assert_eq!(
        said(text),
        vec![direct(
            "Sergei Shoigu",
            "the era of one country writing the rules is over"
        )]
    );
}

#[test]
fn name_told_audience_colon_quote() {
    let text = "Kallas told the European Parliament in Strasbourg: \"We will not back down.\"";
    let quotes = run(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        (quotes[0].speaker.as_deref(), quotes[0].cue.as_deref()),
        (Some("Kaja Kallas"), Some("told"))
    );
}

#[test]
fn interview_block_name_title_colon() {
    let text = "Dr. Anya Petrova, Senior Fellow at the Carnegie Center (Moscow): \"The grid switch has largely paid off.\"";
    let quotes = run(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Anya Petrova"));
    assert_eq!(quotes[0].speaker_type, Some(EntityType::Person));
    assert_eq!(quotes[0].cue, None);
}

#[test]
fn in_a_statement_name_said_quote() {
    let text = "In a statement, Kallas said \"the bloc stands united with Ukraine\".";
    assert_eq!(
        said(text),
        vec![direct("Kaja Kallas", "the bloc stands united with Ukraine")]
    );
}

// ----- continuations and quote shapes ---------------------------------------------------------

#[test]
fn quote_only_paragraph_continues_previous_speaker() {
    let text = "\"First, we will respond,\" Shoigu said.\n\n\"Second, we remain open to talks with Tokyo.\"";
    assert_eq!(
        said(text),
        vec![
            direct("Sergei Shoigu", "First, we will respond"),
            direct(
                "Sergei Shoigu",
                "Second, we remain open to talks with Tokyo."
            )
        ]
    );
}

#[test]
fn quote_sentence_continues_within_paragraph() {
    let text =
        "\"We do not want confrontation,\" Shoigu said. \"But we cannot ignore these weapons.\"";
    assert_eq!(
        said(text),
        vec![
            direct("Sergei Shoigu", "We do not want confrontation"),
            direct("Sergei Shoigu", "But we cannot ignore these weapons.")
        ]
    );
}

#[test]
fn no_continuation_across_an_unrelated_paragraph() {
    let text = "\"We will respond,\" Shoigu said.\n\nThe meeting ended late.\n\n\"Nobody can write the rules for everyone anymore.\"";
    assert_eq!(
        said(text),
        vec![
            direct("Sergei Shoigu", "We will respond"),
            anonymous(
                QuoteKind::Direct,
                "Nobody can write the rules for everyone anymore."
            )
        ]
    );
}

#[test]
fn quote_running_over_paragraphs_is_one_quote() {
    let text =
        "\"We will not accept this. It is a threat.\n\n\"And we will respond,\" Shoigu said.";
    assert_eq!(
        said(text),
        vec![direct(
            "Sergei Shoigu",
            "We will not accept this. It is a threat. And we will respond"
        )]
    );
}

#[test]
fn single_quote_marks() {
    let text = "Shoigu said: 'We see that Japan is rearming.' Japan's defence ministry declined to comment.";
    assert_eq!(
        said(text),
        vec![direct("Sergei Shoigu", "We see that Japan is rearming.")]
    );
}

#[test]
fn apostrophes_are_not_quote_marks() {
    assert!(run(
        "Japan's buildup isn't new; it began in the '90s and Russia's response didn't change."
    )
    .is_empty());
}

#[test]
fn guillemets() {
    assert_eq!(
        said("«We are ready to talk,» Wang Yi said."),
        vec![direct("Wang Yi", "We are ready to talk")]
    );
}

#[test]
fn curly_quotes_and_nested_quotes() {
    let text = "“They call it ‘defence’, we call it rearmament,” Shoigu said.";
    assert_eq!(
        said(text),
        vec![direct(
            "Sergei Shoigu",
            "They call it ‘defence’, we call it rearmament"
        )]
    );
}

#[test]
fn cyrillic_and_curly_quotes_keep_char_boundaries() {
    let text = "“Мы готовы к диалогу,” said Sergei Shoigu.";
    let quotes = run(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].text, "Мы готовы к диалогу");
    assert_eq!(
        &text[quotes[0].start..quotes[0].start + quotes[0].text.len()],
        "Мы готовы к диалогу"
    );
}

// ----- partial and scare quotes ---------------------------------------------------------------

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(run("The so-called \"shadow fleet\" carries Russian oil past Denmark.").is_empty());
    let text = "Shoigu criticised what he called the \"law of the jungle\" in world affairs.";
    assert_eq!(
        said(text),
        vec![indirect(
            "Sergei Shoigu",
            "what he called the \"law of the jungle\" in world affairs"
        )]
    );
}

#[test]
fn long_partial_quote_in_reported_speech_belongs_to_its_speaker() {
    let text =
        "Shoigu said relations were at \"the best level in their entire history\" this year.";
    assert_eq!(
        said(text),
        vec![
            indirect(
                "Sergei Shoigu",
                "relations were at \"the best level in their entire history\" this year"
            ),
            direct("Sergei Shoigu", "the best level in their entire history"),
        ]
    );
}

// ----- indirect speech --------------------------------------------------------------------------

#[test]
fn name_said_that_clause() {
    assert_eq!(
        said("Shoigu said on Monday that Japan was rearming."),
        vec![indirect("Sergei Shoigu", "Japan was rearming")]
    );
    assert_eq!(
        said("Shoigu told reporters that Japan was rearming."),
        vec![indirect("Sergei Shoigu", "Japan was rearming")]
    );
    assert_eq!(
        said("Wang Yi said Beijing valued Moscow's support."),
        vec![indirect("Wang Yi", "Beijing valued Moscow's support")]
    );
}

#[test]
fn clause_then_name_said() {
    let text =
        "A settlement is only possible if root causes are addressed, Shoigu said on Thursday.";
    assert_eq!(
        said(text),
        vec![indirect(
            "Sergei Shoigu",
            "A settlement is only possible if root causes are addressed"
        )]
    );
}

#[test]
fn according_to_after_and_before() {
    let text = "Further listings are being prepared, according to Kaja Kallas, the bloc's foreign policy chief.";
    assert_eq!(
        said(text),
        vec![indirect(
            "Kaja Kallas",
            "Further listings are being prepared"
        )]
    );
    assert_eq!(
        said("According to Kallas, the bloc will act soon."),
        vec![indirect("Kaja Kallas", "the bloc will act soon")]
    );
}

#[test]
fn speech_verb_lexicon() {
    let cases = [
        (
            "Wang Yi stressed the need for dialogue.",
            "stressed",
            "the need for dialogue",
        ),
        (
            "Kallas warned that sanctions would tighten.",
            "warned",
            "sanctions would tighten",
        ),
        (
            "The Kremlin accused Japan of militarisation.",
            "accused",
            "Japan of militarisation",
        ),
        (
            "Shoigu called for restraint in the region.",
            "called for",
            "restraint in the region",
        ),
        (
            "Wang Yi pointed out that trade had grown.",
            "pointed out",
            "trade had grown",
        ),
        (
            "Xi reaffirmed China's commitment to reunification.",
            "reaffirmed",
            "China's commitment to reunification",
        ),
        (
            "Kallas emphasised that unity mattered.",
            "emphasised",
            "unity mattered",
        ),
        (
            "Shoigu has repeatedly denied the reports.",
            "denied",
            "the reports",
        ),
        (
            "Wang Yi noted that ties were strong.",
            "noted",
            "ties were strong",
        ),
        (
            "The Pentagon described the drills as provocative.",
            "described",
            "the drills as provocative",
        ),
    ];
    for (text, cue, content) in cases {
        let quotes = run(text);
        assert_eq!(quotes.len(), 1, "{text}");
        assert_eq!(quotes[0].cue.as_deref(), Some(cue), "{text}");
        assert_eq!(quotes[0].text, content, "{text}");
        assert!(quotes[0].speaker.is_some(), "{text}");
    }
}

#[test]
fn non_speech_uses_of_cue_words_are_ignored() {
    assert!(run("The European Union has added several vessels to its sanctions list.").is_empty());
    assert!(run("Shoigu called the minister on Monday.").is_empty());
    assert!(run("The spokesperson did not say when talks would resume.").is_empty());
    assert!(run("Wang Yi was asked about Taiwan.").is_empty());
}

#[test]
fn headlines_quote_named_people_only() {
    // A country, a description or a pronoun in a headline is no speaker: no quote at all.
    for headline in [
        "Russia reaffirms support for its allies",
        "Minister says ports will reopen",
        "Officials warn of floods",
        "He says talks will go on",
    ] {
        let text = format!("{headline}\n\nThe announcement came on Monday.");
        assert!(run(&text).is_empty(), "{headline}: {:?}", run(&text));
    }
    // A person named in the headline is quoted, in reported and in direct speech.
    let text = "Kallas: \"Europe must stand together now\"\n\nThe remarks came on Monday.";
    assert_eq!(speakers(text), vec!["Kaja Kallas"]);
    // The body's organizations still speak.
    let text = "Ports to reopen\n\nThe Kremlin said the ports would reopen on Monday.";
    assert_eq!(speakers(text), vec!["Kremlin"]);
}

#[test]
fn headline_says() {
    let text = "Shoigu says Japan's buildup threatens stability\n\nThe remarks came on Monday.";
    assert_eq!(
        said(text),
        vec![indirect(
            "Sergei Shoigu",
            "Japan's buildup threatens stability"
        )]
    );
}

#[test]
fn possessive_remarks_name_the_topic_not_the_speaker() {
    // "X's remarks" is what the sentence is about; nobody is quoted by it.
    assert!(run("Shoigu's remarks drew a sharp response in Tokyo.").is_empty());
    assert!(run("Kallas's comments on the budget were widely shared online.").is_empty());
    // The reply to them is the speaker's, in reported and in quoted speech.
    let text = "Taiwan's foreign ministry said that Shoigu's remarks \"seriously undermine peace across the whole region\".";
    let quotes = run(text);
    assert!(!quotes.is_empty());
    for q in &quotes {
        assert_eq!(
            q.speaker.as_deref(),
            Some("Taiwan Ministry of Foreign Affairs"),
            "{q:?}"
        );
    }
    assert_eq!(
        speakers("Wang Yi said on Monday that Xi's remarks had been misread abroad."),
        vec!["Wang Yi"]
    );
    // A noun of speech with its speaker after "by" still attributes.
    assert_eq!(
        speakers("The criticism by Sergei Shoigu on Monday drew a sharp response in Tokyo."),
        vec!["Sergei Shoigu"]
    );
    // Unless the sentence reports someone else's speech about it: then it is the topic.
    let text = "A government spokesperson on Wednesday dismissed criticism by Sergei Shoygu of \
                the plan as unfounded, saying the policy is purely defensive.";
    let quotes = run(text);
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| q.speaker.is_none()), "{quotes:?}");
    assert_eq!(
        speakers("Wang Yi said that criticism by Sergei Shoigu was misplaced."),
        vec!["Wang Yi"]
    );
}

#[test]
fn participles_with_a_subject_of_their_own() {
    assert_eq!(
        said("The two sides met in Beijing on Monday, with Wang Yi noting that trade had grown."),
        vec![indirect("Wang Yi", "trade had grown")]
    );
    // A direct quote after "with X adding:" is X's, not the sentence subject's.
    let text = "Wang Yi met Kaja Kallas in Brussels.\n\nThe talks ran late, with Kallas adding: \"We will meet again very soon.\"";
    assert_eq!(
        said(text),
        vec![direct("Kaja Kallas", "We will meet again very soon.")]
    );
    // A description after "with" resolves like any description.
    let text = "Kaja Kallas, the foreign policy chief, flew to Kyiv.\n\nThe visit ended early, with the foreign policy chief saying: \"We will be back in the spring.\"";
    assert_eq!(
        said(text),
        vec![direct("Kaja Kallas", "We will be back in the spring.")]
    );
    // Without a subject of its own the participle is the clause subject's.
    assert_eq!(
        said("Shoigu ended the visit early, adding: \"We will be back in the spring.\""),
        vec![direct("Sergei Shoigu", "We will be back in the spring.")]
    );
    // "with" and a non-speech participle: no quote.
    assert!(run("The talks ended, with Wang Yi leaving for Moscow on Monday.").is_empty());
}

#[test]
fn coordinated_speakers_and_participles() {
    assert_eq!(
        speakers("Shoigu and Wang Yi pledged to deepen military cooperation."),
        vec!["Sergei Shoigu", "Wang Yi"]
    );
    assert_eq!(
        said("Shoigu toured the base on Monday, saying Japan was rearming."),
        vec![indirect("Sergei Shoigu", "Japan was rearming")]
    );
}

// ----- speaker phrases --------------------------------------------------------------------------

#[test]
fn titles_are_stripped() {
    assert_eq!(
        speakers("Chinese Foreign Minister Wang Yi said talks were useful."),
        vec!["Wang Yi"]
    );
    assert_eq!(
        speakers("Russia's Security Council Secretary Sergei Shoigu said talks were useful."),
        vec!["Sergei Shoigu"]
    );
    assert_eq!(
        speakers("U.S. Secretary of State Marco Rubio said talks were useful."),
        vec!["Marco Rubio"]
    );
    assert_eq!(
        speakers("President Xi said talks were useful."),
        vec!["Xi Jinping"]
    );
}

#[test]
fn unknown_speaker_kept_as_written_and_surnames_expand() {
    let text = "\"The grid switch paid off,\" said Anya Petrova, a senior fellow at the Carnegie Center.\n\nPetrova said patrols had made sabotage riskier.";
    let quotes = run(text);
    assert_eq!(quotes.len(), 2);
    assert!(quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Anya Petrova")
            && q.speaker_type == Some(EntityType::Person)));
    // A headline surname expands to the full name the body introduces.
    let text = "Petrova says grid is safe\n\nAnya Petrova, a senior fellow at the Carnegie Center, said the grid was safe.";
    assert_eq!(speakers(text), vec!["Anya Petrova"]);
}

#[test]
fn organizations_speak() {
    let quotes = run(
        "The Kremlin said talks would continue. The Pentagon said it was monitoring the situation.",
    );
    let orgs: Vec<_> = quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.speaker_type))
        .collect();
    assert_eq!(
        orgs,
        vec![
            (Some("Kremlin"), Some(EntityType::Organization)),
            (Some("Pentagon"), Some(EntityType::Organization))
        ]
    );
    assert_eq!(
        speakers("In a statement, the Kremlin said the talks were useful."),
        vec!["Kremlin"]
    );
    assert_eq!(
        speakers("China's Ministry of Foreign Affairs said the drills were lawful."),
        vec!["China Ministry of Foreign Affairs"]
    );
}

#[test]
fn taiwan_foreign_ministry_said_in_a_statement() {
    let text = "\"These provocative actions undermine peace,\" Taiwan's foreign ministry said in a statement.\n\nThe ministry added that daily life had not been disrupted.";
    let quotes = run(text);
    assert_eq!(quotes.len(), 2);
    for q in &quotes {
        assert_eq!(
            q.speaker.as_deref(),
            Some("Taiwan Ministry of Foreign Affairs")
        );
        assert_eq!(q.speaker_type, Some(EntityType::Organization));
    }
    assert_eq!(quotes[1].text, "daily life had not been disrupted");
}

#[test]
fn pronouns_choose_by_gender() {
    let text = "Kaja Kallas met Wang Yi in Brussels on Monday.\n\n\"We agreed on a great deal,\" she said.\n\n\"Dialogue matters to us,\" he said.";
    let got: Vec<_> = run(text).into_iter().map(|q| q.speaker).collect();
    assert_eq!(
        got,
        vec![Some("Kaja Kallas".to_string()), Some("Wang Yi".to_string())]
    );
    let text = "Wang Yi met Kaja Kallas in Brussels on Monday.\n\n\"We agreed on a great deal,\" she said.";
    assert_eq!(speakers(text), vec!["Kaja Kallas"]);
}

#[test]
fn pronoun_prefers_the_subject() {
    let text = "Shoigu met Wang Yi in Moscow on Tuesday. \"We discussed security in the Far East,\" he said.";
    assert_eq!(speakers(text), vec!["Sergei Shoigu"]);
}

#[test]
fn unresolvable_pronoun_leaves_no_speaker() {
    assert_eq!(
        said("\"We are ready to talk,\" he said."),
        vec![anonymous(QuoteKind::Direct, "We are ready to talk")]
    );
    // "they" only continues an organization.
    let quotes =
        run("The Kremlin said talks would continue. \"We are ready for them,\" they said.");
    assert_eq!(quotes[1].speaker.as_deref(), Some("Kremlin"));
    let quotes = run("Shoigu said talks would continue. \"We are ready for them,\" they said.");
    assert_eq!(quotes[1].speaker, None);
}

#[test]
fn descriptions_need_an_introduced_person() {
    let quotes = run("\"We firmly oppose this,\" the spokesperson said.");
    assert_eq!(
        (quotes[0].speaker.as_deref(), quotes[0].unnamed.as_deref()),
        (None, Some("the spokesperson"))
    );
    let text = "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n\"We are open to talks,\" the spokesman said.";
    assert_eq!(speakers(text), vec!["Dmitry Peskov"]);
    let text = "Putin toured the yard on Wednesday.\n\nOleg Kozhemyako, governor of the Primorsky region, said the yard employed 8,000 people.\n\nThe governor added that a college would open next year.";
    assert_eq!(
        said(text),
        vec![
            indirect("Oleg Kozhemyako", "the yard employed 8,000 people"),
            indirect("Oleg Kozhemyako", "a college would open next year"),
        ]
    );
}

#[test]
fn unnamed_sources() {
    let cases = [
        ("\"We oppose this,\" a spokesperson said.", "a spokesperson"),
        ("Officials said the talks would resume.", "Officials"),
        ("Analysts say the deal is symbolic.", "Analysts"),
        (
            "A source familiar with the matter said the deal was close.",
            "A source familiar with the matter",
        ),
        (
            "The meeting focused on prisoners, according to people familiar with the agenda.",
            "people familiar with the agenda",
        ),
        (
            "Russian officials at the talks said progress was slow.",
            "Russian officials at the talks",
        ),
        (
            "A senior official said the deal was close.",
            "A senior official",
        ),
        ("Diplomats said the vote was delayed.", "Diplomats"),
    ];
    for (text, unnamed) in cases {
        let quotes = run(text);
        assert_eq!(quotes.len(), 1, "{text}");
        assert_eq!(quotes[0].speaker, None, "{text}");
        assert_eq!(quotes[0].unnamed.as_deref(), Some(unnamed), "{text}");
    }
}

// ----- negatives: who never speaks --------------------------------------------------------------

#[test]
fn relaying_agencies_are_not_speakers() {
    assert_eq!(
        speakers("Shoigu warned Japan over its missile plans, TASS reported."),
        vec!["Sergei Shoigu"]
    );
    assert!(
        speakers("TASS reported, citing a ministry source, that Japan was rearming.").is_empty()
    );
    assert!(speakers("According to Xinhua, officials said the talks were fruitful.").is_empty());
    assert!(speakers(
        "His comments came during a visit to Vladivostok, where he met commanders, TASS reported."
    )
    .is_empty());
    assert_eq!(
        said("RIA Novosti quoted Shoigu as saying Japan was rearming."),
        vec![indirect("Sergei Shoigu", "Japan was rearming")]
    );
    assert_eq!(
        speakers("TASS quoted Shoigu as saying that Japan was rearming."),
        vec!["Sergei Shoigu"]
    );
}

#[test]
fn outlets_reporting_on_their_own_are_speakers() {
    assert_eq!(
        said("TASS reported that Japan was rearming."),
        vec![indirect("TASS", "Japan was rearming")]
    );
    assert_eq!(
        speakers("Xinhua said the talks were fruitful."),
        vec!["Xinhua"]
    );
    assert_eq!(
        speakers("The talks were fruitful, according to Xinhua."),
        vec!["Xinhua"]
    );
    assert_eq!(
        said("Bonuses were small every three months, Xinhua reported."),
        vec![indirect("Xinhua", "Bonuses were small every three months")]
    );
}

#[test]
fn merely_mentioned_people_are_not_speakers() {
    assert!(
        run("Putin toured the shipyard with Shoigu on Wednesday and signed a decree.").is_empty()
    );
    assert_eq!(
        speakers("Shoigu met Wang Yi on Tuesday. Shoigu said Japan was rearming."),
        vec!["Sergei Shoigu"]
    );
    assert_eq!(
        speakers("Xi said China would talk with Kallas and Shoigu."),
        vec!["Xi Jinping"]
    );
}

#[test]
fn capital_metonym_is_unnamed() {
    let quotes = run("China will take necessary measures, Beijing said on Wednesday.");
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        (quotes[0].speaker.as_deref(), quotes[0].unnamed.as_deref()),
        (None, Some("Beijing"))
    );
    assert_eq!(quotes[0].text, "China will take necessary measures");
}

#[test]
fn reader_comments_are_not_attributed() {
    let text = "Title\n\nShoigu said Japan was rearming.\n\n3 Comments\n\n\"Great article,\" said John Smith.\n\nWang Yi said so too.";
    assert_eq!(speakers(text), vec!["Sergei Shoigu"]);
}

#[test]
fn datelines_are_not_speakers() {
    let text = "Kremlin says talks continue\n\nMOSCOW, March 2 (Reuters) - The Kremlin said on Monday that talks would continue.";
    assert_eq!(
        said(text),
        vec![
            indirect("Kremlin", "talks continue"),
            indirect("Kremlin", "talks would continue")
        ]
    );
    let text = "BEIJING (AP) — China will respond, Beijing said Wednesday.";
    assert_eq!(run(text)[0].unnamed.as_deref(), Some("Beijing"));
}

#[test]
fn function_words_months_and_pronouns_are_never_speakers() {
    for text in [
        "\"Fine,\" said May. However, said the talks failed.",
        "The said that it works. But said nothing.",
        "\"Prices will rise by March,\" Monday said.",
        "\"We will see about that,\" They said.",
        "OFFICIALS SAY TALKS FAILED",
    ] {
        assert!(run(text).iter().all(|q| q.speaker.is_none()), "{text}");
    }
}

#[test]
fn empty_and_odd_inputs() {
    assert!(run("").is_empty());
    assert!(run("\"").is_empty());
    assert!(run("said said said, \" ' « ‘")
        .iter()
        .all(|q| q.speaker.is_none()));
    assert!(run("\n\n\n").is_empty());
}

#[test]
fn doubled_apostrophes_are_quote_marks() {
    assert_eq!(
        said("''We will respond,'' Shoigu said."),
        vec![direct("Sergei Shoigu", "We will respond")]
    );
}

#[test]
fn parenthetical_attribution_joins_the_clause() {
    let text = "President Obama spoke on Saturday.\n\nActs of protest, Mr. Obama said, are acts of patriotism.";
    assert_eq!(
        said(text),
        vec![indirect("Obama", "Acts of protest are acts of patriotism")]
    );
}

#[test]
fn name_between_commas_after_a_description() {
    let text = "One of the family's attorneys, Justin Bamberg, said the videos were clear.";
    assert_eq!(
        said(text),
        vec![indirect("Justin Bamberg", "the videos were clear")]
    );
}

#[test]
fn inverted_attribution_after_a_clause() {
    let text =
        "Sanctions will stay in place, said Jeffrey Trimble, a senior official with the board.";
    assert_eq!(
        said(text),
        vec![indirect("Jeffrey Trimble", "Sanctions will stay in place")]
    );
}

#[test]
fn an_unnamed_person_stops_pronoun_resolution() {
    let text = "Kallas spoke on Monday.\n\nThe woman's anger was plain. \"We want answers now,\" she said.";
    assert_eq!(
        said(text),
        vec![anonymous(QuoteKind::Direct, "We want answers now")]
    );
}

#[test]
fn party_members_are_not_the_party() {
    let quotes = run("Democrats said the vote was rigged.");
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        (quotes[0].speaker.as_deref(), quotes[0].unnamed.as_deref()),
        (None, Some("Democrats"))
    );
}

#[test]
fn an_unknown_speaker_is_continued_as_unknown() {
    let text = "\"First we talk,\" Shoigu said.\n\n\"Then we act,\" she said.\n\n\"Nobody writes the rules for everyone now.\"";
    let got: Vec<_> = run(text).into_iter().map(|q| q.speaker).collect();
    assert_eq!(got, vec![Some("Sergei Shoigu".to_string()), None, None]);
}

#[test]
fn own_attribution_beats_continuation() {
    let text =
        "\"The first point is settled,\" Shoigu said.\n\n\"The second point is not,\" Kallas said.";
    assert_eq!(
        said(text),
        vec![
            direct("Sergei Shoigu", "The first point is settled"),
            direct("Kaja Kallas", "The second point is not")
        ]
    );
}

#[test]
fn place_names_inside_personal_names() {
    assert_eq!(
        speakers("Defence Minister David McGuinty said the transit was lawful."),
        vec!["David McGuinty"]
    );
    assert_eq!(
        speakers("Retired Lt. Gen. Michael Flynn said the generals were right."),
        vec!["Michael Flynn"]
    );
}

#[test]
fn us_politician_labels() {
    let text = "\"The veto will be overridden,\" Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
    assert_eq!(
        said(text),
        vec![direct("Mitch McConnell", "The veto will be overridden")]
    );
    let text = "\"It is a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday.";
    assert_eq!(
        said(text),
        vec![direct("Gwen Moore", "It is a dog whistle")]
    );
}

#[test]
fn shorter_written_name_maps_to_the_fuller_one() {
    let text = "One believer is Chandler Van Voorhis, a founder of C2I.\n\nTrees absorb carbon, Mr. Van Voorhis said.";
    assert_eq!(
        said(text),
        vec![indirect("Chandler Van Voorhis", "Trees absorb carbon")]
    );
}

#[test]
fn organization_names_as_written() {
    let quotes = run("First Federal Savings and Loan Association said it would merge. American Motors Corp said sales rose.");
    let orgs: Vec<_> = quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.speaker_type))
        .collect();
    assert_eq!(
        orgs,
        vec![
            (
                Some("First Federal Savings and Loan Association"),
                Some(EntityType::Organization)
            ),
            (Some("American Motors Corp"), Some(EntityType::Organization)),
        ]
    );
}

/// Development aid: prints the attribution of the bundled sample corpus with the bundled
/// gazetteer. Run with `cargo test -p newsfacet-tag dump_corpus -- --ignored --nocapture`.
/// Development aid: quotes whose named speaker matches no annotated PolNeAR source.
/// `POLNEAR=../shared/data/eval/polnear/data/dev cargo test -p newsfacet-tag dump_polnear -- --ignored --nocapture`
/// Development aid: throughput on adversarial input (no sentence ends, many quote marks and
/// apostrophes, long runs of names and pronouns). Run in release:
/// `cargo test --release -p newsfacet-tag adversarial_throughput -- --ignored --nocapture`.
/// Development aid: the most frequent speakers over a JSON Lines corpus (`CORPUS=…`), to eyeball
/// precision on text the rules were not written against.
/// A tiny deterministic generator for the robustness test (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn random_text_never_panics_and_offsets_stay_on_char_boundaries() {
    let pieces = [
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "''",
        "``",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "(",
        ")",
        "—",
        "said",
        "says",
        "told",
        "according to",
        "he",
        "she",
        "they",
        "the minister",
        "Shoigu",
        "Sergei Shoigu",
        "Kallas",
        "Wang Yi",
        "Beijing",
        "TASS",
        "Kremlin",
        "Москва",
        "Ердоган",
        "é",
        "日本",
        "don't",
        "Russia's",
        "officials",
        "a spokesperson",
        "Mr.",
        "Dr.",
        "U.S.",
        "Comments",
        "MOSCOW",
        "-",
        "that",
        "and",
        "Anya",
        "Petrova",
        "of",
        "Ministry",
        "foreign",
        "ministry",
        "Taiwan's",
        "quoted",
        "as",
        "saying",
        "remarks",
    ];
    let g = gazetteer();
    let matcher = Matcher::new(&g).unwrap();
    let mut rng = Lcg(7);
    for round in 0..400 {
        let len = 1 + rng.next(120);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(pieces[rng.next(pieces.len())]);
            if rng.next(3) == 0 {
                text.push(' ');
            }
        }
        if round % 7 == 0 {
            // A long single-quoted stretch over multibyte text.
            text.push_str(&format!(" '{}", "ж".repeat(700)));
        }
        let quotes = attribute(&text, &matcher.find(&text), &g);
        for q in &quotes {
            assert!(text.is_char_boundary(q.start), "{text:?}");
            assert!(q.start <= text.len());
            assert_eq!(q.speaker.is_some(), q.speaker_type.is_some());
        }
    }
}

// ----- names the article never spells out in full ---------------------------------------------

#[test]
fn lone_unknown_surname_is_kept_as_written() {
    assert_eq!(
        speakers("Voters lined up early. Okonkwo said the wait was worth it."),
        vec!["Okonkwo"]
    );
    assert_eq!(
        said("In a statement, Brightwater said: \"The plan was doomed.\""),
        vec![direct("Brightwater", "The plan was doomed.")]
    );
}

#[test]
fn sentence_openers_are_no_surnames() {
    // A common word that opens a sentence but appears in lowercase elsewhere.
    assert!(speakers("Critics kept quiet. Residents said the questions were unfair.").is_empty());
    assert!(speakers("Votes were counted twice. Votes showed the lead.").is_empty());
    assert!(speakers("Voters were asked twice; some voters said no.").is_empty());
    // Adverbs, participles, numbers and time units.
    assert!(speakers("Shortly said nothing.").is_empty());
    assert!(speakers("Minutes later, she sent an email saying the job was done.").is_empty());
    assert!(speakers("Eight said they would vote.").is_empty());
    // The tail of a longer name, and a plural noun before its own verb.
    assert!(speakers(
        "He invited the president of the Fund for Coastal Peace, who often criticizes the plan."
    )
    .is_empty());
    assert!(speakers("Questions and answers have been edited for length.").is_empty());
}

// ----- "call" naming its object, participles with their own subject ---------------------------

#[test]
fn calling_something_a_name_is_speech() {
    assert_eq!(
        speakers("Senator Maria Olsen called the proposal “reckless and cruel.”"),
        vec!["Maria Olsen"]
    );
    assert_eq!(
        speakers("Kallas called the drills a provocation on Monday."),
        vec!["Kaja Kallas"]
    );
    assert_eq!(
        speakers("At a dinner in Tallinn, Kallas called half of the delegates “cowards.”"),
        vec!["Kaja Kallas"]
    );
    assert_eq!(
        speakers("The Harbor Workers Union called Xi a “partner” in its statement."),
        vec!["Harbor Workers Union"]
    );
    assert_eq!(
        said("It is a tax grab, which Maria Olsen called “political theater” on Monday."),
        vec![direct("Maria Olsen", "political theater")]
    );
    // A phone call, a news conference and an order are no speech.
    assert!(speakers("Xi called Kallas on Tuesday.").is_empty());
    assert!(speakers("Maria Olsen called a news conference.").is_empty());
    assert!(speakers("Maria Olsen called the meeting to order.").is_empty());
    // The particle forms keep working.
    assert_eq!(
        said("Kallas called on Moscow to withdraw."),
        vec![indirect("Kaja Kallas", "Moscow to withdraw")]
    );
}

#[test]
fn participle_with_its_own_subject() {
    assert_eq!(
        speakers("Critics went further, with former Governor Tom Reyes calling the plan a fraud."),
        vec!["Tom Reyes"]
    );
    assert_eq!(
        said("The debate ended, with Kallas saying the talks were over."),
        vec![indirect("Kaja Kallas", "the talks were over")]
    );
    assert_eq!(
        speakers("The ad ends with footage of Maria Olsen saying she would fight."),
        vec!["Maria Olsen"]
    );
    // A participle after a dash belongs to the sentence subject.
    assert_eq!(
        speakers("Kallas changed course – saying the sanctions would stay."),
        vec!["Kaja Kallas"]
    );
    // Not speech: a ship calling at a port, a name merely after "with".
    assert!(speakers("The ship left, with Captain Jane Doe calling at Malta.").is_empty());
    assert!(speakers("Xi met with Kallas, discussing trade.").len() <= 1);
}

#[test]
fn reported_that_and_approximate_numbers() {
    assert_eq!(
        said("The Committee for Fiscal Balance reported that the plan would cost $150 billion."),
        vec![indirect(
            "Committee for Fiscal Balance",
            "the plan would cost $150 billion"
        )]
    );
    // "reported a loss" reports no speech.
    assert!(speakers("The Harbor Workers Union reported a loss.").is_empty());
    assert_eq!(
        said("Kallas has said about 20 people applied for the post."),
        vec![indirect(
            "Kaja Kallas",
            "about 20 people applied for the post"
        )]
    );
    // An opening participle is nobody's name.
    assert!(speakers("Chastened by the polls, officials revised the plan.").is_empty());
}

#[test]
fn bodies_named_after_a_person_speak() {
    assert_eq!(
        speakers("The Okafor administration said it would appeal the ruling."),
        vec!["Okafor administration"]
    );
    assert_eq!(
        speakers("Maria Olsen’s campaign says it will move staff to Iowa."),
        vec!["Maria Olsen campaign"]
    );
    let quotes = run("The Olsen campaign said it was confident.");
    assert_eq!(quotes[0].speaker_type, Some(EntityType::Organization));
    // Without a name the body stays unnamed; a campaign official is a person, not the body.
    assert!(speakers("The administration said it would appeal.").is_empty());
    assert!(speakers("The Republican campaign said it was confident.").is_empty());
    assert!(speakers("A campaign spokesman said it was confident.").is_empty());
}

#[test]
fn coordinated_subjects_with_titles_and_quantifiers() {
    assert_eq!(
        speakers("Maria Olsen and Senator John Doe have both argued that the deal hurts workers."),
        vec!["John Doe", "Maria Olsen"]
    );
    assert_eq!(
        speakers("Xi and Kallas all said the talks were useful."),
        vec!["Kaja Kallas", "Xi Jinping"]
    );
    // Title words joined by "and" stay one title of one person.
    assert_eq!(
        speakers("President and Chief Executive John Doe said the plan was sound."),
        vec!["John Doe"]
    );
}

#[test]
fn descriptors_before_names_around_quotes() {
    assert_eq!(
        said("“We should slow down,” Senate minority leader Tom Reyes told reporters."),
        vec![direct("Tom Reyes", "We should slow down")]
    );
    assert_eq!(
        said("“Voters want change,” political scientist Ana Ruiz said."),
        vec![direct("Ana Ruiz", "Voters want change")]
    );
    assert_eq!(
        speakers("“It was hidden for years,” said Harbor Watch President Tom Reyes."),
        vec!["Tom Reyes"]
    );
    assert_eq!(
        speakers("“The founders would agree,” said Olsen constituent Dan Golvach when asked."),
        vec!["Dan Golvach"]
    );
    // A plural possessive inside an apposition.
    assert_eq!(
        speakers("“The numbers are strong,” Jeff Weaver, Reyes’ campaign manager, said."),
        vec!["Jeff Weaver"]
    );
    // A descriptor with a verb in it is a clause, not a descriptor.
    assert!(speakers("“It failed,” voters who backed Tom Reyes said.").is_empty());
}

#[test]
fn names_with_affiliation_and_party_labels() {
    assert_eq!(
        said("Ana Ruiz of Northgate University suggested that growth would slow."),
        vec![indirect("Ana Ruiz", "growth would slow")]
    );
    assert_eq!(
        speakers("Tom Reyes of the Harbor Policy Institute wrote recently that debt was high."),
        vec!["Tom Reyes"]
    );
    assert_eq!(
        speakers(
            "Rep. Ann Kerr (D-Calif.), who introduced a bill this year, said in a statement that the rules must change."
        ),
        vec!["Ann Kerr"]
    );
    assert_eq!(
        speakers("Tom Reyes, 60, a retired teacher, said the vote was fair."),
        vec!["Tom Reyes"]
    );
    // People of a place are no named speaker.
    assert!(speakers("The people of Ohio said no.").is_empty());
}

#[test]
fn surnames_that_are_also_towns_demonyms_or_after_honorifics() {
    assert_eq!(speakers("Murphy said the bill was dead."), vec!["Murphy"]);
    // A capital still speaks by metonymy and stays unnamed.
    assert!(speakers("Moscow said the bill was dead.").is_empty());
    // A town after a preposition is the place.
    assert!(speakers(
        "In nearby Murphy, the steel plant is hanging on, said the company's chief executive."
    )
    .is_empty());
    assert_eq!(
        speakers("David French of the Retail Federation said the rule was costly."),
        vec!["David French"]
    );
    assert!(speakers("The Chinese said the rule was costly.").is_empty());
    assert_eq!(
        speakers("Ms. Gao said by telephone that the law should change."),
        vec!["Gao"]
    );
}

#[test]
fn organization_names_with_common_words_after_inverted_cues() {
    // "World", "National", "News" are common words; inside a name they lead to its head.
    assert_eq!(
        said("Tax revenue fell, according to the World Fisheries Council."),
        vec![indirect("World Fisheries Council", "Tax revenue fell")]
    );
    assert_eq!(
        speakers("\"Talks will go on,\" said the World Harbor Union in a statement."),
        vec!["World Harbor Union"]
    );
    // Without an organization head the common word stays out of the name.
    assert!(speakers("Tax revenue fell, according to world leaders.").is_empty());
}

#[test]
fn interviewers_asking_are_speakers() {
    assert_eq!(
        said("Asked by Maria Olsen whether he would apologize, Tom Reyes said no."),
        vec![
            indirect("Maria Olsen", "whether he would apologize"),
            indirect("Tom Reyes", "no")
        ]
    );
    assert_eq!(
        speakers("When asked by host Ana Ruiz about the plan, Kallas said it was fine."),
        vec!["Ana Ruiz", "Kaja Kallas"]
    );
    // Unnamed askers stay unnamed; "asked by" without a question is no speech.
    assert!(speakers("He was asked by reporters whether he would run.").is_empty());
    assert!(speakers("The court was asked by Ana Ruiz to delay the case.").is_empty());
}

#[test]
fn appositions_holding_places_and_cue_like_nouns() {
    // "states" inside the apposition is a noun; "Oklahoma" ends the apposition, not a name.
    assert_eq!(
        said("“It is an invasion,” Tom Reyes, the attorney general of Oklahoma, one of the states suing the agency, said at an event."),
        vec![direct("Tom Reyes", "It is an invasion")]
    );
}

#[test]
fn participle_after_before_or_while() {
    assert_eq!(
        speakers("Maria Olsen waved to the crowd before saying the race was over."),
        vec!["Maria Olsen"]
    );
    assert!(speakers("Maria Olsen waved to the crowd before leaving.").is_empty());
}

#[test]
fn adjectives_before_organization_names() {
    assert_eq!(
        said("The plan was flawed, according to the nonpartisan Harbor Policy Institute."),
        vec![indirect("Harbor Policy Institute", "The plan was flawed")]
    );
    assert_eq!(
        speakers("The plan was flawed, said the conservative Harbor Policy Institute."),
        vec!["Harbor Policy Institute"]
    );
    // An adjective before a common noun is still an unnamed source.
    assert!(speakers("The plan was flawed, said the local union.").is_empty());
}

#[test]
fn gazetteer_names_with_common_words_stay_whole() {
    assert_eq!(
        said("The abuses were widespread, according to Human Rights Watch."),
        vec![indirect("Human Rights Watch", "The abuses were widespread")]
    );
}

#[test]
fn title_case_headlines_with_a_final_period() {
    let text = "Kallas Urges Calm After Border Vote.\n\nKaja Kallas spoke in Brussels on Monday.";
    assert_eq!(speakers(text), vec!["Kaja Kallas"]);
    // Capitalised common words in a headline are no names unless the body has them too.
    let text = "Massive Debate Demand Says Everything About This Race.\n\nThe debate is on Monday.";
    assert!(speakers(text).is_empty());
    let text =
        "Tom Reyes Says Harbor Deal Is Dead.\n\nTom Reyes, the port director, spoke on Monday.";
    assert_eq!(speakers(text), vec!["Tom Reyes"]);
}

#[test]
fn demonyms_as_given_names_and_nested_closing_marks() {
    assert_eq!(
        said("''It was an old connection,'' said Dane Holm, 67, of Exeter."),
        vec![direct("Dane Holm", "It was an old connection")]
    );
    assert!(speakers("''It was an old connection,'' said a Dane from Exeter.").is_empty());
    assert_eq!(
        said("''I would use the word 'old-school,''' said Ann Kerr."),
        vec![direct("Ann Kerr", "I would use the word 'old-school,'")]
    );
}

#[test]
fn told_someone_without_that_and_surname_titles_before_appositions() {
    assert_eq!(
        said("Maria Olsen told reporters she would stay neutral."),
        vec![indirect("Maria Olsen", "she would stay neutral")]
    );
    assert_eq!(
        said("Kallas told the newspaper it was over."),
        vec![indirect("Kaja Kallas", "it was over")]
    );
    // "told" with an object and no reported clause reports nothing.
    assert!(speakers("Maria Olsen told reporters about her plans.").is_empty());
    assert_eq!(
        speakers("Charlie King, a former director of the state party, said the group would grow."),
        vec!["Charlie King"]
    );
}

#[test]
fn as_name_noted() {
    assert_eq!(
        said("Of course, as Ana Ruiz observed, the real winner was the network."),
        vec![indirect("Ana Ruiz", "the real winner was the network")]
    );
    assert_eq!(
        said("The deal collapsed, as Kallas reported."),
        vec![indirect("Kaja Kallas", "The deal collapsed")]
    );
    // "as I've suggested": the writer, never a name.
    assert!(
        speakers("If, as I've suggested, the rules help him, he has proposed nothing.").is_empty()
    );
    // "as" meaning "while" with no clause after the comma.
    assert!(speakers("He left the room as Ana Ruiz arrived.").is_empty());
}

#[test]
fn manner_of_speaking_verbs() {
    assert_eq!(
        said(
            "As the crowd cheered, his wife Ana Ruiz whispered to him: “They are still with you.”"
        ),
        vec![direct("Ana Ruiz", "They are still with you.")]
    );
    assert_eq!(
        speakers("Kallas charged that the vote had been rigged."),
        vec!["Kaja Kallas"]
    );
    // "charged with" a crime, and a charge as a noun, report no speech.
    assert!(speakers("Tom Reyes was charged with fraud.").is_empty());
    assert!(speakers("Tom Reyes charges a fee for the service.").is_empty());
}

#[test]
fn progressive_cues_and_promises() {
    assert_eq!(
        said("Kallas is pledging to keep the sanctions."),
        vec![indirect("Kaja Kallas", "to keep the sanctions")]
    );
    assert_eq!(
        speakers("Senator Maria Olsen has promised to veto the bill."),
        vec!["Maria Olsen"]
    );
    // Progressive verbs that report nothing, and a passive progressive.
    assert!(speakers("The Harbor Workers Union is reporting strong sales.").is_empty());
    assert!(speakers("Maria Olsen is being asked about the bill.").is_empty());
}

#[test]
fn talking_and_speaking_about_a_topic() {
    assert_eq!(
        said("Kallas talked about the sanctions for an hour."),
        vec![indirect("Kaja Kallas", "the sanctions for an hour")]
    );
    assert_eq!(
        speakers("Maria Olsen spoke out against the plan on Monday."),
        vec!["Maria Olsen"]
    );
    // Speaking to someone, and talks as a noun, report nothing.
    assert!(speakers("Maria Olsen spoke to reporters on Monday.").is_empty());
    assert!(speakers("The talks about trade resumed on Monday.").is_empty());
}

#[test]
fn mentioning_and_estimating() {
    assert_eq!(
        speakers("Maria Olsen mentioned the bridge in her speech."),
        vec!["Maria Olsen"]
    );
    assert_eq!(
        said("The Harbor Policy Institute estimates that one in five ships is late."),
        vec![indirect(
            "Harbor Policy Institute",
            "one in five ships is late"
        )]
    );
    // An estimate as a noun reports nothing.
    assert!(speakers("The estimates were revised on Monday.").is_empty());
}

#[test]
fn time_expressions_between_subject_and_cue() {
    assert_eq!(
        speakers("Jane Roe, the party chairman, this past week announced a new website."),
        vec!["Jane Roe"]
    );
    assert_eq!(
        speakers("Kallas last month said the sanctions would stay."),
        vec!["Kaja Kallas"]
    );
}

// ----- issue 11: titles, honorifics, paragraphs, interview blocks, names that are not -------

#[test]
fn titles_of_several_words_are_stripped_as_units() {
    assert_eq!(
        speakers("Chancellor of the Exchequer Nigel Lawson said the pound was stable."),
        vec!["Nigel Lawson"]
    );
    assert_eq!(
        speakers("Former Secretary of State James Baker said he agreed."),
        vec!["James Baker"]
    );
    assert_eq!(
        speakers("\"Rates will hold,\" said Chancellor of the Exchequer Nigel Lawson."),
        vec!["Nigel Lawson"]
    );
    // The same words in a body's name or a plain sentence are no title.
    assert_eq!(
        speakers("The Secretary of State for Wales, Rhodri Morgan, said the plan was sound."),
        vec!["Rhodri Morgan"]
    );
    // A later surname finds the full name, not the title's tail.
    let text = "Chancellor of the Exchequer Nigel Lawson spoke first.\n\nMr. Lawson said the budget was balanced.";
    assert_eq!(speakers(text), vec!["Nigel Lawson"]);
}

#[test]
fn hyphenated_particles_end_a_name() {
    assert_eq!(
        speakers("Sheikh Ali al-Khalifa al-Sabah said oil output would stay flat."),
        vec!["Ali al-Khalifa al-Sabah"]
    );
    assert_eq!(
        said("\"We will not cut output,\" said Oil Minister Sheikh Ali al-Khalifa al-Sabah."),
        vec![direct("Ali al-Khalifa al-Sabah", "We will not cut output")]
    );
    // One particle is not a name on its own.
    assert!(speakers("Officials from al-Hasakah said the road was closed.").is_empty());
}

#[test]
fn honorific_and_surname_resolve_to_the_full_name() {
    let text =
        "Prime Minister Theresa May arrived in Brussels.\n\nMs. May said the talks were useful.";
    assert_eq!(speakers(text), vec!["Theresa May"]);
    let text = "Rachel June Carter chairs the panel.\n\nMrs. Carter said the findings were clear.";
    assert_eq!(speakers(text), vec!["Rachel June Carter"]);
    // A month stays a month.
    assert!(speakers("In May the bank said rates would rise.").is_empty());
    assert!(speakers("On Friday May 2 officials said the port had reopened.").is_empty());
}

#[test]
fn a_paragraph_ending_in_a_cue_and_colon_introduces_the_next() {
    let text = "Kaja Kallas met reporters in Brussels.\n\n\"The talks went well.\" Wang Yi spoke later.\n\nSergei Shoigu stated:\n\n\"The exercises will go ahead as planned.\"";
    let quotes = run(text);
    let last = quotes.last().expect("a quote");
    assert_eq!(last.text, "The exercises will go ahead as planned.");
    assert_eq!(last.speaker.as_deref(), Some("Sergei Shoigu"));
}

#[test]
fn quotes_stay_within_their_paragraph() {
    // A quote-only paragraph continues the speaker before it …
    let text = "\"We are ready,\" Shoigu said.\n\n\"The fleet is at sea.\"";
    assert_eq!(
        said(text),
        vec![
            direct("Sergei Shoigu", "We are ready"),
            direct("Sergei Shoigu", "The fleet is at sea.")
        ]
    );
    // … but not when its own paragraph names someone else.
    let text = "\"We are ready,\" Shoigu said.\n\n\"The fleet is at sea.\" Wang Yi was in Moscow at the time.";
    let quotes = run(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[1].speaker, None);
    // A pronoun prefers a person of its gender named in its own paragraph over the speaker of
    // an earlier one.
    let text = "\"We are ready,\" Shoigu said.\n\nKaja Kallas arrived later. \"We are ready too,\" she said.";
    assert_eq!(
        said(text),
        vec![
            direct("Sergei Shoigu", "We are ready"),
            direct("Kaja Kallas", "We are ready too")
        ]
    );
    // Not a possessive or a preposition's object: those are not the pronoun's antecedent.
    let text = "Wang Yi met Kaja Kallas.\n\n\"We are ready,\" Wang Yi said.\n\nReporters asked about Shoigu's plans. \"We will see,\" he said.";
    assert_eq!(
        said(text).last().cloned(),
        Some(direct("Wang Yi", "We will see"))
    );
}

#[test]
fn interview_blocks_with_publication_and_place() {
    let text = "The forecasts\n\nJane Roe, chief economist, 'The Daily Courier' (London): \"Rates will rise before the summer is out.\"";
    assert_eq!(
        said(text),
        vec![direct(
            "Jane Roe",
            "Rates will rise before the summer is out."
        )]
    );
    let text =
        "The forecasts\n\nJane Roe, chief economist: \"Rates will rise before the summer is out.\"";
    assert_eq!(speakers(text), vec!["Jane Roe"]);
    // A long quotation between name and colon is a statement, not a publication.
    let text = "The forecasts\n\nJane Roe, 'rates will rise before the summer is out and stay high for long': \"We were right.\"";
    assert!(speakers(text).is_empty());
}

#[test]
fn words_that_are_not_speakers() {
    // A preposition opening the sentence is no part of the name after it.
    let text = "Besides Demi, who said the shoot was fun, the cast included two newcomers.";
    assert!(!speakers(text).iter().any(|s| s.contains("Besides")));
    // The plural of an ordinary noun is a group, not a person.
    let quotes = run("Protestors said the new law was unfair to workers.");
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        (quotes[0].speaker.as_deref(), quotes[0].unnamed.as_deref()),
        (None, Some("Protestors"))
    );
    // … but a surname that is also a plural noun stays a name when the text uses it as one.
    let text = "The party met in Ohio. At the debate, Sanders spoke first.\n\nSanders said the plan was unfair.";
    assert_eq!(speakers(text), vec!["Sanders"]);
    // A constituency and an acronym role: the member, not a person called "Yellowhead MP".
    assert!(speakers("Yellowhead MP said the decision was wrong.").is_empty());
    assert_eq!(
        speakers("Yellowhead MP Jim Eglinski said the decision was wrong."),
        vec!["Jim Eglinski"]
    );
    // An ordinary word the text also writes in lowercase opens a sentence, not a name.
    let text = "Drivers dodge the toll on weekends.\n\nDodge Ram said nothing about it.";
    assert!(!speakers(text).iter().any(|s| s.contains("Dodge")));
    // A given name that is also a word stays a given name.
    assert_eq!(
        speakers("Carly Fiorina wrote on Facebook that the race was open."),
        vec!["Carly Fiorina"]
    );
}

#[test]
fn brands_publications_and_constituencies_are_not_people() {
    // A given name before an ordinary word is still a person.
    assert_eq!(
        speakers("Gary Ram said sales would rise."),
        vec!["Gary Ram"]
    );
    // A constituency before a title in an apposition: the named member speaks.
    assert_eq!(
        speakers("Jim Eglinski, Yellowhead MP, said the decision was wrong."),
        vec!["Jim Eglinski"]
    );
    assert_eq!(
        speakers("Jane Roe, Kenora Liberal MP, said the decision was wrong."),
        vec!["Jane Roe"]
    );
}

#[test]
fn a_publication_s_short_form_reports_as_an_outlet() {
    // "The Globe" is short for a publication: its own report is its statement …
    assert_eq!(
        speakers("The Globe reported on Monday that the mayor would resign."),
        vec!["Globe"]
    );
    // … and what it relays is not, as for an outlet named in full.
    let text = "The mayor will resign, the Globe reported, citing two aides.";
    assert!(speakers(text).is_empty(), "{:?}", speakers(text));
    let text = "Smith called the plan a disaster, the Globe reported. The plan is new.";
    assert!(
        !speakers(text).iter().any(|s| s == "Globe"),
        "{:?}",
        speakers(text)
    );
    // A body whose name is no publication's relays nothing ("the Pentagon").
    assert_eq!(
        speakers("The mayor will resign, the Pentagon said, citing two aides."),
        vec!["Pentagon"]
    );
}

#[test]
fn company_names_that_open_with_a_title_word_or_end_in_s() {
    // "General" before ordinary words opens a company's name, not a title.
    assert_eq!(
        speakers("General Signal said profit rose in the quarter."),
        vec!["General Signal"]
    );
    assert_eq!(
        speakers("General Cinema said it would open new screens."),
        vec!["General Cinema"]
    );
    // Before a surname, and after another title word, it is a title.
    assert!(
        !speakers("General Powell said the troops would return home.")
            .iter()
            .any(|s| s.starts_with("General"))
    );
    assert!(!speakers("Attorney General Powell said the law was clear.")
        .iter()
        .any(|s| s.starts_with("General")));
    // A name that ends in "'s" speaks; a possessive before a noun does not.
    assert_eq!(
        speakers(
            "Moody's Investors Service cut the rating. Moody's said the outlook was negative."
        ),
        vec!["Moody's"]
    );
    assert!(speakers("Kallas's aide said the talks had ended.")
        .iter()
        .all(|s| s != "Kaja Kallas"));
}

#[test]
fn an_honorific_with_a_surname_is_the_person_named_in_full() {
    let text = "Kaja Kallas arrived in Tokyo on Monday. \"We will stay,\" Ms. Kallas said.";
    assert_eq!(speakers(text), vec!["Kaja Kallas"]);
    let text = "Nigel Lawson spoke first. Mr. Lawson said rates would fall.";
    assert_eq!(speakers(text), vec!["Nigel Lawson"]);
}
