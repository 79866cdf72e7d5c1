//! `trivia generate`: prints questions derived from the fact base, as JSON for tools or as a TOML pack,
//! or a coverage report with `--stats`.
//!
//! Arguments are parsed by clap into [`GenerateArgs`], then checked into a plain [`Config`]; the
//! questions come from [`crate::generate::Generator`], drawn with a ChaCha8 generator seeded by
//! `--seed` (0 when not given).

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use super::Console;
use crate::error::{Error, Result};
use crate::escape;
use crate::exit::ExitCode;
use crate::facts::FactBase;
use crate::generate::{Coverage, GenerateOptions, Generator, Stats};
use crate::pack::{self, Pack, PackMeta};
use crate::question::{Difficulty, Question, QuestionType};
use crate::rng::SeededRng;

/// How many questions are drawn when neither `--count` nor `--all` is given.
pub const DEFAULT_COUNT: usize = 10;

/// Arguments of `trivia generate`.
#[derive(Debug, Default, clap::Args)]
pub struct GenerateArgs {
    /// Seed of the draw: the same seed prints the same questions on every machine.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// How many questions to draw [default: 10].
    #[arg(long, value_name = "K", conflicts_with = "all")]
    pub count: Option<usize>,
    /// Print every question the facts support instead of drawing a set.
    #[arg(long)]
    pub all: bool,
    /// Only questions of these types (repeat or separate with commas): multiple_choice, true_false,
    /// numeric, date, free_text, select_all, order, quote.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',', value_parser = parse_type)]
    pub types: Vec<QuestionType>,
    /// Only questions of these difficulties: easy, medium, hard.
    #[arg(long, value_name = "LEVEL", value_delimiter = ',', value_parser = parse_difficulty)]
    pub difficulty: Vec<Difficulty>,
    /// Fact files or folders to use instead of the shipped fact base (repeatable).
    #[arg(long = "facts", value_name = "PATH")]
    pub facts: Vec<PathBuf>,
    /// Output format [default: toml, a question pack; text for `--stats`].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Print coverage and counts per type and difficulty instead of the questions.
    #[arg(long)]
    pub stats: bool,
    /// Print each question's quality score and its reasons instead of the questions (text; JSON output
    /// always carries them).
    #[arg(long, conflicts_with = "stats")]
    pub scores: bool,
    /// Draw also among questions scoring below the quality bar (`--all` always lists every question).
    #[arg(long)]
    pub any_quality: bool,
    /// The pack's id [default: the fact base's id, then `-all` or `-seed-N`]. Question ids start
    /// with it, so packs with different ids load together.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The pack's title, shown to players [default: the fact base's title].
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
}

/// How questions are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A question pack (`trivia pack validate` accepts it).
    Toml,
    /// `{ "seed": N, "questions": [...] }` for tools.
    Json,
}

fn parse_type(text: &str) -> std::result::Result<QuestionType, String> {
    QuestionType::parse(text).ok_or_else(|| {
        let names: Vec<&str> = QuestionType::ALL.iter().map(|kind| kind.as_str()).collect();
        format!(
            "unknown question type `{text}`, expected one of {}",
            names.join(", ")
        )
    })
}

fn parse_difficulty(text: &str) -> std::result::Result<Difficulty, String> {
    Difficulty::parse(text)
        .ok_or_else(|| format!("unknown difficulty `{text}`, expected easy, medium or hard"))
}

/// Which questions to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Every question the facts support.
    All,
    /// A seeded draw of this many.
    Draw { seed: u64, count: usize },
}

/// The checked configuration of one `trivia generate` run.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub selection: Selection,
    /// Filters (and, for a draw, the count).
    pub options: GenerateOptions,
    /// Fact files or folders; the shipped base when empty.
    pub facts: Vec<PathBuf>,
    /// The format asked for; `None` prints a TOML pack, or a text report for `--stats`.
    pub format: Option<Format>,
    pub stats: bool,
    /// Print quality scores and reasons instead of the questions.
    pub scores: bool,
    /// The pack id and title asked for; the fact base's own when `None`.
    pub id: Option<String>,
    pub title: Option<String>,
}

impl Config {
    /// Turns parsed arguments into a configuration.
    pub fn from_args(args: GenerateArgs) -> Config {
        let count = args.count.unwrap_or(DEFAULT_COUNT);
        let selection = if args.all {
            Selection::All
        } else {
            Selection::Draw {
                seed: args.seed,
                count,
            }
        };
        Config {
            selection,
            options: GenerateOptions {
                count,
                types: args.types,
                difficulties: args.difficulty,
                categories: Vec::new(),
                exclude: Vec::new(),
                // `--all` shows every question with its score; a draw keeps to the bar.
                min_quality: if args.all || args.any_quality {
                    None
                } else {
                    Some(crate::generate::QUALITY_BAR)
                },
            },
            facts: args.facts,
            format: args.format,
            stats: args.stats,
            scores: args.scores,
            id: args.id,
            title: args.title,
        }
    }
}

