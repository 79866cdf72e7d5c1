//! Reading TOML files field by field with positions, so every problem in a file is reported at once with
//! `file:line:column`, instead of serde stopping at the first.
//!
//! [`SourceFile::read`] guards the file itself (regular file, size, UTF-8, emptiness); [`SourceFile::parse`] collects every
//! syntax error; [`TableReader`] reads typed fields, flags unknown and missing ones, and records each
//! problem in a [`Diagnostics`] list.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::escape::for_terminal;

pub use crate::input::{MAX_FILE_BYTES, ReadProblem};

/// One problem found in an input file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    pub message: String,
}

/// One line: the file name and the message are escaped for the terminal (they quote the input).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = for_terminal(&self.file);
        let message = for_terminal(&self.message);
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}:{}:{}: {message}", self.line, self.column)
        }
    }
}

/// Problems collected while reading one or more files.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem at a byte span of `source`.
    pub fn at(&mut self, source: &SourceFile, span: Range<usize>, message: impl Into<String>) {
        self.items.push(source.diagnostic(span.start, message));
    }

    /// Records a problem that concerns a whole file.
    pub fn whole_file(&mut self, file: &str, message: impl Into<String>) {
        self.items.push(Diagnostic {
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Sorts by file, line and column, keeping the order of problems at the same place.
    pub fn sort(&mut self) {
        self.items
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    }
}

/// A file's text with what is needed to turn byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name shown in messages: the path as given, or `seeds/x.toml` for embedded files.
    pub name: String,
    pub text: String,
    /// `name`, shared by the places that point into this file.
    shared_name: std::sync::Arc<str>,
    line_starts: Vec<usize>,
    /// Lines of the file before `text` (0 unless this is a part of a larger file).
    line_base: usize,
}

impl SourceFile {
    /// Wraps text already in memory.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        let name = name.into();
        SourceFile {
            shared_name: name.as_str().into(),
            name,
            text,
            line_starts,
            line_base: 0,
        }
    }

    /// A part of a file that starts at the beginning of a line, `line_base` lines into the file: its
    /// diagnostics give the line numbers of the whole file.
    pub fn part(name: impl Into<String>, text: impl Into<String>, line_base: usize) -> Self {
        SourceFile {
            line_base,
            ..SourceFile::new(name, text)
        }
    }

    /// Reads a file through [`crate::input::read_bytes`] (regular files of at most [`MAX_FILE_BYTES`]),
    /// refusing one empty (or only white space) or not UTF-8.
    pub fn read(path: &Path) -> Result<SourceFile, Diagnostic> {
        let name = path.display().to_string();
        Self::read_checked(path)
            .map(|text| SourceFile::new(name.clone(), text))
            .map_err(|problem| problem_diagnostic(&name, problem))
    }

    fn read_checked(path: &Path) -> Result<String, ReadProblem> {
        text_from_bytes(crate::input::read_bytes(path)?)
    }

    /// The file's name as shown in messages, shared rather than copied.
    pub fn shared_name(&self) -> std::sync::Arc<str> {
        std::sync::Arc::clone(&self.shared_name)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(index) => index,
            Err(index) => index - 1,
        };
        let line_start = self.line_starts[line_index];
        let mut column_end = offset;
        while !self.text.is_char_boundary(column_end) {
            column_end -= 1;
        }
        let column = self.text[line_start..column_end].chars().count() + 1;
        (self.line_base + line_index + 1, column)
    }

    /// A diagnostic at a byte offset of this file.
    pub fn diagnostic(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.line_column(offset);
        Diagnostic {
            file: self.name.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    /// Parses the whole document, reporting every syntax error (with recovery) into `diagnostics`.
    /// Returns the document when it had no syntax error.
    pub fn parse(&self, diagnostics: &mut Diagnostics) -> Option<Spanned<DeTable<'_>>> {
        let (document, errors) = DeTable::parse_recoverable(&self.text);
        if errors.is_empty() {
            return Some(document);
        }
        let mut located: Vec<(usize, String)> = errors
            .iter()
            .map(|error| {
                let offset = error.span().map_or(0, |span| span.start);
                (offset, error.message().trim().to_string())
            })
            .collect();
        located.sort_by_key(|(offset, _)| *offset);
        for (offset, message) in located {
            diagnostics.at(self, offset..offset, format!("TOML syntax: {message}"));
        }
        None
    }
}

