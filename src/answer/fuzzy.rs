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

/// A few numbers about a normalised text that bound its distance to another text from below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Sketch {
    /// Which characters occur (a–z, 0–9, and a hashed bit for anything else).
    mask: u64,
    /// Characters other than spaces.
    len: u32,
}

impl Sketch {
    pub(crate) fn of(text: &str) -> Sketch {
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

    /// No edit script between the two texts is shorter than this. An edit changes the length by at most
    /// one and the set of characters present by at most two.
    pub(crate) fn lower_bound(self, other: Sketch) -> u32 {
        let length = self.len.abs_diff(other.len);
        let letters = (self.mask ^ other.mask).count_ones().div_ceil(2);
        length.max(letters)
    }
}

/// A normalised text with its words.
#[derive(Clone, Debug)]
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    words: [&'a str; MAX_WORDS],
    count: usize,
    pub(crate) sketch: Sketch,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Words::with_sketch(text, Sketch::of(text))
    }

    pub(crate) fn with_sketch(text: &'a str, sketch: Sketch) -> Self {
        let mut words = [""; MAX_WORDS];
        let mut count = 0;
        for word in text.split(' ').filter(|word| !word.is_empty()) {
            if let Some(slot) = words.get_mut(count) {
                *slot = word;
            }
            count += 1;
        }
        Words {
            text,
            words,
            count,
            sketch,
        }
    }

    fn words(&self) -> Option<&[&'a str]> {
        self.words.get(..self.count)
    }
}

/// Whether two texts are the same once spaces are ignored (`spider man` = `spiderman`, `u s a` = `usa`).
pub(crate) fn same_letters(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|&c| c != ' ')
        .eq(b.chars().filter(|&c| c != ' '))
}

/// The edits between a guess and an answer when every answer word is met by a different guess word within
/// that word's [`typo_budget`]; `None` when the guess is not a forgivable spelling of the answer.
pub(crate) fn forgiven(guess: &Words, answer: &Words) -> Option<u32> {
    if guess.text == answer.text || same_letters(guess.text, answer.text) {
        return Some(0);
    }
    if guess.count != answer.count {
        return None;
    }
    let (guess_words, answer_words) = (guess.words()?, answer.words()?);
    let total: u32 = answer_words
        .iter()
        .map(|word| typo_budget(word.chars().count()))
        .sum();
    if guess.sketch.lower_bound(answer.sketch) > total {
        return None;
    }
    assign(
        guess_words,
        answer_words,
        |word| typo_budget(word.chars().count()),
        total,
    )
}

/// Whether the guess is within `cap` edits of `other`, however the edits fall across its words (used to find
/// a name the guess is at least as close to as to the answer).
pub(crate) fn within(guess: &Words, other: &Words, cap: u32) -> bool {
    if guess.sketch.lower_bound(other.sketch) > cap {
        return false;
    }
    if guess.text == other.text || same_letters(guess.text, other.text) {
        return true;
    }
    if guess.count == other.count {
        if let (Some(guess_words), Some(other_words)) = (guess.words(), other.words()) {
            if assign(guess_words, other_words, |_| cap, cap).is_some() {
                return true;
            }
        }
    }
    compact_within(guess.text, other.text, cap)
}

/// Pairs each guess word with a different target word at least total cost; a pair costs its edit distance if
/// that is within `cap_for(target word)`, and cannot be made otherwise.
fn assign(
    guess: &[&str],
    target: &[&str],
    cap_for: impl Fn(&str) -> u32,
    total_cap: u32,
) -> Option<u32> {
    let n = guess.len();
    if n != target.len() || n > MAX_WORDS {
        return None;
    }
    let mut cost = [[INF; MAX_WORDS]; MAX_WORDS];
    for (j, target_word) in target.iter().enumerate() {
        let cap = cap_for(target_word).min(total_cap);
        for (i, guess_word) in guess.iter().enumerate() {
            if let Some(distance) = word_distance(guess_word, target_word, cap) {
                cost[i][j] = distance;
            }
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

/// Edits between two words if at most `cap`; a word with a digit in it matches only itself.
fn word_distance(a: &str, b: &str, cap: u32) -> Option<u32> {
    if a == b {
        return Some(0);
    }
    if cap == 0 || has_digit(a) || has_digit(b) {
        return None;
    }
    distance_within(a, b, cap)
}

fn has_digit(text: &str) -> bool {
    text.chars().any(char::is_numeric)
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

/// Optimal string alignment distance between two short byte strings (at most 64 bytes), if at most `cap`;
/// gives up as soon as two consecutive rows exceed the cap.
fn osa_within(a: &[u8], b: &[u8], cap: u32) -> Option<u32> {
    const WIDTH: usize = 65;
    if a.len().abs_diff(b.len()) > cap as usize || b.len() >= WIDTH {
        return None;
    }
    let m = b.len();
    let mut rows = [[0u32; WIDTH]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(m + 1) {
        *cell = j as u32;
    }
    let (mut two_back, mut back, mut current) = (0, 1, 2);
    let mut previous_min = 0;
    for i in 1..=a.len() {
        rows[current][0] = i as u32;
        let mut row_min = i as u32;
        for j in 1..=m {
            let substitution = u32::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[back][j] + 1)
                .min(rows[current][j - 1] + 1)
                .min(rows[back][j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[two_back][j - 2] + 1);
            }
            rows[current][j] = value;
            row_min = row_min.min(value);
        }
        if row_min > cap && previous_min > cap {
            return None;
        }
        previous_min = row_min;
        (two_back, back, current) = (back, current, two_back);
    }
    let distance = rows[back][m];
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
                forgiven(&Words::new(guess), &Words::new(answer)),
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
    }

    proptest! {
        #[test]
        fn bounded_distance_agrees_with_strsim(a in "[a-e]{0,12}", b in "[a-e]{0,12}", cap in 0u32..6) {
            let exact = strsim::osa_distance(&a, &b) as u32;
            let expected = (exact <= cap).then_some(exact);
            prop_assert_eq!(osa_within(a.as_bytes(), b.as_bytes(), cap), expected);
        }

        #[test]
        fn sketch_bound_never_exceeds_distance(a in "[a-z0-9 ]{0,16}", b in "[a-z0-9 ]{0,16}") {
            let left: String = a.chars().filter(|&c| c != ' ').collect();
            let right: String = b.chars().filter(|&c| c != ' ').collect();
            let distance = strsim::osa_distance(&left, &right) as u32;
            prop_assert!(Sketch::of(&a).lower_bound(Sketch::of(&b)) <= distance);
        }
    }
}
