//! Phrasing: turns a relation's templates and a fact into English sentences — placeholders filled,
//! articles (`a`/`an`, a doubled `the`) and plurals fixed, the first letter capitalised — and checks that a
//! prompt does not give its answer away.
//!
//! Entity names keep their own capitals wherever they stand ("The Defiant Ones" mid-sentence); words the
//! template or a value contributes are capitalised at the start of a sentence.

use crate::facts::Qualifiers;

use super::search;

pub(crate) use super::matching::{join_normalised, leaks, mentions_normalised, normalise};
use super::template::{Piece, pieces};
pub(crate) use super::template::{fillable, needs_options, qualifier_names, usable};

/// What fills `{subject}` or `{object}` in a template.
#[derive(Clone, Debug)]
pub(crate) enum Slot<'a> {
    /// An entity as a sentence names it (see [`Index::in_sentence`](super::index::Index::in_sentence)):
    /// keeps its capitals, may begin with its own "The"; a leading lowercase article ("the Langham
    /// Hotel", "the series") is capitalised at the start of a sentence.
    Name(std::borrow::Cow<'a, str>),
    /// A value written in words (a date, an amount, a text value) or a generated noun phrase.
    Words(String),
    /// A number that decides singular or plural of the word after it (`1 part`, `4 parts`).
    Number(String, bool),
    /// A date in words; `full` when it names the day, which decides "on" or "in" before it.
    Date { words: String, full: bool },
    /// Quoted words: written bare when the template already has quotation marks around the slot.
    Quote(String),
    /// Replaces a quotation with "this" (`Who said "{object}"?` becomes `Who said this?`).
    This,
}

impl Slot<'_> {
    /// How many bytes the slot's text has (quotation marks aside).
    fn len(&self) -> usize {
        match self {
            Slot::Name(text) => text.len(),
            Slot::Words(text) | Slot::Number(text, _) | Slot::Quote(text) => text.len(),
            Slot::Date { words, .. } => words.len(),
            Slot::This => 4,
        }
    }
}

/// Fills a template. `None` if a placeholder has no value (a missing qualifier or slot).
pub(crate) fn fill(
    template: &str,
    subject: Option<&Slot<'_>>,
    object: Option<&Slot<'_>>,
    qualifiers: &Qualifiers,
) -> Option<String> {
    // Room for the template and both slots, and a little for qualifiers: a text that outgrows its
    // room is copied again.
    let slots: usize = [subject, object].into_iter().flatten().map(Slot::len).sum();
    let mut out = String::with_capacity(template.len() + slots + 32);
    // Whether the first character comes from an entity name, which keeps its case.
    let mut starts_with_name = false;
    let mut skip_closing_quote = false;
    let mut pending_plural: Option<bool> = None;
    // How the possessive of the name the text so far ends with is written, if not with `'s`.
    let mut possessive_of_last_name = Possessive::ApostropheS;
    for (position, piece) in pieces(template).enumerate() {
        match piece.ok()? {
            Piece::Text(text) => {
                let mut text: &str = text;
                if skip_closing_quote {
                    text = text
                        .strip_prefix('"')
                        .or_else(|| text.strip_prefix('\u{201d}'))
                        .unwrap_or(text);
                    skip_closing_quote = false;
                }
                let possessive =
                    std::mem::replace(&mut possessive_of_last_name, Possessive::ApostropheS);
                if possessive != Possessive::ApostropheS {
                    if let Some((apostrophe, rest)) = possessive_after_name(text) {
                        match possessive {
                            Possessive::Apostrophe => out.push(apostrophe),
                            _ => out.push('s'),
                        }
                        text = rest;
                    }
                }
                match pending_plural.take() {
                    Some(true) => push_singular(&mut out, text),
                    _ => out.push_str(text),
                }
            }
            Piece::Placeholder(name) => {
                let qualifier;
                let slot_value = match name {
                    "subject" => subject?,
                    "object" => object?,
                    other => {
                        qualifier = Slot::Words(qualifiers.placeholder(other)?);
                        &qualifier
                    }
                };
                match slot_value {
                    Slot::Name(name_text) => {
                        let name_text: &str = name_text;
                        let own_capitals = !["the ", "a ", "an "]
                            .iter()
                            .any(|article| name_text.starts_with(article));
                        if position == 0 && own_capitals {
                            starts_with_name = true;
                        }
                        drop_doubled_the(&mut out, name_text, position == 0);
                        fix_indefinite_article(&mut out, name_text);
                        if out.is_empty() && position == 0 && own_capitals {
                            starts_with_name = true;
                        }
                        out.push_str(name_text);
                        possessive_of_last_name = Possessive::of(name_text);
                    }
                    Slot::Words(words) => {
                        drop_doubled_the(&mut out, words, false);
                        fix_indefinite_article(&mut out, words);
                        out.push_str(words);
                    }
                    Slot::Date { words, full } => {
                        fix_date_preposition(&mut out, *full);
                        out.push_str(words);
                    }
                    Slot::Number(words, singular) => {
                        fix_indefinite_article(&mut out, words);
                        out.push_str(words);
                        pending_plural = Some(*singular);
                    }
                    Slot::Quote(text) => {
                        if out.ends_with('"') || out.ends_with('\u{201c}') {
                            out.push_str(text);
                        } else {
                            out.push('\u{201c}');
                            out.push_str(text);
                            out.push('\u{201d}');
                        }
                    }
                    Slot::This => {
                        while out.ends_with('"')
                            || out.ends_with('\u{201c}')
                            || out.ends_with(':')
                            || out.ends_with(' ')
                        {
                            out.pop();
                        }
                        out.push_str(" this");
                        skip_closing_quote = true;
                    }
                }
            }
        }
    }
    let mut text = tidy_owned(out);
    if !starts_with_name {
        capitalise_in_place(&mut text);
    }
    Some(text)
}

