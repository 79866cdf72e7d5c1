//! Parses a large fact file in parts, on several threads: one TOML parse of a file of tens of
//! megabytes spends most of its time growing token buffers, while parts of half a megabyte parse
//! faster even on one core, and in parallel on several.
//!
//! A file is cut at its `[[entity]]`, `[[fact]]` ... header lines (the array sections). Those tables
//! are independent, so each part is a TOML document of its own whose arrays, appended in order, are
//! the whole file's. Whenever that might not hold, the whole file is parsed instead, which reports
//! every problem exactly as usual: a syntax error in any part (a header line inside a multi-line
//! string leaves a part with an unclosed string), a top-level key before the first header that names
//! an array section (`fact = [...]` then `[[fact]]` is an error in the whole file), or any top-level
//! table that is not one of the array sections after the first header (`[fact_base]` given late, a
//! `[fact.x]` that extends a table of the part before). Parts keep the whole file's name and line
//! numbers, so every position reported stays the file's.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::tomldoc::{Diagnostics, SourceFile};

/// Files at least this large are parsed in parts.
pub(super) const PARTS_FROM_BYTES: usize = 1024 * 1024;

/// About how many bytes each part holds: small enough that its buffers are reused, large enough that
/// threads have work.
pub(super) const PART_BYTES: usize = 512 * 1024;

/// The top-level sections written as arrays of tables (`[[fact]]`), where a file may be cut.
const ARRAY_SECTIONS: [&str; 6] = [
    "kind",
    "article",
    "relation",
    "entity",
    "fact",
    "disagreement",
];

/// How a large file is read: its parts' texts, cut at header lines.
pub(super) struct Plan {
    /// When to cut a file, and how large its parts are.
    pub parts_from: usize,
    pub part_bytes: usize,
    /// How many threads parse the parts of a file.
    pub threads: usize,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            parts_from: PARTS_FROM_BYTES,
            part_bytes: PART_BYTES,
            threads: std::thread::available_parallelism()
                .map_or(1, usize::from)
                .min(8),
        }
    }
}

impl Plan {
    /// The parts of `source` (the text before the first header, then runs of tables), or nothing when
    /// the file is small or has no header to cut at.
    pub fn cut(&self, source: &SourceFile) -> Vec<SourceFile> {
        let text = source.text.as_str();
        if text.len() < self.parts_from {
            return Vec::new();
        }
        let headers = array_headers(text);
        let Some(&first) = headers.first() else {
            return Vec::new();
        };
        // The head (perhaps empty) always comes first: only it may hold top-level keys and tables.
        let mut bounds = vec![0, first];
        for &at in &headers {
            if at - bounds[bounds.len() - 1] >= self.part_bytes {
                bounds.push(at);
            }
        }
        if bounds[bounds.len() - 1] < text.len() {
            bounds.push(text.len());
        }
        let mut line_base = 0;
        let mut parts = Vec::with_capacity(bounds.len());
        for range in bounds.windows(2) {
            let part = &text[range[0]..range[1]];
            parts.push(SourceFile::part(source.name.clone(), part, line_base));
            line_base += part.matches('\n').count();
        }
        parts
    }

