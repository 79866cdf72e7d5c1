//! `trivia facts ...`: validate fact bases and list their disagreements.

use clap::Subcommand;

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;

/// Subcommands of `trivia facts`.
#[derive(Debug, Subcommand)]
pub enum FactsCommand {
    /// Validate fact files and list the recorded disagreements.
    Check {},
}

pub fn run(_command: FactsCommand, _console: &mut Console<'_>) -> Result<ExitCode> {
    Err(Error::usage("`trivia facts check` is not built yet"))
}
