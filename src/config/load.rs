//! Where the config comes from: --config, $NEWSDESK_CONFIG, ./config.toml, the XDG folder, built-in.

use std::path::{Path, PathBuf};

use super::{BUILTIN, Config, ConfigError};

/// The config file to use, in lookup order; `None` means the built-in default.
pub fn find(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os("NEWSDESK_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let local = PathBuf::from("config.toml");
    if local.is_file() {
        return Some(local);
    }
    let xdg = dirs::config_dir()?.join("newsdesk").join("config.toml");
    xdg.is_file().then_some(xdg)
}

/// Loads the config found by [`find`]; `inbox` overrides the configured inbox.
pub fn load(explicit: Option<&Path>, inbox: Option<&Path>) -> Result<Config, ConfigError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut config = match find(explicit) {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
                path: path.clone(),
                line: 0,
                column: 0,
                message: format!("cannot read config: {e}"),
            })?;
            let absolute = cwd.join(&path);
            let base = absolute.parent().unwrap_or(&cwd).to_path_buf();
            Config::parse(&text, &path, &base)?
        }
        None => Config::parse(BUILTIN, Path::new("<built-in>"), &cwd)?,
    };
    if let Some(dir) = inbox {
        config.inbox = super::validate::normalize(&cwd.join(dir));
        super::validate::check_inbox_override(&config).map_err(|message| ConfigError {
            path: PathBuf::from("--inbox"),
            line: 0,
            column: 0,
            message,
        })?;
    }
    Ok(config)
}
