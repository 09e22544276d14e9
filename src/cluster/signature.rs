//! MinHash signatures of an article body: shingles of folded words, so spelling
//! variants, harakat and small edits barely move them.

use crate::article::vocab::Vocab;

/// Hash functions per signature.
pub const HASHES: usize = 64;
/// Words per shingle.
const SHINGLE: usize = 3;

/// A MinHash signature: the least hash of the body's shingles under each of
/// [`HASHES`] hash functions. Stable across runs and machines (it is cached).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature(pub [u32; HASHES]);

/// A word as clustering compares it: its fold (case, harakat, alef forms), with
/// a final ا/ه dropped from longer words so سوريا and سورية agree.
fn normal(folded: &str) -> &str {
    match folded.strip_suffix(['ا', 'ه']) {
        Some(stem) if stem.chars().nth(2).is_some() => stem,
        _ => folded,
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(bytes: &[u8]) -> u64 {
    fnv_from(FNV_OFFSET, bytes)
}

fn fnv_from(start: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(start, |h, b| (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME))
}

/// [`fnv`] of four words at once. Each byte of FNV waits for the multiply of
/// the byte before it; four words side by side keep four multiplies in flight.
/// Their common length runs in step, the rest of each word alone.
fn fnv4(words: [&[u8]; 4]) -> [u64; 4] {
    let common = words.iter().map(|w| w.len()).min().unwrap_or(0);
    let [a, b, c, d] = words.map(|w| &w[..common]);
    let mut h = [FNV_OFFSET; 4];
    for (((&a, &b), &c), &d) in a.iter().zip(b).zip(c).zip(d) {
        for (h, byte) in h.iter_mut().zip([a, b, c, d]) {
            *h = (*h ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        }
    }
    std::array::from_fn(|k| fnv_from(h[k], &words[k][common..]))
}

/// splitmix64: turns one 64-bit hash into many independent-looking ones.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Odd multipliers and offsets of the hash functions, fixed so signatures are stable.
static COEFFICIENTS: std::sync::LazyLock<[(u64, u64); HASHES]> = std::sync::LazyLock::new(|| {
    let mut out = [(0, 0); HASHES];
    for (i, slot) in out.iter_mut().enumerate() {
        let seed = mix(i as u64 + 1);
        *slot = (seed | 1, mix(seed));
    }
    out
});

/// Each word's hash as shingles use it, from its fold, and the first step of a
/// shingle's fold, `mix(0 ^ h)`, that depends on it alone; four words at a time.
fn word_hashes<'a>(folded: impl ExactSizeIterator<Item = &'a str>, out: &mut Vec<(u64, u64)>) {
    out.reserve(folded.len());
    let mut words = folded.map(|f| normal(f).as_bytes());
    loop {
        let four: [Option<&[u8]>; 4] = std::array::from_fn(|_| words.next());
        if let [Some(a), Some(b), Some(c), Some(d)] = four {
            out.extend(fnv4([a, b, c, d]).map(|h| (h, mix(h))));
            continue;
        }
        out.extend(four.into_iter().flatten().map(|w| {
            let h = fnv(w);
            (h, mix(h))
        }));
        return;
    }
}

/// Word hashes and shingle bases: vectors a signature fills.
type Scratch = (Vec<(u64, u64)>, Vec<u64>);

thread_local! {
    /// The word hashes and shingle bases of the last signature made on this
    /// thread, emptied: their memory serves the next one.
    static SCRATCH: std::cell::Cell<Scratch> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

/// Scratch vectors longer than this go back to the allocator.
const MAX_KEPT_SHINGLES: usize = 1 << 14;

/// The inverse of an odd number modulo 2^64 (Newton's iteration: each step
/// doubles the correct low bits, from 3 to 96).
const fn inverse(a: u64) -> u64 {
    let mut x = a; // a·a ≡ 1 mod 8 for odd a
    let mut i = 0;
    while i < 5 {
        x = x.wrapping_mul(2u64.wrapping_sub(a.wrapping_mul(x)));
        i += 1;
    }
    x
}

/// The hash functions as `a·(x + k)` rather than `a·x + b`: with `k = b·a⁻¹`
/// (every `a` is odd, so invertible mod 2^64) both are the same number, and the
/// add before the multiply lets one `lea` both copy `x` and add to it, where the
/// add after it needs a copy and an add.
static SHIFTED: std::sync::LazyLock<[(u64, u64); HASHES]> =
    std::sync::LazyLock::new(|| COEFFICIENTS.map(|(a, b)| (a, b.wrapping_mul(inverse(a)))));

/// Hash functions computed side by side over the shingles.
const LANES: usize = 4;

/// The least of each hash function over the shingles' base hashes.
///
/// Multiply-shift hashing: one multiply per hash function and shingle, the hash
/// being the top half of `a·x + b`, computed as `a·(x + k)` ([`SHIFTED`]).
/// [`LANES`] hash functions at a time over all the shingles, two shingles a
/// step, each function with its own running minimum, so many independent
/// multiplies are in flight with few registers; the least full value is kept and
/// halved at the end, which gives the least top half.
fn min_hashes(bases: &[u64]) -> [u32; HASHES] {
    let mut mins = [u32::MAX; HASHES];
    for (out, group) in mins
        .chunks_exact_mut(LANES)
        .zip(SHIFTED.chunks_exact(LANES))
    {
        let a: [u64; LANES] = std::array::from_fn(|k| group[k].0);
        let shift: [u64; LANES] = std::array::from_fn(|k| group[k].1);
        let hash = |k: usize, x: u64| x.wrapping_add(shift[k]).wrapping_mul(a[k]);
        let mut least = [u64::MAX; LANES];
        let mut pairs = bases.chunks_exact(2);
        for pair in &mut pairs {
            let (x, y) = (pair[0], pair[1]);
            for (k, least) in least.iter_mut().enumerate() {
                *least = (*least).min(hash(k, x)).min(hash(k, y));
            }
        }
        for &x in pairs.remainder() {
            for (k, least) in least.iter_mut().enumerate() {
                *least = (*least).min(hash(k, x));
            }
        }
        for (out, least) in out.iter_mut().zip(least) {
            *out = (least >> 32) as u32;
        }
    }
    mins
}

impl Signature {
    /// The signature of a body, or `None` when it has too few words to compare.
    pub fn of(body: &str) -> Option<Signature> {
        Signature::of_vocab(&Vocab::new(body))
    }

    /// [`Signature::of`] the body whose words `vocab` holds.
    pub fn of_vocab(vocab: &Vocab) -> Option<Signature> {
        if vocab.len() < SHINGLE + 2 {
            return None;
        }
        let (mut hashes, mut bases) = SCRATCH.with(std::cell::Cell::take);
        hashes.clear();
        bases.clear();
        // Each distinct word is hashed once (articles repeat their words).
        word_hashes(vocab.entries.iter().map(|e| vocab.folded(e)), &mut hashes);
        let hash = |id: u32| hashes[id as usize];
        // A shingle's base: mix(mix(mix(mix(0 ^ w0) ^ w1) ^ w2)), read straight
        // from the body's sequence of word ids.
        const _: () = assert!(SHINGLE == 3);
        bases.extend(vocab.sequence.windows(SHINGLE).map(|ids| {
            let first = hash(ids[0]).1;
            mix(mix(mix(first ^ hash(ids[1]).0) ^ hash(ids[2]).0))
        }));
        let signature = Signature(min_hashes(&bases));
        if bases.capacity() <= MAX_KEPT_SHINGLES {
            let _ = SCRATCH.try_with(|slot| slot.set((hashes, bases)));
        }
        Some(signature)
    }

    /// The estimated Jaccard similarity of the two bodies' shingle sets (0 to 1).
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / HASHES as f32
    }

    /// A compact text form (base64 of the little-endian words) for caches and journals.
    pub fn encode(&self) -> String {
        use base64::Engine;
        let bytes: Vec<u8> = self.0.iter().flat_map(|h| h.to_le_bytes()).collect();
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
    }

    /// Reads [`Signature::encode`]'s form back.
    pub fn decode(text: &str) -> Option<Signature> {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(text)
            .ok()?;
        let words: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(Signature(words.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "أعلنت وزارة الخارجية السورية اليوم أن المحادثات مع الوفد الروسي حول الوضع في إدلب ستستأنف الأسبوع المقبل في العاصمة دمشق، وأكد المتحدث باسم الوزارة أن سوريا ترحب بكل المبادرات التي تهدف إلى وقف التصعيد في الشمال السوري وعودة النازحين إلى قراهم.";

    #[test]
    fn copies_are_similar_and_other_stories_are_not() {
        let a = Signature::of(STORY).expect("sig");
        let harakat = STORY
            .replace("الخارجية", "الخَارِجِيَّة")
            .replace("سوريا", "سورية");
        assert!(a.similarity(&Signature::of(&harakat).expect("sig")) > 0.7);
        let other = Signature::of("The council approved the new budget after a long debate on Tuesday night, and the mayor said the plan would cut spending on roads.").expect("sig");
        assert!(a.similarity(&other) < 0.1);
        assert_eq!(a.similarity(&a), 1.0);
    }

    /// The signature as first written (every word folded and hashed, every hash
    /// function per shingle): cached and journalled signatures must not change.
    fn reference(body: &str) -> Option<Signature> {
        let hashes: Vec<u64> = crate::article::words::words(body)
            .map(|w| {
                let mut f = crate::article::fold::fold(w);
                if f.chars().count() >= 4 && f.ends_with(['ا', 'ه']) {
                    f.pop();
                }
                fnv(f.as_bytes())
            })
            .collect();
        if hashes.len() < SHINGLE + 2 {
            return None;
        }
        let mut mins = [u32::MAX; HASHES];
        for shingle in hashes.windows(SHINGLE) {
            let base = mix(shingle.iter().fold(0, |h, w| mix(h ^ w)));
            for (min, (a, b)) in mins.iter_mut().zip(COEFFICIENTS.iter()) {
                *min = (*min).min((a.wrapping_mul(base).wrapping_add(*b) >> 32) as u32);
            }
        }
        Some(Signature(mins))
    }

    #[test]
    fn shifted_functions_equal_multiply_add() {
        let mut x = 0x0123_4567_89ab_cdef_u64;
        for _ in 0..1000 {
            x = mix(x);
            for ((a, b), (a2, k)) in COEFFICIENTS.iter().zip(SHIFTED.iter()) {
                assert_eq!(a, a2);
                assert_eq!(
                    x.wrapping_add(*k).wrapping_mul(*a),
                    a.wrapping_mul(x).wrapping_add(*b)
                );
            }
        }
        for (a, _) in COEFFICIENTS.iter() {
            assert_eq!(a.wrapping_mul(inverse(*a)), 1);
        }
    }

    #[test]
    fn equals_the_reference_signature() {
        for body in [
            STORY,
            "one two three four five",
            "one two three four",
            "سوريا سورية Idlib إدلب ١٢ 预算 ok ها آه",
        ] {
            assert_eq!(Signature::of(body), reference(body), "{body}");
        }
    }

    proptest::proptest! {
        #[test]
        fn random_bodies_equal_the_reference_signature(
            picks in proptest::collection::vec(0..12usize, 0..80)
        ) {
            const WORDS: [&str; 12] = [
                "سوريا", "سورية", "إدلب", "الخَارِجِيَّة", "ها", "Idlib", "budget", "3.5",
                "预算", "وزارة", "قال", "the",
            ];
            let body = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(Signature::of(&body), reference(&body));
        }
    }

    proptest::proptest! {
        #[test]
        fn four_words_at_once_hash_as_one_at_a_time(
            words in proptest::collection::vec("[a-cـاه]{0,12}", 0..11)
        ) {
            let one: Vec<(u64, u64)> = words
                .iter()
                .map(|w| {
                    let h = fnv(normal(w).as_bytes());
                    (h, mix(h))
                })
                .collect();
            let mut out = vec![(1, 2)];
            out.clear();
            word_hashes(words.iter().map(String::as_str), &mut out);
            proptest::prop_assert_eq!(out, one);
        }
    }

    #[test]
    fn encodes_and_decodes() {
        let a = Signature::of(STORY).expect("sig");
        assert_eq!(Signature::decode(&a.encode()), Some(a));
        assert_eq!(Signature::decode("bad"), None);
        assert_eq!(Signature::of("too short"), None);
    }
}
