//! `trivia play`: placeholder until the feature lands.

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;

#[derive(Debug, Default, clap::Args)]
pub struct PlayArgs {}

pub fn run(_args: PlayArgs, _console: &mut Console<'_>) -> Result<ExitCode> {
    Err(Error::usage("`trivia play` is not built yet"))
}
