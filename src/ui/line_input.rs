//! A one-line answer editor for the interactive front end. dialoguer's text prompt ignores Ctrl-D and
//! cannot show a clock, so typed answers go through this instead: it reads keys in raw mode, edits one
//! line (arrows, Home/End, Backspace, Delete, Ctrl-U), ends the game on Ctrl-D at an empty line (as end of
//! input does in line mode) and, for a timed question, redraws a live countdown in front of the answer
//! until the time runs out.

use std::io::{self, Write};

use textwrap::core::display_width;

use super::prompt::{Deadline, Reply};
use crate::game::Millis;

/// What the editor saw: a finished line, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edited {
    Reply(Reply),
    /// The countdown reached zero.
    TimeUp,
}

/// The label of a countdown: `⏱ 12 s left`.
pub fn countdown_label(remaining: Millis) -> String {
    format!("⏱ {} s left", remaining.div_ceil(1000))
}

/// Reads one line from the terminal on standard input, writing to `out` (the terminal on stderr).
/// `prompt` comes before the text; with a `deadline` the seconds left come before the prompt and
/// tick down. `width` is the terminal's width, so the line never wraps (long text scrolls).
pub fn read_line(
    out: &mut dyn Write,
    prompt: &str,
    deadline: Option<Deadline<'_>>,
    width: usize,
) -> io::Result<Edited> {
    let raw = raw::RawMode::enter()?;
    let mut editor = Editor {
        text: Vec::new(),
        cursor: 0,
    };
    let mut keys = raw::Keys::default();
    let result = loop {
        let remaining = deadline.and_then(|deadline| deadline.remaining());
        if remaining == Some(0) {
            break Edited::TimeUp;
        }
        let label = match remaining {
            Some(left) => format!("{} · {prompt}", countdown_label(left)),
            None => prompt.to_string(),
        };
        editor.draw(out, &label, width)?;
        // Wake up in time for the next whole second of the countdown.
        let timeout = remaining.map(|left| match left % 1000 {
            0 => 1000,
            part => part,
        });
        let Some(key) = keys.next(timeout)? else {
            continue;
        };
        match key {
            raw::Key::Enter => break Edited::Reply(Reply::Line(editor.text.iter().collect())),
            raw::Key::CtrlC => break Edited::Reply(Reply::Interrupted),
            raw::Key::CtrlD if editor.text.is_empty() => break Edited::Reply(Reply::Eof),
            raw::Key::CtrlD | raw::Key::Delete => {
                if editor.cursor < editor.text.len() {
                    editor.text.remove(editor.cursor);
                }
            }
            raw::Key::Eof => break Edited::Reply(Reply::Eof),
            raw::Key::Backspace => {
                if editor.cursor > 0 {
                    editor.cursor -= 1;
                    editor.text.remove(editor.cursor);
                }
            }
            raw::Key::Left => editor.cursor = editor.cursor.saturating_sub(1),
            raw::Key::Right => editor.cursor = (editor.cursor + 1).min(editor.text.len()),
            raw::Key::Home => editor.cursor = 0,
            raw::Key::End => editor.cursor = editor.text.len(),
            raw::Key::ClearLine => {
                editor.text.clear();
                editor.cursor = 0;
            }
            raw::Key::Char(c) if !c.is_control() => {
                editor.text.insert(editor.cursor, c);
                editor.cursor += 1;
            }
            raw::Key::Char(_) | raw::Key::Other => {}
        }
    };
    drop(raw);
    // Leave the finished line on screen as typed (without the ticking clock) and move on.
    let label = match (&result, deadline) {
        (Edited::TimeUp, Some(_)) => format!("{} · {prompt}", countdown_label(0)),
        _ => prompt.to_string(),
    };
    editor.cursor = editor.text.len();
    editor.draw(out, &label, width)?;
    out.write_all(b"\r\n")?;
    out.flush()?;
    Ok(result)
}

struct Editor {
    text: Vec<char>,
    cursor: usize,
}

