//! `trivia play` (and `trivia` alone): checks the options, gathers the questions, picks a game's worth,
//! loads the players' histories, chooses a front end and plays; then saves the histories.
//!
//! The front end: `--json` prints one JSON object per event; the line front end is used when stdin or
//! stderr is not a terminal, or with `--plain` or `--answers`; otherwise dialoguer menus. Only the line
//! front end at a terminal and the dialoguer one measure time (for blitz); piped and scripted games
//! never read the clock, so a seed and the same answers give the same transcript everywhere.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;
use dialoguer::console::Term;

use super::Console;
use crate::content::{self, Content, ContentChoice};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::game::Millis;
use crate::game::select::{self, Filters, Pool, Sources};
use crate::game::share::{self, GameCode};
use crate::game::{AnswerJudge, Game, GameConfig, Mode, SURVIVAL_LIVES, ScoreRules};
use crate::history::live::{GameLog, Recording};
use crate::history::{Database, store};
use crate::question::{Difficulty, PartialDate, QuestionType};
use crate::report::DatabaseReports;
use crate::rng::SeededRng;
use crate::ui::interactive::DialoguerPrompter;
use crate::ui::json::JsonOutput;
use crate::ui::prompt::{LinePrompter, Prompter, ScriptedPrompter, TerminalLinePrompter};
use crate::ui::session::{self, Clock, Ending, MonotonicClock, NoClock};
use crate::ui::text::{TextOptions, TextOutput};
use crate::ui::{ColorChoice, Style, signal};

mod options;

pub use options::{FrontEnd, PlayArgs, PlayConfig};

/// What the start menu decided.
enum StartChoice {
    Play,
    Leave(ExitCode),
}

/// The menu of a game started with no options in a terminal: Enter plays the classic game at once; a
/// category, another mode or the daily game are one or two keys away.
fn start_menu(
    config: &mut PlayConfig,
    pool: &Pool,
    title: &str,
    color: bool,
) -> Result<StartChoice> {
    use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
    let theme: Box<dyn Theme> = if color {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    };
    let term = Term::stderr();
    let pick = |prompt: &str, items: &[String]| -> Result<Option<usize>> {
        match dialoguer::Select::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact_on_opt(&term)
        {
            Ok(choice) => Ok(choice),
            Err(dialoguer::Error::IO(error)) if error.kind() == std::io::ErrorKind::Interrupted => {
                let _ = term.show_cursor();
                Ok(None)
            }
            Err(dialoguer::Error::IO(error)) => Err(Error::Output(error)),
        }
    };
    let entries = [
        "Classic: 10 questions, easiest first",
        "Classic, from one category…",
        "Today's daily game (the same for everyone)",
        "Survival: until the third wrong answer",
        "Blitz: against the clock",
        "Review the questions you missed",
        "Quit",
    ]
    .map(String::from);
    let heading = format!("{} trivia", crate::ui::clean(title));
    let leave = || {
        let interrupted = signal::interrupt_flag().load(std::sync::atomic::Ordering::SeqCst);
        StartChoice::Leave(if interrupted {
            ExitCode::Interrupted
        } else {
            ExitCode::Success
        })
    };
    let Some(choice) = pick(&heading, &entries)? else {
        return Ok(leave());
    };
    match choice {
        0 => {}
        1 => {
            let counts = super::reports::category_counts(pool);
            let names: Vec<&String> = counts.keys().collect();
            let mut items = vec!["All categories".to_string()];
            items.extend(counts.iter().map(|(name, [easy, medium, hard])| {
                format!(
                    "{} ({})",
                    crate::ui::clean(name),
                    crate::ui::count(easy + medium + hard, "question")
                )
            }));
            let Some(category) = pick("Category", &items)? else {
                return Ok(leave());
            };
            if category > 0 {
                config.filters.categories = vec![names[category - 1].clone()];
            }
        }
        2 => config.daily = Some(None),
        3 => config.mode = Mode::Survival,
        4 => config.mode = Mode::Blitz,
        5 => {
            if !config.history {
                return Err(Error::usage("review needs the history"));
            }
            config.mode = Mode::Review;
        }
        _ => return Ok(StartChoice::Leave(ExitCode::Success)),
    }
    Ok(StartChoice::Play)
}

