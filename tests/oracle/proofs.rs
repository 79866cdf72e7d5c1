//! The oracle at work and under test: it passes every generated question of every committed base,
//! rejects every question a deliberate fault changes (the mutation proofs), and follows its own rules
//! on hand-made questions.

use std::path::PathBuf;

use trivia::question::{Body, PartialDate, Question};

use super::raw::*;
use super::values::*;
use super::*;

// ---------------------------------------------------------------- the oracle on every committed base

/// Every question the generator makes from `paths`, with the oracle's base read from the same files.
fn generated(name: &str, paths: &[PathBuf]) -> (RawBase, Vec<Question>) {
    let base = trivia::facts::load_paths(paths)
        .unwrap_or_else(|problems| panic!("{name} is not a valid fact base: {problems:?}"));
    (
        RawBase::load(name, paths),
        trivia::generate::generate_all(&base),
    )
}

/// The questions the oracle rejects, with its reasons.
fn rejected(base: &RawBase, questions: &[Question]) -> Vec<String> {
    questions
        .iter()
        .filter_map(|question| {
            verify(base, question).err().map(|reason| {
                format!(
                    "{}: [{}] {:?} -> {}",
                    base.name,
                    question.body.type_name(),
                    question.prompt,
                    reason
                )
            })
        })
        .collect()
}

#[test]
fn every_generated_question_of_every_committed_base_has_a_key_the_facts_prove() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, paths) in committed_bases() {
        let (base, questions) = generated(&name, &paths);
        assert!(!questions.is_empty(), "{name} yields no question");
        checked += questions.len();
        failures.extend(rejected(&base, &questions));
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} questions fail the oracle:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------- the oracle catches wrong keys

/// A deliberate fault in a generator's output: changes a question's key, or leaves it alone (`None`)
/// when the fault does not apply to it.
type Mutation = fn(&RawBase, &Question) -> Option<Question>;

fn with_body(question: &Question, body: Body) -> Question {
    Question {
        body,
        ..question.clone()
    }
}

/// Every typed date a year later.
fn dates_shifted_a_year(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::Date {
        answer,
        tolerance_days,
    } = &question.body
    else {
        return None;
    };
    let answer = PartialDate {
        year: answer.year + 1,
        ..*answer
    };
    Some(with_body(
        question,
        Body::Date {
            answer,
            tolerance_days: *tolerance_days,
        },
    ))
}

/// Every typed number doubled.
fn numbers_doubled(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::Numeric {
        answer,
        tolerance,
        unit,
    } = &question.body
    else {
        return None;
    };
    (*answer != 0.0).then(|| {
        with_body(
            question,
            Body::Numeric {
                answer: answer * 2.0,
                tolerance: *tolerance,
                unit: unit.clone(),
            },
        )
    })
}

/// Every multiple-choice and quote question keyed to the option after the right one.
fn choice_keyed_to_a_wrong_option(_: &RawBase, question: &Question) -> Option<Question> {
    let mut body = question.body.clone();
    match &mut body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => *answer = (*answer + 1) % options.len(),
        _ => return None,
    }
    Some(with_body(question, body))
}

/// Every order question reversed (items and their keys together, so the keys still match their items
/// and only the facts can tell).
fn order_reversed(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::Order {
        items,
        keys,
        direction,
    } = &question.body
    else {
        return None;
    };
    let mut items = items.clone();
    let mut keys = keys.clone();
    items.reverse();
    keys.reverse();
    Some(with_body(
        question,
        Body::Order {
            items,
            keys,
            direction: direction.clone(),
        },
    ))
}

/// Every true/false statement given the other verdict.
fn true_false_flipped(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::TrueFalse { answer } = question.body else {
        return None;
    };
    Some(with_body(question, Body::TrueFalse { answer: !answer }))
}

/// Every select-all question with its first wrong option marked right as well.
fn select_all_with_a_wrong_option_marked(_: &RawBase, question: &Question) -> Option<Question> {
    let Body::SelectAll { options, answers } = &question.body else {
        return None;
    };
    let wrong = (0..options.len()).find(|i| !answers.contains(i))?;
    let mut answers = answers.clone();
    answers.push(wrong);
    answers.sort_unstable();
    Some(with_body(
        question,
        Body::SelectAll {
            options: options.clone(),
            answers,
        },
    ))
}

/// Every free-text answer replaced by another entity of the answer's kind.
fn free_text_keyed_to_another_entity(base: &RawBase, question: &Question) -> Option<Question> {
    let Body::FreeText {
        answer,
        aliases,
        kind,
        ..
    } = &question.body
    else {
        return None;
    };
    let meant = denoted(base, answer);
    let other = base
        .entities
        .iter()
        .enumerate()
        .find(|(i, entity)| Some(&entity.kind) == kind.as_ref() && !meant.contains(i))?;
    let _ = aliases;
    Some(with_body(
        question,
        Body::FreeText {
            answer: other.1.written[0].clone(),
            aliases: Vec::new(),
            kind: kind.clone(),
            prompt_on: Vec::new(),
            reject: Vec::new(),
        },
    ))
}

