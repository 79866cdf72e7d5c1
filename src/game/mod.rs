//! The game itself: a pure state machine that takes actions (next, answer, lifeline, quit) and returns
//! events. It never prints, never reads the clock and owns no global RNG: front ends pass the time in, and
//! the display order of options comes from the seeded RNG the game is built with.
//!
//! A front end drives a [`Game`] in a loop: while [`Game::is_open`] is false it sends [`Action::Next`]
//! to ask the next question; while it is true it sends the player's answer or lifeline. Every call
//! appends events to a buffer the caller owns and reuses, so the hot path allocates little.
//! [`script::run_scripted`] wraps that loop for tests.

pub mod demo;
mod judge;
pub mod lifeline;
pub mod score;
pub mod script;
pub mod select;
pub mod share;
pub mod simulate;
mod summary;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use judge::{AnswerJudge, ExactJudge, Judge, add_answers};
pub use lifeline::{Lifeline, Refusal};
pub use score::{Millis, ScoreRules};
pub use script::{Transcript, run_scripted};
pub use summary::{CategoryStats, End, Outcome, PlayerSummary, QuestionOutcome, Summary};

use crate::answer::Verdict;
use crate::question::{Body, Layout, Question};
use crate::rng::{self, SeededRng};

/// How a game is played.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// A fixed number of questions, difficulty rising through the game.
    Classic,
    /// Play until the third wrong answer.
    Survival,
    /// A time limit per question scaled to its length; faster right answers earn more.
    Blitz,
    /// Questions this player missed before, due again in their Leitner box.
    Review,
    /// 2 to 6 players take turns; a scoreboard after each round.
    HotSeat,
}

impl Mode {
    /// Every mode, in the order they are documented.
    pub const ALL: [Mode; 5] = [
        Mode::Classic,
        Mode::Survival,
        Mode::Blitz,
        Mode::Review,
        Mode::HotSeat,
    ];

    /// The name used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Classic => "classic",
            Mode::Survival => "survival",
            Mode::Blitz => "blitz",
            Mode::Review => "review",
            Mode::HotSeat => "hot-seat",
        }
    }

    /// Parses a mode name (`hot-seat`, `hotseat` and `hot_seat` all work).
    pub fn parse(text: &str) -> Option<Mode> {
        let wanted = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let wanted = if wanted == "hotseat" {
            "hot-seat"
        } else {
            &wanted
        };
        Mode::ALL.into_iter().find(|mode| mode.as_str() == wanted)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Wrong answers that end a survival game.
pub const SURVIVAL_LIVES: u32 = 3;

/// The rules of one game.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GameConfig {
    pub mode: Mode,
    /// Player names in turn order: one for solo modes, 2 to 6 for hot-seat.
    pub players: Vec<String>,
    pub rules: ScoreRules,
    /// Wrong answers that end the game (survival only).
    pub lives: u32,
    /// A time limit for every question (`--time-limit`), over the question's own and blitz's.
    pub time_limit: Option<Millis>,
}

impl GameConfig {
    /// A one-player game of `mode` with the default rules.
    pub fn new(mode: Mode) -> Self {
        GameConfig {
            mode,
            players: vec!["Player".to_string()],
            rules: ScoreRules::default(),
            lives: SURVIVAL_LIVES,
            time_limit: None,
        }
    }

    /// The same game with these players.
    pub fn with_players<I, S>(mut self, players: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.players = players.into_iter().map(Into::into).collect();
        if self.players.is_empty() {
            self.players.push("Player".to_string());
        }
        self
    }
}

/// What a player (or a front end on their behalf) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    /// Ask the next question (or end the game when there is none).
    Next,
    /// Answer the open question with one line of input.
    Answer(&'a str),
    /// Call a lifeline on the open question.
    Lifeline(Lifeline),
    /// The open question's time ran out before an answer came: it is judged as timed out. The front end
    /// that keeps the clock decides when; the time passed to [`Game::apply`] is when it ran out.
    TimeUp,
    /// End the game now (a quit command, end of input or Ctrl-C).
    Quit,
}

