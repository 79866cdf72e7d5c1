//! Front ends: how a game meets a player. The [`session`] loop drives a [`Game`](crate::game::Game)
//! with a [`Prompter`](prompt::Prompter) that reads answers (dialoguer in a terminal, lines from a pipe or
//! a file, a script) and an [`Output`](session::Output) that shows events (text, colored or not, or one
//! JSON object per event). Everything from outside passes through [`escape`] before it reaches the
//! terminal.

pub mod chart;
pub mod interactive;
pub mod json;
pub mod line_input;
pub mod prompt;
pub mod session;
pub mod signal;
pub mod text;
mod view;
pub mod wrap;

use std::borrow::Cow;

pub use crate::escape;

pub use view::{QuestionView, instructions};

/// Outside text made safe for the terminal, newlines kept: the shorthand for
/// [`escape::for_terminal_text`], used for everything a pack, a fact file or a player wrote.
pub fn clean(text: &str) -> Cow<'_, str> {
    escape::for_terminal_text(text)
}

/// `1 question`, `2 questions`: a count with its noun, plural when it is not one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whether output is colored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colored when the stream is a terminal, unless `NO_COLOR` is set; `CLICOLOR_FORCE` forces it.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Parses `auto`, `always` or `never`.
    pub fn parse(text: &str) -> Option<ColorChoice> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(ColorChoice::Auto),
            "always" => Some(ColorChoice::Always),
            "never" => Some(ColorChoice::Never),
            _ => None,
        }
    }

    /// Decides for a stream: `--color` wins; then `CLICOLOR_FORCE` (set and not `0`) turns color on,
    /// `NO_COLOR` (set and not empty) and `TERM=dumb` turn it off; otherwise color when the stream is a
    /// terminal.
    pub fn enabled(self, is_terminal: bool, var: impl Fn(&str) -> Option<String>) -> bool {
        let set = |name: &str| var(name).is_some_and(|value| !value.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if set("CLICOLOR_FORCE") && var("CLICOLOR_FORCE").as_deref() != Some("0") {
                    true
                } else if set("NO_COLOR") || var("TERM").as_deref() == Some("dumb") {
                    false
                } else {
                    is_terminal
                }
            }
        }
    }
}

/// Paints text with colored when color is on, leaves it plain otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// A style that colors when `color` is set.
    pub fn new(color: bool) -> Style {
        if color {
            // colored decides on its own from the environment unless told; we have decided already.
            colored::control::set_override(true);
        }
        Style { color }
    }

    fn paint(self, text: &str, paint: impl FnOnce(&str) -> colored::ColoredString) -> String {
        if self.color {
            paint(text).to_string()
        } else {
            text.to_string()
        }
    }

    /// Right answers.
    pub fn good(self, text: &str) -> String {
        use colored::Colorize;
        self.paint(text, |t| t.green().bold())
    }

    /// Wrong answers.
    pub fn bad(self, text: &str) -> String {
        use colored::Colorize;
        self.paint(text, |t| t.red().bold())
    }

    /// Headings.
    pub fn heading(self, text: &str) -> String {
        use colored::Colorize;
        self.paint(text, |t| t.cyan().bold())
    }

    /// Hints and warnings.
    pub fn note(self, text: &str) -> String {
        use colored::Colorize;
        self.paint(text, |t| t.yellow())
    }

    /// Sources and other small print.
    pub fn dim(self, text: &str) -> String {
        use colored::Colorize;
        self.paint(text, |t| t.dimmed())
    }

    /// Emphasis: the question itself, the answer.
    pub fn strong(self, text: &str) -> String {
        use colored::Colorize;
        self.paint(text, |t| t.bold())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_follows_flag_then_environment() {
        let none = |_: &str| None;
        assert!(ColorChoice::Always.enabled(false, none));
        assert!(!ColorChoice::Never.enabled(true, none));
        assert!(ColorChoice::Auto.enabled(true, none));
        assert!(!ColorChoice::Auto.enabled(false, none));
        let no_color = |name: &str| (name == "NO_COLOR").then(|| "1".to_string());
        assert!(!ColorChoice::Auto.enabled(true, no_color));
        let force = |name: &str| (name == "CLICOLOR_FORCE").then(|| "1".to_string());
        assert!(ColorChoice::Auto.enabled(false, force));
        let force_off = |name: &str| (name == "CLICOLOR_FORCE").then(|| "0".to_string());
        assert!(!ColorChoice::Auto.enabled(false, force_off));
    }

    #[test]
    fn regression_dumb_terminal_gets_no_color() {
        let dumb = |name: &str| (name == "TERM").then(|| "dumb".to_string());
        assert!(!ColorChoice::Auto.enabled(true, dumb));
        assert!(ColorChoice::Always.enabled(true, dumb));
        let xterm = |name: &str| (name == "TERM").then(|| "xterm-256color".to_string());
        assert!(ColorChoice::Auto.enabled(true, xterm));
    }
}
