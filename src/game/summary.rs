//! The end-of-game summary: scores, accuracy, longest streaks, a per-category breakdown and every
//! question's outcome, in a stable order so seeded transcripts never change.

use serde::{Deserialize, Serialize};

use super::{Game, Mode};

/// How a game ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// Every question was asked.
    Completed,
    /// Survival: the last life was lost.
    OutOfLives,
    /// Survival: no questions were left.
    OutOfQuestions,
    /// The player quit, input ended or Ctrl-C was pressed.
    Quit,
}

/// What became of one asked question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Correct,
    Wrong,
    Skipped,
}

/// One asked and closed question, for the summary and the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionOutcome {
    /// Position in the game (0-based).
    pub number: usize,
    pub id: String,
    pub category: String,
    pub player: usize,
    pub outcome: Outcome,
    pub points: u32,
}

/// Right answers out of answered questions in one category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryStats {
    pub category: String,
    pub correct: u32,
    pub answered: u32,
}

/// One player's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlayerSummary {
    pub name: String,
    pub score: u64,
    pub correct: u32,
    pub wrong: u32,
    pub skipped: u32,
    pub longest_streak: u32,
    /// Sorted by category name.
    pub categories: Vec<CategoryStats>,
}

impl PlayerSummary {
    /// Questions answered right or wrong (skips do not count).
    pub fn answered(&self) -> u32 {
        self.correct + self.wrong
    }

    /// Right answers in percent of answered questions, rounded down; `None` before any answer.
    pub fn accuracy_percent(&self) -> Option<u32> {
        let answered = self.answered();
        (answered > 0).then(|| self.correct * 100 / answered)
    }
}

/// The game's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub mode: Mode,
    pub end: End,
    /// Questions the game held when it started.
    pub planned: usize,
    /// In turn order.
    pub players: Vec<PlayerSummary>,
    /// Every closed question in the order asked (a question open when the game was quit is left out).
    pub outcomes: Vec<QuestionOutcome>,
}

impl Summary {
    /// Wrong and skipped questions, in the order asked.
    pub fn missed(&self) -> impl Iterator<Item = &QuestionOutcome> {
        self.outcomes
            .iter()
            .filter(|outcome| outcome.outcome != Outcome::Correct)
    }

    /// Whether the game ended before its natural end.
    pub fn quit(&self) -> bool {
        self.end == End::Quit
    }
}

pub(super) fn build(game: &Game) -> Summary {
    let mut outcomes = Vec::new();
    let mut players: Vec<PlayerSummary> = game
        .seats
        .iter()
        .map(|seat| PlayerSummary {
            name: seat.name.clone(),
            score: seat.score,
            correct: 0,
            wrong: 0,
            skipped: 0,
            longest_streak: seat.longest_streak,
            categories: Vec::new(),
        })
        .collect();
    let mut categories: Vec<Vec<(&str, u32, u32)>> = vec![Vec::new(); players.len()];
    for (number, asked) in game.asked.iter().enumerate() {
        let Some(outcome) = asked.outcome else {
            continue;
        };
        let question = &game.questions[number];
        let player = &mut players[asked.player];
        match outcome {
            Outcome::Correct => player.correct += 1,
            Outcome::Wrong => player.wrong += 1,
            Outcome::Skipped => player.skipped += 1,
        }
        if outcome != Outcome::Skipped {
            let list = &mut categories[asked.player];
            let at = match list.iter().position(|entry| entry.0 == question.category) {
                Some(at) => at,
                None => {
                    list.push((question.category.as_str(), 0, 0));
                    list.len() - 1
                }
            };
            list[at].1 += u32::from(outcome == Outcome::Correct);
            list[at].2 += 1;
        }
        outcomes.push(QuestionOutcome {
            number,
            id: question.id.clone(),
            category: question.category.clone(),
            player: asked.player,
            outcome,
            points: asked.points,
        });
    }
    for (player, mut categories) in players.iter_mut().zip(categories) {
        categories.sort_unstable_by(|a, b| a.0.cmp(b.0));
        player.categories = categories
            .into_iter()
            .map(|(category, correct, answered)| CategoryStats {
                category: category.to_string(),
                correct,
                answered,
            })
            .collect();
    }
    Summary {
        mode: game.config.mode,
        end: game.end.unwrap_or(End::Quit),
        planned: game.questions.len(),
        players,
        outcomes,
    }
}
