//! Words as numbers for the teaching checks. Whether a fact's explanation says words the player has
//! not read is asked thousands of times per build; each explanation's words are looked up once, and a
//! question's text becomes a set of word numbers, so the check compares numbers instead of searching
//! text.

use super::super::index::HashMap;
use super::super::matching::{split_at_spaces, trim_spaces};
use super::super::search;
use super::Context;
use super::seen::{Seen, figures_of};

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
    /// For each fact, the numbers of its explanation's words of three letters or more that stand
    /// inside it (neither its first word nor its last, which may be part of a longer word of a text
    /// holding the explanation).
    inner_words: Vec<Vec<u32>>,
    /// For each fact, its explanation's figures: words of three digits or more (see
    /// [`Seen::repeats_figure`]).
    figures: Vec<Vec<String>>,
}

/// The words of three letters or more of a normalised text (words between single spaces).
fn long_words_of(text: &str) -> impl Iterator<Item = &str> {
    split_at_spaces(text).filter(|word| is_long(word))
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
        // Room for about a word in six bytes, so the table seldom grows.
        words.numbers.reserve(
            normalised_explanations
                .iter()
                .map(|explanation| explanation.len() / 6)
                .sum(),
        );
        for explanation in normalised_explanations {
            // About a word in six bytes, so the lists seldom grow.
            let mut numbers = Vec::with_capacity(explanation.len() / 6 + 1);
            // Each long word's number, and whether it stands inside: neither first nor last.
            let mut inner = Vec::with_capacity(explanation.len() / 6 + 1);
            let mut last_inner = None;
            for (place, word) in split_at_spaces(explanation).enumerate() {
                if last_inner.take() == Some(true) {
                    inner.push(*numbers.last().unwrap_or(&0));
                }
                if !is_long(word) {
                    continue;
                }
                let number = match words.numbers.get(word) {
                    Some(&number) => number,
                    None => {
                        let next = u32::try_from(words.numbers.len()).unwrap_or(u32::MAX);
                        words.numbers.insert(word.to_string(), next);
                        next
                    }
                };
                numbers.push(number);
                last_inner = Some(place > 0);
            }
            words.long_words.push(numbers);
            words.inner_words.push(inner);
            let digits = explanation.bytes().any(|byte| byte.is_ascii_digit());
            words.digits.push(digits);
            // (A text without a digit has no figure: it is not read again.)
            words.figures.push(if digits {
                figures_of(explanation).map(str::to_string).collect()
            } else {
                Vec::new()
            });
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

    /// The set of these word numbers: [`Self::set_of`] a text whose long words they number.
    pub(super) fn set_of_numbers(&self, numbers: &[u32]) -> WordSet {
        let mut set = WordSet(vec![0u64; self.numbers.len().div_ceil(64)]);
        for &number in numbers {
            set.insert(number);
        }
        set
    }

    /// The numbered words a normalised text holds (words no explanation says are left out: no
    /// explanation's word can match them).
    pub(super) fn set_of(&self, normalised: &str) -> WordSet {
        let mut bits = vec![0u64; self.numbers.len().div_ceil(64)];
        for word in long_words_of(normalised) {
            if let Some(&number) = self.numbers.get(word) {
                bits[number as usize / 64] |= 1 << (number % 64);
            }
        }
        WordSet(bits)
    }
}

/// A set of word numbers (see [`Words::set_of`]).
#[derive(Clone, Debug, PartialEq, Eq)]
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
        let text = self.text_set(seen);
        let known = |number: u32| {
            text.contains(number) || (with_options && self.elsewhere_set(seen).contains(number))
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
        let repeats = self.words.has_digit(fact)
            && seen.repeats_any_figure(self.words.figures[fact].iter().map(String::as_str));
        debug_assert_eq!(
            repeats,
            seen.repeats_figure(&self.normalised_explanations[fact])
        );
        repeats
    }

    /// Whether the fact's normalised explanation occurs in `within`: the prompt, or the prompt and
    /// the explanation so far (`seen.text`). A word inside the explanation that the text does not say
    /// rules it out without a search.
    pub(super) fn explanation_within(&self, seen: &Seen, within: &str, fact: usize) -> bool {
        debug_assert!(within == seen.text || within == seen.prompt);
        let text = self.text_set(seen);
        let found = self.words.inner_words[fact]
            .iter()
            .all(|&number| text.contains(number))
            && search::contains(within, &self.normalised_explanations[fact]);
        debug_assert_eq!(
            found,
            search::contains(within, &self.normalised_explanations[fact])
        );
        found
    }

    /// How many of the long words of the fact's explanation (up to 2, each occurrence counted) the
    /// prompt, options and items do not say, as [`has_word`](super::seen::has_word) finds words in
    /// `seen.elsewhere`.
    pub(super) fn words_unseen_elsewhere(&self, seen: &Seen, fact: usize) -> usize {
        let elsewhere = self.elsewhere_set(seen);
        self.words
            .long_words(fact)
            .iter()
            .filter(|&&number| !elsewhere.contains(number))
            .take(2)
            .count()
    }

    /// The numbered words of the prompt, options and items (`seen.elsewhere`), once worked out.
    fn elsewhere_set<'s>(&self, seen: &'s Seen) -> &'s WordSet {
        seen.elsewhere_set.get_or_init(|| {
            // With nothing shown after it (a statement), the prompt is all there is.
            if seen.elsewhere == seen.prompt {
                self.prompt_set(seen).clone()
            } else {
                self.words.set_of(&seen.elsewhere)
            }
        })
    }

    /// The numbered words of the prompt and the explanation so far (`seen.text`), once worked out.
    fn text_set<'s>(&self, seen: &'s Seen) -> &'s WordSet {
        // A fact's own explanation is numbered already.
        seen.text_set.get_or_init(|| match seen.explained_by {
            Some(explained) => {
                let mut set = self.prompt_set(seen).clone();
                for &number in self.words.long_words(explained) {
                    set.insert(number);
                }
                set
            }
            None => self.words.set_of(&seen.text),
        })
    }

    /// The numbered words of the prompt, once worked out. A true statement's prompt is its fact's
    /// explanation, whose words are numbered already.
    fn prompt_set<'s>(&self, seen: &'s Seen) -> &'s WordSet {
        seen.prompt_set.get_or_init(|| {
            let set = match seen.explained_by {
                Some(explained)
                    if trim_spaces(&seen.prompt) == self.normalised_explanations[explained] =>
                {
                    self.words.set_of_numbers(self.words.long_words(explained))
                }
                _ => self.words.set_of(&seen.prompt),
            };
            debug_assert_eq!(set, self.words.set_of(&seen.prompt));
            set
        })
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
        // Padded, every word stands inside.
        assert_eq!(words.inner_words[0], words.long_words(0));
        assert!(words.figures[1].is_empty());
        // Trimmed, the first and last words may be part of longer words of a text holding it.
        let trimmed = Words::new(&["dre comes from compton".to_string()]);
        assert_eq!(trimmed.inner_words[0], &trimmed.long_words(0)[1..3]);
        let dated = Words::new(&["released in 1992 out of 10".to_string()]);
        assert_eq!(dated.figures[0], ["1992"]);
    }

    proptest::proptest! {
        #[test]
        fn the_words_inside_an_explanation_are_long_and_neither_first_nor_last(text in "[ ab1é]{0,24}") {
            let words = Words::new(std::slice::from_ref(&text));
            // The words inside: long, neither first nor last.
            let inside: Vec<u32> = text
                .split(' ')
                .enumerate()
                .filter(|&(place, word)| is_long(word) && place > 0 && place + 1 < text.split(' ').count())
                .filter_map(|(_, word)| words.numbers.get(word).copied())
                .collect();
            proptest::prop_assert_eq!(&words.inner_words[0], &inside);
        }
    }
}
