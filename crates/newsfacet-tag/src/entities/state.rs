//! The working state of one article's resolution: the references found so far, the per-chunk
//! decision of what each match means, surname linking, and the entities that result.

use std::collections::HashMap;

use super::lexicon::{self, NameLexicon};
use super::tokens;
use crate::matcher::{Mention, MentionVia};
use crate::text::lexicon as lex;
use crate::text::words::Word;
use crate::EntityCount;
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::{kind, slug, EntityType, EntryId, Gazetteer};

/// What the article's gazetteer matches and names resolve to.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// Matches that mean what the gazetteer says, in text order.
    pub mentions: Vec<Mention>,
    /// Places named only inside a longer name ("Manchester" in "Manchester United"): not
    /// entities, but they still say where the article is.
    pub inner_places: Vec<Mention>,
    /// Entities in order of first mention.
    pub entities: Vec<EntityCount>,
}

/// An entity: a gazetteer entry, or a name as written with its type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Entry(EntryId),
    Written(EntityType, String),
}

/// One reference to an entity at a byte offset, with its surface.
#[derive(Debug)]
pub(super) struct Reference {
    /// Byte offset of the reference in the text.
    pub(super) at: usize,
    /// The words it spans: `words[first..end]`.
    pub(super) first: usize,
    /// One past the last word it spans.
    pub(super) end: usize,
    /// The entity it refers to.
    pub(super) key: Key,
    /// The reference as written.
    pub(super) surface: String,
}

/// A part of a chunk to classify: `words[start..end]`, and whether a personal title stood
/// before it ("President", "Mr").
#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    /// Word range of the segment: `words[start..end]`.
    pub(super) start: usize,
    pub(super) end: usize,
    /// A personal title stood before it.
    pub(super) after_title: bool,
    /// Where the segment began before its opening words were stripped.
    pub(super) unstripped: usize,
}

/// Working state of one article's resolution.
pub(super) struct State<'a> {
    /// The tagged text.
    pub(super) text: &'a str,
    /// Its words.
    pub(super) words: &'a [Word],
    /// For each word, the match that covers it.
    pub(super) owner: &'a [Option<usize>],
    /// The matcher's matches, in text order.
    pub(super) mentions: &'a [Mention],
    /// The gazetteer the matches point into.
    pub(super) gazetteer: &'a Gazetteer,
    /// Given names and ordinary words.
    pub(super) names: &'a NameLexicon,
    /// Matches that stand as the gazetteer says.
    pub(super) keep: Vec<bool>,
    /// Matches kept only as places inside longer names.
    pub(super) inner: Vec<bool>,
    /// Every reference to an entity found so far.
    pub(super) references: Vec<Reference>,
}

