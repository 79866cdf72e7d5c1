//! Question packs: hand-written TOML files of questions, read with every problem located, written back
//! exactly, imported from public trivia datasets and exported to GIFT or JSON.
//!
//! A pack file holds a `[pack]` table (its metadata) and `[[question]]` tables; `docs/packs.md`
//! describes the format with an example per question type. [`load_source`] reads one file,
//! [`load_paths`] reads files and folders and also catches question ids used twice across packs,
//! [`to_toml`] writes a pack that loads back to the same questions.

pub mod check;
pub mod columns;
pub mod export;
mod fact_refs;
pub mod import;
pub mod lint;
mod load;
pub mod starter;
mod write;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::embedded;
use crate::question::{Question, QuestionType};
use crate::tomldoc::{Diagnostic, Diagnostics, SourceFile};

pub use check::check_question;
pub use fact_refs::{FactNames, FactPlace};
pub use load::{MAX_TIME_LIMIT, load_source};
pub use write::{to_toml, toml_string};

/// The category a question gets when its pack names none.
pub const DEFAULT_CATEGORY: &str = "General";

/// What a pack says about itself (its `[pack]` table).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackMeta {
    /// Short stable name, unique among loaded packs: `defiant-ones`.
    pub id: String,
    /// The name shown to players.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The pack's own version, free text: `1.0`, `2024-05`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Language of the questions, as a tag such as `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The license the questions are shared under: `CC BY-SA 4.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Seconds to answer each question that sets no `time_limit` of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<u32>,
}

impl PackMeta {
    /// Metadata with an id and a title and nothing else.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        PackMeta {
            id: id.into(),
            title: title.into(),
            ..PackMeta::default()
        }
    }
}

/// A pack: its metadata and its questions, in file order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub meta: PackMeta,
    pub questions: Vec<Question>,
}

impl Pack {
    /// How many questions the pack has of each type, in [`QuestionType::ALL`] order.
    pub fn type_counts(&self) -> [usize; QuestionType::ALL.len()] {
        type_counts(&self.questions)
    }
}

/// How many of `questions` there are of each type, in [`QuestionType::ALL`] order.
pub fn type_counts(questions: &[Question]) -> [usize; QuestionType::ALL.len()] {
    let mut counts = [0; QuestionType::ALL.len()];
    for question in questions {
        let kind = question.body.question_type();
        if let Some(slot) = QuestionType::ALL.iter().position(|&each| each == kind) {
            counts[slot] += 1;
        }
    }
    counts
}

/// A hash map with a fast hasher, for id lookups over many questions (the input is the user's own files,
/// so flooding attacks are not a concern).
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hasher of rustc (`FxHasher`), eight bytes at a time.
#[derive(Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A pack together with the file it was read from.
#[derive(Clone, Debug)]
pub struct LoadedPack {
    /// The path as given (or found in a folder), as shown in messages.
    pub path: String,
    pub pack: Pack,
    /// The line of each question's `id`, in the order of `pack.questions`.
    pub question_lines: Vec<usize>,
    /// Every entry of the questions' `facts` lists, where it stands (see [`FactNames::unknown`]).
    pub fact_places: Vec<FactPlace>,
}

/// Everything learned from reading some pack files: the packs that are valid and every problem found.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    pub packs: Vec<LoadedPack>,
    /// Sorted by file (in the order the files were read), then line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Entries of a folder named like packs that were left out without being read, because they are
    /// not regular files (a FIFO, a device, a socket, a broken link): worth telling, but no pack was
    /// lost, so they leave the report valid.
    pub warnings: Vec<Diagnostic>,
}