/// Applies a mutation to every question of every committed base; returns how many questions it
/// changed and the mutated questions the oracle still accepts.
fn survivors(mutation: Mutation) -> (usize, Vec<String>) {
    let mut changed = 0;
    let mut survived = Vec::new();
    for (name, paths) in committed_bases() {
        let (base, questions) = generated(&name, &paths);
        for question in &questions {
            if let Some(mutated) = mutation(&base, question) {
                changed += 1;
                if verify(&base, &mutated).is_ok() {
                    survived.push(format!("{name}: {:?}", mutated.prompt));
                }
            }
        }
    }
    (changed, survived)
}

fn assert_all_caught(mutation: Mutation, what: &str) {
    let (changed, survived) = survivors(mutation);
    assert!(changed > 0, "{what}: no generated question to mutate");
    assert!(
        survived.is_empty(),
        "{what}: the oracle accepts {} of {changed} mutated questions:\n{}",
        survived.len(),
        survived.join("\n")
    );
}

#[test]
fn the_oracle_rejects_every_date_shifted_by_a_year() {
    assert_all_caught(dates_shifted_a_year, "dates shifted a year");
}

#[test]
fn the_oracle_rejects_every_number_doubled() {
    assert_all_caught(numbers_doubled, "numbers doubled");
}

#[test]
fn the_oracle_rejects_every_choice_keyed_to_a_wrong_option() {
    assert_all_caught(
        choice_keyed_to_a_wrong_option,
        "choice keyed to a wrong option",
    );
}

#[test]
fn the_oracle_rejects_every_order_reversed() {
    assert_all_caught(order_reversed, "order reversed");
}

#[test]
fn the_oracle_rejects_every_true_false_verdict_flipped() {
    assert_all_caught(true_false_flipped, "true/false flipped");
}

#[test]
fn the_oracle_rejects_every_select_all_with_a_wrong_option_marked() {
    assert_all_caught(
        select_all_with_a_wrong_option_marked,
        "select-all with a wrong option marked",
    );
}

#[test]
fn the_oracle_rejects_every_free_text_keyed_to_another_entity() {
    assert_all_caught(
        free_text_keyed_to_another_entity,
        "free text keyed to another entity",
    );
}

// ---------------------------------------------------------------- the oracle's own rules

#[test]
fn values_are_read_from_text_the_oracles_own_way() {
    let (numbers, _) = mentions("For how much was it sold? US$3 billion, or 2,500 copies, or five");
    assert_eq!(numbers, [3e9, 2500.0, 5.0]);
    let (_, days) =
        mentions("It opened on July 9, 2017 and closed in 2018, in March 2019, 1 October 1851");
    let day = |year, month, day| Day { year, month, day };
    assert_eq!(
        days,
        [
            day(2017, Some(7), Some(9)),
            day(2018, None, None),
            day(2019, Some(3), None),
            day(1851, Some(10), Some(1)),
        ]
    );
    assert!(text_is_value(
        "100%",
        &Val::Num {
            amount: 100.0,
            unit: Some("%".into())
        }
    ));
    assert!(text_is_value("The Chronic", &Val::Text("Chronic".into())));
    assert!(!text_is_value("1851", &Val::Date(day(1852, None, None))));
    // A possessive ends the name it follows; an apostrophe inside a word is dropped.
    assert!(norm("Lasse Järvi’s") == norm("lasse jarvi"));
    assert!(norm("in Apple's history") == norm("in apple history"));
    assert!(norm("the series' soundtrack") == norm("the series soundtrack"));
    assert!(norm("rock 'n' roll, who's who") == norm("rock n roll who who"));
    assert!(norm("Let's go") == norm("let go"));
    assert!(norm("O'Brien's") == norm("obrien"));
}

/// A question on the game transcripts' base (`tests/data/game/facts.toml`), citing `evidence`.
fn game_question(prompt: &str, body: Body, evidence: &str) -> Question {
    Question {
        id: "t".into(),
        prompt: prompt.into(),
        body,
        category: "Builders".into(),
        difficulty: trivia::question::Difficulty::Easy,
        explanation: "x".into(),
        sources: vec![trivia::question::Citation {
            article: "lighthouse-register.txt".into(),
            evidence: Some(evidence.into()),
        }],
        tags: Vec::new(),
        time_limit: None,
    }
}

fn game_base() -> RawBase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    RawBase::load("game", &[root.join("tests/data/game/facts.toml")])
}

fn choice(options: &[&str], answer: usize) -> Body {
    Body::MultipleChoice {
        options: options.iter().map(|o| o.to_string()).collect(),
        answer,
        aliases: Vec::new(),
    }
}

