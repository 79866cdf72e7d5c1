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

mod body;
mod fields;
mod question;

use fields::*;
use question::*;

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
