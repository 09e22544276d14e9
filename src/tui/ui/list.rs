//! The item list: mark, language and direction, title, source, age.

use std::time::{Duration, SystemTime};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Palette;
use crate::article::Dir;
use crate::tui::state::State;
use crate::tui::text::{clean, fit, layout, truncate, width};

/// Draws the list, keeping the selected row in view (centred when it can be).
pub fn render(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    // More names are still being read (a big inbox is listed in batches).
    let more = if state.listing { "+" } else { "" };
    let title = match state.active_view() {
        Some(view) => format!(" Inbox › {} {}{more} ", view.name, state.view.len()),
        None => format!(" Inbox {}{more} ", state.view.len()),
    };
    let block = Block::bordered().title(Span::styled(title, palette.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if state.view.is_empty() {
        let text = if state.filter.is_empty() {
            "The inbox is empty. New items appear here as they arrive."
        } else {
            "Nothing matches the search. Esc clears it."
        };
        frame.render_widget(Paragraph::new(Span::styled(text, palette.muted)), inner);
        return;
    }
    let rows = usize::from(inner.height);
    let offset = window_start(state.selected, rows, state.view.len());
    let lines: Vec<Line> = state.view[offset..(offset + rows).min(state.view.len())]
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            row(
                state,
                i,
                offset + n == state.selected,
                usize::from(inner.width),
                palette,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first visible row: the selection centred, clamped to the ends.
pub fn window_start(selected: usize, rows: usize, len: usize) -> usize {
    selected
        .saturating_sub(rows / 2)
        .min(len.saturating_sub(rows))
}

fn row<'a>(
    state: &State,
    index: usize,
    selected: bool,
    cells: usize,
    palette: &Palette,
) -> Line<'a> {
    let item = &state.items[index];
    let marked = state.marks.contains(&item.entry.name);
    // Grouped by story, a row says how many copies it stands for.
    let copies = if state.grouped {
        state.clusters.size(index)
    } else {
        1
    };
    let mut count = if copies > 1 {
        format!("×{copies} ")
    } else {
        String::new()
    };
    // Like an item filed lately (the preview says which).
    if item.also_filed.is_some() {
        count.push_str("≈ ");
    }
    let mark = if marked {
        "*"
    } else if item.fresh {
        "+"
    } else {
        " "
    };
    let (lang, rtl) = if item.extracted() {
        (
            item.lang().unwrap_or("--").to_string(),
            item.dir() == Dir::Rtl,
        )
    } else {
        ("..".into(), false)
    };
    let lang = format!("{}{}", fit(&lang, 2), if rtl { "←" } else { " " });
    let age = if item.entry.is_listed_only() {
        String::new()
    } else {
        age(state.now, item.entry.modified)
    };
    let source = item.source().unwrap_or_default();
    let source_cells = if cells >= 70 && !source.is_empty() {
        14.min(width(source) + 1)
    } else {
        0
    };
    // The rules' suggestion, one key (`a`) away.
    let suggestion = item
        .suggestion()
        .map(|c| format!(" →{}", truncate(&clean(state.label(c)), 12)))
        .unwrap_or_default();
    let title_cells =
        cells.saturating_sub(1 + 4 + source_cells + 5 + width(&count) + width(&suggestion));
    let title = layout::line(
        item.title(),
        title_cells,
        &state.rendering,
        ratatui::style::Style::new(),
    );
    let title_pad = title_cells.saturating_sub(title.spans.iter().map(|s| width(&s.content)).sum());
    let mut spans = vec![
        Span::styled(
            mark.to_string(),
            if marked {
                palette.marked
            } else {
                palette.fresh
            },
        ),
        Span::styled(lang, palette.muted),
        Span::raw(" "),
        Span::styled(count, palette.accent),
    ];
    spans.extend(title.spans);
    spans.push(Span::raw(" ".repeat(title_pad)));
    spans.push(Span::styled(suggestion, palette.accent));
    if source_cells > 0 {
        spans.push(Span::styled(
            format!(" {}", fit(&clean(source), source_cells - 1)),
            palette.muted,
        ));
    }
    spans.push(Span::styled(format!(" {age:>4}"), palette.muted));
    let line = Line::from(spans);
    if selected {
        line.style(palette.selected)
    } else if item.failed() {
        line.style(palette.error)
    } else {
        line
    }
}

/// A compact age: `now`, `5m`, `3h`, `2d`, `6w`.
pub fn age(now: SystemTime, then: SystemTime) -> String {
    let secs = now.duration_since(then).unwrap_or(Duration::ZERO).as_secs();
    match secs {
        0..60 => "now".into(),
        60..3600 => format!("{}m", secs / 60),
        3600..86_400 => format!("{}h", secs / 3600),
        86_400..1_209_600 => format!("{}d", secs / 86_400),
        _ => truncate(&format!("{}w", secs / 604_800), 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_and_windows() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(10_000_000);
        assert_eq!(age(t, t), "now");
        assert_eq!(age(t + Duration::from_secs(300), t), "5m");
        assert_eq!(age(t + Duration::from_secs(3 * 3600), t), "3h");
        assert_eq!(age(t + Duration::from_secs(2 * 86_400), t), "2d");
        assert_eq!(window_start(0, 10, 100), 0);
        assert_eq!(window_start(50, 10, 100), 45);
        assert_eq!(window_start(99, 10, 100), 90);
        assert_eq!(window_start(3, 10, 5), 0);
    }
}
