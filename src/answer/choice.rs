//! Reads a player's pick among shown options: a letter, a number or the option typed out; a list for
//! select-all; a sequence for order; always through the on-screen layout.

use super::Verdict;
use super::fuzzy::{Allowance, Words, forgiven, within};
// An article never tells shown options apart: "chronic" picks "The Chronic".
use super::normalize::{
    normalize_into_without_article as normalize_into, normalize_without_article as normalize,
};
use crate::question::Layout;

/// Longest piece of the player's own text quoted back in a reason.
const QUOTE_LIMIT: usize = 40;

/// Multiple choice and quote: one option, by letter, number or text.
pub(crate) fn check_one(
    options: &[String],
    answer: usize,
    aliases: &[String],
    layout: &Layout,
    input: &str,
) -> Verdict {
    let typed = input.trim();
    let count = options.len();
    if typed.is_empty() {
        return Verdict::not_understood(pick_hint(count));
    }
    let texts = OptionTexts {
        options,
        aliases: Some((answer, aliases)),
    };
    match pick_one(typed, &texts, layout) {
        Ok(index) => Verdict::from_bool(index == answer),
        Err(reason) => Verdict::NotUnderstood { reason },
    }
}

/// True or false, as `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n`, or the shown options A) True B) False
/// by letter or number.
pub(crate) fn check_true_false(answer: bool, input: &str) -> Verdict {
    const WORDS: [(&str, bool); 16] = [
        ("true", true),
        ("t", true),
        ("yes", true),
        ("y", true),
        ("a", true),
        ("1", true),
        ("right", true),
        ("correct", true),
        ("false", false),
        ("f", false),
        ("no", false),
        ("n", false),
        ("b", false),
        ("2", false),
        ("wrong", false),
        ("incorrect", false),
    ];
    const HINT: &str = "answer true or false (or A for true, B for false)";
    let typed = normalize(input);
    if typed.is_empty() {
        return Verdict::not_understood(HINT);
    }
    if let Some(&(_, value)) = WORDS.iter().find(|(word, _)| *word == typed) {
        return Verdict::from_bool(value == answer);
    }
    let guess = Words::new(&typed);
    let mut best: Option<(u32, bool)> = None;
    let mut tied = false;
    for (word, value) in WORDS {
        if let Some(distance) = forgiven(&guess, &Words::new(word), Allowance::PLAIN) {
            match best {
                Some((best_distance, best_value)) if distance == best_distance => {
                    tied |= best_value != value;
                }
                Some((best_distance, _)) if distance > best_distance => {}
                _ => {
                    best = Some((distance, value));
                    tied = false;
                }
            }
        }
    }
    match best {
        Some((_, value)) if !tied => Verdict::from_bool(value == answer),
        _ => Verdict::not_understood(HINT),
    }
}

/// Select all that apply: the exact set of options, by letters, numbers or texts.
pub(crate) fn check_select_all(
    options: &[String],
    answers: &[usize],
    layout: &Layout,
    input: &str,
) -> Verdict {
    let count = options.len();
    let texts = OptionTexts {
        options,
        aliases: None,
    };
    let mut picked = match read_list(input, &texts, layout) {
        Ok(picked) => picked,
        Err(reason) => return Verdict::NotUnderstood { reason },
    };
    picked.sort_unstable();
    picked.dedup();
    let mut wanted: Vec<usize> = answers
        .iter()
        .copied()
        .filter(|&index| index < count)
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    Verdict::from_bool(picked == wanted)
}