impl Editor {
    /// Redraws the line in place: the label, then as much of the text as fits around the cursor.
    fn draw(&self, out: &mut dyn Write, label: &str, width: usize) -> io::Result<()> {
        let room = width.saturating_sub(display_width(label) + 2).max(8);
        let char_width = |c: &char| display_width(c.encode_utf8(&mut [0; 4])).max(1);
        // Scroll so the cursor stays in view.
        let mut start = 0;
        while self.text[start..self.cursor]
            .iter()
            .map(char_width)
            .sum::<usize>()
            >= room
        {
            start += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        let mut after_cursor = 0;
        for (index, c) in self.text.iter().enumerate().skip(start) {
            let w = char_width(c);
            if used + w >= room {
                break;
            }
            used += w;
            shown.push(*c);
            if index >= self.cursor {
                after_cursor += w;
            }
        }
        let marker = if start > 0 { "…" } else { "" };
        write!(out, "\r\x1b[2K{label}{marker}{shown}")?;
        if after_cursor > 0 {
            write!(out, "\x1b[{after_cursor}D")?;
        }
        out.flush()
    }
}

#[cfg(unix)]
mod raw {
    //! Raw mode and key decoding on the standard input terminal.

    use std::io;
    use std::os::fd::RawFd;

    const STDIN: RawFd = 0;

    /// Raw mode until dropped (the terminal's settings come back even on an error).
    pub struct RawMode {
        original: libc::termios,
    }

    impl RawMode {
        pub fn enter() -> io::Result<RawMode> {
            // SAFETY: tcgetattr fills the struct it is given; the fd is the process's stdin.
            let mut termios = unsafe { std::mem::zeroed::<libc::termios>() };
            if unsafe { libc::tcgetattr(STDIN, &mut termios) } != 0 {
                return Err(io::Error::last_os_error());
            }
            let original = termios;
            // SAFETY: cfmakeraw only edits the struct.
            unsafe { libc::cfmakeraw(&mut termios) };
            // Keep output processing, so "\n" still starts a new line for anything else written.
            termios.c_oflag = original.c_oflag;
            if unsafe { libc::tcsetattr(STDIN, libc::TCSADRAIN, &termios) } != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(RawMode { original })
        }
    }

    impl Drop for RawMode {
        fn drop(&mut self) {
            // SAFETY: restores the settings read in `enter`.
            unsafe { libc::tcsetattr(STDIN, libc::TCSADRAIN, &self.original) };
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Key {
        Char(char),
        Enter,
        Backspace,
        Delete,
        Left,
        Right,
        Home,
        End,
        ClearLine,
        CtrlC,
        CtrlD,
        /// The terminal closed.
        Eof,
        Other,
    }

    /// Bytes read but not yet decoded.
    #[derive(Default)]
    pub struct Keys {
        pending: Vec<u8>,
    }

    impl Keys {
        /// The next key, waiting at most `timeout` milliseconds (forever when `None`).
        pub fn next(&mut self, timeout: Option<u64>) -> io::Result<Option<Key>> {
            if self.pending.is_empty() && !self.fill(timeout)? {
                return Ok(None);
            }
            if self.pending.is_empty() {
                return Ok(Some(Key::Eof));
            }
            // An escape sequence arrives in one burst; wait briefly for the rest of it.
            if self.pending[0] == 0x1b && self.pending.len() < 3 {
                self.fill(Some(30))?;
            }
            let (key, used) = decode(&self.pending);
            self.pending.drain(..used.max(1));
            Ok(Some(key))
        }

        /// Waits for input and reads what is there; `false` on a timeout. An empty read (end of file)
        /// leaves nothing pending, which `next` reports as [`Key::Eof`].
        fn fill(&mut self, timeout: Option<u64>) -> io::Result<bool> {
            let mut poll = libc::pollfd {
                fd: STDIN,
                events: libc::POLLIN,
                revents: 0,
            };
            let wait = timeout.map_or(-1, |ms| ms.min(i32::MAX as u64) as i32);
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut poll, 1, wait) };
            if ready < 0 {
                let error = io::Error::last_os_error();
                return if error.kind() == io::ErrorKind::Interrupted {
                    Ok(false)
                } else {
                    Err(error)
                };
            }
            if ready == 0 {
                return Ok(false);
            }
            let mut buffer = [0u8; 64];
            // SAFETY: reads into a local buffer of the given length.
            let read = unsafe { libc::read(STDIN, buffer.as_mut_ptr().cast(), buffer.len()) };
            if read < 0 {
                let error = io::Error::last_os_error();
                return if error.kind() == io::ErrorKind::Interrupted {
                    Ok(false)
                } else {
                    Err(error)
                };
            }
            self.pending.extend_from_slice(&buffer[..read as usize]);
            Ok(true)
        }
    }

