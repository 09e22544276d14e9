//! HTML pages: the main content (readability, by dom_smoothie), metadata, charset.

mod blocks;
pub mod charset;
mod meta;
mod strip;

use dom_query::Document as Dom;
use dom_smoothie::{Config, ParsePolicy, Readability};

use super::assemble::{self, Meta};
use super::text::{ends_sentence, is_prose, word_count};
use super::{Block, BlockKind, Document, Format, Structure, boilerplate, decode};
use blocks::{Filter, RawBlock};

/// Markup nested deeper than this is not given to the readability pass, whose
/// cleaning searches every element's descendants (work of elements × depth: 400
/// nested `<div>`s in 2 KB took over 10 s under the fuzzer); the page is read whole
/// instead. The deepest of the 181 Zyte benchmark pages nests 51 levels (median 16).
pub const MAX_DEPTH: usize = 128;

/// How the markup is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A web page: find the article in it, drop the rest.
    Page,
    /// Already the article (a feed entry's or a JSON item's HTML): keep all its text.
    Fragment,
}

/// Reads a saved web page from its bytes.
pub fn extract(name: &str, bytes: &[u8]) -> Document {
    let page = match charset::decode_page(bytes) {
        Ok(page) => page,
        Err(err) => return super::unreadable_as_binary(name, &err),
    };
    let (structure, mut meta) = read(&page.text, Mode::Page);
    let mut notes = page.notes;
    notes.append(&mut meta.notes);
    meta.notes = notes;
    if meta.date.is_none() {
        meta.date = super::date_in_name(name);
    }
    let mut doc = assemble::assemble(name, Format::Html, structure, meta);
    if doc.structure.body_text().trim().is_empty() {
        doc.article.notes.push("no body text".into());
    }
    doc
}

/// The structure and metadata of HTML text.
pub fn read(html: &str, mode: Mode) -> (Structure, Meta) {
    let html = strip::without_scripts(html);
    let html = html.as_ref();
    let depth = nesting_depth(html);
    let mut readability = Readability::from(html);
    readability.config = Config::default();
    let (mut meta, headline) = meta::of(&readability.doc);
    let page = mode == Mode::Page && depth <= MAX_DEPTH;
    let found = if page {
        main_content(&mut readability, html)
    } else {
        None
    };
    let raw = match found {
        Some((raw, found)) => {
            meta::with_readability(&mut meta, &found, headline);
            raw
        }
        None => {
            if depth > MAX_DEPTH {
                meta.notes.push(format!(
                    "markup nested {depth} levels deep: read whole, without looking for the article in it"
                ));
            } else if mode == Mode::Page {
                meta.notes
                    .push("no article found in the page: read whole, less its navigation".into());
            }
            // A failed readability pass has changed the document: start again.
            let dom = if page {
                Dom::from(html)
            } else {
                readability.doc
            };
            let title = dom.select_single("title").text();
            let h1 = dom.select_single("h1").text();
            let title = [title.trim(), h1.trim()]
                .into_iter()
                .find(|t| !t.is_empty());
            Meta::offer(&mut meta.title, headline.as_deref().or(title));
            let root = dom.body().unwrap_or_else(|| dom.root());
            blocks::blocks(&root, Filter::Chrome)
        }
    };
    let drop = if mode == Mode::Page {
        Drop::for_page(&raw)
    } else {
        Drop::NONE
    };
    (classify(raw, &meta, drop), meta)
}

/// The article readability finds, as blocks, with its metadata.
///
/// The strict pass alone usually finds it; only when it finds little (under
/// readability's 500 characters) does the full sieve of looser passes run, on a
/// fresh parse — cheaper than the copy of the page every sieve keeps.
fn main_content(
    readability: &mut Readability,
    html: &str,
) -> Option<(Vec<RawBlock>, dom_smoothie::Metadata)> {
    let article = match readability.parse_with_policy(ParsePolicy::Strict) {
        Ok(article) if article.length >= STRICT_ENOUGH => article,
        _ => {
            *readability = Readability::from(html);
            readability.parse().ok()?
        }
    };
    let root = readability.doc.select_single("#readability-page-1");
    let root = root.nodes().first()?;
    let raw = blocks::blocks(root, Filter::Article);
    let found = dom_smoothie::Metadata {
        title: article.title,
        byline: article.byline,
        site_name: article.site_name,
        published_time: article.published_time,
        url: article.url,
        lang: article.lang,
        dir: article.dir,
        ..dom_smoothie::Metadata::default()
    };
    (!raw.is_empty()).then_some((raw, found))
}

/// Readability's own threshold for "found enough" (its `char_threshold`).
const STRICT_ENOUGH: usize = 500;

