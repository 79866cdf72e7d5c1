//! `trivia pack ...`: write a starter pack, validate packs, list them, import datasets, export packs.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::Console;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::ReadProblem;
use crate::pack::import::{self, Input};
use crate::pack::starter::{pack_id_from_name, starter_pack};
use crate::pack::{self, LoadReport, LoadedPack, Pack, PackMeta, export};
use crate::question::QuestionType;
use crate::tomldoc::Diagnostic;
use crate::ui::escape::{self, for_terminal};

mod transfer;

use transfer::*;

/// Subcommands of `trivia pack`.
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Write a starter pack with one commented example of every question type.
    New(NewArgs),
    /// Check pack files and folders, reporting every problem with file:line:column.
    Validate(ValidateArgs),
    /// List the bundled packs, the packs in your pack folder and `--pack` paths, with counts per type.
    List(ListArgs),
    /// Turn an Open Trivia DB, OpenTriviaQA, GIFT, CSV/TSV, Kahoot, Quizlet/Anki or JSON file into a pack.
    Import(ImportArgs),
    /// Write a pack as GIFT (for Moodle), JSON, CSV or TSV.
    Export(ExportArgs),
    /// Print the JSON Schema of pack files (for editors that validate TOML against a schema).
    Schema,
    /// Find what a valid pack can still get wrong: near-duplicates, answers given away, "all of the
    /// above", standout options, options the checker cannot tell apart, true/false balance, dated
    /// wording, missing aliases (exit 0 clean or notes only, 2 warnings, errors or invalid packs).
    Lint(LintArgs),
}