/// Order: every item exactly once, first to last.
pub(crate) fn check_order(items: &[String], layout: &Layout, input: &str) -> Verdict {
    let count = items.len();
    let texts = OptionTexts {
        options: items,
        aliases: None,
    };
    let picked = match read_list(input, &texts, layout) {
        Ok(picked) => picked,
        Err(reason) => return Verdict::NotUnderstood { reason },
    };
    let mut seen = vec![false; count];
    for &index in &picked {
        if std::mem::replace(&mut seen[index], true) {
            return Verdict::NotUnderstood {
                reason: format!(
                    "{} is listed more than once; list every item once, first to last",
                    shown_label(layout, index)
                ),
            };
        }
    }
    if let Some(missing) = seen.iter().position(|&seen| !seen) {
        return Verdict::NotUnderstood {
            reason: format!(
                "{} is missing; list all {count} items, first to last",
                shown_label(layout, missing)
            ),
        };
    }
    Verdict::from_bool(picked.iter().copied().eq(0..count))
}

/// The options as typed text may name them: each option's text, and the answer's aliases.
struct OptionTexts<'q> {
    options: &'q [String],
    /// The answer's index and its other accepted spellings.
    aliases: Option<(usize, &'q [String])>,
}

/// What a typed text names among the options.
enum TextPick {
    Option(usize),
    Nothing,
    /// As close to two options or more.
    Ambiguous,
}

impl OptionTexts<'_> {
    fn count(&self) -> usize {
        self.options.len()
    }

    /// Every accepted text with the option it names, normalised.
    fn normalized(&self) -> Vec<(usize, String)> {
        let mut texts: Vec<(usize, String)> = self
            .options
            .iter()
            .enumerate()
            .map(|(index, text)| (index, normalize(text)))
            .collect();
        if let Some((answer, aliases)) = self.aliases {
            if answer < self.count() {
                texts.extend(aliases.iter().map(|alias| (answer, normalize(alias))));
            }
        }
        texts.retain(|(_, text)| !text.is_empty());
        texts
    }

    /// The option a typed text names: the nearest within the typo budget, provided no other option is as
    /// close.
    fn find(&self, typed: &str) -> TextPick {
        let guess = normalize(typed);
        if guess.is_empty() {
            return TextPick::Nothing;
        }
        let guess = Words::new(&guess);
        let texts = self.normalized();
        let mut best: Option<(u32, usize)> = None;
        for (index, text) in &texts {
            if let Some(distance) = forgiven(&guess, &Words::new(text), Allowance::PLAIN) {
                if best.is_none_or(|(best_distance, _)| distance < best_distance) {
                    best = Some((distance, *index));
                }
            }
        }
        let Some((distance, index)) = best else {
            return TextPick::Nothing;
        };
        if texts
            .iter()
            .any(|(other, text)| *other != index && within(&guess, &Words::new(text), distance))
        {
            return TextPick::Ambiguous;
        }
        TextPick::Option(index)
    }

    /// The option whose text starts with the number `typed` (`4` for `4 parts`, `US$4 billion`), if
    /// `typed` is a bare number and exactly one option starts with it: then a digit label is ambiguous.
    fn led_by_number(&self, typed: &str) -> Option<usize> {
        let typed = typed.trim();
        if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut found = None;
        for (index, option) in self.options.iter().enumerate() {
            let digits: String = option
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .filter(char::is_ascii_digit)
                .collect();
            if digits == typed {
                if found.is_some() {
                    return None;
                }
                found = Some(index);
            }
        }
        found
    }

    /// The option whose text is exactly `typed` once both are normalised, if any (cheap: one buffer).
    fn exactly(&self, typed: &str) -> Option<usize> {
        let guess = normalize(typed);
        if guess.is_empty() {
            return None;
        }
        let mut buffer = String::new();
        let aliases = self
            .aliases
            .filter(|&(answer, _)| answer < self.count())
            .into_iter()
            .flat_map(|(answer, aliases)| aliases.iter().map(move |alias| (answer, alias)));
        self.options
            .iter()
            .enumerate()
            .chain(aliases)
            .find(|(_, text)| {
                could_normalize_to(text, &guess) && {
                    normalize_into(text, &mut buffer);
                    buffer == guess
                }
            })
            .map(|(index, _)| index)
    }
}

