//! An oracle for generated questions, written apart from the generator: it reads the fact files as raw
//! TOML into its own structures, normalises and parses text and values its own way, and for every
//! question finds the facts that make the marked answer right and checks that no wrong option is.
//!
//! It never uses the generator's index, tags, phrasing or rendering helpers, nor the library's fact
//! model. What it relies on is data: the question's type, its answer and options (or statement, items
//! and keys), the names the prompt mentions, and the citations it gives (each citation must be one of
//! the sources of a fact in the files). Wording is free to change: the oracle only asks which entities
//! and values the text names.
//!
//! A question passes when, among the facts it cites:
//! - multiple choice, quote, free text: a fact (or a chain of two, through an entity the prompt does
//!   not need to name) links something the prompt names to the marked answer, and no fact of the same
//!   relation links the same thing, the same way, to any wrong option;
//! - numeric and date: a fact about something the prompt names has exactly the answer as its value (at
//!   the answer's precision), and no other value of the same relation falls within the tolerance;
//! - true/false: a true statement names both ends of a cited fact; a false one names both ends of no
//!   fact of any cited relation;
//! - select-all: the right options are exactly those a cited relation links to what the prompt names;
//! - order: each item names the subject of a cited dated fact (whose date matches the item's key when
//!   there is one), and the items' dates run strictly in the stated direction.
//!
//! A disputed fact makes an answer right only when the prompt names an article that gives it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use toml::{Table, Value as Toml};
use trivia::question::{Body, PartialDate, Question};
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------- text

/// Lowercase words of letters and digits separated by single spaces, accents and apostrophes dropped,
/// padded with a space on both sides (so containment is whole-word containment).
pub fn norm(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.nfkd().flat_map(char::to_lowercase) {
        if unicode_normalization::char::is_combining_mark(c) || matches!(c, '\'' | '\u{2019}') {
            continue;
        }
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// [`norm`] without a leading "the".
fn norm_name(text: &str) -> String {
    let text = norm(text);
    match text.strip_prefix(" the ") {
        Some(rest) if rest.trim().len() > 1 => format!(" {rest}"),
        _ => text,
    }
}

/// Where `needle` (in [`norm`] form) occurs in `haystack` (in [`norm`] form), as byte spans.
fn spans(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.trim().is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(at) = haystack[from..].find(needle) {
        let start = from + at;
        out.push((start, start + needle.len()));
        from = start + 1;
    }
    out
}

// ---------------------------------------------------------------- values

/// A date at the precision it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Day {
    /// The first and last day it may be, as comparable triples.
    fn range(self) -> ((i32, u32, u32), (i32, u32, u32)) {
        let (m0, m1) = self.month.map_or((1, 12), |m| (m, m));
        let (d0, d1) = self.day.map_or((1, 31), |d| (d, d));
        ((self.year, m0, d0), (self.year, m1, d1))
    }

    /// Whether the two agree where both are known.
    fn compatible(self, other: Day) -> bool {
        self.year == other.year
            && (self.month.is_none() || other.month.is_none() || self.month == other.month)
            && (self.day.is_none() || other.day.is_none() || self.day == other.day)
    }

    /// Whether `self` (an answer) says exactly what `fact` says at the answer's precision, and no more
    /// than the fact knows.
    fn answers(self, fact: Day) -> bool {
        self.year == fact.year
            && (self.month.is_none() || self.month == fact.month)
            && (self.day.is_none() || self.day == fact.day)
    }
}

fn parse_iso_day(text: &str) -> Option<Day> {
    let mut parts = text.trim().split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() || month.is_some_and(|m: u32| !(1..=12).contains(&m)) {
        return None;
    }
    Some(Day { year, month, day })
}

/// A fact's value, as the oracle understands it.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// Words (a text value or a quotation).
    Text(String),
    /// A quantity: money, a count, a duration, a percentage, a score, an age; `unit` as written.
    Num {
        amount: f64,
        unit: Option<String>,
    },
    Date(Day),
}

/// One end of a fact.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    Entity(usize),
    Value(Val),
}

fn number(value: &Toml) -> Option<f64> {
    match value {
        Toml::Integer(n) => Some(*n as f64),
        Toml::Float(x) => Some(*x),
        _ => None,
    }
}

