//! Histories of earlier versions, one JSON file per player in `<data dir>/players/`, imported into the
//! database once, the first time the database is opened after they appear. The files are kept on disk
//! and never written. A file that cannot be imported is named with the reason and left where it is; it
//! is tried again only if it changes.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::games::{self, NewGame, end_name, player_key, to_sql};
use super::{Card, Database, FORMAT_VERSION, PlayerHistory};
use crate::error::Result;
use crate::question::stable_hash;

/// The folder of the data directory that held one JSON file per player.
pub const PLAYERS_FOLDER: &str = "players";

/// JSON histories larger than this are not read (the largest real ones are a few tens of MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// A JSON history read and checked, ready to import.
#[derive(Debug)]
pub struct Parsed {
    pub history: PlayerHistory,
    /// What was repaired on the way in (a Leitner box out of range, ...).
    pub repairs: Vec<String>,
}

/// Reads one JSON history. Nothing in `text` can make it panic: malformed JSON and a newer format are
/// errors (with line and column for JSON), out-of-range Leitner boxes are brought into 1 to 5 and
/// reported as repairs, and an empty player name becomes `fallback_name`.
pub fn parse(text: &str, fallback_name: &str) -> std::result::Result<Parsed, String> {
    let mut history: PlayerHistory = serde_json::from_str(text).map_err(|error| {
        if error.line() > 0 {
            format!("{}:{}: {error}", error.line(), error.column())
        } else {
            error.to_string()
        }
    })?;
    if history.version > FORMAT_VERSION {
        return Err(format!(
            "it was written by a newer trivia (format {}, this one reads {FORMAT_VERSION})",
            history.version
        ));
    }
    if history.player.trim().is_empty() {
        history.player = fallback_name.to_string();
    }
    // Generated questions were once identified by their wording: boxes follow them to their ids now.
    history.follow_renamed_ids(crate::generate::renamed_id);
    let mut repairs = Vec::new();
    for (id, card) in &mut history.leitner {
        if !(1..=Card::TOP_BOX).contains(&card.leitner_box) {
            let fixed = card.leitner_box.clamp(1, Card::TOP_BOX);
            repairs.push(format!(
                "question `{id}` was in Leitner box {}, which does not exist; it is now in box {fixed}",
                card.leitner_box
            ));
            card.leitner_box = fixed;
        }
    }
    Ok(Parsed { history, repairs })
}

/// What importing said.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub warnings: Vec<String>,
    pub notices: Vec<String>,
}

/// Whether `dir` has a folder of JSON histories.
pub fn has_files(dir: &Path) -> bool {
    !json_files(dir).is_empty()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join(PLAYERS_FOLDER))
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Imports every JSON history in `database`'s data directory not imported (or refused in its present
/// form) before.
pub fn import_all(database: &mut Database, now: u64) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    for path in json_files(database.dir()) {
        let file = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown = Path::new(PLAYERS_FOLDER).join(&file);
        let shown = database.dir().join(shown);
        let done: Option<String> = database
            .conn
            .query_row(
                "SELECT status FROM imports WHERE file = ?1",
                [&file],
                |row| row.get(0),
            )
            .optional()
            .map_err(|source| database.error("read", source))?;
        if done.as_deref() == Some("imported") {
            continue;
        }
        let (digest, parsed) = match read(&path) {
            Ok(bytes) => {
                let digest = format!("{:016x}", stable_hash(&bytes));
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let parsed = match String::from_utf8(bytes) {
                    Ok(text) => parse(&text, &stem),
                    Err(_) => Err("it is not UTF-8 text".to_string()),
                };
                (digest, parsed)
            }
            Err(error) => (String::new(), Err(error)),
        };
        match import_one(database, &file, &digest, parsed.as_ref(), now)
            .map_err(|source| database.error("write to", source))?
        {
            Imported::AlreadyDone => {}
            Imported::Games(count) => {
                let parsed = parsed.as_ref().expect("imported from a parsed file");
                for repair in &parsed.repairs {
                    report
                        .warnings
                        .push(format!("history `{}`: {repair}", shown.display()));
                }
                report.notices.push(format!(
                    "imported {} of `{}` from `{}` into the history database (the file is kept)",
                    crate::ui::count(count, "game"),
                    crate::ui::clean(&parsed.history.player),
                    shown.display()
                ));
            }
            Imported::Refused(reason) => report.warnings.push(format!(
                "cannot import history `{}` ({}); it is left as it was",
                shown.display(),
                crate::ui::clean(&reason)
            )),
        }
    }
    Ok(report)
}

fn read(path: &Path) -> std::result::Result<Vec<u8>, String> {
    let metadata = fs::metadata(path).map_err(|error| error.to_string())?;
    if !metadata.is_file() {
        return Err("it is not a regular file".to_string());
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(format!("it is larger than {} MiB", MAX_FILE_BYTES >> 20));
    }
    fs::read(path).map_err(|error| error.to_string())
}

enum Imported {
    AlreadyDone,
    Games(usize),
    Refused(String),
}

