//! The help overlay: every binding with its action's doc line, from the keymap itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Palette;
use crate::action::Action;
use crate::tui::state::State;
use crate::tui::text::{layout, truncate};

/// Lines of the help: one per action, its keys and what it does.
pub fn lines(state: &State) -> Vec<(String, String)> {
    let mut actions: Vec<&Action> = state.bindings.values().collect();
    let category = |name: &str| state.categories.iter().position(|c| c.name == name);
    actions.sort_by(|a, b| match (a, b) {
        (Action::FileInto(x), Action::FileInto(y)) => category(x).cmp(&category(y)),
        _ => a.cmp(b),
    });
    actions.dedup();
    actions
        .into_iter()
        .map(|action| {
            let keys = state.keys_for(action);
            let doc = match action {
                Action::FileInto(name) => format!("File into {}", state.label(name)),
                Action::View(name) => format!("Show the view {name} (again: every item)"),
                other => other.doc().to_string(),
            };
            (keys.join(", "), doc)
        })
        .collect()
}

/// Draws the overlay: one line per action, scrolled.
pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: u16, palette: &Palette) {
    let block = Block::bordered()
        .title(Span::styled(" Keys ", palette.accent))
        .title_bottom(
            Line::styled(" j/k scroll · any other key closes ", palette.muted).right_aligned(),
        );
    let inner = block.inner(area);
    let rows = lines(state);
    let key_cells = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(18);
    let doc_cells = usize::from(inner.width).saturating_sub(key_cells + 2);
    let mut text: Vec<Line> = vec![
        layout::line(
            &state.rendering.summary,
            usize::from(inner.width),
            &state.rendering,
            palette.muted,
        ),
        Line::default(),
    ];
    text.extend(rows.into_iter().map(|(keys, doc)| {
        let keys = format!("{:>key_cells$}  ", truncate(&keys, key_cells));
        Line::from(vec![
            Span::styled(keys, palette.accent),
            Span::raw(truncate(&doc, doc_cells)),
        ])
    }));
    let top = usize::from(scroll).min(text.len().saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(text[top..].to_vec()).block(block), area);
}
