//! How the generator rates its questions (difficulty, and the quality score that keeps pointless ones
//! out of the default game), pinned on fact bases of a few invented facts, so that each rule alone
//! decides the rating it checks.

use trivia::generate::{Generator, generate_all};
use trivia::question::{Body, Difficulty, Question, QuestionType};

use crate::support::{choices, entity_table, fact_table, small_base};

#[test]
fn a_statement_attributed_to_one_source_is_rated_harder_than_the_same_statement_plain() {
    // "According to the test notes, which of these films did Anna Lind direct?" is a step harder than
    // the same question when no source disagrees.
    let plain = r#"
[[relation]]
id = "directed_by"
subject = ["film"]
object = ["person"]
cardinality = "one"
category = "Crew"
ask_object = ["Who directed {subject}?"]
ask_subject = ["Which of these films did {object} direct?"]
statement = "{subject} was directed by {object}."

[[entity]]
id = "night-harbor"
name = "Night Harbor"
kind = "film"
prominence = 1

"#
    .to_string()
        + &[
            ("glass-coast", "Glass Coast", "film"),
            ("iron-bay", "Iron Bay", "film"),
            ("red-meadow", "Red Meadow", "film"),
            ("anna", "Anna Lind", "person"),
            ("ben", "Ben Okafor", "person"),
            ("cara", "Cara Holm", "person"),
            ("dan", "Dan Pryce", "person"),
            ("eve", "Eve Marsh", "person"),
        ]
        .iter()
        .map(|(id, name, kind)| entity_table(id, name, kind))
        .collect::<String>()
        + &[
            ("glass-coast", "ben"),
            ("iron-bay", "cara"),
            ("red-meadow", "dan"),
        ]
        .iter()
        .map(|(film, person)| fact_table(film, "directed_by", &format!("\"{person}\"")))
        .collect::<String>()
        + "[[fact]]\nid = \"by-anna\"\nsubject = \"night-harbor\"\nrelation = \"directed_by\"\n\
           object = \"anna\"\nsources = [{ article = \"notes\", evidence = \"directed by Anna Lind\" }]\n\n";
    let disputed = plain.clone()
        + r#"
[[article]]
file = "wire.txt"
title = "A wire report"
label = "the wire report"

[[fact]]
id = "by-eve"
subject = "night-harbor"
relation = "directed_by"
object = "eve"
sources = [{ article = "wire.txt", evidence = "directed by Eve Marsh" }]

[[disagreement]]
id = "night-harbor-director"
topic = "Who directed Night Harbor"

[[disagreement.side]]
claim = "Anna Lind directed it."
facts = ["by-anna"]
sources = [{ article = "notes", evidence = "directed by Anna Lind" }]

[[disagreement.side]]
claim = "Eve Marsh directed it."
facts = ["by-eve"]
sources = [{ article = "wire.txt", evidence = "directed by Eve Marsh" }]
"#;
    let difficulty_of = |body: &str, prompt: &str| -> Difficulty {
        let questions = generate_all(&small_base(body));
        let asked = choices(&questions, prompt);
        assert_eq!(asked.len(), 1, "{prompt}: {questions:#?}");
        asked[0].difficulty
    };
    assert_eq!(
        difficulty_of(&plain, "Which of these films did Anna Lind direct?"),
        Difficulty::Easy
    );
    assert_eq!(
        difficulty_of(
            &disputed,
            "According to the test notes, which of these films did Anna Lind direct?"
        ),
        Difficulty::Medium
    );
}

