//! Judges a typed answer to an open question: equal after normalising, an alias, or a forgiven typo, and
//! never a guess that is at least as close to another known name of the same kind.

use super::fuzzy::{Words, forgiven, identical, within};
use super::lexicon::Lexicon;
use super::normalize::normalize_into;
use super::{Judgement, Verdict};

/// `Name` for `Name (qualifier)`; `None` when the text does not end in a parenthesis.
fn without_trailing_parenthesis(text: &str) -> Option<&str> {
    let open = text.trim_end().strip_suffix(')')?;
    let (bare, _) = open.rsplit_once('(')?;
    let bare = bare.trim_end();
    (!bare.is_empty()).then_some(bare)
}

/// Checks `input` against a free-text answer, its aliases and the lexicon.
pub(crate) fn check(
    answer: &str,
    aliases: &[String],
    kind: Option<&str>,
    input: &str,
    lexicon: &Lexicon,
) -> Judgement {
    let kind = kind.filter(|kind| !kind.trim().is_empty());
    if input.trim().is_empty() {
        return Judgement::not_understood("type an answer");
    }
    // The answer and its aliases, normalised into one buffer.
    let mut buffer =
        String::with_capacity(answer.len() + aliases.iter().map(String::len).sum::<usize>());
    let mut scratch = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(1 + aliases.len());
    for text in std::iter::once(answer).chain(aliases.iter().map(String::as_str)) {
        normalize_into(text, &mut scratch);
        if !scratch.is_empty()
            && !spans
                .iter()
                .any(|&(start, end)| buffer[start..end] == scratch)
        {
            spans.push((buffer.len(), buffer.len() + scratch.len()));
            buffer.push_str(&scratch);
        }
    }
    // A trailing parenthesis only tells names apart ("The Defiant Ones (1958 film)"): the name without
    // it is accepted too, unless it names another known entity of the same kind.
    for text in std::iter::once(answer).chain(aliases.iter().map(String::as_str)) {
        let Some(bare) = without_trailing_parenthesis(text) else {
            continue;
        };
        normalize_into(bare, &mut scratch);
        let known = spans
            .iter()
            .any(|&(start, end)| buffer[start..end] == scratch);
        let names_another = lexicon
            .named(&scratch)
            .iter()
            .any(|&entry| lexicon.kind_matches(entry, kind));
        if !scratch.is_empty() && !known && !names_another {
            spans.push((buffer.len(), buffer.len() + scratch.len()));
            buffer.push_str(&scratch);
        }
    }
    let own: Vec<&str> = spans
        .iter()
        .map(|&(start, end)| &buffer[start..end])
        .collect();
    let Some(&first) = own.first() else {
        // An answer with no letters or digits at all: only the same characters count.
        return Judgement::plain(Verdict::from_bool(input.trim() == answer.trim()));
    };
    normalize_into(input, &mut scratch);
    let guess = scratch;
    if guess.is_empty() {
        return Judgement::not_understood("type the answer in letters or digits");
    }

    // The entity named like the answer lends its other names from the fact base.
    let named_like_answer = lexicon.named(first);
    let lent = named_like_answer
        .iter()
        .filter(|&&entry| lexicon.kind_matches(entry, kind))
        .flat_map(|&entry| lexicon.names_of(entry))
        .map(String::as_str)
        .filter(|name| !own.contains(name));
    let accepted = own.iter().copied().chain(lent);

    let guess_words = Words::new(&guess);
    let mut best: Option<u32> = None;
    for text in accepted {
        let answer_words = Words::new(text);
        if identical(&guess_words, &answer_words) {
            return Judgement::plain(Verdict::Correct);
        }
        if let Some(distance) = forgiven(&guess_words, &answer_words) {
            best = Some(best.map_or(distance, |best| best.min(distance)));
        }
    }
    let Some(distance) = best else {
        return Judgement::plain(Verdict::Wrong);
    };
    let near = lexicon.confusables_near(kind, guess_words.sketch.len(), distance);
    let candidates = near.iter().flat_map(|group| {
        group
            .sketches
            .iter()
            .zip(group.names)
            .filter(|(sketch, _)| guess_words.sketch.may_be_within(**sketch, distance))
            .map(|(_, name)| name)
    });
    for name in candidates {
        // An entity known by one of the accepted spellings is the answer itself.
        let itself = lexicon
            .names_of(name.entry)
            .iter()
            .any(|other| own.contains(&other.as_str()));
        if !itself && within(&guess_words, &name.words(), distance) {
            return Judgement::plain(Verdict::Wrong);
        }
    }
    Judgement {
        verdict: Verdict::Correct,
        close: distance > 0,
    }
}
