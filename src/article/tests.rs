//! Field extraction on whole articles in several languages.

use super::*;

const SEED: &str = include_str!("../../tests/fixtures/seed-ar.txt");

#[test]
fn seed_article_fields() {
    let a = extract("000_5e52a797893e5a0a.txt", SEED).article;
    assert_eq!(a.title, SEED.lines().next().expect("first line"));
    assert!(a.lead.starts_with("أعلنت موسكو"), "{}", a.lead);
    assert_eq!((a.lang.as_deref(), a.dir), (Some("ar"), Dir::Rtl));
    assert_eq!(a.subheadings.len(), 2, "{:?}", a.subheadings);
    assert!(a.subheadings[0].starts_with("الكرملين: يجب التصدي"));
    assert!(a.subheadings[1].starts_with("بعد مقتل 5 جنود للاحتلال"));
    assert!(a.quotes.len() >= 3, "{:?}", a.quotes);
    assert!(
        a.quotes[0]
            .speaker
            .as_deref()
            .is_some_and(|s| s.contains("ريابكوف")),
        "{:?}",
        a.quotes[0]
    );
    assert!(
        a.quotes[1]
            .speaker
            .as_deref()
            .is_some_and(|s| s.contains("بيسكوف")),
        "{:?}",
        a.quotes[1]
    );
    assert!(
        a.keywords.iter().take(5).any(|k| k == "إدلب"),
        "{:?}",
        a.keywords
    );
    let json = serde_json::to_string(&a).expect("json");
    for chrome in ["اظهر المزيد", "زر الذهاب إلى الأعلى"] {
        assert!(!json.contains(chrome), "{chrome} leaked");
    }
    assert!(a.words > 300 && a.reading_minutes >= 2);
}

#[test]
fn seed_body_text_has_no_chrome() {
    let doc = extract("seed.txt", SEED);
    let body = doc.structure.body_text();
    assert!(body.starts_with("أعلنت موسكو"));
    assert!(!body.contains("اظهر المزيد"));
}

#[test]
fn english_article_fields() {
    let text = "Flood waters rise in the valley\n\nBy Jane Roe\n\nFlood waters rose across the valley on Monday, forcing hundreds of families from their homes. Rescue teams worked through the night.\n\n“The water is rising faster than we have ever seen,” said Tom Hale, the county's emergency chief.\n\nForecasters expect more rain in the valley this week.\n\nRead more\nShare\n";
    let a = extract("2026-11-28-flood.txt", text).article;
    assert_eq!(a.title, "Flood waters rise in the valley");
    assert!(a.lead.starts_with("Flood waters rose"));
    assert!(
        a.summary
            .starts_with("Flood waters rose across the valley on Monday")
    );
    assert_eq!((a.lang.as_deref(), a.dir), (Some("en"), Dir::Ltr));
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Tom Hale"));
    assert!(a.keywords.iter().any(|k| k == "valley"), "{:?}", a.keywords);
    assert_eq!(a.date.as_deref(), Some("2026-11-28"));
    assert!(a.subheadings.is_empty());
    let json = serde_json::to_string(&a).expect("json");
    assert!(!json.contains("Read more") && !json.contains("Share"));
}

#[test]
fn front_matter_wins_over_heuristics() {
    let text = "---\ntitle: Council passes budget\nsource: City Wire\ndate: 2026-11-20\nurl: https://example.org/b\nauthor: Ana Lima\nlang: pt\n---\n# Council passes budget\n\nO conselho aprovou o orçamento na terça-feira à noite depois de um longo debate.\n";
    let a = extract("budget.md", text).article;
    assert_eq!(a.title, "Council passes budget");
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(a.source.as_deref(), Some("City Wire"));
    assert_eq!(a.author.as_deref(), Some("Ana Lima"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/b"));
    assert_eq!(a.lang.as_deref(), Some("pt"));
    assert!(a.lead.starts_with("O conselho"));
}

#[test]
fn russian_and_chinese_articles() {
    let ru = "Совет утвердил бюджет\n\nГородской совет утвердил новый бюджет во вторник вечером после долгих дебатов. «Мы сделали всё возможное для жителей», — заявил мэр.\n";
    let a = extract("ru.txt", ru).article;
    assert_eq!(a.lang.as_deref(), Some("ru"));
    assert_eq!(a.quotes.len(), 1);
    let zh = "市议会批准新预算\n\n市议会周二晚上经过长时间辩论后批准了新的预算方案。新预算方案将削减道路开支。\n";
    let a = extract("zh.txt", zh).article;
    assert_eq!(a.lang.as_deref(), Some("zh"));
    assert_eq!(
        a.summary,
        "市议会周二晚上经过长时间辩论后批准了新的预算方案。新预算方案将削减道路开支。"
    );
    assert!(a.keywords.iter().any(|k| k == "预算"), "{:?}", a.keywords);
}

#[test]
fn empty_and_binary_files_are_reported() {
    let a = from_bytes("empty.txt", b"").article;
    assert_eq!(a.title, "empty.txt");
    assert_eq!(a.notes, ["empty file"]);
    let a = from_bytes("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").article;
    assert_eq!(a.format, Format::Binary);
    assert!(
        a.error
            .as_deref()
            .is_some_and(|e| e.contains("not a text file"))
    );
}

#[test]
fn legacy_encoding_is_noted() {
    let text =
        "عنوان الخبر\n\nأعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let a = from_bytes("cp1256.txt", &bytes).article;
    assert_eq!(a.title, "عنوان الخبر");
    assert!(
        a.notes.contains(&"decoded from windows-1256".to_string()),
        "{:?}",
        a.notes
    );
}

#[test]
fn ids_are_stable_and_distinct() {
    assert_eq!(id_for("a.txt"), id_for("a.txt"));
    assert_ne!(id_for("a.txt"), id_for("b.txt"));
    assert_eq!(id_for("a.txt").len(), 12);
}

#[test]
fn a_headline_with_a_big_count_is_still_the_title() {
    let text = "الدفاع المدني: 31245 بلاغا خلال أيام العيد\n\nتلقت غرف العمليات في الدفاع المدني 31245 بلاغا خلال أيام العيد، معظمها حوادث منزلية بسيطة.\n";
    let a = extract("x.txt", text).article;
    assert_eq!(a.title, "الدفاع المدني: 31245 بلاغا خلال أيام العيد");
    assert!(a.lead.starts_with("تلقت غرف العمليات"), "{}", a.lead);
}

#[test]
fn a_columnists_contact_line_stays_out_of_the_body() {
    let text = "عن المطر\n\nعاد المطر إلى المدينة بعد غياب طويل، وعادت معه الأحاديث القديمة عن الشتاء والبيوت.\n\nwriter@example.org للتواصل مع الكاتب أرسل رسالة SMS تبدأ بالرمز 12 ثم مسافة ثم نص الرسالة إلى 90123\n";
    let doc = extract("x.txt", text);
    assert!(
        !doc.structure.body_text().contains("SMS"),
        "{}",
        doc.structure.body_text()
    );
    assert!(
        !doc.article
            .keywords
            .iter()
            .any(|k| k.eq_ignore_ascii_case("sms"))
    );
}
