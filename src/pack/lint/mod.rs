//! `trivia pack lint`: the problems a valid pack can still have, held against the question standard
//! (`QUESTION-STYLE.md` in the project's shared notes, summarised in `docs/packs.md`): near-duplicate
//! questions within and across packs, an answer the prompt gives away, "all/none of the above", a right
//! option that stands out by length, options the answer checker cannot tell apart, true/false far from
//! balanced, wording that will date, and typed answers missing an obvious alias.
//!
//! Text is compared through the answer checker's own normaliser ([`crate::answer::normalize`]), and
//! aliases are proposed only when the checker itself would reject them, so the lint and the game agree.

mod duplicates;
mod question;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Serialize;

use super::LoadedPack;
use crate::question::Body;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion: the question works, but could be better.
    Note,
    /// The question misleads or bores players; fix it before shipping the pack.
    Warning,
    /// The question does not work as a question: its answer is given away, or a right answer would be
    /// judged wrong.
    Error,
}

impl Severity {
    /// The lowercase name used in output and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding is about; each check has a stable name for output and filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    NearDuplicate,
    AnswerInPrompt,
    AllOrNoneOfTheAbove,
    StandoutOption,
    IndistinguishableOptions,
    TrueFalseBalance,
    DatedWording,
    MissingAlias,
}

impl Check {
    /// Every check, in the order they are documented.
    pub const ALL: [Check; 8] = [
        Check::NearDuplicate,
        Check::AnswerInPrompt,
        Check::AllOrNoneOfTheAbove,
        Check::StandoutOption,
        Check::IndistinguishableOptions,
        Check::TrueFalseBalance,
        Check::DatedWording,
        Check::MissingAlias,
    ];

    /// The kebab-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::NearDuplicate => "near-duplicate",
            Check::AnswerInPrompt => "answer-in-prompt",
            Check::AllOrNoneOfTheAbove => "all-or-none-of-the-above",
            Check::StandoutOption => "standout-option",
            Check::IndistinguishableOptions => "indistinguishable-options",
            Check::TrueFalseBalance => "true-false-balance",
            Check::DatedWording => "dated-wording",
            Check::MissingAlias => "missing-alias",
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    /// The pack file.
    pub file: String,
    /// The line of the question's `id` (0 when the finding is about the whole pack or the line is
    /// unknown).
    pub line: usize,
    /// The question's id; empty for a finding about the whole pack.
    pub question: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}", self.file, self.line)?;
        } else {
            f.write_str(&self.file)?;
        }
        write!(f, ": {}[{}]: ", self.severity, self.check)?;
        if !self.question.is_empty() {
            write!(f, "question `{}`: ", self.question)?;
        }
        f.write_str(&self.message)
    }
}

/// Everything `pack lint` found, in file order, then line.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LintReport {
    pub findings: Vec<Finding>,
    /// How many questions were read.
    pub questions: usize,
}

impl LintReport {
    /// How many findings there are of each check, with their severity, in [`Check::ALL`] order.
    pub fn counts(&self) -> Vec<(Check, Severity, usize)> {
        let mut counts: BTreeMap<(Check, Severity), usize> = BTreeMap::new();
        for finding in &self.findings {
            *counts.entry((finding.check, finding.severity)).or_default() += 1;
        }
        counts
            .into_iter()
            .map(|((check, severity), count)| (check, severity, count))
            .collect()
    }

    /// The most severe finding, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|finding| finding.severity).max()
    }
}

/// A question as the checks see it: where it is, and its text folded once.
pub(crate) struct Entry<'a> {
    pub pack: usize,
    pub question: &'a crate::question::Question,
    pub line: usize,
    /// The prompt through the answer normaliser.
    pub prompt: String,
}

