//! Reads fact files into a [`FactBase`], collecting every problem with its position.
//!
//! Reading happens in three passes over the parsed documents: articles, relations and entities from
//! every file; then facts, whose objects need the first pass (a fact's value type comes from its
//! relation, which may be declared in another file); then disagreements, which name facts.

use std::collections::HashMap;

use crate::pack::FastMap;
use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::parts::Plan;

use super::check;
use super::value::{DURATION_UNITS, Value, ValueType};
use super::{
    About, Article, Cardinality, Disagreement, Entity, EntityKind, Fact, FactBase, Kinds, Object,
    ObjectType, Origin, Qualifiers, Relation, Side, TitleStyle,
};
use crate::question::{Citation, PartialDate};
use crate::tomldoc::{Diagnostic, Diagnostics, SourceFile, TableReader, sub_table, type_name};

mod declarations;
mod fields;

pub use fields::placeholders;
use fields::*;

/// Most words an evidence excerpt may have.
pub const MAX_EVIDENCE_WORDS: usize = 25;

const SECTIONS: [&str; 7] = [
    "fact_base",
    "kind",
    "article",
    "relation",
    "entity",
    "fact",
    "disagreement",
];
const FACT_BASE_TABLE_FIELDS: [&str; 3] = ["id", "title", "description"];
const KIND_FIELDS: [&str; 3] = ["id", "broader", "description"];
const ARTICLE_FIELDS: [&str; 5] = ["file", "id", "title", "label", "written"];
const RELATION_FIELDS: [&str; 18] = [
    "id",
    "subject",
    "object",
    "value",
    "cardinality",
    "complete",
    "inverse",
    "disjoint_with",
    "category",
    "ask_object",
    "ask_subject",
    "ask_all",
    "statement",
    "interest",
    "alike",
    "explain_with",
    "within",
    "ask_within",
];
const ENTITY_FIELDS: [&str; 14] = [
    "id",
    "name",
    "kind",
    "aliases",
    "prominence",
    "description",
    "display",
    "article",
    "refer_as",
    "short",
    "style",
    "main",
    "interest",
    "candidate_for",
];
const FACT_BASE_FIELDS: [&str; 6] = ["id", "subject", "relation", "object", "sources", "interest"];
const DISAGREEMENT_FIELDS: [&str; 4] = ["id", "topic", "note", "side"];
const SIDE_FIELDS: [&str; 3] = ["claim", "facts", "sources"];
const SOURCE_FIELDS: [&str; 2] = ["article", "evidence"];

/// Loads fact files and folders (every `*.toml` directly inside a folder, in name order).
pub fn load_paths(paths: &[PathBuf]) -> Result<FactBase, Vec<Diagnostic>> {
    let mut diagnostics = Diagnostics::default();
    let mut sources = Vec::new();
    for path in expand_paths(paths, &mut diagnostics) {
        match SourceFile::read(&path) {
            Ok(source) => sources.push(source),
            Err(diagnostic) => diagnostics.items.push(diagnostic),
        }
    }
    if sources.is_empty() && diagnostics.is_empty() {
        diagnostics.whole_file(
            &paths
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            "no fact files (*.toml) found",
        );
    }
    match load_sources(sources) {
        Ok(base) if diagnostics.is_empty() => Ok(base),
        Ok(_) => Err(diagnostics.items),
        Err(mut more) => {
            diagnostics.items.append(&mut more);
            Err(diagnostics.items)
        }
    }
}

