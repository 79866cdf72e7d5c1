//! What a game plays: naming content (`--facts`, `--pack`) plays it alone, `--with-bundled` mixes the
//! default content back in, and the heading, rules and sources name the content that is played.

use std::collections::HashMap;
use std::path::PathBuf;

use trivia::content::{self, ContentChoice};

use crate::play::{test_pack, universal_answers};
use crate::support::{data, trivia};

/// Words that only the bundled content uses: none may show when other content is played.
const BUNDLED_WORDS: [&str; 4] = ["Defiant", "Iovine", "Dr. Dre", "HBO"];

fn assert_no_bundled_text(transcript: &str) {
    for word in BUNDLED_WORDS {
        assert!(
            !transcript.contains(word),
            "`{word}` appears though only other content is played:\n{transcript}"
        );
    }
}

fn play(args: &[&str]) -> String {
    let output = trivia()
        .args(["play", "--no-history"])
        .args(args)
        .write_stdin(universal_answers())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_named_fact_base_plays_alone_and_names_its_topic() {
    let bands = data("facts/bands.toml");
    for seed in ["1", "2", "3"] {
        let transcript = play(&["--facts", bands.to_str().unwrap(), "--seed", seed]);
        assert!(
            transcript.starts_with("Bands trivia · classic."),
            "{transcript}"
        );
        assert!(transcript.contains("Question 10 of 10"), "{transcript}");
        assert_no_bundled_text(&transcript);
    }
}

#[test]
fn a_named_pack_plays_alone_without_the_bundled_pack() {
    // Regression: `--pack X` used to mix the bundled pack in, so most questions were about the
    // documentary whatever pack was named.
    let dir = tempfile::tempdir().unwrap();
    let pack = test_pack(dir.path());
    let transcript = play(&[
        "--pack",
        pack.to_str().unwrap(),
        "--count",
        "12",
        "--seed",
        "5",
    ]);
    assert!(
        transcript.starts_with("Game tests trivia · classic."),
        "{transcript}"
    );
    assert_no_bundled_text(&transcript);
}

#[test]
fn with_bundled_mixes_the_default_content_back_in() {
    let vars = HashMap::new();
    let bands = ContentChoice {
        facts: vec![data("facts/bands.toml")],
        ..ContentChoice::default()
    };
    let alone = content::load(&bands, &vars).unwrap();
    let mixed = content::load(
        &ContentChoice {
            with_bundled: true,
            ..bands.clone()
        },
        &vars,
    )
    .unwrap();
    let bundled = content::load(&ContentChoice::bundled(), &vars).unwrap();
    assert_eq!(alone.parts.len(), 1);
    assert_eq!(alone.title, "Bands");
    assert_eq!(bundled.title, "The Defiant Ones");
    assert_eq!(mixed.title, "Bands and The Defiant Ones");
    assert_eq!(mixed.pool.len(), alone.pool.len() + bundled.pool.len());
    // Questions citing the bundled articles come only with the bundled content.
    let bundled_articles: Vec<String> = trivia::facts::FactBase::embedded()
        .unwrap()
        .articles
        .into_iter()
        .map(|article| article.file)
        .collect();
    let citing_bundled = |content: &content::Content| {
        content
            .pool
            .questions()
            .iter()
            .filter(|question| {
                question
                    .sources
                    .iter()
                    .any(|source| bundled_articles.contains(&source.article))
            })
            .count()
    };
    assert_eq!(citing_bundled(&alone), 0);
    assert_eq!(citing_bundled(&mixed), citing_bundled(&bundled));
    // Generated questions below the quality bar stay out of games: the bundled pool holds the
    // hand-written pack and some, not all, of what the generator makes.
    let generated = trivia::generate::generate_all(&trivia::facts::FactBase::embedded().unwrap());
    let hand_written = citing_bundled(&bundled)
        - bundled
            .pool
            .questions()
            .iter()
            .filter(|question| question.id.starts_with("g-"))
            .count();
    let drawn_generated = citing_bundled(&mixed) - hand_written;
    assert!(
        drawn_generated > 100 && drawn_generated < generated.len(),
        "{drawn_generated} of {} generated questions in games",
        generated.len()
    );
}

#[test]
fn the_pack_folder_joins_the_default_content_only() {
    let home = tempfile::tempdir().unwrap();
    let packs = home.path().join("packs");
    std::fs::create_dir_all(&packs).unwrap();
    test_pack(&packs);
    let vars = HashMap::from([("TRIVIA_HOME".to_string(), home.path().display().to_string())]);
    let default = content::load(&ContentChoice::bundled(), &vars).unwrap();
    assert!(
        default
            .parts
            .iter()
            .any(|part| matches!(part.origin, content::Origin::PackFolder(_)))
    );
    let named = content::load(
        &ContentChoice {
            facts: vec![data("facts/bands.toml")],
            ..ContentChoice::default()
        },
        &vars,
    )
    .unwrap();
    assert!(named.parts.iter().all(|part| part.title == "Bands"));
}

#[test]
fn a_broken_named_fact_base_stops_with_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let broken: PathBuf = dir.path().join("broken.toml");
    std::fs::write(
        &broken,
        "[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"spaceship\"\n",
    )
    .unwrap();
    trivia()
        .args(["play", "--no-history", "--facts"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "broken.toml:4:8: unknown entity kind `spaceship`",
        ));
}

#[test]
fn simulate_and_rules_take_the_same_content() {
    let bands = data("facts/bands.toml");
    trivia()
        .args(["simulate", "--games", "20", "--facts"])
        .arg(&bands)
        .assert()
        .success()
        .stdout(predicates::str::contains("20 classic games"));
    let rules = trivia()
        .arg("rules")
        .arg("--facts")
        .arg(&bands)
        .output()
        .unwrap();
    let rules = String::from_utf8(rules.stdout).unwrap();
    assert!(rules.contains("Questions about Bands,"), "{rules}");
    assert_no_bundled_text(&rules);
}

/// Regression: a one-question game was announced as "1 questions".
#[test]
fn a_one_question_game_says_question() {
    let bands = data("facts/bands.toml");
    let transcript = play(&[
        "--facts",
        bands.to_str().unwrap(),
        "--count",
        "1",
        "--seed",
        "1",
    ]);
    assert!(
        transcript.starts_with("Bands trivia · classic. 1 question, easiest first."),
        "{transcript}"
    );
}
