//! Story clustering speed: 10,000 real articles clustered from their signatures,
//! signatures computed on all cores, and one arriving item assigned to its cluster.
//!   cargo bench --bench clusters

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::cluster::{DEFAULT_THRESHOLD, Index, Signature, clusters};
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