/// The least severity `pack lint` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LintLevel {
    Note,
    Warning,
    Error,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Pack files, or folders of *.toml packs; near-duplicates are found across all of them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the findings as JSON: {"valid", "errors", "findings": [{check, severity, file, line,
    /// question, message}], "counts", "questions"}.
    #[arg(long)]
    pub json: bool,
    /// Show only findings of this severity or worse.
    #[arg(long, value_enum, default_value = "note")]
    pub level: LintLevel,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The pack's name; the file written is NAME.toml (or NAME itself when it ends in .toml).
    pub name: PathBuf,
    /// The title players see (default: the name).
    #[arg(long)]
    pub title: Option<String>,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Pack files, or folders of *.toml packs.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the result as JSON: {"valid", "errors": [{file, line, column, message}], "packs"}.
    #[arg(long)]
    pub json: bool,
    /// Check the questions' `facts` against this fact base (a file or folder; repeatable): a name none
    /// has is an error. Without it they are checked against the bundled fact base, as warnings.
    #[arg(long = "facts", value_name = "PATH")]
    pub facts: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Also list this pack file or folder (repeatable).
    #[arg(long = "pack", value_name = "PATH")]
    pub packs: Vec<PathBuf>,
}

/// Formats `trivia pack import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// Open Trivia DB JSON: {"results": [...]}.
    Opentdb,
    /// OpenTriviaQA text files.
    Opentriviaqa,
    /// Moodle GIFT.
    Gift,
    /// trivia's column layout as CSV (docs/packs.md).
    Csv,
    /// trivia's column layout as TSV.
    Tsv,
    /// Kahoot's quiz spreadsheet template, saved as CSV.
    Kahoot,
    /// Two-column term/definition cards as Quizlet and Anki export them.
    #[value(alias = "anki")]
    Quizlet,
    /// A pack written by `trivia pack export --to json`.
    Json,
}

impl From<ImportFormat> for import::Format {
    fn from(format: ImportFormat) -> Self {
        match format {
            ImportFormat::Opentdb => import::Format::Opentdb,
            ImportFormat::Opentriviaqa => import::Format::Opentriviaqa,
            ImportFormat::Gift => import::Format::Gift,
            ImportFormat::Csv => import::Format::Csv,
            ImportFormat::Tsv => import::Format::Tsv,
            ImportFormat::Kahoot => import::Format::Kahoot,
            ImportFormat::Quizlet => import::Format::Quizlet,
            ImportFormat::Json => import::Format::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The format of the input files.
    #[arg(long, value_enum)]
    pub from: ImportFormat,
    /// Input files; several are imported into one pack.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where to write the pack (default: standard output).
    #[arg(short, long, value_name = "OUT.toml")]
    pub output: Option<PathBuf>,
    /// The pack id (default: from the output file name).
    #[arg(long)]
    pub id: Option<String>,
    /// The pack title.
    #[arg(long)]
    pub title: Option<String>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Do not list each skipped record, only the counts.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Formats `trivia pack export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Moodle GIFT (order and date questions are left out).
    Gift,
    /// JSON: the pack's metadata and questions as the game models them.
    Json,
    /// CSV in trivia's column layout: one row per question (docs/packs.md).
    Csv,
    /// TSV in the same column layout.
    Tsv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    pub to: ExportFormat,
    /// A pack file, or the id of a bundled pack.
    pub pack: PathBuf,
    /// Where to write (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(command: PackCommand, console: &mut Console<'_>) -> Result<ExitCode> {
    match command {
        PackCommand::New(args) => new(args, console),
        PackCommand::Validate(args) => validate(args, console),
        PackCommand::List(args) => list(args, console),
        PackCommand::Import(args) => import_command(args, console),
        PackCommand::Export(args) => export_command(args, console),
        PackCommand::Lint(args) => lint_command(args, console),
        PackCommand::Schema => {
            console
                .stdout
                .write_all(crate::schema::PACK_SCHEMA.as_bytes())?;
            Ok(ExitCode::Success)
        }
    }
}

/// Checks every question's `facts` against the fact bases named with `--facts` (a name none has, or a
/// base that does not load, is an error) or, with none named, against the bundled fact base (a name it
/// lacks is a warning: the pack may be written for another fact base).
fn check_fact_names(report: &mut pack::LoadReport, bases: &[PathBuf]) {
    if report
        .packs
        .iter()
        .all(|loaded| loaded.fact_places.is_empty())
    {
        return;
    }
    if bases.is_empty() {
        // The shipped base is checked by its own tests; if it does not load there is nothing to say.
        let Ok(base) = crate::facts::FactBase::embedded() else {
            return;
        };
        let names = pack::FactNames::of(&base);
        for loaded in &report.packs {
            report.warnings.extend(names.unknown(
                &loaded.path,
                &loaded.fact_places,
                "which the bundled fact base does not have",
                "give `--facts PATH` to check against another fact base",
            ));
        }
        return;
    }
    let mut names = pack::FactNames::default();
    let mut every_base_loads = true;
    for path in bases {
        match crate::facts::load_paths(std::slice::from_ref(path)) {
            Ok(base) => names.add(&base),
            Err(diagnostics) => {
                every_base_loads = false;
                report.diagnostics.extend(diagnostics);
            }
        }
    }
    if !every_base_loads {
        return;
    }
    for loaded in &report.packs {
        report.diagnostics.extend(names.unknown(
            &loaded.path,
            &loaded.fact_places,
            "which none of the fact bases given with `--facts` has",
            "",
        ));
    }
}

fn new(args: NewArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let path = if args.name.extension().is_some_and(|ext| ext == "toml") {
        args.name.clone()
    } else {
        let mut name = args.name.clone().into_os_string();
        name.push(".toml");
        PathBuf::from(name)
    };
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = pack_id_from_name(&stem);
    let title = args.title.unwrap_or_else(|| stem.clone());
    refuse_overwrite(&path, args.force)?;
    write_file(&path, &starter_pack(&id, &title))?;
    writeln!(
        console.stdout,
        "wrote {}: pack `{id}` with one example of each of the {} question types\n\
         edit it, then check it with: trivia pack validate {}",
        path.display(),
        QuestionType::ALL.len(),
        path.display()
    )?;
    // The `#:schema` line names a schema beside the pack, for editors that check TOML as it is typed.
    let schema = path
        .parent()
        .unwrap_or(Path::new(""))
        .join(crate::schema::PACK_SCHEMA_FILE);
    match std::fs::read_to_string(&schema) {
        Ok(existing) if existing == crate::schema::PACK_SCHEMA => {}
        Ok(_) => writeln!(
            console.stderr,
            "note: {} is not this version's schema; refresh it with: trivia pack schema > {}",
            schema.display(),
            schema.display()
        )?,
        Err(_) => {
            write_file(&schema, crate::schema::PACK_SCHEMA)?;
            writeln!(
                console.stdout,
                "wrote {}: editors that read `#:schema` lines (taplo, Even Better TOML) check the pack as you type",
                schema.display()
            )?;
        }
    }
    Ok(ExitCode::Success)
}

/// The `--json` shape of `trivia pack validate`.
#[derive(Serialize)]
struct ValidateJson<'a> {
    valid: bool,
    errors: &'a [Diagnostic],
    /// Folder entries left out without being read (not regular files).
    warnings: &'a [Diagnostic],
    packs: Vec<PackJson<'a>>,
}

#[derive(Serialize)]
struct PackJson<'a> {
    id: &'a str,
    path: &'a str,
    questions: usize,
}

fn validate(args: ValidateArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let mut report = pack::load_report(&args.paths);
    check_fact_names(&mut report, &args.facts);
    let code = if report.is_valid() {
        ExitCode::Success
    } else {
        ExitCode::Invalid
    };
    if args.json {
        let json = ValidateJson {
            valid: report.is_valid(),
            errors: &report.diagnostics,
            warnings: &report.warnings,
            packs: report
                .packs
                .iter()
                .map(|loaded| PackJson {
                    id: &loaded.pack.meta.id,
                    path: &loaded.path,
                    questions: loaded.pack.questions.len(),
                })
                .collect(),
        };
        let text = escape::to_json(&json, true).map_err(|error| Error::Output(error.into()))?;
        writeln!(console.stdout, "{text}")?;
        return Ok(code);
    }
    for warning in &report.warnings {
        writeln!(console.stderr, "warning: {warning}")?;
    }
    for diagnostic in &report.diagnostics {
        writeln!(console.stdout, "{diagnostic}")?;
    }
    let has_problems = |path: &str| report.diagnostics.iter().any(|d| d.file == path);
    for loaded in report
        .packs
        .iter()
        .filter(|loaded| !has_problems(&loaded.path))
    {
        writeln!(
            console.stdout,
            "ok: {}: pack `{}`, {} questions",
            for_terminal(&loaded.path),
            for_terminal(&loaded.pack.meta.id),
            loaded.pack.questions.len()
        )?;
    }
    let questions: usize = report.packs.iter().map(|p| p.pack.questions.len()).sum();
    if report.is_valid() {
        writeln!(
            console.stdout,
            "valid: {} pack(s), {questions} questions",
            report.packs.len()
        )?;
    } else {
        let mut files: Vec<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
        files.dedup();
        writeln!(
            console.stdout,
            "invalid: {} problem(s) in {} file(s)",
            report.diagnostics.len(),
            files.len()
        )?;
    }
    Ok(code)
}

fn list(args: ListArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let mut rows: Vec<(&str, LoadedPack)> = Vec::new();
    let mut problems: Vec<(String, Vec<Diagnostic>)> = Vec::new();
    let mut left_out: Vec<Diagnostic> = Vec::new();
    let bundled = pack::bundled_report();
    rows.extend(bundled.packs.into_iter().map(|p| ("bundled", p)));

    let user_dir = pack::user_pack_dir(&console.vars);
    if let Some(dir) = &user_dir
        && has_toml_files(dir)
    {
        let report = pack::load_report(std::slice::from_ref(dir));
        collect(report, "user", &mut rows, &mut problems, &mut left_out);
    }
    let mut code = ExitCode::Success;
    if !args.packs.is_empty() {
        let report = pack::load_report(&args.packs);
        if !report.is_valid() {
            code = ExitCode::Invalid;
        }
        collect(report, "--pack", &mut rows, &mut problems, &mut left_out);
    }

    let names: Vec<&str> = QuestionType::ALL
        .iter()
        .map(|kind| short_name(*kind))
        .collect();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut header = vec!["SOURCE", "ID", "TITLE", "QUESTIONS"];
    header.extend(&names);
    header.push("PATH");
    table.push(header.iter().map(|h| h.to_string()).collect());
    let header_len = header.len();
    for (origin, loaded) in &rows {
        let mut row = vec![
            origin.to_string(),
            for_terminal(&loaded.pack.meta.id).into_owned(),
            truncate(&for_terminal(&loaded.pack.meta.title), 32),
            loaded.pack.questions.len().to_string(),
        ];
        row.extend(loaded.pack.type_counts().iter().map(ToString::to_string));
        row.push(for_terminal(&loaded.path).into_owned());
        table.push(row);
    }
    let numeric = 3..header_len - 1;
    write_table(console.stdout, &table, &numeric)?;
    match &user_dir {
        Some(dir) => writeln!(
            console.stdout,
            "\nyour pack folder: {} (set TRIVIA_HOME to move it)",
            for_terminal(&dir.display().to_string())
        )?,
        None => writeln!(console.stdout, "\nno pack folder: set TRIVIA_HOME")?,
    }
    for warning in &left_out {
        writeln!(console.stderr, "warning: {warning}")?;
    }
    for (origin, diagnostics) in problems {
        writeln!(
            console.stderr,
            "warning: {origin} packs with problems were left out:"
        )?;
        for diagnostic in diagnostics.iter().take(10) {
            writeln!(console.stderr, "  {diagnostic}")?;
        }
        if diagnostics.len() > 10 {
            writeln!(
                console.stderr,
                "  ... and {} more; run `trivia pack validate` on them",
                diagnostics.len() - 10
            )?;
        }
    }
    Ok(code)
}

fn collect<'a>(
    report: LoadReport,
    origin: &'a str,
    rows: &mut Vec<(&'a str, LoadedPack)>,
    problems: &mut Vec<(String, Vec<Diagnostic>)>,
    left_out: &mut Vec<Diagnostic>,
) {
    left_out.extend(report.warnings);
    if !report.diagnostics.is_empty() {
        let label = if origin == "--pack" {
            "`--pack`".to_string()
        } else {
            origin.to_string()
        };
        problems.push((label, report.diagnostics));
    }
    rows.extend(report.packs.into_iter().map(|p| (origin, p)));
}

fn has_toml_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(|entry| entry.ok())
            .any(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
    })
}

