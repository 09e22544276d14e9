//! kill -9 at random moments: during a stream of filings, during undo, and in the middle
//! of a cross-filesystem move. Afterwards every item is in exactly one place (or, across
//! filesystems, two copies at worst until the next scan), and the journal agrees.

use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use super::support::{Desk, Tmpfs};

/// Rounds of kill -9 during filing (the issue asks for at least 200).
const ROUNDS: usize = 200;
/// Items per round: small, so that a round is a few milliseconds of work.
const ITEMS: usize = 12;

/// Files `names` into `category` and SIGKILLs the process after a random 0–`max_us` µs.
fn file_and_kill(
    desk: &Desk,
    rng: &mut fastrand::Rng,
    names: &[String],
    category: &str,
    max_us: u64,
) {
    let mut args = vec!["file".to_string()];
    args.extend(names.iter().cloned());
    args.push(category.to_string());
    let mut child = desk.spawn(&args);
    std::thread::sleep(Duration::from_micros(rng.u64(0..max_us)));
    let _ = child.kill(); // SIGKILL; the process may already have finished.
    child.wait().expect("reap newsdesk");
}

#[test]
fn kill_9_during_filing_loses_and_duplicates_nothing() {
    let _heavy = super::support::heavy();
    let mut rng = fastrand::Rng::with_seed(0x6e65_7773);
    let mut interrupted = 0;
    for round in 0..ROUNDS {
        let desk = Desk::new();
        let names = desk.add_items(ITEMS);
        let category = if round % 2 == 0 { "syria" } else { "world" };
        file_and_kill(&desk, &mut rng, &names, category, 25_000);
        let context = format!("round {round}");
        desk.assert_each_exactly_once(&names, &context);
        // A restart: the journal read back agrees with the files, and at most the one
        // move in flight when the kill came is missing from it.
        let live = desk.assert_journal_agrees(0, &context);
        let filed = desk
            .census()
            .values()
            .filter(|p| !p[0].starts_with(desk.inbox()))
            .count();
        assert!(
            filed - live.len() <= 1,
            "{context}: {filed} filed, {} journaled",
            live.len()
        );
        if filed < ITEMS {
            interrupted += 1;
        }
        // The desk still works after the crash: the rest files normally.
        desk.run(&["list", "--json"]).expect(0);
        let left: Vec<String> = desk
            .run(&["list"])
            .expect(0)
            .stdout
            .lines()
            .map(str::to_string)
            .collect();
        if !left.is_empty() {
            let mut args = vec!["file"];
            args.extend(
                names
                    .iter()
                    .filter(|n| desk.inbox().join(n).exists())
                    .map(String::as_str),
            );
            args.push(category);
            desk.run(&args).expect(0);
        }
        desk.assert_each_exactly_once(&names, &format!("{context}, after filing the rest"));
        assert!(
            desk.census()
                .values()
                .all(|p| !p[0].starts_with(desk.inbox()))
        );
    }
    eprintln!("kill -9 during filing: {interrupted} of {ROUNDS} rounds interrupted mid-stream");
    assert!(
        interrupted > ROUNDS / 4,
        "the kills must land mid-stream ({interrupted})"
    );
}

#[test]
fn kill_9_during_undo_loses_nothing() {
    let _heavy = super::support::heavy();
    let mut rng = fastrand::Rng::with_seed(0x756e_646f);
    for round in 0..40 {
        let desk = Desk::new();
        let names = desk.add_items(ITEMS);
        for name in &names {
            desk.run(&["file", name, "syria"]).expect(0);
        }
        let mut child = desk.spawn(&["undo".into(), ITEMS.to_string()]);
        std::thread::sleep(Duration::from_micros(rng.u64(0..20_000)));
        let _ = child.kill();
        child.wait().expect("reap newsdesk");
        let context = format!("undo round {round}");
        desk.assert_each_exactly_once(&names, &context);
        // The one undo in flight may have moved its file back before journaling it.
        desk.assert_journal_agrees(1, &context);
        // Undo carries on after the crash (a move already undone is dropped, not lost).
        for _ in 0..2 * ITEMS {
            let run = desk.run(&["undo"]);
            if run.stderr.contains("nothing to undo") {
                break;
            }
            assert!(
                run.code == 0 || run.stderr.contains("dropped from the undo history"),
                "{context}: {}",
                run.stderr
            );
        }
        desk.assert_each_exactly_once(&names, &context);
        let in_inbox = desk
            .census()
            .values()
            .filter(|p| p[0].starts_with(desk.inbox()))
            .count();
        assert_eq!(in_inbox, ITEMS, "{context}: every item back in the inbox");
    }
}

/// Rounds of kill -9 aimed at cross-filesystem moves, and how many of them must really
/// land mid-copy (leave a claim and its temporary behind) for the test to count.
const FAR_ROUNDS: usize = 40;
const FAR_HITS_NEEDED: usize = 10;
/// Items per round and their size: big enough that each copy takes milliseconds.
const FAR_ITEMS: usize = 4;
const FAR_SIZE: usize = 8 << 20;

/// The hidden files a cross-filesystem move leaves while it runs.
fn is_leftover(path: &Path) -> bool {
    path.file_name().is_some_and(|f| {
        let f = f.to_string_lossy();
        f.starts_with(".newsdesk-claim.") || f.starts_with(".newsdesk-tmp.")
    })
}

