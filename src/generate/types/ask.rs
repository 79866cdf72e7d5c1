//! What every question asking for one end of a fact shares ([`Ask`]): the attribution of a disputed
//! fact, the keys that make two questions ask the same thing, its tags, and how its templates are
//! filled with the entity shown.

use crate::facts::{Entity, Fact, Relation};

use super::super::phrasing::{self, Slot};
use super::{Attribution, Context, ask_key, fact_key};

/// Which end of a fact a question asks for, with the entity shown at the other end.
pub(crate) enum Asking<'f> {
    /// "Who directed {subject}?": the subject is shown, the object is the answer.
    Object(&'f Entity),
    /// "Which of these did {object} direct?": the object is shown, the subject is the answer.
    Subject(&'f Entity),
    /// "Which part shows how {object}?": a text value is shown, the subject is the answer.
    SubjectOfText(&'f str),
}

/// What every question asking for one end of a fact shares: its attribution when the fact is disputed,
/// the keys that make two questions ask the same thing, its tags, and how to fill a template.
pub(crate) struct Ask<'f> {
    /// Attributed to its source ("According to ..."), because the sources disagree.
    pub attributed: bool,
    pub keys: Vec<super::Key>,
    /// Tags besides the relation id: `reverse`, `attributed`.
    pub extra: Vec<&'static str>,
    attribution: Option<Attribution>,
    shown: Slot<'static>,
    asking_object: bool,
    qualifiers: &'f crate::facts::Qualifiers,
}

impl Ask<'_> {
    /// A template filled with the shown entity and the fact's qualifiers, attributed when it must be.
    pub(crate) fn prompt(&self, template: &str) -> Option<String> {
        let slot = &self.shown;
        let (prompt, placeholder) = if self.asking_object {
            (
                phrasing::fill(template, Some(slot), None, self.qualifiers)?,
                "{subject}",
            )
        } else {
            (
                phrasing::fill(template, None, Some(slot), self.qualifiers)?,
                "{object}",
            )
        };
        Some(match &self.attribution {
            Some(attribution) => phrasing::attribute(
                &prompt,
                &attribution.label,
                template.starts_with(placeholder),
            ),
            None => prompt,
        })
    }
}

impl Context<'_> {
    /// How a shown entity fills its slot: as a sentence names it.
    fn name_of(&self, entity: &Entity) -> Slot<'static> {
        Slot::Name(self.index.in_sentence(entity).to_owned().into())
    }

    /// The shared parts of a question about one end of `fact`; `None` when the fact is disputed and
    /// cannot be attributed to a single source.
    pub(crate) fn ask<'f>(
        &self,
        fact_index: usize,
        fact: &'f Fact,
        relation: &Relation,
        asking: Asking<'f>,
    ) -> Option<Ask<'f>> {
        let attribution = match self.attribution(fact_index) {
            Some(None) => return None,
            Some(Some(attribution)) => Some(attribution),
            None => None,
        };
        let (direction, shown_id, shown, asking_object) = match asking {
            Asking::Object(subject) => ("object", subject.id.as_str(), self.name_of(subject), true),
            Asking::Subject(object) => ("subject", object.id.as_str(), self.name_of(object), false),
            Asking::SubjectOfText(text) => ("subject", text, Slot::Words(text.to_owned()), false),
        };
        let mut extra = Vec::new();
        if !asking_object {
            extra.push("reverse");
        }
        if attribution.is_some() {
            extra.push("attributed");
        }
        Some(Ask {
            attributed: attribution.is_some(),
            keys: vec![
                ask_key(direction, shown_id, &relation.id, fact).into(),
                fact_key(fact_index),
            ],
            extra,
            attribution,
            shown,
            asking_object,
            qualifiers: &fact.qualifiers,
        })
    }
}
