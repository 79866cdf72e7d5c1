//! Numeric and date questions: a typed number within a stated tolerance, a typed date, or a multiple
//! choice over a ladder of values (see [`numeric`](super::super::numeric)).

use crate::facts::money_words;
use crate::facts::{Object, Value};
use crate::question::{Body, PartialDate, QuestionType, format_plain, group_thousands};

use super::super::difficulty::Traits;
use super::super::numeric::{self, Ladder, Range};
use super::super::phrasing;
use super::{Asking, Context, Draft, content_rng, pick_template, tags};

/// The wished-for distance between ladder rungs, relative to the answer.
const LADDER_STEP: f64 = 0.15;

/// How a quantity is asked: its amount, the range its options must stay in, its unit.
#[derive(Clone, Debug)]
pub(crate) struct Quantity {
    pub amount: f64,
    pub range: Range,
    pub unit: Option<String>,
    /// A percentage or a score out of 100: tolerances are in points.
    pub percent_like: bool,
}

/// The quantity a value holds, if it is one a numeric question can ask.
pub(crate) fn quantity(value: &Value) -> Option<Quantity> {
    let (amount, unit) = value.quantity()?;
    let (range, percent_like) = match value {
        Value::Integer { .. } => (Range::COUNT, false),
        Value::Percentage { .. } => (Range::up_to(100.0), true),
        Value::Score {
            out_of, percent, ..
        } => (
            Range::up_to(if *percent { 100.0 } else { *out_of }),
            *percent || *out_of == 100.0,
        ),
        Value::Age { .. } => (Range::up_to(120.0), false),
        Value::Ordinal { .. } => (Range::up_to(f64::INFINITY), false),
        Value::Time { .. } => (Range::up_to(24.0 * 60.0 - 1.0), false),
        _ => (Range::POSITIVE, false),
    };
    Some(Quantity {
        amount,
        range,
        unit,
        percent_like,
    })
}

/// The same kind of value holding another amount (a ladder rung, a false statement's number).
pub(crate) fn with_amount(value: &Value, amount: f64) -> Value {
    match value {
        Value::Integer { .. } => Value::Integer {
            value: amount.round() as i64,
        },
        Value::Money { currency, .. } => Value::Money {
            amount,
            currency: currency.clone(),
        },
        Value::Duration { unit, .. } => Value::Duration {
            amount,
            unit: unit.clone(),
        },
        Value::Percentage { .. } => Value::Percentage { percent: amount },
        Value::Score {
            out_of,
            percent,
            count,
            counted,
            ..
        } => Value::Score {
            value: amount,
            out_of: *out_of,
            count: *count,
            counted: counted.clone(),
            percent: *percent,
        },
        Value::Age { as_of, .. } => Value::Age {
            years: amount.round().max(0.0) as u32,
            as_of: *as_of,
        },
        Value::Measure { unit, .. } => Value::Measure {
            amount,
            unit: unit.clone(),
        },
        Value::Span {
            largest, smallest, ..
        } => Value::Span {
            seconds: amount * crate::facts::part_seconds(largest),
            largest: largest.clone(),
            smallest: smallest.clone(),
        },
        Value::Time { zone, .. } => Value::Time {
            minutes: amount,
            zone: zone.clone(),
        },
        Value::Ordinal { .. } => Value::Ordinal {
            rank: amount.round().max(1.0) as i64,
        },
        other => other.clone(),
    }
}

/// An amount as an option reads: `US$3 billion`, `60 minutes`, `76%`, `76 out of 100`, `1,200`.
pub(crate) fn option_words(value: &Value, amount: f64) -> String {
    match value {
        Value::Integer { .. } => group_thousands(amount),
        Value::Money { currency, .. } => money_words(amount, currency),
        Value::Duration { .. }
        | Value::Age { .. }
        | Value::Measure { .. }
        | Value::Span { .. }
        | Value::Time { .. }
        | Value::Ordinal { .. } => with_amount(value, amount).to_words(),
        Value::Percentage { .. } => format!("{}%", format_plain(amount)),
        Value::Score { percent: true, .. } => format!("{}%", format_plain(amount)),
        Value::Score { out_of, .. } => {
            format!("{} out of {}", format_plain(amount), format_plain(*out_of))
        }
        _ => format_plain(amount),
    }
}

/// Other true amounts of the same subject and relation (disputed ones included): no rung may be one.
pub(crate) fn taken_amounts(cx: &Context<'_>, subject: &str, relation: &str) -> Vec<f64> {
    cx.index
        .values_of(subject, relation)
        .into_iter()
        .filter_map(|value| value.quantity().map(|(amount, _)| amount))
        .collect()
}

