//! Seeded games with scripted answers, for tests and tools: the same loop a front end runs, with the
//! answers taken from a list instead of a player.

use super::{Action, Event, Game, GameConfig, Lifeline, Summary};
use crate::question::Question;
use crate::rng::SeededRng;

/// What a player typed, read as the game's input language: `:5050` (or `:50`, `50:50`), `:skip`,
/// `:hint`, `:quit` (or `:q`), `:help` (or `?`), `:report` (with or without a reason after it); anything
/// else is an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command<'a> {
    /// An action for the game.
    Action(Action<'a>),
    /// Show the commands (front ends only; the game never sees it).
    Help,
    /// Report the question whose answer was just shown (front ends only), with the reason when one
    /// follows the command (empty otherwise).
    Report(&'a str),
}

impl<'a> Command<'a> {
    /// Reads one line of input.
    pub fn parse(line: &'a str) -> Command<'a> {
        let trimmed = line.trim();
        let lower = trimmed.to_ascii_lowercase();
        if lower == ":report" || lower.starts_with(":report ") {
            return Command::Report(trimmed[":report".len()..].trim());
        }
        match lower.as_str() {
            ":5050" | ":50" | ":50:50" | "50:50" | ":fifty" => {
                Command::Action(Action::Lifeline(Lifeline::FiftyFifty))
            }
            ":skip" | ":s" => Command::Action(Action::Lifeline(Lifeline::Skip)),
            ":hint" | ":h" => Command::Action(Action::Lifeline(Lifeline::Hint)),
            ":quit" | ":q" | ":exit" => Command::Action(Action::Quit),
            ":help" | ":?" | "?" => Command::Help,
            _ => Command::Action(Action::Answer(trimmed)),
        }
    }
}

/// Everything that happened in a scripted game.
#[derive(Debug)]
pub struct Transcript {
    /// Every event, in order.
    pub events: Vec<Event>,
    /// The final summary (also carried by the last event).
    pub summary: Summary,
    /// The finished game, to look up questions and layouts by number.
    pub game: Game,
}

impl Transcript {
    /// The answers judged right or wrong, in order.
    pub fn answered(&self) -> impl Iterator<Item = &super::Answered> {
        self.events.iter().filter_map(|event| match event {
            Event::Answered(answered) => Some(answered),
            _ => None,
        })
    }
}

/// Plays a seeded game of `questions` (asked in the given order) with `answers` typed one per question
/// prompt, lifeline commands included; when the answers run out the game is quit, as at end of input.
/// The same inputs always give the same transcript.
///
/// ```
/// use trivia::game::{demo, run_scripted, GameConfig, Mode, Event};
///
/// let questions: Vec<_> = demo::questions().into_iter().take(3).collect();
/// // Demo question 1 is a multiple choice, 2 a number, 3 a true/false statement.
/// let answers = [":5050", "x", "Allen Hughes", "4", "true"];
/// let transcript = run_scripted(GameConfig::new(Mode::Classic), questions, 7, &answers);
/// assert!(matches!(transcript.events[0], Event::QuestionAsked { number: 0, .. }));
/// // "x" is not understood: the game asks again and it costs nothing.
/// assert!(transcript.events.iter().any(|e| matches!(e, Event::NotUnderstood { .. })));
/// let player = &transcript.summary.players[0];
/// assert_eq!((player.correct, player.wrong), (3, 0));
/// // 100 points, then 100 + 10% and 100 + 20% for the streak.
/// assert_eq!(player.score, 330);
/// ```
pub fn run_scripted(
    config: GameConfig,
    questions: Vec<Question>,
    seed: u64,
    answers: &[&str],
) -> Transcript {
    let game = Game::new(config, questions, SeededRng::derive(seed, "game"));
    run_scripted_game(game, answers)
}

/// Like [`run_scripted`], for a game built by hand (another judge, say).
pub fn run_scripted_game(mut game: Game, answers: &[&str]) -> Transcript {
    let mut events = Vec::new();
    let mut answers = answers.iter();
    while !game.is_over() {
        let action = if game.is_open() {
            match answers.next() {
                None => Action::Quit,
                Some(line) => match Command::parse(line) {
                    Command::Action(action) => action,
                    Command::Help | Command::Report(_) => continue,
                },
            }
        } else {
            Action::Next
        };
        game.apply(action, None, &mut events);
    }
    let summary = game.summary();
    Transcript {
        events,
        summary,
        game,
    }
}
