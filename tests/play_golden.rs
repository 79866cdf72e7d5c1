//! Golden transcripts: seeded games with fixed answers, in line mode and in JSON, pinned byte for byte.
//!
//! The games are played on small committed test content (`tests/data/game/`: a fact base and a pack),
//! not on the shipped content, so adding a fact to `seeds/` or a question to `questions/` changes none
//! of them; they change only when the game, the generator, answer checking or the RNG change how a
//! seeded game plays. One short game on the shipped content ([`shipped_content_short_game`]) is the
//! only transcript a content edit may change. See `tests/golden/README.md` for `UPDATE_GOLDEN=1`.

use crate::support::{assert_golden, data, trivia};

/// The first answers typed in every golden game: a mix of letters, true/false, numbers, dates, text,
/// lifelines and lines that are not understood (which the game asks again).
const ANSWERS: &str = "\
A
:5050
B
true
z

1851
:hint
Ada Quill
:skip
false
A B C D
October 1, 1851
214
:help
C
A C
96
someone
1902
B
";

/// [`ANSWERS`], then enough varied lines to finish any game.
fn answers() -> String {
    format!("{ANSWERS}{}", crate::play::universal_answers())
}

/// The arguments that play the committed test content alone.
fn test_content() -> Vec<String> {
    vec![
        "--facts".into(),
        data("game/facts.toml").display().to_string(),
        "--pack".into(),
        data("game/pack.toml").display().to_string(),
    ]
}

fn transcript(args: &[String]) -> String {
    let output = trivia()
        .args(["play", "--no-history"])
        .args(args)
        .write_stdin(answers())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    // Paths of the checkout never appear in a transcript, so the files do not depend on where it is.
    String::from_utf8(output.stdout).unwrap()
}

fn check(name: &str, args: &[&str]) {
    let mut all = test_content();
    all.extend(args.iter().map(|arg| arg.to_string()));
    assert_golden(&format!("transcripts/{name}"), &transcript(&all));
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

/// The one transcript played on the shipped content (fact base and bundled pack): three questions, so
/// that a content edit that reshuffles it costs a reviewer a few lines.
#[test]
fn shipped_content_short_game() {
    let args: Vec<String> = ["--seed", "7", "--count", "3"]
        .iter()
        .map(|arg| arg.to_string())
        .collect();
    assert_golden("transcripts/shipped-seed-7-short.txt", &transcript(&args));
}
