//! One inbox item on screen: its directory entry, fields once extracted, and
//! its text folded for the query language.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::SystemTime;

use crate::article::Article;
use crate::cache::Fields;
use crate::cluster::{Filed, FiledIndex};
use crate::desk::Entry;
use crate::query::{Folded, FoldedText, Query, Subject, fold_text};
use crate::rules::{Outcome, Rules};

/// One inbox item on screen.
#[derive(Debug, Clone)]
pub struct Item {
    pub entry: Entry,
    /// The extracted fields; `None` until background extraction reaches it.
    /// Shared with the extraction cache, which holds the same fields.
    pub article: Option<Arc<Article>>,
    /// Arrived while this TUI was open.
    pub fresh: bool,
    /// The item's text folded once for the query language (TEXT.md §4); `None`
    /// until it is extracted (the first screen must not wait for folding).
    pub folded: Option<Folded>,
    /// What the config's rules say of it: suggestion, tags, priority; `None`
    /// when no rule matched (most items of a big inbox: a large struct, boxed).
    pub outcome: Option<Box<Outcome>>,
    /// The filed item it is a near-duplicate of (`dup:filed`), boxed: most have none.
    pub also_filed: Option<Box<Filed>>,
    /// Its story cluster's size, once worked out for a `cluster:` filter or rule.
    pub cluster: Option<usize>,
}

impl Item {
    /// An item known only from the directory.
    pub fn new(entry: Entry, fresh: bool) -> Item {
        Item {
            entry,
            article: None,
            fresh,
            folded: None,
            outcome: None,
            also_filed: None,
            cluster: None,
        }
    }

    /// Sets the extracted fields, folded for searching unless that is done already.
    pub fn set_article(&mut self, fields: impl Into<Fields>) {
        let Fields { article, folded } = fields.into();
        let text = folded.unwrap_or_else(|| Arc::new(FoldedText::of(&article)));
        self.folded = Some(Folded::with_text(text, &self.subject_of(&article)));
        self.article = Some(article);
    }

    fn subject_of<'a>(&'a self, a: &'a Article) -> Subject<'a> {
        let mut subject = self.story(Subject::from(a));
        subject.file = &self.entry.name;
        if let Some(outcome) = &self.outcome {
            subject.tags = &outcome.tags;
            subject.category = outcome.suggestion();
        }
        subject
    }

    /// Runs the rules on the item (as `apply` would, so suggestions agree) and
    /// lets the filter see their tags and suggested category.
    pub fn apply_rules(&mut self, rules: &Rules, now: SystemTime) {
        let (Some(a), Some(folded)) = (&self.article, &self.folded) else {
            return;
        };
        let age = now.duration_since(self.entry.modified).unwrap_or_default();
        let raw = raw_text(rules.reads_raw_text(), a, folded);
        let mut subject = self.story(Subject::from(&**a).with_age(age));
        subject.file = &self.entry.name;
        with_raw(&mut subject, &raw);
        let outcome = rules.evaluate(&subject, folded);
        if let Some(folded) = self.folded.as_mut() {
            folded.tags = outcome.tags.iter().map(|t| fold_text(t)).collect();
            folded.category = outcome.suggestion().map(fold_text).unwrap_or_default();
        }
        self.outcome = outcome.is_match().then(|| Box::new(outcome));
    }

    /// The subject with what its story says: cluster size and filed near-duplicate.
    fn story<'a>(&'a self, mut subject: Subject<'a>) -> Subject<'a> {
        subject.cluster = self.cluster;
        subject.also_filed = self.also_filed.as_ref().map(|f| f.category.as_str());
        subject
    }

    /// The body signature, once extracted.
    pub fn signature(&self) -> Option<&crate::cluster::Signature> {
        self.article.as_ref()?.signature.as_ref()
    }

    /// Looks the item up among the items filed lately.
    pub fn check_filed(&mut self, filed: &FiledIndex) {
        self.also_filed = self.signature().and_then(|s| filed.find(s)).map(Box::new);
    }

    /// The category the rules suggest, if any.
    pub fn suggestion(&self) -> Option<&str> {
        self.outcome.as_deref().and_then(Outcome::suggestion)
    }

    /// Does this item match a compiled query, with ages measured from `now`?
    pub fn matches(&self, query: &Query, now: SystemTime) -> bool {
        let age = now.duration_since(self.entry.modified).unwrap_or_default();
        match (&self.article, &self.folded) {
            (Some(a), Some(folded)) => {
                let raw = raw_text(query.reads_raw_text(), a, folded);
                let mut subject = self.subject_of(a).with_age(age);
                with_raw(&mut subject, &raw);
                query.matches(&subject, folded)
            }
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

    /// The extracted fields with the lead and summary back in them (the item
    /// keeps those as edits of its folded text): for showing one item, not for loops.
    pub fn whole_article(&self) -> Option<Cow<'_, Article>> {
        let a = self.article.as_deref()?;
        Some(
            self.folded
                .as_ref()
                .map_or(Cow::Borrowed(a), |f| f.restore(a)),
        )
    }

    /// The extracted summary (empty until extracted).
    pub fn raw_summary(&self) -> Cow<'_, str> {
        match (&self.article, &self.folded) {
            (Some(a), Some(folded)) => folded.raw_summary(a),
            (Some(a), None) => Cow::Borrowed(&a.summary),
            _ => Cow::Borrowed(""),
        }
    }

    /// The title to show: the extracted one, else the file name.
    pub fn title(&self) -> &str {
        self.article.as_ref().map_or(&self.entry.name, |a| &a.title)
    }
}

/// The raw lead and summary, rebuilt only when a query or rule reads them.
fn raw_text<'a>(needed: bool, a: &'a Article, folded: &FoldedText) -> Option<[Cow<'a, str>; 2]> {
    needed.then(|| [folded.raw_lead(a), folded.raw_summary(a)])
}

fn with_raw<'a>(subject: &mut Subject<'a>, raw: &'a Option<[Cow<'_, str>; 2]>) {
    if let Some([lead, summary]) = raw {
        subject.lead = lead;
        subject.summary = summary;
    }
}
