//! Quotation questions: "Who said this?" (pick the speaker) from a quote-valued relation's
//! `ask_subject` phrasing, and "Which of these did X say?" (pick the words) from its `ask_object`.
//!
//! The sources attribute each quotation to its speaker, so anyone not recorded with the same words is
//! surely not its speaker, and words recorded for someone else are surely not the subject's.

use crate::facts::{Entity, Fact, Object, Value};
use crate::question::{Body, QuestionType};

use super::super::difficulty::Traits;
use super::super::phrasing::{self, Slot};
use super::choice::WRONG_OPTIONS;
use super::{
    Context, Draft, arrange, ask_key, fact_key, names_of, pick_template, pick_wrong,
    pick_wrong_where, tags,
};

/// "Who said this?": the speaker among surely-wrong people.
pub(crate) fn who_said(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, speaker)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Value(Value::Quote { text }) = &fact.object else {
        return;
    };
    let attribution = match cx.attribution(fact_index) {
        Some(None) => return,
        Some(Some(attribution)) => Some(attribution),
        None => None,
    };
    let words = cx.normalised(text);
    let label = format!("quote|{}|{}|{words}", speaker.id, relation.id);
    let Some(template) = pick_template(&relation.ask_subject, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
    }) else {
        return;
    };
    let short = short_context(&fact.qualifiers);
    let Some(prompt) = phrasing::fill(template, None, Some(&Slot::This), &short) else {
        return;
    };
    let prompt = match &attribution {
        Some(attribution) => phrasing::attribute(&prompt, &attribution.label, false),
        None => prompt,
    };
    // The normaliser folds word by word: the prompt (normalised once, and read again when the
    // question is finished) and the words, joined.
    let shown = phrasing::join_normalised(&[&cx.normalised(&prompt), &words]);
    debug_assert_eq!(shown, phrasing::normalise(&format!("{prompt} {text}")));
    // Words that speak of their speaker in the third person ("I think Allen killed it" from Allen
    // Hughes) refute themselves: not asked.
    if cx.index.mentions_any_name_word(&words, speaker) {
        return;
    }
    let pool = cx.speaker_pool(fact_index);
    let (wrong, similarity) = pick_wrong_where(&pool, WRONG_OPTIONS, &label, |entity| {
        !cx.index.mentioned_in(&shown, entity) && !cx.index.mentions_any_name_word(&words, entity)
    });
    if wrong.is_empty() {
        return;
    }
    let wrong: Vec<String> = wrong.iter().map(|entity| cx.option_name(entity)).collect();
    let (options, answer) = arrange(cx.option_name(speaker), wrong, &format!("{prompt}|{words}"));
    let extra: &[&str] = if attribution.is_some() {
        &["attributed"]
    } else {
        &[]
    };
    cx.push(Draft {
        prompt,
        body: Body::Quote {
            quote: text.clone(),
            options,
            answer,
            aliases: speaker.aliases.clone(),
        },
        category: relation.category.clone(),
        // The quotation is on screen: the explanation says who said it and what about, not the
        // words again, nor the setting the prompt gave ("Allen Hughes said this explaining the
        // series' title.").
        explanation: attribution
            .is_none()
            .then(|| said_this_about(cx, fact, relation, speaker))
            .flatten()
            .unwrap_or_else(|| cx.explanation(fact_index)),
        facts: vec![fact_index],
        keys: vec![format!("quote|{words}").into(), fact_key(fact_index)],
        traits: Traits {
            similarity,
            attributed: attribution.is_some(),
            ..Traits::new(QuestionType::Quote, cx.prominence(&[&speaker.id]))
        },
        answers: names_of(speaker),
        tags: tags(&[&relation.id], extra),
        supporting: Vec::new(),
    });
}

