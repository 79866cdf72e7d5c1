//! The loop every front end shares: ask, read, apply, show, until the game is over or the player leaves.
//! The clock is read here, at the edge, and passed to the game as a number.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::game::script::Command;
use crate::game::{Action, Event, Game, Millis, Mode};

use super::prompt::{Prompter, Reply};

/// Shows what happens in a game.
pub trait Output {
    /// Before the first question.
    fn intro(&mut self, game: &Game) -> io::Result<()>;
    /// Just before the player is asked for input (a `> ` marker in a terminal).
    fn before_prompt(&mut self, _game: &Game) -> io::Result<()> {
        Ok(())
    }
    /// The line the player typed (echoed when input does not come from a terminal).
    fn input(&mut self, line: &str) -> io::Result<()>;
    /// Something the game reported.
    fn event(&mut self, game: &Game, event: &Event) -> io::Result<()>;
    /// The list of commands, after `:help`.
    fn help(&mut self) -> io::Result<()>;
    /// Why the game is ending early, just before its summary.
    fn stopping(&mut self, ending: Ending) -> io::Result<()>;
}

/// Where a front end gets the time from.
pub trait Clock {
    /// Milliseconds since some fixed start, or `None` when time is not measured.
    fn now(&self) -> Option<Millis>;
}

/// No clock: every answer takes no time (scripted, piped and seeded games).
#[derive(Clone, Copy, Debug, Default)]
pub struct NoClock;

impl Clock for NoClock {
    fn now(&self) -> Option<Millis> {
        None
    }
}

/// The monotonic clock, in milliseconds since it was made.
#[derive(Clone, Copy, Debug)]
pub struct MonotonicClock(Instant);

impl MonotonicClock {
    pub fn start() -> Self {
        MonotonicClock(Instant::now())
    }
}

impl Clock for MonotonicClock {
    fn now(&self) -> Option<Millis> {
        Some(self.0.elapsed().as_millis() as Millis)
    }
}

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The game reached its end.
    Finished,
    /// The player typed `:quit`.
    Quit,
    /// Input ran out.
    EndOfInput,
    /// Ctrl-C.
    Interrupted,
}

/// Plays `game` to its end with `prompter` and `output`. `interrupt` is checked before every prompt
/// (Ctrl-C sets it). With `pause_between`, the prompter's pause comes before every question after the
/// first (blitz and hot-seat in a terminal).
pub fn run(
    game: &mut Game,
    prompter: &mut dyn Prompter,
    output: &mut dyn Output,
    clock: &dyn Clock,
    interrupt: &AtomicBool,
) -> io::Result<Ending> {
    let mut events = Vec::with_capacity(8);
    let mut ending = Ending::Finished;
    output.intro(game)?;
    while !game.is_over() {
        let line;
        let action = if interrupt.load(Ordering::SeqCst) {
            ending = Ending::Interrupted;
            Action::Quit
        } else if game.is_open() {
            output.before_prompt(game)?;
            match prompter.ask(game)? {
                Reply::Line(text) if !interrupt.load(Ordering::SeqCst) => {
                    line = text;
                    output.input(&line)?;
                    match Command::parse(&line) {
                        Command::Help => {
                            output.help()?;
                            continue;
                        }
                        Command::Action(Action::Quit) => {
                            ending = Ending::Quit;
                            Action::Quit
                        }
                        Command::Action(action) => action,
                    }
                }
                Reply::Line(_) | Reply::Interrupted => {
                    ending = Ending::Interrupted;
                    Action::Quit
                }
                Reply::Eof => {
                    ending = Ending::EndOfInput;
                    Action::Quit
                }
            }
        } else {
            let needs_pause = game.asked() > 0
                && (game.config().mode == Mode::Blitz || game.config().mode == Mode::HotSeat);
            match needs_pause.then(|| prompter.pause(game)).transpose()? {
                Some(Reply::Interrupted) => {
                    ending = Ending::Interrupted;
                    Action::Quit
                }
                Some(Reply::Eof) => {
                    ending = Ending::EndOfInput;
                    Action::Quit
                }
                _ => Action::Next,
            }
        };
        if action == Action::Quit && ending != Ending::Finished {
            output.stopping(ending)?;
        }
        events.clear();
        game.apply(action, clock.now(), &mut events);
        for event in &events {
            output.event(game, event)?;
        }
    }
    Ok(ending)
}
