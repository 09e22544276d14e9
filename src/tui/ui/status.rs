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
    let more = if state.listing { "+" } else { "" };
    let mut parts = vec![format!("inbox {}{more}", state.items.len())];
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
    // Before the first scan every listed item is still to be read.
    let pending = if state.scanned {
        state.pending
    } else {
        state.items.len()
    };
    if pending > 0 {
        parts.push(format!("reading {pending}…"));
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

/// The legend's hints as (first cell, cells, key, label, action), fitted to `cells`:
/// generated from the bindings so they cannot drift from them.
pub fn legend_hints(state: &State, cells: u16) -> Vec<(u16, u16, String, String, Action)> {
    let mut wanted: Vec<(Action, String)> = state
        .categories
        .iter()
        .map(|c| (Action::FileInto(c.name.clone()), c.label.clone()))
        .collect();
    for (action, label) in [
        (Action::Skip, "skip"),
        (Action::Undo, "undo"),
        (Action::ToggleMark, "mark"),
        (Action::OpenReader, "read"),
        (Action::Search, "search"),
        (Action::Help, "help"),
        (Action::Quit, "quit"),
    ] {
        wanted.push((action, label.to_string()));
    }
    let mut hints = Vec::new();
    let mut used: u16 = 0;
    for (action, label) in wanted {
        let Some(key) = state.keys_for(&action).into_iter().next() else {
            continue;
        };
        let label = truncate(&clean(&label), 16);
        let cell = (width(&key) + width(&label) + 2) as u16;
        if used + cell > cells {
            break;
        }
        hints.push((used, cell, key, label, action));
        used += cell;
    }
    hints
}

/// The key legend.
pub fn render_legend(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let mut spans = Vec::new();
    for (_, _, key, label, _) in legend_hints(state, area.width) {
        spans.push(Span::styled(key, palette.accent));
        spans.push(Span::styled(format!(" {label} "), palette.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
