//! Imports in the shapes real files have: Moodle GIFT banks (byte-order mark, CRLF, HTML, format markers,
//! partial credit, feedback), Open Trivia DB API files in every `encode=` form. Each test names the bug it
//! pins.

use trivia::pack::import::{self, Format, ImportReport, Input};
use trivia::question::{Body, Question};

use crate::pack::{data, load_text, path_str, trivia};

fn import_files(format: Format, names: &[&str], pack_id: &str) -> ImportReport {
    let inputs: Vec<Input> = names
        .iter()
        .map(|name| Input {
            name: name.to_string(),
            bytes: std::fs::read(data(&format!("import/{name}"))).unwrap(),
        })
        .collect();
    import::import(format, &inputs, pack_id, &mut |_, _| {})
}

fn gift(text: &str) -> ImportReport {
    import::import(
        Format::Gift,
        &[Input {
            name: "bank.gift".to_string(),
            bytes: text.as_bytes().to_vec(),
        }],
        "bank",
        &mut |_, _| {},
    )
}

fn find<'a>(report: &'a ImportReport, id: &str) -> &'a Question {
    report
        .questions
        .iter()
        .find(|question| question.id == id)
        .unwrap_or_else(|| panic!("no `{id}` in {:#?}", report.questions))
}

#[test]
fn regression_gift_partial_credit_is_never_right() {
    let report = import_files(Format::Gift, &["moodle-bank.gift"], "bible");
    let question = find(&report, "bible-q1");
    assert_eq!(
        question.body,
        Body::MultipleChoice {
            options: vec![
                "Jerusalem".into(),
                "Bethlehem".into(),
                "Galilee".into(),
                "Nazareth".into()
            ],
            answer: 3,
            aliases: vec![]
        }
    );
    let single = gift("Pick {~a ~%25%b =c}");
    assert!(matches!(
        single.questions[0].body,
        Body::MultipleChoice { answer: 2, .. }
    ));
    let short = gift("Name {=Dre =%50%Andre}");
    assert_eq!(
        short.questions[0].body,
        Body::FreeText {
            answer: "Dre".into(),
            aliases: vec![],
            kind: None,
            // Partial credit is never right; the player is asked for more.
            prompt_on: vec!["Andre".into()],
            reject: vec![],
        }
    );
}

#[test]
fn regression_gift_byte_order_mark_and_crlf_keep_categories_and_prompts() {
    let report = import_files(Format::Gift, &["moodle-bank.gift"], "bible");
    assert!(report.skipped.is_empty(), "{:#?}", report.skipped);
    assert_eq!(report.questions.len(), 6);
    for question in &report.questions {
        assert_eq!(question.category, "Default for History/Bible");
        assert!(
            !question.prompt.contains("question:"),
            "{}",
            question.prompt
        );
        assert!(!question.prompt.contains('\r'), "{:?}", question.prompt);
        assert!(!question.prompt.contains('\u{feff}'));
    }
}

#[test]
fn regression_gift_format_markers_and_html_become_text() {
    let report = import_files(Format::Gift, &["moodle-bank.gift"], "bible");
    let q1 = find(&report, "bible-q1");
    assert_eq!(
        q1.prompt,
        "Where did Jesus grow up, according to the gospels?"
    );
    assert_eq!(
        q1.explanation,
        "Luke 2:39 & Matthew 2:23 place the family in Nazareth."
    );
    assert_eq!(
        find(&report, "bible-q2").prompt,
        "In what year did Apollo 11 land on the Moon?"
    );
    assert_eq!(
        find(&report, "bible-q3").prompt,
        "How many sides does a hexagon have?"
    );
    // `[plain]` text is kept as written, `<` and all.
    assert_eq!(
        find(&report, "bible-q4").prompt,
        "Which symbol is written a < b in maths?"
    );
    assert_eq!(
        find(&report, "bible-q5").explanation,
        "It covers about a third of the Earth."
    );
    for question in &report.questions {
        let texts = std::iter::once(&question.prompt)
            .chain(question.body.choices())
            .chain(std::iter::once(&question.explanation));
        for text in texts {
            assert!(!text.contains('<') || question.id == "bible-q4", "{text}");
            assert!(
                !text.contains("&nbsp;") && !text.contains("[html]"),
                "{text}"
            );
        }
    }
}

