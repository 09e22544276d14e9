//! Reading one news item into its summary fields: pure functions over bytes and text.

pub mod assemble;
pub mod boilerplate;
pub mod decode;
pub mod email;
pub mod feed;
pub mod fold;
pub mod frontmatter;
pub mod html;
pub mod json;
pub mod keywords;
pub mod lang;
pub mod quotes;
pub mod scan;
pub mod sniff;
pub mod spaces;
pub mod stopwords;
pub mod summary;
pub mod table;
pub mod text;
pub mod vocab;
pub mod words;

use std::collections::BTreeMap;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use assemble::Meta;
pub use lang::Dir;
pub use quotes::Quote;
pub use text::{Block, BlockKind, Structure};

/// The most bytes read from one file; a larger file is listed with a note.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// What kind of file an item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    /// A web page: main content extracted, chrome dropped.
    Html,
    /// A feed (RSS, Atom, JSON Feed); the inbox splits it into one item per entry.
    Feed,
    /// A mail message (`.eml`).
    Email,
    /// A JSON item of the documented shape (README, "Input formats").
    Json,
    /// Not text at all; listed so it can be filed or skipped, never shown.
    Binary,
    /// Could not be read (permissions, vanished); see `error`.
    Unreadable,
}

/// One news item's summary fields — the JSON shape of `list --json` and `show --json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub id: String,
    #[serde(deserialize_with = "crate::fast_str::path")]
    pub path: PathBuf,
    pub format: Format,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub title: String,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub lead: String,
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub summary: String,
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub lang: Option<String>,
    pub dir: Dir,
    #[serde(deserialize_with = "crate::fast_str::strings")]
    pub subheadings: Vec<String>,
    pub quotes: Vec<Quote>,
    #[serde(deserialize_with = "crate::fast_str::strings")]
    pub keywords: Vec<String>,
    pub words: usize,
    pub reading_minutes: usize,
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub source: Option<String>,
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub author: Option<String>,
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub url: Option<String>,
    #[serde(deserialize_with = "crate::fast_str::strings")]
    pub notes: Vec<String>,
    /// Other metadata the file carried (unknown JSON fields, a feed's name, …).
    #[serde(default)]
    #[serde(deserialize_with = "crate::fast_str::map")]
    pub meta: BTreeMap<String, String>,
    /// Why the item could not be read as text, if it could not.
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub error: Option<String>,
    /// The body's MinHash signature for story clusters (kept out of the JSON;
    /// the extraction cache stores it).
    #[serde(skip)]
    pub signature: Option<crate::cluster::Signature>,
}

/// An article together with its body, for the reader and `show --text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub article: Article,
    pub structure: Structure,
}

