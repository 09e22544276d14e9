//! `apply` and `watch [--apply]`: carrying out mode = "auto" rules. The move comes first
//! (journaled as `rule:NAME`, undoable), then the rule's commands, which see where the
//! item now is; a command that fails or hangs is reported and changes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

use anyhow::{Context, Result};
use serde::Serialize;

use super::story::{self, Stories};
use super::{exec, extract_all, extract_cached, output};
use crate::article::Article;
use crate::config::Config;
use crate::desk::{Desk, Entry, Target};
use crate::query::Folded;
use crate::rules::{Fields, environment, shell_words, substitute};

/// How a run of the rules acts and reports.
struct Run<'a> {
    config: &'a Config,
    desk: &'a Desk,
    dry_run: bool,
    json: bool,
    /// Moves of one `apply` share a batch: one `undo` takes them all back.
    batch: Option<String>,
    /// Cluster sizes and filed items, for rules that read them.
    stories: Stories,
}

/// One action, as a JSON line (or a text line).
#[derive(Serialize)]
struct Action<'a> {
    action: &'a str,
    id: &'a str,
    name: &'a str,
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a Path>,
    #[serde(skip_serializing_if = "Option::is_none")]
    argv: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    dry_run: bool,
}

/// What a run did, for the summary on stderr.
#[derive(Default)]
struct Tally {
    items: usize,
    moved: usize,
    commands: usize,
    failed: usize,
}

