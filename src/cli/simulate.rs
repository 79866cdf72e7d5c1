//! `trivia simulate`: headless games with bot players through the real state machine, and score
//! statistics; a progress bar on stderr when it is a terminal.

use clap::Args;

use super::Console;
use crate::content::ContentChoice;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::game::Mode;
use crate::game::select::Filters;
use crate::game::simulate::{self, Simulation, Strategy};
use crate::question::format_plain;

/// The most games one run plays: a few hours of work at most, with statistics that no longer move.
pub const MAX_GAMES: usize = 10_000_000;

/// Options of `trivia simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// How many games to play.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub games: usize,
    /// Seed of the first game (game i uses seed + i).
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// random, perfect or mixed (right two times in three).
    #[arg(long, value_name = "STRATEGY", default_value = "mixed")]
    pub strategy: String,
    /// classic, survival, blitz or hot-seat (review needs a history).
    #[arg(long, value_name = "MODE", default_value = "classic")]
    pub mode: String,
    /// Questions per game (default 10; survival: all).
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Play this fact base: a .toml file or a folder of them (repeatable; each is one fact base).
    /// Naming content with --facts or --pack plays it alone.
    #[arg(long, value_name = "PATH")]
    pub facts: Vec<std::path::PathBuf>,
    /// Play this pack file or folder of packs (repeatable).
    #[arg(long, value_name = "PATH")]
    pub pack: Vec<std::path::PathBuf>,
    /// Also play the default content beside what --facts and --pack name.
    #[arg(long)]
    pub with_bundled: bool,
    /// Print the statistics as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: SimulateArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let strategy = Strategy::parse(&args.strategy).ok_or_else(|| {
        Error::usage(format!(
            "`--strategy {}` is not a strategy; expected random, perfect or mixed",
            args.strategy
        ))
    })?;
    let mode = match Mode::parse(&args.mode) {
        Some(Mode::Review) | None => {
            return Err(Error::usage(format!(
                "`--mode {}` cannot be simulated; expected classic, survival, blitz or hot-seat",
                args.mode
            )));
        }
        Some(mode) => mode,
    };
    if args.games == 0 {
        return Err(Error::usage("`--games 0` plays nothing; give 1 or more"));
    }
    if args.games > MAX_GAMES {
        return Err(Error::usage(format!(
            "`--games {}` is more than one run plays (at most {MAX_GAMES}); run several with other `--seed` values",
            args.games
        )));
    }
    let choice = ContentChoice {
        facts: args.facts,
        packs: args.pack,
        with_bundled: args.with_bundled,
    };
    let content = crate::content::load(&choice, &console.vars)?;
    for warning in &content.warnings {
        writeln!(console.stderr, "warning: {}", crate::ui::clean(warning))?;
    }
    if content.pool.is_empty() {
        return Err(Error::usage("there are no questions to play"));
    }
    let pool = content.pool;
    let judge = std::rc::Rc::new(crate::game::AnswerJudge::new(content.lexicon));
    let count = match mode {
        Mode::Survival => args.count,
        Mode::HotSeat => Some(args.count.unwrap_or(5).saturating_mul(2)),
        _ => Some(args.count.unwrap_or(10)),
    };
    let simulation = Simulation {
        games: args.games,
        seed: args.seed,
        strategy,
        mode,
        count,
        filters: Filters::default(),
    };
    let bar = console.terminals.stderr.then(|| {
        let bar = indicatif::ProgressBar::new(args.games as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} games {eta}")
                .expect("the template is valid"),
        );
        bar
    });
    let stats = simulate::simulate(
        &pool,
        &simulation,
        &|_| Box::new(std::rc::Rc::clone(&judge)),
        &mut |played| {
            if let Some(bar) = &bar {
                if played % 64 == 0 || played == args.games {
                    bar.set_position(played as u64);
                }
            }
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if args.json {
        let value = serde_json::json!({
            "strategy": strategy,
            "mode": mode,
            "seed": args.seed,
            "stats": stats,
            "accuracy_percent": stats.accuracy_percent(),
        });
        serde_json::to_writer_pretty(&mut console.stdout, &value).map_err(std::io::Error::from)?;
        writeln!(console.stdout)?;
        return Ok(ExitCode::Success);
    }
    let out = &mut console.stdout;
    writeln!(
        out,
        "{} {} games, {} bots, seeds {}..{}",
        stats.games,
        mode,
        args.strategy.to_ascii_lowercase(),
        args.seed,
        args.seed.saturating_add(args.games as u64 - 1)
    )?;
    writeln!(
        out,
        "answered {} questions, {} right ({:.1}%)",
        stats.answered,
        stats.correct,
        stats.accuracy_percent()
    )?;
    writeln!(
        out,
        "score: mean {:.1}, median {}, min {}, max {}",
        stats.mean_score,
        format_plain(stats.median_score),
        stats.min_score,
        stats.max_score
    )?;
    Ok(ExitCode::Success)
}
