//! The oracle's own reading of fact files: raw TOML into its own structures (no library fact model),
//! and which entities a text names.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use toml::{Table, Value as Toml};

use super::values::*;

// ---------------------------------------------------------------- the raw fact base

pub struct Entity {
    pub id: String,
    pub kind: String,
    /// Names that denote it: name, aliases and every other name-like field, without "the".
    pub names: Vec<String>,
    /// The same names as written (for cutting them out of a text before reading its values).
    pub written: Vec<String>,
    /// Weaker forms used only to find what a prompt is about: "the series" for the only entity of
    /// its kind.
    pub loose: Vec<String>,
    /// How sentences name it (`refer_as`: "the series", "the 1958 film The Defiant Ones").
    pub refer: Vec<String>,
}

pub struct Relation {
    pub value: Option<String>,
    /// One subject per object (`inverse = "one"`, or a quotation, which has its speaker).
    pub inverse_one: bool,
    pub many: bool,
    pub complete: bool,
    /// Relations declared disjoint with this one (in either declaration).
    pub disjoint: Vec<String>,
    /// The content words of its statement template, placeholders left out (in [`norm`] form).
    pub statement_words: Vec<String>,
}

pub struct Fact {
    pub id: Option<String>,
    pub subject: usize,
    pub relation: String,
    pub object: End,
    /// (article file, evidence in [`norm`] form).
    pub sources: Vec<(String, String)>,
}

pub struct Article {
    pub file: String,
    pub id: Option<String>,
    /// Label and title, in [`norm`] form.
    pub names: Vec<String>,
}

/// A fact base read from its TOML files by the oracle alone.
pub struct RawBase {
    pub name: String,
    pub entities: Vec<Entity>,
    pub relations: HashMap<String, Relation>,
    pub facts: Vec<Fact>,
    pub articles: Vec<Article>,
    pub disputed: HashSet<usize>,
}

pub(crate) fn strings(table: &Table, key: &str) -> Vec<String> {
    match table.get(key) {
        Some(Toml::String(text)) => vec![text.clone()],
        Some(Toml::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn tables<'a>(table: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    table
        .get(key)
        .and_then(Toml::as_array)
        .into_iter()
        .flatten()
        .filter_map(Toml::as_table)
}

/// The `.toml` files a path stands for: itself, or a folder's files sorted by name.
pub(crate) fn toml_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|file| file.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

impl RawBase {
    pub fn load(name: &str, paths: &[PathBuf]) -> RawBase {
        let documents: Vec<Table> = paths
            .iter()
            .flat_map(|path| toml_files(path))
            .map(|file| {
                let text = std::fs::read_to_string(&file).unwrap();
                text.parse::<Table>()
                    .unwrap_or_else(|error| panic!("{}: {error}", file.display()))
            })
            .collect();
        let mut entities = Vec::new();
        let mut relations = HashMap::new();
        let mut articles = Vec::new();
        for document in &documents {
            for table in tables(document, "article") {
                let mut names = strings(table, "label");
                names.extend(strings(table, "title"));
                articles.push(Article {
                    file: strings(table, "file").remove(0),
                    id: strings(table, "id").pop(),
                    names: names.iter().map(|name| norm_name(name)).collect(),
                });
            }
            for table in tables(document, "relation") {
                relations.insert(
                    strings(table, "id").remove(0),
                    Relation {
                        value: strings(table, "value").pop(),
                        inverse_one: strings(table, "inverse").first().map(String::as_str)
                            == Some("one")
                            || strings(table, "value").first().map(String::as_str) == Some("quote"),
                        many: strings(table, "cardinality").first().map(String::as_str)
                            == Some("many"),
                        complete: table.get("complete").and_then(Toml::as_bool) == Some(true),
                        disjoint: strings(table, "disjoint_with"),
                        statement_words: content_words(
                            &strings(table, "statement").pop().unwrap_or_default(),
                        ),
                    },
                );
            }
            for table in tables(document, "entity") {
                // The names the format gives an entity (docs/facts.md): its unique `name`, the
                // `display` name options show (by default `name` less a trailing "(...)"), the
                // `refer_as` sentences use ("the series"), and the aliases players may type.
                let name = strings(table, "name").remove(0);
                let mut names = vec![name.clone()];
                match name.rfind(" (") {
                    Some(open) if name.ends_with(')') => names.push(name[..open].to_string()),
                    _ => {}
                }
                for field in ["display", "aliases"] {
                    names.extend(strings(table, field));
                }
                let refer = strings(table, "refer_as");
                entities.push(Entity {
                    id: strings(table, "id").remove(0),
                    kind: strings(table, "kind").remove(0),
                    names: names.iter().map(|name| norm_name(name)).collect(),
                    written: names
                        .iter()
                        .chain(&refer)
                        .map(|name| name.to_lowercase())
                        .collect(),
                    refer: refer.iter().map(|name| norm(name)).collect(),
                    loose: Vec::new(),
                });
            }
        }
        let declared: Vec<(String, String)> = relations
            .iter()
            .flat_map(|(id, relation)| {
                relation
                    .disjoint
                    .iter()
                    .map(move |other| (other.clone(), id.clone()))
            })
            .collect();
        for (id, other) in declared {
            if let Some(relation) = relations.get_mut(&id)
                && !relation.disjoint.contains(&other)
            {
                relation.disjoint.push(other);
            }
        }
        let mut kinds: HashMap<String, usize> = HashMap::new();
        for entity in &entities {
            *kinds.entry(entity.kind.clone()).or_default() += 1;
        }
        for entity in &mut entities {
            if kinds[&entity.kind] == 1 {
                entity.loose.push(norm(&format!("the {}", entity.kind)));
            }
        }
        let index: HashMap<String, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, entity)| (entity.id.clone(), i))
            .collect();
        let article_file = |name: &str| -> String {
            articles
                .iter()
                .find(|article: &&Article| {
                    article.file == name || article.id.as_deref() == Some(name)
                })
                .map_or_else(|| name.to_string(), |article| article.file.clone())
        };
        let mut facts = Vec::new();
        for document in &documents {
            for table in tables(document, "fact") {
                let relation = strings(table, "relation").remove(0);
                let declared = relations
                    .get(&relation)
                    .and_then(|r: &Relation| r.value.clone())
                    .unwrap_or_default();
                let raw_object = &table["object"];
                let object = match (relations[&relation].value.is_some(), raw_object) {
                    (false, Toml::String(id)) => End::Entity(index[id]),
                    _ => End::Value(read_value(raw_object, &declared).unwrap_or_else(|| {
                        panic!("the oracle cannot read the value {raw_object:?}")
                    })),
                };
                let sources = tables(table, "sources")
                    .map(|source| {
                        (
                            article_file(&strings(source, "article").remove(0)),
                            norm(&strings(source, "evidence").pop().unwrap_or_default()),
                        )
                    })
                    .collect();
                facts.push(Fact {
                    id: strings(table, "id").pop(),
                    subject: index[&strings(table, "subject").remove(0)],
                    relation,
                    object,
                    sources,
                });
            }
        }
        let mut disputed = HashSet::new();
        for document in &documents {
            for disagreement in tables(document, "disagreement") {
                for side in tables(disagreement, "side") {
                    for id in strings(side, "facts") {
                        for (i, fact) in facts.iter().enumerate() {
                            if fact.id.as_deref() == Some(id.as_str()) {
                                disputed.insert(i);
                            }
                        }
                    }
                }
            }
        }
        RawBase {
            name: name.to_string(),
            entities,
            relations,
            facts,
            articles,
            disputed,
        }
    }
}

