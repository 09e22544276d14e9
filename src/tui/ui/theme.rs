//! Styles from the config's theme; with NO_COLOR only bold, dim and reverse remain.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{self, Theme};

/// The styles every view draws with.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub accent: Style,
    pub muted: Style,
    pub selected: Style,
    pub marked: Style,
    pub fresh: Style,
    pub error: Style,
    pub quote: Style,
    pub title: Style,
}

impl Palette {
    /// Styles for a theme; `color: false` for NO_COLOR.
    pub fn new(theme: &Theme, color: bool) -> Palette {
        let fg = |c: config::Color| {
            if color {
                Style::new().fg(ansi(c))
            } else {
                Style::new()
            }
        };
        let selected = if color {
            Style::new()
                .fg(ansi(theme.selected_fg))
                .bg(ansi(theme.selected_bg))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        };
        Palette {
            accent: fg(theme.accent).add_modifier(Modifier::BOLD),
            muted: if color {
                fg(theme.muted)
            } else {
                Style::new().add_modifier(Modifier::DIM)
            },
            selected,
            marked: fg(theme.marked).add_modifier(Modifier::BOLD),
            fresh: fg(theme.fresh).add_modifier(Modifier::BOLD),
            error: fg(theme.error).add_modifier(Modifier::BOLD),
            quote: fg(theme.quote).add_modifier(Modifier::ITALIC),
            title: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

fn ansi(c: config::Color) -> Color {
    use config::Color as C;
    match c {
        C::Default => Color::Reset,
        C::Black => Color::Black,
        C::Red => Color::Red,
        C::Green => Color::Green,
        C::Yellow => Color::Yellow,
        C::Blue => Color::Blue,
        C::Magenta => Color::Magenta,
        C::Cyan => Color::Cyan,
        C::Gray => Color::Gray,
        C::DarkGray => Color::DarkGray,
        C::LightRed => Color::LightRed,
        C::LightGreen => Color::LightGreen,
        C::LightYellow => Color::LightYellow,
        C::LightBlue => Color::LightBlue,
        C::LightMagenta => Color::LightMagenta,
        C::LightCyan => Color::LightCyan,
        C::White => Color::White,
    }
}
