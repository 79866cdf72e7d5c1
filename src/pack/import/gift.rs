//! Moodle GIFT: the subset trivia writes plus the common forms people write by hand.
//!
//! Read: `//` comments, `$CATEGORY:` lines, `::title::`, `[format]` markers, multiple choice
//! `{=right ~wrong}` (several right answers or `%weight%`s make a select-all question), true/false
//! `{T}`/`{F}`/`{TRUE}`/`{FALSE}`, short answer `{=a =b}`, numeric `{#3000000000:0}` and `{#1..5}`,
//! missing-word questions (text after the braces), general feedback `####...` (the explanation), and the
//! escapes `\~ \= \# \{ \} \: \\ \n`. Essay, matching and description items are skipped with a reason.
//!
//! A comment line `// trivia: {json}` before a question carries what GIFT cannot hold (difficulty,
//! sources, tags, unit, aliases, a quote), so `trivia pack export --to gift` and back keeps them.

use serde::{Deserialize, Serialize};

use super::{Collector, Input, Position, Progress, decode_mixed, options_problem};
use crate::pack::check::id_problem;
use crate::question::{Body, Citation, Difficulty, Question};

/// What a `// trivia:` comment carries about the question after it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GiftMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<Difficulty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// A numeric question's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A free-text question's answer kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// A multiple-choice or quote question's aliases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Makes a multiple-choice question a quote question with this quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// The comment prefix of [`GiftMeta`] lines.
pub const META_PREFIX: &str = "// trivia:";

pub(crate) fn import(inputs: &[Input], collector: &mut Collector, progress: Progress<'_>) {
    let total: u64 = inputs.iter().map(|input| input.bytes.len() as u64).sum();
    let mut done = 0u64;
    for input in inputs {
        let decoded = decode_mixed(&input.bytes);
        collector.note_decoding(&decoded);
        let text = decoded.text.replace("\r\n", "\n").replace('\r', "\n");
        let mut category = "General".to_string();
        let mut meta: Option<(usize, GiftMeta)> = None;
        let mut record = String::new();
        let mut record_line = 0;
        let mut depth = 0usize;
        let mut records = 0usize;
        for (index, line) in text.split('\n').enumerate() {
            let number = index + 1;
            done += line.len() as u64 + 1;
            if number % 512 == 0 {
                progress(done.min(total), total);
            }
            let trimmed = line.trim();
            if depth == 0 && trimmed.is_empty() {
                if !record.is_empty() {
                    records += 1;
                    let position = Position::Line {
                        file: input.name.clone(),
                        line: record_line,
                    };
                    finish(&record, position, &category, meta.take(), collector);
                    record.clear();
                }
                continue;
            }
            if trimmed.starts_with("//") {
                if record.is_empty()
                    && let Some(json) = trimmed.strip_prefix(META_PREFIX)
                {
                    match serde_json::from_str::<GiftMeta>(json.trim()) {
                        Ok(parsed) => meta = Some((number, parsed)),
                        Err(error) => collector.skip(
                            Position::Line {
                                file: input.name.clone(),
                                line: number,
                            },
                            "unreadable trivia comment",
                            error.to_string(),
                        ),
                    }
                }
                continue;
            }
            if record.is_empty() && depth == 0 {
                if let Some(name) = trimmed.strip_prefix("$CATEGORY:") {
                    category = category_name(name);
                    continue;
                }
                record_line = number;
            }
            record.push_str(line);
            record.push('\n');
            depth = brace_depth(line, depth);
        }
        if !record.is_empty() {
            records += 1;
            let position = Position::Line {
                file: input.name.clone(),
                line: record_line,
            };
            finish(&record, position, &category, meta.take(), collector);
        }
        if records == 0 {
            collector.skip(
                Position::File {
                    file: input.name.clone(),
                },
                "no records",
                "no question found",
            );
        }
    }
    progress(total, total);
}

/// `$CATEGORY: $course$/top/Films` names the category `Films`.
fn category_name(text: &str) -> String {
    let mut name = text.trim();
    if name.starts_with('$')
        && let Some(end) = name[1..].find("$/")
    {
        name = &name[end + 3..];
    }
    name = name.strip_prefix("top/").unwrap_or(name);
    let name = name.trim();
    if name.is_empty() {
        "General".to_string()
    } else {
        name.to_string()
    }
}

