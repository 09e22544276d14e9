//! XML feed bytes made safe for feed-rs: decoded to UTF-8 here, so that its XML reader
//! (quick-xml 0.42) never switches encoding. It panics when a declaration asks for
//! another encoding after it has read past its first 64 bytes: a long or damaged
//! declaration, one further down the file, or a UTF-16 guess from NUL bytes.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::article::html::charset::xml_encoding;

/// The feed as UTF-8 (from its BOM or declared encoding, bad bytes replaced), without
/// NUL characters (not allowed in XML) and without declarations naming an encoding.
/// A JSON feed (a `{` before any `<`, as feed-rs decides) passes as it is.
pub fn as_utf8(bytes: &[u8]) -> Cow<'_, [u8]> {
    if bytes.iter().find(|b| matches!(b, b'<' | b'{')) == Some(&b'{') {
        return Cow::Borrowed(bytes);
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, &bytes[bom..]),
        None => (xml_encoding(bytes).unwrap_or(UTF_8), bytes),
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let text = without_encoding_declarations(&text.replace('\0', ""));
    if text.as_bytes() == bytes {
        Cow::Borrowed(bytes)
    } else {
        Cow::Owned(text.into_bytes())
    }
}

/// `text` less every XML declaration (`<?xml …?>`, which quick-xml recognises anywhere)
/// that names an encoding: the text is UTF-8 now, whatever it said.
fn without_encoding_declarations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<?xml") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let kept = match declaration(from) {
            Some(decl) if decl.to_ascii_lowercase().contains("encoding") => "",
            Some(decl) => decl,
            None => "<?xml",
        };
        out.push_str(kept);
        rest = &from[declaration(from).map_or(5, str::len)..];
    }
    out.push_str(rest);
    out
}

/// The XML declaration `from` starts with: `<?xml`, then `?` or a space, to `?>`.
fn declaration(from: &str) -> Option<&str> {
    let after = from.strip_prefix("<?xml")?;
    if !after.starts_with(|c: char| c == '?' || c.is_ascii_whitespace()) {
        return None;
    }
    let end = after.find("?>")?;
    Some(&from[..5 + end + 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(bytes: &[u8]) -> String {
        String::from_utf8(as_utf8(bytes).into_owned()).expect("UTF-8")
    }

    #[test]
    fn latin1_is_decoded_and_its_declaration_dropped() {
        let feed =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Caf\xe9</title></rss>";
        assert_eq!(utf8(feed), "<rss><title>Caf\u{e9}</title></rss>");
    }

    #[test]
    fn utf8_without_an_encoding_passes_as_it_is() {
        let feed = "<?xml version=\"1.0\"?><rss><title>Café</title></rss>".as_bytes();
        assert!(matches!(as_utf8(feed), Cow::Borrowed(_)));
        let json = b"{\"version\":\"https://jsonfeed.org/version/1\",\"x\":\"<\xff\"}";
        assert!(matches!(as_utf8(json), Cow::Borrowed(_)));
    }

    #[test]
    fn declarations_further_down_and_nul_bytes_go() {
        let feed = b"<rss>\0<?xml encoding='utf-16'?><?xml-stylesheet href='a'?><?xml version='1.0'?></rss>";
        assert_eq!(
            utf8(feed),
            "<rss><?xml-stylesheet href='a'?><?xml version='1.0'?></rss>"
        );
        assert_eq!(utf8(b"<rss><?xml encoding"), "<rss><?xml encoding");
    }
}
