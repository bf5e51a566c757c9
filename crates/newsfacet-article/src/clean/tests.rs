use super::*;
use crate::one_line::clean_title;
use repeats::normalize_for_repeats;

/// The start of Reuters-21578 article 1, as it appears in the SGML body.
const BAHIA: &str = "Showers continued throughout the week in\n\
the Bahia cocoa zone, alleviating the drought since early\n\
January and improving prospects for the coming temporao,\n\
although normal humidity levels have not been restored,\n\
Comissaria Smith said in its weekly review.\n    \
The dry period means the temporao will be late this year.\n    \
Arrivals for the week ended February 22 were 155,221 bags\n\
of 60 kilos making a cumulative total for the season of 5.93\n\
mln against 5.81 at the same stage last year.\n \
Reuter\n\
&#3;";

#[test]
fn reuters_indented_paragraphs_and_signoff() {
    assert_eq!(
        clean_text(BAHIA),
        "Showers continued throughout the week in the Bahia cocoa zone, alleviating the \
drought since early January and improving prospects for the coming temporao, although normal \
humidity levels have not been restored, Comissaria Smith said in its weekly review.\n\n\
The dry period means the temporao will be late this year.\n\n\
Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative \
total for the season of 5.93 mln against 5.81 at the same stage last year."
    );
}

#[test]
fn signoff_variants() {
    assert_eq!(clean_text("Prices rose.\n REUTER\n\u{3}"), "Prices rose.");
    assert_eq!(clean_text("Prices rose.  Reuter  \u{3} "), "Prices rose.");
    assert_eq!(clean_text("Prices rose. REUTER"), "Prices rose.");
    // Running text that happens to end with the word is kept.
    assert_eq!(clean_text("He spoke to Reuter"), "He spoke to Reuter");
    assert_eq!(clean_text("Reuter"), "");
}

#[test]
fn blank_lines_separate_paragraphs_and_lines_reflow() {
    let raw = "First line\nof one paragraph.\r\n\r\n\r\nSecond   paragraph\there.\n\n";
    assert_eq!(
        clean_text(raw),
        "First line of one paragraph.\n\nSecond paragraph here."
    );
    assert_eq!(clean_text("a\rb"), "a b");
}

#[test]
fn uniformly_indented_text_is_one_paragraph() {
    assert_eq!(
        clean_text("    one line\n    two line\n    three line"),
        "one line two line three line"
    );
}

#[test]
fn duplicate_consecutive_paragraphs_are_removed() {
    let raw = "Breaking news.\n\nBreaking news.\n\nMore.\n\nBreaking news.";
    // Short paragraphs only go when they repeat the one right before them.
    assert_eq!(clean_text(raw), "Breaking news.\n\nMore.\n\nBreaking news.");
    assert_eq!(clean_text("Yes.\n\nNo.\n\nYes."), "Yes.\n\nNo.\n\nYes.");
    assert_eq!(clean_text("***\n\n***\n\nEnd."), "***\n\nEnd.");
}

const LONG: &str = "The central bank raised its key interest rate by half a point on \
Tuesday, citing stubborn inflation.";
const OTHER: &str = "Analysts had expected a smaller increase and markets fell after the \
announcement.";

#[test]
fn repeats_anywhere_are_removed_keeping_the_first() {
    let raw = format!("{LONG}\n\n{OTHER}\n\n{LONG}\n\nThe end of the story is here now.");
    assert_eq!(
        clean_text(&raw),
        format!("{LONG}\n\n{OTHER}\n\nThe end of the story is here now.")
    );
}

#[test]
fn near_exact_repeats_are_removed() {
    // Case, spacing and punctuation differ.
    let shouting = LONG.to_uppercase().replace(',', "").replace(' ', "  ");
    assert_eq!(
        clean_text(&format!("{LONG}\n\n{OTHER}\n\n{shouting}")),
        format!("{LONG}\n\n{OTHER}")
    );
    // One word different in a long paragraph.
    let long = format!("{LONG} {OTHER} {LONG}");
    let changed = long.replacen("stubborn", "persistent", 1);
    assert_eq!(
        clean_text(&format!("{long}\n\n{changed}")),
        long,
        "near-exact repeat"
    );
    // A truncated copy after the full one.
    let truncated = &LONG[..60];
    assert_eq!(
        clean_text(&format!("{LONG}\n\n{OTHER}\n\n{truncated}…")),
        format!("{LONG}\n\n{OTHER}")
    );
    // A truncated copy before the full one: the full text takes the first place.
    assert_eq!(
        clean_text(&format!("{truncated}...\n\n{OTHER}\n\n{LONG}")),
        format!("{LONG}\n\n{OTHER}")
    );
}

#[test]
fn wrapped_fragments_are_not_judged_as_boilerplate() {
    // The last line "share." ends a wrapped sentence; it is not a share button.
    let raw = "VF Corp said it increased its\nquarterly cash dividend to 21 cts per share, \
from 18 cts a\nshare.\n    The company said the dividend is payable in December.";
    assert_eq!(
        clean_text(raw),
        "VF Corp said it increased its quarterly cash dividend to 21 cts per share, from 18 \
cts a share.\n\nThe company said the dividend is payable in December."
    );
    // A line of its own after a finished sentence is judged.
    let raw = "The company said the dividend is payable in December as planned.\n\
Advertisement\nShares rose 2 pct in early trading on the news.";
    assert_eq!(
        clean_text(raw),
        "The company said the dividend is payable in December as planned.\n\n\
Shares rose 2 pct in early trading on the news."
    );
}

