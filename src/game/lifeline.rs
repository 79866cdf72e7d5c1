//! The lifelines: 50:50 (take away half the wrong options), skip, and hint (first letters, or a narrower
//! range for a number or a year). Each is a pure function of the question, its layout and the game's RNG.

use std::fmt;

use serde::Serialize;

use crate::question::{Body, Layout, Question, format_number_with_unit};
use crate::rng::{self, SeededRng};

/// A lifeline a player can call instead of answering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifeline {
    /// Removes half of the wrong options of a multiple-choice or quote question; once per game.
    FiftyFifty,
    /// Moves on without answering: no points, no life lost, streak kept; once per game.
    Skip,
    /// First letters of the answer, or a narrower range for a number; halves the points of this question.
    Hint,
}

impl Lifeline {
    /// The name shown to players.
    pub fn name(self) -> &'static str {
        match self {
            Lifeline::FiftyFifty => "50:50",
            Lifeline::Skip => "skip",
            Lifeline::Hint => "hint",
        }
    }
}

impl fmt::Display for Lifeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a lifeline or action was refused; the question stays open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// This player already used the lifeline in this game.
    AlreadyUsed(Lifeline),
    /// 50:50 needs a multiple-choice question with at least three options.
    FiftyFiftyNeedsChoices,
    /// The hint was already given for this question.
    HintAlreadyGiven,
    /// True/false and multiple-choice questions have no hint (50:50 is their lifeline).
    NoHintForType,
    /// No question is waiting for an answer.
    NoOpenQuestion,
    /// A question is waiting for an answer; answer, use a lifeline or quit.
    QuestionOpen,
    /// The game is over.
    GameOver,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::AlreadyUsed(lifeline) => write!(f, "{lifeline} was already used in this game"),
            Refusal::FiftyFiftyNeedsChoices => {
                f.write_str("50:50 works on multiple-choice questions with three or more options")
            }
            Refusal::HintAlreadyGiven => {
                f.write_str("the hint for this question was already given")
            }
            Refusal::NoHintForType => f.write_str(
                "there is no hint for this kind of question (try 50:50 on multiple choice)",
            ),
            Refusal::NoOpenQuestion => f.write_str("no question is waiting for an answer"),
            Refusal::QuestionOpen => f.write_str("a question is waiting for an answer"),
            Refusal::GameOver => f.write_str("the game is over"),
        }
    }
}

/// The layout left after 50:50: the right option and half as many wrong ones as before (rounded up),
/// in their shown order. `None` when the question has no options to remove.
pub fn fifty_fifty(question: &Question, layout: &Layout, rng: &mut SeededRng) -> Option<Layout> {
    let answer = match &question.body {
        Body::MultipleChoice { answer, .. } | Body::Quote { answer, .. } => *answer,
        _ => return None,
    };
    if layout.positions.len() < 3 {
        return None;
    }
    let wrong: Vec<usize> = layout
        .positions
        .iter()
        .copied()
        .filter(|&index| index != answer)
        .collect();
    let remove = layout.positions.len() / 2;
    let removed: Vec<usize> = rng::sample_indices(rng, wrong.len(), remove)
        .into_iter()
        .map(|pick| wrong[pick])
        .collect();
    Some(Layout {
        positions: layout
            .positions
            .iter()
            .copied()
            .filter(|index| !removed.contains(index))
            .collect(),
    })
}

/// The hint for a question, or `None` for types that have none.
pub fn hint(question: &Question, rng: &mut SeededRng) -> Option<String> {
    match &question.body {
        Body::FreeText { answer, .. } => Some(format!("It looks like: {}", first_letters(answer))),
        Body::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            let percent = unit.as_deref() == Some("%");
            let (low, high) = numeric_range(*answer, *tolerance, percent, rng);
            // `between US$2 billion and US$4 billion`, `between 80% and 100%`, `between 3 and 8 years`.
            let symbol = matches!(unit.as_deref(), Some("US$" | "$" | "%") | None | Some(""));
            let low_text = if symbol {
                format_number_with_unit(low, unit.as_deref())
            } else {
                format_number_with_unit(low, None)
            };
            Some(format!(
                "It is between {low_text} and {}.",
                format_number_with_unit(high, unit.as_deref())
            ))
        }
        Body::Date { answer, .. } => Some(match answer.month {
            Some(_) => format!("It was in {}.", answer.year),
            None => {
                let (low, high) = year_range(answer.year, rng);
                format!("It was between {low} and {high}.")
            }
        }),
        Body::Order { items, .. } => items.first().map(|first| format!("First comes: {first}")),
        Body::SelectAll { answers, .. } => Some(match answers.len() {
            1 => "Exactly one option is right.".to_string(),
            count => format!("Exactly {count} options are right."),
        }),
        Body::MultipleChoice { .. } | Body::Quote { .. } | Body::TrueFalse { .. } => None,
    }
}

