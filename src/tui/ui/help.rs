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
                other => other.doc().to_string(),
            };
            (keys.join(", "), doc)
        })
        .collect()
}

/// Draws the overlay.
pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: u16, palette: &Palette) {
    let block = Block::bordered()
        .title(Span::styled(" Keys ", palette.accent))
        .title_bottom(
            Line::styled(" j/k scroll · any other key closes ", palette.muted).right_aligned(),
        );
    let rows = lines(state);
    let key_cells = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(18);
    let text: Vec<Line> = rows
        .into_iter()
        .map(|(keys, doc)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_cells$}  "), palette.accent),
                Span::raw(doc),
            ])
        })
        .collect();
    let paragraph = Paragraph::new(text).block(block).wrap(Wrap { trim: false });
    let max = (paragraph.line_count(area.width.saturating_sub(2)) as u16)
        .saturating_sub(area.height.saturating_sub(2));
    frame.render_widget(paragraph.scroll((scroll.min(max), 0)), area);
}
