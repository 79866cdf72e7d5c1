//! The history database: one SQLite file, `history.sqlite3`, in the data directory. Opening it sets up
//! write-ahead logging and a busy timeout (so games of one player running at the same time wait for each
//! other instead of failing), creates the tables, moves a damaged file aside and imports the JSON
//! histories of earlier versions once.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::legacy;
use crate::error::{Error, Result};

/// The database file's name in the data directory.
pub const FILE_NAME: &str = "history.sqlite3";

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 1;

/// Databases up to this size get SQLite's full `quick_check` each time they are opened (about 0.1 s
/// per 20 MiB); larger ones only have their header and schema read, so a game never waits long to
/// start.
pub const FULL_CHECK_BYTES: u64 = 64 * 1024 * 1024;

/// How long a write waits for another game's write to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS games (
    id             INTEGER PRIMARY KEY,
    player         TEXT NOT NULL,
    player_key     TEXT NOT NULL,
    mode           TEXT NOT NULL,
    seed           INTEGER NOT NULL,
    started_at     INTEGER NOT NULL,
    -- NULL while the game is in flight (or when it was killed): its answers are kept all the same.
    ended_at       INTEGER,
    end_reason     TEXT,
    score          INTEGER NOT NULL DEFAULT 0,
    correct        INTEGER NOT NULL DEFAULT 0,
    wrong          INTEGER NOT NULL DEFAULT 0,
    skipped        INTEGER NOT NULL DEFAULT 0,
    longest_streak INTEGER NOT NULL DEFAULT 0,
    -- JSON array of the other players' names (hot-seat).
    opponents      TEXT NOT NULL DEFAULT '[]',
    -- Where the row came from: `play`, or `import:<file>` for an imported JSON history.
    origin         TEXT NOT NULL DEFAULT 'play'
);
CREATE INDEX IF NOT EXISTS games_by_player ON games (player_key, id);
CREATE TABLE IF NOT EXISTS answers (
    game_id      INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    question_id  TEXT NOT NULL,
    content_hash TEXT,
    category     TEXT NOT NULL,
    answer       TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('correct', 'wrong', 'skipped')),
    points       INTEGER NOT NULL,
    elapsed_ms   INTEGER,
    hinted       INTEGER NOT NULL DEFAULT 0,
    fifty_fifty  INTEGER NOT NULL DEFAULT 0,
    timed_out    INTEGER NOT NULL DEFAULT 0,
    answered_at  INTEGER,
    PRIMARY KEY (game_id, number)
);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question_id);
CREATE TABLE IF NOT EXISTS cards (
    player_key  TEXT NOT NULL,
    question_id TEXT NOT NULL,
    box         INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5),
    due         INTEGER NOT NULL,
    right_count INTEGER NOT NULL DEFAULT 0,
    wrong_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (player_key, question_id)
);
CREATE TABLE IF NOT EXISTS reports (
    id          INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    source      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    reported_at INTEGER NOT NULL
);
-- Maps of renamed question ids (by digest) that every row already follows.
CREATE TABLE IF NOT EXISTS id_maps (
    digest TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS imports (
    file        TEXT PRIMARY KEY,
    digest      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('imported', 'rejected')),
    detail      TEXT NOT NULL,
    imported_at INTEGER NOT NULL
);
";

/// An open history database.
pub struct Database {
    pub(super) conn: Connection,
    path: PathBuf,
    dir: PathBuf,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("path", &self.path)
            .finish()
    }
}

/// A database just opened, with what the player should be told (a damaged file moved aside, JSON
/// histories imported or refused).
#[derive(Debug)]
pub struct Opened {
    pub database: Database,
    pub warnings: Vec<String>,
    pub notices: Vec<String>,
}