    /// The key at the start of `bytes` and how many bytes it used.
    pub fn decode(bytes: &[u8]) -> (Key, usize) {
        match bytes[0] {
            b'\r' | b'\n' => (Key::Enter, 1),
            0x7f | 0x08 => (Key::Backspace, 1),
            0x03 => (Key::CtrlC, 1),
            0x04 => (Key::CtrlD, 1),
            0x15 => (Key::ClearLine, 1),
            0x01 => (Key::Home, 1),
            0x05 => (Key::End, 1),
            0x1b => match bytes.get(1..3) {
                Some([b'[', b'C']) | Some([b'O', b'C']) => (Key::Right, 3),
                Some([b'[', b'D']) | Some([b'O', b'D']) => (Key::Left, 3),
                Some([b'[', b'H']) | Some([b'O', b'H']) => (Key::Home, 3),
                Some([b'[', b'F']) | Some([b'O', b'F']) => (Key::End, 3),
                Some([b'[', b'3']) if bytes.get(3) == Some(&b'~') => (Key::Delete, 4),
                Some([b'[', _]) => {
                    // Skip any other CSI sequence whole.
                    let end = bytes[2..]
                        .iter()
                        .position(|b| (0x40..=0x7e).contains(b))
                        .map_or(bytes.len(), |at| at + 3);
                    (Key::Other, end)
                }
                _ => (Key::Other, 1),
            },
            first => {
                let len = match first {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => 1,
                };
                match bytes.get(..len).and_then(|b| std::str::from_utf8(b).ok()) {
                    Some(text) => (Key::Char(text.chars().next().unwrap_or('?')), len),
                    None => (Key::Other, 1),
                }
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn keys_decode_from_bytes() {
            assert_eq!(decode(b"a"), (Key::Char('a'), 1));
            assert_eq!(decode("é!".as_bytes()), (Key::Char('é'), 2));
            assert_eq!(decode(b"\x1b[D"), (Key::Left, 3));
            assert_eq!(decode(b"\x1b[3~x"), (Key::Delete, 4));
            assert_eq!(decode(b"\x1b[1;5Cx"), (Key::Other, 6));
            assert_eq!(decode(b"\x04"), (Key::CtrlD, 1));
            assert_eq!(decode(b"\r"), (Key::Enter, 1));
        }
    }
}

#[cfg(not(unix))]
mod raw {
    //! No raw mode here: the interactive front end is not offered on this platform.
    use std::io;

    pub struct RawMode;

    impl RawMode {
        pub fn enter() -> io::Result<RawMode> {
            Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "raw terminal input is not supported on this platform",
            ))
        }
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Key {
        Char(char),
        Enter,
        Backspace,
        Delete,
        Left,
        Right,
        Home,
        End,
        ClearLine,
        CtrlC,
        CtrlD,
        Eof,
        Other,
    }

    #[derive(Default)]
    pub struct Keys;

    impl Keys {
        pub fn next(&mut self, _timeout: Option<u64>) -> io::Result<Option<Key>> {
            Ok(Some(Key::Eof))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_round_up_to_whole_seconds() {
        assert_eq!(countdown_label(12_000), "⏱ 12 s left");
        assert_eq!(countdown_label(11_001), "⏱ 12 s left");
        assert_eq!(countdown_label(1), "⏱ 1 s left");
    }

    #[test]
    fn long_text_scrolls_instead_of_wrapping() {
        let editor = Editor {
            text: "a long answer that does not fit".chars().collect(),
            cursor: 31,
        };
        let mut out = Vec::new();
        editor.draw(&mut out, "Answer: ", 30).unwrap();
        let text = String::from_utf8(out).unwrap();
        let shown = text.trim_start_matches("\r\x1b[2K");
        assert!(display_width(shown) < 30, "{shown:?}");
        assert!(shown.starts_with("Answer: …") && shown.ends_with("not fit"));
    }
}