// ---------------------------------------------------------------- what a text names

/// Which of an entity's names count when reading a text.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub(crate) enum Tier {
    /// The names options and answers show (name, display name, aliases).
    Shown,
    /// Those and how sentences refer to it (`refer_as`).
    Sentence,
    /// Those and "the series" for the only entity of its kind.
    Loose,
}

/// The entities a text names, each by a name not inside a longer name of another entity ("The Defiant
/// Ones" inside "the 1958 film The Defiant Ones" names only the film).
pub(crate) fn named_entities(base: &RawBase, text: &str, tier: Tier) -> BTreeSet<usize> {
    let haystack = norm(text);
    let strong: Vec<(usize, usize, usize)> = base
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, entity)| {
            let refer = if tier >= Tier::Sentence {
                entity.refer.as_slice()
            } else {
                &[]
            };
            entity
                .names
                .iter()
                .chain(refer)
                .flat_map(|name| spans(&haystack, name))
                .map(move |(start, end)| (i, start, end))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut named: BTreeSet<usize> = strong
        .iter()
        .filter(|&&(i, start, end)| {
            !strong
                .iter()
                .any(|&(j, s, e)| j != i && s <= start && end <= e && e - s > end - start)
        })
        .map(|&(i, _, _)| i)
        .collect();
    if tier == Tier::Loose {
        for (i, entity) in base.entities.iter().enumerate() {
            if entity
                .loose
                .iter()
                .any(|form| !spans(&haystack, form).is_empty())
            {
                named.insert(i);
            }
        }
    }
    named
}

/// The entities a whole text (an option, an answer) is a name of.
pub(crate) fn denoted(base: &RawBase, text: &str) -> Vec<usize> {
    let text = norm_name(text);
    base.entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.names.contains(&text) || entity.loose.contains(&text))
        .map(|(i, _)| i)
        .collect()
}

/// What a text says about the world, computed once per text: the entities it names, and the rest of
/// the text (names cut out, so "1958" inside "The Defiant Ones (1958 film)" is no date) for values.
pub(crate) struct Reading {
    pub(crate) named: BTreeSet<usize>,
    pub(crate) text: String,
    pub(crate) residue: String,
}

impl Reading {
    pub(crate) fn new(base: &RawBase, text: &str) -> Self {
        Self::with(base, text, Tier::Loose)
    }

    /// Only names and `refer_as`, not the loose forms.
    pub(crate) fn strict(base: &RawBase, text: &str) -> Self {
        Self::with(base, text, Tier::Sentence)
    }

    pub(crate) fn with(base: &RawBase, text: &str, tier: Tier) -> Self {
        let named = named_entities(base, text, tier);
        let mut residue = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
        let mut written: Vec<&String> = base
            .entities
            .iter()
            .flat_map(|entity| &entity.written)
            .filter(|name| name.chars().count() > 2)
            .collect();
        written.sort_by_key(|name| std::cmp::Reverse(name.len()));
        for name in written {
            if residue.contains(name.as_str()) {
                residue = residue.replace(name.as_str(), " | ");
            }
        }
        Reading {
            named,
            text: text.to_string(),
            residue,
        }
    }

    pub(crate) fn names(&self, end: &End) -> bool {
        match end {
            End::Entity(i) => self.named.contains(i),
            End::Value(value @ Val::Text(_)) => text_mentions_value(&self.text, value),
            End::Value(value) => text_mentions_value(&self.residue, value),
        }
    }
}

pub(crate) fn end_is(base: &RawBase, end: &End, text: &str) -> bool {
    match end {
        End::Entity(i) => denoted(base, text).contains(i),
        End::Value(value) => text_is_value(text, value),
    }
}
