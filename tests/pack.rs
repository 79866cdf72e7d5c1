//! `trivia pack` commands, run in-process against a scrubbed console: new, validate, list, import, export.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use trivia::cli::{Console, Terminals, run_with};
use trivia::pack;
use trivia::tomldoc::{Diagnostics, SourceFile};

/// What a command printed and how it ended.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `trivia ARGS...` with `TRIVIA_HOME` pointing at `home` and no other environment.
pub fn trivia(args: &[&str], home: &Path) -> Output {
    let mut stdin = std::io::empty();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let vars: HashMap<String, String> = [("TRIVIA_HOME".to_string(), home.display().to_string())]
        .into_iter()
        .collect();
    let mut console = Console {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        terminals: Terminals::default(),
        vars,
    };
    let argv = std::iter::once("trivia")
        .chain(args.iter().copied())
        .map(OsString::from);
    let code = i32::from(run_with(argv, &mut console));
    Output {
        code,
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// A file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
        .join(name)
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Loads pack text, returning the pack or the diagnostics.
pub fn load_text(text: &str) -> Result<pack::Pack, Diagnostics> {
    let source = SourceFile::new("test.toml", text);
    let mut diagnostics = Diagnostics::default();
    pack::load_source(&source, &mut diagnostics).ok_or(diagnostics)
}

#[test]
fn pack_new_writes_a_starter_that_validates_and_covers_every_type() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("films");
    let output = trivia(&["pack", "new", path_str(&target)], home.path());
    assert_eq!(output.code, 0, "{output:?}");
    let written = home.path().join("films.toml");
    assert!(output.stdout.contains("films.toml"), "{}", output.stdout);
    let text = std::fs::read_to_string(&written).unwrap();
    let pack = load_text(&text).unwrap_or_else(|d| panic!("{:#?}", d.items));
    assert_eq!(pack.meta.id, "films");
    assert!(pack.type_counts().iter().all(|&count| count >= 1));
    assert!(
        text.matches("\n# ").count() >= 8,
        "every example is commented"
    );

    let validate = trivia(&["pack", "validate", path_str(&written)], home.path());
    assert_eq!(validate.code, 0, "{validate:?}");
}

#[test]
fn pack_new_refuses_to_overwrite_without_force() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("mine.toml");
    std::fs::write(&target, "keep me").unwrap();
    let output = trivia(&["pack", "new", path_str(&target)], home.path());
    assert_eq!(output.code, 2);
    assert!(
        output.stderr.contains("already exists"),
        "{}",
        output.stderr
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    let forced = trivia(&["pack", "new", "--force", path_str(&target)], home.path());
    assert_eq!(forced.code, 0, "{forced:?}");
    let rewritten = load_text(&std::fs::read_to_string(&target).unwrap())
        .expect("the forced file is a valid pack");
    assert!(!rewritten.questions.is_empty());
}

#[test]
fn pack_validate_accepts_the_bundled_folder() {
    let home = tempfile::tempdir().unwrap();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    let output = trivia(&["pack", "validate", path_str(&folder)], home.path());
    assert_eq!(output.code, 0, "{output:?}");
    assert!(
        output.stdout.contains("pack `defiant-ones`"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("valid: 1 pack(s)"),
        "{}",
        output.stdout
    );
}

#[test]
fn pack_validate_reports_every_problem_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let broken = data("broken-pack.toml");
    let output = trivia(&["pack", "validate", path_str(&broken)], home.path());
    assert_eq!(output.code, 2, "{output:?}");
    let problems: Vec<&str> = output
        .stdout
        .lines()
        .filter(|line| line.contains("broken-pack.toml:"))
        .collect();
    assert_eq!(problems.len(), 14, "{}", output.stdout);
    assert!(
        output
            .stdout
            .ends_with("invalid: 14 problem(s) in 1 file(s)\n")
    );
}

#[test]
fn pack_validate_json_lists_errors_and_packs() {
    let home = tempfile::tempdir().unwrap();
    let good = home.path().join("good.toml");
    std::fs::write(&good, pack::starter::starter_pack("good", "Good")).unwrap();
    let broken = data("broken-pack.toml");
    let output = trivia(
        &[
            "pack",
            "validate",
            "--json",
            path_str(&good),
            path_str(&broken),
        ],
        home.path(),
    );
    assert_eq!(output.code, 2);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(json["valid"], false);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 14);
    let first = &errors[0];
    assert!(
        first["file"]
            .as_str()
            .unwrap()
            .ends_with("broken-pack.toml")
    );
    assert!(first["line"].as_u64().unwrap() > 0);
    assert!(first["column"].as_u64().unwrap() > 0);
    assert!(first["message"].is_string());
    assert_eq!(json["packs"][0]["id"], "good");
    assert_eq!(json["packs"][0]["questions"], 8);
    assert_eq!(json["packs"][0]["path"], path_str(&good));

    let valid = trivia(
        &["pack", "validate", "--json", path_str(&good)],
        home.path(),
    );
    assert_eq!(valid.code, 0);
    let json: serde_json::Value = serde_json::from_str(&valid.stdout).unwrap();
    assert_eq!(json["valid"], true);
    assert_eq!(json["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn pack_validate_needs_a_path() {
    let home = tempfile::tempdir().unwrap();
    let output = trivia(&["pack", "validate"], home.path());
    assert_eq!(output.code, 2);
}

#[test]
fn pack_list_shows_bundled_user_and_extra_packs_with_type_counts() {
    let home = tempfile::tempdir().unwrap();
    let user_dir = home.path().join("packs");
    std::fs::create_dir_all(&user_dir).unwrap();
    std::fs::write(
        user_dir.join("mine.toml"),
        pack::starter::starter_pack("mine", "My pack"),
    )
    .unwrap();
    let extra = home.path().join("extra.toml");
    std::fs::write(&extra, pack::starter::starter_pack("extra", "Extra pack")).unwrap();

    let output = trivia(&["pack", "list", "--pack", path_str(&extra)], home.path());
    assert_eq!(output.code, 0, "{output:?}");
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert!(lines[0].starts_with("SOURCE"), "{}", output.stdout);
    for heading in ["MC", "TF", "NUM", "DATE", "TEXT", "ALL", "ORDER", "QUOTE"] {
        assert!(lines[0].contains(heading), "{}", lines[0]);
    }
    let bundled = lines.iter().find(|l| l.starts_with("bundled")).unwrap();
    assert!(bundled.contains("defiant-ones"), "{bundled}");
    let user = lines.iter().find(|l| l.starts_with("user")).unwrap();
    let cells: Vec<&str> = user.split_whitespace().collect();
    assert_eq!(cells[1], "mine");
    // 8 questions, one of each type, then the path.
    let count = cells.len();
    assert_eq!(
        cells[count - 10..count - 1],
        ["8", "1", "1", "1", "1", "1", "1", "1", "1"],
        "{user}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("--pack") && l.contains("extra"))
    );
    assert!(
        output
            .stdout
            .contains(&format!("your pack folder: {}", user_dir.display()))
    );
}

#[test]
fn pack_list_warns_about_broken_user_packs_and_fails_on_broken_extra_ones() {
    let home = tempfile::tempdir().unwrap();
    let user_dir = home.path().join("packs");
    std::fs::create_dir_all(&user_dir).unwrap();
    std::fs::write(user_dir.join("bad.toml"), "[pack]\nid = 1\n").unwrap();
    let output = trivia(&["pack", "list"], home.path());
    assert_eq!(output.code, 0, "{output:?}");
    assert!(output.stderr.contains("bad.toml:2:6"), "{}", output.stderr);
    let broken = data("broken-pack.toml");
    let output = trivia(&["pack", "list", "--pack", path_str(&broken)], home.path());
    assert_eq!(output.code, 2);
}

#[test]
fn pack_import_opentdb_sample_decodes_entities() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("otdb.toml");
    let output = trivia(
        &[
            "pack",
            "import",
            "--from",
            "opentdb",
            path_str(&data("opentdb-sample.json")),
            "-o",
            path_str(&out),
        ],
        home.path(),
    );
    assert_eq!(output.code, 0, "{output:?}");
    assert!(
        output
            .stderr
            .contains("imported 19 questions (16 multiple_choice, 3 true_false); skipped 0"),
        "{}",
        output.stderr
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let pack = load_text(&text).unwrap_or_else(|d| panic!("{:#?}", d.items));
    assert_eq!(pack.meta.id, "otdb");
    assert_eq!(pack.meta.license.as_deref(), Some("CC BY-SA 4.0"));
    assert!(!text.contains("&quot;") && !text.contains("&#039;") && !text.contains("&amp;"));
    let welsh = pack
        .questions
        .iter()
        .find(|q| q.prompt.starts_with("Llanfair"))
        .unwrap();
    assert!(
        welsh
            .prompt
            .starts_with("Llanfairpwllgwyngyllgogerychwyrndrobwll"),
        "soft hyphens removed: {}",
        welsh.prompt
    );
    assert!(
        pack.questions
            .iter()
            .any(|q| q.category == "Entertainment: Japanese Anime & Manga")
    );
    assert!(pack.questions.iter().all(|q| q.prompt == q.prompt.trim()));
    let mona_lisa: Vec<_> = pack
        .questions
        .iter()
        .filter(|q| q.prompt == "Who painted the Mona Lisa?")
        .collect();
    assert_eq!(mona_lisa.len(), 2, "different wrong answers: both kept");
    assert!(
        mona_lisa
            .iter()
            .all(|q| q.body.answer_text() == "Leonardo da Vinci"),
        "trailing space trimmed"
    );
}

#[test]
fn pack_import_opentriviaqa_sample_handles_quirks() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("otqa.toml");
    let output = trivia(
        &[
            "pack",
            "import",
            "--from",
            "opentriviaqa",
            path_str(&data("opentriviaqa/general")),
            "-o",
            path_str(&out),
        ],
        home.path(),
    );
    assert_eq!(output.code, 0, "{output:?}");
    assert!(
        output.stderr.contains(
            "imported 15 questions (13 multiple_choice, 2 true_false); skipped 5 \
             (2 duplicate options, 2 empty option, 1 duplicate record)"
        ),
        "{}",
        output.stderr
    );
    assert!(output.stderr.contains("1 bytes read as Windows-1252"));
    assert!(output.stderr.contains("18 carriage returns removed"));
    assert!(output.stderr.contains("general:48: skipped: empty option"));
    assert!(
        output
            .stderr
            .contains("general:62: skipped: duplicate options")
    );
    let pack = load_text(&std::fs::read_to_string(&out).unwrap())
        .unwrap_or_else(|d| panic!("{:#?}", d.items));
    let cruz = pack
        .questions
        .iter()
        .find(|q| q.prompt.starts_with("Tom adopted"))
        .unwrap();
    assert!(cruz.body.choices().iter().any(|c| c == "Penélope Cruz"));
    let lyrics = pack
        .questions
        .iter()
        .find(|q| q.prompt.starts_with("God bless Mother Nature"))
        .unwrap();
    assert!(
        lyrics.prompt.contains("do\n\nShe fought every Angel"),
        "{:?}",
        lyrics.prompt
    );
    assert!(lyrics.prompt.ends_with("Could find the ..."));
    assert_eq!(lyrics.body.answer_text(), "Perfect guy");
    assert!(pack.questions.iter().all(|q| q.category == "General"));
}

#[test]
fn pack_import_quiet_lists_only_counts() {
    let home = tempfile::tempdir().unwrap();
    let output = trivia(
        &[
            "pack",
            "import",
            "--quiet",
            "--from",
            "opentriviaqa",
            path_str(&data("opentriviaqa/general")),
        ],
        home.path(),
    );
    assert_eq!(output.code, 0);
    assert!(!output.stderr.contains("warning:"));
    assert!(
        output
            .stdout
            .starts_with("[pack]\nid = \"opentriviaqa-import\"")
    );
}

#[test]
fn pack_import_of_a_file_with_no_records_fails() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("notes.txt");
    std::fs::write(&empty, "just some notes\n").unwrap();
    let output = trivia(
        &["pack", "import", "--from", "opentriviaqa", path_str(&empty)],
        home.path(),
    );
    assert_eq!(output.code, 2);
    assert!(
        output.stderr.contains("no question could be imported"),
        "{}",
        output.stderr
    );
    assert!(
        output
            .stderr
            .contains("notes.txt:1: skipped: text outside a record")
    );
}

