//! The desk: the inbox folder, category folders, filing by atomic moves, the journal, undo.

pub mod feeds;
pub mod journal;
pub mod moving;
pub mod recover;
pub mod scan;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use feeds::{Split, SplitFailure};
pub use journal::{Journal, Op, Record};
pub use scan::{Entry, is_ignored, scan};

use crate::config::{Category, Config};
use moving::MoveError;

/// Who is working the desk: written into the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub user: String,
    pub host: String,
}

impl Who {
    /// This process's user and host.
    pub fn current() -> Who {
        let user = ["USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| format!("uid{}", rustix::process::getuid().as_raw()));
        let host = rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned();
        Who { user, host }
    }
}

/// Where a move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Category(&'a str),
    Skip,
}

/// Why a filing or undo did not happen.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("no category named {name:?}; categories: {known}")]
    UnknownCategory { name: String, known: String },
    #[error("{name}: already filed{}", by_whom(.record, .place))]
    AlreadyFiled {
        name: String,
        /// The journal's record of the move, when it has been written.
        record: Option<Box<Record>>,
        /// The category (or `skip`) the file was found in, when the journal does not say.
        place: Option<String>,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no item in the inbox matches {0:?} (a path, file name, name prefix, id or id prefix)")]
    NoSuchItem(String),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("cannot undo {name}: it is no longer at {}; dropped from the undo history", .path.display())]
    UndoGone { name: String, path: PathBuf },
}

fn by_whom(record: &Option<Box<Record>>, place: &Option<String>) -> String {
    match (record, place) {
        (Some(r), _) => format!(" → {} by {}@{}", r.category, r.user, r.host),
        (None, Some(place)) => format!(" → {place}"),
        (None, None) => " (no longer in the inbox)".to_string(),
    }
}

/// The inbox, its categories and the journal.
#[derive(Debug, Clone)]
pub struct Desk {
    pub inbox: PathBuf,
    pub skip: PathBuf,
    /// Where feed files go once split ([`Desk::split_feeds`]).
    pub processed: PathBuf,
    pub categories: Vec<Category>,
    pub who: Who,
    pub journal: Journal,
    /// When this process last tidied up after dead moves ([`Desk::scan`]).
    reconciled: Arc<Mutex<Option<Instant>>>,
}

/// How often a long-running process (the TUI, `watch`) looks for what dead moves left:
/// it lists every category folder, which grows with everything ever filed.
const RECONCILE_EVERY: Duration = Duration::from_secs(30);

mod filing;

impl Desk {
    /// The desk a config describes, worked by `who`.
    pub fn new(config: &Config, who: Who) -> Desk {
        let journal = Journal::new(journal_dir(&config.inbox), &who.user, &who.host);
        Desk {
            inbox: config.inbox.clone(),
            skip: config.skip.clone(),
            processed: config.processed.clone(),
            categories: config.categories.clone(),
            who,
            journal,
            reconciled: Arc::default(),
        }
    }

    /// The items in the inbox; first tidies up after crashed moves ([`recover`]), on the
    /// first scan of a process and then at most every [`RECONCILE_EVERY`].
    pub fn scan(&self) -> Result<Vec<Entry>, DeskError> {
        self.tidy_up();
        scan(&self.inbox).map_err(|source| DeskError::Io {
            path: self.inbox.clone(),
            source,
        })
    }

    /// Finds an item by path, file name, id or unique id prefix (four or more characters).
    pub fn find(&self, spec: &str) -> Result<Entry, DeskError> {
        self.resolve(&self.scan()?, spec)
    }

