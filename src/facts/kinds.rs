//! Entity kinds: the shipped default set, plus the kinds a fact base declares, each optionally under a
//! broader kind (a `mission` is an `event`, an `astronaut` is a `person`).
//!
//! A relation that takes a kind takes its narrower kinds too (`subject = ["event"]` accepts a mission);
//! wrong options are drawn from the answer's own kind only, so a rocket is never offered where a
//! spacecraft is asked for. [`Kinds::is_a`] answers "is this kind that kind, or under it?".

use serde::Serialize;

use super::Origin;

/// The kinds every fact base may use without declaring them.
pub const SHIPPED_KINDS: [&str; 19] = [
    "person",
    "group",
    "series",
    "episode",
    "film",
    "album",
    "song",
    "book",
    "company",
    "label",
    "product",
    "network",
    "publication",
    "place",
    "venue",
    "award",
    "event",
    "organization",
    "character",
];

/// One kind of entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityKind {
    /// The kind's name, as entities and relations write it: `mission`.
    pub name: String,
    /// The broader kind it belongs under, if any: `event`.
    pub broader: Option<String>,
    /// What the kind covers, for authors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where a fact base declared it; `None` for a shipped kind.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// The kinds a fact base may use: the shipped ones and its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kinds {
    kinds: Vec<EntityKind>,
}

impl Default for Kinds {
    /// The shipped kinds alone.
    fn default() -> Self {
        Kinds {
            kinds: SHIPPED_KINDS
                .iter()
                .map(|name| EntityKind {
                    name: (*name).to_string(),
                    broader: None,
                    description: None,
                    origin: None,
                })
                .collect(),
        }
    }
}

impl Kinds {
    /// Adds a declared kind (the loader checks names and loops first).
    pub(crate) fn declare(&mut self, kind: EntityKind) {
        self.kinds.push(kind);
    }

    /// Every kind, shipped first, then declared ones in declaration order.
    pub fn all(&self) -> &[EntityKind] {
        &self.kinds
    }

    /// The kinds the fact base declared itself.
    pub fn declared(&self) -> impl Iterator<Item = &EntityKind> {
        self.kinds.iter().filter(|kind| kind.origin.is_some())
    }

    /// A kind by name.
    pub fn get(&self, name: &str) -> Option<&EntityKind> {
        self.kinds.iter().find(|kind| kind.name == name)
    }

    /// Whether the kind exists.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The kind and every broader kind above it, narrowest first: `mission`, `event`.
    pub fn lineage<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        let mut chain = vec![name];
        let mut current = name;
        while let Some(broader) = self.get(current).and_then(|kind| kind.broader.as_deref()) {
            if chain.contains(&broader) {
                break;
            }
            chain.push(broader);
            current = broader;
        }
        chain
    }

    /// Whether `kind` is `ancestor` or lies under it: `is_a("mission", "event")`. Walks the
    /// [`Self::lineage`] without keeping it (the generator asks this of every entity it names).
    pub fn is_a(&self, kind: &str, ancestor: &str) -> bool {
        let mut current = kind;
        // A lineage holds each kind once: as many steps as kinds, plus the one asked about, reach
        // every kind of it, even round a loop (which the loader refuses).
        for _ in 0..=self.kinds.len() {
            if current == ancestor {
                return true;
            }
            match self.get(current).and_then(|kind| kind.broader.as_deref()) {
                Some(broader) => current = broader,
                None => return false,
            }
        }
        false
    }

    /// Whether `kind` is any of `allowed`, or under one of them.
    pub fn is_any_of(&self, kind: &str, allowed: &[String]) -> bool {
        allowed.iter().any(|wanted| self.is_a(kind, wanted))
    }

    /// The names of every kind, for messages.
    pub fn names(&self) -> Vec<&str> {
        self.kinds.iter().map(|kind| kind.name.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(name: &str, broader: Option<&str>) -> EntityKind {
        EntityKind {
            name: name.into(),
            broader: broader.map(String::from),
            description: None,
            origin: Some(Origin {
                file: "kinds.toml".into(),
                line: 1,
                column: 1,
            }),
        }
    }

    #[test]
    fn a_declared_kind_is_its_broader_kinds_too() {
        let mut kinds = Kinds::default();
        kinds.declare(declared("mission", Some("event")));
        kinds.declare(declared("crewed-mission", Some("mission")));
        assert!(kinds.is_a("crewed-mission", "event"));
        assert!(kinds.is_a("mission", "mission"));
        assert!(!kinds.is_a("event", "mission"));
        assert_eq!(
            kinds.lineage("crewed-mission"),
            ["crewed-mission", "mission", "event"]
        );
        assert!(kinds.is_any_of("mission", &["person".into(), "event".into()]));
        assert_eq!(kinds.declared().count(), 2);
    }

    #[test]
    fn a_loop_of_broader_kinds_ends() {
        let mut kinds = Kinds::default();
        kinds.declare(declared("a", Some("b")));
        kinds.declare(declared("b", Some("a")));
        assert_eq!(kinds.lineage("a"), ["a", "b"]);
        assert!(kinds.is_a("a", "b") && kinds.is_a("b", "a") && !kinds.is_a("a", "c"));
    }

    #[test]
    fn a_kind_is_what_its_lineage_holds() {
        let mut kinds = Kinds::default();
        kinds.declare(declared("mission", Some("event")));
        kinds.declare(declared("crewed-mission", Some("mission")));
        kinds.declare(declared("x", Some("y")));
        kinds.declare(declared("y", Some("z")));
        kinds.declare(declared("z", Some("y")));
        let names = [
            "crewed-mission",
            "mission",
            "event",
            "person",
            "x",
            "y",
            "z",
            "w",
        ];
        for kind in names {
            for ancestor in names {
                assert_eq!(
                    kinds.is_a(kind, ancestor),
                    kinds.lineage(kind).contains(&ancestor),
                    "{kind} {ancestor}"
                );
            }
        }
    }
}
