//! Mail messages (`.eml`): headers to fields, the text part (or the HTML part,
//! extracted like a page) to the body; attachments are ignored.

use mail_parser::{HeaderValue, Message, MessageParser, PartType};

use super::assemble::{self, Meta};
use super::html::{self, Mode};
use super::{Document, Format, Structure, text};

/// Reads a mail message from its bytes. RFC 2047 headers and each part's
/// charset are decoded by `mail-parser`.
pub fn extract(name: &str, bytes: &[u8]) -> Document {
    let Some(message) = MessageParser::default().parse(bytes) else {
        // Not even headers: show what there is as text, and say so.
        let mut doc = super::from_text_bytes(name, bytes);
        doc.article.format = Format::Email;
        doc.article
            .notes
            .push("not a mail message (no headers found); shown as plain text".into());
        return doc;
    };
    let mut meta = headers(&message);
    let structure = match body(&message) {
        Some(Body::Text(body)) => text::structure(&body, meta.title.as_deref()),
        Some(Body::Html(markup)) => {
            let (structure, found) = html::read(&markup, Mode::Page);
            meta.lang = found.lang;
            meta.dir = found.dir;
            meta.notes.extend(found.notes);
            structure
        }
        None => {
            let attachments = message.attachment_count();
            meta.notes.push(if attachments > 0 {
                format!("no text part (only {attachments} attachment(s), not shown)")
            } else {
                "no text part".to_string()
            });
            Structure::default()
        }
    };
    assemble::assemble(name, Format::Email, structure, meta)
}

/// Subject, From, Date and List-Id as the item's title, author, date and source.
fn headers(message: &Message) -> Meta {
    let from = message.from().and_then(|a| a.first());
    let author = from.and_then(|a| {
        a.name()
            .filter(|n| !n.trim().is_empty())
            .or_else(|| a.address())
    });
    let mut meta = Meta::default();
    Meta::offer(&mut meta.title, message.subject());
    Meta::offer(&mut meta.author, author);
    meta.date = message.date().map(|d| d.to_rfc3339());
    Meta::offer(&mut meta.source, list_name(message.list_id()).as_deref());
    if let Some(address) = from.and_then(|a| a.address()) {
        meta.extra.insert("from".into(), address.to_string());
    }
    if let Some(id) = message.message_id() {
        meta.extra.insert("message_id".into(), id.to_string());
    }
    meta
}

/// `List-Id: Weekly News <weekly.example.org>` → `Weekly News`, else the id.
fn list_name(value: &HeaderValue) -> Option<String> {
    match value {
        HeaderValue::Text(text) => Some(text.trim_matches(['<', '>', ' ']).to_string()),
        HeaderValue::Address(address) => address.first().and_then(|a| {
            a.name()
                .filter(|n| !n.trim().is_empty())
                .or_else(|| a.address())
                .map(str::to_string)
        }),
        _ => None,
    }
}

enum Body {
    Text(String),
    Html(String),
}

/// The first inline text/plain part, else the first HTML part.
fn body(message: &Message) -> Option<Body> {
    let text = message.text_bodies().find_map(|part| match &part.body {
        PartType::Text(text) if !text.trim().is_empty() => Some(text.to_string()),
        _ => None,
    });
    if let Some(text) = text {
        return Some(Body::Text(super::decode::sanitize(&text)));
    }
    message.html_bodies().find_map(|part| match &part.body {
        PartType::Html(markup) if !markup.trim().is_empty() => Some(Body::Html(markup.to_string())),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
