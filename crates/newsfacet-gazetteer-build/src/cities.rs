//! `cities.jsonl` from GeoNames `cities15000.txt`, with capitals from the feature code and
//! `countryInfo.txt`.
//!
//! Alternate names are filtered for precision: names in non-Latin scripts are kept for every
//! city; Latin-script alternates only for cities of at least [`LATIN_ALIAS_MIN_POPULATION`]
//! people, and only when they look like a proper name (letters, spaces, hyphens, apostrophes and
//! periods; capitalised but not all capitals; three characters or more) and name no other city.
//! No alias may be a country's name, alias or demonym: the country wins those. A short table of
//! press names (`data/city-press.tsv`, see [`Fixes`]) renames a few cities and adds their
//! well-known variants.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use newsfacet_gazetteer::fold::fold;
use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::{EntityType, Entry};

use crate::clean::{finalize, is_country_code};
use crate::report::BuildReport;
use crate::table::Table;

/// Cities at least this populous keep Latin-script alternate names.
pub const LATIN_ALIAS_MIN_POPULATION: u64 = 300_000;

/// File of the press names and extra aliases of cities.
pub const PRESS_FILE: &str = "city-press.tsv";
/// File of the administrative suffixes stripped from city names.
pub const SUFFIXES_FILE: &str = "city-name-suffixes.tsv";

/// The city fix tables of `data/`: GeoNames names follow local or official usage (former names,
/// administrative suffixes such as "Yokohama-shi") rather than the press, so these facts are
/// applied on top of it.
#[derive(Debug, Clone, Default)]
pub struct Fixes {
    /// `city-press.tsv`: geonameid → (canonical press name or "" to keep GeoNames', extra
    /// aliases). The GeoNames name stays as an alias when the canonical name changes.
    press: HashMap<u64, (String, Vec<String>)>,
    /// `city-name-suffixes.tsv`: country code → suffixes to strip from canonical names.
    suffixes: HashMap<String, Vec<String>>,
}

impl Fixes {
    /// Reads the city fix tables from the curated data folder.
    pub fn load(dir: &Path) -> anyhow::Result<Fixes> {
        Fixes::parse(
            &Table::read(dir, PRESS_FILE)?,
            &Table::read(dir, SUFFIXES_FILE)?,
        )
    }

    /// Parses both tables; errors name `file:line`.
    pub fn parse(press: &Table, suffixes: &Table) -> anyhow::Result<Fixes> {
        let mut fixes = Fixes::default();
        for row in press.rows(1, 3)? {
            let id: u64 = row
                .cell(0)
                .parse()
                .map_err(|_| row.error(format!("geonameid {:?} is not a number", row.cell(0))))?;
            let fix = (row.cell(1).to_string(), row.list(2));
            if fixes.press.insert(id, fix).is_some() {
                return Err(row.error(format!("geonameid {id} is listed twice")));
            }
        }
        for row in suffixes.rows(2, 2)? {
            let (code, suffix) = (row.cell(0), row.cell(1));
            if !is_country_code(code) {
                return Err(row.error(format!("{code:?} is not two uppercase letters")));
            }
            if suffix.is_empty() {
                return Err(row.error("empty suffix"));
            }
            fixes
                .suffixes
                .entry(code.to_string())
                .or_default()
                .push(suffix.to_string());
        }
        Ok(fixes)
    }

    /// The canonical name of a city: its press name, or the GeoNames name without its country's
    /// administrative suffix.
    fn canonical_name(&self, city: &RawCity) -> String {
        if let Some((name, _)) = self.press.get(&city.id).filter(|(n, _)| !n.is_empty()) {
            return name.clone();
        }
        let suffixes = self.suffixes.get(&city.country).into_iter().flatten();
        for suffix in suffixes {
            if let Some(stem) = city.name.strip_suffix(suffix.as_str()) {
                return stem.to_string();
            }
        }
        city.name.clone()
    }