/// What a game's end offers to share: the code that replays it, and the daily game's date.
struct Share {
    code: String,
    daily: Option<PartialDate>,
}

impl PlayConfig {
    /// Takes the questions and rules of a share code.
    fn apply_code(&mut self, code: &GameCode) {
        self.seed = Some(code.seed);
        self.mode = code.mode;
        self.count = code.count;
        self.filters = code.filters();
        self.time_limit = code.time_limit;
        self.rules.streak_bonus = code.streak_bonus;
        self.rules.speed_bonus = code.speed_bonus;
        self.questions = code.questions.clone();
    }
}

/// Seconds since the Unix epoch, for history records (never shown in a game transcript).
fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |duration| duration.as_secs())
}

/// A seed for an unseeded game, from the clock and the process id.
fn fresh_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |duration| duration.as_nanos() as u64);
    crate::question::stable_hash(
        &[
            nanos.to_le_bytes(),
            u64::from(std::process::id()).to_le_bytes(),
        ]
        .concat(),
    ) % 1_000_000_000
}

/// Unix time in milliseconds, the wall clock of the history log.
fn unix_now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |duration| duration.as_millis() as u64)
}

/// The history log of this game: the database in the data directory, or none with `--no-history`. A
/// database that cannot be opened is a warning now and an error once the game is over.
fn open_game_log(config: &PlayConfig, console: &mut Console<'_>) -> Result<GameLog> {
    if !config.history {
        return Ok(GameLog::off());
    }
    let Some(dir) = store::data_dir(config.data_dir.as_deref(), &console.vars) else {
        writeln!(
            console.stderr,
            "warning: no data directory found; set TRIVIA_HOME or --data-dir to keep a history"
        )?;
        return Ok(GameLog::off());
    };
    let clock = Box::new(unix_now_ms);
    match Database::open(&dir, unix_now()) {
        Ok(opened) => {
            for warning in &opened.warnings {
                writeln!(console.stderr, "warning: {}", crate::ui::clean(warning))?;
            }
            for notice in &opened.notices {
                writeln!(console.stderr, "note: {}", crate::ui::clean(notice))?;
            }
            Ok(GameLog::new(Some(opened.database), None, clock))
        }
        Err(error) => {
            writeln!(
                console.stderr,
                "warning: {}; this game will not be saved",
                crate::ui::clean(&error.to_string())
            )?;
            Ok(GameLog::new(None, Some(error.to_string()), clock))
        }
    }
}

