//! Players' reports on questions, from the game to the history database: where a reported question
//! came from (the pack file and line of its entry, or the facts and sources a generated one rests on),
//! worked out only when a report is made, so playing costs nothing extra.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::game::Game;
use crate::history::{Database, NewReport};
use crate::question::Question;
use crate::ui::session::ReportSink;

/// Records reports in the history database of a data directory.
pub struct DatabaseReports {
    /// The data directory; `None` when there is none (then reports cannot be kept).
    pub data_dir: Option<PathBuf>,
    /// `--pack` paths of the game.
    pub packs: Vec<PathBuf>,
    /// The environment, for the user's pack folder.
    pub vars: HashMap<String, String>,
    /// Unix seconds, stamped on every report of the game.
    pub now: u64,
    database: Option<Database>,
}

impl DatabaseReports {
    /// Reports for a game in `data_dir` that drew on `packs` besides the bundled ones.
    pub fn new(
        data_dir: Option<PathBuf>,
        packs: Vec<PathBuf>,
        vars: HashMap<String, String>,
        now: u64,
    ) -> Self {
        DatabaseReports {
            data_dir,
            packs,
            vars,
            now,
            database: None,
        }
    }
}

impl ReportSink for DatabaseReports {
    fn record(&mut self, game: &Game, number: usize, reason: &str) -> Result<String, String> {
        let Some(dir) = self.data_dir.clone() else {
            return Err("Not saved: there is no data directory for reports (set TRIVIA_HOME or --data-dir).".to_string());
        };
        let question = game.question(number);
        let source = origin(question, &self.packs, &self.vars);
        if self.database.is_none() {
            let opened =
                Database::open(&dir, self.now).map_err(|error| format!("Not saved: {error}"))?;
            self.database = Some(opened.database);
        }
        let database = self.database.as_mut().expect("opened above");
        let id = database
            .record_report(&NewReport {
                question_id: &question.id,
                source: &source,
                reason,
                at: self.now,
            })
            .map_err(|error| format!("Not saved: {error}"))?;
        Ok(format!(
            "Thanks: report {id} on question {} is saved ({}); `trivia reports` lists them.",
            number + 1,
            crate::escape::for_terminal(&source)
        ))
    }
}

/// Where a question came from: `path:line` of its pack entry, or, for a generated question, the
/// relations it was built from and the articles it cites.
pub fn origin(question: &Question, packs: &[PathBuf], vars: &HashMap<String, String>) -> String {
    let mut reports = vec![crate::pack::bundled_report()];
    if !packs.is_empty() {
        reports.push(crate::pack::load_report(packs));
    }
    if let Some(dir) = crate::pack::user_pack_dir(vars).filter(|dir| dir.is_dir()) {
        reports.push(crate::pack::load_report(&[dir]));
    }
    for report in &reports {
        for loaded in &report.packs {
            if let Some(position) = loaded
                .pack
                .questions
                .iter()
                .position(|q| q.id == question.id)
            {
                let line = loaded.question_lines.get(position).copied().unwrap_or(1);
                return format!("{}:{line}", shown_path(&loaded.path));
            }
        }
    }
    let mut parts = vec!["generated from the fact base".to_string()];
    if !question.tags.is_empty() {
        parts.push(format!("relations {}", question.tags.join(", ")));
    }
    let cited: Vec<String> = question
        .sources
        .iter()
        .map(|citation| match &citation.evidence {
            Some(evidence) => format!("{} “{evidence}”", citation.article),
            None => citation.article.clone(),
        })
        .collect();
    if !cited.is_empty() {
        parts.push(format!("sources {}", cited.join("; ")));
    }
    parts.join("; ")
}

fn shown_path(path: &str) -> String {
    Path::new(path).display().to_string()
}
