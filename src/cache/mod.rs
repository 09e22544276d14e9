//! The extraction cache: fields of items already read, keyed by file name, size
//! and mtime, under the XDG cache folder. Derived data: safe to delete, versioned.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

mod file;

use foldhash::HashMap;

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
}

impl Fields {
    /// The article with its text folded, the folded text holding its lead and
    /// summary as edits (about a sixth of their size in this corpus).
    pub fn folded(mut article: Article) -> Fields {
        let folded = Some(Arc::new(FoldedText::absorbing(&mut article)));
        Fields {
            article: Arc::new(article),
            folded,
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
        }
    }
}

impl From<Article> for Fields {
    fn from(article: Article) -> Fields {
        Fields::from(Arc::new(article))
    }
}

/// Size, mtime and fields of a cached file.
type Cached = (u64, u128, Fields);

/// Cached articles of one inbox.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    items: HashMap<String, Cached>,
    /// Changed since loaded or saved: a save with nothing new writes nothing.
    dirty: bool,
}

fn mtime_ns(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
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
        let items = path
            .as_deref()
            .and_then(|p| file::read(p).ok())
            .unwrap_or_default();
        Cache {
            path,
            items,
            dirty: false,
        }
    }

    /// The cached fields of an entry, if its file has not changed since.
    pub fn get(&self, entry: &Entry) -> Option<Fields> {
        let (size, mtime, fields) = self.items.get(&entry.name)?;
        (*size == entry.size && *mtime == mtime_ns(entry.modified)).then(|| {
            let mut fields = fields.clone();
            if fields.article.path != entry.path {
                Arc::make_mut(&mut fields.article).path = entry.path.clone();
            }
            fields
        })
    }

    /// Remembers an entry's fields.
    pub fn put(&mut self, entry: &Entry, fields: Fields) {
        self.items.insert(
            entry.name.clone(),
            (entry.size, mtime_ns(entry.modified), fields),
        );
        self.dirty = true;
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
        if let Err(e) = file::write(&tmp, &self.items).and_then(|()| fs::rename(&tmp, path)) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        // The JSON-lines cache of versions before 3 is not read any more.
        let _ = fs::remove_file(path.with_extension("jsonl"));
        self.dirty = false;
        Ok(())
    }

    /// Splits entries into the fields the cache has for them and the entries still to read.
    pub fn partition(&self, entries: Vec<Entry>) -> (Vec<Fields>, Vec<Entry>) {
        let mut hits = Vec::new();
        let mut misses = Vec::new();
        for entry in entries {
            match self.get(&entry) {
                Some(fields) => hits.push(fields),
                None => misses.push(entry),
            }
        }
        (hits, misses)
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
mod tests {
    use super::*;
    use std::time::Duration;

    fn entry(name: &str, size: u64, secs: u64) -> Entry {
        Entry {
            id: id_for(name),
            name: name.into(),
            path: name.into(),
            size,
            modified: UNIX_EPOCH + Duration::from_secs(secs),
        }
    }

    #[test]
    fn round_trip_and_a_changed_file_is_not_served_stale() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.bin");
        let mut cache = Cache::load(Some(path.clone()));
        assert!(cache.is_empty());
        let a = entry("a.txt", 10, 100);
        let article = Article {
            path: "a.txt".into(),
            title: "أعلنت موسكو".into(),
            lead: "أعلنت موسكو، اليوم الإثنين، أن إدلب ستبقى منطقة خفض تصعيد. وقال بيسكوف".into(),
            summary: "أعلنت موسكو، اليوم الإثنين، أن إدلب ستبقى منطقة خفض تصعيد.".into(),
            keywords: vec!["إدلب".into()],
            signature: crate::cluster::Signature::of("one two three four five six seven"),
            ..Article::default()
        };
        cache.put(&a, Fields::folded(article.clone()));
        cache.put(&entry("b.txt", 3, 100), Fields::from(article.clone()));
        cache.put(&entry("gone.txt", 1, 1), Fields::from(article.clone()));
        cache.retain(&[a.clone(), entry("b.txt", 3, 100)]);
        cache.save().expect("save");
        let cache = Cache::load(Some(path));
        assert_eq!(cache.len(), 2, "entries no longer in the inbox are dropped");
        let got = cache.get(&a).expect("cached");
        assert_eq!(*got.whole(), article, "every field, the signature too");
        assert_eq!(
            (got.article.lead.as_str(), got.article.summary.as_str()),
            ("", ""),
            "lead and summary are kept as edits of the folded text"
        );
        assert_eq!(
            got.folded.as_deref().map(FoldedText::lead),
            Some(FoldedText::of(&article).lead()),
            "the folded text is cached"
        );
        let b = cache.get(&entry("b.txt", 3, 100)).expect("cached");
        assert_eq!(b.folded, None, "not folded, not invented");
        assert_eq!(cache.get(&entry("a.txt", 11, 100)), None, "size changed");
        assert_eq!(cache.get(&entry("a.txt", 10, 101)), None, "mtime changed");
    }

    #[test]
    fn a_failed_save_leaves_no_temporary_file_and_the_old_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.bin");
        let mut cache = Cache::load(Some(path.clone()));
        cache.put(&entry("a.txt", 1, 1), Fields::from(Article::default()));
        cache.save().expect("save");
        // The rename fails: a folder stands where the cache file goes.
        let blocked = dir.path().join("d.bin");
        fs::create_dir_all(blocked.join("x")).expect("mkdir");
        let mut cache = Cache {
            path: Some(blocked),
            dirty: true,
            ..cache
        };
        assert!(cache.save().is_err());
        let left: Vec<String> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 2, "only c.bin and the folder: {left:?}");
        assert_eq!(Cache::load(Some(path)).len(), 1, "the old cache stands");
    }

    #[test]
    fn a_save_with_nothing_new_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.bin");
        let mut cache = Cache::load(Some(path.clone()));
        cache.save().expect("save");
        assert!(!path.exists(), "nothing put, nothing written");
        let a = entry("a.txt", 1, 1);
        cache.put(&a, Fields::from(Article::default()));
        cache.save().expect("save");
        assert_eq!(
            Cache::load(Some(path.clone())).len(),
            1,
            "something new: written"
        );
        // A stand-in for the file shows whether the next save writes.
        fs::write(&path, "replaced").expect("write");
        let mut cache = Cache::load(Some(path.clone()));
        assert!(cache.is_empty());
        cache.retain(std::slice::from_ref(&a));
        cache.save().expect("save");
        assert_eq!(
            fs::read(&path).expect("read"),
            b"replaced",
            "loaded and unchanged: not written"
        );
    }

    #[test]
    fn a_damaged_cache_is_an_empty_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.bin");
        fs::write(&path, "not a cache\n").expect("write");
        assert!(Cache::load(Some(path)).is_empty());
        assert!(Cache::load(Some(dir.path().join("missing.bin"))).is_empty());
    }

    #[test]
    fn a_moved_file_is_served_with_its_new_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut cache = Cache::load(Some(dir.path().join("c.bin")));
        let a = entry("a.txt", 1, 1);
        cache.put(&a, Fields::from(Article::default()));
        let moved = Entry {
            path: "elsewhere/a.txt".into(),
            ..a
        };
        let got = cache.get(&moved).expect("cached");
        assert_eq!(got.article.path, moved.path);
    }
}
