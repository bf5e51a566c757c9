//! The query language: tantivy's query grammar, compiled by us.
//!
//! The text is parsed with `tantivy::query_grammar` in its lenient mode, whose errors carry the
//! byte position of the problem, and the syntax tree is compiled here rather than by tantivy's
//! `QueryParser`, because news search needs more than a field lookup per leaf:
//!
//! * words and phrases search the title (boosted) and the body, stemmed; `=word`,
//!   `="a phrase"`, `exact:` or [`TextOptions::exact`] search the unstemmed twin fields;
//! * a word or phrase that the gazetteer knows as a name also finds the name's other spellings
//!   (`shoigu` finds "Shoygu", `"sergey shoigu"` finds "Sergei Shoigu");
//! * with [`TextOptions::fuzzy`], words of 5 or more letters also match words within one or
//!   two edits;
//! * `speaker:`, `country:`, `source:`, `origin:`, `person:`, `org:` and `place:` select facet
//!   values, resolved like the command-line filters (`speaker:none` for "no speaker");
//! * `date:2026-03-01`, `date:[2026-03-01 TO 2026-03-31]`, `date:>=2026-03-01` bound the
//!   publication date;
//! * `AND`, `OR`, `NOT`, `+`, `-`, parentheses, `"phrases"~slop`, `prefix*` and `^boost` work as
//!   in tantivy; a clause made only of exclusions means "everything but".

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Bound;

use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{EntityType, Entry, EntryId, Gazetteer};
use newsfacet_index::{DocKind, FacetField, NewsIndex, NewsSchema};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur,
    PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery, TermSetQuery,
};
use tantivy::query_grammar::{
    parse_query_lenient, Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::clauses;
use crate::error::QueryError;
use crate::request::{is_no_value, parse_date, Operator, TextOptions};
use crate::resolve;
use crate::results::FacetCount;
use crate::tally::GroupCounter;

/// Boost of title matches over body matches.
const TITLE_BOOST: f32 = 2.0;
/// Words shorter than this are never matched fuzzily: one edit changes them too much.
const FUZZY_MIN_LETTERS: usize = 5;
/// From this length on, fuzzy matching allows two edits.
const FUZZY_TWO_EDITS: usize = 8;
/// A name typed in lower case this short is not expanded to its variants: "us", "eu" and
/// "un" are words too often to stand for a name.
const MIN_VARIANT_LETTERS: usize = 4;
/// At most this many other spellings of one name are searched.
const MAX_VARIANTS: usize = 12;

/// A compiled query, with the facet values named in it that matched nothing.
pub(crate) struct Compiled {
    /// The query; `None` when the text is blank or `*` (everything).
    pub query: Option<Box<dyn Query>>,
    /// `(dimension, value)` facet values of the text that matched no indexed value.
    pub unmatched: Vec<(String, String)>,
}

/// Parses and compiles `text` for documents of `kind`.
pub(crate) fn compile(
    index: &NewsIndex,
    searcher: &Searcher,
    gazetteer: &Gazetteer,
    kind: DocKind,
    text: Option<&str>,
    options: TextOptions,
) -> Result<Compiled, QueryError> {
    let Some(text) = text.map(str::trim).filter(|q| !q.is_empty() && *q != "*") else {
        return Ok(Compiled {
            query: None,
            unmatched: Vec::new(),
        });
    };
    let (rewritten, offsets) = exact_phrases(text);
    let (ast, errors) = parse_query_lenient(&rewritten);
    if let Some(error) = errors.first() {
        let at = original_position(error.pos, &offsets);
        return Err(syntax_error(text, at, &error.message));
    }
    let compiler = Compiler {
        index,
        schema: index.schema(),
        searcher,
        gazetteer,
        kind,
        options,
        text,
        facet_values: RefCell::new(HashMap::new()),
        unmatched: RefCell::new(Vec::new()),
    };
    let query = compiler.ast(&ast)?;
    Ok(Compiled {
        query: Some(query),
        unmatched: compiler.unmatched.into_inner(),
    })
}

/// `="a phrase"` is written `exact:"a phrase"` for the grammar, which has no `=` operator; the
/// returned `(position, added bytes)` pairs map positions back to the text as typed.
fn exact_phrases(text: &str) -> (String, Vec<(usize, usize)>) {
    const EXACT: &str = "exact:";
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let starts_word =
            previous.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '+' | '-'));
        if c == '=' && starts_word && chars.peek().is_some_and(|&(_, next)| next == '"') {
            offsets.push((at, EXACT.len() - 1));
            out.push_str(EXACT);
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    (out, offsets)
}

