//! Four processes file the same 1,000 items at once, into four categories.

use std::collections::BTreeSet;
use std::process::Stdio;

use super::support::Desk;

const ITEMS: usize = 1000;

#[test]
fn four_processes_file_the_same_thousand_items_exactly_once() {
    let _heavy = super::support::heavy();
    let desk = Desk::new();
    let names = desk.add_items(ITEMS);
    let users = ["ana", "ben", "cat", "dan"];
    let targets = ["syria", "world", "syria", "skip"];
    let children: Vec<_> = users
        .iter()
        .zip(targets)
        .map(|(user, target)| {
            let mut cmd = desk.command();
            cmd.env("USER", user).env("LOGNAME", user);
            if target == "skip" {
                cmd.arg("skip");
            } else {
                cmd.arg("file");
            }
            cmd.args(&names);
            if target != "skip" {
                cmd.arg(target);
            }
            cmd.stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn newsdesk")
        })
        .collect();
    let runs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait"))
        .collect();
    desk.assert_each_exactly_once(&names, "four filers");
    assert!(
        desk.census()
            .values()
            .all(|p| !p[0].starts_with(desk.inbox())),
        "all filed"
    );
    let records = desk.journal();
    assert_eq!(records.len(), ITEMS, "one journal record per item");
    let journaled: BTreeSet<_> = records.iter().map(|r| r.name.clone()).collect();
    assert_eq!(journaled.len(), ITEMS, "no item journaled twice");
    for r in &records {
        assert!(r.to.exists(), "{r:?}");
    }
    for (user, out) in users.iter().zip(&runs) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        for line in stderr.lines() {
            assert!(
                line.contains("already filed") || line.contains("no item in the inbox matches"),
                "{user}: {line}"
            );
        }
    }
}
