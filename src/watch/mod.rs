//! Watching the inbox: notify events (or polling) as hints, then rescan and diff,
//! reporting only files whose writers have finished. The watcher is a signal, not a source of truth.

pub mod file;
pub mod fstype;
pub mod settle;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind, RenameMode};
use notify::{RecursiveMode, Watcher};

use crate::config::WatchMode;
use crate::desk::{Entry, is_ignored, scan};
pub use settle::{Changes, Hint, Tracker};

/// How often the inbox is rescanned when nothing is heard: a safety net for
/// lost events (native mode) or the polling itself (poll mode).
pub const NATIVE_RESCAN: Duration = Duration::from_secs(5);

/// Files in a scan past which the memory it used is given back at once.
const BIG_SCAN: usize = 10_000;
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// How long to gather a burst of events before one rescan.
const GATHER: Duration = Duration::from_millis(25);
/// How often settling files are looked at again.
const RECHECK: Duration = Duration::from_millis(100);

/// How the inbox is being watched, and why (for the status line and logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watching {
    pub native: bool,
    pub reason: String,
}

/// Starts watching `inbox` on a thread of its own. `report` gets every batch of
/// changes and returns false to stop. Returns how the inbox is watched and the
/// first scan, which later changes are relative to.
pub fn start<F>(
    inbox: PathBuf,
    mode: WatchMode,
    report: F,
) -> std::io::Result<(Watching, Vec<Entry>)>
where
    F: FnMut(Changes) -> bool + Send + 'static,
{
    launch(inbox, mode, report, |first| first)
}

/// Like [`start`], handing the first scan to `first` before `report` can be
/// called, so whoever gets both sees the scan before any change relative to it.
pub fn launch<F, G, T>(
    inbox: PathBuf,
    mode: WatchMode,
    report: F,
    first: G,
) -> std::io::Result<(Watching, T)>
where
    F: FnMut(Changes) -> bool + Send + 'static,
    G: FnOnce(Vec<Entry>) -> T,
{
    let listing = scan(&inbox)?;
    let baseline = Tracker::new(&listing);
    let (tx, rx) = mpsc::channel();
    let (watcher, watching) = native_watcher(&inbox, mode, tx.clone());
    let handed = first(listing);
    let interval = if watching.native {
        NATIVE_RESCAN
    } else {
        POLL_INTERVAL
    };
    std::thread::Builder::new()
        .name("newsdesk-watch".into())
        .spawn(move || {
            let native = watcher.map(|w| (w, tx));
            run(&inbox, native, baseline, &rx, interval, report);
        })?;
    Ok((watching, handed))
}

type Events = mpsc::Receiver<notify::Result<notify::Event>>;
type EventSender = mpsc::Sender<notify::Result<notify::Event>>;

fn native_watcher(
    inbox: &Path,
    mode: WatchMode,
    tx: mpsc::Sender<notify::Result<notify::Event>>,
) -> (Option<notify::RecommendedWatcher>, Watching) {
    let polled = |reason: String| {
        (
            None,
            Watching {
                native: false,
                reason,
            },
        )
    };
    match mode {
        WatchMode::Poll => return polled("watch = \"poll\" in config".into()),
        WatchMode::Auto => {
            if let Some(kind) = fstype::network_kind(inbox) {
                return polled(format!(
                    "polling: the inbox is on {kind}, which sends no events for changes made elsewhere"
                ));
            }
        }
        WatchMode::Native => {}
    }
    let watcher = notify::recommended_watcher(tx)
        .and_then(|mut w| w.watch(inbox, RecursiveMode::NonRecursive).map(|()| w));
    match watcher {
        Ok(w) => (
            Some(w),
            Watching {
                native: true,
                reason: "native events".into(),
            },
        ),
        Err(e) => polled(format!("polling: native watching failed ({e})")),
    }
}

/// The inbox folder's identity: a folder removed and made again is another one.
fn identity(inbox: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(inbox).ok().map(|m| (m.dev(), m.ino()))
}