/// Lints loaded packs. `sources` gives each pack's file text (for question lines), by path; a pack
/// without its text gets line 0.
pub fn lint(packs: &[LoadedPack], sources: &HashMap<String, String>) -> LintReport {
    let mut entries = Vec::new();
    for (index, loaded) in packs.iter().enumerate() {
        let lines = sources
            .get(&loaded.path)
            .map(|text| question_lines(text))
            .unwrap_or_default();
        for question in &loaded.pack.questions {
            entries.push(Entry {
                pack: index,
                question,
                line: lines.get(question.id.as_str()).copied().unwrap_or(0),
                prompt: crate::answer::normalize(&question.prompt),
            });
        }
    }
    let mut findings = Vec::new();
    let lexicon = crate::answer::Lexicon::new();
    for entry in &entries {
        for (check, severity, message) in question::check(entry, &lexicon) {
            findings.push(Finding {
                check,
                severity,
                file: packs[entry.pack].path.clone(),
                line: entry.line,
                question: entry.question.id.clone(),
                message,
            });
        }
    }
    for (later, earlier, message) in duplicates::near_duplicates(&entries) {
        let (later, earlier) = (&entries[later], &entries[earlier]);
        let place = if earlier.pack == later.pack {
            format!("line {}", earlier.line)
        } else {
            format!("{}:{}", packs[earlier.pack].path, earlier.line)
        };
        findings.push(Finding {
            check: Check::NearDuplicate,
            severity: Severity::Warning,
            file: packs[later.pack].path.clone(),
            line: later.line,
            question: later.question.id.clone(),
            message: format!("{message} question `{}` ({place})", earlier.question.id),
        });
    }
    for loaded in packs {
        if let Some(message) = true_false_balance(&loaded.pack.questions) {
            findings.push(Finding {
                check: Check::TrueFalseBalance,
                severity: Severity::Warning,
                file: loaded.path.clone(),
                line: 0,
                question: String::new(),
                message,
            });
        }
    }
    let order: HashMap<&str, usize> = packs
        .iter()
        .enumerate()
        .map(|(index, loaded)| (loaded.path.as_str(), index))
        .collect();
    findings.sort_by(|a, b| {
        let place = |f: &Finding| (order.get(f.file.as_str()).copied(), f.line);
        place(a).cmp(&place(b)).then(a.check.cmp(&b.check))
    });
    LintReport {
        findings,
        questions: entries.len(),
    }
}

/// The fewest true/false questions for which the balance is judged.
const BALANCE_MIN_QUESTIONS: usize = 10;

/// A pack whose true/false answers are mostly one way teaches players to guess that way.
fn true_false_balance(questions: &[crate::question::Question]) -> Option<String> {
    let answers: Vec<bool> = questions
        .iter()
        .filter_map(|question| match question.body {
            Body::TrueFalse { answer } => Some(answer),
            _ => None,
        })
        .collect();
    if answers.len() < BALANCE_MIN_QUESTIONS {
        return None;
    }
    let true_count = answers.iter().filter(|&&answer| answer).count();
    let share = true_count as f64 / answers.len() as f64;
    (!(0.3..=0.7).contains(&share)).then(|| {
        format!(
            "{true_count} of {} true/false questions are true ({:.0}%): aim for about half, or players learn to guess {}",
            answers.len(),
            share * 100.0,
            if share > 0.5 { "true" } else { "false" }
        )
    })
}

/// The line of each `id = "..."` in a pack file (the first line for an id given twice).
fn question_lines(text: &str) -> HashMap<&str, usize> {
    let mut lines = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("id") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim();
        let quoted = rest
            .strip_prefix('"')
            .and_then(|inner| inner.split_once('"'))
            .or_else(|| {
                rest.strip_prefix('\'')
                    .and_then(|inner| inner.split_once('\''))
            });
        if let Some((id, _)) = quoted
            && !id.contains('\\')
        {
            lines.entry(id).or_insert(index + 1);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_lines_find_ids() {
        let lines =
            question_lines("[pack]\nid = \"p\"\n\n[[question]]\nid = 'q-1'\n  id=\"q-2\" # c\n");
        assert_eq!(lines.get("q-1"), Some(&5));
        assert_eq!(lines.get("q-2"), Some(&6));
    }
}
