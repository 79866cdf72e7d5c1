//! Every problem `trivia pack validate` reports, each at its exact line and column.

use std::path::PathBuf;

use trivia::pack;
use trivia::tomldoc::{Diagnostic, Diagnostics, SourceFile};

use crate::pack::data;

/// `(line, column, message)` of every diagnostic for pack text.
fn problems(text: &str) -> Vec<(usize, usize, String)> {
    let source = SourceFile::new("p.toml", text);
    let mut diagnostics = Diagnostics::default();
    let pack = pack::load_source(&source, &mut diagnostics);
    assert_eq!(pack.is_none(), !diagnostics.is_empty());
    diagnostics.sort();
    diagnostics
        .items
        .into_iter()
        .map(|d| (d.line, d.column, d.message))
        .collect()
}

/// The single problem in `text`, which must start with `expected`.
fn only_problem(text: &str, line: usize, column: usize, expected: &str) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (found_line, found_column, message) = &found[0];
    assert_eq!(
        (*found_line, *found_column),
        (line, column),
        "position of {message}"
    );
    assert!(
        message.starts_with(expected),
        "expected {expected:?}, found {message:?}"
    );
}

const HEAD: &str = "[pack]\nid = \"p\"\ntitle = \"P\"\n\n";

/// A pack with one question whose body lines are `lines` (the question header is line 5).
fn question(lines: &str) -> String {
    format!("{HEAD}[[question]]\n{lines}")
}

#[test]
fn pack_error_toml_syntax() {
    only_problem("[pack]\nid = \"p\"\ntitle = \n", 3, 9, "TOML syntax: ");
    let several = problems("[pack]\nid = \"p\ntitle = 3\n[[question]\n");
    assert!(several.len() >= 2, "{several:?}");
    assert!(several.iter().all(|(_, _, m)| m.starts_with("TOML syntax")));
}

#[test]
fn pack_error_unknown_field_names_the_fields_the_type_accepts() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"a\", \"b\"]\nanswer = \"a\"\nanwser = \"a\"\n",
        ),
        11,
        1,
        "unknown field `anwser` (did you mean `answer`?), expected one of `id`, `type`, `prompt`, \
         `category`, `difficulty`, `explanation`, `source`, `sources`, `tags`, `time_limit`, `facts`, \
         `options`, `answer`, `aliases` for a multiple_choice question",
    );
}

#[test]
fn pack_error_field_of_another_type_is_unknown() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\ntolerance = 1\n",
        ),
        10,
        1,
        "unknown field `tolerance`, expected one of `id`, `type`, `prompt`, `category`, `difficulty`, \
         `explanation`, `source`, `sources`, `tags`, `time_limit`, `facts`, `answer` for a true_false question",
    );
}

#[test]
fn pack_error_unknown_field_in_pack_and_source_tables() {
    only_problem(
        "[pack]\nid = \"p\"\ntitle = \"P\"\nautor = \"me\"\n[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\n",
        4,
        1,
        "unknown field `autor` in [pack] (did you mean `author`?)",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\nsources = [{ article = \"a.txt\", evidense = \"x\" }]\n",
        ),
        10,
        33,
        "unknown field `evidense` in source (did you mean `evidence`?)",
    );
}

#[test]
fn pack_error_unknown_top_level_table() {
    only_problem(
        &format!(
            "{HEAD}[[questions]]\nid = \"q\"\n\n[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\n"
        ),
        5,
        3,
        "unknown field `questions` (did you mean `question`?), expected `[pack]` or `[[question]]` tables",
    );
}

#[test]
fn pack_error_wrong_type() {
    only_problem(
        &question("id = \"q\"\ntype = \"numeric\"\nprompt = \"?\"\nanswer = \"three\"\n"),
        9,
        10,
        "field `answer` must be a number, found a string",
    );
    only_problem(
        &question("id = \"q\"\ntype = \"true_false\"\nprompt = [\"?\"]\nanswer = true\n"),
        8,
        10,
        "field `prompt` must be a string, found an array",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"select_all\"\nprompt = \"?\"\noptions = [\"a\", 2]\nanswers = [\"a\"]\n",
        ),
        9,
        17,
        "field `options` must list strings, found an integer",
    );
}

