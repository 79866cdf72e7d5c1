//! Which facts the generator asks and how (select-all, true/false, order questions) and how its
//! sentences read, each rule pinned on a fact base of a few invented facts written for it.

use trivia::generate::generate_all;
use trivia::question::{Body, Question};

use crate::support::{entity_table, fact_table, small_base};

// ---------------------------------------------------------------- which facts are asked how

#[test]
fn select_all_is_asked_only_of_many_valued_relations() {
    // An `ask_all` phrasing on a one-valued relation asks nothing: "Which of these people directed
    // Night Harbor?" has a single right answer, a multiple choice in disguise.
    let mut body = r#"
[[relation]]
id = "directed_by"
subject = ["film"]
object = ["person"]
cardinality = "one"
category = "Crew"
ask_object = ["Who directed {subject}?"]
ask_all = "Which of these people directed {subject}?"
statement = "{subject} was directed by {object}."

[[relation]]
id = "starred"
subject = ["film"]
object = ["person"]
cardinality = "many"
complete = true
category = "Cast"
ask_object = ["Who starred in {subject}?"]
ask_all = "Which of these people starred in {subject}?"
statement = "{object} starred in {subject}."
"#
    .to_string();
    let films = [
        ("night-harbor", "Night Harbor", "anna", ["ben", "cara"]),
        ("glass-coast", "Glass Coast", "dan", ["eve", "finn"]),
        ("iron-bay", "Iron Bay", "gus", ["hana", "ivo"]),
        ("red-meadow", "Red Meadow", "jon", ["kit", "lea"]),
    ];
    for (id, name, director, cast) in films {
        body.push_str(&entity_table(id, name, "film"));
        body.push_str(&fact_table(id, "directed_by", &format!("\"{director}\"")));
        for actor in cast {
            body.push_str(&fact_table(id, "starred", &format!("\"{actor}\"")));
        }
    }
    for id in [
        "anna", "ben", "cara", "dan", "eve", "finn", "gus", "hana", "ivo", "jon", "kit", "lea",
    ] {
        let name = format!("{}{} Quill", id[..1].to_uppercase(), &id[1..]);
        body.push_str(&entity_table(id, &name, "person"));
    }
    let questions = generate_all(&small_base(&body));
    let select_all: Vec<&Question> = questions
        .iter()
        .filter(|q| matches!(q.body, Body::SelectAll { .. }))
        .collect();
    assert!(!select_all.is_empty(), "{questions:#?}");
    for question in select_all {
        assert!(question.prompt.contains(" starred in "), "{question:#?}");
    }
}

