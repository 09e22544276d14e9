//! Every input a fuzz target ever crashed on (tests/fuzz-regressions/<target>/*), replayed
//! through the same entry point, plus a bounded random "fuzz" of the three entry points so
//! `cargo test` catches panics even where cargo-fuzz does not run.

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;

fn article(data: &[u8]) {
    let name = match data.first() {
        Some(b) if b % 2 == 0 => "item.md",
        _ => "item.txt",
    };
    let doc = newsdesk::article::from_bytes(name, data);
    let _ = doc.structure.body_text();
}

fn query(text: &str) {
    if let Ok(first) = newsdesk::query::parse(text) {
        let printed = first.to_string();
        let second = newsdesk::query::parse(&printed)
            .unwrap_or_else(|e| panic!("{text:?} printed as {printed:?} does not parse: {e}"));
        assert_eq!(
            second.unspanned(),
            first.unspanned(),
            "{text:?} printed as {printed:?}"
        );
    }
}

fn config(text: &str) {
    let _ =
        newsdesk::config::Config::parse(text, Path::new("fuzz.toml"), Path::new("/nonexistent"));
}

/// Runs `check` on every saved input of `target`, each under a time limit (hangs count).
fn replay(target: &str, check: impl Fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    for entry in std::fs::read_dir(&dir).expect("regressions folder") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let data = std::fs::read(&path).expect("read input");
        let started = Instant::now();
        check(&data);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
    }
}

#[test]
fn article_regressions() {
    replay("article", article);
}

#[test]
fn query_regressions() {
    replay("query", |d| {
        if let Ok(t) = std::str::from_utf8(d) {
            query(t)
        }
    });
}

#[test]
fn config_regressions() {
    replay("config", |d| {
        if let Ok(t) = std::str::from_utf8(d) {
            config(t)
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_decode_and_extract(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        article(&data);
    }

    #[test]
    fn any_text_parses_as_a_query_or_fails(text in "\\PC{0,64}") {
        query(&text);
    }

    #[test]
    fn any_text_loads_as_a_config_or_fails(text in "(\\PC{0,16}[=\\[\\]\"\n]){0,16}") {
        config(&text);
    }
}
