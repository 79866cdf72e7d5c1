//! The fact base: the shipped one loads and is well covered; each kind of invalid input is reported at
//! its exact line and column; `trivia facts check` exits 0 or 2 accordingly.

use std::fs;

use trivia::facts::{FactBase, Object, load_sources};
use trivia::tomldoc::{Diagnostic, SourceFile};

use crate::support::{articles_dir, data, root, skip_or_fail, trivia};

fn minimal() -> SourceFile {
    let path = data("facts/minimal.toml");
    SourceFile::new(
        "minimal.toml",
        fs::read_to_string(path).expect("fixture exists"),
    )
}

/// Loads the minimal fixture plus `extra` as `extra.toml`, expecting problems.
fn problems(extra: &str) -> Vec<Diagnostic> {
    match load_sources(vec![minimal(), SourceFile::new("extra.toml", extra)]) {
        Ok(_) => panic!("expected problems in:\n{extra}"),
        Err(problems) => problems,
    }
}

/// Asserts exactly one problem, at `line:column` of extra.toml, whose message contains `needle`.
fn assert_single(extra: &str, line: usize, column: usize, needle: &str) {
    let found = problems(extra);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let problem = &found[0];
    assert_eq!(problem.file, "extra.toml", "{problem}");
    assert_eq!((problem.line, problem.column), (line, column), "{problem}");
    assert!(
        problem.message.contains(needle),
        "`{}` does not contain `{needle}`",
        problem.message
    );
}

