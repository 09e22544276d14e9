//! One inbox item on screen: its directory entry, fields once extracted, and
//! its text folded for the query language.

use std::time::SystemTime;

use crate::article::Article;
use crate::desk::Entry;
use crate::query::{Folded, Query, Subject};

/// One inbox item on screen.
#[derive(Debug, Clone)]
pub struct Item {
    pub entry: Entry,
    /// The extracted fields; `None` until background extraction reaches it.
    pub article: Option<Article>,
    /// Arrived while this TUI was open.
    pub fresh: bool,
    /// The item's text folded once for the query language (TEXT.md §4); `None`
    /// until it is extracted (the first screen must not wait for folding).
    pub folded: Option<Folded>,
}

impl Item {
    /// An item known only from the directory.
    pub fn new(entry: Entry, fresh: bool) -> Item {
        Item {
            entry,
            article: None,
            fresh,
            folded: None,
        }
    }

    /// Sets the extracted fields and folds them for searching.
    pub fn set_article(&mut self, a: Article) {
        self.folded = Some(Folded::new(&self.subject_of(&a)));
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
        match (&self.article, &self.folded) {
            (Some(a), Some(folded)) => query.matches(&self.subject_of(a).with_age(age), folded),
            _ => {
                let subject = Subject {
                    title: &self.entry.name,
                    file: &self.entry.name,
                    ..Subject::default()
                };
                query.matches_once(&subject.with_age(age))
            }
        }
    }

    /// The title to show: the extracted one, else the file name.
    pub fn title(&self) -> &str {
        self.article.as_ref().map_or(&self.entry.name, |a| &a.title)
    }
}
