//! The list as shown: which items, in what order, with the selection kept.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Item, State};
use crate::cache::Fields;
use crate::config::SortOrder;
use crate::desk::Entry;
use crate::query::Query;

impl State {
    /// Sets the filter text and recompiles it; an invalid query keeps the last valid one.
    pub fn set_filter(&mut self, text: String) {
        match Query::new(&text, &self.aliases) {
            Ok(q) => {
                self.query = (!q.is_all()).then_some(q);
                self.query_error = None;
            }
            Err(e) => self.query_error = Some(e),
        }
        self.filter = text;
        if self.typing_ahead {
            self.stale_view = true;
        } else {
            self.refresh_view();
        }
    }

    /// Brings the view up to the filter typed ahead, if it is behind.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.stale_view) {
            self.refresh_view();
        }
    }

    /// The saved view in force, if any.
    pub fn active_view(&self) -> Option<&crate::config::View> {
        self.view_on.and_then(|i| self.views.get(i))
    }

    /// Shows the saved view at `index` (`None`: every item).
    pub fn show_view(&mut self, index: Option<usize>) {
        self.view_on = index.filter(|&i| i < self.views.len());
        self.refresh_view();
    }

    /// Recomputes the view after items, sort or filter changed, keeping the
    /// selected item selected where it still shows.
    pub fn refresh_view(&mut self) {
        self.stale_view = false;
        let keep = self.current_name();
        self.rebuild_view(keep);
    }

    /// Rebuilds the view and selects `keep` if it shows.
    fn rebuild_view(&mut self, keep: Option<String>) {
        self.size_clusters();
        let saved = self.active_view().map(|v| &v.query);
        let queries: Vec<&Query> = saved.into_iter().chain(&self.query).collect();
        let (items, now) = (&self.items, self.now);
        let shown = |&i: &usize| queries.iter().all(|q| items[i].matches(q, now));
        let mut view: Vec<usize> = if queries.is_empty() || items.len() <= self.held {
            (0..items.len()).filter(shown).collect()
        } else {
            // On all cores: an item whose fields were let go is read back to be
            // matched. Not otherwise: at start-up the pool is busy reading, and
            // this thread would wait for it.
            (0..items.len()).into_par_iter().filter(shown).collect()
        };
        let items = &self.items;
        match self.sort {
            SortOrder::Newest => view.sort_by_key(|&i| std::cmp::Reverse(items[i].entry.modified)),
            SortOrder::Oldest => view.sort_by_key(|&i| items[i].entry.modified),
            SortOrder::Title => view.sort_by_cached_key(|&i| items[i].title().to_lowercase()),
            SortOrder::Source => view.sort_by_key(|&i| items[i].source()),
            SortOrder::Language => view.sort_by_key(|&i| items[i].lang()),
            SortOrder::Priority => view.sort_by_key(|&i| {
                let priority = items[i]
                    .outcome
                    .as_ref()
                    .and_then(|o| o.priority)
                    .unwrap_or(i64::MIN);
                (
                    std::cmp::Reverse(priority),
                    std::cmp::Reverse(items[i].entry.modified),
                )
            }),
        }
        self.view = view;
        if self.grouped {
            self.group_view();
        }
        let found = keep.and_then(|name| {
            self.view
                .iter()
                .position(|&i| self.items[i].entry.name == name)
        });
        self.selected = found
            .unwrap_or(self.selected)
            .min(self.view.len().saturating_sub(1));
    }

    /// Replaces the item list with a fresh scan: keeps what is known, marks
    /// arrivals fresh (unless this is the first scan), drops what vanished.
    /// Returns the entries that need extraction.
    pub fn merge_scan(&mut self, entries: Vec<Entry>) -> Vec<Entry> {
        let first = self.items.is_empty() || std::mem::take(&mut self.listing);
        // Until a key is pressed, the first full scan selects the top of its order.
        let untouched_listing =
            !self.touched && self.items.iter().all(|i| i.entry.is_listed_only());
        let keep = self
            .select_after_scan
            .take()
            .or_else(|| self.current_name())
            .filter(|_| !untouched_listing);
        if untouched_listing {
            self.selected = 0;
        }
        self.scanned = true;
        let mut known = self.known_in(&entries);
        let mut todo = Vec::new();
        for (entry, known) in entries.into_iter().zip(known.iter_mut()) {
            match known.take() {
                Some(item)
                    if item.entry.size == entry.size && item.entry.modified == entry.modified =>
                {
                    self.items.push(item)
                }
                previous => {
                    todo.push(entry.clone());
                    let fresh = !first && previous.is_none();
                    self.items.push(Item::new(entry, fresh));
                }
            }
        }
        self.marks
            .retain(|name| self.items.iter().any(|i| &i.entry.name == name));
        // Grown a batch at a time while listing: up to twice what it holds.
        self.items.shrink_to_fit();
        self.pending += todo.len();
        self.stale_sizes = true;
        self.rebuild_view(keep);
        todo
    }

    /// Takes the items out, each in the place of its name among `entries`
    /// (without copying a name: at 100,000 items copies cost resident memory).
    fn known_in(&mut self, entries: &[Entry]) -> Vec<Option<Item>> {
        let place: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        let mut known: Vec<Option<Item>> = Vec::new();
        known.resize_with(entries.len(), || None);
        for item in self.items.drain(..) {
            if let Some(&i) = place.get(item.entry.name.as_str()) {
                known[i] = Some(item);
            }
        }
        known
    }

    /// Shows the inbox by name alone ([`crate::desk::scan::names`]) before the
    /// first scan: nothing to extract yet, as the cache needs sizes and dates. A
    /// big inbox comes in batches (`complete` on the last), each added in name order.
    pub fn merge_listing(&mut self, entries: Vec<Entry>, complete: bool) {
        if self.scanned {
            return;
        }
        self.listing = !complete;
        let keep = self.current_name().filter(|_| self.touched);
        self.items
            .extend(entries.into_iter().map(|e| Item::new(e, false)));
        // Two sorted runs: the stable sort merges them.
        self.items.sort_by(|a, b| a.entry.name.cmp(&b.entry.name));
        self.rebuild_view(keep);
    }

    /// Applies what the watcher saw: arrivals (marked fresh), rewritten files and
    /// removals. Returns the entries to extract and the names of listed items
    /// that left (someone else moved them).
    pub fn apply_changes(&mut self, changes: crate::watch::Changes) -> (Vec<Entry>, Vec<String>) {
        let keep = self.current_name();
        let mut todo = Vec::new();
        for entry in changes.arrived.into_iter().chain(changes.changed) {
            todo.push(entry.clone());
            match self.items.iter_mut().find(|i| i.entry.name == entry.name) {
                Some(item) => *item = Item::new(entry, item.fresh),
                None => self.items.push(Item::new(entry, true)),
            }
        }
        let left: Vec<String> = changes
            .removed
            .into_iter()
            .filter(|n| self.items.iter().any(|i| &i.entry.name == n))
            .collect();
        self.items.retain(|i| !left.contains(&i.entry.name));
        self.marks.retain(|m| !left.contains(m));
        self.pending += todo.len();
        self.stale_sizes = true;
        self.rebuild_view(keep);
        (todo, left)
    }

    /// Fills in extracted fields.
    pub fn set_articles(&mut self, articles: Vec<Fields>) {
        let index: foldhash::HashMap<&str, usize> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.entry.id.as_str(), i))
            .collect();
        // Folding and the rules cost more than the rest: spread a big batch
        // (a cached restart) over all cores.
        let mut incoming: Vec<Option<Fields>> = vec![None; self.items.len()];
        for fields in articles {
            if let Some(&i) = index.get(fields.article.id.as_str()) {
                incoming[i] = Some(fields);
                self.pending = self.pending.saturating_sub(1);
            }
        }
        let (rules, now, filed) = (&self.rules, self.now, &self.filed_items);
        self.items
            .par_iter_mut()
            .zip(incoming)
            .for_each(|(item, article)| {
                if let Some(article) = article {
                    item.set_article(article);
                    item.check_filed(filed);
                    item.apply_rules(rules, now);
                }
            });
        self.let_go();
        self.stale_sizes = true;
        if matches!(
            self.sort,
            SortOrder::Title | SortOrder::Source | SortOrder::Language | SortOrder::Priority
        ) || self.query.is_some()
            || self.grouped
        {
            self.refresh_view();
            if !self.touched {
                self.selected = 0;
            }
        }
    }

    /// In an inbox of more than [`State::held`] items, lets every item's fields
    /// go (the cache gives them back when needed); a smaller inbox keeps them all.
    fn let_go(&mut self) {
        if self.items.len() > self.held {
            for item in &mut self.items {
                item.evict();
            }
        }
    }

    /// Removes items that left the inbox (by name).
    pub fn remove(&mut self, names: &[String]) {
        // The selection stays at its position: the next item moves up into it.
        let position = self.selected;
        self.items.retain(|i| !names.contains(&i.entry.name));
        self.marks.retain(|m| !names.contains(m));
        self.stale_sizes = true;
        self.rebuild_view(None);
        self.selected = position.min(self.view.len().saturating_sub(1));
    }
}