pub fn run(args: PlayArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let no_options = args == PlayArgs::default();
    let mut config = args.into_config(console.terminals)?;
    let answers = match &config.answers {
        // Like packs: only a regular file of at most 64 MiB, so a FIFO cannot hang the game and
        // `/dev/zero` cannot fill memory.
        Some(path) => Some(crate::input::read_bytes(path).map_err(|problem| {
            Error::usage(format!(
                "cannot read answers file `{}`: {problem}",
                path.display()
            ))
        })?),
        None => None,
    };
    let Content {
        pool,
        lexicon,
        title,
        source_names,
        warnings,
        ..
    } = content::load(&config.content, &console.vars)?;
    for warning in warnings {
        writeln!(console.stderr, "warning: {}", crate::ui::clean(&warning))?;
    }
    if no_options && config.front_end == FrontEnd::Interactive {
        let color = config.color.enabled(console.terminals.stderr, |name| {
            console.vars.get(name).cloned()
        });
        match start_menu(&mut config, &pool, &title, color)? {
            StartChoice::Play => {}
            StartChoice::Leave(code) => return Ok(code),
        }
    }
    let mut log = open_game_log(&config, console)?;
    let now = unix_now();
    let fingerprint = share::fingerprint(&pool);
    if let Some(text) = &config.code {
        let code = GameCode::decode(text, &pool, fingerprint)
            .map_err(|error| Error::usage(error.to_string()))?;
        config.apply_code(&code);
    }
    let daily_date = config
        .daily
        .map(|date| date.unwrap_or_else(|| share::date_from_unix(now)));
    if let Some(date) = daily_date {
        config.seed = Some(share::daily_seed(date, fingerprint));
    }
    // The daily game and a share code ask the same questions whatever the player saw before.
    let ignore_history = daily_date.is_some() || config.code.is_some();
    let seed = config.seed.unwrap_or_else(fresh_seed);
    let mut code = GameCode::new(&pool, fingerprint, seed, config.mode, &config.filters);
    code.count = config.count;
    code.time_limit = config.time_limit;
    code.streak_bonus = config.rules.streak_bonus;
    code.speed_bonus = config.rules.speed_bonus;

    let picked = if let Some(questions) = config.questions.take() {
        code.questions = Some(questions.clone());
        questions
    } else if config.mode == Mode::Review {
        let due = match log.database().map(|db| db.due(&config.players[0], now)) {
            Some(Ok(due)) => due,
            Some(Err(error)) => {
                writeln!(console.stderr, "warning: {error}")?;
                Vec::new()
            }
            None => Vec::new(),
        };
        let picked =
            select::select_review(&pool, &config.filters, &due, config.count.unwrap_or(10));
        if picked.is_empty() {
            writeln!(
                console.stdout,
                "Nothing to review yet: questions you miss or skip come back here, in Leitner boxes, when they are due."
            )?;
            return Ok(ExitCode::Success);
        }
        code.questions = Some(picked.clone());
        picked
    } else {
        let count = match config.mode {
            Mode::Survival => config.count,
            Mode::HotSeat => Some(
                config
                    .count
                    .unwrap_or(5)
                    .saturating_mul(config.players.len()),
            ),
            _ => Some(config.count.unwrap_or(10)),
        };
        let mut recent = BTreeSet::new();
        for name in config.players.iter().filter(|_| !ignore_history) {
            match log.database().map(|db| db.recent_ids(name)) {
                Some(Ok(ids)) => recent.extend(ids),
                Some(Err(error)) => writeln!(console.stderr, "warning: {error}")?,
                None => {}
            }
        }
        let picked = select::select(&pool, &config.filters, config.mode, count, seed, &recent);
        // The code replays this very game: it names the questions when history changed them.
        if !recent.is_empty()
            && picked
                != select::select(
                    &pool,
                    &config.filters,
                    config.mode,
                    count,
                    seed,
                    &BTreeSet::new(),
                )
        {
            code.questions = Some(picked.clone());
        }
        picked
    };
    let share = Share {
        code: code.encode(&pool),
        daily: daily_date,
    };
    if picked.is_empty() {
        return Err(no_questions(&pool, &config.filters));
    }
    let questions = picked
        .iter()
        .map(|&index| pool.get(index).clone())
        .collect();
    let game_config = GameConfig {
        mode: config.mode,
        players: config.players.clone(),
        rules: config.rules,
        lives: SURVIVAL_LIVES,
        time_limit: config.time_limit,
    };
    let mut game = Game::new(game_config, questions, SeededRng::derive(seed, "game"))
        .with_judge(Box::new(AnswerJudge::new(lexicon)));
    if game.is_empty() {
        return Err(Error::usage(format!(
            "too few questions match for {} players",
            config.players.len()
        )));
    }

    let interrupt = signal::interrupt_flag();
    let clock: Box<dyn Clock> = if config.timer {
        Box::new(MonotonicClock::start())
    } else {
        Box::new(NoClock)
    };
    log.start(&game, seed);
    let played = play(
        &config,
        &mut game,
        seed,
        &share,
        &title,
        &source_names,
        answers,
        clock.as_ref(),
        interrupt,
        &mut log,
        console,
    );
    // Saved even when the output failed (a closed pipe): what was played is kept.
    let summary = game.summary();
    let saved = log.finish(&summary);
    let ending = played?;
    let mut code = if ending == Ending::Interrupted {
        ExitCode::Interrupted
    } else {
        ExitCode::Success
    };
    for (player, saved) in saved.into_iter().enumerate() {
        let name = crate::ui::clean(&summary.players[player].name).into_owned();
        match saved {
            Ok(recorded) => {
                if recorded.new_best {
                    writeln!(
                        console.stderr,
                        "New best {} score for {name}: {}!",
                        config.mode, summary.players[player].score
                    )?;
                }
                if recorded.due_for_review > 0 && config.mode != Mode::HotSeat {
                    let waits = if recorded.due_for_review == 1 {
                        "waits"
                    } else {
                        "wait"
                    };
                    writeln!(
                        console.stderr,
                        "{} {waits} for review: trivia play --mode review",
                        crate::ui::count(recorded.due_for_review, "question")
                    )?;
                }
            }
            Err(reason) => {
                writeln!(
                    console.stderr,
                    "error: {name}'s game was not saved to the history: {reason}"
                )?;
                if code == ExitCode::Success {
                    code = ExitCode::Failure;
                }
            }
        }
    }
    Ok(code)
}

