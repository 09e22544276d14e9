//! Where a cached restart of the TUI spends its time, step by step, in-process:
//! scan, cache load, partition, first merge, fields in (folding + rules).
//!   cargo run --release --example cached_restart -- INBOX [CACHE_FILE]
//! The cache file (default: a temporary one) is filled first if it does not exist.
//! Under `valgrind --tool=massif` it also shows what the TUI's state holds. Last,
//! what keeping lead and summary as edits of the folded text saves and costs.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use std::time::{Instant, SystemTime};

use newsdesk::article::Article;
use newsdesk::cache::{Cache, Fields};
use newsdesk::config::{BUILTIN, Config};
use newsdesk::desk::scan::scan;
use newsdesk::query::FoldedText;
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
    let held = hits.clone();
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
    edits(&held);
}

/// What holding lead and summary as edits of the folded text saves, and what
/// making the edits costs, over the cached items (one thread).
fn edits(fields: &[Fields]) {
    let wholes: Vec<Article> = fields
        .iter()
        .map(|f| Arc::unwrap_or_clone(f.whole()))
        .collect();
    let raw: usize = wholes.iter().map(|a| a.lead.len() + a.summary.len()).sum();
    let held: usize = fields
        .iter()
        .map(|f| {
            let own = f.article.lead.len() + f.article.summary.len();
            own + f.folded.as_deref().map_or(0, FoldedText::edit_bytes)
        })
        .sum();
    let time = |f: &dyn Fn(&Article)| {
        let t = Instant::now();
        wholes.iter().for_each(f);
        t.elapsed()
    };
    let cloning = time(&|a| drop(black_box(a.clone())));
    let folding = time(&|a| drop(black_box(FoldedText::of(a))));
    let absorbing = time(&|a| drop(black_box(FoldedText::absorbing(&mut a.clone()))));
    let extra = absorbing.saturating_sub(folding + cloning) / wholes.len().max(1) as u32;
    println!(
        "lead and summary: {raw} bytes raw, {held} held ({:.1} %); the edits cost {extra:?} \
         an article beyond folding ({:?} an article)",
        100.0 * held as f64 / raw.max(1) as f64,
        folding / wholes.len().max(1) as u32,
    );
}

fn fill(inbox: &Path, cache_path: &Path) {
    let entries = scan(inbox).expect("scan the inbox");
    let mut cache = Cache::load(Some(cache_path.to_path_buf()));
    newsdesk::article::read_many(&entries, 256, |part, articles| {
        for (entry, article) in part.iter().zip(articles) {
            cache.put(entry, &Fields::folded(article));
        }
        true
    });
    cache.save().expect("save the cache");
}
