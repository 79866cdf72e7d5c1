//! Counts typing mistakes between a guess and an answer word by word, so a misspelt answer is forgiven within
//! a budget and a guess can be measured against confusable names.
//!
//! Distances are Damerau–Levenshtein in its restricted form (optimal string alignment): an insertion, a
//! deletion, a substitution or a swap of two adjacent characters each cost one edit. Words are paired in
//! whichever order costs least, so word order never matters. A word holding a digit only matches itself.

/// Guesses with more words than this are only compared exactly (or with their spaces removed).
pub(crate) const MAX_WORDS: usize = 8;

const INF: u32 = u32::MAX / 4;

/// The edits forgiven in an answer word of `chars` characters: none up to 4 characters, then about one per
/// 7 characters (1 for 5–11, 2 for 12–18, 3 for 19–25, ...).
pub fn typo_budget(chars: usize) -> u32 {
    if chars <= 4 {
        0
    } else {
        u32::try_from((chars + 2) / 7).unwrap_or(u32::MAX)
    }
}

/// The edits forgiven in an answer word when no word list can tell real words from typos (a language
/// without one): none up to 7 characters, then one.
pub fn strict_typo_budget(chars: usize) -> u32 {
    u32::from(chars >= 8).min(typo_budget(chars))
}

/// Tells whether a typed word (first) is a different real word from an answer word (second).
pub(crate) type AnotherWord<'a> = &'a dyn Fn(&str, &str) -> bool;

/// What the typo allowance may forgive besides the per-word budget.
#[derive(Clone, Copy)]
pub(crate) struct Allowance<'a> {
    /// Budgets of [`strict_typo_budget`] instead of [`typo_budget`].
    pub(crate) strict: bool,
    /// Whether a guess word (first) is a different real word from an answer word (second): a real word or
    /// a known name is never a typo of another word.
    pub(crate) real: Option<AnotherWord<'a>>,
}

impl Allowance<'_> {
    /// Budgets per word, and nothing else.
    pub(crate) const PLAIN: Allowance<'static> = Allowance {
        strict: false,
        real: None,
    };

    fn budget(&self, word: Word) -> u32 {
        if self.strict {
            strict_typo_budget(usize::from(word.len))
        } else {
            u32::from(word.budget)
        }
    }
}

/// A few numbers about a normalised text that bound its distance to another text from below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Sketch {
    /// Which characters occur (a–z, 0–9, and a hashed bit for anything else).
    mask: u64,
    /// Characters other than spaces.
    len: u32,
}

impl Sketch {
    /// Characters other than spaces.
    pub(crate) fn len(self) -> u32 {
        self.len
    }

    pub(crate) fn of(text: &str) -> Sketch {
        if text.is_ascii() {
            return Sketch::of_ascii(text.as_bytes());
        }
        let mut mask = 0u64;
        let mut len = 0u32;
        for c in text.chars().filter(|&c| c != ' ') {
            len = len.saturating_add(1);
            let bit = match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36 + c as u32 % 28,
            };
            mask |= 1 << bit;
        }
        Sketch { mask, len }
    }

    /// [`Sketch::of`] an ASCII text.
    fn of_ascii(text: &[u8]) -> Sketch {
        let mut mask = 0u64;
        let mut len = 0u32;
        for &byte in text.iter().filter(|&&byte| byte != b' ') {
            len = len.saturating_add(1);
            let bit = match byte {
                b'a'..=b'z' => byte - b'a',
                b'0'..=b'9' => 26 + byte - b'0',
                _ => 36 + byte % 28,
            };
            mask |= 1 << bit;
        }
        Sketch { mask, len }
    }

    /// Whether the two texts may be within `cap` edits of each other: an edit changes the length by at
    /// most one and the set of characters present by at most two. Cheap: no popcount.
    #[inline]
    pub(crate) fn may_be_within(self, other: Sketch, cap: u32) -> bool {
        // Clear the lowest differing bit 2 × cap times (a no-op once none is left): no branches.
        let mut differing = self.mask ^ other.mask;
        for _ in 0..cap.saturating_mul(2).min(64) {
            differing &= differing.wrapping_sub(1);
        }
        (self.len.abs_diff(other.len) <= cap) & (differing == 0)
    }
}

