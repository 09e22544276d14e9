//! Matching: folding, clitics, fields, comparisons, aliases, speed.

use std::time::Duration;

use super::{aliases, hit};
use crate::article::{Dir, extract};
use crate::query::{Folded, Query, Subject};

fn arabic() -> Subject<'static> {
    Subject {
        title: "قصف جديد على ريف إدلب",
        lead: "قالت مصادر محلية إن الطائرات قصفت بلدات بإدلب صباح اليوم.",
        summary: "قالت مصادر محلية إن الطائرات قصفت بلدات بإدلب صباح اليوم. وأكد الدفاع المدني سقوط ضحايا.",
        lang: Some("ar"),
        dir: Dir::Rtl,
        source: Some("الجزيرة"),
        file: "2026-11-01-idlib.txt",
        date: Some("2026-11-01"),
        words: 420,
        age: Some(Duration::from_secs(2 * 3600)),
        ..Subject::default()
    }
}

fn english() -> Subject<'static> {
    Subject {
        title: "Syrian army advances near Idlib",
        lead: "Government forces advanced on Tuesday, officials said.",
        summary: "Government forces advanced on Tuesday, officials said. The U.N. called for calm.",
        lang: Some("en"),
        author: Some("Jane Doe"),
        url: Some("https://news.example.com/world/syria-idlib"),
        file: "syria.md",
        date: Some("2026-10-30T08:00:00Z"),
        words: 180,
        age: Some(Duration::from_secs(3 * 86_400)),
        ..Subject::default()
    }
}

#[test]
fn arabic_folding_and_clitics() {
    let item = arabic();
    for q in [
        "ادلب",
        "إدلب",
        "أدلب",
        "إِدْلِب",
        "ادلــب",
        "\"ادلب\"",
        "\"ريف ادلب\"",
        "title:ريف",
        "قصفت",
    ] {
        assert!(hit(q, &item), "{q}");
    }
    assert!(hit("lead:ادلب", &item), "بإدلب carries the clitic ب");
    assert!(hit("body:\"الدفاع المدني\"", &item));
    assert!(hit("body:دفاع", &item), "ال is a clitic");
    assert!(!hit("دلب", &item), "not a word start");
    assert!(!hit("\"ريف\" \"ادلب اليوم\"", &item));
}

#[test]
fn latin_words_are_word_prefixes_and_phrases_are_whole() {
    let item = english();
    assert!(hit("syria", &item), "prefix of Syrian");
    assert!(hit("SYRIA", &item));
    assert!(!hit("\"syria\"", &item), "a phrase is whole words");
    assert!(hit("\"syrian army\"", &item));
    assert!(!hit("yrian", &item));
    assert!(hit("\"u.n.\"", &item));
    assert!(hit("title:idlib -title:aleppo", &item));
}

#[test]
fn bare_values_search_title_lead_and_body() {
    let item = english();
    assert!(hit("calm", &item), "summary stands in for the body");
    assert!(!hit("title:calm", &item));
    assert!(!hit("secret", &item));
    let with_body = item.with_body("A secret body.");
    assert!(hit("secret", &with_body));
    assert!(!hit("calm", &with_body), "the body replaces the summary");
}

#[test]
fn other_fields() {
    let (ar, en) = (arabic(), english());
    assert!(hit("lang:ar dir:rtl", &ar) && !hit("lang:ar", &en) && hit("dir:ltr", &en));
    assert!(
        hit("lang:AR", &ar) && !hit("lang:a", &ar),
        "labels compare whole values"
    );
    assert!(hit("source:جزيره", &ar) && !hit("source:x", &en));
    assert!(hit("author:doe", &en) && hit("url:example.com", &en) && hit("url:idlib", &en));
    assert!(hit("file:2026", &ar) && hit("file:idlib", &ar) && hit("file:/\\.md$/", &en));
    let keywords = vec!["إدلب".to_string(), "قصف".to_string()];
    let tags = vec!["Urgent".to_string()];
    let item = ar.with_tags(&tags).with_category("syria");
    let item = Subject {
        keywords: &keywords,
        ..item
    };
    assert!(hit("keyword:ادلب tag:urgent category:syria", &item));
    assert!(!hit("tag:urg", &item) && !hit("category:sy", &item));
    assert!(hit("tag:/^urg/", &item) && hit("tag:/^Urg/r", &item) && !hit("tag:/^urg/r", &item));
}