    /// The extra aliases of a city, in written order.
    fn press_aliases(&self, id: u64) -> &[String] {
        self.press.get(&id).map_or(&[], |(_, aliases)| aliases)
    }
}

struct RawCity {
    line: usize,
    id: u64,
    name: String,
    ascii: String,
    alternates: Vec<String>,
    feature_code: String,
    country: String,
    population: u64,
}

/// Reads `countryInfo.txt` and `cities15000.txt` and compiles the city entries, sorted by
/// GeoNames id. `country_keys` are the folded country names that cities must not take as aliases.
pub fn from_files(
    country_info: &Path,
    cities: &Path,
    exclude: &Exclude,
    fixes: &Fixes,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let info = fs::read_to_string(country_info)
        .with_context(|| format!("reading {}", country_info.display()))?;
    let capitals =
        parse_country_info(&info).with_context(|| format!("in {}", country_info.display()))?;
    let text =
        fs::read_to_string(cities).with_context(|| format!("reading {}", cities.display()))?;
    parse(&text, &capitals, exclude, fixes, report)
        .with_context(|| format!("in {}", cities.display()))
}

/// Names cities must not take as aliases.
#[derive(Debug, Default)]
pub struct Exclude {
    /// Folded country names, aliases and demonyms: the country wins those.
    pub country_keys: HashSet<String>,
    /// Lowercase ordinary English words: a Latin-script alternate that is one ("Genes" for
    /// Genoa, "Tunes" for Tunis) is almost never meant as the city. Canonical names stay.
    pub english_words: HashSet<String>,
}

/// Country code → capital name, from `countryInfo.txt`.
pub fn parse_country_info(text: &str) -> anyhow::Result<HashMap<String, String>> {
    let mut capitals = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 6 {
            bail!(
                "line {}: expected at least 6 tab-separated columns, found {}",
                index + 1,
                columns.len()
            );
        }
        let (code, capital) = (columns[0].trim(), columns[5].trim());
        if !is_country_code(code) {
            bail!("line {}: {code:?} is not an ISO alpha-2 code", index + 1);
        }
        if !capital.is_empty() {
            capitals.insert(code.to_string(), capital.to_string());
        }
    }
    Ok(capitals)
}

