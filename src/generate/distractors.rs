//! Surely-wrong options: which entities, values and quotations the facts prove wrong for a question,
//! and which must never be offered because a player could read them as right.
//!
//! Closed relations (one-valued, or a complete list) rule out every other entity of the answer's kind;
//! open lists rule out only what an undisputed fact links by a disjoint relation. A disputed fact never
//! rules anything out, but any fact, disputed or not, keeps its object from being called wrong.

use super::index::{HashMap, Index};
use crate::facts::{Cardinality, Entity, Fact, FactBase, Object, Relation, Value, ValueType};

use super::phrasing::normalise;

/// How [`Index::same_name`] compares a normalised name: without its padding and a leading "the".
fn name_key(name: &str) -> &str {
    // A normalised name is its words with one space each side: no other white space to trim.
    let name = name
        .strip_prefix(' ')
        .and_then(|name| name.strip_suffix(' '))
        .unwrap_or_else(|| name.trim());
    name.strip_prefix("the ").unwrap_or(name)
}

/// Each entity's normalised names as [`Index::same_name`] compares them (see [`name_key`]), by
/// entity position.
pub(super) fn name_keys(names: &[Vec<String>]) -> Vec<Vec<String>> {
    names
        .iter()
        .map(|names| {
            names
                .iter()
                .map(|name| name_key(name).to_string())
                .collect()
        })
        .collect()
}

/// The words of each entity's normalised names (see [`Index::mentions_any_name_word`]) of three
/// letters or more other than small words, name by name, by entity position.
pub(super) fn name_words(names: &[Vec<String>]) -> Vec<Vec<String>> {
    const SMALL: [&str; 6] = ["the", "and", "for", "with", "from", "inc"];
    names
        .iter()
        .map(|names| {
            names
                .iter()
                .flat_map(|name| name.split_whitespace())
                .filter(|word| word.chars().count() >= 3 && !SMALL.contains(word))
                .map(str::to_string)
                .collect()
        })
        .collect()
}

impl<'a> Index<'a> {
    /// Whether `haystack` (already [`normalise`]d) names the entity, by its name or an alias, as whole
    /// words: such an entity makes a silly wrong option ("Did Jimmy Iovine say this about Jimmy
    /// Iovine?").
    pub(crate) fn mentioned_in(&self, haystack: &str, entity: &Entity) -> bool {
        self.names(entity)
            .iter()
            .any(|name| super::phrasing::mentions_normalised(haystack, name))
    }