fn is_claim(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|f| f.to_string_lossy().starts_with(".newsdesk-claim."))
}

/// Waits until a move of `child` is in flight (a claim or temporary shows up in one of
/// `folders`): true, or false when the child finished first (or after 20 s).
fn wait_for_a_move(child: &mut Child, folders: &[PathBuf]) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let in_flight = folders.iter().any(|f| {
            std::fs::read_dir(f)
                .into_iter()
                .flatten()
                .flatten()
                .any(|e| is_leftover(&e.path()))
        });
        if in_flight {
            return true;
        }
        if child.try_wait().expect("poll newsdesk").is_some() {
            return false;
        }
    }
    false
}

/// Writes each item as its headline and body, padded with NUL bytes to FAR_SIZE: the
/// copy takes milliseconds, and the item reads as binary, so `list` stays quick.
fn grow_items(desk: &Desk, names: &[String]) {
    for name in names {
        let mut bytes = format!("{name} headline\n\nThe body of {name}.\n").into_bytes();
        bytes.resize(FAR_SIZE, 0);
        std::fs::write(desk.inbox().join(name), bytes).expect("grow item");
    }
}

/// What a kill left of the moves in flight, counted in items.
#[derive(Debug, Default, Clone, Copy)]
struct Interrupted {
    /// Claim and temporary both there: killed while copying (or syncing the copy).
    mid_copy: usize,
    /// A claim alone: the copy was in place, the claim not yet removed.
    copied: usize,
    /// A temporary alone: killed before the claim (the source still in the inbox).
    before_claim: usize,
}

/// Every item is somewhere as a whole file (visible, or claimed aside), at most twice;
/// a temporary is a partial copy and counts for nothing. Returns what was interrupted.
fn assert_never_zero(desk: &Desk, names: &[String], context: &str) -> Interrupted {
    let census = desk.census();
    let mut seen = Interrupted::default();
    for name in names {
        let places = census.get(name).map_or(&[][..], Vec::as_slice);
        let whole = places
            .iter()
            .filter(|p| !is_leftover(p) || is_claim(p))
            .count();
        assert!(
            (1..=2).contains(&whole),
            "{context}: {name} is whole in {whole} places: {places:?}"
        );
        let claim = places.iter().any(|p| is_claim(p));
        let tmp = places.iter().any(|p| is_leftover(p) && !is_claim(p));
        match (claim, tmp) {
            (true, true) => seen.mid_copy += 1,
            (true, false) => seen.copied += 1,
            (false, true) => seen.before_claim += 1,
            (false, false) => {}
        }
    }
    seen
}

/// Across filesystems the move is temporary → claim → copy → rename → unlink. The kill
/// is aimed at it: once a claim or temporary shows up, after a random 0–8 ms. Right
/// after the kill every item is whole somewhere (never nowhere); after the next `list`,
/// each is in exactly one place under its own name, no claim or temporary is left, and
/// the journal agrees. Fails unless at least FAR_HITS_NEEDED kills landed mid-copy.
#[test]
fn kill_9_during_a_cross_filesystem_move_leaves_a_copy() {
    let _heavy = super::support::heavy();
    let test = "kill_9_during_a_cross_filesystem_move_leaves_a_copy";
    let Some(fs) = Tmpfs::mount("256m", test) else {
        return;
    };
    let mut rng = fastrand::Rng::with_seed(0x7864_6576);
    let mut total = Interrupted::default();
    let mut mid_copy_rounds = 0;
    for round in 0..FAR_ROUNDS {
        let far = fs.path.join(format!("round-{round}"));
        let desk = Desk::with_far_category(&far);
        let names = desk.add_items(FAR_ITEMS);
        grow_items(&desk, &names);
        let mut args = vec!["file".to_string()];
        args.extend(names.iter().cloned());
        args.push("far".into());
        let mut child = desk.spawn(&args);
        if wait_for_a_move(&mut child, &[desk.inbox(), far.clone()]) {
            std::thread::sleep(Duration::from_micros(rng.u64(0..8_000)));
        }
        let _ = child.kill();
        child.wait().expect("reap newsdesk");
        let context = format!("cross-device round {round}");
        let seen = assert_never_zero(&desk, &names, &context);
        mid_copy_rounds += usize::from(seen.mid_copy > 0);
        total.mid_copy += seen.mid_copy;
        total.copied += seen.copied;
        total.before_claim += seen.before_claim;
        // The next scan reconciles: dead claims back (or removed, when their copy is in
        // place), dead temporaries removed.
        desk.run(&["list"]).expect(0);
        desk.assert_each_exactly_once(&names, &format!("{context}, after list"));
        desk.assert_journal_agrees(0, &context);
        std::fs::remove_dir_all(&far).expect("clear the round's folder");
    }
    eprintln!(
        "cross-device kills: {mid_copy_rounds} of {FAR_ROUNDS} rounds killed mid-copy; items \
         left: {total:?}; all reconciled by the next list"
    );
    assert!(
        mid_copy_rounds >= FAR_HITS_NEEDED,
        "only {mid_copy_rounds} of {FAR_ROUNDS} kills landed mid-copy"
    );
}