impl Database {
    /// The database file in data directory `dir`.
    pub fn path_in(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Whether `dir` holds any history at all (a database or JSON histories to import).
    pub fn exists_in(dir: &Path) -> bool {
        Self::path_in(dir).exists() || legacy::has_files(dir)
    }

    /// Opens (creating when needed) the history database in data directory `dir` at time `now`. A file
    /// that is not a sound SQLite database is renamed to `history.sqlite3.corrupt-<n>` with a warning and
    /// a new one is started; JSON histories in `dir/players` not imported yet are imported.
    pub fn open(dir: &Path, now: u64) -> Result<Opened> {
        fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create the data directory",
            path: dir.to_path_buf(),
            source,
        })?;
        let path = Self::path_in(dir);
        let mut warnings = Vec::new();
        let conn = match Self::connect(&path) {
            Ok(conn) => conn,
            Err(problem) if problem.is_damage() => {
                let aside = move_aside(&path).map_err(|source| Error::Io {
                    action: "move the damaged history database aside",
                    path: path.clone(),
                    source,
                })?;
                warnings.push(format!(
                    "history database `{}` is damaged ({}); moved it to `{}` and started a new one",
                    path.display(),
                    problem.detail(),
                    aside.display()
                ));
                Self::connect(&path).map_err(|problem| problem.into_error(&path))?
            }
            Err(problem) => return Err(problem.into_error(&path)),
        };
        let mut database = Database {
            conn,
            path,
            dir: dir.to_path_buf(),
        };
        let report = legacy::import_all(&mut database, now)?;
        warnings.extend(report.warnings);
        Ok(Opened {
            database,
            warnings,
            notices: report.notices,
        })
    }

    /// [`Self::connect_once`], tried again while another game holds the file: SQLite returns "database
    /// is locked" at once, without waiting, for some steps of opening (the switch to write-ahead
    /// logging, a read that must turn into a write), and a journal-mode switch that cannot get the
    /// file alone reports the old mode instead of an error. Gives up after [`BUSY_TIMEOUT`].
    fn connect(path: &Path) -> std::result::Result<Connection, OpenProblem> {
        let started = std::time::Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            match Self::connect_once(path) {
                Err(problem) if problem.is_contention() && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                result => return result,
            }
        }
    }

    fn connect_once(path: &Path) -> std::result::Result<Connection, OpenProblem> {
        create_private(path).map_err(OpenProblem::Io)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(OpenProblem::Sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(OpenProblem::Sqlite)?;
        // Reading the schema fails on a file that is not a database or whose first pages are damaged.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
            row.get::<_, i64>(0)
        })
        .map_err(OpenProblem::Sqlite)?;
        let size = fs::metadata(path).map_or(0, |metadata| metadata.len());
        if size <= FULL_CHECK_BYTES {
            let check: String = conn
                .query_row("PRAGMA quick_check", [], |row| row.get(0))
                .map_err(OpenProblem::Sqlite)?;
            if check != "ok" {
                return Err(OpenProblem::Failed(check));
            }
        }
        // Switching to WAL needs a moment alone with the file; it is recorded in the file, so this only
        // waits the first time.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(OpenProblem::Sqlite)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(OpenProblem::NoWal(format!(
                "cannot use write-ahead logging (journal mode stays `{mode}`)"
            )));
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(OpenProblem::Sqlite)?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(OpenProblem::Sqlite)?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(OpenProblem::Sqlite)?;
        if version > SCHEMA_VERSION {
            return Err(OpenProblem::Newer(version));
        }
        tx.execute_batch(SCHEMA).map_err(OpenProblem::Sqlite)?;
        tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
            .map_err(OpenProblem::Sqlite)?;
        follow_renamed_ids(&tx).map_err(OpenProblem::Sqlite)?;
        tx.commit().map_err(OpenProblem::Sqlite)?;
        Ok(conn)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The data directory it lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// SQLite's own consistency check: `ok` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        let rows: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut statement| {
                statement
                    .query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()
            })
            .map_err(|source| self.error("check", source))?;
        Ok(rows.join("\n"))
    }

    /// An error about this database.
    pub(super) fn error(&self, action: &'static str, source: rusqlite::Error) -> Error {
        Error::Database {
            action,
            path: self.path.clone(),
            source,
        }
    }
}

/// Why a database could not be opened.
enum OpenProblem {
    Io(std::io::Error),
    Sqlite(rusqlite::Error),
    /// The quick check reported this.
    Failed(String),
    /// The switch to write-ahead logging did not take: another connection held the file, or the file
    /// system cannot share memory. Not damage: the file is left where it is.
    NoWal(String),
    /// Written by a newer build.
    Newer(i64),
}

impl OpenProblem {
    /// The file is not a usable SQLite database: move it aside and start again.
    fn is_damage(&self) -> bool {
        match self {
            OpenProblem::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => matches!(
                failure.code,
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase
            ),
            OpenProblem::Failed(_) => true,
            _ => false,
        }
    }

    /// Another connection holds the file for now: worth trying again.
    fn is_contention(&self) -> bool {
        match self {
            OpenProblem::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => matches!(
                failure.code,
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked
            ),
            OpenProblem::NoWal(_) => true,
            _ => false,
        }
    }

    fn detail(&self) -> String {
        match self {
            OpenProblem::Io(error) => error.to_string(),
            OpenProblem::Sqlite(error) => error.to_string(),
            OpenProblem::Failed(detail) | OpenProblem::NoWal(detail) => {
                detail.lines().next().unwrap_or_default().to_string()
            }
            OpenProblem::Newer(version) => format!("schema version {version}"),
        }
    }