#[allow(clippy::too_many_arguments)]
fn play(
    config: &PlayConfig,
    game: &mut Game,
    seed: u64,
    share: &Share,
    title: &str,
    source_names: &BTreeMap<String, String>,
    answers: Option<Vec<u8>>,
    clock: &dyn Clock,
    interrupt: &'static std::sync::atomic::AtomicBool,
    log: &mut GameLog,
    console: &mut Console<'_>,
) -> Result<Ending> {
    let terminals = console.terminals;
    let vars = console.vars.clone();
    let var = |name: &str| vars.get(name).cloned();
    let seed = Some(seed);
    let mut scripted =
        answers.map(|bytes| ScriptedPrompter::from_text(&String::from_utf8_lossy(&bytes)));
    let mut terminal_lines = None;
    if scripted.is_none() && terminals.stdin && config.front_end != FrontEnd::Interactive {
        terminal_lines = TerminalLinePrompter::start(interrupt);
    }
    let Console {
        stdin,
        stdout,
        stderr,
        ..
    } = console;
    let mut piped = LinePrompter::new(&mut **stdin);
    let mut dialoguer = None;
    let prompter: &mut dyn Prompter = if let Some(scripted) = scripted.as_mut() {
        scripted
    } else if config.front_end == FrontEnd::Interactive {
        let style_color = config.color.enabled(terminals.stderr, var);
        dialoguer.insert(DialoguerPrompter::new(style_color))
    } else if let Some(lines) = terminal_lines.as_mut() {
        lines
    } else {
        &mut piped
    };
    let echo = config.answers.is_some() || !terminals.stdin;
    let data_dir = config
        .history
        .then(|| store::data_dir(config.data_dir.as_deref(), &vars))
        .flatten();
    let mut reports = DatabaseReports::new(
        data_dir,
        config.content.packs.clone(),
        vars.clone(),
        unix_now(),
    );
    let result = match config.front_end {
        FrontEnd::Json => {
            let mut output = JsonOutput::new(&mut **stdout, seed)
                .with_share(share.code.clone(), share.daily)
                .with_title(title);
            let mut output = Recording {
                output: &mut output,
                log,
            };
            session::run_with_reports(game, prompter, &mut output, clock, interrupt, &mut reports)
        }
        FrontEnd::Line => {
            let style = Style::new(config.color.enabled(terminals.stdout, var));
            let options = TextOptions {
                echo_input: echo,
                prompt_marker: !echo,
                interactive: false,
                countdown: false,
                seed,
                share_code: Some(share.code.clone()),
                daily: share.daily,
                source_names: source_names.clone(),
                title: title.to_string(),
                width: terminals
                    .stdout
                    .then(|| terminal_width(&vars, Term::stdout()))
                    .flatten(),
            };
            let mut output = TextOutput::new(&mut **stdout, style, options);
            let mut output = Recording {
                output: &mut output,
                log,
            };
            session::run_with_reports(game, prompter, &mut output, clock, interrupt, &mut reports)
        }
        FrontEnd::Interactive => {
            let style = Style::new(config.color.enabled(terminals.stderr, var));
            let options = TextOptions {
                echo_input: false,
                prompt_marker: false,
                interactive: true,
                countdown: config.timer,
                seed,
                share_code: Some(share.code.clone()),
                daily: share.daily,
                source_names: source_names.clone(),
                title: title.to_string(),
                width: terminal_width(&vars, Term::stderr()),
            };
            let mut output = TextOutput::new(&mut **stderr, style, options);
            let mut output = Recording {
                output: &mut output,
                log,
            };
            session::run_with_reports(game, prompter, &mut output, clock, interrupt, &mut reports)
        }
    };
    if let Some(dialoguer) = &dialoguer {
        dialoguer.restore();
    }
    Ok(result?)
}