/// "Which of these did X say?": the words among quotations recorded for other people.
pub(crate) fn which_words(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, speaker)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Value(quote @ Value::Quote { text }) = &fact.object else {
        return;
    };
    if cx.index.is_disputed(fact_index) {
        return;
    }
    let label = format!(
        "words|{}|{}|{}",
        speaker.id,
        relation.id,
        cx.normalised(text)
    );
    if cx
        .index
        .mentions_any_name_word(&cx.normalised(text), speaker)
    {
        return;
    }
    // Never words that name the speaker: "I think Allen killed it" is plainly not Allen Hughes's.
    // Only quotations of the same relation: a critics' consensus among things people said reads as
    // the odd one out.
    let pool: Vec<usize> = cx
        .index
        .quotes_not_by(&speaker.id)
        .into_iter()
        .filter(|&index| cx.index.fact(index).relation == fact.relation)
        .filter(|&index| match &cx.index.fact(index).object {
            Object::Value(Value::Quote { text }) => {
                let mentions = match cx
                    .index
                    .quotes
                    .binary_search_by_key(&index, |(fact, _)| *fact)
                {
                    Ok(at) => cx
                        .index
                        .mentions_any_name_word(&cx.index.quotes[at].1, speaker),
                    Err(_) => cx
                        .index
                        .mentions_any_name_word(&cx.normalised(text), speaker),
                };
                !mentions
            }
            _ => false,
        })
        .collect();
    let pool = closest_quotes(cx, fact_index, pool);
    if pool.is_empty() {
        return;
    }
    let Some(template) = pick_template(&relation.ask_object, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
    }) else {
        return;
    };
    let Some(prompt) = phrasing::fill(
        template,
        Some(&cx.name_slot(speaker)),
        None,
        &short_context(&fact.qualifiers),
    ) else {
        return;
    };
    let (wrong, similarity) = pick_wrong(&pool, WRONG_OPTIONS, &label);
    let (options, answer) = arrange(quote.to_words(), wrong, &prompt);
    cx.push(Draft {
        prompt,
        body: Body::MultipleChoice {
            options,
            answer,
            aliases: Vec::new(),
        },
        category: relation.category.clone(),
        // The words are an option on screen and the prompt gave the setting: what they were about
        // is what the player did not read ("Allen Hughes said this describing the 1990s.").
        explanation: said_this_about(cx, fact, relation, speaker)
            .filter(|_| topic(&fact.qualifiers).is_some())
            .unwrap_or_else(|| cx.explanation(fact_index)),
        facts: vec![fact_index],
        keys: vec![
            ask_key("object", &speaker.id, &relation.id, fact).into(),
            fact_key(fact_index),
        ],
        traits: Traits {
            similarity,
            ..Traits::new(QuestionType::MultipleChoice, cx.prominence(&[&speaker.id]))
        },
        answers: vec![text.clone()],
        tags: tags(&[&relation.id], &[]),
        supporting: Vec::new(),
    });
}

/// How close another quote fact is to this one, 1 to 6: two more for the same relation (said, wrote),
/// one for speakers sharing a role, one for the same setting (the last part of the context: "at the
/// London premiere") and (`with_shape`, for quotations offered as options) one for the same shape,
/// both whole sentences or both fragments, so the right words do not stand out among a critic's
/// phrases.
fn closeness(cx: &Context<'_>, fact_index: usize, other: usize, with_shape: bool) -> u8 {
    let fact = cx.index.fact(fact_index);
    let other = cx.index.fact(other);
    let shape = |fact: &crate::facts::Fact| match &fact.object {
        Object::Value(Value::Quote { text }) => whole_sentence(text),
        _ => false,
    };
    closeness_of(
        fact,
        other,
        with_shape && shape(other) == shape(fact),
        same_role(cx, &fact.subject, &other.subject),
    )
}

/// [`closeness`] with the shape and role comparisons already made.
fn closeness_of(fact: &Fact, other: &Fact, same_shape: bool, same_role: bool) -> u8 {
    closeness_in(
        fact,
        setting(&fact.qualifiers),
        other,
        same_shape,
        same_role,
    )
}

/// [`closeness_of`] with the fact's setting (see [`setting`]) already read.
fn closeness_in(
    fact: &Fact,
    fact_setting: Option<&str>,
    other: &Fact,
    same_shape: bool,
    same_role: bool,
) -> u8 {
    1 + 2 * u8::from(other.relation == fact.relation)
        + u8::from(setting(&other.qualifiers) == fact_setting)
        + u8::from(same_shape)
        + u8::from(same_role)
}

/// Whether two speakers play a common part in the facts other than what they said (both interviewed,
/// both critics of the series): a critic among the people the series is about reads as filler.
fn same_role(cx: &Context<'_>, one: &str, other: &str) -> bool {
    let mine = cx.index.roles_of(one);
    one == other
        || cx
            .index
            .roles_of(other)
            .iter()
            .any(|role| mine.contains(role))
}

