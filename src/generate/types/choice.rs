//! Multiple-choice and free-text questions about entities and text values, in both directions:
//! "Who directed X?" (the object) and "Which of these did Y direct?" (the subject).

use crate::facts::{Cardinality, Entity, Object, Value};
use crate::question::{Body, QuestionType};

use super::super::difficulty::Traits;
use super::super::phrasing;
use super::{
    Ask, Asking, Context, Draft, arrange, names_of, pick_template, pick_wrong,
    pick_wrong_preferring, pick_wrong_where, tags,
};

/// Most wrong options a multiple choice gets (so four options in all).
pub(crate) const WRONG_OPTIONS: usize = 3;

/// Text answers longer than this many words are not asked as free text.
const FREE_TEXT_WORDS: usize = 5;

/// Questions whose answer is the fact's object, an entity: multiple choice and free text.
pub(crate) fn entity_object(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Entity(object_id) = &fact.object else {
        return;
    };
    let Some(answer) = cx.index.entity(object_id) else {
        return;
    };
    let Some(ask) = cx.ask(fact_index, fact, relation, Asking::Object(subject)) else {
        return;
    };
    let label = ["object|", &subject.id, "|", &relation.id, "|", &answer.id].concat();
    let prompt_for = |template: &str| ask.prompt(template);
    let prominence = cx.prominence(&[&subject.id, &answer.id]);
    let explanation = cx.explanation(fact_index);

    // Multiple choice.
    if let Some(template) = pick_template(&relation.ask_object, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
    }) && let Some(prompt) = prompt_for(template)
        && let shown = cx.normalised(&prompt)
        && let pool = cx.surely_not_objects(&subject.id, relation, &answer.kind)
        && let (wrong, similarity) = pick_wrong_preferring(
            &pool,
            WRONG_OPTIONS,
            &label,
            |entity: &&Entity| {
                !cx.index.confusable(answer, entity) && !cx.index.mentioned_in(&shown, entity)
            },
            |entity: &&Entity| cx.index.plays_role(entity, &relation.id),
        )
        && !wrong.is_empty()
    {
        let wrong: Vec<String> = wrong.iter().map(|entity| cx.option_name(entity)).collect();
        let (options, answer_index) = arrange(cx.option_name(answer), wrong, &prompt);
        cx.push(Draft {
            prompt,
            body: Body::MultipleChoice {
                options,
                answer: answer_index,
                aliases: answer.aliases.clone(),
            },
            category: relation.category.clone(),
            explanation: explanation.clone(),
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                similarity,
                attributed: ask.attributed,
                ..Traits::new(QuestionType::MultipleChoice, prominence)
            },
            answers: names_of(answer),
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }

    // Free text, when the answer is the only one.
    if has_single_object(cx, fact_index) {
        let typed = Typed {
            templates: &relation.ask_object,
            narrowed: true,
            label: &label,
            answer,
            prominence,
        };
        push_free_text(cx, fact_index, &ask, typed, explanation);
    }
}

/// A typed (free-text) question about one end of a fact: the templates to ask with and the entity that
/// answers it.
struct Typed<'a> {
    templates: &'a [String],
    /// Whether the relation's `ask_within` templates may say where the answer lies (asking for the
    /// object).
    narrowed: bool,
    label: &'a str,
    answer: &'a Entity,
    prominence: f64,
}