/// The width of a terminal in columns: `COLUMNS` when set to a number, else what the terminal reports.
fn terminal_width(vars: &HashMap<String, String>, term: Term) -> Option<usize> {
    vars.get("COLUMNS")
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|&columns| columns > 0)
        .or_else(|| term.size_checked().map(|(_, columns)| usize::from(columns)))
}

fn no_questions(pool: &Pool, filters: &Filters) -> Error {
    let mut asked = Vec::new();
    for category in &filters.categories {
        asked.push(format!("`--category {category}`"));
    }
    for difficulty in &filters.difficulties {
        asked.push(format!("`--difficulty {difficulty}`"));
    }
    for kind in &filters.types {
        asked.push(format!("`--type {kind}`"));
    }
    match filters.sources {
        Sources::GeneratedOnly => asked.push("`--generated-only`".to_string()),
        Sources::PacksOnly => asked.push("`--packs-only`".to_string()),
        Sources::Both => {}
    }
    if pool.is_empty() {
        return Error::usage("there are no questions to play");
    }
    Error::usage(format!(
        "no questions match {}; categories: {}",
        if asked.is_empty() {
            "the filters".to_string()
        } else {
            asked.join(" ")
        },
        pool.categories().join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::options::DEFAULT_PLAYER;
    use super::*;
    use crate::cli::Terminals;
    use clap::Parser;

    fn config(args: &[&str]) -> Result<PlayConfig> {
        let mut full = vec!["trivia", "play"];
        full.extend_from_slice(args);
        let parsed = crate::cli::Args::try_parse_from(full).expect("parses");
        let Some(crate::cli::Command::Play(play)) = parsed.command else {
            panic!("not play")
        };
        (*play).into_config(Terminals::default())
    }

    #[test]
    fn defaults_are_a_classic_line_game_when_piped() {
        let config = config(&[]).unwrap();
        assert_eq!(config.mode, Mode::Classic);
        assert_eq!(config.front_end, FrontEnd::Line);
        assert_eq!(config.players, vec![DEFAULT_PLAYER]);
        assert!(config.history && !config.timer);
    }

    #[test]
    fn interactive_needs_both_terminals() {
        let parsed = crate::cli::Args::try_parse_from(["trivia", "play"]).unwrap();
        let Some(crate::cli::Command::Play(play)) = parsed.command else {
            panic!()
        };
        let play = *play;
        let both = Terminals {
            stdin: true,
            stdout: false,
            stderr: true,
        };
        assert_eq!(
            play.into_config(both).unwrap().front_end,
            FrontEnd::Interactive
        );
    }

    #[test]
    fn filters_accept_lists() {
        let config = config(&[
            "--difficulty",
            "easy,hard",
            "--type",
            "true-false",
            "--category",
            "crew",
        ])
        .unwrap();
        assert_eq!(
            config.filters.difficulties,
            [Difficulty::Easy, Difficulty::Hard]
        );
        assert_eq!(config.filters.types, [QuestionType::TrueFalse]);
        assert_eq!(config.filters.categories, ["crew"]);
    }

    #[test]
    fn bad_options_say_what_was_expected() {
        let message = |args: &[&str]| config(args).unwrap_err().to_string();
        assert!(message(&["--mode", "marathon"]).contains("expected classic"));
        assert!(message(&["--difficulty", "brutal"]).contains("easy, medium or hard"));
        assert!(message(&["--type", "essay"]).contains("multiple_choice"));
        assert!(message(&["--mode", "hot-seat"]).contains("2 to 6 players"));
        assert!(message(&["--players", "Ana,Ben"]).contains("for one player"));
        assert!(message(&["--mode", "hot-seat", "--players", "Ana,ana"]).contains("twice"));
        assert!(message(&["--mode", "review", "--no-history"]).contains("needs the history"));
        assert!(message(&["--count", "0"]).contains("1 or more"));
        assert!(message(&["--color", "sometimes"]).contains("auto, always or never"));
    }

    #[test]
    fn scoring_switches() {
        let config = config(&["--no-streak-bonus", "--no-speed-bonus"]).unwrap();
        assert!(!config.rules.streak_bonus && !config.rules.speed_bonus);
    }
}
