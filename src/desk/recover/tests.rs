//! Recovery after dead moves: which leftovers go, which stay, and that a claim is
//! removed only when its copy is really in place.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

/// The pid of a process that has exited and been reaped.
fn dead_pid() -> i32 {
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("spawn true");
    let pid = child.id() as i32;
    child.wait().expect("reap true");
    assert!(!alive(pid), "pid {pid} reaped but still alive");
    pid
}

/// An inbox and a category folder in a fresh temporary folder.
fn folders(root: &Path) -> Vec<PathBuf> {
    let all = vec![root.join("inbox"), root.join("cat")];
    for f in &all {
        fs::create_dir_all(f).expect("mkdir");
    }
    all
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).expect("write");
}

/// The visible and hidden names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    all.sort();
    all
}

#[test]
fn parses_claims_and_temporaries_of_this_host_only() {
    let dir = Path::new("/d");
    let claim = parse(dir, ".newsdesk-claim.h.42.a.b.txt", "h").expect("claim");
    assert_eq!(
        (claim.kind, claim.pid, claim.name.as_str()),
        (Kind::Claim, 42, "a.b.txt")
    );
    assert_eq!(claim.path, dir.join(".newsdesk-claim.h.42.a.b.txt"));
    let tmp = parse(dir, ".newsdesk-tmp.h.7.a.txt", "h").expect("tmp");
    assert_eq!(
        (tmp.kind, tmp.pid, tmp.name.as_str()),
        (Kind::Tmp, 7, "a.txt")
    );
    assert_eq!(
        parse(dir, ".newsdesk-tmp.hh.7.a.txt", "h"),
        None,
        "other host"
    );
    assert_eq!(parse(dir, ".newsdesk-tmp.h.x.a.txt", "h"), None, "no pid");
    assert_eq!(parse(dir, "a.txt", "h"), None);
}

#[test]
fn a_process_is_alive_until_reaped() {
    assert!(alive(std::process::id() as i32));
    assert!(alive(1), "init runs (EPERM counts as running)");
    dead_pid();
}

#[test]
fn a_dead_movers_temporary_is_removed_and_a_live_ones_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = folders(dir.path());
    let cat = &all[1];
    let dead = cat.join(format!(".newsdesk-tmp.h.{}.a.txt", dead_pid()));
    let ours = cat.join(format!(".newsdesk-tmp.h.{}.b.txt", std::process::id()));
    let other_host = cat.join(format!(".newsdesk-tmp.elsewhere.{}.c.txt", dead_pid()));
    for path in [&dead, &ours, &other_host] {
        write(path, "partial");
    }
    let done = recover(&all, "h");
    assert_eq!(done.removed, std::slice::from_ref(&dead));
    assert!(!dead.exists());
    assert!(
        ours.exists(),
        "a running process's temporary is never touched"
    );
    assert!(
        other_host.exists(),
        "another host's pids are not ours to judge"
    );
}

#[test]
fn a_dead_claim_with_its_temporary_is_put_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = folders(dir.path());
    let pid = dead_pid();
    write(
        &all[0].join(format!(".newsdesk-claim.h.{pid}.a.txt")),
        "story",
    );
    write(&all[1].join(format!(".newsdesk-tmp.h.{pid}.a.txt")), "sto");
    // An identical file already filed under the name does not make it a finished move.
    write(&all[1].join("a.txt"), "story");
    let done = recover(&all, "h");
    assert_eq!(done.restored, [all[0].join("a.txt")]);
    assert_eq!(names(&all[0]), ["a.txt"]);
    assert_eq!(names(&all[1]), ["a.txt"]);
}

#[test]
fn a_dead_claim_whose_copy_is_in_place_is_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = folders(dir.path());
    let claim = all[0].join(format!(".newsdesk-claim.h.{}.a.txt", dead_pid()));
    write(&claim, "story");
    write(&all[1].join("a.txt"), "another story");
    // The move took the next free name, and copied the modification time.
    fs::copy(&claim, all[1].join("a-2.txt")).expect("copy");
    let mtime = fs::metadata(&claim)
        .and_then(|m| m.modified())
        .expect("mtime");
    let copy = fs::OpenOptions::new()
        .write(true)
        .open(all[1].join("a-2.txt"))
        .expect("open");
    copy.set_modified(mtime).expect("set mtime");
    let done = recover(&all, "h");
    assert_eq!(done.finished, [claim]);
    assert!(done.restored.is_empty());
    assert!(names(&all[0]).is_empty(), "{:?}", names(&all[0]));
    assert_eq!(names(&all[1]), ["a-2.txt", "a.txt"]);
}

#[test]
fn a_dead_claim_without_an_identical_copy_is_put_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = folders(dir.path());
    let claim = all[0].join(format!(".newsdesk-claim.h.{}.a.txt", dead_pid()));
    write(&claim, "story");
    // Same name and bytes, another time: not the claim's copy.
    write(&all[1].join("a.txt"), "story");
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1);
    let file = fs::OpenOptions::new()
        .write(true)
        .open(all[1].join("a.txt"))
        .expect("open");
    file.set_modified(old).expect("set mtime");
    let done = recover(&all, "h");
    assert_eq!(done.restored, [all[0].join("a.txt")]);
    assert_eq!(names(&all[0]), ["a.txt"]);
}

#[test]
fn a_live_claim_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = folders(dir.path());
    let claim = all[0].join(format!(".newsdesk-claim.h.{}.a.txt", std::process::id()));
    write(&claim, "story");
    assert_eq!(recover(&all, "h"), Recovered::default());
    assert!(claim.exists());
}