/// Reads a value written in a fact file, whatever the relation says its type is: strings are text
/// (or a date when they read as one and the relation holds dates), tables are quantities.
fn read_value(value: &Toml, declared: &str) -> Option<Val> {
    match value {
        Toml::String(text) => {
            if declared == "date" {
                parse_iso_day(text).map(Val::Date)
            } else {
                Some(Val::Text(text.clone()))
            }
        }
        // A year written as a bare integer.
        Toml::Integer(year) if declared == "date" => Some(Val::Date(Day {
            year: i32::try_from(*year).ok()?,
            month: None,
            day: None,
        })),
        Toml::Integer(_) | Toml::Float(_) => Some(Val::Num {
            amount: number(value)?,
            unit: None,
        }),
        // A time of day, as minutes after midnight.
        Toml::Datetime(datetime) if datetime.date.is_none() => {
            let time = datetime.time?;
            Some(Val::Num {
                amount: f64::from(time.hour) * 60.0
                    + f64::from(time.minute)
                    + f64::from(time.second.unwrap_or(0)) / 60.0,
                unit: Some("time".to_string()),
            })
        }
        Toml::Table(table) if table.contains_key("time") => read_value(&table["time"], declared),
        // A duration in parts, as an amount of its largest part.
        Toml::Table(table)
            if ["days", "hours", "minutes", "seconds"]
                .iter()
                .any(|part| table.contains_key(*part)) =>
        {
            let parts: Vec<(f64, f64)> = ["days", "hours", "minutes", "seconds"]
                .iter()
                .filter_map(|part| Some((number(table.get(*part)?)?, part_seconds(part)?)))
                .collect();
            let largest = parts.first()?.1;
            Some(Val::Num {
                amount: parts.iter().map(|(n, unit)| n * unit).sum::<f64>() / largest,
                unit: Some("duration".to_string()),
            })
        }
        Toml::Datetime(datetime) => {
            let date = datetime.date?;
            Some(Val::Date(Day {
                year: i32::from(date.year),
                month: Some(u32::from(date.month)),
                day: Some(u32::from(date.day)),
            }))
        }
        Toml::Table(table) => {
            let amount = ["amount", "percent", "value", "years", "number"]
                .iter()
                .find_map(|key| table.get(*key).and_then(number))?;
            let unit = ["unit", "currency"]
                .iter()
                .find_map(|key| table.get(*key).and_then(Toml::as_str))
                .map(String::from)
                .or_else(|| table.contains_key("percent").then(|| "%".to_string()))
                .or_else(|| table.contains_key("years").then(|| "years".to_string()));
            Some(Val::Num { amount, unit })
        }
        _ => None,
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const NUMBER_WORDS: [(&str, f64); 28] = [
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

fn multiplier(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Every number and date a text mentions, read the oracle's own way: digits with thousands commas and
/// decimals, a currency sign or `%` around them, number words up to ninety, "million"/"billion"
/// multipliers; dates as `July 9, 2017`, `9 July 2017`, `July 2017`, `2017-07-09` or a bare year.
pub fn mentions(text: &str) -> (Vec<f64>, Vec<Day>) {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '(' || c == ')')
        .map(|token| {
            token
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%')
                .to_lowercase()
        })
        .filter(|token| !token.is_empty())
        .collect();
    let mut numbers = Vec::new();
    let mut days = Vec::new();
    // Years that belong to a month or a full date, and so are no bare year of their own.
    let mut in_fuller_date = HashSet::new();
    let bare = |token: &str| -> Option<f64> {
        let digits = token
            .trim_start_matches("us$")
            .trim_start_matches(['$', '£', '€'])
            .trim_end_matches('%');
        if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
            return NUMBER_WORDS
                .iter()
                .find(|(word, _)| *word == token)
                .map(|(_, n)| *n);
        }
        digits.replace(',', "").parse::<f64>().ok()
    };
    let year = |token: &str| -> Option<i32> {
        (token.len() == 4 && token.chars().all(|c| c.is_ascii_digit()))
            .then(|| token.parse().ok())
            .flatten()
    };
    let day_of_month = |token: &str| -> Option<u32> {
        let digits = token.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let month = |token: &str| -> Option<u32> {
        MONTHS
            .iter()
            .position(|m| {
                *m == token
                    || (token.len() >= 3
                        && m.starts_with(token)
                        && token != "mar"
                        && token != "may")
            })
            .map(|i| i as u32 + 1)
            .or_else(|| (token == "may").then_some(5))
            .or_else(|| (token == "mar").then_some(3))
    };
    for (index, token) in tokens.iter().enumerate() {
        let next = tokens.get(index + 1).map(String::as_str);
        let after = tokens.get(index + 2).map(String::as_str);
        if let Some(mut n) = bare(token) {
            if let Some(factor) = next.and_then(multiplier) {
                n *= factor;
            }
            numbers.push(n);
        }
        if let Some(m) = month(token) {
            let day_before = index
                .checked_sub(1)
                .and_then(|before| day_of_month(&tokens[before]));
            match (next, after) {
                // July 9, 2017
                (Some(d), Some(y)) if day_of_month(d).is_some() && year(y).is_some() => {
                    in_fuller_date.insert(index + 2);
                    days.push(Day {
                        year: year(y).unwrap(),
                        month: Some(m),
                        day: day_of_month(d),
                    })
                }
                // 9 July 2017, or July 2017
                (Some(y), _) if year(y).is_some() => {
                    in_fuller_date.insert(index + 1);
                    days.push(Day {
                        year: year(y).unwrap(),
                        month: Some(m),
                        day: day_before,
                    })
                }
                _ => {}
            }
        }
        if let Some(y) = year(token)
            && !in_fuller_date.contains(&index)
        {
            days.push(Day {
                year: y,
                month: None,
                day: None,
            });
        }
        if token.len() == 10
            && let Some(day) = parse_iso_day(token)
        {
            days.push(day);
        }
        // A rank: 11th, 2nd.
        if let Some(digits) = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| token.strip_suffix(suffix))
            .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        {
            numbers.extend(digits.parse::<f64>().ok());
        }
        // A time of day, as minutes after midnight: 20:17, 20:17:40.
        if let Some(minutes) = clock_minutes(token) {
            numbers.push(minutes);
        }
    }
    numbers.extend(durations_in_parts(&tokens));
    (numbers, days)
}

/// `20:17` or `20:17:40` as minutes after midnight.
fn clock_minutes(token: &str) -> Option<f64> {
    let parts: Vec<&str> = token.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts.iter().any(|part| {
            part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit())
        })
    {
        return None;
    }
    let number = |i: usize| {
        parts
            .get(i)
            .map_or(0.0, |part| part.parse::<f64>().unwrap_or(0.0))
    };
    Some(number(0) * 60.0 + number(1) + number(2) / 60.0)
}

/// Seconds in a duration part named in a text (`day`, `hours` ...).
fn part_seconds(word: &str) -> Option<f64> {
    match word.trim_end_matches('s') {
        "day" => Some(86_400.0),
        "hour" => Some(3_600.0),
        "minute" => Some(60.0),
        "second" => Some(1.0),
        _ => None,
    }
}

/// Durations written in two or more parts ("8 days, 3 hours and 18 minutes"), each as an amount of its
/// largest part (8.1375 days), the way a fact holds it.
fn durations_in_parts(tokens: &[String]) -> Vec<f64> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let mut total = 0.0;
        let mut largest = None;
        let mut parts = 0;
        let mut at = index;
        while let (Some(count), Some(unit)) = (
            tokens.get(at).and_then(|t| t.parse::<f64>().ok()),
            tokens.get(at + 1).and_then(|t| part_seconds(t)),
        ) {
            total += count * unit;
            largest.get_or_insert(unit);
            parts += 1;
            at += 2;
            if tokens.get(at).is_some_and(|t| t == "and") {
                at += 1;
            }
        }
        if parts >= 2 {
            found.push(total / largest.unwrap_or(1.0));
            index = at;
        } else {
            index += 1;
        }
    }
    found
}

/// Whether a text mentions the date at its precision (a bare year gives away a year).
fn day_in(text: &str, answer: Day) -> bool {
    mentions(text)
        .1
        .iter()
        .any(|day| *day == answer || answer.month.is_none() && day.year == answer.year)
}

fn same_amount(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether a whole text (an option, an answer) is the value.
fn text_is_value(text: &str, value: &Val) -> bool {
    match value {
        Val::Text(words) => norm_name(text) == norm_name(words),
        Val::Num { amount, .. } => {
            let (numbers, _) = mentions(text);
            numbers.iter().any(|n| same_amount(*n, *amount))
        }
        Val::Date(fact) => {
            let (_, days) = mentions(text);
            // The most precise reading of the text is what it says.
            days.iter()
                .max_by_key(|day| (day.month.is_some(), day.day.is_some()))
                .is_some_and(|day| day.answers(*fact))
        }
    }
}

/// Whether a text (a prompt, a statement) mentions the value.
fn text_mentions_value(text: &str, value: &Val) -> bool {
    match value {
        Val::Text(words) => {
            let needle = norm_name(words);
            needle.trim().len() > 1 && norm(text).contains(&needle)
        }
        Val::Num { amount, .. } => mentions(text).0.iter().any(|n| same_amount(*n, *amount)),
        Val::Date(fact) => mentions(text).1.iter().any(|day| day.compatible(*fact)),
    }
}

/// The words of a template that say what the relation is: placeholders and small words left out.
fn content_words(template: &str) -> Vec<String> {
    let mut text = String::new();
    let mut depth = 0;
    for c in template.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => text.push(' '),
        }
    }
    norm(&text)
        .split_whitespace()
        .filter(|word| {
            !matches!(
                *word,
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "to"
                    | "for"
                    | "and"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "as"
                    | "s"
            )
        })
        .map(String::from)
        .collect()
}

/// How much of a relation's statement template a text contains (0 to 1).
fn template_fit(relation: &Relation, text: &str) -> f64 {
    if relation.statement_words.is_empty() {
        return 0.0;
    }
    let text = norm(text);
    let found = relation
        .statement_words
        .iter()
        .filter(|word| text.contains(&format!(" {word} ")))
        .count();
    found as f64 / relation.statement_words.len() as f64
}

// ---------------------------------------------------------------- the raw fact base

pub struct Entity {
    pub id: String,
    pub kind: String,
    /// Names that denote it: name, aliases and every other name-like field, without "the".
    pub names: Vec<String>,
    /// The same names as written (for cutting them out of a text before reading its values).
    pub written: Vec<String>,
    /// Weaker forms used only to find what a prompt is about: "the series" for the only entity of
    /// its kind.
    pub loose: Vec<String>,
    /// How sentences name it (`refer_as`: "the series", "the 1958 film The Defiant Ones").
    pub refer: Vec<String>,
}

