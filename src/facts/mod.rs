//! The fact base: sourced, structured facts (entities, relations, typed values, disagreements) that the
//! question generator reads.
//!
//! [`load_paths`] and [`load_sources`] read TOML files into a [`FactBase`] and reports every problem with `file:line:column`;
//! [`FactBase`] answers the questions the generator asks: which facts link a subject by a relation, which
//! entities are surely not linked, which facts are disputed. The file format is documented in
//! `docs/facts.md`.

mod check;
mod kinds;
mod load;
mod parts;
mod read_value;
mod starter;
mod value;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use kinds::{EntityKind, Kinds, SHIPPED_KINDS};
pub use load::{load_paths, load_sources, load_sources_cut_at_every_header};
pub use starter::{fact_base_id_from_name, starter_fact_base};
pub use value::{
    AGE_UNIT, DURATION_PARTS, DURATION_UNITS, ORDINAL_UNIT, TIME_UNIT, Value, ValueType, age_words,
    currency_symbol, measure_words, money_words, ordinal_words, part_seconds, span_words,
    time_unit, time_words,
};

use crate::pack::FastMap;
use crate::question::{Citation, PartialDate};
use crate::tomldoc::{Diagnostic, SourceFile};

/// The entity kinds every fact base may use without declaring them (a fact base may declare more).
pub const ENTITY_KINDS: [&str; 19] = SHIPPED_KINDS;

/// What a fact base says about itself in its `[fact_base]` table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct About {
    /// Short stable name, lowercase with hyphens: the default id of packs generated from it.
    pub id: Option<String>,
    /// The topic as players see it: "Apollo: the crewed Moon landings". Games and generated packs
    /// are named after it.
    pub title: Option<String>,
    /// A sentence on what the facts cover.
    pub description: Option<String>,
}

/// Where something was declared, for messages that point back at it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Shared by every origin in one file: a fact base of 100,000 entities has several origins each.
    pub file: std::sync::Arc<str>,
    pub line: usize,
    pub column: usize,
}

impl Origin {
    pub(crate) fn of(source: &SourceFile, offset: usize) -> Origin {
        let (line, column) = source.line_column(offset);
        Origin {
            file: source.shared_name(),
            line,
            column,
        }
    }

    /// A diagnostic at this place.
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.file.to_string(),
            line: self.line,
            column: self.column,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A source document that facts cite.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    pub file: String,
    pub id: Option<String>,
    pub title: String,
    /// How an attributed question names it: "the encyclopedia entry".
    pub label: String,
    pub written: Option<PartialDate>,
    #[serde(skip)]
    pub origin: Origin,
}

/// How many objects a subject has (or subjects an object has) by a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cardinality {
    One,
    Many,
}

/// What a relation links its subject to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ObjectType {
    /// Entities of these kinds.
    Entity(Vec<String>),
    /// A typed value.
    Value(ValueType),
}

/// A kind of link between an entity and an entity or a value, with its question phrasing.
#[derive(Clone, Debug, Serialize)]
pub struct Relation {
    pub id: String,
    pub subject_kinds: Vec<String>,
    pub object: ObjectType,
    pub cardinality: Cardinality,
    /// For a many-valued relation: the facts list every object.
    pub complete: bool,
    pub inverse: Cardinality,
    pub disjoint_with: Vec<String>,
    pub category: String,
    pub ask_object: Vec<String>,
    pub ask_subject: Vec<String>,
    pub ask_all: Option<String>,
    pub statement: String,
    /// How interesting its questions are, 0 (never asked: its facts only rule options out and explain)
    /// to 3 (headline facts); 2 by default.
    pub interest: u8,
    /// Sibling relations: their objects play a neighbouring role and make plausible wrong options
    /// (a producer offered as the director). Symmetric.
    pub alike: Vec<String>,
    /// Relations whose facts, sharing an entity with one of this relation's, explain it best (the
    /// editors beside the name the editors gave a shot); the generator teaches those first.
    pub explain_with: Vec<String>,
    /// A one-valued relation whose object says where this relation's answer lies ("located_in":
    /// Compton is in California), named by `ask_within` templates as `{within}`.
    pub within: Option<String>,
    /// Templates for a typed answer that say where it lies: "Where in {within} does {subject} come
    /// from?". Used where the answer has a fact of the `within` relation.
    pub ask_within: Vec<String>,
    #[serde(skip)]
    pub origin: Origin,
}

