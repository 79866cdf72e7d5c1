//! Reads the type-specific part of a question (options and answer, a number, a date, items to order),
//! checking the answer key against what the question offers.

use super::*;

impl Reader<'_, '_> {
    /// The type-specific part of a question.
    pub(super) fn body(
        &mut self,
        kind: QuestionType,
        slots: &[Option<Value<'_, '_>>; FIELD_COUNT],
        header: Range<usize>,
    ) -> Option<Body> {
        match kind {
            QuestionType::MultipleChoice | QuestionType::Quote => {
                let quote = if kind == QuestionType::Quote {
                    let value = self.require(slots, QUOTE, kind, &header, "the quoted words");
                    value.and_then(|value| self.text("quote", value, Lines::Many))
                } else {
                    None
                };
                let options =
                    self.require(slots, OPTIONS, kind, &header, "a list of 2 to 6 options");
                let answer =
                    self.require(slots, ANSWER, kind, &header, "the text of the right option");
                let (options, answer, aliases) =
                    self.choices(kind, options, answer, slots[ALIASES])?;
                if kind == QuestionType::Quote {
                    Some(Body::Quote {
                        quote: quote?,
                        options,
                        answer,
                        aliases,
                    })
                } else {
                    Some(Body::MultipleChoice {
                        options,
                        answer,
                        aliases,
                    })
                }
            }
            QuestionType::TrueFalse => {
                let value = self.require(slots, ANSWER, kind, &header, "`true` or `false`")?;
                match value.get_ref() {
                    DeValue::Boolean(answer) => Some(Body::TrueFalse { answer: *answer }),
                    _ => {
                        self.wrong_type(
                            "answer",
                            value,
                            "a boolean (`true` or `false`, without quotes) in a true_false question",
                        );
                        None
                    }
                }
            }
            QuestionType::Numeric => {
                let answer = self
                    .require(slots, ANSWER, kind, &header, "a number")
                    .and_then(|value| self.number("answer", value));
                let tolerance = match slots[TOLERANCE] {
                    Some(value) => self.number("tolerance", value).and_then(|tolerance| {
                        if tolerance < 0.0 {
                            self.error(
                                value.span(),
                                format!(
                                    "field `tolerance` must not be negative, found {tolerance}"
                                ),
                            );
                            None
                        } else {
                            Some(tolerance)
                        }
                    }),
                    None => Some(0.0),
                };
                let unit = match slots[UNIT] {
                    Some(value) => self.text("unit", value, Lines::One).map(Some),
                    None => Some(None),
                };
                Some(Body::Numeric {
                    answer: answer?,
                    tolerance: tolerance?,
                    unit: unit?,
                })
            }
            QuestionType::Date => {
                let answer = self
                    .require(slots, ANSWER, kind, &header, "a date")
                    .and_then(|value| self.date(value));
                let tolerance_days = match slots[TOLERANCE_DAYS] {
                    Some(value) => match tomldoc::integer_value(value.get_ref()) {
                        Some(days) if days < 0 => {
                            self.error(
                                value.span(),
                                format!(
                                    "field `tolerance_days` must not be negative, found {days}"
                                ),
                            );
                            None
                        }
                        Some(days) => match u32::try_from(days) {
                            Ok(days) => Some(days),
                            Err(_) => {
                                self.error(value.span(), "field `tolerance_days` is too large");
                                None
                            }
                        },
                        None => {
                            self.wrong_type("tolerance_days", value, "a whole number of days");
                            None
                        }
                    },
                    None => Some(0),
                };
                Some(Body::Date {
                    answer: answer?,
                    tolerance_days: tolerance_days?,
                })
            }
            QuestionType::FreeText => {
                let answer = self
                    .require(slots, ANSWER, kind, &header, "the answer text")
                    .and_then(|value| self.text("answer", value, Lines::One));
                let mut list = |slot: usize| match slots[slot] {
                    Some(value) => self.texts(FIELDS[slot], value, Lines::One),
                    None => Some(Vec::new()),
                };
                // `accept` is the quizbowl name for `aliases`; a question may use either or both.
                let aliases = list(ALIASES);
                let accept = list(ACCEPT);
                let prompt_on = list(PROMPT_ON);
                let reject = list(REJECT);
                let entity_kind = match slots[KIND] {
                    Some(value) => self.text("kind", value, Lines::One).map(Some),
                    None => Some(None),
                };
                let mut aliases = aliases?;
                aliases.extend(accept?);
                Some(Body::FreeText {
                    answer: answer?,
                    aliases,
                    kind: entity_kind?,
                    prompt_on: prompt_on?,
                    reject: reject?,
                })
            }
            QuestionType::SelectAll => {
                let options_value =
                    self.require(slots, OPTIONS, kind, &header, "a list of 2 to 6 options");
                let answers_value = self.require(
                    slots,
                    ANSWERS,
                    kind,
                    &header,
                    "the list of right options (their text)",
                );
                let options = options_value.and_then(|value| self.options(kind, value));
                let answers =
                    answers_value.and_then(|value| self.texts("answers", value, Lines::One));
                let (options, answers) = (options?, answers?);
                let answers_value = answers_value?;
                if answers.is_empty() {
                    self.error(
                        answers_value.span(),
                        "field `answers` must name at least one right option",
                    );
                    return None;
                }
                let mut indices = Vec::with_capacity(answers.len());
                let mut fine = true;
                for (position, answer) in answers.iter().enumerate() {
                    let span = item_span(answers_value, position);
                    match options.iter().position(|option| option == answer) {
                        Some(index) if indices.contains(&index) => {
                            fine = false;
                            self.error(span, format!("answer `{answer}` is listed twice"));
                        }
                        Some(index) => indices.push(index),
                        None => {
                            fine = false;
                            self.not_an_option("answers", answer, &options, span);
                        }
                    }
                }
                indices.sort_unstable();
                fine.then_some(Body::SelectAll {
                    options,
                    answers: indices,
                })
            }
            QuestionType::Order => {
                let items_value =
                    self.require(slots, ITEMS, kind, &header, "the items, in the right order");
                let items = items_value.and_then(|value| self.texts("items", value, Lines::One));
                let keys = match slots[KEYS] {
                    Some(value) => self.texts("keys", value, Lines::One),
                    None => Some(Vec::new()),
                };
                let direction = match slots[DIRECTION] {
                    Some(value) => self.text("direction", value, Lines::One).map(Some),
                    None => Some(None),
                };
                let (items, items_value) = (items?, items_value?);
                let mut fine = true;
                if items.len() < check::MIN_ORDER_ITEMS {
                    fine = false;
                    self.error(
                        items_value.span(),
                        format!(
                            "an order question needs at least {} items, found {}",
                            check::MIN_ORDER_ITEMS,
                            items.len()
                        ),
                    );
                }
                for (later, earlier) in check::duplicates(&items) {
                    fine = false;
                    self.error(
                        item_span(items_value, later),
                        format!(
                            "duplicate item `{}`: the same as item {}",
                            items[later],
                            earlier + 1
                        ),
                    );
                }
                let keys = keys?;
                if !keys.is_empty() && keys.len() != items.len() {
                    fine = false;
                    if let Some(value) = slots[KEYS] {
                        self.error(
                            value.span(),
                            format!(
                                "field `keys` must give one key per item ({}), found {}",
                                items.len(),
                                keys.len()
                            ),
                        );
                    }
                }
                fine.then_some(Body::Order {
                    items,
                    keys,
                    direction: direction?,
                })
            }
        }
    }

