//! The question model shared by the generator, the packs, answer checking and the game.
//!
//! A [`Question`] holds its content in canonical form: multiple-choice options in the order they should be
//! shown, order items in their correct order (the game shuffles them for display), select-all answers as
//! option indices. Packs convert to and from their own author-friendly TOML; the generator builds these
//! directly.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How hard a question is; also decides its base points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// Every difficulty, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// Parses `easy`, `medium` or `hard` (any case).
    pub fn parse(text: &str) -> Option<Difficulty> {
        Difficulty::ALL
            .into_iter()
            .find(|difficulty| difficulty.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date known to a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// A date known to the year only.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A full calendar date; `None` if the month or day is out of range.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let date = PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        };
        date.is_valid().then_some(date)
    }

    /// Whether month and day exist in the calendar (a day needs a month).
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(month), None) => (1..=12).contains(&month),
            (Some(month), Some(day)) => {
                (1..=12).contains(&month) && day >= 1 && day <= days_in_month(self.year, month)
            }
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year = year_text.parse().ok()?;
        let mut number = |len: usize| -> Option<Option<u8>> {
            match parts.next() {
                None => Some(None),
                Some(part) if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(Some(part.parse().ok()?))
                }
                Some(_) => None,
            }
        };
        let month = number(2)?;
        let day = number(2)?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        let date = PartialDate { year, month, day };
        date.is_valid().then_some(date)
    }

    /// `2017`, `2017-07` or `2017-07-09`.
    pub fn to_iso(&self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{:04}-{:02}-{:02}", self.year, month, day),
            (Some(month), None) => format!("{:04}-{:02}", self.year, month),
            _ => format!("{:04}", self.year),
        }
    }

    /// How a person writes it: `July 9, 2017`, `July 2017` or `2017`.
    pub fn to_words(&self) -> String {
        match (self.month, self.day) {
            // Pieces pushed rather than formatted: the generator writes hundreds of dates.
            (Some(month), Some(day)) => {
                let mut words = String::with_capacity(20);
                words.push_str(MONTH_NAMES[usize::from(month - 1)]);
                words.push(' ');
                words.push_str(&day.to_string());
                words.push_str(", ");
                words.push_str(&self.year.to_string());
                words
            }
            (Some(month), None) => {
                let mut words = String::with_capacity(16);
                words.push_str(MONTH_NAMES[usize::from(month - 1)]);
                words.push(' ');
                words.push_str(&self.year.to_string());
                words
            }
            _ => self.year.to_string(),
        }
    }

    /// Days since 1970-01-01 for a full date (month and day default to the first).
    pub fn days_since_epoch(&self) -> i64 {
        let month = i64::from(self.month.unwrap_or(1));
        let day = i64::from(self.day.unwrap_or(1));
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

/// The English name of a month, 1-based.
pub fn month_name(month: u8) -> Option<&'static str> {
    MONTH_NAMES.get(usize::from(month).checked_sub(1)?).copied()
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_words())
    }
}

/// Where a question's answer comes from: an article file and the words in it that support the answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// The article's file name (for example `003_d6ee9bb069f09130.txt`) or another source an author names.
    pub article: String,
    /// A short excerpt, at most about 20 words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// What kind of answer a question takes, with the answer itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    /// Pick one of the options (2 to 6).
    MultipleChoice {
        options: Vec<String>,
        /// Index into `options`.
        answer: usize,
        /// Other spellings accepted when the answer is typed out instead of picked.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
    },
    /// Is the statement in the prompt true?
    TrueFalse { answer: bool },
    /// A number, accepted within `tolerance` (absolute, same unit as the answer).
    Numeric {
        answer: f64,
        #[serde(default)]
        tolerance: f64,
        /// How the number is shown and read: `US$`, `%`, `years`, or none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// A date, at the precision of `answer` (a year-only answer asks for a year).
    Date {
        answer: PartialDate,
        /// Days either side still accepted (0 for an exact date).
        #[serde(default)]
        tolerance_days: u32,
    },
    /// Typed answer, checked with aliases and forgiving matching, in the manner of a quizbowl answer line.
    FreeText {
        answer: String,
        /// Other answers accepted as right (a pack's `accept`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
        /// The entity kind of the answer (`person`, `film`, ...), so a guess closer to another known
        /// entity of that kind is rejected.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<String>,
        /// Answers that are right as far as they go: the player is asked for more (`prompt_on`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        prompt_on: Vec<String>,
        /// Answers never accepted, even as a typo of the answer (`reject`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        reject: Vec<String>,
    },
    /// Pick every option that applies (at least one).
    SelectAll {
        options: Vec<String>,
        /// Indices into `options`, ascending.
        answers: Vec<usize>,
    },
    /// Put the items in order; `items` is the correct order, the game shuffles them for display.
    Order {
        items: Vec<String>,
        /// What each item is ordered by (a date, a number), shown after answering; same length as
        /// `items` or empty.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        keys: Vec<String>,
        /// What "first" means, for the prompt: `earliest first`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        direction: Option<String>,
    },
    /// Who said it? Pick the speaker among the options.
    Quote {
        quote: String,
        options: Vec<String>,
        answer: usize,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        aliases: Vec<String>,
    },
}