impl Relation {
    /// Whether the facts name every object of a subject, so an unlisted entity is surely not one.
    pub fn is_closed(&self) -> bool {
        self.cardinality == Cardinality::One || self.complete
    }

    /// The value type, when the relation links to values.
    pub fn value_type(&self) -> Option<ValueType> {
        match self.object {
            ObjectType::Value(kind) => Some(kind),
            ObjectType::Entity(_) => None,
        }
    }

    /// The entity kinds allowed as object, when the relation links to entities.
    pub fn object_kinds(&self) -> &[String] {
        match &self.object {
            ObjectType::Entity(kinds) => kinds,
            ObjectType::Value(_) => &[],
        }
    }
}

/// How a title is set off in running text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleStyle {
    /// As it is: people, places, companies.
    #[default]
    Plain,
    /// In quotation marks: songs, episodes, short works (“Let Me Ride”).
    Quoted,
    /// In italics where the output can show them, as it is in plain text: albums, films, series,
    /// newspapers.
    Italic,
}

impl TitleStyle {
    /// The style named in a fact file: `plain`, `quoted` or `italic`.
    pub fn parse(text: &str) -> Option<TitleStyle> {
        match text {
            "plain" => Some(TitleStyle::Plain),
            "quoted" => Some(TitleStyle::Quoted),
            "italic" => Some(TitleStyle::Italic),
            _ => None,
        }
    }
}

/// How interesting an author marks a relation or an entity for quiz questions.
pub const INTEREST_LEVELS: std::ops::RangeInclusive<u8> = 0..=3;

/// A person, series, film, company, award ...
#[derive(Clone, Debug, Serialize)]
pub struct Entity {
    pub id: String,
    /// The unique name in the fact base, which may carry a disambiguating label
    /// ("The Defiant Ones (1958 film)"); never shown in question text (see [`Entity::display_name`]).
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    /// 1 well known, 2 known to fans, 3 obscure.
    pub prominence: u8,
    pub description: Option<String>,
    /// How questions name it ("The Defiant Ones" for "The Defiant Ones (1958 film)"); by default the
    /// name less a trailing parenthesis.
    pub display: Option<String>,
    /// The article written before the name in a sentence: `the` for "the Langham Hotel".
    pub article: Option<String>,
    /// How questions refer to it instead of its name, for the quiz's own subject: "the series".
    pub refer_as: Option<String>,
    /// How a sentence names it once it has been named in full: "Hughes" after "Allen Hughes". By
    /// default a person's last name when no other person shares it, `refer_as` otherwise.
    pub short: Option<String>,
    /// How the name is set off in running text and options.
    pub style: TitleStyle,
    /// The quiz's own subject: a question whose answer is this entity asks nothing.
    pub main: bool,
    /// How interesting questions about it are, 0 (never worth asking) to 3; 2 by default.
    pub interest: u8,
    /// A plausible wrong answer the articles never mention, declared by the author: offered only as a
    /// wrong option of these relations, and only where the facts prove it wrong.
    pub candidate_for: Vec<String>,
    #[serde(skip)]
    pub origin: Origin,
}

impl Entity {
    /// An entity with the given id, name and kind, every other field at its default.
    pub fn new(id: &str, name: &str, kind: &str) -> Entity {
        Entity {
            id: id.to_string(),
            name: name.to_string(),
            kind: kind.to_string(),
            aliases: Vec::new(),
            prominence: 2,
            description: None,
            display: None,
            article: None,
            refer_as: None,
            short: None,
            style: TitleStyle::Plain,
            main: false,
            interest: 2,
            candidate_for: Vec::new(),
            origin: Origin {
                file: "".into(),
                line: 0,
                column: 0,
            },
        }
    }

    /// The name as questions show it: `display`, or the name less a trailing disambiguating
    /// parenthesis.
    pub fn display_name(&self) -> &str {
        if let Some(display) = &self.display {
            return display;
        }
        let name = self.name.trim_end();
        match name
            .strip_suffix(')')
            .and_then(|open| open.rsplit_once(" ("))
        {
            Some((bare, _)) if !bare.trim().is_empty() => bare,
            _ => name,
        }
    }

    /// The display name set off by its style: “Let Me Ride”, The Chronic.
    pub fn styled_name(&self) -> String {
        match self.style {
            TitleStyle::Quoted => format!("\u{201c}{}\u{201d}", self.display_name()),
            TitleStyle::Plain | TitleStyle::Italic => self.display_name().to_string(),
        }
    }

