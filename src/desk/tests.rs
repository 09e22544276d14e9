//! Filing, skipping, undo and races on a real temporary desk.

use std::fs;
use std::path::Path;

use super::*;
use crate::config::Config;

fn desk(root: &Path, user: &str) -> Desk {
    let text = "[[category]]\nname = \"syria\"\nkey = \"1\"\nfolder = \"filed/syria\"\n[[category]]\nname = \"world\"\nfolder = \"filed/world\"\n";
    let config = Config::parse(text, Path::new("t.toml"), root).expect("config");
    fs::create_dir_all(&config.inbox).expect("inbox");
    Desk::new(
        &config,
        Who {
            user: user.into(),
            host: "h".into(),
        },
    )
}

fn entry(desk: &Desk, name: &str) -> Entry {
    desk.find(name).expect(name)
}

#[test]
fn file_skip_and_undo_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path(), "ana");
    fs::write(desk.inbox.join("a.txt"), "a").expect("write");
    fs::write(desk.inbox.join("b.txt"), "b").expect("write");
    let filed = desk
        .file(
            &entry(&desk, "a.txt"),
            Target::Category("syria"),
            "cli",
            None,
        )
        .expect("file");
    assert_eq!(filed.to, dir.path().join("filed/syria/a.txt"));
    let skipped = desk
        .file(&entry(&desk, "b.txt"), Target::Skip, "cli", None)
        .expect("skip");
    assert_eq!(skipped.to, dir.path().join("skipped/b.txt"));
    assert!(desk.scan().expect("scan").is_empty());
    let undone = desk.undo(1).expect("undo");
    assert_eq!(undone[0].to, desk.inbox.join("b.txt"));
    let undone = desk.undo(1).expect("undo");
    assert_eq!(undone[0].to, desk.inbox.join("a.txt"));
    assert!(matches!(desk.undo(1), Err(DeskError::NothingToUndo)));
    assert_eq!(desk.scan().expect("scan").len(), 2);
    assert_eq!(desk.journal.mine().expect("journal").len(), 4);
}

#[test]
fn undo_survives_a_restart_and_takes_batches_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = desk(dir.path(), "ana");
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(first.inbox.join(name), name).expect("write");
    }
    first
        .file(
            &entry(&first, "a.txt"),
            Target::Category("world"),
            "key",
            None,
        )
        .expect("file");
    for name in ["b.txt", "c.txt"] {
        first
            .file(
                &entry(&first, name),
                Target::Category("syria"),
                "key",
                Some("batch1"),
            )
            .expect("file");
    }
    let again = desk(dir.path(), "ana");
    assert_eq!(
        again.undo(1).expect("undo").len(),
        2,
        "the batch comes back whole"
    );
    assert_eq!(again.scan().expect("scan").len(), 2);
}

#[test]
fn undo_is_per_user() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ana, ben) = (desk(dir.path(), "ana"), desk(dir.path(), "ben"));
    fs::write(ana.inbox.join("a.txt"), "a").expect("write");
    ana.file(
        &entry(&ana, "a.txt"),
        Target::Category("syria"),
        "key",
        None,
    )
    .expect("file");
    assert!(matches!(ben.undo(1), Err(DeskError::NothingToUndo)));
}

#[test]
fn name_clash_gets_a_suffix_and_overwrites_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path(), "ana");
    fs::create_dir_all(dir.path().join("filed/syria")).expect("mkdir");
    fs::write(dir.path().join("filed/syria/a.txt"), "old").expect("write");
    fs::write(desk.inbox.join("a.txt"), "new").expect("write");
    let r = desk
        .file(
            &entry(&desk, "a.txt"),
            Target::Category("syria"),
            "cli",
            None,
        )
        .expect("file");
    assert!(r.to.ends_with("a-2.txt"));
    assert_eq!(
        fs::read_to_string(dir.path().join("filed/syria/a.txt")).expect("read"),
        "old"
    );
}

#[test]
fn an_item_filed_by_someone_else_says_by_whom() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ana, ben) = (desk(dir.path(), "ana"), desk(dir.path(), "ben"));
    fs::write(ana.inbox.join("a.txt"), "a").expect("write");
    let seen_by_ben = entry(&ben, "a.txt");
    ana.file(
        &entry(&ana, "a.txt"),
        Target::Category("syria"),
        "key",
        None,
    )
    .expect("file");
    let err = ben
        .file(&seen_by_ben, Target::Category("world"), "key", None)
        .expect_err("gone");
    assert_eq!(err.to_string(), "a.txt: already filed → syria by ana@h");
    assert!(
        ben.find("a.txt")
            .expect_err("gone")
            .to_string()
            .contains("already filed → syria")
    );
}

#[test]
fn undo_of_a_file_moved_on_is_dropped_from_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path(), "ana");
    fs::write(desk.inbox.join("a.txt"), "a").expect("write");
    let r = desk
        .file(
            &entry(&desk, "a.txt"),
            Target::Category("syria"),
            "key",
            None,
        )
        .expect("file");
    fs::remove_file(&r.to).expect("someone moved it on");
    assert!(matches!(desk.undo(1), Err(DeskError::UndoGone { .. })));
    assert!(matches!(desk.undo(1), Err(DeskError::NothingToUndo)));
}

#[test]
fn unknown_category_lists_the_known_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path(), "ana");
    fs::write(desk.inbox.join("a.txt"), "a").expect("write");
    let err = desk
        .file(
            &entry(&desk, "a.txt"),
            Target::Category("sport"),
            "cli",
            None,
        )
        .expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "no category named \"sport\"; categories: syria, world"
    );
    assert!(desk.inbox.join("a.txt").exists());
}

#[test]
fn finds_items_by_id_prefix_and_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path(), "ana");
    fs::write(desk.inbox.join("a.txt"), "a").expect("write");
    let id = crate::article::id_for("a.txt");
    assert_eq!(desk.find(&id[..6]).expect("prefix").name, "a.txt");
    let path = desk.inbox.join("a.txt");
    assert_eq!(
        desk.find(&path.to_string_lossy()).expect("path").name,
        "a.txt"
    );
}

#[test]
fn a_dead_claim_is_put_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let desk = desk(dir.path(), "ana");
    // pid 0x7ffffff0 does not exist: the move that claimed the file died.
    let claim = desk
        .inbox
        .join(format!("{}h.{}.a.txt", moving::CLAIM_PREFIX, 0x7fff_fff0));
    fs::write(&claim, "a").expect("write");
    assert_eq!(desk.scan().expect("scan").len(), 1);
    assert!(desk.inbox.join("a.txt").exists());
}

#[test]
fn journal_time_is_rfc3339_utc() {
    let t = filing::now();
    assert!(
        jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%.fZ", &t).is_ok()
            || t.parse::<jiff::Timestamp>().is_ok(),
        "{t}"
    );
    assert!(t.ends_with('Z') && t.len() == 24, "{t}");
}
