//! Shell integration, needing no config: `init`, `completions`, `man`, and the log file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::Args;
use crate::config::BUILTIN;

/// The bundled config with its folders moved under `~/news/`, for a personal desk.
pub fn personal_config() -> String {
    let header = "# newsdesk configuration, written by `newsdesk init`.\n# Folders live under ~/news/; change them here. Every option is explained below.\n\n";
    let body = BUILTIN
        .replace("inbox = \"inbox\"", "inbox = \"~/news/inbox\"")
        .replace("skip = \"skipped\"", "skip = \"~/news/skipped\"")
        .replace("folder = \"filed/", "folder = \"~/news/filed/");
    format!("{header}{body}")
}

/// Writes the personal config to `path` (default: the XDG config folder); never overwrites.
pub fn init(path: Option<&Path>, out: &mut impl Write) -> Result<ExitCode> {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => dirs::config_dir()
            .context("no config folder ($XDG_CONFIG_HOME or ~/.config)")?
            .join("newsdesk")
            .join("config.toml"),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file {
        Ok(mut f) => {
            f.write_all(personal_config().as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "{}", path.display())?;
            eprintln!(
                "newsdesk: wrote {}; your inbox is ~/news/inbox (created when first needed)",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "newsdesk: {} exists already; not overwritten (remove it first to start again)",
                path.display()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// Shell completions, generated from the argument definitions.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<ExitCode> {
    clap_complete::generate(shell, &mut Args::command(), "newsdesk", out);
    Ok(ExitCode::SUCCESS)
}

/// A man page (roff), generated from the argument definitions.
pub fn man(out: &mut impl Write) -> Result<ExitCode> {
    clap_mangen::Man::new(Args::command()).render(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Sends `tracing` logs to `file`, or with only `RUST_LOG` set to the XDG state
/// folder's newsdesk.log — never to the screen.
pub fn start_logging(file: Option<&Path>) -> Result<Option<PathBuf>> {
    let wanted = std::env::var_os("RUST_LOG").is_some();
    let path = match file {
        Some(p) => p.to_path_buf(),
        None if wanted => dirs::state_dir()
            .or_else(dirs::cache_dir)
            .context("no state folder for the log")?
            .join("newsdesk")
            .join("newsdesk.log"),
        None => return Ok(None),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .with_context(|| format!("cannot open the log {}", path.display()))?;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(log))
        .init();
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_personal_config_loads_and_points_at_home() {
        let config = crate::config::Config::parse(
            &personal_config(),
            Path::new("c.toml"),
            Path::new("/etc"),
        )
        .expect("loads");
        let home = dirs::home_dir().expect("home");
        assert_eq!(config.inbox, home.join("news/inbox"));
        assert!(
            config
                .categories
                .iter()
                .all(|c| c.folder.starts_with(home.join("news/filed")))
        );
    }

    #[test]
    fn init_never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("newsdesk/config.toml");
        let mut out = Vec::new();
        assert_eq!(
            init(Some(&path), &mut out).expect("init"),
            ExitCode::SUCCESS
        );
        std::fs::write(&path, "# mine").expect("edit");
        assert_eq!(
            init(Some(&path), &mut out).expect("init"),
            ExitCode::FAILURE
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "# mine");
    }

    #[test]
    fn completions_and_man_page_generate() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
        ] {
            let mut out = Vec::new();
            completions(shell, &mut out).expect("completions");
            let text = String::from_utf8(out).expect("utf-8");
            assert!(
                text.contains("newsdesk") && text.contains("journal"),
                "{shell:?}"
            );
        }
        let mut out = Vec::new();
        man(&mut out).expect("man");
        let page = String::from_utf8(out).expect("utf-8");
        assert!(
            page.contains(".TH newsdesk") && page.contains("list"),
            "{page}"
        );
    }
}