    /// Options: a list of 2 to 6 texts, none the same as another.
    pub(super) fn options(
        &mut self,
        kind: QuestionType,
        value: Value<'_, '_>,
    ) -> Option<Vec<String>> {
        let options = self.texts("options", value, Lines::One)?;
        if !OPTION_COUNT.contains(&options.len()) {
            self.error(
                value.span(),
                format!(
                    "a {kind} question needs {} to {} options, found {}",
                    OPTION_COUNT.start(),
                    OPTION_COUNT.end(),
                    options.len()
                ),
            );
        }
        for (later, earlier) in check::duplicates(&options) {
            self.error(
                item_span(value, later),
                format!(
                    "duplicate option `{}`: the same as option {} `{}`",
                    options[later],
                    earlier + 1,
                    options[earlier]
                ),
            );
        }
        // The options are returned even with these problems (already reported, so the question is not
        // built), so that the answer is still checked against them in the same run.
        Some(options)
    }

    /// Options, the answer (as option text, turned into an index) and aliases.
    pub(super) fn choices(
        &mut self,
        kind: QuestionType,
        options_value: Option<Value<'_, '_>>,
        answer_value: Option<Value<'_, '_>>,
        aliases_value: Option<Value<'_, '_>>,
    ) -> Option<(Vec<String>, usize, Vec<String>)> {
        let options = options_value.and_then(|value| self.options(kind, value));
        let answer = match answer_value {
            Some(value) if !matches!(value.get_ref(), DeValue::String(_)) => {
                self.wrong_type("answer", value, "a string: the text of the right option");
                None
            }
            Some(value) => self.text("answer", value, Lines::One),
            None => None,
        };
        let aliases = match aliases_value {
            Some(value) => self.texts("aliases", value, Lines::One),
            None => Some(Vec::new()),
        };
        let (options, answer, aliases) = (options?, answer?, aliases?);
        let Some(index) = options.iter().position(|option| *option == answer) else {
            self.not_an_option("answer", &answer, &options, answer_value?.span());
            return None;
        };
        let mut fine = true;
        if let Some(aliases_value) = aliases_value {
            for (position, alias) in aliases.iter().enumerate() {
                if let Some(wrong) = options
                    .iter()
                    .enumerate()
                    .find(|&(other, option)| other != index && check::same_text(option, alias))
                {
                    fine = false;
                    self.error(
                        item_span(aliases_value, position),
                        format!(
                            "alias `{alias}` is also wrong option {} `{}`: a player typing it would be both right and wrong",
                            wrong.0 + 1,
                            wrong.1
                        ),
                    );
                }
            }
        }
        fine.then_some((options, index, aliases))
    }

