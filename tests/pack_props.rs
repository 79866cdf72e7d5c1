//! Property tests: the loader never panics on any text, written packs load back to the same questions,
//! CSV, TSV and JSON export/import keep every question and GIFT export/import keeps every question GIFT
//! can express.

use proptest::prelude::*;

use trivia::pack::import::{self, Format, Input};
use trivia::pack::{self, Pack, PackMeta, check_question, export, to_toml};
use trivia::question::{Body, Citation, Difficulty, PartialDate, Question};
use trivia::tomldoc::{Diagnostics, SourceFile};

fn load(text: &str) -> (Option<Pack>, Diagnostics) {
    let source = SourceFile::new("prop.toml", text);
    let mut diagnostics = Diagnostics::default();
    let pack = pack::load_source(&source, &mut diagnostics);
    (pack, diagnostics)
}

/// Text for one-line fields: starts with a letter, then anything printable, including quotes,
/// backslashes, TOML and GIFT punctuation and any non-control Unicode.
fn line_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][ -~]{0,20}",
        "[A-Za-z]\\PC{0,12}",
        "[A-Za-z][\"\\\\'{}#=~:%$ é漢🎉\u{2028}]{0,8}",
    ]
}

/// Text for prompts, quotes and explanations: may also hold line breaks and tabs.
fn block_text() -> impl Strategy<Value = String> {
    (
        prop::option::of(Just("\n")),
        line_text(),
        prop::collection::vec(("[\n\t]", line_text()), 0..3),
    )
        .prop_map(|(lead, first, rest)| {
            let mut text = lead.unwrap_or_default().to_string();
            text.push_str(&first);
            for (sep, more) in rest {
                text.push_str(&sep);
                text.push_str(&more);
            }
            text
        })
}

/// `count` texts that are all different for a player: each ends with its own ` N` suffix.
fn distinct(count: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(line_text(), count).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(index, text)| format!("{text} {index}"))
            .collect()
    })
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64),
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
        Just(3e9),
        Just(0.1),
    ]
}

fn date() -> impl Strategy<Value = PartialDate> {
    (1000i32..3000, 0u8..=12, 0u8..=31).prop_map(|(year, month, day)| {
        if month == 0 {
            PartialDate::year(year)
        } else if day == 0 {
            PartialDate {
                year,
                month: Some(month),
                day: None,
            }
        } else {
            PartialDate::ymd(year, month, day).unwrap_or(PartialDate {
                year,
                month: Some(month),
                day: None,
            })
        }
    })
}

fn choices() -> impl Strategy<Value = (Vec<String>, usize, Vec<String>)> {
    distinct(2..7).prop_flat_map(|options| {
        let len = options.len();
        (
            Just(options),
            0..len,
            prop::collection::vec(line_text(), 0..3).prop_map(|aliases| {
                aliases
                    .into_iter()
                    .enumerate()
                    .map(|(index, alias)| format!("{alias} a{index}"))
                    .collect()
            }),
        )
    })
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        choices().prop_map(|(options, answer, aliases)| Body::MultipleChoice {
            options,
            answer,
            aliases
        }),
        any::<bool>().prop_map(|answer| Body::TrueFalse { answer }),
        (
            number(),
            prop_oneof![Just(0.0), 0.0..1e6],
            prop::option::of(line_text())
        )
            .prop_map(|(answer, tolerance, unit)| Body::Numeric {
                answer,
                tolerance,
                unit
            }),
        (date(), prop_oneof![Just(0u32), any::<u32>()]).prop_map(|(answer, tolerance_days)| {
            Body::Date {
                answer,
                tolerance_days,
            }
        }),
        (
            line_text(),
            prop::collection::vec(line_text(), 0..3),
            prop::option::of(line_text()),
            prop::collection::vec(line_text(), 0..2),
            prop::collection::vec(line_text(), 0..2),
        )
            .prop_map(
                |(answer, aliases, kind, prompt_on, reject)| Body::FreeText {
                    answer,
                    aliases,
                    kind,
                    prompt_on,
                    reject,
                }
            ),
        distinct(2..7).prop_flat_map(|options| {
            let len = options.len();
            (Just(options), prop::collection::btree_set(0..len, 1..=len)).prop_map(
                |(options, answers)| Body::SelectAll {
                    options,
                    answers: answers.into_iter().collect(),
                },
            )
        }),
        (distinct(2..7), any::<bool>(), prop::option::of(line_text())).prop_map(
            |(items, with_keys, direction)| {
                let keys = if with_keys {
                    items.iter().map(|item| format!("key of {item}")).collect()
                } else {
                    Vec::new()
                };
                Body::Order {
                    items,
                    keys,
                    direction,
                }
            }
        ),
        (block_text(), choices()).prop_map(|(quote, (options, answer, aliases))| Body::Quote {
            quote,
            options,
            answer,
            aliases
        }),
    ]
}

