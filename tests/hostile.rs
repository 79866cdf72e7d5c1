//! Hostile input: terminal control characters in every place outside text can enter (pack and fact
//! files, file names, command-line values, imports, typed answers) never reach stdout or stderr raw;
//! special files (FIFOs, devices), clashing pack ids and huge counts get clear errors, not hangs or aborts.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::assert::Assert;
use trivia::escape::is_unsafe;

use crate::support::trivia;

/// Every C0 control, DEL, every C1 control, the escape sequences that set the clipboard (OSC 52) and
/// the window title, reset the terminal (ESC c) and clear the screen (CSI), and every bidirectional
/// control. (NUL comes last: some paths stop at it.)
fn hostile() -> String {
    let mut text = String::from("X");
    text.extend((0x01u8..0x20).map(char::from));
    text.push('\u{7f}');
    text.extend((0x80u32..0xa0).filter_map(char::from_u32));
    text.push_str("\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;pwned\u{1b}\\\u{1b}c\u{1b}[2J\u{1b}[31m");
    text.extend(
        [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ]
        .iter(),
    );
    text.push('\u{0}');
    text.push('Y');
    text
}

/// The hostile text as a TOML basic string (escapes for everything but the printable characters).
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if is_unsafe(c) || c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Fails when `bytes` hold any character that could drive the terminal (newlines aside).
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| is_unsafe(c) && c != '\n')
    {
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        panic!(
            "{what}: U+{:04X} reached the terminal raw near {:?}",
            c as u32,
            &text[start..(at + 40).min(text.len())]
        );
    }
}

/// Runs the binary and checks both streams; returns the assertion for more checks.
fn run(what: &str, args: &[&std::ffi::OsStr], stdin: &str, home: &Path) -> Assert {
    let assert = trivia()
        .env("TRIVIA_HOME", home)
        .args(args)
        .write_stdin(stdin)
        .timeout(Duration::from_secs(60))
        .assert();
    let output = assert.get_output();
    assert_inert(&format!("{what} (stdout)"), &output.stdout);
    assert_inert(&format!("{what} (stderr)"), &output.stderr);
    assert
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(std::ffi::OsString::from).collect()
}

fn refs(args: &[std::ffi::OsString]) -> Vec<&std::ffi::OsStr> {
    args.iter().map(|a| a.as_os_str()).collect()
}