/// Whether a quotation reads as a whole sentence: a capital first and a full stop, question or
/// exclamation mark last.
fn whole_sentence(text: &str) -> bool {
    let text = text.trim();
    text.chars().next().is_some_and(char::is_uppercase)
        && text
            .trim_end_matches(['"', '\u{201d}', '\''])
            .ends_with(['.', '!', '?'])
}

/// The closest tier holding three wrong options among people who play a part with the speaker besides
/// what was said: speakers quoted in the same setting (the premiere), else by the same relation (said,
/// wrote), else quoted anywhere; failing three such, the people sharing the most parts with the
/// speaker. Only then anyone quoted, else anyone of the kind: a radio critic is not offered as a
/// speaker at the premiere while others who spoke or were interviewed there can be.
pub(crate) fn closest_speakers<'e>(
    cx: &Context<'_>,
    fact_index: usize,
    pool: Vec<(&'e Entity, bool)>,
) -> Vec<(&'e Entity, bool)> {
    let fact = cx.index.fact(fact_index);
    let speaker = &fact.subject;
    // How many parts each plays with the speaker besides what was said (both spoke at the
    // premiere, both were interviewed): a critic offered as a speaker among the people the series is
    // about reads as filler.
    let speaker_roles = cx.index.roles_of(speaker);
    let shared: Vec<usize> = pool
        .iter()
        .map(|(entity, _)| {
            cx.index
                .roles_of(&entity.id)
                .iter()
                .filter(|role| speaker_roles.contains(role))
                .count()
        })
        .collect();
    // Every quotation of one speaker is as close in role as the speaker (see `same_role`: a part
    // shared, or the speaker itself).
    // (The fact's own setting read once, not once per quotation weighed.)
    let fact_setting = setting(&fact.qualifiers);
    let tiers: Vec<u8> = pool
        .iter()
        .zip(&shared)
        .map(|((entity, _), &shared)| {
            let same_role = *speaker == entity.id || shared > 0;
            cx.index
                .quotes_of(&entity.id)
                .iter()
                .map(|&index| {
                    let other = cx.index.fact(index);
                    closeness_in(fact, fact_setting, other, false, same_role)
                })
                .max()
                .unwrap_or(0)
        })
        .collect();
    debug_assert!(pool.iter().zip(&tiers).all(|((entity, _), &tier)| {
        let each = cx.index.quotes_of(&entity.id).iter();
        tier == each
            .map(|&index| closeness(cx, fact_index, index, false))
            .max()
            .unwrap_or(0)
    }));
    // The people who share a part with the speaker, first those the facts tie to the place the words
    // were said as they tie the speaker (who spoke at the premiere too).
    let places: Vec<usize> = setting(&fact.qualifiers)
        .map(|setting| {
            cx.index
                .entities_mentioned_in(&phrasing::normalise(setting))
        })
        .unwrap_or_default();
    let place_ids: Vec<&str> = places
        .iter()
        .map(|&place| cx.index.base.entities[place].id.as_str())
        .collect();
    // How an entity is linked to the places: (relation, place) pairs, either way round. (Ids name
    // one entity each, so a place is matched by its id.)
    let links = |id: &str| -> Vec<(&str, usize)> {
        if places.is_empty() {
            return Vec::new();
        }
        let objects = cx.index.facts_with_subject(id).iter().filter_map(|&other| {
            match &cx.index.fact(other).object {
                Object::Entity(object) => Some((other, object.as_str())),
                Object::Value(_) => None,
            }
        });
        let subjects = cx
            .index
            .facts_with_object(id)
            .iter()
            .map(|&other| (other, cx.index.fact(other).subject.as_str()));
        objects
            .chain(subjects)
            .filter_map(|(other, linked)| {
                let at = place_ids.iter().position(|&place| place == linked)?;
                Some((cx.index.fact(other).relation.as_str(), places[at]))
            })
            .collect()
    };
    // Linked to the place as the speaker is (spoke there too), or at all when the speaker is not.
    let speaker_links = links(speaker);
    let at_the_place = |entity: &Entity| {
        let theirs = links(&entity.id);
        if speaker_links.is_empty() {
            !theirs.is_empty()
        } else {
            theirs.iter().any(|link| speaker_links.contains(link))
        }
    };
    // First who was there as the speaker was and is quoted, then who was there, then who is
    // quoted, then the most parts shared.
    let mut sharing: Vec<((bool, bool, usize, u8), usize)> = pool
        .iter()
        .enumerate()
        .filter(|&(at, _)| shared[at] > 0)
        .map(|(at, (entity, _))| {
            (
                (at_the_place(entity), tiers[at] > 0, shared[at], tiers[at]),
                at,
            )
        })
        .collect();
    if sharing.len() >= WRONG_OPTIONS {
        // Best first; among equals, the pool's own order.
        sharing.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // The best three are offered (whether quoted or not: someone who spoke at the premiere is
        // a fair guess); the rest only stand by.
        let best: Vec<usize> = sharing[..WRONG_OPTIONS].iter().map(|&(_, at)| at).collect();
        return pool
            .into_iter()
            .enumerate()
            .map(|(at, (entity, _))| (entity, best.contains(&at)))
            .collect();
    }
    for wanted in [6, 5, 4, 3, 2, 1] {
        if tiers.iter().filter(|&&t| t >= wanted).count() >= WRONG_OPTIONS {
            return pool
                .into_iter()
                .zip(tiers)
                .filter(|(_, t)| *t >= wanted)
                .map(|(entry, _)| entry)
                .collect();
        }
    }
    // A small fact base quotes few people: anyone of the speaker's kind.
    pool.into_iter().map(|(entity, _)| (entity, true)).collect()
}

