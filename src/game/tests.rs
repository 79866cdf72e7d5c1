//! Unit tests of the state machine, against the demo questions and the exact judge.

use super::*;
use crate::question::{Citation, Difficulty};

fn question(id: &str, body: Body, difficulty: Difficulty) -> Question {
    Question {
        id: id.to_string(),
        prompt: format!("Question {id}?"),
        body,
        category: "test".to_string(),
        difficulty,
        explanation: "Because.".to_string(),
        sources: vec![Citation {
            article: "a.txt".to_string(),
            evidence: None,
        }],
        tags: Vec::new(),
        time_limit: None,
    }
}

fn tf(id: &str, answer: bool) -> Question {
    question(id, Body::TrueFalse { answer }, Difficulty::Easy)
}

fn mc(id: &str) -> Question {
    question(
        id,
        Body::MultipleChoice {
            options: ["w", "x", "y", "z"].map(String::from).to_vec(),
            answer: 1,
            aliases: Vec::new(),
        },
        Difficulty::Medium,
    )
}

fn game(mode: Mode, questions: Vec<Question>) -> Game {
    Game::new(GameConfig::new(mode), questions, SeededRng::from_seed(1))
}

fn step(game: &mut Game, action: Action<'_>) -> Vec<Event> {
    let mut events = Vec::new();
    game.apply(action, None, &mut events);
    events
}

#[test]
fn a_game_asks_answers_and_ends() {
    let mut game = game(Mode::Classic, vec![tf("a", true), tf("b", false)]);
    assert!(!game.is_open());
    let events = step(&mut game, Action::Next);
    assert_eq!(
        events,
        vec![Event::QuestionAsked {
            number: 0,
            player: 0,
            time_limit: None
        }]
    );
    let events = step(&mut game, Action::Answer("true"));
    assert!(matches!(
        events[0],
        Event::Answered(Answered {
            correct: true,
            points: 100,
            streak: 1,
            ..
        })
    ));
    assert_eq!(
        events[1],
        Event::ScoreChanged {
            player: 0,
            score: 100
        }
    );
    step(&mut game, Action::Next);
    let events = step(&mut game, Action::Answer("true"));
    assert!(matches!(
        events[0],
        Event::Answered(Answered {
            correct: false,
            points: 0,
            streak: 0,
            ..
        })
    ));
    let Some(Event::GameOver { summary }) = events.last() else {
        panic!("{events:?}")
    };
    assert_eq!(summary.end, End::Completed);
    assert_eq!(summary.players[0].correct, 1);
    assert_eq!(summary.players[0].accuracy_percent(), Some(50));
    assert_eq!(summary.missed().count(), 1);
    assert!(game.is_over());
    assert_eq!(
        step(&mut game, Action::Next),
        vec![Event::Refused {
            reason: Refusal::GameOver
        }]
    );
}

#[test]
fn input_not_understood_costs_nothing() {
    let mut game = game(Mode::Classic, vec![tf("a", true)]);
    step(&mut game, Action::Next);
    for input in ["", "z", "   "] {
        let events = step(&mut game, Action::Answer(input));
        assert!(
            matches!(events[..], [Event::NotUnderstood { number: 0, .. }]),
            "{events:?}"
        );
    }
    let events = step(&mut game, Action::Answer("t"));
    assert!(matches!(
        events[0],
        Event::Answered(Answered { points: 100, .. })
    ));
}

#[test]
fn actions_out_of_turn_are_refused() {
    let mut game = game(Mode::Classic, vec![tf("a", true)]);
    assert_eq!(
        step(&mut game, Action::Answer("true")),
        vec![Event::Refused {
            reason: Refusal::NoOpenQuestion
        }]
    );
    step(&mut game, Action::Next);
    assert_eq!(
        step(&mut game, Action::Next),
        vec![Event::Refused {
            reason: Refusal::QuestionOpen
        }]
    );
}

#[test]
fn survival_ends_at_the_third_wrong_answer() {
    let questions = (0..10).map(|i| tf(&format!("q{i}"), true)).collect();
    let mut game = game(Mode::Survival, questions);
    let mut last = Vec::new();
    for _ in 0..3 {
        step(&mut game, Action::Next);
        last = step(&mut game, Action::Answer("false"));
    }
    assert!(game.is_over());
    let Some(Event::GameOver { summary }) = last.last() else {
        panic!()
    };
    assert_eq!(summary.end, End::OutOfLives);
    assert!(matches!(
        last[0],
        Event::Answered(Answered {
            lives_left: Some(0),
            ..
        })
    ));
}