#[test]
fn a_choice_passes_only_when_a_cited_fact_makes_the_key_right_and_no_wrong_option() {
    let base = game_base();
    let evidence = "North Rock Light, to a design by Ada Quill";
    let options = ["Ada Quill", "Tomas Reyes", "Mara Finch", "Ines Boyd"];
    let asked = |prompt: &str, answer: usize, evidence: &str| {
        verify(
            &base,
            &game_question(prompt, choice(&options, answer), evidence),
        )
    };
    assert_eq!(asked("Who designed North Rock Light?", 0, evidence), Ok(()));
    // Keyed to a wrong option; about something else; citing nothing in the files; giving it away.
    assert!(asked("Who designed North Rock Light?", 1, evidence).is_err());
    assert!(asked("Who designed Gull Point Light?", 0, evidence).is_err());
    assert!(asked("Who designed North Rock Light?", 0, "no such words").is_err());
    assert!(
        asked(
            "Who, like Ada Quill, designed North Rock Light?",
            0,
            evidence
        )
        .is_err()
    );
    // Reverse direction: Ada Quill designed two of these, so a second one among the wrong options
    // makes the question unfair.
    let lights = |options: &[&str]| {
        verify(
            &base,
            &game_question(
                "Which of these lighthouses did Ada Quill design?",
                choice(options, 0),
                evidence,
            ),
        )
    };
    assert_eq!(
        lights(&["North Rock Light", "Gull Point Light", "Black Skerry Light"]),
        Ok(())
    );
    let unfair = lights(&["North Rock Light", "Saltmarsh Light", "Gull Point Light"]);
    assert!(
        unfair
            .as_ref()
            .is_err_and(|reason| reason.contains("Saltmarsh Light")),
        "{unfair:?}"
    );
}

#[test]
fn typed_values_must_equal_the_facts_at_their_precision() {
    let base = game_base();
    let date = |year, month: Option<u8>, day: Option<u8>| Body::Date {
        answer: PartialDate { year, month, day },
        tolerance_days: 0,
    };
    let evidence = "first lit on 1 October 1851";
    let ask = |body| {
        verify(
            &base,
            &game_question("When was North Rock Light first lit?", body, evidence),
        )
    };
    assert_eq!(ask(date(1851, Some(10), Some(1))), Ok(()));
    assert_eq!(ask(date(1851, None, None)), Ok(()));
    assert!(ask(date(1851, Some(10), Some(2))).is_err());
    assert!(ask(date(1852, None, None)).is_err());
    // Gull Point Light is known to the year only: a day would be invented.
    let gull = |body| {
        verify(
            &base,
            &game_question("When was Gull Point Light first lit?", body, "lit in 1874"),
        )
    };
    assert_eq!(gull(date(1874, None, None)), Ok(()));
    assert!(gull(date(1874, Some(1), Some(1))).is_err());
    let steps = |answer, tolerance| {
        verify(
            &base,
            &game_question(
                "How many steps lead to the lamp of North Rock Light?",
                Body::Numeric {
                    answer,
                    tolerance,
                    unit: None,
                },
                "214 steps lead up to the lamp",
            ),
        )
    };
    assert_eq!(steps(214.0, 10.0), Ok(()));
    assert!(steps(428.0, 10.0).is_err());
    assert!(steps(213.0, 0.0).is_err());
}

#[test]
fn statements_are_true_only_when_they_state_a_cited_fact() {
    let base = game_base();
    let statement = |prompt: &str, answer: bool| {
        verify(
            &base,
            &game_question(
                prompt,
                Body::TrueFalse { answer },
                "North Rock Light guards Harrow Bay",
            ),
        )
    };
    assert_eq!(
        statement("North Rock Light stands in Harrow Bay.", true),
        Ok(())
    );
    assert!(statement("North Rock Light stands in Harrow Bay.", false).is_err());
    assert_eq!(
        statement("North Rock Light stands in Fennick.", false),
        Ok(())
    );
    assert!(statement("North Rock Light stands in Fennick.", true).is_err());
    // Dunmere is where Saltmarsh Light stands, which this citation does not prove.
    assert_eq!(
        statement("Gull Point Light stands in Harrow Bay.", false),
        Ok(())
    );
}

#[test]
fn order_follows_the_facts_dates_in_the_stated_direction() {
    let base = game_base();
    let items = [
        "North Rock Light was first lit",
        "Gull Point Light was first lit",
        "Saltmarsh Light was first lit",
    ];
    let question = |items: &[&str], direction: &str| {
        let mut question = game_question(
            "Put these in order.",
            Body::Order {
                items: items.iter().map(|i| i.to_string()).collect(),
                keys: Vec::new(),
                direction: Some(direction.into()),
            },
            "first lit on 1 October 1851",
        );
        for evidence in [
            "lit in 1874",
            "Saltmarsh Light shone first on 15 March 1902",
        ] {
            question.sources.push(trivia::question::Citation {
                article: "lighthouse-register.txt".into(),
                evidence: Some(evidence.into()),
            });
        }
        verify(&base, &question)
    };
    assert_eq!(question(&items, "earliest first"), Ok(()));
    assert!(question(&[items[1], items[0], items[2]], "earliest first").is_err());
    assert_eq!(
        question(&[items[2], items[1], items[0]], "latest first"),
        Ok(())
    );
}
