//! A body's words split once, each distinct word folded once: the word count,
//! the keywords and the MinHash signature all read this one pass.

use std::cell::Cell;

use super::fold::fold_into;
use super::table::{Key, Table};
use super::words::words;

/// One distinct word of a body.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub surface: &'a str,
    /// A keyword candidate: three characters or more, no digit, not CJK.
    pub term: bool,
    /// How often it is used.
    pub uses: u32,
    /// How many keyword candidates come before its first use.
    pub first_term: u32,
    /// Its fold, as a byte range of [`Vocab::folds`]; `None` when the word is
    /// its own fold (most words: the tokenizer tells, [`Word::same`](super::words::Word::same)).
    folded: Option<(u32, u32)>,
}

impl Entry<'static> {
    /// A placeholder, never stored: see [`relabel`].
    const NONE: Entry<'static> = Entry {
        surface: "",
        term: false,
        uses: 0,
        first_term: 0,
        folded: None,
    };
}

/// The buffers a [`Vocab`] leaves to the next one on its thread: every article
/// would otherwise allocate them afresh (and the allocator hand pages back to
/// the system and fault them in again).
#[derive(Default)]
struct Spare {
    entries: Vec<Entry<'static>>,
    sequence: Vec<u32>,
    index: Table,
    folds: String,
}

thread_local! {
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

/// Buffers of a body longer than this many words go back to the allocator.
const MAX_KEPT_WORDS: usize = 1 << 14;

/// An emptied vector of entries, as one for entries of another lifetime: the
/// collect of an empty vector into one of the same layout keeps its
/// allocation (`NONE` is never made).
fn relabel<'b>(mut entries: Vec<Entry<'_>>) -> Vec<Entry<'b>> {
    entries.clear();
    entries.into_iter().map(|_| Entry::NONE).collect()
}

/// The words of a body: each distinct one once, and the body as their sequence.
#[derive(Debug, Default)]
pub struct Vocab<'a> {
    /// Distinct words in order of first use.
    pub entries: Vec<Entry<'a>>,
    /// Every word of the body, as an index into `entries`.
    pub sequence: Vec<u32>,
    /// Distinct words by surface, as indexes into `entries`.
    index: Table,
    /// The folds of all entries, one after another.
    folds: String,
    /// The body has a CJK character (its keywords are bigrams, read from the text).
    pub cjk: bool,
}

impl<'a> Vocab<'a> {
    /// Splits `body` into words ([`words`]) and folds each distinct one.
    pub fn new(body: &'a str) -> Vocab<'a> {
        let spare = SPARE.with(Cell::take);
        let mut vocab = Vocab {
            entries: relabel(spare.entries),
            sequence: spare.sequence,
            index: spare.index,
            folds: spare.folds,
            cjk: false,
        };
        vocab.index.reset(body.len() / 16);
        vocab.sequence.clear();
        vocab.sequence.reserve(body.len() / 8);
        vocab.entries.reserve(body.len() / 16);
        vocab.folds.clear();
        let mut terms = 0;
        let bytes = body.as_bytes();
        for word in words(body).detailed() {
            let term = !word.cjk && word.chars >= 3 && !word.digits;
            let key = Key::of(bytes, word.start, word.text.len());
            let entries = &vocab.entries;
            let (id, new) = vocab
                .index
                .insert(&key, |id| entries[id as usize].surface == word.text);
            if new {
                vocab.entries.push(Entry {
                    surface: word.text,
                    term,
                    uses: 0,
                    first_term: terms,
                    folded: (!word.same).then_some((0, 0)),
                });
            }
            vocab.entries[id as usize].uses += 1;
            vocab.sequence.push(id);
            terms += u32::from(term);
            vocab.cjk |= word.cjk;
        }
        vocab.fold_entries();
        vocab
    }

    /// Folds the entries that are not their own fold.
    fn fold_entries(&mut self) {
        for entry in &mut self.entries {
            if entry.folded.is_some() {
                let start = self.folds.len() as u32;
                fold_into(&mut self.folds, entry.surface);
                entry.folded = Some((start, self.folds.len() as u32));
            }
        }
    }

    /// The [`fold`](super::fold::fold) of an entry.
    pub fn folded<'s>(&'s self, entry: &Entry<'s>) -> &'s str {
        match entry.folded {
            None => entry.surface,
            Some((start, end)) => self.folds.get(start as usize..end as usize).unwrap_or(""),
        }
    }

    /// The fold of entry `id` with its table key.
    pub fn folded_key(&self, id: usize) -> (&str, Key) {
        let entry = &self.entries[id];
        match entry.folded {
            // The surface's own key, made when the body was split.
            None => (entry.surface, self.index.key(id)),
            // Read from the folds, so the key's loads need not stop at its end.
            Some((start, end)) => {
                let (start, len) = (start as usize, (end - start) as usize);
                let key = Key::of(self.folds.as_bytes(), start, len);
                (self.folded(entry), key)
            }
        }
    }

    /// The index in `entries` of a surface form, if the body uses it.
    pub fn id(&self, surface: &str) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .get(&Key::of_str(surface), |id| {
                entries[id as usize].surface == surface
            })
            .map(|id| id as usize)
    }

