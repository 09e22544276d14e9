//! Keywords: frequent words after stopwords, grouped on folded forms, shown as written.

// foldhash rather than SipHash for the CJK path's surfaces.
use foldhash::{HashMap, HashMapExt};

use std::borrow::Cow;
use std::cell::Cell;

use super::fold::{fold_cow, without_prefixes};
use super::lang::is_cjk;
use super::stopwords::{self, Stopwords};
use super::table::{Key, Table};
use super::vocab::Vocab;
use super::words::{Word, words};

/// How many keywords an article keeps.
pub const MAX_KEYWORDS: usize = 8;

/// How often a surface form is used, where first, and whether in the title.
#[derive(Clone, Copy)]
struct Seen<'a> {
    surface: &'a str,
    count: usize,
    first: usize,
    in_title: bool,
}

/// One folded term: its uses under every surface form, the form to show, and
/// where it went if it was merged into its bare form.
struct Tally<'a> {
    folded: &'a str,
    count: usize,
    first: usize,
    in_title: bool,
    shown: Seen<'a>,
    merged_into: Option<usize>,
}

/// The most telling words of `body` (title words weigh more), in surface form.
pub fn keywords(title: &str, body: &str, lang: Option<&str>) -> Vec<String> {
    keywords_in(title, body, &Vocab::new(body), lang)
}

/// [`keywords`] over the body's words already split and folded (`vocab`, of
/// `body`), so a caller that counts them too splits the body once.
pub fn keywords_in(title: &str, body: &str, vocab: &Vocab, lang: Option<&str>) -> Vec<String> {
    let stop = stopwords::for_language(lang);
    let title_terms = terms(title, words(title).detailed()).map(|t| (t, true));
    if vocab.cjk {
        // CJK bigrams are not words: read the terms from the text again.
        let uses = title_terms.chain(terms(body, words(body).detailed()).map(|t| (t, false)));
        let folded = fold_each(surfaces(uses, (title.len() + body.len()) / 16));
        let mut tallies = Tallies::with_capacity(folded.len());
        for (seen, folded) in &folded {
            tallies.add(&stop, *seen, folded, Key::of_str(folded));
        }
        return tallies.ranked();
    }
    let mut title = fold_each(surfaces(title_terms, title.len() / 4));
    let mut tallies = Tallies::with_capacity(title.len() + vocab.entries.len());
    // The title's terms, then the body's in order of first use. A title term
    // the body uses too keeps its title place and counts both.
    let before = title.iter().map(|(s, _)| s.count).sum::<usize>();
    let mut in_title = Vec::new();
    for (seen, _) in &mut title {
        if let Some(id) = vocab.id(seen.surface) {
            seen.count += vocab.entries[id].uses as usize;
            in_title.push(id);
        }
    }
    for (seen, folded) in &title {
        tallies.add(&stop, *seen, folded, Key::of_str(folded));
    }
    for (id, e) in vocab.entries.iter().enumerate() {
        if e.term && !in_title.contains(&id) {
            let seen = Seen {
                surface: e.surface,
                count: e.uses as usize,
                first: before + e.first_term as usize,
                in_title: false,
            };
            let (folded, key) = vocab.folded_key(id);
            tallies.add(&stop, seen, folded, key);
        }
    }
    tallies.ranked()
}

/// Tallies by folded term: the table's ids are the indexes of `list`.
struct Tallies<'a> {
    index: Table,
    list: Vec<Tally<'a>>,
}

thread_local! {
    /// The last article's table and tally list, emptied, for the next one on the thread.
    static SPARE: Cell<(Table, Vec<Tally<'static>>)> = Cell::new(Default::default());
}

/// Tally lists longer than this go back to the allocator.
const MAX_KEPT_TERMS: usize = 1 << 12;

/// An emptied vector of tallies, as one for tallies of another lifetime: the
/// collect of an empty vector into one of the same layout keeps its allocation.
fn relabel<'b>(mut list: Vec<Tally<'_>>) -> Vec<Tally<'b>> {
    list.clear();
    list.into_iter().map(|_| Tally::NONE).collect()
}

impl Tally<'static> {
    /// A placeholder, never stored: see [`relabel`].
    const NONE: Tally<'static> = Tally {
        folded: "",
        count: 0,
        first: 0,
        in_title: false,
        shown: Seen {
            surface: "",
            count: 0,
            first: 0,
            in_title: false,
        },
        merged_into: None,
    };
}

