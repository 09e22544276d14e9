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
    let mut entries = Vec::new();
    for dirent in std::fs::read_dir(dir)? {
        let Ok(dirent) = dirent else { continue };
        let name = dirent.file_name().to_string_lossy().into_owned();
        if is_ignored(&name) {
            continue;
        }
        let path = dirent.path();
        // Follows symlinks; a file that vanished since read_dir is simply not listed.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        entries.push(Entry {
            id: id_for(&name),
            name,
            path,
            size: meta.len(),
            modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
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
}
