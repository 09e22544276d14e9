//! One inbox item on screen: its directory entry, fields once extracted, and
//! its text folded for the query language.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::SystemTime;

use crate::article::{Article, Dir};
use crate::cache::{Fields, Stored};
use crate::cluster::index::{Marks, band_marks, marks_meet};
use crate::cluster::{Filed, FiledIndex, Signature};
use crate::desk::Entry;
use crate::query::{Folded, FoldedText, Query, Subject, fold_text};
use crate::rules::{Outcome, Rules};

/// One inbox item on screen.
#[derive(Debug, Clone)]
pub struct Item {
    pub entry: Entry,
    /// The extracted fields while held in memory; `None` until background
    /// extraction reaches the item, or once they were let go (see [`Item::evict`]).
    pub article: Option<Arc<Article>>,
    /// What the list shows of an item whose fields were let go.
    pub card: Option<Card>,
    /// Where the extraction cache keeps the fields, to read them back.
    pub stored: Option<Stored>,
    /// Arrived while this TUI was open.
    pub fresh: bool,
    /// The item's text folded once for the query language (TEXT.md §4); `None`
    /// until it is extracted (the first screen must not wait for folding).
    /// Boxed: most items of a big inbox hold none (see [`Item::evict`]).
    pub folded: Option<Box<Folded>>,
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
            card: None,
            stored: None,
            fresh,
            folded: None,
            outcome: None,
            also_filed: None,
            cluster: None,
        }
    }

    /// Sets the extracted fields, folded for searching unless that is done already.
    pub fn set_article(&mut self, fields: impl Into<Fields>) {
        let Fields {
            article,
            folded,
            stored,
        } = fields.into();
        self.folded = Some(Box::new(self.folded_with(&article, folded)));
        self.article = Some(article);
        self.card = None;
        self.stored = stored;
    }

    fn folded_with(&self, article: &Article, text: Option<Arc<FoldedText>>) -> Folded {
        let text = text.unwrap_or_else(|| Arc::new(FoldedText::of(article)));
        Folded::with_text(text, &self.subject_of(article))
    }

    /// Lets the fields go, keeping what the list shows, when the cache can give
    /// them back; says whether it did. A big inbox keeps most items this way.
    pub fn evict(&mut self) -> bool {
        let (Some(a), Some(_)) = (&self.article, &self.stored) else {
            return false;
        };
        self.card = Some(Card::of(a));
        self.article = None;
        self.folded = None;
        true
    }

    /// The fields and folded text, from memory or read back from the cache;
    /// `None` until extracted (or if the cache cannot give them back).
    pub fn full(&self) -> Option<Full<'_>> {
        if let (Some(a), Some(folded)) = (&self.article, &self.folded) {
            return Some(Full::Held(a, folded));
        }
        let fields = self.stored.as_ref()?.fields()?;
        let folded = self.folded_with(&fields.article, fields.folded);
        Some(Full::Read(fields.article, folded))
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
        let Some(full) = self.full() else {
            return;
        };
        let (a, folded) = full.parts();
        let age = now.duration_since(self.entry.modified).unwrap_or_default();
        let raw = raw_text(rules.reads_raw_text(), a, folded);
        let mut subject = self.story(Subject::from(&**a).with_age(age));
        subject.file = &self.entry.name;
        with_raw(&mut subject, &raw);
        let outcome = rules.evaluate(&subject, folded);
        drop(full);
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
    pub fn signature(&self) -> Option<Signature> {
        match &self.article {
            Some(a) => a.signature.clone(),
            None => self.stored.as_ref()?.fields()?.article.signature.clone(),
        }
    }

    /// Whether the item may be like a body with one of these band marks: false
    /// only when it is surely not (a let-go item's marks meet none of them).
    pub fn may_be_like(&self, marks: &[Marks]) -> bool {
        match (&self.article, &self.card) {
            (None, Some(card)) => card
                .marks
                .is_some_and(|m| marks.iter().any(|o| marks_meet(&m, o))),
            _ => true,
        }
    }

    /// Looks the item up among the items filed lately.
    pub fn check_filed(&mut self, filed: &FiledIndex) {
        self.also_filed = self.signature().and_then(|s| filed.find(&s)).map(Box::new);
    }

    /// The category the rules suggest, if any.
    pub fn suggestion(&self) -> Option<&str> {
        self.outcome.as_deref().and_then(Outcome::suggestion)
    }

    /// Does this item match a compiled query, with ages measured from `now`?
    pub fn matches(&self, query: &Query, now: SystemTime) -> bool {
        let age = now.duration_since(self.entry.modified).unwrap_or_default();
        match self.full() {
            Some(full) => {
                let (a, folded) = full.parts();
                let raw = raw_text(query.reads_raw_text(), a, folded);
                let mut subject = self.subject_of(a).with_age(age);
                with_raw(&mut subject, &raw);
                query.matches(&subject, folded)
            }
            None => {
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
        match self.full()? {
            Full::Held(a, folded) => Some(folded.restore(a)),
            Full::Read(a, folded) => Some(Cow::Owned(folded.restore(&a).into_owned())),
        }
    }

    /// The extracted summary (empty until extracted).
    pub fn raw_summary(&self) -> Cow<'_, str> {
        match self.full() {
            Some(Full::Held(a, folded)) => folded.raw_summary(a),
            Some(Full::Read(a, folded)) => Cow::Owned(folded.raw_summary(&a).into_owned()),
            None => Cow::Borrowed(""),
        }
    }

    /// Whether the fields are in, held or let go.
    pub fn extracted(&self) -> bool {
        self.shown().is_some()
    }

    /// The title to show: the extracted one, else the file name.
    pub fn title(&self) -> &str {
        self.shown().map_or(&self.entry.name, |s| s.title)
    }

    /// The language code, once extracted and if known.
    pub fn lang(&self) -> Option<&str> {
        self.shown()?.lang
    }

    /// The text direction (left to right until extracted).
    pub fn dir(&self) -> Dir {
        self.shown().map_or(Dir::Ltr, |s| s.dir)
    }

    /// The source, once extracted and if known.
    pub fn source(&self) -> Option<&str> {
        self.shown()?.source
    }

    /// Whether the file could not be read as text.
    pub fn failed(&self) -> bool {
        self.shown().is_some_and(|s| s.failed)
    }

    /// What the list shows, from the fields held or the card; `None` until extracted.
    fn shown(&self) -> Option<Shown<'_>> {
        match (&self.article, &self.card) {
            (Some(a), _) => Some(Shown {
                title: &a.title,
                lang: a.lang.as_deref(),
                dir: a.dir,
                source: a.source.as_deref(),
                failed: a.error.is_some(),
            }),
            (None, Some(c)) => Some(Shown {
                title: c.title(),
                lang: c.lang(),
                dir: c.dir,
                source: c.source(),
                failed: c.failed,
            }),
            (None, None) => None,
        }
    }
}

