//! `newsdesk split-feeds`, and the quiet split that `list` and `watch` do first.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::desk::Desk;

/// Splits the inbox's feed files. With `out` (the `split-feeds` command) one line
/// per feed goes there and its notes to stderr; failures always go to stderr.
pub fn split_feeds(desk: &Desk, mut out: Option<&mut dyn Write>) -> Result<ExitCode> {
    let mut failed = false;
    for result in desk.split_feeds() {
        match result {
            Ok(split) => {
                let name = split.feed.file_name().unwrap_or_default().to_string_lossy();
                let to = split.moved_to.as_ref().map_or_else(
                    || "split by another process".into(),
                    |p| format!("→ {}", p.display()),
                );
                let line = format!(
                    "{name}: {} new items, {} already split {to}",
                    split.added.len(),
                    split.known
                );
                tracing::info!("{line}");
                if let Some(out) = out.as_mut() {
                    writeln!(out, "{line}")?;
                    for note in &split.notes {
                        eprintln!("newsdesk: {name}: {note}");
                    }
                }
            }
            Err(failure) => {
                failed = true;
                eprintln!("newsdesk: {failure}");
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
