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

    fn kind(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "kind") else {
            return;
        };
        table.deny_unknown(&KIND_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let broader = table.string("broader", diagnostics);
        let description = table.string("description", diagnostics);
        let Some(id) = id else { return };
        if !is_slug(id.get_ref()) {
            diagnostics.at(
                source,
                id.span(),
                format!(
                    "kind `{}` must be lowercase letters, digits and hyphens, like `space-probe`",
                    id.get_ref()
                ),
            );
            return;
        }
        if let Some(existing) = self.kinds.get(id.get_ref()) {
            let message = match &existing.origin {
                Some(first) => format!(
                    "duplicate kind `{}`: first declared at {first}",
                    id.get_ref()
                ),
                None => format!(
                    "kind `{}` is a shipped kind already: use it as it is, or declare a narrower kind under it (`broader = \"{}\"`)",
                    id.get_ref(),
                    id.get_ref()
                ),
            };
            diagnostics.at(source, id.span(), message);
            return;
        }
        let origin = Origin::of(
            source,
            broader.as_ref().map_or(id.span().start, |b| b.span().start),
        );
        self.kinds.declare(EntityKind {
            name: id.into_inner(),
            broader: broader.map(Spanned::into_inner),
            description: description.map(Spanned::into_inner),
            origin: Some(origin),
        });
    }

    /// Every declared kind's broader kind must exist, and no kind may end up under itself.
    fn check_broader_kinds(&mut self, diagnostics: &mut Diagnostics) {
        let mut bad = Vec::new();
        for kind in self.kinds.declared() {
            let (Some(broader), Some(origin)) = (&kind.broader, &kind.origin) else {
                continue;
            };
            if !self.kinds.contains(broader) {
                diagnostics.items.push(origin.diagnostic(format!(
                    "kind `{}` is under unknown kind `{broader}`: declare `{broader}` with `[[kind]]` or use a shipped kind ({})",
                    kind.name,
                    super::SHIPPED_KINDS.join(", ")
                )));
                bad.push(kind.name.clone());
            } else if self.kinds.is_a(broader, &kind.name) {
                diagnostics.items.push(origin.diagnostic(format!(
                    "kind `{}` is under `{broader}`, which is under `{}`: broader kinds must not loop",
                    kind.name, kind.name
                )));
                bad.push(kind.name.clone());
            }
        }
        if !bad.is_empty() {
            let mut kinds = Kinds::default();
            for kind in self.kinds.declared() {
                let mut kind = kind.clone();
                if bad.contains(&kind.name) {
                    kind.broader = None;
                }
                kinds.declare(kind);
            }
            self.kinds = kinds;
        }
    }

    fn article(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "article") else {
            return;
        };
        table.deny_unknown(&ARTICLE_FIELDS, diagnostics);
        let file = table.required_string("file", diagnostics);
        let id = table.string("id", diagnostics);
        let title = table.required_string("title", diagnostics);
        let label = table.required_string("label", diagnostics);
        let written = table
            .get("written")
            .and_then(|value| read_date(source, value, "written", "article", diagnostics));
        let (Some(file), Some(title), Some(label)) = (file, title, label) else {
            return;
        };
        let mut unique = claim_id(
            &mut self.article_names,
            "article",
            &file,
            source,
            diagnostics,
        );
        if let Some(id) = &id {
            unique &= claim_id(&mut self.article_names, "article", id, source, diagnostics);
        }
        if !unique {
            return;
        }
        let index = self.articles.len();
        self.article_index
            .entry(file.get_ref().clone())
            .or_insert(index);
        if let Some(id) = &id {
            self.article_index
                .entry(id.get_ref().clone())
                .or_insert(index);
        }
        self.articles.push(Article {
            file: file.into_inner(),
            id: id.map(Spanned::into_inner),
            title: title.into_inner(),
            label: label.into_inner(),
            written,
            origin: Origin::of(source, table.span.start),
        });
    }

    fn relation(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "relation") else {
            return;
        };
        table.deny_unknown(&RELATION_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let subject_kinds = read_kinds(&table, &self.kinds, "subject", true, diagnostics);
        let object = match (table.get("object"), table.get("value")) {
            (Some(_), Some(value)) => {
                diagnostics.at(
                    source,
                    value.span(),
                    "relation has both `object` and `value`: give `object` (entity kinds) or `value` (a value type), not both",
                );
                None
            }
            (Some(_), None) => {
                read_kinds(&table, &self.kinds, "object", true, diagnostics).map(ObjectType::Entity)
            }
            (None, Some(_)) => table.string("value", diagnostics).and_then(|kind| {
                match ValueType::parse(kind.get_ref()) {
                    Some(kind) => Some(ObjectType::Value(kind)),
                    None => {
                        let expected = ValueType::ALL
                            .iter()
                            .map(|kind| format!("`{kind}`"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        diagnostics.at(
                            source,
                            kind.span(),
                            format!(
                                "unknown value type `{}`, expected one of {expected}",
                                kind.get_ref()
                            ),
                        );
                        None
                    }
                }
            }),
            (None, None) => {
                table.missing(
                    "object",
                    "entity kinds (`object = [\"person\"]`) or a value type (`value = \"date\"`)",
                    diagnostics,
                );
                None
            }
        };
        let cardinality = read_cardinality(&table, "cardinality", diagnostics);
        let inverse = read_cardinality(&table, "inverse", diagnostics);
        let complete = table
            .boolean("complete", diagnostics)
            .map(Spanned::into_inner);
        let disjoint_with = table
            .strings("disjoint_with", diagnostics)
            .unwrap_or_default();
        let category = table.required_string("category", diagnostics);
        let ask_object = read_templates(&table, "ask_object", diagnostics);
        let ask_subject = read_templates(&table, "ask_subject", diagnostics);
        let ask_all = table.string("ask_all", diagnostics);
        let statement = table.required_string("statement", diagnostics);
        let interest = read_interest(source, &table, diagnostics);
        let alike = table.strings("alike", diagnostics).unwrap_or_default();
        let explain_with = table
            .strings("explain_with", diagnostics)
            .unwrap_or_default();
        let within = table.string("within", diagnostics);
        let ask_within = read_templates(&table, "ask_within", diagnostics);
        for template in ask_within.iter() {
            check_template(
                source,
                template,
                &["subject", "within"],
                &["object"],
                diagnostics,
            );
        }
        if within.is_some() == ask_within.is_empty() {
            diagnostics.at(
                source,
                table.span.clone(),
                "`within` and `ask_within` go together: the relation that says where an answer lies, \
                 and the templates that name it as `{within}`",
            );
        }
        for template in ask_object.iter() {
            check_template(source, template, &["subject"], &["object"], diagnostics);
        }
        for template in ask_subject.iter() {
            check_template(source, template, &["object"], &["subject"], diagnostics);
        }
        if let Some(template) = &ask_all {
            check_template(source, template, &["subject"], &["object"], diagnostics);
        }
        if let Some(template) = &statement {
            check_template(source, template, &["subject", "object"], &[], diagnostics);
        }
        let (Some(id), Some(subject_kinds), Some(object), Some(category), Some(statement)) =
            (id, subject_kinds, object, category, statement)
        else {
            return;
        };
        if !claim_id(&mut self.relation_ids, "relation", &id, source, diagnostics) {
            return;
        }
        let cardinality = cardinality.unwrap_or(Cardinality::One);
        self.relation_index
            .insert(id.get_ref().clone(), self.relations.len());
        self.relations.push(Relation {
            id: id.into_inner(),
            subject_kinds,
            object,
            cardinality,
            complete: complete.unwrap_or(false),
            inverse: inverse.unwrap_or(Cardinality::Many),
            disjoint_with: disjoint_with.into_iter().map(Spanned::into_inner).collect(),
            category: category.into_inner(),
            ask_object: ask_object.into_iter().map(Spanned::into_inner).collect(),
            ask_subject: ask_subject.into_iter().map(Spanned::into_inner).collect(),
            ask_all: ask_all.map(Spanned::into_inner),
            statement: statement.into_inner(),
            interest: interest.unwrap_or(2),
            alike: alike.into_iter().map(Spanned::into_inner).collect(),
            explain_with: explain_with.into_iter().map(Spanned::into_inner).collect(),
            within: within.map(Spanned::into_inner),
            ask_within: ask_within.into_iter().map(Spanned::into_inner).collect(),
            origin: Origin::of(source, table.span.start),
        });
    }

    fn entity(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "entity") else {
            return;
        };
        table.deny_unknown(&ENTITY_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let name = table.required_string("name", diagnostics);
        let kind = read_kinds(&table, &self.kinds, "kind", true, diagnostics).and_then(|kinds| {
            if kinds.len() == 1 {
                kinds.into_iter().next()
            } else {
                diagnostics.at(
                    source,
                    table.get("kind").map_or(table.span.clone(), Spanned::span),
                    "an entity has exactly one `kind`",
                );
                None
            }
        });
        let aliases = table.strings("aliases", diagnostics).unwrap_or_default();
        let prominence = table.integer("prominence", diagnostics).and_then(|level| {
            if (1..=3).contains(level.get_ref()) {
                Some(*level.get_ref() as u8)
            } else {
                diagnostics.at(
                    source,
                    level.span(),
                    format!(
                        "`prominence` must be 1 (well known), 2 (known to fans) or 3 (obscure), found {}",
                        level.get_ref()
                    ),
                );
                None
            }
        });
        let description = table.string("description", diagnostics);
        let display = table.string("display", diagnostics);
        let article = table.string("article", diagnostics);
        let refer_as = table.string("refer_as", diagnostics);
        let short = table.string("short", diagnostics);
        let style = table.string("style", diagnostics).and_then(|style| {
            let parsed = TitleStyle::parse(style.get_ref());
            if parsed.is_none() {
                diagnostics.at(
                    source,
                    style.span(),
                    format!(
                        "`style` must be `plain`, `quoted` or `italic`, found `{}`",
                        style.get_ref()
                    ),
                );
            }
            parsed
        });
        let main = table.boolean("main", diagnostics).map(Spanned::into_inner);
        let interest = read_interest(source, &table, diagnostics);
        let candidate_for = table
            .strings("candidate_for", diagnostics)
            .unwrap_or_default();
        for text in [&display, &article, &refer_as, &short]
            .into_iter()
            .flatten()
        {
            if text.get_ref().trim().is_empty() {
                diagnostics.at(source, text.span(), "must not be empty");
            }
        }
        for alias in &aliases {
            if alias.get_ref().trim().is_empty() {
                diagnostics.at(source, alias.span(), "an alias must not be empty");
            }
        }
        let (Some(id), Some(name), Some(kind)) = (id, name, kind) else {
            return;
        };
        if !claim_id(&mut self.entity_ids, "entity", &id, source, diagnostics) {
            return;
        }
        let index = self.entities.len();
        if !self.names.contains_key(&kind) {
            self.names.insert(kind.clone(), FastMap::default());
        }
        let names = self.names.get_mut(&kind).expect("inserted above");
        for label in std::iter::once(&name).chain(aliases.iter()) {
            let key = super::name_key(label.get_ref());
            if key.is_empty() {
                continue;
            }
            match names.get(&key) {
                Some((owner, first)) if *owner != index => diagnostics.at(
                    source,
                    label.span(),
                    format!(
                        "name or alias `{}` of entity `{}` collides with entity `{}` (declared at {first}), also {}: an answer must name one {kind} only (entities of different kinds may share a name)",
                        label.get_ref(),
                        id.get_ref(),
                        self.entities[*owner].id,
                        with_article(&kind)
                    ),
                ),
                Some(_) => {}
                None => {
                    names.insert(key, (index, Origin::of(source, label.span().start)));
                }
            }
        }
        self.entity_index
            .insert(id.get_ref().clone(), self.entities.len());
        self.entities.push(Entity {
            id: id.into_inner(),
            name: name.into_inner(),
            kind,
            aliases: aliases
                .into_iter()
                .map(Spanned::into_inner)
                .filter(|alias| !alias.trim().is_empty())
                .collect(),
            prominence: prominence.unwrap_or(2),
            description: description.map(Spanned::into_inner),
            display: display.map(Spanned::into_inner),
            article: article.map(Spanned::into_inner),
            refer_as: refer_as.map(Spanned::into_inner),
            short: short.map(Spanned::into_inner),
            style: style.unwrap_or_default(),
            main: main.unwrap_or(false),
            interest: interest.unwrap_or(2),
            candidate_for: candidate_for.into_iter().map(Spanned::into_inner).collect(),
            origin: Origin::of(source, table.span.start),
        });
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

/// `an award`, `a person`: a noun with its indefinite article.
fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|first| "aeiouAEIOU".contains(first));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Reads a list of entity kinds (a string or an array of strings), checking each is known.
fn read_kinds(
    table: &TableReader<'_, '_>,
    known: &Kinds,
    key: &str,
    required: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<String>> {
    let Some(kinds) = table.strings(key, diagnostics) else {
        if required && table.get(key).is_none() {
            table.missing(key, "an entity kind such as \"person\"", diagnostics);
        }
        return None;
    };
    let mut valid = Vec::new();
    for kind in kinds {
        if known.contains(kind.get_ref()) {
            valid.push(kind.into_inner());
        } else {
            diagnostics.at(
                table.source,
                kind.span(),
                format!(
                    "unknown entity kind `{}`, expected one of {} (or declare it with `[[kind]]`)",
                    kind.get_ref(),
                    known.names().join(", ")
                ),
            );
            return None;
        }
    }
    if valid.is_empty() {
        diagnostics.at(
            table.source,
            table.get(key).map_or(table.span.clone(), Spanned::span),
            format!("`{key}` must name at least one entity kind"),
        );
        return None;
    }
    Some(valid)
}

/// An optional `interest` from 0 (never worth asking) to 3.
fn read_interest(
    source: &SourceFile,
    table: &TableReader<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> Option<u8> {
    table.integer("interest", diagnostics).and_then(|level| {
        let value = *level.get_ref();
        if (0..=3).contains(&value) {
            Some(value as u8)
        } else {
            diagnostics.at(
                source,
                level.span(),
                format!(
                    "`interest` must be 0 (never worth asking), 1 (dull), 2 (usual) or 3 (headline), found {value}"
                ),
            );
            None
        }
    })
}

fn read_cardinality(
    table: &TableReader<'_, '_>,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Cardinality> {
    let text = table.string(key, diagnostics)?;
    match text.get_ref().as_str() {
        "one" => Some(Cardinality::One),
        "many" => Some(Cardinality::Many),
        other => {
            diagnostics.at(
                table.source,
                text.span(),
                format!("`{key}` must be \"one\" or \"many\", found \"{other}\""),
            );
            None
        }
    }
}

fn read_templates(
    table: &TableReader<'_, '_>,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Spanned<String>> {
    table.strings(key, diagnostics).unwrap_or_default()
}

/// Checks a phrasing template: known placeholders only, `needs` present, `forbidden` absent.
fn check_template(
    source: &SourceFile,
    template: &Spanned<String>,
    needs: &[&str],
    forbidden: &[&str],
    diagnostics: &mut Diagnostics,
) {
    let names = match placeholders(template.get_ref()) {
        Ok(names) => names,
        Err(problem) => {
            diagnostics.at(source, template.span(), problem);
            return;
        }
    };
    for name in &names {
        let known = *name == "subject"
            || *name == "object"
            || needs.contains(name)
            || (Qualifiers::NAMES.contains(name) && *name != "note");
        if !known {
            diagnostics.at(
                source,
                template.span(),
                format!(
                    "unknown placeholder `{{{name}}}`, expected {{subject}}, {{object}} or a qualifier ({})",
                    Qualifiers::NAMES[..8].join(", ")
                ),
            );
        } else if forbidden.contains(name) {
            diagnostics.at(
                source,
                template.span(),
                format!("this template must not contain `{{{name}}}`: it is the answer"),
            );
        }
    }
    for need in needs {
        if !names.contains(need) {
            diagnostics.at(
                source,
                template.span(),
                format!("template must contain `{{{need}}}`"),
            );
        }
    }
}

/// The placeholder names in a template, in order.
pub fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("unclosed `{{` in template \"{template}\""));
        };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("unopened `}}` in template \"{template}\""));
    }
    Ok(names)
}

fn read_qualifiers(
    source: &SourceFile,
    table: &TableReader<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> Qualifiers {
    let text = |key: &str, diagnostics: &mut Diagnostics| {
        table.string(key, diagnostics).map(Spanned::into_inner)
    };
    Qualifiers {
        part: table.integer("part", diagnostics).map(Spanned::into_inner),
        role: text("role", diagnostics),
        as_of: table
            .get("as_of")
            .and_then(|value| read_date(source, value, "as_of", "fact", diagnostics)),
        category: text("category", diagnostics),
        year: table.integer("year", diagnostics).map(Spanned::into_inner),
        context: text("context", diagnostics),
        region: text("region", diagnostics),
        approx: text("approx", diagnostics),
        note: text("note", diagnostics),
    }
}

/// Reads a date: a TOML local date, or a string `YYYY`, `YYYY-MM`, `YYYY-MM-DD`.
fn read_date(
    source: &SourceFile,
    value: &Spanned<DeValue<'_>>,
    key: &str,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<PartialDate> {
    let parsed = match value.get_ref() {
        DeValue::Datetime(datetime) if datetime.time.is_none() && datetime.offset.is_none() => {
            datetime
                .date
                .and_then(|date| PartialDate::ymd(i32::from(date.year), date.month, date.day))
        }
        DeValue::String(text) => PartialDate::parse_iso(text),
        DeValue::Integer(_) => crate::tomldoc::integer_value(value.get_ref())
            .and_then(|year| i32::try_from(year).ok())
            .filter(|year| (1000..=9999).contains(year))
            .map(PartialDate::year),
        _ => None,
    };
    if parsed.is_none() {
        diagnostics.at(
            source,
            value.span(),
            format!(
                "field `{key}` in {what} must be a date (2017-07-09, or a string \"2017\", \"2017-07\", \"2017-07-09\"), found {}",
                describe(value.get_ref())
            ),
        );
    }
    parsed
}

/// A short description of a value for messages: its type, and the text of a string.
fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => format!("\"{text}\""),
        other => type_name(other).to_string(),
    }
}

/// Reads a fact's object as a value of the relation's type.
fn read_value(
    source: &SourceFile,
    raw: &Spanned<DeValue<'_>>,
    kind: ValueType,
    relation: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Value> {
    let wrong = |diagnostics: &mut Diagnostics| {
        diagnostics.at(
            source,
            raw.span(),
            format!(
                "relation `{relation}` takes {} value: `object` must be {}, found {}",
                with_article(kind.as_str()),
                kind.expected_form(),
                describe(raw.get_ref())
            ),
        );
        None
    };
    match kind {
        ValueType::Text | ValueType::Quote => match raw.get_ref() {
            DeValue::String(text) if !text.trim().is_empty() => Some(if kind == ValueType::Text {
                Value::Text {
                    text: text.to_string(),
                }
            } else {
                Value::Quote {
                    text: text.to_string(),
                }
            }),
            _ => wrong(diagnostics),
        },
        ValueType::Integer => match crate::tomldoc::integer_value(raw.get_ref()) {
            Some(value) => Some(Value::Integer { value }),
            None => wrong(diagnostics),
        },
        ValueType::Ordinal => {
            super::read_value::ordinal(raw.get_ref()).or_else(|| wrong(diagnostics))
        }
        ValueType::Time => match super::read_value::time(source, raw, diagnostics) {
            Some(value) => value,
            None => wrong(diagnostics),
        },
        ValueType::Measure => match sub_table(source, raw, "object") {
            Some(table) => super::read_value::measure(&table, diagnostics),
            None => wrong(diagnostics),
        },
        ValueType::Date => match raw.get_ref() {
            DeValue::Datetime(_) | DeValue::String(_) | DeValue::Integer(_) => {
                read_date(source, raw, "object", "fact", diagnostics)
                    .map(|date| Value::Date { date })
            }
            _ => wrong(diagnostics),
        },
        ValueType::Money
        | ValueType::Duration
        | ValueType::Percentage
        | ValueType::Score
        | ValueType::Age => {
            let Some(table) = sub_table(source, raw, "object") else {
                return wrong(diagnostics);
            };
            read_value_table(&table, kind, diagnostics)
        }
    }
}

fn read_value_table(
    table: &TableReader<'_, '_>,
    kind: ValueType,
    diagnostics: &mut Diagnostics,
) -> Option<Value> {
    let source = table.source;
    let required_number = |key: &str, diagnostics: &mut Diagnostics| {
        if table.get(key).is_none() {
            table.missing(key, "a number", diagnostics);
            return None;
        }
        table.number(key, diagnostics).map(Spanned::into_inner)
    };
    match kind {
        ValueType::Money => {
            table.deny_unknown(&["amount", "currency"], diagnostics);
            let amount = required_number("amount", diagnostics);
            let currency = table.required_string("currency", diagnostics);
            let currency = currency.and_then(|code| {
                let valid = code.get_ref().len() == 3
                    && code.get_ref().chars().all(|c| c.is_ascii_uppercase());
                if valid {
                    Some(code.into_inner())
                } else {
                    diagnostics.at(
                        source,
                        code.span(),
                        format!(
                            "`currency` must be an ISO 4217 code such as \"USD\", found \"{}\"",
                            code.get_ref()
                        ),
                    );
                    None
                }
            });
            Some(Value::Money {
                amount: amount?,
                currency: currency?,
            })
        }
        ValueType::Duration if super::read_value::is_compound_duration(table) => {
            super::read_value::span(table, diagnostics)
        }
        ValueType::Duration => {
            table.deny_unknown(&["amount", "unit"], diagnostics);
            let amount = required_number("amount", diagnostics);
            let unit = table.required_string("unit", diagnostics).and_then(|unit| {
                if DURATION_UNITS.contains(&unit.get_ref().as_str()) {
                    Some(unit.into_inner())
                } else {
                    diagnostics.at(
                        source,
                        unit.span(),
                        format!(
                            "unknown duration unit \"{}\", expected one of {}",
                            unit.get_ref(),
                            DURATION_UNITS.join(", ")
                        ),
                    );
                    None
                }
            });
            Some(Value::Duration {
                amount: amount?,
                unit: unit?,
            })
        }
        ValueType::Percentage => {
            table.deny_unknown(&["percent"], diagnostics);
            Some(Value::Percentage {
                percent: required_number("percent", diagnostics)?,
            })
        }
        ValueType::Score => {
            table.deny_unknown(
                &["value", "out_of", "count", "counted", "percent"],
                diagnostics,
            );
            let value = required_number("value", diagnostics);
            let out_of = required_number("out_of", diagnostics);
            let count = table.integer("count", diagnostics).and_then(|count| {
                u32::try_from(*count.get_ref()).ok().or_else(|| {
                    diagnostics.at(
                        source,
                        count.span(),
                        "`count` must be a whole number, 0 or more",
                    );
                    None
                })
            });
            let counted = table
                .string("counted", diagnostics)
                .map(Spanned::into_inner);
            let percent = table
                .boolean("percent", diagnostics)
                .is_some_and(Spanned::into_inner);
            let (value, out_of) = (value?, out_of?);
            if value > out_of || value < 0.0 {
                diagnostics.at(
                    source,
                    table.span.clone(),
                    format!("score {value} is outside 0 to {out_of}"),
                );
                return None;
            }
            Some(Value::Score {
                value,
                out_of,
                count,
                counted,
                percent,
            })
        }
        ValueType::Age => {
            table.deny_unknown(&["years", "as_of"], diagnostics);
            let years = match table.integer("years", diagnostics) {
                Some(years) => u32::try_from(*years.get_ref()).ok().or_else(|| {
                    diagnostics.at(source, years.span(), "`years` must be 0 or more");
                    None
                }),
                None => {
                    if table.get("years").is_none() {
                        table.missing("years", "an integer", diagnostics);
                    }
                    None
                }
            };
            let as_of = match table.get("as_of") {
                Some(value) => read_date(source, value, "as_of", "age", diagnostics),
                None => {
                    table.missing("as_of", "the date the age holds for", diagnostics);
                    None
                }
            };
            Some(Value::Age {
                years: years?,
                as_of: as_of?,
            })
        }
        _ => None,
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