pub fn run(args: GenerateArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    if args.count == Some(0) {
        return Err(Error::usage(
            "`--count 0` asks for no questions; give 1 or more (or `--all`)",
        ));
    }
    let config = Config::from_args(args);
    let base = FactBase::embedded_or(&config.facts)
        .map_err(|diagnostics| Error::Invalid { diagnostics })?;
    let generator = Generator::new(&base);
    let questions = match config.selection {
        Selection::All => generator.all(&config.options),
        Selection::Draw { seed, .. } => {
            let mut rng = SeededRng::from_seed(seed);
            generator.draw(&config.options, &mut rng)
        }
    };
    if let Selection::Draw { count, .. } = config.selection
        && questions.len() < count
    {
        writeln!(
            console.stderr,
            "note: only {} distinct questions match, {count} were asked for",
            questions.len()
        )?;
    }
    if config.stats {
        write_stats(&config, &generator.coverage(), &questions, console)?;
        return Ok(ExitCode::Success);
    }
    if config.scores && config.format != Some(Format::Json) {
        write_scores(&generator, &questions, console)?;
        return Ok(ExitCode::Success);
    }
    if questions.is_empty() && config.format.unwrap_or(Format::Toml) == Format::Toml {
        // A pack needs at least one question: writing an empty one would only fail validation later.
        return Err(Error::usage(
            "no question matches these filters, so there is no pack to write; loosen `--type` or `--difficulty`",
        ));
    }
    match config.format.unwrap_or(Format::Toml) {
        Format::Json => write_json(&config, &generator, &questions, console)?,
        Format::Toml => {
            let meta = pack_meta(&config, &base)?;
            write_toml(meta, questions, console)?
        }
    }
    Ok(ExitCode::Success)
}

/// The pack metadata of generated questions: `--id` and `--title` when given, otherwise the fact base's
/// own id (`apollo-all`, `apollo-seed-3`) and title. A fact base without an id is named after its first
/// file or folder (`volcanoes.toml` gives `volcanoes-all`); the shipped one is `defiant-ones`.
pub fn pack_meta(config: &Config, base: &FactBase) -> Result<PackMeta> {
    let base_id = base.about.id.clone().unwrap_or_else(|| {
        let stem = config
            .facts
            .first()
            .and_then(|path| path.file_stem())
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        crate::facts::fact_base_id_from_name(&stem)
    });
    let id = match (&config.id, config.selection) {
        (Some(id), _) => id.trim().to_string(),
        (None, Selection::All) => format!("{base_id}-all"),
        (None, Selection::Draw { seed, .. }) => format!("{base_id}-seed-{seed}"),
    };
    if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::usage(format!(
            "`--id {id}` is not a pack id: use letters, digits and hyphens, like `apollo-quiz`"
        )));
    }
    let topic = base
        .title()
        .map(str::to_string)
        .unwrap_or_else(|| base_id.replace('-', " "));
    let title = config.title.clone().unwrap_or_else(|| topic.clone());
    if title.trim().is_empty() {
        return Err(Error::usage("`--title` must not be empty"));
    }
    let what = match config.selection {
        Selection::All => "Every question".to_string(),
        Selection::Draw { seed, count } => format!("{count} questions drawn with seed {seed}"),
    };
    Ok(PackMeta {
        author: Some("trivia generate".to_string()),
        description: Some(format!(
            "{what} generated from the fact base \"{topic}\"; each question cites its article and evidence."
        )),
        language: Some("en".to_string()),
        ..PackMeta::new(id, title)
    })
}

/// Generated questions as a pack: each question id starts with the pack id (`apollo-seed-3-…` for
/// `g-…`), so two generated packs with different ids never share a question id.
fn write_toml(meta: PackMeta, questions: Vec<Question>, console: &mut Console<'_>) -> Result<()> {
    let questions = questions
        .into_iter()
        .map(|mut question| {
            let own = question.id.strip_prefix("g-").unwrap_or(&question.id);
            question.id = format!("{}-{own}", meta.id);
            question
        })
        .collect();
    let pack = Pack { meta, questions };
    console.stdout.write_all(pack::to_toml(&pack).as_bytes())?;
    Ok(())
}

/// The JSON document: the seed of a draw, then the questions, each with its fields in model order and
/// its quality score (`quality`: `score` and `reasons`).
#[derive(serde::Serialize)]
struct Document<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    questions: Vec<Scored<'a>>,
}

/// A question with its quality score.
#[derive(serde::Serialize)]
struct Scored<'a> {
    #[serde(flatten)]
    question: &'a Question,
    #[serde(skip_serializing_if = "Option::is_none")]
    quality: Option<&'a crate::generate::Quality>,
}