/// Pushes the free-text question, if a template reads without options.
fn push_free_text(
    cx: &mut Context<'_>,
    fact_index: usize,
    ask: &Ask<'_>,
    typed: Typed<'_>,
    explanation: String,
) {
    let fact = cx.index.fact(fact_index);
    let Some(relation) = cx.index.base.relation(&fact.relation) else {
        return;
    };
    let answer = typed.answer;
    // A typed question reads without options and names no qualifier the fact lacks.
    let typed_template = |template: &str| {
        phrasing::usable(template, &fact.qualifiers) && !phrasing::needs_options(template)
    };
    // Where the answer lies, as a quiz writer narrows a typed answer: "Where in California does Dr.
    // Dre come from?". The fact that says so is cited with the asked one.
    let within = typed
        .narrowed
        .then(|| within_of(cx, relation, answer))
        .flatten();
    let narrowed_prompt = within.and_then(|(container, _)| {
        let name = cx.index.in_sentence(container);
        let templates: Vec<String> = relation
            .ask_within
            .iter()
            .map(|template| template.replace("{within}", name))
            .collect();
        pick_template(
            &templates,
            &format!("within|{}", typed.label),
            typed_template,
        )
        .and_then(|template| ask.prompt(template))
    });
    let (prompt, supporting) = match (narrowed_prompt, within) {
        (Some(prompt), Some((_, within_fact))) => (prompt, vec![within_fact]),
        _ => {
            let Some(prompt) = pick_template(
                typed.templates,
                &format!("free|{}", typed.label),
                typed_template,
            )
            .and_then(|template| ask.prompt(template)) else {
                return;
            };
            (prompt, Vec::new())
        }
    };
    let draft = Draft {
        prompt,
        body: Body::FreeText {
            // Shown as an option would show it: "The Ritzy", not the bare "Ritzy".
            answer: cx.option_name(answer),
            aliases: typed_aliases(answer, &cx.option_name(answer)),
            kind: Some(answer.kind.clone()),
            prompt_on: containing_places(cx, answer),
            reject: Vec::new(),
        },
        category: relation.category.clone(),
        explanation,
        facts: vec![fact_index],
        keys: ask.keys.clone(),
        traits: Traits {
            attributed: ask.attributed,
            ..Traits::new(QuestionType::FreeText, typed.prominence)
        },
        answers: names_of(answer),
        tags: tags(&[&relation.id], &ask.extra),
        supporting,
    };
    cx.push(draft);
}

/// Where an answer lies by the relation's `within` relation: the one entity an undisputed fact of it
/// links the answer to, and that fact. `None` when the relation names none, or the answer has no such
/// fact or several, or the name would read as a template placeholder.
fn within_of<'c>(
    cx: &'c Context<'_>,
    relation: &crate::facts::Relation,
    answer: &Entity,
) -> Option<(&'c Entity, usize)> {
    let within = relation.within.as_deref()?;
    let [fact] = cx.index.facts_about(&answer.id, within) else {
        return None;
    };
    if cx.index.is_disputed(*fact) {
        return None;
    }
    let Object::Entity(id) = &cx.index.fact(*fact).object else {
        return None;
    };
    let container = cx.index.entity(id)?;
    let name = cx.index.in_sentence(container);
    (container.id != answer.id && !name.contains(['{', '}'])).then_some((container, *fact))
}

/// The places a place answer lies in (any kind under `place`), by the facts linking it to places
/// (transitively): "New York"
/// for Brooklyn is right as far as it goes, so the player is asked for more rather than marked
/// wrong.
fn containing_places(cx: &Context<'_>, answer: &Entity) -> Vec<String> {
    const PLACE: &str = "place";
    // A kind the fact base declares under "place" (a city, a borough) is a place too.
    let kinds = &cx.index.base.kinds;
    if !kinds.is_a(&answer.kind, PLACE) {
        return Vec::new();
    }
    let mut found: Vec<&Entity> = Vec::new();
    let mut frontier: Vec<&Entity> = vec![answer];
    while let Some(place) = frontier.pop() {
        for &fact in cx.index.facts_with_subject(&place.id) {
            let Object::Entity(id) = &cx.index.fact(fact).object else {
                continue;
            };
            if let Some(outer) = cx.index.entity(id)
                && kinds.is_a(&outer.kind, PLACE)
                && outer.id != answer.id
                && !found.iter().any(|seen| seen.id == outer.id)
            {
                found.push(outer);
                frontier.push(outer);
            }
        }
    }
    found.iter().map(|place| cx.option_name(place)).collect()
}

/// What else a typed answer accepts: the author's aliases, and the display name and full name where
/// they differ from the name shown.
fn typed_aliases(entity: &Entity, shown: &str) -> Vec<String> {
    let mut aliases = entity.aliases.clone();
    for name in [entity.display_name(), entity.name.as_str()] {
        if name != shown && !aliases.iter().any(|alias| alias == name) {
            aliases.push(name.to_string());
        }
    }
    aliases
}

