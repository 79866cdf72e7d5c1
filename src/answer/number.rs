//! Reads numbers the way people type them ("$3bn", "3 billion", "3,000,000,000", "three billion",
//! "US$ 3 billion", "100%", "2.5m") and judges numeric answers within the question's tolerance.
//!
//! A number is: an optional hedge (`about`, `around`, `approximately`, `roughly`, `circa`, `~`, `in`), an optional
//! sign, an optional dollar prefix (`$`, `US$`, `USD`), then digits or number words, then optional suffixes in
//! any order: one scale (`k`/`thousand`, `m`/`mn`/`million`, `b`/`bn`/`billion`, `t`/`tn`/`trillion`, or
//! `hundred` before a larger scale), a currency word (`dollars`, `usd`, `$`) and a percent sign or word.
//! Digits use `,` only as a thousands separator in groups of three (`3,5` is not a number) and `.` as the
//! decimal point. A percentage keeps its value: `100%` reads as 100.

use super::Verdict;

/// Parses a number with currency, thousands separators, scale words or suffixes, number words or a percent
/// sign; `None` if the text is not one number.
///
/// ```
/// use trivia::answer::parse_number;
/// for text in ["$3 billion", "3bn", "3,000,000,000", "three billion", "US$3 billion", "USD 3 bn"] {
///     assert_eq!(parse_number(text), Some(3e9), "{text}");
/// }
/// assert_eq!(parse_number("100%"), Some(100.0));
/// assert_eq!(parse_number("2.5m"), Some(2.5e6));
/// assert_eq!(parse_number("3,5"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let lower = text.trim().to_lowercase();
    let mut rest = lower.trim_end_matches(['.', '!', '?']).trim();
    for hedge in [
        "approximately",
        "approx.",
        "approx",
        "about",
        "around",
        "roughly",
        "circa",
        "ca.",
        "in",
        "~",
        "≈",
    ] {
        if let Some(after) = rest.strip_prefix(hedge) {
            let symbol = !hedge.starts_with(|c: char| c.is_ascii_alphabetic());
            if symbol || hedge.ends_with('.') || after.starts_with(char::is_whitespace) {
                rest = after.trim_start();
                break;
            }
        }
    }
    let mut negative = false;
    let mut currency = false;
    loop {
        if let Some(after) = rest.strip_prefix(['-', '−', '–']) {
            negative = !negative;
            rest = after.trim_start();
        } else if let Some(after) = rest.strip_prefix('+') {
            rest = after.trim_start();
        } else if let Some(after) = ["us$", "usd", "$"]
            .iter()
            .find_map(|prefix| rest.strip_prefix(prefix))
            .filter(|_| !currency)
        {
            currency = true;
            rest = after.trim_start();
        } else {
            break;
        }
    }
    let (mut value, suffix) = if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(rest.len());
        (parse_digits(&rest[..end])?, &rest[end..])
    } else {
        parse_words(rest)?
    };
    let mut scale_seen = 1.0;
    let mut percent = false;
    let mut currency_after = false;
    let suffix = suffix.replace('%', " % ").replace('$', " $ ");
    let mut words = suffix.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if let Some(scale) = scale_of(word) {
            if scale <= scale_seen || percent || currency_after {
                return None;
            }
            if scale_seen > 1.0 && scale_seen != 100.0 {
                return None;
            }
            value *= scale;
            scale_seen = scale;
            continue;
        }
        match word {
            "%" | "percent" | "pct" if !percent => percent = true,
            "per" if !percent && words.peek() == Some(&"cent") => {
                words.next();
                percent = true;
            }
            "dollars" | "dollar" | "usd" | "$" if !currency && !percent => {
                currency = true;
                currency_after = true;
            }
            "us" if !currency
                && !percent
                && words.peek().is_some_and(|next| next.starts_with("dollar")) =>
            {
                words.next();
                currency = true;
                currency_after = true;
            }
            _ => return None,
        }
    }
    if negative {
        value = -value;
    }
    value.is_finite().then_some(value)
}

/// `3`, `3.5`, `.5`, `3,000,000.25`: commas only between groups of three digits.
fn parse_digits(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = whole.contains(',');
    if !first.bytes().all(|b| b.is_ascii_digit())
        || (grouped && !(1..=3).contains(&first.len()))
        || (first.is_empty() && fraction.is_none())
    {
        return None;
    }
    if !groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut plain: String = whole.chars().filter(|&c| c != ',').collect();
    if plain.is_empty() {
        plain.push('0');
    }
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    plain.parse().ok()
}

