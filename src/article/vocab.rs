//! A body's words split once, each distinct word folded once: the word count,
//! the keywords and the MinHash signature all read this one pass.
//!
//! What a word folds to and hashes to depends on the word alone, so it is kept
//! across articles in a per-thread [`Lexicon`]: news text repeats its words from
//! one article to the next, and a word met before costs one hash lookup (the one
//! that also finds it among the article's words) instead of folding and hashing.

use std::cell::RefCell;

use std::sync::atomic::{AtomicU64, Ordering};

use std::sync::Arc;

use foldhash::HashMap;

use super::stopwords::Stopwords;

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
    /// The signature's hashes of its fold ([`crate::cluster::signature`]).
    pub(crate) hashes: (u64, u64),
}

/// The words of a body: each distinct one once, and the body as their sequence.
#[derive(Debug, Default)]
pub struct Vocab<'a> {
    /// Distinct words in order of first use.
    pub entries: Vec<Entry<'a>>,
    /// Every word of the body, as an index into `entries`.
    pub sequence: Vec<u32>,
    /// Each entry's id in the thread's [`Lexicon`] of generation `generation`.
    globals: Vec<u32>,
    generation: u64,
    /// The folds of all entries, one after another.
    folds: String,
    /// The body has a CJK character (its keywords are bigrams, read from the text).
    pub cjk: bool,
}

/// Words kept in a [`Lexicon`] before it is emptied and starts again (a bound on
/// its memory, a few MB: whole corpora of news fit, a year of feeds need not).
const LEXICON_WORDS: usize = 1 << 16;

/// What is known of a word whatever the article: its fold and its signature
/// hashes; and where it stands in the article being read.
#[derive(Debug, Clone, Copy)]
struct Known {
    /// Byte range of its fold in [`Lexicon::folds`].
    fold: (u32, u32),
    hashes: (u64, u64),
    /// The article that last used it ([`Lexicon::article`]) and its entry there.
    article: u64,
    local: u32,
    /// Is its fold a stopword of the set of [`Lexicon::stop_epoch`] `stop.0`?
    stop: (u64, bool),
}

/// The words this thread has read, by surface form.
#[derive(Default)]
struct Lexicon {
    ids: HashMap<Box<str>, u32>,
    known: Vec<Known>,
    folds: String,
    /// Counts the articles read (each [`Vocab::new`]), from 1.
    article: u64,
    /// The stopword set `Known::stop` answers for, and its epoch (counted up each
    /// time the set changes; held so its address is never another set's).
    stop_set: Option<Arc<Stopwords>>,
    stop_epoch: u64,
    /// Which lexicon this is, unique in the process (a new one each time a
    /// lexicon is made or emptied): ids of another generation are void.
    generation: u64,
}

/// The last [`Lexicon::generation`] given out.
static GENERATIONS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon::new());
}

impl Lexicon {
    fn new() -> Lexicon {
        Lexicon {
            generation: GENERATIONS.fetch_add(1, Ordering::Relaxed) + 1,
            ..Lexicon::default()
        }
    }

    /// The id of `surface`, learning it (its fold and hashes) if it is new.
    fn id(&mut self, surface: &str) -> u32 {
        if let Some(&id) = self.ids.get(surface) {
            return id;
        }
        let id = self.known.len() as u32;
        let start = self.folds.len();
        fold_into(&mut self.folds, surface);
        let hashes = crate::cluster::signature::word_hashes(&self.folds[start..]);
        self.known.push(Known {
            fold: (start as u32, self.folds.len() as u32),
            hashes,
            article: 0,
            local: 0,
            stop: (0, false),
        });
        self.ids.insert(surface.into(), id);
        id
    }

    /// Starts an article: empties the lexicon first if it has grown too large.
    fn start_article(&mut self) {
        if self.known.len() >= LEXICON_WORDS || self.folds.len() >= u32::MAX as usize / 2 {
            *self = Lexicon {
                article: self.article,
                ..Lexicon::new()
            };
        }
        self.article += 1;
    }
}

