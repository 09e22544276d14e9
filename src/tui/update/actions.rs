//! `update` for actions: what each key's action changes, and the effects it asks for.

use crate::action::Action;
use crate::config::SortOrder;

use super::info;
use crate::tui::effect::{Destination, Effect};
use crate::tui::state::{Mode, State};

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
        Action::AcceptSuggestion => return accept_suggestion(state),
        Action::Skip => return move_effect(state, Destination::Skip),
        Action::Undo => return vec![Effect::Undo],
        Action::ToggleMark => toggle_mark(state),
        Action::ClearMarks => state.marks.clear(),
        Action::GroupClusters => {
            state.grouped = !state.grouped;
            state.refresh_view();
            let how = if state.grouped {
                "one row per story (c shows every copy)"
            } else {
                "every copy listed"
            };
            info(state, how.into());
        }
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
        Action::View(name) => {
            let index = state.views.iter().position(|v| v.name == name);
            let again = index.is_some() && index == state.view_on;
            show_view(state, if again { None } else { index });
        }
        Action::NextView => cycle_view(state, 1),
        Action::PrevView => cycle_view(state, -1),
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
/// Files the selected (or marked) items where the rules suggest; skips where they say skip.
fn accept_suggestion(state: &mut State) -> Vec<Effect> {
    let Some(item) = state.current() else {
        return Vec::new();
    };
    if let Some(category) = item.suggestion() {
        let category = category.to_string();
        return move_effect(state, Destination::Category(category));
    }
    if item.outcome.as_ref().is_some_and(|o| o.skip.is_some()) {
        return move_effect(state, Destination::Skip);
    }
    info(state, "no rule suggests a category for this item".into());
    Vec::new()
}

/// Grouped by story, a row stands for every copy: all of them move.
fn move_effect(state: &mut State, to: Destination) -> Vec<Effect> {
    let rows: Vec<usize> = if state.marks.is_empty() {
        state
            .view
            .get(state.selected)
            .copied()
            .into_iter()
            .collect()
    } else {
        state
            .view
            .iter()
            .copied()
            .filter(|&i| state.marks.contains(&state.items[i].entry.name))
            .collect()
    };
    let indices: Vec<usize> = if state.grouped {
        rows.iter()
            .flat_map(|&i| state.clusters.members(i))
            .collect()
    } else {
        rows
    };
    let items: Vec<_> = indices
        .iter()
        .map(|&i| state.items[i].entry.clone())
        .collect();
    if items.is_empty() {
        info(state, "nothing to file: the inbox is empty".into());
        return Vec::new();
    }
    let signatures = indices
        .iter()
        .map(|&i| state.items[i].signature())
        .collect();
    vec![Effect::Move {
        items,
        to,
        signatures,
    }]
}

pub(super) fn open_reader(state: &mut State) -> Vec<Effect> {
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
        Action::CopyUrl => ("URL", item.whole_article().and_then(|a| a.url.clone())),
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

/// Steps through every item, then each saved view in turn, then every item again.
fn cycle_view(state: &mut State, delta: isize) {
    let n = state.views.len();
    if n == 0 {
        info(
            state,
            "no saved views: add [[view]] tables to config.toml".into(),
        );
        return;
    }
    let at = state.view_on.map_or(0, |i| i + 1) as isize;
    let next = (at + delta).rem_euclid(n as isize + 1) as usize;
    show_view(state, next.checked_sub(1));
}

fn show_view(state: &mut State, index: Option<usize>) {
    state.show_view(index);
    let count = state.view.len();
    let message = match state.active_view() {
        Some(view) => format!("view {}: {count} items", view.name),
        None => format!("every item: {count}"),
    };
    info(state, message);
}

fn cycle_sort(state: &mut State) {
    use SortOrder::*;
    state.sort = match state.sort {
        Newest => Oldest,
        Oldest => Title,
        Title => Source,
        Source => Language,
        Language => Priority,
        Priority => Newest,
    };
    state.refresh_view();
    let name = format!("{:?}", state.sort).to_lowercase();
    info(state, format!("sorted by {name}"));
}
