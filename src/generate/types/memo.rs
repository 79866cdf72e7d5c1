//! What the question builders work out more than once for the same fact, kept the first time: two
//! kinds of question about one quotation offer the same wrong speakers. Every entry is a pure function
//! of the fact base, so the cache only saves the repeated work.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use crate::facts::{Entity, Object, Relation, Value};

use super::super::index::HashMap;
use super::super::matching::NormalisedTexts;

use super::Context;
use super::quote::closest_speakers;

/// Entities by position, each marked (see [`Context::surely_not_objects`]).
type Marked = Rc<[(usize, bool)]>;

/// A subject or object, a relation id and a kind: what the lists of surely wrong entities are kept by.
type ByEnd<T> = RefCell<HashMap<(String, String, String), T>>;

/// The builders' cache.
/// Entities are kept by position: a cell holding a reference would tie the context to one lifetime.
pub(super) struct Memo {
    /// Texts normalised once each: options, answers, prompts.
    pub(super) texts: NormalisedTexts,
    /// The speakers offered as wrong for each quote fact (see [`Context::speaker_pool`]).
    speaker_pools: Vec<OnceCell<Vec<(usize, bool)>>>,
    /// The entities surely not objects of a subject by a relation (see
    /// [`Context::surely_not_objects`]), by subject, relation and kind.
    not_objects: ByEnd<Marked>,
    /// The entities surely not subjects of an object by a relation (see
    /// [`Context::surely_not_subjects`]), by object, relation and kind.
    not_subjects: ByEnd<Rc<[usize]>>,
}

impl Memo {
    /// An empty cache for `facts` facts.
    pub(super) fn new(facts: usize) -> Self {
        Memo {
            texts: NormalisedTexts::with_capacity(facts * 4),
            speaker_pools: (0..facts).map(|_| OnceCell::new()).collect(),
            not_objects: RefCell::default(),
            not_subjects: RefCell::default(),
        }
    }
}

impl<'a> Context<'a> {
    /// The text normalised (see [`normalise`](super::super::phrasing::normalise)), worked out once per
    /// text.
    pub(crate) fn normalised(&self, text: &str) -> Rc<str> {
        self.memo.texts.of(text)
    }

    /// The people who could have said the words of a quote fact but surely did not, marked whether
    /// each is among the closest to offer (see [`closest_speakers`]); empty for another fact.
    pub(crate) fn speaker_pool(&self, fact_index: usize) -> Vec<(&'a Entity, bool)> {
        let pool = self.memo.speaker_pools[fact_index].get_or_init(|| {
            let fact = self.index.fact(fact_index);
            let (Object::Value(Value::Quote { text }), Some(speaker)) =
                (&fact.object, self.index.entity(&fact.subject))
            else {
                return Vec::new();
            };
            let pool = self
                .index
                .surely_not_speakers(&self.normalised(text), &speaker.kind);
            closest_speakers(self, fact_index, pool)
                .into_iter()
                .filter_map(|(entity, fits)| Some((self.index.position(entity)?, fits)))
                .collect()
        });
        self.entities_at(pool)
    }

    /// [`Index::surely_not_objects`](super::super::index::Index), worked out once for each subject,
    /// relation and kind.
    pub(crate) fn surely_not_objects(
        &self,
        subject: &str,
        relation: &Relation,
        kind: &str,
    ) -> Vec<(&'a Entity, bool)> {
        let key = (subject.to_owned(), relation.id.clone(), kind.to_owned());
        let known = self.memo.not_objects.borrow().get(&key).cloned();
        let pool = known.unwrap_or_else(|| {
            let pool: Marked = self
                .index
                .surely_not_objects(subject, relation, kind)
                .into_iter()
                .filter_map(|(entity, fits)| Some((self.index.position(entity)?, fits)))
                .collect();
            self.memo
                .not_objects
                .borrow_mut()
                .insert(key, Rc::clone(&pool));
            pool
        });
        self.entities_at(&pool)
    }