/// A quick test that rules out most texts that do not normalise to `normalized`: an ASCII text without `&`
/// normalises to characters it contains (in either case), except the `r` of `missus` → `mrs`.
fn could_normalize_to(text: &str, normalized: &str) -> bool {
    if !text.is_ascii() || text.contains('&') {
        return true;
    }
    normalized.bytes().all(|wanted| {
        wanted == b' '
            || wanted == b'r'
            || text.bytes().any(|byte| byte.eq_ignore_ascii_case(&wanted))
    })
}

/// A token that reads as an option label.
enum Label {
    /// A position on screen that exists.
    At(usize),
    /// A label of no option, as the player typed it.
    Missing(String),
}

/// Reads `b`, `B`, `b)`, `(b)`, `b.`, `2`, `2)`, `#2` as a label; `None` for anything else.
fn read_label(token: &str, count: usize) -> Option<Label> {
    let inner = token
        .trim()
        .trim_start_matches(['(', '[', '#'])
        .trim_end_matches([')', ']', '.', ':']);
    let bytes = inner.as_bytes();
    let position = match bytes {
        [letter] if letter.is_ascii_alphabetic() => usize::from(letter.to_ascii_lowercase() - b'a'),
        [_] | [_, _] if bytes.iter().all(u8::is_ascii_digit) => {
            match inner.parse::<usize>().ok()?.checked_sub(1) {
                Some(position) => position,
                None => return Some(Label::Missing(inner.to_string())),
            }
        }
        _ => return None,
    };
    Some(if position < count {
        Label::At(position)
    } else {
        Label::Missing(inner.to_ascii_uppercase())
    })
}

/// Reads `cab` or `312` as labels when every letter (or digit) names a shown option.
fn read_compact(token: &str, count: usize) -> Option<Vec<usize>> {
    if token.len() < 2 {
        return None;
    }
    let bytes = token.as_bytes();
    if bytes.iter().all(u8::is_ascii_alphabetic) {
        let positions: Vec<usize> = bytes
            .iter()
            .map(|letter| usize::from(letter.to_ascii_lowercase() - b'a'))
            .collect();
        return positions
            .iter()
            .all(|&position| position < count)
            .then_some(positions);
    }
    if count <= 9 && bytes.iter().all(u8::is_ascii_digit) {
        let positions: Vec<usize> = bytes
            .iter()
            .map(|digit| usize::from(digit - b'0'))
            .collect();
        return positions
            .iter()
            .all(|&number| (1..=count).contains(&number))
            .then(|| positions.iter().map(|number| number - 1).collect());
    }
    None
}

/// One option from a whole answer: a label, or a text naming one option.
fn pick_one(typed: &str, texts: &OptionTexts, layout: &Layout) -> Result<usize, String> {
    let count = texts.count();
    match read_label(typed, count) {
        Some(Label::At(position)) => {
            let index = canonical(layout, position, count)?;
            match texts.exactly(typed).or_else(|| texts.led_by_number(typed)) {
                Some(named) if named != index => Err(format!(
                    "`{}` is both a label and another option's text; type the letter",
                    quoted(typed)
                )),
                _ => Ok(index),
            }
        }
        label => match texts.find(typed) {
            TextPick::Option(index) => Ok(index),
            TextPick::Ambiguous => Err(format!(
                "that is as close to more than one option; {}",
                pick_hint(count)
            )),
            TextPick::Nothing => Err(match label {
                Some(Label::Missing(shown)) => {
                    format!("there is no option {shown}; {}", pick_hint(count))
                }
                _ => format!("that is not one of the options; {}", pick_hint(count)),
            }),
        },
    }
}

