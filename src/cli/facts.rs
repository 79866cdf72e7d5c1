//! `trivia facts ...`: validate fact bases and list their disagreements.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use super::Console;
use crate::error::Result;
use crate::exit::ExitCode;
use crate::facts::FactBase;
use crate::tomldoc::Diagnostic;
use crate::ui::escape::{self, for_terminal_text as shown};

/// Subcommands of `trivia facts`.
#[derive(Debug, Subcommand)]
pub enum FactsCommand {
    /// Validate fact files and list the recorded disagreements (exit 0 valid, 2 invalid).
    Check {
        /// Fact files or folders of `*.toml` files; the shipped fact base when none are given.
        paths: Vec<PathBuf>,
        /// Also check that every evidence excerpt appears in its article, read from this folder.
        #[arg(long, value_name = "DIR")]
        articles: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of fact files (for editors that validate TOML against a schema).
    Schema,
}

pub fn run(command: FactsCommand, console: &mut Console<'_>) -> Result<ExitCode> {
    match command {
        FactsCommand::Check {
            paths,
            articles,
            json,
        } => check(&paths, articles, json, console),
        FactsCommand::Schema => {
            console
                .stdout
                .write_all(crate::schema::FACTS_SCHEMA.as_bytes())?;
            Ok(ExitCode::Success)
        }
    }
}

fn check(
    paths: &[PathBuf],
    articles: Option<PathBuf>,
    json: bool,
    console: &mut Console<'_>,
) -> Result<ExitCode> {
    let (base, mut problems) = match FactBase::embedded_or(paths) {
        Ok(base) => (Some(base), Vec::new()),
        Err(problems) => (None, problems),
    };
    if let (Some(base), Some(dir)) = (&base, &articles) {
        problems.extend(base.verify_evidence(dir));
    }
    let valid = problems.is_empty();
    if json {
        write_json(base.as_ref(), &problems, console)?;
    } else {
        write_text(base.as_ref(), &problems, console)?;
    }
    Ok(if valid {
        ExitCode::Success
    } else {
        ExitCode::Invalid
    })
}

fn write_text(
    base: Option<&FactBase>,
    problems: &[Diagnostic],
    console: &mut Console<'_>,
) -> Result<()> {
    let out = &mut console.stdout;
    for problem in problems {
        writeln!(out, "{problem}")?;
    }
    if !problems.is_empty() {
        writeln!(
            out,
            "{} problem(s) found; the fact base is invalid.",
            problems.len()
        )?;
        return Ok(());
    }
    let Some(base) = base else { return Ok(()) };
    let summary = base.summary();
    writeln!(
        out,
        "fact base is valid: {} articles, {} relations, {} entities, {} facts, {} disagreements ({} disputed facts)",
        summary.articles,
        summary.relations,
        summary.entities,
        summary.facts,
        summary.disagreements,
        summary.disputed_facts
    )?;
    if base.disagreements().is_empty() {
        return Ok(());
    }
    writeln!(out, "\nDisagreements between the sources:")?;
    for disagreement in base.disagreements() {
        writeln!(
            out,
            "\n* {} ({})",
            shown(&disagreement.topic),
            shown(&disagreement.id)
        )?;
        for side in &disagreement.sides {
            writeln!(out, "  - {}", shown(&side.claim))?;
            for citation in &side.sources {
                let article = shown(&citation.article);
                match &citation.evidence {
                    Some(evidence) => writeln!(out, "      {article}: \"{}\"", shown(evidence))?,
                    None => writeln!(out, "      {article}")?,
                }
            }
        }
        if let Some(note) = &disagreement.note {
            writeln!(out, "  note: {}", shown(note))?;
        }
    }
    Ok(())
}

fn write_json(
    base: Option<&FactBase>,
    problems: &[Diagnostic],
    console: &mut Console<'_>,
) -> Result<()> {
    let report = json!({
        "valid": problems.is_empty(),
        "problems": problems,
        "summary": base.map(FactBase::summary),
        "disagreements": base.map_or(&[][..], FactBase::disagreements),
    });
    let text = escape::to_json(&report, true).map_err(std::io::Error::from)?;
    writeln!(console.stdout, "{text}")?;
    Ok(())
}
