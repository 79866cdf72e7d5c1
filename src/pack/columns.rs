//! The column layout packs have in CSV and TSV files (`pack export --to csv|tsv`, `pack import --from
//! csv|tsv`): one row per question, one column per field, lists in one cell separated by `|`.
//!
//! `docs/packs.md` documents the layout; [`question_to_row`] and [`row_to_question`] are inverses for
//! every valid question (a property test holds this).

use crate::question::{Body, Citation, Difficulty, PartialDate, Question, QuestionType};

/// The columns, in the order they are written. On import the header row names them, in any order and
/// any case; only `prompt` and `answer` (or `items` for order questions) are needed.
pub const COLUMNS: [&str; 22] = [
    "id",
    "type",
    "prompt",
    "answer",
    "options",
    "aliases",
    "prompt_on",
    "reject",
    "category",
    "difficulty",
    "explanation",
    "tolerance",
    "unit",
    "tolerance_days",
    "kind",
    "items",
    "keys",
    "direction",
    "quote",
    "sources",
    "tags",
    "time_limit",
];

/// Where each column is in a header row.
#[derive(Clone, Debug, Default)]
pub struct Header {
    positions: [Option<usize>; COLUMNS.len()],
}

impl Header {
    /// Reads a header row; returns it with the cells it does not know (position and text).
    pub fn read<'a>(cells: impl IntoIterator<Item = &'a str>) -> (Header, Vec<(usize, String)>) {
        let mut header = Header::default();
        let mut unknown = Vec::new();
        for (position, cell) in cells.into_iter().enumerate() {
            let name = cell
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            match COLUMNS.iter().position(|column| *column == name) {
                Some(slot) => header.positions[slot] = Some(position),
                None if name.is_empty() => {}
                None => unknown.push((position, cell.to_string())),
            }
        }
        (header, unknown)
    }

    /// Whether the header names the `prompt` column.
    pub fn has_prompt(&self) -> bool {
        self.positions[2].is_some()
    }
}