    /// How many words the body has.
    pub fn len(&self) -> usize {
        self.sequence.len()
    }

    /// Has the body no words at all?
    pub fn is_empty(&self) -> bool {
        self.sequence.is_empty()
    }
}

impl Drop for Vocab<'_> {
    fn drop(&mut self) {
        if self.sequence.capacity() > MAX_KEPT_WORDS {
            return;
        }
        let spare = Spare {
            entries: relabel(std::mem::take(&mut self.entries)),
            sequence: std::mem::take(&mut self.sequence),
            index: std::mem::take(&mut self.index),
            folds: std::mem::take(&mut self.folds),
        };
        // At thread exit the slot may be gone already: the buffers are then freed.
        let _ = SPARE.try_with(|slot| slot.set(spare));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::fold::fold;

    #[test]
    fn distinct_words_in_order_with_uses_and_folds() {
        let v = Vocab::new("قال الوزير إن الوزير قال: Budget 3.5 budget");
        let surfaces: Vec<&str> = v.entries.iter().map(|e| e.surface).collect();
        assert_eq!(surfaces, ["قال", "الوزير", "إن", "Budget", "3.5", "budget"]);
        assert_eq!(v.len(), 8);
        assert_eq!(v.sequence, [0, 1, 2, 1, 0, 3, 4, 5]);
        let e = v.entries[v.id("الوزير").expect("entry")];
        assert_eq!((e.uses, e.first_term, e.term), (2, 1, true));
        assert!(!v.entries[2].term && !v.entries[4].term);
        assert_eq!(v.entries[5].first_term, 5);
        for e in &v.entries {
            assert_eq!(v.folded(e), fold(e.surface));
        }
        assert!(!v.cjk && Vocab::new("预算 ok").cjk);
    }

    #[test]
    fn the_next_vocabulary_on_the_thread_reuses_the_buffers() {
        let body = "قال الوزير إن الوزير قال: Budget 3.5 budget ".repeat(20);
        let first = Vocab::new(&body);
        let (entries, sequence) = (first.entries.as_ptr(), first.sequence.as_ptr());
        drop(first);
        let other = String::from("كلمات أخرى تماما");
        let second = Vocab::new(&other);
        assert_eq!(second.entries.as_ptr(), entries);
        assert_eq!(second.sequence.as_ptr(), sequence);
        let surfaces: Vec<&str> = second.entries.iter().map(|e| e.surface).collect();
        assert_eq!(surfaces, ["كلمات", "أخرى", "تماما"]);
        assert_eq!((second.len(), second.id("قال")), (3, None));
    }

    proptest::proptest! {
        /// Ids, uses and folds as a hash map over the words and `fold` give them.
        #[test]
        fn entries_are_what_a_hash_map_and_fold_give(
            picks in proptest::collection::vec(0..16usize, 0..120)
        ) {
            const PIECES: [&str; 16] = [
                "قال", "أ", "الوزير", "ة", " ", " ", "Budget", "budget", "3.5", "\u{064E}",
                "والاستثمارات", "预", "’s", "، ", "ـ", "x",
            ];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let v = Vocab::new(&text);
            let mut index = std::collections::HashMap::new();
            let ids: Vec<u32> = words(&text)
                .map(|w| {
                    let next = index.len() as u32;
                    *index.entry(w).or_insert(next)
                })
                .collect();
            proptest::prop_assert_eq!(&v.sequence, &ids);
            proptest::prop_assert_eq!(v.entries.len(), index.len());
            for (id, e) in v.entries.iter().enumerate() {
                proptest::prop_assert_eq!(index[e.surface], id as u32);
                proptest::prop_assert_eq!(v.folded(e), fold(e.surface));
                let folded = fold(e.surface);
                proptest::prop_assert_eq!(v.folded_key(id), (folded.as_str(), Key::of_str(&folded)));
                let uses = ids.iter().filter(|&&i| i == id as u32).count();
                proptest::prop_assert_eq!(e.uses as usize, uses);
                proptest::prop_assert_eq!(v.id(e.surface), Some(id));
            }
        }
    }
}
