//! Articles as they really arrive: the committed fixtures in `tests/fixtures/` (see its
//! README), read end to end.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use newsfacet_article::{read_file, Article};
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(path: &Path) -> Vec<Article> {
    read_file(path)
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn one(name: &str) -> Article {
    let mut all = read(&fixture(name));
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn assert_absent(body: &str, needles: &[&str]) {
    for needle in needles {
        assert!(!body.contains(needle), "{needle:?} should be gone:\n{body}");
    }
}

fn assert_present(body: &str, needles: &[&str]) {
    for needle in needles {
        assert!(body.contains(needle), "{needle:?} should be kept:\n{body}");
    }
}

#[test]
fn every_kind_of_boilerplate_goes_and_the_story_stays() {
    let a = one("syndicated-boilerplate.txt");
    // The error page's text above the headline is not the title.
    assert_eq!(
        a.title,
        "Talks on grain corridor to resume next week, officials say"
    );
    // The dateline mark is story text (the source detector reads it).
    assert!(
        a.body
            .starts_with("MOSCOW, Feb 1 (Reuters) - Negotiators from the two countries"),
        "{}",
        a.body
    );
    assert_present(
        &a.body,
        &[
            "\"We expect the first shipments to leave port within days of an agreement,\"",
            "The previous agreement collapsed in January",
            // An expert-reaction section with its heading and quotes.
            "Expert reaction",
            "Maria Lindqvist, a commodities analyst",
            "the advertisement of a new round was itself enough",
            "\"The comments from both sides were more constructive",
            "should follow the talks on Twitter and in official statements",
        ],
    );
    assert_absent(
        &a.body,
        &[
            "404",
            "Page not found",
            "Sorry, the page",
            "Updated:",
            "Created:",
            "\n\nAdvertisement",
            "Story continues below",
            "Share this article",
            "Facebook Twitter",
            "Give Feedback",
            "Read more:",
            "Also read:",
            "Click here",
            "We use cookies",
            "Sign up for our newsletter",
            "Follow us on",
            "has not been edited by",
            "Comment policy",
            "5 Comments",
            "grainwatcher",
            "I doubt anything",
            "Olena K.",
            "same promises last year",
        ],
    );
    assert_eq!(a.body.matches("\n\n").count(), 5, "{}", a.body);
    // The removed syndication note names the publisher; it beats the wire in the byline.
    assert_eq!(a.source.as_deref(), Some("Devdiscourse"));
    // `Created:` in the removed timestamp byline.
    assert_eq!(a.published, ymd(2026, 2, 2));
}

#[test]
fn a_removed_timestamp_byline_gives_the_source_only_when_metadata_has_none() {
    let dir = TempDir::new().unwrap();
    let text = "Markets steady\n\nReuters | Updated: 02-02-2026 12:50 IST | Created: \
02-02-2026 12:45 IST\n\nLONDON, Feb 2 (Reuters) - Markets were steady on Monday.\n";
    let path = dir.path().join("a.txt");
    fs::write(&path, text).unwrap();
    let a = &read(&path)[0];
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.published, ymd(2026, 2, 2));
    assert_eq!(
        a.body,
        "LONDON, Feb 2 (Reuters) - Markets were steady on Monday."
    );

    let path = dir.path().join("b.txt");
    fs::write(&path, format!("Source: The Daily Example\n\n{text}")).unwrap();
    assert_eq!(read(&path)[0].source.as_deref(), Some("The Daily Example"));
}

#[test]
fn a_scrape_opening_with_a_status_line_and_an_error_page() {
    let article = one("scrape-status-line.txt");
    assert_eq!(
        article.title,
        "Dock workers end week-long strike at Valdora port"
    );
    assert!(
        article.body.starts_with("(Harbour Daily) — Dock workers"),
        "{}",
        article.body
    );
    assert_absent(&article.body, &["200 OK", "could not be found", "homepage"]);
    // The page states no date of its own; the crawler's fetch date stands in.
    assert_eq!(article.published, ymd(2025, 11, 14));
}

#[test]
fn legal_disclaimer_is_cut_to_the_end() {
    let a = one("disclaimer.md");
    assert_eq!(a.title, "Regional airline orders ten new jets");
    assert!(a
        .body
        .starts_with("(MENAFN- Gulf Daily) A regional airline"));
    assert_present(
        &a.body,
        &[
            "\"This order doubles our fleet",
            "Analysts said the legal disclaimer attached to the airline's prospectus",
        ],
    );
    assert_absent(
        &a.body,
        &[
            "ADVERTISEMENT",
            "Legal Disclaimer:",
            "without any warranty",
            "original provider",
        ],
    );
}

#[test]
fn repeated_paragraphs_are_dropped_keeping_the_first() {
    let a = one("repeated-scrape.txt");
    let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "Flood waters began to recede on Thursday in towns along the river, allowing \
hundreds of residents to return to their homes for the first time in a week.",
            "Emergency crews said they had cleared the main roads but warned that bridges \
would stay closed until engineers could inspect them.",
            "\"It will take months to repair the damage,\" the mayor of one town said, \
standing outside the flooded town hall.",
            "The regional government said it would release emergency funds on Monday for \
families whose homes were damaged.",
            // Short lines that recur in their own right stay.
            "Yes.",
            "Officials said more rain was expected next week.",
            "Yes.",
        ]
    );
}