fn scale_of(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundreds" => 1e2,
        "k" | "thousand" | "thousands" => 1e3,
        "m" | "mn" | "mm" | "mil" | "mio" | "million" | "millions" => 1e6,
        "b" | "bn" | "bil" | "billion" | "billions" => 1e9,
        "t" | "tn" | "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

/// Number words from the start of `text`: `three`, `twenty-five`, `a million`, `two hundred and fifty
/// thousand`, `three billion`. Returns the value and the text after the last number word.
fn parse_words(text: &str) -> Option<(f64, &str)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Last {
        Start,
        Unit,
        Teen,
        Ten,
        Hundred,
        Scale,
        And,
    }
    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    let mut last = Last::Start;
    let mut last_scale = f64::INFINITY;
    let mut consumed = 0;
    let mut any = false;
    let mut zero = false;
    let mut article_only = false;
    for (start, word) in word_spans(text) {
        let end = start + word.len();
        match word {
            "a" | "an" if last == Last::Start => {
                current = 1.0;
                last = Last::Unit;
                any = true;
                article_only = true;
                consumed = end;
                continue;
            }
            "zero" | "nought" | "nil" if last == Last::Start => {
                zero = true;
                last = Last::Scale;
            }
            "and" if matches!(last, Last::Hundred | Last::Scale) && any && !zero => {
                last = Last::And;
                continue;
            }
            _ => {
                if zero {
                    break;
                }
                if let Some(unit) = unit_value(word) {
                    if matches!(last, Last::Unit | Last::Teen) {
                        return None;
                    }
                    current += unit;
                    last = if unit >= 10.0 { Last::Teen } else { Last::Unit };
                } else if let Some(ten) = ten_value(word) {
                    if matches!(last, Last::Unit | Last::Teen | Last::Ten) {
                        return None;
                    }
                    current += ten;
                    last = Last::Ten;
                } else if word == "hundred" {
                    if !matches!(last, Last::Unit) || current >= 10.0 {
                        return None;
                    }
                    current *= 100.0;
                    last = Last::Hundred;
                } else if let Some(scale) = word_scale(word) {
                    if current == 0.0 || scale >= last_scale {
                        return None;
                    }
                    total += current * scale;
                    current = 0.0;
                    last_scale = scale;
                    last = Last::Scale;
                } else {
                    break;
                }
            }
        }
        any = true;
        article_only = false;
        consumed = end;
    }
    // Nothing read, a dangling "and", or a lone article ("a") is not a number.
    if !any || last == Last::And || article_only {
        return None;
    }
    Some((total + current, text.get(consumed..).unwrap_or("")))
}

/// The words of `text` (split at whitespace and hyphens) with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(|c: char| c.is_whitespace() || c == '-')
        .scan(0, |offset, piece| {
            let start = *offset;
            *offset += piece.len();
            let word = piece.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

fn unit_value(word: &str) -> Option<f64> {
    // "zero" is no multiplier's unit: "zero million" is not a way to write a number.
    super::numerals::unit_value(word)
        .filter(|&value| value > 0)
        .map(|value| value as f64)
}

fn ten_value(word: &str) -> Option<f64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|&ten| ten == word)
        .map(|index| ((index + 2) * 10) as f64)
}

fn word_scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "mn" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Judges a numeric answer: within `tolerance` of `answer` (plus a hair for rounding).
pub(crate) fn check(answer: f64, tolerance: f64, unit: Option<&str>, input: &str) -> Verdict {
    let typed = input.trim();
    if typed.is_empty() {
        return Verdict::not_understood("type a number");
    }
    if is_short_year(typed) {
        return Verdict::not_understood("write the year with all four digits");
    }
    let special = unit.and_then(|unit| super::units::read(typed, unit));
    let value = match special {
        Some(Some(value)) => Some(value),
        // A time of day or a rank must be written as one.
        Some(None) if let Some(advice) = unit.and_then(super::units::advice) => {
            return Verdict::not_understood(advice);
        }
        _ => parse_number(typed).or_else(|| parse_number(&strip_unit(typed, unit?))),
    };
    let Some(value) = value else {
        return Verdict::not_understood(
            "type a number, in digits (42, 2.5, 3,000) or words (three billion)",
        );
    };
    let tolerance = if tolerance.is_finite() {
        tolerance.abs()
    } else {
        0.0
    };
    let slack = 1e-9 * answer.abs().max(1.0);
    Verdict::from_bool((value - answer).abs() <= tolerance + slack)
}

