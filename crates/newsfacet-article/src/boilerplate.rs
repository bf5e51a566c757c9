//! Boilerplate rules: which lines and paragraphs of a scraped body are not the story.
//!
//! The rules are data (`data/boilerplate.txt`, compiled in with `include_str!`; its header
//! documents the format), so that a new outlet's boilerplate is a data edit. Every pattern
//! must match a *whole* line or paragraph, which is what keeps story text that merely mentions
//! "advertisement" or "comments" safe. All patterns are compiled into one [`RegexSet`], so a
//! line is tested against every rule in a single pass.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::date::{MONTH_RE, WEEKDAY_RE};
use crate::one_line::clean_title;

const DATA: &str = include_str!("../data/boilerplate.txt");

/// Macros the data file may use, so that date-shaped rules stay readable. Later entries may
/// use earlier ones.
const MACROS: &[(&str, &str)] = &[
    ("{month}", MONTH_RE),
    ("{weekday}", WEEKDAY_RE),
    (
        "{date}",
        r"(?:{weekday}\s+)?(?:\d{4}-\d{1,2}-\d{1,2}(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|{month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+{month},?\s+\d{4})",
    ),
    (
        "{time}",
        r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)",
    ),
];

/// Minimum story text (in bytes, trimmed) that must precede a `cut` rule for it to remove the
/// rest: a "Comments" heading or a disclaimer at the very top is stray, not the end of a story.
pub(crate) const CUT_AFTER: usize = 200;

/// Cache for the rule set's lazy DFA. The default (2 MiB) is too small for some seventy
/// case-insensitive Unicode patterns: the DFA then gives up and every line goes through the
/// much slower PikeVM, which made cleaning forty times slower than reading.
const DFA_CACHE: usize = 64 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Drop,
    Cut,
    Credit,
    Publisher,
}

struct Rule {
    action: Action,
    /// Further tests of a conjunction rule (`shape && test && !test`), as indices into
    /// [`Rules::tests`], each with whether the test must match (`true`) or must not.
    tests: Vec<(usize, bool)>,
    /// The anchored pattern of a rule with named groups to read (credit, publisher).
    capture_pattern: Option<String>,
    /// That pattern compiled, on the first line it matches: compiling every rule's own regex
    /// up front would double the start-up cost of the rule set.
    captures: OnceLock<Regex>,
}

impl Rule {
    fn captures(&self) -> Option<&Regex> {
        let pattern = self.capture_pattern.as_ref()?;
        Some(self.captures.get_or_init(|| compile_checked(pattern)))
    }
}

struct Rules {
    set: RegexSet,
    rules: Vec<Rule>,
    /// The unanchored tests of conjunction rules, run only on a line whose shape matched one.
    tests: RegexSet,
    /// Patterns of names that are no publisher; compiled on first use.
    not_source_patterns: Vec<String>,
    not_source: OnceLock<Vec<Regex>>,
}

impl Rules {
    fn not_source(&self) -> &[Regex] {
        self.not_source.get_or_init(|| {
            self.not_source_patterns
                .iter()
                .map(|p| compile_checked(p))
                .collect()
        })
    }
}

/// Compiles a built-in pattern that [`parse`] has already checked; only a pattern over the
/// regex crate's size limit could fail here, and the tests compile every one.
fn compile_checked(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("data/boilerplate.txt: {e}"))
}

static RULES: LazyLock<Rules> = LazyLock::new(|| match parse(DATA) {
    Ok(rules) => rules,
    // The data is compiled in and every rule is exercised by the tests, so this only fires
    // for an edit that was never tested; failing loudly beats silently keeping boilerplate.
    Err(message) => panic!("data/boilerplate.txt: {message}"),
});

/// Compiles the rule set now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&RULES);
}

fn expand(pattern: &str) -> String {
    let mut out = pattern.to_string();
    // Expanding in reverse order lets `{date}` bring in `{weekday}` and `{month}`, which are
    // then expanded by their own (earlier) entries.
    for (name, body) in MACROS.iter().rev() {
        out = out.replace(name, body);
    }
    out
}

