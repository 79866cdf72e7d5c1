//! Words as numbers for the teaching checks. Whether a fact's explanation says words the player has
//! not read is asked thousands of times per build; each explanation's words are looked up once, and a
//! question's text becomes a set of word numbers, so the check compares numbers instead of searching
//! text.

use super::super::index::HashMap;
use super::Context;
use super::seen::Seen;

/// The words of every fact's explanation, numbered.
#[derive(Default)]
pub(super) struct Words {
    /// Each word of three letters or more of any explanation, and its number.
    numbers: HashMap<String, u32>,
    /// For each fact, the numbers of its explanation's words of three letters or more, in order,
    /// repeats kept.
    long_words: Vec<Vec<u32>>,
    /// Whether each fact's explanation shows a digit.
    digits: Vec<bool>,
}

/// Whether a word counts as saying something: three letters or more (see
/// [`super::seen::Seen::new_words`]).
pub(super) fn is_long(word: &str) -> bool {
    word.len() > 2
}

impl Words {
    /// Numbers the words of the facts' normalised explanations (see
    /// [`super::super::phrasing::normalise`]: words between single spaces), given by fact position.
    pub(super) fn new(normalised_explanations: &[String]) -> Words {
        let mut words = Words::default();
        for explanation in normalised_explanations {
            let mut numbers = Vec::new();
            for word in explanation.split(' ').filter(|word| is_long(word)) {
                let number = match words.numbers.get(word) {
                    Some(&number) => number,
                    None => {
                        let next = u32::try_from(words.numbers.len()).unwrap_or(u32::MAX);
                        words.numbers.insert(word.to_string(), next);
                        next
                    }
                };
                numbers.push(number);
            }
            words.long_words.push(numbers);
            words
                .digits
                .push(explanation.bytes().any(|byte| byte.is_ascii_digit()));
        }
        words
    }

    /// The numbers of the fact's explanation's words of three letters or more, in order.
    pub(super) fn long_words(&self, fact: usize) -> &[u32] {
        &self.long_words[fact]
    }

    /// Whether the fact's explanation shows a digit.
    pub(super) fn has_digit(&self, fact: usize) -> bool {
        self.digits[fact]
    }

    /// The numbered words a normalised text holds (words no explanation says are left out: no
    /// explanation's word can match them).
    pub(super) fn set_of(&self, normalised: &str) -> WordSet {
        let mut bits = vec![0u64; self.numbers.len().div_ceil(64)];
        for word in normalised.split(' ').filter(|word| is_long(word)) {
            if let Some(&number) = self.numbers.get(word) {
                bits[number as usize / 64] |= 1 << (number % 64);
            }
        }
        WordSet(bits)
    }
}

/// A set of word numbers (see [`Words::set_of`]).
pub(super) struct WordSet(Vec<u64>);

impl WordSet {
    pub(super) fn insert(&mut self, number: u32) {
        if let Some(bits) = self.0.get_mut(number as usize / 64) {
            *bits |= 1 << (number % 64);
        }
    }

    pub(super) fn contains(&self, number: u32) -> bool {
        self.0
            .get(number as usize / 64)
            .is_some_and(|bits| bits & (1 << (number % 64)) != 0)
    }
}

impl Context<'_> {
    /// How many words of three letters or more (counting at most two) the fact's explanation says
    /// that the prompt and explanation do not (`with_options`: nor the options or items): as
    /// [`Seen::new_words`] of its normalised explanation, on numbered words.
    pub(super) fn fact_new_words(&self, seen: &Seen, fact: usize, with_options: bool) -> usize {
        // The text is the prompt and the explanation: a fact's own explanation is numbered already.
        let text = seen.text_set.get_or_init(|| match seen.explained_by {
            Some(explained) => {
                let mut set = self.words.set_of(&seen.prompt);
                for &number in self.words.long_words(explained) {
                    set.insert(number);
                }
                set
            }
            None => self.words.set_of(&seen.text),
        });
        let known = |number: u32| {
            text.contains(number)
                || (with_options
                    && seen
                        .elsewhere_set
                        .get_or_init(|| self.words.set_of(&seen.elsewhere))
                        .contains(number))
        };
        self.words
            .long_words(fact)
            .iter()
            .filter(|&&number| !known(number))
            .take(2)
            .count()
    }

    /// [`Seen::repeats_figure`] of the fact's normalised explanation.
    pub(super) fn fact_repeats_figure(&self, seen: &Seen, fact: usize) -> bool {
        self.words.has_digit(fact) && seen.repeats_figure(&self.normalised_explanations[fact])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_holds_the_numbered_words_it_says_whole() {
        let explanations = [
            " dr dre comes from compton ".to_string(),
            " the series has 4 parts ".to_string(),
        ];
        let words = Words::new(&explanations);
        let comes = words.long_words(0)[1];
        let compton = words.long_words(0)[3];
        let text = words.set_of(" who comes from comptons ");
        assert!(text.contains(comes));
        assert!(!text.contains(compton));
        assert_eq!(words.long_words(1).len(), 4);
        assert!(words.has_digit(1) && !words.has_digit(0));
    }
}
