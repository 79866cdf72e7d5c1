//! Reads and checks the single fields of fact files (kind lists, interest, cardinality, question
//! templates, qualifiers, dates and typed values), apart from the passes that walk the tables.

use super::*;

/// `an award`, `a person`: a noun with its indefinite article.
pub(super) fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|first| "aeiouAEIOU".contains(first));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Reads a list of entity kinds (a string or an array of strings), checking each is known.
pub(super) fn read_kinds(
    table: &TableReader<'_, '_>,
    known: &Kinds,
    key: &str,
    required: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<String>> {
    let Some(kinds) = table.strings(key, diagnostics) else {
        if required && table.get(key).is_none() {
            table.missing(key, "an entity kind such as \"person\"", diagnostics);
        }
        return None;
    };
    let mut valid = Vec::new();
    for kind in kinds {
        if known.contains(kind.get_ref()) {
            valid.push(kind.into_inner());
        } else {
            diagnostics.at(
                table.source,
                kind.span(),
                format!(
                    "unknown entity kind `{}`, expected one of {} (or declare it with `[[kind]]`)",
                    kind.get_ref(),
                    known.names().join(", ")
                ),
            );
            return None;
        }
    }
    if valid.is_empty() {
        diagnostics.at(
            table.source,
            table.get(key).map_or(table.span.clone(), Spanned::span),
            format!("`{key}` must name at least one entity kind"),
        );
        return None;
    }
    Some(valid)
}

/// An optional `interest` from 0 (never worth asking) to 3.
pub(super) fn read_interest(
    source: &SourceFile,
    table: &TableReader<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> Option<u8> {
    table.integer("interest", diagnostics).and_then(|level| {
        let value = *level.get_ref();
        if (0..=3).contains(&value) {
            Some(value as u8)
        } else {
            diagnostics.at(
                source,
                level.span(),
                format!(
                    "`interest` must be 0 (never worth asking), 1 (dull), 2 (usual) or 3 (headline), found {value}"
                ),
            );
            None
        }
    })
}

pub(super) fn read_cardinality(
    table: &TableReader<'_, '_>,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Cardinality> {
    let text = table.string(key, diagnostics)?;
    match text.get_ref().as_str() {
        "one" => Some(Cardinality::One),
        "many" => Some(Cardinality::Many),
        other => {
            diagnostics.at(
                table.source,
                text.span(),
                format!("`{key}` must be \"one\" or \"many\", found \"{other}\""),
            );
            None
        }
    }
}

pub(super) fn read_templates(
    table: &TableReader<'_, '_>,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Spanned<String>> {
    table.strings(key, diagnostics).unwrap_or_default()
}

/// Checks a phrasing template: known placeholders only, `needs` present, `forbidden` absent.
pub(super) fn check_template(
    source: &SourceFile,
    template: &Spanned<String>,
    needs: &[&str],
    forbidden: &[&str],
    diagnostics: &mut Diagnostics,
) {
    let names = match placeholders(template.get_ref()) {
        Ok(names) => names,
        Err(problem) => {
            diagnostics.at(source, template.span(), problem);
            return;
        }
    };
    for name in &names {
        let known = *name == "subject"
            || *name == "object"
            || needs.contains(name)
            || (Qualifiers::NAMES.contains(name) && *name != "note");
        if !known {
            diagnostics.at(
                source,
                template.span(),
                format!(
                    "unknown placeholder `{{{name}}}`, expected {{subject}}, {{object}} or a qualifier ({})",
                    Qualifiers::NAMES[..8].join(", ")
                ),
            );
        } else if forbidden.contains(name) {
            diagnostics.at(
                source,
                template.span(),
                format!("this template must not contain `{{{name}}}`: it is the answer"),
            );
        }
    }
    for need in needs {
        if !names.contains(need) {
            diagnostics.at(
                source,
                template.span(),
                format!("template must contain `{{{need}}}`"),
            );
        }
    }
}

/// The placeholder names in a template, in order.
pub fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("unclosed `{{` in template \"{template}\""));
        };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("unopened `}}` in template \"{template}\""));
    }
    Ok(names)
}

