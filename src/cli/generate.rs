//! `trivia generate`: placeholder until the feature lands.

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;

#[derive(Debug, Default, clap::Args)]
pub struct GenerateArgs {}

pub fn run(_args: GenerateArgs, _console: &mut Console<'_>) -> Result<ExitCode> {
    Err(Error::usage("`trivia generate` is not built yet"))
}