#[test]
fn pack_import_gift_sample_reads_common_forms() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("gift.toml");
    let output = trivia(
        &[
            "pack",
            "import",
            "--from",
            "gift",
            path_str(&data("sample.gift")),
            "-o",
            path_str(&out),
        ],
        home.path(),
    );
    assert_eq!(output.code, 0, "{output:?}");
    assert!(
        output.stderr.contains(
            "imported 8 questions (2 multiple_choice, 2 true_false, 1 numeric, 2 free_text, 1 select_all); \
             skipped 3 (1 essay question, 1 matching question, 1 no answer block)"
        ),
        "{}",
        output.stderr
    );
    let pack = load_text(&std::fs::read_to_string(&out).unwrap())
        .unwrap_or_else(|d| panic!("{:#?}", d.items));
    let price = pack
        .questions
        .iter()
        .find(|q| q.id == "gift-beats-price")
        .unwrap();
    assert_eq!(price.body.answer_text(), "3000000000");
    assert_eq!(price.category, "The Apple deal");
    let escaped = pack
        .questions
        .iter()
        .find(|q| q.id == "gift-escapes")
        .unwrap();
    assert_eq!(
        escaped.prompt,
        "Which of these is written 1 = 1 {always}: yes?"
    );
    assert_eq!(
        escaped.explanation,
        "Escapes: \\~ stands for ~ and \\# for #."
    );
}

