//! A fact base on a topic of its own (`tests/data/facts/apollo/`: the crewed Apollo missions), written
//! from `docs/facts.md` alone, plays end to end with no trace of the bundled content: in line mode, as
//! JSON and in a real terminal. Its declared kinds keep wrong options in their family, and its new value
//! types (ranks, times of day, durations in parts, measures, ages) are asked and judged.

use std::process::Command;
use std::time::Duration;

use trivia::answer::check;
use trivia::facts::{FactBase, load_paths};
use trivia::generate::Generator;
use trivia::question::{Body, Layout, Question};

use crate::support::{data, says, trivia};

/// Words only the bundled content uses: none may show when the Apollo base is played.
const BUNDLED_WORDS: [&str; 6] = ["Defiant", "Iovine", "Dre", "HBO", "Beats", "Hughes"];

fn apollo() -> FactBase {
    load_paths(&[data("facts/apollo")]).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

fn assert_no_bundled_text(screen: &str) {
    for word in BUNDLED_WORDS {
        assert!(
            !screen.contains(word),
            "`{word}` is on screen though only the Apollo base is played:\n{screen}"
        );
    }
}

/// Answers every question understands sooner or later: letters, truth, numbers, dates, a time, text.
fn answers() -> String {
    let forms = [
        "A",
        "true",
        "3",
        "A B",
        "A B C",
        "A B C D",
        "A B C D E",
        "1969",
        "July 1969",
        "July 20, 1969",
        "12:00",
        "someone",
    ];
    forms.map(|form| format!("{form}\n")).concat().repeat(40)
}

#[test]
fn the_apollo_base_is_large_valid_and_declares_its_own_kinds() {
    let base = apollo();
    assert!(base.facts.len() >= 80, "{} facts", base.facts.len());
    assert_eq!(base.title(), Some("Apollo: the crewed Moon landings"));
    let declared: Vec<&str> = base
        .kinds
        .declared()
        .map(|kind| kind.name.as_str())
        .collect();
    assert!(declared.len() >= 5, "{declared:?}");
    assert!(base.kinds.is_a("lunar-module", "product"));
    assert!(base.kinds.is_a("astronaut", "person"));
    // Two entities of different kinds share the name "Apollo 13": the mission and the film.
    let named: Vec<&str> = base
        .entities
        .iter()
        .filter(|entity| entity.name == "Apollo 13")
        .map(|entity| entity.kind.as_str())
        .collect();
    assert_eq!(named, ["mission", "film"]);
    assert!(
        base.template_warnings().is_empty(),
        "{:#?}",
        base.template_warnings()
    );
    assert!(Generator::new(&base).uncovered_facts().is_empty());
    let check = trivia()
        .args(["facts", "check"])
        .arg(data("facts/apollo"))
        .output()
        .unwrap();
    let report = String::from_utf8(check.stdout).unwrap();
    assert!(
        check.status.success() && !report.contains("warning"),
        "{report}"
    );
}

#[test]
fn the_apollo_base_plays_in_line_mode_with_no_bundled_text() {
    for seed in ["1", "2", "3", "4", "5"] {
        let output = trivia()
            .args(["play", "--no-history", "--seed", seed, "--facts"])
            .arg(data("facts/apollo"))
            .write_stdin(answers())
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let screen =
            String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap();
        assert!(
            screen.starts_with("Apollo: the crewed Moon landings trivia · classic."),
            "{screen}"
        );
        assert!(screen.contains("Question 10 of 10"), "{screen}");
        assert!(screen.contains("Game over"), "{screen}");
        // Sources are named as the fact base names its articles, never by file name.
        assert!(!screen.contains(".txt"), "{screen}");
        assert!(screen.contains("Source: The "), "{screen}");
        assert_no_bundled_text(&screen);
    }
}

#[test]
fn the_apollo_base_plays_as_json_and_in_other_modes_with_no_bundled_text() {
    for args in [
        vec!["--json"],
        vec!["--mode", "survival"],
        vec!["--mode", "hot-seat", "--players", "Ana,Ben"],
    ] {
        let output = trivia()
            .args(["play", "--no-history", "--seed", "8", "--facts"])
            .arg(data("facts/apollo"))
            .args(&args)
            .write_stdin(answers())
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        let screen = String::from_utf8(output.stdout).unwrap();
        assert_no_bundled_text(&screen);
    }
    let rules = trivia()
        .arg("rules")
        .arg("--facts")
        .arg(data("facts/apollo"))
        .output()
        .unwrap();
    let rules = String::from_utf8(rules.stdout).unwrap();
    assert!(rules.contains("Questions about Apollo: the crewed Moon landings,"));
    assert_no_bundled_text(&rules);
}

#[test]
fn the_apollo_base_plays_in_a_real_terminal_with_no_bundled_text() {
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("trivia"));
    command
        .env_clear()
        .env("TRIVIA_HOME", home.path())
        .env("TERM", "xterm-256color")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["play", "--count", "3", "--seed", "1", "--facts"])
        .arg(data("facts/apollo"));
    let mut session = match expectrl::Session::spawn(command) {
        Ok(session) => session,
        Err(error) => {
            crate::support::skip_or_fail(
                "any_topic pty",
                &format!("no pseudo-terminal could be opened: {error}"),
            );
            return;
        }
    };
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    let mut seen = Vec::new();
    for needle in ["Apollo: the crewed Moon landings trivia", "Question 1 of 3"] {
        let found = expectrl::Expect::expect(&mut session, needle)
            .unwrap_or_else(|error| panic!("did not see {needle:?}: {error}"));
        seen.extend_from_slice(found.before());
        seen.extend_from_slice(found.as_bytes());
    }
    std::thread::sleep(Duration::from_millis(300));
    expectrl::Expect::send(&mut session, "\u{3}").unwrap();
    let found = expectrl::Expect::expect(&mut session, "Game over")
        .unwrap_or_else(|error| panic!("the game did not end: {error}"));
    seen.extend_from_slice(found.before());
    seen.extend_from_slice(found.as_bytes());
    if let Ok(found) = expectrl::Expect::expect(&mut session, expectrl::Eof) {
        seen.extend_from_slice(found.before());
    }
    let screen = String::from_utf8_lossy(&seen);
    assert!(screen.contains("Game over"), "{screen}");
    assert_no_bundled_text(&screen);
}

