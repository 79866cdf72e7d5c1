//! Lookups over a fact base that the question builders need many times: facts by subject and by
//! object, entities by kind, disjoint relations, and whether a fact is disputed. Built once per
//! [`Generator`](super::Generator); a hash map is looked up, or iterated only where the order cannot
//! matter (the best of distinct facts), so the output never depends on hashing order.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::facts::{Entity, Fact, FactBase, Object, Relation, Value};

use super::phrasing::normalise;

/// A fast hash for the lookup tables, eight bytes at a time (in the manner of rustc's FxHash): ids
/// and words are short, and these maps are only ever looked up, never iterated, so a fast hash cannot
/// change any output.
#[derive(Default)]
pub(super) struct FastHash(u64);

/// The odd multiplier of FxHash.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHash {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHash {
    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits and tags by the high ones: fold the high bits in.
        self.0 ^ (self.0 >> 29)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }
}

pub(super) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FastHash>>;

/// An empty table with room for `entries`.
fn sized<K, V>(entries: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(entries, Default::default())
}
pub(super) type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHash>>;

/// Precomputed indexes over one fact base.
pub(crate) struct Index<'a> {
    pub base: &'a FactBase,
    entities_by_kind: HashMap<&'a str, Vec<usize>>,
    pub(super) entity_position: HashMap<&'a str, usize>,
    /// subject → relation → facts.
    by_subject: HashMap<&'a str, HashMap<&'a str, Vec<usize>>>,
    /// object entity → relation → facts.
    by_object: HashMap<&'a str, HashMap<&'a str, Vec<usize>>>,
    disjoint: HashMap<&'a str, Vec<&'a str>>,
    /// For each relation id, the relations declaring themselves `alike` to it, in declaration order.
    alike_to: HashMap<&'a str, Vec<&'a str>>,
    /// For each relation, the object entities of its undisputed facts, first seen first.
    pub(super) relation_objects: HashMap<&'a str, Vec<&'a str>>,
    pub(super) disputed: Vec<bool>,
    /// Undisputed quote facts with their normalised words.
    pub quotes: Vec<(usize, String)>,
    /// The positions of the quiz's own subjects (entities marked `main`), in declaration order.
    pub(super) main_entities: Vec<usize>,
    /// Each speaker's undisputed quote facts, in fact order.
    quotes_by_speaker: HashMap<&'a str, Vec<usize>>,
    /// Normalised quote words → subjects any fact says spoke or wrote them.
    pub(super) quote_speakers: HashMap<String, Vec<&'a str>>,
    /// The latest year any date in the fact base names (facts, qualifiers, articles).
    pub latest_year: i32,
    /// Every fact with the entity as subject, in fact order.
    by_subject_any: HashMap<&'a str, Vec<usize>>,
    /// Every fact by relation, in fact order.
    by_relation: HashMap<&'a str, Vec<usize>>,
    /// Every fact with the entity as object, in fact order.
    by_object_any: HashMap<&'a str, Vec<usize>>,
    /// Each entity's name and aliases, normalised (see [`normalise`]), by entity position.
    pub(super) names: Vec<Vec<String>>,
    /// The words of each entity's names that a text may name it by (see
    /// [`super::distractors::name_words`]), by entity position.
    pub(super) name_words: Vec<Vec<String>>,
    /// Each entity's names as [`Index::same_name`] compares them, by entity position.
    pub(super) name_keys: Vec<Vec<String>>,
    /// Whether an undisputed quote fact has the entity as its speaker, by entity position.
    pub(super) quoted: Vec<bool>,
    /// For each entity (by position), the positions of the entities of its own kind that a fact links
    /// it to, either way, and of those above it in a chain of same-kind facts (Compton → California),
    /// sorted: wrong options that might be read as right ("Dr. Dre comes from California").
    pub(super) kin: Vec<Vec<usize>>,
    /// Whether the entity's shown name is also another entity's name or shown name ("The Defiant Ones"
    /// for the 1958 film and the series): never offered as a wrong option, as it could be read as the
    /// other one.
    pub(super) homonym: Vec<bool>,
    /// For each entity (by position), the others sharing its name or shown name, in declaration order.
    pub(super) homonyms: Vec<Vec<usize>>,
    /// For each relation, the object entities of undisputed facts of its sibling relations (declared
    /// `alike`): entities that play a neighbouring role.
    pub(super) sibling_objects: HashMap<&'a str, Vec<&'a str>>,
    /// How a sentence names each entity ("the Langham Hotel", “Let Me Ride”, "the series"), by position.
    sentence_names: Vec<String>,
    /// How an option names each entity ("The Langham Hotel"), by position.
    option_names: Vec<String>,
    /// How a sentence names each entity once it has been named in full ("Hughes"), by position.
    short_names: Vec<String>,
    /// Each option name to the first entity shown so.
    option_position: HashMap<String, usize>,
    /// Each fact's interest: its own, or its relation's (2 when neither says).
    interest: Vec<u8>,
    /// Each unique name to the entities bearing it.
    by_name: HashMap<&'a str, Vec<usize>>,
    /// The parts each entity plays in the facts other than quotations: (relation, as its subject).
    roles: HashMap<&'a str, Vec<(&'a str, bool)>>,
    /// Each fact's relation, by fact position.
    fact_relations: Vec<Option<&'a Relation>>,
    /// Each fact's subject and object entities (`None` for a value or an unknown id), by fact position.
    fact_entities: Vec<(Option<usize>, Option<usize>)>,
    /// Each entity's facts (see [`Index::facts_by_interest`]), by position.
    interest_groups: Vec<Vec<(u8, Vec<usize>)>>,
    /// The words that open a mention of each entity's names (see [`super::mentions`]).
    pub(super) opening_words: super::mentions::OpeningWords,
    /// Whether each entity is a person (its kind is or lies under `person`), by position.
    people: Vec<bool>,
    /// Whether "it" may stand for each entity: neither a person nor a group, by position.
    things: Vec<bool>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(base: &'a FactBase) -> Index<'a> {
        // Tables keyed by entity are sized for every entity up front: growing rehashes them.
        let entities = base.entities.len();
        let mut entities_by_kind: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut entity_position: HashMap<&str, usize> = sized(entities);
        for (position, entity) in base.entities.iter().enumerate() {
            entities_by_kind
                .entry(entity.kind.as_str())
                .or_default()
                .push(position);
            entity_position
                .entry(entity.id.as_str())
                .or_insert(position);
        }
        let disputed: Vec<bool> = (0..base.facts.len())
            .map(|index| base.is_disputed(index))
            .collect();
        let mut by_subject: HashMap<&str, HashMap<&str, Vec<usize>>> = sized(entities);
        let mut by_object: HashMap<&str, HashMap<&str, Vec<usize>>> = sized(entities);
        let mut relation_objects: HashMap<&str, Vec<&str>> = HashMap::default();
        let mut quotes = Vec::new();
        let mut quote_speakers: HashMap<String, Vec<&str>> = HashMap::default();
        let mut latest_year = i32::MIN;
        let mut by_subject_any: HashMap<&str, Vec<usize>> = sized(entities);
        let mut by_object_any: HashMap<&str, Vec<usize>> = sized(entities);
        let mut by_relation: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut roles: HashMap<&str, Vec<(&str, bool)>> = sized(entities);
        for (index, fact) in base.facts.iter().enumerate() {
            let mut plays = |id: &'a str, role: (&'a str, bool)| {
                let list = roles.entry(id).or_default();
                if !list.contains(&role) {
                    list.push(role);
                }
            };
            match &fact.object {
                Object::Value(Value::Quote { .. }) => {}
                Object::Value(_) => plays(&fact.subject, (&fact.relation, true)),
                Object::Entity(id) => {
                    plays(&fact.subject, (&fact.relation, true));
                    plays(id, (&fact.relation, false));
                }
            }
            by_subject_any
                .entry(fact.subject.as_str())
                .or_default()
                .push(index);
            by_relation
                .entry(fact.relation.as_str())
                .or_default()
                .push(index);
            if let Object::Entity(id) = &fact.object {
                by_object_any.entry(id.as_str()).or_default().push(index);
            }
            by_subject
                .entry(fact.subject.as_str())
                .or_default()
                .entry(fact.relation.as_str())
                .or_default()
                .push(index);
            match &fact.object {
                Object::Entity(id) => {
                    by_object
                        .entry(id.as_str())
                        .or_default()
                        .entry(fact.relation.as_str())
                        .or_default()
                        .push(index);
                    if !disputed[index] {
                        let objects = relation_objects.entry(fact.relation.as_str()).or_default();
                        if !objects.contains(&id.as_str()) {
                            objects.push(id.as_str());
                        }
                    }
                }
                Object::Value(Value::Quote { text }) => {
                    let words = normalise(text);
                    quote_speakers
                        .entry(words.clone())
                        .or_default()
                        .push(fact.subject.as_str());
                    if !disputed[index] {
                        quotes.push((index, words));
                    }
                }
                Object::Value(value) => {
                    if let Some(date) = value.date() {
                        latest_year = latest_year.max(date.year);
                    }
                    if let Value::Age { as_of, .. } = value {
                        latest_year = latest_year.max(as_of.year);
                    }
                }
            }
            if let Some(date) = fact.qualifiers.as_of {
                latest_year = latest_year.max(date.year);
            }
            if let Some(year) = fact.qualifiers.year {
                latest_year = latest_year.max(i32::try_from(year).unwrap_or(i32::MIN));
            }
        }
        for article in &base.articles {
            if let Some(date) = article.written {
                latest_year = latest_year.max(date.year);
            }
        }
        let mut disjoint: HashMap<&str, Vec<&str>> = HashMap::default();
        for relation in &base.relations {
            for other in &relation.disjoint_with {
                for (from, to) in [
                    (relation.id.as_str(), other.as_str()),
                    (other.as_str(), relation.id.as_str()),
                ] {
                    let list = disjoint.entry(from).or_default();
                    if !list.contains(&to) {
                        list.push(to);
                    }
                }
            }
        }
        // Each entity's name normalised, once: its names below and the homonym check read it.
        let normalised_names: Vec<String> = base
            .entities
            .iter()
            .map(|entity| normalise(&entity.name))
            .collect();
        let mut alike_to: HashMap<&str, Vec<&str>> = HashMap::default();
        for relation in &base.relations {
            for target in &relation.alike {
                let list = alike_to.entry(target.as_str()).or_default();
                if list.last() != Some(&relation.id.as_str()) {
                    list.push(&relation.id);
                }
            }
        }
        let names: Vec<Vec<String>> = base
            .entities
            .iter()
            .zip(&normalised_names)
            .map(|(entity, name)| {
                std::iter::once(name.clone())
                    .chain(
                        entity
                            .display
                            .iter()
                            .chain(&entity.aliases)
                            .map(|name| normalise(name)),
                    )
                    .filter(|name| !name.trim().is_empty())
                    .collect()
            })
            .collect();
        let mut quotes_by_speaker: HashMap<&str, Vec<usize>> = HashMap::default();
        for &(index, _) in &quotes {
            quotes_by_speaker
                .entry(base.facts[index].subject.as_str())
                .or_default()
                .push(index);
        }
        let quoted = base
            .entities
            .iter()
            .map(|entity| quotes_by_speaker.contains_key(entity.id.as_str()))
            .collect();
        let kin = super::distractors::kin(base, &entity_position);
        let homonym = {
            // Each entity's name and shown name, normalised once.
            let normalised_names: Vec<[String; 2]> = base
                .entities
                .iter()
                .zip(normalised_names)
                .map(|(entity, name)| {
                    debug_assert_eq!(name, normalise(&entity.name));
                    let shown = if entity.display_name() == entity.name {
                        name.clone()
                    } else {
                        normalise(entity.display_name())
                    };
                    [name, shown]
                })
                .collect();
            let mut owners: HashMap<&str, Vec<usize>> = sized(entities * 2);
            for (position, names) in normalised_names.iter().enumerate() {
                for name in names {
                    let list = owners.entry(name.as_str()).or_default();
                    if !list.contains(&position) {
                        list.push(position);
                    }
                }
            }
            let homonym: Vec<bool> = normalised_names
                .iter()
                .map(|[_, shown]| {
                    owners
                        .get(shown.as_str())
                        .is_some_and(|list| list.len() > 1)
                })
                .collect();
            // Others sharing a name or shown name with each entity, in declaration order.
            let shared: Vec<Vec<usize>> = normalised_names
                .iter()
                .enumerate()
                .map(|(position, names)| {
                    let mut others: Vec<usize> = Vec::new();
                    for name in names {
                        for &other in owners.get(name.as_str()).into_iter().flatten() {
                            if other != position && !others.contains(&other) {
                                others.push(other);
                            }
                        }
                    }
                    others.sort_unstable();
                    others
                })
                .collect();
            (homonym, shared)
        };
        let (homonym, homonyms) = homonym;
        let mut sibling_objects: HashMap<&str, Vec<&str>> = HashMap::default();
        for relation in &base.relations {
            // Declared siblings, either way round.
            let siblings = base.relations.iter().filter(|other| {
                other.id != relation.id
                    && (relation.alike.contains(&other.id) || other.alike.contains(&relation.id))
            });
            let mut objects: Vec<&str> = Vec::new();
            for sibling in siblings {
                for &id in relation_objects
                    .get(sibling.id.as_str())
                    .into_iter()
                    .flatten()
                {
                    if !objects.contains(&id) {
                        objects.push(id);
                    }
                }
            }
            sibling_objects.insert(relation.id.as_str(), objects);
        }
        let short_names = short_names(base);
        let option_names: Vec<String> = base.entities.iter().map(Entity::as_option).collect();
        let mut option_position: HashMap<String, usize> = sized(entities);
        for (position, name) in option_names.iter().enumerate() {
            option_position.entry(name.clone()).or_insert(position);
        }
        let mut by_name: HashMap<&str, Vec<usize>> = sized(entities);
        for (position, entity) in base.entities.iter().enumerate() {
            by_name
                .entry(entity.name.as_str())
                .or_default()
                .push(position);
        }
        let fact_relations: Vec<Option<&Relation>> = base
            .facts
            .iter()
            .map(|fact| base.relation(&fact.relation))
            .collect();
        let interest = base
            .facts
            .iter()
            .zip(&fact_relations)
            .map(|(fact, relation)| {
                fact.interest
                    .or_else(|| relation.map(|relation| relation.interest))
                    .unwrap_or(2)
            })
            .collect::<Vec<u8>>();
        let interest_groups = base
            .entities
            .iter()
            .map(|entity| {
                let id = entity.id.as_str();
                let facts = by_subject_any
                    .get(id)
                    .into_iter()
                    .chain(by_object_any.get(id))
                    .flatten()
                    .copied();
                by_interest(facts, &interest)
            })
            .collect();
        let people: Vec<bool> = base
            .entities
            .iter()
            .map(|entity| base.kinds.is_a(&entity.kind, "person"))
            .collect();
        let things = base
            .entities
            .iter()
            .zip(&people)
            .map(|(entity, &person)| !person && !base.kinds.is_a(&entity.kind, "group"))
            .collect();
        Index {
            people,
            things,
            interest_groups,
            main_entities: (0..base.entities.len())
                .filter(|&position| base.entities[position].main)
                .collect(),
            quotes_by_speaker,
            opening_words: super::mentions::opening_words(&names),
            name_words: super::distractors::name_words(&names),
            name_keys: super::distractors::name_keys(&names),
            fact_relations,
            fact_entities: base
                .facts
                .iter()
                .map(|fact| {
                    let object = match &fact.object {
                        Object::Entity(id) => entity_position.get(id.as_str()).copied(),
                        Object::Value(_) => None,
                    };
                    (entity_position.get(fact.subject.as_str()).copied(), object)
                })
                .collect(),
            roles,
            interest,
            by_name,
            option_position,
            option_names,
            short_names,
            sibling_objects,
            homonym,
            homonyms,
            sentence_names: base.entities.iter().map(Entity::in_sentence).collect(),
            kin,
            by_subject_any,
            by_object_any,
            by_relation,
            names,
            quoted,
            base,
            entities_by_kind,
            entity_position,
            by_subject,
            by_object,
            disjoint,
            alike_to,
            relation_objects,
            disputed,
            quotes,
            quote_speakers,
            latest_year,
        }
    }

    pub(crate) fn fact(&self, index: usize) -> &'a Fact {
        &self.base.facts[index]
    }

    /// The fact's relation (looked up once per fact of this fact base).
    pub(crate) fn relation(&self, fact: &Fact) -> Option<&'a Relation> {
        match position_in(&self.base.facts, fact) {
            Some(position) => self.fact_relations[position],
            None => self.base.relation(&fact.relation),
        }
    }

    /// The position in the fact base of the fact's relation (see [`Self::relation`]).
    pub(crate) fn relation_position(&self, fact: usize) -> Option<usize> {
        self.fact_relations[fact].and_then(|relation| position_in(&self.base.relations, relation))
    }

    /// The entity a fact has as subject, as [`Self::entity`] of its `subject` finds it.
    pub(crate) fn subject_of(&self, fact: usize) -> Option<&'a Entity> {
        self.fact_entities[fact]
            .0
            .map(|position| &self.base.entities[position])
    }

    /// The entity a fact has as object; `None` for a value.
    pub(crate) fn object_of(&self, fact: usize) -> Option<&'a Entity> {
        self.fact_entities[fact]
            .1
            .map(|position| &self.base.entities[position])
    }

    pub(crate) fn entity(&self, id: &str) -> Option<&'a Entity> {
        self.entity_position
            .get(id)
            .map(|&position| &self.base.entities[position])
    }

    /// How interesting a fact is to ask: its own `interest`, else its relation's (2 when unknown).
    pub(crate) fn interest_of(&self, fact: usize) -> u8 {
        self.interest[fact]
    }

    pub(crate) fn is_disputed(&self, fact: usize) -> bool {
        self.disputed[fact]
    }

    /// Every fact of this relation, in fact order.
    pub(crate) fn facts_of_relation(&self, relation: &str) -> &[usize] {
        self.by_relation.get(relation).map_or(&[], Vec::as_slice)
    }

    /// Every fact (disputed or not) with this subject and relation.
    pub(crate) fn facts_about(&self, subject: &str, relation: &str) -> &[usize] {
        self.by_subject
            .get(subject)
            .and_then(|relations| relations.get(relation))
            .map_or(&[], Vec::as_slice)
    }

    /// Every fact with this entity as subject, by any relation, in fact order.
    pub(crate) fn facts_with_subject(&self, subject: &str) -> &[usize] {
        self.by_subject_any.get(subject).map_or(&[], Vec::as_slice)
    }

    /// Every fact with this entity as subject, one slice per relation (in no fixed order: for searches
    /// whose result does not depend on it), each in fact order.
    pub(crate) fn facts_with_subject_by_relation(
        &self,
        subject: &str,
    ) -> impl Iterator<Item = &[usize]> + '_ {
        self.by_subject
            .get(subject)
            .into_iter()
            .flat_map(|relations| relations.values().map(Vec::as_slice))
    }

    /// The facts with this entity as subject and then those with it as object (a fact with it at
    /// both ends comes twice), grouped by interest, most interesting first, each group in that order.
    pub(crate) fn facts_by_interest(&self, entity: &str) -> std::borrow::Cow<'_, InterestGroups> {
        match self.entity_position.get(entity) {
            Some(&position) => std::borrow::Cow::Borrowed(&self.interest_groups[position]),
            None => std::borrow::Cow::Owned(by_interest(
                self.facts_with_subject(entity)
                    .iter()
                    .chain(self.facts_with_object(entity))
                    .copied(),
                &self.interest,
            )),
        }
    }

    /// Whether the author declared the entity only as a plausible wrong answer: it lists relations
    /// it may be a wrong option of (`candidate_for`) and no fact names it. An entity the facts name
    /// may list them too, and stays a wrong option wherever its own facts give it a role.
    pub(crate) fn only_a_candidate(&self, entity: &Entity) -> bool {
        entity.is_candidate()
            && self.facts_with_subject(&entity.id).is_empty()
            && self.facts_with_object(&entity.id).is_empty()
    }

    /// Every fact with this entity as object, by any relation, in fact order.
    pub(crate) fn facts_with_object(&self, object: &str) -> &[usize] {
        self.by_object_any.get(object).map_or(&[], Vec::as_slice)
    }

    /// The undisputed quote facts with this speaker, in fact order.
    pub(crate) fn quotes_of(&self, speaker: &str) -> &[usize] {
        self.quotes_by_speaker
            .get(speaker)
            .map_or(&[], Vec::as_slice)
    }

    /// The parts the entity plays in the facts other than quotations: (relation, as its subject).
    pub(crate) fn roles_of(&self, id: &str) -> &[(&'a str, bool)] {
        self.roles.get(id).map_or(&[], Vec::as_slice)
    }

    /// Every fact (disputed or not) with this entity as object by this relation.
    pub(crate) fn facts_pointing_at(&self, object: &str, relation: &str) -> &[usize] {
        self.by_object
            .get(object)
            .and_then(|relations| relations.get(relation))
            .map_or(&[], Vec::as_slice)
    }

    /// The position of an entity of this fact base (every `&Entity` the builders hold points into
    /// `base.entities`; anything else is looked up by id).
    #[inline]
    pub(super) fn position(&self, entity: &Entity) -> Option<usize> {
        position_in(&self.base.entities, entity)
            .or_else(|| self.entity_position.get(entity.id.as_str()).copied())
    }

    /// How a sentence names the entity (the one place that renders an entity in text): its
    /// `refer_as`, or its article and display name set off by its style.
    pub(crate) fn in_sentence<'s>(&'s self, entity: &'s Entity) -> &'s str {
        match self.position(entity) {
            Some(position) => &self.sentence_names[position],
            None => entity.display_name(),
        }
    }

    /// How a sentence names the entity once it has been named in full: its `short` name, a person's
    /// last name when no other person of the fact base shares it ("Hughes"), or as [`Self::in_sentence`].
    pub(crate) fn short_name<'s>(&'s self, entity: &'s Entity) -> &'s str {
        match self.position(entity) {
            Some(position) => &self.short_names[position],
            None => entity.display_name(),
        }
    }

    /// Whether the entity is a person: its kind is or lies under `person`.
    pub(crate) fn is_person(&self, entity: &Entity) -> bool {
        let person = match self.position(entity) {
            Some(position) => self.people[position],
            None => self.base.kinds.is_a(&entity.kind, "person"),
        };
        debug_assert_eq!(person, self.base.kinds.is_a(&entity.kind, "person"));
        person
    }

    /// Whether "it" may stand for the entity: its kind lies under neither `person` nor `group`.
    pub(crate) fn is_thing(&self, entity: &Entity) -> bool {
        let kinds = &self.base.kinds;
        let thing = match self.position(entity) {
            Some(position) => self.things[position],
            None => !kinds.is_a(&entity.kind, "person") && !kinds.is_a(&entity.kind, "group"),
        };
        debug_assert_eq!(
            thing,
            !kinds.is_a(&entity.kind, "person") && !kinds.is_a(&entity.kind, "group")
        );
        thing
    }

    /// The entities whose unique name is `name` (answers are recorded by name).
    pub(crate) fn entities_named(&self, name: &str) -> impl Iterator<Item = &'a Entity> + '_ {
        self.by_name
            .get(name)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&position| &self.base.entities[position])
    }

    /// The entity an option shows, if any option of this fact base would show it so.
    pub(crate) fn entity_by_option(&self, option: &str) -> Option<&'a Entity> {
        self.option_position
            .get(option)
            .map(|&position| &self.base.entities[position])
    }

    /// How an option (or a typed answer shown back) names the entity.
    pub(crate) fn as_option(&self, entity: &Entity) -> String {
        match self.position(entity) {
            Some(position) => self.option_names[position].clone(),
            None => entity.as_option(),
        }
    }

    /// The entity's name and aliases, normalised.
    pub(super) fn names(&self, entity: &Entity) -> &[String] {
        self.position(entity)
            .map_or(&[], |position| self.names[position].as_slice())
    }

    /// Whether any fact, disputed or not, links `subject` to entity `object` by `relation`.
    pub(crate) fn linked(&self, subject: &str, relation: &str, object: &str) -> bool {
        self.facts_about(subject, relation)
            .iter()
            .any(|&index| matches!(&self.fact(index).object, Object::Entity(id) if id == object))
    }

    /// Relations declared disjoint with this one, either way round.
    pub(super) fn disjoint_with(&self, relation: &str) -> &[&'a str] {
        self.disjoint.get(relation).map_or(&[], Vec::as_slice)
    }

    /// The relations declaring themselves `alike` to this one, in declaration order.
    pub(super) fn alike_to(&self, relation: &str) -> &[&'a str] {
        self.alike_to.get(relation).map_or(&[], Vec::as_slice)
    }

    /// Every value (disputed or not) `subject` has by `relation`.
    pub(crate) fn values_of(&self, subject: &str, relation: &str) -> Vec<&'a Value> {
        self.facts_about(subject, relation)
            .iter()
            .filter_map(|&index| match &self.fact(index).object {
                Object::Value(value) => Some(value),
                Object::Entity(_) => None,
            })
            .collect()
    }

    /// Entities of a kind, in declaration order.
    pub(crate) fn entities_of_kind(&self, kind: &str) -> impl Iterator<Item = &'a Entity> + '_ {
        self.entities_by_kind
            .get(kind)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&position| &self.base.entities[position])
    }
}

