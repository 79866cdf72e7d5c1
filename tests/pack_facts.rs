//! A pack question's `facts`: every name must be a fact of the fact base it is played with (a typo is
//! reported at its place, never passed over), the shipped pack names the facts of the shipped base, and
//! a game over the bundled content never asks two questions resting on one fact, hand-written or
//! generated.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use trivia::content::{self, ContentChoice};
use trivia::facts::FactBase;
use trivia::game::Mode;
use trivia::game::select::{Filters, Source, select};
use trivia::pack::{self, FactNames};

use crate::pack::{data, path_str, trivia};

/// The small test fact base: `heat-release` has an id, Heat's director has none.
fn minimal_base() -> PathBuf {
    data("facts/minimal.toml")
}

/// The name of the minimal base's one fact without an id (`s-` and 8 hex digits).
fn director_fact_name() -> String {
    let base = trivia::facts::load_paths(&[minimal_base()]).expect("the minimal base loads");
    let fact = base
        .facts
        .iter()
        .find(|fact| fact.id.is_none())
        .expect("a fact without an id");
    trivia::generate::fact_name(fact)
}

/// A pack of two questions on the minimal base; the second names `second`.
fn heat_pack(dir: &Path, second: &str) -> PathBuf {
    let path = dir.join("heat.toml");
    let text = format!(
        "[pack]\nid = \"heat\"\ntitle = \"Heat\"\n\n\
         [[question]]\nid = \"heat-director\"\ntype = \"free_text\"\n\
         prompt = \"Who directed Heat?\"\nanswer = \"Michael Mann\"\nfacts = [\"{}\"]\n\n\
         [[question]]\nid = \"heat-year\"\ntype = \"date\"\n\
         prompt = \"In what year was Heat released?\"\nanswer = \"1995\"\n\
         facts = [\"{second}\"]\n",
        director_fact_name()
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_signature_name_is_what_the_generator_tags_the_fact_with() {
    let name = director_fact_name();
    assert!(
        name.len() == 10
            && name.starts_with("s-")
            && name[2..].chars().all(|c| c.is_ascii_hexdigit()),
        "{name}"
    );
    let base = trivia::facts::load_paths(&[minimal_base()]).unwrap();
    let tagged: HashSet<String> = trivia::generate::generate_all(&base)
        .iter()
        .flat_map(|question| question.facts().map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert!(tagged.contains(&name), "{name} not among {tagged:?}");
    assert!(tagged.contains("heat-release"), "{tagged:?}");
}

#[test]
fn pack_validate_with_facts_accepts_ids_and_signature_names() {
    let home = tempfile::tempdir().unwrap();
    let pack = heat_pack(home.path(), "heat-release");
    let output = trivia(
        &[
            "pack",
            "validate",
            path_str(&pack),
            "--facts",
            path_str(&minimal_base()),
        ],
        home.path(),
    );
    assert_eq!(output.code, 0, "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    assert!(output.stdout.contains("valid: 1 pack(s), 2 questions"));
}

/// Regression: a misspelt name in `facts` passed validation silently, and the question it was meant
/// to keep apart from a generated one on the same fact could be asked beside it.
#[test]
fn pack_validate_with_facts_reports_an_unknown_fact_at_its_place_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let pack = heat_pack(home.path(), "heat-relase");
    let output = trivia(
        &[
            "pack",
            "validate",
            path_str(&pack),
            "--facts",
            path_str(&minimal_base()),
        ],
        home.path(),
    );
    assert_eq!(output.code, 2, "{output:?}");
    let expected = format!(
        "{}:17:10: question `heat-year` names fact `heat-relase`, which none of the fact bases \
         given with `--facts` has (did you mean `heat-release`?)",
        pack.display()
    );
    assert!(output.stdout.contains(&expected), "{}", output.stdout);
    assert!(
        output
            .stdout
            .ends_with("invalid: 1 problem(s) in 1 file(s)\n"),
        "{}",
        output.stdout
    );
    assert!(!output.stdout.contains("ok: "), "{}", output.stdout);

    let json = trivia(
        &[
            "pack",
            "validate",
            "--json",
            path_str(&pack),
            "--facts",
            path_str(&minimal_base()),
        ],
        home.path(),
    );
    assert_eq!(json.code, 2);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["errors"][0]["line"], 17);
    assert_eq!(json["errors"][0]["column"], 10);
}

#[test]
fn pack_validate_with_a_broken_fact_base_reports_it_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let pack = heat_pack(home.path(), "heat-release");
    let missing = home.path().join("no-such-base");
    let output = trivia(
        &[
            "pack",
            "validate",
            path_str(&pack),
            "--facts",
            path_str(&missing),
        ],
        home.path(),
    );
    assert_eq!(output.code, 2, "{output:?}");
    assert!(output.stdout.contains("no-such-base"), "{}", output.stdout);
}

#[test]
fn pack_validate_without_facts_warns_of_names_the_bundled_base_lacks() {
    let home = tempfile::tempdir().unwrap();
    let pack = heat_pack(home.path(), "heat-release");
    let output = trivia(&["pack", "validate", path_str(&pack)], home.path());
    // Written for another fact base: valid, but every name is told (on stderr), with what to do.
    assert_eq!(output.code, 0, "{output:?}");
    let warnings: Vec<&str> = output.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", output.stderr);
    assert!(
        warnings[1].starts_with(&format!("warning: {}:17:10: ", pack.display())),
        "{}",
        output.stderr
    );
    assert!(
        warnings.iter().all(
            |line| line.contains("which the bundled fact base does not have")
                && line.ends_with("give `--facts PATH` to check against another fact base")
        ),
        "{}",
        output.stderr
    );
}

#[test]
fn a_game_warns_of_a_pack_fact_that_no_fact_base_played_has() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("cut.toml");
    std::fs::write(
        &pack,
        "[pack]\nid = \"cut\"\ntitle = \"Cut\"\n\n[[question]]\nid = \"cut-name\"\n\
         type = \"free_text\"\nprompt = \"What did the editors call the series' reaction shots?\"\n\
         answer = \"Empathy Cut\"\nfacts = [\"series-empathy-cutt\"]\n",
    )
    .unwrap();
    let with_bundled = ContentChoice {
        packs: vec![pack.clone()],
        with_bundled: true,
        ..ContentChoice::default()
    };
    let content = content::load(&with_bundled, &HashMap::new()).unwrap();
    let expected = format!(
        "{}:10:10: question `cut-name` names fact `series-empathy-cutt`, which none of the fact \
         bases played has (did you mean `series-empathy-cut`?)",
        pack.display()
    );
    assert!(
        content
            .warnings
            .iter()
            .any(|warning| warning.starts_with(&expected)),
        "{:?}",
        content.warnings
    );
    // Played alone there is no fact base to clash with, and nothing to say.
    let alone = ContentChoice {
        packs: vec![pack],
        ..ContentChoice::default()
    };
    let content = content::load(&alone, &HashMap::new()).unwrap();
    assert!(content.warnings.is_empty(), "{:?}", content.warnings);
}