/// A stable id for an item: a hash of its file name, so it survives rescans.
pub fn id_for(name: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.as_bytes() {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}

/// Reads and extracts the file at `path`; problems become `error` and `notes`.
pub fn read(path: &Path) -> Document {
    let name = file_name(path);
    match read_capped(path) {
        Ok((bytes, total)) => {
            let mut doc = from_bytes(&name, &bytes);
            if total > bytes.len() as u64 {
                doc.article.notes.push(format!(
                    "truncated: read the first {} of {} bytes",
                    bytes.len(),
                    total
                ));
            }
            doc.article.path = path.to_path_buf();
            doc
        }
        Err(err) => Document {
            article: Article {
                id: id_for(&name),
                path: path.to_path_buf(),
                format: Format::Unreadable,
                title: name,
                error: Some(format!("cannot read: {err}")),
                ..Article::default()
            },
            structure: Structure::default(),
        },
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The most bytes read from a feed file to split it (feeds run longer than articles).
pub const MAX_FEED_BYTES: u64 = 32 * 1024 * 1024;

/// Reads a whole file of up to [`MAX_FEED_BYTES`], for splitting a feed.
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FEED_BYTES)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads at most [`MAX_BYTES`]; returns the bytes and the file's full length.
fn read_capped(path: &Path) -> std::io::Result<(Vec<u8>, u64)> {
    let file = std::fs::File::open(path)?;
    let total = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(total.min(MAX_BYTES) as usize);
    file.take(MAX_BYTES).read_to_end(&mut bytes)?;
    let total = total.max(bytes.len() as u64);
    Ok((bytes, total))
}

/// Reads entries on all cores, `chunk` at a time, handing each chunk's
/// articles to `emit` (in order); stops early when `emit` returns false.
pub fn read_many(
    entries: &[crate::desk::Entry],
    chunk: usize,
    mut emit: impl FnMut(&[crate::desk::Entry], Vec<Article>) -> bool,
) {
    use rayon::prelude::*;
    for part in entries.chunks(chunk.max(1)) {
        let articles = part.par_iter().map(|e| read(&e.path).article).collect();
        if !emit(part, articles) {
            return;
        }
    }
}

/// Decodes and extracts an item from its bytes; `name` is its file name.
/// The format comes from the name and the first bytes ([`sniff::format`]).
pub fn from_bytes(name: &str, bytes: &[u8]) -> Document {
    match sniff::format(name, bytes) {
        Format::Html => html::extract(name, bytes),
        Format::Feed => feed::extract(name, bytes),
        Format::Email => email::extract(name, bytes),
        Format::Json => json::extract(name, bytes),
        _ => from_text_bytes(name, bytes),
    }
}

/// Plain text or Markdown from bytes: decoded, then [`extract`]ed.
fn from_text_bytes(name: &str, bytes: &[u8]) -> Document {
    match decode::decode(bytes) {
        Ok(decoded) => {
            let mut doc = extract(name, &decoded.text);
            if decoded.encoding != "UTF-8" {
                doc.article
                    .notes
                    .push(format!("decoded from {}", decoded.encoding));
            }
            if decoded.lossy {
                doc.article
                    .notes
                    .push("some bytes were not valid text and were replaced".into());
            }
            doc
        }
        Err(err) => unreadable_as_binary(name, &err),
    }
}

/// The item for bytes that are not text at all: listed, never shown.
pub fn unreadable_as_binary(name: &str, err: &decode::DecodeError) -> Document {
    Document {
        article: Article {
            id: id_for(name),
            format: Format::Binary,
            title: name.to_string(),
            error: Some(err.to_string()),
            ..Article::default()
        },
        structure: Structure::default(),
    }
}

/// Extracts every field from decoded text.
pub fn extract(name: &str, text: &str) -> Document {
    let (fields, body) = frontmatter::split(text);
    let markdown = !fields.is_empty() || name.ends_with(".md") || name.ends_with(".markdown");
    let known_title = fields.get("title").map(String::as_str);
    let structure = text::structure(body, known_title);
    let field = |key: &str| fields.get(key).cloned();
    let meta = Meta {
        title: field("title"),
        lang: field("lang").or_else(|| field("language")),
        date: field("date").or_else(|| date_in_name(name)),
        source: field("source"),
        author: field("author"),
        url: field("url").or_else(|| field("link")),
        ..Meta::default()
    };
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Text
    };
    let mut doc = assemble::assemble(name, format, structure, meta);
    note_empty(&mut doc, text);
    doc
}

/// Notes an item whose body came out empty: an empty file, or nothing readable in it.
fn note_empty(doc: &mut Document, raw: &str) {
    // The body text is the content blocks joined by blank lines: blank when every one is.
    if doc.structure.content().all(|b| b.text.trim().is_empty()) {
        doc.article.notes.push(if raw.trim().is_empty() {
            "empty file".into()
        } else {
            "no body text".into()
        });
    }
}

/// An ISO date (YYYY-MM-DD) in a file name, as scrapers often write.
pub fn date_in_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = name.get(i..i + 10)?;
        let b = s.as_bytes();
        let shape = b.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        (shape && boundary && jiff::civil::Date::strptime("%Y-%m-%d", s).is_ok())
            .then(|| s.to_string())
    })
}

#[cfg(test)]
mod tests;
