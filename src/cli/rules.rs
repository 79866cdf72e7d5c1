//! `trivia rules`: the rules of the game, from `docs/rules.md` (one text for the terminal and the docs).

use super::Console;
use crate::error::Result;
use crate::exit::ExitCode;

/// The rules as shipped in `docs/rules.md`.
pub const RULES: &str = include_str!("../../docs/rules.md");

/// Options of `trivia rules` (none).
#[derive(Debug, Default, clap::Args)]
pub struct RulesArgs {}

pub fn run(_args: RulesArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    console.stdout.write_all(RULES.as_bytes())?;
    Ok(ExitCode::Success)
}
