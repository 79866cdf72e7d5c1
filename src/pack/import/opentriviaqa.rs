//! OpenTriviaQA text files: `#Q question`, `^ answer`, `A option` ... records separated by blank lines.
//!
//! The files mix UTF-8 with Windows-1252 bytes (decoded per line), some lines end in CR (removed), and
//! questions may run over several lines that include lone-CR "blank" lines and lines starting `A `: every
//! line between `#Q` and `^` is question text. Records with an empty or repeated option, or whose answer
//! is not an option, are skipped with their line.

use std::path::Path;

use super::{
    Collector, Format, Input, Position, Progress, category_from_file_name, decode_mixed,
    options_problem,
};
use crate::question::{Body, Citation, Difficulty, Question};

/// A record being read.
struct Record {
    line: usize,
    question: Vec<String>,
    answer: Option<String>,
    options: Vec<String>,
    /// The first line among the options that is not an option.
    stray: Option<(usize, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Outside,
    Question,
    Options,
}

pub(crate) fn import(inputs: &[Input], collector: &mut Collector, progress: Progress<'_>) {
    let total: u64 = inputs.iter().map(|input| input.bytes.len() as u64).sum();
    let mut done = 0u64;
    for input in inputs {
        let category = Path::new(&input.name)
            .file_name()
            .map(|name| category_from_file_name(&name.to_string_lossy()))
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "General".to_string());
        let mut state = State::Outside;
        let mut record: Option<Record> = None;
        let mut records_seen = 0usize;
        let mut stray_run = false;
        for (index, raw) in input.bytes.split(|&byte| byte == b'\n').enumerate() {
            let number = index + 1;
            done += raw.len() as u64 + 1;
            if number % 512 == 0 {
                progress(done.min(total), total);
            }
            let decoded = decode_mixed(raw);
            collector.note_decoding(&decoded);
            let mut line = decoded.text;
            if line.ends_with('\r') {
                line.pop();
                collector.repaired("carriage returns removed");
            }
            if let Some(rest) = line.strip_prefix("#Q") {
                if let Some(previous) = record.take() {
                    finish(previous, &input.name, &category, collector);
                }
                records_seen += 1;
                stray_run = false;
                record = Some(Record {
                    line: number,
                    question: vec![rest.trim().to_string()],
                    answer: None,
                    options: Vec::new(),
                    stray: None,
                });
                state = State::Question;
                continue;
            }
            let blank = line.trim().is_empty();
            match (state, record.as_mut()) {
                (State::Question, Some(current)) => {
                    if let Some(answer) = line.strip_prefix('^') {
                        current.answer = Some(answer.trim().to_string());
                        state = State::Options;
                    } else {
                        current.question.push(line.trim_end().to_string());
                    }
                }
                (State::Options, Some(current)) => {
                    if blank {
                        if let Some(finished) = record.take() {
                            finish(finished, &input.name, &category, collector);
                        }
                        state = State::Outside;
                    } else if let Some(option) = option_text(&line) {
                        current.options.push(option);
                    } else if current.stray.is_none() {
                        current.stray = Some((number, line.clone()));
                    }
                }
                _ => {
                    if blank {
                        stray_run = false;
                    } else if !stray_run {
                        stray_run = true;
                        collector.skip(
                            Position::Line {
                                file: input.name.clone(),
                                line: number,
                            },
                            "text outside a record",
                            format!("`{}`", shorten(&line)),
                        );
                    }
                }
            }
        }
        if let Some(last) = record.take() {
            finish(last, &input.name, &category, collector);
        }
        if records_seen == 0 && !input.bytes.is_empty() {
            collector.skip(
                Position::File {
                    file: input.name.clone(),
                },
                "no records",
                "no `#Q` line: not an OpenTriviaQA file",
            );
        }
    }
    progress(total, total);
}

/// The text of an option line `A text` (`A` alone is an empty option).
fn option_text(line: &str) -> Option<String> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    if !letter.is_ascii_uppercase() {
        return None;
    }
    match chars.next() {
        None => Some(String::new()),
        Some(' ') | Some('\t') => Some(chars.as_str().trim().replace('\t', " ")),
        Some(_) => None,
    }
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