/// A position in the rewritten text mapped back to the text as typed.
fn original_position(position: usize, offsets: &[(usize, usize)]) -> usize {
    let mut shift = 0;
    for &(at, added) in offsets {
        if at + shift + added <= position {
            shift += added;
        }
    }
    position - shift.min(position)
}

/// A syntax error that shows where: the message, then the query with a caret under the
/// character at byte `at`.
fn syntax_error(text: &str, at: usize, message: &str) -> QueryError {
    let at = at.min(text.len());
    let column = text.get(..at).map_or(0, |before| before.chars().count());
    QueryError::Syntax {
        query: text.to_string(),
        message: format!(
            "{message} at character {}\n  {text}\n  {}^",
            column + 1,
            " ".repeat(column)
        ),
    }
}

/// The state of one compilation.
struct Compiler<'a> {
    index: &'a NewsIndex,
    schema: &'a NewsSchema,
    searcher: &'a Searcher,
    gazetteer: &'a Gazetteer,
    kind: DocKind,
    options: TextOptions,
    text: &'a str,
    /// The indexed values of each facet dimension named in the text, counted once.
    facet_values: RefCell<HashMap<FacetField, Vec<FacetCount>>>,
    unmatched: RefCell<Vec<(String, String)>>,
}

/// What a `field:` prefix addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The searched text: title and main text, or only one of them.
    Text {
        title: bool,
        main: bool,
        exact: bool,
    },
    /// A facet dimension.
    Facet(FacetField),
    /// The publication date.
    Date,
}