pub(super) fn read_qualifiers(
    source: &SourceFile,
    table: &TableReader<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> Qualifiers {
    let text = |key: &str, diagnostics: &mut Diagnostics| {
        table.string(key, diagnostics).map(Spanned::into_inner)
    };
    Qualifiers {
        part: table.integer("part", diagnostics).map(Spanned::into_inner),
        role: text("role", diagnostics),
        as_of: table
            .get("as_of")
            .and_then(|value| read_date(source, value, "as_of", "fact", diagnostics)),
        category: text("category", diagnostics),
        year: table.integer("year", diagnostics).map(Spanned::into_inner),
        context: text("context", diagnostics),
        region: text("region", diagnostics),
        approx: text("approx", diagnostics),
        note: text("note", diagnostics),
    }
}

/// Reads a date: a TOML local date, or a string `YYYY`, `YYYY-MM`, `YYYY-MM-DD`.
pub(super) fn read_date(
    source: &SourceFile,
    value: &Spanned<DeValue<'_>>,
    key: &str,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<PartialDate> {
    let parsed = match value.get_ref() {
        DeValue::Datetime(datetime) if datetime.time.is_none() && datetime.offset.is_none() => {
            datetime
                .date
                .and_then(|date| PartialDate::ymd(i32::from(date.year), date.month, date.day))
        }
        DeValue::String(text) => PartialDate::parse_iso(text),
        DeValue::Integer(_) => crate::tomldoc::integer_value(value.get_ref())
            .and_then(|year| i32::try_from(year).ok())
            .filter(|year| (1000..=9999).contains(year))
            .map(PartialDate::year),
        _ => None,
    };
    if parsed.is_none() {
        diagnostics.at(
            source,
            value.span(),
            format!(
                "field `{key}` in {what} must be a date (2017-07-09, or a string \"2017\", \"2017-07\", \"2017-07-09\"), found {}",
                describe(value.get_ref())
            ),
        );
    }
    parsed
}

/// A short description of a value for messages: its type, and the text of a string.
pub(super) fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => format!("\"{text}\""),
        other => type_name(other).to_string(),
    }
}

