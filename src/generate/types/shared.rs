//! The small pieces every question builder shares: keys and signatures of facts, choices fixed by a
//! question's content (templates, wrong options, option order), and the names and tags a question
//! carries.

use crate::facts::{Entity, Fact, Object};
use crate::rng::{SeededRng, index, shuffle};

/// The key of "ask for the object of `relation` for `subject`" under the fact's qualifiers.
pub(crate) fn ask_key(direction: &str, anchor: &str, relation: &str, fact: &Fact) -> String {
    let mut key = String::with_capacity(64 + anchor.len() + relation.len());
    for part in ["ask|", direction, "|", anchor, "|", relation] {
        key.push_str(part);
    }
    let q = &fact.qualifiers;
    push_debug_number(&mut key, q.part);
    push_debug_text(&mut key, q.role.as_deref());
    push_debug_date(&mut key, q.as_of.as_ref());
    push_debug_text(&mut key, q.category.as_deref());
    push_debug_number(&mut key, q.year);
    push_debug_text(&mut key, q.context.as_deref());
    push_debug_text(&mut key, q.region.as_deref());
    key
}

/// What a fact says, independent of where it stands in the files: subject, relation, object and
/// qualifiers. Question ids are built from it.
pub(crate) fn fact_signature(fact: &Fact) -> String {
    let mut signature = String::with_capacity(128);
    signature.push_str(&fact.subject);
    signature.push('|');
    signature.push_str(&fact.relation);
    signature.push('|');
    match &fact.object {
        Object::Entity(id) => signature.push_str(id),
        Object::Value(value) => {
            signature.push_str(&serde_json::to_string(value).unwrap_or_default())
        }
    }
    let q = &fact.qualifiers;
    push_debug_number(&mut signature, q.part);
    push_debug_text(&mut signature, q.role.as_deref());
    push_debug_date(&mut signature, q.as_of.as_ref());
    push_debug_text(&mut signature, q.category.as_deref());
    push_debug_number(&mut signature, q.year);
    push_debug_text(&mut signature, q.context.as_deref());
    push_debug_text(&mut signature, q.region.as_deref());
    push_debug_text(&mut signature, q.approx.as_deref());
    signature
}

/// How a question names a fact it rests on (its `fact:` tag, a pack question's `facts` entry): the
/// fact's `id`, or `s-` and 8 hex digits of its content signature for a fact without one.
pub fn fact_name(fact: &Fact) -> String {
    match &fact.id {
        Some(id) => id.clone(),
        None => signature_name(&fact_signature(fact)),
    }
}

/// The name of a fact without an id, from its content signature (see [`fact_signature`]).
pub(crate) fn signature_name(signature: &str) -> String {
    hex_name(
        "s-",
        crate::question::stable_hash(signature.as_bytes()) & 0xffff_ffff,
        8,
    )
}

/// `prefix` and `value` in lower-case hex, at least `digits` long with leading zeros: what
/// `format!("{prefix}{value:0digits$x}")` writes, without the formatter (ids are written for every
/// question).
pub(crate) fn hex_name(prefix: &str, value: u64, digits: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let width = (16 - value.leading_zeros() as usize / 4).max(digits).max(1);
    let mut name = String::with_capacity(prefix.len() + width);
    name.push_str(prefix);
    for place in (0..width).rev() {
        let nibble = if place < 16 {
            (value >> (place * 4)) & 0xf
        } else {
            0
        };
        name.push(char::from(HEX[nibble as usize]));
    }
    name
}

/// `|` and an optional text as `{:?}` writes it (`None`, `Some("the text")`); keys and signatures
/// are built often, and most qualifier texts need no escaping, so they skip the formatter.
fn push_debug_text(out: &mut String, text: Option<&str>) {
    use std::fmt::Write;
    out.push('|');
    match text {
        None => out.push_str("None"),
        Some(text)
            if text
                .bytes()
                .all(|byte| (b' '..=b'~').contains(&byte) && byte != b'"' && byte != b'\\') =>
        {
            out.push_str("Some(\"");
            out.push_str(text);
            out.push_str("\")");
        }
        Some(text) => {
            let _ = write!(out, "{:?}", Some(text));
        }
    }
}

/// `|` and an optional number as `{:?}` writes it (`None`, `Some(3)`).
fn push_debug_number(out: &mut String, number: Option<i64>) {
    use std::fmt::Write;
    out.push('|');
    match number {
        None => out.push_str("None"),
        Some(number) => {
            let _ = write!(out, "Some({number})");
        }
    }
}