/// What [`classify`] leaves out of a page's article besides chrome lines.
#[derive(Debug, Clone, Copy)]
struct Drop {
    /// Figure captions and photo credits (the benchmark's bodies have none).
    captions: bool,
    /// Blocks that are mostly link text: related stories, tag lists.
    links: bool,
}

impl Drop {
    /// For a page: captions go, and link blocks unless links are most of the text
    /// (a newsletter of links is its links).
    fn for_page(raw: &[RawBlock]) -> Drop {
        let (mut linked, mut all) = (0, 0);
        for b in raw {
            all += b.text.len();
            linked += if b.linked { b.text.len() } else { 0 };
        }
        Drop {
            captions: true,
            links: linked * 2 < all,
        }
    }

    /// For a fragment someone already chose (a feed entry, a JSON item): keep all.
    const NONE: Drop = Drop {
        captions: false,
        links: false,
    };
}

/// Gives each block its kind: headings are subheadings; chrome, running text,
/// and short lines (bylines, datelines) shown muted as preamble. A heading that
/// repeats the title is dropped.
fn classify(raw: Vec<RawBlock>, meta: &Meta, drop: Drop) -> Structure {
    let title = meta.title.as_deref();
    let same = |a: &str, b: &str| {
        a.split_whitespace().eq(b.split_whitespace()) || a.trim().eq_ignore_ascii_case(b.trim())
    };
    let mut blocks: Vec<Block> = Vec::with_capacity(raw.len());
    let mut seen_text = false;
    for b in raw {
        let text = decode::sanitize(&b.text).trim().to_string();
        if text.is_empty() {
            continue;
        }
        if b.heading && !seen_text && title.is_some_and(|t| same(t, &text) || title_has(t, &text)) {
            continue;
        }
        let chrome = (b.caption && drop.captions) || (b.linked && drop.links);
        let byline = !seen_text && !b.heading && is_byline(&text, meta.author.as_deref());
        let kind = if chrome || byline || boilerplate::is_boilerplate(&text) {
            BlockKind::Boilerplate
        } else if b.heading && word_count(&text) <= 25 {
            BlockKind::Subheading
        } else if is_prose(&text) || (ends_sentence(&text) && word_count(&text) >= 2) {
            BlockKind::Paragraph
        } else {
            BlockKind::Preamble
        };
        seen_text |= kind == BlockKind::Paragraph;
        blocks.push(Block { kind, text });
    }
    Structure {
        title: title.map(str::to_string),
        blocks,
    }
}

/// Words that open a byline, in the languages of the sample inbox and more.
const BYLINE_WORDS: &[&str] = &[
    "By ",
    "BY ",
    "by ",
    "Por ",
    "Von ",
    "Par ",
    "Di ",
    "Door ",
    "Av ",
    "بقلم",
    "كتب ",
    "Автор",
];

/// A short line before the article's first paragraph that names its writer:
/// the author field already holds it.
fn is_byline(text: &str, author: Option<&str>) -> bool {
    word_count(text) <= 12
        && (BYLINE_WORDS.iter().any(|w| text.starts_with(w))
            || author.is_some_and(|a| a.chars().count() >= 4 && text.contains(a.trim())))
        && !ends_sentence(text)
}

/// A page title is often the headline and the site: "Headline - Site", "Site | Headline".
fn title_has(title: &str, heading: &str) -> bool {
    const SEPARATORS: [&str; 5] = [" - ", " | ", " – ", " — ", " :: "];
    let heading = heading.trim();
    heading.chars().count() >= 12
        && SEPARATORS.iter().any(|s| {
            title
                .split(s)
                .any(|part| part.trim().eq_ignore_ascii_case(heading))
        })
}

/// Tags that do not nest: void elements, and ones so often left open that
/// counting them would only add noise.
const FLAT: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"p", b"li", b"option", b"td", b"tr", b"th",
];

/// The deepest element nesting in the markup, estimated from the tags alone,
/// skipping comments, scripts and styles. Linear, no parsing.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max, mut at) = (0usize, 0usize, 0usize);
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let rest = &bytes[at + i + 1..];
        at += i + 1;
        if rest.starts_with(b"!--") {
            at += memchr::memmem::find(rest, b"-->").unwrap_or(rest.len());
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name = &rest[usize::from(closing)..];
        let end = name
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let name = &name[..end];
        if name.is_empty()
            || !name[0].is_ascii_alphabetic()
            || FLAT.iter().any(|f| f.eq_ignore_ascii_case(name))
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
            at += raw_text_end(rest, name);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Where a script's or style's text ends: at its closing tag, in any case.
fn raw_text_end(rest: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&rest[at..], b"</") {
        let tag = &rest[at + i + 2..];
        at += i + 2;
        if tag.len() >= name.len() && tag[..name.len()].eq_ignore_ascii_case(name) {
            return at;
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests;
