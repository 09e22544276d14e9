//! HTML, feeds, mail and JSON items through the binary: `show --text` prints the
//! article body, feeds split on `list` and `split-feeds`, never twice.

use super::harness::Desk;

const PAGE: &str = include_str!("../fixtures/formats/en-chrome.html");
const RSS: &str = include_str!("../fixtures/formats/rss2.xml");
const MAIL: &[u8] = include_bytes!("../fixtures/formats/multipart-cp1256.eml");

#[test]
fn show_text_prints_the_article_of_a_page() {
    let desk = Desk::empty();
    desk.add("storm.html", PAGE);
    let run = desk.run(&["show", "--text", "storm.html"]).expect(0);
    assert!(
        run.stdout.starts_with("A fierce storm swept"),
        "{}",
        run.stdout
    );
    for chrome in ["cookies", "Share on", "Most read", "Lost power"] {
        assert!(!run.stdout.contains(chrome), "{chrome}:\n{}", run.stdout);
    }
    let a = desk.run(&["show", "--json", "storm.html"]).expect(0).json();
    assert_eq!(a["format"], "html");
    assert_eq!(a["author"], "Jane Roe");
}

#[test]
fn list_splits_a_feed_once_and_split_feeds_reports_it() {
    let desk = Desk::empty();
    desk.add("harbour.xml", RSS);
    let items = desk.run(&["list", "--json"]).expect(0).json_lines();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        items
            .iter()
            .all(|i| i["format"] == "json" && i["source"] == "Harbour Daily")
    );
    assert_eq!(desk.names_in("processed"), ["harbour.xml"]);
    desk.add("harbour.xml", RSS);
    let run = desk.run(&["split-feeds"]).expect(0);
    assert!(
        run.stdout
            .contains("harbour.xml: 0 new items, 2 already split"),
        "{}",
        run.stdout
    );
    assert_eq!(desk.names_in("inbox").len(), 2);
}

#[test]
fn a_broken_feed_is_listed_and_named_in_the_error() {
    let desk = Desk::empty();
    desk.add("broken.rss", "<rss version=\"2.0\"><channel><title>Cut");
    let run = desk.run(&["list", "--json"]).expect(0);
    assert!(
        run.stderr.contains("broken.rss") && run.stderr.contains("not a readable feed"),
        "{}",
        run.stderr
    );
    let items = run.json_lines();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["format"], "feed");
    desk.run(&["split-feeds"]).expect(1);
}

#[test]
fn a_mail_shows_its_decoded_text_part() {
    let desk = Desk::empty();
    std::fs::write(desk.inbox().join("rain.eml"), MAIL).expect("write");
    let a = desk.run(&["show", "--json", "rain.eml"]).expect(0).json();
    assert_eq!(a["format"], "email");
    assert_eq!(a["title"], "أمطار غزيرة في بيروت");
    assert_eq!(a["dir"], "rtl");
}