fn finish(record: Record, file: &str, category: &str, collector: &mut Collector) {
    let position = Position::Line {
        file: file.to_string(),
        line: record.line,
    };
    let mut lines = record.question;
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    let prompt = lines.join("\n").trim().replace('\t', " ");
    let Some(answer) = record.answer else {
        collector.skip(position, "no answer line", "no `^` line after the question");
        return;
    };
    if prompt.is_empty() {
        collector.skip(position, "empty question", "");
        return;
    }
    if let Some((line, text)) = record.stray {
        collector.skip(
            position,
            "unexpected line among options",
            format!("line {line}: `{}`", shorten(&text)),
        );
        return;
    }
    if record.options.is_empty() {
        collector.skip(position, "no options", "");
        return;
    }
    let options = record.options;
    if let Some((reason, detail)) = options_problem(&options) {
        collector.skip(position, reason, detail);
        return;
    }
    let index = match options.iter().position(|option| *option == answer) {
        Some(index) => index,
        None => match options
            .iter()
            .position(|option| super::super::check::same_text(option, &answer))
        {
            Some(index) => index,
            None => {
                collector.skip(position, "answer not among options", format!("`{answer}`"));
                return;
            }
        },
    };
    let is_true_false = options.len() == 2
        && options
            .iter()
            .any(|option| option.eq_ignore_ascii_case("true"))
        && options
            .iter()
            .any(|option| option.eq_ignore_ascii_case("false"));
    let body = if is_true_false {
        Body::TrueFalse {
            answer: options[index].eq_ignore_ascii_case("true"),
        }
    } else {
        Body::MultipleChoice {
            options,
            answer: index,
            aliases: Vec::new(),
        }
    };
    let (provenance, _) = Format::Opentriviaqa.provenance();
    let question = Question {
        id: collector.content_id(&prompt, &body),
        prompt,
        body,
        category: category.to_string(),
        difficulty: Difficulty::Medium,
        explanation: String::new(),
        sources: vec![Citation {
            article: provenance.to_string(),
            evidence: None,
        }],
        tags: Vec::new(),
        time_limit: None,
    };
    collector.add(question, position);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::import::{Format, import};

    fn run(bytes: &[u8]) -> crate::pack::import::ImportReport {
        let inputs = [Input {
            name: "music".to_string(),
            bytes: bytes.to_vec(),
        }];
        import(Format::Opentriviaqa, &inputs, "test", &mut |_, _| {})
    }

    #[test]
    fn multi_line_questions_keep_lone_cr_lines_and_option_like_lines() {
        let report = run(b"#Q First line\r\n\r\nA line that looks like an option\r\nWho sang it?\r\n^ Me\nA You\nB Me\n\n");
        assert_eq!(report.skipped, vec![]);
        assert_eq!(
            report.questions[0].prompt,
            "First line\n\nA line that looks like an option\nWho sang it?"
        );
        assert_eq!(report.questions[0].category, "Music");
    }

    #[test]
    fn bad_records_are_skipped_with_their_line() {
        let report = run(
            b"\n#Q Empty?\n^ x\nA x\nB \n\n#Q Twice?\n^ 2006\nA 2006\nB 2005\nC 2006\n\n#Q Fine \x93ok\x94?\n^ Yes\nA Yes\nB No\n",
        );
        let reasons: Vec<_> = report
            .skipped
            .iter()
            .map(|s| (s.position.to_string(), s.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("music:2".to_string(), "empty option"),
                ("music:7".to_string(), "duplicate options")
            ]
        );
        assert_eq!(report.questions.len(), 1);
        assert_eq!(report.questions[0].prompt, "Fine “ok”?");
        assert_eq!(report.repairs["bytes read as Windows-1252"], 2);
    }

    #[test]
    fn true_false_records_become_true_false_questions() {
        let report = run(b"#Q The sky is green.\n^ False\nA True\nB False\n");
        assert_eq!(report.questions[0].body, Body::TrueFalse { answer: false });
    }
}