/// Compiles city entries from the text of `cities15000.txt`.
pub fn parse(
    text: &str,
    capitals: &HashMap<String, String>,
    exclude: &Exclude,
    fixes: &Fixes,
    report: &mut BuildReport,
) -> anyhow::Result<Vec<Entry>> {
    let country_keys = &exclude.country_keys;
    let mut raw = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        raw.push(
            parse_line(line)
                .with_context(|| format!("line {}", index + 1))
                .map(|mut city| {
                    city.line = index + 1;
                    city
                })?,
        );
    }
    raw.sort_by_key(|c| c.id);
    if let Some(pair) = raw.windows(2).find(|w| w[0].id == w[1].id) {
        bail!(
            "lines {} and {}: geonameid {} appears twice",
            pair[0].line,
            pair[1].line,
            pair[0].id
        );
    }

    // Folded primary names → cities, to keep one city's alternate from naming another city.
    let mut by_name: HashMap<String, Vec<u64>> = HashMap::new();
    for city in &raw {
        for name in [&city.name, &city.ascii] {
            let ids = by_name.entry(fold(name)).or_default();
            if !ids.contains(&city.id) {
                ids.push(city.id);
            }
        }
    }
    let names_other_city = |key: &str, id: u64| {
        by_name
            .get(key)
            .is_some_and(|ids| ids.iter().any(|&other| other != id))
    };

    let capital_ids = capitals_from(&raw, capitals, report);

    // Latin alternates that pass the filters, to drop those two large cities share
    // ("Dilli" for both Delhi and New Delhi).
    let latin_ok = |city: &RawCity, alternate: &str, key: &str| {
        city.population >= LATIN_ALIAS_MIN_POPULATION
            && !is_non_latin(alternate)
            && !country_keys.contains(key)
            && is_plausible_latin_name(alternate)
            && !names_other_city(key, city.id)
            && !exclude.english_words.contains(key)
    };
    let mut latin_holders: HashMap<String, Vec<u64>> = HashMap::new();
    for city in &raw {
        for alternate in &city.alternates {
            let key = fold(alternate);
            if latin_ok(city, alternate, &key) {
                let ids = latin_holders.entry(key).or_default();
                if !ids.contains(&city.id) {
                    ids.push(city.id);
                }
            }
        }
    }
    let shared: HashSet<&String> = latin_holders
        .iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(k, _)| k)
        .collect();
    report.dropped_shared_city_alternates = shared.len();

    let mut entries = Vec::with_capacity(raw.len());
    for city in &raw {
        let name = fixes.canonical_name(city);
        let mut entry = Entry::new(
            format!("city:{}", city.id),
            EntityType::Place,
            kind::CITY,
            name,
        );
        entry.country = Some(city.country.clone());
        entry.population = Some(city.population);
        entry.capital = capital_ids.contains(&city.id);

        let mut aliases: Vec<String> = fixes.press_aliases(city.id).to_vec();
        for name in [&city.name, &city.ascii] {
            // "Laâyoune / El Aaiún", "Palikir - National Government Center" are labels, not names.
            let label = name.contains(" / ") || name.contains(" - ");
            if !label && !country_keys.contains(&fold(name)) {
                aliases.push(name.clone());
            }
        }
        for alternate in &city.alternates {
            let key = fold(alternate);
            let keep = if is_non_latin(alternate) {
                !country_keys.contains(&key)
            } else {
                latin_ok(city, alternate, &key) && !shared.contains(&key)
            };
            if keep {
                aliases.push(alternate.clone());
            }
        }
        entry.aliases = aliases;
        finalize(&mut entry);
        entries.push(entry);
    }
    Ok(entries)
}

fn parse_line(line: &str) -> anyhow::Result<RawCity> {
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() != 19 {
        bail!("expected 19 tab-separated columns, found {}", columns.len());
    }
    let id: u64 = columns[0]
        .parse()
        .with_context(|| format!("geonameid {:?} is not a number", columns[0]))?;
    let country = columns[8].trim().to_string();
    if !is_country_code(&country) {
        bail!("geonameid {id}: country code {country:?} is not two uppercase letters");
    }
    let population = if columns[14].trim().is_empty() {
        0
    } else {
        columns[14].trim().parse().with_context(|| {
            format!(
                "geonameid {id}: population {:?} is not a number",
                columns[14]
            )
        })?
    };
    Ok(RawCity {
        line: 0,
        id,
        name: columns[1].trim().to_string(),
        ascii: columns[2].trim().to_string(),
        alternates: columns[3]
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect(),
        feature_code: columns[7].trim().to_string(),
        country,
        population,
    })
}

/// Capital city ids: every PPLC, plus the `countryInfo.txt` capital of a country when none of
/// its PPLC cities carries that name (the most populous city of that name in the country).
fn capitals_from(
    raw: &[RawCity],
    capitals: &HashMap<String, String>,
    report: &mut BuildReport,
) -> HashSet<u64> {
    let mut ids: HashSet<u64> = raw
        .iter()
        .filter(|c| c.feature_code == "PPLC")
        .map(|c| c.id)
        .collect();
    let mut codes: Vec<&String> = capitals.keys().collect();
    codes.sort();
    for code in codes {
        let capital = fold(&capitals[code]);
        let named = |c: &RawCity, with_alternates: bool| {
            fold(&c.name) == capital
                || fold(&c.ascii) == capital
                || (with_alternates && c.alternates.iter().any(|a| fold(a) == capital))
        };
        let in_country = raw.iter().filter(|c| &c.country == code);
        if in_country
            .clone()
            .any(|c| c.feature_code == "PPLC" && named(c, true))
        {
            continue;
        }
        if let Some(city) = in_country
            .filter(|c| named(c, false))
            .max_by_key(|c| (c.population, std::cmp::Reverse(c.id)))
        {
            if ids.insert(city.id) {
                report
                    .capitals_from_country_info
                    .push(format!("{} ({code}) city:{}", city.name, city.id));
            }
        }
    }
    ids
}

