//! HTML pages: fixtures written for the project (never the evaluation pages), and bad input.

use super::*;
use crate::article::{Dir, from_bytes};

const AR: &str = include_str!("../../../tests/fixtures/formats/ar-rtl-jsonld.html");
const EN: &str = include_str!("../../../tests/fixtures/formats/en-chrome.html");

#[test]
fn arabic_page_with_json_ld() {
    let doc = from_bytes("ar.html", AR.as_bytes());
    let a = &doc.article;
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "الحكومة تعلن خطة لدعم المزارعين");
    assert_eq!((a.lang.as_deref(), a.dir), (Some("ar"), Dir::Rtl));
    assert_eq!(a.author.as_deref(), Some("سارة الأحمد"));
    assert_eq!(a.source.as_deref(), Some("أخبار الوادي"));
    assert_eq!(a.date.as_deref(), Some("2026-11-20T09:30:00+03:00"));
    assert!(a.lead.starts_with("أعلنت الحكومة اليوم"), "{}", a.lead);
    assert_eq!(a.subheadings, ["قروض ميسرة وبذور مجانية"]);
    assert!(
        a.quotes.iter().any(|q| q.text.starts_with("سنقف إلى جانب")),
        "{:?}",
        a.quotes
    );
    let body = doc.structure.body_text();
    for chrome in [
        "الرئيسية",
        "أخبار ذات صلة",
        "جميع الحقوق",
        "track(",
        "color: red",
    ] {
        assert!(!body.contains(chrome), "{chrome} in {body}");
    }
    assert!(
        !body.starts_with("الحكومة تعلن"),
        "the headline is not body: {body}"
    );
}

#[test]
fn english_page_loses_nav_comments_cookies_and_share_buttons() {
    let doc = from_bytes("storm.htm", EN.as_bytes());
    let a = &doc.article;
    assert_eq!(a.title, "Storm cuts power to thousands on the coast");
    assert_eq!((a.lang.as_deref(), a.dir), (Some("en"), Dir::Ltr));
    assert_eq!(a.author.as_deref(), Some("Jane Roe"));
    assert_eq!(a.source.as_deref(), Some("Coastal Herald"));
    assert_eq!(a.date.as_deref(), Some("2026-11-21T18:05:00Z"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://herald.example.org/news/storm-power")
    );
    assert!(a.lead.starts_with("A fierce storm swept"), "{}", a.lead);
    assert_eq!(a.subheadings, ["Schools closed on Tuesday"]);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Tom Hale"));
    let body = doc.structure.body_text();
    for chrome in [
        "cookies",
        "Subscribe",
        "Share on",
        "Lost power at 9pm",
        "Most read",
        "All rights reserved",
    ] {
        assert!(!body.contains(chrome), "{chrome} leaked into:\n{body}");
    }
    assert!(
        body.contains("more rain is likely over the weekend"),
        "{body}"
    );
}

#[test]
fn html_is_sniffed_in_a_text_file() {
    let a = from_bytes("saved-page.txt", EN.as_bytes()).article;
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "Storm cuts power to thousands on the coast");
}

#[test]
fn malformed_markup_still_gives_the_text() {
    let html = "<html><head><title>Broken page</title><body><div><p>The council met on Tuesday <b>to discuss <i>the budget</b> for next year.<p>Another paragraph here, unclosed and still read by the parser today.</div></span></table>";
    let doc = from_bytes("broken.html", html.as_bytes());
    assert_eq!(doc.article.title, "Broken page");
    let body = doc.structure.body_text();
    assert!(
        body.contains("to discuss the budget for next year."),
        "{body}"
    );
    assert!(body.contains("Another paragraph"), "{body}");
}

#[test]
fn deep_nesting_neither_overflows_nor_hangs() {
    let depth = 10_000;
    let html = format!(
        "<html><head><title>Deep</title></head><body>{}<p>The text at the bottom of a very deep page.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // Test threads have small stacks: a recursive walk would overflow here.
    let doc = from_bytes("deep.html", html.as_bytes());
    assert!(
        doc.structure
            .body_text()
            .contains("bottom of a very deep page"),
        "{:?}",
        doc.structure
    );
    assert!(
        doc.article.notes.iter().any(|n| n.contains("nested")),
        "{:?}",
        doc.article.notes
    );
}

#[test]
fn a_huge_page_reads_in_linear_time() {
    // About the byte cap: many paragraphs, then one giant run of links.
    let para =
        "<p>Residents of the valley gathered at the hall on Monday evening to hear the plan.</p>";
    let mut html = String::from("<html><head><title>Big</title></head><body><article>");
    while html.len() < 1_000_000 {
        html.push_str(para);
    }
    html.push_str("</article><div>");
    while html.len() < crate::article::MAX_BYTES as usize {
        html.push_str("<a href=/x>link</a> ");
    }
    let start = std::time::Instant::now();
    let doc = from_bytes("big.html", html.as_bytes());
    assert!(doc.article.words > 10_000);
    // Generous for a debug build on a busy machine; quadratic work takes minutes.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn a_wrong_charset_declaration_is_overruled() {
    let html = AR.replace("charset=\"utf-8\"", "charset=\"iso-8859-1\"");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
    // windows-1256 bytes under a Latin-1 declaration.
    let a = from_bytes("ar-1256.html", &bytes).article;
    assert_eq!(a.title, "الحكومة تعلن خطة لدعم المزارعين");
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("declares windows-1252 but is windows-1256")),
        "{:?}",
        a.notes
    );
}

