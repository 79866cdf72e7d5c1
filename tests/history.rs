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

/// A JSON history as earlier versions wrote it: two games, `t-tf-1` due in box 255 (out of range) and
/// `t-tf-2` due in box 1.
const OLD_JSON_HISTORY: &str = r#"{
  "version": 1,
  "player": "Player",
  "games": [
    {"at": 1000, "mode": "classic", "end": "completed", "seed": 5, "score": 100, "correct": 1, "wrong": 1,
     "skipped": 0, "longest_streak": 1, "questions": [
       {"id": "t-tf-1", "category": "Testing", "outcome": "wrong", "points": 0},
       {"id": "t-tf-3", "category": "Testing", "outcome": "correct", "points": 100}]},
    {"at": 2000, "mode": "classic", "end": "quit", "seed": 6, "score": 0, "correct": 0, "wrong": 1,
     "skipped": 0, "longest_streak": 0, "questions": [
       {"id": "t-tf-2", "category": "Testing", "outcome": "wrong", "points": 0}]}
  ],
  "leitner": {
    "t-tf-1": {"box": 255, "due": 0, "right": 3, "wrong": 1},
    "t-tf-2": {"box": 1, "due": 0, "right": 0, "wrong": 1}
  },
  "high_scores": {"classic": [{"score": 100, "at": 1000, "correct": 1, "answered": 2}]}
}
"#;

fn write_old_history(home: &Path) -> std::path::PathBuf {
    let players = home.join("players");
    fs::create_dir_all(&players).unwrap();
    let path = players.join("player.json");
    fs::write(&path, OLD_JSON_HISTORY).unwrap();
    path
}

#[test]
fn regression_a_card_in_box_255_is_repaired_on_import_and_review_games_run() {
    // Before: exit 101 ("attempt to add with overflow" / index out of range), the game not saved, and
    // every later review game panicked again.
    let home = tempfile::tempdir().unwrap();
    let json = write_old_history(home.path());
    for (round, answers) in ["true\nfalse\n", "true\n"].into_iter().enumerate() {
        let assert = play(home.path(), &["--mode", "review"], answers).success();
        assert!(
            stdout_of(&assert).contains("Game over"),
            "{}",
            stdout_of(&assert)
        );
        let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        if round == 0 {
            assert!(err.contains("Leitner box 255"), "{err}");
            assert!(err.contains("imported 2 games"), "{err}");
        } else {
            assert!(!err.contains("imported"), "imported once only: {err}");
        }
    }
    let history = history_of(home.path(), "Player");
    assert_eq!(history.games.len(), 4, "2 imported and 2 review games");
    assert_eq!(history.games[0].questions[0].id, "t-tf-1");
    assert!(
        history
            .leitner
            .values()
            .all(|card| (1..=5).contains(&card.leitner_box))
    );
    assert_eq!(
        fs::read_to_string(&json).unwrap(),
        OLD_JSON_HISTORY,
        "the old file is kept as it was"
    );
}

#[test]
fn old_json_histories_are_imported_once_with_their_games_boxes_and_high_scores() {
    let home = tempfile::tempdir().unwrap();
    write_old_history(home.path());
    trivia()
        .env("TRIVIA_HOME", home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("Player: 2 games"))
        .stdout(predicate::str::contains("classic   100"));
    let history = history_of(home.path(), "player");
    assert_eq!(history.games.len(), 2);
    assert_eq!(
        history.games[1].questions[0].outcome,
        trivia::game::Outcome::Wrong
    );
    assert_eq!(history.leitner["t-tf-1"].leitner_box, 5);
    assert_eq!(history.leitner["t-tf-1"].right, 3);
    assert_eq!(history.high_scores["classic"][0].score, 100);
    // Opening it again imports nothing more.
    assert_eq!(history_of(home.path(), "Player").games.len(), 2);
}