/// A right or wrong answer to a question, and what it scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Answered {
    /// Which question (0-based position in the game); [`Game::question`] gives its answer, explanation
    /// and sources.
    pub number: usize,
    pub player: usize,
    pub correct: bool,
    /// The answer came after the time limit (or none came before it) and counts as wrong.
    pub timed_out: bool,
    /// The hint was used, halving the points.
    pub hinted: bool,
    pub points: u32,
    /// Right answers in a row after this one.
    pub streak: u32,
    /// Time taken, when the front end measured it.
    pub elapsed: Option<Millis>,
    /// Wrong answers still allowed (survival only).
    pub lives_left: Option<u32>,
    /// The answer was right but misspelt: how it is spelled ("Right — it is spelled Compton").
    pub spelling: Option<String>,
}

/// What happened, for front ends to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A question is open: [`Game::question`] and [`Game::layout`] give its content and display order.
    QuestionAsked {
        number: usize,
        player: usize,
        /// The answer must come within this time (see [`Game::time_limit`]).
        time_limit: Option<Millis>,
    },
    /// The input was not an answer; the question stays open and nothing is lost.
    NotUnderstood { number: usize, reason: String },
    /// The answer is right as far as it goes and the player is asked for more ("Which Hughes?"); the
    /// question stays open, nothing is lost and no attempt is counted.
    Prompt { number: usize, reason: String },
    /// An action or lifeline was refused; the question stays open.
    Refused { reason: Refusal },
    /// 50:50 removed options: [`Game::layout`] now shows what is left.
    OptionsRemoved { number: usize, player: usize },
    /// The hint for the open question.
    Hint { number: usize, text: String },
    /// The open question was answered.
    Answered(Answered),
    /// The open question was skipped (no points, streak kept).
    Skipped { number: usize, player: usize },
    /// A player's score after an answer.
    ScoreChanged { player: usize, score: u64 },
    /// Hot-seat: every player has had a turn in this round (1-based); [`Game::scoreboard`] ranks them.
    RoundOver { round: usize },
    /// The game ended.
    GameOver { summary: Box<Summary> },
}

#[derive(Clone, Debug, Default)]
struct Seat {
    name: String,
    score: u64,
    streak: u32,
    longest_streak: u32,
    wrong: u32,
    used_skip: bool,
    used_fifty_fifty: bool,
}

#[derive(Clone, Debug)]
struct Asked {
    layout: Layout,
    player: usize,
    hinted: bool,
    outcome: Option<Outcome>,
    points: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Ready,
    Open { asked_at: Option<Millis> },
    Over,
}

/// One game in progress. See the [module documentation](self) for the loop that drives it.
pub struct Game {
    config: GameConfig,
    questions: Vec<Question>,
    asked: Vec<Asked>,
    seats: Vec<Seat>,
    phase: Phase,
    end: Option<End>,
    rng: SeededRng,
    /// Made on the first answer when none was given, so a judge set with [`Game::with_judge`] costs
    /// nothing extra.
    judge: Option<Box<dyn Judge>>,
}

impl fmt::Debug for Game {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Game")
            .field("config", &self.config)
            .field("questions", &self.questions.len())
            .field("asked", &self.asked.len())
            .field("phase", &self.phase)
            .finish_non_exhaustive()
    }
}

impl Game {
    /// A game asking `questions` in the given order, with layouts and 50:50 picks drawn from `rng`, and
    /// answers judged by the answer checker ([`AnswerJudge`], its lexicon made of the questions' typed
    /// answers) until [`Game::with_judge`] sets another. In hot-seat the
    /// questions go to the players in turn and are cut to whole rounds.
    pub fn new(config: GameConfig, mut questions: Vec<Question>, rng: SeededRng) -> Game {
        let mut config = config;
        if config.players.is_empty() {
            config.players.push("Player".to_string());
        }
        let players = config.players.len();
        if config.mode == Mode::HotSeat {
            questions.truncate(questions.len() / players * players);
        }
        let seats = config
            .players
            .iter()
            .map(|name| Seat {
                name: name.clone(),
                ..Seat::default()
            })
            .collect();
        Game {
            asked: Vec::with_capacity(questions.len()),
            config,
            questions,
            seats,
            phase: Phase::Ready,
            end: None,
            rng,
            judge: None,
        }
    }

    /// The same game judged by `judge`.
    pub fn with_judge(mut self, judge: Box<dyn Judge>) -> Game {
        self.judge = Some(judge);
        self
    }

