//! The interactive front end in a real pseudo-terminal: dialoguer menus answered with the keyboard, then
//! Ctrl-C, which must end the game with its summary, show the cursor again, save the history and exit
//! with code 130. Skipped with a note when no PTY can be opened.

#![cfg(unix)]

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};

use crate::play::test_pack;

/// What the terminal showed, collected across expectations.
struct Screen {
    session: expectrl::session::OsSession,
    seen: Vec<u8>,
}

impl Screen {
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