/// Regression: with a closed list of 19 kinds, a rocket question offered the lunar modules' call signs
/// (all `product`). Every wrong option of a choice question is now of the answer's own declared kind.
#[test]
fn wrong_options_stay_within_the_answers_declared_kind() {
    let base = apollo();
    // The kinds of the entities an option may name (two kinds share "Apollo 13").
    // Options show an entity's article ("The Saturn V").
    let kinds_of = |option: &str| -> Vec<&str> {
        let name = option.strip_prefix("The ").unwrap_or(option);
        base.entities
            .iter()
            .filter(|entity| entity.name == name)
            .map(|entity| entity.kind.as_str())
            .collect()
    };
    let generator = Generator::new(&base);
    let mut checked = 0;
    for question in generator.questions() {
        let Body::MultipleChoice { options, .. } = &question.body else {
            continue;
        };
        let kinds: Vec<Vec<&str>> = options.iter().map(|option| kinds_of(option)).collect();
        if kinds.iter().any(Vec::is_empty) {
            continue; // values (dates, amounts), not entities
        }
        let shared = kinds[0]
            .iter()
            .any(|kind| kinds.iter().all(|option_kinds| option_kinds.contains(kind)));
        assert!(
            shared,
            "{:?} mixes kinds: {options:?} are {kinds:?}",
            question.prompt
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} entity choice questions");
    let rockets = generator
        .questions()
        .find(|q| {
            q.prompt == "Which rocket launched Apollo 11?"
                && matches!(q.body, Body::MultipleChoice { .. })
        })
        .expect("the rocket is asked as a choice");
    assert!(rockets.body.choices().len() >= 3);
    for option in rockets.body.choices() {
        assert_eq!(kinds_of(option), ["rocket"], "{option}");
    }
}

fn find<'a>(questions: &'a [Question], prompt: &str, numeric: bool) -> &'a Question {
    questions
        .iter()
        .find(|q| q.prompt == prompt && matches!(q.body, Body::Numeric { .. }) == numeric)
        .unwrap_or_else(|| panic!("no question {prompt:?}"))
}

#[test]
fn new_value_types_are_asked_shown_and_judged() {
    let questions: Vec<Question> = Generator::new(&apollo()).questions().cloned().collect();
    let lexicon = trivia::answer::Lexicon::new();
    let verdict = |question: &Question, input: &str| {
        check(question, &Layout::identity(0), input, &lexicon).is_correct()
    };
    let landing = find(
        &questions,
        "At what time (UTC) did the lunar module of Apollo 11 touch down on the Moon?",
        true,
    );
    assert_eq!(landing.body.answer_text(), "20:17:40 UTC");
    for typed in ["20:17", "8:17 pm", "20h17", "8:20 p.m. UTC"] {
        assert!(verdict(landing, typed), "{typed}");
    }
    for typed in ["20:30", "8:17 am", "17:20"] {
        assert!(!verdict(landing, typed), "{typed}");
    }
    let length = find(
        &questions,
        "How long did Apollo 11 last, from launch to splashdown?",
        true,
    );
    assert_eq!(
        length.body.answer_text(),
        "8 days, 3 hours, 18 minutes and 35 seconds"
    );
    for typed in ["8 days 3 hours 18 minutes", "8 days", "8d 3h", "8"] {
        assert!(verdict(length, typed), "{typed}");
    }
    assert!(!verdict(length, "5 days 22 hours"));
    let rank = find(
        &questions,
        "In what order did Gene Cernan step onto the Moon, counting every moonwalker?",
        true,
    );
    assert_eq!(rank.body.answer_text(), "11th");
    for typed in ["11th", "11", "eleventh"] {
        assert!(verdict(rank, typed), "{typed}");
    }
    assert!(!verdict(rank, "12th"));
    let samples = find(
        &questions,
        "How much Moon rock and soil did Apollo 11 bring back?",
        true,
    );
    assert_eq!(samples.body.answer_text(), "21.55 kg");
    assert!(verdict(samples, "21.55 kg") && verdict(samples, "21.5"));
    let age = find(
        &questions,
        "How old was Neil Armstrong when he stepped onto the Moon?",
        true,
    );
    assert_eq!(age.body.answer_text(), "38 years old");
    assert!(verdict(age, "38 years old") && verdict(age, "38") && !verdict(age, "39"));
    // Statements and options read each type in words.
    let statements: Vec<&str> = questions.iter().map(|q| q.explanation.as_str()).collect();
    for expected in [
        "Gene Cernan was the 11th person to walk on the Moon.",
        "The lunar module of Apollo 11 touched down on the Moon at 20:17:40 UTC.",
        "Apollo 11 brought back 21.55 kg of Moon rock and soil.",
        "Neil Armstrong was 38 years old when he stepped onto the Moon.",
    ] {
        // An explanation gives the statement and may fold in a related fact it teaches.
        assert!(
            statements.iter().any(|s| says(s, expected)),
            "no explanation says {expected:?}"
        );
    }
}