/// One row, as cells in [`COLUMNS`] order.
pub fn question_to_row(question: &Question) -> Vec<String> {
    let mut cells = vec![String::new(); COLUMNS.len()];
    let mut set = |column: &str, value: String| {
        let slot = COLUMNS.iter().position(|c| *c == column).expect("a column");
        cells[slot] = value;
    };
    set("id", question.id.clone());
    set("type", question.body.type_name().to_string());
    set("prompt", question.prompt.clone());
    set("category", question.category.clone());
    set("difficulty", question.difficulty.as_str().to_string());
    set("explanation", question.explanation.clone());
    set("sources", join(question.sources.iter().map(citation_cell)));
    set("tags", join(&question.tags));
    set(
        "time_limit",
        question
            .time_limit
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    match &question.body {
        Body::MultipleChoice {
            options,
            answer,
            aliases,
        } => {
            set("options", join(options));
            set("answer", options.get(*answer).cloned().unwrap_or_default());
            set("aliases", join(aliases));
        }
        Body::Quote {
            quote,
            options,
            answer,
            aliases,
        } => {
            set("quote", quote.clone());
            set("options", join(options));
            set("answer", options.get(*answer).cloned().unwrap_or_default());
            set("aliases", join(aliases));
        }
        Body::TrueFalse { answer } => set("answer", answer.to_string()),
        Body::Numeric {
            answer,
            tolerance,
            unit,
        } => {
            set("answer", answer.to_string());
            set("tolerance", tolerance.to_string());
            set("unit", unit.clone().unwrap_or_default());
        }
        Body::Date {
            answer,
            tolerance_days,
        } => {
            set("answer", answer.to_iso());
            set("tolerance_days", tolerance_days.to_string());
        }
        Body::FreeText {
            answer,
            aliases,
            kind,
            prompt_on,
            reject,
        } => {
            set("answer", answer.clone());
            set("aliases", join(aliases));
            set("prompt_on", join(prompt_on));
            set("reject", join(reject));
            set("kind", kind.clone().unwrap_or_default());
        }
        Body::SelectAll { options, answers } => {
            set("options", join(options));
            set(
                "answer",
                join(answers.iter().filter_map(|&index| options.get(index))),
            );
        }
        Body::Order {
            items,
            keys,
            direction,
        } => {
            set("items", join(items));
            set("keys", join(keys));
            set("direction", direction.clone().unwrap_or_default());
        }
    }
    cells
}

/// A question from a row, or why the row cannot be one. The id is left empty when the row has none
/// (the importer then derives one from the content).
pub fn row_to_question(header: &Header, row: &[&str]) -> Result<Question, (&'static str, String)> {
    let cell = |column: &str| -> &str {
        let slot = COLUMNS.iter().position(|c| *c == column).expect("a column");
        header.positions[slot]
            .and_then(|position| row.get(position))
            .copied()
            .unwrap_or("")
    };
    let text = |column: &str| cell(column).replace("\r\n", "\n");
    let optional = |column: &str| Some(text(column)).filter(|value| !value.trim().is_empty());
    let list = |column: &str| split(&text(column));
    let prompt = text("prompt");
    if prompt.trim().is_empty() {
        return Err(("no prompt", "the `prompt` cell is empty".to_string()));
    }
    let answer = text("answer");
    let kind = match optional("type") {
        Some(name) => QuestionType::parse(name.trim())
            .ok_or(("unknown question type", format!("`{name}`")))?,
        None => guess_type(&answer, &list("options"), &list("items")),
    };
    let number = |column: &str, value: &str| -> Result<f64, (&'static str, String)> {
        value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or(("not a number", format!("`{column}` is `{value}`")))
    };
    let pick = |options: &[String], wanted: &str| {
        options
            .iter()
            .position(|option| option == wanted)
            .or_else(|| {
                options
                    .iter()
                    .position(|option| super::check::same_text(option, wanted))
            })
            .ok_or((
                "answer not among the options",
                format!("`{wanted}` is not one of {}", join(options)),
            ))
    };
    let body = match kind {
        QuestionType::MultipleChoice | QuestionType::Quote => {
            let options = list("options");
            let index = pick(&options, &answer)?;
            if kind == QuestionType::Quote {
                let quote = optional("quote")
                    .ok_or(("no quote", "the `quote` cell is empty".to_string()))?;
                Body::Quote {
                    quote,
                    options,
                    answer: index,
                    aliases: list("aliases"),
                }
            } else {
                Body::MultipleChoice {
                    options,
                    answer: index,
                    aliases: list("aliases"),
                }
            }
        }
        QuestionType::TrueFalse => Body::TrueFalse {
            answer: parse_bool(&answer)
                .ok_or(("not true or false", format!("`answer` is `{answer}`")))?,
        },
        QuestionType::Numeric => Body::Numeric {
            answer: number("answer", &answer)?,
            tolerance: match optional("tolerance") {
                Some(value) => number("tolerance", &value)?,
                None => 0.0,
            },
            unit: optional("unit"),
        },
        QuestionType::Date => Body::Date {
            answer: PartialDate::parse_iso(&answer).ok_or((
                "not a date",
                format!("`answer` is `{answer}`, expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ))?,
            tolerance_days: match optional("tolerance_days") {
                Some(value) => value
                    .parse()
                    .map_err(|_| ("not a number", format!("`tolerance_days` is `{value}`")))?,
                None => 0,
            },
        },
        QuestionType::FreeText => Body::FreeText {
            answer,
            aliases: list("aliases"),
            kind: optional("kind"),
            prompt_on: list("prompt_on"),
            reject: list("reject"),
        },
        QuestionType::SelectAll => {
            let options = list("options");
            let mut answers = split(cell("answer"))
                .iter()
                .map(|wanted| pick(&options, wanted))
                .collect::<Result<Vec<usize>, _>>()?;
            answers.sort_unstable();
            answers.dedup();
            Body::SelectAll { options, answers }
        }
        QuestionType::Order => Body::Order {
            items: list("items"),
            keys: list("keys"),
            direction: optional("direction"),
        },
    };
    let difficulty = match optional("difficulty") {
        Some(name) => Difficulty::parse(&name).ok_or((
            "unknown difficulty",
            format!("`{name}`, expected easy, medium or hard"),
        ))?,
        None => Difficulty::Medium,
    };
    let time_limit = match optional("time_limit") {
        Some(value) => Some(
            value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|seconds| (1..=super::MAX_TIME_LIMIT).contains(seconds))
                .ok_or((
                    "unreadable time limit",
                    format!(
                        "`time_limit` is `{value}`, expected whole seconds from 1 to {}",
                        super::MAX_TIME_LIMIT
                    ),
                ))?,
        ),
        None => None,
    };
    Ok(Question {
        time_limit,
        id: text("id"),
        prompt,
        body,
        category: optional("category").unwrap_or_else(|| super::DEFAULT_CATEGORY.to_string()),
        difficulty,
        explanation: text("explanation"),
        sources: split(cell("sources"))
            .iter()
            .map(|cell| citation_from_cell(cell))
            .collect(),
        tags: list("tags"),
    })
}

/// The type of a row without a `type` cell: options make it multiple choice, items an order question,
/// `true`/`false` a true/false question, a number a numeric one; anything else is free text.
fn guess_type(answer: &str, options: &[String], items: &[String]) -> QuestionType {
    if !options.is_empty() {
        QuestionType::MultipleChoice
    } else if !items.is_empty() {
        QuestionType::Order
    } else if parse_bool(answer).is_some() {
        QuestionType::TrueFalse
    } else if answer.parse::<f64>().is_ok_and(f64::is_finite) {
        QuestionType::Numeric
    } else {
        QuestionType::FreeText
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "t" | "yes" => Some(true),
        "false" | "f" | "no" => Some(false),
        _ => None,
    }
}

/// A citation in one list item: the article, then ` ## ` and the evidence when there is some. A `#`
/// or `\` in the article is written `\#` or `\\`, so the first ` ## ` always ends it.
fn citation_cell(citation: &Citation) -> String {
    let mut cell = String::with_capacity(citation.article.len() + 4);
    for character in citation.article.chars() {
        if matches!(character, '#' | '\\') {
            cell.push('\\');
        }
        cell.push(character);
    }
    if let Some(evidence) = &citation.evidence {
        cell.push_str(" ## ");
        cell.push_str(evidence);
    }
    cell
}

/// Reads [`citation_cell`]'s item: the article up to the first ` ## ` (its `\#` and `\\` read as `#`
/// and `\`; any other backslash is kept), the evidence after it.
fn citation_from_cell(cell: &str) -> Citation {
    let mut article = String::with_capacity(cell.len());
    let mut rest = cell;
    loop {
        if let Some(evidence) = rest.strip_prefix(" ## ") {
            return Citation {
                article,
                evidence: Some(evidence.to_string()),
            };
        }
        let mut chars = rest.chars();
        match chars.next() {
            None => {
                return Citation {
                    article,
                    evidence: None,
                };
            }
            Some('\\') if chars.as_str().starts_with(['#', '\\']) => {
                let escaped = chars.next().expect("checked above");
                article.push(escaped);
            }
            Some(character) => article.push(character),
        }
        rest = chars.as_str();
    }
}

/// Joins list items with ` | `, writing a `|` or `\` inside an item as `\|` or `\\`.
pub fn join<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut cell = String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            cell.push_str(" | ");
        }
        for character in item.as_ref().chars() {
            if matches!(character, '|' | '\\') {
                cell.push('\\');
            }
            cell.push(character);
        }
    }
    cell
}

