//! Evaluates a compiled query against one item: no I/O, no clock, no folding.

use super::ast::Field;
use super::compile::{Node, Pattern};
use super::prefilter::Hits;
use super::subject::{Folded, Subject};

/// The fields a bare value searches.
pub(super) const BARE: [Field; 3] = [Field::Title, Field::Lead, Field::Body];

impl Node {
    /// Whether the item matches; `folded` must be `Folded::new(subject)`.
    pub fn matches(&self, subject: &Subject<'_>, folded: &Folded) -> bool {
        self.eval(subject, folded, None)
    }

    /// [`Node::matches`], reading needles from `hits` where a prefilter scanned them.
    pub(super) fn eval(&self, subject: &Subject<'_>, folded: &Folded, hits: Option<&Hits>) -> bool {
        match self {
            Node::All => true,
            Node::And(xs) => xs.iter().all(|x| x.eval(subject, folded, hits)),
            Node::Or(xs) => xs.iter().any(|x| x.eval(subject, folded, hits)),
            Node::Not(x) => !x.eval(subject, folded, hits),
            Node::Text(_, Pattern::Needle(needle))
                if let (Some(slot), Some(hits)) = (needle.slot, hits) =>
            {
                hits.get(slot)
            }
            Node::Text(Some(field), pattern) => field_matches(*field, pattern, subject, folded),
            Node::Text(None, pattern) => BARE
                .iter()
                .any(|f| field_matches(*f, pattern, subject, folded)),
            Node::Words(cmp, n) => cmp.holds(subject.words.cmp(n)),
            Node::Cluster(cmp, n) => cmp.holds(subject.cluster_size().cmp(n)),
            Node::DupFiled => subject.also_filed.is_some(),
            Node::Age(cmp, age) => subject.age.is_some_and(|a| cmp.holds(a.cmp(age))),
            Node::Date(cmp, date) => subject
                .date
                .and_then(|d| iso_prefix(d, date.len()))
                .is_some_and(|d| cmp.holds(d.cmp(date.as_str()))),
        }
    }
}

fn field_matches(field: Field, pattern: &Pattern, subject: &Subject<'_>, folded: &Folded) -> bool {
    let test = |text: &str| match pattern {
        Pattern::Needle(needle) => needle.is_in(text),
        Pattern::Equals(value) => text == value,
        Pattern::Regex { regex, .. } => regex.is_match(text),
    };
    let raw = matches!(pattern, Pattern::Regex { raw: true, .. });
    match field {
        Field::Keyword if raw => subject.keywords.iter().any(|k| test(k)),
        Field::Keyword => folded.keywords.iter().any(|k| test(k)),
        Field::Tag if raw => subject.tags.iter().any(|t| test(t)),
        Field::Tag => folded.tags.iter().any(|t| test(t)),
        _ if raw => test(raw_text(field, subject)),
        _ => test(folded_text(field, subject, folded)),
    }
}

pub(super) fn raw_text<'a>(field: Field, subject: &Subject<'a>) -> &'a str {
    match field {
        Field::Title => subject.title,
        Field::Lead => subject.lead,
        Field::Body => subject.body_text(),
        Field::Source => subject.source.unwrap_or_default(),
        Field::Author => subject.author.unwrap_or_default(),
        Field::Url => subject.url.unwrap_or_default(),
        Field::Lang => subject.lang.unwrap_or_default(),
        Field::Category => subject.category.unwrap_or_default(),
        Field::File => subject.file,
        Field::Dir => dir_name(subject),
        Field::Date => subject.date.unwrap_or_default(),
        // Lists and numbers never reach here.
        Field::Keyword | Field::Tag | Field::Age | Field::Words => "",
        Field::Dup | Field::Cluster => "",
    }
}

pub(super) fn folded_text<'a>(field: Field, subject: &Subject<'a>, folded: &'a Folded) -> &'a str {
    match field {
        Field::Title => &folded.title,
        Field::Lead => folded.lead(),
        Field::Body => folded.body(),
        Field::Source => &folded.source,
        Field::Author => &folded.author,
        Field::Url => &folded.url,
        Field::Lang => &folded.lang,
        Field::Category => &folded.category,
        Field::File => &folded.file,
        Field::Dir => dir_name(subject),
        Field::Date => subject.date.unwrap_or_default(),
        Field::Keyword | Field::Tag | Field::Age | Field::Words => "",
        Field::Dup | Field::Cluster => "",
    }
}

fn dir_name(subject: &Subject<'_>) -> &'static str {
    match subject.dir {
        crate::article::Dir::Ltr => "ltr",
        crate::article::Dir::Rtl => "rtl",
    }
}

/// The first `len` bytes of an ISO-style date (`2026-11-01…`), if it is shaped so.
fn iso_prefix(date: &str, len: usize) -> Option<&str> {
    let head = date.trim_start().get(..len)?;
    let shaped = head.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    shaped.then_some(head)
}
