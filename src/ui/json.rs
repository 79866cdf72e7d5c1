//! `--json`: one JSON object per line for every event (question, answer, verdict, score, ...) and a final
//! summary, for scripts and other front ends. Numbers of questions are 1-based, as players see them;
//! control characters and bidirectional controls in text are `\u` escapes (see [`super::escape::json`]).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use crate::game::share::ResultLine;
use crate::game::{Event, Game, Summary};
use crate::question::{Citation, PartialDate, Question};

use super::QuestionView;
use super::session::{Ending, Output};

/// Writes every event as one line of JSON.
pub struct JsonOutput<'a> {
    out: &'a mut dyn Write,
    seed: Option<u64>,
    /// The name of the content played, in the `start` event.
    title: Option<String>,
    share_code: Option<String>,
    daily: Option<PartialDate>,
}

impl<'a> JsonOutput<'a> {
    pub fn new(out: &'a mut dyn Write, seed: Option<u64>) -> Self {
        JsonOutput {
            out,
            seed,
            title: None,
            share_code: None,
            daily: None,
        }
    }

    /// Names the content played ("The Defiant Ones") in the `start` event.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds the share code (and the daily game's result line) to the summary.
    pub fn with_share(mut self, code: String, daily: Option<PartialDate>) -> Self {
        self.share_code = Some(code);
        self.daily = daily;
        self
    }

    fn write(&mut self, value: &Value) -> io::Result<()> {
        let line = super::escape::to_json(value, false).map_err(io::Error::from)?;
        writeln!(self.out, "{line}")?;
        self.out.flush()
    }
}

#[derive(Serialize)]
struct SourceJson {
    article: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<String>,
}

fn sources(question: &Question) -> Vec<SourceJson> {
    question
        .sources
        .iter()
        .map(|Citation { article, evidence }| SourceJson {
            article: article.to_string(),
            evidence: evidence.as_deref().map(|e| e.to_string()),
        })
        .collect()
}

fn answer_json(question: &Question) -> Value {
    json!({
        "answer": &question.body.answer_text(),
        "explanation": &question.explanation,
        "sources": sources(question),
    })
}

fn merge(mut base: Value, extra: Value) -> Value {
    if let (Value::Object(base), Value::Object(extra)) = (&mut base, extra) {
        base.extend(extra);
    }
    base
}

fn summary_json(game: &Game, summary: &Summary) -> Value {
    let missed: Vec<Value> = summary
        .missed()
        .map(|outcome| {
            let question = game.question(outcome.number);
            merge(
                json!({
                    "number": outcome.number + 1,
                    "player": &summary.players[outcome.player].name,
                    "outcome": outcome.outcome,
                    "prompt": &question.prompt,
                }),
                answer_json(question),
            )
        })
        .collect();
    let players: Vec<Value> = summary
        .players
        .iter()
        .map(|player| {
            json!({
                "name": &player.name,
                "score": player.score,
                "correct": player.correct,
                "wrong": player.wrong,
                "skipped": player.skipped,
                "accuracy_percent": player.accuracy_percent(),
                "longest_streak": player.longest_streak,
                "categories": player.categories,
            })
        })
        .collect();
    json!({
        "event": "summary",
        "mode": summary.mode,
        "end": summary.end,
        "asked": summary.outcomes.len(),
        "players": players,
        "missed": missed,
    })
}

