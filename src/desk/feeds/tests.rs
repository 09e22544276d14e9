//! Splitting feeds on a temporary desk: one item per entry, no duplicates on a
//! second drop, none for entries already filed, skipped or deleted.

use std::fs;
use std::path::Path;

use super::*;
use crate::config::Config;
use crate::desk::{Target, Who};

const RSS: &str = include_str!("../../../tests/fixtures/formats/rss2.xml");
const ATOM: &str = include_str!("../../../tests/fixtures/formats/atom-html.xml");

fn desk(root: &Path) -> Desk {
    let text = "[[category]]\nname = \"world\"\nfolder = \"filed/world\"\n";
    let config = Config::parse(text, Path::new("t.toml"), root).expect("config");
    fs::create_dir_all(&config.inbox).expect("inbox");
    Desk::new(
        &config,
        Who {
            user: "ana".into(),
            host: "h".into(),
        },
    )
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn only(results: Vec<Result<Split, SplitFailure>>) -> Split {
    assert_eq!(results.len(), 1, "{results:?}");
    results
        .into_iter()
        .next()
        .and_then(Result::ok)
        .expect("a split")
}

#[test]
fn a_feed_splits_into_items_and_moves_to_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path());
    fs::write(desk.inbox.join("harbour.xml"), RSS).expect("write");
    let split = only(desk.split_feeds());
    assert_eq!(split.added.len(), 2);
    assert_eq!(split.moved_to, Some(desk.processed.join("harbour.xml")));
    let items = names(&desk.inbox);
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        items
            .iter()
            .all(|n| n.starts_with("harbour-daily--") && n.ends_with(".json"))
    );
    let a = crate::article::read(&desk.inbox.join(&items[0])).article;
    assert_eq!(a.format, crate::article::Format::Json);
    assert_eq!(a.source.as_deref(), Some("Harbour Daily"));
    // Nothing left to split.
    assert!(desk.split_feeds().is_empty());
}

#[test]
fn dropping_the_same_feed_again_adds_only_new_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path());
    let cut = &RSS[..RSS.find("<item>\n<title>Fish").expect("second")];
    fs::write(
        desk.inbox.join("harbour.xml"),
        format!("{cut}</channel></rss>"),
    )
    .expect("write");
    assert_eq!(only(desk.split_feeds()).added.len(), 1);
    // File the first entry, then the full feed arrives again (and again).
    let first = names(&desk.inbox).remove(0);
    let entry = desk.find(&first).expect("entry");
    desk.file(&entry, Target::Category("world"), "cli", None)
        .expect("file");
    fs::write(desk.inbox.join("harbour.xml"), RSS).expect("write");
    let split = only(desk.split_feeds());
    assert_eq!((split.added.len(), split.known), (1, 1), "{split:?}");
    assert_eq!(split.moved_to, Some(desk.processed.join("harbour-2.xml")));
    fs::write(desk.inbox.join("harbour.xml"), RSS).expect("write");
    let split = only(desk.split_feeds());
    assert_eq!((split.added.len(), split.known), (0, 2), "{split:?}");
    assert_eq!(names(&desk.inbox).len(), 1);
    assert_eq!(names(&dir.path().join("filed/world")), [first]);
}

#[test]
fn a_deleted_entry_stays_deleted_and_the_journal_is_consulted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path());
    fs::write(desk.inbox.join("wire.atom"), ATOM).expect("write");
    only(desk.split_feeds());
    for name in names(&desk.inbox) {
        fs::remove_file(desk.inbox.join(name)).expect("delete");
    }
    fs::write(desk.inbox.join("wire.atom"), ATOM).expect("write");
    assert_eq!(only(desk.split_feeds()).added.len(), 0);
    // Without the ledger, the journal still knows a filed entry.
    fs::remove_file(desk.ledger()).expect("ledger");
    fs::write(desk.inbox.join("wire.atom"), ATOM).expect("write");
    assert_eq!(only(desk.split_feeds()).added.len(), 2);
}

#[test]
fn a_broken_feed_stays_in_the_inbox_and_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path());
    fs::write(
        desk.inbox.join("broken.rss"),
        "<rss version=\"2.0\"><channel><title>x",
    )
    .expect("write");
    fs::write(
        desk.inbox.join("notes.xml"),
        "<notes><n>not a feed</n></notes>",
    )
    .expect("write");
    let results = desk.split_feeds();
    assert_eq!(results.len(), 1);
    let failure = results
        .into_iter()
        .next()
        .and_then(Result::err)
        .expect("failure");
    assert!(failure.to_string().contains("broken.rss"), "{failure}");
    assert_eq!(names(&desk.inbox), ["broken.rss", "notes.xml"]);
}

#[test]
fn a_truncated_feed_splits_what_it_can() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path());
    let cut = &ATOM[..ATOM.find("<title>Market").expect("second")];
    fs::write(desk.inbox.join("wire.xml"), cut).expect("write");
    let split = only(desk.split_feeds());
    assert_eq!(split.added.len(), 1);
    assert!(
        split.notes.iter().any(|n| n.contains("truncated")),
        "{:?}",
        split.notes
    );
}
