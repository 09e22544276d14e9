//! The headless CLI: everything the keys do, for scripts and cron.
//! stdout carries data (JSON lines with --json), stderr messages; exit 0, 1 failure, 2 usage.

mod output;
mod split;

use split::split_feeds;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use rayon::prelude::*;

use crate::article::{self, Article};
use crate::cache::{self, Cache};
use crate::config::{self, Config};
use crate::desk::{Desk, DeskError, Entry, Target, Who};

/// Triage a folder of news items: extract, preview, file in one key.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, about)]
pub struct Args {
    /// Config file (else $NEWSDESK_CONFIG, ./config.toml, ~/.config/newsdesk/config.toml, built-in)
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Inbox folder, overriding the config
    #[arg(long, global = true, value_name = "DIR")]
    pub inbox: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; without one newsdesk opens the TUI.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the inbox, one item per line
    List {
        /// One JSON object per line
        #[arg(long)]
        json: bool,
    },
    /// Show every field of one item
    Show {
        /// Path, file name, id or id prefix
        item: String,
        /// As one JSON object
        #[arg(long, conflicts_with = "text")]
        json: bool,
        /// Only the extracted body text, as the reader shows it
        #[arg(long)]
        text: bool,
    },
    /// File items into a category: newsdesk file ITEM… CATEGORY
    File {
        /// Items (path, name, id or id prefix), then the category
        #[arg(required = true, num_args = 2.., value_name = "ITEM… CATEGORY")]
        args: Vec<String>,
    },
    /// Move items to the skip folder
    Skip {
        #[arg(required = true, value_name = "ITEM")]
        items: Vec<String>,
    },
    /// Undo your last N moves (default 1)
    Undo {
        #[arg(default_value_t = 1)]
        n: usize,
    },
    /// Print one JSON line per arrival and removal in the inbox, until interrupted
    Watch,
    /// Split feed files in the inbox into one item per new entry (list and watch do it too)
    SplitFeeds,
    /// Print the journal of every move on this desk
    Journal {
        #[arg(long)]
        json: bool,
    },
    /// Check or locate the config
    #[command(subcommand)]
    Config(ConfigCommand),
}

/// `newsdesk config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate the config; errors name line and column
    Check,
    /// Print the path of the config in use
    Path,
}

