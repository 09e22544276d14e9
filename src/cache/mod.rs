//! The extraction cache: fields of items already read, keyed by file name, size
//! and mtime, under the XDG cache folder. Derived data: safe to delete, versioned.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

mod file;
mod store;

use foldhash::HashMap;
use rayon::prelude::*;

pub use store::{Loc, Store, Stored};

use crate::article::{Article, id_for};
use crate::desk::Entry;
use crate::query::FoldedText;

/// Bump when extraction changes what it produces: old caches are then ignored.
pub const VERSION: u32 = 4;

/// An item's extracted fields and, when worked out, their text folded for the
/// query language. Both are shared (`Arc`) with whoever asked for them, so the
/// TUI does not hold a second copy of every article.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    /// The article; with `folded`, its lead and summary may be held there instead
    /// (see [`FoldedText::absorbing`]): [`Fields::whole`] puts them back.
    pub article: Arc<Article>,
    /// `None` until someone needs it (the TUI does; `list` does not).
    pub folded: Option<Arc<FoldedText>>,
    /// Where the cache keeps the same fields, to read them back after letting
    /// them go (the TUI does with a big inbox); `None` when not cached.
    pub stored: Option<Stored>,
}

impl Fields {
    /// The article with its text folded, the folded text holding its lead and
    /// summary as edits (about a sixth of their size in this corpus).
    pub fn folded(mut article: Article) -> Fields {
        let folded = Some(Arc::new(FoldedText::absorbing(&mut article)));
        Fields {
            article: Arc::new(article),
            folded,
            stored: None,
        }
    }

    /// The article with every field, its lead and summary rebuilt if need be.
    pub fn whole(&self) -> Arc<Article> {
        match self.folded.as_deref().map(|f| f.restore(&self.article)) {
            Some(Cow::Owned(whole)) => Arc::new(whole),
            _ => Arc::clone(&self.article),
        }
    }
}

impl From<Arc<Article>> for Fields {
    fn from(article: Arc<Article>) -> Fields {
        Fields {
            article,
            folded: None,
            stored: None,
        }
    }
}

impl From<Article> for Fields {
    fn from(article: Article) -> Fields {
        Fields::from(Arc::new(article))
    }
}

impl Stored {
    /// The fields stored here, read back (`None` if the record cannot be read).
    pub fn fields(&self) -> Option<Fields> {
        let bytes = self.bytes().ok()?;
        let (_, _, _, mut fields) = file::record(&bytes)?;
        fields.stored = Some(self.clone());
        Some(fields)
    }
}

/// Size, mtime and where the record of a cached file is.
type Cached = (u64, u128, Loc);

/// Cached articles of one inbox. Memory holds where each record is; the
/// records stay in the files of its [`Store`].
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    store: Arc<Store>,
    items: HashMap<String, Cached>,
    /// Changed since loaded or saved: a save with nothing new writes nothing.
    dirty: bool,
}