pub struct Relation {
    pub value: Option<String>,
    /// One subject per object (`inverse = "one"`, or a quotation, which has its speaker).
    pub inverse_one: bool,
    pub many: bool,
    pub complete: bool,
    /// Relations declared disjoint with this one (in either declaration).
    pub disjoint: Vec<String>,
    /// The content words of its statement template, placeholders left out (in [`norm`] form).
    pub statement_words: Vec<String>,
}

pub struct Fact {
    pub id: Option<String>,
    pub subject: usize,
    pub relation: String,
    pub object: End,
    /// (article file, evidence in [`norm`] form).
    pub sources: Vec<(String, String)>,
}

pub struct Article {
    pub file: String,
    pub id: Option<String>,
    /// Label and title, in [`norm`] form.
    pub names: Vec<String>,
}

/// A fact base read from its TOML files by the oracle alone.
pub struct RawBase {
    pub name: String,
    pub entities: Vec<Entity>,
    pub relations: HashMap<String, Relation>,
    pub facts: Vec<Fact>,
    pub articles: Vec<Article>,
    pub disputed: HashSet<usize>,
}

fn strings(table: &Table, key: &str) -> Vec<String> {
    match table.get(key) {
        Some(Toml::String(text)) => vec![text.clone()],
        Some(Toml::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

fn tables<'a>(table: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    table
        .get(key)
        .and_then(Toml::as_array)
        .into_iter()
        .flatten()
        .filter_map(Toml::as_table)
}

/// The `.toml` files a path stands for: itself, or a folder's files sorted by name.
fn toml_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|file| file.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

impl RawBase {
    pub fn load(name: &str, paths: &[PathBuf]) -> RawBase {
        let documents: Vec<Table> = paths
            .iter()
            .flat_map(|path| toml_files(path))
            .map(|file| {
                let text = std::fs::read_to_string(&file).unwrap();
                text.parse::<Table>()
                    .unwrap_or_else(|error| panic!("{}: {error}", file.display()))
            })
            .collect();
        let mut entities = Vec::new();
        let mut relations = HashMap::new();
        let mut articles = Vec::new();
        for document in &documents {
            for table in tables(document, "article") {
                let mut names = strings(table, "label");
                names.extend(strings(table, "title"));
                articles.push(Article {
                    file: strings(table, "file").remove(0),
                    id: strings(table, "id").pop(),
                    names: names.iter().map(|name| norm_name(name)).collect(),
                });
            }
            for table in tables(document, "relation") {
                relations.insert(
                    strings(table, "id").remove(0),
                    Relation {
                        value: strings(table, "value").pop(),
                        inverse_one: strings(table, "inverse").first().map(String::as_str)
                            == Some("one")
                            || strings(table, "value").first().map(String::as_str) == Some("quote"),
                        many: strings(table, "cardinality").first().map(String::as_str)
                            == Some("many"),
                        complete: table.get("complete").and_then(Toml::as_bool) == Some(true),
                        disjoint: strings(table, "disjoint_with"),
                        statement_words: content_words(
                            &strings(table, "statement").pop().unwrap_or_default(),
                        ),
                    },
                );
            }
            for table in tables(document, "entity") {
                // The names the format gives an entity (docs/facts.md): its unique `name`, the
                // `display` name options show (by default `name` less a trailing "(...)"), the
                // `refer_as` sentences use ("the series"), and the aliases players may type.
                let name = strings(table, "name").remove(0);
                let mut names = vec![name.clone()];
                match name.rfind(" (") {
                    Some(open) if name.ends_with(')') => names.push(name[..open].to_string()),
                    _ => {}
                }
                for field in ["display", "aliases"] {
                    names.extend(strings(table, field));
                }
                let refer = strings(table, "refer_as");
                entities.push(Entity {
                    id: strings(table, "id").remove(0),
                    kind: strings(table, "kind").remove(0),
                    names: names.iter().map(|name| norm_name(name)).collect(),
                    written: names
                        .iter()
                        .chain(&refer)
                        .map(|name| name.to_lowercase())
                        .collect(),
                    refer: refer.iter().map(|name| norm(name)).collect(),
                    loose: Vec::new(),
                });
            }
        }
        let declared: Vec<(String, String)> = relations
            .iter()
            .flat_map(|(id, relation)| {
                relation
                    .disjoint
                    .iter()
                    .map(move |other| (other.clone(), id.clone()))
            })
            .collect();
        for (id, other) in declared {
            if let Some(relation) = relations.get_mut(&id)
                && !relation.disjoint.contains(&other)
            {
                relation.disjoint.push(other);
            }
        }
        let mut kinds: HashMap<String, usize> = HashMap::new();
        for entity in &entities {
            *kinds.entry(entity.kind.clone()).or_default() += 1;
        }
        for entity in &mut entities {
            if kinds[&entity.kind] == 1 {
                entity.loose.push(norm(&format!("the {}", entity.kind)));
            }
        }
        let index: HashMap<String, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, entity)| (entity.id.clone(), i))
            .collect();
        let article_file = |name: &str| -> String {
            articles
                .iter()
                .find(|article: &&Article| {
                    article.file == name || article.id.as_deref() == Some(name)
                })
                .map_or_else(|| name.to_string(), |article| article.file.clone())
        };
        let mut facts = Vec::new();
        for document in &documents {
            for table in tables(document, "fact") {
                let relation = strings(table, "relation").remove(0);
                let declared = relations
                    .get(&relation)
                    .and_then(|r: &Relation| r.value.clone())
                    .unwrap_or_default();
                let raw_object = &table["object"];
                let object = match (relations[&relation].value.is_some(), raw_object) {
                    (false, Toml::String(id)) => End::Entity(index[id]),
                    _ => End::Value(read_value(raw_object, &declared).unwrap_or_else(|| {
                        panic!("the oracle cannot read the value {raw_object:?}")
                    })),
                };
                let sources = tables(table, "sources")
                    .map(|source| {
                        (
                            article_file(&strings(source, "article").remove(0)),
                            norm(&strings(source, "evidence").pop().unwrap_or_default()),
                        )
                    })
                    .collect();
                facts.push(Fact {
                    id: strings(table, "id").pop(),
                    subject: index[&strings(table, "subject").remove(0)],
                    relation,
                    object,
                    sources,
                });
            }
        }
        let mut disputed = HashSet::new();
        for document in &documents {
            for disagreement in tables(document, "disagreement") {
                for side in tables(disagreement, "side") {
                    for id in strings(side, "facts") {
                        for (i, fact) in facts.iter().enumerate() {
                            if fact.id.as_deref() == Some(id.as_str()) {
                                disputed.insert(i);
                            }
                        }
                    }
                }
            }
        }
        RawBase {
            name: name.to_string(),
            entities,
            relations,
            facts,
            articles,
            disputed,
        }
    }
}

// ---------------------------------------------------------------- what a text names

/// Which of an entity's names count when reading a text.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Tier {
    /// The names options and answers show (name, display name, aliases).
    Shown,
    /// Those and how sentences refer to it (`refer_as`).
    Sentence,
    /// Those and "the series" for the only entity of its kind.
    Loose,
}

/// The entities a text names, each by a name not inside a longer name of another entity ("The Defiant
/// Ones" inside "the 1958 film The Defiant Ones" names only the film).
fn named_entities(base: &RawBase, text: &str, tier: Tier) -> BTreeSet<usize> {
    let haystack = norm(text);
    let strong: Vec<(usize, usize, usize)> = base
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, entity)| {
            let refer = if tier >= Tier::Sentence {
                entity.refer.as_slice()
            } else {
                &[]
            };
            entity
                .names
                .iter()
                .chain(refer)
                .flat_map(|name| spans(&haystack, name))
                .map(move |(start, end)| (i, start, end))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut named: BTreeSet<usize> = strong
        .iter()
        .filter(|&&(i, start, end)| {
            !strong
                .iter()
                .any(|&(j, s, e)| j != i && s <= start && end <= e && e - s > end - start)
        })
        .map(|&(i, _, _)| i)
        .collect();
    if tier == Tier::Loose {
        for (i, entity) in base.entities.iter().enumerate() {
            if entity
                .loose
                .iter()
                .any(|form| !spans(&haystack, form).is_empty())
            {
                named.insert(i);
            }
        }
    }
    named
}