    /// The game's rules.
    pub fn config(&self) -> &GameConfig {
        &self.config
    }

    /// How many questions the game holds (survival may end before all are asked).
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    /// Whether the game has no questions at all.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// Question `number` of the game.
    pub fn question(&self, number: usize) -> &Question {
        &self.questions[number]
    }

    /// Every question of the game, in the order they are (or would be) asked.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The display order of question `number`'s options, once it has been asked (narrowed by 50:50).
    pub fn layout(&self, number: usize) -> Option<&Layout> {
        self.asked.get(number).map(|asked| &asked.layout)
    }

    /// The open question's number, if one is waiting for an answer.
    pub fn open_question(&self) -> Option<usize> {
        match self.phase {
            Phase::Open { .. } => Some(self.asked.len() - 1),
            _ => None,
        }
    }

    /// Whether a question is waiting for an answer.
    pub fn is_open(&self) -> bool {
        matches!(self.phase, Phase::Open { .. })
    }

    /// Whether the game has ended.
    pub fn is_over(&self) -> bool {
        self.phase == Phase::Over
    }

    /// How many questions have been asked so far.
    pub fn asked(&self) -> usize {
        self.asked.len()
    }

    /// The player whose turn it is: who answers the open question, or who gets the next one.
    pub fn current_player(&self) -> usize {
        let number = self.open_question().unwrap_or(self.asked.len());
        number % self.seats.len()
    }

    /// The player who gets question `number`.
    pub fn player_for(&self, number: usize) -> usize {
        number % self.seats.len()
    }

    /// A player's name.
    pub fn player_name(&self, player: usize) -> &str {
        &self.seats[player].name
    }

    /// How many players take turns.
    pub fn players(&self) -> usize {
        self.seats.len()
    }

    /// A player's score so far.
    pub fn score(&self, player: usize) -> u64 {
        self.seats[player].score
    }

    /// Whether `player` may still call `lifeline` in this game.
    pub fn lifeline_left(&self, player: usize, lifeline: Lifeline) -> bool {
        match lifeline {
            Lifeline::FiftyFifty => !self.seats[player].used_fifty_fifty,
            Lifeline::Skip => !self.seats[player].used_skip,
            Lifeline::Hint => true,
        }
    }

    /// Wrong answers still allowed in survival.
    pub fn lives_left(&self, player: usize) -> Option<u32> {
        (self.config.mode == Mode::Survival)
            .then(|| self.config.lives.saturating_sub(self.seats[player].wrong))
    }

    /// Players ranked by score (highest first; ties keep turn order), as `(player, score)`.
    pub fn scoreboard(&self) -> Vec<(usize, u64)> {
        let mut board: Vec<(usize, u64)> = self
            .seats
            .iter()
            .enumerate()
            .map(|(player, seat)| (player, seat.score))
            .collect();
        board.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        board
    }

    /// The time limit of question `number` in this game: the game's own (`--time-limit`) first, then
    /// the question's (set in its pack), then in blitz one scaled to the question's length.
    pub fn time_limit(&self, number: usize) -> Option<Millis> {
        let question = &self.questions[number];
        self.config
            .time_limit
            .or(question
                .time_limit
                .map(|seconds| Millis::from(seconds) * 1000))
            .or_else(|| (self.config.mode == Mode::Blitz).then(|| time_limit(question)))
    }

    /// Applies one action at time `now` (milliseconds on any clock the front end keeps; `None` when it
    /// does not measure time) and appends what happened to `events`.
    pub fn apply(&mut self, action: Action<'_>, now: Option<Millis>, events: &mut Vec<Event>) {
        match (self.phase, action) {
            (Phase::Over, _) => events.push(Event::Refused {
                reason: Refusal::GameOver,
            }),
            (_, Action::Quit) => self.finish(End::Quit, events),
            (Phase::Ready, Action::Next) => self.ask_next(now, events),
            (Phase::Ready, _) => events.push(Event::Refused {
                reason: Refusal::NoOpenQuestion,
            }),
            (Phase::Open { .. }, Action::Next) => events.push(Event::Refused {
                reason: Refusal::QuestionOpen,
            }),
            (Phase::Open { asked_at }, Action::Answer(input)) => {
                self.answer(input, asked_at, now, events)
            }
            (Phase::Open { asked_at }, Action::TimeUp) => {
                self.judge_answer(Verdict::Wrong, true, asked_at, now, events)
            }
            (Phase::Open { .. }, Action::Lifeline(lifeline)) => self.lifeline(lifeline, events),
        }
    }