#[test]
fn paragraphs_with_different_figures_are_kept() {
    let raw = "Avg shrs primary 68.8 mln vs 68.9 mln\n\nNine mths\n\n\
Avg shrs primary 68.9 mln vs 68.8 mln";
    assert_eq!(clean_text(raw).split("\n\n").count(), 3);
    let a = "The company said first quarter profit rose to 12.5 mln dlrs from 10.1 mln dlrs \
a year earlier on higher sales.";
    let b = a.replace("12.5", "12.6");
    let raw = format!("{a}\n\n{b}");
    assert_eq!(clean_text(&raw), raw);
    assert_eq!(
        normalize_for_repeats("Rose 1,200.5 pct, to 3."),
        "rose 1,200.5 pct to 3"
    );
}

#[test]
fn repeated_number_rows_are_kept() {
    let raw = "Wheat exports:\n\n04/09/87 03/09/87 04/09/87 03/09/87\n\n12.1 11.9\n\n\
Maize exports:\n\n04/09/87 03/09/87 04/09/87 03/09/87\n\n8.2 8.0";
    assert_eq!(
        clean_text(raw)
            .matches("04/09/87 03/09/87 04/09/87 03/09/87")
            .count(),
        2
    );
}

#[test]
fn one_word_changed_in_a_long_paragraph_is_a_repeat() {
    let a = "The regional government said it would release emergency funds on Monday for \
families whose homes were damaged.";
    let b = a.replace("homes", "houses");
    assert_eq!(
        clean_text(&format!("{a}\n\n{OTHER}\n\n{b}")),
        format!("{a}\n\n{OTHER}")
    );
    // Short templated sentences differing in one word are different facts.
    let x = "Shares of Alpha rose 2 percent on Monday in Tokyo trading.";
    let y = "Shares of Bravo rose 2 percent on Monday in Tokyo trading.";
    let raw = format!("{x}\n\n{y}");
    assert_eq!(clean_text(&raw), raw);
}

#[test]
fn different_paragraphs_on_the_same_topic_are_kept() {
    let a = "The central bank raised its key interest rate by half a point on Tuesday.";
    let b = "The central bank kept its key interest rate unchanged on Wednesday, it said.";
    let raw = format!("{a}\n\n{b}");
    assert_eq!(clean_text(&raw), raw);
    // A short lead that starts a later, longer paragraph is not a truncated copy.
    let lead = "Talks resumed on Monday.";
    let longer = "Talks resumed on Monday after a pause of three weeks, officials said.";
    let raw = format!("{lead}\n\n{longer}");
    assert_eq!(clean_text(&raw), raw);
}

#[test]
fn entities_are_decoded_once() {
    assert_eq!(
        clean_text("&lt;Bank of Boston Corp&gt; &amp; &quot;partners&quot; &#39;98 &#x41;&#233;"),
        "<Bank of Boston Corp> & \"partners\" '98 Aé"
    );
    // `&amp;lt;` is a literal "&lt;", not "<".
    assert_eq!(clean_text("a &amp;lt; b"), "a &lt; b");
    // Unknown or broken entities stay.
    assert_eq!(
        clean_text("AT&T &bogus; &#xZZ; & &#0;"),
        "AT&T &bogus; &#xZZ; & &#0;"
    );
    assert_eq!(clean_text("a&nbsp;b"), "a b");
}

#[test]
fn control_characters_are_dropped() {
    assert_eq!(clean_text("a\u{1}b\u{7f}c\u{85}d"), "abcd");
    assert_eq!(
        clean_text("curly \u{201C}quotes\u{201D} – kept"),
        "curly \u{201C}quotes\u{201D} – kept"
    );
}

#[test]
fn unmarked_paragraphs_split_at_short_sentence_ends() {
    let raw = "The central bank raised its key rate by half a point on\n\
Tuesday, the third increase this year, citing inflation.\n\
It was expected.\n\
\"We will act again if needed,\" the governor told reporters\n\
after the meeting in the capital, adding that growth held up.";
    assert_eq!(
        clean_text(raw),
        "The central bank raised its key rate by half a point on Tuesday, the third increase \
this year, citing inflation. It was expected.\n\n\
\"We will act again if needed,\" the governor told reporters after the meeting in the \
capital, adding that growth held up."
    );
}

#[test]
fn heuristic_does_not_split_full_lines() {
    // Every line ends a sentence and is followed by a capital, but all are full width.
    let raw = "The minister said the budget would be presented next week in parliament.\n\
Officials said the date was not yet fixed but would be soon and certainly.\n\
Analysts expect a deficit of around three percent of output this year.";
    assert_eq!(clean_text(raw).matches("\n\n").count(), 0);
}

#[test]
fn long_unwrapped_lines_are_paragraphs() {
    let p1 = "A".repeat(10) + &" word".repeat(40);
    let p2 = "B".repeat(10) + &" more".repeat(40);
    let raw = format!("{p1}\n{p2}");
    assert_eq!(clean_text(&raw), format!("{p1}\n\n{p2}"));
}

#[test]
fn titles_collapse_whitespace() {
    assert_eq!(
        clean_title("  BAHIA  COCOA\nREVIEW \t"),
        "BAHIA COCOA REVIEW"
    );
    assert_eq!(clean_title("&lt;ABC&gt; SAYS"), "<ABC> SAYS");
}