#[test]
fn every_shipped_pack_question_names_facts_of_the_shipped_base() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    let report = pack::load_report(&[folder]);
    assert!(report.is_valid(), "{:#?}", report.diagnostics);
    let names = FactNames::of(&FactBase::embedded().expect("the shipped base loads"));
    for loaded in &report.packs {
        let unknown = names.unknown(&loaded.path, &loaded.fact_places, "unknown", "");
        assert!(unknown.is_empty(), "{unknown:#?}");
        // Every hand-written question rests on facts the base holds, and says which.
        let naming: HashSet<&str> = loaded
            .fact_places
            .iter()
            .map(|place| place.question.as_str())
            .collect();
        let silent: Vec<&str> = loaded
            .pack
            .questions
            .iter()
            .map(|question| question.id.as_str())
            .filter(|id| !naming.contains(id))
            .collect();
        assert!(silent.is_empty(), "questions naming no fact: {silent:?}");
        for question in &loaded.pack.questions {
            assert!(question.facts().next().is_some(), "{}", question.id);
        }
    }
}

/// Regression: the shipped pack named no facts, so a game over the bundled content could ask "What
/// did the editors call the reaction shots the documentary uses so often?" (hand-written) and "What
/// did the editors of the series call its frequent reaction shots?" (generated), both "Empathy Cut".
#[test]
fn regression_a_game_over_the_bundled_content_never_asks_one_fact_twice() {
    let content = content::load(&ContentChoice::bundled(), &HashMap::new()).unwrap();
    let pool = &content.pool;
    // Every question about the Empathy Cut, found by its text (not by the tags under test).
    let empathy_cut: Vec<usize> = (0..pool.len())
        .filter(|&index| {
            let question = pool.get(index);
            let text = format!("{} {}", question.prompt, question.body.answer_text());
            text.to_lowercase().contains("empathy cut") || text.contains("reaction shots")
        })
        .collect();
    assert!(empathy_cut.len() >= 2, "{empathy_cut:?}");

    for seed in 0..60 {
        for count in [10, 30] {
            let chosen = select(
                pool,
                &Filters::default(),
                Mode::Classic,
                Some(count),
                seed,
                &BTreeSet::new(),
            );
            assert_eq!(chosen.len(), count);
            let mut seen: HashMap<&str, &str> = HashMap::new();
            for &index in &chosen {
                let question = pool.get(index);
                for fact in question.facts() {
                    if let Some(first) = seen.insert(fact, &question.id) {
                        panic!(
                            "seed {seed}, {count} questions: `{first}` and `{}` both rest on {fact}",
                            question.id
                        );
                    }
                }
            }
            let cuts = chosen.iter().filter(|i| empathy_cut.contains(i)).count();
            assert!(cuts <= 1, "seed {seed}: the Empathy Cut asked {cuts} times");
        }
    }

    // Narrowed to the two categories the Empathy Cut is asked in, a game of a quarter of their
    // questions would often draw two of its questions.
    let narrow = Filters {
        categories: vec!["Reception".into(), "Cast & crew".into()],
        ..Filters::default()
    };
    let matching = (0..pool.len())
        .filter(|&index| narrow.accepts(pool.get(index), pool.source(index)))
        .count();
    let typed_cuts = empathy_cut
        .iter()
        .filter(|&&index| narrow.accepts(pool.get(index), pool.source(index)))
        .count();
    assert!(
        typed_cuts >= 2 && matching >= 20,
        "{typed_cuts} of {matching}"
    );
    for seed in 0..60 {
        let chosen = select(
            pool,
            &narrow,
            Mode::Classic,
            Some(matching / 4),
            seed,
            &BTreeSet::new(),
        );
        let asked: Vec<(&str, Vec<&str>)> = chosen
            .iter()
            .filter(|i| empathy_cut.contains(i))
            .map(|&i| (pool.get(i).prompt.as_str(), pool.get(i).facts().collect()))
            .collect();
        assert!(
            asked.len() <= 1,
            "seed {seed}, narrowed: the Empathy Cut asked {} times: {asked:?}",
            asked.len()
        );
    }

    // The pool does hold hand-written and generated questions on one fact (else this proves nothing).
    let facts_of = |source: Source| -> HashSet<&str> {
        (0..pool.len())
            .filter(|&index| pool.source(index) == source)
            .flat_map(|index| pool.get(index).facts())
            .collect()
    };
    let shared: BTreeSet<&str> = facts_of(Source::Pack)
        .intersection(&facts_of(Source::Generated))
        .copied()
        .collect();
    assert!(shared.contains("series-empathy-cut"), "{shared:?}");
    assert!(
        shared.len() >= 20,
        "{} facts shared: {shared:?}",
        shared.len()
    );
}