impl State<'_> {
    /// The text of word `k`.
    pub(super) fn word(&self, k: usize) -> &str {
        &self.text[self.words[k].start..self.words[k].end]
    }

    /// The lowercase text of word `k`.
    pub(super) fn lower(&self, k: usize) -> String {
        self.word(k).to_lowercase()
    }

    /// The matches whose words all lie in `segment`, and whether they cover all of it.
    pub(super) fn inner_mentions(&self, segment: Segment) -> (Vec<usize>, bool) {
        let mut inside: Vec<usize> = Vec::new();
        let mut covered = true;
        for k in segment.start..segment.end {
            match self.owner[k] {
                Some(m) => {
                    if !inside.contains(&m) {
                        inside.push(m);
                    }
                }
                None => covered = false,
            }
        }
        let contained = |m: &usize| {
            let mention = &self.mentions[*m];
            mention.start >= self.words[segment.start].start
                && mention.end <= self.words[segment.end - 1].end
        };
        if !inside.iter().all(contained) {
            // A match that reaches outside the segment is not this chunk's to judge.
            return (Vec::new(), true);
        }
        (inside, covered)
    }

    /// Decides what the matches inside `segment` mean, and what the segment names.
    pub(super) fn classify(&mut self, segment: Segment) {
        let (inside, covered) = self.inner_mentions(segment);
        let headline = (segment.start..segment.end).any(|k| self.words[k].headline);
        let length = segment.end - segment.start;
        for &m in &inside {
            let mention = &self.mentions[m];
            let word = &self.text[mention.start..mention.end];
            let one_word = !word.contains(' ');
            // Months and days are never places ("in March"); in capitalised text neither are
            // names that are also ordinary words ("DATE:", "March Eurodollars").
            let time = one_word && lex::flags_of(word) & lex::TIME != 0;
            let ordinary = headline && one_word && self.names.is_ordinary_word(word);
            if (time || ordinary) && !self.gazetteer.entry(mention.entry).is_country() {
                self.keep[m] = false;
            }
        }
        if covered {
            // Places that are given names and surnames make a person's name ("Michael Wilson":
            // a parish of the Isle of Man and a town of North Carolina).
            if inside.len() >= 2 && self.is_listed_person(segment) {
                for &m in &inside {
                    self.keep[m] = false;
                }
                self.write_person(segment, &inside);
                return;
            }
            // A demonym after another name belongs to it ("London Irish", "Toronto
            // Argonauts" when listed): the chunk is a name the gazetteer does not know.
            let demonym_inside = inside
                .iter()
                .skip(1)
                .any(|&m| self.mentions[m].via == MentionVia::Demonym);
            if demonym_inside && !headline {
                self.absorb(&inside, false);
                return;
            }
            if segment.after_title && length == 1 && !headline {
                if let Some(&m) = inside.first() {
                    let entry = self.gazetteer.entry(self.mentions[m].entry);
                    if entry.entity_type == EntityType::Place && !entry.is_country() {
                        self.keep[m] = false;
                        self.write(segment, EntityType::Person);
                    }
                }
            }
            return;
        }
        if headline && self.is_listed_person(segment) {
            // Tables and lists of players capitalise every word, but "Michael Jones" is a
            // person there too.
            for &m in &inside {
                self.keep[m] = false;
            }
            self.write_person(segment, &inside);
            return;
        }
        if headline {
            // Capitals carry no information in headlines and tables: keep what matched.
            return;
        }
        let last = self.lower(segment.end - 1);
        let last = last.trim_end_matches('.');
        // "Anthony Hill" is a person, "Grace Road" a place.
        // A head word inside a known name is that name's ("Jewish West Bank").
        let head_known = self.owner[segment.end - 1].is_some() && !self.head_before_of(segment);
        let given_first = length == 2
            && lexicon::is_surname_like_head(last)
            && self.starts_with_given_name(segment);
        if head_known {
            if self.is_person(segment) {
                for &m in &inside {
                    self.keep[m] = false;
                }
                self.write_person(segment, &inside);
            } else {
                self.absorb(&inside, false);
            }
        } else if length >= 2 && lexicon::is_place_head(last) && !given_first {
            // A place inside a place's name still locates it ("Beijing Capital Airport").
            self.absorb(&inside, true);
            self.write(segment, EntityType::Place);
        } else if length >= 2
            && (self.words[segment.end - 1].flags & lex::ORGHEAD != 0
                || lexicon::is_org_tail(last)
                || self.head_before_of(segment))
        {
            let segment = self.with_name_openers(segment);
            let (inside, _) = self.inner_mentions(segment);
            self.absorb(&inside, false);
            self.write(segment, EntityType::Organization);
        } else if self.is_person(segment) {
            for &m in &inside {
                self.keep[m] = false;
            }
            self.write_person(segment, &inside);
        } else {
            self.absorb(&inside, false);
        }
    }

    /// An organization's name may open with words that open sentences too ("First Chicago
    /// Corp.", "National Tennis Centre"): only function words are stripped from it.
    pub(super) fn with_name_openers(&self, mut segment: Segment) -> Segment {
        // A title opens an institution's name ("Queen Mary University", "King Saud
        // University"): it is the name's, not a person's.
        if segment.after_title
            && segment.start == segment.unstripped
            && segment.start > 0
            && self.words[segment.start - 1].joined_to_next
            && self.words[segment.start - 1].capitalised
            && lexicon::is_personal_title(self.word(segment.start - 1))
        {
            segment.start -= 1;
            segment.unstripped -= 1;
        }
        while segment.start > segment.unstripped {
            let k = segment.start - 1;
            // A demonym opens many company names ("American Motors Corp", "British
            // Airways"); it still counts for the country.
            let demonym =
                self.owner[k].is_some_and(|m| self.mentions[m].via == MentionVia::Demonym);
            if self.words[k].flags & lex::FUNCTION != 0 || (self.owner[k].is_some() && !demonym) {
                break;
            }
            segment.start -= 1;
        }
        segment
    }

    /// "Bank of Korea", "Centre for Baltic Energy Security": the chunker lets "of", "for" and
    /// "on" into a name only after an organization head.
    pub(super) fn head_before_of(&self, segment: Segment) -> bool {
        tokens::has_headed_phrase(self.text, &self.words[segment.start..segment.end])
    }

    /// Matches inside a longer name are not entities. A country named inside one still locates
    /// the article ("Bank of Korea", "Korean Air"), and so does another place inside a place's
    /// name (`place_name`) or after "of"; one that opens a team's, a company's or an
    /// institution's name does not ("San Jose Sharks", "Queen Mary University").
    pub(super) fn absorb(&mut self, inside: &[usize], place_name: bool) {
        for &m in inside {
            self.keep[m] = false;
            let entry = self.gazetteer.entry(self.mentions[m].entry);
            self.inner[m] = entry.entity_type == EntityType::Place
                && (place_name || entry.is_country() || self.after_of(m));
        }
    }

    /// Whether match `m` follows "of" ("Bank of Boston", "University of London"): a name says
    /// where its bearer is that way, while a place opening a name is a namesake as often as
    /// not ("San Jose Sharks", "Boston Scientific").
    fn after_of(&self, m: usize) -> bool {
        let start = self.mentions[m].start;
        self.words
            .binary_search_by_key(&start, |w| w.start)
            .is_ok_and(|k| k > 0 && self.word(k - 1) == "of")
    }

    /// A given name or an initial opens the segment. An initial before a place is an
    /// abbreviation instead ("S. Korea", "U.S. Treasury").
    /// Records a person: the gazetteer's when it knows them, else the name as written.
    pub(super) fn write_person(&mut self, segment: Segment, inside: &[usize]) {
        match self.known_person(segment, inside) {
            Some(entry) => self.references.push(Reference {
                at: self.words[segment.start].start,
                first: segment.start,
                end: segment.end,
                key: Key::Entry(entry),
                surface: self.segment_text(segment),
            }),
            None => self.write(segment, EntityType::Person),
        }
    }

    /// In capitalised text, a person only by the strictest evidence: a given name, then one or
    /// two words that are not ordinary words, countries or demonyms.
    pub(super) fn is_listed_person(&self, segment: Segment) -> bool {
        let length = segment.end - segment.start;
        // A single-letter initial counts too ("A. Hollioake" in a scorecard), not a dotted
        // abbreviation ("U.S.").
        let first = self.word(segment.start);
        let single_initial = self.words[segment.start].initial && first.len() == 2;
        let last_has_vowel = has_vowel(self.word(segment.end - 1));
        (2..=3).contains(&length)
            && (single_initial
                || (!self.words[segment.start].initial
                    && (self.names.is_given_name(first) || lexicon::is_country_given_name(first))))
            && last_has_vowel
            && self.rest_are_names(segment)
            && self.owner[segment.start].is_none_or(|m| {
                self.gazetteer.entry(self.mentions[m].entry).entity_type != EntityType::Place
                    || self.mentions[m].end <= self.words[segment.start].end
            })
    }

    /// Whether the words after the first are shaped like the rest of a person's name: none an
    /// ordinary word, a head word, an organization or a country other than one that is also a
    /// given name ("Michael Jordan").
    pub(super) fn rest_are_names(&self, segment: Segment) -> bool {
        (segment.start + 1..segment.end).all(|k| {
            let word = self.word(k);
            let mut buf = [0u8; 32];
            let lower = lexicon::lowercase(word, &mut buf);
            !self.names.is_ordinary_word(word)
                && !self.words[k].number
                && self.words[k].flags & (lex::ORGHEAD | lex::TITLE | lex::STOP) == 0
                && !lexicon::is_place_head(&lower)
                && !lexicon::is_org_tail(lower.trim_end_matches('.'))
                && self.owner[k].is_none_or(|m| {
                    let mention = &self.mentions[m];
                    let entry = self.gazetteer.entry(mention.entry);
                    mention.via == MentionVia::Name
                        && entry.entity_type != EntityType::Organization
                        && (!entry.is_country() || lexicon::is_country_given_name(word))
                })
        })
    }

    /// Whether the segment opens with a given name, or an initial that is not before a place.
    pub(super) fn starts_with_given_name(&self, segment: Segment) -> bool {
        let first = &self.words[segment.start];
        if first.initial {
            let before_place = (segment.start..segment.end).any(|k| {
                self.owner[k].is_some_and(|m| {
                    let mention = &self.mentions[m];
                    mention.via == MentionVia::Demonym
                        || self.gazetteer.entry(mention.entry).is_country()
                        || mention.start == first.start
                })
            });
            return !before_place;
        }
        let first = self.word(segment.start);
        // A country that is also a given name opens a person's name only before a surname
        // ("Jordan Lafond", not "Jordan Valley").
        self.names.is_given_name(first)
            || (lexicon::is_country_given_name(first)
                && segment.end - segment.start >= 2
                && self.owner[segment.start]
                    .is_none_or(|m| self.mentions[m].end <= self.words[segment.start].end)
                && self.rest_are_names(segment))
    }

    /// Whether the segment is shaped like a person's name.
    pub(super) fn is_person(&self, segment: Segment) -> bool {
        let length = segment.end - segment.start;
        let last = &self.words[segment.end - 1];
        if last.initial || last.number {
            return false;
        }
        let first_word = self.word(segment.start);
        // Initials before an abbreviation are one too ("N.Z. Dlrs"): a surname has a vowel.
        // Before a unit of money they name a currency ("H.K. Cents", "N.Z. Dollar"), before a
        // legal form a company ("E.F. Hutton Inc"), and a legal form is no initial ("N.V.
        // Philips").
        let last_word = self.word(segment.end - 1);
        let initials_before_abbreviation = self.words[segment.start].initial
            && (!has_vowel(last_word)
                || lexicon::is_unit_word(last_word)
                || lexicon::is_legal_form(last_word)
                || lexicon::is_legal_form(first_word));
        let given = self.starts_with_given_name(segment) && !initials_before_abbreviation;
        // "Wang Yi", "Kim Jong Un"; not "Park Rangers" or "Pan Am".
        let surname_first = length <= 3
            && lexicon::is_surname_first(&lexicon::folded_word(first_word, &mut [0u8; 32]))
            && (segment.start + 1..segment.end).all(|k| !self.names.is_ordinary_word(self.word(k)));
        (length >= 2 && (given || surname_first)) || segment.after_title
    }

    /// A gazetteer person named by the segment's last word(s), when the first word agrees
    /// with the person's given name ("J. Ratcliffe" may be John Ratcliffe; "Dennis Mitchell"
    /// is not George Mitchell).
    pub(super) fn known_person(&self, segment: Segment, inside: &[usize]) -> Option<EntryId> {
        let m = *inside.last()?;
        let mention = &self.mentions[m];
        let entry = self.gazetteer.entry(mention.entry);
        if entry.entity_type != EntityType::Person || mention.end != self.words[segment.end - 1].end
        {
            return None;
        }
        let first = fold(self.word(segment.start));
        let first = first.trim_end_matches('.');
        let agrees = entry.names().any(|name| {
            let given = fold(name.split_whitespace().next().unwrap_or_default());
            given == first || (first.len() == 1 && given.starts_with(first))
        });
        agrees.then_some(mention.entry)
    }

    /// The segment's text as written (a surface must occur in the text), without a "-based"
    /// prefix.
    pub(super) fn segment_text(&self, segment: Segment) -> String {
        let segment = self.without_based_prefix(segment);
        self.text[self.words[segment.start].start..self.words[segment.end - 1].end].to_string()
    }

    /// "Boston-based Reagan Communications" names "Reagan Communications".
    pub(super) fn without_based_prefix(&self, mut segment: Segment) -> Segment {
        if let Some(k) =
            (segment.start..segment.end - 1).rfind(|&k| self.word(k).ends_with("-based"))
        {
            segment.start = k + 1;
        }
        segment
    }

    /// Records the segment as a name as written.
    pub(super) fn write(&mut self, segment: Segment, entity_type: EntityType) {
        let mut surface = self.segment_text(segment);
        if entity_type == EntityType::Organization {
            // "The National Bank of Romania": the article is not part of the name.
            if let Some(rest) = surface.strip_prefix("The ") {
                surface = rest.trim_start().to_string();
            }
        }
        let mut name = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        if entity_type == EntityType::Organization {
            // "General Motors Corp" and "General Motors" are one company.
            name = without_legal_form(&name).to_string();
        }
        self.references.push(Reference {
            at: self.words[segment.start].start,
            first: segment.start,
            end: segment.end,
            key: Key::Written(entity_type, display_name(&name)),
            surface,
        });
    }

    /// Joins each organization's short form to its long form in the article ("Moody's" to
    /// "Moody's Investors Service", "General Motors Corp" to the gazetteer's "General
    /// Motors"), and initials that lead an organization's name to it ("E.F. Hutton" in an
    /// article on "E.F. Hutton and Co"). A short form that several long forms share stays as
    /// it is.
    fn join_short_forms(&mut self) {
        let mut organizations: Vec<(Key, Vec<Vec<String>>)> = Vec::new();
        for reference in &self.references {
            if organizations.iter().any(|(k, _)| *k == reference.key) {
                continue;
            }
            let names: Vec<Vec<String>> = match &reference.key {
                Key::Written(EntityType::Organization, name) => vec![name_words(name)],
                Key::Entry(id) => {
                    let entry = self.gazetteer.entry(*id);
                    if entry.entity_type != EntityType::Organization {
                        continue;
                    }
                    entry.names().map(name_words).collect()
                }
                Key::Written(..) => continue,
            };
            organizations.push((reference.key.clone(), names));
        }
        if organizations.is_empty() {
            return;
        }
        let mut joins: HashMap<Key, Key> = HashMap::new();
        let mut shorts: Vec<(Key, Vec<String>)> = Vec::new();
        for reference in &self.references {
            if shorts.iter().any(|(k, _)| *k == reference.key) {
                continue;
            }
            match &reference.key {
                Key::Written(EntityType::Organization, name) => {
                    shorts.push((reference.key.clone(), name_words(name)));
                }
                Key::Written(EntityType::Person, name)
                    if reference
                        .surface
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| {
                            w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        }) =>
                {
                    shorts.push((reference.key.clone(), name_words(name)));
                }
                _ => {}
            }
        }
        for (key, words) in shorts {
            let longer: Vec<&Key> = organizations
                .iter()
                .filter(|(other, names)| {
                    *other != key
                        && names.iter().any(|long| {
                            long.len() >= words.len()
                                && long[..words.len()] == words[..]
                                && (long.len() > words.len()
                                    || matches!(other, Key::Entry(_))
                                    || matches!(key, Key::Written(EntityType::Person, _)))
                        })
                })
                .map(|(other, _)| other)
                .collect();
            if let [only] = longer[..] {
                joins.insert(key, only.clone());
            }
        }
        if joins.is_empty() {
            return;
        }
        for reference in &mut self.references {
            // Follow a chain of joins to the longest form, at most as long as the list.
            for _ in 0..joins.len() {
                match joins.get(&reference.key) {
                    Some(target) if *target != reference.key => reference.key = target.clone(),
                    _ => break,
                }
            }
        }
    }

    /// Whether the place reading of match `m` needs evidence from the text: a one-word name
    /// that is also a given name ("Chad", "Jordan", "Douglas") or an ordinary word ("He is a
    /// Liberal"), unless it names a country by an ordinary word (the press writes the common
    /// noun in lower case: "Turkey", "Japan") or a prominent place ("Wellington").
    fn needs_place_evidence(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let entry = self.gazetteer.entry(mention.entry);
        let surface = &self.text[mention.start..mention.end];
        if mention.via != MentionVia::Name
            || entry.entity_type != EntityType::Place
            || surface.contains(char::is_whitespace)
        {
            return false;
        }
        if lexicon::is_country_given_name(surface) || lexicon::is_country_place_word(surface) {
            return true;
        }
        !entry.is_country()
            && (self.names.is_given_name(surface) || lexicon::is_common_word_place(surface))
            && !lexicon::is_prominent_place(entry)
    }

    /// Whether the text around match `m` reads it as a place: a preposition of place before it
    /// ("in Jordan"), or a place of its country after a comma ("Douglas, Isle of Man").
    fn place_context(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let Ok(k) = self.words.binary_search_by_key(&mention.start, |w| w.start) else {
            return false;
        };
        let preposition = k > 0
            && self.words[k - 1].joined_to_next
            && lexicon::is_place_preposition(self.word(k - 1));
        // A dateline: the place opens a line and a date or a comma follows ("WELLINGTON
        // 1996-08-22", "DOUGLAS, Isle of Man").
        let line_start = self.text[..mention.start]
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n');
        let dateline = line_start
            && (self.text[mention.end..].starts_with(',')
                || self.words.get(k + 1).is_some_and(|next| next.number));
        let country = self.gazetteer.entry(mention.entry).country.as_deref();
        let located = self.text[mention.end..].starts_with(", ")
            && self.mentions.get(m + 1).is_some_and(|next| {
                let entry = self.gazetteer.entry(next.entry);
                next.start == mention.end + 2
                    && entry.entity_type == EntityType::Place
                    && country.is_some()
                    && entry.country.as_deref() == country
            });
        preposition || located || dateline
    }

    /// Drops the place readings that need evidence and have none in the article. Evidence for
    /// one mention of an entry counts for all of them, and a country is also evidenced by its
    /// demonym, its capital or a name of it that needs no evidence ("Hashemite Kingdom of
    /// Jordan").
    pub(super) fn require_place_evidence(&mut self) {
        let standing = |state: &Self, m: usize| state.keep[m] || state.inner[m];
        let doubtful: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| standing(self, m) && self.needs_place_evidence(m))
            .collect();
        if doubtful.is_empty() {
            return;
        }
        let mut evidenced: Vec<EntryId> = Vec::new();
        let mut countries: Vec<&str> = Vec::new();
        let mut places_in: Vec<&str> = Vec::new();
        for m in 0..self.mentions.len() {
            let mention = &self.mentions[m];
            let entry = self.gazetteer.entry(mention.entry);
            let plain = !doubtful.contains(&m);
            if plain && mention.via == MentionVia::Demonym
                || (standing(self, m) && plain && entry.is_country())
            {
                countries.extend(entry.country.as_deref());
            }
            if standing(self, m) && plain && entry.capital {
                countries.extend(entry.country.as_deref());
            }
            if standing(self, m) && plain && entry.entity_type == EntityType::Place {
                places_in.extend(entry.country.as_deref());
            }
            if standing(self, m) && (plain || self.place_context(m)) {
                evidenced.push(mention.entry);
            }
        }
        for m in doubtful {
            let entry = self.gazetteer.entry(self.mentions[m].entry);
            let by_country = entry.is_country()
                && entry
                    .country
                    .as_deref()
                    .is_some_and(|code| countries.contains(&code));
            // A region is evidenced by other places of its country ("Georgia" in an article
            // on Atlanta).
            let by_neighbour = entry.kind == kind::REGION
                && entry
                    .country
                    .as_deref()
                    .is_some_and(|code| places_in.contains(&code));
            // A country that is also a given name is the person only where the article names
            // someone so ("Jordan" after "Michael Jordan" or "Jordan Lafond").
            let surface = &self.text[self.mentions[m].start..self.mentions[m].end];
            // One that also names a river or another country's region is always rivalled ("on
            // the Niger", "Niger Delta").
            let unrivalled = entry.is_country()
                && !lexicon::is_country_place_word(surface)
                && !self.names_person(surface);
            if !by_country
                && !by_neighbour
                && !unrivalled
                && !evidenced.contains(&self.mentions[m].entry)
            {
                self.keep[m] = false;
                self.inner[m] = false;
            }
        }
    }

    /// Whether a person found so far has `word` among the words of their name.
    fn names_person(&self, word: &str) -> bool {
        let key = fold(word);
        let bears = |name: &str| name.split_whitespace().any(|w| fold(w) == key);
        let written = self.references.iter().any(|r| match &r.key {
            Key::Written(EntityType::Person, _) => bears(&r.surface),
            Key::Entry(id) => {
                let entry = self.gazetteer.entry(*id);
                entry.entity_type == EntityType::Person && bears(&r.surface)
            }
            Key::Written(..) => false,
        });
        written
            || self.mentions.iter().enumerate().any(|(m, mention)| {
                self.keep[m]
                    && self.gazetteer.entry(mention.entry).entity_type == EntityType::Person
                    && bears(&self.text[mention.start..mention.end])
            })
    }

    /// Surnames alone, and single-word matches equal to a surname, refer to the person the
    /// article names in full.
    pub(super) fn resolve_surnames(&mut self) {
        let mut by_surname: HashMap<String, Option<Key>> = HashMap::new();
        // A one-word person written after a title ("Mr. Lawson", "President Clinton") is the
        // person the article names in full ("Nigel Lawson"), when only one bears the surname:
        // full names are read first, and the one-word form joins the full one. Without a full
        // name, the word itself is the key.
        let one_word_title = |reference: &Reference| {
            matches!(&reference.key, Key::Written(EntityType::Person, name) if !name.contains(' '))
                && !reference.surface.contains(char::is_whitespace)
        };
        let mut order: Vec<usize> = (0..self.references.len()).collect();
        order.sort_by_key(|&r| one_word_title(&self.references[r]));
        for r in order {
            let reference = &self.references[r];
            let is_person = match &reference.key {
                Key::Entry(id) => self.gazetteer.entry(*id).entity_type == EntityType::Person,
                Key::Written(ty, _) => *ty == EntityType::Person,
            };
            let words: Vec<&str> = reference.surface.split_whitespace().collect();
            if !is_person || words.is_empty() {
                continue;
            }
            if one_word_title(reference) {
                let folded = fold(words[0]);
                if let Some(Some(full)) = by_surname.get(&folded) {
                    if *full != reference.key {
                        self.references[r].key = full.clone();
                        continue;
                    }
                }
            }
            let reference = &self.references[r];
            let first = fold(words[0]);
            let surname = if lexicon::is_surname_first(&first) {
                first
            } else {
                let last = words
                    .iter()
                    .rev()
                    .find(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III"));
                fold(last.copied().unwrap_or_default())
            };
            let slot = by_surname
                .entry(surname)
                .or_insert(Some(reference.key.clone()));
            if slot.as_ref() != Some(&reference.key) {
                // Two people share the surname: a surname alone is ambiguous.
                *slot = None;
            }
        }
        if by_surname.is_empty() {
            return;
        }
        for k in 0..self.words.len() {
            let word = &self.words[k];
            if !word.capitalised || word.flags & (lex::STOP | lex::TITLE) != 0 {
                continue;
            }
            // A possessive before is another name ("Taiwan's Lai").
            let previous_joins = k > 0
                && self.words[k - 1].joined_to_next
                && self.words[k - 1].capitalised
                && !self.words[k - 1].possessive;
            let alone = !previous_joins
                && (!word.joined_to_next
                    || self.words.get(k + 1).is_none_or(|next| !next.capitalised));
            if !alone {
                continue;
            }
            let mut buf = [0u8; 32];
            let folded = lexicon::folded_word(self.word(k), &mut buf);
            let Some(Some(key)) = by_surname.get(folded.as_ref()) else {
                continue;
            };
            if let Some(m) = self.owner[k] {
                let mention = &self.mentions[m];
                let entry = self.gazetteer.entry(mention.entry);
                if mention.start != word.start
                    || mention.end != word.end
                    || mention.via != MentionVia::Name
                    || entry.entity_type == EntityType::Person
                {
                    continue;
                }
                self.keep[m] = false;
                self.references
                    .retain(|r| !(r.at == word.start && r.key == Key::Entry(mention.entry)));
            }
            if self.references.iter().any(|r| r.at == word.start) {
                continue;
            }
            self.references.push(Reference {
                at: word.start,
                first: k,
                end: k + 1,
                key: key.clone(),
                surface: self.word(k).to_string(),
            });
        }
    }

    /// The result: entities counted in order of first mention, the matches that stand and
    /// the places kept only inside longer names.
    pub(super) fn finish(mut self) -> Resolved {
        self.join_short_forms();
        self.references.sort_by_key(|r| r.at);
        let mut order: Vec<Key> = Vec::new();
        let mut counts: HashMap<Key, EntityCount> = HashMap::new();
        for reference in self.references {
            let count = counts.entry(reference.key.clone()).or_insert_with(|| {
                order.push(reference.key.clone());
                match &reference.key {
                    Key::Entry(id) => {
                        let entry = self.gazetteer.entry(*id);
                        EntityCount {
                            name: entry.name.clone(),
                            entity_type: entry.entity_type,
                            id: entry.id.clone(),
                            count: 0,
                            surface: Vec::new(),
                        }
                    }
                    Key::Written(ty, name) => EntityCount {
                        name: name.clone(),
                        entity_type: *ty,
                        id: format!("{}:written:{}", ty.as_str(), slug(name)),
                        count: 0,
                        surface: Vec::new(),
                    },
                }
            });
            count.count += 1;
            if !count.surface.contains(&reference.surface) {
                count.surface.push(reference.surface);
            }
        }
        let entities = order
            .into_iter()
            .filter_map(|key| counts.remove(&key))
            .collect();
        let mut mentions = Vec::new();
        let mut inner_places = Vec::new();
        for (index, mention) in self.mentions.iter().enumerate() {
            if self.keep[index] {
                mentions.push(*mention);
            } else if self.inner[index] {
                inner_places.push(*mention);
            }
        }
        Resolved {
            mentions,
            inner_places,
            entities,
        }
    }
}

