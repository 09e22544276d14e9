//! Listing the inbox: which files are items, with the metadata the list needs.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::article::id_for;

/// One file in the inbox, as the directory tells it (nothing read yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub path: PathBuf,
    pub size: u64,
    pub modified: SystemTime,
}

/// Is this a file name newsdesk leaves alone: hidden, temporary, partial or an editor's?
pub fn is_ignored(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".part",
        ".partial",
        ".tmp",
        ".crdownload",
        ".download",
    ];
    name.starts_with('.')
        || name.starts_with("~$")
        || name == "4913"
        || (name.starts_with('#') && name.ends_with('#'))
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// The items of a folder, sorted by name.
pub fn scan(dir: &Path) -> std::io::Result<Vec<Entry>> {
    Ok(stamps(dir)?.into_iter().map(|s| s.entry(dir)).collect())
}

/// What a rescan compares of a file: its name, size and mtime. No id or path:
/// the watcher rescans every few seconds, and at 100,000 files those were
/// 200,000 allocations a time; [`Stamp::entry`] makes them for the files that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub name: String,
    pub size: u64,
    pub modified: SystemTime,
    /// The path, kept only when the name is not UTF-8 (`name` is then lossy).
    raw: Option<PathBuf>,
}

impl Stamp {
    /// A file of `dir` by name, size and mtime.
    pub fn new(name: &str, size: u64, modified: SystemTime) -> Stamp {
        Stamp {
            name: name.into(),
            size,
            modified,
            raw: None,
        }
    }

    /// The entry of this file in `dir`.
    pub fn entry(self, dir: &Path) -> Entry {
        let path = self.raw.unwrap_or_else(|| dir.join(&self.name));
        Entry {
            id: id_for(&self.name),
            name: self.name,
            path,
            size: self.size,
            modified: self.modified,
        }
    }
}

/// The items of a folder by name, size and mtime, sorted by name.
pub fn stamps(dir: &Path) -> std::io::Result<Vec<Stamp>> {
    let mut stamps = Vec::new();
    for dirent in std::fs::read_dir(dir)? {
        let Ok(dirent) = dirent else { continue };
        let (name, raw) = match dirent.file_name().into_string() {
            Ok(name) => (name, None),
            Err(raw) => (raw.to_string_lossy().into_owned(), Some(dirent.path())),
        };
        if is_ignored(&name) {
            continue;
        }
        // Follows symlinks; a file that vanished since read_dir is simply not listed.
        let Ok(meta) = std::fs::metadata(dirent.path()) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        stamps.push(Stamp {
            name,
            size: meta.len(),
            modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            raw,
        });
    }
    stamps.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok(stamps)
}

/// The items of a folder by name alone, without a `stat` per file: what the first
/// screen of a big inbox is drawn from. Size and mtime are unknown (0 and the
/// epoch, see [`Entry::is_listed_only`]) until a [`scan`]; sorted by name.
pub fn names(dir: &Path) -> std::io::Result<Vec<Entry>> {
    Ok(Names::open(dir)?.batch(usize::MAX))
}

/// A folder read by name in batches, so a first screen waits for a screenful,
/// not for a directory of 100,000 entries.
#[derive(Debug)]
pub struct Names {
    read: std::fs::ReadDir,
}

impl Names {
    /// Starts reading `dir`.
    pub fn open(dir: &Path) -> std::io::Result<Names> {
        std::fs::read_dir(dir).map(|read| Names { read })
    }

    /// Up to `n` more items (as [`names`] lists them), sorted by name; fewer
    /// than `n` once the folder is read to its end.
    pub fn batch(&mut self, n: usize) -> Vec<Entry> {
        let mut entries = Vec::new();
        for dirent in self.read.by_ref() {
            let Ok(dirent) = dirent else { continue };
            let name = name_of(&dirent);
            // The directory says the type (no stat); a symlink is taken for a file until the scan.
            if is_ignored(&name) || dirent.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            entries.push(Entry {
                id: id_for(&name),
                path: dirent.path(),
                name,
                size: 0,
                modified: SystemTime::UNIX_EPOCH,
            });
            if entries.len() == n {
                break;
            }
        }
        // Names in one folder are unique: an unstable sort gives the same order, sooner.
        entries.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        entries
    }
}

