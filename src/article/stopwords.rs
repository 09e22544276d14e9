//! Stopwords per language, folded once and kept for the life of the process.

use std::cell::RefCell;
use std::sync::{Arc, LazyLock, RwLock};

use foldhash::HashMap;

use super::fold::fold;
use super::table::{Key, Table};

/// A language's folded stopwords. Every distinct word of every article is
/// looked up, and most are not stopwords: a bit per hash (a one-hash Bloom
/// filter, 8 KiB) turns most of them down before the table is probed.
#[derive(Debug, Default)]
pub struct Stopwords {
    words: Vec<String>,
    table: Table,
    filter: Vec<u64>,
}

/// Bits of the filter: 65,536 for ~1,800 words (English, Arabic and the
/// extras), so ~3 % of the other words go on to the table.
const FILTER_BITS: usize = 1 << 16;

impl Stopwords {
    fn insert(&mut self, word: String) {
        let key = Key::of_str(&word);
        let words = &self.words;
        if self.table.insert(&key, |id| words[id as usize] == word).1 {
            let bit = key.hash() as usize % FILTER_BITS;
            self.filter[bit / 64] |= 1 << (bit % 64);
            self.words.push(word);
        }
    }

    /// Is the folded `word` a stopword?
    pub fn contains(&self, word: &str) -> bool {
        self.contains_key(&Key::of_str(word), word)
    }

    /// [`Stopwords::contains`] for a word whose key is known.
    #[inline]
    pub fn contains_key(&self, key: &Key, word: &str) -> bool {
        let bit = key.hash() as usize % FILTER_BITS;
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
            && self
                .table
                .get(key, |id| self.words[id as usize] == word)
                .is_some()
    }
}

/// Sets built so far, one per language code.
static CACHE: LazyLock<RwLock<HashMap<String, Arc<Stopwords>>>> = LazyLock::new(Default::default);

thread_local! {
    /// The language asked for last on this thread and its set: articles come
    /// in runs of one language, and the shared cache takes a lock and a look-up.
    static LAST: RefCell<Option<(Option<String>, Arc<Stopwords>)>> = const { RefCell::new(None) };
}

/// Folded stopwords of a language, plus English (quoted English is common) and
/// the Arabic news function words the ISO list lacks. Built on first use.
pub fn for_language(lang: Option<&str>) -> Arc<Stopwords> {
    LAST.with(|last| {
        if let Some((code, set)) = &*last.borrow()
            && code.as_deref() == lang
        {
            return Arc::clone(set);
        }
        let set = shared(lang);
        *last.borrow_mut() = Some((lang.map(str::to_string), Arc::clone(&set)));
        set
    })
}

/// [`for_language`] from the process-wide cache.
fn shared(lang: Option<&str>) -> Arc<Stopwords> {
    // Unknown codes share the English set, so the cache holds at most one set per
    // language the lists know, whatever codes the articles claim.
    let code = lang
        .filter(|c| stop_words::lookup(c).is_some())
        .unwrap_or("en");
    let cached = CACHE.read().ok().and_then(|map| map.get(code).cloned());
    if let Some(set) = cached {
        return set;
    }
    let set = Arc::new(build(code));
    if let Ok(mut map) = CACHE.write() {
        map.insert(code.to_string(), Arc::clone(&set));
    }
    set
}

fn build(code: &str) -> Stopwords {
    let mut set = Stopwords {
        table: Table::with_capacity(2048),
        filter: vec![0; FILTER_BITS / 64],
        ..Stopwords::default()
    };
    for code in [code, "en"] {
        for word in stop_words::lookup(code).unwrap_or_default() {
            set.insert(fold(word));
        }
    }
    for word in EXTRA_ARABIC {
        set.insert(fold(word));
    }
    set
}

/// News function words the ISO list lacks.
const EXTRA_ARABIC: &[&str] = &[
    "وكان",
    "وكانت",
    "التي",
    "الذي",
    "الذين",
    "خلال",
    "اليوم",
    "أمس",
    "وقال",
    "قال",
    "وأضاف",
    "أضاف",
    "وأكد",
    "أكد",
    "وأوضح",
    "أوضح",
    "مؤكدا",
    "مؤكداً",
    "تلك",
    "ذلك",
    "بعد",
    "قبل",
    "حيث",
    "أيضا",
    "أيضاً",
    "فيما",
    "بين",
    "إلى",
    "على",
    "عن",
    "مع",
    "كما",
    "وفي",
    "ومن",
];

#[cfg(test)]
mod tests {
    use super::{fold, for_language};

    #[test]
    fn the_filter_and_table_hold_what_a_hash_set_does() {
        let mut all: Vec<String> = Vec::new();
        for code in ["ar", "en"] {
            all.extend(
                stop_words::lookup(code)
                    .unwrap_or_default()
                    .iter()
                    .map(|w| fold(w)),
            );
        }
        all.extend(super::EXTRA_ARABIC.iter().map(|w| fold(w)));
        let set: std::collections::HashSet<&str> = all.iter().map(String::as_str).collect();
        let ours = for_language(Some("ar"));
        for word in &all {
            assert!(ours.contains(word), "{word}");
        }
        // Words that are not stopwords, some in the filter's way.
        let body = "أعلنت وزارة الخارجية السورية اليوم أن المحادثات مع الوفد الروسي ستستأنف \
                    The council approved the new budget after a long debate on Tuesday night";
        for word in body
            .split_whitespace()
            .map(fold)
            .chain((0..5000).map(|i| format!("w{i}")))
        {
            assert_eq!(ours.contains(&word), set.contains(word.as_str()), "{word}");
        }
    }

    #[test]
    fn sets_are_built_once_and_shared() {
        let a = for_language(Some("ar"));
        assert!(a.contains("في") && a.contains("the") && a.contains("التي"));
        assert!(std::sync::Arc::ptr_eq(&a, &for_language(Some("ar"))));
        assert!(std::sync::Arc::ptr_eq(
            &for_language(Some("xx-unknown")),
            &for_language(None)
        ));
        // The thread's last language does not stand in for another one.
        let en = for_language(Some("en"));
        assert!(!en.contains("في") && !std::sync::Arc::ptr_eq(&a, &en));
        assert!(std::sync::Arc::ptr_eq(&a, &for_language(Some("ar"))));
    }
}