#[test]
fn shipped_fact_base_loads_and_every_article_is_cited() {
    // How many facts, entities and disagreements it holds is a content rule: tests/content_rules.rs.
    let base = FactBase::embedded().unwrap_or_else(|problems| {
        panic!(
            "shipped fact base is invalid:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!base.articles.is_empty());
    for article in &base.articles {
        let cited = base.facts.iter().any(|fact| {
            fact.sources
                .iter()
                .any(|source| source.article == article.file)
        });
        assert!(cited, "no fact cites `{}`", article.file);
    }
}

#[test]
fn shipped_fact_base_records_the_known_disagreements() {
    let base = FactBase::embedded().expect("valid");
    let topics: Vec<String> = base
        .disagreements()
        .iter()
        .map(|disagreement| {
            let claims: Vec<&str> = disagreement
                .sides
                .iter()
                .map(|side| side.claim.as_str())
                .collect();
            format!("{} {}", disagreement.topic, claims.join(" ")).to_lowercase()
        })
        .collect();
    for needle in ["grammy", "poitier", "emmy"] {
        assert!(
            topics.iter().any(|topic| topic.contains(needle)),
            "no disagreement about {needle}: {topics:#?}"
        );
    }
    for disagreement in base.disagreements() {
        assert!(disagreement.sides.len() >= 2, "{}", disagreement.id);
        for side in &disagreement.sides {
            assert!(
                !side.sources.is_empty(),
                "{}: a side without sources",
                disagreement.id
            );
        }
    }
}

#[test]
fn shipped_evidence_is_quoted_from_the_articles() {
    let Some(articles) = articles_dir() else {
        skip_or_fail(
            "shipped_evidence_is_quoted_from_the_articles",
            "the source articles are not at ../shared/seeds (or TRIVIA_ARTICLES); evidence not compared",
        );
        return;
    };
    let base = FactBase::embedded().expect("valid");
    let problems = base.verify_evidence(&articles);
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn minimal_fixture_loads_and_resolves() {
    let base = load_sources(vec![minimal()]).expect("valid");
    assert_eq!(base.summary().facts, 2);
    let directors = base.objects_of("heat", "directed_by");
    assert!(directors.contains("michael-mann"));
    let wrong: Vec<&str> = base
        .surely_not_objects("heat", "directed_by", &["person".to_string()])
        .iter()
        .map(|entity| entity.id.as_str())
        .collect();
    assert_eq!(wrong, ["ridley-scott"]);
    let release = &base.facts[base.facts_about("heat", "released")[0]];
    assert!(
        matches!(&release.object, Object::Value(value) if value.to_words() == "December 15, 1995")
    );
    assert_eq!(
        release.sources[0].article, "notes.txt",
        "article ids resolve to file names"
    );
}

#[test]
fn toml_syntax_error_is_located() {
    assert_single("[[entity]]\nid = \"x\nname = \"X\"\n", 2, 8, "TOML syntax");
}

#[test]
fn unknown_field_names_the_expected_ones() {
    assert_single(
        "[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\nalises = [\"Y\"]\n",
        5,
        1,
        "unknown field `alises` in entity (did you mean `aliases`?), expected one of `id`, `name`",
    );
}

#[test]
fn unknown_section_is_reported() {
    assert_single(
        "[[facts]]\nsubject = \"heat\"\n",
        1,
        3,
        "unknown field `facts`",
    );
}

#[test]
fn missing_field_is_reported_at_the_table() {
    assert_single(
        "\n[[entity]]\nid = \"x\"\nkind = \"person\"\n",
        2,
        1,
        "missing field `name` in entity",
    );
}

#[test]
fn dangling_entity_reference() {
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"stanley-kubrick\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        4,
        10,
        "unknown entity `stanley-kubrick` as object",
    );
}

#[test]
fn dangling_relation_reference() {
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"scored_by\"\nobject = \"michael-mann\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        3,
        12,
        "unknown relation `scored_by`",
    );
}

#[test]
fn a_relation_explained_with_an_unknown_relation_is_reported_at_the_relation() {
    assert_single(
        "[[relation]]\nid = \"shot_by\"\nsubject = [\"film\"]\nobject = [\"person\"]\ncategory = \"Crew\"\nstatement = \"{object} shot {subject}.\"\nexplain_with = [\"lit_by\"]\n",
        1,
        1,
        "relation `shot_by` is explained with unknown relation `lit_by`",
    );
}

#[test]
fn a_relation_saying_where_its_answer_lies_is_checked_at_the_relation() {
    let relation = "[[relation]]\nid = \"shot_in\"\nsubject = [\"film\"]\nobject = [\"person\"]\ncategory = \"Crew\"\nstatement = \"{subject} was shot in {object}.\"\n";
    assert_single(
        &format!(
            "{relation}within = \"lies_in\"\nask_within = [\"Where in {{within}} was {{subject}} shot?\"]\n"
        ),
        1,
        1,
        "relation `shot_in` says where its answer lies with unknown relation `lies_in`",
    );
    // A many-valued relation cannot say where one answer lies.
    assert_single(
        &format!(
            "{relation}within = \"shot_in\"\nask_within = [\"Where in {{within}} was {{subject}} shot?\"]\ncardinality = \"many\"\n"
        ),
        1,
        1,
        "which must be one-valued",
    );
    assert_single(
        &format!("{relation}within = \"shot_in\"\n"),
        1,
        1,
        "`within` and `ask_within` go together",
    );
    assert_single(
        &format!(
            "{relation}within = \"shot_in\"\nask_within = [\"Where was {{subject}} shot?\"]\n"
        ),
        8,
        15,
        "template must contain `{within}`",
    );
    assert_single(
        &format!(
            "{relation}within = \"shot_in\"\nask_within = [\"Where in {{within}} was {{object}} shot by {{subject}}?\"]\n"
        ),
        8,
        15,
        "must not contain `{object}`",
    );
}

#[test]
fn value_of_the_wrong_type_for_its_relation() {
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"released\"\nobject = \"last winter\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        4,
        10,
        "must be a date",
    );
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = 1995\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        4,
        10,
        "must be an entity id",
    );
}

#[test]
fn entity_of_a_kind_the_relation_does_not_take() {
    assert_single(
        "[[fact]]\nsubject = \"michael-mann\"\nrelation = \"directed_by\"\nobject = \"ridley-scott\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        2,
        11,
        "entity `michael-mann` is a person, but the relation takes a film as subject",
    );
}

#[test]
fn fact_with_no_source() {
    assert_single(
        "\n[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\n",
        2,
        1,
        "fact has no source",
    );
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsources = []\n",
        5,
        11,
        "`sources` is empty",
    );
}

