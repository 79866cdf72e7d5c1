//! The difficulty formula: how obscure the entities are, how alike the options are, how many facts a
//! question joins, and how hard its type is to answer, added into one score.
//!
//! ```text
//! score = obscurity + similarity + joins + type weight (+ 0.5 when attributed to one source)
//!
//! obscurity   = mean prominence of the subject and the answer entity, minus 1   (0 well known .. 2 obscure)
//! similarity  = share of wrong options that are plausible (objects of the same relation elsewhere),
//!               or for a ladder 1 − 2 × step/answer clamped to 0..1 (close rungs are hard)  (0 .. 1)
//!               typed answers (free text, numeric, date) count 1: nothing to recognise
//! joins       = 1 for each fact beyond the first a question needs (two-step: 1)
//! type weight = true/false −0.5; multiple choice, quote 0; numeric, date, free text +0.5;
//!               select-all +0.5; order +0.5, +0.25 per item beyond three
//!
//! easy: score < 1     medium: 1 ≤ score < 2     hard: score ≥ 2
//! ```
//!
//! So a true/false statement about well-known people is easy, a multiple choice about entities known to
//! fans is medium, and a two-step question about an obscure entity is hard.

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
        }
    }
}

/// The score of the formula in the module docs.
pub fn score(traits: &Traits) -> f64 {
    let obscurity = (traits.prominence - 1.0).clamp(0.0, 2.0);
    let typed = matches!(
        traits.kind,
        QuestionType::FreeText | QuestionType::Numeric | QuestionType::Date
    );
    let similarity = if typed {
        1.0
    } else {
        traits.similarity.clamp(0.0, 1.0)
    };
    let weight = match traits.kind {
        QuestionType::TrueFalse => -0.5,
        QuestionType::MultipleChoice | QuestionType::Quote => 0.0,
        QuestionType::Numeric | QuestionType::Date | QuestionType::FreeText => 0.5,
        QuestionType::SelectAll => 0.5,
        QuestionType::Order => 0.5 + 0.25 * traits.items.saturating_sub(3) as f64,
    };
    let attributed = if traits.attributed { 0.5 } else { 0.0 };
    obscurity + similarity + f64::from(traits.joins) + weight + attributed
}

/// Easy below 1, medium below 2, hard from 2.
pub fn level(score: f64) -> Difficulty {
    if score < 1.0 {
        Difficulty::Easy
    } else if score < 2.0 {
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
