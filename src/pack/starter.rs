//! The starter pack `trivia pack new` writes: one commented example of every question type, valid as
//! written, so an author edits rather than starts from a blank page.

use super::write::toml_string;

/// The starter pack text for a pack with this id and title.
pub fn starter_pack(id: &str, title: &str) -> String {
    TEMPLATE
        .replace("{ID}", &toml_string(id))
        .replace("{TITLE}", &toml_string(title))
        .replace("{PREFIX}", &id_prefix(id))
}

/// A pack id made from a file name: lowercase letters, digits and hyphens.
pub fn pack_id_from_name(name: &str) -> String {
    let mut id = String::new();
    for character in name.chars() {
        if character.is_alphanumeric() {
            id.extend(character.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "my-pack".to_string()
    } else {
        id
    }
}

/// The question-id prefix: the pack id with characters that cannot go in a TOML string left out.
fn id_prefix(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

const TEMPLATE: &str = r#"#:schema ./pack.schema.json
# A trivia question pack. Check it with `trivia pack validate FILE`; the format is described in
# docs/packs.md. Every field not marked "required" may be left out.

[pack]
id = {ID}                  # required: short and unique among your packs
title = {TITLE}            # required: the name players see
author = "Your name"
description = "What the questions are about."
version = "1.0"
language = "en"
license = "CC BY-SA 4.0"

# Every question has an `id` (required, unique across all packs: prefix it with the pack id), a `type`
# (required), a `prompt` (required) and optionally `category` (default "General"), `difficulty` (easy,
# medium or hard; default medium), `explanation` (one line shown after answering), `source` or `sources`
# (where the answer comes from) and `tags`.

# Multiple choice: 2 to 6 `options`; `answer` is the text of the right one. `aliases` are other
# spellings accepted when a player types the answer instead of picking it.
[[question]]
id = "{PREFIX}-capital"
type = "multiple_choice"
category = "Geography"
difficulty = "easy"
prompt = "What is the capital of France?"
options = ["Lyon", "Paris", "Marseille", "Nice"]
answer = "Paris"
aliases = ["Paris, France"]
explanation = "Paris has been the capital since the 10th century."
source = "https://en.wikipedia.org/wiki/Paris"
tags = ["europe", "capitals"]

# True or false: the prompt is a statement; `answer` is true or false (no quotes).
[[question]]
id = "{PREFIX}-boiling"
type = "true_false"
category = "Science"
prompt = "At sea level, water boils at 100 degrees Celsius."
answer = true
explanation = "At standard pressure the boiling point of water is 100 °C."

# Numeric: a number, accepted within `tolerance` either side (default 0); `unit` is how it is shown:
# "US$", "%", or a word such as "metres".
[[question]]
id = "{PREFIX}-everest"
type = "numeric"
category = "Geography"
difficulty = "hard"
prompt = "How high is Mount Everest, in metres?"
answer = 8849
tolerance = 50
unit = "metres"
explanation = "The 2020 survey measured 8,848.86 metres."

# Date: a TOML date (1969-07-20), or a string "1969" or "1969-07" to ask for a year or a month.
# `tolerance_days` accepts answers that many days either side.
[[question]]
id = "{PREFIX}-moon"
type = "date"
category = "History"
prompt = "On what date did Apollo 11 land on the Moon?"
answer = 1969-07-20
tolerance_days = 1
explanation = "The lunar module landed on July 20, 1969 (UTC)."
sources = [
  { article = "https://en.wikipedia.org/wiki/Apollo_11", evidence = "landed the Lunar Module Eagle on July 20, 1969" },
]

# Free text: the player types the answer; `aliases` are other accepted answers and `kind` says what sort
# of thing the answer is (person, film, place ...).
[[question]]
id = "{PREFIX}-hamlet"
type = "free_text"
category = "Literature"
prompt = "Who wrote Hamlet?"
answer = "William Shakespeare"
aliases = ["Shakespeare"]
kind = "person"

# Select all that apply: 2 to 6 `options`; `answers` lists the text of every right one.
[[question]]
id = "{PREFIX}-primes"
type = "select_all"
category = "Mathematics"
prompt = "Which of these numbers are prime?"
options = ["2", "9", "11", "15"]
answers = ["2", "11"]

# Order: `items` in the right order (the game shuffles them). `keys` optionally give what each item is
# ordered by, shown after answering; `direction` says what comes first.
[[question]]
id = "{PREFIX}-planets"
type = "order"
category = "Science"
prompt = "Put these planets in order of distance from the Sun."
items = ["Mercury", "Venus", "Earth", "Mars"]
keys = ["0.39 AU", "0.72 AU", "1 AU", "1.52 AU"]
direction = "nearest first"

# Quote: who said it? The `quote` is shown with the prompt; `answer` is the text of the right option.
[[question]]
id = "{PREFIX}-quote"
type = "quote"
category = "History"
prompt = "Who said this?"
quote = "I have a dream."
options = ["Martin Luther King Jr.", "Abraham Lincoln", "Winston Churchill"]
answer = "Martin Luther King Jr."
aliases = ["MLK"]
explanation = "Martin Luther King Jr. said it in Washington, D.C., on August 28, 1963."
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_pack_ids() {
        assert_eq!(pack_id_from_name("My Pack!"), "my-pack");
        assert_eq!(pack_id_from_name("films_2024"), "films-2024");
        assert_eq!(pack_id_from_name("???"), "my-pack");
    }
}
