//! Rendering: pure reads of [`State`] into a frame.

mod help;
mod links;
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
    let areas = areas(area, state);
    match &state.mode {
        Mode::Reader { scroll, doc } => {
            reader::render(frame, areas.main, state, doc.as_deref(), *scroll, &palette)
        }
        Mode::Stats => stats::render(frame, areas.main, state, &palette),
        _ => {
            list::render(frame, areas.list, state, &palette);
            if let Some(preview) = areas.preview {
                preview::render(frame, preview, state, &palette);
            }
        }
    }
    status::render_status(frame, areas.status, state, &palette);
    status::render_legend(frame, areas.legend, state, &palette);
    if let Mode::Help { scroll } = state.mode {
        let popup = centered(area, 72, area.height.saturating_sub(2));
        frame.render_widget(Clear, popup);
        help::render(frame, popup, state, scroll, &palette);
    }
}

/// Where each part of the screen goes: shared by drawing and by mouse clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub main: Rect,
    pub list: Rect,
    pub preview: Option<Rect>,
    pub status: Rect,
    pub legend: Rect,
}

/// Lays out the screen: the list with its preview beside it (wide) or below it
/// (tall enough), the status line and the key legend.
pub fn areas(area: Rect, state: &State) -> Areas {
    let [main, status, legend] = Split::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let side = match state.layout {
        Layout::Side => true,
        Layout::Stacked => false,
        Layout::Auto => main.width >= 100,
    };
    let (list, preview) = if side {
        let [l, p] =
            Split::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
        (l, Some(p))
    } else if main.height >= 16 {
        let [l, p] =
            Split::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(main);
        (l, Some(p))
    } else {
        (main, None)
    };
    Areas {
        main,
        list,
        preview,
        status,
        legend,
    }
}

pub use list::window_start;
pub use status::legend_hints;

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
