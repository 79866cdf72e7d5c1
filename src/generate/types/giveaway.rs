//! Whether a question gives its answer away by what it shows: the right option repeating the prompt.
//! Kept apart from the builders because every question passes this check before it is kept.

use crate::question::Body;

use super::super::matching::NormalisedTexts;
use super::super::phrasing;

/// Whether the right option stands out by repeating the prompt: "Which film gave The Defiant Ones its
/// title?" with the right option "The Defiant Ones (1958 film)" and no wrong option naming the series.
/// An option echoes the prompt when its text, less a trailing parenthesis, is named in the prompt. A
/// free-text answer that echoes the prompt gives itself away outright (the bare name is accepted).
/// `prompt_words` is the prompt normalised; `texts` normalises the options.
pub(super) fn right_option_echoes_prompt(
    prompt_words: &str,
    body: &Body,
    texts: &NormalisedTexts,
) -> bool {
    let (options, right): (&[String], Vec<usize>) = match body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => (options, vec![*answer]),
        Body::SelectAll { options, answers } => (options, answers.clone()),
        Body::FreeText { answer, .. } => (std::slice::from_ref(answer), vec![0]),
        _ => return false,
    };
    let echoes = |option: &str| {
        let bare = match option.trim_end().strip_suffix(')') {
            Some(open) => open.rsplit_once(" (").map_or(option, |(name, _)| name),
            None => option,
        };
        phrasing::mentions_normalised(prompt_words, &texts.of(bare))
    };
    let right_echo = right
        .iter()
        .all(|&index| options.get(index).is_some_and(|o| echoes(o)));
    // The wrong options are read only when the right one echoes the prompt (seldom).
    right_echo
        && !options
            .iter()
            .enumerate()
            .any(|(index, option)| !right.contains(&index) && echoes(option))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_option_repeating_the_prompt_gives_it_away() {
        let body = |answer| Body::MultipleChoice {
            options: vec![
                "The Defiant Ones (1958 film)".to_string(),
                "Dead Presidents".to_string(),
                "Menace II Society".to_string(),
            ],
            answer,
            aliases: Vec::new(),
        };
        let prompt = "Which film gave The Defiant Ones its title?";
        let prompt = &phrasing::normalise(prompt);
        let texts = NormalisedTexts::default();
        assert!(right_option_echoes_prompt(prompt, &body(0), &texts));
        // A wrong option echoing the prompt is a fair trap, not a give-away.
        assert!(!right_option_echoes_prompt(prompt, &body(1), &texts));
        assert!(!right_option_echoes_prompt(
            &phrasing::normalise("Which of these did Allen Hughes direct?"),
            &body(0),
            &texts
        ));
    }
}