#[test]
fn hostile_text_is_sanitised() {
    let html = "<html><head><title>Hi&#27;[2J there</title></head><body><p>A paragraph with an escape &#x1b;]52;c;SGVsbG8=&#7; and a right-to-left override &#x202E; in it, long enough to count as running text.</p></body></html>";
    let doc = from_bytes("x.html", html.as_bytes());
    let json = serde_json::to_string(&doc.article).expect("json");
    for bad in ["\\u001b", "\\u0007", "\u{202E}", "\\u202e"] {
        assert!(!json.contains(bad), "{bad} in {json}");
    }
    assert!(!doc.structure.body_text().contains('\u{1b}'));
}

#[test]
fn an_empty_or_textless_page_is_an_item_with_a_note() {
    let a = from_bytes(
        "empty.html",
        b"<html><body><script>x()</script></body></html>",
    )
    .article;
    assert_eq!(a.format, Format::Html);
    assert!(a.notes.iter().any(|n| n == "no body text"), "{:?}", a.notes);
    let a = from_bytes("nothing.html", b"").article;
    assert_eq!(a.title, "nothing.html");
}

#[test]
fn nesting_depth_skips_scripts_and_void_elements() {
    assert_eq!(nesting_depth("<div><div><br><img></div></div>"), 2);
    assert_eq!(
        nesting_depth("<div><script>if (a<b && c<d) {}</script></div>"),
        1
    );
    assert_eq!(nesting_depth("<!-- <div><div> --><p>x"), 0);
}

#[test]
fn nested_formatting_and_unclosed_tags_stay_fast() {
    // Formatting elements are reconstructed at every text: a classic quadratic trap.
    let cases = [
        format!(
            "<html><body><p>{}text</p></body></html>",
            "<b><i>".repeat(5_000)
        ),
        format!(
            "<html><body>{}</body></html>",
            "<a href=x>link text ".repeat(10_000)
        ),
        format!(
            "<html><body>{}</body></html>",
            "<p><div><table><td>cell ".repeat(3_000)
        ),
    ];
    for html in cases {
        let start = std::time::Instant::now();
        let doc = from_bytes("nested.html", html.as_bytes());
        assert!(!doc.structure.body_text().is_empty() || !doc.article.notes.is_empty());
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
    }
}

#[test]
fn a_50_mb_page_is_read_up_to_the_cap_with_a_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.html");
    let para = "<p>The river rose again on Sunday and the town waited for the water to fall.</p>\n";
    let mut html = String::from("<html><head><title>Huge</title></head><body><article>");
    html.push_str(&para.repeat(50 * 1024 * 1024 / para.len()));
    std::fs::write(&path, &html).expect("write");
    let start = std::time::Instant::now();
    let a = crate::article::read(&path).article;
    assert_eq!(a.title, "Huge");
    assert!(
        a.notes.iter().any(|n| n.starts_with("truncated")),
        "{:?}",
        a.notes
    );
    assert!(a.words > 100_000);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

// The block walk on its own.

fn texts(html: &str, filter: Filter) -> Vec<(String, bool)> {
    let doc = dom_query::Document::from(html);
    let body = doc.body().expect("a body");
    blocks::blocks(&body, filter)
        .into_iter()
        .map(|b| (b.text, b.heading))
        .collect()
}

#[test]
fn paragraphs_headings_and_inline_markup() {
    let html = "<body><h2>A <em>sub</em>heading</h2><p>One   <b>bold</b>\n word,<a href=x>link</a>.</p><p>Two<br>lines</p></body>";
    assert_eq!(
        texts(html, Filter::Article),
        [
            ("A subheading".to_string(), true),
            ("One bold word,link.".to_string(), false),
            ("Two".to_string(), false),
            ("lines".to_string(), false),
        ]
    );
}

#[test]
fn chrome_is_dropped_only_when_asked() {
    let html = "<body><nav>Home News</nav><div class=\"cookie-banner\">We use cookies</div><p>Story text.</p><script>var x</script></body>";
    let chrome: Vec<String> = texts(html, Filter::Chrome)
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(chrome, ["Story text."]);
    assert_eq!(texts(html, Filter::Article).len(), 3);
}

#[test]
fn table_cells_are_separated() {
    let html = "<body><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></body>";
    let t: Vec<String> = texts(html, Filter::Article)
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(t, ["a | b", "c"]);
}