impl Body {
    /// The type name used in files, on the command line and in output.
    pub fn type_name(&self) -> &'static str {
        self.question_type().as_str()
    }

    /// The question type of this body.
    pub fn question_type(&self) -> QuestionType {
        match self {
            Body::MultipleChoice { .. } => QuestionType::MultipleChoice,
            Body::TrueFalse { .. } => QuestionType::TrueFalse,
            Body::Numeric { .. } => QuestionType::Numeric,
            Body::Date { .. } => QuestionType::Date,
            Body::FreeText { .. } => QuestionType::FreeText,
            Body::SelectAll { .. } => QuestionType::SelectAll,
            Body::Order { .. } => QuestionType::Order,
            Body::Quote { .. } => QuestionType::Quote,
        }
    }

    /// The correct answer written out for a player: option text, `True`, `US$3 billion`, `July 9, 2017`,
    /// `A, C` style lists joined with commas, an order joined with arrows.
    pub fn answer_text(&self) -> String {
        match self {
            Body::MultipleChoice {
                options, answer, ..
            }
            | Body::Quote {
                options, answer, ..
            } => options.get(*answer).cloned().unwrap_or_default(),
            Body::TrueFalse { answer } => if *answer { "True" } else { "False" }.to_string(),
            Body::Numeric { answer, unit, .. } => format_number_with_unit(*answer, unit.as_deref()),
            Body::Date { answer, .. } => answer.to_words(),
            Body::FreeText { answer, .. } => answer.clone(),
            Body::SelectAll { options, answers } => answers
                .iter()
                .filter_map(|&index| options.get(index).cloned())
                .collect::<Vec<_>>()
                .join(", "),
            Body::Order { items, .. } => items.join(" → "),
        }
    }
}

impl Body {
    /// The options a player picks among, or the items to order; empty for other types.
    pub fn choices(&self) -> &[String] {
        match self {
            Body::MultipleChoice { options, .. }
            | Body::Quote { options, .. }
            | Body::SelectAll { options, .. } => options,
            Body::Order { items, .. } => items,
            _ => &[],
        }
    }
}

/// How a question's options (or order items) are laid out on screen.
///
/// `positions[k]` is the index into [`Body::choices`] shown at position `k` (letter `A` + k, number k + 1).
/// The question itself stays canonical; the game draws a layout with its seeded RNG and answer checking
/// reads letters and numbers through it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub positions: Vec<usize>,
}

impl Layout {
    /// Choices shown in their canonical order.
    pub fn identity(len: usize) -> Self {
        Layout {
            positions: (0..len).collect(),
        }
    }

    /// The canonical index of the choice shown at `position`.
    pub fn choice_at(&self, position: usize) -> Option<usize> {
        self.positions.get(position).copied()
    }

    /// The position at which canonical choice `index` is shown.
    pub fn position_of(&self, index: usize) -> Option<usize> {
        self.positions.iter().position(|&shown| shown == index)
    }
}

/// The kinds of question, as named in files and on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    MultipleChoice,
    TrueFalse,
    Numeric,
    Date,
    FreeText,
    SelectAll,
    Order,
    Quote,
}

impl QuestionType {
    /// Every type, in the order they are documented.
    pub const ALL: [QuestionType; 8] = [
        QuestionType::MultipleChoice,
        QuestionType::TrueFalse,
        QuestionType::Numeric,
        QuestionType::Date,
        QuestionType::FreeText,
        QuestionType::SelectAll,
        QuestionType::Order,
        QuestionType::Quote,
    ];

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::MultipleChoice => "multiple_choice",
            QuestionType::TrueFalse => "true_false",
            QuestionType::Numeric => "numeric",
            QuestionType::Date => "date",
            QuestionType::FreeText => "free_text",
            QuestionType::SelectAll => "select_all",
            QuestionType::Order => "order",
            QuestionType::Quote => "quote",
        }
    }

    /// Parses a type name; `-` and `_` are interchangeable and case is ignored.
    pub fn parse(text: &str) -> Option<QuestionType> {
        let wanted = text.trim().replace('-', "_").to_ascii_lowercase();
        QuestionType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == wanted)
    }
}