impl Compiler<'_> {
    fn ast(&self, ast: &UserInputAst) -> Result<Box<dyn Query>, QueryError> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let default = match self.options.operator {
                    Operator::And => Occur::Must,
                    Operator::Or => Occur::Should,
                };
                let mut compiled: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(clauses.len());
                for (occur, clause) in clauses {
                    compiled.push((occur.unwrap_or(default), self.ast(clause)?));
                }
                // Only exclusions: everything but them.
                if compiled.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    compiled.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(compiled)))
            }
            UserInputAst::Boost(inner, boost) => Ok(Box::new(BoostQuery::new(
                self.ast(inner)?,
                boost.into_inner() as f32,
            ))),
            UserInputAst::Leaf(leaf) => self.leaf(leaf),
        }
    }

    fn leaf(&self, leaf: &UserInputLeaf) -> Result<Box<dyn Query>, QueryError> {
        match leaf {
            UserInputLeaf::All => Ok(Box::new(AllQuery)),
            UserInputLeaf::Literal(literal) => self.literal(literal),
            UserInputLeaf::Set { field, elements } => {
                let target = self.target(field.as_deref())?;
                let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for element in elements {
                    alternatives.push((Occur::Should, self.value(target, element, false, 0)?));
                }
                Ok(Box::new(BooleanQuery::new(alternatives)))
            }
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => match self.target(field.as_deref())? {
                Target::Date => self.date_range(lower, upper),
                _ => Err(self.error_at_field(
                    field.as_deref(),
                    "ranges work on dates only, e.g. date:[2026-03-01 TO 2026-03-31]",
                )),
            },
            UserInputLeaf::Exists { field } => match self.target(Some(field))? {
                Target::Facet(facet) => Ok(zero(Box::new(TermQuery::new(
                    self.schema.facet_dimension_term(facet),
                    IndexRecordOption::Basic,
                )))),
                _ => Err(self.error_at_field(
                    Some(field),
                    "`field:*` works on facet fields only, e.g. speaker:*",
                )),
            },
            UserInputLeaf::Regex { field, .. } => Err(self.error_at_field(
                field.as_deref(),
                "regular expressions are not supported; use words, \"phrases\" or prefix*",
            )),
        }
    }

    fn literal(&self, literal: &UserInputLiteral) -> Result<Box<dyn Query>, QueryError> {
        let target = self.target(literal.field_name.as_deref())?;
        let quoted = literal.delimiter != Delimiter::None;
        // `=word`: the word as written. Quoted `"=x"` is text like any other.
        let (phrase, target) = match (literal.phrase.strip_prefix('='), target) {
            (Some(rest), Target::Text { title, main, .. }) if !quoted && !rest.is_empty() => (
                rest,
                Target::Text {
                    title,
                    main,
                    exact: true,
                },
            ),
            _ => (literal.phrase.as_str(), target),
        };
        if literal.prefix && !matches!(target, Target::Text { .. }) {
            return Err(
                self.error_at_field(literal.field_name.as_deref(), "prefix* works on text only")
            );
        }
        match target {
            Target::Text { .. } if literal.prefix => Ok(self.text_prefix(target, phrase)),
            _ => self.value(target, phrase, quoted, literal.slop),
        }
    }

    /// One word, phrase or value for a target.
    fn value(
        &self,
        target: Target,
        value: &str,
        quoted: bool,
        slop: u32,
    ) -> Result<Box<dyn Query>, QueryError> {
        match target {
            Target::Text { title, main, exact } => {
                let exact = exact || self.options.exact;
                let mut alternatives = vec![self.text(title, main, exact, value, slop)];
                if !exact && !self.options.no_variants {
                    alternatives.extend(
                        self.name_variants(value, quoted)
                            .into_iter()
                            .map(|variant| self.text(title, main, false, &variant, slop)),
                    );
                }
                if self.options.fuzzy && !quoted {
                    alternatives.extend(self.fuzzy(title, main, value));
                }
                Ok(match alternatives.len() {
                    1 => alternatives.remove(0),
                    _ => Box::new(BooleanQuery::new(
                        alternatives
                            .into_iter()
                            .map(|q| (Occur::Should, q))
                            .collect(),
                    )),
                })
            }
            Target::Facet(field) => Ok(self.facet(field, value)),
            Target::Date => {
                let day = parse_date(value).map_err(|message| {
                    self.error_at(self.text.find(value).unwrap_or(0), &message)
                })?;
                let term = self.schema.published_term(day);
                Ok(zero(Box::new(RangeQuery::new(
                    Bound::Included(term.clone()),
                    Bound::Included(term),
                ))))
            }
        }
    }

    /// The fields of a text target, each with its boost.
    fn fields(&self, title: bool, main: bool, exact: bool) -> Vec<(Field, f32)> {
        let text = self.schema.searched_text(self.kind);
        let (title_field, main_field) = if exact {
            (text.title_exact, text.main_exact)
        } else {
            (text.title, text.main)
        };
        let mut fields = Vec::with_capacity(2);
        if title {
            fields.extend(title_field.map(|field| (field, TITLE_BOOST)));
        }
        if main {
            fields.push((main_field, 1.0));
        }
        fields
    }

    /// A word or phrase in the title and/or main text, as terms of each field's analyzer.
    fn text(&self, title: bool, main: bool, exact: bool, value: &str, slop: u32) -> Box<dyn Query> {
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in self.fields(title, main, exact) {
            let terms = self.terms(field, value);
            let query: Box<dyn Query> = match terms.len() {
                0 => continue,
                1 => Box::new(TermQuery::new(
                    terms[0].1.clone(),
                    IndexRecordOption::WithFreqsAndPositions,
                )),
                _ => Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)),
            };
            per_field.push((Occur::Should, boosted(query, boost)));
        }
        match per_field.len() {
            // Nothing searchable in it (punctuation only): it cannot match.
            0 => Box::new(EmptyQuery),
            1 => per_field.remove(0).1,
            _ => Box::new(BooleanQuery::new(per_field)),
        }
    }

    /// `prefix*`: the last word is a prefix of a word, the words before it a phrase.
    fn text_prefix(&self, target: Target, value: &str) -> Box<dyn Query> {
        let Target::Text { title, main, .. } = target else {
            return Box::new(EmptyQuery);
        };
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Prefixes are matched on the words as written: a stem is not a prefix of its words.
        for (field, boost) in self.fields(title, main, true) {
            let terms = self.terms(field, value);
            let query: Box<dyn Query> = match terms.len() {
                0 => continue,
                1 => match terms[0].1.value().as_str() {
                    Some(word) => match RegexQuery::from_pattern(&format!("{word}.*"), field) {
                        Ok(query) => Box::new(query),
                        Err(_) => continue,
                    },
                    None => continue,
                },
                _ => Box::new(PhrasePrefixQuery::new_with_offset(terms)),
            };
            per_field.push((Occur::Should, boosted(query, boost)));
        }
        match per_field.len() {
            0 => Box::new(EmptyQuery),
            _ => Box::new(BooleanQuery::new(per_field)),
        }
    }

    /// Fuzzy matches of a single word on the unstemmed fields.
    fn fuzzy(&self, title: bool, main: bool, value: &str) -> Option<Box<dyn Query>> {
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in self.fields(title, main, true) {
            let terms = self.terms(field, value);
            let [(_, term)] = terms.as_slice() else {
                return None;
            };
            let letters = term.value().as_str().map_or(0, |w| w.chars().count());
            if letters < FUZZY_MIN_LETTERS {
                return None;
            }
            let distance = if letters >= FUZZY_TWO_EDITS { 2 } else { 1 };
            let query = FuzzyTermQuery::new(term.clone(), distance, true);
            per_field.push((Occur::Should, boosted(Box::new(query), boost)));
        }
        (!per_field.is_empty()).then(|| Box::new(BooleanQuery::new(per_field)) as Box<dyn Query>)
    }

    /// The other spellings of a name the gazetteer knows: every name and alias of the people,
    /// organizations and places the text names, less those the text already finds.
    fn name_variants(&self, value: &str, quoted: bool) -> Vec<String> {
        let folded = fold(value);
        let typed_as_name = value.chars().any(char::is_uppercase) || quoted;
        if folded.chars().count() < MIN_VARIANT_LETTERS && !typed_as_name {
            return Vec::new();
        }
        let own = self.stems(&folded);
        let mut variants: Vec<String> = Vec::new();
        let mut seen: Vec<Vec<String>> = vec![own.clone()];
        let words = folded.split_whitespace().count();
        for entry in self.named_entries(&folded) {
            for name in spellings(entry, words) {
                let stems = self.stems(&name);
                // A variant holding the typed words adds nothing the typed words do not find,
                // and a shorter one ("Shoigu" for "Sergei Shoigu") would find more than the
                // name asked for.
                let redundant = stems.windows(own.len().max(1)).any(|w| w == own.as_slice());
                let broader = stems.len() < own.len();
                if stems.is_empty() || redundant || broader || seen.contains(&stems) {
                    continue;
                }
                seen.push(stems);
                variants.push(name);
                if variants.len() == MAX_VARIANTS {
                    return variants;
                }
            }
        }
        variants
    }

    /// The people, organizations and places a name in the query designates: those having it
    /// as a name or alias, else, for several words, those whose names spell each word at its
    /// place in one spelling or another ("sergey shoigu" from "Sergey Shoygu" and "Sergei
    /// Shoigu"), found through the aliases of its first or last word.
    fn named_entries(&self, folded: &str) -> Vec<&Entry> {
        let kept = |id: &EntryId| {
            let entry = self.gazetteer.entry(*id);
            matches!(
                entry.entity_type,
                EntityType::Person | EntityType::Organization | EntityType::Place
            )
            .then_some(entry)
        };
        let named: Vec<&Entry> = self
            .gazetteer
            .lookup(folded)
            .iter()
            .filter_map(kept)
            .collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        if !named.is_empty() || words.len() < 2 {
            return named;
        }
        let mut candidates: Vec<EntryId> = Vec::new();
        for word in [words[0], words[words.len() - 1]] {
            candidates.extend(self.gazetteer.lookup(word).iter().copied());
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .iter()
            .filter_map(kept)
            .filter(|entry| {
                let spellings: Vec<Vec<String>> = entry
                    .names()
                    .map(|name| fold(name).split_whitespace().map(str::to_string).collect())
                    .filter(|tokens: &Vec<String>| tokens.len() == words.len())
                    .collect();
                words
                    .iter()
                    .enumerate()
                    .all(|(at, word)| spellings.iter().any(|tokens| tokens[at] == *word))
            })
            .collect()
    }

    /// The stemmed words of text, as the main field indexes them.
    fn stems(&self, text: &str) -> Vec<String> {
        let main = self.schema.searched_text(self.kind).main;
        self.terms(main, text)
            .into_iter()
            .filter_map(|(_, term)| term.value().as_str().map(str::to_string))
            .collect()
    }

    /// The terms of `value` under `field`'s analyzer, with their positions.
    fn terms(&self, field: Field, value: &str) -> Vec<(usize, Term)> {
        let Ok(mut analyzer) = self.index.index().tokenizer_for_field(field) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(value);
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push((token.position, Term::from_field_text(field, &token.text)));
        }
        terms
    }

    /// A facet value typed in the query, resolved like a command-line filter.
    fn facet(&self, field: FacetField, value: &str) -> Box<dyn Query> {
        let dimension = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                self.schema.facet_dimension_term(field),
                IndexRecordOption::Basic,
            ))
        };
        let for_kind = |clause| zero(clauses::for_kind(self.schema, self.kind, field, clause));
        if is_no_value(value) {
            return for_kind(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, dimension()),
            ])));
        }
        let mut cache = self.facet_values.borrow_mut();
        let known = cache.entry(field).or_insert_with(|| {
            let collector = GroupCounter::new(&[field]);
            let carrier = self.kind.facet_carrier(field);
            let all = TermQuery::new(self.schema.kind_term(carrier), IndexRecordOption::Basic);
            self.searcher
                .search(&all, &collector)
                .map(|counts| counts.sorted(field))
                .unwrap_or_default()
        });
        let keys: Vec<String> = known.iter().map(|c| c.value.clone()).collect();
        let resolved = resolve::resolve_values(field, value, &keys, self.gazetteer);
        if resolved.is_empty() {
            self.unmatched
                .borrow_mut()
                .push((field.as_str().to_string(), value.to_string()));
            return Box::new(EmptyQuery);
        }
        let terms = resolved
            .iter()
            .map(|key| self.schema.facet_term(field, key))
            .collect::<Vec<_>>();
        for_kind(Box::new(TermSetQuery::new(terms)))
    }

    fn date_range(
        &self,
        lower: &UserInputBound,
        upper: &UserInputBound,
    ) -> Result<Box<dyn Query>, QueryError> {
        let bound = |bound: &UserInputBound| -> Result<Bound<Term>, QueryError> {
            let day = |text: &str| {
                parse_date(text)
                    .map(|day| self.schema.published_term(day))
                    .map_err(|message| self.error_at(self.text.find(text).unwrap_or(0), &message))
            };
            Ok(match bound {
                UserInputBound::Inclusive(text) => Bound::Included(day(text)?),
                UserInputBound::Exclusive(text) => Bound::Excluded(day(text)?),
                UserInputBound::Unbounded => Bound::Unbounded,
            })
        };
        Ok(zero(Box::new(RangeQuery::new(
            bound(lower)?,
            bound(upper)?,
        ))))
    }

    /// What a `field:` prefix addresses; an unknown field is an error at its position.
    fn target(&self, field: Option<&str>) -> Result<Target, QueryError> {
        let Some(name) = field else {
            return Ok(Target::Text {
                title: true,
                main: true,
                exact: false,
            });
        };
        let lower = name.to_ascii_lowercase();
        let titled = self.kind == DocKind::Article;
        match lower.as_str() {
            "title" if titled => Ok(Target::Text {
                title: true,
                main: false,
                exact: false,
            }),
            "body" | "text" if titled => Ok(Target::Text {
                title: false,
                main: true,
                exact: false,
            }),
            "quote" | "text" if !titled => Ok(Target::Text {
                title: false,
                main: true,
                exact: false,
            }),
            // Article text on quote documents: a valid field that no quote has.
            "title" | "body" => Ok(Target::Text {
                title: false,
                main: false,
                exact: false,
            }),
            "exact" => Ok(Target::Text {
                title: true,
                main: true,
                exact: true,
            }),
            "date" | "published" => Ok(Target::Date),
            _ => match lower.parse::<FacetField>() {
                Ok(facet) => Ok(Target::Facet(facet)),
                Err(_) => {
                    let fields = if titled {
                        "title, body, exact, date, speaker, country, source, origin, person, org, place"
                    } else {
                        "quote, exact, date, speaker, country, source, origin, person, org, place"
                    };
                    Err(self.error_at_field(
                        Some(name),
                        &format!(
                            "unknown field `{name}:` (fields: {fields}); put text with a colon in quotes to search for it"
                        ),
                    ))
                }
            },
        }
    }

    fn error_at(&self, at: usize, message: &str) -> QueryError {
        syntax_error(self.text, at, message)
    }

    fn error_at_field(&self, field: Option<&str>, message: &str) -> QueryError {
        let at = field
            .and_then(|name| self.text.find(&format!("{name}:")))
            .unwrap_or(0);
        self.error_at(at, message)
    }
}

