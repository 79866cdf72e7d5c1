//! Reads a pack from TOML in one walk over the parsed document, reporting every problem at its
//! `file:line:column` and building [`Question`]s only from questions without problems.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::check::{self, Lines, OPTION_COUNT};
use super::{DEFAULT_CATEGORY, FastMap, Pack, PackMeta};
use crate::question::{Body, Citation, Difficulty, PartialDate, Question, QuestionType};
use crate::tomldoc::{
    self, Diagnostics, SourceFile, TableReader, closest, number_value, type_name,
};

/// What one file yielded: the pack if it had no problem, and the ids it declares, for the checks across
/// files.
pub(crate) struct LoadedFile {
    pub pack: Option<Pack>,
    /// The `[pack]` id and the offset of its value.
    pub pack_id: Option<(String, usize)>,
    /// Offsets of the question ids: of `pack.questions` when the pack loaded, else of `other_ids`.
    id_offsets: Vec<usize>,
    other_ids: Vec<String>,
}

impl LoadedFile {
    /// How many question ids the file declares.
    pub fn id_count(&self) -> usize {
        self.id_offsets.len()
    }

    /// Question ids with the byte offsets of their values.
    pub fn ids(&self) -> Vec<(&str, usize)> {
        let offsets = self.id_offsets.iter().copied();
        match &self.pack {
            Some(pack) => pack
                .questions
                .iter()
                .map(|question| question.id.as_str())
                .zip(offsets)
                .collect(),
            None => self
                .other_ids
                .iter()
                .map(String::as_str)
                .zip(offsets)
                .collect(),
        }
    }
}

/// Reads one pack file, adding every problem found to `diagnostics`; returns the pack only when the file
/// has none.
pub fn load_source(source: &SourceFile, diagnostics: &mut Diagnostics) -> Option<Pack> {
    load_file(source, diagnostics).pack
}

pub(crate) fn load_file(source: &SourceFile, diagnostics: &mut Diagnostics) -> LoadedFile {
    load_file_with(source, diagnostics, PARALLEL_FROM_BYTES, parsing_threads())
}

/// Files at least this large are parsed in parts, on as many threads as there are cores.
pub(crate) const PARALLEL_FROM_BYTES: usize = 4 * 1024 * 1024;

/// How many threads parse a large file: one per core, at most 8.
fn parsing_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8)
}

/// [`load_file`], reading a file of `parallel_from` bytes or more in parts on `threads` threads when
/// it splits cleanly (one thread reads it whole).
pub(crate) fn load_file_with(
    source: &SourceFile,
    diagnostics: &mut Diagnostics,
    parallel_from: usize,
    threads: usize,
) -> LoadedFile {
    if source.text.len() >= parallel_from
        && let Some(loaded) = load_in_parts(source, diagnostics, threads)
    {
        return loaded;
    }
    load_whole(source, diagnostics)
}

/// Reads a large file in parts, one per core, split at `[[question]]` header lines: questions are
/// independent tables, so each part is a TOML document of its own, and parsing (most of the time spent
/// on a big pack) runs in parallel. Returns `None`, having reported nothing, when the file does not split
/// cleanly: a syntax error anywhere (a header line inside a multi-line string leaves a part with an
/// unclosed string), `[pack]` after the first question, or any other top-level key; the caller then reads
/// the whole file, which reports every problem exactly as usual.
fn load_in_parts(
    source: &SourceFile,
    diagnostics: &mut Diagnostics,
    threads: usize,
) -> Option<LoadedFile> {
    if threads < 2 {
        return None;
    }
    let text = source.text.as_str();
    let headers = question_headers(text);
    let first = *headers.first()?;
    let mut bounds = vec![first];
    for share in 1..threads {
        let wanted = text.len() * share / threads;
        let last = *bounds.last().expect("bounds start with the first header");
        if let Some(&at) = headers.iter().find(|&&at| at >= wanted && at > last) {
            bounds.push(at);
        }
    }
    bounds.push(text.len());

    let head = SourceFile::part(source.name.clone(), &text[..first], 0);
    let mut head_diagnostics = Diagnostics::default();
    let head_document = head.parse(&mut head_diagnostics)?;
    let (mut meta, mut pack_id, mut saw_pack) = (None, None, false);
    for (key, value) in head_document.get_ref().iter() {
        if key.get_ref().as_ref() != "pack" {
            return None;
        }
        let table = tomldoc::sub_table(&head, value, "[pack]")?;
        saw_pack = true;
        meta = read_meta(&table, &mut head_diagnostics);
        if let Some(id) = table.get("id")
            && let DeValue::String(text) = id.get_ref()
        {
            pack_id = Some((text.to_string(), id.span().start));
        }
    }

    let parts: Vec<Option<Part>> = std::thread::scope(|scope| {
        let workers: Vec<_> = bounds
            .windows(2)
            .map(|range| {
                let (start, end) = (range[0], range[1]);
                let name = source.name.as_str();
                scope.spawn(move || read_part(name, text, start..end))
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().ok().flatten())
            .collect()
    });
    let parts: Vec<Part> = parts.into_iter().collect::<Option<_>>()?;

    let before = diagnostics.len();
    diagnostics.items.append(&mut head_diagnostics.items);
    let count = parts.iter().map(|part| part.ids.len()).sum();
    let mut questions = Vec::with_capacity(count);
    let mut ids = Vec::with_capacity(count);
    for part in parts {
        questions.extend(part.questions);
        ids.extend(part.ids);
        diagnostics.items.extend(part.diagnostics);
    }
    Some(finish(
        source,
        diagnostics,
        before,
        (meta, pack_id),
        questions,
        ids,
        saw_pack,
        true,
    ))
}

/// Byte offsets of the lines that are exactly `[[question]]` (trailing white space allowed).
fn question_headers(text: &str) -> Vec<usize> {
    const HEADER: &str = "[[question]]";
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(HEADER) && line[HEADER.len()..].trim().is_empty() {
            found.push(line_start);
        }
        line_start += line.len();
    }
    found
}

/// The questions of one part of a file, with ids and problems placed in the whole file.
struct Part {
    questions: Vec<Question>,
    ids: Vec<(String, usize)>,
    diagnostics: Vec<crate::tomldoc::Diagnostic>,
}

