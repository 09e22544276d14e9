//! Which reader a file needs: from its extension, else from its first bytes.

use super::Format;

/// How far into a file the sniffers look.
const HEAD: usize = 1024;

/// The format of a file named `name` starting with `bytes`. Extensions decide
/// (`.html`/`.htm`, `.eml`, `.json`, `.rss`/`.atom`/`.xml` feeds), else the content
/// is sniffed: an HTML page, a feed or a mail saved under another name is still
/// read as one. Everything else is text ([`Format::Text`], refined later).
pub fn format(name: &str, bytes: &[u8]) -> Format {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head = head(bytes);
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "eml" => Format::Email,
        "rss" | "atom" => Format::Feed,
        "json" if is_json_feed(head) => Format::Feed,
        "json" => Format::Json,
        _ if is_feed(head) => Format::Feed,
        _ if is_html(head) => Format::Html,
        _ => Format::Text,
    }
}

/// The first bytes, after a UTF-8 BOM and leading whitespace.
fn head(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..bytes.len().min(start + HEAD)]
}

fn starts_with_ci(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// A document whose first tag (after an XML declaration, comments and a doctype)
/// is `<html`, `<head` or `<body`, or that opens with an HTML doctype.
pub fn is_html(head: &[u8]) -> bool {
    if starts_with_ci(head, b"<!doctype html") {
        return true;
    }
    first_tag(head).is_some_and(|tag| {
        ["html", "head", "body"]
            .iter()
            .any(|t| tag.eq_ignore_ascii_case(t.as_bytes()))
    })
}

/// An XML document whose root is `<rss>`, `<feed>` (Atom) or `<rdf:RDF>` (RSS 1.0).
pub fn is_feed(head: &[u8]) -> bool {
    first_tag(head).is_some_and(|tag| {
        ["rss", "feed", "rdf:RDF"]
            .iter()
            .any(|t| tag.eq_ignore_ascii_case(t.as_bytes()))
    })
}

/// A JSON Feed: an object naming the jsonfeed.org version near its start.
pub fn is_json_feed(head: &[u8]) -> bool {
    head.starts_with(b"{") && memchr::memmem::find(head, b"jsonfeed.org/version").is_some()
}

/// The name of the first element of a markup document, skipping the XML
/// declaration, processing instructions, comments and doctypes.
fn first_tag(mut rest: &[u8]) -> Option<&[u8]> {
    loop {
        rest = rest.trim_ascii_start();
        if !rest.starts_with(b"<") {
            return None;
        }
        let skip_to = |end: &[u8]| memchr::memmem::find(rest, end).map(|i| i + end.len());
        if rest.starts_with(b"<!--") {
            rest = &rest[skip_to(b"-->")?..];
        } else if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            rest = &rest[skip_to(b">")?..];
        } else {
            let name = &rest[1..];
            let end = name
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
                .unwrap_or(name.len());
            return (end > 0).then(|| &name[..end]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_decide() {
        assert_eq!(format("a.HTML", b"hello"), Format::Html);
        assert_eq!(format("a.htm", b""), Format::Html);
        assert_eq!(format("m.eml", b"Subject: x"), Format::Email);
        assert_eq!(format("i.json", b"{\"title\": \"x\"}"), Format::Json);
        assert_eq!(
            format(
                "f.json",
                b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"
            ),
            Format::Feed
        );
        assert_eq!(format("f.rss", b""), Format::Feed);
    }

    #[test]
    fn content_is_sniffed_under_other_names() {
        assert_eq!(
            format("page.txt", b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"),
            Format::Html
        );
        assert_eq!(
            format("saved", b"<!-- saved --><html lang=ar>"),
            Format::Html
        );
        assert_eq!(
            format(
                "news.xml",
                b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
            ),
            Format::Feed
        );
        assert_eq!(
            format("a.xml", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(format("x", b"<rdf:RDF xmlns:rdf=\"...\">"), Format::Feed);
    }

    #[test]
    fn text_that_mentions_tags_stays_text() {
        assert_eq!(
            format("a.txt", b"How to write <html> by hand\n\nA guide."),
            Format::Text
        );
        assert_eq!(
            format("notes.xml", b"<notes><n>1</n></notes>"),
            Format::Text
        );
        assert_eq!(format("a.md", b"# Title\n\n<html> is a tag"), Format::Text);
    }
}