/// The files named by `paths`: files as given, folders expanded to their `*.toml` files.
pub fn expand_paths(paths: &[PathBuf], diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found = Vec::new();
                    let mut unreadable = Vec::new();
                    for file in entries.filter_map(Result::ok).map(|entry| entry.path()) {
                        if file.extension().is_none_or(|ext| ext != "toml") {
                            continue;
                        }
                        // Without opening it (opening a FIFO blocks). A fact base is read whole, so
                        // a `*.toml` entry that cannot be read is a problem, not something to skip.
                        match std::fs::metadata(&file) {
                            Ok(metadata) if metadata.is_file() => found.push(file),
                            Ok(metadata) if metadata.is_dir() => {}
                            Ok(metadata) => {
                                unreadable.push((file, crate::input::kind_problem(&metadata)))
                            }
                            Err(error) => unreadable
                                .push((file, crate::input::ReadProblem::Io(error.to_string()))),
                        }
                    }
                    found.sort();
                    files.extend(found);
                    unreadable.sort_by(|a, b| a.0.cmp(&b.0));
                    for (file, problem) in unreadable {
                        diagnostics.items.push(crate::tomldoc::problem_diagnostic(
                            &file.display().to_string(),
                            problem,
                        ));
                    }
                }
                Err(error) => {
                    diagnostics.whole_file(&path.display().to_string(), error.to_string())
                }
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            diagnostics.whole_file(&path.display().to_string(), "no such file or folder");
        }
    }
    files
}

/// Loads fact files already in memory, reporting every problem.
pub fn load_sources(sources: Vec<SourceFile>) -> Result<FactBase, Vec<Diagnostic>> {
    load_sources_with(sources, &Plan::default())
}

/// [`load_sources`], but every file is cut into parts at each of its `[[section]]` lines however small
/// it is (see [`super::parts`]): the result must always be [`load_sources`]'s. For tests and fuzzing.
#[doc(hidden)]
pub fn load_sources_cut_at_every_header(
    sources: Vec<SourceFile>,
) -> Result<FactBase, Vec<Diagnostic>> {
    let plan = Plan {
        parts_from: 0,
        part_bytes: 1,
        threads: 1,
    };
    load_sources_with(sources, &plan)
}

/// [`load_sources`], cutting large files into parts as `plan` says (see [`super::parts`]).
pub(super) fn load_sources_with(
    sources: Vec<SourceFile>,
    plan: &Plan,
) -> Result<FactBase, Vec<Diagnostic>> {
    let mut diagnostics = Diagnostics::default();
    let parts: Vec<Vec<SourceFile>> = sources.iter().map(|source| plan.cut(source)).collect();
    let documents = plan.parse(&sources, &parts, &mut diagnostics);
    let mut reader = Reader::default();
    let mut sections: Vec<(&SourceFile, Sections<'_, '_>)> = Vec::new();
    for (source, document) in &documents {
        crate::tomldoc::control_characters(source, document, &mut diagnostics);
        sections.push((source, split_sections(source, document, &mut diagnostics)));
    }
    let count = |section: &str| -> usize {
        sections
            .iter()
            .map(|(_, tables)| tables.get(section).map_or(0, Vec::len))
            .sum()
    };
    reader.reserve(count("entity"), count("fact"));
    // Kinds come first: relations and entities name them.
    for (source, tables) in &sections {
        for table in tables.get("fact_base").into_iter().flatten() {
            reader.about(source, table, &mut diagnostics);
        }
        for table in tables.get("kind").into_iter().flatten() {
            reader.kind(source, table, &mut diagnostics);
        }
    }
    reader.check_broader_kinds(&mut diagnostics);
    for (source, tables) in &sections {
        for table in tables.get("article").into_iter().flatten() {
            reader.article(source, table, &mut diagnostics);
        }
        for table in tables.get("relation").into_iter().flatten() {
            reader.relation(source, table, &mut diagnostics);
        }
        for table in tables.get("entity").into_iter().flatten() {
            reader.entity(source, table, &mut diagnostics);
        }
    }
    for (source, tables) in &sections {
        for table in tables.get("fact").into_iter().flatten() {
            reader.fact(source, table, &mut diagnostics);
        }
    }
    // Disagreements name facts, which may be declared in any file: read them last.
    for (source, tables) in &sections {
        for table in tables.get("disagreement").into_iter().flatten() {
            reader.disagreement(source, table, &mut diagnostics);
        }
    }
    drop(sections);
    let large = sources
        .iter()
        .any(|source| source.text.len() >= plan.parts_from);
    let base = std::thread::scope(|scope| {
        // The parsed documents are read: a large base frees them while its lookups are built.
        if large && plan.threads > 1 {
            scope.spawn(move || drop(documents));
        } else {
            drop(documents);
        }
        let base = FactBase::new(
            reader.about,
            reader.kinds,
            reader.articles,
            reader.relations,
            reader.entities,
            reader.entity_index,
            reader.facts,
            reader.disagreements,
        );
        check::cross_check(&base, &mut diagnostics);
        base
    });
    if diagnostics.is_empty() {
        Ok(base)
    } else {
        diagnostics.sort();
        Err(diagnostics.items)
    }
}