impl<'a> Vocab<'a> {
    /// Splits `body` into words ([`words`]) and folds each distinct one.
    pub fn new(body: &'a str) -> Vocab<'a> {
        LEXICON.with(|lexicon| Vocab::with_lexicon(body, &mut lexicon.borrow_mut()))
    }

    fn with_lexicon(body: &'a str, lex: &mut Lexicon) -> Vocab<'a> {
        lex.start_article();
        let article = lex.article;
        // About one word in every 11 bytes of Arabic, two thirds of them distinct.
        let distinct = body.len() / 16;
        let mut vocab = Vocab {
            entries: Vec::with_capacity(distinct),
            globals: Vec::with_capacity(distinct),
            folds: String::with_capacity(distinct * 10),
            sequence: Vec::with_capacity(body.len() / 8),
            generation: lex.generation,
            ..Vocab::default()
        };
        let mut terms = 0;
        for word in words(body).detailed() {
            let term = !word.cjk && word.chars >= 3 && !word.digits;
            let global = lex.id(word.text);
            let known = &mut lex.known[global as usize];
            if known.article != article {
                known.article = article;
                known.local = vocab.entries.len() as u32;
                let start = vocab.folds.len();
                let fold = lex
                    .folds
                    .get(known.fold.0 as usize..known.fold.1 as usize)
                    .unwrap_or("");
                vocab.folds.push_str(fold);
                vocab.entries.push(Entry {
                    surface: word.text,
                    term,
                    uses: 0,
                    first_term: terms,
                    folded: (start, vocab.folds.len()),
                    hashes: known.hashes,
                });
                vocab.globals.push(global);
            }
            let id = known.local;
            vocab.entries[id as usize].uses += 1;
            vocab.sequence.push(id);
            terms += usize::from(term);
            vocab.cjk |= word.cjk;
        }
        vocab
    }

    /// The [`fold`](super::fold::fold) of an entry.
    pub fn folded(&self, entry: &Entry) -> &str {
        self.folds.get(entry.folded.0..entry.folded.1).unwrap_or("")
    }

    /// The index in `entries` of a surface form, if the body uses it.
    pub fn id(&self, surface: &str) -> Option<usize> {
        let global = LEXICON.with(|lexicon| {
            let lexicon = lexicon.borrow();
            (lexicon.generation == self.generation).then(|| lexicon.ids.get(surface).copied())
        });
        match global {
            Some(global) => {
                let global = global?;
                self.globals.iter().position(|&g| g == global)
            }
            // The lexicon was emptied since (another body read on this thread).
            None => self.entries.iter().position(|e| e.surface == surface),
        }
    }

    /// For each entry that is a keyword candidate ([`Entry::term`]), is its fold
    /// in `stop`? (false for the others). The answers are kept in the thread's
    /// lexicon while `stop` stays the set asked about.
    pub fn stopped(&self, stop: &Arc<Stopwords>) -> Vec<bool> {
        let direct = |e: &Entry| e.term && stop.contains(self.folded(e));
        LEXICON.with(|lexicon| {
            let mut lex = lexicon.borrow_mut();
            if lex.generation != self.generation {
                return self.entries.iter().map(direct).collect();
            }
            if !lex.stop_set.as_ref().is_some_and(|s| Arc::ptr_eq(s, stop)) {
                lex.stop_set = Some(Arc::clone(stop));
                lex.stop_epoch += 1;
            }
            let epoch = lex.stop_epoch;
            self.entries
                .iter()
                .zip(&self.globals)
                .map(|(e, &g)| {
                    let known = &mut lex.known[g as usize];
                    if !e.term {
                        false
                    } else if known.stop.0 == epoch {
                        known.stop.1
                    } else {
                        let stopped = direct(e);
                        known.stop = (epoch, stopped);
                        stopped
                    }
                })
                .collect()
        })
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
    use crate::article::stopwords::for_language;

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

    /// What a fresh vocabulary says of `body`, read without any lexicon: every
    /// distinct word folded and hashed on the spot.
    fn plain(body: &str) -> Vec<(String, usize, usize, String, (u64, u64))> {
        let mut out: Vec<(String, usize, usize, String, (u64, u64))> = Vec::new();
        let mut terms = 0;
        for w in words(body).detailed() {
            match out.iter_mut().find(|e| e.0 == w.text) {
                Some(e) => e.1 += 1,
                None => {
                    let f = fold(w.text);
                    let h = crate::cluster::signature::word_hashes(&f);
                    out.push((w.text.to_string(), 1, terms, f, h));
                }
            }
            terms += usize::from(!w.cjk && w.chars >= 3 && !w.digits);
        }
        out
    }

    fn read(v: &Vocab) -> Vec<(String, usize, usize, String, (u64, u64))> {
        v.entries
            .iter()
            .map(|e| {
                let f = v.folded(e).to_string();
                (e.surface.to_string(), e.uses, e.first_term, f, e.hashes)
            })
            .collect()
    }

    #[test]
    fn the_lexicon_changes_nothing_across_articles_and_when_emptied() {
        let bodies = [
            "قال الوزير إن الوزير قال: Budget 3.5 budget",
            "الوزير قال إن سورية وسوريا Budget the and التي",
            "",
            "سُورِيَا إدلب \u{0648}\u{0654} café 预算 ok",
        ];
        for round in 0..3 {
            for body in bodies {
                let v = Vocab::new(body);
                assert_eq!(read(&v), plain(body), "{body}");
                for e in &v.entries {
                    assert_eq!(
                        v.entries[v.id(e.surface).expect("known")].surface,
                        e.surface
                    );
                }
                assert_eq!(v.id("absent"), None);
                for stop in [for_language(Some("ar")), for_language(Some("en"))] {
                    let wanted: Vec<bool> = v
                        .entries
                        .iter()
                        .map(|e| e.term && stop.contains(&fold(e.surface)))
                        .collect();
                    assert_eq!(v.stopped(&stop), wanted, "{body}");
                }
            }
            if round == 1 {
                // Empty the lexicon: a vocabulary of the old one still answers.
                let old = Vocab::new(bodies[0]);
                LEXICON.with(|l| {
                    l.borrow_mut().known.resize(
                        LEXICON_WORDS,
                        Known {
                            fold: (0, 0),
                            hashes: (0, 0),
                            article: 0,
                            local: 0,
                            stop: (0, false),
                        },
                    )
                });
                let new = Vocab::new(bodies[1]);
                assert_ne!(old.generation, new.generation);
                assert_eq!(read(&new), plain(bodies[1]));
                assert_eq!(old.id("budget"), Some(5));
                assert_eq!(old.id("سورية"), None);
                let stop = for_language(Some("ar"));
                let wanted: Vec<bool> = old
                    .entries
                    .iter()
                    .map(|e| e.term && stop.contains(&fold(e.surface)))
                    .collect();
                assert_eq!(old.stopped(&stop), wanted);
            }
        }
    }
}
