//! Question ids that survive rewording: a generated question's id comes from what it asks (its type,
//! the facts it rests on, the direction, the entity or value asked about), never from its wording. Ids
//! given before this scheme (a hash of the rendered prompt and options) are mapped to the new ones here,
//! and so are ids that changed since because a fact's content changed (a quotation given its topic), so
//! a saved review box follows its question.

/// Old id (hash of the wording, shipped fact base) and new id (from what is asked), one pair a line.
const RENAMED: &str = include_str!("renamed_ids.tsv");

/// The current id of a generated question saved under an older id, if the id changed; `None` for an
/// id that is current or unknown. An id renamed more than once (a fact's content changed after the
/// wording scheme moved) follows every rename to the latest.
///
/// ```
/// assert_eq!(trivia::generate::renamed_id("g-000000000000"), None);
/// ```
pub fn renamed_id(old: &str) -> Option<&'static str> {
    if !old.starts_with("g-") {
        return None;
    }
    let mut current = next_id(old)?;
    // Each step is a line of the map, so a chain is never longer than the map.
    for _ in 0..RENAMED.lines().count() {
        match next_id(current) {
            Some(next) => current = next,
            None => break,
        }
    }
    Some(current)
}

/// The id one line of the map gives `old`, if any.
fn next_id(old: &str) -> Option<&'static str> {
    RENAMED.lines().find_map(|line| {
        let (from, to) = line.split_once('\t')?;
        (from == old).then_some(to)
    })
}

/// The whole map of renamed ids, as (old, latest) pairs: every id ever renamed, to the id it has now.
pub(crate) fn renamed_ids() -> impl Iterator<Item = (&'static str, &'static str)> {
    RENAMED.lines().filter_map(|line| {
        let (from, _) = line.split_once('\t')?;
        Some((from, renamed_id(from)?))
    })
}

/// A stable digest of the map, so a history database knows which map it has followed.
pub(crate) fn renamed_ids_digest() -> String {
    format!("{:016x}", crate::question::stable_hash(RENAMED.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_renamed_id_maps_to_a_distinct_new_id() {
        let mut seen = std::collections::HashSet::new();
        for line in RENAMED.lines() {
            let (from, to) = line.split_once('\t').expect("two columns");
            assert_ne!(from, to);
            assert!(seen.insert(to), "{to} twice");
            assert_eq!(next_id(from), Some(to));
        }
        assert!(seen.len() > 800);
    }

    #[test]
    fn an_id_renamed_twice_follows_both_renames() {
        // An id the wording scheme renamed, whose fact later changed (a quotation given its topic).
        let chained = RENAMED
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .find(|(_, to)| next_id(to).is_some())
            .expect("the map holds a chain");
        let (first, middle) = chained;
        let last = next_id(middle).unwrap();
        assert_eq!(renamed_id(first), Some(last));
        assert_eq!(renamed_id(middle), Some(last));
        assert!(renamed_ids().any(|pair| pair == (first, last)));
        // Every old id ends on an id the map does not rename again.
        for (old, latest) in renamed_ids() {
            assert_ne!(old, latest);
            assert_eq!(next_id(latest), None, "{old} -> {latest}");
        }
    }
}
