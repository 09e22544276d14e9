//! A per-term trace of how a query met one item: which term matched, in which field, on what text.

use std::ops::Range;

use super::ast::{Expr, Field, Span, Term, ValueKind};
use super::compile::{self, Node, Pattern};
use super::eval::{BARE, folded_text, raw_text};
use super::matching::{fold_text, is_word_char};
use super::subject::{Folded, Subject};
use super::{Aliases, Query};

/// The most characters of matched text a [`Hit`] quotes.
const MAX_HIT_CHARS: usize = 60;

/// One place a term found what it looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub field: Field,
    /// The matched words as the item has them (or folded, where they cannot be mapped
    /// back), or the value compared (`412` for `words`, `3h` for `age`).
    pub text: String,
}

/// How one term of a query fared against an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermTrace {
    /// The term in canonical form, e.g. `title:@idlib`.
    pub term: String,
    /// Where the term is in the query text.
    pub span: Span,
    /// Under an odd number of `not`s: a match then counts against the item.
    pub negated: bool,
    /// Whether the term itself (before any `not`) matched.
    pub matched: bool,
    /// Where it matched; empty when it did not.
    pub hits: Vec<Hit>,
}

impl Query {
    /// Every term of the query in the order written, each with whether and where it
    /// matched. Slower than [`Query::matches`] (terms are compiled again): for `explain`.
    pub fn explain(&self, subject: &Subject<'_>, folded: &Folded) -> Vec<TermTrace> {
        let mut terms = Vec::new();
        collect(&self.expr, false, &mut terms);
        terms
            .into_iter()
            .map(|(term, negated)| {
                let node = compile::compile(&Expr::Term(term.clone()), &self.src, &self.aliases);
                let (matched, hits) = match node {
                    Ok(node) => {
                        let mut hits = Vec::new();
                        node_hits(&node, subject, folded, &mut hits);
                        (node.matches(subject, folded), hits)
                    }
                    // It compiled as part of the whole query, so this does not happen.
                    Err(_) => (false, Vec::new()),
                };
                TermTrace {
                    term: term.to_string(),
                    span: term.span,
                    negated,
                    matched,
                    hits,
                }
            })
            .collect()
    }
}

/// The entries of `aliases` that `expr` names: all a query needs to compile again.
pub(super) fn aliases_used(expr: &Expr, aliases: &Aliases) -> Aliases {
    let mut terms = Vec::new();
    collect(expr, false, &mut terms);
    let mut used = Aliases::new();
    let mut stack: Vec<&ValueKind> = terms.iter().map(|(t, _)| &t.value.kind).collect();
    while let Some(kind) = stack.pop() {
        match kind {
            ValueKind::Alias(name) => {
                if let Some(entries) = aliases.get(name) {
                    used.insert(name.clone(), entries.clone());
                }
            }
            ValueKind::List(items) => stack.extend(items.iter().map(|v| &v.kind)),
            _ => {}
        }
    }
    used
}

/// The fields the terms of `expr` name.
pub(super) fn fields(expr: &Expr) -> Vec<Field> {
    let mut terms = Vec::new();
    collect(expr, false, &mut terms);
    terms.iter().filter_map(|(t, _)| t.field).collect()
}

fn collect<'a>(expr: &'a Expr, negated: bool, out: &mut Vec<(&'a Term, bool)>) {
    match expr {
        Expr::All => {}
        Expr::Or(xs) | Expr::And(xs) => xs.iter().for_each(|x| collect(x, negated, out)),
        Expr::Not(x) => collect(x, !negated, out),
        Expr::Term(t) => out.push((t, negated)),
    }
}

