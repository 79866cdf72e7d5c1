//! Which fact goes beside the answer, and how: readers took a second fact from another topic ("Iovine
//! produced records for U2 and co-founded Beats Electronics.", "... and considers it the best work of
//! his career so far.") for the clearest mark of a machine. These tests pin what replaced it on the
//! shipped base: more of the same relation, two roles said in one frame, and the relations an author
//! names in `explain_with` taught under a true statement as under a question.

use trivia::facts::FactBase;
use trivia::generate::generate_all;
use trivia::question::{Body, Question};

fn shipped() -> Vec<Question> {
    generate_all(&FactBase::embedded().unwrap())
}

fn explained<'q>(questions: &'q [Question], prompt: &str) -> Vec<&'q str> {
    let found: Vec<&str> = questions
        .iter()
        .filter(|question| question.prompt == prompt)
        .map(|question| question.explanation.as_str())
        .collect();
    assert!(!found.is_empty(), "no question asks {prompt:?}");
    found
}

#[test]
fn regression_one_of_a_short_list_is_followed_by_the_rest_of_it() {
    // "Iovine produced records for U2 and co-founded Beats Electronics." was a fact from elsewhere.
    let questions = shipped();
    for (prompt, rest) in [
        (
            "Jimmy Iovine produced records for U2.",
            "Tom Petty and Stevie Nicks",
        ),
        (
            "Jimmy Iovine produced records for Tom Petty.",
            "Stevie Nicks and U2",
        ),
    ] {
        for explanation in explained(&questions, prompt) {
            assert!(
                explanation.ends_with(&format!("Iovine also produced records for {rest}.")),
                "{explanation}"
            );
        }
    }
}

#[test]
fn regression_two_roles_of_one_person_are_said_in_one_frame() {
    // "Allen Hughes is credited as a producer of the series and considers it the best work of his
    // career so far." and "... Hughes is credited as a writer of the series." read as two facts glued;
    // two verbs of one object are said once.
    let questions = shipped();
    let producer = explained(&questions, "Which of these people produced the series?");
    assert!(
        producer.contains(&"Allen Hughes co-produced and co-wrote the series."),
        "{producer:?}"
    );
    let writer = explained(&questions, "Who co-wrote the series?");
    assert!(
        writer.contains(&"Doug Pray co-wrote and co-edited the series."),
        "{writer:?}"
    );
    // No credit is explained by what the person thinks of the work.
    for question in questions
        .iter()
        .filter(|q| q.prompt.contains("credited") || q.prompt.contains("produced the series"))
    {
        assert!(
            !question.explanation.contains("the best work of his career"),
            "{}",
            question.explanation
        );
    }
}

#[test]
fn regression_a_start_time_and_a_date_are_one_airing() {
    // "Part 1 first aired on July 9, 2017 and premiered at 9:00 p.m. on HBO." said the premiere twice.
    let questions = shipped();
    for explanation in explained(
        &questions,
        "On what date did Part 1 premiere on television?",
    ) {
        assert_eq!(
            explanation,
            "Part 1 first aired on July 9, 2017 at 9:00 p.m. on HBO."
        );
    }
    for explanation in explained(
        &questions,
        "At what time of the evening did Part 1 premiere?",
    ) {
        assert_eq!(
            explanation,
            "Part 1 first aired at 9:00 p.m. on HBO on July 9, 2017."
        );
    }
    for question in questions
        .iter()
        .filter(|q| q.explanation.starts_with("Part 1 first aired"))
    {
        assert!(
            !(question.explanation.contains("first aired")
                && question.explanation.contains("premiered")),
            "{}",
            question.explanation
        );
    }
}

#[test]
fn regression_a_true_statement_is_explained_as_its_author_says() {
    // Under "The London premiere was held at the Ritzy." the explanation gave the
    // press tour's hotel; the relation's author names where the venue is.
    let questions = shipped();
    let statement = questions
        .iter()
        .find(|q| {
            q.prompt == "The London premiere was held at the Ritzy."
                && matches!(q.body, Body::TrueFalse { answer: true })
        })
        .expect("the statement is generated");
    assert_eq!(
        statement.explanation,
        "The London premiere was held at the Ritzy, which is in Brixton."
    );
    // A false statement keeps its contrast: the true venue, not more about the false one.
    let false_one = questions
        .iter()
        .find(|q| q.prompt == "The London premiere was held at Odeon Leicester Square.")
        .expect("the false statement is generated");
    assert!(
        false_one
            .explanation
            .starts_with("The London premiere was held at the Ritzy")
    );
}

#[test]
fn regression_more_about_a_part_after_its_summary_reads_also() {
    // "In Part 4, Napster threatens ... Part 4 covers Eminem." read as a fact pasted on; after the
    // part's own summary, more about the part continues it.
    let questions = shipped();
    let prompt = "Which part shows how Napster threatens the music business and Beats leads to the \
                  Apple megadeal?";
    for explanation in explained(&questions, prompt) {
        assert_eq!(
            explanation,
            "Part 4 shows how Napster threatens the music business and Beats leads to the Apple \
             megadeal. It also features Eminem."
        );
    }
    // Not about the quiz's own subject, whose other facts are not "more of" one review's verdict.
    for question in &questions {
        assert!(
            !question.explanation.contains("also reviewed the series"),
            "{}",
            question.explanation
        );
    }
}

#[test]
fn regression_a_review_score_is_explained_by_what_the_critics_said() {
    // "On Rotten Tomatoes, the series scores 100% of 25 critics; on Metacritic, it has a weighted
    // average score of 76 ...": readers called a second score a dull figure beside the first. The
    // relation's author names the critics' consensus, a quotation, as what explains it.
    let questions = shipped();
    let prompt =
        "On Rotten Tomatoes, what percentage of critics' reviews of the series are positive?";
    for explanation in explained(&questions, prompt) {
        assert!(
            explanation.contains("consensus") && explanation.contains("\"a compelling"),
            "{explanation}"
        );
    }
}
