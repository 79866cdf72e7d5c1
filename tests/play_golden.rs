//! Golden transcripts: two seeded games with fixed answers, in line mode and in JSON, pinned byte for
//! byte. A change to the game, the generator, the packs or the RNG that alters a seeded game shows up as
//! a readable diff here. Run with `UPDATE_GOLDEN=1` to rewrite the files after a deliberate change.

use std::fs;
use std::path::PathBuf;

use crate::support::{root, trivia};

/// The first answers typed in every golden game: a mix of letters, true/false, numbers, dates, text,
/// lifelines and lines that are not understood (which the game asks again).
const ANSWERS: &str = "\
A
:5050
B
true
z

1958
:hint
Sidney Poitier
:skip
false
A B C D
July 9, 2017
3
:help
C
A C
4 billion
someone
2017
B
";

/// [`ANSWERS`], then enough varied lines to finish any game.
fn answers() -> String {
    format!("{ANSWERS}{}", crate::play::universal_answers())
}

fn golden(name: &str) -> PathBuf {
    root().join("tests/golden/transcripts").join(name)
}

fn check(name: &str, args: &[&str]) {
    let output = trivia()
        .args(["play", "--no-history"])
        .args(args)
        .write_stdin(answers())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let actual = String::from_utf8(output.stdout).unwrap();
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "{} differs from line {}:\n  expected: {:?}\n  actual:   {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn seed_7_line_mode() {
    check("seed-7.txt", &["--seed", "7"]);
}

#[test]
fn seed_7_json() {
    check("seed-7.jsonl", &["--seed", "7", "--json"]);
}

#[test]
fn seed_2024_blitz_line_mode() {
    check(
        "seed-2024-blitz.txt",
        &["--seed", "2024", "--mode", "blitz"],
    );
}

#[test]
fn seed_2024_blitz_json() {
    check(
        "seed-2024-blitz.jsonl",
        &["--seed", "2024", "--mode", "blitz", "--json"],
    );
}