/// `|` and an optional date as `{:?}` writes it.
fn push_debug_date(out: &mut String, date: Option<&crate::question::PartialDate>) {
    use std::fmt::Write;
    out.push('|');
    match date {
        None => out.push_str("None"),
        Some(date) => {
            let _ = write!(out, "{:?}", Some(date));
        }
    }
}

/// The key of "is this fact true": questions that reveal the same fact ask the same thing. Kept as
/// the fact's position (see [`Key::Fact`]); its text is [`fact_key_text`].
pub(crate) fn fact_key(fact: usize) -> Key {
    Key::Fact(fact)
}

/// What a question asks, as one of its keys: two questions sharing a key ask the same thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// A key written out ([`ask_key`], `tf|...`, `quote|...`), shared by the drafts of one fact that
    /// ask the same thing rather than copied into each.
    Text(std::rc::Rc<str>),
    /// "Is this fact true", by the fact's position: hashed as its text [`fact_key_text`] would be,
    /// and never part of a question's id (a position changes when facts are added before it).
    Fact(usize),
}

impl From<String> for Key {
    fn from(text: String) -> Key {
        debug_assert!(!text.starts_with("fact|"), "a fact key is kept by position");
        Key::Text(text.into())
    }
}

impl Key {
    /// The key as a text, if written out.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Key::Text(text) => Some(text),
            Key::Fact(_) => None,
        }
    }
}

/// The text of [`fact_key`]: `fact|` and the fact's position.
pub(crate) fn fact_key_text(fact: usize) -> String {
    let mut key = String::with_capacity(16);
    key.push_str("fact|");
    key.push_str(itoa_usize(fact).as_str());
    key
}

/// A number in decimal digits, without the formatter.
fn itoa_usize(mut number: usize) -> ArrayText {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    ArrayText { digits, start }
}

/// Decimal digits held in place (see [`itoa_usize`]).
struct ArrayText {
    digits: [u8; 20],
    start: usize,
}

impl ArrayText {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[self.start..]).unwrap_or_default()
    }
}

/// A generator for one question's choices, fixed by its content so the same question always comes out
/// the same.
pub(crate) fn content_rng(label: &str) -> SeededRng {
    SeededRng::derive(0, label)
}

/// [`content_rng`] of `prefix` and `label` written one after the other, without joining them first.
pub(crate) fn content_rng_of(prefix: &str, label: &str) -> SeededRng {
    SeededRng::from_seed(crate::question::stable_hash_parts(&[
        prefix.as_bytes(),
        label.as_bytes(),
    ]))
}

/// Picks one template among those `accept`s, fixed by `label`.
pub(crate) fn pick_template<'t>(
    templates: &'t [String],
    label: &str,
    accept: impl Fn(&str) -> bool,
) -> Option<&'t str> {
    let usable: Vec<&str> = templates
        .iter()
        .map(String::as_str)
        .filter(|template| accept(template))
        .collect();
    if usable.is_empty() {
        return None;
    }
    let mut rng = content_rng_of("template|", label);
    Some(usable[index(&mut rng, usable.len())])
}

/// Chooses up to `count` wrong options among the plausible ones (`true`: items that play the answer's
/// role), drawn in an order fixed by `label` (a partial Fisher–Yates, so only as many draws as options
/// taken). Returns the chosen items and the share that were plausible (1, or 0 when none).
pub(crate) fn pick_wrong<T: Clone>(pool: &[(T, bool)], count: usize, label: &str) -> (Vec<T>, f64) {
    pick_wrong_where(pool, count, label, |_| true)
}

/// [`pick_wrong`] among the items `accept` lets through, checked only for the items drawn.
pub(crate) fn pick_wrong_where<T: Clone>(
    pool: &[(T, bool)],
    count: usize,
    label: &str,
    accept: impl Fn(&T) -> bool,
) -> (Vec<T>, f64) {
    pick_wrong_preferring(pool, count, label, accept, |_| true)
}