/// A document's tables by section name (`fact`, `entity` ...).
type Sections<'a, 'i> = HashMap<&'static str, Vec<&'a Spanned<DeValue<'i>>>>;

/// Splits a document into its sections, reporting unknown top-level keys and non-table entries.
fn split_sections<'a, 'i>(
    source: &'a SourceFile,
    document: &'a Spanned<DeTable<'i>>,
    diagnostics: &mut Diagnostics,
) -> Sections<'a, 'i> {
    let mut sections: Sections<'a, 'i> = HashMap::new();
    let top = TableReader::new(source, document, "a fact file");
    top.deny_unknown(&SECTIONS, diagnostics);
    for section in SECTIONS {
        if let Some(value) = top.get(section) {
            let tables = match value.get_ref() {
                DeValue::Array(items) => items.iter().collect::<Vec<_>>(),
                _ => vec![value],
            };
            for table in tables {
                if matches!(table.get_ref(), DeValue::Table(_)) {
                    sections.entry(section).or_default().push(table);
                } else {
                    diagnostics.at(
                        source,
                        table.span(),
                        format!(
                            "`{section}` must be a table (write `[[{section}]]`), found {}",
                            type_name(table.get_ref())
                        ),
                    );
                }
            }
        }
    }
    sections
}

/// How many names a message lists before saying how many more there are.
const MAX_LISTED: usize = 10;

/// The first place each id was declared, per namespace.
type Seen = FastMap<String, Origin>;

#[derive(Default)]
struct Reader {
    about: About,
    /// Where `[fact_base]` was first given.
    about_origin: Option<Origin>,
    kinds: Kinds,
    articles: Vec<Article>,
    relations: Vec<Relation>,
    entities: Vec<Entity>,
    facts: Vec<Fact>,
    disagreements: Vec<Disagreement>,
    article_names: Seen,
    relation_ids: Seen,
    entity_ids: Seen,
    fact_ids: Seen,
    disagreement_ids: Seen,
    /// Name keys of entity names and aliases, per kind: kind → key → (entity index, where). Entities
    /// of different kinds may share a name: a question's answer is always of one kind.
    names: FastMap<String, FastMap<String, (usize, Origin)>>,
    /// Entity id → its index in `entities`, so each reference is one lookup.
    entity_index: FastMap<String, usize>,
    /// Relation id → its index in `relations`.
    relation_index: FastMap<String, usize>,
    /// Article file name and id → its index in `articles`.
    article_index: FastMap<String, usize>,
}

impl Reader {
    /// Room for the entities and facts to come, so large bases do not regrow their tables.
    fn reserve(&mut self, entities: usize, facts: usize) {
        self.entities.reserve(entities);
        self.entity_ids.reserve(entities);
        self.entity_index.reserve(entities);

        self.facts.reserve(facts);
    }
}

