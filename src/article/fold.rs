//! Matching-only normalisation (TEXT.md §4): never used for display.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: NFKC, lower case, no combining marks (harakat),
/// no tatweel, one alef, and the light Arabic folds ى→ي and ة→ه.
pub fn fold(text: &str) -> String {
    fold_cow(text).into_owned()
}

/// [`fold`], borrowing the text when folding would not change it (most words).
pub fn fold_cow(text: &str) -> Cow<'_, str> {
    if unchanged_prefix(text) == text.len() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Appends the [`fold`] of `text` to `out` without allocating on the common path.
pub fn fold_into(out: &mut String, text: &str) {
    let start = out.len();
    // Most of a text folds to itself, between the odd letter that changes (أ, ة,
    // a capital): copy each unchanged run at once, fold the changing letter alone.
    let mut rest = text;
    loop {
        let same = unchanged_prefix(rest);
        out.push_str(&rest[..same]);
        rest = &rest[same..];
        let Some(c) = rest.chars().next() else {
            return;
        };
        match fold_fast(c) {
            Fast::Push(f) => out.push(f),
            Fast::Drop => {}
            Fast::Slow => {
                // NFKC can compose across characters: redo the whole text the slow way.
                out.truncate(start);
                out.push_str(&fold_slow(text));
                return;
            }
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// Does the character `code` fold to itself as [`unchanged_prefix`] sees it:
/// ASCII but the capitals, and the characters of the Arabic block the fold
/// leaves alone (never one NFKC may compose with a neighbour)?
pub const fn folds_to_itself(code: u32) -> bool {
    if code < 0x80 {
        return !(code as u8).is_ascii_uppercase();
    }
    code >= 0x600 && code < 0x700 && ARABIC[(code - 0x600) as usize] == code
}

/// The length in bytes of the longest prefix of `text` that folds to itself,
/// read from the bytes for ASCII and the Arabic block.
pub(crate) fn unchanged_prefix(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut same = 0;
    while same < bytes.len() {
        let b = bytes[same];
        if b < 0x80 && !b.is_ascii_uppercase() {
            same += 1;
        } else if (0xD8..=0xDB).contains(&b) {
            // In valid UTF-8 these lead bytes start the two-byte sequences of U+0600–U+06FF.
            let code = (u32::from(b & 0x1F) << 6) | u32::from(bytes[same + 1] & 0x3F);
            if ARABIC[(code - 0x600) as usize] != code {
                break;
            }
            same += 2;
        } else {
            break;
        }
    }
    same
}

/// The [`fold`] of a lone common character without allocating: `Some(None)` when
/// it folds away, `Some(Some(f))` when it becomes `f`, `None` when only [`fold`]
/// can say (NFKC may compose it with a neighbour).
pub fn fold_simple(c: char) -> Option<Option<char>> {
    match fold_fast(c) {
        Fast::Push(f) => Some(Some(f)),
        Fast::Drop => Some(None),
        Fast::Slow => None,
    }
}

enum Fast {
    Push(char),
    Drop,
    Slow,
}

/// The fold of one character when NFKC cannot change it or compose it with a
/// neighbour: ASCII, the Arabic block (less the marks that compose with a
/// letter, U+0653–U+0655, and the letters with compatibility forms, U+0675–U+0678)
/// and common punctuation. Most news text never leaves this path.
#[inline]
fn fold_fast(c: char) -> Fast {
    let code = c as u32;
    if code < 0x80 {
        return Fast::Push(c.to_ascii_lowercase());
    }
    if (0x600..0x700).contains(&code) {
        return match ARABIC[(code - 0x600) as usize] {
            DROP => Fast::Drop,
            SLOW => Fast::Slow,
            // The table holds only characters of the Arabic block.
            folded => char::from_u32(folded).map_or(Fast::Slow, Fast::Push),
        };
    }
    match c {
        '\u{A0}' => Fast::Push(' '),
        '«' | '»' | '“' | '”' | '‘' | '’' | '–' | '—' | '\u{200C}'..='\u{200F}' => {
            Fast::Push(c)
        }
        _ => Fast::Slow,
    }
}

const DROP: u32 = 0;
const SLOW: u32 = 1;

/// What each character of the Arabic block folds to: itself, another letter,
/// nothing (tatweel, harakat and Quranic marks) or "take the slow path".
const ARABIC: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let c = 0x600 + i as u32;
        table[i] = match c {
            0x653..=0x655 | 0x675..=0x678 => SLOW,
            0x623 | 0x625 | 0x622 | 0x671 => 0x627, // إ أ آ ٱ → ا
            0x649 => 0x64A,                         // ى → ي
            0x629 => 0x647,                         // ة → ه
            0x640
            | 0x610..=0x61A
            | 0x64B..=0x65F
            | 0x670
            | 0x6D6..=0x6DC
            | 0x6DF..=0x6E4
            | 0x6E7..=0x6E8
            | 0x6EA..=0x6ED => DROP,
            _ => c,
        };
        i += 1;
    }
    table
};

/// The full fold: NFKC first, then the per-character folds.
fn fold_slow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        if is_combining_mark(c) || c == '\u{0640}' {
            continue;
        }
        match c {
            'إ' | 'أ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Arabic clitic prefixes a word may carry (longest first): `بإدلب` is `إدلب`.
pub const ARABIC_PREFIXES: &[&str] = &[
    "وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ك", "ل",
];

/// The forms of a folded word with each known clitic prefix removed, keeping at
/// least three letters of stem.
pub fn without_prefixes(word: &str) -> impl Iterator<Item = &str> {
    // Only the prefixes that start with the word's first letter can match.
    prefixes_of(first_two(word)).iter().filter_map(move |p| {
        let rest = word.strip_prefix(p)?;
        (rest.chars().nth(2).is_some()).then_some(rest)
    })
}

/// [`ARABIC_PREFIXES`] that start with the letter whose two UTF-8 bytes are
/// `head` (read as by [`first_two`]), in their order there.
fn prefixes_of(head: Option<u16>) -> &'static [&'static str] {
    /// The [`first_two`] of a letter of two UTF-8 bytes.
    const fn two(c: char) -> u16 {
        let c = c as u32;
        u16::from_le_bytes([(0xC0 | (c >> 6)) as u8, (0x80 | (c & 0x3F)) as u8])
    }
    const WAW: u16 = two('و');
    const BA: u16 = two('ب');
    const KAF: u16 = two('ك');
    const FA: u16 = two('ف');
    const LAM: u16 = two('ل');
    const ALEF: u16 = two('ا');
    match head {
        Some(WAW) => &["وبال", "وال", "و"],
        Some(BA) => &["بال", "ب"],
        Some(KAF) => &["كال", "ك"],
        Some(FA) => &["فال", "ف"],
        Some(LAM) => &["لل", "ل"],
        Some(ALEF) => &["ال"],
        _ => &[],
    }
}

/// The first two bytes as a number, compared in one instruction.
fn first_two(s: &str) -> Option<u16> {
    match s.as_bytes() {
        [a, b, ..] => Some(u16::from_le_bytes([*a, *b])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_fast_fold_equals_the_slow_one(
            picks in proptest::collection::vec(0..16usize, 0..30)
        ) {
            const ALPHABET: [&str; 16] = [
                "a", "B", "é", "e\u{0301}", "إ", "ا", "ة", "ى", "ـ", "\u{064E}", "و",
                "\u{0654}", "中", "…", " ", "ﻻ",
            ];
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            proptest::prop_assert_eq!(fold(&text), fold_slow(&text));
        }
    }

    #[test]
    fn folds_alef_harakat_tatweel_and_case() {
        assert_eq!(fold("إدلب"), "ادلب");
        assert_eq!(fold("سُورِيَا"), "سوريا");
        assert_eq!(fold("عـــاجل"), "عاجل");
        assert_eq!(fold("Idlib"), "idlib");
        assert_eq!(fold("سورية"), "سوريه");
        assert_eq!(fold("ﻻ"), "لا");
    }

    #[test]
    fn fast_path_agrees_with_nfkc_on_every_character_it_takes() {
        let marks = ['\u{064B}', '\u{0650}', '\u{0651}', '\u{0670}', '\u{06E1}'];
        for c in ('\0'..='\u{07FF}').chain([
            '«', '»', '“', '”', '‘', '’', '–', '—', '\u{200C}', '\u{200F}',
        ]) {
            if matches!(fold_fast(c), Fast::Slow) {
                continue;
            }
            let one = c.to_string();
            assert_eq!(fold(&one), fold_slow(&one), "U+{:04X}", c as u32);
            for m in marks {
                let pair = format!("{c}{m}");
                assert_eq!(
                    fold(&pair),
                    fold_slow(&pair),
                    "U+{:04X} + U+{:04X}",
                    c as u32,
                    m as u32
                );
            }
        }
    }

    #[test]
    fn fold_cow_borrows_only_what_fold_leaves_alone() {
        for word in [
            "budget",
            "Budget",
            "إدلب",
            "ادلب",
            "سُورِيَا",
            "مدرسة",
            "café",
            "…",
        ] {
            let cow = fold_cow(word);
            assert_eq!(cow, fold(word), "{word}");
            if matches!(cow, Cow::Borrowed(_)) {
                assert_eq!(fold(word), word);
            }
        }
        assert!(matches!(fold_cow("budget"), Cow::Borrowed(_)));
        assert!(matches!(fold_cow("ادلب"), Cow::Borrowed(_)));
    }

    #[test]
    fn fold_into_appends_the_fold() {
        let mut out = String::from("x|");
        for word in [
            "Budget",
            "إدلب",
            "سُورِيَا",
            "\u{0648}\u{0654}",
            "café",
            "مدرسة",
        ] {
            fold_into(&mut out, word);
            out.push('|');
        }
        assert_eq!(out, "x|budget|ادلب|سوريا|ؤ|café|مدرسه|");
    }

    #[test]
    fn composing_marks_take_the_full_path() {
        // waw + combining hamza above composes to ؤ under NFKC and must stay ؤ.
        assert_eq!(fold("\u{0648}\u{0654}"), "ؤ");
        assert_eq!(fold("e\u{0301}"), "é");
        assert_eq!(fold("…"), "...");
    }

    #[test]
    fn prefixes_by_first_letter_keep_the_list_and_its_order() {
        for c in ['و', 'ب', 'ك', 'ف', 'ل', 'ا', 'م', 'a'] {
            let head = first_two(&format!("{c}xx"));
            let wanted: Vec<&str> = ARABIC_PREFIXES
                .iter()
                .copied()
                .filter(|p| p.starts_with(c))
                .collect();
            assert_eq!(prefixes_of(head), wanted.as_slice(), "{c}");
        }
        let grouped: usize = ['و', 'ب', 'ك', 'ف', 'ل', 'ا']
            .iter()
            .map(|c| prefixes_of(first_two(&c.to_string())).len())
            .sum();
        assert_eq!(grouped, ARABIC_PREFIXES.len());
    }

    #[test]
    fn strips_clitic_prefixes() {
        let forms: Vec<_> = without_prefixes("بادلب").collect();
        assert!(forms.contains(&"ادلب"));
        assert!(without_prefixes("في").next().is_none());
    }
}