/// The brace depth after a line, given the depth before it (escaped braces do not count).
fn brace_depth(line: &str, mut depth: usize) -> usize {
    let mut chars = line.chars();
    while let Some(character) = chars.next() {
        match character {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

fn finish(
    record: &str,
    position: Position,
    category: &str,
    meta: Option<(usize, GiftMeta)>,
    collector: &mut Collector,
) {
    let parsed = match parse_record(record) {
        Ok(parsed) => parsed,
        Err((reason, detail)) => {
            collector.skip(position, reason, detail);
            return;
        }
    };
    let meta = meta.map(|(_, meta)| meta).unwrap_or_default();
    let mut prompt = parsed.prompt;
    let mut body = parsed.body;
    if let Some(quote) = meta.quote {
        match body {
            Body::MultipleChoice {
                options, answer, ..
            } => {
                let shown = format!("\n“{quote}”");
                if let Some(stripped) = prompt.strip_suffix(&shown) {
                    prompt = stripped.to_string();
                }
                body = Body::Quote {
                    quote,
                    options,
                    answer,
                    aliases: Vec::new(),
                };
            }
            _ => {
                collector.skip(
                    position,
                    "trivia comment does not fit the question",
                    "`quote` on a question that is not multiple choice",
                );
                return;
            }
        }
    }
    match &mut body {
        Body::MultipleChoice { aliases, .. } | Body::Quote { aliases, .. } => {
            aliases.clone_from(&meta.aliases);
        }
        Body::Numeric { unit, .. } => unit.clone_from(&meta.unit),
        Body::FreeText { kind, .. } => kind.clone_from(&meta.kind),
        _ => {}
    }
    let id = match parsed.title {
        Some(title) if id_problem(&title).is_none() && !collector.has_id(&title) => title,
        _ => collector.content_id(&prompt, &body),
    };
    let question = Question {
        id,
        prompt,
        body,
        category: category.to_string(),
        difficulty: meta.difficulty.unwrap_or(Difficulty::Medium),
        explanation: parsed.explanation,
        sources: meta.sources,
        tags: meta.tags,
        time_limit: None,
    };
    collector.add(question, position);
}

/// A question read from one GIFT record, before the `// trivia:` comment is applied.
#[derive(Debug, PartialEq)]
struct Parsed {
    title: Option<String>,
    prompt: String,
    body: Body,
    explanation: String,
}

type Skip = (&'static str, String);

fn parse_record(record: &str) -> Result<Parsed, Skip> {
    let mut rest = record.trim();
    let mut title = None;
    if let Some(after) = rest.strip_prefix("::") {
        let end = find_unescaped(after, "::")
            .ok_or(("unclosed title", "`::` without a closing `::`".to_string()))?;
        title = Some(unescape(after[..end].trim()));
        rest = after[end + 2..].trim_start();
    }
    let mut html = false;
    if rest.starts_with('[')
        && let Some(end) = rest.find(']')
    {
        let marker = &rest[1..end];
        if ["html", "moodle", "plain", "markdown"].contains(&marker) {
            html = marker == "html";
            rest = rest[end + 1..].trim_start();
        }
    }
    let open = find_unescaped(rest, "{").ok_or((
        "no answer block",
        "a description or a question without `{...}`".to_string(),
    ))?;
    let close = find_unescaped(&rest[open + 1..], "}")
        .map(|end| open + 1 + end)
        .ok_or(("unclosed answer block", "`{` without `}`".to_string()))?;
    let before = rest[..open].trim();
    let block = &rest[open + 1..close];
    let after = rest[close + 1..].trim();
    let mut prompt = if after.is_empty() {
        unescape(before)
    } else {
        format!("{} _____ {}", unescape(before), unescape(after))
    };
    if html {
        prompt = strip_html(&prompt);
    }
    let (answers, general) = match find_unescaped(block, "####") {
        Some(at) => (&block[..at], unescape(block[at + 4..].trim())),
        None => (block, String::new()),
    };
    let body = parse_answers(answers.trim())?;
    Ok(Parsed {
        title,
        prompt: prompt.trim().to_string(),
        body,
        explanation: general,
    })
}

fn parse_answers(block: &str) -> Result<Body, Skip> {
    if block.is_empty() {
        return Err(("essay question", "`{}` has no answer to check".to_string()));
    }
    if let Some(numeric) = block.strip_prefix('#') {
        return parse_numeric(numeric);
    }
    let head = match find_unescaped(block, "#") {
        Some(at) => &block[..at],
        None => block,
    };
    match head.trim().to_ascii_uppercase().as_str() {
        "T" | "TRUE" => return Ok(Body::TrueFalse { answer: true }),
        "F" | "FALSE" => return Ok(Body::TrueFalse { answer: false }),
        _ => {}
    }
    let answers = split_answers(block);
    if answers.is_empty() {
        return Err((
            "unreadable answers",
            format!("`{}`", block.chars().take(40).collect::<String>()),
        ));
    }
    let has_wrong = answers.iter().any(|answer| answer.marker == '~');
    if !has_wrong && answers.iter().all(|answer| answer.text.contains("->")) {
        return Err(("matching question", "pairs cannot be played".to_string()));
    }
    if !has_wrong {
        let mut right = answers
            .into_iter()
            .filter(|answer| answer.weight.is_none_or(|weight| weight >= 100.0))
            .map(|answer| answer.text);
        let answer = right
            .next()
            .ok_or(("no right answer", "no answer with full credit".to_string()))?;
        return Ok(Body::FreeText {
            answer,
            aliases: right.collect(),
            kind: None,
        });
    }
    let weighted = answers
        .iter()
        .any(|answer| answer.marker == '~' && answer.weight.is_some_and(|weight| weight > 0.0));
    let right: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, answer)| {
            answer.marker == '=' || answer.weight.is_some_and(|weight| weight > 0.0)
        })
        .map(|(index, _)| index)
        .collect();
    let options: Vec<String> = answers.iter().map(|answer| answer.text.clone()).collect();
    if let Some(problem) = options_problem(&options) {
        return Err(problem);
    }
    match right.as_slice() {
        [] => Err((
            "no right answer",
            "no `=` answer and no positive weight".to_string(),
        )),
        [single] if !weighted => Ok(Body::MultipleChoice {
            options,
            answer: *single,
            aliases: Vec::new(),
        }),
        _ => Ok(Body::SelectAll {
            options,
            answers: right,
        }),
    }
}

fn parse_numeric(text: &str) -> Result<Body, Skip> {
    let text = match find_unescaped(text, "#") {
        Some(at) if !text.trim_start().starts_with('=') => &text[..at],
        _ => text,
    };
    let text = text.trim();
    let first = if text.starts_with('=') {
        split_answers(text)
            .into_iter()
            .find(|answer| answer.weight.is_none_or(|weight| weight >= 100.0))
            .map(|answer| answer.text)
            .ok_or((
                "no right answer",
                "no numeric answer with full credit".to_string(),
            ))?
    } else {
        unescape(text)
    };
    let bad = || ("unreadable number", format!("`{first}`"));
    let number = |text: &str| text.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    let (answer, tolerance) = if let Some((low, high)) = first.split_once("..") {
        let (low, high) = (number(low).ok_or_else(bad)?, number(high).ok_or_else(bad)?);
        ((low + high) / 2.0, ((high - low) / 2.0).abs())
    } else if let Some((value, tolerance)) = first.split_once(':') {
        (
            number(value).ok_or_else(bad)?,
            number(tolerance).ok_or_else(bad)?.abs(),
        )
    } else {
        (number(&first).ok_or_else(bad)?, 0.0)
    };
    Ok(Body::Numeric {
        answer,
        tolerance,
        unit: None,
    })
}

/// One `=` or `~` answer: its weight in percent, if given, and its text without feedback.
struct Answer {
    marker: char,
    weight: Option<f64>,
    text: String,
}

/// Splits `=a ~b#feedback ~%50%c` into answers.
fn split_answers(block: &str) -> Vec<Answer> {
    let mut pieces: Vec<(char, String)> = Vec::new();
    let mut chars = block.chars();
    while let Some(character) = chars.next() {
        match character {
            '\\' => {
                if let Some((_, text)) = pieces.last_mut() {
                    text.push('\\');
                    if let Some(next) = chars.next() {
                        text.push(next);
                    }
                }
            }
            '=' | '~' => pieces.push((character, String::new())),
            other => {
                if let Some((_, text)) = pieces.last_mut() {
                    text.push(other);
                }
            }
        }
    }
    pieces
        .into_iter()
        .map(|(marker, raw)| {
            let mut raw = raw.trim();
            let mut weight = None;
            if let Some(after) = raw.strip_prefix('%')
                && let Some(end) = after.find('%')
            {
                weight = after[..end].trim().parse::<f64>().ok();
                raw = &after[end + 1..];
            }
            let text = match find_unescaped(raw, "#") {
                Some(at) => &raw[..at],
                None => raw,
            };
            Answer {
                marker,
                weight,
                text: unescape(text.trim()),
            }
        })
        .collect()
}

/// The byte offset of the first `needle` not preceded by a backslash escape.
fn find_unescaped(text: &str, needle: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'\\' {
            index += 2;
            continue;
        }
        if text[index..].starts_with(needle) {
            return Some(index);
        }
        index += 1;
        while index < bytes.len() && !text.is_char_boundary(index) {
            index += 1;
        }
    }
    None
}

/// Resolves GIFT escapes: `\~ \= \# \{ \} \: \\` stand for the character, `\n` for a line break.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(character) = chars.next() {
        if character == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(next) => out.push(next),
                None => out.push('\\'),
            }
        } else {
            out.push(character);
        }
    }
    out
}