/// Whether the fact's object is the only possible answer: a one-valued relation, or a complete list
/// holding a single object, with no other fact (disputed or not) giving another.
fn has_single_object(cx: &Context<'_>, fact_index: usize) -> bool {
    let fact = cx.index.fact(fact_index);
    let Some(relation) = cx.index.relation(fact) else {
        return false;
    };
    if !relation.is_closed() {
        return false;
    }
    cx.index
        .facts_about(&fact.subject, &relation.id)
        .iter()
        .all(|&other| cx.index.fact(other).object == fact.object)
}

/// Questions whose answer is the fact's subject ("Which of these did Y direct?"), from `ask_subject`.
pub(crate) fn entity_subject(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Entity(object_id) = &fact.object else {
        return;
    };
    let Some(object) = cx.index.entity(object_id) else {
        return;
    };
    if relation.ask_subject.is_empty() {
        return;
    }
    let Some(ask) = cx.ask(fact_index, fact, relation, Asking::Subject(object)) else {
        return;
    };
    let label = ["subject|", &subject.id, "|", &relation.id, "|", &object.id].concat();
    let prompt_for = |template: &str| ask.prompt(template);
    let prominence = cx.prominence(&[&subject.id, &object.id]);
    let explanation = cx.explanation(fact_index);
    if let Some(template) = pick_template(&relation.ask_subject, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
    }) && let Some(prompt) = prompt_for(template)
        && let shown = cx.normalised(&prompt)
        && let plausible_pool = cx
            .surely_not_subjects(&object.id, relation, &subject.kind)
            .into_iter()
            .map(|entity| (entity, true))
            .collect::<Vec<(&Entity, bool)>>()
        && let (wrong, similarity) = pick_wrong_where(
            &plausible_pool,
            WRONG_OPTIONS,
            &label,
            |entity: &&Entity| {
                !cx.index.same_name(entity, subject) && !cx.index.mentioned_in(&shown, entity)
            },
        )
        && !wrong.is_empty()
    {
        let wrong: Vec<String> = wrong.iter().map(|entity| cx.option_name(entity)).collect();
        let (options, answer_index) = arrange(cx.option_name(subject), wrong, &prompt);
        cx.push(Draft {
            prompt,
            body: Body::MultipleChoice {
                options,
                answer: answer_index,
                aliases: subject.aliases.clone(),
            },
            category: relation.category.clone(),
            explanation: explanation.clone(),
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                similarity,
                attributed: ask.attributed,
                ..Traits::new(QuestionType::MultipleChoice, prominence)
            },
            answers: names_of(subject),
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }
    // Free text when the object has a single subject by this relation.
    let only_subject = relation.inverse == Cardinality::One
        && cx
            .index
            .facts_pointing_at(&object.id, &relation.id)
            .iter()
            .all(|&other| cx.index.fact(other).subject == subject.id);
    if only_subject {
        let typed = Typed {
            templates: &relation.ask_subject,
            narrowed: false,
            label: &label,
            answer: subject,
            prominence,
        };
        push_free_text(cx, fact_index, &ask, typed, explanation);
    }
}

