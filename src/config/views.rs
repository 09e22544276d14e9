//! `[[view]]`: saved filters, shown as quick views in the TUI and by `list --view`.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::ConfigError;
use crate::keymap::Chord;
use crate::query::{Aliases, Query};

type Here<'a> = &'a dyn Fn(Range<usize>, String) -> ConfigError;

/// One `[[view]]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawView {
    name: Spanned<String>,
    query: Spanned<String>,
    key: Option<Spanned<String>>,
}

/// A saved filter: its name, its query, and the key that shows it.
#[derive(Debug, Clone)]
pub struct View {
    pub name: String,
    pub query: Query,
    pub key: Option<Chord>,
}

impl PartialEq for View {
    /// Views are equal when written the same (queries compared in canonical form).
    fn eq(&self, other: &View) -> bool {
        self.name == other.name
            && self.key == other.key
            && self.query.to_string() == other.query.to_string()
    }
}

/// A view and where its key is written, for conflict reports.
pub(super) type Placed = (View, Option<Range<usize>>);

/// Compiles the views in file order.
pub(super) fn views(
    raw: &[RawView],
    text: &str,
    aliases: &Aliases,
    here: Here,
) -> Result<Vec<Placed>, ConfigError> {
    let mut out: Vec<Placed> = Vec::new();
    for r in raw {
        let name = r.name.get_ref().trim().to_string();
        if name.is_empty() || name.chars().any(char::is_control) {
            let message = "a view needs a name, without control characters";
            return Err(here(r.name.span(), message.into()));
        }
        if out.iter().any(|(v, _)| v.name == name) {
            return Err(here(r.name.span(), format!("a second view named {name:?}")));
        }
        let fail = |span, m: String| here(span, format!("view {name:?}: query: {m}"));
        let query = super::rules::query(&r.query, text, aliases, &fail)?;
        let key = match &r.key {
            None => None,
            Some(k) => Some(k.get_ref().parse().map_err(|e| here(k.span(), e))?),
        };
        let view = View { name, query, key };
        out.push((view, r.key.as_ref().map(Spanned::span)));
    }
    Ok(out)
}
