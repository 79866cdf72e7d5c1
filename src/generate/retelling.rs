//! Second mentions in an explanation, as a quiz writer puts them: a name given in full once is then
//! shortened ("Iovine", "the film") or, for a thing just named, "it" / "its"; a small count reads as
//! a word ("four parts"). A generated explanation joins sentences built one fact at a time, and
//! without this pass each of them names everything in full again ("On Metacritic, the series has
//! ...; on Rotten Tomatoes, the series scores ..."), the first thing readers took for machine-made.
//!
//! The pass is pure text work over names it is handed; it never touches words inside quotation
//! marks, and never shortens a name that is part of a longer name it was handed ("the series" in
//! "Part 1 of the series").

use super::phrasing;
use super::search;

/// An entity the explanation may name, as the sentence builders name it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Named<'a> {
    /// The name in a sentence ("the series", "Jimmy Iovine").
    pub full: &'a str,
    /// The name the second time ("Iovine", "the film"); may equal `full`.
    pub short: &'a str,
    /// Whether "it" may stand for it: a thing, not a person or a group.
    pub thing: bool,
}

/// Words after which a name stays a name: "a producer of the series", not "a producer of it".
const KEEPS_NAME_AFTER: [&str; 22] = [
    "of", "on", "in", "at", "for", "with", "from", "by", "about", "into", "to", "as", "than",
    "and", "or", "but", "the", "a", "an", "that", "like", "over",
];

/// The explanation with its second mentions shortened and its small counts in words; `prompt` is
/// what the player read just before, so a person it named is already introduced.
pub(crate) fn retell(explanation: &str, prompt: &str, names: &[Named]) -> String {
    let quoted = quoted_spans(explanation);
    let mentions = mentions(explanation, names, &quoted);
    let mut out = String::with_capacity(explanation.len());
    let mut at = 0;
    let mut seen = vec![false; names.len()];
    // Whether the prompt names each, once asked.
    let mut in_prompt_of: Vec<Option<bool>> = vec![None; names.len()];
    // The thing named most recently: "it" stands only for that one, and opens a clause only after
    // it opened one ("The series has four parts; it first aired ..."), not after "of the series" (an
    // "It" there would be taken for whatever the sentence was about).
    let mut last_thing: Option<LastThing> = None;
    for mention in mentions {
        let named = names[mention.which];
        let before = &explanation[..mention.start];
        let after = &explanation[mention.end..];
        // A clause's subject: at its start, or after an opening phrase and its comma ("On
        // Metacritic, the series has ...").
        let clause_start = clause_start(before).or_else(|| {
            (before.trim_end().ends_with(',')
                && after.starts_with(' ')
                && after[1..].starts_with(|c: char| c.is_lowercase()))
            .then_some(false)
        });
        let in_prompt =
            *in_prompt_of[mention.which].get_or_insert_with(|| contains_name(prompt, named.full));
        let replacement: Option<(String, usize)> = if named.thing {
            let antecedent = last_thing.filter(|last| last.which == mention.which);
            let same_sentence =
                antecedent.is_some_and(|last| !explanation[last.end..mention.start].contains(". "));
            let it_may_open = antecedent.is_some_and(|last| last.opened_clause);
            if seen[mention.which] && (same_sentence || it_may_open) {
                let possessive = ["'s", "\u{2019}s"]
                    .into_iter()
                    .chain(named.full.ends_with('s').then_some("'"))
                    .find(|mark| after.starts_with(mark));
                match (possessive, clause_start) {
                    (Some(mark), Some(capital)) if it_may_open => {
                        Some((if capital { "Its" } else { "its" }.to_string(), mark.len()))
                    }
                    (Some(mark), None) if same_sentence && !keeps_name(before) => {
                        Some(("its".to_string(), mark.len()))
                    }
                    (None, Some(capital)) if it_may_open => {
                        Some((if capital { "It" } else { "it" }.into(), 0))
                    }
                    (None, None) if same_sentence && !keeps_name(before) => {
                        Some(("it".to_string(), 0))
                    }
                    _ => shorter(named, clause_start),
                }
            } else if seen[mention.which] || in_prompt {
                shorter(named, clause_start)
            } else {
                None
            }
        } else if (seen[mention.which] || in_prompt) && !introduced_by_aside(after) {
            shorter(named, clause_start)
        } else {
            None
        };
        out.push_str(&explanation[at..mention.start]);
        match replacement {
            Some((text, swallowed)) => {
                out.push_str(&text);
                at = mention.end + swallowed;
            }
            None => {
                out.push_str(&explanation[mention.start..mention.end]);
                at = mention.end;
            }
        }
        seen[mention.which] = true;
        if named.thing {
            last_thing = Some(LastThing {
                which: mention.which,
                end: at,
                opened_clause: clause_start.is_some(),
            });
        }
    }
    out.push_str(&explanation[at..]);
    small_counts_in_words(&out)
}

