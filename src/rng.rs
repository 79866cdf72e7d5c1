//! Reproducible randomness: one seeded generator and our own draws, so a seed gives the same game forever.
//!
//! rand's `shuffle`, `choose`, `random_range` and `StdRng` may change their output in any release. Seeded
//! content therefore uses ChaCha8 (a fixed, documented stream) and the bounded draw and Fisher–Yates shuffle
//! below, which only ever call `next_u32`/`next_u64`.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use rand::Rng;

/// The seeded generator used for every reproducible decision.
#[derive(Clone, Debug)]
pub struct SeededRng {
    inner: ChaCha8Rng,
}

impl SeededRng {
    /// A generator whose whole stream is fixed by `seed`.
    pub fn from_seed(seed: u64) -> Self {
        SeededRng {
            inner: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// A generator for a named sub-task, independent of how much the parent stream was used.
    pub fn derive(seed: u64, label: &str) -> Self {
        Self::from_seed(seed ^ crate::question::stable_hash(label.as_bytes()))
    }
}

impl rand::TryRng for SeededRng {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.inner.next_u32())
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.inner.next_u64())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        self.inner.fill_bytes(dst);
        Ok(())
    }
}

/// A uniformly distributed integer in `0..bound`, without modulo bias (Lemire's method, rejection on
/// `next_u32`). Panics if `bound` is zero.
pub fn below<R: Rng + ?Sized>(rng: &mut R, bound: u32) -> u32 {
    assert!(bound > 0, "below(0) has no valid result");
    let threshold = bound.wrapping_neg() % bound;
    loop {
        let product = u64::from(rng.next_u32()) * u64::from(bound);
        if (product as u32) >= threshold {
            return (product >> 32) as u32;
        }
    }
}

/// A uniformly distributed index into a slice of length `len` (`len` > 0, at most `u32::MAX`).
pub fn index<R: Rng + ?Sized>(rng: &mut R, len: usize) -> usize {
    let bound = u32::try_from(len).expect("collections drawn from stay below u32::MAX items");
    below(rng, bound) as usize
}

/// Fisher–Yates shuffle driven by [`below`].
pub fn shuffle<T, R: Rng + ?Sized>(rng: &mut R, items: &mut [T]) {
    for upper in (1..items.len()).rev() {
        let pick = index(rng, upper + 1);
        items.swap(upper, pick);
    }
}

/// One element chosen uniformly, or `None` for an empty slice.
pub fn choose<'a, T, R: Rng + ?Sized>(rng: &mut R, items: &'a [T]) -> Option<&'a T> {
    if items.is_empty() {
        None
    } else {
        Some(&items[index(rng, items.len())])
    }
}

/// `count` distinct indices from `0..len`, in draw order (partial Fisher–Yates).
pub fn sample_indices<R: Rng + ?Sized>(rng: &mut R, len: usize, count: usize) -> Vec<usize> {
    let mut pool: Vec<usize> = (0..len).collect();
    let take = count.min(len);
    for position in 0..take {
        let pick = position + index(rng, len - position);
        pool.swap(position, pick);
    }
    pool.truncate(take);
    pool
}

/// An index into `weights` drawn in proportion to its weight, by [`below`] over the weights' sum
/// (the sum is positive and at most `u32::MAX`).
pub fn weighted_index<R: Rng + ?Sized>(rng: &mut R, weights: &[u32]) -> usize {
    let mut ticket = below(rng, weights.iter().sum());
    let mut position = 0;
    while ticket >= weights[position] {
        ticket -= weights[position];
        position += 1;
    }
    position
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_index_follows_the_weights_and_never_picks_a_zero() {
        let mut rng = SeededRng::from_seed(3);
        let mut counts = [0u32; 3];
        for _ in 0..4000 {
            counts[weighted_index(&mut rng, &[1, 0, 3])] += 1;
        }
        assert_eq!(counts[1], 0);
        // Expected 1000 and 3000.
        assert!((850..1150).contains(&counts[0]), "{counts:?}");
        assert!((2850..3150).contains(&counts[2]), "{counts:?}");
    }

    #[test]
    fn same_seed_same_stream() {
        let mut a = SeededRng::from_seed(7);
        let mut b = SeededRng::from_seed(7);
        let xs: Vec<u32> = (0..16).map(|_| below(&mut a, 1000)).collect();
        let ys: Vec<u32> = (0..16).map(|_| below(&mut b, 1000)).collect();
        assert_eq!(xs, ys);
    }

    #[test]
    fn chacha8_stream_is_pinned() {
        // Pins the generator itself: if a dependency upgrade changed ChaCha8's output, every seeded
        // game would change, so this must fail first.
        let mut rng = SeededRng::from_seed(42);
        let draws: Vec<u32> = (0..4).map(|_| rng.next_u32()).collect();
        assert_eq!(draws, PINNED_SEED_42);
    }
    const PINNED_SEED_42: [u32; 4] = [962_419_617, 2_928_721_845, 628_724_104, 4_081_401_798];

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = SeededRng::from_seed(1);
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            let value = below(&mut rng, 7);
            seen[value as usize] += 1;
        }
        assert!(
            seen.iter().all(|&count| count > 850 && count < 1150),
            "{seen:?}"
        );
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut rng = SeededRng::from_seed(3);
        let mut items: Vec<u32> = (0..50).collect();
        shuffle(&mut rng, &mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(
            items, sorted,
            "50 items left in order by a shuffle is a 1 in 50! event"
        );
    }

    #[test]
    fn sample_indices_are_distinct() {
        let mut rng = SeededRng::from_seed(9);
        let mut picked = sample_indices(&mut rng, 10, 4);
        assert_eq!(picked.len(), 4);
        picked.sort_unstable();
        picked.dedup();
        assert_eq!(picked.len(), 4);
        assert_eq!(sample_indices(&mut rng, 3, 10).len(), 3);
    }
}