/// The entities a whole text (an option, an answer) is a name of.
fn denoted(base: &RawBase, text: &str) -> Vec<usize> {
    let text = norm_name(text);
    base.entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.names.contains(&text) || entity.loose.contains(&text))
        .map(|(i, _)| i)
        .collect()
}

/// What a text says about the world, computed once per text: the entities it names, and the rest of
/// the text (names cut out, so "1958" inside "The Defiant Ones (1958 film)" is no date) for values.
struct Reading {
    named: BTreeSet<usize>,
    text: String,
    residue: String,
}

impl Reading {
    fn new(base: &RawBase, text: &str) -> Self {
        Self::with(base, text, Tier::Loose)
    }

    /// Only names and `refer_as`, not the loose forms.
    fn strict(base: &RawBase, text: &str) -> Self {
        Self::with(base, text, Tier::Sentence)
    }

    fn with(base: &RawBase, text: &str, tier: Tier) -> Self {
        let named = named_entities(base, text, tier);
        let mut residue = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
        let mut written: Vec<&String> = base
            .entities
            .iter()
            .flat_map(|entity| &entity.written)
            .filter(|name| name.chars().count() > 2)
            .collect();
        written.sort_by_key(|name| std::cmp::Reverse(name.len()));
        for name in written {
            if residue.contains(name.as_str()) {
                residue = residue.replace(name.as_str(), " | ");
            }
        }
        Reading {
            named,
            text: text.to_string(),
            residue,
        }
    }

    fn names(&self, end: &End) -> bool {
        match end {
            End::Entity(i) => self.named.contains(i),
            End::Value(value @ Val::Text(_)) => text_mentions_value(&self.text, value),
            End::Value(value) => text_mentions_value(&self.residue, value),
        }
    }
}

fn end_is(base: &RawBase, end: &End, text: &str) -> bool {
    match end {
        End::Entity(i) => denoted(base, text).contains(i),
        End::Value(value) => text_is_value(text, value),
    }
}

// ---------------------------------------------------------------- facts, directions, chains

/// Which end of a fact a question starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Dir {
    /// From the subject to the object ("Who directed X?").
    Forward,
    /// From the object to the subject ("Which of these did Y direct?", "Who said this?").
    Backward,
}

impl Fact {
    fn subject_end(&self) -> End {
        End::Entity(self.subject)
    }

    fn from(&self, dir: Dir) -> End {
        match dir {
            Dir::Forward => self.subject_end(),
            Dir::Backward => self.object.clone(),
        }
    }

    fn to(&self, dir: Dir) -> End {
        match dir {
            Dir::Forward => self.object.clone(),
            Dir::Backward => self.subject_end(),
        }
    }
}

/// One way the facts make an answer right: a fact read in a direction, or two chained through an
/// entity.
#[derive(Clone, Debug)]
struct Chain {
    links: Vec<(usize, Dir)>,
}

/// The facts a question cites: those with a source equal to one of its citations.
fn cited(base: &RawBase, question: &Question) -> Vec<usize> {
    let citations: Vec<(String, String)> = question
        .sources
        .iter()
        .map(|citation| {
            (
                citation.article.clone(),
                norm(citation.evidence.as_deref().unwrap_or("")),
            )
        })
        .collect();
    (0..base.facts.len())
        .filter(|&i| {
            base.facts[i].sources.iter().any(|(article, evidence)| {
                citations
                    .iter()
                    .any(|(a, e)| a == article && !e.trim().is_empty() && e == evidence)
            })
        })
        .collect()
}

/// Whether a disputed fact is asked as plain truth: it is disputed, no undisputed fact says the same,
/// and the prompt names none of the articles that give it.
fn unattributed_dispute(base: &RawBase, fact: usize, prompt: &str) -> bool {
    if !base.disputed.contains(&fact) {
        return false;
    }
    let f = &base.facts[fact];
    let twin = base.facts.iter().enumerate().any(|(i, g)| {
        !base.disputed.contains(&i)
            && g.subject == f.subject
            && g.relation == f.relation
            && g.object == f.object
    });
    if twin {
        return false;
    }
    let prompt = norm(prompt);
    !f.sources.iter().any(|(file, _)| {
        base.articles
            .iter()
            .filter(|article| &article.file == file)
            .flat_map(|article| &article.names)
            .any(|name| prompt.contains(name.as_str()))
    })
}

/// Every path from something the prompt names to `answer`, through the cited facts.
fn paths_to(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    answer: &dyn Fn(&End) -> bool,
) -> Vec<Chain> {
    let mut out = Vec::new();
    for &f in cited {
        for dir in [Dir::Forward, Dir::Backward] {
            let fact = &base.facts[f];
            if prompt.names(&fact.from(dir)) && answer(&fact.to(dir)) {
                out.push(Chain {
                    links: vec![(f, dir)],
                });
            }
        }
    }
    for &first in cited {
        for dir1 in [Dir::Forward, Dir::Backward] {
            let f1 = &base.facts[first];
            let End::Entity(middle) = f1.to(dir1) else {
                continue;
            };
            if !prompt.names(&f1.from(dir1)) {
                continue;
            }
            for &second in cited {
                for dir2 in [Dir::Forward, Dir::Backward] {
                    let f2 = &base.facts[second];
                    if second != first
                        && f2.from(dir2) == End::Entity(middle)
                        && answer(&f2.to(dir2))
                    {
                        out.push(Chain {
                            links: vec![(first, dir1), (second, dir2)],
                        });
                    }
                }
            }
        }
    }
    out
}

/// Everything the facts reach from the start of `path` along its relations and directions: the ends a
/// player could fairly give as the answer.
fn reachable(base: &RawBase, path: &Chain) -> Vec<End> {
    let (first, dir) = path.links[0];
    let mut frontier = vec![base.facts[first].from(dir)];
    for &(link, dir) in &path.links {
        let relation = &base.facts[link].relation;
        frontier = base
            .facts
            .iter()
            .filter(|fact| &fact.relation == relation && frontier.contains(&fact.from(dir)))
            .map(|fact| fact.to(dir))
            .collect();
    }
    frontier
}

fn describe(base: &RawBase, path: &Chain) -> String {
    path.links
        .iter()
        .map(|&(f, dir)| {
            let fact = &base.facts[f];
            format!(
                "{} {} {:?} ({dir:?})",
                base.entities[fact.subject].id, fact.relation, fact.object
            )
        })
        .collect::<Vec<_>>()
        .join(" then ")
}

// ---------------------------------------------------------------- the verdict

