//! Question ids that survive rewording: a generated question's id comes from what it asks (its type,
//! the facts it rests on, the direction, the entity or value asked about), never from its wording. Ids
//! given before this scheme (a hash of the rendered prompt and options) are mapped to the new ones here,
//! so a saved review box follows its question.

/// Old id (hash of the wording, shipped fact base) and new id (from what is asked), one pair a line.
const RENAMED: &str = include_str!("renamed_ids.tsv");

/// The current id of a generated question saved under an older id, if the id changed; `None` for an
/// id that is current or unknown.
///
/// ```
/// assert_eq!(trivia::generate::renamed_id("g-000000000000"), None);
/// ```
pub fn renamed_id(old: &str) -> Option<&'static str> {
    if !old.starts_with("g-") {
        return None;
    }
    RENAMED.lines().find_map(|line| {
        let (from, to) = line.split_once('\t')?;
        (from == old).then_some(to)
    })
}

/// The whole map of renamed ids, as (old, new) pairs.
pub(crate) fn renamed_ids() -> impl Iterator<Item = (&'static str, &'static str)> {
    RENAMED.lines().filter_map(|line| line.split_once('\t'))
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
            assert_eq!(renamed_id(from), Some(to));
        }
        assert!(seen.len() > 800);
    }
}