/// Facts grouped by interest, most interesting first: (interest, facts).
pub(crate) type InterestGroups = [(u8, Vec<usize>)];

/// Facts grouped by interest, most interesting first, each group in the order given.
fn by_interest(facts: impl Iterator<Item = usize>, interest: &[u8]) -> Vec<(u8, Vec<usize>)> {
    let mut groups: Vec<(u8, Vec<usize>)> = Vec::new();
    for fact in facts {
        let level = interest[fact];
        match groups.iter_mut().find(|(group, _)| *group == level) {
            Some((_, members)) => members.push(fact),
            None => groups.push((level, vec![fact])),
        }
    }
    groups.sort_by_key(|group| std::cmp::Reverse(group.0));
    groups
}

/// Where `item` stands in `items`, if it is one of them (the same place in memory, not an equal value).
#[inline]
fn position_in<T>(items: &[T], item: &T) -> Option<usize> {
    let start = items.as_ptr() as usize;
    let size = std::mem::size_of::<T>().max(1);
    let offset = (item as *const T as usize).wrapping_sub(start);
    let position = offset / size;
    // (An address between two items is none of them: the item found there is not at it.)
    items
        .get(position)
        .is_some_and(|found| std::ptr::eq(found, item))
        .then_some(position)
}

/// Each entity's second-mention name (see [`Index::short_name`]), by position.
fn short_names(base: &FactBase) -> Vec<String> {
    let last_name = |entity: &Entity| -> Option<String> {
        if !base.kinds.is_a(&entity.kind, "person") || entity.refer_as.is_some() {
            return None;
        }
        let words: Vec<&str> = entity.display_name().split_whitespace().collect();
        let last = *words.last()?;
        let is_name = last.chars().count() > 2
            && last.chars().next().is_some_and(char::is_uppercase)
            && last
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        (words.len() >= 2 && is_name).then(|| last.to_string())
    };
    let last_names: Vec<Option<String>> = base.entities.iter().map(last_name).collect();
    let mut people_named: HashMap<&str, usize> = HashMap::default();
    for last in last_names.iter().flatten() {
        *people_named.entry(last.as_str()).or_default() += 1;
    }
    base.entities
        .iter()
        .enumerate()
        .map(|(position, entity)| {
            if let Some(short) = &entity.short {
                return short.clone();
            }
            match &last_names[position] {
                Some(last) if people_named.get(last.as_str()) == Some(&1) => last.clone(),
                _ => entity.in_sentence(),
            }
        })
        .collect()
}
