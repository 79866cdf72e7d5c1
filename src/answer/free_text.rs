//! Judges a typed answer to an open question: equal after normalising, an alias, or a forgiven typo, and
//! never a guess that is at least as close to another known name of the same kind.

use super::fuzzy::{Words, forgiven, same_letters, within};
use super::lexicon::Lexicon;
use super::normalize::normalize;
use super::{Judgement, Verdict};

/// Checks `input` against a free-text answer, its aliases and the lexicon.
pub(crate) fn check(
    answer: &str,
    aliases: &[String],
    kind: Option<&str>,
    input: &str,
    lexicon: &Lexicon,
) -> Judgement {
    let kind = kind.filter(|kind| !kind.trim().is_empty());
    let mut own: Vec<String> = Vec::with_capacity(1 + aliases.len());
    for text in std::iter::once(answer).chain(aliases.iter().map(String::as_str)) {
        let normalized = normalize(text);
        if !normalized.is_empty() && !own.contains(&normalized) {
            own.push(normalized);
        }
    }
    if input.trim().is_empty() {
        return Judgement::not_understood("type an answer");
    }
    let guess = normalize(input);
    if own.is_empty() {
        // An answer with no letters or digits at all: only the same characters count.
        return Judgement::plain(Verdict::from_bool(input.trim() == answer.trim()));
    }
    if guess.is_empty() {
        return Judgement::not_understood("type the answer in letters or digits");
    }

    // Entities known by an accepted spelling are the answer itself; the one named like the answer lends
    // its aliases from the fact base.
    let mut itself: Vec<u32> = Vec::new();
    for text in &own {
        for &entry in lexicon.named(text) {
            if !itself.contains(&entry) {
                itself.push(entry);
            }
        }
    }
    let mut accepted: Vec<&str> = own.iter().map(String::as_str).collect();
    for &entry in lexicon.named(&own[0]) {
        if lexicon.kind_matches(entry, kind) {
            accepted.extend(lexicon.names_of(entry).iter().map(String::as_str));
        }
    }

    if accepted
        .iter()
        .any(|&text| text == guess || same_letters(text, &guess))
    {
        return Judgement::plain(Verdict::Correct);
    }
    let guess_words = Words::new(&guess);
    let Some(distance) = accepted
        .iter()
        .filter_map(|text| forgiven(&guess_words, &Words::new(text)))
        .min()
    else {
        return Judgement::plain(Verdict::Wrong);
    };
    for name in lexicon.confusables(kind).into_iter().flatten() {
        if itself.contains(&name.entry) || guess_words.sketch.lower_bound(name.sketch()) > distance
        {
            continue;
        }
        if within(&guess_words, &name.words(), distance) {
            return Judgement::plain(Verdict::Wrong);
        }
    }
    Judgement {
        verdict: Verdict::Correct,
        close: distance > 0,
    }
}