/// `'58` or `’58`: a year written with two digits.
fn is_short_year(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('\'' | '’' | '‘'))
        && chars.clone().count() == 2
        && chars.all(|c| c.is_ascii_digit())
}

/// The answer without the question's unit word after it: `25 critics`, `65 years old`.
fn strip_unit(text: &str, unit: &str) -> String {
    let unit = unit.trim().to_lowercase();
    let mut rest = text.trim().to_lowercase();
    if let Some(before) = rest.strip_suffix(" old") {
        rest = before.trim_end().to_string();
    }
    let singular = unit.strip_suffix('s').unwrap_or(&unit);
    for word in [unit.as_str(), singular] {
        if !word.is_empty() {
            if let Some(before) = rest.strip_suffix(word) {
                return before.trim_end().to_string();
            }
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_answers_allow_a_billionth_for_rounding() {
        // Tolerance 0 still allows a billionth of the answer (floating-point rounding), no more.
        assert_eq!(check(3e9, 0.0, None, "3000000002"), Verdict::Correct);
        assert_eq!(check(3e9, 0.0, None, "3000000004"), Verdict::Wrong);
        assert_eq!(check(0.5, 0.0, None, "0.5000000005"), Verdict::Correct);
        assert_eq!(check(0.5, 0.0, None, "0.500000002"), Verdict::Wrong);
    }

    #[test]
    fn per_and_and_only_join_numbers() {
        // `per` is a number's unit only before `cent`; `and` only after a hundred or a scale word.
        assert_eq!(parse_number("5 per cent"), Some(5.0));
        assert_eq!(parse_number("50 per year"), None);
        assert_eq!(parse_number("two hundred and five"), Some(205.0));
        assert_eq!(parse_number("and 5"), None);
        assert_eq!(parse_number("and five"), None);
        assert_eq!(parse_number("five and six"), None);
    }

    #[test]
    fn reads_numbers() {
        let cases: [(&str, Option<f64>); 46] = [
            ("3", Some(3.0)),
            ("-3", Some(-3.0)),
            ("−3", Some(-3.0)),
            ("+3", Some(3.0)),
            ("3.", Some(3.0)),
            (".5", Some(0.5)),
            ("0.125", Some(0.125)),
            ("1,000", Some(1e3)),
            ("1,000.5", Some(1000.5)),
            ("3,000,000,000", Some(3e9)),
            ("3bn", Some(3e9)),
            ("3 bn", Some(3e9)),
            ("3b", Some(3e9)),
            ("3 billion", Some(3e9)),
            ("$3 billion", Some(3e9)),
            ("$3bn", Some(3e9)),
            ("US$ 3 billion", Some(3e9)),
            ("USD3bn", Some(3e9)),
            ("3 billion dollars", Some(3e9)),
            ("3 billion US dollars", Some(3e9)),
            ("three billion", Some(3e9)),
            ("three billion dollars", Some(3e9)),
            ("a billion", Some(1e9)),
            ("2.5m", Some(2.5e6)),
            ("950k", Some(950e3)),
            ("3 hundred thousand", Some(3e5)),
            ("100%", Some(100.0)),
            ("100 %", Some(100.0)),
            ("100 percent", Some(100.0)),
            ("100 per cent", Some(100.0)),
            ("twenty-five", Some(25.0)),
            ("two hundred and fifty thousand", Some(250e3)),
            ("one", Some(1.0)),
            ("zero", Some(0.0)),
            ("about 60", Some(60.0)),
            ("~60", Some(60.0)),
            ("3,5", None),
            ("1.000.000", None),
            ("30,00", None),
            ("three three", None),
            ("a", None),
            ("banana", None),
            ("3 bananas", None),
            ("3bn bn", None),
            ("three\u{3000}bananas", None),
            ("three\u{a0}billion", Some(3e9)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_number(text), expected, "parse_number({text:?})");
        }
    }

    #[test]
    fn strips_the_questions_unit() {
        assert_eq!(strip_unit("25 critics", "critics"), "25");
        assert_eq!(strip_unit("1 critic", "critics"), "1");
        assert_eq!(strip_unit("65 years old", "years"), "65");
        assert_eq!(strip_unit("65", "years"), "65");
    }

    #[test]
    fn short_years() {
        assert!(is_short_year("'58"));
        assert!(is_short_year("’58"));
        assert!(!is_short_year("58"));
        assert!(!is_short_year("'1958"));
    }
}
