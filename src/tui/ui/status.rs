//! The status line (counts, progress, the last message) and the key legend.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Palette;
use crate::action::Action;
use crate::tui::state::{Level, Mode, State};
use crate::tui::text::{clean, layout, truncate, width};

/// Counts on the left, then the message or the search prompt.
pub fn render_status(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    if state.mode == Mode::Search {
        let prompt = format!("/{}▏ ", clean(&state.filter));
        let tail = match &state.query_error {
            Some(e) => Span::styled(
                format!("{} at column {}", e.message, e.column),
                palette.error,
            ),
            None => {
                let n = state.view.len();
                Span::styled(
                    format!(
                        "{n} match{}  (enter keeps, esc clears)",
                        if n == 1 { "" } else { "es" }
                    ),
                    palette.muted,
                )
            }
        };
        let room = usize::from(area.width);
        let prompt = layout::spans(&prompt, room, &state.rendering, palette.accent);
        let mut spans = prompt;
        spans.push(tail);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let mut parts = vec![format!("inbox {}", state.items.len())];
    if let Some(stats) = state
        .stats
        .as_ref()
        .filter(|s| s.arrivals_per_hour.iter().any(|n| *n > 0))
    {
        parts.push(format!("arrivals {}", super::stats::sparkline(stats)));
    }
    if !state.marks.is_empty() {
        parts.push(format!("{} marked", state.marks.len()));
    }
    if state.pending > 0 {
        parts.push(format!("reading {}…", state.pending));
    }
    let fresh = state.items.iter().filter(|i| i.fresh).count();
    if fresh > 0 {
        parts.push(format!("{fresh} new"));
    }
    let filed: Vec<String> = state
        .filed
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(c, n)| format!("{} {n}", state.label(c)))
        .collect();
    if !filed.is_empty() {
        parts.push(format!("filed: {}", filed.join(", ")));
    }
    if !state.filter.is_empty() {
        parts.push(format!("search: {}", clean(&state.filter)));
    }
    let counts = parts.join(" · ");
    let room = usize::from(area.width).saturating_sub(width(&counts) + 2);
    let mut spans = vec![Span::styled(counts, palette.muted)];
    if let Some((message, level)) = &state.message {
        let style = if *level == Level::Error {
            palette.error
        } else {
            palette.accent
        };
        spans.push(Span::raw("  "));
        spans.extend(layout::spans(message, room, &state.rendering, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The key legend, generated from the bindings so it cannot drift from them.
pub fn render_legend(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let mut hints: Vec<(String, String)> = Vec::new();
    let mut add = |action: Action, label: &str| {
        let key = state
            .keys_for(&action)
            .into_iter()
            .next()
            .unwrap_or_default();
        if !key.is_empty() {
            hints.push((key, label.to_string()));
        }
    };
    for c in &state.categories {
        add(Action::FileInto(c.name.clone()), &c.label);
    }
    add(Action::Skip, "skip");
    add(Action::Undo, "undo");
    add(Action::ToggleMark, "mark");
    add(Action::OpenReader, "read");
    add(Action::Search, "search");
    add(Action::Help, "help");
    add(Action::Quit, "quit");
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in hints {
        let cell = key.chars().count() + label.chars().count() + 2;
        if used + cell > usize::from(area.width) {
            break;
        }
        used += cell;
        spans.push(Span::styled(key, palette.accent));
        spans.push(Span::styled(
            format!(" {} ", truncate(&label, 16)),
            palette.muted,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
