//! `update`: state changes for events and actions, returning effects; no I/O here.

use crate::keymap::{Chord, Key};

use super::effect::Effect;
use super::event::Event;
use super::state::{Level, Mode, State};

mod actions;

use actions::open_reader;
pub use actions::update;

/// Handles one event.
pub fn handle(state: &mut State, event: Event) -> Vec<Effect> {
    match event {
        Event::Key(chord) => on_key(state, chord),
        Event::Resize(width, height) => {
            state.size = ratatui::layout::Rect::new(0, 0, width, height);
            let list = super::ui::areas(state.size, state).list;
            state.page = super::ui::list_rows(list.height);
            Vec::new()
        }
        Event::Mouse(mouse) => super::mouse::handle(state, mouse),
        Event::Tick(now) => {
            state.now = now;
            Vec::new()
        }
        Event::Listed { entries, complete } => {
            state.merge_listing(entries, complete);
            Vec::new()
        }
        Event::Scanned(entries) => {
            let first = !state.scanned;
            let todo = state.merge_scan(entries);
            let mut effects = Vec::new();
            if !todo.is_empty() {
                effects.push(Effect::Extract(todo));
            }
            if first {
                effects.extend([Effect::LoadStats, Effect::LoadFiled]);
            }
            effects
        }
        Event::InboxChanged(changes) => {
            let (todo, left) = state.apply_changes(changes);
            let mut effects = Vec::new();
            if !todo.is_empty() {
                effects.push(Effect::Extract(todo));
            }
            if !left.is_empty() {
                // Someone else filed them: their copies here are like filed items now.
                effects.extend([Effect::ExplainGone(left), Effect::LoadFiled]);
            }
            effects
        }
        Event::ConfigReloaded(Ok(config)) => {
            state.apply_config(&config);
            info(
                state,
                format!("config reloaded from {}", config.source.display()),
            );
            vec![Effect::UseConfig(config)]
        }
        Event::ConfigReloaded(Err(message)) => {
            state.message = Some((format!("config not reloaded: {message}"), Level::Error));
            Vec::new()
        }
        Event::StatsLoaded(stats) => {
            state.stats = Some(stats);
            Vec::new()
        }
        Event::FiledLoaded(filed) => {
            state.set_filed(*filed);
            Vec::new()
        }
        Event::Info(message) => {
            info(state, message);
            Vec::new()
        }
        Event::Extracted(articles) => {
            state.set_articles(articles);
            Vec::new()
        }
        Event::BodyLoaded(doc) => {
            if let Mode::Reader { doc: slot, .. } = &mut state.mode {
                *slot = Some(doc);
            }
            Vec::new()
        }
        Event::Moved { done, failed, gone } => on_moved(state, done, failed, gone),
        Event::Undone(Ok(records)) => {
            let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
            state.select_after_scan = records
                .last()
                .and_then(|r| r.to.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            for r in &records {
                if let Some(n) = state.filed.get_mut(&r.category) {
                    *n = n.saturating_sub(1);
                }
            }
            state.filed_undone(&records);
            info(
                state,
                format!("undone: {} back in the inbox", names.join(", ")),
            );
            vec![Effect::Rescan]
        }
        Event::Undone(Err(message)) | Event::Failed(message) => {
            state.message = Some((message, Level::Error));
            Vec::new()
        }
    }
}

fn on_moved(
    state: &mut State,
    done: Vec<crate::desk::Record>,
    failed: Vec<String>,
    gone: Vec<String>,
) -> Vec<Effect> {
    let mut names: Vec<String> = done.iter().map(|r| r.name.clone()).collect();
    for r in &done {
        *state.filed.entry(r.category.clone()).or_default() += 1;
    }
    state.filed_moved(&done);
    names.extend(gone);
    state.remove(&names);
    if let Some(first) = failed.first() {
        let more = if failed.len() > 1 {
            format!(" (+{} more)", failed.len() - 1)
        } else {
            String::new()
        };
        state.message = Some((format!("{first}{more}"), Level::Error));
    } else if let Some(r) = done.first() {
        let what = if done.len() == 1 {
            r.name.clone()
        } else {
            format!("{} items", done.len())
        };
        let to = if r.category == "skip" {
            "skipped".to_string()
        } else {
            format!("→ {}", state.label(&r.category))
        };
        info(state, format!("{what} {to} (u undoes)"));
    }
    if let Mode::Reader { .. } = state.mode {
        return open_reader(state);
    }
    Vec::new()
}

fn info(state: &mut State, message: String) {
    state.message = Some((message, Level::Info));
}

fn on_key(state: &mut State, chord: Chord) -> Vec<Effect> {
    if state.mode == Mode::Search {
        return on_search_key(state, chord);
    }
    match state.bindings.get(&chord).cloned() {
        Some(action) => update(state, action),
        None => Vec::new(),
    }
}

/// Typing in the search prompt: the list filters as you type.
fn on_search_key(state: &mut State, chord: Chord) -> Vec<Effect> {
    let mut text = state.filter.clone();
    match chord.key {
        Key::Esc => {
            text.clear();
            state.mode = Mode::List;
        }
        // Enter keeps the last valid filter; an invalid edit is dropped.
        Key::Enter => {
            state.mode = Mode::List;
            if state.query_error.is_some() {
                text = state
                    .query
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
            }
        }
        Key::Backspace => {
            text.pop();
        }
        Key::Char('u') if chord.ctrl => text.clear(),
        Key::Char(c) if !chord.ctrl && !chord.alt => text.push(c),
        _ => return Vec::new(),
    }
    state.set_filter(text);
    Vec::new()
}
