//! Two triagers file the same items at the same instant: each item lands in exactly one
//! folder, none is lost, and the loser is told it was already filed.

use std::collections::BTreeSet;
use std::process::{Child, Stdio};

use super::harness::{Desk, Run};

const ITEMS: usize = 50;

fn names() -> Vec<String> {
    (0..ITEMS)
        .map(|i| format!("2026-11-29_wire_item-{i:02}.txt"))
        .collect()
}

fn desk_of_50() -> Desk {
    let desk = Desk::empty();
    for (i, name) in names().iter().enumerate() {
        desk.add(
            name,
            &format!(
                "Item {i} headline\n\nThe body of item number {i}, written once and filed once.\n"
            ),
        );
    }
    desk
}

fn spawn(desk: &Desk, user: &str, category: &str) -> Child {
    desk.command(user)
        .arg("file")
        .args(names())
        .arg(category)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newsdesk")
}

fn finish(child: Child) -> Run {
    let out = child.wait_with_output().expect("wait for newsdesk");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The item names a run reports as filed on stdout (`time user@host file NAME from → to`).
fn filed_by(run: &Run) -> BTreeSet<String> {
    run.stdout
        .lines()
        .filter_map(|l| l.split_whitespace().nth(3))
        .map(str::to_string)
        .collect()
}

/// Races `ana … syria` against `ben … world` and checks the files and the journal.
/// Returns the two runs for checks on their messages.
fn race_once() -> (Desk, Run, Run) {
    let desk = desk_of_50();
    let (a, b) = (spawn(&desk, "ana", "syria"), spawn(&desk, "ben", "world"));
    let (a, b) = (finish(a), finish(b));
    let all: BTreeSet<String> = names().into_iter().collect();

    assert!(
        desk.names_in("inbox").is_empty(),
        "lost in the inbox: {:?}",
        desk.names_in("inbox")
    );
    let syria: BTreeSet<String> = desk.names_in("filed/syria").into_iter().collect();
    let world: BTreeSet<String> = desk.names_in("filed/world").into_iter().collect();
    assert!(
        syria.is_disjoint(&world),
        "filed twice: {:?}",
        syria.intersection(&world).collect::<Vec<_>>()
    );
    assert_eq!(
        syria.union(&world).cloned().collect::<BTreeSet<_>>(),
        all,
        "every item filed, under its own name"
    );
    for (folder, names) in [("filed/syria", &syria), ("filed/world", &world)] {
        for name in names {
            let text =
                std::fs::read_to_string(desk.path(folder).join(name)).expect("read filed item");
            assert!(text.contains("filed once"), "{folder}/{name} intact");
        }
    }

    assert_eq!(
        filed_by(&a),
        syria,
        "ana's report matches filed/syria\n{}",
        a.stderr
    );
    assert_eq!(
        filed_by(&b),
        world,
        "ben's report matches filed/world\n{}",
        b.stderr
    );
    let records = desk.run(&["journal", "--json"]).expect(0).json_lines();
    assert_eq!(records.len(), ITEMS, "one journal record per item");
    for r in &records {
        let (user, category) = (
            r["user"].as_str().unwrap_or(""),
            r["category"].as_str().unwrap_or(""),
        );
        assert!(
            matches!((user, category), ("ana", "syria") | ("ben", "world")),
            "{r}"
        );
    }
    (desk, a, b)
}

#[test]
fn two_processes_filing_the_same_items_file_each_exactly_once() {
    for _ in 0..3 {
        race_once();
    }
}

/// A loser whose move finds the source gone says "already filed"; one whose lookup finds
/// the name gone before the winner has journaled it says "no item in the inbox matches".
#[test]

fn the_loser_of_a_race_is_told_already_filed() {
    for _ in 0..3 {
        let (_desk, a, b) = race_once();
        for (run, won) in [(&a, filed_by(&a)), (&b, filed_by(&b))] {
            for name in names().iter().filter(|n| !won.contains(*n)) {
                let line = run.stderr.lines().find(|l| l.contains(name.as_str()));
                assert!(
                    line.is_some_and(|l| l.contains("already filed")),
                    "{name}: {line:?}\n{}",
                    run.stderr
                );
            }
            assert_eq!(run.code, if won.len() == ITEMS { 0 } else { 1 });
        }
    }
}

/// The deterministic half of the race: both processes find the item, one moves it first.
#[test]
fn an_item_filed_by_someone_else_in_between_is_reported_already_filed() {
    let desk = desk_of_50();
    let name = &names()[0];
    desk.run_as("ana", &["file", name, "syria"]).expect(0);
    let run = desk.run_as("ben", &["file", name, "world"]).expect(1);
    assert!(
        run.stderr
            .contains(&format!("{name}: already filed → syria by ana@")),
        "{}",
        run.stderr
    );
}