/// Questions whose answer is a text value: multiple choice among other subjects' values of a one-valued
/// relation, and free text for a short value.
pub(crate) fn text_object(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Value(Value::Text { text }) = &fact.object else {
        return;
    };
    if relation.cardinality != Cardinality::One {
        return;
    }
    let Some(ask) = cx.ask(fact_index, fact, relation, Asking::Object(subject)) else {
        return;
    };
    let label = ["text|", &subject.id, "|", &relation.id, "|", text].concat();
    let prompt_for = |template: &str| ask.prompt(template);
    let prominence = cx.prominence(&[&subject.id]);
    let explanation = cx.explanation(fact_index);
    let answer = phrasing::capitalise(text);
    let others: Vec<(String, bool)> = cx
        .index
        .other_text_values(&subject.id, relation)
        .into_iter()
        .map(|other| (phrasing::capitalise(other), true))
        .collect();
    if !others.is_empty()
        && let Some(template) = pick_template(&relation.ask_object, &label, |template| {
            phrasing::usable(template, &fact.qualifiers)
        })
        && let Some(prompt) = prompt_for(template)
    {
        let (wrong, similarity) = pick_wrong(&others, WRONG_OPTIONS, &label);
        let (options, answer_index) = arrange(answer.clone(), wrong, &prompt);
        cx.push(Draft {
            prompt,
            body: Body::MultipleChoice {
                options,
                answer: answer_index,
                aliases: Vec::new(),
            },
            category: relation.category.clone(),
            explanation: explanation.clone(),
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                similarity,
                attributed: ask.attributed,
                ..Traits::new(QuestionType::MultipleChoice, prominence)
            },
            answers: vec![text.clone()],
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }
    let short = text.split_whitespace().count() <= FREE_TEXT_WORDS;
    let single = cx
        .index
        .facts_about(&subject.id, &relation.id)
        .iter()
        .all(|&other| cx.index.fact(other).object == fact.object);
    if short
        && single
        && let Some(template) =
            pick_template(&relation.ask_object, &format!("free|{label}"), |template| {
                phrasing::usable(template, &fact.qualifiers) && !phrasing::needs_options(template)
            })
        && let Some(prompt) = prompt_for(template)
    {
        cx.push(Draft {
            prompt,
            body: Body::FreeText {
                answer,
                aliases: Vec::new(),
                kind: None,
                prompt_on: Vec::new(),
                reject: Vec::new(),
            },
            category: relation.category.clone(),
            explanation,
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                attributed: ask.attributed,
                ..Traits::new(QuestionType::FreeText, prominence)
            },
            answers: vec![text.clone()],
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }
}

/// "Which part shows how Napster threatens the music business?": the subject of a one-valued text
/// fact, among other subjects of the relation whose own value differs (each has one value, so theirs
/// is not this one). Asked only when the relation has `ask_subject` templates.
pub(crate) fn text_subject(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Value(Value::Text { text }) = &fact.object else {
        return;
    };
    if relation.cardinality != Cardinality::One || relation.ask_subject.is_empty() {
        return;
    }
    let Some(ask) = cx.ask(fact_index, fact, relation, Asking::SubjectOfText(text)) else {
        return;
    };
    let label = ["text-subject|", &subject.id, "|", &relation.id, "|", text].concat();
    let Some(template) = pick_template(&relation.ask_subject, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
    }) else {
        return;
    };
    let Some(prompt) = ask.prompt(template) else {
        return;
    };
    // Other subjects of the kind asked whose one value of the relation is known and is not this
    // one, each once.
    let shown = cx.normalised(&prompt);
    let mut others: Vec<(&Entity, bool)> = Vec::new();
    for &other in cx.index.facts_of_relation(&relation.id) {
        let other_fact = cx.index.fact(other);
        if other_fact.subject == subject.id
            || other_fact.object == fact.object
            || cx.index.is_disputed(other)
        {
            continue;
        }
        let Some(entity) = cx.index.subject_of(other) else {
            continue;
        };
        let same_value = cx
            .index
            .facts_about(&entity.id, &relation.id)
            .iter()
            .any(|&own| cx.index.fact(own).object == fact.object);
        if entity.kind == subject.kind
            && !same_value
            && !cx.index.same_name(entity, subject)
            && !cx.index.mentioned_in(&shown, entity)
            && !others.iter().any(|(seen, _)| seen.id == entity.id)
        {
            others.push((entity, true));
        }
    }
    let (wrong, similarity) = pick_wrong(&others, WRONG_OPTIONS, &label);
    if wrong.is_empty() {
        return;
    }
    let wrong: Vec<String> = wrong.iter().map(|entity| cx.option_name(entity)).collect();
    let (options, answer_index) = arrange(cx.option_name(subject), wrong, &prompt);
    let explanation = cx.explanation(fact_index);
    cx.push(Draft {
        prompt,
        body: Body::MultipleChoice {
            options,
            answer: answer_index,
            aliases: subject.aliases.clone(),
        },
        category: relation.category.clone(),
        explanation,
        facts: vec![fact_index],
        keys: ask.keys.clone(),
        traits: Traits {
            similarity,
            attributed: ask.attributed,
            ..Traits::new(QuestionType::MultipleChoice, cx.prominence(&[&subject.id]))
        },
        answers: names_of(subject),
        tags: tags(&[&relation.id], &ask.extra),
        supporting: Vec::new(),
    });
}
