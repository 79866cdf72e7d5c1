//! `trivia pack lint`: each check finds its planted problem, a clean pack has no finding, near-duplicates
//! are found across packs, and exit codes and `--json` follow `pack validate`.

use crate::pack::{data, path_str, trivia};

fn lint(args: &[&str]) -> crate::pack::Output {
    let home = tempfile::tempdir().unwrap();
    let mut all = vec!["pack", "lint"];
    all.extend_from_slice(args);
    trivia(&all, home.path())
}

#[test]
fn pack_lint_finds_each_planted_problem() {
    let planted = data("lint/planted.toml");
    let output = lint(&[path_str(&planted), "--json"]);
    assert_eq!(output.code, 2, "{output:?}");
    let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let found = |check: &str, question: &str| {
        findings
            .iter()
            .any(|f| f["check"] == check && f["question"] == question)
    };
    for (check, question) in [
        ("near-duplicate", "planted-dup-2"),
        ("answer-in-prompt", "planted-given-away"),
        ("answer-in-prompt", "planted-free-given-away"),
        ("all-or-none-of-the-above", "planted-above"),
        ("standout-option", "planted-standout"),
        ("indistinguishable-options", "planted-same-options"),
        ("dated-wording", "planted-dated"),
        ("missing-alias", "planted-alias"),
        ("true-false-balance", ""),
    ] {
        assert!(
            found(check, question),
            "no {check} for `{question}`: {findings:#?}"
        );
    }
    // Exactly the planted problems: nothing on the questions that are fine.
    assert_eq!(findings.len(), 9, "{findings:#?}");
    let given_away = findings
        .iter()
        .find(|f| f["question"] == "planted-given-away")
        .unwrap();
    assert_eq!(given_away["severity"], "error");
    assert_eq!(given_away["line"], 20);
    assert!(json["counts"].as_array().unwrap().len() >= 8);
}

#[test]
fn pack_lint_of_a_clean_pack_exits_0() {
    let output = lint(&[path_str(&data("lint/clean.toml"))]);
    assert_eq!(output.code, 0, "{output:?}");
    assert!(
        output
            .stdout
            .contains("linted 4 question(s) in 1 pack(s): 0 finding(s)"),
        "{}",
        output.stdout
    );
}

#[test]
fn pack_lint_finds_near_duplicates_across_packs() {
    let output = lint(&[
        path_str(&data("lint/planted.toml")),
        path_str(&data("lint/clean.toml")),
        "--level",
        "warning",
    ]);
    assert_eq!(output.code, 2);
    assert!(
        output.stdout.contains(
            "clean.toml:25: warning[near-duplicate]: question `clean-4`: repeats question `planted-dup-1`"
        ),
        "{}",
        output.stdout
    );
    assert!(!output.stdout.contains("note["), "{}", output.stdout);
}

#[test]
fn pack_lint_notes_alone_exit_0_and_invalid_packs_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("notes.toml");
    std::fs::write(
        &pack,
        "[pack]\nid = \"n\"\ntitle = \"N\"\n\n[[question]]\nid = \"n-1\"\ntype = \"free_text\"\n\
         prompt = \"Which league do the Boston Celtics play in?\"\nanswer = \"National Basketball Association\"\n",
    )
    .unwrap();
    let output = trivia(&["pack", "lint", path_str(&pack)], home.path());
    assert_eq!(output.code, 0, "{output:?}");
    assert!(output.stdout.contains("note[missing-alias]"));
    let output = trivia(
        &["pack", "lint", path_str(&data("eight-mistakes.toml"))],
        home.path(),
    );
    assert_eq!(output.code, 2);
    assert!(output.stdout.contains("problem(s) make packs invalid"));
}

#[test]
fn pack_lint_bundled_packs_have_no_errors() {
    let output = lint(&[
        path_str(&crate::support::root().join("questions")),
        "--level",
        "error",
    ]);
    assert_eq!(output.code, 0, "{}", output.stdout);
}
