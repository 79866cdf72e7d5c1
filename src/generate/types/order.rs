//! Order questions: put 3 to 5 dated events in order, earliest first.
//!
//! An event is a date fact whose statement reads as an event once its date is cut out ("{subject} first
//! aired on {object}." gives "The Defiant Ones first aired"). Events in one question must lie at least
//! [`MIN_GAP_DAYS`] apart: a year-only date covers its whole year, so "2017" and "July 9, 2017" never
//! meet, and two events a week apart make a trick, not a question. Only events the author marks of
//! interest 2 or more are ordered.

use crate::facts::{Object, Value};
use crate::question::{Body, PartialDate, QuestionType, days_in_month};
use crate::rng::{below, shuffle};

use super::super::difficulty::Traits;
use super::super::phrasing::{self, Slot};
use super::{Context, Draft, content_rng, tags};

/// Prepositions that may introduce the date in a statement.
const DATE_PREPOSITIONS: [&str; 7] = ["on", "in", "at", "during", "by", "from", "since"];

/// Fewest and most events in one question.
const MIN_ITEMS: usize = 3;
const MAX_ITEMS: usize = 5;

/// A dated event.
struct Event {
    fact: usize,
    phrase: String,
    date: PartialDate,
    start: i64,
    end: i64,
    subject: String,
    category: String,
}

/// The first and last day a date may mean.
fn interval(date: &PartialDate) -> (i64, i64) {
    let start = date.days_since_epoch();
    let end = match (date.month, date.day) {
        (Some(_), Some(_)) => start,
        (Some(month), None) => start + i64::from(days_in_month(date.year, month)) - 1,
        _ => PartialDate::year(date.year + 1).days_since_epoch() - 1,
    };
    (start, end)
}

/// The statement of a date fact with its date cut out, if it reads as an event.
fn event_phrase(cx: &Context<'_>, fact_index: usize) -> Option<String> {
    let (fact, relation, subject) = cx.parts(fact_index)?;
    let statement = &relation.statement;
    let cut = DATE_PREPOSITIONS.iter().find_map(|preposition| {
        let needle = format!(" {preposition} {{object}}");
        statement
            .find(&needle)
            .map(|at| format!("{}{}", &statement[..at], &statement[at + needle.len()..]))
    })?;
    if cut.contains("{object}") || !phrasing::usable(&cut, &fact.qualifiers) {
        return None;
    }
    let name = Slot::Name(undated_name(cx, subject).into());
    let filled = phrasing::fill(&cut, Some(&name), None, &fact.qualifiers)?;
    let phrase = filled.trim_end_matches(['.', ' ']).to_string();
    // "first aired" before "the last episode aired" gives the order away.
    let normalised = phrasing::normalise(&phrase);
    let tells_order = ["first", "last", "final", "debut", "later", "earlier"]
        .iter()
        .any(|word| normalised.contains(&format!(" {word} ")));
    (!phrase.is_empty() && !tells_order).then_some(phrase)
}

/// How an order question names an entity: as a sentence does, unless that name carries a year
/// ("the 1958 film The Defiant Ones"), which would date the item and give its place away; then by
/// its kind and shown name ("the film The Defiant Ones").
pub(super) fn undated_name(cx: &Context<'_>, entity: &crate::facts::Entity) -> String {
    let name = cx.index.in_sentence(entity);
    let has_year = name
        .as_bytes()
        .windows(4)
        .any(|window| window.iter().all(u8::is_ascii_digit));
    if has_year {
        format!(
            "the {} {}",
            entity.kind.replace('-', " "),
            entity.display_name()
        )
    } else {
        name.to_string()
    }
}

fn events(cx: &Context<'_>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for (index, fact) in cx.index.base.facts.iter().enumerate() {
        let Object::Value(Value::Date { date }) = &fact.object else {
            continue;
        };
        if cx.index.is_disputed(index) || cx.index.interest_of(index) < 2 {
            continue;
        }
        let Some(phrase) = event_phrase(cx, index) else {
            continue;
        };
        let key = phrasing::normalise(&phrase);
        if out
            .iter()
            .any(|event| phrasing::normalise(&event.phrase) == key)
        {
            continue;
        }
        let (start, end) = interval(date);
        out.push(Event {
            fact: index,
            phrase,
            date: *date,
            start,
            end,
            subject: fact.subject.clone(),
            category: cx
                .index
                .relation(fact)
                .map(|relation| relation.category.clone())
                .unwrap_or_default(),
        });
    }
    out
}

/// How far apart two events of one question must lie: a premiere and a release eight days apart
/// make a trick.
const MIN_GAP_DAYS: i64 = 60;

