//! The preview pane: the selected item's summary fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Palette;
use crate::article::{Article, Dir};
use crate::tui::state::State;
use crate::tui::text::clean;

/// Draws the fields of the selected item.
pub fn render(frame: &mut Frame, area: Rect, state: &State, palette: &Palette) {
    let block = Block::bordered().title(Span::styled(" Preview ", palette.accent));
    let lines = match state.current() {
        None => vec![Line::styled("No item selected.", palette.muted)],
        Some(item) => match &item.article {
            None => vec![
                Line::styled(clean(&item.entry.name), palette.title),
                Line::styled("reading…", palette.muted),
            ],
            Some(a) => fields(a, palette),
        },
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn fields<'a>(a: &Article, palette: &Palette) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(clean(&a.title), palette.title)];
    if let Some(error) = &a.error {
        lines.push(Line::styled(clean(error), palette.error));
        return lines;
    }
    let dir = if a.dir == Dir::Rtl { "rtl" } else { "ltr" };
    let mut meta = vec![a.lang.clone().unwrap_or_else(|| "?".into()) + " " + dir];
    meta.extend(
        [&a.source, &a.date, &a.author]
            .into_iter()
            .flatten()
            .map(|s| clean(s)),
    );
    meta.push(format!("{} words, {} min", a.words, a.reading_minutes));
    lines.push(Line::styled(meta.join(" · "), palette.muted));
    if !a.keywords.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("keywords ", palette.muted),
            Span::raw(clean(&a.keywords.join(", "))),
        ]));
    }
    section(&mut lines, "Lead", &a.lead, palette);
    if a.summary != a.lead {
        section(&mut lines, "Summary", &a.summary, palette);
    }
    if !a.quotes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Quotes", palette.accent));
        for q in &a.quotes {
            let who = q
                .speaker
                .as_deref()
                .map_or_else(|| "unattributed".to_string(), clean);
            lines.push(Line::from(vec![
                Span::styled(format!("“{}”", clean(&q.text)), palette.quote),
                Span::styled(format!(" — {who}"), palette.muted),
            ]));
        }
    }
    if !a.subheadings.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Subheadings", palette.accent));
        lines.extend(
            a.subheadings
                .iter()
                .map(|s| Line::raw(format!("• {}", clean(s)))),
        );
    }
    for note in &a.notes {
        lines.push(Line::styled(
            format!("note: {}", clean(note)),
            palette.muted,
        ));
    }
    lines
}

fn section<'a>(lines: &mut Vec<Line<'a>>, label: &'a str, text: &str, palette: &Palette) {
    if text.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::styled(label, palette.accent));
    lines.push(Line::raw(clean(text)));
}
