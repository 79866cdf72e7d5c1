//! Typed answers to numeric questions whose unit changes how the number is written: a rank ("11th",
//! "eleventh"), a time of day ("20:17", "8:17 pm", "20h17"), a duration in parts ("8 days 3 hours",
//! "8 days, 3 hours and 18 minutes") and an age ("38 years old").
//!
//! The fact base fixes these units (`crate::facts::ORDINAL_UNIT`, `TIME_UNIT`, `AGE_UNIT` and the
//! duration parts); [`read`] turns an answer into the number the question holds in that unit.

use super::number::parse_number;
use crate::facts::{AGE_UNIT, DURATION_PARTS, ORDINAL_UNIT, TIME_UNIT};

/// How the answer reads for a question in `unit`: `Some(number)` or `Some(None)` (not a number) when
/// the unit is one of these, `None` when plain number reading applies.
pub(crate) fn read(text: &str, unit: &str) -> Option<Option<f64>> {
    let text = text.trim().to_lowercase();
    let text = text.trim_end_matches(['.', '!', '?']).trim();
    if unit == ORDINAL_UNIT {
        return Some(rank(text));
    }
    if let Some(zone) = unit.strip_prefix(TIME_UNIT) {
        return Some(clock(text, zone.trim()));
    }
    if unit == AGE_UNIT {
        let bare = ["years old", "year old", "years", "year", "yrs", "old"]
            .iter()
            .find_map(|suffix| text.strip_suffix(suffix))
            .unwrap_or(text);
        return Some(parse_number(bare.trim()));
    }
    let part = DURATION_PARTS.iter().find(|(name, _)| *name == unit)?;
    // A plain number ("8", "8 days") is read as usual; parts only when there are two or more.
    let total = duration_parts(text)?;
    Some(Some(total / part.1))
}

/// What to type for a question in `unit` when [`read`] alone must read the answer (a time of day is
/// never a plain number, a rank is written as one); `None` for other units.
pub(crate) fn advice(unit: &str) -> Option<&'static str> {
    if unit.starts_with(TIME_UNIT) {
        Some("type a time of day, like 14:30 or 2:30 pm")
    } else if unit == ORDINAL_UNIT {
        Some("type a rank, like 3rd or 3")
    } else {
        None
    }
}

/// `11`, `11th`, `11 th`, `eleventh`, `twenty-first`.
fn rank(text: &str) -> Option<f64> {
    let text = text.strip_prefix("the ").unwrap_or(text).trim();
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(digits) = text.strip_suffix(suffix) {
            let digits = digits.trim_end();
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                return digits.parse().ok();
            }
        }
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    // The last word of an ordinal in words carries the ordinal ending: "twenty-first" is "twenty-one".
    let split = text.rfind([' ', '-']).map_or(0, |at| at + 1);
    let (head, last) = text.split_at(split);
    let cardinal = match last {
        "first" => "one".to_string(),
        "second" => "two".to_string(),
        "third" => "three".to_string(),
        "fifth" => "five".to_string(),
        "eighth" => "eight".to_string(),
        "ninth" => "nine".to_string(),
        "twelfth" => "twelve".to_string(),
        word if word.ends_with("ieth") => format!("{}y", word.trim_end_matches("ieth")),
        word if word.ends_with("th") => word.trim_end_matches("th").to_string(),
        _ => return None,
    };
    parse_number(&format!("{head}{cardinal}"))
}