#[test]
fn a_dozen_is_counted_not_remembered_but_thirteen_is_a_figure() {
    // "Night Harbor has 12 episodes." and "Filming Night Harbor took 12 years." are as easy as any
    // statement; 13 is a figure to remember, a step harder.
    let mut body = r#"
[[relation]]
id = "episodes"
subject = ["series"]
value = "integer"
category = "Episodes"
ask_object = ["How many episodes does {subject} have?"]
statement = "{subject} has {object} episodes."

[[relation]]
id = "filming_time"
subject = ["series"]
value = "duration"
category = "Production"
ask_object = ["How long did filming {subject} take?"]
statement = "Filming {subject} took {object}."
"#
    .to_string();
    body.push_str(&entity_table("night-harbor", "Night Harbor", "series"));
    body.push_str(&entity_table("glass-coast", "Glass Coast", "series"));
    for (series, amount) in [("night-harbor", 12), ("glass-coast", 13)] {
        body.push_str(&fact_table(series, "episodes", &amount.to_string()));
        body.push_str(&fact_table(
            series,
            "filming_time",
            &format!("{{ amount = {amount}, unit = \"years\" }}"),
        ));
    }
    let questions = generate_all(&small_base(&body));
    for (series, expected) in [
        ("Night Harbor", Difficulty::Easy),
        ("Glass Coast", Difficulty::Medium),
    ] {
        for relation in ["episodes", "filming_time"] {
            let statements: Vec<&Question> = questions
                .iter()
                .filter(|q| {
                    matches!(q.body, Body::TrueFalse { .. })
                        && q.prompt.contains(series)
                        && q.tags.iter().any(|tag| tag == relation)
                })
                .collect();
            assert!(
                !statements.is_empty(),
                "{series} {relation}: {questions:#?}"
            );
            for question in statements {
                assert_eq!(question.difficulty, expected, "{question:#?}");
            }
        }
    }
}

/// Night Harbor's director, genre, awards, release year and a quotation's speaker, each told one way by
/// the test notes and another by a wire report; three other films and their directors told once.
fn disputed_film() -> String {
    let mut body = r#"
[[article]]
file = "wire.txt"
id = "wire"
title = "A wire report"
label = "the wire report"

[[relation]]
id = "directed_by"
subject = ["film"]
object = ["person"]
cardinality = "one"
inverse = "one"
category = "Crew"
ask_object = ["Who directed {subject}?"]
ask_subject = ["Which of these films did {object} direct?"]
statement = "{subject} was directed by {object}."

[[relation]]
id = "genre"
subject = ["film"]
value = "text"
category = "Films"
ask_object = ["Which genre is {subject}?"]
statement = "{subject} is a {object} film."

[[relation]]
id = "awards"
subject = ["film"]
value = "integer"
category = "Awards"
ask_object = ["How many awards did {subject} win?"]
statement = "{subject} won {object} awards."

[[relation]]
id = "released"
subject = ["film"]
value = "date"
category = "Films"
ask_object = ["In what year was {subject} released?"]
statement = "{subject} was released in {object}."

[[relation]]
id = "said"
subject = ["person"]
value = "quote"
cardinality = "many"
category = "Quotes"
ask_subject = ["Who said {object}?"]
statement = "{subject} said \"{object}\"."

"#
    .to_string();
    for (id, name, kind) in [
        ("night-harbor", "Night Harbor", "film"),
        ("glass-coast", "Glass Coast", "film"),
        ("iron-bay", "Iron Bay", "film"),
        ("red-meadow", "Red Meadow", "film"),
        ("anna", "Anna Lind", "person"),
        ("eve", "Eve Marsh", "person"),
        ("ben", "Ben Okafor", "person"),
        ("cara", "Cara Holm", "person"),
        ("dan", "Dan Pryce", "person"),
    ] {
        body.push_str(&entity_table(id, name, kind));
    }
    for (film, director, genre, awards, year) in [
        ("glass-coast", "ben", "comedy", 13, 2011),
        ("iron-bay", "cara", "musical", 21, 2009),
        ("red-meadow", "dan", "drama", 30, 2004),
    ] {
        body.push_str(&fact_table(film, "directed_by", &format!("\"{director}\"")));
        body.push_str(&fact_table(film, "genre", &format!("\"{genre}\"")));
        body.push_str(&fact_table(film, "awards", &awards.to_string()));
        body.push_str(&fact_table(film, "released", &format!("\"{year}\"")));
    }
    let sides = [
        (
            "director",
            "night-harbor",
            "directed_by",
            "\"anna\"",
            "\"eve\"",
        ),
        (
            "genre",
            "night-harbor",
            "genre",
            "\"thriller\"",
            "\"mystery\"",
        ),
        ("awards", "night-harbor", "awards", "14", "17"),
        (
            "released",
            "night-harbor",
            "released",
            "\"2015\"",
            "\"2016\"",
        ),
    ];
    for (topic, subject, relation, notes, wire) in sides {
        for (side, object) in [("notes", notes), ("wire", wire)] {
            body.push_str(&format!(
                "[[fact]]\nid = \"{topic}-{side}\"\nsubject = \"{subject}\"\nrelation = \"{relation}\"\n\
                 object = {object}\nsources = [{{ article = \"{side}\", evidence = \"as told\" }}]\n\n"
            ));
        }
        body.push_str(&disagreement(topic));
    }
    for (speaker, side) in [("anna", "notes"), ("eve", "wire")] {
        body.push_str(&format!(
            "[[fact]]\nid = \"quote-{side}\"\nsubject = \"{speaker}\"\nrelation = \"said\"\n\
             object = \"We shot it all in one winter.\"\n\
             sources = [{{ article = \"{side}\", evidence = \"as told\" }}]\n\n"
        ));
    }
    body.push_str(&disagreement("quote"));
    // Salt Coast: the notes give its director, genre and year, which the wire report's account of
    // it contradicts as a whole; each fact is still its subject's only one of its relation.
    body.push_str(&entity_table("salt-coast", "Salt Coast", "film"));
    let salt_coast = [
        ("salt-coast-notes", "directed_by", "\"eve\"", "notes"),
        ("salt-coast-genre", "genre", "\"horror\"", "notes"),
        ("salt-coast-year", "released", "\"2013\"", "notes"),
        ("salt-coast-wire", "awards", "19", "wire"),
    ];
    for (id, relation, object, article) in salt_coast {
        body.push_str(&format!(
            "[[fact]]\nid = \"{id}\"\nsubject = \"salt-coast\"\nrelation = \"{relation}\"\n\
             object = {object}\nsources = [{{ article = \"{article}\", evidence = \"as told\" }}]\n\n"
        ));
    }
    body.push_str(
        "[[disagreement]]\nid = \"salt-coast\"\ntopic = \"Salt Coast\"\n\n\
         [[disagreement.side]]\nclaim = \"As the notes tell it.\"\n\
         facts = [\"salt-coast-notes\", \"salt-coast-genre\", \"salt-coast-year\"]\n\
         sources = [{ article = \"notes\", evidence = \"as told\" }]\n\n\
         [[disagreement.side]]\nclaim = \"As the wire report tells it.\"\nfacts = [\"salt-coast-wire\"]\n\
         sources = [{ article = \"wire\", evidence = \"as told\" }]\n\n",
    );
    body
}

