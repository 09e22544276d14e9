//! Word tokens for counting and keywords: UAX #29 boundaries, simplified for news text.

use unicode_normalization::char::is_combining_mark;

use super::fold::folds_to_itself;
use super::lang::is_cjk;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Cjk,
    /// Invisible marks (direction marks, joiners, soft hyphen) and `_`: inside a
    /// word they are part of it, on their own they are nothing.
    Format,
    Other,
}

/// Classes of ASCII and Latin-1, looked up rather than matched: this runs once
/// per character.
const LATIN1: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'A'..=b'Z' | 0xAA | 0xB5 | 0xBA => Class::Letter,
            b'_' | 0xAD => Class::Format,
            0xC0..=0xFF if c != 0xD7 && c != 0xF7 => Class::Letter,
            b'0'..=b'9' | 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE => Class::Digit,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// Classes of the Arabic block U+0600–U+06FF: letters, tatweel and harakat are
/// word characters, the two digit sets are digits, the rest is punctuation.
const ARABIC: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut i = 0;
    while i < 256 {
        let c = 0x600 + i as u32;
        table[i] = match c {
            0x660..=0x669 | 0x6F0..=0x6F9 => Class::Digit,
            0x610..=0x61A
            | 0x620..=0x65F
            | 0x66E..=0x6D3
            | 0x6D5..=0x6DC
            | 0x6DF..=0x6E8
            | 0x6EA..=0x6FC
            | 0x6FF => Class::Letter,
            _ => Class::Other,
        };
        i += 1;
    }
    table
};

/// Flags of a two-byte sequence in [`ARABIC_PAIRS`]: an Arabic letter, and a
/// character that folds to itself ([`folds_to_itself`]).
const LETTER: u8 = 1;
const SAME: u8 = 2;

/// What the two-byte UTF-8 sequence `0xD880 + i` (read big-endian) is: lead
/// bytes D8–DB, continuation bytes 80–BF: U+0600–U+06FF.
const ARABIC_PAIRS: [u8; 0x340] = {
    let mut table = [0u8; 0x340];
    let mut i = 0;
    while i < 0x340 {
        let next = i & 0xFF;
        if next < 0x40 {
            let k = ((i >> 8) << 6) | next;
            let letter = matches!(ARABIC[k], Class::Letter);
            let same = folds_to_itself(0x600 + k as u32);
            table[i] = (letter as u8) * LETTER + (same as u8) * SAME;
        }
        i += 1;
    }
    table
};

/// Where the run of Arabic letters that starts at byte `i` ends: each letter is
/// two bytes, checked with one look-up of the pair. `same` is cleared if one
/// of them does not fold to itself.
#[inline(always)]
fn arabic_letters(bytes: &[u8], mut i: usize, same: &mut bool) -> usize {
    let Some(rest) = bytes.get(i..) else {
        return i;
    };
    let mut all = SAME;
    for pair in rest.chunks_exact(2) {
        let at = ((usize::from(pair[0]) << 8) | usize::from(pair[1])).wrapping_sub(0xD880);
        let flags = ARABIC_PAIRS.get(at).copied().unwrap_or(0);
        if flags & LETTER == 0 {
            break;
        }
        all &= flags;
        i += 2;
    }
    *same &= all != 0;
    i
}

fn class(c: char) -> Class {
    let code = c as u32;
    if code < 0x100 {
        return LATIN1[code as usize];
    }
    if (0x600..0x700).contains(&code) {
        return ARABIC[(code - 0x600) as usize];
    }
    if (0x2000..0x2070).contains(&code) {
        // General punctuation, and the zero-width and direction marks.
        return if matches!(code, 0x200B..=0x200F | 0x2060..=0x2064) {
            Class::Format
        } else {
            Class::Other
        };
    }
    if code == 0xFEFF {
        return Class::Format;
    }
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_numeric() {
        Class::Digit
    } else if c.is_alphabetic() || is_combining_mark(c) {
        Class::Letter
    } else {
        Class::Other
    }
}

fn is_word(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit)
}

/// Apostrophes, full stop, commas (Latin and Arabic) and the Arabic decimal and
/// thousands separators.
fn is_joiner(code: u32) -> bool {
    matches!(code, 0x27 | 0x2E | 0x2C | 0x2019 | 0x60C | 0x66B | 0x66C)
}

/// May the joiner `code` stand between `before` and `after` inside one word?
fn joins(before: Class, code: u32, after: Class) -> bool {
    match code {
        0x27 | 0x2E | 0x2019 => is_word(before) && is_word(after),
        _ => before == Class::Digit && after == Class::Digit,
    }
}

