//! Quality floors of generated questions, checked on the shipped fact base and every committed test
//! fact base (including one about another topic, `tests/data/facts/apollo.toml`); the regression tests
//! for each defect class readers found are in `generate_examples.rs`. The checks read the questions and
//! the raw fact files only; none calls the generator's phrasing or option helpers.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use trivia::facts::FactBase;
use trivia::game::Mode;
use trivia::game::select::{Filters, Pool, Source, select};
use trivia::generate::{Generator, generate_all};
use trivia::question::{Body, Question};

/// Every fact base the floors must hold on: the shipped one and every committed test base.
pub(crate) fn bases() -> Vec<(String, FactBase)> {
    let mut out = vec![("seeds".to_string(), FactBase::embedded().unwrap())];
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in ["tests/data/facts", "tests/data/game"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .filter(|path| !path.ends_with("pack.toml"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    for path in paths {
        let base = trivia::facts::load_paths(std::slice::from_ref(&path))
            .unwrap_or_else(|problems| panic!("{}: {problems:?}", path.display()));
        out.push((path.display().to_string(), base));
    }
    out
}

/// Lowercase words, for comparing texts.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub(crate) fn options(question: &Question) -> Vec<&str> {
    match &question.body {
        Body::MultipleChoice { options, .. }
        | Body::Quote { options, .. }
        | Body::SelectAll { options, .. } => options.iter().map(String::as_str).collect(),
        Body::Order { items, .. } => items.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Everything a player reads before answering.
pub(crate) fn shown(question: &Question) -> String {
    let mut text = question.prompt.clone();
    if let Body::Quote { quote, .. } = &question.body {
        text.push(' ');
        text.push_str(quote);
    }
    for option in options(question) {
        text.push(' ');
        text.push_str(option);
    }
    text
}

#[test]
fn every_multiple_choice_and_quote_question_has_four_options_on_every_base() {
    for (name, base) in bases() {
        for question in generate_all(&base) {
            if let Body::MultipleChoice { options, .. } | Body::Quote { options, .. } =
                &question.body
            {
                assert_eq!(options.len(), 4, "{name}: {question:#?}");
            }
        }
    }
}

#[test]
fn every_select_all_question_has_at_least_two_right_options_on_every_base() {
    // "Choose all that apply" over a single right option is a multiple choice in disguise: readers
    // took it for a broken question (the 1958 film's actors with one of its two stars left out).
    let mut seen = 0;
    for (name, base) in bases() {
        for question in generate_all(&base) {
            if let Body::SelectAll { answers, .. } = &question.body {
                seen += 1;
                assert!(answers.len() >= 2, "{name}: {question:#?}");
            }
        }
    }
    assert!(seen > 0, "no select-all question on any base");
}

#[test]
fn no_knowledge_base_label_reaches_question_text_on_every_base() {
    for (name, base) in bases() {
        // A label is an entity name ending in a parenthesis ("The Defiant Ones (1958 film)") or any
        // name the author replaced with a display name.
        let labels: Vec<&str> = base
            .entities
            .iter()
            .filter(|entity| {
                let written = |shown: &str| {
                    let with_article = match &entity.article {
                        Some(article) => format!("{article} {shown}"),
                        None => shown.to_string(),
                    };
                    entity.name.eq_ignore_ascii_case(shown)
                        || entity.name.eq_ignore_ascii_case(&with_article)
                };
                entity.name.trim_end().ends_with(')')
                    || entity
                        .display
                        .as_deref()
                        .is_some_and(|shown| !written(shown))
            })
            .map(|entity| entity.name.as_str())
            .collect();
        for question in generate_all(&base) {
            let text = format!("{} {}", shown(&question), question.explanation);
            for label in &labels {
                assert!(!text.contains(label), "{name}: `{label}` in {question:#?}");
            }
            assert!(
                !text.contains(" (1958 film)") && !text.contains("film)"),
                "{name}: {question:#?}"
            );
        }
    }
}

#[test]
fn no_prompt_carries_screen_instructions_on_every_base() {
    let instructions = [
        "true or false",
        "(within",
        "(give ",
        "give the full date",
        "earliest first",
        "type the",
        "type a",
        "(answer",
    ];
    for (name, base) in bases() {
        for question in generate_all(&base) {
            let prompt = question.prompt.to_lowercase();
            for instruction in instructions {
                assert!(!prompt.contains(instruction), "{name}: {question:#?}");
            }
        }
    }
}

/// An explanation says at least one word (of three letters or more) the player did not read in the
/// prompt, options or answer: a wrong option's other role ("Broderick Johnson is credited as a
/// producer of the series" under the composers) is one such word and is what the player needs.
#[test]
fn no_explanation_only_restates_the_prompt_on_every_base() {
    for (name, base) in bases() {
        for question in generate_all(&base) {
            let known: HashSet<String> = words(&format!(
                "{} {}",
                shown(&question),
                question.body.answer_text()
            ))
            .into_iter()
            .collect();
            let new: Vec<String> = words(&question.explanation)
                .into_iter()
                .filter(|word| !known.contains(word) && word.len() > 2)
                .collect();
            assert!(
                !new.is_empty(),
                "{name}: the explanation adds nothing ({new:?}): {question:#?}"
            );
        }
    }
}

#[test]
fn ids_survive_rewording_a_template_and_naming_an_entity_for_display() {
    let text = std::fs::read_to_string("tests/data/facts/cinema.toml").unwrap();
    let reworded = text
        .replace(
            "\"Who directed {subject}?\", \"Which filmmaker directed {subject}?\"",
            "\"Which person directed {subject}?\", \"Who was the director of {subject}?\"",
        )
        .replace(
            "name = \"Night Harbor\"\n",
            "name = \"Night Harbor\"\ndisplay = \"Night Harbor\"\nstyle = \"italic\"\n",
        );
    assert_ne!(text, reworded);
    let load = |text: &str| {
        trivia::facts::load_sources(vec![trivia::tomldoc::SourceFile::new("cinema.toml", text)])
            .unwrap()
    };
    let before: Vec<Question> = generate_all(&load(&text));
    let after: Vec<Question> = generate_all(&load(&reworded));
    let directed = |questions: &[Question]| -> BTreeSet<(String, String)> {
        questions
            .iter()
            .filter(|q| q.tags.iter().any(|tag| tag == "directed_by"))
            .map(|q| (q.id.clone(), q.body.answer_text()))
            .collect()
    };
    let (old, new) = (directed(&before), directed(&after));
    assert!(!old.is_empty());
    assert_eq!(old, new, "rewording changed ids");
    let prompts = |questions: &[Question]| -> BTreeSet<String> {
        questions.iter().map(|q| q.prompt.clone()).collect()
    };
    assert_ne!(prompts(&before), prompts(&after), "the wording did change");
}

#[test]
fn regression_every_generated_question_can_reach_a_game() {
    // Once 115 of 813 never could: the pool dropped repeated prompts.
    for (name, base) in bases() {
        let questions = generate_all(&base);
        let mut pool = Pool::new();
        let added = pool.extend(questions.clone(), Source::Generated);
        let distinct: HashSet<String> = questions
            .iter()
            .map(|q| format!("{}|{}", q.prompt, serde_json::to_string(&q.body).unwrap()))
            .collect();
        assert_eq!(added, distinct.len(), "{name}");
    }
}

#[test]
fn a_game_never_asks_two_questions_resting_on_the_same_fact() {
    let base = FactBase::embedded().unwrap();
    let mut pool = Pool::new();
    pool.extend(Generator::new(&base).playable(), Source::Generated);
    for seed in 0..20 {
        let chosen = select(
            &pool,
            &Filters::default(),
            Mode::Classic,
            Some(20),
            seed,
            &BTreeSet::new(),
        );
        let mut seen: HashSet<&str> = HashSet::new();
        for &index in &chosen {
            for fact in pool.get(index).facts() {
                assert!(seen.insert(fact), "seed {seed}: fact {fact} asked twice");
            }
        }
    }
}