/// A time of day as minutes after midnight: `20:17`, `20.17`, `20h17`, `8:17 pm`, `8 pm`, `8:17 p.m.`,
/// `20:17:40`, each optionally followed by the question's zone (`20:17 UTC`).
fn clock(text: &str, zone: &str) -> Option<f64> {
    let mut text = text.to_string();
    let zone = zone.to_lowercase();
    if !zone.is_empty()
        && let Some(before) = text.strip_suffix(zone.as_str())
    {
        text = before.trim_end().trim_end_matches('.').to_string();
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (clock, meridiem) = if let Some(before) = compact
        .strip_suffix("am")
        .or_else(|| compact.strip_suffix("a.m"))
    {
        (before, Some(false))
    } else if let Some(before) = compact
        .strip_suffix("pm")
        .or_else(|| compact.strip_suffix("p.m"))
    {
        (before, Some(true))
    } else {
        (compact.as_str(), None)
    };
    let fields: Vec<&str> = clock.split([':', '.', 'h']).collect();
    let number = |field: &str| -> Option<u32> {
        (!field.is_empty() && field.len() <= 2 && field.bytes().all(|b| b.is_ascii_digit()))
            .then(|| field.parse().ok())
            .flatten()
    };
    let (hours, minutes, seconds) = match fields.as_slice() {
        [hours] if meridiem.is_some() => (number(hours)?, 0, 0),
        [hours, ""] => (number(hours)?, 0, 0),
        [hours, minutes] if minutes.len() == 2 => (number(hours)?, number(minutes)?, 0),
        [hours, minutes, seconds] if minutes.len() == 2 && seconds.len() == 2 => {
            (number(hours)?, number(minutes)?, number(seconds)?)
        }
        _ => return None,
    };
    let hours = match meridiem {
        Some(_) if hours == 0 || hours > 12 => return None,
        Some(false) => hours % 12,
        Some(true) => hours % 12 + 12,
        None => hours,
    };
    if hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    Some(f64::from(hours) * 60.0 + f64::from(minutes) + f64::from(seconds) / 60.0)
}

/// Two or more parts, each a number and a part name (`8 days 3 hours`, `8 days, 3 hours and 18
/// minutes`, `8d 3h 18m`), as seconds; `None` for anything else, a single part included.
fn duration_parts(text: &str) -> Option<f64> {
    let spaced = text.replace(',', " ");
    let mut words = spaced
        .split_whitespace()
        .filter(|word| *word != "and")
        .flat_map(split_number_and_unit)
        .peekable();
    let mut total = 0.0;
    let mut parts = 0;
    while let Some(number) = words.next() {
        let count = parse_number(&number)?;
        let name = words.next()?;
        let seconds = part_length(&name)?;
        total += count * seconds;
        parts += 1;
    }
    (parts >= 2).then_some(total)
}

/// `8d` → [`8`, `d`]; other words unchanged.
fn split_number_and_unit(word: &str) -> Vec<String> {
    let digits = word
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(word.len());
    if digits > 0 && digits < word.len() {
        vec![word[..digits].to_string(), word[digits..].to_string()]
    } else {
        vec![word.to_string()]
    }
}

/// Seconds in a part named in full or short: `days`, `day`, `d`, `hrs`, `h`, `min`, `m`, `secs`, `s`.
fn part_length(name: &str) -> Option<f64> {
    let full = match name {
        "d" | "day" | "days" => "days",
        "h" | "hr" | "hrs" | "hour" | "hours" => "hours",
        "m" | "min" | "mins" | "minute" | "minutes" => "minutes",
        "s" | "sec" | "secs" | "second" | "seconds" => "seconds",
        _ => return None,
    };
    DURATION_PARTS
        .iter()
        .find(|(part, _)| *part == full)
        .map(|(_, seconds)| *seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_in_digits_and_words() {
        for (text, rank) in [
            ("11th", 11.0),
            ("11", 11.0),
            ("the 2nd", 2.0),
            ("eleventh", 11.0),
            ("Twenty-first", 21.0),
            ("twentieth", 20.0),
            ("third", 3.0),
            ("twelfth", 12.0),
        ] {
            assert_eq!(read(text, ORDINAL_UNIT), Some(Some(rank)), "{text}");
        }
        assert_eq!(read("soon", ORDINAL_UNIT), Some(None));
    }

    #[test]
    fn times_of_day_in_the_forms_people_type() {
        let unit = format!("{TIME_UNIT} UTC");
        let landing = 20.0 * 60.0 + 17.0;
        for text in [
            "20:17",
            "20.17",
            "20h17",
            "8:17 pm",
            "8:17 p.m.",
            "8:17PM",
            "20:17 UTC",
        ] {
            assert_eq!(read(text, &unit), Some(Some(landing)), "{text}");
        }
        assert_eq!(read("8 pm", &unit), Some(Some(20.0 * 60.0)));
        assert_eq!(read("12:05 am", &unit), Some(Some(5.0)));
        assert_eq!(read("20:17:30", TIME_UNIT), Some(Some(landing + 0.5)));
        // A bare number is not a time: "20" could be minutes or hours.
        for text in ["20", "25:00", "13 pm", "20:7", "noon"] {
            assert_eq!(read(text, &unit), Some(None), "{text}");
        }
    }

    #[test]
    fn durations_in_parts() {
        let days = |text: &str| read(text, "days").flatten();
        let expected = 8.0 + 3.0 / 24.0 + 18.0 / 1440.0;
        for text in [
            "8 days 3 hours 18 minutes",
            "8 days, 3 hours and 18 minutes",
            "8d 3h 18m",
        ] {
            assert!((days(text).unwrap() - expected).abs() < 1e-9, "{text}");
        }
        assert_eq!(read("3 hours 30 minutes", "hours"), Some(Some(3.5)));
        // One part alone is left to plain number reading.
        assert_eq!(read("8 days", "days"), None);
        assert_eq!(read("8 parsecs 3 hours", "days"), None);
    }

    #[test]
    fn ages_with_their_unit() {
        for text in [
            "38",
            "38 years old",
            "38 years",
            "38 yrs",
            "thirty-eight years old",
        ] {
            assert_eq!(read(text, AGE_UNIT), Some(Some(38.0)), "{text}");
        }
    }
}