fn citation() -> impl Strategy<Value = Citation> {
    (line_text(), prop::option::of(block_text()))
        .prop_map(|(article, evidence)| Citation { article, evidence })
}

fn question() -> impl Strategy<Value = Question> {
    (
        "[a-z][a-z0-9._-]{0,10}",
        block_text(),
        body(),
        line_text(),
        prop::sample::select(Difficulty::ALL.to_vec()),
        prop_oneof![Just(String::new()), block_text()],
        prop::collection::vec(citation(), 0..3),
        prop::collection::vec(line_text(), 0..3),
    )
        .prop_map(
            |(id, prompt, body, category, difficulty, explanation, sources, tags)| Question {
                id,
                prompt,
                body,
                category,
                difficulty,
                explanation,
                sources,
                tags,
                time_limit: None,
            },
        )
}

fn pack_of(questions: Vec<Question>) -> Pack {
    let questions = questions
        .into_iter()
        .enumerate()
        .map(|(index, mut question)| {
            question.id = format!("{}-{index}", question.id);
            question
        })
        .collect();
    Pack {
        meta: PackMeta {
            id: "prop".to_string(),
            title: "Property \"test\" \\ pack".to_string(),
            author: Some("Ünïcödé".to_string()),
            description: Some("Line one\nline two".to_string()),
            version: None,
            language: Some("en".to_string()),
            license: None,
            time_limit: None,
        },
        questions,
    }
}

/// The same text with GIFT's outer-space trimming applied, as GIFT cannot keep outer spaces.
fn trimmed(question: Question) -> Question {
    let trim = |text: &mut String| *text = text.trim().to_string();
    let mut question = question;
    trim(&mut question.prompt);
    trim(&mut question.category);
    trim(&mut question.explanation);
    match &mut question.body {
        Body::MultipleChoice { options, .. } | Body::SelectAll { options, .. } => {
            options.iter_mut().for_each(trim)
        }
        Body::Quote { options, .. } => options.iter_mut().for_each(trim),
        Body::FreeText {
            answer,
            aliases,
            prompt_on,
            reject,
            ..
        } => {
            trim(answer);
            aliases.iter_mut().for_each(trim);
            prompt_on.iter_mut().for_each(trim);
            reject.iter_mut().for_each(trim);
        }
        _ => {}
    }
    question
}

/// A pack fragment that mutations start from: the starter pack and the bundled pack.
fn seeds() -> Vec<String> {
    vec![
        pack::starter::starter_pack("seed", "Seed"),
        trivia::embedded::QUESTIONS[0].1.to_string(),
    ]
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            prop_oneof![
                "\\PC{0,8}",
                "[\\[\\]{}=\"'#\n\\\\,.]{1,4}",
                Just("\u{1b}[2J".to_string()),
                Just("answer = 7\n".to_string()),
                Just("[[question]]\n".to_string()),
                Just("\"\"\"".to_string()),
                Just("x".repeat(200)),
            ]
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::Delete { at, len } => {
            let start = boundary(*at);
            let end = boundary(start + len);
            let end = end.max(start);
            format!("{}{}", &text[..start], &text[end..])
        }
        Mutation::Insert { at, text: inserted } => {
            let at = boundary(*at);
            format!("{}{inserted}{}", &text[..at], &text[at..])
        }
        Mutation::DuplicateLine { line } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let index = line % lines.len();
            lines.insert(index, lines[index]);
            lines.join("\n")
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let len = lines.len();
            lines.swap(a % len, b % len);
            lines.join("\n")
        }
    }
}

