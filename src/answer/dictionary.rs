//! Which words are real words or names of a language, so the typo allowance never turns one real word into
//! another ("amines" is not a misspelling of "amides", nor "Zambia" of "Gambia").
//!
//! The English list (`words/en.txt`, from SCOWL; see `words/README.md`) is embedded in the binary,
//! front-coded; on first use it is written out into a hashed word set, so a lookup is one hash and a
//! comparison or two (every check looks up a few words).

use std::sync::OnceLock;

/// The English word list: lowercase ASCII words of four letters or more, sorted, front-coded.
const ENGLISH: &str = include_str!("words/en.txt");

/// Prefixes that make another word of a real one (`dealignments` from `alignments`).
const PREFIXES: [&str; 22] = [
    "anti", "co", "de", "di", "dis", "en", "il", "im", "in", "ir", "mis", "mono", "non", "over",
    "poly", "post", "pre", "re", "sub", "tri", "un", "under",
];

/// Endings that make another word of a real one (`realigned` from `realign`).
const SUFFIXES: [&str; 8] = ["s", "es", "ed", "ing", "er", "ers", "ly", "ness"];

/// What a word list knows about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Known {
    /// A word of the language (`turning`, `pairs`).
    Word,
    /// A name only, always written with a capital (`Gambia`, `Curtin`).
    Name,
}

/// A word list, held as a hashed set of its words.
#[derive(Debug)]
pub struct Dictionary {
    /// Every word, written out, one after another.
    letters: Vec<u8>,
    /// Open addressing with linear probing, a power of two long and never more than four fifths full (the
    /// English list fills 53%): `0` for an empty slot, otherwise a [`Slot`] packed into a `u64`.
    slots: Vec<u64>,
    /// How many words the list holds.
    count: usize,
}

/// One word in the set: where its letters start, how many there are, and whether it is a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    start: u32,
    len: u8,
    known: Known,
}

impl Slot {
    /// `start` in the low 32 bits, then `len` (never 0), then one bit for a name.
    fn pack(self) -> u64 {
        u64::from(self.start)
            | u64::from(self.len) << 32
            | u64::from(self.known == Known::Name) << 40
    }

    fn unpack(packed: u64) -> Slot {
        Slot {
            start: packed as u32,
            len: (packed >> 32) as u8,
            known: if packed >> 40 & 1 == 1 {
                Known::Name
            } else {
                Known::Word
            },
        }
    }
}