#[test]
fn regression_gift_numeric_feedback_and_tilde_equals_import() {
    let report = import_files(Format::Gift, &["moodle-bank.gift"], "bible");
    assert_eq!(
        find(&report, "bible-q2").body,
        Body::Numeric {
            answer: 1969.0,
            tolerance: 0.0,
            unit: None
        }
    );
    assert_eq!(
        find(&report, "bible-q3").body,
        Body::Numeric {
            answer: 6.0,
            tolerance: 0.0,
            unit: None
        }
    );
    assert!(matches!(
        find(&report, "bible-q4").body,
        Body::MultipleChoice { answer: 0, .. }
    ));
    assert_eq!(
        find(&report, "bible-q6").body,
        Body::SelectAll {
            options: vec!["Red".into(), "Blue".into(), "Yellow".into()],
            answers: vec![0, 1]
        }
    );
    let shapes = gift(
        "::a::Range? {#1..5#between}\n\n::b::Year? {#=1822:0#yes =%50%1822:2#close}\n\n::c::Which? {~=right#yes ~wrong#no}\n",
    );
    assert!(shapes.skipped.is_empty(), "{:#?}", shapes.skipped);
    assert_eq!(shapes.questions.len(), 3);
}

#[test]
fn regression_gift_titles_are_qualified_so_two_banks_load_together() {
    let home = tempfile::tempdir().unwrap();
    let first = home.path().join("bible.toml");
    let second = home.path().join("geography.toml");
    for (input, output) in [
        ("moodle-bank.gift", &first),
        ("moodle-geography.gift", &second),
    ] {
        let run = trivia(
            &[
                "pack",
                "import",
                "--from",
                "gift",
                path_str(&data(&format!("import/{input}"))),
                "-o",
                path_str(output),
            ],
            home.path(),
        );
        assert_eq!(run.code, 0, "{run:?}");
    }
    let validate = trivia(
        &["pack", "validate", path_str(&first), path_str(&second)],
        home.path(),
    );
    assert_eq!(validate.code, 0, "{validate:?}");
    assert!(validate.stdout.contains("valid: 2 pack(s), 8 questions"));
    // Several files into one pack: each file qualifies its own titles.
    let both = import_files(
        Format::Gift,
        &["moodle-bank.gift", "moodle-geography.gift"],
        "mixed",
    );
    assert!(
        both.questions
            .iter()
            .any(|q| q.id == "mixed-moodle-bank-q1")
    );
    assert!(
        both.questions
            .iter()
            .any(|q| q.id == "mixed-moodle-geography-q1")
    );
}

#[test]
fn regression_gift_backslash_before_non_ascii_does_not_panic() {
    let report = gift("Pick {=yes\\é ~no}");
    assert!(report.skipped.is_empty(), "{:#?}", report.skipped);
    assert_eq!(report.questions[0].body.choices()[0], "yesé");
    for text in ["::t\\é::x {T}", "a\\漢 {=b\\🎉 ~c}", "{#1\\é}", "x {=a\\"] {
        let _ = gift(text);
    }
}

#[test]
fn regression_gift_export_escapes_arrows_so_moodle_does_not_read_matching() {
    let text = "[pack]\nid = \"arrows\"\ntitle = \"Arrows\"\n\n\
        [[question]]\nid = \"arrows-1\"\ntype = \"free_text\"\nprompt = \"What does x -> y mean?\"\nanswer = \"x maps to y -> z\"\n\n\
        [[question]]\nid = \"arrows-2\"\ntype = \"multiple_choice\"\nprompt = \"[html] is <b>bold</b>?\"\noptions = [\"a -> b\", \"a & b\", \"&amp;\"]\nanswer = \"a -> b\"\n";
    let pack = load_text(text).unwrap_or_else(|d| panic!("{:#?}", d.items));
    let exported = trivia::pack::export::to_gift(&pack);
    assert!(!exported.text.contains("->"), "{}", exported.text);
    // Every GIFT special character in a text is escaped: none is left bare inside an answer block.
    let block = exported.text.split("::arrows-2::").nth(1).unwrap();
    assert!(
        block.contains("a -&gt; b") && block.contains("a &amp; b"),
        "{block}"
    );
    assert!(block.contains("&\\#91;html]"), "{block}");
    let back = import::import(
        Format::Gift,
        &[Input {
            name: "arrows.gift".into(),
            bytes: exported.text.into_bytes(),
        }],
        "arrows",
        &mut |_, _| {},
    );
    assert!(back.skipped.is_empty(), "{:#?}", back.skipped);
    assert_eq!(back.questions, pack.questions);
}

#[test]
fn regression_opentdb_url3986_and_base64_files_decode() {
    for name in ["opentdb-url3986.json", "opentdb-base64.json"] {
        let report = import_files(Format::Opentdb, &[name], "otdb");
        assert!(report.skipped.is_empty(), "{name}: {:#?}", report.skipped);
        assert_eq!(report.questions.len(), 4, "{name}");
        let prompts: Vec<&str> = report.questions.iter().map(|q| q.prompt.as_str()).collect();
        assert!(
            prompts.contains(&"Which element has the chemical symbol 'Fe'?"),
            "{name}: {prompts:?}"
        );
        assert!(
            prompts.contains(&"Which of these is NOT the name of a team leader in Pokémon GO?"),
            "{name}: {prompts:?}"
        );
        assert!(
            report
                .questions
                .iter()
                .any(|q| q.category == "Science & Nature")
        );
        assert!(
            report.summary().contains("records decoded from"),
            "{}",
            report.summary()
        );
    }
}

