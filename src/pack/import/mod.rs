//! Turning other question files into packs: public trivia datasets (Open Trivia DB JSON, OpenTriviaQA
//! text), Moodle GIFT, spreadsheets (our CSV/TSV columns, Kahoot's template, Quizlet and Anki cards) and our
//! own JSON export.
//!
//! Each importer reads the whole input, keeps every record it can turn into a valid question and reports
//! every record it skips with its position and the reason, so one bad record never stops an import.

pub mod gift;
pub mod html;
pub mod opentdb;
pub mod opentriviaqa;
mod table;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::check::check_question;
use crate::question::{Body, Question, QuestionType};

/// The formats `trivia pack import --from` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Open Trivia DB JSON (`{"results": [...]}`), HTML entities decoded.
    Opentdb,
    /// OpenTriviaQA text files (`#Q`, `^`, `A`..`D` lines), any mix of UTF-8 and Windows-1252.
    Opentriviaqa,
    /// Moodle GIFT.
    Gift,
    /// Our column layout as CSV (comma or semicolon separated).
    Csv,
    /// Our column layout as TSV.
    Tsv,
    /// Kahoot's quiz spreadsheet template saved as CSV.
    Kahoot,
    /// Two-column term/definition files (Quizlet, Anki plain-text notes).
    Quizlet,
    /// Our own JSON export (`trivia pack export --to json`).
    Json,
}

impl Format {
    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Opentdb => "opentdb",
            Format::Opentriviaqa => "opentriviaqa",
            Format::Gift => "gift",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Kahoot => "kahoot",
            Format::Quizlet => "quizlet",
            Format::Json => "json",
        }
    }

    /// What a pack imported from this format says about its source and license.
    pub fn provenance(self) -> (&'static str, Option<&'static str>) {
        match self {
            Format::Opentdb => (
                "Open Trivia Database (https://opentdb.com/), CC BY-SA 4.0",
                Some("CC BY-SA 4.0"),
            ),
            Format::Opentriviaqa => (
                "OpenTriviaQA (https://github.com/uberspot/OpenTriviaQA), CC BY-SA 4.0",
                Some("CC BY-SA 4.0"),
            ),
            Format::Gift => ("a Moodle GIFT file", None),
            Format::Csv | Format::Tsv => ("a spreadsheet in trivia's column layout", None),
            Format::Kahoot => ("a Kahoot quiz spreadsheet", None),
            Format::Quizlet => ("term/definition cards (Quizlet, Anki)", None),
            Format::Json => ("a trivia JSON export", None),
        }
    }
}

/// One input file for an importer.
#[derive(Clone, Debug)]
pub struct Input {
    /// The name shown in positions (the path as given).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Where a record starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Position {
    /// A 1-based line of a text file.
    Line { file: String, line: usize },
    /// A 1-based record number, for formats without useful lines (one-line JSON).
    Record { file: String, record: usize },
    /// The whole file.
    File { file: String },
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Line { file, line } => write!(f, "{file}:{line}"),
            Position::Record { file, record } => write!(f, "{file}: record {record}"),
            Position::File { file } => f.write_str(file),
        }
    }
}

/// A record left out of the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub position: Position,
    /// A short reason, the same for all records skipped for it: `empty option`.
    pub reason: &'static str,
    /// The details of this record: which option, which text.
    pub detail: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.position, self.reason)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// What an import produced.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    pub questions: Vec<Question>,
    pub skipped: Vec<Skipped>,
    /// Things repaired on the way that a user may want to know: `3 lines decoded as Windows-1252`.
    pub repairs: BTreeMap<&'static str, usize>,
    /// Parts of imported records that have no place in a pack: `12 time limits not kept`.
    pub dropped: BTreeMap<&'static str, usize>,
    /// The pack's metadata, when the input carries it (a trivia JSON export).
    pub meta: Option<crate::pack::PackMeta>,
}

