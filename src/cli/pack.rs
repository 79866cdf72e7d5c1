//! `trivia pack`: placeholder until the feature lands.

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum PackCommand {
    /// Validate packs.
    Validate {},
}

pub fn run(_args: PackCommand, _console: &mut Console<'_>) -> Result<ExitCode> {
    Err(Error::usage("`trivia pack` is not built yet"))
}
