//! How soon a file written into the inbox is reported (p50/p95 over 200 files
//! written one by one), and whether a burst of 1,000 all arrive.
//! `cargo bench --bench watch_latency`

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use newsdesk::config::WatchMode;
use newsdesk::watch;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (tx, rx) = mpsc::channel();
    let (watching, _) = watch::start(dir.path().to_path_buf(), WatchMode::Auto, move |c| {
        tx.send((Instant::now(), c)).is_ok()
    })
    .expect("watch");
    println!("watching: {}", watching.reason);
    let mut written: HashMap<String, Instant> = HashMap::new();
    let mut latencies = Vec::new();
    for i in 0..200 {
        let name = format!("one-{i:03}.txt");
        written.insert(name.clone(), Instant::now());
        std::fs::write(dir.path().join(&name), format!("Item {i}\n\nBody.\n")).expect("write");
        let deadline = Instant::now() + Duration::from_secs(5);
        'wait: while Instant::now() < deadline {
            if let Ok((at, changes)) = rx.recv_timeout(Duration::from_millis(100)) {
                for e in changes.arrived {
                    if let Some(t) = written.get(&e.name) {
                        latencies.push(at - *t);
                        if e.name == name {
                            break 'wait;
                        }
                    }
                }
            }
        }
    }
    latencies.sort();
    let pct = |p: usize| latencies[(latencies.len() * p / 100).min(latencies.len() - 1)];
    println!(
        "single files: {} reported of 200; p50 {:?}, p95 {:?}, max {:?}",
        latencies.len(),
        pct(50),
        pct(95),
        latencies.last().copied().unwrap_or_default()
    );
    let start = Instant::now();
    for i in 0..1000 {
        std::fs::write(
            dir.path().join(format!("burst-{i:04}.txt")),
            "Burst\n\nBody.\n",
        )
        .expect("write");
    }
    let mut seen = 0;
    let deadline = Instant::now() + Duration::from_secs(30);
    while seen < 1000 && Instant::now() < deadline {
        if let Ok((_, changes)) = rx.recv_timeout(Duration::from_millis(200)) {
            seen += changes
                .arrived
                .iter()
                .filter(|e| e.name.starts_with("burst-"))
                .count();
        }
    }
    println!(
        "burst: {seen} of 1000 reported, the last {:?} after the first write",
        start.elapsed()
    );
}