/// Whether a character is a Latin-script letter (incl. accented letters and IPA extensions).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0250}'..='\u{02AF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' | '\u{FB00}'..='\u{FB06}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
            && c.is_alphabetic()
}

/// Whether a character is a spacing modifier letter (ʻ ʼ ʾ ʿ…), neither Latin nor another script.
fn is_modifier_letter(c: char) -> bool {
    matches!(c, '\u{02B0}'..='\u{02FF}')
}

/// A name written entirely in a non-Latin script (Cyrillic, Greek, Arabic, Hebrew, CJK, Kana,
/// Hangul, Devanagari, Thai…): it has letters, and none of them is Latin.
pub fn is_non_latin(name: &str) -> bool {
    let mut letters = name
        .chars()
        .filter(|&c| c.is_alphabetic() && !is_modifier_letter(c))
        .peekable();
    letters.peek().is_some() && letters.all(|c| !is_latin_letter(c))
}

/// A Latin-script alternate that looks like a usable proper name: only letters, spaces,
/// hyphens, apostrophes and periods; not all lowercase (transliteration keys) and not all
/// capitals (airport codes); at least three characters, and at least [`MIN_SINGLE_WORD`] for a
/// single word (short foreign forms such as "Rim", "Nico" or "Pari" collide with other words
/// and names far more often than they name the city); no "X - Y" labels.
pub fn is_plausible_latin_name(name: &str) -> bool {
    let allowed = name
        .chars()
        .all(|c| is_latin_letter(c) || matches!(c, ' ' | '-' | '\'' | '’' | 'ʼ' | '.'));
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let min = if name.contains(' ') {
        3
    } else {
        MIN_SINGLE_WORD
    };
    allowed
        && !name.contains(" - ")
        && name.chars().count() >= min
        && letters.iter().any(|c| c.is_uppercase())
        && letters.iter().any(|c| c.is_lowercase())
}

