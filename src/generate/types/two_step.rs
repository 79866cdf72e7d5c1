//! Two-step questions that join two facts through the entity they share, named by a description
//! instead of its name: "Which of these was directed by the person who directed The Defiant Ones?",
//! "In what year was the film that gave The Defiant Ones its title released?"
//!
//! The first fact must pin the middle entity down (a one-valued relation, or a complete list of one),
//! and its question must read as a relative clause: an `ask_object` phrasing `"Who <verb> ...?"` becomes
//! `"the person who <verb> ..."` (for a person), `"Which film <verb> ...?"` becomes
//! `"the film that <verb> ..."` (the middle entity's kind named). The second fact is then asked about
//! that description: its entity object or subject as multiple choice with the usual surely-wrong
//! options, or its date or amount as a typed answer and over a ladder.

use crate::facts::{Entity, Fact, Object, Relation, Value};
use crate::question::{Body, PartialDate};

use super::super::difficulty::Traits;
use super::super::numeric;
use super::super::phrasing::{self, Slot};
use super::choice::WRONG_OPTIONS;
use super::numbers;
use super::{
    Context, Draft, arrange, ask_key, fact_key, fact_signature, names_of, pick_template,
    pick_wrong_preferring, tags,
};

/// Words after "Who" that make it the object of its clause ("Who did X direct?"), not the subject.
const AUXILIARIES: [&str; 12] = [
    "did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "will", "can",
];

/// Prepositions that, ending a question, mean "who" is their object ("Who is X married to?").
const STRANDED: [&str; 10] = [
    "to", "with", "for", "from", "at", "in", "on", "of", "by", "about",
];

/// Whether a question ends in a preposition ("Which place is {subject} from?"): with a long description
/// for `{subject}` the preposition is stranded far from its verb ("Which place is the person who
/// recorded X from?").
fn strands_a_preposition(template: &str) -> bool {
    template
        .trim_end()
        .trim_end_matches('?')
        .split_whitespace()
        .last()
        .is_some_and(|last| STRANDED.contains(&last))
}

/// "the person who directed The Defiant Ones", from "Who directed {subject}?"; "the film that gave The
/// Defiant Ones its title", from "Which film gave {subject} its title?" when the middle entity is a film.
/// `person` says whether the middle entity's kind is a person or a kind declared under it (an
/// astronaut): "the astronaut who commanded Apollo 11".
pub(crate) fn description(
    template: &str,
    subject: &Slot<'_>,
    middle: &Entity,
    fact: &Fact,
    person: bool,
) -> Option<String> {
    let kind_words = middle.kind.replace(['-', '_'], " ");
    let (head, rest) = if let Some(rest) = template.strip_prefix("Who ") {
        if !person {
            return None;
        }
        (format!("the {kind_words} who"), rest)
    } else {
        let rest = template
            .strip_prefix("Which ")
            .or_else(|| template.strip_prefix("What "))?;
        let rest = rest.strip_prefix(kind_words.as_str())?.strip_prefix(' ')?;
        let relative = if person { "who" } else { "that" };
        (format!("the {kind_words} {relative}"), rest)
    };
    clause(&head, rest, subject, fact)
}

/// "{head} {rest}" with the subject filled in, unless "who"/"that" would be the object of its clause.
fn clause(head: &str, rest: &str, subject: &Slot<'_>, fact: &Fact) -> Option<String> {
    let body = rest.trim_end().strip_suffix('?')?;
    let mut words = body.split_whitespace();
    let first = words.next()?;
    let second = words.next().unwrap_or("");
    if matches!(first, "did" | "does" | "do")
        || (AUXILIARIES.contains(&first) && second.starts_with("{subject}"))
    {
        return None;
    }
    let last = body.split_whitespace().last()?;
    if STRANDED.contains(&last) {
        return None;
    }
    let clause = phrasing::fill(
        &format!("{head} {body}"),
        Some(subject),
        None,
        &fact.qualifiers,
    )?;
    // `fill` capitalises a generated start; the description goes mid-sentence.
    Some(phrasing::uncapitalise(&clause))
}

