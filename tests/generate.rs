//! The question generator: every question well-formed and its key proven by the oracle in
//! `tests/oracle/` (which reads the raw fact files, apart from the generator), one test per question
//! type on small fact files
//! written for the tests, property tests over many seeds, golden outputs for two seeds, and the
//! `trivia generate` command line.

use std::collections::HashSet;
use std::fs;
use std::sync::OnceLock;

use proptest::prelude::*;
use trivia::facts::{FactBase, load_paths};
use trivia::generate::{GenerateOptions, Generator, Stats, generate, generate_all};
use trivia::pack;
use trivia::question::{Body, Difficulty, Question, QuestionType, format_number_with_unit};
use trivia::rng::SeededRng;
use trivia::tomldoc::{Diagnostics, SourceFile};

use crate::oracle::{RawBase, verify};
use crate::support::{assert_golden, data, says, trivia, wrong_options};

// ---------------------------------------------------------------- fixtures

fn load(name: &str) -> FactBase {
    load_paths(&[data(&format!("facts/{name}"))]).unwrap_or_else(|problems| {
        panic!(
            "{name} is invalid:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// A fact base with the generator built from it, and the oracle's own reading of the same files,
/// built once per test binary.
struct Fixture {
    base: FactBase,
    generator: Generator,
    raw: RawBase,
}

fn fixture(
    cell: &'static OnceLock<Fixture>,
    make: fn() -> FactBase,
    files: fn() -> Vec<std::path::PathBuf>,
) -> &'static Fixture {
    cell.get_or_init(|| {
        let base = make();
        let generator = Generator::new(&base);
        let files = files();
        let raw = RawBase::load(&files[0].display().to_string(), &files);
        Fixture {
            base,
            generator,
            raw,
        }
    })
}

fn cinema() -> &'static Fixture {
    static CELL: OnceLock<Fixture> = OnceLock::new();
    fixture(
        &CELL,
        || load("cinema.toml"),
        || vec![data("facts/cinema.toml")],
    )
}

fn bands() -> &'static Fixture {
    static CELL: OnceLock<Fixture> = OnceLock::new();
    fixture(
        &CELL,
        || load("bands.toml"),
        || vec![data("facts/bands.toml")],
    )
}

fn shipped() -> &'static Fixture {
    static CELL: OnceLock<Fixture> = OnceLock::new();
    fixture(
        &CELL,
        || FactBase::embedded().unwrap_or_else(|problems| panic!("shipped facts: {problems:?}")),
        || vec![crate::support::root().join("seeds")],
    )
}

fn fixtures() -> [&'static Fixture; 3] {
    [cinema(), bands(), shipped()]
}

/// The explanation gives the fact's statement, whole or folded together with the fact it teaches
/// besides (see [`says`]); a contrast may follow after a semicolon ("...by Ada Brandt; Lena Ortiz
/// starred in Glass River.").
fn assert_says(explanation: &str, statement: &str) {
    assert!(
        says(explanation, statement),
        "{explanation:?} does not say {statement:?}"
    );
}

fn all(fixture: &Fixture) -> Vec<Question> {
    fixture.generator.questions().cloned().collect()
}

fn find<'a>(questions: &'a [Question], prompt: &str) -> Vec<&'a Question> {
    questions
        .iter()
        .filter(|question| question.prompt == prompt)
        .collect()
}

fn one<'a>(questions: &'a [Question], prompt: &str, kind: QuestionType) -> &'a Question {
    let found: Vec<&Question> = find(questions, prompt)
        .into_iter()
        .filter(|question| question.body.question_type() == kind)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {kind} question {prompt:?}, found {found:#?}"
    );
    found[0]
}

fn options(question: &Question) -> Vec<&str> {
    question.body.choices().iter().map(String::as_str).collect()
}

// ---------------------------------------------------------------- the oracle

/// Lowercase words of letters and digits, padded with spaces, for whole-word containment.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            other => other,
        };
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    let needle = words(needle);
    if needle.trim().is_empty() {
        return false;
    }
    let haystack = words(haystack);
    haystack.contains(&needle)
        || needle
            .strip_prefix(" the ")
            .is_some_and(|rest| !rest.trim().is_empty() && haystack.contains(&format!(" {rest}")))
}

/// Every way the fact base lets text name an entity: its name, display name, how sentences and
/// options write it (article, quotation marks, `refer_as`), and its aliases.
fn written_names(entity: &trivia::facts::Entity) -> Vec<String> {
    let mut names = vec![
        entity.name.clone(),
        entity.display_name().to_string(),
        entity.in_sentence(),
        entity.as_option(),
    ];
    names.extend(entity.aliases.iter().cloned());
    names
}