/// One word of a normalised text (a byte range of it), with what comparisons need to know about it.
#[derive(Clone, Copy, Debug, Default)]
struct Word {
    start: u16,
    end: u16,
    /// Characters.
    len: u16,
    /// Its [`typo_budget`].
    budget: u8,
    /// The word holds a digit, so it matches only itself.
    digit: bool,
    /// Which characters occur, as in [`Sketch`].
    mask: u64,
}

impl Word {
    fn sketch(self) -> Sketch {
        Sketch {
            mask: self.mask,
            len: u32::from(self.len),
        }
    }
}

/// The sketch bits of the ASCII digits.
const DIGIT_BITS: u64 = ((1 << 10) - 1) << 26;

/// A normalised text with its words.
#[derive(Clone, Debug)]
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    words: [Word; MAX_WORDS],
    /// How many words the text has (only the first [`MAX_WORDS`] are kept); more than [`MAX_WORDS`] when
    /// the text is too long to split.
    count: usize,
    pub(crate) sketch: Sketch,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut words = [Word::default(); MAX_WORDS];
        let mut count = 0;
        let mut sketch = Sketch::default();
        let ascii = text.is_ascii();
        let bytes = text.as_bytes();
        let mut start = 0;
        // The pieces between spaces, as `text.split(' ')` gives them.
        while start <= bytes.len() {
            let end = bytes
                .get(start..)
                .and_then(|rest| rest.iter().position(|&byte| byte == b' '))
                .map_or(bytes.len(), |at| start + at);
            // Cut at spaces, so on character boundaries.
            let piece = text.get(start..end).unwrap_or("");
            if !piece.is_empty() {
                let word_sketch = if ascii {
                    Sketch::of_ascii(piece.as_bytes())
                } else {
                    Sketch::of(piece)
                };
                sketch.mask |= word_sketch.mask;
                sketch.len = sketch.len.saturating_add(word_sketch.len);
                if let Some(slot) = words.get_mut(count) {
                    *slot = match (
                        u16::try_from(start),
                        u16::try_from(end),
                        u16::try_from(word_sketch.len),
                    ) {
                        (Ok(start), Ok(end), Ok(len)) => Word {
                            start,
                            end,
                            len,
                            budget: u8::try_from(typo_budget(usize::from(len))).unwrap_or(u8::MAX),
                            digit: if ascii {
                                word_sketch.mask & DIGIT_BITS != 0
                            } else {
                                piece.chars().any(char::is_numeric)
                            },
                            mask: word_sketch.mask,
                        },
                        // Too long to compare word by word.
                        _ => {
                            count = MAX_WORDS;
                            Word::default()
                        }
                    };
                }
                count += 1;
            }
            start = end + 1;
        }
        Words {
            text,
            words,
            count,
            sketch,
        }
    }

    fn words(&self) -> Option<&[Word]> {
        self.words.get(..self.count)
    }

    fn word(&self, word: Word) -> &'a str {
        self.text
            .get(usize::from(word.start)..usize::from(word.end))
            .unwrap_or("")
    }
}

/// Whether two texts are the same once spaces are ignored (`spider man` = `spiderman`, `u s a` = `usa`).
pub(crate) fn same_letters(a: &str, b: &str) -> bool {
    if !a.contains(' ') && !b.contains(' ') {
        return a == b;
    }
    // A space byte is never part of another character's encoding, so bytes compare as characters do.
    a.bytes()
        .filter(|&byte| byte != b' ')
        .eq(b.bytes().filter(|&byte| byte != b' '))
}

/// Whether two texts are the same, or the same once spaces are ignored.
pub(crate) fn identical(a: &Words, b: &Words) -> bool {
    a.text == b.text || (a.sketch == b.sketch && same_letters(a.text, b.text))
}

