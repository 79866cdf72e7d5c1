//! Which words are real words or names of a language, so the typo allowance never turns one real word into
//! another ("amines" is not a misspelling of "amides", nor "Zambia" of "Gambia").
//!
//! The English list (`words/en.txt`, from SCOWL; see `words/README.md`) is embedded in the binary,
//! front-coded: it is searched where it lies, with an index of every 16th word built on first use.

use std::sync::OnceLock;

/// The English word list: lowercase ASCII words of four letters or more, sorted, front-coded.
const ENGLISH: &str = include_str!("words/en.txt");

/// Every this many lines, a line shares no prefix with the one before.
const RESTART: usize = 16;

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

/// A sorted, front-coded word list.
#[derive(Debug)]
pub struct Dictionary {
    text: &'static str,
    /// Byte offsets of every [`RESTART`]th line.
    restarts: Vec<u32>,
    /// The words on those lines, one after another, and where each ends, so a search compares plain bytes.
    restart_words: Vec<u8>,
    restart_ends: Vec<u32>,
}

impl Dictionary {
    fn new(text: &'static str) -> Dictionary {
        let mut restarts = Vec::with_capacity(text.len() / 64);
        let mut restart_words = Vec::with_capacity(text.len() / 8);
        let mut restart_ends = Vec::with_capacity(text.len() / 64);
        let mut offset = 0usize;
        for (index, line) in text.split_inclusive('\n').enumerate() {
            if index % RESTART == 0 {
                restarts.push(u32::try_from(offset).unwrap_or(u32::MAX));
                let word = line.trim_end_matches('\n').get(1..).unwrap_or("");
                restart_words.extend_from_slice(word.trim_end_matches('*').as_bytes());
                restart_ends.push(u32::try_from(restart_words.len()).unwrap_or(u32::MAX));
            }
            offset += line.len();
        }
        Dictionary {
            text,
            restarts,
            restart_words,
            restart_ends,
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
        self.text.bytes().filter(|&byte| byte == b'\n').count()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
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
        let restart_word = |index: usize| -> &[u8] {
            let start = index
                .checked_sub(1)
                .and_then(|before| self.restart_ends.get(before))
                .map_or(0, |&end| end as usize);
            let end = self.restart_ends.get(index).map_or(0, |&end| end as usize);
            self.restart_words.get(start..end).unwrap_or(&[])
        };
        // The first restart whose word is greater than `word`.
        let (mut low, mut high) = (0, self.restarts.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if restart_word(middle) <= word.as_bytes() {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let block = low;
        let start = *self.restarts.get(block.checked_sub(1)?)? as usize;
        // Words are short ASCII: decode into a buffer on the stack.
        let mut current = [0u8; 64];
        let mut len = 0usize;
        for line in self.text.get(start..)?.lines().take(RESTART) {
            let bytes = line.as_bytes();
            let shared = char::from(*bytes.first()?).to_digit(36)? as usize;
            let rest = bytes.get(1..)?;
            let (rest, name) = match rest.strip_suffix(b"*") {
                Some(rest) => (rest, true),
                None => (rest, false),
            };
            len = shared.min(len);
            let end = len + rest.len();
            current.get_mut(len..end)?.copy_from_slice(rest);
            len = end;
            match current[..len].cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    return Some(if name { Known::Name } else { Known::Word });
                }
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
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
    fn every_listed_word_is_found() {
        let english = Dictionary::english();
        let mut current = String::new();
        for line in ENGLISH.lines() {
            let shared = line.chars().next().and_then(|c| c.to_digit(36)).unwrap() as usize;
            current.truncate(shared);
            current.push_str(line[1..].trim_end_matches('*'));
            assert!(english.contains(&current), "{current}");
            let mut before = current.clone();
            before.push('a');
            let _ = english.lookup(&before);
        }
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
