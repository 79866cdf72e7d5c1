//! The starter fact base `trivia facts new` writes: small, valid and commented, with one example of each
//! section (the fact base itself, a kind of its own, an article, relations of several value types,
//! entities, facts and a disagreement), so an author replaces examples rather than starts from nothing.

/// The starter fact base for a fact base with this id and title.
pub fn starter_fact_base(id: &str, title: &str) -> String {
    TEMPLATE
        .replace("{ID}", &toml_basic_string(id))
        .replace("{TITLE}", &toml_basic_string(title))
}

/// A fact base id made from a file or folder name: lowercase letters, digits and hyphens.
pub fn fact_base_id_from_name(name: &str) -> String {
    let mut id = String::new();
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            id.push(character.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    match id.chars().next() {
        Some(first) if first.is_ascii_lowercase() => id.to_string(),
        Some(_) => format!("facts-{id}"),
        None => "my-facts".to_string(),
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_basic_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const TEMPLATE: &str = r#"# A trivia fact base. Check it with `trivia facts check FILE`, play it with `trivia play --facts FILE`.
# The format is described in docs/facts.md. The example facts below (four planets) are true and play as
# they are: replace them with your own topic's, keeping each section's shape.

# What the fact base is about: games and generated packs are named after its title.
[fact_base]
id = {ID}
title = {TITLE}

# Kinds of your own, each optionally under a broader shipped kind (person, place, event, product, ...).
# Wrong options always come from the answer's own kind, so a moon is never offered where a planet is asked.
[[kind]]
id = "planet"
broader = "place"

[[kind]]
id = "moon"
broader = "place"

# Every fact cites an article; `label` is how a question names it ("According to my notes, ...").
[[article]]
file = "notes.txt"
title = "My notes on the planets"
label = "my notes"

# Relations: how a subject links to an entity (`object = [kinds]`) or to a value (`value = type`), with the
# questions that ask for it. `{subject}` and `{object}` are filled in; a template that names a qualifier
# (`{year}`, `{context}` ...) is used only for facts that have it.
[[relation]]
id = "order_from_sun"
subject = ["planet"]
value = "ordinal"                     # written as 3, shown as "3rd"
category = "Order"
ask_object = ["Counting from the Sun, which planet is {subject}?"]
statement = "{subject} is the {object} planet from the Sun."

[[relation]]
id = "moon_count"
subject = ["planet"]
value = "integer"
category = "Moons"
ask_object = ["How many moons does {subject} have?"]
statement = "{subject} has {object} moons."

[[relation]]
id = "mean_radius"
subject = ["planet"]
value = "measure"                     # a decimal with the unit you choose
category = "Size"
ask_object = ["What is the mean radius of {subject}?"]
statement = "The mean radius of {subject} is {object}."

[[relation]]
id = "orbits"
subject = ["moon"]
object = ["planet"]
cardinality = "one"                   # a moon orbits one planet: every other planet is surely wrong
inverse = "many"
category = "Moons"
ask_object = ["Which planet does {subject} orbit?"]
ask_subject = ["Which of these orbits {object}?"]
statement = "{subject} orbits {object}."

# Entities: `id` is how facts refer to them, `name` what players see and type; `aliases` are accepted too.
[[entity]]
id = "mercury"
name = "Mercury"
kind = "planet"

[[entity]]
id = "venus"
name = "Venus"
kind = "planet"

[[entity]]
id = "earth"
name = "Earth"
kind = "planet"
aliases = ["the Earth"]

[[entity]]
id = "mars"
name = "Mars"
kind = "planet"
aliases = ["the Red Planet"]

[[entity]]
id = "the-moon"
name = "Moon"
kind = "moon"
article = "the"                       # sentences read "the Moon"
aliases = ["Luna"]

[[entity]]
id = "phobos"
name = "Phobos"
kind = "moon"

[[entity]]
id = "deimos"
name = "Deimos"
kind = "moon"

# Facts: subject, relation, object, and the words of the article that support it (25 words at most).
[[fact]]
subject = "mercury"
relation = "order_from_sun"
object = 1
sources = [{ article = "notes.txt", evidence = "Mercury is the closest planet to the Sun" }]

[[fact]]
subject = "venus"
relation = "order_from_sun"
object = 2
sources = [{ article = "notes.txt", evidence = "Venus is the second planet from the Sun" }]

[[fact]]
subject = "earth"
relation = "order_from_sun"
object = 3
sources = [{ article = "notes.txt", evidence = "Earth, the third planet from the Sun" }]

[[fact]]
subject = "mars"
relation = "order_from_sun"
object = 4
sources = [{ article = "notes.txt", evidence = "Mars is the fourth planet from the Sun" }]

[[fact]]
subject = "mercury"
relation = "moon_count"
object = 0
sources = [{ article = "notes.txt", evidence = "Mercury and Venus have no moons" }]

[[fact]]
subject = "venus"
relation = "moon_count"
object = 0
sources = [{ article = "notes.txt", evidence = "Mercury and Venus have no moons" }]

[[fact]]
subject = "earth"
relation = "moon_count"
object = 1
sources = [{ article = "notes.txt", evidence = "Earth has a single natural satellite, the Moon" }]

[[fact]]
subject = "mars"
relation = "moon_count"
object = 2
sources = [{ article = "notes.txt", evidence = "Mars has two small moons, Phobos and Deimos" }]

[[fact]]
subject = "mercury"
relation = "mean_radius"
object = { amount = 2439.7, unit = "km" }
sources = [{ article = "notes.txt", evidence = "Mercury: mean radius 2,439.7 km" }]

[[fact]]
subject = "venus"
relation = "mean_radius"
object = { amount = 6051.8, unit = "km" }
sources = [{ article = "notes.txt", evidence = "Venus: mean radius 6,051.8 km" }]

[[fact]]
subject = "earth"
relation = "mean_radius"
object = { amount = 6371.0, unit = "km" }
sources = [{ article = "notes.txt", evidence = "Earth: mean radius 6,371 km" }]

[[fact]]
subject = "mars"
relation = "mean_radius"
object = { amount = 3389.5, unit = "km" }
sources = [{ article = "notes.txt", evidence = "Mars: mean radius 3,389.5 km" }]

[[fact]]
subject = "the-moon"
relation = "orbits"
object = "earth"
sources = [{ article = "notes.txt", evidence = "Earth has a single natural satellite, the Moon" }]

[[fact]]
subject = "phobos"
relation = "orbits"
object = "mars"
sources = [{ article = "notes.txt", evidence = "Mars has two small moons, Phobos and Deimos" }]

[[fact]]
subject = "deimos"
relation = "orbits"
object = "mars"
sources = [{ article = "notes.txt", evidence = "Mars has two small moons, Phobos and Deimos" }]

# When two sources disagree, record both sides with `[[disagreement]]` (see docs/facts.md); a disputed
# fact is then only asked "according to" its source.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names() {
        assert_eq!(fact_base_id_from_name("Space Race"), "space-race");
        assert_eq!(
            fact_base_id_from_name("2024 olympics"),
            "facts-2024-olympics"
        );
        assert_eq!(fact_base_id_from_name("!!!"), "my-facts");
    }

    #[test]
    fn the_starter_loads_and_every_fact_yields_a_question() {
        let text = starter_fact_base("planets", "Planets \"of\" ours");
        let base =
            crate::facts::load_sources(vec![crate::tomldoc::SourceFile::new("planets.toml", text)])
                .unwrap_or_else(|problems| panic!("{problems:#?}"));
        assert_eq!(base.title(), Some("Planets \"of\" ours"));
        assert!(base.kinds.is_a("moon", "place"));
        assert!(base.template_warnings().is_empty());
        let generator = crate::generate::Generator::new(&base);
        assert_eq!(generator.uncovered_facts(), Vec::<usize>::new());
        assert!(generator.len() >= 30, "{} questions", generator.len());
    }
}