/// Reads `text[range]`, a run of `[[question]]` tables; `None` when it is not one (see
/// [`load_in_parts`]).
fn read_part(name: &str, text: &str, range: Range<usize>) -> Option<Part> {
    let line_base = text[..range.start].matches('\n').count();
    let part = SourceFile::part(name, &text[range.clone()], line_base);
    let mut diagnostics = Diagnostics::default();
    let document = part.parse(&mut diagnostics)?;
    let mut questions = Vec::new();
    let mut ids = Vec::new();
    let mut reader = Reader {
        source: &part,
        diagnostics: &mut diagnostics,
    };
    for (key, value) in document.get_ref().iter() {
        let DeValue::Array(tables) = value.get_ref() else {
            return None;
        };
        if key.get_ref().as_ref() != "question" {
            return None;
        }
        for table in tables.iter() {
            let DeValue::Table(fields) = table.get_ref() else {
                return None;
            };
            let (question, id) = reader.question(fields, table.span());
            questions.extend(question);
            if let Some((id, offset)) = id {
                ids.push((id.to_string(), range.start + offset));
            }
        }
    }
    Some(Part {
        questions,
        ids,
        diagnostics: diagnostics.items,
    })
}

/// Reads a whole file in one parse.
fn load_whole(source: &SourceFile, diagnostics: &mut Diagnostics) -> LoadedFile {
    let before = diagnostics.len();
    let mut loaded = LoadedFile {
        pack: None,
        pack_id: None,
        id_offsets: Vec::new(),
        other_ids: Vec::new(),
    };
    let Some(document) = source.parse(diagnostics) else {
        return load_after_syntax_error(source, diagnostics, before);
    };
    let mut reader = Reader {
        source,
        diagnostics,
    };
    let mut meta = None;
    let mut questions = Vec::new();
    let mut ids: Vec<(&str, usize)> = Vec::new();
    let mut saw_pack = false;
    let mut saw_questions = false;
    for (key, value) in document.get_ref().iter() {
        match key.get_ref().as_ref() {
            "pack" => {
                saw_pack = true;
                match tomldoc::sub_table(source, value, "[pack]") {
                    Some(table) => {
                        meta = read_meta(&table, reader.diagnostics);
                        if let Some(id) = table.get("id")
                            && let DeValue::String(text) = id.get_ref()
                        {
                            loaded.pack_id = Some((text.to_string(), id.span().start));
                        }
                    }
                    None => reader.error(
                        value.span(),
                        format!(
                            "`pack` must be a table (`[pack]` with `id` and `title`), found {}",
                            type_name(value.get_ref())
                        ),
                    ),
                }
            }
            "question" => {
                saw_questions = true;
                let tables: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
                    DeValue::Array(items) => items.iter().collect(),
                    DeValue::Table(_) => vec![value],
                    other => {
                        reader.error(
                            value.span(),
                            format!(
                                "`question` must be tables (`[[question]]`), found {}",
                                type_name(other)
                            ),
                        );
                        Vec::new()
                    }
                };
                questions.reserve(tables.len());
                ids.reserve(tables.len());
                for table in tables {
                    match table.get_ref() {
                        DeValue::Table(fields) => {
                            let (question, id) = reader.question(fields, table.span());
                            if let Some(question) = question {
                                questions.push(question);
                            }
                            if let Some(id) = id {
                                ids.push(id);
                            }
                        }
                        other => reader.error(
                            table.span(),
                            format!(
                                "`question` must list tables (`[[question]]`), found {}",
                                type_name(other)
                            ),
                        ),
                    }
                }
            }
            other => {
                let near = closest(other, &["pack", "question"])
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                reader.error(
                    key.span(),
                    format!(
                        "unknown field `{other}`{near}, expected `[pack]` or `[[question]]` tables"
                    ),
                );
            }
        }
    }
    finish(
        source,
        diagnostics,
        before,
        (meta, loaded.pack_id),
        questions,
        ids,
        saw_pack,
        saw_questions,
    )
}

/// Reads what can still be read of a file with a syntax error, so one run shows every problem: the file
/// is cut at its `[[question]]` lines and each part that parses on its own (the `[pack]` table before the
/// first question, every question table after a broken one) is checked as usual. The syntax errors
/// themselves were reported by the whole-file parse; a part that holds one is left out.
fn load_after_syntax_error(
    source: &SourceFile,
    diagnostics: &mut Diagnostics,
    before: usize,
) -> LoadedFile {
    let text = source.text.as_str();
    let headers = question_headers(text);
    let first = headers.first().copied().unwrap_or(text.len());
    let head = SourceFile::part(source.name.clone(), &text[..first], 0);
    let mut head_diagnostics = Diagnostics::default();
    let mut pack_id = None;
    if let Some(document) = head.parse(&mut head_diagnostics) {
        for (key, value) in document.get_ref().iter() {
            if key.get_ref().as_ref() != "pack" {
                let near = closest(key.get_ref(), &["pack", "question"])
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                head_diagnostics.at(
                    &head,
                    key.span(),
                    format!(
                        "unknown field `{}`{near}, expected `[pack]` or `[[question]]` tables",
                        key.get_ref()
                    ),
                );
                continue;
            }
            if let Some(table) = tomldoc::sub_table(&head, value, "[pack]") {
                read_meta(&table, &mut head_diagnostics);
                if let Some(id) = table.get("id")
                    && let DeValue::String(text) = id.get_ref()
                {
                    pack_id = Some((text.to_string(), id.span().start));
                }
            }
        }
        diagnostics.items.append(&mut head_diagnostics.items);
    }
    let mut ids = Vec::new();
    let mut bounds = headers;
    bounds.push(text.len());
    for range in bounds.windows(2) {
        if let Some(part) = read_part(&source.name, text, range[0]..range[1]) {
            diagnostics.items.extend(part.diagnostics);
            ids.extend(part.ids);
        }
    }
    finish(
        source,
        diagnostics,
        before,
        (None, pack_id),
        Vec::new(),
        ids,
        true,
        true,
    )
}

