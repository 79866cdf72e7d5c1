//! Makes text from outside (packs, fact files, file names, arguments, typed answers, histories) safe to
//! show on a terminal: every control character that could move the cursor, set the window title or the
//! clipboard, clear the screen or reorder text is shown as a visible escape instead of reaching the
//! terminal raw.
//!
//! The rule, in one place: C0 controls (U+0000 to U+001F), DEL (U+007F), C1 controls (U+0080 to U+009F),
//! and the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) are
//! written as `\u{1b}`-style escapes. Nothing is dropped, so a reader sees that the text held something
//! odd. [`for_terminal`] makes one line (newlines and tabs are escaped too); [`for_terminal_text`] keeps
//! newlines and shows a tab as a space, for prose such as explanations; [`json`] makes serialised JSON
//! safe the same way, with `\uXXXX` escapes, so a script still reads back the exact text. Pack and fact
//! files refuse these characters outright (line breaks and tabs aside), with `file:line:column`.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is escaped before it reaches a terminal (see the module documentation for the list).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// One line of outside text made safe for the terminal: every unsafe character, newline and tab
/// included, becomes a visible `\u{..}` escape.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Multi-line outside text made safe for the terminal: newlines stay, a tab shows as a space, every
/// other unsafe character becomes a visible `\u{..}` escape.
pub fn for_terminal_text(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let kept = |c: char| keep_lines && c == '\n';
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\t' if keep_lines => out.push(' '),
            c if is_unsafe(c) && !kept(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON made safe for the terminal: the unsafe characters serde_json leaves raw (DEL, C1
/// controls, bidirectional controls) become `\uXXXX` escapes. They can only stand inside
/// strings, where the escape is valid JSON for the same character, so the document means the same.
pub fn json(serialised: String) -> String {
    if !serialised.chars().any(is_unsafe_in_json) {
        return serialised;
    }
    let mut out = String::with_capacity(serialised.len() + 16);
    for c in serialised.chars() {
        if is_unsafe_in_json(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Unsafe characters other than the newlines of pretty-printed JSON, which sit outside strings (inside
/// strings serde_json has escaped every C0 control already).
fn is_unsafe_in_json(c: char) -> bool {
    is_unsafe(c) && c != '\n'
}

/// Serialises `value` as JSON (pretty or compact) made safe by [`json`].
pub fn to_json<T: serde::Serialize + ?Sized>(
    value: &T,
    pretty: bool,
) -> serde_json::Result<String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)?
    } else {
        serde_json::to_string(value)?
    };
    Ok(json(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(for_terminal("Compton, 1988"), Cow::Borrowed(_)));
        assert!(matches!(for_terminal_text("a\nb\tc"), Cow::Owned(_)));
        assert!(matches!(for_terminal_text("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(
            for_terminal("\u{1b}]52;c;cHduZWQ=\u{7}x"),
            "\\u{1b}]52;c;cHduZWQ=\\u{7}x"
        );
        assert_eq!(for_terminal("\u{1b}c"), "\\u{1b}c");
        assert_eq!(for_terminal("a\u{9b}2J"), "a\\u{9b}2J");
        assert_eq!(for_terminal("evil\u{202E}txt"), "evil\\u{202e}txt");
        assert_eq!(for_terminal("a\nb\tc\r"), "a\\u{a}b\\u{9}c\\u{d}");
        assert_eq!(for_terminal_text("a\nb\tc\r"), "a\nb c\\u{d}");
        assert_eq!(
            for_terminal("\u{7f}\u{2066}\u{2069}"),
            "\\u{7f}\\u{2066}\\u{2069}"
        );
    }

    #[test]
    fn every_unsafe_character_is_escaped_in_both_modes() {
        for c in (0u32..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
        {
            let text = format!("a{c}b");
            assert!(!for_terminal(&text).contains(c), "{:x}", c as u32);
            if c != '\n' {
                assert!(!for_terminal_text(&text).contains(c), "{:x}", c as u32);
            }
        }
    }

    #[test]
    fn escaping_is_idempotent() {
        let once = for_terminal("\u{1b}[31mred\u{202e}").into_owned();
        assert_eq!(for_terminal(&once), once);
    }

    #[test]
    fn json_keeps_meaning_and_escapes_controls() {
        let value = serde_json::json!({ "t": "a\u{1b}b\u{9b}c\u{202e}d\u{7f}\ne" });
        for pretty in [false, true] {
            let text = to_json(&value, pretty).unwrap();
            assert!(!text.chars().any(is_unsafe_in_json));
            assert!(text.contains("\\u009b") && text.contains("\\u202e"));
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, value);
        }
    }
}