#[test]
fn pack_import_csv_reads_every_type_and_reports_each_dropped_row() {
    let report = import_files(Format::Csv, &["authors.csv"], "geo");
    assert_eq!(report.questions.len(), 9, "{:#?}", report.skipped);
    let lines: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "authors.csv:1: skipped: unknown column: column 20 `notes` is not read",
            "authors.csv:10: skipped: answer not among the options: `Bogota` is not one of Lima | Quito | Santiago",
            "authors.csv:11: skipped: not a number: `answer` is `about 8849`",
            "authors.csv:13: skipped: not a date: `answer` is `April 1912`, expected YYYY, YYYY-MM or YYYY-MM-DD",
        ]
    );
    let counts = trivia::pack::type_counts(&report.questions);
    assert!(counts.iter().all(|&count| count >= 1), "{counts:?}");
    assert_eq!(
        find(&report, "geo-6").body,
        Body::SelectAll {
            options: vec![
                "Spain".into(),
                "Brazil".into(),
                "Poland".into(),
                "Kenya".into()
            ],
            answers: vec![0, 2]
        }
    );
    // A row without an id gets one from its content.
    assert!(
        report
            .questions
            .iter()
            .any(|q| q.prompt == "What is the largest ocean?" && q.id.starts_with("csv-"))
    );
}

#[test]
fn pack_import_kahoot_template_reads_questions_after_the_instructions() {
    let report = import_files(Format::Kahoot, &["kahoot.csv"], "k");
    let bodies: Vec<&Body> = report.questions.iter().map(|q| &q.body).collect();
    assert_eq!(bodies.len(), 3, "{:#?}", report.skipped);
    assert!(matches!(bodies[0], Body::MultipleChoice { answer: 1, .. }));
    assert!(matches!(bodies[1], Body::SelectAll { answers, .. } if answers == &vec![0, 2]));
    assert_eq!(bodies[2], &Body::TrueFalse { answer: false });
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(reasons, ["no right answer", "right answer is empty"]);
    let limits: Vec<Option<u32>> = report.questions.iter().map(|q| q.time_limit).collect();
    assert_eq!(limits, [Some(20), Some(30), Some(10)]);
}

#[test]
fn pack_import_quizlet_and_anki_cards() {
    let quizlet = import_files(Format::Quizlet, &["quizlet.txt"], "q");
    assert_eq!(quizlet.questions.len(), 6, "{:#?}", quizlet.skipped);
    let paris = quizlet
        .questions
        .iter()
        .find(|q| q.prompt == "Capital of France")
        .unwrap();
    assert_eq!(paris.body.answer_text(), "Paris");
    let long = quizlet
        .questions
        .iter()
        .find(|q| q.prompt == "mitochondria")
        .unwrap();
    assert!(
        matches!(&long.body, Body::MultipleChoice { options, .. } if options.len() == 4),
        "{:?}",
        long.body
    );
    assert_eq!(quizlet.skipped[0].reason, "card without two sides");

    let anki = import_files(Format::Quizlet, &["anki.txt"], "a");
    let prompts: Vec<(&str, String)> = anki
        .questions
        .iter()
        .map(|q| (q.prompt.as_str(), q.body.answer_text()))
        .collect();
    assert_eq!(
        prompts,
        [
            ("What is the chemical symbol for gold?", "Au".to_string()),
            (
                "Which planet is known as the Red Planet?",
                "Mars".to_string()
            ),
            (
                "Who painted the Mona Lisa?",
                "Leonardo da Vinci".to_string()
            ),
        ]
    );
    assert_eq!(anki.skipped[0].reason, "cloze card");
    assert!(anki.skipped[0].to_string().starts_with("anki.txt:6:"));
}

#[test]
fn pack_export_csv_then_import_keeps_the_bundled_pack() {
    let home = tempfile::tempdir().unwrap();
    for (to, file) in [("csv", "p.csv"), ("tsv", "p.tsv"), ("json", "p.json")] {
        let exported = home.path().join(file);
        let back = home.path().join(format!("{to}.toml"));
        let run = trivia(
            &[
                "pack",
                "export",
                "--to",
                to,
                "defiant-ones",
                "-o",
                path_str(&exported),
            ],
            home.path(),
        );
        assert_eq!(run.code, 0, "{run:?}");
        let run = trivia(
            &[
                "pack",
                "import",
                "--from",
                to,
                path_str(&exported),
                "-o",
                path_str(&back),
            ],
            home.path(),
        );
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stderr.contains("skipped 0"), "{}", run.stderr);
        let original = trivia::pack::bundled().remove(0);
        let imported = load_text(&std::fs::read_to_string(&back).unwrap())
            .unwrap_or_else(|d| panic!("{:#?}", d.items));
        assert_eq!(imported.questions, original.questions, "{to}");
    }
}
