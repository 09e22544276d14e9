//! Whitespace-separated pieces of a line, found from the bytes for the line-shape tests.

use super::scan::{ByteSet, byte_set, next_in};

/// The whitespace-separated pieces of `text`, exactly as `str::split_whitespace`
/// gives them, but found from the bytes: only the lead bytes C2, E1, E2 and E3
/// can start a non-ASCII space, so Arabic text is never decoded.
pub fn split_spaces(text: &str) -> SplitSpaces<'_> {
    SplitSpaces { text, pos: 0 }
}

/// Iterator over whitespace-separated pieces; see [`split_spaces`].
pub struct SplitSpaces<'a> {
    text: &'a str,
    pos: usize,
}

/// What a byte says about whitespace: 1 for ASCII whitespace, 2 for the lead
/// bytes that may start a non-ASCII space, 0 for everything else.
const KIND: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => 2,
            _ => 0,
        };
        b += 1;
    }
    table
};

impl SplitSpaces<'_> {
    /// The byte length of the whitespace character at `i`, or 0.
    #[inline(always)]
    fn space_at(&self, i: usize) -> usize {
        match KIND[usize::from(self.text.as_bytes()[i])] {
            0 => 0,
            1 => 1,
            _ => self.text[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
        }
    }
}

impl<'a> Iterator for SplitSpaces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            if i >= bytes.len() {
                self.pos = bytes.len();
                return None;
            }
            match self.space_at(i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        // Bytes that are not spaces are skipped one at a time, most of them on a
        // single table look-up; a space is only ever found at a lead byte, so the
        // cut is always at a character boundary.
        while i < bytes.len() && (KIND[usize::from(bytes[i])] == 0 || self.space_at(i) == 0) {
            i += 1;
        }
        self.pos = i;
        Some(&self.text[start..i])
    }
}

/// Bytes that may begin whitespace: ASCII whitespace and the lead bytes C2, E1,
/// E2 and E3 ([`KIND`] not 0).
const MAY_SPACE: ByteSet = byte_set(&[(b'\t', b'\r'), (b' ', b' '), (0xC2, 0xC2), (0xE1, 0xE3)]);

/// `split_spaces(text).take(cap).count()`, counted without making the pieces:
/// the next byte that may begin a space is found sixteen bytes at a time.
pub fn count_up_to(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let pieces = SplitSpaces { text, pos: 0 };
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() && count < cap {
        let next = next_in(bytes, i, &MAY_SPACE);
        let space = if next < bytes.len() {
            pieces.space_at(next)
        } else {
            0
        };
        if (next > i || space == 0) && !in_word {
            count += 1;
        }
        in_word = space == 0;
        i = next + space.max(1);
    }
    count.min(cap)
}

#[cfg(test)]
mod tests {
    use super::{count_up_to, split_spaces};

    /// Texts with every kind of space, in several scripts.
    const TEXTS: &[&str] = &[
        "",
        "  ",
        "a b",
        " قال  الوزير\u{a0}اليوم\t\n",
        "x\u{2003}y\u{3000}z\u{85}w",
        "«نعم» — “yes”",
        "预算\u{3000}方案",
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية والنائية",
        "\u{a0}\u{a0}x\u{a0}\u{a0}",
    ];

    #[test]
    fn count_up_to_agrees_with_split_spaces() {
        for text in TEXTS {
            for cap in [0, 1, 2, 3, 5, 12, 41] {
                assert_eq!(
                    count_up_to(text, cap),
                    split_spaces(text).take(cap).count(),
                    "{text:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn split_spaces_agrees_with_split_whitespace() {
        for text in TEXTS {
            assert_eq!(
                split_spaces(text).collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