/// The entity an option names (by name or alias).
fn entity_named<'a>(base: &'a FactBase, name: &str) -> Option<&'a trivia::facts::Entity> {
    base.entities
        .iter()
        .find(|entity| written_names(entity).iter().any(|written| written == name))
}

/// The answer and its aliases, as a player may type them.
fn answer_texts(question: &Question) -> Vec<String> {
    match &question.body {
        Body::MultipleChoice {
            options,
            answer,
            aliases,
        }
        | Body::Quote {
            options,
            answer,
            aliases,
            ..
        } => std::iter::once(options[*answer].clone())
            .chain(aliases.iter().cloned())
            .collect(),
        Body::FreeText {
            answer, aliases, ..
        } => std::iter::once(answer.clone())
            .chain(aliases.iter().cloned())
            .collect(),
        Body::SelectAll { options, answers } => answers
            .iter()
            .map(|&index| options[index].clone())
            .collect(),
        Body::Numeric { answer, unit, .. } => {
            vec![format_number_with_unit(*answer, unit.as_deref())]
        }
        Body::Date { answer, .. } => vec![answer.to_words()],
        Body::TrueFalse { .. } | Body::Order { .. } => Vec::new(),
    }
}

/// Checks one question: well-formed by the pack rules, explained and sourced, option counts in range,
/// and its key proven by the oracle (`tests/oracle/`) from the raw fact files.
fn check(fixture: &Fixture, question: &Question) {
    let context = format!("{question:#?}");
    let problems = pack::check_question(question);
    assert!(problems.is_empty(), "{problems:?} in {context}");
    // Ids come from what is asked, not the wording (tests/generate_quality.rs checks they survive
    // rewording); here only their form.
    assert!(
        question.id.starts_with("g-") && question.id.len() >= 14,
        "not a generated id: {context}"
    );
    assert!(!question.explanation.trim().is_empty() && !question.explanation.contains('\n'));
    assert!(!question.category.is_empty());
    assert!(!question.sources.is_empty(), "no source: {context}");
    for citation in &question.sources {
        assert!(citation.evidence.as_deref().is_some_and(|e| !e.is_empty()));
    }
    match &question.body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => {
            assert!((2..=6).contains(&options.len()), "{context}");
            assert!(*answer < options.len());
            let distinct: HashSet<String> = options.iter().map(|o| words(o)).collect();
            assert_eq!(distinct.len(), options.len(), "repeated option: {context}");
        }
        Body::SelectAll { options, answers } => {
            assert!((3..=6).contains(&options.len()), "{context}");
            assert!(
                !answers.is_empty() && answers.len() < options.len(),
                "{context}"
            );
            assert!(answers.windows(2).all(|pair| pair[0] < pair[1]));
        }
        Body::Order { items, keys, .. } => {
            assert!((3..=5).contains(&items.len()), "{context}");
            assert_eq!(keys.len(), items.len());
            let distinct: HashSet<&String> = keys.iter().collect();
            assert_eq!(distinct.len(), keys.len(), "repeated key: {context}");
        }
        Body::Numeric { tolerance, .. } if *tolerance > 0.0 => {
            // The hint line states the tolerance; the question never does.
            assert!(!question.prompt.contains("(within "), "{context}");
        }
        _ => {}
    }
    if let Err(reason) = verify(&fixture.raw, question) {
        panic!("the oracle rejects the key: {reason}\n{context}");
    }
}

/// Set-level rules: ids and prompts unique.
fn check_set(questions: &[Question]) {
    let ids: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), questions.len(), "duplicate ids");
    let prompts: HashSet<String> = questions.iter().map(|q| words(&q.prompt)).collect();
    assert_eq!(prompts.len(), questions.len(), "duplicate prompts");
}

// ---------------------------------------------------------------- every question the facts support

#[test]
fn every_question_of_every_fixture_passes_the_oracle() {
    for fixture in fixtures() {
        let questions = all(fixture);
        assert!(!questions.is_empty());
        for question in &questions {
            check(fixture, question);
        }
        let ids: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), questions.len(), "duplicate ids in the pool");
    }
}

