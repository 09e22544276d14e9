//! Every input a fuzz target ever crashed on (tests/fuzz-regressions/<target>/*) and its
//! seed corpus (fuzz/seeds/<target>/*), replayed through the same entry point as the fuzz
//! target (fuzz/fuzz_targets/<target>.rs), plus a bounded random "fuzz" of the entry
//! points so `cargo test` catches panics even where cargo-fuzz does not run.

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;

#[allow(dead_code)]
mod entry_points {
    include!("../fuzz/entry_points.rs");
}

use entry_points::{article, config, feed, html, query};

/// How long one input may take in a debug build: 5 s, but 1 s for an input saved as a
/// timeout (its name says so), which took 3 s here before its fix: slow is the bug.
fn time_limit(path: &Path) -> Duration {
    let timeout = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains("timeout"));
    Duration::from_secs(if timeout { 1 } else { 5 })
}

/// Runs `check` on every saved crash and every seed of `target`, each under a time limit
/// (hangs count); fails if there was nothing to run.
fn replay(target: &str, check: impl Fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ran = 0;
    for dir in [
        root.join("tests/fuzz-regressions").join(target),
        root.join("fuzz/seeds").join(target),
    ] {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("entry").path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let data = std::fs::read(&path).expect("read input");
            let limit = time_limit(&path);
            let started = Instant::now();
            check(&data);
            assert!(
                started.elapsed() < limit,
                "{} took {:?} (limit {limit:?})",
                path.display(),
                started.elapsed()
            );
            ran += 1;
        }
    }
    assert!(ran > 0, "no inputs for {target}: the seeds are missing");
}

#[test]
fn article_regressions() {
    replay("article", article);
}

#[test]
fn html_regressions() {
    replay("html", html);
}

#[test]
fn feed_regressions() {
    replay("feed", feed);
}

#[test]
fn query_regressions() {
    replay("query", query);
}

#[test]
fn config_regressions() {
    replay("config", config);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_decode_and_extract(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        article(&data);
    }

    #[test]
    fn any_markup_extracts(
        mode in any::<u8>(),
        text in "(<[a-z]{1,3}( [a-z]{1,4}=\"[^\"<]{0,6}\")?>|</[a-z]{1,3}>|[^<]{0,12}){0,40}",
    ) {
        let mut data = vec![mode];
        data.extend_from_slice(text.as_bytes());
        html(&data);
    }

    #[test]
    fn any_feed_like_text_parses_or_fails(
        items in prop::collection::vec("(<(title|link|guid|description)>[^<]{0,12}</(title|link|guid|description)>){0,4}", 0..6),
        atom in any::<bool>(),
    ) {
        let (open, close, item) = if atom {
            ("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "entry")
        } else {
            ("<rss version=\"2.0\"><channel>", "</channel></rss>", "item")
        };
        let body: String = items.iter().map(|i| format!("<{item}>{i}</{item}>")).collect();
        feed(format!("{open}{body}{close}").as_bytes());
    }

    #[test]
    fn any_text_parses_as_a_query_or_fails(text in "\\PC{0,64}") {
        query(text.as_bytes());
    }

    #[test]
    fn any_text_loads_as_a_config_or_fails(text in "(\\PC{0,16}[=\\[\\]\"\n]){0,16}") {
        config(text.as_bytes());
    }
}