#[test]
fn html_with_json_ld_graph() {
    let a = one("page-jsonld.html");
    // JSON-LD beats Open Graph and <meta> for every field it has.
    assert_eq!(a.title, "Harbour bridge reopens after \"long\" repairs");
    assert_eq!(a.source.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(a.published, ymd(2026, 1, 28));
    assert_eq!(a.authors, vec!["Priya Nair", "Tom Ellis"]);
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.coastal-ledger.example/local/harbour-bridge-reopens")
    );
    assert_eq!(
        a.id,
        "https://www.coastal-ledger.example/local/harbour-bridge-reopens"
    );
    let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "The harbour bridge reopened to traffic on Wednesday morning after eight months \
of repairs, ending long detours for about 40,000 commuters a day.",
            "Engineers replaced the worn expansion joints & resurfaced the deck, the \
transport department said in a statement.",
            "What commuters said",
            "\"It's like getting an hour of my life back every day,\" said one driver.",
            "Speed limit on the bridge: 60 km/h",
            "Cycle lane reopens in March",
            "Ferry operators, who added extra sailings during the closure, said they would \
return to the normal timetable next week. The council thanked residents for their patience.",
        ]
    );
    assert_absent(
        &a.body,
        &[
            "Home",
            "cookies",
            "Facebook",
            "Photo:",
            "Advertisement",
            "Related",
            "ferry wharf",
            "trackArticle",
            "JavaScript",
            "commuter99",
            "Copyright",
            "dataLayer",
        ],
    );
}

#[test]
fn html_with_json_ld_article_body() {
    let a = one("page-jsonld-body.html");
    assert_eq!(a.title, "Wind farm approved");
    assert_eq!(a.source.as_deref(), Some("Northern Courier"));
    assert_eq!(a.published, ymd(2026, 1, 31));
    assert_eq!(a.authors, vec!["Sam Okafor"]);
    assert_eq!(
        a.body,
        "Planners approved a 30-turbine wind farm on Saturday after a two-year review.\n\n\
The developer said construction would begin in the autumn and create 200 jobs.\n\n\
Residents who opposed the plan said they would consider an appeal."
    );
}

#[test]
fn html_with_open_graph_only() {
    let a = one("page-opengraph.html");
    // The site name is stripped from the Open Graph title.
    assert_eq!(a.title, "Library extends opening hours");
    // `article:publisher` is a Facebook URL, not a name; og:site_name is.
    assert_eq!(a.source.as_deref(), Some("Valley Post"));
    assert_eq!(a.published, ymd(2026, 1, 15));
    // `article:author` is a profile URL; `name=author` is the name.
    assert_eq!(a.authors, vec!["Dana Lee"]);
    assert_eq!(
        a.url.as_deref(),
        Some("https://valleypost.example/2026/01/library-hours")
    );
    assert!(a
        .body
        .starts_with("The town library will stay open until 9 p.m."));
    assert!(a.body.ends_with("elsewhere in the culture budget."));
    assert_eq!(a.body.matches("\n\n").count(), 2, "{}", a.body);
    assert_absent(
        &a.body,
        &["Home | News", "Read more", "newsletter", "Most read"],
    );
}