fn anchored(pattern: &str) -> String {
    format!("(?i)^(?:{})$", ascii_boundaries(&expand(pattern)))
}

/// A rule's `\b` is an ASCII word boundary. The rules look for English words, and a Unicode
/// `\b` makes the regex engine give up its fast automaton on any line with a non-ASCII
/// letter, falling back to one that slows down with every rule added to the set.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// A conjunction test: unanchored (it looks for its words anywhere in the line), and
/// case-insensitive like every rule, with ASCII word boundaries like every rule.
fn unanchored(pattern: &str) -> String {
    format!("(?i)(?:{})", ascii_boundaries(&expand(pattern)))
}

fn parse(data: &str) -> Result<Rules, String> {
    let mut patterns = Vec::new();
    let mut rules = Vec::new();
    let mut tests = Vec::new();
    let mut not_source_patterns = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (action, pattern) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("line {}: expected an action and a pattern", i + 1))?;
        let mut parts = pattern.split(" && ");
        let pattern = anchored(parts.next().unwrap_or_default().trim());
        // Parsing finds every syntax error with its line; compiling is left to the set (and to
        // first use for the patterns read on their own), which is what start-up pays for.
        regex_syntax::parse(&pattern).map_err(|e| format!("line {}: bad pattern: {e}", i + 1))?;
        let mut rule_tests = Vec::new();
        for part in parts {
            let part = part.trim();
            let (wanted, part) = match part.strip_prefix('!') {
                Some(rest) => (false, rest.trim_start()),
                None => (true, part),
            };
            let test = unanchored(part);
            regex_syntax::parse(&test)
                .map_err(|e| format!("line {}: bad test {part:?}: {e}", i + 1))?;
            rule_tests.push((tests.len(), wanted));
            tests.push(test);
        }
        let action = match action {
            "drop" => Action::Drop,
            "cut" => Action::Cut,
            "credit" => Action::Credit,
            "publisher" => Action::Publisher,
            "not-source" if !rule_tests.is_empty() => {
                return Err(format!("line {}: not-source takes no && tests", i + 1));
            }
            "not-source" => {
                not_source_patterns.push(pattern);
                continue;
            }
            other => return Err(format!("line {}: unknown action {other:?}", i + 1)),
        };
        let capture_pattern = match action {
            Action::Credit | Action::Publisher => Some(pattern.clone()),
            Action::Drop | Action::Cut => None,
        };
        patterns.push(pattern);
        rules.push(Rule {
            action,
            tests: rule_tests,
            capture_pattern,
            captures: OnceLock::new(),
        });
    }
    let set = RegexSetBuilder::new(&patterns)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| format!("rule set: {e}"))?;
    let tests = RegexSetBuilder::new(&tests)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| format!("test set: {e}"))?;
    Ok(Rules {
        set,
        rules,
        tests,
        not_source_patterns,
        not_source: OnceLock::new(),
    })
}

/// What to do with one line or paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Drop,
    /// Drop it and everything after it (if enough story precedes it; see [`CUT_AFTER`]).
    Cut,
}

/// Names found in removed credit lines, to keep what the boilerplate said.
#[derive(Debug, Default)]
pub(crate) struct Credits {
    /// The publisher named by a removed note or byline; `true` when it came from a
    /// `publisher` rule, which beats a `credit` rule.
    source: Option<(bool, String)>,
    pub authors: Vec<String>,
}

impl Credits {
    /// The publisher named by the removed boilerplate, if any.
    pub(crate) fn source(&self) -> Option<&str> {
        self.source.as_ref().map(|(_, name)| name.as_str())
    }

    fn offer_source(&mut self, name: &str, certain: bool) {
        let name = clean_title(name.trim_matches(|c: char| c.is_whitespace() || c == ','));
        if name.is_empty() || RULES.not_source().iter().any(|r| r.is_match(&name)) {
            return;
        }
        match &self.source {
            Some((true, _)) => {}
            Some((false, _)) if !certain => {}
            _ => self.source = Some((certain, name)),
        }
    }
}

