//! What the story of each item says for the filter and rules: its cluster's size
//! (`cluster:>3`) and the item filed lately that it is a copy of (`dup:filed`).

use super::{Clusters, State};
use crate::cluster::FiledIndex;
use crate::desk::Record;
use crate::query::Field;

impl State {
    /// Whether the filter or a rule reads `field`.
    fn reads(&self, field: Field) -> bool {
        self.query.as_ref().is_some_and(|q| q.uses(field)) || self.rules.uses(field)
    }

    /// Works out every item's cluster size, if the filter or a rule reads it and
    /// items changed since (clustering costs a pass over every signature).
    pub(super) fn size_clusters(&mut self) {
        if !self.stale_sizes || !self.reads(Field::Cluster) {
            return;
        }
        let clusters = Clusters::of(self);
        for (i, item) in self.items.iter_mut().enumerate() {
            item.cluster = Some(clusters.size(i));
        }
        self.stale_sizes = false;
        if self.rules.uses(Field::Cluster) {
            self.reapply_rules();
        }
    }

    /// Takes the items filed lately, as read from the journal.
    pub fn set_filed(&mut self, filed: FiledIndex) {
        self.filed_items = filed;
        self.recheck_filed();
    }

    /// Adds this session's filings (skips are ignored by the index).
    pub fn filed_moved(&mut self, done: &[Record]) {
        let before = self.filed_items.len();
        done.iter().for_each(|r| self.filed_items.add(r));
        if self.filed_items.len() != before {
            self.recheck_filed();
        }
    }

    /// Takes out filings that an undo reversed.
    pub fn filed_undone(&mut self, undone: &[Record]) {
        let before = self.filed_items.len();
        undone.iter().for_each(|r| self.filed_items.undo(r));
        if self.filed_items.len() != before {
            self.recheck_filed();
        }
    }

    /// Looks every item up again after the filed items changed.
    fn recheck_filed(&mut self) {
        for item in &mut self.items {
            item.check_filed(&self.filed_items);
        }
        if self.rules.uses(Field::Dup) {
            self.reapply_rules();
        }
        self.refresh_view();
    }

    fn reapply_rules(&mut self) {
        let now = self.now;
        for item in &mut self.items {
            item.apply_rules(&self.rules, now);
        }
    }
}
