//! Feed files (RSS 0.9x/1.0/2.0, Atom, JSON Feed, by `feed-rs`): parsed into
//! entries, each written out as a JSON item with a stable name. Pure: the desk
//! (`desk::feeds`) does the files.

use serde_json::{Map, Value, json};

use super::assemble::{self, Meta};
use super::{Block, BlockKind, Document, Format, Structure, id_for};

/// A parsed feed: its name and its entries, in the feed's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    /// The site the feed is of, if it says.
    pub link: Option<String>,
    pub lang: Option<String>,
    /// What identifies the feed across downloads (its id, link or title).
    pub identity: String,
    pub entries: Vec<Entry>,
    /// What was noticed while parsing (a truncated file read up to the damage…).
    pub notes: Vec<String>,
}

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entry's id as the feed gives it, else its link, else title and date.
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    /// The content (or summary) as HTML, or as plain text.
    pub html: Option<String>,
    pub text: Option<String>,
}

/// Why a file could not be read as a feed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("not a readable feed: {0}")]
pub struct FeedError(String);

/// Parses feed bytes. A truncated or damaged XML feed is read up to the last
/// complete entry before the damage, with a note; a feed with nothing readable
/// is an error. XML is decoded to UTF-8 first ([`xml::as_utf8`]).
pub fn parse(bytes: &[u8]) -> Result<Feed, FeedError> {
    let bytes = &xml::as_utf8(bytes);
    let err = match parse_whole(bytes) {
        Ok(feed) => return Ok(feed),
        Err(err) => err,
    };
    // Cut after each complete entry, last first, until what is left parses
    // (a bounded number of tries: each is a parse of the whole).
    for repaired in repairs(bytes).take(64) {
        if let Ok(mut feed) = parse_whole(&repaired)
            && !feed.entries.is_empty()
        {
            feed.notes.push(format!(
                "damaged or truncated feed ({err}): read the {} entries before the damage",
                feed.entries.len()
            ));
            return Ok(feed);
        }
    }
    Err(FeedError(err))
}

fn parse_whole(bytes: &[u8]) -> Result<Feed, String> {
    // An empty id tells a missing one from a real one; we make our own stable ids.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let parsed = parser.parse(bytes).map_err(|e| e.to_string())?;
    let title = parsed.title.map(|t| t.content);
    let link = parsed.links.first().map(|l| l.href.clone());
    let identity = [Some(parsed.id), link.clone(), title.clone()]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or_default();
    let entries = parsed.entries.into_iter().map(entry).collect();
    Ok(Feed {
        title,
        link,
        lang: parsed.language,
        identity,
        entries,
        notes: Vec::new(),
    })
}

fn entry(e: feed_rs::model::Entry) -> Entry {
    let url = e.links.first().map(|l| l.href.clone());
    let title = e.title.map(|t| t.content);
    let date = e.published.or(e.updated).map(|d| d.to_rfc3339());
    let id = [Some(e.id), url.clone()]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or_else(|| {
            format!(
                "{}\n{}",
                title.as_deref().unwrap_or(""),
                date.as_deref().unwrap_or("")
            )
        });
    let (mut html, mut text) = (None, None);
    let is_html = |mime: String| mime.contains("html") || mime.contains("xml");
    if let Some(body) = e.content.as_ref().and_then(|c| c.body.clone()) {
        let mime = e
            .content
            .as_ref()
            .map(|c| c.content_type.to_string())
            .unwrap_or_default();
        if is_html(mime) || body.trim_start().starts_with('<') {
            html = Some(body)
        } else {
            text = Some(body)
        }
    } else if let Some(summary) = e.summary {
        if is_html(summary.content_type.to_string()) {
            html = Some(summary.content)
        } else {
            text = Some(summary.content)
        }
    }
    let authors: Vec<String> = e
        .authors
        .into_iter()
        .filter_map(|p| p.name)
        .filter(|n| !n.trim().is_empty())
        .collect();
    Entry {
        id,
        title,
        url,
        date,
        author: (!authors.is_empty()).then(|| authors.join(", ")),
        html,
        text,
    }
}

