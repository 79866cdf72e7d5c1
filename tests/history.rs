//! Histories through the binary: where they are kept, what a game records, review mode from the Leitner
//! boxes, damaged files moved aside, `--no-history`, and the `history` and `stats` commands.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use trivia::history::{Database, PlayerHistory};

use crate::play::{stdout_of, test_pack};
use crate::support::trivia;

/// Plays from the test pack with its history in `home` (as `TRIVIA_HOME`).
fn play(home: &Path, args: &[&str], answers: &str) -> assert_cmd::assert::Assert {
    let pack = test_pack(home);
    trivia()
        .env("TRIVIA_HOME", home)
        .arg("play")
        .arg("--pack")
        .arg(&pack)
        .args(args)
        .write_stdin(answers)
        .assert()
}

/// `player`'s history as the database in `home` holds it.
pub fn history_of(home: &Path, player: &str) -> PlayerHistory {
    let opened = Database::open(home, 0).unwrap();
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    opened
        .database
        .player_history(player)
        .unwrap()
        .expect("the player has games")
}

/// The names in a folder, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_game_is_recorded_with_its_outcomes() {
    let home = tempfile::tempdir().unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "3", "--seed", "1"],
        "true\nfalse\n:skip\n",
    )
    .success()
    .stderr(predicate::str::contains("2 questions wait for review"));
    let history = history_of(home.path(), "Player");
    assert_eq!(history.games.len(), 1);
    let game = &history.games[0];
    assert_eq!(
        (game.score, game.correct, game.wrong, game.skipped),
        (100, 1, 1, 1)
    );
    assert_eq!(game.seed, 1);
    assert_eq!(game.questions.len(), 3);
    assert_eq!(history.box_counts(), [2, 0, 0, 0, 0]);
    assert_eq!(history.high_scores["classic"][0].score, 100);
    assert_eq!(
        file_names(home.path()),
        ["history.sqlite3", "test-pack.toml"],
        "nothing but the database (its log is folded in when the game ends)"
    );
}

#[test]
fn data_dir_flag_beats_trivia_home() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    play(
        home.path(),
        &[
            "--category",
            "Testing",
            "--count",
            "1",
            "--data-dir",
            elsewhere.path().to_str().unwrap(),
        ],
        "true\n",
    )
    .success();
    assert!(elsewhere.path().join("history.sqlite3").exists());
    assert!(!home.path().join("history.sqlite3").exists());
}

#[test]
fn no_history_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "1", "--no-history"],
        "false\n",
    )
    .success();
    assert!(!home.path().join("history.sqlite3").exists());
}

#[test]
fn end_of_input_still_saves_the_answered_questions() {
    let home = tempfile::tempdir().unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "4"],
        "true\n",
    )
    .success();
    let history = history_of(home.path(), "Player");
    assert_eq!(history.games[0].questions.len(), 1);
    assert_eq!(history.games[0].end, trivia::game::End::Quit);
}

#[test]
fn review_asks_the_missed_questions_again() {
    let home = tempfile::tempdir().unwrap();
    play(home.path(), &["--mode", "review"], "")
        .success()
        .stdout(predicate::str::contains("Nothing to review yet"));
    play(
        home.path(),
        &[
            "--category",
            "Testing",
            "--count",
            "4",
            "--seed",
            "9",
            "--players",
            "Zoë",
        ],
        "false\ntrue\nfalse\ntrue\n",
    )
    .success();
    let assert = play(
        home.path(),
        &["--mode", "review", "--players", "Zoë"],
        "true\ntrue\n",
    )
    .success();
    let out = stdout_of(&assert);
    assert!(out.contains("2 questions you missed before."), "{out}");
    assert!(out.contains("2 of 2 right"), "{out}");
    let history = history_of(home.path(), "Zoë");
    assert_eq!(history.box_counts(), [0, 2, 0, 0, 0]);
    play(home.path(), &["--mode", "review", "--players", "Zoë"], "")
        .success()
        .stdout(predicate::str::contains("Nothing to review yet"));
}

