//! `trivia reports` (the questions players reported, for whoever maintains the packs and fact bases)
//! and `trivia categories` (the categories of the content in play, with their question counts).

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;

use super::Console;
use crate::content::{self, ContentChoice};
use crate::error::Result;
use crate::escape::for_terminal;
use crate::exit::ExitCode;
use crate::history::{Database, store};

/// Options of `trivia reports`.
#[derive(Debug, Default, Args)]
pub struct ReportsArgs {
    /// Read reports from here instead of the platform's data directory (or `TRIVIA_HOME`).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// One JSON array of every report.
    #[arg(long)]
    pub json: bool,
}

/// Lists every report, oldest first.
pub fn run_reports(args: ReportsArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let Some(dir) = store::data_dir(args.data_dir.as_deref(), &console.vars) else {
        writeln!(
            console.stderr,
            "warning: no data directory found; set TRIVIA_HOME or --data-dir"
        )?;
        return Ok(ExitCode::Failure);
    };
    let reports = if Database::path_in(&dir).exists() {
        let opened = Database::open(&dir, now())?;
        for warning in &opened.warnings {
            writeln!(console.stderr, "warning: {}", for_terminal(warning))?;
        }
        opened.database.list_reports()?
    } else {
        Vec::new()
    };
    if args.json {
        let text = crate::escape::to_json(&reports, true).map_err(std::io::Error::from)?;
        writeln!(console.stdout, "{text}")?;
        return Ok(ExitCode::Success);
    }
    if reports.is_empty() {
        writeln!(
            console.stdout,
            "No reports yet: during a game, `:report` (or the menu after an answer) reports a question."
        )?;
        return Ok(ExitCode::Success);
    }
    for report in &reports {
        writeln!(
            console.stdout,
            "#{} · {} · question {}",
            report.id,
            crate::game::share::date_from_unix(report.at).to_iso(),
            for_terminal(&report.question_id)
        )?;
        writeln!(console.stdout, "  from:   {}", for_terminal(&report.source))?;
        writeln!(console.stdout, "  reason: {}", for_terminal(&report.reason))?;
    }
    writeln!(
        console.stdout,
        "{}",
        crate::ui::count(reports.len(), "report")
    )?;
    Ok(ExitCode::Success)
}

/// Options of `trivia categories`.
#[derive(Debug, Default, Args)]
pub struct CategoriesArgs {
    /// Play this fact base instead of the shipped one (repeatable).
    #[arg(long, value_name = "PATH")]
    pub facts: Vec<PathBuf>,
    /// Count the questions of this pack file or folder too (repeatable).
    #[arg(long, value_name = "PATH")]
    pub pack: Vec<PathBuf>,
    /// With `--facts` or `--pack`, keep the bundled content as well.
    #[arg(long)]
    pub with_bundled: bool,
    /// One JSON object per category.
    #[arg(long)]
    pub json: bool,
}

/// Questions per category of `pool`, by difficulty: name → [easy, medium, hard].
pub fn category_counts(pool: &crate::game::select::Pool) -> BTreeMap<String, [usize; 3]> {
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for question in pool.questions() {
        let slot = crate::question::Difficulty::ALL
            .iter()
            .position(|&d| d == question.difficulty)
            .unwrap_or(1);
        counts.entry(question.category.clone()).or_default()[slot] += 1;
    }
    counts
}

/// Lists the categories of the content in play with their question counts.
pub fn run_categories(args: CategoriesArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let choice = ContentChoice {
        facts: args.facts,
        packs: args.pack,
        with_bundled: args.with_bundled,
    };
    let content = content::load(&choice, &console.vars)?;
    for warning in &content.warnings {
        writeln!(console.stderr, "warning: {}", for_terminal(warning))?;
    }
    let counts = category_counts(&content.pool);
    if args.json {
        let list: Vec<serde_json::Value> = counts
            .iter()
            .map(|(name, [easy, medium, hard])| {
                serde_json::json!({
                    "category": name,
                    "questions": easy + medium + hard,
                    "easy": easy,
                    "medium": medium,
                    "hard": hard,
                })
            })
            .collect();
        let text = crate::escape::to_json(&list, true).map_err(std::io::Error::from)?;
        writeln!(console.stdout, "{text}")?;
        return Ok(ExitCode::Success);
    }
    let width = counts
        .keys()
        .map(|name| for_terminal(name).chars().count())
        .max()
        .unwrap_or(0);
    writeln!(
        console.stdout,
        "Categories of {} ({}):",
        for_terminal(&content.title),
        crate::ui::count(content.pool.len(), "question")
    )?;
    for (name, [easy, medium, hard]) in &counts {
        writeln!(
            console.stdout,
            "  {:<width$}  {:>4}  ({easy} easy, {medium} medium, {hard} hard)",
            for_terminal(name),
            easy + medium + hard
        )?;
    }
    writeln!(
        console.stdout,
        "Play one with: trivia play --category \"NAME\""
    )?;
    Ok(ExitCode::Success)
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