#[test]
fn source_naming_no_known_article() {
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsources = [{ article = \"blog.txt\", evidence = \"x\" }]\n",
        5,
        24,
        "unknown article `blog.txt`, expected one of `notes.txt`",
    );
}

#[test]
fn overlong_evidence() {
    let words = vec!["word"; 30].join(" ");
    assert_single(
        &format!(
            "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsources = [{{ article = \"notes.txt\", evidence = \"{words}\" }}]\n"
        ),
        5,
        48,
        "evidence has 30 words",
    );
}

#[test]
fn duplicate_ids() {
    assert_single(
        "[[entity]]\nid = \"heat\"\nname = \"Heat (remake)\"\nkind = \"film\"\n",
        2,
        6,
        "duplicate entity id `heat`: first declared at minimal.toml:",
    );
    assert_single(
        "[[fact]]\nid = \"heat-release\"\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        2,
        6,
        "duplicate fact id `heat-release`",
    );
}

#[test]
fn colliding_names_and_aliases() {
    assert_single(
        "[[entity]]\nid = \"thomas-mann\"\nname = \"Thomas Mann\"\nkind = \"person\"\naliases = [\"MANN\"]\n",
        5,
        12,
        "name or alias `MANN` of entity `thomas-mann` collides with entity `michael-mann`",
    );
}

#[test]
fn entities_of_different_kinds_may_share_a_name() {
    // A film and a place both called "Heat": each is referred to by its id, and an answer is always
    // of one kind, so the name names one entity per kind.
    let extra = "[[entity]]\nid = \"heat-town\"\nname = \"Heat\"\nkind = \"place\"\n";
    let base = load_sources(vec![minimal(), SourceFile::new("extra.toml", extra)])
        .expect("a place may share a film's name");
    assert_eq!(base.entity("heat-town").unwrap().kind, "place");
    assert_eq!(base.entity("heat").unwrap().kind, "film");
}

#[test]
fn declared_kinds_sit_under_broader_ones() {
    let extra = r#"
[fact_base]
id = "heat-extra"
title = "Heat and friends"

[[kind]]
id = "thriller"
broader = "film"

[[kind]]
id = "heist-thriller"
broader = "thriller"

[[entity]]
id = "thief"
name = "Thief"
kind = "heist-thriller"

[[fact]]
subject = "thief"
relation = "directed_by"
object = "michael-mann"
sources = [{ article = "notes", evidence = "Thief, his first feature" }]
"#;
    let base = load_sources(vec![minimal(), SourceFile::new("extra.toml", extra)])
        .expect("a relation taking films takes a heist thriller");
    assert!(base.kinds.is_a("heist-thriller", "film"));
    assert_eq!(base.title(), Some("Heat and friends"));
    assert_eq!(base.about.id.as_deref(), Some("heat-extra"));
    assert_eq!(base.facts.len(), 3);
}

#[test]
fn declared_kinds_are_checked() {
    assert_single(
        "[[kind]]\nid = \"mission\"\nbroader = \"evnt\"\n",
        3,
        11,
        "kind `mission` is under unknown kind `evnt`",
    );
    assert_single(
        "[[kind]]\nid = \"person\"\n",
        2,
        6,
        "kind `person` is a shipped kind already",
    );
    assert_single(
        "[[kind]]\nid = \"Space Probe\"\n",
        2,
        6,
        "must be lowercase letters, digits and hyphens",
    );
    let looped =
        problems("[[kind]]\nid = \"a\"\nbroader = \"b\"\n[[kind]]\nid = \"b\"\nbroader = \"a\"\n");
    assert_eq!(looped.len(), 2, "{looped:#?}");
    assert!(
        looped
            .iter()
            .all(|p| p.message.contains("broader kinds must not loop"))
    );
    let twice = load_sources(vec![
        minimal(),
        SourceFile::new("one.toml", "[fact_base]\ntitle = \"One\"\n"),
        SourceFile::new("two.toml", "[fact_base]\ntitle = \"Two\"\n"),
    ])
    .unwrap_err();
    assert_eq!(twice.len(), 1, "{twice:#?}");
    assert_eq!(
        twice[0].to_string(),
        "two.toml:1:1: `[fact_base]` is given twice: first at one.toml:1:1; give it once, in one file"
    );
}

#[test]
fn one_valued_relation_given_two_objects() {
    assert_single(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"ridley-scott\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
        1,
        1,
        "relation `directed_by` allows one object, but `heat` already has Michael Mann",
    );
}

#[test]
fn a_disagreement_silences_the_one_valued_conflict() {
    let extra = "[[fact]]\nid = \"heat-scott\"\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"ridley-scott\"\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n\
        [[fact]]\nid = \"heat-mann\"\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsources = [{ article = \"notes.txt\", evidence = \"y\" }]\n\
        [[disagreement]]\nid = \"director\"\ntopic = \"Who directed Heat\"\n\
        [[disagreement.side]]\nclaim = \"Scott\"\nfacts = [\"heat-scott\"]\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n\
        [[disagreement.side]]\nclaim = \"Mann\"\nfacts = [\"heat-mann\"]\nsources = [{ article = \"notes.txt\", evidence = \"y\" }]\n";
    let without_director = minimal().text.replace(
        "[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsources = [{ article = \"notes.txt\", evidence = \"Heat was directed by Michael Mann\" }]\n",
        "",
    );
    assert_ne!(
        without_director,
        minimal().text,
        "the fixture still has its director fact"
    );
    let base = load_sources(vec![
        SourceFile::new("base.toml", without_director),
        SourceFile::new("extra.toml", extra),
    ]);
    let base = base.unwrap_or_else(|problems| panic!("{problems:#?}"));
    let disputed: Vec<bool> = (0..base.facts.len())
        .map(|index| base.is_disputed(index))
        .collect();
    assert_eq!(disputed.iter().filter(|&&flag| flag).count(), 2);
}

#[test]
fn disagreement_needs_two_sides_and_known_facts() {
    let found = problems(
        "[[disagreement]]\nid = \"d\"\ntopic = \"t\"\n[[disagreement.side]]\nclaim = \"c\"\nfacts = [\"nope\"]\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n",
    );
    let messages: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(
        messages[0].starts_with("extra.toml:4:1: a disagreement needs at least 2"),
        "{messages:#?}"
    );
    assert!(
        messages[1].starts_with("extra.toml:6:10: unknown fact `nope`"),
        "{messages:#?}"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let found = problems(
        "[[entity]]\nid = \"a\"\nname = \"A\"\nkind = \"robot\"\n\n[[fact]]\nsubject = \"nobody\"\nrelation = \"directed_by\"\nobject = \"michael-mann\"\nsorces = []\n",
    );
    let lines: Vec<usize> = found.iter().map(|problem| problem.line).collect();
    assert!(found.len() >= 3, "{found:#?}");
    assert!(
        lines.contains(&4) && lines.contains(&7) && lines.contains(&10),
        "{found:#?}"
    );
}

#[test]
fn unreadable_files_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let not_utf8 = dir.path().join("latin1.toml");
    fs::write(&not_utf8, b"[[entity]]\nname = \"J\xe4rvi\"\n").unwrap();
    let empty = dir.path().join("empty.toml");
    fs::write(&empty, "\n\n").unwrap();
    let huge = dir.path().join("huge.toml");
    fs::File::create(&huge)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let problems = trivia::facts::load_paths(&[not_utf8, empty, huge]).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("latin1.toml:2:10: file is not valid UTF-8 (save it as UTF-8)")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("empty.toml: file is empty")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("huge.toml: file is 68157440 bytes, over the 64 MiB limit")),
        "{messages:#?}"
    );
}