/// Whether two events lie too close to tell apart fairly (or overlap).
fn too_close(a: &Event, b: &Event) -> bool {
    a.start <= b.end + MIN_GAP_DAYS && b.start <= a.end + MIN_GAP_DAYS
}

/// One order question anchored on each dated event, with events of the same subject preferred, then of
/// the same category, then any.
pub(crate) fn all(cx: &mut Context<'_>) {
    let events = events(cx);
    if events.len() < MIN_ITEMS {
        return;
    }
    let mut seen: Vec<Vec<usize>> = Vec::new();
    for anchor in &events {
        let mut rng = content_rng(&format!("order|{}", anchor.phrase));
        let size = MIN_ITEMS + below(&mut rng, (MAX_ITEMS - MIN_ITEMS + 1) as u32) as usize;
        let mut tiers: [Vec<&Event>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for event in &events {
            if event.fact == anchor.fact {
                continue;
            }
            let tier = if event.subject == anchor.subject {
                0
            } else if event.category == anchor.category {
                1
            } else {
                2
            };
            tiers[tier].push(event);
        }
        let mut chosen: Vec<&Event> = vec![anchor];
        for tier in &mut tiers {
            shuffle(&mut rng, tier);
            for event in tier.iter() {
                if chosen.len() == size {
                    break;
                }
                if chosen.iter().all(|other| !too_close(other, event)) {
                    chosen.push(event);
                }
            }
        }
        if chosen.len() < MIN_ITEMS {
            continue;
        }
        chosen.sort_by_key(|event| event.start);
        let mut set: Vec<usize> = chosen.iter().map(|event| event.fact).collect();
        set.sort_unstable();
        if seen.contains(&set) {
            continue;
        }
        seen.push(set);
        build(cx, &chosen);
    }
}

fn build(cx: &mut Context<'_>, chosen: &[&Event]) {
    // Subjects in alphabetical order: listing them in the events' order would give the answer away.
    let mut subjects: Vec<&str> = Vec::new();
    for event in chosen {
        let Some(name) = cx
            .index
            .entity(&event.subject)
            .map(|e| cx.index.in_sentence(e))
        else {
            continue;
        };
        if !subjects.contains(&name) {
            subjects.push(name);
        }
    }
    subjects.sort_unstable();
    // The hint line says which way to order; the prompt only asks. Several phrasings, picked by the
    // question's content, so order questions do not all read alike.
    let label: String = chosen.iter().map(|event| event.phrase.as_str()).collect();
    let prompt = match subjects.as_slice() {
        [one] => {
            let phrasings = [
                format!("In what order did these moments in the story of {one} happen?"),
                format!("Put these moments of {one} in the order they happened."),
            ];
            phrasings[crate::rng::index(&mut content_rng(&label), 2)].clone()
        }
        _ => {
            let phrasings = [
                "In what order did these happen?".to_string(),
                "Put these events in the order they happened.".to_string(),
                "Put these in the order they happened.".to_string(),
            ];
            phrasings[crate::rng::index(&mut content_rng(&label), 3)].clone()
        }
    };
    let category = if chosen
        .iter()
        .all(|event| event.category == chosen[0].category)
    {
        chosen[0].category.clone()
    } else {
        "Timeline".to_string()
    };
    let items: Vec<String> = chosen.iter().map(|event| event.phrase.clone()).collect();
    let keys_words: Vec<String> = chosen.iter().map(|event| event.date.to_words()).collect();
    // Each event's own statement, dates and all, as one list: "The 1958 film The Defiant Ones was
    // released in 1958; The Chronic was released in 1992; and the series premiered on Netflix on
    // March 23, 2018."
    let statements: Vec<String> = chosen
        .iter()
        .enumerate()
        .map(|(position, event)| {
            let statement = cx.explanations[event.fact].trim_end_matches('.');
            let subject = cx.index.entity(&event.subject);
            // The item's own name for the subject: "The film The Defiant Ones was released in
            // 1958", not "The 1958 film ... in 1958".
            let statement = match subject {
                Some(subject) => {
                    let full = phrasing::capitalise(cx.index.in_sentence(subject));
                    match statement.strip_prefix(full.as_str()) {
                        Some(rest) => {
                            format!("{}{rest}", phrasing::capitalise(&undated_name(cx, subject)))
                        }
                        None => statement.to_string(),
                    }
                }
                None => statement.to_string(),
            };
            let plain_subject = subject
                .map(|subject| undated_name(cx, subject))
                .filter(|name| name.starts_with(|c: char| c.is_lowercase()))
                .is_some_and(|name| statement.starts_with(&phrasing::capitalise(&name)));
            if position > 0 && plain_subject {
                phrasing::uncapitalise(&statement)
            } else {
                statement
            }
        })
        .collect();
    // A verb said by the event before is not said again: "The film The Defiant Ones was released
    // in 1958; The Chronic in 1992".
    let names: Vec<String> = chosen
        .iter()
        .map(|event| {
            cx.index
                .entity(&event.subject)
                .map(|subject| undated_name(cx, subject))
                .unwrap_or_default()
        })
        .collect();
    let dates: Vec<String> = chosen.iter().map(|event| event.date.to_words()).collect();
    let statements = gapped(&statements, &names, &dates);
    let explanation = match statements.split_last() {
        Some((last, before)) if !before.is_empty() => {
            format!("{}; and {last}.", before.join("; "))
        }
        _ => format!("{}.", statements.join("; ")),
    };
    let closest_gap = chosen
        .windows(2)
        .map(|pair| pair[1].start - pair[0].end)
        .min()
        .unwrap_or(i64::MAX);
    let similarity = if closest_gap < 366 {
        1.0
    } else if closest_gap < 5 * 365 {
        0.5
    } else {
        0.0
    };
    let ids: Vec<&str> = chosen.iter().map(|event| event.subject.as_str()).collect();
    let prominence = cx.prominence(&ids);
    let relation_ids: Vec<&str> = chosen
        .iter()
        .map(|event| cx.index.fact(event.fact).relation.as_str())
        .collect();
    cx.push(Draft {
        prompt,
        body: Body::Order {
            items,
            keys: keys_words,
            direction: Some("earliest first".to_string()),
        },
        category,
        explanation,
        facts: chosen.iter().map(|event| event.fact).collect(),
        // Two order questions ask the same thing when they share two events (their relative order).
        keys: chosen
            .iter()
            .enumerate()
            .flat_map(|(position, first)| {
                chosen[position + 1..]
                    .iter()
                    .map(move |second| format!("order-pair|{}|{}", first.fact, second.fact).into())
            })
            .collect(),
        traits: Traits {
            similarity,
            items: chosen.len(),
            ..Traits::new(QuestionType::Order, prominence)
        },
        answers: Vec::new(),
        tags: tags(&relation_ids, &[]),
        supporting: Vec::new(),
    });
}

/// Each statement whose verb the one before it says too, with the verb left out (gapping): "The
/// Chronic in 1992" after "The film The Defiant Ones was released in 1958". A statement is read as
/// its event's name (either case of its first letter), the words between, and its date, the words
/// between ending with "in" or "on"; any other statement stays whole.
fn gapped(statements: &[String], names: &[String], dates: &[String]) -> Vec<String> {
    let middle = |at: usize| -> Option<&str> {
        let statement = statements[at].as_str();
        let name = names[at].as_str();
        let rest = statement
            .strip_prefix(name)
            .or_else(|| statement.strip_prefix(phrasing::capitalise(name).as_str()))?;
        let middle = rest.strip_suffix(dates[at].as_str())?;
        (middle.ends_with(" in ") || middle.ends_with(" on ")).then_some(middle)
    };
    statements
        .iter()
        .enumerate()
        .map(|(at, statement)| {
            let shared = at > 0 && middle(at).is_some() && middle(at) == middle(at - 1);
            match middle(at).filter(|_| shared) {
                Some(middle) => {
                    let preposition = &middle[middle.len() - 4..];
                    let name = &statement[..statement.len() - middle.len() - dates[at].len()];
                    format!("{name}{preposition}{}", dates[at])
                }
                None => statement.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::gapped;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| (*item).to_string()).collect()
    }

    #[test]
    fn a_verb_said_by_the_event_before_is_left_out() {
        let statements = strings(&[
            "The film was released in 1958",
            "The Chronic was released in 1992",
            "Beats was sold in 2014",
            "the premiere took place on March 15, 2018",
        ]);
        let names = strings(&["the film", "The Chronic", "Beats", "the premiere"]);
        let dates = strings(&["1958", "1992", "2014", "March 15, 2018"]);
        assert_eq!(
            gapped(&statements, &names, &dates),
            strings(&[
                "The film was released in 1958",
                "The Chronic in 1992",
                "Beats was sold in 2014",
                "the premiere took place on March 15, 2018",
            ])
        );
    }

    #[test]
    fn another_preposition_or_an_unread_statement_stays_whole() {
        let statements = strings(&[
            "Night Harbor was released in 2012",
            "Glass River was released on June 2, 2019",
            "Red Orchard came out in 2020",
        ]);
        let names = strings(&["Night Harbor", "Glass River", "Red Orchard"]);
        let dates = strings(&["2012", "June 2, 2019", "2021"]);
        assert_eq!(gapped(&statements, &names, &dates), statements);
    }
}
