//! `rules check`, `rules test`, `rules explain` and `list --query`: rules and queries, tried out.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use clap::Subcommand;
use serde::Serialize;

use super::locate;
use super::story::{self, Stories};
use crate::article::{self, Article};
use crate::config::Config;
use crate::desk::{Desk, Entry};
use crate::query::{Folded, Query, Subject, TermTrace, fold_text};
use crate::rules::{Outcome, RuleTrace};

/// `newsdesk rules …`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate the rules and warn about likely mistakes (exit 1 on errors, 0 with warnings)
    Check,
    /// What the rules would do with each item: filing, suggestions, tags, priority (moves nothing)
    Test {
        /// Items: path, file name, id or id prefix; any readable file works
        #[arg(required = true, value_name = "FILE")]
        items: Vec<String>,
        /// One JSON object per item
        #[arg(long)]
        json: bool,
    },
    /// Why: each rule, whether it matched, and each term, where it matched
    Explain {
        /// Path, file name, id or id prefix; any readable file works
        #[arg(value_name = "FILE")]
        item: String,
    },
}

/// Runs `newsdesk rules …`.
pub fn run(
    command: RulesCommand,
    config: &Config,
    desk: &Desk,
    out: &mut impl Write,
) -> Result<ExitCode> {
    match command {
        RulesCommand::Check => check(config, out),
        RulesCommand::Test { items, json } => test(config, desk, &items, json, out),
        RulesCommand::Explain { item } => explain(config, desk, &item, out),
    }
}

/// Compiles `--query`; a bad one is reported on stderr with its column, exit 2.
pub fn parse_query(src: &str, config: &Config) -> Result<Query, ExitCode> {
    Query::new(src, &config.aliases).map_err(|e| {
        eprintln!("newsdesk: --query: {e}");
        ExitCode::from(2)
    })
}

/// The queries `list` filters by: the saved view named by `--view`, then `--query`.
pub fn list_filters(
    config: &Config,
    view: Option<&str>,
    query: Option<&str>,
) -> Result<Vec<Query>, ExitCode> {
    let mut filters = Vec::new();
    if let Some(name) = view {
        let Some(v) = config.views.iter().find(|v| v.name == name) else {
            let known: Vec<&str> = config.views.iter().map(|v| v.name.as_str()).collect();
            eprintln!(
                "newsdesk: --view: no view named {name:?} in {}; views: {}",
                config.source.display(),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            );
            return Err(ExitCode::from(2));
        };
        filters.push(v.query.clone());
    }
    if let Some(q) = query {
        filters.push(parse_query(q, config)?);
    }
    Ok(filters)
}

/// Whether an inbox item matches a `--query`. The item carries what the rules give it:
/// their tags (`tag:`) and the category they suggest (`category:`).
pub fn item_matches(
    query: &Query,
    config: &Config,
    entry: &Entry,
    article: &Article,
    stories: &Stories,
    now: SystemTime,
) -> bool {
    let filed = stories.filed(article);
    let mut subject = story::subject(article, stories.size(article), filed.as_ref());
    subject.age = now.duration_since(entry.modified).ok();
    let mut folded = Folded::new(&subject);
    let outcome = config.rules.evaluate(&subject, &folded);
    // Fold only what the rules changed, not the whole text again.
    let subject = Subject {
        tags: &outcome.tags,
        category: outcome.suggestion(),
        ..subject
    };
    folded.tags = outcome.tags.iter().map(|t| fold_text(t)).collect();
    folded.category = subject.category.map(fold_text).unwrap_or_default();
    query.matches(&subject, &folded)
}

/// `rules check`: the config loaded (else main already said why, exit 1); warnings on stderr.
pub fn check(config: &Config, out: &mut impl Write) -> Result<ExitCode> {
    let lints = config.rules.lint();
    for lint in &lints {
        eprintln!(
            "{}:{}: warning: rule {:?}: {}",
            config.source.display(),
            lint.line,
            lint.rule,
            lint.message
        );
    }
    writeln!(
        out,
        "{}: ok ({} rules, {} aliases, {} warnings)",
        config.source.display(),
        config.rules.len(),
        config.aliases.len(),
        lints.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// One item read for a rules command: its article and age.
fn read(desk: &Desk, item: &str) -> Result<(Article, Option<Duration>)> {
    let path = locate(desk, item)?;
    let article = article::read(&path).article;
    if let Some(error) = &article.error {
        anyhow::bail!("{}: {error}", path.display());
    }
    Ok((article, age_of(&path)))
}

/// How long ago the file was modified.
pub fn age_of(path: &Path) -> Option<Duration> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    SystemTime::now().duration_since(modified).ok()
}

#[derive(Serialize)]
struct Tested<'a> {
    id: &'a str,
    path: &'a Path,
    title: &'a str,
    #[serde(flatten)]
    outcome: &'a Outcome,
}