impl ImportReport {
    /// Skipped records counted by reason, most frequent first.
    pub fn skipped_by_reason(&self) -> Vec<(&'static str, usize)> {
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for skipped in &self.skipped {
            *counts.entry(skipped.reason).or_default() += 1;
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
    }

    /// The closing summary: `imported 5250 questions (4467 multiple_choice, 783 true_false); skipped 0`.
    pub fn summary(&self) -> String {
        let counts = super::type_counts(&self.questions);
        let by_type: Vec<String> = QuestionType::ALL
            .iter()
            .zip(counts)
            .filter(|(_, count)| *count > 0)
            .map(|(kind, count)| format!("{count} {kind}"))
            .collect();
        let mut text = format!("imported {} questions", self.questions.len());
        if !by_type.is_empty() {
            text.push_str(&format!(" ({})", by_type.join(", ")));
        }
        text.push_str(&format!("; skipped {}", self.skipped.len()));
        let reasons = self.skipped_by_reason();
        if !reasons.is_empty() {
            let reasons: Vec<String> = reasons
                .iter()
                .map(|(reason, count)| format!("{count} {reason}"))
                .collect();
            text.push_str(&format!(" ({})", reasons.join(", ")));
        }
        if !self.repairs.is_empty() {
            let repairs: Vec<String> = self
                .repairs
                .iter()
                .map(|(what, count)| format!("{count} {what}"))
                .collect();
            text.push_str(&format!("; repaired: {}", repairs.join(", ")));
        }
        if !self.dropped.is_empty() {
            let dropped: Vec<String> = self
                .dropped
                .iter()
                .map(|(what, count)| format!("{count} {what}"))
                .collect();
            text.push_str(&format!("; dropped: {}", dropped.join(", ")));
        }
        text
    }
}

/// Reports how far an import has come: `(done, total)` in units the importer chooses.
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// Runs the importer for `format` over the inputs, for a pack with id `pack_id` (ids a format takes
/// from its input, such as GIFT titles, are qualified with it).
pub fn import(
    format: Format,
    inputs: &[Input],
    pack_id: &str,
    progress: Progress<'_>,
) -> ImportReport {
    let mut collector = Collector::new(format.as_str(), pack_id);
    match format {
        Format::Opentdb => opentdb::import(inputs, &mut collector, progress),
        Format::Opentriviaqa => opentriviaqa::import(inputs, &mut collector, progress),
        Format::Gift => gift::import(inputs, &mut collector, progress),
        Format::Csv => table::import(inputs, false, &mut collector, progress),
        Format::Tsv => table::import(inputs, true, &mut collector, progress),
        Format::Kahoot => table::import_kahoot(inputs, &mut collector, progress),
        Format::Quizlet => table::import_cards(inputs, &mut collector, progress),
        Format::Json => table::import_json(inputs, &mut collector, progress),
    }
    collector.report
}

/// Gathers questions, giving each a stable id, checking it against the pack rules and skipping repeats.
pub(crate) struct Collector {
    prefix: &'static str,
    pack_id: String,
    pub report: ImportReport,
    seen: HashMap<String, Position>,
    /// Whether some input had bytes that decoded to U+FFFD; records containing it are then skipped.
    undecodable_seen: bool,
}

impl Collector {
    pub fn new(prefix: &'static str, pack_id: &str) -> Self {
        Collector {
            prefix,
            pack_id: pack_id.to_string(),
            report: ImportReport::default(),
            seen: HashMap::new(),
            undecodable_seen: false,
        }
    }

    /// An id that depends only on the question's content: `opentdb-3f2a9c0d1e4b`.
    pub fn content_id(&self, prompt: &str, body: &Body) -> String {
        let generated = Question::content_id(prompt, body);
        format!("{}-{}", self.prefix, generated.trim_start_matches("g-"))
    }

    /// The id of the pack being imported into.
    pub fn pack_id(&self) -> &str {
        &self.pack_id
    }

    /// Whether a question with this id was already added.
    pub fn has_id(&self, id: &str) -> bool {
        self.seen.contains_key(id)
    }

