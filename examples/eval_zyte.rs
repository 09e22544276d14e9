//! Scores HTML body extraction on the Zyte article-extraction benchmark (181 pages)
//! with the benchmark's own metric, and measures pages per second on one core.
//!
//! `cargo run --release --example eval_zyte -- ../shared/eval/zyte [--worst N] [--page ID]`
//!
//! The pages are never copied into the project; when the folder is absent the
//! command says so and exits with status 2.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use regex::Regex;

/// Scores `newsdesk::article::from_bytes` (what `newsdesk show PAGE --text` prints).
#[derive(Parser)]
struct Args {
    /// The benchmark folder: `ground-truth.json` and `html/<id>.html.gz`.
    #[arg(default_value = "../shared/eval/zyte")]
    dir: PathBuf,
    /// Also list the N pages with the lowest F1.
    #[arg(long, value_name = "N", default_value_t = 0)]
    worst: usize,
    /// Print the extracted body of one page (by id prefix) and stop.
    #[arg(long, value_name = "ID")]
    page: Option<String>,
}

/// F1 published with the benchmark (README of ../shared/eval).
const PUBLISHED: &[(&str, f64)] = &[
    ("trafilatura", 0.958),
    ("newspaper4k", 0.949),
    ("Mozilla Readability", 0.947),
    ("readability-lxml", 0.922),
    ("goose3", 0.896),
    ("boilerpipe", 0.860),
    ("jusText", 0.804),
];

fn main() -> ExitCode {
    let args = Args::parse();
    let truth = args.dir.join("ground-truth.json");
    if !truth.is_file() || !args.dir.join("html").is_dir() {
        eprintln!(
            "eval_zyte: benchmark folder not found: {} (expected ground-truth.json and html/); \
             nothing was measured",
            args.dir.display()
        );
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("eval_zyte: {err:#}");
            ExitCode::FAILURE
        }
    }
}

struct Page {
    id: String,
    url: String,
    truth: String,
    html: Vec<u8>,
}

