//! The tokenised article: words, punctuation, quote spans as single opaque tokens, paragraph
//! breaks, sentences, and the gazetteer mention under each word.
//!
//! Making each quote one token lets every later pattern ("…," NAME said) be a short token
//! check, keeps speech verbs inside quotes from being read as cues, and makes sentence splitting
//! ignore the periods inside quoted sentences.

use super::cues::{self, CueForm};
use super::lexicon::{self as lex, flags_of};
use super::quotes::{self, QuoteSpan};
use super::words::{self, Charset};
use crate::matcher::Mention;
use newsfacet_gazetteer::words::{self as word_lists, WordSet};
use std::sync::LazyLock;

/// Longest sentence, in tokens, before it is cut.
const MAX_SENTENCE: usize = 400;

/// Abbreviations that can end a sentence with their own period ("Inc.", "etc."), exactly as
/// written (`sentence-end-abbreviations.txt` of the gazetteer crate).
static SENTENCE_END_ABBREVIATIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(word_lists::SENTENCE_END_ABBREVIATIONS));

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word (letters, digits, internal apostrophes, hyphens and periods).
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole direct-quote span; the index into [`Doc::quotes`].
    Quote(usize),
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte span of the token in the text: `start..end`.
    pub start: usize,
    pub end: usize,
    /// Word, punctuation or quote span.
    pub kind: Kind,
    /// Lexicon bits of a word (see `lexicon`).
    pub flags: u32,
    /// The speech verb this word is a form of, if any.
    pub cue: Option<(u16, CueForm)>,
    /// Index into the mentions of the gazetteer match covering this word.
    pub mention: Option<usize>,
    /// Paragraph block (quotes running over paragraphs merge them into one block).
    pub para: usize,
    /// Letter-case and possessive bits of a word ([`CAPITALISED`], [`ALL_CAPS`], [`POSSESSIVE`]).
    pub shape: u8,
}

/// The word starts with an uppercase letter.
pub(crate) const CAPITALISED: u8 = 1;
/// The word has letters and all are uppercase.
pub(crate) const ALL_CAPS: u8 = 2;
/// The word ends with `'s` or `’s`.
pub(crate) const POSSESSIVE: u8 = 4;

fn shape_of(word: &str) -> u8 {
    let mut shape = 0;
    if word.chars().next().is_some_and(char::is_uppercase) {
        shape |= CAPITALISED;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    if letters.peek().is_some() && letters.all(char::is_uppercase) {
        shape |= ALL_CAPS;
    }
    // "Russia's", and the plural possessive "Sanders’", "the ministers'".
    if word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
    {
        shape |= POSSESSIVE;
    }
    shape
}

/// A sentence: a token range inside one paragraph block.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    /// Token range of the sentence: `tokens[start..end]`.
    pub start: usize,
    pub end: usize,
    /// The paragraph block the sentence is in.
    pub para: usize,
    /// A dateline ("MOSCOW, March 2 (Reuters) -"): never attributed.
    pub dateline: bool,
}

/// The article as attribution sees it.
pub(crate) struct Doc<'a> {
    /// The tagged text.
    pub text: &'a str,
    /// The resolved gazetteer matches, in text order.
    pub mentions: &'a [Mention],
    /// Every token up to the reader-comments cut-off.
    pub tokens: Vec<Token>,
    /// The direct-quote spans, in text order.
    pub quotes: Vec<QuoteSpan>,
    /// The sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// First token of each paragraph block.
    pub para_starts: Vec<usize>,
}

fn is_word_char(c: char) -> bool {
    Charset::Speech.is_word_char(c)
}

impl<'a> Doc<'a> {
    /// Tokenises `text` up to the reader-comments cut-off.
    pub fn new(text: &'a str, mentions: &'a [Mention]) -> Self {
        let limit = quotes::comments_start(text);
        let paras = quotes::paragraphs(text, limit);
        let quote_spans = quotes::find_quotes(text, &paras);
        let mut doc = Doc {
            text,
            mentions,
            tokens: Vec::new(),
            quotes: quote_spans,
            sentences: Vec::new(),
            para_starts: Vec::new(),
        };
        doc.tokenize(&paras);
        doc.attach_mentions();
        doc.split_sentences();
        doc
    }