/// Checks one question against the raw facts; `Err` says why the key cannot be trusted.
pub fn verify(base: &RawBase, question: &Question) -> Result<(), String> {
    let cited = cited(base, question);
    if cited.is_empty() {
        return Err("its citations match no source of any fact".into());
    }
    for citation in &question.sources {
        if !base.articles.iter().any(|a| a.file == citation.article) {
            return Err(format!("it cites an unknown article {}", citation.article));
        }
    }
    let prompt_text = match &question.body {
        Body::Quote { quote, .. } => format!("{} \u{201c}{quote}\u{201d}", question.prompt),
        _ => question.prompt.clone(),
    };
    let prompt = Reading::new(base, &prompt_text);
    match &question.body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => {
            let right = options.get(*answer).ok_or("the answer is not an option")?;
            let wrong: Vec<&String> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| i != answer)
                .map(|(_, option)| option)
                .collect();
            check_one_answer(base, &cited, &prompt, question, right, &wrong)
        }
        Body::FreeText {
            answer, aliases, ..
        } => {
            check_one_answer(base, &cited, &prompt, question, answer, &[])?;
            // Aliases name what the answer names.
            let meant = denoted(base, answer);
            for alias in aliases {
                if !meant.is_empty() && !denoted(base, alias).iter().any(|i| meant.contains(i)) {
                    return Err(format!("alias `{alias}` does not name the answer"));
                }
            }
            Ok(())
        }
        Body::Numeric {
            answer, tolerance, ..
        } => check_quantity(base, &cited, &prompt, question, *answer, *tolerance),
        Body::Date { answer, .. } => check_date(base, &cited, &prompt, question, answer),
        Body::TrueFalse { answer } => check_statement(base, &cited, question, *answer),
        Body::SelectAll { options, answers } => {
            check_select_all(base, &cited, &prompt, question, options, answers)
        }
        Body::Order {
            items,
            keys,
            direction,
        } => check_order(base, &cited, items, keys, direction.as_deref()),
    }
}

fn check_one_answer(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    right: &str,
    wrong: &[&String],
) -> Result<(), String> {
    let paths = paths_to(base, cited, prompt, &|end| end_is(base, end, right));
    if paths.is_empty() {
        return Err(format!(
            "no cited fact links anything the prompt names to the marked answer `{right}`"
        ));
    }
    // The answer must not be in the prompt (nor in the quotation shown with it).
    let shown = match &question.body {
        Body::Quote { quote, .. } => format!("{} \u{201c}{quote}\u{201d}", question.prompt),
        _ => question.prompt.clone(),
    };
    let strict = Reading::strict(base, &shown);
    // Naming the answer by the names players see gives it away; "the series" for the quiz's own
    // subject is how the quiz talks, not the answer.
    let shown_names = named_entities(base, &shown, Tier::Shown);
    if denoted(base, right).is_empty() {
        let (numbers, days) = mentions(right);
        let leaked = if let [number] = numbers.as_slice() {
            mentions(&strict.residue)
                .0
                .iter()
                .any(|n| same_amount(*n, *number))
        } else if let Some(day) = days.first() {
            day_in(&strict.residue, *day)
        } else {
            norm(&strict.text).contains(&norm_name(right))
        };
        if leaked {
            return Err(format!("the prompt gives away the answer `{right}`"));
        }
    }
    let mut reasons = Vec::new();
    for path in &paths {
        let (last, dir) = path.links[path.links.len() - 1];
        if let End::Entity(answer) = base.facts[last].to(dir)
            && shown_names.contains(&answer)
        {
            reasons.push(format!("the prompt names the answer `{right}`"));
            continue;
        }
        if let Some(&(f, _)) = path
            .links
            .iter()
            .find(|(f, _)| unattributed_dispute(base, *f, &question.prompt))
        {
            reasons.push(format!(
                "{} rests on disputed fact {:?} without naming its article",
                describe(base, path),
                base.facts[f].id
            ));
            continue;
        }
        let reach = reachable(base, path);
        if let Some(w) = wrong
            .iter()
            .find(|w| reach.iter().any(|end| end_is(base, end, w)))
        {
            reasons.push(format!(
                "wrong option `{w}` is right too by {}",
                describe(base, path)
            ));
            continue;
        }
        if wrong.is_empty() {
            // Typed answers: one right answer, or the player cannot know which is meant.
            let distinct: Vec<&End> = reach.iter().fold(Vec::new(), |mut seen, end| {
                if !seen.contains(&end) {
                    seen.push(end);
                }
                seen
            });
            if distinct.len() > 1 {
                reasons.push(format!(
                    "{} right answers by {}",
                    distinct.len(),
                    describe(base, path)
                ));
                continue;
            }
        }
        return Ok(());
    }
    Err(reasons.join("; "))
}

fn check_quantity(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    answer: f64,
    tolerance: f64,
) -> Result<(), String> {
    if mentions(&prompt.residue)
        .0
        .iter()
        .any(|n| same_amount(*n, answer))
    {
        return Err(format!("the prompt gives away the answer {answer}"));
    }
    let is_answer = |end: &End| matches!(end, End::Value(Val::Num { amount, .. }) if same_amount(*amount, answer));
    let paths = paths_to(base, cited, prompt, &is_answer);
    let mut reasons = Vec::new();
    for path in &paths {
        if path
            .links
            .iter()
            .any(|(f, _)| unattributed_dispute(base, *f, &question.prompt))
        {
            reasons.push(format!("{} is disputed", describe(base, path)));
            continue;
        }
        // The tolerance takes in no other value the facts give the same thing.
        let near = reachable(base, path).into_iter().find_map(|end| match end {
            End::Value(Val::Num { amount, .. })
                if !same_amount(amount, answer) && (amount - answer).abs() <= tolerance =>
            {
                Some(amount)
            }
            _ => None,
        });
        match near {
            Some(value) => reasons.push(format!("{value} is true too and within the tolerance")),
            None => return Ok(()),
        }
    }
    if reasons.is_empty() {
        reasons.push(format!(
            "no cited fact about what the prompt names has the value {answer}"
        ));
    }
    Err(reasons.join("; "))
}

fn check_date(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    answer: &PartialDate,
) -> Result<(), String> {
    let answer = Day {
        year: answer.year,
        month: answer.month.map(u32::from),
        day: answer.day.map(u32::from),
    };
    if day_in(&prompt.residue, answer) {
        return Err(format!("the prompt gives away the answer {answer:?}"));
    }
    let is_answer = |end: &End| matches!(end, End::Value(Val::Date(day)) if answer.answers(*day));
    let undisputed = paths_to(base, cited, prompt, &is_answer)
        .into_iter()
        .any(|path| {
            !path
                .links
                .iter()
                .any(|(f, _)| unattributed_dispute(base, *f, &question.prompt))
        });
    if undisputed {
        Ok(())
    } else {
        Err(format!(
            "no cited, undisputed fact about what the prompt names is dated {answer:?}"
        ))
    }
}

/// Whether a statement reads as a relation declared disjoint with the fact's own rather than as its
/// own (a critic "is interviewed in" the series he reviewed). Templates are the fact base's data; only
/// the share of each one's key words the statement holds is compared, so rephrasing that keeps the key
/// words ("interviewed", "reviewed") keeps the verdict.
fn reads_as_disjoint<'a>(base: &'a RawBase, fact: &Fact, text: &str) -> Option<&'a str> {
    let own = template_fit(&base.relations[&fact.relation], text);
    base.relations[&fact.relation]
        .disjoint
        .iter()
        .find(|other| {
            base.relations
                .get(*other)
                .is_some_and(|relation| template_fit(relation, text) > own)
        })
        .map(|other| base.relations.get_key_value(other).unwrap().0.as_str())
}

fn check_statement(
    base: &RawBase,
    cited: &[usize],
    question: &Question,
    answer: bool,
) -> Result<(), String> {
    let statement = Reading::strict(base, &question.prompt);
    let text = question.prompt.as_str();
    let states =
        |fact: &Fact| statement.names(&fact.subject_end()) && statement.names(&fact.object);
    let falsified = falsifying_fact(base, cited, &statement, text);
    if answer {
        if let Ok(how) = falsified {
            return Err(format!("marked true, but {how}"));
        }
        return if cited.iter().any(|&f| {
            let fact = &base.facts[f];
            states(fact)
                && reads_as_disjoint(base, fact, text).is_none()
                && !unattributed_dispute(base, f, text)
        }) {
            Ok(())
        } else {
            Err("marked true, but it states no cited fact".into())
        };
    }
    falsified
        .map(|_| ())
        .map_err(|reasons| format!("marked false, but {reasons}"))
}

