//! The oracle's own reading of fact files and question text: raw TOML into its own structures,
//! its own normalisation of words, and its own parsing of numbers, money, durations and dates.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use toml::{Table, Value as Toml};
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
pub(crate) fn norm_name(text: &str) -> String {
    let text = norm(text);
    match text.strip_prefix(" the ") {
        Some(rest) if rest.trim().len() > 1 => format!(" {rest}"),
        _ => text,
    }
}

/// Where `needle` (in [`norm`] form) occurs in `haystack` (in [`norm`] form), as byte spans.
pub(crate) fn spans(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
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
    pub(crate) fn range(self) -> ((i32, u32, u32), (i32, u32, u32)) {
        let (m0, m1) = self.month.map_or((1, 12), |m| (m, m));
        let (d0, d1) = self.day.map_or((1, 31), |d| (d, d));
        ((self.year, m0, d0), (self.year, m1, d1))
    }

    /// Whether the two agree where both are known.
    pub(crate) fn compatible(self, other: Day) -> bool {
        self.year == other.year
            && (self.month.is_none() || other.month.is_none() || self.month == other.month)
            && (self.day.is_none() || other.day.is_none() || self.day == other.day)
    }

    /// Whether `self` (an answer) says exactly what `fact` says at the answer's precision, and no more
    /// than the fact knows.
    pub(crate) fn answers(self, fact: Day) -> bool {
        self.year == fact.year
            && (self.month.is_none() || self.month == fact.month)
            && (self.day.is_none() || self.day == fact.day)
    }
}

pub(crate) fn parse_iso_day(text: &str) -> Option<Day> {
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

pub(crate) fn number(value: &Toml) -> Option<f64> {
    match value {
        Toml::Integer(n) => Some(*n as f64),
        Toml::Float(x) => Some(*x),
        _ => None,
    }
}

/// Reads a value written in a fact file, whatever the relation says its type is: strings are text
/// (or a date when they read as one and the relation holds dates), tables are quantities.
pub(crate) fn read_value(value: &Toml, declared: &str) -> Option<Val> {
    match value {
        Toml::String(text) => {
            if declared == "date" {
                parse_iso_day(text).map(Val::Date)
            } else {
                Some(Val::Text(text.clone()))
            }
        }
        Toml::Integer(_) | Toml::Float(_) => Some(Val::Num {
            amount: number(value)?,
            unit: None,
        }),
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

pub(crate) const MONTHS: [&str; 12] = [
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

pub(crate) const NUMBER_WORDS: [(&str, f64); 28] = [
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

pub(crate) fn multiplier(word: &str) -> Option<f64> {
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
    }
    (numbers, days)
}

/// Whether a text mentions the date at its precision (a bare year gives away a year).
pub(crate) fn day_in(text: &str, answer: Day) -> bool {
    mentions(text)
        .1
        .iter()
        .any(|day| *day == answer || answer.month.is_none() && day.year == answer.year)
}

pub(crate) fn same_amount(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether a whole text (an option, an answer) is the value.
pub(crate) fn text_is_value(text: &str, value: &Val) -> bool {
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
pub(crate) fn text_mentions_value(text: &str, value: &Val) -> bool {
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
pub(crate) fn content_words(template: &str) -> Vec<String> {
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
pub(crate) fn template_fit(relation: &Relation, text: &str) -> f64 {
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

pub(crate) fn strings(table: &Table, key: &str) -> Vec<String> {
    match table.get(key) {
        Some(Toml::String(text)) => vec![text.clone()],
        Some(Toml::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn tables<'a>(table: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    table
        .get(key)
        .and_then(Toml::as_array)
        .into_iter()
        .flatten()
        .filter_map(Toml::as_table)
}

/// The `.toml` files a path stands for: itself, or a folder's files sorted by name.
pub(crate) fn toml_files(path: &Path) -> Vec<PathBuf> {
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
pub(crate) enum Tier {
    /// The names options and answers show (name, display name, aliases).
    Shown,
    /// Those and how sentences refer to it (`refer_as`).
    Sentence,
    /// Those and "the series" for the only entity of its kind.
    Loose,
}

/// The entities a text names, each by a name not inside a longer name of another entity ("The Defiant
/// Ones" inside "the 1958 film The Defiant Ones" names only the film).
pub(crate) fn named_entities(base: &RawBase, text: &str, tier: Tier) -> BTreeSet<usize> {
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
pub(crate) fn denoted(base: &RawBase, text: &str) -> Vec<usize> {
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
pub(crate) struct Reading {
    pub(crate) named: BTreeSet<usize>,
    pub(crate) text: String,
    pub(crate) residue: String,
}

impl Reading {
    pub(crate) fn new(base: &RawBase, text: &str) -> Self {
        Self::with(base, text, Tier::Loose)
    }

    /// Only names and `refer_as`, not the loose forms.
    pub(crate) fn strict(base: &RawBase, text: &str) -> Self {
        Self::with(base, text, Tier::Sentence)
    }

    pub(crate) fn with(base: &RawBase, text: &str, tier: Tier) -> Self {
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

    pub(crate) fn names(&self, end: &End) -> bool {
        match end {
            End::Entity(i) => self.named.contains(i),
            End::Value(value @ Val::Text(_)) => text_mentions_value(&self.text, value),
            End::Value(value) => text_mentions_value(&self.residue, value),
        }
    }
}

pub(crate) fn end_is(base: &RawBase, end: &End, text: &str) -> bool {
    match end {
        End::Entity(i) => denoted(base, text).contains(i),
        End::Value(value) => text_is_value(text, value),
    }
}