/// A pack that puts the hostile text in a key name, a table name, the `type` and `difficulty` values
/// and the text fields.
fn hostile_pack(dir: &Path, name: &str) -> PathBuf {
    let evil = toml_string(&hostile());
    let text = format!(
        "[pack]\nid = \"evil\"\ntitle = {evil}\n\n[{evil}]\nx = 1\n\n[[question]]\nid = \"q1\"\ntype = {evil}\n\
         difficulty = {evil}\nprompt = {evil}\n{evil} = 1\nanswer = true\n"
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A small valid pack, for games that read hostile answers.
fn good_pack(dir: &Path) -> PathBuf {
    let path = dir.join("good.toml");
    std::fs::write(
        &path,
        "[pack]\nid = \"good\"\ntitle = \"Good\"\n\n[[question]]\nid = \"good-1\"\ntype = \"free_text\"\n\
         category = \"Testing\"\nprompt = \"Which city is the capital of France?\"\nanswer = \"Paris\"\n\
         explanation = \"Paris is.\"\nsources = [{ article = \"a.txt\" }]\n",
    )
    .unwrap();
    path
}

#[test]
fn regression_control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join("packs")).unwrap();
    let evil = hostile();
    let pack = hostile_pack(dir.path(), "evil.toml");
    let pack_str = pack.to_str().unwrap();

    // Error messages quoting keys, tables and bad values: validate (text and JSON), play, list.
    let validate = run(
        "pack validate",
        &refs(&os(&["pack", "validate", pack_str])),
        "",
        &home,
    )
    .code(2);
    let shown = String::from_utf8_lossy(&validate.get_output().stdout).into_owned();
    assert!(
        shown.contains("\\u{1b}]52;c;"),
        "escaped, not dropped: {shown}"
    );
    run(
        "pack validate --json",
        &refs(&os(&["pack", "validate", "--json", pack_str])),
        "",
        &home,
    )
    .code(2);
    run(
        "play --pack",
        &refs(&os(&["play", "--no-history", "--pack", pack_str])),
        "",
        &home,
    )
    .code(2);
    run(
        "pack list --pack",
        &refs(&os(&["pack", "list", "--pack", pack_str])),
        "",
        &home,
    )
    .code(2);

    // The same pack in the user's pack folder: warnings on every play and pack list.
    hostile_pack(&home.join("packs"), "evil.toml");
    run(
        "pack list (folder)",
        &refs(&os(&["pack", "list"])),
        "",
        &home,
    )
    .success();
    run(
        "play (folder)",
        &refs(&os(&[
            "play",
            "--no-history",
            "--count",
            "1",
            "--seed",
            "1",
        ])),
        "",
        &home,
    );
    std::fs::remove_file(home.join("packs/evil.toml")).unwrap();

    // A file name holding the hostile text (NUL cannot be in a file name, nor can `/`).
    let name: String = evil.chars().filter(|&c| c != '\0' && c != '/').collect();
    let named = hostile_pack(dir.path(), &format!("{name}.toml"));
    run(
        "pack validate (file name)",
        &[
            std::ffi::OsStr::new("pack"),
            "validate".as_ref(),
            named.as_os_str(),
        ],
        "",
        &home,
    )
    .code(2);
    let missing = dir.path().join(format!("{name}-missing.toml"));
    for command in [
        &["pack", "validate"][..],
        &["facts", "check"],
        &["play", "--pack"],
    ] {
        let mut args: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
        args.push(missing.as_os_str());
        run(&format!("{command:?} (missing file)"), &args, "", &home).code(2);
    }

    // Fact files: text and JSON reports.
    let facts = dir.path().join("facts.toml");
    let evil_toml = toml_string(&evil);
    std::fs::write(
        &facts,
        format!(
            "[[article]]\nid = {evil_toml}\nfile = \"a.txt\"\ntitle = {evil_toml}\nlabel = \"x\"\n\
             {evil_toml} = 2\n\n[[entity]]\nid = \"e\"\nname = {evil_toml}\nkind = {evil_toml}\n"
        ),
    )
    .unwrap();
    let facts_str = facts.to_str().unwrap();
    let checked = run(
        "facts check",
        &refs(&os(&["facts", "check", facts_str])),
        "",
        &home,
    )
    .code(2);
    let report = String::from_utf8_lossy(&checked.get_output().stdout).into_owned();
    assert!(
        report.contains(":2:6: string `X\\u{1}"),
        "control characters are located: {report}"
    );
    run(
        "facts check --json",
        &refs(&os(&["facts", "check", "--json", facts_str])),
        "",
        &home,
    )
    .code(2);
    run(
        "generate --facts",
        &refs(&os(&["generate", "--facts", facts_str])),
        "",
        &home,
    )
    .code(2);

    // Values echoed from the command line (which cannot hold NUL).
    let arg: String = evil.chars().filter(|&c| c != '\0').collect();
    for args in [
        vec!["play", "--no-history", "--category", arg.as_str()],
        vec!["play", "--no-history", "--players", arg.as_str()],
        vec!["play", "--no-history", "--color", arg.as_str()],
        vec!["play", "--no-history", "--seed", arg.as_str()],
        vec!["pack", "export", arg.as_str()],
        vec!["generate", "--count", arg.as_str()],
        vec![arg.as_str()],
    ] {
        let code = run(
            &format!("arguments {:?}", &args[..args.len() - 1]),
            &refs(&os(&args)),
            "",
            &home,
        )
        .get_output()
        .status
        .code();
        assert_eq!(code, Some(2), "{args:?}");
    }

    // Imports: GIFT and Open Trivia DB, warnings and the written pack.
    let gift = dir.path().join("evil.gift");
    let gift_text: String = evil.chars().filter(|&c| c != '\0').collect();
    std::fs::write(
        &gift,
        format!(
            "::{gift_text}:: {gift_text} {{={gift_text} ~no}}\n\n{gift_text} {{#x}}\n\n::q:: Which? {{=yes ~no}}\n"
        ),
    )
    .unwrap();
    run(
        "pack import gift",
        &refs(&os(&[
            "pack",
            "import",
            "--from",
            "gift",
            gift.to_str().unwrap(),
        ])),
        "",
        &home,
    );
    let opentdb = dir.path().join("evil.json");
    let value = serde_json::json!({
        "response_code": 0,
        "results": [
            { "type": evil, "difficulty": evil, "category": evil, "question": evil,
              "correct_answer": evil, "incorrect_answers": [evil] },
            { "type": "boolean", "difficulty": "easy", "category": "c", "question": "Sky is blue?",
              "correct_answer": "True", "incorrect_answers": ["False"] }
        ]
    });
    std::fs::write(&opentdb, value.to_string()).unwrap();
    run(
        "pack import opentdb",
        &refs(&os(&[
            "pack",
            "import",
            "--from",
            "opentdb",
            opentdb.to_str().unwrap(),
        ])),
        "",
        &home,
    );

    // Game screens in line mode and JSON: typed answers are echoed and quoted back.
    let good = good_pack(dir.path());
    let answers = format!(
        "{}\n:{}\nParis\n",
        evil.replace('\n', ""),
        evil.replace('\n', "")
    );
    for front in [&["--plain"][..], &["--json"]] {
        let mut args = os(&[
            "play",
            "--no-history",
            "--seed",
            "1",
            "--category",
            "Testing",
            "--pack",
        ]);
        args.push(good.clone().into_os_string());
        args.extend(os(front));
        run(&format!("play {front:?}"), &refs(&args), &answers, &home).success();
    }
}

