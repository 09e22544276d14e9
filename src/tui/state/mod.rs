//! Everything the TUI shows, in one struct that `update` changes and `render` reads.

use std::collections::{BTreeMap, HashSet};
use std::time::SystemTime;

use rayon::prelude::*;

use crate::action::Action;
use crate::article::Document;
use crate::config::{Category, Config, Layout, SortOrder, Theme};
use crate::keymap::Chord;
use crate::query::{Aliases, Query, QueryError};

mod clusters;
mod item;
mod story;
mod view;

pub use clusters::Clusters;
pub use item::Item;

/// The biggest inbox whose items keep their fields in memory (see
/// [`State::held`]): one this size filters from memory alone; in a bigger one
/// each item keeps only what the list shows.
pub const HELD: usize = 10_000;

/// What has the keyboard.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    List,
    /// The full text of the selected item; `doc` arrives from an effect.
    Reader {
        scroll: u16,
        doc: Option<Box<Document>>,
    },
    /// The key help, scrolled this far.
    Help {
        scroll: u16,
    },
    /// Desk statistics (loaded by an effect).
    Stats,
    /// Typing a search; the list filters live.
    Search,
}

/// How loud a status message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// The whole TUI state.
#[derive(Debug, Clone)]
pub struct State {
    pub items: Vec<Item>,
    /// Indices into `items` in display order (sorted, filtered).
    pub view: Vec<usize>,
    /// Position in `view`.
    pub selected: usize,
    /// Marked items, by file name.
    pub marks: HashSet<String>,
    pub mode: Mode,
    pub filter: String,
    /// The filter compiled; the last valid one stays in force while an edit is invalid.
    pub query: Option<Query>,
    /// Why the filter as typed does not parse.
    pub query_error: Option<QueryError>,
    pub aliases: Aliases,
    /// The config's saved filters, and the one in force.
    pub views: Vec<crate::config::View>,
    pub view_on: Option<usize>,
    /// The config's rules: suggestions, tags and priority for each item.
    pub rules: crate::rules::Rules,
    pub sort: SortOrder,
    pub message: Option<(String, Level)>,
    /// Items filed this session, per category name (`skip` for skips).
    pub filed: BTreeMap<String, usize>,
    pub categories: Vec<Category>,
    pub bindings: BTreeMap<Chord, Action>,
    pub theme: Theme,
    pub color: bool,
    pub layout: Layout,
    /// Who reorders and shapes right-to-left text on this terminal.
    pub rendering: crate::tui::text::detect::Rendering,
    /// Rows the list shows, for paging (from the terminal size).
    pub page: usize,
    /// The terminal's size, for laying out mouse clicks.
    pub size: ratatui::layout::Rect,
    /// The clock as of the last tick; ages are measured from it.
    pub now: SystemTime,
    /// How many items still wait for extraction.
    pub pending: usize,
    /// The biggest inbox whose items keep their fields in memory; in a bigger one
    /// items keep what the list shows, and their fields are read back from the
    /// extraction cache when needed.
    pub held: usize,
    /// Name to select once a rescan brings it (after an undo).
    pub select_after_scan: Option<String>,
    /// One row per story: copies of a story are grouped under its first item.
    pub grouped: bool,
    /// The clusters as of the last grouped view.
    pub clusters: Clusters,
    /// Items filed lately (from the journal): an item like one says so.
    pub filed_items: crate::cluster::FiledIndex,
    /// This session's filings still in force: a journal read that began before one
    /// was written lacks it, so they are added to each index read.
    pub filed_here: Vec<crate::desk::Record>,
    /// Items changed since their cluster sizes were worked out (for `cluster:`).
    pub stale_sizes: bool,
    /// More typed keys are waiting: an edit of the filter leaves the view to
    /// [`State::settle`] (in a big inbox a refresh reads every item back).
    pub typing_ahead: bool,
    /// The filter changed while typing ahead and the view does not show it yet.
    pub stale_view: bool,
    /// The last statistics read from the journal and inbox.
    pub stats: Option<crate::stats::Stats>,
    /// The person has pressed a key: from then on re-sorting keeps their item selected.
    pub touched: bool,
    /// A full scan (sizes and dates) has come in, not only the names.
    pub scanned: bool,
    /// The listing by name is still coming in batches: names a scan adds are
    /// then not new arrivals.
    pub listing: bool,
    pub quit: bool,
}

impl State {
    /// A fresh state for a config, with no items yet.
    pub fn new(config: &Config, now: SystemTime) -> State {
        State {
            items: Vec::new(),
            view: Vec::new(),
            selected: 0,
            marks: HashSet::new(),
            mode: Mode::List,
            filter: String::new(),
            query: None,
            query_error: None,
            aliases: config.aliases.clone(),
            views: config.views.clone(),
            view_on: None,
            rules: config.rules.clone(),
            sort: config.display.sort,
            message: None,
            filed: BTreeMap::new(),
            categories: config.categories.clone(),
            bindings: config.bindings.clone(),
            theme: config.theme.clone(),
            color: true,
            layout: config.display.layout,
            rendering: crate::tui::text::detect::Rendering::plain(),
            page: 10,
            size: ratatui::layout::Rect::new(0, 0, 80, 24),
            now,
            pending: 0,
            held: HELD,
            select_after_scan: None,
            touched: false,
            scanned: false,
            listing: false,
            stats: None,
            grouped: false,
            clusters: Clusters::default(),
            filed_items: Default::default(),
            filed_here: Vec::new(),
            stale_sizes: true,
            typing_ahead: false,
            stale_view: false,
            quit: false,
        }
    }

    /// The selected item, if the view is not empty.
    pub fn current(&self) -> Option<&Item> {
        self.view
            .get(self.selected)
            .and_then(|&i| self.items.get(i))
    }

    fn current_name(&self) -> Option<String> {
        self.current().map(|i| i.entry.name.clone())
    }

    /// Takes a reloaded config's keys, categories, theme and layout.
    pub fn apply_config(&mut self, config: &Config) {
        self.bindings = config.bindings.clone();
        self.categories = config.categories.clone();
        self.theme = config.theme.clone();
        self.layout = config.display.layout;
        self.rendering.set_links(config.display.hyperlinks);
        self.aliases = config.aliases.clone();
        let active = self.active_view().map(|v| v.name.clone());
        self.views = config.views.clone();
        self.view_on = active.and_then(|name| self.views.iter().position(|v| v.name == name));
        self.rules = config.rules.clone();
        let (rules, now) = (&self.rules, self.now);
        // On all cores: an item whose fields were let go is read back for them.
        self.items
            .par_iter_mut()
            .for_each(|item| item.apply_rules(rules, now));
        self.refresh_view();
    }

    /// The keys bound to an action, the defaults' own order first (so `enter`
    /// before `l`, `j` before `down`).
    pub fn keys_for(&self, action: &Action) -> Vec<String> {
        let defaults = crate::keymap::default_bindings();
        let rank = |k: &String| {
            defaults
                .iter()
                .position(|(d, _)| d == k)
                .unwrap_or(usize::MAX)
        };
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k.to_string())
            .collect();
        keys.sort_by_key(|k| (rank(k), k.clone()));
        keys
    }

    /// The label of a category (its name if unknown).
    pub fn label<'a>(&'a self, name: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.name == name)
            .map_or(name, |c| c.label.as_str())
    }
}
