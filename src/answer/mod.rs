//! Answer checking: decides whether what a player typed is what a strict but fair quiz host would accept,
//! ask more about, or reject, for every question type. Pure: no I/O, no clock, no randomness, and no panic
//! on any input.
//!
//! The rules are documented for players and pack authors in `docs/answers.md`. In short:
//!
//! - Text is compared after [`normalize`] (case, diacritics, punctuation, curly quotes, whitespace, `&`/`and`
//!   and title words like `Dr`/`Doctor` do not matter) with numbers in digits (`World War One` = `World War
//!   I` = `World War 1`).
//! - Free-text answers accept the answer, its aliases (the pack's `accept`, and the [`Lexicon`] entity of that
//!   name), a leading article left off when what remains names nothing else, a plural for a singular, and
//!   typos within a budget per word ([`typo_budget`]). A typed word that is itself a real word or a known
//!   name ([`Dictionary`], [`Lexicon`]) is never a typo of another word; digits are never forgiven; a guess at
//!   least as close to another known name, or to a `reject` entry, is wrong.
//! - [`Verdict::Prompt`] asks for more at no cost: a surname or first name alone for a person, an
//!   ambiguous all-numeric date, a date less precise than asked, or a `prompt_on` entry.
//! - Numbers ([`parse_number`]) and dates ([`parse_date`]) are read in the usual ways; numbers are accepted
//!   within the question's tolerance, dates at the question's precision.
//! - Options are picked by letter, number or text through the on-screen [`Layout`]; lists for select-all,
//!   sequences for order.
//! - [`Verdict::NotUnderstood`] asks again and costs nothing; it never hints at the answer.

mod choice;
mod date;
mod dictionary;
mod free_text;
mod fuzzy;
mod lexicon;
mod normalize;
mod number;
mod numerals;

/// Whether a word is a number word from "zero" to "nineteen", for checks outside answer judging.
pub fn is_unit_number_word(word: &str) -> bool {
    numerals::unit_value(word).is_some()
}
mod units;

pub use date::parse_date;
pub use dictionary::Dictionary;
pub use fuzzy::{strict_typo_budget, typo_budget};
pub use lexicon::Lexicon;
pub(crate) use normalize::append_normalized;
pub use normalize::{normalize, without_leading_article};
pub use number::parse_number;

use crate::question::{Body, Layout, Question};

/// Longest input judged, in characters; anything longer is not understood (no answer is that long).
pub const MAX_INPUT_CHARS: usize = 500;

/// What the game does with an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The answer is accepted.
    Correct,
    /// The answer is accepted although misspelt (within the typo budget); `spelling` is the accepted text as
    /// written in the question, for the game to show ("Right — it is spelled Compton").
    Misspelt { spelling: String },
    /// The answer is understood and wrong.
    Wrong,
    /// The answer is right as far as it goes, but a host would ask for more ("Which Hughes?", "Is that 7
    /// September or 9 July?"): the player answers again; it costs nothing and counts as no attempt.
    Prompt { reason: String },
    /// The input is not an answer to this question (an empty line, `z` for four options); ask again at no
    /// cost. The reason tells the player what to type and never hints at the answer.
    NotUnderstood { reason: String },
}

impl Verdict {
    /// Whether the answer is accepted (spelt right or forgiven).
    pub fn is_correct(&self) -> bool {
        matches!(self, Verdict::Correct | Verdict::Misspelt { .. })
    }

    /// Whether the player is asked again at no cost ([`Verdict::Prompt`] or [`Verdict::NotUnderstood`]).
    pub fn asks_again(&self) -> bool {
        matches!(self, Verdict::Prompt { .. } | Verdict::NotUnderstood { .. })
    }

    fn from_bool(correct: bool) -> Verdict {
        if correct {
            Verdict::Correct
        } else {
            Verdict::Wrong
        }
    }

    fn not_understood(reason: impl Into<String>) -> Verdict {
        Verdict::NotUnderstood {
            reason: reason.into(),
        }
    }

    fn prompt(reason: impl Into<String>) -> Verdict {
        Verdict::Prompt {
            reason: reason.into(),
        }
    }
}

/// Checks `input` against `question` as shown with `layout` (letters/numbers refer to layout positions).
///
/// ```
/// use trivia::answer::{check, Lexicon, Verdict};
/// use trivia::question::{Body, Difficulty, Layout, Question};
///
/// let question = Question {
///     id: "chronic-producer".into(),
///     prompt: "Who produced The Chronic?".into(),
///     body: Body::FreeText {
///         answer: "Dr. Dre".into(),
///         aliases: vec!["Dre".into(), "Andre Young".into()],
///         kind: Some("person".into()),
///         prompt_on: vec![],
///         reject: vec![],
///     },
///     category: "Music".into(),
///     difficulty: Difficulty::Easy,
///     explanation: String::new(),
///     sources: vec![],
///     tags: vec![],
///     time_limit: None,
/// };
/// let layout = Layout::identity(0);
/// let lexicon = Lexicon::new();
/// assert_eq!(check(&question, &layout, "doctor dre", &lexicon), Verdict::Correct);
/// assert_eq!(check(&question, &layout, "Ice Cube", &lexicon), Verdict::Wrong);
/// assert!(matches!(check(&question, &layout, "Young", &lexicon), Verdict::Prompt { .. }));
/// assert!(matches!(check(&question, &layout, " ", &lexicon), Verdict::NotUnderstood { .. }));
/// ```
pub fn check(question: &Question, layout: &Layout, input: &str, lexicon: &Lexicon) -> Verdict {
    if input.len() > MAX_INPUT_CHARS && input.chars().nth(MAX_INPUT_CHARS).is_some() {
        return Verdict::not_understood("that answer is too long");
    }
    match &question.body {
        Body::MultipleChoice {
            options,
            answer,
            aliases,
        }
        | Body::Quote {
            options,
            answer,
            aliases,
            ..
        } => choice::check_one(options, *answer, aliases, layout, input),
        Body::TrueFalse { answer } => choice::check_true_false(*answer, input),
        Body::Numeric {
            answer,
            tolerance,
            unit,
        } => number::check(*answer, *tolerance, unit.as_deref(), input),
        Body::Date {
            answer,
            tolerance_days,
        } => date::check(answer, *tolerance_days, input),
        Body::FreeText {
            answer,
            aliases,
            kind,
            prompt_on,
            reject,
        } => free_text::check(
            &free_text::AnswerLine {
                answer,
                accept: aliases,
                prompt_on,
                reject,
                kind: kind.as_deref(),
            },
            input,
            lexicon,
        ),
        Body::SelectAll { options, answers } => {
            choice::check_select_all(options, answers, layout, input)
        }
        Body::Order { items, .. } => choice::check_order(items, layout, input),
    }
}