#[test]
fn history_export_writes_json_that_reads_back() {
    let home = tempfile::tempdir().unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "2", "--players", "Ana"],
        "true\n:skip\n",
    )
    .success();
    let out = stdout_of(
        &trivia()
            .env("TRIVIA_HOME", home.path())
            .args(["history", "export"])
            .assert()
            .success(),
    );
    let exported: Vec<PlayerHistory> = serde_json::from_str(&out).unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0].player, "Ana");
    let questions = &exported[0].games[0].questions;
    assert_eq!(questions.len(), 2);
    assert_eq!(questions[0].answer.as_deref(), Some("true"));
    assert_eq!(
        questions[0].content_hash.as_ref().map(String::len),
        Some(16)
    );
    assert_eq!(questions[1].outcome, trivia::game::Outcome::Skipped);
    assert!(questions[1].answer.is_none());
    assert_eq!(exported[0], history_of(home.path(), "Ana"));

    let file = home.path().join("export.json");
    trivia()
        .env("TRIVIA_HOME", home.path())
        .args(["history", "export", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("Exported 1 player's history"));
    assert_eq!(fs::read_to_string(&file).unwrap(), out);
}

#[cfg(unix)]
#[test]
fn regression_history_files_keep_private_permissions() {
    // Before: a 0600 history file became 0644 after a save.
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let home = tempfile::tempdir().unwrap();
    let json = write_old_history(home.path());
    fs::set_permissions(&json, fs::Permissions::from_mode(0o600)).unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "1"],
        "true\n",
    )
    .success();
    let db = home.path().join("history.sqlite3");
    assert_eq!(mode(&db), 0o600, "the database is created private");
    assert_eq!(mode(&json), 0o600, "the old file is left as it was");
    fs::set_permissions(&db, fs::Permissions::from_mode(0o640)).unwrap();
    play(
        home.path(),
        &["--category", "Testing", "--count", "1"],
        "true\n",
    )
    .success();
    assert_eq!(
        mode(&db),
        0o640,
        "an existing database keeps its permissions"
    );
    let export = home.path().join("export.json");
    fs::write(&export, "old").unwrap();
    fs::set_permissions(&export, fs::Permissions::from_mode(0o600)).unwrap();
    trivia()
        .env("TRIVIA_HOME", home.path())
        .args(["history", "export", "--output"])
        .arg(&export)
        .assert()
        .success();
    assert_eq!(
        mode(&export),
        0o600,
        "a replaced export keeps its permissions"
    );
    assert_eq!(
        file_names(home.path()),
        [
            "export.json",
            "history.sqlite3",
            "players",
            "test-pack.toml"
        ],
        "no temporary files are left behind"
    );
}

#[test]
fn regression_a_history_that_cannot_be_saved_exits_1_after_the_summary() {
    // Before: exit 0 when the history could not be saved.
    let home = tempfile::tempdir().unwrap();
    let blocker = home.path().join("not-a-folder");
    fs::write(&blocker, "a file where the data directory should be").unwrap();
    let data_dir = blocker.join("trivia");
    play(
        home.path(),
        &[
            "--category",
            "Testing",
            "--count",
            "2",
            "--data-dir",
            data_dir.to_str().unwrap(),
        ],
        "true\nfalse\n",
    )
    .code(1)
    .stdout(predicate::str::contains("Game over"))
    .stdout(predicate::str::contains("1 of 2 right"))
    .stderr(predicate::str::contains("this game will not be saved"))
    .stderr(predicate::str::contains(
        "error: Player's game was not saved to the history: cannot create the data directory",
    ));
}

#[test]
fn regression_a_game_whose_stdout_closes_is_still_saved() {
    // Before: the broken pipe ended the game before the history was written, so nothing was saved.
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let home = tempfile::tempdir().unwrap();
    let pack = test_pack(home.path());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("trivia"))
        .env("TRIVIA_HOME", home.path())
        .env_remove("NO_COLOR")
        .args([
            "play",
            "--category",
            "Testing",
            "--count",
            "3",
            "--seed",
            "2",
            "--pack",
        ])
        .arg(&pack)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(b"true\n").unwrap();
    stdin.flush().unwrap();
    let mut line = String::new();
    while stdout.read_line(&mut line).unwrap() > 0 {
        if line.contains("Question 2") {
            break;
        }
        line.clear();
    }
    assert!(line.contains("Question 2"), "the second question is asked");
    drop(stdout);
    let _ = stdin.write_all(b"false\ntrue\n");
    drop(stdin);
    child.wait().unwrap();
    let history = history_of(home.path(), "Player");
    assert_eq!(history.games.len(), 1);
    let game = &history.games[0];
    assert!(!game.unfinished, "the game was ended and saved");
    assert!(!game.questions.is_empty(), "{game:?}");
    assert_eq!(game.questions[0].answer.as_deref(), Some("true"));
}