#[test]
fn recent_questions_are_avoided_while_others_remain() {
    let home = tempfile::tempdir().unwrap();
    let ids = |assert: &assert_cmd::assert::Assert| -> Vec<String> {
        stdout_of(assert)
            .lines()
            .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
            .filter(|event| event["event"] == "question")
            .map(|event| event["id"].as_str().unwrap().to_string())
            .collect()
    };
    let args = [
        "--category",
        "Testing",
        "--count",
        "3",
        "--json",
        "--seed",
        "4",
    ];
    let first = ids(&play(home.path(), &args, "true\ntrue\ntrue\n").success());
    let second = ids(&play(home.path(), &args, "true\ntrue\ntrue\n").success());
    assert_eq!(first.len(), 3);
    assert!(
        first.iter().all(|id| !second.contains(id)),
        "{first:?} {second:?}"
    );
}

#[test]
fn a_damaged_database_is_moved_aside_and_play_goes_on() {
    let home = tempfile::tempdir().unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "1"],
        "true\n",
    )
    .success();
    let path = home.path().join("history.sqlite3");
    // Overwrite the header and the first pages: SQLite can no longer read it.
    let mut bytes = fs::read(&path).unwrap();
    for byte in bytes.iter_mut().take(8192) {
        *byte = 0x5a;
    }
    fs::write(&path, &bytes).unwrap();
    let _ = fs::remove_file(home.path().join("history.sqlite3-wal"));
    let _ = fs::remove_file(home.path().join("history.sqlite3-shm"));
    play(
        home.path(),
        &["--category", "Testing", "--count", "1"],
        "true\n",
    )
    .success()
    .stderr(predicate::str::contains("warning: history database"))
    .stderr(predicate::str::contains("is damaged"))
    .stderr(predicate::str::contains("history.sqlite3.corrupt-1"))
    .stdout(predicate::str::contains("Game over"));
    assert_eq!(
        fs::read(home.path().join("history.sqlite3.corrupt-1")).unwrap(),
        bytes
    );
    assert_eq!(history_of(home.path(), "Player").games.len(), 1);
}

#[test]
fn a_damaged_json_history_is_reported_once_and_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let players = home.path().join("players");
    fs::create_dir_all(&players).unwrap();
    fs::write(players.join("player.json"), "{ this is not json").unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "1"],
        "true\n",
    )
    .success()
    .stderr(predicate::str::contains("cannot import history"))
    .stderr(predicate::str::contains("player.json"))
    .stdout(predicate::str::contains("Game over"));
    play(
        home.path(),
        &["--category", "Testing", "--count", "1"],
        "true\n",
    )
    .success()
    .stderr(predicate::str::contains("cannot import").not());
    assert_eq!(
        fs::read_to_string(players.join("player.json")).unwrap(),
        "{ this is not json"
    );
    assert_eq!(history_of(home.path(), "Player").games.len(), 2);
}

#[test]
fn history_and_stats_show_games_and_charts() {
    let home = tempfile::tempdir().unwrap();
    trivia()
        .env("TRIVIA_HOME", home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("No history for anyone"));
    for answers in ["true\nfalse\ntrue\n", "true\ntrue\ntrue\n"] {
        play(
            home.path(),
            &["--category", "Testing", "--count", "3", "--players", "Ana"],
            answers,
        )
        .success();
    }
    play(
        home.path(),
        &["--category", "Choices", "--players", "Ana"],
        "Right one\nWrong one\n",
    )
    .success();
    trivia()
        .env("TRIVIA_HOME", home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("Ana: 3 games"))
        .stdout(predicate::str::contains("classic"))
        .stdout(predicate::str::contains("High scores:"))
        .stdout(predicate::str::contains("Review: 2 questions due now"));
    trivia()
        .env("TRIVIA_HOME", home.path())
        .args(["stats", "--player", "Ana"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Ana: 3 games, 8 answers, 75% right",
        ))
        .stdout(predicate::str::contains(
            "Choices │███████████████               │ 50% (1/2)",
        ))
        .stdout(predicate::str::contains(
            "Testing │█████████████████████████     │ 83% (5/6)",
        ))
        .stdout(predicate::str::contains("Score trend, last 3 games"))
        .stdout(predicate::str::contains("  └──────"));
    trivia()
        .env("TRIVIA_HOME", home.path())
        .args(["history", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"leitner\""));
}