#[test]
fn bare_html_takes_title_and_dateline_year_from_context() {
    let a = one("page-bare.htm");
    assert_eq!(a.title, "Power cut hits old town");
    assert!(a.body.starts_with("PORTO, Jan 20 (Reuters) - A power cut"));
    assert_eq!(a.body.matches("\n\n").count(), 2);
    // A year-less dateline and no year anywhere: honestly unknown.
    assert_eq!(a.published, None);
    assert_eq!(a.source, None);

    // The same page under a dated directory gets its year from the path.
    let dir = TempDir::new().unwrap();
    let dated = dir.path().join("scrape/2026/01/page-bare.htm");
    fs::create_dir_all(dated.parent().unwrap()).unwrap();
    fs::copy(fixture("page-bare.htm"), &dated).unwrap();
    assert_eq!(read(&dated)[0].published, ymd(2026, 1, 20));
}

#[test]
fn html_declared_charset() {
    let bytes = fs::read(fixture("page-latin1.html")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must not be UTF-8"
    );
    let a = one("page-latin1.html");
    assert_eq!(a.title, "Café culture returns");
    assert!(a.body.contains("The cafés of the old quarter"));
    assert!(a.body.contains("crème brûlée"));
}

#[test]
fn crawler_outputs_compressed() {
    let all = read(&fixture("crawlers.jsonl.gz"));
    assert_eq!(all.len(), 4);

    // news-please
    let a = &all[0];
    assert_eq!(a.title, "Port strike ends");
    assert_eq!(
        a.body,
        "Dock workers returned to work on Monday after a pay deal.\n\nThe strike had lasted \
nine days."
    );
    assert_eq!(a.published, ymd(2026, 1, 26));
    assert_eq!(a.source.as_deref(), Some("harbour-news.example"));
    assert_eq!(a.authors, vec!["Kim Berg"]);
    assert_eq!(a.origin.line, Some(1));

    // trafilatura: `source` is the page URL, `comments` are never the body.
    let a = &all[1];
    assert_eq!(a.source.as_deref(), Some("Rail Gazette"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://railgazette.example/news/fares-rise")
    );
    assert_eq!(a.authors, vec!["Ann Lee", "Bo Chan"]);
    assert_eq!(a.published, ymd(2026, 1, 27));
    assert!(!a.body.contains("Reader one"));

    // newspaper3k: `source_url` is the home page, not the article.
    let a = &all[2];
    assert_eq!(a.id, "https://citypaper.example/arts/museum-reopens");
    assert_eq!(a.source.as_deref(), Some("City Paper"));
    assert_eq!(a.published, ymd(2026, 1, 25));

    // WordPress REST: rendered HTML.
    let a = &all[3];
    assert_eq!(a.title, "Council \u{2013} new budget");
    assert_eq!(a.body, "The council passed its budget.\n\nTaxes stay flat.");
}

#[test]
fn newspaper3k_home_page_is_not_an_article_id() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("n.jsonl");
    fs::write(
        &path,
        "{\"title\": \"A\", \"text\": \"One.\", \"source_url\": \"https://citypaper.example\"}\n\
{\"title\": \"B\", \"text\": \"Two.\", \"source_url\": \"https://citypaper.example\"}\n",
    )
    .unwrap();
    let all = read(&path);
    assert_eq!(all[0].url, None);
    assert_ne!(
        all[0].id, all[1].id,
        "two articles must not share the site's id"
    );
}

#[test]
fn html_without_text_is_an_error_naming_the_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("blank.html");
    fs::write(
        &path,
        "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let results: Vec<_> = read_file(&path).collect();
    assert_eq!(results.len(), 1);
    let e = results[0].as_ref().unwrap_err();
    assert_eq!(e.reason(), "no text");
    assert_eq!(
        e.to_string(),
        format!("{}: no title and no body text", path.display())
    );

    let path = dir.path().join("empty.htm");
    fs::write(&path, "  \n").unwrap();
    let e = read_file(&path).next().unwrap().unwrap_err();
    assert_eq!(e.reason(), "empty file");

    // Broken markup and broken JSON-LD are read as well as they can be, never a panic.
    let path = dir.path().join("broken.html");
    fs::write(
        &path,
        "<html><head><title>Half a page</title><script type=\"application/ld+json\">{\"@type\": \
\"NewsArticle\", \"headline\": </script></head><body><p>Only this paragraph survived the \
scrape.<div><p>And this",
    )
    .unwrap();
    let a = &read(&path)[0];
    assert_eq!(a.title, "Half a page");
    assert_eq!(
        a.body,
        "Only this paragraph survived the scrape.\n\nAnd this"
    );
}

