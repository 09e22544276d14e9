//! Splitting feed files dropped into the inbox: one JSON item per new entry, the
//! feed itself moved to the processed folder.
//!
//! An entry's file is named `<feed slug>--<key>.json`, the key a hash of the
//! feed's identity and the entry's id, so the same entry always gets the same
//! name. An entry is new unless its key is already known: in the inbox, in a
//! category, skip or processed folder, in the journal, or in the ledger of
//! split entries (`.newsdesk/feeds-seen`), which also remembers entries that
//! were deleted. Dropping the same feed again therefore adds only new entries.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::moving::{MoveError, move_into, rename_noreplace, tmp_path};
use super::{Desk, host_tag};
use crate::article::{feed, sniff};

/// What splitting one feed file did.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The feed file as it was in the inbox.
    pub feed: PathBuf,
    /// Where it went (the processed folder), if this process moved it.
    pub moved_to: Option<PathBuf>,
    /// The new items written into the inbox.
    pub added: Vec<PathBuf>,
    /// Entries left out because they were split before (or twice in the feed).
    pub known: usize,
    /// What was noticed (a damaged feed read up to the damage…).
    pub notes: Vec<String>,
}

/// A feed file that could not be split; it stays in the inbox as an item.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {message}", .path.display())]
pub struct SplitFailure {
    pub path: PathBuf,
    pub message: String,
}

/// File extensions a feed may have; other files are never opened to look.
const FEED_EXTENSIONS: &[&str] = &["xml", "rss", "atom", "rdf", "feed", "json"];

impl Desk {
    /// Splits every feed file in the inbox (RSS, Atom, JSON Feed; named `*.xml`,
    /// `*.rss`, `*.atom`, `*.rdf`, `*.feed` or `*.json` and sniffed to be sure):
    /// new entries become JSON items in the inbox, the feed file moves to the
    /// processed folder. One result per feed file found; none when there is none.
    ///
    /// Safe to call often and from several processes at once: a feed already
    /// split, or being split by another process, is skipped, and no entry is
    /// ever written twice. A feed that cannot be read stays in the inbox (listed
    /// as a `feed` item with a note) and comes back as a [`SplitFailure`] naming
    /// the file.
    ///
    /// Callers: the CLI before `list` and `watch`, `newsdesk split-feeds`, and in
    /// `watch` whenever an arrival passes [`may_be_feed`]. A front-end doing the
    /// same (the TUI's watcher) should call it off the UI thread — it does file
    /// I/O — when an arrival passes [`may_be_feed`] (a name check, no I/O), then
    /// drop the split feed files from its arrivals: the new items arrive with the
    /// next rescan like any other file.
    pub fn split_feeds(&self) -> Vec<Result<Split, SplitFailure>> {
        self.tidy_up();
        // Names first: only a feed-like name costs a stat and a read, so a big inbox
        // of text items is not listed twice before the first screen.
        let Ok(dir) = fs::read_dir(&self.inbox) else {
            return Vec::new();
        };
        let mut feeds: Vec<PathBuf> = dir
            .flatten()
            .filter(|d| !super::scan::is_ignored(&d.file_name().to_string_lossy()))
            .map(|d| d.path())
            .filter(|p| may_be_feed(p) && p.is_file() && is_feed_file(p))
            .collect();
        feeds.sort();
        if feeds.is_empty() {
            return Vec::new();
        }
        let mut known = self.known_keys();
        feeds
            .iter()
            .map(|path| self.split_one(path, &mut known))
            .collect()
    }

    fn split_one(&self, path: &Path, known: &mut HashSet<String>) -> Result<Split, SplitFailure> {
        let fail = |message: String| SplitFailure {
            path: path.to_path_buf(),
            message,
        };
        let bytes =
            crate::article::read_bytes(path).map_err(|e| fail(format!("cannot read: {e}")))?;
        let parsed = feed::parse(&bytes).map_err(|e| fail(e.to_string()))?;
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let slug = parsed.slug(&name);
        let mut split = Split {
            feed: path.to_path_buf(),
            moved_to: None,
            added: Vec::new(),
            known: 0,
            notes: parsed.notes.clone(),
        };
        let mut seen_now = Vec::new();
        for entry in &parsed.entries {
            let key = parsed.key(entry);
            if !known.insert(key.clone()) {
                split.known += 1;
                continue;
            }
            let target = self.inbox.join(parsed.file_name(&slug, entry));
            match write_new(
                &target,
                parsed.item_json(entry).as_bytes(),
                &host_tag(&self.who.host),
            ) {
                Ok(true) => split.added.push(target),
                Ok(false) => split.known += 1,
                Err(e) => return Err(fail(format!("cannot write {}: {e}", target.display()))),
            }
            seen_now.push(key);
        }
        if let Err(e) = self.remember(&seen_now) {
            split
                .notes
                .push(format!("could not update the ledger of split entries: {e}"));
        }
        match move_into(path, &self.processed, &host_tag(&self.who.host)) {
            Ok(to) => split.moved_to = Some(to),
            // Another process split it first: its entries are ours too.
            Err(MoveError::SourceGone) => {}
            Err(MoveError::Io(e)) => {
                return Err(fail(format!(
                    "split, but cannot move it to {}: {e}",
                    self.processed.display()
                )));
            }
        }
        Ok(split)
    }

    /// Keys of every entry split before, wherever its file is now.
    fn known_keys(&self) -> HashSet<String> {
        let mut keys = HashSet::new();
        let mut add = |name: &str| {
            if let Some(key) = feed::key_in_name(name) {
                keys.insert(key.to_string());
            }
        };
        let folders = self.categories.iter().map(|c| c.folder.as_path());
        for folder in folders.chain([self.inbox.as_path(), self.skip.as_path()]) {
            for entry in fs::read_dir(folder).into_iter().flatten().flatten() {
                add(&entry.file_name().to_string_lossy());
            }
        }
        for record in self.journal.all().unwrap_or_default() {
            add(&record.name);
        }
        if let Ok(ledger) = fs::read_to_string(self.ledger()) {
            keys.extend(
                ledger
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string),
            );
        }
        keys
    }

    /// The ledger of split entries: one key a line, appended to.
    fn ledger(&self) -> PathBuf {
        self.inbox.join(".newsdesk").join("feeds-seen")
    }

    fn remember(&self, keys: &[String]) -> io::Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        let path = self.ledger();
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut file = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        let lines: String = keys.iter().map(|k| format!("{k}\n")).collect();
        file.write_all(lines.as_bytes())?;
        file.sync_data()
    }
}

/// Could this file be a feed, by its name alone: a feed's extension, and not
/// an item split from a feed (those are JSON too). No file is opened, so a
/// watcher can ask on every arrival.
pub fn may_be_feed(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    FEED_EXTENSIONS.contains(&ext.as_str()) && feed::key_in_name(&name).is_none()
}

/// A feed by its first bytes (the name having passed [`may_be_feed`]).
fn is_feed_file(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    let read = fs::File::open(path).and_then(|mut f| io::Read::read(&mut f, &mut head));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    read.is_ok_and(|n| sniff::format(&name, &head[..n]) == crate::article::Format::Feed)
}

/// Writes `bytes` as a new file at `target`, never replacing one: a hidden
/// temporary file renamed into place, so a watcher never sees half an item.
/// `Ok(false)` when the name is taken.
fn write_new(target: &Path, bytes: &[u8], tag: &str) -> io::Result<bool> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tmp = tmp_path(dir, tag, &name);
    let mut file = fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_data()?;
    drop(file);
    let result = rename_noreplace(&tmp, target);
    let _ = fs::remove_file(&tmp);
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests;
