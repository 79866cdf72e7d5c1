//! The fields a pack question may have, by slot, and which of them each question type accepts.

use super::*;

// The fields a question may have; an index into `FIELDS` names a slot.
pub(super) const ID: usize = 0;
pub(super) const TYPE: usize = 1;
pub(super) const PROMPT: usize = 2;
pub(super) const CATEGORY: usize = 3;
pub(super) const DIFFICULTY: usize = 4;
pub(super) const EXPLANATION: usize = 5;
pub(super) const SOURCE: usize = 6;
pub(super) const SOURCES: usize = 7;
pub(super) const TAGS: usize = 8;
pub(super) const OPTIONS: usize = 9;
pub(super) const ANSWER: usize = 10;
pub(super) const ANSWERS: usize = 11;
pub(super) const ALIASES: usize = 12;
pub(super) const TOLERANCE: usize = 13;
pub(super) const UNIT: usize = 14;
pub(super) const TOLERANCE_DAYS: usize = 15;
pub(super) const KIND: usize = 16;
pub(super) const ITEMS: usize = 17;
pub(super) const KEYS: usize = 18;
pub(super) const DIRECTION: usize = 19;
pub(super) const QUOTE: usize = 20;
pub(super) const TIME_LIMIT: usize = 21;
pub(super) const FACTS: usize = 22;
pub(super) const ACCEPT: usize = 23;
pub(super) const PROMPT_ON: usize = 24;
pub(super) const REJECT: usize = 25;
pub(super) const FIELD_COUNT: usize = 26;

/// Field names, by slot.
pub(super) const FIELDS: [&str; FIELD_COUNT] = [
    "id",
    "type",
    "prompt",
    "category",
    "difficulty",
    "explanation",
    "source",
    "sources",
    "tags",
    "options",
    "answer",
    "answers",
    "aliases",
    "tolerance",
    "unit",
    "tolerance_days",
    "kind",
    "items",
    "keys",
    "direction",
    "quote",
    "time_limit",
    "facts",
    "accept",
    "prompt_on",
    "reject",
];

/// Fields every question type accepts.
pub(super) const COMMON: [usize; 11] = [
    ID,
    TYPE,
    PROMPT,
    CATEGORY,
    DIFFICULTY,
    EXPLANATION,
    SOURCE,
    SOURCES,
    TAGS,
    TIME_LIMIT,
    FACTS,
];

pub(super) fn slot(name: &str) -> Option<usize> {
    Some(match name {
        "id" => ID,
        "type" => TYPE,
        "prompt" => PROMPT,
        "category" => CATEGORY,
        "difficulty" => DIFFICULTY,
        "explanation" => EXPLANATION,
        "source" => SOURCE,
        "sources" => SOURCES,
        "tags" => TAGS,
        "options" => OPTIONS,
        "answer" => ANSWER,
        "answers" => ANSWERS,
        "aliases" => ALIASES,
        "tolerance" => TOLERANCE,
        "unit" => UNIT,
        "tolerance_days" => TOLERANCE_DAYS,
        "kind" => KIND,
        "items" => ITEMS,
        "keys" => KEYS,
        "direction" => DIRECTION,
        "quote" => QUOTE,
        "time_limit" => TIME_LIMIT,
        "facts" => FACTS,
        "accept" => ACCEPT,
        "prompt_on" => PROMPT_ON,
        "reject" => REJECT,
        _ => return None,
    })
}

/// The fields a question type accepts besides the common ones.
pub(super) fn type_fields(kind: QuestionType) -> &'static [usize] {
    match kind {
        QuestionType::MultipleChoice => &[OPTIONS, ANSWER, ALIASES],
        QuestionType::TrueFalse => &[ANSWER],
        QuestionType::Numeric => &[ANSWER, TOLERANCE, UNIT],
        QuestionType::Date => &[ANSWER, TOLERANCE_DAYS],
        QuestionType::FreeText => &[ANSWER, ALIASES, ACCEPT, PROMPT_ON, REJECT, KIND],
        QuestionType::SelectAll => &[OPTIONS, ANSWERS],
        QuestionType::Order => &[ITEMS, KEYS, DIRECTION],
        QuestionType::Quote => &[QUOTE, OPTIONS, ANSWER, ALIASES],
    }
}

/// The names of the fields a type accepts (every field when the type is unknown), for messages.
pub(super) fn accepted_fields(kind: Option<QuestionType>) -> String {
    let slots: Vec<usize> = match kind {
        Some(kind) => COMMON.iter().chain(type_fields(kind)).copied().collect(),
        None => (0..FIELD_COUNT).collect(),
    };
    slots
        .iter()
        .map(|&slot| format!("`{}`", FIELDS[slot]))
        .collect::<Vec<_>>()
        .join(", ")
}
