//! `trivia history` and `trivia stats`: what the data directory remembers about each player: recent
//! games, high scores and the review boxes; accuracy per category and the score trend as bar charts.

use std::path::PathBuf;

use clap::Args;

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::history::{self, PlayerHistory, Store, store};
use crate::question::group_thousands;
use crate::ui::{ColorChoice, Style, chart, clean};

/// Options of `trivia history` and `trivia stats`.
#[derive(Debug, Default, Args)]
pub struct HistoryArgs {
    /// Only this player (all players when not given).
    #[arg(long, value_name = "NAME")]
    pub player: Option<String>,
    /// Read histories from here instead of the platform's data directory (or `TRIVIA_HOME`).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// How many recent games to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Print the stored history as JSON.
    #[arg(long)]
    pub json: bool,
    /// auto, always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: String,
}

struct Loaded {
    histories: Vec<PlayerHistory>,
    style: Style,
}

fn load(args: &HistoryArgs, console: &mut Console<'_>) -> Result<Option<Loaded>> {
    let color = ColorChoice::parse(&args.color).ok_or_else(|| {
        Error::usage(format!(
            "`--color {}` is not understood; expected auto, always or never",
            args.color
        ))
    })?;
    let vars = console.vars.clone();
    let style = Style::new(color.enabled(console.terminals.stdout, |name| vars.get(name).cloned()));
    let Some(dir) = store::data_dir(args.data_dir.as_deref(), &console.vars) else {
        return Err(Error::usage(
            "no data directory found; give one with `--data-dir` or TRIVIA_HOME",
        ));
    };
    let store = Store::new(dir);
    let names = match &args.player {
        Some(name) => vec![name.clone()],
        None => store.players(),
    };
    let mut histories = Vec::new();
    for name in names {
        if !store.path_for(&name).exists() {
            continue;
        }
        let loaded = store.load(&name);
        if let Some(warning) = loaded.warning {
            writeln!(console.stderr, "warning: {warning}")?;
        }
        histories.push(loaded.history);
    }
    if histories.is_empty() {
        let whom = args
            .player
            .as_deref()
            .map_or("anyone".to_string(), |name| format!("`{}`", clean(name)));
        writeln!(
            console.stdout,
            "No history for {whom} in `{}` yet: play a game with `trivia play`.",
            store.dir().display()
        )?;
        return Ok(None);
    }
    Ok(Some(Loaded { histories, style }))
}

/// `trivia history`.
pub fn run_history(args: HistoryArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let Some(Loaded { histories, style }) = load(&args, console)? else {
        return Ok(ExitCode::Success);
    };
    if args.json {
        serde_json::to_writer_pretty(&mut console.stdout, &histories)
            .map_err(std::io::Error::from)?;
        writeln!(console.stdout)?;
        return Ok(ExitCode::Success);
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for (at, history) in histories.iter().enumerate() {
        let out = &mut console.stdout;
        if at > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}",
            style.heading(&format!(
                "{}: {}",
                clean(&history.player),
                crate::ui::count(history.games.len(), "game")
            ))
        )?;
        writeln!(
            out,
            "  {:<20}  {:<8}  {:>7}  {:>6}  {:>6}",
            "When", "Mode", "Score", "Right", "Streak"
        )?;
        for game in history.games.iter().rev().take(args.limit) {
            writeln!(
                out,
                "  {:<20}  {:<8}  {:>7}  {:>6}  {:>6}",
                history::format_time(game.at),
                game.mode.as_str(),
                group_thousands(game.score as f64),
                format!("{}/{}", game.correct, game.correct + game.wrong),
                game.longest_streak
            )?;
        }
        if !history.high_scores.is_empty() {
            writeln!(out, "High scores:")?;
            for (mode, scores) in &history.high_scores {
                let list: Vec<String> = scores
                    .iter()
                    .map(|score| group_thousands(score.score as f64))
                    .collect();
                writeln!(out, "  {mode:<8}  {}", list.join(", "))?;
            }
        }
        let boxes = history.box_counts();
        let due = history.due(now).len();
        writeln!(
            out,
            "Review: {} due now; Leitner boxes 1 to 5 hold {}",
            crate::ui::count(due, "question"),
            boxes.map(|count| count.to_string()).join(" · ")
        )?;
    }
    Ok(ExitCode::Success)
}

/// `trivia stats`.
pub fn run_stats(args: HistoryArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let Some(Loaded { histories, style }) = load(&args, console)? else {
        return Ok(ExitCode::Success);
    };
    if args.json {
        let stats: Vec<serde_json::Value> = histories
            .iter()
            .map(|history| {
                serde_json::json!({
                    "player": history.player,
                    "categories": history.category_accuracy().iter().map(|(category, correct, answered)| {
                        serde_json::json!({"category": category, "correct": correct, "answered": answered})
                    }).collect::<Vec<_>>(),
                    "scores": history.games.iter().map(|game| game.score).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut console.stdout, &stats).map_err(std::io::Error::from)?;
        writeln!(console.stdout)?;
        return Ok(ExitCode::Success);
    }
    for (at, history) in histories.iter().enumerate() {
        let out = &mut console.stdout;
        if at > 0 {
            writeln!(out)?;
        }
        let categories = history.category_accuracy();
        let (correct, answered) = categories
            .iter()
            .fold((0, 0), |(c, a), (_, correct, answered)| {
                (c + correct, a + answered)
            });
        let overall = (correct * 100)
            .checked_div(answered)
            .map_or("no answers yet".to_string(), |percent| {
                format!("{percent}% right")
            });
        writeln!(
            out,
            "{}",
            style.heading(&format!(
                "{}: {}, {}, {overall}",
                clean(&history.player),
                crate::ui::count(history.games.len(), "game"),
                crate::ui::count(answered as usize, "answer")
            ))
        )?;
        if !categories.is_empty() {
            writeln!(out, "Accuracy by category:")?;
            let rows: Vec<(String, f64, String)> = categories
                .iter()
                .map(|(category, correct, answered)| {
                    (
                        clean(category).into_owned(),
                        f64::from(*correct) / f64::from((*answered).max(1)),
                        format!(
                            "{}% ({correct}/{answered})",
                            correct * 100 / (*answered).max(1)
                        ),
                    )
                })
                .collect();
            for line in chart::bars(&rows, 1.0, 30) {
                writeln!(out, "{line}")?;
            }
        }
        let scores: Vec<u64> = history
            .games
            .iter()
            .rev()
            .take(40)
            .rev()
            .map(|game| game.score)
            .collect();
        if !scores.is_empty() {
            let max = scores.iter().copied().max().unwrap_or(0);
            writeln!(
                out,
                "Score trend, last {}, oldest first (top = {}):",
                crate::ui::count(scores.len(), "game"),
                group_thousands(max as f64)
            )?;
            for line in chart::columns(&scores, 6) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(ExitCode::Success)
}
