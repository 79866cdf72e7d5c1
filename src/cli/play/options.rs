//! The options of `trivia play` and their checks against each other and the terminals, turning the
//! command line into the configuration of one game.

use super::*;

/// Options of `trivia play`.
#[derive(Debug, Default, PartialEq, Args)]
pub struct PlayArgs {
    /// classic (the default), survival, blitz, review or hot-seat.
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,
    /// Questions in the game (classic, blitz, review: 10; survival: all), or rounds in hot-seat (5).
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Only questions of this category (repeatable, or comma-separated).
    #[arg(long, value_name = "NAME")]
    pub category: Vec<String>,
    /// Only questions of this difficulty: easy, medium or hard (repeatable, or comma-separated).
    #[arg(long, value_name = "LEVEL")]
    pub difficulty: Vec<String>,
    /// Only questions of this type: multiple_choice, true_false, numeric, date, free_text, select_all,
    /// order, quote (repeatable, or comma-separated).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Vec<String>,
    /// Play this fact base: a .toml file or a folder of them (repeatable; each is one fact base).
    /// Naming content with --facts or --pack plays it alone.
    #[arg(long, value_name = "PATH")]
    pub facts: Vec<PathBuf>,
    /// Play this pack file or folder of packs (repeatable). Naming content with --facts or --pack
    /// plays it alone.
    #[arg(long, value_name = "PATH")]
    pub pack: Vec<PathBuf>,
    /// Also play the default content (the bundled fact base and packs, and your pack folder) beside
    /// what --facts and --pack name.
    #[arg(long)]
    pub with_bundled: bool,
    /// Only questions made by the generator.
    #[arg(long, conflicts_with = "packs_only")]
    pub generated_only: bool,
    /// Only hand-written questions from packs.
    #[arg(long)]
    pub packs_only: bool,
    /// Player names, comma-separated: one for a solo game, 2 to 6 for hot-seat.
    #[arg(long, alias = "player", value_name = "NAMES")]
    pub players: Option<String>,
    /// Seed for the question draw and the option order: the same seed and answers replay a game.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Plain lines (options labelled A, B, C...) instead of menus, even in a terminal.
    #[arg(long)]
    pub plain: bool,
    /// One JSON object per event on stdout.
    #[arg(long)]
    pub json: bool,
    /// Read the answers from this file, one per line.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// auto (the default), always or never.
    #[arg(long, value_name = "WHEN")]
    pub color: Option<String>,
    /// Keep histories here instead of the platform's data directory (or `TRIVIA_HOME`).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Do not read or write any history.
    #[arg(long)]
    pub no_history: bool,
    /// No bonus for right answers in a row.
    #[arg(long)]
    pub no_streak_bonus: bool,
    /// No bonus for fast answers in blitz.
    #[arg(long)]
    pub no_speed_bonus: bool,
    /// Do not measure answer times (blitz then scores every right answer as instant, and no countdown
    /// runs out).
    #[arg(long)]
    pub no_timer: bool,
    /// Seconds to answer each question, in any mode (over a pack's own limits and blitz's).
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<u64>,
    /// Today's daily game: the same ten questions, in the same order, for everyone with the same
    /// content; ends with a result line to share that gives no answers away.
    #[arg(long, conflicts_with_all = ["seed", "mode", "count", "category", "difficulty", "kind", "generated_only", "packs_only", "code"])]
    pub daily: bool,
    /// The date of the daily game, YYYY-MM-DD (default: today, in UTC).
    #[arg(long, value_name = "DATE", requires = "daily")]
    pub date: Option<String>,
    /// Replay a game from the share code printed at the end of it.
    #[arg(long, value_name = "CODE", conflicts_with_all = ["seed", "mode", "count", "category", "difficulty", "kind", "generated_only", "packs_only", "time_limit", "no_streak_bonus", "no_speed_bonus"])]
    pub code: Option<String>,
}

/// Which front end plays the game.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontEnd {
    Interactive,
    Line,
    Json,
}

/// The checked options of a game.
#[derive(Clone, Debug, PartialEq)]
pub struct PlayConfig {
    pub mode: Mode,
    pub count: Option<usize>,
    pub filters: Filters,
    /// The fact bases and packs to play.
    pub content: ContentChoice,
    pub players: Vec<String>,
    pub seed: Option<u64>,
    pub front_end: FrontEnd,
    pub color: ColorChoice,
    pub answers: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub history: bool,
    pub rules: ScoreRules,
    /// Measure answer times (a person typing at a terminal, and `--no-timer` not given).
    pub timer: bool,
    /// `--time-limit`, in milliseconds.
    pub time_limit: Option<Millis>,
    /// The daily game: on the given date, or today's when `Some(None)`.
    pub daily: Option<Option<PartialDate>>,
    /// A share code to replay (checked against the content once it is loaded).
    pub code: Option<String>,
    /// The questions a share code names, as positions in the pool.
    pub questions: Option<Vec<usize>>,
}

/// The player name used when none is given.
pub const DEFAULT_PLAYER: &str = "Player";

