//! `update`: state changes for events and actions, returning effects; no I/O here.

use crate::action::Action;
use crate::config::SortOrder;
use crate::keymap::{Chord, Key};

use super::effect::{Destination, Effect};
use super::event::Event;
use super::state::{Level, Mode, State};

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
        Event::Scanned(entries) => {
            let first = state.items.is_empty() && state.stats.is_none();
            let todo = state.merge_scan(entries);
            let mut effects = Vec::new();
            if !todo.is_empty() {
                effects.push(Effect::Extract(todo));
            }
            if first {
                effects.push(Effect::LoadStats);
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
                effects.push(Effect::ExplainGone(left));
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

/// Changes state for one action and says what I/O it needs.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    state.touched = true;
    if let Mode::Help { scroll } = &mut state.mode {
        match action {
            Action::SelectNext | Action::ScrollDown => *scroll = scroll.saturating_add(1),
            Action::SelectPrev | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(10),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::Suspend | Action::Redraw | Action::Quit => {}
            _ => state.mode = Mode::List,
        }
        if !matches!(action, Action::Suspend | Action::Redraw | Action::Quit) {
            return Vec::new();
        }
    }
    let reading = matches!(state.mode, Mode::Reader { .. });
    match action {
        Action::SelectNext if reading => scroll(state, 1),
        Action::SelectPrev if reading => scroll(state, -1),
        Action::PageDown if reading => scroll(state, state.page as i32),
        Action::PageUp if reading => scroll(state, -(state.page as i32)),
        Action::ScrollDown => scroll(state, 1),
        Action::ScrollUp => scroll(state, -1),
        Action::SelectNext => step(state, 1),
        Action::SelectPrev => step(state, -1),
        Action::PageDown => step(state, state.page as i64),
        Action::PageUp => step(state, -(state.page as i64)),
        Action::SelectFirst => select(state, 0),
        Action::SelectLast => select(state, state.view.len().saturating_sub(1)),
        Action::NextItem => {
            step(state, 1);
            return if reading {
                open_reader(state)
            } else {
                Vec::new()
            };
        }
        Action::PrevItem => {
            step(state, -1);
            return if reading {
                open_reader(state)
            } else {
                Vec::new()
            };
        }
        Action::FileInto(name) => return move_effect(state, Destination::Category(name)),
        Action::AcceptSuggestion => info(
            state,
            "no suggestion for this item (rules are not configured)".into(),
        ),
        Action::Skip => return move_effect(state, Destination::Skip),
        Action::Undo => return vec![Effect::Undo],
        Action::ToggleMark => toggle_mark(state),
        Action::ClearMarks => state.marks.clear(),
        Action::OpenReader => return open_reader(state),
        Action::Back => back(state),
        Action::OpenPager | Action::OpenEditor => {
            let editor = action == Action::OpenEditor;
            return state
                .current()
                .map(|i| {
                    vec![Effect::OpenExternal {
                        editor,
                        path: i.entry.path.clone(),
                    }]
                })
                .unwrap_or_default();
        }
        Action::Search => state.mode = Mode::Search,
        Action::CycleSort => cycle_sort(state),
        Action::Help => state.mode = Mode::Help { scroll: 0 },
        Action::Stats => {
            state.mode = if state.mode == Mode::Stats {
                Mode::List
            } else {
                Mode::Stats
            };
            return vec![Effect::LoadStats];
        }
        Action::CopyTitle | Action::CopyUrl | Action::CopyPath => return copy(state, &action),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Redraw => return vec![Effect::Redraw],
        Action::Quit => state.quit = true,
    }
    Vec::new()
}

fn step(state: &mut State, delta: i64) {
    let last = state.view.len().saturating_sub(1) as i64;
    state.selected = (state.selected as i64 + delta).clamp(0, last.max(0)) as usize;
}

fn select(state: &mut State, index: usize) {
    state.selected = index.min(state.view.len().saturating_sub(1));
}

fn scroll(state: &mut State, delta: i32) {
    if let Mode::Reader { scroll, .. } = &mut state.mode {
        *scroll = (i32::from(*scroll) + delta).clamp(0, i32::from(u16::MAX)) as u16;
    }
}

fn toggle_mark(state: &mut State) {
    let Some(name) = state.current().map(|i| i.entry.name.clone()) else {
        return;
    };
    if !state.marks.remove(&name) {
        state.marks.insert(name);
    }
    step(state, 1);
}

/// Files the marked items, or the selected one when nothing is marked.
fn move_effect(state: &mut State, to: Destination) -> Vec<Effect> {
    let items: Vec<_> = if state.marks.is_empty() {
        state
            .current()
            .map(|i| i.entry.clone())
            .into_iter()
            .collect()
    } else {
        state
            .view
            .iter()
            .map(|&i| &state.items[i])
            .filter(|i| state.marks.contains(&i.entry.name))
            .map(|i| i.entry.clone())
            .collect()
    };
    if items.is_empty() {
        info(state, "nothing to file: the inbox is empty".into());
        return Vec::new();
    }
    vec![Effect::Move { items, to }]
}

fn open_reader(state: &mut State) -> Vec<Effect> {
    match state.current() {
        Some(item) => {
            let path = item.entry.path.clone();
            state.mode = Mode::Reader {
                scroll: 0,
                doc: None,
            };
            vec![Effect::LoadBody(path)]
        }
        None => {
            state.mode = Mode::List;
            Vec::new()
        }
    }
}

/// Copies a field of the selected item (the logical text, never the reordered one).
fn copy(state: &mut State, action: &Action) -> Vec<Effect> {
    let Some(item) = state.current() else {
        return Vec::new();
    };
    let (what, text) = match action {
        Action::CopyUrl => ("URL", item.article.as_ref().and_then(|a| a.url.clone())),
        Action::CopyPath => ("path", Some(item.entry.path.display().to_string())),
        _ => ("title", Some(item.title().to_string())),
    };
    match text {
        Some(text) => {
            info(state, format!("copied the {what}"));
            vec![Effect::Copy(text)]
        }
        None => {
            info(state, format!("this item has no {what}"));
            Vec::new()
        }
    }
}

fn back(state: &mut State) {
    if state.mode == Mode::List {
        if !state.filter.is_empty() {
            state.set_filter(String::new());
        } else {
            state.message = None;
        }
    }
    state.mode = Mode::List;
}

fn cycle_sort(state: &mut State) {
    use SortOrder::*;
    state.sort = match state.sort {
        Newest => Oldest,
        Oldest => Title,
        Title => Source,
        Source => Language,
        Language => Newest,
    };
    state.refresh_view();
    let name = format!("{:?}", state.sort).to_lowercase();
    info(state, format!("sorted by {name}"));
}
