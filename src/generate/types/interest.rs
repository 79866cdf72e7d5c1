//! The most interesting usable facts about a question's anchors. Checking whether a fact may teach
//! reads the question's text; an anchor such as the quiz's own subject has hundreds of facts, so
//! they are checked an interest at a time, most interesting first, and no further than needed.

use std::borrow::Cow;

use super::super::index::InterestGroups;

/// What is known of one anchor's facts so far.
struct Best {
    /// Every interest at or above this has been checked.
    checked_from: u16,
    /// The highest interest with usable facts, and those facts in their given order.
    found: Option<(u8, Vec<usize>)>,
}

/// For each level in turn, the first anchor (in order) with a usable fact of that interest or more
/// gives its usable facts of its highest such interest, in their given order. `groups` holds each
/// anchor's facts by interest, most interesting first (see
/// [`Index::facts_by_interest`](super::super::index::Index::facts_by_interest)); `usable` is asked
/// about an anchor (by its place) and a fact.
pub(super) fn most_interesting(
    groups: &[Cow<'_, InterestGroups>],
    levels: &[u8],
    mut usable: impl FnMut(usize, usize) -> bool,
) -> Option<Vec<usize>> {
    let mut best: Vec<Best> = groups
        .iter()
        .map(|_| Best {
            checked_from: u16::from(u8::MAX) + 1,
            found: None,
        })
        .collect();
    for &level in levels {
        for (position, anchor_groups) in groups.iter().enumerate() {
            let state = &mut best[position];
            if state.found.is_none() {
                for (interest, members) in anchor_groups.iter() {
                    if *interest < level {
                        break;
                    }
                    if u16::from(*interest) >= state.checked_from {
                        continue;
                    }
                    let found: Vec<usize> = members
                        .iter()
                        .copied()
                        .filter(|&fact| usable(position, fact))
                        .collect();
                    if !found.is_empty() {
                        state.found = Some((*interest, found));
                        break;
                    }
                }
                state.checked_from = u16::from(level);
            }
            if let Some((top, tied)) = &mut state.found
                && *top >= level
            {
                return Some(std::mem::take(tied));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as first written: every usable fact of every anchor, then for each level the first
    /// anchor with one of that interest or more gives those of its highest interest.
    fn by_brute_force(
        groups: &[Vec<(u8, Vec<usize>)>],
        levels: &[u8],
        usable: impl Fn(usize, usize) -> bool,
    ) -> Option<Vec<usize>> {
        let interest_of = |position: usize, fact: usize| {
            groups[position]
                .iter()
                .find(|(_, members)| members.contains(&fact))
                .map(|(interest, _)| *interest)
        };
        for &level in levels {
            for (position, anchor_groups) in groups.iter().enumerate() {
                let all: Vec<usize> = anchor_groups
                    .iter()
                    .flat_map(|(_, members)| members.iter().copied())
                    .filter(|&fact| usable(position, fact))
                    .collect();
                let Some(top) = all
                    .iter()
                    .filter_map(|&fact| interest_of(position, fact))
                    .filter(|&interest| interest >= level)
                    .max()
                else {
                    continue;
                };
                let mut tied: Vec<usize> = all
                    .into_iter()
                    .filter(|&fact| interest_of(position, fact) == Some(top))
                    .collect();
                tied.sort_unstable();
                return Some(tied);
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn checking_an_interest_at_a_time_picks_what_checking_all_picks(
            interests in proptest::collection::vec(proptest::collection::vec(0u8..4, 0..8), 1..4),
            unusable in proptest::collection::vec(0usize..40, 0..20),
            levels in proptest::sample::select(vec![vec![2u8, 1], vec![2], vec![1], vec![3, 2, 1]]),
        ) {
            // Anchor `a`'s facts are numbered 10 * a + place, grouped by interest in place order.
            let groups: Vec<Vec<(u8, Vec<usize>)>> = interests
                .iter()
                .enumerate()
                .map(|(anchor, levels)| {
                    let mut groups: Vec<(u8, Vec<usize>)> = Vec::new();
                    for (place, &level) in levels.iter().enumerate() {
                        let fact = 10 * anchor + place;
                        match groups.iter_mut().find(|(group, _)| *group == level) {
                            Some((_, members)) => members.push(fact),
                            None => groups.push((level, vec![fact])),
                        }
                    }
                    groups.sort_by_key(|group| std::cmp::Reverse(group.0));
                    groups
                })
                .collect();
            let usable = |_: usize, fact: usize| !unusable.contains(&fact);
            let borrowed: Vec<Cow<'_, InterestGroups>> =
                groups.iter().map(|anchor| Cow::Borrowed(anchor.as_slice())).collect();
            let mut picked = most_interesting(&borrowed, &levels, usable);
            if let Some(tied) = &mut picked {
                tied.sort_unstable();
            }
            proptest::prop_assert_eq!(picked, by_brute_force(&groups, &levels, usable));
        }
    }
}