/// Judges one line or paragraph; names in credit lines are added to `credits`.
pub(crate) fn judge(text: &str, credits: &mut Credits) -> Verdict {
    let text = collapse(text);
    if text.is_empty() {
        return Verdict::Keep;
    }
    let rules = &*RULES;
    // Most lines are kept: asking whether any rule matches is much cheaper than finding every
    // rule that matches (an unchanged re-index of 100k generated articles, which only reads
    // and cleans, went from 8.4 s to 6.8 s).
    if !rules.set.is_match(&text) {
        return Verdict::Keep;
    }
    // The first rule whose shape matches and whose tests, if any, all hold decides; the tests
    // only run on a line that has the shape of a conjunction rule.
    let mut tested = None;
    let rule = rules.set.matches(&text).iter().find_map(|index| {
        let rule = rules.rules.get(index)?;
        if rule.tests.is_empty() {
            return Some(rule);
        }
        let found = tested.get_or_insert_with(|| rules.tests.matches(&text));
        rule.tests
            .iter()
            .all(|&(test, wanted)| found.matched(test) == wanted)
            .then_some(rule)
    });
    let Some(rule) = rule else {
        return Verdict::Keep;
    };
    match rule.action {
        Action::Drop => Verdict::Drop,
        Action::Cut => Verdict::Cut,
        Action::Credit | Action::Publisher => {
            let caps = rule.captures().and_then(|r| r.captures(&text));
            if let Some(caps) = caps {
                if let Some(source) = caps.name("source") {
                    credits.offer_source(source.as_str(), rule.action == Action::Publisher);
                }
                if let Some(authors) = caps.name("author") {
                    for author in split_names(authors.as_str()) {
                        if !credits.authors.contains(&author) {
                            credits.authors.push(author);
                        }
                    }
                }
            }
            Verdict::Drop
        }
    }
}