#[test]
fn pack_export_gift_reports_what_it_leaves_out() {
    // On the committed test pack (8 questions, one date and one order), so a content edit to the
    // bundled pack cannot change the counts.
    let home = tempfile::tempdir().unwrap();
    let pack = crate::support::data("game/pack.toml");
    let output = trivia(
        &["pack", "export", "--to", "gift", path_str(&pack)],
        home.path(),
    );
    assert_eq!(output.code, 0, "{output:?}");
    assert!(
        output
            .stderr
            .contains("skipped 2 question(s) GIFT cannot express: 1 date, 1 order"),
        "{}",
        output.stderr
    );
    assert!(
        output.stderr.contains("exported 6 question(s) as GIFT"),
        "{}",
        output.stderr
    );
    assert!(
        output
            .stdout
            .contains("::lh-tallest::Which lighthouse has the most steps to its lamp?"),
        "{}",
        output.stdout
    );
    assert!(output.stdout.contains("$CATEGORY: Buildings"));
    assert!(!output.stdout.contains("lh-order") && !output.stdout.contains("lh-year"));
}

#[test]
fn pack_export_json_writes_the_pack_model() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("pack.json");
    let output = trivia(
        &[
            "pack",
            "export",
            "--to",
            "json",
            "defiant-ones",
            "-o",
            path_str(&out),
        ],
        home.path(),
    );
    assert_eq!(output.code, 0, "{output:?}");
    let json = std::fs::read_to_string(&out).unwrap();
    let back: pack::Pack = serde_json::from_str(&json).unwrap();
    assert_eq!(back, pack::bundled().remove(0));
}

