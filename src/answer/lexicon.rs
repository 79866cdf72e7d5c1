//! The known names of things, by kind, so a guess nearer another real person (or film, or album) than the
//! answer is not forgiven as a typo of the answer, and so an entity's aliases count wherever it is the answer.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::dictionary::Dictionary;
use super::fuzzy::{Sketch, Words};
use super::normalize::normalize;
use super::numerals::in_digits;

/// Known entity names by kind, so a guess closer to another known entity of the same kind is rejected.
///
/// Built once (from the fact base, a pack, or both) and shared by every check; names are normalised when
/// added, so checking never normalises them again.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Every name of every entry, grouped by kind (`""` for unknown).
    by_kind: HashMap<String, Group, Fnv>,
    /// Every name of every entry.
    all: Group,
    /// Entries by each of their normalised names.
    by_name: HashMap<String, Vec<u32>, Fnv>,
    /// Every word (three letters or more) of every name, and of every text given to [`Lexicon::add_words`].
    known_words: HashSet<Box<str>, Fnv>,
    /// The word list of the answers' language.
    word_list: WordList,
}

/// Which word list tells real words from typos.
#[derive(Clone, Copy, Debug, Default)]
enum WordList {
    /// English, when no language is set.
    #[default]
    English,
    /// The list for the language set; `None` when that language has none.
    Chosen(Option<&'static Dictionary>),
}

#[derive(Clone, Debug)]
struct Entry {
    kind: String,
    /// Every name, normalised and with numbers in digits (`world war 1` for `World War One`), as answers
    /// are compared.
    names: Vec<String>,
}

/// One normalised name of an entry.
#[derive(Clone, Debug)]
pub(crate) struct Name {
    pub(crate) entry: u32,
    text: Box<str>,
}

impl Name {
    pub(crate) fn words(&self) -> Words<'_> {
        Words::new(&self.text)
    }
}

/// Names shortest first, with their sketches kept apart so that a scan touches little memory.
#[derive(Clone, Debug, Default)]
struct Group {
    sketches: Vec<Sketch>,
    names: Vec<Name>,
}

impl Group {
    fn insert(&mut self, name: Name, sketch: Sketch) {
        let at = self
            .sketches
            .partition_point(|other| other.len() <= sketch.len());
        self.sketches.insert(at, sketch);
        self.names.insert(at, name);
    }

    /// The names whose length (without spaces) is within `slack` of `len`.
    fn near(&self, len: u32, slack: u32) -> Near<'_> {
        let start = self
            .sketches
            .partition_point(|sketch| sketch.len() < len.saturating_sub(slack));
        let end = self
            .sketches
            .partition_point(|sketch| sketch.len() <= len.saturating_add(slack));
        Near {
            sketches: self.sketches.get(start..end).unwrap_or(&[]),
            names: self.names.get(start..end).unwrap_or(&[]),
        }
    }
}