/// How a name's possessive is written: "Apple's", "the series'", "its" (a name slot may hold "It").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Possessive {
    ApostropheS,
    Apostrophe,
    PronounS,
}

impl Possessive {
    fn of(name: &str) -> Self {
        if name == "It" || name == "it" {
            Possessive::PronounS
        } else if name.ends_with('s') {
            Possessive::Apostrophe
        } else {
            Possessive::ApostropheS
        }
    }
}

/// A possessive `'s` (straight or curly) opening the text after a name: its apostrophe, and the text
/// after the `s`. `None` where the `s` starts a longer word.
fn possessive_after_name(text: &str) -> Option<(char, &str)> {
    let mut chars = text.chars();
    let apostrophe = chars.next().filter(|c| *c == '\'' || *c == '\u{2019}')?;
    let rest = chars.as_str().strip_prefix('s')?;
    (!rest.starts_with(char::is_alphanumeric)).then_some((apostrophe, rest))
}

/// "Hughes directed X" reads "Hughes also directed X", "X was directed by Hughes" reads "X was also
/// directed by Hughes": `also` after the leading name, behind a first auxiliary verb. A sentence not
/// opening with the name is left as it is.
pub(crate) fn add_also(sentence: &str, leading_name: &str) -> String {
    let Some(rest) = sentence.strip_prefix(leading_name) else {
        return sentence.to_string();
    };
    let Some(rest) = rest.strip_prefix(' ') else {
        return sentence.to_string();
    };
    let (verb, after) = rest.split_once(' ').unwrap_or((rest, ""));
    if after.is_empty() {
        return sentence.to_string();
    }
    if ["is", "was", "are", "were", "has", "have", "had"].contains(&verb) {
        format!("{leading_name} {verb} also {after}")
    } else {
        format!("{leading_name} also {verb} {after}")
    }
}

/// "A, B and C": names joined as a sentence lists them.
pub(crate) fn join_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "A and B is credited as a writer" reads "A and B are each credited as a writer": the verb right
/// after a list of names opening the sentence agrees with it, and "each" keeps the rest singular.
pub(crate) fn plural_after(sentence: &str, list: &str) -> String {
    let Some(rest) = sentence.strip_prefix(list) else {
        return sentence.to_string();
    };
    for (singular, plural) in [
        (" is ", " are each "),
        (" was ", " were each "),
        (" has ", " have each "),
    ] {
        if let Some(after) = rest.strip_prefix(singular) {
            return format!("{list}{plural}{after}");
        }
    }
    sentence.to_string()
}