/// Escapes text for GIFT.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        match character {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(character);
            }
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

/// Removes HTML tags and decodes entities, for `[html]` questions.
fn strip_html(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for character in text.chars() {
        match character {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            other if !in_tag => plain.push(other),
            _ => {}
        }
    }
    html_escape::decode_html_entities(&plain).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(record: &str) -> Result<Body, Skip> {
        parse_record(record).map(|parsed| parsed.body)
    }

    #[test]
    fn common_forms_parse() {
        assert_eq!(
            body("Who? {=Dre ~Iovine ~Hughes}").unwrap(),
            Body::MultipleChoice {
                options: vec!["Dre".into(), "Iovine".into(), "Hughes".into()],
                answer: 0,
                aliases: vec![]
            }
        );
        assert_eq!(
            body("Sky is blue {T}").unwrap(),
            Body::TrueFalse { answer: true }
        );
        assert_eq!(
            body("Grass is red {FALSE#no}").unwrap(),
            Body::TrueFalse { answer: false }
        );
        assert_eq!(
            body("Price? {#3000000000:0}").unwrap(),
            Body::Numeric {
                answer: 3e9,
                tolerance: 0.0,
                unit: None
            }
        );
        assert_eq!(
            body("Range {#1..5}").unwrap(),
            Body::Numeric {
                answer: 3.0,
                tolerance: 2.0,
                unit: None
            }
        );
        assert_eq!(
            body("Name {=Dr. Dre =Dre =%50%Andre}").unwrap(),
            Body::FreeText {
                answer: "Dr. Dre".into(),
                aliases: vec!["Dre".into()],
                kind: None
            }
        );
        assert_eq!(
            body("Pick {~%50%a ~%50%b ~%-100%c}").unwrap(),
            Body::SelectAll {
                options: vec!["a".into(), "b".into(), "c".into()],
                answers: vec![0, 1]
            }
        );
    }

    #[test]
    fn titles_escapes_and_feedback() {
        let parsed = parse_record(
            "::q\\:1::What is 1 \\= 1 \\{really\\}?{\n=yes#right\n~no\n####Because \\# math.\n}",
        )
        .unwrap();
        assert_eq!(parsed.title.as_deref(), Some("q:1"));
        assert_eq!(parsed.prompt, "What is 1 = 1 {really}?");
        assert_eq!(parsed.explanation, "Because # math.");
    }

    #[test]
    fn unsupported_items_are_named() {
        assert_eq!(body("Essay {}").unwrap_err().0, "essay question");
        assert_eq!(
            body("Match {=a -> 1 =b -> 2}").unwrap_err().0,
            "matching question"
        );
        assert_eq!(body("Just text").unwrap_err().0, "no answer block");
        assert_eq!(body("Dup {=a ~a}").unwrap_err().0, "duplicate options");
    }

    #[test]
    fn missing_word_questions_keep_the_gap() {
        let parsed = parse_record("Dre was born in {=Compton ~Brooklyn} , California.").unwrap();
        assert_eq!(parsed.prompt, "Dre was born in _____ , California.");
    }

    #[test]
    fn escape_round_trips() {
        let text = "a~b=c#d{e}f:g\\h\ni";
        assert_eq!(unescape(&escape(text)), text);
    }
}