/// Whether a person's name is followed by an aside that introduces them ("Patti Smith, a singer and
/// poet, ..."): the introduction goes with the full name.
fn introduced_by_aside(after: &str) -> bool {
    [", a ", ", an ", ", the "]
        .iter()
        .any(|aside| after.starts_with(aside))
}

/// The thing an explanation named last, and how.
#[derive(Clone, Copy, Debug)]
struct LastThing {
    which: usize,
    /// Where its mention ends in the explanation.
    end: usize,
    /// Whether it opened its clause (the clause is about it).
    opened_clause: bool,
}

/// The short name in place of the full one, capitalised at a sentence's start; `None` when the two
/// are the same.
fn shorter(named: Named, clause_start: Option<bool>) -> Option<(String, usize)> {
    if named.short == named.full || named.short.is_empty() {
        return None;
    }
    let text = if clause_start == Some(true) {
        phrasing::capitalise(named.short)
    } else {
        named.short.to_string()
    };
    Some((text, 0))
}

/// Where a name stands at the start of a clause: `Some(true)` at a sentence's start (it takes a
/// capital), `Some(false)` after a semicolon, `None` inside a clause.
fn clause_start(before: &str) -> Option<bool> {
    let trimmed = before.trim_end();
    if trimmed.is_empty() || trimmed.ends_with(['.', '!', '?']) {
        Some(true)
    } else if trimmed.ends_with(';') {
        Some(false)
    } else {
        None
    }
}

/// Whether the word before a name asks for the name itself (a preposition, a conjunction, an
/// article): "of the series", "and the series".
fn keeps_name(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    bare.is_empty()
        || word.ends_with(',')
        || KEEPS_NAME_AFTER.contains(&bare.to_lowercase().as_str())
        || bare.starts_with(char::is_uppercase)
}

/// One place a name stands in the explanation.
#[derive(Clone, Copy, Debug)]
struct Mention {
    which: usize,
    start: usize,
    end: usize,
}

/// Every whole-word place the names stand, outside quotation marks, in order; where two overlap the
/// longer one wins ("Part 1 of the series" over "the series").
fn mentions(text: &str, names: &[Named], quoted: &[(usize, usize)]) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::with_capacity(8);
    for (which, named) in names.iter().enumerate() {
        if named.full.is_empty() {
            continue;
        }
        let capital = capitalised(named.full);
        for form in [named.full, &*capital] {
            let mut from = 0;
            while let Some(start) = search::find_from(text, form, from) {
                let end = start + form.len();
                from = end;
                let whole = search::whole_at(text, start, end);
                let inside_quotes = quoted
                    .iter()
                    .any(|&(open, close)| start < close && end > open);
                if whole
                    && !inside_quotes
                    && !found.iter().any(|m| m.start == start && m.end == end)
                {
                    found.push(Mention { which, start, end });
                }
            }
            if form == named.full && *capital == *named.full {
                break;
            }
        }
    }
    // Longer names first, then keep each that overlaps none kept before.
    found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    for mention in found {
        if kept
            .iter()
            .all(|k| mention.end <= k.start || mention.start >= k.end)
        {
            kept.push(mention);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

/// Whether a text names `name` as whole words, in either case of its first letter.
fn contains_name(text: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    if search::names_whole(text, name) {
        return true;
    }
    // Most names open with a capital already: the same name is not searched for twice.
    let capital = capitalised(name);
    *capital != *name && search::names_whole(text, &capital)
}

/// The byte spans inside quotation marks, straight or curly, marks included.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut curly_open: Option<usize> = None;
    // The marks are read as bytes: `"`, and the curly ones as their three UTF-8 bytes (E2 80 9C and
    // E2 80 9D), which no other character's bytes contain. Most texts have no mark at all.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memchr2(b'"', 0xe2, &bytes[from..]) {
        let at = from + found;
        from = at + 1;
        if bytes[at] == b'"' {
            match open.take() {
                Some(start) => spans.push((start, at + 1)),
                None => open = Some(at),
            }
            continue;
        }
        match bytes.get(at + 1..at + 3) {
            Some([0x80, 0x9c]) => curly_open = Some(at),
            Some([0x80, 0x9d]) => {
                if let Some(start) = curly_open.take() {
                    spans.push((start, at + 3));
                }
            }
            _ => {}
        }
    }
    // An unclosed mark protects the rest of the text.
    if let Some(start) = open.or(curly_open) {
        spans.push((start, text.len()));
    }
    spans
}

