//! `Query::explain`: every term, whether it matched, and where, quoted as the item has it.

use std::time::Duration;

use super::aliases;
use crate::article::Dir;
use crate::query::{Field, Folded, Query, Subject, TermTrace};

fn item() -> Subject<'static> {
    Subject {
        title: "قصفٌ جديد على ريف إدلب",
        lead: "قالت مصادر إن الطائرات قصفت بلدات بإدلب صباح اليوم.",
        lang: Some("ar"),
        dir: Dir::Rtl,
        words: 420,
        age: Some(Duration::from_secs(2 * 3600)),
        ..Subject::default()
    }
}

fn explain(q: &str) -> Vec<TermTrace> {
    let query = Query::new(q, &aliases()).unwrap_or_else(|e| panic!("{q}: {e}"));
    let item = item();
    query.explain(&item, &Folded::new(&item))
}

#[test]
fn each_term_in_order_with_where_it_matched() {
    let trace = explain("lang:ar and (title:@idlib or lead:damascus) and not words:<100");
    let terms: Vec<&str> = trace.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(
        terms,
        ["lang:ar", "title:@idlib", "lead:damascus", "words:<100"]
    );
    assert!(trace[0].matched);
    assert_eq!(trace[0].hits[0].field, Field::Lang);
    assert_eq!(trace[0].hits[0].text, "ar");
    // The alias entry إدلب matched the title; the quote is the original word.
    assert!(trace[1].matched);
    assert_eq!(trace[1].hits.len(), 1);
    assert_eq!(trace[1].hits[0].field, Field::Title);
    assert_eq!(trace[1].hits[0].text, "إدلب");
    assert!(!trace[2].matched && trace[2].hits.is_empty());
    assert!(trace[3].negated && !trace[3].matched);
}

#[test]
fn a_clitic_match_quotes_the_whole_word_and_a_bare_word_lists_every_field() {
    let trace = explain("ادلب");
    assert!(trace[0].matched);
    let hits: Vec<(Field, &str)> = trace[0]
        .hits
        .iter()
        .map(|h| (h.field, h.text.as_str()))
        .collect();
    assert_eq!(hits[0], (Field::Title, "إدلب"));
    assert_eq!(hits[1], (Field::Lead, "بإدلب"));
}

#[test]
fn harakat_in_the_original_are_kept_and_phrases_quote_all_their_words() {
    let trace = explain("\"قصف جديد\" age:<1d");
    assert_eq!(trace[0].hits[0].text, "قصفٌ جديد");
    assert_eq!(trace[1].hits[0].field, Field::Age);
    assert_eq!(trace[1].hits[0].text, "2h");
    assert_eq!(trace[1].span.start, "\"قصف جديد\" ".len());
}

#[test]
fn the_empty_query_has_no_terms() {
    assert!(explain("").is_empty());
}