    /// [`Index::surely_not_subjects`](super::super::index::Index), worked out once for each object,
    /// relation and kind.
    pub(crate) fn surely_not_subjects(
        &self,
        object: &str,
        relation: &Relation,
        kind: &str,
    ) -> Vec<&'a Entity> {
        let key = (object.to_owned(), relation.id.clone(), kind.to_owned());
        let known = self.memo.not_subjects.borrow().get(&key).cloned();
        let pool = known.unwrap_or_else(|| {
            let pool: Rc<[usize]> = self
                .index
                .surely_not_subjects(object, relation, kind)
                .into_iter()
                .filter_map(|entity| self.index.position(entity))
                .collect();
            self.memo
                .not_subjects
                .borrow_mut()
                .insert(key, Rc::clone(&pool));
            pool
        });
        let entities = &self.index.base.entities;
        pool.iter().map(|&position| &entities[position]).collect()
    }

    /// The entities at these positions, each with its mark.
    fn entities_at(&self, pool: &[(usize, bool)]) -> Vec<(&'a Entity, bool)> {
        let entities = &self.index.base.entities;
        pool.iter()
            .map(|&(position, fits)| (&entities[position], fits))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::facts::{FactBase, load_paths};
    use crate::generate::index::Index;
    use crate::generate::phrasing::normalise;

    use super::*;

    /// The shipped base and every fact base under `tests/data/facts`.
    fn fact_bases() -> Vec<FactBase> {
        let mut bases = vec![FactBase::embedded().expect("the shipped base loads")];
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/facts");
        for entry in std::fs::read_dir(dir).expect("test fact bases") {
            let path = entry.expect("a directory entry").path();
            if let Ok(base) = load_paths(&[path]) {
                bases.push(base);
            }
        }
        bases
    }

    #[test]
    fn a_kind_kept_per_entity_is_the_one_worked_out_afresh() {
        for base in fact_bases() {
            let index = Index::new(&base);
            for entity in &base.entities {
                let person = base.kinds.is_a(&entity.kind, "person");
                let group = base.kinds.is_a(&entity.kind, "group");
                assert_eq!(index.is_person(entity), person, "{}", entity.id);
                assert_eq!(index.is_thing(entity), !person && !group, "{}", entity.id);
            }
        }
    }

    #[test]
    fn a_speaker_pool_is_the_one_worked_out_afresh_every_time() {
        let mut quotes = 0;
        for base in fact_bases() {
            let cx = Context::new(Index::new(&base));
            for (fact_index, fact) in base.facts.iter().enumerate() {
                let Object::Value(Value::Quote { text }) = &fact.object else {
                    assert!(cx.speaker_pool(fact_index).is_empty());
                    continue;
                };
                let Some(speaker) = cx.index.entity(&fact.subject) else {
                    continue;
                };
                quotes += 1;
                let afresh = closest_speakers(
                    &cx,
                    fact_index,
                    cx.index
                        .surely_not_speakers(&normalise(text), &speaker.kind),
                );
                let ids = |pool: Vec<(&Entity, bool)>| -> Vec<(String, bool)> {
                    pool.into_iter()
                        .map(|(entity, fits)| (entity.id.clone(), fits))
                        .collect()
                };
                let afresh = ids(afresh);
                assert_eq!(ids(cx.speaker_pool(fact_index)), afresh);
                assert_eq!(
                    ids(cx.speaker_pool(fact_index)),
                    afresh,
                    "kept as first worked out"
                );
            }
        }
        assert!(quotes > 10, "the bases quote people: {quotes}");
    }

    #[test]
    fn the_entities_surely_not_objects_or_subjects_are_the_ones_worked_out_afresh_every_time() {
        let mut asked = 0;
        for base in fact_bases() {
            let cx = Context::new(Index::new(&base));
            for fact in &base.facts {
                let (Object::Entity(object), Some(relation)) =
                    (&fact.object, cx.index.relation(fact))
                else {
                    continue;
                };
                let Some(object) = cx.index.entity(object) else {
                    continue;
                };
                // The fact's own subject, and its object as a subject of the same relation.
                for (subject, kind) in [(&fact.subject, &object.kind), (&object.id, &object.kind)] {
                    asked += 1;
                    let ids = |pool: Vec<(&Entity, bool)>| -> Vec<(String, bool)> {
                        pool.into_iter()
                            .map(|(entity, fits)| (entity.id.clone(), fits))
                            .collect()
                    };
                    let afresh = ids(cx.index.surely_not_objects(subject, relation, kind));
                    for _ in 0..2 {
                        assert_eq!(ids(cx.surely_not_objects(subject, relation, kind)), afresh);
                    }
                    let names = |pool: Vec<&Entity>| -> Vec<String> {
                        pool.into_iter().map(|entity| entity.id.clone()).collect()
                    };
                    let afresh = names(cx.index.surely_not_subjects(subject, relation, kind));
                    for _ in 0..2 {
                        assert_eq!(
                            names(cx.surely_not_subjects(subject, relation, kind)),
                            afresh
                        );
                    }
                }
            }
        }
        assert!(asked > 100, "the bases link entities: {asked}");
    }

    #[test]
    fn a_fact_s_entities_are_the_ones_its_ids_name() {
        for base in fact_bases() {
            let index = Index::new(&base);
            for (position, fact) in base.facts.iter().enumerate() {
                let object = match &fact.object {
                    Object::Entity(id) => index.entity(id),
                    Object::Value(_) => None,
                };
                assert!(std::ptr::eq(
                    index.subject_of(position).map_or(std::ptr::null(), |e| e),
                    index.entity(&fact.subject).map_or(std::ptr::null(), |e| e)
                ));
                assert!(std::ptr::eq(
                    index.object_of(position).map_or(std::ptr::null(), |e| e),
                    object.map_or(std::ptr::null(), |e| e)
                ));
            }
        }
    }
}