    /// Other entities shown under the same name as `id` (the 1958 film for the series).
    pub(crate) fn homonyms_of(&self, id: &str) -> Vec<&'a str> {
        let Some(&position) = self.entity_position.get(id) else {
            return Vec::new();
        };
        self.homonyms[position]
            .iter()
            .map(|&other| self.base.entities[other].id.as_str())
            .collect()
    }

    /// Whether `subject`'s objects by `relation` include an entity of another kind that a fact links to
    /// `anchor` either way (a song by N.W.A for "Which of these was recorded by Dr. Dre?", Dre being in
    /// N.W.A): such a subject could fairly be called right.
    pub(crate) fn object_close_to(&self, subject: &str, relation: &str, anchor: &str) -> bool {
        let facts = self.facts_about(subject, relation);
        if facts.is_empty() {
            return false;
        }
        let anchor_kind = self.entity(anchor).map(|entity| entity.kind.as_str());
        facts.iter().any(|&index| {
            let Object::Entity(other) = &self.fact(index).object else {
                return false;
            };
            // Only a link across kinds (a person in a group) makes the other one's work partly the
            // anchor's; a spouse's film is not. (The object by position, as `entity` finds it.)
            if self.object_of(index).map(|entity| entity.kind.as_str()) == anchor_kind {
                return false;
            }
            self.facts_with_subject(other)
                .iter()
                .any(|&link| matches!(&self.fact(link).object, Object::Entity(id) if id == anchor))
                || self
                    .facts_with_object(other)
                    .iter()
                    .any(|&link| self.fact(link).subject == anchor)
        })
    }

    /// Whether the entity's shown name is shared with another entity (see `Index::homonym`).
    pub(crate) fn is_homonym(&self, entity: &Entity) -> bool {
        self.position(entity)
            .is_some_and(|position| self.homonym[position])
    }

    /// Whether `haystack` (already [`normalise`]d) names the entity by any single word of its name,
    /// display name or aliases of three letters or more ("Allen" for Allen Hughes, "Dre" for Dr. Dre):
    /// a quotation that does speaks of the person in the third person, so it is not theirs to say.
    pub(crate) fn mentions_any_name_word(&self, haystack: &str, entity: &Entity) -> bool {
        let words = self
            .position(entity)
            .map_or(&[][..], |position| self.name_words[position].as_slice());
        debug_assert_eq!(
            words,
            name_words(std::slice::from_ref(&self.names(entity).to_vec()))[0]
        );
        // The normaliser folds a possessive into the word ("Dre's" reads "dres").
        words.iter().any(|word| {
            super::search::occurrences(haystack, word).any(|at| {
                let after = &haystack[at + word.len()..];
                haystack[..at].ends_with(' ') && (after.starts_with(' ') || after.starts_with("s "))
            })
        })
    }

    /// Whether two entities could be confused as answers: a name or alias in common (case, accents,
    /// punctuation and a leading "the" ignored).
    pub(crate) fn same_name(&self, a: &Entity, b: &Entity) -> bool {
        let afresh = || {
            self.names(b).iter().any(|name| {
                self.names(a)
                    .iter()
                    .any(|other| name_key(other) == name_key(name))
            })
        };
        match (self.position(a), self.position(b)) {
            (Some(a), Some(b)) => {
                // The keys are worked out once per entity.
                let same = self.name_keys[b]
                    .iter()
                    .any(|name| self.name_keys[a].contains(name));
                debug_assert_eq!(same, afresh());
                same
            }
            _ => afresh(),
        }
    }

    /// Whether `other` is too close to `answer` to be offered as wrong: the same name or alias, or
    /// linked to it by a fact between entities of one kind (a place that contains the answer, a person
    /// married to it).
    pub(crate) fn confusable(&self, answer: &Entity, other: &Entity) -> bool {
        if self.same_name(answer, other) {
            return true;
        }
        match (self.position(answer), self.position(other)) {
            (Some(answer), Some(other)) => self.kin[answer].binary_search(&other).is_ok(),
            _ => false,
        }
    }

    /// Whether the entity plays the very role `relation` names for some subject, or is the author's
    /// candidate for it: a closer wrong option than one playing a sibling role.
    pub(crate) fn plays_role(&self, entity: &Entity, relation: &str) -> bool {
        entity.candidate_for.iter().any(|id| id == relation)
            || self
                .relation_objects
                .get(relation)
                .is_some_and(|objects| objects.contains(&entity.id.as_str()))
    }

    /// Entities of `kind` that are surely not objects of `relation` for `subject`, each with whether it
    /// is a plausible answer (an object of the same relation for another subject).
    ///
    /// A closed relation (one-valued, or a complete list) rules out every other entity of the kind; an
    /// open list rules out only entities that an undisputed fact links to the subject by a disjoint
    /// relation. An entity any fact (disputed or not) links to the subject by `relation` never counts.
    pub(crate) fn surely_not_objects(
        &self,
        subject: &str,
        relation: &Relation,
        kind: &str,
    ) -> Vec<(&'a Entity, bool)> {
        let plausible = self
            .relation_objects
            .get(relation.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let linked: Vec<&str> = self
            .facts_about(subject, &relation.id)
            .iter()
            .filter_map(|&index| match &self.fact(index).object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            })
            .collect();
        let keep = |entity: &Entity| {
            entity.kind == kind
                && entity.id != subject
                && !linked.contains(&entity.id.as_str())
                && !self.is_homonym(entity)
                && (!self.only_a_candidate(entity) || entity.candidate_for.contains(&relation.id))
        };
        let siblings = self
            .sibling_objects
            .get(relation.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        // Objects of the same relation for an entity shown under the subject's name (the 1958 film's
        // director for "Who directed The Defiant Ones?") could be read as right.
        let homonym_objects: Vec<&str> = self
            .homonyms_of(subject)
            .into_iter()
            .flat_map(|other| self.facts_about(other, &relation.id))
            .filter_map(|&index| match &self.fact(index).object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            })
            .collect();
        if relation.is_closed() {
            return self
                .entities_of_kind(kind)
                .filter(|entity| keep(entity))
                .filter(|entity| !homonym_objects.contains(&entity.id.as_str()))
                .map(|entity| {
                    let fits = plausible.contains(&entity.id.as_str())
                        || siblings.contains(&entity.id.as_str())
                        || entity.candidate_for.contains(&relation.id);
                    (entity, fits)
                })
                .collect();
        }
        let mut out: Vec<(&Entity, bool)> = Vec::new();
        for other in self.disjoint_with(&relation.id) {
            for &index in self.facts_about(subject, other) {
                if self.disputed[index] {
                    continue;
                }
                let Object::Entity(id) = &self.fact(index).object else {
                    continue;
                };
                let Some(entity) = self.entity(id) else {
                    continue;
                };
                if keep(entity) && !out.iter().any(|(seen, _)| seen.id == entity.id) {
                    // Ruled out, but in another role (a critic among the people interviewed): wrong
                    // for sure, yet the answer would stand out among such options.
                    let fits = plausible.contains(&entity.id.as_str())
                        || siblings.contains(&entity.id.as_str());
                    out.push((entity, fits));
                }
            }
        }
        out.sort_by_key(|(entity, _)| self.entity_position[entity.id.as_str()]);
        out
    }

    /// The undisputed fact that rules `object` out for `subject` by an open relation: one linking them
    /// by a relation declared disjoint with it.
    pub(crate) fn ruling_out(&self, subject: &str, relation: &str, object: &str) -> Option<usize> {
        self.disjoint_with(relation).iter().find_map(|other| {
            self.facts_about(subject, other)
                .iter()
                .copied()
                .find(|&index| {
                    !self.disputed[index]
                        && matches!(&self.fact(index).object, Object::Entity(id) if id == object)
                })
        })
    }

    /// Entities of `kind` that are surely not subjects linking to entity `object` by `relation`: for a
    /// closed relation, subjects whose undisputed facts of that relation point elsewhere; for an open
    /// one, subjects an undisputed fact links to `object` by a disjoint relation.
    pub(crate) fn surely_not_subjects(
        &self,
        object: &str,
        relation: &Relation,
        kind: &str,
    ) -> Vec<&'a Entity> {
        let keep = |entity: &Entity| {
            entity.kind == kind
                && entity.id != object
                && !self.linked(&entity.id, &relation.id, object)
                && !self.is_homonym(entity)
                && !self.object_close_to(&entity.id, &relation.id, object)
        };
        if relation.is_closed() {
            // Most entities of the kind have no fact of the relation: that is read first.
            return self
                .entities_of_kind(kind)
                .filter(|entity| {
                    self.facts_about(&entity.id, &relation.id)
                        .iter()
                        .any(|&index| !self.disputed[index])
                })
                .filter(|entity| keep(entity))
                .collect();
        }
        let mut out: Vec<&Entity> = Vec::new();
        for other in self.disjoint_with(&relation.id) {
            for &index in self.facts_pointing_at(object, other) {
                if self.disputed[index] {
                    continue;
                }
                // The subject entity, as `Index::entity` finds it by id.
                let Some(entity) = self.subject_of(index) else {
                    continue;
                };
                if keep(entity) && !out.iter().any(|seen| seen.id == entity.id) {
                    out.push(entity);
                }
            }
        }
        // Each entity's position looked up once, not at every comparison.
        out.sort_by_cached_key(|entity| self.entity_position[entity.id.as_str()]);
        out
    }

    /// People (of `kind`) who surely did not say or write these words: every entity of the kind that no
    /// fact records with the same words. The sources attribute each quotation to its speaker, so the
    /// recorded speaker is the only one. Each comes with whether it is quoted elsewhere (plausible).
    pub(crate) fn surely_not_speakers(&self, words: &str, kind: &str) -> Vec<(&'a Entity, bool)> {
        let speakers = self
            .quote_speakers
            .get(words)
            .map_or(&[][..], Vec::as_slice);
        self.entities_of_kind(kind)
            .filter(|entity| {
                !speakers.contains(&entity.id.as_str())
                    && !self.is_homonym(entity)
                    && !self.only_a_candidate(entity)
            })
            .map(|entity| {
                let quoted = self
                    .position(entity)
                    .is_some_and(|position| self.quoted[position]);
                (entity, quoted)
            })
            .collect()
    }

    /// Undisputed quotations by other speakers that `subject` is not recorded as saying or writing.
    pub(crate) fn quotes_not_by(&self, subject: &str) -> Vec<usize> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for (index, words) in &self.quotes {
            let speakers = self
                .quote_speakers
                .get(words)
                .map_or(&[][..], Vec::as_slice);
            if speakers.contains(&subject) || seen.contains(&words.as_str()) {
                continue;
            }
            seen.push(words);
            out.push(*index);
        }
        out
    }

    /// Text values that are surely wrong for `subject` by a one-valued relation: the values other
    /// subjects have by it (undisputed), unlike every value `subject` has.
    pub(crate) fn other_text_values(&self, subject: &str, relation: &Relation) -> Vec<&'a str> {
        if relation.cardinality != Cardinality::One
            || relation.value_type() != Some(ValueType::Text)
        {
            return Vec::new();
        }
        let own: Vec<String> = self
            .facts_about(subject, &relation.id)
            .iter()
            .filter_map(|&index| text_of(self.fact(index)))
            .map(normalise)
            .collect();
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for &index in self.base.facts_of_relation(&relation.id) {
            let fact = self.fact(index);
            if self.disputed[index] || fact.subject == subject {
                continue;
            }
            let Some(text) = text_of(fact) else { continue };
            let key = normalise(text);
            let overlaps = own
                .iter()
                .chain(seen.iter())
                .any(|other| other.contains(&key) || key.contains(other.as_str()));
            if !overlaps {
                seen.push(key);
                out.push(text);
            }
        }
        out
    }
}

/// The kin table of [`Index::confusable`].
pub(super) fn kin(base: &FactBase, positions: &HashMap<&str, usize>) -> Vec<Vec<usize>> {
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); base.entities.len()];
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); base.entities.len()];
    for fact in &base.facts {
        let Object::Entity(object) = &fact.object else {
            continue;
        };
        let (Some(&subject), Some(&object)) = (
            positions.get(fact.subject.as_str()),
            positions.get(object.as_str()),
        ) else {
            continue;
        };
        if subject != object && base.entities[subject].kind == base.entities[object].kind {
            near[subject].push(object);
            near[object].push(subject);
            up[subject].push(object);
        }
    }
    (0..base.entities.len())
        .map(|start| {
            let mut found: Vec<usize> = near[start].clone();
            let mut frontier: Vec<usize> = up[start].clone();
            while let Some(next) = frontier.pop() {
                for &above in &up[next] {
                    if above != start && !found.contains(&above) {
                        found.push(above);
                        frontier.push(above);
                    }
                }
            }
            found.sort_unstable();
            found.dedup();
            found
        })
        .collect()
}

fn text_of(fact: &Fact) -> Option<&str> {
    match &fact.object {
        Object::Value(Value::Text { text }) => Some(text),
        _ => None,
    }
}