impl LoadReport {
    /// Whether every file read was a valid pack.
    pub fn is_valid(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Reads pack files and folders of `*.toml` files (sorted by name, not recursive) and returns the packs,
/// or every problem found, including question ids and pack ids used in more than one place.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<Pack>, Vec<Diagnostic>> {
    let report = load_report(paths);
    if report.is_valid() {
        Ok(report.packs.into_iter().map(|loaded| loaded.pack).collect())
    } else {
        Err(report.diagnostics)
    }
}

/// Like [`load_paths`], but keeps the valid packs (with their paths) next to the problems.
pub fn load_report(paths: &[PathBuf]) -> LoadReport {
    let (sources, diagnostics, warnings, names) = read_sources(paths);
    LoadReport {
        warnings,
        ..load_in_order(&sources, diagnostics, &names)
    }
}

/// Like [`load_report`], for packs played beside the bundled ones: a question id or pack id that a
/// bundled pack already uses is a problem reported at the new file with the bundled place, since one of
/// the two questions would otherwise be hidden. A file that is an exact copy of a bundled pack (say
/// `--pack questions` in a checkout) is the same pack and is left out quietly.
pub fn load_report_beside_bundled(paths: &[PathBuf]) -> LoadReport {
    let (mut sources, diagnostics, warnings, mut names) = read_sources(paths);
    let bundled: Vec<SourceFile> = embedded::QUESTIONS
        .iter()
        .map(|(name, text)| SourceFile::new(format!("bundled {name}"), *text))
        .collect();
    sources.retain(|source| !bundled.iter().any(|b| b.text == source.text));
    let bundled_packs = bundled_report().packs.len();
    names.splice(0..0, bundled.iter().map(|b| b.name.clone()));
    let all: Vec<SourceFile> = bundled.into_iter().chain(sources).collect();
    let mut report = load_in_order(&all, diagnostics, &names);
    report.packs.drain(..bundled_packs.min(report.packs.len()));
    report.warnings = warnings;
    report
}

/// Reads the files named by `paths` (folders expanded), with the names problems may be reported under
/// in the order given, so unreadable files keep their place, and the folder entries left out.
fn read_sources(paths: &[PathBuf]) -> (Vec<SourceFile>, Diagnostics, Vec<Diagnostic>, Vec<String>) {
    let mut diagnostics = Diagnostics::default();
    let mut warnings = Vec::new();
    let mut sources = Vec::new();
    let mut names = Vec::new();
    for path in paths {
        names.push(path.display().to_string());
        for file in expand_path(path, &mut diagnostics, &mut warnings) {
            names.push(file.display().to_string());
            match SourceFile::read(&file) {
                Ok(source) => sources.push(source),
                Err(problem) => diagnostics.items.push(problem),
            }
        }
    }
    (sources, diagnostics, warnings, names)
}

/// Loads sources already in memory, checking ids across them.
pub fn load_sources(sources: &[SourceFile], diagnostics: Diagnostics) -> LoadReport {
    let names: Vec<String> = sources.iter().map(|source| source.name.clone()).collect();
    load_in_order(sources, diagnostics, &names)
}

fn load_in_order(
    sources: &[SourceFile],
    mut diagnostics: Diagnostics,
    names: &[String],
) -> LoadReport {
    let mut files = Vec::with_capacity(sources.len());
    for source in sources {
        files.push(load::load_file(source, &mut diagnostics));
    }
    check_across_files(sources, &files, &mut diagnostics);
    let mut order: HashMap<&str, usize> = HashMap::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        order.entry(name.as_str()).or_insert(index);
    }
    let mut items = diagnostics.items;
    items.sort_by_key(|item| {
        (
            order.get(item.file.as_str()).copied().unwrap_or(usize::MAX),
            item.line,
            item.column,
        )
    });
    let packs = sources
        .iter()
        .zip(files)
        .filter_map(|(source, file)| {
            let question_lines = file
                .ids()
                .iter()
                .map(|(_, offset)| source.line_column(*offset).0)
                .collect();
            file.pack.map(|pack| LoadedPack {
                path: source.name.clone(),
                pack,
                question_lines,
                fact_places: fact_refs::fact_places(source),
            })
        })
        .collect();
    LoadReport {
        packs,
        diagnostics: items,
        warnings: Vec::new(),
    }
}

/// Reports question ids and pack ids that more than one file uses.
fn check_across_files(
    sources: &[SourceFile],
    files: &[load::LoadedFile],
    diagnostics: &mut Diagnostics,
) {
    if files.len() < 2 {
        return;
    }
    let total = files.iter().map(|file| file.id_count()).sum();
    let mut first_seen: FastMap<&str, (usize, usize)> =
        FastMap::with_capacity_and_hasher(total, Default::default());
    let mut packs_seen: HashMap<&str, (usize, usize)> = HashMap::new();
    for (index, (source, file)) in sources.iter().zip(files).enumerate() {
        if let Some((pack_id, offset)) = &file.pack_id {
            match packs_seen.get(pack_id.as_str()) {
                Some(&(first_file, first_offset)) => diagnostics.at(
                    source,
                    *offset..*offset,
                    format!(
                        "duplicate pack id `{pack_id}`, also used at {}",
                        location(&sources[first_file], first_offset)
                    ),
                ),
                None => {
                    packs_seen.insert(pack_id, (index, *offset));
                }
            }
        }
        let mut in_this_file: Vec<(&str, usize)> = Vec::new();
        for (id, offset) in file.ids() {
            match first_seen.get(id) {
                Some(&(first_file, first_offset)) if first_file != index => diagnostics.at(
                    source,
                    offset..offset,
                    format!(
                        "duplicate question id `{id}`, first used at {}",
                        location(&sources[first_file], first_offset)
                    ),
                ),
                Some(_) => {}
                None => in_this_file.push((id, offset)),
            }
        }
        for (id, offset) in in_this_file {
            first_seen.entry(id).or_insert((index, offset));
        }
    }
}

