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
        "What is the series' weighted average score on Metacritic?",
    );
    assert!(!metacritic.is_empty());
    for explanation in metacritic {
        assert!(
            explanation.contains("; on Rotten Tomatoes, it has a rating of 100%"),
            "{explanation}"
        );
    }
    // Named again after a verb in the same sentence: "Liberty Ross attended it".
    assert!(questions.iter().any(|q| q.explanation
        == "Luke Wood hosted the Q&A at the London premiere; Liberty Ross attended it."));
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
fn small_counts_read_as_words_in_sentences_and_as_figures_in_answers() {
    let questions = shipped();
    let parts = questions
        .iter()
        .find(|q| q.prompt == "In how many parts did the series air?")
        .expect("asked");
    assert_eq!(parts.body.answer_text(), "4");
    assert!(
        parts.explanation.contains("has four parts"),
        "{}",
        parts.explanation
    );
    // A statement to judge reads as a writer puts it, too: "The series has four parts."
    assert!(
        questions
            .iter()
            .any(|q| q.prompt == "The series has four parts.")
    );
    assert!(
        !questions
            .iter()
            .any(|q| q.prompt == "The series has 4 parts.")
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

#[test]
fn regression_an_explanation_teaches_what_the_relation_s_author_says_explains_it() {
    // "The editors of the series dubbed its frequent reaction shots the \"Empathy Cut\". The series
    // focuses on the career of Jimmy Iovine and Dr. Dre." read as a fact pasted on, and readers
    // took the editors' credits after it for one too; the shipped relation names the critic who
    // remarked on the reaction shots as what explains it (`explain_with`).
    let questions = shipped();
    let empathy = explained(
        &questions,
        "What did the series' editors nickname its frequent reaction shots?",
    );
    assert_eq!(
        empathy,
        [
            "The series' editors nicknamed its frequent reaction shots the \"Empathy Cut\". \
             Jem Aswad remarked on the reaction shots in a review of the series."
        ]
    );
    let parts = explained(&questions, "In how many parts did the series air?");
    assert_eq!(
        parts,
        ["The series has four parts and first aired on four consecutive nights."]
    );
}

#[test]
fn explain_with_works_through_the_entity_the_question_is_about_on_any_base() {
    // An invented base: a club's founding year explained with its founder, as its relation says,
    // not with the ground it plays at, the fact the topic alone would pick.
    let facts = r#"
[[article]]
file = "club.txt"
title = "Club notes"
label = "the club notes"

[[kind]]
id = "club"
broader = "organization"

[[relation]]
id = "founded_in"
subject = ["club"]
value = "date"
category = "History"
ask_object = ["In what year was {subject} founded?"]
statement = "{subject} was founded in {object}."
explain_with = ["founded_by"]

[[relation]]
id = "founded_by"
subject = ["club"]
object = ["person"]
category = "People"
ask_object = ["Who founded {subject}?"]
statement = "{subject} was founded by {object}."

[[relation]]
id = "plays_at"
subject = ["club"]
object = ["venue"]
category = "History"
ask_object = ["Where does {subject} play?"]
statement = "{subject} plays at {object}."
interest = 3

[[entity]]
id = "harbour-rovers"
name = "Harbour Rovers"
kind = "club"
main = true

[[entity]]
id = "ada-quill"
name = "Ada Quill"
kind = "person"

[[entity]]
id = "mill-lane"
name = "Mill Lane"
kind = "venue"

[[fact]]
subject = "harbour-rovers"
relation = "founded_in"
object = "1887"
sources = [{ article = "club.txt", evidence = "founded in 1887" }]

[[fact]]
subject = "harbour-rovers"
relation = "founded_by"
object = "ada-quill"
sources = [{ article = "club.txt", evidence = "founded by Ada Quill" }]

[[fact]]
subject = "harbour-rovers"
relation = "plays_at"
object = "mill-lane"
sources = [{ article = "club.txt", evidence = "play at Mill Lane" }]
"#;
    let base =
        trivia::facts::load_sources(vec![trivia::tomldoc::SourceFile::new("club.toml", facts)]);
    let base = match base {
        Ok(base) => base,
        Err(problems) => panic!("{problems:?}"),
    };
    let questions = generate_all(&base);
    let founded = explained(&questions, "In what year was Harbour Rovers founded?");
    assert!(!founded.is_empty());
    for explanation in founded {
        assert!(explanation.contains("Ada Quill"), "{explanation}");
        assert!(!explanation.contains("Mill Lane"), "{explanation}");
    }
}

#[test]
fn a_draw_spreads_its_questions_over_the_topics() {
    // Three questions on the sale of Beats in one draw of 20 ("What is the largest acquisition in
    // the history of Apple?", "In what form was the price of Beats Electronics paid?", "Beats
    // Electronics was sold for US$3.5 billion.") read as one question asked three ways. A draw
    // takes at most two questions about any one entity other than the quiz's subject while others
    // are left.
    let base = FactBase::embedded().unwrap();
    let facts: std::collections::HashMap<String, &trivia::facts::Fact> = base
        .facts
        .iter()
        .map(|fact| (trivia::generate::fact_name(fact), fact))
        .collect();
    let main = base.entities.iter().find(|e| e.main).unwrap().id.clone();
    let mut spread = 0;
    for (seed, drawn) in crate::support::shipped_draws(0..20, 20) {
        let mut per_entity: std::collections::HashMap<String, usize> = Default::default();
        for question in &drawn {
            let Some(fact) = question
                .tags
                .iter()
                .find_map(|tag| tag.strip_prefix("fact:"))
                .and_then(|name| facts.get(name))
            else {
                continue;
            };
            let mut ends = vec![fact.subject.clone()];
            if let trivia::facts::Object::Entity(id) = &fact.object {
                ends.push(id.clone());
            }
            for end in ends.into_iter().filter(|end| *end != main) {
                *per_entity.entry(end).or_default() += 1;
            }
        }
        let most = per_entity.values().copied().max().unwrap_or(0);
        assert!(most <= 4, "seed {seed}: {per_entity:?}");
        if most <= 2 {
            spread += 1;
        }
    }
    // The people the series is about come up again once the other topics run out. Without the
    // spread, 5 of these 20 draws kept to two questions per topic and one held five on Allen
    // Hughes; with it, 14.
    assert!(
        spread >= 12,
        "only {spread} of 20 draws keep to two questions per topic"
    );
}

#[test]
fn regression_a_description_that_answers_another_question_is_not_drawn_beside_it() {
    // "Jimmy Iovine, a record producer and music executive from Brooklyn, said this at the London
    // premiere." in the same draw as "Where does Jimmy Iovine come from?": the description gave
    // the answer away. A description naming what one of its entity's facts links it to teaches
    // that fact, and a draw keeps the two apart.
    for (seed, drawn) in crate::support::shipped_draws(0..40, 20) {
        let asks_brooklyn = drawn
            .iter()
            .any(|question| question.body.answer_text() == "Brooklyn");
        let tells_brooklyn = drawn.iter().any(|question| {
            question.body.answer_text() != "Brooklyn"
                && question.explanation.contains("from Brooklyn")
        });
        assert!(
            !(asks_brooklyn && tells_brooklyn),
            "seed {seed}: one question gives another's answer away"
        );
    }
}