/// An entry's name as text, copied only when it is not UTF-8 already.
fn name_of(dirent: &std::fs::DirEntry) -> String {
    dirent
        .file_name()
        .into_string()
        .unwrap_or_else(|raw| raw.to_string_lossy().into_owned())
}

impl Entry {
    /// Known by name only ([`names`]): size and mtime not read yet.
    pub fn is_listed_only(&self) -> bool {
        self.size == 0 && self.modified == SystemTime::UNIX_EPOCH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_hidden_temporary_and_editor_files() {
        for name in [
            ".hidden",
            "a.txt~",
            ".a.txt.swp",
            "x.part",
            "x.tmp",
            "4913",
            "#a.txt#",
            "x.crdownload",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        for name in ["a.txt", "news", "تقرير.txt", "2026-11-29.md"] {
            assert!(!is_ignored(name), "{name}");
        }
    }

    #[test]
    fn a_name_that_is_not_utf8_keeps_its_real_path() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let raw = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        std::fs::write(dir.path().join(raw), "x").expect("write");
        std::fs::write(dir.path().join("تقرير.txt"), "y").expect("write");
        let entries = scan(dir.path()).expect("scan");
        let paths: Vec<_> = entries.iter().map(|e| e.path.clone()).collect();
        assert_eq!(paths, [dir.path().join(raw), dir.path().join("تقرير.txt")]);
        assert_eq!(entries[0].name, "caf\u{fffd}.txt", "shown lossy");
        assert!(entries.iter().all(|e| e.path.is_file()), "every path opens");
    }

    #[test]
    fn scans_files_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("b.txt"), "b").expect("write");
        std::fs::write(dir.path().join("a.txt"), "a").expect("write");
        std::fs::write(dir.path().join(".hidden"), "h").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let names: Vec<String> = scan(dir.path())
            .expect("scan")
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
    }

    #[test]
    fn names_lists_the_same_items_without_their_metadata() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("b.txt"), "bb").expect("write");
        std::fs::write(dir.path().join("تقرير.txt"), "a").expect("write");
        std::fs::write(dir.path().join(".hidden"), "h").expect("write");
        std::fs::write(dir.path().join("x.tmp"), "t").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let listed = names(dir.path()).expect("names");
        let scanned = scan(dir.path()).expect("scan");
        let key = |e: &Entry| (e.id.clone(), e.name.clone(), e.path.clone());
        assert_eq!(
            listed.iter().map(key).collect::<Vec<_>>(),
            scanned.iter().map(key).collect::<Vec<_>>()
        );
        assert!(listed.iter().all(Entry::is_listed_only));
        assert!(!scanned.iter().any(Entry::is_listed_only));
    }

    #[test]
    fn batches_add_up_to_the_whole_listing() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..25 {
            std::fs::write(dir.path().join(format!("{i:02}.txt")), "x").expect("write");
        }
        std::fs::write(dir.path().join(".hidden"), "h").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let mut reading = Names::open(dir.path()).expect("open");
        let sizes: Vec<usize> = [10, 10, 10, 10].map(|n| reading.batch(n).len()).into();
        assert_eq!(sizes, [10, 10, 5, 0], "ignored entries do not count");
        let mut reading = Names::open(dir.path()).expect("open");
        let mut all: Vec<String> = (0..3)
            .flat_map(|_| reading.batch(10))
            .map(|e| e.name)
            .collect();
        let first: Vec<String> = all[..10].to_vec();
        assert!(first.is_sorted(), "each batch is sorted");
        all.sort();
        let whole: Vec<String> = names(dir.path())
            .expect("names")
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(all, whole);
    }
}
