//! Mouse input (off unless `mouse = true`): click selects, wheel scrolls, a click
//! on a category in the legend files the selected item.

use super::effect::Effect;
use super::event::{Mouse, MouseKind};
use super::state::{Mode, State};
use super::ui::{areas, legend_hints, window_start};
use super::update::update;
use crate::action::Action;

/// Turns a mouse event into the action it stands for.
pub fn handle(state: &mut State, mouse: Mouse) -> Vec<Effect> {
    let at = areas(state.size, state);
    let inside = |r: ratatui::layout::Rect| {
        r.contains(ratatui::layout::Position::new(mouse.column, mouse.row))
    };
    match mouse.kind {
        MouseKind::WheelUp | MouseKind::WheelDown => {
            let down = mouse.kind == MouseKind::WheelDown;
            let action = if down {
                Action::SelectNext
            } else {
                Action::SelectPrev
            };
            (0..3).flat_map(|_| update(state, action.clone())).collect()
        }
        MouseKind::Click if inside(at.legend) => {
            let x = mouse.column - at.legend.x;
            let hit = legend_hints(state, at.legend.width)
                .into_iter()
                .find(|(start, cells, ..)| (*start..start + cells).contains(&x));
            hit.map(|(.., action)| update(state, action))
                .unwrap_or_default()
        }
        MouseKind::Click if state.mode == Mode::List && inside(at.list) => {
            let top = at.list.y + 1;
            let rows = usize::from(at.list.height.saturating_sub(2));
            let Some(row) = mouse
                .row
                .checked_sub(top)
                .map(usize::from)
                .filter(|r| *r < rows)
            else {
                return Vec::new();
            };
            let index = window_start(state.selected, rows, state.view.len()) + row;
            if index < state.view.len() {
                state.selected = index;
                state.touched = true;
            }
            Vec::new()
        }
        MouseKind::Click => Vec::new(),
    }
}
