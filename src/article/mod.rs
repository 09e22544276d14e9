//! Reading one news item into its summary fields: pure functions over bytes and text.

pub mod boilerplate;
pub mod decode;
pub mod fold;
pub mod frontmatter;
pub mod keywords;
pub mod lang;
pub mod quotes;
pub mod spaces;
pub mod stopwords;
pub mod summary;
pub mod text;
pub mod words;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
    /// Not text at all; listed so it can be filed or skipped, never shown.
    Binary,
    /// Could not be read (permissions, vanished); see `error`.
    Unreadable,
}

/// One news item's summary fields — the JSON shape of `list --json` and `show --json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub path: PathBuf,
    pub format: Format,
    pub title: String,
    pub lead: String,
    pub summary: String,
    pub lang: Option<String>,
    pub dir: Dir,
    pub subheadings: Vec<String>,
    pub quotes: Vec<Quote>,
    pub keywords: Vec<String>,
    pub words: usize,
    pub reading_minutes: usize,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub notes: Vec<String>,
    /// Why the item could not be read as text, if it could not.
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
pub fn from_bytes(name: &str, bytes: &[u8]) -> Document {
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
        Err(err) => Document {
            article: Article {
                id: id_for(name),
                format: Format::Binary,
                title: name.to_string(),
                error: Some(err.to_string()),
                ..Article::default()
            },
            structure: Structure::default(),
        },
    }
}

/// Extracts every field from decoded text.
pub fn extract(name: &str, text: &str) -> Document {
    let (meta, body) = frontmatter::split(text);
    let markdown = !meta.is_empty() || name.ends_with(".md") || name.ends_with(".markdown");
    let known_title = meta.get("title").map(String::as_str);
    let structure = text::structure(body, known_title);
    let title = known_title
        .map(str::to_string)
        .or_else(|| structure.title.clone())
        .unwrap_or_else(|| name.to_string());
    let body_text = structure.body_text();
    // Detect from the body, else from a title the text gave; never from a file name.
    let sample = if body_text.is_empty() {
        known_title.or(structure.title.as_deref()).unwrap_or("")
    } else {
        &body_text
    };
    let (detected, dir) = lang::detect(sample);
    let lang = meta
        .get("lang")
        .or(meta.get("language"))
        .cloned()
        .or(detected);
    // Split once: the count and the keywords both need the words.
    let body_words: Vec<words::Word> = words::words(&body_text).detailed().collect();
    let mut article = Article {
        id: id_for(name),
        format: if markdown {
            Format::Markdown
        } else {
            Format::Text
        },
        lead: lead_of(&structure),
        summary: summary::summarize(
            structure
                .of_kind(BlockKind::Paragraph)
                .map(|b| b.text.as_str()),
        ),
        subheadings: structure
            .of_kind(BlockKind::Subheading)
            .map(|b| b.text.clone())
            .collect(),
        quotes: structure
            .of_kind(BlockKind::Paragraph)
            .flat_map(|b| quotes::quotes_in(&b.text))
            .collect(),
        keywords: keywords::keywords_in(
            &title,
            &body_text,
            body_words.iter().copied(),
            lang.as_deref(),
        ),
        words: body_words.len(),
        dir,
        date: meta.get("date").cloned().or_else(|| date_in_name(name)),
        source: meta.get("source").cloned(),
        author: meta.get("author").cloned(),
        url: meta.get("url").or(meta.get("link")).cloned(),
        title,
        lang,
        ..Article::default()
    };
    article.reading_minutes = reading_minutes(&body_text, article.words);
    article.signature = crate::cluster::Signature::of(&body_text);
    if body_text.trim().is_empty() {
        article.notes.push(if text.trim().is_empty() {
            "empty file".into()
        } else {
            "no body text".into()
        });
    }
    Document { article, structure }
}

/// The first paragraph of running text, else the first non-chrome block.
fn lead_of(structure: &Structure) -> String {
    let first = structure
        .of_kind(BlockKind::Paragraph)
        .next()
        .or_else(|| structure.content().next());
    first.map(|b| b.text.clone()).unwrap_or_default()
}

/// Minutes at 200 words (or 400 CJK characters) a minute, rounded up.
fn reading_minutes(text: &str, words: usize) -> usize {
    // Every CJK character is three bytes long, led by a byte of E3 or more.
    let cjk = if text.bytes().any(|b| b >= 0xE3) {
        text.chars().filter(|c| lang::is_cjk(*c)).count()
    } else {
        0
    };
    let per_minute = if cjk * 2 > words { 400 } else { 200 };
    words.div_ceil(per_minute)
}

/// An ISO date (YYYY-MM-DD) in a file name, as scrapers often write.
fn date_in_name(name: &str) -> Option<String> {
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
