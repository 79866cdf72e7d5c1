//! Open Trivia DB JSON (`{"results": [...]}`, as the API and its dumps serve it): HTML entities decoded,
//! invisible characters and outer spaces removed, options sorted so the first is not always right.

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
        let total = records.len() as u64;
        for (index, record) in records.iter().enumerate() {
            if index % 64 == 0 {
                progress(index as u64, total);
            }
            let position = Position::Record {
                file: input.name.clone(),
                record: index + 1,
            };
            match convert(record, collector) {
                Ok(question) => collector.add(question, position),
                Err((reason, detail)) => collector.skip(position, reason, detail),
            }
        }
        progress(total, total);
    }
}

fn convert(record: &Value, collector: &Collector) -> Result<Question, (&'static str, String)> {
    let record =
        Record::deserialize(record).map_err(|error| ("malformed record", error.to_string()))?;
    let decode = |text: &str| tidy(&html_escape::decode_html_entities(text));
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
