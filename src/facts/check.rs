//! Checks that need the whole fact base at once: references between relations, one-valued relations
//! given two objects, evidence excerpts compared with the article texts, and templates that name a
//! qualifier a fact lacks (so they never render for it).

use std::collections::HashMap;
use std::path::Path;

use super::{Cardinality, FactBase};
use crate::pack::FastMap;
use crate::tomldoc::{Diagnostic, Diagnostics};

/// Cross-file checks run after loading.
pub(super) fn cross_check(base: &FactBase, diagnostics: &mut Diagnostics) {
    for relation in &base.relations {
        for other in &relation.alike {
            if base.relation(other).is_none() {
                diagnostics.items.push(relation.origin.diagnostic(format!(
                    "relation `{}` is alike unknown relation `{other}`",
                    relation.id
                )));
            }
        }
        for other in &relation.explain_with {
            if base.relation(other).is_none() {
                diagnostics.items.push(relation.origin.diagnostic(format!(
                    "relation `{}` is explained with unknown relation `{other}`",
                    relation.id
                )));
            }
        }
        if let Some(within) = &relation.within {
            match base.relation(within) {
                None => diagnostics.items.push(relation.origin.diagnostic(format!(
                    "relation `{}` says where its answer lies with unknown relation `{within}`",
                    relation.id
                ))),
                Some(found) if found.cardinality != Cardinality::One => {
                    diagnostics.items.push(relation.origin.diagnostic(format!(
                        "relation `{}` says where its answer lies with `{within}`, which must be \
                         one-valued (cardinality \"one\")",
                        relation.id
                    )))
                }
                Some(_) => {}
            }
        }
        for other in &relation.disjoint_with {
            if base.relation(other).is_none() {
                diagnostics.items.push(relation.origin.diagnostic(format!(
                    "relation `{}` is disjoint with unknown relation `{other}`",
                    relation.id
                )));
            } else if other == &relation.id {
                diagnostics.items.push(relation.origin.diagnostic(format!(
                    "relation `{}` cannot be disjoint with itself",
                    relation.id
                )));
            }
        }
    }
    for entity in &base.entities {
        for relation in &entity.candidate_for {
            match base.relation(relation) {
                None => diagnostics.items.push(entity.origin.diagnostic(format!(
                    "entity `{}` is a candidate for unknown relation `{relation}`",
                    entity.id
                ))),
                Some(found) if !found.object_kinds().contains(&entity.kind) => {
                    diagnostics.items.push(entity.origin.diagnostic(format!(
                        "entity `{}` is a candidate for relation `{relation}`, whose objects are {}, not {}",
                        entity.id,
                        found.object_kinds().join(", "),
                        entity.kind
                    )))
                }
                Some(_) => {}
            }
        }
    }
    one_valued_conflicts(base, diagnostics);
}

/// A relation declared `cardinality = "one"` must not give one subject two different objects, unless a
/// disagreement records the conflict (then both facts are disputed and never asked as plain truth).
fn one_valued_conflicts(base: &FactBase, diagnostics: &mut Diagnostics) {
    let mut groups: FastMap<(&str, &str), Vec<usize>> = FastMap::default();
    for (index, fact) in base.facts.iter().enumerate() {
        let Some(relation) = base.relation(&fact.relation) else {
            continue;
        };
        if relation.cardinality == Cardinality::One && !base.is_disputed(index) {
            groups
                .entry((fact.subject.as_str(), fact.relation.as_str()))
                .or_default()
                .push(index);
        }
    }
    for ((subject, relation), indices) in groups {
        let first = &base.facts[indices[0]];
        for &index in &indices[1..] {
            let fact = &base.facts[index];
            if fact.object != first.object {
                diagnostics.items.push(fact.origin.diagnostic(format!(
                    "relation `{relation}` allows one object, but `{subject}` already has {} (at {}): record a `[[disagreement]]` if the sources differ, or make the relation `cardinality = \"many\"`",
                    base.object_words(&first.object),
                    first.origin
                )));
            }
        }
    }
}

