//! Judges a typed answer to an open question the way a strict quiz host does: the answer or an accepted
//! alternative (numbers in any writing, a leading article left off when nothing else bears the rest, a
//! plural for a singular), a forgiven typo that is not itself a real word or a known name, a prompt for
//! more when a surname alone names a person, and never a rejected answer or one at least as close to
//! another known name.

use super::Verdict;
use super::fuzzy::{Allowance, Words, forgiven, identical, within};
use super::lexicon::Lexicon;
use super::normalize::{ARTICLES, normalize_into, without_leading_article};
use super::numerals::in_digits;

/// A free-text answer line, in the manner of quizbowl: the answer, what else to accept, what to ask more
/// about, and what never to accept.
pub(crate) struct AnswerLine<'q> {
    pub(crate) answer: &'q str,
    pub(crate) accept: &'q [String],
    pub(crate) prompt_on: &'q [String],
    pub(crate) reject: &'q [String],
    pub(crate) kind: Option<&'q str>,
}

impl<'q> AnswerLine<'q> {
    /// The answer and every accepted alternative, as written.
    fn own_texts(&self) -> impl Iterator<Item = &'q str> + use<'q> {
        std::iter::once(self.answer).chain(self.accept.iter().map(String::as_str))
    }
}

/// Kinds whose answers are people: a surname or first name alone is met with "Which ...?".
const PERSON_KINDS: [&str; 20] = [
    "person",
    "people",
    "actor",
    "actress",
    "artist",
    "athlete",
    "author",
    "composer",
    "director",
    "inventor",
    "monarch",
    "musician",
    "painter",
    "player",
    "poet",
    "politician",
    "producer",
    "scientist",
    "singer",
    "writer",
];

/// Words that stand before a name and never name anyone alone (normalised).
const TITLE_WORDS: [&str; 12] = [
    "dr", "mr", "mrs", "ms", "prof", "st", "sir", "dame", "lord", "lady", "jr", "sr",
];

/// `Believin’` → `Believing`: a word whose final g is dropped with an apostrophe, written out in full;
/// `None` when the text drops none.
fn with_dropped_g_restored(text: &str) -> Option<String> {
    if !text.contains(['\'', '’']) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut changed = false;
    let mut chars = text.chars().peekable();
    let mut previous: [char; 2] = [' ', ' '];
    while let Some(c) = chars.next() {
        let apostrophe = matches!(c, '\'' | '’');
        let ends_word = chars.peek().is_none_or(|next| !next.is_alphanumeric());
        if apostrophe
            && ends_word
            && previous[0].eq_ignore_ascii_case(&'i')
            && previous[1].eq_ignore_ascii_case(&'n')
        {
            out.push('g');
            changed = true;
        } else {
            out.push(c);
        }
        previous = [previous[1], c];
    }
    changed.then_some(out)
}

/// One accepted way of writing the answer, normalised with numbers in digits.
struct Form<'q> {
    text: String,
    /// The text as the question writes it, for "it is spelled ...".
    shown: &'q str,
}

/// A text normalised with numbers in digits, as every comparison here sees it.
fn comparable(text: &str, scratch: &mut String) -> String {
    normalize_into(text, scratch);
    in_digits(scratch).into_owned()
}

/// `Name` for `Name (qualifier)`; `None` when the text does not end in a parenthesis.
fn without_trailing_parenthesis(text: &str) -> Option<&str> {
    let open = text.trim_end().strip_suffix(')')?;
    let (bare, _) = open.rsplit_once('(')?;
    let bare = bare.trim_end();
    (!bare.is_empty()).then_some(bare)
}

/// Whether `text` starts with an article written as a word of its own (`The Gambia`, not `A-ha`).
fn has_leading_article(text: &str) -> bool {
    let text = text.trim_start();
    let Some((first, _)) = text.split_once(char::is_whitespace) else {
        return false;
    };
    ARTICLES
        .iter()
        .any(|article| first.eq_ignore_ascii_case(article))
}

/// Whether a normalised text is nothing but articles (`the`, `a the`).
fn only_articles(text: &str) -> bool {
    text.split(' ').all(|word| ARTICLES.contains(&word))
}

/// Whether the lexicon names, by this normalised text, an entity of the answer's kind that is not the
/// answer itself (none of its names is one of `own`).
fn names_another(lexicon: &Lexicon, normalized: &str, kind: Option<&str>, own: &[Form]) -> bool {
    lexicon.named(normalized).iter().any(|&entry| {
        lexicon.kind_matches(entry, kind)
            && !lexicon
                .names_of(entry)
                .iter()
                .any(|name| own.iter().any(|form| form.text == *name))
    })
}

