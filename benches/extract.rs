//! Plain-text extraction throughput, one thread (MB/s per core).
//!
//! `cargo bench --bench extract` reads the Arabic evaluation corpus from
//! `NEWSDESK_EVAL_DIR` or `../shared/eval/arabic-news-dev`, else generates
//! synthetic Arabic and English articles.

mod support;

use support::corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn extract(c: &mut Criterion) {
    let corpus = corpus::load();
    eprintln!(
        "corpus: {} ({} texts, {} bytes)",
        corpus.origin,
        corpus.texts.len(),
        corpus.bytes()
    );
    // CPU time of this thread over five passes, printed first: MB/s per core that a
    // busy machine does not drag down (wall clock below counts other people's work).
    let passes = 5;
    let ms = support::cpu_ms(|| {
        for _ in 0..passes {
            for text in &corpus.texts {
                black_box(newsdesk::article::extract("a.txt", black_box(text)));
            }
        }
    });
    eprintln!(
        "cpu per pass: {:.0} ms = {:.1} MB/s per core",
        ms / passes as f64,
        corpus.bytes() as f64 * passes as f64 / ms / 1000.0
    );
    files_pass(&corpus, passes);
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(corpus.bytes()));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("plain_text", |b| {
        b.iter(|| {
            for (i, text) in corpus.texts.iter().enumerate() {
                black_box(newsdesk::article::extract(
                    if i % 2 == 0 { "a.txt" } else { "b.txt" },
                    black_box(text),
                ));
            }
        })
    });
    let synthetic = corpus::synthetic(600);
    let bytes: u64 = synthetic.iter().map(|t| t.len() as u64).sum();
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("synthetic_ar_en", |b| {
        b.iter(|| {
            for text in &synthetic {
                black_box(newsdesk::article::extract("s.txt", black_box(text)));
            }
        })
    });
    group.finish();
}

/// The same, from the corpus written out as inbox files: opening, reading and
/// decoding each file (`article::read`) counted too, kernel time included.
fn files_pass(corpus: &corpus::Corpus, passes: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths: Vec<std::path::PathBuf> = corpus
        .texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.path().join(format!("{i:05}.txt"));
            std::fs::write(&path, text).expect("write");
            path
        })
        .collect();
    let ms = support::cpu_ms(|| {
        for _ in 0..passes {
            for path in &paths {
                black_box(newsdesk::article::read(black_box(path)));
            }
        }
    });
    eprintln!(
        "cpu per pass, from files: {:.0} ms = {:.1} MB/s per core",
        ms / passes as f64,
        corpus.bytes() as f64 * passes as f64 / ms / 1000.0
    );
}

criterion_group!(benches, extract);
criterion_main!(benches);
