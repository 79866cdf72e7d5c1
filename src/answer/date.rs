//! Reads dates the way people type them ("2017-07-09", "July 9, 2017", "9 July 2017", "July 9th 2017",
//! "Jul 9 2017", "9/7/2017") and judges date answers at the precision the question asks for.
//!
//! **The one rule for all-numeric dates:** when the year comes first it is year/month/day (`2017/7/9`);
//! when the year comes last it is always day/month/year, as in most of the world: `9/7/2017` is 9 July 2017
//! and `7/25/2017` is not a date (there is no month 25), so the player is asked again. Separators may be
//! `/`, `.` or `-`. The year always has three or four digits; `9/7/17` is not understood.

use super::Verdict;
use crate::question::PartialDate;

/// Parses a date known to the year, month or day: ISO (`2017`, `2017-07`, `2017-07-09`), a month name with a
/// day and year in any order (`July 9, 2017`, `9 July 2017`, `July 9th 2017`, `the 9th of July 2017`,
/// `Jul 9 2017`), a month and year (`July 2017`), or all numbers read by the module's one rule
/// (`9/7/2017` is 9 July). `None` if the text is not one valid date with a year.
///
/// ```
/// use trivia::answer::parse_date;
/// use trivia::question::PartialDate;
/// let day = PartialDate::ymd(2017, 7, 9);
/// for text in ["2017-07-09", "July 9, 2017", "9 July 2017", "July 9th 2017", "Jul 9 2017", "9/7/2017"] {
///     assert_eq!(parse_date(text), day, "{text}");
/// }
/// assert_eq!(parse_date("1958"), Some(PartialDate::year(1958)));
/// assert_eq!(parse_date("7/25/2017"), None);
/// ```
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches(['.', '!', '?']).trim();
    if lower.is_empty() {
        return None;
    }
    if let Some(date) = PartialDate::parse_iso(lower) {
        return Some(date);
    }
    if lower
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
    {
        return parse_numeric(lower);
    }
    parse_words(lower)
}

/// All-numeric dates: year first is year/month/day, year last is day/month/year.
fn parse_numeric(text: &str) -> Option<PartialDate> {
    let groups: Vec<&str> = text.split(['/', '.', '-']).collect();
    if groups
        .iter()
        .any(|group| group.is_empty() || group.len() > 4)
    {
        return None;
    }
    let year = |group: &str| {
        (group.len() >= 3)
            .then(|| group.parse::<i32>().ok())
            .flatten()
    };
    let small = |group: &str| {
        (group.len() <= 2)
            .then(|| group.parse::<u8>().ok())
            .flatten()
    };
    let date = match groups.as_slice() {
        [only] => PartialDate::year(year(only)?),
        [first, second] if first.len() >= 3 => PartialDate {
            year: year(first)?,
            month: Some(small(second)?),
            day: None,
        },
        [first, second] => PartialDate {
            year: year(second)?,
            month: Some(small(first)?),
            day: None,
        },
        [first, second, third] if first.len() >= 3 => PartialDate {
            year: year(first)?,
            month: Some(small(second)?),
            day: Some(small(third)?),
        },
        [first, second, third] => PartialDate {
            year: year(third)?,
            month: Some(small(second)?),
            day: Some(small(first)?),
        },
        _ => return None,
    };
    date.is_valid().then_some(date)
}