/// FNV-1a over the word, spread over the high bits by a Fibonacci multiply (the table indexes by them).
fn hash(word: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &byte in word {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Dictionary {
    /// Reads a front-coded list (see `words/README.md`); malformed lines are skipped.
    fn new(text: &'static str) -> Dictionary {
        let lines = text.bytes().filter(|&byte| byte == b'\n').count() + 1;
        let mut dictionary = Dictionary {
            letters: Vec::with_capacity(text.len() * 2),
            slots: vec![0; (lines + lines / 4 + 1).next_power_of_two()],
            count: 0,
        };
        let mut current: Vec<u8> = Vec::with_capacity(64);
        for line in text.as_bytes().split(|&byte| byte == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let Some((&first, rest)) = line.split_first() else {
                continue;
            };
            let Some(shared) = char::from(first).to_digit(36) else {
                continue;
            };
            let (rest, known) = match rest.strip_suffix(b"*") {
                Some(rest) => (rest, Known::Name),
                None => (rest, Known::Word),
            };
            current.truncate(shared as usize);
            current.extend_from_slice(rest);
            dictionary.insert(&current, known);
        }
        dictionary
    }

    /// Adds a word unless it is there already (the first spelling listed wins).
    fn insert(&mut self, word: &[u8], known: Known) {
        let (Ok(start), Ok(len)) = (u32::try_from(self.letters.len()), u8::try_from(word.len()))
        else {
            return;
        };
        if len == 0 {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut index = self.home(word);
        while self.slots[index] != 0 {
            if self.holds(self.slots[index], word) {
                return;
            }
            index = (index + 1) & mask;
        }
        self.letters.extend_from_slice(word);
        self.slots[index] = Slot { start, len, known }.pack();
        self.count += 1;
    }

    /// The slot a word's probe starts at.
    fn home(&self, word: &[u8]) -> usize {
        // The table has at least two slots, so the shift is below 64.
        (hash(word) >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// Whether a full slot holds `word`.
    fn holds(&self, packed: u64, word: &[u8]) -> bool {
        let slot = Slot::unpack(packed);
        let start = slot.start as usize;
        usize::from(slot.len) == word.len()
            && self.letters.get(start..start + word.len()) == Some(word)
    }

    fn find(&self, word: &[u8]) -> Option<Known> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut index = self.home(word);
        loop {
            let packed = *self.slots.get(index)?;
            if packed == 0 {
                return None;
            }
            if self.holds(packed, word) {
                return Some(Slot::unpack(packed).known);
            }
            index = (index + 1) & mask;
        }
    }

    /// The word list for a language tag (`en`, `en-GB`, `English`); `None` when there is none.
    pub fn for_language(language: &str) -> Option<&'static Dictionary> {
        let tag = language.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        matches!(primary, "en" | "eng" | "english").then(Dictionary::english)
    }

    /// The English word list.
    pub fn english() -> &'static Dictionary {
        static ENGLISH_LIST: OnceLock<Dictionary> = OnceLock::new();
        ENGLISH_LIST.get_or_init(|| Dictionary::new(ENGLISH))
    }

    /// How many words the list holds.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether `word` (normalised: lowercase, no diacritics) is in the list, as a word or as a name.
    pub fn contains(&self, word: &str) -> bool {
        self.lookup(word).is_some()
    }

    /// What the list says about `word`.
    pub(crate) fn lookup(&self, word: &str) -> Option<Known> {
        if word.len() < 4 || !word.is_ascii() {
            return None;
        }
        self.find(word.as_bytes())
    }

    /// Whether `word` is a real word: in the list, or a listed word with a common ending (`realigned`).
    /// Names take no endings (`Hughs` is not `Hugh` + `s`).
    pub fn is_real(&self, word: &str) -> bool {
        self.lookup(word).is_some()
            || SUFFIXES
                .iter()
                .filter_map(|suffix| word.strip_suffix(suffix))
                .any(|stem| self.is_stem(stem))
    }

    fn is_stem(&self, stem: &str) -> bool {
        stem.len() >= 4 && self.lookup(stem) == Some(Known::Word)
    }

    /// Whether two words are one real word with different prefixes (`dealignments` and `realignments`,
    /// `hydroxylation` and `dihydroxylation`): then they are two words, never one misspelt.
    pub fn differ_in_prefix(&self, a: &str, b: &str) -> bool {
        fn splits(word: &str) -> impl Iterator<Item = &str> {
            std::iter::once(word).chain(
                PREFIXES
                    .iter()
                    .filter_map(move |prefix| word.strip_prefix(prefix)),
            )
        }
        // The stem is a common ending of both, of four letters or more: most pairs end differently.
        fn ending(word: &str) -> Option<&[u8]> {
            let bytes = word.as_bytes();
            bytes.get(bytes.len().checked_sub(4)?..)
        }
        if ending(a).is_none() || ending(a) != ending(b) {
            return false;
        }
        splits(a).any(|stem| {
            stem.len() < a.len().max(b.len())
                && splits(b).any(|other| other == stem)
                && (self.is_stem(stem) || self.is_real(stem))
                && stem.len() >= 4
        }) && a != b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_names() {
        let english = Dictionary::english();
        assert!(english.len() > 250_000);
        for word in [
            "aachen",
            "aardvark",
            "amines",
            "amides",
            "absorption",
            "adsorption",
            "hydroxylation",
            "turning",
            "zyzzyva",
        ] {
            assert!(english.contains(word), "{word}");
        }
        for (word, known) in [
            ("gambian", Known::Name),
            ("zambia", Known::Name),
            ("smyth", Known::Name),
            ("curtin", Known::Name),
            ("pairs", Known::Word),
            ("zambian", Known::Name),
        ] {
            assert_eq!(english.lookup(word), Some(known), "{word}");
        }
        for word in [
            "", "aaa", "compten", "iovene", "jarvi", "zzzzzz", "aachem", "Gambia", "järvi",
        ] {
            assert!(!english.contains(word), "{word}");
        }
    }

    #[test]
    fn every_listed_word_is_found_as_listed_and_nothing_else() {
        let english = Dictionary::english();
        let mut listed = std::collections::HashSet::new();
        let mut current = String::new();
        for line in ENGLISH.lines() {
            let shared = line.chars().next().and_then(|c| c.to_digit(36)).unwrap() as usize;
            current.truncate(shared);
            current.push_str(line[1..].trim_end_matches('*'));
            let known = if line.ends_with('*') {
                Known::Name
            } else {
                Known::Word
            };
            assert_eq!(english.lookup(&current), Some(known), "{current}");
            listed.insert(current.clone());
        }
        assert_eq!(english.len(), listed.len());
        // Every listed word with one letter more or one letter fewer is found exactly when it is listed.
        for word in listed.iter().step_by(7) {
            let longer = format!("{word}q");
            assert_eq!(
                english.contains(&longer),
                listed.contains(&longer),
                "{longer}"
            );
            let shorter = &word[..word.len() - 1];
            assert_eq!(
                english.contains(shorter),
                shorter.len() >= 4 && listed.contains(shorter),
                "{shorter}"
            );
        }
    }

    #[test]
    fn a_tiny_list_is_read_with_its_names() {
        let list = Dictionary::new("0abcd\n4e\n3xy*\n\n!bad\n0zzzz*\n");
        assert_eq!(list.len(), 4);
        assert_eq!(list.lookup("abcd"), Some(Known::Word));
        assert_eq!(list.lookup("abcde"), Some(Known::Word));
        assert_eq!(list.lookup("abcxy"), Some(Known::Name));
        assert_eq!(list.lookup("zzzz"), Some(Known::Name));
        assert_eq!(list.lookup("abcx"), None);
        assert_eq!(list.lookup("abc"), None);
        assert!(!list.is_empty());
        assert!(Dictionary::new("").is_empty());
        assert_eq!(Dictionary::new("").lookup("abcd"), None);
    }

    #[test]
    fn derived_words_are_real_but_names_take_no_endings() {
        let english = Dictionary::english();
        assert!(english.is_real("realignments"));
        assert!(english.is_real("realigned"));
        assert!(!english.is_real("dealignments"));
        assert!(!english.is_real("hughs"));
        assert!(!english.is_real("compten"));
        assert!(!english.is_real("iovene"));
    }

    #[test]
    fn words_that_differ_in_a_prefix_are_two_words() {
        let english = Dictionary::english();
        assert!(english.differ_in_prefix("dealignments", "realignments"));
        assert!(english.differ_in_prefix("hydroxylation", "dihydroxylation"));
        assert!(english.differ_in_prefix("dihydroxylation", "hydroxylation"));
        assert!(english.differ_in_prefix("unable", "enable"));
        assert!(!english.differ_in_prefix("difusion", "diffusion"));
        assert!(!english.differ_in_prefix("realignments", "realignments"));
        assert!(!english.differ_in_prefix("iovene", "iovine"));
        assert!(!english.differ_in_prefix("dexx", "rexx"));
    }

    #[test]
    fn languages_choose_the_list() {
        for tag in ["en", "EN", "en-GB", "en_US", "English", " eng "] {
            assert!(Dictionary::for_language(tag).is_some(), "{tag}");
        }
        for tag in ["fr", "de-DE", "", "es"] {
            assert!(Dictionary::for_language(tag).is_none(), "{tag}");
        }
    }
}
