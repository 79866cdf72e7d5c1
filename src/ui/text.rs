//! The text front end's output: questions, verdicts with the right answer, explanation and source, the
//! scoreboard and the closing summary, as plain lines (pipes, transcripts) or colored (terminals).

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::game::share::ResultLine;
use crate::game::{Answered, End, Event, Game, Mode, Outcome, Summary};
use crate::question::{Body, PartialDate, Question, group_thousands};

use super::session::{Ending, Output};
use super::wrap::WrapWriter;
use super::{QuestionView, Style, clean};

/// How the text front end behaves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Write each line read back (`> 2`): for input that does not come from a terminal, so a transcript
    /// shows the answers.
    pub echo_input: bool,
    /// Write `> ` before reading a line typed at a terminal.
    pub prompt_marker: bool,
    /// dialoguer shows the options of multiple-choice, quote, true/false, select-all and order
    /// questions itself.
    pub interactive: bool,
    /// A live countdown runs for timed questions (the interactive mode with the clock on).
    pub countdown: bool,
    /// Shown at the end so the game can be replayed.
    pub seed: Option<u64>,
    /// Names for cited article files ("The encyclopedia entry"), shown instead of the file name.
    pub source_names: BTreeMap<String, String>,
    /// The name of the content played, in the heading: "The Defiant Ones" ("Trivia" when empty).
    pub title: String,
    /// The share code that replays the game, shown at the end.
    pub share_code: Option<String>,
    /// The date of a daily game: its result line is shown at the end.
    pub daily: Option<PartialDate>,
    /// The terminal's width in columns: lines are wrapped at word boundaries to fit. `None` (a pipe, a
    /// file) writes lines whole.
    pub width: Option<usize>,
}

/// Writes a game as text.
pub struct TextOutput<'a> {
    out: WrapWriter<'a>,
    style: Style,
    options: TextOptions,
}

/// A right answer's verdict: a word and a symbol, so it never depends on color alone.
pub const RIGHT: &str = "✓ Right!";
/// A wrong answer's verdict.
pub const WRONG: &str = "✗ Wrong";
/// An answer after the time limit (or none before it).
pub const TOO_SLOW: &str = "✗ Too slow";

/// The commands, one per line, for the intro and `:help`.
pub const COMMANDS_HELP: &str = "\
Commands (type them instead of an answer):
  :hint    first letters, or a narrower range for a number (halves the points of this question)
  :5050    removes half of the wrong options of a multiple-choice question (once per game)
  :skip    moves on without answering: no points, streak kept (once per game)
  :quit    ends the game with its summary
  :report  reports the question answered last (a mistake, a typo, a bad source); a reason may follow
  :help    shows this list";

impl<'a> TextOutput<'a> {
    pub fn new(out: &'a mut dyn Write, style: Style, options: TextOptions) -> Self {
        TextOutput {
            out: WrapWriter::new(out, options.width),
            style,
            options,
        }
    }

    /// Whether the options are written out with letters: always in line mode; in the interactive mode
    /// only where no widget shows them (a timed question is answered on the countdown line).
    fn lists_choices(&self, game: &Game, number: usize) -> bool {
        !self.options.interactive
            || (self.options.countdown && game.time_limit(number).is_some())
            || !matches!(
                game.question(number).body,
                Body::MultipleChoice { .. }
                    | Body::Quote { .. }
                    | Body::TrueFalse { .. }
                    | Body::SelectAll { .. }
                    | Body::Order { .. }
            )
    }

    fn question(&mut self, game: &Game, number: usize, time_limit: Option<u64>) -> io::Result<()> {
        let view = QuestionView::of(game, number);
        let style = self.style;
        let mut header = format!("Question {} of {}", view.number, view.of);
        if game.players() > 1 {
            header.push_str(&format!(" · {}'s turn", view.player));
        }
        header.push_str(&format!(
            " · {} · {} ({} points)",
            view.category, view.difficulty, view.points
        ));
        writeln!(self.out)?;
        writeln!(self.out, "{}", style.heading(&header))?;
        if let Some(limit) = time_limit {
            writeln!(
                self.out,
                "{}",
                style.note(&format!("Time limit: {} s", limit / 1000))
            )?;
        }
        if let Some(lives) = game.lives_left(view_player(game, number)) {
            writeln!(self.out, "Lives left: {lives}")?;
        }
        writeln!(self.out, "{}", style.strong(&view.prompt))?;
        if let Some(quote) = &view.quote {
            writeln!(self.out, "  “{quote}”")?;
        }
        if self.lists_choices(game, number) {
            self.choices(&view)?;
            writeln!(
                self.out,
                "{}",
                style.dim(&format!("({})", view.instructions))
            )?;
        }
        Ok(())
    }

