//! Turning the parsed file into a [`Config`]: paths, categories, keys — each check with its place.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::{Category, Config, ConfigError, Raw, default_bindings};
use crate::action::Action;
use crate::keymap::Chord;

type Here<'a> = &'a dyn Fn(Range<usize>, String) -> ConfigError;

pub(super) fn build(
    raw: Raw,
    text: &str,
    source: &Path,
    base: &Path,
    here: Here,
) -> Result<Config, ConfigError> {
    let inbox = resolve(base, raw.inbox.get_ref());
    let skip = resolve(base, raw.skip.get_ref());
    check_outside_inbox(&inbox, &skip, raw.skip.span(), "the skip folder", here)?;
    let processed = resolve(base, raw.processed.get_ref());
    let what = "the processed folder (where split feed files go)";
    check_outside_inbox(&inbox, &processed, raw.processed.span(), what, here)?;
    if processed == skip {
        return Err(here(
            raw.processed.span(),
            format!(
                "the processed folder is the skip folder {}; give it its own",
                skip.display()
            ),
        ));
    }
    let categories = categories(&raw, &inbox, &skip, base, here)?;
    if let Some(c) = categories.iter().find(|c| c.folder == processed) {
        return Err(here(
            raw.processed.span(),
            format!(
                "the processed folder {} is the folder of category {:?}; give it its own",
                processed.display(),
                c.name
            ),
        ));
    }
    let aliases = super::rules::aliases(&raw.aliases, here)?;
    let views = super::views::views(&raw.views, text, &aliases, here)?;
    let bindings = bindings(&raw, &categories, &views, here)?;
    let views = views.into_iter().map(|(v, _)| v).collect();
    let rules = super::rules::rules(&raw.rules, text, &aliases, &categories, here)?;
    let exec_timeout = match &raw.exec_timeout_secs {
        None => super::DEFAULT_EXEC_TIMEOUT,
        Some(s) if *s.get_ref() == 0 => {
            return Err(here(
                s.span(),
                "exec_timeout_secs must be at least 1".into(),
            ));
        }
        Some(s) => std::time::Duration::from_secs(*s.get_ref()),
    };
    Ok(Config {
        source: source.to_path_buf(),
        inbox,
        skip,
        processed,
        categories,
        bindings,
        display: raw.display,
        theme: raw.theme,
        watch: raw.watch,
        aliases,
        rules,
        views,
        exec_timeout,
    })
}

fn resolve(base: &Path, path: &str) -> PathBuf {
    let expanded = match path.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().map_or_else(|| PathBuf::from(path), |h| h.join(rest)),
        None => PathBuf::from(path),
    };
    normalize(&base.join(expanded))
}

/// Checks an inbox given on the command line against the configured folders.
pub(super) fn check_inbox_override(config: &Config) -> Result<(), String> {
    let inbox = &config.inbox;
    let folders = config
        .categories
        .iter()
        .map(|c| (format!("the folder of category {:?}", c.name), &c.folder));
    let others = [
        ("the skip folder".to_string(), &config.skip),
        ("the processed folder".to_string(), &config.processed),
    ];
    for (what, folder) in folders.chain(others) {
        if folder.starts_with(inbox) || inbox.starts_with(folder) {
            return Err(format!(
                "{} cannot be the inbox: {what} is {}, which is inside the inbox or holds it; filed items must leave the inbox",
                inbox.display(),
                folder.display()
            ));
        }
    }
    Ok(())
}

/// Removes `.` and `..` components without touching the filesystem.
pub(super) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn check_outside_inbox(
    inbox: &Path,
    folder: &Path,
    span: Range<usize>,
    what: &str,
    here: Here,
) -> Result<(), ConfigError> {
    if folder == inbox || folder.starts_with(inbox) {
        return Err(here(
            span,
            format!(
                "{what} is {}, which is inside the inbox {}; filed items would still be in the inbox",
                folder.display(),
                inbox.display()
            ),
        ));
    }
    Ok(())
}

