//! Open Trivia DB JSON (`{"results": [...]}`, as the API and its dumps serve it): HTML entities decoded,
//! invisible characters and outer spaces removed, options sorted so the first is not always right.
//!
//! The API can also encode every text (`encode=url3986`, `encode=urlLegacy`, `encode=base64`); the
//! encoding is recognised from the records themselves and undone.

use base64::Engine as _;
use serde::Deserialize;
use serde_json::Value;

use super::{
    Collector, Format, Input, Position, Progress, decode_mixed, options_problem, sort_options, tidy,
};
use crate::question::{Body, Citation, Difficulty, Question};

/// One record as Open Trivia DB writes it.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(rename = "type")]
    kind: String,
    difficulty: String,
    category: String,
    question: String,
    correct_answer: String,
    incorrect_answers: Vec<String>,
}

pub(crate) fn import(inputs: &[Input], collector: &mut Collector, progress: Progress<'_>) {
    for input in inputs {
        let decoded = decode_mixed(&input.bytes);
        collector.note_decoding(&decoded);
        let text = decoded.text;
        let document: Value = match serde_json::from_str(&text) {
            Ok(document) => document,
            Err(error) => {
                collector.skip(
                    Position::Line {
                        file: input.name.clone(),
                        line: error.line(),
                    },
                    "not JSON",
                    format!("{error}"),
                );
                continue;
            }
        };
        let records = match &document {
            Value::Object(object) => object.get("results").and_then(Value::as_array),
            Value::Array(records) => Some(records),
            _ => None,
        };
        let Some(records) = records else {
            collector.skip(
                Position::File {
                    file: input.name.clone(),
                },
                "not an Open Trivia DB file",
                "expected `{\"results\": [...]}`",
            );
            continue;
        };
        let encoding = Encoding::detect(records);
        if encoding != Encoding::Html {
            collector.repaired_many(encoding.repair(), records.len());
        }
        let total = records.len() as u64;
        for (index, record) in records.iter().enumerate() {
            if index % 64 == 0 {
                progress(index as u64, total);
            }
            let position = Position::Record {
                file: input.name.clone(),
                record: index + 1,
            };
            match convert(record, encoding, collector) {
                Ok(question) => collector.add(question, position),
                Err((reason, detail)) => collector.skip(position, reason, detail),
            }
        }
        progress(total, total);
    }
}

/// How an Open Trivia DB file encodes its texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    /// The default: HTML entities.
    Html,
    /// `encode=url3986`: percent-encoded UTF-8.
    Url3986,
    /// `encode=urlLegacy`: percent-encoded, with `+` for a space.
    UrlLegacy,
    /// `encode=base64`: every string is base64 of UTF-8.
    Base64,
}

impl Encoding {
    /// Recognises the encoding from the records: base64 when the `type` values decode to `multiple` or
    /// `boolean`; percent-encoding when no text has a space but some has a `%XX` escape (or a `+`).
    fn detect(records: &[Value]) -> Encoding {
        let field = |record: &Value, name: &str| {
            record
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let kinds: Vec<String> = records.iter().map(|record| field(record, "type")).collect();
        let base64 = !kinds.is_empty()
            && kinds.iter().all(|kind| {
                base64_text(kind)
                    .is_some_and(|decoded| decoded == "multiple" || decoded == "boolean")
            });
        if base64 {
            return Encoding::Base64;
        }
        let texts: Vec<String> = records
            .iter()
            .flat_map(|record| [field(record, "question"), field(record, "category")])
            .collect();
        if texts.iter().any(|text| text.contains(' ')) {
            return Encoding::Html;
        }
        let escaped = texts.iter().any(|text| {
            text.as_bytes().windows(3).any(|window| {
                window[0] == b'%' && window[1].is_ascii_hexdigit() && window[2].is_ascii_hexdigit()
            })
        });
        let plus = texts.iter().any(|text| text.contains('+'));
        match (escaped, plus) {
            (_, true) => Encoding::UrlLegacy,
            (true, false) => Encoding::Url3986,
            (false, false) => Encoding::Html,
        }
    }

    /// What the import summary says it undid.
    fn repair(self) -> &'static str {
        match self {
            Encoding::Html => "records with HTML entities",
            Encoding::Url3986 => "records decoded from url3986 percent-encoding",
            Encoding::UrlLegacy => "records decoded from urlLegacy percent-encoding",
            Encoding::Base64 => "records decoded from base64",
        }
    }

    /// One text in plain form, or `None` when it does not decode.
    fn decode(self, text: &str) -> Option<String> {
        let plain = match self {
            Encoding::Html => html_escape::decode_html_entities(text).into_owned(),
            Encoding::Url3986 => percent_text(text)?,
            Encoding::UrlLegacy => percent_text(&text.replace('+', " "))?,
            Encoding::Base64 => base64_text(text)?,
        };
        Some(tidy(&plain))
    }
}

fn percent_text(text: &str) -> Option<String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|text| text.into_owned())
}

fn base64_text(text: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()?;
    String::from_utf8(bytes).ok()
}

fn convert(
    record: &Value,
    encoding: Encoding,
    collector: &Collector,
) -> Result<Question, (&'static str, String)> {
    let mut record =
        Record::deserialize(record).map_err(|error| ("malformed record", error.to_string()))?;
    if encoding != Encoding::Html {
        let undo = |text: &mut String| -> Result<(), (&'static str, String)> {
            *text = encoding.decode(text).ok_or_else(|| {
                (
                    "undecodable text",
                    format!("`{text}` is not valid {encoding:?} text"),
                )
            })?;
            Ok(())
        };
        undo(&mut record.kind)?;
        undo(&mut record.difficulty)?;
        undo(&mut record.category)?;
        undo(&mut record.question)?;
        undo(&mut record.correct_answer)?;
        for answer in &mut record.incorrect_answers {
            undo(answer)?;
        }
    }
    let decode = |text: &str| match encoding {
        Encoding::Html => tidy(&html_escape::decode_html_entities(text)),
        _ => text.to_string(),
    };
    let prompt = decode(&record.question);
    let answer = decode(&record.correct_answer);
    let difficulty = Difficulty::parse(&record.difficulty)
        .ok_or_else(|| ("unknown difficulty", format!("`{}`", record.difficulty)))?;
    let body = match record.kind.as_str() {
        "boolean" => match answer.as_str() {
            "True" => Body::TrueFalse { answer: true },
            "False" => Body::TrueFalse { answer: false },
            other => {
                return Err(("true/false answer not True or False", format!("`{other}`")));
            }
        },
        "multiple" => {
            let mut options: Vec<String> = record
                .incorrect_answers
                .iter()
                .map(|text| decode(text))
                .collect();
            options.push(answer.clone());
            if let Some(problem) = options_problem(&options) {
                return Err(problem);
            }
            sort_options(&mut options);
            let index = options
                .iter()
                .position(|option| *option == answer)
                .unwrap_or_default();
            Body::MultipleChoice {
                options,
                answer: index,
                aliases: Vec::new(),
            }
        }
        other => return Err(("unknown question type", format!("`{other}`"))),
    };
    let (provenance, _) = Format::Opentdb.provenance();
    Ok(Question {
        id: collector.content_id(&prompt, &body),
        prompt,
        body,
        category: decode(&record.category),
        difficulty,
        explanation: String::new(),
        sources: vec![Citation {
            article: provenance.to_string(),
            evidence: None,
        }],
        tags: Vec::new(),
        time_limit: None,
    })
}
