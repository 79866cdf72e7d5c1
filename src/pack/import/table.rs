//! Spreadsheet files: our own column layout as CSV or TSV (see [`crate::pack::columns`]), Kahoot's
//! quiz template saved as CSV, and two-column term/definition files as Quizlet and Anki export them.
//!
//! Every row is read on its own: a row that cannot be a question is skipped with its line and the reason,
//! and the rest are imported.

use super::{
    Collector, Input, Position, Progress, decode_mixed, html, options_problem, sort_options,
};
use crate::pack::columns::{self, Header};
use crate::question::{Body, Difficulty, Question};

/// The rows of a delimited text file, each with its 1-based line.
fn rows(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => rows.push((line, record.iter().map(str::to_string).collect())),
            Ok(false) => break,
            // The text is valid UTF-8 and the reader is flexible, so only an I/O error could land here.
            Err(_) => break,
        }
    }
    rows
}

/// `;` when the first line has more semicolons than commas (spreadsheets in many locales save CSV so),
/// else `,`.
fn comma_or_semicolon(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn blank(row: &[String]) -> bool {
    row.iter().all(|cell| cell.trim().is_empty())
}

/// Our column layout; `tab` for TSV.
pub(crate) fn import(
    inputs: &[Input],
    tab: bool,
    collector: &mut Collector,
    progress: Progress<'_>,
) {
    for (done, input) in inputs.iter().enumerate() {
        progress(done as u64, inputs.len() as u64);
        let decoded = decode_mixed(&input.bytes);
        collector.note_decoding(&decoded);
        let delimiter = if tab {
            b'\t'
        } else {
            comma_or_semicolon(&decoded.text)
        };
        let rows = rows(&decoded.text, delimiter);
        let mut rows = rows.into_iter().filter(|(_, row)| !blank(row));
        let Some((header_line, header_row)) = rows.next() else {
            collector.skip(file(input), "no rows", "the file is empty");
            continue;
        };
        let (header, unknown) = Header::read(header_row.iter().map(String::as_str));
        if !header.has_prompt() {
            collector.skip(
                line(input, header_line),
                "no header row",
                format!(
                    "the first row must name the columns ({}); it has no `prompt`",
                    columns::COLUMNS.join(", ")
                ),
            );
            continue;
        }
        for (position, name) in unknown {
            collector.skip(
                line(input, header_line),
                "unknown column",
                format!("column {} `{name}` is not read", position + 1),
            );
        }
        for (number, row) in rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            match columns::row_to_question(&header, &cells) {
                Ok(mut question) => {
                    if question.id.trim().is_empty() {
                        question.id = collector.content_id(&question.prompt, &question.body);
                    }
                    collector.add(question, line(input, number));
                }
                Err((reason, detail)) => collector.skip(line(input, number), reason, detail),
            }
        }
    }
    progress(inputs.len() as u64, inputs.len() as u64);
}

fn line(input: &Input, line: usize) -> Position {
    Position::Line {
        file: input.name.clone(),
        line,
    }
}

fn file(input: &Input) -> Position {
    Position::File {
        file: input.name.clone(),
    }
}

/// The columns of Kahoot's template, found by their header text.
#[derive(Default)]
struct KahootColumns {
    question: usize,
    answers: Vec<usize>,
    time: Option<usize>,
    correct: usize,
}

impl KahootColumns {
    /// Reads the header row (`Question - max 120 characters`, `Answer 1 - max 75 characters`, ...,
    /// `Time limit (sec) ...`, `Correct answer(s) ...`).
    fn find(row: &[String]) -> Option<KahootColumns> {
        let mut columns = KahootColumns::default();
        let (mut question, mut correct) = (None, None);
        for (index, cell) in row.iter().enumerate() {
            let name = cell.trim().to_ascii_lowercase();
            if name.starts_with("question") {
                question = Some(index);
            } else if name.starts_with("answer") {
                columns.answers.push(index);
            } else if name.starts_with("time") {
                columns.time = Some(index);
            } else if name.starts_with("correct") {
                correct = Some(index);
            }
        }
        columns.question = question?;
        columns.correct = correct?;
        (!columns.answers.is_empty()).then_some(columns)
    }

