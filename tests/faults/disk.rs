//! A full disk: under the category folder (same and other filesystem) and under the journal.

use super::support::{Desk, Tmpfs};

/// Filing across filesystems onto a full one fails, says so, and leaves the item in the inbox.
#[test]
fn filing_onto_a_full_disk_fails_clearly_and_keeps_the_item() {
    let Some(fs) = Tmpfs::mount(
        "1m",
        "filing_onto_a_full_disk_fails_clearly_and_keeps_the_item",
    ) else {
        return;
    };
    let far = fs.path.join("far");
    std::fs::create_dir(&far).expect("mkdir far");
    fs.fill();
    let desk = Desk::with_far_category(&far);
    let names = desk.add_items(3);
    std::fs::write(desk.inbox().join(&names[0]), "x".repeat(64 * 1024)).expect("grow item");
    let run = desk.run(&["file", &names[0], "far"]).expect(1);
    assert!(
        run.stderr.contains(&names[0]) && run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    desk.assert_each_exactly_once(&names, "after ENOSPC");
    assert!(
        desk.inbox().join(&names[0]).exists(),
        "the item stays in the inbox"
    );
    assert_eq!(
        std::fs::read_dir(&far).expect("ls far").count(),
        0,
        "no temporary left"
    );
    assert!(desk.journal().is_empty(), "nothing journaled");
    // Space again: the same item files normally.
    std::fs::remove_file(fs.path.join("ballast")).expect("free space");
    desk.run(&["file", &names[0], "far"]).expect(0);
    assert!(far.join(&names[0]).exists());
}

/// The whole desk on a full disk: the rename needs no space and happens, but the journal
/// cannot be appended; the message says the move happened and was not journaled.
#[test]
fn a_journal_append_on_a_full_disk_says_what_happened() {
    let Some(fs) = Tmpfs::mount("1m", "a_journal_append_on_a_full_disk_says_what_happened") else {
        return;
    };
    let desk = Desk::with_far_category(&fs.path.join("far"));
    let names = desk.add_items(2);
    // The desk moves onto the tmpfs: inbox (with the journal) and a category, so that the
    // move is a rename that frees no space.
    let inbox = fs.path.join("inbox");
    std::fs::create_dir(&inbox).expect("mkdir");
    std::fs::create_dir(fs.path.join("far")).expect("mkdir far");
    for name in &names {
        std::fs::rename(desk.inbox().join(name), inbox.join(name))
            .or_else(|_| {
                std::fs::copy(desk.inbox().join(name), inbox.join(name))?;
                std::fs::remove_file(desk.inbox().join(name))
            })
            .expect("move item onto tmpfs");
    }
    std::fs::remove_dir(desk.inbox()).expect("rmdir");
    std::os::unix::fs::symlink(&inbox, desk.inbox()).expect("symlink inbox");
    // The journal's first page cannot be written (a later append into a page
    // already there would still fit).
    fs.fill();
    let run = desk.run(&["file", &names[1], "far"]).expect(1);
    assert!(
        run.stderr
            .contains(&format!("moved {} but could not journal it", names[1]))
            && run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    desk.assert_each_exactly_once(&names, "after a failed append");
    assert!(
        desk.folder("far").join(&names[1]).exists(),
        "the move happened"
    );
    assert!(desk.journal().is_empty(), "no record, and no torn line");
    desk.assert_journal_agrees(0, "after a failed append");
}
