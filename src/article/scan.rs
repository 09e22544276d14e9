//! Finding the next byte of interest in a text, sixteen bytes at a time.

/// A table saying, for every byte value, whether a search stops at it.
pub type ByteSet = [bool; 256];

/// The set of the bytes in the inclusive `ranges`, built at compile time.
pub const fn byte_set(ranges: &[(u8, u8)]) -> ByteSet {
    let mut set = [false; 256];
    let mut r = 0;
    while r < ranges.len() {
        let (mut b, last) = (ranges[r].0 as usize, ranges[r].1 as usize);
        while b <= last {
            set[b] = true;
            b += 1;
        }
        r += 1;
    }
    set
}

/// Where the next byte in `set` is, from `from` on (the length if there is
/// none). Sixteen bytes at a time: a bit per byte from the table, folded into a
/// mask without a branch per byte, then the first set bit.
#[inline]
pub fn next_in(bytes: &[u8], from: usize, set: &ByteSet) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        let mask = chunk.iter().enumerate().fold(0u32, |mask, (k, &b)| {
            mask | (u32::from(set[usize::from(b)]) << k)
        });
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    while i < bytes.len() && !set[usize::from(bytes[i])] {
        i += 1;
    }
    i.min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_next_byte_of_the_set() {
        const DIGITS: ByteSet = byte_set(&[(b'0', b'9')]);
        let text = b"abcdefghijklmnopqrstuvwxyz 0 abcdefghijklmnopqrstuvwxyz 7";
        assert_eq!(next_in(text, 0, &DIGITS), 27);
        assert_eq!(next_in(text, 28, &DIGITS), 56);
        assert_eq!(next_in(text, 57, &DIGITS), 57);
        assert_eq!(next_in(b"ab", 0, &DIGITS), 2);
        for from in 0..text.len() {
            let slow = (from..text.len()).find(|&i| text[i].is_ascii_digit());
            assert_eq!(next_in(text, from, &DIGITS), slow.unwrap_or(text.len()));
        }
    }
}
