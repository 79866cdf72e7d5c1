//! The interactive front end in a real pseudo-terminal: dialoguer menus answered with the keyboard, then
//! Ctrl-C, which must end the game with its summary, show the cursor again, save the history and exit
//! with code 130; the multi-select and sort widgets, a countdown running out, `:report` from the menu
//! after an answer, Ctrl-D at the typed answer line, the daily game twice on one date and a share code
//! replaying a game byte for byte. A PTY needs no controlling terminal, so these run in CI too; when
//! none can be opened they report a skip, and fail when `CI` is set.

#![cfg(unix)]

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Regex, Session};

use crate::play::test_pack;

/// What the terminal showed, collected across expectations.
struct Screen {
    session: expectrl::session::OsSession,
    seen: Vec<u8>,
}

impl Screen {
    /// Starts `command` in a pseudo-terminal; `None` (a reported skip) when none can be opened, which
    /// fails the test when `CI` is set.
    fn spawn(command: Command) -> Option<Screen> {
        match Session::spawn(command) {
            Ok(mut session) => {
                session.set_expect_timeout(Some(Duration::from_secs(30)));
                Some(Screen {
                    session,
                    seen: Vec::new(),
                })
            }
            Err(error) => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "no pseudo-terminal could be opened in CI: {error}"
                );
                eprintln!(
                    "note: skipping the PTY test, no pseudo-terminal could be opened: {error}"
                );
                None
            }
        }
    }

    /// Waits for a regex and returns its first group.
    fn capture(&mut self, pattern: &str) -> String {
        match self.session.expect(Regex(pattern)) {
            Ok(found) => {
                self.seen.extend_from_slice(found.before());
                self.seen.extend_from_slice(found.as_bytes());
                String::from_utf8_lossy(found.get(1).unwrap_or_default()).into_owned()
            }
            Err(error) => panic!(
                "did not see /{pattern}/: {error}\nso far:\n{}",
                String::from_utf8_lossy(&self.seen)
            ),
        }
    }

    /// Waits until the widget has drawn, then returns group 1 of every match of `pattern` in what it
    /// drew, in order (expectrl matches a regex against everything read so far at once).
    fn capture_all(&mut self, pattern: &str, count: usize) -> Vec<String> {
        std::thread::sleep(Duration::from_millis(600));
        match self.session.expect(Regex(pattern)) {
            Ok(found) => {
                self.seen.extend_from_slice(found.before());
                self.seen.extend_from_slice(found.as_bytes());
                let groups: Vec<String> = found
                    .matches()
                    .skip(1)
                    .step_by(2)
                    .map(|group| String::from_utf8_lossy(group).into_owned())
                    .collect();
                assert!(groups.len() >= count, "saw only {groups:?}");
                groups.into_iter().take(count).collect()
            }
            Err(error) => panic!(
                "did not see /{pattern}/: {error}\nso far:\n{}",
                String::from_utf8_lossy(&self.seen)
            ),
        }
    }

    /// Sends keys after a short pause, so the widget has drawn itself.
    fn keys(&mut self, keys: &str) {
        std::thread::sleep(Duration::from_millis(150));
        self.send(keys);
    }

    /// Everything until the process ends, and its exit status.
    fn finish(&mut self) -> WaitStatus {
        match self.session.expect(Eof) {
            Ok(found) => {
                self.seen.extend_from_slice(found.before());
                self.seen.extend_from_slice(found.as_bytes());
            }
            Err(error) => panic!(
                "the game did not end: {error}\nso far:\n{}",
                String::from_utf8_lossy(&self.seen)
            ),
        }
        self.session.get_process().wait().unwrap()
    }

    fn expect(&mut self, needle: &str) {
        match self.session.expect(needle) {
            Ok(found) => {
                self.seen.extend_from_slice(found.before());
                self.seen.extend_from_slice(found.as_bytes());
            }
            Err(error) => panic!(
                "did not see {needle:?}: {error}\nso far:\n{}",
                String::from_utf8_lossy(&self.seen)
            ),
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }
}

