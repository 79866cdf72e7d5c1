//! The loop every front end shares: ask, read, apply, show, until the game is over or the player leaves.
//! The clock is read here, at the edge, and passed to the game as a number.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::game::script::Command;
use crate::game::{Action, Event, Game, Millis, Mode};

use super::prompt::{AfterFeedback, Deadline, Prompter, Reply};

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
    /// A message for the player from the front end (a report saved, a question to answer).
    fn notice(&mut self, text: &str) -> io::Result<()>;
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

/// Where `:report` sends a player's report on a question.
pub trait ReportSink {
    /// Records a report on question `number` of `game`; the message to show the player (a
    /// confirmation, or why the report could not be kept).
    fn record(&mut self, game: &Game, number: usize, reason: &str) -> Result<String, String>;
}

/// Reports go nowhere: games without a history say so.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoReports;

impl ReportSink for NoReports {
    fn record(&mut self, _game: &Game, _number: usize, _reason: &str) -> Result<String, String> {
        Err("reports are kept in the history, which this game does not use".to_string())
    }
}

/// Plays `game` to its end with `prompter` and `output`, keeping no reports. See [`run_with_reports`].
pub fn run(
    game: &mut Game,
    prompter: &mut dyn Prompter,
    output: &mut dyn Output,
    clock: &dyn Clock,
    interrupt: &AtomicBool,
) -> io::Result<Ending> {
    run_with_reports(game, prompter, output, clock, interrupt, &mut NoReports)
}

/// Plays `game` to its end with `prompter` and `output`. `interrupt` is checked before every prompt
/// (Ctrl-C sets it). With `pause_between`, the prompter's pause comes before every question after the
/// first (blitz and hot-seat in a terminal). A timed question's countdown runs on `clock`; when it runs
/// out the question is judged as timed out. `:report` (or the interactive menu after an answer) sends a
/// report on the question just answered to `reports`.
pub fn run_with_reports(
    game: &mut Game,
    prompter: &mut dyn Prompter,
    output: &mut dyn Output,
    clock: &dyn Clock,
    interrupt: &AtomicBool,
    reports: &mut dyn ReportSink,
) -> io::Result<Ending> {
    let mut events = Vec::with_capacity(8);
    let mut ending = Ending::Finished;
    let mut deadline: Option<Millis> = None;
    // The question whose answer was shown last: what `:report` is about.
    let mut last_answered: Option<usize> = None;
    let mut quit_after_feedback = false;
    output.intro(game)?;
    while !game.is_over() {
        let line;
        let action = if interrupt.load(Ordering::SeqCst) {
            ending = Ending::Interrupted;
            Action::Quit
        } else if quit_after_feedback {
            ending = Ending::Quit;
            Action::Quit
        } else if game.is_open() {
            output.before_prompt(game)?;
            let reply = match deadline {
                Some(at) => prompter.ask_until(game, Deadline { at, clock })?,
                None => prompter.ask(game)?,
            };
            match reply {
                Reply::Line(text) if !interrupt.load(Ordering::SeqCst) => {
                    line = text;
                    output.input(&line)?;
                    match Command::parse(&line) {
                        Command::Help => {
                            output.help()?;
                            continue;
                        }
                        Command::Report(reason) => {
                            match report(game, last_answered, reason, prompter, output, reports)? {
                                Some(stop) => {
                                    ending = stop;
                                    Action::Quit
                                }
                                None => continue,
                            }
                        }
                        Command::Action(Action::Quit) => {
                            ending = Ending::Quit;
                            Action::Quit
                        }
                        Command::Action(action) => action,
                    }
                }
                Reply::TimeUp => Action::TimeUp,
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
        let now = clock.now();
        game.apply(action, now, &mut events);
        let mut feedback_for = None;
        for event in &events {
            if matches!(event, Event::GameOver { .. })
                && let Some(number) = feedback_for.take()
            {
                match feedback(game, number, prompter, output, reports)? {
                    Some(Ending::Interrupted) => ending = Ending::Interrupted,
                    Some(Ending::EndOfInput) => ending = Ending::EndOfInput,
                    _ => {}
                }
            }
            output.event(game, event)?;
            match event {
                Event::QuestionAsked { time_limit, .. } => {
                    deadline = time_limit.zip(now).map(|(limit, now)| now + limit);
                }
                Event::Answered(verdict) => {
                    feedback_for = Some(verdict.number);
                    last_answered = Some(verdict.number);
                }
                Event::Skipped { number, .. } => {
                    feedback_for = Some(*number);
                    last_answered = Some(*number);
                }
                _ => {}
            }
        }
        if let Some(number) = feedback_for
            && !game.is_over()
        {
            match feedback(game, number, prompter, output, reports)? {
                Some(Ending::Quit) => quit_after_feedback = true,
                Some(stop) => {
                    ending = stop;
                    output.stopping(ending)?;
                    events.clear();
                    game.apply(Action::Quit, clock.now(), &mut events);
                    for event in &events {
                        output.event(game, event)?;
                    }
                }
                None => {}
            }
        }
    }
    Ok(ending)
}

/// After an answer is shown: the prompter's choice (a report is recorded here). `Some` ending when
/// the player wants to stop.
fn feedback(
    game: &Game,
    number: usize,
    prompter: &mut dyn Prompter,
    output: &mut dyn Output,
    reports: &mut dyn ReportSink,
) -> io::Result<Option<Ending>> {
    loop {
        return Ok(match prompter.after_feedback(game, number)? {
            AfterFeedback::Next => None,
            AfterFeedback::Report(reason) => {
                let message = match reports.record(game, number, &reason) {
                    Ok(message) | Err(message) => message,
                };
                output.notice(&message)?;
                continue;
            }
            AfterFeedback::Quit => Some(Ending::Quit),
            AfterFeedback::Interrupted => Some(Ending::Interrupted),
            AfterFeedback::Eof => Some(Ending::EndOfInput),
        });
    }
}

/// `:report` typed at a prompt: reports the question answered last, asking for a reason when none
/// came with the command. `Some` ending when input ended or Ctrl-C came while asking.
fn report(
    game: &Game,
    last_answered: Option<usize>,
    reason: &str,
    prompter: &mut dyn Prompter,
    output: &mut dyn Output,
    reports: &mut dyn ReportSink,
) -> io::Result<Option<Ending>> {
    let Some(number) = last_answered else {
        output.notice(
            "Nothing to report yet: :report works once a question's answer has been shown.",
        )?;
        return Ok(None);
    };
    let reason = if reason.is_empty() {
        output.notice(&format!(
            "What is wrong with question {}? One line (an empty line cancels):",
            number + 1
        ))?;
        output.before_prompt(game)?;
        match prompter.report_reason(game)? {
            Reply::Line(line) => {
                output.input(&line)?;
                line
            }
            Reply::Interrupted => return Ok(Some(Ending::Interrupted)),
            Reply::Eof => return Ok(Some(Ending::EndOfInput)),
            Reply::TimeUp => String::new(),
        }
    } else {
        reason.to_string()
    };
    if reason.trim().is_empty() {
        output.notice("No report made.")?;
        return Ok(None);
    }
    let message = match reports.record(game, number, reason.trim()) {
        Ok(message) | Err(message) => message,
    };
    output.notice(&message)?;
    Ok(None)
}
