//! Which facts count as the same news, so that a game asks one question of them: the same value by
//! the same relation, or the same entity given by one relation to a few subjects.

use crate::facts::{Object, Value};

use super::super::index::HashMap;

/// Most facts that may share one entity as their object by one relation and still count as the same
/// news ("the series first aired on HBO", "Part 1 first aired on HBO"): more make a list (nominees
/// of one award), whose lines are news of their own.
const SAME_NEWS_ENTITY_GROUP: usize = 4;

/// For each fact, the other facts giving the same value (not a quotation) by the same relation, or
/// the same entity by the same relation among a few: two questions answered "HBO" by the same
/// relation, or "Dr. Dre" as the artist of two records, would ask the same thing twice in one game.
pub(super) fn same_news(base: &crate::facts::FactBase) -> Vec<Vec<usize>> {
    // Each fact falls in one group at most, so the order the groups are read in cannot matter: a
    // fast hash.
    let mut by_value: HashMap<(&str, String), Vec<usize>> = HashMap::default();
    let mut by_entity: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for (position, fact) in base.facts.iter().enumerate() {
        match &fact.object {
            Object::Value(value) if !matches!(value, Value::Quote { .. }) => {
                let value = serde_json::to_string(value).unwrap_or_default();
                by_value
                    .entry((fact.relation.as_str(), value))
                    .or_default()
                    .push(position);
            }
            Object::Entity(id) => by_entity
                .entry((fact.relation.as_str(), id.as_str()))
                .or_default()
                .push(position),
            Object::Value(_) => {}
        }
    }
    let mut same = vec![Vec::new(); base.facts.len()];
    let entity_groups = by_entity
        .into_values()
        .filter(|group| group.len() <= SAME_NEWS_ENTITY_GROUP);
    for group in by_value.into_values().chain(entity_groups) {
        if group.len() > 1 {
            for &fact in &group {
                same[fact] = group
                    .iter()
                    .copied()
                    .filter(|&other| other != fact)
                    .collect();
            }
        }
    }
    same
}
