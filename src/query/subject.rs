//! What a query is evaluated against: an item's fields, and their folded forms.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Dir};

use super::matching::fold_text;
use super::unfold::Unfold;

/// One item's fields as the caller has them. Filled from an [`Article`] with
/// `Subject::from`, then the `with_*` methods add what the article does not hold.
#[derive(Debug, Clone, Copy, Default)]
pub struct Subject<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    /// The full body text, when the caller has it; otherwise the summary stands in.
    pub body: Option<&'a str>,
    pub summary: &'a str,
    pub source: Option<&'a str>,
    pub author: Option<&'a str>,
    pub url: Option<&'a str>,
    /// ISO 639-1 code, e.g. `ar`.
    pub lang: Option<&'a str>,
    pub dir: Dir,
    pub keywords: &'a [String],
    pub tags: &'a [String],
    pub category: Option<&'a str>,
    /// The file name (not the whole path).
    pub file: &'a str,
    /// Time since the file was modified, worked out by the caller; queries read no clock.
    pub age: Option<Duration>,
    /// The item's date, ISO style (`2026-11-01`, possibly with a time after it).
    pub date: Option<&'a str>,
    pub words: usize,
    /// The category a near-duplicate of the item was filed into (`dup:filed`).
    pub also_filed: Option<&'a str>,
    /// How many inbox items tell the item's story, itself included (`cluster:>3`);
    /// `None` when not worked out, which counts as 1.
    pub cluster: Option<usize>,
}

impl<'a> Subject<'a> {
    /// The text `body:` searches: the body, else the summary, else the lead.
    pub fn body_text(&self) -> &'a str {
        match self.body {
            Some(body) => body,
            None if !self.summary.is_empty() => self.summary,
            None => self.lead,
        }
    }

    /// The size of the item's story cluster, 1 when alone or not worked out.
    pub fn cluster_size(&self) -> usize {
        self.cluster.unwrap_or(1)
    }

    /// The same subject with what its story cluster says: its size in the inbox and
    /// the category a near-duplicate was filed into, if any.
    pub fn with_story(mut self, cluster: usize, also_filed: Option<&'a str>) -> Self {
        self.cluster = Some(cluster);
        self.also_filed = also_filed;
        self
    }

    /// The same subject with the item's age (e.g. `now.duration_since(mtime)`).
    pub fn with_age(mut self, age: Duration) -> Self {
        self.age = Some(age);
        self
    }

    /// The same subject with tags (from rules, say).
    pub fn with_tags(mut self, tags: &'a [String]) -> Self {
        self.tags = tags;
        self
    }

    /// The same subject with the category folder it is in or is suggested for.
    pub fn with_category(mut self, category: &'a str) -> Self {
        self.category = Some(category);
        self
    }

    /// The same subject with its full body text.
    pub fn with_body(mut self, body: &'a str) -> Self {
        self.body = Some(body);
        self
    }
}

impl<'a> From<&'a Article> for Subject<'a> {
    /// Everything an [`Article`] holds; no body, tags, category or age.
    fn from(article: &'a Article) -> Self {
        Subject {
            title: &article.title,
            lead: &article.lead,
            body: None,
            summary: &article.summary,
            source: article.source.as_deref(),
            author: article.author.as_deref(),
            url: article.url.as_deref(),
            lang: article.lang.as_deref(),
            dir: article.dir,
            keywords: &article.keywords,
            tags: &[],
            category: None,
            // A name that is not UTF-8 cannot be typed in a query anyway.
            file: article
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            age: None,
            date: article.date.as_deref(),
            words: article.words,
            also_filed: None,
            cluster: None,
        }
    }
}

/// The folded text fields of one item, computed once and kept beside it so that
/// filtering on every keystroke never folds item text again. The article's own
/// fields are in a shared [`FoldedText`] (the extraction cache keeps the same one);
/// what rules and the inbox add (file name, category, tags) is kept here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    text: Arc<FoldedText>,
    pub category: String,
    pub file: String,
    pub tags: Vec<String>,
}

/// The folded fields an article alone decides, shareable between items and caches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldedText {
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub title: String,
    /// The folded lead and [`Subject::body_text`], which often begin alike (the
    /// summary opens with the lead, or the lead is the whole summary and more): the
    /// shorter is then kept only as a prefix of the longer. See [`FoldedText::lead`].
    #[serde(deserialize_with = "crate::fast_str::pair")]
    lead_and_body: (String, String),
    shared: Shared,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub source: String,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub author: String,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub url: String,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub lang: String,
    #[serde(deserialize_with = "crate::fast_str::strings")]
    pub keywords: Vec<String>,
    /// The article's raw lead and summary as edits of the folded ones, when
    /// [`FoldedText::absorbing`] took them out of the article.
    #[serde(default)]
    raw: Raw,
}

/// Edits back to the raw lead and summary; `None` where the article keeps its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Raw {
    lead: Option<Unfold>,
    summary: Option<Unfold>,
}

impl std::ops::Deref for Folded {
    type Target = FoldedText;

    fn deref(&self) -> &FoldedText {
        &self.text
    }
}

impl Folded {
    /// Folds every text field of `subject` (absent fields become empty).
    pub fn new(subject: &Subject<'_>) -> Self {
        Folded::with_text(Arc::new(FoldedText::new(subject)), subject)
    }

    /// Like [`Folded::new`] with the article's fields already folded
    /// (`text` must be `FoldedText::new(subject)`): folds only file, category and tags.
    pub fn with_text(text: Arc<FoldedText>, subject: &Subject<'_>) -> Self {
        Folded {
            text,
            category: subject.category.map(fold_text).unwrap_or_default(),
            file: fold_text(subject.file),
            tags: subject.tags.iter().map(|t| fold_text(t)).collect(),
        }
    }
}