fn run<F: FnMut(Changes) -> bool>(
    inbox: &Path,
    mut native: Option<(notify::RecommendedWatcher, EventSender)>,
    mut tracker: Tracker,
    rx: &Events,
    interval: Duration,
    mut report: F,
) {
    // A native watch dies with its folder: while the inbox is missing or replaced, poll
    // for it, and watch the new folder once it is there.
    let mut watched = identity(inbox);
    loop {
        let current = identity(inbox);
        // A fresh watcher, not a re-watch: notify may still be forgetting the old folder.
        if current.is_some()
            && current != watched
            && let Some((watcher, tx)) = native.as_mut()
            && let Ok(fresh) = notify::recommended_watcher(tx.clone())
                .and_then(|mut w| w.watch(inbox, RecursiveMode::NonRecursive).map(|()| w))
        {
            *watcher = fresh;
            watched = current;
        }
        let wait = if tracker.settling() {
            RECHECK
        } else if native.is_some() && current != watched {
            POLL_INTERVAL
        } else {
            interval
        };
        if let Some(event) = next_change(rx, Instant::now() + wait) {
            // The folder itself removed (its inode may come back with the next mkdir).
            if lost(&event, inbox) {
                watched = None;
            }
            note(&mut tracker, event);
            // Gather the rest of a burst into one rescan.
            let until = Instant::now() + GATHER;
            while let Ok(event) = rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
                if lost(&event, inbox) {
                    watched = None;
                }
                note(&mut tracker, event);
            }
        }
        // A removed inbox reads as empty; it is watched again if it returns.
        let stamps = crate::desk::scan::stamps(inbox).unwrap_or_default();
        let big = stamps.len() > BIG_SCAN;
        let changes = tracker.observe(stamps, inbox, Instant::now());
        if big {
            // A scan of a big inbox made and dropped an entry per file: give the
            // pages back rather than keep the process at its size every few seconds.
            crate::memory::release();
        }
        if !changes.is_empty() && !report(changes) {
            return;
        }
    }
}

/// The next event before `deadline` that may mean a change. notify reports every
/// open and close of a file: someone reading the inbox (our own extraction first
/// of all) changes nothing in it, so those do not wake a rescan.
fn next_change(rx: &Events, deadline: Instant) -> Option<notify::Result<notify::Event>> {
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(event) if is_read(&event) => {}
            Ok(event) => return Some(event),
            Err(_) => return None,
        }
    }
}

/// Is this event only someone opening, reading or closing a file unchanged?
pub(crate) fn is_read(event: &notify::Result<notify::Event>) -> bool {
    event.as_ref().is_ok_and(|e| {
        matches!(e.kind, EventKind::Access(kind) if kind != AccessKind::Close(AccessMode::Write))
    })
}

/// Does this event say the watched folder itself is gone?
fn lost(event: &notify::Result<notify::Event>, inbox: &Path) -> bool {
    event.as_ref().is_ok_and(|e| {
        matches!(
            e.kind,
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        ) && e.paths.iter().any(|p| p == inbox)
    })
}

/// Turns one notify event into hints; errors and overflows just cause the rescan that follows.
fn note(tracker: &mut Tracker, event: notify::Result<notify::Event>) {
    let Ok(event) = event else { return };
    let now = Instant::now();
    let ready = matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    );
    let writing = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any)
    );
    // For a rename the last path is the new name.
    let path = if ready {
        event.paths.last()
    } else {
        event.paths.first()
    };
    let Some(name) = path
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return;
    };
    if is_ignored(&name) {
        return;
    }
    if ready {
        tracker.hint(Hint::Ready(name), now);
    } else if writing {
        tracker.hint(Hint::Writing(name), now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange};

    fn event(kind: EventKind) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path("/inbox/a.txt".into()))
    }

    #[test]
    fn a_reader_opening_and_closing_files_is_no_reason_to_rescan() {
        use notify::event::AccessKind::{Close, Open, Read};
        for kind in [
            Open(AccessMode::Any),
            Read,
            Close(AccessMode::Read),
            AccessKind::Any,
        ] {
            assert!(is_read(&event(EventKind::Access(kind))), "{kind:?}");
        }
        for kind in [
            EventKind::Access(Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Remove(notify::event::RemoveKind::File),
            EventKind::Any,
        ] {
            assert!(!is_read(&event(kind)), "{kind:?}");
        }
        assert!(
            !is_read(&Err(notify::Error::generic("overflow"))),
            "errors rescan"
        );
    }
}
