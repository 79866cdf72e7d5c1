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
    /// A decimal amount with a unit of the author's choosing: 21.5 kg, 384,400 km.
    Measure,
    /// A time of day, optionally in a named zone: 20:17 UTC.
    Time,
    /// A rank: 1st, 2nd, 11th.
    Ordinal,
}

impl ValueType {
    pub const ALL: [ValueType; 12] = [
        ValueType::Text,
        ValueType::Integer,
        ValueType::Money,
        ValueType::Date,
        ValueType::Duration,
        ValueType::Percentage,
        ValueType::Score,
        ValueType::Age,
        ValueType::Quote,
        ValueType::Measure,
        ValueType::Time,
        ValueType::Ordinal,
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
            ValueType::Measure => "measure",
            ValueType::Time => "time",
            ValueType::Ordinal => "ordinal",
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
            ValueType::Duration => {
                "a table `{ amount = N, unit = \"minutes\" }`, or of parts `{ days = 8, hours = 3, minutes = 18 }`"
            }
            ValueType::Percentage => "a table `{ percent = N }`",
            ValueType::Score => {
                "a table `{ value = N, out_of = M, count = C, counted = \"critics\" }`"
            }
            ValueType::Age => "a table `{ years = N, as_of = DATE }`",
            ValueType::Quote => "a string (the quoted words)",
            ValueType::Measure => "a table `{ amount = 21.5, unit = \"kg\" }`",
            ValueType::Time => {
                "a time (20:17 or 20:17:40, or a string \"20:17\"), or a table `{ time = 20:17, zone = \"UTC\" }`"
            }
            ValueType::Ordinal => "a whole number, 1 or more (11 for \"11th\")",
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

/// The parts a compound duration may have (`{ days = 8, hours = 3, minutes = 18 }`), largest first, with
/// their length in seconds.
pub const DURATION_PARTS: [(&str, f64); 4] = [
    ("days", 86_400.0),
    ("hours", 3_600.0),
    ("minutes", 60.0),
    ("seconds", 1.0),
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
    Measure {
        amount: f64,
        unit: String,
    },
    /// A duration given in parts: 8 days, 3 hours and 18 minutes. Held as seconds, with the largest and
    /// smallest part named, which fix how it is asked and how precisely it is written.
    Span {
        seconds: f64,
        largest: String,
        smallest: String,
    },
    /// Minutes after midnight (a fraction for seconds), and the zone it is told in.
    Time {
        minutes: f64,
        zone: Option<String>,
    },
    Ordinal {
        rank: i64,
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
            Value::Measure { .. } => ValueType::Measure,
            Value::Span { .. } => ValueType::Duration,
            Value::Time { .. } => ValueType::Time,
            Value::Ordinal { .. } => ValueType::Ordinal,
        }
    }

    /// The value as it reads in a sentence: `US$3 billion`, `July 9, 2017`, `60 minutes`,
    /// `100% from 25 critics`, `65 years old`, `21.5 kg`, `8 days, 3 hours and 18 minutes`, `20:17 UTC`,
    /// `11th`.
    pub fn to_words(&self) -> String {
        match self {
            Value::Text { text } => text.clone(),
            Value::Quote { text } => ["\u{201c}", text.as_str(), "\u{201d}"].concat(),
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
                        format!("{score} from {count} {noun}")
                    }
                    None => score,
                }
            }
            Value::Age { years, .. } => age_words(f64::from(*years)),
            Value::Measure { amount, unit } => measure_words(*amount, unit),
            Value::Span {
                seconds, smallest, ..
            } => span_words(*seconds, smallest),
            Value::Time { minutes, zone } => time_words(*minutes, zone.as_deref()),
            Value::Ordinal { rank } => ordinal_words(*rank),
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
            Value::Age { years, .. } => Some((f64::from(*years), Some(AGE_UNIT.to_string()))),
            Value::Measure { amount, unit } => Some((*amount, Some(unit.clone()))),
            Value::Span {
                seconds, largest, ..
            } => Some((*seconds / part_seconds(largest), Some(largest.clone()))),
            Value::Time { minutes, zone } => Some((*minutes, Some(time_unit(zone.as_deref())))),
            Value::Ordinal { rank } => Some((*rank as f64, Some(ORDINAL_UNIT.to_string()))),
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

/// The unit of an age as a numeric question shows and reads it: `65 years old`.
pub const AGE_UNIT: &str = "years old";

/// The unit of a rank as a numeric question shows and reads it: `11` shows as `11th`.
pub const ORDINAL_UNIT: &str = "ordinal";

/// The unit of a time of day as a numeric question holds it (minutes after midnight), optionally
/// followed by its zone: `time of day`, `time of day UTC`.
pub const TIME_UNIT: &str = "time of day";

/// The numeric unit of a time in `zone`.
pub fn time_unit(zone: Option<&str>) -> String {
    match zone {
        Some(zone) => format!("{TIME_UNIT} {zone}"),
        None => TIME_UNIT.to_string(),
    }
}

/// `65 years old`, `1 year old`.
pub fn age_words(years: f64) -> String {
    if years == 1.0 {
        "1 year old".to_string()
    } else {
        format!("{} years old", format_plain(years))
    }
}

/// `21.5 kg`, `384,400 km`: the amount with thousands grouped, then the unit as the author wrote it.
pub fn measure_words(amount: f64, unit: &str) -> String {
    let number = if amount.fract() == 0.0 {
        group_thousands(amount)
    } else {
        let whole = amount.trunc();
        let fraction = format_plain(amount.abs().fract());
        format!(
            "{}{}",
            if amount < 0.0 && whole == 0.0 {
                "-"
            } else {
                ""
            },
            group_thousands(whole) + fraction.trim_start_matches('0')
        )
    };
    format!("{number} {unit}")
}

/// Seconds in one of [`DURATION_PARTS`] (1 for an unknown name).
pub fn part_seconds(part: &str) -> f64 {
    DURATION_PARTS
        .iter()
        .find(|(name, _)| *name == part)
        .map_or(1.0, |(_, seconds)| *seconds)
}

/// `8 days, 3 hours and 18 minutes`: whole parts from days down to `smallest` (the last rounded), parts
/// that are zero left out.
pub fn span_words(seconds: f64, smallest: &str) -> String {
    let unit = part_seconds(smallest);
    let mut rest = (seconds.abs() / unit).round() * unit;
    let mut words: Vec<String> = Vec::new();
    for (name, length) in DURATION_PARTS {
        if length < unit {
            break;
        }
        let count = (rest / length).floor();
        rest -= count * length;
        if count > 0.0 {
            let name = if count == 1.0 {
                name.trim_end_matches('s')
            } else {
                name
            };
            words.push(format!("{} {name}", format_plain(count)));
        }
    }
    match words.len() {
        0 => format!("0 {smallest}"),
        1 => words.remove(0),
        _ => {
            let last = words.pop().unwrap_or_default();
            format!("{} and {last}", words.join(", "))
        }
    }
}

/// `20:17`, `20:17:40 UTC`: 24-hour clock, seconds only when there are some.
pub fn time_words(minutes: f64, zone: Option<&str>) -> String {
    let total = (minutes.rem_euclid(24.0 * 60.0) * 60.0).round() as i64;
    let (hours, minute, second) = (total / 3600 % 24, total / 60 % 60, total % 60);
    let clock = if second == 0 {
        format!("{hours:02}:{minute:02}")
    } else {
        format!("{hours:02}:{minute:02}:{second:02}")
    };
    match zone {
        Some(zone) => format!("{clock} {zone}"),
        None => clock,
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub fn ordinal_words(rank: i64) -> String {
    let suffix = match (rank.rem_euclid(10), rank.rem_euclid(100)) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{rank}{suffix}")
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
        assert_eq!(score.to_words(), "100% from 25 critics");
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

    #[test]
    fn new_value_types_read_as_words() {
        // Regression: an age read "Neil Armstrong was 38 old" because it rendered without its unit.
        let age = Value::Age {
            years: 38,
            as_of: PartialDate::ymd(1969, 7, 20).unwrap(),
        };
        assert_eq!(age.to_words(), "38 years old");
        assert_eq!(age.quantity(), Some((38.0, Some(AGE_UNIT.to_string()))));
        let samples = Value::Measure {
            amount: 21.5,
            unit: "kg".into(),
        };
        assert_eq!(samples.to_words(), "21.5 kg");
        assert_eq!(measure_words(384_400.0, "km"), "384,400 km");
        assert_eq!(measure_words(1234.25, "m"), "1,234.25 m");
        let mission = Value::Span {
            seconds: 8.0 * 86_400.0 + 3.0 * 3_600.0 + 18.0 * 60.0 + 35.0,
            largest: "days".into(),
            smallest: "minutes".into(),
        };
        assert_eq!(mission.to_words(), "8 days, 3 hours and 19 minutes");
        assert_eq!(
            span_words(90_061.0, "seconds"),
            "1 day, 1 hour, 1 minute and 1 second"
        );
        assert_eq!(span_words(7_200.0, "minutes"), "2 hours");
        let (days, unit) = mission.quantity().unwrap();
        assert!((days - 8.138).abs() < 0.001 && unit.as_deref() == Some("days"));
        let landing = Value::Time {
            minutes: 20.0 * 60.0 + 17.0 + 40.0 / 60.0,
            zone: Some("UTC".into()),
        };
        assert_eq!(landing.to_words(), "20:17:40 UTC");
        assert_eq!(time_words(9.0 * 60.0 + 5.0, None), "09:05");
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
                .map(ordinal_words)
                .join(" "),
            "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st 111th"
        );
    }
}
