//! `trivia history` and `trivia stats`: what the data directory remembers about each player: recent
//! games, high scores and the review boxes; accuracy per category and the score trend as bar charts.
//! `trivia history export` writes every game and answer as JSON.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::history::{self, Database, PlayerHistory, store};
use crate::question::group_thousands;
use crate::ui::{ColorChoice, Style, chart, clean};

/// `trivia history` with its options, or one of its subcommands.
#[derive(Debug, Default, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HistoryCommandArgs {
    #[command(subcommand)]
    pub command: Option<HistoryCommand>,
    #[command(flatten)]
    pub args: HistoryArgs,
}

/// What `trivia history` can do besides showing the history.
#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Write every stored game and answer as JSON (to standard output, or to a file with --output).
    Export(ExportArgs),
}

/// Options of `trivia history export`.
#[derive(Debug, Default, Args)]
pub struct ExportArgs {
    /// Only this player (all players when not given).
    #[arg(long, value_name = "NAME")]
    pub player: Option<String>,
    /// Read histories from here instead of the platform's data directory (or `TRIVIA_HOME`).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Write the JSON to this file (replaced whole; a new file is readable by its owner only).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

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

/// What `history` and `stats` show about one player.
struct PlayerView {
    /// Every game, or the last few (see [`read_histories`]).
    history: PlayerHistory,
    /// Games played in all.
    games: usize,
    /// Questions due for review now.
    due: usize,
    /// Right and answered per category over every game (only when asked for).
    categories: Vec<(String, u32, u32)>,
}

struct Loaded {
    players: Vec<PlayerView>,
    style: Style,
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Every player's history (or `player`'s) from the database in the data directory, empty when there is
/// none yet: with every game, or only the `last` ones, and the categories when `categories`. Warnings
/// from opening it go to standard error.
fn read_histories(
    data_dir: Option<&Path>,
    player: Option<&str>,
    last: Option<usize>,
    categories: bool,
    console: &mut Console<'_>,
) -> Result<(PathBuf, Vec<PlayerView>)> {
    let Some(dir) = store::data_dir(data_dir, &console.vars) else {
        return Err(Error::usage(
            "no data directory found; give one with `--data-dir` or TRIVIA_HOME",
        ));
    };
    if !Database::exists_in(&dir) {
        return Ok((dir, Vec::new()));
    }
    let opened = Database::open(&dir, now())?;
    for warning in &opened.warnings {
        writeln!(console.stderr, "warning: {warning}")?;
    }
    for notice in &opened.notices {
        writeln!(console.stderr, "note: {notice}")?;
    }
    let database = opened.database;
    let names = match player {
        Some(name) => vec![name.to_string()],
        None => database.players()?,
    };
    let mut views = Vec::new();
    for name in names {
        let history = match last {
            Some(last) => database.recent_history(&name, last)?,
            None => database.player_history(&name)?,
        };
        if let Some(history) = history {
            views.push(PlayerView {
                history,
                games: database.game_count(&name)?,
                due: database.due(&name, now())?.len(),
                categories: if categories {
                    database.category_accuracy(&name)?
                } else {
                    Vec::new()
                },
            });
        }
    }
    Ok((dir, views))
}

fn load(
    args: &HistoryArgs,
    last: Option<usize>,
    categories: bool,
    console: &mut Console<'_>,
) -> Result<Option<Loaded>> {
    let color = ColorChoice::parse(&args.color).ok_or_else(|| {
        Error::usage(format!(
            "`--color {}` is not understood; expected auto, always or never",
            args.color
        ))
    })?;
    let vars = console.vars.clone();
    let style = Style::new(color.enabled(console.terminals.stdout, |name| vars.get(name).cloned()));
    let (dir, players) = read_histories(
        args.data_dir.as_deref(),
        args.player.as_deref(),
        last,
        categories,
        console,
    )?;
    if players.is_empty() {
        let whom = args
            .player
            .as_deref()
            .map_or("anyone".to_string(), |name| format!("`{}`", clean(name)));
        writeln!(
            console.stdout,
            "No history for {whom} in `{}` yet: play a game with `trivia play`.",
            clean(&dir.display().to_string())
        )?;
        return Ok(None);
    }
    Ok(Some(Loaded { players, style }))
}

/// `trivia history export`.
fn run_export(args: ExportArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let (_, views) = read_histories(
        args.data_dir.as_deref(),
        args.player.as_deref(),
        None,
        false,
        console,
    )?;
    let histories: Vec<PlayerHistory> = views.into_iter().map(|view| view.history).collect();
    let mut json = serde_json::to_string_pretty(&histories).map_err(std::io::Error::from)?;
    json.push('\n');
    match &args.output {
        None => console.stdout.write_all(json.as_bytes())?,
        Some(path) => {
            write_replacing(path, json.as_bytes()).map_err(|source| Error::Io {
                action: "write the export",
                path: path.clone(),
                source,
            })?;
            writeln!(
                console.stderr,
                "Exported {} to `{}`.",
                crate::ui::count(histories.len(), "player's history"),
                clean(&path.display().to_string())
            )?;
        }
    }
    Ok(ExitCode::Success)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over it: a crash leaves
/// the old file or the new one. An existing file keeps its permissions; a new one is private (0600).
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile_in(folder)?;
    let result = (|| {
        temp.1.write_all(bytes)?;
        if let Ok(metadata) = fs::metadata(path) {
            temp.1.set_permissions(metadata.permissions())?;
        }
        temp.1.sync_all()?;
        fs::rename(&temp.0, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp.0);
    }
    result
}

/// A new private file `.trivia-export-<pid>-<n>.tmp` in `folder`.
fn tempfile_in(folder: &Path) -> std::io::Result<(PathBuf, fs::File)> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut n = 0u32;
    loop {
        let path = folder.join(format!(".trivia-export-{}-{n}.tmp", std::process::id()));
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(error) => return Err(error),
        }
    }
}

