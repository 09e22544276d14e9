//! Bytes to text: BOMs, legacy charsets, binary detection, control-character stripping.

use encoding_rs::{Encoding, UTF_8};

use super::scan::{ByteSet, byte_set, next_in};

/// Text decoded from a file, with the name of the charset it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// True when malformed sequences were replaced by U+FFFD.
    pub lossy: bool,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DecodeError {
    #[error("not a text file (it contains NUL bytes)")]
    Binary,
    #[error("not a text file ({0} % control bytes)")]
    ControlBytes(usize),
}

/// Decodes file bytes to sanitised text, honouring a BOM, else UTF-8, else a
/// guess by chardetng (what Firefox uses).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(finish(&text, encoding, lossy));
    }
    check_binary(bytes)?;
    // encoding_rs checks UTF-8 on vector lanes (simdutf8), several times faster than
    // `std::str::from_utf8` on non-ASCII text; valid text is borrowed, not copied.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(finish(&text, UTF_8, false));
    }
    let valid_up_to = Encoding::utf8_valid_up_to(bytes);
    // A file cut at the byte cap may end in half a UTF-8 sequence.
    if bytes.len() - valid_up_to < 4 && valid_up_to > 0 {
        let (text, _) = UTF_8.decode_without_bom_handling(&bytes[..valid_up_to]);
        return Ok(finish(&text, UTF_8, false));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Ok(finish(&text, encoding, lossy))
}

/// Refuses bytes that are not text: NUL bytes, or many control bytes, near the start.
pub fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    let percent = controls * 100 / sample.len().max(1);
    if sample.len() >= 32 && percent >= 10 {
        return Err(DecodeError::ControlBytes(percent));
    }
    Ok(())
}

fn finish(text: &str, encoding: &'static Encoding, lossy: bool) -> Decoded {
    Decoded {
        text: sanitize(text),
        encoding: encoding.name(),
        lossy,
    }
}

/// Is this a character that must never reach a terminal from an article: a C0
/// or C1 control (other than newline and tab) or a bidi override/embedding/isolate.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Normalises line ends to `\n`, removes escape sequences and unsafe characters.
/// Runs of ordinary text are copied at once; only the bytes that can begin a
/// control, an escape, a tab, a bidi override or a BOM are looked at closely.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    loop {
        i = next_in(bytes, i, &SUSPECT);
        if i >= bytes.len() {
            break;
        }
        // Those bytes are ASCII or lead bytes, so `i` is on a character boundary.
        let c = text[i..].chars().next().unwrap_or(' ');
        if !matches!(c, '\r' | '\x1b' | '\t') && !is_unsafe_char(c) {
            i += c.len_utf8();
            continue;
        }
        out.push_str(&text[run..i]);
        i = match c {
            '\r' => {
                if bytes.get(i + 1) != Some(&b'\n') {
                    out.push('\n');
                }
                i + 1
            }
            '\x1b' => i + 1 + escape_len(&text[i + 1..]),
            '\t' => {
                out.push(' ');
                i + 1
            }
            c => i + c.len_utf8(),
        };
        run = i;
    }
    out.push_str(&text[run..]);
    out
}

/// The bytes that may begin something unsafe: ASCII controls and DEL, and the
/// lead bytes of U+0080–U+00BF (C1 controls), U+2000–U+2FFF (bidi overrides and
/// isolates) and U+F000–U+FFFF (the BOM).
const SUSPECT: ByteSet = byte_set(&[
    (0x00, 0x1F),
    (0x7F, 0x7F),
    (0xC2, 0xC2),
    (0xE2, 0xE2),
    (0xEF, 0xEF),
]);

/// How many bytes of `rest` (what follows an ESC) belong to the escape sequence
/// (CSI, OSC, DCS or a two-byte escape), so its printable payload does not leak
/// into the text either.
fn escape_len(rest: &str) -> usize {
    let mut chars = rest.char_indices().peekable();
    let end = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        chars.peek().map_or(rest.len(), |&(i, _)| i)
    };
    match chars.next() {
        Some((_, '[')) => {
            for (_, c) in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some((_, ']' | 'P' | '_' | '^' | 'X')) => {
            while let Some((_, c)) = chars.next() {
                if c == '\x07' || c == '\u{9c}' || c == '\n' {
                    break;
                }
                if c == '\x1b' {
                    if matches!(chars.peek(), Some((_, '\\'))) {
                        chars.next();
                    }
                    break;
                }
            }
        }
        _ => {}
    }
    end(&mut chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain character-by-character sanitiser: the reference for the fast one.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' => out.push('\n'),
                '\x1b' => match chars.next() {
                    Some('[') => {
                        for c in chars.by_ref() {
                            if ('@'..='~').contains(&c) {
                                break;
                            }
                        }
                    }
                    Some(']' | 'P' | '_' | '^' | 'X') => {
                        while let Some(c) = chars.next() {
                            if matches!(c, '\x07' | '\u{9c}' | '\n') {
                                break;
                            }
                            if c == '\x1b' {
                                if chars.peek() == Some(&'\\') {
                                    chars.next();
                                }
                                break;
                            }
                        }
                    }
                    _ => {}
                },
                '\t' => out.push(' '),
                c if is_unsafe_char(c) => {}
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_fast_sanitiser_equals_the_plain_one(
            picks in proptest::collection::vec(0..20usize, 0..60)
        ) {
            const PIECES: [&str; 20] = [
                "a", "س", "\r", "\n", "\r\n", "\t", "\x1b", "[", "]", "31m", "\x07", "\\",
                "\u{9c}", "\u{85}", "\u{a0}", "\u{202e}", "\u{2067}", "\u{feff}", "’", "\u{7f}",
            ];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(sanitize(&text), reference(&text));
            // Long safe runs between them, so whole chunks are skipped too.
            let spaced: String = picks
                .iter()
                .map(|&i| format!("{}{}", PIECES[i], "قال الوزير ".repeat(i % 4)))
                .collect();
            proptest::prop_assert_eq!(sanitize(&spaced), reference(&spaced));
        }
    }

    #[test]
    fn decodes_utf8_and_utf16_with_bom() {
        assert_eq!(decode("سلام".as_bytes()).unwrap().text, "سلام");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "héllo".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("héllo", "UTF-16LE"));
    }

    #[test]
    fn guesses_windows_1256_arabic() {
        let text = "أعلنت موسكو أن الاتصالات بين العسكريين الروس والأمريكيين حول سوريا مستمرة";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.text, text);
    }

    #[test]
    fn guesses_windows_1251_cyrillic() {
        let text = "Москва объявила, что контакты между военными продолжаются";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        assert_eq!(decode(&bytes).unwrap().text, text);
    }

    #[test]
    fn refuses_binary() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        let noise: Vec<u8> = (0..64).map(|i| (i % 8) as u8 + 1).collect();
        assert!(matches!(decode(&noise), Err(DecodeError::ControlBytes(_))));
    }

    #[test]
    fn strips_escapes_controls_and_bidi_overrides() {
        let hostile =
            "a\x1b[2Jb\x1b]52;c;SGVsbG8=\x07c\x1b]0;pwned\x1b\\d\u{202E}e\u{7}f\u{85}g\r\nh";
        assert_eq!(sanitize(hostile), "abcdefg\nh");
    }

    #[test]
    fn keeps_text_cut_mid_sequence() {
        let bytes = "إدلب".as_bytes();
        let d = decode(&bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(d.text, "إدل");
    }
}