/// The checks that need the whole file (a `[pack]`, some questions, no id twice) and the result.
#[allow(clippy::too_many_arguments)]
fn finish<S: AsRef<str>>(
    source: &SourceFile,
    diagnostics: &mut Diagnostics,
    before: usize,
    (meta, pack_id): (Option<PackMeta>, Option<(String, usize)>),
    questions: Vec<Question>,
    ids: Vec<(S, usize)>,
    saw_pack: bool,
    saw_questions: bool,
) -> LoadedFile {
    let mut loaded = LoadedFile {
        pack: None,
        pack_id,
        id_offsets: Vec::new(),
        other_ids: Vec::new(),
    };
    let mut reader = Reader {
        source,
        diagnostics,
    };
    if !saw_pack {
        reader.error(
            0..0,
            "missing table `[pack]`: a pack starts with `[pack]` and its `id` and `title`",
        );
    }
    if !saw_questions {
        reader.error(
            0..0,
            "the pack has no questions: add `[[question]]` tables (see `trivia pack new`)",
        );
    }
    let mut first_use: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(ids.len(), Default::default());
    let mut duplicates = Vec::new();
    for (id, offset) in &ids {
        let id = id.as_ref();
        if let Some(&first) = first_use.get(id) {
            duplicates.push((id, *offset, first));
        } else {
            first_use.insert(id, *offset);
        }
    }
    drop(first_use);
    for (id, offset, first) in duplicates {
        let (line, column) = source.line_column(first);
        reader.error(
            offset..offset,
            format!("duplicate question id `{id}`, first used at line {line}, column {column}"),
        );
    }
    loaded.id_offsets = ids.iter().map(|(_, offset)| *offset).collect();
    if diagnostics.len() == before
        && let Some(meta) = meta
    {
        let mut questions = questions;
        for question in &mut questions {
            question.time_limit = question.time_limit.or(meta.time_limit);
        }
        loaded.pack = Some(Pack { meta, questions });
    } else {
        loaded.other_ids = ids.iter().map(|(id, _)| id.as_ref().to_string()).collect();
    }
    loaded
}

/// The fields of `[pack]`.
const META_FIELDS: [&str; 8] = [
    "id",
    "title",
    "author",
    "description",
    "version",
    "language",
    "license",
    "time_limit",
];

/// The most seconds a `time_limit` may give: an hour.
pub const MAX_TIME_LIMIT: u32 = 3600;

/// Checks a `time_limit` value: whole seconds from 1 to an hour.
fn time_limit_problem(value: Option<i64>) -> Result<u32, String> {
    match value {
        None => Err("must be a whole number of seconds, like 20".to_string()),
        Some(seconds) if seconds < 1 => Err(format!("must be at least 1 second, found {seconds}")),
        Some(seconds) if seconds > i64::from(MAX_TIME_LIMIT) => Err(format!(
            "must be at most {MAX_TIME_LIMIT} seconds (an hour), found {seconds}"
        )),
        Some(seconds) => Ok(seconds as u32),
    }
}

fn read_meta(table: &TableReader<'_, '_>, diagnostics: &mut Diagnostics) -> Option<PackMeta> {
    let before = diagnostics.len();
    table.deny_unknown(&META_FIELDS, diagnostics);
    let mut text = |key: &str, required: bool, lines: Lines| -> Option<String> {
        let value = if required {
            table.required_string(key, diagnostics)?
        } else {
            table.string(key, diagnostics)?
        };
        let span = value.span();
        let value = normalize_newlines(value.into_inner(), lines);
        match check::text_problem(&value, lines) {
            Some(problem) => {
                diagnostics.at(
                    table.source,
                    span,
                    format!("field `{key}` in [pack] {problem}"),
                );
                None
            }
            None => Some(value),
        }
    };
    let id = text("id", true, Lines::One);
    let title = text("title", true, Lines::One);
    let author = text("author", false, Lines::One);
    let description = text("description", false, Lines::Many);
    let version = text("version", false, Lines::One);
    let language = text("language", false, Lines::One);
    let license = text("license", false, Lines::One);
    let time_limit = table.get("time_limit").and_then(|value| {
        time_limit_problem(tomldoc::integer_value(value.get_ref()))
            .map_err(|problem| {
                diagnostics.at(
                    table.source,
                    value.span(),
                    format!("field `time_limit` in [pack] {problem}"),
                )
            })
            .ok()
    });
    if let Some(id) = &id
        && let Some(problem) = check::id_problem(id)
        && let Some(value) = table.get("id")
    {
        diagnostics.at(
            table.source,
            value.span(),
            format!("field `id` in [pack] {problem}"),
        );
    }
    if diagnostics.len() > before {
        return None;
    }
    Some(PackMeta {
        id: id?,
        title: title?,
        author,
        description,
        version,
        language,
        license,
        time_limit,
    })
}

/// Replaces CRLF line ends (kept by TOML in multi-line strings from Windows editors) with LF.
fn normalize_newlines(text: String, lines: Lines) -> String {
    if lines == Lines::Many && text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

// The fields a question may have; an index into `FIELDS` names a slot.
const ID: usize = 0;
const TYPE: usize = 1;
const PROMPT: usize = 2;
const CATEGORY: usize = 3;
const DIFFICULTY: usize = 4;
const EXPLANATION: usize = 5;
const SOURCE: usize = 6;
const SOURCES: usize = 7;
const TAGS: usize = 8;
const OPTIONS: usize = 9;
const ANSWER: usize = 10;
const ANSWERS: usize = 11;
const ALIASES: usize = 12;
const TOLERANCE: usize = 13;
const UNIT: usize = 14;
const TOLERANCE_DAYS: usize = 15;
const KIND: usize = 16;
const ITEMS: usize = 17;
const KEYS: usize = 18;
const DIRECTION: usize = 19;
const QUOTE: usize = 20;
const TIME_LIMIT: usize = 21;
const FACTS: usize = 22;
const ACCEPT: usize = 23;
const PROMPT_ON: usize = 24;
const REJECT: usize = 25;
const FIELD_COUNT: usize = 26;

/// Field names, by slot.
const FIELDS: [&str; FIELD_COUNT] = [
    "id",
    "type",
    "prompt",
    "category",
    "difficulty",
    "explanation",
    "source",
    "sources",
    "tags",
    "options",
    "answer",
    "answers",
    "aliases",
    "tolerance",
    "unit",
    "tolerance_days",
    "kind",
    "items",
    "keys",
    "direction",
    "quote",
    "time_limit",
    "facts",
    "accept",
    "prompt_on",
    "reject",
];

/// Fields every question type accepts.
const COMMON: [usize; 11] = [
    ID,
    TYPE,
    PROMPT,
    CATEGORY,
    DIFFICULTY,
    EXPLANATION,
    SOURCE,
    SOURCES,
    TAGS,
    TIME_LIMIT,
    FACTS,
];

fn slot(name: &str) -> Option<usize> {
    Some(match name {
        "id" => ID,
        "type" => TYPE,
        "prompt" => PROMPT,
        "category" => CATEGORY,
        "difficulty" => DIFFICULTY,
        "explanation" => EXPLANATION,
        "source" => SOURCE,
        "sources" => SOURCES,
        "tags" => TAGS,
        "options" => OPTIONS,
        "answer" => ANSWER,
        "answers" => ANSWERS,
        "aliases" => ALIASES,
        "tolerance" => TOLERANCE,
        "unit" => UNIT,
        "tolerance_days" => TOLERANCE_DAYS,
        "kind" => KIND,
        "items" => ITEMS,
        "keys" => KEYS,
        "direction" => DIRECTION,
        "quote" => QUOTE,
        "time_limit" => TIME_LIMIT,
        "facts" => FACTS,
        "accept" => ACCEPT,
        "prompt_on" => PROMPT_ON,
        "reject" => REJECT,
        _ => return None,
    })
}

/// The fields a question type accepts besides the common ones.
fn type_fields(kind: QuestionType) -> &'static [usize] {
    match kind {
        QuestionType::MultipleChoice => &[OPTIONS, ANSWER, ALIASES],
        QuestionType::TrueFalse => &[ANSWER],
        QuestionType::Numeric => &[ANSWER, TOLERANCE, UNIT],
        QuestionType::Date => &[ANSWER, TOLERANCE_DAYS],
        QuestionType::FreeText => &[ANSWER, ALIASES, ACCEPT, PROMPT_ON, REJECT, KIND],
        QuestionType::SelectAll => &[OPTIONS, ANSWERS],
        QuestionType::Order => &[ITEMS, KEYS, DIRECTION],
        QuestionType::Quote => &[QUOTE, OPTIONS, ANSWER, ALIASES],
    }
}