impl FoldedText {
    /// Folds the article fields of `subject`: title, lead, body text, source,
    /// author, url, language and keywords.
    pub fn new(subject: &Subject<'_>) -> Self {
        let opt = |s: Option<&str>| s.map(fold_text).unwrap_or_default();
        let (lead_and_body, shared) =
            share(fold_text(subject.lead), fold_text(subject.body_text()));
        FoldedText {
            title: fold_text(subject.title),
            lead_and_body,
            shared,
            source: opt(subject.source),
            author: opt(subject.author),
            url: opt(subject.url),
            lang: opt(subject.lang),
            keywords: subject.keywords.iter().map(|k| fold_text(k)).collect(),
            raw: Raw::default(),
        }
    }

    /// [`FoldedText::of`], also taking the article's lead and summary into the
    /// folded text as edits wherever that is smaller: the article then holds them
    /// empty, and only [`FoldedText::raw_lead`], [`FoldedText::raw_summary`] and
    /// [`FoldedText::restore`] give them back. The two must travel together.
    pub fn absorbing(article: &mut Article) -> Self {
        let mut folded = FoldedText::of(article);
        folded.raw.lead = Unfold::between(&article.lead, folded.lead());
        if folded.raw.lead.is_some() {
            article.lead = String::new();
        }
        if !article.summary.is_empty() {
            folded.raw.summary = Unfold::between(&article.summary, folded.body());
            if folded.raw.summary.is_some() {
                article.summary = String::new();
            }
        }
        folded
    }

    /// The article's lead as extracted, whether it or this folded text holds it.
    pub fn raw_lead<'a>(&self, article: &'a Article) -> Cow<'a, str> {
        unfold(&self.raw.lead, self.lead(), &article.lead)
    }

    /// The article's summary as extracted, whether it or this folded text holds it.
    pub fn raw_summary<'a>(&self, article: &'a Article) -> Cow<'a, str> {
        unfold(&self.raw.summary, self.body(), &article.summary)
    }

    /// The article with its lead and summary back in it: borrowed as it is when
    /// this folded text holds neither.
    pub fn restore<'a>(&self, article: &'a Article) -> Cow<'a, Article> {
        if !self.holds_raw() {
            return Cow::Borrowed(article);
        }
        let mut whole = article.clone();
        whole.lead = self.raw_lead(article).into_owned();
        whole.summary = self.raw_summary(article).into_owned();
        Cow::Owned(whole)
    }

    /// Bytes of edits held for the lead and summary.
    pub fn edit_bytes(&self) -> usize {
        [&self.raw.lead, &self.raw.summary]
            .into_iter()
            .flatten()
            .map(Unfold::len)
            .sum()
    }

    /// Whether the lead or summary are held here rather than in the article.
    pub fn holds_raw(&self) -> bool {
        self.raw.lead.is_some() || self.raw.summary.is_some()
    }

    /// An article's fields folded as the TUI searches them (no body: the summary stands in).
    pub fn of(article: &Article) -> Self {
        FoldedText::new(&Subject::from(article))
    }

    /// The folded lead.
    pub fn lead(&self) -> &str {
        match self.shared {
            Shared::LeadInBody(n) => &self.lead_and_body.1[..n],
            _ => &self.lead_and_body.0,
        }
    }

    /// The folded [`Subject::body_text`].
    pub fn body(&self) -> &str {
        match self.shared {
            Shared::BodyInLead(n) => &self.lead_and_body.0[..n],
            _ => &self.lead_and_body.1,
        }
    }
}

fn unfold<'a>(edits: &Option<Unfold>, folded: &str, own: &'a str) -> Cow<'a, str> {
    match edits {
        // Edits that no longer fit (a damaged cache) give an empty text, not garbage.
        Some(edits) => Cow::Owned(edits.apply(folded).unwrap_or_default()),
        None => Cow::Borrowed(own),
    }
}

/// Which of lead and body is stored only as a prefix of the other, and its length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
enum Shared {
    #[default]
    Neither,
    LeadInBody(usize),
    BodyInLead(usize),
}

fn share(lead: String, body: String) -> ((String, String), Shared) {
    if body.starts_with(lead.as_str()) {
        let n = lead.len();
        ((String::new(), body), Shared::LeadInBody(n))
    } else if lead.starts_with(body.as_str()) {
        let n = body.len();
        ((lead, String::new()), Shared::BodyInLead(n))
    } else {
        ((lead, body), Shared::Neither)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_and_body_read_back_whether_or_not_one_begins_the_other() {
        let folded = |lead: &str, body: &str| {
            let s = Subject {
                lead,
                body: Some(body),
                ..Subject::default()
            };
            let f = Folded::new(&s);
            (f.lead().to_string(), f.body().to_string(), f.shared)
        };
        let (lead, body, shared) = folded("أعلنت موسكو اليوم.", "أعلنت موسكو اليوم. وقال بيسكوف");
        assert_eq!(
            (lead.as_str(), body.as_str()),
            ("اعلنت موسكو اليوم.", "اعلنت موسكو اليوم. وقال بيسكوف")
        );
        assert_eq!(shared, Shared::LeadInBody(lead.len()));
        let (lead, body, shared) = folded("The Lead. And more.", "The lead.");
        assert_eq!(
            (lead.as_str(), body.as_str()),
            ("the lead. and more.", "the lead.")
        );
        assert_eq!(shared, Shared::BodyInLead(body.len()));
        let (lead, body, shared) = folded("One thing", "Another");
        assert_eq!(
            (lead.as_str(), body.as_str(), shared),
            ("one thing", "another", Shared::Neither)
        );
    }
}