/// `rules test FILE…`: what would happen to each item; nothing moves.
pub fn test(
    config: &Config,
    desk: &Desk,
    items: &[String],
    json: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut failed = false;
    for item in items {
        let (article, age) = match read(desk, item) {
            Ok(read) => read,
            Err(e) => {
                eprintln!("newsdesk: {e:#}");
                failed = true;
                continue;
            }
        };
        let (size, filed) = story::of_one(desk, &article, |f| config.rules.uses(f))?;
        let mut subject = story::subject(&article, size, filed.as_ref());
        subject.age = age;
        let outcome = config.rules.evaluate(&subject, &Folded::new(&subject));
        if json {
            let tested = Tested {
                id: &article.id,
                path: &article.path,
                title: &article.title,
                outcome: &outcome,
            };
            serde_json::to_writer(&mut *out, &tested)?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}  {}", name_of(&article), article.title)?;
            outcome_text(out, &outcome)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn name_of(article: &Article) -> String {
    article
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// What the rules decided, one indented line per effect.
fn outcome_text(out: &mut impl Write, o: &Outcome) -> std::io::Result<()> {
    if !o.is_match() {
        return writeln!(out, "  no rule matches: it stays in the inbox");
    }
    let mode = |m: crate::rules::Mode| match m {
        crate::rules::Mode::Auto => "auto: apply moves it",
        crate::rules::Mode::Suggest => "suggested",
    };
    if let Some(f) = &o.file {
        writeln!(
            out,
            "  file → {}  by rule {} ({})",
            f.category,
            f.rule,
            mode(f.mode)
        )?;
    }
    if let Some(s) = &o.skip {
        writeln!(out, "  skip  by rule {} ({})", s.rule, mode(s.mode))?;
    }
    for s in &o.suggestions {
        writeln!(out, "  suggest {}  by rule {}", s.category, s.rule)?;
    }
    if !o.tags.is_empty() {
        writeln!(out, "  tags: {}", o.tags.join(", "))?;
    }
    if let Some(p) = o.priority {
        writeln!(out, "  priority: {p}")?;
    }
    for e in &o.exec {
        writeln!(
            out,
            "  exec: {}  by rule {}",
            crate::rules::shell_words(&e.argv),
            e.rule
        )?;
    }
    if let Some(rule) = &o.stopped_by {
        writeln!(out, "  stopped by rule {rule}")?;
    }
    writeln!(out, "  matched: {}", o.matched.join(", "))
}

/// `rules explain FILE`: every rule, every term, what each did.
pub fn explain(config: &Config, desk: &Desk, item: &str, out: &mut impl Write) -> Result<ExitCode> {
    let (article, age) = read(desk, item)?;
    let (size, filed) = story::of_one(desk, &article, |f| config.rules.uses(f))?;
    let mut subject = story::subject(&article, size, filed.as_ref());
    subject.age = age;
    let (outcome, traces) = config.rules.explain(&subject, &Folded::new(&subject));
    writeln!(out, "{}  {}", name_of(&article), article.title)?;
    if traces.is_empty() {
        writeln!(out, "no rules in {}", config.source.display())?;
    }
    for trace in &traces {
        rule_text(out, trace, outcome.stopped_by.as_deref())?;
    }
    writeln!(out, "\nresult:")?;
    outcome_text(out, &outcome)?;
    Ok(ExitCode::SUCCESS)
}

fn rule_text(out: &mut impl Write, t: &RuleTrace, stopped_by: Option<&str>) -> std::io::Result<()> {
    let status = match (t.reached, t.matched) {
        (false, _) => format!(
            "not reached: rule {} stopped evaluation",
            stopped_by.unwrap_or("?")
        ),
        (true, true) => "matched".to_string(),
        (true, false) => "no match".to_string(),
    };
    writeln!(out, "rule {} (line {}): {status}", t.name, t.line)?;
    if t.reached && t.terms.is_empty() {
        writeln!(out, "  ✓ (empty when: matches every item)")?;
    }
    for term in &t.terms {
        writeln!(out, "  {}", term_text(term))?;
    }
    for effect in &t.effects {
        writeln!(out, "  → {effect}")?;
    }
    Ok(())
}

fn term_text(term: &TermTrace) -> String {
    let mark = if term.matched { '✓' } else { '✗' };
    let not = if term.negated { "  (inside not)" } else { "" };
    let hits: Vec<String> = term
        .hits
        .iter()
        .map(|h| format!("{} \"{}\"", h.field.name(), h.text))
        .collect();
    if hits.is_empty() {
        format!("{mark} {}{not}", term.term)
    } else {
        format!("{mark} {}  in {}{not}", term.term, hits.join(", "))
    }
}
