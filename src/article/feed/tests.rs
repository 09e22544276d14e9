//! Feeds: Atom with HTML content, RSS 2.0, JSON Feed, and damaged files.

use super::*;
use crate::article::from_bytes;

const ATOM: &str = include_str!("../../../tests/fixtures/formats/atom-html.xml");
const RSS: &str = include_str!("../../../tests/fixtures/formats/rss2.xml");
const JSON_FEED: &str = include_str!("../../../tests/fixtures/formats/feed.json");

fn item(feed: &Feed, i: usize) -> crate::article::Article {
    let name = feed.file_name(&feed.slug("f.xml"), &feed.entries[i]);
    from_bytes(&name, feed.item_json(&feed.entries[i]).as_bytes()).article
}

#[test]
fn atom_with_html_content() {
    let feed = parse(ATOM.as_bytes()).expect("atom");
    assert_eq!(feed.title.as_deref(), Some("Valley Wire"));
    assert_eq!(feed.entries.len(), 2);
    assert_eq!(feed.slug("x.xml"), "valley-wire");
    let a = item(&feed, 0);
    assert_eq!(a.title, "Bridge reopens after repairs");
    assert_eq!(a.author.as_deref(), Some("Ana Lima"));
    assert_eq!(a.source.as_deref(), Some("Valley Wire"));
    assert_eq!(a.date.as_deref(), Some("2026-11-22T08:00:00+00:00"));
    assert_eq!(a.subheadings, ["Tolls stay"]);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Rui Costa"));
    assert!(a.lead.starts_with("The old river bridge"), "{}", a.lead);
    let b = item(&feed, 1);
    assert!(
        b.lead.starts_with("Prices at the weekly market"),
        "{}",
        b.lead
    );
}

#[test]
fn rss2_and_json_feed() {
    let feed = parse(RSS.as_bytes()).expect("rss");
    assert_eq!(feed.entries.len(), 2);
    let a = item(&feed, 0);
    assert_eq!(a.title, "Ferry timetable changes next week");
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert!(a.lead.starts_with("The ferry company"), "{}", a.lead);
    assert_eq!(a.date.as_deref(), Some("2026-11-23T07:00:00+00:00"));
    let feed = parse(JSON_FEED.as_bytes()).expect("json feed");
    assert_eq!(feed.title.as_deref(), Some("Mountain Notes"));
    let a = item(&feed, 0);
    assert_eq!(a.author.as_deref(), Some("Lea Park"));
    assert!(a.lead.starts_with("The mountain pass closed"), "{}", a.lead);
    assert!(item(&feed, 1).lead.starts_with("The last mountain huts"));
}

#[test]
fn names_are_stable_and_carry_the_key() {
    let one = parse(RSS.as_bytes()).expect("rss");
    let two = parse(RSS.as_bytes()).expect("rss again");
    let names = |f: &Feed| -> Vec<String> {
        f.entries
            .iter()
            .map(|e| f.file_name("harbour-daily", e))
            .collect()
    };
    assert_eq!(names(&one), names(&two));
    assert_ne!(names(&one)[0], names(&one)[1]);
    let name = &names(&one)[0];
    assert!(name.starts_with("harbour-daily--") && name.ends_with(".json"));
    let key = key_in_name(name).expect("key");
    assert_eq!(key_in_name(&name.replace(".json", "-2.json")), Some(key));
    assert_eq!(key_in_name("notes.json"), None);
    assert_eq!(key_in_name("a--b.json"), None);
}

#[test]
fn a_truncated_feed_keeps_the_entries_before_the_cut() {
    let cut = &RSS[..RSS.find("<title>Fish auction").expect("second item")];
    let feed = parse(cut.as_bytes()).expect("salvaged");
    assert_eq!(feed.entries.len(), 1);
    assert!(feed.notes[0].contains("truncated"), "{:?}", feed.notes);
}

#[test]
fn invalid_xml_is_an_error_naming_the_problem() {
    assert!(parse(b"<rss><channel><title>x</title>").is_err());
    assert!(parse(b"not a feed at all").is_err());
    let a = from_bytes("broken.rss", b"<rss version=\"2.0\"><chan").article;
    assert_eq!(a.format, Format::Feed);
    assert!(
        a.notes.iter().any(|n| n.contains("not a readable feed")),
        "{:?}",
        a.notes
    );
}

#[test]
fn the_feed_file_itself_lists_its_entries() {
    let a = from_bytes("wire.xml", ATOM.as_bytes()).article;
    assert_eq!(a.format, Format::Feed);
    assert_eq!(a.title, "Valley Wire");
    assert!(
        a.notes.iter().any(|n| n.contains("2 entries")),
        "{:?}",
        a.notes
    );
}

#[test]
fn rss_1_0_and_0_91() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://old.example.org/"><title>Old Wire</title><link>https://old.example.org/</link></channel>
  <item rdf:about="https://old.example.org/1"><title>Dam opens</title><link>https://old.example.org/1</link><description>The new dam opened on Friday.</description></item>
</rdf:RDF>"#;
    let feed = parse(rdf.as_bytes()).expect("rss 1.0");
    assert_eq!(feed.title.as_deref(), Some("Old Wire"));
    assert_eq!(feed.entries[0].title.as_deref(), Some("Dam opens"));
    let old = r#"<rss version="0.91"><channel><title>Tiny</title><link>https://t.example.org/</link><item><title>One</title><link>https://t.example.org/1</link></item></channel></rss>"#;
    assert_eq!(parse(old.as_bytes()).expect("rss 0.91").entries.len(), 1);
}

#[test]
fn a_declaration_past_the_first_64_bytes_neither_panics_nor_garbles() {
    // quick-xml 0.42 (inside feed-rs) panicked switching to a declared encoding after
    // reading its first 64 bytes; the fuzzer found it (tests/fuzz-regressions/feed/).
    let mut bytes = format!(
        "<?xml version=\"1.0\"{} encoding=\"ISO-8859-1\"?>",
        " ".repeat(80)
    )
    .into_bytes();
    bytes.extend_from_slice(b"<rss version=\"2.0\"><channel><title>Caf\xe9</title>");
    bytes.extend_from_slice(b"<item><title>One</title></item></channel></rss>");
    let feed = parse(&bytes).expect("parses");
    assert_eq!(feed.title.as_deref(), Some("Caf\u{e9}"));
    assert_eq!(feed.entries.len(), 1);
}