#[test]
fn check_command_accepts_the_shipped_seeds_and_lists_disagreements() {
    let output = trivia()
        .args(["facts", "check"])
        .arg(root().join("seeds"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("fact base is valid:"), "{stdout}");
    assert!(
        stdout.contains("Disagreements between the sources:"),
        "{stdout}"
    );
}

#[test]
fn check_command_rejects_a_broken_copy_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let broken = dir.path().join("zz-broken.toml");
    fs::write(
        &broken,
        "[[fact]]\nsubject = \"the-defiant-ones\"\nrelation = \"no_such_relation\"\nobject = \"x\"\nsources = [{ article = \"999.txt\", evidence = \"x\" }]\n",
    )
    .unwrap();
    let output = trivia()
        .args(["facts", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains("zz-broken.toml:3:12: unknown relation `no_such_relation`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("zz-broken.toml:5:24: source names unknown article `999.txt`"),
        "{stdout}"
    );
    assert!(stdout.contains("the fact base is invalid"), "{stdout}");
}

#[test]
fn check_command_speaks_json() {
    let output = trivia()
        .args(["facts", "check", "--json"])
        .arg(data("facts/minimal.toml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["summary"]["facts"], 2);
    assert_eq!(report["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn regression_disagreement_in_an_earlier_file_names_facts_of_a_later_one() {
    // Files load in name order; a disagreements file sorting before the facts it names was rejected.
    let facts = "[[fact]]\nid = \"late\"\nsubject = \"heat\"\nrelation = \"released\"\nobject = 1995\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n";
    let disagreement = "[[disagreement]]\nid = \"d\"\ntopic = \"When Heat came out\"\n\
        [[disagreement.side]]\nclaim = \"1995\"\nfacts = [\"late\"]\nsources = [{ article = \"notes.txt\", evidence = \"x\" }]\n\
        [[disagreement.side]]\nclaim = \"December 15, 1995\"\nfacts = [\"heat-release\"]\nsources = [{ article = \"notes.txt\", evidence = \"y\" }]\n";
    let base = load_sources(vec![
        SourceFile::new("a-disagreements.toml", disagreement),
        minimal(),
        SourceFile::new("z-facts.toml", facts),
    ])
    .unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(base.summary().disputed_facts, 2);
}

/// Regression: a template naming a qualifier a fact lacks passed `facts check`, silently dropped the
/// fact from most questions, and `generate --stats` still counted the fact.
#[test]
fn templates_that_cannot_render_and_facts_that_yield_nothing_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crew.toml");
    let text = r#"[[article]]
file = "notes.txt"
title = "Notes"
label = "the notes"

[[relation]]
id = "edited_by"
subject = ["film"]
object = ["person"]
cardinality = "many"
complete = true
category = "Crew"
ask_object = ["Who edited {subject} {context}?"]
ask_all = "Which of these people edited {subject}?"
statement = "{object} edited {subject} {context}."

[[relation]]
id = "released"
subject = ["film"]
value = "date"
category = "Release"
ask_object = ["When was {subject} released in {region}?"]
statement = "{subject} was released on {object} in {region}."

[[entity]]
id = "heat"
name = "Heat"
kind = "film"

[[entity]]
id = "ann"
name = "Ann Ash"
kind = "person"

[[entity]]
id = "bo"
name = "Bo Birch"
kind = "person"

[[entity]]
id = "cy"
name = "Cy Cole"
kind = "person"

[[fact]]
subject = "heat"
relation = "edited_by"
object = "ann"
context = "for the cinema release"
sources = [{ article = "notes.txt", evidence = "edited by Ann Ash" }]

[[fact]]
subject = "heat"
relation = "edited_by"
object = "bo"
sources = [{ article = "notes.txt", evidence = "and by Bo Birch" }]

[[fact]]
subject = "heat"
relation = "released"
object = 1995-12-15
sources = [{ article = "notes.txt", evidence = "released in December 1995" }]
"#;
    fs::write(&path, text).unwrap();
    let output = trivia()
        .args(["facts", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "warnings do not make a fact base invalid"
    );
    let report = String::from_utf8(output.stdout).unwrap();
    let shown = path.display().to_string();
    for expected in [
        // The relation whose templates name {region}, which no fact has.
        format!(
            "{shown}:17:1: warning: the ask_object template \"When was {{subject}} released in {{region}}?\" of relation `released` names `{{region}}`, which no fact of the relation has"
        ),
        format!("{shown}:17:1: warning: the statement template"),
        // Bo's fact lacks {context}: no statement, no ask_object question.
        format!(
            "{shown}:52:1: warning: the fact lacks `{{context}}`, which the statement of relation `edited_by` names"
        ),
        format!(
            "{shown}:52:1: warning: every ask_object template of relation `edited_by` names a qualifier the fact lacks (`{{context}}`)"
        ),
        format!("{shown}:52:1: warning: the fact `heat edited_by Bo Birch` yields no question"),
        format!(
            "{shown}:58:1: warning: the fact `heat released December 15, 1995` yields no question"
        ),
    ] {
        assert!(
            report.contains(&expected),
            "missing `{expected}` in:\n{report}"
        );
    }
    assert!(
        !report.contains(":45:1: warning"),
        "Ann's fact is fine:\n{report}"
    );
    assert!(report.starts_with("fact base is valid:"), "{report}");
    // --stats counts only the fact that yields a question of its own or an explained part of one.
    let stats = trivia()
        .args(["generate", "--stats", "--facts"])
        .arg(&path)
        .output()
        .unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(
        stats.starts_with("facts yielding at least one question: 1 of 3"),
        "{stats}"
    );
}

#[test]
fn facts_new_writes_a_valid_commented_fact_base_that_plays() {
    let dir = tempfile::tempdir().unwrap();
    trivia()
        .current_dir(dir.path())
        .args(["facts", "new", "my-topic"])
        .assert()
        .success()
        .stdout(predicates::str::contains("wrote my-topic.toml"));
    let path = dir.path().join("my-topic.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("title = \"My topic\"") && text.contains("id = \"my-topic\""));
    assert!(text.lines().filter(|line| line.starts_with('#')).count() >= 10);
    let check = trivia()
        .args(["facts", "check"])
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8(check.stdout).unwrap();
    assert!(
        check.status.success() && !report.contains("warning"),
        "{report}"
    );
    trivia()
        .current_dir(dir.path())
        .args(["facts", "new", "my-topic"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
    trivia()
        .args(["play", "--no-history", "--seed", "2", "--facts"])
        .arg(&path)
        .write_stdin("A\n".repeat(40))
        .assert()
        .success()
        .stdout(predicates::str::starts_with("My topic trivia · classic."));
}
