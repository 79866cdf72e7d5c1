//! The rules a pack question must follow, shared by the TOML loader (which reports them with positions)
//! and the importers and generator (which check finished [`Question`]s).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::ops::RangeInclusive;

use crate::question::{Body, Question};

/// How many options a multiple-choice, quote or select-all question may have.
pub const OPTION_COUNT: RangeInclusive<usize> = 2..=6;

/// The fewest items an order question may have.
pub const MIN_ORDER_ITEMS: usize = 2;

/// Whether a text field may span lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// Names, options, answers, ids: no line breaks or tabs.
    One,
    /// Prompts, quotes, explanations, descriptions, evidence: line breaks and tabs allowed.
    Many,
}

/// What is wrong with a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing but white space.
    Empty,
    /// A control character (C0, DEL, C1 or a bidirectional control, see [`crate::escape::is_unsafe`]),
    /// which could drive the terminal or reorder text; `at` counts characters from 1.
    Control { character: char, at: usize },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Empty => f.write_str("must not be empty"),
            TextProblem::Control { character, at } => {
                let allowed = if matches!(character, '\n' | '\t') {
                    " (line breaks and tabs are allowed only in prompts, quotes, explanations and evidence)"
                } else {
                    ""
                };
                write!(
                    f,
                    "has control character U+{:04X} at character {at}: text must not drive the terminal{allowed}",
                    u32::from(*character)
                )
            }
        }
    }
}

/// Checks that text is not blank and holds no control character (other than line breaks and tabs in
/// [`Lines::Many`] text).
pub fn text_problem(text: &str, lines: Lines) -> Option<TextProblem> {
    if text.trim().is_empty() {
        return Some(TextProblem::Empty);
    }
    control_problem(text, lines)
}

/// Checks for control characters only (empty text is fine).
pub fn control_problem(text: &str, lines: Lines) -> Option<TextProblem> {
    // Fast path on bytes: C0 and DEL are single bytes, C1 is 0xC2 0x80..=0x9F in UTF-8, and the
    // bidirectional controls and separators start with 0xD8 (U+061C) or 0xE2 (U+2000..).
    let bytes = text.as_bytes();
    let suspicious = bytes.iter().enumerate().any(|(index, &byte)| {
        byte < 0x20 && !(lines == Lines::Many && (byte == b'\n' || byte == b'\t'))
            || byte == 0x7f
            || byte == 0xd8
            || byte == 0xe2
            || (byte == 0xc2
                && bytes
                    .get(index + 1)
                    .is_some_and(|next| (0x80..=0x9f).contains(next)))
    });
    if !suspicious {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|&(_, character)| {
            crate::escape::is_unsafe(character)
                && !(lines == Lines::Many && matches!(character, '\n' | '\t'))
        })
        .map(|(index, character)| TextProblem::Control {
            character,
            at: index + 1,
        })
}

/// Whether two texts name the same thing for a player: equal once folded by the one normaliser the answer
/// checker uses (`Dr. Dre` and `doctor dre`); texts with no letters or digits compare trimmed, ignoring case.
pub fn same_text(a: &str, b: &str) -> bool {
    let (folded_a, folded_b) = (crate::answer::normalize(a), crate::answer::normalize(b));
    if folded_a.is_empty() && folded_b.is_empty() {
        let (a, b) = (a.trim(), b.trim());
        return a
            .chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase));
    }
    folded_a == folded_b
}

/// Every pair `(later, earlier)` of texts that are the [`same_text`], each later one reported once with
/// the first text it repeats. Linear: one hash lookup per text, so 40,000 order items check at once.
pub fn duplicates<S: AsRef<str>>(texts: &[S]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut first: HashMap<String, usize> = HashMap::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        match first.entry(same_text_key(text.as_ref())) {
            Entry::Occupied(earlier) => found.push((index, *earlier.get())),
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
    }
    found
}

/// The form under which [`same_text`] compares: the answer normaliser's folding, or, for text it folds
/// to nothing, the trimmed lowercase text (marked so the two kinds never meet).
fn same_text_key(text: &str) -> String {
    let folded = crate::answer::normalize(text);
    if folded.is_empty() {
        std::iter::once('\u{0}')
            .chain(text.trim().chars().flat_map(char::to_lowercase))
            .collect()
    } else {
        folded
    }
}