/// The edits between a guess and an answer when every answer word is met by a different guess word within
/// that word's [`typo_budget`]; `None` when the guess is not a forgivable spelling of the answer.
pub(crate) fn forgiven(guess: &Words, answer: &Words, allowance: Allowance) -> Option<u32> {
    if identical(guess, answer) {
        return Some(0);
    }
    if guess.count != answer.count {
        return None;
    }
    let total: u32 = answer
        .words()?
        .iter()
        .map(|&word| allowance.budget(word))
        .sum();
    if !guess.sketch.may_be_within(answer.sketch, total) {
        return None;
    }
    assign(guess, answer, Some(allowance), total)
}

/// Whether the guess is within `cap` edits of `other`, with no per-word budget (used to find a name the guess
/// is at least as close to as to the answer): word by word in the cheapest pairing when both have as many
/// words (and no more than [`MAX_WORDS`]), otherwise with spaces removed.
pub(crate) fn within(guess: &Words, other: &Words, cap: u32) -> bool {
    if !guess.sketch.may_be_within(other.sketch, cap) {
        return false;
    }
    if identical(guess, other) {
        return true;
    }
    if guess.count == other.count && guess.count <= MAX_WORDS {
        return assign(guess, other, None, cap).is_some();
    }
    compact_within(guess.text, other.text, cap)
}

/// Pairs each guess word with a different target word at least total cost; a pair costs its edit distance if
/// that is within the target word's budget (with an `allowance`) or the total cap, and cannot be made
/// otherwise. With an allowance, a guess word that is a real word pairs only with itself.
fn assign(
    guess: &Words,
    target: &Words,
    allowance: Option<Allowance>,
    total_cap: u32,
) -> Option<u32> {
    let (guess_words, target_words) = (guess.words()?, target.words()?);
    let n = guess_words.len();
    if n != target_words.len() {
        return None;
    }
    let mut cost = [[INF; MAX_WORDS]; MAX_WORDS];
    for (j, &target_word) in target_words.iter().enumerate() {
        let cap = match allowance {
            Some(allowance) => allowance.budget(target_word).min(total_cap),
            None => total_cap,
        };
        for (i, &guess_word) in guess_words.iter().enumerate() {
            let (a, b) = (guess.word(guess_word), target.word(target_word));
            if guess_word.sketch() == target_word.sketch() && a == b {
                cost[i][j] = 0;
            } else if cap > 0
                && !guess_word.digit
                && !target_word.digit
                && guess_word.sketch().may_be_within(target_word.sketch(), cap)
            {
                if let Some(distance) = distance_within(a, b, cap) {
                    let another_word = allowance
                        .and_then(|allowance| allowance.real)
                        .is_some_and(|test| test(a, b));
                    if !another_word {
                        cost[i][j] = distance;
                    }
                }
            }
        }
        if cost.iter().take(n).all(|row| row[j] >= INF) {
            // No guess word can stand for this target word.
            return None;
        }
    }
    let best = match n {
        0 => 0,
        1 => cost[0][0],
        2 => (cost[0][0] + cost[1][1]).min(cost[0][1] + cost[1][0]),
        _ => {
            // Cheapest way to pair the first popcount(mask) guess words with the target words in `mask`.
            let full = (1usize << n) - 1;
            let mut best = [INF; 1 << MAX_WORDS];
            best[0] = 0;
            for mask in 0..full {
                let so_far = best[mask];
                if so_far >= INF {
                    continue;
                }
                let row = &cost[mask.count_ones() as usize];
                for (j, &pair) in row.iter().enumerate().take(n) {
                    if mask & (1 << j) == 0 && pair < INF {
                        let next = mask | (1 << j);
                        best[next] = best[next].min(so_far + pair);
                    }
                }
            }
            best[full]
        }
    };
    (best <= total_cap).then_some(best)
}

fn has_digit(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|byte| byte.is_ascii_digit())
    } else {
        text.chars().any(char::is_numeric)
    }
}

