//! `trivia rules`: the rules of the game, from `docs/rules.md` (one text for the terminal and the docs),
//! opening with the name of the content the same options would play.

use std::path::PathBuf;

use super::Console;
use crate::content::{self, ContentChoice};
use crate::error::Result;
use crate::exit::ExitCode;

/// The rules as shipped in `docs/rules.md`.
pub const RULES: &str = include_str!("../../docs/rules.md");

/// The words of `docs/rules.md` that `trivia rules` replaces with the title of the content.
const CONTENT_WORDS: &str = "Questions about the content you play,";

/// Options of `trivia rules`: the content options of `trivia play`, so the rules name what is played.
#[derive(Debug, Default, clap::Args)]
pub struct RulesArgs {
    /// Name this fact base's topic (as `trivia play --facts`; repeatable).
    #[arg(long, value_name = "PATH")]
    pub facts: Vec<PathBuf>,
    /// Name this pack's topic (as `trivia play --pack`; repeatable).
    #[arg(long, value_name = "PATH")]
    pub pack: Vec<PathBuf>,
    /// Name the default content too (as `trivia play --with-bundled`).
    #[arg(long)]
    pub with_bundled: bool,
}

/// The rules, opening with "Questions about TITLE,".
pub fn render(title: &str) -> String {
    RULES.replacen(
        CONTENT_WORDS,
        &format!("Questions about {},", crate::ui::clean(title)),
        1,
    )
}

pub fn run(args: RulesArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let choice = ContentChoice {
        facts: args.facts,
        packs: args.pack,
        with_bundled: args.with_bundled,
    };
    let content = content::load(&choice, &console.vars)?;
    console
        .stdout
        .write_all(render(&content.title).as_bytes())?;
    Ok(ExitCode::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_open_with_the_title_of_the_content() {
        assert!(
            RULES.contains(CONTENT_WORDS),
            "docs/rules.md lost its opening words"
        );
        let rules = render("Apollo");
        assert!(rules.contains("Questions about Apollo, some written by hand"));
        assert!(!rules.contains("Defiant"));
    }
}
