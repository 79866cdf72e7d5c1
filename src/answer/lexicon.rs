//! The known names of things, by kind, so a guess nearer another real person (or film, or album) than the
//! answer is not forgiven as a typo of the answer, and so an entity's aliases count wherever it is the answer.

use std::borrow::Cow;
use std::collections::HashMap;

use super::fuzzy::{Sketch, Words};
use super::normalize::normalize;

/// Known entity names by kind, so a guess closer to another known entity of the same kind is rejected.
///
/// Built once (from the fact base, a pack, or both) and shared by every check; names are normalised when
/// added, so checking never normalises them again.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Every name of every entry, grouped by kind (`""` for unknown).
    by_kind: HashMap<String, Vec<Name>>,
    /// Every name of every entry.
    all: Vec<Name>,
    /// Entries by each of their normalised names.
    by_name: HashMap<String, Vec<u32>>,
}

#[derive(Clone, Debug)]
struct Entry {
    kind: String,
    names: Vec<String>,
}

/// One normalised name of an entry, with its sketch for quick rejection.
#[derive(Clone, Debug)]
pub(crate) struct Name {
    pub(crate) entry: u32,
    text: Box<str>,
    sketch: Sketch,
}

impl Name {
    pub(crate) fn words(&self) -> Words<'_> {
        Words::with_sketch(&self.text, self.sketch)
    }

    pub(crate) fn sketch(&self) -> Sketch {
        self.sketch
    }
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
        let bucket = self.by_kind.entry(kind.clone()).or_default();
        for text in &names {
            let name = Name {
                entry: id,
                text: text.as_str().into(),
                sketch: Sketch::of(text),
            };
            bucket.push(name.clone());
            self.all.push(name);
            self.by_name.entry(text.clone()).or_default().push(id);
        }
        self.entries.push(Entry { kind, names });
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

    /// Every normalised name of an entity.
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

    /// Every name an answer of `kind` may be confused with (`None`: any kind), in up to two groups.
    pub(crate) fn confusables(&self, kind: Option<&str>) -> [&[Name]; 2] {
        let group = |kind: &str| self.by_kind.get(kind).map_or(&[][..], Vec::as_slice);
        match kind {
            None => [&self.all, &[]],
            Some(kind) => {
                let kind = normalize_kind(kind);
                if kind.is_empty() {
                    [group(""), &[]]
                } else {
                    [group(&kind), group("")]
                }
            }
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
        assert_eq!(lexicon.names_of(0), ["dr dre", "andre young"]);
        assert!(lexicon.kind_matches(1, Some("film")));
        assert!(!lexicon.kind_matches(1, Some("person")));
        let count = |kind| {
            lexicon
                .confusables(kind)
                .iter()
                .map(|group| group.len())
                .sum::<usize>()
        };
        assert_eq!(count(Some("person")), 2);
        assert_eq!(count(Some("PERSON ")), 2);
        assert_eq!(count(None), 3);
        assert_eq!(count(Some("album")), 0);
    }
}
