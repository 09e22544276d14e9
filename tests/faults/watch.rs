//! The inbox folder removed and recreated while `newsdesk watch` runs.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::support::Desk;

/// Waits for a stdout line of the watcher mentioning `arrived` and `name`.
fn wait_for(lines: &mpsc::Receiver<String>, seen: &mut Vec<String>, name: &str, limit: Duration) {
    let deadline = Instant::now() + limit;
    while !seen
        .iter()
        .any(|l| l.contains("\"arrived\"") && l.contains(name))
    {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => seen.push(line),
            Err(_) => panic!("no arrival of {name} within {limit:?}; saw {seen:#?}"),
        }
    }
}

#[test]
fn watch_keeps_reporting_after_the_inbox_is_removed_and_recreated() {
    let _heavy = super::support::heavy();
    let desk = Desk::new();
    let mut child = desk
        .command()
        .arg("watch")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn watch");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    // The watcher is up once a first arrival is reported.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut n = 0;
    while !seen.iter().any(|l: &String| l.contains("\"arrived\"")) {
        assert!(Instant::now() < deadline, "watch never reported: {seen:?}");
        n += 1;
        std::fs::write(
            desk.inbox().join(format!("first-{n}.txt")),
            "First\n\nbody\n",
        )
        .expect("write");
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(500)) {
            seen.push(line);
        }
    }
    for round in 0..3 {
        std::fs::remove_dir_all(desk.inbox()).expect("rm -r inbox");
        std::fs::create_dir(desk.inbox()).expect("mkdir inbox");
        let name = format!("after-{round}.txt");
        std::fs::write(desk.inbox().join(&name), "After\n\nbody\n").expect("write");
        wait_for(&rx, &mut seen, &name, Duration::from_secs(3));
    }
    let _ = child.kill();
    child.wait().expect("reap watch");
}