/// An organization's name without the legal forms that end it ("Moody's Investors Service
/// Inc" → "Moody's Investors Service", "Kidder Peabody and Co" → "Kidder Peabody"); a name
/// that is only a legal form stays whole.
pub(super) fn without_legal_form(name: &str) -> &str {
    let mut rest = name.trim_end();
    loop {
        let trimmed = rest.trim_end_matches([',', ' ']);
        let Some((head, last)) = trimmed.rsplit_once(' ') else {
            return rest;
        };
        if lexicon::is_legal_form(last) || matches!(last, "and" | "&") {
            rest = head;
        } else {
            return trimmed;
        }
    }
}

/// The folded words of a name without its legal forms, for comparing forms of one name.
fn name_words(name: &str) -> Vec<String> {
    without_legal_form(name)
        .split_whitespace()
        .map(|w| fold(w.trim_end_matches(['.', ','])))
        .collect()
}

/// Surnames have a vowel; abbreviations often do not ("Dlrs", "Mln").
pub(super) fn has_vowel(word: &str) -> bool {
    word.chars().any(|c| "aeiouyAEIOUY".contains(c))
}

/// A surface as an entity shows it: whitespace collapsed, leading lowercase words of the alias
/// dropped ("the West Bank", "mainland China" are written "West Bank", "China").
pub(super) fn surface(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first_name_word = words
        .iter()
        .position(|w| !w.chars().next().is_some_and(char::is_lowercase))
        .unwrap_or(0);
    words[first_name_word..].join(" ")
}

/// A written name for a facet: capitals-only names ("NEW YORK") in title case.
pub(super) fn display_name(surface: &str) -> String {
    if surface.chars().any(char::is_lowercase) {
        return surface.to_string();
    }
    surface
        .split(' ')
        .map(|word| {
            let mut out = String::new();
            let mut at_word_start = true;
            for c in word.chars() {
                if at_word_start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                at_word_start = !c.is_alphanumeric() && c != '\'';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}