/// "released on 1994" reads "released in 1994", "born in April 12, 1970" reads "born on April 12, 1970".
fn fix_date_preposition(out: &mut String, full: bool) {
    let (wrong, right) = if full {
        (" in ", " on ")
    } else {
        (" on ", " in ")
    };
    if out.ends_with(wrong) {
        out.truncate(out.len() - wrong.len());
        out.push_str(right);
    }
}

/// `1 parts` reads `1 part`: drops the plural `s` of the word right after a number one.
fn push_singular(out: &mut String, text: &str) {
    let Some(rest) = text.strip_prefix(' ') else {
        out.push_str(text);
        return;
    };
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..end];
    out.push(' ');
    if word.len() > 2 && word.ends_with('s') && !word.ends_with("ss") {
        out.push_str(&word[..word.len() - 1]);
    } else {
        out.push_str(word);
    }
    out.push_str(&rest[end..]);
}

/// "at the {object}" with an object named "The Grammy Awards" would read "at the The Grammy Awards":
/// drop the template's own "the".
fn drop_doubled_the(out: &mut String, value: &str, _at_start: bool) {
    if !starts_with_word(value, "the") {
        return;
    }
    for article in ["the ", "The "] {
        if out.ends_with(article) {
            let before = &out[..out.len() - article.len()];
            if before.is_empty() || before.ends_with(' ') || before.ends_with('"') {
                out.truncate(before.len());
                return;
            }
        }
    }
}

/// "a {object}" before a vowel sound reads "an": fixes the template's article to suit the value.
fn fix_indefinite_article(out: &mut String, value: &str) {
    for (article, capital) in [("a ", false), ("an ", false), ("A ", true), ("An ", true)] {
        if out.ends_with(article) {
            let before_len = out.len() - article.len();
            let before = &out[..before_len];
            if !(before.is_empty() || before.ends_with(' ')) {
                return;
            }
            let wanted = indefinite_article(value);
            out.truncate(before_len);
            if capital {
                out.push_str(&capitalise(wanted));
            } else {
                out.push_str(wanted);
            }
            out.push(' ');
            return;
        }
    }
}

/// `a` or `an` for the word that follows.
pub(crate) fn indefinite_article(next: &str) -> &'static str {
    let lower = next.trim_start().to_lowercase();
    let first = lower.chars().next().unwrap_or('x');
    let vowel_sound = match first {
        'a' | 'e' | 'i' | 'o' => !lower.starts_with("one") && !lower.starts_with("eu"),
        'u' => !["uni", "use", "usu", "uti", "ura", "ure", "uk"]
            .iter()
            .any(|prefix| lower.starts_with(prefix)),
        'h' => ["hour", "honest", "honor", "honour", "heir"]
            .iter()
            .any(|prefix| lower.starts_with(prefix)),
        '8' => true,
        _ => {
            lower.starts_with("11")
                && lower[2..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_digit())
                || lower.starts_with("18")
                    && lower[2..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_ascii_digit())
        }
    };
    if vowel_sound { "an" } else { "a" }
}

fn starts_with_word(text: &str, word: &str) -> bool {
    // `get`: the text may have a multi-byte character where the word would end.
    text.len() > word.len()
        && text
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && text[word.len()..].starts_with(' ')
}

/// Collapses doubled spaces and spaces before punctuation.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        if is_tidy_punctuation(c) && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// The punctuation [`tidy`] takes the space before away from.
fn is_tidy_punctuation(c: char) -> bool {
    matches!(c, '?' | '.' | ',' | '!' | ':' | ';')
}

/// [`tidy`] of an owned text, kept as it is when there is nothing to collapse (most filled
/// templates): a space followed by a space or punctuation is what `tidy` changes inside the text.
fn tidy_owned(text: String) -> String {
    let trimmed = text.trim();
    let untidy = trimmed.as_bytes().windows(2).any(|pair| {
        pair[0] == b' ' && (pair[1] == b' ' || is_tidy_punctuation(char::from(pair[1])))
    });
    if untidy {
        tidy(trimmed)
    } else if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    }
}

/// The text with its first letter in upper case.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => {
            let mut out = String::with_capacity(text.len() + 2);
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
            out
        }
        _ => text.to_string(),
    }
}

