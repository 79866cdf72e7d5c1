//! Select-all questions for many-valued relations with an `ask_all` phrasing: "Which of these people
//! appear as themselves in X?", with some true objects (from undisputed facts) and some surely-wrong
//! ones.

use crate::facts::{Cardinality, Entity, Object, Relation};
use crate::question::{Body, QuestionType};
use crate::rng::{below, shuffle};

use super::super::difficulty::Traits;
use super::super::phrasing;
use super::{Context, Draft, ask_key, content_rng, fact_key, names_of, pick_wrong, tags};

/// Most options a select-all question shows.
const MAX_OPTIONS: usize = 5;
/// Most true options it shows.
const MAX_TRUE: usize = 3;

/// One select-all question per subject, relation and set of qualifiers the `ask_all` phrasing names.
pub(crate) fn all(cx: &mut Context<'_>) {
    let relations: Vec<&Relation> = cx
        .index
        .base
        .relations
        .iter()
        .filter(|relation| relation.cardinality == Cardinality::Many && relation.ask_all.is_some())
        .collect();
    for relation in relations {
        let template = relation.ask_all.as_deref().unwrap_or_default();
        let named = phrasing::qualifier_names(template);
        // Groups in the order their first fact appears.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for &index in cx.index.base.facts_of_relation(&relation.id) {
            let fact = cx.index.fact(index);
            if cx.index.is_disputed(index) || !matches!(fact.object, Object::Entity(_)) {
                continue;
            }
            if !phrasing::fillable(template, &fact.qualifiers) {
                continue;
            }
            let values: Vec<String> = named
                .iter()
                .map(|name| fact.qualifiers.placeholder(name).unwrap_or_default())
                .collect();
            let key = format!("{}|{}", fact.subject, values.join("|"));
            match groups.iter_mut().find(|(seen, _)| *seen == key) {
                Some((_, members)) => members.push(index),
                None => groups.push((key, vec![index])),
            }
        }
        for (_, members) in groups {
            build(cx, relation, template, &members);
        }
    }
}

fn build(cx: &mut Context<'_>, relation: &Relation, template: &str, members: &[usize]) {
    let first = cx.index.fact(members[0]);
    let Some(subject) = cx.index.entity(&first.subject) else {
        return;
    };
    let mut truths: Vec<(&Entity, usize)> = Vec::new();
    for &index in members {
        if let Object::Entity(id) = &cx.index.fact(index).object
            && let Some(entity) = cx.index.entity(id)
            && !truths.iter().any(|(seen, _)| seen.id == entity.id)
        {
            truths.push((entity, index));
        }
    }
    let mut kinds: Vec<&str> = Vec::new();
    for (entity, _) in &truths {
        if !kinds.contains(&entity.kind.as_str()) {
            kinds.push(&entity.kind);
        }
    }
    let mut pool: Vec<(&Entity, bool)> = Vec::new();
    for kind in kinds {
        for (entity, plausible) in cx.surely_not_objects(&subject.id, relation, kind) {
            let confusable = truths
                .iter()
                .any(|(truth, _)| cx.index.confusable(truth, entity));
            if !confusable && !pool.iter().any(|(seen, _)| seen.id == entity.id) {
                pool.push((entity, plausible));
            }
        }
    }
    let Some(prompt) = phrasing::fill(
        template,
        Some(&cx.name_slot(subject)),
        None,
        &first.qualifiers,
    ) else {
        return;
    };
    let shown = cx.normalised(&prompt);
    pool.retain(|(entity, _)| !cx.index.mentioned_in(&shown, entity));
    if pool.is_empty() {
        return;
    }
    let label = format!("all|{}|{}|{}", subject.id, relation.id, members.len());
    let mut rng = content_rng(&label);
    let wanted_true = 1 + below(&mut rng, MAX_TRUE as u32) as usize;
    let wrong_count = (MAX_OPTIONS - wanted_true.min(truths.len()))
        .min(pool.len())
        .min(3);
    // At least three options: show more true ones when wrong ones are scarce. At least two true
    // ones: "choose all that apply" over a single right option is a multiple choice in disguise.
    let true_count = wanted_true.max(2).max(3 - wrong_count).min(truths.len());
    if true_count < 2 || true_count + wrong_count < 3 {
        return;
    }
    shuffle(&mut rng, &mut truths);
    truths.truncate(true_count);
    // Keep the chosen true facts in fact order, so the explanation reads in the sources' order.
    truths.sort_by_key(|(_, index)| *index);
    let (wrong, similarity) = pick_wrong(&pool, wrong_count, &label);
    if wrong.is_empty() || true_count + wrong.len() < 3 {
        return;
    }
    let mut options: Vec<(String, bool)> = truths
        .iter()
        .map(|(entity, _)| (cx.option_name(entity), true))
        .chain(wrong.iter().map(|entity| (cx.option_name(entity), false)))
        .collect();
    let mut arrange_rng = content_rng(&format!("arrange|{prompt}"));
    shuffle(&mut arrange_rng, &mut options);
    let answers: Vec<usize> = options
        .iter()
        .enumerate()
        .filter_map(|(position, (_, right))| right.then_some(position))
        .collect();
    let objects: Vec<&Entity> = truths.iter().map(|(entity, _)| *entity).collect();
    let explanation = cx
        .listed_statement(first, relation, subject, &objects)
        .unwrap_or_else(|| {
            truths
                .iter()
                .filter_map(|(_, index)| cx.statement(cx.index.fact(*index), false))
                .collect::<Vec<_>>()
                .join(" ")
        });
    let mut ids: Vec<&str> = vec![&subject.id];
    ids.extend(truths.iter().map(|(entity, _)| entity.id.as_str()));
    let prominence = cx.prominence(&ids);
    let mut keys = vec![ask_key("all", &subject.id, &relation.id, first).into()];
    keys.extend(truths.iter().map(|(_, index)| fact_key(*index)));
    let leak_names: Vec<String> = truths
        .iter()
        .flat_map(|(entity, _)| names_of(entity))
        .collect();
    let options_len = options.len();
    cx.push(Draft {
        prompt,
        body: Body::SelectAll {
            options: options.into_iter().map(|(name, _)| name).collect(),
            answers,
        },
        category: relation.category.clone(),
        explanation,
        facts: truths.iter().map(|(_, index)| *index).collect(),
        keys,
        traits: Traits {
            similarity,
            items: options_len,
            ..Traits::new(QuestionType::SelectAll, prominence)
        },
        answers: leak_names,
        tags: tags(&[&relation.id], &[]),
        supporting: Vec::new(),
    });
}