    fn choices(&mut self, view: &QuestionView) -> io::Result<()> {
        for (position, choice) in view.choices.iter().enumerate() {
            writeln!(self.out, "  {}) {choice}", super::view::label(position))?;
        }
        Ok(())
    }

    fn explain(&mut self, question: &Question) -> io::Result<()> {
        let style = self.style;
        match &question.body {
            // An order reads best as a numbered list, each item with what it is ordered by.
            Body::Order { items, keys, .. } => {
                writeln!(self.out, "  The answer:")?;
                for (rank, item) in items.iter().enumerate() {
                    let key = keys
                        .get(rank)
                        .map_or(String::new(), |key| format!(" ({})", clean(key)));
                    writeln!(
                        self.out,
                        "    {}. {}{key}",
                        rank + 1,
                        style.strong(&clean(item))
                    )?;
                }
            }
            _ => writeln!(
                self.out,
                "  The answer: {}",
                style.strong(&clean(&question.body.answer_text()))
            )?,
        }
        if !question.explanation.trim().is_empty() {
            writeln!(self.out, "  {}", clean(&question.explanation))?;
        }
        for source in &question.sources {
            writeln!(
                self.out,
                "  {}",
                style.dim(&source_line(source, &self.options.source_names))
            )?;
        }
        Ok(())
    }

    fn verdict(&mut self, game: &Game, verdict: &Answered) -> io::Result<()> {
        let style = self.style;
        let question = game.question(verdict.number);
        let mut line = if verdict.correct {
            let mut line = match &verdict.spelling {
                // "✓ Right — it is spelled Compton."
                Some(spelling) => style.good(&format!(
                    "{} — it is spelled {}.",
                    RIGHT.trim_end_matches('!'),
                    clean(spelling)
                )),
                None => style.good(RIGHT),
            };
            line.push_str(&format!(
                " +{} points",
                group_thousands(f64::from(verdict.points))
            ));
            if verdict.hinted {
                line.push_str(" (half, after the hint)");
            }
            line.push_str(&format!(" · streak {}", verdict.streak));
            line
        } else if verdict.timed_out {
            style.bad(TOO_SLOW)
        } else {
            style.bad(WRONG)
        };
        line.push_str(&format!(
            " · score {}",
            group_thousands(game.score(verdict.player) as f64)
        ));
        if let (Some(elapsed), Some(_)) = (verdict.elapsed, game.time_limit(verdict.number)) {
            line.push_str(&format!(" · {:.1} s", elapsed as f64 / 1000.0));
        }
        if let Some(lives) = verdict.lives_left {
            line.push_str(&format!(" · lives left: {lives}"));
        }
        writeln!(self.out, "{line}")?;
        self.explain(question)
    }

