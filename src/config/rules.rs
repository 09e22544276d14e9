//! `[aliases]` and `[[rule]]`: compiled once at load; a bad rule refuses the config,
//! naming the rule and the line and column of the mistake — inside `when`, the very character.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::strpos::value_offset;
use super::{Category, ConfigError};
use crate::query::{Aliases, Query};
use crate::rules::{Mode, Rule, Rules, script_placeholder};

type Here<'a> = &'a dyn Fn(Range<usize>, String) -> ConfigError;

/// `[aliases]` as written: name = ["spelling", …].
pub(super) type RawAliases = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

/// One `[[rule]]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    name: Spanned<String>,
    when: Spanned<String>,
    file: Option<Spanned<String>>,
    suggest: Option<Spanned<String>>,
    #[serde(default)]
    tag: Vec<Spanned<String>>,
    priority: Option<i64>,
    #[serde(default)]
    skip: Option<Spanned<bool>>,
    #[serde(default)]
    stop: bool,
    exec: Option<Spanned<Vec<Spanned<String>>>>,
    mode: Option<Spanned<String>>,
}

/// Checks `[aliases]`: names a query can spell after `@`, each with at least one entry.
pub(super) fn aliases(raw: &RawAliases, here: Here) -> Result<Aliases, ConfigError> {
    let mut out = Aliases::new();
    for (name, entries) in raw {
        let word = name.get_ref();
        if word.is_empty()
            || !word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return Err(here(
                name.span(),
                format!(
                    "alias name {word:?} must be letters, digits, '_' or '-' (it is written @{word})"
                ),
            ));
        }
        let mut list = Vec::new();
        for entry in entries.get_ref() {
            if entry.get_ref().trim().is_empty() {
                return Err(here(
                    entry.span(),
                    format!("alias @{word} has an empty entry"),
                ));
            }
            list.push(entry.get_ref().clone());
        }
        if list.is_empty() {
            return Err(here(entries.span(), format!("alias @{word} lists nothing")));
        }
        out.insert(word.clone(), list);
    }
    Ok(out)
}

/// Compiles the rules in file order.
pub(super) fn rules(
    raw: &[RawRule],
    text: &str,
    aliases: &Aliases,
    categories: &[Category],
    here: Here,
) -> Result<Rules, ConfigError> {
    raw.iter()
        .map(|r| rule(r, text, aliases, categories, here))
        .collect::<Result<Vec<_>, _>>()
        .map(Rules::new)
}

fn rule(
    raw: &RawRule,
    text: &str,
    aliases: &Aliases,
    categories: &[Category],
    here: Here,
) -> Result<Rule, ConfigError> {
    let name = raw.name.get_ref().trim().to_string();
    if name.is_empty() {
        return Err(here(raw.name.span(), "a rule needs a name".to_string()));
    }
    let fail =
        |span: Range<usize>, message: String| here(span, format!("rule {name:?}: {message}"));
    let when = query(&raw.when, text, aliases, &|at, m| {
        fail(at, format!("when: {m}"))
    })?;
    let category = |field: &str, value: &Option<Spanned<String>>| -> Result<_, ConfigError> {
        let Some(value) = value else { return Ok(None) };
        let wanted = value.get_ref();
        if categories.iter().any(|c| &c.name == wanted) {
            return Ok(Some(wanted.clone()));
        }
        let known: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
        Err(fail(
            value.span(),
            format!(
                "{field}: no category named {wanted:?}; categories: {}",
                known.join(", ")
            ),
        ))
    };
    let file = category("file", &raw.file)?;
    let suggest = category("suggest", &raw.suggest)?;
    let skip = raw.skip.as_ref().is_some_and(|s| *s.get_ref());
    if let (Some(s), Some(_)) = (raw.skip.as_ref().filter(|_| skip), &file) {
        return Err(fail(
            s.span(),
            "both files and skips; an item goes to one place: keep file or skip".into(),
        ));
    }
    let mut tag = Vec::new();
    for t in &raw.tag {
        if t.get_ref().trim().is_empty() {
            return Err(fail(t.span(), "tag: a tag cannot be empty".into()));
        }
        tag.push(t.get_ref().trim().to_string());
    }
    let mode = match raw.mode.as_ref().map(|m| (m.get_ref().as_str(), m.span())) {
        None | Some(("suggest", _)) => Mode::Suggest,
        Some(("auto", _)) => Mode::Auto,
        Some((other, span)) => {
            return Err(fail(
                span,
                format!("mode is \"suggest\" or \"auto\", not {other:?}"),
            ));
        }
    };
    Ok(Rule {
        name: name.clone(),
        when,
        file,
        suggest,
        tag,
        priority: raw.priority,
        skip,
        stop: raw.stop,
        exec: raw.exec.as_ref().map(|e| exec(e, &fail)).transpose()?,
        mode,
        line: line_of(text, raw.name.span().start),
    })
}

/// Compiles a query written as a TOML string; a mistake points at its very character
/// in the file (escapes in the string accounted for).
pub(super) fn query(
    raw: &Spanned<String>,
    text: &str,
    aliases: &Aliases,
    fail: &dyn Fn(Range<usize>, String) -> ConfigError,
) -> Result<Query, ConfigError> {
    Query::new(raw.get_ref(), aliases).map_err(|e| {
        let span = raw.span();
        let inside = text
            .get(span.clone())
            .and_then(|literal| value_offset(literal, e.span.start))
            .map_or(span.start, |offset| span.start + offset);
        let hint = e.hint.map(|h| format!("; {h}")).unwrap_or_default();
        fail(inside..inside, format!("{}{hint}", e.message))
    })
}

fn exec(
    raw: &Spanned<Vec<Spanned<String>>>,
    fail: &dyn Fn(Range<usize>, String) -> ConfigError,
) -> Result<Vec<String>, ConfigError> {
    let argv: Vec<String> = raw.get_ref().iter().map(|a| a.get_ref().clone()).collect();
    let Some(program) = argv.first().filter(|p| !p.trim().is_empty()) else {
        return Err(fail(
            raw.span(),
            "exec: needs a program, as a list: exec = [\"program\", \"arg\", …]".into(),
        ));
    };
    if program.contains('{')
        && crate::rules::PLACEHOLDERS
            .iter()
            .any(|p| program.contains(&format!("{{{p}}}")))
    {
        return Err(fail(
            raw.span(),
            "exec: the program cannot be a placeholder; placeholders go in its arguments".into(),
        ));
    }
    if let Some(script) = script_placeholder(&argv) {
        let span = raw
            .get_ref()
            .iter()
            .find(|a| a.get_ref() == script)
            .map_or(raw.span(), Spanned::span);
        return Err(fail(
            span,
            "exec: a placeholder inside a shell script would run the item's text as code; \
             read \"$NEWSDESK_TITLE\" (and the other NEWSDESK_* variables) in the script, \
             or pass {title} as an argument after it and use \"$1\""
                .into(),
        ));
    }
    Ok(argv)
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |t| t.matches('\n').count() + 1)
}