/// Every two-step question the facts support.
pub(crate) fn all(cx: &mut Context<'_>) {
    for first in 0..cx.index.base.facts.len() {
        let Some((fact, relation, subject)) = cx.parts(first) else {
            continue;
        };
        if cx.index.is_disputed(first) {
            continue;
        }
        let Object::Entity(middle_id) = &fact.object else {
            continue;
        };
        let Some(middle) = cx.index.entity(middle_id) else {
            continue;
        };
        if !pins_down(cx, first, relation) {
            continue;
        }
        let label = format!("two|{}|{}", subject.id, relation.id);
        let person = cx.index.base.kinds.is_a(&middle.kind, "person");
        let Some(template) = pick_template(&relation.ask_object, &label, |template| {
            phrasing::usable(template, &fact.qualifiers)
                && description(template, &cx.name_slot(subject), middle, fact, person).is_some()
        }) else {
            continue;
        };
        let Some(phrase) = description(template, &cx.name_slot(subject), middle, fact, person)
        else {
            continue;
        };
        let hop = Hop {
            first,
            subject,
            middle,
            phrase,
        };
        // The middle entity as subject of another fact.
        // The middle entity as subject, then as object, of another fact, in fact order.
        let mut seconds: Vec<(usize, bool)> = cx
            .index
            .facts_with_subject(&middle.id)
            .iter()
            .map(|&second| (second, true))
            .chain(
                cx.index
                    .facts_with_object(&middle.id)
                    .iter()
                    .map(|&second| (second, false)),
            )
            .filter(|&(second, _)| second != first && !cx.index.is_disputed(second))
            .collect();
        seconds.sort_unstable_by_key(|&(second, as_subject)| (second, !as_subject));
        for (second, as_subject) in seconds {
            if as_subject {
                forward(cx, &hop, second);
            } else {
                backward(cx, &hop, second);
            }
        }
    }
}

/// The first fact of a join.
struct Hop<'a> {
    first: usize,
    subject: &'a Entity,
    middle: &'a Entity,
    /// "the person who directed The Defiant Ones"
    phrase: String,
}

/// Whether the first fact's object is the only one its subject has by its relation.
fn pins_down(cx: &Context<'_>, fact_index: usize, relation: &Relation) -> bool {
    let fact = cx.index.fact(fact_index);
    relation.is_closed()
        && cx
            .index
            .facts_about(&fact.subject, &relation.id)
            .iter()
            .all(|&other| cx.index.fact(other).object == fact.object)
}

/// "Where does the person who directed X come from?": the second fact's object, an entity; a date or
/// an amount goes to [`forward_value`].
fn forward(cx: &mut Context<'_>, hop: &Hop<'_>, second: usize) {
    let Some((fact, relation, _)) = cx.parts(second) else {
        return;
    };
    let Object::Entity(answer_id) = &fact.object else {
        forward_value(cx, hop, second);
        return;
    };
    let Some(answer) = cx.index.entity(answer_id) else {
        return;
    };
    if answer.id == hop.subject.id {
        return;
    }
    let pool: Vec<(&Entity, bool)> = cx
        .surely_not_objects(&hop.middle.id, relation, &answer.kind)
        .into_iter()
        .filter(|(entity, _)| {
            !cx.index.confusable(answer, entity)
                && entity.id != hop.subject.id
                && entity.id != hop.middle.id
        })
        .collect();
    if pool.is_empty() {
        return;
    }
    let label = format!(
        "two-forward|{}|{}|{}",
        hop.subject.id, hop.middle.id, second
    );
    let Some(template) = pick_template(&relation.ask_object, &label, |template| {
        phrasing::usable(template, &fact.qualifiers) && !strands_a_preposition(template)
    }) else {
        return;
    };
    let Some(prompt) = phrasing::fill(
        template,
        Some(&Slot::Words(hop.phrase.clone())),
        None,
        &fact.qualifiers,
    ) else {
        return;
    };
    let key = ask_key("two-object", &hop.middle.id, &relation.id, fact);
    finish(cx, hop, second, prompt, answer, pool, &label, key);
}

/// "Which of these was directed by the person who directed X?": the second fact's subject.
fn backward(cx: &mut Context<'_>, hop: &Hop<'_>, second: usize) {
    let Some((fact, relation, answer)) = cx.parts(second) else {
        return;
    };
    if answer.id == hop.subject.id || relation.ask_subject.is_empty() {
        return;
    }
    let pool: Vec<(&Entity, bool)> = cx
        .surely_not_subjects(&hop.middle.id, relation, &answer.kind)
        .into_iter()
        .filter(|entity| {
            !cx.index.same_name(entity, answer)
                && entity.id != hop.subject.id
                && entity.id != hop.middle.id
        })
        .map(|entity| (entity, true))
        .collect();
    if pool.is_empty() {
        return;
    }
    let label = format!(
        "two-backward|{}|{}|{}",
        hop.subject.id, hop.middle.id, second
    );
    let Some(template) = pick_template(&relation.ask_subject, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
    }) else {
        return;
    };
    let Some(prompt) = phrasing::fill(
        template,
        None,
        Some(&Slot::Words(hop.phrase.clone())),
        &fact.qualifiers,
    ) else {
        return;
    };
    let key = ask_key("two-subject", &hop.middle.id, &relation.id, fact);
    finish(cx, hop, second, prompt, answer, pool, &label, key);
}