    fn scoreboard(&mut self, game: &Game, title: &str) -> io::Result<()> {
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.style.heading(title))?;
        let width = (0..game.players())
            .map(|p| clean(game.player_name(p)).chars().count())
            .max()
            .unwrap_or(0);
        for (rank, (player, score)) in game.scoreboard().into_iter().enumerate() {
            let name = clean(game.player_name(player));
            writeln!(
                self.out,
                "  {}. {name:<width$}  {:>7}",
                rank + 1,
                group_thousands(score as f64)
            )?;
        }
        Ok(())
    }

    fn summary(&mut self, game: &Game, summary: &Summary) -> io::Result<()> {
        let style = self.style;
        writeln!(self.out)?;
        let how = match summary.end {
            End::Completed if summary.outcomes.len() == 1 => "the question was asked".to_string(),
            End::Completed => format!("all {} questions asked", summary.outcomes.len()),
            End::OutOfLives => "that was the third wrong answer".to_string(),
            End::OutOfQuestions => "no questions left".to_string(),
            End::Quit => format!(
                "stopped after {}",
                super::count(summary.outcomes.len(), "question")
            ),
        };
        writeln!(self.out, "{}", style.heading(&format!("Game over: {how}.")))?;
        if summary.players.len() > 1 {
            self.scoreboard(game, "Final standings:")?;
        }
        for (player, results) in summary.players.iter().enumerate() {
            if summary.players.len() > 1 {
                writeln!(self.out)?;
                writeln!(self.out, "{}", style.strong(&clean(&results.name)))?;
            }
            let accuracy = results
                .accuracy_percent()
                .map_or(String::new(), |percent| format!(" ({percent}%)"));
            let mut line = format!(
                "Score: {} · {} of {} right{accuracy} · longest streak {}",
                style.strong(&group_thousands(results.score as f64)),
                results.correct,
                results.answered(),
                results.longest_streak
            );
            if results.skipped > 0 {
                line.push_str(&format!(" · {} skipped", results.skipped));
            }
            writeln!(self.out, "{line}")?;
            if !results.categories.is_empty() {
                writeln!(self.out, "By category:")?;
                let width = results
                    .categories
                    .iter()
                    .map(|c| clean(&c.category).chars().count())
                    .max()
                    .unwrap_or(0);
                for category in &results.categories {
                    writeln!(
                        self.out,
                        "  {:<width$}  {} of {}",
                        clean(&category.category),
                        category.correct,
                        category.answered
                    )?;
                }
            }
            let missed: Vec<_> = summary.missed().filter(|o| o.player == player).collect();
            if !missed.is_empty() {
                writeln!(self.out, "Missed:")?;
                for outcome in missed {
                    let question = game.question(outcome.number);
                    let skipped = if outcome.outcome == Outcome::Skipped {
                        " (skipped)"
                    } else {
                        ""
                    };
                    writeln!(
                        self.out,
                        "  {}. {}{skipped}",
                        outcome.number + 1,
                        clean(&question.prompt)
                    )?;
                    if let Body::Quote { quote, .. } = &question.body {
                        writeln!(self.out, "     “{}”", clean(quote))?;
                    }
                    writeln!(
                        self.out,
                        "     The answer: {}",
                        style.strong(&clean(&question.body.answer_text()))
                    )?;
                    for source in &question.sources {
                        writeln!(
                            self.out,
                            "     {}",
                            style.dim(&source_line(source, &self.options.source_names))
                        )?;
                    }
                }
            }
        }
        if let Some(date) = self.options.daily {
            writeln!(self.out)?;
            writeln!(
                self.out,
                "Your daily result, to share (it gives no answers away):"
            )?;
            writeln!(self.out, "{}", ResultLine::new(date, summary))?;
        }
        if self.options.seed.is_some() || self.options.share_code.is_some() {
            writeln!(self.out)?;
        }
        if let Some(code) = &self.options.share_code {
            writeln!(
                self.out,
                "{}",
                style.dim(&format!("Share this game: trivia play --code {code}"))
            )?;
        }
        if let Some(seed) = self.options.seed {
            writeln!(
                self.out,
                "{}",
                style.dim(&format!("Play these questions again with --seed {seed}."))
            )?;
        }
        Ok(())
    }
}

fn view_player(game: &Game, number: usize) -> usize {
    game.player_for(number)
}

fn source_line(source: &crate::question::Citation, names: &BTreeMap<String, String>) -> String {
    let article = match names.get(&source.article) {
        Some(name) => clean(name).into_owned(),
        None => clean(&source.article).into_owned(),
    };
    match &source.evidence {
        Some(evidence) => format!("Source: {article}: “{}”", clean(evidence)),
        None => format!("Source: {article}"),
    }
}

/// The game's heading names what is played: "The Defiant Ones trivia", "Apollo trivia", or "Trivia"
/// when nothing is named; a title that already says "trivia" or "quiz" is kept as it is.
fn heading_title(title: &str) -> String {
    let title = clean(title.trim());
    if title.is_empty() {
        return "Trivia".to_string();
    }
    let lower = title.to_lowercase();
    if lower.contains("trivia") || lower.contains("quiz") {
        title.into_owned()
    } else {
        format!("{title} trivia")
    }
}

