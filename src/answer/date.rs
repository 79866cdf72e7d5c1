//! Reads dates the way people type them ("2017-07-09", "July 9, 2017", "9 July 2017", "July 9th 2017",
//! "Jul 9 2017", "9/7/2017") and judges date answers at the precision the question asks for.
//!
//! **All-numeric dates:** when the year comes first they are year/month/day (`2017/7/9`). When the year comes
//! last, the date is read day/month/year or month/day/year, whichever is a date: `20/7/1969` and `7/20/1969`
//! are both 20 July 1969. When both readings are dates and differ (`9/7/2017`: 9 July or 7 September?), the
//! date is ambiguous and the player is asked which ([`Verdict::Prompt`]). Separators may be `/`, `.` or
//! `-`. The year always has three or four digits; `9/7/17` is not understood.

use super::Verdict;
use crate::question::PartialDate;

/// Parses a date known to the year, month or day: ISO (`2017`, `2017-07`, `2017-07-09`), a month name with a
/// day and year in any order (`July 9, 2017`, `9 July 2017`, `July 9th 2017`, `the 9th of July 2017`,
/// `Jul 9 2017`), a month and year (`July 2017`), or all numbers read by the module's one rule
/// (`20/7/1969` and `7/20/1969` are 20 July). `None` if the text is not one valid date with a year, or is an
/// all-numeric date with two readings (`9/7/2017`).
///
/// ```
/// use trivia::answer::parse_date;
/// use trivia::question::PartialDate;
/// let day = PartialDate::ymd(2017, 7, 9);
/// for text in ["2017-07-09", "July 9, 2017", "9 July 2017", "July 9th 2017", "Jul 9 2017", "2017/7/9"] {
///     assert_eq!(parse_date(text), day, "{text}");
/// }
/// assert_eq!(parse_date("1958"), Some(PartialDate::year(1958)));
/// assert_eq!(parse_date("7/25/2017"), PartialDate::ymd(2017, 7, 25));
/// assert_eq!(parse_date("9/7/2017"), None);
/// ```
pub fn parse_date(text: &str) -> Option<PartialDate> {
    match read_date(text) {
        Reading::One(date) => Some(date),
        Reading::Two(..) | Reading::Nothing => None,
    }
}

/// What a typed date can mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    One(PartialDate),
    /// An all-numeric date read day first, then month first.
    Two(PartialDate, PartialDate),
    Nothing,
}

impl From<Option<PartialDate>> for Reading {
    fn from(date: Option<PartialDate>) -> Reading {
        date.map_or(Reading::Nothing, Reading::One)
    }
}

fn read_date(text: &str) -> Reading {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches(['.', '!', '?']).trim();
    if lower.is_empty() {
        return Reading::Nothing;
    }
    if let Some(date) = PartialDate::parse_iso(lower) {
        return Reading::One(date);
    }
    if lower
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
    {
        return parse_numeric(lower);
    }
    parse_words(lower).into()
}

/// All-numeric dates: year first is year/month/day; year last is day/month/year or month/day/year,
/// whichever is a date (both, when they differ).
fn parse_numeric(text: &str) -> Reading {
    let groups: Vec<&str> = text.split(['/', '.', '-']).collect();
    if let [first, second, third] = groups.as_slice() {
        if first.len() <= 2 && second.len() <= 2 && third.len() >= 3 {
            let (Ok(a), Ok(b), Ok(year)) = (first.parse(), second.parse(), third.parse()) else {
                return Reading::Nothing;
            };
            let day_first = PartialDate::ymd(year, b, a);
            let month_first = PartialDate::ymd(year, a, b);
            return match (day_first, month_first) {
                (Some(day_first), Some(month_first)) if day_first != month_first => {
                    Reading::Two(day_first, month_first)
                }
                (Some(date), _) | (None, Some(date)) => Reading::One(date),
                (None, None) => Reading::Nothing,
            };
        }
    }
    parse_numeric_one(&groups).into()
}

/// All-numeric dates with one reading: a year, a month and year, or year/month/day.
fn parse_numeric_one(groups: &[&str]) -> Option<PartialDate> {
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
    let date = match groups {
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
    let guess = match read_date(input) {
        Reading::One(guess) => guess,
        Reading::Two(day_first, month_first) => {
            return Verdict::prompt(format!(
                "Is that {} or {}? Write the month as a word.",
                day_month(&day_first),
                day_month(&month_first)
            ));
        }
        Reading::Nothing => return Verdict::not_understood(hint),
    };
    if precision(&guess) < wanted {
        return Verdict::prompt(match wanted {
            Precision::Day => "Which day? Give the day, month and year.",
            _ => "Which month? Give the month and year.",
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

/// `9 July 2017`.
fn day_month(date: &PartialDate) -> String {
    let month = date
        .month
        .and_then(crate::question::month_name)
        .unwrap_or("");
    match date.day {
        Some(day) => format!("{day} {month} {}", date.year),
        None => format!("{month} {}", date.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (found by mutation testing: `group.is_empty() || group.len() > 4` could read `&&`
    /// unnoticed): a numeric date with a group of more than four digits is no date.
    #[test]
    fn numeric_groups_longer_than_a_year_are_no_date() {
        assert_eq!(parse_date("12345-06-07"), None);
        assert_eq!(parse_date("07/06/12345"), None);
        assert_eq!(parse_date("2017-07-09"), PartialDate::ymd(2017, 7, 9));
    }

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
            ("9/7/2017", None),
            ("09.07.2017", None),
            ("9-7-2017", None),
            ("7/7/2017", day(2017, 7, 7)),
            ("20/7/1969", day(1969, 7, 20)),
            ("7/20/1969", day(1969, 7, 20)),
            ("13/13/2017", None),
            ("31/2/2017", None),
            ("Sept 24 1958", day(1958, 9, 24)),
            ("July 2017", month(2017, 7)),
            ("7/2017", month(2017, 7)),
            ("2017-07", month(2017, 7)),
            // Year first, not in ISO form: read by the numeric reader, not the ISO one.
            ("2017/07", month(2017, 7)),
            ("2017.7", month(2017, 7)),
            ("1958", Some(PartialDate::year(1958))),
            ("in 1958", Some(PartialDate::year(1958))),
            ("800", Some(PartialDate::year(800))),
            ("7/25/2017", day(2017, 7, 25)),
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
