//! Keywords: examples, and the tables against the hash maps they replaced.

use super::*;

use std::collections::HashMap as StdMap;

/// The keywords as written before the word tables: every use of every term read
/// from the text, folded, and tallied in hash maps; the stopwords a hash set.
fn reference(title: &str, body: &str, lang: Option<&str>) -> Vec<String> {
    let stop = stopwords::for_language(lang);
    let uses = terms(title, words(title).detailed())
        .map(|t| (t, true))
        .chain(terms(body, words(body).detailed()).map(|t| (t, false)));
    let folded = fold_each(surfaces(uses, 16));
    let mut index: StdMap<&str, usize> = StdMap::new();
    let mut tallies: Vec<Tally> = Vec::new();
    for (seen, folded) in &folded {
        let (seen, folded) = (*seen, folded.as_ref());
        if stop.contains(folded) {
            continue;
        }
        let next = tallies.len();
        let i = *index.entry(folded).or_insert(next);
        if i == next {
            tallies.push(Tally {
                folded,
                count: 0,
                first: seen.first,
                in_title: false,
                shown: seen,
                merged_into: None,
            });
        }
        let tally = &mut tallies[i];
        tally.count += seen.count;
        tally.in_title |= seen.in_title;
        if shows_better(&seen, &tally.shown) {
            tally.shown = seen;
        }
    }
    let mut targets: Vec<(usize, usize)> = index
        .iter()
        .filter_map(|(key, &i)| {
            let stem =
                without_prefixes(key).find_map(|s| index.get(s).copied().filter(|&j| j != i))?;
            Some((i, stem))
        })
        .collect();
    targets.sort_unstable();
    for (i, mut j) in targets {
        while let Some(k) = tallies[j].merged_into {
            j = k;
        }
        if i == j {
            continue;
        }
        let t = tallies[i].shown;
        let (count, first, in_title) = (tallies[i].count, tallies[i].first, tallies[i].in_title);
        tallies[i].merged_into = Some(j);
        let target = &mut tallies[j];
        target.count += count;
        target.first = target.first.min(first);
        target.in_title |= in_title;
        if shows_better(&t, &target.shown) {
            target.shown = t;
        }
    }
    let mut ranked: Vec<&Tally> = tallies
        .iter()
        .filter(|t| t.merged_into.is_none() && (t.count >= 2 || t.in_title))
        .collect();
    let score = |t: &Tally| t.count + if t.in_title { 3 } else { 0 };
    ranked.sort_by(|a, b| score(b).cmp(&score(a)).then(a.first.cmp(&b.first)));
    ranked
        .into_iter()
        .take(MAX_KEYWORDS)
        .map(|t| t.shown.surface.to_string())
        .collect()
}

proptest::proptest! {
    #[test]
    fn keywords_are_those_of_the_hash_maps(
        title in proptest::collection::vec(0..20usize, 0..6),
        body in proptest::collection::vec(0..20usize, 0..150),
        ar in proptest::bool::ANY,
    ) {
        const WORDS: [&str; 20] = [
            "إدلب", "ادلب", "بإدلب", "وبإدلب", "في", "الاتصالات", "والاتصالات", "سوريا",
            "سورية", "مستمرة", "Budget", "budget", "the", "The", "Senate", "3.5",
            "المستشفيات", "والمستشفيات", "للمستشفيات", "الخَارِجِيَّة",
        ];
        let text = |picks: &[usize]| {
            picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ")
        };
        let (title, body) = (text(&title), text(&body));
        let lang = if ar { Some("ar") } else { Some("en") };
        proptest::prop_assert_eq!(keywords(&title, &body, lang), reference(&title, &body, lang));
    }
}

#[test]
fn the_reference_agrees_on_the_examples() {
    let body = "الاتصالات في إدلب مستمرة. التصعيد في إدلب وبإدلب مستمر. الجيش في إدلب. سوريا وسوريا.";
    let title = "الاتصالات بشأن إدلب";
    assert_eq!(
        keywords(title, body, Some("ar")),
        reference(title, body, Some("ar"))
    );
}

#[test]
fn arabic_keywords_merge_clitics_and_skip_stopwords() {
    let body = "الاتصالات في إدلب مستمرة. التصعيد في إدلب وبإدلب مستمر. الجيش في إدلب. سوريا وسوريا.";
    let k = keywords("الاتصالات بشأن إدلب", body, Some("ar"));
    assert_eq!(k.first().map(String::as_str), Some("إدلب"), "{k:?}");
    assert!(!k.iter().any(|w| w == "في"));
    assert!(!k.iter().any(|w| w == "وبإدلب"));
}

#[test]
fn english_keywords_are_surface_forms() {
    let body =
        "The Senate passed the budget. The budget cuts roads. Senators argued about the budget.";
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