/// Records `id` in `seen`, reporting a duplicate with the first declaration's place.
fn claim_id(
    seen: &mut Seen,
    what: &str,
    id: &Spanned<String>,
    source: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> bool {
    let origin = Origin::of(source, id.span().start);
    match seen.get(id.get_ref()) {
        Some(first) => {
            diagnostics.at(
                source,
                id.span(),
                format!(
                    "duplicate {what} id `{}`: first declared at {first}",
                    id.get_ref()
                ),
            );
            false
        }
        None => {
            seen.insert(id.get_ref().clone(), origin);
            true
        }
    }
}

/// Whether a kind or fact base id is lowercase words joined by hyphens or underscores: `crewed-mission`.
fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl Reader {
    fn about(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "fact_base") else {
            return;
        };
        if let Some(first) = &self.about_origin {
            diagnostics.at(
                source,
                table.span.clone(),
                format!(
                    "`[fact_base]` is given twice: first at {first}; give it once, in one file"
                ),
            );
            return;
        }
        self.about_origin = Some(Origin::of(source, table.span.start));
        table.deny_unknown(&FACT_BASE_TABLE_FIELDS, diagnostics);
        let id = table.string("id", diagnostics);
        if let Some(id) = &id
            && !is_slug(id.get_ref())
        {
            diagnostics.at(
                source,
                id.span(),
                format!(
                    "fact base id `{}` must be lowercase letters, digits and hyphens, like `apollo-missions`",
                    id.get_ref()
                ),
            );
        }
        let title = table.string("title", diagnostics);
        if let Some(title) = &title
            && title.get_ref().trim().is_empty()
        {
            diagnostics.at(source, title.span(), "`title` must not be empty");
        }
        self.about = About {
            id: id.map(Spanned::into_inner),
            title: title
                .map(Spanned::into_inner)
                .filter(|title| !title.trim().is_empty()),
            description: table
                .string("description", diagnostics)
                .map(Spanned::into_inner),
        };
    }

    fn fact(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "fact") else {
            return;
        };
        static ALLOWED: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
            FACT_BASE_FIELDS
                .iter()
                .chain(Qualifiers::NAMES.iter())
                .copied()
                .collect()
        });
        table.deny_unknown(&ALLOWED, diagnostics);
        let id = table.string("id", diagnostics);
        let subject = table.required_string("subject", diagnostics);
        let relation_id = table.required_string("relation", diagnostics);
        let relation = relation_id.as_ref().and_then(|id| {
            let found = self
                .relation_index
                .get(id.get_ref())
                .map(|&index| &self.relations[index]);
            if found.is_none() && !self.relation_ids.contains_key(id.get_ref()) {
                diagnostics.at(
                    source,
                    id.span(),
                    format!(
                        "unknown relation `{}`: no `[[relation]]` has this id",
                        id.get_ref()
                    ),
                );
            }
            found
        });
        let subject_ok = subject.as_ref().is_some_and(|subject| {
            self.check_entity_ref(
                source,
                subject,
                relation.map(|r| r.subject_kinds.as_slice()),
                "subject",
                diagnostics,
            )
        });
        let object = match table.get("object") {
            None => {
                table.missing(
                    "object",
                    relation.map_or("an entity id or a value", |relation| {
                        match &relation.object {
                            ObjectType::Entity(_) => "an entity id",
                            ObjectType::Value(kind) => kind.expected_form(),
                        }
                    }),
                    diagnostics,
                );
                None
            }
            Some(raw) => {
                relation.and_then(|relation| self.read_object(source, raw, relation, diagnostics))
            }
        };
        let qualifiers = read_qualifiers(source, &table, diagnostics);
        let sources = match table.tables("sources", diagnostics) {
            None => {
                if table.get("sources").is_none() {
                    diagnostics.at(
                        source,
                        table.span.clone(),
                        "fact has no source: add `sources = [{ article = \"FILE\", evidence = \"...\" }]`",
                    );
                }
                Vec::new()
            }
            Some(tables) if tables.is_empty() => {
                diagnostics.at(
                    source,
                    table
                        .get("sources")
                        .map_or(table.span.clone(), Spanned::span),
                    "fact has no source: `sources` is empty",
                );
                Vec::new()
            }
            Some(tables) => tables
                .into_iter()
                .filter_map(|citation| self.citation(source, citation, diagnostics))
                .collect(),
        };
        if let Some(id) = &id
            && !claim_id(&mut self.fact_ids, "fact", id, source, diagnostics)
        {
            return;
        }
        let (Some(subject), Some(relation), Some(object)) = (subject, relation, object) else {
            return;
        };
        if !subject_ok || sources.is_empty() {
            return;
        }
        let interest = read_interest(source, &table, diagnostics);
        self.facts.push(Fact {
            interest,
            id: id.map(Spanned::into_inner),
            subject: subject.into_inner(),
            relation: relation.id.clone(),
            object,
            qualifiers,
            sources,
            origin: Origin::of(source, table.span.start),
        });
    }

    /// Checks that an entity reference resolves and has an allowed kind.
    fn check_entity_ref(
        &self,
        source: &SourceFile,
        reference: &Spanned<String>,
        kinds: Option<&[String]>,
        role: &str,
        diagnostics: &mut Diagnostics,
    ) -> bool {
        let Some(entity) = self
            .entity_index
            .get(reference.get_ref())
            .map(|&index| &self.entities[index])
        else {
            if !self.entity_ids.contains_key(reference.get_ref()) {
                diagnostics.at(
                    source,
                    reference.span(),
                    format!(
                        "unknown entity `{}` as {role}: no `[[entity]]` has this id",
                        reference.get_ref()
                    ),
                );
            }
            return false;
        };
        match kinds {
            Some(kinds) if !self.kinds.is_any_of(&entity.kind, kinds) => {
                diagnostics.at(
                    source,
                    reference.span(),
                    format!(
                        "entity `{}` is {}, but the relation takes {} as {role}",
                        entity.id,
                        with_article(&entity.kind),
                        with_article(&kinds.join(" or "))
                    ),
                );
                false
            }
            _ => true,
        }
    }

    fn read_object(
        &self,
        source: &SourceFile,
        raw: &Spanned<DeValue<'_>>,
        relation: &Relation,
        diagnostics: &mut Diagnostics,
    ) -> Option<Object> {
        match &relation.object {
            ObjectType::Entity(kinds) => match raw.get_ref() {
                DeValue::String(id) => {
                    let reference = Spanned::new(raw.span(), id.to_string());
                    self.check_entity_ref(source, &reference, Some(kinds), "object", diagnostics)
                        .then(|| Object::Entity(reference.into_inner()))
                }
                other => {
                    diagnostics.at(
                        source,
                        raw.span(),
                        format!(
                            "relation `{}` links to an entity: `object` must be an entity id (a string), found {}",
                            relation.id,
                            type_name(other)
                        ),
                    );
                    None
                }
            },
            ObjectType::Value(kind) => {
                read_value(source, raw, *kind, &relation.id, diagnostics).map(Object::Value)
            }
        }
    }

    fn citation(
        &self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Citation> {
        let table = sub_table(source, value, "source")?;
        table.deny_unknown(&SOURCE_FIELDS, diagnostics);
        let article = table.required_string("article", diagnostics);
        let evidence = table.required_string("evidence", diagnostics);
        if let Some(evidence) = &evidence {
            let words = evidence.get_ref().split_whitespace().count();
            if words > MAX_EVIDENCE_WORDS {
                diagnostics.at(
                    source,
                    evidence.span(),
                    format!(
                        "evidence has {words} words; quote at most {MAX_EVIDENCE_WORDS} words of the article"
                    ),
                );
            }
        }
        let article = article?;
        let Some(known) = self
            .article_index
            .get(article.get_ref())
            .map(|&index| &self.articles[index])
        else {
            let mut expected = self
                .articles
                .iter()
                .take(MAX_LISTED)
                .map(|known| format!("`{}`", known.file))
                .collect::<Vec<_>>()
                .join(", ");
            if self.articles.len() > MAX_LISTED {
                expected.push_str(&format!(" and {} more", self.articles.len() - MAX_LISTED));
            }
            diagnostics.at(
                source,
                article.span(),
                if expected.is_empty() {
                    format!(
                        "source names unknown article `{}`: no `[[article]]` is declared",
                        article.get_ref()
                    )
                } else {
                    format!(
                        "source names unknown article `{}`, expected one of {expected}",
                        article.get_ref()
                    )
                },
            );
            return None;
        };
        Some(Citation {
            article: known.file.clone(),
            evidence: Some(evidence?.into_inner()),
        })
    }

    fn disagreement(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "disagreement") else {
            return;
        };
        table.deny_unknown(&DISAGREEMENT_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let topic = table.required_string("topic", diagnostics);
        let note = table.string("note", diagnostics);
        let side_tables = table.tables("side", diagnostics).unwrap_or_default();
        if side_tables.len() < 2 {
            diagnostics.at(
                source,
                table.get("side").map_or(table.span.clone(), Spanned::span),
                format!(
                    "a disagreement needs at least 2 `[[disagreement.side]]`, found {}",
                    side_tables.len()
                ),
            );
        }
        let mut sides = Vec::new();
        for side_value in side_tables {
            let Some(side) = sub_table(source, side_value, "disagreement side") else {
                continue;
            };
            side.deny_unknown(&SIDE_FIELDS, diagnostics);
            let claim = side.required_string("claim", diagnostics);
            let facts = side.strings("facts", diagnostics).unwrap_or_default();
            for fact in &facts {
                if !self.fact_ids.contains_key(fact.get_ref()) {
                    diagnostics.at(
                        source,
                        fact.span(),
                        format!(
                            "unknown fact `{}`: no `[[fact]]` has this id",
                            fact.get_ref()
                        ),
                    );
                }
            }
            let citations: Vec<Citation> = match side.tables("sources", diagnostics) {
                Some(tables) => tables
                    .into_iter()
                    .filter_map(|citation| self.citation(source, citation, diagnostics))
                    .collect(),
                None => Vec::new(),
            };
            if citations.is_empty() && side.get("sources").is_none() {
                side.missing("sources", "the citations for this side", diagnostics);
            }
            if let Some(claim) = claim {
                sides.push(Side {
                    claim: claim.into_inner(),
                    facts: facts.into_iter().map(Spanned::into_inner).collect(),
                    sources: citations,
                });
            }
        }
        let (Some(id), Some(topic)) = (id, topic) else {
            return;
        };
        if !claim_id(
            &mut self.disagreement_ids,
            "disagreement",
            &id,
            source,
            diagnostics,
        ) {
            return;
        }
        self.disagreements.push(Disagreement {
            id: id.into_inner(),
            topic: topic.into_inner(),
            note: note.map(Spanned::into_inner),
            sides,
            origin: Origin::of(source, table.span.start),
        });
    }
}

