//! Watching one file (the config) for saves, including editors' save-by-rename.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// How long to wait for an editor to finish saving before calling back.
const GATHER: Duration = Duration::from_millis(100);

/// Keeps a file watched while it lives.
pub struct FileWatch {
    _watcher: notify::RecommendedWatcher,
}

/// Calls `changed` (on a thread of its own) each time `path` is saved; stops
/// when it returns false or the [`FileWatch`] is dropped.
pub fn watch_file<F>(path: &Path, mut changed: F) -> notify::Result<FileWatch>
where
    F: FnMut() -> bool + Send + 'static,
{
    let absolute = std::path::absolute(path)?;
    let dir = absolute
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = absolute.file_name().map(|n| n.to_os_string());
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Someone reading the config (another triager starting, a cron `list`)
        // is not a save.
        let ours = !super::is_read(&event)
            && event.is_ok_and(|e| {
                e.paths
                    .iter()
                    .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
            });
        if ours {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    std::thread::Builder::new()
        .name("newsdesk-config".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                // Gather the burst, and give a writer that truncates first a
                // moment (bounded: an empty config is valid too).
                let mut looks = 0;
                while rx.recv_timeout(GATHER).is_ok() || (!settled(&absolute) && looks < 20) {
                    looks += 1;
                }
                if !changed() {
                    return;
                }
            }
        })?;
    Ok(FileWatch { _watcher: watcher })
}

/// The file holds still (size and mtime) across a short look, or is gone.
fn settled(path: &Path) -> bool {
    let look = || {
        std::fs::metadata(path)
            .ok()
            .map(|m| (m.len(), m.modified().ok()))
    };
    let before = look();
    std::thread::sleep(Duration::from_millis(30));
    before == look() && before.is_some_and(|(len, _)| len > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_save_by_rename_is_seen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "a").expect("write");
        let (tx, rx) = mpsc::channel();
        let _watch = watch_file(&path, move || tx.send(()).is_ok()).expect("watch");
        std::fs::write(dir.path().join("other.toml"), "x").expect("write");
        std::fs::write(dir.path().join(".config.toml.swp"), "b").expect("write");
        std::fs::rename(dir.path().join(".config.toml.swp"), &path).expect("rename");
        let deadline = Instant::now() + Duration::from_secs(10);
        while rx.recv_timeout(Duration::from_millis(50)).is_err() {
            assert!(Instant::now() < deadline, "no callback");
        }
    }

    #[test]
    fn reading_the_config_is_not_a_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "a = 1\n").expect("write");
        let (tx, rx) = mpsc::channel();
        let _watch = watch_file(&path, move || tx.send(()).is_ok()).expect("watch");
        for _ in 0..5 {
            assert_eq!(std::fs::read_to_string(&path).expect("read"), "a = 1\n");
        }
        // Absence can only be waited for: longer than GATHER and the settle look.
        assert!(
            rx.recv_timeout(GATHER * 4 + Duration::from_millis(500))
                .is_err(),
            "reads reloaded the config"
        );
        std::fs::write(&path, "a = 2\n").expect("write");
        let deadline = Instant::now() + Duration::from_secs(10);
        while rx.recv_timeout(Duration::from_millis(50)).is_err() {
            assert!(
                Instant::now() < deadline,
                "a save after the reads is still seen"
            );
        }
    }
}
