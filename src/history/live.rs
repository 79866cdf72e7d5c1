//! Recording a game as it is played: a layer over the front end's [`Output`] that sees every event the
//! game reports and writes each answer to the history database the moment it is judged, so a game that
//! is killed keeps what was answered. The game stays pure; the wall clock comes in as a function.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use super::{Database, GameId, NewGame, QuestionRecord, Recorded};
use crate::game::{Event, Game, Outcome, Summary};
use crate::question::{Question, stable_hash};
use crate::ui::session::{Ending, Output};

/// A hash of what a question asks (prompt, type, answer and options): 16 hex digits. Two questions with
/// one id but different hashes were worded or answered differently.
pub fn content_hash(question: &Question) -> String {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(question.prompt.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(question.body.type_name().as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(
        serde_json::to_string(&question.body)
            .unwrap_or_default()
            .as_bytes(),
    );
    format!("{:016x}", stable_hash(&bytes))
}

/// Unix time in milliseconds, from whatever clock the caller trusts.
pub type WallClock = Box<dyn Fn() -> u64>;

/// One game's record in the history while it is played.
pub struct GameLog {
    database: Option<Database>,
    /// Why nothing can be saved (no database); `None` with no database means history is off.
    unavailable: Option<String>,
    clock: WallClock,
    seed: u64,
    /// Per player in turn order: their game's row.
    rows: Vec<Option<GameId>>,
    /// Every answer seen, by question number, with the richer detail the summary does not keep.
    records: BTreeMap<usize, QuestionRecord>,
    last_input: Option<String>,
    asked_at_ms: Option<u64>,
    hinted: BTreeSet<usize>,
    fifty_fifty: BTreeSet<usize>,
    /// The first write that failed during the game (the end of the game tries again).
    write_failure: Option<String>,
}

/// What became of one player's part of the game in the history.
pub type Saved = std::result::Result<Recorded, String>;

impl GameLog {
    /// A log that records nothing (`--no-history`, or no data directory).
    pub fn off() -> GameLog {
        GameLog::new(None, None, Box::new(|| 0))
    }

    /// A log writing to `database`; with none, `unavailable` says why the game cannot be saved.
    pub fn new(
        database: Option<Database>,
        unavailable: Option<String>,
        clock: WallClock,
    ) -> GameLog {
        GameLog {
            database,
            unavailable,
            clock,
            seed: 0,
            rows: Vec::new(),
            records: BTreeMap::new(),
            last_input: None,
            asked_at_ms: None,
            hinted: BTreeSet::new(),
            fifty_fifty: BTreeSet::new(),
            write_failure: None,
        }
    }

    /// The database, when there is one.
    pub fn database(&self) -> Option<&Database> {
        self.database.as_ref()
    }

    /// Whether the game will be saved or was meant to be (history is on).
    pub fn is_on(&self) -> bool {
        self.database.is_some() || self.unavailable.is_some()
    }

    /// Writes a row for each player of `game`, started at `now` (Unix seconds).
    pub fn start(&mut self, game: &Game, seed: u64) {
        let now = (self.clock)() / 1000;
        let players: Vec<String> = (0..game.players())
            .map(|player| game.player_name(player).to_string())
            .collect();
        self.rows = vec![None; players.len()];
        self.seed = seed;
        let Some(database) = self.database.as_mut() else {
            return;
        };
        for (player, name) in players.iter().enumerate() {
            let opponents: Vec<String> = players
                .iter()
                .enumerate()
                .filter(|&(other, _)| other != player)
                .map(|(_, other)| other.clone())
                .collect();
            let new = NewGame {
                player: name,
                mode: game.config().mode,
                seed,
                started_at: now,
                opponents: &opponents,
            };
            match database.begin_game(&new) {
                Ok(id) => self.rows[player] = Some(id),
                Err(error) => {
                    self.write_failure.get_or_insert(error.to_string());
                }
            }
        }
    }

    /// Notes a line the player typed.
    pub fn input(&mut self, line: &str) {
        self.last_input = Some(line.to_string());
    }

    /// Notes an event of `game`; a verdict or a skip is written to the database at once.
    pub fn event(&mut self, game: &Game, event: &Event) {
        let now_ms = (self.clock)();
        let (number, player, outcome, points, verdict) = match event {
            Event::QuestionAsked { .. } => {
                self.asked_at_ms = Some(now_ms);
                self.last_input = None;
                return;
            }
            Event::Hint { number, .. } => {
                self.hinted.insert(*number);
                return;
            }
            Event::OptionsRemoved { number, .. } => {
                self.fifty_fifty.insert(*number);
                return;
            }
            Event::Answered(verdict) => {
                let outcome = if verdict.correct {
                    Outcome::Correct
                } else {
                    Outcome::Wrong
                };
                (
                    verdict.number,
                    verdict.player,
                    outcome,
                    verdict.points,
                    Some(verdict),
                )
            }
            Event::Skipped { number, player } => (*number, *player, Outcome::Skipped, 0, None),
            _ => return,
        };
        let question = game.question(number);
        let measured = self.asked_at_ms.map(|asked| now_ms.saturating_sub(asked));
        let record = QuestionRecord {
            id: question.id.clone(),
            category: question.category.clone(),
            outcome,
            points,
            content_hash: Some(content_hash(question)),
            answer: verdict.and(self.last_input.clone()),
            elapsed_ms: verdict.and_then(|verdict| verdict.elapsed).or(measured),
            hinted: verdict.is_some_and(|verdict| verdict.hinted) || self.hinted.contains(&number),
            fifty_fifty: self.fifty_fifty.contains(&number),
            timed_out: verdict.is_some_and(|verdict| verdict.timed_out),
            at: Some(now_ms / 1000),
        };
        if let (Some(database), Some(Some(row))) = (self.database.as_mut(), self.rows.get(player)) {
            if let Err(error) = database.record_answer(*row, number, &record, now_ms / 1000) {
                self.write_failure.get_or_insert(error.to_string());
            }
        }
        self.records.insert(number, record);
    }

    /// Ends the game: writes whatever is not written yet and every player's totals. One entry per player
    /// in turn order; empty when history is off.
    pub fn finish(&mut self, summary: &Summary) -> Vec<Saved> {
        if !self.is_on() {
            return Vec::new();
        }
        let now = (self.clock)() / 1000;
        let Some(database) = self.database.as_mut() else {
            let reason = self.unavailable.clone().unwrap_or_default();
            return summary
                .players
                .iter()
                .map(|_| Err(reason.clone()))
                .collect();
        };
        let mut saved = Vec::new();
        for (player, result) in summary.players.iter().enumerate() {
            let answers: Vec<(usize, QuestionRecord)> = summary
                .outcomes
                .iter()
                .filter(|outcome| outcome.player == player)
                .map(|outcome| {
                    let record = self
                        .records
                        .get(&outcome.number)
                        .cloned()
                        .unwrap_or_else(|| {
                            QuestionRecord::bare(
                                &outcome.id,
                                &outcome.category,
                                outcome.outcome,
                                outcome.points,
                            )
                        });
                    (outcome.number, record)
                })
                .collect();
            let row = match self.rows.get(player).copied().flatten() {
                Some(row) => Ok(row),
                None => {
                    let opponents: Vec<String> = summary
                        .players
                        .iter()
                        .enumerate()
                        .filter(|&(other, _)| other != player)
                        .map(|(_, other)| other.name.clone())
                        .collect();
                    database.begin_game(&NewGame {
                        player: &result.name,
                        mode: summary.mode,
                        seed: self.seed,
                        started_at: now,
                        opponents: &opponents,
                    })
                }
            };
            let outcome =
                row.and_then(|row| database.finish_game(row, result, summary.end, &answers, now));
            saved.push(outcome.map_err(|error| error.to_string()));
        }
        saved
    }

    /// The first write that failed while the game was played, if any.
    pub fn write_failure(&self) -> Option<&str> {
        self.write_failure.as_deref()
    }
}

/// A front end's output with the game log listening in: the log sees each event before the output
/// does, so an output that fails (a closed pipe) cannot keep an answer out of the history.
pub struct Recording<'a> {
    pub output: &'a mut dyn Output,
    pub log: &'a mut GameLog,
}

impl Output for Recording<'_> {
    fn intro(&mut self, game: &Game) -> io::Result<()> {
        self.output.intro(game)
    }

    fn before_prompt(&mut self, game: &Game) -> io::Result<()> {
        self.output.before_prompt(game)
    }

    fn input(&mut self, line: &str) -> io::Result<()> {
        self.log.input(line);
        self.output.input(line)
    }

    fn event(&mut self, game: &Game, event: &Event) -> io::Result<()> {
        self.log.event(game, event);
        self.output.event(game, event)
    }

    fn help(&mut self) -> io::Result<()> {
        self.output.help()
    }

    fn stopping(&mut self, ending: Ending) -> io::Result<()> {
        self.output.stopping(ending)
    }

    fn notice(&mut self, text: &str) -> io::Result<()> {
        self.output.notice(text)
    }
}
