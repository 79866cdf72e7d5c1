//! Each player's history: every game and every answer, Leitner boxes for review and high scores.
//!
//! The types here are pure data (and the JSON format of `trivia history export`). They are kept in one
//! SQLite database in the data directory, [`Database`]: one row per game and one per answer, written as
//! each answer is given, so a game killed half-way keeps what was answered and two games of one player
//! at the same time both land. [`GameLog`] is the layer a front end puts over a game to record it; the
//! game itself does no I/O. Histories kept as JSON files by earlier versions are imported once,
//! automatically ([`legacy`]). Times are Unix seconds passed in by the caller; nothing here but
//! [`GameLog`]'s caller reads the clock.
//!
//! # The database API
//!
//! - [`Database::open`]`(data_dir)` opens (or creates, mode 0600) `history.sqlite3`, moves a damaged
//!   one aside and imports old JSON histories; [`Opened::warnings`] says what happened.
//! - Games: [`Database::begin_game`], [`Database::record_answer`], [`Database::finish_game`]; reads:
//!   [`Database::players`], [`Database::player_history`], [`Database::due`],
//!   [`Database::recent_ids`].
//! - Question reports: [`Database::record_report`]`(&`[`NewReport`]`)` stores a player's report on a
//!   question (its id, where it came from as `file:line` or `generated`, the reason and the time);
//!   [`Database::list_reports`] returns them oldest first as [`Report`]s.

pub mod database;
mod games;
pub mod legacy;
pub mod live;
mod reports;
pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::game::{End, Mode, Outcome};

pub use database::{Database, Opened};
pub use games::{GameId, NewGame};
pub use live::GameLog;
pub use reports::{NewReport, Report};

/// The file format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// Games whose questions count as recent and are avoided while others remain.
pub const RECENT_GAMES: usize = 3;

/// High scores kept per mode.
pub const HIGH_SCORES_KEPT: usize = 5;

/// The Leitner boxes: a missed question starts in box 1; each right answer moves it up one box, each
/// wrong answer back to box 1. A question is due again this long after its last answer.
pub const BOX_INTERVALS_SECS: [u64; 5] = [0, DAY, 3 * DAY, 7 * DAY, 21 * DAY];

const DAY: u64 = 24 * 60 * 60;

/// One question's place in the Leitner boxes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// 1 to 5.
    #[serde(rename = "box")]
    pub leitner_box: u8,
    /// When it is due for review (Unix seconds).
    pub due: u64,
    /// Times answered right and wrong since it was first missed.
    pub right: u32,
    pub wrong: u32,
}

impl Card {
    /// The highest box.
    pub const TOP_BOX: u8 = 5;

    /// The card after answering its question with `outcome` at `at`: a miss (wrong or skipped) puts it in
    /// box 1, due at once; a right answer moves a card up one box. A question never missed has no card
    /// and gets none for a right answer. A box out of range (from a damaged file) counts as the nearest
    /// valid one.
    pub fn after(card: Option<Card>, outcome: Outcome, at: u64) -> Option<Card> {
        match outcome {
            Outcome::Wrong | Outcome::Skipped => {
                let mut card = card.unwrap_or(Card {
                    leitner_box: 1,
                    due: at,
                    right: 0,
                    wrong: 0,
                });
                card.leitner_box = 1;
                card.due = at.saturating_add(BOX_INTERVALS_SECS[0]);
                card.wrong = card
                    .wrong
                    .saturating_add(u32::from(outcome == Outcome::Wrong));
                Some(card)
            }
            Outcome::Correct => card.map(|mut card| {
                card.leitner_box =
                    (card.leitner_box.clamp(1, Self::TOP_BOX) + 1).min(Self::TOP_BOX);
                card.due = at.saturating_add(BOX_INTERVALS_SECS[usize::from(card.leitner_box - 1)]);
                card.right = card.right.saturating_add(1);
                card
            }),
        }
    }
}

/// One question of a recorded game: one answer in the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// The question's id as the game knew it.
    pub id: String,
    pub category: String,
    pub outcome: Outcome,
    pub points: u32,
    /// A hash of what was asked (prompt, type, answer and options), 16 hex digits: tells a reworded
    /// question from the one answered before under the same id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    /// What the player typed (none for a skip).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Time taken to answer, in milliseconds, when measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u64>,
    /// The hint was used.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hinted: bool,
    /// 50:50 was used.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fifty_fifty: bool,
    /// The answer came after the blitz time limit.
    #[serde(default, skip_serializing_if = "is_false")]
    pub timed_out: bool,
    /// When it was answered (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl QuestionRecord {
    /// A record with only what a game summary knows (id, category, outcome, points).
    pub fn bare(id: &str, category: &str, outcome: Outcome, points: u32) -> Self {
        QuestionRecord {
            id: id.to_string(),
            category: category.to_string(),
            outcome,
            points,
            content_hash: None,
            answer: None,
            elapsed_ms: None,
            hinted: false,
            fifty_fifty: false,
            timed_out: false,
            at: None,
        }
    }
}