fn load(dir: &Path) -> anyhow::Result<Vec<Page>> {
    let path = dir.join("ground-truth.json");
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&text).with_context(|| path.display().to_string())?;
    let mut pages = Vec::with_capacity(truth.len());
    for (id, entry) in truth {
        let gz = dir.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&gz).with_context(|| gz.display().to_string())?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut html)
            .with_context(|| gz.display().to_string())?;
        let field = |k: &str| entry[k].as_str().unwrap_or_default().to_string();
        pages.push(Page {
            truth: field("articleBody"),
            url: field("url"),
            id,
            html,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn run(args: &Args) -> anyhow::Result<()> {
    let pages = load(&args.dir)?;
    if let Some(prefix) = &args.page {
        let page = pages
            .iter()
            .find(|p| p.id.starts_with(prefix.as_str()))
            .context("no page with that id")?;
        let doc = newsdesk::article::from_bytes(&format!("{}.html", page.id), &page.html);
        println!("{}\n\n{}", page.url, doc.structure.body_text());
        return Ok(());
    }
    // Warm up once (lazy statics, page cache), then time every page on this thread.
    for page in pages.iter().take(3) {
        extract(page);
    }
    let mut times = Vec::with_capacity(pages.len());
    let mut predictions = Vec::with_capacity(pages.len());
    let cpu_start = cpu_time();
    for page in &pages {
        let start = Instant::now();
        predictions.push(extract(page));
        times.push(start.elapsed());
    }
    let cpu = cpu_start.zip(cpu_time()).map(|(a, b)| b.saturating_sub(a));
    let scores: Vec<Counts> = pages
        .iter()
        .zip(&predictions)
        .map(|(page, predicted)| shingle_match(&page.truth, predicted))
        .collect();
    report(&pages, &scores, &times, cpu, args.worst);
    Ok(())
}

/// CPU time this thread has run (Linux `schedstat`), so a busy machine does not
/// make extraction look slower than it is; `None` where it cannot be read.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn extract(page: &Page) -> String {
    newsdesk::article::from_bytes(&format!("{}.html", page.id), &page.html)
        .structure
        .body_text()
}

fn report(
    pages: &[Page],
    scores: &[Counts],
    times: &[Duration],
    cpu: Option<Duration>,
    worst: usize,
) {
    let (p, r) = means(scores, false);
    let f1 = harmonic(p, r);
    let (up, ur) = means(scores, true);
    println!("Zyte article-extraction benchmark: {} pages", pages.len());
    println!(
        "body F1 {f1:.3}  (precision {p:.3}, recall {r:.3}; definition of ../shared/eval/README.md)"
    );
    println!(
        "         {:.3}  (upstream evaluate.py, which leaves pages with an empty side out of a mean)",
        harmonic(up, ur)
    );
    let empty = scores.iter().filter(|c| c.tp + c.fp == 0.0).count();
    println!("pages with an empty prediction: {empty}\n");
    let mut table: Vec<(&str, f64)> = PUBLISHED.to_vec();
    table.push(("newsdesk (this build)", f1));
    table.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, score) in table {
        println!("  {score:.3}  {name}");
    }
    let total: Duration = times.iter().sum();
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let n = pages.len() as f64;
    println!("\nspeed, one thread, {:.1} MB of HTML:", bytes as f64 / 1e6);
    if let Some(cpu) = cpu {
        println!(
            "  {:.0} pages/s per core (CPU time {:.2} s, {:.2} ms a page)",
            n / cpu.as_secs_f64(),
            cpu.as_secs_f64(),
            cpu.as_secs_f64() * 1e3 / n
        );
    }
    println!(
        "  {:.0} pages/s by the wall clock ({:.2} s; {:.0}% of a core was ours); per page median {:.2} ms, p95 {:.2}, max {:.2}",
        n / total.as_secs_f64(),
        total.as_secs_f64(),
        cpu.map_or(100.0, |c| c.as_secs_f64() * 100.0 / total.as_secs_f64()),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    if worst > 0 {
        let mut ranked: Vec<(f64, &Page, &Counts)> = pages
            .iter()
            .zip(scores)
            .map(|(page, c)| (harmonic(c.precision(), c.recall()), page, c))
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("\nworst pages:");
        for (f, page, c) in ranked.into_iter().take(worst) {
            println!(
                "  F1 {f:.2} P {:.2} R {:.2}  {}  {}",
                c.precision(),
                c.recall(),
                &page.id[..12],
                page.url
            );
        }
    }
}

/// One page's shingle matches, normalised to sum to 1.
struct Counts {
    tp: f64,
    fp: f64,
    fn_: f64,
}

impl Counts {
    /// Both texts empty counts 1; an empty prediction 0.
    fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Mean precision and recall over pages. The README's definition counts every
/// page; the upstream script leaves out of the precision mean the pages with
/// tp + fp = 0, and out of the recall mean those with tp + fn = 0.
fn means(scores: &[Counts], upstream: bool) -> (f64, f64) {
    let mean = |values: Vec<f64>| values.iter().sum::<f64>() / values.len().max(1) as f64;
    let p = scores
        .iter()
        .filter(|c| !upstream || c.tp + c.fp > 0.0)
        .map(|c| c.precision())
        .collect();
    let r = scores
        .iter()
        .filter(|c| !upstream || c.tp + c.fn_ > 0.0)
        .map(|c| c.recall())
        .collect();
    (mean(p), mean(r))
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Python's `\w` on str: letters (L*), numbers (N*) and `_` — not the combining
/// marks that Rust's Unicode `\w` also takes, so Devanagari splits as it does there.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}_]+").unwrap_or_else(|e| panic!("token pattern: {e}"))
});

/// Shingles of four tokens with counts; a text shorter than four tokens is one
/// shingle of all it has, an empty text none.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = TOKEN.find_iter(text).map(|m| m.as_str()).collect();
    let mut counts = HashMap::new();
    for i in 0..tokens.len().saturating_sub(3).max(1) {
        let shingle = &tokens[i.min(tokens.len())..(i + 4).min(tokens.len())];
        if !shingle.is_empty() {
            *counts.entry(shingle.to_vec()).or_insert(0) += 1;
        }
    }
    counts
}

fn shingle_match(truth: &str, predicted: &str) -> Counts {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (key, &tc) in &t {
        let pc = p.get(key).copied().unwrap_or(0);
        tp += tc.min(pc);
        fn_ += tc.saturating_sub(pc);
    }
    for (key, &pc) in &p {
        fp += pc.saturating_sub(t.get(key).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    let norm = |x: usize| if sum > 0.0 { x as f64 / sum } else { 0.0 };
    Counts {
        tp: norm(tp),
        fp: norm(fp),
        fn_: norm(fn_),
    }
}
