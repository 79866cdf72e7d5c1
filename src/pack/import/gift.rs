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

use super::{Collector, Input, Position, Progress, decode_mixed, html, options_problem};
use crate::pack::check::id_problem;
use crate::pack::starter::pack_id_from_name;
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
    /// Seconds allowed to answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<u32>,
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
        let qualifier = if inputs.len() > 1 {
            let stem = std::path::Path::new(&input.name)
                .file_stem()
                .map(|stem| pack_id_from_name(&stem.to_string_lossy()))
                .unwrap_or_default();
            format!("{}-{stem}", collector.pack_id())
        } else {
            collector.pack_id().to_string()
        };
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
                    finish(
                        &record,
                        &qualifier,
                        position,
                        &category,
                        meta.take(),
                        collector,
                    );
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
            finish(
                &record,
                &qualifier,
                position,
                &category,
                meta.take(),
                collector,
            );
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
    qualifier: &str,
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
    let written_by_trivia = meta.is_some();
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
    // A title from a trivia export is the question's id already; any other title ("Q2", "Question 4")
    // is only unique within its file, so it is qualified by the pack (and file) it is imported into.
    let title_id = parsed.title.and_then(|title| {
        if written_by_trivia {
            return Some(title);
        }
        title
            .chars()
            .any(char::is_alphanumeric)
            .then(|| format!("{qualifier}-{}", pack_id_from_name(&title)))
    });
    let id = match title_id {
        Some(id) if id_problem(&id).is_none() && !collector.has_id(&id) => id,
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
        time_limit: meta.time_limit,
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
    let (markup, text) = split_markup(rest, Markup::Html);
    rest = text;
    let open = find_unescaped(rest, "{").ok_or((
        "no answer block",
        "a description or a question without `{...}`".to_string(),
    ))?;
    let close = find_unescaped(&rest[open + 1..], "}")
        .map(|end| open + 1 + end)
        .ok_or(("unclosed answer block", "`{` without `}`".to_string()))?;
    let before = gift_text(rest[..open].trim(), markup);
    let block = &rest[open + 1..close];
    let after = gift_text(rest[close + 1..].trim(), markup);
    let prompt = if after.is_empty() {
        before
    } else {
        format!("{before} _____ {after}")
    };
    let (answers, general) = match find_unescaped(block, "####") {
        Some(at) => (&block[..at], gift_text(block[at + 4..].trim(), markup)),
        None => (block, String::new()),
    };
    let body = parse_answers(answers.trim(), markup)?;
    Ok(Parsed {
        title,
        prompt: prompt.trim().to_string(),
        body,
        explanation: general,
    })
}

/// How a GIFT text is written, from its `[format]` marker (Moodle reads unmarked text as HTML).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Markup {
    /// `[html]`, `[moodle]` or no marker: tags and entities are turned into text.
    Html,
    /// `[plain]` and `[markdown]`: the text is kept as written.
    Plain,
}

/// The `[format]` marker at the start of `text` (or `inherited` when there is none) and the text after it.
fn split_markup(text: &str, inherited: Markup) -> (Markup, &str) {
    if let Some(after) = text.strip_prefix('[')
        && let Some(end) = after.find(']')
    {
        let markup = match after[..end].trim().to_ascii_lowercase().as_str() {
            "html" | "moodle" => Some(Markup::Html),
            "plain" | "markdown" => Some(Markup::Plain),
            _ => None,
        };
        if let Some(markup) = markup {
            return (markup, after[end + 1..].trim_start());
        }
    }
    (inherited, text)
}

/// A prompt, answer or feedback as a player reads it: its own `[format]` marker removed (else the
/// question's `markup` applies), escapes resolved and HTML turned into text.
fn gift_text(raw: &str, markup: Markup) -> String {
    let (markup, raw) = split_markup(raw.trim(), markup);
    let text = unescape(raw);
    if markup == Markup::Html && html::looks_like_html(&text) {
        html::html_to_text(&text)
    } else {
        text.trim().to_string()
    }
}