#[test]
fn survival_ends_when_questions_run_out() {
    let mut game = game(Mode::Survival, vec![tf("a", true)]);
    step(&mut game, Action::Next);
    let events = step(&mut game, Action::Answer("true"));
    assert!(matches!(
        events.last(),
        Some(Event::GameOver { summary }) if summary.end == End::OutOfQuestions
    ));
}

#[test]
fn streak_bonus_applies_and_resets() {
    let questions = (0..4).map(|i| tf(&format!("q{i}"), true)).collect();
    let mut game = game(Mode::Classic, questions);
    let mut points = Vec::new();
    for answer in ["true", "true", "false", "true"] {
        step(&mut game, Action::Next);
        for event in step(&mut game, Action::Answer(answer)) {
            if let Event::Answered(verdict) = event {
                points.push(verdict.points);
            }
        }
    }
    assert_eq!(points, [100, 110, 0, 100]);
    assert_eq!(game.summary().players[0].longest_streak, 2);
}

#[test]
fn blitz_scores_speed_and_times_out() {
    let mut game = game(Mode::Blitz, vec![tf("a", true), tf("b", true)]);
    let mut events = Vec::new();
    game.apply(Action::Next, Some(1_000), &mut events);
    let Event::QuestionAsked {
        time_limit: Some(limit),
        ..
    } = events[0]
    else {
        panic!()
    };
    assert_eq!(limit, time_limit(game.question(0)));
    events.clear();
    game.apply(Action::Answer("true"), Some(1_000 + limit / 2), &mut events);
    assert!(matches!(
        events[0],
        Event::Answered(Answered {
            correct: true,
            points: 75,
            ..
        })
    ));
    events.clear();
    game.apply(Action::Next, Some(50_000), &mut events);
    events.clear();
    game.apply(Action::Answer("true"), Some(50_001 + limit), &mut events);
    assert!(matches!(
        events[0],
        Event::Answered(Answered {
            correct: false,
            timed_out: true,
            ..
        })
    ));
}

#[test]
fn blitz_without_a_clock_gives_full_points() {
    let mut game = game(Mode::Blitz, vec![tf("a", true)]);
    step(&mut game, Action::Next);
    let events = step(&mut game, Action::Answer("true"));
    assert!(matches!(
        events[0],
        Event::Answered(Answered { points: 100, .. })
    ));
}

#[test]
fn time_limit_grows_with_length() {
    let short = tf("a", true);
    let mut long = tf("b", true);
    long.prompt = "x".repeat(200);
    assert!(time_limit(&short) < time_limit(&long));
    assert_eq!(time_limit(&long), 20_000);
}

#[test]
fn fifty_fifty_once_per_game_and_only_on_choices() {
    let mut game = game(Mode::Classic, vec![mc("a"), tf("b", true), mc("c")]);
    step(&mut game, Action::Next);
    let events = step(&mut game, Action::Lifeline(Lifeline::FiftyFifty));
    assert_eq!(
        events,
        vec![Event::OptionsRemoved {
            number: 0,
            player: 0
        }]
    );
    let layout = game.layout(0).unwrap();
    assert_eq!(layout.positions.len(), 2);
    assert!(layout.positions.contains(&1));
    let right = layout.position_of(1).unwrap() + 1;
    let events = step(&mut game, Action::Answer(&right.to_string()));
    assert!(matches!(
        events[0],
        Event::Answered(Answered { correct: true, .. })
    ));
    step(&mut game, Action::Next);
    assert_eq!(
        step(&mut game, Action::Lifeline(Lifeline::FiftyFifty)),
        vec![Event::Refused {
            reason: Refusal::AlreadyUsed(Lifeline::FiftyFifty)
        }]
    );
}

#[test]
fn fifty_fifty_refused_on_true_false_without_using_it_up() {
    let mut game = game(Mode::Classic, vec![tf("b", true), mc("a")]);
    step(&mut game, Action::Next);
    assert_eq!(
        step(&mut game, Action::Lifeline(Lifeline::FiftyFifty)),
        vec![Event::Refused {
            reason: Refusal::FiftyFiftyNeedsChoices
        }]
    );
    step(&mut game, Action::Answer("true"));
    step(&mut game, Action::Next);
    assert!(matches!(
        step(&mut game, Action::Lifeline(Lifeline::FiftyFifty))[..],
        [Event::OptionsRemoved { .. }]
    ));
}