/// [`pick_wrong_where`], drawing first among the items `preferred` picks out (those that play the
/// very role asked about, or that the author declared for it) and only then among the rest (a sibling
/// role): the producers of a series are offered as its director only when no other director is known.
pub(crate) fn pick_wrong_preferring<T: Clone>(
    pool: &[(T, bool)],
    count: usize,
    label: &str,
    accept: impl Fn(&T) -> bool,
    preferred: impl Fn(&T) -> bool,
) -> (Vec<T>, f64) {
    let mut rng = content_rng_of("wrong|", label);
    let mut chosen: Vec<T> = Vec::with_capacity(count);
    // Only items that play the answer's role (or a sibling role) are offered: a musician among critics
    // makes the answer stand out. Items of another role are never drawn.
    let (first, then): (Vec<&T>, Vec<&T>) = pool
        .iter()
        .filter(|(_, plausible)| *plausible)
        .map(|(item, _)| item)
        .partition(|item| preferred(item));
    for mut group in [first, then] {
        for position in 0..group.len() {
            if chosen.len() == count {
                break;
            }
            let pick = position + index(&mut rng, group.len() - position);
            group.swap(position, pick);
            if accept(group[position]) {
                chosen.push(group[position].clone());
            }
        }
    }
    let share = if chosen.is_empty() { 0.0 } else { 1.0 };
    (chosen, share)
}

/// Puts the answer among the wrong options in an order fixed by the question's content; returns the
/// options and the answer's index.
pub(crate) fn arrange(answer: String, wrong: Vec<String>, label: &str) -> (Vec<String>, usize) {
    let mut options = Vec::with_capacity(wrong.len() + 1);
    options.push(answer);
    options.extend(wrong);
    let mut order: Vec<usize> = (0..options.len()).collect();
    match crate::question::numbered_series(&options) {
        // Numbered members of one series ("Part 1" to "Part 4") are listed in their own order, as a
        // person would: that order tells nothing about the answer.
        Some(numbers) => order.sort_by_key(|&option| numbers[option]),
        None => shuffle(&mut content_rng_of("arrange|", label), &mut order),
    }
    let answer_at = order
        .iter()
        .position(|&original| original == 0)
        .expect("the answer is among the options");
    let arranged = order.into_iter().map(|i| options[i].clone()).collect();
    (arranged, answer_at)
}

/// An entity's name and aliases, the texts a prompt must not contain.
pub(crate) fn names_of(entity: &Entity) -> Vec<String> {
    std::iter::once(entity.name.clone())
        .chain(entity.display.iter().cloned())
        .chain(entity.aliases.iter().cloned())
        .collect()
}

pub(super) fn lower_first(text: &str) -> String {
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

/// Tags naming the relations a question comes from, plus any extra marks.
pub(crate) fn tags(relations: &[&str], extra: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in relations.iter().chain(extra) {
        if !out.iter().any(|seen| seen == tag) {
            out.push((*tag).to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(options: &[&str]) -> Vec<String> {
        options.iter().map(|option| option.to_string()).collect()
    }

    #[test]
    fn numbered_parts_are_offered_in_their_own_order() {
        let (options, answer) =
            arrange("Part 3".into(), owned(&["Part 4", "Part 1", "Part 2"]), "x");
        assert_eq!(options, owned(&["Part 1", "Part 2", "Part 3", "Part 4"]));
        assert_eq!(answer, 2);
        let (options, answer) = arrange("Part 10".into(), owned(&["Part 9", "Part 2"]), "y");
        assert_eq!(options, owned(&["Part 2", "Part 9", "Part 10"]));
        assert_eq!(answer, 2);
    }

    #[test]
    fn options_of_different_series_or_without_numbers_are_shuffled_by_the_label() {
        assert_eq!(
            crate::question::numbered_series(&owned(&["Part 1", "Season 2"])),
            None
        );
        assert_eq!(
            crate::question::numbered_series(&owned(&["Part 1", "Part 1"])),
            None
        );
        assert_eq!(
            crate::question::numbered_series(&owned(&["Part 1", "Part two"])),
            None
        );
        assert_eq!(crate::question::numbered_series(&owned(&["Part 1"])), None);
        assert_eq!(
            crate::question::numbered_series(&owned(&["Apollo 11", "Apollo 13"])),
            Some(vec![11, 13])
        );
        let wrong = owned(&["Brooklyn", "Queens", "Long Beach"]);
        let orders: std::collections::HashSet<usize> = (0..20)
            .map(|seed| arrange("Compton".into(), wrong.clone(), &format!("label {seed}")).1)
            .collect();
        assert!(orders.len() > 1, "the answer's place follows the label");
    }

    proptest::proptest! {
        #[test]
        fn a_hex_name_reads_as_the_formatter_writes_it(value: u64, digits in 0usize..20) {
            proptest::prop_assert_eq!(
                hex_name("g-", value, digits),
                format!("g-{value:0digits$x}")
            );
        }
    }
}
