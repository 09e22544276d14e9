//! Stopwords per language, folded once and kept for the life of the process.

use std::sync::{Arc, LazyLock, RwLock};

use foldhash::{HashMap, HashSet};

use super::fold::fold;

/// A language's folded stopwords.
pub type Stopwords = HashSet<String>;

/// Sets built so far, one per language code.
static CACHE: LazyLock<RwLock<HashMap<String, Arc<Stopwords>>>> = LazyLock::new(Default::default);

/// Folded stopwords of a language, plus English (quoted English is common) and
/// the Arabic news function words the ISO list lacks. Built on first use.
pub fn for_language(lang: Option<&str>) -> Arc<Stopwords> {
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
    let mut set = Stopwords::default();
    for code in [code, "en"] {
        if let Some(words) = stop_words::lookup(code) {
            set.extend(words.iter().map(|w| fold(w)));
        }
    }
    set.extend(EXTRA_ARABIC.iter().map(|w| fold(w)));
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
    use super::for_language;

    #[test]
    fn sets_are_built_once_and_shared() {
        let a = for_language(Some("ar"));
        assert!(a.contains("في") && a.contains("the") && a.contains("التي"));
        assert!(std::sync::Arc::ptr_eq(&a, &for_language(Some("ar"))));
        assert!(std::sync::Arc::ptr_eq(
            &for_language(Some("xx-unknown")),
            &for_language(None)
        ));
    }
}