/// Runs a subcommand with a loaded config.
pub fn run(command: Command, config: &Config) -> Result<ExitCode> {
    let desk = Desk::new(config, Who::current());
    let mut out = std::io::stdout().lock();
    match command {
        Command::List { json } => {
            split_feeds(&desk, None)?;
            list(&desk, json, &mut out)
        }
        Command::SplitFeeds => split_feeds(&desk, Some(&mut out)),
        Command::Show { item, json, text } => show(&desk, &item, json, text, &mut out),
        Command::File { mut args } => {
            let category = args.pop().context("missing category")?;
            move_items(&desk, &args, Target::Category(&category), &mut out)
        }
        Command::Skip { items } => move_items(&desk, &items, Target::Skip, &mut out),
        Command::Undo { n } => undo(&desk, n, &mut out),
        Command::Journal { json } => journal(&desk, json, &mut out),
        Command::Watch => {
            split_feeds(&desk, None)?;
            watch(config, &desk, out)
        }
        Command::Config(ConfigCommand::Check) => {
            writeln!(
                out,
                "{}: ok ({} categories, inbox {})",
                config.source.display(),
                config.categories.len(),
                config.inbox.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(ConfigCommand::Path) => {
            let path = config::find(None)
                .map_or_else(|| "<built-in>".to_string(), |p| p.display().to_string());
            writeln!(
                out,
                "{}",
                if config.source.as_os_str() == "<built-in>" {
                    path
                } else {
                    config.source.display().to_string()
                }
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads every entry's fields on all cores, in the entries' order.
pub fn extract_all(entries: &[Entry]) -> Vec<Article> {
    entries
        .par_iter()
        .map(|e| article::read(&e.path).article)
        .collect()
}

/// Like [`extract_all`], served from the extraction cache where files are unchanged
/// (and the cache updated for the next run).
fn extract_cached(desk: &Desk, entries: &[Entry]) -> Vec<Article> {
    let mut cache = Cache::load(cache::location(&desk.inbox));
    let (hits, misses) = cache.partition(entries.to_vec());
    let read = extract_all(&misses);
    for (entry, article) in misses.iter().zip(&read) {
        cache.put(entry, article);
    }
    if !misses.is_empty() {
        cache.retain(entries);
        if let Err(e) = cache.save() {
            tracing::warn!("cannot save the extraction cache: {e}");
        }
    }
    let mut by_id: std::collections::HashMap<String, Article> = hits
        .into_iter()
        .chain(read)
        .map(|a| (a.id.clone(), a))
        .collect();
    entries.iter().filter_map(|e| by_id.remove(&e.id)).collect()
}

fn list(desk: &Desk, json: bool, out: &mut impl Write) -> Result<ExitCode> {
    let entries = desk.scan()?;
    let articles = extract_cached(desk, &entries);
    for (entry, article) in entries.iter().zip(&articles) {
        warn_unreadable(article);
        output::item_line(out, entry, article, json)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn warn_unreadable(article: &Article) {
    if let Some(error) = &article.error {
        eprintln!("newsdesk: {}: {error}", article.path.display());
    }
}

fn show(desk: &Desk, item: &str, json: bool, text: bool, out: &mut impl Write) -> Result<ExitCode> {
    let path = match desk.find(item) {
        Ok(entry) => entry.path,
        // Any readable file may be shown, in the inbox or not.
        Err(_) if std::path::Path::new(item).is_file() => PathBuf::from(item),
        Err(e) => return Err(e.into()),
    };
    let doc = article::read(&path);
    if let Some(error) = &doc.article.error {
        anyhow::bail!("{}: {error}", path.display());
    }
    if text {
        writeln!(out, "{}", doc.structure.body_text())?;
    } else if json {
        serde_json::to_writer(&mut *out, &doc.article)?;
        writeln!(out)?;
    } else {
        output::article_text(out, &doc.article)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn move_items(
    desk: &Desk,
    items: &[String],
    target: Target,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut failed = false;
    for item in items {
        let result = desk
            .find(item)
            .and_then(|entry| desk.file(&entry, target, "cli", None));
        match result {
            Ok(record) => output::record_line(out, &record, false)?,
            Err(e) => {
                failed = true;
                eprintln!("newsdesk: {e}");
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn undo(desk: &Desk, n: usize, out: &mut impl Write) -> Result<ExitCode> {
    match desk.undo(n) {
        Ok(records) => {
            for record in &records {
                output::record_line(out, record, false)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ DeskError::NothingToUndo) => {
            eprintln!("newsdesk: {e}");
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

/// Streams arrivals (with their fields) and removals as JSON lines; a feed file
/// that arrives is split, and its entries arrive in turn.
fn watch(config: &Config, desk: &Desk, mut out: impl Write) -> Result<ExitCode> {
    let (tx, rx) = std::sync::mpsc::channel();
    let (watching, _) = crate::watch::start(config.inbox.clone(), config.watch, move |changes| {
        tx.send(changes).is_ok()
    })
    .with_context(|| format!("cannot watch {}", config.inbox.display()))?;
    eprintln!(
        "newsdesk: watching {} ({})",
        config.inbox.display(),
        watching.reason
    );
    for changes in rx {
        let mut arrived: Vec<Entry> = changes.arrived.into_iter().chain(changes.changed).collect();
        if arrived
            .iter()
            .any(|e| crate::desk::feeds::may_be_feed(&e.path))
        {
            let feeds: Vec<std::path::PathBuf> = desk
                .split_feeds()
                .into_iter()
                .filter_map(|r| r.ok().map(|s| s.feed))
                .collect();
            arrived.retain(|e| !feeds.contains(&e.path));
        }
        for (entry, article) in arrived.iter().zip(extract_all(&arrived)) {
            output::event_line(&mut out, "arrived", entry, &article)?;
        }
        for name in &changes.removed {
            output::removed_line(&mut out, name)?;
        }
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn journal(desk: &Desk, json: bool, out: &mut impl Write) -> Result<ExitCode> {
    for record in desk.journal.all()? {
        output::record_line(out, &record, json)?;
    }
    Ok(ExitCode::SUCCESS)
}