impl Output for JsonOutput<'_> {
    fn intro(&mut self, game: &Game) -> io::Result<()> {
        let players: Vec<String> = (0..game.players())
            .map(|p| game.player_name(p).to_string())
            .collect();
        let value = json!({
            "event": "start",
            "title": self.title,
            "mode": game.config().mode,
            "questions": game.len(),
            "players": players,
            "seed": self.seed,
        });
        self.write(&value)
    }

    fn input(&mut self, line: &str) -> io::Result<()> {
        self.write(&json!({ "event": "answer", "input": line }))
    }

    fn event(&mut self, game: &Game, event: &Event) -> io::Result<()> {
        let value = match event {
            Event::QuestionAsked {
                number, time_limit, ..
            } => {
                let view = QuestionView::unescaped(game, *number);
                json!({
                    "event": "question",
                    "number": view.number,
                    "of": view.of,
                    "player": view.player,
                    "id": view.id,
                    "type": view.kind,
                    "category": view.category,
                    "difficulty": view.difficulty,
                    "points": view.points,
                    "prompt": view.prompt,
                    "quote": view.quote,
                    "choices": view.choices,
                    "instructions": view.instructions,
                    "time_limit_ms": time_limit,
                })
            }
            Event::NotUnderstood { number, reason } => json!({
                "event": "not_understood",
                "number": number + 1,
                "reason": reason,
            }),
            Event::Prompt { number, reason } => json!({
                "event": "prompt",
                "number": number + 1,
                "reason": reason,
            }),
            Event::Refused { reason } => json!({
                "event": "refused",
                "reason": reason.to_string(),
            }),
            Event::OptionsRemoved { number, .. } => json!({
                "event": "lifeline",
                "lifeline": "50:50",
                "number": number + 1,
                "choices": QuestionView::unescaped(game, *number).choices,
            }),
            Event::Hint { number, text } => json!({
                "event": "lifeline",
                "lifeline": "hint",
                "number": number + 1,
                "hint": text,
            }),
            Event::Skipped { number, player } => merge(
                json!({
                    "event": "skipped",
                    "number": number + 1,
                    "player": game.player_name(*player),
                }),
                answer_json(game.question(*number)),
            ),
            Event::Answered(verdict) => merge(
                json!({
                    "event": "verdict",
                    "number": verdict.number + 1,
                    "player": game.player_name(verdict.player),
                    "correct": verdict.correct,
                    "timed_out": verdict.timed_out,
                    "hinted": verdict.hinted,
                    "points": verdict.points,
                    "streak": verdict.streak,
                    "elapsed_ms": verdict.elapsed,
                    "lives_left": verdict.lives_left,
                    "spelling": verdict.spelling,
                }),
                answer_json(game.question(verdict.number)),
            ),
            Event::ScoreChanged { player, score } => json!({
                "event": "score",
                "player": game.player_name(*player),
                "score": score,
            }),
            Event::RoundOver { round } => {
                let board: Vec<Value> = game
                    .scoreboard()
                    .into_iter()
                    .map(|(player, score)| {
                        json!({ "player": game.player_name(player), "score": score })
                    })
                    .collect();
                json!({ "event": "scoreboard", "round": round, "scores": board })
            }
            Event::GameOver { summary } => {
                let mut value = summary_json(game, summary);
                if let Value::Object(object) = &mut value {
                    if let Some(code) = &self.share_code {
                        object.insert("share_code".into(), json!(code));
                    }
                    if let Some(date) = self.daily {
                        object.insert("daily".into(), json!(date.to_iso()));
                        object.insert(
                            "result_line".into(),
                            json!(ResultLine::new(date, summary).to_string()),
                        );
                    }
                }
                value
            }
        };
        self.write(&value)
    }

    fn help(&mut self) -> io::Result<()> {
        self.write(&json!({
            "event": "help",
            "commands": [":hint", ":5050", ":skip", ":quit", ":report", ":help"],
        }))
    }

    fn notice(&mut self, text: &str) -> io::Result<()> {
        self.write(&json!({ "event": "notice", "text": text }))
    }

    fn stopping(&mut self, ending: Ending) -> io::Result<()> {
        let reason = match ending {
            Ending::Finished => return Ok(()),
            Ending::Quit => "quit",
            Ending::EndOfInput => "end_of_input",
            Ending::Interrupted => "interrupted",
        };
        self.write(&json!({ "event": "stopped", "reason": reason }))
    }
}
