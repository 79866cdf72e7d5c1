//! `trivia facts ...`: write a starter fact base, validate fact bases (with warnings for templates that
//! cannot render and facts that yield no question) and list their disagreements.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::facts::{FactBase, fact_base_id_from_name, starter_fact_base};
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
    /// Write a small, valid, commented fact base to start from (NAME.toml).
    New {
        /// The fact base's name; the file written is NAME.toml (or NAME itself when it ends in .toml).
        name: PathBuf,
        /// The title players see (default: the name).
        #[arg(long)]
        title: Option<String>,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
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
        FactsCommand::New { name, title, force } => new(name, title, force, console),
    }
}

fn new(
    name: PathBuf,
    title: Option<String>,
    force: bool,
    console: &mut Console<'_>,
) -> Result<ExitCode> {
    let path = if name.extension().is_some_and(|ext| ext == "toml") {
        name
    } else {
        let mut file = name.into_os_string();
        file.push(".toml");
        PathBuf::from(file)
    };
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = fact_base_id_from_name(&stem);
    let title = title.unwrap_or_else(|| {
        let words = stem.replace(['-', '_'], " ");
        let mut chars = words.trim().chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_else(|| "My facts".to_string())
    });
    if path.exists() && !force {
        return Err(Error::usage(format!(
            "`{}` already exists; pass --force to overwrite it",
            path.display()
        )));
    }
    std::fs::write(&path, starter_fact_base(&id, &title)).map_err(|source| Error::Io {
        action: "write",
        path: path.clone(),
        source,
    })?;
    let shown_path = shown(&path.display().to_string()).into_owned();
    writeln!(
        console.stdout,
        "wrote {shown_path}: fact base `{id}` (\"{}\"), four example planets to replace with your own facts\n\
         check it:  trivia facts check {shown_path}\n\
         play it:   trivia play --facts {shown_path}",
        shown(&title)
    )?;
    Ok(ExitCode::Success)
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
    let warnings = match (&base, valid) {
        (Some(base), true) => warnings(base),
        _ => Vec::new(),
    };
    if json {
        write_json(base.as_ref(), &problems, &warnings, console)?;
    } else {
        write_text(base.as_ref(), &problems, &warnings, console)?;
    }
    Ok(if valid {
        ExitCode::Success
    } else {
        ExitCode::Invalid
    })
}

/// What a valid fact base may still get wrong: templates that never render for a fact, and facts that
/// yield no question, each at its place, in file order.
fn warnings(base: &FactBase) -> Vec<Diagnostic> {
    let mut warnings = base.template_warnings();
    let generator = crate::generate::Generator::new(base);
    for index in generator.uncovered_facts() {
        let fact = &base.facts[index];
        warnings.push(fact.origin.diagnostic(format!(
            "warning: the fact `{} {} {}` yields no question: no template renders for it, or the facts rule out no wrong option (docs/facts.md, \"When a fact yields no question\")",
            fact.subject,
            fact.relation,
            base.object_words(&fact.object)
        )));
    }
    let mut diagnostics = crate::tomldoc::Diagnostics { items: warnings };
    diagnostics.sort();
    diagnostics.items
}

fn write_text(
    base: Option<&FactBase>,
    problems: &[Diagnostic],
    warnings: &[Diagnostic],
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
    if !warnings.is_empty() {
        writeln!(out, "\n{} warning(s):", warnings.len())?;
        for warning in warnings {
            writeln!(out, "{}", shown(&warning.to_string()))?;
        }
    }
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
    warnings: &[Diagnostic],
    console: &mut Console<'_>,
) -> Result<()> {
    let report = json!({
        "valid": problems.is_empty(),
        "problems": problems,
        "warnings": warnings,
        "summary": base.map(FactBase::summary),
        "disagreements": base.map_or(&[][..], FactBase::disagreements),
    });
    let text = escape::to_json(&report, true).map_err(std::io::Error::from)?;
    writeln!(console.stdout, "{text}")?;
    Ok(())
}