#[test]
fn interactive_game_and_ctrl_c() {
    let home = tempfile::tempdir().unwrap();
    let pack = test_pack(home.path());
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("trivia"));
    command
        .env_clear()
        .env("TRIVIA_HOME", home.path())
        .env("TERM", "xterm-256color")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args([
            "play",
            "--category",
            "Testing",
            "--count",
            "5",
            "--seed",
            "1",
            "--pack",
        ])
        .arg(&pack);
    let session = match Session::spawn(command) {
        Ok(session) => session,
        Err(error) => {
            crate::support::skip_or_fail(
                "play_pty",
                &format!("no pseudo-terminal could be opened: {error}"),
            );
            return;
        }
    };
    let mut screen = Screen {
        session,
        seen: Vec::new(),
    };
    screen
        .session
        .set_expect_timeout(Some(Duration::from_secs(30)));

    // Two questions answered from the menu: Enter picks the highlighted first entry, True.
    screen.expect("Question 1 of 5");
    screen.expect("Your answer");
    screen.send("\r");
    screen.expect("Right!");
    // The menu after the answer: Enter goes on to the next question.
    screen.expect("Next question");
    std::thread::sleep(Duration::from_millis(200));
    screen.send("\r");
    screen.expect("Question 2 of 5");
    screen.expect("Your answer");
    // Down arrow to False, then Enter: wrong.
    screen.send("\u{1b}[B");
    std::thread::sleep(Duration::from_millis(200));
    screen.send("\r");
    screen.expect("Wrong");
    screen.expect("Next question");
    std::thread::sleep(Duration::from_millis(200));
    screen.send("\r");
    screen.expect("Question 3 of 5");
    screen.expect("Your answer");
    std::thread::sleep(Duration::from_millis(200));
    screen.send("\u{3}");
    screen.expect("Interrupted.");
    screen.expect("Game over: stopped after 2 questions.");
    screen.expect("1 of 2 right (50%)");
    match screen.session.expect(Eof) {
        Ok(found) => screen.seen.extend_from_slice(found.before()),
        Err(error) => panic!("the game did not end: {error}"),
    }
    let status = screen.session.get_process().wait().unwrap();
    assert!(
        matches!(status, WaitStatus::Exited(_, 130)),
        "exit status {status:?}"
    );
    let text = String::from_utf8_lossy(&screen.seen);
    let interrupted_at = text.find("Interrupted.").unwrap();
    let hidden = text.rfind("\u{1b}[?25l");
    let shown = text.rfind("\u{1b}[?25h");
    assert!(
        shown.is_some_and(|shown| hidden.is_none_or(|hidden| shown > hidden)),
        "the cursor is shown again after the last time it was hidden"
    );
    assert!(
        text[..interrupted_at].contains("\u{1b}[?25l"),
        "dialoguer hid the cursor"
    );

    let opened = trivia::history::Database::open(home.path(), 0).unwrap();
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    let history = opened.database.player_history("Player").unwrap().unwrap();
    let game = &history.games[0];
    assert_eq!(
        (game.correct, game.wrong),
        (1, 1),
        "the answered questions are saved"
    );
}

const DOWN: &str = "\u{1b}[B";
const UP: &str = "\u{1b}[A";

/// A select-all question, an order question, true/false statements, a multiple choice over numbered
/// options and a typed answer.
const WIDGET_PACK: &str = r#"
[pack]
id = "widgets"
title = "Widget tests"

[[question]]
id = "w-colours"
type = "select_all"
category = "Widgets"
difficulty = "easy"
prompt = "Which of these are colours of the test flag?"
options = ["Red", "Green", "Blue", "Black"]
answers = ["Red", "Blue"]

[[question]]
id = "w-order"
type = "order"
category = "Widgets"
difficulty = "easy"
prompt = "Put these words in counting order."
items = ["First", "Second", "Third", "Fourth"]
direction = "first to last"

[[question]]
id = "w-statement"
type = "true_false"
category = "Widgets"
difficulty = "easy"
prompt = "The test statement is true."
answer = true

[[question]]
id = "w-parts"
type = "multiple_choice"
category = "Widgets"
difficulty = "easy"
prompt = "Which part of the test series comes third?"
options = ["Part 1", "Part 2", "Part 3", "The finale"]
answer = "Part 3"

[[question]]
id = "w-typed"
type = "free_text"
category = "Widgets"
difficulty = "easy"
prompt = "Type the word banana."
answer = "banana"

[[question]]
id = "w-statement-2"
type = "true_false"
category = "Widgets"
difficulty = "easy"
prompt = "The second test statement is true."
answer = true
"#;

/// `trivia play` in a scrubbed environment with its data in `home`.
fn trivia_in(home: &std::path::Path, args: &[&str]) -> Command {
    let pack = home.join("widgets.toml");
    std::fs::write(&pack, WIDGET_PACK).unwrap();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("trivia"));
    command
        .env_clear()
        .env("TRIVIA_HOME", home)
        .env("TERM", "xterm-256color")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .arg("play")
        .args(args)
        .arg("--pack")
        .arg(&pack);
    command
}

