//! Precision and recall of story clustering on real Arabic news with synthetic
//! copies (edited headline, dropped last paragraph, added byline, harakat,
//! spelling variants), the rest of the day's articles as distractors.
//!   cargo run --release --example eval_clusters -- ../shared/eval/arabic-news-dev

use std::collections::HashMap;
use std::time::Instant;

use newsdesk::article;
use newsdesk::cluster::{DEFAULT_THRESHOLD, clusters};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval/arabic-news-dev".into());
    let Some(file) = std::fs::read_dir(&dir).ok().and_then(|d| {
        d.flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
    }) else {
        eprintln!("data folder not found (or has no .json): {dir}");
        std::process::exit(2);
    };
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("json");
    let texts: Vec<(String, String)> = items
        .iter()
        .filter_map(|a| {
            Some((
                a["title"].as_str()?.to_string(),
                a["content"].as_str()?.to_string(),
            ))
        })
        .filter(|(t, c)| {
            !t.is_empty()
                && c.split('\n').filter(|p| !p.trim().is_empty()).count() >= 3
                && c.len() > 600
        })
        .collect();
    let originals = texts.len().min(300);
    let mut docs: Vec<(usize, String)> = Vec::new(); // (true group, text)
    for (g, (title, content)) in texts.iter().enumerate() {
        docs.push((g, format!("{title}\n\n{content}")));
        if g >= originals {
            continue;
        }
        let paras: Vec<&str> = content
            .split('\n')
            .filter(|p| !p.trim().is_empty())
            .collect();
        docs.push((
            g,
            format!(
                "عاجل: {}\n\n{}",
                title.split_whitespace().rev().collect::<Vec<_>>().join(" "),
                paras.join("\n\n")
            ),
        ));
        docs.push((
            g,
            format!(
                "{title}\n\nالرياض - وكالات\n\n{}",
                paras[..paras.len() - 1].join("\n\n")
            ),
        ));
        let marked = content
            .replace("سوريا", "سورية")
            .replace("الله", "اللَّه")
            .replace("أن", "ان")
            .replace("إلى", "الى");
        docs.push((g, format!("{title}\n\n{marked}")));
    }
    let bodies: Vec<String> = docs
        .iter()
        .map(|(_, t)| article::extract("x.txt", t).structure.body_text())
        .collect();
    let start = Instant::now();
    let sigs: Vec<_> = bodies
        .iter()
        .map(|b| newsdesk::cluster::Signature::of(b))
        .collect();
    let signed = start.elapsed();
    let start = Instant::now();
    let found = clusters(sigs, DEFAULT_THRESHOLD);
    let clustered = start.elapsed();
    let mut predicted: HashMap<usize, usize> = HashMap::new();
    for (c, members) in found.iter().enumerate() {
        for &m in members {
            predicted.insert(m, c);
        }
    }
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let same_true = docs[i].0 == docs[j].0;
            let same_pred =
                matches!((predicted.get(&i), predicted.get(&j)), (Some(a), Some(b)) if a == b);
            match (same_true, same_pred) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    if std::env::var_os("SHOW_FP").is_some() && fp <= 12 {
                        let head = |k: usize| {
                            docs[k]
                                .1
                                .lines()
                                .next()
                                .unwrap_or("")
                                .chars()
                                .take(70)
                                .collect::<String>()
                        };
                        println!(
                            "same cluster, different source stories:\n  {}\n  {}",
                            head(i),
                            head(j)
                        );
                    }
                }
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "{} documents: {originals} stories × 4 copies + {} other articles of the day",
        docs.len(),
        texts.len() - originals
    );
    println!(
        "pairs: precision {precision:.3}, recall {recall:.3}, F1 {:.3} (threshold {DEFAULT_THRESHOLD})",
        2.0 * precision * recall / (precision + recall).max(f64::EPSILON)
    );
    println!(
        "false-positive pairs {fp} (includes real same-story pairs across outlets in the corpus), missed pairs {fn_}"
    );
    println!(
        "signatures {signed:?}, clustering {clustered:?} for {} documents",
        docs.len()
    );
}
