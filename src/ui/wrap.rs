//! Word wrapping for terminals whose width is known: a writer that holds each line until its end and
//! breaks it at word boundaries (never inside a word that fits), keeping the line's indent and the
//! hanging indent of list items (`  A) `, `  1. `, `Source: `), so a long prompt or source line stays
//! readable instead of being cut at the terminal's edge.

use std::io::{self, Write};

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// Breaks one line (no newline in it) to `width` columns; words longer than the width stay whole.
/// Escape sequences (colors) take no room.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    if textwrap::core::display_width(line) <= width {
        return vec![line.to_string()];
    }
    let indent_len = line.len() - line.trim_start_matches(' ').len();
    let indent = &line[..indent_len];
    let hanging = indent_len + hanging_indent(&line[indent_len..]);
    let subsequent = " ".repeat(hanging.min(width / 2));
    let options = Options::new(width.max(1))
        .initial_indent(indent)
        .subsequent_indent(&subsequent)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .break_words(false);
    textwrap::wrap(&line[indent_len..], &options)
        .into_iter()
        .map(|part| part.trim_end().to_string())
        .collect()
}

/// The width of a list marker that continuation lines line up after: `A) `, `12. `, `Source: `.
fn hanging_indent(text: &str) -> usize {
    let plain = strip_escapes(text);
    let marker_end = plain.find(' ').unwrap_or(0);
    let marker = &plain[..marker_end];
    let is_letter = marker.len() == 2
        && marker.starts_with(|c: char| c.is_ascii_uppercase())
        && marker.ends_with(')');
    let is_number = marker.len() >= 2
        && marker.ends_with('.')
        && marker[..marker.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if is_letter || is_number || marker == "Source:" {
        marker_end + 1
    } else {
        0
    }
}

fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer that wraps every complete line to a width, or passes text through when there is none.
/// A line without its end yet (a `> ` prompt) is written as it is when the writer is flushed.
pub struct WrapWriter<'a> {
    out: &'a mut dyn Write,
    width: Option<usize>,
    pending: Vec<u8>,
}

impl<'a> WrapWriter<'a> {
    /// Wraps to `width` columns; `None` writes through unchanged.
    pub fn new(out: &'a mut dyn Write, width: Option<usize>) -> Self {
        WrapWriter {
            out,
            width: width.filter(|&width| width >= 10),
            pending: Vec::new(),
        }
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let Some(width) = self.width else {
            return self.out.write_all(line);
        };
        let text = String::from_utf8_lossy(line);
        for part in wrap_line(&text, width) {
            self.out.write_all(part.as_bytes())?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl Write for WrapWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.width.is_none() {
            return self.out.write(buf);
        }
        let mut rest = buf;
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            self.pending.extend_from_slice(&rest[..end]);
            let line = std::mem::take(&mut self.pending);
            self.write_line(&line)?;
            rest = &rest[end + 1..];
        }
        self.pending.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.out.write_all(&pending)?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stay_whole_and_indents_are_kept() {
        let line = "  Source: The encyclopedia entry (003.txt): “Dre was born in Compton in 1965”";
        let parts = wrap_line(line, 30);
        assert!(
            parts.iter().all(|part| part.chars().count() <= 30),
            "{parts:?}"
        );
        assert!(parts[0].starts_with("  Source: "));
        assert!(parts[1..].iter().all(|part| part.starts_with("          ")));
        let words: Vec<&str> = line.split_whitespace().collect();
        let joined = parts.join(" ");
        assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), words);
    }

    #[test]
    fn options_hang_after_their_letter() {
        let parts = wrap_line("  B) Jimmy Iovine and Dr. Dre founded it in 2006", 20);
        assert_eq!(parts[0], "  B) Jimmy Iovine");
        assert!(parts[1].starts_with("     ") && !parts[1].starts_with("      "));
    }

    #[test]
    fn a_word_longer_than_the_width_is_not_cut() {
        let parts = wrap_line("see https://example.com/a/very/long/address ok", 12);
        assert!(parts.contains(&"https://example.com/a/very/long/address".to_string()));
    }

    #[test]
    fn partial_lines_wait_for_flush() {
        let mut bytes = Vec::new();
        {
            let mut writer = WrapWriter::new(&mut bytes, Some(12));
            write!(writer, "one two three four\n> ").unwrap();
            writer.flush().unwrap();
        }
        assert_eq!(String::from_utf8(bytes).unwrap(), "one two\nthree four\n> ");
    }
}