/// `file:line:column` of a byte offset.
pub(crate) fn location(source: &SourceFile, offset: usize) -> String {
    let (line, column) = source.line_column(offset);
    format!("{}:{line}:{column}", source.name)
}

/// The files a path stands for: itself, or the `*.toml` files of a folder sorted by name. A `*.toml`
/// entry of a folder that is not a regular file (a FIFO, which would block a read; a device; a socket;
/// a link to nothing) is left out with a warning naming it; a sub-folder is left out quietly (folders
/// are not read recursively).
fn expand_path(
    path: &Path,
    diagnostics: &mut Diagnostics,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let name = path.display().to_string();
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.whole_file(&name, format!("cannot read folder: {error}"));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    let mut left_out = Vec::new();
    for file in entries.filter_map(Result::ok).map(|entry| entry.path()) {
        if file.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        // Following links, without opening: opening a FIFO blocks.
        match std::fs::metadata(&file) {
            Ok(metadata) if metadata.is_file() => files.push(file),
            Ok(metadata) if metadata.is_dir() => {}
            Ok(metadata) => left_out.push((file, crate::input::kind_problem(&metadata))),
            Err(error) => left_out.push((file, crate::input::ReadProblem::Io(error.to_string()))),
        }
    }
    files.sort();
    left_out.sort_by(|a, b| a.0.cmp(&b.0));
    for (file, problem) in left_out {
        warnings.push(Diagnostic {
            file: file.display().to_string(),
            line: 0,
            column: 0,
            message: format!("{problem}: left out"),
        });
    }
    if files.is_empty() {
        diagnostics.whole_file(&name, "folder has no `.toml` pack files");
    }
    files
}

/// The packs shipped inside the binary (`questions/*.toml`). A test guarantees they are valid; a pack
/// that somehow is not is left out rather than stopping the program.
pub fn bundled() -> Vec<Pack> {
    bundled_report().packs.into_iter().map(|p| p.pack).collect()
}

/// The bundled packs with their names and any problem found in them.
pub fn bundled_report() -> LoadReport {
    let sources: Vec<SourceFile> = embedded::QUESTIONS
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect();
    load_sources(&sources, Diagnostics::default())
}

/// The folder of the user's own packs: `$TRIVIA_HOME/packs`, or `packs` in the platform's data folder
/// (`~/.local/share/trivia/packs` on Linux). `vars` are the environment variables.
pub fn user_pack_dir(vars: &HashMap<String, String>) -> Option<PathBuf> {
    let var = |name: &str| vars.get(name).filter(|value| !value.is_empty());
    if let Some(home) = var("TRIVIA_HOME") {
        return Some(PathBuf::from(home).join("packs"));
    }
    if cfg!(all(unix, not(target_os = "macos"))) {
        if let Some(data) = var("XDG_DATA_HOME").filter(|dir| Path::new(dir).is_absolute()) {
            return Some(PathBuf::from(data).join("trivia").join("packs"));
        }
        if let Some(home) = var("HOME") {
            return Some(
                PathBuf::from(home)
                    .join(".local")
                    .join("share")
                    .join("trivia")
                    .join("packs"),
            );
        }
    }
    dirs::data_dir().map(|dir| dir.join("trivia").join("packs"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn user_pack_dir_prefers_trivia_home() {
        let dir = user_pack_dir(&vars(&[("TRIVIA_HOME", "/tmp/t"), ("HOME", "/home/x")]));
        assert_eq!(dir, Some(PathBuf::from("/tmp/t/packs")));
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn user_pack_dir_follows_xdg_then_home() {
        let dir = user_pack_dir(&vars(&[("XDG_DATA_HOME", "/d"), ("HOME", "/home/x")]));
        assert_eq!(dir, Some(PathBuf::from("/d/trivia/packs")));
        let dir = user_pack_dir(&vars(&[("HOME", "/home/x")]));
        assert_eq!(
            dir,
            Some(PathBuf::from("/home/x/.local/share/trivia/packs"))
        );
    }

    #[test]
    fn bundled_packs_load_without_problems() {
        let report = bundled_report();
        assert!(report.is_valid(), "{:#?}", report.diagnostics);
        assert!(!report.packs.is_empty());
    }
}