#[test]
fn play_pty_select_all_with_the_multi_select_widget() {
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &[
            "--category",
            "Widgets",
            "--type",
            "select_all",
            "--seed",
            "4",
        ],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    screen.expect("Tick every right option");
    // The options in the order the widget shows them.
    let shown = screen.capture_all(r"(Red|Green|Blue|Black)", 4);
    for (position, option) in shown.iter().enumerate() {
        if option == "Red" || option == "Blue" {
            screen.keys(" ");
        }
        if position < 3 {
            screen.keys(DOWN);
        }
    }
    screen.keys("\r");
    screen.expect("✓ Right!");
    screen.expect("See the summary");
    screen.keys("\r");
    screen.expect("1 of 1 right");
    assert!(matches!(screen.finish(), WaitStatus::Exited(_, 0)));
}

#[test]
fn play_pty_order_with_the_sort_widget() {
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &["--category", "Widgets", "--type", "order", "--seed", "2"],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    screen.expect("Put them in order, first to last");
    let mut shown = screen.capture_all(r"(First|Second|Third|Fourth)", 4);
    // Selection sort with the widget: go to the item that belongs at `target`, pick it up with
    // Space, carry it up with the arrow keys, put it down.
    let mut cursor = 0;
    for (target, wanted) in ["First", "Second", "Third", "Fourth"].iter().enumerate() {
        let at = shown.iter().position(|item| item == wanted).unwrap();
        let step = if at > cursor { DOWN } else { UP };
        for _ in 0..at.abs_diff(cursor) {
            screen.keys(step);
        }
        screen.keys(" ");
        for _ in target..at {
            screen.keys(UP);
        }
        screen.keys(" ");
        let item = shown.remove(at);
        shown.insert(target, item);
        cursor = target;
    }
    screen.keys("\r");
    screen.expect("✓ Right!");
    screen.expect("See the summary");
    screen.keys("\r");
    screen.expect("1 of 1 right");
    assert!(matches!(screen.finish(), WaitStatus::Exited(_, 0)));
}

#[test]
fn play_pty_menu_picks_a_numbered_option_whatever_its_place() {
    // The menu answered with the option's place ("1"), which the judge also read as the text of
    // "Part 1" and refused: a player could not answer by menu when options were numbered.
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &[
            "--category",
            "Widgets",
            "--type",
            "multiple_choice",
            "--seed",
            "5",
        ],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    screen.expect("comes third?");
    // Not one numbered series (the finale has no number), so the options are shuffled.
    let shown = screen.capture_all(r"(Part [1-3]|The finale)", 4);
    let at = shown.iter().position(|option| option == "Part 3").unwrap();
    for _ in 0..at {
        screen.keys(DOWN);
    }
    screen.keys("\r");
    screen.expect("✓ Right!");
    screen.expect("See the summary");
    screen.keys("\r");
    screen.expect("1 of 1 right");
    assert!(matches!(screen.finish(), WaitStatus::Exited(_, 0)));
}

#[test]
fn play_pty_countdown_runs_out() {
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &[
            "--category",
            "Widgets",
            "--type",
            "true_false",
            "--time-limit",
            "2",
            "--count",
            "1",
        ],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    // The instructions come above the countdown line, which ticks down.
    screen.expect("(true or false?)");
    screen.expect("⏱ 2 s left · Your answer:");
    screen.expect("⏱ 1 s left · Your answer:");
    screen.expect("✗ Too slow");
    screen.expect("The answer: ");
    screen.expect("See the summary");
    screen.keys("\r");
    screen.expect("0 of 1 right");
    assert!(matches!(screen.finish(), WaitStatus::Exited(_, 0)));
}

#[test]
fn play_pty_report_from_the_menu_after_an_answer() {
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &[
            "--category",
            "Widgets",
            "--type",
            "true_false",
            "--count",
            "1",
        ],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    screen.expect("Your answer");
    screen.keys("\r");
    screen.expect("✓ Right!");
    screen.expect("Report this question");
    screen.keys(DOWN);
    screen.keys("\r");
    screen.expect("What is wrong with it?");
    screen.keys("the flag is not a test\r");
    screen.expect("Thanks: report 1 on question 1 is saved");
    // The menu comes back; Enter goes on.
    screen.expect("See the summary");
    screen.keys("\r");
    assert!(matches!(screen.finish(), WaitStatus::Exited(_, 0)));
    let listed = std::process::Command::new(assert_cmd::cargo::cargo_bin("trivia"))
        .env_clear()
        .env("TRIVIA_HOME", home.path())
        .args(["reports", "--json"])
        .output()
        .unwrap();
    let reports: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let id = reports[0]["question_id"].as_str().unwrap();
    assert!(id.starts_with("w-statement"), "{id}");
    assert_eq!(reports[0]["reason"], "the flag is not a test");
    // Where it came from: the pack file and the line of the question's id.
    let line = WIDGET_PACK
        .lines()
        .position(|text| text == format!("id = \"{id}\""))
        .unwrap()
        + 1;
    let source = reports[0]["source"].as_str().unwrap();
    assert!(
        source.ends_with(&format!("widgets.toml:{line}")),
        "{source}"
    );
}

