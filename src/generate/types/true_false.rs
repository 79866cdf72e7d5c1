//! True/false statements: the fact's own statement (true), or the statement with a surely-wrong object
//! swapped in (false) — another entity the relation rules out, a neighbouring rung of the value's
//! ladder, another subject's value of a one-valued relation, or another speaker for a quotation.

use crate::facts::{Cardinality, Entity, Object, Value};
use crate::question::{Body, QuestionType};

use super::super::difficulty::Traits;
use super::super::phrasing::Slot;
use super::numbers::{amount_ladder, date_ladder, with_amount};
use super::{
    Context, Draft, Key, ask_key, fact_key, pick_wrong, pick_wrong_where, tags, value_slot,
};

/// The prompt of a statement to judge: the statement itself (the screen offers true and false), with
/// its source named at the end when the sources disagree. A small count reads as a word ("four
/// parts"), as a writer puts it.
fn prompt(statement: &str, attribution: Option<&str>) -> String {
    let statement = super::super::retelling::small_counts_in_words(statement);
    match attribution {
        Some(label) => super::super::phrasing::attribute(&statement, label, true),
        None => statement,
    }
}

/// A true statement for every fact that can be phrased, and a false one where a surely-wrong object
/// (or speaker) exists. Disputed facts only give true statements attributed to their source.
pub(crate) fn statements(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    // A quotation's statement names only where it was said, not the topic tag before it.
    let shortened;
    let fact = if matches!(fact.object, Object::Value(Value::Quote { .. })) {
        shortened = crate::facts::Fact {
            qualifiers: super::quote::short_context(&fact.qualifiers),
            ..fact.clone()
        };
        &shortened
    } else {
        fact
    };
    let attribution = match cx.attribution(fact_index) {
        Some(None) => return,
        Some(Some(attribution)) => Some(attribution),
        None => None,
    };
    let Some(object_slot) = cx.object_slot(fact, &fact.object) else {
        return;
    };
    let subject_slot = cx.name_slot(subject);
    // The fact's own statement is worked out already, unless its qualifiers were shortened.
    let truth = if std::ptr::eq(fact, cx.index.fact(fact_index)) {
        super::super::phrasing::usable(&relation.statement, &fact.qualifiers)
            .then(|| cx.own_statement(fact_index).map(str::to_string))
            .flatten()
    } else {
        cx.statement_with(fact, relation, &subject_slot, &object_slot, true)
    };
    debug_assert_eq!(
        truth,
        cx.statement_with(fact, relation, &subject_slot, &object_slot, true)
    );
    let Some(truth) = truth else {
        return;
    };
    let shown = cx.normalised(&truth);
    let object_entity = match &fact.object {
        Object::Entity(id) => cx.index.entity(id),
        Object::Value(_) => None,
    };
    // A statement that answers itself ("The Defiant Ones: Part 2 is an episode of The Defiant Ones",
    // "The name of X is written "X"") is no question.
    let obvious = match (&fact.object, object_entity) {
        (Object::Entity(_), Some(object)) => {
            cx.index.mentioned_in(&cx.normalised(&subject.name), object)
        }
        (Object::Value(Value::Text { text } | Value::Quote { text }), _) => {
            cx.index.mentioned_in(&cx.normalised(text), subject)
        }
        _ => false,
    };
    if obvious {
        return;
    }
    let mut ids = vec![subject.id.as_str()];
    if let Some(entity) = object_entity {
        ids.push(&entity.id);
    }
    let prominence = cx.prominence(&ids);
    let explanation = cx.explanation(fact_index);
    let one_valued = relation.cardinality == Cardinality::One;
    let mut keys = vec![fact_key(fact_index)];
    if one_valued {
        keys.push(ask_key("object", &subject.id, &relation.id, fact).into());
    }
    let extra: &[&str] = if attribution.is_some() {
        &["attributed"]
    } else {
        &[]
    };
    cx.push(Draft {
        prompt: prompt(&truth, attribution.as_ref().map(|a| a.label.as_str())),
        body: Body::TrueFalse { answer: true },
        category: relation.category.clone(),
        explanation: explanation.clone(),
        facts: vec![fact_index],
        keys,
        traits: Traits {
            attributed: attribution.is_some(),
            ..Traits::new(QuestionType::TrueFalse, prominence)
        },
        answers: Vec::new(),
        tags: tags(&[&relation.id], extra),
        supporting: Vec::new(),
    });
    if attribution.is_some() {
        return;
    }

    // The false statement.
    let label = [
        "false|",
        &subject.id,
        "|",
        &relation.id,
        "|",
        &cx.index.base.object_words(&fact.object),
    ]
    .concat();
    let mut similarity = 0.0;
    let falsehood: Option<(String, String)> = match &fact.object {
        Object::Entity(id) => object_entity.and_then(|answer| {
            let mut pool = cx.surely_not_objects(&subject.id, relation, &answer.kind);
            // One swap is needed, not three: someone who fills this very role elsewhere (another
            // film's director) or an author's candidate for it makes the trap; one of a sibling
            // role (a producer) only when none does, since a long credits list would otherwise
            // fill most swaps with obscure names.
            let same_role: Vec<&str> = cx
                .index
                .relation_objects
                .get(relation.id.as_str())
                .map_or(&[][..], Vec::as_slice)
                .to_vec();
            let fits_role = |entity: &Entity| {
                (same_role.contains(&entity.id.as_str())
                    || entity.candidate_for.contains(&relation.id))
                    && !cx.index.confusable(answer, entity)
                    && !cx.index.mentioned_in(&shown, entity)
            };
            if pool.iter().any(|(entity, fits)| *fits && fits_role(entity)) {
                for (entity, fits) in &mut pool {
                    *fits = *fits && fits_role(entity);
                }
            }
            let (wrong, share) = pick_wrong_where(&pool, 1, &label, |entity| {
                !cx.index.confusable(answer, entity) && !cx.index.mentioned_in(&shown, entity)
            });
            similarity = share;
            let wrong = wrong.into_iter().next()?;
            let _ = id;
            let sentence =
                cx.statement_with(fact, relation, &subject_slot, &cx.name_slot(wrong), true)?;
            Some((sentence, wrong.id.clone()))
        }),
        Object::Value(Value::Quote { text }) => {
            let words = cx.normalised(text);
            let pool = cx.speaker_pool(fact_index);
            let (wrong, share) = pick_wrong_where(&pool, 1, &label, |entity| {
                !cx.index.mentioned_in(&shown, entity)
                    && !cx.index.mentions_any_name_word(&words, entity)
            });
            similarity = share;
            wrong.into_iter().next().and_then(|speaker| {
                let sentence =
                    cx.statement_with(fact, relation, &cx.name_slot(speaker), &object_slot, true)?;
                Some((sentence, format!("speaker:{}", speaker.id)))
            })
        }
        Object::Value(Value::Date { date }) => {
            date_ladder(cx, fact_index, date).and_then(|ladder| {
                let neighbour = neighbour(ladder.answer, ladder.rungs.len(), &label);
                let wrong = Value::Date {
                    date: ladder.rungs[neighbour],
                };
                similarity = 0.5;
                let slot = value_slot(&wrong, fact.qualifiers.approx.as_deref());
                let sentence = cx.statement_with(fact, relation, &subject_slot, &slot, true)?;
                Some((sentence, wrong.to_words()))
            })
        }
        Object::Value(Value::Text { .. }) => {
            let others: Vec<(&str, bool)> = cx
                .index
                .other_text_values(&subject.id, relation)
                .into_iter()
                .map(|text| (text, true))
                .collect();
            let (wrong, share) = pick_wrong(&others, 1, &label);
            similarity = share;
            wrong.into_iter().next().and_then(|text| {
                let slot = Slot::Words(text.to_string());
                let sentence = cx.statement_with(fact, relation, &subject_slot, &slot, true)?;
                Some((sentence, text.to_string()))
            })
        }
        Object::Value(value) => amount_ladder(cx, fact_index).and_then(|(ladder, _)| {
            let neighbour = neighbour(ladder.answer, ladder.rungs.len(), &label);
            let wrong = with_amount(value, ladder.rungs[neighbour]);
            similarity = 0.5;
            let slot = value_slot(&wrong, fact.qualifiers.approx.as_deref());
            let sentence = cx.statement_with(fact, relation, &subject_slot, &slot, true)?;
            Some((sentence, wrong.to_words()))
        }),
    };
    let Some((sentence, swapped)) = falsehood else {
        return;
    };
    if sentence == truth {
        return;
    }
    // Why the statement is false: the true statement; for a complete list, that the swapped-in entity
    // is not on it; for an open list, the disjoint fact that rules it out (cited instead).
    let mut facts = vec![fact_index];
    // The explanation of a false statement about a complete list states the whole list.
    let mut listed_keys: Vec<Key> = Vec::new();
    let explanation = match (&fact.object, cx.index.entity(&swapped)) {
        (Object::Entity(_), Some(wrong)) if relation.cardinality != Cardinality::One => {
            if relation.complete {
                // The whole list: the swapped-in entity is not on it.
                let mut listed: Vec<&Entity> = Vec::new();
                let mut list_facts: Vec<usize> = Vec::new();
                for &other in cx.index.facts_about(&subject.id, &relation.id) {
                    if let Object::Entity(id) = &cx.index.fact(other).object
                        && let Some(entity) = cx.index.entity(id)
                        && !cx.index.is_disputed(other)
                        && cx.index.fact(other).qualifiers == fact.qualifiers
                    {
                        listed.push(entity);
                        list_facts.push(other);
                    }
                }
                match cx.listed_statement(fact, relation, subject, &listed) {
                    Some(list) if listed.len() <= 6 && list_facts.contains(&fact_index) => {
                        // Every fact of the list is cited: the explanation names them all.
                        listed_keys = list_facts.iter().map(|&other| fact_key(other)).collect();
                        facts.extend(list_facts.into_iter().filter(|&other| other != fact_index));
                        // The list said whole reads as the whole list, as a quiz writer gives it
                        // ("A, B and C co-wrote the series"); where the swapped-in entity does
                        // belong is taught beside it.
                        list
                    }
                    _ => format!(
                        "{explanation} The sources give the whole list, and {} is not on it.",
                        cx.index.in_sentence(wrong)
                    ),
                }
            } else if let Some(reason) = cx.index.ruling_out(&subject.id, &relation.id, &wrong.id) {
                // The disjoint fact is the whole reason ("Ben Travers reviewed The Defiant Ones").
                facts = vec![reason];
                cx.explanation(reason)
            } else {
                explanation
            }
        }
        _ => explanation,
    };
    let mut keys = vec![Key::from(
        ["tf|", &subject.id, "|", &relation.id, "|", &swapped].concat(),
    )];
    keys.extend(listed_keys);
    if let Object::Value(Value::Quote { text }) = &fact.object {
        // Says who did not say it: the same thing a "Who said this?" question asks.
        keys.push(format!("quote|{}", cx.normalised(text)).into());
    }
    if one_valued {
        keys.push(ask_key("object", &subject.id, &relation.id, fact).into());
    }
    // "The 1958 film was released in 1960" gives itself away: a false statement never names the true
    // value.
    let true_value = match &fact.object {
        Object::Value(Value::Quote { .. }) | Object::Entity(_) => Vec::new(),
        Object::Value(value) => vec![value.to_words()],
    };
    cx.push(Draft {
        prompt: prompt(&sentence, None),
        body: Body::TrueFalse { answer: false },
        category: relation.category.clone(),
        explanation,
        facts,
        keys,
        traits: Traits {
            similarity,
            ..Traits::new(QuestionType::TrueFalse, prominence)
        },
        answers: true_value,
        tags: tags(&[&relation.id], &[]),
        supporting: Vec::new(),
    });
}

/// A rung next to the answer's, on a side fixed by the question's content.
fn neighbour(answer: usize, len: usize, label: &str) -> usize {
    let mut rng = super::content_rng(&format!("neighbour|{label}"));
    let below = answer.checked_sub(1);
    let above = (answer + 1 < len).then_some(answer + 1);
    match (below, above) {
        (Some(low), Some(high)) => {
            if crate::rng::below(&mut rng, 2) == 0 {
                low
            } else {
                high
            }
        }
        (Some(low), None) => low,
        (None, Some(high)) => high,
        (None, None) => answer,
    }
}
