//! Folds the many ways of writing the same words into one form ("The Chronic" and "chronic", "Dr. Dre" and
//! "doctor dre", "Järvi" and "Jarvi"), so answers compare the way a quizmaster hears them.
//!
//! The form is lowercase letters and digits in words separated by single spaces: diacritics are stripped
//! (compatibility decomposition, then marks dropped), a few letters without a decomposition are spelt out
//! (`ß` → `ss`, `æ` → `ae`, `ø` → `o` ...), apostrophes of every shape vanish (`don't` → `dont`), `&` is the
//! word `and`, every other symbol separates words and title words take one spelling (`doctor` → `dr`).
//!
//! This is the one text folding of the project: answer checking, the generator's and the game's leak checks
//! and duplicate detection all call it. A leading article is kept (`The Invisible Man` is not
//! `Invisible Man`); comparisons that may ignore it use [`without_leading_article`].

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Articles that may lead a name or title.
pub(crate) const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Title and abbreviation words, each with the one spelling it is compared in (see `Folder::end_token` when
/// adding one).
const TITLES: [(&str, &str); 9] = [
    ("doctor", "dr"),
    ("mister", "mr"),
    ("missus", "mrs"),
    ("professor", "prof"),
    ("saint", "st"),
    ("mount", "mt"),
    ("junior", "jr"),
    ("senior", "sr"),
    ("versus", "vs"),
];

/// Normalises text for comparison: `normalize(normalize(x)) == normalize(x)` for every `x`.
///
/// ```
/// use trivia::answer::normalize;
/// assert_eq!(normalize("The Chronic"), "the chronic");
/// assert_eq!(normalize("  Doctor DRE!"), normalize("Dr. Dre"));
/// assert_eq!(normalize("Neeme Järvi"), "neeme jarvi");
/// assert_eq!(normalize("Simon & Garfunkel"), "simon and garfunkel");
/// assert_eq!(normalize("Ocean’s Eleven"), "oceans eleven");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses (its old contents are discarded).
pub(crate) fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    append_normalized(text, out);
}

/// [`normalize`] appended to what `out` already holds (the folded words are spaced among themselves,
/// not from what comes before them).
pub(crate) fn append_normalized(text: &str, out: &mut String) {
    if text.is_ascii() && !text.contains('&') {
        return append_ascii(text.as_bytes(), out);
    }
    out.reserve(text.len());
    let mut folder = Folder {
        base: out.len(),
        out,
        token_start: 0,
        in_token: false,
    };
    if text.is_ascii() {
        for &byte in text.as_bytes() {
            folder.ascii(char::from(byte));
        }
    } else {
        for c in text.chars() {
            if c.is_ascii() {
                folder.ascii(c);
            } else {
                folder.unicode(c);
            }
        }
    }
    folder.end_token();
}

/// Each ASCII byte as a folded word keeps it: letters in lower case and digits; 0 for the rest.
const KEPT: [u8; 128] = {
    let mut kept = [0u8; 128];
    let mut byte = 0;
    while byte < 128 {
        let c = byte as u8;
        kept[byte] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            c
        } else if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        byte += 1;
    }
    kept
};

/// [`append_normalized`] of an ASCII text without `&`, folded as [`Folder::ascii`] folds it
/// character by character, in place: the text is copied once and its bytes rewritten left to right
/// (the folded text is never longer: a space between words takes the place of a separator).
fn append_ascii(text: &[u8], out: &mut String) {
    let base = out.len();
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.extend_from_slice(text);
    let mut write = base;
    let mut token_start = base;
    let mut in_token = false;
    // Read from the text itself (its copy is only written to), so no byte read is bounds-checked.
    for &byte in text {
        let kept = KEPT[usize::from(byte & 0x7f)];
        if kept != 0 {
            if !in_token {
                if write > base {
                    bytes[write] = b' ';
                    write += 1;
                }
                token_start = write;
                in_token = true;
            }
            bytes[write] = kept;
            write += 1;
        } else if byte != b'\'' && byte != b'`' && in_token {
            in_token = false;
            write = fold_title(&mut bytes, token_start, write);
        }
    }
    if in_token {
        write = fold_title(&mut bytes, token_start, write);
    }
    bytes.truncate(write);
    *out = String::from_utf8(bytes).unwrap_or_default();
}

