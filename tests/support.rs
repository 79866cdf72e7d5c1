//! Helpers shared by the integration tests: running the binary in a scrubbed environment, golden
//! files, and small fact bases written inside a test.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `trivia` binary with an environment that cannot leak the developer's settings into a test.
pub fn trivia() -> Command {
    let mut command = Command::cargo_bin("trivia").expect("the trivia binary is built for tests");
    for variable in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "CLICOLOR",
        "TRIVIA_HOME",
        "XDG_DATA_HOME",
    ] {
        command.env_remove(variable);
    }
    command.env(
        "TRIVIA_HOME",
        std::env::temp_dir().join("trivia-tests-unused-home"),
    );
    command
}

/// A file under `tests/data`.
pub fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative)
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/golden`.
pub fn golden_path(relative: &str) -> PathBuf {
    root().join("tests/golden").join(relative)
}

/// Whether this run rewrites golden files: only `UPDATE_GOLDEN=1` does (any other value, or none,
/// compares).
pub fn update_golden_requested() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|value| value == "1")
}

/// Compares `actual` with the committed golden file `tests/golden/<relative>`.
///
/// On a mismatch the test fails with a line diff (`-` the committed line, `+` the new one). With
/// `UPDATE_GOLDEN=1` the file is rewritten and the test still FAILS, naming the file: a run that
/// updates goldens never passes, so the new files are reviewed (`git diff tests/golden`) and the
/// suite rerun without the variable before anything is committed.
pub fn assert_golden(relative: &str, actual: &str) {
    let path = golden_path(relative);
    let committed = std::fs::read_to_string(&path).ok();
    if update_golden_requested() {
        if committed.as_deref() == Some(actual) {
            return;
        }
        std::fs::create_dir_all(path.parent().expect("golden files live in a folder"))
            .expect("the golden folder can be created");
        std::fs::write(&path, actual).expect("the golden file can be written");
        panic!(
            "UPDATE_GOLDEN=1 rewrote {}; review the change with `git diff tests/golden` and run the \
             tests again without UPDATE_GOLDEN (a run that rewrites a golden file always fails)",
            path.display()
        );
    }
    let Some(expected) = committed else {
        panic!(
            "{} is missing; create it with UPDATE_GOLDEN=1, then review it",
            path.display()
        );
    };
    if expected != actual {
        panic!(
            "{} differs from the output (- committed, + now):\n{}\nIf the change is intended, \
             rewrite it with UPDATE_GOLDEN=1 and review `git diff tests/golden`.",
            path.display(),
            line_diff(&expected, actual, 40)
        );
    }
}

/// A readable line diff of two texts: changed lines with their line numbers in the committed text,
/// `-` for lines only in `expected`, `+` for lines only in `actual`, at most `limit` changed lines.
pub fn line_diff(expected: &str, actual: &str, limit: usize) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    // Longest common subsequence table, from the ends (texts here are a few hundred lines).
    let mut common = vec![vec![0u32; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i][j] = if old[i] == new[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut shown, mut out) = (0, 0, 0, String::new());
    let mut emit = |out: &mut String, sign: char, line_number: usize, text: &str| {
        shown += 1;
        if shown <= limit {
            out.push_str(&format!("{sign} {line_number:>4} | {text}\n"));
        }
    };
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            i += 1;
            j += 1;
        } else if j < new.len() && (i == old.len() || common[i][j + 1] >= common[i + 1][j]) {
            emit(&mut out, '+', i + 1, new[j]);
            j += 1;
        } else {
            emit(&mut out, '-', i + 1, old[i]);
            i += 1;
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') {
        emit(&mut out, '~', old.len(), "(the final newline differs)");
    }
    if shown > limit {
        out.push_str(&format!("... and {} more changed line(s)\n", shown - limit));
    }
    out
}

#[test]
fn line_diff_shows_changed_lines_with_their_numbers() {
    let diff = line_diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n", 10);
    assert_eq!(diff, "+    2 | B\n-    2 | b\n+    5 | e\n");
    assert_eq!(line_diff("same\n", "same\n", 10), "");
    let many = line_diff("0\n", "0\n1\n2\n3\n", 2);
    assert!(many.ends_with("... and 1 more changed line(s)\n"), "{many}");
}

/// Says that a check could not run: under `CI` (set and not empty) the test FAILS with `reason`;
/// elsewhere it prints `SKIPPED <test>: <reason>` straight to stderr (past the test harness's output
/// capture, so the skip shows in a plain `cargo test`) and the caller returns. A check that cannot
/// run is never reported as a pass in CI.
pub fn skip_or_fail(test: &str, reason: &str) {
    if std::env::var_os("CI").is_some_and(|value| !value.is_empty()) {
        panic!("{test} cannot run: {reason} (CI is set, so a check that cannot run fails)");
    }
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// Where the five source articles live: `TRIVIA_ARTICLES`, or the shared `seeds/` folder next to the
/// checkout (`../shared/seeds`, or one level further up for a nested checkout).
pub fn articles_dir() -> Option<PathBuf> {
    std::env::var_os("TRIVIA_ARTICLES")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root().join("../shared/seeds"),
            root().join("../../shared/seeds"),
        ])
        .find(|dir| {
            std::fs::read_dir(dir).is_ok_and(|entries| {
                entries
                    .filter_map(Result::ok)
                    .any(|entry| entry.path().extension().is_some_and(|ext| ext == "txt"))
            })
        })
}

/// The options that are not the answer (multiple choice, quote and select-all).
pub fn wrong_options(question: &trivia::question::Question) -> Vec<&str> {
    use trivia::question::Body;
    match &question.body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => options
            .iter()
            .enumerate()
            .filter(|(index, _)| index != answer)
            .map(|(_, option)| option.as_str())
            .collect(),
        Body::SelectAll { options, answers } => options
            .iter()
            .enumerate()
            .filter(|(index, _)| !answers.contains(index))
            .map(|(_, option)| option.as_str())
            .collect(),
        _ => Vec::new(),
    }
}

/// A fact base from `body` (relations, entities and facts), with one article every fact cites.
pub fn small_base(body: &str) -> trivia::facts::FactBase {
    let text = format!(
        "[[article]]\nfile = \"notes.txt\"\nid = \"notes\"\ntitle = \"Test notes\"\n\
         label = \"the test notes\"\n\n{body}"
    );
    trivia::facts::load_sources(vec![trivia::tomldoc::SourceFile::new("small.toml", text)])
        .unwrap_or_else(|problems| {
            panic!(
                "invalid test base:\n{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
}

/// An `[[entity]]` table.
pub fn entity_table(id: &str, name: &str, kind: &str) -> String {
    format!("[[entity]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"\n\n")
}

/// An `[[entity]]` table the author declares as a plausible wrong answer for these relations.
pub fn candidate_table(id: &str, name: &str, kind: &str, relations: &[&str]) -> String {
    let listed: Vec<String> = relations.iter().map(|id| format!("\"{id}\"")).collect();
    format!(
        "[[entity]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"\ncandidate_for = [{}]\n\n",
        listed.join(", ")
    )
}

/// A one-valued relation from songs to the people who recorded them, for small test bases.
pub const RECORDED_BY: &str = r#"
[[relation]]
id = "recorded_by"
subject = ["song"]
object = ["person"]
cardinality = "one"
category = "Songs"
ask_object = ["Who recorded {subject}?"]
statement = "{subject} was recorded by {object}."
"#;

/// A `[[fact]]` table; `object` is written as TOML (`"\"id\""`, `1999`, `{ value = 76, ... }`).
pub fn fact_table(subject: &str, relation: &str, object: &str) -> String {
    format!(
        "[[fact]]\nsubject = \"{subject}\"\nrelation = \"{relation}\"\nobject = {object}\n\
         sources = [{{ article = \"notes\", evidence = \"as the notes say\" }}]\n\n"
    )
}

/// The options a multiple-choice or quote question shows, as a set.
pub fn option_set(question: &trivia::question::Question) -> std::collections::BTreeSet<&str> {
    use trivia::question::Body;
    match &question.body {
        Body::MultipleChoice { options, .. } | Body::Quote { options, .. } => {
            options.iter().map(String::as_str).collect()
        }
        _ => std::collections::BTreeSet::new(),
    }
}

/// A set of names, to compare with [`option_set`].
pub fn set_of<'a>(items: &[&'a str]) -> std::collections::BTreeSet<&'a str> {
    items.iter().copied().collect()
}

/// The multiple-choice and quote questions asked as `prompt`.
pub fn choices<'a>(
    questions: &'a [trivia::question::Question],
    prompt: &str,
) -> Vec<&'a trivia::question::Question> {
    questions
        .iter()
        .filter(|q| q.prompt == prompt && !option_set(q).is_empty())
        .collect()
}

/// Whether an explanation says a statement: word for word, or folded together with what it teaches,
/// the statement's opening name set off by an aside ("Allen Hughes, a film director, said this") or
/// its predicate hung on the name in a relative clause ("Dr. Dre co-founded Beats Electronics, which
/// was sold in 2014").
pub fn says(explanation: &str, statement: &str) -> bool {
    let stem = statement.trim_end_matches('.');
    if explanation.contains(stem) {
        return true;
    }
    stem.match_indices(' ').any(|(at, _)| {
        let (name, predicate) = (&stem[..at], &stem[at + 1..]);
        predicate.starts_with(|c: char| c.is_lowercase())
            && (explanation.contains(&format!("{name}, which {predicate}"))
                || explanation.contains(&format!("{name}, who {predicate}"))
                || (explanation.starts_with(&format!("{name}, "))
                    && explanation.contains(&format!(", {predicate}"))))
    })
}

/// Draws of `count` questions from the shipped fact base, one per seed of `seeds`, as `trivia
/// generate --seed S --count N` makes them.
pub fn shipped_draws(
    seeds: std::ops::Range<u64>,
    count: usize,
) -> Vec<(u64, Vec<trivia::question::Question>)> {
    let generator = trivia::generate::Generator::new(&trivia::facts::FactBase::embedded().unwrap());
    let options = trivia::generate::GenerateOptions {
        count,
        ..trivia::generate::GenerateOptions::default()
    };
    seeds
        .map(|seed| {
            let drawn = generator.draw(&options, &mut trivia::rng::SeededRng::from_seed(seed));
            (seed, drawn)
        })
        .collect()
}