/// Turns raw bytes into text, or says why they are not usable text.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, ReadProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge(bytes.len() as u64));
    }
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => Err(ReadProblem::Empty),
        Ok(text) => Ok(text),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid_up_to]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(ReadProblem::NotUtf8 { line, column })
        }
    }
}

/// The diagnostic for a file that could not be read as text.
pub fn problem_diagnostic(name: &str, problem: ReadProblem) -> Diagnostic {
    let (line, column) = match problem {
        ReadProblem::NotUtf8 { line, column } => (line, column),
        _ => (0, 0),
    };
    Diagnostic {
        file: name.to_string(),
        line,
        column,
        message: problem.to_string(),
    }
}

/// Reports every key and string value of `document` holding a character that could drive the terminal
/// (see [`crate::escape::is_unsafe`]; line breaks and tabs are allowed in values), at the string, with the
/// character's position inside it.
pub fn control_characters(
    source: &SourceFile,
    document: &Spanned<DeTable<'_>>,
    diagnostics: &mut Diagnostics,
) {
    fn check(
        source: &SourceFile,
        span: Range<usize>,
        text: &str,
        what: &str,
        allow_lines: bool,
        diagnostics: &mut Diagnostics,
    ) {
        let found = text.chars().enumerate().find(|&(_, c)| {
            crate::escape::is_unsafe(c) && !(allow_lines && matches!(c, '\n' | '\t'))
        });
        if let Some((index, character)) = found {
            diagnostics.at(
                source,
                span,
                format!(
                    "{what} `{}` has control character U+{:04X} at character {}: text must not drive the terminal",
                    for_terminal(text),
                    u32::from(character),
                    index + 1
                ),
            );
        }
    }
    fn walk_table(source: &SourceFile, table: &DeTable<'_>, diagnostics: &mut Diagnostics) {
        for (key, value) in table.iter() {
            check(source, key.span(), key.get_ref(), "key", false, diagnostics);
            walk_value(source, value, diagnostics);
        }
    }
    fn walk_value(
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        match value.get_ref() {
            DeValue::String(text) => check(source, value.span(), text, "string", true, diagnostics),
            DeValue::Table(table) => walk_table(source, table, diagnostics),
            DeValue::Array(items) => {
                for item in items.iter() {
                    walk_value(source, item, diagnostics);
                }
            }
            _ => {}
        }
    }
    if could_hold_unsafe(&source.text) {
        walk_table(source, document.get_ref(), diagnostics);
    }
}

/// Whether TOML text could hold an unsafe character once parsed: one written as is, or an escape that
/// makes one (`\u`, `\U`, `\x`, `\e`, `\b`, `\f`, `\r`). A fast scan that spares most files the walk.
fn could_hold_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'\\' => matches!(
            bytes.get(at + 1),
            Some(b'u' | b'U' | b'x' | b'e' | b'b' | b'f' | b'r')
        ),
        b'\n' | b'\t' => false,
        // C0 and DEL; 0xC2 starts C1, 0xD8 U+061C, 0xE2 the U+2000 block (bidirectional controls).
        byte => byte < 0x20 || byte == 0x7f || matches!(byte, 0xc2 | 0xd8 | 0xe2),
    })
}

/// The TOML type name of a value, for "expected a string, found an integer" messages.
pub fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Parses a TOML integer literal (any radix, with underscores).
pub fn integer_value(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(integer) => {
            let digits = integer.as_str().replace('_', "");
            let (negative, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest.to_string()),
                None => (false, digits.trim_start_matches('+').to_string()),
            };
            let magnitude = i64::from_str_radix(&digits, integer.radix()).ok()?;
            Some(if negative { -magnitude } else { magnitude })
        }
        _ => None,
    }
}

/// A TOML integer or float as `f64`.
pub fn number_value(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Float(float) => match float.as_str().replace('_', "").as_str() {
            "inf" | "+inf" => Some(f64::INFINITY),
            "-inf" => Some(f64::NEG_INFINITY),
            "nan" | "+nan" | "-nan" => Some(f64::NAN),
            text => text.parse().ok(),
        },
        other => integer_value(other).map(|integer| integer as f64),
    }
}