/// [`Folder::end_token`] on the word `bytes[start..end]`: where the word ends after a title word
/// takes its one spelling. (Most words are ruled out by their first letter, read where the word
/// ends rather than in a call.)
#[inline(always)]
fn fold_title(bytes: &mut [u8], start: usize, end: usize) -> usize {
    if !matches!(bytes[start], b'd' | b'm' | b'p' | b's' | b'j' | b'v') {
        return end;
    }
    fold_title_word(bytes, start, end)
}

/// [`fold_title`] of a word opening with a title word's letter.
fn fold_title_word(bytes: &mut [u8], start: usize, end: usize) -> usize {
    let token = &bytes[start..end];
    match TITLES.iter().find(|(long, _)| long.as_bytes() == token) {
        Some(&(_, short)) => {
            bytes[start..start + short.len()].copy_from_slice(short.as_bytes());
            start + short.len()
        }
        None => end,
    }
}

/// [`normalize`], then leading articles dropped while another word follows (`The Chronic` → `chronic`): for
/// comparisons where an article never tells two things apart, such as picking a shown option.
pub(crate) fn normalize_without_article(text: &str) -> String {
    let mut out = normalize(text);
    let cut = out.len() - without_leading_article(&out).len();
    out.drain(..cut);
    out
}

/// [`normalize_into`], then leading articles dropped as in [`normalize_without_article`].
pub(crate) fn normalize_into_without_article(text: &str, out: &mut String) {
    normalize_into(text, out);
    let cut = out.len() - without_leading_article(out).len();
    out.drain(..cut);
}

/// A normalised text without its leading articles, while another word follows (`the the band` → `band`,
/// `the` → `the`).
pub fn without_leading_article(normalized: &str) -> &str {
    let mut rest = normalized;
    while let Some((first, after)) = rest.split_once(' ') {
        if !ARTICLES.contains(&first) || after.is_empty() {
            break;
        }
        rest = after;
    }
    rest
}

/// Writes folded characters, one word at a time.
struct Folder<'a> {
    out: &'a mut String,
    /// Where the folded text starts in `out`.
    base: usize,
    token_start: usize,
    in_token: bool,
}

impl Folder<'_> {
    #[inline(always)]
    fn letter(&mut self, c: char) {
        self.start_token();
        self.out.push(c);
    }

    /// Opens a word unless one is open, a space after the words before it.
    #[inline(always)]
    fn start_token(&mut self) {
        if !self.in_token {
            if self.out.len() > self.base {
                self.out.push(' ');
            }
            self.token_start = self.out.len();
            self.in_token = true;
        }
    }

    fn word(&mut self, word: &str) {
        word.chars().for_each(|c| self.letter(c));
    }

    fn end_token(&mut self) {
        if !self.in_token {
            return;
        }
        self.in_token = false;
        let token = &self.out[self.token_start..];
        // Every title word starts with one of these letters; most words are ruled out by that alone.
        if !matches!(
            token.as_bytes().first(),
            Some(b'd' | b'm' | b'p' | b's' | b'j' | b'v')
        ) {
            return;
        }
        if let Some(&(_, short)) = TITLES.iter().find(|(long, _)| *long == token) {
            self.out.truncate(self.token_start);
            self.out.push_str(short);
        }
    }

    #[inline(always)]
    fn ascii(&mut self, c: char) {
        match c {
            'a'..='z' | '0'..='9' => self.letter(c),
            'A'..='Z' => self.letter(c.to_ascii_lowercase()),
            '\'' | '`' => {}
            '&' => {
                self.end_token();
                self.word("and");
                self.end_token();
            }
            _ => self.end_token(),
        }
    }

    fn unicode(&mut self, c: char) {
        if is_apostrophe(c) {
            return;
        }
        decompose_compatible(c, |part| {
            if is_combining_mark(part) {
                return;
            }
            for lower in part.to_lowercase() {
                self.folded(lower);
            }
        });
    }

    fn folded(&mut self, c: char) {
        if c.is_ascii() {
            return self.ascii(c);
        }
        match c {
            'ß' => self.word("ss"),
            'æ' => self.word("ae"),
            'œ' => self.word("oe"),
            'þ' => self.word("th"),
            'ø' => self.letter('o'),
            'ł' => self.letter('l'),
            'đ' | 'ð' => self.letter('d'),
            'ı' => self.letter('i'),
            _ if is_combining_mark(c) || is_apostrophe(c) => {}
            _ if c.is_alphanumeric() => self.letter(c),
            _ => self.end_token(),
        }
    }
}

