//! A small hash table from words to dense ids, for the per-article word maps.
//!
//! A word's [`Key`] is its length and its first and last eight bytes, read as
//! two numbers: for a word of up to sixteen bytes the key *is* the word, so
//! looking one up compares three numbers (no `memcmp` call, no hasher state).
//! Longer words also compare their bytes, through a closure the caller gives.
//! The table holds only ids (open addressing, linear probing, at most half
//! full); the caller keeps its entries in id order.

/// A word as the table compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    head: u64,
    tail: u64,
    len: u32,
    hash: u32,
}

/// Multiplies into 128 bits and folds the halves together (as foldhash does).
#[inline(always)]
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Eight bytes of `bytes` from `at` as a number, or fewer zero-padded at its end.
#[inline(always)]
fn load(bytes: &[u8], at: usize) -> u64 {
    let rest = bytes.get(at..).unwrap_or_default();
    match rest.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => load_short(rest),
    }
}

/// The bytes of `rest` (fewer than eight) as a little-endian number, from two
/// overlapping loads rather than a copy of unknown length.
#[inline(always)]
fn load_short(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let four = |at: usize| {
            let b = &rest[at..at + 4];
            u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        four(0) | (four(n - 4) << (8 * (n - 4)))
    } else if n > 0 {
        let byte = |at: usize| u64::from(rest[at]) << (8 * at);
        byte(0) | byte(n / 2) | byte(n - 1)
    } else {
        0
    }
}

impl Key {
    /// The key of `bytes[start..start + len]`. The bytes after the word may be
    /// read but do not count: `bytes` is usually the whole text the word is in.
    #[inline(always)]
    pub fn of(bytes: &[u8], start: usize, len: usize) -> Key {
        let low = if len >= 8 {
            u64::MAX
        } else {
            (1 << (8 * len)) - 1
        };
        let head = load(bytes, start) & low;
        let tail = if len > 8 {
            load(bytes, start + len - 8)
        } else {
            0
        };
        let mut h = fold_mul(head ^ 0x243f_6a88_85a3_08d3, tail ^ 0x1319_8a2e_0370_7344);
        if len > 16 {
            for at in (start + 8..start + len - 8).step_by(8) {
                h = fold_mul(h ^ load(bytes, at), 0xa409_3822_299f_31d0);
            }
        }
        let h = fold_mul(h ^ len as u64, 0x082e_fa98_ec4e_6c89);
        Key {
            head,
            tail,
            len: len as u32,
            hash: (h ^ (h >> 32)) as u32,
        }
    }

    /// The key of a whole word.
    pub fn of_str(word: &str) -> Key {
        Key::of(word.as_bytes(), 0, word.len())
    }

    /// The word's hash (for a filter beside the table).
    #[inline(always)]
    pub fn hash(&self) -> u32 {
        self.hash
    }

    /// Is the word longer than the key holds (so equal keys need a byte check)?
    #[inline(always)]
    fn long(&self) -> bool {
        self.len > 16
    }
}

/// Word ids by [`Key`]; see the module.
#[derive(Debug, Default)]
pub struct Table {
    /// `id + 1` of the word in each slot (0: empty), the word's hash above it.
    slots: Vec<u64>,
    /// The key of every id.
    keys: Vec<Key>,
}

impl Table {
    /// An empty table for about `words` distinct words.
    pub fn with_capacity(words: usize) -> Table {
        let mut table = Table::default();
        table.reset(words);
        table
    }

    /// Empties the table, keeping its memory, sized for about `words` words.
    pub fn reset(&mut self, words: usize) {
        let size = (words.max(8) * 2).next_power_of_two();
        self.slots.clear();
        self.slots.resize(size, 0);
        self.keys.clear();
        self.keys.reserve(words);
    }

    /// The key of the word with `id`.
    pub fn key(&self, id: usize) -> Key {
        self.keys[id]
    }

    /// How many words the table holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Is the table empty?
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The id of the word with `key`, if the table holds it. `same(id)` says
    /// whether the word of `id` has the bytes of the word looked up; it is asked
    /// only of a long word whose key matches.
    #[inline]
    pub fn get(&self, key: &Key, same: impl Fn(u32) -> bool) -> Option<u32> {
        self.find(key, same).ok()
    }

    /// The id of the word with `key`, added with the next id (`len()`) if it
    /// is new; `true` when it was added. `same` as for [`Table::get`].
    #[inline]
    pub fn insert(&mut self, key: &Key, same: impl Fn(u32) -> bool) -> (u32, bool) {
        match self.find(key, same) {
            Ok(id) => (id, false),
            Err(slot) => {
                let id = self.keys.len() as u32;
                self.slots[slot] = (u64::from(key.hash) << 32) | u64::from(id + 1);
                self.keys.push(*key);
                if self.keys.len() * 2 > self.slots.len() {
                    self.grow();
                }
                (id, true)
            }
        }
    }