impl fmt::Display for QuestionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The prefix of a tag naming a fact the question rests on (`fact:grammy-won`): generated questions
/// carry one per fact, a pack question gets one per entry of its `facts` field. A game never asks two
/// questions sharing one.
pub const FACT_TAG: &str = "fact:";

/// One question, ready to ask.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable identifier: packs name it; generated questions derive it from their content.
    pub id: String,
    /// The text shown to the player (for true/false, the statement to judge).
    pub prompt: String,
    #[serde(flatten)]
    pub body: Body,
    pub category: String,
    pub difficulty: Difficulty,
    /// One line on why the answer is right, shown after answering.
    pub explanation: String,
    pub sources: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Seconds allowed to answer, set by a pack for this question or all of its questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<u32>,
}

impl Question {
    /// The facts the question rests on, from its `fact:` tags.
    pub fn facts(&self) -> impl Iterator<Item = &str> + '_ {
        self.tags
            .iter()
            .filter_map(|tag| tag.strip_prefix(FACT_TAG))
    }

    /// An id that depends only on the question's content (prompt, type, answer and options), so the same
    /// question always gets the same id: `g-` and 12 hex digits.
    pub fn content_id(prompt: &str, body: &Body) -> String {
        format!("g-{:012x}", Question::content_hash(prompt, body))
    }

    /// The 48 bits written in hex in [`Question::content_id`]: two questions share one exactly when
    /// they share the other.
    pub(crate) fn content_hash(prompt: &str, body: &Body) -> u64 {
        // The hash of the prompt, the type and the body's JSON, each after a zero byte, fed to the
        // hash as they are written rather than joined first.
        let mut hasher = StableHasher::new();
        hasher.update(prompt.as_bytes());
        hasher.update(&[0]);
        hasher.update(body.type_name().as_bytes());
        hasher.update(&[0]);
        serde_json::to_writer(&mut hasher, body).expect("a question body always serialises");
        hasher.0 & 0xffff_ffff_ffff
    }
}

/// Each option's number when every option is the same words followed by a distinct number
/// ("Part 2", "Part 4"); `None` otherwise. Such options are shown in number order, as a person lists
/// them: the order tells nothing about the answer.
pub fn numbered_series(options: &[String]) -> Option<Vec<u64>> {
    let mut prefix: Option<&str> = None;
    let mut numbers = Vec::with_capacity(options.len());
    for option in options {
        let (head, number) = option.trim_end().rsplit_once(' ')?;
        let number: u64 = number.parse().ok()?;
        if *prefix.get_or_insert(head) != head || numbers.contains(&number) {
            return None;
        }
        numbers.push(number);
    }
    (options.len() > 1).then_some(numbers)
}

/// 64-bit FNV-1a: a hash whose value never changes between Rust or dependency versions.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    stable_hash_parts(&[bytes])
}

/// [`stable_hash`] of the parts one after another, without joining them first.
pub(crate) fn stable_hash_parts(parts: &[&[u8]]) -> u64 {
    let mut hasher = StableHasher::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.0
}

/// [`stable_hash`] fed piece by piece (also as an `io::Write`, so a serialiser can write into it).
struct StableHasher(u64);

impl StableHasher {
    fn new() -> StableHasher {
        StableHasher(0xcbf2_9ce4_8422_2325)
    }

