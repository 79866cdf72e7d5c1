//! The interactive front end for a real terminal: dialoguer menus for multiple-choice, quote and
//! true/false questions (with the lifelines as extra entries), a text prompt for the rest. Only used
//! when stdin and stderr are both terminals; dialoguer would otherwise read `/dev/tty` behind a pipe.

use std::io;

use dialoguer::console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, Select};

use crate::game::{Game, Lifeline, Mode};
use crate::question::Body;

use super::QuestionView;
use super::prompt::{Prompter, Reply};

/// Prompts with dialoguer on stderr.
pub struct DialoguerPrompter {
    term: Term,
    theme: Box<dyn Theme>,
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

impl Prompter for DialoguerPrompter {
    fn ask(&mut self, game: &Game) -> io::Result<Reply> {
        let Some(number) = game.open_question() else {
            return Ok(Reply::Eof);
        };
        let question = game.question(number);
        let view = QuestionView::of(game, number);
        let player = game.player_for(number);
        let mut items: Vec<(String, String)> = match &question.body {
            Body::MultipleChoice { .. } | Body::Quote { .. } => view
                .choices
                .iter()
                .enumerate()
                .map(|(position, choice)| (choice.clone(), (position + 1).to_string()))
                .collect(),
            Body::TrueFalse { .. } => vec![
                ("True".to_string(), "true".to_string()),
                ("False".to_string(), "false".to_string()),
            ],
            _ => {
                return match Input::<String>::with_theme(self.theme.as_ref())
                    .with_prompt("Your answer")
                    .allow_empty(true)
                    .interact_text_on(&self.term)
                {
                    Ok(line) => Ok(Reply::Line(line)),
                    Err(error) => self.interrupted(error),
                };
            }
        };
        if view.choices.len() >= 3 && game.lifeline_left(player, Lifeline::FiftyFifty) {
            items.push(("Use 50:50 (once per game)".to_string(), ":5050".to_string()));
        }
        if game.lifeline_left(player, Lifeline::Skip) {
            items.push((
                "Skip this question (once per game)".to_string(),
                ":skip".to_string(),
            ));
        }
        items.push(("Quit the game".to_string(), ":quit".to_string()));
        let labels: Vec<&str> = items.iter().map(|(label, _)| label.as_str()).collect();
        match Select::with_theme(self.theme.as_ref())
            .with_prompt("Your answer")
            .items(&labels)
            .default(0)
            .interact_on(&self.term)
        {
            Ok(index) => Ok(Reply::Line(items[index].1.clone())),
            Err(error) => self.interrupted(error),
        }
    }

    fn pause(&mut self, game: &Game) -> io::Result<Reply> {
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
