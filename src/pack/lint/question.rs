//! The checks that look at one question at a time.

use super::{Check, Entry, Severity};
use crate::answer::{self, Lexicon, normalize};
use crate::question::{Body, Layout, Question};

/// Findings for one question: `(check, severity, message)`.
pub(super) fn check(entry: &Entry<'_>, lexicon: &Lexicon) -> Vec<(Check, Severity, String)> {
    let mut found = Vec::new();
    let question = entry.question;
    match &question.body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => {
            choices(entry, options, Some(*answer), &mut found);
            given_away(entry, options, *answer, &mut found);
            standout(options, *answer, &mut found);
        }
        Body::SelectAll { options, .. } => choices(entry, options, None, &mut found),
        Body::FreeText { answer, .. } => {
            let typed = normalize(answer);
            if typed.len() >= 3 && contains_words(&entry.prompt, &typed) {
                found.push((
                    Check::AnswerInPrompt,
                    Severity::Error,
                    format!("the prompt contains the answer `{answer}`"),
                ));
            }
            missing_aliases(question, answer, lexicon, &mut found);
        }
        _ => {}
    }
    if let Some(phrase) = dated_phrase(&entry.prompt) {
        found.push((
            Check::DatedWording,
            Severity::Warning,
            format!(
                "`{phrase}` will date: state the fact in its time (\"in 2018\", \"as of the 2020 season\")"
            ),
        ));
    }
    found
}

/// `all of the above` and its kin: options that refer to other options.
const ABOVE: [&str; 14] = [
    "all of the above",
    "none of the above",
    "all the above",
    "none of these",
    "all of these",
    "all of them",
    "none of them",
    "both of the above",
    "neither of the above",
    "all of those",
    "none of those",
    "both",
    "neither",
    "all are correct",
];

fn choices(
    entry: &Entry<'_>,
    options: &[String],
    answer: Option<usize>,
    found: &mut Vec<(Check, Severity, String)>,
) {
    let folded: Vec<String> = options.iter().map(|option| normalize(option)).collect();
    for (option, text) in options.iter().zip(&folded) {
        let refers = ABOVE.contains(&text.as_str())
            || text.starts_with("all of the above")
            || text.starts_with("none of the above")
            || is_both_letters(text);
        if refers {
            found.push((
                Check::AllOrNoneOfTheAbove,
                Severity::Warning,
                format!(
                    "option `{option}` refers to the other options: players can answer by elimination, and it cannot be picked by its text"
                ),
            ));
        }
    }
    for later in 1..options.len() {
        for earlier in 0..later {
            let same_text = !folded[later].is_empty() && folded[later] == folded[earlier];
            let same_number = answer::parse_number(&options[later])
                .zip(answer::parse_number(&options[earlier]))
                .is_some_and(|(a, b)| a == b);
            if same_text || same_number {
                found.push((
                    Check::IndistinguishableOptions,
                    Severity::Error,
                    format!(
                        "options `{}` and `{}` read the same to the answer checker: a typed answer cannot pick one",
                        options[earlier], options[later]
                    ),
                ));
            }
        }
    }
    if let (Some(answer), Body::MultipleChoice { aliases, .. } | Body::Quote { aliases, .. }) =
        (answer, &entry.question.body)
    {
        for alias in aliases {
            let alias_folded = normalize(alias);
            if let Some(wrong) = folded
                .iter()
                .enumerate()
                .find(|&(index, text)| index != answer && *text == alias_folded)
            {
                found.push((
                    Check::IndistinguishableOptions,
                    Severity::Error,
                    format!(
                        "alias `{alias}` reads the same as wrong option `{}`",
                        options[wrong.0]
                    ),
                ));
            }
        }
    }
}

/// `both a and b`, `a and c`: an option naming other options by letter.
fn is_both_letters(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    let letter =
        |word: &str| word.len() == 1 && ('a'..='f').contains(&word.chars().next().unwrap_or(' '));
    match words.as_slice() {
        ["both", a, "and", b] | [a, "and", b] => letter(a) && letter(b),
        _ => false,
    }
}

/// The right option appears word for word in the prompt, and no wrong option does.
fn given_away(
    entry: &Entry<'_>,
    options: &[String],
    answer: usize,
    found: &mut Vec<(Check, Severity, String)>,
) {
    let Some(right) = options.get(answer) else {
        return;
    };
    let folded = normalize(right);
    // Short answers ("The Who" folds to "who") and numbers ("one pregnancy") match prompts by chance.
    if folded.len() < 4 || answer::parse_number(right).is_some() || is_number_word(&folded) {
        return;
    }
    if !contains_words(&entry.prompt, &folded) {
        return;
    }
    // A one-word answer must appear as written: "magic intervention" does not give away the episode
    // "Intervention".
    if !right.trim().contains(' ') && !raw_word(&entry.question.prompt, right.trim()) {
        return;
    }
    // Not given away when a wrong option names it too ("Saw" among "Saw II", "Saw III") or also appears.
    let wrong_named = options.iter().enumerate().any(|(index, option)| {
        index != answer && {
            let text = normalize(option);
            !text.is_empty()
                && (contains_words(&entry.prompt, &text) || contains_words(&text, &folded))
        }
    });
    if !wrong_named {
        found.push((
            Check::AnswerInPrompt,
            Severity::Error,
            format!("the prompt names the right option `{right}` and no other option"),
        ));
    }
}