/// Minimum length of a single-word Latin-script alternate name.
pub const MIN_SINGLE_WORD: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        id: u64,
        name: &str,
        ascii: &str,
        alternates: &str,
        code: &str,
        cc: &str,
        population: u64,
    ) -> String {
        format!("{id}\t{name}\t{ascii}\t{alternates}\t0\t0\tP\t{code}\t{cc}\t\t22\t\t\t\t{population}\t\t63\tAsia/Harbin\t2011-03-10")
    }

    #[test]
    fn filters_alternates_and_marks_capitals() {
        let text = [
            row(1816670, "Beijing", "Beijing", "BJS,Beijing,Pechino,Peking,bei jing,Pekin',Россия,北京,Пекин,Pei=ping,Delhi,Pekin,Pekinas,Peking - Beijing", "PPLC", "CN", 7_480_601),
            row(1273294, "Delhi", "Delhi", "Deli,Dilli,Dehli", "PPL", "IN", 10_927_986),
            row(1261481, "New Delhi", "New Delhi", "Dilli,Nueva Delhi", "PPLC", "IN", 317_797),
            row(5, "Smalltown", "Smalltown", "Small Town,Смолтаун", "PPL", "CN", 20_000),
            row(285787, "Kuwait", "Kuwait", "Kuwait City,Кувейт", "PPLC", "KW", 60_064),
            row(7, "Yokohama-shi", "Yokohama-shi", "", "PPLA", "JP", 3_574_443),
            row(8, "Capitola", "Capitola", "", "PPLA", "ZZ", 30_000),
            row(9, "Capitola", "Capitola", "", "PPL", "ZZ", 20_000),
        ]
        .join("\n");
        let info = "#ISO\tISO3\tnum\tfips\tCountry\tCapital\nKW\tKWT\t414\tKU\tKuwait\tKuwait City\nZZ\tZZZ\t0\tZZ\tZedland\tCapitola\n";
        let capitals = parse_country_info(info).unwrap();
        let exclude = Exclude {
            country_keys: ["Russia", "Россия", "Kuwait", "Кувейт"].map(fold).into(),
            english_words: ["pekin", "genes"].map(String::from).into(),
        };
        let mut report = BuildReport::default();
        let fixes = Fixes::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap();
        let cities = parse(&text, &capitals, &exclude, &fixes, &mut report).unwrap();
        let ids: Vec<&str> = cities.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "city:5",
                "city:7",
                "city:8",
                "city:9",
                "city:285787",
                "city:1261481",
                "city:1273294",
                "city:1816670"
            ]
        );
        let city = |id: &str| cities.iter().find(|c| c.id == id).unwrap();

        let beijing = city("city:1816670");
        assert!(beijing.capital);
        assert_eq!(beijing.country.as_deref(), Some("CN"));
        assert_eq!(beijing.population, Some(7_480_601));
        assert_eq!(
            beijing.aliases,
            vec!["Pechino", "Pekin'", "Pekinas", "Peking", "Пекин", "北京"]
        );
        assert_eq!(
            city("city:1273294").aliases,
            vec!["Dehli"],
            "single words need five letters; shared ones go"
        );
        assert_eq!(city("city:1261481").aliases, vec!["Nueva Delhi"]);
        assert_eq!(report.dropped_shared_city_alternates, 1);
        assert_eq!(
            city("city:5").aliases,
            vec!["Смолтаун"],
            "Latin alternates need a large city"
        );

        let kuwait = city("city:285787");
        assert_eq!(kuwait.name, "Kuwait City");
        assert!(
            kuwait.aliases.is_empty(),
            "country names stay with the country: {:?}",
            kuwait.aliases
        );
        assert!(kuwait.capital);

        assert!(
            city("city:8").capital,
            "capital from countryInfo: the most populous of that name"
        );
        assert!(!city("city:9").capital);
        assert_eq!(
            report.capitals_from_country_info,
            vec!["Capitola (ZZ) city:8"]
        );

        assert_eq!(city("city:7").name, "Yokohama");
        assert_eq!(city("city:7").aliases, vec!["Yokohama-shi"]);
    }

    #[test]
    fn script_and_shape_checks() {
        assert!(is_non_latin("Москва"));
        assert!(is_non_latin("北京市"));
        assert!(is_non_latin("ปักกิ่ง"));
        assert!(!is_non_latin("Nova Deli - नई दिल्ली"));
        assert!(!is_non_latin("Pékin"));
        assert!(is_plausible_latin_name("Pei-p'ing"));
        assert!(is_plausible_latin_name("St. Petersburg"));
        assert!(!is_plausible_latin_name("BJS"));
        assert!(!is_plausible_latin_name("bei jing"));
        assert!(!is_plausible_latin_name("Pei=ping"));
        assert!(!is_plausible_latin_name("Ab"));
        assert!(!is_plausible_latin_name("Rim"));
        assert!(is_plausible_latin_name("Nea Yorke"));
        assert!(!is_plausible_latin_name("Paris - Paris"));
        assert!(!is_plausible_latin_name("Route 66"));
    }

    #[test]
    fn bad_rows_name_the_line() {
        let mut report = BuildReport::default();
        let err = parse(
            "1\tX\n",
            &HashMap::new(),
            &Exclude::default(),
            &Fixes::default(),
            &mut report,
        )
        .unwrap_err();
        assert!(
            format!("{err:#}").contains("line 1: expected 19"),
            "{err:#}"
        );
        let table = |path: &str, text: &str| Table::from_text(path, text);
        let err = Fixes::parse(
            &table("data/city-press.tsv", "# ids\n703448\tKyiv\tKiev\nKyiv\n"),
            &table("data/city-name-suffixes.tsv", ""),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/city-press.tsv:3: geonameid \"Kyiv\" is not a number"
        );
    }
}
