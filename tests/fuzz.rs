//! Fuzz campaigns on stable Rust: every parser of outside input (pack TOML, fact TOML, GIFT, Open Trivia
//! DB JSON, OpenTriviaQA, typed answers, command-line numbers) gets inputs mutated from real samples by
//! our seeded generator, and must never panic.
//!
//! CI runs a short campaign (`FUZZ_CASES` inputs per parser, 300 by default: seconds). The long one, with
//! a million inputs per parser, is
//!
//! ```text
//! TRIVIA_FUZZ_CASES=1000000 nice -n 19 cargo test --release --test integration fuzz_ -- --nocapture --test-threads=1
//! ```
//!
//! which prints the cases and time of each campaign. `TRIVIA_FUZZ_SEED` picks another stream of inputs;
//! `TRIVIA_FUZZ_SECONDS` stops each campaign after that many seconds (the count run is printed).
//! A panicking input is written to `target/fuzz-failures/` so it can become a regression test.

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::Instant;

use trivia::answer::Lexicon;
use trivia::pack::import::{self, Format, Input};
use trivia::question::{Layout, Question};
use trivia::rng::{self, Rng, SeededRng};
use trivia::tomldoc::{Diagnostics, SourceFile};

/// Inputs per campaign for CI.
const FUZZ_CASES: usize = 300;

fn cases() -> usize {
    std::env::var("TRIVIA_FUZZ_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(FUZZ_CASES)
}

fn seed() -> u64 {
    std::env::var("TRIVIA_FUZZ_SEED")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(11)
}

/// Pieces worth splicing into any of our formats: syntax, escapes, multi-byte and control characters,
/// numbers at the edges.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "~",
    "#",
    "\\",
    "\\u",
    "\\u{",
    "\\U0010FFFF",
    "é",
    "\\é",
    "ß",
    "İ",
    "🎬",
    "\u{202e}",
    "\u{1b}[31m",
    "\u{0}",
    "\r\n",
    "\n",
    "\t",
    ",",
    ":",
    "::",
    "%",
    "-",
    "+",
    "0",
    "-0",
    "1e309",
    "nan",
    "inf",
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
    "0x7f",
    "1979-05-27",
    "2017-02-30",
    "true",
    "false",
    "[[question]]\n",
    "[[fact]]\n",
    "[[entity]]\n",
    "[pack]\n",
    "type = \"order\"\n",
    "items = []\n",
    "=yes\\é ~no",
    "{#1..2}",
    "{#1:0.5}",
    "{T}",
    "{FALSE}",
    "->",
    "&amp;",
    "&#x1F3AC;",
    "&#99999999;",
    "%E9",
    "base64",
    "#Q ",
    "^ ",
    "A ",
    "\u{feff}",
    "\u{fffd}",
    "\u{85}",
];

/// One mutated input from the corpus: a few byte- and token-level edits of one sample, sometimes
/// spliced with another.
fn mutate(rng: &mut SeededRng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = rng::choose(rng, corpus).cloned().unwrap_or_default();
    let edits = 1 + rng::below(rng, 8);
    for _ in 0..edits {
        let len = bytes.len();
        let at = if len == 0 {
            0
        } else {
            rng::index(rng, len + 1)
        };
        match rng::below(rng, 10) {
            0 if len > 0 => {
                let at = at.min(len - 1);
                bytes[at] ^= 1 << rng::below(rng, 8);
            }
            1 if len > 0 => {
                let at = at.min(len - 1);
                bytes[at] = rng.next_u32() as u8;
            }
            2 | 3 => {
                let token = rng::choose(rng, TOKENS).unwrap();
                bytes.splice(at..at, token.bytes());
            }
            4 if len > 0 => {
                let end = (at + 1 + rng::index(rng, 64)).min(len);
                bytes.drain(at.min(end)..end);
            }
            5 if len > 0 => {
                // Duplicate a range somewhere else.
                let start = rng::index(rng, len);
                let end = (start + 1 + rng::index(rng, 128)).min(len);
                let piece: Vec<u8> = bytes[start..end].to_vec();
                let to = rng::index(rng, bytes.len() + 1);
                bytes.splice(to..to, piece);
            }
            6 => bytes.truncate(at),
            7 => {
                let other = rng::choose(rng, corpus).cloned().unwrap_or_default();
                if !other.is_empty() {
                    let start = rng::index(rng, other.len());
                    let end = (start + 1 + rng::index(rng, 256)).min(other.len());
                    bytes.splice(at..at, other[start..end].iter().copied());
                }
            }
            8 => {
                let count = 1 + rng::index(rng, 16);
                let random: Vec<u8> = (0..count).map(|_| rng.next_u32() as u8).collect();
                bytes.splice(at..at, random);
            }
            _ => {
                // Repeat a token many times: deep nesting, long runs.
                let token = rng::choose(rng, TOKENS).unwrap();
                let times = 1 + rng::index(rng, 200);
                let run: Vec<u8> = token.repeat(times).into_bytes();
                bytes.splice(at..at, run);
            }
        }
    }
    bytes
}