/// A cited fact the statement contradicts, as `Ok(how)`; or why none does, as `Err`.
fn falsifying_fact(
    base: &RawBase,
    cited: &[usize],
    statement: &Reading,
    text: &str,
) -> Result<String, String> {
    let kind = |i: usize| base.entities[i].kind.as_str();
    let describe_fact = |fact: &Fact| {
        format!(
            "{} {} {:?}",
            base.entities[fact.subject].id, fact.relation, fact.object
        )
    };
    // A swap is read only in the cited facts whose relation the statement reads most like (a
    // statement about who walked the red carpet with Dre swaps nothing in the fact of whom he married,
    // cited from the same sentence).
    let fit = |f: usize| template_fit(&base.relations[&base.facts[f].relation], text);
    let best = cited.iter().map(|&f| fit(f)).fold(0.0, f64::max);
    let mut reasons = Vec::new();
    for &f in cited {
        let fact = &base.facts[f];
        let relation = &base.relations[&fact.relation];
        let same_relation = |g: &&Fact| g.relation == fact.relation;
        let subject_named = statement.names(&fact.subject_end());
        let object_named = statement.names(&fact.object);
        if fit(f) < best && !(subject_named && object_named) {
            continue;
        }
        match (subject_named, object_named) {
            // The object swapped for another of its sort: no fact of the relation gives the subject
            // anything the statement names, and the relation lists every object (no open list).
            (true, false) => {
                let replaced = match &fact.object {
                    End::Entity(o) => statement
                        .named
                        .iter()
                        .any(|&e| e != fact.subject && e != *o && kind(e) == kind(*o)),
                    End::Value(Val::Num { .. }) => !mentions(&statement.residue).0.is_empty(),
                    End::Value(Val::Date(_)) => !mentions(&statement.residue).1.is_empty(),
                    End::Value(Val::Text(_)) => base
                        .facts
                        .iter()
                        .filter(same_relation)
                        .any(|g| g.object != fact.object && statement.names(&g.object)),
                };
                if !replaced {
                    continue;
                }
                if let Some(g) = base
                    .facts
                    .iter()
                    .filter(same_relation)
                    .find(|g| g.subject == fact.subject && statement.names(&g.object))
                {
                    reasons.push(format!("it states {} {:?}", g.relation, g.object));
                } else if relation.many && !relation.complete {
                    reasons.push(format!(
                        "`{}` is an open list, so leaving something out of it proves nothing",
                        fact.relation
                    ));
                } else {
                    return Ok(format!("it swaps the object of {}", describe_fact(fact)));
                }
            }
            // The subject swapped for another of its kind, whose own objects of the relation are known
            // and do not include this one.
            (false, true) => {
                let replacements: Vec<usize> = statement
                    .named
                    .iter()
                    .copied()
                    .filter(|&e| {
                        e != fact.subject
                            && fact.object != End::Entity(e)
                            && kind(e) == kind(fact.subject)
                    })
                    .collect();
                if replacements.is_empty() {
                    continue;
                }
                let stated = base
                    .facts
                    .iter()
                    .filter(same_relation)
                    .find(|g| g.object == fact.object && statement.names(&g.subject_end()));
                let known = replacements.iter().all(|&e| {
                    base.facts
                        .iter()
                        .filter(same_relation)
                        .any(|g| g.subject == e)
                });
                match stated {
                    Some(g) => reasons.push(format!(
                        "it states {} {} {:?}",
                        base.entities[g.subject].id, g.relation, g.object
                    )),
                    None if !relation.inverse_one
                        && (relation.many && !relation.complete || !known) =>
                    {
                        reasons.push(format!(
                            "the facts do not list every object of `{}` for what it names",
                            fact.relation
                        ))
                    }
                    None => {
                        return Ok(format!("it swaps the subject of {}", describe_fact(fact)));
                    }
                }
            }
            // Both ends of a cited fact, read as a relation declared disjoint with the fact's own, and
            // no fact of that relation links the two.
            (true, true) => match reads_as_disjoint(base, fact, text) {
                Some(other)
                    if !base.facts.iter().any(|g| {
                        g.relation == other && g.subject == fact.subject && g.object == fact.object
                    }) =>
                {
                    return Ok(format!(
                        "it reads as `{other}`, disjoint with {}",
                        describe_fact(fact)
                    ));
                }
                _ => reasons.push(format!(
                    "it states {} {} {:?}",
                    base.entities[fact.subject].id, fact.relation, fact.object
                )),
            },
            (false, false) => {}
        }
    }
    if reasons.is_empty() {
        reasons.push("it swaps no end of a cited fact for another of its sort".into());
    }
    Err(reasons.join("; "))
}

fn check_select_all(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    options: &[String],
    answers: &[usize],
) -> Result<(), String> {
    let mut starts: Vec<(End, &str, Dir)> = Vec::new();
    for &f in cited {
        let fact = &base.facts[f];
        for dir in [Dir::Forward, Dir::Backward] {
            let start = fact.from(dir);
            if prompt.names(&start) {
                starts.push((start, fact.relation.as_str(), dir));
            }
        }
    }
    let mut reasons = Vec::new();
    for (start, relation, dir) in starts {
        let linked = |option: &str| -> Option<usize> {
            base.facts.iter().position(|fact| {
                fact.relation == relation
                    && fact.from(dir) == start
                    && end_is(base, &fact.to(dir), option)
            })
        };
        let mut ok = true;
        for (index, option) in options.iter().enumerate() {
            match (answers.contains(&index), linked(option)) {
                (true, None) => {
                    reasons.push(format!(
                        "right option `{option}` is not linked by {relation}"
                    ));
                    ok = false;
                }
                (true, Some(f)) if unattributed_dispute(base, f, &question.prompt) => {
                    reasons.push(format!("right option `{option}` rests on a disputed fact"));
                    ok = false;
                }
                (false, Some(_)) => {
                    reasons.push(format!("wrong option `{option}` is linked by {relation}"));
                    ok = false;
                }
                _ => {}
            }
        }
        if ok {
            return Ok(());
        }
    }
    if reasons.is_empty() {
        reasons.push("the prompt names no end of a cited fact".into());
    }
    Err(reasons.join("; "))
}