/// The folded spellings of an entry's name: its names and aliases, and for a name of `words`
/// words the mixes of its spellings word by word ("sergei shoygu" from "Sergei Shoigu" and
/// "Sergey Shoygu"), since articles mix transliterations that a gazetteer lists apart.
fn spellings(entry: &Entry, words: usize) -> Vec<String> {
    let names: Vec<String> = entry.names().map(fold).collect();
    let mut out = names.clone();
    let same_length: Vec<Vec<&str>> = names
        .iter()
        .map(|name| name.split_whitespace().collect::<Vec<_>>())
        .filter(|tokens| tokens.len() == words)
        .collect();
    if words < 2 || same_length.is_empty() {
        return out;
    }
    let mut mixes: Vec<String> = vec![String::new()];
    for at in 0..words {
        let mut options: Vec<&str> = same_length.iter().map(|tokens| tokens[at]).collect();
        options.sort_unstable();
        options.dedup();
        mixes = mixes
            .iter()
            .flat_map(|mix| options.iter().map(move |word| format!("{mix} {word}")))
            .take(MAX_VARIANTS * 4)
            .collect();
    }
    out.extend(mixes.into_iter().map(|mix| mix.trim_start().to_string()));
    out
}

/// A filter-like clause: it selects and does not change relevance.
fn zero(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_phrases_are_rewritten_and_positions_map_back() {
        let (text, offsets) = exact_phrases(r#"talks ="white house" -(="oval office")"#);
        assert_eq!(text, r#"talks exact:"white house" -(exact:"oval office")"#);
        assert_eq!(original_position(0, &offsets), 0);
        // The `w` of "white" is at 8 as typed and at 13 after the rewrite.
        assert_eq!(original_position(13, &offsets), 8);
        let (text, offsets) = exact_phrases("a=\"b\" x == y");
        assert_eq!(text, "a=\"b\" x == y");
        assert!(offsets.is_empty());
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let error = syntax_error("speaker:(lavrov", 8, "unbalanced parenthesis");
        let message = error.to_string();
        assert!(message.contains("at character 9"), "{message}");
        assert!(
            message.ends_with("\n  speaker:(lavrov\n          ^"),
            "{message}"
        );
    }
}
