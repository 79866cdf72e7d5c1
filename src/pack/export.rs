//! Writing packs for other tools: Moodle GIFT (for the types GIFT can express), JSON and CSV/TSV in our
//! column layout (everything).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Pack;
use super::import::gift::{GiftMeta, META_PREFIX, escape, escape_text};
use super::write::toml_number;
use crate::question::{Body, Question, QuestionType};

/// A GIFT document and what it could not hold.
#[derive(Clone, Debug, Default)]
pub struct GiftExport {
    pub text: String,
    pub exported: usize,
    /// Questions left out, by type (GIFT has no order or date questions).
    pub skipped: BTreeMap<QuestionType, usize>,
}

/// Writes the pack as GIFT: multiple choice, quote (as multiple choice), true/false, numeric, free text
/// (short answer) and select-all (weighted multiple answers). A `// trivia:` comment before each question
/// keeps what GIFT has no place for, so importing the file gives the same questions back.
pub fn to_gift(pack: &Pack) -> GiftExport {
    let mut export = GiftExport::default();
    let out = &mut export.text;
    let _ = writeln!(
        out,
        "// {} ({}), exported by trivia. `// trivia:` comments keep what GIFT cannot hold.",
        single_line(&pack.meta.title),
        single_line(&pack.meta.id)
    );
    let mut category: Option<&str> = None;
    for question in &pack.questions {
        if matches!(question.body, Body::Order { .. } | Body::Date { .. }) {
            *export
                .skipped
                .entry(question.body.question_type())
                .or_default() += 1;
            continue;
        }
        if category != Some(question.category.as_str()) {
            let _ = writeln!(out, "\n$CATEGORY: {}", single_line(&question.category));
            category = Some(question.category.as_str());
        }
        out.push('\n');
        write_question(out, question);
        export.exported += 1;
    }
    export
}

fn single_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn write_question(out: &mut String, question: &Question) {
    let mut meta = GiftMeta {
        difficulty: Some(question.difficulty),
        sources: question.sources.clone(),
        tags: question.tags.clone(),
        time_limit: question.time_limit,
        ..GiftMeta::default()
    };
    let mut prompt = question.prompt.clone();
    match &question.body {
        Body::MultipleChoice { aliases, .. } => meta.aliases.clone_from(aliases),
        Body::Quote { quote, aliases, .. } => {
            meta.aliases.clone_from(aliases);
            meta.quote = Some(quote.clone());
            prompt = format!("{prompt}\n“{quote}”");
        }
        Body::Numeric { unit, .. } => meta.unit.clone_from(unit),
        Body::FreeText { kind, .. } => meta.kind.clone_from(kind),
        _ => {}
    }
    if let Ok(json) = serde_json::to_string(&meta) {
        let _ = writeln!(out, "{META_PREFIX} {json}");
    }
    let _ = write!(out, "::{}::{}", escape(&question.id), escape_text(&prompt));
    out.push_str(" {");
    match &question.body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => {
            for (index, option) in options.iter().enumerate() {
                let marker = if index == *answer { '=' } else { '~' };
                let _ = write!(out, "\n\t{marker}{}", escape_text(option));
            }
        }
        Body::TrueFalse { answer } => out.push_str(if *answer { "TRUE" } else { "FALSE" }),
        Body::Numeric {
            answer, tolerance, ..
        } => {
            let _ = write!(
                out,
                "#{}:{}",
                escape(&toml_number(*answer)),
                escape(&toml_number(*tolerance))
            );
        }
        Body::FreeText {
            answer,
            aliases,
            prompt_on,
            reject,
            ..
        } => {
            for text in std::iter::once(answer).chain(aliases) {
                let _ = write!(out, "\n\t={}", escape_text(text));
            }
            // Part credit is a prompt for more, no credit a rejected answer (as import reads them).
            for text in prompt_on {
                let _ = write!(out, "\n\t=%50%{}", escape_text(text));
            }
            for text in reject {
                let _ = write!(out, "\n\t=%0%{}", escape_text(text));
            }
        }
        Body::SelectAll { options, answers } => {
            let right = format!("{:.5}", 100.0 / answers.len().max(1) as f64);
            let right = right.trim_end_matches('0').trim_end_matches('.');
            for (index, option) in options.iter().enumerate() {
                let weight = if answers.contains(&index) {
                    right
                } else {
                    "-100"
                };
                let _ = write!(out, "\n\t~%{weight}%{}", escape_text(option));
            }
        }
        Body::Order { .. } | Body::Date { .. } => {}
    }
    if !question.explanation.is_empty() {
        let _ = write!(out, "\n\t####{}", escape_text(&question.explanation));
    }
    let multi_line = matches!(
        question.body,
        Body::MultipleChoice { .. }
            | Body::Quote { .. }
            | Body::FreeText { .. }
            | Body::SelectAll { .. }
    ) || !question.explanation.is_empty();
    out.push_str(if multi_line { "\n}\n" } else { "}\n" });
}

/// The pack as pretty JSON: `{"meta": {...}, "questions": [...]}`, each question as the shared model
/// serialises it.
pub fn to_json(pack: &Pack) -> String {
    let mut text = serde_json::to_string_pretty(pack).unwrap_or_default();
    text.push('\n');
    text
}

/// The pack as CSV (`delimiter` `,`) or TSV (`\t`) in the column layout of [`super::columns`]: a header
/// row, then one row per question. Metadata is not written (a spreadsheet has no place for it).
pub fn to_csv(pack: &Pack, delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let mut write = |row: &[String]| {
        // Writing into memory cannot fail.
        let _ = writer.write_record(row);
    };
    write(&super::columns::COLUMNS.map(str::to_string));
    for question in &pack.questions {
        write(&super::columns::question_to_row(question));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
