//! The preview pane: the selected item's summary fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Palette;
use crate::article::{Article, Dir};
use crate::tui::state::State;
use crate::tui::text::layout::{self, paragraph};

/// Draws the fields of the selected item.
pub fn render(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let block = Block::bordered().title(Span::styled(" Preview ", palette.accent));
    let cells = usize::from(block.inner(area).width);
    let r = &state.rendering;
    let plain = |text: &str, style: Style| paragraph(text, cells, r, style, &|_| Vec::new());
    let lines = match state.current() {
        None => vec![Line::styled("No item selected.", palette.muted)],
        Some(item) => match &item.article {
            None => [
                plain(&item.entry.name, palette.title),
                vec![Line::styled("reading…", palette.muted)],
            ]
            .concat(),
            Some(a) => fields(a, cells, state, palette),
        },
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn fields(a: &Article, cells: usize, state: &State, palette: &Palette) -> Vec<Line<'static>> {
    let r = &state.rendering;
    let plain = |text: &str, style: Style| paragraph(text, cells, r, style, &|_| Vec::new());
    let mut lines = plain(&a.title, palette.title);
    if let Some(error) = &a.error {
        lines.extend(plain(error, palette.error));
        return lines;
    }
    let dir = if a.dir == Dir::Rtl { "rtl" } else { "ltr" };
    let mut meta = vec![a.lang.clone().unwrap_or_else(|| "?".into()) + " " + dir];
    meta.extend(
        [&a.source, &a.date, &a.author]
            .into_iter()
            .flatten()
            .cloned(),
    );
    meta.push(format!("{} words, {} min", a.words, a.reading_minutes));
    lines.extend(plain(&meta.join(" · "), palette.muted));
    if !a.keywords.is_empty() {
        lines.extend(plain(
            &format!("keywords: {}", a.keywords.join(", ")),
            Style::new(),
        ));
    }
    section(&mut lines, "Lead", &a.lead, cells, state, palette);
    if a.summary != a.lead {
        section(&mut lines, "Summary", &a.summary, cells, state, palette);
    }
    if !a.quotes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Quotes", palette.accent));
        for q in &a.quotes {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            lines.extend(paragraph(
                &format!("“{}” — {who}", q.text),
                cells,
                r,
                palette.quote,
                &|_| Vec::new(),
            ));
        }
    }
    if !a.subheadings.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Subheadings", palette.accent));
        for s in &a.subheadings {
            lines.extend(plain(&format!("• {s}"), Style::new()));
        }
    }
    for note in &a.notes {
        lines.push(layout::line(
            &format!("note: {note}"),
            cells,
            r,
            palette.muted,
        ));
    }
    lines
}

fn section(
    lines: &mut Vec<Line<'static>>,
    label: &'static str,
    text: &str,
    cells: usize,
    state: &State,
    palette: &Palette,
) {
    if text.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::styled(label, palette.accent));
    lines.extend(paragraph(
        text,
        cells,
        &state.rendering,
        Style::new(),
        &|_| Vec::new(),
    ));
}