// 256 cases each by default; set PROPTEST_CASES for more.
proptest! {
    #[test]
    fn pack_loader_never_panics_on_arbitrary_text(text in any::<String>()) {
        let (pack, diagnostics) = load(&text);
        prop_assert_eq!(pack.is_none(), !diagnostics.is_empty());
    }

    #[test]
    fn pack_loader_never_panics_on_tomlish_text(text in "[\\[\\]a-z_ =\"'{},.#\n0-9\\-:tf]{0,200}") {
        let (pack, diagnostics) = load(&text);
        prop_assert_eq!(pack.is_none(), !diagnostics.is_empty());
    }

    #[test]
    fn pack_loader_never_panics_on_mutated_packs(
        seed in 0usize..2,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let mut text = seeds().swap_remove(seed);
        for mutation in &mutations {
            text = apply(&text, mutation);
        }
        let (pack, diagnostics) = load(&text);
        prop_assert_eq!(pack.is_none(), !diagnostics.is_empty());
        for diagnostic in &diagnostics.items {
            prop_assert!(diagnostic.line <= text.lines().count() + 1);
            prop_assert!(!diagnostic.message.is_empty());
        }
    }

    #[test]
    fn pack_written_questions_load_back_equal(questions in prop::collection::vec(question(), 1..6)) {
        let pack = pack_of(questions);
        for question in &pack.questions {
            let problems = check_question(question);
            prop_assert!(problems.is_empty(), "{:?}: {:?}", question, problems);
        }
        let text = to_toml(&pack);
        let (loaded, diagnostics) = load(&text);
        prop_assert!(diagnostics.is_empty(), "{:#?}\n{}", diagnostics.items, text);
        let loaded = loaded.unwrap();
        prop_assert_eq!(&loaded, &pack);
        prop_assert_eq!(to_toml(&loaded), text);
    }

    #[test]
    fn pack_gift_export_and_import_keep_what_gift_expresses(
        questions in prop::collection::vec(question(), 1..6),
    ) {
        let questions: Vec<Question> = questions
            .into_iter()
            .filter(|q| !matches!(q.body, Body::Order { .. } | Body::Date { .. }))
            .map(trimmed)
            .collect();
        if questions.is_empty() {
            return Ok(());
        }
        let pack = pack_of(questions);
        let gift = export::to_gift(&pack);
        let report = import::import(
            Format::Gift,
            &[Input { name: "prop.gift".to_string(), bytes: gift.text.clone().into_bytes() }],
            "prop",
            &mut |_, _| {},
        );
        prop_assert!(report.skipped.is_empty(), "{:#?}\n{}", report.skipped, gift.text);
        prop_assert_eq!(&report.questions, &pack.questions, "{}", gift.text);
    }

    #[test]
    fn pack_csv_and_tsv_export_and_import_keep_every_question(
        questions in prop::collection::vec(question(), 1..6),
    ) {
        let pack = pack_of(questions);
        for (format, delimiter) in [(Format::Csv, b','), (Format::Tsv, b'\t')] {
            let text = export::to_csv(&pack, delimiter);
            let report = import::import(
                format,
                &[Input { name: "prop.csv".to_string(), bytes: text.clone().into_bytes() }],
                "prop",
                &mut |_, _| {},
            );
            prop_assert!(report.skipped.is_empty(), "{:#?}\n{}", report.skipped, text);
            prop_assert_eq!(&report.questions, &pack.questions, "{}", text);
        }
    }

    #[test]
    fn pack_json_export_and_import_keep_every_question(
        questions in prop::collection::vec(question(), 1..6),
    ) {
        let pack = pack_of(questions);
        let text = export::to_json(&pack);
        let report = import::import(
            Format::Json,
            &[Input { name: "prop.json".to_string(), bytes: text.clone().into_bytes() }],
            "prop",
            &mut |_, _| {},
        );
        prop_assert!(report.skipped.is_empty(), "{:#?}", report.skipped);
        prop_assert_eq!(&report.questions, &pack.questions);
        prop_assert_eq!(report.meta.as_ref(), Some(&pack.meta));
    }
}

#[test]
fn pack_bundled_pack_writes_back_to_an_equal_pack() {
    let packs = pack::bundled();
    assert!(!packs.is_empty(), "no bundled pack to write back");
    for pack in packs {
        let text = to_toml(&pack);
        let (loaded, diagnostics) = load(&text);
        assert!(diagnostics.is_empty(), "{:#?}", diagnostics.items);
        assert_eq!(loaded.unwrap(), pack);
    }
}
