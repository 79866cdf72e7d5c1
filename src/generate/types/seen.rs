//! What the player has read of a question (prompt, options, explanation so far), normalised once,
//! and the word checks every teaching sentence is weighed with: whether it says something new, or
//! repeats a figure the question asks.

use crate::question::Body;

use super::super::matching::{NormalisedTexts, split_at_spaces};
use super::super::phrasing;
use super::super::search;
use super::Draft;
use super::words::WordSet;

/// What the player has read of a question, normalised once for the teaching checks.
pub(super) struct Seen {
    /// The prompt.
    pub(super) prompt: String,
    /// The prompt and the options or items.
    pub(super) elsewhere: String,
    /// The prompt and the explanation so far.
    pub(super) text: String,
    /// A hash of the explanation so far, to choose among equally good facts.
    pub(super) explanation_hash: u64,
    /// Whether the options, items or answer show a digit.
    pub(super) has_digits: bool,
    /// The answer in words, and a true/false statement: what the question asks (normalised).
    pub(super) asked: String,
    /// Set when nothing else teaches: a sentence repeating the asked figure is better than none.
    pub(super) figures_allowed: std::cell::Cell<bool>,
    /// The positions of the entities the prompt names, once looked up.
    pub(super) prompt_names: std::cell::OnceCell<Vec<usize>>,
    /// The positions of the entities `elsewhere` names, once looked up.
    pub(super) elsewhere_names: std::cell::OnceCell<Vec<usize>>,
    /// The fact whose own explanation the explanation so far is, if any: its words are numbered.
    pub(super) explained_by: Option<usize>,
    /// The numbered words of `text` (see [`super::words::Words::set_of`]), once looked up.
    pub(super) text_set: std::cell::OnceCell<WordSet>,
    /// The numbered words of `prompt`, once looked up.
    pub(super) prompt_set: std::cell::OnceCell<WordSet>,
    /// The numbered words of `elsewhere`, once looked up.
    pub(super) elsewhere_set: std::cell::OnceCell<WordSet>,
}

impl Seen {
    /// What the player has read of `draft` with an explanation; `explanation_hash` is its
    /// [`stable_hash`], `prompt_words` and `explanation_words` are the prompt and the explanation
    /// normalised, and `texts` normalises the options or items.
    pub(super) fn of(
        draft: &Draft,
        explanation_hash: u64,
        prompt_words: &str,
        explanation_words: &str,
        texts: &NormalisedTexts,
    ) -> Seen {
        // The options or items, as the player reads them after the prompt.
        let shown_after_prompt: &[String] = match &draft.body {
            Body::MultipleChoice { options, .. }
            | Body::Quote { options, .. }
            | Body::SelectAll { options, .. } => options,
            Body::Order { items, .. } => items,
            _ => &[],
        };
        // The prompt's own digits are a name's ("Part 1"): a date taught beside it reads fine.
        let answer_text = draft.body.answer_text();
        let has_digits = shown_after_prompt
            .iter()
            .flat_map(|shown| shown.bytes())
            .chain(answer_text.bytes())
            .any(|b| b.is_ascii_digit());
        // The normaliser folds word by word: the options normalised one by one, joined, read as all
        // of them normalised together.
        let shown_words: Vec<std::rc::Rc<str>> = shown_after_prompt
            .iter()
            .map(|shown| texts.of(shown))
            .collect();
        let parts: Vec<&str> = std::iter::once(prompt_words)
            .chain(shown_words.iter().map(|words| &**words))
            .collect();
        let elsewhere = phrasing::join_normalised(&parts);
        debug_assert_eq!(
            elsewhere,
            phrasing::join_normalised(&[
                prompt_words,
                &phrasing::normalise(&shown_after_prompt.iter().fold(
                    String::new(),
                    |mut all, shown| {
                        all.push(' ');
                        all.push_str(shown);
                        all
                    }
                )),
            ])
        );
        let text = phrasing::join_normalised(&[prompt_words, explanation_words]);
        Seen {
            prompt: prompt_words.to_string(),
            elsewhere,
            text,
            explanation_hash,
            prompt_names: std::cell::OnceCell::new(),
            elsewhere_names: std::cell::OnceCell::new(),
            explained_by: None,
            text_set: std::cell::OnceCell::new(),
            prompt_set: std::cell::OnceCell::new(),
            elsewhere_set: std::cell::OnceCell::new(),
            has_digits,
            asked: texts.of(&answer_text).to_string(),
            figures_allowed: std::cell::Cell::new(false),
        }
    }

    /// Whether a normalised sentence says at least two words (of three letters or more) that the
    /// prompt and explanation do not (`with_options`: nor the options or items).
    pub(super) fn adds_words(&self, normalised: &str, with_options: bool) -> bool {
        self.new_words(normalised, with_options) >= 2
    }

    /// How many words (of three letters or more, counting at most two) a normalised sentence says
    /// that the prompt and explanation do not (`with_options`: nor the options or items). A wrong
    /// option's other role is one word ("producer") and teaches what the player needs.
    /// Whether a normalised sentence says again a figure of three digits or more that the question
    /// asks (the answer, or a true/false statement), or a year the explanation already gives: it reads as
    /// going in a circle ("The Chronic was
    /// released in 1992. It is Dr. Dre's 1992 album.").
    pub(super) fn repeats_figure(&self, normalised: &str) -> bool {
        // Most sentences have no digit at all: one scan rules them out.
        normalised.bytes().any(|b| b.is_ascii_digit())
            && self.repeats_any_figure(figures_of(normalised))
    }

    /// [`Self::repeats_figure`] of a sentence with these figures (see [`figures_of`]).
    pub(super) fn repeats_any_figure<'w>(
        &self,
        mut figures: impl Iterator<Item = &'w str>,
    ) -> bool {
        !self.figures_allowed.get()
            && figures.any(|word| {
                // A year the explanation already gives ("released in 1992 ... his 1992
                // album"); not any number ("out of 100" beside "100% of critics").
                has_word(&self.asked, word) || (word.len() == 4 && has_word(&self.text, word))
            })
    }

    pub(super) fn new_words(&self, normalised: &str, with_options: bool) -> usize {
        let known = |word: &str| {
            has_word(&self.text, word) || (with_options && has_word(&self.elsewhere, word))
        };
        // A normalised text's only white space is single spaces: cut at them, as a byte loop.
        split_at_spaces(normalised)
            .filter(|word| word.len() > 2 && !known(word))
            .take(2)
            .count()
    }
}

/// The figures of a normalised text: its words of three digits or more.
pub(super) fn figures_of(normalised: &str) -> impl Iterator<Item = &str> {
    split_at_spaces(normalised)
        .filter(|word| word.len() > 2 && word.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a normalised text (see [`phrasing::normalise`]: words between single spaces, a space each
/// side) has `word` among its words.
pub(super) fn has_word(normalised: &str, word: &str) -> bool {
    let bytes = normalised.as_bytes();
    search::all_occurrences(normalised, word)
        .any(|at| at > 0 && bytes[at - 1] == b' ' && bytes.get(at + word.len()) == Some(&b' '))
}