/// A list of options (canonical indices, as given, duplicates kept) from `a, c`, `a c`, `ac`, `1 3`,
/// `c > a > b` or option texts separated by commas.
fn read_list(input: &str, texts: &OptionTexts, layout: &Layout) -> Result<Vec<usize>, String> {
    let typed = input.trim();
    if typed.is_empty() {
        return Err(list_hint(texts.count()));
    }
    let mut picked = Vec::new();
    let mut failure = None;
    for part in typed.split([',', ';', '\n', '>', '→', '|']) {
        let part = part.trim().trim_end_matches(['-', '=']).trim();
        if part.is_empty() {
            continue;
        }
        match read_part(part, texts, layout, true) {
            Ok(indices) => picked.extend(indices),
            Err(reason) => {
                failure = Some(reason);
                break;
            }
        }
    }
    match failure {
        None if !picked.is_empty() => Ok(picked),
        _ => match texts.find(typed) {
            // The whole answer may be one option with a comma in its text.
            TextPick::Option(index) => Ok(vec![index]),
            _ => Err(failure.unwrap_or_else(|| list_hint(texts.count()))),
        },
    }
}

fn read_part(
    part: &str,
    texts: &OptionTexts,
    layout: &Layout,
    split_and: bool,
) -> Result<Vec<usize>, String> {
    let count = texts.count();
    let tokens: Vec<&str> = part
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '&' | '+'))
        .filter(|token| {
            !token.is_empty()
                && !token.eq_ignore_ascii_case("and")
                && !token.eq_ignore_ascii_case("then")
        })
        .collect();
    let labels: Option<Vec<Label>> = tokens
        .iter()
        .map(|token| read_label(token, count))
        .collect();
    let positions = match labels {
        Some(labels) if !labels.is_empty() => {
            let mut positions = Vec::with_capacity(labels.len());
            for label in labels {
                match label {
                    Label::At(position) => positions.push(position),
                    Label::Missing(shown) => {
                        return match texts.exactly(part) {
                            Some(index) => Ok(vec![index]),
                            None => {
                                Err(format!("there is no option {shown}; {}", list_hint(count)))
                            }
                        };
                    }
                }
            }
            Some(positions)
        }
        _ => match tokens.as_slice() {
            [token] => read_compact(token, count),
            _ => None,
        },
    };
    if let Some(positions) = positions {
        let indices = positions
            .into_iter()
            .map(|position| canonical(layout, position, count))
            .collect::<Result<Vec<usize>, String>>()?;
        return match texts.exactly(part) {
            Some(index) if indices != [index] => Err(format!(
                "`{}` is both labels and an option's text; type the letters",
                quoted(part)
            )),
            _ => Ok(indices),
        };
    }
    match texts.find(part) {
        TextPick::Option(index) => Ok(vec![index]),
        TextPick::Ambiguous => Err(format!(
            "`{}` is as close to more than one option; {}",
            quoted(part),
            list_hint(count)
        )),
        TextPick::Nothing => {
            if split_and {
                let pieces = split_on_and(part);
                if pieces.len() > 1 {
                    let mut indices = Vec::new();
                    for piece in pieces {
                        indices.extend(read_part(piece, texts, layout, false)?);
                    }
                    return Ok(indices);
                }
            }
            Err(format!(
                "`{}` is not one of the options; {}",
                quoted(part),
                list_hint(count)
            ))
        }
    }
}

/// Splits `Dr Dre and Ice Cube` or `Dr Dre & Ice Cube` into its pieces.
fn split_on_and(part: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = part;
    loop {
        let lower = rest.to_ascii_lowercase();
        let found = [" and ", "&"]
            .iter()
            .filter_map(|separator| lower.find(separator).map(|at| (at, separator.len())))
            .min();
        match found {
            Some((at, len)) if rest.is_char_boundary(at) && rest.is_char_boundary(at + len) => {
                pieces.push(rest[..at].trim());
                rest = &rest[at + len..];
            }
            _ => {
                pieces.push(rest.trim());
                break;
            }
        }
    }
    pieces.retain(|piece| !piece.is_empty());
    pieces
}

/// The canonical option shown at `position`.
fn canonical(layout: &Layout, position: usize, count: usize) -> Result<usize, String> {
    layout
        .choice_at(position)
        .filter(|&index| index < count)
        .ok_or_else(|| format!("there is no option {}", position_label(position)))
}