/// Seconds a campaign may run before it stops early and reports how many cases it ran
/// (`TRIVIA_FUZZ_SECONDS`; no limit by default).
fn time_budget() -> Option<f64> {
    std::env::var("TRIVIA_FUZZ_SECONDS")
        .ok()
        .and_then(|text| text.parse().ok())
}

/// Runs `target` on `cases()` mutated inputs; fails with the inputs that panicked (saved to files).
fn campaign(name: &str, corpus: &[Vec<u8>], target: impl Fn(&[u8])) {
    let wanted = cases();
    let budget = time_budget();
    let mut rng = SeededRng::derive(seed(), name);
    let start = Instant::now();
    let mut failures = Vec::new();
    let mut cases = 0;
    for case in 0..wanted {
        if case % 1024 == 0 && budget.is_some_and(|limit| start.elapsed().as_secs_f64() > limit) {
            break;
        }
        cases += 1;
        let input = mutate(&mut rng, corpus);
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| target(&input)));
        if outcome.is_err() {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join(format!("{name}-{case}.bin"));
            let _ = std::fs::write(&path, &input);
            failures.push(path.display().to_string());
            if failures.len() >= 5 {
                break;
            }
        }
    }
    let elapsed = start.elapsed();
    println!(
        "fuzz {name}: {cases} of {wanted} cases, {} panics, {:.1} s ({:.1} µs per case)",
        failures.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / cases.max(1) as f64
    );
    assert!(
        failures.is_empty(),
        "{name}: inputs that panicked: {failures:?}"
    );
}