/// A `[[disagreement]]` between facts `{topic}-notes` and `{topic}-wire`.
fn disagreement(topic: &str) -> String {
    let side = |side: &str| {
        format!(
            "[[disagreement.side]]\nclaim = \"As the {side} tell it.\"\nfacts = [\"{topic}-{side}\"]\n\
             sources = [{{ article = \"{side}\", evidence = \"as told\" }}]\n\n"
        )
    };
    format!(
        "[[disagreement]]\nid = \"{topic}\"\ntopic = \"The {topic}\"\n\n{}{}",
        side("notes"),
        side("wire")
    )
}

#[test]
fn every_question_asked_according_to_one_source_scores_lower_whatever_its_type() {
    // The quality score takes 10 points from a question asked "according to" one source, whichever
    // builder made it: entity and text options, typed names and words, the reverse direction, amounts,
    // dates, quotations and true/false statements.
    let base = small_base(&disputed_film());
    let generator = Generator::new(&base);
    let mut types = Vec::new();
    for (question, quality) in generator.scored() {
        let attributed = question.prompt.to_lowercase().contains("according to");
        let scored = quality
            .reasons
            .iter()
            .any(|reason| reason.starts_with("asked according to one source"));
        assert_eq!(scored, attributed, "{question:#?} {quality:#?}");
        if attributed && !types.contains(&question.body.question_type()) {
            types.push(question.body.question_type());
        }
    }
    for kind in [
        QuestionType::MultipleChoice,
        QuestionType::FreeText,
        QuestionType::Numeric,
        QuestionType::Date,
        QuestionType::Quote,
        QuestionType::TrueFalse,
    ] {
        assert!(types.contains(&kind), "no attributed {kind:?}: {types:?}");
    }
}