#[test]
fn pack_error_missing_field() {
    only_problem(
        &question("type = \"true_false\"\nprompt = \"?\"\nanswer = true\n"),
        5,
        1,
        "missing field `id` in question",
    );
    only_problem(
        &question("id = \"q\"\ntype = \"free_text\"\nprompt = \"?\"\n"),
        5,
        1,
        "missing field `answer` in free_text question: expected the answer text",
    );
    only_problem(
        "[pack]\ntitle = \"P\"\n[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\n",
        1,
        1,
        "missing field `id` in [pack]: expected a string",
    );
    only_problem(HEAD, 1, 1, "the pack has no questions");
}

#[test]
fn pack_error_unknown_type() {
    only_problem(
        &question("id = \"q\"\ntype = \"multiple-choise\"\nprompt = \"?\"\n"),
        7,
        8,
        "unknown question type `multiple-choise` (did you mean `multiple_choice`?)",
    );
}

#[test]
fn pack_error_answer_not_among_options() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"HBO\", \"Netflix\"]\nanswer = \"hbo\"\n",
        ),
        10,
        10,
        "answer `hbo` is not among the options (did you mean `HBO`?): expected one of `HBO`, `Netflix`",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"select_all\"\nprompt = \"?\"\noptions = [\"a\", \"b\"]\nanswers = [\"a\", \"c\"]\n",
        ),
        10,
        17,
        "answers `c` is not among the options",
    );
}

#[test]
fn pack_error_duplicate_options() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"2006\", \"2005\", \" 2006\"]\nanswer = \"2005\"\n",
        ),
        9,
        28,
        "duplicate option ` 2006`: the same as option 1 `2006`",
    );
    only_problem(
        &question("id = \"q\"\ntype = \"order\"\nprompt = \"?\"\nitems = [\"A\", \"B\", \"a\"]\n"),
        9,
        20,
        "duplicate item `a`: the same as item 1",
    );
}

#[test]
fn pack_error_duplicate_question_ids_in_one_pack() {
    let text = format!(
        "{HEAD}[[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\n\n\
         [[question]]\nid = \"q\"\ntype = \"true_false\"\nprompt = \"!\"\nanswer = false\n"
    );
    only_problem(
        &text,
        12,
        6,
        "duplicate question id `q`, first used at line 6, column 6",
    );
}

#[test]
fn pack_error_duplicate_question_ids_across_packs() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("a.toml");
    let two = dir.path().join("b.toml");
    let body =
        "[[question]]\nid = \"shared\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\n";
    std::fs::write(&one, format!("[pack]\nid = \"a\"\ntitle = \"A\"\n{body}")).unwrap();
    std::fs::write(&two, format!("[pack]\nid = \"a\"\ntitle = \"B\"\n\n{body}")).unwrap();
    let diagnostics = pack::load_paths(&[one.clone(), two.clone()]).unwrap_err();
    let shown: Vec<String> = diagnostics.iter().map(Diagnostic::to_string).collect();
    assert_eq!(
        shown,
        vec![
            format!(
                "{}:2:6: duplicate pack id `a`, also used at {}:2:6",
                two.display(),
                one.display()
            ),
            format!(
                "{}:6:6: duplicate question id `shared`, first used at {}:5:6",
                two.display(),
                one.display()
            ),
        ]
    );
    // The same file twice is the same ids twice, too.
    assert!(pack::load_paths(&[one.clone(), one]).is_err());
}

#[test]
fn pack_error_empty_text() {
    only_problem(
        &question("id = \"q\"\ntype = \"true_false\"\nprompt = \" \\n \"\nanswer = true\n"),
        8,
        10,
        "field `prompt` must not be empty",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"a\", \"\"]\nanswer = \"a\"\n",
        ),
        9,
        17,
        "field `options` must not be empty",
    );
}

#[test]
fn pack_error_true_false_answer_not_a_boolean() {
    only_problem(
        &question("id = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = \"yes\"\n"),
        9,
        10,
        "field `answer` must be a boolean (`true` or `false`, without quotes) in a true_false question, found a string",
    );
}

