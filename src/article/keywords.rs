//! Keywords: frequent words after stopwords, grouped on folded forms, shown as written.

use std::collections::{HashMap, HashSet};

use unicode_segmentation::UnicodeSegmentation;

use super::fold::{fold, without_prefixes};
use super::lang::is_cjk;

/// How many keywords an article keeps.
pub const MAX_KEYWORDS: usize = 8;

struct Tally<'a> {
    count: usize,
    first: usize,
    in_title: bool,
    surfaces: HashMap<&'a str, usize>,
}

/// The most telling words of `body` (title words weigh more), in surface form.
pub fn keywords(title: &str, body: &str, lang: Option<&str>) -> Vec<String> {
    let stop = stopwords(lang);
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let title_terms: HashSet<String> = terms(title).map(|(_, f)| f).collect();
    for (pos, (surface, folded)) in terms(title).chain(terms(body)).enumerate() {
        if stop.contains(&folded) {
            continue;
        }
        let tally = tallies.entry(folded).or_insert_with(|| Tally {
            count: 0,
            first: pos,
            in_title: false,
            surfaces: HashMap::new(),
        });
        tally.count += 1;
        *tally.surfaces.entry(surface).or_default() += 1;
    }
    for (folded, tally) in tallies.iter_mut() {
        tally.in_title = title_terms.contains(folded);
    }
    merge_clitic_forms(&mut tallies);
    let mut ranked: Vec<(&String, &Tally)> = tallies
        .iter()
        .filter(|(_, t)| t.count >= 2 || t.in_title)
        .collect();
    let score = |t: &Tally| t.count + if t.in_title { 3 } else { 0 };
    ranked.sort_by(|a, b| score(b.1).cmp(&score(a.1)).then(a.1.first.cmp(&b.1.first)));
    ranked
        .into_iter()
        .take(MAX_KEYWORDS)
        .filter_map(|(_, t)| {
            t.surfaces
                .iter()
                .max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.len())))
        })
        .map(|(s, _)| s.to_string())
        .collect()
}

/// Folds `بإدلب` into `إدلب` when the bare form also occurs on its own.
fn merge_clitic_forms(tallies: &mut HashMap<String, Tally>) {
    let keys: Vec<String> = tallies.keys().cloned().collect();
    for key in keys {
        let Some(stem) = without_prefixes(&key)
            .find(|s| tallies.contains_key(*s))
            .map(str::to_string)
        else {
            continue;
        };
        if let Some(tally) = tallies.remove(&key)
            && let Some(target) = tallies.get_mut(&stem)
        {
            target.count += tally.count;
            target.first = target.first.min(tally.first);
            target.in_title |= tally.in_title;
            for (surface, n) in tally.surfaces {
                *target.surfaces.entry(surface).or_default() += n;
            }
        }
    }
}

/// Candidate terms with their folded form: words of three letters or more that
/// are not numbers, and the bigrams of runs of CJK characters (written without spaces).
fn terms(text: &str) -> impl Iterator<Item = (&str, String)> {
    let words = text
        .unicode_words()
        .filter(|w| !w.chars().any(is_cjk))
        .filter(|w| w.chars().count() >= 3 && !w.chars().any(char::is_numeric))
        .map(|w| (w, fold(w)));
    let cjk = cjk_runs(text).flat_map(bigrams).map(|b| (b, b.to_string()));
    words.chain(cjk)
}

fn cjk_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_cjk(c))
        .filter(|run| run.chars().nth(1).is_some())
}

fn bigrams(run: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    (0..starts.len().saturating_sub(2)).map(move |i| &run[starts[i]..starts[i + 2]])
}

/// Folded stopwords of the article's language, plus English (quoted English is common).
fn stopwords(lang: Option<&str>) -> HashSet<String> {
    let mut set: HashSet<String> = HashSet::new();
    for code in [lang.unwrap_or("en"), "en"] {
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
    use super::*;

    #[test]
    fn arabic_keywords_merge_clitics_and_skip_stopwords() {
        let body =
            "الاتصالات في إدلب مستمرة. التصعيد في إدلب وبإدلب مستمر. الجيش في إدلب. سوريا وسوريا.";
        let k = keywords("الاتصالات بشأن إدلب", body, Some("ar"));
        assert_eq!(k.first().map(String::as_str), Some("إدلب"), "{k:?}");
        assert!(!k.iter().any(|w| w == "في"));
        assert!(!k.iter().any(|w| w == "وبإدلب"));
    }

    #[test]
    fn english_keywords_are_surface_forms() {
        let body = "The Senate passed the budget. The budget cuts roads. Senators argued about the budget.";
        let k = keywords("Senate passes budget", body, Some("en"));
        assert_eq!(k.first().map(String::as_str), Some("budget"));
        assert!(k.contains(&"Senate".to_string()));
        assert!(!k.iter().any(|w| w.eq_ignore_ascii_case("the")));
    }

    #[test]
    fn chinese_keywords_are_bigrams() {
        let k = keywords(
            "预算方案",
            "议会批准了预算方案。预算方案引发争论。",
            Some("zh"),
        );
        assert!(k.contains(&"预算".to_string()), "{k:?}");
    }
}
