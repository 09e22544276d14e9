//! Config: config.toml parsed with serde, validated, errors pointing at line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

use crate::action::Action;
use crate::keymap::{Chord, default_bindings};
use crate::query::Aliases;
use crate::rules::Rules;

/// The bundled default config, used when no config file is found.
pub const BUILTIN: &str = include_str!("../config.toml");

/// How long an `exec` command may run when config.toml does not say.
pub const DEFAULT_EXEC_TIMEOUT: Duration = Duration::from_secs(10);

/// A category: a named folder items are filed into.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub name: String,
    pub label: String,
    pub folder: PathBuf,
    pub key: Option<Chord>,
}

/// How the inbox is watched for changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchMode {
    /// Native events, polling on network filesystems or when events fail.
    #[default]
    Auto,
    Native,
    Poll,
}

/// Who reorders right-to-left text: see README "Right-to-left".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BidiMode {
    #[default]
    Auto,
    App,
    Terminal,
    Off,
}

/// Who joins Arabic letters into their connected forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapingMode {
    /// newsdesk shapes when it reorders for a terminal that does not shape.
    #[default]
    Auto,
    App,
    Off,
}

/// Whether URLs on screen are OSC 8 hyperlinks (clickable in terminals that know them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkMode {
    /// On, except where the sequence would show as text (the Linux console, `dumb`, GNU screen).
    #[default]
    Auto,
    On,
    Off,
}

/// The list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Newest,
    Oldest,
    Title,
    Source,
    Language,
    /// Highest rule priority first.
    Priority,
}

/// Where the preview goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Side by side when the terminal is wide, stacked when narrow.
    #[default]
    Auto,
    Side,
    Stacked,
}

/// One of the 16 ANSI colours (or the terminal's default), for themes that read on any background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Color {
    Default,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

/// Colours of the TUI; every one optional in config.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Theme {
    pub accent: Color,
    pub muted: Color,
    pub selected_fg: Color,
    pub selected_bg: Color,
    pub marked: Color,
    pub fresh: Color,
    pub error: Color,
    pub quote: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            accent: Color::Cyan,
            muted: Color::DarkGray,
            selected_fg: Color::Black,
            selected_bg: Color::Cyan,
            marked: Color::Yellow,
            fresh: Color::Green,
            error: Color::Red,
            quote: Color::Magenta,
        }
    }
}

/// Display options.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Display {
    pub bidi: BidiMode,
    pub arabic_shaping: ShapingMode,
    pub sort: SortOrder,
    pub layout: Layout,
    pub mouse: bool,
    pub hyperlinks: LinkMode,
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file this came from (`<built-in>` for the bundled default).
    pub source: PathBuf,
    pub inbox: PathBuf,
    pub skip: PathBuf,
    /// Where feed files go once split into one item per entry.
    pub processed: PathBuf,
    pub categories: Vec<Category>,
    /// Every key binding in force: defaults, then `[keys]`, then category keys.
    pub bindings: BTreeMap<Chord, Action>,
    pub display: Display,
    pub theme: Theme,
    pub watch: WatchMode,
    /// `[aliases]`: what `@name` stands for in queries (rules and the filter prompt).
    pub aliases: Aliases,
    /// `[[rule]]`s in file order, queries compiled.
    pub rules: Rules,
    /// `[[view]]`s: saved filters, in file order.
    pub views: Vec<View>,
    /// How long an `exec` command may run before it is killed.
    pub exec_timeout: Duration,
}

/// A config that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column (in characters); 0 when the error has no place.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default = "default_inbox")]
    inbox: Spanned<String>,
    #[serde(default = "default_skip")]
    skip: Spanned<String>,
    #[serde(default = "default_processed")]
    processed: Spanned<String>,
    #[serde(default)]
    watch: WatchMode,
    #[serde(default)]
    display: Display,
    #[serde(default)]
    theme: Theme,
    #[serde(default, rename = "category")]
    categories: Vec<RawCategory>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Action>,
    #[serde(default)]
    aliases: rules::RawAliases,
    #[serde(default, rename = "rule")]
    rules: Vec<rules::RawRule>,
    #[serde(default, rename = "view")]
    views: Vec<views::RawView>,
    exec_timeout_secs: Option<Spanned<u64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    name: Spanned<String>,
    key: Option<Spanned<String>>,
    folder: Option<Spanned<String>>,
    label: Option<String>,
}

fn default_inbox() -> Spanned<String> {
    Spanned::new(0..0, "inbox".into())
}

fn default_skip() -> Spanned<String> {
    Spanned::new(0..0, "skipped".into())
}

fn default_processed() -> Spanned<String> {
    Spanned::new(0..0, "processed".into())
}

mod load;
mod rules;
mod strpos;
mod validate;
mod views;

pub use load::{find, load};
pub use views::View;

impl Config {
    /// Parses and validates config text; relative paths resolve against `base`.
    pub fn parse(text: &str, source: &Path, base: &Path) -> Result<Config, ConfigError> {
        let here =
            |span: std::ops::Range<usize>, message: String| at(text, source, span.start, message);
        let raw: Raw = toml::from_str(text)
            .map_err(|e| here(e.span().unwrap_or(0..0), e.message().trim().to_string()))?;
        validate::build(raw, text, source, base, &here)
    }

    /// The category with this name.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.name == name)
    }

    /// The keys bound to an action, for help and hints.
    pub fn keys_for(&self, action: &Action) -> Vec<Chord> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }
}

/// An error at a byte offset of `text`, turned into line and column.
fn at(text: &str, path: &Path, offset: usize, message: String) -> ConfigError {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ConfigError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod tests;