#[test]
fn play_pty_ctrl_d_at_the_answer_line_ends_the_game() {
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &["--category", "Widgets", "--type", "free_text"],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    screen.expect("Your answer: ");
    screen.keys("ban\u{4}");
    screen.keys("\u{15}\u{4}");
    screen.expect("End of input.");
    screen.expect("Game over: stopped after 0 questions.");
    assert!(matches!(screen.finish(), WaitStatus::Exited(_, 0)));
}

/// Plays in a PTY, pressing Ctrl-C at the first question; returns that question's heading and the
/// share code at the end (the code names the content, the seed and the options: the same code, the
/// same game).
fn first_question_and_code(args: &[&str]) -> Option<(String, String)> {
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("trivia"));
    command
        .env_clear()
        .env("TRIVIA_HOME", home.path())
        .env("TERM", "xterm-256color")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .arg("play")
        .args(args);
    let mut screen = Screen::spawn(command)?;
    let heading = screen.capture(r"(Question 1 of 10 · [^\r\n\x1b]*)");
    screen.keys("\u{3}");
    let code = screen.capture(r"--code ([0-9A-Z-]+)");
    screen.finish();
    Some((heading, code))
}

#[test]
fn play_pty_daily_twice_on_one_date_is_the_same_game() {
    let Some(first) = first_question_and_code(&["--daily", "--date", "2026-12-01"]) else {
        return;
    };
    let second = first_question_and_code(&["--daily", "--date", "2026-12-01"]).unwrap();
    assert_eq!(first, second);
    let other_day = first_question_and_code(&["--daily", "--date", "2026-12-02"]).unwrap();
    assert_ne!(first.1, other_day.1, "another date, another game");
}

/// Plays two questions of the widget pack with the keyboard and returns every byte the terminal got.
fn keyboard_game(home: &std::path::Path, args: &[&str]) -> Option<Vec<u8>> {
    let mut screen = Screen::spawn(trivia_in(home, args))?;
    screen.expect("Your answer");
    screen.keys("\r");
    screen.expect("Next question");
    screen.keys("\r");
    screen.expect("Your answer");
    screen.keys(DOWN);
    screen.keys("\r");
    screen.expect("✗ Wrong");
    screen.expect("See the summary");
    screen.keys("\r");
    screen.finish();
    Some(std::mem::take(&mut screen.seen))
}

#[test]
fn play_pty_share_code_replays_the_game_byte_for_byte() {
    let one = tempfile::tempdir().unwrap();
    let Some(first) = keyboard_game(
        one.path(),
        &[
            "--category",
            "Widgets",
            "--type",
            "true_false",
            "--seed",
            "8",
        ],
    ) else {
        return;
    };
    let text = String::from_utf8_lossy(&first).into_owned();
    let code = text
        .split("--code ")
        .nth(1)
        .and_then(|rest| {
            rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .next()
        })
        .unwrap_or_else(|| panic!("no share code at the end of:\n{text}"))
        .to_string();
    let two = tempfile::tempdir().unwrap();
    let replay = keyboard_game(two.path(), &["--code", &code]).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&replay),
        text,
        "the replay shows the same game, byte for byte"
    );
}

#[test]
fn play_pty_plain_mode_never_redraws() {
    let home = tempfile::tempdir().unwrap();
    let command = trivia_in(
        home.path(),
        &[
            "--plain",
            "--color",
            "always",
            "--category",
            "Widgets",
            "--type",
            "true_false,select_all",
            "--time-limit",
            "30",
            "--seed",
            "3",
        ],
    );
    let Some(mut screen) = Screen::spawn(command) else {
        return;
    };
    for _ in 0..3 {
        screen.expect("> ");
        screen.keys("A\r");
    }
    screen.expect("Share this game");
    screen.finish();
    let text = String::from_utf8_lossy(&screen.seen).into_owned();
    // Colors (ESC [ ... m) are allowed; nothing that moves the cursor, clears, hides it or redraws.
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        let sequence: String = rest[at..].chars().take(12).collect();
        let csi = sequence
            .strip_prefix("\u{1b}[")
            .unwrap_or_else(|| panic!("a non-CSI escape in --plain output: {sequence:?}"));
        let end = csi
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or_else(|| panic!("an unfinished escape: {sequence:?}"));
        assert_eq!(
            &csi[end..=end],
            "m",
            "--plain wrote a cursor or screen control: {sequence:?}"
        );
        rest = &rest[at + 1..];
    }
    // A carriage return only as part of a line end (the terminal turns "\n" into "\r\n").
    assert!(
        !text.replace("\r\n", "\n").contains('\r'),
        "--plain went back to the start of a line to redraw it"
    );
    assert!(text.contains("✓ Right!") || text.contains("✗ Wrong"));
}