#[test]
fn pack_export_of_a_broken_pack_shows_its_problems() {
    let home = tempfile::tempdir().unwrap();
    let output = trivia(
        &[
            "pack",
            "export",
            "--to",
            "gift",
            path_str(&data("broken-pack.toml")),
        ],
        home.path(),
    );
    assert_eq!(output.code, 2);
    assert!(
        output.stderr.contains("14 problem(s) found"),
        "{}",
        output.stderr
    );
}

#[test]
fn pack_export_then_import_gift_keeps_every_question_gift_can_express() {
    let home = tempfile::tempdir().unwrap();
    let gift = home.path().join("defiant.gift");
    let back = home.path().join("back.toml");
    let export = trivia(
        &[
            "pack",
            "export",
            "--to",
            "gift",
            "defiant-ones",
            "-o",
            path_str(&gift),
        ],
        home.path(),
    );
    assert_eq!(export.code, 0, "{export:?}");
    let import = trivia(
        &[
            "pack",
            "import",
            "--from",
            "gift",
            path_str(&gift),
            "-o",
            path_str(&back),
        ],
        home.path(),
    );
    assert_eq!(import.code, 0, "{import:?}");
    assert!(import.stderr.contains("skipped 0"), "{}", import.stderr);
    let original = pack::bundled().remove(0);
    let imported = load_text(&std::fs::read_to_string(&back).unwrap())
        .unwrap_or_else(|d| panic!("{:#?}", d.items));
    let expressible: Vec<_> = original
        .questions
        .into_iter()
        .filter(|q| {
            !matches!(
                q.body,
                trivia::question::Body::Order { .. } | trivia::question::Body::Date { .. }
            )
        })
        .collect();
    assert_eq!(imported.questions, expressible);
}

#[test]
fn pack_files_over_64_mib_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let huge = home.path().join("huge.toml");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    let output = trivia(&["pack", "validate", path_str(&huge)], home.path());
    assert_eq!(output.code, 2);
    assert!(
        output
            .stdout
            .contains("huge.toml: file is 67108865 bytes, over the 64 MiB limit"),
        "{}",
        output.stdout
    );
}
