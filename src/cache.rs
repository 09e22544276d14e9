//! The extraction cache: fields of items already read, keyed by file name, size
//! and mtime, under the XDG cache folder. Derived data: safe to delete, versioned.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::article::{Article, id_for};
use crate::desk::Entry;

/// Bump when extraction changes what it produces: old caches are then ignored.
pub const VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    newsdesk: String,
}

#[derive(Deserialize)]
struct Line {
    name: String,
    size: u64,
    mtime_ns: u128,
    article: Article,
    #[serde(default)]
    signature: Option<String>,
}

/// A [`Line`] as written, borrowing the cached article.
#[derive(Serialize)]
struct LineOut<'a> {
    name: &'a str,
    size: u64,
    mtime_ns: u128,
    article: &'a Article,
    #[serde(skip_serializing_if = "Option::is_none")]
    signature: Option<String>,
}

/// Size, mtime and fields of a cached file. The fields are shared (`Arc`) with
/// whoever asked for them, so the TUI does not hold a second copy of every article.
type Cached = (u64, u128, Arc<Article>);

/// Cached articles of one inbox.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    items: HashMap<String, Cached>,
}

fn mtime_ns(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// Where the cache of an inbox lives: `$XDG_CACHE_HOME/newsdesk/<hash of the inbox path>.jsonl`.
pub fn location(inbox: &Path) -> Option<PathBuf> {
    let absolute = inbox.canonicalize().unwrap_or_else(|_| inbox.to_path_buf());
    let key = id_for(&absolute.to_string_lossy());
    Some(
        dirs::cache_dir()?
            .join("newsdesk")
            .join(format!("{key}.jsonl")),
    )
}

impl Cache {
    /// Loads the cache at `path`; a missing, old or damaged one is an empty cache.
    pub fn load(path: Option<PathBuf>) -> Cache {
        let items = path
            .as_deref()
            .and_then(|p| read(p).ok())
            .unwrap_or_default();
        Cache { path, items }
    }

    /// The cached fields of an entry, if its file has not changed since.
    pub fn get(&self, entry: &Entry) -> Option<Arc<Article>> {
        let (size, mtime, article) = self.items.get(&entry.name)?;
        (*size == entry.size && *mtime == mtime_ns(entry.modified)).then(|| {
            if article.path == entry.path {
                Arc::clone(article)
            } else {
                let mut moved = Article::clone(article);
                moved.path = entry.path.clone();
                Arc::new(moved)
            }
        })
    }

    /// Remembers an entry's fields.
    pub fn put(&mut self, entry: &Entry, article: Arc<Article>) {
        self.items.insert(
            entry.name.clone(),
            (entry.size, mtime_ns(entry.modified), article),
        );
    }

    /// Forgets items whose names are not in `present` (they left the inbox).
    pub fn retain(&mut self, present: &[Entry]) {
        let names: std::collections::HashSet<&str> =
            present.iter().map(|e| e.name.as_str()).collect();
        self.items.retain(|name, _| names.contains(name.as_str()));
    }

    /// Writes the cache atomically: a temporary file renamed into place.
    pub fn save(&self) -> io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        let header = Header {
            version: VERSION,
            newsdesk: env!("CARGO_PKG_VERSION").into(),
        };
        serde_json::to_writer(&mut out, &header)?;
        out.write_all(b"\n")?;
        for (name, (size, mtime_ns, article)) in &self.items {
            let line = LineOut {
                name,
                size: *size,
                mtime_ns: *mtime_ns,
                article,
                signature: article
                    .signature
                    .as_ref()
                    .map(crate::cluster::Signature::encode),
            };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&tmp, path)
    }

    /// Splits entries into the articles the cache has for them and the entries still to read.
    pub fn partition(&self, entries: Vec<Entry>) -> (Vec<Arc<Article>>, Vec<Entry>) {
        let mut hits = Vec::new();
        let mut misses = Vec::new();
        for entry in entries {
            match self.get(&entry) {
                Some(article) => hits.push(article),
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

fn read(path: &Path) -> io::Result<HashMap<String, Cached>> {
    use rayon::prelude::*;
    let text = fs::read_to_string(path)?;
    let mut lines = text.lines();
    let header: Header = serde_json::from_str(lines.next().unwrap_or_default())?;
    if header.version != VERSION || header.newsdesk != env!("CARGO_PKG_VERSION") {
        return Ok(HashMap::new());
    }
    // Parsing is most of a cached start: spread the lines over all cores.
    let lines: Vec<&str> = lines.collect();
    Ok(lines
        .par_iter()
        .filter_map(|line| serde_json::from_str::<Line>(line).ok())
        .map(|mut l| {
            l.article.signature = l
                .signature
                .as_deref()
                .and_then(crate::cluster::Signature::decode);
            (l.name, (l.size, l.mtime_ns, Arc::new(l.article)))
        })
        .collect())
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
        let path = dir.path().join("c.jsonl");
        let mut cache = Cache::load(Some(path.clone()));
        assert!(cache.is_empty());
        let a = entry("a.txt", 10, 100);
        let article = Article {
            title: "A".into(),
            signature: crate::cluster::Signature::of("one two three four five six seven"),
            ..Article::default()
        };
        cache.put(&a, Arc::new(article.clone()));
        cache.put(&entry("gone.txt", 1, 1), Arc::new(article.clone()));
        cache.retain(std::slice::from_ref(&a));
        cache.save().expect("save");
        let cache = Cache::load(Some(path));
        assert_eq!(cache.len(), 1, "entries no longer in the inbox are dropped");
        assert_eq!(cache.get(&a).map(|x| x.title.clone()), Some("A".into()));
        assert_eq!(
            cache.get(&a).and_then(|x| x.signature.clone()),
            article.signature,
            "the signature is cached too"
        );
        assert_eq!(cache.get(&entry("a.txt", 11, 100)), None, "size changed");
        assert_eq!(cache.get(&entry("a.txt", 10, 101)), None, "mtime changed");
    }

    #[test]
    fn damaged_or_old_caches_are_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.jsonl");
        fs::write(&path, "not json\n").expect("write");
        assert!(Cache::load(Some(path.clone())).is_empty());
        fs::write(&path, "{\"version\":0,\"newsdesk\":\"0.0.0\"}\n").expect("write");
        assert!(Cache::load(Some(path)).is_empty());
    }
}
