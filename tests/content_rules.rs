//! Content checks: the promises the shipped content (`seeds/`, `questions/`) makes its players, each
//! stated once, here and nowhere else. Behaviour tests run on committed test content (`tests/data/`)
//! and do not count the shipped content; an author's edit can fail only these rules (and the one
//! short shipped-content golden transcript).

use trivia::facts::FactBase;
use trivia::pack;
use trivia::question::QuestionType;

fn shipped_facts() -> FactBase {
    FactBase::embedded().expect("the shipped fact base is valid (see `trivia facts check seeds`)")
}

/// Rule: the shipped fact base is rich enough for varied games: at least 150 facts about at least
/// 60 entities, drawn from all five articles, with every disagreement between them recorded (at least
/// five are known).
#[test]
fn content_rule_the_fact_base_holds_150_facts_60_entities_5_disagreements_5_articles() {
    let summary = shipped_facts().summary();
    assert!(summary.facts >= 150, "only {} facts", summary.facts);
    assert!(summary.entities >= 60, "only {} entities", summary.entities);
    assert!(
        summary.disagreements >= 5,
        "only {} disagreements",
        summary.disagreements
    );
    assert_eq!(shipped_facts().articles.len(), 5);
}

/// Rule: the bundled Defiant Ones pack holds at least 45 hand-written questions, at least 3 of every
/// question type.
#[test]
fn content_rule_the_bundled_pack_holds_45_questions_3_of_each_type() {
    let pack = pack::bundled()
        .into_iter()
        .find(|pack| pack.meta.id == "defiant-ones")
        .expect("the Defiant Ones pack is bundled");
    assert!(pack.questions.len() >= 45, "{}", pack.questions.len());
    for (kind, count) in QuestionType::ALL.iter().zip(pack.type_counts()) {
        assert!(count >= 3, "only {count} {kind} questions");
    }
}

/// Rule: the shipped content offers a default game plenty to draw from: more than 500 questions,
/// generated and hand-written together.
#[test]
fn content_rule_the_shipped_content_offers_more_than_500_questions() {
    let generated = trivia::generate::generate_all(&shipped_facts()).len();
    let written: usize = pack::bundled()
        .iter()
        .map(|pack| pack.questions.len())
        .sum();
    assert!(
        generated + written > 500,
        "{generated} generated + {written} hand-written"
    );
}

/// Rule: at least nine facts in ten of the shipped fact base yield a generated question (a fact no
/// template can ask is dead weight for players).
#[test]
fn content_rule_nine_shipped_facts_in_ten_yield_a_question() {
    let coverage = trivia::generate::Generator::new(&shipped_facts()).coverage();
    assert!(
        coverage.ratio() >= 0.9,
        "{} of {} facts covered; uncovered: {:#?}",
        coverage.covered,
        coverage.facts,
        coverage.uncovered
    );
}