/// Typographic apostrophes and the marks people type for them.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201B}'
            | '\u{02BB}'
            | '\u{02BC}'
            | '\u{2032}'
            | '\u{00B4}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_a_quizmaster_hears() {
        let cases = [
            ("Järvi", "jarvi"),
            ("  The   Chronic ", "the chronic"),
            ("The", "the"),
            ("the the band", "the the band"),
            ("A", "a"),
            ("An American in Paris", "an american in paris"),
            ("Simon & Garfunkel", "simon and garfunkel"),
            ("Simon&Garfunkel", "simon and garfunkel"),
            ("Dr. Dre", "dr dre"),
            ("DOCTOR Dre", "dr dre"),
            ("“Straight Outta Compton”", "straight outta compton"),
            ("Ocean’s Eleven", "oceans eleven"),
            ("rock 'n' roll", "rock n roll"),
            ("Jay-Z", "jay z"),
            ("Straße", "strasse"),
            ("Søren Kierkegaard", "soren kierkegaard"),
            ("Łódź", "lodz"),
            // Letters with no decomposition, each spelt out.
            ("Œdipus", "oedipus"),
            ("Þór", "thor"),
            ("Cæsar", "caesar"),
            ("Đorđe", "dorde"),
            ("Ðóra", "dora"),
            ("Kırıkkale", "kirikkale"),
            ("Beyoncé", "beyonce"),
            ("ﬁre", "fire"),
            ("İstanbul", "istanbul"),
            ("Saint Vincent", "st vincent"),
            ("St. Vincent", "st vincent"),
            ("3,000,000", "3 000 000"),
            ("", ""),
            ("?!", ""),
            ("Ελληνικά", "ελληνικα"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
    }

    #[test]
    fn leading_articles_are_dropped_only_on_request() {
        let cases = [
            ("The Chronic", "chronic"),
            ("the the band", "band"),
            ("The The", "the"),
            ("The", "the"),
            ("A-ha", "ha"),
            ("An American in Paris", "american in paris"),
            ("Chronic", "chronic"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_without_article(input), expected, "{input:?}");
            let mut buffer = String::from("old");
            normalize_into_without_article(input, &mut buffer);
            assert_eq!(buffer, expected, "{input:?}");
        }
    }

    #[test]
    fn every_title_is_folded() {
        for (long, short) in TITLES {
            assert_eq!(normalize(long), short);
            assert_eq!(normalize(&long.to_uppercase()), short);
        }
    }

    /// The fold of an ASCII text one character at a time, as [`Folder`] folds any text.
    fn folded_by_characters(text: &str, out: &mut String) {
        let mut folder = Folder {
            base: out.len(),
            out,
            token_start: 0,
            in_token: false,
        };
        for c in text.chars() {
            folder.ascii(c);
        }
        folder.end_token();
    }

    proptest::proptest! {
        #[test]
        fn ascii_text_folds_in_place_as_characters_fold(
            text in "([ -~]|doctor|Mister|SAINT|junior|&|'s){0,12}",
            before in "[ a-z]{0,3}",
        ) {
            let mut expected = before.clone();
            folded_by_characters(&text, &mut expected);
            let mut folded = before.clone();
            append_normalized(&text, &mut folded);
            proptest::prop_assert_eq!(folded, expected);
        }
    }

    #[test]
    fn appending_spaces_the_words_among_themselves_only() {
        let mut out = String::from(" ");
        append_normalized("  Doctor DRE's  & co ", &mut out);
        assert_eq!(out, " dr dres and co");
        let mut out = String::from("x");
        append_normalized("?!", &mut out);
        assert_eq!(out, "x");
    }

    #[test]
    fn is_idempotent_on_awkward_inputs() {
        for input in [
            "a & b",
            "the & the",
            "A&W",
            "the a an",
            "ǅ",
            "ẞ",
            "½",
            "Ⅻ",
            "İ",
            "a the b",
        ] {
            let once = normalize(input);
            assert_eq!(normalize(&once), once, "input {input:?}");
        }
    }
}
