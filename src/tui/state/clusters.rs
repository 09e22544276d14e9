//! Story clusters in the list: which items are copies of one story, so the list
//! can show one row per story and a key can file them all.

use std::collections::HashMap;

use super::State;
use crate::cluster::{DEFAULT_THRESHOLD, Index};

/// Items' clusters: each item's index to its cluster's first item, and sizes.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    root: HashMap<usize, usize>,
    size: HashMap<usize, usize>,
}

impl Clusters {
    /// Groups items by their body signatures.
    pub fn of(state: &State) -> Clusters {
        let mut index = Index::new(DEFAULT_THRESHOLD);
        for item in &state.items {
            index.insert(item.signature());
        }
        let mut clusters = Clusters::default();
        for i in 0..state.items.len() {
            let root = index.root(i);
            clusters.root.insert(i, root);
            *clusters.size.entry(root).or_default() += 1;
        }
        clusters
    }

    /// The cluster an item belongs to (its first item's index).
    pub fn root(&self, item: usize) -> usize {
        self.root.get(&item).copied().unwrap_or(item)
    }

    /// How many copies the item's story has (1 when alone).
    pub fn size(&self, item: usize) -> usize {
        self.size.get(&self.root(item)).copied().unwrap_or(1)
    }

    /// Every item of the cluster `item` is in, `item` first.
    pub fn members(&self, item: usize) -> Vec<usize> {
        let root = self.root(item);
        let mut members: Vec<usize> = self
            .root
            .iter()
            .filter(|(_, r)| **r == root)
            .map(|(i, _)| *i)
            .filter(|i| *i != item)
            .collect();
        members.sort_unstable();
        members.insert(0, item);
        members
    }
}

impl State {
    /// Keeps the first item of each story in the view (the list grouped by cluster).
    pub(super) fn group_view(&mut self) {
        let clusters = Clusters::of(self);
        let mut seen = std::collections::HashSet::new();
        self.view.retain(|&i| seen.insert(clusters.root(i)));
        self.clusters = clusters;
    }
}
