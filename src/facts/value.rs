//! Typed values a fact can hold (money, dates, durations, scores, ages ...), and how they read in a sentence.

use std::fmt;

use serde::Serialize;

use crate::question::{PartialDate, format_plain, format_scaled, group_thousands};

/// The type of value a relation links to, as written in `value = "..."`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Text,
    Integer,
    Money,
    Date,
    Duration,
    Percentage,
    Score,
    Age,
    Quote,
}

impl ValueType {
    pub const ALL: [ValueType; 9] = [
        ValueType::Text,
        ValueType::Integer,
        ValueType::Money,
        ValueType::Date,
        ValueType::Duration,
        ValueType::Percentage,
        ValueType::Score,
        ValueType::Age,
        ValueType::Quote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Text => "text",
            ValueType::Integer => "integer",
            ValueType::Money => "money",
            ValueType::Date => "date",
            ValueType::Duration => "duration",
            ValueType::Percentage => "percentage",
            ValueType::Score => "score",
            ValueType::Age => "age",
            ValueType::Quote => "quote",
        }
    }

    pub fn parse(text: &str) -> Option<ValueType> {
        ValueType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }

    /// How the value is written in a fact, for error messages.
    pub fn expected_form(self) -> &'static str {
        match self {
            ValueType::Text => "a string",
            ValueType::Integer => "an integer",
            ValueType::Money => "a table `{ amount = N, currency = \"USD\" }`",
            ValueType::Date => {
                "a date (2017-07-09, or a string \"2017\", \"2017-07\", \"2017-07-09\")"
            }
            ValueType::Duration => "a table `{ amount = N, unit = \"minutes\" }`",
            ValueType::Percentage => "a table `{ percent = N }`",
            ValueType::Score => {
                "a table `{ value = N, out_of = M, count = C, counted = \"critics\" }`"
            }
            ValueType::Age => "a table `{ years = N, as_of = DATE }`",
            ValueType::Quote => "a string (the quoted words)",
        }
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Units a duration may be given in.
pub const DURATION_UNITS: [&str; 8] = [
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
];

/// A typed value held by a fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    Text {
        text: String,
    },
    Integer {
        value: i64,
    },
    Money {
        amount: f64,
        currency: String,
    },
    Date {
        date: PartialDate,
    },
    Duration {
        amount: f64,
        unit: String,
    },
    Percentage {
        percent: f64,
    },
    Score {
        value: f64,
        out_of: f64,
        count: Option<u32>,
        counted: Option<String>,
        percent: bool,
    },
    Age {
        years: u32,
        as_of: PartialDate,
    },
    Quote {
        text: String,
    },
}

impl Value {
    pub fn value_type(&self) -> ValueType {
        match self {
            Value::Text { .. } => ValueType::Text,
            Value::Integer { .. } => ValueType::Integer,
            Value::Money { .. } => ValueType::Money,
            Value::Date { .. } => ValueType::Date,
            Value::Duration { .. } => ValueType::Duration,
            Value::Percentage { .. } => ValueType::Percentage,
            Value::Score { .. } => ValueType::Score,
            Value::Age { .. } => ValueType::Age,
            Value::Quote { .. } => ValueType::Quote,
        }
    }

    /// The value as it reads in a sentence: `US$3 billion`, `July 9, 2017`, `60 minutes`,
    /// `100% of 25 critics`, `65 (as of March 15, 2018)`.
    pub fn to_words(&self) -> String {
        match self {
            Value::Text { text } => text.clone(),
            Value::Quote { text } => format!("\u{201c}{text}\u{201d}"),
            Value::Integer { value } => group_thousands(*value as f64),
            Value::Money { amount, currency } => money_words(*amount, currency),
            Value::Date { date } => date.to_words(),
            Value::Duration { amount, unit } => {
                let unit = if *amount == 1.0 {
                    unit.trim_end_matches('s')
                } else {
                    unit
                };
                format!("{} {unit}", format_plain(*amount))
            }
            Value::Percentage { percent } => format!("{}%", format_plain(*percent)),
            Value::Score {
                value,
                out_of,
                count,
                counted,
                percent,
            } => {
                let score = if *percent {
                    format!("{}%", format_plain(*value))
                } else {
                    format!("{} out of {}", format_plain(*value), format_plain(*out_of))
                };
                match count {
                    Some(count) => {
                        let noun = counted.as_deref().unwrap_or("reviews");
                        let link = if *percent { "of" } else { "from" };
                        format!("{score} {link} {count} {noun}")
                    }
                    None => score,
                }
            }
            Value::Age { years, .. } => years.to_string(),
        }
    }

    /// The number a numeric question would ask for, with its unit, if the value is a quantity:
    /// money in units of its currency, an integer, a percentage, a duration, a score's value, an age.
    pub fn quantity(&self) -> Option<(f64, Option<String>)> {
        match self {
            Value::Integer { value } => Some((*value as f64, None)),
            Value::Money { amount, currency } => Some((*amount, Some(currency_symbol(currency)))),
            Value::Duration { amount, unit } => Some((*amount, Some(unit.clone()))),
            Value::Percentage { percent } => Some((*percent, Some("%".to_string()))),
            Value::Score {
                value,
                percent: true,
                ..
            } => Some((*value, Some("%".to_string()))),
            Value::Score { value, .. } => Some((*value, None)),
            Value::Age { years, .. } => Some((f64::from(*years), None)),
            _ => None,
        }
    }

    /// The date, if the value is one.
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            Value::Date { date } => Some(*date),
            _ => None,
        }
    }
}

/// `US$3 billion`, `€20 million`, `1,000 GBP`.
pub fn money_words(amount: f64, currency: &str) -> String {
    let symbol = currency_symbol(currency);
    if symbol.len() == 3 && symbol.chars().all(|c| c.is_ascii_uppercase()) {
        format!("{} {symbol}", format_scaled(amount))
    } else {
        format!("{symbol}{}", format_scaled(amount))
    }
}

/// The symbol a currency is written with: `US$` for USD, `€`, `£`; other codes as they are.
pub fn currency_symbol(code: &str) -> String {
    match code {
        "USD" => "US$".to_string(),
        "EUR" => "€".to_string(),
        "GBP" => "£".to_string(),
        other => other.to_string(),
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words() {
        let money = Value::Money {
            amount: 3e9,
            currency: "USD".into(),
        };
        assert_eq!(money.to_words(), "US$3 billion");
        let score = Value::Score {
            value: 100.0,
            out_of: 100.0,
            count: Some(25),
            counted: Some("critics".into()),
            percent: true,
        };
        assert_eq!(score.to_words(), "100% of 25 critics");
        let metacritic = Value::Score {
            value: 76.0,
            out_of: 100.0,
            count: Some(12),
            counted: Some("critics".into()),
            percent: false,
        };
        assert_eq!(metacritic.to_words(), "76 out of 100 from 12 critics");
        let hour = Value::Duration {
            amount: 1.0,
            unit: "hours".into(),
        };
        assert_eq!(hour.to_words(), "1 hour");
        let date = Value::Date {
            date: PartialDate::ymd(2017, 7, 9).unwrap(),
        };
        assert_eq!(date.to_words(), "July 9, 2017");
    }
}