/// Reads the fields of one TOML table, recording every problem.
pub struct TableReader<'a, 'i> {
    pub source: &'a SourceFile,
    pub table: &'a DeTable<'i>,
    /// Where the table starts (its header, or its first key), for "missing field" messages.
    pub span: Range<usize>,
    /// What the table is, for messages: `fact`, `entity`, `pack`.
    pub what: &'a str,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub fn new(
        source: &'a SourceFile,
        table: &'a Spanned<DeTable<'i>>,
        what: &'a str,
    ) -> TableReader<'a, 'i> {
        TableReader {
            source,
            table: table.get_ref(),
            span: table.span(),
            what,
        }
    }

    /// Reports every key not in `allowed`, naming the fields that are allowed.
    pub fn deny_unknown(&self, allowed: &[&str], diagnostics: &mut Diagnostics) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if !allowed.iter().any(|field| same_name(name, field)) {
                let expected = allowed
                    .iter()
                    .map(|field| format!("`{field}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let suggestion = closest(name, allowed)
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                diagnostics.at(
                    self.source,
                    key.span(),
                    format!(
                        "unknown field `{name}` in {}{suggestion}, expected one of {expected}",
                        self.what
                    ),
                );
            }
        }
    }

    /// The raw value of a field, if present.
    pub fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table
            .iter()
            .find(|(name, _)| same_name(name.get_ref(), key))
            .map(|(_, value)| value)
    }

    /// Records "missing field" at the table's start.
    pub fn missing(&self, key: &str, expected: &str, diagnostics: &mut Diagnostics) {
        diagnostics.at(
            self.source,
            self.span.clone(),
            format!(
                "missing field `{key}` in {}: expected {expected}",
                self.what
            ),
        );
    }

    /// Records a wrong-type problem at the value.
    pub fn wrong_type(
        &self,
        key: &str,
        value: &Spanned<DeValue<'i>>,
        expected: &str,
        diagnostics: &mut Diagnostics,
    ) {
        diagnostics.at(
            self.source,
            value.span(),
            format!(
                "field `{key}` in {} must be {expected}, found {}",
                self.what,
                type_name(value.get_ref())
            ),
        );
    }

    /// An optional string field.
    pub fn string(&self, key: &str, diagnostics: &mut Diagnostics) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some(Spanned::new(value.span(), text.to_string())),
            _ => {
                self.wrong_type(key, value, "a string", diagnostics);
                None
            }
        }
    }

    /// A required string field; empty or blank text is reported too.
    pub fn required_string(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        if self.get(key).is_none() {
            self.missing(key, "a string", diagnostics);
            return None;
        }
        let text = self.string(key, diagnostics)?;
        if text.get_ref().trim().is_empty() {
            diagnostics.at(
                self.source,
                text.span(),
                format!("field `{key}` in {} must not be empty", self.what),
            );
            return None;
        }
        Some(text)
    }

    /// An optional integer field.
    pub fn integer(&self, key: &str, diagnostics: &mut Diagnostics) -> Option<Spanned<i64>> {
        let value = self.get(key)?;
        match integer_value(value.get_ref()) {
            Some(integer) => Some(Spanned::new(value.span(), integer)),
            None => {
                self.wrong_type(key, value, "an integer", diagnostics);
                None
            }
        }
    }

    /// An optional number field (integer or float).
    pub fn number(&self, key: &str, diagnostics: &mut Diagnostics) -> Option<Spanned<f64>> {
        let value = self.get(key)?;
        match number_value(value.get_ref()) {
            Some(number) if number.is_finite() => Some(Spanned::new(value.span(), number)),
            Some(_) => {
                diagnostics.at(
                    self.source,
                    value.span(),
                    format!("field `{key}` in {} must be a finite number", self.what),
                );
                None
            }
            None => {
                self.wrong_type(key, value, "a number", diagnostics);
                None
            }
        }
    }

    /// An optional boolean field.
    pub fn boolean(&self, key: &str, diagnostics: &mut Diagnostics) -> Option<Spanned<bool>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(Spanned::new(value.span(), *flag)),
            _ => {
                self.wrong_type(key, value, "a boolean (true or false)", diagnostics);
                None
            }
        }
    }

    /// An optional array of strings; a lone string is accepted as a one-element list.
    pub fn strings(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Vec<Spanned<String>>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some(vec![Spanned::new(value.span(), text.to_string())]),
            DeValue::Array(items) => {
                let mut texts = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(text) => {
                            texts.push(Spanned::new(item.span(), text.to_string()))
                        }
                        other => diagnostics.at(
                            self.source,
                            item.span(),
                            format!(
                                "field `{key}` in {} must list strings, found {}",
                                self.what,
                                type_name(other)
                            ),
                        ),
                    }
                }
                Some(texts)
            }
            _ => {
                self.wrong_type(key, value, "an array of strings", diagnostics);
                None
            }
        }
    }

    /// An optional field holding an array of tables (`[[x]]` or `x = [{...}]`); a lone inline table is
    /// accepted as a one-element list.
    pub fn tables(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Vec<&'a Spanned<DeValue<'i>>>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(_) => Some(vec![value]),
            DeValue::Array(items) => {
                let mut tables = Vec::with_capacity(items.len());
                for item in items.iter() {
                    if matches!(item.get_ref(), DeValue::Table(_)) {
                        tables.push(item);
                    } else {
                        diagnostics.at(
                            self.source,
                            item.span(),
                            format!(
                                "field `{key}` in {} must list tables, found {}",
                                self.what,
                                type_name(item.get_ref())
                            ),
                        );
                    }
                }
                Some(tables)
            }
            _ => {
                self.wrong_type(key, value, "an array of tables", diagnostics);
                None
            }
        }
    }
}

