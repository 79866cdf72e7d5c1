//! Which entities a normalised text names. Checking every entity's names against a prompt costs a
//! search per name; instead each name is filed under its first word (the second for a name opening
//! with "the"), so only the names whose opening word the text holds are searched for.

use super::index::{HashMap, Index};

/// Each word that can open a mention of a name, with the names it opens: (entity position, the name's
/// place among the entity's normalised names).
/// Each word that can open a mention of a name, with the names it opens (see [`opening_words`]),
/// and a bit per word shape (first letters and length) that some opening word has: most words of a
/// text are ruled out by that bit without a hash lookup.
#[derive(Default)]
pub(super) struct OpeningWords {
    by_word: HashMap<String, Vec<(usize, usize)>>,
    shapes: Vec<u64>,
}

/// The bit of a word's shape: its first two bytes (folded to five bits each) and its length (to 15).
fn shape(word: &[u8]) -> usize {
    let first = word.first().map_or(0, |&byte| usize::from(byte & 31));
    let second = word.get(1).map_or(0, |&byte| usize::from(byte & 31));
    (first << 9) | (second << 4) | word.len().min(15)
}

impl OpeningWords {
    /// The names `word` opens: (entity position, the name's place among the entity's names).
    pub(super) fn get(&self, word: &str) -> &[(usize, usize)] {
        let bit = shape(word.as_bytes());
        if self.shapes[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        self.by_word.get(word).map_or(&[][..], Vec::as_slice)
    }
}

/// [`OpeningWords`] of the entities' normalised names, given by entity position.
pub(super) fn opening_words(names: &[Vec<String>]) -> OpeningWords {
    let mut by_word: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    for (position, names) in names.iter().enumerate() {
        for (place, name) in names.iter().enumerate() {
            // A name is found as its words, or less a leading "the" (see `matching::mentions`): either
            // way the text holds the word after "the".
            let mut words = name.split_whitespace();
            let Some(first) = words.next() else {
                continue;
            };
            let opener = match words.next() {
                Some(second) if first == "the" => second,
                _ => first,
            };
            by_word
                .entry(opener.to_string())
                .or_default()
                .push((position, place));
        }
    }
    let mut shapes = vec![0u64; (1 << 14) / 64];
    for word in by_word.keys() {
        let bit = shape(word.as_bytes());
        shapes[bit / 64] |= 1 << (bit % 64);
    }
    OpeningWords { by_word, shapes }
}

impl Index<'_> {
    /// The positions of the entities a normalised text (see `phrasing::normalise`) names, as
    /// [`Index::mentioned_in`] finds them, in ascending order.
    pub(crate) fn entities_mentioned_in(&self, normalised: &str) -> Vec<usize> {
        let mut checked: Vec<(usize, usize)> = Vec::with_capacity(16);
        let mut named: Vec<usize> = Vec::with_capacity(8);
        // A mention starts at a word of the text that is the name's opening word, or that word with
        // a possessive `s`.
        // A normalised text's only white space is single spaces.
        for word in super::matching::split_at_spaces(normalised).filter(|word| !word.is_empty()) {
            for key in [Some(word), word.strip_suffix('s')].into_iter().flatten() {
                for &(position, place) in self.opening_words.get(key) {
                    if named.contains(&position) || checked.contains(&(position, place)) {
                        continue;
                    }
                    checked.push((position, place));
                    // An entity is named when any of its names is (see `Index::mentioned_in`).
                    if super::phrasing::mentions_normalised(
                        normalised,
                        &self.names[position][place],
                    ) {
                        named.push(position);
                    }
                }
            }
        }
        named.sort_unstable();
        named
    }

    /// Whether a normalised text names one of the quiz's own subjects (entities marked `main`).
    pub(crate) fn names_main_entity(&self, normalised: &str) -> bool {
        self.main_entities
            .iter()
            .any(|&position| self.mentioned_in(normalised, &self.base.entities[position]))
    }
}