/// Whitespace runs as single spaces, trimmed; borrowed when already so (the common case, and
/// this runs for every line of every article).
fn collapse(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    let mut previous_space = false;
    let clean = text.chars().all(|c| {
        let ok = c == ' ' && !previous_space || !c.is_whitespace();
        previous_space = c == ' ';
        ok
    });
    if clean {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// `Ann Lee, Bo Chan and Cy Diaz` → the three names.
fn split_names(names: &str) -> Vec<String> {
    names
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(clean_title)
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(line: &str) -> Verdict {
        judge(line, &mut Credits::default())
    }

    #[test]
    fn whitespace_is_collapsed_before_matching() {
        assert_eq!(collapse("  a  b\tc \n"), "a b c");
        assert!(matches!(collapse("a b c"), Cow::Borrowed("a b c")));
        assert_eq!(
            verdict("\tStory   continues\u{A0}below  advertisement "),
            Verdict::Drop
        );
    }

    #[test]
    fn data_file_parses() {
        assert!(RULES.rules.len() > 40, "{}", RULES.rules.len());
        assert!(!RULES.not_source().is_empty());
        assert!(parse("explode .*").is_err());
        assert!(parse("drop (unclosed").is_err());
        assert!(parse("drop").is_err());
    }

    #[test]
    fn every_pattern_compiled_on_first_use_compiles() {
        let with_captures = RULES.rules.iter().filter_map(Rule::captures).count();
        let expected = RULES
            .rules
            .iter()
            .filter(|r| matches!(r.action, Action::Credit | Action::Publisher))
            .count();
        assert!(expected > 0);
        assert_eq!(with_captures, expected);
        assert_eq!(RULES.not_source().len(), RULES.not_source_patterns.len());
    }

    #[test]
    fn error_page_text() {
        for line in [
            "404",
            "Error 404",
            "404 - Page not found",
            "Page Not Found",
            "Oops! Page not found.",
            "Sorry, the page you were looking for does not exist.",
            "The page you requested could not be found.",
            "Sorry, we couldn't find that page",
            "Oops! That page can’t be found.",
            "Go back to the homepage",
            "It looks like nothing was found at this location. Maybe try a search?",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "The page was not found in the archive, officials said.",
            "Investigators said 404 people were evacuated.",
            "The page you were looking for, the minister joked, is in the budget.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn advertisement_markers() {
        for line in [
            "Advertisement",
            "ADVERTISEMENT",
            "  advertisement  ",
            "Story continues below advertisement",
            "Article continues below this ad",
            "Advertisement - scroll to continue",
            "- Advertisement - Continue reading below",
            "Continue reading the main story",
            "Scroll to continue with content",
            "Ad Feedback",
            "Sponsored Content",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "The advertisement was pulled after complaints.",
            "Advertisement revenue fell 4% in the quarter.",
            "The story continues to develop, police said.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn comment_sections_and_policy() {
        for line in [
            "5 Comments",
            "1,204 comments",
            "Comments",
            "Reader Comments",
            "Comments (12)",
            "3 thoughts on “Talks resume”",
            "Join the conversation",
            "View all comments",
        ] {
            assert_eq!(verdict(line), Verdict::Cut, "{line}");
        }
        for line in [
            "Comments are moderated and may take time to appear.",
            "Please read our comment policy before posting.",
            "Comment policy: be civil.",
            "You must be logged in to post a comment.",
            "Leave a Reply Cancel reply",
            "Your email address will not be published. Required fields are marked *",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "5 comments were received by the regulator before the deadline.",
            "Comments from the minister angered the opposition.",
            "The comments section of the bill was rewritten.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn community_guidelines_in_any_wording() {
        for line in [
            "Comments you share on our site are moderated. Please be respectful and keep it \
             civil; we remove personal attacks and off-topic posts.",
            "We welcome a lively debate, but your posts must follow our community guidelines. \
             Abusive comments will be removed.",
            "By posting a comment here you agree to our terms of use. We reserve the right to \
             delete comments that are offensive or defamatory.",
            "Our moderators review every reply before it appears. If you see a post that breaks \
             the house rules, please report it.",
            "Please be respectful.",
            "Please be respectful and keep it civil.",
            "Keep it civil.",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "The minister's comments were criticised by opposition leaders on Tuesday.",
            "Readers' comments poured in after the paper changed its policy on anonymous letters.",
            "Facebook said it would remove posts you share if they break its policy on hate speech.",
            "\"Please keep your comments civil,\" the chairman told the meeting.",
            "Our reporters asked you, our readers, about the new bus routes, and your comments \
             were overwhelmingly positive, the survey found.",
            "Please be respectful of the family's privacy at this difficult time, police said.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn banners_time_stamps_account_links_and_author_contacts() {
        for line in [
            "Breaking News",
            "BREAKING:",
            "Live updates",
            "More headlines",
            "Other stories",
            "Top News",
            "Updated 11:21 pm",
            "Updated at 9:05 a.m. ET",
            "Posted 11:21 PM EST, Mar 3",
            "Last updated 14:05",
            "Subscribe / Sign In / Most Popular Videos",
            "© 2026 Example Media Ltd. All rights reserved. About us Contact",
            "Copyright 2026 The Example Press.",
            "Sign In | Register",
            "Most Popular Videos",
            "Email: jane.doe@example.com",
            "Contact the reporter at jane.doe@example.com.",
            "Jane Doe is a staff writer covering courts and crime for the Daily Example. Reach \
             her at jane.doe@example.com.",
            "Tom Reyes has been a correspondent in Lisbon since 2019. Follow him @tomreyes.",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "Breaking news of the merger sent shares higher on Monday.",
            "The meeting was updated at 11:21 pm after a power cut, officials said.",
            "Subscribers can sign in to read the full report, the company said.",
            "Readers can send tips to tips@example.com, police said.",
            "petition.office@example.org",
            "Breaking news.",
            "John Smith is a reporter who was detained at the border on Friday, his employer said.",
            "Maria Lopez is a nurse at the city hospital. Reach her at the clinic on Fridays.",
            "Other stories from the region show the same pattern of rising rents.",
            "Copyright law was at the heart of the case, the court heard.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
        let mut credits = Credits::default();
        assert_eq!(
            judge(
                "By Jane Doe, Staff Writer jane.doe@example.com",
                &mut credits
            ),
            Verdict::Drop
        );
        assert_eq!(credits.authors, vec!["Jane Doe"]);
    }

    #[test]
    fn follow_download_and_more_from_lines_bounded_by_words() {
        for line in [
            "Follow us on Twitter",
            "Follow The Daily Example on Facebook and Instagram",
            "Like Zürich Heute on Facebook",
            "Download the BBC News app",
            "Download our free newsapp now for the latest headlines",
            "More from The Daily Example",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "Follow the money trail that the auditors uncovered in 2019 and still ignored on \
             Facebook",
            "Download the full report from the ministry's website, officials said.",
            "More from the interview follows below, as the minister took questions for an hour.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
        let mut credits = Credits::default();
        assert_eq!(
            judge("By Jane Doe, John Smith and Mary Ann Lee", &mut credits),
            Verdict::Drop
        );
        assert_eq!(
            credits.authors,
            vec!["Jane Doe", "John Smith", "Mary Ann Lee"]
        );
    }

    #[test]
    fn conjunction_rules_parse_their_tests() {
        let rules =
            parse("drop .{5,} && \\bcat\\b && !\\bdog\\b").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rules.rules[0].tests, vec![(0, true), (1, false)]);
        assert!(parse("drop .* && (unclosed").is_err());
        assert!(parse("not-source x && y").is_err());
    }

    #[test]
    fn disclaimers_cut() {
        assert_eq!(
            verdict("Legal Disclaimer: MENAFN provides the information as is."),
            Verdict::Cut
        );
        assert_eq!(verdict("Legal Disclaimer:"), Verdict::Cut);
        assert_eq!(
            verdict("Disclaimer: The views expressed are the author's own."),
            Verdict::Cut
        );
        assert_eq!(
            verdict("The legal disclaimer in the contract was challenged in court."),
            Verdict::Keep
        );
    }

    #[test]
    fn syndication_notes_name_the_publisher() {
        let mut credits = Credits::default();
        let note = "(This story has not been edited by Devdiscourse staff and is auto-generated \
                    from a syndicated feed.)";
        assert_eq!(judge(note, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), Some("Devdiscourse"));
        // A later byline does not override the certain publisher.
        let byline = "Reuters | Updated: 02-02-2026 12:50 IST | Created: 02-02-2026 12:45 IST";
        assert_eq!(judge(byline, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), Some("Devdiscourse"));

        let mut credits = Credits::default();
        let note = "(Only the headline of this report may have been reworked by Business \
                    Standard staff; the rest of the content is auto-generated from a syndicated \
                    feed.)";
        assert_eq!(judge(note, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), Some("Business Standard"));
    }

    #[test]
    fn timestamp_bylines() {
        let mut credits = Credits::default();
        let byline = "Reuters | Updated: 02-02-2026 12:50 IST | Created: 02-02-2026 12:45 IST";
        assert_eq!(judge(byline, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), Some("Reuters"));

        let mut credits = Credits::default();
        let desk = "Devdiscourse News Desk | New Delhi | Updated: 01-02-2026 09:10 IST";
        assert_eq!(judge(desk, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), Some("Devdiscourse"));

        let mut credits = Credits::default();
        let agencies = "Agencies | Updated: February 1, 2026";
        assert_eq!(judge(agencies, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), None);

        let mut credits = Credits::default();
        let by = "By Jane Doe | Published: Feb 1, 2026 10:00 am ET";
        assert_eq!(judge(by, &mut credits), Verdict::Drop);
        assert_eq!(credits.source(), None);
        assert_eq!(credits.authors, vec!["Jane Doe"]);

        for line in [
            "Updated: 02-02-2026 12:50 IST",
            "Published: February 1, 2026",
            "Last updated on Sunday, February 1, 2026 at 10:15 GMT",
            "Published on 1 Feb 2026 | Updated on 2 Feb 2026",
            "Posted on February 1, 2026 by admin",
            "2026-02-01T10:00:00Z",
            "Sunday, February 1, 2026",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "Published in 2019, the report found that prices rose.",
            "Updated figures on February 1, 2026 showed a rise in unemployment.",
            "MOSCOW, Feb 1 (Reuters) - Russia said on Sunday it would resume talks.",
            "Reuters | The agency said talks would resume.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn share_subscribe_follow_and_links() {
        for line in [
            "Give Feedback",
            "Share",
            "Share this article",
            "Share on Facebook",
            "Facebook Twitter WhatsApp Email",
            "Share | Tweet | Email",
            "Copy link",
            "Subscribe",
            "Subscribe to our daily newsletter for the latest headlines",
            "Sign up for our newsletter",
            "Sign up for the Morning Brief newsletter to get the news first.",
            "Follow us on Twitter and Facebook",
            "Follow us",
            "Join our WhatsApp channel for updates",
            "Read more: Talks resume in Geneva",
            "READ MORE",
            "Also read: Oil prices rise",
            "ALSO READ | Markets close higher",
            "Click here to read the full report",
            "Related Articles",
            "Related: Earlier coverage",
            "Download the News app for Android",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "Shares rose 3% in early trading.",
            "Share prices of the company fell after the announcement.",
            "Subscribers will pay more from March, the company said.",
            "Readers were asked to follow the instructions on Twitter, police said.",
            "Read more carefully, the judge told the lawyer, and you will see the clause.",
            "Related parties must disclose their holdings, the regulator said.",
            "Watchdog groups said the vote was fair.",
            "Clicking on the link installed malware, researchers found.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn page_furniture() {
        for line in [
            "Skip to main content",
            "Loading...",
            "Please enable JavaScript to view the comments.",
            "Listen to this article 4 min",
            "5 min read",
            "Updated 2 hours ago",
            "Image caption, Residents queue for water",
            "Image source, Getty Images",
            "Photo: Reuters",
            "File photo: A tanker at the port",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        for line in [
            "Loading of the ships began on Monday.",
            "The photo: a grainy image that went viral, police said, was fake.",
            "Five minutes ago the minister resigned, a spokesman said on television.",
        ] {
            assert_eq!(verdict(line), Verdict::Keep, "{line}");
        }
    }

    #[test]
    fn cookie_notices() {
        for line in [
            "We use cookies to improve your experience on our site.",
            "This website uses cookies. By continuing you agree to our cookie policy.",
            "Accept all cookies",
            "Manage cookies",
            "By continuing to use this site, you agree to our use of cookies.",
            "Cookie Policy",
        ] {
            assert_eq!(verdict(line), Verdict::Drop, "{line}");
        }
        assert_eq!(
            verdict("We use cookies as a metaphor, the designer said."),
            Verdict::Keep
        );
    }

    #[test]
    fn bylines_give_authors() {
        let mut credits = Credits::default();
        assert_eq!(judge("By Jane Doe", &mut credits), Verdict::Drop);
        assert_eq!(credits.authors, vec!["Jane Doe"]);
        // Lowercase after "By" is a sentence, not a byline.
        let mut credits = Credits::default();
        assert_eq!(
            judge("By Priya Nair, Tom Ellis and Cy Diaz", &mut credits),
            Verdict::Drop
        );
        assert_eq!(credits.authors, vec!["Priya Nair", "Tom Ellis", "Cy Diaz"]);
        assert_eq!(verdict("By then the talks had collapsed."), Verdict::Keep);
        assert_eq!(
            verdict("By Monday night the talks had collapsed."),
            Verdict::Keep
        );
    }
}