/// One recorded game of one player.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GameRecord {
    /// When it ended (Unix seconds).
    pub at: u64,
    pub mode: Mode,
    pub end: End,
    pub seed: u64,
    pub score: u64,
    pub correct: u32,
    pub wrong: u32,
    pub skipped: u32,
    pub longest_streak: u32,
    /// Other players, in hot-seat.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opponents: Vec<String>,
    /// The game never ended (it was killed, or is still being played): its totals count what was
    /// answered.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unfinished: bool,
    pub questions: Vec<QuestionRecord>,
}

/// A high score in one mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HighScore {
    pub score: u64,
    pub at: u64,
    pub correct: u32,
    pub answered: u32,
}

/// Everything kept about one player.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerHistory {
    pub version: u32,
    pub player: String,
    /// Oldest first.
    #[serde(default)]
    pub games: Vec<GameRecord>,
    /// By question id.
    #[serde(default)]
    pub leitner: BTreeMap<String, Card>,
    /// By mode name, best first.
    #[serde(default)]
    pub high_scores: BTreeMap<String, Vec<HighScore>>,
}

/// What recording a game changed, for the closing message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// The game set the best score of its mode (and a score existed before).
    pub new_best: bool,
    /// Questions now due for review.
    pub due_for_review: usize,
}

impl PlayerHistory {
    /// An empty history for `player`.
    pub fn new(player: &str) -> Self {
        PlayerHistory {
            version: FORMAT_VERSION,
            player: player.to_string(),
            games: Vec::new(),
            leitner: BTreeMap::new(),
            high_scores: BTreeMap::new(),
        }
    }

    /// Moves every record kept under a question id that `rename` maps to a new id (generated questions
    /// are now identified by what they ask, not their wording): review boxes and recent games follow
    /// their questions. A box already kept under the new id wins.
    pub fn follow_renamed_ids(&mut self, rename: impl Fn(&str) -> Option<&'static str>) {
        let renamed: Vec<(String, &str)> = self
            .leitner
            .keys()
            .filter_map(|old| rename(old).map(|new| (old.clone(), new)))
            .collect();
        for (old, new) in renamed {
            if let Some(card) = self.leitner.remove(&old) {
                self.leitner.entry(new.to_string()).or_insert(card);
            }
        }
        for game in &mut self.games {
            for question in &mut game.questions {
                if let Some(new) = rename(&question.id) {
                    question.id = new.to_string();
                }
            }
        }
    }

    /// How many questions are in each Leitner box (index 0 is box 1).
    pub fn box_counts(&self) -> [usize; 5] {
        let mut counts = [0; 5];
        for card in self.leitner.values() {
            counts[usize::from(card.leitner_box.clamp(1, 5) - 1)] += 1;
        }
        counts
    }
}

/// A Unix time as `2026-05-04 13:22 UTC`.
pub fn format_time(secs: u64) -> String {
    let days = (secs / DAY) as i64;
    let (year, month, day) = civil_from_days(days);
    let rest = secs % DAY;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Howard Hinnant's civil_from_days: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000;

    #[test]
    fn review_boxes_follow_questions_whose_generated_id_was_reworded() {
        let mut history = PlayerHistory::new("ann");
        let card = Card {
            leitner_box: 2,
            due: NOW,
            right: 1,
            wrong: 1,
        };
        history.leitner.insert("g-old".into(), card.clone());
        history.leitner.insert("p-kept".into(), card.clone());
        history.follow_renamed_ids(|id| (id == "g-old").then_some("g-new"));
        assert_eq!(history.leitner.get("g-new"), Some(&card));
        assert!(history.leitner.contains_key("p-kept"));
        assert!(!history.leitner.contains_key("g-old"));
    }

    #[test]
    fn regression_a_card_in_box_255_does_not_panic() {
        let card = Card {
            leitner_box: 255,
            due: 0,
            right: 0,
            wrong: 1,
        };
        let moved = Card::after(Some(card.clone()), Outcome::Correct, NOW).unwrap();
        assert_eq!(moved.leitner_box, 5);
        assert_eq!(moved.due, NOW + BOX_INTERVALS_SECS[4]);
        let missed = Card::after(Some(card), Outcome::Wrong, NOW).unwrap();
        assert_eq!((missed.leitner_box, missed.wrong), (1, 2));
        let zero = Card {
            leitner_box: 0,
            due: u64::MAX,
            right: u32::MAX,
            wrong: 0,
        };
        let moved = Card::after(Some(zero), Outcome::Correct, u64::MAX).unwrap();
        assert_eq!(
            (moved.leitner_box, moved.due, moved.right),
            (2, u64::MAX, u32::MAX)
        );
    }

    #[test]
    fn times_format_as_utc() {
        assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(
            format_time(1_499_558_400 + 3_600 * 21),
            "2017-07-09 21:00 UTC"
        );
    }
}