    pub(super) fn not_an_option(
        &mut self,
        field: &str,
        answer: &str,
        options: &[String],
        span: Range<usize>,
    ) {
        let listed = options
            .iter()
            .map(|option| format!("`{option}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let near = options
            .iter()
            .find(|option| check::same_text(option, answer))
            .map(|option| format!(" (did you mean `{option}`?)"))
            .unwrap_or_default();
        self.error(
            span,
            format!("{field} `{answer}` is not among the options{near}: expected one of {listed}"),
        );
    }

    /// A date answer: a TOML date, a `YYYY`/`YYYY-MM`/`YYYY-MM-DD` string, or a year as an integer.
    pub(super) fn date(&mut self, value: Value<'_, '_>) -> Option<PartialDate> {
        let parsed = match value.get_ref() {
            DeValue::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
                (Some(date), None, None) => {
                    PartialDate::ymd(i32::from(date.year), date.month, date.day)
                }
                _ => None,
            },
            DeValue::String(text) => PartialDate::parse_iso(text),
            DeValue::Integer(_) => tomldoc::integer_value(value.get_ref())
                .filter(|year| (0..=9999).contains(year))
                .map(|year| PartialDate::year(year as i32)),
            _ => {
                self.wrong_type(
                    "answer",
                    value,
                    "a date: `1958-09-24`, or a string `\"1958\"` or `\"1958-09\"`",
                );
                return None;
            }
        };
        if parsed.is_none() {
            self.error(
                value.span(),
                "field `answer` must be a calendar date without a time: `1958-09-24`, or a string `\"1958\"` or `\"1958-09\"`",
            );
        }
        parsed
    }
}

/// The span of item `index` of an array value (the whole value for a lone string).
pub(super) fn item_span(value: Value<'_, '_>, index: usize) -> Range<usize> {
    match value.get_ref() {
        DeValue::Array(items) => items
            .get(index)
            .map_or_else(|| value.span(), |item| item.span()),
        _ => value.span(),
    }
}