    fn into_error(self, path: &Path) -> Error {
        match self {
            OpenProblem::Io(source) => Error::Io {
                action: "create the history database",
                path: path.to_path_buf(),
                source,
            },
            OpenProblem::Sqlite(source) => Error::Database {
                action: "open",
                path: path.to_path_buf(),
                source,
            },
            OpenProblem::Failed(detail) | OpenProblem::NoWal(detail) => Error::Io {
                action: "open the history database",
                path: path.to_path_buf(),
                source: std::io::Error::other(detail),
            },
            OpenProblem::Newer(version) => Error::Io {
                action: "open the history database",
                path: path.to_path_buf(),
                source: std::io::Error::other(format!(
                    "it was written by a newer trivia (schema {version}, this one knows {SCHEMA_VERSION})"
                )),
            },
        }
    }
}

/// Creates `path` as an empty file readable by its owner only, unless it exists (whose permissions are
/// then left as they are). SQLite gives its `-wal` and `-shm` files the database file's permissions.
/// Moves the rows kept under generated question ids that have since changed (the map in
/// `generate/renamed_ids.tsv`, which JSON histories follow when imported) to the new ids: answers,
/// reports and review cards, where a card already kept under the new id wins. Done once per map, in
/// the transaction that opens the database.
fn follow_renamed_ids(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let digest = crate::generate::renamed_ids_digest();
    let done: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM id_maps WHERE digest = ?1)",
        [&digest],
        |row| row.get(0),
    )?;
    if done {
        return Ok(());
    }
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS renamed (old TEXT PRIMARY KEY, new TEXT NOT NULL);
         DELETE FROM temp.renamed;",
    )?;
    {
        let mut insert =
            tx.prepare("INSERT OR IGNORE INTO temp.renamed (old, new) VALUES (?1, ?2)")?;
        for (old, new) in crate::generate::renamed_ids() {
            insert.execute([old, new])?;
        }
    }
    tx.execute_batch(
        "UPDATE answers SET question_id = (SELECT new FROM temp.renamed WHERE old = question_id)
             WHERE question_id IN (SELECT old FROM temp.renamed);
         UPDATE reports SET question_id = (SELECT new FROM temp.renamed WHERE old = question_id)
             WHERE question_id IN (SELECT old FROM temp.renamed);
         UPDATE OR IGNORE cards SET question_id = (SELECT new FROM temp.renamed WHERE old = question_id)
             WHERE question_id IN (SELECT old FROM temp.renamed);
         DELETE FROM cards WHERE question_id IN (SELECT old FROM temp.renamed);
         DROP TABLE temp.renamed;",
    )?;
    tx.execute("INSERT INTO id_maps (digest) VALUES (?1)", [&digest])?;
    Ok(())
}

fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

