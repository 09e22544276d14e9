//! Story clustering speed: 10,000 real articles clustered from their signatures,
//! signatures computed on all cores, and one arriving item assigned to its cluster;
//! the filed items read from a journal of 10,000 filings, and looked up.
//!   cargo bench --bench clusters

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::cluster::{DEFAULT_THRESHOLD, FiledIndex, Index, Signature, clusters};
use newsdesk::desk::{Journal, Op, Record};
use rayon::prelude::*;

fn bench(c: &mut Criterion) {
    let texts = support::texts(10_000);
    let mut group = c.benchmark_group("clusters_10k");
    group.sample_size(10);
    group.bench_function("signatures_on_all_cores", |b| {
        b.iter(|| {
            texts
                .par_iter()
                .map(|t| Signature::of(t))
                .collect::<Vec<_>>()
        })
    });
    let sigs: Vec<Option<Signature>> = texts.par_iter().map(|t| Signature::of(t)).collect();
    group.bench_function("cluster_from_signatures", |b| {
        b.iter(|| clusters(black_box(sigs.clone()), DEFAULT_THRESHOLD))
    });
    let mut index = Index::new(DEFAULT_THRESHOLD);
    for s in &sigs {
        index.insert(s.clone());
    }
    let arriving = support::texts(10_001).pop().expect("one more text");
    group.bench_function("assign_one_arriving_item", |b| {
        b.iter(|| {
            let sig = Signature::of(black_box(&arriving)).expect("signature");
            black_box(index.similar(&sig))
        })
    });
    group.finish();
    filed(c, &sigs, &arriving);
}

/// A journal of 10,000 signed filings (the last few days'), as `FiledIndex::load` reads it.
fn journal(sigs: &[Option<Signature>], dir: &std::path::Path) -> Journal {
    let journal = Journal::new(dir.to_path_buf(), "ana", "host");
    let now = jiff::Timestamp::now();
    let mut lines = String::new();
    for (i, sig) in sigs.iter().enumerate() {
        let time = now - jiff::SignedDuration::from_secs(i as i64 * 30);
        let record = Record {
            time: time.to_string(),
            user: "ana".into(),
            host: "host".into(),
            op: Op::File,
            id: format!("{i:012x}"),
            name: format!("item-{i}.txt"),
            from: format!("/desk/inbox/item-{i}.txt").into(),
            to: format!("/desk/filed/syria/item-{i}.txt").into(),
            category: "syria".into(),
            how: "key".into(),
            batch: None,
            arrived: Some(time.to_string()),
            signature: sig.as_ref().map(Signature::encode),
        };
        lines.push_str(&serde_json::to_string(&record).expect("json"));
        lines.push('\n');
    }
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::write(journal.path(), lines).expect("write journal");
    journal
}

fn filed(c: &mut Criterion, sigs: &[Option<Signature>], arriving: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let journal = journal(sigs, dir.path());
    let mut group = c.benchmark_group("filed_10k_journal");
    group.sample_size(10);
    group.bench_function("read_the_journal_only", |b| {
        b.iter(|| black_box(&journal).all().expect("journal").len())
    });
    group.bench_function("load_the_filed_index", |b| {
        b.iter(|| FiledIndex::load(black_box(&journal)))
    });
    let index = FiledIndex::load(&journal);
    let sig = Signature::of(arriving).expect("signature");
    group.bench_function("also_filed_of_one_item", |b| {
        b.iter(|| black_box(index.find(black_box(&sig))))
    });
    group.bench_function("also_filed_of_10k_inbox_items", |b| {
        b.iter(|| {
            sigs.iter()
                .flatten()
                .filter(|s| index.find(s).is_some())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
