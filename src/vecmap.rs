//! Sorted-vector map and set for the crate's small keyed collections (answers
//! by item, scores by construct, the memory backend, unsaved ids). They keep
//! `BTreeMap`/`BTreeSet`'s order and the part of their API we use, but compile
//! to a binary search and a `Vec` insert: the B-tree's node code came to about
//! 20 KB of wasm per build, once per key/value type.

use std::borrow::Borrow;
use std::fmt;

/// A map ordered by key, like `BTreeMap`. Insert and remove move the tail of a
/// vector: fine for the few hundred keys these maps hold.
#[derive(Clone, PartialEq)]
pub struct VecMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap { items: Vec::new() }
    }
}

impl<K: Ord, V> VecMap<K, V> {
    pub fn new() -> Self {
        VecMap { items: Vec::new() }
    }

    fn find<Q: ?Sized + Ord>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.items.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The map of `items`, which must be in key order, each key once (debug builds check).
    pub fn from_sorted(items: Vec<(K, V)>) -> Self {
        debug_assert!(items.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
        VecMap { items }
    }

    /// The `i`th key and its value in key order: a map known to hold every key of
    /// a small ordered set finds a key at its place, with no search.
    pub fn nth(&self, i: usize) -> Option<(&K, &V)> {
        self.items.get(i).map(|(k, v)| (k, v))
    }

    /// Room for `n` keys: maps filled from a list of known length grow once.
    pub fn with_capacity(n: usize) -> Self {
        VecMap { items: Vec::with_capacity(n) }
    }

    /// Sets `key` to `value`; returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self.items.get_mut(i).map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(i) => {
                // `min`: `insert`'s assertion (its message formats integers with `core::fmt`) is then provably never hit.
                self.items.insert(i.min(self.items.len()), (key, value));
                None
            }
        }
    }

    pub fn get<Q: ?Sized + Ord>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().and_then(|i| self.items.get(i)).map(|(_, v)| v)
    }

    pub fn contains_key<Q: ?Sized + Ord>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    pub fn remove<Q: ?Sized + Ord>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok().filter(|&i| i < self.items.len())?;
        Some(self.items.remove(i).1)
    }
}

impl<K, V> VecMap<K, V> {
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    pub fn clear(&mut self) {
        self.items.clear()
    }
    /// Pairs in key order, as `BTreeMap::iter` gives them.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.items.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.items.iter().map(|(k, _)| k)
    }
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.items.iter().map(|(_, v)| v)
    }
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.items.retain_mut(|(k, v)| keep(k, v))
    }
}

impl<K: AsRef<str>, V: Copy> VecMap<K, V> {
    /// The same map with its keys borrowed: in order, so nothing is searched.
    pub fn borrowed(&self) -> VecMap<&str, V> {
        let mut items = Vec::with_capacity(self.items.len());
        for (k, v) in &self.items {
            items.push((k.as_ref(), *v));
        }
        VecMap { items }
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = VecMap::new();
        m.extend(iter);
        m
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

/// `map[key]` panics on a missing key, as `BTreeMap`'s does: for tests, not input.
impl<K: Ord + Borrow<Q>, Q: ?Sized + Ord, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no such key in the map"),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A set ordered by value, like `BTreeSet`.
#[derive(Clone, PartialEq, Default)]
pub struct VecSet<T> {
    map: VecMap<T, ()>,
}

impl<T: Ord> VecSet<T> {
    pub fn new() -> Self {
        VecSet { map: VecMap::new() }
    }
    /// Adds `value`; false when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        self.map.insert(value, ()).is_none()
    }
    pub fn contains<Q: ?Sized + Ord>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.contains_key(value)
    }
    /// Removes `value`; false when it was not there.
    pub fn remove<Q: ?Sized + Ord>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.remove(value).is_some()
    }
}

impl<T> VecSet<T> {
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn clear(&mut self) {
        self.map.clear()
    }
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.map.keys()
    }
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.map.retain(|k, _| keep(k))
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.map.extend(iter.into_iter().map(|v| (v, ())));
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut s = VecSet::new();
        s.extend(iter);
        s
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn keeps_the_order_and_answers_of_a_btreemap() {
        let keys = [5u32, 1, 9, 1, 3, 7, 5, 0, 9, 2];
        let (mut ours, mut std) = (VecMap::new(), BTreeMap::new());
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(ours.insert(k, i), std.insert(k, i));
        }
        assert_eq!(ours.remove(&3), std.remove(&3));
        assert_eq!(ours.remove(&4), std.remove(&4));
        assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
        for k in 0..10 {
            assert_eq!(ours.get(&k), std.get(&k));
        }
        assert_eq!(format!("{ours:?}"), format!("{std:?}"));
        // Extending (and collecting) agrees too, the later of equal keys winning.
        let more = [(4u32, 10usize), (1, 11), (4, 12), (8, 13)];
        ours.extend(more);
        std.extend(more);
        assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
        let collected: VecMap<_, _> = keys.iter().zip(0..).collect();
        assert_eq!(collected, keys.iter().zip(0..).collect::<BTreeMap<_, _>>().into_iter().collect());
    }

    #[test]
    fn a_set_says_whether_it_changed() {
        let mut s: VecSet<String> = VecSet::new();
        assert!(s.insert("b".into()));
        assert!(!s.insert("b".into()));
        assert!(s.contains("b"));
        assert!(s.remove("b"));
        assert!(!s.remove("b"));
    }
}