impl<'a> Tallies<'a> {
    fn with_capacity(terms: usize) -> Tallies<'a> {
        let (mut index, list) = SPARE.with(Cell::take);
        index.reset(terms);
        let mut list = relabel(list);
        list.reserve(terms);
        Tallies { index, list }
    }

    /// Counts a use of the folded term `folded` (with key `key`), unless it is a stopword.
    fn add(&mut self, stop: &Stopwords, seen: Seen<'a>, folded: &'a str, key: Key) {
        if stop.contains_key(&key, folded) {
            return;
        }
        let list = &self.list;
        let (i, new) = self
            .index
            .insert(&key, |i| list[i as usize].folded == folded);
        if new {
            self.list.push(Tally {
                folded,
                count: 0,
                first: seen.first,
                in_title: false,
                shown: seen,
                merged_into: None,
            });
        }
        let tally = &mut self.list[i as usize];
        tally.count += seen.count;
        tally.in_title |= seen.in_title;
        if shows_better(&seen, &tally.shown) {
            tally.shown = seen;
        }
    }

    /// The shown forms of the best terms, after merging clitic forms.
    fn ranked(mut self) -> Vec<String> {
        merge_clitic_forms(&self.index, &mut self.list);
        let mut ranked: Vec<&Tally> = self
            .list
            .iter()
            .filter(|t| t.merged_into.is_none() && (t.count >= 2 || t.in_title))
            .collect();
        let score = |t: &Tally| t.count + if t.in_title { 3 } else { 0 };
        ranked.sort_by(|a, b| score(b).cmp(&score(a)).then(a.first.cmp(&b.first)));
        let shown = ranked
            .into_iter()
            .take(MAX_KEYWORDS)
            .map(|t| t.shown.surface.to_string())
            .collect();
        if self.list.capacity() <= MAX_KEPT_TERMS {
            let spare = (self.index, relabel(self.list));
            let _ = SPARE.try_with(|slot| slot.set(spare));
        }
        shown
    }
}

/// Should `a` be shown rather than `b`? The most used form; on a tie the
/// shorter; then the earlier.
fn shows_better(a: &Seen, b: &Seen) -> bool {
    let key = |s: &Seen| {
        (
            s.count,
            std::cmp::Reverse(s.surface.len()),
            std::cmp::Reverse(s.first),
        )
    };
    key(a) > key(b)
}

/// Each surface with its fold (CJK is kept as written).
fn fold_each(surfaces: Vec<Seen<'_>>) -> Vec<(Seen<'_>, Cow<'_, str>)> {
    surfaces
        .into_iter()
        .map(|seen| {
            let folded = if seen.surface.starts_with(is_cjk) {
                Cow::Borrowed(seen.surface)
            } else {
                fold_cow(seen.surface)
            };
            (seen, folded)
        })
        .collect()
}

/// Distinct surface forms in order of first use, with their counts: each is then
/// folded once, not once per use.
fn surfaces<'a>(uses: impl Iterator<Item = (&'a str, bool)>, capacity: usize) -> Vec<Seen<'a>> {
    let mut order: Vec<Seen> = Vec::with_capacity(capacity / 2);
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(capacity);
    for (pos, (surface, in_title)) in uses.enumerate() {
        let i = *index.entry(surface).or_insert_with(|| {
            order.push(Seen {
                surface,
                count: 0,
                first: pos,
                in_title: false,
            });
            order.len() - 1
        });
        order[i].count += 1;
        order[i].in_title |= in_title;
    }
    order
}

/// Folds `بإدلب` into `إدلب` when the bare form also occurs on its own: each
/// term goes, in order of first use, into the first bare form found (or into
/// whatever that form itself went into).
fn merge_clitic_forms(index: &Table, tallies: &mut [Tally]) {
    // In order of first use, which is the order of the tallies (and their ids).
    let targets: Vec<(usize, usize)> = tallies
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let stem = without_prefixes(t.folded).find_map(|s| {
                let same = |j: u32| tallies[j as usize].folded == s;
                let j = index.get(&Key::of_str(s), same)? as usize;
                (j != i).then_some(j)
            })?;
            Some((i, stem))
        })
        .collect();
    for (i, mut j) in targets {
        while let Some(k) = tallies[j].merged_into {
            j = k;
        }
        if i == j {
            continue;
        }
        let Tally {
            count,
            first,
            in_title,
            shown,
            ..
        } = tallies[i];
        tallies[i].merged_into = Some(j);
        let target = &mut tallies[j];
        target.count += count;
        target.first = target.first.min(first);
        target.in_title |= in_title;
        // The clitic forms' surfaces compete for the shown form too.
        if shows_better(&shown, &target.shown) {
            target.shown = shown;
        }
    }
}

/// Candidate terms in text order: words of three letters or more that are not
/// numbers, and the bigrams of adjacent CJK characters (written without spaces).
fn terms<'a>(
    text: &'a str,
    words: impl Iterator<Item = Word<'a>>,
) -> impl Iterator<Item = &'a str> {
    let mut previous_cjk: Option<(usize, usize)> = None;
    words.filter_map(move |word| {
        let end = word.start + word.text.len();
        if word.cjk {
            let bigram = previous_cjk
                .filter(|&(_, e)| e == word.start)
                .map(|(s, _)| &text[s..end]);
            previous_cjk = Some((word.start, end));
            return bigram;
        }
        previous_cjk = None;
        (word.chars >= 3 && !word.digits).then_some(word.text)
    })
}

#[cfg(test)]
mod tests;
