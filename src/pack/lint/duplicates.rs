//! Near-duplicate questions, found without comparing every pair: each prompt's word set gets a MinHash
//! signature, signatures are cut into bands, and only questions that share a band's bucket are compared
//! (locality-sensitive hashing). With 8 bands of 4 rows, two prompts whose word sets overlap by 80%
//! share a bucket with a probability of about 99%; unrelated prompts almost never do.

use std::collections::HashMap;

use super::Entry;
use crate::answer::normalize;
use crate::question::Body;

/// MinHash functions per signature.
const HASHES: usize = 32;
/// Signature rows per band: `HASHES / ROWS` bands.
const ROWS: usize = 4;
/// The least share of words two prompts must have in common to be near-duplicates.
const SIMILARITY: f64 = 0.8;
/// A bucket with more questions than this is a run of one template ("Which of these is not ..."); only
/// its first members are compared, so a flood of look-alikes stays linear.
const BUCKET_CAP: usize = 64;

/// Pairs `(later, earlier, message)` of entry indices whose prompts are near-duplicates and whose answers
/// say the same thing (or contradict each other on the same true/false statement).
pub(super) fn near_duplicates(entries: &[Entry<'_>]) -> Vec<(usize, usize, String)> {
    let words: Vec<Vec<u64>> = entries
        .iter()
        .map(|entry| word_hashes(&entry.prompt))
        .collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (index, hashes) in words.iter().enumerate() {
        if hashes.is_empty() {
            continue;
        }
        let signature = minhash(hashes);
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let key = rows
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |acc, &row| mix(acc ^ row));
            buckets.entry((band, key)).or_default().push(index);
        }
    }
    let mut best: HashMap<usize, (usize, String)> = HashMap::new();
    for members in buckets.values() {
        let members = &members[..members.len().min(BUCKET_CAP)];
        for (position, &later) in members.iter().enumerate() {
            for &earlier in &members[..position] {
                if best.get(&later).is_some_and(|(found, _)| *found <= earlier) {
                    continue;
                }
                if let Some(message) = same_question(entries, &words, earlier, later) {
                    best.insert(later, (earlier, message));
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize, String)> = best
        .into_iter()
        .map(|(later, (earlier, message))| (later, earlier, message))
        .collect();
    pairs.sort_unstable_by_key(|pair| (pair.0, pair.1));
    pairs
}

/// Why `later` repeats `earlier`, or `None` when it does not.
fn same_question(
    entries: &[Entry<'_>],
    words: &[Vec<u64>],
    earlier: usize,
    later: usize,
) -> Option<String> {
    let (a, b) = (&entries[earlier], &entries[later]);
    if jaccard(&words[earlier], &words[later]) < SIMILARITY {
        return None;
    }
    if differ_in_numbers(&a.prompt, &b.prompt) {
        return None;
    }
    let same_prompt = a.prompt == b.prompt;
    match (&a.question.body, &b.question.body) {
        (Body::TrueFalse { answer: x }, Body::TrueFalse { answer: y }) => Some(if x == y {
            "repeats".to_string()
        } else if same_prompt {
            "contradicts (same statement, opposite answer)".to_string()
        } else {
            return None;
        }),
        (x, y) => {
            let (right_a, right_b) = (normalize(&x.answer_text()), normalize(&y.answer_text()));
            if right_a == right_b && !right_a.is_empty() {
                Some("repeats".to_string())
            } else if same_prompt && options_overlap(x.choices(), y.choices()) {
                Some("asks the same with a different answer than".to_string())
            } else {
                None
            }
        }
    }
}

/// Whether two option lists share at least half their options (so one question with two answer keys).
fn options_overlap(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let b: Vec<String> = b.iter().map(|option| normalize(option)).collect();
    let shared = a
        .iter()
        .filter(|option| b.contains(&normalize(option)))
        .count();
    shared * 2 >= a.len().max(b.len())
}

/// Whether the words that differ between two prompts hold a number ("Jaws" and "Jaws 2" are different
/// questions).
fn differ_in_numbers(a: &str, b: &str) -> bool {
    let a_words: Vec<&str> = a.split(' ').collect();
    let b_words: Vec<&str> = b.split(' ').collect();
    let numeric = |word: &&str| word.bytes().any(|byte| byte.is_ascii_digit());
    a_words
        .iter()
        .filter(|word| !b_words.contains(word))
        .chain(b_words.iter().filter(|word| !a_words.contains(word)))
        .any(numeric)
}

/// The distinct words of a folded prompt, hashed.
fn word_hashes(prompt: &str) -> Vec<u64> {
    let mut hashes: Vec<u64> = prompt
        .split(' ')
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |acc, byte| {
                (acc ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The minimum of each of [`HASHES`] hash functions over the words.
fn minhash(words: &[u64]) -> [u64; HASHES] {
    let mut signature = [u64::MAX; HASHES];
    for &word in words {
        for (seed, slot) in signature.iter_mut().enumerate() {
            let value = mix(word ^ (seed as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if value < *slot {
                *slot = value;
            }
        }
    }
    signature
}

/// A 64-bit finaliser (SplitMix64's), so related inputs give unrelated outputs.
fn mix(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_counts_shared_words() {
        let a = word_hashes("who directed the film heat");
        let b = word_hashes("who directed the film heat 1995");
        assert!((jaccard(&a, &b) - 5.0 / 6.0).abs() < 1e-9);
        assert!(differ_in_numbers(
            "who directed jaws",
            "who directed jaws 2"
        ));
        assert!(!differ_in_numbers(
            "who directed jaws",
            "who was the director of jaws"
        ));
    }
}
