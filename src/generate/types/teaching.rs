//! What an explanation teaches beyond the question: why a tempting wrong option is wrong, more about
//! the answer or the entity asked about, the author's description, and only then the quiz's subject.
//! Kept apart from the question builders because it weighs every candidate sentence against what the
//! player has just read.

use crate::facts::{Entity, Fact, Object, Value};
use crate::question::{Body, stable_hash};

use super::super::matching::split_at_spaces;
use super::super::phrasing::{self, Slot};
use super::descriptions::Described;
use super::interest::most_interesting;
use super::seen::{Seen, has_word};
use super::{Context, Draft};

/// What an explanation teaches beyond the question.
pub(super) enum Teaching {
    Fact(usize),
    /// A fact saying why a tempting wrong option is wrong.
    Contrast(usize),
    Description(Described),
    Nothing,
}

/// Which entities a teaching fact may be about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchors {
    /// The answer and the entities the question turns on, less the quiz's own subject, by a relation
    /// of the question's category or its own relation.
    SpecificOnTopic,
    /// The answer and the entities the question turns on, less the quiz's own subject.
    Specific,
    /// The quiz's own subject, by a relation of the question's category.
    SubjectOnTopic,
    /// The quiz's own subject, by any relation.
    Subject,
}

impl Context<'_> {
    /// The [`stable_hash`] of the fact's explanation, worked out once.
    fn explanation_hash(&self, fact: usize) -> u64 {
        let hash = *self.explanation_hashes[fact]
            .get_or_init(|| stable_hash(self.explanations[fact].as_bytes()));
        debug_assert_eq!(hash, stable_hash(self.explanations[fact].as_bytes()));
        hash
    }

    /// Whether the prompt names an entity of this kind.
    pub(super) fn prompt_names_kind(&self, seen: &Seen, kind: &str) -> bool {
        // With no options or items shown (a true/false statement), the prompt is all there is.
        let names = if seen.elsewhere == seen.prompt {
            &seen.elsewhere_names
        } else {
            &seen.prompt_names
        };
        names
            .get_or_init(|| self.index.entities_mentioned_in(&seen.prompt))
            .iter()
            .any(|&position| self.index.base.entities[position].kind == kind)
    }

    /// Whether the prompt, options or items name the entity.
    pub(super) fn shown_elsewhere(&self, seen: &Seen, entity: &Entity) -> bool {
        let Some(position) = self.index.position(entity) else {
            return self.index.mentioned_in(&seen.elsewhere, entity);
        };
        seen.elsewhere_names
            .get_or_init(|| self.index.entities_mentioned_in(&seen.elsewhere))
            .binary_search(&position)
            .is_ok()
    }

    /// What the explanation teaches beyond the question, most telling first: why a tempting wrong
    /// option is wrong; a fact about the answer or the entity asked about; the author's description
    /// of either; a fact about the quiz's subject on the question's topic; its description; and only
    /// failing all of these, any other fact about the quiz's subject.
    /// The second value says whether what it teaches is loose: not about the answer or the entity
    /// asked about, or off the question's topic (see [`super::quality`]).
    pub(super) fn teaching(
        &self,
        draft: &Draft,
        explanation: &str,
        prompt_words: &str,
    ) -> (Teaching, bool) {
        // An order question's explanation gives every event with its date, a two-step question's
        // the hidden middle step: more would bury them.
        if matches!(draft.body, Body::Order { .. }) || draft.traits.joins > 0 {
            return (Teaching::Nothing, false);
        }
        // Most explanations are their fact's own, normalised and hashed once.
        let explained_by = draft
            .facts
            .iter()
            .copied()
            .find(|&fact| self.explanations[fact] == explanation);
        let explanation_words = match explained_by {
            Some(fact) => std::borrow::Cow::Borrowed(self.normalised_explanations[fact].as_str()),
            None => std::borrow::Cow::Owned(self.memo.texts.of(explanation).to_string()),
        };
        let explanation_hash = match explained_by {
            Some(fact) => self.explanation_hash(fact),
            None => stable_hash(explanation.as_bytes()),
        };
        let mut seen = Seen::of(
            draft,
            explanation_hash,
            prompt_words,
            &explanation_words,
            &self.memo.texts,
        );
        seen.explained_by = explained_by;
        // Words said with their setting and topic ("said this about creative chemistry, at the
        // London premiere") already teach what the screen did not show: a stock description of the
        // speaker after them reads as pasted on.
        let quoted = draft.facts.iter().all(|&fact| {
            matches!(
                self.index.fact(fact).object,
                Object::Value(Value::Quote { .. })
            )
        });
        // (The fact's own explanation has its words numbered: they are looked up in a set.)
        let unseen_words = || match explained_by {
            Some(fact) => self.words_unseen_elsewhere(&seen, fact),
            None => split_at_spaces(&explanation_words)
                .filter(|word| word.len() > 2 && !has_word(&seen.elsewhere, word))
                .take(2)
                .count(),
        };
        debug_assert!(
            !quoted
                || (unseen_words() >= 2)
                    == (split_at_spaces(&explanation_words)
                        .filter(|word| word.len() > 2 && !has_word(&seen.elsewhere, word))
                        .count()
                        >= 2)
        );
        if quoted && unseen_words() >= 2 {
            return (Teaching::Nothing, false);
        }
        // A true/false statement asks its value ("The Chronic was released in 1992.").
        if let Body::TrueFalse { .. } = draft.body {
            for &fact in &draft.facts {
                let fact = self.index.fact(fact);
                if let Object::Value(_) = fact.object {
                    seen.asked.push(' ');
                    seen.asked.push_str(
                        &self
                            .memo
                            .texts
                            .of(&self.index.base.object_words(&fact.object)),
                    );
                }
            }
        }
        match self.teaching_in_order(draft, &seen) {
            (Teaching::Nothing, _) => {
                seen.figures_allowed.set(true);
                self.teaching_in_order(draft, &seen)
            }
            found => found,
        }
    }

    /// [`Self::teaching`]'s tiers, in order.
    pub(super) fn teaching_in_order(&self, draft: &Draft, seen: &Seen) -> (Teaching, bool) {
        // A fact about the quiz's subject teaches well only when the question is about the subject
        // alone; beside another entity it reads as a fact from elsewhere ("Nas is interviewed in the
        // series. Filming the series took 3 years.").
        let about_other = draft.facts.iter().any(|&fact| {
            [self.index.subject_of(fact), self.index.object_of(fact)]
                .into_iter()
                .any(|entity| entity.is_some_and(|entity| !entity.main))
        });
        // A tempting option explained first; then what the relation's author says explains it
        // best; then the fact beside the asked one.
        if let Some(fact) = self.contrast_fact(draft, seen) {
            return (Teaching::Contrast(fact), false);
        }
        if let Some(fact) = self.explained_with_fact(draft, seen) {
            return (Teaching::Fact(fact), false);
        }
        if let Some(fact) = self.parallel_fact(draft, seen) {
            return (Teaching::Contrast(fact), false);
        }
        if let Some(fact) = self.speaker_part_fact(draft, seen) {
            return (Teaching::Fact(fact), false);
        }
        if let Some(fact) = self.teaching_fact(draft, seen, &[2, 1], Anchors::SpecificOnTopic) {
            return (Teaching::Fact(fact), false);
        }
        if let Some(about) = self.description_sentence(draft, seen, false) {
            return (Teaching::Description(about), false);
        }
        if let Some(fact) = self.teaching_fact(draft, seen, &[2], Anchors::SubjectOnTopic) {
            return (Teaching::Fact(fact), about_other);
        }
        if let Some(about) = self.description_sentence(draft, seen, true) {
            return (Teaching::Description(about), about_other);
        }
        if let Some(fact) = self.teaching_fact(draft, seen, &[2, 1], Anchors::Subject) {
            return (Teaching::Fact(fact), about_other);
        }
        // Nothing on the question's topic: another fact about the answer or the entity asked about,
        // then the whole description of either.
        if let Some(fact) = self.teaching_fact(draft, seen, &[2, 1], Anchors::Specific) {
            return (Teaching::Fact(fact), true);
        }
        let described = self.described(draft, seen, false, false);
        let loose = described.is_none();
        (
            described.map_or(Teaching::Nothing, Teaching::Description),
            loose,
        )
    }

    /// Why a tempting wrong option is wrong: a fact giving a wrong option of a select-all question, or
    /// the entity swapped into a false statement, the role the question asks about, or a sibling role, elsewhere ("Stanley
    /// Kramer directed the 1958 film The Defiant Ones" under "Who directed the series?"). The most
    /// interesting such fact of the first wrong option, in option order, that has one.
    pub(super) fn contrast_fact(&self, draft: &Draft, seen: &Seen) -> Option<usize> {
        // Under a multiple-choice question the cited facts must link what the prompt names to the
        // marked answer only: a wrong option's fact is taught only when its other end is an entity
        // the prompt does not name (see `role_fact_of`), and only under a question of one fact.
        let (options, right): (&[String], Vec<usize>) = match &draft.body {
            Body::SelectAll { options, answers } => (options, answers.clone()),
            Body::MultipleChoice {
                options, answer, ..
            } if draft.facts.len() == 1 => (options, vec![*answer]),
            Body::TrueFalse { answer: false } => {
                // The entity swapped into a false statement: its key is `tf|subject|relation|entity`.
                let swapped = draft
                    .keys
                    .iter()
                    .find_map(|key| key.text()?.strip_prefix("tf|"))
                    .and_then(|rest| rest.rsplit('|').next())
                    .and_then(|id| self.index.entity(id))?;
                return self.role_fact_of(draft, seen, swapped);
            }
            _ => return None,
        };
        for (position, option) in options.iter().enumerate() {
            if right.contains(&position) {
                continue;
            }
            let Some(wrong) = self.index.entity_by_option(option) else {
                continue;
            };
            if let Some(best) = self.role_fact_of(draft, seen, wrong) {
                return Some(best);
            }
        }
        None
    }

    /// The most interesting undisputed fact giving `wrong` the role the question asks about, or a
    /// sibling role, elsewhere.
    pub(super) fn role_fact_of(&self, draft: &Draft, seen: &Seen, wrong: &Entity) -> Option<usize> {
        let mut roles: Vec<&str> = Vec::with_capacity(4 * draft.facts.len());
        for &fact in &draft.facts {
            let Some(relation) = self.index.relation(self.index.fact(fact)) else {
                continue;
            };
            roles.push(&relation.id);
            roles.extend(relation.alike.iter().map(String::as_str));
            roles.extend_from_slice(self.index.alike_to(&relation.id));
            debug_assert_eq!(
                self.index.alike_to(&relation.id),
                (self.index.base.relations.iter())
                    .filter(|other| other.alike.contains(&relation.id))
                    .map(|other| other.id.as_str())
                    .collect::<Vec<_>>()
            );
        }
        self.index
            .facts_with_subject(&wrong.id)
            .iter()
            .chain(self.index.facts_with_object(&wrong.id))
            .copied()
            .filter(|&other| {
                let fact = self.index.fact(other);
                roles.contains(&fact.relation.as_str())
                    && !draft.facts.contains(&other)
                    && !self.index.is_disputed(other)
                    && self.index.interest_of(other) >= 1
                    && !matches!(fact.object, Object::Value(Value::Quote { .. }))
                    && (!matches!(draft.body, Body::MultipleChoice { .. })
                        || self.far_end_unnamed(fact, wrong, seen))
                    && !self.explanation_within(seen, &seen.prompt, other)
                    && self.fact_new_words(seen, other, true) >= 1
            })
            .max_by_key(|&other| (self.index.interest_of(other), std::cmp::Reverse(other)))
    }

    /// The whole list a teaching fact belongs to, as one sentence with the facts it cites, when its
    /// subject has two to four undisputed facts of the relation, each naming an entity.
    /// The others on the list must be new to the player and of another kind than the answer: a
    /// list naming an option, or the prompt's own entity, ties the question together a second way.
    pub(super) fn short_list_of(
        &self,
        fact_index: usize,
        draft: &Draft,
        explanation: &str,
    ) -> Option<(String, Vec<usize>)> {
        let fact = self.index.fact(fact_index);
        // (The subject's facts by the relation, in fact order.)
        let list: Vec<usize> = self
            .index
            .facts_about(&fact.subject, &fact.relation)
            .to_vec();
        if !(2..=4).contains(&list.len()) || list.iter().any(|&other| self.index.is_disputed(other))
        {
            return None;
        }
        // The list the asked fact belongs to: the rest of it, said as more of the same ("Iovine
        // also produced records for Tom Petty and Stevie Nicks." under "Jimmy Iovine produced
        // records for U2.").
        let (list, also) = if list.iter().any(|other| draft.facts.contains(other)) {
            let rest: Vec<usize> = list
                .into_iter()
                .filter(|other| !draft.facts.contains(other))
                .collect();
            (rest, true)
        } else {
            (list, false)
        };
        let objects: Vec<&Entity> = list
            .iter()
            .map(|&other| self.index.object_of(other))
            .collect::<Option<_>>()?;
        // The prompt, the explanation and the options as the player reads them, normalised: the
        // normaliser folds word by word, so each is looked up (most were normalised already) and
        // the words joined.
        let options: &[String] = match &draft.body {
            Body::MultipleChoice { options, .. }
            | Body::Quote { options, .. }
            | Body::SelectAll { options, .. } => options,
            _ => &[],
        };
        let parts: Vec<std::rc::Rc<str>> = [draft.prompt.as_str(), explanation]
            .into_iter()
            .chain(options.iter().map(String::as_str))
            .map(|text| self.memo.texts.of(text))
            .collect();
        let shown =
            phrasing::join_normalised(&parts.iter().map(|part| &**part).collect::<Vec<_>>());
        debug_assert_eq!(shown, {
            let mut all = format!("{} {explanation}", draft.prompt);
            for option in options {
                all.push(' ');
                all.push_str(option);
            }
            phrasing::normalise(&all)
        });
        let answer_kinds: Vec<&str> = draft
            .answers
            .iter()
            .flat_map(|answer| self.index.entities_named(answer))
            .map(|entity| entity.kind.as_str())
            .collect();
        let taught_object = match &fact.object {
            Object::Entity(id) => id.as_str(),
            Object::Value(_) => return None,
        };
        let others_new = objects
            .iter()
            .filter(|entity| entity.id != taught_object)
            .all(|entity| {
                !answer_kinds.contains(&entity.kind.as_str())
                    && !self.index.mentioned_in(&shown, entity)
            });
        if !others_new {
            return None;
        }
        let relation = self.index.relation(fact)?;
        let subject = self.index.subject_of(fact_index)?;
        if also {
            if objects.len() < 2 || !relation.statement.starts_with("{subject}") {
                return None;
            }
            let short = self.index.short_name(subject);
            let sentence =
                self.listed_statement_with(fact, relation, &Slot::Name(short.into()), &objects)?;
            return Some((
                phrasing::add_also(&phrasing::capitalise(&sentence), short),
                list,
            ));
        }
        let subject = if relation.statement.starts_with("{subject}")
            && self.opens_explanation(draft, subject)
        {
            Slot::Name("It".into())
        } else {
            self.name_slot(subject)
        };
        let sentence = self.listed_statement_with(fact, relation, &subject, &objects)?;
        Some((phrasing::capitalise(&sentence), list))
    }

    /// Whether a fact about a wrong option leads, at its other end, to an entity the prompt does not
    /// name: "Stanley Kramer directed the 1958 film" under "Who directed the series?", not
    /// "Broderick Johnson produced the series", which would tie the series to a wrong option.
    pub(super) fn far_end_unnamed(&self, fact: &Fact, wrong: &Entity, seen: &Seen) -> bool {
        let far = if fact.subject == wrong.id {
            match &fact.object {
                Object::Entity(id) => id.as_str(),
                Object::Value(_) => return false,
            }
        } else {
            fact.subject.as_str()
        };
        self.index
            .entity(far)
            .is_some_and(|entity| !entity.main && !self.index.mentioned_in(&seen.prompt, entity))
    }

    /// The teaching fact as a sentence, naming the entities the explanation has already named in full
    /// by their second-mention names ("Hughes also ...": see [`Index::short_name`]).
    pub(super) fn second_mention_statement(&self, fact_index: usize, draft: &Draft) -> String {
        let fact = self.index.fact(fact_index);
        let mut named: Vec<&str> = Vec::with_capacity(2 * draft.facts.len());
        for &asked in &draft.facts {
            let asked = self.index.fact(asked);
            named.push(&asked.subject);
            if let Object::Entity(id) = &asked.object {
                named.push(id);
            }
        }
        // "Dead Presidents was also directed by Hughes": the same relation, sharing an entity at the
        // same end, reads as one more of the same.
        // "Part 4 also features Eminem." after what happens in Part 4: more about the subject whose
        // own words (a summary, a description) the answer gave.
        let parallel = draft.facts.iter().any(|&asked| {
            let asked = self.index.fact(asked);
            (asked.relation == fact.relation
                && (asked.subject == fact.subject
                    || matches!((&asked.object, &fact.object), (Object::Entity(a), Object::Entity(b)) if a == b)))
                || (asked.subject == fact.subject
                    && matches!(asked.object, Object::Value(Value::Text { .. }))
                    && matches!(fact.object, Object::Entity(_))
                    && self.index.entity(&asked.subject).is_some_and(|subject| !subject.main))
        });
        let opened_with = |entity: &Entity| self.opens_explanation(draft, entity);
        let slot = |id: &str, leads: bool| -> Option<Slot<'static>> {
            let entity = self.index.entity(id)?;
            if leads && opened_with(entity) {
                return Some(Slot::Name("It".into()));
            }
            Some(if named.contains(&id) {
                Slot::Name(self.index.short_name(entity).to_owned().into())
            } else {
                self.name_slot(entity)
            })
        };
        let sentence = (|| {
            let relation = self.index.relation(fact)?;
            let subject_leads = relation.statement.starts_with("{subject}");
            let object_leads = relation.statement.starts_with("{object}");
            let subject = slot(&fact.subject, subject_leads)?;
            let object = match &fact.object {
                Object::Entity(id) => slot(id, object_leads)?,
                Object::Value(_) => self.object_slot(fact, &fact.object)?,
            };
            let sentence = self.statement_with(fact, relation, &subject, &object, false)?;
            let subject_first = self
                .statement_shape(fact_index)
                .is_some_and(|shape| shape.subject_first);
            let first = if subject_first { &subject } else { &object };
            Some(match (parallel, first) {
                (true, Slot::Name(name)) => phrasing::add_also(&sentence, name),
                _ => sentence,
            })
        })();
        sentence.unwrap_or_else(|| self.explanations[fact_index].clone())
    }

    /// Whether the explanation is one sentence that opens with this thing (not a person), so the
    /// next sentence calls it "it": "The series first aired on HBO. It has 4 parts."
    pub(super) fn opens_explanation(&self, draft: &Draft, entity: &Entity) -> bool {
        let name = self.index.in_sentence(entity);
        draft.facts.len() == 1
            && !self.index.is_person(entity)
            && !matches!(draft.body, Body::SelectAll { .. } | Body::Order { .. })
            && phrasing::one_sentence(&draft.explanation)
            && phrasing::capitalise(name).split_whitespace().eq(draft
                .explanation
                .split_whitespace()
                .take(name.split_whitespace().count()))
    }

    /// A fact worth adding to an explanation: undisputed, of interest 2 or more, about the answer (first)
    /// or another entity the question turns on, saying something the question's own facts do not (not
    /// the same subject and relation) and not already in the explanation. The most interesting wins;
    /// among equals, one fixed by the explanation's text.
    /// Never a fact whose other end the prompt or an option names: it would say something about a wrong
    /// option, or tie the question's entities together in a second way.
    pub(super) fn teaching_fact(
        &self,
        draft: &Draft,
        seen: &Seen,
        levels: &[u8],
        which: Anchors,
    ) -> Option<usize> {
        let min_interest = levels.iter().copied().min().unwrap_or(1);
        let facts = &draft.facts;
        let answers = &draft.answers;
        let answer_entities: Vec<&Entity> = answers
            .iter()
            .flat_map(|answer| self.index.entities_named(answer))
            .collect();
        let answer_kind = |kind: &str| answer_entities.iter().any(|entity| entity.kind == kind);
        let mut anchors: Vec<&str> = Vec::with_capacity(answer_entities.len() + 2 * facts.len());
        for entity in &answer_entities {
            if !anchors.contains(&entity.id.as_str()) {
                anchors.push(&entity.id);
            }
        }
        for &fact in facts {
            let fact = self.index.fact(fact);
            if let Object::Entity(id) = &fact.object
                && !anchors.contains(&id.as_str())
            {
                anchors.push(id);
            }
            if !anchors.contains(&fact.subject.as_str()) {
                anchors.push(&fact.subject);
            }
        }
        // Whether a fact says of the same subject by the same relation what an asked fact says.
        let asked = |other: &Fact| {
            facts.iter().any(|&fact| {
                let fact = self.index.fact(fact);
                fact.subject == other.subject && fact.relation == other.relation
            })
        };
        // The asked relations and the question's category, by number: compared for every fact
        // weighed.
        let asked_relations: Vec<usize> = facts
            .iter()
            .filter_map(|&fact| self.index.relation_position(fact))
            .collect();
        let category = self.category_number(&draft.category);
        let main = |id: &str| self.index.entity(id).is_some_and(|entity| entity.main);
        // The asked fact said again of the quiz's own subject teaches nothing: "Part 1 first aired
        // on HBO. The series first aired on HBO."
        // (Subjects looked up by fact position, not by id: this runs for every fact weighed.)
        let main_subject = |fact: usize| self.index.subject_of(fact).is_some_and(|e| e.main);
        let said_of_the_whole = |other: usize| {
            let fact = self.index.fact(other);
            main_subject(other)
                && facts.iter().any(|&asked| {
                    let asked_fact = self.index.fact(asked);
                    !main_subject(asked)
                        && asked_fact.relation == fact.relation
                        && asked_fact.object == fact.object
                })
        };
        anchors.retain(|&anchor| match which {
            Anchors::Specific | Anchors::SpecificOnTopic => !main(anchor),
            Anchors::SubjectOnTopic | Anchors::Subject => main(anchor),
        });
        // The checks that read only the facts.
        // The flags and numbers kept per fact are read first: most facts fail on them, before any
        // text is compared.
        let cheap = |other: usize| {
            let fact = self.index.fact(other);
            let on_topic = || {
                let topical = self.index.relation_position(other).is_some_and(|relation| {
                    Some(self.relation_categories[relation]) == category
                        || asked_relations.contains(&relation)
                });
                debug_assert_eq!(
                    topical,
                    self.index.relation(fact).is_some_and(|relation| {
                        relation.category == draft.category
                            || facts
                                .iter()
                                .any(|&asked| self.index.fact(asked).relation == relation.id)
                    })
                );
                !matches!(which, Anchors::SubjectOnTopic | Anchors::SpecificOnTopic) || topical
            };
            // A second figure beside figures shown or asked reads as another answer ("Apollo 17
            // lasted about 12 days" under options naming Apollo 12).
            let figure_clash = || {
                seen.has_digits
                    && matches!(&fact.object, Object::Value(value) if value.quantity().is_some() || value.date().is_some())
            };
            self.index.interest_of(other) >= min_interest
                && !self.index.is_disputed(other)
                && !facts.contains(&other)
                && !matches!(fact.object, Object::Value(Value::Quote { .. }))
                && on_topic()
                && !figure_clash()
                && !asked(fact)
                && !said_of_the_whole(other)
        };
        // The checks that read the question's text, cheapest first.
        // More of the same event going on with another preposition folds into the answer's
        // sentence, so one new word is enough ("was sold in 2014 to Apple"); anything else may
        // stand as a sentence of its own and needs two.
        let usable_with = |anchor: &str, other: usize, new_words: usize| {
            let fact = self.index.fact(other);
            if self.fact_repeats_figure(seen, other)
                || self.fact_new_words(seen, other, false) < new_words
                || self.explanation_within(seen, &seen.text, other)
            {
                return false;
            }
            let far_end = if fact.subject == anchor {
                self.index.object_of(other)
            } else {
                self.index.subject_of(other)
            };
            let far_end_shown = far_end.is_some_and(|entity| self.shown_elsewhere(seen, entity));
            // Another entity of the answer's kind would read as a second answer; under a
            // statement, one of the kind of an entity it names would read as the true version of a
            // swapped statement ("Iovine comes from Brooklyn" under "Iovine was 65 at the London
            // premiere").
            let rival = || {
                far_end.is_some_and(|entity| {
                    (answer_kind(&entity.kind)
                        && !answers.iter().any(|answer| answer == &entity.name))
                        || (matches!(draft.body, Body::TrueFalse { .. })
                            && self.prompt_names_kind(seen, &entity.kind))
                })
            };
            !far_end_shown && !rival()
        };
        let usable = |anchor: &str, other: usize| usable_with(anchor, other, 2);
        // More of the same event comes first: another fact of the asked subject whose statement
        // goes on with the same verb ("was sold to Apple" beside "was sold in 2014"), said once
        // when folded in.
        // Not under a statement: a second fact of the same verb cited beside it could be read as
        // the one the statement swaps.
        let statement = matches!(draft.body, Body::TrueFalse { .. });
        for &fact in facts.iter().filter(|_| !statement) {
            let asked_fact = self.index.fact(fact);
            let subject = asked_fact.subject.as_str();
            let Some(verb) = self.statement_shape(fact).and_then(|shape| shape.verb) else {
                continue;
            };
            if !anchors.contains(&subject) {
                continue;
            }
            // One going on with another preposition reads as one sentence with the answer ("was
            // sold in 2014 for US$3 billion"); then the most interesting.
            let preposition = self.statement_shape(fact).and_then(|shape| shape.after);
            let another_preposition = |other: usize| {
                self.statement_shape(other).and_then(|shape| shape.after) != preposition
            };
            let event: Vec<usize> = self
                .index
                .facts_with_subject(subject)
                .iter()
                .copied()
                .filter(|&other| {
                    self.statement_shape(other).and_then(|shape| shape.verb) == Some(verb)
                        && cheap(other)
                        && usable_with(
                            subject,
                            other,
                            if another_preposition(other) { 1 } else { 2 },
                        )
                })
                .collect();
            let rank = |other: usize| (another_preposition(other), self.index.interest_of(other));
            if let Some(top) = event.iter().map(|&other| rank(other)).max() {
                let tied: Vec<usize> = event
                    .into_iter()
                    .filter(|&other| rank(other) == top)
                    .collect();
                return Some(tied[seen.explanation_hash as usize % tied.len()]);
            }
        }
        // Then another tie between the question's own entities, on another topic.
        if matches!(which, Anchors::SpecificOnTopic)
            && let Some(fact) = self.bridge_fact(draft, seen)
        {
            return Some(fact);
        }
        // Each anchor's facts (as subject, then as object, in fact order) by interest.
        let groups: Vec<_> = anchors
            .iter()
            .map(|&anchor| self.index.facts_by_interest(anchor))
            .collect();
        let tied = most_interesting(&groups, levels, |position, other| {
            cheap(other) && usable(anchors[position], other)
        })?;
        // Among equals, one fixed by the explanation, so the same fact is not added everywhere.
        let pick = seen.explanation_hash as usize % tied.len();
        Some(tied[pick])
    }
}
