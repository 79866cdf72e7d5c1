//! Facts that tie the question's own entities together a second way, for its explanation: "In
//! March 2018, Dr. Dre was married to Nicole Young, who walked the red carpet with him at the London
//! premiere." Such a fact is about what the player just read, so it never reads as pasted on. Words
//! quoted without a topic are explained by the speaker's part in the quiz's subject: "The series was
//! directed by Allen Hughes, who said this at the London premiere." A relation's author may name the
//! relations that explain it best (`explain_with`): "The editors of the series dubbed its frequent
//! reaction shots the \"Empathy Cut\". Lasse Järvi and Doug Pray co-edited the series."

use crate::facts::{Cardinality, Object, Value};
use crate::question::Body;

use super::seen::Seen;
use super::{Context, Draft};

impl Context<'_> {
    /// The most interesting undisputed fact, other than the question's own, that links two of the
    /// entities the question turns on (its facts' ends and its answer) by a relation of another
    /// category. Not under
    /// a statement: a second link between the statement's two ends could be read as the one it
    /// swaps.
    pub(super) fn bridge_fact(&self, draft: &Draft, seen: &Seen) -> Option<usize> {
        if matches!(draft.body, Body::TrueFalse { .. } | Body::Order { .. }) {
            return None;
        }
        let mut ends: Vec<&str> = Vec::new();
        for &fact in &draft.facts {
            let fact = self.index.fact(fact);
            ends.push(&fact.subject);
            if let Object::Entity(id) = &fact.object {
                ends.push(id);
            }
        }
        for answer in &draft.answers {
            ends.extend(
                self.index
                    .entities_named(answer)
                    .map(|entity| entity.id.as_str()),
            );
        }
        ends.sort_unstable();
        ends.dedup();
        if ends.len() < 2 {
            return None;
        }
        // A tie of the asked relation's own category mostly says the asked fact again ("It was sold
        // to Apple" under "the largest acquisition in the history of Apple").
        let asked_categories: Vec<&str> = draft
            .facts
            .iter()
            .filter_map(|&fact| self.index.relation(self.index.fact(fact)))
            .map(|relation| relation.category.as_str())
            .collect();
        let asked: Vec<(&str, &str)> = draft
            .facts
            .iter()
            .map(|&fact| {
                let fact = self.index.fact(fact);
                (fact.subject.as_str(), fact.relation.as_str())
            })
            .collect();
        ends.iter()
            .flat_map(|&end| self.index.facts_with_subject(end).iter().copied())
            .filter(|&other| {
                let fact = self.index.fact(other);
                let Object::Entity(object) = &fact.object else {
                    return false;
                };
                object != &fact.subject
                    && ends.contains(&object.as_str())
                    && !draft.facts.contains(&other)
                    && self.index.relation(fact).is_some_and(|relation| {
                        !asked_categories.contains(&relation.category.as_str())
                    })
                    && !asked.contains(&(fact.subject.as_str(), fact.relation.as_str()))
                    && !self.index.is_disputed(other)
                    && self.index.interest_of(other) >= 1
                    && !matches!(fact.object, Object::Value(Value::Quote { .. }))
                    && !self.fact_repeats_figure(seen, other)
                    && self.fact_new_words(seen, other, false) >= 2
                    && !self.explanation_within(seen, &seen.text, other)
            })
            .max_by_key(|&other| (self.index.interest_of(other), std::cmp::Reverse(other)))
    }

    /// For words quoted without a topic, the most interesting undisputed fact of the quiz's own
    /// subject ending on the speaker by a one-valued relation (a role: it was directed by them), not
    /// under a statement: why the speaker's words are worth asking about, where a stock description
    /// of the speaker reads as pasted on.
    pub(super) fn speaker_part_fact(&self, draft: &Draft, seen: &Seen) -> Option<usize> {
        // A statement of who said what is set against nothing: the second fact would read as part
        // of what it claims.
        if matches!(draft.body, Body::TrueFalse { .. }) {
            return None;
        }
        let [asked] = draft.facts[..] else {
            return None;
        };
        let quote = self.index.fact(asked);
        if !matches!(quote.object, Object::Value(Value::Quote { .. })) {
            return None;
        }
        let speaker = quote.subject.as_str();
        let main = |id: &str| self.index.entity(id).is_some_and(|entity| entity.main);
        // The subject's fact ending on the speaker, so the words follow as "who said this": "The
        // series was directed by Allen Hughes, who said this at the London premiere."; or opening
        // with the speaker, set aside before the words: "Allen Hughes, who directed the series,
        // said this at the London premiere."
        let speaker_name = self
            .index
            .entity(speaker)
            .map(|entity| self.index.in_sentence(entity))?;
        // Only a role the subject gives one person (it was directed by Hughes): "The series
        // focuses on the career of Jimmy Iovine, who said this" reads as a non sequitur.
        let links_main = |other: usize| {
            let fact = self.index.fact(other);
            matches!(&fact.object, Object::Entity(object) if object == speaker)
                && main(&fact.subject)
                && self
                    .index
                    .relation(fact)
                    .is_some_and(|relation| relation.cardinality == Cardinality::One)
                && self.explanations[other]
                    .strip_suffix('.')
                    .is_some_and(|statement| {
                        statement.ends_with(speaker_name)
                            || statement
                                .strip_prefix(speaker_name)
                                .is_some_and(|rest| rest.starts_with(' '))
                    })
        };
        self.index
            .facts_with_object(speaker)
            .iter()
            .copied()
            .filter(|&other| {
                other != asked
                    && links_main(other)
                    && !self.index.is_disputed(other)
                    && self.index.interest_of(other) >= 1
                    && self.fact_new_words(seen, other, false) >= 2
                    && !self.explanation_within(seen, &seen.text, other)
            })
            .max_by_key(|&other| (self.index.interest_of(other), std::cmp::Reverse(other)))
    }

    /// A fact of a relation the asked relation's author names in `explain_with`, sharing an entity
    /// with the asked fact (the quiz's subject only when the asked fact names nothing else): the
    /// first such relation that has one, its most interesting fact.
    /// Undisputed (a quotation too: the author named it), saying something the player did not read,
    /// and naming nothing else the screen shows (it would speak of an option); of any interest, even
    /// 0 (a fact never asked, such as where a venue is, explains well where its author says so).
    /// Not under a false statement: a second fact beside it could be read as the one it swaps.
    pub(super) fn explained_with_fact(&self, draft: &Draft, seen: &Seen) -> Option<usize> {
        if matches!(
            draft.body,
            Body::TrueFalse { answer: false } | Body::Order { .. }
        ) {
            return None;
        }
        let [asked] = draft.facts[..] else {
            return None;
        };
        let asked_fact = self.index.fact(asked);
        let relation = self.index.relation(asked_fact)?;
        if relation.explain_with.is_empty() {
            return None;
        }
        // Through the entities the question is about other than the quiz's own subject, which
        // every fact shares ("Ryan Gallagher is credited as a producer of the series. Allen Hughes
        // directed the series."); through the subject only when the fact names nothing else.
        let mut ends: Vec<&str> = vec![asked_fact.subject.as_str()];
        if let Object::Entity(id) = &asked_fact.object {
            ends.push(id);
        }
        let main = |end: &str| self.index.entity(end).is_some_and(|entity| entity.main);
        if ends.iter().any(|&end| !main(end)) {
            ends.retain(|&end| !main(end));
        }
        for wanted in &relation.explain_with {
            let found = ends
                .iter()
                .flat_map(|&end| {
                    self.index
                        .facts_with_subject(end)
                        .iter()
                        .chain(self.index.facts_with_object(end))
                        .map(move |&other| (end, other))
                })
                .filter(|&(end, other)| {
                    let fact = self.index.fact(other);
                    let far_end = if fact.subject == end {
                        self.index.object_of(other)
                    } else {
                        self.index.subject_of(other)
                    };
                    fact.relation == *wanted
                        && other != asked
                        && !self.index.is_disputed(other)
                        && !far_end.is_some_and(|entity| self.shown_elsewhere(seen, entity))
                        && !self.fact_repeats_figure(seen, other)
                        && self.fact_new_words(seen, other, true) >= 1
                        && !self.explanation_within(seen, &seen.text, other)
                })
                .map(|(_, other)| other)
                .max_by_key(|&other| (self.index.interest_of(other), std::cmp::Reverse(other)));
            if found.is_some() {
                return found;
            }
        }
        None
    }
}
