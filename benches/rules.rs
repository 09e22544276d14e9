//! 200 rules over 10,000 items, as the TUI and `apply` evaluate them (items folded
//! once, ahead of time), serially and on all cores.
//!   cargo bench --bench rules

mod support;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::article;
use newsdesk::query::{Aliases, Folded, Query, Subject};
use newsdesk::rules::{Rule, Rules};
use rayon::prelude::*;

/// 200 rules of the kinds people write: words, aliases, fields, regexes, ages.
fn rules() -> Rules {
    let mut aliases = Aliases::new();
    aliases.insert(
        "syria".into(),
        vec!["سوريا".into(), "سورية".into(), "Syria".into()],
    );
    aliases.insert(
        "oil".into(),
        vec!["النفط".into(), "oil".into(), "crude".into()],
    );
    let shapes = [
        "lang:ar title:@syria",
        "lead:@oil words:>200",
        "keyword:الرياض or title:وزير",
        "title:/\\d{4}/ age:<7d",
        "source:wire -title:عاجل",
        "\"مجلس الوزراء\"",
        "dir:rtl body:الصحة",
        "[الكهرباء, الماء, electricity]",
    ];
    let rules = (0..200)
        .map(|i| {
            let query = Query::new(shapes[i % shapes.len()], &aliases).expect("query");
            Rule {
                suggest: Some(format!("c{}", i % 5)),
                tag: vec![format!("t{i}")],
                priority: Some(i as i64 % 7),
                ..Rule::new(format!("r{i}"), query)
            }
        })
        .collect();
    Rules::new(rules)
}

fn bench(c: &mut Criterion) {
    let texts = support::texts(10_000);
    let articles: Vec<_> = texts
        .par_iter()
        .enumerate()
        .map(|(i, t)| article::extract(&format!("{i}.txt"), t).article)
        .collect();
    let subjects: Vec<Subject> = articles
        .iter()
        .map(|a| Subject::from(a).with_age(Duration::from_secs(3600)))
        .collect();
    let folded: Vec<Folded> = subjects.iter().map(Folded::new).collect();
    let rules = rules();
    let mut group = c.benchmark_group("rules_200_over_10k");
    group.sample_size(10);
    group.bench_function("one_core", |b| {
        b.iter(|| {
            subjects
                .iter()
                .zip(&folded)
                .map(|(s, f)| rules.evaluate(s, f).tags.len())
                .sum::<usize>()
        })
    });
    group.bench_function("all_cores", |b| {
        b.iter(|| {
            subjects
                .par_iter()
                .zip(&folded)
                .map(|(s, f)| rules.evaluate(s, f).tags.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
