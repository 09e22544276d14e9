//! Measures plain-text extraction on real Arabic news (SaudiNewsNet, one day):
//! title, lead, language, chrome leaks and quotes.
//!
//! `cargo run --release --example eval_arabic -- [DIR] [--show-failures N]`
//!
//! The data is licensed for research use only and is never copied into the project;
//! when the folder is absent the command says so and exits with status 2.

mod chrome;
mod score;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;

use score::{Failure, Record, Tally};

/// Scores `newsdesk::article::extract` against an Arabic news corpus.
#[derive(Parser)]
struct Args {
    /// Folder holding the corpus as JSON arrays (`*.json`).
    #[arg(default_value = "../shared/eval/arabic-news-dev")]
    dir: PathBuf,
    /// Print up to N failing samples for each metric.
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_failures: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !args.dir.is_dir() {
        eprintln!("data folder not found: {}", args.dir.display());
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("eval_arabic: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let records = load(&args.dir)?;
    let mut tally = Tally::default();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0;
    for (i, record) in records.iter().enumerate() {
        // The shape of an inbox file: the headline, a blank line, the paragraphs.
        let text = format!("{}\n\n{}\n", record.title, record.content);
        let name = format!("{:04}-{}.txt", i, record.source);
        let start = Instant::now();
        let doc = newsdesk::article::extract(&name, &text);
        elapsed += start.elapsed();
        bytes += text.len();
        tally.add(record, &doc.article, &doc.structure.body_text());
    }
    print_table(&args.dir, &tally, bytes, elapsed);
    print_failures(&tally.failures, args.show_failures);
    Ok(())
}

/// Every record of every `*.json` file in `dir`, in file-name order.
fn load(dir: &Path) -> anyhow::Result<Vec<Record>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    anyhow::ensure!(!files.is_empty(), "no *.json files in {}", dir.display());
    let mut records = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        let mut some: Vec<Record> = serde_json::from_slice(&bytes)
            .with_context(|| format!("parsing {}", file.display()))?;
        records.append(&mut some);
    }
    Ok(records)
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".into();
    }
    format!("{:.1} %", part as f64 * 100.0 / whole as f64)
}

fn print_table(dir: &Path, t: &Tally, bytes: usize, elapsed: Duration) {
    println!(
        "Extraction quality on {} ({} articles)\n",
        dir.display(),
        t.articles
    );
    println!("| metric | value | of |");
    println!("|---|---:|---:|");
    let row = |name: &str, value: String, of: String| println!("| {name} | {value} | {of} |");
    row(
        "skipped: empty title",
        t.empty_title.to_string(),
        t.articles.to_string(),
    );
    row(
        "skipped: empty content",
        t.empty_content.to_string(),
        t.articles.to_string(),
    );
    row(
        "title exact (trimmed)",
        percent(t.title_exact, t.scored),
        t.scored.to_string(),
    );
    row(
        "lead = first real line",
        percent(t.lead_exact, t.scored),
        t.scored.to_string(),
    );
    row(
        "lead within first 2 lines",
        percent(t.lead_near, t.scored),
        t.scored.to_string(),
    );
    row(
        "language = ar",
        percent(t.lang_ar, t.with_content),
        t.with_content.to_string(),
    );
    row(
        "direction = rtl",
        percent(t.dir_rtl, t.with_content),
        t.with_content.to_string(),
    );
    row(
        "articles with chrome",
        t.with_chrome.to_string(),
        t.articles.to_string(),
    );
    row(
        "chrome leaks into title/lead/summary/keywords",
        percent(t.leaked_articles, t.with_chrome),
        t.with_chrome.to_string(),
    );
    for field in ["title", "lead", "summary", "keywords", "reader body"] {
        let n = t.leaks.get(field).copied().unwrap_or(0);
        row(
            &format!("  … into {field}"),
            percent(n, t.with_chrome),
            t.with_chrome.to_string(),
        );
    }
    let per_article = t.quotes as f64 / t.articles.max(1) as f64;
    row(
        "quotes per article",
        format!("{per_article:.2}"),
        t.articles.to_string(),
    );
    row(
        "articles with a quote",
        percent(t.articles_with_quotes, t.articles),
        t.articles.to_string(),
    );
    row(
        "quotes with a speaker",
        percent(t.quotes_with_speaker, t.quotes),
        t.quotes.to_string(),
    );
    let mb_s = bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);
    row(
        "extract, one thread (wall clock)",
        format!("{mb_s:.1} MB/s"),
        format!("{:.1} MB", bytes as f64 / 1e6),
    );
    println!("\nlead = first real line, by source:");
    for (source, (n, exact)) in &t.per_source {
        println!("  {source:<14} {:>8} of {n}", percent(*exact, *n));
    }
}

fn print_failures(failures: &[Failure], per_metric: usize) {
    if per_metric == 0 {
        return;
    }
    let mut metrics: Vec<&str> = failures.iter().map(|f| f.metric).collect();
    metrics.sort_unstable();
    metrics.dedup();
    for metric in metrics {
        let all: Vec<&Failure> = failures.iter().filter(|f| f.metric == metric).collect();
        println!(
            "\n== {metric}: {} failing, showing {} ==",
            all.len(),
            per_metric.min(all.len())
        );
        for f in all.into_iter().take(per_metric) {
            println!(
                "- {}\n  expected: {}\n  got:      {}",
                f.url,
                clip(&f.expected),
                clip(&f.got)
            );
        }
    }
}

/// The first 160 characters, so one sample stays on a screen.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(160).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