    fn tokenize(&mut self, paras: &[quotes::Para]) {
        let text = self.text;
        let mut next_quote = 0;
        let mut block = 0usize;
        let mut covered_until = 0usize;
        for (p_index, &(p_start, p_end)) in paras.iter().enumerate() {
            // A paragraph wholly inside a running quote adds nothing; one that starts inside it
            // belongs to the quote's block.
            if p_end <= covered_until {
                continue;
            }
            if p_index > 0 && p_start >= covered_until {
                block += 1;
            }
            if p_start >= covered_until || self.para_starts.is_empty() {
                self.para_starts.push(self.tokens.len());
            }
            let mut i = p_start.max(covered_until);
            while i < p_end {
                if next_quote < self.quotes.len() && self.quotes[next_quote].open == i {
                    let close = self.quotes[next_quote].close;
                    self.tokens.push(Token {
                        start: i,
                        end: close,
                        kind: Kind::Quote(next_quote),
                        flags: 0,
                        cue: None,
                        mention: None,
                        para: block,
                        shape: 0,
                    });
                    next_quote += 1;
                    covered_until = close;
                    i = close;
                    continue;
                }
                while next_quote < self.quotes.len() && self.quotes[next_quote].open < i {
                    next_quote += 1;
                }
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if is_word_char(c) {
                    let end = word_end(text, i, p_end, self.quotes.get(next_quote).map(|q| q.open));
                    let word = &text[i..end];
                    self.tokens.push(Token {
                        start: i,
                        end,
                        kind: Kind::Word,
                        flags: flags_of(word),
                        cue: cues::lookup(word),
                        mention: None,
                        para: block,
                        shape: shape_of(word),
                    });
                    i = end;
                } else {
                    self.tokens.push(Token {
                        start: i,
                        end: i + c.len_utf8(),
                        kind: Kind::Punct(c),
                        flags: 0,
                        cue: None,
                        mention: None,
                        para: block,
                        shape: 0,
                    });
                    i += c.len_utf8();
                }
            }
        }
    }

    fn attach_mentions(&mut self) {
        let mut m = 0;
        for token in self.tokens.iter_mut() {
            if token.kind != Kind::Word {
                continue;
            }
            while m < self.mentions.len() && self.mentions[m].end <= token.start {
                m += 1;
            }
            if m < self.mentions.len() && self.mentions[m].start < token.end {
                token.mention = Some(m);
            }
        }
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        let mut start = 0;
        // The dash ending a dateline, looked for at the start of the first two blocks (the
        // title, when there is one, comes first).
        let mut dateline_dash = None;
        for i in 0..n {
            let para = self.tokens[i].para;
            if para <= 1 && self.para_starts.get(para) == Some(&i) {
                dateline_dash = self.dateline_end(i);
            }
            let para_end = i + 1 >= n || self.tokens[i + 1].para != para;
            let dateline = dateline_dash == Some(i) && !para_end;
            // A run-on "sentence" (a list, a table, text without periods) is cut so that
            // per-sentence work stays bounded.
            let boundary =
                para_end || dateline || self.ends_sentence(i) || i + 1 - start >= MAX_SENTENCE;
            if boundary {
                self.sentences.push(Sentence {
                    start,
                    end: i + 1,
                    para,
                    dateline,
                });
                start = i + 1;
            }
        }
    }

    /// The dash token ending a dateline that starts at token `start`: an all-capitals place,
    /// then only capitalised words, dates, commas and a parenthesised agency before the dash.
    fn dateline_end(&self, start: usize) -> Option<usize> {
        let first = self.tokens.get(start)?;
        if first.kind == Kind::Punct('(') {
            // "(MENAFN) Iraqi officials…": the agency in parentheses opens the paragraph.
            let close = (start + 1..(start + 5).min(self.tokens.len()))
                .find(|&j| self.tokens[j].kind == Kind::Punct(')'))?;
            return (close + 1 < self.tokens.len() && self.tokens[close + 1].para == first.para)
                .then_some(close);
        }
        let word = self.word(start);
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
            return None;
        }
        for j in start + 1..(start + 14).min(self.tokens.len()) {
            let token = self.tokens[j];
            if token.para != first.para {
                return None;
            }
            match token.kind {
                Kind::Punct('—' | '–' | '-') => {
                    let next_dash = self
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == Kind::Punct('-'));
                    return Some(if next_dash { j + 1 } else { j });
                }
                Kind::Punct(',' | '(' | ')' | '.' | '/') => {}
                Kind::Word => {
                    let w = self.word(j);
                    if w.chars().next().is_some_and(char::is_lowercase) {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether token `i` ends a sentence inside its paragraph.
    fn ends_sentence(&self, i: usize) -> bool {
        let token = self.tokens[i];
        let next = self.tokens.get(i + 1);
        let next_starts = next.is_none_or(|t| match t.kind {
            Kind::Word => self.text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase()),
            Kind::Quote(_) => true,
            Kind::Punct(c) => matches!(c, '(' | '/' | '[' | '“' | '"' | '‘'),
        });
        match token.kind {
            Kind::Punct('.' | '!' | '?') => next_starts,
            Kind::Punct(')' | '”' | '’') => {
                i > 0
                    && matches!(self.tokens[i - 1].kind, Kind::Punct('.' | '!' | '?'))
                    && next_starts
            }
            Kind::Word => {
                // "Inc." or "etc." at a sentence end; titles and "U.S." before a name do not end one.
                let word = self.word(i);
                word.ends_with('.')
                    && next_starts
                    && next.is_some_and(|t| t.kind == Kind::Word)
                    && SENTENCE_END_ABBREVIATIONS.contains(word)
            }
            Kind::Quote(q) => {
                // A quoted full sentence followed by a new sentence, unless an attribution
                // ("…." she said) follows right away.
                let ends = self.quotes[q]
                    .last_char(self.text)
                    .is_some_and(|c| matches!(c, '.' | '!' | '?'));
                ends && next
                    .is_some_and(|t| t.kind == Kind::Word || matches!(t.kind, Kind::Quote(_)))
                    && next_starts
                    && !self.cue_follows(i + 1)
            }
            _ => false,
        }
    }

    /// Whether a speech verb follows within a few words, before any sentence punctuation.
    fn cue_follows(&self, from: usize) -> bool {
        let para = self.tokens.get(from).map_or(0, |t| t.para);
        for j in from..(from + 8).min(self.tokens.len()) {
            let token = self.tokens[j];
            if token.para != para {
                return false;
            }
            match token.kind {
                Kind::Punct('.' | '!' | '?') | Kind::Quote(_) => return false,
                Kind::Word if token.cue.is_some() => return true,
                _ => {}
            }
        }
        false
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Whether token `i` carries any of the lexicon `bits`.
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & bits != 0)
    }

    /// Whether token `i` is a word equal to `w`, ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Whether word `i` starts with an uppercase letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.shape & CAPITALISED != 0)
    }