fn check_order(
    base: &RawBase,
    cited: &[usize],
    items: &[String],
    keys: &[String],
    direction: Option<&str>,
) -> Result<(), String> {
    let mut ranges = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let reading = Reading::new(base, item);
        let key = keys.get(index);
        let dates: Vec<Day> = cited
            .iter()
            .map(|&f| &base.facts[f])
            .filter(|fact| {
                reading.names(&fact.subject_end())
                    || matches!(fact.object, End::Entity(_)) && reading.names(&fact.object)
            })
            .filter_map(|fact| match &fact.object {
                End::Value(Val::Date(day)) => Some(*day),
                _ => None,
            })
            .filter(|day| key.is_none_or(|key| text_is_value(key, &Val::Date(*day))))
            .collect();
        if dates.is_empty() {
            return Err(format!(
                "item `{item}` names no cited dated fact{}",
                key.map_or(String::new(), |key| format!(" dated {key}"))
            ));
        }
        let start = dates.iter().map(|d| d.range().0).min().unwrap();
        let end = dates.iter().map(|d| d.range().1).max().unwrap();
        ranges.push((item, start, end));
    }
    let latest_first = direction.is_some_and(|d| {
        let d = norm(d);
        ["latest", "newest", "most recent", "last"]
            .iter()
            .any(|word| d.contains(&format!(" {word} ")))
    });
    for pair in ranges.windows(2) {
        let ((a, a0, a1), (b, b0, b1)) = (pair[0], pair[1]);
        let in_order = if latest_first { b1 < a0 } else { a1 < b0 };
        if !in_order {
            return Err(format!(
                "`{a}` ({a0:?}..{a1:?}) does not come strictly before `{b}` ({b0:?}..{b1:?})"
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- the committed fact bases

/// The shipped fact base and every committed test base: each `.toml` file directly in
/// `tests/data/facts/`, each folder in it, and the game transcripts' base `tests/data/game/facts.toml`.
pub fn committed_bases() -> Vec<(String, Vec<PathBuf>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut bases = vec![("seeds".to_string(), vec![root.join("seeds")])];
    let folder = root.join("tests/data/facts");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        bases.push((name, vec![path]));
    }
    bases.push((
        "tests/data/game/facts.toml".into(),
        vec![root.join("tests/data/game/facts.toml")],
    ));
    bases
}

// ---------------------------------------------------------------- the oracle on every committed base

/// Every question the generator makes from `paths`, with the oracle's base read from the same files.
fn generated(name: &str, paths: &[PathBuf]) -> (RawBase, Vec<Question>) {
    let base = trivia::facts::load_paths(paths)
        .unwrap_or_else(|problems| panic!("{name} is not a valid fact base: {problems:?}"));
    (
        RawBase::load(name, paths),
        trivia::generate::generate_all(&base),
    )
}

/// The questions the oracle rejects, with its reasons.
fn rejected(base: &RawBase, questions: &[Question]) -> Vec<String> {
    questions
        .iter()
        .filter_map(|question| {
            verify(base, question).err().map(|reason| {
                format!(
                    "{}: [{}] {:?} -> {}",
                    base.name,
                    question.body.type_name(),
                    question.prompt,
                    reason
                )
            })
        })
        .collect()
}

#[test]
fn every_generated_question_of_every_committed_base_has_a_key_the_facts_prove() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, paths) in committed_bases() {
        let (base, questions) = generated(&name, &paths);
        assert!(!questions.is_empty(), "{name} yields no question");
        checked += questions.len();
        failures.extend(rejected(&base, &questions));
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} questions fail the oracle:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------- the oracle catches wrong keys

/// A deliberate fault in a generator's output: changes a question's key, or leaves it alone (`None`)
/// when the fault does not apply to it.
type Mutation = fn(&RawBase, &Question) -> Option<Question>;

fn with_body(question: &Question, body: Body) -> Question {
    Question {
        body,
        ..question.clone()
    }
}

/// Every typed date a year later.
fn dates_shifted_a_year(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::Date {
        answer,
        tolerance_days,
    } = &question.body
    else {
        return None;
    };
    let answer = PartialDate {
        year: answer.year + 1,
        ..*answer
    };
    Some(with_body(
        question,
        Body::Date {
            answer,
            tolerance_days: *tolerance_days,
        },
    ))
}

/// Every typed number doubled.
fn numbers_doubled(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::Numeric {
        answer,
        tolerance,
        unit,
    } = &question.body
    else {
        return None;
    };
    (*answer != 0.0).then(|| {
        with_body(
            question,
            Body::Numeric {
                answer: answer * 2.0,
                tolerance: *tolerance,
                unit: unit.clone(),
            },
        )
    })
}

/// Every multiple-choice and quote question keyed to the option after the right one.
fn choice_keyed_to_a_wrong_option(_: &RawBase, question: &Question) -> Option<Question> {
    let mut body = question.body.clone();
    match &mut body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => *answer = (*answer + 1) % options.len(),
        _ => return None,
    }
    Some(with_body(question, body))
}

/// Every order question reversed (items and their keys together, so the keys still match their items
/// and only the facts can tell).
fn order_reversed(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::Order {
        items,
        keys,
        direction,
    } = &question.body
    else {
        return None;
    };
    let mut items = items.clone();
    let mut keys = keys.clone();
    items.reverse();
    keys.reverse();
    Some(with_body(
        question,
        Body::Order {
            items,
            keys,
            direction: direction.clone(),
        },
    ))
}

/// Every true/false statement given the other verdict.
fn true_false_flipped(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::TrueFalse { answer } = question.body else {
        return None;
    };
    Some(with_body(question, Body::TrueFalse { answer: !answer }))
}

/// Every select-all question with its first wrong option marked right as well.
fn select_all_with_a_wrong_option_marked(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::SelectAll { options, answers } = &question.body else {
        return None;
    };
    let wrong = (0..options.len()).find(|i| !answers.contains(i))?;
    let mut answers = answers.clone();
    answers.push(wrong);
    answers.sort_unstable();
    Some(with_body(
        question,
        Body::SelectAll {
            options: options.clone(),
            answers,
        },
    ))
}

/// Every free-text answer replaced by another entity of the answer's kind.
fn free_text_keyed_to_another_entity(base: &RawBase, question: &Question) -> Option<Question> {
    let Body::FreeText {
        answer,
        aliases,
        kind,
        ..
    } = &question.body
    else {
        return None;
    };
    let meant = denoted(base, answer);
    let other = base
        .entities
        .iter()
        .enumerate()
        .find(|(i, entity)| Some(&entity.kind) == kind.as_ref() && !meant.contains(i))?;
    let _ = aliases;
    Some(with_body(
        question,
        Body::FreeText {
            answer: other.1.written[0].clone(),
            aliases: Vec::new(),
            kind: kind.clone(),
            prompt_on: Vec::new(),
            reject: Vec::new(),
        },
    ))
}

/// Applies a mutation to every question of every committed base; returns how many questions it
/// changed and the mutated questions the oracle still accepts.
fn survivors(mutation: Mutation) -> (usize, Vec<String>) {
    let mut changed = 0;
    let mut survived = Vec::new();
    for (name, paths) in committed_bases() {
        let (base, questions) = generated(&name, &paths);
        for question in &questions {
            if let Some(mutated) = mutation(&base, question) {
                changed += 1;
                if verify(&base, &mutated).is_ok() {
                    survived.push(format!("{name}: {:?}", mutated.prompt));
                }
            }
        }
    }
    (changed, survived)
}

fn assert_all_caught(mutation: Mutation, what: &str) {
    let (changed, survived) = survivors(mutation);
    assert!(changed > 0, "{what}: no generated question to mutate");
    assert!(
        survived.is_empty(),
        "{what}: the oracle accepts {} of {changed} mutated questions:\n{}",
        survived.len(),
        survived.join("\n")
    );
}

#[test]
fn the_oracle_rejects_every_date_shifted_by_a_year() {
    assert_all_caught(dates_shifted_a_year, "dates shifted a year");
}

#[test]
fn the_oracle_rejects_every_number_doubled() {
    assert_all_caught(numbers_doubled, "numbers doubled");
}

#[test]
fn the_oracle_rejects_every_choice_keyed_to_a_wrong_option() {
    assert_all_caught(
        choice_keyed_to_a_wrong_option,
        "choice keyed to a wrong option",
    );
}

#[test]
fn the_oracle_rejects_every_order_reversed() {
    assert_all_caught(order_reversed, "order reversed");
}

#[test]
fn the_oracle_rejects_every_true_false_verdict_flipped() {
    assert_all_caught(true_false_flipped, "true/false flipped");
}

#[test]
fn the_oracle_rejects_every_select_all_with_a_wrong_option_marked() {
    assert_all_caught(
        select_all_with_a_wrong_option_marked,
        "select-all with a wrong option marked",
    );
}

#[test]
fn the_oracle_rejects_every_free_text_keyed_to_another_entity() {
    assert_all_caught(
        free_text_keyed_to_another_entity,
        "free text keyed to another entity",
    );
}

// ---------------------------------------------------------------- the oracle's own rules

#[test]
fn values_are_read_from_text_the_oracles_own_way() {
    let (numbers, _) = mentions("For how much was it sold? US$3 billion, or 2,500 copies, or five");
    assert_eq!(numbers, [3e9, 2500.0, 5.0]);
    let (_, days) =
        mentions("It opened on July 9, 2017 and closed in 2018, in March 2019, 1 October 1851");
    let day = |year, month, day| Day { year, month, day };
    assert_eq!(
        days,
        [
            day(2017, Some(7), Some(9)),
            day(2018, None, None),
            day(2019, Some(3), None),
            day(1851, Some(10), Some(1)),
        ]
    );
    assert!(text_is_value(
        "100%",
        &Val::Num {
            amount: 100.0,
            unit: Some("%".into())
        }
    ));
    assert!(text_is_value("The Chronic", &Val::Text("Chronic".into())));
    assert!(!text_is_value("1851", &Val::Date(day(1852, None, None))));
    assert!(norm("Lasse Järvi’s") == norm("lasse jarvis"));
}

/// A question on the game transcripts' base (`tests/data/game/facts.toml`), citing `evidence`.
fn game_question(prompt: &str, body: Body, evidence: &str) -> Question {
    Question {
        id: "t".into(),
        prompt: prompt.into(),
        body,
        category: "Builders".into(),
        difficulty: trivia::question::Difficulty::Easy,
        explanation: "x".into(),
        sources: vec![trivia::question::Citation {
            article: "lighthouse-register.txt".into(),
            evidence: Some(evidence.into()),
        }],
        tags: Vec::new(),
        time_limit: None,
    }
}

fn game_base() -> RawBase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    RawBase::load("game", &[root.join("tests/data/game/facts.toml")])
}

