//! Permissions and vanishing files: a read-only category, an unreadable item, an item
//! deleted between the scan and the read, a FIFO in the inbox.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use super::support::{Desk, is_root};

fn chmod(path: &std::path::Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A desk whose binary runs as `nobody` when we are root (root ignores permissions).
fn desk_for_permissions(test: &str) -> Option<Desk> {
    let mut desk = Desk::new();
    if is_root() {
        if std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("SKIPPED {test}: root ignores permissions and setpriv is missing");
            return None;
        }
        desk.as_nobody = true;
        chmod(desk.root(), 0o777);
        chmod(&desk.inbox(), 0o777);
    }
    Some(desk)
}

#[test]
fn filing_into_a_read_only_category_fails_clearly_and_keeps_the_item() {
    let Some(desk) = desk_for_permissions("read_only_category") else {
        return;
    };
    let names = desk.add_items(2);
    for name in &names {
        chmod(&desk.inbox().join(name), 0o666);
    }
    let syria = desk.folder("syria");
    fs::create_dir_all(syria).expect("mkdir syria");
    chmod(syria.parent().expect("filed/"), 0o777);
    chmod(syria, 0o555);
    let run = desk.run(&["file", &names[0], "syria"]).expect(1);
    assert!(
        run.stderr.contains(&names[0]) && run.stderr.contains("Permission denied"),
        "{}",
        run.stderr
    );
    desk.assert_each_exactly_once(&names, "read-only category");
    assert!(desk.inbox().join(&names[0]).exists());
    assert!(desk.journal().is_empty());
    // Another category still works.
    desk.run(&["file", &names[1], "world"]).expect(0);
    chmod(syria, 0o755);
}

#[test]
fn an_unreadable_item_is_listed_with_its_error_and_can_still_be_filed() {
    let Some(desk) = desk_for_permissions("unreadable_item") else {
        return;
    };
    let names = desk.add_items(2);
    chmod(&desk.inbox().join(&names[0]), 0o000);
    chmod(&desk.inbox().join(&names[1]), 0o666);
    let run = desk.run(&["list"]).expect(0);
    assert!(
        run.stderr.contains(&names[0]) && run.stderr.contains("cannot read"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    let run = desk.run(&["show", &names[0]]).expect(1);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    // Filing needs only the folders' permissions.
    desk.run(&["file", &names[0], "syria"]).expect(0);
    desk.assert_each_exactly_once(&names, "unreadable item");
    assert!(desk.folder("syria").join(&names[0]).exists());
}

/// The scan found the file; by the time it is read it is gone.
#[test]
fn an_item_deleted_between_scan_and_read_is_reported_gone() {
    let desk = Desk::new();
    let names = desk.add_items(1);
    let config =
        newsdesk::config::load(Some(&desk.root().join("config.toml")), None).expect("load config");
    let core = newsdesk::desk::Desk::new(&config, newsdesk::desk::Who::current());
    let entries = core.scan().expect("scan");
    fs::remove_file(&entries[0].path).expect("delete");
    let doc = newsdesk::article::read(&entries[0].path);
    let error = doc.article.error.expect("an error, not a panic");
    assert!(error.contains("No such file"), "{error}");
    // The binary's `show` of a name no longer there says so.
    let run = desk.run(&["show", &names[0]]).expect(1);
    assert!(
        run.stderr.contains("no item in the inbox matches"),
        "{}",
        run.stderr
    );
    // Filed by someone else in between: `show` names where it went.
    let names = desk.add_items(1);
    desk.run(&["file", &names[0], "world"]).expect(0);
    let run = desk.run(&["show", &names[0]]).expect(1);
    assert!(
        run.stderr.contains("already filed → world"),
        "{}",
        run.stderr
    );
}

/// A FIFO (a writer that never writes) is not an item; nothing blocks on it.
#[test]
fn a_fifo_in_the_inbox_blocks_nothing() {
    let desk = Desk::new();
    let names = desk.add_items(1);
    let fifo = desk.inbox().join("pipe.txt");
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .expect("mkfifo");
    let started = Instant::now();
    let run = desk.run(&["list"]).expect(0);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    let run = desk.run(&["show", fifo.to_str().expect("utf-8")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    desk.run(&["file", &names[0], "syria"]).expect(0);
    assert!(started.elapsed() < Duration::from_secs(20), "nothing hung");
    assert!(fifo.exists(), "the FIFO is left alone");
}