/// `newsdesk apply [--dry-run] [--json]`: auto rules over the inbox as it is now.
pub fn apply(
    config: &Config,
    desk: &Desk,
    dry_run: bool,
    json: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let entries = desk.scan()?;
    let articles = extract_cached(desk, &entries);
    let mut run = Run {
        config,
        desk,
        dry_run,
        json,
        batch: (!dry_run).then(batch_id),
        stories: Stories::work_out(desk, &articles, |f| config.rules.uses(f)),
    };
    let mut tally = Tally::default();
    for (entry, article) in entries.iter().zip(&articles) {
        run.act(entry, article, &mut tally, out)?;
    }
    let (moved, ran) = if dry_run {
        ("would move", "would run")
    } else {
        ("moved", "ran")
    };
    eprintln!(
        "newsdesk: apply: {moved} {} of {} items, {ran} {} commands, {} failed{}",
        tally.moved,
        tally.items,
        tally.commands,
        tally.failed,
        if dry_run {
            " (dry run: nothing changed)"
        } else {
            ""
        }
    );
    Ok(if tally.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn batch_id() -> String {
    format!(
        "apply-{}-{}",
        jiff::Timestamp::now().as_millisecond(),
        std::process::id()
    )
}

/// `newsdesk watch [--apply]`: arrivals and removals as JSON lines; with `--apply`, auto
/// rules are carried out on the inbox first, then on each arrival, one JSON line per action.
pub fn watch(config: &Config, desk: &Desk, apply: bool, mut out: impl Write) -> Result<ExitCode> {
    let (tx, rx) = std::sync::mpsc::channel();
    let (watching, first) =
        crate::watch::start(config.inbox.clone(), config.watch, move |changes| {
            tx.send(changes).is_ok()
        })
        .with_context(|| format!("cannot watch {}", config.inbox.display()))?;
    eprintln!(
        "newsdesk: watching {} ({}){}",
        config.inbox.display(),
        watching.reason,
        if apply { ", applying auto rules" } else { "" }
    );
    let mut run = Run {
        config,
        desk,
        dry_run: false,
        json: true,
        batch: None,
        stories: Stories::default(),
    };
    let mut tally = Tally::default();
    if apply {
        // Rules act on what is already in the inbox, not only on what arrives.
        run.batch = Some(batch_id());
        let articles = extract_cached(desk, &first);
        run.stories = Stories::work_out(desk, &articles, |f| config.rules.uses(f));
        for (entry, article) in first.iter().zip(&articles) {
            run.act(entry, article, &mut tally, &mut out)?;
        }
        run.batch = None;
        out.flush()?;
    }
    for changes in rx {
        let arrived: Vec<Entry> = changes.arrived.into_iter().chain(changes.changed).collect();
        let articles = extract_all(&arrived);
        for (entry, article) in arrived.iter().zip(&articles) {
            output::event_line(&mut out, "arrived", entry, article)?;
        }
        if apply && !arrived.is_empty() {
            if let Err(e) = run.stories.refresh(desk) {
                eprintln!("newsdesk: rules see stale clusters and filings: {e:#}");
            }
            for (entry, article) in arrived.iter().zip(&articles) {
                run.act(entry, article, &mut tally, &mut out)?;
            }
        }
        for name in &changes.removed {
            output::removed_line(&mut out, name)?;
        }
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

impl Run<'_> {
    /// Evaluates the rules for one item and carries out what auto rules decided.
    fn act(
        &mut self,
        entry: &Entry,
        article: &Article,
        tally: &mut Tally,
        out: &mut impl Write,
    ) -> Result<()> {
        tally.items += 1;
        let age = SystemTime::now().duration_since(entry.modified).ok();
        let filed = self.stories.filed(article);
        let mut subject = story::subject(article, self.stories.size(article), filed.as_ref());
        subject.age = age;
        let outcome = self.config.rules.evaluate(&subject, &Folded::new(&subject));
        let mut path: PathBuf = entry.path.clone();
        let mut category = None;
        let base = |action, rule| Action {
            action,
            id: &entry.id,
            name: &entry.name,
            rule,
            category: None,
            to: None,
            argv: None,
            status: None,
            error: None,
            dry_run: self.dry_run,
        };
        if let Some((target, rule)) = outcome.auto_move() {
            let (action, filed) = match target {
                Target::Category(c) => ("file", Some(c)),
                Target::Skip => ("skip", None),
            };
            let mut line = Action {
                category: filed,
                ..base(action, rule)
            };
            if !self.dry_run {
                match self.desk.file_signed(
                    entry,
                    target,
                    &format!("rule:{rule}"),
                    self.batch.as_deref(),
                    article.signature.as_ref(),
                ) {
                    Ok(record) => {
                        self.stories.add(&record);
                        path = record.to;
                    }
                    Err(e) => {
                        // The item is not where the rule's commands would look: skip them.
                        eprintln!("newsdesk: {}: rule {rule}: {e}", entry.name);
                        tally.failed += 1;
                        line.error = Some(e.to_string());
                        return self.print(out, &line);
                    }
                }
            }
            line.to = (!self.dry_run).then_some(path.as_path());
            self.print(out, &line)?;
            tally.moved += 1;
            category = filed;
        }
        for command in &outcome.exec {
            let fields = Fields::new(
                article,
                &path,
                &command.rule,
                category,
                &outcome.tags,
                outcome.priority,
            );
            let argv = substitute(&command.argv, &fields);
            let mut line = Action {
                argv: Some(&argv),
                ..base("exec", &command.rule)
            };
            tally.commands += 1;
            if !self.dry_run {
                let finished = exec::run(&argv, &environment(&fields), self.config.exec_timeout);
                line.status = finished.status();
                line.error = finished.error();
                if !finished.ok() {
                    tally.failed += 1;
                    eprintln!(
                        "newsdesk: {}: rule {}: command failed ({}); the item is unaffected",
                        entry.name,
                        command.rule,
                        line.error.as_deref().unwrap_or_default()
                    );
                }
            }
            self.print(out, &line)?;
        }
        Ok(())
    }

    fn print(&self, out: &mut impl Write, a: &Action) -> Result<()> {
        if self.json {
            serde_json::to_writer(&mut *out, a)?;
            writeln!(out)?;
            return Ok(());
        }
        let mut line = format!("{:<5} {}", a.action, a.name);
        if let Some(category) = a.category {
            line.push_str(&format!("  → {category}"));
        }
        line.push_str(&format!("  rule:{}", a.rule));
        if let Some(argv) = a.argv {
            line.push_str(&format!("  {}", shell_words(argv)));
        }
        match (&a.error, a.status) {
            (Some(error), _) => line.push_str(&format!("  failed: {error}")),
            (None, Some(status)) => line.push_str(&format!("  exit {status}")),
            _ => {}
        }
        writeln!(out, "{line}")?;
        Ok(())
    }
}