    /// Whether word `i` is written in capitals only (a headline or an acronym).
    pub fn is_all_caps(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.shape & ALL_CAPS != 0)
    }

    /// Whether word `i` ends with a possessive `'s` / `’s`.
    pub fn is_possessive(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.shape & POSSESSIVE != 0)
    }

    /// The gazetteer mention under word `i`.
    pub fn mention(&self, i: usize) -> Option<&'a Mention> {
        let mentions = self.mentions;
        self.tokens
            .get(i)
            .and_then(|t| t.mention)
            .map(|m| &mentions[m])
    }

    /// The text from token `a` to token `b` (exclusive), as written.
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    /// Whether token `i` is a paragraph's first token.
    pub fn starts_para(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.para_starts.get(t.para) == Some(&i))
    }

    /// The quote span of a quote token.
    pub fn quote(&self, i: usize) -> Option<&QuoteSpan> {
        match self.tokens.get(i)?.kind {
            Kind::Quote(q) => self.quotes.get(q),
            _ => None,
        }
    }
}

/// Where a word starting at `start` ends: word characters plus joiners followed by a word
/// character, plus the period of an abbreviation or initial ("U.S.", "Dr.", "F.").
fn word_end(text: &str, start: usize, limit: usize, next_quote: Option<usize>) -> usize {
    let limit = next_quote
        .filter(|&q| q > start)
        .map_or(limit, |q| q.min(limit));
    let mut end = words::word_end(text, start, limit, Charset::Speech);
    // A plural possessive keeps its apostrophe ("Sanders’ campaign"): quote marks never get
    // here, since quote spans are tokens of their own.
    let rest = &text[end..limit];
    let plural_possessive = rest.starts_with(['\'', '’'])
        && text[start..end].ends_with(['s', 'S'])
        && !rest[rest.chars().next().map_or(0, char::len_utf8)..]
            .chars()
            .next()
            .is_some_and(is_word_char);
    if plural_possessive {
        end += rest.chars().next().map_or(0, char::len_utf8);
        return end;
    }
    if text[end..limit].starts_with('.') {
        let word = &text[start..end];
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // "R-Ky.", "D-Calif.": a party and state label after a politician's name.
        let party_state = matches!(word.split_once('-'), Some(("R" | "D" | "I", state)) if state.len() <= 6 && state.chars().next().is_some_and(char::is_uppercase));
        if initial || party_state || word.contains('.') || lex::is_abbreviation(word) {
            end += 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, &[]);
        doc.sentences
            .iter()
            .map(|s| doc.span_text(s.start, s.end))
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_names_and_quotes_whole() {
        let text = "U.S. Sen. Lai Ching-te's \"quote. here\" don't";
        let doc = Doc::new(text, &[]);
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.word(i)).collect();
        assert_eq!(
            words,
            vec![
                "U.S.",
                "Sen.",
                "Lai",
                "Ching-te's",
                "\"quote. here\"",
                "don't"
            ]
        );
    }

    #[test]
    fn splits_sentences_around_quotes_and_datelines() {
        assert_eq!(
            sentences("MOSCOW, March 2 (Reuters) - Shoigu said it. \"We will,\" he said. \"Next.\" Mr. Li agreed."),
            vec!["MOSCOW, March 2 (Reuters) -", "Shoigu said it.", "\"We will,\" he said.", "\"Next.\"", "Mr. Li agreed."]
        );
        assert_eq!(
            sentences("\"It ended.\" Lavrov said.\n\nNew para"),
            vec!["\"It ended.\" Lavrov said.", "New para"]
        );
    }

    #[test]
    fn multi_paragraph_quotes_merge_blocks() {
        let text = "Title\n\n\"One.\n\n\"Two,\" he said.\n\nThree.";
        let doc = Doc::new(text, &[]);
        let paras: Vec<usize> = doc.tokens.iter().map(|t| t.para).collect();
        assert_eq!(paras, vec![0, 1, 1, 1, 1, 2, 2]);
    }
}