/// Whether two field names are equal, looking at the length and the first byte before the rest: a
/// table's fields are compared with a dozen names each, most of which differ there.
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Reads a table value found inside another table.
pub fn sub_table<'a, 'i>(
    source: &'a SourceFile,
    value: &'a Spanned<DeValue<'i>>,
    what: &'a str,
) -> Option<TableReader<'a, 'i>> {
    match value.get_ref() {
        DeValue::Table(table) => Some(TableReader {
            source,
            table,
            span: value.span(),
            what,
        }),
        _ => None,
    }
}

/// The allowed name nearest to a misspelt one, when it is near enough to be a likely typo.
pub fn closest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters (small inputs: field names).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, left) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, right) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(left != *right);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let source = SourceFile::new("x.toml", "a = 1\nné = \"é\"\n");
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column(6), (2, 1));
        let quote = source.text.find('"').unwrap();
        assert_eq!(source.line_column(quote), (2, 6));
    }

    #[test]
    fn not_utf8_is_located() {
        let problem = text_from_bytes(b"a = 1\nb = \"\xe9\"\n".to_vec()).unwrap_err();
        assert_eq!(problem, ReadProblem::NotUtf8 { line: 2, column: 6 });
        assert_eq!(text_from_bytes(b"  \n".to_vec()), Err(ReadProblem::Empty));
    }

    #[test]
    fn syntax_errors_are_all_reported() {
        let source = SourceFile::new("x.toml", "a = \nb = 1\nc = [1,\n");
        let mut diagnostics = Diagnostics::default();
        assert!(source.parse(&mut diagnostics).is_none());
        assert_eq!(diagnostics.len(), 2, "{:?}", diagnostics.items);
        assert_eq!(
            (diagnostics.items[0].line, diagnostics.items[0].column),
            (1, 5)
        );
        assert_eq!(diagnostics.items[1].line, 3);
    }

    #[test]
    fn unknown_fields_suggest_the_near_one() {
        let source = SourceFile::new("x.toml", "[fact]\nsorces = 1\n");
        let mut diagnostics = Diagnostics::default();
        let document = source.parse(&mut diagnostics).unwrap();
        let fact = document.get_ref().iter().next().unwrap().1;
        let reader = sub_table(&source, fact, "fact").unwrap();
        reader.deny_unknown(&["subject", "sources"], &mut diagnostics);
        let message = &diagnostics.items[0];
        assert_eq!((message.line, message.column), (2, 1));
        assert!(
            message.message.contains("did you mean `sources`"),
            "{message}"
        );
    }

    #[test]
    fn integers_in_any_radix() {
        let source = SourceFile::new("x.toml", "a = 0x1f\nb = -3_000\nc = 2.5\n");
        let mut diagnostics = Diagnostics::default();
        let document = source.parse(&mut diagnostics).unwrap();
        let reader = TableReader::new(&source, &document, "test");
        assert_eq!(
            *reader.integer("a", &mut diagnostics).unwrap().get_ref(),
            31
        );
        assert_eq!(
            *reader.integer("b", &mut diagnostics).unwrap().get_ref(),
            -3000
        );
        assert!(reader.integer("c", &mut diagnostics).is_none());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            *reader.number("c", &mut diagnostics).unwrap().get_ref(),
            2.5
        );
    }
}