pub(super) fn split_list(values: &[String]) -> impl Iterator<Item = &str> {
    values
        .iter()
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

impl PlayArgs {
    /// Checks the options against each other and the terminals.
    pub fn into_config(self, terminals: crate::cli::Terminals) -> Result<PlayConfig> {
        let mode_name = self.mode.as_deref().unwrap_or("classic");
        let mode = Mode::parse(mode_name).ok_or_else(|| {
            Error::usage(format!(
                "`--mode {mode_name}` is not a mode; expected classic, survival, blitz, review or hot-seat"
            ))
        })?;
        let difficulties = split_list(&self.difficulty)
            .map(|text| {
                Difficulty::parse(text).ok_or_else(|| {
                    Error::usage(format!(
                        "`--difficulty {text}` is not a difficulty; expected easy, medium or hard"
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let types = split_list(&self.kind)
            .map(|text| {
                QuestionType::parse(text).ok_or_else(|| {
                    let names: Vec<&str> = QuestionType::ALL.iter().map(|t| t.as_str()).collect();
                    Error::usage(format!(
                        "`--type {text}` is not a question type; expected one of {}",
                        names.join(", ")
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let color_name = self.color.as_deref().unwrap_or("auto");
        let color = ColorChoice::parse(color_name).ok_or_else(|| {
            Error::usage(format!(
                "`--color {color_name}` is not understood; expected auto, always or never"
            ))
        })?;
        let players = parse_players(self.players.as_deref(), mode)?;
        if self.count == Some(0) {
            return Err(Error::usage(
                "`--count 0` asks for no questions; give 1 or more",
            ));
        }
        if mode == Mode::Review && self.no_history {
            return Err(Error::usage(
                "`--mode review` asks the questions you missed before, which needs the history; drop `--no-history`",
            ));
        }
        if self.json && self.plain {
            return Err(Error::usage(
                "`--json` and `--plain` cannot be used together",
            ));
        }
        let front_end = if self.json {
            FrontEnd::Json
        } else if self.plain || self.answers.is_some() || !(terminals.stdin && terminals.stderr) {
            FrontEnd::Line
        } else {
            FrontEnd::Interactive
        };
        let timer = !self.no_timer && self.answers.is_none() && terminals.stdin;
        let time_limit = match self.time_limit {
            Some(0) => {
                return Err(Error::usage(
                    "`--time-limit 0` leaves no time to answer; give 1 or more seconds",
                ));
            }
            Some(seconds) if seconds > 3600 => {
                return Err(Error::usage(format!(
                    "`--time-limit {seconds}` is over an hour; give at most 3600 seconds"
                )));
            }
            seconds => seconds.map(|seconds| seconds * 1000),
        };
        let daily = if self.daily {
            Some(
                self.date
                    .as_deref()
                    .map(|text| {
                        PartialDate::parse_iso(text)
                            .filter(|date| date.day.is_some())
                            .ok_or_else(|| {
                                Error::usage(format!(
                                    "`--date {text}` is not a date; write it as YYYY-MM-DD"
                                ))
                            })
                    })
                    .transpose()?,
            )
        } else {
            None
        };
        if daily.is_some() && players.len() > 1 {
            return Err(Error::usage("`--daily` is a game for one player"));
        }
        Ok(PlayConfig {
            mode,
            count: self.count,
            filters: Filters {
                categories: split_list(&self.category).map(String::from).collect(),
                difficulties,
                types,
                sources: if self.generated_only {
                    Sources::GeneratedOnly
                } else if self.packs_only {
                    Sources::PacksOnly
                } else {
                    Sources::Both
                },
            },
            content: ContentChoice {
                facts: self.facts,
                packs: self.pack,
                with_bundled: self.with_bundled,
            },
            players,
            seed: self.seed,
            front_end,
            color,
            answers: self.answers,
            data_dir: self.data_dir,
            history: !self.no_history,
            rules: ScoreRules {
                streak_bonus: !self.no_streak_bonus,
                speed_bonus: !self.no_speed_bonus,
            },
            timer,
            time_limit,
            daily,
            code: self.code,
            questions: None,
        })
    }
}

pub(super) fn parse_players(text: Option<&str>, mode: Mode) -> Result<Vec<String>> {
    let names: Vec<String> = text
        .map(|text| {
            text.split(',')
                .map(|name| name.trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    if let Some(odd) = names
        .iter()
        .find(|name| name.chars().any(crate::ui::escape::is_unsafe))
    {
        return Err(Error::usage(format!(
            "player name `{}` has control characters; use letters, digits and punctuation",
            crate::ui::escape::for_terminal(odd)
        )));
    }
    if names.iter().any(|name| name.is_empty()) {
        return Err(Error::usage(
            "`--players` has an empty name; write names separated by commas, like \"Ana,Ben\"",
        ));
    }
    if let Some(long) = names.iter().find(|name| name.chars().count() > 30) {
        return Err(Error::usage(format!(
            "player name `{long}` is too long; use at most 30 characters"
        )));
    }
    let mut seen = BTreeSet::new();
    if let Some(twice) = names.iter().find(|name| !seen.insert(name.to_lowercase())) {
        return Err(Error::usage(format!(
            "player `{twice}` is named twice in `--players`"
        )));
    }
    match (mode, names.len()) {
        (Mode::HotSeat, 2..=6) => Ok(names),
        (Mode::HotSeat, count) => Err(Error::usage(format!(
            "`--mode hot-seat` takes 2 to 6 players, got {count}; name them with `--players \"Ana,Ben\"`"
        ))),
        (_, 0) => Ok(vec![DEFAULT_PLAYER.to_string()]),
        (_, 1) => Ok(names),
        (mode, _) => Err(Error::usage(format!(
            "`--mode {mode}` is for one player; use `--mode hot-seat` for 2 to 6 players"
        ))),
    }
}