/// The feed cut after each complete entry, last first, with its open elements
/// closed again so it parses.
fn repairs(bytes: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let (tag, closers) = if text.contains("</item>") {
        let closers = if text.contains("<rdf:RDF") {
            "</rdf:RDF>"
        } else {
            "</channel></rss>"
        };
        ("</item>", closers)
    } else {
        ("</entry>", "</feed>")
    };
    let ends: Vec<usize> = text
        .match_indices(tag)
        .map(|(i, _)| i + tag.len())
        .collect();
    ends.into_iter().rev().map(move |end| {
        let mut repaired = text.as_bytes()[..end].to_vec();
        repaired.extend_from_slice(closers.as_bytes());
        repaired
    })
}

impl Feed {
    /// A short name for file names: the feed title's ASCII letters and digits,
    /// else `fallback`'s (the feed file's name), else `feed`.
    pub fn slug(&self, fallback: &str) -> String {
        let stem = fallback.rsplit_once('.').map_or(fallback, |(s, _)| s);
        [self.title.as_deref().unwrap_or(""), stem]
            .into_iter()
            .map(slugify)
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "feed".into())
    }

    /// The stable key of an entry: a hash of the feed's identity and the entry's id,
    /// so the same entry of the same feed always gets the same file name.
    pub fn key(&self, entry: &Entry) -> String {
        id_for(&format!("{}\n{}", self.identity, entry.id))
    }

    /// The file name an entry is written under: `<slug>--<key>.json`.
    pub fn file_name(&self, slug: &str, entry: &Entry) -> String {
        format!("{slug}--{}.json", self.key(entry))
    }

    /// An entry as a JSON item (the documented shape; feed fields kept beside).
    pub fn item_json(&self, entry: &Entry) -> String {
        let mut item = Map::new();
        let mut put = |k: &str, v: Option<&String>| {
            if let Some(v) = v {
                item.insert(k.into(), Value::String(v.clone()));
            }
        };
        put("title", entry.title.as_ref());
        put("html", entry.html.as_ref());
        put("body", entry.text.as_ref());
        put("url", entry.url.as_ref());
        put("date", entry.date.as_ref());
        put("source", self.title.as_ref());
        put("author", entry.author.as_ref());
        put("lang", self.lang.as_ref());
        put("feed_link", self.link.as_ref());
        item.insert("entry_id".into(), json!(entry.id));
        serde_json::to_string_pretty(&Value::Object(item)).unwrap_or_default()
    }
}

/// The key inside an entry's file name (`slug--<key>.json`, or `-2.json` after a
/// clash when filed), to know an entry already split.
pub fn key_in_name(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".json")?;
    let (_, tail) = stem.rsplit_once("--")?;
    let key = tail.get(..12)?;
    let rest = &tail[12..];
    let numbered = rest.is_empty()
        || rest
            .strip_prefix('-')
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    (key.bytes().all(|b| b.is_ascii_hexdigit()) && numbered).then_some(key)
}

fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 32 {
            break;
        }
    }
    slug.trim_matches('-').to_string()
}

/// The feed file itself as an item, until it is split: its title, and its
/// entries' titles as the body.
pub fn extract(name: &str, bytes: &[u8]) -> Document {
    let mut meta = Meta::default();
    let structure = match parse(bytes) {
        Ok(feed) => {
            meta.title = feed.title.clone();
            meta.lang = feed.lang.clone();
            meta.url = feed.link.clone();
            meta.notes = feed.notes.clone();
            meta.notes.push(format!(
                "a feed of {} entries: the inbox splits it into one item per entry",
                feed.entries.len()
            ));
            let blocks = feed
                .entries
                .iter()
                .filter_map(|e| e.title.clone())
                .map(|text| Block {
                    kind: BlockKind::Paragraph,
                    text: assemble::one_line(&text),
                });
            Structure {
                title: None,
                blocks: blocks.collect(),
            }
        }
        Err(err) => {
            meta.notes
                .push(format!("{err}; left in the inbox as it is"));
            Structure::default()
        }
    };
    assemble::assemble(name, Format::Feed, structure, meta)
}

mod xml;

#[cfg(test)]
mod tests;
