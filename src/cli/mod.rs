//! The headless CLI: everything the keys do, for scripts and cron.
//! stdout carries data (JSON lines with --json), stderr messages; exit 0, 1 failure, 2 usage.

mod apply;
mod exec;
mod extract;
mod output;
mod rules;
pub mod shell;

pub use rules::RulesCommand;
mod split;
mod story;

pub use extract::extract_all;
use extract::extract_cached;
use split::split_feeds;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use crate::article::{self, Article};
use crate::cache::{self, Cache};
use crate::config::{self, Config};
use crate::desk::{Desk, DeskError, Target, Who};
use crate::query::Field;

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
    /// Write logs to this file (RUST_LOG alone logs to ~/.local/state/newsdesk/newsdesk.log)
    #[arg(long, global = true, value_name = "FILE")]
    pub log: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; without one newsdesk opens the TUI.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Setup(Setup),
    /// List the inbox, one item per line
    List {
        /// One JSON object per line
        #[arg(long)]
        json: bool,
        /// One line per story: near-duplicates grouped, with their members
        #[arg(long)]
        clusters: bool,
        /// Only items matching this query (the language of rules and the filter prompt)
        #[arg(long, short, value_name = "QUERY")]
        query: Option<String>,
        /// Only items of this saved view (a [[view]] in config.toml); with --query, both
        #[arg(long, value_name = "NAME")]
        view: Option<String>,
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
    Watch {
        /// Also carry out mode = "auto" rules: on the inbox now, then on each arrival
        /// (one JSON line per action)
        #[arg(long)]
        apply: bool,
    },
    /// Carry out the mode = "auto" rules on the items in the inbox now (undo with `undo`)
    Apply {
        /// Print what would happen; move nothing, run nothing
        #[arg(long, short = 'n')]
        dry_run: bool,
        /// One JSON object per action
        #[arg(long)]
        json: bool,
    },
    /// Check the rules, or see what they would do
    #[command(subcommand)]
    Rules(RulesCommand),
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

/// Commands that need no config: shell integration.
#[derive(Debug, Subcommand)]
pub enum Setup {
    /// Write a commented config to ~/.config/newsdesk/config.toml (never overwrites)
    Init {
        /// Write it here instead
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

/// `newsdesk config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate the config; errors name line and column
    Check,
    /// Print the path of the config in use
    Path,
}

/// Runs a command that needs no config.
pub fn run_setup(setup: Setup) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match setup {
        Setup::Init { path } => shell::init(path.as_deref(), &mut out),
        Setup::Completions { shell } => shell::completions(shell, &mut out),
        Setup::Man => shell::man(&mut out),
    }
}

/// Runs a subcommand with a loaded config.
pub fn run(command: Command, config: &Config) -> Result<ExitCode> {
    let desk = Desk::new(config, Who::current());
    let mut out = std::io::stdout().lock();
    match command {
        Command::Setup(setup) => run_setup(setup),
        Command::List {
            json,
            clusters: true,
            ..
        } => {
            split_feeds(&desk, None)?;
            list_clusters(&desk, json, &mut out)
        }
        Command::List {
            json, query, view, ..
        } => {
            let filters = match rules::list_filters(config, view.as_deref(), query.as_deref()) {
                Ok(filters) => filters,
                Err(code) => return Ok(code),
            };
            split_feeds(&desk, None)?;
            list(config, &desk, json, &filters, &mut out)
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
        Command::Watch { apply } => {
            split_feeds(&desk, None)?;
            apply::watch(config, &desk, apply, out)
        }
        Command::Apply { dry_run, json } => apply::apply(config, &desk, dry_run, json, &mut out),
        Command::Rules(command) => rules::run(command, config, &desk, &mut out),
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

/// One line per story cluster (a lone item is a cluster of one), biggest first.
fn list_clusters(desk: &Desk, json: bool, out: &mut impl Write) -> Result<ExitCode> {
    let entries = desk.scan()?;
    let articles = extract_cached(desk, &entries);
    let assigned = crate::cluster::assign(&articles, crate::cluster::DEFAULT_THRESHOLD);
    let mut groups: Vec<(String, Vec<&Article>)> = Vec::new();
    for (article, (cluster, _)) in articles.iter().zip(&assigned) {
        match groups.iter_mut().find(|(id, _)| id == cluster) {
            Some((_, members)) => members.push(article),
            None => groups.push((cluster.clone(), vec![article])),
        }
    }
    groups.sort_by_key(|(_, members)| std::cmp::Reverse(members.len()));
    for (cluster, members) in groups {
        output::cluster_line(out, &cluster, &members, json)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list(
    config: &Config,
    desk: &Desk,
    json: bool,
    filters: &[crate::query::Query],
    out: &mut impl Write,
) -> Result<ExitCode> {
    let entries = desk.scan()?;
    let articles = extract_cached(desk, &entries);
    let now = std::time::SystemTime::now();
    // The rules' outcome reaches a query through tag: and category: only.
    let stories = story::Stories::work_out(desk, &articles, |f| {
        filters.iter().any(|q| {
            let through_rules = q.uses(Field::Tag) || q.uses(Field::Category);
            q.uses(f) || through_rules && config.rules.uses(f)
        })
    });
    for (entry, article) in entries.iter().zip(&articles) {
        if !filters
            .iter()
            .all(|q| rules::item_matches(q, config, entry, article, &stories, now))
        {
            continue;
        }
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

/// The file an item argument names: an inbox item, or any readable file.
fn locate(desk: &Desk, item: &str) -> Result<PathBuf, DeskError> {
    match desk.find(item) {
        Ok(entry) => Ok(entry.path),
        Err(_) if std::path::Path::new(item).is_file() => Ok(PathBuf::from(item)),
        Err(e) => Err(e),
    }
}

fn show(desk: &Desk, item: &str, json: bool, text: bool, out: &mut impl Write) -> Result<ExitCode> {
    let (path, in_inbox) = match desk.find(item) {
        Ok(entry) => (entry.path, true),
        // Any readable file may be shown, in the inbox or not.
        Err(_) if std::path::Path::new(item).is_file() => (PathBuf::from(item), false),
        Err(e) => return Err(e.into()),
    };
    let doc = article::read(&path);
    if let Some(error) = &doc.article.error {
        anyhow::bail!("{}: {error}", path.display());
    }
    let filed = || story::of_one(desk, &doc.article, |f| f == Field::Dup);
    if text {
        writeln!(out, "{}", doc.structure.body_text())?;
    } else if json {
        let mut value = serde_json::to_value(&doc.article)?;
        let (cluster, size) = if in_inbox {
            cluster_of(desk, &doc.article.id)?
        } else {
            (None, 1)
        };
        value["cluster"] = serde_json::json!(cluster);
        value["cluster_size"] = serde_json::json!(size);
        value["also_filed"] = story::filed_json(filed()?.1.as_ref());
        writeln!(out, "{value}")?;
    } else {
        output::article_text(out, &doc.article)?;
        if let (_, Some(f)) = filed()? {
            let like = f.like(&f.category, jiff::Timestamp::now());
            writeln!(out, "also filed: {like} ({})", f.name)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The story cluster of an inbox item: its id (the first member's) and size.
fn cluster_of(desk: &Desk, id: &str) -> Result<(Option<String>, usize)> {
    let entries = desk.scan()?;
    let articles = extract_cached(desk, &entries);
    let assigned = crate::cluster::assign(&articles, crate::cluster::DEFAULT_THRESHOLD);
    let found = articles
        .iter()
        .zip(assigned)
        .find(|(a, _)| a.id == id)
        .map(|(_, c)| c);
    Ok(found.map_or((None, 1), |(cluster, size)| (Some(cluster), size)))
}

fn move_items(
    desk: &Desk,
    items: &[String],
    target: Target,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut failed = false;
    let entries = desk.scan()?;
    // Filings journal the body signature, for near-duplicates arriving later.
    let cache = (target != Target::Skip).then(|| Cache::load(cache::location(&desk.inbox)));
    for item in items {
        let result = desk.resolve(&entries, item).and_then(|entry| {
            let signature = cache.as_ref().and_then(|c| story::signature_of(c, &entry));
            desk.file_signed(&entry, target, "cli", None, signature.as_ref())
        });
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

fn journal(desk: &Desk, json: bool, out: &mut impl Write) -> Result<ExitCode> {
    for record in desk.journal.all()? {
        output::record_line(out, &record, json)?;
    }
    Ok(ExitCode::SUCCESS)
}