/// Other true dates of the same subject and relation.
pub(crate) fn taken_dates(cx: &Context<'_>, subject: &str, relation: &str) -> Vec<PartialDate> {
    cx.index
        .values_of(subject, relation)
        .into_iter()
        .filter_map(Value::date)
        .collect()
}

/// The quantity ladder for a fact, fixed by its content.
pub(crate) fn amount_ladder(
    cx: &Context<'_>,
    fact_index: usize,
) -> Option<(Ladder<f64>, Quantity)> {
    let fact = cx.index.fact(fact_index);
    let Object::Value(value) = &fact.object else {
        return None;
    };
    let spec = quantity(value)?;
    let taken = taken_amounts(cx, &fact.subject, &fact.relation);
    let label = format!(
        "ladder|{}|{}|{}",
        fact.subject,
        fact.relation,
        value.to_words()
    );
    let mut rng = content_rng(&label);
    let ladder = numeric::quantity_ladder(spec.amount, spec.range, LADDER_STEP, &taken, &mut rng)?;
    Some((ladder, spec))
}

/// The date ladder for a fact's date, asked at the precision of `date` (the fact's own, or only its
/// year), fixed by its content; rungs stay within three years after the latest year the fact base names.
pub(crate) fn date_ladder(
    cx: &Context<'_>,
    fact_index: usize,
    date: &PartialDate,
) -> Option<Ladder<PartialDate>> {
    let fact = cx.index.fact(fact_index);
    let taken: Vec<PartialDate> = taken_dates(cx, &fact.subject, &fact.relation)
        .into_iter()
        .map(|other| at_precision_of(&other, date))
        .collect();
    let label = format!("dates|{}|{}|{}", fact.subject, fact.relation, date.to_iso());
    let mut rng = content_rng(&label);
    numeric::date_ladder(
        *date,
        cx.index.latest_year.max(date.year) + 3,
        &taken,
        &mut rng,
    )
}

/// `date` cut to the precision of `like` (a year-only `like` keeps only the year).
fn at_precision_of(date: &PartialDate, like: &PartialDate) -> PartialDate {
    PartialDate {
        year: date.year,
        month: like.month.and(date.month),
        day: like.day.and(date.day),
    }
}

/// The date a template asks for: only the year for "In what year ...?"; `None` when the template asks
/// for a day the fact does not know ("On what date ...?" for a year-only fact).
pub(crate) fn date_for_template(date: &PartialDate, template: &str) -> Option<PartialDate> {
    let lower = template.to_lowercase();
    if lower.contains("what year") || lower.contains("which year") {
        return Some(PartialDate::year(date.year));
    }
    let asks_day =
        lower.contains("what date") || lower.contains("which date") || lower.contains("what day");
    if asks_day && date.day.is_none() {
        return None;
    }
    Some(*date)
}

/// How alike ladder options are: close rungs (a small step) are hard to tell apart.
pub(crate) fn ladder_similarity(relative_step: f64) -> f64 {
    (1.0 - relative_step * 2.0).clamp(0.0, 1.0)
}

