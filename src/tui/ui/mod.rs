//! Rendering: pure reads of [`State`] into a frame.

mod help;
mod list;
mod preview;
mod reader;
mod stats;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout as Split, Rect};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::state::{Mode, State};
use crate::config::Layout;
use theme::Palette;

/// The smallest terminal newsdesk draws in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, state: &State) {
    let area = frame.area();
    let palette = Palette::new(&state.theme, state.color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "terminal too small: {}×{}, newsdesk needs {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .style(palette.error),
            area,
        );
        return;
    }
    let [main, status_row, legend_row] = Split::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match &state.mode {
        Mode::Reader { scroll, doc } => {
            reader::render(frame, main, state, doc.as_deref(), *scroll, &palette)
        }
        Mode::Stats => stats::render(frame, main, state, &palette),
        _ => browse(frame, main, state, &palette),
    }
    status::render_status(frame, status_row, state, &palette);
    status::render_legend(frame, legend_row, state, &palette);
    if let Mode::Help { scroll } = state.mode {
        let popup = centered(area, 72, area.height.saturating_sub(2));
        frame.render_widget(Clear, popup);
        help::render(frame, popup, state, scroll, &palette);
    }
}

/// The list with its preview beside or below it, by width and config.
fn browse(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let side = match state.layout {
        Layout::Side => true,
        Layout::Stacked => false,
        Layout::Auto => area.width >= 100,
    };
    if side {
        let [l, p] =
            Split::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        list::render(frame, l, state, palette);
        preview::render(frame, p, state, palette);
    } else if area.height >= 16 {
        let [l, p] =
            Split::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        list::render(frame, l, state, palette);
        preview::render(frame, p, state, palette);
    } else {
        list::render(frame, area, state, palette);
    }
}

/// The rows the list shows in an area of this height (for paging).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(2)).max(1)
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests;