/// [`capitalise`] of an owned text, in place when its first letter is ASCII.
fn capitalise_in_place(text: &mut String) {
    match text.as_bytes().first() {
        Some(first) if first.is_ascii_lowercase() => text[..1].make_ascii_uppercase(),
        Some(first) if !first.is_ascii() => *text = capitalise(text),
        _ => {}
    }
}

/// The text with its first letter in lower case (a generated phrase going mid-sentence).
pub(crate) fn uncapitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let mut out = String::with_capacity(text.len() + 2);
            out.extend(first.to_lowercase());
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

/// Words that may open a question or statement and read right in lower case after "According to X, ".
const LOWERABLE_OPENERS: [&str; 30] = [
    "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "in", "on", "at",
    "from", "for", "to", "with", "under", "into", "during", "by", "the", "a", "an", "each", "its",
    "his", "her", "their", "members", "true",
];

/// "According to {label}, who directed X?"; a prompt opening with a name or another proper noun gets
/// the attribution at its end instead ("X was directed by Y, according to {label}.").
pub(crate) fn attribute(prompt: &str, label: &str, prompt_starts_with_name: bool) -> String {
    let first_word = prompt
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let lowerable = !prompt_starts_with_name
        && LOWERABLE_OPENERS
            .iter()
            .any(|word| word.eq_ignore_ascii_case(first_word));
    if lowerable {
        let mut chars = prompt.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_default();
        format!("According to {label}, {first}{}", chars.as_str())
    } else {
        let (body, end) = match prompt.char_indices().last() {
            Some((index, c)) if matches!(c, '?' | '.' | '!') => (&prompt[..index], c),
            _ => (prompt, '.'),
        };
        format!("{body}, according to {label}{end}")
    }
}

