//! Whether a text names a phrase: texts folded by the one normaliser into padded words, and the
//! whole-word checks the generator makes on them (a name in a prompt, an answer given away).
//! Kept apart from the phrasing of sentences because every check of what a player reads goes through
//! it, many times per question.

use super::search;

/// The text folded by the one normaliser ([`crate::answer::normalize`]: case, accents, punctuation, `&`
/// and title words), padded with a space each side so whole words can be found with `contains`.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    crate::answer::append_normalized(text, &mut out);
    if out.len() > 1 {
        out.push(' ');
    }
    out
}

/// Texts normalised once each: a question's options, answers and prompt are read by several checks,
/// and the same names come back in question after question. Pure: [`NormalisedTexts::of`] always
/// equals [`normalise`].
#[derive(Default)]
pub(crate) struct NormalisedTexts {
    known: std::cell::RefCell<super::index::HashMap<Box<str>, std::rc::Rc<str>>>,
}

impl NormalisedTexts {
    /// Room for about `texts` texts before the table grows.
    pub(crate) fn with_capacity(texts: usize) -> Self {
        NormalisedTexts {
            known: std::cell::RefCell::new(super::index::HashMap::with_capacity_and_hasher(
                texts,
                Default::default(),
            )),
        }
    }

    /// `normalise(text)`, worked out the first time `text` is asked for.
    pub(crate) fn of(&self, text: &str) -> std::rc::Rc<str> {
        if let Some(words) = self.known.borrow().get(text) {
            return std::rc::Rc::clone(words);
        }
        let words: std::rc::Rc<str> = normalise(text).into();
        self.known
            .borrow_mut()
            .insert(text.into(), std::rc::Rc::clone(&words));
        words
    }

    /// [`leaks_into`], each answer normalised once.
    pub(crate) fn leaks_into<S: AsRef<str>>(&self, prompt_words: &str, answers: &[S]) -> bool {
        answers
            .iter()
            .any(|answer| mentions_normalised(prompt_words, &self.of(answer.as_ref())))
    }
}

/// The normalised form of texts joined by spaces, from their normalised forms: the normaliser folds word
/// by word, so `normalise("a b")` is `join_normalised(&[&normalise("a"), &normalise("b")])`.
pub(crate) fn join_normalised(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|part| part.len()).sum::<usize>() + 1);
    out.push(' ');
    for part in parts {
        let words = trim_spaces(part);
        if !words.is_empty() {
            out.push_str(words);
            out.push(' ');
        }
    }
    out
}

/// The text without the spaces it opens and ends with, as `text.trim_matches(' ')` gives it: a byte
/// loop (a space is one byte, never part of another character).
pub(crate) fn trim_spaces(text: &str) -> &str {
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .position(|&byte| byte != b' ')
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&byte| byte != b' ')
        .map_or(start, |at| at + 1);
    &text[start..end]
}

/// Whether a text is white space only, as `text.trim().is_empty()` says: a text opening with a space
/// and a letter or digit (a normalised one) is answered without reading further.
fn blank(text: &str) -> bool {
    let bytes = text.as_bytes();
    let first = bytes.iter().position(|&byte| byte != b' ');
    match first {
        None => true,
        Some(at) if bytes[at].is_ascii_alphanumeric() => false,
        Some(_) => text.trim().is_empty(),
    }
}

/// The text without the white space it ends with, as `text.trim_end()` gives it: a normalised text
/// ends with one space after a letter or digit.
fn trim_end_white(text: &str) -> &str {
    match text.as_bytes() {
        [.., before, b' '] if before.is_ascii_alphanumeric() => &text[..text.len() - 1],
        _ => text.trim_end(),
    }
}

/// The text cut at each space, as `text.split(' ')` cuts it: a byte loop, as the words of a normalised
/// text are short and a search per word costs more than reading them.
pub(crate) fn split_at_spaces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let mut end = from;
        while end < bytes.len() && bytes[end] != b' ' {
            end += 1;
        }
        start = (end < bytes.len()).then_some(end + 1);
        Some(&text[from..end])
    })
}

/// Whether `text` contains `phrase` as whole words (case, accents and punctuation ignored); a leading
/// "the" of the phrase is optional.
pub(crate) fn mentions(normalised_text: &str, phrase: &str) -> bool {
    mentions_normalised(normalised_text, &normalise(phrase))
}

/// [`mentions`] with the phrase already normalised.
pub(crate) fn mentions_normalised(normalised_text: &str, needle: &str) -> bool {
    if blank(needle) {
        return false;
    }
    // The normaliser drops apostrophes, so a possessive is the name with an `s` (`dr dres partner`).
    // One pass over every occurrence of the needle less its trailing space: the needle itself is one
    // followed by that space, and a possessive one (among the non-overlapping, leftmost first, as
    // `match_indices` finds them) followed by `s `.
    let found = |needle: &str| {
        let stem = trim_end_white(needle);
        let mut free_from = 0;
        search::all_occurrences(normalised_text, stem).any(|at| {
            let after = &normalised_text[at + stem.len()..];
            if after.starts_with(&needle[stem.len()..]) {
                return true;
            }
            if at < free_from {
                return false;
            }
            free_from = at + stem.len();
            after.starts_with("s ")
        })
    };
    if found(needle) {
        return true;
    }
    // " the beatles " is also named as " beatles ": the needle less its leading " the".
    match needle.strip_prefix(" the ") {
        Some(rest) if !blank(rest) => found(&needle[" the".len()..]),
        _ => false,
    }
}

/// Whether a prompt gives away any of the answers (names, aliases, values written out).
pub(crate) fn leaks<S: AsRef<str>>(prompt: &str, answers: &[S]) -> bool {
    leaks_into(&normalise(prompt), answers)
}

/// [`leaks`] with the prompt already normalised.
pub(crate) fn leaks_into<S: AsRef<str>>(prompt_words: &str, answers: &[S]) -> bool {
    answers
        .iter()
        .any(|answer| mentions(prompt_words, answer.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_text_trimmed_by_bytes_reads_as_trimmed_by_characters(text in "[ a1é\t\u{a0}.]{0,12}") {
            proptest::prop_assert_eq!(trim_spaces(&text), text.trim_matches(' '));
            proptest::prop_assert_eq!(blank(&text), text.trim().is_empty());
            proptest::prop_assert_eq!(trim_end_white(&text), text.trim_end());
        }

        #[test]
        fn a_text_cut_by_bytes_reads_as_split_at_spaces(text in "[ ab1é]{0,24}") {
            let split: Vec<&str> = text.split(' ').collect();
            proptest::prop_assert_eq!(split_at_spaces(&text).collect::<Vec<_>>(), split);
        }

        #[test]
        fn a_text_normalised_once_reads_as_normalised_afresh(
            texts in proptest::collection::vec("(?s).{0,40}|[A-Za-z&' .]{0,30}", 1..8),
            prompt in "[A-Za-z&' .]{0,40}",
        ) {
            let kept = NormalisedTexts::default();
            // Twice over: the second round reads what the first kept.
            for _ in 0..2 {
                for text in &texts {
                    let afresh = normalise(text);
                    proptest::prop_assert_eq!(&*kept.of(text), afresh.as_str());
                }
                let prompt_words = normalise(&prompt);
                proptest::prop_assert_eq!(
                    kept.leaks_into(&prompt_words, &texts),
                    leaks_into(&prompt_words, &texts)
                );
            }
        }
    }
}