    /// Parses every file, in parts when [`Plan::cut`] gave some and they stand for the whole file
    /// (see the module documentation), else whole; reports syntax errors of whole files into
    /// `diagnostics`. Returns each parsed document with the file or part it was read from, in order.
    pub fn parse<'s>(
        &self,
        sources: &'s [SourceFile],
        parts: &'s [Vec<SourceFile>],
        diagnostics: &mut Diagnostics,
    ) -> Vec<(&'s SourceFile, Spanned<DeTable<'s>>)> {
        let mut documents = Vec::new();
        for (source, parts) in sources.iter().zip(parts) {
            if let Some(parsed) = self.parse_parts(parts) {
                documents.extend(parts.iter().zip(parsed));
            } else if let Some(document) = source.parse(diagnostics) {
                documents.push((source, document));
            }
        }
        documents
    }

    /// Parses the parts of one file on up to `threads` threads; `None` when there are none or they do
    /// not stand for the whole file.
    fn parse_parts<'s>(&self, parts: &'s [SourceFile]) -> Option<Vec<Spanned<DeTable<'s>>>> {
        if parts.is_empty() {
            return None;
        }
        let workers = self.threads.clamp(1, parts.len());
        let share = parts.len().div_ceil(workers);
        let parsed: Vec<Option<Vec<Spanned<DeTable<'s>>>>> = if workers == 1 {
            vec![parse_run(parts)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = parts
                    .chunks(share)
                    .map(|run| scope.spawn(move || parse_run(run)))
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| handle.join().ok().flatten())
                    .collect()
            })
        };
        let documents: Vec<Spanned<DeTable<'s>>> = parsed
            .into_iter()
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let (head, rest) = documents.split_first()?;
        let head_names_a_section = head
            .get_ref()
            .iter()
            .any(|(key, _)| ARRAY_SECTIONS.contains(&key.get_ref().as_ref()));
        let rest_only_arrays = rest.iter().all(|document| {
            document.get_ref().iter().all(|(key, value)| {
                ARRAY_SECTIONS.contains(&key.get_ref().as_ref())
                    && matches!(value.get_ref(), DeValue::Array(_))
            })
        });
        (!head_names_a_section && rest_only_arrays).then_some(documents)
    }
}

/// Parses a run of parts; `None` as soon as one has a syntax error.
fn parse_run(parts: &[SourceFile]) -> Option<Vec<Spanned<DeTable<'_>>>> {
    parts
        .iter()
        .map(|part| part.parse(&mut Diagnostics::default()))
        .collect()
}

/// Byte offsets of the lines that are exactly an array section's header (`[[fact]]`, trailing white
/// space allowed).
fn array_headers(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(name) = header_name(line)
            && ARRAY_SECTIONS.contains(&name)
        {
            found.push(line_start);
        }
        line_start += line.len();
    }
    found
}