#[test]
fn regression_json_output_escapes_bidi_and_c1_controls() {
    // A typed answer is kept exactly in the JSON, as \u escapes.
    let dir = tempfile::tempdir().unwrap();
    let good = good_pack(dir.path());
    let assert = trivia()
        .args(["play", "--no-history", "--json", "--seed", "1"])
        .args(["--category", "Testing", "--pack"])
        .arg(&good)
        .write_stdin("Lyon\u{202e}\u{85}\nParis\n")
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert_inert("--json", out.as_bytes());
    assert!(out.contains("Lyon\\u202e\\u0085"), "{out}");
}

#[cfg(unix)]
#[test]
fn regression_a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pack.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    for command in [
        &["pack", "validate"][..],
        &["play", "--no-history", "--pack"],
        &["facts", "check"],
        &["generate", "--facts"],
        &["pack", "import", "--from", "gift"],
    ] {
        let assert = trivia()
            .args(command)
            .arg(&fifo)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2);
        let output = assert.get_output();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            all.contains("not a regular file but a FIFO"),
            "{command:?}: {all}"
        );
    }
}

/// A FIFO named like a pack inside a pack folder was skipped without a word (and a read of it would
/// block): every command that reads the folder now names it, escaped, and goes on with the packs.
#[cfg(unix)]
#[test]
fn regression_a_fifo_in_a_pack_folder_is_named_not_skipped_silently() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("packs");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("mine.toml"),
        "[pack]\nid = \"mine\"\ntitle = \"Mine\"\n\n[[question]]\nid = \"mine-1\"\ntype = \"true_false\"\n\
         prompt = \"Paris is in France.\"\nanswer = true\n",
    )
    .unwrap();
    let fifo = folder.join("odd\u{1b}]0;pwned\u{7}.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let runs: [(&[&str], bool); 4] = [
        (&["pack", "validate"], true),
        (&["pack", "validate", "--json"], true),
        (
            &[
                "play",
                "--no-history",
                "--count",
                "1",
                "--seed",
                "1",
                "--pack",
            ],
            true,
        ),
        (&["pack", "list"], false),
    ];
    for (command, with_folder) in runs {
        let mut run = trivia();
        run.env("TRIVIA_HOME", home.path()).args(command);
        if with_folder {
            run.arg(&folder);
        }
        let assert = run
            .write_stdin("T\n")
            .timeout(Duration::from_secs(60))
            .assert()
            .success();
        let output = assert.get_output();
        assert_inert("stdout", &output.stdout);
        assert_inert("stderr", &output.stderr);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            all.contains("odd")
                && all.contains("not a regular file but a FIFO (named pipe): left out"),
            "{command:?}: {all}"
        );
        assert!(
            all.to_lowercase().contains("mine"),
            "{command:?} still reads the pack: {all}"
        );
    }
}

/// A FIFO named like a fact file inside a fact folder was skipped without a word, so the base was
/// checked and played without it. A fact base is read whole: the entry is now named as a problem (exit
/// code 2), without being opened.
#[cfg(unix)]
#[test]
fn regression_a_fifo_in_a_fact_folder_is_named_not_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::support::data("facts/minimal.toml"),
        dir.path().join("minimal.toml"),
    )
    .unwrap();
    let fifo = dir.path().join("more\u{1b}[2J.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    for command in [&["facts", "check"][..], &["generate", "--facts"]] {
        let assert = trivia()
            .args(command)
            .arg(dir.path())
            .timeout(Duration::from_secs(30))
            .assert()
            .code(2);
        let output = assert.get_output();
        assert_inert("stdout", &output.stdout);
        assert_inert("stderr", &output.stderr);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            all.contains("more\\u{1b}[2J.toml: not a regular file but a FIFO (named pipe)"),
            "{command:?}: {all}"
        );
    }
}