#[test]
fn the_pool_is_deterministic() {
    let base = load("cinema.toml");
    assert_eq!(generate_all(&base), generate_all(&base));
    let options = GenerateOptions {
        count: 15,
        ..GenerateOptions::default()
    };
    let first = generate(&base, &options, &mut SeededRng::from_seed(42));
    let second = generate(&base, &options, &mut SeededRng::from_seed(42));
    assert_eq!(first, second);
    let other = generate(&base, &options, &mut SeededRng::from_seed(43));
    assert_ne!(first, other);
}

#[test]
fn every_type_comes_out_of_the_test_facts() {
    let stats = Stats::of(&all(cinema()));
    for kind in QuestionType::ALL {
        assert!(
            stats.by_type.get(&kind).copied().unwrap_or(0) > 0,
            "no {kind} question from cinema.toml"
        );
    }
    for level in Difficulty::ALL {
        assert!(stats.by_difficulty.get(&level).copied().unwrap_or(0) > 0);
    }
}

#[test]
fn every_fact_of_a_test_base_yields_a_question() {
    // The shipped base's coverage is a content rule (tests/content_rules.rs).
    let test_coverage = cinema().generator.coverage();
    assert!(test_coverage.facts > 0);
    assert_eq!(
        test_coverage.covered, test_coverage.facts,
        "{test_coverage:#?}"
    );
}

#[test]
fn answers_sit_at_every_position() {
    // Over all four-option questions, the answer takes each position often: position gives nothing
    // away.
    let mut counts = [0usize; 4];
    for fixture in fixtures() {
        for question in fixture.generator.questions() {
            if let Body::MultipleChoice {
                options, answer, ..
            } = &question.body
                && options.len() == 4
            {
                counts[*answer] += 1;
            }
        }
    }
    let total: usize = counts.iter().sum();
    assert!(total > 100);
    for count in counts {
        assert!(count * 100 / total >= 15, "answer positions {counts:?}");
    }
}

// ---------------------------------------------------------------- one test per type (cinema.toml)

#[test]
fn multiple_choice_gives_four_options_of_the_answers_kind() {
    let questions = all(cinema());
    let question = one(
        &questions,
        "Who directed Night Harbor?",
        QuestionType::MultipleChoice,
    );
    let Body::MultipleChoice {
        options,
        answer,
        aliases,
    } = &question.body
    else {
        unreachable!()
    };
    assert_eq!(options.len(), 4);
    assert_eq!(options[*answer], "Ada Brandt");
    assert_eq!(aliases, &["Brandt"]);
    let base = &cinema().base;
    for wrong in wrong_options(question) {
        assert_eq!(entity_named(base, wrong).unwrap().kind, "person");
    }
    assert_eq!(question.category, "Crew");
    assert_says(
        &question.explanation,
        "Night Harbor was directed by Ada Brandt.",
    );
    assert_eq!(question.sources[0].article, "almanac.txt");
    assert_eq!(
        question.sources[0].evidence.as_deref(),
        Some("Night Harbor, directed by Ada Brandt")
    );
}

#[test]
fn open_lists_only_take_wrong_options_a_disjoint_relation_rules_out() {
    // Night Harbor's interviewees are an open list; only its reviewers are surely not interviewed.
    // Two reviewers make no four-option multiple choice, but a select-all and false statements.
    let questions = all(cinema());
    let mut found = find(&questions, "Who is interviewed in Night Harbor?");
    found.extend(find(
        &questions,
        "Which of these people are interviewed in Night Harbor?",
    ));
    assert!(!found.is_empty());
    for question in found {
        for wrong in wrong_options(question) {
            assert!(
                ["Ruth Meyer", "Jonas Vale"].contains(&wrong),
                "`{wrong}` is merely not listed"
            );
        }
    }
}

#[test]
fn both_directions_are_asked() {
    let questions = all(cinema());
    let reverse = find(
        &questions,
        "Which of these films was directed by Marco Lind?",
    );
    let answers: Vec<String> = reverse.iter().map(|q| q.body.answer_text()).collect();
    assert_eq!(answers, ["The Quiet Year", "Paper Kites"]);
    // Wrong options are films whose director is known to be someone else.
    for question in reverse {
        for wrong in wrong_options(question) {
            assert!(["Night Harbor", "Glass River", "Red Orchard"].contains(&wrong));
        }
    }
    let married = one(
        &questions,
        "Who is married to Jonas Vale?",
        QuestionType::FreeText,
    );
    assert_eq!(married.body.answer_text(), "Ada Brandt");
}