/// Whether a question id is usable: not blank, no white space or control characters.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("must not be empty".to_string());
    }
    id.chars()
        .find(|c| c.is_whitespace() || c.is_control())
        .map(|c| {
            format!(
                "must not contain white space or control characters, found U+{:04X}",
                u32::from(c)
            )
        })
}

/// Checks a finished question against the pack rules; returns every problem as a sentence.
///
/// A question that passes is written by [`to_toml`](super::to_toml) as a pack that loads back to an
/// equal question.
pub fn check_question(question: &Question) -> Vec<String> {
    fn text_into(problems: &mut Vec<String>, field: &str, value: &str, lines: Lines) {
        if let Some(problem) = text_problem(value, lines) {
            problems.push(format!("`{field}` {problem}"));
        }
    }
    let mut problems = Vec::new();
    let out = &mut problems;
    text_into(out, "prompt", &question.prompt, Lines::Many);
    text_into(out, "category", &question.category, Lines::One);
    if !question.explanation.is_empty() {
        text_into(out, "explanation", &question.explanation, Lines::Many);
    }
    for citation in &question.sources {
        text_into(out, "sources.article", &citation.article, Lines::One);
        if let Some(evidence) = &citation.evidence {
            text_into(out, "sources.evidence", evidence, Lines::Many);
        }
    }
    for tag in &question.tags {
        text_into(out, "tags", tag, Lines::One);
    }
    match &question.body {
        Body::MultipleChoice {
            options,
            answer,
            aliases,
        } => {
            for value in options {
                text_into(out, "options", value, Lines::One);
            }
            for value in aliases {
                text_into(out, "aliases", value, Lines::One);
            }
            choice_problems(options, Some(*answer), aliases, out);
        }
        Body::Quote {
            quote,
            options,
            answer,
            aliases,
        } => {
            text_into(out, "quote", quote, Lines::Many);
            for value in options {
                text_into(out, "options", value, Lines::One);
            }
            for value in aliases {
                text_into(out, "aliases", value, Lines::One);
            }
            choice_problems(options, Some(*answer), aliases, out);
        }
        Body::TrueFalse { .. } => {}
        Body::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            if !answer.is_finite() {
                out.push("`answer` must be a finite number".to_string());
            }
            if !tolerance.is_finite() || *tolerance < 0.0 {
                out.push(format!(
                    "`tolerance` must not be negative, found {tolerance}"
                ));
            }
            if let Some(unit) = unit {
                text_into(out, "unit", unit, Lines::One);
            }
        }
        Body::Date { answer, .. } => {
            if !answer.is_valid() || !(0..=9999).contains(&answer.year) {
                out.push(format!("`answer` is not a calendar date: {answer:?}"));
            }
        }
        Body::FreeText {
            answer,
            aliases,
            kind,
            prompt_on,
            reject,
        } => {
            text_into(out, "answer", answer, Lines::One);
            for alias in aliases {
                text_into(out, "aliases", alias, Lines::One);
            }
            for text in prompt_on {
                text_into(out, "prompt_on", text, Lines::One);
            }
            for text in reject {
                text_into(out, "reject", text, Lines::One);
            }
            if let Some(kind) = kind {
                text_into(out, "kind", kind, Lines::One);
            }
        }
        Body::SelectAll { options, answers } => {
            for option in options {
                text_into(out, "options", option, Lines::One);
            }
            choice_problems(options, None, &[], out);
            if answers.is_empty() {
                out.push("`answers` must name at least one option".to_string());
            }
            if answers.windows(2).any(|pair| pair[0] >= pair[1]) {
                out.push("`answers` must be ascending without repeats".to_string());
            }
            if answers.iter().any(|&index| index >= options.len()) {
                out.push("`answers` names an option that does not exist".to_string());
            }
        }
        Body::Order {
            items,
            keys,
            direction,
        } => {
            for item in items {
                text_into(out, "items", item, Lines::One);
            }
            for key in keys {
                text_into(out, "keys", key, Lines::One);
            }
            if let Some(direction) = direction {
                text_into(out, "direction", direction, Lines::One);
            }
            if items.len() < MIN_ORDER_ITEMS {
                out.push(format!(
                    "an order question needs at least {MIN_ORDER_ITEMS} items, found {}",
                    items.len()
                ));
            }
            for (later, earlier) in duplicates(items) {
                out.push(format!(
                    "item {} `{}` repeats item {}",
                    later + 1,
                    items[later],
                    earlier + 1
                ));
            }
            if !keys.is_empty() && keys.len() != items.len() {
                out.push(format!(
                    "`keys` must have one key per item ({}), found {}",
                    items.len(),
                    keys.len()
                ));
            }
        }
    }
    if let Some(problem) = id_problem(&question.id) {
        out.push(format!("`id` {problem}"));
    }
    problems
}

