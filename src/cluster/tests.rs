//! Copies of one story cluster however they were edited; other stories on the same topic do not.

use super::*;

const WIRE: &[&str] = &[
    "أعلنت وزارة الخارجية السورية اليوم أن المحادثات مع الوفد الروسي حول الوضع في إدلب ستستأنف الأسبوع المقبل في العاصمة دمشق.",
    "وأكد المتحدث باسم الوزارة أن سوريا ترحب بكل المبادرات التي تهدف إلى وقف التصعيد في الشمال وعودة النازحين إلى قراهم.",
    "وقال مصدر دبلوماسي إن الجانبين سيبحثان فتح الطرق الدولية وتبادل المعتقلين وإيصال المساعدات الإنسانية إلى المخيمات.",
    "وكانت جولة سابقة من المحادثات قد انتهت الشهر الماضي دون اتفاق بسبب خلافات حول خطوط التماس وانسحاب الفصائل المسلحة.",
    "ويعيش في محافظة إدلب أكثر من ثلاثة ملايين شخص نزح كثير منهم أكثر من مرة خلال سنوات الحرب الطويلة.",
];

fn body(paragraphs: &[&str]) -> String {
    paragraphs.join("\n\n")
}

fn sig(text: &str) -> Option<Signature> {
    Signature::of(text)
}

#[test]
fn edited_copies_of_one_story_cluster_together() {
    let original = body(WIRE);
    let trimmed = body(&WIRE[..4]);
    let byline = format!("دمشق - وكالات\n\n{original}");
    let harakat = original
        .replace("المحادثات", "المُحَادَثَات")
        .replace("الخارجية", "الخَارِجِيَّة");
    let variant = original.replace("سوريا", "سورية").replace("إدلب", "ادلب");
    let other_story = body(&[
        "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار تحالف أوبك بلس خفض الإنتاج مليون برميل يوميا حتى نهاية العام.",
        "وقال محللون إن القرار قد يدفع الأسعار إلى تجاوز تسعين دولارا للبرميل خلال الأسابيع المقبلة إذا استمر الطلب القوي.",
        "وتراجعت أسهم شركات الطيران في بورصات الخليج بعد الإعلان بينما صعدت أسهم شركات الطاقة الكبرى بنسب متفاوتة.",
    ]);
    let same_topic = body(&[
        "قصفت الطائرات الحربية مواقع في ريف إدلب الجنوبي فجر اليوم ما أسفر عن سقوط قتلى وجرحى بين المدنيين بحسب الدفاع المدني.",
        "وقالت فرق الإنقاذ إنها انتشلت عددا من الضحايا من تحت الأنقاض في بلدة على خط التماس بينما تواصلت حركة النزوح شمالا.",
        "ويأتي التصعيد قبل أيام من جولة محادثات جديدة مرتقبة بين موسكو ودمشق حول مستقبل المحافظة ومعابرها الحدودية.",
    ]);
    let items = [
        &original,
        &trimmed,
        &byline,
        &harakat,
        &variant,
        &other_story,
        &same_topic,
    ];
    let groups = clusters(items.iter().map(|t| sig(t)), DEFAULT_THRESHOLD);
    assert_eq!(
        groups,
        [vec![0, 1, 2, 3, 4]],
        "one cluster of the five copies"
    );
}

#[test]
fn exact_duplicates_always_cluster_and_short_texts_stand_alone() {
    let text = body(WIRE);
    let groups = clusters(
        [sig(&text), sig(&text), sig("too short"), sig("too short")],
        0.99,
    );
    assert_eq!(groups, [vec![0, 1]]);
}

#[test]
fn an_arriving_copy_finds_its_cluster_incrementally() {
    let mut index = Index::new(DEFAULT_THRESHOLD);
    let first = index.insert(sig(&body(WIRE)));
    index.insert(sig("The council approved the new budget after a long debate on Tuesday night and the mayor said the plan starts soon."));
    let copy = sig(&body(&WIRE[1..])).expect("sig");
    assert_eq!(index.similar(&copy), [first]);
    let item = index.insert(Some(copy));
    assert_eq!(index.root(item), first);
}