#[test]
fn true_false_swaps_in_a_surely_wrong_object() {
    let questions = all(cinema());
    let truth = one(
        &questions,
        "Night Harbor was directed by Ada Brandt.",
        QuestionType::TrueFalse,
    );
    assert_eq!(truth.body, Body::TrueFalse { answer: true });
    let falsehoods: Vec<&Question> = questions
        .iter()
        .filter(|q| {
            q.prompt.starts_with("Night Harbor was directed by")
                && q.body == Body::TrueFalse { answer: false }
        })
        .collect();
    assert_eq!(falsehoods.len(), 1);
    assert_says(
        &falsehoods[0].explanation,
        "Night Harbor was directed by Ada Brandt.",
    );
    // A false statement about an open list is explained by the fact that rules it out.
    let open: Vec<&Question> = questions
        .iter()
        .filter(|q| {
            q.body == Body::TrueFalse { answer: false }
                && q.prompt.ends_with("is interviewed in Night Harbor.")
        })
        .collect();
    assert!(!open.is_empty());
    for question in open {
        // The reason comes first; what the explanation teaches besides follows, as a sentence of
        // its own or hung on the last name ("..., which runs 130 minutes").
        let reason = question
            .explanation
            .split([';', '.'])
            .next()
            .unwrap_or(&question.explanation);
        let reason = reason.split(", which ").next().unwrap_or(reason);
        assert!(
            reason.ends_with("reviewed Night Harbor") || reason.ends_with("reviewed Night Harbor."),
            "{question:#?}"
        );
        assert_eq!(question.sources[0].article, "festival.txt");
    }
    // Dates read "in" a year and "on" a day.
    assert!(!find(&questions, "The Quiet Year was released in 1994.").is_empty());
    assert!(!find(&questions, "Marco Lind was born on April 12, 1970.").is_empty());
}

#[test]
fn numeric_questions_state_their_tolerance_and_ladders_are_even() {
    let questions = all(cinema());
    // The tolerance is for the hint line (`ui::instructions`), never the question.
    let typed = one(
        &questions,
        "How much did Glass River earn at the box office?",
        QuestionType::Numeric,
    );
    assert_eq!(
        trivia::ui::instructions(typed, 0),
        "type an amount in US dollars, like 2.5 billion; within US$300 million counts"
    );
    assert_eq!(
        typed.body,
        Body::Numeric {
            answer: 3e9,
            tolerance: 3e8,
            unit: Some("US$".into())
        }
    );
    let exact = one(
        &questions,
        "How many sequels did Glass River get?",
        QuestionType::Numeric,
    );
    assert!(matches!(exact.body, Body::Numeric { tolerance, .. } if tolerance == 0.0));
    let ladder = one(
        &questions,
        "How long is Night Harbor?",
        QuestionType::MultipleChoice,
    );
    let minutes: Vec<f64> = options(ladder)
        .iter()
        .map(|option| option.trim_end_matches(" minutes").parse().unwrap())
        .collect();
    assert!(minutes.contains(&130.0));
    let step = minutes[1] - minutes[0];
    assert!(step > 0.0 && minutes.windows(2).all(|pair| pair[1] - pair[0] == step));
    assert!(
        minutes.iter().all(|value| value % 10.0 == 0.0),
        "rounded like 130"
    );
}

#[test]
fn dates_are_asked_at_the_precision_the_prompt_names() {
    let questions = all(cinema());
    let year = one(
        &questions,
        "In what year was Marco Lind born?",
        QuestionType::Date,
    );
    assert_eq!(
        year.body,
        Body::Date {
            answer: trivia::question::PartialDate::year(1970),
            tolerance_days: 0
        }
    );
    let ladder: Vec<&Question> = find(&questions, "In what year was Marco Lind born?")
        .into_iter()
        .filter(|q| q.body.question_type() == QuestionType::MultipleChoice)
        .collect();
    assert_eq!(ladder.len(), 1);
    assert!(
        options(ladder[0]).iter().all(|option| option.len() == 4),
        "years only"
    );
    let day = questions
        .iter()
        .find(|q| q.prompt.contains("Red Orchard") && q.body.question_type() == QuestionType::Date)
        .expect("a date question about Red Orchard");
    assert!(matches!(day.body, Body::Date { answer, .. } if answer.day == Some(2)));
}