fn parse_answers(block: &str, markup: Markup) -> Result<Body, Skip> {
    if block.is_empty() {
        return Err(("essay question", "`{}` has no answer to check".to_string()));
    }
    if let Some(numeric) = block.strip_prefix('#') {
        return parse_numeric(numeric, markup);
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
    let answers = split_answers(block, markup);
    if answers.is_empty() {
        return Err((
            "unreadable answers",
            format!("`{}`", block.chars().take(40).collect::<String>()),
        ));
    }
    let has_wrong = answers.iter().any(|answer| answer.marker == '~');
    let has_equals = answers.iter().any(|answer| answer.marker == '=');
    if has_equals && answers.iter().any(|answer| answer.matching) {
        return Err(("matching question", "pairs cannot be played".to_string()));
    }
    if !has_wrong {
        // Short answer: every fully right answer is accepted; partial credit is never right, but it is
        // right as far as it goes, so the player is asked for more; no credit is never accepted.
        let texts = |keep: &dyn Fn(&Answer) -> bool| -> Vec<String> {
            answers
                .iter()
                .filter(|answer| keep(answer))
                .map(|answer| answer.text.clone())
                .collect()
        };
        let partial = |answer: &Answer| answer.weight.is_some_and(|w| w > 0.0 && w < 100.0);
        let none = |answer: &Answer| answer.weight.is_some_and(|w| w <= 0.0);
        let mut right = texts(&Answer::full_credit).into_iter();
        let answer = right
            .next()
            .ok_or(("no right answer", "no answer with full credit".to_string()))?;
        return Ok(Body::FreeText {
            answer,
            aliases: right.collect(),
            kind: None,
            prompt_on: texts(&partial),
            reject: texts(&none),
        });
    }
    let options: Vec<String> = answers.iter().map(|answer| answer.text.clone()).collect();
    if let Some(problem) = options_problem(&options) {
        return Err(problem);
    }
    if has_equals {
        // Moodle reads a block with an `=` answer as single-answer multiple choice: the `=` answer (or one
        // with 100%) is right; answers with partial credit are not.
        let right: Vec<usize> = answers
            .iter()
            .enumerate()
            .filter(|(_, answer)| answer.full_credit())
            .map(|(index, _)| index)
            .collect();
        return match right.as_slice() {
            [single] => Ok(Body::MultipleChoice {
                options,
                answer: *single,
                aliases: Vec::new(),
            }),
            [] => Err(("no right answer", "no answer with full credit".to_string())),
            _ => Err((
                "several right answers",
                format!(
                    "{} answers with full credit in a single-answer question",
                    right.len()
                ),
            )),
        };
    }
    // Only `~` answers: Moodle's multiple-answer question, where every answer with a positive weight must
    // be picked.
    let right: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, answer)| answer.weight.is_some_and(|weight| weight > 0.0))
        .map(|(index, _)| index)
        .collect();
    if right.is_empty() {
        return Err((
            "no right answer",
            "no `=` answer and no positive weight".to_string(),
        ));
    }
    Ok(Body::SelectAll {
        options,
        answers: right,
    })
}

/// `{#...}`: `answer`, `answer:tolerance` or `low..high`, each with optional `#feedback`; or several
/// `=answer` lines with weights, of which the first with full credit counts.
fn parse_numeric(text: &str, markup: Markup) -> Result<Body, Skip> {
    let text = text.trim();
    let first = if text.starts_with('=') {
        split_answers(text, markup)
            .into_iter()
            .find(Answer::full_credit)
            .map(|answer| answer.text)
            .ok_or((
                "no right answer",
                "no numeric answer with full credit".to_string(),
            ))?
    } else {
        let value = match find_unescaped(text, "#") {
            Some(at) => &text[..at],
            None => text,
        };
        unescape(value.trim())
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
    /// Whether the answer is written as a matching pair (`a -> b`).
    matching: bool,
}

impl Answer {
    /// An `=` answer without a weight, or any answer weighted 100% or more.
    fn full_credit(&self) -> bool {
        match self.weight {
            Some(weight) => weight >= 100.0,
            None => self.marker == '=',
        }
    }
}

/// Splits `=a ~b#feedback ~%50%c` into answers. `~=right`, which many banks write for the right answer,
/// is read as `=right`, as Moodle does.
fn split_answers(block: &str, markup: Markup) -> Vec<Answer> {
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
            '=' => match pieces.last_mut() {
                Some((marker @ '~', text)) if text.trim().is_empty() => {
                    *marker = '=';
                    text.clear();
                }
                _ => pieces.push(('=', String::new())),
            },
            '~' => pieces.push(('~', String::new())),
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
                matching: find_unescaped(text, "->").is_some(),
                text: gift_text(text, markup),
            }
        })
        .collect()
}

/// The byte offset of the first `needle` not preceded by a backslash escape.
fn find_unescaped(text: &str, needle: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    while let Some((index, character)) = chars.next() {
        if character == '\\' {
            // The escaped character may be any character, of any length in bytes.
            chars.next();
            continue;
        }
        if text[index..].starts_with(needle) {
            return Some(index);
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

/// Escapes a question's text (prompt, option, answer, feedback) for GIFT. Moodle reads GIFT text as
/// HTML, so `&`, `<` and `>` are written as entities (which also keeps `->` from making Moodle read a
/// matching question) and a leading `[` as `&#91;` (it would start a format marker); then the GIFT
/// characters are escaped.
pub fn escape_text(text: &str) -> String {
    let html = html_escape::encode_text(text);
    match html.strip_prefix('[') {
        Some(rest) => escape(&format!("&#91;{rest}")),
        None => escape(&html),
    }
}

/// Escapes text for GIFT: `~ = # { } : \` get a backslash and a line break becomes `\n`.
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
            body("Name {=Dr. Dre =Dre =%50%Andre =%0%Andre Young Jr}").unwrap(),
            Body::FreeText {
                answer: "Dr. Dre".into(),
                aliases: vec!["Dre".into()],
                kind: None,
                // Part credit asks for more; no credit is never accepted.
                prompt_on: vec!["Andre".into()],
                reject: vec!["Andre Young Jr".into()],
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