#[test]
fn skip_once_keeps_the_streak() {
    let questions = (0..4).map(|i| tf(&format!("q{i}"), true)).collect();
    let mut game = game(Mode::Classic, questions);
    step(&mut game, Action::Next);
    step(&mut game, Action::Answer("true"));
    step(&mut game, Action::Next);
    assert_eq!(
        step(&mut game, Action::Lifeline(Lifeline::Skip)),
        vec![Event::Skipped {
            number: 1,
            player: 0
        }]
    );
    step(&mut game, Action::Next);
    assert_eq!(
        step(&mut game, Action::Lifeline(Lifeline::Skip)),
        vec![Event::Refused {
            reason: Refusal::AlreadyUsed(Lifeline::Skip)
        }]
    );
    let events = step(&mut game, Action::Answer("true"));
    assert!(matches!(
        events[0],
        Event::Answered(Answered {
            streak: 2,
            points: 110,
            ..
        })
    ));
    let summary = game.summary();
    assert_eq!(summary.players[0].skipped, 1);
    assert_eq!(summary.outcomes[1].outcome, Outcome::Skipped);
}

#[test]
fn hint_halves_points_and_is_given_once() {
    let question = question(
        "n",
        Body::Numeric {
            answer: 1958.0,
            tolerance: 0.0,
            unit: None,
        },
        Difficulty::Hard,
    );
    let mut game = game(Mode::Classic, vec![question, tf("t", true)]);
    step(&mut game, Action::Next);
    let events = step(&mut game, Action::Lifeline(Lifeline::Hint));
    assert!(matches!(&events[..], [Event::Hint { text, .. }] if text.starts_with("It is between")));
    assert_eq!(
        step(&mut game, Action::Lifeline(Lifeline::Hint)),
        vec![Event::Refused {
            reason: Refusal::HintAlreadyGiven
        }]
    );
    let events = step(&mut game, Action::Answer("1958"));
    assert!(matches!(
        events[0],
        Event::Answered(Answered {
            points: 150,
            hinted: true,
            ..
        })
    ));
    step(&mut game, Action::Next);
    assert_eq!(
        step(&mut game, Action::Lifeline(Lifeline::Hint)),
        vec![Event::Refused {
            reason: Refusal::NoHintForType
        }]
    );
}

#[test]
fn quit_ends_with_what_was_answered() {
    let mut game = game(Mode::Classic, vec![tf("a", true), tf("b", true)]);
    step(&mut game, Action::Next);
    step(&mut game, Action::Answer("true"));
    step(&mut game, Action::Next);
    let events = step(&mut game, Action::Quit);
    let [Event::GameOver { summary }] = &events[..] else {
        panic!()
    };
    assert_eq!(summary.end, End::Quit);
    assert_eq!(summary.outcomes.len(), 1);
}

#[test]
fn quit_before_any_question() {
    let mut game = game(Mode::Classic, vec![tf("a", true)]);
    let events = step(&mut game, Action::Quit);
    assert!(matches!(&events[..], [Event::GameOver { summary }] if summary.outcomes.is_empty()));
}

/// Regression (found by mutation testing: `is_empty` could always say false unnoticed).
#[test]
fn an_empty_game_ends_at_once() {
    assert!(!game(Mode::Classic, vec![tf("a", true)]).is_empty());
    let mut game = game(Mode::Classic, Vec::new());
    assert!(game.is_empty());
    let events = step(&mut game, Action::Next);
    assert!(matches!(&events[..], [Event::GameOver { summary }] if summary.end == End::Completed));
}

#[test]
fn hot_seat_takes_turns_and_reports_rounds() {
    let questions = (0..5).map(|i| tf(&format!("q{i}"), true)).collect();
    let config = GameConfig::new(Mode::HotSeat).with_players(["Ana", "Ben"]);
    let mut game = Game::new(config, questions, SeededRng::from_seed(1));
    assert_eq!(game.len(), 4, "cut to whole rounds");
    let mut rounds = Vec::new();
    let mut players = Vec::new();
    while !game.is_over() {
        let mut events = Vec::new();
        let action = if game.is_open() {
            Action::Answer(if game.current_player() == 0 {
                "true"
            } else {
                "false"
            })
        } else {
            Action::Next
        };
        game.apply(action, None, &mut events);
        for event in events {
            match event {
                Event::QuestionAsked { player, .. } => players.push(player),
                Event::RoundOver { round } => rounds.push(round),
                _ => {}
            }
        }
    }
    assert_eq!(players, [0, 1, 0, 1]);
    assert_eq!(rounds, [1, 2]);
    assert_eq!(game.scoreboard(), vec![(0, 210), (1, 0)]);
    let summary = game.summary();
    assert_eq!(summary.players[1].name, "Ben");
    assert_eq!(summary.players[1].wrong, 2);
}

