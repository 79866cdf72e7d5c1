//! How a relation's statement template is shaped: the verb that follows its subject, and where its
//! subject and object stand. Explanations are folded and retold by these shapes for fact after fact;
//! a shape depends on the relation alone, so each relation's is read once per build.

use super::super::search;

/// Where an entity's placeholder stands in a statement template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Opens,
    Closes,
}

/// The shape of one relation's statement template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StatementShape<'a> {
    /// The two words after the subject ("was sold"; see [`verb_of`]).
    pub(super) verb: Option<(&'a str, &'a str)>,
    /// The word after those ("in"; see [`word_after_verb`]).
    pub(super) after: Option<&'a str>,
    /// Where `{subject}` stands, when it opens or closes the statement and comes once.
    pub(super) subject_place: Option<Place>,
    /// Where `{object}` stands, likewise.
    pub(super) object_place: Option<Place>,
    /// Whether `{subject}` comes before `{object}` (a missing one counts as before any other).
    pub(super) subject_first: bool,
}

impl<'a> StatementShape<'a> {
    /// The shape of a statement template.
    pub(super) fn of(statement: &'a str) -> Self {
        StatementShape {
            verb: verb_of(statement),
            after: word_after_verb(statement),
            subject_place: place_of(statement, "{subject}"),
            object_place: place_of(statement, "{object}"),
            subject_first: search::find_from(statement, "{subject}", 0)
                < search::find_from(statement, "{object}", 0),
        }
    }
}

/// The two words a statement template goes on with after its subject ("was sold" of "{subject} was
/// sold for {object}."), when it opens with the subject and they are plain words.
fn verb_of(statement: &str) -> Option<(&str, &str)> {
    let mut words = statement.strip_prefix("{subject} ")?.split(' ');
    let (first, second) = (words.next()?, words.next()?);
    let plain = |word: &str| word.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    (plain(first) && plain(second)).then_some((first, second))
}

/// The word a statement template goes on with after its verb ("in" of "{subject} was sold in
/// {object}.").
fn word_after_verb(statement: &str) -> Option<&str> {
    statement.strip_prefix("{subject} ")?.split(' ').nth(2)
}

/// Whether a template opens or closes with `slot` (and names it nowhere else).
fn place_of(template: &str, slot: &str) -> Option<Place> {
    if search::occurrences(template, slot).count() != 1 {
        return None;
    }
    if template.starts_with(slot) {
        Some(Place::Opens)
    } else if template.trim_end_matches('.').ends_with(slot) {
        Some(Place::Closes)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_reads_as_its_verb_and_the_places_of_its_ends() {
        let sold = StatementShape::of("{subject} was sold in {object}.");
        assert_eq!(sold.verb, Some(("was", "sold")));
        assert_eq!(sold.after, Some("in"));
        assert_eq!(sold.subject_place, Some(Place::Opens));
        assert_eq!(sold.object_place, Some(Place::Closes));
        assert!(sold.subject_first);
        let directed = StatementShape::of("{object} directed {subject}, and {object} wrote it.");
        assert_eq!(directed.verb, None);
        assert_eq!(directed.subject_place, None);
        assert_eq!(directed.object_place, None);
        assert!(!directed.subject_first);
    }
}