    /// How a sentence names it: `refer_as`, or its article and styled name ("the Langham Hotel").
    pub fn in_sentence(&self) -> String {
        if let Some(refer) = &self.refer_as {
            return refer.clone();
        }
        match &self.article {
            Some(article) if !article.is_empty() => format!("{article} {}", self.styled_name()),
            _ => self.styled_name(),
        }
    }

    /// How an option names it: the styled name, with its article capitalised ("The Langham Hotel").
    pub fn as_option(&self) -> String {
        match &self.article {
            Some(article) if !article.is_empty() => {
                let mut chars = article.chars();
                let first: String = chars
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                format!("{first}{} {}", chars.as_str(), self.styled_name())
            }
            _ => self.styled_name(),
        }
    }

    /// Whether the author declared it only as a plausible wrong answer.
    pub fn is_candidate(&self) -> bool {
        !self.candidate_for.is_empty()
    }
}

/// What a fact links its subject to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Object {
    /// An entity, by id.
    Entity(String),
    Value(Value),
}

/// Optional details that narrow a fact down.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Qualifiers {
    pub part: Option<i64>,
    pub role: Option<String>,
    pub as_of: Option<PartialDate>,
    pub category: Option<String>,
    pub year: Option<i64>,
    pub context: Option<String>,
    pub region: Option<String>,
    pub approx: Option<String>,
    pub note: Option<String>,
}

impl Qualifiers {
    /// The qualifier names a fact may carry.
    pub const NAMES: [&'static str; 9] = [
        "part", "role", "as_of", "category", "year", "context", "region", "approx", "note",
    ];

    /// The qualifier's value written out for a template, if the fact has it (`note` is never shown).
    pub fn placeholder(&self, name: &str) -> Option<String> {
        match name {
            "part" => self.part.map(|part| part.to_string()),
            "role" => self.role.clone(),
            "as_of" => self.as_of.map(|date| date.to_words()),
            "category" => self.category.clone(),
            "year" => self.year.map(|year| year.to_string()),
            "context" => self.context.clone(),
            "region" => self.region.clone(),
            "approx" => self.approx.clone(),
            _ => None,
        }
    }

    /// Whether [`Qualifiers::placeholder`] has a value for `name`, without writing it out.
    pub fn has_placeholder(&self, name: &str) -> bool {
        match name {
            "part" => self.part.is_some(),
            "role" => self.role.is_some(),
            "as_of" => self.as_of.is_some(),
            "category" => self.category.is_some(),
            "year" => self.year.is_some(),
            "context" => self.context.is_some(),
            "region" => self.region.is_some(),
            "approx" => self.approx.is_some(),
            _ => false,
        }
    }
}

/// One sourced statement: subject, relation, object.
#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    /// How interesting the fact is to ask, when the author says (0 never .. 3 headline); otherwise its
    /// relation's.
    pub interest: Option<u8>,
    pub id: Option<String>,
    pub subject: String,
    pub relation: String,
    pub object: Object,
    pub qualifiers: Qualifiers,
    /// Every citation, with the article given by its file name.
    pub sources: Vec<Citation>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One side of a disagreement.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    pub claim: String,
    pub facts: Vec<String>,
    pub sources: Vec<Citation>,
}

/// A point on which the sources differ.
#[derive(Clone, Debug, Serialize)]
pub struct Disagreement {
    pub id: String,
    pub topic: String,
    pub note: Option<String>,
    pub sides: Vec<Side>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A loaded, validated fact base with lookups.
#[derive(Clone, Debug, Default)]
pub struct FactBase {
    pub about: About,
    /// The kinds its entities may have: the shipped ones and those it declares.
    pub kinds: Kinds,
    pub articles: Vec<Article>,
    pub relations: Vec<Relation>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub disagreements: Vec<Disagreement>,
    entity_index: FastMap<String, usize>,
    relation_index: FastMap<String, usize>,
    /// For each relation id, the facts using it.
    facts_by_relation: FastMap<String, Vec<usize>>,
    /// Fact indices named by a disagreement.
    disputed: BTreeSet<usize>,
}

impl FactBase {
    /// Builds the lookups; called by the loader once the parts are read, with the index of entity ids it
    /// built while reading (each id once, at its first entity).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        about: About,
        kinds: Kinds,
        articles: Vec<Article>,
        relations: Vec<Relation>,
        entities: Vec<Entity>,
        entity_index: FastMap<String, usize>,
        facts: Vec<Fact>,
        disagreements: Vec<Disagreement>,
    ) -> FactBase {
        let mut base = FactBase {
            about,
            kinds,
            articles,
            relations,
            entities,
            facts,
            disagreements,
            entity_index,
            ..FactBase::default()
        };
        debug_assert!(
            base.entities
                .iter()
                .all(|entity| base.entity_index.contains_key(&entity.id))
        );
        for (index, relation) in base.relations.iter().enumerate() {
            base.relation_index
                .entry(relation.id.clone())
                .or_insert(index);
        }
        for (index, fact) in base.facts.iter().enumerate() {
            match base.facts_by_relation.get_mut(&fact.relation) {
                Some(indices) => indices.push(index),
                None => {
                    base.facts_by_relation
                        .insert(fact.relation.clone(), vec![index]);
                }
            }
        }
        let fact_ids: FastMap<&str, usize> = base
            .facts
            .iter()
            .enumerate()
            .filter_map(|(index, fact)| fact.id.as_deref().map(|id| (id, index)))
            .collect();
        for disagreement in &base.disagreements {
            for side in &disagreement.sides {
                for id in &side.facts {
                    if let Some(&index) = fact_ids.get(id.as_str()) {
                        base.disputed.insert(index);
                    }
                }
            }
        }
        base
    }