/// Reads a fact's object as a value of the relation's type.
pub(super) fn read_value(
    source: &SourceFile,
    raw: &Spanned<DeValue<'_>>,
    kind: ValueType,
    relation: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Value> {
    let wrong = |diagnostics: &mut Diagnostics| {
        diagnostics.at(
            source,
            raw.span(),
            format!(
                "relation `{relation}` takes {} value: `object` must be {}, found {}",
                with_article(kind.as_str()),
                kind.expected_form(),
                describe(raw.get_ref())
            ),
        );
        None
    };
    match kind {
        ValueType::Text | ValueType::Quote => match raw.get_ref() {
            DeValue::String(text) if !text.trim().is_empty() => Some(if kind == ValueType::Text {
                Value::Text {
                    text: text.to_string(),
                }
            } else {
                Value::Quote {
                    text: text.to_string(),
                }
            }),
            _ => wrong(diagnostics),
        },
        ValueType::Integer => match crate::tomldoc::integer_value(raw.get_ref()) {
            Some(value) => Some(Value::Integer { value }),
            None => wrong(diagnostics),
        },
        ValueType::Ordinal => {
            crate::facts::read_value::ordinal(raw.get_ref()).or_else(|| wrong(diagnostics))
        }
        ValueType::Time => match crate::facts::read_value::time(source, raw, diagnostics) {
            Some(value) => value,
            None => wrong(diagnostics),
        },
        ValueType::Measure => match sub_table(source, raw, "object") {
            Some(table) => crate::facts::read_value::measure(&table, diagnostics),
            None => wrong(diagnostics),
        },
        ValueType::Date => match raw.get_ref() {
            DeValue::Datetime(_) | DeValue::String(_) | DeValue::Integer(_) => {
                read_date(source, raw, "object", "fact", diagnostics)
                    .map(|date| Value::Date { date })
            }
            _ => wrong(diagnostics),
        },
        ValueType::Money
        | ValueType::Duration
        | ValueType::Percentage
        | ValueType::Score
        | ValueType::Age => {
            let Some(table) = sub_table(source, raw, "object") else {
                return wrong(diagnostics);
            };
            read_value_table(&table, kind, diagnostics)
        }
    }
}

pub(super) fn read_value_table(
    table: &TableReader<'_, '_>,
    kind: ValueType,
    diagnostics: &mut Diagnostics,
) -> Option<Value> {
    let source = table.source;
    let required_number = |key: &str, diagnostics: &mut Diagnostics| {
        if table.get(key).is_none() {
            table.missing(key, "a number", diagnostics);
            return None;
        }
        table.number(key, diagnostics).map(Spanned::into_inner)
    };
    match kind {
        ValueType::Money => {
            table.deny_unknown(&["amount", "currency"], diagnostics);
            let amount = required_number("amount", diagnostics);
            let currency = table.required_string("currency", diagnostics);
            let currency = currency.and_then(|code| {
                let valid = code.get_ref().len() == 3
                    && code.get_ref().chars().all(|c| c.is_ascii_uppercase());
                if valid {
                    Some(code.into_inner())
                } else {
                    diagnostics.at(
                        source,
                        code.span(),
                        format!(
                            "`currency` must be an ISO 4217 code such as \"USD\", found \"{}\"",
                            code.get_ref()
                        ),
                    );
                    None
                }
            });
            Some(Value::Money {
                amount: amount?,
                currency: currency?,
            })
        }
        ValueType::Duration if crate::facts::read_value::is_compound_duration(table) => {
            crate::facts::read_value::span(table, diagnostics)
        }
        ValueType::Duration => {
            table.deny_unknown(&["amount", "unit"], diagnostics);
            let amount = required_number("amount", diagnostics);
            let unit = table.required_string("unit", diagnostics).and_then(|unit| {
                if DURATION_UNITS.contains(&unit.get_ref().as_str()) {
                    Some(unit.into_inner())
                } else {
                    diagnostics.at(
                        source,
                        unit.span(),
                        format!(
                            "unknown duration unit \"{}\", expected one of {}",
                            unit.get_ref(),
                            DURATION_UNITS.join(", ")
                        ),
                    );
                    None
                }
            });
            Some(Value::Duration {
                amount: amount?,
                unit: unit?,
            })
        }
        ValueType::Percentage => {
            table.deny_unknown(&["percent"], diagnostics);
            Some(Value::Percentage {
                percent: required_number("percent", diagnostics)?,
            })
        }
        ValueType::Score => {
            table.deny_unknown(
                &["value", "out_of", "count", "counted", "percent"],
                diagnostics,
            );
            let value = required_number("value", diagnostics);
            let out_of = required_number("out_of", diagnostics);
            let count = table.integer("count", diagnostics).and_then(|count| {
                u32::try_from(*count.get_ref()).ok().or_else(|| {
                    diagnostics.at(
                        source,
                        count.span(),
                        "`count` must be a whole number, 0 or more",
                    );
                    None
                })
            });
            let counted = table
                .string("counted", diagnostics)
                .map(Spanned::into_inner);
            let percent = table
                .boolean("percent", diagnostics)
                .is_some_and(Spanned::into_inner);
            let (value, out_of) = (value?, out_of?);
            if value > out_of || value < 0.0 {
                diagnostics.at(
                    source,
                    table.span.clone(),
                    format!("score {value} is outside 0 to {out_of}"),
                );
                return None;
            }
            Some(Value::Score {
                value,
                out_of,
                count,
                counted,
                percent,
            })
        }
        ValueType::Age => {
            table.deny_unknown(&["years", "as_of"], diagnostics);
            let years = match table.integer("years", diagnostics) {
                Some(years) => u32::try_from(*years.get_ref()).ok().or_else(|| {
                    diagnostics.at(source, years.span(), "`years` must be 0 or more");
                    None
                }),
                None => {
                    if table.get("years").is_none() {
                        table.missing("years", "an integer", diagnostics);
                    }
                    None
                }
            };
            let as_of = match table.get("as_of") {
                Some(value) => read_date(source, value, "as_of", "age", diagnostics),
                None => {
                    table.missing("as_of", "the date the age holds for", diagnostics);
                    None
                }
            };
            Some(Value::Age {
                years: years?,
                as_of: as_of?,
            })
        }
        _ => None,
    }
}