#[test]
fn free_text_carries_aliases_and_the_answers_kind() {
    let questions = all(cinema());
    let question = one(
        &questions,
        "Where was Ada Brandt born?",
        QuestionType::FreeText,
    );
    assert_eq!(
        question.body,
        Body::FreeText {
            answer: "Lisbon".into(),
            aliases: Vec::new(),
            kind: Some("place".into()),
            prompt_on: vec![],
            reject: vec![],
        }
    );
    let genre = one(
        &questions,
        "What genre is Glass River?",
        QuestionType::FreeText,
    );
    assert_eq!(genre.body.answer_text(), "Musical");
    // Open lists have no single answer, so no free text.
    assert!(
        find(&questions, "Who is interviewed in Night Harbor?")
            .iter()
            .all(|q| q.body.question_type() != QuestionType::FreeText)
    );
}

#[test]
fn select_all_mixes_true_and_surely_wrong_options() {
    let questions = all(cinema());
    let question = one(
        &questions,
        "Which of these critics reviewed Night Harbor?",
        QuestionType::SelectAll,
    );
    let Body::SelectAll { options, answers } = &question.body else {
        unreachable!()
    };
    for (index, option) in options.iter().enumerate() {
        if answers.contains(&index) {
            assert!(["Ruth Meyer", "Jonas Vale"].contains(&option.as_str()));
        } else {
            assert!(
                ["Ivo Petrov", "Tom Hale"].contains(&option.as_str()),
                "{option}"
            );
        }
    }
}

#[test]
fn order_puts_three_to_five_events_earliest_first() {
    let questions = all(cinema());
    let orders: Vec<&Question> = questions
        .iter()
        .filter(|q| q.body.question_type() == QuestionType::Order)
        .collect();
    assert!(!orders.is_empty());
    for question in orders {
        let Body::Order {
            items,
            keys,
            direction,
        } = &question.body
        else {
            unreachable!()
        };
        assert!((3..=5).contains(&items.len()));
        assert_eq!(direction.as_deref(), Some("earliest first"));
        let years: Vec<i32> = keys
            .iter()
            .map(|key| key.rsplit(' ').next().unwrap().parse().unwrap())
            .collect();
        assert!(years.windows(2).all(|pair| pair[0] <= pair[1]), "{keys:?}");
        assert!(question.sources.len() >= 2);
    }
}

#[test]
fn quote_attribution_asks_who_said_it() {
    let questions = all(cinema());
    let question = one(
        &questions,
        "Who said this at the Night Harbor premiere?",
        QuestionType::Quote,
    );
    let Body::Quote {
        quote,
        options,
        answer,
        aliases,
    } = &question.body
    else {
        unreachable!()
    };
    assert_eq!(quote, "A harbor is a place where every story waits");
    assert_eq!(options[*answer], "Ada Brandt");
    assert_eq!(aliases, &["Brandt"]);
    assert_eq!(options.len(), 4);
}

#[test]
fn two_step_questions_join_two_facts_and_are_never_easy_about_obscure_entities() {
    let questions = all(cinema());
    let joined = one(
        &questions,
        "Which of these films was directed by the person who directed Night Harbor?",
        QuestionType::MultipleChoice,
    );
    assert_eq!(joined.body.answer_text(), "Glass River");
    assert!(joined.tags.iter().any(|tag| tag == "two-step"));
    assert_says(
        &joined.explanation,
        "Night Harbor was directed by Ada Brandt. Glass River was directed by Brandt.",
    );
    // Both facts, and the one more fact the explanation teaches.
    assert!(joined.sources.len() >= 2, "cites both facts");
    assert!(!contains_words(&joined.prompt, "Ada Brandt"));
    // Marco Lind and Paper Kites are obscure (prominence 3).
    let obscure = one(
        &questions,
        "Where was the person who directed Paper Kites born?",
        QuestionType::MultipleChoice,
    );
    assert_eq!(obscure.body.answer_text(), "Oslo");
    assert_ne!(obscure.difficulty, Difficulty::Easy);
    assert_eq!(obscure.difficulty, Difficulty::Hard);
}

#[test]
fn disputed_facts_are_only_asked_attributed_to_their_source() {
    let questions = all(cinema());
    let about_gross: Vec<&Question> = questions
        .iter()
        .filter(|q| q.prompt.contains("Night Harbor") && q.tags.iter().any(|t| t == "box_office"))
        .collect();
    assert!(!about_gross.is_empty());
    for question in &about_gross {
        assert!(
            question.prompt.contains("According to") || question.prompt.contains("according to")
        );
        assert!(question.explanation.contains("sources disagree"));
        // Neither side's amount is ever a wrong option of the other.
        for wrong in wrong_options(question) {
            assert!(
                wrong != "US$48 million" && wrong != "US$52 million",
                "{question:#?}"
            );
        }
    }
    assert!(about_gross.iter().any(|q| {
        q.prompt
            .starts_with("According to the film almanac, how much")
    }));
}

