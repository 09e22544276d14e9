//! From a structure and what a format's metadata says to every field of an [`Article`].

use std::collections::BTreeMap;

use super::vocab::Vocab;
use super::{Article, BlockKind, Dir, Document, Format, Structure};
use super::{decode, id_for, keywords, lang, quotes, summary};

/// What a file says about itself: front matter, HTML meta tags, mail headers, JSON fields.
/// Every field is optional; absent ones are left to detection or stay empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    /// A declared language (`<html lang>`, `lang:`), checked against the body.
    pub lang: Option<String>,
    /// A declared direction (`dir="rtl"`).
    pub dir: Option<Dir>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// Other fields worth keeping (unknown JSON fields, a feed's name…).
    pub extra: BTreeMap<String, String>,
    pub notes: Vec<String>,
}

impl Meta {
    /// Keeps `value` for `slot` if the slot is empty and the value is not blank.
    pub fn offer(slot: &mut Option<String>, value: Option<&str>) {
        if slot.is_none()
            && let Some(v) = value.map(one_line).filter(|v| !v.is_empty())
        {
            *slot = Some(v);
        }
    }
}

/// Builds the article of `name` from its structure and metadata.
pub fn assemble(name: &str, format: Format, structure: Structure, meta: Meta) -> Document {
    let clean = |v: Option<String>| v.map(|v| one_line(&v)).filter(|v| !v.is_empty());
    let known_title = clean(meta.title);
    let title = known_title
        .clone()
        .or_else(|| structure.title.clone())
        .unwrap_or_else(|| name.to_string());
    let body_text = structure.body_text();
    // Detect from the body, else from a title the text gave; never from a file name.
    let sample = if body_text.trim().is_empty() {
        known_title
            .as_deref()
            .or(structure.title.as_deref())
            .unwrap_or("")
    } else {
        &body_text
    };
    let declared = clean(meta.lang).map(|l| primary_subtag(&l));
    let (lang, detected_dir) = match declared {
        // A declaration the script agrees with is taken without running detection
        // (a template's `lang="en"` over Arabic text is not).
        Some(d) if is_rtl_lang(&d) == (lang::direction_of(head(sample)) == Dir::Rtl) => {
            let dir = if is_rtl_lang(&d) { Dir::Rtl } else { Dir::Ltr };
            (Some(d), dir)
        }
        declared => {
            let (detected, dir) = lang::detect(sample);
            (detected.or(declared), dir)
        }
    };
    let dir = meta.dir.unwrap_or(detected_dir);
    // Split and fold once: the count, the keywords and the signature all need the words.
    let vocab = Vocab::new(&body_text);
    let mut article = Article {
        id: id_for(name),
        format,
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
        keywords: keywords::keywords_in(&title, &body_text, &vocab, lang.as_deref()),
        words: vocab.len(),
        dir,
        date: clean(meta.date).map(|d| iso_date(&d)),
        source: clean(meta.source),
        author: clean(meta.author),
        url: clean(meta.url),
        meta: meta
            .extra
            .into_iter()
            .map(|(k, v)| (k, decode::sanitize(&v)))
            .collect(),
        notes: meta.notes,
        title,
        lang,
        ..Article::default()
    };
    article.reading_minutes = reading_minutes(&body_text, article.words);
    article.signature = crate::cluster::Signature::of_vocab(&vocab);
    Document { article, structure }
}

/// Languages written right to left.
fn is_rtl_lang(code: &str) -> bool {
    matches!(
        code,
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
    )
}

/// The start of a text, enough to judge its script.
fn head(text: &str) -> &str {
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `ar-SA` → `ar`, `EN_us` → `en`.
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .trim()
        .to_ascii_lowercase()
}

/// Sanitised and on one line: metadata comes from untrusted markup and headers.
pub fn one_line(text: &str) -> String {
    let clean = decode::sanitize(text);
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date as ISO 8601 where it can be read (RFC 2822 mail and RSS dates are
/// converted), so date queries can compare it; otherwise as written.
pub fn iso_date(raw: &str) -> String {
    let raw = raw.trim();
    let iso_prefix = raw.len() >= 10
        && raw.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if iso_prefix {
        return raw.to_string();
    }
    jiff::fmt::rfc2822::parse(raw).map_or_else(|_| raw.to_string(), |z| z.timestamp().to_string())
}

/// The first paragraph of running text, else the first non-chrome block.
pub fn lead_of(structure: &Structure) -> String {
    let first = structure
        .of_kind(BlockKind::Paragraph)
        .next()
        .or_else(|| structure.content().next());
    first.map(|b| b.text.clone()).unwrap_or_default()
}

/// Minutes at 200 words (or 400 CJK characters) a minute, rounded up.
pub fn reading_minutes(text: &str, words: usize) -> usize {
    // Every CJK character is three bytes long, led by a byte of E3 or more. The
    // greatest byte of each chunk is found on vector lanes (no early exit per byte).
    let high = |chunk: &[u8]| chunk.iter().fold(0, |m, &b| m.max(b)) >= 0xE3;
    let cjk = if text.as_bytes().chunks(256).any(high) {
        text.chars().filter(|c| lang::is_cjk(*c)).count()
    } else {
        0
    };
    let per_minute = if cjk * 2 > words { 400 } else { 200 };
    words.div_ceil(per_minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso() {
        assert_eq!(iso_date("2026-11-28"), "2026-11-28");
        assert_eq!(
            iso_date("2026-11-28T10:00:00+03:00"),
            "2026-11-28T10:00:00+03:00"
        );
        assert_eq!(
            iso_date("Sat, 28 Nov 2026 10:00:00 +0000"),
            "2026-11-28T10:00:00Z"
        );
        assert_eq!(iso_date("last Tuesday"), "last Tuesday");
    }

    #[test]
    fn a_template_language_loses_to_the_script() {
        let body = Structure {
            title: None,
            blocks: vec![super::super::Block {
                kind: BlockKind::Paragraph,
                text: "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.".into(),
            }],
        };
        let with = |lang: &str| Meta {
            lang: Some(lang.into()),
            ..Meta::default()
        };
        let a = assemble("a.html", Format::Html, body.clone(), with("en-US")).article;
        assert_eq!((a.lang.as_deref(), a.dir), (Some("ar"), Dir::Rtl));
        let a = assemble("a.html", Format::Html, body, with("ar-SA")).article;
        assert_eq!((a.lang.as_deref(), a.dir), (Some("ar"), Dir::Rtl));
        assert_eq!(primary_subtag("EN_us"), "en");
    }

    #[test]
    fn metadata_is_sanitised_to_one_line() {
        assert_eq!(one_line("  a\x1b[2J\n b\u{202E}c "), "a bc");
    }
}
