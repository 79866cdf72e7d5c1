//! Which options the generator offers, and the ladders and tolerances of its numbers, each rule pinned
//! on a fact base of a few invented facts written for it: small enough that the rule alone decides what
//! comes out, so a change to the rule changes the questions. Quotations are in `generate_quotes.rs`,
//! wording and which facts are asked how in `generate_wording.rs`, ratings in `generate_ratings.rs`.

use trivia::generate::generate_all;
use trivia::question::{Body, Question};

use crate::support::{
    RECORDED_BY, candidate_table, choices, entity_table, fact_table, option_set, set_of,
    small_base, wrong_options,
};

// ---------------------------------------------------------------- wrong subjects across kinds

const RECORDINGS: &str = r#"
[[relation]]
id = "recorded_by"
subject = ["song"]
object = ["person", "group"]
cardinality = "one"
category = "Songs"
ask_object = ["Who recorded {subject}?"]
ask_subject = ["Which of these songs was recorded by {object}?"]
statement = "{subject} was recorded by {object}."

[[relation]]
id = "member_of"
subject = ["person"]
object = ["group"]
cardinality = "many"
category = "Line-ups"
ask_object = ["Which group was {subject} a member of?"]
statement = "{subject} was a member of {object}."
"#;

#[test]
fn a_song_by_a_band_the_person_is_not_in_is_wrong_for_them_and_one_by_their_band_is_not() {
    // "Which of these songs was recorded by Alma Reyes?": Night Bus, by a band she has nothing to do
    // with, is surely wrong; Cold Harbour, by her own band, could be read as hers.
    let mut body = RECORDINGS.to_string();
    for (id, name, kind) in [
        ("alma", "Alma Reyes", "person"),
        ("bruno", "Bruno Salas", "person"),
        ("chiara", "Chiara Vance", "person"),
        ("tin-owls", "The Tin Owls", "group"),
        ("glass-foxes", "The Glass Foxes", "group"),
        ("first-light", "First Light", "song"),
        ("slow-river", "Slow River", "song"),
        ("paper-moon", "Paper Moon", "song"),
        ("night-bus", "Night Bus", "song"),
        ("cold-harbour", "Cold Harbour", "song"),
    ] {
        body.push_str(&entity_table(id, name, kind));
    }
    for (subject, relation, object) in [
        ("first-light", "recorded_by", "alma"),
        ("slow-river", "recorded_by", "bruno"),
        ("paper-moon", "recorded_by", "chiara"),
        ("night-bus", "recorded_by", "tin-owls"),
        ("cold-harbour", "recorded_by", "glass-foxes"),
        ("alma", "member_of", "glass-foxes"),
    ] {
        body.push_str(&fact_table(subject, relation, &format!("\"{object}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let asked = choices(
        &questions,
        "Which of these songs was recorded by Alma Reyes?",
    );
    assert!(!asked.is_empty(), "not asked: {questions:#?}");
    for question in asked {
        assert_eq!(
            option_set(question),
            set_of(&["First Light", "Slow River", "Paper Moon", "Night Bus"]),
            "{question:#?}"
        );
    }
}

// ---------------------------------------------------------------- text values

#[test]
fn a_text_value_inside_the_answer_is_never_offered_as_wrong() {
    // "Which style does Iron Meadow play?" keyed "Indie rock" must not offer "Rock", nor call "Iron
    // Meadow plays rock." false: both read as right.
    let mut body = r#"
[[relation]]
id = "sound"
subject = ["group"]
value = "text"
category = "Records"
ask_object = ["Which style does {subject} play?"]
statement = "{subject} plays {object}."
"#
    .to_string();
    let styles = [
        ("iron-meadow", "Iron Meadow", "indie rock"),
        ("the-lanterns", "The Lanterns", "rock"),
        ("velvet-static", "Velvet Static", "jazz"),
        ("paper-kites", "Paper Kites", "folk"),
        ("grey-harbour", "Grey Harbour", "blues"),
    ];
    for (id, name, style) in styles {
        body.push_str(&entity_table(id, name, "group"));
        body.push_str(&fact_table(id, "sound", &format!("\"{style}\"")));
    }
    let questions = generate_all(&small_base(&body));
    for (name, answer, wrong) in [
        ("Iron Meadow", "Indie rock", "Rock"),
        ("The Lanterns", "Rock", "Indie rock"),
    ] {
        let asked = choices(&questions, &format!("Which style does {name} play?"));
        assert!(!asked.is_empty(), "{name} not asked: {questions:#?}");
        for question in asked {
            assert!(!option_set(question).contains(wrong), "{question:#?}");
            assert_eq!(
                option_set(question),
                set_of(&[answer, "Jazz", "Folk", "Blues"]),
                "{question:#?}"
            );
        }
    }
    let falsehoods: Vec<&Question> = questions
        .iter()
        .filter(|q| q.body == Body::TrueFalse { answer: false })
        .collect();
    assert!(falsehoods.len() >= 2, "{questions:#?}");
    for question in falsehoods {
        assert_ne!(question.prompt, "Iron Meadow plays rock.", "{question:#?}");
        assert_ne!(
            question.prompt, "The Lanterns plays indie rock.",
            "{question:#?}"
        );
    }
}

// ---------------------------------------------------------------- numbers and dates

#[test]
fn a_score_out_of_100_is_typed_within_two_points_and_offered_as_out_of_100() {
    // A critics' score of 64 out of 100 (not written as a percentage) allows 2 points either way, as a
    // percentage does; as a plain number it would allow 3.
    let mut body = r#"
[[relation]]
id = "metascore"
subject = ["film"]
value = "score"
category = "Reception"
ask_object = ["What score did critics give {subject}?"]
statement = "Critics gave {subject} a score of {object}."
"#
    .to_string();
    body.push_str(&entity_table("night-harbor", "Night Harbor", "film"));
    body.push_str(&fact_table(
        "night-harbor",
        "metascore",
        "{ value = 64, out_of = 100 }",
    ));
    let questions = generate_all(&small_base(&body));
    let typed: Vec<(f64, f64)> = questions
        .iter()
        .filter_map(|q| match q.body {
            Body::Numeric {
                answer, tolerance, ..
            } => Some((answer, tolerance)),
            _ => None,
        })
        .collect();
    assert_eq!(typed, vec![(64.0, 2.0)], "{questions:#?}");
    // Over options, each rung reads as the score does: "64 out of 100", not a bare "64".
    let ladders: Vec<&Question> = questions
        .iter()
        .filter(|q| matches!(q.body, Body::MultipleChoice { .. }))
        .collect();
    assert_eq!(ladders.len(), 1, "{questions:#?}");
    assert!(
        option_set(ladders[0]).contains("64 out of 100"),
        "{:#?}",
        ladders[0]
    );
    for option in option_set(ladders[0]) {
        assert!(option.ends_with(" out of 100"), "{:#?}", ladders[0]);
    }
}

#[test]
fn twenty_is_typed_exactly_and_a_decimal_within_its_last_digit() {
    // A whole number up to 20 is typed exactly ("20 awards", not 19 to 21); 2.5 kg allows 0.1 kg
    // either way, one unit of its last digit, not nothing.
    let mut body = r#"
[[relation]]
id = "awards"
subject = ["film"]
value = "integer"
category = "Awards"
ask_object = ["How many awards did {subject} win?"]
statement = "{subject} won {object} awards."

[[relation]]
id = "prop_weight"
subject = ["film"]
value = "measure"
category = "Props"
ask_object = ["How much did the main prop of {subject} weigh?"]
statement = "The main prop of {subject} weighed {object}."
"#
    .to_string();
    body.push_str(&entity_table("night-harbor", "Night Harbor", "film"));
    body.push_str(&fact_table("night-harbor", "awards", "20"));
    body.push_str(&fact_table(
        "night-harbor",
        "prop_weight",
        "{ amount = 2.5, unit = \"kg\" }",
    ));
    let questions = generate_all(&small_base(&body));
    let mut typed: Vec<(f64, f64)> = questions
        .iter()
        .filter_map(|q| match q.body {
            Body::Numeric {
                answer, tolerance, ..
            } => Some((answer, tolerance)),
            _ => None,
        })
        .collect();
    typed.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(typed, vec![(2.5, 0.1), (20.0, 0.0)], "{questions:#?}");
}

#[test]
fn a_sum_of_money_is_offered_as_money() {
    // "US$2.4 million", not "2400000", on every rung of the ladder.
    let mut body = r#"
[[relation]]
id = "budget"
subject = ["film"]
value = "money"
category = "Money"
ask_object = ["What was the budget of {subject}?"]
statement = "The budget of {subject} was {object}."
"#
    .to_string();
    body.push_str(&entity_table("night-harbor", "Night Harbor", "film"));
    body.push_str(&fact_table(
        "night-harbor",
        "budget",
        "{ amount = 2_400_000, currency = \"USD\" }",
    ));
    let questions = generate_all(&small_base(&body));
    let ladders: Vec<&Question> = questions
        .iter()
        .filter(|q| matches!(q.body, Body::MultipleChoice { .. }))
        .collect();
    assert_eq!(ladders.len(), 1, "{questions:#?}");
    for option in option_set(ladders[0]) {
        assert!(option.starts_with("US$"), "{:#?}", ladders[0]);
    }
}

#[test]
fn date_options_stay_within_three_years_after_the_latest_year_named() {
    // Bands formed in 2021, the latest year the facts name: a ladder of years around 2021 must not
    // run to 2025 or later, years nobody could have formed a band in when the facts were written.
    let mut body = r#"
[[relation]]
id = "formed"
subject = ["group"]
value = "date"
category = "History"
ask_object = ["In what year was {subject} formed?"]
statement = "{subject} was formed in {object}."
"#
    .to_string();
    let bands = [
        ("iron-meadow", "Iron Meadow", "2021"),
        ("the-lanterns", "The Lanterns", "2021"),
        ("velvet-static", "Velvet Static", "2021"),
        ("paper-kites", "Paper Kites", "2020"),
        ("grey-harbour", "Grey Harbour", "2019"),
        ("salt-road", "Salt Road", "2021"),
        ("red-meadow", "Red Meadow", "2020"),
        ("cold-coast", "Cold Coast", "2021"),
    ];
    for (id, name, year) in bands {
        body.push_str(&entity_table(id, name, "group"));
        body.push_str(&fact_table(id, "formed", &format!("\"{year}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let year_of = |text: &str| -> i32 {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        digits.parse().unwrap()
    };
    let mut ladders = 0;
    for question in &questions {
        if let Body::MultipleChoice { options, .. } = &question.body {
            ladders += 1;
            for option in options {
                assert!(year_of(option) <= 2024, "{question:#?}");
            }
        }
        if question.body == (Body::TrueFalse { answer: false }) {
            assert!(year_of(&question.prompt) <= 2024, "{question:#?}");
        }
    }
    assert_eq!(ladders, bands.len(), "{questions:#?}");
}

#[test]
fn a_film_shown_under_a_series_name_is_never_a_wrong_option() {
    // "Night Harbor (1958 film)" is shown as "Night Harbor", like the series Anna Lind directed: offered
    // as a wrong answer to "Which of these did Anna Lind direct?" (or any other director's), a player
    // could take it for the series.
    let mut body = r#"
[[relation]]
id = "directed_by"
subject = ["film", "series"]
object = ["person"]
cardinality = "one"
category = "Crew"
ask_object = ["Who directed {subject}?"]
ask_subject = ["Which of these did {object} direct?"]
statement = "{subject} was directed by {object}."

"#
    .to_string();
    for (id, name, kind, director, director_name) in [
        (
            "night-harbor",
            "Night Harbor",
            "series",
            "anna",
            "Anna Lind",
        ),
        ("salt-road", "Salt Road", "film", "anna", "Anna Lind"),
        ("glass-coast", "Glass Coast", "film", "ben", "Ben Okafor"),
        ("iron-bay", "Iron Bay", "film", "cara", "Cara Holm"),
        ("red-meadow", "Red Meadow", "film", "dan", "Dan Pryce"),
        (
            "night-harbor-1958",
            "Night Harbor (1958 film)",
            "film",
            "stan",
            "Stan Kerr",
        ),
    ] {
        body.push_str(&entity_table(id, name, kind));
        if !body.contains(&format!("id = \"{director}\"")) {
            body.push_str(&entity_table(director, director_name, "person"));
        }
        body.push_str(&fact_table(id, "directed_by", &format!("\"{director}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let mut asked = 0;
    for name in ["Anna Lind", "Ben Okafor", "Cara Holm", "Dan Pryce"] {
        for question in choices(&questions, &format!("Which of these did {name} direct?")) {
            asked += 1;
            assert_eq!(option_set(question).len(), 4, "{question:#?}");
            assert!(
                !wrong_options(question).contains(&"Night Harbor"),
                "{question:#?}"
            );
        }
    }
    assert!(asked >= 4, "{questions:#?}");
}

// ---------------------------------------------------------------- two-step questions

#[test]
fn a_two_step_question_never_answers_with_the_entity_its_description_starts_from() {
    // "Which of these series was produced by the person who directed the series?" may be asked of Glass
    // Coast (Anna Lind directed Night Harbor, "the series", and produced Glass Coast), never keyed
    // Night Harbor itself, which the description names as "the series".
    let mut body = r#"
[[relation]]
id = "directed_by"
subject = ["series"]
object = ["person"]
cardinality = "one"
category = "Crew"
ask_object = ["Who directed {subject}?"]
statement = "{subject} was directed by {object}."

[[relation]]
id = "produced_by"
subject = ["series"]
object = ["person"]
cardinality = "one"
category = "Crew"
ask_object = ["Who produced {subject}?"]
ask_subject = ["Which of these series was produced by {object}?"]
statement = "{subject} was produced by {object}."

[[entity]]
id = "night-harbor"
name = "Night Harbor"
kind = "series"
refer_as = "the series"

"#
    .to_string();
    for (id, name, kind) in [
        ("glass-coast", "Glass Coast", "series"),
        ("iron-bay", "Iron Bay", "series"),
        ("red-meadow", "Red Meadow", "series"),
        ("salt-road", "Salt Road", "series"),
        ("anna", "Anna Lind", "person"),
        ("ben", "Ben Okafor", "person"),
        ("cara", "Cara Holm", "person"),
        ("dan", "Dan Pryce", "person"),
    ] {
        body.push_str(&entity_table(id, name, kind));
    }
    for (subject, relation, object) in [
        ("night-harbor", "directed_by", "anna"),
        ("night-harbor", "produced_by", "anna"),
        ("glass-coast", "produced_by", "anna"),
        ("iron-bay", "produced_by", "ben"),
        ("red-meadow", "produced_by", "cara"),
        ("salt-road", "produced_by", "dan"),
    ] {
        body.push_str(&fact_table(subject, relation, &format!("\"{object}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let asked = choices(
        &questions,
        "Which of these series was produced by the person who directed the series?",
    );
    assert!(!asked.is_empty(), "not asked: {questions:#?}");
    for question in asked {
        assert_eq!(question.body.answer_text(), "Glass Coast", "{question:#?}");
        assert!(
            !wrong_options(question).contains(&"Night Harbor"),
            "{question:#?}"
        );
    }
}

// ---------------------------------------------------------------- the subject of a text value

const CHAPTERS: &str = r#"
[[kind]]
id = "chapter"

[[relation]]
id = "chapter_summary"
subject = ["chapter"]
value = "text"
category = "Plot"
ask_subject = ["Which chapter shows how {object}?"]
statement = "{subject} shows how {object}."
"#;

#[test]
fn a_text_value_asks_its_subject_among_subjects_with_other_values_in_their_own_order() {
    let mut body = CHAPTERS.to_string();
    let summaries = [
        (
            "chapter-1",
            "Chapter 1",
            "the lighthouse keeper finds a map",
        ),
        ("chapter-2", "Chapter 2", "the storm cuts the island off"),
        ("chapter-3", "Chapter 3", "the keeper's sister returns"),
        ("chapter-4", "Chapter 4", "the map leads to an empty cave"),
        ("chapter-5", "Chapter 5", "the island is sold"),
    ];
    for (id, name, _) in summaries {
        body.push_str(&entity_table(id, name, "chapter"));
    }
    for (id, _, summary) in summaries {
        body.push_str(&fact_table(
            id,
            "chapter_summary",
            &format!("\"{summary}\""),
        ));
    }
    // A sixth chapter says what the fourth says: it is never offered as wrong there.
    body.push_str(&entity_table("chapter-6", "Chapter 6", "chapter"));
    body.push_str(&fact_table(
        "chapter-6",
        "chapter_summary",
        "\"the map leads to an empty cave\"",
    ));
    let questions = generate_all(&small_base(&body));
    let asked = choices(
        &questions,
        "Which chapter shows how the storm cuts the island off?",
    );
    assert_eq!(asked.len(), 1, "{questions:#?}");
    let Body::MultipleChoice {
        options, answer, ..
    } = &asked[0].body
    else {
        unreachable!("choices are multiple choice")
    };
    assert_eq!(options[*answer], "Chapter 2");
    assert_eq!(options.len(), 4);
    // Numbered chapters are listed in their order.
    let numbers: Vec<u32> = options
        .iter()
        .map(|option| option.trim_start_matches("Chapter ").parse().unwrap())
        .collect();
    assert!(
        numbers.windows(2).all(|pair| pair[0] < pair[1]),
        "{options:?}"
    );
    let cave = choices(
        &questions,
        "Which chapter shows how the map leads to an empty cave?",
    );
    for question in cave {
        let offered = option_set(question);
        assert!(
            !(offered.contains("Chapter 4") && offered.contains("Chapter 6")),
            "two right answers offered: {offered:?}"
        );
    }
    // No `ask_object` template: the summaries are never offered as options.
    assert!(
        questions
            .iter()
            .all(|question| !question.prompt.starts_with("What happens")),
        "{questions:#?}"
    );
}

// ---------------------------------------------------------------- named entities as candidates

const PRODUCED_BY: &str = r#"
[[relation]]
id = "produced_by"
subject = ["song"]
object = ["person"]
cardinality = "one"
category = "Songs"
ask_object = ["Who produced {subject}?"]
statement = "{subject} was produced by {object}."
"#;

#[test]
fn a_named_entity_listed_as_a_candidate_is_offered_for_that_relation_and_still_for_its_own_roles() {
    // Dana Cole produced a song and records none: the author lists her as a plausible wrong answer
    // to "Who recorded ...?" (a one-valued relation proves her wrong), and she stays a wrong option
    // of the role her own fact gives her.
    let mut body = format!("{RECORDED_BY}{PRODUCED_BY}");
    for (id, name, kind) in [
        ("alma", "Alma Reyes", "person"),
        ("bruno", "Bruno Salas", "person"),
        ("chiara", "Chiara Vance", "person"),
        ("eve", "Eve Marsh", "person"),
        ("fay", "Fay Dunn", "person"),
        ("gus", "Gus Lind", "person"),
        ("first-light", "First Light", "song"),
        ("slow-river", "Slow River", "song"),
        ("paper-moon", "Paper Moon", "song"),
        ("night-bus", "Night Bus", "song"),
    ] {
        body.push_str(&entity_table(id, name, kind));
    }
    body.push_str(&candidate_table(
        "dana",
        "Dana Cole",
        "person",
        &["recorded_by"],
    ));
    for (subject, relation, object) in [
        ("first-light", "recorded_by", "alma"),
        ("slow-river", "recorded_by", "bruno"),
        ("paper-moon", "recorded_by", "chiara"),
        ("first-light", "produced_by", "dana"),
        ("slow-river", "produced_by", "eve"),
        ("paper-moon", "produced_by", "fay"),
        ("night-bus", "produced_by", "gus"),
    ] {
        body.push_str(&fact_table(subject, relation, &format!("\"{object}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let recorded = choices(&questions, "Who recorded First Light?");
    assert!(!recorded.is_empty(), "not asked: {questions:#?}");
    for question in recorded {
        assert_eq!(
            option_set(question),
            set_of(&["Alma Reyes", "Bruno Salas", "Chiara Vance", "Dana Cole"]),
            "{question:#?}"
        );
    }
    let produced = choices(&questions, "Who produced Slow River?");
    assert!(!produced.is_empty(), "not asked: {questions:#?}");
    for question in produced {
        assert_eq!(
            option_set(question),
            set_of(&["Eve Marsh", "Dana Cole", "Fay Dunn", "Gus Lind"]),
            "{question:#?}"
        );
    }
}