/// Option count, duplicate options, the answer's index and aliases that name a wrong option.
fn choice_problems(
    options: &[String],
    answer: Option<usize>,
    aliases: &[String],
    problems: &mut Vec<String>,
) {
    if !OPTION_COUNT.contains(&options.len()) {
        problems.push(format!(
            "needs {} to {} options, found {}",
            OPTION_COUNT.start(),
            OPTION_COUNT.end(),
            options.len()
        ));
    }
    for (later, earlier) in duplicates(options) {
        problems.push(format!(
            "option {} `{}` repeats option {}",
            later + 1,
            options[later],
            earlier + 1
        ));
    }
    let Some(answer) = answer else { return };
    if answer >= options.len() {
        problems.push("the answer is not among the options".to_string());
        return;
    }
    for alias in aliases {
        if let Some(wrong) = options
            .iter()
            .enumerate()
            .find(|&(index, option)| index != answer && same_text(option, alias))
        {
            problems.push(format!("alias `{alias}` is the wrong option `{}`", wrong.1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_agree_with_same_text_on_every_pair() {
        let texts = [
            "Paris",
            " paris",
            "PARIS ",
            "Pâris",
            "pâris",
            "İstanbul",
            "i̇stanbul",
            "Straße",
            "STRASSE",
            "ß",
            "ẞ",
            "σ",
            "Σ",
            "ς",
            "",
            " ",
            "a b",
            "A  B",
        ];
        let found = duplicates(&texts);
        for later in 0..texts.len() {
            let expected = (0..later).find(|&earlier| same_text(texts[earlier], texts[later]));
            let got = found.iter().find(|(l, _)| *l == later).map(|(_, e)| *e);
            assert_eq!(got, expected, "{:?}", texts[later]);
        }
    }

    #[test]
    fn control_characters_are_found_by_character_position() {
        assert_eq!(
            text_problem("ab\u{1b}[31m", Lines::One),
            Some(TextProblem::Control {
                character: '\u{1b}',
                at: 3
            })
        );
        assert_eq!(
            text_problem("é\u{85}", Lines::Many),
            Some(TextProblem::Control {
                character: '\u{85}',
                at: 2
            })
        );
        assert_eq!(text_problem("a\nb\tc", Lines::Many), None);
        assert!(text_problem("a\nb", Lines::One).is_some());
        assert_eq!(text_problem(" \n ", Lines::Many), Some(TextProblem::Empty));
        assert_eq!(text_problem("naïve — ok", Lines::One), None);
    }

    #[test]
    fn same_text_ignores_case_and_outer_space() {
        assert!(same_text(" Paris", "paris "));
        assert!(same_text("ÉCOLE", "école"));
        assert!(!same_text("Paris", "Pari"));
        assert_eq!(duplicates(&["a", "B", "A", "b", "c"]), vec![(2, 0), (3, 1)]);
        assert_eq!(
            duplicates(&[" École", "x", "école ", "ÉCOLE", "Straße"]),
            vec![(2, 0), (3, 0)]
        );
    }

    #[test]
    fn ids_reject_spaces() {
        assert!(id_problem("q-1").is_none());
        assert!(id_problem("q 1").is_some());
        assert!(id_problem("").is_some());
    }
}
