//! 200 rules over 10,000 items, as the TUI and `apply` evaluate them (items folded
//! once, ahead of time), serially and on all cores, and term by term for comparison.
//!   cargo bench --bench rules

mod support;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::article;
use newsdesk::query::{Aliases, Folded, Query, Subject};
use newsdesk::rules::{Rule, Rules};
use rayon::prelude::*;

/// 200 distinct rules of the kinds people write: words, aliases, fields, phrases,
/// any-of lists, regexes, ages — each with its own words (keywords of the corpus), so
/// no two rules share a term by accident.
fn rules(vocabulary: &[String]) -> Rules {
    let mut aliases = Aliases::new();
    aliases.insert(
        "syria".into(),
        vec!["سوريا".into(), "سورية".into(), "Syria".into()],
    );
    aliases.insert(
        "oil".into(),
        vec!["النفط".into(), "oil".into(), "crude".into()],
    );
    let word = |i: usize| vocabulary[i % vocabulary.len()].as_str();
    let rules = (0..200)
        .map(|i| {
            let (a, b, c) = (word(3 * i), word(3 * i + 1), word(3 * i + 2));
            let text = match i % 8 {
                0 => format!("lang:ar title:{a} or title:@syria"),
                1 => format!("lead:{a} lead:@oil words:>200"),
                2 => format!("keyword:{a} or title:{b}"),
                3 => format!("title:/\\d{{4}}/ age:<7d {a}"),
                4 => format!("source:wire -title:{a}"),
                5 => format!("\"{a} {b}\""),
                6 => format!("dir:rtl body:{a}"),
                _ => format!("[{a}, {b}, {c}]"),
            };
            let query = Query::new(&text, &aliases).expect("query");
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

/// Distinct keywords of the articles, most frequent first: the words rules name.
fn vocabulary(articles: &[article::Article]) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for k in articles.iter().flat_map(|a| &a.keywords) {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().collect();
    words.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    words
        .into_iter()
        .take(600)
        .map(|(w, _)| w.to_string())
        .collect()
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
    let rules = rules(&vocabulary(&articles));
    // CPU time of five passes each way, printed first: steadier than wall time on a
    // shared machine.
    let passes = 5;
    let prefiltered = support::cpu_ms(|| {
        for _ in 0..passes {
            let n: usize = subjects
                .iter()
                .zip(&folded)
                .map(|(s, f)| rules.evaluate(s, f).tags.len())
                .sum();
            std::hint::black_box(n);
        }
    });
    let direct = support::cpu_ms(|| {
        for _ in 0..passes {
            let n: usize = subjects
                .iter()
                .zip(&folded)
                .map(|(s, f)| rules.iter().filter(|r| r.when.matches(s, f)).count())
                .sum();
            std::hint::black_box(n);
        }
    });
    println!(
        "cpu per pass over 10k items: rules.evaluate {:.0} ms, term by term {:.0} ms",
        prefiltered / passes as f64,
        direct / passes as f64
    );
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
    // The same rules, each query searching the text itself (no shared prefilter):
    // how rules ran before, for the ratio.
    group.bench_function("one_core_term_by_term", |b| {
        b.iter(|| {
            subjects
                .iter()
                .zip(&folded)
                .map(|(s, f)| rules.iter().filter(|r| r.when.matches(s, f)).count())
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