/// `Sidney Poitier` → `S_____ P______`: the first letter of each word, the rest as underscores;
/// punctuation and digits other than the first stay visible.
pub fn first_letters(answer: &str) -> String {
    answer
        .split(' ')
        .map(|word| {
            word.chars()
                .enumerate()
                .map(|(at, c)| {
                    if at == 0 || !c.is_alphanumeric() {
                        c
                    } else {
                        '_'
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A decade-wide window of years containing `year`, not centred on it.
fn year_range(year: i32, rng: &mut SeededRng) -> (i32, i32) {
    let offset = rng::below(rng, 10) as i32;
    (year - offset, year - offset + 9)
}

/// A range around `answer` about half its size wide (at least four tolerances, at least 4), with the
/// answer at a random place inside it; ends rounded outwards to whole numbers for whole answers.
fn numeric_range(answer: f64, tolerance: f64, percent: bool, rng: &mut SeededRng) -> (f64, f64) {
    let looks_like_year = answer.fract() == 0.0 && (1000.0..=2100.0).contains(&answer);
    let width = if looks_like_year {
        10.0
    } else if percent {
        20.0_f64.max(tolerance * 4.0)
    } else {
        (answer.abs() * 0.5).max(tolerance * 4.0).max(4.0)
    };
    let share = f64::from(rng::below(rng, 9) + 1) / 10.0;
    let mut low = answer - width * share;
    let mut high = low + width;
    if answer.fract() == 0.0 {
        low = low.floor();
        high = high.ceil();
    }
    if answer >= 0.0 && low < 0.0 {
        high -= low;
        low = 0.0;
    }
    // A share of a whole stays within 0% to 100%.
    if percent && (0.0..=100.0).contains(&answer) && high > 100.0 {
        low -= high - 100.0;
        high = 100.0;
    }
    (low, high)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::game::demo;
    use crate::question::PartialDate;

    #[test]
    fn first_letters_keep_shape() {
        assert_eq!(first_letters("Sidney Poitier"), "S_____ P______");
        assert_eq!(first_letters("Stanley Kramer's"), "S______ K_____'_");
    }

    #[test]
    fn numeric_hint_contains_the_answer() {
        for seed in 0..50 {
            let mut rng = SeededRng::from_seed(seed);
            let (low, high) = numeric_range(1958.0, 0.0, false, &mut rng);
            assert!(low <= 1958.0 && 1958.0 <= high && high - low <= 11.0);
            let (low, high) = numeric_range(2.0, 0.0, false, &mut rng);
            assert!((0.0..=2.0).contains(&low) && high >= 2.0);
            let (low, high) = numeric_range(100.0, 0.0, true, &mut rng);
            assert!(low <= 100.0 && high == 100.0 && low >= 79.0, "{low} {high}");
        }
    }

    /// Regression (found by mutation testing: the width rules, the answer's place and the clamping at 0
    /// and 100% could change unnoticed while the range still held the answer): a numeric hint spans
    /// half the answer (at least four tolerances, at least 4; 20 points for a share, a decade for a
    /// year), puts the answer at a random tenth of it, never goes below 0 for a positive answer nor past
    /// 100% for a share of a whole.
    #[test]
    fn numeric_hint_ranges_have_the_documented_width_and_place() {
        // (answer, tolerance, percent, width)
        let cases = [
            (10.5, 0.0, false, 5.25),
            (30.5, 2.0, false, 15.25),
            (30.5, 6.0, false, 24.0),
            (-30.5, 0.0, false, 15.25),
            (5.5, 0.0, false, 4.0),
            (50.5, 0.0, true, 20.0),
            (50.5, 6.0, true, 24.0),
            (150.5, 0.0, true, 20.0),
        ];
        for (answer, tolerance, percent, width) in cases {
            let mut tenths = BTreeSet::new();
            for seed in 0..100 {
                let mut rng = SeededRng::from_seed(seed);
                let (low, high) = numeric_range(answer, tolerance, percent, &mut rng);
                let case =
                    format!("{answer} ±{tolerance} (%: {percent}), seed {seed}: {low}..{high}");
                assert!((high - low - width).abs() < 1e-9, "width {width}: {case}");
                let tenth = (answer - low) / width * 10.0;
                assert!((tenth - tenth.round()).abs() < 1e-6, "{case}");
                tenths.insert(tenth.round() as i64);
            }
            assert_eq!(
                tenths.into_iter().collect::<Vec<_>>(),
                (1..=9).collect::<Vec<_>>(),
                "the answer sits at every tenth of the range: {answer}"
            );
        }
        // Whole answers get whole ends; a year gets a decade around it.
        for (answer, width) in [(1958.0, 10.0), (2500.0, 1250.0), (40.0, 20.0)] {
            for seed in 0..100 {
                let (low, high) =
                    numeric_range(answer, 0.0, false, &mut SeededRng::from_seed(seed));
                let case = format!("{answer}, seed {seed}: {low}..{high}");
                assert!(low <= answer && answer <= high, "{case}");
                assert_eq!((low.fract(), high.fract()), (0.0, 0.0), "{case}");
                assert!(width <= high - low && high - low <= width + 2.0, "{case}");
            }
        }
        // Clamped ends keep the width: at 0 for a small positive answer, at 100 for a share near it;
        // a number that is not a share may pass 100.
        let ranges = |answer: f64, percent: bool| {
            (0..100).map(move |seed| {
                numeric_range(answer, 0.0, percent, &mut SeededRng::from_seed(seed))
            })
        };
        for (low, high) in ranges(1.5, false) {
            assert!((0.0..=1.5).contains(&low) && 1.5 <= high, "{low}..{high}");
            assert!((high - low - 4.0).abs() < 1e-9, "{low}..{high}");
        }
        assert!(ranges(1.5, false).any(|(low, _)| low == 0.0));
        for (low, high) in ranges(95.5, true) {
            assert!(low <= 95.5 && high <= 100.0, "{low}..{high}");
            assert!((high - low - 20.0).abs() < 1e-9, "{low}..{high}");
        }
        assert!(ranges(95.5, true).any(|(_, high)| high == 100.0));
        assert!(ranges(99.5, false).any(|(_, high)| high > 100.0));
    }

    /// The numbers in a hint, in order.
    fn numbers(text: &str) -> Vec<f64> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter_map(|part| part.trim_end_matches('.').parse().ok())
            .collect()
    }

    #[test]
    fn hints_for_shares_years_and_dates_read_as_promised() {
        let ask = |body: Body| Question {
            id: "h".to_string(),
            prompt: "How much?".to_string(),
            body,
            category: "test".to_string(),
            difficulty: crate::question::Difficulty::Easy,
            explanation: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            time_limit: None,
        };
        let share = ask(Body::Numeric {
            answer: 95.0,
            tolerance: 0.0,
            unit: Some("%".to_string()),
        });
        let year = ask(Body::Date {
            answer: PartialDate::year(1958),
            tolerance_days: 0,
        });
        let month = ask(Body::Date {
            answer: PartialDate {
                year: 1958,
                month: Some(7),
                day: None,
            },
            tolerance_days: 0,
        });
        let mut starts = BTreeSet::new();
        for seed in 0..100 {
            let mut rng = SeededRng::from_seed(seed);
            let text = hint(&share, &mut rng).unwrap();
            assert!(
                text.starts_with("It is between ") && text.ends_with("%."),
                "{text}"
            );
            assert_eq!(text.matches('%').count(), 2, "{text}");
            let [low, high] = numbers(&text)[..] else {
                panic!("{text}")
            };
            assert!(low <= 95.0 && high <= 100.0 && high - low == 20.0, "{text}");
            let text = hint(&year, &mut rng).unwrap();
            let [low, high] = numbers(&text)[..] else {
                panic!("{text}")
            };
            assert_eq!(text, format!("It was between {low} and {high}."));
            assert!(
                low <= 1958.0 && 1958.0 <= high && high - low == 9.0,
                "{text}"
            );
            starts.insert(low as i64);
            assert_eq!(hint(&month, &mut rng).unwrap(), "It was in 1958.");
        }
        assert_eq!(
            starts.into_iter().collect::<Vec<_>>(),
            (1949..=1958).collect::<Vec<_>>(),
            "the year sits anywhere in its decade"
        );
    }

    /// Regression (found by mutation testing: `len < 3` could be `<= 3` or `== 3` unnoticed): 50:50
    /// needs three options on screen. On three it leaves the answer and one wrong option; on two (a
    /// two-option question, or four already halved) it removes nothing.
    #[test]
    fn fifty_fifty_needs_three_options_on_screen() {
        let choice = |options: &[&str]| Question {
            id: "c".to_string(),
            prompt: "Which?".to_string(),
            body: Body::MultipleChoice {
                options: options.iter().map(|o| o.to_string()).collect(),
                answer: 1,
                aliases: Vec::new(),
            },
            category: "test".to_string(),
            difficulty: crate::question::Difficulty::Easy,
            explanation: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            time_limit: None,
        };
        for seed in 0..10 {
            let mut rng = SeededRng::from_seed(seed);
            let three = choice(&["a", "b", "c"]);
            let left = fifty_fifty(&three, &Layout::identity(3), &mut rng).unwrap();
            assert_eq!(left.positions.len(), 2);
            assert!(left.positions.contains(&1));
            let two = choice(&["a", "b"]);
            assert_eq!(fifty_fifty(&two, &Layout::identity(2), &mut rng), None);
            let four = choice(&["a", "b", "c", "d"]);
            let halved = fifty_fifty(&four, &Layout::identity(4), &mut rng).unwrap();
            assert_eq!(fifty_fifty(&four, &halved, &mut rng), None);
        }
    }

    #[test]
    fn fifty_fifty_keeps_the_answer_and_half_the_rest() {
        let question = demo::questions()
            .into_iter()
            .find(|q| matches!(&q.body, Body::MultipleChoice { options, .. } if options.len() == 4))
            .unwrap();
        let Body::MultipleChoice { answer, .. } = question.body else {
            unreachable!()
        };
        for seed in 0..20 {
            let layout = fifty_fifty(
                &question,
                &Layout::identity(4),
                &mut SeededRng::from_seed(seed),
            )
            .unwrap();
            assert_eq!(layout.positions.len(), 2);
            assert!(layout.positions.contains(&answer));
        }
    }
}