/// `trivia history` and its subcommands.
pub fn run_history(command: HistoryCommandArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let args = match command.command {
        Some(HistoryCommand::Export(export)) => return run_export(export, console),
        None => command.args,
    };
    let last = (!args.json).then_some(args.limit);
    let Some(Loaded { players, style }) = load(&args, last, false, console)? else {
        return Ok(ExitCode::Success);
    };
    if args.json {
        let histories: Vec<&PlayerHistory> = players.iter().map(|view| &view.history).collect();
        serde_json::to_writer_pretty(&mut console.stdout, &histories)
            .map_err(std::io::Error::from)?;
        writeln!(console.stdout)?;
        return Ok(ExitCode::Success);
    }
    for (at, view) in players.iter().enumerate() {
        let (history, due) = (&view.history, view.due);
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
                crate::ui::count(view.games, "game")
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
        writeln!(
            out,
            "Review: {} due now; Leitner boxes 1 to 5 hold {}",
            crate::ui::count(due, "question"),
            boxes.map(|count| count.to_string()).join(" · ")
        )?;
    }
    Ok(ExitCode::Success)
}

/// Games in the score trend of `trivia stats`.
const SCORE_TREND_GAMES: usize = 40;

/// `trivia stats`.
pub fn run_stats(args: HistoryArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let last = (!args.json).then_some(SCORE_TREND_GAMES);
    let Some(Loaded { players, style }) = load(&args, last, true, console)? else {
        return Ok(ExitCode::Success);
    };
    if args.json {
        let stats: Vec<serde_json::Value> = players
            .iter()
            .map(|view| {
                let history = &view.history;
                serde_json::json!({
                    "player": history.player,
                    "categories": view.categories.iter().map(|(category, correct, answered)| {
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
    for (at, view) in players.iter().enumerate() {
        let (history, categories) = (&view.history, &view.categories);
        let out = &mut console.stdout;
        if at > 0 {
            writeln!(out)?;
        }
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
                crate::ui::count(view.games, "game"),
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
            .take(SCORE_TREND_GAMES)
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