    /// The shipped fact base, compiled into the binary.
    pub fn embedded() -> Result<FactBase, Vec<Diagnostic>> {
        let sources = crate::embedded::SEEDS
            .iter()
            .map(|(name, text)| SourceFile::new(*name, *text))
            .collect();
        load_sources(sources)
    }

    /// Loads the shipped fact base, or the files at `paths` when any are given.
    pub fn embedded_or(paths: &[PathBuf]) -> Result<FactBase, Vec<Diagnostic>> {
        if paths.is_empty() {
            FactBase::embedded()
        } else {
            load_paths(paths)
        }
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index
            .get(id)
            .map(|&index| &self.entities[index])
    }

    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.relation_index
            .get(id)
            .map(|&index| &self.relations[index])
    }

    /// An article by file name or id.
    pub fn article(&self, name: &str) -> Option<&Article> {
        self.articles
            .iter()
            .find(|article| article.file == name || article.id.as_deref() == Some(name))
    }

    /// Indices of the facts using a relation.
    pub fn facts_of_relation(&self, relation: &str) -> &[usize] {
        self.facts_by_relation
            .get(relation)
            .map_or(&[], Vec::as_slice)
    }

    /// Indices of the facts linking `subject` by `relation`.
    pub fn facts_about(&self, subject: &str, relation: &str) -> Vec<usize> {
        self.facts_of_relation(relation)
            .iter()
            .copied()
            .filter(|&index| self.facts[index].subject == subject)
            .collect()
    }

    /// Whether a disagreement names this fact: it must not be asked as plain truth.
    pub fn is_disputed(&self, fact_index: usize) -> bool {
        self.disputed.contains(&fact_index)
    }

    /// The entity ids any fact (disputed or not) links to `subject` by `relation`.
    pub fn objects_of(&self, subject: &str, relation: &str) -> BTreeSet<&str> {
        self.facts_about(subject, relation)
            .into_iter()
            .filter_map(|index| match &self.facts[index].object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            })
            .collect()
    }

    /// The subjects any fact links to entity `object` by `relation`.
    pub fn subjects_of(&self, object: &str, relation: &str) -> BTreeSet<&str> {
        self.facts_of_relation(relation)
            .iter()
            .filter_map(|&index| {
                let fact = &self.facts[index];
                matches!(&fact.object, Object::Entity(id) if id == object)
                    .then_some(fact.subject.as_str())
            })
            .collect()
    }

    /// Entities that are surely *not* objects of `relation` for `subject`, of the given kinds: every other
    /// entity of those kinds when the relation is closed; otherwise only those the subject links by a
    /// relation declared disjoint. Never an entity that any fact links to the subject by `relation`.
    pub fn surely_not_objects(
        &self,
        subject: &str,
        relation: &str,
        kinds: &[String],
    ) -> Vec<&Entity> {
        let Some(rel) = self.relation(relation) else {
            return Vec::new();
        };
        let linked = self.objects_of(subject, relation);
        let of_kind = |entity: &&Entity| self.kinds.is_any_of(&entity.kind, kinds);
        if rel.is_closed() {
            return self
                .entities
                .iter()
                .filter(of_kind)
                .filter(|entity| !linked.contains(entity.id.as_str()) && entity.id != subject)
                .collect();
        }
        let mut excluded: BTreeSet<&str> = BTreeSet::new();
        for other in &rel.disjoint_with {
            excluded.extend(self.objects_of(subject, other));
        }
        // Disjointness is symmetric: a relation that names this one as disjoint excludes too.
        for other in &self.relations {
            if other.disjoint_with.iter().any(|id| id == relation) {
                excluded.extend(self.objects_of(subject, &other.id));
            }
        }
        excluded
            .into_iter()
            .filter(|id| !linked.contains(id))
            .filter_map(|id| self.entity(id))
            .filter(of_kind)
            .collect()
    }

    /// The display text of a fact's object: an entity's name or the value in words.
    pub fn object_words(&self, object: &Object) -> String {
        match object {
            Object::Entity(id) => self
                .entity(id)
                .map_or_else(|| id.clone(), |entity| entity.name.clone()),
            Object::Value(value) => value.to_words(),
        }
    }

    /// The title players see: the declared `title`, or `None` when the fact base gives none.
    pub fn title(&self) -> Option<&str> {
        self.about.title.as_deref()
    }

    /// The display name of an entity id (the id itself if unknown).
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map_or(id, |entity| entity.name.as_str())
    }

    /// The disagreements, each with its sides, for listing.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.disagreements
    }

    /// Counts for reports.
    pub fn summary(&self) -> Summary {
        Summary {
            articles: self.articles.len(),
            relations: self.relations.len(),
            entities: self.entities.len(),
            facts: self.facts.len(),
            disagreements: self.disagreements.len(),
            disputed_facts: self.disputed.len(),
        }
    }

    /// Checks every evidence excerpt against the article texts in `dir`: the excerpt must appear in
    /// its article (white space, dashes and curly quotes ignored). Articles missing from `dir` are
    /// reported once.
    pub fn verify_evidence(&self, dir: &Path) -> Vec<Diagnostic> {
        check::verify_evidence(self, dir)
    }

    /// Templates that name a qualifier a fact lacks, so they never render for it: warnings at the fact
    /// (or at the relation when no fact of it has the qualifier), each message starting `warning:`.
    pub fn template_warnings(&self) -> Vec<Diagnostic> {
        check::template_warnings(self)
    }
}