#[allow(clippy::too_many_arguments)]
/// Builds the multiple-choice question: wrong options from `pool` that the prompt does not already name.
fn finish(
    cx: &mut Context<'_>,
    hop: &Hop<'_>,
    second: usize,
    prompt: String,
    answer: &Entity,
    pool: Vec<(&Entity, bool)>,
    label: &str,
    key: String,
) {
    let shown = cx.normalised(&prompt);
    let pool: Vec<(&Entity, bool)> = pool
        .into_iter()
        .filter(|(entity, _)| !cx.index.mentioned_in(&shown, entity))
        .collect();
    if pool.is_empty() {
        return;
    }
    let relation = cx.index.fact(second).relation.as_str();
    let (wrong, similarity) = pick_wrong_preferring(
        &pool,
        WRONG_OPTIONS,
        label,
        |_| true,
        |entity: &&Entity| cx.index.plays_role(entity, relation),
    );
    let wrong: Vec<String> = wrong.iter().map(|entity| cx.option_name(entity)).collect();
    let (options, answer_index) = arrange(cx.option_name(answer), wrong, &prompt);
    let prominence = cx.prominence(&[&hop.subject.id, &hop.middle.id, &answer.id]);
    push_joined(
        cx,
        hop,
        second,
        Joined {
            prompt,
            body: Body::MultipleChoice {
                options,
                answer: answer_index,
                aliases: answer.aliases.clone(),
            },
            answers: names_of(answer),
            similarity,
            prominence,
            key,
        },
    );
}

/// A two-step question before the parts every one of them shares.
struct Joined {
    prompt: String,
    body: Body,
    answers: Vec<String>,
    similarity: f64,
    prominence: f64,
    key: String,
}

/// Pushes a two-step question: both facts cited and explained, one join, the middle entity hidden.
fn push_joined(cx: &mut Context<'_>, hop: &Hop<'_>, second: usize, joined: Joined) {
    // The middle entity must stay hidden, or the question is not two-step.
    if phrasing::leaks(&joined.prompt, &names_of(hop.middle)) {
        return;
    }
    let Some(relation) = cx.index.relation(cx.index.fact(second)) else {
        return;
    };
    let first_relation = cx.index.fact(hop.first).relation.as_str();
    // The two steps as one sentence where the middle entity ends one and opens the other.
    let (first_text, second_text) = (cx.explanation(hop.first), cx.explanation(second));
    let explanation = cx
        .folded_pair(hop.first, &first_text, second, &second_text)
        .unwrap_or_else(|| {
            // Two sentences: the second names the middle entity, just named in full, by its
            // second-mention name ("Jim Lovell was ... Lovell was born on ...").
            let full = phrasing::capitalise(cx.index.in_sentence(hop.middle));
            let short = cx.index.short_name(hop.middle);
            let second_text = match second_text.strip_prefix(full.as_str()) {
                Some(rest)
                    if short != cx.index.in_sentence(hop.middle) && first_text.contains(&full) =>
                {
                    format!("{}{rest}", phrasing::capitalise(short))
                }
                _ => second_text.clone(),
            };
            format!("{first_text} {second_text}")
        });
    // A middle entity named with a year ("the 1958 film The Defiant Ones") says the year twice
    // beside its date ("..., which was released in 1958"): it goes by its name without it.
    let dated_name = cx.index.in_sentence(hop.middle);
    let undated = super::order::undated_name(cx, hop.middle);
    let explanation = if undated != dated_name
        && matches!(
            cx.index.fact(second).object,
            Object::Value(Value::Date { .. })
        ) {
        explanation
            .replace(
                &phrasing::capitalise(dated_name),
                &phrasing::capitalise(&undated),
            )
            .replace(dated_name, &undated)
    } else {
        explanation
    };
    let kind = joined.body.question_type();
    cx.push(Draft {
        prompt: joined.prompt,
        body: joined.body,
        category: relation.category.clone(),
        explanation,
        facts: vec![hop.first, second],
        // Which fact is the known end and which the asked one: the same two facts ask two things.
        keys: vec![
            joined.key.into(),
            fact_key(second),
            format!("hop|{}", fact_signature(cx.index.fact(hop.first))).into(),
        ],
        traits: Traits {
            similarity: joined.similarity,
            joins: 1,
            ..Traits::new(kind, joined.prominence)
        },
        answers: joined.answers,
        tags: tags(&[first_relation, &relation.id], &["two-step"]),
        supporting: Vec::new(),
    });
}

