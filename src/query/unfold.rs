//! Raw text kept as its difference from its folded form. The TUI holds every
//! item's lead and summary folded for the filter anyway; folding changes only the
//! odd letter (أ → ا, a capital, a harakah), so the raw text is a short list of
//! edits away and is rebuilt on demand (the preview, a `/…/r` regex) instead of
//! being held twice.

use serde::{Deserialize, Serialize};

use crate::article::fold::{fold_cow, fold_simple};
use crate::fast_str::Bytes;

/// Edits that turn a folded text back into the raw one: triples of bytes copied
/// from the folded text, folded bytes skipped, and raw bytes inserted, the counts
/// as LEB128 varints.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unfold(Bytes);

impl Unfold {
    /// The edits from `folded` back to `raw`, when they are worth keeping (well
    /// under the raw text's size) and rebuild it exactly; `None` otherwise.
    pub fn between(raw: &str, folded: &str) -> Option<Unfold> {
        let mut out = Vec::new();
        let (mut r, mut f) = (raw, folded);
        while !r.is_empty() || !f.is_empty() {
            let copy = common_prefix(r, f);
            (r, f) = (&r[copy..], &f[copy..]);
            let (insert, skip) = edits(r, f);
            for n in [copy, skip, insert] {
                push_varint(&mut out, n);
            }
            out.extend_from_slice(&r.as_bytes()[..insert]);
            (r, f) = (&r[insert..], &f[skip..]);
            if out.len() > raw.len() / 3 {
                return None;
            }
        }
        let edits = Unfold(Bytes(out.into_boxed_slice()));
        (edits.bytes(folded).as_deref() == Some(raw.as_bytes())).then_some(edits)
    }

    /// The raw text rebuilt from `folded`; `None` if the edits do not fit it
    /// (a damaged cache, or the wrong folded text).
    pub fn apply(&self, folded: &str) -> Option<String> {
        let bytes = self.bytes(folded)?;
        simdutf8::basic::from_utf8(&bytes).ok().map(str::to_owned)
    }

    /// The raw text's bytes, not checked to be UTF-8.
    fn bytes(&self, folded: &str) -> Option<Vec<u8>> {
        let (mut input, f) = (&self.0.0[..], folded.as_bytes());
        let mut out = Vec::with_capacity(f.len() + self.len());
        let mut at: usize = 0;
        while !input.is_empty() {
            let copy = read_varint(&mut input)?;
            let skip = read_varint(&mut input)?;
            let insert = read_varint(&mut input)?;
            out.extend_from_slice(f.get(at..at.checked_add(copy)?)?);
            at = at.checked_add(copy)?.checked_add(skip)?;
            let (bytes, rest) = input.split_at_checked(insert)?;
            out.extend_from_slice(bytes);
            input = rest;
        }
        (at == f.len()).then_some(out)
    }

    /// Bytes held.
    pub fn len(&self) -> usize {
        self.0.0.len()
    }

    /// Whether there are no edits at all (an empty text).
    pub fn is_empty(&self) -> bool {
        self.0.0.is_empty()
    }
}

/// The length of the longest common prefix, ending on a character boundary (of
/// both: the bytes before it are the same).
fn common_prefix(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let chunks = a.chunks_exact(16).zip(b.chunks_exact(16));
    let mut n = chunks.take_while(|(x, y)| x == y).count() * 16;
    n += a[n..]
        .iter()
        .zip(&b[n..])
        .take_while(|(x, y)| x == y)
        .count();
    while n > 0 && n < a.len() && (a[n] & 0xC0) == 0x80 {
        n -= 1;
    }
    n
}

/// The raw bytes to insert and folded bytes to skip before the texts agree
/// again: one raw character at a time, each replacing what it folds to.
fn edits(r: &str, f: &str) -> (usize, usize) {
    let (mut insert, mut skip) = (0, 0);
    loop {
        let (rest, folded_rest) = (&r[insert..], &f[skip..]);
        match (rest.chars().next(), folded_rest.chars().next()) {
            (Some(c), Some(d)) if c == d => return (insert, skip),
            (None, _) => return (insert, f.len()),
            (Some(c), d) => {
                insert += c.len_utf8();
                skip += replaced(c, folded_rest, d);
            }
        }
    }
}

