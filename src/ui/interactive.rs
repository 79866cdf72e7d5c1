//! The interactive front end for a real terminal: dialoguer menus for multiple-choice, quote and
//! true/false questions (with typing and the lifelines as extra entries), the multi-select widget for
//! select-all questions and the sort widget for order questions, a typed answer line for the rest and
//! for every timed question (with a live countdown), and a menu after each answer that can report the
//! question. Only used
//! when stdin and stderr are both terminals; dialoguer would otherwise read `/dev/tty` behind a pipe.

use std::io;

use dialoguer::console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{MultiSelect, Select, Sort};

use crate::game::{Game, Lifeline, Mode};
use crate::question::Body;

use super::line_input::{self, Edited};
use super::prompt::{AfterFeedback, Deadline, Prompter, Reply};
use super::{QuestionView, view};

/// Prompts with dialoguer on stderr.
pub struct DialoguerPrompter {
    term: Term,
    theme: Box<dyn Theme>,
    /// The menu after an answer was just shown (it serves as the pause before the next question).
    after_menu: bool,
}

impl DialoguerPrompter {
    /// A prompter on the standard error terminal, colorful when `color` is set.
    pub fn new(color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            // The default green check mark after every answer reads as "right" even when the verdict
            // that follows says wrong: a neutral arrow marks the answer as given instead.
            Box::new(ColorfulTheme {
                success_prefix: dialoguer::console::style("›".to_string())
                    .for_stderr()
                    .dim(),
                ..ColorfulTheme::default()
            })
        } else {
            Box::new(SimpleTheme)
        };
        DialoguerPrompter {
            term: Term::stderr(),
            theme,
            after_menu: false,
        }
    }

    /// Shows the cursor again (dialoguer hides it while a menu is open).
    pub fn restore(&self) {
        let _ = self.term.show_cursor();
    }

    fn interrupted(&self, error: dialoguer::Error) -> io::Result<Reply> {
        let dialoguer::Error::IO(error) = error;
        self.restore();
        match error.kind() {
            io::ErrorKind::Interrupted => Ok(Reply::Interrupted),
            io::ErrorKind::UnexpectedEof => Ok(Reply::Eof),
            _ => Err(error),
        }
    }
}

impl Drop for DialoguerPrompter {
    fn drop(&mut self) {
        self.restore();
    }
}

/// What a menu entry stands for.
enum Entry {
    /// Typed into the game as if the player had written it.
    Line(String),
    /// Type the answer on a line instead.
    Type,
}