    pub fn skip(&mut self, position: Position, reason: &'static str, detail: impl Into<String>) {
        self.report.skipped.push(Skipped {
            position,
            reason,
            detail: detail.into(),
        });
    }

    pub fn repaired(&mut self, what: &'static str) {
        self.repaired_many(what, 1);
    }

    pub fn repaired_many(&mut self, what: &'static str, count: usize) {
        if count > 0 {
            *self.report.repairs.entry(what).or_default() += count;
        }
    }

    /// Counts parts of kept records that the pack cannot hold.
    pub fn dropped_many(&mut self, what: &'static str, count: usize) {
        if count > 0 {
            *self.report.dropped.entry(what).or_default() += count;
        }
    }

    /// Counts what decoding repaired.
    pub fn note_decoding(&mut self, decoded: &Decoded) {
        self.repaired_many("bytes read as Windows-1252", decoded.windows_1252);
        self.repaired_many("cut-off closing quotes restored", decoded.restored_quotes);
        self.repaired_many("broken UTF-8 sequences", decoded.broken);
        self.undecodable_seen |= decoded.broken > 0;
    }

    /// Adds a question (its id already set), or skips it when it breaks a pack rule or repeats an id.
    pub fn add(&mut self, question: Question, position: Position) {
        if self.undecodable_seen
            && (question.prompt.contains('\u{fffd}')
                || question
                    .body
                    .choices()
                    .iter()
                    .any(|c| c.contains('\u{fffd}'))
                || question.body.answer_text().contains('\u{fffd}'))
        {
            self.skip(
                position,
                "broken UTF-8 sequence",
                "a character could not be decoded",
            );
            return;
        }
        let problems = check_question(&question);
        if !problems.is_empty() {
            self.skip(position, "invalid question", problems.join("; "));
            return;
        }
        if let Some(first) = self.seen.get(&question.id) {
            let detail = format!("same id `{}` as the record at {first}", question.id);
            self.skip(position, "duplicate record", detail);
            return;
        }
        self.seen.insert(question.id.clone(), position);
        self.report.questions.push(question);
    }
}

/// The first problem with a record's options that has its own skip reason: an empty option or two
/// options with the same text.
pub fn options_problem(options: &[String]) -> Option<(&'static str, String)> {
    if let Some(index) = options.iter().position(|option| option.trim().is_empty()) {
        return Some(("empty option", format!("option {} is empty", index + 1)));
    }
    super::check::duplicates(options)
        .first()
        .map(|&(later, earlier)| {
            (
                "duplicate options",
                format!(
                    "option {} `{}` repeats option {}",
                    later + 1,
                    options[later],
                    earlier + 1
                ),
            )
        })
}

/// Text decoded from bytes that are mostly UTF-8, with what had to be repaired.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Bytes that were not UTF-8 and were read as Windows-1252.
    pub windows_1252: usize,
    /// `E2 80 ?` sequences read as `”`: a UTF-8 closing quote whose last byte (0x9D, which
    /// Windows-1252 lacks) was replaced by `?` somewhere along the way.
    pub restored_quotes: usize,
    /// Truncated UTF-8 sequences that could not be repaired, replaced by U+FFFD.
    pub broken: usize,
}