#[test]
fn two_step_questions_reach_values_through_any_kind_of_entity() {
    let questions = all(bands());
    let year = one(
        &questions,
        "In what year was the album that was the debut of The Lanterns released?",
        QuestionType::Date,
    );
    assert_eq!(
        year.body,
        Body::Date {
            answer: trivia::question::PartialDate::year(1990),
            tolerance_days: 0
        }
    );
    assert!(year.tags.iter().any(|tag| tag == "two-step"));
    assert!(year.sources.len() >= 2);
    assert_ne!(year.difficulty, Difficulty::Easy);
    let ladder = one(
        &questions,
        "In what year was the album that was the debut of Iron Meadow released?",
        QuestionType::MultipleChoice,
    );
    assert_eq!(ladder.body.answer_text(), "1981");
}

#[test]
fn places_that_contain_the_answer_are_never_wrong_options() {
    // Cork is in Ireland: "The Lanterns come from Ireland" is not false, so Ireland is never offered.
    let questions = all(bands());
    let found = find(&questions, "Which city does The Lanterns come from?");
    assert!(!found.is_empty());
    for question in found {
        assert!(!options(question).contains(&"Ireland"), "{question:#?}");
    }
    assert!(find(&questions, "The Lanterns comes from Ireland.").is_empty());
    assert!(!find(&questions, "The Lanterns comes from Cork.").is_empty());
}

#[test]
fn a_second_fact_base_with_other_relations_works_too() {
    let questions = all(bands());
    let stats = Stats::of(&questions);
    for kind in [
        QuestionType::MultipleChoice,
        QuestionType::TrueFalse,
        QuestionType::Numeric,
        QuestionType::Date,
        QuestionType::FreeText,
        QuestionType::SelectAll,
        QuestionType::Order,
        QuestionType::Quote,
    ] {
        assert!(stats.by_type.contains_key(&kind), "no {kind}");
    }
    let quotes = find(&questions, "Who told the fanzine this?");
    let speakers: Vec<String> = quotes.iter().map(|q| q.body.answer_text()).collect();
    assert_eq!(speakers, ["Ines Duarte", "Piet Maas"]);
}

