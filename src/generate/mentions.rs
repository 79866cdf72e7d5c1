//! Which entities a normalised text names. Checking every entity's names against a prompt costs a
//! search per name; instead each name is filed under its first word (the second for a name opening
//! with "the"), so only the entities whose opening word the text holds are searched for.

use super::index::{HashMap, Index};

/// Each word that can open a mention of a name, with the positions of the entities whose names it
/// opens.
pub(super) fn opening_words(names: &[Vec<String>]) -> HashMap<String, Vec<usize>> {
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
    for (position, names) in names.iter().enumerate() {
        for name in names {
            // A name is found as its words, or less a leading "the" (see `phrasing::mentions`): either
            // way the text holds the word after "the".
            let mut words = name.split_whitespace();
            let Some(first) = words.next() else {
                continue;
            };
            let opener = match words.next() {
                Some(second) if first == "the" => second,
                _ => first,
            };
            let list = by_word.entry(opener.to_string()).or_default();
            if list.last() != Some(&position) {
                list.push(position);
            }
        }
    }
    by_word
}

impl Index<'_> {
    /// The positions of the entities a normalised text (see `phrasing::normalise`) names, as
    /// [`Index::mentioned_in`] finds them, in ascending order.
    pub(crate) fn entities_mentioned_in(&self, normalised: &str) -> Vec<usize> {
        let mut checked: Vec<usize> = Vec::new();
        let mut named: Vec<usize> = Vec::new();
        // A mention starts at a word of the text that is the name's opening word, or that word with
        // a possessive `s`.
        // A normalised text's only white space is single spaces.
        for word in normalised.split(' ').filter(|word| !word.is_empty()) {
            for key in [Some(word), word.strip_suffix('s')].into_iter().flatten() {
                for &position in self.opening_words.get(key).map_or(&[][..], Vec::as_slice) {
                    if checked.contains(&position) {
                        continue;
                    }
                    checked.push(position);
                    if self.mentioned_in(normalised, &self.base.entities[position]) {
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
