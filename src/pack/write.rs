//! Writes a pack as TOML in the same shape authors write by hand, so that loading the output gives back
//! the same questions (a property test holds this for arbitrary valid questions).

use std::fmt::Write as _;

use super::Pack;
use crate::question::{Body, Citation, PartialDate, Question};

/// The pack as a TOML document: `[pack]`, then one `[[question]]` table per question.
pub fn to_toml(pack: &Pack) -> String {
    let mut out = String::with_capacity(256 + pack.questions.len() * 320);
    let meta = &pack.meta;
    out.push_str("[pack]\n");
    field(&mut out, "id", &meta.id);
    field(&mut out, "title", &meta.title);
    for (key, value) in [
        ("author", &meta.author),
        ("description", &meta.description),
        ("version", &meta.version),
        ("language", &meta.language),
        ("license", &meta.license),
    ] {
        if let Some(value) = value {
            field(&mut out, key, value);
        }
    }
    for question in &pack.questions {
        out.push('\n');
        write_question(&mut out, question);
    }
    out
}

fn write_question(out: &mut String, question: &Question) {
    out.push_str("[[question]]\n");
    field(out, "id", &question.id);
    field(out, "type", question.body.type_name());
    field(out, "category", &question.category);
    field(out, "difficulty", question.difficulty.as_str());
    field(out, "prompt", &question.prompt);
    match &question.body {
        Body::MultipleChoice {
            options,
            answer,
            aliases,
        } => {
            list(out, "options", options);
            field(
                out,
                "answer",
                options.get(*answer).map_or("", String::as_str),
            );
            if !aliases.is_empty() {
                list(out, "aliases", aliases);
            }
        }
        Body::Quote {
            quote,
            options,
            answer,
            aliases,
        } => {
            field(out, "quote", quote);
            list(out, "options", options);
            field(
                out,
                "answer",
                options.get(*answer).map_or("", String::as_str),
            );
            if !aliases.is_empty() {
                list(out, "aliases", aliases);
            }
        }
        Body::TrueFalse { answer } => {
            let _ = writeln!(out, "answer = {answer}");
        }
        Body::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            let _ = writeln!(out, "answer = {}", toml_number(*answer));
            if *tolerance != 0.0 {
                let _ = writeln!(out, "tolerance = {}", toml_number(*tolerance));
            }
            if let Some(unit) = unit {
                field(out, "unit", unit);
            }
        }
        Body::Date {
            answer,
            tolerance_days,
        } => {
            let _ = writeln!(out, "answer = {}", toml_date(answer));
            if *tolerance_days != 0 {
                let _ = writeln!(out, "tolerance_days = {tolerance_days}");
            }
        }
        Body::FreeText {
            answer,
            aliases,
            kind,
            prompt_on,
            reject,
        } => {
            field(out, "answer", answer);
            if !aliases.is_empty() {
                list(out, "aliases", aliases);
            }
            if !prompt_on.is_empty() {
                list(out, "prompt_on", prompt_on);
            }
            if !reject.is_empty() {
                list(out, "reject", reject);
            }
            if let Some(kind) = kind {
                field(out, "kind", kind);
            }
        }
        Body::SelectAll { options, answers } => {
            list(out, "options", options);
            let right: Vec<&String> = answers
                .iter()
                .filter_map(|&index| options.get(index))
                .collect();
            list(out, "answers", &right);
        }
        Body::Order {
            items,
            keys,
            direction,
        } => {
            list(out, "items", items);
            if !keys.is_empty() {
                list(out, "keys", keys);
            }
            if let Some(direction) = direction {
                field(out, "direction", direction);
            }
        }
    }
    if !question.explanation.is_empty() {
        field(out, "explanation", &question.explanation);
    }
    write_sources(out, &question.sources);
    if !question.tags.is_empty() {
        list(out, "tags", &question.tags);
    }
    if let Some(seconds) = question.time_limit {
        out.push_str(&format!("time_limit = {seconds}\n"));
    }
}

fn write_sources(out: &mut String, sources: &[Citation]) {
    match sources {
        [] => {}
        [
            Citation {
                article,
                evidence: None,
            },
        ] => field(out, "source", article),
        _ => {
            out.push_str("sources = [\n");
            for citation in sources {
                out.push_str("  { article = ");
                push_string(out, &citation.article);
                if let Some(evidence) = &citation.evidence {
                    out.push_str(", evidence = ");
                    push_string(out, evidence);
                }
                out.push_str(" },\n");
            }
            out.push_str("]\n");
        }
    }
}

/// `key = "value"\n`.
fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    push_string(out, value);
    out.push('\n');
}

/// `key = ["a", "b"]\n`.
fn list<S: AsRef<str>>(out: &mut String, key: &str, values: &[S]) {
    out.push_str(key);
    out.push_str(" = [");
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_string(out, value.as_ref());
    }
    out.push_str("]\n");
}

/// A TOML string literal for any text: a basic string, or a multi-line one when the text has line breaks.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
}

fn push_string(out: &mut String, text: &str) {
    let multi_line = text.contains('\n');
    out.push_str(if multi_line { "\"\"\"\n" } else { "\"" });
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if multi_line => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push_str(if multi_line { "\"\"\"" } else { "\"" });
}

/// A number that TOML reads back as the same `f64`: an integer when it is one, else Rust's shortest
/// round-trip form (`0.1`, `1e-7`).
pub(crate) fn toml_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        format!("{}", value as i64)
    } else if value.is_finite() {
        format!("{value:?}")
    } else if value.is_nan() {
        "nan".to_string()
    } else if value > 0.0 {
        "inf".to_string()
    } else {
        "-inf".to_string()
    }
}

/// A full date as a TOML date, a year or a month as a string.
fn toml_date(date: &PartialDate) -> String {
    match (date.month, date.day) {
        (Some(_), Some(_)) if (0..=9999).contains(&date.year) => date.to_iso(),
        _ => format!("\"{}\"", date.to_iso()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_toml_needs() {
        assert_eq!(toml_string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(toml_string("x\u{1b}y"), r#""x\u001By""#);
        assert_eq!(toml_string("one\ntwo"), "\"\"\"\none\ntwo\"\"\"");
    }

    #[test]
    fn numbers_read_back_exactly() {
        for value in [0.0, 3e9, 2.5, 0.1, 1e-7, -42.0, 1.5e300, 12345678.9] {
            let text = toml_number(value);
            let parsed: toml::Table = toml::from_str(&format!("x = {text}")).unwrap();
            let back = parsed["x"]
                .as_float()
                .or_else(|| parsed["x"].as_integer().map(|i| i as f64))
                .unwrap();
            assert_eq!(back, value, "{text}");
        }
    }
}
