//! Mail messages: a multipart newsletter with a windows-1256 part, HTML-only mail,
//! and mail without any text part.

use super::*;
use crate::article::{Dir, from_bytes};

const MULTIPART: &[u8] = include_bytes!("../../../tests/fixtures/formats/multipart-cp1256.eml");

#[test]
fn multipart_with_a_windows_1256_part_and_rfc2047_headers() {
    let doc = from_bytes("rain.eml", MULTIPART);
    let a = &doc.article;
    assert_eq!(a.format, Format::Email);
    assert_eq!(a.title, "أمطار غزيرة في بيروت");
    assert_eq!(a.author.as_deref(), Some("نشرة الأخبار"));
    assert_eq!(a.source.as_deref(), Some("Beirut Daily"));
    assert_eq!(a.date.as_deref(), Some("2026-11-22T20:15:00+02:00"));
    assert_eq!((a.lang.as_deref(), a.dir), (Some("ar"), Dir::Rtl));
    assert!(a.lead.starts_with("غمرت أمطار غزيرة"), "{}", a.lead);
    let body = doc.structure.body_text();
    assert!(
        !body.contains("HTML version") && !body.contains("PDF"),
        "{body}"
    );
    assert_eq!(
        a.meta.get("from").map(String::as_str),
        Some("news@example.org")
    );
}

#[test]
fn an_html_only_mail_is_extracted_like_a_page() {
    let mail = "From: Desk <desk@example.org>\r\nSubject: =?UTF-8?Q?Caf=C3=A9_news?=\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><table><tr><td><a href=/unsub>Unsubscribe</a></td></tr></table><p>The old café on the square reopened this week after a long renovation, its owners said.</p><p>Regulars queued from early morning to get a table by the window.</p></body></html>\r\n";
    let a = from_bytes("cafe.eml", mail.as_bytes()).article;
    assert_eq!(a.title, "Café news");
    assert_eq!(a.author.as_deref(), Some("Desk"));
    assert!(a.lead.starts_with("The old café"), "{}", a.lead);
}

#[test]
fn a_mail_without_a_text_part_is_an_item_with_a_note() {
    let mail = "From: a@example.org\r\nSubject: Scan\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=scan.png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n";
    let a = from_bytes("scan.eml", mail.as_bytes()).article;
    assert_eq!(a.title, "Scan");
    assert!(
        a.notes.iter().any(|n| n.starts_with("no text part")),
        "{:?}",
        a.notes
    );
    let a = from_bytes("junk.eml", b"\x00\x01 not a mail").article;
    assert!(a.error.is_some() || !a.notes.is_empty(), "{a:?}");
}