#[test]
fn a_page_wrapped_in_one_aspnet_form_keeps_its_story() {
    let a = one("page-aspnet-form.html");
    // The form around the whole page is its layout: the story is read, not the description.
    assert!(
        a.body
            .starts_with("Valdora council voted on Tuesday to add three evening ferries."),
        "{}",
        a.body
    );
    assert_present(
        &a.body,
        &[
            "\"This changes the week for late-shift workers,\" said Ines Marko.",
            "Councillors asked for a review of passenger numbers after six months.",
        ],
    );
    // Widgets inside it are still no story: the search box, the row of section links.
    assert_absent(
        &a.body,
        &["Search", "News Sport Opinion", "__VIEWSTATE", "©"],
    );
}

#[test]
fn a_marked_body_of_bare_text_beats_a_newsletter_box() {
    let a = one("page-br-body.html");
    assert!(
        a.body.starts_with("The rail workers' union called off"),
        "{}",
        a.body
    );
    assert_present(
        &a.body,
        &[
            "union officials said in a statement.",
            "The operator's chief executive, Hanne Lutz,",
            "several days of lost work and missed appointments.",
        ],
    );
    assert_absent(
        &a.body,
        &["Morning Ledger", "inbox", "unsubscribe", "Sign up"],
    );
    assert_eq!(a.body.matches("\n\n").count(), 4, "{}", a.body);
}

#[test]
fn a_blogger_post_without_paragraph_tags_is_read_from_its_post_body() {
    let a = one("page-blogger.html");
    assert!(
        a.body
            .starts_with("The footbridge by the old mill opened again this morning."),
        "{}",
        a.body
    );
    assert_present(
        &a.body,
        &[
            "Mrs Aldous cut the ribbon, then went on to buy her loaf.",
            "The path up to the lane should be finished before the summer.",
        ],
    );
    assert_absent(
        &a.body,
        &[
            "Powered by",
            "Maud keeps bees",
            "Blog Archive",
            "Older Post",
            "Email This",
            "A walk across the repaired bridge",
        ],
    );
    assert_eq!(a.body.matches("\n\n").count(), 6, "{}", a.body);
}

#[test]
fn a_long_reader_comment_thread_is_never_the_story() {
    let a = one("page-comment-thread.html");
    assert!(
        a.body
            .contains("The county board voted 4-1 on Monday to close the Elm Street library."),
        "{}",
        a.body
    );
    assert_present(
        &a.body,
        &["Supervisor Luis Ortega, who voted against, wants a smaller reading room."],
    );
    assert_absent(
        &a.body,
        &[
            "This is a disgrace",
            "riverside_reader",
            "Sad but not surprising",
            "Have your say",
            "Reply",
        ],
    );
}

#[test]
fn banners_stamps_headline_lists_and_author_notes_around_a_story_go() {
    let a = one("page-furniture-around-story.html");
    assert!(
        a.body
            .starts_with("The coastal road between Eastport and Millbay stayed closed"),
        "{}",
        a.body
    );
    assert_present(
        &a.body,
        &[
            "\"We are not going to send traffic along a wall we have not inspected,\"",
            "Buses are running on the inland route through Carrow",
            "another band of rain is due over the weekend.",
        ],
    );
    assert_absent(
        &a.body,
        &[
            "Subscribe",
            "Sign In",
            "Most Popular Videos",
            "Breaking News",
            "Updated 11:21 pm",
            "nadia.okafor@",
            "is a staff writer",
            "More headlines",
            "Harbour dredging delayed",
            "Lifeboat crew honoured",
            "Comments you share",
            "keep it civil",
        ],
    );
    assert_eq!(a.body.matches("\n\n").count(), 4, "{}", a.body);
    // The byline that was removed still names the author.
    assert_eq!(a.authors, vec!["Nadia Okafor".to_string()]);
}

#[test]
fn community_guidelines_after_a_scraped_story_go_and_stories_about_comments_stay() {
    let a = one("scrape-comment-policy.txt");
    assert_eq!(
        a.title,
        "Town hall agrees to keep the swimming pool open all winter"
    );
    assert_present(
        &a.body,
        &[
            "(Lakeside Echo) — The town council agreed on Wednesday",
            "Readers' comments poured in after the Echo first reported the plan",
            "The minister's comments were criticised by swimming clubs last year",
        ],
    );
    assert_absent(
        &a.body,
        &[
            "We value your comments",
            "Comments you share on our site",
            "keep it civil",
            "Please be respectful",
            "reserve the right",
        ],
    );
    assert_eq!(a.body.matches("\n\n").count(), 3, "{}", a.body);
}