fn node_hits(node: &Node, subject: &Subject<'_>, folded: &Folded, out: &mut Vec<Hit>) {
    let mut push = |field: Field, text: String| {
        let hit = Hit { field, text };
        if !out.contains(&hit) {
            out.push(hit);
        }
    };
    match node {
        Node::All | Node::Not(_) => {}
        Node::And(xs) | Node::Or(xs) => xs.iter().for_each(|x| node_hits(x, subject, folded, out)),
        Node::Text(field, pattern) => {
            let fields = field.as_ref().map_or(&BARE[..], std::slice::from_ref);
            for f in fields {
                if let Some(text) = locate(*f, pattern, subject, folded) {
                    push(*f, text);
                }
            }
        }
        Node::Words(..) if node.matches(subject, folded) => {
            push(Field::Words, subject.words.to_string());
        }
        Node::Age(..) if node.matches(subject, folded) => {
            let age = subject.age.unwrap_or_default();
            push(Field::Age, age_text(age.as_secs()));
        }
        Node::Date(..) if node.matches(subject, folded) => {
            push(Field::Date, subject.date.unwrap_or_default().to_string());
        }
        Node::Cluster(..) if node.matches(subject, folded) => {
            push(Field::Cluster, subject.cluster_size().to_string());
        }
        Node::DupFiled => {
            if let Some(category) = subject.also_filed {
                push(Field::Dup, format!("filed → {category}"));
            }
        }
        Node::Words(..) | Node::Age(..) | Node::Date(..) | Node::Cluster(..) => {}
    }
}

/// The text of `field` that `pattern` matches, if any.
fn locate(
    field: Field,
    pattern: &Pattern,
    subject: &Subject<'_>,
    folded: &Folded,
) -> Option<String> {
    let find = |text: &str| match pattern {
        Pattern::Needle(needle) => needle.find_in(text),
        Pattern::Equals(value) => (text == value).then_some(0..text.len()),
        Pattern::Regex { regex, .. } => regex.find(text).map(|m| m.range()),
    };
    let raw = matches!(pattern, Pattern::Regex { raw: true, .. });
    let list = match field {
        Field::Keyword => Some((subject.keywords, &folded.keywords)),
        Field::Tag => Some((subject.tags, &folded.tags)),
        _ => None,
    };
    if let Some((raw_items, folded_items)) = list {
        // A keyword or tag is quoted whole, as the item has it.
        let items: &[String] = if raw { raw_items } else { folded_items };
        let at = items.iter().position(|item| find(item).is_some())?;
        return raw_items.get(at).cloned();
    }
    let original = raw_text(field, subject);
    if raw {
        return find(original).map(|r| quote(original, widen(original, r)));
    }
    let text = folded_text(field, subject, folded);
    let range = widen(text, find(text)?);
    Some(unfold(original, text, range.clone()).unwrap_or_else(|| quote(text, range)))
}

/// The range grown to whole words, so a match inside `بإدلب` quotes the word.
fn widen(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(range.start, |(i, _)| i);
    let end = text[range.end..]
        .char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(text.len(), |(i, _)| range.end + i);
    start..end
}

fn quote(text: &str, range: Range<usize>) -> String {
    let s = text.get(range).unwrap_or_default();
    if s.chars().count() > MAX_HIT_CHARS {
        let cut: String = s.chars().take(MAX_HIT_CHARS).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

/// The same words in the original text, found by counting words: folding keeps word
/// boundaries nearly always, and the result is checked, so a mismatch gives `None`.
fn unfold(original: &str, folded: &str, range: Range<usize>) -> Option<String> {
    let words_before = words(&folded[..range.start]).len();
    let count = words(&folded[range.clone()]).len();
    let spans = words(original);
    let first = spans.get(words_before)?;
    let last = spans.get((words_before + count).checked_sub(1)?)?;
    let candidate = &original[first.start..last.end];
    (fold_text(candidate) == folded[range].trim()).then(|| quote(original, first.start..last.end))
}

/// Byte ranges of the words (runs of letters and digits) of `text`.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// An age in its largest whole unit: `45s`, `12m`, `3h`, `2d`.
fn age_text(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m", secs / 60),
        3600..86_400 => format!("{}h", secs / 3600),
        _ => format!("{}d", secs / 86_400),
    }
}