    /// The layout of a file without a header row: question, four answers, time limit, correct answers,
    /// after a question-number column when the first cell is a number.
    fn positional(row: &[String]) -> KahootColumns {
        let start = usize::from(
            row.first()
                .is_some_and(|cell| cell.trim().parse::<u32>().is_ok()),
        );
        KahootColumns {
            question: start,
            answers: (start + 1..start + 5).collect(),
            time: Some(start + 5),
            correct: start + 6,
        }
    }
}

/// Kahoot's "quiz spreadsheet template" saved as CSV: instructions, a header row, then one question per
/// row with up to four answers, a time limit and the numbers of the right answers (`1` or `1,3`).
pub(crate) fn import_kahoot(inputs: &[Input], collector: &mut Collector, progress: Progress<'_>) {
    for (done, input) in inputs.iter().enumerate() {
        progress(done as u64, inputs.len() as u64);
        let decoded = decode_mixed(&input.bytes);
        collector.note_decoding(&decoded);
        let rows = rows(&decoded.text, comma_or_semicolon(&decoded.text));
        let header = rows
            .iter()
            .position(|(_, row)| KahootColumns::find(row).is_some());
        let (columns, body_rows) = match header {
            Some(at) => (
                KahootColumns::find(&rows[at].1).expect("found above"),
                &rows[at + 1..],
            ),
            None => match rows.iter().find(|(_, row)| !blank(row)) {
                Some((_, row)) => (KahootColumns::positional(row), &rows[..]),
                None => {
                    collector.skip(file(input), "no rows", "the file is empty");
                    continue;
                }
            },
        };
        for (number, row) in body_rows {
            let cell = |index: usize| row.get(index).map_or("", |cell| cell.trim());
            // The template comes with numbered rows; one with nothing else in it is not a question.
            let mut used = std::iter::once(columns.question)
                .chain(columns.answers.iter().copied())
                .chain([columns.correct]);
            if used.all(|index| cell(index).is_empty()) {
                continue;
            }
            let position = line(input, *number);
            let prompt = cell(columns.question);
            if prompt.is_empty() {
                collector.skip(position, "no question", "the question cell is empty");
                continue;
            }
            let answers: Vec<(usize, String)> = columns
                .answers
                .iter()
                .enumerate()
                .map(|(number, &index)| (number + 1, cell(index).to_string()))
                .filter(|(_, text)| !text.is_empty())
                .collect();
            let right: Result<Vec<usize>, String> = cell(columns.correct)
                .split([',', ';', ' '])
                .filter(|part| !part.trim().is_empty())
                .map(|part| part.trim().parse::<usize>().map_err(|_| part.to_string()))
                .collect();
            let right = match right {
                Ok(right) if !right.is_empty() => right,
                Ok(_) => {
                    collector.skip(
                        position,
                        "no right answer",
                        "the correct-answer cell is empty",
                    );
                    continue;
                }
                Err(part) => {
                    collector.skip(
                        position,
                        "unreadable correct answer",
                        format!("`{part}` is not an answer number (1 to 4)"),
                    );
                    continue;
                }
            };
            if let Some(missing) = right
                .iter()
                .find(|&&number| !answers.iter().any(|(n, _)| *n == number))
            {
                collector.skip(
                    position,
                    "right answer is empty",
                    format!("answer {missing} is marked right but has no text"),
                );
                continue;
            }
            let options: Vec<String> = answers.iter().map(|(_, text)| text.clone()).collect();
            let indices: Vec<usize> = answers
                .iter()
                .enumerate()
                .filter(|(_, (number, _))| right.contains(number))
                .map(|(index, _)| index)
                .collect();
            let lowered: Vec<String> = options.iter().map(|o| o.to_ascii_lowercase()).collect();
            let body = if lowered.len() == 2
                && lowered.contains(&"true".to_string())
                && lowered.contains(&"false".to_string())
                && indices.len() == 1
            {
                Body::TrueFalse {
                    answer: lowered[indices[0]] == "true",
                }
            } else {
                if let Some((reason, detail)) = options_problem(&options) {
                    collector.skip(position, reason, detail);
                    continue;
                }
                match indices.as_slice() {
                    [single] => Body::MultipleChoice {
                        options,
                        answer: *single,
                        aliases: Vec::new(),
                    },
                    _ => Body::SelectAll {
                        options,
                        answers: indices,
                    },
                }
            };
            let time_limit = match columns.time.map(cell).filter(|text| !text.is_empty()) {
                Some(text) => match text.parse::<u32>() {
                    Ok(seconds) if (1..=crate::pack::MAX_TIME_LIMIT).contains(&seconds) => {
                        Some(seconds)
                    }
                    _ => {
                        collector.dropped_many("unreadable time limits left out", 1);
                        None
                    }
                },
                None => None,
            };
            let question = Question {
                id: collector.content_id(prompt, &body),
                prompt: prompt.to_string(),
                body,
                category: super::super::DEFAULT_CATEGORY.to_string(),
                difficulty: Difficulty::Medium,
                explanation: String::new(),
                sources: Vec::new(),
                tags: Vec::new(),
                time_limit,
            };
            collector.add(question, position);
        }
    }
    progress(inputs.len() as u64, inputs.len() as u64);
}