    /// Like [`Desk::find`], among entries already scanned (one scan for many items).
    pub fn resolve(&self, entries: &[Entry], spec: &str) -> Result<Entry, DeskError> {
        let as_path = Path::new(spec);
        let by_name = as_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let found = entries.iter().find(|e| {
            Some(&e.name) == by_name.as_ref()
                && (as_path
                    .parent()
                    .is_none_or(|p| p.as_os_str().is_empty() || same_dir(p, &self.inbox)))
        });
        let unique = |hit: &dyn Fn(&Entry) -> bool| {
            let mut hits = entries.iter().filter(|e| hit(e));
            hits.next().filter(|_| hits.next().is_none())
        };
        let found = found
            .or_else(|| unique(&|e| spec.len() >= 4 && e.id.starts_with(spec)))
            // A name prefix needs a few letters: `file z syria` must not file `zz_…`.
            .or_else(|| unique(&|e| spec.chars().count() >= 4 && e.name.starts_with(spec)));
        match found {
            Some(entry) => Ok(entry.clone()),
            None if as_path.exists() => Err(DeskError::Io {
                path: as_path.to_path_buf(),
                source: std::io::Error::other(format!(
                    "not an item of the inbox {}",
                    self.inbox.display()
                )),
            }),
            None => match self.gone(by_name.as_deref().unwrap_or(spec)) {
                DeskError::AlreadyFiled {
                    record: None,
                    place: None,
                    ..
                } => Err(DeskError::NoSuchItem(spec.to_string())),
                gone => Err(gone),
            },
        }
    }

    /// The error for an item that is not in the inbox: filed by whom, if the journal knows.
    /// The files are the truth: a moved item is found in its folder even before
    /// the mover has journaled it (a race lost by microseconds).
    fn gone(&self, name: &str) -> DeskError {
        let record = self.journal.all().ok().and_then(|records| {
            records
                .into_iter()
                .rev()
                .find(|r| (r.name == name || r.id == name) && matches!(r.op, Op::File | Op::Skip))
                .filter(|r| r.to.exists())
        });
        let place = match record {
            Some(_) => None,
            None => self.folder_holding(name),
        };
        DeskError::AlreadyFiled {
            name: name.to_string(),
            record: record.map(Box::new),
            place,
        }
    }

    /// The category (or `skip`) whose folder holds a file of this name.
    fn folder_holding(&self, name: &str) -> Option<String> {
        let folders = self
            .categories
            .iter()
            .map(|c| (c.folder.as_path(), c.name.as_str()));
        let mut all = folders.chain([(self.skip.as_path(), "skip")]);
        all.find(|(folder, _)| folder.join(name).is_file())
            .map(|(_, category)| category.to_string())
    }

    /// [`Desk::reconcile`] on the first call of a process, then at most every
    /// [`RECONCILE_EVERY`].
    fn tidy_up(&self) {
        let due = {
            let mut last = self.reconciled.lock().unwrap_or_else(|e| e.into_inner());
            let due = last.is_none_or(|t| t.elapsed() >= RECONCILE_EVERY);
            if due {
                *last = Some(Instant::now());
            }
            due
        };
        if due {
            self.reconcile();
        }
    }

    /// Tidies up after cross-filesystem moves of this host that died: claims put back
    /// (or removed when the copy is in place), partial copies removed.
    fn reconcile(&self) {
        let mut folders = vec![self.inbox.clone(), self.skip.clone()];
        folders.extend(self.categories.iter().map(|c| c.folder.clone()));
        let done = recover::recover(&folders, &host_tag(&self.who.host));
        for path in done.restored {
            tracing::info!("put back {} from a dead move's claim", path.display());
        }
        for path in done.finished.iter().chain(&done.removed) {
            tracing::info!("removed {}, left by a dead move", path.display());
        }
    }

    fn target_dir(&self, target: Target) -> Result<(PathBuf, String), DeskError> {
        match target {
            Target::Skip => Ok((self.skip.clone(), "skip".into())),
            Target::Category(name) => self
                .categories
                .iter()
                .find(|c| c.name == name)
                .map(|c| (c.folder.clone(), c.name.clone()))
                .ok_or_else(|| DeskError::UnknownCategory {
                    name: name.to_string(),
                    known: self
                        .categories
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }),
        }
    }
}

/// Where a desk's journals live: a hidden folder in the inbox, shared by its triagers.
pub fn journal_dir(inbox: &Path) -> PathBuf {
    inbox.join(".newsdesk").join("journal")
}

/// The host name as it may appear inside a claim file name (no dots).
fn host_tag(host: &str) -> String {
    host.replace(['.', '/'], "_")
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

impl From<(PathBuf, MoveError)> for DeskError {
    fn from((path, e): (PathBuf, MoveError)) -> Self {
        match e {
            MoveError::SourceGone => DeskError::AlreadyFiled {
                name: path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                record: None,
                place: None,
            },
            MoveError::Io(source) => DeskError::Io { path, source },
        }
    }
}

#[cfg(test)]
mod tests;