#[test]
fn answers_and_aliases_typed_by_a_player_are_accepted_and_wrong_options_rejected() {
    use trivia::answer::{Lexicon, Verdict, check};
    use trivia::question::Layout;
    for fixture in fixtures() {
        let mut lexicon = Lexicon::new();
        for entity in &fixture.base.entities {
            lexicon.add(&entity.kind, &entity.name, &entity.aliases);
        }
        for question in fixture.generator.questions() {
            let layout = Layout::identity(question.body.choices().len());
            let typed: Vec<String> = match &question.body {
                // A bare number picks an option by position ("4" is the fourth option), so ladder
                // options are picked by letter instead.
                Body::MultipleChoice { answer, .. } | Body::Quote { answer, .. } => {
                    let letter = char::from(b'A' + *answer as u8).to_string();
                    answer_texts(question)
                        .into_iter()
                        .filter(|text| text.trim().parse::<f64>().is_err())
                        .chain(std::iter::once(letter))
                        .collect()
                }
                Body::FreeText { .. } => answer_texts(question),
                Body::Numeric { .. } | Body::Date { .. } | Body::TrueFalse { .. } => {
                    vec![question.body.answer_text()]
                }
                Body::SelectAll { .. } | Body::Order { .. } => Vec::new(),
            };
            for input in typed {
                assert_eq!(
                    check(question, &layout, &input, &lexicon),
                    Verdict::Correct,
                    "`{input}` is not accepted for {question:#?}"
                );
            }
            if matches!(
                question.body,
                Body::MultipleChoice { .. } | Body::Quote { .. }
            ) {
                for wrong in wrong_options(question) {
                    if wrong.trim().parse::<f64>().is_ok() {
                        continue;
                    }
                    assert_eq!(
                        check(question, &layout, wrong, &lexicon),
                        Verdict::Wrong,
                        "wrong option `{wrong}` is accepted for {question:#?}"
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------- drawing sets

#[test]
fn draws_respect_filters_and_counts() {
    let generator = &cinema().generator;
    let options = GenerateOptions {
        count: 5,
        types: vec![QuestionType::TrueFalse],
        difficulties: vec![Difficulty::Easy],
        ..GenerateOptions::default()
    };
    let drawn = generator.draw(&options, &mut SeededRng::from_seed(3));
    assert_eq!(drawn.len(), 5);
    assert!(
        drawn
            .iter()
            .all(|q| q.body == Body::TrueFalse { answer: true }
                || q.body == Body::TrueFalse { answer: false })
    );
    assert!(drawn.iter().all(|q| q.difficulty == Difficulty::Easy));
    let everything = generator.draw(
        &GenerateOptions {
            count: 10_000,
            ..GenerateOptions::default()
        },
        &mut SeededRng::from_seed(1),
    );
    assert!(
        everything.len() < generator.len(),
        "same-thing questions are left out"
    );
    check_set(&everything);
    let asked: Vec<String> = drawn.iter().map(|q| q.id.clone()).collect();
    let next = generator.draw(
        &GenerateOptions {
            count: 5,
            types: vec![QuestionType::TrueFalse],
            exclude: asked.clone(),
            ..GenerateOptions::default()
        },
        &mut SeededRng::from_seed(3),
    );
    assert!(
        next.iter().all(|q| !asked.contains(&q.id)),
        "excluded ids come back"
    );
    let only_crew = generator.all(&GenerateOptions {
        categories: vec!["crew".into()],
        ..GenerateOptions::default()
    });
    assert!(!only_crew.is_empty() && only_crew.iter().all(|q| q.category == "Crew"));
}

#[test]
fn true_and_false_statements_are_drawn_evenly() {
    let generator = &shipped().generator;
    let mut answers = [0usize; 2];
    for seed in 0..40 {
        let drawn = generator.draw(
            &GenerateOptions {
                count: 10,
                types: vec![QuestionType::TrueFalse],
                ..GenerateOptions::default()
            },
            &mut SeededRng::from_seed(seed),
        );
        for question in drawn {
            if let Body::TrueFalse { answer } = question.body {
                answers[usize::from(answer)] += 1;
            }
        }
    }
    assert!(answers[0] > 150 && answers[1] > 150, "{answers:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_seed_draws_a_sound_set(
        seed in any::<u64>(),
        count in 1usize..40,
        which in 0usize..3,
        kinds in proptest::sample::subsequence(QuestionType::ALL.to_vec(), 0..=3),
    ) {
        let fixture = fixtures()[which];
        let options = GenerateOptions { count, types: kinds.clone(), ..GenerateOptions::default() };
        let drawn = fixture.generator.draw(&options, &mut SeededRng::from_seed(seed));
        prop_assert!(drawn.len() <= count);
        if kinds.is_empty() {
            prop_assert!(drawn.len() == count || drawn.len() >= 10);
        }
        for question in &drawn {
            prop_assert!(kinds.is_empty() || kinds.contains(&question.body.question_type()));
            check(fixture, question);
        }
        check_set(&drawn);
        let again = fixture.generator.draw(&options, &mut SeededRng::from_seed(seed));
        prop_assert_eq!(drawn, again);
    }
}

// ---------------------------------------------------------------- command line and golden files

fn generate_json(seed: &str) -> String {
    let output = trivia()
        .args([
            "generate", "--seed", seed, "--count", "12", "--format", "json", "--facts",
        ])
        .arg(data("facts/cinema.toml"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn golden_seed_1() {
    assert_golden("generate-seed-1.json", &generate_json("1"));
}

#[test]
fn golden_seed_2() {
    assert_golden("generate-seed-2.json", &generate_json("2"));
}

#[test]
fn toml_output_is_a_valid_pack_that_loads_back_to_the_same_questions() {
    let output = trivia()
        .args(["generate", "--all", "--format", "toml", "--facts"])
        .arg(data("facts/cinema.toml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut diagnostics = Diagnostics::default();
    let pack = pack::load_source(
        &SourceFile::new("generated.toml", text.as_str()),
        &mut diagnostics,
    )
    .unwrap_or_else(|| panic!("{:?}", diagnostics.items));
    assert!(diagnostics.items.is_empty(), "{:?}", diagnostics.items);
    // Named after the fact base (cinema.toml declares no id: its file name stands in); question ids
    // start with the pack id.
    assert_eq!(pack.meta.id, "cinema-all");
    assert_eq!(pack.meta.title, "cinema");
    let unprefixed: Vec<_> = pack
        .questions
        .iter()
        .cloned()
        .map(|mut question| {
            let own = question
                .id
                .strip_prefix("cinema-all-")
                .expect("prefixed id");
            question.id = format!("g-{own}");
            question
        })
        .collect();
    assert_eq!(unprefixed, all(cinema()));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("generated.toml");
    fs::write(&file, &text).unwrap();
    trivia()
        .args(["pack", "validate"])
        .arg(&file)
        .assert()
        .success();
}

/// Regression: every generated pack was `generated-all` with ids that did not say where they came from,
/// so two of them could not be loaded together.
#[test]
fn two_generated_packs_load_and_play_together() {
    let dir = tempfile::tempdir().unwrap();
    let generate = |args: &[&str], file: &str| {
        let output = trivia()
            .arg("generate")
            .args(args)
            .arg("--facts")
            .arg(data("facts/bands.toml"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let path = dir.path().join(file);
        fs::write(&path, output.stdout).unwrap();
        path
    };
    let first = generate(&["--seed", "1", "--count", "30"], "one.toml");
    let second = generate(&["--seed", "2", "--count", "30"], "two.toml");
    let third = generate(
        &["--all", "--id", "my-bands", "--title", "My bands"],
        "three.toml",
    );
    let report = pack::load_report(&[first.clone(), second.clone(), third.clone()]);
    assert!(report.is_valid(), "{:#?}", report.diagnostics);
    let ids: Vec<&str> = report
        .packs
        .iter()
        .map(|p| p.pack.meta.id.as_str())
        .collect();
    assert_eq!(ids, ["bands-seed-1", "bands-seed-2", "my-bands"]);
    assert_eq!(report.packs[2].pack.meta.title, "My bands");
    assert!(
        report.packs[2]
            .pack
            .questions
            .iter()
            .all(|q| q.id.starts_with("my-bands-"))
    );
    // The draws overlap (the same question in both), yet every id is distinct across the packs.
    let prompts = |n: usize| -> Vec<&str> {
        report.packs[n]
            .pack
            .questions
            .iter()
            .map(|q| q.prompt.as_str())
            .collect()
    };
    assert!(prompts(0).iter().any(|prompt| prompts(1).contains(prompt)));
    trivia()
        .args([
            "play",
            "--no-history",
            "--count",
            "3",
            "--seed",
            "1",
            "--pack",
        ])
        .arg(&first)
        .arg("--pack")
        .arg(&second)
        .write_stdin("A\nA\nA\nA\nA\nA\n")
        .assert()
        .success();
}

#[test]
fn shipped_questions_make_a_valid_pack() {
    let output = trivia().args(["generate", "--all"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut diagnostics = Diagnostics::default();
    let pack = pack::load_source(
        &SourceFile::new("shipped.toml", text.as_str()),
        &mut diagnostics,
    );
    assert!(diagnostics.items.is_empty(), "{:?}", diagnostics.items);
    assert_eq!(pack.unwrap().questions.len(), shipped().generator.len());
}

#[test]
fn stats_report_coverage_and_counts() {
    let output = trivia()
        .args(["generate", "--all", "--stats", "--facts"])
        .arg(data("facts/cinema.toml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let facts = cinema().base.facts.len();
    assert!(
        text.starts_with(&format!(
            "facts yielding at least one question: {facts} of {facts} (100.0%)\n"
        )),
        "{text}"
    );
    for kind in QuestionType::ALL {
        assert!(text.contains(kind.as_str()), "{text}");
    }
    assert!(text.contains("by difficulty:\n  easy"));
    let json = trivia()
        .args([
            "generate", "--stats", "--format", "json", "--seed", "4", "--count", "6", "--facts",
        ])
        .arg(data("facts/cinema.toml"))
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["set"]["questions"], 6);
    assert_eq!(value["coverage"]["facts"], facts);
}

#[test]
fn type_and_difficulty_filters_reach_the_draw() {
    let output = trivia()
        .args([
            "generate",
            "--seed",
            "9",
            "--count",
            "4",
            "--type",
            "quote,order",
            "--difficulty",
            "hard",
            "--format",
            "json",
            "--facts",
        ])
        .arg(data("facts/cinema.toml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let questions = value["questions"].as_array().unwrap();
    assert!(!questions.is_empty());
    if questions.len() < 4 {
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("note: only "));
    }
    for question in questions {
        assert!(["quote", "order"].contains(&question["type"].as_str().unwrap()));
        assert_eq!(question["difficulty"], "hard");
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    for (args, needle) in [
        (
            &["generate", "--type", "essay"][..],
            "unknown question type `essay`",
        ),
        (
            &["generate", "--facts", "no/such/file.toml"][..],
            "no such file or folder",
        ),
    ] {
        let output = trivia().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(needle), "{stderr}");
    }
}
