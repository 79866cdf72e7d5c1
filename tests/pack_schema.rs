//! The JSON Schemas in `schema/` against the loaders: every shipped pack and fact file is valid under its
//! schema, and on a set of broken files the schema and the loader agree that each is broken.

use std::path::Path;

use trivia::schema::{FACTS_SCHEMA, PACK_SCHEMA, toml_to_json};
use trivia::tomldoc::{Diagnostics, SourceFile};

use crate::support::{data, root};

fn validator(schema: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// The schema's complaints about a TOML text (empty when it is valid).
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let instance = toml_to_json(text).expect("the test file is TOML");
    validator
        .iter_errors(&instance)
        .map(|error| {
            // A `oneOf` error quotes the whole instance: keep the message short enough to read.
            let message: String = error.to_string().chars().take(160).collect();
            format!("at {}: {message}", error.instance_path())
        })
        .collect()
}

fn pack_loader_errors(text: &str) -> Vec<String> {
    let source = SourceFile::new("test.toml", text);
    let mut diagnostics = Diagnostics::default();
    trivia::pack::load_source(&source, &mut diagnostics);
    diagnostics.items.iter().map(ToString::to_string).collect()
}

fn facts_loader_errors(text: &str) -> Vec<String> {
    match trivia::facts::load_sources(vec![SourceFile::new("test.toml", text)]) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn schema_accepts_every_shipped_pack_and_fact_file() {
    let packs = validator(PACK_SCHEMA);
    let mut pack_files = toml_files(&root().join("questions"));
    pack_files.push(data("game/pack.toml"));
    assert!(pack_files.len() >= 2);
    for file in &pack_files {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(pack_loader_errors(&text).is_empty(), "{}", file.display());
        let errors = schema_errors(&packs, &text);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    let starter = trivia::pack::starter::starter_pack("films", "Films");
    assert!(starter.starts_with("#:schema ./pack.schema.json\n"));
    assert_eq!(schema_errors(&packs, &starter), Vec::<String>::new());

    let facts = validator(FACTS_SCHEMA);
    let home = tempfile::tempdir().unwrap();
    let new_facts = home.path().join("planets.toml");
    let run = crate::pack::trivia(&["facts", "new", new_facts.to_str().unwrap()], home.path());
    assert_eq!(run.code, 0, "{run:?}");
    let starter = std::fs::read_to_string(&new_facts).unwrap();
    assert_eq!(schema_errors(&facts, &starter), Vec::<String>::new());
    let mut fact_files = toml_files(&root().join("seeds"));
    fact_files.extend(toml_files(&data("facts")));
    assert!(fact_files.len() >= 10);
    for file in &fact_files {
        let text = std::fs::read_to_string(file).unwrap();
        let errors = schema_errors(&facts, &text);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

const PACK_HEAD: &str = "[pack]\nid = \"p\"\ntitle = \"P\"\n\n";

fn pack_with(question: &str) -> String {
    format!("{PACK_HEAD}[[question]]\nid = \"p-1\"\n{question}")
}

#[test]
fn schema_and_pack_loader_agree_on_broken_packs() {
    let packs = validator(PACK_SCHEMA);
    let mc =
        "type = \"multiple_choice\"\nprompt = \"Q?\"\noptions = [\"a\", \"b\"]\nanswer = \"a\"\n";
    let broken: Vec<(&str, String)> = vec![
        (
            "misspelt question field",
            format!("{}explantion = \"x\"\n", pack_with(mc)),
        ),
        (
            "misspelt pack field",
            format!(
                "[pack]\nid = \"p\"\ntitle = \"P\"\nauthr = \"A\"\n\n[[question]]\nid = \"p-1\"\n{mc}"
            ),
        ),
        (
            "unknown top-level table",
            format!("{}[extra]\nx = 1\n", pack_with(mc)),
        ),
        (
            "field of another type",
            pack_with(
                "type = \"free_text\"\nprompt = \"Q?\"\nanswer = \"a\"\noptions = [\"a\", \"b\"]\n",
            ),
        ),
        (
            "true/false answer as a string",
            pack_with("type = \"true_false\"\nprompt = \"Q?\"\nanswer = \"true\"\n"),
        ),
        (
            "numeric answer as a string",
            pack_with("type = \"numeric\"\nprompt = \"Q?\"\nanswer = \"12\"\n"),
        ),
        (
            "missing prompt",
            pack_with("type = \"true_false\"\nanswer = true\n"),
        ),
        (
            "missing answer",
            pack_with("type = \"free_text\"\nprompt = \"Q?\"\n"),
        ),
        (
            "missing type",
            pack_with("prompt = \"Q?\"\nanswer = true\n"),
        ),
        (
            "unknown type",
            pack_with("type = \"essay\"\nprompt = \"Q?\"\n"),
        ),
        (
            "unknown difficulty",
            format!("{}difficulty = \"tricky\"\n", pack_with(mc)),
        ),
        (
            "one option",
            pack_with(
                "type = \"multiple_choice\"\nprompt = \"Q?\"\noptions = [\"a\"]\nanswer = \"a\"\n",
            ),
        ),
        (
            "seven options",
            pack_with(
                "type = \"multiple_choice\"\nprompt = \"Q?\"\noptions = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]\nanswer = \"a\"\n",
            ),
        ),
        (
            "negative tolerance",
            pack_with("type = \"numeric\"\nprompt = \"Q?\"\nanswer = 3\ntolerance = -1\n"),
        ),
        (
            "date with a time",
            pack_with("type = \"date\"\nprompt = \"Q?\"\nanswer = 2017-07-09T10:00:00\n"),
        ),
        (
            "empty prompt",
            pack_with("type = \"true_false\"\nprompt = \"  \"\nanswer = true\n"),
        ),
        (
            "id with a space",
            format!("{PACK_HEAD}[[question]]\nid = \"p 1\"\n{mc}"),
        ),
        (
            "order with one item",
            pack_with("type = \"order\"\nprompt = \"Q?\"\nitems = [\"a\"]\n"),
        ),
        ("no questions", PACK_HEAD.to_string()),
        (
            "pack without title",
            format!("[pack]\nid = \"p\"\n\n[[question]]\nid = \"p-1\"\n{mc}"),
        ),
        ("tags as a number", format!("{}tags = 3\n", pack_with(mc))),
    ];
    for (what, text) in &broken {
        let loader = pack_loader_errors(text);
        let schema = schema_errors(&packs, text);
        assert!(!loader.is_empty(), "{what}: the loader accepts it\n{text}");
        assert!(!schema.is_empty(), "{what}: the schema accepts it\n{text}");
    }
    // Forms both accept: a lone tag, a lone citation table, a date as a string or a year.
    let fine = [
        format!(
            "{}tags = \"film\"\nsources = {{ article = \"a.txt\", evidence = \"e\" }}\n",
            pack_with(mc)
        ),
        pack_with("type = \"date\"\nprompt = \"Q?\"\nanswer = \"1958-09\"\n"),
        pack_with("type = \"date\"\nprompt = \"Q?\"\nanswer = 1958\ntolerance_days = 3\n"),
        pack_with(
            "type = \"select_all\"\nprompt = \"Q?\"\noptions = [\"a\", \"b\"]\nanswers = \"a\"\n",
        ),
    ];
    for text in &fine {
        assert_eq!(pack_loader_errors(text), Vec::<String>::new(), "{text}");
        assert_eq!(schema_errors(&packs, text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn schema_and_facts_loader_agree_on_broken_fact_files() {
    let facts = validator(FACTS_SCHEMA);
    let base = std::fs::read_to_string(data("facts/minimal.toml")).unwrap();
    assert!(facts_loader_errors(&base).is_empty());
    assert!(schema_errors(&facts, &base).is_empty());
    let broken: Vec<(&str, String)> = vec![
        (
            "unknown section",
            format!("{base}\n[[entiti]]\nid = \"x\"\n"),
        ),
        (
            "misspelt entity field",
            format!(
                "{base}\n[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\nalias = [\"Y\"]\n"
            ),
        ),
        (
            "prominence as a string",
            format!(
                "{base}\n[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\nprominence = \"high\"\n"
            ),
        ),
        (
            "prominence out of range",
            format!(
                "{base}\n[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\nprominence = 5\n"
            ),
        ),
        (
            "entity without a name",
            format!("{base}\n[[entity]]\nid = \"x\"\nkind = \"person\"\n"),
        ),
        (
            "unknown cardinality",
            format!(
                "{base}\n[[relation]]\nid = \"r\"\nsubject = [\"film\"]\nobject = [\"person\"]\ncardinality = \"several\"\ncategory = \"C\"\nstatement = \"{{subject}} {{object}}\"\n"
            ),
        ),
        (
            "relation with neither object nor value",
            format!(
                "{base}\n[[relation]]\nid = \"r\"\nsubject = [\"film\"]\ncategory = \"C\"\nstatement = \"{{subject}} {{object}}\"\n"
            ),
        ),
        (
            "fact without sources",
            format!(
                "{base}\n[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"ridley-scott\"\n"
            ),
        ),
        (
            "citation without evidence",
            format!(
                "{base}\n[[fact]]\nsubject = \"heat\"\nrelation = \"directed_by\"\nobject = \"ridley-scott\"\nsources = [{{ article = \"notes.txt\" }}]\n"
            ),
        ),
        (
            "misspelt article field",
            format!("{base}\n[[article]]\nfile = \"b.txt\"\ntitle = \"B\"\nlable = \"b\"\n"),
        ),
    ];
    for (what, text) in &broken {
        let loader = facts_loader_errors(text);
        let schema = schema_errors(&facts, text);
        assert!(!loader.is_empty(), "{what}: the loader accepts it");
        assert!(!schema.is_empty(), "{what}: the schema accepts it");
    }
}

#[test]
fn pack_schema_and_facts_schema_commands_print_the_files() {
    let home = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (["pack", "schema"], PACK_SCHEMA),
        (["facts", "schema"], FACTS_SCHEMA),
    ] {
        let output = crate::pack::trivia(&args, home.path());
        assert_eq!(output.code, 0);
        assert_eq!(output.stdout, expected);
    }
    let on_disk = std::fs::read_to_string(root().join("schema/pack.schema.json")).unwrap();
    assert_eq!(on_disk, PACK_SCHEMA);
}

#[test]
fn pack_new_writes_the_schema_beside_the_pack() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("films.toml");
    let output = crate::pack::trivia(&["pack", "new", pack.to_str().unwrap()], home.path());
    assert_eq!(output.code, 0, "{output:?}");
    let text = std::fs::read_to_string(&pack).unwrap();
    assert!(text.starts_with("#:schema ./pack.schema.json\n"));
    let schema = std::fs::read_to_string(home.path().join("pack.schema.json")).unwrap();
    assert_eq!(schema, PACK_SCHEMA);
}