fn choice(options: &[&str], answer: usize) -> Body {
    Body::MultipleChoice {
        options: options.iter().map(|o| o.to_string()).collect(),
        answer,
        aliases: Vec::new(),
    }
}

#[test]
fn a_choice_passes_only_when_a_cited_fact_makes_the_key_right_and_no_wrong_option() {
    let base = game_base();
    let evidence = "North Rock Light, to a design by Ada Quill";
    let options = ["Ada Quill", "Tomas Reyes", "Mara Finch", "Ines Boyd"];
    let asked = |prompt: &str, answer: usize, evidence: &str| {
        verify(
            &base,
            &game_question(prompt, choice(&options, answer), evidence),
        )
    };
    assert_eq!(asked("Who designed North Rock Light?", 0, evidence), Ok(()));
    // Keyed to a wrong option; about something else; citing nothing in the files; giving it away.
    assert!(asked("Who designed North Rock Light?", 1, evidence).is_err());
    assert!(asked("Who designed Gull Point Light?", 0, evidence).is_err());
    assert!(asked("Who designed North Rock Light?", 0, "no such words").is_err());
    assert!(
        asked(
            "Who, like Ada Quill, designed North Rock Light?",
            0,
            evidence
        )
        .is_err()
    );
    // Reverse direction: Ada Quill designed two of these, so a second one among the wrong options
    // makes the question unfair.
    let lights = |options: &[&str]| {
        verify(
            &base,
            &game_question(
                "Which of these lighthouses did Ada Quill design?",
                choice(options, 0),
                evidence,
            ),
        )
    };
    assert_eq!(
        lights(&["North Rock Light", "Gull Point Light", "Black Skerry Light"]),
        Ok(())
    );
    let unfair = lights(&["North Rock Light", "Saltmarsh Light", "Gull Point Light"]);
    assert!(
        unfair
            .as_ref()
            .is_err_and(|reason| reason.contains("Saltmarsh Light")),
        "{unfair:?}"
    );
}

#[test]
fn typed_values_must_equal_the_facts_at_their_precision() {
    let base = game_base();
    let date = |year, month: Option<u8>, day: Option<u8>| Body::Date {
        answer: PartialDate { year, month, day },
        tolerance_days: 0,
    };
    let evidence = "first lit on 1 October 1851";
    let ask = |body| {
        verify(
            &base,
            &game_question("When was North Rock Light first lit?", body, evidence),
        )
    };
    assert_eq!(ask(date(1851, Some(10), Some(1))), Ok(()));
    assert_eq!(ask(date(1851, None, None)), Ok(()));
    assert!(ask(date(1851, Some(10), Some(2))).is_err());
    assert!(ask(date(1852, None, None)).is_err());
    // Gull Point Light is known to the year only: a day would be invented.
    let gull = |body| {
        verify(
            &base,
            &game_question("When was Gull Point Light first lit?", body, "lit in 1874"),
        )
    };
    assert_eq!(gull(date(1874, None, None)), Ok(()));
    assert!(gull(date(1874, Some(1), Some(1))).is_err());
    let steps = |answer, tolerance| {
        verify(
            &base,
            &game_question(
                "How many steps lead to the lamp of North Rock Light?",
                Body::Numeric {
                    answer,
                    tolerance,
                    unit: None,
                },
                "214 steps lead up to the lamp",
            ),
        )
    };
    assert_eq!(steps(214.0, 10.0), Ok(()));
    assert!(steps(428.0, 10.0).is_err());
    assert!(steps(213.0, 0.0).is_err());
}

#[test]
fn statements_are_true_only_when_they_state_a_cited_fact() {
    let base = game_base();
    let statement = |prompt: &str, answer: bool| {
        verify(
            &base,
            &game_question(
                prompt,
                Body::TrueFalse { answer },
                "North Rock Light guards Harrow Bay",
            ),
        )
    };
    assert_eq!(
        statement("North Rock Light stands in Harrow Bay.", true),
        Ok(())
    );
    assert!(statement("North Rock Light stands in Harrow Bay.", false).is_err());
    assert_eq!(
        statement("North Rock Light stands in Fennick.", false),
        Ok(())
    );
    assert!(statement("North Rock Light stands in Fennick.", true).is_err());
    // Dunmere is where Saltmarsh Light stands, which this citation does not prove.
    assert_eq!(
        statement("Gull Point Light stands in Harrow Bay.", false),
        Ok(())
    );
}

#[test]
fn order_follows_the_facts_dates_in_the_stated_direction() {
    let base = game_base();
    let items = [
        "North Rock Light was first lit",
        "Gull Point Light was first lit",
        "Saltmarsh Light was first lit",
    ];
    let question = |items: &[&str], direction: &str| {
        let mut question = game_question(
            "Put these in order.",
            Body::Order {
                items: items.iter().map(|i| i.to_string()).collect(),
                keys: Vec::new(),
                direction: Some(direction.into()),
            },
            "first lit on 1 October 1851",
        );
        for evidence in [
            "lit in 1874",
            "Saltmarsh Light shone first on 15 March 1902",
        ] {
            question.sources.push(trivia::question::Citation {
                article: "lighthouse-register.txt".into(),
                evidence: Some(evidence.into()),
            });
        }
        verify(&base, &question)
    };
    assert_eq!(question(&items, "earliest first"), Ok(()));
    assert!(question(&[items[1], items[0], items[2]], "earliest first").is_err());
    assert_eq!(
        question(&[items[2], items[1], items[0]], "latest first"),
        Ok(())
    );
}