#[cfg(test)]
mod schema_tests {
    use super::*;

    fn keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
        names.sort();
        names
    }

    /// A field added to the loader must be added to `schema/facts.schema.json` too (and the other way).
    #[test]
    fn schema_names_the_fields_the_loader_reads() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::schema::FACTS_SCHEMA).expect("the facts schema is JSON");
        let sections = &schema["properties"];
        assert_eq!(keys(sections), sorted(&SECTIONS));
        let fields = |section: &str| keys(&sections[section]["oneOf"][0]["items"]["properties"]);
        assert_eq!(
            keys(&sections["fact_base"]["properties"]),
            sorted(&FACT_BASE_TABLE_FIELDS)
        );
        assert_eq!(fields("kind"), sorted(&KIND_FIELDS));
        assert_eq!(fields("article"), sorted(&ARTICLE_FIELDS));
        let value_types: Vec<&str> =
            sections["relation"]["oneOf"][0]["items"]["properties"]["value"]["enum"]
                .as_array()
                .expect("value types")
                .iter()
                .map(|name| name.as_str().expect("a name"))
                .collect();
        let known: Vec<&str> = super::super::ValueType::ALL
            .iter()
            .map(|kind| kind.as_str())
            .collect();
        assert_eq!(sorted(&value_types), sorted(&known), "value types");
        assert_eq!(fields("relation"), sorted(&RELATION_FIELDS));
        assert_eq!(fields("entity"), sorted(&ENTITY_FIELDS));
        let mut fact: Vec<&str> = FACT_BASE_FIELDS.to_vec();
        fact.extend(Qualifiers::NAMES);
        assert_eq!(fields("fact"), sorted(&fact));
        assert_eq!(fields("disagreement"), sorted(&DISAGREEMENT_FIELDS));
        let side = &sections["disagreement"]["oneOf"][0]["items"]["properties"]["side"]["items"];
        assert_eq!(keys(&side["properties"]), sorted(&SIDE_FIELDS));
    }
}