    /// The summary of the game so far (complete once it is over).
    pub fn summary(&self) -> Summary {
        summary::build(self)
    }

    fn ask_next(&mut self, now: Option<Millis>, events: &mut Vec<Event>) {
        let number = self.asked.len();
        if number >= self.questions.len() {
            let end = if self.config.mode == Mode::Survival {
                End::OutOfQuestions
            } else {
                End::Completed
            };
            self.finish(end, events);
            return;
        }
        let layout = draw_layout(&self.questions[number], &mut self.rng);
        let player = self.player_for(number);
        self.asked.push(Asked {
            layout,
            player,
            hinted: false,
            outcome: None,
            points: 0,
        });
        self.phase = Phase::Open { asked_at: now };
        events.push(Event::QuestionAsked {
            number,
            player,
            time_limit: self.time_limit(number),
        });
    }

    fn answer(
        &mut self,
        input: &str,
        asked_at: Option<Millis>,
        now: Option<Millis>,
        events: &mut Vec<Event>,
    ) {
        let number = self.asked.len() - 1;
        let questions = &self.questions;
        let judge = self
            .judge
            .get_or_insert_with(|| Box::new(AnswerJudge::for_questions(questions)));
        let question = &self.questions[number];
        let verdict = judge.judge(question, &self.asked[number].layout, input);
        self.judge_answer(verdict, false, asked_at, now, events);
    }

    /// Scores the open question: `ran_out` when the front end's countdown ended it without an answer.
    fn judge_answer(
        &mut self,
        verdict: Verdict,
        ran_out: bool,
        asked_at: Option<Millis>,
        now: Option<Millis>,
        events: &mut Vec<Event>,
    ) {
        let number = self.asked.len() - 1;
        let question = &self.questions[number];
        let (correct, spelling) = match verdict {
            Verdict::Correct => (true, None),
            Verdict::Misspelt { spelling } => (true, Some(spelling)),
            Verdict::Wrong => (false, None),
            Verdict::Prompt { reason } => {
                events.push(Event::Prompt { number, reason });
                return;
            }
            Verdict::NotUnderstood { reason } => {
                events.push(Event::NotUnderstood { number, reason });
                return;
            }
        };
        let elapsed = match (asked_at, now) {
            (Some(start), Some(end)) => Some(end.saturating_sub(start)),
            _ => None,
        };
        let limit = self.time_limit(number);
        let timed_out =
            ran_out || matches!((limit, elapsed), (Some(limit), Some(elapsed)) if elapsed > limit);
        let correct = correct && !timed_out;
        // The speed factor is blitz's rule; a time limit in another mode only ends the question.
        let timing = limit.filter(|_| self.config.mode == Mode::Blitz);
        let asked = &mut self.asked[number];
        let player = asked.player;
        let seat = &mut self.seats[player];
        let points = if correct {
            seat.streak += 1;
            seat.longest_streak = seat.longest_streak.max(seat.streak);
            score::points(
                self.config.rules,
                score::Scoring {
                    difficulty: question.difficulty,
                    hinted: asked.hinted,
                    streak: seat.streak,
                    timing: timing.map(|limit| (limit, elapsed.unwrap_or(0))),
                },
            )
        } else {
            seat.streak = 0;
            seat.wrong += 1;
            0
        };
        seat.score += u64::from(points);
        asked.points = points;
        asked.outcome = Some(if correct {
            Outcome::Correct
        } else {
            Outcome::Wrong
        });
        let lives_left = (self.config.mode == Mode::Survival)
            .then(|| self.config.lives.saturating_sub(seat.wrong));
        events.push(Event::Answered(Answered {
            number,
            player,
            correct,
            timed_out,
            hinted: asked.hinted,
            points,
            streak: seat.streak,
            elapsed,
            lives_left,
            spelling: spelling.filter(|_| correct),
        }));
        events.push(Event::ScoreChanged {
            player,
            score: seat.score,
        });
        if lives_left == Some(0) {
            self.finish(End::OutOfLives, events);
        } else {
            self.close_question(number, events);
        }
    }