/// A month name with a year and perhaps a day, in any order; or a year alone among filler words.
fn parse_words(text: &str) -> Option<PartialDate> {
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let tokens = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-'))
        .filter(|token| {
            !token.is_empty() && !matches!(*token, "the" | "of" | "on" | "in" | "ad" | "ce")
        });
    for token in tokens {
        if let Some(number) = month_number(token) {
            if month.replace(number).is_some() {
                return None;
            }
            continue;
        }
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = &token[digits.len()..];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match (digits.len(), ordinal) {
            (1 | 2, "" | "st" | "nd" | "rd" | "th") => {
                if day.replace(digits.parse::<u8>().ok()?).is_some() {
                    return None;
                }
            }
            (3 | 4, "") => {
                if year.replace(digits.parse::<i32>().ok()?).is_some() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let year = year?;
    if month.is_none() && day.is_some() {
        return None;
    }
    let date = PartialDate { year, month, day };
    date.is_valid().then_some(date)
}

/// `july`, `jul`, `sept` → 7, 7, 9.
fn month_number(token: &str) -> Option<u8> {
    if token.len() < 3 {
        return None;
    }
    if token == "sept" {
        return Some(9);
    }
    (1..=12u8).find(|&month| {
        crate::question::month_name(month).is_some_and(|name| {
            name.eq_ignore_ascii_case(token)
                || (token.len() == 3
                    && name
                        .get(..3)
                        .is_some_and(|short| short.eq_ignore_ascii_case(token)))
        })
    })
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Precision {
    Year,
    Month,
    Day,
}

fn precision(date: &PartialDate) -> Precision {
    match (date.month, date.day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    }
}

/// Judges a date answer at the answer's precision; a less precise guess is asked again.
pub(crate) fn check(answer: &PartialDate, tolerance_days: u32, input: &str) -> Verdict {
    let wanted = precision(answer);
    let hint = match wanted {
        Precision::Year => "type a year, with all four digits",
        Precision::Month => "type a month and year, like `March 1990` or `1990-03`",
        Precision::Day => "type a day, month and year, like `14 March 1990` or `1990-03-14`",
    };
    if input.trim().is_empty() {
        return Verdict::not_understood(hint);
    }
    let Some(guess) = parse_date(input) else {
        return Verdict::not_understood(hint);
    };
    if precision(&guess) < wanted {
        return Verdict::not_understood(match wanted {
            Precision::Day => "give the day, month and year",
            _ => "give the month and year",
        });
    }
    let correct = match wanted {
        Precision::Year => {
            i64::from(guess.year.abs_diff(answer.year)) <= i64::from(tolerance_days / 365)
        }
        Precision::Month => {
            let months =
                |date: &PartialDate| i64::from(date.year) * 12 + i64::from(date.month.unwrap_or(1));
            (months(&guess) - months(answer)).abs() <= i64::from(tolerance_days / 30)
        }
        Precision::Day => {
            (guess.days_since_epoch() - answer.days_since_epoch()).abs()
                <= i64::from(tolerance_days)
        }
    };
    Verdict::from_bool(correct)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates() {
        let day = |y, m, d| PartialDate::ymd(y, m, d);
        let month = |y, m| {
            Some(PartialDate {
                year: y,
                month: Some(m),
                day: None,
            })
        };
        let cases = [
            ("2017-07-09", day(2017, 7, 9)),
            ("2017-7-9", day(2017, 7, 9)),
            ("2017/07/09", day(2017, 7, 9)),
            ("July 9, 2017", day(2017, 7, 9)),
            ("july 9 2017", day(2017, 7, 9)),
            ("9 July 2017", day(2017, 7, 9)),
            ("9th July, 2017", day(2017, 7, 9)),
            ("the 9th of July 2017", day(2017, 7, 9)),
            ("July 9th 2017", day(2017, 7, 9)),
            ("Jul 9 2017", day(2017, 7, 9)),
            ("Jul. 9, 2017", day(2017, 7, 9)),
            ("2017 July 9", day(2017, 7, 9)),
            ("on 9 July 2017.", day(2017, 7, 9)),
            ("9/7/2017", day(2017, 7, 9)),
            ("09.07.2017", day(2017, 7, 9)),
            ("9-7-2017", day(2017, 7, 9)),
            ("Sept 24 1958", day(1958, 9, 24)),
            ("July 2017", month(2017, 7)),
            ("7/2017", month(2017, 7)),
            ("2017-07", month(2017, 7)),
            ("1958", Some(PartialDate::year(1958))),
            ("in 1958", Some(PartialDate::year(1958))),
            ("800", Some(PartialDate::year(800))),
            ("7/25/2017", None),
            ("9/7/17", None),
            ("July 9", None),
            ("58", None),
            ("February 30 2017", None),
            ("July July 2017", None),
            ("9 10 July 2017", None),
            ("9x July 2017", None),
            ("soon", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), expected, "parse_date({text:?})");
        }
    }
}