fn mtime_ns(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// The fields stored at `at` for `entry`, with the entry's path (the file may
/// have been moved with the inbox).
pub fn fields_at(entry: &Entry, at: &Stored) -> Option<Fields> {
    let mut fields = at.fields()?;
    if fields.article.path != entry.path {
        Arc::make_mut(&mut fields.article).path = entry.path.clone();
    }
    Some(fields)
}

/// The fields of entries the cache located, read back on all cores, and the
/// entries whose record no longer reads (to read afresh from their files).
pub fn read_back(located: &[(Entry, Stored)]) -> (Vec<Fields>, Vec<Entry>) {
    let read: Vec<Option<Fields>> = located
        .par_iter()
        .map(|(entry, at)| fields_at(entry, at))
        .collect();
    let mut lost = Vec::new();
    let fields = located
        .iter()
        .zip(read)
        .filter_map(|((entry, _), fields)| {
            if fields.is_none() {
                lost.push(entry.clone());
            }
            fields
        })
        .collect();
    (fields, lost)
}

/// Where the cache of an inbox lives: `$XDG_CACHE_HOME/newsdesk/<hash of the inbox path>.bin`.
pub fn location(inbox: &Path) -> Option<PathBuf> {
    let absolute = inbox.canonicalize().unwrap_or_else(|_| inbox.to_path_buf());
    let key = id_for(&absolute.to_string_lossy());
    Some(
        dirs::cache_dir()?
            .join("newsdesk")
            .join(format!("{key}.bin")),
    )
}

impl Cache {
    /// Loads the cache at `path`; a missing, old or damaged one is an empty cache.
    pub fn load(path: Option<PathBuf>) -> Cache {
        let store = Arc::new(Store::new(path.as_deref().and_then(Path::parent)));
        let items = path
            .as_deref()
            .and_then(|p| file::read(p, &store).ok())
            .unwrap_or_default();
        Cache {
            path,
            store,
            items,
            dirty: false,
        }
    }

    /// Where the record of an entry is, if its file has not changed since.
    pub fn locate(&self, entry: &Entry) -> Option<Stored> {
        let (size, mtime, at) = self.items.get(&entry.name)?;
        (*size == entry.size && *mtime == mtime_ns(entry.modified))
            .then(|| Stored::new(&self.store, *at))
    }

    /// The cached fields of an entry, if its file has not changed since.
    pub fn get(&self, entry: &Entry) -> Option<Fields> {
        fields_at(entry, &self.locate(entry)?)
    }

    /// Stores an entry's fields and says where; `None` when they cannot be
    /// stored (a path that is not UTF-8, a full disk).
    pub fn put(&mut self, entry: &Entry, fields: &Fields) -> Option<Stored> {
        let mtime = mtime_ns(entry.modified);
        let record = file::record_bytes(&entry.name, entry.size, mtime, fields).ok()?;
        let at = match self.store.append(&record) {
            Ok(at) => at,
            Err(e) => {
                tracing::warn!("cannot store extracted fields: {e}");
                return None;
            }
        };
        self.items
            .insert(entry.name.clone(), (entry.size, mtime, at));
        self.dirty = true;
        Some(Stored::new(&self.store, at))
    }

    /// Forgets items whose names are not in `present` (they left the inbox).
    pub fn retain(&mut self, present: &[Entry]) {
        let names: std::collections::HashSet<&str> =
            present.iter().map(|e| e.name.as_str()).collect();
        let before = self.items.len();
        self.items.retain(|name, _| names.contains(name.as_str()));
        self.dirty |= self.items.len() != before;
    }

    /// Writes the cache atomically: a temporary file renamed into place. An
    /// item that cannot be stored (a path that is not UTF-8) is left out.
    pub fn save(&mut self) -> io::Result<()> {
        let Some(path) = self.path.as_ref().filter(|_| self.dirty) else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
        // A full disk leaves no half-written file behind, and the old cache stands.
        let written = file::write(&tmp, &self.items, &self.store);
        if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        // The JSON-lines cache of versions before 3 is not read any more.
        let _ = fs::remove_file(path.with_extension("jsonl"));
        self.dirty = false;
        Ok(())
    }

    /// Splits entries into those the cache has (with where) and those still to read.
    pub fn locate_all(&self, entries: Vec<Entry>) -> (Vec<(Entry, Stored)>, Vec<Entry>) {
        let mut hits = Vec::new();
        let mut misses = Vec::new();
        for entry in entries {
            match self.locate(&entry) {
                Some(at) => hits.push((entry, at)),
                None => misses.push(entry),
            }
        }
        (hits, misses)
    }

    /// Splits entries into the fields the cache has for them (read on all
    /// cores) and the entries still to read.
    pub fn partition(&self, entries: Vec<Entry>) -> (Vec<Fields>, Vec<Entry>) {
        let (hits, mut misses) = self.locate_all(entries);
        let (fields, lost) = read_back(&hits);
        misses.extend(lost);
        (fields, misses)
    }

    /// How many items are cached.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests;