/// Renames a damaged database (and its `-wal` and `-shm` files) to the first free
/// `<file>.corrupt-<n>`.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let mut n = 1;
    let aside = loop {
        let candidate = PathBuf::from(format!("{}.corrupt-{n}", path.display()));
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = fs::rename(&side, format!("{}{suffix}", aside.display()));
        }
    }
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000;

    /// Regression: twenty games opening one new database at once sometimes ended with "database is
    /// locked" at open, and a journal-mode switch that did not take counted as damage, which moves the
    /// file aside. Both mean "another game holds the file": try again, and never move it.
    #[test]
    fn another_game_holding_the_file_is_waited_for_not_taken_for_damage() {
        let locked = OpenProblem::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_LOCKED),
            None,
        ));
        let busy = OpenProblem::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        ));
        let no_wal = OpenProblem::NoWal("journal mode stays `delete`".to_string());
        for problem in [&locked, &busy, &no_wal] {
            assert!(problem.is_contention());
            assert!(!problem.is_damage());
        }
        let corrupt = OpenProblem::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            None,
        ));
        assert!(corrupt.is_damage() && !corrupt.is_contention());
        assert!(OpenProblem::Failed("row 3 missing".to_string()).is_damage());
    }

    #[test]
    fn a_new_database_is_private_and_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let opened = Database::open(dir.path(), NOW).unwrap();
        assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
        let mode: String = opened
            .database
            .conn
            .query_row("PRAGMA journal_mode", [], |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(opened.database.integrity_check().unwrap(), "ok");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(opened.database.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    /// Generated questions changed ids (`generate/renamed_ids.tsv`); JSON histories followed the map
    /// when imported, but rows already in a database kept the old ids, so review boxes and statistics
    /// lost their questions.
    #[test]
    fn regression_rows_under_renamed_ids_follow_the_map_once() {
        let renamed = include_str!("../generate/renamed_ids.tsv");
        let mut pairs = renamed.lines().map(|line| line.split_once('\t').unwrap());
        let (old, new) = pairs.next().unwrap();
        let (clashing_old, clashing_new) = pairs.next().unwrap();
        let dir = tempfile::tempdir().unwrap();
        drop(Database::open(dir.path(), NOW).unwrap());
        // A database written before the map: rows under old ids, and one card under both ids.
        let conn = Connection::open(Database::path_in(dir.path())).unwrap();
        conn.execute_batch(&format!(
            "DROP TABLE IF EXISTS id_maps;
             INSERT INTO games (id, player, player_key, mode, seed, started_at)
                 VALUES (1, 'Ann', 'ann', 'classic', 7, {NOW});
             INSERT INTO answers (game_id, number, question_id, category, outcome, points)
                 VALUES (1, 1, '{old}', 'People', 'correct', 100),
                        (1, 2, 'q-hand-written', 'People', 'wrong', 0);
             INSERT INTO cards (player_key, question_id, box, due)
                 VALUES ('ann', '{old}', 4, {NOW}),
                        ('ann', '{clashing_old}', 2, {NOW}),
                        ('ann', '{clashing_new}', 5, {NOW});
             INSERT INTO reports (question_id, source, reason, reported_at)
                 VALUES ('{old}', 'play', 'typo', {NOW});"
        ))
        .unwrap();
        drop(conn);
        for _ in 0..2 {
            let opened = Database::open(dir.path(), NOW).unwrap();
            let conn = &opened.database.conn;
            let ids = |sql: &str| -> Vec<String> {
                let mut statement = conn.prepare(sql).unwrap();
                statement
                    .query_map([], |row| row.get(0))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap()
            };
            assert_eq!(
                ids("SELECT question_id FROM answers ORDER BY number"),
                [new, "q-hand-written"]
            );
            assert_eq!(ids("SELECT question_id FROM reports"), [new]);
            let mut cards = ids("SELECT question_id || ' ' || box FROM cards");
            cards.sort();
            // The card already kept under the new id wins, as in a JSON history.
            let mut expected = vec![format!("{new} 4"), format!("{clashing_new} 5")];
            expected.sort();
            assert_eq!(cards, expected);
            assert_eq!(opened.database.integrity_check().unwrap(), "ok");
        }
    }

    #[test]
    fn a_damaged_database_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = Database::path_in(dir.path());
        fs::write(
            &path,
            b"this is not a database, just some text that is long enough",
        )
        .unwrap();
        let opened = Database::open(dir.path(), NOW).unwrap();
        let warning = opened.warnings.join("\n");
        assert!(warning.contains("is damaged"), "{warning}");
        assert!(warning.contains("history.sqlite3.corrupt-1"), "{warning}");
        assert_eq!(
            fs::read(dir.path().join("history.sqlite3.corrupt-1")).unwrap(),
            b"this is not a database, just some text that is long enough"
        );
        assert_eq!(opened.database.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_database_damaged_past_its_header_is_found_and_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let mut database = Database::open(dir.path(), NOW).unwrap().database;
        for n in 0..200 {
            database
                .record_report(&super::super::NewReport {
                    question_id: &format!("q-{n}"),
                    source: "a long enough source to fill a few pages of the reports table",
                    reason: "the reason, repeated to take some room on the page",
                    at: NOW,
                })
                .unwrap();
        }
        drop(database);
        let path = Database::path_in(dir.path());
        let mut bytes = fs::read(&path).unwrap();
        let page = 4096;
        assert!(bytes.len() > 6 * page, "{} bytes", bytes.len());
        for byte in &mut bytes[5 * page..6 * page] {
            *byte = 0xa5;
        }
        fs::write(&path, &bytes).unwrap();
        let opened = Database::open(dir.path(), NOW).unwrap();
        assert!(
            opened.warnings.join("").contains("is damaged"),
            "{:?}",
            opened.warnings
        );
        assert!(opened.database.list_reports().unwrap().is_empty());
    }

    #[test]
    fn a_newer_schema_is_refused_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        drop(Database::open(dir.path(), NOW).unwrap());
        let conn = Connection::open(Database::path_in(dir.path())).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        drop(conn);
        let error = Database::open(dir.path(), NOW).unwrap_err().to_string();
        assert!(error.contains("newer trivia"), "{error}");
        assert!(Database::path_in(dir.path()).exists());
    }
}