    /// The word's id, or the empty slot where it would go.
    #[inline(always)]
    fn find(&self, key: &Key, same: impl Fn(u32) -> bool) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = key.hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return Err(i);
            }
            if (slot >> 32) as u32 == key.hash {
                let id = (slot as u32) - 1;
                if self.keys[id as usize] == *key && (!key.long() || same(id)) {
                    return Ok(id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the slots and puts every id back.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.slots.clear();
        self.slots.resize(size, 0);
        let mask = size - 1;
        for (id, key) in self.keys.iter().enumerate() {
            let mut i = key.hash as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (u64::from(key.hash) << 32) | (id as u64 + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Ids as a `HashMap` gives them: the simple version of the table.
    fn ids_by_hash_map(words: &[&str]) -> Vec<u32> {
        let mut map: HashMap<&str, u32> = HashMap::new();
        words
            .iter()
            .map(|w| {
                let next = map.len() as u32;
                *map.entry(w).or_insert(next)
            })
            .collect()
    }

    fn ids_by_table(text: &str, words: &[(usize, &str)]) -> Vec<u32> {
        let mut table = Table::with_capacity(1);
        let mut seen: Vec<&str> = Vec::new();
        let ids: Vec<u32> = words
            .iter()
            .map(|&(at, w)| {
                let key = Key::of(text.as_bytes(), at, w.len());
                let (id, new) = table.insert(&key, |id| seen[id as usize] == w);
                if new {
                    seen.push(w);
                }
                id
            })
            .collect();
        for (id, w) in seen.iter().enumerate() {
            assert_eq!(
                table.get(&Key::of_str(w), |i| seen[i as usize] == *w),
                Some(id as u32)
            );
        }
        ids
    }

    proptest::proptest! {
        #[test]
        fn ids_are_those_a_hash_map_gives(
            picks in proptest::collection::vec(0..14usize, 0..200)
        ) {
            const PIECES: [&str; 14] = [
                "a", "ab", "ال", "وزير", "الاستثمارات", "abcdefgh", "abcdefghi",
                "x", "والمستشفيات", "ـ", "7", "é", "abcdefghabcdefgh", "abcdefghabcdefghZ",
            ];
            // Words are runs of pieces between spaces, so some are long and
            // many differ only in their middle or their last byte.
            let mut text = String::new();
            let mut spans = Vec::new();
            let mut start = 0;
            for (n, &i) in picks.iter().enumerate() {
                text.push_str(PIECES[i]);
                if n % 3 == 2 || i == 0 {
                    spans.push((start, text.len()));
                    text.push(' ');
                    start = text.len();
                }
            }
            let words: Vec<(usize, &str)> =
                spans.iter().map(|&(s, e)| (s, &text[s..e])).collect();
            let plain: Vec<&str> = words.iter().map(|w| w.1).collect();
            proptest::prop_assert_eq!(ids_by_table(&text, &words), ids_by_hash_map(&plain));
        }
    }

    #[test]
    fn keys_ignore_the_bytes_after_the_word() {
        let text = "abc abcdefghijklmnopqrstuvwxyz";
        assert_eq!(Key::of(text.as_bytes(), 0, 3), Key::of_str("abc"));
        assert_eq!(Key::of(text.as_bytes(), 4, 10), Key::of_str("abcdefghij"));
        assert_eq!(Key::of(text.as_bytes(), 4, 26), Key::of_str(&text[4..]));
        assert_ne!(Key::of_str("abc"), Key::of_str("abd"));
        assert_ne!(Key::of_str(""), Key::of_str("\0"));
    }

    #[test]
    fn short_loads_read_the_bytes_as_a_copy_does() {
        let bytes: Vec<u8> = (1..=8).collect();
        for n in 0..8 {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_short(&bytes[..n]), u64::from_le_bytes(buf), "{n}");
            assert_eq!(load(&bytes[..n], 0), u64::from_le_bytes(buf), "{n}");
        }
        assert_eq!(
            load(&bytes, 0),
            u64::from_le_bytes([1, 2, 3, 4, 5, 6, 7, 8])
        );
        assert_eq!(load(&bytes, 9), 0);
    }

    #[test]
    fn grows_past_its_first_size() {
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let mut table = Table::with_capacity(4);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.insert(&Key::of_str(w), |_| false), (i as u32, true));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(&Key::of_str(w), |_| false), Some(i as u32));
        }
        assert_eq!(table.len(), 1000);
    }
}