/// How the option with canonical index `index` is labelled on screen.
fn shown_label(layout: &Layout, index: usize) -> String {
    position_label(layout.position_of(index).unwrap_or(index))
}

fn position_label(position: usize) -> String {
    match u8::try_from(position) {
        Ok(position) if position < 26 => char::from(b'A' + position).to_string(),
        _ => (position + 1).to_string(),
    }
}

fn labels_range(count: usize) -> (String, String) {
    match count {
        0 | 1 => ("A".to_string(), "1".to_string()),
        _ => (
            format!("A–{}", position_label(count - 1)),
            format!("1–{count}"),
        ),
    }
}

fn pick_hint(count: usize) -> String {
    let (letters, numbers) = labels_range(count);
    format!("type a letter ({letters}), a number ({numbers}) or an option as written")
}

fn list_hint(count: usize) -> String {
    let (letters, _) = labels_range(count);
    format!(
        "list letters ({letters}) separated by spaces or commas, or option texts separated by commas"
    )
}

fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTE_LIMIT) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let at = |token, count| match read_label(token, count) {
            Some(Label::At(position)) => Some(Ok(position)),
            Some(Label::Missing(shown)) => Some(Err(shown)),
            None => None,
        };
        assert_eq!(at("b", 4), Some(Ok(1)));
        assert_eq!(at("B)", 4), Some(Ok(1)));
        assert_eq!(at("(c)", 4), Some(Ok(2)));
        assert_eq!(at("4.", 4), Some(Ok(3)));
        assert_eq!(at("z", 4), Some(Err("Z".to_string())));
        assert_eq!(at("0", 4), Some(Err("0".to_string())));
        assert_eq!(at("12", 4), Some(Err("12".to_string())));
        assert_eq!(at("ab", 4), None);
        assert_eq!(at("123", 4), None);
        assert_eq!(at("é", 4), None);
    }

    #[test]
    fn compact_labels() {
        assert_eq!(read_compact("cab", 3), Some(vec![2, 0, 1]));
        assert_eq!(read_compact("312", 3), Some(vec![2, 0, 1]));
        assert_eq!(read_compact("cad", 3), None);
        assert_eq!(read_compact("c", 3), None);
        assert_eq!(read_compact("ice", 4), None);
    }

    #[test]
    fn splits_on_and() {
        assert_eq!(split_on_and("Dr Dre and Ice Cube"), ["Dr Dre", "Ice Cube"]);
        assert_eq!(
            split_on_and("Dr Dre & Ice Cube AND Eazy-E"),
            ["Dr Dre", "Ice Cube", "Eazy-E"]
        );
        assert_eq!(split_on_and("Andre"), ["Andre"]);
    }

    #[test]
    fn quick_test_never_rules_out_a_match() {
        let texts = [
            "The B",
            "b",
            "Mrs Robinson",
            "Missus Robinson",
            "Q & A",
            "Ice Cube",
            "Ｂ",
            "2",
            "a 12",
        ];
        let guesses = ["b", "mrs robinson", "q and a", "12", "2", "ice cube"];
        for text in texts {
            for guess in guesses {
                if normalize(text) == guess {
                    assert!(could_normalize_to(text, guess), "{text:?} -> {guess:?}");
                }
            }
        }
        assert!(!could_normalize_to("Snoop Dogg", "b"));
    }

    proptest::proptest! {
        #[test]
        fn quick_test_accepts_every_texts_own_form(text in "[ -~]{0,30}|(the |a |missus |doctor |& ){1,3}[a-z ]{0,5}") {
            proptest::prop_assert!(could_normalize_to(&text, &normalize(&text)));
        }
    }

    #[test]
    fn position_labels() {
        assert_eq!(position_label(0), "A");
        assert_eq!(position_label(25), "Z");
        assert_eq!(position_label(26), "27");
        assert_eq!(
            pick_hint(4),
            "type a letter (A–D), a number (1–4) or an option as written"
        );
    }
}
