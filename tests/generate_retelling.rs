//! How a generated explanation names things the second time and when: short names, "it" for the
//! thing a clause just named, counts in words. Readers took every name given in full again ("On
//! Metacritic, the series has ...; on Rotten Tomatoes, the series scores ...") for the mark of a
//! machine.

use trivia::facts::{FactBase, load_paths};
use trivia::generate::generate_all;
use trivia::question::Question;

fn shipped() -> Vec<Question> {
    generate_all(&FactBase::embedded().unwrap())
}

fn base(path: &str) -> Vec<Question> {
    generate_all(&load_paths(&[path.into()]).unwrap())
}

fn explained<'q>(questions: &'q [Question], prompt: &str) -> Vec<&'q str> {
    questions
        .iter()
        .filter(|question| question.prompt == prompt)
        .map(|question| question.explanation.as_str())
        .collect()
}

#[test]
fn regression_a_thing_named_again_in_one_explanation_is_it() {
    let questions = shipped();
    let metacritic = explained(
        &questions,
        "What is the weighted average score of the series on Metacritic?",
    );
    assert!(!metacritic.is_empty());
    for explanation in metacritic {
        assert!(
            explanation.contains("; on Rotten Tomatoes, it scores "),
            "{explanation}"
        );
    }
    // Named again after a verb in the same sentence: "and considers it the best work".
    assert!(questions.iter().any(|q| q
        .explanation
        .ends_with("is credited as a producer of the series and considers it the best work of his career so far.")));
}

#[test]
fn regression_a_person_named_in_the_prompt_goes_by_the_short_name() {
    let questions = shipped();
    let iovine = explained(&questions, "Where does Jimmy Iovine come from?");
    assert!(!iovine.is_empty());
    for explanation in iovine {
        assert!(
            explanation.starts_with("Iovine comes from Brooklyn"),
            "{explanation}"
        );
    }
}

#[test]
fn regression_a_person_of_a_kind_under_person_is_who_and_goes_by_the_last_name() {
    // An astronaut (a kind under person) was "Neil Armstrong, which was the 1st person ..." and
    // "It was the 3rd person to walk on the Moon", and never went by his last name.
    let questions = base("tests/data/facts/apollo");
    for question in &questions {
        let explanation = &question.explanation;
        for person in ["Armstrong", "Aldrin", "Conrad", "Bean", "Shepard", "Young"] {
            assert!(
                !explanation.contains(&format!("{person}, which ")),
                "{explanation}"
            );
        }
        assert!(!explanation.contains(". It was the "), "{explanation}");
    }
    assert!(
        questions
            .iter()
            .any(|q| q.explanation.starts_with("Armstrong commanded Apollo 11;")),
        "a commander named in the prompt goes by his last name in the explanation"
    );
}

#[test]
fn small_counts_read_as_words_in_explanations_only() {
    let questions = shipped();
    let parts = questions
        .iter()
        .find(|q| q.prompt == "Into how many episodes is the series divided?")
        .expect("asked");
    assert_eq!(parts.body.answer_text(), "4");
    assert!(
        parts.explanation.contains("has four parts"),
        "{}",
        parts.explanation
    );
    // Side by side, counts keep their figures: "8 days, 3 hours, 18 minutes and 35 seconds".
    for question in base("tests/data/facts/apollo") {
        assert!(
            !question.explanation.contains("eight days, three hours"),
            "{}",
            question.explanation
        );
    }
}
