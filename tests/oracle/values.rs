//! The oracle's own reading of text: its word normaliser and its parser for numbers, money, number
//! words, ranks, times, durations and dates, written apart from the library's.

use std::collections::HashSet;

use toml::Value as Toml;
use unicode_normalization::UnicodeNormalization;

use super::raw::Relation;

// ---------------------------------------------------------------- text

/// Lowercase words of letters and digits separated by single spaces, accents and apostrophes dropped,
/// padded with a space on both sides (so containment is whole-word containment). A possessive `'s`
/// ends the word it follows ("Apple's history" reads "apple history"), so a name is found in it.
pub fn norm(text: &str) -> String {
    let chars: Vec<char> = text.nfkd().flat_map(char::to_lowercase).collect();
    let mut out = String::from(" ");
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        at += 1;
        if matches!(c, '\'' | '\u{2019}') {
            let possessive = chars.get(at) == Some(&'s')
                && !chars.get(at + 1).is_some_and(|next| next.is_alphanumeric());
            if possessive {
                at += 1;
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            continue;
        }
        if unicode_normalization::char::is_combining_mark(c) {
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
pub(crate) fn clock_minutes(token: &str) -> Option<f64> {
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
pub(crate) fn part_seconds(word: &str) -> Option<f64> {
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
pub(crate) fn durations_in_parts(tokens: &[String]) -> Vec<f64> {
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