/// Counts from one to nine in words, as prose writes them ("has four parts", "five Emmy Award
/// nominations"), where the figure counts what follows and is the only count of its clause: "22
/// hours and 3 minutes" keeps its figures side by side. Figures after a capitalised word ("Part 1",
/// "July 9"), times ("9 p.m."), figures inside quotation marks and longer numbers stay as they are.
pub(crate) fn small_counts_in_words(text: &str) -> String {
    const WORDS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    // Only a word of one digit, 1 to 9, followed by another word, is ever written out: most
    // explanations have none, and are left as they are without cutting them into words.
    if !has_small_figure_word(text) {
        return text.to_string();
    }
    let quoted = quoted_spans(text);
    let tokens: Vec<(usize, &str)> = super::matching::split_at_spaces(text)
        .scan(0usize, |offset, token| {
            let start = *offset;
            *offset += token.len() + 1;
            Some((start, token))
        })
        .collect();
    // Each token's clause, and whether it is a count (a figure of what follows).
    let mut clause = 0usize;
    let mut counts: Vec<(usize, bool)> = Vec::with_capacity(tokens.len());
    for (position, &(start, token)) in tokens.iter().enumerate() {
        let previous = position.checked_sub(1).map(|at| tokens[at].1);
        let next = tokens.get(position + 1).map(|&(_, next)| next);
        let figure = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
        // (Only a figure is read further: most words are not.)
        let counts_next = || {
            next.is_some_and(|next| {
                next.starts_with(|c: char| c.is_alphabetic())
                    && !matches!(
                        next.trim_end_matches([',', '.', ';']),
                        "a.m" | "p.m" | "am" | "pm"
                    )
            })
        };
        let after_name = || {
            previous.is_some_and(|word| {
                word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    && !ends_sentence(word)
            })
        };
        let inside_quotes = || {
            quoted
                .iter()
                .any(|&(open, close)| start >= open && start < close)
        };
        counts.push((
            clause,
            figure && counts_next() && !after_name() && !inside_quotes(),
        ));
        if ends_sentence(token) || token.ends_with(';') {
            clause += 1;
        }
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for (position, &(start, token)) in tokens.iter().enumerate() {
        let (my_clause, is_count) = counts[position];
        let small = token.len() == 1 && token != "0";
        let alone = || {
            counts
                .iter()
                .enumerate()
                .all(|(other, &(their_clause, theirs))| {
                    other == position || their_clause != my_clause || !theirs
                })
        };
        if is_count && small && alone() {
            let word = WORDS[usize::from(token.as_bytes()[0] - b'1')];
            out.push_str(&text[at..start]);
            let sentence_start = position
                .checked_sub(1)
                .is_none_or(|previous| ends_sentence(tokens[previous].1));
            if sentence_start {
                out.push_str(&phrasing::capitalise(word));
            } else {
                out.push_str(word);
            }
            at = start + 1;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Whether the text has a word (between spaces) that is a single digit from 1 to 9 with a word
/// after it: the only figures [`small_counts_in_words`] may write in words.
fn has_small_figure_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    let figure_word_at = |at: usize| {
        (b'1'..=b'9').contains(&bytes[at])
            && (at == 0 || bytes[at - 1] == b' ')
            && bytes.get(at + 1) == Some(&b' ')
    };
    // Eight bytes at a time: most hold no digit from 1 to 9, and are passed over whole.
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if holds_small_digit(u64::from_le_bytes(word)) && (start..start + 8).any(figure_word_at) {
            return true;
        }
        start += 8;
    }
    (start..bytes.len()).any(figure_word_at)
}

/// Whether any of the eight bytes is a digit from 1 to 9 (0x31 to 0x39), each byte tested apart: a
/// byte's low seven bits plus a constant stay below 0x100, so no carry reaches the next byte.
fn holds_small_digit(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let low = word & !HIGH;
    // The high bit set where the low bits reach 0x31, and where they pass 0x39.
    let from_one = (low + (0x80 - 0x31) * ONES) & HIGH;
    let past_nine = (low + (0x80 - 0x3a) * ONES) & HIGH;
    from_one & !past_nine & !word != 0
}

/// Whether a word closes a sentence, so that what follows opens the next.
fn ends_sentence(word: &str) -> bool {
    word.ends_with(['.', '!', '?'])
}

/// [`phrasing::capitalise`], borrowing a text that opens with an ASCII character other than a lowercase
/// letter (most names): its capital is itself.
fn capitalised(text: &str) -> std::borrow::Cow<'_, str> {
    match text.bytes().next() {
        Some(first) if first.is_ascii() && !first.is_ascii_lowercase() => {
            std::borrow::Cow::Borrowed(text)
        }
        _ => std::borrow::Cow::Owned(phrasing::capitalise(text)),
    }
}

#[cfg(test)]
mod speed_tests {
    use super::*;

    /// The spans as first found: character by character.
    fn quoted_spans_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut open: Option<usize> = None;
        let mut curly_open: Option<usize> = None;
        for (at, c) in text.char_indices() {
            match c {
                '"' => match open.take() {
                    Some(start) => spans.push((start, at + 1)),
                    None => open = Some(at),
                },
                '\u{201c}' => curly_open = Some(at),
                '\u{201d}' => {
                    if let Some(start) = curly_open.take() {
                        spans.push((start, at + c.len_utf8()));
                    }
                }
                _ => {}
            }
        }
        if let Some(start) = open.or(curly_open) {
            spans.push((start, text.len()));
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn a_small_figure_word_is_found_eight_bytes_at_a_time_as_byte_by_byte(
            text in "[a 0159:/\u{b9}\u{2019}]{0,40}",
        ) {
            let bytes = text.as_bytes();
            let by_byte = bytes.iter().enumerate().any(|(at, &byte)| {
                (b'1'..=b'9').contains(&byte)
                    && (at == 0 || bytes[at - 1] == b' ')
                    && bytes.get(at + 1) == Some(&b' ')
            });
            proptest::prop_assert_eq!(has_small_figure_word(&text), by_byte);
        }

        #[test]
        fn every_byte_holding_a_small_digit_is_found(bytes in proptest::array::uniform8(0u8..=255)) {
            let by_byte = bytes.iter().any(|byte| (b'1'..=b'9').contains(byte));
            proptest::prop_assert_eq!(holds_small_digit(u64::from_le_bytes(bytes)), by_byte);
        }

        #[test]
        fn quotation_marks_read_as_bytes_are_those_read_as_characters(
            text in "[a \"\u{201c}\u{201d}\u{2019}\u{2026}é]{0,16}",
        ) {
            proptest::prop_assert_eq!(quoted_spans(&text), quoted_spans_by_char(&text));
        }

        #[test]
        fn a_capital_is_the_first_character_in_upper_case(text in "[aZ1 éß\u{1f600}]{0,6}") {
            let mut chars = text.chars();
            let by_char: String = match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            };
            proptest::prop_assert_eq!(capitalised(&text), by_char.as_str());
            proptest::prop_assert_eq!(phrasing::capitalise(&text), by_char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERIES: Named = Named {
        full: "the series",
        short: "the series",
        thing: true,
    };
    const IOVINE: Named = Named {
        full: "Jimmy Iovine",
        short: "Iovine",
        thing: false,
    };
    const PART: Named = Named {
        full: "Part 1 of the series",
        short: "Part 1",
        thing: true,
    };
    const FILM: Named = Named {
        full: "the 1958 film The Defiant Ones",
        short: "the film",
        thing: true,
    };

    #[test]
    fn a_thing_named_again_in_a_new_clause_is_it() {
        assert_eq!(
            retell(
                "On Metacritic, the series has a score of 76; the series scores 100% on Rotten Tomatoes.",
                "",
                &[SERIES]
            ),
            "On Metacritic, the series has a score of 76; it scores 100% on Rotten Tomatoes."
        );
        assert_eq!(
            retell(
                "The series has 4 parts. The series first aired on HBO.",
                "",
                &[SERIES]
            ),
            "The series has four parts. It first aired on HBO."
        );
    }

    #[test]
    fn a_thing_named_again_after_a_verb_is_it_and_after_a_preposition_stays() {
        assert_eq!(
            retell(
                "Allen Hughes produced the series and considers the series his best work.",
                "",
                &[SERIES]
            ),
            "Allen Hughes produced the series and considers it his best work."
        );
        assert_eq!(
            retell(
                "The series was directed by Allen Hughes; Broderick Johnson is a producer of the series.",
                "",
                &[SERIES]
            ),
            "The series was directed by Allen Hughes; Broderick Johnson is a producer of the series."
        );
    }

    #[test]
    fn it_opens_a_clause_only_after_the_thing_opened_one() {
        assert_eq!(
            retell(
                "The editors of the series named its shots the \"Cut\". The series focuses on Dre.",
                "",
                &[SERIES]
            ),
            "The editors of the series named its shots the \"Cut\". The series focuses on Dre."
        );
        assert_eq!(
            retell(
                "In Part 1 of the series, Dre starts out. Part 1 of the series covers Compton.",
                "",
                &[PART]
            ),
            "In Part 1 of the series, Dre starts out. Part 1 covers Compton."
        );
    }

    #[test]
    fn a_possessive_becomes_its() {
        assert_eq!(
            retell(
                "The series aired on HBO; the series' title comes from a film.",
                "",
                &[SERIES]
            ),
            "The series aired on HBO; its title comes from a film."
        );
    }

    #[test]
    fn it_stands_only_for_the_thing_named_last() {
        // Between the two mentions of the series, the film was named: "it" would be the film.
        assert_eq!(
            retell(
                "The series takes its title from the 1958 film The Defiant Ones; the series aired in 2017.",
                "",
                &[SERIES, FILM]
            ),
            "The series takes its title from the 1958 film The Defiant Ones; the series aired in 2017."
        );
    }

    #[test]
    fn a_person_named_before_goes_by_the_short_name() {
        assert_eq!(
            retell(
                "Jimmy Iovine comes from Brooklyn; Dr. Dre comes from Compton.",
                "Where does Jimmy Iovine come from?",
                &[IOVINE]
            ),
            "Iovine comes from Brooklyn; Dr. Dre comes from Compton."
        );
        // Not named before: in full.
        assert_eq!(
            retell(
                "Jimmy Iovine comes from Brooklyn.",
                "Who comes from Brooklyn?",
                &[IOVINE]
            ),
            "Jimmy Iovine comes from Brooklyn."
        );
        // An aside introducing the person goes with the full name.
        assert_eq!(
            retell(
                "Jimmy Iovine, a record producer, said this.",
                "Which of these did Jimmy Iovine say?",
                &[IOVINE]
            ),
            "Jimmy Iovine, a record producer, said this."
        );
        // A person is never "it".
        assert_eq!(
            retell(
                "Jimmy Iovine produced U2 and Jimmy Iovine co-founded Beats.",
                "",
                &[IOVINE]
            ),
            "Jimmy Iovine produced U2 and Iovine co-founded Beats."
        );
    }

    #[test]
    fn a_name_inside_a_longer_name_or_a_quotation_is_left_alone() {
        assert_eq!(
            retell(
                "The series aired first; Part 1 of the series aired on July 9, 2017.",
                "",
                &[SERIES, PART]
            ),
            "The series aired first; Part 1 of the series aired on July 9, 2017."
        );
        assert_eq!(
            retell(
                "Jimmy Iovine said \"Jimmy Iovine had 3 hits\" in 2017.",
                "Jimmy Iovine",
                &[IOVINE]
            ),
            "Iovine said \"Jimmy Iovine had 3 hits\" in 2017."
        );
    }

    #[test]
    fn small_counts_read_as_words_and_names_dates_and_times_keep_figures() {
        assert_eq!(
            small_counts_in_words("The series received 5 Emmy Award nominations."),
            "The series received five Emmy Award nominations."
        );
        assert_eq!(
            small_counts_in_words("Part 1 aired on July 9, 2017 at 9 p.m. from 12 critics."),
            "Part 1 aired on July 9, 2017 at 9 p.m. from 12 critics."
        );
        assert_eq!(
            small_counts_in_words("3 people came."),
            "Three people came."
        );
        assert_eq!(
            small_counts_in_words("It won 2. It then had 4 more."),
            "It won 2. It then had four more."
        );
        assert_eq!(
            small_counts_in_words("Apollo 8 flew 3 astronauts; 0 died."),
            "Apollo 8 flew three astronauts; 0 died."
        );
        assert_eq!(small_counts_in_words("US$3 billion"), "US$3 billion");
        // Counts side by side keep their figures.
        assert_eq!(
            small_counts_in_words("It took 22 hours and 3 minutes; it carried 3 people."),
            "It took 22 hours and 3 minutes; it carried three people."
        );
    }

    #[test]
    fn its_mid_clause_only_in_the_same_sentence_and_never_after_a_preposition() {
        assert_eq!(
            retell(
                "Allen Hughes produced the series and praised the series' score.",
                "",
                &[SERIES]
            ),
            "Allen Hughes produced the series and praised its score."
        );
        assert_eq!(
            retell(
                "The series aired on HBO and a review of the series' pilot ran.",
                "",
                &[SERIES]
            ),
            "The series aired on HBO and a review of the series' pilot ran."
        );
        assert_eq!(
            retell(
                "The series aired in 2017. Critics praised the series' score.",
                "",
                &[SERIES]
            ),
            "The series aired in 2017. Critics praised the series' score."
        );
    }

    #[test]
    fn a_clause_opens_with_it_only_after_the_thing_opened_one() {
        // Named after "to", the series is not what the sentence is about: "it" would be Netflix.
        assert_eq!(
            retell(
                "Netflix acquired the rights to the series; the series first aired in 2017.",
                "",
                &[SERIES]
            ),
            "Netflix acquired the rights to the series; the series first aired in 2017."
        );
        assert_eq!(
            retell(
                "Filming of the series took years; the series' title comes from a film.",
                "",
                &[SERIES]
            ),
            "Filming of the series took years; the series' title comes from a film."
        );
    }

    #[test]
    fn a_name_stays_after_a_preposition_a_comma_or_a_capitalised_word() {
        assert!(!keeps_name("praised "));
        assert!(keeps_name("a producer of "));
        assert!(keeps_name("loved, "));
        assert!(keeps_name("said Hughes "));
        assert!(keeps_name(""));
    }

    #[test]
    fn a_count_after_a_quotation_reads_as_a_word() {
        assert_eq!(
            small_counts_in_words("Dre said \"hi\" and won 3 awards."),
            "Dre said \"hi\" and won three awards."
        );
        assert_eq!(
            small_counts_in_words("Dre said \"I won 3 awards\" in 2017."),
            "Dre said \"I won 3 awards\" in 2017."
        );
    }
}
