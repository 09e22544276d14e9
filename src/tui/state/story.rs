//! What the story of each item says for the filter and rules: its cluster's size
//! (`cluster:>3`) and the item filed lately that it is a copy of (`dup:filed`).

use std::path::Path;

use rayon::prelude::*;

use super::{Clusters, Item, State};
use crate::cluster::index::{Marks, band_marks};
use crate::cluster::{FiledIndex, Signature};
use crate::desk::Record;
use crate::query::Field;

impl State {
    /// Whether the filter or a rule reads `field`.
    fn reads(&self, field: Field) -> bool {
        self.query.as_ref().is_some_and(|q| q.uses(field))
            || self.active_view().is_some_and(|v| v.query.uses(field))
            || self.rules.uses(field)
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
        for r in &self.filed_here {
            if !self.filed_items.holds(&r.to) {
                self.filed_items.add(r);
            }
        }
        self.recheck_filed(|_| true);
    }

    /// Adds this session's filings (skips are ignored by the index). Only items like
    /// one of them are looked up again: a filing costs little however long the inbox.
    pub fn filed_moved(&mut self, done: &[Record]) {
        let mut added = FiledIndex::default();
        for r in done {
            self.filed_items.add(r);
            added.add(r);
        }
        self.filed_here
            .extend(done.iter().filter(|r| r.signature.is_some()).cloned());
        if !added.is_empty() {
            let marks: Vec<Marks> = done
                .iter()
                .filter_map(|r| r.signature.as_deref().and_then(Signature::decode))
                .map(|s| band_marks(&s))
                .collect();
            self.recheck_filed(|item| {
                item.may_be_like(&marks)
                    && item.signature().is_some_and(|s| added.find(&s).is_some())
            });
        }
    }

    /// Takes out filings that an undo reversed, and unmarks the items like them.
    pub fn filed_undone(&mut self, undone: &[Record]) {
        undone.iter().for_each(|r| self.filed_items.undo(r));
        self.filed_here
            .retain(|f| undone.iter().all(|r| r.from != f.to));
        let gone: Vec<&Path> = undone.iter().map(|r| r.from.as_path()).collect();
        self.recheck_filed(|item| {
            let filed = item.also_filed.as_ref();
            filed.is_some_and(|f| gone.contains(&f.to.as_path()))
        });
    }

    /// Looks the `affected` items up again; where the answer changed, the rules run
    /// again (if one reads `dup`) and the view follows.
    fn recheck_filed(&mut self, affected: impl Fn(&Item) -> bool) {
        let rerun = self.rules.uses(Field::Dup);
        let mut changed = false;
        let category = |item: &Item| item.also_filed.as_ref().map(|f| f.category.clone());
        for item in self.items.iter_mut().filter(|i| affected(i)) {
            let before = category(item);
            item.check_filed(&self.filed_items);
            if category(item) == before {
                continue;
            }
            if rerun {
                item.apply_rules(&self.rules, self.now);
            }
            changed = true;
        }
        if changed {
            self.refresh_view();
        }
    }

    fn reapply_rules(&mut self) {
        let (rules, now) = (&self.rules, self.now);
        self.items
            .par_iter_mut()
            .for_each(|item| item.apply_rules(rules, now));
    }
}