impl DialoguerPrompter {
    fn width(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    /// A line of help above a widget, wrapped to the terminal.
    fn help_line(&self, text: &str) -> io::Result<()> {
        for line in super::wrap::wrap_line(text, self.width()) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }

    /// The typed-answer line: Ctrl-D ends the game, a countdown ticks when there is a deadline.
    fn type_line(&mut self, prompt: &str, deadline: Option<Deadline<'_>>) -> io::Result<Reply> {
        let width = self.width();
        let mut out = io::stderr();
        match line_input::read_line(&mut out, prompt, deadline, width) {
            Ok(Edited::Reply(reply)) => Ok(reply),
            Ok(Edited::TimeUp) => Ok(Reply::TimeUp),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => Ok(Reply::Interrupted),
            Err(error) => Err(error),
        }
    }

    /// Lifelines and typing for widgets that have no room for extra entries (multi-select, sort).
    fn more_choices(&mut self, game: &Game) -> io::Result<Option<Reply>> {
        let player = game.current_player();
        let shown = game
            .open_question()
            .map_or(0, |number| QuestionView::of(game, number).choices.len());
        let mut items: Vec<(&str, Option<Entry>)> = vec![
            ("Back to the options", None),
            ("Type the answer instead", Some(Entry::Type)),
        ];
        if shown >= 3 && game.lifeline_left(player, Lifeline::FiftyFifty) {
            items.push((
                "Use 50:50 (once per game)",
                Some(Entry::Line(":5050".into())),
            ));
        }
        if game.lifeline_left(player, Lifeline::Skip) {
            items.push((
                "Skip this question (once per game)",
                Some(Entry::Line(":skip".into())),
            ));
        }
        items.push(("Quit the game", Some(Entry::Line(":quit".into()))));
        let labels: Vec<&str> = items.iter().map(|(label, _)| *label).collect();
        let picked = match Select::with_theme(self.theme.as_ref())
            .with_prompt("More choices")
            .items(&labels)
            .default(0)
            .interact_on(&self.term)
        {
            Ok(index) => index,
            Err(error) => return self.interrupted(error).map(Some),
        };
        Ok(match items.swap_remove(picked).1 {
            None => None,
            Some(Entry::Line(line)) => Some(Reply::Line(line)),
            Some(Entry::Type) => Some(self.type_line("Your answer: ", None)?),
        })
    }

    /// Select-all: tick the options with Space; `q` or nothing ticked opens the other choices.
    fn multi_select(&mut self, game: &Game, view: &QuestionView) -> io::Result<Reply> {
        loop {
            self.help_line("Space ticks an option, Enter confirms, q shows more choices.")?;
            let picked = MultiSelect::with_theme(self.theme.as_ref())
                .with_prompt("Tick every right option")
                .items(&view.choices)
                .interact_on_opt(&self.term);
            match picked {
                Ok(Some(ticked)) if !ticked.is_empty() => {
                    let letters: Vec<String> = ticked
                        .iter()
                        .map(|&position| view::label(position).to_string())
                        .collect();
                    return Ok(Reply::Line(letters.join(" ")));
                }
                Ok(_) => {
                    if let Some(reply) = self.more_choices(game)? {
                        return Ok(reply);
                    }
                }
                Err(error) => return self.interrupted(error),
            }
        }
    }

    /// Order: move the items with the sort widget; `q` opens the other choices.
    fn sort(&mut self, game: &Game, view: &QuestionView, direction: &str) -> io::Result<Reply> {
        loop {
            self.help_line(
                "Space picks an item up or puts it down, the arrows move it, Enter confirms, q shows more choices.",
            )?;
            match Sort::with_theme(self.theme.as_ref())
                .with_prompt(format!("Put them in order, {direction}"))
                .items(&view.choices)
                .interact_on_opt(&self.term)
            {
                Ok(Some(order)) => {
                    let letters: Vec<String> = order
                        .iter()
                        .map(|&position| view::label(position).to_string())
                        .collect();
                    return Ok(Reply::Line(letters.join(" ")));
                }
                Ok(None) => {
                    if let Some(reply) = self.more_choices(game)? {
                        return Ok(reply);
                    }
                }
                Err(error) => return self.interrupted(error),
            }
        }
    }
}

impl Prompter for DialoguerPrompter {
    fn ask(&mut self, game: &Game) -> io::Result<Reply> {
        let Some(number) = game.open_question() else {
            return Ok(Reply::Eof);
        };
        self.after_menu = false;
        let question = game.question(number);
        let view = QuestionView::of(game, number);
        let player = game.player_for(number);
        let mut items: Vec<(String, Entry)> = match &question.body {
            Body::MultipleChoice { .. } | Body::Quote { .. } => view
                .choices
                .iter()
                .enumerate()
                // The option's letter, as the multi-select and sort menus send: a number could also
                // be read as an option's own text ("1" against "Part 1").
                .map(|(position, choice)| {
                    (
                        choice.clone(),
                        Entry::Line(view::label(position).to_string()),
                    )
                })
                .collect(),
            Body::TrueFalse { .. } => vec![
                ("True".to_string(), Entry::Line("true".to_string())),
                ("False".to_string(), Entry::Line("false".to_string())),
            ],
            Body::SelectAll { .. } => return self.multi_select(game, &view),
            Body::Order { direction, .. } => {
                let direction = direction
                    .as_deref()
                    .map(|d| super::clean(d).into_owned())
                    .unwrap_or_else(|| "first to last".to_string());
                return self.sort(game, &view, &direction);
            }
            _ => return self.type_line("Your answer: ", None),
        };
        items.push(("Type the answer instead".to_string(), Entry::Type));
        if view.choices.len() >= 3 && game.lifeline_left(player, Lifeline::FiftyFifty) {
            items.push((
                "Use 50:50 (once per game)".to_string(),
                Entry::Line(":5050".to_string()),
            ));
        }
        if game.lifeline_left(player, Lifeline::Skip) {
            items.push((
                "Skip this question (once per game)".to_string(),
                Entry::Line(":skip".to_string()),
            ));
        }
        items.push((
            "Quit the game".to_string(),
            Entry::Line(":quit".to_string()),
        ));
        let labels: Vec<&str> = items.iter().map(|(label, _)| label.as_str()).collect();
        match Select::with_theme(self.theme.as_ref())
            .with_prompt("Your answer")
            .items(&labels)
            .default(0)
            .interact_on(&self.term)
        {
            Ok(index) => match items.swap_remove(index).1 {
                Entry::Line(line) => Ok(Reply::Line(line)),
                Entry::Type => self.type_line("Your answer: ", None),
            },
            Err(error) => self.interrupted(error),
        }
    }

