//! Fields of inbox items for the commands: read on all cores, or served from the
//! extraction cache where files are unchanged.

use std::sync::Arc;

use crate::article::{self, Article};
use crate::cache::{self, Cache};
use crate::desk::{Desk, Entry};

/// Reads every entry's fields on all cores, in the entries' order.
pub fn extract_all(entries: &[Entry]) -> Vec<Article> {
    let mut all = Vec::with_capacity(entries.len());
    article::read_many(entries, entries.len(), |_, articles| {
        all.extend(articles);
        true
    });
    all
}

/// Like [`extract_all`], served from the extraction cache where files are unchanged
/// (and the cache updated for the next run).
pub(super) fn extract_cached(desk: &Desk, entries: &[Entry]) -> Vec<Article> {
    from_cache(Cache::load(cache::location(&desk.inbox)), entries)
}

/// [`extract_cached`] with the cache given.
fn from_cache(mut cache: Cache, entries: &[Entry]) -> Vec<Article> {
    let (hits, misses) = cache.partition(entries.to_vec());
    let read: Vec<Arc<Article>> = extract_all(&misses).into_iter().map(Arc::new).collect();
    for (entry, article) in misses.iter().zip(&read) {
        cache.put(entry, &Arc::clone(article).into());
    }
    if !misses.is_empty() {
        cache.retain(entries);
        if let Err(e) = cache.save() {
            tracing::warn!("cannot save the extraction cache: {e}");
        }
    }
    drop(cache);
    let mut by_id: std::collections::HashMap<String, Article> = hits
        .into_iter()
        .map(|fields| fields.whole())
        .chain(read)
        .map(|a| (a.id.clone(), Arc::unwrap_or_clone(a)))
        .collect();
    entries.iter().filter_map(|e| by_id.remove(&e.id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::Fields;

    #[test]
    fn a_cache_the_tui_wrote_gives_whole_articles() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "عاجل\n\nأعلنت موسكو، اليوم الإثنين، أن إدلب ستبقى منطقة خفض تصعيد. وقال بيسكوف إن المحادثات مستمرة.\n";
        let path = dir.path().join("a.txt");
        std::fs::write(&path, text).expect("write");
        let entries = crate::desk::scan::scan(dir.path()).expect("scan");
        let article = article::read(&path).article;
        let cache_file = dir.path().join("cache.bin");
        let mut cache = Cache::load(Some(cache_file.clone()));
        // The TUI's workers keep lead and summary as edits of the folded text.
        let fields = Fields::folded(article.clone());
        assert!(fields.article.lead.is_empty(), "the lead is held as edits");
        cache.put(&entries[0], &fields);
        cache.save().expect("save");
        let got = from_cache(Cache::load(Some(cache_file)), &entries);
        assert_eq!(got, [article]);
    }
}
