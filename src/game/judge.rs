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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::{Difficulty, PartialDate};

    fn question(body: Body) -> Question {
        Question {
            id: "q".to_string(),
            prompt: "Question?".to_string(),
            body,
            category: "test".to_string(),
            difficulty: Difficulty::Easy,
            explanation: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            time_limit: None,
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    fn free_text(answer: &str, reject: &[&str]) -> Body {
        Body::FreeText {
            answer: answer.to_string(),
            aliases: Vec::new(),
            kind: Some("person".to_string()),
            prompt_on: Vec::new(),
            reject: strings(reject),
        }
    }

    /// The verdict of the exact judge for each input: `Some(true)` right, `Some(false)` wrong, `None`
    /// not understood (asked again).
    fn exact(body: Body, layout: &Layout, cases: &[(&str, Option<bool>)]) {
        let question = question(body);
        for &(input, expected) in cases {
            let verdict = ExactJudge.judge(&question, layout, input);
            let got = match verdict {
                Verdict::Correct => Some(true),
                Verdict::Wrong => Some(false),
                Verdict::NotUnderstood { .. } => None,
                other => panic!("{input:?}: the exact judge never gives {other:?}"),
            };
            assert_eq!(got, expected, "{:?} for {input:?}", question.body);
        }
    }

    /// Regression (found by mutation testing: the judge's lexicon could be left empty, or built from
    /// nothing, unnoticed): the answer judge of a game knows every name its questions show or accept, so
    /// a typed name that is one of them is another answer, not a typo of the asked one.
    #[test]
    fn the_answer_judge_knows_the_names_in_its_questions() {
        let iovine = question(free_text("Jimmy Iovine", &[]));
        let layout = Layout::identity(0);
        // Alone, "Jimmy Iovene" is one letter from the answer: a forgiven typo.
        assert_eq!(
            AnswerJudge::for_questions(std::slice::from_ref(&iovine)).judge(
                &iovine,
                &layout,
                "Jimmy Iovene"
            ),
            Verdict::Misspelt {
                spelling: "Jimmy Iovine".to_string()
            }
        );
        let typed_answer = question(free_text("Jimmy Iovene", &[]));
        let option = question(Body::MultipleChoice {
            options: strings(&["Jimmy Iovene", "Sidney Poitier"]),
            answer: 1,
            aliases: Vec::new(),
        });
        let rejected = question(free_text("Sidney Poitier", &["Jimmy Iovene"]));
        for other in [typed_answer, option, rejected] {
            let judge = AnswerJudge::for_questions(&[iovine.clone(), other.clone()]);
            assert_eq!(
                judge.judge(&iovine, &layout, "Jimmy Iovene"),
                Verdict::Wrong,
                "with {:?}",
                other.body
            );
            assert_eq!(
                judge.judge(&iovine, &layout, "jimmy iovine"),
                Verdict::Correct
            );
        }
    }

    /// Regression (found by mutation testing: comparing a typed option's index with `!=` went
    /// unnoticed): choices are taken by the number or letter shown, or by the option's text.
    #[test]
    fn the_exact_judge_takes_choices_by_number_letter_or_text() {
        // Shown as: 1 Spike Lee, 2 Doug Pray, 3 Allen Hughes (the answer), 4 F. Gary Gray.
        let layout = Layout {
            positions: vec![2, 0, 1, 3],
        };
        let cases = [
            ("3", Some(true)),
            ("c", Some(true)),
            (" C ", Some(true)),
            ("allen hughes", Some(true)),
            ("1", Some(false)),
            ("A", Some(false)),
            ("4", Some(false)),
            ("d", Some(false)),
            ("Spike Lee", Some(false)),
            ("Doug Pray", Some(false)),
            ("0", None),
            ("5", None),
            ("e", None),
            ("ab", None),
            ("?", None),
            ("Hughes", None),
            ("   ", None),
        ];
        let options = strings(&["Doug Pray", "Allen Hughes", "Spike Lee", "F. Gary Gray"]);
        exact(
            Body::MultipleChoice {
                options: options.clone(),
                answer: 1,
                aliases: Vec::new(),
            },
            &layout,
            &cases,
        );
        exact(
            Body::Quote {
                quote: "A quote.".to_string(),
                options,
                answer: 1,
                aliases: Vec::new(),
            },
            &layout,
            &cases,
        );
    }

    #[test]
    fn the_exact_judge_reads_true_false_numbers_and_text() {
        let none = Layout::identity(0);
        exact(
            Body::TrueFalse { answer: true },
            &none,
            &[
                ("t", Some(true)),
                ("TRUE", Some(true)),
                ("y", Some(true)),
                ("yes", Some(true)),
                ("f", Some(false)),
                ("false", Some(false)),
                ("n", Some(false)),
                ("No", Some(false)),
                ("maybe", None),
            ],
        );
        exact(
            Body::TrueFalse { answer: false },
            &none,
            &[
                ("false", Some(true)),
                ("no", Some(true)),
                ("true", Some(false)),
            ],
        );
        exact(
            Body::Numeric {
                answer: 1000.0,
                tolerance: 5.0,
                unit: None,
            },
            &none,
            &[
                ("1000", Some(true)),
                ("1,000", Some(true)),
                ("1005", Some(true)),
                ("995", Some(true)),
                ("1006", Some(false)),
                ("994", Some(false)),
                ("0", Some(false)),
                ("a thousand", None),
            ],
        );
        exact(
            Body::FreeText {
                answer: "Allen Hughes".to_string(),
                aliases: strings(&["Hughes"]),
                kind: None,
                prompt_on: Vec::new(),
                reject: Vec::new(),
            },
            &none,
            &[
                ("allen hughes", Some(true)),
                ("HUGHES", Some(true)),
                ("Albert Hughes", Some(false)),
            ],
        );
    }

    /// Regression (found by mutation testing: the year-only rule could be always or never applied
    /// unnoticed): a year-only answer is read as a number, an answer with a month as its written date.
    #[test]
    fn the_exact_judge_reads_a_year_as_a_number_and_a_month_as_written() {
        let none = Layout::identity(0);
        let year = |year, month| Body::Date {
            answer: PartialDate {
                year,
                month,
                day: None,
            },
            tolerance_days: 0,
        };
        exact(
            year(1958, None),
            &none,
            &[
                ("1958", Some(true)),
                ("01958", Some(true)),
                ("1957", Some(false)),
                ("1958-07", Some(false)),
            ],
        );
        exact(
            year(1958, Some(7)),
            &none,
            &[
                ("1958-07", Some(true)),
                ("1958", Some(false)),
                ("1958-08", Some(false)),
            ],
        );
    }

    #[test]
    fn the_exact_judge_reads_picks_and_orders_by_shown_number() {
        // Shown as: 1 c, 2 a, 3 b, 4 d.
        let layout = Layout {
            positions: vec![2, 0, 1, 3],
        };
        exact(
            Body::SelectAll {
                options: strings(&["a", "b", "c", "d"]),
                answers: vec![0, 2],
            },
            &layout,
            &[
                ("1 2", Some(true)),
                ("2,1", Some(true)),
                ("1, 2, 2", Some(true)),
                ("2", Some(false)),
                ("1 2 3", Some(false)),
                ("3 4", Some(false)),
                ("1 9", None),
                ("1 x", None),
            ],
        );
        let layout = Layout {
            positions: vec![2, 0, 1],
        };
        exact(
            Body::Order {
                items: strings(&["first", "second", "third"]),
                keys: Vec::new(),
                direction: None,
            },
            &layout,
            &[
                ("2 3 1", Some(true)),
                ("2,3,1", Some(true)),
                (" 2, 3, 1 ", Some(true)),
                ("1 2 3", Some(false)),
                ("3 2 1", Some(false)),
                ("2 3", None),
                ("2 3 1 1", None),
                ("2 3 x", None),
            ],
        );
    }

    #[test]
    fn every_judge_handle_judges_like_the_judge() {
        let question = question(Body::TrueFalse { answer: true });
        let layout = Layout::identity(0);
        let handles: [Box<dyn Judge>; 4] = [
            Box::new(&ExactJudge),
            Box::new(Box::new(ExactJudge) as Box<dyn Judge>),
            Box::new(std::rc::Rc::new(ExactJudge)),
            Box::new(std::sync::Arc::new(ExactJudge)),
        ];
        for handle in &handles {
            assert_eq!(handle.judge(&question, &layout, "yes"), Verdict::Correct);
            assert_eq!(handle.judge(&question, &layout, "no"), Verdict::Wrong);
        }
    }
}