/// Decodes bytes that are mostly UTF-8 with stray Windows-1252 bytes: valid UTF-8 sequences are kept,
/// a lone byte that is not UTF-8 is read as Windows-1252, and truncated multi-byte sequences are
/// repaired where the damage is known (see [`Decoded::restored_quotes`]) or replaced by U+FFFD.
/// A UTF-8 byte-order mark (files saved on Windows start with one) is dropped.
pub fn decode_mixed(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            ..Decoded::default()
        };
    }
    let mut decoded = Decoded {
        text: String::with_capacity(bytes.len() + 16),
        ..Decoded::default()
    };
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                decoded.text.push_str(valid);
                break;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                decoded
                    .text
                    .push_str(std::str::from_utf8(valid).unwrap_or_default());
                match error.error_len() {
                    Some(1) => {
                        decoded.text.push(windows_1252(after[0]));
                        decoded.windows_1252 += 1;
                        rest = &after[1..];
                    }
                    Some(_) if after.starts_with(b"\xe2\x80?") => {
                        decoded.text.push('\u{201d}');
                        decoded.restored_quotes += 1;
                        rest = &after[3..];
                    }
                    Some(length) => {
                        decoded.text.push('\u{fffd}');
                        decoded.broken += 1;
                        rest = &after[length..];
                    }
                    None => {
                        // A sequence cut off by the end of the input: read its bytes as Windows-1252.
                        decoded
                            .text
                            .extend(after.iter().map(|&byte| windows_1252(byte)));
                        decoded.windows_1252 += after.len();
                        break;
                    }
                }
            }
        }
    }
    decoded
}

/// The character a Windows-1252 byte stands for (the five unassigned bytes map to their C1 code points,
/// as browsers do, and are then caught as control characters).
pub fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Text cleaned for a question: HTML-entity leftovers that are invisible (soft hyphens, direction marks)
/// removed, no-break spaces made plain spaces, outer white space trimmed.
pub fn tidy(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}'
            )
        })
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect();
    cleaned.trim().to_string()
}

/// Sorts options so the right answer's place gives nothing away: numerically when all are numbers,
/// else alphabetically ignoring case.
pub fn sort_options(options: &mut [String]) {
    let numbers: Option<Vec<f64>> = options
        .iter()
        .map(|option| option.replace(',', "").trim().parse::<f64>().ok())
        .collect();
    if numbers.is_some_and(|numbers| numbers.iter().all(|n| n.is_finite())) {
        options.sort_by(|a, b| {
            let a: f64 = a.replace(',', "").trim().parse().unwrap_or(0.0);
            let b: f64 = b.replace(',', "").trim().parse().unwrap_or(0.0);
            a.total_cmp(&b)
        });
    } else {
        options.sort_by_cached_key(|option| option.to_lowercase());
    }
}

/// A category name from a file name: `science-technology` becomes `Science Technology`.
pub fn category_from_file_name(name: &str) -> String {
    name.split(['-', '_', ' '])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_bytes_decode_as_windows_1252() {
        let decoded = decode_mixed(b"caf\xe9 \x93quoted\x94 \xe2\x80\x94 ok");
        assert_eq!(decoded.windows_1252, 3);
        assert_eq!(decoded.text, "café “quoted” — ok");
        assert_eq!(decode_mixed("plain é".as_bytes()).text, "plain é");
        assert_eq!(decode_mixed("plain é".as_bytes()).windows_1252, 0);
    }

    #[test]
    fn truncated_closing_quotes_are_restored() {
        let decoded = decode_mixed(b"\xe2\x80\x9cJust Do It\xe2\x80? slogan, \xe2\x80x");
        assert_eq!(decoded.text, "“Just Do It” slogan, \u{fffd}x");
        assert_eq!((decoded.restored_quotes, decoded.broken), (1, 1));
    }

    #[test]
    fn tidy_removes_invisible_characters() {
        assert_eq!(
            tidy(" Llanfair\u{ad}pwll\u{a0}x\u{200e} "),
            "Llanfairpwll x"
        );
    }

    #[test]
    fn options_sort_without_revealing_the_answer() {
        let mut numbers = vec!["10".to_string(), "9".to_string(), "1,000".to_string()];
        sort_options(&mut numbers);
        assert_eq!(numbers, ["9", "10", "1,000"]);
        let mut words = vec!["banana".to_string(), "Apple".to_string()];
        sort_options(&mut words);
        assert_eq!(words, ["Apple", "banana"]);
    }

    #[test]
    fn file_names_become_categories() {
        assert_eq!(
            category_from_file_name("science-technology"),
            "Science Technology"
        );
        assert_eq!(category_from_file_name("animals"), "Animals");
    }
}
