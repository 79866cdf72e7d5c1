//! Numbers inside names and titles, written in digits whatever way they were typed: number words
//! (`World War One`, `Catch Twenty-Two`, `Nineteen Eighty-Four`), ordinals (`Louis the Fourteenth`,
//! `Henry 8th`, `The Seventh Seal`) and Roman numerals after a name (`Louis XIV`, `Rocky IV`, `World War I`).
//!
//! Works on normalised text (lowercase words separated by single spaces), so `Louis XIV`, `Louis 14` and
//! `Louis the Fourteenth` all become `louis 14`.

use std::borrow::Cow;

/// Number words from zero to nineteen, each at its value.
pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const TEN_ORDINALS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// A word's value as a number word: `(value, is_ordinal, is_tens)`.
/// The value of a number word from zero to nineteen ("seven" is 7).
pub(crate) fn unit_value(word: &str) -> Option<u64> {
    UNITS
        .iter()
        .position(|&unit| unit == word)
        .map(|index| index as u64)
}

fn word_value(word: &str) -> Option<(u64, bool, bool)> {
    // Every number word starts with one of these letters; most words are ruled out by that alone.
    if !matches!(
        word.as_bytes().first(),
        Some(b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z')
    ) {
        return None;
    }
    if let Some(index) = UNITS.iter().position(|&unit| unit == word) {
        return Some((index as u64, false, false));
    }
    if let Some(index) = UNIT_ORDINALS.iter().position(|&unit| unit == word) {
        return Some((index as u64, true, false));
    }
    if let Some(index) = TENS.iter().position(|&ten| ten == word) {
        return Some(((index as u64 + 2) * 10, false, true));
    }
    if let Some(index) = TEN_ORDINALS.iter().position(|&ten| ten == word) {
        return Some(((index as u64 + 2) * 10, true, false));
    }
    None
}

/// `14th`, `1st`, `2nd`, `3rd`: a number with an ordinal ending.
fn digit_ordinal(word: &str) -> Option<u64> {
    // Most words are ruled out by their first letter alone.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ending = &word[digits.len()..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 9 {
        return None;
    }
    matches!(ending, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
}

/// A Roman numeral of `i`, `v`, `x` and `l` in its usual form, 1 to 89 (`xiv` → 14); `None` otherwise.
fn roman(word: &str) -> Option<u64> {
    if word.is_empty() || word.len() > 8 || !word.bytes().all(|b| b"ivxl".contains(&b)) {
        return None;
    }
    let value_of = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        _ => 50,
    };
    let bytes = word.as_bytes();
    let mut total = 0u64;
    for (index, &b) in bytes.iter().enumerate() {
        let value = value_of(b);
        match bytes.get(index + 1) {
            Some(&next) if value_of(next) > value => total = total.wrapping_sub(value),
            _ => total = total.wrapping_add(value),
        }
    }
    // Only the usual spelling counts (no `iiii`, `vx`, `il`).
    (1..90)
        .contains(&total)
        .then_some(total)
        .filter(|&total| to_roman(total) == word)
}

fn to_roman(mut value: u64) -> String {
    let mut out = String::new();
    for (amount, letters) in [
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while value >= amount {
            out.push_str(letters);
            value -= amount;
        }
    }
    out
}

/// Reads number words from the start of `words`: a value below 100 (`twenty two`, `seventh`), perhaps
/// times a hundred or a thousand (`one hundred`, `a hundred`, `two thousand and one`), or two such pairs
/// read as a year (`nineteen eighty four`). Returns the value, whether it was an ordinal, and how many
/// words it took.
fn read_words(words: &[&str]) -> Option<(u64, bool, usize)> {
    let mut used = 0;
    // A value below 100 starting at `at`.
    let small = |at: usize| -> Option<(u64, bool, usize)> {
        let (value, ordinal, tens) = word_value(words.get(at)?)?;
        if tens {
            if let Some((unit, unit_ordinal, false)) = words.get(at + 1).and_then(|w| word_value(w))
            {
                if (1..10).contains(&unit) {
                    return Some((value + unit, unit_ordinal, 2));
                }
            }
        }
        Some((value, ordinal, 1))
    };
    let mut total;
    let mut ordinal;
    if words.first() == Some(&"a") && matches!(words.get(1), Some(&("hundred" | "thousand"))) {
        total = 1;
        ordinal = false;
        used = 1;
    } else {
        let (value, is_ordinal, taken) = small(0)?;
        total = value;
        ordinal = is_ordinal;
        used += taken;
        if ordinal {
            return Some((total, true, used));
        }
        // A year: two numbers from 10 to 99 (`nineteen eighty four`, `twenty twenty`).
        if (10..100).contains(&total) {
            if let Some((low, low_ordinal, low_taken)) = small(used) {
                if (10..100).contains(&low) {
                    return Some((total * 100 + low, low_ordinal, used + low_taken));
                }
            }
        }
    }
    for (scale, word) in [(100, "hundred"), (1000, "thousand")] {
        if words.get(used) == Some(&word) && total > 0 && total < scale {
            total *= scale;
            used += 1;
            let and = usize::from(words.get(used) == Some(&"and"));
            if let Some((rest, rest_ordinal, taken)) = small(used + and) {
                if rest > 0 && rest < scale {
                    total += rest;
                    ordinal = rest_ordinal;
                    used += and + taken;
                }
            }
        }
    }
    (used > 0).then_some((total, ordinal, used))
}

