//! Substring search for the generator's short texts. The standard library's `str::contains` and
//! `match_indices` prepare a Two-Way searcher for every call, which costs more than the search itself
//! when the text is a prompt and the needle a name; the generator asks such questions hundreds of
//! thousands of times. These give the same answers by jumping (with `memchr`) to the needle's rarest
//! byte and comparing there.

/// English letters from most to least frequent: the later a byte comes, the fewer false starts.
const BY_FREQUENCY: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";

/// Each byte's rarity: its place in [`BY_FREQUENCY`], and past the end for any other byte.
const RARITY: [u8; 256] = {
    let mut rarity = [BY_FREQUENCY.len() as u8; 256];
    let mut place = 0;
    while place < BY_FREQUENCY.len() {
        rarity[BY_FREQUENCY[place] as usize] = place as u8;
        place += 1;
    }
    rarity
};

/// Where in `needle` to look first: the rarest (the first such) of a few bytes spread over it (its
/// first, second, middle and second-to-last: a normalised name's first letter comes after a space).
fn rarest_byte(needle: &[u8]) -> usize {
    let last = needle.len().saturating_sub(1);
    let mut best = 0;
    for at in [1, needle.len() / 2, last.saturating_sub(1)] {
        if at <= last && RARITY[usize::from(needle[at])] > RARITY[usize::from(needle[best])] {
            best = at;
        }
    }
    best
}

/// The byte offset of the first occurrence of `needle` in `haystack` at or after `from` (an empty
/// needle occurs at `from`).
pub(crate) fn find_from(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= haystack.len()).then_some(from);
    }
    find_from_pivot(haystack, needle, from, rarest_byte(needle.as_bytes()))
}

/// [`find_from`] of a non-empty needle, looking first for its byte at `pivot` (see
/// [`rarest_byte`]): a search for every occurrence picks it once.
fn find_from_pivot(haystack: &str, needle: &str, from: usize, pivot: usize) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let end = haystack.len().checked_sub(needle.len())? + 1;
    let mut start = from;
    while start < end {
        let skip = memchr::memchr(needle[pivot], &haystack[start + pivot..end + pivot])?;
        start += skip;
        if haystack[start..start + needle.len()]
            .iter()
            .zip(needle)
            .all(|(a, b)| a == b)
        {
            return Some(start);
        }
        start += 1;
    }
    None
}

/// Whether `needle` occurs in `haystack` (as `str::contains`).
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    find_from(haystack, needle, 0).is_some()
}

/// The byte offsets of every occurrence of a non-empty `needle` in `haystack`, overlapping ones
/// included, left to right.
pub(crate) fn all_occurrences<'h>(
    haystack: &'h str,
    needle: &'h str,
) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0;
    // (An empty needle has no byte to pick, and occurs nowhere here.)
    let pivot = if needle.is_empty() {
        0
    } else {
        rarest_byte(needle.as_bytes())
    };
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        let at = find_from_pivot(haystack, needle, from, pivot)?;
        from = at + 1;
        Some(at)
    })
}

/// The byte offsets of the non-overlapping occurrences of a non-empty `needle` in `haystack`, left to
/// right (as `str::match_indices`).
pub(crate) fn occurrences<'h>(
    haystack: &'h str,
    needle: &'h str,
) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0;
    // (An empty needle has no byte to pick, and occurs nowhere here.)
    let pivot = if needle.is_empty() {
        0
    } else {
        rarest_byte(needle.as_bytes())
    };
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        let at = find_from_pivot(haystack, needle, from, pivot)?;
        from = at + needle.len();
        Some(at)
    })
}

/// Whether `text[start..end]` stands as whole words: no letter or digit runs on at either side.
pub(crate) fn whole_at(text: &str, start: usize, end: usize) -> bool {
    !text[..start].ends_with(char::is_alphanumeric)
        && !text[end..].starts_with(char::is_alphanumeric)
}

/// Whether `text` names `name` as whole words: "Brooklyn" in "a producer from Brooklyn", not "Ross"
/// in "Rossi".
pub(crate) fn names_whole(text: &str, name: &str) -> bool {
    occurrences(text, name).any(|start| whole_at(text, start, start + name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_counts_only_as_whole_words() {
        assert!(names_whole("a record producer from Brooklyn", "Brooklyn"));
        assert!(names_whole("Brooklyn-born producer", "Brooklyn"));
        assert!(!names_whole("a producer for Rossi", "Ross"));
        assert!(!names_whole("anything", ""));
        assert!(whole_at("the Ritzy, Brixton", 4, 9));
        assert!(!whole_at("the Ritzys", 4, 9));
    }

    const TEXTS: [&str; 9] = [
        "",
        " ",
        " dr dre ",
        " dr dres partner ",
        " the beatles and the beatles ",
        " aaa aaaa ",
        " café olé ",
        " x ",
        " zz zzz zz ",
    ];
    const NEEDLES: [&str; 12] = [
        " dr dre ",
        " dr dre",
        " beatles ",
        " the",
        "aa",
        "a",
        " x ",
        " ",
        "é ",
        "olé",
        "zz",
        " zz ",
    ];

    #[test]
    fn finds_what_the_standard_search_finds() {
        for text in TEXTS {
            for needle in NEEDLES {
                assert_eq!(
                    contains(text, needle),
                    text.contains(needle),
                    "{text:?} {needle:?}"
                );
                let ours: Vec<usize> = occurrences(text, needle).collect();
                let std: Vec<usize> = text.match_indices(needle).map(|(at, _)| at).collect();
                assert_eq!(ours, std, "{text:?} {needle:?}");
                let every: Vec<usize> = (0..text.len())
                    .filter(|&at| text.as_bytes()[at..].starts_with(needle.as_bytes()))
                    .collect();
                assert_eq!(
                    all_occurrences(text, needle).collect::<Vec<_>>(),
                    every,
                    "{text:?} {needle:?}"
                );
            }
        }
        assert!(contains("abc", ""));
        assert_eq!(find_from("abcabc", "bc", 2), Some(4));
        assert_eq!(find_from("abcabc", "bc", 5), None);
        assert_eq!(find_from("abc", "abcd", 0), None);
    }
}