#[test]
fn pack_error_negative_tolerance() {
    only_problem(
        &question("id = \"q\"\ntype = \"numeric\"\nprompt = \"?\"\nanswer = 3\ntolerance = -0.5\n"),
        10,
        13,
        "field `tolerance` must not be negative, found -0.5",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"date\"\nprompt = \"?\"\nanswer = 2017-07-09\ntolerance_days = -2\n",
        ),
        10,
        18,
        "field `tolerance_days` must not be negative, found -2",
    );
}

#[test]
fn pack_error_order_with_fewer_than_two_items() {
    only_problem(
        &question("id = \"q\"\ntype = \"order\"\nprompt = \"?\"\nitems = [\"only\"]\n"),
        9,
        9,
        "an order question needs at least 2 items, found 1",
    );
}

#[test]
fn pack_error_alias_equal_to_a_wrong_option() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"Dre\", \"Iovine\"]\n\
             answer = \"Dre\"\naliases = [\"Dr. Dre\", \"IOVINE\"]\n",
        ),
        11,
        23,
        "alias `IOVINE` is also wrong option 2 `Iovine`",
    );
}

#[test]
fn pack_error_control_characters_in_text() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"true_false\"\nprompt = \"Red \\u001b[31m?\"\nanswer = true\n",
        ),
        8,
        10,
        "field `prompt` has control character U+001B at character 5",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"a\\nb\", \"c\"]\nanswer = \"c\"\n",
        ),
        9,
        12,
        "field `options` has control character U+000A at character 2",
    );
    only_problem(
        &question("id = \"q\"\ntype = \"true_false\"\nprompt = \"C1 \u{9b}31m\"\nanswer = true\n"),
        8,
        10,
        "field `prompt` has control character U+009B at character 4",
    );
    // Line breaks and tabs are fine in prompts; CRLF from Windows editors becomes LF.
    let pack = crate::pack::load_text(&question(
        "id = \"q\"\ntype = \"true_false\"\nprompt = \"\"\"\r\nOne\r\n\ttwo\"\"\"\nanswer = true\n",
    ))
    .unwrap_or_else(|d| panic!("{:#?}", d.items));
    assert_eq!(pack.questions[0].prompt, "One\n\ttwo");
}

#[test]
fn pack_error_bad_dates_and_difficulties() {
    only_problem(
        &question("id = \"q\"\ntype = \"date\"\nprompt = \"?\"\nanswer = \"2017-02-30\"\n"),
        9,
        10,
        "field `answer` must be a calendar date without a time",
    );
    only_problem(
        &question("id = \"q\"\ntype = \"date\"\nprompt = \"?\"\nanswer = 2017-07-09T21:00:00\n"),
        9,
        10,
        "field `answer` must be a calendar date without a time",
    );
    only_problem(
        &question(
            "id = \"q\"\ntype = \"true_false\"\nprompt = \"?\"\nanswer = true\ndifficulty = \"extreme\"\n",
        ),
        10,
        14,
        "field `difficulty` must be `easy`, `medium` or `hard`, found `extreme`",
    );
}

#[test]
fn pack_error_options_count() {
    only_problem(
        &question(
            "id = \"q\"\ntype = \"multiple_choice\"\nprompt = \"?\"\noptions = [\"a\"]\nanswer = \"a\"\n",
        ),
        9,
        11,
        "a multiple_choice question needs 2 to 6 options, found 1",
    );
}

#[test]
fn pack_error_file_level_problems() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"[pack]\nid = \"p\"\ntitle = \"caf\xe9\"\n").unwrap();
    let missing = dir.path().join("missing.toml");
    let empty_folder = dir.path().join("empty");
    std::fs::create_dir(&empty_folder).unwrap();
    let diagnostics =
        pack::load_paths(&[latin1.clone(), missing.clone(), empty_folder.clone()]).unwrap_err();
    let shown: Vec<String> = diagnostics.iter().map(Diagnostic::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    // In the order the paths were given.
    assert_eq!(
        shown[0],
        format!(
            "{}:3:13: file is not valid UTF-8 (save it as UTF-8)",
            latin1.display()
        )
    );
    assert!(
        shown[1].starts_with(&format!("{}: cannot read file:", missing.display())),
        "{}",
        shown[1]
    );
    assert_eq!(
        shown[2],
        format!(
            "{}: folder has no `.toml` pack files",
            empty_folder.display()
        )
    );
}

