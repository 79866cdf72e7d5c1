//! Games and answers in the database: a game's row is written when it starts, each answer as it is
//! given (with the Leitner card it moves, in one transaction), and the totals when it ends. Reading
//! builds a [`PlayerHistory`] back from the rows; high scores are derived from the finished games.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::{
    Card, Database, GameRecord, HIGH_SCORES_KEPT, HighScore, PlayerHistory, QuestionRecord,
    RECENT_GAMES, Recorded,
};
use crate::error::Result;
use crate::game::{End, Mode, Outcome, PlayerSummary};

/// A game's row in the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GameId(pub i64);

/// What is known about a game when it starts.
#[derive(Clone, Debug)]
pub struct NewGame<'a> {
    /// The player whose game this row is (hot-seat games get one row per player).
    pub player: &'a str,
    pub mode: Mode,
    pub seed: u64,
    /// Unix seconds.
    pub started_at: u64,
    /// The other players, in hot-seat.
    pub opponents: &'a [String],
}

/// The key players are told apart by: `Ana` and `ana ` are one player.
pub fn player_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// A count or time for an INTEGER column (SQLite integers are signed 64-bit; larger values saturate).
pub(super) fn to_sql(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// A count or time read back (a negative value, only possible in an edited file, reads as 0).
pub(super) fn from_sql(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

fn from_sql_u32(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

pub(super) fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Correct => "correct",
        Outcome::Wrong => "wrong",
        Outcome::Skipped => "skipped",
    }
}

fn outcome_from(name: &str) -> Option<Outcome> {
    match name {
        "correct" => Some(Outcome::Correct),
        "wrong" => Some(Outcome::Wrong),
        "skipped" => Some(Outcome::Skipped),
        _ => None,
    }
}

pub(super) fn end_name(end: End) -> &'static str {
    match end {
        End::Completed => "completed",
        End::OutOfLives => "out_of_lives",
        End::OutOfQuestions => "out_of_questions",
        End::Quit => "quit",
    }
}

fn end_from(name: &str) -> End {
    match name {
        "completed" => End::Completed,
        "out_of_lives" => End::OutOfLives,
        "out_of_questions" => End::OutOfQuestions,
        _ => End::Quit,
    }
}

/// Inserts a game's starting row.
pub(super) fn insert_game(
    conn: &Connection,
    game: &NewGame<'_>,
    origin: &str,
) -> rusqlite::Result<GameId> {
    let opponents = serde_json::to_string(game.opponents).unwrap_or_else(|_| "[]".to_string());
    conn.execute(
        "INSERT INTO games (player, player_key, mode, seed, started_at, opponents, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            game.player,
            player_key(game.player),
            game.mode.as_str(),
            game.seed as i64,
            to_sql(game.started_at),
            opponents,
            origin
        ],
    )?;
    Ok(GameId(conn.last_insert_rowid()))
}

/// Inserts one answer unless the game already has one with that number; true when it was new.
pub(super) fn insert_answer(
    conn: &Connection,
    game: GameId,
    number: usize,
    record: &QuestionRecord,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "INSERT OR IGNORE INTO answers (game_id, number, question_id, content_hash, category, answer,
             outcome, points, elapsed_ms, hinted, fifty_fifty, timed_out, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            game.0,
            to_sql(number as u64),
            record.id,
            record.content_hash,
            record.category,
            record.answer,
            outcome_name(record.outcome),
            record.points,
            record.elapsed_ms.map(to_sql),
            record.hinted,
            record.fifty_fifty,
            record.timed_out,
            record.at.map(to_sql),
        ],
    )?;
    Ok(changed == 1)
}

pub(super) fn load_card(
    conn: &Connection,
    key: &str,
    question: &str,
) -> rusqlite::Result<Option<Card>> {
    conn.query_row(
        "SELECT box, due, right_count, wrong_count FROM cards WHERE player_key = ?1 AND question_id = ?2",
        params![key, question],
        |row| card_from(row, 0),
    )
    .optional()
}