/// The normalised text with every number written in digits (see the module documentation); borrowed when
/// nothing changes.
pub(crate) fn in_digits(normalized: &str) -> Cow<'_, str> {
    let may_be_a_number = |index: usize, word: &[u8]| {
        // Every number word, digit and Roman numeral starts with one of these; most words are ruled out by
        // their first letter alone.
        if !matches!(
            word.first(),
            Some(b'0'..=b'9' | b'a' | b'e' | b'f' | b'h' | b'i' | b'l' | b'n' | b'o' | b's')
                | Some(b't' | b'v' | b'x' | b'z')
        ) {
            return false;
        }
        // Pieces of valid text cut at spaces are valid text.
        std::str::from_utf8(word).is_ok_and(|word| {
            word_value(word).is_some()
                || (word == "a" || word == "hundred" || word == "thousand")
                || digit_ordinal(word).is_some()
                || (index > 0 && roman(word).is_some())
        })
    };
    if !normalized
        .as_bytes()
        .split(|&byte| byte == b' ')
        .enumerate()
        .any(|(index, word)| may_be_a_number(index, word))
    {
        return Cow::Borrowed(normalized);
    }
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(words.len());
    let mut at = 0;
    while at < words.len() {
        let word = words[at];
        if let Some((value, _, taken)) = read_words(&words[at..]) {
            out.push(Cow::Owned(value.to_string()));
            at += taken;
        } else if let Some(value) = digit_ordinal(word) {
            out.push(Cow::Owned(value.to_string()));
            at += 1;
        } else if let Some(value) = roman(word).filter(|_| at > 0) {
            out.push(Cow::Owned(value.to_string()));
            at += 1;
        } else {
            out.push(Cow::Borrowed(word));
            at += 1;
        }
    }
    // `Louis the 14`: a `the` between a name and its number is dropped.
    let mut kept: Vec<&str> = Vec::with_capacity(out.len());
    for (index, word) in out.iter().enumerate() {
        let before_number = out
            .get(index + 1)
            .is_some_and(|next| next.bytes().all(|b| b.is_ascii_digit()));
        if index > 0 && word == "the" && before_number {
            continue;
        }
        kept.push(word);
    }
    let joined = kept.join(" ");
    if joined == normalized {
        Cow::Borrowed(normalized)
    } else {
        Cow::Owned(joined)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers_in_digits() {
        let cases = [
            ("world war i", "world war 1"),
            ("world war one", "world war 1"),
            ("world war 1", "world war 1"),
            ("first world war", "1 world war"),
            ("world war ii", "world war 2"),
            ("louis xiv", "louis 14"),
            ("louis the fourteenth", "louis 14"),
            ("louis 14th", "louis 14"),
            // Ordinals in digits up to nine digits; longer ones are left as typed.
            ("the 123456789th day", "the 123456789 day"),
            ("the 1234567890th day", "the 1234567890th day"),
            ("henry viii", "henry 8"),
            ("henry the eighth", "henry 8"),
            ("catch twenty two", "catch 22"),
            ("nineteen eighty four", "1984"),
            ("nineteen eighty five", "1985"),
            ("twenty twenty", "2020"),
            ("one hundred years of solitude", "100 years of solitude"),
            ("a hundred years of solitude", "100 years of solitude"),
            (
                "two thousand and one a space odyssey",
                "2001 a space odyssey",
            ),
            ("twelve angry men", "12 angry men"),
            ("the seventh seal", "the 7 seal"),
            ("the 7th seal", "the 7 seal"),
            ("slaughterhouse five", "slaughterhouse 5"),
            ("oceans eleven", "oceans 11"),
            ("zero", "0"),
            ("apollo xiii", "apollo 13"),
            ("rocky iv", "rocky 4"),
            ("richard the third", "richard 3"),
            ("twenty first century", "21 century"),
            ("the godfather part ii", "the godfather part 2"),
            // Not numbers.
            ("i robot", "i robot"),
            ("a ha", "a ha"),
            ("mix", "mix"),
            ("civil war", "civil war"),
            ("jet li", "jet 51"),
            ("malcolm x", "malcolm 10"),
            ("louis iiii", "louis iiii"),
            ("louis vx", "louis vx"),
            ("the the", "the the"),
            ("a", "a"),
            ("hundred years war", "hundred years war"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(in_digits(text), expected, "{text:?}");
        }
    }

    #[test]
    fn roman_numerals_in_their_usual_form_only() {
        assert_eq!(roman("xiv"), Some(14));
        assert_eq!(roman("i"), Some(1));
        assert_eq!(roman("lxxxix"), Some(89));
        assert_eq!(roman("iiii"), None);
        assert_eq!(roman("il"), None);
        assert_eq!(roman("xm"), None);
        assert_eq!(roman(""), None);
        for value in 1..90 {
            assert_eq!(roman(&to_roman(value)), Some(value));
        }
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(in_digits("jimmy iovine"), Cow::Borrowed(_)));
        assert!(matches!(in_digits("apollo 13"), Cow::Borrowed(_)));
    }
}