/// Answers at most this many words long are typed; longer ones are picked among other cards' answers.
const TYPED_ANSWER_WORDS: usize = 4;

/// Two-column term/definition files as Quizlet exports them (term, tab, definition; one card a line) and
/// as Anki exports notes as plain text (`#separator:tab`, `#html:true` header lines, HTML in fields).
/// The first column is the prompt, the second the answer: typed when it is short, otherwise multiple
/// choice among the answers of the three cards closest in length.
pub(crate) fn import_cards(inputs: &[Input], collector: &mut Collector, progress: Progress<'_>) {
    struct Card {
        position: Position,
        prompt: String,
        answer: String,
    }
    for (done, input) in inputs.iter().enumerate() {
        progress(done as u64, inputs.len() as u64);
        let decoded = decode_mixed(&input.bytes);
        collector.note_decoding(&decoded);
        let mut delimiter = b'\t';
        let mut html_fields = false;
        let mut body = String::with_capacity(decoded.text.len());
        let mut header_lines = 0;
        for text_line in decoded.text.split_inclusive('\n') {
            if body.is_empty() && text_line.starts_with('#') && text_line.contains(':') {
                let (key, value) = text_line[1..].split_once(':').unwrap_or_default();
                let value = value.trim();
                match key.trim() {
                    "separator" => {
                        delimiter = match value.to_ascii_lowercase().as_str() {
                            "comma" | "," => b',',
                            "semicolon" | ";" => b';',
                            "pipe" | "|" => b'|',
                            "space" => b' ',
                            _ => b'\t',
                        }
                    }
                    "html" => html_fields = value.eq_ignore_ascii_case("true"),
                    _ => {}
                }
                header_lines += 1;
                continue;
            }
            body.push_str(text_line);
        }
        let mut cards = Vec::new();
        for (number, row) in rows(&body, delimiter) {
            if blank(&row) {
                continue;
            }
            let position = line(input, number + header_lines);
            let field = |index: usize| {
                let raw = row.get(index).map_or("", |cell| cell.as_str());
                if html_fields || html::looks_like_html(raw) {
                    super::tidy(&html::html_to_text(raw))
                } else {
                    super::tidy(raw)
                }
            };
            let (prompt, answer) = (field(0), field(1));
            if prompt.contains("{{c") && prompt.contains("::") {
                collector.skip(position, "cloze card", "cloze deletions cannot be played");
                continue;
            }
            if prompt.is_empty() || answer.is_empty() {
                collector.skip(
                    position,
                    "card without two sides",
                    "a card needs a term and a definition",
                );
                continue;
            }
            cards.push(Card {
                position,
                prompt,
                answer,
            });
        }
        let answers: Vec<&str> = cards.iter().map(|card| card.answer.as_str()).collect();
        for card in &cards {
            let words = card.answer.split_whitespace().count();
            let body = if words <= TYPED_ANSWER_WORDS {
                Body::FreeText {
                    answer: card.answer.clone(),
                    aliases: Vec::new(),
                    kind: None,
                    prompt_on: Vec::new(),
                    reject: Vec::new(),
                }
            } else {
                let mut others: Vec<&str> = answers
                    .iter()
                    .copied()
                    .filter(|other| !crate::pack::check::same_text(other, &card.answer))
                    .collect();
                others.sort_by_key(|other| other.len().abs_diff(card.answer.len()));
                others.dedup_by(|a, b| crate::pack::check::same_text(a, b));
                if others.len() < 3 {
                    collector.skip(
                        card.position.clone(),
                        "long answer without other cards",
                        "a long answer is asked as multiple choice, which needs three other cards",
                    );
                    continue;
                }
                let mut options: Vec<String> =
                    others[..3].iter().map(|other| other.to_string()).collect();
                options.push(card.answer.clone());
                sort_options(&mut options);
                let answer = options
                    .iter()
                    .position(|option| *option == card.answer)
                    .unwrap_or_default();
                Body::MultipleChoice {
                    options,
                    answer,
                    aliases: Vec::new(),
                }
            };
            let question = Question {
                id: collector.content_id(&card.prompt, &body),
                prompt: card.prompt.clone(),
                body,
                category: super::super::DEFAULT_CATEGORY.to_string(),
                difficulty: Difficulty::Medium,
                explanation: String::new(),
                sources: Vec::new(),
                tags: Vec::new(),
                time_limit: None,
            };
            collector.add(question, card.position.clone());
        }
    }
    progress(inputs.len() as u64, inputs.len() as u64);
}

