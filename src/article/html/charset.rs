//! An HTML page's bytes to text: the BOM, else the declared charset (checked), else a guess.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::article::decode;

/// How far into the page a `<meta charset>` is looked for (the HTML standard
/// says 1024 bytes; real pages put it later behind long comments and scripts).
const PRESCAN: usize = 4096;

/// A decoded page and what was noticed about its encoding.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub text: String,
    pub notes: Vec<String>,
}

/// Decodes a page: a BOM wins; a declared charset is used unless the bytes show
/// it is wrong (malformed for it, valid UTF-8 declared as something else, or a
/// legacy non-Latin page declared Western); without either, UTF-8 or a guess.
/// The text is not sanitised here: what is shown of it is, block by block.
pub fn decode_page(bytes: &[u8]) -> Result<Page, decode::DecodeError> {
    let mut notes = Vec::new();
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if encoding != UTF_8 {
            notes.push(format!("decoded from {}", encoding.name()));
        }
        return Ok(Page {
            text: text.into_owned(),
            notes,
        });
    }
    decode::check_binary(bytes)?;
    let encoding = match declared(bytes) {
        Some(declared) => {
            let encoding = choose(bytes, declared);
            if encoding != declared {
                notes.push(format!(
                    "the page declares {} but is {}; read as {}",
                    declared.name(),
                    encoding.name(),
                    encoding.name()
                ));
            }
            encoding
        }
        None if is_utf8(bytes) => UTF_8,
        None => guess(bytes),
    };
    if encoding != UTF_8 && notes.is_empty() {
        notes.push(format!("decoded from {}", encoding.name()));
    }
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    // A page cut at the byte cap may end in half a character: not worth a note.
    if lossy && !(encoding == UTF_8 && is_utf8(bytes)) {
        notes.push("some bytes were not valid text and were replaced".into());
    }
    Ok(Page {
        text: text.into_owned(),
        notes,
    })
}

/// Valid UTF-8, allowing a sequence cut short at the very end.
fn is_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The encoding to read with, given the declared one.
fn choose(bytes: &[u8], declared: &'static Encoding) -> &'static Encoding {
    let utf8 = is_utf8(bytes);
    if declared == UTF_8 {
        return if utf8 { UTF_8 } else { guess(bytes) };
    }
    if utf8 && !bytes.is_ascii() {
        // Legacy bytes are almost never valid UTF-8 by chance.
        return UTF_8;
    }
    let malformed = declared
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_none();
    if malformed {
        return guess(bytes);
    }
    if declared == WINDOWS_1252 {
        // A Western declaration over Arabic or Cyrillic bytes: every byte
        // decodes, as mojibake. Enough high bytes and a confident other guess win.
        let high = bytes.iter().filter(|b| **b >= 0x80).count();
        let guessed = guess(bytes);
        if high >= 64 && high * 100 >= bytes.len() && guessed != WINDOWS_1252 {
            return guessed;
        }
    }
    declared
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset a page declares in its first bytes: `<meta charset>`, a
/// `http-equiv` content type, or an XML declaration. UTF-16 labels mean UTF-8
/// here, as in browsers (a real UTF-16 page has a BOM).
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&head[at..], b"charset") {
        let start = at + i + b"charset".len();
        at = start;
        // Only inside a tag: the nearest `<` before it is closer than the nearest `>`.
        let before = &head[..start];
        let lt = before.iter().rposition(|b| *b == b'<');
        let gt = before.iter().rposition(|b| *b == b'>');
        if lt.is_none() || gt > lt {
            continue;
        }
        let rest = head[start..].trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = rest.trim_ascii_start();
        let rest = rest
            .strip_prefix(b"\"")
            .or(rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(rest.len());
        if let Some(encoding) = Encoding::for_label(&rest[..end]) {
            return Some(encoding.output_encoding());
        }
    }
    xml_encoding(head)
}

/// `<?xml version="1.0" encoding="…"?>`
pub fn xml_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let decl = head.trim_ascii_start().strip_prefix(b"<?xml")?;
    let end = memchr::memmem::find(decl, b"?>")?;
    let decl = &decl[..end];
    let i = memchr::memmem::find(decl, b"encoding")?;
    let rest = decl[i + 8..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let quote = *rest.first()?;
    let rest = &rest[1..];
    let end = rest.iter().position(|b| *b == quote)?;
    Encoding::for_label(&rest[..end]).map(Encoding::output_encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية بعد موسم جاف طويل، وقال الوزير إن الدعم سيصل قبل نهاية الشهر إلى كل القرى.";

    fn page(charset: &str, body: &str) -> String {
        format!(
            "<html><head><meta charset=\"{charset}\"><title>t</title></head><body><p>{body}</p></body></html>"
        )
    }

    #[test]
    fn finds_the_declaration() {
        assert_eq!(
            declared(b"<meta charset=windows-1256>"),
            Some(encoding_rs::WINDOWS_1256)
        );
        assert_eq!(
            declared(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            declared(b"<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(declared(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(declared(b"<p>the word charset=latin1 in text</p>"), None);
    }

    #[test]
    fn honours_a_true_declaration() {
        let html = page("windows-1256", ARABIC);
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
        let p = decode_page(&bytes).expect("decodes");
        assert!(p.text.contains(ARABIC));
        assert_eq!(p.notes, ["decoded from windows-1256"]);
    }

    #[test]
    fn sniffs_when_the_declaration_lies() {
        // Arabic windows-1256 bytes declared as UTF-8, and declared as Latin-1.
        for charset in ["utf-8", "iso-8859-1"] {
            let html = page(charset, ARABIC);
            let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
            let p = decode_page(&bytes).expect("decodes");
            assert!(p.text.contains(ARABIC), "{charset}: {}", p.text);
            assert!(p.notes[0].contains("but is windows-1256"), "{:?}", p.notes);
        }
        // UTF-8 bytes declared as windows-1252.
        let p = decode_page(page("windows-1252", ARABIC).as_bytes()).expect("decodes");
        assert!(p.text.contains(ARABIC));
        assert!(p.notes[0].contains("but is UTF-8"), "{:?}", p.notes);
    }

    #[test]
    fn keeps_a_true_western_declaration() {
        let html = page(
            "windows-1252",
            "Le café est fermé à cause de la grève, dit-on à Paris.",
        );
        let (bytes, _, _) = WINDOWS_1252.encode(&html);
        let p = decode_page(&bytes).expect("decodes");
        assert!(p.text.contains("café est fermé"));
    }
}