/// A card from four columns starting at `first`: box, due, right and wrong counts.
fn card_from(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Card> {
    Ok(Card {
        leitner_box: row.get::<_, i64>(first)?.clamp(1, i64::from(Card::TOP_BOX)) as u8,
        due: from_sql(row.get(first + 1)?),
        right: from_sql_u32(row.get(first + 2)?),
        wrong: from_sql_u32(row.get(first + 3)?),
    })
}

/// Writes a card; `replace` false keeps a card already there.
pub(super) fn store_card(
    conn: &Connection,
    key: &str,
    question: &str,
    card: &Card,
    replace: bool,
) -> rusqlite::Result<()> {
    let verb = if replace {
        "INSERT OR REPLACE"
    } else {
        "INSERT OR IGNORE"
    };
    conn.execute(
        &format!(
            "{verb} INTO cards (player_key, question_id, box, due, right_count, wrong_count)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        ),
        params![
            key,
            question,
            card.leitner_box.clamp(1, Card::TOP_BOX),
            to_sql(card.due),
            card.right,
            card.wrong
        ],
    )?;
    Ok(())
}

fn game_player_key(conn: &Connection, game: GameId) -> rusqlite::Result<String> {
    conn.query_row(
        "SELECT player_key FROM games WHERE id = ?1",
        [game.0],
        |row| row.get(0),
    )
}

/// Logs one answer and moves its Leitner card, unless the answer is logged already.
fn log_answer(
    conn: &Connection,
    game: GameId,
    number: usize,
    record: &QuestionRecord,
    at: u64,
) -> rusqlite::Result<()> {
    if insert_answer(conn, game, number, record)? {
        let key = game_player_key(conn, game)?;
        let card = Card::after(load_card(conn, &key, &record.id)?, record.outcome, at);
        if let Some(card) = card {
            store_card(conn, &key, &record.id, &card, true)?;
        }
    }
    Ok(())
}

impl Database {
    /// Writes the row of a game that starts now; its answers follow with [`Database::record_answer`].
    pub fn begin_game(&mut self, game: &NewGame<'_>) -> Result<GameId> {
        insert_game(&self.conn, game, "play").map_err(|source| self.error("write to", source))
    }

    /// Logs answer `number` (0-based position in the game) of `game` at `at` (Unix seconds) and moves the
    /// question's Leitner card, in one transaction. Logging the same number twice keeps the first.
    pub fn record_answer(
        &mut self,
        game: GameId,
        number: usize,
        record: &QuestionRecord,
        at: u64,
    ) -> Result<()> {
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            log_answer(&tx, game, number, record, at)?;
            tx.commit()
        })();
        written.map_err(|source| self.error("write to", source))
    }

    /// Ends `game` at `at`: logs any of `answers` not logged yet, writes the player's totals and `end`,
    /// and says whether it is a new best score and how many questions are due.
    pub fn finish_game(
        &mut self,
        game: GameId,
        player: &PlayerSummary,
        end: End,
        answers: &[(usize, QuestionRecord)],
        at: u64,
    ) -> Result<Recorded> {
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (number, record) in answers {
                log_answer(&tx, game, *number, record, at)?;
            }
            let (key, mode): (String, String) = tx.query_row(
                "SELECT player_key, mode FROM games WHERE id = ?1",
                [game.0],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?;
            let best: Option<i64> = tx.query_row(
                "SELECT max(score) FROM games g WHERE player_key = ?1 AND mode = ?2 AND id != ?3
                   AND ended_at IS NOT NULL AND EXISTS (SELECT 1 FROM answers WHERE game_id = g.id)",
                params![key, mode, game.0],
                |row| row.get(0),
            )?;
            tx.execute(
                "UPDATE games SET ended_at = ?2, end_reason = ?3, score = ?4, correct = ?5, wrong = ?6,
                     skipped = ?7, longest_streak = ?8 WHERE id = ?1",
                params![
                    game.0,
                    to_sql(at),
                    end_name(end),
                    to_sql(player.score),
                    player.correct,
                    player.wrong,
                    player.skipped,
                    player.longest_streak
                ],
            )?;
            let due: i64 = tx.query_row(
                "SELECT count(*) FROM cards WHERE player_key = ?1 AND due <= ?2",
                params![key, to_sql(at)],
                |row| row.get(0),
            )?;
            tx.commit()?;
            Ok(Recorded {
                new_best: !answers.is_empty()
                    && best.is_some_and(|best| to_sql(player.score) > best),
                due_for_review: from_sql(due) as usize,
            })
        })();
        written.map_err(|source: rusqlite::Error| self.error("write to", source))
    }

    /// The players with games here, by the name they used last, sorted.
    pub fn players(&self) -> Result<Vec<String>> {
        let read = (|| {
            let mut statement = self.conn.prepare(
                "SELECT player FROM games WHERE id IN (SELECT max(id) FROM games GROUP BY player_key)
                 ORDER BY player",
            )?;
            statement
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })();
        read.map_err(|source| self.error("read", source))
    }

    /// Ids of `player`'s questions due for review at `now`: lowest box first, then longest overdue, then id.
    pub fn due(&self, player: &str, now: u64) -> Result<Vec<String>> {
        let read = (|| {
            let mut statement = self.conn.prepare(
                "SELECT question_id FROM cards WHERE player_key = ?1 AND due <= ?2
                 ORDER BY box, due, question_id",
            )?;
            statement
                .query_map(params![player_key(player), to_sql(now)], |row| row.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })();
        read.map_err(|source| self.error("read", source))
    }

    /// Question ids from `player`'s last [`RECENT_GAMES`] games.
    pub fn recent_ids(&self, player: &str) -> Result<BTreeSet<String>> {
        let read = (|| {
            let mut statement = self.conn.prepare(
                "SELECT question_id FROM answers WHERE game_id IN
                   (SELECT id FROM games WHERE player_key = ?1 ORDER BY id DESC LIMIT ?2)",
            )?;
            statement
                .query_map(params![player_key(player), RECENT_GAMES as i64], |row| {
                    row.get(0)
                })?
                .collect::<rusqlite::Result<BTreeSet<String>>>()
        })();
        read.map_err(|source| self.error("read", source))
    }

    /// Everything kept about `player` (`None` when they have no games here). A game still in flight, or
    /// killed before it ended, counts what was answered and is marked unfinished.
    pub fn player_history(&self, player: &str) -> Result<Option<PlayerHistory>> {
        self.read_player(player, None)
            .map_err(|source| self.error("read", source))
    }

    /// Like [`Database::player_history`] with only the last `games` games (at least one; high scores and
    /// Leitner boxes still cover every game): quick however long the history.
    pub fn recent_history(&self, player: &str, games: usize) -> Result<Option<PlayerHistory>> {
        self.read_player(player, Some(games))
            .map_err(|source| self.error("read", source))
    }

    /// How many games `player` has played (finished or not).
    pub fn game_count(&self, player: &str) -> Result<usize> {
        self.conn
            .query_row(
                "SELECT count(*) FROM games WHERE player_key = ?1",
                [player_key(player)],
                |row| row.get::<_, i64>(0),
            )
            .map(|count| from_sql(count) as usize)
            .map_err(|source| self.error("read", source))
    }

    /// Right answers and answered questions (skips left out) per category over all of `player`'s games,
    /// sorted by category.
    pub fn category_accuracy(&self, player: &str) -> Result<Vec<(String, u32, u32)>> {
        let read = (|| {
            let mut statement = self.conn.prepare(
                "SELECT a.category, sum(a.outcome = 'correct'), count(*)
                 FROM answers a JOIN games g ON g.id = a.game_id
                 WHERE g.player_key = ?1 AND a.outcome IN ('correct', 'wrong')
                 GROUP BY a.category ORDER BY a.category",
            )?;
            statement
                .query_map([player_key(player)], |row| {
                    Ok((
                        row.get(0)?,
                        from_sql_u32(row.get(1)?),
                        from_sql_u32(row.get(2)?),
                    ))
                })?
                .collect::<rusqlite::Result<Vec<(String, u32, u32)>>>()
        })();
        read.map_err(|source| self.error("read", source))
    }

    /// The best [`HIGH_SCORES_KEPT`] finished games with at least one answer, per mode.
    fn high_scores(&self, key: &str) -> rusqlite::Result<BTreeMap<String, Vec<HighScore>>> {
        let mut statement = self.conn.prepare(
            "SELECT mode, score, ended_at, correct, wrong FROM games g
             WHERE player_key = ?1 AND ended_at IS NOT NULL
               AND EXISTS (SELECT 1 FROM answers WHERE game_id = g.id)
             ORDER BY score DESC, ended_at, id",
        )?;
        let mut rows = statement.query([key])?;
        let mut high_scores: BTreeMap<String, Vec<HighScore>> = BTreeMap::new();
        while let Some(row) = rows.next()? {
            let Some(mode) = Mode::parse(&row.get::<_, String>(0)?) else {
                continue;
            };
            let list = high_scores.entry(mode.as_str().to_string()).or_default();
            if list.len() < HIGH_SCORES_KEPT {
                let correct = from_sql_u32(row.get(3)?);
                list.push(HighScore {
                    score: from_sql(row.get(1)?),
                    at: from_sql(row.get(2)?),
                    correct,
                    answered: correct.saturating_add(from_sql_u32(row.get(4)?)),
                });
            }
        }
        Ok(high_scores)
    }

    fn read_player(
        &self,
        player: &str,
        last: Option<usize>,
    ) -> rusqlite::Result<Option<PlayerHistory>> {
        let key = player_key(player);
        // Newest first, so a limit keeps the last games; turned around below.
        let mut games_statement = self.conn.prepare(
            "SELECT id, player, mode, seed, started_at, ended_at, end_reason, score, correct, wrong,
                    skipped, longest_streak, opponents
             FROM games WHERE player_key = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        // At least one game, which also tells whether the player exists.
        let limit = last.map_or(-1, |last| to_sql(last.max(1) as u64));
        let mut rows = games_statement.query(params![key, limit])?;
        let mut name = None;
        let mut games: Vec<(i64, bool, GameRecord)> = Vec::new();
        while let Some(row) = rows.next()? {
            if name.is_none() {
                name = Some(row.get::<_, String>(1)?);
            }
            let mode_name: String = row.get(2)?;
            let ended_at: Option<i64> = row.get(5)?;
            let end_reason: Option<String> = row.get(6)?;
            let opponents: String = row.get(12)?;
            games.push((
                row.get(0)?,
                ended_at.is_none(),
                GameRecord {
                    at: from_sql(ended_at.unwrap_or(row.get(4)?)),
                    mode: Mode::parse(&mode_name).unwrap_or(Mode::Classic),
                    end: end_from(end_reason.as_deref().unwrap_or("quit")),
                    seed: row.get::<_, i64>(3)? as u64,
                    score: from_sql(row.get(7)?),
                    correct: from_sql_u32(row.get(8)?),
                    wrong: from_sql_u32(row.get(9)?),
                    skipped: from_sql_u32(row.get(10)?),
                    longest_streak: from_sql_u32(row.get(11)?),
                    opponents: serde_json::from_str(&opponents).unwrap_or_default(),
                    unfinished: ended_at.is_none(),
                    questions: Vec::new(),
                },
            ));
        }
        let Some(name) = name else {
            return Ok(None);
        };
        games.reverse();
        let first_id = games.first().map_or(0, |game| game.0);
        let index: BTreeMap<i64, usize> = games
            .iter()
            .enumerate()
            .map(|(at, game)| (game.0, at))
            .collect();
        let mut answers_statement = self.conn.prepare(
            "SELECT a.game_id, a.question_id, a.content_hash, a.category, a.answer, a.outcome, a.points,
                    a.elapsed_ms, a.hinted, a.fifty_fifty, a.timed_out, a.answered_at
             FROM answers a JOIN games g ON g.id = a.game_id
             WHERE g.player_key = ?1 AND a.game_id >= ?2 ORDER BY a.game_id, a.number",
        )?;
        let mut rows = answers_statement.query(params![key, first_id])?;
        while let Some(row) = rows.next()? {
            let game_id: i64 = row.get(0)?;
            let outcome_text: String = row.get(5)?;
            let Some(outcome) = outcome_from(&outcome_text) else {
                continue;
            };
            let record = QuestionRecord {
                id: row.get(1)?,
                content_hash: row.get(2)?,
                category: row.get(3)?,
                answer: row.get(4)?,
                outcome,
                points: from_sql_u32(row.get(6)?),
                elapsed_ms: row.get::<_, Option<i64>>(7)?.map(from_sql),
                hinted: row.get::<_, i64>(8)? != 0,
                fifty_fifty: row.get::<_, i64>(9)? != 0,
                timed_out: row.get::<_, i64>(10)? != 0,
                at: row.get::<_, Option<i64>>(11)?.map(from_sql),
            };
            if let Some(&at) = index.get(&game_id) {
                games[at].2.questions.push(record);
            }
        }
        for (_, unfinished, game) in &mut games {
            if *unfinished {
                tally_unfinished(game);
            }
        }
        let high_scores = self.high_scores(&key)?;
        let mut cards_statement = self.conn.prepare(
            "SELECT question_id, box, due, right_count, wrong_count FROM cards WHERE player_key = ?1",
        )?;
        let leitner = cards_statement
            .query_map([&key], |row| Ok((row.get(0)?, card_from(row, 1)?)))?
            .collect::<rusqlite::Result<BTreeMap<String, Card>>>()?;
        Ok(Some(PlayerHistory {
            version: super::FORMAT_VERSION,
            player: name,
            games: games.into_iter().map(|(_, _, game)| game).collect(),
            leitner,
            high_scores,
        }))
    }
}

/// The totals of a game that never ended, from its logged answers.
fn tally_unfinished(game: &mut GameRecord) {
    let (mut score, mut streak) = (0u64, 0u32);
    game.correct = 0;
    game.wrong = 0;
    game.skipped = 0;
    game.longest_streak = 0;
    for question in &game.questions {
        score = score.saturating_add(u64::from(question.points));
        match question.outcome {
            Outcome::Correct => {
                game.correct += 1;
                streak += 1;
                game.longest_streak = game.longest_streak.max(streak);
            }
            Outcome::Wrong => {
                game.wrong += 1;
                streak = 0;
            }
            Outcome::Skipped => game.skipped += 1,
        }
    }
    game.score = score;
    if let Some(last) = game.questions.iter().filter_map(|q| q.at).max() {
        game.at = game.at.max(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{GameConfig, Summary, demo, run_scripted};
    use crate::history::BOX_INTERVALS_SECS;

    const NOW: u64 = 1_700_000_000;
    const DAY: u64 = BOX_INTERVALS_SECS[1];

    fn played(answers: &[&str]) -> Summary {
        let questions: Vec<_> = demo::questions().into_iter().take(3).collect();
        run_scripted(GameConfig::new(Mode::Classic), questions, 1, answers).summary
    }

    fn open() -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::open(dir.path(), NOW).unwrap().database;
        (dir, database)
    }

    /// Records Ana's part of `summary` as a game that ended at `at`.
    fn record(database: &mut Database, summary: &Summary, at: u64, seed: u64) -> Recorded {
        let id = database
            .begin_game(&NewGame {
                player: "Ana",
                mode: summary.mode,
                seed,
                started_at: at,
                opponents: &[],
            })
            .unwrap();
        let answers: Vec<(usize, QuestionRecord)> = summary
            .outcomes
            .iter()
            .map(|o| {
                (
                    o.number,
                    QuestionRecord::bare(&o.id, &o.category, o.outcome, o.points),
                )
            })
            .collect();
        database
            .finish_game(id, &summary.players[0], summary.end, &answers, at)
            .unwrap()
    }

    fn history(database: &Database) -> PlayerHistory {
        database.player_history("ana").unwrap().unwrap()
    }

    #[test]
    fn missed_questions_enter_box_one_and_climb() {
        let (_dir, mut db) = open();
        // Question 2 (how many parts) is missed, question 3 skipped.
        let recorded = record(&mut db, &played(&["Allen Hughes", "5", ":skip"]), NOW, 1);
        assert_eq!(recorded.due_for_review, 2);
        assert_eq!(
            db.due("Ana", NOW).unwrap(),
            vec!["demo-network", "demo-parts"]
        );
        assert_eq!(history(&db).box_counts(), [2, 0, 0, 0, 0]);
        record(
            &mut db,
            &played(&["Allen Hughes", "4", "true"]),
            NOW + 10,
            2,
        );
        assert_eq!(history(&db).leitner["demo-parts"].leitner_box, 2);
        assert!(db.due("Ana", NOW + 10).unwrap().is_empty());
        assert_eq!(
            db.due("Ana", NOW + 10 + DAY).unwrap(),
            vec!["demo-network", "demo-parts"]
        );
        record(&mut db, &played(&["Allen Hughes", "3"]), NOW + 20, 3);
        assert_eq!(history(&db).leitner["demo-parts"].leitner_box, 1);
        assert_eq!(history(&db).leitner["demo-parts"].wrong, 2);
    }

    #[test]
    fn recent_ids_cover_the_last_games() {
        let (_dir, mut db) = open();
        record(&mut db, &played(&["1"]), NOW, 1);
        assert_eq!(
            db.recent_ids("ANA").unwrap(),
            BTreeSet::from(["demo-director".to_string()])
        );
        for seed in 0..3 {
            record(&mut db, &played(&[]), NOW, seed);
        }
        assert!(
            db.recent_ids("Ana").unwrap().is_empty(),
            "only the last three games count"
        );
    }

    #[test]
    fn high_scores_are_kept_best_first() {
        let (_dir, mut db) = open();
        let low = record(&mut db, &played(&["Allen Hughes", "5", "false"]), NOW, 1);
        assert!(!low.new_best, "the first game sets no record to beat");
        let high = record(&mut db, &played(&["Allen Hughes", "4", "true"]), NOW + 1, 2);
        assert!(high.new_best);
        let again = record(&mut db, &played(&["Allen Hughes", "4", "true"]), NOW + 2, 3);
        assert!(!again.new_best, "a tie is not a new best");
        let scores: Vec<u64> = history(&db).high_scores["classic"]
            .iter()
            .map(|h| h.score)
            .collect();
        assert_eq!(scores, [330, 330, 100]);
        let recent = db.recent_history("Ana", 1).unwrap().unwrap();
        assert_eq!(recent.games.len(), 1);
        assert_eq!(recent.games[0].seed, 3, "the last game");
        assert_eq!(recent.games[0].questions.len(), 3);
        assert_eq!(
            recent.high_scores,
            history(&db).high_scores,
            "high scores cover every game"
        );
        assert_eq!(db.game_count("Ana").unwrap(), 3);
    }

    #[test]
    fn empty_games_set_no_high_score() {
        let (_dir, mut db) = open();
        record(&mut db, &played(&[]), NOW, 1);
        assert!(history(&db).high_scores.is_empty());
        assert_eq!(history(&db).games.len(), 1);
    }

    #[test]
    fn category_accuracy_counts_answers() {
        let (_dir, mut db) = open();
        record(&mut db, &played(&["Allen Hughes", "5", "true"]), NOW, 1);
        assert_eq!(
            db.category_accuracy("Ana").unwrap(),
            vec![("crew".to_string(), 1, 1), ("series".to_string(), 1, 2)]
        );
    }

    #[test]
    fn an_unfinished_game_counts_its_answers() {
        let (_dir, mut db) = open();
        let id = db
            .begin_game(&NewGame {
                player: "Ana",
                mode: Mode::Classic,
                seed: u64::MAX,
                started_at: NOW,
                opponents: &["Ben".to_string()],
            })
            .unwrap();
        let summary = played(&["Allen Hughes", "5"]);
        for outcome in &summary.outcomes {
            let record = QuestionRecord::bare(
                &outcome.id,
                &outcome.category,
                outcome.outcome,
                outcome.points,
            );
            db.record_answer(id, outcome.number, &record, NOW + 5)
                .unwrap();
            db.record_answer(id, outcome.number, &record, NOW + 6)
                .unwrap();
        }
        let game = &history(&db).games[0];
        assert!(game.unfinished);
        assert_eq!(game.seed, u64::MAX, "seeds keep all 64 bits");
        assert_eq!(game.opponents, ["Ben"]);
        assert_eq!((game.correct, game.wrong, game.questions.len()), (1, 1, 2));
        assert_eq!(game.score, summary.players[0].score);
        assert_eq!(
            history(&db).leitner["demo-parts"].wrong,
            1,
            "an answer logged twice counts once"
        );
        assert!(history(&db).high_scores.is_empty());
    }
}