/// "In what year was the film that gave X its title released?": the second fact's date or amount,
/// typed and over a ladder.
fn forward_value(cx: &mut Context<'_>, hop: &Hop<'_>, second: usize) {
    let Some((fact, relation, _)) = cx.parts(second) else {
        return;
    };
    let Object::Value(value) = &fact.object else {
        return;
    };
    let subject_slot = Slot::Words(hop.phrase.clone());
    let label = format!("two-value|{}|{}|{second}", hop.subject.id, hop.middle.id);
    let key = ask_key("two-object", &hop.middle.id, &relation.id, fact);
    let prominence = cx.prominence(&[&hop.subject.id, &hop.middle.id]);
    let fill =
        |template: &str| phrasing::fill(template, Some(&subject_slot), None, &fact.qualifiers);
    let mut drafts: Vec<Joined> = Vec::new();
    if let Value::Date { date } = value {
        if let Some(template) = pick_template(&relation.ask_object, &label, |template| {
            phrasing::usable(template, &fact.qualifiers)
                && !phrasing::needs_options(template)
                && !strands_a_preposition(template)
                && numbers::date_for_template(date, template).is_some()
        }) && let Some(asked) = numbers::date_for_template(date, template)
            && let Some(prompt) = fill(template)
        {
            drafts.push(Joined {
                prompt,
                body: Body::Date {
                    answer: asked,
                    tolerance_days: 0,
                },
                answers: vec![asked.to_words(), date.to_words()],
                similarity: 0.0,
                prominence,
                key: key.clone(),
            });
        }
        if let Some(template) = pick_template(
            &relation.ask_object,
            &format!("ladder|{label}"),
            |template| {
                phrasing::usable(template, &fact.qualifiers)
                    && numbers::date_for_template(date, template).is_some()
            },
        ) && let Some(asked) = numbers::date_for_template(date, template)
            && let Some(ladder) = numbers::date_ladder(cx, second, &asked)
            && let Some(prompt) = fill(template)
        {
            drafts.push(Joined {
                prompt,
                body: Body::MultipleChoice {
                    options: ladder.rungs.iter().map(PartialDate::to_words).collect(),
                    answer: ladder.answer,
                    aliases: Vec::new(),
                },
                answers: vec![asked.to_words(), date.to_words()],
                similarity: numbers::ladder_similarity(ladder.relative_step),
                prominence,
                key: key.clone(),
            });
        }
    } else if let Some(spec) = numbers::quantity(value) {
        let answers = vec![numbers::option_words(value, spec.amount), value.to_words()];
        if let Some(template) = pick_template(&relation.ask_object, &label, |template| {
            phrasing::usable(template, &fact.qualifiers)
                && !phrasing::needs_options(template)
                && !strands_a_preposition(template)
        }) && let Some(prompt) = fill(template)
        {
            let taken = numbers::taken_amounts(cx, &fact.subject, &relation.id);
            let hedged = fact.qualifiers.approx.is_some();
            let tolerance = numbers::typed_tolerance(value, &spec, hedged);
            let tolerance = numeric::tolerance_below(spec.amount, tolerance, &taken);
            drafts.push(Joined {
                prompt,
                body: Body::Numeric {
                    answer: spec.amount,
                    tolerance,
                    unit: spec.unit.clone(),
                },
                answers: answers.clone(),
                similarity: 0.0,
                prominence,
                key: key.clone(),
            });
        }
        if let Some((ladder, _)) = numbers::amount_ladder(cx, second)
            && let Some(template) = pick_template(
                &relation.ask_object,
                &format!("ladder|{label}"),
                |template| phrasing::usable(template, &fact.qualifiers),
            )
            && let Some(prompt) = fill(template)
        {
            drafts.push(Joined {
                prompt,
                body: Body::MultipleChoice {
                    options: ladder
                        .rungs
                        .iter()
                        .map(|&rung| numbers::option_words(value, rung))
                        .collect(),
                    answer: ladder.answer,
                    aliases: Vec::new(),
                },
                answers,
                similarity: numbers::ladder_similarity(ladder.relative_step),
                prominence,
                key,
            });
        }
    }
    for joined in drafts {
        push_joined(cx, hop, second, joined);
    }
}