    fn lifeline(&mut self, lifeline: Lifeline, events: &mut Vec<Event>) {
        let number = self.asked.len() - 1;
        let player = self.asked[number].player;
        if !self.lifeline_left(player, lifeline) {
            events.push(Event::Refused {
                reason: Refusal::AlreadyUsed(lifeline),
            });
            return;
        }
        let question = &self.questions[number];
        match lifeline {
            Lifeline::Skip => {
                self.seats[player].used_skip = true;
                self.asked[number].outcome = Some(Outcome::Skipped);
                events.push(Event::Skipped { number, player });
                self.close_question(number, events);
            }
            Lifeline::FiftyFifty => {
                match lifeline::fifty_fifty(question, &self.asked[number].layout, &mut self.rng) {
                    Some(layout) => {
                        self.seats[player].used_fifty_fifty = true;
                        self.asked[number].layout = layout;
                        events.push(Event::OptionsRemoved { number, player });
                    }
                    None => events.push(Event::Refused {
                        reason: Refusal::FiftyFiftyNeedsChoices,
                    }),
                }
            }
            Lifeline::Hint => {
                if self.asked[number].hinted {
                    events.push(Event::Refused {
                        reason: Refusal::HintAlreadyGiven,
                    });
                    return;
                }
                match lifeline::hint(question, &mut self.rng) {
                    Some(text) => {
                        self.asked[number].hinted = true;
                        events.push(Event::Hint { number, text });
                    }
                    None => events.push(Event::Refused {
                        reason: Refusal::NoHintForType,
                    }),
                }
            }
        }
    }

    fn close_question(&mut self, number: usize, events: &mut Vec<Event>) {
        self.phase = Phase::Ready;
        let players = self.seats.len();
        if self.config.mode == Mode::HotSeat && (number + 1) % players == 0 {
            events.push(Event::RoundOver {
                round: (number + 1) / players,
            });
        }
        if number + 1 == self.questions.len() {
            let end = if self.config.mode == Mode::Survival {
                End::OutOfQuestions
            } else {
                End::Completed
            };
            self.finish(end, events);
        }
    }

    fn finish(&mut self, end: End, events: &mut Vec<Event>) {
        self.phase = Phase::Over;
        self.end = Some(end);
        events.push(Event::GameOver {
            summary: Box::new(self.summary()),
        });
    }
}

/// Blitz time limit for a question: 10 seconds plus 50 ms per character to read (prompt, quote and
/// options), rounded up to whole seconds, at most 60 seconds.
pub fn time_limit(question: &Question) -> Millis {
    let mut chars = question.prompt.chars().count();
    if let Body::Quote { quote, .. } = &question.body {
        chars += quote.chars().count();
    }
    chars += question
        .body
        .choices()
        .iter()
        .map(|choice| choice.chars().count())
        .sum::<usize>();
    let millis = 10_000 + 50 * chars as Millis;
    (millis.div_ceil(1000) * 1000).min(60_000)
}

/// The display order for a question: order items shuffled (never already in the right order when there
/// are two or more), options shuffled unless they are all numbers (kept in their written order).
fn draw_layout(question: &Question, rng: &mut SeededRng) -> Layout {
    let choices = question.body.choices();
    let mut layout = Layout::identity(choices.len());
    match &question.body {
        Body::Order { .. } => {
            rng::shuffle(rng, &mut layout.positions);
            if choices.len() >= 2 && layout.positions.iter().enumerate().all(|(i, &p)| i == p) {
                layout.positions.rotate_left(1);
            }
        }
        // Figures keep their order; numbered members of one series ("Part 1" to "Part 4") are
        // listed in number order, as a person lists them.
        Body::MultipleChoice { .. } | Body::Quote { .. } | Body::SelectAll { .. }
            if !choices.iter().all(|choice| looks_numeric(choice)) =>
        {
            match crate::question::numbered_series(choices) {
                Some(numbers) => layout.positions.sort_by_key(|&choice| numbers[choice]),
                None => rng::shuffle(rng, &mut layout.positions),
            }
        }
        _ => {}
    }
    layout
}

/// `1958`, `US$3 billion`, `-4`, `25%`, `4 hours`: options that start with a number.
fn looks_numeric(text: &str) -> bool {
    let text = text.trim();
    let rest = ["US$", "$", "-", "+"]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests;