#[test]
fn order_layout_is_never_the_answer() {
    let question = question(
        "o",
        Body::Order {
            items: ["a", "b"].map(String::from).to_vec(),
            keys: Vec::new(),
            direction: None,
        },
        Difficulty::Easy,
    );
    for seed in 0..30 {
        let layout = draw_layout(&question, &mut SeededRng::from_seed(seed));
        assert_eq!(layout.positions, [1, 0]);
    }
}

#[test]
fn numeric_options_keep_their_order() {
    let question = question(
        "y",
        Body::MultipleChoice {
            options: ["1956", "1957", "1958", "1959"].map(String::from).to_vec(),
            answer: 2,
            aliases: Vec::new(),
        },
        Difficulty::Easy,
    );
    let layout = draw_layout(&question, &mut SeededRng::from_seed(3));
    assert_eq!(layout, Layout::identity(4));
    let shuffled = (0..10)
        .map(|seed| draw_layout(&mc("m"), &mut SeededRng::from_seed(seed)))
        .any(|layout| layout != Layout::identity(4));
    assert!(shuffled);
}

#[test]
fn numbered_options_are_shown_in_number_order() {
    // A game shuffled "Part 1" to "Part 4" into "Part 4, Part 1, Part 3, Part 2".
    let question = question(
        "p",
        Body::MultipleChoice {
            options: ["Part 3", "Part 1", "Part 4", "Part 2"]
                .map(String::from)
                .to_vec(),
            answer: 0,
            aliases: Vec::new(),
        },
        Difficulty::Easy,
    );
    for seed in 0..10 {
        let layout = draw_layout(&question, &mut SeededRng::from_seed(seed));
        let shown: Vec<&str> = layout
            .positions
            .iter()
            .map(|&choice| question.body.choices()[choice].as_str())
            .collect();
        assert_eq!(shown, ["Part 1", "Part 2", "Part 3", "Part 4"]);
    }
}

#[test]
fn same_seed_same_game() {
    let play = || {
        run_scripted(
            GameConfig::new(Mode::Classic),
            demo::questions(),
            11,
            &["1", ":5050", "2", ":hint", "4", "true", "x", "1"],
        )
    };
    assert_eq!(play().events, play().events);
}

#[test]
fn mode_names_round_trip() {
    for mode in Mode::ALL {
        assert_eq!(Mode::parse(mode.as_str()), Some(mode));
    }
    assert_eq!(Mode::parse("hotseat"), Some(Mode::HotSeat));
    assert_eq!(Mode::parse("Hot_Seat"), Some(Mode::HotSeat));
    assert_eq!(Mode::parse("marathon"), None);
}

/// Regression (found by mutation testing: the `:report` test could require both the bare command and
/// one with a reason, so that no line was a report, unnoticed): every command is read ignoring case and
/// surrounding spaces, `:report` with or without a reason, and anything else is an answer.
#[test]
fn commands_are_read_and_anything_else_is_an_answer() {
    use script::Command;
    let cases = [
        (":report", Command::Report("")),
        ("  :REPORT  ", Command::Report("")),
        (
            ":report the year is wrong ",
            Command::Report("the year is wrong"),
        ),
        (
            ":Report  Dre is misspelt",
            Command::Report("Dre is misspelt"),
        ),
        (":reporter", Command::Action(Action::Answer(":reporter"))),
        (
            ":5050",
            Command::Action(Action::Lifeline(Lifeline::FiftyFifty)),
        ),
        (
            "50:50",
            Command::Action(Action::Lifeline(Lifeline::FiftyFifty)),
        ),
        (":S", Command::Action(Action::Lifeline(Lifeline::Skip))),
        (" :hint ", Command::Action(Action::Lifeline(Lifeline::Hint))),
        (":q", Command::Action(Action::Quit)),
        (":exit", Command::Action(Action::Quit)),
        ("?", Command::Help),
        (":help", Command::Help),
        (
            " Allen Hughes ",
            Command::Action(Action::Answer("Allen Hughes")),
        ),
        ("", Command::Action(Action::Answer(""))),
    ];
    for (line, command) in cases {
        assert_eq!(Command::parse(line), command, "{line:?}");
    }
}
