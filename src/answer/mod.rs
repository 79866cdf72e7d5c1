//! Answer checking: decides whether what a player typed is what a fair quizmaster would accept, for every
//! question type. Pure: no I/O, no clock, no randomness, and no panic on any input.
//!
//! The rules are documented for players and pack authors in `docs/answers.md`. In short:
//!
//! - Text is compared after [`normalize`]: case, diacritics, punctuation, curly quotes, whitespace, a
//!   leading article, `&`/`and` and title words (`Dr`/`Doctor`) do not matter.
//! - Free-text answers accept the answer, its aliases (from the question and from the [`Lexicon`] entity of
//!   that name) and typos within a budget per word ([`typo_budget`]), in any word order; digits are never
//!   forgiven, and a guess at least as close to another known name of the same kind is wrong.
//! - Numbers ([`parse_number`]) and dates ([`parse_date`]) are read in the usual ways; numbers are accepted
//!   within the question's tolerance, dates at the question's precision.
//! - Options are picked by letter, number or text through the on-screen [`Layout`]; lists for select-all,
//!   sequences for order.
//! - [`Verdict::NotUnderstood`] asks again and costs nothing; it never hints at the answer.

mod choice;
mod date;
mod free_text;
mod fuzzy;
mod lexicon;
mod normalize;
mod number;
mod units;

pub use date::parse_date;
pub use fuzzy::typo_budget;
pub use lexicon::Lexicon;
pub use normalize::normalize;
pub use number::parse_number;

use crate::question::{Body, Layout, Question};

/// Longest input judged, in characters; anything longer is not understood (no answer is that long).
pub const MAX_INPUT_CHARS: usize = 500;

/// What the game does with an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The answer is accepted.
    Correct,
    /// The answer is understood and wrong.
    Wrong,
    /// The input is not an answer to this question (an empty line, `z` for four options, a date without
    /// its day when the day is asked); ask again at no cost. The reason tells the player what to type and
    /// never hints at the answer.
    NotUnderstood { reason: String },
}

impl Verdict {
    /// Whether the answer is accepted.
    pub fn is_correct(&self) -> bool {
        matches!(self, Verdict::Correct)
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
}

/// A verdict with what the game may tell the player about how the answer was accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    /// The answer was accepted although misspelt (within the typo budget); the game may show the correct
    /// spelling. Always false unless the verdict is [`Verdict::Correct`].
    pub close: bool,
}

impl Judgement {
    fn plain(verdict: Verdict) -> Judgement {
        Judgement {
            verdict,
            close: false,
        }
    }

    fn not_understood(reason: impl Into<String>) -> Judgement {
        Judgement::plain(Verdict::not_understood(reason))
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
/// assert!(matches!(check(&question, &layout, " ", &lexicon), Verdict::NotUnderstood { .. }));
/// ```
pub fn check(question: &Question, layout: &Layout, input: &str, lexicon: &Lexicon) -> Verdict {
    judge(question, layout, input, lexicon).verdict
}

/// Like [`check`], and also says whether a typo was forgiven.
pub fn judge(question: &Question, layout: &Layout, input: &str, lexicon: &Lexicon) -> Judgement {
    if input.len() > MAX_INPUT_CHARS && input.chars().nth(MAX_INPUT_CHARS).is_some() {
        return Judgement::not_understood("that answer is too long");
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
        } => Judgement::plain(choice::check_one(options, *answer, aliases, layout, input)),
        Body::TrueFalse { answer } => Judgement::plain(choice::check_true_false(*answer, input)),
        Body::Numeric {
            answer,
            tolerance,
            unit,
        } => Judgement::plain(number::check(*answer, *tolerance, unit.as_deref(), input)),
        Body::Date {
            answer,
            tolerance_days,
        } => Judgement::plain(date::check(answer, *tolerance_days, input)),
        Body::FreeText {
            answer,
            aliases,
            kind,
        } => free_text::check(answer, aliases, kind.as_deref(), input, lexicon),
        Body::SelectAll { options, answers } => {
            Judgement::plain(choice::check_select_all(options, answers, layout, input))
        }
        Body::Order { items, .. } => Judgement::plain(choice::check_order(items, layout, input)),
    }
}
