//! Facts that run beside the one a typed question asks, for its explanation to set against the
//! answer: "The 1958 film was directed by Stanley Kramer; the series was directed by Allen Hughes.",
//! "On Metacritic, the series scores 76; on Rotten Tomatoes, 100% of critics' reviews are positive."
//! A question with options explains a tempting option instead (see `teaching`); one typed in has
//! none, so the fact the player might have mixed up is the one beside it.

use crate::facts::{Cardinality, Object, Value, ValueType};
use crate::question::Body;

use super::seen::Seen;
use super::{Context, Draft};

impl Context<'_> {
    /// The most interesting undisputed fact that runs beside a typed question's one fact: the same
    /// relation for another subject and another object, an alike relation for another subject and
    /// the same object (both only where the two subjects belong together), or, for the same subject,
    /// another relation of the same category giving a value of the same type (two review scores,
    /// two dates of one release). Asked for a typed question, a multiple-choice one whose
    /// options gave no contrast, or a statement whose swap has no other role to explain; never
    /// naming a wrong option.
    pub(super) fn parallel_fact(&self, draft: &Draft, seen: &Seen) -> Option<usize> {
        if !matches!(
            draft.body,
            Body::Numeric { .. }
                | Body::Date { .. }
                | Body::FreeText { .. }
                | Body::MultipleChoice { .. }
                | Body::TrueFalse { .. }
        ) {
            return None;
        }
        let [asked] = draft.facts[..] else {
            return None;
        };
        let asked_fact = self.index.fact(asked);
        let asked_relation = self.index.relation(asked_fact)?;
        // The entities the options offer.
        let wrong_options: Vec<&crate::facts::Entity> = match &draft.body {
            Body::MultipleChoice { options, .. } => options
                .iter()
                .filter_map(|option| self.index.entity_by_option(option))
                .collect(),
            _ => Vec::new(),
        };
        let asked_subject = self.index.entity(&asked_fact.subject)?;
        // The same relation or an alike one, for any subject; the asked subject's other facts.
        let mut relations: Vec<&str> = vec![asked_relation.id.as_str()];
        relations.extend(asked_relation.alike.iter().map(String::as_str));
        for &other in self.index.alike_to(&asked_relation.id) {
            if !relations.contains(&other) {
                relations.push(other);
            }
        }
        // The asked subject's neighbours (see `belong_together`), looked up once.
        let asked_neighbours = std::cell::OnceCell::new();
        let judge = |other: usize| {
            let fact = self.index.fact(other);
            if other == asked
                || self.index.is_disputed(other)
                || self.index.interest_of(other) < 1
                || matches!(fact.object, Object::Value(Value::Quote { .. }))
            {
                return None;
            }
            let relation = self.index.relation(fact)?;
            let alike = relation.id == asked_relation.id
                || relation.alike.contains(&asked_relation.id)
                || asked_relation.alike.contains(&relation.id);
            // One of many (a speaker, a nominee, an occupation) beside another of many
            // says nothing about either: only a role each subject has once.
            let beside = if alike
                && fact.subject != asked_fact.subject
                && asked_relation.cardinality == Cardinality::One
            {
                // Another subject's: the same role filled by someone or something else, where
                // the two subjects belong together ("the series" and the 1958 film it takes
                // its title from; two people who co-founded one company).
                // The same role at another place or thing; an alike role at the same one
                // ("hosted the Q&A at the premiere" beside "spoke at the premiere").
                let same_object = fact.object == asked_fact.object;
                if same_object == (relation.id == asked_relation.id) {
                    return None;
                }
                let together = self.belong_together(
                    &asked_fact.subject,
                    asked_neighbours.get_or_init(|| self.neighbour_set(&asked_fact.subject)),
                    other,
                );
                if together == 0 {
                    return None;
                }
                let subject = self.index.subject_of(other)?;
                (together, u8::from(subject.kind == asked_subject.kind))
            } else if fact.subject == asked_fact.subject
                && relation.id != asked_relation.id
                && relation.category == asked_relation.category
                && relation.value_type().is_some_and(comparable)
                && relation.value_type() == asked_relation.value_type()
            {
                // The same subject's other figure of the same type: two scores, two dates.
                (2, 1)
            } else {
                return None;
            };
            // Nothing an option names: it would tie a wrong option to the question.
            // (An option, not the prompt: "the 1958 film The Defiant Ones" in the prompt names the
            // series' title too, and the series beside the film is the point.)
            let names_an_option = [self.index.subject_of(other), self.index.object_of(other)]
                .into_iter()
                .flatten()
                .any(|entity| {
                    !draft.answers.contains(&entity.name)
                        && wrong_options.iter().any(|option| option.id == entity.id)
                });
            // Another relation's figure is its own, even where its digits match the asked one's
            // ("76 out of 100" beside "100% of critics").
            let fits = !names_an_option
                && !self.explanation_within(seen, &seen.prompt, other)
                && !self.explanation_within(seen, &seen.text, other)
                && self.fact_new_words(seen, other, true) >= 1
                && (relation.id != asked_relation.id || !self.fact_repeats_figure(seen, other));
            fits.then_some((beside, self.index.interest_of(other), other))
        };
        let best = |facts: &mut dyn Iterator<Item = usize>| {
            facts
                .filter_map(judge)
                .max_by_key(|&(closeness, interest, other)| {
                    (closeness, interest, std::cmp::Reverse(other))
                })
                .map(|(_, _, other)| other)
        };
        // Another subject's fact runs beside the asked one only by the same or an alike relation,
        // and only when the asked relation gives each subject one value. Each fact comes once (a
        // fact has one subject and one relation), and the best is one fixed by its key, whatever
        // the order.
        let other_subjects = relations
            .iter()
            .filter(|_| asked_relation.cardinality == Cardinality::One)
            .flat_map(|relation| self.index.facts_of_relation(relation))
            .filter(|&&other| self.index.fact(other).subject != asked_fact.subject);
        // The asked subject's own facts run beside it only by another relation of the same
        // category giving a figure of the same type: those relations' facts are weighed.
        let figure_beside = |relation: &crate::facts::Relation| {
            relation.id != asked_relation.id
                && relation.category == asked_relation.category
                && relation.value_type().is_some_and(comparable)
                && relation.value_type() == asked_relation.value_type()
        };
        let same_subject = self
            .index
            .facts_with_subject_by_relation(&asked_fact.subject)
            .filter(|facts| {
                facts
                    .first()
                    .and_then(|&first| self.index.relation(self.index.fact(first)))
                    .is_some_and(figure_beside)
            })
            .flatten();
        let found = best(&mut other_subjects.chain(same_subject).copied());
        debug_assert_eq!(
            found,
            best(
                &mut self
                    .nearby_facts(&relations, &asked_fact.subject)
                    .into_iter()
            ),
            "the facts weighed beside fact {asked} leave out the best"
        );
        found
    }

    /// Every fact of these relations or of this subject, each once: what
    /// [`Self::parallel_fact`]'s search is checked against in debug builds.
    fn nearby_facts(&self, relations: &[&str], subject: &str) -> Vec<usize> {
        let mut nearby: Vec<usize> = relations
            .iter()
            .flat_map(|relation| self.index.facts_of_relation(relation))
            .chain(self.index.facts_with_subject(subject))
            .copied()
            .collect();
        nearby.sort_unstable();
        nearby.dedup();
        nearby
    }

    /// The known entities a fact links to this one, either way, by position (repeats kept).
    fn neighbours(&self, id: &str) -> impl Iterator<Item = usize> + '_ {
        let objects = self.index.facts_with_subject(id).iter();
        let subjects = self.index.facts_with_object(id).iter();
        objects
            .filter_map(|&fact| self.entity_position(self.index.object_of(fact)))
            .chain(subjects.filter_map(|&fact| self.entity_position(self.index.subject_of(fact))))
    }

    /// The position of a fact's entity (see [`Index::subject_of`](super::super::index::Index)).
    fn entity_position(&self, entity: Option<&crate::facts::Entity>) -> Option<usize> {
        entity.and_then(|entity| self.index.position(entity))
    }

    /// [`Self::neighbours`] as a set over entity positions.
    fn neighbour_set(&self, id: &str) -> Vec<bool> {
        let mut set = vec![false; self.index.base.entities.len()];
        for position in self.neighbours(id) {
            set[position] = true;
        }
        set
    }

    /// How closely two entities belong together: 2 when a fact links them, 1 when both are linked
    /// to one entity that is not the quiz's own subject (everything is linked to that), 0 otherwise.
    /// `mine` is the first one's [`Self::neighbour_set`]; the other is the subject of fact `other`
    /// (0 when that subject is unknown).
    fn belong_together(&self, one: &str, mine: &[bool], other: usize) -> u8 {
        debug_assert_eq!(mine, self.neighbour_set(one));
        let Some(position) = self.entity_position(self.index.subject_of(other)) else {
            return 0;
        };
        if mine[position] {
            return 2;
        }
        let entities = &self.index.base.entities;
        let id = &entities[position].id;
        let shared = self
            .neighbours(id)
            .any(|theirs| mine[theirs] && !entities[theirs].main);
        u8::from(shared)
    }
}

/// Whether two values of this type read as two figures of one kind, set side by side: dates,
/// amounts, scores; not free text or counts of different things.
fn comparable(value_type: ValueType) -> bool {
    matches!(
        value_type,
        ValueType::Date
            | ValueType::Duration
            | ValueType::Money
            | ValueType::Percentage
            | ValueType::Score
            | ValueType::Age
    )
}