/// The name in a `[[name]]` line.
fn header_name(line: &str) -> Option<&str> {
    line.trim_end().strip_prefix("[[")?.strip_suffix("]]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_whole_lines_naming_an_array_section() {
        let text = "a = 1\n[[fact]]\nx = \"[[entity]]\"\n[[entity]]  \n [[fact]]\n[[fact.sources]]\n[[kind]]";
        let found: Vec<&str> = array_headers(text)
            .into_iter()
            .map(|at| text[at..].lines().next().unwrap())
            .collect();
        assert_eq!(found, ["[[fact]]", "[[entity]]  ", "[[kind]]"]);
        assert_eq!(header_name("[[]]\n"), Some(""));
        assert_eq!(header_name("[[\n"), None);
        assert_eq!(header_name("[[]\n"), None);
    }

    #[test]
    fn parts_keep_the_file_name_and_its_line_numbers() {
        let plan = Plan {
            parts_from: 0,
            part_bytes: 1,
            threads: 1,
        };
        let source = SourceFile::new("big.toml", "# head\n[[fact]]\na = 1\n\n[[entity]]\nb = 2\n");
        let parts = plan.cut(&source);
        let texts: Vec<&str> = parts.iter().map(|part| part.text.as_str()).collect();
        assert_eq!(
            texts,
            ["# head\n", "[[fact]]\na = 1\n\n", "[[entity]]\nb = 2\n"]
        );
        assert!(parts.iter().all(|part| part.name == "big.toml"));
        assert_eq!(parts[2].line_column(0), (5, 1));
    }

    /// Loads `files` whole, then cut into parts at every header on one and on three threads: each
    /// way must give the same base or the same problems at the same places.
    fn same_every_way(files: &[(&str, &str)]) {
        let sources = || -> Vec<SourceFile> {
            files
                .iter()
                .map(|(name, text)| SourceFile::new(*name, *text))
                .collect()
        };
        let never = Plan {
            parts_from: usize::MAX,
            part_bytes: 1,
            threads: 1,
        };
        let summary = |result: Result<super::super::FactBase, Vec<crate::tomldoc::Diagnostic>>| {
            match result {
                Ok(base) => format!(
                    "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
                    base.about,
                    base.articles,
                    base.relations,
                    base.entities,
                    base.facts,
                    base.disagreements
                ),
                Err(problems) => problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        };
        let whole = summary(super::super::load::load_sources_with(sources(), &never));
        for threads in [1, 3] {
            let every_header = Plan {
                parts_from: 0,
                part_bytes: 1,
                threads,
            };
            let in_parts = summary(super::super::load::load_sources_with(
                sources(),
                &every_header,
            ));
            assert_eq!(in_parts, whole, "{threads} threads, files {:?}", files);
        }
    }

    #[test]
    fn every_committed_fact_base_reads_the_same_in_parts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut bases: Vec<Vec<std::path::PathBuf>> = vec![
            std::fs::read_dir(root.join("seeds"))
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect(),
            std::fs::read_dir(root.join("tests/data/facts/apollo"))
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect(),
        ];
        for name in ["apollo", "bands", "cinema", "minimal"] {
            bases.push(vec![root.join(format!("tests/data/facts/{name}.toml"))]);
        }
        for mut paths in bases {
            paths.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
            paths.sort();
            let texts: Vec<(String, String)> = paths
                .iter()
                .map(|path| {
                    (
                        path.display().to_string(),
                        std::fs::read_to_string(path).unwrap(),
                    )
                })
                .collect();
            let files: Vec<(&str, &str)> = texts
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str()))
                .collect();
            same_every_way(&files);
            let every_header = Plan {
                parts_from: 0,
                part_bytes: 1,
                threads: 2,
            };
            for (name, text) in &files {
                let source = SourceFile::new(*name, *text);
                let parts = every_header.cut(&source);
                assert!(
                    parts.is_empty() || every_header.parse_parts(&parts).is_some(),
                    "{name} reads in parts"
                );
            }
            // And all of a base's files as one file.
            let joined: String = texts.iter().map(|(_, text)| format!("{text}\n")).collect();
            same_every_way(&[("joined.toml", &joined)]);
        }
    }

    #[test]
    fn files_that_only_read_whole_give_the_whole_files_problems() {
        let minimal = include_str!("../../tests/data/facts/minimal.toml");
        let cases = [
            // A table given after the first header.
            format!("{minimal}\n[fact_base]\nid = \"late\"\n"),
            format!("[fact_base]\nid = \"a\"\n{minimal}\n[fact_base]\nid = \"b\"\n"),
            // A section given inline before its header.
            format!("entity = [{{ id = \"x\", name = \"X\", kind = \"person\" }}]\n{minimal}"),
            // A header line inside a multi-line string.
            format!("{minimal}\n[[fact]]\nnote = \"\"\"\n[[entity]]\nid = 1\n\"\"\"\n"),
            // A table that extends the last fact of the part before.
            format!("{minimal}\n[[entity]]\nid = \"e\"\n[fact.extra]\nx = 1\n"),
            format!("{minimal}\n[[entity]]\nid = \"e\"\n[[fact.sources]]\narticle = \"a\"\n"),
            // Unknown sections, syntax errors and control characters deep in the file.
            format!("{minimal}\n[bogus]\nx = 1\n[[entity]]\nid = \"e\"\n"),
            format!("{minimal}\n[[entity]]\nid = \"e\"\nname = \n[[fact]]\nx = 1\n"),
            format!(
                "{minimal}\n[[entity]]\nid = \"e\\u001b]52\"\nname = \"E\"\nkind = \"person\"\n"
            ),
            format!(
                "{minimal}\n[[entity]]\nid = \"dup\"\nname = \"D\"\nkind = \"person\"\n[[entity]]\nid = \"dup\"\nname = \"D\"\nkind = \"person\"\n"
            ),
        ];
        let every_header = Plan {
            parts_from: 0,
            part_bytes: 1,
            threads: 1,
        };
        for (index, text) in cases.iter().enumerate() {
            same_every_way(&[("case.toml", text)]);
            let source = SourceFile::new("case.toml", text.as_str());
            let parts = every_header.cut(&source);
            assert!(parts.len() > 2, "case {index} is cut");
            // The last two cases split cleanly: their problems are found in parts.
            assert_eq!(
                every_header.parse_parts(&parts).is_some(),
                index >= cases.len() - 2,
                "case {index}: {text}"
            );
        }
    }
}