/// Whether a text is one sentence ending in a full stop: no ". " ends a sentence inside it. The full
/// stop of a title, an initial or an abbreviation ("Dr. Dre", "F. Gary Gray", "9:00 p.m. on") does not.
pub(crate) fn one_sentence(text: &str) -> bool {
    const TITLES: [&str; 7] = ["Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr"];
    text.ends_with('.')
        && search::occurrences(text, ". ").all(|at| {
            let before = text[..at].rsplit(' ').next().unwrap_or("");
            TITLES.contains(&before)
                || (before.chars().count() == 1 && before.chars().all(char::is_uppercase))
                // An abbreviation with full stops inside: "9:00 p.m. on HBO", "U.S. release".
                || (before.contains('.') && before.chars().all(|c| c == '.' || c.is_alphabetic()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_initials_do_not_end_a_sentence() {
        assert!(one_sentence("Dr. Dre comes from Compton."));
        assert!(one_sentence(
            "Menace II Society was directed by F. Gary Gray."
        ));
        assert!(!one_sentence("Bono was a member of U2. U2 is a rock band."));
        assert!(one_sentence("Part 1 premiered at 9:00 p.m. on HBO."));
        assert!(!one_sentence(
            "The series has 4 parts. It first aired on HBO."
        ));
        assert!(!one_sentence("No full stop at the end"));
    }

    #[test]
    fn regression_a_name_with_a_multibyte_character_after_its_first_letters_does_not_panic() {
        // Found by the fact-file fuzz campaign: "F\u{fffd} Gary Gray" sliced inside U+FFFD.
        assert!(!starts_with_word("F\u{fffd} Gary Gray", "the"));
        assert!(!starts_with_word("Aé b", "an"));
        assert!(starts_with_word("The Chronic", "the"));
    }

    fn q() -> Qualifiers {
        Qualifiers::default()
    }

    #[test]
    fn a_possessive_after_a_name_in_s_or_it_is_written_as_english_does() {
        let series = Slot::Name("the series".into());
        let text = fill(
            "When did {subject}'s last part air?",
            Some(&series),
            None,
            &q(),
        );
        assert_eq!(text.unwrap(), "When did the series' last part air?");
        let text = fill("{subject}\u{2019}s editors", Some(&series), None, &q());
        assert_eq!(text.unwrap(), "The series\u{2019} editors");
        let apple = Slot::Name("Apple".into());
        let text = fill(
            "the largest buy in {subject}'s history",
            Some(&apple),
            None,
            &q(),
        );
        assert_eq!(text.unwrap(), "The largest buy in Apple's history");
        // Only a possessive: a word going on after the apostrophe is left alone.
        let text = fill("{subject}'sound", Some(&series), None, &q());
        assert_eq!(text.unwrap(), "The series'sound");
        let text = fill("{subject} is on Netflix.", Some(&series), None, &q());
        assert_eq!(text.unwrap(), "The series is on Netflix.");
        let it = Slot::Name("It".into());
        let text = fill("{subject}'s episodes run long.", Some(&it), None, &q());
        assert_eq!(text.unwrap(), "Its episodes run long.");
        let text = fill("{subject}'sound", Some(&it), None, &q());
        assert_eq!(text.unwrap(), "It'sound");
    }

    #[test]
    fn names_keep_their_capitals_and_words_are_capitalised_at_the_start() {
        let name = Slot::Name("The Defiant Ones".into());
        let text = fill(
            "{subject} was directed by {object}.",
            Some(&name),
            Some(&Slot::Name("Allen Hughes".into())),
            &q(),
        );
        assert_eq!(
            text.unwrap(),
            "The Defiant Ones was directed by Allen Hughes."
        );
        let text = fill("Who directed {subject}?", Some(&name), None, &q()).unwrap();
        assert_eq!(text, "Who directed The Defiant Ones?");
        let lower = Slot::Name("will.i.am".into());
        let text = fill("{subject} attended.", Some(&lower), None, &q()).unwrap();
        assert_eq!(text, "will.i.am attended.");
        let phrase = Slot::Words("the person who directed Heat".into());
        let text = fill("Where was {subject} born?", Some(&phrase), None, &q()).unwrap();
        assert_eq!(text, "Where was the person who directed Heat born?");
        let text = fill("{subject} was born in Ohio.", Some(&phrase), None, &q()).unwrap();
        assert_eq!(text, "The person who directed Heat was born in Ohio.");
    }

    #[test]
    fn articles_suit_the_value() {
        let slot = Slot::Words("engineer".into());
        let text = fill(
            "{subject} works as a {object}.",
            Some(&Slot::Name("Ann".into())),
            Some(&slot),
            &q(),
        );
        assert_eq!(text.unwrap(), "Ann works as an engineer.");
        let slot = Slot::Name("The Grammy Awards".into());
        let text = fill("She won at the {object}.", None, Some(&slot), &q());
        assert_eq!(text.unwrap(), "She won at The Grammy Awards.");
        assert_eq!(indefinite_article("university"), "a");
        assert_eq!(indefinite_article("hour"), "an");
        assert_eq!(indefinite_article("18-year-old"), "an");
        assert_eq!(indefinite_article("180"), "a");
    }

    #[test]
    fn dates_take_on_or_in() {
        let year = Slot::Date {
            words: "1994".into(),
            full: false,
        };
        let day = Slot::Date {
            words: "April 12, 1970".into(),
            full: true,
        };
        let x = Slot::Name("X".into());
        assert_eq!(
            fill(
                "{subject} was released on {object}.",
                Some(&x),
                Some(&year),
                &q()
            )
            .unwrap(),
            "X was released in 1994."
        );
        assert_eq!(
            fill(
                "{subject} was born in {object}.",
                Some(&x),
                Some(&day),
                &q()
            )
            .unwrap(),
            "X was born on April 12, 1970."
        );
    }

    #[test]
    fn number_one_takes_the_singular() {
        let one = Slot::Number("1".into(), true);
        let text = fill(
            "{subject} has {object} parts.",
            Some(&Slot::Name("X".into())),
            Some(&one),
            &q(),
        );
        assert_eq!(text.unwrap(), "X has 1 part.");
        let four = Slot::Number("4".into(), false);
        let text = fill(
            "{subject} has {object} parts.",
            Some(&Slot::Name("X".into())),
            Some(&four),
            &q(),
        );
        assert_eq!(text.unwrap(), "X has 4 parts.");
    }

    #[test]
    fn quotes_are_marked_once_and_can_become_this() {
        let quote = Slot::Quote("I think Allen killed it".into());
        let speaker = Slot::Name("Dr. Dre".into());
        let text = fill(
            "{subject} said \"{object}\".",
            Some(&speaker),
            Some(&quote),
            &q(),
        );
        assert_eq!(text.unwrap(), "Dr. Dre said \"I think Allen killed it\".");
        let text = fill(
            "{subject} said {object}.",
            Some(&speaker),
            Some(&quote),
            &q(),
        );
        assert_eq!(
            text.unwrap(),
            "Dr. Dre said \u{201c}I think Allen killed it\u{201d}."
        );
        let qualifiers = Qualifiers {
            context: Some("at the premiere".into()),
            ..Qualifiers::default()
        };
        let text = fill(
            "Who said \"{object}\" {context}?",
            None,
            Some(&Slot::This),
            &qualifiers,
        );
        assert_eq!(text.unwrap(), "Who said this at the premiere?");
        let text = fill("Who said: \"{object}\"?", None, Some(&Slot::This), &q());
        assert_eq!(text.unwrap(), "Who said this?");
    }

    #[test]
    fn templates_need_their_qualifiers() {
        let with_role = Qualifiers {
            role: Some("FBI Agent".into()),
            ..Qualifiers::default()
        };
        assert!(usable("Who plays {role} in {subject}?", &with_role));
        assert!(!usable("Who plays {role} in {subject}?", &q()));
        let with_context = Qualifiers {
            context: Some("at the premiere".into()),
            ..Qualifiers::default()
        };
        assert!(
            !usable("How old was {subject}?", &with_context),
            "drops the context"
        );
        assert!(fillable("How old was {subject}?", &with_context));
        assert!(fill("Who plays {role}?", None, None, &q()).is_none());
    }

    #[test]
    fn attribution_reads_right() {
        assert_eq!(
            attribute("Who directed X?", "the encyclopedia entry", false),
            "According to the encyclopedia entry, who directed X?"
        );
        assert_eq!(
            attribute("Netflix paid US$3 billion.", "the report", false),
            "Netflix paid US$3 billion, according to the report."
        );
        assert_eq!(
            attribute("The Defiant Ones won.", "the report", true),
            "The Defiant Ones won, according to the report."
        );
    }

    #[test]
    fn normalised_texts_join_as_their_concatenation_normalises() {
        let texts = [
            "",
            "?!",
            "Who is Dr. Dre's partner?",
            "Simon & Garfunkel",
            "Doctor",
            "Beyoncé’s “Lemonade”",
            "rock 'n' roll",
            "Straße ﬁre Œdipus",
            " 3,000,000 ",
        ];
        for first in texts {
            for second in texts {
                assert_eq!(
                    join_normalised(&[&normalise(first), &normalise(second)]),
                    normalise(&format!("{first} {second}")),
                    "{first:?} {second:?}"
                );
            }
        }
    }

    #[test]
    fn leaks_are_found_as_whole_words() {
        assert!(leaks(
            "Who directed Menace II Society?",
            &["Menace II Society"]
        ));
        assert!(leaks("Who is Dr Dre's partner?", &["Dr. Dre"]));
        assert!(leaks("Who is Doctor Dre’s partner?", &["Dr. Dre"]));
        assert!(leaks(
            "Who sang with Simon and Garfunkel?",
            &["Simon & Garfunkel"]
        ));
        assert!(leaks("What did the Chronic sell?", &["The Chronic"]));
        assert!(!leaks("Who founded Interscope?", &["Scope"]));
        assert!(!leaks("Who directed it?", &[""]));
        assert!(leaks("Was it Beyoncé?", &["Beyonce"]));
    }
}

#[cfg(test)]
mod in_place_tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn tidying_and_capitalising_in_place_read_as_copying_does(
            text in "[ a.?,!;:ÉéßXy\u{2003}]{0,12}",
        ) {
            proptest::prop_assert_eq!(tidy_owned(text.clone()), tidy(&text));
            let mut capitalised = text.clone();
            capitalise_in_place(&mut capitalised);
            proptest::prop_assert_eq!(capitalised, capitalise(&text));
        }
    }
}

#[cfg(test)]
#[path = "phrasing_joining_tests.rs"]
mod joining_tests;