#[test]
fn pack_error_broken_pack_lists_every_problem_in_order() {
    let path: PathBuf = data("broken-pack.toml");
    let diagnostics = pack::load_paths(std::slice::from_ref(&path)).unwrap_err();
    let found: Vec<(usize, usize, &str)> = diagnostics
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    let expected: Vec<(usize, usize, &str)> = vec![
        (6, 1, "missing field `answer` in multiple_choice question"),
        (10, 41, "duplicate option `allen hughes`"),
        (11, 1, "unknown field `anwser` (did you mean `answer`?)"),
        (18, 10, "answer `MTV` is not among the options"),
        (
            21,
            6,
            "duplicate question id `network`, first used at line 14, column 6",
        ),
        (24, 10, "field `answer` must be a boolean"),
        (29, 10, "field `prompt` must not be empty"),
        (31, 13, "field `tolerance` must not be negative, found -1"),
        (37, 9, "an order question needs at least 2 items, found 1"),
        (46, 12, "alias `dr. dre` is also wrong option 2 `Dr. Dre`"),
        (51, 10, "field `prompt` has control character U+001B"),
        (
            53,
            14,
            "field `difficulty` must be `easy`, `medium` or `hard`, found an integer",
        ),
        (55, 1, "missing field `id` in question"),
        (60, 1, "unknown field `tolerance`"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, column, message), (want_line, want_column, want)) in found.iter().zip(&expected) {
        assert_eq!((line, column), (want_line, want_column), "{message}");
        assert!(
            message.starts_with(want),
            "{message} should start with {want}"
        );
    }
}

#[test]
fn regression_one_run_shows_every_mistake_after_a_syntax_error() {
    // Eight mistakes of different kinds: a misspelt [pack] field, too few options, an answer not among
    // them, an unclosed string, a number written as a string, a repeated id, an unknown difficulty, a
    // duplicate option with an unknown answer, and a misspelt question field. Before, the syntax error
    // hid everything else, and the option count hid the answer check.
    let text = std::fs::read_to_string(data("eight-mistakes.toml")).unwrap();
    let found = problems(&text);
    let expected: [(usize, usize, &str); 11] = [
        (
            4,
            1,
            "unknown field `titel` in [pack] (did you mean `title`?)",
        ),
        (
            10,
            11,
            "a multiple_choice question needs 2 to 6 options, found 1",
        ),
        (11, 10, "answer `Spielberg` is not among the options"),
        (16, 35, "TOML syntax: invalid basic string"),
        (23, 10, "field `answer` must be a number, found a string"),
        (
            26,
            6,
            "duplicate question id `films-1`, first used at line 7, column 6",
        ),
        (
            30,
            14,
            "field `difficulty` must be `easy`, `medium` or `hard`",
        ),
        (36, 33, "duplicate option `Vertigo`"),
        (37, 23, "answers `Rope` is not among the options"),
        (39, 1, "missing field `prompt` in question"),
        (42, 1, "unknown field `promt` (did you mean `prompt`?)"),
    ];
    for (line, column, message) in expected {
        assert!(
            found
                .iter()
                .any(|(l, c, m)| (*l, *c) == (line, column) && m.starts_with(message)),
            "no {line}:{column} {message:?} in {found:#?}"
        );
    }
}

#[test]
fn regression_a_broken_question_table_does_not_hide_the_ones_after_it() {
    let text = format!(
        "{HEAD}[[question]]\nid = \"a\"\ntype = \"true_false\"\nprompt = \"x\nanswer = true\n\n\
         [[question]]\nid = \"b\"\ntype = \"true_false\"\nprompt = \"y\"\nanswer = \"yes\"\n"
    );
    let found = problems(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].2.starts_with("TOML syntax"));
    assert_eq!((found[1].0, found[1].1), (15, 10));
    assert!(found[1].2.starts_with("field `answer` must be a boolean"));
}
