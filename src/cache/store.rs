//! Where cached records live while a program runs: in the cache file it loaded
//! (kept open, so a newer cache renamed over it changes nothing here) and in a
//! spill file of its own for records made since. Memory holds only where each
//! record is; a record is read back when someone needs its fields.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The files records are read from.
#[derive(Debug, Default)]
pub struct Store {
    /// The cache file as loaded.
    loaded: OnceLock<File>,
    /// Records written this run; created at the first one, unlinked at once.
    spill: Mutex<Option<(File, u64)>>,
    /// Where the spill file is made (the cache's folder); the temporary folder if `None`.
    dir: Option<PathBuf>,
}

/// Where one record is: which file, at what offset, how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    spilled: bool,
    offset: u64,
    len: u32,
}

/// A record that can be read back: its store and where in it.
#[derive(Debug, Clone)]
pub struct Stored {
    store: Arc<Store>,
    pub(super) at: Loc,
}

impl PartialEq for Stored {
    fn eq(&self, other: &Stored) -> bool {
        Arc::ptr_eq(&self.store, &other.store) && self.at == other.at
    }
}

impl Stored {
    pub(super) fn new(store: &Arc<Store>, at: Loc) -> Stored {
        Stored {
            store: Arc::clone(store),
            at,
        }
    }

    /// The record's bytes.
    pub fn bytes(&self) -> io::Result<Vec<u8>> {
        self.store.read(self.at)
    }
}

impl Loc {
    /// A record at `offset` of the loaded cache file.
    pub(super) fn loaded(offset: u64, len: u32) -> Loc {
        Loc {
            spilled: false,
            offset,
            len,
        }
    }
}

impl Store {
    /// A store whose spill file goes into `dir` (made if missing) when there is one.
    pub fn new(dir: Option<&Path>) -> Store {
        Store {
            dir: dir.map(Path::to_path_buf),
            ..Store::default()
        }
    }

    /// Keeps the loaded cache file open to read its records from.
    pub(super) fn set_loaded(&self, file: File) {
        let _ = self.loaded.set(file);
    }

    /// Reads the record at `at`.
    pub fn read(&self, at: Loc) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; at.len as usize];
        if at.spilled {
            let spill = self.spill.lock().unwrap_or_else(|e| e.into_inner());
            let (file, _) = spill.as_ref().ok_or(io::ErrorKind::NotFound)?;
            file.read_exact_at(&mut bytes, at.offset)?;
        } else {
            let file = self.loaded.get().ok_or(io::ErrorKind::NotFound)?;
            file.read_exact_at(&mut bytes, at.offset)?;
        }
        Ok(bytes)
    }

    /// Appends a record to the spill file and says where it is.
    pub fn append(&self, bytes: &[u8]) -> io::Result<Loc> {
        let len = u32::try_from(bytes.len())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let mut spill = self.spill.lock().unwrap_or_else(|e| e.into_inner());
        if spill.is_none() {
            *spill = Some((self.spill_file()?, 0));
        }
        let Some((file, end)) = spill.as_mut() else {
            unreachable!("made above")
        };
        let offset = *end;
        // A short write (full disk) leaves bytes past `end`: overwritten next time.
        file.write_all_at(bytes, offset)?;
        *end += u64::from(len);
        Ok(Loc {
            spilled: true,
            offset,
            len,
        })
    }

    /// A new file only this process can reach: created, then unlinked.
    fn spill_file(&self) -> io::Result<File> {
        let dir = self.dir.clone().unwrap_or_else(std::env::temp_dir);
        fs::create_dir_all(&dir)?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(".spill.{}.{nanos}", std::process::id()));
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        fs::remove_file(&path)?;
        Ok(file)
    }
}