impl Output for TextOutput<'_> {
    fn intro(&mut self, game: &Game) -> io::Result<()> {
        let style = self.style;
        let config = game.config();
        let mode_line = match config.mode {
            Mode::Classic => format!("{}, easiest first.", super::count(game.len(), "question")),
            Mode::Survival => "Play until the third wrong answer.".to_string(),
            Mode::Blitz => format!(
                "{} against the clock: the faster the answer, the more points.",
                super::count(game.len(), "question")
            ),
            Mode::Review => format!(
                "{} you missed before.",
                super::count(game.len(), "question")
            ),
            Mode::HotSeat => format!(
                "{} players, {} rounds: {}.",
                game.players(),
                game.len() / game.players().max(1),
                (0..game.players())
                    .map(|p| clean(game.player_name(p)).into_owned())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        writeln!(
            self.out,
            "{} {}",
            style.heading(&format!(
                "{} · {}.",
                heading_title(&self.options.title),
                config.mode
            )),
            mode_line
        )?;
        if self.options.interactive {
            writeln!(
                self.out,
                "Pick answers with the arrow keys and Enter. When you type one, :hint, :skip and :quit work too."
            )?;
        } else {
            writeln!(
                self.out,
                "Type the letter of an option or your answer; :hint, :5050, :skip, :quit and :help are commands."
            )?;
        }
        Ok(())
    }

    fn before_prompt(&mut self, _game: &Game) -> io::Result<()> {
        if self.options.prompt_marker {
            write!(self.out, "> ")?;
            self.out.flush()?;
        }
        Ok(())
    }

    fn input(&mut self, line: &str) -> io::Result<()> {
        if self.options.echo_input {
            writeln!(self.out, "> {}", super::escape::for_terminal(line))?;
        }
        Ok(())
    }

    fn event(&mut self, game: &Game, event: &Event) -> io::Result<()> {
        let style = self.style;
        match event {
            Event::QuestionAsked {
                number, time_limit, ..
            } => self.question(game, *number, *time_limit)?,
            Event::NotUnderstood { reason, .. } => writeln!(
                self.out,
                "{}",
                style.note(&format!("Not understood: {}. Try again.", clean(reason)))
            )?,
            Event::Prompt { reason, .. } => writeln!(
                self.out,
                "{}",
                style.note(&format!("{} (No penalty: answer again.)", clean(reason)))
            )?,
            Event::Refused { reason } => writeln!(
                self.out,
                "{}",
                style.note(&capitalise(&format!("{reason}.")))
            )?,
            Event::OptionsRemoved { number, .. } => {
                let view = QuestionView::of(game, *number);
                writeln!(
                    self.out,
                    "{}",
                    style.note(&format!("50:50: {} options left.", view.choices.len()))
                )?;
                if self.lists_choices(game, *number) {
                    self.choices(&view)?;
                    writeln!(
                        self.out,
                        "{}",
                        style.dim(&format!("({})", view.instructions))
                    )?;
                }
            }
            Event::Hint { text, .. } => writeln!(
                self.out,
                "{}",
                style.note(&format!(
                    "Hint: {} (this question now earns half the points)",
                    clean(text)
                ))
            )?,
            Event::Answered(answered) => self.verdict(game, answered)?,
            Event::Skipped { number, player } => {
                writeln!(
                    self.out,
                    "Skipped · score {}",
                    group_thousands(game.score(*player) as f64)
                )?;
                self.explain(game.question(*number))?;
            }
            Event::ScoreChanged { .. } => {}
            Event::RoundOver { round } => {
                self.scoreboard(game, &format!("Scoreboard after round {round}:"))?
            }
            Event::GameOver { summary } => self.summary(game, summary)?,
        }
        self.out.flush()
    }

    fn help(&mut self) -> io::Result<()> {
        writeln!(self.out, "{COMMANDS_HELP}")
    }

    fn notice(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", self.style.note(text))?;
        self.out.flush()
    }

    fn stopping(&mut self, ending: Ending) -> io::Result<()> {
        let note = match ending {
            Ending::Finished => return Ok(()),
            Ending::Quit => "You quit the game.",
            Ending::EndOfInput => "End of input.",
            Ending::Interrupted => "Interrupted.",
        };
        writeln!(self.out)?;
        writeln!(self.out, "{}", self.style.note(note))
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
