//! Share codes, the daily game and time limits, through the binary with piped answers; word wrapping
//! through the text front end at several widths.

use std::sync::atomic::AtomicBool;

use predicates::prelude::*;

use crate::play::{stdout_of, test_pack, universal_answers};
use crate::support::trivia;

fn code_in(transcript: &str) -> String {
    transcript
        .lines()
        .find_map(|line| line.strip_prefix("Share this game: trivia play --code "))
        .expect("every game ends with its share code")
        .trim()
        .to_string()
}

#[test]
fn a_share_code_replays_the_game_byte_for_byte() {
    let home = tempfile::tempdir().unwrap();
    let pack = test_pack(home.path());
    let play = |args: &[&str]| {
        stdout_of(
            &trivia()
                .env("TRIVIA_HOME", home.path())
                .arg("play")
                .arg("--pack")
                .arg(&pack)
                .args(args)
                .write_stdin(universal_answers())
                .assert()
                .success(),
        )
    };
    let first = play(&[
        "--seed",
        "11",
        "--count",
        "4",
        "--difficulty",
        "easy,medium",
        "--no-streak-bonus",
    ]);
    let code = code_in(&first);
    // The history now holds the first game; the code still replays it exactly.
    let replay = play(&["--code", &code]);
    assert_eq!(first, replay);
    // Lower case, without dashes, is the same code.
    let typed = code.to_lowercase().replace('-', "");
    assert_eq!(play(&["--code", &typed]), first);
}

#[test]
fn a_share_code_replays_a_game_history_steered() {
    let home = tempfile::tempdir().unwrap();
    let pack = test_pack(home.path());
    let play = |args: &[&str]| {
        stdout_of(
            &trivia()
                .env("TRIVIA_HOME", home.path())
                .arg("play")
                .arg("--pack")
                .arg(&pack)
                .args(["--category", "Testing", "--count", "3"])
                .args(args)
                .write_stdin(universal_answers())
                .assert()
                .success(),
        )
    };
    play(&["--seed", "5"]);
    // Same seed again: history keeps the questions just seen out, so the code names the questions.
    let second = play(&["--seed", "5"]);
    let code = code_in(&second);
    let other_home = tempfile::tempdir().unwrap();
    let replay = stdout_of(
        &trivia()
            .env("TRIVIA_HOME", other_home.path())
            .arg("play")
            .arg("--pack")
            .arg(&pack)
            .args(["--code", &code])
            .write_stdin(universal_answers())
            .assert()
            .success(),
    );
    assert_eq!(second, replay);
}

