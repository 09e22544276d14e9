//! A body's words split once, each distinct word folded once: the word count,
//! the keywords and the MinHash signature all read this one pass.

use foldhash::{HashMap, HashMapExt};

use super::fold::fold_into;
use super::words::words;

/// One distinct word of a body.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub surface: &'a str,
    /// A keyword candidate: three characters or more, no digit, not CJK.
    pub term: bool,
    /// How often it is used.
    pub uses: usize,
    /// How many keyword candidates come before its first use.
    pub first_term: usize,
    /// Its fold, as a byte range of [`Vocab::folds`].
    folded: (usize, usize),
}

/// The words of a body: each distinct one once, and the body as their sequence.
#[derive(Debug, Default)]
pub struct Vocab<'a> {
    /// Distinct words in order of first use.
    pub entries: Vec<Entry<'a>>,
    /// Every word of the body, as an index into `entries`.
    pub sequence: Vec<u32>,
    /// Distinct words by surface, as indexes into `entries`.
    index: HashMap<&'a str, u32>,
    /// The folds of all entries, one after another.
    folds: String,
    /// The body has a CJK character (its keywords are bigrams, read from the text).
    pub cjk: bool,
}

impl<'a> Vocab<'a> {
    /// Splits `body` into words ([`words`]) and folds each distinct one.
    pub fn new(body: &'a str) -> Vocab<'a> {
        let mut vocab = Vocab {
            index: HashMap::with_capacity(body.len() / 16),
            sequence: Vec::with_capacity(body.len() / 8),
            ..Vocab::default()
        };
        let mut terms = 0;
        for word in words(body).detailed() {
            let term = !word.cjk && word.chars >= 3 && !word.digits;
            let next = vocab.entries.len() as u32;
            let id = *vocab.index.entry(word.text).or_insert(next);
            if id == next {
                vocab.entries.push(Entry {
                    surface: word.text,
                    term,
                    uses: 0,
                    first_term: terms,
                    folded: (0, 0),
                });
            }
            vocab.entries[id as usize].uses += 1;
            vocab.sequence.push(id);
            terms += usize::from(term);
            vocab.cjk |= word.cjk;
        }
        vocab.fold_entries();
        vocab
    }

    fn fold_entries(&mut self) {
        self.folds = String::with_capacity(self.entries.iter().map(|e| e.surface.len()).sum());
        for entry in &mut self.entries {
            let start = self.folds.len();
            fold_into(&mut self.folds, entry.surface);
            entry.folded = (start, self.folds.len());
        }
    }

    /// The [`fold`](super::fold::fold) of an entry.
    pub fn folded(&self, entry: &Entry) -> &str {
        self.folds.get(entry.folded.0..entry.folded.1).unwrap_or("")
    }

    /// The index in `entries` of a surface form, if the body uses it.
    pub fn id(&self, surface: &str) -> Option<usize> {
        self.index.get(surface).map(|&id| id as usize)
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
}
