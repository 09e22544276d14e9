//! The journal: an append-only JSON-lines log of every move, one file per user and host.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What a journal line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Filed into a category.
    File,
    /// Moved to the skip folder.
    Skip,
    /// Moved back by an undo.
    Undo,
    /// Taken off the undo history without a move (its file was gone).
    Drop,
}

/// One move on the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub time: String,
    pub user: String,
    pub host: String,
    pub op: Op,
    pub id: String,
    pub name: String,
    pub from: PathBuf,
    pub to: PathBuf,
    /// The category filed into (`skip` for skips); for undo, the one undone.
    pub category: String,
    /// What caused it: `key`, `cli`, `rule:NAME`…
    pub how: String,
    /// Moves made by one action share a batch and are undone together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// When the item arrived (its file's mtime), for arrival statistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived: Option<String>,
    /// A filed item's body signature ([`crate::cluster::Signature::encode`]), so a
    /// near-duplicate arriving later can say it was filed already. Filings only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

/// The journal folder of a desk and the file this user writes.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
    mine: PathBuf,
}

impl Journal {
    /// The journal in `dir`, written by `user@host`.
    pub fn new(dir: PathBuf, user: &str, host: &str) -> Journal {
        let mine = dir.join(format!("{}@{}.jsonl", safe(user), safe(host)));
        Journal { dir, mine }
    }

    /// The file this user appends to.
    pub fn path(&self) -> &Path {
        &self.mine
    }

    /// Appends one record and makes it durable.
    pub fn append(&self, record: &Record) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        line.push(b'\n');
        let mut file = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&self.mine)?;
        if !ends_with_newline(&mut file)? {
            // A crash tore the last line: start ours on a fresh one.
            line.insert(0, b'\n');
        }
        file.write_all(&line)?;
        file.sync_data()
    }

    /// This user's records, oldest first.
    pub fn mine(&self) -> io::Result<Vec<Record>> {
        read(&self.mine)
    }

    /// Everyone's records, oldest first.
    pub fn all(&self) -> io::Result<Vec<Record>> {
        let mut records = Vec::new();
        let dir = match fs::read_dir(&self.dir) {
            Ok(dir) => dir,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(records),
            Err(e) => return Err(e),
        };
        for entry in dir.flatten() {
            if entry.path().extension().is_some_and(|e| e == "jsonl") {
                records.extend(read(&entry.path())?);
            }
        }
        records.sort_by(|a, b| a.time.cmp(&b.time));
        Ok(records)
    }
}

fn ends_with_newline(file: &mut fs::File) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Keeps names usable as file names.
fn safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Reads a journal file; a torn last line (a crash mid-append) is skipped.
fn read(path: &Path) -> io::Result<Vec<Record>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(text
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect())
}

/// The moves that an undo would reverse, most recent last: replaying the log,
/// file and skip push, undo and drop pop.
pub fn undo_stack(records: &[Record]) -> Vec<Record> {
    let mut stack: Vec<Record> = Vec::new();
    for r in records {
        match r.op {
            Op::File | Op::Skip => stack.push(r.clone()),
            Op::Undo | Op::Drop => {
                if let Some(i) = stack
                    .iter()
                    .rposition(|s| s.to == r.from || (r.op == Op::Drop && s.to == r.to))
                {
                    stack.remove(i);
                }
            }
        }
    }
    stack
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(op: Op, from: &str, to: &str) -> Record {
        Record {
            time: "2026-11-29T10:00:00Z".into(),
            user: "u".into(),
            host: "h".into(),
            op,
            id: "id".into(),
            name: "a.txt".into(),
            from: from.into(),
            to: to.into(),
            category: "c".into(),
            how: "key".into(),
            batch: None,
            arrived: None,
            signature: None,
        }
    }

    #[test]
    fn undo_stack_pops_undone_and_dropped_moves() {
        let log = [
            record(Op::File, "/in/a", "/c/a"),
            record(Op::Skip, "/in/b", "/s/b"),
            record(Op::Undo, "/s/b", "/in/b"),
            record(Op::File, "/in/c", "/c/c"),
            record(Op::Drop, "/c/c", "/c/c"),
        ];
        let stack = undo_stack(&log);
        assert_eq!(stack.len(), 1);
        assert_eq!(stack[0].to, Path::new("/c/a"));
    }

    #[test]
    fn lines_without_a_signature_still_load_and_signatures_round_trip() {
        let old = r#"{"time":"2026-11-01T10:00:00.000Z","user":"u","host":"h","op":"file","id":"x","name":"a.txt","from":"/in/a.txt","to":"/c/a.txt","category":"c","how":"key"}"#;
        let record: Record = serde_json::from_str(old).expect("an old line loads");
        assert_eq!(record.signature, None);
        let line = serde_json::to_string(&record).expect("json");
        assert!(!line.contains("signature"), "absent, not null: {line}");
        let signed = Record {
            signature: Some("AAAA".into()),
            ..record
        };
        let back: Record =
            serde_json::from_str(&serde_json::to_string(&signed).expect("json")).expect("read");
        assert_eq!(back, signed);
    }

    #[test]
    fn append_and_read_back_skipping_a_torn_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let journal = Journal::new(dir.path().join("j"), "ana lima", "host");
        journal
            .append(&record(Op::File, "/in/a", "/c/a"))
            .expect("append");
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(journal.path())
            .expect("open");
        f.write_all(b"{\"time\":\"2026").expect("torn");
        assert_eq!(journal.mine().expect("read").len(), 1);
        journal
            .append(&record(Op::File, "/in/b", "/c/b"))
            .expect("append after tear");
        assert_eq!(journal.mine().expect("read").len(), 2);
        assert!(journal.path().ends_with("ana_lima@host.jsonl"));
        assert_eq!(journal.all().expect("all").len(), 2);
    }
}
