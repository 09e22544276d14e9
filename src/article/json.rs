//! JSON items: one object of the documented shape (README, "Input formats").
//!
//! `{"title", "body" | "html", "url", "date", "source", "author", "lang"}`; every
//! other field is kept in the article's `meta` map.

use serde_json::{Map, Value};

use super::assemble::{self, Meta};
use super::html::{self, Mode};
use super::{Document, Format, Structure, decode, text};

/// Names scrapers use for the documented fields, first the documented one.
const FIELDS: &[(&str, &[&str])] = &[
    ("title", &["title", "headline"]),
    ("body", &["body", "text", "content"]),
    ("html", &["html", "content_html"]),
    ("url", &["url", "link"]),
    (
        "date",
        &[
            "date",
            "published",
            "published_at",
            "pubDate",
            "date_published",
        ],
    ),
    ("source", &["source", "site", "site_name"]),
    ("author", &["author", "byline", "authors"]),
    ("lang", &["lang", "language"]),
];

/// Reads a JSON item from its bytes.
pub fn extract(name: &str, bytes: &[u8]) -> Document {
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(err) => return super::unreadable_as_binary(name, &err),
    };
    let value: Value = match serde_json::from_str(&decoded.text) {
        Ok(v) => v,
        Err(err) => {
            // Best effort: the text as it is, with why it is not an item.
            let mut doc = super::extract(name, &decoded.text);
            doc.article.format = Format::Json;
            doc.article
                .notes
                .push(format!("not valid JSON ({err}); shown as plain text"));
            return doc;
        }
    };
    let (object, note) = match value {
        Value::Object(map) => (map, None),
        Value::Array(items) => {
            let count = items.len();
            let first = items.into_iter().find_map(|v| match v {
                Value::Object(map) => Some(map),
                _ => None,
            });
            let note = format!(
                "a JSON array of {count} values: only the first object is read (one item per file)"
            );
            (first.unwrap_or_default(), Some(note))
        }
        _ => (
            Map::new(),
            Some("a JSON value that is not an object".to_string()),
        ),
    };
    let mut doc = from_object(name, object);
    doc.article.notes.extend(note);
    doc
}

/// The item a JSON object describes.
pub fn from_object(name: &str, mut object: Map<String, Value>) -> Document {
    let mut take = |field: &str| -> Option<String> {
        let names = FIELDS.iter().find(|(f, _)| *f == field)?.1;
        let mut found = None;
        for key in names {
            if let Some(value) = object.remove(*key) {
                found =
                    found.or_else(|| as_text(&value, if field == "body" { "\n\n" } else { ", " }));
            }
        }
        found.filter(|s| !s.trim().is_empty())
    };
    let mut meta = Meta {
        title: take("title"),
        url: take("url"),
        date: take("date"),
        source: take("source"),
        author: take("author"),
        lang: take("lang"),
        ..Meta::default()
    };
    let body = take("body");
    let markup = take("html");
    let structure = match (body, markup) {
        (Some(body), _) if !looks_like_markup(&body) => {
            text::structure(&body, meta.title.as_deref())
        }
        (Some(markup), _) | (None, Some(markup)) => {
            let mode = if is_whole_page(&markup) {
                Mode::Page
            } else {
                Mode::Fragment
            };
            let (structure, found) = html::read(&markup, mode);
            fill(&mut meta, found);
            structure
        }
        (None, None) => {
            meta.notes.push("no body or html field".into());
            Structure::default()
        }
    };
    meta.extra = object
        .into_iter()
        .filter_map(|(k, v)| as_text(&v, ", ").map(|v| (k, v)))
        .collect();
    assemble::assemble(name, Format::Json, structure, meta)
}

/// Takes what the markup said of itself where the JSON said nothing.
fn fill(meta: &mut Meta, found: Meta) {
    Meta::offer(&mut meta.title, found.title.as_deref());
    Meta::offer(&mut meta.author, found.author.as_deref());
    Meta::offer(&mut meta.date, found.date.as_deref());
    Meta::offer(&mut meta.lang, found.lang.as_deref());
    meta.dir = meta.dir.or(found.dir);
    meta.notes.extend(found.notes);
}

/// A string as is; numbers and booleans written out; a list of strings (or of
/// `{name}` objects) joined; other objects as compact JSON.
fn as_text(value: &Value, joiner: &str) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|v| match v {
                    Value::Object(o) => o.get("name").and_then(|n| as_text(n, joiner)),
                    other => as_text(other, joiner),
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join(joiner))
        }
        Value::Object(o) => match o.get("name") {
            Some(Value::String(name)) => Some(name.clone()),
            _ => Some(value.to_string()),
        },
    }
}

/// A body field that is really markup (scrapers often put HTML in `body`).
fn looks_like_markup(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('<') && (t.contains("</p>") || t.contains("</div>") || is_whole_page(t))
}

fn is_whole_page(markup: &str) -> bool {
    super::sniff::is_html(markup.trim_start().as_bytes())
        || markup.contains("<body")
        || markup.contains("<BODY")
}

#[cfg(test)]
mod tests;