#[test]
fn regexes_on_folded_and_raw_text() {
    let item = arabic();
    assert!(hit("/ريف\\s+إدلب/", &item));
    assert!(hit("title:/^قصف/", &item));
    assert!(!hit("/ريف ادلب/r", &item), "raw text still has the hamza");
    assert!(hit("/ريف إدلب/r", &item));
    assert!(hit("/SYRIAN/", &english()) && !hit("/SYRIAN/r", &english()));
}

#[test]
fn comparisons() {
    let (ar, en) = (arabic(), english());
    assert!(
        hit("words:>300", &ar)
            && !hit("words:>300", &en)
            && hit("words:420", &ar)
            && hit("words:<=180", &en)
    );
    assert!(
        hit("age:<6h", &ar) && !hit("age:<6h", &en) && hit("age:6h", &ar) && hit("age:>=3d", &en)
    );
    assert!(hit("age:<1w", &en) && !hit("age:>1w", &en) && hit("age:<181m", &ar));
    assert!(hit("date:2026-11-01", &ar) && hit("date:2026-11", &ar) && hit("date:2026", &en));
    assert!(hit("date:>=2026-11-01", &ar) && !hit("date:>=2026-11-01", &en));
    assert!(
        hit("date:<2026-11", &en),
        "a timestamp compares by its date"
    );
    assert!(!hit("date:<2026-11", &ar) && hit("date:>2026-10", &ar));
    let undated = Subject {
        date: None,
        age: None,
        ..en
    };
    assert!(!hit("date:2026", &undated) && !hit("age:<1w", &undated) && hit("-age:<1w", &undated));
}

#[test]
fn aliases_lists_and_logic() {
    let (ar, en) = (arabic(), english());
    assert!(hit("@idlib", &ar) && hit("@idlib", &en) && hit("title:@idlib lead:@idlib", &ar));
    assert!(hit("lang:ar and (title:@idlib or lead:@idlib)", &ar));
    assert!(!hit("@assad", &ar));
    assert!(hit("lang:[fr, en]", &en) && !hit("lang:[fr, de]", &en));
    assert!(hit("[aleppo, idlib]", &en) && hit("title:[حلب, @idlib]", &ar));
    assert!(hit("", &ar) && hit("x | lang:ar", &ar) && !hit("-lang:ar", &ar));
    assert!(hit("not (lang:en or words:>1000)", &ar));
}

#[test]
fn queries_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Query>();
    shareable::<Folded>();
}

#[test]
fn subject_from_an_article() {
    let doc = extract(
        "2026-11-02-idlib.txt",
        "قصف على إدلب\n\nقالت مصادر محلية إن الطائرات قصفت بلدات في ريف إدلب الجنوبي صباح اليوم.\n",
    );
    let mut article = doc.article;
    article.path = "/inbox/2026-11-02-idlib.txt".into();
    let subject = Subject::from(&article).with_age(Duration::from_secs(60));
    assert_eq!(subject.file, "2026-11-02-idlib.txt");
    let query =
        Query::new("lang:ar date:2026-11 age:<1h file:idlib ادلب", &aliases()).expect("query");
    assert!(query.matches_once(&subject), "{article:?}");
}

#[test]
fn ten_thousand_items_are_fast() {
    let cities = ["إدلب", "حلب", "دمشق"];
    let texts: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                "خبر رقم {i} عن الأوضاع في {} مع تفاصيل إضافية Syria update {i} ",
                cities[i % 3]
            )
            .repeat(4)
        })
        .collect();
    let subjects: Vec<Subject<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Subject {
            title: "عاجل",
            lead: t,
            summary: t,
            words: i,
            age: Some(Duration::from_secs(i as u64)),
            ..Subject::default()
        })
        .collect();
    let folded: Vec<Folded> = subjects.iter().map(Folded::new).collect();
    let heavy = "(@idlib or حلب) -دمشق words:>100 age:<2h /update \\d+/ \"الاوضاع في\"";
    let idlib_or_aleppo = (101..7200).filter(|i| i % 3 != 2).count();
    for (q, expected) in [
        ("ادلب", 3334),
        ("syria -\"no such phrase\"", 10_000),
        ("/تفاصيل\\s+\\w+/", 10_000),
        (heavy, idlib_or_aleppo),
    ] {
        let query = Query::new(q, &aliases()).expect("query");
        let count = subjects
            .iter()
            .zip(&folded)
            .filter(|(s, f)| query.matches(s, f))
            .count();
        // Speed is measured in benches/query.rs, not asserted here.
        assert_eq!(count, expected, "{q}");
    }
}