/// The names of the fields a type accepts (every field when the type is unknown), for messages.
fn accepted_fields(kind: Option<QuestionType>) -> String {
    let slots: Vec<usize> = match kind {
        Some(kind) => COMMON.iter().chain(type_fields(kind)).copied().collect(),
        None => (0..FIELD_COUNT).collect(),
    };
    slots
        .iter()
        .map(|&slot| format!("`{}`", FIELDS[slot]))
        .collect::<Vec<_>>()
        .join(", ")
}

type Value<'a, 'i> = &'a Spanned<DeValue<'i>>;

/// Reads values and records problems for one file.
struct Reader<'s, 'd> {
    source: &'s SourceFile,
    diagnostics: &'d mut Diagnostics,
}

impl Reader<'_, '_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.diagnostics.at(self.source, span, message);
    }

    fn wrong_type(&mut self, name: &str, value: Value<'_, '_>, expected: &str) {
        self.error(
            value.span(),
            format!(
                "field `{name}` must be {expected}, found {}",
                type_name(value.get_ref())
            ),
        );
    }

    fn text_problem(&mut self, name: &str, span: Range<usize>, text: &str, lines: Lines) -> bool {
        match check::text_problem(text, lines) {
            Some(problem) => {
                self.error(span, format!("field `{name}` {problem}"));
                true
            }
            None => false,
        }
    }

    /// A text field, checked for emptiness and control characters.
    fn text(&mut self, name: &str, value: Value<'_, '_>, lines: Lines) -> Option<String> {
        let DeValue::String(text) = value.get_ref() else {
            self.wrong_type(name, value, "a string");
            return None;
        };
        let text = normalize_newlines(text.to_string(), lines);
        if self.text_problem(name, value.span(), &text, lines) {
            return None;
        }
        Some(text)
    }

    /// A list of texts (a lone string counts as a list of one), each checked.
    fn texts(&mut self, name: &str, value: Value<'_, '_>, lines: Lines) -> Option<Vec<String>> {
        match value.get_ref() {
            DeValue::String(_) => self.text(name, value, lines).map(|text| vec![text]),
            DeValue::Array(items) => {
                let mut texts = Vec::with_capacity(items.len());
                let mut fine = true;
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(text) => {
                            let text = normalize_newlines(text.to_string(), lines);
                            if self.text_problem(name, item.span(), &text, lines) {
                                fine = false;
                            }
                            texts.push(text);
                        }
                        other => {
                            fine = false;
                            self.error(
                                item.span(),
                                format!(
                                    "field `{name}` must list strings, found {}",
                                    type_name(other)
                                ),
                            );
                        }
                    }
                }
                fine.then_some(texts)
            }
            _ => {
                self.wrong_type(name, value, "an array of strings");
                None
            }
        }
    }

    fn number(&mut self, name: &str, value: Value<'_, '_>) -> Option<f64> {
        match number_value(value.get_ref()) {
            Some(number) if number.is_finite() => Some(number),
            Some(_) => {
                self.error(
                    value.span(),
                    format!("field `{name}` must be a finite number"),
                );
                None
            }
            None => {
                self.wrong_type(name, value, "a number");
                None
            }
        }
    }

    /// Reads one `[[question]]` table. Returns the question when it has no problem, and its id (with the
    /// offset of the id's value) when it has a usable one.
    fn question<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        header: Range<usize>,
    ) -> (Option<Question>, Option<(&'a str, usize)>) {
        let before = self.diagnostics.len();
        let mut slots: [Option<Value<'a, 'i>>; FIELD_COUNT] = [None; FIELD_COUNT];
        let mut unknown = Vec::new();
        for (key, value) in table.iter() {
            match slot(key.get_ref()) {
                Some(index) => slots[index] = Some(value),
                None => unknown.push(key),
            }
        }

        let id: Option<(&'a str, usize)> = match slots[ID] {
            Some(value) => match value.get_ref() {
                DeValue::String(text) => {
                    let text: &'a str = text.as_ref();
                    let problem = check::text_problem(text, Lines::One)
                        .map(|problem| problem.to_string())
                        .or_else(|| check::id_problem(text));
                    match problem {
                        Some(problem) => {
                            self.error(value.span(), format!("field `id` {problem}"));
                            None
                        }
                        None => Some((text, value.span().start)),
                    }
                }
                _ => {
                    self.wrong_type("id", value, "a string");
                    None
                }
            },
            None => {
                self.error(
                    header.clone(),
                    "missing field `id` in question: every question needs a unique `id`",
                );
                None
            }
        };
        let kind = match slots[TYPE] {
            Some(value) => match value.get_ref() {
                DeValue::String(name) => {
                    let kind = QuestionType::parse(name);
                    if kind.is_none() {
                        let names: Vec<&str> =
                            QuestionType::ALL.iter().map(|kind| kind.as_str()).collect();
                        let near = closest(name, &names)
                            .map(|near| format!(" (did you mean `{near}`?)"))
                            .unwrap_or_default();
                        self.error(
                            value.span(),
                            format!(
                                "unknown question type `{name}`{near}, expected one of {}",
                                names
                                    .iter()
                                    .map(|name| format!("`{name}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                    kind
                }
                _ => {
                    self.wrong_type("type", value, "a string naming the question type");
                    None
                }
            },
            None => {
                self.error(
                    header.clone(),
                    "missing field `type` in question: expected one of `multiple_choice`, `true_false`, \
                     `numeric`, `date`, `free_text`, `select_all`, `order`, `quote`",
                );
                None
            }
        };

        // Fields this type does not take, and fields no type takes.
        if let Some(kind) = kind {
            let specific = type_fields(kind);
            for (index, value) in slots.iter().enumerate() {
                if value.is_some()
                    && !COMMON.contains(&index)
                    && !specific.contains(&index)
                    && let Some((key, _)) = table.get_key_value(FIELDS[index])
                {
                    self.unknown_field(key, Some(kind));
                }
            }
        }
        for key in unknown {
            self.unknown_field(key, kind);
        }

        let prompt = match slots[PROMPT] {
            Some(value) => self.text("prompt", value, Lines::Many),
            None => {
                self.error(
                    header.clone(),
                    "missing field `prompt` in question: expected the question text",
                );
                None
            }
        };
        let category = match slots[CATEGORY] {
            Some(value) => self.text("category", value, Lines::One),
            None => Some(DEFAULT_CATEGORY.to_string()),
        };
        let difficulty = match slots[DIFFICULTY] {
            Some(value) => match value.get_ref() {
                DeValue::String(name) => {
                    let difficulty = Difficulty::parse(name);
                    if difficulty.is_none() {
                        self.error(
                            value.span(),
                            format!(
                                "field `difficulty` must be `easy`, `medium` or `hard`, found `{name}`"
                            ),
                        );
                    }
                    difficulty
                }
                _ => {
                    self.wrong_type("difficulty", value, "`easy`, `medium` or `hard`");
                    None
                }
            },
            None => Some(Difficulty::Medium),
        };
        let explanation = match slots[EXPLANATION] {
            Some(value) => self.text("explanation", value, Lines::Many),
            None => Some(String::new()),
        };
        let sources = self.sources(slots[SOURCE], slots[SOURCES]);
        let tags = match slots[TAGS] {
            Some(value) => self.texts("tags", value, Lines::One),
            None => Some(Vec::new()),
        };
        // The facts a question rests on (fact ids of the fact base), kept as `fact:` tags so a game
        // never asks two questions about the same fact.
        let tags = match (tags, slots[FACTS]) {
            (Some(mut tags), Some(value)) => self.texts("facts", value, Lines::One).map(|facts| {
                for fact in facts {
                    let tag = format!("{}{fact}", crate::question::FACT_TAG);
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
                tags
            }),
            (tags, _) => tags,
        };
        let time_limit = match slots[TIME_LIMIT] {
            Some(value) => match time_limit_problem(tomldoc::integer_value(value.get_ref())) {
                Ok(seconds) => Some(Some(seconds)),
                Err(problem) => {
                    self.error(value.span(), format!("field `time_limit` {problem}"));
                    None
                }
            },
            None => Some(None),
        };
        let body = kind.and_then(|kind| self.body(kind, &slots, header));

        let question_id = id.map(|(id, _)| id.to_string());
        if self.diagnostics.len() > before {
            return (None, id);
        }
        let question = (|| {
            Some(Question {
                id: question_id?,
                prompt: prompt?,
                body: body?,
                category: category?,
                difficulty: difficulty?,
                explanation: explanation?,
                sources: sources?,
                tags: tags?,
                time_limit: time_limit?,
            })
        })();
        (question, id)
    }

    fn unknown_field(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        kind: Option<QuestionType>,
    ) {
        let name: &str = key.get_ref();
        let accepted: Vec<&str> = match kind {
            Some(kind) => COMMON
                .iter()
                .chain(type_fields(kind))
                .map(|&slot| FIELDS[slot])
                .collect(),
            None => FIELDS.to_vec(),
        };
        let near = closest(name, &accepted)
            .map(|near| format!(" (did you mean `{near}`?)"))
            .unwrap_or_default();
        let of = match kind {
            Some(kind) => format!(" for a {kind} question"),
            None => String::new(),
        };
        self.error(
            key.span(),
            format!(
                "unknown field `{name}`{near}, expected one of {}{of}",
                accepted_fields(kind)
            ),
        );
    }

    /// `source = "..."` or `sources = [{ article, evidence }]`.
    fn sources(
        &mut self,
        single: Option<Value<'_, '_>>,
        list: Option<Value<'_, '_>>,
    ) -> Option<Vec<Citation>> {
        match (single, list) {
            (None, None) => Some(Vec::new()),
            (Some(_), Some(list)) => {
                self.error(
                    list.span(),
                    "use either `source` (one citation) or `sources` (a list), not both",
                );
                None
            }
            (Some(single), None) => {
                let article = self.text("source", single, Lines::One)?;
                Some(vec![Citation {
                    article,
                    evidence: None,
                }])
            }
            (None, Some(list)) => {
                let items: Vec<Value<'_, '_>> = match list.get_ref() {
                    DeValue::Array(items) => items.iter().collect(),
                    DeValue::Table(_) => vec![list],
                    DeValue::String(_) => {
                        let article = self.text("sources", list, Lines::One)?;
                        return Some(vec![Citation {
                            article,
                            evidence: None,
                        }]);
                    }
                    _ => {
                        self.wrong_type(
                            "sources",
                            list,
                            "a list of tables: `[{ article = \"...\", evidence = \"...\" }]`",
                        );
                        return None;
                    }
                };
                let mut citations = Vec::with_capacity(items.len());
                let mut fine = true;
                for item in items {
                    match self.citation(item) {
                        Some(citation) => citations.push(citation),
                        None => fine = false,
                    }
                }
                fine.then_some(citations)
            }
        }
    }

    fn citation(&mut self, item: Value<'_, '_>) -> Option<Citation> {
        let table = match item.get_ref() {
            DeValue::Table(_) => tomldoc::sub_table(self.source, item, "source")?,
            DeValue::String(_) => {
                return self
                    .text("sources", item, Lines::One)
                    .map(|article| Citation {
                        article,
                        evidence: None,
                    });
            }
            other => {
                self.error(
                    item.span(),
                    format!(
                        "field `sources` must list tables `{{ article = \"...\", evidence = \"...\" }}`, found {}",
                        type_name(other)
                    ),
                );
                return None;
            }
        };
        let before = self.diagnostics.len();
        table.deny_unknown(&["article", "evidence"], self.diagnostics);
        let article = match table.get("article") {
            Some(value) => self.text("article", value, Lines::One),
            None => {
                table.missing(
                    "article",
                    "the article's file name or another source",
                    self.diagnostics,
                );
                None
            }
        };
        let evidence = match table.get("evidence") {
            Some(value) => self.text("evidence", value, Lines::Many).map(Some),
            None => Some(None),
        };
        if self.diagnostics.len() > before {
            return None;
        }
        Some(Citation {
            article: article?,
            evidence: evidence?,
        })
    }

    fn require<'a, 'i>(
        &mut self,
        slots: &[Option<Value<'a, 'i>>; FIELD_COUNT],
        index: usize,
        kind: QuestionType,
        header: &Range<usize>,
        expected: &str,
    ) -> Option<Value<'a, 'i>> {
        if slots[index].is_none() {
            self.error(
                header.clone(),
                format!(
                    "missing field `{}` in {kind} question: expected {expected}",
                    FIELDS[index]
                ),
            );
        }
        slots[index]
    }

    /// The type-specific part of a question.
    fn body(
        &mut self,
        kind: QuestionType,
        slots: &[Option<Value<'_, '_>>; FIELD_COUNT],
        header: Range<usize>,
    ) -> Option<Body> {
        match kind {
            QuestionType::MultipleChoice | QuestionType::Quote => {
                let quote = if kind == QuestionType::Quote {
                    let value = self.require(slots, QUOTE, kind, &header, "the quoted words");
                    value.and_then(|value| self.text("quote", value, Lines::Many))
                } else {
                    None
                };
                let options =
                    self.require(slots, OPTIONS, kind, &header, "a list of 2 to 6 options");
                let answer =
                    self.require(slots, ANSWER, kind, &header, "the text of the right option");
                let (options, answer, aliases) =
                    self.choices(kind, options, answer, slots[ALIASES])?;
                if kind == QuestionType::Quote {
                    Some(Body::Quote {
                        quote: quote?,
                        options,
                        answer,
                        aliases,
                    })
                } else {
                    Some(Body::MultipleChoice {
                        options,
                        answer,
                        aliases,
                    })
                }
            }
            QuestionType::TrueFalse => {
                let value = self.require(slots, ANSWER, kind, &header, "`true` or `false`")?;
                match value.get_ref() {
                    DeValue::Boolean(answer) => Some(Body::TrueFalse { answer: *answer }),
                    _ => {
                        self.wrong_type(
                            "answer",
                            value,
                            "a boolean (`true` or `false`, without quotes) in a true_false question",
                        );
                        None
                    }
                }
            }
            QuestionType::Numeric => {
                let answer = self
                    .require(slots, ANSWER, kind, &header, "a number")
                    .and_then(|value| self.number("answer", value));
                let tolerance = match slots[TOLERANCE] {
                    Some(value) => self.number("tolerance", value).and_then(|tolerance| {
                        if tolerance < 0.0 {
                            self.error(
                                value.span(),
                                format!(
                                    "field `tolerance` must not be negative, found {tolerance}"
                                ),
                            );
                            None
                        } else {
                            Some(tolerance)
                        }
                    }),
                    None => Some(0.0),
                };
                let unit = match slots[UNIT] {
                    Some(value) => self.text("unit", value, Lines::One).map(Some),
                    None => Some(None),
                };
                Some(Body::Numeric {
                    answer: answer?,
                    tolerance: tolerance?,
                    unit: unit?,
                })
            }
            QuestionType::Date => {
                let answer = self
                    .require(slots, ANSWER, kind, &header, "a date")
                    .and_then(|value| self.date(value));
                let tolerance_days = match slots[TOLERANCE_DAYS] {
                    Some(value) => match tomldoc::integer_value(value.get_ref()) {
                        Some(days) if days < 0 => {
                            self.error(
                                value.span(),
                                format!(
                                    "field `tolerance_days` must not be negative, found {days}"
                                ),
                            );
                            None
                        }
                        Some(days) => match u32::try_from(days) {
                            Ok(days) => Some(days),
                            Err(_) => {
                                self.error(value.span(), "field `tolerance_days` is too large");
                                None
                            }
                        },
                        None => {
                            self.wrong_type("tolerance_days", value, "a whole number of days");
                            None
                        }
                    },
                    None => Some(0),
                };
                Some(Body::Date {
                    answer: answer?,
                    tolerance_days: tolerance_days?,
                })
            }
            QuestionType::FreeText => {
                let answer = self
                    .require(slots, ANSWER, kind, &header, "the answer text")
                    .and_then(|value| self.text("answer", value, Lines::One));
                let mut list = |slot: usize| match slots[slot] {
                    Some(value) => self.texts(FIELDS[slot], value, Lines::One),
                    None => Some(Vec::new()),
                };
                // `accept` is the quizbowl name for `aliases`; a question may use either or both.
                let aliases = list(ALIASES);
                let accept = list(ACCEPT);
                let prompt_on = list(PROMPT_ON);
                let reject = list(REJECT);
                let entity_kind = match slots[KIND] {
                    Some(value) => self.text("kind", value, Lines::One).map(Some),
                    None => Some(None),
                };
                let mut aliases = aliases?;
                aliases.extend(accept?);
                Some(Body::FreeText {
                    answer: answer?,
                    aliases,
                    kind: entity_kind?,
                    prompt_on: prompt_on?,
                    reject: reject?,
                })
            }
            QuestionType::SelectAll => {
                let options_value =
                    self.require(slots, OPTIONS, kind, &header, "a list of 2 to 6 options");
                let answers_value = self.require(
                    slots,
                    ANSWERS,
                    kind,
                    &header,
                    "the list of right options (their text)",
                );
                let options = options_value.and_then(|value| self.options(kind, value));
                let answers =
                    answers_value.and_then(|value| self.texts("answers", value, Lines::One));
                let (options, answers) = (options?, answers?);
                let answers_value = answers_value?;
                if answers.is_empty() {
                    self.error(
                        answers_value.span(),
                        "field `answers` must name at least one right option",
                    );
                    return None;
                }
                let mut indices = Vec::with_capacity(answers.len());
                let mut fine = true;
                for (position, answer) in answers.iter().enumerate() {
                    let span = item_span(answers_value, position);
                    match options.iter().position(|option| option == answer) {
                        Some(index) if indices.contains(&index) => {
                            fine = false;
                            self.error(span, format!("answer `{answer}` is listed twice"));
                        }
                        Some(index) => indices.push(index),
                        None => {
                            fine = false;
                            self.not_an_option("answers", answer, &options, span);
                        }
                    }
                }
                indices.sort_unstable();
                fine.then_some(Body::SelectAll {
                    options,
                    answers: indices,
                })
            }
            QuestionType::Order => {
                let items_value =
                    self.require(slots, ITEMS, kind, &header, "the items, in the right order");
                let items = items_value.and_then(|value| self.texts("items", value, Lines::One));
                let keys = match slots[KEYS] {
                    Some(value) => self.texts("keys", value, Lines::One),
                    None => Some(Vec::new()),
                };
                let direction = match slots[DIRECTION] {
                    Some(value) => self.text("direction", value, Lines::One).map(Some),
                    None => Some(None),
                };
                let (items, items_value) = (items?, items_value?);
                let mut fine = true;
                if items.len() < check::MIN_ORDER_ITEMS {
                    fine = false;
                    self.error(
                        items_value.span(),
                        format!(
                            "an order question needs at least {} items, found {}",
                            check::MIN_ORDER_ITEMS,
                            items.len()
                        ),
                    );
                }
                for (later, earlier) in check::duplicates(&items) {
                    fine = false;
                    self.error(
                        item_span(items_value, later),
                        format!(
                            "duplicate item `{}`: the same as item {}",
                            items[later],
                            earlier + 1
                        ),
                    );
                }
                let keys = keys?;
                if !keys.is_empty() && keys.len() != items.len() {
                    fine = false;
                    if let Some(value) = slots[KEYS] {
                        self.error(
                            value.span(),
                            format!(
                                "field `keys` must give one key per item ({}), found {}",
                                items.len(),
                                keys.len()
                            ),
                        );
                    }
                }
                fine.then_some(Body::Order {
                    items,
                    keys,
                    direction: direction?,
                })
            }
        }
    }

    /// Options: a list of 2 to 6 texts, none the same as another.
    fn options(&mut self, kind: QuestionType, value: Value<'_, '_>) -> Option<Vec<String>> {
        let options = self.texts("options", value, Lines::One)?;
        if !OPTION_COUNT.contains(&options.len()) {
            self.error(
                value.span(),
                format!(
                    "a {kind} question needs {} to {} options, found {}",
                    OPTION_COUNT.start(),
                    OPTION_COUNT.end(),
                    options.len()
                ),
            );
        }
        for (later, earlier) in check::duplicates(&options) {
            self.error(
                item_span(value, later),
                format!(
                    "duplicate option `{}`: the same as option {} `{}`",
                    options[later],
                    earlier + 1,
                    options[earlier]
                ),
            );
        }
        // The options are returned even with these problems (already reported, so the question is not
        // built), so that the answer is still checked against them in the same run.
        Some(options)
    }

    /// Options, the answer (as option text, turned into an index) and aliases.
    fn choices(
        &mut self,
        kind: QuestionType,
        options_value: Option<Value<'_, '_>>,
        answer_value: Option<Value<'_, '_>>,
        aliases_value: Option<Value<'_, '_>>,
    ) -> Option<(Vec<String>, usize, Vec<String>)> {
        let options = options_value.and_then(|value| self.options(kind, value));
        let answer = match answer_value {
            Some(value) if !matches!(value.get_ref(), DeValue::String(_)) => {
                self.wrong_type("answer", value, "a string: the text of the right option");
                None
            }
            Some(value) => self.text("answer", value, Lines::One),
            None => None,
        };
        let aliases = match aliases_value {
            Some(value) => self.texts("aliases", value, Lines::One),
            None => Some(Vec::new()),
        };
        let (options, answer, aliases) = (options?, answer?, aliases?);
        let Some(index) = options.iter().position(|option| *option == answer) else {
            self.not_an_option("answer", &answer, &options, answer_value?.span());
            return None;
        };
        let mut fine = true;
        if let Some(aliases_value) = aliases_value {
            for (position, alias) in aliases.iter().enumerate() {
                if let Some(wrong) = options
                    .iter()
                    .enumerate()
                    .find(|&(other, option)| other != index && check::same_text(option, alias))
                {
                    fine = false;
                    self.error(
                        item_span(aliases_value, position),
                        format!(
                            "alias `{alias}` is also wrong option {} `{}`: a player typing it would be both right and wrong",
                            wrong.0 + 1,
                            wrong.1
                        ),
                    );
                }
            }
        }
        fine.then_some((options, index, aliases))
    }

    fn not_an_option(&mut self, field: &str, answer: &str, options: &[String], span: Range<usize>) {
        let listed = options
            .iter()
            .map(|option| format!("`{option}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let near = options
            .iter()
            .find(|option| check::same_text(option, answer))
            .map(|option| format!(" (did you mean `{option}`?)"))
            .unwrap_or_default();
        self.error(
            span,
            format!("{field} `{answer}` is not among the options{near}: expected one of {listed}"),
        );
    }

    /// A date answer: a TOML date, a `YYYY`/`YYYY-MM`/`YYYY-MM-DD` string, or a year as an integer.
    fn date(&mut self, value: Value<'_, '_>) -> Option<PartialDate> {
        let parsed = match value.get_ref() {
            DeValue::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
                (Some(date), None, None) => {
                    PartialDate::ymd(i32::from(date.year), date.month, date.day)
                }
                _ => None,
            },
            DeValue::String(text) => PartialDate::parse_iso(text),
            DeValue::Integer(_) => tomldoc::integer_value(value.get_ref())
                .filter(|year| (0..=9999).contains(year))
                .map(|year| PartialDate::year(year as i32)),
            _ => {
                self.wrong_type(
                    "answer",
                    value,
                    "a date: `1958-09-24`, or a string `\"1958\"` or `\"1958-09\"`",
                );
                return None;
            }
        };
        if parsed.is_none() {
            self.error(
                value.span(),
                "field `answer` must be a calendar date without a time: `1958-09-24`, or a string `\"1958\"` or `\"1958-09\"`",
            );
        }
        parsed
    }
}

/// The span of item `index` of an array value (the whole value for a lone string).
fn item_span(value: Value<'_, '_>, index: usize) -> Range<usize> {
    match value.get_ref() {
        DeValue::Array(items) => items
            .get(index)
            .map_or_else(|| value.span(), |item| item.span()),
        _ => value.span(),
    }
}

#[cfg(test)]
mod parallel_tests {
    use super::*;

    /// A pack of `count` questions of several types; `broken` plants problems in some of them.
    fn big_pack(count: usize, broken: bool) -> String {
        let mut text = String::from("[pack]\nid = \"big\"\ntitle = \"Big\"\n\n");
        for n in 0..count {
            let id = if broken && n % 997 == 500 { 3 } else { n };
            match n % 3 {
                0 => text.push_str(&format!(
                    "[[question]]\nid = \"q{id}\"\ntype = \"multiple_choice\"\nprompt = \"Pick {n}\"\noptions = [\"a{n}\", \"b{n}\", \"c{n}\"]\nanswer = \"{}\"\n\n",
                    if broken && n % 500 < 3 { "zzz".to_string() } else { format!("b{n}") }
                )),
                1 => text.push_str(&format!(
                    "[[question]]\nid = \"q{id}\"\ntype = \"true_false\"\nprompt = \"\"\"Line one {n}\nline two\"\"\"\nanswer = {}\n\n",
                    if broken && n % 500 < 3 { "\"yes\"" } else { "true" }
                )),
                _ => text.push_str(&format!(
                    "[[question]]\nid = \"q{id}\"\ntype = \"numeric\"\nprompt = \"How many {n}?\"\nanswer = {n}\ntolerance = {}\n\n",
                    if broken && n % 500 < 3 { "-1" } else { "0" }
                )),
            }
        }
        text
    }

    fn both_ways(text: &str) -> (LoadedFile, Vec<String>, LoadedFile, Vec<String>) {
        let source = SourceFile::new("big.toml", text);
        let mut in_parts = Diagnostics::default();
        // Four parts whatever the machine: the comparison never degrades to the whole-file loader
        // compared with itself on a one-core machine.
        let parallel = load_file_with(&source, &mut in_parts, 0, 4);
        let mut whole = Diagnostics::default();
        let sequential = load_whole(&source, &mut whole);
        let render = |d: Diagnostics| d.items.iter().map(ToString::to_string).collect::<Vec<_>>();
        (parallel, render(in_parts), sequential, render(whole))
    }

    fn splits(text: &str) -> bool {
        let mut diagnostics = Diagnostics::default();
        load_in_parts(&SourceFile::new("big.toml", text), &mut diagnostics, 4).is_some()
    }

    #[test]
    fn parts_read_the_same_pack_as_the_whole_file() {
        let text = big_pack(3000, false);
        assert!(splits(&text), "a clean pack must split");
        let (parallel, problems, sequential, expected) = both_ways(&text);
        assert!(problems.is_empty() && expected.is_empty(), "{problems:?}");
        let (parallel, sequential) = (parallel.pack.unwrap(), sequential.pack.unwrap());
        assert_eq!(parallel.questions.len(), 3000);
        assert_eq!(parallel, sequential);
    }

    #[test]
    fn parts_report_the_same_problems_at_the_same_places() {
        let text = big_pack(3000, true);
        assert!(
            splits(&text),
            "a pack with problems outside its syntax must split"
        );
        let (parallel, problems, sequential, expected) = both_ways(&text);
        assert!(parallel.pack.is_none() && sequential.pack.is_none());
        assert!(expected.len() >= 15, "{expected:?}");
        assert!(
            expected
                .iter()
                .any(|line| line.contains("duplicate question id `q3`")),
            "{expected:?}"
        );
        assert_eq!(problems, expected);
        assert_eq!(parallel.ids(), sequential.ids());
    }

    #[test]
    fn one_thread_reads_the_whole_file() {
        let text = big_pack(200, false);
        let mut diagnostics = Diagnostics::default();
        let source = SourceFile::new("big.toml", text.as_str());
        assert!(load_in_parts(&source, &mut diagnostics, 1).is_none());
        let loaded = load_file_with(&source, &mut diagnostics, 0, 1);
        assert_eq!(loaded.pack.unwrap().questions.len(), 200);
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn a_header_inside_a_multiline_string_reads_the_whole_file() {
        let mut text = big_pack(2000, false);
        let middle = text.len() / 2;
        let at = middle + text[middle..].find("[[question]]\n").unwrap();
        text.insert_str(
            at,
            "[[question]]\nid = \"tricky\"\ntype = \"true_false\"\nprompt = \"\"\"A prompt that quotes a header:\n[[question]]\nstill the prompt\"\"\"\nanswer = false\n\n",
        );
        assert!(!splits(&text), "a split inside a string must be refused");
        let (parallel, _, sequential, _) = both_ways(&text);
        let parallel = parallel.pack.unwrap();
        assert_eq!(parallel, sequential.pack.unwrap());
        assert!(
            parallel
                .questions
                .iter()
                .any(|question| question.id == "tricky")
        );
    }

    #[test]
    fn a_pack_table_after_the_questions_reads_the_whole_file() {
        let mut text =
            big_pack(2000, false).replacen("[pack]\nid = \"big\"\ntitle = \"Big\"\n", "", 1);
        text.push_str("[pack]\nid = \"late\"\ntitle = \"Late\"\n");
        assert!(!splits(&text));
        let (parallel, problems, sequential, expected) = both_ways(&text);
        assert_eq!(problems, expected);
        assert_eq!(parallel.pack, sequential.pack);
        assert_eq!(parallel.pack.unwrap().meta.id, "late");
    }
}

#[cfg(test)]
mod schema_tests {
    use super::*;

    fn schema() -> serde_json::Value {
        serde_json::from_str(crate::schema::PACK_SCHEMA).expect("the pack schema is JSON")
    }

    fn keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(names: impl IntoIterator<Item = &'static str>) -> Vec<String> {
        let mut names: Vec<String> = names.into_iter().map(str::to_string).collect();
        names.sort();
        names
    }

    /// A field added to the loader must be added to `schema/pack.schema.json` too (and the other way).
    #[test]
    fn schema_names_the_fields_the_loader_reads() {
        let schema = schema();
        let pack = &schema["properties"]["pack"]["properties"];
        assert_eq!(keys(pack), sorted(META_FIELDS), "[pack] fields");
        let question = &schema["properties"]["question"]["items"];
        assert_eq!(
            keys(&question["properties"]),
            sorted(FIELDS),
            "question fields"
        );
        let branches = question["allOf"].as_array().expect("per-type branches");
        assert_eq!(branches.len(), QuestionType::ALL.len());
        for kind in QuestionType::ALL {
            let branch = branches
                .iter()
                .find(|branch| branch["if"]["properties"]["type"]["const"] == kind.as_str())
                .unwrap_or_else(|| panic!("no schema branch for {kind}"));
            let mut allowed: Vec<String> = branch["then"]["propertyNames"]["enum"]
                .as_array()
                .expect("allowed fields")
                .iter()
                .map(|name| name.as_str().expect("a name").to_string())
                .collect();
            allowed.sort();
            let expected = sorted(
                COMMON
                    .iter()
                    .chain(type_fields(kind))
                    .map(|&slot| FIELDS[slot]),
            );
            assert_eq!(allowed, expected, "fields of {kind}");
        }
    }
}
