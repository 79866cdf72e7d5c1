//! Fuzz campaigns for the history's two readers of outside data: JSON histories of earlier versions
//! (`history::legacy::parse` and the import) and rows of the database (any value of any type in any
//! column, as a damaged or hand-edited file may hold). Neither may panic; what they accept must hold
//! valid Leitner boxes.
//!
//! CI runs a few thousand cases. The long campaign (1,000,000 cases each):
//! `TRIVIA_FUZZ_CASES=1000000 cargo test --release --test integration history_fuzz -- --nocapture`.

use std::path::Path;
use std::time::Instant;

use rand::Rng;
use rusqlite::Connection;
use serde_json::{Value, json};
use trivia::history::{Database, legacy};
use trivia::rng::{SeededRng, below, choose};

fn cases(default: u64) -> u64 {
    std::env::var("TRIVIA_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Strings that have broken parsers before: control characters, escapes, bidi controls, huge and odd
/// Unicode, path tricks, SQL.
const NASTY_TEXT: &[&str] = &[
    "",
    " ",
    "Ana",
    "zoë",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{1b}[2J",
    "\u{202e}evil",
    "a\u{0}b",
    "../../etc/passwd",
    "'; DROP TABLE games; --",
    "\u{fffd}\u{10ffff}",
    "x\ny\r\n",
    "classic",
    "hot-seat",
    "correct",
    "wrong",
    "skipped",
    "completed",
    "out_of_lives",
    "quit",
];

fn random_text(rng: &mut SeededRng) -> String {
    if below(rng, 3) == 0 {
        let len = below(rng, 12) as usize;
        (0..len)
            .map(|_| char::from_u32(below(rng, 0x11_0000)).unwrap_or('\u{fffd}'))
            .collect()
    } else {
        choose(rng, NASTY_TEXT).unwrap().to_string()
    }
}

fn random_number(rng: &mut SeededRng) -> Value {
    if below(rng, 10) != 0 {
        return json!(below(rng, 6));
    }
    match below(rng, 9) {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(255),
        3 => json!(256),
        4 => json!(u64::MAX),
        5 => json!(i64::MIN),
        6 => json!(1.5),
        7 => json!(u32::MAX as u64 + 1),
        _ => json!(below(rng, 10)),
    }
}

/// Any JSON value, small.
fn random_value(rng: &mut SeededRng, depth: u32) -> Value {
    match below(rng, if depth > 2 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => json!(below(rng, 2) == 0),
        2 | 3 => random_number(rng),
        4 => json!(random_text(rng)),
        5 => Value::Array(
            (0..below(rng, 3))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = serde_json::Map::new();
            for _ in 0..below(rng, 3) {
                map.insert(random_text(rng), random_value(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

/// Mostly `good`, sometimes anything else.
macro_rules! maybe {
    ($rng:ident, $good:expr) => {{
        let good = $good;
        maybe_value($rng, good)
    }};
}

fn maybe_value(rng: &mut SeededRng, good: Value) -> Value {
    if below(rng, 40) == 0 {
        random_value(rng, 1)
    } else {
        good
    }
}

/// A history shaped like the real format with some fields replaced by anything.
fn random_history(rng: &mut SeededRng) -> Value {
    let mut games = Vec::new();
    for _ in 0..below(rng, 3) {
        let mut questions = Vec::new();
        for _ in 0..below(rng, 3) {
            let outcome = *choose(
                rng,
                &[
                    "correct", "wrong", "skipped", "correct", "wrong", "skipped", "maybe",
                ],
            )
            .unwrap();
            let mut question = json!({
                "id": maybe!(rng, json!(random_text(rng))),
                "category": maybe!(rng, json!("Testing")),
                "outcome": maybe!(rng, json!(outcome)),
                "points": maybe!(rng, random_number(rng)),
            });
            if below(rng, 2) == 0 {
                question["content_hash"] = maybe!(rng, json!("0123456789abcdef"));
                question["answer"] = maybe!(rng, json!(random_text(rng)));
                question["elapsed_ms"] = maybe!(rng, random_number(rng));
                question["hinted"] = maybe!(rng, json!(true));
                question["at"] = maybe!(rng, random_number(rng));
            }
            questions.push(question);
        }
        let mode = *choose(
            rng,
            &[
                "classic", "survival", "blitz", "review", "hot-seat", "marathon",
            ],
        )
        .unwrap();
        let end = *choose(
            rng,
            &[
                "completed",
                "out_of_lives",
                "out_of_questions",
                "quit",
                "exploded",
            ],
        )
        .unwrap();
        games.push(json!({
            "at": maybe!(rng, random_number(rng)),
            "mode": maybe!(rng, json!(mode)),
            "end": maybe!(rng, json!(end)),
            "seed": maybe!(rng, random_number(rng)),
            "score": maybe!(rng, random_number(rng)),
            "correct": maybe!(rng, random_number(rng)),
            "wrong": maybe!(rng, random_number(rng)),
            "skipped": maybe!(rng, random_number(rng)),
            "longest_streak": maybe!(rng, random_number(rng)),
            "unfinished": maybe!(rng, json!(below(rng, 4) == 0)),
            "opponents": maybe!(rng, json!([random_text(rng)])),
            "questions": maybe!(rng, Value::Array(questions)),
        }));
    }
    let mut leitner = serde_json::Map::new();
    for _ in 0..below(rng, 4) {
        leitner.insert(
            random_text(rng),
            json!({
                "box": maybe!(rng, random_number(rng)),
                "due": maybe!(rng, random_number(rng)),
                "right": maybe!(rng, random_number(rng)),
                "wrong": maybe!(rng, random_number(rng)),
            }),
        );
    }
    let mut history = json!({
        "version": maybe!(rng, json!(1)),
        "player": maybe!(rng, json!(random_text(rng))),
        "games": maybe!(rng, Value::Array(games)),
        "leitner": maybe!(rng, Value::Object(leitner)),
        "high_scores": maybe!(rng, json!({"classic": [{"score": 1, "at": 2, "correct": 1, "answered": 1}]})),
    });
    if below(rng, 8) == 0 {
        history.as_object_mut().unwrap().remove("player");
    }
    history
}

/// Damages bytes: flips, inserts, deletes and truncates.
fn mutate(rng: &mut SeededRng, bytes: &mut Vec<u8>) {
    for _ in 0..=below(rng, 4) {
        if bytes.is_empty() {
            bytes.push(b'{');
        }
        let at = below(rng, bytes.len() as u32) as usize;
        match below(rng, 5) {
            0 => bytes[at] ^= 1 << below(rng, 8),
            1 => bytes.insert(at, *choose(rng, b"{}[]\",:0\\\xff\xc3e-").unwrap()),
            2 => {
                bytes.remove(at);
            }
            3 => bytes.truncate(at),
            _ => bytes[at] = (rng.next_u32() & 0xff) as u8,
        }
    }
}

#[test]
fn history_fuzz_json_histories_never_panic() {
    let total = cases(5_000);
    let mut rng = SeededRng::from_seed(0x4849_5354);
    let dir = tempfile::tempdir().unwrap();
    let mut database = Database::open(dir.path(), 0).unwrap().database;
    let players = dir.path().join(legacy::PLAYERS_FOLDER);
    std::fs::create_dir_all(&players).unwrap();
    let started = Instant::now();
    let (mut accepted, mut imported) = (0u64, 0u64);
    for case in 0..total {
        if case > 0 && case % 100_000 == 0 {
            eprintln!(
                "history fuzz (JSON): {case} cases, {accepted} accepted, {:.1} s so far",
                started.elapsed().as_secs_f64()
            );
        }
        let value = random_history(&mut rng);
        let mut bytes = serde_json::to_vec(&value).unwrap();
        if below(&mut rng, 3) == 0 {
            mutate(&mut rng, &mut bytes);
        }
        let text = String::from_utf8_lossy(&bytes);
        let Ok(parsed) = legacy::parse(&text, "fallback") else {
            continue;
        };
        accepted += 1;
        assert!(!parsed.history.player.trim().is_empty() || parsed.history.player == "fallback");
        assert!(
            parsed
                .history
                .leitner
                .values()
                .all(|card| (1..=5).contains(&card.leitner_box)),
            "case {case}: {text}"
        );
        // Every so often, the whole way in: a file in `players/`, imported, read back.
        if accepted % 64 == 1 {
            std::fs::write(players.join(format!("case-{case}.json")), &bytes).unwrap();
            let report = legacy::import_all(&mut database, case).unwrap();
            assert!(
                report.notices.len() + report.warnings.len() >= 1,
                "case {case}"
            );
            for name in database.players().unwrap() {
                let history = database.player_history(&name).unwrap().unwrap();
                assert!(
                    history
                        .leitner
                        .values()
                        .all(|card| (1..=5).contains(&card.leitner_box))
                );
                serde_json::to_string(&history).unwrap();
            }
            imported += 1;
        }
    }
    assert_eq!(database.integrity_check().unwrap(), "ok");
    eprintln!(
        "history fuzz (JSON): {total} cases in {:.1} s, {accepted} accepted, {imported} imported, 0 panics",
        started.elapsed().as_secs_f64()
    );
}

/// A value of any SQLite type, biased to the awkward ones.
fn random_sql(rng: &mut SeededRng) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match below(rng, 12) {
        0 => Sql::Null,
        1 => Sql::Integer(i64::MIN),
        2 => Sql::Integer(i64::MAX),
        3 => Sql::Integer(-1),
        4 => Sql::Integer(i64::from(below(rng, 8))),
        5 => Sql::Integer(255),
        6 => Sql::Real(f64::NAN),
        7 => Sql::Real(1e300),
        8 => Sql::Blob(vec![0xff, 0x00, 0xc3]),
        9 => Sql::Text(
            choose(
                rng,
                &[
                    "correct",
                    "wrong",
                    "skipped",
                    "classic",
                    "[]",
                    "[\"Ben\"]",
                    "{",
                ],
            )
            .unwrap()
            .to_string(),
        ),
        10 => Sql::Integer(1),
        _ => Sql::Text(random_text(rng)),
    }
}

const TABLES: &[(&str, &[&str])] = &[
    (
        "games",
        &[
            "id",
            "player",
            "player_key",
            "mode",
            "seed",
            "started_at",
            "ended_at",
            "end_reason",
            "score",
            "correct",
            "wrong",
            "skipped",
            "longest_streak",
            "opponents",
            "origin",
        ],
    ),
    (
        "answers",
        &[
            "game_id",
            "number",
            "question_id",
            "content_hash",
            "category",
            "answer",
            "outcome",
            "points",
            "elapsed_ms",
            "hinted",
            "fifty_fifty",
            "timed_out",
            "answered_at",
        ],
    ),
    (
        "cards",
        &[
            "player_key",
            "question_id",
            "box",
            "due",
            "right_count",
            "wrong_count",
        ],
    ),
    (
        "reports",
        &["id", "question_id", "source", "reason", "reported_at"],
    ),
    (
        "imports",
        &["file", "digest", "status", "detail", "imported_at"],
    ),
];

/// Reads everything a command can read; errors are fine, panics are not.
fn read_everything(database: &Database, names: &[&str]) {
    let mut players = database.players().unwrap_or_default();
    players.extend(names.iter().map(|name| name.to_string()));
    for name in &players {
        if let Ok(Some(history)) = database.player_history(name) {
            assert!(
                history
                    .leitner
                    .values()
                    .all(|card| (1..=5).contains(&card.leitner_box))
            );
            let _ = database.category_accuracy(name);
            let _ = database.recent_history(name, 1);
            let _ = database.game_count(name);
            let _ = history.box_counts();
            serde_json::to_string(&history).unwrap();
        }
        let _ = database.due(name, 1_000);
        let _ = database.recent_ids(name);
    }
    let _ = database.list_reports();
}

fn raw_connection(dir: &Path) -> Connection {
    let conn = Connection::open(Database::path_in(dir)).unwrap();
    conn.execute_batch("PRAGMA ignore_check_constraints = ON; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;")
        .unwrap();
    conn
}

#[test]
fn history_fuzz_database_rows_never_panic() {
    let total = cases(2_000);
    let mut rng = SeededRng::from_seed(0x524f_5753);
    let dir = tempfile::tempdir().unwrap();
    let database = Database::open(dir.path(), 0).unwrap().database;
    let raw = raw_connection(dir.path());
    let started = Instant::now();
    let mut rows = 0u64;
    for case in 0..total {
        if case > 0 && case % 100_000 == 0 {
            eprintln!(
                "history fuzz (database rows): {case} cases, {rows} rows, {:.1} s so far",
                started.elapsed().as_secs_f64()
            );
        }
        raw.execute_batch(
            "BEGIN; DELETE FROM games; DELETE FROM answers; DELETE FROM cards; DELETE FROM reports; COMMIT;",
        )
        .unwrap();
        // A plausible game and answer for the row under test to sit beside.
        raw.execute_batch(
            "INSERT INTO games (id, player, player_key, mode, seed, started_at) VALUES (1, 'Ana', 'ana', 'classic', 1, 1);
             INSERT INTO answers (game_id, number, question_id, category, outcome, points) VALUES (1, 0, 'q', 'c', 'wrong', 0);
             INSERT INTO cards (player_key, question_id, box, due) VALUES ('ana', 'q', 1, 0);",
        )
        .unwrap();
        for _ in 0..=below(&mut rng, 3) {
            let (table, columns) = *choose(&mut rng, TABLES).unwrap();
            let values: Vec<rusqlite::types::Value> =
                columns.iter().map(|_| random_sql(&mut rng)).collect();
            let sql = format!(
                "INSERT OR REPLACE INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                vec!["?"; columns.len()].join(", ")
            );
            if raw
                .execute(&sql, rusqlite::params_from_iter(values))
                .is_ok()
            {
                rows += 1;
            }
        }
        read_everything(&database, &["Ana", ""]);
    }
    drop(raw);
    eprintln!(
        "history fuzz (database rows): {total} cases, {rows} rows written, in {:.1} s, 0 panics",
        started.elapsed().as_secs_f64()
    );
}