/// `play --answers FILE` read the file whole without a bound: a FIFO hung the game and `/dev/zero`
/// was read until memory ran out. It is now refused like a pack, with exit code 2.
#[cfg(unix)]
#[test]
fn regression_an_answers_file_is_bounded_like_a_pack() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("answers\u{1b}[2J.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let huge = dir.path().join("huge.txt");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(trivia::input::MAX_FILE_BYTES + 1).unwrap();
    let cases: [(&Path, &str); 3] = [
        (&fifo, "not a regular file but a FIFO"),
        (
            Path::new("/dev/zero"),
            "not a regular file but a character device",
        ),
        (&huge, "over the 64 MiB limit"),
    ];
    for (path, expected) in cases {
        let assert = trivia()
            .args([
                "play",
                "--no-history",
                "--count",
                "1",
                "--seed",
                "1",
                "--answers",
            ])
            .arg(path)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2);
        let output = assert.get_output();
        assert_inert("stdout", &output.stdout);
        assert_inert("stderr", &output.stderr);
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.contains("cannot read answers file") && err.contains(expected),
            "{path:?}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn regression_dev_zero_is_refused_without_reading_it() {
    for command in [
        &["pack", "validate"][..],
        &["facts", "check"],
        &["pack", "import", "--from", "opentdb"],
    ] {
        let assert = trivia()
            .args(command)
            .arg("/dev/zero")
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2);
        let output = assert.get_output();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(all.contains("character device"), "{command:?}: {all}");
    }
}

#[test]
fn regression_a_pack_question_cannot_silently_replace_a_bundled_one() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = trivia::pack::bundled();
    let taken = &bundled[0].questions[0].id;
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        format!(
            "[pack]\nid = \"mine\"\ntitle = \"Mine\"\n\n[[question]]\nid = \"{taken}\"\ntype = \"true_false\"\n\
             prompt = \"Paris is in France.\"\nanswer = true\n"
        ),
    )
    .unwrap();
    // Played beside the bundled content (`--with-bundled`); alone, the pack has no one to clash with.
    let assert = trivia()
        .args(["play", "--no-history", "--with-bundled", "--pack"])
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        err.contains(&format!("mine.toml:6:6: duplicate question id `{taken}`"))
            && err.contains("first used at bundled questions/"),
        "{err}"
    );
    // An exact copy of a bundled pack is the same pack, not a clash.
    trivia()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["play", "--no-history", "--count", "1", "--seed", "1"])
        .args(["--with-bundled", "--pack", "questions"])
        .write_stdin("A\n")
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
}

#[test]
fn regression_huge_counts_do_not_abort() {
    // Allocation for four billion questions used to abort (exit 134): the draw stops at what exists.
    let assert = trivia()
        .args(["generate", "--count", "4000000000"])
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
    let output = assert.get_output();
    assert!(String::from_utf8_lossy(&output.stderr).contains("4000000000 were asked for"));
    let pack = trivia::tomldoc::SourceFile::new(
        "generated.toml",
        String::from_utf8(output.stdout.clone()).unwrap(),
    );
    let mut diagnostics = trivia::tomldoc::Diagnostics::default();
    assert!(trivia::pack::load_source(&pack, &mut diagnostics).is_some());
    // A hundred billion games cannot be played in one run: refused at once, with the limit.
    trivia()
        .args(["simulate", "--games", "99999999999"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("at most 10000000"));
    // usize::MAX questions per player in hot seat used to overflow.
    trivia()
        .args([
            "play",
            "--no-history",
            "--mode",
            "hot-seat",
            "--players",
            "A,B",
        ])
        .args(["--count", &usize::MAX.to_string(), "--seed", "1"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    trivia()
        .args(["simulate", "--games", "2", "--mode", "hot-seat"])
        .args(["--count", &usize::MAX.to_string()])
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
}

#[test]
fn regression_generate_never_writes_an_empty_pack() {
    trivia()
        .args(["generate", "--count", "0"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "`--count 0` asks for no questions",
        ));
    let facts = crate::support::data("facts/minimal.toml");
    trivia()
        .args([
            "generate",
            "--type",
            "quote",
            "--difficulty",
            "hard",
            "--facts",
        ])
        .arg(&facts)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "no question matches these filters",
        ));
}