fn import_one(
    database: &mut Database,
    file: &str,
    digest: &str,
    parsed: std::result::Result<&Parsed, &String>,
    now: u64,
) -> rusqlite::Result<Imported> {
    let tx = database
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another game may have imported it while this one read the file.
    let done: Option<(String, String)> = tx
        .query_row(
            "SELECT status, digest FROM imports WHERE file = ?1",
            [file],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match done {
        Some((status, _)) if status == "imported" => return Ok(Imported::AlreadyDone),
        Some((_, old)) if old == digest => return Ok(Imported::AlreadyDone),
        _ => {}
    }
    let outcome = match parsed {
        Err(reason) => {
            tx.execute(
                "INSERT OR REPLACE INTO imports (file, digest, status, detail, imported_at)
                 VALUES (?1, ?2, 'rejected', ?3, ?4)",
                params![file, digest, reason, to_sql(now)],
            )?;
            Imported::Refused(reason.clone())
        }
        Ok(parsed) => {
            let history = &parsed.history;
            let origin = format!("import:{file}");
            for game in &history.games {
                let id = games::insert_game(
                    &tx,
                    &NewGame {
                        player: &history.player,
                        mode: game.mode,
                        seed: game.seed,
                        started_at: game.at,
                        opponents: &game.opponents,
                    },
                    &origin,
                )?;
                if !game.unfinished {
                    tx.execute(
                        "UPDATE games SET ended_at = ?2, end_reason = ?3, score = ?4, correct = ?5,
                             wrong = ?6, skipped = ?7, longest_streak = ?8 WHERE id = ?1",
                        params![
                            id.0,
                            to_sql(game.at),
                            end_name(game.end),
                            to_sql(game.score),
                            game.correct,
                            game.wrong,
                            game.skipped,
                            game.longest_streak
                        ],
                    )?;
                }
                for (number, question) in game.questions.iter().enumerate() {
                    let mut question = question.clone();
                    question.at = question.at.or(Some(game.at));
                    games::insert_answer(&tx, id, number, &question)?;
                }
            }
            let key = player_key(&history.player);
            for (id, card) in &history.leitner {
                games::store_card(&tx, &key, id, card, false)?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO imports (file, digest, status, detail, imported_at)
                 VALUES (?1, ?2, 'imported', ?3, ?4)",
                params![
                    file,
                    digest,
                    format!("{} games", history.games.len()),
                    to_sql(now)
                ],
            )?;
            Imported::Games(history.games.len())
        }
    };
    tx.commit()?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_an_out_of_range_leitner_box_is_repaired_not_a_panic() {
        let text = r#"{"version":1,"player":"Ana","leitner":{"q1":{"box":255,"due":0,"right":0,"wrong":1},
            "q2":{"box":0,"due":0,"right":0,"wrong":1}}}"#;
        let parsed = parse(text, "ana").unwrap();
        assert_eq!(parsed.history.leitner["q1"].leitner_box, 5);
        assert_eq!(parsed.history.leitner["q2"].leitner_box, 1);
        assert_eq!(parsed.repairs.len(), 2);
        assert!(
            parsed.repairs[0].contains("box 255"),
            "{:?}",
            parsed.repairs
        );
    }

    #[test]
    fn malformed_and_newer_files_are_refused_with_a_position() {
        let error = parse("{\n  \"version\": 1,\n  \"player\": 3\n}", "x").unwrap_err();
        assert!(error.starts_with("3:"), "{error}");
        let error = parse(r#"{"version":7,"player":"A"}"#, "x").unwrap_err();
        assert!(error.contains("newer trivia"), "{error}");
        let error = parse(
            r#"{"version":1,"player":"A","leitner":{"q":{"box":300,"due":0,"right":0,"wrong":0}}}"#,
            "x",
        )
        .unwrap_err();
        assert!(error.contains("300"), "{error}");
    }

    #[test]
    fn generated_ids_renamed_since_the_file_was_written_are_followed() {
        let renamed = include_str!("../generate/renamed_ids.tsv");
        let (old, new) = renamed.lines().next().unwrap().split_once('\t').unwrap();
        let text = format!(
            r#"{{"version":1,"player":"A","leitner":{{"{old}":{{"box":3,"due":0,"right":2,"wrong":1}}}},
               "games":[{{"at":1,"mode":"classic","end":"completed","seed":1,"score":0,"correct":0,
               "wrong":1,"skipped":0,"longest_streak":0,"questions":[{{"id":"{old}","category":"c",
               "outcome":"wrong","points":0}}]}}]}}"#
        );
        let parsed = parse(&text, "a").unwrap();
        assert_eq!(parsed.history.leitner[new].leitner_box, 3);
        assert!(!parsed.history.leitner.contains_key(old));
        assert_eq!(parsed.history.games[0].questions[0].id, new);
    }

    #[test]
    fn a_nameless_file_takes_its_file_name() {
        let parsed = parse(r#"{"version":1,"player":"  "}"#, "zoe").unwrap();
        assert_eq!(parsed.history.player, "zoe");
    }
}
