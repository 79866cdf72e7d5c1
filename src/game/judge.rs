//! How the game decides whether an answer is right: a small trait, so the state machine can be tested with
//! a trivial judge and played with the real answer checker.

use crate::answer::{self, Lexicon, Verdict};
use crate::question::{Body, Layout, Question};

/// Decides answers. Implementations must be deterministic: the same question, layout and input always
/// give the same verdict.
pub trait Judge {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict;
}

impl<J: Judge + ?Sized> Judge for &J {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict {
        (**self).judge(question, layout, input)
    }
}

impl<J: Judge + ?Sized> Judge for Box<J> {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict {
        (**self).judge(question, layout, input)
    }
}

impl<J: Judge + ?Sized> Judge for std::rc::Rc<J> {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict {
        (**self).judge(question, layout, input)
    }
}

impl<J: Judge + ?Sized> Judge for std::sync::Arc<J> {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict {
        (**self).judge(question, layout, input)
    }
}

/// The real answer checker ([`answer::check`]): forgiving spelling, aliases, numbers and dates read in
/// the usual ways, with a [`Lexicon`] of known names so a guess closer to another name is wrong.
#[derive(Clone, Debug, Default)]
pub struct AnswerJudge {
    lexicon: Lexicon,
}

impl AnswerJudge {
    /// A judge with this lexicon of known names.
    pub fn new(lexicon: Lexicon) -> Self {
        AnswerJudge { lexicon }
    }

    /// A judge whose lexicon holds the typed answers (with their aliases and kinds) of `questions`.
    pub fn for_questions(questions: &[Question]) -> Self {
        let mut lexicon = Lexicon::new();
        add_answers(&mut lexicon, questions);
        AnswerJudge { lexicon }
    }
}

/// Registers the typed answers of `questions` (answer, aliases and kind) in `lexicon`, and the words of
/// every option, item and rejected answer as known names.
pub fn add_answers(lexicon: &mut Lexicon, questions: &[Question]) {
    for question in questions {
        if let Body::FreeText {
            answer,
            aliases,
            kind,
            reject,
            ..
        } = &question.body
        {
            lexicon.add(kind.as_deref().unwrap_or(""), answer, aliases);
            for text in reject {
                lexicon.add_words(text);
            }
        }
        for text in question.body.choices() {
            lexicon.add_words(text);
        }
    }
}

impl Judge for AnswerJudge {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict {
        answer::check(question, layout, input, &self.lexicon)
    }
}

/// A strict judge: options by number or letter as laid out, everything else by exact text (ignoring case
/// and surrounding spaces). Enough for tests and benchmarks; real games use the answer checker.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExactJudge;

impl Judge for ExactJudge {
    fn judge(&self, question: &Question, layout: &Layout, input: &str) -> Verdict {
        let input = input.trim();
        if input.is_empty() {
            return not_understood("type an answer");
        }
        match &question.body {
            Body::MultipleChoice {
                options, answer, ..
            }
            | Body::Quote {
                options, answer, ..
            } => match position(input, layout.positions.len()) {
                Some(position) => verdict(layout.choice_at(position) == Some(*answer)),
                None => match options.iter().position(|o| o.eq_ignore_ascii_case(input)) {
                    Some(index) => verdict(index == *answer),
                    None => not_understood(format!(
                        "type a number from 1 to {}",
                        layout.positions.len()
                    )),
                },
            },
            Body::TrueFalse { answer } => match input.to_ascii_lowercase().as_str() {
                "t" | "true" | "y" | "yes" => verdict(*answer),
                "f" | "false" | "n" | "no" => verdict(!*answer),
                _ => not_understood("type true or false"),
            },
            Body::Numeric {
                answer, tolerance, ..
            } => match input.replace(',', "").parse::<f64>() {
                Ok(value) => verdict((value - answer).abs() <= *tolerance),
                Err(_) => not_understood("type a number"),
            },
            Body::Date { answer, .. } => match input.parse::<i32>() {
                Ok(year) if answer.month.is_none() => verdict(year == answer.year),
                _ => verdict(input.eq_ignore_ascii_case(&answer.to_iso())),
            },
            Body::FreeText {
                answer, aliases, ..
            } => verdict(
                std::iter::once(answer)
                    .chain(aliases)
                    .any(|accepted| accepted.eq_ignore_ascii_case(input)),
            ),
            Body::SelectAll { answers, .. } => {
                let mut picked = Vec::new();
                for part in input.split([',', ' ']).filter(|part| !part.is_empty()) {
                    match position(part, layout.positions.len()).and_then(|p| layout.choice_at(p)) {
                        Some(index) => picked.push(index),
                        None => return not_understood("type the numbers of every right option"),
                    }
                }
                picked.sort_unstable();
                picked.dedup();
                verdict(&picked == answers)
            }
            Body::Order { items, .. } => {
                let mut order = Vec::new();
                for part in input.split([',', ' ']).filter(|part| !part.is_empty()) {
                    match position(part, layout.positions.len()).and_then(|p| layout.choice_at(p)) {
                        Some(index) => order.push(index),
                        None => return not_understood("type the numbers in order, like 2 3 1"),
                    }
                }
                if order.len() != items.len() {
                    return not_understood("put every item in the order");
                }
                verdict(order.iter().enumerate().all(|(rank, &index)| rank == index))
            }
        }
    }
}

fn verdict(correct: bool) -> Verdict {
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

/// `1`-based numbers and `A`-based letters to a 0-based position below `len`.
fn position(input: &str, len: usize) -> Option<usize> {
    let position = if let Ok(number) = input.parse::<usize>() {
        number.checked_sub(1)?
    } else {
        let mut chars = input.chars();
        let letter = chars.next()?.to_ascii_uppercase();
        if chars.next().is_some() || !letter.is_ascii_uppercase() {
            return None;
        }
        usize::from(letter as u8 - b'A')
    };
    (position < len).then_some(position)
}
