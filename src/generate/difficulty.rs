//! The difficulty formula: how obscure the entities are, how alike the options are, how many facts a
//! question joins, and how hard its type is to answer, added into one score.
//!
//! ```text
//! score = obscurity + type weight + joins + interest + figure (+ 0.5 when attributed to one source)
//!
//! obscurity   = mean prominence of the subject and the answer entity, minus 1   (0 well known .. 2 obscure)
//! type weight = true/false −0.5; multiple choice, quote 0; select-all +0.5; free text +0.75;
//!               numeric, date +1; order +0.5, +0.25 per item beyond three
//! joins       = 1 for each fact beyond the first a question needs (two-step: 1)
//! interest    = 0.5 × (2 − interest of the asked facts): headline facts −0.5, dull ones +0.5
//! figure      = +0.5 when the answer is an exact figure (a date, an amount, a percentage, a score, a
//!               number above a dozen: "4 parts" is counted, not remembered)
//!
//! easy: score < 0.75     medium: 0.75 ≤ score < 1.75     hard: score ≥ 1.75
//! ```
//!
//! So the series' main people and headline facts are easy ("Who directed the series?", "Jimmy Iovine
//! appears as himself"), names from the credits, exact dates and figures from reviews are hard, and a
//! two-step question about a well-known person is medium rather than hard.

use crate::question::{Difficulty, QuestionType};

/// What the formula looks at, gathered by the question builders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Traits {
    /// The question's type, which sets its weight.
    pub kind: QuestionType,
    /// Mean prominence (1 well known .. 3 obscure) of the entities the question turns on.
    pub prominence: f64,
    /// How alike the options are, 0..1 (see the module docs).
    pub similarity: f64,
    /// Facts joined beyond the first.
    pub joins: u8,
    /// Items to order, options to pick among.
    pub items: usize,
    /// Asked "according to" one source because the sources disagree.
    pub attributed: bool,
    /// Lowest author-marked interest of the facts asked (0 to 3; 2 when unmarked).
    pub interest: u8,
    /// The answer is an exact figure: a number, an amount, a date or a score.
    pub figure: bool,
}

impl Traits {
    /// Traits for a question of `kind` about entities of the given mean prominence.
    pub fn new(kind: QuestionType, prominence: f64) -> Traits {
        Traits {
            kind,
            prominence,
            similarity: 0.0,
            joins: 0,
            items: 0,
            attributed: false,
            interest: 2,
            figure: false,
        }
    }
}

/// The score of the formula in the module docs.
pub fn score(traits: &Traits) -> f64 {
    let obscurity = (traits.prominence - 1.0).clamp(0.0, 2.0);
    let weight = match traits.kind {
        QuestionType::TrueFalse => -0.5,
        QuestionType::MultipleChoice | QuestionType::Quote => 0.0,
        QuestionType::SelectAll => 0.5,
        QuestionType::FreeText => 0.75,
        QuestionType::Numeric | QuestionType::Date => 1.0,
        QuestionType::Order => 0.5 + 0.25 * traits.items.saturating_sub(3) as f64,
    };
    let interest = 0.5 * (2.0 - f64::from(traits.interest.min(3)));
    let figure = if traits.figure { 0.5 } else { 0.0 };
    let attributed = if traits.attributed { 0.5 } else { 0.0 };
    obscurity + weight + f64::from(traits.joins) + interest + figure + attributed
}

/// Easy below 0.75, medium below 1.75, hard from 1.75.
pub fn level(score: f64) -> Difficulty {
    if score < 0.75 {
        Difficulty::Easy
    } else if score < 1.75 {
        Difficulty::Medium
    } else {
        Difficulty::Hard
    }
}

/// The difficulty of a question with these traits.
pub fn rate(traits: &Traits) -> Difficulty {
    level(score(traits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_examples_hold() {
        let true_false = Traits::new(QuestionType::TrueFalse, 1.0);
        assert_eq!(rate(&true_false), Difficulty::Easy);
        let fans = Traits {
            similarity: 0.3,
            ..Traits::new(QuestionType::MultipleChoice, 2.0)
        };
        assert_eq!(rate(&fans), Difficulty::Medium);
        // "Who directed the series?": a headline fact about people fans know.
        let headline = Traits {
            interest: 3,
            ..fans
        };
        assert_eq!(rate(&headline), Difficulty::Easy);
        // "Jimmy Iovine appears as himself" (true/false) is easy.
        assert_eq!(
            rate(&Traits::new(QuestionType::TrueFalse, 2.0)),
            Difficulty::Easy
        );
        // A typed score from the reviews is hard.
        let figure = Traits {
            figure: true,
            ..Traits::new(QuestionType::Numeric, 2.0)
        };
        assert_eq!(rate(&figure), Difficulty::Hard);
        let two_step = Traits {
            joins: 1,
            ..Traits::new(QuestionType::MultipleChoice, 3.0)
        };
        assert_eq!(rate(&two_step), Difficulty::Hard);
    }

    #[test]
    fn joining_facts_never_makes_a_question_easier() {
        for kind in QuestionType::ALL {
            let one = Traits::new(kind, 2.0);
            let two = Traits { joins: 1, ..one };
            assert!(score(&two) > score(&one));
        }
    }
}