/// How many bytes at the start of `folded` the raw character `c` became: its
/// fold if that is what follows; else the next character when both are of a
/// kind (a space for a newline); else nothing (a dropped mark).
fn replaced(c: char, folded: &str, next: Option<char>) -> usize {
    let mut buf = [0; 4];
    let owned;
    let fold = match fold_simple(c) {
        Some(Some(f)) => &*f.encode_utf8(&mut buf),
        Some(None) => "",
        None => {
            let mut one = [0; 4];
            owned = fold_cow(c.encode_utf8(&mut one)).into_owned();
            &owned
        }
    };
    match next {
        _ if !fold.is_empty() && folded.starts_with(fold) => fold.len(),
        Some(d) if !fold.is_empty() && c.is_whitespace() == d.is_whitespace() => d.len_utf8(),
        _ => 0,
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(input: &mut &[u8]) -> Option<usize> {
    let mut n: usize = 0;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = input.split_first()?;
        *input = rest;
        n |= usize::from(byte & 0x7F).checked_shl(shift)?;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fold_text;
    use proptest::prelude::*;

    fn round_trip(raw: &str) -> Option<usize> {
        let folded = fold_text(raw);
        let edits = Unfold::between(raw, &folded)?;
        assert_eq!(edits.apply(&folded).as_deref(), Some(raw));
        Some(edits.len())
    }

    #[test]
    fn arabic_and_english_come_back_from_a_few_edits() {
        let ar = "أعلنت موسكو، اليوم الإثنين، أنّ إدلب ستبقى منطقة خفض تصعيد. وقال سيرغي ريابكوف: «لن نتراجع».";
        let n = round_trip(ar).expect("worth keeping");
        assert!(n * 4 < ar.len(), "{n} bytes of edits for {}", ar.len());
        let en = "Moscow said on Monday that Idlib would remain a de-escalation zone.";
        assert!(
            round_trip(en).expect("worth keeping") < 20,
            "three capitals"
        );
        assert_eq!(round_trip(""), Some(0));
        // Whitespace runs, a leading space, marks and wide forms.
        for raw in [
            " two  spaces\n\nand lines ",
            "ＦＵＬＬ ﬁne Straße",
            "e\u{301}te\u{200f}x",
        ] {
            if let Some(n) = round_trip(raw) {
                assert!(n <= raw.len() / 3);
            }
        }
    }

    #[test]
    fn edits_that_do_not_fit_are_refused_not_misapplied() {
        let folded = "idlib stays a de-escalation zone";
        let edits = Unfold::between("Idlib stays a de-escalation zone", folded).expect("one edit");
        assert_eq!(
            edits.apply(folded).as_deref(),
            Some("Idlib stays a de-escalation zone")
        );
        assert_eq!(edits.apply(&folded[1..]), None, "shorter folded text");
        assert_eq!(
            edits.apply(&format!("{folded}s")),
            None,
            "longer folded text"
        );
        assert_eq!(
            Unfold(Bytes(vec![0x80].into())).apply(""),
            None,
            "a cut varint"
        );
        assert_eq!(
            Unfold(Bytes(vec![0, 0, 1, 0xFF].into())).apply(""),
            None,
            "not UTF-8"
        );
        // A raw text that is nothing like the folded one is kept as it is.
        assert_eq!(Unfold::between("completely different", "x"), None);
    }

    #[test]
    fn edits_are_stored_as_bytes_and_read_back() {
        let folded = "idlib stays a de-escalation zone";
        let edits = Unfold::between("Idlib stays a de-escalation zone", folded).expect("edits");
        let bytes = postcard::to_allocvec(&edits).expect("write");
        assert_eq!(bytes.len(), 1 + edits.len(), "a length, then the bytes");
        assert_eq!(postcard::from_bytes::<Unfold>(&bytes).expect("read"), edits);
        let json = serde_json::to_string(&edits).expect("json");
        assert_eq!(
            serde_json::from_str::<Unfold>(&json).expect("json back"),
            edits
        );
    }

    proptest! {
        #[test]
        fn whatever_is_kept_rebuilds_the_raw_text_exactly(
            raw in "[a-zA-Zأإآاةىيه ًٌٍَُِّ\u{640}\n\t  \u{200f}ÉéßﬁＡ1.,«»]{0,80}",
            other in "[a-z ا]{0,10}",
        ) {
            let folded = fold_text(&raw);
            if let Some(edits) = Unfold::between(&raw, &folded) {
                prop_assert_eq!(edits.apply(&folded), Some(raw.clone()));
            }
            // Against any text at all: kept only when exact.
            if let Some(edits) = Unfold::between(&raw, &other) {
                prop_assert_eq!(edits.apply(&other), Some(raw));
            }
        }
    }
}
