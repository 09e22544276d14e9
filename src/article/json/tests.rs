//! JSON items: the documented shape, aliases, unknown fields, and bad input.

use super::*;
use crate::article::from_bytes;

const ITEM: &str = include_str!("../../../tests/fixtures/formats/item.json");

#[test]
fn documented_shape_fills_the_fields() {
    let doc = from_bytes("item.json", ITEM.as_bytes());
    let a = &doc.article;
    assert_eq!(a.format, Format::Json);
    assert_eq!(a.title, "Library opens late on Fridays");
    assert_eq!(a.url.as_deref(), Some("https://city.example.org/library"));
    assert_eq!(a.date.as_deref(), Some("2026-11-24"));
    assert_eq!(a.source.as_deref(), Some("City News"));
    assert_eq!(a.author.as_deref(), Some("Omar Said"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert!(a.lead.starts_with("The city library will stay open"));
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Mia Berg"));
    assert_eq!(
        a.meta.get("tags").map(String::as_str),
        Some("library, council")
    );
    assert_eq!(a.meta.get("section").map(String::as_str), Some("Local"));
    assert_eq!(a.meta.get("word_count").map(String::as_str), Some("42"));
}

#[test]
fn html_field_is_read_as_markup() {
    let json = r#"{"title": "T", "html": "<div class=\"share\">Share</div><p>The harbour reopened on Monday after the storm, the port said.</p><h2>Boats back</h2><p>Fishing boats returned to the quay by the afternoon.</p>"}"#;
    let a = from_bytes("x.json", json.as_bytes()).article;
    assert_eq!(a.subheadings, ["Boats back"]);
    assert!(a.lead.starts_with("The harbour reopened"), "{}", a.lead);
}

#[test]
fn invalid_json_is_shown_as_text_with_a_note() {
    let a = from_bytes("bad.json", b"{\"title\": \"Cut off").article;
    assert_eq!(a.format, Format::Json);
    assert!(
        a.notes.iter().any(|n| n.starts_with("not valid JSON")),
        "{:?}",
        a.notes
    );
}

#[test]
fn arrays_and_empty_objects_are_items_with_notes() {
    let a = from_bytes(
        "many.json",
        br#"[{"title": "One", "body": "First."}, {"title": "Two"}]"#,
    )
    .article;
    assert_eq!(a.title, "One");
    assert!(
        a.notes.iter().any(|n| n.contains("array of 2")),
        "{:?}",
        a.notes
    );
    let a = from_bytes("empty.json", b"{}").article;
    assert_eq!(a.title, "empty.json");
    assert!(
        a.notes.iter().any(|n| n.contains("no body")),
        "{:?}",
        a.notes
    );
}