/// The class of the character at byte `i`, its code point and its length in
/// bytes. ASCII and the Arabic block are read straight from the bytes.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, u32, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (LATIN1[usize::from(b)], u32::from(b), 1);
    }
    if (0xD8..=0xDB).contains(&b) {
        // In valid UTF-8 these lead bytes start the two-byte sequences of U+0600–U+06FF.
        let code = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
        return (ARABIC[(code - 0x600) as usize], code, 2);
    }
    let c = text[i..].chars().next().unwrap_or('\0');
    (class(c), c as u32, c.len_utf8())
}

/// The words of `text`, in order, read from the bytes for ASCII and Arabic.
///
/// A word is a run of letters, digits and combining marks; an apostrophe or a
/// full stop between two of them stays inside (`don't`, `U.S`, `3.5`), as does
/// a comma between digits (`1,000`); direction marks and joiners are part of
/// the word they sit in. Each CJK character is a word of its own, as in UAX #29
/// for ideographs.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator over the words of a text; see [`words`].
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    /// The next word, with what was learnt about it on the way.
    fn next_word(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let mut i = self.pos;
        let (start, mut prev, mut same) = loop {
            if i >= text.len() {
                self.pos = i;
                return None;
            }
            let (class, code, len) = class_at(text, i);
            match class {
                Class::Cjk => {
                    self.pos = i + len;
                    return Some(Word {
                        start: i,
                        text: &text[i..i + len],
                        chars: 1,
                        digits: false,
                        cjk: true,
                        same: false,
                    });
                }
                Class::Letter | Class::Digit => {
                    let start = i;
                    i += len;
                    break (start, class, folds_to_itself(code));
                }
                Class::Format | Class::Other => i += len,
            }
        };
        let (mut chars, mut digits) = (1, prev == Class::Digit);
        let bytes = text.as_bytes();
        while i < text.len() {
            // Runs of Arabic letters, most of an Arabic text: two bytes at a time.
            let run = arabic_letters(bytes, i, &mut same);
            if run != i {
                (chars, prev) = (chars + (run - i) / 2, Class::Letter);
                i = run;
            }
            if i >= text.len() {
                break;
            }
            let (class, code, len) = class_at(text, i);
            if is_word(class) {
                prev = class;
                (chars, digits) = (chars + 1, digits || class == Class::Digit);
                same &= folds_to_itself(code);
                i += len;
                continue;
            }
            if class == Class::Format {
                same &= folds_to_itself(code);
                i += len;
                continue;
            }
            if is_joiner(code) {
                // The first visible character after the joiner decides.
                let mut next = i + len;
                while next < text.len() {
                    let (after, _, after_len) = class_at(text, next);
                    if after != Class::Format {
                        break;
                    }
                    next += after_len;
                }
                if next < text.len() {
                    let (after, after_code, after_len) = class_at(text, next);
                    if joins(prev, code, after) {
                        // The joiner, any marks after it and the character they join.
                        same &= text[i..next].chars().all(|c| folds_to_itself(c as u32))
                            && folds_to_itself(after_code);
                        prev = after;
                        (chars, digits) = (chars + 2, digits || after == Class::Digit);
                        i = next + after_len;
                        continue;
                    }
                }
            }
            break;
        }
        self.pos = i;
        Some(Word {
            start,
            text: &text[start..i],
            chars,
            digits,
            cjk: false,
            same,
        })
    }

    /// The words with what the tokenizer knows of each.
    pub fn detailed(mut self) -> impl Iterator<Item = Word<'a>> {
        std::iter::from_fn(move || self.next_word())
    }

    /// The words with their byte offsets in the text.
    pub fn spans(self) -> impl Iterator<Item = (usize, &'a str)> {
        self.detailed().map(|w| (w.start, w.text))
    }
}

/// One word and what the tokenizer learnt about it on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset in the text.
    pub start: usize,
    pub text: &'a str,
    /// Characters, counting joiners (`U.S` is three).
    pub chars: usize,
    /// Has a digit of any script.
    pub digits: bool,
    /// A CJK character (each is a word of its own).
    pub cjk: bool,
    /// Every character folds to itself, as [`fold`](super::fold::fold) sees
    /// at a glance (ASCII but capitals, the Arabic letters it leaves alone):
    /// the word is its own fold. A word without the flag may still be.
    pub same: bool,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next_word().map(|w| w.text)
    }
}

/// How many words `text` has, as a reader counts them.
pub fn count(text: &str) -> usize {
    words(text).count()
}

#[cfg(test)]
mod tests;