    fn ask_until(&mut self, _game: &Game, deadline: Deadline<'_>) -> io::Result<Reply> {
        // Menus cannot show a clock: a timed question is answered on the countdown line (its options
        // are listed with letters above it).
        self.after_menu = false;
        self.type_line("Your answer: ", Some(deadline))
    }

    fn after_feedback(&mut self, game: &Game, number: usize) -> io::Result<AfterFeedback> {
        let last = number + 1 == game.len();
        let next = if last {
            "See the summary"
        } else {
            "Next question"
        };
        let mut labels = vec![next, "Report this question"];
        if !last {
            labels.push("Quit the game");
        }
        loop {
            let picked = match Select::with_theme(self.theme.as_ref())
                .with_prompt("Go on")
                .items(&labels)
                .default(0)
                .interact_on(&self.term)
            {
                Ok(index) => index,
                Err(error) => {
                    return Ok(match self.interrupted(error)? {
                        Reply::Eof => AfterFeedback::Eof,
                        _ => AfterFeedback::Interrupted,
                    });
                }
            };
            match picked {
                0 => {
                    self.after_menu = true;
                    return Ok(AfterFeedback::Next);
                }
                1 => match self.type_line("What is wrong with it? ", None)? {
                    Reply::Line(reason) if !reason.trim().is_empty() => {
                        return Ok(AfterFeedback::Report(reason.trim().to_string()));
                    }
                    Reply::Interrupted => return Ok(AfterFeedback::Interrupted),
                    _ => {}
                },
                _ => return Ok(AfterFeedback::Quit),
            }
        }
    }

    fn report_reason(&mut self, _game: &Game) -> io::Result<Reply> {
        self.type_line("Reason: ", None)
    }

    fn pause(&mut self, game: &Game) -> io::Result<Reply> {
        // The menu after the answer was the pause already, unless the next player needs the keyboard.
        if std::mem::take(&mut self.after_menu) && game.config().mode != Mode::HotSeat {
            return Ok(Reply::Line(String::new()));
        }
        let message = if game.config().mode == Mode::HotSeat {
            let next = game.current_player();
            format!(
                "{}, your turn: press Enter for your question.",
                super::clean(game.player_name(next))
            )
        } else {
            "Press Enter for the next question (the clock starts when it shows).".to_string()
        };
        self.term.write_line("")?;
        self.term.write_line(&message)?;
        loop {
            match self.term.read_key() {
                Ok(Key::Enter) | Ok(Key::Char(' ')) => break,
                Ok(Key::CtrlC) => return Ok(Reply::Interrupted),
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                    return Ok(Reply::Interrupted);
                }
                Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => {
                    return Ok(Reply::Eof);
                }
                Err(error) => return Err(error),
            }
        }
        Ok(Reply::Line(String::new()))
    }
}
