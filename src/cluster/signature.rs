//! MinHash signatures of an article body: shingles of folded words, so spelling
//! variants, harakat and small edits barely move them.

use foldhash::HashMap;

use crate::article::fold::fold_into;
use crate::article::words::words;

/// Hash functions per signature.
pub const HASHES: usize = 64;
/// Words per shingle.
const SHINGLE: usize = 3;

/// A MinHash signature: the least hash of the body's shingles under each of
/// [`HASHES`] hash functions. Stable across runs and machines (it is cached).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature(pub [u32; HASHES]);

/// A word as clustering compares it: folded (case, harakat, alef forms), with a
/// final ا/ه dropped from longer words so سوريا and سورية agree.
fn normal_into(out: &mut String, word: &str) {
    fold_into(out, word);
    if out.chars().count() >= 4 && out.ends_with(['ا', 'ه']) {
        out.pop();
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
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

impl Signature {
    /// The signature of a body, or `None` when it has too few words to compare.
    pub fn of(body: &str) -> Option<Signature> {
        // Each distinct word is folded and hashed once (articles repeat their words).
        let mut seen: HashMap<&str, u64> = HashMap::default();
        let mut buffer = String::new();
        let word_hashes: Vec<u64> = words(body)
            .map(|w| {
                *seen.entry(w).or_insert_with(|| {
                    buffer.clear();
                    normal_into(&mut buffer, w);
                    fnv(buffer.as_bytes())
                })
            })
            .collect();
        if word_hashes.len() < SHINGLE + 2 {
            return None;
        }
        let mut mins = [u32::MAX; HASHES];
        for shingle in word_hashes.windows(SHINGLE) {
            let base = mix(shingle.iter().fold(0, |h, w| mix(h ^ w)));
            // Multiply-shift hashing: one multiply per hash function.
            for (min, (a, b)) in mins.iter_mut().zip(COEFFICIENTS.iter()) {
                let h = (a.wrapping_mul(base).wrapping_add(*b) >> 32) as u32;
                *min = (*min).min(h);
            }
        }
        Some(Signature(mins))
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

    #[test]
    fn encodes_and_decodes() {
        let a = Signature::of(STORY).expect("sig");
        assert_eq!(Signature::decode(&a.encode()), Some(a));
        assert_eq!(Signature::decode("bad"), None);
        assert_eq!(Signature::of("too short"), None);
    }
}
