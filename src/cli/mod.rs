//! Command-line front door: parses arguments with clap and hands each subcommand to its module.
//!
//! Each subcommand lives in its own file with its `Args` and `run`; this file only dispatches and maps
//! errors to exit codes. [`run_with`] takes the console as a value so tests can drive any command.

mod facts;
mod generate;
mod history;
mod pack;
mod play;
pub(crate) mod reports;
mod rules;
mod simulate;

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Write};

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::exit::ExitCode;

/// trivia: a terminal quiz game built on sourced facts. It plays the bundled content, or your own fact
/// bases and packs (`trivia play --facts PATH`, `--pack PATH`).
#[derive(Debug, Parser)]
#[command(name = "trivia", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; with none, `trivia` plays the default game.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a game (the default when no command is given).
    Play(Box<play::PlayArgs>),
    /// Inspect and validate fact bases.
    #[command(subcommand)]
    Facts(facts::FactsCommand),
    /// Generate questions from a fact base.
    Generate(generate::GenerateArgs),
    /// Write, validate, list, import and export question packs.
    #[command(subcommand)]
    Pack(pack::PackCommand),
    /// Show each player's recent games, high scores and review boxes; `history export` writes JSON.
    History(history::HistoryCommandArgs),
    /// Show accuracy per category and the score trend as bar charts.
    Stats(history::HistoryArgs),
    /// Print the rules: modes, scoring, lifelines and commands.
    Rules(rules::RulesArgs),
    /// List the questions players reported during games (`:report`).
    Reports(reports::ReportsArgs),
    /// List the categories of the content in play, with question counts.
    Categories(reports::CategoriesArgs),
    /// Play headless games with bot players and print score statistics.
    Simulate(simulate::SimulateArgs),
}

/// Which of the standard streams are terminals, probed once at start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Terminals {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

/// Everything a command may read or write besides files: the streams, whether they are terminals, and
/// the environment variables that change behaviour (`NO_COLOR`, `CLICOLOR_FORCE`, `TRIVIA_HOME`, ...).
pub struct Console<'a> {
    pub stdin: &'a mut dyn BufRead,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub terminals: Terminals,
    pub vars: HashMap<String, String>,
}

impl Console<'_> {
    /// An environment variable, if set and not empty.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }
}

/// Runs the process: parses `std::env::args_os`, uses the real streams, and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let stdin = io::stdin();
    let mut stdin = stdin.lock();
    let mut stdout = io::stdout().lock();
    let mut stderr = io::stderr().lock();
    let terminals = Terminals {
        stdin: io::stdin().is_terminal(),
        stdout: io::stdout().is_terminal(),
        stderr: io::stderr().is_terminal(),
    };
    let mut console = Console {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        terminals,
        vars: std::env::vars().collect(),
    };
    i32::from(run_with(args, &mut console))
}

/// Runs one command against the given console.
pub fn run_with(args: impl IntoIterator<Item = OsString>, console: &mut Console<'_>) -> ExitCode {
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(error) => {
            let code = if error.use_stderr() {
                ExitCode::Invalid
            } else {
                ExitCode::Success
            };
            let rendered = error.render().to_string();
            let rendered = crate::ui::escape::for_terminal_text(&rendered);
            let stream: &mut dyn Write = if error.use_stderr() {
                console.stderr
            } else {
                console.stdout
            };
            let _ = stream.write_all(rendered.as_bytes());
            return code;
        }
    };
    let result = match args.command {
        None => play::run(play::PlayArgs::default(), console),
        Some(Command::Play(play_args)) => play::run(*play_args, console),
        Some(Command::Facts(command)) => facts::run(command, console),
        Some(Command::Generate(generate_args)) => generate::run(generate_args, console),
        Some(Command::Pack(command)) => pack::run(command, console),
        Some(Command::History(args)) => history::run_history(args, console),
        Some(Command::Stats(args)) => history::run_stats(args, console),
        Some(Command::Rules(args)) => rules::run(args, console),
        Some(Command::Simulate(args)) => simulate::run(args, console),
        Some(Command::Reports(args)) => reports::run_reports(args, console),
        Some(Command::Categories(args)) => reports::run_categories(args, console),
    };
    match result {
        Ok(code) => {
            let _ = console.stdout.flush();
            code
        }
        Err(Error::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::Success,
        Err(error) => {
            let _ = console.stdout.flush();
            let message = error.to_string();
            let _ = writeln!(
                console.stderr,
                "error: {}",
                crate::ui::escape::for_terminal_text(&message)
            );
            error.exit_code()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_command_means_play() {
        let args = Args::try_parse_from(["trivia"]).unwrap();
        assert!(args.command.is_none());
    }

    #[test]
    fn unknown_command_is_a_usage_error() {
        assert!(Args::try_parse_from(["trivia", "dance"]).is_err());
    }
}
