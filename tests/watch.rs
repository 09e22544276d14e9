//! The watcher on a real folder: create, slow write, rename in, delete, bursts,
//! ignored files, poll mode. Every wait has a deadline; none is a bare sleep.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use newsdesk::config::WatchMode;
use newsdesk::watch::{self, Changes};

struct Seen {
    rx: Receiver<Changes>,
    arrived: BTreeSet<String>,
    removed: BTreeSet<String>,
    /// The size each arrival had when reported.
    sizes: Vec<(String, u64)>,
}

impl Seen {
    fn start(dir: &Path, mode: WatchMode) -> (Seen, watch::Watching) {
        let (tx, rx) = mpsc::channel();
        let (watching, _) =
            watch::start(dir.to_path_buf(), mode, move |c| tx.send(c).is_ok()).expect("watch");
        (
            Seen {
                rx,
                arrived: BTreeSet::new(),
                removed: BTreeSet::new(),
                sizes: Vec::new(),
            },
            watching,
        )
    }

    fn drain(&mut self, wait: Duration) {
        while let Ok(c) = self.rx.recv_timeout(wait) {
            for e in c.arrived.into_iter().chain(c.changed) {
                self.sizes.push((e.name.clone(), e.size));
                self.arrived.insert(e.name);
            }
            self.removed.extend(c.removed);
        }
    }

    /// Waits until `cond` holds, under a deadline.
    fn until(&mut self, what: &str, cond: impl Fn(&Seen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !cond(self) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}: arrived {:?}, removed {:?}",
                self.arrived,
                self.removed
            );
            self.drain(Duration::from_millis(20));
        }
    }
}

#[test]
fn a_new_file_arrives_and_a_deleted_one_is_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("old.txt"), "old").expect("write");
    let (mut seen, watching) = Seen::start(dir.path(), WatchMode::Auto);
    assert!(watching.native, "{watching:?}");
    fs::write(dir.path().join("new.txt"), "Title\n\nBody.\n").expect("write");
    seen.until("new.txt", |s| s.arrived.contains("new.txt"));
    fs::remove_file(dir.path().join("old.txt")).expect("rm");
    seen.until("old.txt removed", |s| s.removed.contains("old.txt"));
}

#[test]
fn a_slow_write_appears_only_when_complete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut seen, _) = Seen::start(dir.path(), WatchMode::Native);
    let path = dir.path().join("slow.txt");
    let mut file = fs::File::create(&path).expect("create");
    file.write_all(b"Title\n\n").expect("write");
    file.flush().expect("flush");
    // Half written: over a second passes with the file open and nothing reported.
    let quiet_until = Instant::now() + Duration::from_millis(1200);
    while Instant::now() < quiet_until {
        seen.drain(Duration::from_millis(50));
        assert!(
            seen.arrived.is_empty(),
            "reported while still being written"
        );
    }
    file.write_all(b"The rest of the body.\n").expect("write");
    drop(file);
    seen.until("slow.txt", |s| s.arrived.contains("slow.txt"));
    assert_eq!(
        seen.sizes,
        [("slow.txt".to_string(), 29)],
        "reported once, complete"
    );
}

#[test]
fn a_file_renamed_in_from_a_dot_file_arrives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut seen, _) = Seen::start(dir.path(), WatchMode::Native);
    fs::write(dir.path().join(".incoming"), "Title\n\nBody.\n").expect("write");
    fs::rename(dir.path().join(".incoming"), dir.path().join("done.txt")).expect("rename");
    seen.until("done.txt", |s| s.arrived.contains("done.txt"));
    assert!(!seen.arrived.contains(".incoming"));
}

#[test]
fn a_burst_of_a_thousand_files_all_arrive() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut seen, _) = Seen::start(dir.path(), WatchMode::Native);
    for i in 0..1000 {
        fs::write(
            dir.path().join(format!("item-{i:04}.txt")),
            format!("Item {i}\n\nBody {i}.\n"),
        )
        .expect("write");
    }
    seen.until("1000 arrivals", |s| s.arrived.len() == 1000);
}

#[test]
fn hidden_temporary_and_editor_files_are_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut seen, _) = Seen::start(dir.path(), WatchMode::Native);
    for name in [
        ".hidden",
        "draft.txt~",
        ".draft.txt.swp",
        "download.part",
        "x.tmp",
        "4913",
    ] {
        fs::write(dir.path().join(name), "x").expect("write");
    }
    fs::write(dir.path().join("real.txt"), "Real\n\nBody.\n").expect("write");
    seen.until("real.txt", |s| s.arrived.contains("real.txt"));
    seen.drain(Duration::from_millis(300));
    assert_eq!(seen.arrived.iter().collect::<Vec<_>>(), ["real.txt"]);
}

#[test]
fn poll_mode_sees_arrivals_and_removals() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("gone.txt"), "x").expect("write");
    let (mut seen, watching) = Seen::start(dir.path(), WatchMode::Poll);
    assert!(!watching.native);
    fs::write(dir.path().join("polled.txt"), "Title\n\nBody.\n").expect("write");
    fs::remove_file(dir.path().join("gone.txt")).expect("rm");
    seen.until("polled.txt and gone.txt", |s| {
        s.arrived.contains("polled.txt") && s.removed.contains("gone.txt")
    });
}

#[test]
fn the_inbox_removed_and_recreated_is_watched_again_in_poll_mode() {
    let root = tempfile::tempdir().expect("tempdir");
    let inbox = root.path().join("inbox");
    fs::create_dir(&inbox).expect("mkdir");
    fs::write(inbox.join("a.txt"), "a").expect("write");
    let (mut seen, _) = Seen::start(&inbox, WatchMode::Poll);
    fs::remove_dir_all(&inbox).expect("rm inbox");
    seen.until("a.txt removed", |s| s.removed.contains("a.txt"));
    fs::create_dir(&inbox).expect("mkdir again");
    fs::write(inbox.join("b.txt"), "b").expect("write");
    seen.until("b.txt", |s| s.arrived.contains("b.txt"));
}