/// Edits between the two texts with their spaces removed, if at most `cap` and their digits agree.
fn compact_within(a: &str, b: &str, cap: u32) -> bool {
    let digits = |text: &'_ str| text.chars().filter(|c| c.is_numeric()).collect::<Vec<_>>();
    if (has_digit(a) || has_digit(b)) && digits(a) != digits(b) {
        return false;
    }
    let mut left = [0u8; 64];
    let mut right = [0u8; 64];
    match (compact_ascii(a, &mut left), compact_ascii(b, &mut right)) {
        (Some(left), Some(right)) => osa_within(left, right, cap).is_some(),
        _ => {
            let left: String = a.chars().filter(|&c| c != ' ').collect();
            let right: String = b.chars().filter(|&c| c != ' ').collect();
            strsim::osa_distance(&left, &right) <= cap as usize
        }
    }
}

fn compact_ascii<'b>(text: &str, buffer: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    if !text.is_ascii() {
        return None;
    }
    let mut len = 0;
    for byte in text.bytes().filter(|&byte| byte != b' ') {
        *buffer.get_mut(len)? = byte;
        len += 1;
    }
    buffer.get(..len)
}

/// Edit distance (optimal string alignment) between two texts, if at most `cap`.
pub(crate) fn distance_within(a: &str, b: &str, cap: u32) -> Option<u32> {
    if a.is_ascii() && b.is_ascii() && a.len() <= 64 && b.len() <= 64 {
        osa_within(a.as_bytes(), b.as_bytes(), cap)
    } else {
        let distance = u32::try_from(strsim::osa_distance(a, b)).unwrap_or(u32::MAX);
        (distance <= cap).then_some(distance)
    }
}