/// Our own JSON export (`{"meta": ..., "questions": [...]}`) read back; each question is checked like any
/// import.
pub(crate) fn import_json(inputs: &[Input], collector: &mut Collector, progress: Progress<'_>) {
    for (done, input) in inputs.iter().enumerate() {
        progress(done as u64, inputs.len() as u64);
        let decoded = decode_mixed(&input.bytes);
        let document: serde_json::Value = match serde_json::from_str(&decoded.text) {
            Ok(document) => document,
            Err(error) => {
                collector.skip(line(input, error.line()), "not JSON", error.to_string());
                continue;
            }
        };
        if let Some(meta) = document.get("meta")
            && let Ok(meta) = serde_json::from_value::<crate::pack::PackMeta>(meta.clone())
            && collector.report.meta.is_none()
        {
            collector.report.meta = Some(meta);
        }
        let Some(questions) = document.get("questions").and_then(|value| value.as_array()) else {
            collector.skip(
                file(input),
                "not a trivia JSON pack",
                "expected `{\"meta\": {...}, \"questions\": [...]}` as `trivia pack export --to json` writes",
            );
            continue;
        };
        for (index, value) in questions.iter().enumerate() {
            let position = Position::Record {
                file: input.name.clone(),
                record: index + 1,
            };
            match serde_json::from_value::<Question>(value.clone()) {
                Ok(question) => collector.add(question, position),
                Err(error) => collector.skip(position, "malformed question", error.to_string()),
            }
        }
    }
    progress(inputs.len() as u64, inputs.len() as u64);
}
