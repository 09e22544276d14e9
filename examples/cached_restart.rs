//! Where a cached restart of the TUI spends its time, step by step, in-process:
//! scan, cache load, partition, first merge, fields in (folding + rules).
//!   cargo run --release --example cached_restart -- INBOX [CACHE_FILE]
//! The cache file (default: a temporary one) is filled first if it does not exist.
//! Under `valgrind --tool=massif` it also shows what the TUI's state holds.

use std::path::{Path, PathBuf};

use std::time::{Instant, SystemTime};

use newsdesk::cache::{Cache, Fields};
use newsdesk::config::{BUILTIN, Config};
use newsdesk::desk::scan::scan;
use newsdesk::tui::state::State;

fn main() {
    let mut args = std::env::args().skip(1);
    let inbox = PathBuf::from(
        args.next()
            .expect("usage: cached_restart INBOX [CACHE_FILE]"),
    );
    let cache_path = args.next().map_or_else(
        || std::env::temp_dir().join("newsdesk-cached-restart.bin"),
        PathBuf::from,
    );
    if !cache_path.exists() {
        fill(&inbox, &cache_path);
    }
    let base = inbox.parent().unwrap_or(Path::new("."));
    let config = Config::parse(BUILTIN, Path::new("config.toml"), base).expect("bundled config");
    let t = Instant::now();
    let entries = scan(&inbox).expect("scan the inbox");
    let scanned = t.elapsed();
    let cache = Cache::load(Some(cache_path));
    let loaded = t.elapsed();
    let (hits, misses) = cache.partition(entries.clone());
    let parted = t.elapsed();
    let mut state = State::new(&config, SystemTime::now());
    state.merge_scan(entries);
    let merged = t.elapsed();
    state.set_articles(hits);
    let done = t.elapsed();
    println!(
        "{} items ({} not cached): scan {scanned:?}, cache load {:?}, partition {:?}, \
         first merge {:?}, fields in {:?}; total {done:?}",
        state.items.len(),
        misses.len(),
        loaded - scanned,
        parted - loaded,
        merged - parted,
        done - merged,
    );
}

fn fill(inbox: &Path, cache_path: &Path) {
    let entries = scan(inbox).expect("scan the inbox");
    let mut cache = Cache::load(Some(cache_path.to_path_buf()));
    newsdesk::article::read_many(&entries, 256, |part, articles| {
        for (entry, article) in part.iter().zip(articles) {
            cache.put(entry, Fields::folded(article));
        }
        true
    });
    cache.save().expect("save the cache");
}