/// Some names, with their sketches at the same indices.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Near<'a> {
    pub(crate) sketches: &'a [Sketch],
    pub(crate) names: &'a [Name],
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Self {
        Lexicon::default()
    }

    /// Registers an entity: its kind ("person", "film", ... or "" when unknown), display name and aliases.
    ///
    /// Names that normalise to nothing are skipped; an entity with no usable name is not registered.
    pub fn add(&mut self, kind: &str, name: &str, aliases: &[String]) {
        let Ok(id) = u32::try_from(self.entries.len()) else {
            return;
        };
        let kind = normalize_kind(kind).into_owned();
        let mut names: Vec<String> = Vec::with_capacity(1 + aliases.len());
        for text in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            let normalized = normalize(text);
            if !normalized.is_empty() && !names.contains(&normalized) {
                names.push(normalized);
            }
        }
        if names.is_empty() {
            return;
        }
        let group = self.by_kind.entry(kind.clone()).or_default();
        for text in &names {
            self.known_words.extend(
                text.split(' ')
                    .filter(|word| word.len() >= 3)
                    .map(Box::from),
            );
            let name = Name {
                entry: id,
                text: text.as_str().into(),
            };
            let sketch = Sketch::of(text);
            group.insert(name.clone(), sketch);
            self.all.insert(name, sketch);
            self.by_name.entry(text.clone()).or_default().push(id);
        }
        let names = names
            .iter()
            .map(|name| in_digits(name).into_owned())
            .collect();
        self.entries.push(Entry { kind, names });
    }

    /// Registers every word of `text` as a known name word (the options of choice questions, say), so a
    /// typed word that is one is never forgiven as a typo of another word.
    pub fn add_words(&mut self, text: &str) {
        let normalized = normalize(text);
        self.known_words.extend(
            normalized
                .split(' ')
                .filter(|word| word.len() >= 3)
                .map(Box::from),
        );
    }

    /// Chooses the word list by the answers' language tag (`en`, `en-GB`, `fr`); a language with no
    /// list makes the typo allowance stricter. English until set.
    pub fn set_language(&mut self, language: &str) {
        self.word_list = WordList::Chosen(Dictionary::for_language(language));
    }

    /// The word list in use, if the language has one.
    pub fn dictionary(&self) -> Option<&'static Dictionary> {
        match self.word_list {
            WordList::English => Some(Dictionary::english()),
            WordList::Chosen(list) => list,
        }
    }

    /// Whether a normalised word is a real word of the language or a word of a known name.
    pub(crate) fn is_real(&self, word: &str) -> bool {
        self.known_words.contains(word) || self.dictionary().is_some_and(|list| list.is_real(word))
    }

    /// Whether a typed word is a different real word from an answer word: itself a real word or a known
    /// name, or the same word with another prefix (`dealignments` for `realignments`).
    pub(crate) fn is_another_word(&self, typed: &str, answer: &str) -> bool {
        typed != answer
            && (self.is_real(typed)
                || self
                    .dictionary()
                    .is_some_and(|list| list.differ_in_prefix(typed, answer)))
    }

    /// How many entities are registered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entity is registered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entities one of whose names normalises to `normalized`.
    pub(crate) fn named(&self, normalized: &str) -> &[u32] {
        self.by_name.get(normalized).map_or(&[], Vec::as_slice)
    }

    /// Every name of an entity, normalised and with numbers in digits, as answers are compared.
    pub(crate) fn names_of(&self, entry: u32) -> &[String] {
        self.entries
            .get(entry as usize)
            .map_or(&[], |entry| entry.names.as_slice())
    }

    /// Whether an entity may be confused with an answer of `kind` (`None`: any kind). Entities of unknown
    /// kind may be confused with anything.
    pub(crate) fn kind_matches(&self, entry: u32, kind: Option<&str>) -> bool {
        match (self.entries.get(entry as usize), kind) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(entry), Some(kind)) => {
                entry.kind.is_empty() || entry.kind == *normalize_kind(kind)
            }
        }
    }

    /// Every name an answer of `kind` may be confused with (`None`: any kind) whose length (without spaces)
    /// is within `slack` of `len`, in up to two groups.
    pub(crate) fn confusables_near(
        &self,
        kind: Option<&str>,
        len: u32,
        slack: u32,
    ) -> [Near<'_>; 2] {
        self.confusables(kind)
            .map(|group| group.map_or_else(Near::default, |group| group.near(len, slack)))
    }

    /// The groups of names an answer of `kind` may be confused with (`None`: any kind).
    fn confusables(&self, kind: Option<&str>) -> [Option<&Group>; 2] {
        match kind {
            None => [Some(&self.all), None],
            Some(kind) => {
                let kind = normalize_kind(kind);
                let unknown = self.by_kind.get("");
                if kind.is_empty() {
                    [unknown, None]
                } else {
                    [self.by_kind.get(kind.as_ref()), unknown]
                }
            }
        }
    }
}

/// FNV-1a: the lexicon's keys are short, trusted names, so a fast hash beats a DoS-resistant one.
type Fnv = BuildHasherDefault<FnvHasher>;

struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Kinds compare trimmed and in lowercase.
fn normalize_kind(kind: &str) -> Cow<'_, str> {
    let trimmed = kind.trim();
    if trimmed.chars().any(char::is_uppercase) {
        Cow::Owned(trimmed.to_lowercase())
    } else {
        Cow::Borrowed(trimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_names_by_kind_and_text() {
        let mut lexicon = Lexicon::new();
        lexicon.add(
            "person",
            "Dr. Dre",
            &["Andre Young".to_string(), "Doctor Dre".into()],
        );
        lexicon.add("Film", "The Chronic", &[]);
        lexicon.add("", "???", &[]);
        assert_eq!(lexicon.len(), 2);
        assert_eq!(lexicon.named("dr dre"), &[0]);
        assert_eq!(lexicon.named("the chronic"), &[1]);
        assert!(lexicon.is_real("andre"));
        assert!(lexicon.is_real("chronic"));
        assert!(lexicon.is_real("dre"));
        assert!(!lexicon.is_real("dr"));
        assert!(!lexicon.is_real("iovene"));
        lexicon.add_words("Tony Curtin");
        assert!(lexicon.is_real("curtin"));
        lexicon.set_language("fr");
        assert!(lexicon.dictionary().is_none());
        assert!(lexicon.is_real("curtin"));
        assert!(!lexicon.is_real("turning"));
        lexicon.set_language("en-GB");
        assert!(lexicon.is_real("turning"));
        assert_eq!(lexicon.names_of(0), ["dr dre", "andre young"]);
        assert!(lexicon.kind_matches(1, Some("film")));
        assert!(!lexicon.kind_matches(1, Some("person")));
        let near = |kind, len, slack| {
            lexicon
                .confusables_near(kind, len, slack)
                .iter()
                .map(|group| group.names.len())
                .sum::<usize>()
        };
        assert_eq!(near(Some("person"), 0, 100), 2);
        assert_eq!(near(Some("PERSON "), 0, 100), 2);
        assert_eq!(near(None, 0, 100), 3);
        assert_eq!(near(Some("album"), 0, 100), 0);
        let near = |len, slack| near(None, len, slack);
        assert_eq!(near(5, 0), 1);
        assert_eq!(near(5, 5), 3);
        assert_eq!(near(7, 2), 1);
        assert_eq!(near(10, 0), 2);
        assert_eq!(near(20, 1), 0);
    }
}
