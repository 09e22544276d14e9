//! Everything the TUI shows, in one struct that `update` changes and `render` reads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::SystemTime;

use crate::action::Action;
use crate::article::{Article, Document};
use crate::config::{Category, Config, Layout, SortOrder, Theme};
use crate::desk::Entry;
use crate::keymap::Chord;
use crate::query::{Aliases, Folded, Query, QueryError, Subject};

/// One inbox item on screen.
#[derive(Debug, Clone)]
pub struct Item {
    pub entry: Entry,
    /// The extracted fields; `None` until background extraction reaches it.
    pub article: Option<Article>,
    /// Arrived while this TUI was open.
    pub fresh: bool,
    /// The item's text folded once for the query language (TEXT.md §4).
    pub folded: Folded,
}

impl Item {
    /// An item known only from the directory.
    pub fn new(entry: Entry, fresh: bool) -> Item {
        let folded = Folded::new(&Subject {
            title: &entry.name,
            file: &entry.name,
            ..Subject::default()
        });
        Item {
            entry,
            article: None,
            fresh,
            folded,
        }
    }

    /// Sets the extracted fields and folds them for searching.
    pub fn set_article(&mut self, a: Article) {
        self.folded = Folded::new(&self.subject_of(&a));
        self.article = Some(a);
    }

    fn subject_of<'a>(&'a self, a: &'a Article) -> Subject<'a> {
        let mut subject = Subject::from(a);
        subject.file = &self.entry.name;
        subject
    }

    /// Does this item match a compiled query, with ages measured from `now`?
    pub fn matches(&self, query: &Query, now: SystemTime) -> bool {
        let age = now.duration_since(self.entry.modified).unwrap_or_default();
        let subject = match &self.article {
            Some(a) => self.subject_of(a),
            None => Subject {
                title: &self.entry.name,
                file: &self.entry.name,
                ..Subject::default()
            },
        };
        query.matches(&subject.with_age(age), &self.folded)
    }

    /// The title to show: the extracted one, else the file name.
    pub fn title(&self) -> &str {
        self.article.as_ref().map_or(&self.entry.name, |a| &a.title)
    }
}

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
    /// Name to select once a rescan brings it (after an undo).
    pub select_after_scan: Option<String>,
    /// The last statistics read from the journal and inbox.
    pub stats: Option<crate::stats::Stats>,
    /// The person has pressed a key: from then on re-sorting keeps their item selected.
    pub touched: bool,
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
            aliases: Aliases::new(),
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
            select_after_scan: None,
            touched: false,
            stats: None,
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
        self.refresh_view();
    }

    /// Recomputes the view after items, sort or filter changed, keeping the
    /// selected item selected where it still shows.
    pub fn refresh_view(&mut self) {
        let keep = self.current_name();
        self.rebuild_view(keep);
    }

    /// Rebuilds the view and selects `keep` if it shows.
    fn rebuild_view(&mut self, keep: Option<String>) {
        let mut view: Vec<usize> = match &self.query {
            Some(q) => (0..self.items.len())
                .filter(|&i| self.items[i].matches(q, self.now))
                .collect(),
            None => (0..self.items.len()).collect(),
        };
        let items = &self.items;
        match self.sort {
            SortOrder::Newest => view.sort_by_key(|&i| std::cmp::Reverse(items[i].entry.modified)),
            SortOrder::Oldest => view.sort_by_key(|&i| items[i].entry.modified),
            SortOrder::Title => view.sort_by_cached_key(|&i| items[i].title().to_lowercase()),
            SortOrder::Source => view
                .sort_by_cached_key(|&i| items[i].article.as_ref().and_then(|a| a.source.clone())),
            SortOrder::Language => {
                view.sort_by_cached_key(|&i| items[i].article.as_ref().and_then(|a| a.lang.clone()))
            }
        }
        self.view = view;
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
        let first = self.items.is_empty();
        let keep = self
            .select_after_scan
            .take()
            .or_else(|| self.current_name());
        let mut known: HashMap<String, Item> = self
            .items
            .drain(..)
            .map(|i| (i.entry.name.clone(), i))
            .collect();
        let mut todo = Vec::new();
        for entry in entries {
            match known.remove(&entry.name) {
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
        self.pending += todo.len();
        self.rebuild_view(keep);
        todo
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
        self.rebuild_view(keep);
        (todo, left)
    }

    /// Fills in extracted fields.
    pub fn set_articles(&mut self, articles: Vec<Article>) {
        let index: HashMap<String, usize> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.entry.id.clone(), i))
            .collect();
        for article in articles {
            if let Some(&i) = index.get(&article.id) {
                self.items[i].set_article(article);
                self.pending = self.pending.saturating_sub(1);
            }
        }
        if matches!(
            self.sort,
            SortOrder::Title | SortOrder::Source | SortOrder::Language
        ) || self.query.is_some()
        {
            self.refresh_view();
            if !self.touched {
                self.selected = 0;
            }
        }
    }

    /// Removes items that left the inbox (by name).
    pub fn remove(&mut self, names: &[String]) {
        // The selection stays at its position: the next item moves up into it.
        let position = self.selected;
        self.items.retain(|i| !names.contains(&i.entry.name));
        self.marks.retain(|m| !names.contains(m));
        self.rebuild_view(None);
        self.selected = position.min(self.view.len().saturating_sub(1));
    }
}
