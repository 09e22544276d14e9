//! Filing, skipping and undoing: a move, then its journal record.

use std::path::Path;

use crate::cluster::Signature;

use super::journal::{Op, Record, undo_stack};
use super::moving::{MoveError, move_into, move_named};
use super::{Desk, DeskError, Entry, Target, host_tag};

impl Desk {
    /// Moves an inbox item into a category or the skip folder and journals it.
    /// An item already gone is `AlreadyFiled`, naming who filed it where the journal knows.
    pub fn file(
        &self,
        entry: &Entry,
        target: Target,
        how: &str,
        batch: Option<&str>,
    ) -> Result<Record, DeskError> {
        self.file_signed(entry, target, how, batch, None)
    }

    /// [`Desk::file`], journaling the item's body signature with a filing into a
    /// category (not with a skip), so later near-duplicates know it was filed.
    pub fn file_signed(
        &self,
        entry: &Entry,
        target: Target,
        how: &str,
        batch: Option<&str>,
        signature: Option<&Signature>,
    ) -> Result<Record, DeskError> {
        let (dir, category) = self.target_dir(target)?;
        let to = match move_into(&entry.path, &dir, &host_tag(&self.who.host)) {
            Ok(to) => to,
            Err(MoveError::SourceGone) => return Err(self.gone(&entry.name)),
            Err(e) => return Err((entry.path.clone(), e).into()),
        };
        let op = if target == Target::Skip {
            Op::Skip
        } else {
            Op::File
        };
        let mut record = self.record(op, entry, &entry.path, &to, &category, how, batch);
        if op == Op::File {
            record.signature = signature.map(Signature::encode);
        }
        self.append(&record)?;
        Ok(record)
    }

    /// Reverses this user's last `n` actions (a batch counts as one), newest first.
    /// Stops at the first failure; what was undone before it stays undone.
    pub fn undo(&self, n: usize) -> Result<Vec<Record>, DeskError> {
        let mine = self.journal.mine().map_err(|source| DeskError::Io {
            path: self.journal.path().to_path_buf(),
            source,
        })?;
        let mut stack = undo_stack(&mine);
        let mut done = Vec::new();
        for _ in 0..n {
            let Some(last) = stack.pop() else { break };
            let mut group = vec![last];
            while let Some(prev) = stack
                .last()
                .filter(|p| p.batch.is_some() && p.batch == group[0].batch)
            {
                group.push(prev.clone());
                stack.pop();
            }
            for record in group {
                done.push(self.undo_one(&record)?);
            }
        }
        if done.is_empty() {
            return Err(DeskError::NothingToUndo);
        }
        Ok(done)
    }

    fn undo_one(&self, record: &Record) -> Result<Record, DeskError> {
        let back_dir = record.from.parent().unwrap_or(&self.inbox).to_path_buf();
        let entry = Entry {
            path: record.to.clone(),
            name: record.name.clone(),
            id: record.id.clone(),
            size: 0,
            modified: std::time::UNIX_EPOCH,
        };
        // Back under the name it had, even if filing gave it a suffix (`a-2.txt`).
        let name = record
            .from
            .file_name()
            .map_or_else(|| record.name.clone(), |n| n.to_string_lossy().into_owned());
        match move_named(&record.to, &back_dir, &name, &host_tag(&self.who.host)) {
            Ok(to) => {
                let undo = self.record(
                    Op::Undo,
                    &entry,
                    &record.to,
                    &to,
                    &record.category,
                    "undo",
                    record.batch.as_deref(),
                );
                self.append(&undo)?;
                Ok(undo)
            }
            Err(MoveError::SourceGone) => {
                let drop = self.record(
                    Op::Drop,
                    &entry,
                    &record.to,
                    &record.to,
                    &record.category,
                    "undo",
                    None,
                );
                self.append(&drop)?;
                Err(DeskError::UndoGone {
                    name: record.name.clone(),
                    path: record.to.clone(),
                })
            }
            Err(e) => Err((record.to.clone(), e).into()),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        op: Op,
        entry: &Entry,
        from: &Path,
        to: &Path,
        category: &str,
        how: &str,
        batch: Option<&str>,
    ) -> Record {
        Record {
            time: now(),
            user: self.who.user.clone(),
            host: self.who.host.clone(),
            op,
            id: entry.id.clone(),
            name: entry.name.clone(),
            from: from.to_path_buf(),
            to: to.to_path_buf(),
            category: category.to_string(),
            how: how.to_string(),
            batch: batch.map(str::to_string),
            arrived: (entry.modified > std::time::UNIX_EPOCH)
                .then(|| jiff::Timestamp::try_from(entry.modified).ok())
                .flatten()
                .map(|t| t.to_string()),
            signature: None,
        }
    }

    fn append(&self, record: &Record) -> Result<(), DeskError> {
        self.journal.append(record).map_err(|source| DeskError::Io {
            path: self.journal.path().to_path_buf(),
            source: std::io::Error::new(
                source.kind(),
                format!("moved {} but could not journal it: {source}", record.name),
            ),
        })
    }
}

/// The current time, RFC 3339 in UTC with milliseconds (sorts as text).
pub fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}