/// The column heading for a type.
fn short_name(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::MultipleChoice => "MC",
        QuestionType::TrueFalse => "TF",
        QuestionType::Numeric => "NUM",
        QuestionType::Date => "DATE",
        QuestionType::FreeText => "TEXT",
        QuestionType::SelectAll => "ALL",
        QuestionType::Order => "ORDER",
        QuestionType::Quote => "QUOTE",
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut short: String = text.chars().take(width - 1).collect();
    short.push('…');
    short
}

/// Writes rows as columns separated by two spaces, the `right` ones aligned right.
fn write_table(
    out: &mut dyn Write,
    rows: &[Vec<String>],
    right: &std::ops::Range<usize>,
) -> std::io::Result<()> {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .map(|row| row.get(column).map_or(0, |cell| cell.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (column, cell) in row.iter().enumerate() {
            let pad = widths[column] - cell.chars().count();
            if right.contains(&column) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
                line.push_str("  ");
            } else if column + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The `--json` shape of `trivia pack lint`.
#[derive(Serialize)]
struct LintJson<'a> {
    valid: bool,
    errors: &'a [Diagnostic],
    findings: Vec<&'a pack::lint::Finding>,
    counts: Vec<LintCount>,
    questions: usize,
}

#[derive(Serialize)]
struct LintCount {
    check: pack::lint::Check,
    severity: pack::lint::Severity,
    count: usize,
}

fn lint_command(args: LintArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    use crate::pack::lint::{self, Severity};
    let report = pack::load_report(&args.paths);
    let mut texts = std::collections::HashMap::new();
    for loaded in &report.packs {
        if let Ok(source) = crate::tomldoc::SourceFile::read(Path::new(&loaded.path)) {
            texts.insert(loaded.path.clone(), source.text);
        }
    }
    let linted = lint::lint(&report.packs, &texts);
    let least = match args.level {
        LintLevel::Note => Severity::Note,
        LintLevel::Warning => Severity::Warning,
        LintLevel::Error => Severity::Error,
    };
    let shown: Vec<&lint::Finding> = linted
        .findings
        .iter()
        .filter(|finding| finding.severity >= least)
        .collect();
    let failing = !report.is_valid()
        || shown
            .iter()
            .any(|finding| finding.severity >= Severity::Warning);
    let code = if failing {
        ExitCode::Invalid
    } else {
        ExitCode::Success
    };
    let mut counts: Vec<LintCount> = Vec::new();
    for finding in &shown {
        match counts
            .iter_mut()
            .find(|count| count.check == finding.check && count.severity == finding.severity)
        {
            Some(count) => count.count += 1,
            None => counts.push(LintCount {
                check: finding.check,
                severity: finding.severity,
                count: 1,
            }),
        }
    }
    counts.sort_by_key(|count| (count.check, count.severity));
    if args.json {
        let json = LintJson {
            valid: report.is_valid(),
            errors: &report.diagnostics,
            findings: shown,
            counts,
            questions: linted.questions,
        };
        let text =
            crate::escape::to_json(&json, true).map_err(|error| Error::Output(error.into()))?;
        writeln!(console.stdout, "{text}")?;
        return Ok(code);
    }
    for diagnostic in &report.diagnostics {
        writeln!(
            console.stdout,
            "{}",
            crate::escape::for_terminal(&diagnostic.to_string())
        )?;
    }
    for finding in &shown {
        writeln!(
            console.stdout,
            "{}",
            crate::escape::for_terminal(&finding.to_string())
        )?;
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|count| format!("{} {} ({})", count.count, count.check, count.severity))
        .collect();
    writeln!(
        console.stdout,
        "linted {} question(s) in {} pack(s): {} finding(s){}{}",
        linted.questions,
        report.packs.len(),
        counts.iter().map(|count| count.count).sum::<usize>(),
        if summary.is_empty() {
            String::new()
        } else {
            format!(": {}", summary.join(", "))
        },
        if report.is_valid() {
            String::new()
        } else {
            format!(
                "; {} problem(s) make packs invalid (see `trivia pack validate`)",
                report.diagnostics.len()
            )
        }
    )?;
    Ok(code)
}

fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        return Err(Error::usage(format!(
            "`{}` already exists; pass --force to overwrite it",
            path.display()
        )));
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Args;
    use clap::Parser;

    #[test]
    fn import_needs_a_format_and_a_file() {
        assert!(Args::try_parse_from(["trivia", "pack", "import", "x.json"]).is_err());
        assert!(
            Args::try_parse_from(["trivia", "pack", "import", "--from", "opentdb", "x.json"])
                .is_ok()
        );
        assert!(Args::try_parse_from(["trivia", "pack", "import", "--from", "csv", "x"]).is_ok());
        assert!(Args::try_parse_from(["trivia", "pack", "import", "--from", "anki", "x"]).is_ok());
        assert!(Args::try_parse_from(["trivia", "pack", "import", "--from", "xlsx", "x"]).is_err());
    }

    #[test]
    fn list_takes_repeated_pack_paths() {
        let args =
            Args::try_parse_from(["trivia", "pack", "list", "--pack", "a", "--pack", "b"]).unwrap();
        match args.command {
            Some(crate::cli::Command::Pack(PackCommand::List(list))) => {
                assert_eq!(list.packs, vec![PathBuf::from("a"), PathBuf::from("b")]);
            }
            other => panic!("{other:?}"),
        }
    }
}