fn categories(
    raw: &Raw,
    inbox: &Path,
    skip: &Path,
    base: &Path,
    here: Here,
) -> Result<Vec<Category>, ConfigError> {
    let mut out: Vec<Category> = Vec::new();
    for c in &raw.categories {
        let name = c.name.get_ref().trim();
        if name.is_empty() || name.contains(['/', '\\']) {
            return Err(here(
                c.name.span(),
                format!("category name {name:?} must be a non-empty word without slashes"),
            ));
        }
        if out.iter().any(|o| o.name == name) {
            return Err(here(
                c.name.span(),
                format!("two categories are named {name:?}"),
            ));
        }
        let (folder, span) = match &c.folder {
            Some(f) => (resolve(base, f.get_ref()), f.span()),
            None => (resolve(base, name), c.name.span()),
        };
        check_outside_inbox(
            inbox,
            &folder,
            span.clone(),
            &format!("the folder of category {name:?}"),
            here,
        )?;
        if folder == skip {
            return Err(here(
                span,
                format!("category {name:?} uses the skip folder {}", skip.display()),
            ));
        }
        if let Some(other) = out.iter().find(|o| o.folder == folder) {
            return Err(here(
                span,
                format!(
                    "categories {:?} and {name:?} share the folder {}",
                    other.name,
                    folder.display()
                ),
            ));
        }
        let key = c.key.as_ref().map(|k| chord(k, here)).transpose()?;
        if let (Some(key), Some(other)) = (key, out.iter().find(|o| o.key == key && key.is_some()))
        {
            let span = c.key.as_ref().map_or(0..0, Spanned::span);
            return Err(here(
                span,
                format!("key {key} is given to both {:?} and {name:?}", other.name),
            ));
        }
        let label = c.label.clone().unwrap_or_else(|| name.to_string());
        out.push(Category {
            name: name.to_string(),
            label,
            folder,
            key,
        });
    }
    Ok(out)
}

fn chord(key: &Spanned<String>, here: Here) -> Result<Chord, ConfigError> {
    key.get_ref().parse().map_err(|e| here(key.span(), e))
}

fn bindings(
    raw: &Raw,
    categories: &[Category],
    views: &[super::views::Placed],
    here: Here,
) -> Result<BTreeMap<Chord, Action>, ConfigError> {
    let mut map = BTreeMap::new();
    for (key, action) in default_bindings() {
        map.insert(key.parse().map_err(|e| here(0..0, e))?, action);
    }
    let mut user: BTreeMap<Chord, Range<usize>> = BTreeMap::new();
    for (key, action) in &raw.keys {
        let chord = chord(key, here)?;
        if let Action::FileInto(name) = action
            && !categories.iter().any(|c| &c.name == name)
        {
            let message = format!(
                "key {chord} files into {name:?}, which is not a category; categories: {}",
                names(categories)
            );
            return Err(here(key.span(), message));
        }
        if let Action::View(name) = action
            && !views.iter().any(|(v, _)| &v.name == name)
        {
            let known: Vec<&str> = views.iter().map(|(v, _)| v.name.as_str()).collect();
            let message = format!(
                "key {chord} shows view {name:?}, which is not a [[view]]; views: {}",
                known.join(", ")
            );
            return Err(here(key.span(), message));
        }
        user.insert(chord, key.span());
        map.insert(chord, action.clone());
    }
    for c in categories {
        let Some(key) = c.key else { continue };
        if let Some(span) = user.get(&key) {
            return Err(here(
                span.clone(),
                format!(
                    "key {key} is bound in [keys] and also to category {:?}",
                    c.name
                ),
            ));
        }
        map.insert(key, Action::FileInto(c.name.clone()));
    }
    for (i, (view, span)) in views.iter().enumerate() {
        let (Some(key), Some(span)) = (view.key, span) else {
            continue;
        };
        let taken = user
            .contains_key(&key)
            .then(|| "[keys]".to_string())
            .or_else(|| {
                let c = categories.iter().find(|c| c.key == Some(key))?;
                Some(format!("category {:?}", c.name))
            })
            .or_else(|| {
                let (v, _) = views[..i].iter().find(|(v, _)| v.key == Some(key))?;
                Some(format!("view {:?}", v.name))
            });
        if let Some(other) = taken {
            let message = format!("key {key} of view {:?} is bound to {other} too", view.name);
            return Err(here(span.clone(), message));
        }
        map.insert(key, Action::View(view.name.clone()));
    }
    Ok(map)
}

fn names(categories: &[Category]) -> String {
    let names: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
    names.join(", ")
}