/// Templates that cannot render for a fact because they name a qualifier (`{context}`, `{year}` ...)
/// the fact lacks: warnings, each at the fact (or at the relation, when no fact of it has the
/// qualifier). A fact left without a statement gets no true/false question and no explanation; one
/// left without any `ask_object` template gets no question asking for its object.
pub(super) fn template_warnings(base: &FactBase) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for relation in &base.relations {
        let facts: Vec<&super::Fact> = base
            .facts_of_relation(&relation.id)
            .iter()
            .map(|&index| &base.facts[index])
            .collect();
        if facts.is_empty() {
            continue;
        }
        let templates = relation
            .ask_object
            .iter()
            .map(|template| ("ask_object", template))
            .chain(relation.ask_subject.iter().map(|t| ("ask_subject", t)))
            .chain(relation.ask_all.iter().map(|t| ("ask_all", t)))
            .chain(std::iter::once(("statement", &relation.statement)));
        for (field, template) in templates {
            for name in qualifiers_named(template) {
                if facts
                    .iter()
                    .all(|fact| fact.qualifiers.placeholder(name).is_none())
                {
                    warnings.push(relation.origin.diagnostic(format!(
                        "warning: the {field} template \"{template}\" of relation `{}` names `{{{name}}}`, which no fact of the relation has: it is never used",
                        relation.id
                    )));
                }
            }
        }
        for fact in &facts {
            fn missing<'t>(template: &'t str, fact: &super::Fact) -> Vec<&'t str> {
                qualifiers_named(template)
                    .into_iter()
                    .filter(|name| fact.qualifiers.placeholder(name).is_none())
                    .collect()
            }
            let statement_missing = missing(&relation.statement, fact);
            if !statement_missing.is_empty() {
                warnings.push(fact.origin.diagnostic(format!(
                    "warning: the fact lacks {}, which the statement of relation `{}` names: it gets no true/false question and no explanation (add the qualifier, or write the statement without it)",
                    placeholder_list(&statement_missing),
                    relation.id
                )));
            }
            let object_templates: Vec<Vec<&str>> = relation
                .ask_object
                .iter()
                .map(|t| missing(t, fact))
                .collect();
            if !object_templates.is_empty() && object_templates.iter().all(|m| !m.is_empty()) {
                let mut names: Vec<&str> = object_templates.concat();
                names.sort_unstable();
                names.dedup();
                warnings.push(fact.origin.diagnostic(format!(
                    "warning: every ask_object template of relation `{}` names a qualifier the fact lacks ({}): no question asks for its object",
                    relation.id,
                    placeholder_list(&names)
                )));
            }
        }
    }
    warnings
}

/// The qualifier placeholders a template names (`subject` and `object` left out).
fn qualifiers_named(template: &str) -> Vec<&str> {
    super::load::placeholders(template)
        .unwrap_or_default()
        .into_iter()
        .filter(|name| *name != "subject" && *name != "object")
        .collect()
}

/// "`{context}`", "`{year}` and `{role}`".
fn placeholder_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{{{name}}}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Folds text for evidence comparison: curly quotes and dashes to ASCII, white space collapsed, case kept.
pub(super) fn fold_for_evidence(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201f}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' => ' ',
            other => other,
        };
        if c.is_whitespace() {
            if !last_space {
                folded.push(' ');
            }
            last_space = true;
        } else {
            folded.push(c);
            last_space = false;
        }
    }
    folded.trim_end().to_string()
}

/// Every evidence excerpt must appear in its article's text, found in `dir` by file name.
pub(super) fn verify_evidence(base: &FactBase, dir: &Path) -> Vec<Diagnostic> {
    let mut texts: HashMap<&str, Option<String>> = HashMap::new();
    let mut problems = Vec::new();
    for article in &base.articles {
        let text = crate::input::read_bytes(&dir.join(&article.file))
            .ok()
            .map(|bytes| fold_for_evidence(&String::from_utf8_lossy(&bytes)));
        if text.is_none() {
            problems.push(article.origin.diagnostic(format!(
                "article `{}` is not in `{}`: its evidence cannot be checked",
                article.file,
                dir.display()
            )));
        }
        texts.insert(article.file.as_str(), text);
    }
    let citations = base
        .facts
        .iter()
        .flat_map(|fact| {
            fact.sources
                .iter()
                .map(move |citation| (&fact.origin, citation))
        })
        .chain(base.disagreements.iter().flat_map(|disagreement| {
            disagreement.sides.iter().flat_map(move |side| {
                side.sources
                    .iter()
                    .map(move |citation| (&disagreement.origin, citation))
            })
        }));
    for (origin, citation) in citations {
        let (Some(Some(text)), Some(evidence)) =
            (texts.get(citation.article.as_str()), &citation.evidence)
        else {
            continue;
        };
        if !text.contains(&fold_for_evidence(evidence)) {
            problems.push(origin.diagnostic(format!(
                "evidence \"{evidence}\" does not appear in `{}`",
                citation.article
            )));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_folding_ignores_quote_style_and_spacing() {
        assert_eq!(
            fold_for_evidence("It\u{2019}s  a \u{201c}who\u{2019}s who\u{201d}\n"),
            "It's a \"who's who\""
        );
    }
}
