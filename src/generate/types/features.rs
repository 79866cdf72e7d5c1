//! The features a question's quality score reads (see [`super::super::quality`]), gathered from its
//! draft: how interesting its facts and entities are, what kind of answer it takes, what it shows.

use crate::facts::{Entity, Object, Value};
use crate::question::Body;

use super::super::quality::Features;
use super::{Context, Draft};

impl Context<'_> {
    /// What the quality score of a draft looks at (see [`super::super::quality`]).
    pub(super) fn features(&self, draft: &Draft) -> Features {
        let mut entities: Vec<&Entity> = Vec::with_capacity(2 * draft.facts.len());
        for &fact in &draft.facts {
            for entity in [self.index.subject_of(fact), self.index.object_of(fact)]
                .into_iter()
                .flatten()
            {
                if !entities.iter().any(|seen| seen.id == entity.id) {
                    entities.push(entity);
                }
            }
        }
        let entity_interest = if entities.is_empty() {
            2.0
        } else {
            entities
                .iter()
                .map(|entity| f64::from(entity.interest))
                .sum::<f64>()
                / entities.len() as f64
        };
        let answer_is_main = self.index.main_entities.iter().any(|&position| {
            let entity = &self.index.base.entities[position];
            draft
                .answers
                .iter()
                .any(|answer| answer == &entity.name || answer == entity.display_name())
        });
        Features {
            kind: draft.body.question_type(),
            fact_interest: draft
                .facts
                .iter()
                .map(|&fact| self.index.interest_of(fact))
                .min()
                .unwrap_or(2),
            entity_interest,
            answer_is_main,
            all_obscure: entities.iter().any(|entity| !entity.main)
                && entities
                    .iter()
                    .filter(|entity| !entity.main)
                    .all(|entity| entity.prominence >= 3),
            attributed: draft.traits.attributed,
            headline_truth: matches!(draft.body, Body::TrueFalse { answer: true })
                && draft
                    .facts
                    .iter()
                    .all(|&fact| self.index.interest_of(fact) >= 3),
            quote_statement: matches!(draft.body, Body::TrueFalse { .. })
                && draft.facts.iter().any(|&fact| {
                    matches!(
                        self.index.fact(fact).object,
                        Object::Value(Value::Quote { .. })
                    )
                }),
            fragment_quote: matches!(
                &draft.body,
                Body::Quote { quote, .. }
                    if !quote.trim().starts_with(|c: char| c.is_uppercase())
            ),
            quote_options: matches!(draft.body, Body::MultipleChoice { .. })
                && draft.facts.iter().all(|&fact| {
                    matches!(
                        self.index.fact(fact).object,
                        Object::Value(Value::Quote { .. })
                    )
                }),
            figure_swap: matches!(draft.body, Body::TrueFalse { answer: false })
                && draft.facts.iter().any(|&fact| {
                    matches!(
                        &self.index.fact(fact).object,
                        Object::Value(value) if value.quantity().is_some() || value.date().is_some()
                    )
                }),
            figure_ladder: matches!(draft.body, Body::MultipleChoice { .. })
                && draft.facts.iter().any(|&fact| {
                    matches!(
                        &self.index.fact(fact).object,
                        Object::Value(value) if value.quantity().is_some() || value.date().is_some()
                    )
                }),
            lone_famous: match &draft.body {
                // (Who said some words is not guessed by fame.)
                Body::MultipleChoice {
                    options, answer, ..
                } => {
                    let entities: Vec<Option<&crate::facts::Entity>> = options
                        .iter()
                        .map(|option| self.index.entity_by_option(option))
                        .collect();
                    match entities.get(*answer).copied().flatten() {
                        Some(right) => entities.iter().enumerate().all(|(position, entity)| {
                            position == *answer
                                || entity.is_some_and(|wrong| wrong.prominence > right.prominence)
                        }),
                        None => false,
                    }
                }
                _ => false,
            },
            one_of_many: matches!(draft.body, Body::TrueFalse { .. })
                && draft.facts.iter().any(|&fact| {
                    let fact = self.index.fact(fact);
                    let Object::Entity(object) = &fact.object else {
                        return false;
                    };
                    // (The facts of one entity by one relation are kept together.)
                    let by_object = self.index.facts_pointing_at(object, &fact.relation);
                    let by_subject = self.index.facts_about(&fact.subject, &fact.relation);
                    debug_assert_eq!(
                        by_subject.len(),
                        (self.index.facts_with_subject(&fact.subject).iter())
                            .filter(|&&other| self.index.fact(other).relation == fact.relation)
                            .count()
                    );
                    by_object.len() >= 4 || by_subject.len() >= 4
                }),
            snapshot: draft
                .facts
                .iter()
                .any(|&fact| self.index.fact(fact).qualifiers.as_of.is_some()),
            loose_teaching: false,
            tacked_on: false,
            joins: draft.traits.joins,
            same_fact: 1,
            prompt_words: word_count(&draft.prompt),
        }
    }
}

/// How many words `text` has, as `text.split_whitespace().count()` counts them: an ASCII text (most
/// prompts) byte by byte.
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // The ASCII white space of `char::is_whitespace`, the vertical tab (0x0b) included, as bits.
    const SPACE: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << 0x0b | 1 << 0x0c | 1 << b'\r';
    let mut words = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        let space = byte < 64 && SPACE & (1 << byte) != 0;
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(text in "[ a\\t\\n\u{b}\u{c}\r\u{85}\u{a0}é.]{0,24}") {
            proptest::prop_assert_eq!(super::word_count(&text), text.split_whitespace().count());
        }
    }
}
