//! Where a pack's questions name the fact-base facts they rest on (`facts = [...]`), so that a name no
//! fact base has (a typo, a fact renamed since) is reported at its `file:line:column` instead of
//! silently letting a game ask the same fact twice.

use std::collections::HashSet;

use toml::Spanned;
use toml::de::DeValue;

use crate::tomldoc::{Diagnostic, Diagnostics, SourceFile, closest};

/// One entry of a question's `facts` list and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactPlace {
    /// The id of the question that names the fact.
    pub question: String,
    /// The fact's name as written: a fact id, or `s-` and 8 hex digits for a fact without one.
    pub fact: String,
    /// 1-based line of the name in its file.
    pub line: usize,
    /// 1-based column (in characters) of the name in its file.
    pub column: usize,
}

/// Every `facts` entry of the `[[question]]` tables of a pack file that parses, in file order. A file
/// that does not mention `facts` anywhere is not parsed again.
pub(crate) fn fact_places(source: &SourceFile) -> Vec<FactPlace> {
    if !source.text.contains("facts") {
        return Vec::new();
    }
    let mut ignored = Diagnostics::default();
    let Some(document) = source.parse(&mut ignored) else {
        return Vec::new();
    };
    let mut places = Vec::new();
    let Some(questions) = document.get_ref().get("question") else {
        return places;
    };
    // `[[question]]` tables, or one `[question]` table, as the loader reads them.
    let tables: Vec<&Spanned<DeValue<'_>>> = match questions.get_ref() {
        DeValue::Array(tables) => tables.iter().collect(),
        DeValue::Table(_) => vec![questions],
        _ => return places,
    };
    for table in tables {
        let DeValue::Table(fields) = table.get_ref() else {
            continue;
        };
        let Some(DeValue::String(id)) = fields.get("id").map(|id| id.get_ref()) else {
            continue;
        };
        // A list of names, or one name on its own.
        let facts: Vec<&Spanned<DeValue<'_>>> = match fields.get("facts") {
            Some(facts) => match facts.get_ref() {
                DeValue::Array(items) => items.iter().collect(),
                DeValue::String(_) => vec![facts],
                _ => continue,
            },
            None => continue,
        };
        for fact in facts {
            if let DeValue::String(name) = fact.get_ref() {
                let (line, column) = source.line_column(fact.span().start);
                places.push(FactPlace {
                    question: id.to_string(),
                    fact: name.to_string(),
                    line,
                    column,
                });
            }
        }
    }
    places
}

/// The fact names a set of fact bases answers to, to check packs' `facts` entries against.
#[derive(Clone, Debug, Default)]
pub struct FactNames {
    names: HashSet<String>,
    /// The same names, sorted, for "did you mean".
    sorted: Vec<String>,
}

impl FactNames {
    /// The names of every fact of `base`: its id, or its signature name (see
    /// [`crate::generate::fact_name`]).
    pub fn of(base: &crate::facts::FactBase) -> FactNames {
        let mut names = FactNames::default();
        names.add(base);
        names
    }

    /// Adds the names of another fact base's facts.
    pub fn add(&mut self, base: &crate::facts::FactBase) {
        for fact in &base.facts {
            let name = crate::generate::fact_name(fact);
            if self.names.insert(name.clone()) {
                self.sorted.push(name);
            }
        }
        self.sorted.sort_unstable();
    }

    /// Whether a fact of the bases answers to `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// How many names there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none (no fact base, or bases without facts).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The known name nearest to an unknown one, when near enough to be a typo of it.
    fn nearest(&self, name: &str) -> Option<&str> {
        let candidates: Vec<&str> = self.sorted.iter().map(String::as_str).collect();
        closest(name, &candidates)
    }

    /// A problem at each place in `file` whose fact no base has; `which` says which bases lack it
    /// ("which the bundled fact base does not have"), `hint` what to do (after "; ", or empty).
    pub fn unknown(
        &self,
        file: &str,
        places: &[FactPlace],
        which: &str,
        hint: &str,
    ) -> Vec<Diagnostic> {
        places
            .iter()
            .filter(|place| !self.contains(&place.fact))
            .map(|place| {
                let near = self
                    .nearest(&place.fact)
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                let hint = if hint.is_empty() {
                    String::new()
                } else {
                    format!("; {hint}")
                };
                Diagnostic {
                    file: file.to_string(),
                    line: place.line,
                    column: place.column,
                    message: format!(
                        "question `{}` names fact `{}`, {which}{near}{hint}",
                        place.question, place.fact
                    ),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_the_line_and_column_of_each_name() {
        let source = SourceFile::new(
            "p.toml",
            "[pack]\nid = \"p\"\ntitle = \"P\"\n\n[[question]]\nid = \"q1\"\nfacts = [\"a\",\n  \"b\"]\n\n[[question]]\nid = \"q2\"\n",
        );
        let places = fact_places(&source);
        assert_eq!(
            places,
            vec![
                FactPlace {
                    question: "q1".into(),
                    fact: "a".into(),
                    line: 7,
                    column: 10
                },
                FactPlace {
                    question: "q1".into(),
                    fact: "b".into(),
                    line: 8,
                    column: 3
                },
            ]
        );
    }

    #[test]
    fn a_single_name_and_a_single_question_table_are_read_too() {
        let source = SourceFile::new("p.toml", "[question]\nid = \"q\"\nfacts = \"a\"\n");
        let places = fact_places(&source);
        assert_eq!(
            places,
            vec![FactPlace {
                question: "q".into(),
                fact: "a".into(),
                line: 3,
                column: 9
            }]
        );
    }

    #[test]
    fn a_file_without_facts_or_with_a_syntax_error_has_no_places() {
        assert!(fact_places(&SourceFile::new("p.toml", "[[question]]\nid = \"q\"\n")).is_empty());
        assert!(fact_places(&SourceFile::new("p.toml", "facts = [\n")).is_empty());
    }
}
