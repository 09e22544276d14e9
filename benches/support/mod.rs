//! Shared bench inputs: the corpus (the Arabic dev corpus when it is there,
//! `NEWSDESK_EVAL_DIR` or ../shared/eval/arabic-news-dev, else generated text)
//! and inboxes written from it.

#![allow(dead_code)]

pub mod corpus;

use std::path::{Path, PathBuf};

/// `n` article texts (title line, blank line, paragraphs), repeating the corpus.
pub fn texts(n: usize) -> Vec<String> {
    let base: Vec<String> = corpus::load()
        .texts
        .into_iter()
        .filter(|t| t.len() > 200)
        .collect();
    (0..n).map(|i| base[i % base.len()].clone()).collect()
}

/// Writes `n` items into a fresh folder under `root`.
pub fn inbox(root: &Path, n: usize) -> PathBuf {
    let dir = root.join(format!("inbox-{n}"));
    std::fs::create_dir_all(&dir).expect("inbox");
    for (i, text) in texts(n).into_iter().enumerate() {
        std::fs::write(dir.join(format!("{i:06}.txt")), text).expect("write item");
    }
    dir
}

/// CPU time this thread spent in `f`, in milliseconds (from /proc, 10 ms ticks):
/// on a shared, loaded machine it moves far less than wall time does.
pub fn cpu_ms(mut f: impl FnMut()) -> f64 {
    fn ticks() -> u64 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
        // Fields after the command name (which ends with ')'): utime is the 12th, stime the 13th.
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let fields: Vec<u64> = rest
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0)
    }
    let before = ticks();
    f();
    (ticks() - before) as f64 * 10.0
}