fn root(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> Vec<u8> {
    std::fs::read(root(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Chunks of a TOML file cut at table headers, so mutated inputs stay small and fast but keep the
/// file's real shapes.
fn toml_chunks(text: &str, tables_per_chunk: usize) -> Vec<Vec<u8>> {
    let mut starts: Vec<usize> = text.match_indices("\n[").map(|(at, _)| at + 1).collect();
    starts.insert(0, 0);
    starts.push(text.len());
    starts
        .windows(2)
        .collect::<Vec<_>>()
        .chunks(tables_per_chunk)
        .map(|group| text.as_bytes()[group[0][0]..group[group.len() - 1][1]].to_vec())
        .collect()
}

fn pack_corpus() -> Vec<Vec<u8>> {
    let mut corpus = Vec::new();
    for entry in std::fs::read_dir(root("questions")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let head_end = text.find("[[question]]").unwrap_or(text.len());
        let head = &text[..head_end];
        for chunk in toml_chunks(&text[head_end..], 3) {
            let mut bytes = head.as_bytes().to_vec();
            bytes.extend(chunk);
            corpus.push(bytes);
        }
    }
    corpus.push(read("tests/data/broken-pack.toml"));
    corpus
}

#[test]
fn fuzz_pack_toml() {
    campaign("pack-toml", &pack_corpus(), |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let source = SourceFile::new("fuzz.toml", text.into_owned());
        let mut diagnostics = Diagnostics::default();
        let pack = trivia::pack::load_source(&source, &mut diagnostics);
        // Whatever loads writes back and loads again.
        if let Some(pack) = pack {
            let written = trivia::pack::to_toml(&pack);
            let again = SourceFile::new("again.toml", written);
            let mut more = Diagnostics::default();
            assert!(
                trivia::pack::load_source(&again, &mut more).is_some(),
                "{:?}",
                more.items
            );
        }
        for diagnostic in &diagnostics.items {
            let _ = diagnostic.to_string();
        }
    });
}

#[test]
fn fuzz_fact_toml() {
    let mut corpus = Vec::new();
    for entry in std::fs::read_dir(root("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            corpus.extend(toml_chunks(&text, 4));
        }
    }
    for name in ["minimal", "bands", "cinema"] {
        corpus.push(read(&format!("tests/data/facts/{name}.toml")));
    }
    let minimal = String::from_utf8(read("tests/data/facts/minimal.toml")).unwrap();
    campaign("fact-toml", &corpus, |bytes| {
        let text = String::from_utf8_lossy(bytes).into_owned();
        // Alone, and next to a small valid base it may refer to.
        let alone = trivia::facts::load_sources(vec![SourceFile::new("fuzz.toml", text.clone())]);
        // A large file is read in parts: cut at every header, the same text gives the same result.
        let in_parts = trivia::facts::load_sources_cut_at_every_header(vec![SourceFile::new(
            "fuzz.toml",
            text.clone(),
        )]);
        assert_eq!(
            fact_base_summary(&in_parts),
            fact_base_summary(&alone),
            "read in parts"
        );
        let base = trivia::facts::load_sources(vec![
            SourceFile::new("minimal.toml", minimal.clone()),
            SourceFile::new("fuzz.toml", text),
        ]);
        if let Ok(base) = base {
            let _ = trivia::generate::generate_all(&base);
        }
    });
}

/// What a fact file read into: the base's contents, or every problem as printed.
fn fact_base_summary(
    result: &Result<trivia::facts::FactBase, Vec<trivia::tomldoc::Diagnostic>>,
) -> String {
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
}

fn import_campaign(name: &str, format: Format, corpus: &[Vec<u8>]) {
    campaign(name, corpus, |bytes| {
        let inputs = [Input {
            name: "fuzz".to_string(),
            bytes: bytes.to_vec(),
        }];
        let report = import::import(format, &inputs, "fuzz", &mut |_, _| {});
        let _ = report.summary();
        for skipped in &report.skipped {
            let _ = skipped.to_string();
        }
        if !report.questions.is_empty() {
            let pack = trivia::pack::Pack {
                meta: trivia::pack::PackMeta::new("fuzz", "Fuzz"),
                questions: report.questions,
            };
            let source = SourceFile::new("imported.toml", trivia::pack::to_toml(&pack));
            let mut diagnostics = Diagnostics::default();
            assert!(
                trivia::pack::load_source(&source, &mut diagnostics).is_some(),
                "an imported pack must validate: {:?}",
                diagnostics.items
            );
        }
    });
}

#[test]
fn fuzz_gift() {
    let mut corpus = vec![read("tests/data/sample.gift")];
    corpus.push(b"::t:: Which? {=yes ~no}\n\nQ {T}\n\nN {#3:1}\n\nM {=a =b}\n".to_vec());
    import_campaign("gift", Format::Gift, &corpus);
}

#[test]
fn fuzz_opentdb_json() {
    let corpus = vec![read("tests/data/opentdb-sample.json")];
    import_campaign("opentdb-json", Format::Opentdb, &corpus);
}

#[test]
fn fuzz_opentriviaqa() {
    // Records of the sample, two at a time, so each input stays small.
    let sample = read("tests/data/opentriviaqa/general");
    let text = String::from_utf8_lossy(&sample).into_owned();
    let records: Vec<&str> = text.split("\n#Q").collect();
    let mut corpus: Vec<Vec<u8>> = records
        .chunks(2)
        .map(|pair| format!("#Q{}", pair.join("\n#Q")).into_bytes())
        .collect();
    corpus.push(sample);
    import_campaign("opentriviaqa", Format::Opentriviaqa, &corpus);
}

/// One question of every type from the shipped content, and the names answers are checked against.
fn questions_of_every_type() -> (Vec<Question>, Lexicon) {
    let base = trivia::facts::FactBase::embedded().expect("the shipped fact base is valid");
    let mut lexicon = Lexicon::new();
    for entity in &base.entities {
        lexicon.add(&entity.kind, &entity.name, &entity.aliases);
    }
    let mut all: Vec<Question> = trivia::generate::generate_all(&base);
    for pack in trivia::pack::bundled() {
        all.extend(pack.questions);
    }
    let mut picked: Vec<Question> = Vec::new();
    for question in all {
        let kind = question.body.question_type();
        if picked
            .iter()
            .filter(|q| q.body.question_type() == kind)
            .count()
            < 4
        {
            picked.push(question);
        }
    }
    (picked, lexicon)
}

#[test]
fn fuzz_typed_answers() {
    let (questions, lexicon) = questions_of_every_type();
    // Answers players type: letters, numbers, dates, names, and the right answers themselves.
    let mut corpus: Vec<Vec<u8>> = [
        "A",
        "b",
        "A C",
        "c, a, b",
        "true",
        "F",
        "1958",
        "2.5 billion",
        "$3bn",
        "40%",
        "1,000,000",
        "14 March 1990",
        "March 1990",
        "the 90s",
        "Dr. Dre",
        "dre",
        "Jimmy Iovine",
        "none",
        "",
        "1e400",
        "-0",
        "½",
        "Ⅻ",
        "三",
        "٣",
        "A B C D E F G H",
        ":hint",
    ]
    .iter()
    .map(|text| text.as_bytes().to_vec())
    .collect();
    corpus.extend(
        questions
            .iter()
            .map(|question| question.body.answer_text().into_bytes()),
    );
    let mut rng = SeededRng::derive(seed(), "layouts");
    let layouts: Vec<Layout> = questions
        .iter()
        .map(|question| {
            let mut positions: Vec<usize> = (0..question.body.choices().len()).collect();
            rng::shuffle(&mut rng, &mut positions);
            Layout { positions }
        })
        .collect();
    let mut pick = SeededRng::derive(seed(), "questions");
    let pick = std::cell::RefCell::new(&mut pick);
    campaign("typed-answers", &corpus, |bytes| {
        let input = String::from_utf8_lossy(bytes);
        let index = rng::index(&mut **pick.borrow_mut(), questions.len());
        let _ = trivia::answer::check(&questions[index], &layouts[index], &input, &lexicon);
    });
}

#[test]
fn fuzz_command_line_numbers() {
    use clap::Parser;
    use trivia::cli::{Args, Command, Terminals};
    let corpus: Vec<Vec<u8>> = [
        "0",
        "1",
        "10",
        "-1",
        "4000000000",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999",
        "+5",
        "0x10",
        "1e3",
        " 7",
        "1_000",
        "",
    ]
    .iter()
    .map(|text| text.as_bytes().to_vec())
    .collect();
    let flags: &[(&str, &str)] = &[
        ("play", "--count"),
        ("play", "--seed"),
        ("generate", "--count"),
        ("generate", "--seed"),
        ("simulate", "--games"),
        ("simulate", "--count"),
        ("simulate", "--seed"),
    ];
    let mut pick = SeededRng::derive(seed(), "flags");
    let pick = std::cell::RefCell::new(&mut pick);
    campaign("command-line-numbers", &corpus, |bytes| {
        let value = String::from_utf8_lossy(bytes).replace('\0', "");
        let (command, flag) = flags[rng::index(&mut **pick.borrow_mut(), flags.len())];
        let Ok(args) = Args::try_parse_from(["trivia", command, flag, &value]) else {
            return;
        };
        if let Some(Command::Play(play)) = args.command {
            let _ = play.into_config(Terminals::default());
        }
    });
}
