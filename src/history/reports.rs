//! Players' reports on questions (a wrong answer, a typo, a bad source), kept in the history database so
//! `trivia reports` can list them for whoever maintains the packs and fact bases.

use rusqlite::params;

use super::Database;
use super::games::{from_sql, to_sql};
use crate::error::Result;

/// A report to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReport<'a> {
    /// The reported question's id.
    pub question_id: &'a str,
    /// Where the question came from: `path:line` of its pack entry, or the fact it was generated from.
    pub source: &'a str,
    /// What the player said is wrong.
    pub reason: &'a str,
    /// When (Unix seconds).
    pub at: u64,
}

/// A stored report.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// Its number, in the order reports were made.
    pub id: i64,
    pub question_id: String,
    pub source: String,
    pub reason: String,
    /// Unix seconds.
    pub at: u64,
}

impl Database {
    /// Stores a report on a question and returns its number.
    pub fn record_report(&mut self, report: &NewReport<'_>) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO reports (question_id, source, reason, reported_at) VALUES (?1, ?2, ?3, ?4)",
                params![report.question_id, report.source, report.reason, to_sql(report.at)],
            )
            .map(|_| self.conn.last_insert_rowid())
            .map_err(|source| self.error("write to", source))
    }

    /// Every report, oldest first.
    pub fn list_reports(&self) -> Result<Vec<Report>> {
        let read = (|| {
            let mut statement = self.conn.prepare(
                "SELECT id, question_id, source, reason, reported_at FROM reports ORDER BY id",
            )?;
            statement
                .query_map([], |row| {
                    Ok(Report {
                        id: row.get(0)?,
                        question_id: row.get(1)?,
                        source: row.get(2)?,
                        reason: row.get(3)?,
                        at: from_sql(row.get(4)?),
                    })
                })?
                .collect::<rusqlite::Result<Vec<Report>>>()
        })();
        read.map_err(|source| self.error("read", source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_come_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(dir.path(), 1).unwrap().database;
        assert!(db.list_reports().unwrap().is_empty());
        let first = db
            .record_report(&NewReport {
                question_id: "g-1",
                source: "questions/crew.toml:12",
                reason: "the year is wrong",
                at: 100,
            })
            .unwrap();
        let second = db
            .record_report(&NewReport {
                question_id: "pack-2",
                source: "generated from fact `release`",
                reason: "typo",
                at: u64::MAX,
            })
            .unwrap();
        assert!(first < second);
        let reports = Database::open(dir.path(), 2)
            .unwrap()
            .database
            .list_reports()
            .unwrap();
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[0].question_id, "g-1");
        assert_eq!(reports[0].source, "questions/crew.toml:12");
        assert_eq!(reports[0].reason, "the year is wrong");
        assert_eq!(reports[0].at, 100);
        assert_eq!(reports[1].at, i64::MAX as u64, "times past 2^63 saturate");
    }
}