/// Whether `word` occurs in `text` as written, not inside a longer word.
fn raw_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Numbers written as words, which prompts use for other reasons ("per one pregnancy").
fn is_number_word(folded: &str) -> bool {
    const LARGER: [&str; 4] = ["twenty", "hundred", "thousand", "million"];
    folded
        .split(' ')
        .all(|word| crate::answer::is_unit_number_word(word) || LARGER.contains(&word))
}

/// The right option is much longer than every wrong one (test-wise players pick the longest).
fn standout(options: &[String], answer: usize, found: &mut Vec<(Check, Severity, String)>) {
    if options.len() < 3 {
        return;
    }
    let Some(right) = options.get(answer) else {
        return;
    };
    if options
        .iter()
        .all(|option| answer::parse_number(option).is_some())
    {
        return;
    }
    let length = |text: &str| text.chars().count();
    let longest_wrong = options
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != answer)
        .map(|(_, option)| length(option))
        .max()
        .unwrap_or(0);
    let right_length = length(right);
    if right_length * 10 >= longest_wrong * 18 && right_length >= longest_wrong + 15 {
        found.push((
            Check::StandoutOption,
            Severity::Warning,
            format!(
                "the right option has {right_length} characters and the longest wrong one {longest_wrong}: make the options alike in length and detail"
            ),
        ));
    }
}

/// Phrases that make a question wrong once time passes, as folded words. (`this year` is checked
/// apart: "In this year ..." asks for a year.)
const DATED: [&str; 20] = [
    "currently",
    "at present",
    "presently",
    "at the moment",
    "nowadays",
    "as of today",
    "so far",
    "the latest",
    "most recent",
    "the newest",
    "is the current",
    "are the current",
    "who is the president",
    "is the president of",
    "is the prime minister",
    "who is the ceo",
    "is the reigning",
    "reigning champion",
    "still alive",
    "is still",
];

fn dated_phrase(prompt: &str) -> Option<&'static str> {
    if let Some(phrase) = DATED
        .iter()
        .copied()
        .find(|phrase| contains_words(prompt, phrase))
    {
        return Some(phrase);
    }
    ["this year", "this season"].into_iter().find(|phrase| {
        prompt.match_indices(phrase).any(|(at, _)| {
            let before = prompt[..at].trim_end().rsplit(' ').next().unwrap_or("");
            let end = at + phrase.len();
            let whole = (at == 0 || prompt.as_bytes()[at - 1] == b' ')
                && (end == prompt.len() || prompt.as_bytes()[end] == b' ');
            whole
                && !matches!(
                    before,
                    "in" | "during" | "of" | "what" | "which" | "that" | "by"
                )
        })
    })
}

/// Whether `words` (folded) occurs in `text` (folded) as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    if words.is_empty() {
        return false;
    }
    text.match_indices(words).any(|(at, _)| {
        let before = at == 0 || text.as_bytes()[at - 1] == b' ';
        let end = at + words.len();
        let after = end == text.len() || text.as_bytes()[end] == b' ';
        before && after
    })
}

/// Obvious other ways to type a free-text answer that the checker rejects: initials of a name of
/// several words (`JFK`, `NBA`), the answer without a leading article, the part before a parenthesis or
/// after a colon.
fn missing_aliases(
    question: &Question,
    answer: &str,
    lexicon: &Lexicon,
    found: &mut Vec<(Check, Severity, String)>,
) {
    let mut candidates: Vec<String> = Vec::new();
    let words: Vec<&str> = answer
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|word| !word.is_empty())
        .collect();
    let significant: Vec<&str> = words
        .iter()
        .copied()
        .filter(|word| {
            !matches!(
                word.to_lowercase().as_str(),
                "of" | "the" | "and" | "&" | "for" | "de"
            )
        })
        .collect();
    // Initials are an obvious answer for names of three words or more (`NBA`, `JFK`), not for two
    // (nobody types `AG` for António Guterres).
    let capitalised = significant.len() >= 3
        && significant.len() <= 6
        && significant
            .iter()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase));
    if capitalised {
        let initials: String = significant
            .iter()
            .filter_map(|word| word.chars().next())
            .collect();
        candidates.push(initials);
    }
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = answer.strip_prefix(article) {
            candidates.push(rest.to_string());
        }
    }
    if let Some((before, _)) = answer.split_once(" (") {
        candidates.push(before.trim().to_string());
    }
    if let Some((_, after)) = answer.split_once(": ") {
        candidates.push(after.trim().to_string());
    }
    let layout = Layout::identity(0);
    for candidate in candidates {
        if candidate.chars().count() < 2 || normalize(&candidate) == normalize(answer) {
            continue;
        }
        if !answer::check(question, &layout, &candidate, lexicon).is_correct() {
            found.push((
                Check::MissingAlias,
                Severity::Note,
                format!(
                    "typing `{candidate}` for `{answer}` is judged wrong: add it to `aliases` if it should count"
                ),
            ));
        }
    }
}