/// Splits a list cell at each `|` not escaped by a backslash; one space on each side of a `|` belongs to
/// the separator (`a|b` and `a | b` are the same list, and [`join`]'s output comes back exactly). A blank
/// cell is an empty list.
pub fn split(cell: &str) -> Vec<String> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    let mut items = vec![String::new()];
    let mut chars = cell.chars();
    while let Some(character) = chars.next() {
        match character {
            '\\' => match chars.next() {
                Some(next @ ('|' | '\\')) => items.last_mut().expect("one item").push(next),
                Some(next) => {
                    let item = items.last_mut().expect("one item");
                    item.push('\\');
                    item.push(next);
                }
                None => items.last_mut().expect("one item").push('\\'),
            },
            '|' => items.push(String::new()),
            other => items.last_mut().expect("one item").push(other),
        }
    }
    let last = items.len() - 1;
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let item = if index > 0 {
                item.strip_prefix(' ').unwrap_or(&item)
            } else {
                &item
            };
            let item = if index < last {
                item.strip_suffix(' ').unwrap_or(item)
            } else {
                item
            };
            item.to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_whose_article_holds_the_separator_comes_back_whole() {
        for (article, evidence) in [
            ("a ##", Some("A")),
            ("notes ## draft", Some("## heading")),
            ("back\\slash #1", None),
            ("003_article.txt", Some("as the article says")),
        ] {
            let citation = Citation {
                article: article.to_string(),
                evidence: evidence.map(str::to_string),
            };
            let cell = super::citation_cell(&citation);
            assert_eq!(super::citation_from_cell(&cell), citation, "{cell}");
        }
        // A hand-written cell without escapes reads as before.
        assert_eq!(
            super::citation_from_cell("003.txt ## the evidence"),
            Citation {
                article: "003.txt".to_string(),
                evidence: Some("the evidence".to_string()),
            }
        );
    }

    #[test]
    fn lists_round_trip_with_bars_and_backslashes() {
        let items = vec!["a|b ".to_string(), " c\\".to_string(), "d".to_string()];
        assert_eq!(split(&join(&items)), items);
        assert_eq!(split("x | y"), vec!["x", "y"]);
        assert_eq!(split("x|y"), vec!["x", "y"]);
        assert!(split("  ").is_empty());
    }
}
