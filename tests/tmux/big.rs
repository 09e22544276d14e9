//! A big inbox: listed in batches, its fields let go and read back.

use crate::harness::{Tmux, desk};

#[test]
fn a_big_inbox_listed_in_batches_lets_fields_go_and_reads_them_back() {
    let desk = desk();
    let inbox = desk.path().join("inbox");
    // More than the first batch (2,000 names) and the one after it, and more than
    // an inbox whose items keep their fields in memory (10,000).
    for i in 0..10_100 {
        let text = format!("Item {i:05}\n\nThe council met for the {i}th time on Tuesday.\n");
        std::fs::write(inbox.join(format!("n{i:05}.txt")), text).expect("write");
    }
    let Some(tmux) = Tmux::start("big", 80, 24, desk.path()) else {
        return;
    };
    let cache = desk.path().join("cache");
    tmux.launch(&format!("XDG_CACHE_HOME={}", cache.display()));
    // The whole count, without the "+" of a listing still coming in (the batches
    // or the scan, whichever is first, must leave nothing out or doubled).
    tmux.wait_for("Inbox 10103 ");
    tmux.wait_for("inbox 10103 ");
    tmux.wait_until("every item's fields", || !tmux.pane().contains("reading"));
    // The filter and the preview read the fields back from the extraction cache.
    tmux.keys(&["/", "1234th"]);
    let pane = tmux.wait_for("1 match  (");
    assert!(pane.contains("Item 01234"), "{pane}");
    assert!(
        pane.contains("The council met for the 1234th time"),
        "{pane}"
    );
    // Escape alone: followed at once by a key, a terminal reads it as Alt.
    tmux.keys(&["Escape"]);
    tmux.wait_until("the search to close", || !tmux.pane().contains("match"));
    tmux.keys(&["/", "ادلب"]);
    let pane = tmux.wait_for("1 match  (");
    assert!(pane.contains("ar←"), "the Arabic seed, read back: {pane}");
    tmux.keys(&["Escape"]);
    tmux.wait_until("the search to close", || !tmux.pane().contains("match"));
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}