/// The fields the list shows, wherever the item keeps them.
struct Shown<'a> {
    title: &'a str,
    lang: Option<&'a str>,
    dir: Dir,
    source: Option<&'a str>,
    failed: bool,
}

/// What the list shows of an item whose fields were let go: a few hundred bytes
/// where the fields and their folded text take several kilobytes. Title,
/// language and source share one allocation: at 100,000 items, three small
/// blocks each scattered among the reading's passing ones kept pages resident.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Title, language and source one after another.
    text: Box<str>,
    /// Where the title and the language end in `text`.
    ends: [u32; 2],
    has: [bool; 2],
    dir: Dir,
    failed: bool,
    /// The signature's band marks: a filing elsewhere reads back only the items
    /// that may be like it.
    marks: Option<Marks>,
}

impl Card {
    fn of(a: &Article) -> Card {
        let (lang, source) = (a.lang.as_deref(), a.source.as_deref());
        let text = [a.title.as_str(), lang.unwrap_or(""), source.unwrap_or("")].concat();
        let end = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let title_end = a.title.len();
        Card {
            text: text.into_boxed_str(),
            ends: [end(title_end), end(title_end + lang.map_or(0, str::len))],
            has: [lang.is_some(), source.is_some()],
            dir: a.dir,
            failed: a.error.is_some(),
            marks: a.signature.as_ref().map(band_marks),
        }
    }

    fn part(&self, from: u32, to: Option<u32>) -> &str {
        let from = from as usize;
        let to = to.map_or(self.text.len(), |t| t as usize);
        self.text.get(from..to).unwrap_or_default()
    }

    fn title(&self) -> &str {
        self.part(0, Some(self.ends[0]))
    }

    fn lang(&self) -> Option<&str> {
        self.has[0].then(|| self.part(self.ends[0], Some(self.ends[1])))
    }

    fn source(&self) -> Option<&str> {
        self.has[1].then(|| self.part(self.ends[1], None))
    }
}

/// An item's fields and folded text: held in memory, or read back for a moment.
pub enum Full<'a> {
    Held(&'a Arc<Article>, &'a Folded),
    Read(Arc<Article>, Folded),
}

impl Full<'_> {
    /// The article and its folded text.
    pub fn parts(&self) -> (&Arc<Article>, &Folded) {
        match self {
            Full::Held(a, folded) => (a, folded),
            Full::Read(a, folded) => (a, folded),
        }
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
