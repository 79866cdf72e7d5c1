//! Reading the player's answers: one trait, with implementations for lines from any reader (pipes,
//! tests), lines from a terminal that Ctrl-C can interrupt, and a fixed script (`--answers FILE`).
//! The dialoguer implementation lives in [`interactive`](super::interactive).

use std::collections::VecDeque;
use std::io::{self, BufRead};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::game::{Game, Millis};

use super::session::Clock;

/// What came back from asking the player.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// One line, without its line ending.
    Line(String),
    /// Input ended (closed stdin, the last scripted answer used).
    Eof,
    /// Ctrl-C.
    Interrupted,
    /// The open question's countdown ran out before an answer came.
    TimeUp,
}

/// When the open question's time runs out, on the front end's clock.
#[derive(Clone, Copy)]
pub struct Deadline<'a> {
    /// On `clock`'s scale, in milliseconds.
    pub at: Millis,
    pub clock: &'a dyn Clock,
}

impl Deadline<'_> {
    /// Milliseconds left; `None` when the clock is not running.
    pub fn remaining(&self) -> Option<Millis> {
        self.clock.now().map(|now| self.at.saturating_sub(now))
    }
}

/// What the player wants once a question's answer has been shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterFeedback {
    /// On to the next question (or the summary).
    Next,
    /// Report the question just answered, for this reason.
    Report(String),
    /// End the game now.
    Quit,
    /// Ctrl-C.
    Interrupted,
    /// Input ended.
    Eof,
}

/// Asks the player for input.
pub trait Prompter {
    /// Reads the answer to the open question of `game`.
    fn ask(&mut self, game: &Game) -> io::Result<Reply>;

    /// Waits before the next question (blitz and hot-seat in a terminal); nothing by default.
    fn pause(&mut self, _game: &Game) -> io::Result<Reply> {
        Ok(Reply::Line(String::new()))
    }

    /// Reads the answer to the open question while its countdown runs, with [`Reply::TimeUp`] when it
    /// runs out. A prompter that cannot watch the clock asks as usual (the game then judges a late
    /// answer as too slow).
    fn ask_until(&mut self, game: &Game, _deadline: Deadline<'_>) -> io::Result<Reply> {
        self.ask(game)
    }

    /// After the answer to question `number` is shown. Line prompters go straight on (`:report` is
    /// typed at the next prompt); the interactive one offers a menu with a report entry.
    fn after_feedback(&mut self, _game: &Game, _number: usize) -> io::Result<AfterFeedback> {
        Ok(AfterFeedback::Next)
    }

    /// Reads the reason for a report, one line.
    fn report_reason(&mut self, game: &Game) -> io::Result<Reply> {
        self.ask(game)
    }
}

/// Lines from any reader: stdin when it is a pipe, or test input.
pub struct LinePrompter<'a> {
    input: &'a mut dyn BufRead,
}

impl<'a> LinePrompter<'a> {
    pub fn new(input: &'a mut dyn BufRead) -> Self {
        LinePrompter { input }
    }
}

/// Reads one line as text (invalid UTF-8 replaced), without the line ending; `None` at end of input.
pub fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        bytes.pop();
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

impl Prompter for LinePrompter<'_> {
    fn ask(&mut self, _game: &Game) -> io::Result<Reply> {
        Ok(match read_line(self.input)? {
            Some(line) => Reply::Line(line),
            None => Reply::Eof,
        })
    }
}

/// Answers from a list (`--answers FILE`, tests); end of input after the last.
#[derive(Clone, Debug, Default)]
pub struct ScriptedPrompter {
    lines: VecDeque<String>,
}

impl ScriptedPrompter {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(lines: I) -> Self {
        ScriptedPrompter {
            lines: lines.into_iter().map(Into::into).collect(),
        }
    }

    /// One answer per line of `text` (a trailing newline adds no empty answer).
    pub fn from_text(text: &str) -> Self {
        ScriptedPrompter::new(text.lines().map(|line| line.trim_end_matches('\r')))
    }
}

impl Prompter for ScriptedPrompter {
    fn ask(&mut self, _game: &Game) -> io::Result<Reply> {
        Ok(self.lines.pop_front().map_or(Reply::Eof, Reply::Line))
    }
}

/// Lines typed at a terminal, read on a helper thread so Ctrl-C can end the game while a read is
/// waiting (the terminal driver would otherwise restart the read after the signal).
pub struct TerminalLinePrompter {
    lines: mpsc::Receiver<io::Result<Option<String>>>,
    interrupt: &'static AtomicBool,
}

impl TerminalLinePrompter {
    /// Starts reading the process's standard input on a helper thread. `None` when it cannot be
    /// duplicated (then read it directly).
    #[cfg(unix)]
    pub fn start(interrupt: &'static AtomicBool) -> Option<Self> {
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let file = std::fs::File::from(fd);
        let (sender, lines) = mpsc::channel();
        std::thread::Builder::new()
            .name("stdin".to_string())
            .spawn(move || {
                let mut reader = io::BufReader::new(file);
                loop {
                    let line = read_line(&mut reader);
                    let done = !matches!(line, Ok(Some(_)));
                    if sender.send(line).is_err() || done {
                        break;
                    }
                }
            })
            .ok()?;
        Some(TerminalLinePrompter { lines, interrupt })
    }

    /// Not available on this platform.
    #[cfg(not(unix))]
    pub fn start(_interrupt: &'static AtomicBool) -> Option<Self> {
        None
    }
}

impl TerminalLinePrompter {
    fn read(&mut self, deadline: Option<Deadline<'_>>) -> io::Result<Reply> {
        loop {
            if self.interrupt.load(Ordering::SeqCst) {
                return Ok(Reply::Interrupted);
            }
            if deadline.and_then(|deadline| deadline.remaining()) == Some(0) {
                return Ok(Reply::TimeUp);
            }
            match self.lines.recv_timeout(Duration::from_millis(50)) {
                Ok(Ok(Some(line))) => return Ok(Reply::Line(line)),
                Ok(Ok(None)) | Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Reply::Eof),
                Ok(Err(error)) if error.kind() == io::ErrorKind::Interrupted => {}
                Ok(Err(error)) => return Err(error),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }
}

impl Prompter for TerminalLinePrompter {
    fn ask(&mut self, _game: &Game) -> io::Result<Reply> {
        self.read(None)
    }

    fn ask_until(&mut self, _game: &Game, deadline: Deadline<'_>) -> io::Result<Reply> {
        self.read(Some(deadline))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_their_endings_and_bad_bytes() {
        let mut input: &[u8] = b"one\r\ntwo\n\xffthree";
        assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("one"));
        assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("two"));
        assert_eq!(
            read_line(&mut input).unwrap().as_deref(),
            Some("\u{fffd}three")
        );
        assert_eq!(read_line(&mut input).unwrap(), None);
    }

    #[test]
    fn scripts_end_with_eof() {
        let game = Game::new(
            crate::game::GameConfig::new(crate::game::Mode::Classic),
            Vec::new(),
            crate::rng::SeededRng::from_seed(0),
        );
        let mut script = ScriptedPrompter::from_text("a\r\nb\n");
        assert_eq!(script.ask(&game).unwrap(), Reply::Line("a".into()));
        assert_eq!(script.ask(&game).unwrap(), Reply::Line("b".into()));
        assert_eq!(script.ask(&game).unwrap(), Reply::Eof);
    }
}