#[test]
fn a_code_for_other_content_or_a_typo_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let pack = test_pack(home.path());
    let first = stdout_of(
        &trivia()
            .args(["play", "--no-history", "--seed", "2", "--count", "2"])
            .write_stdin(universal_answers())
            .assert()
            .success(),
    );
    let code = code_in(&first);
    // The same code with an extra pack in play: other content.
    trivia()
        .args(["play", "--no-history", "--code", &code, "--pack"])
        .arg(&pack)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is for other questions"));
    let mut typo: Vec<char> = code.chars().collect();
    let last = typo.len() - 1;
    typo[last] = if typo[last] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    trivia()
        .args(["play", "--no-history", "--code", &typo])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a share code"));
    trivia()
        .args(["play", "--no-history", "--code", "\u{1b}[31mred"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\u{1b}").not());
    trivia()
        .args(["play", "--code", &code, "--seed", "3"])
        .assert()
        .code(2);
}

#[test]
fn the_daily_game_is_the_same_for_everyone_on_a_date() {
    let daily = |home: &std::path::Path, date: &str| {
        stdout_of(
            &trivia()
                .env("TRIVIA_HOME", home)
                .args(["play", "--daily", "--date", date])
                .write_stdin(universal_answers())
                .assert()
                .success(),
        )
    };
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let first = daily(one.path(), "2026-12-01");
    // The same player again (with a history now), and another player: the same game.
    assert_eq!(daily(one.path(), "2026-12-01"), first);
    assert_eq!(daily(two.path(), "2026-12-01"), first);
    assert_ne!(daily(two.path(), "2026-12-02"), first);
    let result = first
        .lines()
        .find(|line| line.starts_with("Trivia daily 2026-12-01 · "))
        .expect("a result line");
    let marks: String = result.split(" · ").nth(1).unwrap().to_string();
    assert_eq!(marks.chars().count(), 10, "{result}");
    assert!(marks.chars().all(|c| matches!(c, '✓' | '✗' | '–')));
    assert!(result.contains("/10 right"), "{result}");
    // It names no question and no answer.
    assert!(!result.contains("Defiant") && !result.contains("1958"));
    trivia()
        .args(["play", "--daily", "--date", "2026-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    trivia()
        .args(["play", "--daily", "--seed", "4"])
        .assert()
        .code(2);
}

#[test]
fn time_limits_come_from_the_flag_or_the_pack() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("timed.toml");
    std::fs::write(
        &pack,
        r#"
[pack]
id = "timed"
title = "Timed"
time_limit = 25

[[question]]
id = "timed-1"
type = "true_false"
category = "Clock"
difficulty = "easy"
prompt = "This one takes the pack's limit."
answer = true

[[question]]
id = "timed-2"
type = "true_false"
category = "Clock"
difficulty = "easy"
prompt = "This one has its own."
answer = true
time_limit = 7
"#,
    )
    .unwrap();
    let out = stdout_of(
        &trivia()
            .args(["play", "--no-history", "--category", "Clock", "--pack"])
            .arg(&pack)
            .write_stdin("true\ntrue\n")
            .assert()
            .success(),
    );
    assert!(out.contains("Time limit: 25 s"), "{out}");
    assert!(out.contains("Time limit: 7 s"), "{out}");
    let flag = stdout_of(
        &trivia()
            .args([
                "play",
                "--no-history",
                "--category",
                "Clock",
                "--time-limit",
                "12",
                "--pack",
            ])
            .arg(&pack)
            .write_stdin("true\ntrue\n")
            .assert()
            .success(),
    );
    assert_eq!(flag.matches("Time limit: 12 s").count(), 2, "{flag}");
    std::fs::write(&pack, "[pack]\nid = \"t\"\ntitle = \"T\"\ntime_limit = 0\n").unwrap();
    trivia()
        .args(["pack", "validate"])
        .arg(&pack)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "timed.toml:4:14: field `time_limit` in [pack] must be at least 1 second",
        ));
    trivia()
        .args(["play", "--time-limit", "0"])
        .assert()
        .code(2);
}

/// Plays a seeded game with long questions through the text front end at `width` columns.
fn transcript_at(width: Option<usize>) -> String {
    use trivia::game::{Game, GameConfig, Mode, demo};
    use trivia::rng::SeededRng;
    use trivia::ui::prompt::ScriptedPrompter;
    use trivia::ui::session::{self, NoClock};
    use trivia::ui::text::{TextOptions, TextOutput};

    let mut questions = demo::questions();
    for question in &mut questions {
        question.prompt = format!(
            "{} (Dre was born in Compton in 1965 and the series aired in 2017, over four consecutive nights on HBO.)",
            question.prompt
        );
        question.explanation = format!(
            "{} Supercalifragilisticexpialidocious-and-then-some-words-longer-than-forty-columns stay whole.",
            question.explanation
        );
    }
    let mut game = Game::new(
        GameConfig::new(Mode::Classic),
        questions,
        SeededRng::from_seed(9),
    );
    let mut out = Vec::new();
    let options = TextOptions {
        echo_input: true,
        seed: Some(9),
        share_code: Some("400C-Z0HR-VR3V-TCR".into()),
        width,
        ..TextOptions::default()
    };
    let mut output = TextOutput::new(&mut out, trivia::ui::Style::new(false), options);
    let mut prompter = ScriptedPrompter::from_text(&universal_answers());
    session::run(
        &mut game,
        &mut prompter,
        &mut output,
        &NoClock,
        &AtomicBool::new(false),
    )
    .unwrap();
    drop(output);
    String::from_utf8(out).unwrap()
}

#[test]
fn no_word_is_broken_across_lines_at_40_80_and_120_columns() {
    let whole = transcript_at(None);
    let words: Vec<&str> = whole.split_whitespace().collect();
    assert!(whole.lines().any(|line| line.chars().count() > 120));
    for width in [40, 80, 120] {
        let wrapped = transcript_at(Some(width));
        // Wrapping only moves line breaks: the words, in order, are the same ones.
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            words,
            "at {width}"
        );
        for line in wrapped.lines() {
            let columns = textwrap::core::display_width(line);
            let one_long_word = line.split_whitespace().count() == 1;
            assert!(
                columns <= width || one_long_word,
                "{columns} columns at width {width}: {line:?}"
            );
        }
        // Continuation lines keep the indent of what they continue.
        assert!(
            width > 40
                || wrapped
                    .lines()
                    .any(|line| line.starts_with("          ") && !line.trim().is_empty()),
            "source lines hang under `Source: `"
        );
    }
}