/// The words of the closest tier of other quotations (facts of the same relation) holding three: the
/// same setting and shape first.
fn closest_quotes(cx: &Context<'_>, fact_index: usize, pool: Vec<usize>) -> Vec<(String, bool)> {
    let tiers: Vec<u8> = pool
        .iter()
        .map(|&index| closeness(cx, fact_index, index, true))
        .collect();
    for wanted in [6, 5, 4, 3, 2, 1] {
        if tiers.iter().filter(|&&t| t >= wanted).count() >= WRONG_OPTIONS {
            return pool
                .into_iter()
                .zip(tiers)
                .filter(|(_, t)| *t >= wanted)
                .filter_map(|(index, _)| match &cx.index.fact(index).object {
                    Object::Value(quote) => Some((quote.to_words(), true)),
                    Object::Entity(_) => None,
                })
                .collect();
        }
    }
    Vec::new()
}

/// A quotation's setting as a question names it: only its last part ("at the London premiere" of "on
/// success in hip hop and business, at the London premiere"); a topic tag before it reads as machine
/// made. The explanation keeps the whole setting.
pub(crate) fn short_context(qualifiers: &crate::facts::Qualifiers) -> crate::facts::Qualifiers {
    let mut short = qualifiers.clone();
    short.context = setting(qualifiers).map(str::to_string);
    short
}

/// "X said this ...": the quotation's statement with "this" for the words and, where its context
/// has a topic before the setting the prompt shows, the topic alone ("Dr. Dre said this about
/// creative chemistry."); else the whole context.
fn said_this_about(
    cx: &Context<'_>,
    fact: &Fact,
    relation: &crate::facts::Relation,
    speaker: &crate::facts::Entity,
) -> Option<String> {
    match topic(&fact.qualifiers) {
        Some(topic) => {
            let mut qualifiers = fact.qualifiers.clone();
            qualifiers.context = Some(topic.to_string());
            phrasing::fill(
                &relation.statement,
                Some(&cx.name_slot(speaker)),
                Some(&Slot::This),
                &qualifiers,
            )
        }
        None => cx.statement_with(fact, relation, &cx.name_slot(speaker), &Slot::This, false),
    }
}

/// What a quotation was about, the context before its setting ("about creative chemistry" of
/// "about creative chemistry, at the London premiere"); `None` when the context is a setting alone.
fn topic(qualifiers: &crate::facts::Qualifiers) -> Option<&str> {
    let context = qualifiers.context.as_deref()?;
    let last_comma = context
        .as_bytes()
        .windows(2)
        .rposition(|pair| pair == b", ")?;
    Some(&context[..last_comma])
}

/// The setting of a quotation: the context as [`short_context`] shortens it.
fn setting(qualifiers: &crate::facts::Qualifiers) -> Option<&str> {
    let context = qualifiers.context.as_deref()?;
    // The part after the last ", " (a plain scan: a searcher built per call costs more).
    let last_comma = context
        .as_bytes()
        .windows(2)
        .rposition(|pair| pair == b", ");
    Some(last_comma.map_or(context, |at| &context[at + 2..]))
}