    fn update(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::io::Write for StableHasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes a number as a player reads it: `3`, `1958`, `2.5`, `US$3 billion`, `100%`, `25 critics`.
pub fn format_number_with_unit(value: f64, unit: Option<&str>) -> String {
    use crate::facts::{ORDINAL_UNIT, TIME_UNIT};
    match unit {
        Some(ORDINAL_UNIT) => crate::facts::ordinal_words(value.round() as i64),
        Some(unit) if unit.starts_with(TIME_UNIT) => {
            let zone = unit[TIME_UNIT.len()..].trim();
            crate::facts::time_words(value, (!zone.is_empty()).then_some(zone))
        }
        // 8.1375 days reads as 8 days, 3 hours and 18 minutes.
        Some(unit @ ("days" | "hours" | "minutes")) if value.fract() != 0.0 => {
            crate::facts::span_words(value * crate::facts::part_seconds(unit), "seconds")
        }
        Some("US$") | Some("$") => format!("US${}", format_scaled(value)),
        Some("%") => format!("{}%", format_plain(value)),
        Some(unit) if !unit.is_empty() => format!("{} {}", format_plain(value), unit),
        _ => format_plain(value),
    }
}

/// A number without needless decimals: `4`, `2.5`, `0.125`.
pub fn format_plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // An integer's own `to_string` sizes the text to its digits; `format!` grows it.
        (value as i64).to_string()
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Large amounts with a scale word: `3 billion`, `1.5 million`, `950,000`.
pub fn format_scaled(value: f64) -> String {
    let magnitude = value.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if magnitude >= scale {
            return format!("{} {}", format_plain(round_to(value / scale, 3)), word);
        }
    }
    group_thousands(value)
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// `950000` as `950,000`; decimals kept as they are.
pub fn group_thousands(value: f64) -> String {
    let plain = format_plain(value);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |rest| ("-", rest));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (position, digit) in whole.chars().enumerate() {
        if position > 0 && (whole.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_in_words_reads_as_formatted() {
        for year in [-44, 0, 7, 1958, 2017, 12345] {
            for month in 1..=12u8 {
                for day in [1u8, 9, 10, 31] {
                    let date = PartialDate {
                        year,
                        month: Some(month),
                        day: Some(day),
                    };
                    let name = MONTH_NAMES[usize::from(month - 1)];
                    assert_eq!(date.to_words(), format!("{name} {day}, {year}"));
                }
                let date = PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                };
                assert_eq!(
                    date.to_words(),
                    format!("{} {year}", MONTH_NAMES[usize::from(month - 1)])
                );
            }
        }
    }

    #[test]
    fn partial_dates_parse_and_print() {
        let full = PartialDate::parse_iso("2017-07-09").unwrap();
        assert_eq!(full.to_words(), "July 9, 2017");
        assert_eq!(full.to_iso(), "2017-07-09");
        assert_eq!(
            PartialDate::parse_iso("2018-03").unwrap().to_words(),
            "March 2018"
        );
        assert_eq!(PartialDate::parse_iso("1958").unwrap().to_words(), "1958");
        assert_eq!(PartialDate::parse_iso("2017-02-29"), None);
        assert_eq!(PartialDate::parse_iso("2016-02-29").unwrap().day, Some(29));
        assert_eq!(PartialDate::parse_iso("17-07-09"), None);
        assert_eq!(PartialDate::parse_iso("2017-7-9"), None);
    }

    #[test]
    fn days_since_epoch_matches_known_dates() {
        assert_eq!(PartialDate::ymd(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(
            PartialDate::ymd(2017, 7, 9).unwrap().days_since_epoch(),
            17_356
        );
        assert_eq!(
            PartialDate::ymd(1958, 9, 24).unwrap().days_since_epoch(),
            -4_117
        );
    }

    #[test]
    fn numbers_format_for_players() {
        assert_eq!(format_number_with_unit(3e9, Some("US$")), "US$3 billion");
        assert_eq!(
            format_number_with_unit(2.5e9, Some("US$")),
            "US$2.5 billion"
        );
        assert_eq!(
            format_number_with_unit(950_000.0, Some("US$")),
            "US$950,000"
        );
        assert_eq!(format_number_with_unit(100.0, Some("%")), "100%");
        assert_eq!(format_number_with_unit(25.0, Some("critics")), "25 critics");
        assert_eq!(format_number_with_unit(1958.0, None), "1958");
        assert_eq!(format_number_with_unit(11.0, Some("ordinal")), "11th");
        assert_eq!(
            format_number_with_unit(20.0 * 60.0 + 17.0, Some("time of day UTC")),
            "20:17 UTC"
        );
        assert_eq!(
            format_number_with_unit(8.0 + 3.0 / 24.0 + 18.0 / 1440.0, Some("days")),
            "8 days, 3 hours and 18 minutes"
        );
        assert_eq!(
            format_number_with_unit(38.0, Some("years old")),
            "38 years old"
        );
        assert_eq!(format_plain(0.125), "0.125");
    }

    #[test]
    fn content_id_depends_on_content_only() {
        let body = Body::TrueFalse { answer: true };
        let first = Question::content_id("The sky is blue.", &body);
        assert_eq!(first, Question::content_id("The sky is blue.", &body));
        assert_ne!(first, Question::content_id("The sky is green.", &body));
        assert_ne!(
            first,
            Question::content_id("The sky is blue.", &Body::TrueFalse { answer: false })
        );
        assert!(first.starts_with("g-") && first.len() == 14);
    }

    #[test]
    fn type_names_round_trip() {
        for kind in QuestionType::ALL {
            assert_eq!(QuestionType::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(
            QuestionType::parse("select-all"),
            Some(QuestionType::SelectAll)
        );
        assert_eq!(QuestionType::parse("essay"), None);
    }
}