/// A typed numeric question and a multiple choice over a ladder, for a quantity.
pub(crate) fn amount(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Value(value) = &fact.object else {
        return;
    };
    let Some(spec) = quantity(value) else {
        return;
    };
    let Some(ask) = cx.ask(fact_index, fact, relation, Asking::Object(subject)) else {
        return;
    };
    let label = format!("amount|{}|{}|{}", subject.id, relation.id, value.to_words());
    let prompt_for = |template: &str| ask.prompt(template);
    let prominence = cx.prominence(&[&subject.id]);
    let explanation = cx.explanation(fact_index);
    let answer_words = option_words(value, spec.amount);
    let answers = vec![answer_words.clone(), value.to_words()];

    // Typed, within a tolerance the answer hint line states (never the prompt).
    if let Some(template) = pick_template(&relation.ask_object, &label, |template| {
        phrasing::usable(template, &fact.qualifiers) && !phrasing::needs_options(template)
    }) && let Some(prompt) = prompt_for(template)
    {
        let hedged = fact.qualifiers.approx.is_some();
        let tolerance = typed_tolerance(value, &spec, hedged);
        // Never so wide that another source's value would count as right.
        let taken = taken_amounts(cx, &subject.id, &relation.id);
        let tolerance = numeric::tolerance_below(spec.amount, tolerance, &taken);
        // "Almost 3 decades" typed with no margin would mark "25 years" wrong and show "3 decades" as
        // the key: a hedged figure is asked with options only.
        let unfair = hedged && tolerance <= 0.0;
        if !unfair {
            cx.push(Draft {
                prompt,
                body: Body::Numeric {
                    answer: spec.amount,
                    tolerance,
                    unit: spec.unit.clone(),
                },
                category: relation.category.clone(),
                explanation: explanation.clone(),
                facts: vec![fact_index],
                keys: ask.keys.clone(),
                traits: Traits {
                    attributed: ask.attributed,
                    ..Traits::new(QuestionType::Numeric, prominence)
                },
                answers: answers.clone(),
                tags: tags(&[&relation.id], &ask.extra),
                supporting: Vec::new(),
            });
        }
    }

    // Multiple choice over a ladder.
    if let Some((ladder, _)) = amount_ladder(cx, fact_index)
        && let Some(template) = pick_template(
            &relation.ask_object,
            &format!("ladder|{label}"),
            |template| phrasing::usable(template, &fact.qualifiers),
        )
        && let Some(prompt) = prompt_for(template)
    {
        let options: Vec<String> = ladder
            .rungs
            .iter()
            .map(|&rung| option_words(value, rung))
            .collect();
        cx.push(Draft {
            prompt,
            body: Body::MultipleChoice {
                options,
                answer: ladder.answer,
                aliases: Vec::new(),
            },
            category: relation.category.clone(),
            explanation,
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                similarity: ladder_similarity(ladder.relative_step),
                attributed: ask.attributed,
                ..Traits::new(QuestionType::MultipleChoice, prominence)
            },
            answers,
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }
}

/// How far a typed answer may be from `value` and still count: ages and ranks exactly (unless the
/// source hedges), a time of day within 5 minutes (15 when hedged), other quantities by
/// [`numeric::tolerance`].
pub(crate) fn typed_tolerance(value: &Value, spec: &Quantity, hedged: bool) -> f64 {
    match value {
        Value::Age { .. } if !hedged => 0.0,
        Value::Ordinal { .. } => 0.0,
        Value::Time { .. } => {
            if hedged {
                15.0
            } else {
                5.0
            }
        }
        _ => numeric::tolerance(spec.amount, spec.percent_like, hedged),
    }
}

/// A typed date question and a multiple choice over a ladder of dates, each at the precision its
/// phrasing asks for.
pub(crate) fn date(cx: &mut Context<'_>, fact_index: usize) {
    let Some((fact, relation, subject)) = cx.parts(fact_index) else {
        return;
    };
    let Object::Value(Value::Date { date }) = &fact.object else {
        return;
    };
    let Some(ask) = cx.ask(fact_index, fact, relation, Asking::Object(subject)) else {
        return;
    };
    let label = format!("date|{}|{}|{}", subject.id, relation.id, date.to_iso());
    let prompt_for = |template: &str| ask.prompt(template);
    let prominence = cx.prominence(&[&subject.id]);
    let explanation = cx.explanation(fact_index);

    if let Some(template) = pick_template(&relation.ask_object, &label, |template| {
        phrasing::usable(template, &fact.qualifiers)
            && !phrasing::needs_options(template)
            && date_for_template(date, template).is_some()
    }) && let Some(asked) = date_for_template(date, template)
        && let Some(prompt) = prompt_for(template)
    {
        cx.push(Draft {
            prompt,
            body: Body::Date {
                answer: asked,
                tolerance_days: 0,
            },
            category: relation.category.clone(),
            explanation: explanation.clone(),
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                attributed: ask.attributed,
                ..Traits::new(QuestionType::Date, prominence)
            },
            answers: vec![asked.to_words(), date.to_words()],
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }

    if let Some(template) = pick_template(
        &relation.ask_object,
        &format!("ladder|{label}"),
        |template| {
            phrasing::usable(template, &fact.qualifiers)
                && date_for_template(date, template).is_some()
        },
    ) && let Some(asked) = date_for_template(date, template)
        && let Some(ladder) = date_ladder(cx, fact_index, &asked)
        && let Some(prompt) = prompt_for(template)
    {
        let options: Vec<String> = ladder.rungs.iter().map(PartialDate::to_words).collect();
        cx.push(Draft {
            prompt,
            body: Body::MultipleChoice {
                options,
                answer: ladder.answer,
                aliases: Vec::new(),
            },
            category: relation.category.clone(),
            explanation,
            facts: vec![fact_index],
            keys: ask.keys.clone(),
            traits: Traits {
                similarity: ladder_similarity(ladder.relative_step),
                attributed: ask.attributed,
                ..Traits::new(QuestionType::MultipleChoice, prominence)
            },
            answers: vec![asked.to_words(), date.to_words()],
            tags: tags(&[&relation.id], &ask.extra),
            supporting: Vec::new(),
        });
    }
}
