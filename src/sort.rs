//! One stable sort for the whole crate. The standard library's sort is generic,
//! so every call site compiled its own copy (about 5 KB of wasm each); here the
//! sorting itself is one non-generic merge sort over indices, and each caller
//! adds only a small comparator and a permutation.

use std::cmp::Ordering;

/// A stable order of `0..n`: the positions of the sorted items. Bottom-up merge
/// sort, n log n comparisons; `cmp` compares items by position.
pub fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    // Histories are nearly always in order already: one pass says so.
    if (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return from;
    }
    let mut to: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        to.clear();
        for run in from.chunks(2 * width) {
            let (left, right) = run.split_at(width.min(run.len()));
            let (mut l, mut r) = (0, 0);
            // Ties take the left run's item first: that is what keeps it stable.
            while let (Some(&a), Some(&b)) = (left.get(l), right.get(r)) {
                if cmp(a, b) == Ordering::Greater {
                    to.push(b);
                    r += 1;
                } else {
                    to.push(a);
                    l += 1;
                }
            }
            to.extend_from_slice(left.get(l..).unwrap_or_default());
            to.extend_from_slice(right.get(r..).unwrap_or_default());
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        sorted_indices(
            items.len(),
            &mut |i, j| match (items.get(i), items.get(j)) {
                (Some(a), Some(b)) => cmp(a, b),
                _ => Ordering::Equal,
            },
        )
    };
    // The items move by swaps, each putting one in its place (at most n - 1).
    // All a caller compiles is the swap closure: moving them through a
    // `Vec<Option<T>>` compiled a drain, a collect and an extend per type.
    // The guard spares `swap` its bounds-check panics (they format integers with `core::fmt`).
    permute(&order, &mut |i, j| {
        if i < v.len() && j < v.len() {
            v.swap(i, j)
        }
    });
}

/// Puts item `order[k]` at `k` for every `k` by calls of `swap(i, j)`, all
/// with indices below `order.len()`. `order` is a permutation of `0..n`,
/// whatever the comparator did (the merge moves each index exactly once), so
/// each swap settles one item and the loop ends.
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    // Where each item goes: the inverse of `order`.
    let mut dest: Vec<usize> = (0..order.len()).collect();
    for (k, &i) in order.iter().enumerate() {
        if let Some(d) = dest.get_mut(i) {
            *d = k;
        }
    }
    for i in 0..dest.len() {
        while let Some(&j) = dest.get(i).filter(|&&j| j != i && j < order.len()) {
            swap(i, j);
            if j < dest.len() {
                dest.swap(i, j);
            }
        }
    }
}

/// Sorts `v` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_cases() {
        for v in [
            vec![],
            vec![1],
            vec![2, 1],
            vec![3, 1, 2],
            vec![5, 4, 3, 2, 1, 0, 9],
        ] {
            let mut ours = v.clone();
            sort_by(&mut ours, |a: &i32, b| a.cmp(b));
            let mut std = v.clone();
            std.sort();
            assert_eq!(ours, std);
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            // Sorting by the first field only: equal keys must keep their order.
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