/// Optimal string alignment distance between two byte strings of at most 64 bytes, if at most `cap`.
///
/// Hyyrö's bit-parallel algorithm (2003): one column of the dynamic-programming matrix per character of
/// `b`, held as bit vectors over the characters of `a`.
fn osa_within(a: &[u8], b: &[u8], cap: u32) -> Option<u32> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > cap as usize || b.len() > 64 {
        return None;
    }
    if a.is_empty() {
        let distance = b.len() as u32;
        return (distance <= cap).then_some(distance);
    }
    let last = 1u64 << (a.len() - 1);
    let mut vp = u64::MAX;
    let mut vn = 0u64;
    let mut d0 = 0u64;
    let mut previous_match = 0u64;
    let mut distance = a.len();
    for (j, &c) in b.iter().enumerate() {
        let mut matches = 0u64;
        for (i, &x) in a.iter().enumerate() {
            matches |= u64::from(x == c) << i;
        }
        let transpositions = ((!d0 & matches) << 1) & previous_match;
        d0 = ((((matches & vp).wrapping_add(vp)) ^ vp) | matches | vn) | transpositions;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        distance += usize::from(hp & last != 0);
        distance -= usize::from(hn & last != 0);
        // The distance changes by at most one per remaining character of `b`.
        if distance > cap as usize + (b.len() - j - 1) {
            return None;
        }
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        previous_match = matches;
    }
    let distance = distance as u32;
    (distance <= cap).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn budget_grows_with_length() {
        let cases = [
            (0, 0),
            (3, 0),
            (4, 0),
            (5, 1),
            (6, 1),
            (11, 1),
            (12, 2),
            (18, 2),
            (19, 3),
        ];
        for (chars, budget) in cases {
            assert_eq!(typo_budget(chars), budget, "typo_budget({chars})");
        }
    }

    #[test]
    fn distances() {
        let cases = [
            ("iovine", "iovene", 1),
            ("iovine", "iovnie", 1),
            ("curtis", "curran", 3),
            ("allen", "albert", 3),
            ("", "abc", 3),
            ("ca", "abc", 3),
            ("jarvi", "jarvi", 0),
        ];
        for (a, b, expected) in cases {
            assert_eq!(distance_within(a, b, 10), Some(expected), "{a} / {b}");
            assert_eq!(
                distance_within(a, b, expected),
                Some(expected),
                "{a} / {b} at cap"
            );
            if expected > 0 {
                assert_eq!(
                    distance_within(a, b, expected - 1),
                    None,
                    "{a} / {b} under cap"
                );
            }
        }
    }

    #[test]
    fn forgiveness_is_per_word_and_order_free() {
        let cases = [
            ("jimmy iovene", "jimmy iovine", Some(1)),
            ("iovine jimmy", "jimmy iovine", Some(0)),
            ("iovene jimy", "jimmy iovine", Some(2)),
            ("jimmy iovenne", "jimmy iovine", None),
            ("tony curtin", "tony curtis", Some(1)),
            ("tomy curtis", "tony curtis", None),
            ("apollo 13", "apollo 12", None),
            ("spiderman", "spider man", Some(0)),
            ("iovine", "jimmy iovine", None),
            ("a b c d", "d c b a", Some(0)),
            (
                "alpha bravo charlie deltaa",
                "delta charlie bravo alpha",
                Some(1),
            ),
        ];
        for (guess, answer, expected) in cases {
            assert_eq!(
                forgiven(&Words::new(guess), &Words::new(answer), Allowance::PLAIN),
                expected,
                "{guess} / {answer}"
            );
        }
    }

    #[test]
    fn closeness_ignores_budgets_but_not_digits() {
        assert!(within(
            &Words::new("tony curtim"),
            &Words::new("tony curtin"),
            1
        ));
        assert!(!within(
            &Words::new("tony curtiss"),
            &Words::new("tony curtin"),
            1
        ));
        assert!(within(&Words::new("al gora"), &Words::new("al gore"), 1));
        assert!(!within(&Words::new("1959"), &Words::new("1958"), 3));
        assert!(within(
            &Words::new("spidermn"),
            &Words::new("spider man"),
            1
        ));
        // As many words: word by word, so a moved space costs edits.
        assert!(!within(&Words::new("ab cdx"), &Words::new("abc d"), 2));
        assert!(within(&Words::new("ab cdx"), &Words::new("abc d"), 3));
        assert!(within(&Words::new("abcdx"), &Words::new("abc d"), 1));
        // Different word counts compare with spaces removed, every letter counted.
        assert!(!within(&Words::new("abcxyz"), &Words::new("abc d"), 1));
        assert!(!within(&Words::new("spider"), &Words::new("spider man"), 2));
        // The same letters as often (the sketch cannot tell) but far apart in order.
        assert!(!within(&Words::new("abcd"), &Words::new("dc ba"), 2));
    }

    proptest! {
        #[test]
        fn bounded_distance_agrees_with_strsim(a in "[a-e]{0,12}", b in "[a-e]{0,12}", cap in 0u32..6) {
            let exact = strsim::osa_distance(&a, &b) as u32;
            let expected = (exact <= cap).then_some(exact);
            prop_assert_eq!(osa_within(a.as_bytes(), b.as_bytes(), cap), expected);
        }

        #[test]
        fn long_distances_agree_with_strsim(a in "[a-c]{0,64}", b in "[a-c]{0,64}", cap in 0u32..70) {
            let exact = strsim::osa_distance(&a, &b) as u32;
            let expected = (exact <= cap).then_some(exact);
            prop_assert_eq!(osa_within(a.as_bytes(), b.as_bytes(), cap), expected);
        }

        #[test]
        fn sketch_never_rules_out_a_near_text(a in "[a-z0-9 ]{0,16}", b in "[a-z0-9 ]{0,16}", slack in 0u32..3) {
            let left: String = a.chars().filter(|&c| c != ' ').collect();
            let right: String = b.chars().filter(|&c| c != ' ').collect();
            let distance = strsim::osa_distance(&left, &right) as u32;
            prop_assert!(Sketch::of(&a).may_be_within(Sketch::of(&b), distance + slack));
        }
    }
}