fn write_json(
    config: &Config,
    generator: &Generator,
    questions: &[Question],
    console: &mut Console<'_>,
) -> Result<()> {
    let document = Document {
        seed: match config.selection {
            Selection::All => None,
            Selection::Draw { seed, .. } => Some(seed),
        },
        questions: questions
            .iter()
            .map(|question| Scored {
                question,
                quality: generator.quality_of(&question.id),
            })
            .collect(),
    };
    let text = escape::to_json(&document, true).map_err(std::io::Error::from)?;
    writeln!(console.stdout, "{text}")?;
    Ok(())
}

/// One block per question: score, type and prompt, then the reasons for the score.
fn write_scores(
    generator: &Generator,
    questions: &[Question],
    console: &mut Console<'_>,
) -> Result<()> {
    let out = &mut console.stdout;
    let mut above = 0;
    for question in questions {
        let Some(quality) = generator.quality_of(&question.id) else {
            continue;
        };
        if quality.above_bar() {
            above += 1;
        }
        let mark = if quality.above_bar() { ' ' } else { '-' };
        writeln!(
            out,
            "{:>3}{mark} {} {}: {}",
            quality.score,
            question.id,
            question.body.type_name(),
            crate::escape::for_terminal(&question.prompt)
        )?;
        if !quality.reasons.is_empty() {
            writeln!(out, "      {}", quality.reasons.join("; "))?;
        }
    }
    writeln!(
        out,
        "{above} of {} questions reach the bar of {} ('-' marks those below)",
        questions.len(),
        crate::generate::QUALITY_BAR
    )?;
    Ok(())
}

fn write_stats(
    config: &Config,
    coverage: &Coverage,
    questions: &[Question],
    console: &mut Console<'_>,
) -> Result<()> {
    let stats = Stats::of(questions);
    if config.format == Some(Format::Json) {
        let document = json!({ "coverage": coverage, "ratio": coverage.ratio(), "set": stats });
        let text = escape::to_json(&document, true).map_err(std::io::Error::from)?;
        writeln!(console.stdout, "{text}")?;
        return Ok(());
    }
    let out = &mut console.stdout;
    writeln!(
        out,
        "facts yielding at least one question: {} of {} ({:.1}%)",
        coverage.covered,
        coverage.facts,
        coverage.ratio() * 100.0
    )?;
    let what = match config.selection {
        Selection::All => "every question the facts support".to_string(),
        Selection::Draw { seed, count } => format!("seed {seed}, {count} asked"),
    };
    writeln!(out, "questions: {} ({what})", stats.questions)?;
    writeln!(out, "by type:")?;
    for kind in QuestionType::ALL {
        let count = stats.by_type.get(&kind).copied().unwrap_or(0);
        writeln!(out, "  {:<16} {count:>5}", kind.as_str())?;
    }
    writeln!(out, "by difficulty:")?;
    for level in Difficulty::ALL {
        let count = stats.by_difficulty.get(&level).copied().unwrap_or(0);
        writeln!(out, "  {:<16} {count:>5}", level.as_str())?;
    }
    if !coverage.uncovered.is_empty() {
        writeln!(out, "facts yielding no question:")?;
        for fact in &coverage.uncovered {
            writeln!(out, "  {}", escape::for_terminal(fact))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: GenerateArgs,
    }

    fn parse(args: &[&str]) -> std::result::Result<Config, clap::Error> {
        let mut all = vec!["generate"];
        all.extend_from_slice(args);
        Wrapper::try_parse_from(all).map(|wrapper| Config::from_args(wrapper.args))
    }

    #[test]
    fn defaults_draw_ten_with_seed_zero() {
        let config = parse(&[]).unwrap();
        assert_eq!(config.selection, Selection::Draw { seed: 0, count: 10 });
        assert_eq!(config.format, None);
        assert!(!config.stats);
    }

    #[test]
    fn types_and_difficulties_parse_with_commas_and_repeats() {
        let config = parse(&[
            "--type",
            "multiple-choice,true_false",
            "--type",
            "order",
            "--difficulty",
            "HARD",
            "--seed",
            "3",
            "--count",
            "5",
        ])
        .unwrap();
        assert_eq!(
            config.options.types,
            [
                QuestionType::MultipleChoice,
                QuestionType::TrueFalse,
                QuestionType::Order
            ]
        );
        assert_eq!(config.options.difficulties, [Difficulty::Hard]);
        assert_eq!(config.selection, Selection::Draw { seed: 3, count: 5 });
    }

    #[test]
    fn bad_values_are_usage_errors() {
        let error = parse(&["--type", "essay"]).unwrap_err();
        assert!(error.to_string().contains("unknown question type `essay`"));
        assert!(parse(&["--difficulty", "brutal"]).is_err());
        assert!(parse(&["--all", "--count", "3"]).is_err());
    }

    #[test]
    fn all_ignores_the_seed() {
        let config = parse(&["--all", "--seed", "9"]).unwrap();
        assert_eq!(config.selection, Selection::All);
    }
}
