//! Scoring one extracted article against its corpus record, and the running totals.

use std::collections::BTreeMap;

use newsdesk::article::{Article, Dir};

use crate::chrome;

/// One corpus record (SaudiNewsNet shape); missing fields read as empty.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Record {
    pub source: String,
    pub url: String,
    pub title: String,
    pub content: String,
}

/// Why an article missed a metric, kept for `--show-failures`.
#[derive(Debug)]
pub struct Failure {
    pub metric: &'static str,
    pub url: String,
    pub expected: String,
    pub got: String,
}

/// Running totals over the corpus.
#[derive(Debug, Default)]
pub struct Tally {
    pub articles: usize,
    pub empty_title: usize,
    pub empty_content: usize,
    pub scored: usize,
    pub title_exact: usize,
    pub lead_exact: usize,
    pub lead_near: usize,
    pub with_content: usize,
    pub lang_ar: usize,
    pub dir_rtl: usize,
    pub with_chrome: usize,
    pub leaks: BTreeMap<&'static str, usize>,
    pub leaked_articles: usize,
    pub quotes: usize,
    pub quotes_with_speaker: usize,
    pub articles_with_quotes: usize,
    pub per_source: BTreeMap<String, (usize, usize)>,
    pub failures: Vec<Failure>,
}

/// Collapses runs of whitespace (NBSP included) to one space.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Tally {
    /// Scores one record against what `extract` made of it.
    pub fn add(&mut self, record: &Record, article: &Article, body: &str) {
        self.articles += 1;
        let (chrome, text) = chrome::split(&record.content);
        let empty_title = record.title.trim().is_empty();
        let empty_content = text.is_empty();
        self.empty_title += usize::from(empty_title);
        self.empty_content += usize::from(empty_content);
        if !empty_content {
            self.with_content += 1;
            self.lang_ar += usize::from(article.lang.as_deref() == Some("ar"));
            self.dir_rtl += usize::from(article.dir == Dir::Rtl);
        }
        if !empty_title && !empty_content {
            self.score_title_and_lead(record, article, &text);
        }
        self.score_chrome(record, article, body, &chrome, &text);
        let speakers = article
            .quotes
            .iter()
            .filter(|q| q.speaker.is_some())
            .count();
        self.quotes += article.quotes.len();
        self.quotes_with_speaker += speakers;
        self.articles_with_quotes += usize::from(!article.quotes.is_empty());
    }

    fn score_title_and_lead(&mut self, record: &Record, article: &Article, text: &[&str]) {
        self.scored += 1;
        let expected_title = record.title.trim();
        if article.title.trim() == expected_title {
            self.title_exact += 1;
        } else {
            self.fail("title", record, expected_title, &article.title);
        }
        let real: Vec<&str> = text
            .iter()
            .copied()
            .filter(|l| chrome::has_letters(l))
            .collect();
        let first = squash(real.first().copied().unwrap_or_default());
        let first_two = squash(&real.iter().take(2).copied().collect::<Vec<_>>().join(" "));
        let lead = squash(&article.lead);
        let exact = lead == first;
        let near = !lead.is_empty() && (first_two.contains(&lead) || lead.starts_with(&first));
        self.lead_exact += usize::from(exact);
        self.lead_near += usize::from(near);
        let entry = self.per_source.entry(record.source.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(exact);
        if !exact {
            self.fail(
                if near { "lead (near)" } else { "lead" },
                record,
                &first,
                &lead,
            );
        }
    }

    fn score_chrome(
        &mut self,
        record: &Record,
        article: &Article,
        body: &str,
        chrome: &[&str],
        text: &[&str],
    ) {
        if chrome.is_empty() {
            return;
        }
        self.with_chrome += 1;
        let mut leaked = false;
        let fields = [
            ("title", &article.title),
            ("lead", &article.lead),
            ("summary", &article.summary),
        ];
        for (name, value) in fields {
            if chrome::leaks_into(value, chrome) {
                leaked = true;
                *self.leaks.entry(name).or_default() += 1;
                self.fail(name_of_leak(name), record, "no chrome", value);
            }
        }
        let words = chrome::chrome_keywords(&article.keywords, chrome, text, &article.title);
        if !words.is_empty() {
            leaked = true;
            *self.leaks.entry("keywords").or_default() += 1;
            self.fail("chrome in keywords", record, "no chrome", &words.join(", "));
        }
        if chrome::leaks_into(body, chrome) {
            *self.leaks.entry("reader body").or_default() += 1;
            let shown = chrome
                .iter()
                .find(|c| body.contains(**c))
                .copied()
                .unwrap_or("a chrome phrase");
            self.fail("chrome in reader body", record, "no chrome", shown);
        }
        self.leaked_articles += usize::from(leaked);
    }

    fn fail(&mut self, metric: &'static str, record: &Record, expected: &str, got: &str) {
        self.failures.push(Failure {
            metric,
            url: record.url.clone(),
            expected: expected.to_string(),
            got: got.to_string(),
        });
    }
}

fn name_of_leak(field: &str) -> &'static str {
    match field {
        "title" => "chrome in title",
        "lead" => "chrome in lead",
        _ => "chrome in summary",
    }
}