/// How much a fact base holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub relations: usize,
    pub entities: usize,
    pub facts: usize,
    pub disagreements: usize,
    pub disputed_facts: usize,
}

/// The key under which names and aliases must be unique: lowercase letters and digits only, accents
/// stripped, a leading "the" dropped.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        return ascii_name_key(name);
    }
    let folded: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words = match words.as_slice() {
        ["the", rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    words.concat()
}

/// [`name_key`] of ASCII text, without the Unicode folding it does not need (ASCII text is its own
/// compatibility decomposition and has no combining marks).
fn ascii_name_key(name: &str) -> String {
    let mut words = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .peekable();
    let mut key = String::with_capacity(name.len());
    if let Some(first) = words.next() {
        let leading_the = first.eq_ignore_ascii_case("the") && words.peek().is_some();
        if !leading_the {
            key.push_str(first);
        }
    }
    for word in words {
        key.push_str(word);
    }
    key.make_ascii_lowercase();
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_name_keys_are_the_unicode_ones() {
        let general = |name: &str| {
            use unicode_normalization::UnicodeNormalization;
            let folded: String = name
                .nfkd()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let words: Vec<&str> = folded.split_whitespace().collect();
            match words.as_slice() {
                ["the", rest @ ..] if !rest.is_empty() => rest.concat(),
                all => all.concat(),
            }
        };
        for name in [
            "",
            " ",
            "The",
            "the",
            "THE the",
            "The D.O.C.",
            "  the  Chronic ",
            "N.W.A",
            "Dr. Dre",
            "theory",
            "The\tEnd",
            "a-b_c",
            "\u{7f}x",
            "Apollo 11",
            "The 1958 film",
        ] {
            assert_eq!(ascii_name_key(name), general(name), "{name:?}");
        }
    }

    #[test]
    fn name_keys_ignore_case_accents_punctuation_and_the() {
        assert_eq!(name_key("Lasse Järvi"), name_key("lasse jarvi"));
        assert_eq!(name_key("Dr. Dre"), name_key("Dr Dre"));
        assert_eq!(name_key("The D.O.C."), name_key("D.O.C."));
        assert_eq!(name_key("N.W.A"), name_key("NWA"));
        assert_ne!(name_key("Allen Hughes"), name_key("Albert Hughes"));
        assert_eq!(name_key("The"), "the");
    }
}