#[test]
fn a_statement_that_answers_itself_is_not_asked_as_true_or_false() {
    // "Night Harbor: Part 2 is an episode of Night Harbor." gives itself away; "Pilot is an episode of
    // Night Harbor." does not.
    let mut body = r#"
[[relation]]
id = "episode_of"
subject = ["episode"]
object = ["series"]
cardinality = "one"
category = "Episodes"
ask_object = ["Which series is {subject} an episode of?"]
statement = "{subject} is an episode of {object}."
"#
    .to_string();
    for (id, name, kind) in [
        ("night-harbor", "Night Harbor", "series"),
        ("glass-coast", "Glass Coast", "series"),
        ("iron-bay", "Iron Bay", "series"),
        ("red-meadow", "Red Meadow", "series"),
        ("part-2", "Night Harbor: Part 2", "episode"),
        ("pilot", "Pilot", "episode"),
        ("the-fall", "The Fall", "episode"),
        ("low-tide", "Low Tide", "episode"),
        ("last-call", "Last Call", "episode"),
    ] {
        body.push_str(&entity_table(id, name, kind));
    }
    for (episode, series) in [
        ("part-2", "night-harbor"),
        ("pilot", "night-harbor"),
        ("the-fall", "glass-coast"),
        ("low-tide", "iron-bay"),
        ("last-call", "red-meadow"),
    ] {
        body.push_str(&fact_table(episode, "episode_of", &format!("\"{series}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let statements: Vec<&str> = questions
        .iter()
        .filter(|q| matches!(q.body, Body::TrueFalse { .. }))
        .map(|q| q.prompt.as_str())
        .collect();
    assert!(
        statements
            .iter()
            .any(|s| s.starts_with("Pilot is an episode of")),
        "{statements:#?}"
    );
    assert!(
        !statements
            .iter()
            .any(|s| s.starts_with("Night Harbor: Part 2")),
        "{statements:#?}"
    );
}

#[test]
fn a_sentence_opening_with_a_description_starts_with_a_capital() {
    // "The series was directed by Anna Lind.": the subject is written "the series" (`refer_as`), and the
    // name further on keeps its own capitals without deciding the sentence's first letter.
    let mut body = r#"
[[relation]]
id = "directed_by"
subject = ["series"]
object = ["person"]
cardinality = "one"
category = "Crew"
ask_object = ["Who directed {subject}?"]
ask_subject = ["Which of these did {object} direct?"]
statement = "{subject} was directed by {object}."

[[entity]]
id = "night-harbor"
name = "Night Harbor"
kind = "series"
refer_as = "the series"

"#
    .to_string();
    for (series, name, director, director_name) in [
        ("glass-coast", "Glass Coast", "ben", "Ben Okafor"),
        ("iron-bay", "Iron Bay", "cara", "Cara Holm"),
        ("red-meadow", "Red Meadow", "dan", "Dan Pryce"),
    ] {
        body.push_str(&entity_table(series, name, "series"));
        body.push_str(&entity_table(director, director_name, "person"));
        body.push_str(&fact_table(
            series,
            "directed_by",
            &format!("\"{director}\""),
        ));
    }
    body.push_str(&entity_table("anna", "Anna Lind", "person"));
    body.push_str(&fact_table("night-harbor", "directed_by", "\"anna\""));
    let questions = generate_all(&small_base(&body));
    let opening = |text: &str| text.chars().next().is_some_and(char::is_uppercase);
    let mut about_the_series = 0;
    for question in &questions {
        assert!(opening(&question.prompt), "{question:#?}");
        for sentence in question.explanation.split(". ") {
            assert!(opening(sentence), "{question:#?}");
            if sentence.starts_with("The series was directed by") {
                about_the_series += 1;
            }
        }
    }
    assert!(about_the_series > 0, "{questions:#?}");
}

#[test]
fn a_year_or_month_ends_on_its_last_day_and_events_lie_two_months_apart() {
    // "in 2015" ends on December 31, 2015 and "in March 2015" on March 31: an event two months after
    // that end makes an order question with them, one on the next day does not (a week or a day
    // apart is a trick: readers found a premiere and a release eight days apart in one question).
    for (earlier, later, ordered) in [
        ("\"2015\"", "2016-03-01", true),
        ("\"2015-03\"", "2015-05-31", true),
        ("\"2015\"", "2016-01-01", false),
        ("\"2015-03\"", "2015-04-01", false),
        ("2015-03-10", "2015-03-18", false),
    ] {
        let mut body = r#"
[[relation]]
id = "founded"
subject = ["group"]
value = "date"
category = "History"
ask_object = ["When was {subject} founded?"]
statement = "{subject} was founded in {object}."
"#
        .to_string();
        for (id, name, date) in [
            ("iron-meadow", "Iron Meadow", "\"2010\""),
            ("the-lanterns", "The Lanterns", earlier),
            ("velvet-static", "Velvet Static", later),
        ] {
            body.push_str(&entity_table(id, name, "group"));
            body.push_str(&fact_table(id, "founded", date));
        }
        let questions = generate_all(&small_base(&body));
        let orders: Vec<&Question> = questions
            .iter()
            .filter(|q| matches!(q.body, Body::Order { .. }))
            .collect();
        assert_eq!(
            !orders.is_empty(),
            ordered,
            "{earlier} {later}: {questions:#?}"
        );
        for question in orders {
            let Body::Order { items, .. } = &question.body else {
                unreachable!()
            };
            assert_eq!(items.len(), 3, "{question:#?}");
        }
    }
}

#[test]
fn events_of_one_subject_are_ordered_as_moments_of_its_story() {
    // Three moments of The Lanterns: the prompt names the band; with the events of several subjects it
    // names none.
    let mut body = r#"
[[relation]]
id = "formed"
subject = ["group"]
value = "date"
category = "History"
ask_object = ["When was {subject} formed?"]
statement = "{subject} was formed in {object}."

[[relation]]
id = "signed"
subject = ["group"]
value = "date"
category = "History"
ask_object = ["When did {subject} sign with a label?"]
statement = "{subject} signed with a label in {object}."

[[relation]]
id = "split"
subject = ["group"]
value = "date"
category = "History"
ask_object = ["When did {subject} split up?"]
statement = "{subject} split up in {object}."
"#
    .to_string();
    body.push_str(&entity_table("the-lanterns", "The Lanterns", "group"));
    for (relation, year) in [("formed", 2001), ("signed", 2004), ("split", 2012)] {
        body.push_str(&fact_table(
            "the-lanterns",
            relation,
            &format!("\"{year}\""),
        ));
    }
    let questions = generate_all(&small_base(&body));
    let orders: Vec<&Question> = questions
        .iter()
        .filter(|q| matches!(q.body, Body::Order { .. }))
        .collect();
    assert!(!orders.is_empty(), "{questions:#?}");
    for question in orders {
        assert!(question.prompt.contains("Lanterns"), "{question:#?}");
    }
}

#[test]
fn an_empty_hedge_reads_as_none() {
    // `approx = ""` hedges nothing: "Night Harbor plays the blues.", not "plays the the blues" (a
    // blank hedge in front of the value would hide its "the" from the template's).
    let mut body = r#"
[[relation]]
id = "sound"
subject = ["group"]
value = "text"
category = "Records"
ask_object = ["Which style does {subject} play?"]
statement = "{subject} plays the {object}."
"#
    .to_string();
    for (id, name, style) in [
        ("night-harbor", "Night Harbor", "the blues"),
        ("the-lanterns", "The Lanterns", "jazz"),
        ("velvet-static", "Velvet Static", "folk"),
        ("paper-kites", "Paper Kites", "soul"),
    ] {
        body.push_str(&entity_table(id, name, "group"));
        body.push_str(
            &fact_table(id, "sound", &format!("\"{style}\""))
                .replace("sources =", "approx = \"\"\nsources ="),
        );
    }
    let questions = generate_all(&small_base(&body));
    let mut stated = 0;
    for question in &questions {
        let text = format!("{} {}", question.prompt, question.explanation);
        assert!(!text.contains("the the"), "{question:#?}");
        if text.contains("Night Harbor plays the blues.") {
            stated += 1;
        }
    }
    assert!(stated > 0, "{questions:#?}");
}

#[test]
fn a_false_statement_never_swaps_in_a_place_that_holds_the_true_one() {
    // "Ines Duarte comes from California." is no falsehood when she comes from Compton, in California:
    // the false statements about the people from Compton swap in Springfield or Dover, never the state.
    let mut body = r#"
[[relation]]
id = "hometown"
subject = ["person"]
object = ["place"]
cardinality = "one"
category = "People"
ask_object = ["Where does {subject} come from?"]
statement = "{subject} comes from {object}."

[[relation]]
id = "in_state"
subject = ["place"]
object = ["place"]
cardinality = "one"
category = "Places"
ask_object = ["Which state is {subject} in?"]
statement = "{subject} is in {object}."
"#
    .to_string();
    for (id, name, kind) in [
        ("compton", "Compton", "place"),
        ("california", "California", "place"),
        ("springfield", "Springfield", "place"),
        ("dover", "Dover", "place"),
        ("ines", "Ines Duarte", "person"),
        ("olu", "Olu Bello", "person"),
        ("greta", "Greta Sand", "person"),
        ("piet", "Piet Maas", "person"),
        ("ravi", "Ravi Kumar", "person"),
        ("lena", "Lena Ortiz", "person"),
        ("ada", "Ada Novak", "person"),
        ("yuki", "Yuki Mori", "person"),
        ("tomas", "Tomas Berg", "person"),
    ] {
        body.push_str(&entity_table(id, name, kind));
    }
    body.push_str(&fact_table("compton", "in_state", "\"california\""));
    // Springfield, Dover and California are hometowns too, so each is a plausible falsehood.
    body.push_str(&fact_table("ada", "hometown", "\"springfield\""));
    body.push_str(&fact_table("yuki", "hometown", "\"dover\""));
    body.push_str(&fact_table("tomas", "hometown", "\"california\""));
    let people = ["ines", "olu", "greta", "piet", "ravi", "lena"];
    for person in people {
        body.push_str(&fact_table(person, "hometown", "\"compton\""));
    }
    let questions = generate_all(&small_base(&body));
    let falsehoods: Vec<&Question> = questions
        .iter()
        .filter(|q| {
            q.body == Body::TrueFalse { answer: false }
                && ["Ines", "Olu", "Greta", "Piet", "Ravi", "Lena"]
                    .iter()
                    .any(|name| q.prompt.starts_with(name))
        })
        .collect();
    assert_eq!(falsehoods.len(), people.len(), "{questions:#?}");
    for question in falsehoods {
        assert!(!question.prompt.contains("California"), "{question:#?}");
    }
}

#[test]
fn a_typed_question_never_asks_which_of_these() {
    // "In which of these years was the person who directed Night Harbor born?" needs options: it is
    // asked over a ladder of years, never as a year to type.
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
id = "born"
subject = ["person"]
value = "date"
category = "People"
ask_object = ["In which of these years was {subject} born?"]
statement = "{subject} was born in {object}."
"#
    .to_string();
    for (series, name, director, director_name, year) in [
        ("night-harbor", "Night Harbor", "anna", "Anna Lind", 1970),
        ("glass-coast", "Glass Coast", "ben", "Ben Okafor", 1962),
        ("iron-bay", "Iron Bay", "cara", "Cara Holm", 1981),
        ("red-meadow", "Red Meadow", "dan", "Dan Pryce", 1955),
    ] {
        body.push_str(&entity_table(series, name, "series"));
        body.push_str(&entity_table(director, director_name, "person"));
        body.push_str(&fact_table(
            series,
            "directed_by",
            &format!("\"{director}\""),
        ));
        body.push_str(&fact_table(director, "born", &format!("\"{year}\"")));
    }
    let questions = generate_all(&small_base(&body));
    assert!(
        questions.iter().any(|q| {
            matches!(q.body, Body::MultipleChoice { .. })
                && q.prompt
                    == "In which of these years was the person who directed Night Harbor born?"
        }),
        "{questions:#?}"
    );
    for question in &questions {
        if matches!(
            question.body,
            Body::Date { .. } | Body::Numeric { .. } | Body::FreeText { .. }
        ) {
            assert!(!question.prompt.contains("of these"), "{question:#?}");
        }
    }
}

#[test]
fn a_question_whose_who_is_the_object_makes_no_description() {
    // "Who manages The Lanterns?" becomes "the person who manages The Lanterns"; "Who has The Lanterns
    // signed?" cannot become "the person who has The Lanterns signed".
    let mut body = r#"
[[relation]]
id = "signed"
subject = ["group"]
object = ["person"]
cardinality = "one"
category = "Business"
ask_object = ["Who has {subject} signed?"]
statement = "{subject} has signed {object}."

[[relation]]
id = "manager"
subject = ["group"]
object = ["person"]
cardinality = "one"
category = "Business"
ask_object = ["Who manages {subject}?"]
statement = "{object} manages {subject}."

[[relation]]
id = "born"
subject = ["person"]
value = "date"
category = "People"
ask_object = ["In which of these years was {subject} born?"]
statement = "{subject} was born in {object}."
"#
    .to_string();
    body.push_str(&entity_table("the-lanterns", "The Lanterns", "group"));
    for (person, name, relation, year) in [
        ("ines", "Ines Duarte", "signed", 1970),
        ("olu", "Olu Bello", "manager", 1962),
    ] {
        body.push_str(&entity_table(person, name, "person"));
        body.push_str(&fact_table(
            "the-lanterns",
            relation,
            &format!("\"{person}\""),
        ));
        body.push_str(&fact_table(person, "born", &format!("\"{year}\"")));
    }
    let questions = generate_all(&small_base(&body));
    assert!(
        questions
            .iter()
            .any(|q| q.prompt.contains("the person who manages The Lanterns")),
        "{questions:#?}"
    );
    for question in &questions {
        assert!(
            !question.prompt.contains("the person who has"),
            "{question:#?}"
        );
    }
}

#[test]
fn an_order_question_of_more_items_is_no_easier() {
    // Six well-known bands formed twenty years apart: the order questions differ only in how many
    // items they hold, and each item more makes the question harder.
    let mut body = r#"
[[relation]]
id = "formed"
subject = ["group"]
value = "date"
category = "History"
interest = 3
ask_object = ["When was {subject} formed?"]
statement = "{subject} was formed in {object}."
"#
    .to_string();
    for (id, name, year) in [
        ("amber", "Amber Road", 1900),
        ("blue", "Blue Mile", 1920),
        ("cold", "Cold Harbour", 1940),
        ("dust", "Dust Choir", 1960),
        ("echo", "Echo Park Five", 1980),
        ("field", "Field Day", 2000),
    ] {
        body.push_str(&format!(
            "[[entity]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"group\"\nprominence = 1\n\n"
        ));
        body.push_str(&fact_table(id, "formed", &format!("\"{year}\"")));
    }
    let questions = generate_all(&small_base(&body));
    let orders: Vec<(usize, trivia::question::Difficulty)> = questions
        .iter()
        .filter_map(|q| match &q.body {
            Body::Order { items, .. } => Some((items.len(), q.difficulty)),
            _ => None,
        })
        .collect();
    let sizes: std::collections::BTreeSet<usize> = orders.iter().map(|(n, _)| *n).collect();
    assert!(sizes.len() >= 2, "{orders:?}");
    let mut strictly = false;
    for &(few, easier) in &orders {
        for &(more, harder) in &orders {
            if more > few {
                assert!(harder >= easier, "{orders:?}");
                strictly |= harder > easier;
            }
        }
    }
    assert!(
        strictly,
        "an item more never made a question harder: {orders:?}"
    );
}