/// Whether two words are one word in the singular and the plural (`universities` and `university`,
/// `volcanos` and `volcanoes`), judged by the word list: their common singular must be a real word.
fn same_word_but_number(a: &str, b: &str, lexicon: &Lexicon) -> bool {
    if a == b {
        return true;
    }
    // Cheap test first: one ends in `s` and they share all but their last three letters.
    let shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    if !(a.ends_with('s') || b.ends_with('s')) || shared + 3 < a.len().max(b.len()) {
        return false;
    }
    let Some(list) = lexicon.dictionary() else {
        return false;
    };
    // Both are listed words (`amidz` is not, so it is no plural of anything).
    if !(list.contains(a) && list.contains(b)) {
        return false;
    }
    // The singular: the first of `-ies` → `-y`, `-s`, `-es` taken off that leaves a listed word
    // (`amides` → `amide`, `amids` → `amid`, `volcanoes` → `volcano`).
    let singular = |word: &str| -> String {
        [
            word.strip_suffix("ies").map(|stem| format!("{stem}y")),
            word.strip_suffix('s').map(str::to_string),
            word.strip_suffix("es").map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .find(|stem| stem.len() >= 4 && list.lookup(stem) == Some(super::dictionary::Known::Word))
        .unwrap_or_else(|| word.to_string())
    };
    singular(a) == singular(b)
}

/// Whether the guess is the form with a word (or the whole, spaces ignored) in the other grammatical number.
fn same_but_number(guess: &str, form: &str, lexicon: &Lexicon) -> bool {
    let compact = |text: &str| text.replace(' ', "");
    if same_word_but_number(&compact(guess), &compact(form), lexicon) {
        return true;
    }
    let (guess_words, form_words): (Vec<&str>, Vec<&str>) =
        (guess.split(' ').collect(), form.split(' ').collect());
    guess_words.len() == form_words.len()
        && guess_words
            .iter()
            .zip(&form_words)
            .all(|(a, b)| same_word_but_number(a, b, lexicon))
}

/// `hughes` → `Hughes`, for a question back to the player in their own words.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Checks `input` against a free-text answer line and the lexicon.
pub(crate) fn check<'q>(line: &AnswerLine<'q>, input: &str, lexicon: &Lexicon) -> Verdict {
    let kind = line.kind.map(str::trim).filter(|kind| !kind.is_empty());
    if input.trim().is_empty() {
        return Verdict::not_understood("type an answer");
    }
    let mut scratch = String::new();
    let mut forms: Vec<Form<'q>> = Vec::with_capacity(2 + line.accept.len());
    let push = |forms: &mut Vec<Form<'q>>, text: String, shown: &'q str| {
        if !text.is_empty() && !forms.iter().any(|form| form.text == text) {
            forms.push(Form { text, shown });
        }
    };
    let mut answer_normalized = String::new();
    normalize_into(line.answer, &mut answer_normalized);
    push(
        &mut forms,
        in_digits(&answer_normalized).into_owned(),
        line.answer,
    );
    for text in line.accept {
        let form = comparable(text, &mut scratch);
        push(&mut forms, form, text);
    }
    for text in line.own_texts() {
        if let Some(full) = with_dropped_g_restored(text) {
            let form = comparable(&full, &mut scratch);
            push(&mut forms, form, text);
        }
    }
    if forms.is_empty() {
        // An answer with no letters or digits at all: only the same characters count.
        return Verdict::from_bool(input.trim() == line.answer.trim());
    }
    // A trailing parenthesis only tells names apart ("The Defiant Ones (1958 film)"): the name without
    // it is accepted too, unless it names another known entity of the same kind.
    for text in line.own_texts() {
        let Some(bare) = without_trailing_parenthesis(text) else {
            continue;
        };
        normalize_into(bare, &mut scratch);
        if !scratch.is_empty() && !names_another(lexicon, &scratch, kind, &forms) {
            let form = in_digits(&scratch).into_owned();
            push(&mut forms, form, text);
        }
    }
    // A leading article may be left off ("Gambia" for The Gambia) when what remains is more than articles
    // ("The" is not The The) and names no other known entity.
    for text in line.own_texts() {
        if !has_leading_article(text) {
            continue;
        }
        normalize_into(text, &mut scratch);
        let bare = without_leading_article(&scratch);
        if bare.len() < scratch.len()
            && !only_articles(bare)
            && !names_another(lexicon, bare, kind, &forms)
        {
            let form = in_digits(bare).into_owned();
            push(&mut forms, form, text);
        }
    }
    // The entity named like the answer lends its other names from the fact base.
    for &entry in lexicon.named(&answer_normalized) {
        if !lexicon.kind_matches(entry, kind) {
            continue;
        }
        for name in lexicon.names_of(entry) {
            if !forms.iter().any(|form| form.text == *name) {
                push(&mut forms, name.clone(), line.answer);
            }
        }
    }

    normalize_into(input, &mut scratch);
    let guess_normalized = std::mem::take(&mut scratch);
    if guess_normalized.is_empty() {
        return Verdict::not_understood("type the answer in letters or digits");
    }
    let guess_in_digits = in_digits(&guess_normalized);
    let guess: &str = &guess_in_digits;
    let guess_words = Words::new(guess);

    // Rejected answers are wrong, however they are written.
    let rejects: Vec<String> = line
        .reject
        .iter()
        .map(|text| comparable(text, &mut scratch))
        .filter(|text| !text.is_empty())
        .collect();
    if rejects
        .iter()
        .any(|text| identical(&guess_words, &Words::new(text)))
    {
        return Verdict::Wrong;
    }

    // Each form's words, split once.
    let form_words: Vec<Words> = forms.iter().map(|form| Words::new(&form.text)).collect();
    if form_words
        .iter()
        .any(|words| identical(&guess_words, words))
    {
        return Verdict::Correct;
    }

    // An article the answer does not have: right, unless with it the guess names another known entity
    // ("The Invisible Man" for Invisible Man).
    let bare_guess = without_leading_article(guess);
    if bare_guess.len() < guess.len()
        && form_words
            .iter()
            .any(|words| identical(&Words::new(bare_guess), words))
    {
        return if names_another(lexicon, &guess_normalized, kind, &forms) {
            Verdict::Wrong
        } else {
            Verdict::Correct
        };
    }

    if line
        .prompt_on
        .iter()
        .any(|text| identical(&guess_words, &Words::new(&comparable(text, &mut scratch))))
    {
        return Verdict::prompt("Can you be more specific?");
    }

    let is_person = kind.is_some_and(|kind| {
        PERSON_KINDS
            .iter()
            .any(|person| kind.eq_ignore_ascii_case(person))
    });
    if !is_person
        && forms
            .iter()
            .any(|form| same_but_number(guess, &form.text, lexicon))
    {
        return Verdict::Correct;
    }

    // A surname or first name alone: a host asks "Which Hughes?".
    if is_person && !guess.contains(' ') && !TITLE_WORDS.contains(&guess) {
        let part_of_a_name = forms.iter().any(|form| {
            let mut words = form.text.split(' ');
            let first_word = words.next();
            let last_word = words.next_back();
            last_word.is_some() && (first_word == Some(guess) || last_word == Some(guess))
        });
        if part_of_a_name {
            return Verdict::prompt(format!(
                "Which {}? Give the whole name.",
                capitalised(input.trim())
            ));
        }
    }

    // A typo, provided no typed word is a real word or a known name of its own (a hashed lookup or two,
    // cheaper than remembering the pairs already asked).
    let real = |typed: &str, answer: &str| lexicon.is_another_word(typed, answer);
    let allowance = Allowance {
        strict: lexicon.dictionary().is_none(),
        real: Some(&real),
    };
    let mut best: Option<(u32, usize)> = None;
    for (index, words) in form_words.iter().enumerate() {
        if let Some(distance) = forgiven(&guess_words, words, allowance) {
            if best.is_none_or(|(best, _)| distance < best) {
                best = Some((distance, index));
            }
        }
    }
    let Some((distance, index)) = best else {
        return Verdict::Wrong;
    };
    if rejects
        .iter()
        .any(|text| within(&guess_words, &Words::new(text), distance))
    {
        return Verdict::Wrong;
    }
    let near = lexicon.confusables_near(kind, guess_words.sketch.len(), distance);
    let candidates = near.iter().flat_map(|group| {
        group
            .sketches
            .iter()
            .zip(group.names)
            .filter(|(sketch, _)| guess_words.sketch.may_be_within(**sketch, distance))
            .map(|(_, name)| name)
    });
    for name in candidates {
        // An entity known by one of the accepted spellings is the answer itself.
        let itself = lexicon
            .names_of(name.entry)
            .iter()
            .any(|other| forms.iter().any(|form| form.text == *other));
        if !itself && within(&guess_words, &name.words(), distance) {
            return Verdict::Wrong;
        }
    }
    if distance == 0 {
        // The answer's words in another order.
        return Verdict::Correct;
    }
    Verdict::Misspelt {
        spelling: forms[index].shown.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_gs_are_restored() {
        assert_eq!(
            with_dropped_g_restored("Don’t Stop Believin’").as_deref(),
            Some("Don’t Stop Believing")
        );
        assert_eq!(
            with_dropped_g_restored("Rockin' Robin").as_deref(),
            Some("Rocking Robin")
        );
        assert_eq!(with_dropped_g_restored("Don't Stop"), None);
        assert_eq!(with_dropped_g_restored("In'"), Some("Ing".to_string()));
        assert_eq!(with_dropped_g_restored("the rain'sx"), None);
    }

    #[test]
    fn articles_alone_and_leading_articles() {
        assert!(only_articles("the"));
        assert!(only_articles("a the"));
        assert!(!only_articles("the band"));
        assert!(has_leading_article("The Gambia"));
        assert!(has_leading_article("  an Apple"));
        assert!(!has_leading_article("A-ha"));
        assert!(!has_leading_article("The"));
        assert!(!has_leading_article("Theory of Everything"));
    }
}
