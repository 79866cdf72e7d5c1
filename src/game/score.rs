//! Points for one answer: base points by difficulty, the hint penalty, the blitz speed factor and the
//! capped streak bonus, all in integer arithmetic so every machine scores a seeded game alike.

use serde::Serialize;

use crate::question::Difficulty;

/// Milliseconds, as measured by a front end (the core never reads a clock).
pub type Millis = u64;

/// Which scoring rules are on; every rule can be switched off from the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ScoreRules {
    /// +10% per consecutive right answer after the first, capped at +50%.
    pub streak_bonus: bool,
    /// In blitz, points × (1 − elapsed/limit ÷ 2).
    pub speed_bonus: bool,
}

impl Default for ScoreRules {
    fn default() -> Self {
        ScoreRules {
            streak_bonus: true,
            speed_bonus: true,
        }
    }
}

/// Base points of a question: easy 100, medium 200, hard 300.
pub fn base_points(difficulty: Difficulty) -> u32 {
    match difficulty {
        Difficulty::Easy => 100,
        Difficulty::Medium => 200,
        Difficulty::Hard => 300,
    }
}

/// Streak bonus in percent for the `streak`-th right answer in a row (counting this one): 0, 10, 20, ...
/// capped at 50.
pub fn streak_bonus_percent(streak: u32) -> u32 {
    (streak.saturating_sub(1) * 10).min(STREAK_BONUS_CAP)
}

/// The largest streak bonus, in percent.
pub const STREAK_BONUS_CAP: u32 = 50;

/// Everything that decides the points of one right answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scoring {
    pub difficulty: Difficulty,
    /// The hint was used on this question.
    pub hinted: bool,
    /// Right answers in a row including this one.
    pub streak: u32,
    /// Time limit and time taken, for the speed factor (blitz only).
    pub timing: Option<(Millis, Millis)>,
}

/// Points earned by a right answer under `rules`.
pub fn points(rules: ScoreRules, scoring: Scoring) -> u32 {
    let mut points = u64::from(base_points(scoring.difficulty));
    if scoring.hinted {
        points /= 2;
    }
    if let (true, Some((limit, elapsed))) = (rules.speed_bonus, scoring.timing) {
        if limit > 0 {
            let elapsed = elapsed.min(limit);
            let denominator = 2 * limit;
            points = (points * (denominator - elapsed) + limit) / denominator;
        }
    }
    if rules.streak_bonus {
        points = (points * u64::from(100 + streak_bonus_percent(scoring.streak)) + 50) / 100;
    }
    u32::try_from(points).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(difficulty: Difficulty, hinted: bool, streak: u32, timing: Option<(u64, u64)>) -> u32 {
        points(
            ScoreRules::default(),
            Scoring {
                difficulty,
                hinted,
                streak,
                timing,
            },
        )
    }

    #[test]
    fn base_points_rise_with_difficulty() {
        assert_eq!(score(Difficulty::Easy, false, 1, None), 100);
        assert_eq!(score(Difficulty::Medium, false, 1, None), 200);
        assert_eq!(score(Difficulty::Hard, false, 1, None), 300);
    }

    #[test]
    fn streak_bonus_grows_by_ten_percent_and_is_capped() {
        assert_eq!(score(Difficulty::Easy, false, 2, None), 110);
        assert_eq!(score(Difficulty::Easy, false, 6, None), 150);
        assert_eq!(score(Difficulty::Easy, false, 60, None), 150);
        let off = ScoreRules {
            streak_bonus: false,
            ..ScoreRules::default()
        };
        let scoring = Scoring {
            difficulty: Difficulty::Easy,
            hinted: false,
            streak: 6,
            timing: None,
        };
        assert_eq!(points(off, scoring), 100);
    }

    /// Regression (found by mutation testing: `limit > 0` could be `limit >= 0` unnoticed): a zero time
    /// limit has no speed factor, and never divides by zero.
    #[test]
    fn a_zero_time_limit_scores_without_a_speed_factor() {
        assert_eq!(score(Difficulty::Medium, false, 1, Some((0, 0))), 200);
        assert_eq!(score(Difficulty::Medium, false, 1, Some((0, 7_000))), 200);
    }

    #[test]
    fn hint_halves_the_points() {
        assert_eq!(score(Difficulty::Hard, true, 1, None), 150);
    }

    #[test]
    fn speed_factor_is_full_at_once_and_half_at_the_limit() {
        assert_eq!(score(Difficulty::Medium, false, 1, Some((10_000, 0))), 200);
        assert_eq!(
            score(Difficulty::Medium, false, 1, Some((10_000, 5_000))),
            150
        );
        assert_eq!(
            score(Difficulty::Medium, false, 1, Some((10_000, 10_000))),
            100
        );
        assert_eq!(
            score(Difficulty::Medium, false, 1, Some((10_000, 99_000))),
            100
        );
        let off = ScoreRules {
            speed_bonus: false,
            ..ScoreRules::default()
        };
        let scoring = Scoring {
            difficulty: Difficulty::Medium,
            hinted: false,
            streak: 1,
            timing: Some((10_000, 10_000)),
        };
        assert_eq!(points(off, scoring), 200);
    }

    #[test]
    fn factors_combine() {
        // 300 → hint 150 → half time 112.5 rounds to 113 → streak 3 (+20%) 135.6 rounds to 136.
        assert_eq!(score(Difficulty::Hard, true, 3, Some((8_000, 4_000))), 136);
    }
}
