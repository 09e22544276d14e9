//! The help overlay: every binding with its action's doc line, from the keymap itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Palette;
use crate::action::Action;
use crate::tui::state::State;

/// Lines of the help: one per action, its keys and what it does.
pub fn lines(state: &State) -> Vec<(String, String)> {
    let mut actions: Vec<&Action> = Vec::new();
    for action in state.bindings.values() {
        if !actions.contains(&action) {
            actions.push(action);
        }
    }
    actions.sort_by_key(|a| matches!(a, Action::FileInto(_)));
    actions
        .into_iter()
        .map(|action| {
            let keys: Vec<String> = state.bindings.iter().filter(|(_, a)| *a == action).map(|(k, _)| k.to_string()).collect();
            let doc = match action {
                Action::FileInto(name) => format!("File into {}", state.label(name)),
                other => other.doc().to_string(),
            };
            (keys.join(", "), doc)
        })
        .collect()
}

/// Draws the overlay.
pub fn render(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let block = Block::bordered().title(Span::styled(" Keys — any key closes ", palette.accent));
    let rows = lines(state);
    let key_cells = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).min(18);
    let text: Vec<Line> = rows
        .into_iter()
        .map(|(keys, doc)| Line::from(vec![Span::styled(format!("{keys:>key_cells$}  "), palette.accent), Span::raw(doc)]))
        .collect();
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: false }), area);
}
