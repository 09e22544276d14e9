//! Deciding when a file in the inbox is complete: pure bookkeeping over scans and hints.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime};

use crate::desk::Entry;
use crate::desk::scan::Stamp;
use std::path::Path;

/// How long size and mtime must stay the same before a file is taken as complete
/// when no close-after-write or rename event says so (poll mode, network mounts).
pub const SETTLE: Duration = Duration::from_millis(250);
/// How long a file that was seen being written must stay quiet when its close
/// event never comes (a writer holding it open, a lost event).
pub const QUIET: Duration = Duration::from_secs(2);

/// What a watcher event says about one file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// Created or written to: still being written.
    Writing(String),
    /// Closed after writing, or renamed into the inbox: complete.
    Ready(String),
}

/// What changed in the inbox since the last report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// New, complete items.
    pub arrived: Vec<Entry>,
    /// Items whose file changed (size or mtime).
    pub changed: Vec<Entry>,
    /// Names that left the inbox.
    pub removed: Vec<String>,
}

impl Changes {
    /// Nothing to report.
    pub fn is_empty(&self) -> bool {
        self.arrived.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

#[derive(Debug, Clone)]
struct Pending {
    size: u64,
    modified: SystemTime,
    since: Instant,
    writing: bool,
    ready: bool,
}

/// The reported set of items and the files still settling.
#[derive(Debug, Default)]
pub struct Tracker {
    /// Size and mtime of each file reported (only these: at 100,000 files a
    /// whole entry each would be ~20 MB more resident).
    known: HashMap<String, (u64, SystemTime)>,
    pending: HashMap<String, Pending>,
}

impl Tracker {
    /// Starts from a first scan: every file there counts as complete.
    pub fn new(first: &[Entry]) -> Tracker {
        let known = first
            .iter()
            .map(|e| (e.name.clone(), (e.size, e.modified)))
            .collect();
        Tracker {
            known,
            pending: HashMap::new(),
        }
    }

    /// Notes what an event says about a file.
    pub fn hint(&mut self, hint: Hint, now: Instant) {
        let (name, ready) = match hint {
            Hint::Writing(name) => (name, false),
            Hint::Ready(name) => (name, true),
        };
        let pending = self.pending.entry(name).or_insert(Pending {
            size: u64::MAX,
            modified: SystemTime::UNIX_EPOCH,
            since: now,
            writing: false,
            ready: false,
        });
        if ready {
            pending.ready = true;
        } else {
            pending.writing = true;
            pending.ready = false;
            pending.since = now;
        }
    }

    /// Compares a fresh scan of `dir` with what is known; reports files that are complete.
    pub fn observe(&mut self, scan: Vec<Stamp>, dir: &Path, now: Instant) -> Changes {
        let mut changes = Changes::default();
        let present: std::collections::HashSet<&str> =
            scan.iter().map(|e| e.name.as_str()).collect();
        let gone: Vec<String> = self
            .known
            .keys()
            .filter(|n| !present.contains(n.as_str()))
            .cloned()
            .collect();
        for name in gone {
            self.known.remove(&name);
            changes.removed.push(name);
        }
        self.pending
            .retain(|name, _| present.contains(name.as_str()));
        for entry in scan {
            let unchanged = self
                .known
                .get(&entry.name)
                .is_some_and(|&k| k == (entry.size, entry.modified));
            if unchanged {
                self.pending.remove(&entry.name);
                continue;
            }
            if self.settled(&entry, now) {
                self.pending.remove(&entry.name);
                let old = self
                    .known
                    .insert(entry.name.clone(), (entry.size, entry.modified));
                if old.is_some() {
                    changes.changed.push(entry.entry(dir))
                } else {
                    changes.arrived.push(entry.entry(dir))
                }
            }
        }
        changes.arrived.sort_by(|a, b| a.name.cmp(&b.name));
        changes
    }

    /// Is this file complete? Records its size and mtime when it is not.
    fn settled(&mut self, entry: &Stamp, now: Instant) -> bool {
        let p = self.pending.entry(entry.name.clone()).or_insert(Pending {
            size: entry.size,
            modified: entry.modified,
            since: now,
            writing: false,
            ready: false,
        });
        if p.ready {
            return true;
        }
        if p.size != entry.size || p.modified != entry.modified {
            (p.size, p.modified, p.since) = (entry.size, entry.modified, now);
            return false;
        }
        let quiet = now.duration_since(p.since);
        quiet >= if p.writing { QUIET } else { SETTLE }
    }

    /// Whether files are still settling (the caller should look again soon).
    pub fn settling(&self) -> bool {
        !self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, size: u64) -> Stamp {
        Stamp::new(
            name,
            size,
            SystemTime::UNIX_EPOCH + Duration::from_secs(size),
        )
    }

    #[test]
    fn a_closed_file_arrives_at_once() {
        let t0 = Instant::now();
        let mut t = Tracker::new(&[]);
        t.hint(Hint::Writing("a.txt".into()), t0);
        assert!(
            t.observe(vec![entry("a.txt", 10)], Path::new(""), t0)
                .is_empty(),
            "still being written"
        );
        t.hint(Hint::Ready("a.txt".into()), t0);
        let c = t.observe(vec![entry("a.txt", 20)], Path::new(""), t0);
        assert_eq!(c.arrived.len(), 1);
        assert!(!t.settling());
    }

    #[test]
    fn a_slow_writer_is_not_reported_until_quiet() {
        let t0 = Instant::now();
        let mut t = Tracker::new(&[]);
        t.hint(Hint::Writing("a.txt".into()), t0);
        assert!(
            t.observe(vec![entry("a.txt", 10)], Path::new(""), t0)
                .is_empty()
        );
        assert!(
            t.observe(vec![entry("a.txt", 10)], Path::new(""), t0 + SETTLE * 2)
                .is_empty(),
            "a writer is known: wait for close or QUIET"
        );
        assert_eq!(
            t.observe(vec![entry("a.txt", 10)], Path::new(""), t0 + QUIET)
                .arrived
                .len(),
            1
        );
    }

    #[test]
    fn without_events_a_file_must_hold_still() {
        let t0 = Instant::now();
        let mut t = Tracker::new(&[]);
        assert!(
            t.observe(vec![entry("a.txt", 10)], Path::new(""), t0)
                .is_empty()
        );
        assert!(
            t.observe(vec![entry("a.txt", 20)], Path::new(""), t0 + SETTLE)
                .is_empty(),
            "it grew"
        );
        assert!(
            t.observe(
                vec![entry("a.txt", 20)],
                Path::new(""),
                t0 + SETTLE + Duration::from_millis(10)
            )
            .is_empty()
        );
        assert_eq!(
            t.observe(
                vec![entry("a.txt", 20)],
                Path::new(""),
                t0 + SETTLE * 2 + Duration::from_millis(10)
            )
            .arrived
            .len(),
            1
        );
    }

    #[test]
    fn removals_and_changes_are_reported() {
        let t0 = Instant::now();
        let dir = Path::new("/desk/inbox");
        let mut t = Tracker::new(&[entry("a.txt", 1).entry(dir), entry("b.txt", 2).entry(dir)]);
        t.hint(Hint::Ready("b.txt".into()), t0);
        let c = t.observe(vec![entry("b.txt", 3)], dir, t0);
        assert_eq!(c.removed, ["a.txt"]);
        assert_eq!(
            c.changed,
            [entry("b.txt", 3).entry(dir)],
            "with its path and id"
        );
        assert_eq!(c.changed[0].path, dir.join("b.txt"));
        assert!(t.observe(vec![entry("b.txt", 3)], dir, t0).is_empty());
    }
}
