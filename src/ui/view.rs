//! A question as a front end shows it: text made safe for the terminal (or left as written, for JSON), options in their display order, and a line telling
//! the player how to answer. Shared by the text, JSON and dialoguer front ends.

use std::borrow::Cow;

use crate::game::{Game, score};
use crate::question::{Body, Question};

use super::clean;

/// One open question, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionView {
    /// 1-based.
    pub number: usize,
    pub of: usize,
    pub player: String,
    pub id: String,
    pub kind: &'static str,
    pub category: String,
    pub difficulty: &'static str,
    pub points: u32,
    pub prompt: String,
    /// The quote of a "who said it?" question.
    pub quote: Option<String>,
    /// Options or order items in display order, numbered from 1.
    pub choices: Vec<String>,
    /// How to answer: `type the number of an option`, `true or false`...
    pub instructions: String,
    pub time_limit_ms: Option<u64>,
}

impl QuestionView {
    /// The view of question `number` of `game` (which must have been asked), its text made safe for
    /// the terminal by [`clean`].
    pub fn of(game: &Game, number: usize) -> QuestionView {
        Self::build(game, number, clean)
    }

    /// The view with text exactly as written, for output that escapes on its own (JSON).
    pub fn unescaped(game: &Game, number: usize) -> QuestionView {
        Self::build(game, number, |text| Cow::Borrowed(text))
    }

    fn build(game: &Game, number: usize, clean: fn(&str) -> Cow<'_, str>) -> QuestionView {
        let question = game.question(number);
        let choices = question.body.choices();
        let layout = game.layout(number);
        let shown: Vec<String> = match layout {
            Some(layout) => layout
                .positions
                .iter()
                .filter_map(|&index| choices.get(index))
                .map(|choice| clean(choice).into_owned())
                .collect(),
            None => choices.iter().map(|c| clean(c).into_owned()).collect(),
        };
        QuestionView {
            number: number + 1,
            of: game.len(),
            player: clean(game.player_name(game.player_for(number))).into_owned(),
            id: clean(&question.id).into_owned(),
            kind: question.body.type_name(),
            category: clean(&question.category).into_owned(),
            difficulty: question.difficulty.as_str(),
            points: score::base_points(question.difficulty),
            prompt: clean(&question.prompt).into_owned(),
            quote: match &question.body {
                Body::Quote { quote, .. } => Some(clean(quote).into_owned()),
                _ => None,
            },
            instructions: instructions(question, shown.len()),
            choices: shown,
            time_limit_ms: game.time_limit(number),
        }
    }
}

/// How to answer a question, for the line under it.
pub fn instructions(question: &Question, shown: usize) -> String {
    match &question.body {
        Body::MultipleChoice { .. } | Body::Quote { .. } => {
            format!("type a letter {}, or the answer", letter_range(shown))
        }
        Body::TrueFalse { .. } => "true or false?".to_string(),
        Body::Numeric {
            unit, tolerance, ..
        } => {
            use crate::facts::{AGE_UNIT, ORDINAL_UNIT, TIME_UNIT};
            let what = match unit.as_deref() {
                Some("US$") | Some("$") => {
                    "type an amount in US dollars, like 2.5 billion".to_string()
                }
                Some("%") => "type a percentage".to_string(),
                Some(ORDINAL_UNIT) => "type a rank, like 3rd".to_string(),
                Some(AGE_UNIT) => "type an age in years".to_string(),
                Some(unit) if unit.starts_with(TIME_UNIT) => {
                    let zone = unit[TIME_UNIT.len()..].trim();
                    if zone.is_empty() {
                        "type a time of day, like 14:30".to_string()
                    } else {
                        format!("type a time of day ({}), like 14:30", clean(zone))
                    }
                }
                Some(part @ ("days" | "hours" | "minutes")) => {
                    format!("type a number of {part}, or parts like 2 days 5 hours")
                }
                Some(unit) if !unit.is_empty() => format!("type a number of {}", clean(unit)),
                _ => "type a number".to_string(),
            };
            // How close counts, which the question itself never says.
            if *tolerance > 0.0 && tolerance.is_finite() {
                let within = match unit.as_deref() {
                    Some("%") => format!(
                        "{} points",
                        crate::question::format_number_with_unit(*tolerance, None)
                    ),
                    Some(unit) if unit.starts_with(TIME_UNIT) => {
                        crate::facts::span_words(*tolerance * 60.0, "seconds")
                    }
                    other => crate::question::format_number_with_unit(*tolerance, other),
                };
                format!("{what}; within {} counts", clean(&within))
            } else {
                what
            }
        }
        Body::Date {
            answer,
            tolerance_days,
        } => {
            let what = match (answer.month, answer.day) {
                (None, _) => "type a year",
                (Some(_), None) => "type a month and year, like March 1990",
                _ => "type the full date, like 14 March 1990",
            };
            match tolerance_days {
                0 => what.to_string(),
                1 => format!("{what}; a day either side counts"),
                days => format!("{what}; {days} days either side count"),
            }
        }
        Body::FreeText { .. } => "type your answer".to_string(),
        Body::SelectAll { .. } => "type the letters of every right option, like A C".to_string(),
        Body::Order { direction, .. } => match direction {
            Some(direction) => format!(
                "type the letters in order, {}, like B C A",
                clean(direction)
            ),
            None => "type the letters in order, like B C A".to_string(),
        },
    }
}

/// The label of the option shown at `position`: `A`, `B`, ...
pub fn label(position: usize) -> char {
    char::from(b'A' + (position % 26) as u8)
}

fn letter_range(shown: usize) -> String {
    match shown {
        0 | 1 => "(A)".to_string(),
        n => format!("({}–{})", label(0), label(n - 1)),
    }
}
